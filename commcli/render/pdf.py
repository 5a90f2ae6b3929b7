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


def pdf_timestamp() -> int:
    """The PDF's creation date: SOURCE_DATE_EPOCH when set (reproducible-builds.org), else a fixed date.

    Never the clock: the same input gives the same bytes."""
    import os

    value = os.environ.get("SOURCE_DATE_EPOCH", "")
    return int(value) if value.isdigit() else _EPOCH_2026


def compile_pdf(source: str | bytes, data: Any, *, root: Path | None = None, template_name: str = "template",
                tagged: bool = True) -> bytes:
    """Compile Typst ``source``; it reads ``data`` with ``json(bytes(sys.inputs.data))``.

    Only the shipped fonts are used (system fonts ignored) so output is the same on every machine.
    ``tagged=False`` leaves out the PDF structure tags (accessibility): a third faster and half the size,
    for large print batches.
    """
    import typst

    if root is not None:
        check_typst_root(Path(root))
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
            timestamp=pdf_timestamp(),
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


def check_typst_root(root: Path) -> None:
    """Typst may read any file under ``root`` (images, included layouts). Refuse a root holding a symbolic
    link that leads out of it (a layout could print /etc/passwd) or a pipe/device (reading it would hang)."""
    import os
    import stat

    base = root.resolve()
    for dirpath, dirnames, filenames in os.walk(root):
        for name in dirnames + filenames:
            path = Path(dirpath) / name
            try:
                info = os.lstat(path)
                if stat.S_ISLNK(info.st_mode):
                    target = path.resolve()
                    inside = target == base or base in target.parents
                    info = os.stat(path) if inside else None
                else:
                    inside = True
            except OSError:
                inside, info = False, None
            if not inside:
                raise InputError(Problem(
                    _("{path} is a symbolic link that leads out of the layout folder; commcli does not follow it.").format(path=path),
                    file=path, hint=_("Replace the link by a copy of the file."), code="path.link"))
            if info is not None and not (stat.S_ISREG(info.st_mode) or stat.S_ISDIR(info.st_mode)):
                raise InputError(Problem(
                    _("{path} is not a regular file (it is a device, a pipe or a socket); commcli reads only files.").format(path=path),
                    file=path, hint=_("Give a file saved on the disk."), code="file.not-regular"))
