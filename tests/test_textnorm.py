"""Vietnamese text normalization: numbers, decimals, dates, times, phones, money, units, abbreviations."""

from __future__ import annotations

from decimal import Decimal

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


# --------------------------------------------------------------------------- the pipeline


@pytest.mark.parametrize(
    ("text", "spoken"),
    [
        # REFERENCE.md
        ("18/09/2018", "ngày mười tám tháng chín năm hai nghìn không trăm mười tám"),
        ("17,66%", "mười bảy phẩy sáu mươi sáu phần trăm"),
        ("2.063 tỷ đồng", "hai nghìn không trăm sáu mươi ba tỷ đồng"),
        ("21 24 25 105", "hai mươi mốt hai mươi tư hai mươi lăm một trăm linh năm"),
        ("năm 2026", "năm hai nghìn không trăm hai mươi sáu"),
        ("0,5", "không phẩy năm"),
        ("17,05", "mười bảy phẩy không năm"),
        # dates
        ("22/11/2026", "ngày hai mươi hai tháng mười một năm hai nghìn không trăm hai mươi sáu"),
        ("ngày 22/11/2026", "ngày hai mươi hai tháng mười một năm hai nghìn không trăm hai mươi sáu"),
        ("Ngày 25/2/2022", "Ngày hai mươi lăm tháng hai năm hai nghìn không trăm hai mươi hai"),
        ("22-11-2026", "ngày hai mươi hai tháng mười một năm hai nghìn không trăm hai mươi sáu"),
        ("2026-01-21", "ngày hai mươi mốt tháng một năm hai nghìn không trăm hai mươi sáu"),
        ("ngày 22/11", "ngày hai mươi hai tháng mười một"),
        ("sáng 4/8", "sáng ngày bốn tháng tám"),
        ("hạn chót 22/11.", "hạn chót ngày hai mươi hai tháng mười một."),
        ("từ 05/9", "từ ngày năm tháng chín"),
        ("tháng 4/2025", "tháng tư năm hai nghìn không trăm hai mươi lăm"),
        ("từ 4/2025", "từ tháng tư năm hai nghìn không trăm hai mươi lăm"),
        ("quý 1/2025", "quý một năm hai nghìn không trăm hai mươi lăm"),
        ("tháng 4 năm 2025", "tháng tư năm hai nghìn không trăm hai mươi lăm"),
        ("tháng 1 và tháng 11", "tháng một và tháng mười một"),
        ("4 tháng", "bốn tháng"),
        ("31/2/2026", "ba mươi mốt trên hai trên hai nghìn không trăm hai mươi sáu"),
        # ratios
        ("4/8 huyện", "bốn trên tám huyện"),
        ("24/7", "hai mươi bốn trên bảy".replace("bốn", "tư")),
        ("tỷ lệ 1:50", "tỷ lệ một trên năm mươi"),
        # times
        ("lúc 14:30", "lúc mười bốn giờ ba mươi phút"),
        ("lúc 14h30.", "lúc mười bốn giờ ba mươi phút."),
        ("14 giờ 30", "mười bốn giờ ba mươi phút"),
        ("14 giờ 30 phút", "mười bốn giờ ba mươi phút"),
        ("từ 7h30 đến 11h", "từ bảy giờ ba mươi phút đến mười một giờ"),
        ("8h–11h", "tám giờ đến mười một giờ"),
        ("14:30-16:00", "mười bốn giờ ba mươi phút đến mười sáu giờ"),
        # phones
        ("Gọi 0912 345 678.", "Gọi không chín một hai, ba bốn năm, sáu bảy tám."),
        ("ĐT: 0215 3 740 123", "ĐT: không hai một năm, ba, bảy bốn không, một hai ba"),
        ("số 0912.345.678", "số không chín một hai, ba bốn năm, sáu bảy tám"),
        ("số 0912-345-678", "số không chín một hai, ba bốn năm, sáu bảy tám"),
        ("số 0987654321", "số không chín tám bảy, sáu năm bốn, ba hai một"),
        ("+84 912 345 678", "cộng tám bốn, chín một hai, ba bốn năm, sáu bảy tám"),
        ("tổng đài 1900 1234", "tổng đài một chín không không, một hai ba bốn"),
        # money
        ("50.000 đồng", "năm mươi nghìn đồng"),
        ("50.000đ", "năm mươi nghìn đồng"),
        ("50.000 VNĐ", "năm mươi nghìn đồng"),
        ("50.000 VND/người", "năm mươi nghìn đồng mỗi người"),
        ("2,5 tỷ đ", "hai phẩy năm tỷ đồng"),
        ("47,2 triệu đồng", "bốn mươi bảy phẩy hai triệu đồng"),
        ("100 USD", "một trăm đô la Mỹ"),
        # percentages and ranges
        ("100%", "một trăm phần trăm"),
        ("5–10%", "năm đến mười phần trăm"),
        ("giảm gần 4%/năm", "giảm gần bốn phần trăm mỗi năm"),
        ("5–30 km", "năm đến ba mươi ki-lô-mét"),
        ("2021–2025", "hai nghìn không trăm hai mươi mốt đến hai nghìn không trăm hai mươi lăm"),
        ("2026 – 2030", "hai nghìn không trăm hai mươi sáu đến hai nghìn không trăm ba mươi"),
        ("2021 -2025", "hai nghìn không trăm hai mươi mốt đến hai nghìn không trăm hai mươi lăm"),
        ("1,5–2 lần", "một phẩy năm đến hai lần"),
        ("400.000-600.000 tấn/năm", "bốn trăm nghìn đến sáu trăm nghìn tấn mỗi năm"),
        # units
        ("9.000 km²", "chín nghìn ki-lô-mét vuông"),
        ("100 m²", "một trăm mét vuông"),
        ("120 m2", "một trăm hai mươi mét vuông"),
        ("9.786 ha chè", "chín nghìn bảy trăm tám mươi sáu héc-ta chè"),
        ("3,9 nghìn ha", "ba phẩy chín nghìn héc-ta"),
        ("20 kg", "hai mươi ki-lô-gam"),
        ("25°C", "hai mươi lăm độ xê"),
        ("-5°C", "âm năm độ xê"),
        ("60 km/h", "sáu mươi ki-lô-mét trên giờ"),
        ("5 ha", "năm héc-ta"),
        # ordinals and roman numerals
        ("thứ 10", "thứ mười"),
        ("thứ 4", "thứ tư"),
        ("thứ 1", "thứ nhất"),
        ("Thứ 2", "Thứ hai"),
        ("xếp thứ 24", "xếp thứ hai mươi tư"),
        ("(thứ 62/63)", "(thứ sáu mươi hai trên sáu mươi ba)"),
        ("quý I/2025", "quý một năm hai nghìn không trăm hai mươi lăm"),
        ("Đại hội XIII", "Đại hội mười ba"),
        ("thế kỷ XXI", "thế kỷ hai mươi mốt"),
        ("lần thứ IV", "lần thứ tư"),
        ("Khóa XV", "Khóa mười lăm"),
        ("vitamin C", "vitamin C"),
        ("Điều I", "Điều I"),
        # thousands dots, dotted numbers, leading zeros, mixed tokens
        ("489.000", "bốn trăm tám mươi chín nghìn"),
        ("1.000.000", "một triệu"),
        ("1,000,000", "một triệu"),
        ("Công nghiệp 4.0", "Công nghiệp bốn chấm không"),
        ("03 nền tảng", "ba nền tảng"),
        ("tăng 01 bậc", "tăng một bậc"),
        ("4G", "bốn G"),
        ("2G/3G/4G", "hai G, ba G, bốn G"),
        ("xã/phường/thị trấn", "xã, phường, thị trấn"),
        ("COVID-19", "COVID mười chín"),
        ("Nghị quyết 30a", "Nghị quyết ba mươi a"),
        ("GD&ĐT", "giáo dục và đào tạo"),
        ("A & B", "A và B"),
        # day/month ranges, legal document numbers, joined codes, dotted decimals, per-unit
        ("từ 1/5 đến 30/6", "từ ngày một tháng năm đến ngày ba mươi tháng sáu"),
        ("ngày 1/5–30/6", "ngày một tháng năm đến ngày ba mươi tháng sáu"),
        (
            "Nghị định số 15/2018/NĐ-CP",
            "Nghị định số mười lăm năm hai nghìn không trăm mười tám, nghị định CP",
        ),
        ("Quyết định 123/QĐ-UBND", "Quyết định một trăm hai mươi ba, quyết định ủy ban nhân dân"),
        ("số 17-NQ/TU", "số mười bảy nghị quyết tỉnh ủy"),
        ("KT-XH", "kinh tế, xã hội"),
        ("1.5 triệu", "một phẩy năm triệu"),
        ("1.5%", "một phẩy năm phần trăm"),
        ("giá 50.000đ/kg", "giá năm mươi nghìn đồng mỗi ki-lô-gam"),
        ("12 tấn/ha", "mười hai tấn mỗi héc-ta"),
        ("SĐT: 0912345678", "số điện thoại: không chín một hai, ba bốn năm, sáu bảy tám"),
        ("Tp. Lai Châu", "thành phố Lai Châu"),
        ("ngày 10/10", "ngày mười tháng mười"),
        ("7 giờ 05", "bảy giờ năm phút"),
        # ranges of days in one month
        (
            "Tuần 48 (23–29/11/2026)",
            "Tuần bốn mươi tám (ngày hai mươi ba đến ngày hai mươi chín tháng mười một năm "
            "hai nghìn không trăm hai mươi sáu)",
        ),
        ("ngày 23-29/11", "ngày hai mươi ba đến ngày hai mươi chín tháng mười một"),
        ("từ 1 đến 5/12", "từ ngày một đến ngày năm tháng mười hai"),
        ("3–4/8 huyện", "ba đến bốn trên tám huyện"),
    ],
)
def test_normalize_cases(text, spoken):
    assert normalize_vi(text) == spoken


SEED_SENTENCES = [
    (
        "Theo báo cáo đến năm 2025, tỷ lệ hộ nghèo đa chiều giảm còn 17,66%, bình quân giảm gần 4%/năm.",
        "Theo báo cáo đến năm hai nghìn không trăm hai mươi lăm, tỷ lệ hộ nghèo đa chiều giảm còn "
        "mười bảy phẩy sáu mươi sáu phần trăm, bình quân giảm gần bốn phần trăm mỗi năm.",
    ),
    (
        "Điện Biên được Trung ương phân bổ hơn 2.063 tỷ đồng để thực hiện Chương trình.",
        "Điện Biên được Trung ương phân bổ hơn hai nghìn không trăm sáu mươi ba tỷ đồng để thực hiện Chương trình.",
    ),
    (
        "Các bản phân bố rải rác, xa trung tâm hành chính xã từ 5 đến 30 km, đường đi chủ yếu là đường đất.",
        "Các bản phân bố rải rác, xa trung tâm hành chính xã từ năm đến ba mươi ki-lô-mét, "
        "đường đi chủ yếu là đường đất.",
    ),
    (
        "Lai Châu có diện tích tự nhiên trên 9.000 km² (đứng thứ 10/63 địa phương trên cả nước); "
        "dân số trên 489.000 người (thứ 62/63) với 20 dân tộc anh em.",
        "Lai Châu có diện tích tự nhiên trên chín nghìn ki-lô-mét vuông (đứng thứ mười trên sáu mươi ba "
        "địa phương trên cả nước); dân số trên bốn trăm tám mươi chín nghìn người (thứ sáu mươi hai trên "
        "sáu mươi ba) với hai mươi dân tộc anh em.",
    ),
    (
        "Tỉnh có 4/8 huyện, thành phố là huyện nghèo theo Nghị quyết 30a.",
        "Tỉnh có bốn trên tám huyện, thành phố là huyện nghèo theo Nghị quyết ba mươi a.",
    ),
    (
        "Giai đoạn 2021–2025 đánh dấu bước chuyển quan trọng.",
        "Giai đoạn hai nghìn không trăm hai mươi mốt đến hai nghìn không trăm hai mươi lăm "
        "đánh dấu bước chuyển quan trọng.",
    ),
    (
        "Giá cả sinh hoạt vùng cao luôn ở mức cao hơn 1,5–2 lần so với vùng thấp.",
        "Giá cả sinh hoạt vùng cao luôn ở mức cao hơn một phẩy năm đến hai lần so với vùng thấp.",
    ),
    (
        "Nhiều trạm y tế xã chỉ có từ 1–2 cán bộ.",
        "Nhiều trạm y tế xã chỉ có từ một đến hai cán bộ.",
    ),
    (
        "Dân tộc Thái chiếm 32,3%, Mông 21,5%, Hà Nhì 3,1%.",
        "Dân tộc Thái chiếm ba mươi hai phẩy ba phần trăm, Mông hai mươi mốt phẩy năm phần trăm, "
        "Hà Nhì ba phẩy một phần trăm.",
    ),
    (
        "Nghị quyết số 09-NQ/TU ngày 25/2/2022 về Chương trình Chuyển đổi số.",
        "Nghị quyết số chín nghị quyết tỉnh ủy ngày hai mươi lăm tháng hai năm hai nghìn không trăm hai mươi hai "
        "về Chương trình Chuyển đổi số.",
    ),
    (
        "Toàn tỉnh có 171 sản phẩm OCOP từ 3 sao trở lên.",
        "Toàn tỉnh có một trăm bảy mươi mốt sản phẩm ô cốp từ ba sao trở lên.",
    ),
    (
        "UBND xã Sìn Hồ đề nghị người dân mang CCCD và thẻ BHYT, cài đặt VNeID trước ngày 22/11/2026.",
        "ủy ban nhân dân xã Sìn Hồ đề nghị người dân mang căn cước công dân và thẻ bảo hiểm y tế, "
        "cài đặt vê nờ e ai đi trước ngày hai mươi hai tháng mười một năm hai nghìn không trăm hai mươi sáu.",
    ),
    (
        "Mọi thắc mắc xin liên hệ số 0215 3 740 123 hoặc 0912 345 678 trong giờ hành chính.",
        "Mọi thắc mắc xin liên hệ số không hai một năm, ba, bảy bốn không, một hai ba hoặc "
        "không chín một hai, ba bốn năm, sáu bảy tám trong giờ hành chính.",
    ),
    (
        "Tổng công suất 400.000-600.000 tấn/năm quặng đất hiếm nguyên khai.",
        "Tổng công suất bốn trăm nghìn đến sáu trăm nghìn tấn mỗi năm quặng đất hiếm nguyên khai.",
    ),
    (
        "Phủ sóng (2G/3G/4G) đến 100% các xã/phường/thị trấn, 97% thôn/bản.",
        "Phủ sóng (hai G, ba G, bốn G) đến một trăm phần trăm các xã, phường, thị trấn, "
        "chín mươi bảy phần trăm thôn, bản.",
    ),
]

GLOSSARY = {"OCOP": "ô cốp", "VNeID": "vê nờ e ai đi"}


@pytest.mark.parametrize(("text", "spoken"), SEED_SENTENCES)
def test_normalize_seed_sentences(text, spoken):
    assert normalize_vi(text, GLOSSARY) == spoken


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


@pytest.mark.parametrize("text", [t for t, _ in SEED_SENTENCES])
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
