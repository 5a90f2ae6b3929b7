"""Exchange the glossary with reviewers: CSV for spreadsheets, TBX-Basic for CAT tools; merge imports by id.

Both formats go through one neutral record per entry (:class:`Record`), so export and import are
symmetric and export → import → export is byte-identical. Import validates everything first, then
merges by id into the YAML files' raw data (unknown keys and the header comment kept), validates the
result, and only then writes, atomically. A draft never silently replaces a reviewed or approved
translation: that is a conflict, reported and not applied.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from .. import langs
from ..errors import InputError, Problem, Problems, Severity
from ..i18n import _
from ..faults import os_reason
from ..textcheck import to_nfc
from .load import Glossary, glossary_files, load_glossary_dir
from .model import CHECKED, STATUSES, _ENTRY_ID

ENTRY_COLUMNS = ("id", "domain", "vi", "abbreviations", "note")
LANG_FIELDS = ("status", "reviewer", "date", "alternatives", "forbidden", "source", "note", "kept")
KEPT_VALUES = ("loanword", "proper-name")
LIST_FIELDS = ("alternatives", "forbidden")
LIST_SEP = ";"
TRANSLATION_KEYS = ("term", *LANG_FIELDS)


@dataclass
class Record:
    """One entry as exchanged: only what the formats carry. Absent values are None (``keep``)."""

    id: str
    domain: str | None = None
    vi: str | None = None
    abbreviations: list[tuple[str, str]] | None = None
    note: str | None = None
    translations: dict[str, dict] = field(default_factory=dict)  # tag → {term, status, reviewer, ...}
    line: int | None = None  # row (CSV) or line (TBX) in the imported file


# --- which languages --------------------------------------------------------------------------------


def export_languages(glossary: Glossary, commune_languages: list[str] | None = None,
                     wanted: list[str] | None = None) -> list[str]:
    """Tags to export, in the registry's order: those in the glossary plus the commune's languages not
    covered yet (an empty column for the reviewer to fill); ``wanted`` narrows to those languages."""
    used = {tag for e in glossary.entries for tag in e.translations}
    tags = set(used)
    for lang in commune_languages or []:
        if lang == "vi":
            continue
        if not any(langs.matches(t, lang) for t in used):
            tags.add(lang)
    if wanted:
        for lang in wanted:
            if not langs.is_known(lang) or lang == "vi":
                raise InputError(Problem(langs.unknown_tag_message(lang) if lang != "vi" else
                                         _("'vi' is always exported: give a language to translate into."),
                                         field="--lang", code="glossary.unknown-language"))
        tags = {t for t in tags if any(langs.matches(t, w) and (t == w or langs.base_of(w) == w) for w in wanted)}
        tags |= {w for w in wanted if not any(langs.matches(t, w) for t in tags)}
    return [t for t in langs.LANGUAGES if t in tags]


def records_of(glossary: Glossary, tags: list[str]) -> list[Record]:
    out = []
    for entry in sorted(glossary.entries, key=lambda e: e.domain):  # stable: file order within a domain
        translations = {}
        for tag in tags:
            tr = entry.translations.get(tag)
            if tr is not None:
                translations[tag] = {
                    "term": tr.term, "status": tr.status, "reviewer": tr.reviewer, "date": tr.date,
                    "alternatives": list(tr.alternatives), "forbidden": list(tr.forbidden),
                    "source": tr.source, "note": tr.note, "kept": tr.kept,
                }
        out.append(Record(id=entry.id, domain=entry.domain, vi=entry.vi,
                          abbreviations=[(a.abbr, a.spoken) for a in entry.abbreviations],
                          note=entry.note, translations=translations))
    return out


# --- CSV --------------------------------------------------------------------------------------------


def csv_header(tags: list[str]) -> list[str]:
    return [*ENTRY_COLUMNS, *(c for tag in tags for c in (tag, *(f"{tag}:{f}" for f in LANG_FIELDS)))]


def _join(items) -> str:
    return (LIST_SEP + " ").join(items)


def _check_csv_lists(glossary: Glossary, tags: list[str]) -> None:
    """A list item containing ';' would come back as two items: refuse before writing anything."""
    problems = []
    for entry in glossary.entries:
        items = [(entry.file, entry.line, f"{a.abbr}={a.spoken}") for a in entry.abbreviations]
        for tag in tags:
            tr = entry.translations.get(tag)
            if tr is not None:
                items += [(tr.file, tr.line, v) for v in (*tr.alternatives, *tr.forbidden)]
        for file, line, value in items:
            if LIST_SEP in value:
                problems.append(Problem(
                    _("'{value}' contains ';', which separates list items in the CSV file.").format(value=value),
                    file=file, line=line, found=value,
                    hint=_("Write it without ';' (use ',' or a dash), or exchange the glossary as TBX."),
                    code="export.list-separator"))
    if problems:
        raise InputError(problems)


_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _guard(cell: str) -> str:
    """A cell a spreadsheet would run as a formula gets a leading apostrophe (CSV injection, OWASP)."""
    return "'" + cell if cell.startswith(_FORMULA_STARTS) else cell


def _unguard(cell: str) -> str:
    return cell[1:] if cell.startswith("'") and cell[1:].startswith(_FORMULA_STARTS) else cell


def export_csv(glossary: Glossary, tags: list[str]) -> bytes:
    """UTF-8 with BOM, CRLF, comma-separated: what Excel and LibreOffice Calc open without asking."""
    _check_csv_lists(glossary, tags)
    from ..publish import spreadsheet_csv

    def row(rec: Record) -> list[str]:
        cells = [rec.id, rec.domain or "", rec.vi or "",
                 _join(f"{a}={s}" for a, s in rec.abbreviations or []), rec.note or ""]
        for tag in tags:
            tr = rec.translations.get(tag) or {}
            cells.append(tr.get("term") or "")
            for f in LANG_FIELDS:
                value = tr.get(f)
                cells.append(_join(value) if isinstance(value, list) else (value or ""))
        return [_guard(cell) for cell in cells]

    return spreadsheet_csv(csv_header(tags), map(row, records_of(glossary, tags)))


def _decode(data: bytes, path: Path, problems: Problems) -> str | None:
    from ..yamlload import decode_utf8

    return decode_utf8(data, path, problems, code="import.encoding",
                       hint=_("In the spreadsheet, save as CSV with the character set Unicode (UTF-8)."))


def _delimiter(text: str) -> str:
    first = text.split("\n", 1)[0]
    return ";" if first.count(";") > first.count(",") else ","


def _split_list(cell: str) -> list[str]:
    return [item.strip() for item in cell.split(LIST_SEP) if item.strip()]


def read_csv(path: Path, data: bytes, problems: Problems) -> list[Record]:
    """Records from a reviewer's CSV (``,`` or ``;`` separated); every problem names the row and column."""
    text = _decode(data, path, problems)
    if text is None:
        return []
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text), strict=True)
    try:
        rows = [[_unguard(cell) for cell in row] for row in reader]
    except csv.Error as exc:
        problems.add(Problem(_("The CSV file is malformed: {reason}.").format(reason=str(exc)),
                             file=path, line=reader.line_num,
                             hint=_("Save the sheet again as CSV from the spreadsheet; check quotes in the cells."),
                             code="import.csv-syntax"))
        return []
    if not rows or not any(c.strip() for c in rows[0]):
        problems.add(Problem(_("The CSV file has no header row."), file=path, line=1,
                             expected=", ".join(ENTRY_COLUMNS), code="import.csv-header"))
        return []
    header = [c.strip() for c in rows[0]]
    columns: list[tuple[str, str, str | None]] = []  # (name, entry column or tag, lang field; None: entry column)
    seen: set[str] = set()
    for number, name in enumerate(header, start=1):
        where = dict(file=path, line=1, column=number, field=name)
        if name in seen:
            problems.add(Problem(_("The column '{name}' appears twice.").format(name=name), **where,
                                 code="import.csv-duplicate-column"))
            continue
        seen.add(name)
        if name in ENTRY_COLUMNS:
            columns.append((name, name, None))
            continue
        tag, sep, lang_field = name.partition(":")
        if not langs.is_known(tag) or tag == "vi":
            problems.add(Problem(
                _("Unknown column '{name}' (column {number} of the header row).").format(name=name, number=number),
                **where, expected=_("id, domain, vi, abbreviations, note, then per language: <tag>, <tag>:status, ...; "
                                    "languages: {known}").format(known=", ".join(t for t in langs.LANGUAGES if t != "vi")),
                hint=langs.unknown_tag_message(tag) if tag != "vi" else None, code="import.unknown-column"))
            continue
        if sep and lang_field not in LANG_FIELDS:
            problems.add(Problem(
                _("Unknown column '{name}' (column {number} of the header row).").format(name=name, number=number),
                **where, expected=", ".join(f"{tag}:{f}" for f in LANG_FIELDS), code="import.unknown-column"))
            continue
        columns.append((name, tag, lang_field if sep else "term"))
    for required in ("id", "vi"):
        if required not in header:
            problems.add(Problem(_("The required column '{name}' is missing.").format(name=required),
                                 file=path, line=1, code="import.missing-column"))
    if problems.has_errors:
        return []

    records: list[Record] = []
    first_row: dict[str, int] = {}
    for row_number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            problems.add(Problem(
                _("Row {row} has {found} cells but the header has {expected}.").format(
                    row=row_number, found=len(row), expected=len(header)),
                file=path, line=row_number,
                hint=_("A cell with the separator in it must be quoted; save again from the spreadsheet."),
                code="import.csv-row-length"))
            continue
        cells = {name: to_nfc(value.strip()) for name, value in zip(header, row)}
        rec = Record(id=cells.get("id", ""), line=row_number)
        rec.domain = cells.get("domain") or None
        rec.vi = cells.get("vi") or None
        rec.note = cells.get("note") or None
        if cells.get("abbreviations"):
            rec.abbreviations = []
            for item in _split_list(cells["abbreviations"]):
                abbr, eq, spoken = item.partition("=")
                if not eq or not abbr.strip() or not spoken.strip():
                    problems.add(Problem(
                        _("Row {row}: an abbreviation is written ABBR=how it is read, e.g. BHYT=bảo hiểm y tế.").format(row=row_number),
                        file=path, line=row_number, field="abbreviations", found=item, code="import.abbreviation"))
                    continue
                rec.abbreviations.append((abbr.strip(), spoken.strip()))
        for name, tag, lang_field in columns:
            if lang_field is None:
                continue
            value = cells.get(name, "")
            if not value:
                continue
            tr = rec.translations.setdefault(tag, {})
            tr[lang_field] = _split_list(value) if lang_field in LIST_FIELDS else value
        _check_record(rec, path, problems, first_row, unit=_("Row {row}").format(row=row_number))
        records.append(rec)
    return records


def _check_record(rec: Record, path: Path, problems: Problems, first_row: dict[str, int], *, unit: str) -> None:
    where = dict(file=path, line=rec.line)
    if not rec.id:
        problems.add(Problem(_("{unit}: the id is empty.").format(unit=unit), **where, field="id", code="import.id"))
    elif not _ENTRY_ID.match(rec.id):
        problems.add(Problem(
            _("{unit}: the id '{id}' may use only lowercase letters a-z, digits, '-', '_' and '.'.").format(unit=unit, id=rec.id),
            **where, field="id", found=rec.id, code="import.id"))
    elif rec.id in first_row:
        problems.add(Problem(
            _("{unit}: the id '{id}' is already used on line/row {first} of this file.").format(
                unit=unit, id=rec.id, first=first_row[rec.id]),
            **where, field="id", found=rec.id, hint=_("Each entry appears once: merge the two rows."),
            code="import.id-clash"))
    else:
        first_row[rec.id] = rec.line
    for tag, tr in rec.translations.items():
        label = f"{tag}"
        if not tr.get("term"):
            problems.add(Problem(
                _("{unit}: values for {lang} are given but the term itself is empty.").format(unit=unit, lang=tag),
                **where, field=label, code="import.no-term"))
            continue
        status = tr.setdefault("status", "draft")
        if status not in STATUSES:
            problems.add(Problem(
                _("{unit}: the status '{status}' does not exist.").format(unit=unit, status=status),
                **where, field=f"{tag}:status", found=status, expected=", ".join(STATUSES), code="import.status"))
            continue
        if tr.get("kept") and tr["kept"] not in KEPT_VALUES:
            problems.add(Problem(
                _("{unit}: '{value}' is not a kind of kept term.").format(unit=unit, value=tr["kept"]),
                **where, field=f"{tag}:kept", found=tr["kept"], expected=", ".join(KEPT_VALUES), code="import.kept"))
        if tr.get("date") and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", tr["date"]):
            problems.add(Problem(
                _("{unit}: a date is written YYYY-MM-DD, like 2026-11-30.").format(unit=unit),
                **where, field=f"{tag}:date", found=tr["date"], code="import.date"))
        if status in CHECKED and not (tr.get("reviewer") and tr.get("date")):
            problems.add(Problem(
                _("{unit}: a {lang} term with status '{status}' needs a reviewer and a date.").format(
                    unit=unit, lang=tag, status=status),
                **where, field=f"{tag}:reviewer", code="import.reviewer"))


# --- TBX-Basic ----------------------------------------------------------------------------------------
#
# ISO 30042:2019 (TBX v3), TBX-Basic dialect, DCA style. The official RELAX NG and Schematron schemas
# (LTAC-Global/TBX-Basic_dialect) cannot be downloaded here (no network), so imports are checked by the
# structural check below, which enforces the subset of TBX-Basic we read and write; the exported files
# reference the official schema in <?xml-model?> so CAT tools and validators can check them.

TBX_NS = "urn:iso:std:iso:30042:ed-2"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
RNG_URL = "https://raw.githubusercontent.com/LTAC-Global/TBX-Basic_dialect/master/DCA/TBXcoreStructV03_TBX-Basic_integrated.rng"
SCH_URL = "https://raw.githubusercontent.com/LTAC-Global/TBX-Basic_dialect/master/DCA/TBX-Basic_DCA.sch"
PREFERRED, ADMITTED, DEPRECATED = "preferredTerm-admn-sts", "admittedTerm-admn-sts", "deprecatedTerm-admn-sts"
_STATUS_NOTE = "status: "
_SPOKEN_NOTE = "spoken: "


def _el(parent, tag: str, text: str | None = None, **attrs):
    from lxml import etree

    child = etree.SubElement(parent, f"{{{TBX_NS}}}{tag}", {k: v for k, v in attrs.items()})
    if text is not None:
        child.text = text
    return child


# TBX 2008 (ISO 30042:2008, "TBX v2") names the same structure differently and has no namespace; it is what
# CAT tools read today: Translate Toolkit's translate.storage.tbx (and so Weblate's glossary import) asserts
# on anything but a <martif> root, and OmegaT reads <martif>. The default export; ``tbx3`` gives ISO 30042:2019.
V2_NAMES = {"tbx": "martif", "tbxHeader": "martifHeader", "conceptEntry": "termEntry", "langSec": "langSet",
            "termSec": "tig"}
V3_NAMES = {v: k for k, v in V2_NAMES.items()}
TBX_FORMATS = ("tbx", "tbx3")
_KEPT_NOTE = "kept: "


def _as_tbx2008(root) -> None:
    """Rewrite a TBX v3 (DCA) tree in place into TBX-Basic 2008: no namespace, v2 element names."""
    from lxml import etree

    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        local = _local(el)
        el.tag = V2_NAMES.get(local, local)
    root.attrib.pop("style", None)
    etree.cleanup_namespaces(root)
    header = root.find("martifHeader")
    if header is not None:
        enc = etree.SubElement(header, "encodingDesc")
        etree.SubElement(enc, "p", type="XCSURI").text = "TBXBasicXCSV02.xcs"


def export_tbx(glossary: Glossary, tags: list[str], version: str = "tbx") -> bytes:
    """TBX-Basic: ``tbx`` = the 2008 form CAT tools read (<martif>), ``tbx3`` = ISO 30042:2019 (<tbx>)."""
    from lxml import etree

    root = etree.Element(f"{{{TBX_NS}}}tbx", nsmap={None: TBX_NS}, type="TBX-Basic", style="dca")
    root.set(XML_LANG, "vi")
    header = _el(root, "tbxHeader")
    file_desc = _el(header, "fileDesc")
    source_desc = _el(file_desc, "sourceDesc")
    _el(source_desc, "p", "commcli glossary export")
    body = _el(_el(root, "text"), "body")
    for rec in records_of(glossary, tags):
        concept = _el(body, "conceptEntry", id=rec.id)
        if rec.domain:
            _el(concept, "descrip", rec.domain, type="subjectField")
        vi = _el(concept, "langSec")
        vi.set(XML_LANG, "vi")
        if rec.note:
            _el(vi, "descrip", rec.note, type="definition")
        term_sec = _el(vi, "termSec")
        _el(term_sec, "term", rec.vi)
        _el(term_sec, "termNote", "fullForm", type="termType")
        _el(term_sec, "termNote", PREFERRED, type="administrativeStatus")
        for abbr, spoken in rec.abbreviations or []:
            term_sec = _el(vi, "termSec")
            _el(term_sec, "term", abbr)
            _el(term_sec, "termNote", "abbreviation", type="termType")
            _el(term_sec, "termNote", ADMITTED, type="administrativeStatus")
            _el(term_sec, "note", _SPOKEN_NOTE + spoken)
        for tag in tags:
            tr = rec.translations.get(tag)
            if not tr:
                continue
            lang_sec = _el(concept, "langSec")
            lang_sec.set(XML_LANG, tag)
            term_sec = _el(lang_sec, "termSec")
            _el(term_sec, "term", tr["term"])
            _el(term_sec, "termNote", PREFERRED, type="administrativeStatus")
            if tr.get("source"):
                _el(term_sec, "admin", tr["source"], type="source")
            if tr.get("reviewer") or tr.get("date"):
                grp = _el(term_sec, "transacGrp")
                _el(grp, "transac", "modification", type="transactionType")
                if tr.get("reviewer"):
                    _el(grp, "transacNote", tr["reviewer"], type="responsibility")
                if tr.get("date"):
                    _el(grp, "date", tr["date"])
            _el(term_sec, "note", _STATUS_NOTE + tr["status"])
            if tr.get("kept"):
                _el(term_sec, "note", _KEPT_NOTE + tr["kept"])
            if tr.get("note"):
                _el(term_sec, "note", tr["note"])
            for alt in tr.get("alternatives") or []:
                alt_sec = _el(lang_sec, "termSec")
                _el(alt_sec, "term", alt)
                _el(alt_sec, "termNote", ADMITTED, type="administrativeStatus")
            for bad in tr.get("forbidden") or []:
                bad_sec = _el(lang_sec, "termSec")
                _el(bad_sec, "term", bad)
                _el(bad_sec, "termNote", DEPRECATED, type="administrativeStatus")
    if version != "tbx3":
        # lxml cannot strip a default namespace in place: serialize, rename, parse again
        _as_tbx2008(root)
        plain = etree.fromstring(re.sub(r' xmlns="[^"]*"', "", etree.tostring(root, encoding="unicode"), count=1))
        for el in plain.iter():
            if isinstance(el.tag, str):
                el.tag = _local(el)
        etree.cleanup_namespaces(plain)
        etree.indent(plain, space="  ")
        text = etree.tostring(plain, encoding="unicode")
        return ('<?xml version="1.0" encoding="UTF-8"?>\n'
                '<!DOCTYPE martif SYSTEM "TBXBasiccoreStructV02.dtd">\n' + text + "\n").encode("utf-8")
    etree.indent(root, space="  ")
    text = etree.tostring(root, encoding="unicode")
    prolog = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<?xml-model href="{RNG_URL}" type="application/xml" schematypens="http://relaxng.org/ns/structure/1.0"?>\n'
        f'<?xml-model href="{SCH_URL}" type="application/xml" schematypens="http://purl.oclc.org/dsdl/schematron"?>\n'
    )
    return (prolog + text + "\n").encode("utf-8")


def _local(element) -> str:
    tag = element.tag
    return tag.split("}", 1)[1] if isinstance(tag, str) and tag.startswith("{") else str(tag)


def _text(element) -> str:
    return to_nfc((element.text or "").strip())


def read_tbx(path: Path, data: bytes, problems: Problems) -> list[Record]:
    """Records from a TBX-Basic file, after a structural check (each problem names its line)."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, remove_comments=True,
                             remove_pis=True, huge_tree=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        line = exc.lineno if getattr(exc, "lineno", None) else None
        problems.add(Problem(_("The TBX file is not well-formed XML: {reason}").format(reason=exc.msg),
                             file=path, line=line, hint=_("Export the file again from the CAT tool."),
                             code="import.tbx-syntax"))
        return []

    def bad(element, message, **extra):
        problems.add(Problem(message, file=path, line=element.sourceline, code=extra.pop("code", "import.tbx-structure"), **extra))

    ns = root.tag.split("}", 1)[0][1:] if root.tag.startswith("{") else ""
    if _local(root) == "martif" and ns == "":
        # TBX 2008: the same structure under its v2 names; read it as v3 (lines are kept)
        for el in root.iter():
            if isinstance(el.tag, str):
                el.tag = V3_NAMES.get(el.tag, el.tag)
    if _local(root) != "tbx" or ns not in ("", TBX_NS):
        bad(root, _("This is not a TBX file: the root element is <{tag}>.").format(tag=_local(root)),
            expected=f"<tbx xmlns=\"{TBX_NS}\">")
        return []
    if root.get("type") not in (None, "TBX-Basic"):
        bad(root, _("Only the TBX-Basic dialect is supported (type=\"{type}\").").format(type=root.get("type")),
            code="import.tbx-dialect")
        return []
    body = root.find(f"{{{ns}}}text/{{{ns}}}body" if ns else "text/body")
    if body is None:
        bad(root, _("The TBX file has no <text><body>."))
        return []
    records: list[Record] = []
    first: dict[str, int] = {}
    for concept in body:
        if _local(concept) != "conceptEntry":
            bad(concept, _("Unexpected <{tag}> in <body>; only <conceptEntry> is allowed.").format(tag=_local(concept)))
            continue
        rec = Record(id=concept.get("id") or "", line=concept.sourceline)
        for child in concept:
            name = _local(child)
            if name == "descrip" and child.get("type") == "subjectField":
                rec.domain = _text(child) or None
            elif name == "langSec":
                _read_lang_sec(child, rec, bad)
            elif name in ("descrip", "admin", "note", "transacGrp", "xref", "ref", "adminGrp", "descripGrp"):
                continue  # other TBX-Basic data categories: not part of the glossary model
            else:
                bad(child, _("Unexpected <{tag}> in <conceptEntry>.").format(tag=name))
        if rec.vi is None:
            bad(concept, _("The concept '{id}' has no Vietnamese term (<langSec xml:lang=\"vi\">).").format(id=rec.id))
        _check_record(rec, path, problems, first, unit=_("Line {line}").format(line=rec.line))
        records.append(rec)
    return records


def _read_lang_sec(lang_sec, rec: Record, bad) -> None:
    lang = lang_sec.get(XML_LANG)
    if not lang or not langs.is_known(lang):
        bad(lang_sec, langs.unknown_tag_message(lang or ""), code="import.unknown-language")
        return
    preferred: tuple | None = None
    admitted: list[tuple] = []
    forbidden: list[str] = []
    note_text = None
    for child in lang_sec:
        name = _local(child)
        if name == "descrip" and child.get("type") == "definition":
            if lang == "vi":
                note_text = _text(child) or None
            continue
        if name in ("descrip", "admin", "note", "transacGrp", "xref", "ref", "descripGrp", "adminGrp"):
            continue
        if name != "termSec":
            bad(child, _("Unexpected <{tag}> in <langSec>.").format(tag=name))
            continue
        term_el = next((c for c in child if _local(c) == "term"), None)
        if term_el is None or not _text(term_el):
            bad(child, _("A <termSec> without a <term>."))
            continue
        info = {"term": _text(term_el), "status": None, "reviewer": None, "date": None, "source": None,
                "note": None, "kept": None, "termType": None, "spoken": None, "admn": None, "line": child.sourceline}
        for part in child:
            kind, typ = _local(part), part.get("type")
            if kind == "termNote" and typ == "administrativeStatus":
                info["admn"] = _text(part)
            elif kind == "termNote" and typ == "termType":
                info["termType"] = _text(part)
            elif kind == "admin" and typ == "source":
                info["source"] = _text(part) or None
            elif kind == "note":
                value = _text(part)
                if value.startswith(_STATUS_NOTE):
                    info["status"] = value[len(_STATUS_NOTE):].strip()
                elif value.startswith(_KEPT_NOTE):
                    info["kept"] = value[len(_KEPT_NOTE):].strip()
                elif value.startswith(_SPOKEN_NOTE):
                    info["spoken"] = value[len(_SPOKEN_NOTE):].strip()
                else:
                    info["note"] = value or None
            elif kind == "transacGrp":
                for t in part:
                    if _local(t) == "transacNote" and t.get("type") == "responsibility":
                        info["reviewer"] = _text(t) or None
                    elif _local(t) == "date":
                        info["date"] = _text(t) or None
        if info["admn"] in ("deprecatedTerm-admn-sts", "supersededTerm-admn-sts"):
            forbidden.append(info["term"])
        elif info["admn"] == PREFERRED and preferred is None and info["termType"] != "abbreviation":
            preferred = info
        else:
            admitted.append(info)
    if lang == "vi":
        if preferred is None and admitted:
            preferred = next((a for a in admitted if a["termType"] != "abbreviation"), None)
        rec.vi = preferred["term"] if preferred else None
        rec.note = note_text
        abbreviations = [(a["term"], a["spoken"] or "") for a in admitted if a is not preferred and a["termType"] in ("abbreviation", "acronym")]
        rec.abbreviations = abbreviations or None
        for abbr, spoken in abbreviations:
            if not spoken:
                bad(lang_sec, _("The abbreviation '{abbr}' has no 'spoken: ...' note saying how it is read aloud.").format(abbr=abbr),
                    code="import.abbreviation")
        return
    if preferred is None:
        if not admitted:
            return
        preferred, admitted = admitted[0], admitted[1:]
    tr = {"term": preferred["term"], "status": preferred["status"] or "draft"}
    for key in ("reviewer", "date", "source", "note", "kept"):
        if preferred[key]:
            tr[key] = preferred[key]
    if admitted:
        tr["alternatives"] = [a["term"] for a in admitted]
    if forbidden:
        tr["forbidden"] = forbidden
    rec.translations[lang] = tr


# --- merge into the YAML files --------------------------------------------------------------------------


@dataclass
class Change:
    id: str
    what: str  # "added" | "changed" | "conflict"
    lang: str | None
    detail: str
    line: int | None


@dataclass
class ImportReport:
    added: list[Change] = field(default_factory=list)
    changed: list[Change] = field(default_factory=list)
    conflicts: list[Change] = field(default_factory=list)
    unchanged: int = 0
    written: list[Path] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)

    def to_json(self, root: Path | None = None) -> dict:
        def rows(items):
            return [{"id": c.id, "lang": c.lang, "detail": c.detail, "line": c.line} for c in items]

        return {"added": rows(self.added), "changed": rows(self.changed), "conflicts": rows(self.conflicts),
                "unchanged": self.unchanged,
                "written": [str(p.relative_to(root)) if root else str(p) for p in self.written]}


def read_records(path: Path) -> list[Record]:
    """Records from a CSV or TBX file (by extension or content); InputError (exit 2) on any problem."""
    problems = Problems()
    from ..safeio import read_input

    try:
        data = read_input(path, "tbx" if path.suffix.lower() in (".tbx", ".xml") else "csv")
    except OSError as exc:
        raise InputError(Problem(_("Cannot read the file: {reason}").format(reason=os_reason(exc)),
                                 file=path, code="file.unreadable")) from None
    head = data.lstrip(b"\xef\xbb\xbf \t\r\n")[:5]
    if path.suffix.lower() in (".tbx", ".xml") or head.startswith(b"<"):
        records = read_tbx(path, data, problems)
    else:
        records = read_csv(path, data, problems)
    for record in records:
        _check_hidden(record, path, problems)
    if problems.has_errors:
        raise InputError(problems.errors)
    return records


def _check_hidden(record: Record, path: Path, problems: Problems) -> None:
    """Control or invisible characters in what would be written to the glossary: refused at the row (line)."""
    from ..yamlload import first_hidden_character, hidden_character_problem

    texts: list[tuple[str, str]] = [("id", record.id), ("domain", record.domain or ""), ("vi", record.vi or ""),
                                    ("note", record.note or "")]
    texts += [("abbreviations", f"{a} {b}") for a, b in record.abbreviations or []]
    for tag, values in record.translations.items():
        for key, value in values.items():
            for item in value if isinstance(value, list) else [value]:
                if isinstance(item, str):
                    texts.append((f"{tag}:{key}" if key != "term" else tag, item))
    for name, text in texts:
        char = first_hidden_character(text)
        if char is not None:
            problems.add(hidden_character_problem(char, file=path, line=record.line, field=name))


def _vi_key(text: str) -> str:
    return " ".join(text.casefold().split())


def import_records(root: Path, records: list[Record], source: Path, *, dry_run: bool = False) -> ImportReport:
    """Merge ``records`` by id into ``root/glossary/*.yaml``. Writes nothing unless everything is valid.

    Holds the workspace lock (buildlock.py) when writing: two imports at once would each read the glossary,
    and the second would write over what the first added."""
    if dry_run:
        return _import_records(root, records, source, dry_run=True)
    from ..buildlock import workspace_lock

    with workspace_lock(root):
        return _import_records(root, records, source, dry_run=False)


def _import_records(root: Path, records: list[Record], source: Path, *, dry_run: bool = False) -> ImportReport:
    from ..yamlload import Loaded, parse_yaml
    from .load import load_file
    from .yamlwrite import HEADER, dump_roundtrip, load_roundtrip, scalar_ids, write_atomic

    glossary, problems = load_glossary_dir(root)
    errors = [p for p in problems if p.severity is Severity.ERROR]
    if errors:
        raise InputError([*errors, Problem(
            _("The glossary has errors; fix them before importing."), file=root / "glossary",
            code="import.glossary-invalid")])

    # Each file as a round-trip document, edited in place: the reviewer's comments and layout survive.
    files: dict[Path, dict] = {}
    headers: dict[Path, str] = {}  # only for files made by this import
    for src in glossary.files:
        if src.loaded is not None:
            files[src.path] = load_roundtrip(src.path)
    old_texts = set().union(*(scalar_ids(doc) for doc in files.values())) if files else set()
    where: dict[str, tuple[Path, dict]] = {}
    domain_file: dict[str, Path] = {}
    for path, data in files.items():
        domain_file.setdefault(data.get("domain"), path)
        for raw in data.get("entries") or []:
            if isinstance(raw, dict) and raw.get("id") is not None:
                where.setdefault(raw["id"], (path, raw))
    vi_owner = {_vi_key(e.vi): (e.id, Path(e.file).name, e.line) for e in glossary.entries}

    report = ImportReport()
    clash = Problems()
    clash.extend(_vietnamese_in_minority_slots(glossary, records, source))
    if clash:
        raise InputError(list(clash))
    touched: set[Path] = set()
    for rec in records:
        existing = glossary.get(rec.id)
        if existing is None:
            if not rec.domain or not rec.vi:
                clash.add(Problem(_("The new entry '{id}' needs a domain and a Vietnamese term.").format(id=rec.id),
                                  file=source, line=rec.line, code="import.new-entry"))
                continue
            owner = vi_owner.get(_vi_key(rec.vi))
            if owner is not None:
                clash.add(Problem(
                    _("Id clash: '{vi}' is already the entry '{other}' ({file}:{line}), imported here as '{id}'.").format(
                        vi=rec.vi, other=owner[0], file=owner[1], line=owner[2], id=rec.id),
                    file=source, line=rec.line, field="id", found=rec.id, expected=owner[0],
                    hint=_("Use the existing id in the file you import."), code="import.id-clash"))
                continue
            if not re.fullmatch(r"[a-z0-9][a-z0-9_-]*", rec.domain):
                clash.add(Problem(_("The domain '{domain}' is not a valid id.").format(domain=rec.domain),
                                  file=source, line=rec.line, field="domain", code="import.domain"))
                continue
            path = domain_file.get(rec.domain)
            if path is None:
                path = root / "glossary" / f"{rec.domain}.yaml"
                files[path] = {"domain": rec.domain, "name": rec.domain, "entries": []}
                headers[path] = HEADER
                domain_file[rec.domain] = path
                report.warnings.append(Problem(
                    _("New glossary file for the domain '{domain}': write its Vietnamese name in 'name:'.").format(domain=rec.domain),
                    file=path, line=2, severity=Severity.WARNING, code="import.new-domain"))
            raw = {"id": rec.id, "vi": rec.vi}
            if rec.abbreviations:
                raw["abbreviations"] = [{"abbr": a, "spoken": s} for a, s in rec.abbreviations]
            if rec.note:
                raw["note"] = rec.note
            if rec.translations:
                raw["translations"] = {tag: _new_translation(tr) for tag, tr in rec.translations.items()}
            files[path].setdefault("entries", [])
            if files[path]["entries"] is None:
                files[path]["entries"] = []
            files[path]["entries"].append(raw)
            vi_owner[_vi_key(rec.vi)] = (rec.id, source.name, rec.line)  # later rows may not reuse the term
            report.added.append(Change(rec.id, "added", None, rec.vi, rec.line))
            touched.add(path)
            continue
        if rec.domain and rec.domain != existing.domain:
            clash.add(Problem(
                _("Id clash: '{id}' is in the domain '{domain}' ({file}:{line}), the import says '{other}'.").format(
                    id=rec.id, domain=existing.domain, file=Path(existing.file).name, line=existing.line, other=rec.domain),
                file=source, line=rec.line, field="domain", found=rec.domain, expected=existing.domain,
                hint=_("An id names one entry: fix the domain in the file you import, or use a new id."),
                code="import.id-clash"))
            continue
        path, raw = where[rec.id]
        changed = _merge_entry(raw, rec, report)
        if changed:
            touched.add(path)
        elif not any(c.id == rec.id for c in report.conflicts):
            report.unchanged += 1
    if clash:
        raise InputError(list(clash))

    # Render and validate every file to be written before writing any.
    rendered: dict[Path, str] = {}
    check = Problems()
    for path in sorted(touched):
        text = dump_roundtrip(files[path], old_texts, headers.get(path, ""))
        loaded: Loaded | None = parse_yaml(text, path, check)
        rendered[path] = text
        del loaded
    if not check.has_errors:
        import tempfile

        with tempfile.TemporaryDirectory() as tmp:
            for path, text in rendered.items():
                probe = Path(tmp) / path.name
                probe.write_text(text, encoding="utf-8")
                sub = Problems()
                load_file(probe, sub)
                check.extend(p for p in sub.errors)
    if check.has_errors:
        raise InputError(list(check.errors))
    if not dry_run:
        for path, text in rendered.items():
            write_atomic(path, text)
            report.written.append(path)
    return report


def _vietnamese_in_minority_slots(glossary: Glossary, records: list[Record], source: Path) -> list[Problem]:
    """A term (or alternative) for a minority language that is the Vietnamese copied or mostly Vietnamese
    words, and not declared kept (in the file or already in the glossary): refused, with its row/line."""
    from ..qa.lexicon import glossary_lexicon
    from ..qa.vietnamese import judge

    lexicon = glossary_lexicon(glossary, [r.vi for r in records if r.vi])
    found: list[Problem] = []
    for rec in records:
        existing = glossary.get(rec.id)
        vi = rec.vi or (existing.vi if existing is not None else None)
        for tag, tr in rec.translations.items():
            old = existing.translations.get(tag) if existing is not None else None
            if tr.get("kept") or (old is not None and old.kept):
                continue
            for value in [tr.get("term") or "", *(tr.get("alternatives") or [])]:
                if value and judge(value, lexicon, tag, source=vi).not_a_translation:
                    found.append(Problem(
                        _("'{term}' would go into the {lang} slot of '{id}', but it is Vietnamese, not a {lang} "
                          "translation.").format(term=value, lang=tag, id=rec.id),
                        file=source, line=rec.line, field=tag, found=value, languages=(tag,),
                        hint=_("Leave the cell empty until a native speaker writes the term; if the Vietnamese word is "
                               "kept on purpose, write loanword or proper-name in the '{lang}:kept' column.").format(lang=tag),
                        code="import.not-a-translation"))
    return found


def _new_translation(tr: dict) -> dict:
    out = {"term": tr["term"], "status": tr.get("status", "draft")}
    for key in ("reviewer", "date", "alternatives", "forbidden", "source", "note", "kept"):
        if tr.get(key):
            out[key] = tr[key]
    return out


def _merge_entry(raw: dict, rec: Record, report: ImportReport) -> bool:
    """Apply one record to an entry's raw data; returns whether anything changed. Empty cells keep."""
    changed = False
    for key in ("vi", "note"):
        value = getattr(rec, key)
        if value and value != raw.get(key):
            report.changed.append(Change(rec.id, "changed", None, f"{key}: {raw.get(key)!r} → {value!r}", rec.line))
            raw[key] = value
            changed = True
    if rec.abbreviations is not None:
        current = [(a.get("abbr"), a.get("spoken")) for a in raw.get("abbreviations") or [] if isinstance(a, dict)]
        if current != rec.abbreviations:
            old = {a.get("abbr"): a for a in raw.get("abbreviations") or [] if isinstance(a, dict)}
            raw["abbreviations"] = [{**old.get(a, {}), "abbr": a, "spoken": s} for a, s in rec.abbreviations]
            report.changed.append(Change(rec.id, "changed", None, "abbreviations", rec.line))
            changed = True
    translations = raw.get("translations")
    for tag, incoming in rec.translations.items():
        if translations is None:
            translations = raw["translations"] = {}
        current = translations.get(tag)
        if current is None:
            translations[tag] = _new_translation(incoming)
            report.changed.append(Change(rec.id, "changed", tag, _("new translation '{term}' ({status})").format(
                term=incoming["term"], status=_(incoming.get("status", "draft"))), rec.line))
            changed = True
            continue
        merged = dict(current)
        for key in TRANSLATION_KEYS:
            value = incoming.get(key)
            if value:
                merged[key] = value
        if _same(merged, current):
            continue
        old_status = current.get("status") or "draft"
        new_status = merged.get("status") or "draft"
        if old_status in CHECKED and incoming.get("status", "draft") == "draft":
            report.conflicts.append(Change(rec.id, "conflict", tag, _(
                "a draft '{new}' would replace the {status} term '{old}' (reviewed by {reviewer}); not applied").format(
                new=incoming["term"], status=_(old_status), old=current.get("term"), reviewer=current.get("reviewer") or "?"),
                rec.line))
            continue
        diffs = [k for k in TRANSLATION_KEYS if merged.get(k) != current.get(k)]
        detail = ", ".join(diffs)
        if "term" in diffs:
            detail = f"'{current.get('term')}' → '{merged['term']}' ({old_status} → {new_status})"
        elif "status" in diffs:
            detail = f"{old_status} → {new_status}"
        for key, value in merged.items():  # in place: the translation keeps its layout (flow or block), comments
            if current.get(key) != value:
                current[key] = value
        report.changed.append(Change(rec.id, "changed", tag, detail, rec.line))
        changed = True
    return changed


def _same(a: dict, b: dict) -> bool:
    def norm(d):
        return {k: v for k, v in d.items() if v not in (None, [], "")}

    return norm(a) == norm(b)


def export_glossary(root: Path, fmt: str, *, commune_languages: list[str] | None = None,
                    wanted: list[str] | None = None) -> bytes:
    """The whole glossary as CSV or TBX bytes; InputError when the glossary itself has errors."""
    glossary, problems = load_glossary_dir(root)
    errors = [p for p in problems if p.severity is Severity.ERROR]
    if errors:
        raise InputError(errors)
    tags = export_languages(glossary, commune_languages, wanted)
    if fmt == "csv":
        return export_csv(glossary, tags)
    if fmt in TBX_FORMATS:
        return export_tbx(glossary, tags, fmt)
    raise InputError(Problem(_("Unknown format '{fmt}'.").format(fmt=fmt), field="--format",
                             expected="csv, tbx, tbx3", code="usage.format"))


__all__ = ["Record", "ImportReport", "export_csv", "export_tbx", "export_glossary", "read_csv", "read_tbx",
           "read_records", "import_records", "export_languages", "glossary_files"]
