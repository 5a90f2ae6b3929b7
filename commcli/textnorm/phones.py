"""Telephone, hotline and service numbers, digit by digit in groups ("không chín một hai, ba bốn năm, …")."""

from __future__ import annotations

import re

from .numbers import read_digits

#: Short numbers always read digit by digit when the context says they are to be called
#: (REFERENCE.md: 111 child protection, 112 rescue, 113 police, 114 fire, 115 ambulance, 1022 hotlines).
SERVICE_NUMBERS = frozenset({
    "111", "112", "113", "114", "115", "116", "117", "118", "119",
    "1022", "1080", "1088", "1089", "1090", "1095", "1096", "18001", "19001",
})

def _default_groups(digits: str) -> list[str]:
    sizes = (4, 3, 3) if len(digits) == 10 else (4, 3, 4) if len(digits) == 11 else None
    if len(digits) == 8 and digits[:2] in ("18", "19"):
        sizes = (4, 4)
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


def read_service_number(digits: str) -> str:
    """An emergency or hotline number: "115" → "một một năm"."""
    return read_digits(digits)
