"""A piece of user content in Vietnamese with its translations: what terminology QA checks."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Located:
    """A text and where it was written."""

    text: str
    file: Path | None = None
    line: int | None = None
    column: int | None = None
    keep: tuple[str, ...] = ()  # words written as in Vietnamese on purpose (names, loanwords)


@dataclass(frozen=True)
class ContentUnit:
    """One bulletin item or form label: the Vietnamese source and each language's text.

    Bulletins and forms expose ``content_units(ws) -> list[ContentUnit]``; the glossary QA checks them
    (terms translated as the glossary says, no forbidden variants, numbers kept).
    """

    kind: str  # "bulletin-item" | "form-label" | ...
    ident: str  # e.g. "2026-W48/bhyt-gia-han" or "khai-sinh/ho-ten"
    vi: Located
    translations: dict[str, Located] = field(default_factory=dict)  # BCP 47 tag → text
    # Per language, the Vietnamese to compare with when it differs from ``vi`` (a template text that leaves
    # a field out on purpose is compared with the Vietnamese without that field).
    sources: dict[str, Located] = field(default_factory=dict)
    facts: tuple[str, ...] = ()  # names and figures every language must contain as written
    from_template: str | None = None  # the template the texts come from (its own problems are reported there)
