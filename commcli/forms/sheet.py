"""An Excel workbook to collect a form's data: the right columns, typed so the spreadsheet cannot damage them.

The header row holds the field ids (what ``form render --data`` reads, unambiguous where two fields share a
label such as the mother's and the father's "Dân tộc"); each header cell carries the Vietnamese label and what
to write as a note, and a second sheet ("Hướng dẫn") lists them all. ID numbers, phone numbers and dates are
text columns, so the spreadsheet keeps leading zeros and never turns 05/03 into March 5th; choice columns
offer their answers in a drop-down list.
"""

from __future__ import annotations

import io
from pathlib import Path

from ..i18n import _
from .model import FormDefinition

DATA_ROWS = 500
"""Rows prepared with the column formats and drop-down lists (more can be added below)."""


_WHAT_TO_WRITE = {
    "personal-id": lambda: _("12 digits, e.g. 011090123456"),
    "date": lambda: _("dd/mm/yyyy, e.g. 05/03/2020"),
    "phone": lambda: _("0 and 9 digits, e.g. 0912345678"),
    "number": lambda: _("a number, e.g. 125 or 125,5"),
    "money": lambda: _("whole đồng, e.g. 1.500.000"),
    "checkbox": lambda: _("x to tick the box, empty otherwise"),
}


def _what_to_write(f, choices: dict[str, str]) -> str:
    if f.type in _WHAT_TO_WRITE:
        return _WHAT_TO_WRITE[f.type]()
    if f.type == "choice":
        return _("one of: {answers}").format(answers=", ".join(choices.get(c.value) or c.value for c in f.choices))
    if f.length:
        return _("text, at most {length} characters").format(length=f.length)
    return _("text")


def data_workbook(form: FormDefinition, labels: dict[str, str], choices: dict[str, dict[str, str]]) -> bytes:
    """The workbook's bytes: sheet "Danh sách" to fill (header = field ids), sheet "Hướng dẫn" explaining it."""
    import openpyxl
    from openpyxl.comments import Comment
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Danh sách"
    guide = book.create_sheet("Hướng dẫn")
    fields = form.all_fields()
    if form.appendix is not None:  # the household code first: it is what ties a household's rows together
        fields.sort(key=lambda f: f.id != form.appendix.group_by)
    guide.append([_("Column"), _("What it is"), _("Required"), _("What to write")])
    for cell in guide[1]:
        cell.font = Font(bold=True)
    if form.appendix is not None:
        guide.append([form.appendix.group_by, _("One row per person of the household; the household's rows share "
                                                "this code, the first row also has the form's own fields."), "", ""])
    for column, f in enumerate(fields, start=1):
        label = labels.get(f.id) or f.id
        label = label[:1].upper() + label[1:]  # as the form prints it
        what = _what_to_write(f, choices.get(f.id, {}))
        cell = sheet.cell(row=1, column=column, value=f.id)
        cell.font = Font(bold=True, color="9C0006" if f.required else "000000")
        cell.fill = PatternFill("solid", fgColor="FFF2CC" if f.required else "DDEBF7")
        cell.comment = Comment(f"{label}\n{what}" + ("\n" + _("(required)") if f.required else ""), "commcli")
        letter = get_column_letter(column)
        sheet.column_dimensions[letter].width = max(12, min(40, len(label) + 2))
        if f.type in ("personal-id", "phone", "date", "text", "choice", "number", "money"):
            for row in range(2, DATA_ROWS + 2):  # text cells: the spreadsheet keeps what is typed, as typed
                sheet.cell(row=row, column=column).number_format = "@"
        if f.type == "choice" and f.choices:
            answers = [choices.get(f.id, {}).get(c.value) or c.value for c in f.choices]
            answers = [a[:1].upper() + a[1:] for a in answers]  # read back whatever the case
            listed = '"' + ",".join(a.replace('"', "'") for a in answers) + '"'
            if len(listed) <= 255:  # Excel's limit for a list written in the rule
                rule = DataValidation(type="list", formula1=listed, allow_blank=True)
                rule.add(f"{letter}2:{letter}{DATA_ROWS + 1}")
                sheet.add_data_validation(rule)
        guide.append([f.id, label, _("yes") if f.required else "", what])
    sheet.freeze_panes = "A2"
    for letter, width in (("A", 24), ("B", 48), ("C", 10), ("D", 48)):
        guide.column_dimensions[letter].width = width
    for row in guide.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def write_data_workbook(ws, form_id: str, output: Path) -> Path:
    """Write the form's data workbook to ``output`` (checked like every output: never on the officer's files)."""
    from ..glossary import load_glossary
    from ..outputs import check_output_file
    from ..publish import write_bytes_atomic
    from .load import get_form
    from .validate import choice_texts

    check_output_file(ws, Path(output), suffixes=(".xlsx",), option="-o")
    form = get_form(ws, form_id).form
    glossary, _problems = load_glossary(ws)
    labels = {f.id: glossary.vi(f.label) or f.id for f in form.all_fields()}
    return write_bytes_atomic(Path(output), data_workbook(form, labels, choice_texts(form, glossary)))
