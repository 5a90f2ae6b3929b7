"""Recording kits: the printable script, clip list and README an announcer records from."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Iterable

from .. import langs
from ..errors import InputError, Problem
from ..i18n import _
from ..programme import Clip, Programme
from .check import AUDIO_SUFFIXES
from .clips import unique_clips
from .index import Status, clip_text_hash, recording_status

if TYPE_CHECKING:  # pragma: no cover
    from ..workspace import Workspace

KIT_FILES = ("script.pdf", "script.txt", "clips.csv", "README.txt")
CSV_COLUMNS = ("number", "clip_id", "file_name", "title", "text", "text_sha256", "status", "recording")

# The kit is a document for the announcer, who reads Vietnamese: its wording is content (like a form's text),
# not interface messages, so it is Vietnamese whatever the interface language.
KIT_TEXT_VI = {
    "title": "KỊCH BẢN GHI ÂM",
    "draft": "BẢN NHÁP — DRAFT: lời chưa được người bản ngữ duyệt",
    "draft_line": "bản nháp — chờ người bản ngữ duyệt",
    "week": "Tuần",
    "language": "Ngôn ngữ",
    "count": "Số đoạn cần ghi",
    "file": "Tên tệp",
    "clip": "Mã đoạn",
    "instructions_title": "Hướng dẫn người đọc",
    "instructions": [
        "Ghi âm trong phòng yên tĩnh: đóng cửa, tắt quạt, để điện thoại ở chế độ im lặng.",
        "Bấm ghi, im lặng khoảng 1 giây rồi mới đọc; đọc xong, im lặng thêm 1 giây rồi mới dừng ghi.",
        "Mỗi đoạn ghi thành một tệp riêng, đặt tên đúng như «Tên tệp» (ví dụ {example}).",
        "Đọc rõ ràng, tốc độ vừa phải; để micrô cách miệng khoảng một gang tay (20 cm), không nói quá to.",
        "Đọc nhầm thì ghi lại cả đoạn. Nhận tệp WAV (tốt nhất), MP3, M4A hoặc OGG.",
    ],
}

KIT_TYPST = r"""
#let data = json(bytes(sys.inputs.data))
#set document(title: data.title)
#set page(paper: "a4", margin: (x: 18mm, top: 22mm, bottom: 18mm),
  header: if data.draft { align(center, text(size: 11pt, weight: "bold", fill: rgb("#b00000"), data.labels.draft)) },
  footer: context align(center, text(size: 10pt, counter(page).display("1 / 1", both: true))))
#set text(font: ("Noto Sans", "Noto Sans Tai Viet"), size: 13pt, lang: "vi")
#set par(leading: 0.8em)
#text(size: 20pt, weight: "bold", data.title)
#v(2pt)
#text(size: 13pt, data.place) \
#text(size: 13pt, data.labels.week + ": " + data.week + " — " + data.labels.language + ": " + data.language_name + " (" + data.language + ")") \
#text(size: 13pt, data.labels.count + ": " + str(data.clips.len()))
#block(fill: luma(238), inset: 9pt, radius: 3pt, width: 100%)[
  #text(weight: "bold", data.labels.instructions_title)
  #for line in data.instructions [
    - #line
  ]
]
#for c in data.clips [
  #v(8pt)
  #line(length: 100%, stroke: 0.6pt + luma(150))
  #grid(columns: (auto, 1fr), column-gutter: 10pt,
    text(size: 26pt, weight: "bold", str(c.number) + "."),
    [
      #text(size: 11pt, data.labels.file + ": ") #text(size: 12pt, weight: "bold", c.file_name) \
      #text(size: 10pt, fill: luma(90), data.labels.clip + ": " + c.clip_id + " — " + c.title)
      #if c.draft [ \ #text(size: 10pt, fill: rgb("#b00000"), "(" + data.labels.draft_line + ")") ]
    ])
  #v(4pt)
  #for p in c.paragraphs [
    #par(text(size: 20pt, font: data.fonts, p))
  ]
]
"""


@dataclass(frozen=True)
class KitLine:
    number: int
    clip: Clip
    recording: Status

    @property
    def file_name(self) -> str:
        return f"{self.clip.clip_id}.wav"

    @property
    def text_sha256(self) -> str:
        return clip_text_hash(self.clip.text)


@dataclass
class KitResult:
    folder: Path
    lines: list[KitLine]
    files: list[str] = field(default_factory=lambda: list(KIT_FILES))


def kit_lines(ws: "Workspace", clips: Iterable[Clip], *, only_missing: bool = False) -> list[KitLine]:
    rows = [(clip, recording_status(ws, clip)) for clip in clips]
    if only_missing:
        rows = [r for r in rows if r[1] != "ok"]
    return [KitLine(i, clip, status) for i, (clip, status) in enumerate(rows, start=1)]


def kit_csv(lines: list[KitLine]) -> bytes:
    """clips.csv: UTF-8 with BOM (spreadsheets), one row per clip to record."""
    from ..publish import spreadsheet_csv

    return spreadsheet_csv(CSV_COLUMNS, ([line.number, line.clip.clip_id, line.file_name, line.clip.title,
                                          unicodedata.normalize("NFC", line.clip.text).strip(), line.text_sha256,
                                          line.clip.status, line.recording] for line in lines))


def _language_name(lang: str) -> str:
    return langs.get(lang).name_vi if langs.is_known(lang) else lang


def _kit_header(ws: "Workspace", week: str, lang: str) -> dict:
    commune = ws.commune
    place = f"{commune.commune}, {commune.province}" if commune else ""
    return {"title": f"{KIT_TEXT_VI['title']} — {_language_name(lang)}", "place": place, "week": week,
            "language": lang, "language_name": _language_name(lang)}


def _instructions(lines: list[KitLine]) -> list[str]:
    example = lines[0].file_name if lines else "ma-doan.hmn.wav"
    return [s.format(example=example) for s in KIT_TEXT_VI["instructions"]]


def _paragraphs(text: str) -> list[str]:
    text = unicodedata.normalize("NFC", text).strip()
    return [" ".join(p.split()) for p in re.split(r"\n\s*\n", text) if p.strip()] or [""]


def kit_pdf_data(header: dict, lines: list[KitLine]) -> dict:
    script = langs.get(header["language"]).script if langs.is_known(header["language"]) else "Latn"
    fonts = ["Noto Sans Tai Viet", "Noto Sans"] if script == "Tavt" else ["Noto Sans", "Noto Sans Tai Viet"]
    return {
        **header,
        "draft": any(line.clip.status == "draft" for line in lines),
        "labels": {k: v for k, v in KIT_TEXT_VI.items() if isinstance(v, str)},
        "instructions": _instructions(lines),
        "fonts": fonts,
        "clips": [{"number": line.number, "clip_id": line.clip.clip_id, "file_name": line.file_name,
                   "title": line.clip.title, "draft": line.clip.status == "draft",
                   "paragraphs": _paragraphs(line.clip.text)} for line in lines],
    }


def kit_script_text(header: dict, lines: list[KitLine]) -> str:
    labels = KIT_TEXT_VI
    out = [header["title"], header["place"],
           f"{labels['week']}: {header['week']} — {labels['language']}: {header['language_name']} ({header['language']})",
           f"{labels['count']}: {len(lines)}", ""]
    if any(line.clip.status == "draft" for line in lines):
        out += [labels["draft"], ""]
    out.append(labels["instructions_title"] + ":")
    out += [f"  - {s}" for s in _instructions(lines)]
    for line in lines:
        out += ["", "=" * 60, f"{line.number}. {labels['file']}: {line.file_name}",
                f"   {labels['clip']}: {line.clip.clip_id} — {line.clip.title}"]
        if line.clip.status == "draft":
            out.append(f"   ({labels['draft_line']})")
        out.append("")
        out += ["\n\n".join(_paragraphs(line.clip.text))]
    return "\n".join(out) + "\n"


def kit_readme(header: dict, lines: list[KitLine], folder_name: str) -> str:
    example = lines[0].file_name if lines else "ma-doan.hmn.wav"
    return f"""BỘ GHI ÂM — {header['title']}
{header['place']} — {KIT_TEXT_VI['week']} {header['week']}

Bộ này gồm:
  script.pdf   kịch bản để in: mỗi đoạn một số thứ tự, tên tệp cần ghi và lời cần đọc
  script.txt   cùng nội dung, dạng chữ thường
  clips.csv    bảng các đoạn (mở bằng Excel): số, mã đoạn, tên tệp, tiêu đề, lời, mã băm lời, trạng thái
  README.txt   tệp này

Cách làm:
  1. In script.pdf, đưa cho người đọc là người bản ngữ.
  2. Mỗi đoạn ghi thành một tệp, đặt tên đúng như cột "Tên tệp" (ví dụ {example}).
     Nhận WAV (tốt nhất), MP3, M4A hoặc OGG. Phòng yên tĩnh; im lặng 1 giây trước và sau khi đọc.
  3. Chép các tệp ghi âm vào chính thư mục này (để nguyên clips.csv).
  4. Chạy:  commcli recordings import {folder_name}
     Tệp hỏng, trống, im lặng hoặc bị rè (quá to) sẽ bị từ chối và nêu rõ tên tệp: ghi lại tệp đó.
  5. Kiểm tra:  commcli recordings status

Lưu ý: lời tiếng dân tộc đánh dấu "bản nháp" chưa được người bản ngữ duyệt; nhờ người đọc góp ý khi ghi.

---
RECORDING KIT (English)
Print script.pdf for a native-speaker announcer. Record one file per numbered clip, named exactly as
"Tên tệp" (file name), e.g. {example} (.mp3, .m4a, .ogg also accepted), in a quiet room with about one second
of silence before and after. Put the files into this folder and run: commcli recordings import {folder_name}
Texts marked draft have not been reviewed by a native speaker.
"""


def build_kit(ws: "Workspace", programmes: list[Programme], lang: str, out_dir: Path, *,
              only_missing: bool = False, force: bool = False) -> KitResult:
    """Write the recording kit for ``lang`` into ``out_dir`` (built aside, then renamed into place)."""
    from ..outputs import check_output_folder, output_folder
    from ..render.pdf import compile_pdf

    out_dir = Path(out_dir)
    if not langs.is_known(lang):
        raise InputError(Problem(langs.unknown_tag_message(lang), field="--lang", code="usage.language"))
    clips = unique_clips(programmes, lang)
    if not clips:
        present = sorted({c.language for p in programmes for c in p.clips})
        raise InputError(Problem(
            _("The bulletin has no text in '{lang}' to record.").format(lang=lang),
            expected=", ".join(present) or None, field="--lang", code="usage.no-clips",
            hint=_("Choose one of the bulletin's languages with --lang."),
        ))
    if out_dir.exists() and not out_dir.is_dir():
        raise InputError(Problem(_("'{path}' exists and is not a folder.").format(path=out_dir), code="usage.output"))
    if out_dir.is_dir() and any(out_dir.iterdir()) and not force:
        audio = [p.name for p in out_dir.iterdir() if p.suffix.lower() in AUDIO_SUFFIXES]
        raise InputError(Problem(
            _("The folder '{path}' already exists and is not empty.").format(path=out_dir),
            found=_("{count} audio file(s) inside").format(count=len(audio)) if audio else None,
            hint=_("Choose another folder with -o, or add --force to replace it (recordings in it would be lost)."),
            code="usage.output-exists",
        ))
    check_output_folder(ws, out_dir)  # even with --force: never on inputs, never files commcli did not make
    lines = kit_lines(ws, clips, only_missing=only_missing)
    week = programmes[0].week if programmes else ""
    header = _kit_header(ws, week, lang)
    pdf = compile_pdf(KIT_TYPST, kit_pdf_data(header, lines), template_name="recording-kit")
    with output_folder(ws, out_dir, kind="recording-kit") as staging:
        (staging / "script.pdf").write_bytes(pdf)
        (staging / "script.txt").write_text(kit_script_text(header, lines), encoding="utf-8")
        (staging / "clips.csv").write_bytes(kit_csv(lines))
        (staging / "README.txt").write_text(kit_readme(header, lines, out_dir.name), encoding="utf-8")
    return KitResult(folder=out_dir, lines=lines)
