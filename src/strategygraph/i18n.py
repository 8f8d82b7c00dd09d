"""User-facing words in Danish (first) and English, looked up by key."""

from __future__ import annotations

_TEXTS: dict[str, tuple[str, str]] = {
    "what": ("Hvad", "What"),
    "count": ("Antal", "Count"),
    "municipalities": ("Kommuner", "Municipalities"),
    "seminars": ("Seminarer", "Seminars"),
    "slides": ("Slides", "Slides"),
    "committees": ("Udvalg", "Committees"),
    "focus_areas": ("Fokusområder", "Focus areas"),
    "statements": ("Udsagn", "Statements"),
    "reflections": ("Refleksioner", "Reflections"),
    "themes": ("Temaer", "Themes"),
    "pillars": ("Sigtepunkter", "Pillars"),
    "mentions": ("Temaforekomster", "Theme mentions"),
    "triples": ("Tripler", "Triples"),
    "theme": ("Tema", "Theme"),
    "label": ("Betegnelse", "Label"),
    "matched": ("Matchet tekst", "Matched text"),
    "start": ("Start", "Start"),
    "end": ("Slut", "End"),
    "via": ("Leksikon", "Lexicon entry"),
    "committee": ("Udvalg", "Committee"),
    "committee_a": ("Udvalg A", "Committee A"),
    "committee_b": ("Udvalg B", "Committee B"),
    "weight": ("Vægt", "Weight"),
    "shared": ("Fælles", "Shared"),
    "shared_themes": ("Fælles temaer", "Shared themes"),
    "quotes": ("Citater", "Quotes"),
    "cross_cutting": ("Tværgående", "Cross-cutting"),
    "degree": ("Grad", "Degree"),
    "betweenness": ("Mellemled", "Betweenness"),
    "example": ("Eksempel", "Example"),
    "a_silent_on": ("A nævner ikke", "A never mentions"),
    "b_silent_on": ("B nævner ikke", "B never mentions"),
    "kind": ("Slags", "Kind"),
    "community": ("Klynge", "Community"),
    "modularity": ("Modularitet", "Modularity"),
    "members": ("Medlemmer", "Members"),
    "disconnected_pairs": ("Afbrudte temapar", "Disconnected theme pairs"),
    "connectivity_loss": ("Tab af sammenhæng", "Connectivity loss"),
    "sole_carrier_of": ("Eneste bærer af", "Sole carrier of"),
    "gaps_heading": (
        "Temaer fra refleksionerne, som intet fokusområde ejer",
        "Themes raised in reflections that no focus area owns",
    ),
    "candidates_heading": (
        "Kandidater til samarbejde: stærkt overlap, men de nævner ikke hinandens område",
        "Candidate collaborations: strong overlap, but neither mentions the other's remit",
    ),
    "communities_heading": ("Klynger (Louvain-fællesskaber)", "Communities (Louvain)"),
    "brokers_heading": (
        "Brobyggere: udvalg, uden hvilke temagrafen falder fra hinanden",
        "Brokers: committees without which the theme graph falls apart",
    ),
    "none": ("(ingen)", "(none)"),
    "conforms": (
        "Data følger datamodellens regler (SHACL), og alle kildehenvisninger passer ({triples} tripler).",
        "The data conforms to the shapes and every source pointer matches ({triples} triples).",
    ),
    "violations": ("{count} overtrædelser.", "{count} violations."),
    "violations_one": ("1 overtrædelse.", "1 violation."),
    "imported": (
        "{folder}: seminaret {seminar} er importeret og valideret.",
        "{folder}: seminar {seminar} imported and validated.",
    ),
    "tag_text_is_a_file": (
        "Bemærk: »{text}« er også en fil, men teksten tagges, som den står. Filens indhold tagges med "
        "strategygraph tag - < {quoted}",
        "Note: '{text}' is also a file, but the text is tagged as written. To tag the file's contents: "
        "strategygraph tag - < {quoted}",
    ),
    "query_name": ("Navn", "Name"),
    "query_title": ("Titel", "Title"),
    "query_parameters": ("Parametre", "Parameters"),
    "published": (
        "{graph} på {url}: {before} tripler før, {after} efter ({sent} sendt).",
        "{graph} at {url}: {before} triples before, {after} after ({sent} sent).",
    ),
    "serving": (
        "SPARQL-endpoint (skrivebeskyttet): {query_url}\nForespørgselseditor (YASGUI): {base_url}/\n"
        "Tidsgrænse pr. forespørgsel: {timeout:g} s. Stop med Ctrl-C.",
        "SPARQL endpoint (read-only): {query_url}\nQuery editor (YASGUI): {base_url}/\n"
        "Time limit per query: {timeout:g} s. Stop with Ctrl-C.",
    ),
    # interactive views (strategygraph view)
    "focus_area": ("Fokusområde", "Focus area"),
    "pillar": ("Sigtepunkt", "Pillar"),
    "slide": ("slide", "slide"),
    "statement": ("Udsagn", "Statement"),
    "reflection": ("Refleksion", "Reflection"),
    "evidence_statements": ("udsagn", "statements"),
    "evidence_reflections": ("refleksioner", "reflections"),
    "evidence_all": ("udsagn og refleksioner", "statements and reflections"),
    "confidence_stated": ("angivet i kilden", "stated in the source"),
    "confidence_strong-inference": ("stærk slutning", "strong inference"),
    "confidence_weak-guess": ("svagt gæt", "weak guess"),
    "confidence_unknown": ("ukendt sikkerhed", "unknown confidence"),
    "view_overview": ("Overblik: udvalg, fokusområder og temaer", "Overview: committees, focus areas and themes"),
    "view_overlap": ("Overlap mellem udvalg", "Overlaps between committees"),
    "view_themes": ("Temaer og de udvalg, der bærer dem", "Themes and the committees that carry them"),
    "view_committee": ("Udvalg: {label}", "Committee: {label}"),
    "view_municipality": ("Overlap mellem udvalg: {label}", "Overlaps between committees: {label}"),
    "view_theme": ("Tema: {label}", "Theme: {label}"),
    # report and exports (strategygraph report / export)
    "report_title": ("Strategirapport", "Strategy report"),
    "report_subtitle": (
        "{seminar} · {municipality} · evidens: {evidence} · lavet med strategygraph {version}",
        "{seminar} · {municipality} · evidence: {evidence} · made with strategygraph {version}",
    ),
    "report_contents": ("Indhold", "Contents"),
    "report_figures": ("Nøgletal", "Key figures"),
    "report_figure_committees": ("udvalg med fokusområder", "committees with focus areas"),
    "report_figure_focus_areas": ("fokusområder", "focus areas"),
    "report_figure_statements": ("udsagn", "statements"),
    "report_figure_reflections": ("refleksioner fra grupperne", "group reflections"),
    "report_figure_themes": (
        "temaer nævnt i udsagn eller refleksioner (af {total} i temalisten)",
        "themes mentioned in statements or reflections (of {total} in the thesaurus)",
    ),
    "report_figure_themes_carried": (
        "temaer nævnt i et udvalgs {evidence}: søjlerne i varmekortet",
        "themes mentioned in a committee's {evidence}: the heatmap's columns",
    ),
    "report_figure_themes_shared": (
        "temaer nævnt i mindst 2 udvalgs {evidence}: grundlaget for overlappene",
        "themes mentioned in the {evidence} of at least 2 committees: what the overlaps rest on",
    ),
    "report_figure_mentions": ("temaforekomster", "theme mentions"),
    "report_figure_pairs": ("udvalgspar med overlap (af {total})", "committee pairs that overlap (of {total})"),
    "report_figure_inferred": (
        "tilskrivninger udvalg → fokusområde er slutninger (af {total})",
        "committee → focus-area attributions are inferences (of {total})",
    ),
    "report_committees": ("Udvalg og deres fokusområder", "Committees and their focus areas"),
    "report_committees_intro": (
        "Kilden siger ikke, hvilket udvalg der præsenterede hvilket fokusområde. Hver kobling er en slutning "
        "med en sikkerhed og en begrundelse.",
        "The source does not say which committee presented which focus area. Each link is an inference with a "
        "confidence and a rationale.",
    ),
    "report_committees_intro_stated": (
        "Kilden siger for hvert fokusområde, hvilket udvalg der præsenterede det.",
        "The source says for every focus area which committee presented it.",
    ),
    "report_committees_intro_mixed": (
        "Kilden siger for {stated} af {total} fokusområder, hvilket udvalg der præsenterede dem; de øvrige "
        "koblinger er slutninger med en sikkerhed og en begrundelse.",
        "The source says for {stated} of {total} focus areas which committee presented them; the other links are "
        "inferences with a confidence and a rationale.",
    ),
    "report_unattributed": ("(intet udvalg)", "(no committee)"),
    "report_no_themes": ("ingen temaer fundet", "no themes found"),
    "report_slide": ("slide {slide}", "slide {slide}"),
    "report_heatmap": ("Udvalg × tema", "Committee × theme"),
    "report_heatmap_intro": (
        "Hvor mange forskellige {evidence} fra hvert udvalg der nævner hvert tema. Temaerne står med de mest "
        "tværgående først.",
        "How many distinct {evidence} of each committee mention each theme. The most cross-cutting themes come first.",
    ),
    "report_heatmap_columns": (
        "Varmekortet viser {shown} af de {mentioned} temaer, der er nævnt i udsagn eller refleksioner: dem, som "
        "mindst ét udvalgs {evidence} nævner.",
        "The heatmap shows {shown} of the {mentioned} themes mentioned in statements or reflections: those that "
        "the {evidence} of at least one committee mention.",
    ),
    "report_heatmap_legend": ("Antal {evidence}", "Number of {evidence}"),
    "report_heatmap_cell": ("{committee} × {theme}: {count}", "{committee} × {theme}: {count}"),
    "report_overlaps": ("De stærkeste overlap", "The strongest overlaps"),
    "report_overlaps_intro": (
        "Udvalgspar, der deler temaer, med de stærkeste først (vægt 0–1; temaer, som mange udvalg bærer, tæller "
        "lidt). Under hvert fælles tema står citater fra begge sider.",
        "Committee pairs that share themes, strongest first (weight 0–1; themes many committees carry count "
        "little). Under each shared theme are quotes from both sides.",
    ),
    "report_overlaps_shown": (
        "Viser {shown} af {total} par; alle par står i tabellen nedenfor og i tables/overlaps.csv.",
        "Showing {shown} of {total} pairs; every pair is in the table below and in tables/overlaps.csv.",
    ),
    "report_overlaps_all": ("Alle overlappende par", "All overlapping pairs"),
    "report_weight": ("vægt {weight}", "weight {weight}"),
    "report_carried_by": ("båret af {count} udvalg", "carried by {count} committees"),
    "report_more_quotes": ("… og {count} citater mere", "… and {count} more quotes"),
    "report_more_quotes_one": ("… og 1 citat mere", "… and 1 more quote"),
    "report_reach": ("Temaernes rækkevidde", "Theme reach"),
    "report_reach_intro": (
        "Tværgående: den normaliserede entropi af temaets evidens over udvalgene (0 = ét udvalg, 1 = jævnt over "
        "alle). Grad og mellemled: centralitet i temagrafen (temaer forbundet, når et udvalg bærer begge).",
        "Cross-cutting: the normalised entropy of the theme's evidence over the committees (0 = one committee, "
        "1 = evenly spread over all). Degree and betweenness: centrality in the theme graph (themes linked when "
        "a committee carries both).",
    ),
    "report_unused_themes": ("Temaer uden evidens: {themes}.", "Themes without evidence: {themes}."),
    "report_pillars": ("Strategiens sigtepunkter", "The strategy's pillars"),
    "report_pillars_intro": (
        "Hvor godt strategiens sigtepunkter er dækket: temaerne, der tjener hvert sigtepunkt, og de udvalg, "
        "der bærer mindst ét af dem.",
        "How well the strategy's pillars are covered: the themes that serve each pillar, and the committees "
        "that carry at least one of them.",
    ),
    "report_gaps": ("Huller og kandidater til samarbejde", "Gaps and candidate collaborations"),
    "report_structure": ("Klynger og brobyggere", "Communities and brokers"),
    "report_network": ("Netværket", "The network"),
    "report_network_intro": (
        "Udvalgene forbundet af deres overlap (stregens tykkelse: vægten). Klik i det interaktive netværk for "
        "at se citaterne.",
        "The committees linked by their overlaps (line width: the weight). Click in the interactive network to "
        "see the quotes.",
    ),
    "report_network_missing": (
        "Det interaktive netværk findes ikke i denne udgave; tegningen viser de samme overlap.",
        "The interactive network is not part of this build; the drawing shows the same overlaps.",
    ),
    "report_network_linked": (
        "Det interaktive netværk er for stort til at indlejre her; tegningen viser de samme overlap, og det "
        "åbner for sig:",
        "The interactive network is too large to embed here; the drawing shows the same overlaps, and it opens "
        "on its own:",
    ),
    "report_views": ("Interaktive visninger", "Interactive views"),
    "report_views_intro": (
        "Filer i mappen views/, som åbner i enhver browser uden internet.",
        "Files in the views/ folder that open in any browser without internet access.",
    ),
    "report_files": ("Filer i pakken", "Files in the bundle"),
    "report_files_intro": (
        "report.md (denne rapport som Markdown), tables/*.csv og strategygraph.xlsx (tabellerne), graph.graphml "
        "og graph.gexf (netværket til Gephi, Cytoscape og yEd), graph.ttl og graph.jsonld (hele RDF-grafen).",
        "report.md (this report as Markdown), tables/*.csv and strategygraph.xlsx (the tables), graph.graphml "
        "and graph.gexf (the network for Gephi, Cytoscape and yEd), graph.ttl and graph.jsonld (the whole RDF "
        "graph).",
    ),
    "report_method": ("Metode", "Method"),
    "report_method_evidence_heading": ("Hvad tæller som evidens", "What counts as evidence"),
    "report_method_evidence": (
        "Udsagn og refleksioner er kildens egne ord, hver med sin position i kildeteksten ({source}). Et udvalg "
        "bærer et tema, når {mode_explained}. Evidensen tælles som forskellige udsagn og refleksioner, ikke som "
        "antal ord.",
        "Statements and reflections are the source's own words, each with its position in the source text "
        "({source}). A committee carries a theme when {mode_explained}. Evidence is counted as distinct "
        "statements and reflections, not as words.",
    ),
    "report_mode_statements": (
        "et af udsagnene under dets fokusområder nævner temaet (gruppernes refleksioner tæller ikke: de hører "
        "til en slide, ikke til ét udvalg)",
        "one of the statements under its focus areas mentions the theme (the group reflections do not count: "
        "they belong to a slide, not to one committee)",
    ),
    "report_mode_reflections": (
        "en af gruppernes refleksioner på en slide, hvor det præsenterer, nævner temaet (refleksionen tæller for "
        "hvert udvalg på sliden)",
        "one of the group reflections on a slide where it presents mentions the theme (the reflection counts for "
        "every committee on the slide)",
    ),
    "report_mode_all": (
        "et af dets udsagn eller en af gruppernes refleksioner på dets slides nævner temaet (en refleksion tæller "
        "for hvert udvalg på sliden)",
        "one of its statements, or one of the group reflections on its slides, mentions the theme (a reflection "
        "counts for every committee on the slide)",
    ),
    "report_method_weight_heading": ("Sådan beregnes vægten", "How the weight is computed"),
    "report_method_weight": (
        "vægt(A, B) = Σ over fælles temaer t af 1/(k_t − 1), divideret med √(|temaer hos A| · |temaer hos B|), "
        "hvor k_t er antallet af udvalg, der bærer t. Et tema, kun A og B deler, tæller 1; et tema, som k udvalg "
        "bærer, tæller 1/(k − 1). Vægten ligger mellem 0 og 1 og er 1, kun når A og B bærer præcis de samme "
        "temaer, og ingen andre bærer nogen af dem.",
        "weight(A, B) = Σ over shared themes t of 1/(k_t − 1), divided by √(|themes of A| · |themes of B|), where "
        "k_t is the number of committees carrying t. A theme only A and B share counts 1; a theme k committees "
        "carry counts 1/(k − 1). The weight lies between 0 and 1 and is 1 only when A and B carry exactly the "
        "same themes and nobody else carries any of them.",
    ),
    "report_method_inferred_heading": ("Hvad er udledt", "What is inferred"),
    "report_method_inferred": (
        "Hvilket udvalg der præsenterede et fokusområde, er udledt, ikke oplyst: {inferred} af {total} "
        "tilskrivninger er slutninger. Sikkerheden står ved hver kobling: »angivet i kilden«, »stærk slutning« "
        "eller »svagt gæt«. Temaforekomsterne er fundet af taggeren (leksikalsk: {lexical}) eller sat af en "
        "kurator ({curated}); hver har den matchede tekst og dens position.",
        "Which committee presented a focus area is inferred, not stated: {inferred} of {total} attributions are "
        "inferences. The confidence stands by every link: 'stated in the source', 'strong inference' or 'weak "
        "guess'. Theme mentions were found by the tagger (lexical: {lexical}) or set by a curator ({curated}); "
        "each keeps the matched text and its position.",
    ),
    "report_method_structure_heading": ("Klynger, brobyggere og kandidater", "Communities, brokers, candidates"),
    "report_method_structure": (
        "Klynger: Louvain-fællesskaber (frø {seed}) på de vægtede projektioner. Brobyggere: udvalg, hvis "
        "fravær afbryder flest forbundne temapar. Kandidater til samarbejde: par med vægt mindst lig "
        "medianen, som aldrig nævner hinandens ressort (de temaer, der hører til udvalgets opgaver; "
        "sg:remit). Huller: temaer, gruppernes refleksioner rejser, men som intet fokusområdes udsagn nævner.",
        "Communities: Louvain (seed {seed}) on the weighted projections. Brokers: committees whose absence "
        "disconnects the most connected theme pairs. Candidate collaborations: pairs with a weight at least "
        "the median that never mention each other's remit (sg:remit). Gaps: themes the group reflections "
        "raise that no focus area's statements mention.",
    ),
    "report_progress": ("rapport: {step} …", "report: {step} …"),
    "report_step_tables": ("tabeller (CSV)", "tables (CSV)"),
    "report_step_workbook": ("regneark (XLSX)", "workbook (XLSX)"),
    "report_step_graphs": ("netværk (GraphML, GEXF)", "network (GraphML, GEXF)"),
    "report_step_rdf": ("RDF-grafen (Turtle, JSON-LD)", "the RDF graph (Turtle, JSON-LD)"),
    "report_step_views": ("{count} interaktive visninger", "{count} interactive views"),
    "report_step_pages": ("index.html og report.md", "index.html and report.md"),
    "report_written": ("{folder}: rapporten er skrevet ({files} filer).", "{folder}: report written ({files} files)."),
    "col_quote": ("Citat", "Quote"),
    "col_pillar": ("Sigtepunkt", "Pillar"),
    "report_characters": ("tegn {start}–{end}", "characters {start}–{end}"),
    "col_where": ("Hvor i kilden", "Where in the source"),
    "col_key": ("Nøgle", "Key"),
    "col_label": ("Navn", "Name"),
    "col_title": ("Titel", "Title"),
    "col_municipality": ("Kommune", "Municipality"),
    "col_committee": ("Udvalg (nøgle)", "Committee (key)"),
    "col_committee_label": ("Udvalg", "Committee"),
    "col_committees": ("Udvalg", "Committees"),
    "col_committees_on_slide": ("Udvalg på sliden", "Committees on the slide"),
    "col_focus_area": ("Fokusområde (nøgle)", "Focus area (key)"),
    "col_focus_area_title": ("Fokusområde", "Focus area"),
    "col_focus_areas": ("Fokusområder", "Focus areas"),
    "col_attribution_confidence": ("Tilskrivningens sikkerhed", "Attribution confidence"),
    "col_rationale": ("Begrundelse", "Rationale"),
    "col_seminar": ("Seminar", "Seminar"),
    "col_slide": ("Slide", "Slide"),
    "col_slides": ("Slides", "Slides"),
    "col_order": ("Rækkefølge", "Order"),
    "col_statements": ("Udsagn", "Statements"),
    "col_reflections": ("Refleksioner", "Reflections"),
    "col_text": ("Tekst", "Text"),
    "col_themes": ("Temaer", "Themes"),
    "col_theme": ("Tema (nøgle)", "Theme (key)"),
    "col_theme_label": ("Tema", "Theme"),
    "col_remit": ("Ressort (temaer)", "Remit (themes)"),
    "col_community": ("Klynge", "Community"),
    "col_unit": ("Udsagn/refleksion (nøgle)", "Statement/reflection (key)"),
    "col_kind": ("Slags", "Kind"),
    "col_matched": ("Matchet tekst", "Matched text"),
    "col_start": ("Start i teksten", "Start in the text"),
    "col_end": ("Slut i teksten", "End in the text"),
    "col_method": ("Metode", "Method"),
    "col_source_start": ("Start i kilden", "Start in the source"),
    "col_source_end": ("Slut i kilden", "End in the source"),
    "col_iri": ("IRI", "IRI"),
    "col_pillars": ("Sigtepunkter", "Pillars"),
    "col_cross_cutting": ("Tværgående", "Cross-cutting"),
    "col_degree": ("Grad", "Degree"),
    "col_betweenness": ("Mellemled", "Betweenness"),
    "col_a": ("Udvalg A (nøgle)", "Committee A (key)"),
    "col_b": ("Udvalg B (nøgle)", "Committee B (key)"),
    "col_a_label": ("Udvalg A", "Committee A"),
    "col_b_label": ("Udvalg B", "Committee B"),
    "col_weight": ("Vægt", "Weight"),
    "col_shared_themes": ("Fælles temaer (nøgler)", "Shared themes (keys)"),
    "col_shared_theme_labels": ("Fælles temaer", "Shared themes"),
    "col_quotes": ("Citater", "Quotes"),
    "col_theme_count": ("Temaer i brug", "Themes in use"),
    "col_carriers": ("Udvalg, der bærer et af temaerne", "Committees carrying one of its themes"),
    "col_coverage": ("Andel af udvalgene", "Share of the committees"),
    "view_subtitle": (
        "Evidens: {evidence}. Udsagn og refleksioner er kildens egne ord; hvilket udvalg der præsenterede et "
        "fokusområde, er en slutning med en angivet sikkerhed.",
        "Evidence: {evidence}. Statements and reflections are the source's own words; which committee presented "
        "a focus area is an inference with a stated confidence.",
    ),
    "view_top_note": (
        "Viser {shown} af {total} {what} (dem med mest evidens); --top 0 viser alle.",
        "Showing {shown} of {total} {what} (those with the most evidence); --top 0 shows all.",
    ),
    "report_count_seminars": ("{count} seminarer", "{count} seminars"),
    "report_count_municipalities": ("{count} kommuner", "{count} municipalities"),
    "report_count_source_files": ("{count} kildefiler", "{count} source files"),
    "report_abridged": ("En stor graf: rapporten viser et udvalg", "A large graph: the report shows a selection"),
    "report_abridged_committees": (
        "Udvalgene og varmekortet viser de {shown} af {total} udvalg med mest evidens ({evidence}); alle står i "
        "tables/committees.csv.",
        "The committees and the heatmap show the {shown} of {total} committees with the most evidence "
        "({evidence}); all are in tables/committees.csv.",
    ),
    "report_abridged_network": (
        "Netværkstegningen og de interaktive visninger viser højst {top} udvalg (dem med mest evidens) og hvert "
        "udvalgs {per} stærkeste overlap.",
        "The network drawing and the interactive views show at most {top} committees (those with the most "
        "evidence) and each committee's {per} strongest overlaps.",
    ),
    "report_abridged_table": (
        "Tabellen »{table}« viser de første {shown} af {total} rækker.",
        "The table “{table}” shows the first {shown} of {total} rows.",
    ),
    "report_overlaps_shown_abridged": (
        "Viser {shown} af {total} par med citater; tabellen nedenfor har de {rows} stærkeste, og "
        "`strategygraph overlaps --top 0 --format csv` skriver dem alle.",
        "Showing {shown} of {total} pairs with quotes; the table below has the {rows} strongest, and "
        "`strategygraph overlaps --top 0 --format csv` writes them all.",
    ),
    "report_left_out": ("Ikke med i pakken", "Not in the bundle"),
    "report_left_out_intro": (
        "Grafen er for stor til, at disse filer giver mening i en rapportmappe; kommandoen ved hver skriver "
        "filen i fuld længde.",
        "The graph is too large for these files to make sense in a report folder; the command beside each "
        "writes the file in full.",
    ),
    "report_left_out_item": ("{path} ({count} {unit}): {command}", "{path} ({count} {unit}): {command}"),
    "report_unit_rows": ("rækker", "rows"),
    "report_unit_edges": ("kanter", "edges"),
    "report_unit_triples": ("tripler", "triples"),
    "report_unit_views": ("visninger", "views"),
    "report_unit_views_one": ("visning", "view"),
    "overlaps_top_note": (
        "Viser de {shown} stærkeste af {total} par; --top 0 viser alle.",
        "Showing the {shown} strongest of {total} pairs; --top 0 shows all.",
    ),
    "view_overlaps_note": (
        "Viser hvert udvalgs {per} stærkeste overlap: {shown} af {total} par.",
        "Showing each committee's {per} strongest overlaps: {shown} of {total} pairs.",
    ),
    "view_empty": (
        "Visningen er tom: data har intet at vise her (fx ingen temaforekomster).",
        "This view is empty: the data has nothing to show here (e.g. no theme mentions).",
    ),
    "view_unattributed": ("(intet udvalg)", "(no committee)"),
    "view_characters": ("tegn", "characters"),
    "view_and_more": ("… og {count} til", "… and {count} more"),
    "view_evidence": ("Evidens", "Evidence"),
    "view_evidence_count": ("{count} udsagn/refleksioner", "{count} statements/reflections"),
    "view_evidence_count_one": ("1 udsagn/refleksion", "1 statement/reflection"),
    "view_carried_by": ("båret af {count} udvalg", "carried by {count} committees"),
    "view_carried_by_one": ("båret af 1 udvalg", "carried by 1 committee"),
    "view_overlaps_with": ("Overlap med", "Overlaps with"),
    "view_attribution": ("Tilskrivning", "Attribution"),
    "view_rationale": ("Begrundelse", "Rationale"),
    "view_alt_labels": ("Andre titler", "Other titles"),
    "view_served_by": ("Temaer, der tjener sigtepunktet", "Themes that serve the pillar"),
    "view_edge_presents": ("Udvalg → fokusområde", "Committee → focus area"),
    "view_edge_mentions": ("Fokusområdets udsagn nævner temaet", "The focus area's statements mention the theme"),
    "view_edge_carries": ("Udvalget bærer temaet", "The committee carries the theme"),
    "view_edge_reflection": (
        "Udvalget bærer temaet kun gennem gruppernes refleksioner",
        "The committee carries the theme through group reflections only",
    ),
    "view_edge_overlap": ("Overlap mellem udvalg", "Overlap between committees"),
    "view_edge_serves": ("Temaet tjener sigtepunktet", "The theme serves the pillar"),
    "view_legend": ("Forklaring", "Legend"),
    "view_legend_focus_area": ("Fokusområde (i udvalgets farve)", "Focus area (in its committee's colour)"),
    "view_legend_no_pillar": ("Tema uden sigtepunkt", "Theme without a pillar"),
    "view_note_theme_size": (
        "Et temas størrelse: hvor mange udvalg der bærer det.",
        "A theme's size: how many committees carry it.",
    ),
    "view_note_overlap_width": (
        "Kantens bredde: overlappets vægt (0–1; temaer, som næsten alle bærer, tæller lidt).",
        "Edge width: the overlap weight (0–1; themes almost everyone carries count little).",
    ),
    "view_note_committee_size": (
        "Et udvalgs størrelse: hvor mange temaer det bærer. Farve: klynge (Louvain).",
        "A committee's size: how many themes it carries. Colour: community (Louvain).",
    ),
    "view_note_pillar_colour": (
        "Et temas farve: det (første) sigtepunkt, det tjener.",
        "A theme's colour: the (first) pillar it serves.",
    ),
    "view_note_committee_colours": (
        "Hvert udvalg har sin egen farve; dets fokusområder har samme farve, lysere.",
        "Each committee has its own colour; its focus areas share it, lighter.",
    ),
    "view_note_click": (
        "Klik på en node eller kant for at se citaterne bag den.",
        "Click a node or an edge to see the quotes behind it.",
    ),
    "view_search": ("Søg", "Search"),
    "view_search_placeholder": ("Navn på udvalg, fokusområde, tema …", "Name of a committee, focus area, theme …"),
    "view_no_match": ("Ingen fund", "No match"),
    "view_close": ("Luk", "Close"),
    "view_layout_progress": ("Beregner layout … {percent} %", "Computing the layout … {percent} %"),
    "view_nothing_visible": ("Ingen noder passer til filtrene.", "No node matches the filters."),
    "view_shown": ("Viser {shown} af {total} noder.", "Showing {shown} of {total} nodes."),
    "view_filters": ("Filtre", "Filters"),
    "view_node_types": ("Nodetyper", "Node types"),
    "view_all_pillars": ("Alle sigtepunkter", "All pillars"),
    # comparison of two seminars (strategygraph compare)
    "compare_title": ("Sammenligning: {a} → {b}", "Comparison: {a} → {b}"),
    "compare_seminars": (
        "A er {a}. B er {b}. Evidens: {evidence}. Nyt er i B og ikke i A; tabt er i A og ikke i B. "
        "Overlapvægte er beregnet i hvert seminar for sig.",
        "A is {a}. B is {b}. Evidence: {evidence}. Gained is in B and not in A; lost is in A and not in B. "
        "Overlap weights are computed within each seminar.",
    ),
    "compare_rules": (
        "Udvalg er de samme, når de er samme udvalg i grafen, eller når navnene er ens, når man ser bort fra "
        "»Udvalget for« og »-udvalget«, store og små bogstaver, tegnsætning og »og«/»&« — og intet andet udvalg "
        "har samme navn. Resten står som udvalg uden modstykke; deres temaer og par tæller ikke som ændringer. "
        "Fokusområder er de samme, når titlerne er ens på samme måde.",
        "Committees are the same when they are the same committee in the graph, or when their names are equal "
        "ignoring “Udvalget for” and “-udvalget”, case, punctuation and “og”/“&” — and no other committee has that "
        "name. The rest are committees without a counterpart; their themes and pairs do not count as changes. "
        "Focus areas are the same when their titles are equal in the same way.",
    ),
    "compare_themes_heading": ("Temaer i alt", "Themes overall"),
    "compare_committees_heading": (
        "Udvalg i begge seminarer: nye og tabte temaer",
        "Committees in both seminars: themes gained and lost",
    ),
    "compare_unmatched_heading": ("Udvalg uden modstykke", "Committees without a counterpart"),
    "compare_focus_areas_heading": ("Fokusområder", "Focus areas"),
    "compare_overlaps_heading": ("Overlap mellem udvalg: ændringer", "Committee overlaps: changes"),
    "compare_col_change": ("Ændring", "Change"),
    "compare_col_theme": ("Tema", "Theme"),
    "compare_col_themes": ("Temaer", "Themes"),
    "compare_col_seminar": ("Seminar", "Seminar"),
    "compare_col_committee": ("Udvalg", "Committee"),
    "compare_col_committee_a": ("Udvalg i A", "Committee in A"),
    "compare_col_committee_b": ("Udvalg i B", "Committee in B"),
    "compare_col_matched_by": ("Parret ved", "Matched by"),
    "compare_col_focus_area": ("Fokusområde", "Focus area"),
    "compare_col_committee_1": ("Udvalg", "Committee"),
    "compare_col_committee_2": ("Udvalg", "Committee"),
    "compare_col_weight_a": ("Vægt i A", "Weight in A"),
    "compare_col_weight_b": ("Vægt i B", "Weight in B"),
    "compare_col_delta": ("Ændring", "Change"),
    "compare_col_status": ("Status", "Status"),
    "compare_theme_gained": ("nyt", "gained"),
    "compare_theme_lost": ("tabt", "lost"),
    "compare_theme_kept": ("i begge", "in both"),
    "compare_theme_unchanged": ("ingen ændring", "no change"),
    "compare_matched_same-committee": ("samme udvalg", "same committee"),
    "compare_matched_same-name": ("samme navn", "same name"),
    "compare_area_new": ("nyt", "new"),
    "compare_area_dropped": ("udgået", "dropped"),
    "compare_area_kept": ("går igen", "kept"),
    "compare_area_moved": ("går igen, andet udvalg", "kept, other committee"),
    "compare_pair_both": ("i begge", "in both"),
    "compare_pair_only_a": ("kun i A", "only in A"),
    "compare_pair_only_b": ("kun i B", "only in B"),
    "compare_pair_unmatched_a": (" (et af udvalgene findes ikke i B)", " (one of the committees is not in B)"),
    "compare_pair_unmatched_b": (" (et af udvalgene findes ikke i A)", " (one of the committees is not in A)"),
    "markdown_export_note": (
        "Eksporteret af strategygraph fra seminaret {seminar}; `strategygraph import` læser filen tilbage.",
        "Exported by strategygraph from seminar {seminar}; `strategygraph import` reads it back.",
    ),
}


def phrase(key: str, lang: str, **values: object) -> str:
    """The text for ``key`` with ``values`` filled in; ``count=1`` picks ``<key>_one`` where there is one."""
    if values.get("count") == 1 and f"{key}_one" in _TEXTS:
        key = f"{key}_one"
    message = text(key, lang)
    return message.format(**values) if values else message


def format_number(value: float, lang: str, digits: int = 3, *, signed: bool = False) -> str:
    """A decimal number as a reader of ``lang`` writes it: ``0,386`` in Danish, ``0.386`` in English;
    ``signed`` always shows the sign (``+0,055``)."""
    shown = f"{value:+.{digits}f}" if signed else f"{value:.{digits}f}"
    return shown.replace(".", ",") if lang == "da" else shown


def format_count(value: int, lang: str) -> str:
    """A whole number with thousands separated as a reader of ``lang`` writes it: ``118.084`` / ``118,084``."""
    shown = f"{value:,}"
    return shown.replace(",", ".") if lang == "da" else shown


def text(key: str, lang: str) -> str:
    """The text for ``key`` in ``lang`` (``da`` or ``en``); unknown keys are returned as they are."""
    da, en = _TEXTS.get(key, (key, key))
    return en if lang == "en" else da
