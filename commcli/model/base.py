"""The base every content model derives from: unknown keys kept (and warned about), text NFC."""

from __future__ import annotations

import re
import unicodedata
from typing import Annotated

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, WithJsonSchema

from .. import langs
from ..i18n import _


class Model(BaseModel):
    """A workspace content model. Unknown keys are kept so a typo is warned about, never lost."""

    model_config = ConfigDict(extra="allow", validate_default=True, frozen=False, use_attribute_docstrings=True)


def _nfc(value: str) -> str:
    return unicodedata.normalize("NFC", value)


def _lang_tag(value: str) -> str:
    if not langs.is_known(value):
        raise ValueError(langs.unknown_tag_message(value))
    return value


_ID = re.compile(r"^[a-z0-9][a-z0-9_-]*\Z")


MAX_ID = 64  # ids become file names: short enough for every file system, with room for suffixes


def _identifier(value: str) -> str:
    # \Z, not $: "$" also matches before a final newline, and an id with a newline breaks playlists.
    if not _ID.match(value) or len(value) > MAX_ID:
        raise ValueError(_("An id may use only lowercase letters a-z, digits, '-' and '_' (no spaces or accents), "
                           "at most {limit} characters: '{value}'.").format(value=value.encode("unicode_escape").decode("ascii")[:80], limit=MAX_ID))
    return value


_TIME = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")


def _time(value: str) -> str:
    if not _TIME.match(value):
        raise ValueError(_("A time is written HH:MM, like 06:30: '{value}'.").format(value=value))
    hours, minutes = value.split(":")
    return f"{int(hours):02d}:{minutes}"


Text = Annotated[str, AfterValidator(_nfc)]
LangTag = Annotated[
    str, AfterValidator(_lang_tag),
    WithJsonSchema({"type": "string", "enum": langs.known_tags(), "description": "BCP 47 language tag"}),
]
Identifier = Annotated[
    str, AfterValidator(_identifier),
    # JSON Schema regexes are ECMA-262: there "$" (not multiline) is the very end, as \Z is in Python.
    WithJsonSchema({"type": "string", "pattern": _ID.pattern.replace("\\Z", "$"), "maxLength": MAX_ID}),
]
ClockTime = Annotated[
    str, AfterValidator(_time), WithJsonSchema({"type": "string", "pattern": r"^([01]?\d|2[0-3]):[0-5]\d$"}),
]


def slug(text: str) -> str:
    """'Khẩn cấp' → 'khan-cap': lowercase ASCII words joined by '-', as commcli's codes are written."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    ascii_text = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")


def vietnamese_choice(values: tuple[str, ...], words: dict[str, str] | None = None) -> BeforeValidator:
    """Accept a code as the officer would type it: with accents and spaces ('khẩn cấp' for khan-cap),
    any case, or one of ``words`` (Vietnamese word → code). Anything else is left for the Literal to refuse."""
    by_slug = {slug(v): v for v in values}
    by_slug.update({slug(word): code for word, code in (words or {}).items()})

    def pick(value):
        if isinstance(value, str) and value not in values:
            return by_slug.get(slug(value), value)
        return value

    return BeforeValidator(pick)


# What the officer may write for a review status.
STATUS_WORDS = {"nháp": "draft", "bản nháp": "draft", "đã rà soát": "reviewed", "rà soát": "reviewed",
                "đã soát": "reviewed", "đã duyệt": "approved", "duyệt": "approved", "đã phê duyệt": "approved"}
