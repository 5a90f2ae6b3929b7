"""A batch's form laid out once, its values typeset alone and laid over it.

Laying a form out is what costs in a batch: ~4 ms of Typst per page for the official layout, most of it for
what is the same on every copy (labels, translations, writing lines, boxes). So a filled batch is made in
three steps:

1. the **stencil**: the layout (``sys.inputs.mode = "stencil"``) typesets one copy of each *shape* (a copy's
   structure: the number of rows in its appendix table) with no values, and reports every *slot* — a box
   whose size never depends on the value, where a value goes — as ``<commcli-slot>`` metadata: page,
   position, size and what goes there;
2. the **values**: the layout (``mode = "values"``) typesets only the values, each at its slot, one page per
   stencil page (~0.4 ms a page);
3. each values page gets its stencil page laid under it, as one PDF form object shared by every page
   (qpdf through pikepdf): the PDF is a third of the size, and prints the same.

The layout draws a slot's content with one function in both "flow" and "values" modes, so a copy prints
alike either way (tested pixel by pixel). A layout template that does not know the modes (no
``<commcli-stencil>`` mark in stencil mode) is typeset in full, copy by copy, as before.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

STENCIL_MARK = "<commcli-stencil>"
SLOT_MARK = "<commcli-slot>"
SIZE_MARK = "<commcli-slot-size>"
STENCIL_VERSION = "commcli-stencil-1"


def shape_key(record: dict) -> str:
    """What decides a copy's structure: the rows of its appendix table (every other box is the same size)."""
    return f"m{len(record.get('members') or [])}"


def shape_record(record: dict) -> dict:
    """A copy of ``record``'s shape with no values: what the stencil is laid out from."""
    empty = {key: ({} if isinstance(value, dict) else value) for key, value in record.items()}
    empty["members"] = [{} for _ in record.get("members") or []]
    empty["blank"] = False
    return empty


@dataclass(frozen=True)
class Stencil:
    """One shape's stencil: its PDF and, per page, the page size and the slots on it."""

    key: str
    pdf: str
    pages: list[dict]

    def as_json(self) -> dict:
        return {"pages": self.pages}


def make_stencils(template: Path, root: Path, form_json: str, shapes: dict[str, dict],
                  folder: Path) -> dict[str, Stencil] | None:
    """Typeset each shape's stencil into ``folder``; ``None`` when the template has no stencil mode.

    Raises ``typst.TypstError``/``RuntimeError`` as a compile does (the caller turns it into a message)."""
    import pikepdf

    from ..render.pdf import pdf_timestamp
    from .batch import layout_compiler

    stencils: dict[str, Stencil] = {}
    for n, (key, record) in enumerate(sorted(shapes.items())):
        compiler = layout_compiler(str(template), str(root), form_json,
                                   "[" + json.dumps(record, ensure_ascii=False) + "]", mode="stencil")
        marks = json.loads(compiler.query(STENCIL_MARK, field="value"))
        if STENCIL_VERSION not in marks:
            return None
        pdf = folder / f"stencil-{n:03d}.pdf"
        compiler.compile(output=str(pdf), format="pdf", timestamp=pdf_timestamp(), pdf_tags=False)
        slots = json.loads(compiler.query(SLOT_MARK, field="value"))
        sizes = json.loads(compiler.query(SIZE_MARK, field="value"))
        if len(sizes) != len(slots):
            raise RuntimeError(f"{len(slots)} slots but {len(sizes)} sizes in the stencil")
        slots = [{**slot, **size} for slot, size in zip(slots, sizes)]
        with pikepdf.open(pdf) as doc:
            boxes = [page.mediabox for page in doc.pages]
        pages = []
        for number, box in enumerate(boxes, start=1):
            width, height = float(box[2]) - float(box[0]), float(box[3]) - float(box[1])
            pages.append({"w": width, "h": height, "slots": [s for s in slots if s.get("page") == number]})
        stencils[key] = Stencil(key, str(pdf), pages)
    return stencils


def shapes_json(stencils: dict[str, Stencil], keys: list[str] | None = None) -> str:
    """The slots the values pages need (only the shapes in ``keys`` when given)."""
    wanted = stencils if keys is None else {k: stencils[k] for k in dict.fromkeys(keys)}
    return json.dumps({k: s.as_json() for k, s in wanted.items()}, separators=(",", ":"))


def copy_pages(stencils: dict[str, Stencil], keys: list[str]) -> list[int]:
    """Pages of each copy, from its shape's stencil (known from the layout, never guessed)."""
    return [len(stencils[k].pages) for k in keys]


def lay_under(values_pdf, stencils: dict[str, Stencil], keys: list[str]) -> None:
    """Put each copy's stencil pages under its values pages (``values_pdf``: an open pikepdf document).

    Every stencil page becomes one form object in the document, shared by all the pages that use it."""
    import pikepdf

    opened: dict[str, pikepdf.Pdf] = {}
    forms: dict[tuple[str, int], pikepdf.Object] = {}
    try:
        index = 0
        pages = values_pdf.pages
        for key in keys:
            stencil = stencils[key]
            for number in range(len(stencil.pages)):
                form = forms.get((key, number))
                if form is None:
                    source = opened.get(key) or opened.setdefault(key, pikepdf.open(stencil.pdf))
                    form = values_pdf.copy_foreign(source.pages[number].as_form_xobject())
                    forms[(key, number)] = form
                pages[index].add_underlay(form)
                index += 1
        if index != len(pages):
            raise RuntimeError(f"{len(pages)} values pages for {index} stencil pages")
    finally:
        for source in opened.values():
            source.close()
