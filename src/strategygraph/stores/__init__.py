"""Where the graph lives and how it answers SPARQL: in memory (rdflib), Oxigraph, a remote service."""
