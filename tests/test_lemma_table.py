"""The tagger's lemmas come from a table in the cache folder, and they are simplemma's, word for word.

The table holds every entry of simplemma's Danish dictionary (checked entry by entry), so the same Lemmatizer
given the table answers as stock ``simplemma.lemmatize(word, lang="da")``: checked on a large sample of the
dictionary's keys and their inflected and compounded variants, every word of the gold sets, and generated words.
A damaged table is never used (it is written again), and a cache folder that cannot be written falls back to
the stock dictionary.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

import pytest
import simplemma
from hypothesis import given, settings
from hypothesis import strategies as st
from simplemma.strategies import DefaultStrategy
from simplemma.strategies.dictionaries.dictionary_factory import DEFAULT_DICTIONARY_FACTORY

from strategygraph.tagging.lemma_table import LemmaTable, TableDictionaryFactory, open_table, table_path
from strategygraph.tagging.lexicon import WORD
from strategygraph.tagging.quality import load_gold

GOLD = Path(__file__).parent / "goldsets"
DANISH_LETTERS = "abcdefghijklmnopqrstuvwxyzæøåéüöä"


def lemmatizer_with(factory: TableDictionaryFactory) -> simplemma.Lemmatizer:
    return simplemma.Lemmatizer(lemmatization_strategy=DefaultStrategy(dictionary_factory=factory))


@pytest.fixture(scope="module")
def table_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("lemmas")
    TableDictionaryFactory(folder).get_dictionary("da")  # the first use writes the table
    return folder


@pytest.fixture(scope="module")
def table(table_folder: Path) -> LemmaTable:
    path = table_path(table_folder, "da")
    assert path is not None
    opened = open_table(path)
    assert opened is not None
    return opened


@pytest.fixture(scope="module")
def from_table(table_folder: Path) -> simplemma.Lemmatizer:
    lemmatizer = lemmatizer_with(TableDictionaryFactory(table_folder))
    lemmatizer.lemmatize("by", "da")
    return lemmatizer


@pytest.fixture(scope="module")
def stock() -> Mapping[str, str]:
    return DEFAULT_DICTIONARY_FACTORY.get_dictionary("da")


def test_the_table_holds_every_entry_of_simplemmas_danish_dictionary(
    table: LemmaTable, stock: Mapping[str, str]
) -> None:
    assert len(table) == len(stock) > 700_000
    assert all(table.get(key) == value for key, value in stock.items())
    assert sorted(table) == sorted(stock)
    assert table.get("ikke-et-ord-xyz") is None
    assert table.get("Byer") is None
    assert table["børnene"] == stock["børnene"] == "barn"
    with pytest.raises(KeyError):
        table["ikke-et-ord-xyz"]


def test_a_second_factory_uses_the_table_and_lemmatizes_as_stock_simplemma(
    table_folder: Path, from_table: simplemma.Lemmatizer
) -> None:
    assert isinstance(TableDictionaryFactory(table_folder).get_dictionary("da"), LemmaTable)
    for word in ("byer", "børnene", "storbyer", "klimaindsatsen", "Ældreområdet", "fællesskaberne", "xyzzy"):
        assert from_table.lemmatize(word, "da") == simplemma.lemmatize(word, lang="da")


def test_lemmas_of_a_large_sample_of_dictionary_keys_and_their_variants_are_stock(
    from_table: simplemma.Lemmatizer, stock: Mapping[str, str]
) -> None:
    keys = sorted(stock)[::40]  # about 20,000 keys across the alphabet
    words = [
        variant
        for key in keys
        for variant in (key, key.upper(), key.capitalize(), f"{key}erne", f"skole{key}", f"{key}s", key[:-1])
        if variant
    ]
    assert len(words) > 100_000
    mismatches = [w for w in words if from_table.lemmatize(w, "da") != simplemma.lemmatize(w, lang="da")]
    assert mismatches == []


def test_lemmas_of_every_word_in_the_gold_sets_are_stock(from_table: simplemma.Lemmatizer) -> None:
    files = [GOLD / "hedensted-source.json", GOLD / "municipal.json", GOLD / "real" / "gold.json"]
    words = {word for path in files for unit in load_gold(path) for word in WORD.findall(unit.text)}
    words |= {word.lower() for word in words}
    assert len(words) > 3_000
    assert [w for w in sorted(words) if from_table.lemmatize(w, "da") != simplemma.lemmatize(w, lang="da")] == []


@settings(max_examples=400, deadline=None)
@given(
    st.text(alphabet=DANISH_LETTERS + DANISH_LETTERS.upper() + "-'’0123456789", min_size=1, max_size=30)
    | st.text(min_size=1, max_size=12).filter(lambda s: not any(0xD800 <= ord(c) <= 0xDFFF for c in s))
)
def test_lemmas_of_generated_words_are_stock(from_table: simplemma.Lemmatizer, word: str) -> None:
    assert from_table.lemmatize(word, "da") == simplemma.lemmatize(word, lang="da")


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda data: data[: len(data) // 2], id="truncated"),
        pytest.param(lambda data: data[:-1], id="one-byte-short"),
        pytest.param(lambda data: b"", id="empty"),
        pytest.param(lambda data: data[:10], id="header-cut"),
        pytest.param(lambda data: b"NOTATABL" + data[8:], id="other-magic"),
        pytest.param(
            lambda data: data[: len(data) // 2] + bytes([data[len(data) // 2] ^ 1]) + data[len(data) // 2 + 1 :],
            id="one-bit-flipped",
        ),
        pytest.param(lambda data: data[:-100] + b"x" * 100, id="tail-overwritten"),
    ],
)
def test_a_damaged_table_is_not_opened(table_folder: Path, tmp_path: Path, damage: object) -> None:
    source = table_path(table_folder, "da")
    assert source is not None
    path = tmp_path / source.name
    path.write_bytes(damage(source.read_bytes()))  # type: ignore[operator]
    assert open_table(path) is None


def test_a_damaged_table_is_written_again_and_the_lemmas_stay_stock(table_folder: Path, tmp_path: Path) -> None:
    source, path = table_path(table_folder, "da"), table_path(tmp_path, "da")
    assert source is not None
    assert path is not None
    intact = source.read_bytes()
    path.write_bytes(intact[: len(intact) // 3])
    lemmatizer = lemmatizer_with(TableDictionaryFactory(tmp_path))
    words = ["byerne", "børnene", "storbyer", "Ældreområdet", "xyzzy"]
    assert [lemmatizer.lemmatize(w, "da") for w in words] == [simplemma.lemmatize(w, lang="da") for w in words]
    assert path.read_bytes() == intact  # written again, whole
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name]  # no temporary left behind
    assert isinstance(TableDictionaryFactory(tmp_path).get_dictionary("da"), LemmaTable)


def test_a_cache_folder_that_cannot_be_written_gives_the_stock_dictionary(tmp_path: Path) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder", encoding="utf-8")
    factory = TableDictionaryFactory(blocked / "lemmas")
    assert factory.get_dictionary("da") is DEFAULT_DICTIONARY_FACTORY.get_dictionary("da")
    assert lemmatizer_with(factory).lemmatize("børnene", "da") == "barn"


def test_tag_writes_the_table_only_into_the_cache_folder_and_reuses_it(tmp_path: Path) -> None:
    cache, work = tmp_path / "cache", tmp_path / "work"
    work.mkdir()
    environment = {**os.environ, "XDG_CACHE_HOME": str(cache), "PYTHONPATH": os.pathsep.join(sys.path)}
    command = [
        sys.executable,
        "-m",
        "strategygraph",
        "tag",
        "Flere storbyer og børnene i landsbyerne",
        "--format",
        "json",
    ]
    outputs = [
        subprocess.run(
            command, cwd=work, env=environment, capture_output=True, text=True, check=True, timeout=120
        ).stdout
        for _ in range(2)
    ]
    assert outputs[0] == outputs[1]
    assert '"theme"' in outputs[0]
    written = sorted(path.relative_to(cache).as_posix() for path in cache.rglob("*") if path.is_file())
    tables = [name for name in written if name.startswith("strategygraph/lemmas/")]
    assert len(tables) == 1
    assert tables[0].startswith("strategygraph/lemmas/da-simplemma-")
    assert all(name.startswith(("strategygraph/lemmas/", "strategygraph/thesaurus/")) for name in written)
    assert list(work.iterdir()) == []
