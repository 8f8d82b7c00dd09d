"""How fast the theme tagger is: a 100-page document (~300,000 characters) should take well under a second.

Two documents, both built deterministically from the texts of the two gold sets:
- *realistic*: the texts repeated until ~300,000 characters (a long strategy document repeats its words);
- *varied*: the same length, but every word made unique with a seeded Danish-looking compound prefix,
  so that no word is ever looked up twice (a worst case for the word cache).

Each run starts with a freshly compiled lexicon with an empty word cache; simplemma's own lemma cache lives on in
the process, so the first run of a document (``first``: in the first measurement also opening the lemma
dictionary) is the only one that looks every word's lemma up. Prints seconds per document, characters per second,
and the ratio to the one-second budget.

    .venv/bin/python bench/tagger_speed.py
"""

from __future__ import annotations

import random
import re
import time
from pathlib import Path

from strategygraph.tagging.lexicon import WORD, Lexicon
from strategygraph.tagging.quality import load_gold
from strategygraph.tagging.tagger import tag
from strategygraph.tagging.thesaurus import load_thesaurus_file

GOLD = Path(__file__).resolve().parent.parent / "tests" / "goldsets"
TARGET = 300_000
BUDGET_SECONDS = 1.0
PARTS = ["by", "skole", "kommune", "borger", "lokal", "social", "sund", "vej", "natur", "kultur", "plan", "bo"]


def realistic_document() -> str:
    texts = [u.text for name in ("hedensted-source.json", "municipal.json") for u in load_gold(GOLD / name)]
    document, i = [], 0
    while sum(map(len, document)) < TARGET:
        document.append(texts[i % len(texts)] + ("\n\n" if i % 5 == 4 else " "))
        i += 1
    return "".join(document)[:TARGET]


def varied_document(seed: int = 7) -> str:
    rng = random.Random(seed)
    counter = iter(range(10**9))

    def vary(match: re.Match[str]) -> str:
        word = match.group()
        if len(word) < 4:
            return word
        return f"{rng.choice(PARTS)}{next(counter):x}{word.lower()}"

    return re.sub(r"[^\W\d_]+", vary, realistic_document())[:TARGET]


def measure(name: str, document: str, repeats: int = 5) -> None:
    thesaurus = load_thesaurus_file()
    timings, compile_times, hits = [], [], 0
    for _ in range(repeats):
        start = time.perf_counter()
        lexicon = Lexicon.compile(thesaurus)
        compiled = time.perf_counter()
        hits = len(tag(document, lexicon))
        timings.append(time.perf_counter() - compiled)
        compile_times.append(compiled - start)
    best = min(timings)
    distinct = len(set(WORD.findall(document.lower())))
    print(
        f"{name:10} {len(document):>8,} chars  {distinct:>7,} distinct words  "
        f"{hits:>6,} hits  tag {best:.3f} s (median {sorted(timings)[len(timings) // 2]:.3f} s)  "
        f"{len(document) / best:>11,.0f} chars/s  {best / BUDGET_SECONDS:.2f} × budget  "
        f"(+ compile {min(compile_times):.3f} s; first {timings[0]:.3f} s)"
    )


def main() -> None:
    measure("realistic", realistic_document())
    measure("varied", varied_document())


if __name__ == "__main__":
    main()
