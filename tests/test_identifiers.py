"""Identifiers never collide: names with no Latin letters get distinct slugs, and two data folders that would
mint the same seminar are refused instead of merged."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from strategygraph.cli import cli
from strategygraph.formats.slugs import SLUG_PATTERN, municipality_slug, slugify

SEMINAR = (
    "---\nmunicipality: {municipality}\ntitle: {title}\n{extra}---\n\n# Udvalget for Fælles\n\n## Fokus\n- {text}\n"
)


def _import(runner: CliRunner, tmp_path: Path, name: str, **fields: str) -> Path:
    source = tmp_path / f"{name}.md"
    fields.setdefault("extra", "")
    source.write_text(SEMINAR.format(**fields), encoding="utf-8")
    out = tmp_path / "seminars" / name
    out.parent.mkdir(exist_ok=True)
    result = runner.invoke(cli, ["import", str(source), "--out", str(out)])
    assert result.exit_code == 0, result.output
    return out


def test_names_without_latin_letters_get_distinct_slugs(runner: CliRunner, tmp_path: Path) -> None:
    _import(runner, tmp_path, "tokyo", municipality="東京 Kommune", title="東京 seminar", text="私たちは協力します。")
    _import(runner, tmp_path, "osaka", municipality="大阪 Kommune", title="大阪 seminar", text="私たちは協力します。")
    result = runner.invoke(cli, ["--data", str(tmp_path / "seminars"), "info", "--format", "json"])
    assert result.exit_code == 0, result.output
    counts = json.loads(result.stdout)
    assert (counts["municipalities"], counts["seminars"], counts["statements"]) == (2, 2, 2)


def test_two_seminars_with_the_same_id_are_refused_not_merged(runner: CliRunner, tmp_path: Path) -> None:
    same = {"municipality": "Fjordby Kommune", "extra": "id: seminar-2024\n"}
    _import(runner, tmp_path, "spring", title="Forårsseminar", text="Vi skal bygge boliger.", **same)
    _import(runner, tmp_path, "autumn", title="Efterårsseminar", text="Vi skal plante træer.", **same)
    result = runner.invoke(cli, ["--lang", "en", "--data", str(tmp_path / "seminars"), "info"])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1
    assert "two data folders define the same seminar" in result.stderr
    assert "fjordby/seminar-2024" in result.stderr


@given(st.text(min_size=1, max_size=30))
def test_a_slug_is_always_a_slug_and_distinct_texts_rarely_share_one(text: str) -> None:
    slug = slugify(text, "item")
    assert SLUG_PATTERN.match(slug), slug
    assert SLUG_PATTERN.match(municipality_slug(text))
    if text.strip() and not any(ch.isascii() and ch.isalnum() for ch in text):
        assert slug != slugify(text + "x", "item"), "a digest tells such names apart"


def test_a_name_of_invisible_characters_is_as_empty_as_a_blank_one(runner: CliRunner, tmp_path: Path) -> None:
    for invisible in ("\u200b", "\u200b\u200d\ufeff", "\u2060 \u200c"):
        source = tmp_path / "seminar.md"
        source.write_text(
            f"---\nmunicipality: Fjordby Kommune\ntitle: T\n---\n\n# {invisible}\n\n## Fokus\n- Tekst.\n",
            encoding="utf-8",
        )
        result = runner.invoke(cli, ["--lang", "en", "import", str(source), "--out", str(tmp_path / "out")])
        assert result.exit_code == 2, result.output
        assert "empty committee name" in result.stderr
