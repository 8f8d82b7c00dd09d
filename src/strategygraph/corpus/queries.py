"""The SPARQL SELECTs the corpus is read with: standard SPARQL, so every store answers them alike."""

COMMITTEES = """
SELECT ?committee ?slug ?labelDa ?labelEn ?municipality ?municipalitySlug ?municipalityDa ?municipalityEn WHERE {
    ?committee a sg:Committee ; sg:slug ?slug .
    OPTIONAL {
        ?committee org:unitOf ?municipality .
        OPTIONAL { ?municipality sg:slug ?municipalitySlug }
        OPTIONAL { ?municipality skos:prefLabel ?municipalityDa . FILTER (lang(?municipalityDa) = "da") }
        OPTIONAL { ?municipality skos:prefLabel ?municipalityEn . FILTER (lang(?municipalityEn) = "en") }
    }
    OPTIONAL { ?committee skos:prefLabel ?labelDa . FILTER (lang(?labelDa) = "da") }
    OPTIONAL { ?committee skos:prefLabel ?labelEn . FILTER (lang(?labelEn) = "en") }
}
"""

REMITS = "SELECT ?committee ?slug WHERE { ?committee a sg:Committee ; sg:remit ?theme . ?theme sg:slug ?slug }"

FOCUS_AREAS = """
SELECT ?area ?slug ?title ?order ?slideNumber ?seminar ?committee ?confidence ?rationaleDa ?rationaleEn WHERE {
    ?area a sg:FocusArea ; sg:slug ?slug ; dcterms:title ?title ; sg:order ?order ; sg:slide ?slide ;
        sg:seminar ?seminar .
    ?slide sg:slideNumber ?slideNumber .
    OPTIONAL { ?area sg:presentedBy ?committee }
    OPTIONAL {
        ?area sg:attribution ?attribution .
        OPTIONAL { ?attribution sg:confidence ?confidence }
        OPTIONAL { ?attribution sg:rationale ?rationaleDa . FILTER (lang(?rationaleDa) = "da") }
        OPTIONAL { ?attribution sg:rationale ?rationaleEn . FILTER (lang(?rationaleEn) = "en") }
    }
}
"""

SEMINARS = """
SELECT ?seminar ?slug ?municipalitySlug WHERE {
    ?seminar a sg:Seminar ; sg:slug ?slug .
    OPTIONAL { ?seminar sg:municipality ?municipality . ?municipality sg:slug ?municipalitySlug }
}
"""

ALT_LABELS = "SELECT ?area ?label WHERE { ?area a sg:FocusArea ; skos:altLabel ?label }"

# The text and slide patterns sit inside each branch: rdflib evaluates a pattern after a UNION on its own, and
# `?unit sg:text …` beside `?slide sg:slideNumber …` is every unit times every slide (22 s at 10 k triples).
UNITS = """
SELECT ?unit ?kind ?text ?order ?area ?slideNumber ?seminar ?start ?end WHERE {
    {
        ?unit a sg:Statement ; sg:focusArea ?area ; sg:text ?text ; sg:order ?order .
        ?area sg:slide ?slide .
        ?slide sg:slideNumber ?slideNumber ; sg:seminar ?seminar .
        BIND ("statement" AS ?kind)
    } UNION {
        ?unit a sg:Reflection ; sg:slide ?slide ; sg:text ?text ; sg:order ?order .
        ?slide sg:slideNumber ?slideNumber ; sg:seminar ?seminar .
        BIND ("reflection" AS ?kind)
    }
    OPTIONAL {
        ?unit sg:source ?source .
        ?source oa:hasSelector ?position .
        ?position a oa:TextPositionSelector ; oa:start ?start ; oa:end ?end .
    }
}
"""

THEMES = """
SELECT ?theme ?slug ?labelDa ?labelEn WHERE {
    ?theme a sg:Theme ; sg:slug ?slug .
    OPTIONAL { ?theme skos:prefLabel ?labelDa . FILTER (lang(?labelDa) = "da") }
    OPTIONAL { ?theme skos:prefLabel ?labelEn . FILTER (lang(?labelEn) = "en") }
}
"""

BROADER = "SELECT ?theme ?broader WHERE { ?theme a sg:Theme ; skos:broader ?other . ?other sg:slug ?broader }"

PILLARS = """
SELECT ?pillar ?slug ?labelDa ?labelEn WHERE {
    ?pillar a sg:Pillar ; sg:slug ?slug .
    OPTIONAL { ?pillar skos:prefLabel ?labelDa . FILTER (lang(?labelDa) = "da") }
    OPTIONAL { ?pillar skos:prefLabel ?labelEn . FILTER (lang(?labelEn) = "en") }
}
"""

# ?own is 1 or 0, not a boolean: Virtuoso answers true and false as the integers 1 and 0.
PILLAR_THEMES = """
SELECT ?pillar ?theme ?own WHERE {
    { ?pillar a sg:Pillar ; sg:pillarTheme ?t . BIND (1 AS ?own) }
    UNION { ?pillar a sg:Pillar ; sg:servedBy ?t . BIND (0 AS ?own) }
    ?t sg:slug ?theme .
}
"""

MENTIONS = """
SELECT ?unit ?theme ?matched ?start ?end ?method WHERE {
    ?mention a sg:ThemeMention ; sg:theme ?t ; sg:mentionIn ?unit ; sg:matchedText ?matched ;
        sg:start ?start ; sg:end ?end .
    ?t sg:slug ?theme .
    OPTIONAL { ?mention sg:method ?method }
}
"""
