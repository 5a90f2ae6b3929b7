"""Voice-bank kits (``commcli recordings kit --bank``): every phrase the workspace can ask for in a language,
still missing from its bank, as a printable script grouped by kind, a CSV and a README for the reader."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .. import langs
from ..errors import InputError, Problem
from ..i18n import _
from .bank import COMMON_PLACES, KINDS, Needed, Segment, Slot, phrase_states, template_cuts, unique, value_id
from .check import AUDIO_SUFFIXES
from .index import clip_text_hash

if TYPE_CHECKING:  # pragma: no cover
    from ..workspace import Workspace

BANK_KIT_FILES = ("script.pdf", "script.txt", "phrases.csv", "README.txt")
BANK_CSV_COLUMNS = ("id", "text", "language", "kind", "file_name", "text_sha256", "where", "bank")

# Content for the reader (Vietnamese, like the clip kit), not interface messages.
KIND_TITLES_VI = {
    "template": "Câu cố định của các mẫu tin (đọc liền, như trong bản tin)",
    "number": "Từ để đọc số, ngày, giờ, tiền (đọc rõ từng từ, giọng đều)",
    "term": "Thuật ngữ",
    "value": "Tên bản, nơi chốn và các giá trị khác (đọc bằng tiếng của bản tin này)",
}

BANK_TYPST = r"""
#let data = json(bytes(sys.inputs.data))
#set document(title: data.title)
#set page(paper: "a4", margin: (x: 18mm, top: 22mm, bottom: 18mm),
  header: align(center, text(size: 11pt, weight: "bold", fill: rgb("#b00000"), data.draft)),
  footer: context align(center, text(size: 10pt, counter(page).display("1 / 1", both: true))))
#set text(font: data.fonts, size: 13pt, lang: "vi")
#text(size: 20pt, weight: "bold", data.title)
#v(2pt)
#text(size: 13pt, data.place) \
#text(size: 13pt, data.count)
#block(fill: luma(238), inset: 9pt, radius: 3pt, width: 100%)[
  #for line in data.instructions [
    - #line
  ]
]
#for g in data.groups [
  #v(10pt)
  #text(size: 16pt, weight: "bold", g.title)
  #for p in g.phrases [
    #v(6pt)
    #line(length: 100%, stroke: 0.5pt + luma(170))
    #grid(columns: (auto, 1fr), column-gutter: 10pt,
      text(size: 22pt, weight: "bold", str(p.number) + "."),
      [
        #text(size: 11pt, weight: "bold", p.file_name)
        #if p.where != "" [ #text(size: 9pt, fill: luma(90), " — " + p.where) ]
        \ #text(size: 24pt, p.text)
      ])
  ]
]
"""


@dataclass(frozen=True)
class BankLine:
    number: int
    need: Needed
    lang: str
    state: str  # missing, stale, ok

    @property
    def kit_id(self) -> str:
        return f"{self.need.phrase_id}.{self.lang}"

    @property
    def file_name(self) -> str:
        return f"{self.kit_id}.wav"


def _bare_name(name: str) -> str | None:
    for prefix in ("Bản ", "bản ", "Thôn ", "thôn ", "Xã ", "xã "):
        if name.startswith(prefix):
            return name[len(prefix):]
    return None


def bank_needs(ws: "Workspace", lang: str) -> dict[str, list[Needed]]:
    """Every phrase the workspace can ask for, per exact language tag matching ``lang``: the template segments
    and terms, the say rules' words, the village names, common places and the values items put in slots."""
    from ..bulletins.templates import glossary_term_lookup
    from .rules import rules_for

    lookup = glossary_term_lookup(ws)
    out: dict[str, list[Needed]] = {}
    values_by_template: dict[str, list[dict]] = {}
    for data_template, data in _templated_data(ws):
        values_by_template.setdefault(data_template, []).append(data)
    for (template, tag), cut in sorted(template_cuts(ws).items()):
        if not langs.matches(tag, lang) or cut.error:
            continue
        needs = out.setdefault(tag, [])
        for part in cut.parts:
            if isinstance(part, Segment):
                needs.append(Needed(part.phrase_id, part.text, "template", cut.path, part.line))
            elif isinstance(part, Slot) and part.kind == "term":
                try:
                    needs.append(Needed(f"g.{part.name}", lookup(part.name, tag), "term", cut.path, part.line))
                except Exception:  # an unknown term is the glossary check's to report
                    continue
            elif isinstance(part, Slot) and part.kind == "value":
                for data in values_by_template.get(template, []):
                    if part.name in data:
                        from .bank import PHONE

                        text = " ".join(str(data[part.name]).split())
                        if text and not PHONE.match(text) and not text.isdigit():
                            needs.append(Needed(value_id(text), text, "value", cut.path, part.line))
    for tag in list(out) or ([lang] if langs.is_known(lang) else []):
        needs = out.setdefault(tag, [])
        rules = rules_for(ws, tag)
        if rules is not None:
            needs += [Needed(pid, text, "number", rules.path, rules.lines.get("number"))
                      for pid, text in rules.model.phrases.items()]
        names = []
        for village in (ws.commune.villages if ws.commune else []):
            names += [village.name, *([_bare_name(village.name)] if _bare_name(village.name) else [])]
        needs += [Needed(value_id(text), text, "value", ws.root / "commune.yaml") for text in [*names, *COMMON_PLACES]]
        out[tag] = unique(needs)
    return out


def _templated_data(ws: "Workspace") -> list[tuple[str, dict]]:
    """(template, data) of every templated item in every bulletin that loads."""
    from ..errors import Problems

    found = []
    try:
        from ..bulletins.load import bulletin_files, load_bulletin
    except ImportError:  # pragma: no cover
        return found
    for path in bulletin_files(ws):
        lb = load_bulletin(path, Problems())
        if lb is None:
            continue
        for item in lb.bulletin.items:
            if item.template:
                found.append((item.template, dict(item.data or {})))
    return found


def bank_lines(ws: "Workspace", lang: str, *, only_missing: bool = True) -> list[BankLine]:
    """Kit lines for ``lang`` in kit order (kind, then first appearance), numbered from 1."""
    rows: list[tuple[str, Needed, str]] = []
    for tag, needs in bank_needs(ws, lang).items():
        for state in phrase_states(ws, tag, needs):
            if only_missing and state.state == "ok":
                continue
            rows.append((tag, state.need, state.state))
    rows.sort(key=lambda r: KINDS.index(r[1].kind))
    return [BankLine(i, need, tag, state) for i, (tag, need, state) in enumerate(rows, start=1)]


def bank_csv(ws: "Workspace", lines: list[BankLine]) -> bytes:
    from ..publish import spreadsheet_csv

    def row(line: BankLine) -> list:
        where = f"{ws.relative(line.need.file)}:{line.need.line}" if line.need.file and line.need.line else (
            str(ws.relative(line.need.file)) if line.need.file else "")
        return [line.kit_id, unicodedata.normalize("NFC", line.need.text), line.lang, line.need.kind,
                line.file_name, clip_text_hash(line.need.text), where, line.state]

    return spreadsheet_csv(BANK_CSV_COLUMNS, map(row, lines))


def _instructions(lines: list[BankLine], lang: str) -> list[str]:
    example = lines[0].file_name if lines else f"n.5.{lang}.wav"
    return [
        "Mỗi dòng là một đoạn ngắn, ghi thành một tệp riêng, đặt tên đúng như tên tệp in đậm (ví dụ " + example + ").",
        "Câu cố định: đọc tự nhiên như khi đọc bản tin; các chỗ «…» là nơi sẽ ghép tên, số, ngày vào.",
        "Từ đọc số, ngày, giờ: đọc rõ từng từ, giọng đều, không lên xuống: chúng sẽ được ghép lại với nhau.",
        "Tên bản, nơi chốn viết bằng tiếng Việt: đọc như người nói tiếng " + _lang_name(lang) + " vẫn gọi.",
        "Phòng yên tĩnh; im lặng nửa giây trước và sau mỗi đoạn. Nhận WAV (tốt nhất), MP3, M4A hoặc OGG.",
        "Các đoạn là BẢN NHÁP: chỉ được phát chính thức sau khi người bản ngữ nghe lại và duyệt.",
    ]


def _lang_name(lang: str) -> str:
    return langs.get(lang).name_vi.replace("Tiếng ", "") if langs.is_known(lang) else lang


def _where(ws: "Workspace", need: Needed) -> str:
    if need.file is None:
        return ""
    return f"{ws.relative(need.file)}:{need.line}" if need.line else str(ws.relative(need.file))


def _display_text(need: Needed, cuts: dict) -> str:
    """A template segment shows «…» where a value will be joined to it."""
    if need.kind != "template":
        return need.text
    _t, template, number = need.phrase_id.split(".")
    for cut in cuts.values():
        if cut.template == template:
            parts = cut.parts
            for i, part in enumerate(parts):
                if isinstance(part, Segment) and part.phrase_id == need.phrase_id:
                    before = "… " if i > 0 else ""
                    after = " …" if i < len(parts) - 1 else ""
                    return f"{before}{need.text}{after}"
    return need.text


def build_bank_kit(ws: "Workspace", lang: str, out_dir: Path, *, force: bool = False,
                   only_missing: bool = True) -> list[BankLine]:
    """Write the bank kit for ``lang`` into ``out_dir`` (built aside, renamed into place)."""
    from ..outputs import check_output_folder, output_folder
    from ..render.pdf import compile_pdf

    if not langs.is_known(lang):
        raise InputError(Problem(langs.unknown_tag_message(lang), field="--lang", code="usage.language"))
    out_dir = Path(out_dir)
    if out_dir.exists() and not out_dir.is_dir():
        raise InputError(Problem(_("'{path}' exists and is not a folder.").format(path=out_dir), code="usage.output"))
    if out_dir.is_dir() and any(out_dir.iterdir()) and not force:
        audio = [p.name for p in out_dir.iterdir() if p.suffix.lower() in AUDIO_SUFFIXES]
        raise InputError(Problem(
            _("The folder '{path}' already exists and is not empty.").format(path=out_dir),
            found=_("{count} audio file(s) inside").format(count=len(audio)) if audio else None,
            hint=_("Choose another folder with -o, or add --force to replace it (recordings in it would be lost)."),
            code="usage.output-exists"))
    check_output_folder(ws, out_dir)  # even with --force: never on inputs, never files commcli did not make
    lines = bank_lines(ws, lang, only_missing=only_missing)
    commune = ws.commune
    place = f"{commune.commune}, {commune.province}" if commune else ""
    script = langs.get(lang).script
    title = f"KHO GIỌNG — {langs.get(lang).name_vi}"
    groups = []
    for kind in KINDS:
        mine = [ln for ln in lines if ln.need.kind == kind]
        if mine:
            groups.append({"title": KIND_TITLES_VI[kind], "phrases": [
                {"number": ln.number, "file_name": ln.file_name, "text": _display_text(ln.need, {k: c for k, c in template_cuts(ws).items() if k[1] == ln.lang}),
                 "where": _where(ws, ln.need)} for ln in mine]})
    data = {"title": title, "place": place, "count": f"Số đoạn cần ghi: {len(lines)}",
            "draft": "BẢN NHÁP — chờ người bản ngữ duyệt", "instructions": _instructions(lines, lang),
            "groups": groups,
            "fonts": ["Noto Sans Tai Viet", "Noto Sans"] if script == "Tavt" else ["Noto Sans", "Noto Sans Tai Viet"]}
    pdf = compile_pdf(BANK_TYPST, data, template_name="bank-kit", tagged=False)
    text = [title, place, data["count"], data["draft"], ""] + [f"  - {s}" for s in data["instructions"]]
    for group in groups:
        text += ["", "=" * 60, group["title"], "=" * 60]
        for p in group["phrases"]:
            text += ["", f"{p['number']}. {p['file_name']}" + (f"   ({p['where']})" if p["where"] else ""),
                     f"    {p['text']}"]
    readme = f"""KHO GIỌNG — {langs.get(lang).name_vi} — {place}

Ghi một lần, dùng nhiều tuần: các đoạn trong bộ này được ghép lại thành bản tin và tin khẩn cấp
(câu cố định của mẫu tin + tên bản + số, ngày, giờ đọc bằng các từ đã ghi).

Bộ này gồm:
  script.pdf   kịch bản để in (chữ lớn), chia theo loại đoạn
  script.txt   cùng nội dung, dạng chữ thường
  phrases.csv  bảng các đoạn (mở bằng Excel): id, lời, ngôn ngữ, loại, tên tệp, mã băm lời, vị trí, trạng thái
  README.txt   tệp này

Cách làm:
  1. In script.pdf, đưa cho người đọc là người bản ngữ.
  2. Mỗi đoạn ghi thành một tệp, đặt tên đúng như tên tệp (ví dụ {lines[0].file_name if lines else 'n.5.' + lang + '.wav'}).
  3. Chép các tệp vào chính thư mục này (để nguyên phrases.csv).
  4. Chạy:  commcli recordings import {out_dir.name}
  5. Người bản ngữ nghe lại, rồi:  commcli recordings review --lang {lang} --by "Họ tên"
  6. Kiểm tra:  commcli recordings status

---
VOICE BANK KIT (English)
Record one file per line, named exactly as printed (e.g. n.5.{lang}.wav), put the files into this folder and run
commcli recordings import {out_dir.name}. Phrases are drafts until a native speaker reviews them.
"""
    with output_folder(ws, out_dir, kind="bank-kit") as staging:
        (staging / "script.pdf").write_bytes(pdf)
        (staging / "script.txt").write_text("\n".join(text) + "\n", encoding="utf-8")
        (staging / "phrases.csv").write_bytes(bank_csv(ws, lines))
        (staging / "README.txt").write_text(readme, encoding="utf-8")
    return lines
