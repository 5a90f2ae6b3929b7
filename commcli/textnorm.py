"""Vietnamese text normalization before speech synthesis: numbers, dates, times, money, units, abbreviations.

Northern reading (the communes served are in Điện Biên and Lai Châu): "nghìn" not "ngàn",
"linh" not "lẻ" for a zero tens place. Everything here is a pure function of its arguments.

Conventions chosen (and tested in tests/test_textnorm.py):

- Sound changes after a tens word "mươi": 1 → "mốt", 4 → "tư", 5 → "lăm" (21, 24, 25);
  after "mười" only 5 changes (15 → "mười lăm", 11 → "mười một", 14 → "mười bốn").
  After "linh" nothing changes (105 → "một trăm linh năm", 104 → "một trăm linh bốn").
- A zero hundreds place inside a larger number is read "không trăm"
  (2026 → "hai nghìn không trăm hai mươi sáu"); whole zero groups are skipped
  (1000005 → "một triệu không trăm linh năm").
- Scales: nghìn, triệu, tỷ; above a tỷ the tỷ count is read as a number
  (10^12 → "một nghìn tỷ", 10^15 → "một triệu tỷ").
- Decimals use a comma. The part after "phẩy" is read as a number when it has one or two
  digits and no leading zero, as radio announcers do ("17,66" → "mười bảy phẩy sáu mươi sáu");
  otherwise digit by digit ("17,05" → "mười bảy phẩy không năm", "8,569" → "tám phẩy năm sáu chín").
- In running text a dot followed by groups of exactly three digits separates thousands
  ("489.000"); any other dot between digits is read "chấm" ("4.0", section "2.1").
- Dates: "ngày mười tám tháng chín năm hai nghìn không trăm mười tám"; January "tháng một",
  April "tháng tư". A day/month pair without a year ("22/11") is read as a date when a date word
  precedes it (ngày, sáng, chiều, hôm...), when it is written with a leading zero, or when the
  day is larger than the month; otherwise a slash between numbers is a ratio "trên"
  ("4/8 huyện" → "bốn trên tám huyện").
- Phone numbers digit by digit, 0 as "không", groups separated by commas (a short pause);
  unwritten groups follow 4-3-3 (mobile) or 4-3-4 (landline).
- Ordinals after "thứ": 1 → "nhất", 4 → "tư", otherwise the number.
- Roman numerals only after a word that makes them unambiguous (quý, khóa, thế kỷ, đại hội, ...).
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from decimal import Decimal

__all__ = [
    "DEFAULT_ABBREVIATIONS",
    "expand_abbreviations",
    "normalize_vi",
    "read_date",
    "read_decimal",
    "read_digits",
    "read_number",
    "read_ordinal",
    "read_phone",
    "read_roman",
    "read_time",
]

DIGITS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")

#: The commonest abbreviations of local administration, read as words. A glossary's own
#: spoken forms (``gl.spoken_abbreviations()``) override these in :func:`normalize_vi`.
DEFAULT_ABBREVIATIONS: dict[str, str] = {
    "UBND": "ủy ban nhân dân",
    "HĐND": "hội đồng nhân dân",
    "UBMTTQ": "ủy ban mặt trận tổ quốc",
    "MTTQ": "mặt trận tổ quốc",
    "BHYT": "bảo hiểm y tế",
    "BHXH": "bảo hiểm xã hội",
    "CCCD": "căn cước công dân",
    "CMND": "chứng minh nhân dân",
    "THCS": "trung học cơ sở",
    "THPT": "trung học phổ thông",
    "TP.HCM": "thành phố Hồ Chí Minh",
    "TPHCM": "thành phố Hồ Chí Minh",
    "TP.": "thành phố",
    "TP": "thành phố",
    "DTTS": "dân tộc thiểu số",
    "NTM": "nông thôn mới",
    "KT-XH": "kinh tế - xã hội",
    "GD&ĐT": "giáo dục và đào tạo",
    "BCH": "ban chấp hành",
    "HTX": "hợp tác xã",
    "Tp.": "thành phố",
    "TW": "trung ương",
    "SĐT": "số điện thoại",
    "QĐ": "quyết định",
    "NQ": "nghị quyết",
    "NĐ": "nghị định",
    "TU": "tỉnh ủy",
}

_LETTER = r"[^\W\d_]"  # any Unicode letter


# --------------------------------------------------------------------------- numbers


def _tens_units(t: int, u: int, after_hundreds: bool) -> list[str]:
    """Words for the last two digits of a group; ``after_hundreds`` when "trăm" was said."""
    if t == 0 and u == 0:
        return []
    if t == 0:
        return ["linh", DIGITS[u]] if after_hundreds else [DIGITS[u]]
    if t == 1:
        words = ["mười"]
        if u == 5:
            words.append("lăm")
        elif u:
            words.append(DIGITS[u])
        return words
    words = [DIGITS[t], "mươi"]
    if u == 1:
        words.append("mốt")
    elif u == 4:
        words.append("tư")
    elif u == 5:
        words.append("lăm")
    elif u:
        words.append(DIGITS[u])
    return words


def _group(g: int, full: bool) -> list[str]:
    """Words for 1..999; ``full`` reads a zero hundreds place ("không trăm") inside a number."""
    h, rest = divmod(g, 100)
    t, u = divmod(rest, 10)
    words: list[str] = []
    if h or full:
        words += [DIGITS[h], "trăm"]
    return words + _tens_units(t, u, after_hundreds=bool(words))


def _read_positive(n: int, leading: bool) -> list[str]:
    if n >= 10**9:
        q, r = divmod(n, 10**9)
        words = _read_positive(q, leading) + ["tỷ"]
        if r:
            words += _read_positive(r, leading=False)
        return words
    words: list[str] = []
    started = not leading
    for scale, word in ((10**6, "triệu"), (10**3, "nghìn"), (1, "")):
        g = (n // scale) % 1000
        if g == 0:
            continue
        words += _group(g, full=started)
        if word:
            words.append(word)
        started = True
    return words


def read_number(n: int) -> str:
    """An integer in words, Northern reading: 2026 → "hai nghìn không trăm hai mươi sáu"."""
    n = int(n)
    if n < 0:
        return "âm " + read_number(-n)
    if n == 0:
        return "không"
    return " ".join(_read_positive(n, leading=True))


def read_digits(digits: str) -> str:
    """Each digit of ``digits`` in words, 0 as "không"; other characters are dropped."""
    return " ".join(DIGITS[int(c)] for c in digits if c.isdigit())


def read_ordinal(n: int) -> str:
    """The word after "thứ": 1 → "nhất", 4 → "tư", otherwise the number ("mười", "hai mươi tư")."""
    if n == 1:
        return "nhất"
    if n == 4:
        return "tư"
    return read_number(n)


def _fraction_words(frac: str) -> str:
    if len(frac) <= 2 and not frac.startswith("0"):
        return read_number(int(frac))
    return read_digits(frac)


def read_decimal(value: str | int | float | Decimal) -> str:
    """A decimal number in words, comma as decimal separator: "17,66" → "mười bảy phẩy sáu mươi sáu".

    Strings: "," is the decimal separator, "." separates thousands when followed by groups of
    three digits ("1.234,5"), otherwise it is taken as a decimal point ("0.5"). Numbers (int,
    float, Decimal) are read as written by ``str()``.
    """
    if isinstance(value, bool):
        raise TypeError("read_decimal needs a number, not a bool")
    if isinstance(value, int):
        return read_number(value)
    if isinstance(value, (float, Decimal)):
        text = format(value, "f") if isinstance(value, Decimal) else repr(value)
        if "e" in text or "E" in text:
            text = format(Decimal(text), "f")
        text = text.replace(".", ",")
    else:
        text = unicodedata.normalize("NFC", str(value)).strip().replace(" ", "")
    sign = ""
    if text[:1] in "-−":
        sign, text = "âm ", text[1:]
    elif text[:1] == "+":
        text = text[1:]
    if "," in text:
        whole, _, frac = text.partition(",")
        whole = whole.replace(".", "")
    elif re.fullmatch(r"\d{1,3}(?:\.\d{3})+", text):
        whole, frac = text.replace(".", ""), ""
    else:
        whole, _, frac = text.partition(".")
    if not re.fullmatch(r"\d*", whole) or not re.fullmatch(r"\d*", frac) or not (whole or frac):
        raise ValueError(f"not a decimal number: {value!r}")
    words = read_number(int(whole or "0"))
    if frac:
        words += " phẩy " + _fraction_words(frac)
    return sign + words


# --------------------------------------------------------------------------- dates, times, phones


def _month_word(month: int) -> str:
    return "tư" if month == 4 else read_number(month)


def read_date(
    day: int | None,
    month: int,
    year: int | None = None,
    *,
    mung: bool = False,
    prefix: bool = True,
) -> str:
    """A date in words: (18, 9, 2018) → "ngày mười tám tháng chín năm hai nghìn không trăm mười tám".

    ``day`` None reads only month and year ("tháng tư năm ..."). ``mung`` says "mùng" before
    days 1–10 ("ngày mùng một tháng một"). ``prefix`` False leaves out the leading "ngày" (for
    text that already has it). Raises ValueError for an impossible date.
    """
    if not 1 <= month <= 12:
        raise ValueError(f"month out of range: {month}")
    parts: list[str] = []
    if day is not None:
        last = calendar.monthrange(year if year else 2024, month)[1]
        if not 1 <= day <= last:
            raise ValueError(f"day out of range: {day}/{month}")
        if prefix:
            parts.append("ngày")
        if mung and day <= 10:
            parts.append("mùng")
        parts.append(read_number(day))
    parts += ["tháng", _month_word(month)]
    if year is not None:
        parts += ["năm", read_number(year)]
    return " ".join(parts)


_TIME_TEXT = re.compile(r"^\s*(\d{1,2})\s*(?::|h|g|giờ)\s*(\d{1,2})?\s*(?:phút|p|')?\s*$", re.IGNORECASE)


def read_time(hour: int | str, minute: int | None = None) -> str:
    """A clock time in words: "14:30", "14h30", "14 giờ 30" or (14, 30) → "mười bốn giờ ba mươi phút".

    Whole hours leave out the minutes ("14h00" → "mười bốn giờ").
    """
    if isinstance(hour, str):
        m = _TIME_TEXT.match(unicodedata.normalize("NFC", hour))
        if not m:
            raise ValueError(f"not a clock time: {hour!r}")
        hour, minute = int(m.group(1)), int(m.group(2) or 0)
    minute = minute or 0
    if not (0 <= hour <= 24 and 0 <= minute <= 59):
        raise ValueError(f"not a clock time: {hour}:{minute}")
    words = read_number(hour) + " giờ"
    if minute:
        words += " " + read_number(minute) + " phút"
    return words


def _default_groups(digits: str) -> list[str]:
    sizes = (4, 3, 3) if len(digits) == 10 else (4, 3, 4) if len(digits) == 11 else None
    if sizes is None:
        return [digits[i : i + 3] for i in range(0, len(digits), 3)]
    out, i = [], 0
    for s in sizes:
        out.append(digits[i : i + s])
        i += s
    return out


def read_phone(text: str) -> str:
    """A phone number digit by digit, groups as written (or 4-3-3 / 4-3-4), "+" as "cộng".

    "0912 345 678" → "không chín một hai, ba bốn năm, sáu bảy tám".
    """
    text = text.strip()
    lead = ""
    if text.startswith("+"):
        lead, text = "cộng ", text[1:]
    groups = [g for g in re.split(r"[\s.\-()]+", text) if g]
    if lead and groups and len(groups[0]) > 2 and groups[0].startswith("84"):
        groups = ["84", groups[0][2:]] + groups[1:]
    if len(groups) == 1 and not lead:
        groups = _default_groups(groups[0])
    return lead + ", ".join(read_digits(g) for g in groups)


_ROMAN = re.compile(r"M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}


def read_roman(numeral: str) -> int | None:
    """The value of a well-formed upper-case Roman numeral, or None."""
    if not numeral or not _ROMAN.fullmatch(numeral):
        return None
    total = 0
    for i, c in enumerate(numeral):
        v = _ROMAN_VALUES[c]
        nxt = _ROMAN_VALUES[numeral[i + 1]] if i + 1 < len(numeral) else 0
        total += -v if v < nxt else v
    return total


# --------------------------------------------------------------------------- abbreviations


def expand_abbreviations(text: str, spoken: dict[str, str] | None = None) -> str:
    """Replace whole-word, case-sensitive abbreviations by their spoken form, longest first.

    ``spoken`` maps abbreviation → words (a glossary's ``spoken_abbreviations()``); None uses
    :data:`DEFAULT_ABBREVIATIONS`. An abbreviation inside a longer word is left alone.
    """
    table = DEFAULT_ABBREVIATIONS if spoken is None else spoken
    keys = sorted(
        (unicodedata.normalize("NFC", k) for k in table if k and k.strip()),
        key=lambda k: (-len(k), k),
    )
    if not keys:
        return text
    values = {unicodedata.normalize("NFC", k): unicodedata.normalize("NFC", v) for k, v in table.items()}
    pattern = re.compile(r"(?<![\w])(?:" + "|".join(re.escape(k) for k in keys) + r")(?![\w])")
    return pattern.sub(lambda m: values[m.group(0)], text)


# --------------------------------------------------------------------------- the pipeline

_DATE_CUES = {"ngày", "hôm", "sáng", "trưa", "chiều", "tối", "đêm", "mùng", "mồng", "hạn"}
_SCALE = r"(?:\s*(?:nghìn|ngàn|triệu|tỷ|tỉ|trăm))?"

_UNITS: list[tuple[str, str]] = [
    ("km²", "ki-lô-mét vuông"),
    ("km2", "ki-lô-mét vuông"),
    ("km/h", "ki-lô-mét trên giờ"),
    ("km", "ki-lô-mét"),
    ("m²", "mét vuông"),
    ("m2", "mét vuông"),
    ("m³", "mét khối"),
    ("m3", "mét khối"),
    ("cm", "xăng-ti-mét"),
    ("mm", "mi-li-mét"),
    ("m", "mét"),
    ("ha", "héc-ta"),
    ("kg", "ki-lô-gam"),
    ("ml", "mi-li-lít"),
    ("kWh", "ki-lô-oát giờ"),
    ("kW", "ki-lô-oát"),
    ("MW", "mê-ga-oát"),
    ("kV", "ki-lô-vôn"),
    ("°C", "độ xê"),
    ("℃", "độ xê"),
    ("°", "độ"),
    ("%", "phần trăm"),
]
_UNIT_WORDS = dict(_UNITS)
_UNIT_RE = re.compile(
    r"(\d)(" + _SCALE + r")\s*(" + "|".join(re.escape(u) for u, _ in _UNITS) + r")(?![^\W\d_]|[²³])"
)
_CURRENCY_RE = re.compile(r"(\d)(" + _SCALE + r")\s*(VNĐ|VND|vnđ|vnd|đồng|đ|USD)(?![^\W\d_])")


def _prev_word(s: str, pos: int) -> str:
    m = re.search(r"(\w+)\W*$", s[max(0, pos - 40) : pos])
    return m.group(1).lower() if m else ""


def _sub_iso_dates(text: str) -> str:
    def repl(m: re.Match) -> str:
        y, mo, d = int(m.group(2)), int(m.group(3)), int(m.group(4))
        try:
            return (m.group(1) or "") + read_date(d, mo, y, prefix=not m.group(1))
        except ValueError:
            return m.group(0)

    return re.sub(r"(?<![\d.,/])((?i:ngày)\s+)?(\d{4})-(\d{1,2})-(\d{1,2})(?![\d])", repl, text)


def _sub_full_dates(text: str) -> str:
    def repl(m: re.Match) -> str:
        d, mo, y = int(m.group(2)), int(m.group(4)), int(m.group(5))
        try:
            return (m.group(1) or "") + read_date(d, mo, y, prefix=not m.group(1))
        except ValueError:
            return m.group(0)

    return re.sub(
        r"(?<![\d.,/])((?i:ngày)\s+)?(\d{1,2})([/.\-])(\d{1,2})\3(\d{4})(?![\d]|[.,]\d)", repl, text
    )


def _sub_month_year(text: str) -> str:
    def repl(m: re.Match) -> str:
        cue, mo, y = m.group(1), int(m.group(2)), int(m.group(3))
        if cue and cue.strip().lower() == "quý":
            return f"{cue}{read_number(mo)} năm {read_number(y)}" if 1 <= mo <= 4 else m.group(0)
        if not 1 <= mo <= 12:
            return m.group(0)
        if cue:
            return f"{cue}{_month_word(mo)} năm {read_number(y)}"
        return read_date(None, mo, y)

    return re.sub(r"(?<![\d.,/])((?i:tháng|quý)\s+)?(\d{1,2})/((?:19|20)\d{2})(?![\d/]|[.,]\d)", repl, text)


def _sub_day_month(text: str) -> str:
    def repl(m: re.Match) -> str:
        ds, ms = m.group(2), m.group(3)
        d, mo = int(ds), int(ms)
        cue = bool(m.group(1)) or _prev_word(m.string, m.start()) in _DATE_CUES
        looks_like_date = cue or ds.startswith("0") or ms.startswith("0") or (d > mo and (d, mo) != (24, 7))
        if not looks_like_date:
            return m.group(0)
        try:
            return (m.group(1) or "") + read_date(d, mo, None, prefix=not m.group(1))
        except ValueError:
            return m.group(0)

    return re.sub(r"(?<![\d.,/])((?i:ngày)\s+)?(\d{1,2})/(\d{1,2})(?![\d/]|[.,]\d)", repl, text)


def _sub_day_month_ranges(text: str) -> str:
    """"1/5 đến 30/6", "1/5–30/6": both ends of a range of day/month pairs are dates."""

    def repl(m: re.Match) -> str:
        try:
            a = read_date(int(m.group(1)), int(m.group(2)), None, prefix=False)
            b = read_date(int(m.group(4)), int(m.group(5)), None, prefix=False)
        except ValueError:
            return m.group(0)
        joiner = m.group(3).strip()
        joiner = joiner if joiner in ("đến", "tới") else "đến"
        return f"{a} {joiner} ngày {b}"

    return re.sub(
        r"(?<![\d.,/])(\d{1,2})/(\d{1,2})(\s*(?:[–—\-]|đến|tới)\s*)(\d{1,2})/(\d{1,2})(?![\d/]|[.,]\d)",
        lambda m: _with_day_word(m, repl),
        text,
    )


def _sub_day_ranges(text: str) -> str:
    """"23–29/11/2026": a range of days in one month ("ngày hai mươi ba đến ngày hai mươi chín tháng ...")."""

    def repl(m: re.Match) -> str:
        d1, d2, mo = int(m.group(1)), int(m.group(3)), int(m.group(4))
        year = int(m.group(5)) if m.group(5) else None
        if d1 >= d2:
            return m.group(0)
        joiner = m.group(2).strip()
        prev = _prev_word(m.string, m.start())
        if year is None and not (
            prev in _DATE_CUES
            or (prev == "từ" and joiner in ("đến", "tới"))
            or m.group(4).startswith("0")
            or d2 > mo
        ):
            return m.group(0)
        try:
            read_date(d2, mo, year)
        except ValueError:
            return m.group(0)
        joiner = joiner if joiner in ("đến", "tới") else "đến"
        return f"{read_number(d1)} {joiner} {read_date(d2, mo, year)}"

    return re.sub(
        r"(?<![\d.,/])(\d{1,2})(\s*(?:[–—\-]|đến|tới)\s*)(\d{1,2})/(\d{1,2})(?:/(\d{4}))?(?![\d/]|[.,]\d)",
        lambda m: _with_day_word(m, repl),
        text,
    )


def _with_day_word(m: re.Match, repl) -> str:
    out = repl(m)
    if out == m.group(0):
        return out
    return out if _prev_word(m.string, m.start()) == "ngày" else "ngày " + out


def _sub_document_numbers(text: str) -> str:
    """Legal document numbers "15/2018/NĐ-CP": number and year ("mười lăm năm hai nghìn ...")."""
    return re.sub(
        r"(?<![\d.,/])(\d{1,5})/((?:19|20)\d{2})/(?=[A-ZĐ])",
        lambda m: f"{read_number(int(m.group(1)))} năm {read_number(int(m.group(2)))}, ",
        text,
    )


def _split_codes(text: str, table: dict[str, str]) -> str:
    """Split joined codes ("QĐ-UBND", "NQ/TU") into words so each abbreviation is read.

    A joined code that is itself an abbreviation ("KT-XH") stays whole.
    """
    keys = {unicodedata.normalize("NFC", k) for k in table}

    def repl(m: re.Match) -> str:
        token = m.group(0)
        return token if token in keys else re.sub(r"[-/]", " ", token)

    return re.sub(r"(?<![^\W\d_])[A-ZĐ]+(?:[-/][A-ZĐ]+)+(?![\w])", repl, text)


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
        body = head + "".join(pieces[:used])
        rest = "".join(pieces[used:])
        return read_phone(body) + rest

    text = _PHONE_RE.sub(repl, text)
    # Hotlines 1800/1900 xxxx(xx) are read digit by digit too.
    return re.sub(
        r"(?<![\d.,])(1[89]00)([ .]?)(\d{4}|\d{3}[ .]?\d{3})(?![\d]|[.,]\d)",
        lambda m: read_phone(m.group(1) + " " + m.group(3)),
        text,
    )


def _sub_roman(text: str) -> str:
    cues = r"quý|khóa|khoá|thế kỷ|thế kỉ|đại hội|kỳ họp|phần|chương|lần thứ|thứ"

    def repl(m: re.Match) -> str:
        value = read_roman(m.group(2))
        if value is None:
            return m.group(0)
        cue = m.group(1)
        words = read_ordinal(value) if cue.lower().endswith("thứ") else read_number(value)
        year = f" năm {m.group(3)}" if m.group(3) else ""
        return f"{cue} {words}{year}"

    return re.sub(
        r"(?<!\w)((?i:" + cues + r"))\s+([IVXLCDM]+)(?:/((?:19|20)\d{2}))?(?![\w])", repl, text
    )


def _sub_ordinals(text: str) -> str:
    def repl(m: re.Match) -> str:
        words = f"{m.group(1)} {read_ordinal(int(m.group(2)))}"
        if m.group(3):
            words += " trên " + read_number(int(m.group(3)))
        return words

    return re.sub(r"(?<!\w)([Tt]hứ)\s+(\d{1,3})(?:/(\d+))?(?![\d]|[.,]\d)", repl, text)


def _sub_ranges(text: str) -> str:
    # An en/em dash between two numbers is a range; so is a hyphen (dates and phones are gone).
    return re.sub(r"(\d(?:h|%)?)\s*[–—\-]\s*(?=\d)", r"\1 đến ", text)


def _sub_times(text: str) -> str:
    def repl(m: re.Match) -> str:
        h = int(m.group(1))
        mi = int(m.group(2)) if m.re.groups > 1 and m.group(2) else 0
        if h > 24 or mi > 59:
            return m.group(0)
        return read_time(h, mi)

    text = re.sub(r"(?<!\w)((?i:tỷ lệ|tỉ lệ|tỷ số|tỉ số)\s+)(\d+)\s*:\s*(\d+)", r"\1\2 trên \3", text)
    text = re.sub(
        r"(?<![\d.,:])(\d{1,2})\s*(?::|h|giờ)\s*(\d{2})(?:\s*(?:phút|p\b|'))?(?![\d]|:\d)", repl, text
    )
    return re.sub(r"(?<![\d.,:])(\d{1,2})h(?![^\W\d_]|\d)", repl, text)


def _read_token(tok: str) -> str:
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", tok):
        return read_decimal(tok)
    if re.fullmatch(r"\d{1,3}(?:,\d{3}){2,}", tok):
        return read_number(int(tok.replace(",", "")))
    if "," in tok:
        return read_decimal(tok)
    if "." in tok:
        return " chấm ".join(_read_token(p) for p in tok.split("."))
    if len(tok) > 15 or (tok.startswith("0") and len(tok) >= 4):
        return read_digits(tok)
    return read_number(int(tok))


_NUMBER_RE = re.compile(
    r"(?<!\d)(?:\d{1,3}(?:\.\d{3})+(?:,\d+)?(?![\d.]\d|\d)"
    r"|\d{1,3}(?:,\d{3}){2,}(?![\d,]\d|\d)"
    r"|\d+,\d+(?!\d)"
    r"|\d+(?:\.\d+)+(?!\d)"
    r"|\d+)"
)


def _sub_numbers(text: str) -> str:
    def repl(m: re.Match) -> str:
        words = _read_token(m.group(0))
        s, a, b = m.string, m.start(), m.end()
        if a > 0 and re.match(_LETTER, s[a - 1]):
            words = " " + words
        if b < len(s) and re.match(_LETTER, s[b]):
            words += " "
        return words

    return _NUMBER_RE.sub(repl, text)


def _collapse(text: str) -> str:
    lines = []
    for line in text.splitlines():
        line = re.sub(r"[ \t\f\v]+", " ", line).strip()
        line = re.sub(r" +([,.;:!?)\]])", r"\1", line)
        line = re.sub(r"([(\[]) +", r"\1", line)
        line = re.sub(r",(?:\s*,)+", ",", line)
        if line:
            lines.append(line)
    return "\n".join(lines)


def normalize_vi(text: str, abbreviations: dict[str, str] | None = None) -> str:
    """Vietnamese text as a speech engine should read it: every number, date, time, phone
    number, amount, unit and abbreviation written out in words (Northern reading).

    ``abbreviations`` (e.g. a glossary's ``spoken_abbreviations()``) extend and override
    :data:`DEFAULT_ABBREVIATIONS`. Pure and deterministic; line breaks are kept, other
    whitespace is collapsed. For Vietnamese only: numbers in H'Mông, Thái or Khơ Mú text
    would come out as Vietnamese words.
    """
    text = unicodedata.normalize("NFC", text)
    text = re.sub(r"[\u00a0\u2007\u2009\u202f]", " ", text)
    text = text.replace("\u2212", "-")
    text = _CURRENCY_RE.sub(
        lambda m: m.group(1) + m.group(2) + (" đô la Mỹ" if m.group(3) == "USD" else " đồng"), text
    )
    text = re.sub(r"\$\s*(\d[\d.,]*)", r"\1 đô la Mỹ", text)
    table = dict(DEFAULT_ABBREVIATIONS)
    if abbreviations:
        table.update(abbreviations)
    text = _sub_document_numbers(text)
    text = _split_codes(text, table)
    text = expand_abbreviations(text, table)
    # A dot before a scale word or a percent sign can only be a decimal point ("1.5 triệu").
    text = re.sub(r"(?<![\d.,])(\d+)\.(\d{1,2}|\d{4,})(?=\s*(?:nghìn|ngàn|triệu|tỷ|tỉ|%)(?!\w))", r"\1,\2", text)
    text = _sub_roman(text)
    text = _sub_iso_dates(text)
    text = _sub_day_ranges(text)
    text = _sub_full_dates(text)
    text = _sub_month_year(text)
    text = _sub_ordinals(text)
    text = _sub_day_month_ranges(text)
    text = _sub_day_month(text)
    text = _sub_phones(text)
    text = _sub_ranges(text)
    text = _sub_times(text)
    text = _UNIT_RE.sub(lambda m: f"{m.group(1)}{m.group(2)} {_UNIT_WORDS[m.group(3)]}", text)
    text = re.sub(r"(?<![\w])([Tt]háng)\s+0?4(?![\d]|[.,]\d)", r"\1 tư", text)
    # Remaining slashes: a ratio between numbers, "per" after a unit, a list between words.
    text = re.sub(r"(\d)\s*/\s*(?=\d)", r"\1 trên ", text)
    text = re.sub(
        r"(?<=[^\W\d_])\s*/\s*(?=(?:năm|tháng|tuần|ngày|giờ|người|hộ|lượt|khẩu)(?!\w))", " mỗi ", text
    )
    text = re.sub(
        r"(?<=[^\W\d_])\s*/\s*(" + "|".join(re.escape(u) for u, _ in _UNITS if u[0].isalpha()) + r")(?![^\W\d_]|[²³])",
        lambda m: " mỗi " + _UNIT_WORDS[m.group(1)],
        text,
    )
    text = re.sub(r"(?<=\w)\s*/\s*(?=\w)", ", ", text)
    text = re.sub(r"(?<![\w.,])-(?=\d)", "âm ", text)
    text = re.sub(r"(?<=[^\W\d_])-(?=\d)|(?<=\d)-(?=[^\W\d_])", " ", text)
    text = _sub_numbers(text)
    text = text.replace("&", " và ")
    text = re.sub(r"(?m)^\s*[-–—•]\s+", "", text)
    text = re.sub(r"\s+[–—-]\s+", ", ", text)
    return _collapse(text)
