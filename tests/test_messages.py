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
    """The fixed prefixes of keys built at run time, e.g. ``text(f"col_{key}", lang)`` → ``col_``, or looked up by
    prefix (``key.startswith(_TEMPLATE_PREFIX)`` with ``_TEMPLATE_PREFIX = "click_message_"``)."""
    families: set[str] = set()
    for path in sorted(SOURCE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            head = ""
            if isinstance(node, ast.JoinedStr) and node.values and isinstance(node.values[0], ast.Constant):
                head = str(node.values[0].value)
            elif isinstance(node, ast.Constant) and isinstance(node.value, str):
                head = node.value
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


# Exceptions whose text never reaches a user as a message of strategygraph: programming errors (a wrong type or
# language code from code, not from input) and the HTTP status lines the SPARQL relay answers other programs with.
_NOT_USER_MESSAGES = {
    "AttributeError",
    "TypeError",
    "ValueError",
    "_Refusal",
    "FullRebuild",  # control flow inside the store update
    "UnsupportedShapeError",  # programming errors: the shapes are bundled, and a test compiles them
    "AssertionError",
}


def _error_calls() -> list[tuple[Path, ast.Call]]:
    """Every construction of an error in the library: ``SomethingError(…)``, ``where.error(…)``, ``raise X(…)``."""
    found: dict[int, tuple[Path, ast.Call]] = {}
    for path in sorted(SOURCE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            call = node.exc if isinstance(node, ast.Raise) else node
            if not isinstance(call, ast.Call):
                continue
            func = call.func
            name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
            if name.endswith("Error") or (name == "error" and isinstance(func, ast.Attribute)) or node is not call:
                found[id(call)] = (path, call)
    return list(found.values())


def test_every_error_is_raised_with_a_message_key_not_english_text() -> None:
    """An error names its message by key (``InputError("error_file_not_found", path=…)``) so the CLI can show it
    in either language; a raise with an English sentence (a string or f-string) is a straggler to convert."""
    keys = set(messages())
    stragglers = []
    for path, call in _error_calls():
        func = call.func
        name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
        if name in _NOT_USER_MESSAGES or name == "UserError":
            continue
        first = call.args[0] if call.args else None
        texts: list[ast.expr] = [
            a for a in [*call.args, *(k.value for k in call.keywords)] if isinstance(a, ast.JoinedStr)
        ]
        texts += [
            a
            for a in [*call.args[1:], *(k.value for k in call.keywords)]
            if isinstance(a, ast.Constant) and isinstance(a.value, str) and " " in a.value
        ]
        keyed = isinstance(first, ast.Constant) and isinstance(first.value, str) and first.value in keys
        if texts or (isinstance(first, ast.Constant) and not keyed):
            stragglers.append(f"{path.relative_to(SOURCE)}:{call.lineno}: {ast.unparse(call)[:100]}")
    assert stragglers == [], "errors raised with English text instead of a message key:\n" + "\n".join(stragglers)


def test_every_phrase_names_a_key() -> None:
    keys = set(messages())
    for path in sorted(SOURCE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "Phrase":
                first = node.args[0] if node.args else None
                if isinstance(first, ast.Constant):
                    assert first.value in keys, f"{path.name}:{node.lineno}: no key {first.value!r}"


def test_every_message_fills_in_in_both_languages() -> None:
    """Each text formats with its own placeholders (no stray brace); a message of an error or a Phrase gets its
    values already written out (``shown``), so it has no format spec (``{limit:,}``) that a text would break."""
    for key, pair in messages().items():
        for message in pair:
            specs = {name: spec for _, name, spec, _ in string.Formatter().parse(message) if name}
            filled = message.format(**{name: 1.5 if spec else "X" for name, spec in specs.items()})
            assert "{" not in filled, f"{key}: {message!r}"
            if key.startswith(("error_", "click_")):
                assert not any(specs.values()), f"{key}: a format spec in {message!r}"


def test_the_click_templates_are_clicks_own_words() -> None:
    """The English of every ``click_message_*`` key is a message template in click's source, so that a click
    upgrade that rewords a message fails here instead of leaving English in Danish output."""
    import click

    source = "".join(path.read_text(encoding="utf-8") for path in Path(click.__file__).parent.glob("*.py"))
    for key, (_, english) in messages().items():
        if key.startswith("click_message_"):
            assert f'"{english}"' in source, f"{key}: click no longer says {english!r}"


def test_errors_render_in_both_languages_and_str_is_english() -> None:
    from strategygraph.errors import InputError

    error = InputError("error_file_too_large", path="data/x.ttl", row=3, field="text", size=1234567, limit=1000)
    assert error.render("da") == "data/x.ttl: række 3, text: er 1.234.567 byte; grænsen er 1.000"
    assert str(error) == error.render("en") == "data/x.ttl: row 3, text: is 1,234,567 bytes; the limit is 1,000"
    assert error.key == "error_file_too_large"
