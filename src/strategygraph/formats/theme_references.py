"""Themes as a planner names them: committees' remits (``Ressort:``) and the council's pillars (``sigtepunkter:``).

A theme is named by its slug (``klima-baeredygtighed``) or its Danish label (``Klima og bæredygtighed``), in
any case; a list separates them with commas (or semicolons). Labels may hold commas themselves (*Kultur,
fritid og turisme*), so a list is read greedily: the longest run of comma-separated parts that names a
theme is one theme. An unknown name is an error naming the line and the closest themes.

A pillar is written ``<name> [| <English name>]: <theme>, <theme>, …``. Of its themes, the one with the
pillar's own name (or the one marked ``=``) is the pillar itself in the thesaurus (``sg:pillarTheme``); the
others serve it (``sg:servedBy``).
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..i18n import Phrase
from ..source_text import normalise
from .outline import PillarOutline
from .outline_builder import Location
from .slugs import slugify

if TYPE_CHECKING:
    from ..errors import InputError
    from ..tagging.thesaurus import Thesaurus

OWN_THEME_MARK = "="
REMIT_FIELD = "Ressort"  # how errors name the line or key a theme was written in
PILLARS_FIELD = "sigtepunkter"
_SEPARATOR = re.compile(r"[,;]")


@dataclass(frozen=True)
class ThemeIndex:
    """The thesaurus's themes by every key a planner may write: the slug of a slug or of a Danish label."""

    slugs: dict[str, str]
    labels: dict[str, str]

    @classmethod
    def of(cls, thesaurus: Thesaurus) -> ThemeIndex:
        labels = {theme.slug: theme.label("da") for theme in thesaurus.themes}
        slugs = {slug: slug for slug in labels}
        for slug, label in labels.items():
            slugs.setdefault(slugify(label, ""), slug)
        return cls(slugs, labels)

    @classmethod
    def bundled(cls) -> ThemeIndex:
        """The themes of the bundled thesaurus, ``ontology/themes.ttl`` (what an import is checked against)."""
        from ..tagging.thesaurus import load_thesaurus_file

        return cls.of(load_thesaurus_file())

    def find(self, name: str) -> str | None:
        """The slug of the theme ``name`` names, if any."""
        return self.slugs.get(slugify(name, ""))

    def close_matches(self, name: str, limit: int = 4) -> list[str]:
        """Slugs of the themes closest to ``name``: those containing its words, then similar spellings."""
        key = slugify(name, "")
        if not key:
            return []
        containing = [slug for written, slug in self.slugs.items() if f"-{key}-" in f"-{written}-"]
        similar = [self.slugs[k] for k in difflib.get_close_matches(key, list(self.slugs), n=limit, cutoff=0.6)]
        return list(dict.fromkeys([*containing, *similar]))[:limit]

    def unknown(self, name: str, where: Location, field: str, subject: Phrase | str = "") -> InputError:
        """The error for an unknown theme ``name`` in ``field`` (of ``subject``, e.g. ``pillar 'Vækst': ``)."""
        matches = self.close_matches(name)
        if matches:
            hint = Phrase(
                "error_close_themes", {"themes": ", ".join(f"{slug} ({self.labels[slug]})" for slug in matches)}
            )
        else:
            hint = Phrase("error_no_close_theme")
        return where.error("error_unknown_theme", field, subject=subject, name=name, hint=hint)

    def references(self, text: str, where: Location, field: str, subject: Phrase | str = "") -> list[tuple[str, bool]]:
        """The themes ``text`` lists, in order and each once: (slug, marked with ``=``)."""
        parts = [part.strip() for part in _SEPARATOR.split(text)]
        found: dict[str, bool] = {}
        start = 0
        while start < len(parts):
            first = parts[start]
            marked = first.startswith(OWN_THEME_MARK)
            head = first.removeprefix(OWN_THEME_MARK).strip()
            if not head:
                if marked:
                    raise where.error("error_mark_before_theme", field, subject=subject, mark=OWN_THEME_MARK)
                start += 1
                continue
            for end in range(len(parts), start, -1):
                slug = self.find(", ".join([head, *parts[start + 1 : end]]))
                if slug is not None:
                    found[slug] = found.get(slug, False) or marked
                    start = end
                    break
            else:
                raise self.unknown(head, where, field, subject)
        return list(found.items())

    def remit(self, text: str, where: Location) -> tuple[str, ...]:
        """The theme slugs of a ``Ressort:`` line's value."""
        themes = self.references(text, where, REMIT_FIELD)
        if not themes:
            raise where.error("error_empty_remit")
        if any(marked for _, marked in themes):
            raise where.error("error_mark_in_remit", REMIT_FIELD, mark=OWN_THEME_MARK)
        return tuple(slug for slug, _ in themes)

    def pillar(self, item: str, where: Location) -> PillarOutline:
        """One ``sigtepunkter:`` item: ``<name> [| <English name>]: <theme>, …``."""
        names, _, listed = item.rpartition(":") if ":" in item else (item, "", "")
        name, _, name_en = (normalise(part) for part in names.partition("|"))
        if not name:
            raise where.error("error_pillar_needs_name", PILLARS_FIELD)
        themes = self.references(listed, where, PILLARS_FIELD, Phrase("error_pillar_subject", {"name": name}))
        marked = [slug for slug, mark in themes if mark]
        if len(marked) > 1:
            raise where.error("error_pillar_two_marks", PILLARS_FIELD, name=name, mark=OWN_THEME_MARK)
        own = marked[0] if marked else self.find(name)
        own = own if own in {slug for slug, _ in themes} else None
        served = tuple(slug for slug, _ in themes if slug != own)
        return PillarOutline(name, served, own, name_en if name_en and name_en != name else None)


@dataclass
class ThemesOnDemand:
    """A reader's themes: those given, else the bundled thesaurus's, loaded only when the file names a theme."""

    index: ThemeIndex | None = None

    def get(self) -> ThemeIndex:
        if self.index is None:
            self.index = ThemeIndex.bundled()
        return self.index
