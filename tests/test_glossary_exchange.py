"""Glossary exchange: CSV and TBX round trips, a reviewer's import, and every kind of bad import file."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

HERE = Path(__file__).parent / "workspaces" / "glossary"


@pytest.fixture
def cli(cli):
    """These tests read the English messages (the default UI language is Vietnamese)."""
    return lambda *args, **kwargs: cli(*args, ui_lang="en", **kwargs)


def sample_files() -> dict[str, str]:
    return {str(p.relative_to(HERE)): p.read_text(encoding="utf-8") for p in HERE.rglob("*.yaml")}


@pytest.fixture
def gws(make_workspace):
    count = iter(range(100))

    def make(extra: dict | None = None, *, glossary: bool = True) -> Path:
        files = sample_files() if glossary else {"commune.yaml": sample_files()["commune.yaml"]}
        return make_workspace({**files, **(extra or {})}, name=f"ws{next(count)}")

    return make


def snapshot(root: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted((root / "glossary").glob("*"))}


def export(cli, root: Path, fmt: str, name: str, *extra: str) -> bytes:
    out = root.parent / name
    result = cli("-w", root, "glossary", "export", "--format", fmt, "-o", out, *extra)
    assert result.exit_code == 0, result.stderr
    return out.read_bytes()


# --- round trips ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["csv", "tbx", "tbx3"])
def test_round_trip_byte_identical(gws, cli, fmt):
    root = gws()
    before = snapshot(root)
    first = export(cli, root, fmt, f"a.{fmt}")
    result = cli("-w", root, "glossary", "import", root.parent / f"a.{fmt}")
    assert result.exit_code == 0, result.stderr
    assert "0 added, 0 changed, 0 conflict(s), 4 unchanged" in result.stdout
    assert snapshot(root) == before  # nothing to change: nothing rewritten
    assert export(cli, root, fmt, f"b.{fmt}") == first

    # Into a workspace with no glossary: the files are recreated and export the same bytes.
    empty = gws(glossary=False)
    result = cli("-w", empty, "glossary", "import", root.parent / f"a.{fmt}")
    assert result.exit_code == 0, result.stderr
    assert "4 added" in result.stdout
    assert export(cli, empty, fmt, f"c.{fmt}") == first
    # …and importing again changes nothing.
    again = snapshot(empty)
    cli("-w", empty, "glossary", "import", root.parent / f"a.{fmt}")
    assert snapshot(empty) == again


def test_csv_is_what_spreadsheets_expect(gws, cli):
    data = export(cli, gws(), "csv", "g.csv")
    assert data.startswith(b"\xef\xbb\xbf")
    assert data.count(b"\r\n") == 5 and b"\n" not in data.replace(b"\r\n", b"")
    rows = list(csv.reader(io.StringIO(data[3:].decode("utf-8"))))
    header = rows[0]
    assert header[:5] == ["id", "domain", "vi", "abbreviations", "note"]
    assert header[5:13] == ["hmn", "hmn:status", "hmn:reviewer", "hmn:date", "hmn:alternatives", "hmn:forbidden",
                            "hmn:source", "hmn:note"]
    assert [h for h in header if ":" not in h][5:] == ["hmn", "blt-Latn", "blt-Tavt"]  # blt is covered by its variants
    row = dict(zip(header, rows[1]))
    assert row["id"] == "bhyt" and row["abbreviations"] == "BHYT=bảo hiểm y tế"
    assert (row["hmn:status"], row["hmn:reviewer"], row["hmn:date"]) == ("approved", "Giàng A Páo", "2026-10-01")
    only = export(cli, gws(), "csv", "hmn.csv", "--lang", "hmn")
    only_header = next(csv.reader(io.StringIO(only[3:].decode("utf-8"))))
    assert only_header[5:] == [c for c in header if c.split(":")[0] == "hmn"]


def test_tbx_structure(gws, cli):
    from lxml import etree

    data = export(cli, gws(), "tbx3", "g.tbx")
    root = etree.fromstring(data)
    ns = {"t": "urn:iso:std:iso:30042:ed-2"}
    assert root.get("type") == "TBX-Basic"
    concepts = root.findall(".//t:conceptEntry", ns)
    assert [c.get("id") for c in concepts] == ["bhyt", "the-bhyt", "khai-sinh", "ubnd-xa"]
    hmn = concepts[0].find("t:langSec[@{http://www.w3.org/XML/1998/namespace}lang='hmn']", ns)
    statuses = [(ts.findtext("t:term", namespaces=ns), ts.findtext("t:termNote[@type='administrativeStatus']", namespaces=ns))
                for ts in hmn.findall("t:termSec", ns)]
    assert statuses == [("pov hwm kho mob", "preferredTerm-admn-sts"), ("kev pov hwm kho mob", "admittedTerm-admn-sts"),
                        ("ntawv kho mob", "deprecatedTerm-admn-sts")]
    assert concepts[0].findtext(".//t:descrip[@type='definition']", namespaces=ns) == "Bảo hiểm do Nhà nước tổ chức."


# --- a reviewer's CSV ----------------------------------------------------------------------------------


def edit_csv(data: bytes, edits: dict[tuple[str, str], str], delimiter: str = ",") -> bytes:
    rows = list(csv.reader(io.StringIO(data[3:].decode("utf-8"))))
    header = rows[0]
    for (entry_id, column), value in edits.items():
        row = next(r for r in rows[1:] if r[0] == entry_id)
        row[header.index(column)] = value
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    return b"\xef\xbb\xbf" + out.getvalue().encode("utf-8")


def test_reviewer_import_applies_approved_and_reports_conflicting_draft(gws, cli):
    root = gws()
    data = export(cli, root, "csv", "out.csv", "--lang", "hmn")
    reviewed = edit_csv(data, {
        # An approved change to a draft term: applied.
        ("the-bhyt", "hmn"): "daim npav pov hwm kho mob",
        ("the-bhyt", "hmn:status"): "approved",
        ("the-bhyt", "hmn:reviewer"): "Sùng A Lử",
        ("the-bhyt", "hmn:date"): "2026-11-20",
        # A draft that would replace an approved term: a conflict, not applied.
        ("bhyt", "hmn"): "pov hwm mob nkeeg",
        ("bhyt", "hmn:status"): "draft",
    }, delimiter=";")  # Excel in a Vietnamese locale saves with ';'
    path = root.parent / "reviewed.csv"
    path.write_bytes(reviewed)
    before = (root / "glossary" / "bhyt.yaml").read_text(encoding="utf-8")

    dry = cli("-w", root, "glossary", "import", path, "--dry-run")
    assert dry.exit_code == 1
    assert (root / "glossary" / "bhyt.yaml").read_text(encoding="utf-8") == before

    result = cli("-w", root, "glossary", "import", path)
    assert result.exit_code == 1  # a conflict needs a person
    out = result.stdout
    assert "the-bhyt [hmn]: 'daim npav kho mob' → 'daim npav pov hwm kho mob' (draft → approved)" in out
    assert "CONFLICT  bhyt [hmn] (reviewed.csv:2)" in out and "pov hwm mob nkeeg" in out
    assert "0 added, 1 changed, 1 conflict(s), 2 unchanged" in out

    from commcli.glossary import load_glossary
    from commcli.workspace import open_workspace

    gl, problems = load_glossary(open_workspace(root))
    assert not [p for p in problems if p.is_error]
    assert gl.term("bhyt", "hmn").term == "pov hwm kho mob"  # the approved term stands
    changed = gl.term("the-bhyt", "hmn")
    assert (changed.term, changed.status, changed.reviewer, changed.date) == (
        "daim npav pov hwm kho mob", "approved", "Sùng A Lử", "2026-11-20")
    text = (root / "glossary" / "bhyt.yaml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../schemas/glossary.schema.json\n# Test glossary")
    assert 'reviewed_by_district: "yes"' in text  # a field commcli does not know survives
    assert gl.term("bhyt", "blt-Tavt").term == "ꪝꪱꪙ ꪮꪷ"  # languages not in the file are untouched
    # The other domain's file was not rewritten.
    assert (root / "glossary" / "ho-tich.yaml").read_text(encoding="utf-8") == sample_files()["glossary/ho-tich.yaml"]

    as_json = json.loads(cli("-w", root, "glossary", "import", path, "--format", "json").stdout)
    assert [c["id"] for c in as_json["conflicts"]] == ["bhyt"] and as_json["changed"] == []


def test_import_adds_new_entry_to_its_domain(gws, cli):
    root = gws()
    header = "id,domain,vi,abbreviations,note,hmn,hmn:status,hmn:note\r\n"
    row = "tram-y-te,bhyt,trạm y tế,TYT=trạm y tế,Nơi khám bệnh ở xã.,tsev kho mob,draft,Bản nháp chờ rà soát.\r\n"
    path = root.parent / "new.csv"
    path.write_bytes((header + row).encode("utf-8"))
    result = cli("-w", root, "glossary", "import", path)
    assert result.exit_code == 0, result.stderr
    assert "1 added" in result.stdout
    from commcli.glossary import load_glossary
    from commcli.workspace import open_workspace

    gl, _p = load_glossary(open_workspace(root))
    entry = gl.get("tram-y-te")
    assert entry.domain == "bhyt" and entry.file.name == "bhyt.yaml"
    assert gl.spoken_abbreviations()["TYT"] == "trạm y tế"


# --- bad input: exit 2, file and row/line named, glossary untouched -----------------------------------

HEADER = "id,domain,vi,abbreviations,note,hmn,hmn:status,hmn:reviewer,hmn:date\r\n"

BAD_CSV = {
    "unknown-column": (HEADER.replace("note,", "ghi chu,"), "bad.csv:1:5"),
    "unknown-language": (HEADER.replace("hmn:date", "xyz:date"), "bad.csv:1:9"),
    "unknown-field": (HEADER.replace("hmn:date", "hmn:ngay"), "bad.csv:1:9"),
    "unknown-status": (HEADER + "bhyt,bhyt,bảo hiểm y tế,,,pov hwm kho mob,final,,\r\n", "bad.csv:2"),
    "approved-without-reviewer": (HEADER + "the-bhyt,bhyt,thẻ bảo hiểm y tế,,,daim,approved,,\r\n", "bad.csv:2"),
    "bad-date": (HEADER + "the-bhyt,bhyt,thẻ bảo hiểm y tế,,,daim,reviewed,A,20/11/2026\r\n", "bad.csv:2"),
    "short-row": (HEADER + "bhyt,bhyt,bảo hiểm y tế\r\n", "bad.csv:2"),
    "unclosed-quote": (HEADER + 'bhyt,bhyt,"bảo hiểm y tế,,,a,draft,,\r\n', "bad.csv:"),
    "duplicate-id": (HEADER + "bhyt,bhyt,bảo hiểm y tế,,,,,,\r\n" + "bhyt,bhyt,bảo hiểm y tế,,,,,,\r\n", "bad.csv:3"),
    "domain-clash": (HEADER + "bhyt,ho-tich,bảo hiểm y tế,,,,,,\r\n", "bad.csv:2"),
    "term-clash": (HEADER + "bao-hiem,bhyt,Bảo hiểm y tế,,,,,,\r\n", "bad.csv:2"),
    "bad-id": (HEADER + "Bảo Hiểm,bhyt,bảo hiểm,,,,,,\r\n", "bad.csv:2"),
    "no-id-column": ("domain,vi\r\nbhyt,x\r\n", "bad.csv:1"),
    "not-utf8": (b"id,domain,vi\r\nx,bhyt,b\xe1o\r\n", "bad.csv:2"),
    "bidi-override": (HEADER + "the-bhyt,bhyt,thẻ bảo hiểm y tế,,,daim\u202e ntawv,draft,,\r\n", "bad.csv:2"),
    "zero-width-space": (HEADER + "the-bhyt,bhyt,thẻ bảo\u200b hiểm y tế,,,daim,draft,,\r\n", "bad.csv:2"),
    "control-character": (HEADER + "the-bhyt,bhyt,thẻ bảo hiểm y tế,,,daim\x1b,draft,,\r\n", "bad.csv:2"),
}


@pytest.mark.parametrize("case", sorted(BAD_CSV))
def test_bad_csv_exit_2_names_file_and_row_and_writes_nothing(gws, cli, case):
    root = gws()
    content, where = BAD_CSV[case]
    path = root.parent / "bad.csv"
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    before = snapshot(root)
    result = cli("-w", root, "glossary", "import", path)
    assert result.exit_code == 2, (result.stdout, result.stderr)
    assert where in result.stderr, result.stderr
    assert "Traceback" not in result.stderr
    assert snapshot(root) == before


BAD_TBX = {
    "not-xml": ('<?xml version="1.0"?>\n<tbx type="TBX-Basic">\n  <text><body>\n</tbx>\n', "bad.tbx:4"),
    "not-tbx": ('<?xml version="1.0"?>\n<glossary/>\n', "bad.tbx:2"),
    "unknown-language": (
        '<tbx xmlns="urn:iso:std:iso:30042:ed-2" type="TBX-Basic"><text><body>\n'
        '<conceptEntry id="bhyt"><langSec xml:lang="vi"><termSec><term>bảo hiểm y tế</term></termSec></langSec>\n'
        '<langSec xml:lang="zz"><termSec><term>x</term></termSec></langSec>\n'
        '</conceptEntry></body></text></tbx>\n', "bad.tbx:3"),
    "unknown-status": (
        '<tbx xmlns="urn:iso:std:iso:30042:ed-2" type="TBX-Basic"><text><body>\n'
        '<conceptEntry id="the-bhyt"><langSec xml:lang="vi"><termSec><term>thẻ bảo hiểm y tế</term></termSec></langSec>\n'
        '<langSec xml:lang="hmn"><termSec><term>x</term><note>status: final</note></termSec></langSec>\n'
        '</conceptEntry></body></text></tbx>\n', "bad.tbx:2"),
    "no-vietnamese": (
        '<tbx xmlns="urn:iso:std:iso:30042:ed-2" type="TBX-Basic"><text><body>\n'
        '<conceptEntry id="moi"><langSec xml:lang="hmn"><termSec><term>x</term></termSec></langSec>\n'
        '</conceptEntry></body></text></tbx>\n', "bad.tbx:2"),
    "unexpected-element": (
        '<tbx xmlns="urn:iso:std:iso:30042:ed-2" type="TBX-Basic"><text><body>\n'
        '<entry id="moi"/>\n</body></text></tbx>\n', "bad.tbx:2"),
}


@pytest.mark.parametrize("case", sorted(BAD_TBX))
def test_bad_tbx_exit_2_names_file_and_line_and_writes_nothing(gws, cli, case):
    root = gws()
    content, where = BAD_TBX[case]
    path = root.parent / "bad.tbx"
    path.write_text(content, encoding="utf-8")
    before = snapshot(root)
    result = cli("-w", root, "glossary", "import", path)
    assert result.exit_code == 2, (result.stdout, result.stderr)
    assert where in result.stderr, result.stderr
    assert snapshot(root) == before


def test_export_refuses_unknown_language_and_format(gws, cli):
    root = gws()
    result = cli("-w", root, "glossary", "export", "--lang", "xx", "-o", root.parent / "x.csv")
    assert result.exit_code == 2 and "xx" in result.stderr
    assert not (root.parent / "x.csv").exists()
    result = cli("-w", root, "glossary", "export", "--format", "xlsx", "-o", root.parent / "x.xlsx")
    assert result.exit_code == 2 and not (root.parent / "x.xlsx").exists()


def test_import_refused_while_glossary_has_errors(gws, cli):
    root = gws({"glossary/y-te.yaml": "domain: y-te\nname: Y tế\nentries:\n  - id: X\n    vi: a\n"})
    path = root.parent / "a.csv"
    path.write_bytes(b"id,domain,vi\r\nmoi,bhyt,m\xe1\xbb\x9bi\r\n")
    before = snapshot(root)
    result = cli("-w", root, "glossary", "import", path)
    assert result.exit_code == 2 and "glossary/y-te.yaml:4" in result.stderr
    assert snapshot(root) == before


def test_csv_export_refuses_list_items_with_the_separator(gws, cli):
    root = gws()
    path = root / "glossary" / "ho-tich.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "{term: Uỷ ban xã, status: draft}", "{term: Uỷ ban xã, status: draft, alternatives: [a; b]}"), encoding="utf-8")
    result = cli("-w", root, "glossary", "export", "-o", root.parent / "x.csv")
    assert result.exit_code == 2 and "glossary/ho-tich.yaml:13" in result.stderr
    assert not (root.parent / "x.csv").exists()
    assert cli("-w", root, "glossary", "export", "--format", "tbx", "-o", root.parent / "x.tbx").exit_code == 0


def test_rewritten_files_keep_the_house_style_so_diffs_stay_small(gws, cli):
    import difflib

    root = gws()
    original = (root / "glossary" / "bhyt.yaml").read_text(encoding="utf-8").splitlines()
    data = export(cli, root, "csv", "out.csv", "--lang", "hmn")
    first = root.parent / "first.csv"
    first.write_bytes(edit_csv(data, {("the-bhyt", "hmn:note"): "Ghi chú mới."}))
    assert cli("-w", root, "glossary", "import", first).exit_code == 0
    before = (root / "glossary" / "bhyt.yaml").read_text(encoding="utf-8").splitlines()
    # round-trip: only the edited translation's line changes; its one-line layout, the comments and the
    # unquoted values the reviewer wrote stay; the new value is written in the house style (quoted)
    changed = [line for line in difflib.unified_diff(original, before, lineterm="", n=0) if line[:1] in "+-"]
    assert changed == ["--- ", "+++ ", "-      hmn: {term: daim npav kho mob, status: draft}",
                       '+      hmn: {term: daim npav kho mob, status: draft, note: "Ghi chú mới."}'], changed
    second = root.parent / "second.csv"
    second.write_bytes(edit_csv(data, {("the-bhyt", "hmn:note"): "Ghi chú khác."}))
    assert cli("-w", root, "glossary", "import", second).exit_code == 0
    after = (root / "glossary" / "bhyt.yaml").read_text(encoding="utf-8").splitlines()
    changed = [line for line in difflib.unified_diff(before, after, lineterm="", n=0) if line[:1] in "+-"]
    assert changed == ["--- ", "+++ ", '-      hmn: {term: daim npav kho mob, status: draft, note: "Ghi chú mới."}',
                       '+      hmn: {term: daim npav kho mob, status: draft, note: "Ghi chú khác."}'], changed


@pytest.mark.parametrize("fmt", ["csv", "tbx", "tbx3"])
def test_sample_glossary_round_trips(make_workspace, cli, fmt):
    root = make_workspace(sample=True)
    before = snapshot(root)
    first = export(cli, root, fmt, f"sample.{fmt}")
    result = cli("-w", root, "glossary", "import", root.parent / f"sample.{fmt}")
    assert result.exit_code == 0, result.stderr
    assert snapshot(root) == before
    assert export(cli, root, fmt, f"again.{fmt}") == first


def test_csv_cells_that_look_like_formulas_are_guarded_and_round_trip(make_workspace, cli):
    from commcli.glossary.exchange import _guard, _unguard

    for cell in ("=HYPERLINK(\"http://x\")", "+1", "-độc", "@SUM(A1)", "bình thường", "'quoted"):
        assert _unguard(_guard(cell)) == cell
    assert _guard("=1+1").startswith("'") and not _guard("bảo hiểm").startswith("'")


def test_tbx_2008_opens_in_translate_toolkit_with_every_entry_and_language(make_workspace, cli):
    """The default TBX is what CAT tools read: Translate Toolkit (and so Weblate) finds every entry and term."""
    from translate.storage import tbx

    from commcli.glossary.load import load_glossary_dir

    root = make_workspace(sample=True)
    data = export(cli, root, "tbx", "sample.tbx")
    assert b"<martif" in data and b"<termEntry" in data
    glossary, _problems = load_glossary_dir(root)
    store = tbx.tbxfile.parsestring(data, sourcelanguage="vi")
    units = {u.getid(): u for u in store.units}
    assert len(units) == len(glossary.entries)
    for entry in glossary.entries:
        unit = units[entry.id]
        assert unit.source == entry.vi
        for tag, tr in entry.translations.items():
            terms = [t.text for t in unit.get_target_terms(tag)]
            assert terms and terms[0] == tr.term, (entry.id, tag, terms)
            assert set(tr.alternatives) <= set(terms)
            forbidden = [t.text for t in unit.get_target_terms(tag) if t.deprecated]
            assert forbidden == list(tr.forbidden)


def test_import_while_another_command_changes_the_workspace_is_refused(gws, cli):
    """Two imports at once would each read the glossary and the second would write over the first's additions."""
    import os

    from commcli.buildlock import workspace_lock

    root = gws()
    path = root.parent / "new.csv"
    path.write_text(HEADER + "the-bhyt,bhyt,thẻ bảo hiểm y tế,,,daim,draft,,\r\n", encoding="utf-8")
    before = snapshot(root)
    with workspace_lock(root):
        result = cli("-w", root, "glossary", "import", path)
        assert result.exit_code == 1 and str(os.getpid()) in result.stderr
    assert snapshot(root) == before
    assert cli("-w", root, "glossary", "import", path).exit_code == 0
    assert snapshot(root) != before
