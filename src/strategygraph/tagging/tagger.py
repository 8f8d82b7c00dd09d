"""Find the thesaurus's themes in Danish text, each hit with its evidence: the matched text and offsets.

``tag(text, lexicon)`` splits the text into words, looks each distinct word up once in the compiled
lexicon (:mod:`strategygraph.tagging.lexicon`), extends the matches into phrases, and drops every hit that rests
on a word inside a stop phrase or on an excluded form. Hits of one theme that overlap or touch (nothing
but spaces, hyphens or slashes between them) are one mention: its span covers them all, and it keeps
every pattern that matched as its evidence. Offsets are 0-based code points into ``text``, half-open, so
``text[hit.start:hit.end] == hit.matched``. Hits are sorted by start, then theme slug.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from ..i18n import Lang
from .lexicon import WORD, Gap, Lexicon, Role, Rule

_SENTENCE_END = re.compile(r"[.:](?!\d)|[!?;]|\n\s*\n")
"""A sentence end: a full stop, colon, question or exclamation mark, semicolon or blank line; not the point or colon
inside a number or a time ("20.000", "kl. 10:30"); so a search for it reaches one character past its range."""
_JOINING = re.compile(r"[\s\-/]*")
"""What may stand between two hits of one theme that are one mention ("børne-/ungeområdet")."""
VIA_SEPARATOR = "; "
"""Between the patterns in :attr:`ThemeHit.via` when several hits of a theme were merged."""


@dataclass(frozen=True)
class ThemeHit:
    """One piece of evidence for a theme in a text."""

    theme: str
    label: str
    matched: str
    start: int
    end: int
    score: float
    via: str
    """The labels or patterns of the thesaurus that matched, separated by ``VIA_SEPARATOR``: the
    highest-scoring first, then the others in the order of their spans."""


@dataclass(frozen=True)
class _Words:
    """The words of a text: offsets, lower-case forms, and which start a new sentence."""

    starts: list[int]
    ends: list[int]
    lowered: list[str]
    suspended: list[bool]
    breaks: list[bool]
    named: list[bool]
    """Words of a name, never evidence: see :func:`_named`."""


def _words(text: str) -> _Words:
    starts, ends, lowered, suspended, breaks = [], [], [], [], []
    previous_end = 0
    for match in WORD.finditer(text):
        start, end = match.span()
        starts.append(start)
        ends.append(end)
        lowered.append(match.group().lower())
        # a suspended first part of a compound: "vækst- og klimaindsatsen", "børne-/ungeområdet"
        suspended.append(text[end : end + 1] == "-" and (end + 1 == len(text) or text[end + 1] in " \t\n\u00a0,/"))
        breaks.append(bool(_SENTENCE_END.search(text, previous_end, start + 1)))
        previous_end = end
    return _Words(starts, ends, lowered, suspended, breaks, _named(text, starts, ends, breaks))


_QUOTED = re.compile(r"(?<![^\s(\[–-])([\"”“„«»’‘])([^\"”“„«»\n]{1,80}?)([\"”“«»’])(?![^\W_])")
"""A short stretch in quotation marks: "Sammen om det gode liv", ”Byen i byen”, ’Velfærd frem for mursten’."""
QUOTED_NAME_WORDS = 10
"""The most words a quoted stretch may have to be taken for a name (a title) rather than a quotation."""
ABBREVIATION = 5
"""A word in capitals this short right after an opening parenthesis is an abbreviation of a name: "(BUS)",
"(CØL)"."""
SHOUTED_WORD = 5
"""A word this long in capitals only ("ENSOMHED fylder meget for Ældre") shows that the text uses case for
emphasis, not for names: its capitals say nothing."""


def _named(text: str, starts: list[int], ends: list[int], breaks: list[bool]) -> list[bool]:
    """Which words belong to a name rather than to what the text says (incidental mentions are no evidence).

    Danish capitalises only names, so a capitalised word inside a sentence is part of a name: a vision
    ("vision Viden, Vækst og Velfærd"), a document ("denne Erhvervsstrategi", "Planstrategi 2019"), an
    institution ("Center for Velfærdsteknologi"). Not so a word in capitals only (a heading, "GRØN
    OMSTILLING"), the first word of a sentence, a quotation or a list item, nor a list after a colon
    ("fokusområder: Livskvalitet, Selvbestemmelse, Tværfaglighed"), nor any word of a text that writes
    words in capitals for emphasis. A short word in capitals right after an opening parenthesis is the
    abbreviation of a name ("Bornholms udviklingsstrategi (BUS)"). Every word of a capitalised title in
    quotation marks is part of a name ("Sammen om det gode liv"); a quoted phrase in lower case is not (”set,
    hørt og mødt”).
    """
    named = [False] * len(starts)
    listing = False
    shouting = any(
        len(word) >= SHOUTED_WORD and word.isupper() for word in map(text.__getitem__, map(slice, starts, ends))
    )
    for i, (start, end) in enumerate(zip(starts, ends, strict=True)):
        if shouting:
            break
        word = text[start:end]
        listing = (listing and not breaks[i]) or (i > 0 and text.rfind(":", ends[i - 1], start) >= 0)
        if i > 0 and not breaks[i] and not listing and word[0].isupper() and not word.isupper():
            named[i] = not _after_opening(text, start)
        elif word.isupper() and len(word) <= ABBREVIATION and text[start - 1 : start] == "(":
            named[i] = True
    for quote in _QUOTED.finditer(text):
        inside = range(bisect_left(starts, quote.start(2)), bisect_left(starts, quote.end(2)))
        if inside and len(inside) <= QUOTED_NAME_WORDS and text[starts[inside[0]]].isupper():
            for i in inside:
                named[i] = True
    return named


def _after_opening(text: str, start: int) -> bool:
    """Whether the word at ``start`` opens a quotation, a parenthesis or a list item, so may be capitalised."""
    before = text[max(0, start - 8) : start].rstrip()
    return (not before and start < 8) or (bool(before) and before[-1] in '"”“„«»’‘(–-•*')


def _extend(
    rule: Rule, element: int, word: int, found: Sequence[frozenset[int]], breaks: Sequence[bool]
) -> list[int] | None:
    """The word indices matching ``rule`` from its ``element``-th element at ``word``, or None."""
    if element == len(rule.words):
        return []
    wid = rule.words[element]
    gap = rule.pattern.elements[element]
    if wid is None:
        assert isinstance(gap, Gap)
        for skip in range(gap.maximum + 1):
            rest = _extend(rule, element + 1, word + skip, found, breaks)
            if rest is not None:
                return rest
            if word + skip >= len(found) or breaks[word + skip]:
                return None
        return None
    if word >= len(found) or breaks[word] or wid not in found[word]:
        return None
    rest = _extend(rule, element + 1, word + 1, found, breaks)
    return None if rest is None else [word, *rest]


def _blocked_words(matches: list[tuple[Rule, list[int]]]) -> tuple[set[int], dict[str, set[int]]]:
    everywhere: set[int] = set()
    by_theme: dict[str, set[int]] = defaultdict(set)
    for rule, indices in matches:
        if rule.role is Role.EVIDENCE:
            continue
        covered = set(range(indices[0], indices[-1] + 1)) if rule.role is Role.STOP else set(indices)
        if rule.theme is None:
            everywhere |= covered
        else:
            by_theme[rule.theme] |= covered
    return everywhere, by_theme


def tag(text: str, lexicon: Lexicon, lang: Lang = "da") -> list[ThemeHit]:
    """Every theme found in ``text``, sorted by start offset, then theme slug, then end offset.

    Within one theme, hits that overlap or touch are merged into one: its span covers them all and its
    ``via`` names every pattern that matched. Labels are given in ``lang`` (``da`` or ``en``).
    """
    words = _words(text)
    matches = _rule_matches(words, lexicon)
    best = _best_hits(words, lexicon, _evidence(words, matches))
    labels = {theme.slug: theme.label(lang) for theme in lexicon.thesaurus.themes}
    hits = [
        ThemeHit(theme, labels[theme], text[span.start : span.end], span.start, span.end, span.score, span.via)
        for theme, span in _merged(text, best)
    ]
    return sorted(hits, key=lambda hit: (hit.start, hit.theme, hit.end))


def _rule_matches(words: _Words, lexicon: Lexicon) -> list[tuple[Rule, list[int]]]:
    """Every rule of the lexicon that matches at some word, with the indices of the words it matched."""
    found = [lexicon.words.matches(w, s) for w, s in zip(words.lowered, words.suspended, strict=True)]
    found.append(frozenset())
    breaks = [*words.breaks, True]
    matches: list[tuple[Rule, list[int]]] = []
    for index, wids in enumerate(found[:-1]):
        following, broken = found[index + 1], breaks[index + 1]
        for wid in wids:
            for number in lexicon.first_word.get(wid, ()):
                rule = lexicon.rules[number]
                second = rule.words[1] if len(rule.words) > 1 else None
                # the common case, cheaply: a phrase whose second word is not the next word
                if second is not None and (broken or second not in following):
                    continue
                rest = _extend(rule, 1, index + 1, found, breaks)
                if rest is not None:
                    matches.append((rule, [index, *rest]))
    return matches


def _evidence(words: _Words, matches: list[tuple[Rule, list[int]]]) -> list[tuple[Rule, list[int]]]:
    """The evidence matches that no stop phrase, excluded form or name covers."""
    everywhere, by_theme = _blocked_words(matches)
    everywhere |= {i for i, named in enumerate(words.named) if named}
    return [
        (rule, indices)
        for rule, indices in matches
        if rule.role is Role.EVIDENCE
        and rule.theme is not None
        and not any(i in everywhere or i in by_theme.get(rule.theme, ()) for i in indices)
    ]


def _best_hits(
    words: _Words, lexicon: Lexicon, evidence: list[tuple[Rule, list[int]]]
) -> dict[tuple[str, int, int], tuple[float, str]]:
    """Each (theme, start, end) hit with the score and pattern of its best rule.

    A narrower theme does not imply its broader one: a word of the broader theme inside a label of the
    narrower theme ("Balanceret vækst", "forpligtende fællesskaber") is part of that name, no evidence of its
    own; a phrase of the broader theme inside it still is ("forpligtende og stærke fællesskaber").
    """
    named: dict[str, set[int]] = defaultdict(set)
    for rule, indices in evidence:
        if rule.label:
            for broader in lexicon.broader.get(str(rule.theme), ()):
                named[broader].update(range(indices[0], indices[-1] + 1))
    best: dict[tuple[str, int, int], tuple[float, str]] = {}
    for rule, indices in evidence:
        theme = str(rule.theme)
        inside = named.get(theme)
        if inside and len(indices) == 1 and indices[0] in inside:
            continue
        key = (theme, words.starts[indices[0]], words.ends[indices[-1]])
        candidate = (rule.pattern.score, rule.pattern.source)
        current = best.get(key)
        if current is None or (-candidate[0], candidate[1]) < (-current[0], current[1]):
            best[key] = candidate
    return best


@dataclass
class _Span:
    start: int
    end: int
    score: float
    sources: list[str]

    @property
    def via(self) -> str:
        return VIA_SEPARATOR.join(self.sources)


def _merged(text: str, best: dict[tuple[str, int, int], tuple[float, str]]) -> list[tuple[str, _Span]]:
    """One span per run of overlapping or touching hits of a theme (``best``: each hit's score and
    pattern), with the highest score and every pattern, the best one first."""
    kept: list[tuple[str, _Span]] = []
    for (theme, start, end), (score, source) in sorted(
        best.items(), key=lambda item: (item[0][0], item[0][1], -item[0][2])
    ):
        if kept and kept[-1][0] == theme and _joins(text, kept[-1][1].end, start):
            span = kept[-1][1]
            span.end = max(span.end, end)
            if source not in span.sources:
                span.sources.insert(0 if score > span.score else len(span.sources), source)
            span.score = max(span.score, score)
        else:
            kept.append((theme, _Span(start, end, score, [source])))
    return kept


def _joins(text: str, end: int, start: int) -> bool:
    """Whether a hit beginning at ``start`` belongs with a hit of the same theme reaching ``end``."""
    return start <= end or (
        _JOINING.fullmatch(text, end, start) is not None and not _SENTENCE_END.search(text, end, start + 1)
    )
