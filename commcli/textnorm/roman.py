"""Roman numerals, read only where a word before them makes them numbers ("Chương IV", "quý I", "thế kỷ XXI")."""

from __future__ import annotations

import re

_ROMAN = re.compile(r"M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})")
_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}

#: Words after which an upper-case Roman numeral is a number (lower case; two-word cues as written).
#: Wider than NeMo's vi roman/key_word.tsv: commune documents number rounds, sections, parts, terms.
ROMAN_CUES = frozenset({
    "đợt", "mục", "tiểu mục", "phần", "chương", "điều", "khoản", "giai đoạn", "quý", "khóa", "khoá", "lần",
    "lần thứ", "thứ", "thế kỷ", "thế kỉ", "đại hội", "kỳ họp", "kì họp", "hội nghị", "phụ lục", "tập", "quyển",
    "bài", "tiết", "cấp", "hạng", "loại", "bậc", "vùng", "khu vực", "nhóm", "quân khu", "quân đoàn", "nhiệm kỳ",
    "nhiệm kì", "đoạn", "kỳ", "kì", "học kỳ", "học kì", "năm thứ", "trung đoàn", "sư đoàn", "tiểu đoàn",
    "chuyên đề", "hội thi", "hội diễn", "liên hoan", "giải", "mùa", "phiên", "vòng", "tiểu khu",
})

#: Cues after which only I, V, X numerals count (a lone C, D, L, M there is a letter: "nhóm C", "hạng D").
_LETTERS_TOO = {"C", "D", "L", "M", "CD", "DC", "MC", "CM", "MD", "DM", "LC", "CL", "MM", "CC", "DL", "LD"}


def read_roman(numeral: str) -> int | None:
    """The value of a well-formed upper-case Roman numeral, or None."""
    if not numeral or not _ROMAN.fullmatch(numeral):
        return None
    total = 0
    for i, c in enumerate(numeral):
        v = _VALUES[c]
        nxt = _VALUES[numeral[i + 1]] if i + 1 < len(numeral) else 0
        total += -v if v < nxt else v
    return total


def roman_in_context(numeral: str, cue: str) -> int | None:
    """The numeral's value when ``cue`` (the word or two before it, lower case) makes it a number."""
    if cue not in ROMAN_CUES or numeral in _LETTERS_TOO and cue not in ("thế kỷ", "thế kỉ"):
        return None
    return read_roman(numeral)
