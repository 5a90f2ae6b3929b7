"""Dates and clock times in words: "ngày mười tám tháng chín năm hai nghìn không trăm mười tám", "bảy giờ ba mươi phút"."""

from __future__ import annotations

import calendar
import re
import unicodedata

from .numbers import read_number


def month_word(month: int) -> str:
    """April is "tư" ("tháng tư"); every other month its number ("tháng một", "tháng mười hai")."""
    return "tư" if month == 4 else read_number(month)


def is_date(day: int, month: int, year: int | None = None) -> bool:
    if not 1 <= month <= 12:
        return False
    return 1 <= day <= calendar.monthrange(year if year else 2024, month)[1]


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
        if not is_date(day, month, year):
            raise ValueError(f"day out of range: {day}/{month}")
        if prefix:
            parts.append("ngày")
        if mung and day <= 10:
            parts.append("mùng")
        parts.append(read_number(day))
    parts += ["tháng", month_word(month)]
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
