"""Large batches: chunks typeset by worker processes, merged, written as volumes or split per person; failures clean up."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
NAMES = ["Lò Thị Ngọc Ánh", "Giàng A Dế", "Vàng Thị Dua", "Lù Văn Tâm", "Cầm Đức Huy"]  # data/khai-sinh.csv, in order

# A layout whose odd copies (in each chunk: chunks of 2 below) run over two pages, marked as the shared layout does.
TWO_PAGES = """
#let data = json(bytes(sys.inputs.data))
#set page(paper: "a5")
#set text(font: "Noto Sans")
#for (i, rec) in data.records.enumerate() {
  if i > 0 { pagebreak() }
  MARK
  [Copy of #rec.values.at("ho_ten", default: "")]
  if calc.rem(i, 2) == 0 { pagebreak(); [Page 2 of #rec.values.at("ho_ten", default: "")] }
}
"""


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    from conftest import FORM_PARTS, copy_sample

    root = copy_sample(tmp_path_factory.mktemp("batch") / "ws", FORM_PARTS)
    forms = root / "templates" / "forms"
    forms.joinpath("two-pages.typ").write_text(
        TWO_PAGES.replace("MARK", "context [#metadata(here().page()) <commcli-copy>]"), encoding="utf-8")
    forms.joinpath("unmarked.typ").write_text(TWO_PAGES.replace("MARK", ""), encoding="utf-8")
    return root


def with_layout(root: Path, form_id: str, layout: str) -> str:
    """A copy of khai-sinh under another id, printed with ``layout``."""
    text = (root / "templates" / "forms" / "khai-sinh.yaml").read_text(encoding="utf-8")
    text = text.replace("id: khai-sinh", f"id: {form_id}", 1) + f"\nlayout: {layout}\n"
    (root / "templates" / "forms" / f"{form_id}.yaml").write_text(text, encoding="utf-8")
    return form_id


def page_texts(path: Path) -> list[str]:
    from pypdf import PdfReader

    return [page.extract_text() for page in PdfReader(str(path)).pages]


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


def test_chunks_in_workers_merge_in_order(sample):
    from commcli.forms import render_forms
    from commcli.workspace import open_workspace

    out = sample / "out-chunks" / "ks.pdf"
    result = render_forms(open_workspace(sample), "khai-sinh", "hmn", data=sample / "data" / "khai-sinh.csv",
                          output=out, jobs=2, chunk_copies=2)
    texts = page_texts(out)
    assert result.pages == len(texts) == 5 and result.copies == 5
    assert [name in text for name, text in zip(NAMES, texts)] == [True] * 5
    assert leftovers(out.parent) == ["ks.pdf"]  # scratch removed


def test_volumes_numbered_and_complete(cli, sample):
    out = sample / "out-volumes" / "ks.pdf"
    result = cli("--workspace", sample, "form", "render", "khai-sinh", "--lang", "hmn", "--data",
                 sample / "data" / "khai-sinh.csv", "-o", out, "--volume-size", "2", "--jobs", "2")
    assert result.exit_code == 0, result.stderr
    assert leftovers(out.parent) == ["ks-001.pdf", "ks-002.pdf", "ks-003.pdf"]
    counts = [len(page_texts(out.parent / n)) for n in leftovers(out.parent)]
    assert counts == [2, 2, 1]
    assert NAMES[4] in page_texts(out.parent / "ks-003.pdf")[0]


def test_split_uses_the_page_ranges_the_layout_marks(sample):
    from commcli.forms import render_forms
    from commcli.workspace import open_workspace

    form = with_layout(sample, "ks-hai-trang", "two-pages.typ")
    folder = sample / "out-split" / "moi-nguoi"
    out = sample / "out-split" / "tat-ca.pdf"
    result = render_forms(open_workspace(sample), form, "vi", data=sample / "data" / "khai-sinh.csv", output=out,
                          split=folder, name="{so_thu_tu}-{ho_ten}", jobs=2, chunk_copies=2)
    files = sorted(f for f in folder.iterdir() if not f.name.startswith("."))  # the marker of what commcli made
    assert [f.name for f in files] == [f"{n:02d}-{name}.pdf" for n, name in enumerate(NAMES, start=1)]
    pages = [page_texts(f) for f in files]
    assert [len(p) for p in pages] == [2, 1, 2, 1, 2]  # odd copies run over two pages
    for name, texts in zip(NAMES, pages):
        assert f"Copy of {name}" in texts[0]
        if len(texts) == 2:
            assert f"Page 2 of {name}" in texts[1]
    assert result.pages == len(page_texts(out)) == 8
    assert leftovers(out.parent) == ["moi-nguoi", "tat-ca.pdf"]


def test_split_refuses_a_layout_that_does_not_mark_multi_page_copies(cli, sample):
    form = with_layout(sample, "ks-khong-dau", "unmarked.typ")
    folder = sample / "out-unmarked" / "moi-nguoi"
    result = cli("--workspace", sample, "form", "render", form, "--lang", "vi", "--data",
                 sample / "data" / "khai-sinh.csv", "--split", folder, ui_lang="en")
    assert result.exit_code == 2
    assert "commcli-copy" in result.stderr and "cannot be split" in result.stderr
    assert leftovers(folder.parent) == []


def test_killed_worker_fails_the_batch_and_leaves_nothing(sample, monkeypatch):
    from commcli.errors import ContentError
    from commcli.forms import render_forms
    from commcli.i18n import set_language
    from commcli.workspace import open_workspace

    set_language("en")
    monkeypatch.setenv("COMMCLI_FAULT_KILL_CHUNK", "1")
    out = sample / "out-killed" / "ks.pdf"
    with pytest.raises(ContentError) as caught:
        render_forms(open_workspace(sample), "khai-sinh", "hmn", data=sample / "data" / "khai-sinh.csv", output=out,
                     split=sample / "out-killed" / "moi-nguoi", jobs=2, chunk_copies=2)
    message = caught.value.problems[0].message
    assert "copies 3–4" in message and "SIGKILL" in message and "nothing was written" in message
    assert caught.value.exit_code == 1
    assert not (sample / "out-killed").exists()  # no PDF, no split folder, no scratch, not even the folder


@pytest.mark.parametrize("args, option", [(["--jobs", "0"], "--jobs"), (["--volume-size", "-5"], "--volume-size")])
def test_bad_jobs_or_volume_size_is_usage(cli, sample, args, option):
    out = sample / "out-usage" / "ks.pdf"
    result = cli("--workspace", sample, "form", "render", "khai-sinh", "--lang", "hmn", "--data",
                 sample / "data" / "khai-sinh.csv", "-o", out, *args, ui_lang="en")
    assert result.exit_code == 2
    assert option in result.stderr and "Traceback" not in result.stderr
    assert not out.parent.exists()


def test_plan_chunks_never_straddle_volumes():
    from commcli.forms.batch import copy_ranges, plan_chunks

    chunks = plan_chunks(7, 2, volume_size=3)
    assert [(c.lo, c.hi, c.volume) for c in chunks] == [(0, 2, 0), (2, 3, 0), (3, 5, 1), (5, 6, 1), (6, 7, 2)]
    assert [(c.lo, c.hi) for c in plan_chunks(5, 250)] == [(0, 5)]
    assert copy_ranges([1, 3, 4], 6) == [(0, 2), (2, 3), (3, 6)]


def test_split_alone_with_the_default_names(sample):
    from commcli.forms import render_forms
    from commcli.workspace import open_workspace

    folder = sample / "out-default" / "moi-nguoi"
    result = render_forms(open_workspace(sample), "khai-sinh", "hmn", data=sample / "data" / "khai-sinh.csv",
                          split=folder, jobs=2, chunk_copies=2)
    files = sorted(f.name for f in folder.iterdir() if not f.name.startswith("."))
    assert files == ["01.pdf", "02.pdf", "03.pdf", "04.pdf", "05.pdf"]
    assert result.pages == 5 and len(result.split_files) == 5
    assert NAMES[3] in page_texts(folder / "04.pdf")[0]
    assert leftovers(folder.parent) == ["moi-nguoi"]


def test_households_of_every_size_split_from_their_stencils(sample):
    """Households of 3, 2 and 4 members: three shapes, three stencils; each person's file has its own pages."""
    import pikepdf

    from commcli.forms import render_forms
    from commcli.workspace import open_workspace

    folder = sample / "out-households" / "moi-ho"
    out = sample / "out-households" / "tat-ca.pdf"
    result = render_forms(open_workspace(sample), "bhyt", "hmn", data=sample / "data" / "bhyt-ho-gia-dinh.csv",
                          output=out, split=folder, name="{so_thu_tu}-{chu_ho}", jobs=2, chunk_copies=2)
    files = sorted(f for f in folder.iterdir() if not f.name.startswith("."))
    assert [f.name for f in files] == ["01-GIÀNG A CHỨ.pdf", "02-LÒ VĂN PÁNH.pdf", "03-LÙ VĂN XIÊNG.pdf"]
    members = {"01": ["SÙNG THỊ MÁY", "GIÀNG A DẾ"], "02": ["QUÀNG THỊ XUÂN"], "03": ["CÀ THỊ ÍN", "LÙ THỊ NGA"]}
    per_file = [page_texts(f) for f in files]
    assert len({len(p) for p in per_file}) == 1 and len(per_file[0]) >= 2  # form pages + the appendix page
    for f, texts in zip(files, per_file):
        whole = "\n".join(texts)
        assert f.stem.split("-", 1)[1] in whole
        for name in members[f.stem[:2]]:
            assert name in texts[-1]  # the appendix lists the household
    assert result.pages == len(page_texts(out)) == sum(len(p) for p in per_file)
    with pikepdf.open(out) as pdf:  # three shapes: each page shows one of its shape's stencil pages
        drawn = [obj.objgen for page in pdf.pages for obj in page.Resources.XObject.values()]
        assert len(drawn) == len(set(drawn)) == len(pdf.pages)


def test_one_stencil_page_is_shared_by_every_copy(sample):
    import pikepdf

    from commcli.forms import render_forms
    from commcli.workspace import open_workspace

    out = sample / "out-shared" / "ks.pdf"
    render_forms(open_workspace(sample), "khai-sinh", "hmn", data=sample / "data" / "khai-sinh.csv", output=out,
                 jobs=1)
    with pikepdf.open(out) as pdf:
        drawn = [obj.objgen for page in pdf.pages for obj in page.Resources.XObject.values()]
        assert len(drawn) == len(pdf.pages) == 5 and len(set(drawn)) == 1


def test_a_layout_without_a_stencil_mode_is_typeset_in_full(sample):
    """two-pages.typ knows nothing of stencils: each copy is laid out in full (as the split test shows)."""
    import pikepdf

    from commcli.forms import render_forms
    from commcli.workspace import open_workspace

    form = with_layout(sample, "ks-hai-trang", "two-pages.typ")
    out = sample / "out-full" / "ks.pdf"
    render_forms(open_workspace(sample), form, "vi", data=sample / "data" / "khai-sinh.csv", output=out)
    with pikepdf.open(out) as pdf:
        assert all("/XObject" not in page.Resources for page in pdf.pages)
    assert "Copy of " + NAMES[0] in page_texts(out)[0]


def test_a_household_code_shared_by_too_many_rows_is_refused(cli, sample):
    """Every row with the same household code (a filled-down column) would make one copy of pages and pages."""
    import csv

    with open(sample / "data" / "bhyt-ho-gia-dinh.csv", encoding="utf-8-sig", newline="") as handle:
        header, head, member, *_ = list(csv.reader(handle))
    data = sample / "data" / "mot-ho-qua-dong.csv"
    with open(data, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerows([header, head] + [member] * 60)
    out = sample / "out-big-household" / "bhyt.pdf"
    result = cli("--workspace", sample, "form", "render", "bhyt", "--lang", "hmn", "--data", data, "-o", out,
                 ui_lang="en")
    assert result.exit_code == 2
    assert "mot-ho-qua-dong.csv:2" in result.stderr and "61 rows share the value 'HGD-01'" in result.stderr
    assert not out.parent.exists()


def test_more_jobs_than_the_machine_can_run_are_capped_with_a_warning(cli, sample):
    from commcli.forms.batch import MAX_JOBS_PER_CORE, default_jobs

    out = sample / "out-jobs" / "ks.pdf"
    result = cli("--workspace", sample, "form", "render", "khai-sinh", "--lang", "hmn", "--data",
                 sample / "data" / "khai-sinh.csv", "-o", out, "--jobs", "500", ui_lang="en")
    assert result.exit_code == 0, result.stderr
    assert f"--jobs 500: this machine has {default_jobs()} core(s); {MAX_JOBS_PER_CORE * default_jobs()} workers" \
        in result.stderr
    assert out.is_file()


def test_households_stream_in_file_order_without_holding_the_file():
    """Groups come out as group_rows makes them (first appearance), each as soon as it is complete."""
    from types import SimpleNamespace

    from commcli.forms.groups import group_rows, stream_groups

    form = SimpleNamespace(appendix=SimpleNamespace(group_by="ma_ho"))
    codes = ["A", "A", "B", "", "C", "B", "C", "C", "D", ""]
    records = [SimpleNamespace(values={"ma_ho": c}, row=n + 2) for n, c in enumerate(codes)]
    read = []

    def second():
        for rec in records:
            read.append(rec.row)
            yield rec

    seen = []
    for group in stream_groups(form, iter(records), second()):
        seen.append(([r.row for r in group], len(read)))
    assert [rows for rows, _ in seen] == [[r.row for r in g] for g in group_rows(form, records)]
    # "A" is handed on after its 2nd row (row 3), before the rest of the file is read
    assert seen[0] == ([2, 3], 2)
    # "D" (sorted, complete at once) leaves as soon as it is read: only its own row beyond the groups before it
    assert ([10], 9) in seen


def test_households_from_the_data_workbook(cli, sample):
    """form sheet bhyt → the sample households typed in → three household copies, like from the CSV."""
    import csv

    import openpyxl

    path = sample / "out-sheet" / "bhyt.xlsx"
    assert cli("--workspace", sample, "form", "sheet", "bhyt", "-o", path).exit_code == 0
    book = openpyxl.load_workbook(path)
    sheet = book["Danh sách"]
    header = [c.value for c in sheet[1]]
    assert header[0] == "ma_ho"  # the household code first
    with open(sample / "data" / "bhyt-ho-gia-dinh.csv", encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    for n, row in enumerate(rows, start=2):
        for column, name in enumerate(header, start=1):
            sheet.cell(row=n, column=column, value=row.get(name) or None)
    book.save(path)
    out = sample / "out-sheet" / "bhyt.pdf"
    result = cli("--workspace", sample, "form", "render", "bhyt", "--lang", "hmn", "--data", path, "-o", out,
                 ui_lang="en")
    assert result.exit_code == 0, result.stderr
    assert "3 form(s)" in result.stdout
