"""Rows grouped into one copy for a form with an appendix table (e.g. a household): validate, then attach."""

from __future__ import annotations

import datetime as _dt

from .data import Record
from .layout import MEMBERS
from .model import FormDefinition
from .validate import Checked, validate_record


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
        lead.values[MEMBERS] = members
        out.append(lead)
    return out
