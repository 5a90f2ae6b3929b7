"""Large batches in bounded memory: copies spooled to disk, typeset in chunks by worker processes, then merged
into one PDF, written as numbered volumes, or split into one file per person.

Typst keeps its caches for the life of the process, so memory is bounded only by compiling a bounded number of
copies in a process that then exits. Each chunk runs in a fresh worker (forked by a clean launcher process: the
caller may already hold Typst's threads, which a fork would not carry) and writes its PDF to a scratch folder
beside the output. With the shared layout a chunk is only the copies' values laid over the form's stencil
(stencil.py): each copy's pages are known from its stencil. A layout of one's own is typeset in full, and marks
where each copy starts with ``<commcli-copy>`` metadata holding its first page, so a copy of several pages is
split where it really ends.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import ContentError, InputError, Problem
from ..i18n import _
from ..faults import os_reason

# Copies per worker process. A form laid out in full (a layout template without a stencil mode) costs Typst
# ~1.8 MB per page while it compiles: 50 copies keep the whole batch (two workers and the merger) near 430 MB
# (measured at 1,000 rows: 250 → 1,140 MB, 100 → 590 MB, 50 → 425 MB, all ~6 s). Values laid over a stencil
# cost less: 250 copies per worker keep the batch near 300 MB (500: ~630 MB, ~8 % faster).
CHUNK_COPIES = 50
STENCIL_CHUNK_COPIES = 250
MAX_JOBS_PER_CORE = 4
COPY_MARKER = "<commcli-copy>"
# Fixed document timestamp: the same input gives the same PDF bytes (golden tests, manifests' hashes).
TIMESTAMP = 1767225600


def default_jobs() -> int:
    """One worker per core this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


# --- the spool: validated copies on disk, one JSON line each -------------------------------------------------


class Spool:
    """Each valid copy's layout data as one JSON line in a file; only the line offsets stay in memory."""

    def __init__(self, path: Path):
        self.path = path
        self._handle = open(path, "wb")
        self.offsets: list[int] = [0]

    def add(self, record: dict) -> None:
        line = json.dumps(record, ensure_ascii=False, separators=(",", ":")).encode("utf-8") + b"\n"
        self._handle.write(line)
        self.offsets.append(self.offsets[-1] + len(line))

    def close(self) -> None:
        if not self._handle.closed:
            self._handle.close()

    def __len__(self) -> int:
        return len(self.offsets) - 1

    def span(self, lo: int, hi: int) -> tuple[int, int]:
        """Byte range of copies ``lo``…``hi - 1``."""
        return self.offsets[lo], self.offsets[hi]


def read_span(path: str, start: int, end: int) -> bytes:
    """Copies as a JSON array, straight from their spooled lines (no parsing)."""
    with open(path, "rb") as handle:
        handle.seek(start)
        lines = handle.read(end - start).splitlines()
    return b"[" + b",".join(lines) + b"]"


# --- the plan --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Chunk:
    """Copies ``lo``…``hi - 1`` typeset by one worker; ``volume`` is the numbered file they go to (0 = the only one)."""

    index: int
    lo: int
    hi: int
    volume: int = 0


def plan_chunks(copies: int, chunk_copies: int, volume_size: int | None = None) -> list[Chunk]:
    """Chunks of at most ``chunk_copies``, never straddling two volumes of ``volume_size`` copies."""
    chunks: list[Chunk] = []
    step = volume_size or copies or 1
    for volume, vlo in enumerate(range(0, copies, step)):
        vhi = min(copies, vlo + step)
        for lo in range(vlo, vhi, chunk_copies):
            chunks.append(Chunk(len(chunks), lo, min(vhi, lo + chunk_copies), volume if volume_size else 0))
    return chunks


def copy_ranges(starts: list[int], pages: int) -> list[tuple[int, int]]:
    """(first, last + 1) page indexes (0-based) of each copy from the 1-based first pages the layout marked."""
    bounds = [s - 1 for s in starts] + [pages]
    return [(bounds[i], bounds[i + 1]) for i in range(len(starts))]


# --- one chunk, in a worker (or in-process for a single chunk) ---------------------------------------------------


@dataclass
class Task:
    """Everything a worker needs, small enough to send to another process."""

    template: str
    root: str
    form_json: str
    spool: str
    start: int
    end: int
    copies: int
    pdf: str
    result: str
    template_name: str
    split_files: list[str] | None = None
    """Per-person file paths (one per copy) when splitting."""
    keep_pdf: bool = True
    """Keep the chunk PDF after splitting (it is also merged into one PDF)."""
    stencils: str | None = None
    """The stencils' JSON file (stencil.py): only the values are typeset, over them. None: each copy in full."""
    keys: list[str] | None = None
    """With stencils: each copy's shape, in order."""


def typst_failed(template_name: str, exc: BaseException) -> InputError:
    return InputError(Problem(
        _("The layout template {name} could not be typeset: {reason}").format(
            name=template_name, reason=str(exc).strip()[:500]),
        code="render.typst"))


def layout_compiler(template: str, root: str, form_json: str, records_json: str, **inputs: str):
    """A Typst compiler for the form layout: the form's and the copies' JSON as ``sys.inputs.data``, the fonts
    commcli ships and no others, ``inputs`` as further ``sys.inputs`` (mode, shapes, split)."""
    import typst

    from ..render.pdf import FONTS_DIR

    return typst.Compiler(template, root=root, font_paths=[str(FONTS_DIR)], ignore_system_fonts=True,
                          sys_inputs={"data": '{"form":' + form_json + ',"records":' + records_json + "}", **inputs})


def _records_json(task: Task) -> str:
    return read_span(task.spool, task.start, task.end).decode("utf-8")


def typeset_chunk(task: Task) -> dict:
    """Compile the chunk's copies to ``task.pdf``; split it when asked; return pages and copy starts."""
    import typst

    from ..render.pdf import pdf_timestamp

    if task.stencils is not None:
        return typeset_values(task)
    try:
        compiler = layout_compiler(task.template, task.root, task.form_json, _records_json(task),
                                   **({"split": "1"} if task.split_files is not None else {}))
        # Untagged: forms are printed, and tags cost a third of the time and half the size of a large batch.
        compiler.compile(output=task.pdf, format="pdf", timestamp=pdf_timestamp(), pdf_tags=False)
        starts = json.loads(compiler.query(COPY_MARKER, field="value")) if task.split_files is not None else []
    except (typst.TypstError, RuntimeError) as exc:
        raise typst_failed(task.template_name, exc) from exc
    del compiler
    result: dict = {"starts": starts}
    if task.split_files is None:
        result["pages"] = _page_count(task.pdf)
        return result
    result["pages"] = split_pdf(task, starts)
    return result


def typeset_values(task: Task) -> dict:
    """The chunk's values alone, laid over the stencils (stencil.py): to ``task.pdf`` and/or one file per copy."""
    import pikepdf
    import typst

    from ..render.pdf import pdf_timestamp
    from .stencil import Stencil, copy_pages, lay_under, shapes_json

    with open(task.stencils, encoding="utf-8") as handle:
        stencils = {k: Stencil(k, v["pdf"], v["pages"]) for k, v in json.load(handle).items()}
    keys = list(task.keys or [])
    values_pdf = task.pdf + ".values"
    try:
        compiler = layout_compiler(task.template, task.root, task.form_json, _records_json(task), mode="values",
                                   shapes=shapes_json(stencils, keys))
        compiler.compile(output=values_pdf, format="pdf", timestamp=pdf_timestamp(), pdf_tags=False)
        del compiler
    except (typst.TypstError, RuntimeError) as exc:
        raise typst_failed(task.template_name, exc) from exc
    counts = copy_pages(stencils, keys)
    starts, first = [], 1
    for count in counts:
        starts.append(first)
        first += count
    with pikepdf.open(values_pdf) as pdf:
        if len(pdf.pages) != sum(counts):
            raise RuntimeError(f"{len(pdf.pages)} values pages, {sum(counts)} expected")
        lay_under(pdf, stencils, keys)
        if task.split_files is not None:
            write_copies(pdf, copy_ranges(starts, len(pdf.pages)), task.split_files)
        if task.keep_pdf or task.split_files is None:
            pdf.save(task.pdf, deterministic_id=True)
    os.unlink(values_pdf)
    return {"pages": sum(counts), "starts": starts}


def write_copies(pdf, ranges: list[tuple[int, int]], files: list[str]) -> None:
    """Each copy's pages to its own file (temporary name, then renamed)."""
    import pikepdf

    for (first, last), target in zip(ranges, files):
        single = pikepdf.new()
        single.pages.extend(pdf.pages[first:last])
        tmp = f"{target}.part"
        single.save(tmp, deterministic_id=True)
        single.close()
        os.replace(tmp, target)


def _page_count(path: str) -> int:
    import pikepdf

    with pikepdf.open(path) as pdf:
        return len(pdf.pages)


def split_pdf(task: Task, starts: list[int]) -> int:
    """Write each copy's pages to its own file (temporary name, then renamed)."""
    import pikepdf

    with pikepdf.open(task.pdf) as pdf:
        pages = len(pdf.pages)
        if len(starts) != task.copies:
            if pages != task.copies:
                raise InputError(Problem(
                    _("The layout template {name} does not mark where each copy starts, and its copies are not one "
                      "page each: the batch cannot be split.").format(name=task.template_name),
                    hint=_("Put '#context [#metadata(here().page()) <commcli-copy>]' at the start of each copy, as "
                           "templates/forms/layout.typ does."),
                    code="render.split-marker"))
            starts = list(range(1, pages + 1))
        write_copies(pdf, copy_ranges(starts, pages), task.split_files)
    if not task.keep_pdf:
        os.unlink(task.pdf)
    return pages


def _worker(task: Task) -> None:
    """Worker process entry: the outcome goes to ``task.result`` as JSON; exit 1 on error, never a traceback."""
    try:
        outcome = typeset_chunk(task)
    except BaseException as exc:  # noqa: BLE001 - everything becomes a message for the parent
        if isinstance(exc, InputError):
            outcome = {"error": [p.message for p in exc.problems], "hint": [p.hint for p in exc.problems]}
        elif isinstance(exc, OSError):
            outcome = {"error": [_("Cannot write the forms: {reason}").format(reason=os_reason(exc))]}
        else:
            outcome = {"error": [f"{type(exc).__name__}: {exc}"]}
        _write_json(task.result, outcome)
        sys.stdout.flush()
        os._exit(1)
    _write_json(task.result, outcome)


def _write_json(path: str, data: dict) -> None:
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as handle:
        json.dump(data, handle)
    os.replace(tmp, path)


# --- running the chunks ------------------------------------------------------------------------------------------


def _failure(chunk: Chunk, status: int | None, result: Path) -> ContentError | InputError:
    """The error for a chunk whose worker failed: its own message, or how it died."""
    copies = _("copies {first}–{last}").format(first=chunk.lo + 1, last=chunk.hi)
    if result.is_file():
        data = json.loads(result.read_text(encoding="utf-8"))
        messages = data.get("error") or []
        hints = data.get("hint") or []
        return InputError([Problem(m, hint=(hints[i] if i < len(hints) else None), code="render.typst")
                           for i, m in enumerate(messages)])
    if status is not None and status < 0:
        try:
            how = signal.Signals(-status).name
        except ValueError:
            how = str(-status)
        reason = _("it was stopped by signal {signal}").format(signal=how)
    elif status is None:
        reason = _("the process running the workers stopped")
    else:
        reason = _("it exited with code {code}").format(code=status)
    return ContentError(Problem(
        _("A worker process typesetting {copies} stopped before it finished ({reason}); nothing was written.").format(
            copies=copies, reason=reason),
        hint=_("If the machine ran out of memory, run again with fewer workers (--jobs 1)."),
        code="render.worker"))


def run_chunks(tasks: list[tuple[Chunk, Task]], jobs: int, on_done) -> None:
    """Typeset every chunk, ``jobs`` workers at a time; ``on_done(chunk, outcome)`` as each one finishes.

    A single chunk runs in this process (no start-up cost for small batches). Otherwise a launcher
    process (``python -m commcli.forms.batch``: clean, Typst preloaded, never compiling itself) forks one
    short-lived worker per chunk, so each worker's memory is returned when its chunk is done. A worker
    that fails or dies stops the batch: the launcher and its workers are killed and the error raised.
    """
    if len(tasks) == 1 or not hasattr(os, "fork"):
        # One chunk, or a system without fork (Windows): typeset here, one chunk after another.
        for chunk, task in tasks:
            on_done(chunk, typeset_chunk(task))
        return
    import subprocess

    by_index = {chunk.index: (chunk, task) for chunk, task in tasks}
    launcher = subprocess.Popen(
        [sys.executable, "-m", "commcli.forms.batch"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
        start_new_session=True)
    finished = False
    try:
        order = {"jobs": jobs, "tasks": [dict(vars(task), index=chunk.index) for chunk, task in tasks]}
        launcher.stdin.write(json.dumps(order).encode("utf-8"))
        launcher.stdin.close()
        done = 0
        for line in launcher.stdout:
            report = json.loads(line)
            chunk, task = by_index[report["index"]]
            result = Path(task.result)
            if report["status"] != 0 or not result.is_file():
                raise _failure(chunk, report["status"], result)
            on_done(chunk, json.loads(result.read_text(encoding="utf-8")))
            done += 1
        if done != len(tasks):
            chunk, task = next((c, t) for c, t in tasks if not Path(t.result).is_file())
            raise _failure(chunk, None, Path(task.result))
        finished = True
    finally:
        if not finished:
            try:
                os.killpg(launcher.pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass
        launcher.stdout.close()
        launcher.wait()


def _launch(order: dict) -> int:
    """The launcher's loop: fork up to ``jobs`` workers; report each one's end as a JSON line on stdout."""
    tasks = order["tasks"]
    jobs = max(1, int(order["jobs"]))
    running: dict[int, int] = {}
    out = sys.stdout
    while tasks or running:
        while tasks and len(running) < jobs:
            data = tasks.pop(0)
            index = data.pop("index")
            pid = os.fork()
            if pid == 0:  # the worker
                if os.environ.get("COMMCLI_FAULT_KILL_CHUNK") == str(index):
                    os.kill(os.getpid(), signal.SIGKILL)  # fault suite: a worker killed mid-batch
                _worker(Task(**data))
                os._exit(0)
            running[pid] = index
        pid, status = os.wait()
        index = running.pop(pid, None)
        if index is None:
            continue
        code = -os.WTERMSIG(status) if os.WIFSIGNALED(status) else os.WEXITSTATUS(status)
        out.write(json.dumps({"index": index, "status": code}) + "\n")
        out.flush()
    return 0


# --- merging -----------------------------------------------------------------------------------------------------


def merge_pdfs(parts: list[Path], target: Path) -> int:
    """Concatenate ``parts`` into ``target`` (qpdf through pikepdf: C++, pages copied without re-rendering)."""
    import pikepdf

    out = pikepdf.new()
    sources = []
    try:
        for part in parts:
            source = pikepdf.open(part)
            sources.append(source)
            out.pages.extend(source.pages)
        out.save(target, deterministic_id=True)
        return len(out.pages)
    finally:
        out.close()
        for source in sources:
            source.close()


def _remove_stale_scratch(parent: Path, name: str) -> None:
    from ..outputs import left_by_dead_process

    for path in left_by_dead_process(parent, f".{name}.work."):
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)


@dataclass
class Scratch:
    """A hidden folder beside the output for the spool, chunk PDFs and results; removed on every exit path."""

    near: Path
    path: Path = field(init=False)
    made: list[Path] = field(default_factory=list)

    def __enter__(self) -> "Scratch":
        parent = Path(self.near).parent
        missing = []
        probe = parent
        while not probe.exists():
            missing.append(probe)
            probe = probe.parent
        for folder in reversed(missing):
            folder.mkdir()
            self.made.append(folder)
        _remove_stale_scratch(parent, Path(self.near).name)
        # The pid in the name lets the next run remove what a killed one left (kill -9, power cut).
        self.path = Path(tempfile.mkdtemp(prefix=f".{Path(self.near).name}.work.{os.getpid()}.", dir=parent))
        return self

    def keep_folders(self) -> None:
        """The output was written: the folders made for it stay."""
        self.made = []

    def __exit__(self, *exc) -> None:
        shutil.rmtree(self.path, ignore_errors=True)
        for folder in reversed(self.made):
            try:
                folder.rmdir()
            except OSError:
                pass


if __name__ == "__main__":
    import typst  # noqa: F401  (loaded once here, shared by every forked worker)
    import pikepdf  # noqa: F401

    sys.exit(_launch(json.loads(sys.stdin.read())))
