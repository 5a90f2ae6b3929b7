"""The glossary API, lookup, QA checks, stats and the check/lookup/stats commands."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from commcli.content import ContentUnit, Located
from commcli.errors import Severity
from commcli.glossary import check_workspace, load_glossary
from commcli.glossary.lookup import fold, lookup
from commcli.glossary.qa import check_glossary, check_units, numbers_in
from commcli.glossary.stats import glossary_stats
from commcli.workspace import open_workspace

HERE = Path(__file__).parent / "workspaces" / "glossary"


def sample_files() -> dict[str, str]:
    return {str(p.relative_to(HERE)): p.read_text(encoding="utf-8") for p in HERE.rglob("*.yaml")}


@pytest.fixture
def gws(make_workspace):
    def make(extra: dict | None = None) -> Path:
        return make_workspace({**sample_files(), **(extra or {})})

    return make


def load(root: Path):
    ws = open_workspace(root)
    gl, problems = load_glossary(ws)
    return ws, gl, problems


# --- the API -------------------------------------------------------------------------------------------


def test_load_positions_and_lookups(gws):
    root = gws()
    ws, gl, problems = load(root)
    assert [p for p in problems if p.is_error] == []
    # The key the model does not know is kept and warned about, with its line.
    unknown = [p for p in problems if p.code == "schema.unknown-key"]
    assert [(p.file.name, p.line) for p in unknown] == [("bhyt.yaml", 12)]
    assert [e.id for e in gl.entries] == ["bhyt", "the-bhyt", "khai-sinh", "ubnd-xa"]
    entry = gl.get("bhyt")
    assert (entry.domain, entry.file.name, entry.line) == ("bhyt", "bhyt.yaml", 6)
    assert gl.vi("bhyt") == "bảo hiểm y tế"
    assert gl.get("nope") is None and gl.term("nope", "hmn") is None
    hmn = gl.term("bhyt", "hmn")
    assert (hmn.term, hmn.status, hmn.lang, hmn.alternatives, hmn.forbidden) == (
        "pov hwm kho mob", "approved", "hmn", ["kev pov hwm kho mob"], ["ntawv kho mob"])
    assert hmn.date == "2026-10-01"
    # A base tag falls back to its script variants: blt-Latn first, then blt-Tavt.
    assert gl.term("bhyt", "blt").lang == "blt-Latn"
    assert gl.term("bhyt", "blt-Tavt").term == "ꪝꪱꪙ ꪮꪷ"
    assert gl.term("khai-sinh", "blt") is None
    assert gl.position("bhyt") == (root / "glossary" / "bhyt.yaml", 6)
    assert gl.position("bhyt", "hmn") == (root / "glossary" / "bhyt.yaml", 15)
    assert gl.position("bhyt", "blt-Tavt") == (root / "glossary" / "bhyt.yaml", 23)
    assert gl.spoken_abbreviations() == {"BHYT": "bảo hiểm y tế", "UBND": "ủy ban nhân dân"}
    assert ws.cache["glossary"][0] is gl


def test_find_terms_whole_words_longest_first(gws):
    _ws, gl, _p = load(gws())
    text = "Thẻ Bảo hiểm Y tế của UBND xã; gia hạn BHYT trước ngày 31/12. Không phải BHYTX."
    assert [e.id for e in gl.find_terms(text)] == ["the-bhyt", "ubnd-xa", "bhyt"]
    matches = gl.find_term_matches(text)
    assert [(m[2].id, m[3]) for m in matches] == [
        ("the-bhyt", "Thẻ Bảo hiểm Y tế"), ("ubnd-xa", "UBND"), ("bhyt", "BHYT")]
    assert gl.find_terms("Ủy ban nhân dân xã Mường Nhé")[0].id == "ubnd-xa"


def test_invalid_entries_reported_with_line_and_others_kept(gws):
    bad = """\
domain: y-te
name: Y tế
entries:
  - id: tram-y-te
    vi: trạm y tế
    translations:
      hmn: {term: tsev kho mob, status: approved}
  - id: Bad Id
    vi: sai
  - id: ok
    vi: đúng
    translations:
      xx: {term: a}
      kjg: {term: b, status: final}
  - id: good
    vi: tốt
"""
    _ws, gl, problems = load(gws({"glossary/y-te.yaml": bad}))
    found = {(p.file.name, p.line, p.code) for p in problems if p.is_error}
    assert ("y-te.yaml", 7, "schema.value") in found  # approved without reviewer and date
    assert ("y-te.yaml", 8, "schema.value") in found  # the id
    assert ("y-te.yaml", 13, "schema.value") in found  # unknown language tag
    assert ("y-te.yaml", 14, "schema.choice") in found  # unknown status
    assert gl.get("good") is not None and gl.get("tram-y-te") is None


# --- lookup --------------------------------------------------------------------------------------------


def test_fold():
    assert fold("  Đăng KÝ  khai sinh ") == "dang ky khai sinh"
    assert fold("Ủy ban") == "uy ban"


def test_lookup_accent_and_case_insensitive_best_first(gws):
    _ws, gl, _p = load(gws())
    hits = lookup(gl, "bao hiem")
    assert [h.entry.id for h in hits] == ["bhyt", "the-bhyt"]
    assert [h.rank_name for h in hits] == ["prefix", "word"]
    assert [(h.entry.id, h.rank_name, h.field) for h in lookup(gl, "bhyt")] == [("bhyt", "exact", "abbr")]
    assert lookup(gl, "BẢO HIỂM Y TẾ")[0].rank_name == "exact"
    assert lookup(gl, "dang ky")[0].entry.id == "khai-sinh"  # đ folds to d
    assert lookup(gl, "UY BAN")[0].entry.id == "ubnd-xa"
    assert [h.entry.id for h in lookup(gl, "kho mob")] == ["bhyt", "the-bhyt"]  # found in H'Mông
    assert lookup(gl, "kho mob", lang="blt") == []
    assert [h.entry.id for h in lookup(gl, "bao", domain="ho-tich")] == []
    hits = lookup(gl, "ao hie")  # a substring, the last resort
    assert {h.entry.id for h in hits} == {"bhyt", "the-bhyt"} and {h.rank_name for h in hits} == {"substring"}
    assert lookup(gl, "zzz") == []


def test_lookup_command(gws, cli):
    root = gws()
    result = cli("-w", root, "glossary", "lookup", "bao hiem")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("bảo hiểm y tế (BHYT)  [bhyt, bhyt]  glossary/bhyt.yaml:6")
    assert any(line.split()[:2] == ["hmn", "pov"] for line in lines)
    result = cli("-w", root, "glossary", "lookup", "bhyt", "--lang", "blt")
    assert "pảo hẻm ya" in result.stdout and "pov hwm" not in result.stdout
    assert cli("-w", root, "glossary", "lookup", "khong co").exit_code == 1
    bad = cli("-w", root, "glossary", "lookup", "x", "--lang", "xx")
    assert bad.exit_code == 2 and "xx" in bad.stderr


# --- QA of the glossary --------------------------------------------------------------------------------


def test_glossary_checks_clean_sample_has_only_missing_translation_warnings(gws):
    _ws, gl, _p = load(gws())
    problems = check_glossary(gl, ["vi", "hmn", "blt"])
    assert {(p.code, p.file.name, p.line, p.severity) for p in problems} == {
        ("glossary.missing-translation", "ho-tich.yaml", 4, Severity.WARNING),  # khai-sinh: no blt
        ("glossary.missing-translation", "ho-tich.yaml", 8, Severity.WARNING),  # ubnd-xa: no hmn
    }


PLANTED = """\
domain: y-te
name: Y tế
entries:
  - id: bhyt
    vi: bảo hiểm y tế (bản sao)
  - id: tre-em
    vi: THẺ BẢO HIỂM Y TẾ
  - id: tram-y-te
    vi: trạm y tế
    translations:
      hmn:
        term: tsev kho mob
        alternatives: [chaw kho mob]
        forbidden: [chaw kho mob]
  - id: benh-vien
    vi: bệnh viện
    translations:
      hmn: {term: daim npav kho mob}
"""


def test_planted_glossary_inconsistencies(gws, cli):
    root = gws({"glossary/y-te.yaml": PLANTED})
    _ws, gl, _p = load(root)
    found = {(p.code, p.file.name, p.line, p.severity.value) for p in check_glossary(gl, ["hmn"])}
    assert ("glossary.duplicate-id", "y-te.yaml", 4, "error") in found
    assert ("glossary.duplicate-term", "y-te.yaml", 6, "error") in found
    assert ("glossary.forbidden-admitted", "y-te.yaml", 12, "error") in found
    assert ("glossary.conflicting-translation", "y-te.yaml", 18, "warning") in found
    result = cli("-w", root, "glossary", "check")
    assert result.exit_code == 1
    assert "glossary/y-te.yaml:4:" in result.stdout and "glossary/y-te.yaml:12:" in result.stdout
    data = json.loads(cli("-w", root, "glossary", "check", "--format", "json").stdout)
    assert {(p["code"], p["line"]) for p in data["problems"]} >= {("glossary.duplicate-id", 4)}


def test_check_command_ok_on_sample(gws, cli):
    result = cli("-w", gws(), "glossary", "check")
    assert result.exit_code == 0, result.stdout
    assert "ho-tich.yaml:4" in result.stdout


# --- QA of content -------------------------------------------------------------------------------------


def unit(vi: str, **translations: str) -> ContentUnit:
    src = Path("bulletins/2026-W48.yaml")
    return ContentUnit(
        kind="bulletin-item", ident="2026-W48/bhyt",
        vi=Located(vi, src, 10, 11),
        translations={lang.replace("_", "-"): Located(text, src, 12 + i, 11) for i, (lang, text) in enumerate(translations.items())},
    )


def test_numbers_multiset():
    assert numbers_in("Ngày 31/12/2026, lúc 07:30, 1.500.000 đồng, 4,5%, gọi 0215 3 740 123") == numbers_in(
        "0215 3 740 123: 1,500,000 ... 31-12-2026 07h30 4.5%")
    assert numbers_in("2 2 3") != numbers_in("2 3")
    assert numbers_in("ngày 4 tháng 12 năm 2026") == numbers_in("04/12/2026")


def test_content_checks_find_planted_mistakes_with_file_line(gws):
    _ws, gl, _p = load(gws())
    good = unit("Gia hạn thẻ BHYT trước ngày 31/12/2026, phí 1.500.000 đồng.",
                hmn="Txuas daim npav pov hwm kho mob ua ntej 31/12/2026, 1.500.000 nyiaj.")
    assert check_units(gl, [good]) == []
    alternative = unit("Tham gia bảo hiểm y tế.", hmn="Koom kev pov hwm kho mob.")
    assert check_units(gl, [alternative]) == []

    wrong_term = unit("Tham gia bảo hiểm y tế ngay.", hmn="Koom tsev kho mob sai.")
    [p] = check_units(gl, [wrong_term])
    assert (p.code, str(p.file), p.line, p.severity) == (
        "glossary.term-not-used", "bulletins/2026-W48.yaml", 12, Severity.ERROR)  # approved term: error
    assert "pov hwm kho mob" in p.expected and "bhyt.yaml:15" in p.hint

    forbidden = unit("Tham gia BHYT.", hmn="Koom pov hwm kho mob, ntawv kho mob.")
    [p] = check_units(gl, [forbidden])
    assert (p.code, p.line, p.found, p.severity) == ("glossary.forbidden-used", 12, "ntawv kho mob", Severity.ERROR)

    dropped = unit("Họp lúc 07:30 ngày 05/12, gọi 0215 3 740 123.", hmn="Sib tham 07:30 hnub 05/12, hu 0215 3 740.", blt_Latn="Họp 7:30")
    problems = check_units(gl, [dropped])
    got = {(p.code, p.line, p.severity) for p in problems}
    assert ("content.numbers-missing", 12, Severity.ERROR) in got  # hmn dropped 123
    assert ("content.numbers-missing", 13, Severity.ERROR) in got  # blt-Latn dropped 05, 12, the phone, "07"
    hmn = next(p for p in problems if p.line == 12)
    assert hmn.message.endswith(": 123.")
    assert ("content.numbers-missing", 13) in {(p.code, p.line) for p in problems}

    draft_term = unit("Thẻ bảo hiểm y tế", blt_Latn="bai pảo")
    [p] = check_units(gl, [draft_term])
    assert (p.code, p.severity) == ("glossary.term-not-used", Severity.WARNING)  # a draft glossary term: warning


def test_check_workspace_includes_content_units(gws, monkeypatch):
    from commcli.glossary import qa

    ws = open_workspace(gws())
    units = [unit("Tham gia bảo hiểm y tế 2026.", hmn="Koom tsev kho mob.")]
    monkeypatch.setattr(qa, "content_units", lambda _ws: units)
    codes = {p.code for p in check_workspace(ws)}
    assert {"glossary.term-not-used", "content.numbers-missing", "glossary.missing-translation"} <= codes


def test_check_workspace_without_content_modules(gws, monkeypatch):
    import importlib

    from commcli.glossary import qa

    real = importlib.import_module

    def fake(name, *args):
        if name in ("commcli.bulletins", "commcli.forms"):
            raise ImportError(name)
        return real(name, *args)

    monkeypatch.setattr(importlib, "import_module", fake)
    assert qa.content_units(open_workspace(gws())) == []


# --- stats ---------------------------------------------------------------------------------------------


def test_stats_numbers(gws, cli):
    _ws, gl, _p = load(gws())
    data = glossary_stats(gl, ["vi", "hmn", "blt"])
    assert data["entries"] == 4 and data["abbreviations"] == 2
    assert list(data["languages"]) == ["hmn", "blt", "blt-Latn", "blt-Tavt"]
    assert data["languages"]["hmn"] == {"translated": 3, "missing": 1, "draft": 1, "reviewed": 1, "approved": 1,
                                        "coverage": 75.0}
    assert data["languages"]["blt"]["draft"] == 3 and data["languages"]["blt"]["missing"] == 1
    assert data["languages"]["blt-Tavt"]["translated"] == 1
    assert data["domains"]["ho-tich"]["languages"]["hmn"]["coverage"] == 50.0
    assert data["domains"]["bhyt"]["entries"] == 2 and data["domains"]["bhyt"]["name"] == "Bảo hiểm y tế"
    result = cli("-w", _ws.root, "glossary", "stats", "--format", "json")
    assert json.loads(result.stdout) == data
    text = cli("-w", _ws.root, "glossary", "stats").stdout
    assert "3/4 75%" in text


def test_broken_glossary_file_is_reported_with_line(gws, cli):
    root = gws({"glossary/y-te.yaml": "domain: y-te\nname: Y tế\nentries:\n  - id: a\n    vi: b\n    vi: c\n"})
    result = cli("-w", root, "glossary", "check")
    assert result.exit_code == 2
    assert "glossary/y-te.yaml:6:5" in result.stdout


def test_one_syllable_terms_are_not_checked_in_running_text(gws):
    extra = "domain: bieu-mau\nname: Biểu mẫu\nentries:\n  - id: khong\n    vi: không\n    translations:\n      hmn: {term: tsis muaj}\n"
    _ws, gl, _p = load(gws({"glossary/bieu-mau.yaml": extra}))
    assert check_units(gl, [unit("Không đưa mã OTP cho ai.", hmn="Tsis txhob muab OTP rau leej twg.")]) == []
    # An abbreviation of one word still counts.
    [p] = check_units(gl, [unit("Gia hạn BHYT.", hmn="Txuas ntxiv.")])
    assert p.code == "glossary.term-not-used"
