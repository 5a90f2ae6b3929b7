"""Honest multilingual content: Vietnamese passed off as a translation, impossible marks, dropped facts and
template inconsistencies are found with file:line; templates are blamed for their own problems, not items."""

from __future__ import annotations

import json

import pytest

from commcli.qa.vietnamese import Lexicon, judge
from commcli.textcheck import impossible_marks

VI = ["Trạm Y tế xã tổ chức tiêm vắc xin cho trẻ em, đề nghị các gia đình đưa con em đi tiêm đúng lịch.",
      "Mưa lớn kéo dài, nguy cơ sạt lở đất và lũ quét rất cao; đăng ký tại Ủy ban nhân dân xã."]


@pytest.fixture(scope="module")
def lexicon():
    return Lexicon.from_texts(VI, ["Mường Nhé"], shipped=False)


def test_copy_and_mostly_vietnamese_are_not_translations(lexicon):
    assert judge(VI[0], lexicon, "kjg", source=VI[0]).copy
    mixed = "Ơ mương cơn cuông! Mưa lớn kéo dài, sạt lở đất và lũ quét rất cao."
    assert judge(mixed, lexicon, "kjg").not_a_translation
    thai = "Pi noọng bản mương! Phôn tốc lai, đin lơn lẻ nặm lả ma. Bấu dú hươn chăng đoi."
    assert not judge(thai, lexicon, "blt-Latn").not_a_translation
    # half-borrowed short terms pass; a term that is mostly Vietnamese words does not
    assert not judge("pẳng đin đăng ký", lexicon, "blt-Latn").not_a_translation
    assert judge("ủy ban nhân dân xã", lexicon, "blt-Latn").not_a_translation
    # names allowed as written; H'Mông RPA writes no Vietnamese letters, so a Vietnamese syllable stands out
    assert not judge("Nyob zoo Mường Nhé", lexicon, "hmn-x-rpa").not_a_translation
    assert judge("Nyob zoo, tiêm vắc xin", lexicon, "hmn-x-rpa").vietnamese == 3
    run = judge("Pi noọng! Mưa lớn kéo dài nguy cơ sạt lở đất, pi noọng bản mương hăn đin tẻ mạy ẹng nặm khuổn "
                "boọc tạo bản ău côn thảo lụk nọi pay dú bón đi", lexicon, "blt-Latn")
    assert not run.not_a_translation and run.runs == ("mưa lớn kéo dài nguy cơ sạt lở đất",)


def test_impossible_double_tone_marks():
    assert impossible_marks("Ạ̀ khai, ạ̀ ăng tôi") == [(0, "Ạ̀"), (9, "ạ̀")]
    assert impossible_marks("Nước Việt Nam, ường ậ ẫ, Pi noọng") == []
    assert impossible_marks("a\u0301\u0301") == [(0, "a\u0301\u0301")]


PLANTED_KJG = """      kjg:
        status: draft
        text: |
          Thưa bà con! Từ tháng 1 năm 2027, tiền trợ cấp xã hội sẽ được chi trả qua tài khoản ngân hàng.
"""


def _check_json(cli, root):
    result = cli("--workspace", root, "check", "--format", "json")
    return result, json.loads(result.stdout)


def test_check_reports_planted_copy_dropped_fact_and_blames_templates_not_items(cli, make_workspace):
    root = make_workspace(sample=True)
    week = root / "bulletins" / "2026-W48.yaml"
    text = week.read_text(encoding="utf-8")
    # 1. a Vietnamese sentence under kjg: (after the last text of 'thanh-toan-khong-tien-mat')
    anchor = next(line for line in text.splitlines(keepends=True) if "cảnh giác với người lạ" in line)
    text = text.replace(anchor, anchor + PLANTED_KJG, 1)
    kjg_line = text.splitlines().index("      kjg:") + 1
    # 2. an ordinary hop-ban item whose noi_dung says "năm 2027" (the H'Mông text omits noi_dung on purpose)
    text = text.replace("noi_dung: bình xét hộ nghèo, hộ cận nghèo cho năm tới",
                        "noi_dung: bình xét hộ nghèo, hộ cận nghèo năm 2027")
    week.write_text(text, encoding="utf-8")
    # 3. the vaccine name dropped from the H'Mông text of the template
    tmpl = root / "templates" / "bulletins" / "tiem-chung.yaml"
    source = tmpl.read_text(encoding="utf-8")
    assert "txhaj {{ vac_xin }} rau" in source
    tmpl.write_text(source.replace("txhaj {{ vac_xin }} rau", "txhaj tshuaj rau"), encoding="utf-8")
    hmn_line = next(i for i, line in enumerate(source.splitlines(), 1) if "txhaj {{ vac_xin }}" in line)

    result, report = _check_json(cli, root)
    assert result.exit_code == 1
    errors = {(p["code"], p["file"], p["line"]) for p in report["problems"] if p["severity"] == "error"}
    assert ("content.not-a-translation", "bulletins/2026-W48.yaml", kjg_line + 3) in errors
    assert any(code == "template.field-dropped" and file == "templates/bulletins/tiem-chung.yaml"
               and line <= hmn_line for code, file, line in errors)
    assert len(errors) == 2, errors  # nothing blamed on the hop-ban item for 2027, nothing else
    result = cli("--workspace", root, "check", ui_lang="en")
    assert "not a translation" in result.stdout + result.stderr and "vac_xin" in result.stdout + result.stderr


def test_untouched_sample_has_no_vietnamese_in_minority_slots():
    from commcli.glossary import qa
    from commcli.workspace import open_workspace
    from conftest import REPO

    problems = qa.check_workspace(open_workspace(REPO))
    assert not [p for p in problems if p.code.endswith("not-a-translation") or p.code == "text.impossible-marks"]


def test_template_inserting_vietnamese_free_text_and_item_facts(cli, make_workspace):
    root = make_workspace(sample=True)
    tmpl = root / "templates" / "bulletins" / "hop-ban.yaml"
    source = tmpl.read_text(encoding="utf-8")
    # the H'Mông text now inserts noi_dung (Vietnamese free text) instead of omitting it
    tmpl.write_text(source.replace("    omits: [noi_dung]\n", "", 1).replace(
        "Yuav sib tham hauv zos thaum", "Yuav sib tham {{ noi_dung }} thaum", 1), encoding="utf-8")
    week = root / "bulletins" / "2026-W48.yaml"
    text = week.read_text(encoding="utf-8")
    text = text.replace("    source: Công an xã; Tổ công nghệ số cộng đồng\n",
                        "    source: Công an xã; Tổ công nghệ số cộng đồng\n    facts: [Cổng dịch vụ công]\n", 1)
    week.write_text(text, encoding="utf-8")
    result, report = _check_json(cli, root)
    errors = [p for p in report["problems"] if p["severity"] == "error"]
    codes = {(p["code"], p["file"]) for p in errors}
    assert ("template.vietnamese-value", "templates/bulletins/hop-ban.yaml") in codes
    assert ("content.fact-missing", "bulletins/2026-W48.yaml") in codes  # the H'Mông VNeID text lacks it
    assert all("hmn-x-rpa" in p["languages"] for p in errors)


def test_glossary_copy_refused_unless_kept_and_glossary_fact(make_workspace):
    from commcli.content import ContentUnit, Located
    from commcli.glossary.load import load_glossary_dir
    from commcli.glossary.qa import check_glossary, check_units

    root = make_workspace({"glossary/y-te.yaml": """
        domain: y-te
        name: Y tế
        entries:
          - id: tram-y-te-xa
            vi: trạm y tế xã
            translations:
              kjg: {term: trạm y tế xã, status: draft}
              hmn-x-rpa: {term: chaw kho mob hauv zos}
          - id: nhcsxh
            vi: Ngân hàng Chính sách xã hội
            translations:
              blt-Latn: {term: Ngân hàng Chính sách xã hội, kept: proper-name}
          - id: soi-rubella
            vi: sởi – rubella
            fact: true
            translations:
              hmn-x-rpa: {term: qhua pias – rubella}
          - id: co
            vi: có
            translations:
              hmn-x-rpa: {term: muaj}
        """})
    glossary, problems = load_glossary_dir(root)
    assert not problems
    found = [(p.code, p.line) for p in check_glossary(glossary) if p.is_error]
    assert found == [("glossary.not-a-translation", 7)]
    unit = ContentUnit(kind="bulletin-item", ident="w/x",
                       vi=Located("Có tiêm vắc xin sởi – rubella không?", line=3),
                       translations={"hmn-x-rpa": Located("Puas txhaj tshuaj?", line=9)})
    found = check_units(glossary, [unit])
    # the vaccine (a fact) is an error whatever the status; ordinary 'có' is not a term for QA
    assert [(p.code, p.line) for p in found if p.is_error] == [("content.fact-missing", 9)]
    assert not [p for p in found if "'có'" in p.message]


def test_glossary_import_refuses_vietnamese_in_a_minority_slot(cli, make_workspace):
    root = make_workspace(sample=True)
    before = (root / "glossary" / "y-te.yaml").read_bytes()
    data = root / "rasoat.csv"
    data.write_text("id,domain,vi,abbreviations,note,kjg,kjg:status\r\n"
                    "tram-y-te-xa,y-te,trạm y tế xã,,,trạm y tế xã,draft\r\n", encoding="utf-8-sig")
    result = cli("--workspace", root, "glossary", "import", data, ui_lang="en")
    assert result.exit_code == 2
    assert "rasoat.csv:2" in result.stderr and "not a kjg translation" in result.stderr
    assert (root / "glossary" / "y-te.yaml").read_bytes() == before
    data.write_text("id,domain,vi,abbreviations,note,kjg,kjg:status\r\n"
                    "tram-y-te-xa,y-te,trạm y tế xã,,,kheo mɔh,approved\r\n", encoding="utf-8-sig")
    result = cli("--workspace", root, "glossary", "import", data, ui_lang="en")
    assert result.exit_code == 2 and "rasoat.csv:2" in result.stderr and "reviewer" in result.stderr
    assert (root / "glossary" / "y-te.yaml").read_bytes() == before


def test_per_language_value_copied_from_vietnamese_is_reported_on_the_item(cli, make_workspace):
    root = make_workspace(sample=True)
    week = root / "bulletins" / "2026-W48.yaml"
    text = week.read_text(encoding="utf-8")
    text = text.replace("hmn-x-rpa: menyuam yaus hnub nyoog 1 txog 5 xyoos", "hmn-x-rpa: trẻ em từ 1 đến 5 tuổi")
    week.write_text(text, encoding="utf-8")
    line = next(i for i, l in enumerate(text.splitlines(), 1) if "hmn-x-rpa: trẻ em" in l)
    result, report = _check_json(cli, root)
    assert result.exit_code == 1
    assert [(p["code"], p["line"]) for p in report["problems"] if p["severity"] == "error"] == [
        ("bulletin.value-not-a-translation", line)]


def test_vaccine_name_dropped_from_an_items_hmong_value_is_an_error_on_the_item(cli, make_workspace):
    root = make_workspace(sample=True)
    week = root / "bulletins" / "2026-W48.yaml"
    text = week.read_text(encoding="utf-8")
    planted = text.replace("hmn-x-rpa: tshuaj tiv thaiv mob qhua pias – rubella", "hmn-x-rpa: tshuaj tiv thaiv")
    assert planted != text
    week.write_text(planted, encoding="utf-8")
    data_line = next(i for i, l in enumerate(planted.splitlines(), 1) if "vac_xin:" in l)  # the item's data
    result, report = _check_json(cli, root)
    assert result.exit_code == 1
    assert [(p["code"], p["file"], p["line"]) for p in report["problems"] if p["severity"] == "error"] == [
        ("content.fact-missing", "bulletins/2026-W48.yaml", data_line)]


def test_a_name_kept_in_one_language_is_not_allowed_in_another(make_workspace):
    from commcli.glossary.load import load_glossary_dir
    from commcli.glossary.qa import check_not_vietnamese

    root = make_workspace({"glossary/giam-ngheo.yaml": """
        domain: giam-ngheo
        name: Giảm nghèo
        entries:
          - id: nhcsxh
            vi: Ngân hàng Chính sách xã hội
            abbreviations: [{abbr: NHCSXH, spoken: ngân hàng chính sách xã hội}]
            translations:
              blt-Latn: {term: Ngân hàng Chính sách xã hội, kept: proper-name}
              kjg: {term: Ngân hàng Chính sách xã hội}
              hmn-x-rpa: {term: NHCSXH}
        """})
    glossary, _problems = load_glossary_dir(root)
    found = [(p.code, p.languages) for p in check_not_vietnamese(glossary) if p.is_error]
    assert found == [("glossary.not-a-translation", ("kjg",))]
