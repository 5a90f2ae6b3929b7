"""The short to-do after a check: per language, what still lacks a translation, a recording or a review,
and the one command (or step) that closes each kind.

Warnings about work not done yet (a missing translation, a recording to make) are not mistakes in what the
officer wrote; listed one by one they bury the real errors. Here they become a few counts per language.
"""

from __future__ import annotations

import shlex
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from . import langs
from .errors import Problem, Severity
from .i18n import N_, _

# Kinds of work, in the order shown: (kind, column heading, warning codes folded into it).
KINDS: tuple[tuple[str, str, frozenset[str]], ...] = (
    ("translate", N_("To translate"), frozenset({"bulletin.missing-language", "bulletin.value-language-missing"})),
    ("record", N_("To record"), frozenset({"recordings.missing", "recordings.stale"})),
    ("review", N_("Not approved"), frozenset()),
    ("glossary", N_("Glossary terms"), frozenset({"glossary.missing-translation"})),
    ("labels", N_("Form labels"), frozenset({"form.translation-missing"})),
)
# Notes for the reviewer of drafts and of the glossary (`commcli glossary check` lists them): part of "review".
REVIEW_NOTES = frozenset({"glossary.term-not-used", "glossary.conflicting-translation", "template.vietnamese-value",
                          "content.vietnamese-phrase", "template.vietnamese-phrase"})


@dataclass
class Todo:
    """Counts per base language and kind, the bulletin the commands name, and the warnings not summed up
    (about what the officer wrote, e.g. a misspelt key: shown one by one)."""

    counts: dict[str, Counter] = field(default_factory=dict)
    bulletin: Path | None = None
    other: list[Problem] = field(default_factory=list)

    @property
    def kinds(self) -> list[str]:
        return [kind for kind, _heading, _codes in KINDS if any(c[kind] for c in self.counts.values())]

    def __bool__(self) -> bool:
        return bool(self.kinds)


def _base(tag: str) -> str:
    return langs.base_of(tag)


def build_todo(problems: Iterable[Problem], texts: Iterable[tuple[Path, str, str]] = ()) -> Todo:
    """The to-do from a check's warnings and the bulletin texts (file, language, status) of the workspace."""
    todo = Todo()
    by_code = {code: kind for kind, _heading, codes in KINDS for code in codes}
    bulletins: list[Path] = []
    for problem in problems:
        if problem.severity is not Severity.WARNING:
            continue
        kind = by_code.get(problem.code)
        if problem.code in REVIEW_NOTES:
            continue
        if kind is None or not problem.languages:
            todo.other.append(problem)
            continue
        for tag in problem.languages:
            todo.counts.setdefault(_base(tag), Counter())[kind] += 1
        if kind == "record" and problem.file is not None and problem.file.suffix in (".yaml", ".yml"):
            bulletins.append(problem.file)
    for file, tag, status in texts:
        if status != "approved":
            todo.counts.setdefault(_base(tag), Counter())["review"] += 1
            bulletins.append(file)
    todo.bulletin = max(bulletins, key=lambda p: p.name) if bulletins else None
    return todo


def bulletin_texts(ws) -> list[tuple[Path, str, str]]:
    """(bulletin file, language, review status) of every text the workspace's bulletins air."""
    try:
        from .voice.clips import clip_sources
    except ModuleNotFoundError:  # pragma: no cover - a build without bulletins/voice
        return []
    from .errors import Problems

    return [(path, clip.language, clip.status) for path, clip in clip_sources(ws, problems=Problems())]


def _language_label(base: str) -> str:
    name = langs.get(base).name() if langs.is_known(base) else base
    return f"{name} ({base})"


def _relative(path: Path, root: Path | None) -> str:
    if root is not None:
        try:
            return str(Path(path).resolve().relative_to(root.resolve()))
        except ValueError:
            pass
    return str(path)


def format_todo(todo: Todo, root: Path | None = None) -> list[str]:
    """A handful of lines: a table (language × kind) then one line per kind saying how to close it."""
    kinds = todo.kinds
    lines: list[str] = []
    if kinds:
        headings = {kind: _(heading) for kind, heading, _codes in KINDS}
        order = sorted(todo.counts, key=lambda b: (b != "vi", b))
        rows = [[_language_label(b)] + [str(todo.counts[b][k]) if todo.counts[b][k] else "–" for k in kinds]
                for b in order if any(todo.counts[b][k] for k in kinds)]
        header = [_("Language")] + [headings[k] for k in kinds]
        widths = [max(len(r[i]) for r in rows + [header]) for i in range(len(header))]

        def line(cells):
            return "  " + "  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(cells, widths)))

        lines.append(_("To do:"))
        lines += [line(header)] + [line(r) for r in rows]
        bulletin = shlex.quote(_relative(todo.bulletin, root)) if todo.bulletin else _("BULLETIN")
        how = {
            "translate": _("write the item's text in that language in the bulletin (a draft is fine); "
                           "'commcli check --all' names each item."),
            "record": _("commcli recordings kit {bulletin} --lang LANG --only-missing, then commcli recordings import FOLDER").format(
                bulletin=bulletin),
            "review": _("a native speaker reads the draft, then write 'status: approved' (with approved_by); "
                        "'commcli glossary check' lists the glossary notes for the reviewer."),
            "glossary": _("commcli glossary export --lang LANG -o terms-LANG.csv for the reviewer, "
                          "then commcli glossary import terms-LANG.csv"),
            "labels": _("form labels are glossary terms (glossary/bieu-mau*.yaml): the same export and import "
                        "closes them; 'commcli check --all' names each label."),
        }
        for k in kinds:
            langs = [b for b in order if b != "vi" and todo.counts[b][k]]
            if k in ("record", "glossary") and langs:
                # The command itself for the first language that has some (copied as it is, it runs), then
                # the others: one line per kind keeps the list short.
                text = how[k].replace("LANG", langs[0])
                if len(langs) > 1:
                    text += " " + _("(the same with {options})").format(
                        options=", ".join(f"--lang {lang}" for lang in langs[1:]))
                lines.append("  " + f"{headings[k]}: {text}")
            else:
                lines.append("  " + f"{headings[k]}: {how[k]}")
    return lines
