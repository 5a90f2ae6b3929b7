"""A form definition (templates/forms/<id>.yaml): title, legal basis, recipient, sections of numbered fields."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, field_validator, model_validator

from ..i18n import _
from ..model.base import Identifier, Model, Text

FieldType = Literal["text", "date", "personal-id", "phone", "choice", "number", "checkbox", "money"]
SourceStatus = Literal["confirmed", "unconfirmed"]
FIELD_TYPES: tuple[str, ...] = ("text", "date", "personal-id", "phone", "choice", "number", "checkbox", "money")
DEFAULT_LAYOUT = "layout.typ"


def _none_is_empty_list(value):
    return [] if value is None else value


class Choice(Model):
    """One allowed answer of a choice field."""

    value: Identifier
    """What a spreadsheet or YAML data file writes for this answer, e.g. ``nam``."""
    label: str | None = None
    """Glossary key of the answer's text (preferred: it carries the translations)."""
    vi: Text | None = None
    """Vietnamese text, when the answer has no glossary entry (printed in Vietnamese only)."""

    @model_validator(mode="after")
    def _has_text(self):
        if not self.label and not self.vi:
            raise ValueError(_("A choice needs 'label' (a glossary key) or 'vi' (Vietnamese text)."))
        return self


class FormSource(Model):
    """Where the form comes from: the legal instrument that issues the template in force."""

    instrument: Text = Field(min_length=1)
    """The instrument that issues (or last re-issued) the template, e.g. "Thông tư 04/2020/TT-BTP"."""
    form: Text | None = None
    """The form's number or place in the instrument, e.g. "Mẫu TK1-TS, Phụ lục V" or "Mẫu số 1a, Phụ lục"."""
    issued: Text | None = None
    """Date the instrument was signed, dd/mm/yyyy."""
    amended_by: list[Text] = Field(default_factory=list)
    """Later instruments that amend the form, each with its date."""
    status: SourceStatus
    """confirmed: the template's text was found in a public source; unconfirmed: built from knowledge, to check."""
    checked: Text | None = None
    """When the source was last checked (dd/mm/yyyy)."""
    note: Text | None = None
    """What is known and what is not (printed in SOURCES.md, not on the form)."""

    @field_validator("amended_by", mode="before")
    @classmethod
    def _no_amendments_is_empty(cls, value):
        return _none_is_empty_list(value)


class FormField(Model):
    """One field of the form."""

    id: Identifier
    """Column name in the data (CSV header or YAML key), e.g. ``ho_ten``."""
    label: str
    """Glossary key of the label, e.g. ``bm-ho-chu-dem-ten``."""
    source: SourceStatus
    """confirmed: the field's wording and place were found in the official template; unconfirmed: not yet checked."""
    number: Text | None = None
    """The number printed before the label as on the official form, e.g. "[01]" or "3.4" ("" prints none).
    Without it the field is numbered in order across the form."""
    inline: bool = False
    """Print on the same line as the field before it (short fields and check boxes)."""
    lines: int = Field(default=1, ge=1, le=6)
    """Writing lines left on a blank form (long answers need more than one)."""
    type: FieldType = "text"
    """text, date (dd/mm/yyyy), personal-id (12 digits), phone, choice, number, checkbox or money."""
    required: bool = False
    """The form is refused when this field is empty."""
    length: int | None = Field(default=None, gt=0)
    """Longest value allowed, in characters."""
    choices: list[Choice] = Field(default_factory=list)
    """The allowed answers of a choice field."""
    hint: Text | None = None
    """Vietnamese help printed small after the label, e.g. "(viết chữ in hoa)"."""
    past: bool = False
    """For dates: the date cannot be in the future (a date of birth)."""
    in_words: bool = False
    """For dates: also print the date written in words ("ghi bằng chữ")."""
    birth_date: Identifier | None = None
    """For a personal ID: the date field its 4th–6th digits are checked against."""
    sex: Identifier | None = None
    """For a personal ID: the choice field (values ``nam``/``nu``) its 4th digit is checked against."""
    unit: Text | None = None
    """Unit printed after the value, e.g. "m²" or "đồng"."""

    @field_validator("choices", mode="before")
    @classmethod
    def _no_choices_is_empty(cls, value):
        return _none_is_empty_list(value)

    @model_validator(mode="after")
    def _consistent(self):
        if self.type == "choice" and not self.choices:
            raise ValueError(_("A field of type 'choice' needs a list of 'choices'."))
        if self.type != "choice" and self.choices:
            raise ValueError(_("Only a field of type 'choice' can have 'choices'."))
        if (self.birth_date or self.sex) and self.type != "personal-id":
            raise ValueError(_("'birth_date' and 'sex' are only for a field of type 'personal-id'."))
        if (self.past or self.in_words) and self.type != "date":
            raise ValueError(_("'past' and 'in_words' are only for a field of type 'date'."))
        return self


class Section(Model):
    """A titled group of fields (e.g. the child, the mother, the father)."""

    number: Text | None = None
    """Printed before the title as on the official form, e.g. "I." or "3."."""
    after_signature: bool = False
    """Printed below the signature (e.g. "Đề nghị cấp bản sao" on the birth registration form)."""
    office: bool = False
    """Filled in by the office (e.g. the commune's confirmation), not by the applicant: printed framed."""
    signers: list[str] = Field(default_factory=list)
    """Glossary keys of signature blocks printed at the end of the section (e.g. the commune chairman)."""
    title: str | None = None
    """Glossary key of the section title."""
    title_vi: Text | None = None
    """Vietnamese title when there is no glossary entry (printed in Vietnamese only)."""
    fields: list[FormField] = Field(default_factory=list, min_length=1)
    """The section's fields, numbered on the form in order across all sections."""


class PlaceDate(Model):
    """The place and date written above the signature ("Mường Nhé, ngày 05 tháng 03 năm 2026")."""

    place: FormField | None = None
    """The field holding the place (a commune's name)."""
    date: FormField | None = None
    """The date field (dd/mm/yyyy), printed as "ngày … tháng … năm …"."""


class Appendix(Model):
    """A table printed on its own page after the form, one row per data row of a group (e.g. household members)."""

    title: str | None = None
    """Glossary key of the appendix title."""
    title_vi: Text | None = None
    """Vietnamese title when there is no glossary entry."""
    group_by: Identifier
    """The field whose value groups data rows into one copy (e.g. the household id): the group's first row
    fills the form, every row of the group becomes a row of the table."""
    head: list[FormField] = Field(default_factory=list)
    """Fields printed above the table, taken from the group's first row (e.g. the head of household)."""
    columns: list[FormField] = Field(min_length=1)
    """The table's columns, in order; each row takes these fields from its own data row."""
    rows: int = Field(default=8, ge=1, le=20)
    """Empty rows printed on a blank form."""
    signer: str | None = None
    """Glossary key of the signature caption under the table."""
    source: SourceStatus
    """confirmed or unconfirmed, as for a field."""


class FormDefinition(Model):
    """A printable bilingual form: everything the shared layout needs, as data."""

    id: Identifier
    """The form's id, used on the command line: ``commcli form render <id>``."""
    title: str | None = None
    """Glossary key of the form's title."""
    title_vi: Text | None = None
    """The Vietnamese title as on the official form (used when ``title`` has no glossary entry)."""
    source: FormSource
    """The instrument that issues the template in force and how far this definition was checked against it."""
    agency: Text | None = None
    """Issuing body printed top left as on the official form, e.g. "BẢO HIỂM XÃ HỘI VIỆT NAM"."""
    subtitle: Text | None = None
    """Vietnamese line under the title, e.g. "(Áp dụng đối với đối tượng quy định tại khoản 5 Điều 5 …)"."""
    legal_basis: Text | None = None
    """Printed under the header, e.g. "Mẫu TK1-TS ban hành kèm theo Quyết định 490/QĐ-BHXH"."""
    numbered: bool = True
    """Number the fields 1, 2, 3… (a field's own ``number`` wins); false for forms printed without numbers."""
    recipient: Text | None = None
    """Printed after "Kính gửi:", e.g. "Ủy ban nhân dân xã Mường Nhé"."""
    sections: list[Section] = Field(min_length=1)
    """The form's sections, in print order."""
    declaration: str | None = None
    """Glossary key of the closing statement ("Tôi cam đoan…")."""
    place_date: PlaceDate | None = None
    """The fields filling "…, ngày … tháng … năm …" above the signature."""
    signer: str = "bm-nguoi-khai"
    """Glossary key of the signature block's caption (e.g. "Người khai")."""
    sign_hint: str | None = None
    """Glossary key of the hint under the caption (default: "(Ký, ghi rõ họ tên)")."""
    appendix: Appendix | None = None
    """A table on a page of its own after the form (e.g. the household members)."""
    layout: str = DEFAULT_LAYOUT
    """Typst layout file in templates/forms/ (default: the shared one)."""

    @model_validator(mode="after")
    def _title_and_unique_ids(self):
        if not self.title and not self.title_vi:
            raise ValueError(_("A form needs 'title' (a glossary key) or 'title_vi'."))
        seen: dict[str, FormField] = {}
        for f in self.form_fields():
            if f.id in seen:
                raise ValueError(_("The field id '{id}' is used twice in the form.").format(id=f.id))
            seen[f.id] = f
        if self.appendix is not None:
            own: set[str] = set()
            for f in self.appendix.head + self.appendix.columns:
                if f.id in own:
                    raise ValueError(_("The field id '{id}' is used twice in the form.").format(id=f.id))
                own.add(f.id)
                # A column may be the form's own field (the same CSV column): it must then be the same kind.
                if f.id in seen and seen[f.id].type != f.type:
                    raise ValueError(_("Field '{id}' refers to '{ref}', which is not a {kind} field of this form.").format(
                        id=f.id, ref=f.id, kind=f.type))
            if self.appendix.group_by not in own and self.appendix.group_by not in seen:
                raise ValueError(_("Field '{id}' refers to '{ref}', which is not a {kind} field of this form.").format(
                    id="group_by", ref=self.appendix.group_by, kind="text"))
        for f in self.all_fields():
            for ref, kind in ((f.birth_date, "date"), (f.sex, "choice")):
                if ref and (self.field(ref) is None or self.field(ref).type != kind):
                    raise ValueError(_("Field '{id}' refers to '{ref}', which is not a {kind} field of this form.").format(
                        id=f.id, ref=ref, kind=kind))
        return self

    def all_fields(self) -> list[FormField]:
        """Every field a data row may fill: the sections', the place and date, the appendix's."""
        out = self.form_fields()
        if self.appendix is not None:
            known = {f.id for f in out}
            out += [f for f in self.appendix.head + self.appendix.columns if f.id not in known]
        return out

    def form_fields(self) -> list[FormField]:
        """The fields of the form itself (sections, place and date), without the appendix's."""
        out = [f for section in self.sections for f in section.fields]
        if self.place_date is not None:
            out += [f for f in (self.place_date.place, self.place_date.date) if f is not None]
        return out

    def field_paths(self) -> dict[str, tuple]:
        """field id → its YAML path (for positions in messages)."""
        paths: dict[str, tuple] = {}
        for i, section in enumerate(self.sections):
            for j, f in enumerate(section.fields):
                paths.setdefault(f.id, ("sections", i, "fields", j))
        if self.place_date is not None:
            for key in ("place", "date"):
                f = getattr(self.place_date, key)
                if f is not None:
                    paths.setdefault(f.id, ("place_date", key))
        if self.appendix is not None:
            for part in ("head", "columns"):
                for j, f in enumerate(getattr(self.appendix, part)):
                    paths.setdefault(f.id, ("appendix", part, j))
        return paths

    def field(self, field_id: str) -> FormField | None:
        return next((f for f in self.all_fields() if f.id == field_id), None)
