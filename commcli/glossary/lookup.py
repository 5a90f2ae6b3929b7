"""Search the glossary the way an officer types: without accents, any case, in any language."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from .. import langs
from .load import Glossary
from .model import Entry

# Rank of a match, best first.
EXACT, PREFIX, WORD, SUBSTRING = 0, 1, 2, 3
RANK_NAMES = {EXACT: "exact", PREFIX: "prefix", WORD: "word", SUBSTRING: "substring"}


def fold(text: str) -> str:
    """Lowercase, accents removed, đ → d, whitespace collapsed: "Bảo  hiểm Y tế" → "bao hiem y te"."""
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


@dataclass(frozen=True)
class Hit:
    """One entry found: how well it matched, and on which text (``field`` is vi, abbr or a language tag)."""

    entry: Entry
    rank: int
    field: str
    matched: str
    accents_equal: bool

    @property
    def rank_name(self) -> str:
        return RANK_NAMES[self.rank]


def _rank(query: str, candidate: str) -> int | None:
    if not query:
        return None
    if candidate == query:
        return EXACT
    if candidate.startswith(query):
        return PREFIX
    if re.search(r"(?<!\w)" + re.escape(query) + r"(?!\w)", candidate):
        return WORD
    if query in candidate:
        return SUBSTRING
    return None


def _candidates(entry: Entry, lang: str | None):
    yield "vi", entry.vi
    for ab in entry.abbreviations:
        yield "abbr", ab.abbr
    for tag, tr in entry.translations.items():
        if lang is not None and not langs.matches(tag, lang):
            continue
        for text in tr.variants():
            yield tag, text


def lookup(glossary: Glossary, query: str, *, lang: str | None = None, domain: str | None = None,
           limit: int | None = None) -> list[Hit]:
    """Entries matching ``query``, best first: exact > prefix > whole word > substring.

    Accent- and case-insensitive ("bao hiem" finds "bảo hiểm y tế", "bhyt" finds it by its abbreviation);
    among equal ranks a match with the same accents as typed, then the shorter text, comes first.
    ``lang`` limits the languages searched besides Vietnamese; ``domain`` limits the domain.
    """
    folded_query = fold(query)
    plain_query = " ".join(unicodedata.normalize("NFC", query).casefold().split())
    hits: list[tuple[tuple, Hit]] = []
    for order, entry in enumerate(glossary.entries):
        if domain is not None and entry.domain != domain:
            continue
        best: tuple | None = None
        best_hit: Hit | None = None
        for field_name, text in _candidates(entry, lang):
            rank = _rank(folded_query, fold(text))
            if rank is None:
                continue
            accents_equal = plain_query in " ".join(text.casefold().split())
            key = (rank, not accents_equal, len(text))
            if best is None or key < best:
                best = key
                best_hit = Hit(entry, rank, field_name, text, accents_equal)
        if best_hit is not None:
            hits.append((best + (order,), best_hit))
    hits.sort(key=lambda h: h[0])
    result = [h for _key, h in hits]
    return result[:limit] if limit else result
