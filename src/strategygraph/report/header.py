"""Who and what the report is about, as its title and method section name them: the seminars' titles, the
municipalities' names and the source files, read from the graph.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..i18n import Lang, format_count, in_language, text
from ..stores.base import GraphStore, as_str

NAMED_AT_MOST = 3  # a title or sentence names up to this many seminars, municipalities or files; more are counted

_HEADER = """
SELECT ?seminar ?title ?language ?municipalityDa ?municipalityEn ?sourceFile WHERE {
    ?seminar a sg:Seminar ; dcterms:title ?title .
    BIND (lang(?title) AS ?language)
    OPTIONAL {
        ?seminar sg:municipality ?municipality .
        OPTIONAL { ?municipality skos:prefLabel ?municipalityDa . FILTER (lang(?municipalityDa) = "da") }
        OPTIONAL { ?municipality skos:prefLabel ?municipalityEn . FILTER (lang(?municipalityEn) = "en") }
    }
    OPTIONAL { ?document a sg:SourceDocument ; sg:seminar ?seminar ; sg:sourceFile ?sourceFile }
}
"""


@dataclass(frozen=True)
class SeminarHeader:
    """Who and what the report is about: seminar titles, municipality names and source files."""

    seminars_da: tuple[str, ...]
    seminars_en: tuple[str, ...]
    municipalities_da: tuple[str, ...]
    municipalities_en: tuple[str, ...]
    source_files: tuple[str, ...]

    seminar_count: int = 0  # seminars, some of which may share a title

    def seminar(self, lang: Lang) -> str:
        titles = self.seminars_en if lang == "en" else self.seminars_da
        if self.seminar_count > NAMED_AT_MOST:
            return text("report_count_seminars", lang).format(count=format_count(self.seminar_count, lang))
        return _named(titles, "report_count_seminars", lang)

    def municipality(self, lang: Lang) -> str:
        names = in_language(lang, self.municipalities_da, self.municipalities_en)
        return _named(names, "report_count_municipalities", lang)

    def sources(self, lang: Lang) -> str:
        return _named(self.source_files, "report_count_source_files", lang)


def _named(names: Sequence[str], count_key: str, lang: Lang) -> str:
    """``names`` joined with commas, or "98 kommuner" when there are too many to read in a title."""
    if len(names) <= NAMED_AT_MOST:
        return ", ".join(names)
    return text(count_key, lang).format(count=format_count(len(names), lang))


def _title_in(titles: list[tuple[str, str]], lang: Lang) -> str:
    """A seminar's title in ``lang``, else in Danish, else any."""
    for wanted in (lang, "da", None):
        found = sorted(title for language, title in titles if wanted is None or language == wanted)
        if found:
            return found[0]
    return ""


def read_header(store: GraphStore) -> SeminarHeader:
    rows = list(store.select(_HEADER).dicts())

    def distinct(name: str) -> tuple[str, ...]:
        return tuple(sorted({str(r[name]) for r in rows if r[name] is not None}))

    titles: dict[str, list[tuple[str, str]]] = {}
    for row in rows:
        titles.setdefault(str(row["seminar"]), []).append((as_str(row["language"]) or "", str(row["title"])))
    return SeminarHeader(
        tuple(sorted({_title_in(t, "da") for t in titles.values()})),
        tuple(sorted({_title_in(t, "en") for t in titles.values()})),
        distinct("municipalityDa"),
        distinct("municipalityEn"),
        distinct("sourceFile"),
        len(titles),
    )
