"""YAML syntax errors explained in the officer's words: what is wrong on which line, and how to fix it.

PyYAML says ``mapping values are not allowed here`` or ``expected <block end>, but found '-'``; the
officer needs to hear "a ':' inside the text: put the text in quotes" or "this '-' is not indented like
the other items of the list". Each explanation points at the line to change and carries that line,
so the report can show it with a caret under the spot.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .errors import Problem
from .i18n import _


@dataclass(frozen=True)
class Explanation:
    message: str
    hint: str
    line: int | None  # 1-based
    column: int | None  # 1-based
    code: str = "yaml.syntax"


def _indent(text: str) -> int:
    return len(text) - len(text.lstrip(" "))


def _previous_item(lines: list[str], before: int) -> tuple[int, int] | None:
    """(line, column) of the nearest list item ('- ') above 0-based line ``before``."""
    for index in range(before - 1, -1, -1):
        stripped = lines[index].lstrip(" ")
        if stripped.startswith("- ") or stripped == "-":
            return index + 1, _indent(lines[index]) + 1
    return None


def _previous_content(lines: list[str], before: int) -> int | None:
    for index in range(before - 1, -1, -1):
        stripped = lines[index].strip()
        if stripped and not stripped.startswith("#"):
            return index
    return None


def _has_key_before(source: str, column: int) -> bool:
    """True when the line already has ``key: `` before ``column`` (0-based): the ':' is inside a value."""
    head = source[:column]
    stripped = head.lstrip(" ").removeprefix("- ")
    return ": " in stripped and not stripped.startswith(("'", '"'))


def explain(problem: str, context: str, problem_mark, context_mark, text: str) -> Explanation:
    """The explanation for one PyYAML error (its problem/context texts and marks)."""
    lines = text.splitlines()
    line = problem_mark.line if problem_mark else (context_mark.line if context_mark else 0)
    column = problem_mark.column if problem_mark else 0
    source = lines[line] if 0 <= line < len(lines) else ""

    if "\\t" in problem or "\t" in source[: column + 1]:
        tab_column = source.find("\t")
        return Explanation(
            _("A tab character is used for indentation; YAML allows only spaces."),
            _("Replace the tab with spaces (2 spaces per level)."),
            line + 1, (tab_column if tab_column >= 0 else column) + 1, "yaml.tab")

    if "quoted scalar" in context and context_mark is not None:
        quote = lines[context_mark.line][context_mark.column] if context_mark.line < len(lines) else '"'
        return Explanation(
            _("The quote {quote} opened here is never closed.").format(quote=quote),
            _("Add the closing {quote} at the end of the text.").format(quote=quote),
            context_mark.line + 1, context_mark.column + 1, "yaml.unclosed-quote")

    if problem.startswith("mapping values are not allowed"):
        if _has_key_before(source, column):
            key_end = source.index(": ") + 1
            return Explanation(
                _("A ':' followed by a space inside a text: YAML reads it as a second key on the same line."),
                _("Put the whole text in quotes, e.g. {example}").format(
                    example=source[:key_end].strip() + ' "' + source[key_end:].strip().replace('"', '\\"') + '"'),
                line + 1, column + 1, "yaml.colon-in-value")
        above = _previous_content(lines, line)
        return Explanation(
            _("This line is indented more than the line above, so it does not belong to any block."),
            _("Start it in the same column as the other keys of its block (line {line} starts in column {column}).").format(
                line=(above or 0) + 1, column=_indent(lines[above]) + 1 if above is not None else 1),
            line + 1, _indent(source) + 1, "yaml.indentation")

    if "but found '-'" in problem or problem.startswith("block sequence entries are not allowed"):
        item = _previous_item(lines, line)
        hint = _("Indent the '-' like the other items of the same list.")
        if item is not None:
            hint = _("Indent the '-' like the other items of the same list: start it in column {column}, as on line {line}.").format(
                column=item[1], line=item[0])
        return Explanation(
            _("This list item ('-') is not at the level of its list."),
            hint, line + 1, _indent(source) + 1, "yaml.list-item-level")

    if problem.startswith("expected <block end>") or problem.startswith("did not find expected key"):
        above = _previous_content(lines, line)
        return Explanation(
            _("The indentation of this line does not match the lines above."),
            _("Keys of one block start in the same column; compare with line {line} (column {column}).").format(
                line=(above or 0) + 1, column=_indent(lines[above]) + 1 if above is not None else 1),
            line + 1, _indent(source) + 1, "yaml.indentation")

    if "could not find expected ':'" in problem and context_mark is not None:
        key_line = context_mark.line
        return Explanation(
            _("This line has no ':' after its key."),
            _("Write 'key: value'. If the line continues the text above, indent it under that text or put the text in quotes."),
            key_line + 1, context_mark.column + 1, "yaml.missing-colon")

    if ("flow mapping" in context or "flow sequence" in context) and context_mark is not None:
        bracket = "{" if "mapping" in context else "["
        closing = "}" if bracket == "{" else "]"
        return Explanation(
            _("The {open} opened here is not closed with {close}.").format(open=bracket, close=closing),
            _("Close it with {close} on the same line, or put the whole text in quotes if the {open} is part of it.").format(
                open=bracket, close=closing),
            context_mark.line + 1, context_mark.column + 1, "yaml.unclosed-bracket")

    if "cannot start any token" in problem:
        char = source[column] if column < len(source) else "?"
        return Explanation(
            _("A text cannot start with '{char}' without quotes.").format(char=char),
            _("Put the whole text in quotes."), line + 1, column + 1, "yaml.reserved-character")

    return Explanation(
        _("The layout of the file (YAML) is broken here."),
        _("Check the indentation and the ':' after each key; text containing ': ' or '#' needs quotes."),
        line + 1, column + 1, "yaml.syntax")


def yaml_error_problem(exc, text: str, file: Path) -> Problem:
    """A Problem for a PyYAML MarkedYAMLError, with the offending line kept for the caret."""
    explanation = explain(exc.problem or "", exc.context or "", exc.problem_mark, exc.context_mark, text)
    lines = text.splitlines()
    excerpt = lines[explanation.line - 1] if explanation.line and 0 < explanation.line <= len(lines) else None
    return Problem(explanation.message, file=file, line=explanation.line, column=explanation.column,
                   hint=explanation.hint, code=explanation.code, excerpt=excerpt)
