"""Start next week's bulletin from the latest earlier week: recurring items carried, expired ones dropped."""

from __future__ import annotations

import re
from pathlib import Path

from ..errors import InputError, Problem, Problems
from ..i18n import _
from .. import yamlrt
from ..publish import write_text_atomic
from .load import FOLDER, bulletin_files, is_week_file, load_bulletin
from .model import parse_week, week_monday


def new_week(ws, week: str) -> tuple[Path, list[str], list[str]]:
    """Write bulletins/<week>.yaml; returns (path, carried item ids, dropped item ids). Refuses to overwrite."""
    try:
        parse_week(week)
    except ValueError as exc:
        raise InputError(Problem(str(exc), field="--week", expected="2026-W49", code="bulletin.bad-week")) from None
    target = ws.root / FOLDER / f"{week}.yaml"
    if target.exists():
        raise InputError(Problem(_("{path} already exists; it is left as it is.").format(path=ws.relative(target)),
                                 file=target, hint=_("Edit that file, or delete it first to start again."), code="bulletin.exists"))
    monday = week_monday(week)
    earlier = [p for p in bulletin_files(ws) if is_week_file(p) and week_monday(p.stem) < monday]
    carried: list[str] = []
    dropped: list[str] = []
    items = yamlrt.new_seq()
    title = None
    source_note = ""
    if earlier:
        previous = earlier[-1]
        problems = Problems()
        lb = load_bulletin(previous, problems)
        if lb is None or problems.has_errors:
            raise InputError(problems.errors)
        # Round-trip copy: the carried items keep their comments, quotes, '|' texts and key order.
        previous_doc = yamlrt.load(previous.read_text(encoding="utf-8"))
        title = _next_title(lb.bulletin.title, previous.stem, week)
        source_note = "# " + _("Started from {file} by 'commcli bulletin new': recurring items carried over.").format(
            file=previous.name) + "\n"
        for i, item in enumerate(lb.bulletin.items):
            if not item.recurring:
                continue
            if item.valid_until is not None and item.valid_until < monday:
                dropped.append(item.id)
                continue
            carried.append(item.id)
            items.append(previous_doc["items"][i])
    doc = yamlrt.new_map()
    doc["week"] = week
    if title:
        doc["title"] = title
    doc["items"] = items if items else None
    header = "# yaml-language-server: $schema=../schemas/bulletin.schema.json\n" + source_note
    footer = "# " + _("Add items below, each starting with '  - id: …' (two spaces before '-'), as in the README; "
                      "an item copied from an earlier week can be pasted as it is.") + "\n"
    body = yamlrt.dump(doc)
    write_text_atomic(target, header + body + footer)
    return target, carried, dropped


def _next_title(title: str | None, previous_week: str, week: str) -> str | None:
    """'Bản tin truyền thanh tuần 48' → '… tuần 49'; a title that does not name the week is not carried."""
    if not title:
        return None
    old_number, new_number = str(int(previous_week.split("W")[1])), str(int(week.split("W")[1]))
    renamed, count = re.subn(rf"(?<!\d){old_number}(?!\d)", new_number, title)
    return renamed if count == 1 else None
