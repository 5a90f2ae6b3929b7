"""The normaliser: classify every number, code and abbreviation by its context and write it out in words.

Semiotic classes (after Sproat et al. 2001, "Normalization of non-standard words"; NVIDIA NeMo's Vietnamese
WFST grammars were read for coverage), in the order they are recognised, each pass leaving words (never
digits) for the next:

 1. unreadable input: control characters, unpaired surrogates, letters of other scripts (dropped, warned);
 2. web and e-mail addresses (letters.read_address), "v.v.";
 3. document numbers "20/2021/NĐ-CP", "17-NQ/TU" (number, year, type and issuer);
 4. abbreviations (built-in table, the glossary's override it), Roman numerals after a cue word;
 5. vehicle plates, "Km 45", house numbers "số 12/3" ("xẹt"), long codes digit by digit;
 6. dates (with or without a cue word: a day/month pair is a date unless a counted noun follows),
    months, day ranges; ordinals; phone, hotline and emergency numbers (digit by digit);
 7. scores, ranges ("từ … đến …"), clock times, units, money, percentages, fractions;
 8. all-capital tokens nobody gave a reading: spelled letter by letter and reported;
 9. every remaining number: cardinal, decimal, thousands, or a code read digit by digit.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass, field

from . import abbreviations as _abbr
from .dates import is_date, month_word, read_date, read_time
from .letters import is_syllable, read_address, spell
from .numbers import read_decimal, read_digit_groups, read_digits, read_fraction, read_number, read_ordinal
from .phones import SERVICE_NUMBERS, read_phone
from .roman import read_roman, roman_in_context

_LETTER = r"[^\W\d_]"


@dataclass(frozen=True)
class TokenWarning:
    """A token the normaliser could not read properly (``kind``: spelled, unreadable, address)."""

    token: str
    kind: str


@dataclass
class Normalized:
    """The spoken text and what could not be read as written."""

    text: str
    warnings: list[TokenWarning] = field(default_factory=list)


class _Run:
    """One normalisation: the abbreviation tables in force and the warnings collected."""

    def __init__(self, tables: "_Tables"):
        self.t = tables
        self.warnings: list[TokenWarning] = []
        self._seen: set[tuple[str, str]] = set()

    def warn(self, token: str, kind: str) -> None:
        token = token if len(token) <= 40 else token[:39] + "…"
        key = (token, kind)
        if key not in self._seen:
            self._seen.add(key)
            self.warnings.append(TokenWarning(token, kind))


# --------------------------------------------------------------------------- tables


@dataclass(frozen=True)
class _Tables:
    words: dict  # abbreviation → spoken
    issuers: dict
    multi: re.Pattern | None  # abbreviations containing spaces


def _build(words: dict, issuers: dict) -> _Tables:
    multi_keys = sorted((k for k in words if " " in k), key=lambda k: (-len(k), k))
    multi = re.compile(r"(?<![\w])(?:" + "|".join(re.escape(k) for k in multi_keys) + r")(?![\w])") if multi_keys else None
    return _Tables(words, issuers, multi)


def _nfc_items(table: dict) -> dict[str, str]:
    out = {}
    for k, v in table.items():
        if k is None or v is None:
            continue
        k, v = unicodedata.normalize("NFC", str(k)).strip(), unicodedata.normalize("NFC", str(v)).strip()
        if k:
            out[k] = v
    return out


@functools.lru_cache(maxsize=32)
def _tables(extra: tuple[tuple[str, str], ...]) -> _Tables:
    extra_map = dict(extra)
    return _build({**_abbr.DEFAULT_ABBREVIATIONS, **extra_map}, {**_abbr.ISSUER_WORDS, **extra_map})


def _tables_for(abbreviations: dict[str, str] | None) -> _Tables:
    return _tables(tuple(sorted(_nfc_items(abbreviations or {}).items())))


# --------------------------------------------------------------------------- context helpers

_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


def _prev_words(s: str, pos: int, n: int = 1) -> list[str]:
    return [w.lower() for w in _WORD.findall(s[max(0, pos - 48) : pos])[-n:]]


def _prev_word(s: str, pos: int) -> str:
    words = _prev_words(s, pos, 1)
    return words[0] if words else ""


def _next_words(s: str, pos: int, n: int = 1) -> list[str]:
    return [w.lower() for w in _WORD.findall(s[pos : pos + 48])[:n]]


def _next_word(s: str, pos: int) -> str:
    m = re.match(r"\s*([^\W\d_]+)", s[pos : pos + 40])
    return m.group(1).lower() if m else ""


def _spaced(words: str, m: re.Match) -> str:
    """``words`` with a space where the match touched a letter on either side."""
    s, a, b = m.string, m.start(), m.end()
    if a > 0 and (s[a - 1].isalnum()):
        words = " " + words
    if b < len(s) and s[b].isalnum():
        words += " "
    return words


# --------------------------------------------------------------------------- 1. clean input

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u206f\ufeff\ufff9-\uffff]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
# Letters of scripts the Vietnamese voice cannot read (Greek to CJK, Tai Viet, emoji …); Latin and
# Vietnamese (U+0000–U+024F, U+1E00–U+1EFF), combining marks and punctuation stay.
_FOREIGN = re.compile(
    r"[\u0370-\u03ff\u0400-\u1dbf\u1f00-\u1fff\u2c00-\u2dff\u2e80-\u9fff\ua000-\ua6ff\ua800-\uabff\uac00-\ud7ff"
    r"\uf900-\ufaff\ufb00-\ufdff\ufe70-\ufeff\U00010000-\U0010ffff]+"
)


def _clean(text: str, run: _Run) -> str:
    if _SURROGATE.search(text):
        run.warn("\ufffd", "unreadable")
        text = _SURROGATE.sub(" ", text)
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    if _CONTROL.search(text):
        run.warn("\ufffd", "unreadable")
        text = _CONTROL.sub(" ", text)
    text = re.sub(r"[\u00a0\u2007\u2009\u202f]", " ", text)
    text = text.replace("\u2212", "-").replace("\u2010", "-").replace("\u2011", "-")

    def foreign(m: re.Match) -> str:
        run.warn(m.group(0)[:40], "unreadable")
        return " "

    return _FOREIGN.sub(foreign, text)


# --------------------------------------------------------------------------- 2. addresses

_EMAIL = re.compile(r"(?<![\w.@])[A-Za-z0-9][A-Za-z0-9._%+\-]*@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+(?<![.\-])")
_URL = re.compile(
    r"(?<![\w.@/])(?:(?i:https?://)[^\s<>\"'()]+|(?i:www\.)[^\s<>\"'()]+"
    r"|[A-Za-z0-9][A-Za-z0-9\-]*(?:\.[A-Za-z0-9\-]+)*\.(?i:vn|com|net|org|gov|edu|info|io)(?![\w])(?:/[^\s<>\"'()]*)?)"
)


def _sub_addresses(text: str, run: _Run) -> str:
    if "@" not in text and "." not in text:
        return text

    def repl(m: re.Match) -> str:
        address = m.group(0).rstrip(".,;:!?")
        tail = m.group(0)[len(address):]
        unknown: list[str] = []
        words = read_address(address, unknown)
        for u in unknown:
            run.warn(u, "address")
        return _spaced(words, m) + tail

    text = _EMAIL.sub(repl, text)
    return _URL.sub(repl, text)


# --------------------------------------------------------------------------- 3. document numbers

_CODE = r"[A-ZĐ][A-Za-zĐđ&]*\d*(?:[-/][A-ZĐ][A-Za-zĐđ&]*\d*)*"
_DOC_NUMBER = re.compile(r"(?<![\w.,/])(\d{1,5})([a-z]?)(?:/((?:19|20)\d{2}))?[/-](" + _CODE + r")(?![\w])")
_DOC_WORDS = "|".join(sorted((re.escape(w) for w in _abbr.DOCUMENT_WORDS), key=len, reverse=True))
_DOC_YEAR = re.compile(r"(?<![\w])((?i:" + _DOC_WORDS + r")\s+(?:(?i:số)\s+)?)(\d{1,5})/((?:19|20)\d{2})(?![\d/])")
_FORM_CUES = {"mẫu", "biểu", "phụ lục"}


def _issuer(part: str, run: _Run) -> str:
    words = run.t.issuers.get(part)
    if words is not None:
        return words
    m = re.fullmatch(r"([^\W\d_]+)(\d+)", part)
    if m:
        letters, digits = m.groups()
        if letters == "QH":
            return "quốc hội khóa " + read_number(int(digits))
        if letters in run.t.issuers:
            return run.t.issuers[letters] + " " + read_number(int(digits))
    if len(part) > 1:
        run.warn(part, "spelled")
    return spell(part)


def _sub_document_numbers(text: str, run: _Run) -> str:
    def repl(m: re.Match) -> str:
        number, suffix, year, code = m.groups()
        before = m.string[max(0, m.start() - 40) : m.start()].lower()
        words = read_number(int(number)) + (" " + spell(suffix) if suffix else "")
        if year:
            words += " năm " + read_number(int(year))
        parts = [p for p in re.split(r"[-/]", code) if p]
        if _prev_word(m.string, m.start()) in _FORM_CUES or before.rstrip().endswith(("mẫu số", "mẫu")):
            return words + ", " + " ".join(spell(p) for p in parts)
        type_words = type_abbr = None
        if parts and parts[0] in _abbr.DOCUMENT_TYPE_WORDS:
            type_abbr = parts[0]
            type_words = _abbr.DOCUMENT_TYPE_WORDS[type_abbr]
            parts = parts[1:]
        raw_before = m.string[max(0, m.start() - 12) : m.start()]
        if type_words and type_words not in before and not re.search(r"(?<!\w)" + re.escape(type_abbr) + r"(?!\w)", raw_before):
            words += ", " + type_words
        if parts:
            words += " của " + ", ".join(_issuer(p, run) for p in parts)
        return words

    if "/" not in text and "-" not in text:
        return text
    text = _DOC_NUMBER.sub(repl, text)
    return _DOC_YEAR.sub(lambda m: f"{m.group(1)}{read_number(int(m.group(2)))} năm {read_number(int(m.group(3)))}", text)


# --------------------------------------------------------------------------- 4. abbreviations and Roman numerals

# Tokens that can be abbreviations: starting with a capital or a digit ("4G"), or one of the few lower-case
# abbreviations ("v.v.", "đ/c", "tr."); plain lower-case words are skipped without a Python call.
_ABBR_CANDIDATE = re.compile(
    r"(?<![\w&])(?:[A-ZĐÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝĂƠƯ\u1ea0-\u1ef90-9&]|v\.|vv\.|đ/|tr\.|[a-zđ]+[A-ZĐ])[\w&.\-/+]*")


def expand_abbreviations(text: str, spoken: dict[str, str] | None = None) -> str:
    """Replace whole-token, case-sensitive abbreviations by their spoken form (longest match first).

    ``spoken`` maps abbreviation → words (a glossary's ``spoken_abbreviations()``); None uses the
    built-in table (:data:`DEFAULT_ABBREVIATIONS`). An abbreviation inside a longer word is left alone.
    """
    if spoken is None:
        tables = _tables(())
    else:
        table = _nfc_items(spoken)
        if not table:
            return text
        tables = _build(table, {})
    return _sub_abbreviations(unicodedata.normalize("NFC", text), _Run(tables))


def _sub_abbreviations(text: str, run: _Run) -> str:
    words = run.t.words
    if "SN" in text:  # "SN 1985" on a form is the year of birth, "SN 12" a house number
        text = _BORN.sub("sinh năm ", text)
    if run.t.multi is not None:
        text = run.t.multi.sub(lambda m: words[m.group(0)], text)

    def repl(m: re.Match) -> str:
        token = m.group(0)
        found = words.get(token)
        if found is not None:
            return found
        core = token.rstrip(".-/+")
        if core != token and core in words:
            return words[core] + token[len(core):]
        if ("-" in core or "/" in core) and not _HAS_LETTER_DIGIT.search(core):
            pieces = re.split(r"([-/])", core)
            if any(p in words for p in pieces[::2]):
                out = []
                for p in pieces:
                    if p == "-":
                        out.append(" ")
                    elif p == "/":
                        out.append("/")
                    else:
                        out.append(words.get(p, p))
                return "".join(out) + token[len(core):]
        return token

    return _ABBR_CANDIDATE.sub(repl, text)


_BORN = re.compile(r"(?<![\w])SN:?\s+(?=(?:19|20)\d{2}(?!\d))")
# A code part mixing letters and digits ("TK1-TS", a form name): spelled whole, not expanded part by part.
_HAS_LETTER_DIGIT = re.compile(r"[^\W\d_]\d|\d[^\W\d_]")

_ROMAN_TOKEN = re.compile(r"(?<![\w/])([IVXLCDM]+)(?:/((?:19|20)\d{2}))?(?![\w/])")
_PRIZES = {1: "nhất", 2: "nhì", 3: "ba", 4: "tư"}


def _sub_roman(text: str) -> str:
    def repl(m: re.Match) -> str:
        numeral, year = m.group(1), m.group(2)
        words = _prev_words(m.string, m.start(), 2)
        value = None
        cue = ""
        for candidate in (" ".join(words[-2:]), words[-1] if words else ""):
            if candidate:
                value = roman_in_context(numeral, candidate)
                if value is not None:
                    cue = candidate
                    break
        if value is None:
            if year and read_roman(numeral):  # "quý I/2025" needs no cue
                value = read_roman(numeral)
            else:
                return m.group(0)
        if cue.endswith("thứ"):
            spoken = read_ordinal(value)
        elif cue == "giải" and value in _PRIZES:
            spoken = _PRIZES[value]
        else:
            spoken = read_number(value)
        return spoken + (f" năm {read_number(int(year))}" if year else "")

    text = _ROMAN_TOKEN.sub(repl, text)
    # Section headings: "II. MỤC ĐÍCH" at the start of a line.
    return re.sub(r"(?m)^(\s*)([IVX]{1,5})([.)])(?=\s)",
                  lambda m: m.group(1) + read_number(read_roman(m.group(2))) + "." if read_roman(m.group(2)) else m.group(0),
                  text)


# --------------------------------------------------------------------------- 5. codes, plates, addresses

_PLATE = re.compile(r"(?<![\w.])(\d{2})([A-Z]{1,2})(\d?)[- ](\d{3})\.(\d{2})(?![\w.]|\.\d)|(?<![\w.])(\d{2})([A-Z]{1,2})(\d?)-(\d{4,5})(?![\w.])")


def _sub_plates(text: str) -> str:
    def repl(m: re.Match) -> str:
        if m.group(1):
            province, series, extra, a, b = m.group(1, 2, 3, 4, 5)
            tail = [read_digits(a), read_digits(b)]
        else:
            province, series, extra, a = m.group(6, 7, 8, 9)
            tail = [read_digits(a)]
        head = read_digits(province) + " " + spell(series) + (" " + read_digits(extra) if extra else "")
        return ", ".join([head, *tail])

    return _PLATE.sub(repl, text)


_KM = re.compile(r"(?<![\w.,])([Kk][Mm])\s*(\d+)(?:\s*\+\s*(\d+))?(?![\d.,]\d|\d)")


def _sub_unit_first(text: str) -> str:
    """"Km 45+500" (a position on a road): the unit before its number."""

    def repl(m: re.Match) -> str:
        before = m.string[max(0, m.start() - 3) : m.start()].rstrip()
        if before[-1:].isdigit():
            return m.group(0)
        words = "ki-lô-mét " + read_number(int(m.group(2)))
        if m.group(3):
            words += " cộng " + read_number(int(m.group(3)))
        return words

    return _KM.sub(repl, text)


_ADDRESS_CUES = ("số nhà", "nhà số", "ngõ", "ngách", "hẻm", "kiệt", "số")
_HOUSE = re.compile(r"(?<![\w])((?i:số nhà|nhà số|ngõ|ngách|hẻm|kiệt|số)\s+)(\d+[A-Za-z]?(?:/\d+[A-Za-z]?)+)(?![\w/]|[.,]\d)")


def _house_part(part: str) -> str:
    m = re.fullmatch(r"(\d+)([A-Za-z]?)", part)
    return read_number(int(m.group(1))) + (" " + spell(m.group(2)) if m.group(2) else "")


def _sub_house_numbers(text: str) -> str:
    def repl(m: re.Match) -> str:
        parts = m.group(2).split("/")
        if len(parts) == 2 and re.fullmatch(r"(?:19|20)\d{2}", parts[1]):
            return f"{m.group(1)}{_house_part(parts[0])} năm {read_number(int(parts[1]))}"
        if m.group(1).strip().lower() == "số" and len(parts) == 3 and re.fullmatch(r"\d{4}", parts[2]):
            return m.group(0)  # "số 5/12/2025": a date, read later
        return m.group(1) + " xẹt ".join(_house_part(p) for p in parts)

    return _HOUSE.sub(repl, text)


# --------------------------------------------------------------------------- 6. dates

_DATE_CUES = frozenset({
    "ngày", "hôm", "sáng", "trưa", "chiều", "tối", "đêm", "mùng", "mồng", "hạn", "từ", "đến", "tới", "và", "trước",
    "sau", "dịp", "lễ", "tết", "khánh", "niệm", "kỷ", "qua", "nay", "vào", "hết", "lúc", "kể", "đợt", "tuần", "hoặc",
})
# After "a/b", words that make it a fraction of a whole ("2/3 số hộ", "1/4 diện tích", "2/3 còn lại", "1/2 viên").
_MEASURES = frozenset({"viên", "gói", "cốc", "bát", "chén", "thìa", "muỗng", "quả", "cân", "lạng", "ống", "vỉ",
                       "chai", "bao", "thùng", "sào", "mẫu", "cuộn", "tấm", "lít"})
_FRACTION_NEXT = frozenset({"số", "diện", "dân", "tổng", "còn"}) | _MEASURES
# A counted noun after "a/b": a ratio or fraction ("4/8 huyện"), not a date.
_COUNTED = frozenset({
    "huyện", "xã", "tỉnh", "hộ", "người", "thôn", "bản", "tổ", "trường", "lớp", "học", "tiêu", "chỉ", "lượt", "đơn",
    "cơ", "trạm", "thành", "đại", "điểm", "câu", "nội", "nhiệm", "công", "dự", "km", "ha", "địa", "ngành", "cán",
    "giáo", "đảng", "em", "cháu", "trẻ", "con", "ca", "mẫu", "xe", "sản", "doanh", "hợp", "gia", "thửa", "lô",
    "phòng", "ban", "bệnh", "mũi", "liều", "suất", "tấn", "phường", "đội", "nhóm", "chi", "khu", "cụm", "làng",
    "bộ", "sở", "phiếu", "hồ", "thủ", "dịch", "số", "phần", "diện", "dân", "tổng", "trên", "mét", "héc-ta",
    "ki-lô-mét", "đồng", "nghìn", "triệu", "tỷ", "phần", "mục", "tiết", "bài", "trận", "đợt", "lần", "ngày",
    "giờ", "phút", "tháng", "năm", "tuần", "vòng", "chương", "quyển", "sách", "cuốn", "tập", "còn",
}) | _MEASURES
_RATIO_BEFORE = frozenset({"thứ", "đạt", "chiếm", "hơn", "gần", "khoảng", "trên", "dưới", "được", "tỷ", "tỉ", "lệ",
                           "còn"})


def _day_month_is_date(m: re.Match, d: int, mo: int, ds: str, ms: str, cue: bool) -> bool:
    if not is_date(d, mo):
        return False
    if cue or ds.startswith("0") or ms.startswith("0"):
        return True
    prev = _prev_word(m.string, m.start())
    if prev in _DATE_CUES:
        return True
    if prev in _RATIO_BEFORE or (d, mo) == (24, 7):
        return False
    nxt = _next_word(m.string, m.end())
    return nxt not in _COUNTED or nxt in ("năm", "tháng") and False


def _sub_iso_dates(text: str) -> str:
    def repl(m: re.Match) -> str:
        y, mo, d = int(m.group(2)), int(m.group(3)), int(m.group(4))
        if not is_date(d, mo, y):
            return m.group(0)
        return (m.group(1) or "") + read_date(d, mo, y, prefix=not m.group(1))

    return re.sub(r"(?<![\d.,/])((?i:ngày)\s+)?(\d{4})-(\d{1,2})-(\d{1,2})(?![\d])", repl, text)


def _sub_full_dates(text: str) -> str:
    def repl(m: re.Match) -> str:
        d, mo, y = int(m.group(2)), int(m.group(4)), int(m.group(5))
        if not is_date(d, mo, y):
            return m.group(0)
        prefix = not m.group(1) and _prev_word(m.string, m.start()) not in ("ngày", "mùng", "mồng")
        return (m.group(1) or "") + read_date(d, mo, y, prefix=prefix)

    return re.sub(
        r"(?<![\d.,/])((?i:ngày)\s+)?(\d{1,2})([/.\-])(\d{1,2})\3(\d{4})(?![\d]|[.,]\d)", repl, text
    )


_MONTH_RANGE = re.compile(r"(?<![\w])((?i:tháng))\s+(\d{1,2})\s*[-–]\s*(\d{1,2})[/-]((?:19|20)\d{2})(?![\d/]|[.,]\d)")


def _sub_month_ranges(text: str) -> str:
    """"tháng 9-10/2026" → "tháng chín đến tháng mười năm …"."""
    def repl(m: re.Match) -> str:
        a, b, y = int(m.group(2)), int(m.group(3)), int(m.group(4))
        if not (1 <= a < b <= 12):
            return m.group(0)
        return f"{m.group(1)} {month_word(a)} đến tháng {month_word(b)} năm {read_number(y)}"

    return _MONTH_RANGE.sub(repl, text)


def _sub_month_year(text: str) -> str:
    def repl(m: re.Match) -> str:
        cue, mo, y = m.group(1), int(m.group(2)), int(m.group(3))
        if cue and cue.strip().lower() == "quý":
            return f"{cue}{read_number(mo)} năm {read_number(y)}" if 1 <= mo <= 4 else m.group(0)
        if not 1 <= mo <= 12:
            return m.group(0)
        if cue:
            return f"{cue}{month_word(mo)} năm {read_number(y)}"
        return read_date(None, mo, y)

    return re.sub(r"(?<![\d.,/])((?i:tháng|quý)\s+)?(\d{1,2})[/-]((?:19|20)\d{2})(?![\d/]|[.,]\d)", repl, text)


def _with_day_word(m: re.Match, out: str) -> str:
    if out == m.group(0):
        return out
    return out if _prev_word(m.string, m.start()) in ("ngày", "mùng", "mồng") else "ngày " + out


def _sub_day_month_ranges(text: str) -> str:
    """"1/5 đến 30/6", "1/5–30/6": both ends of a range of day/month pairs are dates."""

    def repl(m: re.Match) -> str:
        d1, m1, d2, m2 = int(m.group(1)), int(m.group(2)), int(m.group(4)), int(m.group(5))
        if not (is_date(d1, m1) and is_date(d2, m2)):
            return m.group(0)
        a = read_date(d1, m1, None, prefix=False)
        b = read_date(d2, m2, None, prefix=False)
        joiner = m.group(3).strip()
        joiner = joiner if joiner in ("đến", "tới") else "đến"
        return _with_day_word(m, f"{a} {joiner} ngày {b}")

    return re.sub(
        r"(?<![\d.,/])(\d{1,2})/(\d{1,2})(\s*(?:[–—\-]|đến|tới)\s*(?:ngày\s+)?)(\d{1,2})/(\d{1,2})(?![\d/]|[.,]\d)",
        repl, text,
    )


def _sub_day_ranges(text: str) -> str:
    """"23–29/11/2026": a range of days in one month ("ngày hai mươi ba đến ngày hai mươi chín tháng …")."""

    def repl(m: re.Match) -> str:
        d1, d2, mo = int(m.group(1)), int(m.group(3)), int(m.group(4))
        year = int(m.group(5)) if m.group(5) else None
        if d1 >= d2 or not is_date(d2, mo, year):
            return m.group(0)
        joiner = m.group(2).strip()
        prev = _prev_word(m.string, m.start())
        if year is None and not (
            prev in _DATE_CUES or m.group(4).startswith("0") or d2 > mo
        ):
            return m.group(0)
        joiner = joiner if joiner in ("đến", "tới") else "đến"
        return _with_day_word(m, f"{read_number(d1)} {joiner} {read_date(d2, mo, year)}")

    return re.sub(
        r"(?<![\d.,/])(\d{1,2})(\s*(?:[–—\-]|đến|tới)\s*)(\d{1,2})/(\d{1,2})(?:/(\d{4}))?(?![\d/]|[.,]\d)",
        repl, text,
    )


def _sub_day_month(text: str) -> str:
    def repl(m: re.Match) -> str:
        ds, sep, ms = m.group(2), m.group(3), m.group(4)
        d, mo = int(ds), int(ms)
        prev = _prev_word(m.string, m.start())
        cue = bool(m.group(1)) or prev in ("ngày", "mùng", "mồng", "hôm", "sáng", "chiều", "tối", "trưa", "đêm")
        if sep == "-":
            # "ngày 5-12" is the fifth of December; "5-7 ngày", "ngày 5-7 tháng 12" are ranges.
            if not cue or _next_word(m.string, m.end()) == "tháng" or not is_date(d, mo):
                return m.group(0)
        elif not _day_month_is_date(m, d, mo, ds, ms, cue):
            return m.group(0)
        prefix = not m.group(1) and prev not in ("ngày", "mùng", "mồng", "hôm")
        return (m.group(1) or "") + read_date(d, mo, None, prefix=prefix)

    return re.sub(r"(?<![\d.,/\-])((?i:ngày)\s+)?(\d{1,2})([/\-])(\d{1,2})(?![\d/]|[.,]\d|-\d)", repl, text)


def _sub_ordinals(text: str) -> str:
    def repl(m: re.Match) -> str:
        words = f"{m.group(1)} {read_ordinal(int(m.group(2)))}"
        if m.group(3):
            words += " trên " + read_number(int(m.group(3)))
        return words

    return re.sub(r"(?<!\w)([Tt]hứ)\s+(\d{1,3})(?:/(\d+))?(?![\d]|[.,]\d)", repl, text)


# --------------------------------------------------------------------------- phones and service numbers

_PHONE_RE = re.compile(r"(?<![\w+.,/])(\+84|\(?0\d{1,3}\)?)((?:[ .\-]?\d+)*)")


def _sub_phones(text: str) -> str:
    def repl(m: re.Match) -> str:
        head, tail = m.group(1), m.group(2)
        pieces = re.findall(r"[ .\-]?\d+", tail)
        head_digits = re.sub(r"\D", "", head)
        if head == "+84":
            start = (pieces[0].lstrip(" .-") if pieces else "")[:1]
            need = 2 + (10 if start == "2" else 9)
        elif head_digits.startswith("02"):
            need = 11
        elif re.match(r"0[35789]", head_digits):
            need = 10
        else:
            return m.group(0)
        count, used = len(head_digits), 0
        for p in pieces:
            if count >= need:
                break
            count += len(p.lstrip(" .-"))
            used += 1
        if count != need:
            return m.group(0)
        return read_phone(head + "".join(pieces[:used])) + "".join(pieces[used:])

    text = _PHONE_RE.sub(repl, text)
    # Hotlines 1800/1900 xxxx(xx), written in groups or not, digit by digit.
    return re.sub(
        r"(?<![\d.,])(1[89]00)([ .]?)(\d{4}|\d{3}[ .]?\d{3}|\d{2}[ .]\d{2})(?![\d]|[.,]\d)",
        lambda m: read_phone(m.group(1) + " " + m.group(3)),
        text,
    )


_SERVICE_BEFORE = ("gọi", "bấm", "quay", "tổng đài", "đường dây", "hotline", "điện thoại", "khẩn cấp", "cấp cứu",
                   "cứu hỏa", "cứu hoả", "cứu thương", "cứu nạn", "cứu hộ", "công an", "cảnh sát", "trẻ em", "liên hệ",
                   "số điện thoại", "chữa cháy", "báo cháy", "đầu số", "số máy")
_SERVICE_AFTER = ("cấp cứu", "cứu hỏa", "cứu hoả", "cứu thương", "cứu nạn", "cứu hộ", "công an", "cảnh sát", "miễn phí",
                  "khẩn cấp", "chữa cháy", "bảo vệ trẻ em", "là số", "là đường dây", "là tổng đài")
_SERVICE_RE = re.compile(r"(?<![\w.,/:\-])(?:" + "|".join(sorted(SERVICE_NUMBERS, key=len, reverse=True))
                         + r")(?![\w/:%]|[.,]\d|\s*[–—-]\s*\d)")


def _sub_service_numbers(text: str) -> str:
    def repl(m: re.Match) -> str:
        before = " ".join(_prev_words(m.string, m.start(), 3))
        after = " ".join(_next_words(m.string, m.end(), 3))
        following = m.string[m.end() : m.end() + 3].lstrip()
        if (any(c in before for c in _SERVICE_BEFORE) or any(after.startswith(c) for c in _SERVICE_AFTER)
                or following.startswith("(")):
            return read_digits(m.group(0))
        return m.group(0)

    return _SERVICE_RE.sub(repl, text)


# --------------------------------------------------------------------------- 7. scores, ranges, times, units, money

_SCORE_CUES = ("tỷ số", "tỉ số", "thắng", "thua", "hòa", "hoà", "chung cuộc", "kết quả", "cách biệt")


def _sub_scores(text: str) -> str:
    def repl(m: re.Match) -> str:
        before = " ".join(_prev_words(m.string, m.start(), 2))
        if not any(before.endswith(c) or c in before for c in _SCORE_CUES):
            return m.group(0)
        return f"{read_number(int(m.group(1)))} {read_number(int(m.group(2)))}"

    return re.sub(r"(?<![\d.,/])(\d{1,2})\s*[-–:]\s*(\d{1,2})(?![\d/]|[.,]\d)", repl, text)


_SCALE = r"(?:nghìn|ngàn|triệu|tỷ|tỉ|trăm)"
_NO_TU = frozenset({"ngày", "từ", "khoảng", "hơn", "gấp", "hoặc", "chừng", "trong", "giai", "đoạn", "năm", "nhiệm", "kỳ", "khóa", "khoá", "niên",
                    "học", "mùa", "vụ", "độ", "tầm", "cỡ", "ước", "tính", "số"})
_RANGE = re.compile(
    r"(?<![\w.,:])(\d[\d.,]*(?:[h:]\d*|%)?(?:\s*" + _SCALE + r")?)"
    r"(\s*[–—]\s*|\s*-\s*|\s+-\s+)(?=\d)"
)


def _sub_ranges(text: str) -> str:
    def repl(m: re.Match) -> str:
        prev = _prev_word(m.string, m.start())
        lead = "" if prev in _NO_TU else "từ "
        return f"{lead}{m.group(1)} đến "

    return _RANGE.sub(repl, text)


def _sub_times(text: str) -> str:
    def repl(m: re.Match) -> str:
        h = int(m.group(1))
        mi = int(m.group(2)) if m.re.groups > 1 and m.group(2) else 0
        if h > 24 or mi > 59:
            return m.group(0)
        return read_time(h, mi)

    text = re.sub(r"(?<!\w)((?i:tỷ lệ|tỉ lệ)\s+)(\d+)\s*:\s*(\d+)", r"\1\2 trên \3", text)
    text = re.sub(
        r"(?<![\d.,:])(\d{1,2})\s*(?::|h|g|giờ)\s*(\d{2})(?:\s*(?:phút|p\b|'))?(?![\d]|:\d)", repl, text
    )
    return re.sub(r"(?<![\d.,:])(\d{1,2})h(?![^\W\d_]|\d)", repl, text)


_UNITS: list[tuple[str, str]] = [
    ("km²", "ki-lô-mét vuông"), ("km2", "ki-lô-mét vuông"), ("km/h", "ki-lô-mét trên giờ"), ("km", "ki-lô-mét"),
    ("m²", "mét vuông"), ("m2", "mét vuông"), ("m³", "mét khối"), ("m3", "mét khối"), ("cm", "xăng-ti-mét"),
    ("mm", "mi-li-mét"), ("m", "mét"), ("ha", "héc-ta"), ("kg", "ki-lô-gam"), ("ml", "mi-li-lít"),
    ("kWh", "ki-lô-oát giờ"), ("kW", "ki-lô-oát"), ("MW", "mê-ga-oát"), ("kV", "ki-lô-vôn"), ("°C", "độ xê"),
    ("℃", "độ xê"), ("°", "độ"), ("%", "phần trăm"), ("tấn", "tấn"), ("g", "gam"), ("l", "lít"), ("lít", "lít"),
    ("Mbps", "mê-ga-bít trên giây"), ("Gbps", "gi-ga-bít trên giây"), ("kbps", "ki-lô-bít trên giây"),
    ("GB", "gi-ga-bai"), ("MHz", "mê-ga-héc"), ("GHz", "gi-ga-héc"),
]
_UNIT_WORDS = dict(_UNITS)
_UNIT_RE = re.compile(
    r"(\d)(\s*" + _SCALE + r")?\s*(" + "|".join(re.escape(u) for u, _ in _UNITS) + r")(?![^\W\d_]|[²³])"
)
_CURRENCY_RE = re.compile(r"(\d)(\s*" + _SCALE + r")?\s*(VNĐ|VND|vnđ|vnd|đồng|đ|USD)(?![^\W\d_])")


def _sub_money(text: str) -> str:
    text = _CURRENCY_RE.sub(
        lambda m: m.group(1) + (m.group(2) or "") + (" đô la Mỹ" if m.group(3) == "USD" else " đồng"), text
    )
    text = re.sub(r"\$\s*(\d[\d.,]*)", r"\1 đô la Mỹ", text)
    # "5 tr đồng", "1,5tr": the usual short form of "triệu" before an amount's unit.
    text = re.sub(r"(\d)\s*tr\.?(?=\s*(?:đồng|đ(?!\w)|/))", r"\1 triệu", text)
    return re.sub(r"(?<![\w.,])(\d+)k(?![\w])", r"\1 nghìn", text)


def _sub_units(text: str) -> str:
    return _UNIT_RE.sub(lambda m: f"{m.group(1)}{m.group(2) or ''} {_UNIT_WORDS[m.group(3)]}", text)


def _sub_fractions(text: str) -> str:
    def repl(m: re.Match) -> str:
        a, b = int(m.group(1)), int(m.group(2))
        nxt = _next_word(m.string, m.end())
        prev = _prev_word(m.string, m.start())
        if 0 < a < b <= 10 and prev != "thứ" and (nxt not in _COUNTED or nxt in _FRACTION_NEXT):
            return read_fraction(a, b)
        return f"{read_number(a)} trên {read_number(b)}"

    return re.sub(r"(?<![\d.,])(\d{1,6})\s*/\s*(\d{1,6})(?![\d]|[.,]\d)", repl, text)


# --------------------------------------------------------------------------- 8. capitals nobody gave a reading

_CAPS = re.compile(r"(?<![\w])[A-ZĐÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝĂƠƯ\u1ea0-\u1ef90-9][^\W_]*(?![\w])")


# Roads: "ĐT" alone is "điện thoại", but before a road number it is "đường tỉnh".
_ROAD_PREFIXES = {"QL": "quốc lộ", "TL": "tỉnh lộ", "ĐT": "đường tỉnh", "ĐH": "đường huyện", "ĐX": "đường xã",
                  "HL": "hương lộ"}
_ROAD_SPACE = re.compile(r"(?<![\w.])(QL|TL|ĐT|ĐH|ĐX|HL)\s+([1-9]\d{0,2})(?![\w.,/:]|\s*\d)")


def _join_road(m: re.Match) -> str:
    """A road and its number; "ĐT" (also điện thoại) only with a number no phone service uses."""
    if m.group(1) == "ĐT" and (len(m.group(2)) < 2 or m.group(2) in SERVICE_NUMBERS):
        return m.group(0)
    return m.group(1) + m.group(2)


_ROAD_DOT = re.compile(r"(?<![\w.])(QL|TL|ĐT|ĐH|ĐX|HL)\.\s?(?=\d)")


def _sub_capitals(text: str, run: _Run) -> str:
    words = run.t.words

    def repl(m: re.Match) -> str:
        token = m.group(0)
        if not token.isupper():
            return token
        has_digit = any(c.isdigit() for c in token)
        if not has_digit:
            if len(token) == 1:
                return token if is_syllable(token) else spell(token)
            if is_syllable(token):
                return token
            run.warn(token, "spelled")
            return spell(token)
        lead = re.match(r"(\d{1,3})([^\W\d_]{1,2})(\d{0,2})$", token)
        if lead:  # "12A" or "10A1" (a class), "4G"
            tail_digits = lead.group(3)
            return (read_number(int(lead.group(1))) + " " + spell(lead.group(2))
                    + (" " + read_number(int(tail_digits)) if tail_digits else ""))
        tail = re.match(r"([^\W\d_]+)(\d+)$", token)
        if tail and tail.group(1) in _ROAD_PREFIXES:  # "QL6" → "quốc lộ sáu", "ĐT148" → "đường tỉnh …"
            return _ROAD_PREFIXES[tail.group(1)] + " " + read_number(int(tail.group(2)))
        letters = sum(1 for c in token if not c.isdigit())
        if letters > 1:
            run.warn(token, "spelled")
        return spell(token)

    return _CAPS.sub(repl, text)


# --------------------------------------------------------------------------- 9. remaining numbers

_CODE_CUES = ("mã", "số hiệu", "tài khoản", "số sổ", "số thẻ", "hồ sơ", "định danh", "căn cước", "chứng minh",
              "biển số", "biển kiểm soát", "seri", "sê-ri", "otp", "bưu chính", "báo danh", "mật khẩu", "số tk")
_QUANTITY_AFTER = frozenset({"đồng", "người", "hộ", "lượt", "tấn", "con", "cây", "mét", "héc-ta", "ki-lô-gam", "lít",
                             "ki-lô-mét", "triệu", "tỷ", "nghìn", "đô", "khẩu", "lao", "trẻ", "học", "cán"})


def _read_token(tok: str, m: re.Match) -> str:
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", tok):
        return read_decimal(tok)
    if re.fullmatch(r"\d{1,3}(?:,\d{3}){2,}", tok):
        return read_number(int(tok.replace(",", "")))
    if "," in tok:
        return read_decimal(tok)
    if "." in tok:
        return " chấm ".join(_read_token(p, m) for p in tok.split(".") if p)
    if len(tok) >= 5:
        before = " ".join(_prev_words(m.string, m.start(), 4))
        code = any(c in before for c in _CODE_CUES)
        if code or (len(tok) >= 7 and _next_word(m.string, m.end()) not in _QUANTITY_AFTER):
            return _code_digits(tok)
    if tok.startswith("0") and len(tok) >= 4:
        return read_digits(tok)
    return read_number(int(tok))


def _code_digits(digits: str) -> str:
    """A code digit by digit in threes, never a lone digit at the end (10 digits: 3-3-4)."""
    if len(digits) % 3 == 1 and len(digits) > 4:
        return read_digit_groups(digits[:-4], 3) + ", " + read_digits(digits[-4:])
    return read_digit_groups(digits, 3)


_NUMBER_RE = re.compile(
    r"(?<!\d)(?:\d{1,3}(?:\.\d{3})+(?:,\d+)?(?![\d.]\d|\d)"
    r"|\d{1,3}(?:,\d{3}){2,}(?![\d,]\d|\d)"
    r"|\d+,\d+(?!\d)"
    r"|\d+(?:\.\d+)+(?!\d)"
    r"|\d+)"
)


def _sub_numbers(text: str) -> str:
    return _NUMBER_RE.sub(lambda m: _spaced(_read_token(m.group(0), m), m), text)


def _collapse(text: str) -> str:
    lines = []
    for line in text.split("\n"):
        line = re.sub(r"[ \t\f\v]+", " ", line).strip()
        line = re.sub(r" +([,.;:!?)\]])", r"\1", line)
        line = re.sub(r"([(\[]) +", r"\1", line)
        line = re.sub(r",(?:\s*,)+", ",", line)
        if line:
            lines.append(line)
    return "\n".join(lines)


# --------------------------------------------------------------------------- the pipeline

_PER = re.compile(r"(?<=[^\W\d_])\s*/\s*(?=(?:năm|tháng|tuần|ngày|giờ|người|hộ|lượt|khẩu|lần|suất|con|cây)(?!\w))")
_PER_UNIT = re.compile(
    r"(?<=[^\W\d_])\s*/\s*(" + "|".join(re.escape(u) for u, _ in _UNITS if u[0].isalpha()) + r")(?![^\W\d_]|[²³])"
)


_UPPER_START = "A-ZĐÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝĂƠƯ\u1ea0-\u1ef9"
_ADDRESS_HINTS = ("@", "://", "www.", "WWW.", ".vn", ".com", ".org", ".net", ".gov", ".edu", ".info", ".io")


# --------------------------------------------------------------------------- 0. headlines in capitals

# A Vietnamese syllable, without its marks (đ → d): onset, vowel nucleus, final. "ĐA" in "THÁCH THỨC ĐA CHIỀU" is
# the word "đa", not the abbreviation ĐA (đề án); "BHYT", "UBND", "IOC" are not syllables and stay capitals.
_SYLLABLE = re.compile(
    r"(?:ngh|ng|gh|gi|kh|nh|ph|qu|th|tr|ch|b|c|d|g|h|k|l|m|n|p|r|s|t|v|x)?"
    r"(?:uye|uya|uyu|uou|uoi|oai|oay|oeo|uay|yeu|ieu|ai|ao|au|ay|eo|eu|ia|ie|iu|oa|oe|oi|oo|ua|ue|ui|uo|uu|uy|ye"
    r"|a|e|i|o|u|y)(?:ch|ng|nh|c|m|n|p|t)?")
_WORD_TOKEN = re.compile(r"[^\W\d_]+")


def _has_caps_run(text: str) -> bool:
    """Cheap test: three or more words in capitals somewhere in the text."""
    count = 0
    for word in text.split():
        if len(word) > 1 and word.isupper():
            count += 1
            if count >= 3:
                return True
    return False


def is_syllable(word: str) -> bool:
    """True when ``word`` (any case, any marks) is shaped like one Vietnamese syllable."""
    import unicodedata

    bare = "".join(c for c in unicodedata.normalize("NFD", word.lower().replace("đ", "d"))
                   if not unicodedata.combining(c))
    return _SYLLABLE.fullmatch(bare) is not None


# Abbreviations that are also words. In a headline they are the word when a neighbour makes a common compound
# with them ("AN NINH", "ĐA DẠNG", "CÔNG TY", "THỨ TƯ"), and the abbreviation otherwise ("CA XÃ", "BCH TƯ").
_WORD_AFTER = {
    "an": {"ninh", "toàn", "sinh", "cư", "tâm", "khang", "ủi", "nhiên", "dưỡng", "táng", "phận"},
    "đa": {"dạng", "số", "phần", "chiều", "năng", "ngành", "phương", "khoa", "mục", "sắc", "dụng"},
    "tư": {"pháp", "vấn", "liệu", "nhân", "tưởng", "duy", "cách", "thục", "hữu", "bản", "thế", "lệnh", "chất"},
    "tu": {"bổ", "sửa", "dưỡng", "tạo", "hành", "nghiệp", "luyện", "học"},
    "ca": {"sĩ", "múa", "nhạc", "khúc", "dao", "trù", "ngợi", "từ", "kịch", "bệnh", "mắc", "nhiễm", "tử"},
    "ai": {"cũng", "nấy", "là", "biết", "ơi", "đó", "đi", "có"},
    "tha": {"thứ", "hương", "hóa", "hoá", "thiết"},
}
_WORD_BEFORE = {"ty": {"công"}, "tư": {"thứ", "ngày", "tháng", "quý", "một", "phần"}, "an": {"bình", "công", "chi"},
                "ca": {"các", "những", "số"}, "ai": {"là", "không", "có"}}


def _reads_as_word(word: str, before: str | None, after: str | None, tables) -> bool:
    """Whether a capitalised syllable in a headline is the word rather than an abbreviation of the table."""
    if not any(word in table for table in tables):
        return True
    low = word.lower()
    return (after is not None and after.lower() in _WORD_AFTER.get(low, ())) or (
        before is not None and before.lower() in _WORD_BEFORE.get(low, ()))


def _lower_headlines(text: str, tables=()) -> str:
    """Runs of three or more words in capitals (a headline) are words, not abbreviations: each one shaped like
    a Vietnamese syllable is lowered ("KINH TẾ SỐ" → "kinh tế số"); the others ("BHYT") stay for their readings.
    A syllable that is also an abbreviation is lowered only where a neighbour makes it a word ("AN NINH")."""
    tokens = list(_WORD_TOKEN.finditer(text))
    out, last, i = [], 0, 0
    while i < len(tokens):
        j = i
        while j < len(tokens) and tokens[j].group().isupper() and (
                j == i or not any(c.islower() for c in text[tokens[j - 1].end():tokens[j].start()])):
            j += 1
        run = tokens[i:j]
        words = []
        for k, t in enumerate(run):
            if len(t.group()) > 1 and is_syllable(t.group()) and _reads_as_word(
                    t.group(), run[k - 1].group() if k else None, run[k + 1].group() if k + 1 < len(run) else None,
                    tables):
                words.append(t)
        if len(run) >= 3 and len(words) >= 2:
            for t in words:
                out.append(text[last:t.start()])
                out.append(t.group().lower())
                last = t.end()
        i = max(j, i + 1)
    out.append(text[last:])
    return "".join(out)


def normalize(text: str, abbreviations: dict[str, str] | None = None) -> Normalized:
    """Vietnamese text as the voice should read it, and the tokens it could not read properly.

    ``abbreviations`` (a glossary's ``spoken_abbreviations()``) extend and override the built-in table.
    Pure and deterministic; never raises on odd input; line breaks are kept, other whitespace collapsed.
    Each pass runs only when the characters it needs are present (the common sentence has few).
    """
    run = _Run(_tables_for(abbreviations))
    text = _clean(str(text), run)
    if "." in text:
        text = _ROAD_DOT.sub(r"\1", text)  # "ĐT.148" → "ĐT148": a road, read below
    if "QL" in text or "ĐT" in text or "TL" in text or "ĐH" in text or "HL" in text:
        text = _ROAD_SPACE.sub(_join_road, text)  # "QL 12", "ĐT 148" → "QL12", "ĐT148"
    if _has_caps_run(text):
        text = _lower_headlines(text, (run.t.words, run.t.issuers))
    if "v." in text or "vv." in text:
        text = _VV.sub("vân vân", text)
    if any(h in text for h in _ADDRESS_HINTS):
        text = _sub_addresses(text, run)
    digits = _DIGIT.search(text) is not None
    slash, dash = "/" in text, ("-" in text or "–" in text or "—" in text)
    if digits:
        text = _sub_money(text)
        if slash or dash:
            text = _sub_document_numbers(text, run)
    if _ROMAN_HINT.search(text):
        text = _sub_roman(text)
    text = _sub_abbreviations(text, run)
    if digits:
        text = _sub_digit_classes(text, slash, dash)
    if slash:
        text = _PER.sub(" mỗi ", text)
        text = _PER_UNIT.sub(lambda m: " mỗi " + _UNIT_WORDS[m.group(1)], text)
        text = _SLASH_WORDS.sub(", ", text)
    if dash and digits:
        text = _MINUS.sub("âm ", text)
        text = _DASH_IN_TOKEN.sub(" ", text)
    text = _sub_capitals(text, run)
    if digits:
        text = _sub_numbers(text)
    if "&" in text:
        text = text.replace("&", " và ")
    if dash or "•" in text:
        text = _BULLET.sub("", text)
        text = _SPACED_DASH.sub(", ", text)
    if _MATH.search(text):
        text = _MATH.sub(lambda m: f" {_MATH_WORDS[m.group()]} ", text)
    if "(" in text:
        text = _drop_repeats(text)
    return Normalized(_collapse(text), run.warnings)


_PAREN = re.compile(r"\s*\(([^()]{1,200})\)")


def _drop_repeats(text: str) -> str:
    """A parenthesis that, read aloud, says again the words just before it is left out: "lở mồm long móng
    (LMLM)", "một tỷ đồng (Một tỷ đồng)" are read once."""
    def repl(m: re.Match) -> str:
        inside = m.group(1).split()
        before = text[:m.start()].split()
        n = len(inside)
        if n and len(before) >= n and [w.casefold() for w in before[-n:]] == [w.casefold() for w in inside]:
            return ""
        return m.group(0)

    return _PAREN.sub(repl, text)


_MATH_WORDS = {"≥": "lớn hơn hoặc bằng", "≤": "nhỏ hơn hoặc bằng", "±": "cộng trừ", "≠": "khác", "≈": "khoảng",
               "÷": "chia", "→": "đến"}
_MATH = re.compile("[" + "".join(_MATH_WORDS) + "]")


def _sub_digit_classes(text: str, slash: bool, dash: bool) -> str:
    """Everything that needs digits, most specific class first."""
    dot = "." in text
    if dash or dot or " " in text:
        text = _sub_plates(text)
    if "km" in text or "Km" in text or "KM" in text:
        text = _sub_unit_first(text)
    if dot:
        # A dot before a scale word or a percent sign can only be a decimal point ("1.5 triệu").
        text = _DOT_DECIMAL.sub(r"\1,\2", text)
    if slash:
        text = _sub_house_numbers(text)
    if dash:
        text = _sub_iso_dates(text)
    if slash or dash or dot:
        if "/" in text:
            text = _sub_day_ranges(text)
        text = _sub_full_dates(text)
        if "háng" in text:
            text = _sub_month_ranges(text)
        text = _sub_month_year(text)
    if "hứ" in text:
        text = _sub_ordinals(text)
    if slash or dash:
        if "/" in text:
            text = _sub_day_month_ranges(text)
        text = _sub_day_month(text)
    text = _sub_phones(text)
    if "11" in text or "10" in text:
        text = _sub_service_numbers(text)
    if dash or ":" in text:
        text = _sub_scores(text)
    if dash:
        text = _sub_ranges(text)
    text = _sub_times(text)
    text = _sub_units(text)
    if "háng" in text:
        text = _APRIL.sub(r"\1 tư", text)
    if "/" in text:
        text = _sub_fractions(text)
    if "%" in text:
        # A percent sign left alone ("giảm 3,2 điểm %"): the words, never the symbol.
        text = _LONE_PERCENT.sub("phần trăm", text)
    return text


_LONE_PERCENT = re.compile(r"(?<![\w%])%(?![\w%])")


_VV = re.compile(r"(?<![\w.])v\.\s?v\.?(?![\w])")
_DIGIT = re.compile(r"\d")
_ROMAN_HINT = re.compile(r"(?<![\w])[IVXLCDM]+(?![\w])")
_DOT_DECIMAL = re.compile(r"(?<![\d.,])(\d+)\.(\d{1,2}|\d{4,})(?=\s*(?:nghìn|ngàn|triệu|tỷ|tỉ|%)(?!\w))")
_APRIL = re.compile(r"(?<![\w])([Tt]háng)\s+0?4(?![\d]|[.,]\d)")
_SLASH_WORDS = re.compile(r"(?<=\w)\s*/\s*(?=\w)")
_MINUS = re.compile(r"(?<![\w.,])-(?=\d)")
_DASH_IN_TOKEN = re.compile(r"(?<=[^\W\d_])-(?=\d)|(?<=\d)-(?=[^\W\d_])")
_BULLET = re.compile(r"(?m)^\s*[-–—•]\s+")
_SPACED_DASH = re.compile(r"\s+[–—-]\s+|(?<=[^\W\d_])[–—]\s+|\s+[–—](?=[^\W\d_])")


def normalize_vi(text: str, abbreviations: dict[str, str] | None = None) -> str:
    """Vietnamese text as a speech engine should read it: every number, date, time, phone number, code,
    amount, unit, address and abbreviation written out in words (Northern reading).

    ``abbreviations`` (e.g. a glossary's ``spoken_abbreviations()``) extend and override the built-in
    table. For Vietnamese only: numbers in H'Mông, Thái or Khơ Mú text would come out as Vietnamese words.
    """
    return normalize(text, abbreviations).text
