"""Names for the synthetic data: the 98 Danish municipalities, committee naming patterns, focus-area titles.

Only names and patterns live here; every statement and reflection text comes from the two blind-labelled gold
sets (see ``generate.py``). Committee names follow the patterns Danish municipalities really use ("Teknik- og
Miljøudvalget", "Udvalget for Teknik & Miljø", "Økonomiudvalget"); which committees a synthetic municipality
has is drawn at random, so no generated municipality claims to have its real committee structure.
"""

from __future__ import annotations

from dataclasses import dataclass

# (Danish short name, official Danish name). Bornholm is a "regionskommune"; København takes the genitive.
MUNICIPALITIES: tuple[tuple[str, str], ...] = (
    # Region Hovedstaden
    ("Albertslund", "Albertslund Kommune"),
    ("Allerød", "Allerød Kommune"),
    ("Ballerup", "Ballerup Kommune"),
    ("Bornholm", "Bornholms Regionskommune"),
    ("Brøndby", "Brøndby Kommune"),
    ("Dragør", "Dragør Kommune"),
    ("Egedal", "Egedal Kommune"),
    ("Fredensborg", "Fredensborg Kommune"),
    ("Frederiksberg", "Frederiksberg Kommune"),
    ("Frederikssund", "Frederikssund Kommune"),
    ("Furesø", "Furesø Kommune"),
    ("Gentofte", "Gentofte Kommune"),
    ("Gladsaxe", "Gladsaxe Kommune"),
    ("Glostrup", "Glostrup Kommune"),
    ("Gribskov", "Gribskov Kommune"),
    ("Halsnæs", "Halsnæs Kommune"),
    ("Helsingør", "Helsingør Kommune"),
    ("Herlev", "Herlev Kommune"),
    ("Hillerød", "Hillerød Kommune"),
    ("Hvidovre", "Hvidovre Kommune"),
    ("Høje-Taastrup", "Høje-Taastrup Kommune"),
    ("Hørsholm", "Hørsholm Kommune"),
    ("Ishøj", "Ishøj Kommune"),
    ("København", "Københavns Kommune"),
    ("Lyngby-Taarbæk", "Lyngby-Taarbæk Kommune"),
    ("Rudersdal", "Rudersdal Kommune"),
    ("Rødovre", "Rødovre Kommune"),
    ("Tårnby", "Tårnby Kommune"),
    ("Vallensbæk", "Vallensbæk Kommune"),
    # Region Sjælland
    ("Faxe", "Faxe Kommune"),
    ("Greve", "Greve Kommune"),
    ("Guldborgsund", "Guldborgsund Kommune"),
    ("Holbæk", "Holbæk Kommune"),
    ("Kalundborg", "Kalundborg Kommune"),
    ("Køge", "Køge Kommune"),
    ("Lejre", "Lejre Kommune"),
    ("Lolland", "Lolland Kommune"),
    ("Næstved", "Næstved Kommune"),
    ("Odsherred", "Odsherred Kommune"),
    ("Ringsted", "Ringsted Kommune"),
    ("Roskilde", "Roskilde Kommune"),
    ("Slagelse", "Slagelse Kommune"),
    ("Solrød", "Solrød Kommune"),
    ("Sorø", "Sorø Kommune"),
    ("Stevns", "Stevns Kommune"),
    ("Vordingborg", "Vordingborg Kommune"),
    # Region Syddanmark
    ("Assens", "Assens Kommune"),
    ("Billund", "Billund Kommune"),
    ("Esbjerg", "Esbjerg Kommune"),
    ("Fanø", "Fanø Kommune"),
    ("Fredericia", "Fredericia Kommune"),
    ("Faaborg-Midtfyn", "Faaborg-Midtfyn Kommune"),
    ("Haderslev", "Haderslev Kommune"),
    ("Kerteminde", "Kerteminde Kommune"),
    ("Kolding", "Kolding Kommune"),
    ("Langeland", "Langeland Kommune"),
    ("Middelfart", "Middelfart Kommune"),
    ("Nordfyn", "Nordfyns Kommune"),
    ("Nyborg", "Nyborg Kommune"),
    ("Odense", "Odense Kommune"),
    ("Svendborg", "Svendborg Kommune"),
    ("Sønderborg", "Sønderborg Kommune"),
    ("Tønder", "Tønder Kommune"),
    ("Varde", "Varde Kommune"),
    ("Vejen", "Vejen Kommune"),
    ("Vejle", "Vejle Kommune"),
    ("Ærø", "Ærø Kommune"),
    ("Aabenraa", "Aabenraa Kommune"),
    # Region Midtjylland
    ("Favrskov", "Favrskov Kommune"),
    ("Hedensted", "Hedensted Kommune"),
    ("Herning", "Herning Kommune"),
    ("Holstebro", "Holstebro Kommune"),
    ("Horsens", "Horsens Kommune"),
    ("Ikast-Brande", "Ikast-Brande Kommune"),
    ("Lemvig", "Lemvig Kommune"),
    ("Norddjurs", "Norddjurs Kommune"),
    ("Odder", "Odder Kommune"),
    ("Randers", "Randers Kommune"),
    ("Ringkøbing-Skjern", "Ringkøbing-Skjern Kommune"),
    ("Samsø", "Samsø Kommune"),
    ("Silkeborg", "Silkeborg Kommune"),
    ("Skanderborg", "Skanderborg Kommune"),
    ("Skive", "Skive Kommune"),
    ("Struer", "Struer Kommune"),
    ("Syddjurs", "Syddjurs Kommune"),
    ("Viborg", "Viborg Kommune"),
    ("Aarhus", "Aarhus Kommune"),
    # Region Nordjylland
    ("Brønderslev", "Brønderslev Kommune"),
    ("Frederikshavn", "Frederikshavn Kommune"),
    ("Hjørring", "Hjørring Kommune"),
    ("Jammerbugt", "Jammerbugt Kommune"),
    ("Læsø", "Læsø Kommune"),
    ("Mariagerfjord", "Mariagerfjord Kommune"),
    ("Morsø", "Morsø Kommune"),
    ("Rebild", "Rebild Kommune"),
    ("Thisted", "Thisted Kommune"),
    ("Vesthimmerland", "Vesthimmerlands Kommune"),
    ("Aalborg", "Aalborg Kommune"),
)


@dataclass(frozen=True)
class CommitteeArea:
    """A policy area with the ways Danish municipalities name its committee, and the themes it is about."""

    key: str
    danish_names: tuple[str, ...]
    english_name: str
    description_da: str
    description_en: str
    themes: frozenset[str]
    focus_area_titles: tuple[str, ...]


FINANCE = CommitteeArea(
    key="oekonomi",
    danish_names=("Økonomiudvalget", "Økonomi- og Erhvervsudvalget"),
    english_name="Finance Committee",
    description_da="Kommunens samlede økonomi og tværgående styring.",
    description_en="The municipality's overall finances and cross-cutting governance.",
    themes=frozenset({"oekonomi-ressourcer", "ledelse", "helhed-tvaerfaglighed", "rekruttering-fastholdelse"}),
    focus_area_titles=(
        "Økonomi i balance",
        "Rekruttering og fastholdelse",
        "Ledelse på tværs",
        "Prioritering af ressourcerne",
        "Sammenhængende styring",
    ),
)

COMMITTEE_AREAS: tuple[CommitteeArea, ...] = (
    CommitteeArea(
        "teknik-miljoe",
        ("Teknik- og Miljøudvalget", "Udvalget for Teknik & Miljø", "Udvalget for Teknik og Miljø", "Teknikudvalget"),
        "Committee for Technical Services and Environment",
        "Fysisk planlægning, byggesager, veje, natur og miljø.",
        "Physical planning, building cases, roads, nature and environment.",
        frozenset({"byudvikling-bosaetning", "klima-baeredygtighed", "sagsbehandling", "smidige-processer"}),
        (
            "Hurtig og smidig byggesagsbehandling",
            "Attraktive byer og landsbyer",
            "Natur og biodiversitet",
            "Klimatilpasning",
            "Mobilitet og infrastruktur",
        ),
    ),
    CommitteeArea(
        "klima",
        (
            "Klimaudvalget",
            "Udvalget for Klima og Miljø",
            "Klima-, Natur- og Miljøudvalget",
            "Udvalget for Vækst & Klima",
        ),
        "Committee for Climate and Environment",
        "Klimaplan, grøn omstilling, energi og natur.",
        "Climate plan, green transition, energy and nature.",
        frozenset({"klima-baeredygtighed", "vaekst-i-balance", "erhvervssamarbejde-partnerskaber"}),
        ("Grøn omstilling", "Bæredygtig vækst", "Klimahandling sammen med borgerne", "Energi og ressourcer"),
    ),
    CommitteeArea(
        "erhverv",
        ("Erhvervsudvalget", "Udvalget for Erhverv og Turisme", "Erhvervs- og Vækstudvalget", "Udvalget for Vækst"),
        "Committee for Business and Growth",
        "Erhvervsudvikling, turisme og samarbejde med virksomhederne.",
        "Business development, tourism and cooperation with businesses.",
        frozenset({"vaekst", "erhvervsudvikling", "erhvervssamarbejde-partnerskaber", "kultur-fritid-turisme"}),
        ("Erhverv og turisme", "Vækst i hele kommunen", "Et stærkt erhvervsliv", "Partnerskaber med virksomhederne"),
    ),
    CommitteeArea(
        "boern-unge",
        ("Børne- og Ungeudvalget", "Udvalget for Børn og Unge", "Børne- og Skoleudvalget", "Børne- og Familieudvalget"),
        "Committee for Children and Young People",
        "Dagtilbud, skoler og familier.",
        "Day care, schools and families.",
        frozenset({"boern-og-unge", "uddannelse-laering", "forebyggelse-ensomhed"}),
        ("En god barndom", "Trivsel i skolen", "Tidlig indsats for familier", "Børne- og ungefællesskaber"),
    ),
    CommitteeArea(
        "laering",
        ("Udvalget for Læring", "Skoleudvalget", "Uddannelsesudvalget", "Udvalget for Børn og Læring"),
        "Committee for Learning",
        "Skoler, dagtilbud og uddannelse.",
        "Schools, day care and education.",
        frozenset({"uddannelse-laering", "boern-og-unge", "det-gode-liv"}),
        ("Læring hele livet", "Unge på vej", "Fremtidens folkeskole", "Uddannelse til alle"),
    ),
    CommitteeArea(
        "social-sundhed",
        ("Social- og Sundhedsudvalget", "Udvalget for Social Omsorg", "Sundheds- og Omsorgsudvalget"),
        "Committee for Social Care and Health",
        "Ældre, sundhed, handicap og socialområdet.",
        "Elderly care, health, disability and social services.",
        frozenset(
            {"aeldre-handicap", "forebyggelse-ensomhed", "velfaerdsteknologi-digitalisering", "taet-paa-borgeren"}
        ),
        ("Det nære sundhedsvæsen", "Velfærdsteknologi", "Sagsbehandling tæt på borgerne", "Et godt ældreliv"),
    ),
    CommitteeArea(
        "aeldre",
        ("Ældreudvalget", "Ældre- og Handicapudvalget", "Udvalget for Ældre og Sundhed", "Senior- og Sundhedsudvalget"),
        "Committee for Older People",
        "Pleje, omsorg og aktive ældreliv.",
        "Care, nursing and active lives for older people.",
        frozenset({"aeldre-handicap", "forebyggelse-ensomhed", "det-gode-liv", "civilsamfund-frivillighed"}),
        ("Et aktivt seniorliv", "Mod ensomhed", "Rehabilitering og pleje", "Frivillige i ældreplejen"),
    ),
    CommitteeArea(
        "beskaeftigelse",
        (
            "Beskæftigelsesudvalget",
            "Udvalget for Beskæftigelse",
            "Arbejdsmarkedsudvalget",
            "Job- og Uddannelsesudvalget",
        ),
        "Committee for Employment",
        "Jobcenter, beskæftigelse og selvforsørgelse.",
        "Job centre, employment and self-sufficiency.",
        frozenset({"beskaeftigelse-selvforsoergelse", "arbejdskraft", "rekruttering-fastholdelse"}),
        ("Formidling af arbejdskraft", "Flere i job", "Virksomhedsrettede indsatser", "Tværfagligt samarbejde"),
    ),
    CommitteeArea(
        "kultur-fritid",
        ("Kultur- og Fritidsudvalget", "Udvalget for Kultur og Fritid", "Udvalget for Fællesskab", "Fritidsudvalget"),
        "Committee for Culture and Leisure",
        "Kultur, idræt, foreninger og fritidsliv.",
        "Culture, sport, associations and leisure.",
        frozenset({"kultur-fritid-turisme", "faellesskaber", "civilsamfund-frivillighed"}),
        ("Kultur", "Aktive fællesskaber", "Foreningslivet", "Faciliteter til fremtiden"),
    ),
    CommitteeArea(
        "plan-landdistrikter",
        ("Plan- og Udviklingsudvalget", "Landdistriktsudvalget", "Udvalget for Landdistrikter", "Planudvalget"),
        "Committee for Planning and Rural Areas",
        "Planstrategi, landdistrikter og lokalsamfund.",
        "Planning strategy, rural areas and local communities.",
        frozenset({"landdistrikter-lokalsamfund", "byudvikling-bosaetning", "borgerinddragelse"}),
        ("Levende lokalsamfund", "Bosætning i hele kommunen", "Byudvikling og udstykninger", "Nærdemokrati"),
    ),
    CommitteeArea(
        "demokrati",
        ("Udvalget for Demokrati og Medborgerskab", "Nærdemokratiudvalget", "Udvalget for Borgerinddragelse"),
        "Committee for Democracy and Citizenship",
        "Borgerinddragelse, nærdemokrati og medborgerskab.",
        "Citizen involvement, local democracy and citizenship.",
        frozenset({"borgerinddragelse", "forpligtende-faellesskaber", "faellesskaber", "taet-paa-borgeren"}),
        ("Fællesskab forpligter", "Borgerne med fra start", "Samskabelse", "Tæt på borgeren"),
    ),
    CommitteeArea(
        "unge",
        ("Ungeudvalget", "Udvalget for Unge", "Ungdomsudvalget"),
        "Youth Committee",
        "Unge og kommunens ungestrategi.",
        "Young people and the municipality's youth strategy.",
        frozenset({"boern-og-unge", "uddannelse-laering", "beskaeftigelse-selvforsoergelse"}),
        ("Unge på vej", "Ungestrategi", "Unges trivsel", "Fra skole til job"),
    ),
    CommitteeArea(
        "sundhed",
        ("Sundhedsudvalget", "Udvalget for Sundhed og Forebyggelse", "Forebyggelsesudvalget"),
        "Committee for Health and Prevention",
        "Forebyggelse, sundhedsfremme og rehabilitering.",
        "Prevention, health promotion and rehabilitation.",
        frozenset({"forebyggelse-ensomhed", "det-gode-liv", "helhed-tvaerfaglighed"}),
        ("Sundhed i hverdagen", "Forebyggelse frem for behandling", "Mental sundhed", "Sammenhængende forløb"),
    ),
)

# Strategy pillars a synthetic municipality's council may adopt (three each).
PILLARS: tuple[tuple[str, str, str], ...] = (
    ("groen-omstilling", "Grøn omstilling", "Green transition"),
    ("staerke-faellesskaber", "Stærke fællesskaber", "Strong communities"),
    ("vaekst-og-udvikling", "Vækst og udvikling", "Growth and development"),
    ("sundhed-og-trivsel", "Sundhed og trivsel", "Health and well-being"),
    ("laering-hele-livet", "Læring hele livet", "Lifelong learning"),
    ("naerhed-og-inddragelse", "Nærhed og inddragelse", "Proximity and involvement"),
    ("baeredygtig-oekonomi", "Bæredygtig økonomi", "Sustainable finances"),
    ("et-godt-sted-at-bo", "Et godt sted at bo", "A good place to live"),
)

CONFIDENCES: tuple[tuple[str, float], ...] = (("stated", 0.3), ("strong-inference", 0.5), ("weak-guess", 0.2))

RATIONALES: dict[str, tuple[str, str]] = {
    "stated": ("Kilden nævner udvalget ved navn.", "The source names the committee."),
    "strong-inference": (
        "Fokusområdet ligger inden for udvalgets ressortområde: {area}",
        "The focus area lies within the committee's remit: {area_en}",
    ),
    "weak-guess": (
        "Fokusområdet står på samme slide som flere udvalg; at det er dette udvalg, er kun et gæt.",
        "The focus area shares a slide with several committees; that it is this one is only a guess.",
    ),
}
