"""Render a form for a language, blank or filled from data: validate all, typeset once, then write atomically."""

from __future__ import annotations

import csv
import datetime as _dt
import io
import json
import os
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from .. import langs
from ..errors import InputError, Problem, Problems, Severity
from ..i18n import _
from .data import iter_data
from .layout import form_layout, record_layout
from .load import FOLDER, LoadedForm, get_form
from .validate import Checked, choice_texts, validate_record

# Names a --name pattern may use besides the field ids.
SEQUENCE_NAMES = ("so_thu_tu", "stt", "row")


@dataclass
class Batch:
    """A form ready to typeset in one language: its layout, and what the records need to be validated."""

    loaded: LoadedForm
    lang: str
    form_data: dict
    blank: bool = False
    warnings: list[Problem] = field(default_factory=list)
    data: Path | None = None
    labels: dict[str, str] = field(default_factory=dict)
    choices: dict[str, dict[str, str]] = field(default_factory=dict)
    day: _dt.date | None = None


@dataclass
class Validated:
    """What streaming validation kept: the count of valid copies (spooled), the rejected rows, name parts."""

    copies: int = 0
    rejected: list[Checked] = field(default_factory=list)
    name_parts: list[tuple[dict[str, str], int]] = field(default_factory=list)
    """Per valid copy: the values the --name pattern uses, and its row."""

    @property
    def errors(self) -> list[Problem]:
        return [p for c in self.rejected for p in c.problems if p.is_error]


@dataclass
class RenderResult:
    """What was written: the PDF (or volumes), the split folder, the rejected-rows CSV; pages; warnings shown."""

    pdf: Path | None = None
    volumes: list[Path] = field(default_factory=list)
    split_dir: Path | None = None
    split_files: list[Path] = field(default_factory=list)
    rejected_csv: Path | None = None
    copies: int = 0
    pages: int = 0
    rejected: int = 0
    warnings: list[Problem] = field(default_factory=list)
    coverage: dict = field(default_factory=dict)
    """Labels really translated into the second language: {"lang", "translated", "total"}."""


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
    coverage = form_data["coverage"]
    if lang != "vi" and coverage["total"] and not coverage["translated"]:
        # Nothing to print under the Vietnamese: a "bilingual" form would be Vietnamese only.
        raise InputError(Problem(
            _("The form '{form}' cannot print in '{lang}': the glossary translates none of its labels into it.").format(
                form=form.id, lang=lang) + f" ({lang} 0/{coverage['total']})",
            field="--lang", hint=_("Add '{lang}' translations to the glossary, or print with --lang vi.").format(lang=lang),
            code="usage.lang-untranslated"))
    batch = Batch(loaded=loaded, lang=lang, form_data=form_data, blank=blank, warnings=label_problems,
                  data=Path(data) if data is not None else None, day=today or _dt.date.today())
    if not blank:
        batch.labels = {f.id: glossary.vi(f.label) or f.id for f in form.all_fields()}
        batch.choices = choice_texts(form, glossary)
    return batch


def _checked_records(batch: Batch, problems: Problems):
    """(record, Checked) one at a time; for a form with an appendix, one per group of rows (a household),
    whose rows may be anywhere in the file: the file is read twice (counting each group's rows, then handing
    each group on once complete), so a file sorted by household is never held whole."""
    form = batch.loaded.form
    if form.appendix is None:
        for record in iter_data(batch.data, form, batch.labels, problems):
            if problems.has_errors:
                return  # the file itself is wrong (e.g. a required column missing): reported by the caller
            yield record, validate_record(form, record, today=batch.day, labels=batch.labels, choices=batch.choices)
        return
    from .groups import stream_groups, validate_group

    counting = Problems()  # the first read's problems: the second read reports the same ones
    first = iter_data(batch.data, form, batch.labels, counting)

    def rows():
        for record in iter_data(batch.data, form, batch.labels, problems):
            if problems.has_errors:
                return  # the file itself is wrong (e.g. a required column missing): reported by the caller
            yield record

    def counted():
        for record in first:
            if counting.has_errors:
                return
            yield record

    for group in stream_groups(form, counted(), rows()):
        checked = validate_group(form, group, today=batch.day, labels=batch.labels, choices=batch.choices)
        yield checked.record, checked


def validate_stream(batch: Batch, on_valid, name_fields: tuple[str, ...] | None = None) -> Validated:
    """Read and validate the records one at a time; ``on_valid(record_layout)`` for each valid copy.

    Raises InputError when the file cannot be read as a whole (columns missing, not UTF-8, no rows).
    Invalid rows are kept (for the message and the rejected-rows CSV); valid ones are handed on, not held.
    """
    form = batch.loaded.form
    problems = Problems()
    outcome = Validated()
    seen = 0
    for record, checked in _checked_records(batch, problems):
        seen += 1
        if not checked.ok:
            outcome.rejected.append(checked)
            continue
        outcome.copies += 1
        on_valid(record_layout(form, checked.values))
        if name_fields is not None:  # splitting: every copy needs a name, even from {so_thu_tu} alone
            outcome.name_parts.append(({k: checked.values.get(k, "") for k in name_fields}, record.row))
    if problems.has_errors:
        raise InputError(problems.items)
    batch.warnings.extend(problems.warnings)
    if not seen:
        raise InputError(Problem(_("The data file has no rows to print."), file=batch.data, line=2,
                                 hint=_("Write one person per row under the header row."), code="file.no-rows"))
    return outcome


def template_path(ws, loaded: LoadedForm) -> Path:
    """The form's Typst layout inside the workspace; InputError when it is missing."""
    name = loaded.form.layout
    line, column = loaded.position(("layout",))
    path = ws.inside(f"{FOLDER}/{name}", what=_("the form layout"), file=loaded.path, line=line)
    if not path.is_file():
        raise InputError(Problem(
            _("The layout file '{name}' does not exist.").format(name=name), file=loaded.path, line=line, column=column,
            field="layout", hint=_("Put the Typst file in templates/forms/ or remove 'layout:' to use the shared one."),
            code="path.missing"))
    return path


_PAGE = re.compile(rb"/Type\s*/Page(?![A-Za-z])")


def count_pages(pdf: bytes) -> int:
    return len(_PAGE.findall(pdf))


def safe_filename(text: str) -> str:
    """A file name every system accepts: no / \\ : * ? " < > |, no control characters, no dots at the ends."""
    text = unicodedata.normalize("NFC", text)
    text = re.sub(r'[\\/:*?"<>|\x00-\x1f\x7f]+', "-", text)
    text = " ".join(text.split()).strip(" .-")
    # File systems count bytes (255 on ext4, NTFS 255 UTF-16 units): Vietnamese letters take 2-3 bytes each.
    # 180 bytes leave room for a uniqueness suffix and ".pdf".
    text = text.encode("utf-8")[:180].decode("utf-8", "ignore").rstrip(" .-")
    # Windows refuses these names whatever the extension (CON.pdf, nul.pdf, COM1.pdf …).
    if _WINDOWS_RESERVED.match(text.split(".")[0]):
        text = "_" + text
    return text or "_"


_WINDOWS_RESERVED = re.compile(r"^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])\s*\Z", re.IGNORECASE)


def name_fields(pattern: str, batch: Batch) -> tuple[str, ...]:
    """The field ids a --name pattern uses; InputError for unknown names and personal ID numbers."""
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
    return tuple(dict.fromkeys(n for n in used if form.field(n) is not None))


def split_names(pattern: str, batch: Batch, items: list[tuple[dict[str, str], int]]) -> list[str]:
    """File names (without .pdf) for each copy from the --name pattern and (values, row); duplicates get -2, -3…"""
    form = batch.loaded.form
    name_fields(pattern, batch)
    width = max(2, len(str(len(items))))
    names: list[str] = []
    seen: dict[str, int] = {}
    for n, (values, row) in enumerate(items, start=1):
        def value(match: re.Match) -> str:
            key = match.group(1)
            if form.field(key) is not None:
                return values.get(key, "")
            return str(n).zfill(width) if key != "row" else str(row)

        name = safe_filename(re.sub(r"\{([^{}]*)\}", value, pattern)) or str(n).zfill(width)
        count = seen.get(name.casefold(), 0) + 1
        seen[name.casefold()] = count
        names.append(name if count == 1 else f"{name}-{count}")
    return names


def rejected_csv(rejected: list[Checked]) -> str:
    """Rows refused, one line per problem: row, column, reason (never a field's value)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([_("row"), _("column"), _("reason")])
    for item in rejected:
        for p in item.problems:
            if p.is_error:
                writer.writerow([item.record.row, item.record.column_names.get(p.field or "", p.field or ""), p.message])
    return buffer.getvalue()


def rejected_path(output: Path | None, split_dir: Path | None) -> Path:
    if output is not None:
        return output.with_name(output.stem + ".rejected.csv")
    return split_dir.with_name(split_dir.name + ".rejected.csv")


def check_options(jobs: int | None, volume_size: int | None, output: Path | None) -> None:
    """--jobs and --volume-size are whole numbers from 1; volumes need -o (their names come from it)."""
    problems = []
    if jobs is not None and jobs < 1:
        problems.append(Problem(_("--jobs must be 1 or more (the number of worker processes); {value} was given.").format(
            value=jobs), field="--jobs", hint=_("Leave it out to use one worker per core."), code="usage.jobs"))
    if volume_size is not None and volume_size < 1:
        problems.append(Problem(
            _("--volume-size must be 1 or more (forms per file); {value} was given.").format(value=volume_size),
            field="--volume-size", code="usage.volume-size"))
    elif volume_size is not None and output is None:
        problems.append(Problem(_("--volume-size needs -o FILE.pdf: the volumes are named after it (FILE-001.pdf…)."),
                                field="--volume-size", code="usage.volume-size"))
    if problems:
        raise InputError(problems)


def volume_paths(output: Path, volumes: int) -> list[Path]:
    """``ho-so.pdf`` → ``ho-so-001.pdf``, ``ho-so-002.pdf``… (at least three digits, so they sort)."""
    width = max(3, len(str(volumes)))
    return [output.with_name(f"{output.stem}-{n:0{width}d}{output.suffix or '.pdf'}") for n in range(1, volumes + 1)]


def render_forms(ws, form_id: str, lang: str, *, output: Path | None = None, blank: bool = False,
                 data: Path | None = None, split: Path | None = None, name: str | None = None,
                 skip_invalid: bool = False, today: _dt.date | None = None, jobs: int | None = None,
                 volume_size: int | None = None, chunk_copies: int | None = None,
                 progress=None) -> RenderResult:
    """Validate everything, typeset, then write: ``output`` (one PDF for all copies, or numbered volumes of
    ``volume_size`` copies) and/or ``split`` (one PDF per copy named by ``name``).

    Rows are validated as they are read and spooled to a scratch folder beside the output; copies are
    typeset in chunks of ``chunk_copies`` by up to ``jobs`` worker processes (one per core by default), so
    memory does not grow with the batch. Nothing is written when validation fails (InputError, exit 2)
    unless ``skip_invalid``: then the valid copies are printed and the rejected rows listed in a CSV.
    Outputs appear complete or not at all; scratch files are removed whatever happens.
    ``progress(done, total)``, when given, is called with the copies typeset so far as each chunk ends.
    """
    from ..outputs import check_output_file, check_output_folder, output_folder
    from ..render.pdf import check_typst_root
    from ..publish import fsync_replace, write_text_atomic
    from . import batch as bt
    from . import stencil as st

    if output is None and split is None:
        raise InputError(Problem(_("Say where to write: -o FILE.pdf and/or --split FOLDER."), code="usage.output"))
    check_options(jobs, volume_size, output)
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
    fields = name_fields(name, batch) if split is not None and not blank else None
    output = Path(output) if output is not None else None
    split = Path(split) if split is not None else None
    with bt.Scratch(output if output is not None else split) as scratch:
        spool = bt.Spool(scratch.path / "copies.jsonl")
        shapes: dict[str, dict] = {}  # one empty copy of each shape (stencil.py)
        keys: list[str] = []  # each copy's shape

        def keep(record: dict) -> None:
            key = st.shape_key(record)
            record["shape"] = key
            if key not in shapes:
                shapes[key] = st.shape_record(record)
            keys.append(key)
            spool.add(record)

        try:
            if blank:
                spool.add(record_layout(batch.loaded.form, None))
                validated = Validated(copies=1)
            else:
                validated = validate_stream(batch, keep, fields)
        finally:
            spool.close()
        if validated.errors and not (skip_invalid and validated.copies):
            raise InputError(validated.errors)
        result = RenderResult(warnings=list(batch.warnings), copies=validated.copies, rejected=len(validated.rejected),
                              coverage={"lang": lang, **batch.form_data["coverage"]})
        names = None
        if split is not None:
            names = ([safe_filename(f"{batch.loaded.form.id}-{lang}")] if blank
                     else split_names(name, batch, validated.name_parts))
            validated.name_parts = []
            if len(names) != validated.copies:  # a file per copy, or the batch would be cut silently
                raise RuntimeError(f"{len(names)} names for {validated.copies} copies")

        source_path = template_path(ws, batch.loaded)
        check_typst_root(source_path.parent)  # Typst may read files there: no link out of it (issue #10)
        form_json = json.dumps(batch.form_data, ensure_ascii=False, separators=(",", ":"))
        pages: dict[int, int] = {}
        stencils_file = None
        if shapes:
            # Filled copies: the form is laid out once per shape, the copies' values are laid over it.
            import typst

            try:
                stencils = st.make_stencils(source_path, source_path.parent, form_json, shapes, scratch.path)
            except (typst.TypstError, RuntimeError) as exc:
                raise bt.typst_failed(source_path.name, exc) from exc
            if stencils is not None:
                stencils_file = scratch.path / "stencils.json"
                stencils_file.write_text(json.dumps({k: {"pdf": v.pdf, "pages": v.pages} for k, v in stencils.items()}),
                                         encoding="utf-8")
        chunks = bt.plan_chunks(validated.copies, chunk_copies or (
            bt.STENCIL_CHUNK_COPIES if stencils_file else bt.CHUNK_COPIES), volume_size)

        # Each worker holds its chunk in memory: more than a few per core only slows the machine down, and
        # "--jobs 64" on a 2-core office PC would run it out of memory.
        workers = jobs or bt.default_jobs()
        if workers > bt.MAX_JOBS_PER_CORE * bt.default_jobs():
            workers = bt.MAX_JOBS_PER_CORE * bt.default_jobs()
            result.warnings.append(Problem(
                _("--jobs {asked}: this machine has {cores} core(s); {used} workers are used.").format(
                    asked=jobs, cores=bt.default_jobs(), used=workers),
                severity=Severity.WARNING, field="--jobs", code="usage.jobs-capped"))

        def typeset_into(split_folder: Path | None) -> None:
            tasks = []
            for chunk in chunks:
                start, end = spool.span(chunk.lo, chunk.hi)
                files = None
                if split_folder is not None:
                    files = [str(split_folder / f"{n}.pdf") for n in names[chunk.lo:chunk.hi]]
                tasks.append((chunk, bt.Task(
                    template=str(source_path), root=str(source_path.parent), form_json=form_json,
                    spool=str(spool.path), start=start, end=end, copies=chunk.hi - chunk.lo,
                    pdf=str(scratch.path / f"chunk-{chunk.index:05d}.pdf"),
                    result=str(scratch.path / f"chunk-{chunk.index:05d}.json"),
                    template_name=source_path.name, split_files=files, keep_pdf=output is not None,
                    stencils=str(stencils_file) if stencils_file else None,
                    keys=keys[chunk.lo:chunk.hi] if stencils_file else None)))
            done = [0]

            def finished(chunk, outcome) -> None:
                pages[chunk.index] = outcome["pages"]
                done[0] += chunk.hi - chunk.lo
                if progress is not None:
                    progress(done[0], validated.copies)

            bt.run_chunks(tasks, min(workers, len(tasks)), finished)

        def write_pdfs() -> None:
            parts = [scratch.path / f"chunk-{c.index:05d}.pdf" for c in chunks]
            targets = volume_paths(output, chunks[-1].volume + 1) if volume_size else [output]
            staged = []
            for number, target in enumerate(targets):
                tmp = scratch.path / f"volume-{number:05d}.pdf"
                mine = [p for p, c in zip(parts, chunks) if c.volume == number]
                if len(mine) == 1:
                    os.replace(mine[0], tmp)
                else:
                    bt.merge_pdfs(mine, tmp)
                    for part in mine:
                        part.unlink()
                staged.append((tmp, target))
            for tmp, target in staged:
                check_output_file(ws, target, suffixes=(".pdf",), option="-o", extra_inputs=reads)
            for tmp, target in staged:
                fsync_replace(tmp, target)
            if volume_size:
                result.volumes = targets
            else:
                result.pdf = output

        if split is not None:
            with output_folder(ws, split, kind="form-split", option="--split", extra_inputs=reads) as staging:
                typeset_into(staging)
                if output is not None:
                    write_pdfs()
            result.split_dir = split
            result.split_files = [split / f"{n}.pdf" for n in names]
        else:
            typeset_into(None)
            write_pdfs()
        result.pages = sum(pages.values())
        scratch.keep_folders()
    if result.rejected:
        result.rejected_csv = write_text_atomic(rejected_path(output, split), rejected_csv(validated.rejected), bom=True)
        result.warnings.append(Problem(
            _("{count} row(s) were not printed; the reasons are in {file}.").format(
                count=result.rejected, file=result.rejected_csv.name),
            severity=Severity.WARNING, code="form.rows-skipped"))
    return result
