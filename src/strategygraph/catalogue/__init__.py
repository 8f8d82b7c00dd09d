"""The named SPARQL queries in queries/*.rq: their parameters and their results as output."""
