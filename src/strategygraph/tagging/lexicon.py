"""The tagger's pattern language, and the thesaurus compiled into an index for fast matching.

A pattern is a sequence of word patterns, written in base form and separated by spaces:

=========  ==========================================================================================
``ord``    the word in any inflection: the written form plus an inflectional ending (demens-en), or
           the same Snowball stem and the written form plus or minus an ending (``fællesskaber`` ~
           fællesskabet; ``demens`` is not ``dem``, ``forpligtende`` not ``forpligtet``, ``ledig`` not
           ``ledelse``)
``ord*``   a word beginning with ``ord``: the word itself, its inflections and compounds (``klima*``)
``ord+``   only as the first part of a compound, or a suspended first part (``ældre+``: ældreområdet,
           ældres, "ældre- og handicapområdet"; not the adjective in "ældre bygninger")
``*ord``   the word in any inflection, alone, or as the last part of a compound, beginning with the
           written form (``*fællesskab``: arbejdsfællesskab, børnefællesskaberne)
``+ord``   only as the last part of a compound (``+leder``: skoleleder, not the verb "leder")
``*ord*``  a word containing ``ord`` (for stop phrases such as ``*udvalg*``)
``=ord``   exactly this form
``_``      any one word
``…``      up to four words in between (``...`` works too)
=========  ==========================================================================================

A word is also looked up by its dictionary form (lemma, from simplemma's Danish data, which ships in its
wheel): ``byer`` is the plural of ``by``, ``børnene`` of ``barn``, ``storbyer`` of ``storby``, where the
Snowball stem alone would not see it. Every pattern form but ``=ord`` accepts the lemma.

Matching is case-insensitive, and a phrase never runs across a sentence end. The linguistic knowledge
(which words, which forms, which false friends) lives in the thesaurus; this module only knows the
notation and Danish morphology in general (through the Snowball stemmer).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from enum import Enum
from functools import lru_cache

import simplemma
import snowballstemmer

from ..errors import StrategyGraphError
from ..i18n import Phrase
from .thesaurus import Theme, Thesaurus

WORD = re.compile(r"[^\W_]+")
"""A word: a run of letters and digits (hyphens, slashes and apostrophes separate words)."""

GAP_WORDS = 4
"""How many words ``…`` may skip."""

BASE_ENDINGS = frozenset({"", "e", "r", "t", "n", "s", "er", "en", "et", "ne", "es", "re"})
"""Danish inflectional endings a written form may carry that another form of the word lacks
(fællesskab-er, borger-ne, møde → mødt)."""

ADDED_ENDINGS = frozenset(
    {"", "e", "r", "s", "t", "n", "en", "er", "et", "es", "ne", "ns", "ts", "rs", "te", "de", "re", "st"}
    | {"ede", "ene", "ens", "ers", "ets", "ere", "tes", "des", "est", "erne", "enes", "eres", "ende", "este", "ernes"}
)
"""Danish inflectional endings added to a base form (demens-en, virksomhed-erne, ledig-e); the Snowball
stemmer sometimes gives such forms another stem than the base form."""
_LONGEST_ADDED_ENDING = max(map(len, ADDED_ENDINGS))

MIN_COMPOUND_PART = 2
"""The shortest first part of a compound that counts (so ``*ældre`` can tell ``forældre`` apart)."""


class Form(Enum):
    """How a word pattern matches a word."""

    INFLECTED = "inflected"
    EXACT = "exact"
    PREFIX = "prefix"
    MODIFIER = "modifier"
    HEAD = "head"
    HEAD_ONLY = "head-only"
    CONTAINS = "contains"
    ANY = "any"


class Role(Enum):
    """What a rule's matches mean for its theme."""

    EVIDENCE = "evidence"
    STOP = "stop"
    EXCLUDED = "excluded"


class PatternError(StrategyGraphError):
    """A pattern that does not follow the notation."""


@dataclass(frozen=True)
class WordPattern:
    form: Form
    text: str
    stem: str


@dataclass(frozen=True)
class Gap:
    maximum: int = GAP_WORDS


Element = WordPattern | Gap

_COMPOUND_FORMS = frozenset({Form.PREFIX, Form.MODIFIER, Form.HEAD, Form.HEAD_ONLY, Form.CONTAINS})


@dataclass(frozen=True)
class Pattern:
    """A parsed pattern, with the text it was written as."""

    source: str
    elements: tuple[Element, ...]

    @property
    def score(self) -> float:
        """How specific the evidence is: a phrase 0.9, one word 0.8, part of a compound 0.7."""
        words = [e for e in self.elements if isinstance(e, WordPattern)]
        if len(words) > 1:
            return 0.9
        return 0.7 if words[0].form in _COMPOUND_FORMS else 0.8


Stem = Callable[[str], str]


def danish_stemmer() -> Stem:
    """The Snowball Danish stemmer as a function of a lower-case word (remembering recent words: compiling the
    thesaurus stems 3,212 words, 1,164 of them distinct)."""
    stemmer = snowballstemmer.stemmer("danish")

    @lru_cache(maxsize=1 << 16)
    def stem(word: str) -> str:
        return str(stemmer.stemWord(word))

    return stem


Lemmatize = Callable[[str], str]


@lru_cache(maxsize=1)
def _simplemma_lemmatizer() -> simplemma.Lemmatizer:
    """simplemma's default lemmatizer (as ``simplemma.lemmatize`` uses it), its dictionaries kept as tables in
    the cache folder (:mod:`.lemma_table`): the same lemmas without decoding the dictionary in every process."""
    from simplemma.strategies import DefaultStrategy

    from ..cache_folder import cache_root
    from .lemma_table import TableDictionaryFactory

    factory = TableDictionaryFactory(cache_root() / "lemmas")
    return simplemma.Lemmatizer(lemmatization_strategy=DefaultStrategy(greedy=False, dictionary_factory=factory))


def danish_lemmatizer() -> Lemmatize:
    """The dictionary form of a lower-case Danish word (simplemma's Danish data; the word itself if unknown)."""
    lemmatizer = _simplemma_lemmatizer()

    def lemmatize(word: str) -> str:
        return str(lemmatizer.lemmatize(word, lang="da")).lower()

    return lemmatize


def _word_pattern(token: str, stem: Stem) -> Element:
    if token in ("…", "..."):
        return Gap()
    if token == "_":
        return WordPattern(Form.ANY, "", "")
    forms = {
        ("*", "*"): Form.CONTAINS,
        ("=", ""): Form.EXACT,
        ("*", ""): Form.HEAD,
        ("+", ""): Form.HEAD_ONLY,
        ("", "*"): Form.PREFIX,
        ("", "+"): Form.MODIFIER,
        ("", ""): Form.INFLECTED,
    }
    lead = token[0] if token[0] in "*+=" else ""
    trail = token[-1] if len(token) > len(lead) and token[-1] in "*+" else ""
    word = token[len(lead) : len(token) - len(trail)]
    form = forms.get((lead, trail))
    if form is None or not word or WORD.fullmatch(word) is None:
        raise PatternError("error_not_word_pattern", token=token)
    return WordPattern(form, word, stem(word))


def parse_pattern(source: str, stem: Stem) -> Pattern:
    """Parse a pattern in the notation above; a label is a pattern without operators."""
    elements = tuple(_word_pattern(token, stem) for token in source.lower().split())
    if not elements:
        raise PatternError("error_empty_pattern")
    if isinstance(elements[0], Gap) or isinstance(elements[-1], Gap):
        raise PatternError("error_pattern_gap_at_end", source=source)
    return Pattern(source, elements)


def label_pattern(label: str, stem: Stem) -> Pattern:
    """A SKOS label as a phrase: each of its words in any inflection."""
    words = WORD.findall(label.lower())
    if not words:
        raise PatternError("error_label_without_words", label=label)
    return Pattern(label, tuple(WordPattern(Form.INFLECTED, word, stem(word)) for word in words))


@dataclass(frozen=True)
class Rule:
    """A pattern with its role, for one theme (or for every theme: ``theme`` is None)."""

    theme: str | None
    role: Role
    pattern: Pattern
    words: tuple[int | None, ...]
    """For each element of the pattern: the id of its word pattern, or None for a gap."""
    label: bool = False
    """Whether the pattern is one of the theme's labels (a name of the theme) rather than an sg:pattern."""


def _common_prefix(a: str, b: str) -> int:
    n = min(len(a), len(b))
    i = 0
    while i < n and a[i] == b[i]:
        i += 1
    return i


def _inflects(word: str, base: str) -> bool:
    """Whether ``word`` (of the same stem) is an inflection of ``base``: it adds an ending to it, or it
    shares all of ``base`` but an inflectional ending (``fællesskaber`` ~ fællesskabet, ``møde`` ~ mødt)."""
    return word.startswith(base) or base[_common_prefix(word, base) :] in BASE_ENDINGS


@dataclass
class _WordIndex:
    """Word patterns by the keys a word is looked up with; a word's matches are cached."""

    stem: Stem
    lemmatize: Lemmatize | None = None
    patterns: list[WordPattern] = field(default_factory=list)
    ids: dict[WordPattern, int] = field(default_factory=dict)
    inflected: dict[str, list[tuple[int, str]]] = field(default_factory=lambda: defaultdict(list))
    bases: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    exact: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    prefix: dict[str, list[tuple[int, bool]]] = field(default_factory=lambda: defaultdict(list))
    head: dict[str, list[tuple[int, str, bool]]] = field(default_factory=lambda: defaultdict(list))
    contains: list[tuple[int, str]] = field(default_factory=list)
    any_word: list[int] = field(default_factory=list)
    cache: dict[tuple[str, bool], frozenset[int]] = field(default_factory=dict)
    longest_prefix: int = 0
    longest_head: int = 0

    def add(self, pattern: WordPattern) -> int:
        known = self.ids.get(pattern)
        if known is not None:
            return known
        wid = len(self.patterns)
        self.patterns.append(pattern)
        self.ids[pattern] = wid
        text, form = pattern.text, pattern.form
        if form is Form.INFLECTED:
            self.inflected[pattern.stem].append((wid, text))
            self.bases[text].append(wid)
        elif form is Form.EXACT:
            self.exact[text].append(wid)
        elif form in (Form.PREFIX, Form.MODIFIER):
            self.prefix[text].append((wid, form is Form.MODIFIER))
            self.longest_prefix = max(self.longest_prefix, len(text))
        elif form in (Form.HEAD, Form.HEAD_ONLY):
            self.head[pattern.stem].append((wid, text, form is Form.HEAD_ONLY))
            self.longest_head = max(self.longest_head, len(pattern.stem))
        elif form is Form.CONTAINS:
            self.contains.append((wid, text))
        else:
            self.any_word.append(wid)
        return wid

    def matches(self, word: str, suspended: bool) -> frozenset[int]:
        """The ids of the word patterns that ``word`` (lower case) satisfies."""
        key = (word, suspended)
        found = self.cache.get(key)
        if found is None:
            found = frozenset((*self.exact.get(word, ()), *self._matches(word, suspended)))
            lemma = self.lemmatize(word) if self.lemmatize is not None else word
            if lemma and lemma != word:
                found |= frozenset(self._matches(lemma, suspended))
            self.cache[key] = found
        return found

    def _matches(self, word: str, suspended: bool) -> Iterable[int]:
        """Every match but the exact forms (``=ord``), which only the written word itself can have."""
        stem = self.stem(word)
        size = len(word)
        yield from self.any_word
        yield from (wid for wid, base in self.inflected.get(stem, ()) if _inflects(word, base))
        for cut in range(max(1, size - _LONGEST_ADDED_ENDING), size + 1):
            if word[cut:] in ADDED_ENDINGS:
                yield from self.bases.get(word[:cut], ())
        for end in range(1, min(size, self.longest_prefix) + 1):
            for wid, modifier_only in self.prefix.get(word[:end], ()):
                if not modifier_only or end < size or suspended:
                    yield wid
        for start in range(max(0, len(stem) - self.longest_head), len(stem)):
            if 0 < start < MIN_COMPOUND_PART:
                continue
            for wid, base, head_only in self.head.get(stem[start:], ()):
                alone = start == 0 and not head_only and _inflects(word, base)
                if alone or (start > 0 and word[start:].startswith(base)):
                    yield wid
        yield from (wid for wid, part in self.contains if part in word)


@dataclass(frozen=True)
class Lexicon:
    """The thesaurus compiled for tagging: rules indexed by their first word pattern. It caches which
    word patterns each word it has seen matches, so reuse one lexicon for many texts."""

    thesaurus: Thesaurus
    rules: tuple[Rule, ...]
    words: _WordIndex
    first_word: dict[int, tuple[int, ...]]
    broader: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """The broader themes of each theme that has any (skos:broader): a narrower theme does not imply its
    broader one, so a single word inside a narrower theme's label is no evidence for the broader theme."""

    @classmethod
    def compile(cls, thesaurus: Thesaurus, stem: Stem | None = None, lemmatize: Lemmatize | None = None) -> Lexicon:
        """Compile every label, pattern, stop phrase and excluded form of ``thesaurus``.

        ``stem`` defaults to the Snowball Danish stemmer, ``lemmatize`` to simplemma's Danish lemmas. A
        pattern that does not follow the notation raises :class:`PatternError` naming the theme.
        """
        words = _WordIndex(stem or danish_stemmer(), lemmatize or danish_lemmatizer())
        rules: list[Rule] = []
        for theme in thesaurus.themes:
            rules.extend(_theme_rules(theme, words))
        for phrase in thesaurus.stop_phrases:
            rules.append(_rule(None, Role.STOP, _parse(phrase, words.stem, "sg:stopPhraseGlobal"), words))
        first_word: dict[int, list[int]] = defaultdict(list)
        for number, rule in enumerate(rules):
            first = rule.words[0]
            assert first is not None
            first_word[first].append(number)
        slugs = {theme.iri: theme.slug for theme in thesaurus.themes}
        broader = {
            theme.slug: tuple(slugs[iri] for iri in theme.broader if iri in slugs)
            for theme in thesaurus.themes
            if any(iri in slugs for iri in theme.broader)
        }
        by_first = {wid: tuple(numbers) for wid, numbers in first_word.items()}
        return cls(thesaurus, tuple(rules), words, by_first, broader)


def _parse(source: str, stem: Stem, where: Phrase | str) -> Pattern:
    try:
        return parse_pattern(source, stem)
    except PatternError as error:
        raise PatternError("error_in_pattern", where=where, error=error) from None


def _rule(theme: str | None, role: Role, pattern: Pattern, words: _WordIndex, label: bool = False) -> Rule:
    ids = tuple(words.add(e) if isinstance(e, WordPattern) else None for e in pattern.elements)
    return Rule(theme, role, pattern, ids, label)


def _theme_rules(theme: Theme, words: _WordIndex) -> Iterable[Rule]:
    for label in theme.surface_forms:
        try:
            yield _rule(theme.slug, Role.EVIDENCE, label_pattern(label, words.stem), words, label=True)
        except PatternError as error:
            where = Phrase("error_theme_label", {"slug": theme.slug})
            raise PatternError("error_in_pattern", where=where, error=error) from None
    for source in theme.patterns:
        where = Phrase("error_theme_field", {"slug": theme.slug, "field": "sg:pattern"})
        yield _rule(theme.slug, Role.EVIDENCE, _parse(source, words.stem, where), words)
    for source in theme.stop_phrases:
        where = Phrase("error_theme_field", {"slug": theme.slug, "field": "sg:stopPhrase"})
        yield _rule(theme.slug, Role.STOP, _parse(source, words.stem, where), words)
    for source in theme.excluded_forms:
        yield _rule(theme.slug, Role.EXCLUDED, _parse(source, words.stem, f"{where} sg:excludedForm"), words)


@lru_cache(maxsize=8)
def compiled_lexicon(thesaurus: Thesaurus) -> Lexicon:
    """``Lexicon.compile(thesaurus)``, once per process and thesaurus: a thesaurus is an immutable value, and the
    lexicon's word cache only remembers what the default stemmer and lemmas say of a word."""
    return Lexicon.compile(thesaurus)
