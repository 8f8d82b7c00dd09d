"""click's own usage errors (a missing argument, an unknown option or command, a value not among the choices)
in the user's language. click writes them in English; under ``--lang da`` they are rebuilt from the error's
kind and parameter, and from click's English message matched against click's message templates (the
``click_*`` keys of messages.toml, whose English text is click's own). A message no template matches is shown
as click wrote it. ``--lang en`` keeps click's own output."""

from __future__ import annotations

import re
import string
from collections.abc import Collection, Sequence
from functools import cache
from typing import IO, Any

import click

from ..i18n import Lang, Phrase, has_text, messages, text
from ._help import in_words_of

_TEMPLATE_PREFIX = "click_message_"


class TranslatedUsageError(click.UsageError):
    """A usage error already in the user's language: the hint where to find help, then one line ``Fejl: …``."""

    def __init__(self, message: str, ctx: click.Context | None, lang: Lang) -> None:
        super().__init__(message, ctx)
        self.lang = lang

    def show(self, file: IO[Any] | None = None) -> None:
        if self.ctx is not None:
            hint = Phrase("click_try_help", {"command": self.ctx.command_path}).render(self.lang)
            click.echo(hint, err=file is None, file=file)
        click.echo(f"{text('error_label', self.lang)}: {self.format_message()}", err=file is None, file=file)


def lang_of_arguments(args: Sequence[str], valued: Collection[str] = ()) -> Lang:
    """The language the command line asks for (``--lang en`` / ``--lang=en``) before click has parsed it: among
    the group's own options, before the command name (``valued``: the group's options that take a value, so
    that a value is not taken for the command; a command's own ``--lang``, as ``query`` has, is not this one)."""
    index = 0
    while index < len(args):
        arg = args[index]
        if arg.startswith("--lang="):
            return "en" if arg == "--lang=en" else "da"
        if arg == "--lang":
            return "en" if args[index + 1 : index + 2] == ["en"] else "da"
        if not arg.startswith("-"):
            break
        index += 2 if arg in valued else 1
    return "da"


def in_language_of(error: click.UsageError, lang: Lang) -> click.UsageError:
    """``error`` told in ``lang``: click's own error for English, a :class:`TranslatedUsageError` otherwise. A
    command line with no command shows the help, which is in ``lang`` already (``_help``)."""
    if lang == "en" or isinstance(error, (TranslatedUsageError, click.exceptions.NoArgsIsHelpError)):
        return error
    return TranslatedUsageError(_message(error, lang), error.ctx, lang)


def _message(error: click.UsageError, lang: Lang) -> str:
    if isinstance(error, click.MissingParameter):
        return _missing(error, lang)
    if isinstance(error, click.BadParameter):
        hint = _hint(error, lang)
        message = translate_click_message(error.message, lang)
        return Phrase("click_invalid_value_for", {"hint": hint, "message": message}).render(lang) if hint else message
    message = translate_click_message(error.message, lang)
    possibilities = getattr(error, "possibilities", None)
    if possibilities:
        shown = ", ".join(repr(name) for name in sorted(possibilities))
        message = f"{message} {Phrase('click_did_you_mean', {'names': shown}).render(lang)}"
    return message


def _hint(error: click.BadParameter, lang: Lang) -> str:
    """The parameter an error is about, as ``--help`` in ``lang`` shows it (``'--out'``, ``'NAVN'``)."""
    if isinstance(error.param_hint, str):
        return in_words_of(error.param_hint, lang)
    if error.param_hint is not None:
        return " / ".join(repr(in_words_of(hint, lang)) for hint in error.param_hint)
    if error.param is None or error.ctx is None:
        return ""
    return in_words_of(error.param.get_error_hint(error.ctx), lang)


def _missing(error: click.MissingParameter, lang: Lang) -> str:
    kind = error.param_type or (error.param.param_type_name if error.param is not None else "parameter")
    key = f"click_missing_{kind}" if kind in ("argument", "option") else "click_missing_parameter"
    message = Phrase(key, {"hint": _hint(error, lang)}).render(lang)
    if error.param is not None and isinstance(error.param.type, click.Choice):
        choices = ", ".join(str(choice) for choice in error.param.type.choices)
        message = f"{message} {Phrase('click_choose_from', {'choices': choices}).render(lang)}"
    return message


def translate_click_message(message: str, lang: Lang) -> str:
    """One of click's English messages in ``lang``, by the template it was made from; else as it is."""
    for key, pattern in _patterns():
        match = pattern.fullmatch(message)
        if match:
            values = {name: _word(value, lang) for name, value in match.groupdict().items()}
            return text(key, lang).format(**values)
    return message


def _word(value: str, lang: Lang) -> str:
    """A word click fills into its messages (``integer``, ``File``) in ``lang``; any other value as it is."""
    key = f"click_word_{value.lower().replace(' ', '_')}"
    return text(key, lang) if has_text(key) else value


@cache
def _patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Each click template (its English text) as a pattern whose groups catch the values filled in."""
    found: list[tuple[int, str, re.Pattern[str]]] = []
    for key, (_, english) in sorted(messages().items()):
        if key.startswith(_TEMPLATE_PREFIX):
            fields = list(string.Formatter().parse(english))
            parts = [re.escape(literal) + (f"(?P<{name}>.+?)" if name else "") for literal, name, _, _ in fields]
            fixed = sum(len(literal) for literal, _, _, _ in fields)
            found.append((fixed, key, re.compile("".join(parts), re.DOTALL)))
    # the most specific template first: "… is not one of {choices}." before "… is not {choice}."
    return tuple((key, pattern) for _, key, pattern in sorted(found, key=lambda item: (-item[0], item[1])))
