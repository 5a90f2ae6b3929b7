"""bulletins/<week>.yaml: a week's radio items, their texts or templates, targets and approval."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Literal

from pydantic import Field, field_validator, model_validator

from ..i18n import _
from ..model.base import STATUS_WORDS, Identifier, LangTag, Model, Text, vietnamese_choice

CATEGORIES = ("chinh-sach", "y-te", "giao-duc", "nong-nghiep", "an-ninh-quoc-phong", "chuyen-doi-so", "thong-bao")
PRIORITIES = ("khan-cap", "uu-tien", "thuong")  # airing order: emergency, priority, ordinary
STATUSES = ("draft", "reviewed", "approved")

Category = Annotated[Literal["chinh-sach", "y-te", "giao-duc", "nong-nghiep", "an-ninh-quoc-phong", "chuyen-doi-so",
                             "thong-bao"], vietnamese_choice(CATEGORIES)]
Priority = Annotated[Literal["thuong", "uu-tien", "khan-cap"], vietnamese_choice(PRIORITIES, {"khẩn": "khan-cap", "bình thường": "thuong"})]
Status = Annotated[Literal["draft", "reviewed", "approved"], vietnamese_choice(STATUSES, STATUS_WORDS)]

_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")


def parse_week(value: str) -> tuple[int, int]:
    """``"2026-W48"`` → (2026, 48); ValueError (translated message) when it is not a real ISO week."""
    match = _WEEK.match(str(value).strip())
    if not match:
        raise ValueError(_("A week is written like 2026-W48 (year, '-W', two-digit ISO week number): '{value}'.").format(value=value))
    year, week = int(match.group(1)), int(match.group(2))
    try:
        dt.date.fromisocalendar(year, week, 1)
    except ValueError:
        raise ValueError(_("The year {year} has no ISO week {week}: '{value}'.").format(year=year, week=week, value=value)) from None
    return year, week


def week_monday(week: str) -> dt.date:
    year, number = parse_week(week)
    return dt.date.fromisocalendar(year, number, 1)


def week_sunday(week: str) -> dt.date:
    year, number = parse_week(week)
    return dt.date.fromisocalendar(year, number, 7)


def _week(value: str) -> str:
    parse_week(value)
    return str(value).strip()


def plain_texts(value):
    """``text: {vi: "…"}`` is shorthand for ``text: {vi: {text: "…"}}``."""
    if isinstance(value, dict):
        return {k: ({"text": v} if isinstance(v, str) else v) for k, v in value.items()}
    return value


class LangText(Model):
    """One language's text of an item, with its own review status."""

    text: Text = Field(min_length=1)
    """What the announcer reads, as written."""
    status: Status = "draft"
    """draft / reviewed / approved (minority-language texts need a native speaker's review)."""
    reviewer: Text | None = None
    """Who reviewed or approved this text."""
    date: dt.date | None = None
    """When it was reviewed or approved, YYYY-MM-DD."""
    note: Text | None = None
    """Translator's or reviewer's note."""
    keep: list[Text] = Field(default_factory=list)
    """Words written as in Vietnamese on purpose in this text (names, loanwords such as VNeID, OTP): QA does
    not count them as untranslated Vietnamese."""
    omits: list[Text] = Field(default_factory=list)
    """Template texts only: fields of the template this language deliberately leaves out (e.g. a free-text
    'noi_dung' written in Vietnamese); their numbers and terms are then not expected in this language."""

    @model_validator(mode="after")
    def _reviewed_needs_reviewer(self):
        if self.status != "draft" and not self.reviewer:
            raise ValueError(_("A text marked '{status}' needs 'reviewer:' (who checked it).").format(status=self.status))
        return self


class Item(Model):
    """One announcement of the week."""

    id: Identifier
    """Stable id, unique in the week, e.g. ``bhyt-gia-han``."""
    title: Text = Field(min_length=1)
    """Title in Vietnamese, as printed on the announcer's script."""
    category: Category
    """chinh-sach, y-te, giao-duc, nong-nghiep, an-ninh-quoc-phong, chuyen-doi-so or thong-bao."""
    priority: Priority = "thuong"
    """thuong (ordinary), uu-tien (priority), khan-cap (emergency: aired first)."""
    villages: list[Identifier] | None = None
    """Village ids that hear it; all villages when left out."""
    slots: list[Identifier] | None = None
    """Slot ids it airs in; all slots when left out."""
    repeat: int = Field(default=1, ge=1, le=5)
    """Times it is read per slot (emergency items usually 2)."""
    recurring: bool = False
    """Carried over to next week by 'bulletin new' until valid_until."""
    valid_until: dt.date | None = None
    """Last day it may air, YYYY-MM-DD."""
    text: dict[LangTag, LangText] | None = None
    """Text per language (vi, hmn, blt-Latn, blt-Tavt, kjg...): a plain text, or text/status/reviewer/date."""
    template: Identifier | None = None
    """Name of a template in templates/bulletins/ (instead of text)."""
    data: dict[str, Any] = Field(default_factory=dict)
    """Values the template uses."""
    status: Status = "draft"
    """draft / reviewed / approved."""
    approved_by: Text | None = None
    """Who approved the item (required when approved)."""
    approved_on: dt.date | None = None
    """When, YYYY-MM-DD (required when approved)."""
    source: Text | None = None
    """Where the content comes from, e.g. a decision number."""
    note: Text | None = None
    facts: list[Text] = Field(default_factory=list)
    """Names and figures every language's text must contain exactly as written here (a place, a programme,
    a hotline), beyond the numbers QA compares anyway."""

    @field_validator("text", mode="before")
    @classmethod
    def _plain_texts(cls, value):
        return plain_texts(value)

    @field_validator("villages", "slots", mode="before")
    @classmethod
    def _all(cls, value):
        if isinstance(value, str) and value.strip().lower() in ("all", "tat-ca"):
            return None
        if isinstance(value, str):
            return [value]
        return value

    @model_validator(mode="after")
    def _text_or_template(self):
        if self.text and self.template:
            raise ValueError(_("Item '{id}' has both 'text:' and 'template:'; keep one.").format(id=self.id))
        if not self.text and not self.template:
            raise ValueError(_("Item '{id}' needs 'text:' (per language) or 'template:' with 'data:'.").format(id=self.id))
        if self.text is not None and "vi" not in self.text:
            raise ValueError(_("Item '{id}' has no Vietnamese text ('vi:' under 'text:').").format(id=self.id))
        if self.status == "approved" and not (self.approved_by and self.approved_on):
            raise ValueError(_("Item '{id}' is approved: write who approved it ('approved_by:') and when ('approved_on:').").format(id=self.id))
        return self


class Bulletin(Model):
    """A whole bulletins/<week>.yaml file."""

    week: Text
    """ISO week, e.g. 2026-W48."""
    title: Text | None = None
    """Optional heading for the week."""
    items: list[Item] = Field(default_factory=list)
    note: Text | None = None

    @field_validator("week")
    @classmethod
    def _valid_week(cls, value):
        return _week(value)

    @field_validator("items", mode="before")
    @classmethod
    def _none_is_empty(cls, value):
        return [] if value is None else value
