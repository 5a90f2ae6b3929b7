"""Vietnamese text normalization: numbers, decimals, dates, times, phones, money, units, abbreviations."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import unicodedata

import pytest

from commcli.textnorm import (
    DEFAULT_ABBREVIATIONS,
    expand_abbreviations,
    normalize_vi,
    read_date,
    read_decimal,
    read_digits,
    read_number,
    read_ordinal,
    read_phone,
    read_roman,
    read_time,
)

# --------------------------------------------------------------------------- read_number


@pytest.mark.parametrize(
    ("n", "words"),
    [
        (0, "không"),
        (1, "một"),
        (4, "bốn"),
        (5, "năm"),
        (10, "mười"),
        (11, "mười một"),
        (14, "mười bốn"),
        (15, "mười lăm"),
        (19, "mười chín"),
        (20, "hai mươi"),
        (21, "hai mươi mốt"),
        (24, "hai mươi tư"),
        (25, "hai mươi lăm"),
        (31, "ba mươi mốt"),
        (55, "năm mươi lăm"),
        (94, "chín mươi tư"),
        (100, "một trăm"),
        (101, "một trăm linh một"),
        (104, "một trăm linh bốn"),
        (105, "một trăm linh năm"),
        (110, "một trăm mười"),
        (111, "một trăm mười một"),
        (115, "một trăm mười lăm"),
        (121, "một trăm hai mươi mốt"),
        (696, "sáu trăm chín mươi sáu"),
        (1000, "một nghìn"),
        (1001, "một nghìn không trăm linh một"),
        (1005, "một nghìn không trăm linh năm"),
        (1010, "một nghìn không trăm mười"),
        (1015, "một nghìn không trăm mười lăm"),
        (1100, "một nghìn một trăm"),
        (2018, "hai nghìn không trăm mười tám"),
        (2021, "hai nghìn không trăm hai mươi mốt"),
        (2025, "hai nghìn không trăm hai mươi lăm"),
        (2026, "hai nghìn không trăm hai mươi sáu"),
        (2063, "hai nghìn không trăm sáu mươi ba"),
        (10000, "mười nghìn"),
        (11000, "mười một nghìn"),
        (100000, "một trăm nghìn"),
        (489000, "bốn trăm tám mươi chín nghìn"),
        (1000000, "một triệu"),
        (1000005, "một triệu không trăm linh năm"),
        (1005000, "một triệu không trăm linh năm nghìn"),
        (1050000, "một triệu không trăm năm mươi nghìn"),
        (2000000000, "hai tỷ"),
        (1000000005, "một tỷ không trăm linh năm"),
        (2063000000000, "hai nghìn không trăm sáu mươi ba tỷ"),
        (10**12, "một nghìn tỷ"),
        (10**15, "một triệu tỷ"),
        (-5, "âm năm"),
        (-2026, "âm hai nghìn không trăm hai mươi sáu"),
    ],
)
def test_read_number(n, words):
    assert read_number(n) == words


def test_no_num2words_mistakes():
    """REFERENCE.md: num2words(lang="vi") says "hai nghìn lẻ hai mươi sáu", "không phẩy năm mươi"."""
    assert "lẻ" not in read_number(2026)
    assert read_decimal(0.5) == "không phẩy năm"
    assert read_decimal("17,05") == "mười bảy phẩy không năm"


def test_read_digits_and_ordinals():
    assert read_digits("0215") == "không hai một năm"
    assert read_ordinal(1) == "nhất"
    assert read_ordinal(2) == "hai"
    assert read_ordinal(4) == "tư"
    assert read_ordinal(10) == "mười"
    assert read_ordinal(14) == "mười bốn"
    assert read_ordinal(24) == "hai mươi tư"


# --------------------------------------------------------------------------- decimals


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("0,5", "không phẩy năm"),
        ("17,05", "mười bảy phẩy không năm"),
        ("17,66", "mười bảy phẩy sáu mươi sáu"),
        ("1,5", "một phẩy năm"),
        ("5,5", "năm phẩy năm"),
        ("32,3", "ba mươi hai phẩy ba"),
        ("99,07", "chín mươi chín phẩy không bảy"),
        ("53,33", "năm mươi ba phẩy ba mươi ba"),
        ("10,25", "mười phẩy hai mươi lăm"),
        ("8,569", "tám phẩy năm sáu chín"),
        ("0,015", "không phẩy không một năm"),
        ("1.234,5", "một nghìn hai trăm ba mươi tư phẩy năm"),
        ("-3,5", "âm ba phẩy năm"),
        ("0.5", "không phẩy năm"),
        (0.5, "không phẩy năm"),
        (17.05, "mười bảy phẩy không năm"),
        (Decimal("47.2"), "bốn mươi bảy phẩy hai"),
        (12, "mười hai"),
    ],
)
def test_read_decimal(value, words):
    assert read_decimal(value) == words


@pytest.mark.parametrize("bad", ["", "abc", "1,2,3", "1,a"])
def test_read_decimal_refuses_non_numbers(bad):
    with pytest.raises(ValueError):
        read_decimal(bad)


# --------------------------------------------------------------------------- dates and times


def test_read_date_reference_case():
    assert read_date(18, 9, 2018) == "ngày mười tám tháng chín năm hai nghìn không trăm mười tám"


@pytest.mark.parametrize(
    ("args", "kwargs", "words"),
    [
        ((22, 11, 2026), {}, "ngày hai mươi hai tháng mười một năm hai nghìn không trăm hai mươi sáu"),
        ((30, 4, 1975), {}, "ngày ba mươi tháng tư năm một nghìn chín trăm bảy mươi lăm"),
        ((1, 1, 2026), {}, "ngày một tháng một năm hai nghìn không trăm hai mươi sáu"),
        ((1, 1, 2026), {"mung": True}, "ngày mùng một tháng một năm hai nghìn không trăm hai mươi sáu"),
        ((10, 2, None), {"mung": True}, "ngày mùng mười tháng hai"),
        ((11, 2, None), {"mung": True}, "ngày mười một tháng hai"),
        ((24, 12, None), {}, "ngày hai mươi tư tháng mười hai"),
        ((21, 4, 2025), {"prefix": False}, "hai mươi mốt tháng tư năm hai nghìn không trăm hai mươi lăm"),
        ((None, 4, 2025), {}, "tháng tư năm hai nghìn không trăm hai mươi lăm"),
    ],
)
def test_read_date(args, kwargs, words):
    assert read_date(*args, **kwargs) == words


@pytest.mark.parametrize("args", [(32, 1, 2026), (29, 2, 2025), (1, 13, 2026), (0, 5, None)])
def test_read_date_refuses_impossible_dates(args):
    with pytest.raises(ValueError):
        read_date(*args)


def test_read_date_leap_day():
    assert read_date(29, 2, 2024).startswith("ngày hai mươi chín tháng hai")


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("14:30", "mười bốn giờ ba mươi phút"),
        ("14h30", "mười bốn giờ ba mươi phút"),
        ("14 giờ 30", "mười bốn giờ ba mươi phút"),
        ("14 giờ 30 phút", "mười bốn giờ ba mươi phút"),
        ("7h", "bảy giờ"),
        ("07:05", "bảy giờ năm phút"),
        ("14h00", "mười bốn giờ"),
        ("21:15", "hai mươi mốt giờ mười lăm phút"),
    ],
)
def test_read_time(value, words):
    assert read_time(value) == words


def test_read_time_numbers_and_refusals():
    assert read_time(6, 45) == "sáu giờ bốn mươi lăm phút"
    with pytest.raises(ValueError):
        read_time("25:00")
    with pytest.raises(ValueError):
        read_time("nửa đêm")


# --------------------------------------------------------------------------- phones and roman numerals


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("0912 345 678", "không chín một hai, ba bốn năm, sáu bảy tám"),
        ("0912345678", "không chín một hai, ba bốn năm, sáu bảy tám"),
        ("0215 3 740 123", "không hai một năm, ba, bảy bốn không, một hai ba"),
        ("+84 912 345 678", "cộng tám bốn, chín một hai, ba bốn năm, sáu bảy tám"),
        ("+84912345678", "cộng tám bốn, chín một hai ba bốn năm sáu bảy tám"),
    ],
)
def test_read_phone(value, words):
    assert read_phone(value) == words


@pytest.mark.parametrize(
    ("numeral", "value"),
    [("I", 1), ("IV", 4), ("IX", 9), ("XIII", 13), ("XV", 15), ("XXI", 21), ("MCMXLV", 1945), ("IIII", None), ("", None), ("VX", None)],
)
def test_read_roman(numeral, value):
    assert read_roman(numeral) == value


# --------------------------------------------------------------------------- abbreviations


def test_expand_abbreviations_whole_words_case_sensitive_longest_first():
    spoken = {"UBND": "ủy ban nhân dân", "UBND xã": "ủy ban xã", "VNeID": "vê nờ e ai đi", "OCOP": "ô cốp"}
    assert expand_abbreviations("UBND xã Sìn Hồ", spoken) == "ủy ban xã Sìn Hồ"
    assert expand_abbreviations("UBND huyện", spoken) == "ủy ban nhân dân huyện"
    assert expand_abbreviations("ứng dụng VNeID.", spoken) == "ứng dụng vê nờ e ai đi."
    assert expand_abbreviations("sản phẩm OCOP 3 sao", spoken) == "sản phẩm ô cốp 3 sao"
    # Not inside other words, not in another case.
    assert expand_abbreviations("XUBNDX ubnd OCOPS", spoken) == "XUBNDX ubnd OCOPS"


def test_expand_abbreviations_defaults():
    assert expand_abbreviations("Thẻ BHYT và CCCD") == "Thẻ bảo hiểm y tế và căn cước công dân"
    assert expand_abbreviations("HĐND, BHXH, THCS, THPT") == (
        "hội đồng nhân dân, bảo hiểm xã hội, trung học cơ sở, trung học phổ thông"
    )
    assert expand_abbreviations("TP. Điện Biên Phủ") == "thành phố Điện Biên Phủ"
    assert expand_abbreviations("TP Lai Châu") == "thành phố Lai Châu"
    assert expand_abbreviations("UBND", {}) == "UBND"
    assert DEFAULT_ABBREVIATIONS["CCCD"] == "căn cước công dân"


def test_expand_abbreviations_nfc_keys():
    import unicodedata

    nfd_key = unicodedata.normalize("NFD", "thẻ BHYT")
    assert expand_abbreviations("Mang thẻ BHYT.", {nfd_key: "thẻ bảo hiểm y tế"}) == "Mang thẻ bảo hiểm y tế."


# --------------------------------------------------------------------------- the pipeline: a table of cases by class

CASES_FILE = Path(__file__).parent / "data" / "textnorm_cases.tsv"


def _cases() -> list[tuple[str, str, str]]:
    rows = []
    for n, line in enumerate(CASES_FILE.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cls, written, spoken = line.split("\t")
        rows.append(pytest.param(cls, written, spoken, id=f"{n}-{cls}"))
    return rows


CASES = _cases()


def test_case_table_covers_every_class():
    classes = {p.values[0] for p in CASES}
    assert len(CASES) >= 400
    for cls in ("reference", "cardinal", "decimal", "thousands", "percent", "money", "range", "time", "date",
                "date-nocue", "date-range", "month", "ordinal", "fraction", "ratio", "score", "phone", "hotline",
                "service", "code", "plate", "house", "unit-first", "unit", "roman", "roman-negative", "doc-code",
                "abbr", "abbr-unknown", "leave", "url", "email", "url-negative", "sentence"):
        assert cls in classes, cls


@pytest.mark.parametrize(("cls", "written", "spoken"), CASES)
def test_normalize_case(cls, written, spoken):
    assert normalize_vi(written) == spoken


SEED_SENTENCES = [p.values[1] for p in CASES if p.values[0] == "sentence"]
GLOSSARY = {"OCOP": "ô cốp", "VNeID": "vê nờ e ai đi"}


def test_glossary_overrides_defaults():
    assert normalize_vi("UBND", {"UBND": "ủy ban"}) == "ủy ban"
    assert normalize_vi("UBND") == "ủy ban nhân dân"


def test_normalize_nfc_and_whitespace():
    import unicodedata

    nfd = unicodedata.normalize("NFD", "Ngày  22/11/2026\tlúc   7h30")
    out = normalize_vi(nfd)
    assert out == "Ngày hai mươi hai tháng mười một năm hai nghìn không trăm hai mươi sáu lúc bảy giờ ba mươi phút"
    assert unicodedata.is_normalized("NFC", out)
    assert normalize_vi("Dòng 1\n\n  Dòng 2  ") == "Dòng một\nDòng hai"
    assert normalize_vi("giá\u00a050.000đ") == "giá năm mươi nghìn đồng"


def test_normalize_leaves_no_digits_in_seed_texts():
    """Every digit of the real seed texts is written out (a smoke test over running text)."""
    from pathlib import Path

    seeds = Path(__file__).resolve().parents[2] / "shared" / "seeds"
    files = sorted(seeds.glob("*.txt")) if seeds.is_dir() else []
    if not files:
        pytest.skip("seed texts not available")
    for f in files:
        out = normalize_vi(f.read_text(encoding="utf-8"))
        leftover = [c for c in out if c.isdigit()]
        assert not leftover, f"{f.name}: digits left: {''.join(leftover)[:40]}"


@pytest.mark.parametrize("text", SEED_SENTENCES[:8])
def test_normalize_is_deterministic_and_idempotent(text):
    once = normalize_vi(text, GLOSSARY)
    assert normalize_vi(text, GLOSSARY) == once
    assert normalize_vi(once, GLOSSARY) == once


def test_textnorm_imports_nothing_heavy():
    import subprocess
    import sys

    code = "import sys, commcli.textnorm; print(any(m in sys.modules for m in ('numpy','pydub','typst','lxml','num2words')))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_normalize_never_raises_on_odd_input():
    """Deterministic fuzz: odd mixtures of digits and punctuation never raise."""
    import random

    rng = random.Random(7)
    alphabet = "0123456789 ./,:-–%hđ²°CkmgaQĐthángnyàứ+()&\n"
    for _ in range(2000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 40)))
        assert isinstance(normalize_vi(text), str)


# --------------------------------------------------------------------------- glossary, warnings, the built-in table


def test_glossary_reading_overrides_builtin_everywhere():
    assert normalize_vi("Chương trình OCOP", {"OCOP": "ô-cốp"}) == "Chương trình ô-cốp"
    assert normalize_vi("Thông tư 16/2023/TT-BTC", {"BTC": "bộ tài chánh"}).endswith("của bộ tài chánh")
    assert normalize_vi("UBND xã", {"UBND xã": "ủy ban xã"}) == "ủy ban xã"


def test_unknown_capitals_are_spelled_and_reported():
    from commcli.textnorm import normalize

    result = normalize("Hợp tác xã HTXNN và tổ chức XYZW, dịch H5N1, nhóm A.")
    assert result.text == ("Hợp tác xã hát tê ích nờ nờ và tổ chức ích i dài dét vê kép, dịch hát năm nờ một, nhóm A.")
    assert [(w.token, w.kind) for w in result.warnings] == [("HTXNN", "spelled"), ("XYZW", "spelled"), ("H5N1", "spelled")]
    # Words in capitals are words: nothing to spell, nothing to report.
    assert normalize("THÔNG BÁO KHẨN CẤP VỀ MƯA LŨ").warnings == []


def test_builtin_table_has_readings_and_sources():
    from commcli.textnorm.abbreviations import DOCUMENT_TYPE_WORDS, ENTRIES

    assert len(ENTRIES) >= 300
    for abbr, row in ENTRIES.items():
        assert row.abbr == abbr and row.spoken and row.source in {"nd30", "gov", "party", "local", "sector", "common"}
        assert unicodedata.is_normalized("NFC", abbr + row.spoken)
    for abbr in ("LHPN", "TNCS", "TYT", "PCCC", "GCNQSDĐ", "UBND", "HĐND", "MTTQ", "BHXH", "BHYT", "CCCD", "THCS", "THPT"):
        assert abbr in ENTRIES
    for abbr in ("NĐ", "TT", "QĐ", "CT", "NQ", "TTLT", "KH", "CV"):
        assert abbr in DOCUMENT_TYPE_WORDS


def test_readers_are_plain_functions():
    from commcli.textnorm import read_address, read_cardinal, read_fraction, spell

    assert read_cardinal(2026) == "hai nghìn không trăm hai mươi sáu"
    assert read_fraction(3, 4) == "ba phần tư"
    assert spell("HTX") == "hát tê ích"
    assert read_address("dichvucong.gov.vn") == "dịch vụ công chấm gờ ô vê chấm vê en"


# --------------------------------------------------------------------------- bad input: read what can be read, never crash


@pytest.mark.parametrize(
    ("text", "spoken", "warned"),
    [
        ("Họp\x00 lúc\x07 7h", "Họp lúc bảy giờ", True),
        ("Ngày 2/9\ud800 nghỉ", "Ngày hai tháng chín nghỉ", True),
        ("Chữ Thái ꪼꪕ và 中文 lẫn 12 hộ", "Chữ Thái và lẫn mười hai hộ", True),
        ("Xin chào 👋 bà con", "Xin chào bà con", True),
        ("\u200b\ufeffUBND", "ủy ban nhân dân", True),
    ],
)
def test_bad_characters_are_dropped_and_reported(text, spoken, warned):
    from commcli.textnorm import normalize

    result = normalize(text)
    assert result.text == spoken
    assert bool(result.warnings) is warned
    assert all(w.kind == "unreadable" for w in result.warnings)


@pytest.mark.parametrize("unit", ["Ngày 22/11/2026 gọi 0912345678, 1.234 hộ, UBND xã. ", "1", "1/", "A", "1-", "a.", "12 "])
def test_a_100_kb_line_is_read(unit):
    text = unit * (100_000 // len(unit))
    out = normalize_vi(text)
    assert isinstance(out, str) and "\n" not in out
