"""Rows grouped into one copy for a form with an appendix table (e.g. a household): validate, then attach."""

from __future__ import annotations

import datetime as _dt

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


def validate_groups(form: FormDefinition, records: list[Record], *, today: _dt.date, labels: dict[str, str],
                    choices: dict[str, dict[str, str]]) -> list[Checked]:
    """One Checked per group: the first row is checked as the whole form, the others as table rows only
    (the appendix's columns). A problem in any row refuses the group, so a household never prints short."""
    columns = form.appendix.columns
    out: list[Checked] = []
    for group in group_rows(form, records):
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
        out.append(lead)
    return out
