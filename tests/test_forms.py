"""Forms render blank and filled in every target language; extracted text is golden; fonts embedded; data literal."""

from __future__ import annotations

import io
import os
import re
import unicodedata
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
INPUTS = REPO / "tests" / "workspaces" / "forms"
GOLDEN = REPO / "tests" / "golden" / "forms"
FORMS = ("khai-sinh", "bhyt", "dat-dai", "tro-giup-xa-hoi-nguoi-cao-tuoi")
# The other social-assistance variants share the elderly form's vocabulary: one blank golden each.
VARIANTS = ("tro-giup-xa-hoi-tre-em", "tro-giup-xa-hoi-don-than", "tro-giup-xa-hoi-khuyet-tat")
LANGS = ("hmn", "blt-Latn", "blt-Tavt")  # kjg: no real translation yet, see test_no_fake_bilingual_form
INJECTION = "Giàng A #Dế *đậm* $x$ \\n [a] {{ ten }} <b>ĐỨC</b>"


_UNMAPPED = re.compile(r"[\x00-\x08\x0b-\x1f]")  # \r too: a glyph code, not a line end


def pdf_text(path: Path) -> str:
    """The PDF's text as pypdf extracts it.

    Typst maps a Tai Viet cluster (consonant + vowel mark) to its text on the first glyph, wraps it in an
    /ActualText span, and leaves the mark's positioning glyph unmapped; pypdf ignores /ActualText and
    emits that glyph's raw code (a control character), which readers honouring /ActualText do not show.
    """
    from pypdf import PdfReader

    reader = PdfReader(str(path))
    pages = [_UNMAPPED.sub("", page.extract_text()) for page in reader.pages]
    return "\n\f\n".join(pages)


def actual_texts(reader) -> list[str]:
    """The /ActualText strings of every page (UTF-16BE hex, as Typst writes them)."""
    out = []
    for page in reader.pages:
        data = page.get_contents().get_data()
        for hexa in re.findall(rb"/ActualText<FEFF([0-9A-Fa-f]*)>", data):
            out.append(bytes.fromhex(hexa.decode()).decode("utf-16-be"))
    return out


def squash(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def compare_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("COMMCLI_UPDATE_GOLDEN") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert path.is_file(), f"golden file {path} missing: run COMMCLI_UPDATE_GOLDEN=1 pytest tests/test_forms.py"
    assert text == path.read_text(encoding="utf-8"), f"{name} differs from the golden file (make golden to update)"


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    """The repository's sample workspace, copied once for this module."""
    from conftest import FORM_PARTS, copy_sample

    return copy_sample(tmp_path_factory.mktemp("forms") / "ws", FORM_PARTS)


def load_values(form: str) -> dict[str, str]:
    import yaml

    data = yaml.safe_load((INPUTS / f"{form}.yaml").read_text(encoding="utf-8"))
    return {k: str(v) for k, v in data.items()}


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("form", FORMS)
def test_golden_blank_form(cli, sample, form, lang):
    out = sample / "out" / f"{form}.{lang}.blank.pdf"
    result = cli("--workspace", sample, "form", "render", form, "--lang", lang, "--blank", "-o", out)
    assert result.exit_code == 0, result.stderr
    text = pdf_text(out)
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
    assert "Độc lập - Tự do - Hạnh phúc" in text
    assert "ngày …… tháng …… năm" in text
    assert "Bản dịch nháp — chưa rà soát / draft translation" in text  # every minority term is a draft
    assert "/ no " + lang + " translation yet" in text  # the new labels have no translation yet: marked
    compare_golden(f"{form}.{lang}.blank.txt", text)


@pytest.mark.parametrize("form", VARIANTS)
def test_golden_blank_variant(cli, sample, form):
    out = sample / "out" / f"{form}.hmn.blank.pdf"
    result = cli("--workspace", sample, "form", "render", form, "--lang", "hmn", "--blank", "-o", out)
    assert result.exit_code == 0, result.stderr
    compare_golden(f"{form}.hmn.blank.txt", pdf_text(out))


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("form", FORMS)
def test_golden_filled_form(cli, sample, form, lang):
    out = sample / "out" / f"{form}.{lang}.filled.pdf"
    result = cli("--workspace", sample, "form", "render", form, "--lang", lang, "--data", INPUTS / f"{form}.yaml",
                 "-o", out)
    assert result.exit_code == 0, result.stderr
    text = pdf_text(out)
    flat = squash(text)
    for field, value in load_values(form).items():
        if field in ("gioi_tinh", "phuong_thuc_dong", "ho_ngheo", "the_bhyt", "ban_sao") or field.startswith("de_nghi_"):
            continue  # choices and boxes print as ticks
        if field == "so_dinh_danh":
            assert " ".join(value) in flat  # one digit per box
            continue
        if field.startswith("ngay_") or field == "cap_ngay":
            day, month, year = value.split("/")
            assert day in flat and month in flat and year in flat  # written in the date's own slots
            continue
        assert squash(value) in flat, f"{field}: {value!r} not found in the PDF text"
    compare_golden(f"{form}.{lang}.filled.txt", text)


def test_injection_strings_print_literally(cli, sample):
    out = sample / "out" / "inject.pdf"
    result = cli("--workspace", sample, "form", "render", "dat-dai", "--lang", "hmn", "--data",
                 INPUTS / "dat-dai.yaml", "-o", out)
    assert result.exit_code == 0, result.stderr
    assert INJECTION in pdf_text(out)


def test_date_of_birth_in_words_on_birth_registration(cli, sample):
    out = sample / "out" / "ks.pdf"
    result = cli("--workspace", sample, "form", "render", "khai-sinh", "--lang", "hmn", "--data",
                 INPUTS / "khai-sinh.yaml", "-o", out)
    assert result.exit_code == 0, result.stderr
    assert "Ngày bốn tháng tư năm hai nghìn không trăm hai mươi lăm" in squash(pdf_text(out))


def test_tai_viet_is_extractable_and_fonts_are_embedded_subsets(cli, sample):
    from pypdf import PdfReader

    from commcli.glossary import load_glossary
    from commcli.workspace import open_workspace

    out = sample / "out" / "bhyt.tavt.pdf"
    result = cli("--workspace", sample, "form", "render", "tro-giup-xa-hoi-nguoi-cao-tuoi", "--lang", "blt-Tavt",
                 "--blank", "-o", out)
    assert result.exit_code == 0, result.stderr
    text = pdf_text(out)
    gl, _ = load_glossary(open_workspace(sample))
    reader = PdfReader(str(out))
    spans = actual_texts(reader)
    for key in ("bm-ho-va-ten", "bm-noi-cu-tru", "bm-nguoi-khai", "bm-gioi-tinh"):
        term = gl.term(key, "blt-Tavt").term
        assert any(0xAA80 <= ord(c) <= 0xAADF for c in term)
        # Typst maps each glyph to text; a mark whose glyph the font shares between two vowels (or that
        # belongs to a cluster) carries its exact text in an /ActualText span, which pypdf does not apply.
        found = set(text) | set("".join(spans))
        missing = [c for c in term if not c.isspace() and c not in found]
        assert not missing, f"{key}: Tai Viet characters {missing} not extractable"
    assert sum(1 for c in text if 0xAA80 <= ord(c) <= 0xAADF) > 50
    # a term without shared glyphs comes out whole (which ones share glyphs depends on the font subset)
    assert any(gl.term(k, "blt-Tavt").term in text for k in ("bm-nguoi-khai", "bm-ho-va-ten", "bm-noi-cu-tru", "bm-gioi-tinh"))
    fonts = {}
    for page in reader.pages:
        for name, ref in page["/Resources"]["/Font"].items():
            font = ref.get_object()
            fonts[str(font["/BaseFont"])] = font
    assert any("TaiViet" in name for name in fonts), fonts.keys()
    for name, font in fonts.items():
        assert re.match(r"^/?[A-Z]{6}\+", name), f"{name} is not a subset"
        descendant = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
        descriptor = descendant["/FontDescriptor"].get_object()
        assert "/FontFile2" in descriptor, f"{name} is not embedded as TrueType"


def test_vietnamese_only_form(cli, sample):
    out = sample / "out" / "vi.pdf"
    result = cli("--workspace", sample, "form", "render", "bhyt", "--lang", "vi", "--blank", "-o", out)
    assert result.exit_code == 0, result.stderr
    text = pdf_text(out)
    assert "Xeem" not in text and "draft translation" not in text
    assert "Họ và tên" in text


def test_a4_pages(cli, sample):
    from pypdf import PdfReader

    out = sample / "out" / "a4.pdf"
    assert cli("--workspace", sample, "form", "render", "khai-sinh", "--lang", "hmn", "--blank", "-o", out).exit_code == 0
    box = PdfReader(str(out)).pages[0].mediabox
    assert (round(float(box.width) / 72 * 25.4), round(float(box.height) / 72 * 25.4)) == (210, 297)


def test_csv_batch_with_bom_and_semicolons_one_page_per_row(cli, sample):
    from pypdf import PdfReader

    src = (REPO / "data" / "khai-sinh.csv").read_text(encoding="utf-8")
    import csv

    rows = list(csv.reader(io.StringIO(src)))
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=";", lineterminator="\r\n").writerows(rows)
    data = sample / "ks-excel.csv"
    data.write_bytes(b"\xef\xbb\xbf" + buffer.getvalue().encode("utf-8"))
    out = sample / "out" / "batch.pdf"
    result = cli("--workspace", sample, "form", "render", "khai-sinh", "--lang", "blt-Latn", "--data", data, "-o", out)
    assert result.exit_code == 0, result.stderr
    reader = PdfReader(str(out))
    assert len(reader.pages) == len(rows) - 1
    assert "Cầm Đức Huy" in reader.pages[4].extract_text()


def test_header_may_be_the_vietnamese_label(cli, sample):
    data = sample / "by-label.csv"
    data.write_text("Họ và tên;Ngày, tháng, năm sinh;Giới tính;Quốc tịch;Dân tộc;Số CCCD/ĐDCN/Hộ chiếu;"
                    "Nơi đăng ký khám bệnh, chữa bệnh ban đầu\n"
                    "LÒ VĂN A;01/02/1990;nam;Việt Nam;Thái;011090000001;Trạm y tế xã\n", encoding="utf-8")
    out = sample / "out" / "by-label.pdf"
    result = cli("--workspace", sample, "form", "render", "bhyt", "--lang", "hmn", "--data", data, "-o", out)
    assert result.exit_code == 0, result.stderr
    assert "LÒ VĂN A" in pdf_text(out)


def test_split_writes_one_file_per_row_named_from_fields(cli, sample):
    folder = sample / "out" / "tung-nguoi"
    result = cli("--workspace", sample, "form", "render", "khai-sinh", "--lang", "hmn", "--data",
                 sample / "data" / "khai-sinh.csv", "--split", folder, "--name", "{so_thu_tu}-{ho_ten}")
    assert result.exit_code == 0, result.stderr
    names = sorted(p.name for p in folder.iterdir() if p.name != ".commcli-made.json")
    assert names == ["01-Lò Thị Ngọc Ánh.pdf", "02-Giàng A Dế.pdf", "03-Vàng Thị Dua.pdf", "04-Lù Văn Tâm.pdf",
                     "05-Cầm Đức Huy.pdf"]
    assert "Giàng A Dế" in pdf_text(folder / "02-Giàng A Dế.pdf")


def test_split_names_are_filename_safe_and_unique():
    from commcli.forms.render import safe_filename

    assert safe_filename('A/B: "C"*?<>|') == "A-B- -C"
    assert safe_filename("  Lò   Thị Ánh. ") == "Lò Thị Ánh"


def test_name_pattern_refuses_unknown_fields_and_id_numbers(cli, sample):
    folder = sample / "out" / "refused"
    result = cli("--workspace", sample, "form", "render", "bhyt", "--lang", "hmn", "--data",
                 sample / "data" / "bhyt-ho-gia-dinh.csv", "--split", folder, "--name", "{so_dinh_danh}-{hoten}",
                 ui_lang="en")
    assert result.exit_code == 2
    assert "{hoten}" in result.stderr and "personal ID" in result.stderr
    assert not folder.exists()


def test_fifth_form_needs_no_code(make_workspace, cli):
    root = make_workspace({
        "templates/forms/giay-moi.yaml": """
            id: giay-moi
            title_vi: Giấy đăng ký dự họp
            legal_basis: Mẫu thử (không chính thức)
            source: {instrument: "Mẫu của xã (không phải mẫu ban hành kèm văn bản pháp luật)", status: confirmed}
            sections:
              - title_vi: Người đăng ký
                fields:
                  - {id: ho_ten, label: bm-ho-va-ten, required: true, source: confirmed}
                  - {id: so_dien_thoai, label: bm-so-dien-thoai, type: phone, source: confirmed}
                  - id: gioi_tinh
                    label: bm-gioi-tinh
                    type: choice
                    source: confirmed
                    choices: [{value: nam, label: bm-nam}, {value: nu, vi: Nữ}]
            """,
        "people.csv": "ho_ten,so_dien_thoai,gioi_tinh\nCà Văn Ơn,0912345678,nam\n",
    }, sample=True)
    out = root / "out" / "giay-moi.pdf"
    result = cli("--workspace", root, "form", "render", "giay-moi", "--lang", "hmn", "--data", root / "people.csv",
                 "-o", out)
    assert result.exit_code == 0, result.stderr
    text = pdf_text(out)
    assert "GIẤY ĐĂNG KÝ DỰ HỌP" in text and "Cà Văn Ơn" in text and "0912345678" in text
    listed = cli("--workspace", root, "form", "list")
    assert "giay-moi" in listed.stdout


def test_form_list_shows_forms_and_fields(cli, sample):
    result = cli("--workspace", sample, "form", "list")
    assert result.exit_code == 0
    for form in FORMS:
        assert form in result.stdout
    assert "so_dinh_danh*" in result.stdout


def test_sources_md_lists_every_field_with_its_status(sample):
    from commcli.forms import load_forms
    from commcli.forms.sources import replace_tables, tables
    from commcli.glossary import load_glossary
    from commcli.workspace import open_workspace

    ws = open_workspace(sample)
    forms, _ = load_forms(ws)
    glossary, _ = load_glossary(ws)
    path = REPO / "templates" / "forms" / "SOURCES.md"
    expected = replace_tables(path.read_text(encoding="utf-8"), tables([f.form for f in forms if f.form], glossary))
    if os.environ.get("COMMCLI_UPDATE_GOLDEN") == "1":
        path.write_text(expected, encoding="utf-8")
    assert path.read_text(encoding="utf-8") == expected, "SOURCES.md is out of date (make golden)"
    for loaded in forms:
        assert loaded.form.legal_basis and loaded.form.source.instrument  # the header cites the instrument


def test_bhyt_household_appendix_from_one_csv(cli, sample):
    from pypdf import PdfReader

    out = sample / "out" / "ho.pdf"
    result = cli("--workspace", sample, "form", "render", "bhyt", "--lang", "hmn", "--data",
                 sample / "data" / "bhyt-ho-gia-dinh.csv", "-o", out)
    assert result.exit_code == 0, result.stderr
    pages = [squash(p.extract_text()) for p in PdfReader(str(out)).pages]
    assert len(pages) == 6  # three households: the form, then the table of members
    assert "PHỤ LỤC THÀNH VIÊN HỘ GIA ĐÌNH" in pages[5]
    for name in ("LÙ VĂN XIÊNG", "CÀ THỊ ÍN", "LÙ VĂN TÂM", "LÙ THỊ NGA"):
        assert name in pages[5]
    assert "SÙNG THỊ MÁY" in pages[1] and "SÙNG THỊ MÁY" not in pages[5]
    assert "Mường Nhé, ngày 02 tháng 12 năm 2026" in pages[4]  # the signature date comes from the data


def test_no_fake_bilingual_form(cli, sample):
    # Khơ Mú has no real translation of these labels: the form is refused, never printed as "X / X".
    out = sample / "out" / "kjg.pdf"
    result = cli("--workspace", sample, "form", "render", "bhyt", "--lang", "kjg", "--blank", "-o", out, ui_lang="en")
    assert result.exit_code == 2 and not out.exists()
    assert re.search(r"kjg 0/\d+", result.stderr)
    # Where only some labels are translated, the others print once, marked, and the count is reported.
    out = sample / "out" / "hmn.pdf"
    result = cli("--workspace", sample, "form", "render", "bhyt", "--lang", "hmn", "--blank", "-o", out, ui_lang="en")
    assert result.exit_code == 0
    assert re.search(r"hmn (\d+)/(\d+) \*", result.stdout)
    text = pdf_text(out)
    for line in text.splitlines():
        pair = re.fullmatch(r"\s*(.+?) / (.+?)\s*", line)
        assert not (pair and squash(pair.group(1)).casefold() == squash(pair.group(2)).casefold()), line
    assert "Mã số BHXH*" in text  # a label with no translation: once, marked
