"""The IRIs an imported seminar is given: slugs minted from the municipality's name, the seminar's title, the
committees' names, the focus areas' titles and the pillars' names, unique where they must be, e.g.
``…/id/fjordlund/udvalgsseminar-2024/focus-area/trivsel`` and ``…/id/fjordlund/committee/laering``.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..namespaces import ID
from .outline import SeminarOutline
from .slugs import SlugRegistry, committee_slug, municipality_slug, slugify
from .turtle_syntax import PREFIXES

# Paths the municipality's own IRIs use: a seminar slug never takes one of them.
RESERVED_SEMINAR_SLUGS = frozenset({"agent", "committee", "pillar", "strategy", "seminar", "theme"})


@dataclass(frozen=True)
class MintedIris:
    """The slugs of one seminar: municipality, seminar, committees (by name), focus areas and pillars (in order)."""

    municipality: str
    seminar: str
    committees: dict[str, str]
    focus_areas: tuple[str, ...]
    pillars: tuple[str, ...] = ()

    @property
    def municipality_iri(self) -> str:
        return f"{ID}{self.municipality}/"

    @property
    def base(self) -> str:
        return f"{self.municipality_iri}{self.seminar}/"

    @property
    def municipality_prefix(self) -> str:
        """A Turtle prefix name of the municipality's own (a letter first), so that folders never clash."""
        if self.municipality[0].isalpha() and self.municipality not in PREFIXES:
            return self.municipality
        return f"k-{self.municipality}"


def mint_iris(outline: SeminarOutline) -> MintedIris:
    committees = SlugRegistry()
    committee_slugs = {name: committees.slug(name, committee_slug(name)) for name in outline.committees()}
    areas = SlugRegistry()
    area_slugs = tuple(
        areas.slug(str(index), slugify(area.title.text, "fokusomraade"))
        for index, area in enumerate(outline.focus_areas())
    )
    seminar = outline.slug or SlugRegistry(reserved=RESERVED_SEMINAR_SLUGS).slug(
        "", slugify(outline.title.text, "seminar")
    )
    pillars = SlugRegistry()
    pillar_slugs = tuple(pillars.slug(pillar.name, slugify(pillar.name, "sigtepunkt")) for pillar in outline.pillars)
    return MintedIris(municipality_slug(outline.municipality), seminar, committee_slugs, area_slugs, pillar_slugs)
