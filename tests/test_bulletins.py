"""Bulletins: build of the sample week (golden), release gate, bad input, new week, listing."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
GOLDEN = REPO / "tests" / "golden" / "bulletins"
WORKSPACES = REPO / "tests" / "workspaces"

SMALL_COMMUNE = """
province: Điện Biên
commune: Xã Thử
officer: {name: Cán bộ Thử}
languages: [vi, hmn]
villages:
  - {id: ban-a, name: Bản A, languages: [hmn, vi], cluster: c1}
  - {id: ban-b, name: Bản B, languages: [vi], cluster: c1}
slots:
  - {id: sang, name: Buổi sáng, days: [mon], start: "06:00", minutes: 15}
  - {id: chieu, name: Buổi chiều, days: [mon], start: "17:30", minutes: 1}
speech_rate_wpm: {vi: 130, hmn: 110}
"""


def sample_workspace(make_workspace) -> Path:
    """The repository's sample workspace with the fixed test glossary (so golden files do not follow its edits)."""
    root = make_workspace(sample=True)
    shutil.rmtree(root / "glossary", ignore_errors=True)
    shutil.copytree(WORKSPACES / "bulletins" / "glossary", root / "glossary")
    return root


def small_workspace(make_workspace, bulletin: str, extra: dict | None = None) -> Path:
    files = {"commune.yaml": SMALL_COMMUNE, "bulletins/2026-W48.yaml": bulletin}
    files.update(extra or {})
    return make_workspace(files)


def _text_tree(folder: Path) -> dict[str, str]:
    out = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file() and path.suffix in (".txt", ".json"):
            text = path.read_text(encoding="utf-8")
            if path.name == "manifest.json":
                text = _normalized_manifest(text)
            out[str(path.relative_to(folder))] = text
    return out


def _normalized_manifest(text: str) -> str:
    # PDF and PNG bytes depend on the Typst version, the page on every message it quotes (tests/test_weekpage.py
    # checks it): their hashes are checked for presence, not value.
    data = json.loads(text)
    for entry in data["outputs"]:
        if entry["path"].endswith((".pdf", ".png", ".html")):
            assert len(entry["sha256"]) == 64 and entry["bytes"] > 1000
            kind = "<" + entry["path"].rsplit(".", 1)[1] + ">"
            entry["sha256"] = kind
            entry["bytes"] = kind
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _pdf_text(path: Path) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() or "" for page in PdfReader(str(path)).pages)


# --- the sample week ------------------------------------------------------------------------------------


def test_golden_sample_week_draft_build(make_workspace, cli):
    root = sample_workspace(make_workspace)
    result = cli("-w", root, "bulletin", "build", "bulletins/2026-W48.yaml", "--no-audio")
    assert result.exit_code == 0, result.stderr
    out = root / "out" / "2026-W48"
    assert str(out) in result.stdout
    assert "Bản Huổi Lếch / sang" in result.stdout  # slot estimates printed
    produced = _text_tree(out)
    if os.environ.get("COMMCLI_UPDATE_GOLDEN"):
        shutil.rmtree(GOLDEN, ignore_errors=True)
        for rel, text in produced.items():
            (GOLDEN / rel).parent.mkdir(parents=True, exist_ok=True)
            (GOLDEN / rel).write_text(text, encoding="utf-8")
    expected = {str(p.relative_to(GOLDEN)): p.read_text(encoding="utf-8") for p in sorted(GOLDEN.rglob("*")) if p.is_file()}
    assert sorted(produced) == sorted(expected)
    for rel in expected:
        assert produced[rel] == expected[rel], rel
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["status"] == "draft"
    pdfs = sorted((out / "scripts").glob("*.pdf"))
    assert [p.stem for p in pdfs] == ["blt", "hmn", "vi"]  # no Khơ Mú script: no Khơ Mú text exists yet
    for pdf in pdfs:
        from pypdf import PdfReader

        reader = PdfReader(str(pdf))
        for page in reader.pages:  # every page of a draft carries the mark
            assert "BẢN NHÁP" in (page.extract_text() or "")
    vi_text = _pdf_text(out / "scripts" / "vi.pdf")
    assert "Cảnh báo sạt lở đất, lũ quét" in vi_text and "~0:56" in vi_text
    assert not list(root.joinpath("out").glob(".*"))  # no staging or old folders left


def test_rebuild_replaces_the_previous_build_whole(make_workspace, cli):
    root = sample_workspace(make_workspace)
    assert cli("-w", root, "bulletin", "build", "bulletins/2026-W48.yaml", "--no-audio").exit_code == 0
    # A file an earlier build made (listed in the folder's marker) for a village that is gone since.
    stray = root / "out" / "2026-W48" / "running-order" / "old-village.txt"
    stray.write_text("old", encoding="utf-8")
    marker = root / "out" / "2026-W48" / ".commcli-made.json"
    made = json.loads(marker.read_text(encoding="utf-8"))
    made["files"].append("running-order/old-village.txt")
    marker.write_text(json.dumps(made), encoding="utf-8")
    assert cli("-w", root, "bulletin", "build", "bulletins/2026-W48.yaml", "--no-audio").exit_code == 0
    assert not stray.exists()
    assert sorted(p.name for p in (root / "out").iterdir()) == ["2026-W48"]


def test_rebuild_keeps_a_file_the_officer_put_in_the_build_folder(make_workspace, cli):
    root = sample_workspace(make_workspace)
    assert cli("-w", root, "bulletin", "build", "bulletins/2026-W48.yaml", "--no-audio").exit_code == 0
    note = root / "out" / "2026-W48" / "ghi-chu.txt"
    note.write_text("của tôi", encoding="utf-8")
    result = cli("-w", root, "bulletin", "build", "bulletins/2026-W48.yaml", "--no-audio")
    assert result.exit_code == 2
    assert "ghi-chu.txt" in result.stderr
    assert note.read_text(encoding="utf-8") == "của tôi"


def test_output_folder_that_is_not_a_build_is_refused(make_workspace, cli):
    root = sample_workspace(make_workspace)
    mine = root / "mine"
    mine.mkdir()
    (mine / "letter.docx").write_text("x", encoding="utf-8")
    result = cli("-w", root, "bulletin", "build", "bulletins/2026-W48.yaml", "--no-audio", "-o", mine)
    assert result.exit_code == 2
    assert (mine / "letter.docx").exists() and len(list(mine.iterdir())) == 1


def test_release_of_the_sample_is_refused_with_every_blocker(make_workspace, cli):
    root = sample_workspace(make_workspace)
    result = cli("-w", root, "bulletin", "build", "bulletins/2026-W48.yaml", "--release", "--no-audio")
    assert result.exit_code == 1
    err = result.stderr
    assert "phong-dich-gia-suc" in err and "chong-ret-gia-suc" in err and "thanh-toan-khong-tien-mat" in err
    assert "bulletins/2026-W48.yaml:" in err
    assert "templates/bulletins/gia-han-bhyt.yaml:" in err  # draft template translations
    assert "glossary/bhyt.yaml:" in err  # a draft glossary term used by a minority-language text
    assert not (root / "out").exists()


def test_release_succeeds_on_a_fully_approved_copy(make_workspace, cli):
    root = small_workspace(make_workspace, (WORKSPACES / "bulletins-approved" / "bulletin.yaml").read_text(encoding="utf-8"),
                           {"glossary/bhyt.yaml": (WORKSPACES / "bulletins-approved" / "glossary.yaml").read_text(encoding="utf-8")})
    result = cli("-w", root, "bulletin", "build", "bulletins/2026-W48.yaml", "--release", "--no-audio")
    assert result.exit_code == 0, result.stderr
    out = root / "out" / "2026-W48"
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["status"] == "release"
    assert "BẢN NHÁP" not in (out / "scripts" / "vi.txt").read_text(encoding="utf-8")
    assert "BẢN NHÁP" not in _pdf_text(out / "scripts" / "hmn.pdf")
    assert {o["path"] for o in manifest["outputs"]} >= {"scripts/vi.txt", "scripts/hmn.pdf", "running-order/ban-a.txt"}
    page = (out / "index.html").read_text(encoding="utf-8")
    assert "BẢN NHÁP" not in page and "bản phát hành" in page  # the week page of a release carries no draft banner


def test_release_refuses_a_draft_glossary_term_in_a_minority_text(make_workspace, cli):
    glossary = (WORKSPACES / "bulletins-approved" / "glossary.yaml").read_text(encoding="utf-8")
    glossary = glossary.replace("status: approved", "status: draft").replace("        reviewer: Test reviewer (fixture, not a real review)\n        date: 2026-11-20\n", "")
    root = small_workspace(make_workspace, (WORKSPACES / "bulletins-approved" / "bulletin.yaml").read_text(encoding="utf-8"),
                           {"glossary/bhyt.yaml": glossary})
    result = cli("-w", root, "bulletin", "build", "bulletins/2026-W48.yaml", "--release", "--no-audio")
    assert result.exit_code == 1
    assert "bhyt-nhac" in result.stderr and "glossary/bhyt.yaml:" in result.stderr
    assert not (root / "out").exists()


# --- bad input ------------------------------------------------------------------------------------------

ITEM = """
week: 2026-W48
items:
  - id: tin-mot
    title: Tin một
    category: thong-bao
    villages: [ban-a, ban-khong-co]
    text:
      vi: Thưa bà con, tin thử.
"""


def test_unknown_village_exit_2_with_file_line_and_nothing_written(make_workspace, cli):
    root = small_workspace(make_workspace, ITEM)
    result = cli("-w", root, "bulletin", "build", "bulletins/2026-W48.yaml", "--no-audio")
    assert result.exit_code == 2
    assert "bulletins/2026-W48.yaml:6:" in result.stderr and "ban-khong-co" in result.stderr
    assert not (root / "out").exists()


def test_unknown_slot_and_template_reported_together(make_workspace, cli):
    bulletin = ITEM.replace("villages: [ban-a, ban-khong-co]", "slots: [dem]").replace(
        "    text:\n      vi: Thưa bà con, tin thử.\n", "    template: khong-co\n")
    root = small_workspace(make_workspace, bulletin)
    result = cli("-w", root, "bulletin", "build", "bulletins/2026-W48.yaml", "--no-audio")
    assert result.exit_code == 2
    assert "bulletins/2026-W48.yaml:6:" in result.stderr and "'dem'" in result.stderr
    assert "bulletins/2026-W48.yaml:7:" in result.stderr and "khong-co" in result.stderr
    assert not (root / "out").exists()


@pytest.mark.parametrize("week", ["2026-W54", "2026-48", "W48", "2025-W53"])
def test_bad_week_string_exit_2_with_line(make_workspace, cli, week):
    root = small_workspace(make_workspace, ITEM.replace("week: 2026-W48", f"week: {week}").replace(", ban-khong-co", ""))
    result = cli("-w", root, "bulletin", "build", "bulletins/2026-W48.yaml", "--no-audio")
    assert result.exit_code == 2
    assert "bulletins/2026-W48.yaml:1:" in result.stderr and week in result.stderr
    assert not (root / "out").exists()


def test_approved_item_without_approver_exit_2_with_line(make_workspace, cli):
    bulletin = ITEM.replace(", ban-khong-co", "").replace("    text:", "    status: approved\n    text:")
    root = small_workspace(make_workspace, bulletin)
    result = cli("-w", root, "bulletin", "build", "bulletins/2026-W48.yaml", "--no-audio")
    assert result.exit_code == 2
    assert "approved_by" in result.stderr and "bulletins/2026-W48.yaml:3:" in result.stderr


# --- templates: sandbox, undefined values, syntax -------------------------------------------------------

TEMPLATE_ITEM = """
week: 2026-W48
items:
  - id: tin-mau
    title: Tin theo mẫu
    category: thong-bao
    template: thu
    data:
      ngay: 2026-11-30
"""


def _template(vi_text: str) -> str:
    body = "\n".join("    " + line for line in vi_text.splitlines())
    return f"name: Mẫu thử\ntext:\n  vi: |\n{body}\n"


@pytest.mark.parametrize("escape", [
    "{{ ''.__class__ }}",
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ term.__globals__ }}",
    "{{ ngay.__class__.__init__ }}",
    "{{ (1).__class__.__base__ }}",
])
def test_sandbox_escapes_are_refused_with_template_name_and_line(make_workspace, cli, escape):
    root = small_workspace(make_workspace, TEMPLATE_ITEM,
                           {"templates/bulletins/thu.yaml": _template(f"Thưa bà con!\nNgày {{{{ ngay | date }}}}.\n{escape}")})
    result = cli("-w", root, "bulletin", "build", "bulletins/2026-W48.yaml", "--no-audio")
    assert result.exit_code == 2, result.stdout
    assert "templates/bulletins/thu.yaml:6" in result.stderr
    assert "'thu'" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (root / "out").exists()


def test_undefined_variable_names_template_line_and_item(make_workspace, cli):
    root = small_workspace(make_workspace, TEMPLATE_ITEM,
                           {"templates/bulletins/thu.yaml": _template("Thưa bà con!\n\nHọp lúc {{ gio | time }}.")})
    result = cli("-w", root, "bulletin", "build", "bulletins/2026-W48.yaml", "--no-audio")
    assert result.exit_code == 2
    assert "templates/bulletins/thu.yaml:6" in result.stderr and "gio" in result.stderr
    assert "tin-mau" in result.stderr and "bulletins/2026-W48.yaml:6" in result.stderr
    assert not (root / "out").exists()


def test_template_syntax_error_names_line(make_workspace, cli):
    root = small_workspace(make_workspace, TEMPLATE_ITEM,
                           {"templates/bulletins/thu.yaml": _template("Thưa bà con!\n{% if ngay %}\nNgày {{ ngay | date }")})
    result = cli("-w", root, "bulletin", "build", "bulletins/2026-W48.yaml", "--no-audio")
    assert result.exit_code == 2
    assert "templates/bulletins/thu.yaml:6" in result.stderr or "templates/bulletins/thu.yaml:5" in result.stderr
    assert "'thu'" in result.stderr
    assert not (root / "out").exists()


def test_filter_given_a_bad_value_names_template_line(make_workspace, cli):
    root = small_workspace(make_workspace, TEMPLATE_ITEM.replace("ngay: 2026-11-30", "ngay: 30/11"),
                           {"templates/bulletins/thu.yaml": _template("Thưa bà con!\nNgày {{ ngay | date }}.")})
    result = cli("-w", root, "bulletin", "build", "bulletins/2026-W48.yaml", "--no-audio", ui_lang="en")
    assert result.exit_code == 2
    assert "templates/bulletins/thu.yaml:5" in result.stderr and "YYYY-MM-DD" in result.stderr


# --- new week, list -------------------------------------------------------------------------------------

CARRY = """
week: 2026-W47
items:
  - id: mai-mai
    title: Tin lặp lại
    category: thong-bao
    recurring: true
    text:
      vi: |
        Thưa bà con!
        Dòng thứ hai.
  - id: con-han
    title: Còn hạn
    category: thong-bao
    recurring: true
    valid_until: 2026-11-23
    text: {vi: Còn hạn.}
  - id: het-han
    title: Hết hạn
    category: thong-bao
    recurring: true
    valid_until: 2026-11-22
    text: {vi: Hết hạn.}
  - id: mot-lan
    title: Một lần
    category: thong-bao
    text: {vi: Một lần.}
"""


def test_bulletin_new_carries_recurring_and_drops_expired(make_workspace, cli):
    root = make_workspace({"commune.yaml": SMALL_COMMUNE, "bulletins/2026-W47.yaml": CARRY,
                           "bulletins/2026-W50.yaml": CARRY.replace("2026-W47", "2026-W50").replace("mai-mai", "tuong-lai")})
    result = cli("-w", root, "bulletin", "new", "--week", "2026-W48")
    assert result.exit_code == 0, result.stderr
    assert "het-han" in result.stdout
    from commcli.bulletins.load import load_bulletin
    from commcli.errors import Problems

    problems = Problems()
    lb = load_bulletin(root / "bulletins" / "2026-W48.yaml", problems)
    assert not problems.has_errors, list(problems)
    assert lb.bulletin.week == "2026-W48"
    assert [i.id for i in lb.bulletin.items] == ["mai-mai", "con-han"]  # from W47, not the later W50
    assert lb.bulletin.items[0].text["vi"].text == "Thưa bà con!\nDòng thứ hai.\n"
    again = cli("-w", root, "bulletin", "new", "--week", "2026-W48")
    assert again.exit_code == 2 and "2026-W48.yaml" in again.stderr
    listing = cli("-w", root, "bulletin", "list")
    assert listing.exit_code == 0
    assert "2026-W47: 4" in listing.stdout and "2026-W48: 2" in listing.stdout


def test_bulletin_new_refuses_a_bad_week_and_writes_nothing(make_workspace, cli):
    root = make_workspace({"commune.yaml": SMALL_COMMUNE})
    result = cli("-w", root, "bulletin", "new", "--week", "2026-W60")
    assert result.exit_code == 2 and "2026-W60" in result.stderr
    assert not (root / "bulletins").exists() or not list((root / "bulletins").iterdir())


def test_bulletin_new_without_earlier_week_starts_empty(make_workspace, cli):
    root = make_workspace({"commune.yaml": SMALL_COMMUNE})
    assert cli("-w", root, "bulletin", "new", "--week", "2027-W01").exit_code == 0
    assert "week: 2027-W01" in (root / "bulletins" / "2027-W01.yaml").read_text(encoding="utf-8")


def test_every_bulletin_command_has_help(cli):
    for command in ("new", "build", "list"):
        result = cli("bulletin", command, "--help")
        assert result.exit_code == 0 and "--help" in result.stdout
