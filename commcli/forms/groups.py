"""Rows grouped into one copy for a form with an appendix table (e.g. a household): validate, then attach."""

from __future__ import annotations

import datetime as _dt
from typing import Iterable, Iterator

from ..errors import Problem
from ..i18n import _
from .data import Record
from .layout import MEMBERS
from .model import FormDefinition
from .validate import Checked, validate_record


# More rows than any household has: a wrong code in the grouping column (every row "1"), and a table of pages.
MAX_GROUP_ROWS = 50


def group_rows(form: FormDefinition, records: list[Record]) -> list[list[Record]]:
    """Rows in groups by the appendix's ``group_by`` value, in order of first appearance; a row with the
    value empty is a group of its own (a person declaring alone)."""
    key = form.appendix.group_by
    groups: dict[str, list[Record]] = {}
    alone: list[list[Record]] = []
    order: list[list[Record]] = []
    for rec in records:
        value = " ".join(rec.values.get(key, "").split()).casefold()
        if not value:
            alone.append([rec])
            order.append(alone[-1])
            continue
        if value not in groups:
            groups[value] = []
            order.append(groups[value])
        groups[value].append(rec)
    return order


def stream_groups(form: FormDefinition, first_pass: Iterable[Record], second_pass: Iterable[Record]) -> Iterator[list[Record]]:
    """The same groups as ``group_rows``, in the same order, from two reads of the file: the first counts each
    group's rows, the second hands a group on as soon as its last row is read (and every group that appeared
    before it is complete). A file sorted by household holds one household at a time, not the whole file."""
    key = form.appendix.group_by

    def group_id(n: int, rec: Record):
        value = " ".join(rec.values.get(key, "").split()).casefold()
        return value if value else ("", n)  # a row with no code is a group of its own

    order: list = []
    counts: dict = {}
    for n, rec in enumerate(first_pass):
        gid = group_id(n, rec)
        if gid not in counts:
            counts[gid] = 0
            order.append(gid)
        counts[gid] += 1
    pending: dict = {}
    done: set = set()
    at = 0
    for n, rec in enumerate(second_pass):
        gid = group_id(n, rec)
        pending.setdefault(gid, []).append(rec)
        if len(pending[gid]) >= counts.get(gid, 0):
            done.add(gid)
        while at < len(order) and order[at] in done:
            yield pending.pop(order[at])
            at += 1
    for gid in order[at:]:  # the file changed between the two reads: what was read, in order
        if gid in pending:
            yield pending.pop(gid)
    for rows in pending.values():
        yield rows


def validate_group(form: FormDefinition, group: list[Record], *, today: _dt.date, labels: dict[str, str],
                   choices: dict[str, dict[str, str]]) -> Checked:
    """One group as one copy: the first row is checked as the whole form, the others as table rows only
    (the appendix's columns). A problem in any row refuses the group, so a household never prints short."""
    columns = form.appendix.columns
    lead = validate_record(form, group[0], today=today, labels=labels, choices=choices)
    members = [{c.id: lead.values.get(c.id, "") for c in columns}]
    for rec in group[1:]:
        row = validate_record(form, rec, today=today, labels=labels, choices=choices, fields=columns)
        lead.problems.extend(row.problems)
        members.append({c.id: row.values.get(c.id, "") for c in columns})
    if len(group) > MAX_GROUP_ROWS:
        lead.problems.append(Problem(
            _("Rows {first}–{last}: {count} rows share the value '{value}' of '{column}' (one household); a form "
              "lists at most {limit}.").format(
                first=group[0].row, last=group[-1].row, count=len(group),
                value=group[0].values.get(form.appendix.group_by, ""), column=form.appendix.group_by,
                limit=MAX_GROUP_ROWS),
            file=group[0].file, line=group[0].row, field=form.appendix.group_by, code="form.group-too-big",
            hint=_("Check the column: rows of different households may have been given the same code.")))
    lead.values[MEMBERS] = members
    return lead


def validate_groups(form: FormDefinition, records: list[Record], *, today: _dt.date, labels: dict[str, str],
                    choices: dict[str, dict[str, str]]) -> list[Checked]:
    """One Checked per group of ``records`` (all in memory): ``validate_group`` on each."""
    return [validate_group(form, group, today=today, labels=labels, choices=choices)
            for group in group_rows(form, records)]
