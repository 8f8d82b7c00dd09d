"""Sense rules, paraphrases and morphology of the tagger pinned with real sentences from the dev split of
tests/goldsets/real/gold.json (cited by unit id; the held-out split is never used here). Each case is a
(unit text, theme) the gold gives or denies and the rule that decides it."""

from __future__ import annotations

import pytest

from strategygraph.tagging.lexicon import Lexicon
from strategygraph.tagging.tagger import tag
from strategygraph.tagging.thesaurus import load_thesaurus_file


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return Lexicon.compile(load_thesaurus_file())


def themes(text: str, lexicon: Lexicon) -> set[str]:
    return {hit.theme for hit in tag(text, lexicon)}


NOT_THEME = [
    # d001: the plan strategy and the municipal plan are documents named, not urban development
    (
        'Kommunalbestyrelsen vedtog den 18. februar 2019 "Sammen skaber vi det bedste sted - Udviklingsstrategi '
        '2019-2030", som også er kommunens planstrategi.',
        "byudvikling-bosaetning",
    ),
    ("Dette er kommuneplanen ikke til hinder for.", "byudvikling-bosaetning"),  # d153
    ("Planstrategien udpeger konkrete indsatser samt de udviklingsspor som byrådet følger.", "byudvikling-bosaetning"),
    # d189, d065, r353: an agreement, a settlement or a law named by its kind
    (
        "Derfor har Byrådet i Vejle Kommune besluttet følgende som en del af budgetforlig 2021-2024:",
        "oekonomi-ressourcer",
    ),
    ("Velfærdsteknologi er en del af budgetforligets projekter.", "oekonomi-ressourcer"),  # d187
    (
        "KL har udarbejdet publikationen ”Folkeoplysningsloven med kommentarer” over folkeoplysningsloven.",
        "civilsamfund-frivillighed",
    ),
    ("at Beskæftigelses- og Integrationsudvalget tager status på ungeaftalen til efterretning.", "boern-og-unge"),
    # r109: the dignity policy named as a document is not elderly care
    ("Værdighedspolitikken er bl.a. formuleret på baggrund af disse input.", "aeldre-handicap"),
    # d059: youth organisations are associations
    (
        "falder foreningsidrætten og ungdomsorganisationer som for eksempel spejdere også ind under "
        "folkeoplysningsbegrebet.",
        "boern-og-unge",
    ),
    # d064: an evening school is popular enlightenment, not education
    ("Det kan være idrætsforeninger, politiske foreninger, religiøse foreninger og aftenskoler.", "uddannelse-laering"),
    # d162: "i tider" (in times of) is not "i tide" (in time)
    ("Også i tider med en stram økonomi vil byrådet investere for at skabe udvikling.", "forebyggelse-ensomhed"),
    # d247: the cultures of places are not cultural life
    (
        "med respekt for, at der er forskellige kulturer og forskellige styrker i de enkelte lokalområder.",
        "kultur-fritid-turisme",
    ),
    # d291: a method ("fremgangsmåde") is not growth
    ("Målet med håndbogen er at beskrive fremgangsmåder, spilleregler og aftaler.", "vaekst"),
    # d141: an abbreviation in parentheses is a name
    ("Kommunalbestyrelsen vedtog den 31. marts 2016 Bornholms udviklingsstrategi (BUS).", "mobilitet-infrastruktur"),
    # d276: leaders in a list of actors
    (
        "Beskæftigelsespolitikken bygger på gensidig tillid mellem borgere, medarbejdere, lokale ledere og politikere.",
        "ledelse",
    ),
    # r283, d282: who took part in writing a policy is a setting
    (
        "Politikken er udarbejdet i en proces, hvor Ældrerådet, borgere, repræsentanter for frivilligcentre, "
        "pårørende samt udvalgte ledere og medarbejdere har deltaget på workshops.",
        "civilsamfund-frivillighed",
    ),
    # d057, d061: popular enlightenment is adult education or leisure, not volunteering by that word alone
    (
        "Folkeoplysning er en fællesbetegnelse, der først og fremmest dækker over uformel voksenundervisning.",
        "civilsamfund-frivillighed",
    ),
    # d050: labour for the municipality's own tasks is recruiting its own staff, not labour for businesses
    ("Der er stor konkurrence om at sikre den nødvendige arbejdskraft til at løse kommunens opgaver.", "arbejdskraft"),
    # d051: municipal jobs are the municipality's own staff; d129: more jobs are growth
    (
        "for at kunne tiltrække nye medarbejdere og ledere til de kommunale jobs.",
        "beskaeftigelse-selvforsoergelse",
    ),
    (
        "En kommune i vækst med flere indbyggere er vejen til nye muligheder, flere job og højere velfærd.",
        "beskaeftigelse-selvforsoergelse",
    ),
    # d124, d200: educational institutions as partners
    (
        "I Haderslev Kommune lykkes vi gennem det løsningsorienterede samarbejde mellem borgere, erhvervsliv og "
        "uddannelser.",
        "uddannelse-laering",
    ),
    (
        "Målene skal nås i et samarbejde mellem kommune, borgere, uddannelsesinstitutioner, erhvervsliv og byens "
        "øvrige aktører.",
        "uddannelse-laering",
    ),
    # r049: a child's cultural development
    ("Børn og unges sociale, kulturelle og faglige udvikling", "kultur-fritid-turisme"),
    # the Hedensted seminar: a good municipality to live and run a business in is settlement, not business development
    ("så det er en god kommune at bo og drive virksomhed i for alle.", "erhvervsudvikling"),
    # round 3 (e-units): project funds granted (e107) or financed by others (e109) are not the municipality's finances
    ("Lemvig Kommune har søgt og fået midler til at etablere et lokalt frivilligcenter.", "oekonomi-ressourcer"),
    (
        "Projektet er finansieret af Socialstyrelsens pulje til etablering og grundfinansiering af frivilligcentre.",
        "oekonomi-ressourcer",
    ),
    # e030: a local community's resources are civil society's, neither rural areas nor the budget
    ("At mobilisere lokalsamfundets ressourcer til gavn for borgerne", "landdistrikter-lokalsamfund"),
    ("At mobilisere lokalsamfundets ressourcer til gavn for borgerne", "oekonomi-ressourcer"),
    # e076: policies named by their areas are documents named
    (
        "De tre politikker for handicap, sundhed og ældre er skabt i en sammenhæng og med en fælles "
        "borgerinddragelse og politisk proces.",
        "aeldre-handicap",
    ),
    # e211: a policy's structure ("består derefter af") is the document, not business development
    ("Erhvervspolitikken består derefter af en række korte afsnit.", "erhvervsudvikling"),
    # e060: a friendly ("imødekommende") town is not meeting the citizen
    ("Vi skal skabe en imødekommende by med overskud.", "taet-paa-borgeren"),
    # round 4 (f-units): people's own resources (f048) and an economic background (f067) are not the budget; a
    # "vejleder" is an adviser (f105); early detection is not fast help (f038); families to attract are settlement
    (
        "hvordan man i højere grad kan inddrage og aktivere forældrenes og netværkets ressourcer til at støtte "
        "udsatte børns udvikling.",
        "oekonomi-ressourcer",
    ),
    ("uanset køn, etnicitet, religion, kulturel, social og økonomisk baggrund.", "oekonomi-ressourcer"),
    ("uanset køn, etnicitet, religion, kulturel, social og økonomisk baggrund.", "kultur-fritid-turisme"),
    ("Den Digitale Hotline vejleder i de digitale selvbetjeningsløsninger.", "ledelse"),
    ("1. Hurtig opsporing og tidlig indsats (systematisk og tidlig opsporing)", "smidige-processer"),
    (
        "Den mest populære målgruppe er de selvforsørgende børnefamilier, som 65 procent af kommunerne gerne vil "
        "have inden for kommunegrænsen.",  # f199
        "boern-og-unge",
    ),
    (
        "Den mest populære målgruppe er de selvforsørgende børnefamilier, som 65 procent af kommunerne gerne vil "
        "have inden for kommunegrænsen.",
        "beskaeftigelse-selvforsoergelse",
    ),
    # f028: one way in is not joined-up work (no dev unit with it had that theme)
    ("forventes at give flere københavnere én indgang til Københavns Kommune.", "helhed-tvaerfaglighed"),
    # f036: outreach to families is prevention, not closeness to the citizen (0 of 3 dev units with it had it)
    (
        "Med strategien Fælles om Forebyggelse ønskes en styrkelse af kommunens proaktive, opsøgende indsats.",
        "taet-paa-borgeren",
    ),
    # f143, shortened: a recruitment strategy for the city's businesses is labour for businesses
    ("Rekrutteringsstrategien skal sikre byens virksomheder den nødvendige arbejdskraft.", "rekruttering-fastholdelse"),
]


@pytest.mark.parametrize(("text", "theme"), NOT_THEME)
def test_sense_rules_veto_the_wrong_reading(lexicon: Lexicon, text: str, theme: str) -> None:
    assert theme not in themes(text, lexicon)


IS_THEME = [
    # morphology: "byer" is the plural of "by" (a lemma, not a Snowball stem)
    (
        "Vi vil forme rammerne for den fremtidige udvikling af kommunens større byer.",  # d072
        "byudvikling-bosaetning",
    ),
    # what the municipal plan regulates is urban development
    (
        # d152
        "Foruden kommuneplanens fysiske regulering af vores arealer arbejder kommunen gennem sektorplanlægning.",
        "byudvikling-bosaetning",
    ),
    (
        "Det er dem, som Byrådet vil administrere den fremtidige arealanvendelse efter.",  # d151
        "byudvikling-bosaetning",
    ),
    # business development without the keyword
    ("Roskilde Kommunes DNA er samskabelse, frivillighed og entreprenørskab.", "erhvervsudvikling"),  # d087
    ("Førende på erhverv og bæredygtighed", "erhvervsudvikling"),  # d100
    (
        "Øen kæmper med et faldende befolkningstal og problemer med at tiltrække nye investeringer.",  # d147
        "erhvervsudvikling",
    ),
    ("Hillerød Kommune vil være attraktiv for nuværende og kommende virksomheder.", "erhvervsudvikling"),  # d169
    ("sikre bedre uddannelser og en professionel erhvervsservice?", "erhvervsudvikling"),  # d172
    ("Kgs. Lyngby skal fastholdes og udvikles som førende handelscenter nord for København.", "erhvervsudvikling"),
    ("En attraktiv kommune at leve og drive virksomhed i", "erhvervsudvikling"),  # d263
    # settlement and growth in numbers said in other words
    ("Det skal være attraktivt at bo i Næstved Kommune i alle livets faser.", "byudvikling-bosaetning"),  # d101
    (
        "Fra et indbyggertal på godt 63.000 borgere i 2020 forventes vi at runde 70.000 borgere inden 2030.",  # d108
        "byudvikling-bosaetning",
    ),
    ("Politisk er det ambitionen, at kommunen skal vokse med 20.000 nye borgere frem til 2050.", "vaekst"),  # d222
    ("Skanderborg er en af landets hurtigst voksende kommuner.", "vaekst"),  # d107
    ("Vi vil være flere!", "vaekst"),  # d238
    ("Derfor skaber vi de bedste rammer for vores borgere og dem, der flytter hertil.", "byudvikling-bosaetning"),
    (
        "En ordentlig velkomst er af afgørende betydning for om en nytilflytter føler sig velkommen.",  # d274
        "byudvikling-bosaetning",
    ),
    ("Bystrategierne har til formål at synliggøre de enkelte byers potentiale og identitet.", "byudvikling-bosaetning"),
    ("Tiden er løbet fra dele af den by- og landsbyplanlægning, vi sidst lavede.", "byudvikling-bosaetning"),  # d252
    # collaboration with businesses said in other words
    (
        "Strategi for grøn vækst er kommunens strategi for samspillet mellem virksomheder og kommune.",  # d117
        "erhvervssamarbejde-partnerskaber",
    ),
    ("Men sammen kan vi; sammen med de lokale erhvervsdrivende.", "erhvervssamarbejde-partnerskaber"),  # d221
    # d050, d129: the other side of the same rules
    (
        "Der er stor konkurrence om at sikre den nødvendige arbejdskraft til at løse kommunens opgaver.",
        "rekruttering-fastholdelse",
    ),
    ("En kommune i vækst med flere indbyggere er vejen til nye muligheder, flere job og højere velfærd.", "vaekst"),
    # the good life, climate and communities in other words
    ("Alle børn og unge skal have en god start på livet.", "det-gode-liv"),  # d009
    ("Borgerne skal leve længere og have flere gode leveår både fysisk, psykisk og socialt.", "det-gode-liv"),  # d089
    ("at omsætte strategierne til en god hverdag for borgerne i kommunen.", "det-gode-liv"),  # d135
    ("Fremme af løsninger der kan håndtere øget nedbør og overløb.", "klima-baeredygtighed"),  # d204
    ("En ansvarlig kommune for nutidens og fremtidens generationer", "klima-baeredygtighed"),  # d264
    ("det at stå sammen om noget større end os selv er vores lokale historie.", "faellesskaber"),  # d127
    # d062, d063: the associations of popular enlightenment are leisure and civil society
    ("Borgerne kan etablere og tage del i den frie folkeoplysende virksomhed.", "kultur-fritid-turisme"),
    ("Borgerne kan etablere og tage del i den frie folkeoplysende virksomhed.", "civilsamfund-frivillighed"),
    # d218: the citizen as the expert in their own life
    ("principperne om, at borgeren er ekspert i eget liv.", "taet-paa-borgeren"),
    # the words of a rule still count outside its context
    ("Flere unge skal have en uddannelse, og vi samarbejder med erhvervslivet.", "uddannelse-laering"),
    ("Vi vil styrke den kulturelle udvikling i byen og kulturlivet.", "kultur-fritid-turisme"),
    ("Virksomhederne mangler kvalificeret arbejdskraft.", "arbejdskraft"),
    ("Repræsentanter for foreningerne og de frivillige bærer arbejdet.", "civilsamfund-frivillighed"),
    ("Værdighedspolitikken skal sikre en værdig ældrepleje.", "aeldre-handicap"),
    ("Vi vil handle i tide, når et barn mistrives.", "forebyggelse-ensomhed"),
    ("Byrådet vil styrke kulturlivet og de forskellige kulturtilbud.", "kultur-fritid-turisme"),
    # round 3 (e-units): involvement in other words: dialogue with citizens, user councils, consultation, surveys
    ("Odense Kommune har et ønske om en tættere dialog med borgerne.", "borgerinddragelse"),  # e157
    (
        "Ældrerådet rådgiver Kommunalbestyrelsen i alle ældrepolitiske spørgsmål og formidler synspunkter mellem "
        "borgerne og Kommunalbestyrelsen.",  # e217
        "borgerinddragelse",
    ),
    ("Udkastet til en ny sundhedspolitik for Solrød Kommune er lige nu i bred høring.", "borgerinddragelse"),  # e179
    (
        "Byrådet giver hermed borgere, foreninger og fagpersoner m.fl. mulighed for at komme med forslag og "
        "bemærkninger til udkastet til den nye sundhedspolitik.",  # e181
        "borgerinddragelse",
    ),
    (
        "Vi har stor interesse i at få din mening om vores udspil til den kommende Børne- og Ungepolitik.",  # e052
        "borgerinddragelse",
    ),
    (
        "Vi har spurgt borgerne i Herlev, hvad vi skal stå på, og hvor vi skal bevæge os hen.",  # e073
        "borgerinddragelse",
    ),
    # a good place to live is the good life; a place to run a business is business development
    ("Tønder Kommune skal blive et endnu bedre sted at bo, arbejde, leve og opleve", "det-gode-liv"),  # e252
    ("Ærø - et godt sted at være – et godt sted at leve", "det-gode-liv"),  # e205
    ("Brønderslev Kommune er i 2020 det bedste sted nord for Limfjorden at drive virksomhed.", "erhvervsudvikling"),
    # visitors, summer houses and gastronomy are tourism; recycling is climate; small towns are local communities
    ("Det er vores ambition, at flere skal besøge Halnsæs hele året rundt.", "kultur-fritid-turisme"),  # e069
    ("Grønt lys for 97 nye sommerhusgrunde på Nordfyn", "kultur-fritid-turisme"),  # e285
    ("I fremtiden skal det også være en selvfølge, at vi genanvender plastik.", "klima-baeredygtighed"),  # e289
    ("Halsnæs er en mangfoldighed af små og lidt større bysamfund.", "landdistrikter-lokalsamfund"),  # e226
    ("At mobilisere lokalsamfundets ressourcer til gavn for borgerne", "civilsamfund-frivillighed"),  # e030
    # business collaboration and growth in other words
    (
        "et aktivt samarbejde mellem den offentlige og den private sektor.",  # e025
        "erhvervssamarbejde-partnerskaber",
    ),
    ("Læsø Kommunes største udfordring har i mange år været et konstant faldende befolkningstal.", "vaekst"),  # e219
]


@pytest.mark.parametrize(("text", "theme"), IS_THEME)
def test_paraphrases_and_inflections_are_found(lexicon: Lexicon, text: str, theme: str) -> None:
    assert theme in themes(text, lexicon)


def test_a_lemma_match_keeps_the_written_words_and_offsets(lexicon: Lexicon) -> None:
    text = "Udviklingen af kommunens større byer"
    hits = [hit for hit in tag(text, lexicon) if hit.theme == "byudvikling-bosaetning"]
    assert [(hit.matched, hit.start, hit.end) for hit in hits] == [(text, 0, len(text))]
    assert all(text[hit.start : hit.end] == hit.matched for hit in hits)


def test_a_point_inside_a_number_does_not_end_the_sentence(lexicon: Lexicon) -> None:
    # d222: "20.000" is one number, so "vokse med … borgere" spans it
    text = "Politisk er det ambitionen, at kommunen skal vokse med 20.000 nye borgere frem til 2050."
    growth = [hit for hit in tag(text, lexicon) if hit.theme == "vaekst"]
    assert [hit.matched for hit in growth] == ["vokse med 20.000 nye borgere"]
    assert "vaekst" not in themes("Kommunen skal vokse. Med borgere i fokus.", lexicon)
