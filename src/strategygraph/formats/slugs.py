"""Readable, stable ASCII slugs for IRIs: ``Udvalget for Teknik & Miljø`` → ``teknik-miljoe``.

Danish letters are spelled out (æ → ae, ø → oe, å → aa), other accents are dropped, and every run of
anything else becomes one hyphen. A slug is a pure function of its text; :class:`SlugRegistry` makes the
slugs of one namespace distinct by appending ``-2``, ``-3`` … in the order the names are first seen.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field

SLUG_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
MAX_LENGTH = 60

_SPELLED_OUT = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})
# Small words a cut slug should not end on ("…-fokusomraader-fra").
_DANGLING = frozenset(
    {"af", "at", "de", "den", "det", "en", "et", "for", "fra", "i", "med", "og", "om", "paa", "som", "til"}
)
_NOT_SLUG = re.compile(r"[^a-z0-9]+")
_MUNICIPALITY_WORD = re.compile(r"\s+kommune$", re.IGNORECASE)
_COMMITTEE_PREFIX = re.compile(r"^udvalg(?:et)?\s+for\s+", re.IGNORECASE)


def slugify(text: str, fallback: str = "item") -> str:
    """The ASCII slug of ``text``; ``fallback`` if ``text`` is blank.

    A slug longer than :data:`MAX_LENGTH` is cut after a whole word, not on a small word such as *fra*. A text
    with no Latin letters or digits (``東京 Kommune``) gets ``fallback`` and a digest of the text
    (``kommune-4f2a91c0``), so that two such names never share a slug.
    """
    spelled = unicodedata.normalize("NFKC", text).lower().translate(_SPELLED_OUT)
    ascii_text = unicodedata.normalize("NFKD", spelled).encode("ascii", "ignore").decode("ascii")
    slug = _NOT_SLUG.sub("-", ascii_text).strip("-")
    if len(slug) > MAX_LENGTH:
        cut = slug[: MAX_LENGTH + 1]
        words = cut[: cut.rfind("-")].split("-") if "-" in cut else [slug[:MAX_LENGTH]]
        while len(words) > 1 and words[-1] in _DANGLING:
            words.pop()
        slug = "-".join(words)
    if slug or not fallback or not text.strip():
        return slug or fallback
    digest = hashlib.sha256(unicodedata.normalize("NFC", text.strip()).encode("utf-8")).hexdigest()[:8]
    return f"{fallback}-{digest}"


def municipality_slug(name: str) -> str:
    """``Hedensted Kommune`` → ``hedensted``: the slug without the word *Kommune*."""
    return slugify(_MUNICIPALITY_WORD.sub("", name.strip()), "kommune")


def committee_slug(name: str) -> str:
    """``Udvalget for Teknik & Miljø`` → ``teknik-miljoe``; ``Økonomiudvalget`` → ``oekonomiudvalget``."""
    return slugify(_COMMITTEE_PREFIX.sub("", name.strip()), "udvalg")


@dataclass
class SlugRegistry:
    """Distinct slugs within one namespace; the same key always gets the same slug.

    ``reserved`` slugs are never handed out (they name other things in the same IRI namespace).
    """

    reserved: frozenset[str] = frozenset()
    _by_key: dict[str, str] = field(default_factory=dict)
    _taken: set[str] = field(default_factory=set)

    def slug(self, key: str, base: str) -> str:
        """The slug for ``key``: ``base`` if still free, else ``base-2``, ``base-3`` …"""
        if key in self._by_key:
            return self._by_key[key]
        candidate, number = base, 1
        while candidate in self._taken or candidate in self.reserved:
            number += 1
            candidate = f"{base}-{number}"
        self._taken.add(candidate)
        self._by_key[key] = candidate
        return candidate
