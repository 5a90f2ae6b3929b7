"""Check form data before anything is printed: personal IDs, dates, phones, choices, lengths, numbers.

Pure functions. A rule that fails returns a message; messages never contain a personal ID number
(it is personal data), and neither do the problems built from them.
"""

from __future__ import annotations

import datetime as _dt
import functools
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..errors import Problem
from ..i18n import _
from .data import Record
from .model import FormDefinition, FormField

PROVINCE_CODES_FILE = Path(__file__).parent / "data" / "province_codes.yaml"

# 4th digit of a personal ID: (century, sex). Thông tư 59/2021/TT-BCA; only the centuries living people need.
_CENTURY_SEX = {"0": (1900, "nam"), "1": (1900, "nu"), "2": (2000, "nam"), "3": (2000, "nu")}

_TRUE = {"x", "có", "co", "1", "true", "yes", "✓", "✔", "☑", "☒"}
_FALSE = {"", "0", "không", "khong", "false", "no", "☐"}


@lru_cache(maxsize=1)
def province_codes() -> dict[str, str]:
    """``{"011": "Điện Biên", ...}`` from the shipped data file (Thông tư 07/2016/TT-BCA)."""
    import yaml

    with open(PROVINCE_CODES_FILE, encoding="utf-8") as handle:
        return {str(k): str(v) for k, v in yaml.safe_load(handle).items()}


def fold(text: str) -> str:
    """Lowercase without accents, đ → d: to compare what people type with a choice's text."""
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return " ".join("".join(c for c in text if not unicodedata.combining(c)).casefold().split())


# --- single rules: each returns None (fine) or a message without the value ---------------------------------


# How dates arrive from offices' spreadsheets: 05/03/2020, 5-3-2020, 5.3.2020, "ngày 5 tháng 3 năm 2020", and
# 2020-03-05 (ISO, from software). Always day before month, as Vietnam writes them; the year in four digits.
_DATE_DMY = re.compile(r"(?i:ngày\s*)?(\d{1,2})\s*([/.\-])\s*(\d{1,2})\s*\2\s*(\d{4})")
_DATE_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_DATE_WORDS = re.compile(r"(?i:ngày\s+)?(\d{1,2})\s+(?i:tháng)\s+(\d{1,2})\s*,?\s+(?i:năm)\s+(\d{4})")


def _date_parts(text: str) -> tuple[int, int, int] | None:
    """(day, month, year) as written, whatever the format above; None when it is none of them."""
    text = " ".join(text.split())
    m = _DATE_DMY.fullmatch(text)
    if m:
        return int(m.group(1)), int(m.group(3)), int(m.group(4))
    m = _DATE_ISO.fullmatch(text)
    if m:
        return int(m.group(3)), int(m.group(2)), int(m.group(1))
    m = _DATE_WORDS.fullmatch(text)
    if m:
        return int(m.group(1)), int(m.group(2)), int(m.group(3))
    return None


def parse_date(text: str) -> _dt.date | None:
    """A date as offices write it (dd/mm/yyyy and the forms above) → date, or None when not a real date so written."""
    parts = _date_parts(text)
    if parts is None:
        return None
    try:
        return _dt.date(parts[2], parts[1], parts[0])
    except ValueError:
        return None


def _spreadsheet_date(text: str) -> _dt.date | None:
    """The date a spreadsheet's date number stands for (days since 30/12/1899), when the text is one."""
    m = re.fullmatch(r"(\d{5})(?:[.,]0+)?", text.strip())
    if not m or not 10000 <= int(m.group(1)) <= 80000:
        return None
    return _dt.date(1899, 12, 30) + _dt.timedelta(days=int(m.group(1)))


def check_date(text: str, *, past: bool, today: _dt.date) -> str | None:
    if _date_parts(text) is None:
        serial = _spreadsheet_date(text)
        if serial is not None:
            return _("this is the spreadsheet's number for a date ({date}), not the date; format the column as Text "
                     "and write dd/mm/yyyy").format(date=serial.strftime("%d/%m/%Y"))
        if re.fullmatch(r"\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2}", text.strip()):
            return _("the year needs four digits, e.g. 05/03/2020")
        return _("a date is written dd/mm/yyyy, e.g. 05/03/2020")
    day = parse_date(text)
    if day is None:
        return _("this date does not exist in the calendar")
    if day.year < 1900:
        return _("the year is before 1900")
    if past and day > today:
        return _("this date cannot be in the future")
    return None


def clean_personal_id(text: str) -> str:
    """The digits of an ID number as typed: spaces, dots or dashes between groups and the apostrophe a
    spreadsheet puts before numbers kept as text are dropped."""
    return re.sub(r"[\s.\-]", "", text.strip().lstrip("'’"))


def check_personal_id(text: str, *, birth: _dt.date | None = None, sex: str | None = None) -> str | None:
    """12 digits; a known province code; the 4th digit and the year digits agree with birth date and sex."""
    if re.fullmatch(r"\s*\d(?:[.,]\d+)?[eE][+]?\d+\s*", text):
        return _("the spreadsheet turned the number into a rounded one (like 1.1E+11) and lost its last digits; "
                 "format the column as Text and type the numbers again")
    if re.fullmatch(r"\s*\d+[.,]0+\s*", text):
        return _("the number was saved as a decimal (ending in .0); format the column as Text")
    digits = clean_personal_id(text)
    if not re.fullmatch(r"\d+", digits):
        return _("a personal ID number has digits only")
    if len(digits) == 11 and ("0" + digits)[:3] in province_codes():
        return _("a personal ID number has 12 digits and this one has 11: the spreadsheet probably dropped the "
                 "leading 0; format the column as Text and write it with its 0")
    if len(digits) != 12:
        return _("a personal ID number has exactly 12 digits (this one has {count})").format(count=len(digits))
    if digits[:3] not in province_codes():
        return _("the first three digits are not a province code (Thông tư 07/2016/TT-BCA)")
    century_sex = _CENTURY_SEX.get(digits[3])
    if century_sex is None:
        return _("the 4th digit (century and sex) must be 0, 1, 2 or 3")
    century, id_sex = century_sex
    if birth is not None:
        if birth.year // 100 * 100 != century:
            return _("the 4th digit does not match the century of the date of birth")
        if digits[4:6] != f"{birth.year % 100:02d}":
            return _("the 5th and 6th digits do not match the year of birth")
    if sex is not None and sex != id_sex:
        return _("the 4th digit does not match the sex written on the form")
    return None


def normalize_phone(text: str) -> str:
    return re.sub(r"[\s.\-()]", "", text)


def check_phone(text: str) -> str | None:
    """A Vietnamese number: 0 + 9 digits (mobile), 0 + 10 digits starting 02 (landline), or the same with +84."""
    number = normalize_phone(text).lstrip("'’")
    if number.startswith("+84"):
        number = "0" + number[3:]
    elif re.fullmatch(r"84\d{9,10}", number):
        number = "0" + number[2:]
    if re.fullmatch(r"0\d{9}", number) or re.fullmatch(r"02\d{9}", number):
        return None
    if re.fullmatch(r"[1-9]\d{8}", number) or re.fullmatch(r"2\d{9}", number):
        return _("a Vietnamese phone number starts with 0: the spreadsheet probably dropped it; format the column as "
                 "Text and write the number with its 0")
    return _("a Vietnamese phone number is 0 followed by 9 digits (or +84 followed by 9 digits)")


def check_number(text: str) -> str | None:
    """Vietnamese writing: 1.234,5 or 1234,5 (a point also accepted as decimal mark when unambiguous)."""
    t = text.strip()
    if re.fullmatch(r"\d+([.,]\d+)?", t) or re.fullmatch(r"\d{1,3}(\.\d{3})+(,\d+)?", t):
        return None
    return _("a number is written with digits, e.g. 125 or 125,5 or 1.250")


def check_money(text: str) -> str | None:
    t = re.sub(r"\s*(đồng|đ|vnđ|vnd)$", "", text.strip(), flags=re.IGNORECASE)
    if re.fullmatch(r"\d+", t) or re.fullmatch(r"\d{1,3}(\.\d{3})+", t):
        return None
    return _("an amount of money is written in whole đồng, e.g. 1.500.000")


def checkbox_value(text: str) -> bool | None:
    key = text.strip().casefold()
    if key in _TRUE:
        return True
    if key in _FALSE:
        return False
    return None


def choice_value(f: FormField, text: str, vi_of: dict[str, str]) -> str | None:
    """The choice's value for what was typed: its value, or its Vietnamese text, ignoring case and accents."""
    wanted = fold(text)
    for c in f.choices:
        if wanted == fold(c.value) or (c.value in vi_of and wanted == fold(vi_of[c.value])):
            return c.value
    return None


# --- a whole record -----------------------------------------------------------------------------------------


@dataclass
class Checked:
    """One record after validation: values cleaned for printing, and the problems found."""

    record: Record
    values: dict[str, str] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not any(p.is_error for p in self.problems)


def choice_texts(form: FormDefinition, glossary) -> dict[str, dict[str, str]]:
    """field id → {choice value → Vietnamese text}."""
    out: dict[str, dict[str, str]] = {}
    for f in form.all_fields():
        if f.type == "choice":
            out[f.id] = {c.value: (c.vi or (glossary.vi(c.label) if glossary and c.label else None) or c.value)
                         for c in f.choices}
    return out



@functools.lru_cache(maxsize=1)
def _plain_characters() -> frozenset[str]:
    """Characters that always pass: printable in the fonts, not a control, format or combining mark, from the
    blocks Vietnamese and the minority languages' Latin spellings use (a value made of them needs no other check)."""
    from ..render.fontcover import printable

    blocks = [(0x20, 0x7E), (0xA0, 0x24F), (0x1E00, 0x1EFF), (0x2010, 0x2027), (0x2030, 0x205E)]
    return frozenset(c for lo, hi in blocks for c in map(chr, range(lo, hi + 1))
                     if printable(c) and unicodedata.category(c)[0] not in "CM")


def check_text(value: str) -> str | None:
    """Why a text value cannot be printed as it is, or None: control or invisible formatting characters, a letter
    with two tone marks (an input-method slip), or a character the form's fonts have no glyph for."""
    if _plain_characters().issuperset(value):  # nearly every value: precomposed letters, digits, punctuation
        return None
    from ..render.fontcover import printable
    from ..textcheck import impossible_marks

    for char in value:
        category = unicodedata.category(char)
        # Controls and format characters (the bidirectional controls of "Trojan source" among them) would print
        # a name or a number other than the one the file seems to hold; private and unassigned ones print nothing.
        if category in ("Cc", "Cf", "Co", "Cs", "Cn"):
            name = unicodedata.name(char, "")
            return _("it contains an invisible character (U+{code:04X}{name}) that can hide or reverse text on the "
                     "printed form; retype the value").format(code=ord(char), name=f" {name}" if name else "")
    marks = impossible_marks(value)
    if marks:
        return _("the letter '{cluster}' carries two tone marks; retype the word").format(cluster=marks[0][1])
    missing = [c for c in dict.fromkeys(value) if not printable(c)]
    if missing:
        shown = ", ".join(f"'{c}' (U+{ord(c):04X})" for c in missing[:3])
        return _("the form's fonts cannot print {chars}: it would show as an empty box").format(chars=shown)
    return None


def validate_record(form: FormDefinition, record: Record, *, today: _dt.date, labels: dict[str, str],
                    choices: dict[str, dict[str, str]], fields: list[FormField] | None = None) -> Checked:
    """Every rule on every field of one record (or on ``fields`` only, e.g. an appendix row's columns).
    ``labels``: field id → Vietnamese label for messages."""
    checked = Checked(record=record)
    fields = form.all_fields() if fields is None else fields

    def fail(f: FormField, rule: str, code: str) -> None:
        line, column = record.where.get(f.id, (record.row, None))
        checked.problems.append(Problem(
            _("Row {row}, column '{column}' ({label}): {rule}.").format(
                row=record.row, column=record.column_names.get(f.id, f.id), label=labels.get(f.id, f.id), rule=rule),
            file=record.file, line=line, column=column, field=f.id, code=f"form.{code}",
            hint=_("Correct the value in the data file, or run again with --skip-invalid to print the other rows."),
        ))

    dates: dict[str, _dt.date] = {}
    for f in fields:
        raw = record.values.get(f.id, "")
        if f.type == "checkbox":
            value = checkbox_value(raw)
            if value is None:
                fail(f, _("write x (or có) to tick the box, or leave it empty"), "checkbox")
            elif f.required and not value:
                fail(f, _("this box must be ticked"), "required")
            checked.values[f.id] = "x" if value else ""
            continue
        if not raw.strip():
            if f.required:
                fail(f, _("this field is required"), "required")
            checked.values[f.id] = ""
            continue
        # One line of print: line breaks and runs of spaces (a cell typed with Alt+Enter) become one space.
        value = " ".join(raw.split())
        rule: str | None = check_text(value)
        code = f.type if f.type != "text" else "length"
        if rule is not None:
            code = "text"
        elif f.length is not None and f.type in ("text", "number") and len(value) > f.length:
            rule = _("at most {length} characters (found {found})").format(length=f.length, found=len(value))
        elif f.type == "date":
            rule = check_date(value, past=f.past, today=today)
            if rule is None:
                dates[f.id] = parse_date(value)
                value = dates[f.id].strftime("%d/%m/%Y")
        elif f.type == "phone":
            value = value.lstrip("'’")  # a spreadsheet's mark for a number kept as text
            rule = check_phone(value)
        elif f.type == "number":
            rule = check_number(value)
        elif f.type == "money":
            rule = check_money(value)
        elif f.type == "choice":
            picked = choice_value(f, value, choices.get(f.id, {}))
            if picked is None:
                vi_of = choices.get(f.id, {})
                # Both the value and its Vietnamese wording are accepted: show both.
                allowed = ", ".join(f"{vi_of[c.value]} ({c.value})" if vi_of.get(c.value) else c.value for c in f.choices)
                rule = _("the answer must be one of: {allowed}").format(allowed=allowed)
            else:
                value = picked
        elif f.type == "personal-id":
            value = clean_personal_id(value) if re.fullmatch(r"[\d\s.\-'’]+", value) else value
        if rule is not None:
            fail(f, rule, code)
            value = ""
        checked.values[f.id] = value
    # The personal ID last: it is checked against the date of birth and sex found above.
    for f in fields:
        if f.type != "personal-id" or not checked.values.get(f.id):
            continue
        birth = dates.get(f.birth_date) if f.birth_date else None
        sex = checked.values.get(f.sex) or None if f.sex else None
        rule = check_personal_id(checked.values[f.id], birth=birth, sex=sex if sex in ("nam", "nu") else None)
        if rule is not None:
            fail(f, rule, "personal-id")
            checked.values[f.id] = ""
    return checked
