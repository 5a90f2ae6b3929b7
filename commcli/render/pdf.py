"""Typeset PDF with Typst, using only the fonts commcli ships; user data goes in as JSON, never as markup."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..errors import InputError, Problem
from ..i18n import _

FONTS_DIR = Path(__file__).resolve().parent.parent / "fonts"
# Fixed document timestamp: the same input gives the same PDF bytes (golden tests, manifests' hashes).
_EPOCH_2026 = 1767225600


def compile_pdf(source: str | bytes, data: Any, *, root: Path | None = None, template_name: str = "template",
                tagged: bool = True) -> bytes:
    """Compile Typst ``source``; it reads ``data`` with ``json(bytes(sys.inputs.data))``.

    Only the shipped fonts are used (system fonts ignored) so output is the same on every machine.
    ``tagged=False`` leaves out the PDF structure tags (accessibility): a third faster and half the size,
    for large print batches.
    """
    import typst

    if isinstance(source, str):
        source = source.encode("utf-8")
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    try:
        return typst.compile(
            source,
            root=str(root) if root else None,
            font_paths=[str(FONTS_DIR)],
            ignore_system_fonts=True,
            format="pdf",
            sys_inputs={"data": payload},
            timestamp=_EPOCH_2026,
            **({} if tagged else {"pdf_tags": False}),
        )
    except typst.TypstError as exc:
        raise InputError(Problem(
            _("The layout template {name} could not be typeset: {reason}").format(name=template_name, reason=str(exc).strip()[:500]),
            code="render.typst",
        )) from exc


def compile_image(source: str | bytes, data: Any, *, ppi: float, template_name: str = "template") -> bytes:
    """Compile Typst ``source`` to a PNG of its first page (cards); same fonts and data passing as ``compile_pdf``."""
    import typst

    if isinstance(source, str):
        source = source.encode("utf-8")
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    try:
        out = typst.compile(source, font_paths=[str(FONTS_DIR)], ignore_system_fonts=True, format="png", ppi=ppi,
                            sys_inputs={"data": payload})
    except typst.TypstError as exc:
        raise InputError(Problem(
            _("The layout template {name} could not be typeset: {reason}").format(name=template_name, reason=str(exc).strip()[:500]),
            code="render.typst",
        )) from exc
    return out[0] if isinstance(out, list) else out
