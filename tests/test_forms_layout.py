"""Blank forms are comfortable to fill by hand, and the longest values fit their boxes (Typst reports positions)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
FORMS = ("khai-sinh", "bhyt", "dat-dai", "tro-giup-xa-hoi-tre-em", "tro-giup-xa-hoi-don-than",
         "tro-giup-xa-hoi-nguoi-cao-tuoi", "tro-giup-xa-hoi-khuyet-tat")
WORDS = "Bản Huổi Lếch xã Mường Nhé tỉnh Điện Biên Trạm y tế Nậm Pố Sín Thầu "


def longest(f) -> str:
    """The longest value the field accepts, in real words (a CSV from the commune office at its limit)."""
    if f.type == "date":
        return "28/12/2026"
    if f.type == "personal-id":
        return "011303004821"
    if f.type == "phone":
        return "0215 3740 123"
    if f.type == "money":
        return "123.456.789"
    if f.type == "number":
        return "1.250,5"[: f.length or 7]
    if f.type == "choice":
        return f.choices[-1].value
    if f.type == "checkbox":
        return "x"
    n = f.length or 60
    return (WORDS * (n // len(WORDS) + 1))[:n].rstrip()


def probes(form_id: str, lang: str, filled: bool) -> list[dict]:
    import typst

    from commcli.forms.layout import MEMBERS, form_layout, record_layout
    from commcli.forms.load import get_form
    from commcli.glossary import load_glossary
    from commcli.render.pdf import FONTS_DIR
    from commcli.workspace import open_workspace

    ws = open_workspace(REPO)
    form = get_form(ws, form_id).form
    glossary, _ = load_glossary(ws)
    form_data, _ = form_layout(form, glossary, lang, commune="Xã Mường Nhé")
    values = None
    if filled:
        values = {f.id: longest(f) for f in form.all_fields()}
        if form.appendix is not None:
            values[MEMBERS] = [{c.id: longest(c) for c in form.appendix.columns}] * form.appendix.rows
    data = {"form": form_data, "records": [record_layout(form, values)]}
    out = typst.query(str(REPO / "templates" / "forms" / "layout.typ"), "<probe>", field="value",
                      font_paths=[str(FONTS_DIR)], ignore_system_fonts=True,
                      sys_inputs={"data": json.dumps(data), "probe": "1"})
    return json.loads(out)


def _form(form_id: str):
    from commcli.forms.load import get_form
    from commcli.workspace import open_workspace

    return get_form(open_workspace(REPO), form_id).form


@pytest.mark.parametrize("form", FORMS)
def test_blank_form_leaves_room_to_write(form):
    items = probes(form, "hmn", filled=False)
    lines = [p for p in items if p["kind"] == "line"]
    assert lines
    for i, a in enumerate(lines):
        for b in lines[i + 1:]:
            overlap = a["page"] == b["page"] and a["x"] < b["x"] + b["w"] and b["x"] < a["x"] + a["w"]
            if overlap:
                # Writing lines one above the other are at least 8 mm apart.
                assert abs(a["y"] - b["y"]) >= 7.95, (form, a, b)
    for tr in (p for p in items if p["kind"] == "tr"):
        for line in lines:
            if line["page"] == tr["page"] and line["x"] - 0.5 <= tr["x"] <= line["x"] + line["w"]:
                # A translation never sits in the space where someone writes above a line.
                assert not (line["y"] - 6.0 < tr["y"] < line["y"] + 1.0), (form, tr, line)


@pytest.mark.parametrize("form", FORMS)
def test_longest_values_fit_and_boxes_share_a_baseline(form):
    items = probes(form, "hmn", filled=True)
    over = [p for p in items if p["kind"] == "value" and p["over"]]
    assert not over, over
    ticks: dict[str, set] = {}
    for p in items:
        if p["kind"] == "tick" and p["group"]:
            ticks.setdefault((p["page"], p["group"]), set()).add(round(p["y"], 1))
    if any(f.type == "choice" for f in _form(form).all_fields()):
        assert ticks
    for group, ys in ticks.items():
        assert len(ys) == 1, (form, group, ys)  # ticked and empty boxes on one baseline
