"""The glossary's typed models: one file per domain, its entries, abbreviations and per-language translations."""

from __future__ import annotations

import datetime as _dt
import re
from typing import Annotated, Literal

from pydantic import AfterValidator, BeforeValidator, Field, PrivateAttr, field_validator, model_validator

from ..i18n import N_, _
from ..model.base import STATUS_WORDS, Identifier, LangTag, Model, Text, vietnamese_choice

Status = Annotated[Literal["draft", "reviewed", "approved"], vietnamese_choice(("draft", "reviewed", "approved"), STATUS_WORDS)]
Kept = Literal["loanword", "proper-name"]
STATUSES: tuple[str, ...] = ("draft", "reviewed", "approved")
STATUS_WORDS = (N_("draft"), N_("reviewed"), N_("approved"))  # shown translated by lookup
CHECKED = ("reviewed", "approved")  # statuses a person has vouched for

_ENTRY_ID = re.compile(r"^[a-z0-9][a-z0-9._-]*\Z")


def _entry_id(value: str) -> str:
    if not _ENTRY_ID.match(value):
        raise ValueError(_(
            "A glossary id may use only lowercase letters a-z, digits, '-', '_' and '.' "
            "(no spaces or accents): '{value}'."
        ).format(value=value))
    return value


def _iso_date(value):
    if value is None:
        return None
    if isinstance(value, _dt.date):
        return value.isoformat()
    text = str(value).strip()
    try:
        _dt.date.fromisoformat(text)
    except ValueError:
        raise ValueError(_("A date is written YYYY-MM-DD, like 2026-11-30: '{value}'.").format(value=text)) from None
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        raise ValueError(_("A date is written YYYY-MM-DD, like 2026-11-30: '{value}'.").format(value=text))
    return text


def _list_or_none(value):
    return [] if value is None else value


EntryId = Annotated[str, AfterValidator(_entry_id)]
IsoDate = Annotated[str | None, BeforeValidator(_iso_date)]
TextList = Annotated[list[Text], BeforeValidator(_list_or_none)]


class _Located(Model):
    """Where a piece of the glossary was written: set by the loader, not part of the file's content."""

    _file: object = PrivateAttr(default=None)
    _line: int | None = PrivateAttr(default=None)

    @property
    def file(self):
        return self._file

    @property
    def line(self) -> int | None:
        """Line of this piece (an entry's ``- id:``, a translation's ``term:``) in its file."""
        return self._line


class Translation(_Located):
    """One language's term for an entry, with its review state."""

    term: Text = Field(min_length=1)
    """The term in this language (and script)."""
    status: Status = "draft"
    """draft (not checked by a native speaker), reviewed, or approved."""
    reviewer: Text | None = None
    """Who reviewed or approved it (required when status is reviewed or approved)."""
    date: IsoDate = None
    """Date of the review, YYYY-MM-DD (required when status is reviewed or approved)."""
    alternatives: TextList = Field(default_factory=list)
    """Admitted alternative translations."""
    forbidden: TextList = Field(default_factory=list)
    """Variants that must not be used."""
    source: Text | None = None
    """Where the translation comes from."""
    note: Text | None = None
    """Usage note, e.g. that it awaits native-speaker review."""
    kept: Kept | None = None
    """Set when the term is deliberately written as in Vietnamese (or as an international code): ``loanword``
    or ``proper-name``. Without it, a term that is the Vietnamese words is reported as not a translation."""

    _lang: str = PrivateAttr(default="")

    @model_validator(mode="after")
    def _reviewed_needs_reviewer(self):
        if self.status in CHECKED:
            missing = [name for name in ("reviewer", "date") if not getattr(self, name)]
            if missing:
                raise ValueError(_(
                    "A translation with status '{status}' needs a reviewer and a date (missing: {missing})."
                ).format(status=self.status, missing=", ".join(missing)))
        return self

    @property
    def lang(self) -> str:
        """The language tag this translation is written under (``blt-Tavt``)."""
        return self._lang

    def variants(self) -> list[str]:
        """The term and its admitted alternatives: any of them is a correct translation."""
        return [self.term, *self.alternatives]


class Abbreviation(Model):
    """An abbreviation of the Vietnamese term and how it is read aloud."""

    abbr: Text = Field(min_length=1)
    """As written, e.g. BHYT."""
    spoken: Text = Field(min_length=1)
    """How text-to-speech must read it, e.g. "bảo hiểm y tế"."""


class Entry(_Located):
    """One concept: its Vietnamese term, abbreviations, note and translations."""

    id: EntryId
    """Stable id, unique across the whole glossary."""
    vi: Text = Field(min_length=1)
    """The Vietnamese term (lowercase unless a proper noun)."""
    abbreviations: list[Abbreviation] = Field(default_factory=list)
    """Abbreviations (BHYT, UBND…) with how each is read aloud."""
    note: Text | None = None
    """Definition or usage note (Vietnamese)."""
    source: Text | None = None
    """Where the Vietnamese term comes from."""
    translations: dict[LangTag, Translation] = Field(default_factory=dict)
    """Per BCP 47 tag (never vi): the term, its status and review."""
    fact: bool = False
    """A named thing (a vaccine, a disease, a programme, a place) that is a fact of a message: when the
    Vietnamese text names it, every language's text must name it too (an error, whatever the review status)."""

    _domain: str = PrivateAttr(default="")

    @field_validator("abbreviations", "translations", mode="before")
    @classmethod
    def _none_is_empty(cls, value, info):
        if value is None:
            return {} if info.field_name == "translations" else []
        return value

    @field_validator("translations")
    @classmethod
    def _no_vietnamese(cls, value):
        if "vi" in value:
            raise ValueError(_("'vi' is not a translation: the Vietnamese term is the entry's 'vi' field."))
        return value

    @property
    def domain(self) -> str:
        return self._domain



class GlossaryFile(Model):
    """One ``glossary/<domain>.yaml`` file."""

    domain: Identifier
    """Domain id, e.g. bhyt, ho-tich, bieu-mau."""
    name: Text = Field(min_length=1)
    """Vietnamese name of the domain."""
    entries: list[Entry] = Field(default_factory=list)
    """The domain's entries."""

    @field_validator("entries", mode="before")
    @classmethod
    def _none_is_empty(cls, value):
        return [] if value is None else value
