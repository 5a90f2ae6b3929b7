"""Click's and Typer's own words (usage, help headings, option errors) in the UI language.

Typer's vendored click writes its texts as plain English f-strings and Typer's core looks its few
texts up with the stdlib ``gettext`` (domain ``messages``), so neither reaches our catalogue. Rather than
patching library internals text by text, the CLI gets its own help formatter (usage prefix, headings,
placeholders) set on every command of the tree, Typer's ``_`` is pointed at our catalogue, and usage
errors are rendered here from the exception's fields (which parameter, which option, which command),
never from click's English sentence.
"""

from __future__ import annotations

import re
import sys
from difflib import get_close_matches

from .i18n import N_, _

# Texts Typer's core asks gettext for, verbatim; listed so they are extracted into our catalogue.
TYPER_TEXTS = (
    N_("Arguments"), N_("Options"), N_("Commands"), N_("required"), N_("default: {default}"), N_("(dynamic)"),
    N_("env var: {var}"), N_("Missing command."), N_("No such command {name!r}."), N_("Aborted!"),
)
HELP_OPTION_TEXT = "Show this message and exit."
N_("Show this message and exit.")

# Type placeholders Typer writes as <type>, shown in the officer's words.
_PLACEHOLDERS = {
    "str": N_("<text>"), "int": N_("<number>"), "float": N_("<number>"), "path": N_("<path>"),
    "file": N_("<file>"), "dir": N_("<folder>"), "list[str]": N_("<text>"), "bool": N_("<yes/no>"),
    "datetime": N_("<date>"), "list[path]": N_("<path>"),
}
_PLACEHOLDER_RE = re.compile(r"<([a-z]+(?:\[[a-z]+\])?)>")


def localize_placeholders(text: str) -> str:
    return _PLACEHOLDER_RE.sub(lambda m: _(_PLACEHOLDERS[m.group(1)]) if m.group(1) in _PLACEHOLDERS else m.group(0), text)


def localize_usage_args(args: str) -> str:
    args = args.replace("[OPTIONS]", _("[OPTIONS]")).replace("COMMAND [ARGS]...", _("COMMAND [ARGS]..."))
    return localize_placeholders(args)


_formatters: dict[type, type] = {}
_contexts: dict[type, type] = {}


def _localized_formatter(base: type) -> type:
    if base not in _formatters:

        class LocalizedHelpFormatter(base):  # type: ignore[misc, valid-type]
            def write_usage(self, prog, args="", prefix=None):
                return super().write_usage(prog, localize_usage_args(args), _("Usage: ") if prefix is None else prefix)

            def section(self, name):
                return super().section(_(name))

            def write_heading(self, heading):
                return super().write_heading(_(heading))

            def write_dl(self, rows, *args, **kwargs):
                rows = [(localize_placeholders(first), _(HELP_OPTION_TEXT) if second == HELP_OPTION_TEXT else second)
                        for first, second in rows]
                return super().write_dl(rows, *args, **kwargs)

        _formatters[base] = LocalizedHelpFormatter
    return _formatters[base]


def _localized_context(base: type) -> type:
    if getattr(base, "_commcli_localized", False):
        return base
    if base not in _contexts:
        _contexts[base] = type("LocalizedContext", (base,), {
            "formatter_class": _localized_formatter(base.formatter_class), "_commcli_localized": True})
    return _contexts[base]


def first_sentence(text: str) -> str:
    """The first paragraph's first sentence, whole (never cut with '...')."""
    paragraph = " ".join(text.strip().split("\n\n")[0].split())
    match = re.search(r"(?<=[.!?])\s", paragraph)
    return paragraph[: match.start()] if match else paragraph


def _point_typer_gettext_at_catalogue() -> None:
    import gettext

    for name in ("typer.core", "typer.rich_utils", "click.core", "click.exceptions", "click.formatting",
                 "click.decorators", "click.types", "click.parser"):
        module = sys.modules.get(name)
        if module is not None and getattr(module, "_", None) is gettext.gettext:
            module._ = _


def localize_command_tree(command) -> None:
    """Give every command of the tree our formatter, whole summaries and plain (not rich) rendering."""
    _point_typer_gettext_at_catalogue()
    stack = [command]
    while stack:
        cmd = stack.pop()
        cmd.context_class = _localized_context(cmd.context_class)
        if hasattr(cmd, "rich_markup_mode"):
            cmd.rich_markup_mode = None
        if cmd.help and not cmd.short_help:
            cmd.short_help = first_sentence(cmd.help)
        if hasattr(cmd, "options_metavar"):
            cmd.options_metavar = "[OPTIONS]"
        stack.extend(getattr(cmd, "commands", {}).values())


# --- usage errors ------------------------------------------------------------------------------------


def _hint_of(param) -> str:
    if param is None:
        return "?"
    opts = [o for o in getattr(param, "opts", []) if o.startswith("-")]
    if opts:
        return " / ".join(f"'{o}'" for o in opts)
    return "'" + (param.metavar or param.name or "?").strip("[]{}") + "'"


def _is_argument(param) -> bool:
    return getattr(param, "param_type_name", "") == "argument"


def _choices_of(param) -> list[str]:
    desc = getattr(param, "type_descriptor", None)
    choices = getattr(desc, "choices", None) if desc is not None else getattr(getattr(param, "type", None), "choices", None)
    return [getattr(c, "value", c) for c in choices or ()]


_VALUE_PATTERNS = (
    (re.compile(r"^'?(?P<value>.*?)'? is not one of (?P<choices>.*?)\.?$", re.S), N_("'{value}' is not one of {choices}.")),
    (re.compile(r"^'?(?P<value>.*?)'? is not a valid integer( range)?\.?$"), N_("'{value}' is not a whole number.")),
    (re.compile(r"^'?(?P<value>.*?)'? is not a valid float( range)?\.?$"), N_("'{value}' is not a number.")),
    (re.compile(r"^'?(?P<value>.*?)'? is not a valid boolean\.?$"), N_("'{value}' is not yes/no (true/false).")),
    (re.compile(r"^(?:File|Directory|Path) '?(?P<value>.*?)'? does not exist\.?$"), N_("'{value}' does not exist.")),
    (re.compile(r"^(?:File|Path) '?(?P<value>.*?)'? is a directory\.?$"), N_("'{value}' is a folder, not a file.")),
    (re.compile(r"^Directory '?(?P<value>.*?)'? is a file\.?$"), N_("'{value}' is a file, not a folder.")),
    (re.compile(r"^'?(?P<value>.*?)'? does not match the format[s]? (?P<choices>.*?)\.?$"), N_("'{value}' does not have the form {choices}.")),
)

_MESSAGE_PATTERNS = (
    (re.compile(r"^Got unexpected extra arguments?(?:\(s\))? \((?P<value>.*)\)$"), N_("Unexpected extra words on the command line: {value}.")),
    (re.compile(r"^Option '?(?P<value>[^' ]+)'? requires an argument\.?$"), N_("The option {value} needs a value after it.")),
    (re.compile(r"^Option '?(?P<value>[^' ]+)'? requires (?P<choices>\d+) arguments\.?$"), N_("The option {value} needs {choices} values after it.")),
    (re.compile(r"^Option '?(?P<value>[^' ]+)'? does not take a value\.?$"), N_("The option {value} takes no value.")),
    (re.compile(r"^Argument '?(?P<value>[^' ]+)'? takes (?P<choices>\d+) values\.?$"), N_("{value} takes {choices} values.")),
)


def translate_click_message(message: str) -> str:
    """One of click's English sentences in the UI language (unknown sentences are left as they are)."""
    for pattern, template in _VALUE_PATTERNS + _MESSAGE_PATTERNS:
        match = pattern.match(message.strip())
        if match:
            groups = match.groupdict()
            return _(template).format(value=groups.get("value", ""), choices=groups.get("choices", ""))
    return message


def _did_you_mean(words: list[str]) -> str:
    return _("Did you mean {names}?").format(names=", ".join(f"'{w}'" for w in words))


def describe_usage_error(exc) -> str:
    """The message of a click usage error in the UI language, built from the exception's fields."""
    from_kind = type(exc).__name__
    param = getattr(exc, "param", None)
    if from_kind == "MissingParameter":
        hint = _hint_of(param)
        if _is_argument(param) or getattr(exc, "param_type", None) == "argument":
            text = _("Missing argument {name}.").format(name=hint)
        else:
            text = _("Missing option {name}.").format(name=hint)
        choices = _choices_of(param)
        if choices:
            text += " " + _("Choose one of: {choices}.").format(choices=", ".join(choices))
        return text
    if from_kind == "NoSuchOption":
        text = _("No such option: {name}.").format(name=exc.option_name)
        possibilities = list(getattr(exc, "possibilities", None) or ())
        if not possibilities and getattr(exc, "ctx", None) is not None:
            known = [o for p in exc.ctx.command.get_params(exc.ctx) for o in (*p.opts, *p.secondary_opts) if o.startswith("-")]
            possibilities = get_close_matches(exc.option_name, known)
        if possibilities:
            text += " " + _did_you_mean(sorted(possibilities))
        return text
    if from_kind in ("BadParameter",) or (param is not None and hasattr(exc, "param_hint")):
        hint = exc.param_hint if getattr(exc, "param_hint", None) else _hint_of(param)
        if isinstance(hint, (list, tuple)):
            hint = " / ".join(f"'{h}'" for h in hint)
        return _("Invalid value for {name}: {reason}").format(name=hint, reason=translate_click_message(exc.message))
    message = getattr(exc, "message", str(exc))
    suggestion = re.match(r"^(?P<head>.*?)\.? Did you mean (?P<names>.*)\?$", message, re.S)
    if suggestion:
        names = re.findall(r"'([^']*)'", suggestion.group("names"))
        return translate_click_message(suggestion.group("head").rstrip(".") + ".") + " " + _did_you_mean(names)
    return translate_click_message(message)


def format_click_error(exc) -> str:
    """A click exception as the whole text to print on stderr (usage, hint, error), in the UI language."""
    if type(exc).__name__ == "NoArgsIsHelpError":
        return exc.format_message()
    lines: list[str] = []
    ctx = getattr(exc, "ctx", None)
    if ctx is not None:
        lines.append(ctx.get_usage())
        if ctx.command.get_help_option(ctx) is not None:
            lines.append(_("Try '{command} {option}' for help.").format(
                command=ctx.command_path, option=ctx.help_option_names[0]))
        lines.append("")
    if hasattr(exc, "ctx"):
        message = describe_usage_error(exc)
    elif type(exc).__name__ == "FileError":
        message = _("Cannot open the file '{file}': {reason}").format(file=exc.ui_filename, reason=exc.message)
    else:
        message = translate_click_message(exc.format_message())
    lines.append(_("Error: {message}").format(message=message))
    return "\n".join(lines)
