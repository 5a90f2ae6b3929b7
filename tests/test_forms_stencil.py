"""A filled batch is its stencil with the values laid over it: it must print exactly as the form laid out in full.

Every form, filled with the longest values it accepts (and its appendix with every row), is rendered both ways
and rasterised; the pages must match pixel for pixel (a value one point off shows)."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from test_forms_layout import FORMS, REPO, longest

pdfium = pytest.importorskip("pypdfium2")


def _record(form, filled: bool, members: int | None = None) -> dict:
    from commcli.forms.layout import MEMBERS, record_layout

    values = {f.id: longest(f) for f in form.all_fields()} if filled else {}
    if form.appendix is not None:
        rows = form.appendix.rows if members is None else members
        values[MEMBERS] = [{c.id: longest(c) for c in form.appendix.columns}] * rows
    return record_layout(form, values)


def _both(form_id: str, lang: str, records_of) -> tuple[bytes, bytes]:
    """(the copies laid out in full, the same copies as stencil + values) as PDF bytes."""
    import pikepdf
    import typst

    from commcli.forms import stencil as st
    from commcli.forms.layout import form_layout
    from commcli.forms.load import get_form
    from commcli.glossary import load_glossary
    from commcli.render.pdf import FONTS_DIR
    from commcli.workspace import open_workspace

    ws = open_workspace(REPO)
    form = get_form(ws, form_id).form
    glossary, _ = load_glossary(ws)
    form_data, _ = form_layout(form, glossary, lang, commune="Xã Mường Nhé")
    records = records_of(form)
    template = REPO / "templates" / "forms" / "layout.typ"
    options = dict(root=str(template.parent), font_paths=[str(FONTS_DIR)], ignore_system_fonts=True)
    form_json = json.dumps(form_data, ensure_ascii=False)
    flow = typst.compile(str(template), format="pdf", pdf_tags=False,
                         sys_inputs={"data": json.dumps({"form": form_data, "records": records})}, **options)
    shapes = {}
    for record in records:
        record["shape"] = st.shape_key(record)
        shapes.setdefault(record["shape"], st.shape_record(record))
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        stencils = st.make_stencils(template, template.parent, form_json, shapes, Path(tmp))
        assert stencils is not None
        keys = [r["shape"] for r in records]
        values = typst.compile(str(template), format="pdf", pdf_tags=False, sys_inputs={
            "data": json.dumps({"form": form_data, "records": records}), "mode": "values",
            "shapes": st.shapes_json(stencils, keys)}, **options)
        with pikepdf.open(io.BytesIO(values)) as pdf:
            st.lay_under(pdf, stencils, keys)
            out = io.BytesIO()
            pdf.save(out)
    return flow, out.getvalue()


def _pages(pdf: bytes, scale: float = 1.5):
    import numpy as np

    doc = pdfium.PdfDocument(pdf)
    try:
        return [np.asarray(page.render(scale=scale, grayscale=True).to_pil().convert("L"), dtype=np.int16)
                for page in doc]
    finally:
        doc.close()


def assert_same_print(flow: bytes, overlay: bytes) -> None:
    a, b = _pages(flow), _pages(overlay)
    assert len(a) == len(b), f"{len(a)} pages laid out in full, {len(b)} from the stencil"
    for n, (x, y) in enumerate(zip(a, b), start=1):
        assert x.shape == y.shape, f"page {n}: size differs"
        differ = abs(x - y) > 0
        if differ.any():
            rows, cols = differ.nonzero()
            raise AssertionError(f"page {n}: {int(differ.sum())} pixels differ, around "
                                 f"x={int(cols.mean() / 1.5 * 25.4 / 72)} mm, y={int(rows.mean() / 1.5 * 25.4 / 72)} mm")


@pytest.mark.parametrize("form", FORMS)
def test_stencil_prints_like_the_full_layout(form):
    """Longest values, a second copy with other values, and (for household forms) a short appendix."""
    def records(f):
        return [_record(f, True), _record(f, True, members=2), _record(f, False, members=1)]

    flow, overlay = _both(form, "hmn", records)
    assert_same_print(flow, overlay)


def test_stencil_prints_like_the_full_layout_in_tai_viet():
    flow, overlay = _both("khai-sinh", "blt-Tavt", lambda f: [_record(f, True)])
    assert_same_print(flow, overlay)
