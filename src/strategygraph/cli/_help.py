"""``--help`` in the language of the command line: every command's texts are message keys, and click's own
headings and markers (``Usage:``, ``Options:``, ``[default: …]``, ``INTEGER``) are rebuilt from messages.toml.

The keys follow the command tree, so that a command or option needs no help text in the code:

- ``command_<command>``: the full help (``\\b`` keeps a block of examples unwrapped), and
  ``command_<command>_short`` its line in the command list; the group's own is ``command_strategygraph``;
- ``option_<command>_<long name>`` (``option_overlaps_min_shared``), else ``option_<long name>`` for an option
  many commands share (``option_evidence``, ``option_help``);
- ``argument_<command>_<name>`` (``argument_view_name``).

The language is the group's ``--lang``, found in the command line before click parses it (``--help`` is eager,
so it runs before ``--lang`` has a value); see :func:`remember_language`.
"""

from __future__ import annotations

import re
from functools import cache

import click
from click.formatting import join_options

from ..i18n import Lang, has_text, messages, shown, text

_METAVAR_PREFIX = "metavar_"
_LANGUAGE = "strategygraph.help_language"  # in ``Context.meta``, which every context of one invocation shares


def remember_language(ctx: click.Context, lang: Lang) -> None:
    """Record the language help is shown in, for this invocation's contexts."""
    ctx.meta[_LANGUAGE] = lang


def help_language(ctx: click.Context) -> Lang:
    lang: Lang = ctx.meta.get(_LANGUAGE, "da")
    return lang


def _long_name(param: click.Parameter) -> str:
    """The key part of a parameter: its longest spelling (``--min-shared`` → ``min_shared``), or its name."""
    spelling = max(param.opts, key=len) if isinstance(param, click.Option) else str(param.name)
    return spelling.lstrip("-").replace("-", "_")


class TranslatedCommand(click.Command):
    """A command whose help is read from messages.toml in the language of the command line (see the module)."""

    def help_key(self) -> str:
        return f"command_{self.name}"

    def short_help_in(self, lang: Lang) -> str:
        """The command's line in the command list."""
        return text(f"{self.help_key()}_short", lang)

    def param_key(self, param: click.Parameter) -> str:
        """The message key of a parameter's help text."""
        if isinstance(param, click.Argument):
            return f"argument_{self.name}_{param.name}"
        own = f"option_{self.name}_{_long_name(param)}"
        return own if has_text(own) else f"option_{_long_name(param)}"

    def get_short_help_str(self, limit: int = 45) -> str:
        return self.short_help_in("da")  # asked without a context (shell completion): the default language

    def collect_usage_pieces(self, ctx: click.Context) -> list[str]:
        pieces = [text("help_usage_options", help_language(ctx))]
        for param in self.get_params(ctx):
            pieces.extend(in_words_of(piece, help_language(ctx)) for piece in param.get_usage_pieces(ctx))
        return pieces

    def format_usage(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        prefix = f"{text('help_usage', help_language(ctx))} "
        formatter.write_usage(ctx.command_path, " ".join(self.collect_usage_pieces(ctx)), prefix)

    def format_help(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        lang = help_language(ctx)
        self.format_usage(ctx, formatter)
        formatter.write_paragraph()
        with formatter.indentation():
            formatter.write_text(text(self.help_key(), lang).strip())
        arguments = [param for param in self.get_params(ctx) if isinstance(param, click.Argument)]
        if arguments:
            with formatter.section(text("help_arguments", lang)):
                formatter.write_dl([(_metavar(arg, ctx), text(self.param_key(arg), lang)) for arg in arguments])
        self.format_options(ctx, formatter)

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        lang = help_language(ctx)
        rows = [
            self._option_row(ctx, param, lang)
            for param in self.get_params(ctx)
            if isinstance(param, click.Option) and not param.hidden
        ]
        if rows:
            with formatter.section(text("help_options", lang)):
                formatter.write_dl(rows)

    def _option_row(self, ctx: click.Context, option: click.Option, lang: Lang) -> tuple[str, str]:
        spellings = [join_options(opts)[0] for opts in (option.opts, option.secondary_opts) if opts]
        spec = " / ".join(spellings)
        if not option.is_flag and not option.count:
            spec = f"{spec} {_metavar(option, ctx)}"
        extra = option.get_help_extra(ctx)
        marks: list[str] = []
        if "default" in extra:
            default = shown(option.default, lang) if isinstance(option.default, float) else extra["default"]
            marks.append(f"{text('help_default', lang)}: {default}")
        if "range" in extra:
            marks.append(extra["range"])
        if "required" in extra:
            marks.append(text("help_required", lang))
        help_text = text(self.param_key(option), lang)
        return spec, f"{help_text}  [{'; '.join(marks)}]" if marks else help_text


class TranslatedGroup(TranslatedCommand, click.Group):
    """A group of :class:`TranslatedCommand`: its own help, and the command list with each one's short help."""

    def collect_usage_pieces(self, ctx: click.Context) -> list[str]:
        return [*super().collect_usage_pieces(ctx), text("help_usage_command", help_language(ctx))]

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        super().format_options(ctx, formatter)
        self.format_commands(ctx, formatter)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        lang = help_language(ctx)
        rows = []
        for name in self.list_commands(ctx):
            command = self.get_command(ctx, name)
            if command is not None and not command.hidden:
                if isinstance(command, TranslatedCommand):
                    rows.append((name, command.short_help_in(lang)))
                else:
                    rows.append((name, command.get_short_help_str()))
        if rows:
            with formatter.section(text("help_commands", lang)):
                formatter.write_dl(rows)


def in_words_of(metavar: str, lang: Lang) -> str:
    """A metavar (``INTEGER RANGE``, ``NAME VALUE``, ``SOURCE``) with its words in ``lang``: the ``metavar_*`` keys,
    whose English is the word click or the code writes; values and names (``auto``, ``URL``, ``A B``) stay."""
    table, pattern = _metavar_words(lang)
    return pattern.sub(lambda match: table[match[0]], metavar)


@cache
def _metavar_words(lang: Lang) -> tuple[dict[str, str], re.Pattern[str]]:
    table = {english: text(key, lang) for key, (_, english) in messages().items() if key.startswith(_METAVAR_PREFIX)}
    alternatives = "|".join(re.escape(english) for english in sorted(table, key=len, reverse=True))
    return table, re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])")


def _metavar(param: click.Parameter, ctx: click.Context) -> str:
    return in_words_of(param.make_metavar(ctx), help_language(ctx))
