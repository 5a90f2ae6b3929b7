"""Vietnamese number words (Northern reading): cardinals, digits, decimals, ordinals, fractions.

- After a tens word "mươi": 1 → "mốt", 4 → "tư", 5 → "lăm" (21, 24, 25); after "mười" only 5 changes
  (15 → "mười lăm"); after "linh" nothing changes (105 → "một trăm linh năm").
- A zero hundreds place inside a larger number is "không trăm" (2026 → "hai nghìn không trăm hai mươi sáu");
  whole zero groups are skipped (1000005 → "một triệu không trăm linh năm").
- Scales nghìn, triệu, tỷ; above a tỷ the count of tỷ is read as a number (10^12 → "một nghìn tỷ").
- After "phẩy" one or two digits without a leading zero are read as a number ("17,66" → "mười bảy phẩy
  sáu mươi sáu"), anything else digit by digit ("17,05" → "mười bảy phẩy không năm").
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal

DIGITS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")


def _tens_units(t: int, u: int, after_hundreds: bool) -> list[str]:
    if t == 0 and u == 0:
        return []
    if t == 0:
        return ["linh", DIGITS[u]] if after_hundreds else [DIGITS[u]]
    if t == 1:
        return ["mười", "lăm"] if u == 5 else ["mười", DIGITS[u]] if u else ["mười"]
    words = [DIGITS[t], "mươi"]
    if u:
        words.append({1: "mốt", 4: "tư", 5: "lăm"}.get(u, DIGITS[u]))
    return words


def _group(g: int, full: bool) -> list[str]:
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


_CACHE: dict[int, str] = {}


def read_number(n: int) -> str:
    """An integer in words, Northern reading: 2026 → "hai nghìn không trăm hai mươi sáu"."""
    n = int(n)
    cached = _CACHE.get(n)
    if cached is not None:
        return cached
    if n < 0:
        words = "âm " + read_number(-n)
    elif n == 0:
        words = "không"
    else:
        words = " ".join(_read_positive(n, leading=True))
    if len(_CACHE) < 4096:
        _CACHE[n] = words
    return words


#: The same function under the name the semiotic class has (cardinal).
read_cardinal = read_number


def read_digits(digits: str) -> str:
    """Each digit of ``digits`` in words, 0 as "không"; other characters are dropped."""
    return " ".join(DIGITS[int(c)] for c in digits if c.isdigit() and c.isascii())


def read_digit_groups(digits: str, size: int = 3) -> str:
    """A long code digit by digit, a comma (short pause) every ``size`` digits from the left."""
    digits = "".join(c for c in digits if c.isdigit() and c.isascii())
    return ", ".join(read_digits(digits[i : i + size]) for i in range(0, len(digits), size))


def read_ordinal(n: int) -> str:
    """The word after "thứ": 1 → "nhất", 4 → "tư", otherwise the number ("mười", "hai mươi tư")."""
    if n == 1:
        return "nhất"
    if n == 4:
        return "tư"
    return read_number(n)


def read_fraction(numerator: int, denominator: int) -> str:
    """A true fraction: 1/2 → "một phần hai", 3/4 → "ba phần tư"."""
    den = "tư" if denominator == 4 else read_number(denominator)
    return f"{read_number(numerator)} phần {den}"


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
    if text[:1] in ("-", "−"):
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
    if not re.fullmatch(r"[0-9]*", whole) or not re.fullmatch(r"[0-9]*", frac) or not (whole or frac):
        raise ValueError(f"not a decimal number: {value!r}")
    words = read_number(int(whole or "0"))
    if frac:
        words += " phẩy " + _fraction_words(frac)
    return sign + words
