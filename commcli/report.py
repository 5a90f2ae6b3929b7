"""Problems as text a person reads (file:line:col, what, found/expected, hint) or as JSON."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Iterable

from .errors import Problem, Severity
from .i18n import _, format_number

_SEVERITY_WORDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def severity_word(severity: Severity) -> str:
    return {Severity.ERROR: _("error"), Severity.WARNING: _("warning"), Severity.INFO: _("note")}[severity]


def format_problem(problem: Problem, root: Path | None = None) -> str:
    where = problem.location(root)
    head = f"{where}: " if where else ""
    lines = [f"{head}{severity_word(problem.severity)}: {problem.message}"]
    if problem.excerpt is not None and problem.line:
        number = f"{problem.line} | "
        lines.append("    " + number + problem.excerpt.replace("\t", " "))
        if problem.column:
            lines.append("    " + " " * (len(number) + problem.column - 1) + "^")
    if problem.field:
        lines.append("    " + _("field: {field}").format(field=problem.field))
    if problem.found is not None:
        lines.append("    " + _("found: {found}").format(found=problem.found))
    if problem.expected:
        lines.append("    " + _("expected: {expected}").format(expected=problem.expected))
    if problem.hint:
        lines.append("    " + _("what to do: {hint}").format(hint=problem.hint))
    return "\n".join(lines)


def format_problems(problems: Iterable[Problem], root: Path | None = None, *, max_warnings_per_kind: int | None = None,
                    max_errors: int | None = None) -> str:
    """Problems in file/line order. With ``max_warnings_per_kind``, warnings of one kind in one file beyond
    that many are summed up in one line. With ``max_errors``, errors beyond the first that many (in file order)
    are counted in one line instead of shown."""
    problems = sorted(problems, key=_order)
    if max_errors is not None:
        errors = [p for p in problems if p.severity is Severity.ERROR]
        if len(errors) > max_errors:
            keep = set(map(id, errors[:max_errors]))
            shown_problems = [p for p in problems if p.severity is not Severity.ERROR or id(p) in keep]
            text = format_problems(shown_problems, root, max_warnings_per_kind=max_warnings_per_kind)
            return text + "\n" + _("… and {count} more error(s) not shown (the first {shown} are above).").format(
                count=format_number(len(errors) - max_errors), shown=max_errors)
    if max_warnings_per_kind is None:
        return "\n".join(format_problem(p, root) for p in problems)
    shown: Counter = Counter()
    hidden: Counter = Counter()
    lines = []
    for problem in problems:
        kind = (str(problem.file or ""), problem.code)
        if problem.severity is not Severity.ERROR and shown[kind] >= max_warnings_per_kind:
            hidden[kind] += 1
            continue
        shown[kind] += 1
        lines.append(format_problem(problem, root))
    for (file, code), count in sorted(hidden.items()):
        where = Problem("", file=Path(file)).location(root) if file else ""
        lines.append(_("{where}: {count} more warning(s) like the ones above; 'commcli check --all' lists every one.").format(
            where=where or "-", count=count))
    return "\n".join(lines)


def _order(problem: Problem):
    return (str(problem.file or ""), problem.line or 0, problem.column or 0)


def unique(problems: Iterable[Problem]) -> list[Problem]:
    """Each problem once (two checks may find the same thing at the same place), errors first, in file order."""
    seen: dict[tuple, Problem] = {}
    for problem in problems:
        key = (str(problem.file or ""), problem.line, problem.column, problem.code, problem.message)
        seen.setdefault(key, problem)
    return sorted(seen.values(), key=lambda p: (p.severity is not Severity.ERROR, *_order(p)))


def counts_line(problems: Iterable[Problem]) -> str:
    counter = Counter(p.severity for p in problems)
    return _("{errors} error(s), {warnings} warning(s)").format(
        errors=format_number(counter[Severity.ERROR]), warnings=format_number(counter[Severity.WARNING])
    )


def problems_json(problems: Iterable[Problem], root: Path | None = None) -> list[dict]:
    return [p.to_json(root) for p in sorted(problems, key=_order)]


def dumps(data) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False)
