"""Read form data (--data): a YAML file (one person or a list) or a CSV saved by Excel/LibreOffice.

Each record keeps where it came from (file, row, each cell's line and column) so every problem can be
pointed at. Headers are field ids or the Vietnamese labels as printed on the form.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from ..errors import Problem, Problems, Severity
from ..i18n import _
from ..faults import os_reason
from .model import FormDefinition


def header_key(text: str) -> str:
    """A header compared loosely: no accents, case, spaces or punctuation ("Họ và tên" = "ho_va_ten")."""
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    return re.sub(r"[^a-z0-9]+", "", text)


@dataclass
class Record:
    """One person's answers as written, with positions."""

    row: int
    """Row number shown to the user: the CSV line (header = 1) or the YAML line of the person."""
    values: dict[str, str] = field(default_factory=dict)
    """Field id → text as written (NFC)."""
    file: Path | None = None
    where: dict[str, tuple[int | None, int | None]] = field(default_factory=dict)
    """Field id → (line, column) of the cell."""
    column_names: dict[str, str] = field(default_factory=dict)
    """Field id → the header as written (for messages)."""


def _header_map(form: FormDefinition, headers: list[str], labels: dict[str, str]) -> dict[int, str]:
    """Column index → field id, for the columns that name a field (by id or by Vietnamese label)."""
    by_key: dict[str, str] = {}
    for f in form.all_fields():
        by_key[header_key(f.id)] = f.id
        if f.id in labels:
            by_key.setdefault(header_key(labels[f.id]), f.id)
    return {i: by_key[header_key(h)] for i, h in enumerate(headers) if header_key(h) in by_key}


def sniff_delimiter(first_line: str) -> str:
    """',', ';' or a tab — whichever separates the header (Excel writes ';' where the decimal mark is ',', and
    tabs in its "Unicode Text" export)."""
    counts = {d: 0 for d in ",;\t"}
    quoted = False
    for ch in first_line:
        if ch == '"':
            quoted = not quoted
        elif not quoted and ch in counts:
            counts[ch] += 1
    best = max(counts, key=lambda d: (counts[d], d == ","))
    return best if counts[best] else ","


def decode(raw: bytes, path: Path, problems: Problems) -> str | None:
    from ..yamlload import decode_utf8

    if raw[:2] in (b"\xff\xfe", b"\xfe\xff"):
        # UTF-16 with its byte-order mark: Excel's "Unicode Text" export (tab-separated) and some CSV exports.
        try:
            return unicodedata.normalize("NFC", raw.decode("utf-16"))
        except UnicodeDecodeError:
            pass

    return decode_utf8(raw, path, problems, message=_("The data file is not UTF-8 text."), hint=_(
        "In Excel choose Save As, 'CSV UTF-8 (Comma delimited)'; in LibreOffice tick 'Edit filter settings' and choose UTF-8."))


def _check_columns(form: FormDefinition, mapped: dict[int, str], headers: list[str], path: Path,
                   header_line: int, problems: Problems) -> None:
    present = set(mapped.values())
    for i, h in enumerate(headers):
        if i not in mapped and h.strip():
            problems.add(Problem(
                _("The column '{column}' is not a field of the form '{form}'; it is ignored.").format(column=h, form=form.id),
                file=path, line=header_line, column=i + 1, severity=Severity.WARNING,
                expected=", ".join(f.id for f in form.all_fields()),
                hint=_("Check the spelling; 'commcli form list' shows the field ids."), code="form.unknown-column",
            ))
    missing = [f.id for f in form.all_fields() if f.required and f.id not in present]
    if missing:
        problems.add(Problem(
            _("Required columns are missing: {columns}.").format(columns=", ".join(missing)),
            file=path, line=header_line, column=1,
            hint=_("Add these columns to the first row of the file (field ids as 'commcli form list' shows them)."),
            code="form.missing-column",
        ))


def read_csv(text: str, path: Path, form: FormDefinition, labels: dict[str, str], problems: Problems) -> list[Record]:
    return list(iter_csv(text, path, form, labels, problems))


HEADER_SEARCH_ROWS = 10
"""How far down a spreadsheet's title rows may push the header row."""


class _Unreadable(Exception):
    """The rows stopped: the file is malformed past this point (the reason is the message)."""


def _csv_rows(text: str) -> Iterator[tuple[int, list[str]]]:
    """(first line, cells) of each CSV row; raises _Unreadable for a malformed file."""
    # The separator of the widest of the first lines: a title row above the header may have none.
    head_lines = text.split("\n", HEADER_SEARCH_ROWS)[:HEADER_SEARCH_ROWS]
    delimiter = sniff_delimiter(max(head_lines, key=lambda ln: max(ln.count(d) for d in ",;\t")))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    line = 0
    try:
        for cells in reader:
            yield line + 1, cells
            line = reader.line_num
    except csv.Error as exc:
        raise _Unreadable(_("The CSV file cannot be read: {reason}").format(reason=str(exc)), reader.line_num) from None


def iter_csv(text: str, path: Path, form: FormDefinition, labels: dict[str, str], problems: Problems) -> Iterator[Record]:
    """Records one at a time (a district's batch is not held in memory); problems added as they are met."""
    yield from iter_rows(_csv_rows(text), path, form, labels, problems)


def iter_rows(rows: Iterator[tuple[int, list[str]]], path: Path, form: FormDefinition, labels: dict[str, str],
              problems: Problems) -> Iterator[Record]:
    """Records from a spreadsheet's rows ((row number, cells), in order): the header row first — below a title
    and empty rows if need be — then one record per non-empty row."""
    head: list[tuple[int, list[str]]] = []
    try:
        for number, cells in rows:
            head.append((number, cells))
            if len(head) >= HEADER_SEARCH_ROWS or len(_header_map(form, cells, labels)) >= 2:
                break
        if not head:
            problems.add(Problem(_("The data file is empty."), file=path, line=1, code="file.empty"))
            return
        # Spreadsheets often have a title ("DANH SÁCH …") and empty rows above the header: the header is the
        # first row that names at least two of the form's fields (or the first row, to report what is missing).
        at = next((i for i, (_n, cells) in enumerate(head) if len(_header_map(form, cells, labels)) >= 2), 0)
        header_line, headers = head[at]
        if at:
            problems.add(Problem(
                _("Rows 1–{last} above the header row are not data (a title?); they are skipped.").format(
                    last=header_line - 1),
                file=path, line=1, severity=Severity.WARNING, code="file.title-rows"))
        mapped = _header_map(form, headers, labels)
        _check_columns(form, mapped, headers, path, header_line, problems)

        def data_rows():
            yield from head[at + 1:]
            yield from rows

        for start, cells in data_rows():
            if not any(str(c).strip() for c in cells):
                continue  # Excel leaves empty rows at the end
            rec = Record(row=start, file=path)
            for i, fid in mapped.items():
                rec.values[fid] = cells[i] if i < len(cells) else ""
                rec.where[fid] = (start, i + 1)
                rec.column_names[fid] = headers[i]
            yield rec
    except _Unreadable as exc:
        message, line = exc.args
        problems.add(Problem(message, file=path, line=line, code="file.unreadable-rows"))


def _cell_text(value) -> str:
    """A spreadsheet cell as the text the officer sees: whole numbers without ".0", dates as dd/mm/yyyy."""
    import datetime as _dt

    if value is None:
        return ""
    if isinstance(value, bool):
        return "x" if value else ""
    if isinstance(value, _dt.datetime):
        return value.strftime("%d/%m/%Y") if (value.hour, value.minute, value.second) == (0, 0, 0) else \
            value.strftime("%d/%m/%Y %H:%M")
    if isinstance(value, _dt.date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return repr(value).replace(".", ",")  # the Vietnamese decimal mark, as the sheet shows it
    return str(value)


def _xlsx_rows(raw: bytes, path: Path, problems: Problems, form: FormDefinition | None = None,
               labels: dict[str, str] | None = None) -> Iterator[tuple[int, list[str]]] | None:
    """(row number, cells) of the workbook's first sheet, streamed (openpyxl read-only; defusedxml guards the
    XML); None with a problem when the file is not a workbook."""
    import warnings
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            # A workbook unpacks to a few times its size; far more is a "zip bomb", refused before reading.
            if sum(info.file_size for info in archive.infolist()) > XLSX_MAX_UNPACKED:
                raise ValueError("unpacks too large")
        import openpyxl

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            book = openpyxl.load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - any way a file is not a workbook is one message
        problems.add(Problem(
            _("The file is not an Excel workbook commcli can read ({reason}).").format(reason=type(exc).__name__),
            file=path, hint=_("Open it in Excel or LibreOffice and save it again as .xlsx, or as CSV UTF-8."),
            code="file.xlsx"))
        return None
    # The first sheet whose first rows hold the form's header (a workbook often has a cover or notes sheet).
    sheet = book.worksheets[0]
    if form is not None and len(book.worksheets) > 1:
        for candidate in book.worksheets:
            head = candidate.iter_rows(values_only=True, max_row=HEADER_SEARCH_ROWS, max_col=XLSX_MAX_COLUMNS)
            if any(len(_header_map(form, [_cell_text(v) for v in values], labels)) >= 2 for values in head):
                sheet = candidate
                break
        if sheet is not book.worksheets[0]:
            problems.add(Problem(
                _("The form's columns are on the sheet '{sheet}' of the workbook: that sheet is read.").format(
                    sheet=sheet.title), file=path, severity=Severity.WARNING, code="file.xlsx-sheet"))

    def rows():
        number = 0
        try:
            for number, values in enumerate(sheet.iter_rows(values_only=True, max_col=XLSX_MAX_COLUMNS), start=1):
                yield number, [_cell_text(v) for v in values]
        except Exception as exc:  # noqa: BLE001 - the sheet's XML is read lazily: a broken part shows here
            raise _Unreadable(_("The file is not an Excel workbook commcli can read ({reason}).").format(
                reason=type(exc).__name__), number + 1) from None
        finally:
            book.close()

    return rows()


XLSX_MAX_UNPACKED = 400 * 1024 * 1024
# Columns read: a form has a few dozen; a sheet claiming 16,384 would make every row that wide.
XLSX_MAX_COLUMNS = 256


def read_yaml(path: Path, form: FormDefinition, labels: dict[str, str], problems: Problems) -> list[Record]:
    from ..yamlload import load_yaml_file

    loaded = load_yaml_file(path, problems)
    if loaded is None:
        return []
    data = loaded.data
    items = [data] if isinstance(data, dict) else data
    if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
        problems.add(Problem(
            _("The data file must hold one person (field: value lines) or a list of them."),
            file=path, line=1, column=1, code="schema.form-data"))
        return []
    prefix = () if isinstance(data, dict) else None
    records = []
    for n, item in enumerate(items):
        base = () if prefix == () else (n,)
        line, _col = loaded.positions.of(base)
        headers = list(item)
        mapped = _header_map(form, headers, labels)
        _check_columns(form, mapped, headers, path, line or 1, problems)
        rec = Record(row=line or 1, file=path)
        for i, fid in mapped.items():
            key = headers[i]
            value = item[key]
            if isinstance(value, (dict, list)):
                kl, kc = loaded.positions.of(base + (key,))
                problems.add(Problem(_("The value of '{key}' must be text, not a list or a mapping.").format(key=key),
                                     file=path, line=kl, column=kc, field=key, code="schema.form-data"))
                value = ""
            rec.values[fid] = "" if value is None else str(value)
            rec.where[fid] = loaded.positions.of(base + (key,))
            rec.column_names[fid] = key
        records.append(rec)
    return records


def read_data(path: Path, form: FormDefinition, labels: dict[str, str], problems: Problems) -> list[Record]:
    """Records from a .csv, .yaml or .yml file; problems (file:line:col) added for what cannot be read."""
    return list(iter_data(path, form, labels, problems))


def _read_raw(path: Path, problems: Problems) -> bytes | None:
    """The data file's bytes (size limit, regular files only), or None with the problem added."""
    from ..errors import InputError
    from ..safeio import read_input

    try:
        return read_input(path, "csv")
    except InputError as exc:
        problems.extend(exc.problems)
    except OSError as exc:
        problems.add(Problem(_("Cannot read the data file: {reason}").format(reason=os_reason(exc)),
                             file=path, code="file.unreadable"))
    return None


def iter_data(path: Path, form: FormDefinition, labels: dict[str, str], problems: Problems) -> Iterator[Record]:
    """Like read_data, one record at a time: problems are complete once the records are all consumed."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in (".yaml", ".yml"):
        yield from read_yaml(path, form, labels, problems)
        return
    if suffix == ".xlsx":
        raw = _read_raw(path, problems)
        rows = _xlsx_rows(raw, path, problems, form, labels) if raw is not None else None
        if rows is not None:
            yield from iter_rows(rows, path, form, labels, problems)
        return
    if suffix in (".xls", ".ods", ".xlsm", ".xlsb", ".numbers"):
        problems.add(Problem(
            _("commcli reads Excel workbooks saved as .xlsx, not '{suffix}'.").format(suffix=path.suffix),
            file=path, expected=".xlsx, .csv",
            hint=_("Open it in Excel or LibreOffice and choose Save As: 'Excel Workbook (.xlsx)' or 'CSV UTF-8'."),
            code="usage.data-type"))
        return
    if suffix not in (".csv", ".tsv", ".txt"):
        problems.add(Problem(
            _("Unknown data file type '{suffix}'.").format(suffix=path.suffix or path.name),
            file=path, expected=".xlsx, .csv, .tsv, .txt, .yaml",
            hint=_("Save the spreadsheet as Excel (.xlsx) or CSV (UTF-8), or write a YAML file."),
            code="usage.data-type"))
        return
    raw = _read_raw(path, problems)
    if raw is None:
        return
    text = decode(raw, path, problems)
    del raw
    if text is None:
        return
    if not text.strip():
        problems.add(Problem(_("The data file is empty."), file=path, line=1, code="file.empty"))
        return
    yield from iter_csv(text, path, form, labels, problems)
