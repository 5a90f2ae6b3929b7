"""A form definition (templates/forms/<id>.yaml): title, legal basis, recipient, sections of numbered fields."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, field_validator, model_validator

from ..i18n import _
from ..model.base import Identifier, Model, Text

FieldType = Literal["text", "date", "personal-id", "phone", "choice", "number", "checkbox", "money"]
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


class FormField(Model):
    """One numbered field of the form."""

    id: Identifier
    """Column name in the data (CSV header or YAML key), e.g. ``ho_ten``."""
    label: str
    """Glossary key of the label, e.g. ``bm-ho-chu-dem-ten``."""
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

    title: str | None = None
    """Glossary key of the section title."""
    title_vi: Text | None = None
    """Vietnamese title when there is no glossary entry (printed in Vietnamese only)."""
    fields: list[FormField] = Field(default_factory=list, min_length=1)
    """The section's fields, numbered on the form in order across all sections."""


class FormDefinition(Model):
    """A printable bilingual form: everything the shared layout needs, as data."""

    id: Identifier
    """The form's id, used on the command line: ``commcli form render <id>``."""
    title: str | None = None
    """Glossary key of the form's title."""
    title_vi: Text | None = None
    """The Vietnamese title as on the official form (used when ``title`` has no glossary entry)."""
    legal_basis: Text | None = None
    """Printed under the header, e.g. "Mẫu TK1-TS ban hành kèm theo Quyết định 490/QĐ-BHXH"."""
    recipient: Text | None = None
    """Printed after "Kính gửi:", e.g. "Ủy ban nhân dân xã Mường Nhé"."""
    sections: list[Section] = Field(min_length=1)
    """The form's sections, in print order."""
    declaration: str | None = None
    """Glossary key of the closing statement ("Tôi cam đoan…")."""
    signer: str = "bm-nguoi-khai"
    """Glossary key of the signature block's caption (e.g. "Người khai")."""
    layout: str = DEFAULT_LAYOUT
    """Typst layout file in templates/forms/ (default: the shared one)."""

    @model_validator(mode="after")
    def _title_and_unique_ids(self):
        if not self.title and not self.title_vi:
            raise ValueError(_("A form needs 'title' (a glossary key) or 'title_vi'."))
        seen: set[str] = set()
        for f in self.all_fields():
            if f.id in seen:
                raise ValueError(_("The field id '{id}' is used twice in the form.").format(id=f.id))
            seen.add(f.id)
        for f in self.all_fields():
            for ref, kind in ((f.birth_date, "date"), (f.sex, "choice")):
                if ref and (self.field(ref) is None or self.field(ref).type != kind):
                    raise ValueError(_("Field '{id}' refers to '{ref}', which is not a {kind} field of this form.").format(
                        id=f.id, ref=ref, kind=kind))
        return self

    def all_fields(self) -> list[FormField]:
        return [f for section in self.sections for f in section.fields]

    def field(self, field_id: str) -> FormField | None:
        return next((f for f in self.all_fields() if f.id == field_id), None)
