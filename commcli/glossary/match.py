"""Find glossary terms (Vietnamese terms and abbreviations) in running Vietnamese text."""

from __future__ import annotations

import re
from dataclasses import dataclass


def lower_same_length(text: str) -> str:
    """Lowercase without changing the length, so indexes stay valid in the original text."""
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


@dataclass(frozen=True)
class _Needle:
    pattern: re.Pattern
    length: int
    entry: object


def word_pattern(phrase: str, flags: int = 0) -> re.Pattern:
    """Whole-word pattern for a phrase, any run of whitespace between its words."""
    words = phrase.split()
    body = r"\s+".join(re.escape(w) for w in words)
    return re.compile(r"(?<!\w)" + body + r"(?!\w)", flags)


def build_matcher(entries) -> list[_Needle]:
    needles: list[_Needle] = []
    seen: set[tuple[str, int]] = set()
    for entry in entries:
        phrases = [entry.vi, *(ab.abbr for ab in entry.abbreviations)]
        for phrase in phrases:
            key = lower_same_length(" ".join(phrase.split()))
            if not key or (key, id(entry)) in seen:
                continue
            seen.add((key, id(entry)))
            needles.append(_Needle(word_pattern(key), len(key), entry))
    needles.sort(key=lambda n: -n.length)
    return needles


def find_matches(needles: list[_Needle], text: str) -> list[tuple[int, int, object, str]]:
    lowered = lower_same_length(text)
    taken: list[tuple[int, int]] = []
    found: list[tuple[int, int, object, str]] = []
    for needle in needles:  # longest first: a longer term claims its span before a shorter one
        for m in needle.pattern.finditer(lowered):
            start, end = m.span()
            if any(start < t_end and t_start < end for t_start, t_end in taken):
                continue
            taken.append((start, end))
            found.append((start, end, needle.entry, text[start:end]))
    found.sort(key=lambda f: f[0])
    return found
