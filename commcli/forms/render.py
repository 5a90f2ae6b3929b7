"""Render a form for a language, blank or filled from data: validate all, typeset once, then write atomically."""

from __future__ import annotations

import csv
import datetime as _dt
import io
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from .. import langs
from ..errors import InputError, Problem, Problems, Severity
from ..i18n import _
from .data import read_data
from .layout import form_layout, record_layout
from .load import FOLDER, LoadedForm, get_form
from .validate import Checked, choice_texts, validate_record

# Names a --name pattern may use besides the field ids.
SEQUENCE_NAMES = ("so_thu_tu", "stt", "row")


@dataclass
class Batch:
    """A validated batch, ready to typeset: the form's layout and each record's outcome."""

    loaded: LoadedForm
    lang: str
    form_data: dict
    checked: list[Checked] = field(default_factory=list)
    blank: bool = False
    warnings: list[Problem] = field(default_factory=list)

    @property
    def valid(self) -> list[Checked]:
        return [c for c in self.checked if c.ok]

    @property
    def rejected(self) -> list[Checked]:
        return [c for c in self.checked if not c.ok]


@dataclass
class RenderResult:
    """What was written: the PDF, the split folder, the rejected-rows CSV; pages; warnings shown to the user."""

    pdf: Path | None = None
    split_dir: Path | None = None
    split_files: list[Path] = field(default_factory=list)
    rejected_csv: Path | None = None
    copies: int = 0
    pages: int = 0
    rejected: int = 0
    warnings: list[Problem] = field(default_factory=list)


def check_language(lang: str) -> None:
    if not langs.is_known(lang):
        raise InputError(Problem(
            langs.unknown_tag_message(lang), field="--lang", expected=", ".join(langs.known_tags()),
            hint=_("Give vi (Vietnamese only) or a language the glossary translates, e.g. --lang hmn."),
            code="usage.lang"))


def prepare(ws, form_id: str, lang: str, *, data: Path | None = None, blank: bool = False,
            today: _dt.date | None = None) -> Batch:
    """Load the form, its labels in ``lang`` and the data; validate every record. Raises InputError for
    anything that stops the whole batch (unknown form or language, unreadable data, glossary errors)."""
    from ..glossary import load_glossary

    if blank == (data is not None):
        raise InputError(Problem(
            _("Give either --blank (a form to fill in by hand) or --data FILE (forms filled from a file)."),
            code="usage.form-mode"))
    check_language(lang)
    loaded = get_form(ws, form_id)
    form = loaded.form
    glossary, gl_problems = load_glossary(ws)
    gl_errors = [p for p in gl_problems if p.is_error]
    if gl_errors:
        raise InputError(gl_errors)
    commune = ws.commune.commune if ws.commune else None
    form_data, label_problems = form_layout(form, glossary, lang, file=loaded.path, positions=loaded.positions,
                                            commune=commune)
    errors = [p for p in label_problems if p.is_error]
    if errors:
        raise InputError(errors)
    if lang != "vi" and not _any_translation(form_data):
        raise InputError(Problem(
            _("The form '{form}' cannot print in '{lang}': the glossary translates none of its labels into it.").format(
                form=form.id, lang=lang),
            field="--lang", hint=_("Add '{lang}' translations to the glossary, or print with --lang vi.").format(lang=lang),
            code="usage.lang-untranslated"))
    batch = Batch(loaded=loaded, lang=lang, form_data=form_data, blank=blank, warnings=label_problems)
    if blank:
        return batch
    problems = Problems()
    labels = {f.id: glossary.vi(f.label) or f.id for f in form.all_fields()}
    records = read_data(Path(data), form, labels, problems)
    if problems.has_errors:
        raise InputError(problems.items)
    batch.warnings.extend(problems.warnings)
    if not records:
        raise InputError(Problem(_("The data file has no rows to print."), file=Path(data), line=2,
                                 hint=_("Write one person per row under the header row."), code="file.no-rows"))
    day = today or _dt.date.today()
    choices = choice_texts(form, glossary)
    batch.checked = [validate_record(form, r, today=day, labels=labels, choices=choices) for r in records]
    return batch


def _any_translation(form_data: dict) -> bool:
    labels = [form_data["title"]] + [f["label"] for s in form_data["sections"] for f in s["fields"]]
    return any(label and label.get("tr") for label in labels)


def template_source(ws, loaded: LoadedForm) -> tuple[str, Path]:
    name = loaded.form.layout
    line, column = loaded.position(("layout",))
    path = ws.inside(f"{FOLDER}/{name}", what=_("the form layout"), file=loaded.path, line=line)
    try:
        return path.read_text(encoding="utf-8"), path
    except OSError:
        raise InputError(Problem(
            _("The layout file '{name}' does not exist.").format(name=name), file=loaded.path, line=line, column=column,
            field="layout", hint=_("Put the Typst file in templates/forms/ or remove 'layout:' to use the shared one."),
            code="path.missing")) from None


def typeset(ws, batch: Batch, records: list[dict[str, str] | None]) -> bytes:
    """One Typst compile for all ``records`` (None = a blank copy): one PDF, a page break between copies."""
    from ..render.pdf import compile_pdf

    source, path = template_source(ws, batch.loaded)
    form = batch.loaded.form
    data = {"form": batch.form_data, "records": [record_layout(form, r) for r in records]}
    # Untagged: forms are printed, and tags cost a third of the time and half the size of a 1,000-page batch.
    return compile_pdf(source, data, root=path.parent, template_name=path.name, tagged=False)


_PAGE = re.compile(rb"/Type\s*/Page(?![A-Za-z])")


def count_pages(pdf: bytes) -> int:
    return len(_PAGE.findall(pdf))


def safe_filename(text: str) -> str:
    """A file name every system accepts: no / \\ : * ? " < > |, no control characters, no dots at the ends."""
    text = unicodedata.normalize("NFC", text)
    text = re.sub(r'[\\/:*?"<>|\x00-\x1f\x7f]+', "-", text)
    text = " ".join(text.split()).strip(" .-")
    return text[:120]


def split_names(pattern: str, batch: Batch, checked: list[Checked]) -> list[str]:
    """File names (without .pdf) for each copy from the --name pattern; duplicates get -2, -3…"""
    form = batch.loaded.form
    used = re.findall(r"\{([^{}]*)\}", pattern)
    unknown = [n for n in used if form.field(n) is None and n not in SEQUENCE_NAMES]
    problems = []
    if unknown:
        problems.append(Problem(
            _("The name pattern uses {names}, which are not fields of the form '{form}'.").format(
                names=", ".join("{" + n + "}" for n in unknown), form=form.id),
            field="--name", expected=", ".join(["{so_thu_tu}"] + ["{" + f.id + "}" for f in form.all_fields()]),
            code="usage.name-pattern"))
    secret = [n for n in used if form.field(n) is not None and form.field(n).type == "personal-id"]
    if secret:
        problems.append(Problem(
            _("File names must not contain personal ID numbers ({names}).").format(names=", ".join(secret)),
            field="--name", hint=_("Use the name and the sequence number instead, e.g. \"{so_thu_tu}-{ho_ten}\"."),
            code="usage.name-pattern"))
    if problems:
        raise InputError(problems)
    width = max(2, len(str(len(checked))))
    names: list[str] = []
    seen: dict[str, int] = {}
    for n, item in enumerate(checked, start=1):
        def value(match: re.Match) -> str:
            key = match.group(1)
            if form.field(key) is not None:
                return item.values.get(key, "")
            return str(n).zfill(width) if key != "row" else str(item.record.row)

        name = safe_filename(re.sub(r"\{([^{}]*)\}", value, pattern)) or str(n).zfill(width)
        count = seen.get(name.casefold(), 0) + 1
        seen[name.casefold()] = count
        names.append(name if count == 1 else f"{name}-{count}")
    return names


def rejected_csv(batch: Batch) -> str:
    """Rows refused, one line per problem: row, column, reason (never a field's value)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([_("row"), _("column"), _("reason")])
    for item in batch.rejected:
        for p in item.problems:
            if p.is_error:
                writer.writerow([item.record.row, item.record.column_names.get(p.field or "", p.field or ""), p.message])
    return buffer.getvalue()


def rejected_path(output: Path | None, split_dir: Path | None) -> Path:
    if output is not None:
        return output.with_name(output.stem + ".rejected.csv")
    return split_dir.with_name(split_dir.name + ".rejected.csv")


def render_forms(ws, form_id: str, lang: str, *, output: Path | None = None, blank: bool = False,
                 data: Path | None = None, split: Path | None = None, name: str | None = None,
                 skip_invalid: bool = False, today: _dt.date | None = None) -> RenderResult:
    """Validate everything, typeset, then write: ``output`` (one PDF for all copies) and/or ``split``
    (one PDF per copy named by ``name``). Nothing is written when validation fails (InputError, exit 2)
    unless ``skip_invalid``: then the valid copies are printed and the rejected rows listed in a CSV."""
    from ..outputs import check_output_file, check_output_folder, output_folder
    from ..publish import write_bytes_atomic, write_text_atomic

    if output is None and split is None:
        raise InputError(Problem(_("Say where to write: -o FILE.pdf and/or --split FOLDER."), code="usage.output"))
    # Where the outputs go is checked before any work: never on the officer's files.
    reads = [data] if data is not None else []
    if output is not None:
        check_output_file(ws, Path(output), suffixes=(".pdf",), option="-o", extra_inputs=reads)
    if split is not None:
        check_output_folder(ws, Path(split), option="--split", extra_inputs=reads)
    if output is not None or split is not None:
        check_output_file(ws, rejected_path(Path(output) if output else None, Path(split) if split else None),
                          suffixes=(".csv",), option="-o" if output else "--split", extra_inputs=reads)
    if split is not None and not name:
        name = "{so_thu_tu}"
    batch = prepare(ws, form_id, lang, data=data, blank=blank, today=today)
    result = RenderResult(warnings=list(batch.warnings))
    if blank:
        copies: list[dict[str, str] | None] = [None]
        checked: list[Checked] = []
    else:
        errors = [p for c in batch.checked for p in c.problems if p.is_error]
        if errors and not (skip_invalid and batch.valid):
            raise InputError(errors)
        checked = batch.valid
        copies = [c.values for c in checked]
        result.rejected = len(batch.rejected)
    names = split_names(name, batch, checked) if split is not None and not blank else None
    if split is not None and blank:
        names = [safe_filename(f"{batch.loaded.form.id}-{lang}")]

    # Typeset everything before writing anything.
    pdf = typeset(ws, batch, copies) if output is not None else None
    singles = [typeset(ws, batch, [c]) for c in copies] if split is not None else []

    if pdf is not None:
        result.pdf = write_bytes_atomic(Path(output), pdf)
        result.pages = count_pages(pdf)
    if split is not None:
        with output_folder(ws, Path(split), kind="form-split", option="--split", extra_inputs=reads) as staging:
            for file_name, single in zip(names, singles):
                (staging / f"{file_name}.pdf").write_bytes(single)
        result.split_dir = Path(split)
        result.split_files = [Path(split) / f"{n}.pdf" for n in names]
        if pdf is None:
            result.pages = sum(count_pages(s) for s in singles)
    if result.rejected:
        result.rejected_csv = write_text_atomic(rejected_path(Path(output) if output else None, Path(split) if split else None),
                                                rejected_csv(batch), bom=True)
        result.warnings.append(Problem(
            _("{count} row(s) were not printed; the reasons are in {file}.").format(
                count=result.rejected, file=result.rejected_csv.name),
            severity=Severity.WARNING, code="form.rows-skipped"))
    result.copies = len(copies)
    return result
