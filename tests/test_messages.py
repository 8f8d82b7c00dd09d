"""User-facing strings are data (src/strategygraph/i18n/messages.toml): both languages for every key, every key
the code names exists, no key is unused, and the two languages fill in the same placeholders."""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

import pytest

from strategygraph.i18n import messages, phrase, text

SOURCE = Path(__file__).resolve().parent.parent / "src" / "strategygraph"
_LOOKUPS = {"text", "phrase", "words", "t", "has_text"}


def _calls() -> list[ast.Call]:
    calls: list[ast.Call] = []
    for path in sorted(SOURCE.rglob("*.py")):
        if path.parent.name == "i18n":
            continue  # the lookup functions themselves
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in _LOOKUPS:
                calls.append(node)
    return calls


def _literal_keys() -> set[str]:
    """Every key named in the code: a string constant (keys listed in tuples and looked up in a loop), a
    dataclass field whose name is the key (``Counts.as_dict``), or a lookup in a report template."""
    keys = set(messages())
    found: set[str] = set()
    for path in sorted(SOURCE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value in keys:
                found.add(node.value)
            if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.target.id in keys:
                found.add(node.target.id)
    for template in sorted(SOURCE.rglob("*.j2")):
        found.update(re.findall(r"\bt\(['\"]([\w-]+)['\"]", template.read_text(encoding="utf-8")))
    return found


def _key_families() -> set[str]:
    """The fixed prefixes of keys built at run time, e.g. ``text(f"col_{key}", lang)`` → ``col_``."""
    families: set[str] = set()
    for path in sorted(SOURCE.rglob("*.py")):
        if path.parent.name == "i18n":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.JoinedStr) and node.values and isinstance(node.values[0], ast.Constant):
                head = str(node.values[0].value)
                if re.fullmatch(r"[a-z]+(_[a-z]+)*_", head):
                    families.add(head)
    return families


def _placeholders(message: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(message) if name}


def test_every_key_has_both_languages_with_the_same_placeholders() -> None:
    for key, (da, en) in messages().items():
        assert da.strip() or key.endswith(("_a", "_b")), f"{key}: Danish is empty"
        assert en.strip() or key.endswith(("_a", "_b")), f"{key}: English is empty"
        assert _placeholders(da) == _placeholders(en), f"{key}: placeholders differ between da and en"


def test_every_key_the_code_names_exists() -> None:
    keys = set(messages())
    for call in _calls():
        if call.args and isinstance(call.args[0], ast.Constant) and isinstance(call.args[0].value, str):
            assert call.args[0].value in keys, f"{ast.unparse(call)}: no such key in messages.toml"


def test_no_key_is_unused() -> None:
    families = _key_families()
    used = _literal_keys()
    unused = sorted(
        key
        for key in messages()
        if key not in used
        and not any(key.startswith(family) for family in families)
        and not (key.endswith("_one") and key.removesuffix("_one") in used)
    )
    assert unused == [], f"keys nothing uses: {unused}"


def test_an_unknown_key_is_an_error_not_a_silent_fallback() -> None:
    with pytest.raises(KeyError):
        text("no-such-key", "da")


def test_phrase_picks_the_singular_and_fills_in() -> None:
    assert phrase("violations", "en", count=1) == text("violations_one", "en").format(count=1)
    assert re.search(r"\b3\b", phrase("violations", "da", count=3))


def _words(message: str) -> list[str]:
    return re.findall(r"[^\W\d_]{2,}", re.sub(r"\{[^}]*\}", "", message))


def test_the_languages_differ_where_the_words_do() -> None:
    """Danish mode shows Danish: no Danish text of several words is the English one copied (single words such
    as 'Start' or 'Slides' are the same in both)."""
    same = [key for key, (da, en) in messages().items() if da == en and len(_words(da)) > 1]
    assert same == [], f"identical multi-word texts in both languages: {same}"
