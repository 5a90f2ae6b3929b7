"""Pure checks on text: Unicode NFC and legacy Vietnamese encodings (TCVN3/ABC, VNI, Windows-1258)."""

from __future__ import annotations

import re
import unicodedata

from .i18n import _

# Every letter Vietnamese writes (NFC), so anything else in U+0080–U+00FF is suspect.
_VIETNAMESE_LETTERS = set(
    "àáâãèéêìíòóôõùúýăđĩũơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ"
)
_VIETNAMESE_LETTERS |= {c.upper() for c in _VIETNAMESE_LETTERS}

# Characters a TCVN3 (ABC) file shows when its bytes are read as Windows-1252/Latin-1.
_TCVN3_SIGNS = set("µ¸¶·¹¨»¾¼½Æ©ÇÊÈÉË®ÌÐÎÏÑªÒÕÓÔÖ×ÝØÜÞßãáâäåæç«èëéêíìîïñ¬óòôõöøùúûüþ¡¢§£¤¥¦")
# VNI-Windows writes tones as separate Latin-1 letters after the vowel: "Vieät", "ñöôøng".
_VNI_PATTERN = re.compile(r"[aeiouyAEIOUY][øùûõïöôâêáàåãäÙØÛÕÏÖÔÂÊÁÀÅÃÄ]|[ñÑ][aeiouöô]")
# Letters only VNI produces: ư as "ö", đ as "ñ", tones "ø" (huyền), "û" (hỏi), "ï" (nặng).
_VNI_ONLY = set("öñøûïÖÑØÛÏ")
# Windows-1258 decomposes tones into combining marks U+0300.. read as CP1252 letters.
_CP1258_MARKS = set("ÌÒÞìòþ")


def to_nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def legacy_encoding(text: str) -> str | None:
    """The legacy Vietnamese encoding ``text`` seems to be written in, or None.

    A heuristic: several characters that never occur in Unicode Vietnamese but are what
    TCVN3 or VNI bytes look like when read as Windows-1252. Needs at least two such signs
    in the text so a lone "©" or "µ" in an otherwise normal text passes.
    """
    odd = [c for c in text if "\u0080" <= c <= "\u00ff" and c not in _VIETNAMESE_LETTERS]
    if len(odd) < 2:
        return None
    vni_hits = len(_VNI_PATTERN.findall(text)) + sum(1 for c in odd if c in _VNI_ONLY)
    tcvn_hits = sum(1 for c in odd if c in _TCVN3_SIGNS and c not in _VNI_ONLY)
    if vni_hits >= 2 and vni_hits >= tcvn_hits:
        return "VNI-Windows"
    if tcvn_hits >= 2:
        return "TCVN3 (ABC)"
    if sum(1 for c in odd if c in _CP1258_MARKS) >= 2:
        return "Windows-1258"
    return None


def guess_bytes_encoding(data: bytes) -> str | None:
    """For bytes that are not UTF-8: the Vietnamese 8-bit encoding they most likely are."""
    try:
        text = data.decode("cp1258")
    except UnicodeDecodeError:
        return None
    text = to_nfc(text)
    viet = sum(1 for c in text if c in _VIETNAMESE_LETTERS)
    if viet >= 2:
        return "Windows-1258"
    latin1 = data.decode("latin-1")
    if legacy_encoding(latin1):
        return legacy_encoding(latin1)
    return None


def legacy_hint(encoding: str) -> str:
    return _(
        "The text looks like it is in the old {encoding} encoding. Convert the file to Unicode "
        "(for example UniKey: Ctrl+Shift+F6, source {encoding}, destination Unicode) and save it as UTF-8."
    ).format(encoding=encoding)


# Tone marks of Vietnamese-based Latin orthographies (Vietnamese, Thái and Khơ Mú Latin, Chữ Hmông Việt uses
# none): a vowel carries at most one; vowel-quality marks (circumflex, breve, horn) at most once each.
_TONE_MARKS = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def impossible_marks(text: str) -> list[tuple[int, str]]:
    """``(offset, cluster)`` for each letter carrying two tone marks, or one combining mark twice ("Ạ̀"):
    sequences no orthography allows, usually a slip of the input method. Offsets are into ``text``."""
    found: list[tuple[int, str]] = []
    i = 0
    while i < len(text):
        j = i + 1
        while j < len(text) and unicodedata.combining(text[j]):
            j += 1
        if j - i > 1 or unicodedata.decomposition(text[i]):
            marks = [c for c in unicodedata.normalize("NFD", text[i:j]) if unicodedata.combining(c)]
            if sum(1 for m in marks if m in _TONE_MARKS) > 1 or len(marks) != len(set(marks)):
                found.append((i, text[i:j]))
        i = j
    return found
