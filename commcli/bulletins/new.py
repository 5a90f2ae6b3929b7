"""Start next week's bulletin from the latest earlier week: recurring items carried, expired ones dropped."""

from __future__ import annotations

from pathlib import Path

import yaml

from ..errors import InputError, Problem, Problems
from ..i18n import _
from ..publish import write_text_atomic
from .load import FOLDER, bulletin_files, is_week_file, load_bulletin
from .model import parse_week, week_monday


class _Dumper(yaml.SafeDumper):
    pass


def _str(dumper, value: str):
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str)


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
    items: list[dict] = []
    source_note = ""
    if earlier:
        previous = earlier[-1]
        problems = Problems()
        lb = load_bulletin(previous, problems)
        if lb is None or problems.has_errors:
            raise InputError(problems.errors)
        source_note = f"# Started from {previous.name} by 'commcli bulletin new': recurring items carried over.\n"
        for i, item in enumerate(lb.bulletin.items):
            if not item.recurring:
                continue
            if item.valid_until is not None and item.valid_until < monday:
                dropped.append(item.id)
                continue
            carried.append(item.id)
            items.append(lb.loaded.data["items"][i])
    body = yaml.dump({"week": week, "items": items}, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)
    header = "# yaml-language-server: $schema=../schemas/bulletin.schema.json\n" + source_note
    write_text_atomic(target, header + body)
    return target, carried, dropped
