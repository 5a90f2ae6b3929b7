"""Letters read one by one, the test for a Vietnamese syllable, and web and e-mail addresses read aloud.

Letter names (one convention, as Vietnamese announcers spell abbreviations nobody has a reading for):
A "a", Ă "á", Â "ớ", B "bê", C "xê", D "dê", Đ "đê", E "e", Ê "ê", F "ép", G "gờ", H "hát", I "i",
J "gi", K "ca", L "lờ", M "mờ", N "nờ", O "o", Ô "ô", Ơ "ơ", P "pê", Q "quy", R "rờ", S "ét", T "tê",
U "u", Ư "ư", V "vê", W "vê kép", X "ích", Y "i dài", Z "dét". G is "gờ" (not "giê") because that is
how "GDP", "4G" and ".gov" are said on air; L, M, N are the short "lờ, mờ, nờ".

Addresses: "." is "chấm", "/" "xẹt", "@" "a còng", "-" "gạch ngang", "_" "gạch dưới", ":" "hai chấm";
"http://", "https://" are not read; a known part is read as its words (dichvucong → "dịch vụ công",
gov → "gờ ô vê", vn → "vê en"), digits one by one, a single letter or a part that is no run of Vietnamese-like syllables
letter by letter, any other part as written.
"""

from __future__ import annotations

import re
import unicodedata

LETTER_NAMES: dict[str, str] = {
    "A": "a", "Ă": "á", "Â": "ớ", "B": "bê", "C": "xê", "D": "dê", "Đ": "đê", "E": "e", "Ê": "ê", "F": "ép",
    "G": "gờ", "H": "hát", "I": "i", "J": "gi", "K": "ca", "L": "lờ", "M": "mờ", "N": "nờ", "O": "o", "Ô": "ô",
    "Ơ": "ơ", "P": "pê", "Q": "quy", "R": "rờ", "S": "ét", "T": "tê", "U": "u", "Ư": "ư", "V": "vê",
    "W": "vê kép", "X": "ích", "Y": "i dài", "Z": "dét",
}

from .numbers import DIGITS  # noqa: E402

_SYLLABLE = re.compile(
    r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?[aeiouy]{1,3}(?:ch|ng|nh|[cmnpt])?"
)


def strip_marks(text: str) -> str:
    """Lower case without tone or vowel marks, đ as d: "ĐƯỜNG" → "duong"."""
    decomposed = unicodedata.normalize("NFD", text.lower().replace("đ", "d"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def is_syllable(token: str) -> bool:
    """True when ``token`` could be one Vietnamese syllable ("KINH", "TẾ", "ĐƯỜNG"), not an acronym ("UBND")."""
    return bool(_SYLLABLE.fullmatch(strip_marks(token)))


def spell(token: str) -> str:
    """Letter by letter, digits as digits: "HTX" → "hát tê ích", "H5N1" → "hát năm nờ một"."""
    words = []
    for c in token:
        up = c.upper()
        if up in LETTER_NAMES:
            words.append(LETTER_NAMES[up])
        elif c.isdigit() and c.isascii():
            words.append(DIGITS[int(c)])
    return " ".join(words)


#: Parts of web and e-mail addresses with a reading (lower case, as typed in addresses).
ADDRESS_WORDS: dict[str, str] = {
    "vn": "vê en", "gov": "gờ ô vê", "com": "com", "net": "nét", "org": "o rờ gờ", "edu": "e đu",
    "info": "in phô", "www": "vê kép vê kép vê kép", "int": "in", "io": "i o",
    "dichvucong": "dịch vụ công", "dvc": "đê vê xê", "baohiemxahoi": "bảo hiểm xã hội", "chinhphu": "chính phủ",
    "baochinhphu": "báo chính phủ", "thuvienphapluat": "thư viện pháp luật", "congbao": "công báo",
    "dienbien": "điện biên", "laichau": "lai châu", "laocai": "lào cai", "sonla": "sơn la", "hanoi": "hà nội",
    "muongnhe": "mường nhé", "sinho": "sìn hồ", "tuangiao": "tuần giáo", "muongte": "mường tè",
    "dichvu": "dịch vụ", "congan": "công an", "ubnd": "u bê nờ đê", "vssid": "vê ét ét i đê",
    "vneid": "vê nờ e ai đi", "covid": "cô vít", "home": "hôm", "html": "hát tê mờ lờ", "zalo": "da lô", "facebook": "phây búc", "youtube": "diu túp", "gmail": "gờ meo",
    "yahoo": "da hu", "google": "gu gồ", "hotro": "hỗ trợ", "tiemchung": "tiêm chủng", "tiemchungmorong":
    "tiêm chủng mở rộng", "moh": "mờ o hát", "mic": "mờ i xê", "csgt": "xê ét gờ tê", "thongtin": "thông tin",
    "tintuc": "tin tức", "vanban": "văn bản", "nongthonmoi": "nông thôn mới", "giaoduc": "giáo dục", "yte": "y tế",
    "suckhoe": "sức khỏe", "phapluat": "pháp luật", "lienhe": "liên hệ", "canhbao": "cảnh báo", "thoitiet":
    "thời tiết", "nchmf": "nờ xê hát mờ ép", "baohiem": "bảo hiểm", "xahoi": "xã hội", "bhxh": "bê hát ích hát",
    "vss": "vê ét ét", "hcm": "hát xê mờ", "evn": "e vê nờ", "vnpt": "vê nờ pê tê", "viettel": "việt ten",
    "mobifone": "mô bi phôn", "vinaphone": "vi na phôn", "vtv": "vê tê vê", "vov": "vê o vê", "nhandan": "nhân dân",
    "qdnd": "quy đê nờ đê", "dangcongsan": "đảng cộng sản", "quochoi": "quốc hội",
}

_SEPARATORS = {".": "chấm", "/": "xẹt", "@": "a còng", "-": "gạch ngang", "_": "gạch dưới", ":": "hai chấm",
               "?": "dấu hỏi", "=": "bằng", "&": "và", "#": "thăng", "~": "dấu ngã", "%": "phần trăm", "+": "cộng"}

_PRONOUNCEABLE = re.compile(r"(?:" + _SYLLABLE.pattern + r"){1,4}")


def _read_label(label: str, unknown: list[str]) -> str:
    low = label.lower()
    if low in ADDRESS_WORDS:
        return ADDRESS_WORDS[low]
    if low.isdigit():
        return spell(low)
    pieces = re.findall(r"[^\W\d_]+|\d+", low)
    out = []
    for piece in pieces:
        if piece in ADDRESS_WORDS:
            out.append(ADDRESS_WORDS[piece])
        elif piece.isdigit() or len(piece) == 1 or not _PRONOUNCEABLE.fullmatch(strip_marks(piece)):
            out.append(spell(piece))
        else:
            unknown.append(piece)
            out.append(piece)
    return " ".join(out)


def read_address(address: str, unknown: list[str] | None = None) -> str:
    """A web or e-mail address aloud: "dichvucong.gov.vn" → "dịch vụ công chấm gờ ô vê chấm vê en".

    Parts read as written (no reading known, pronounceable) are appended to ``unknown``.
    """
    unknown = [] if unknown is None else unknown
    text = re.sub(r"^(?i:https?://)", "", address.strip())
    words = []
    for part in re.split(r"([./@\-_:?=&#~%+])", text):
        if not part:
            continue
        if part in _SEPARATORS:
            words.append(_SEPARATORS[part])
        else:
            words.append(_read_label(part, unknown))
    return " ".join(w for w in words if w)


#: Deprecated alias kept for the name the issue used.
read_url = read_address
read_email = read_address
