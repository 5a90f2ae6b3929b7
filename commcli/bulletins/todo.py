"""A week's to-do: what `commcli check` and the release gate say about it, grouped, each with the command that fixes it.

Nothing is derived here: the facts are `check_workspace`'s problems about the week's file (missing
translations, recordings, glossary use) and the gate's review blockers; this module only sorts them
and names the command an officer runs next.
"""

from __future__ import annotations

import shlex
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from ..errors import CommcliError, Problem

# Groups in the order the page shows them; the labels are Vietnamese page text (data, not UI messages).
GROUPS = (
    ("translation", "Thiếu bản dịch"),
    ("recording", "Thiếu bản ghi âm"),
    ("review", "Chờ duyệt"),
    ("terms", "Thuật ngữ"),
    ("other", "Việc khác"),
)


@dataclass(frozen=True)
class Todo:
    group: str
    message: str
    where: str  # "bulletins/2026-W48.yaml:102", or "" when the problem names no file
    hint: str
    command: str
    severity: str
    code: str


@contextmanager
def vietnamese():
    """Messages made inside come out in Vietnamese (the page is Vietnamese whatever the officer's screen is)."""
    from ..i18n import current_language, set_language

    before = current_language()
    set_language("vi")
    try:
        yield
    finally:
        set_language(before)


def _q(value: str) -> str:
    return shlex.quote(value)


def _group(code: str) -> str:
    if code == "bulletin.missing-language":
        return "translation"
    if code.startswith("recordings.") or code.startswith("audio.recording"):
        return "recording"
    if code == "gate.term-not-approved":  # a glossary term awaiting review: the glossary's to-do, not the item's
        return "terms"
    if code.startswith("gate."):
        return "review"
    if code.startswith("glossary."):
        return "terms"
    return "other"


def _clip_language(message: str, clip_ids: dict[str, str]) -> str | None:
    for clip_id, lang in clip_ids.items():
        if f"'{clip_id}'" in message:
            return lang
    return None


def command_for(problem: Problem, group: str, bulletin_rel: str, lang: str | None) -> str:
    """The command an officer runs to fix (or, after editing the file, to re-check) this problem."""
    if group == "recording":
        if lang:
            return (f"commcli recordings kit {_q(bulletin_rel)} --lang {_q(lang)} --only-missing -o out/kit-{lang}"
                    f" && commcli recordings import <thư-mục-ghi-âm>")
        return "commcli recordings status"
    if group == "review":
        return f"commcli bulletin build {_q(bulletin_rel)} --release"
    if group == "terms":
        if problem.code == "gate.term-not-approved":
            return "commcli glossary export --format csv -o rasoat.csv && commcli glossary import rasoat.csv"
        return "commcli glossary check"
    return "commcli check"


def week_todo(ws, resolved, the_plan=None) -> list[Todo]:
    """Every open point of the week, in Vietnamese, grouped (see GROUPS), each with its fixing command."""
    from ..check import check_workspace
    from .gate import review_blockers

    bulletin = resolved.path.resolve()
    bulletin_rel = ws.relative(resolved.path)
    clip_ids: dict[str, str] = {}
    if the_plan is not None:
        for p in the_plan.programmes:
            for c in p.clips:
                clip_ids.setdefault(c.clip_id, c.language)
    found: list[Problem] = []
    with vietnamese():
        try:
            report = check_workspace(ws)
            for p in report.problems:
                mine = p.file is not None and Path(p.file).resolve() == bulletin
                # A stale recording is reported at the recordings index: it is this week's when it names one of its clips.
                if not mine and p.code == "recordings.stale" and _clip_language(p.message, clip_ids):
                    mine = True
                if mine:
                    found.append(p)
            found.extend(review_blockers(ws, resolved))
        except CommcliError as error:
            found.extend(error.problems)
    out: list[Todo] = []
    seen: set[tuple] = set()
    for p in found:
        key = (p.message, str(p.file), p.line)
        if key in seen:
            continue
        seen.add(key)
        group = _group(p.code or "")
        where = ""
        if p.file is not None:
            where = ws.relative(Path(p.file)) + (f":{p.line}" if p.line else "")
        out.append(Todo(group=group, message=p.message, where=where, hint=p.hint or "",
                        command=command_for(p, group, bulletin_rel,
                                            next(iter(getattr(p, "languages", None) or ()), None) or _clip_language(p.message, clip_ids)),
                        severity=p.severity.value, code=p.code or ""))
    order = [g for g, _label in GROUPS]
    return sorted(out, key=lambda t: order.index(t.group))
