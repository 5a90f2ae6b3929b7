"""Human recordings for languages no voice speaks: recording kits, import, the index and staleness."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
import subprocess
import unicodedata
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Literal

from .. import langs
from ..errors import CommcliError, InputError, Problem, Problems, Severity
from ..i18n import _
from ..programme import Clip, Programme

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np

    from ..workspace import Workspace

RECORDINGS = "recordings"
INDEX_NAME = "index.json"
AUDIO_SUFFIXES = (".wav", ".mp3", ".m4a", ".ogg")
KIT_FILES = ("script.pdf", "script.txt", "clips.csv", "README.txt")
CSV_COLUMNS = ("number", "clip_id", "file_name", "title", "text", "text_sha256", "status", "recording")

# What a stored recording is: the programme assembly reads these and does the final BS.1770 normalization.
SAMPLE_RATE = 22050
SILENT_PEAK_DBFS = -50.0  # a file whose loudest sample is below this holds no usable speech
MIN_SPEECH_SECONDS = 0.5  # shorter than this (after trimming) cannot be a read item
CLIP_LEVEL = 0.999  # |sample| at or above this is full scale
CLIP_FLAT = 1e-4  # two neighbouring full-scale samples closer than this are a clipped plateau, not a peak
CLIP_MIN_RUN = 3  # flat full-scale steps in a row that make a plateau
CLIP_RATIO = 0.001  # more than 0.1 % of samples on clipped plateaus: the recording is distorted
CLIP_MIN_SAMPLES = 10
TRIM_BELOW_PEAK_DB = 40.0  # frames this far below the loudest frame count as silence…
TRIM_ABOVE_FLOOR_DB = 12.0  # …or no more than this above the noise floor (noisy rooms)
TRIM_MIN_RUN_FRAMES = 3  # a sound shorter than 30 ms (a click, a button) does not start the speech
FRAME_SECONDS = 0.010
PAD_SECONDS = 0.150
FADE_SECONDS = 0.010
TARGET_RMS_DBFS = -20.0
PEAK_CEILING_DBFS = -1.0

Status = Literal["ok", "missing", "stale"]
_SAFE_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*\.[A-Za-z0-9][A-Za-z0-9-]*$")
_HEX64 = re.compile(r"^[0-9a-f]{64}$")


# --- text hashes and the index ------------------------------------------------------------------------------


def clip_text_hash(text: str) -> str:
    """sha256 (hex) of the text a clip is read from: NFC, outer whitespace ignored.

    A recording is stale when the hash it was recorded for differs from its clip's current one.
    """
    return hashlib.sha256(unicodedata.normalize("NFC", text).strip().encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class IndexEntry:
    """One stored recording, as ``recordings/<lang>/index.json`` describes it."""

    file: str  # file name inside recordings/<lang>/
    text_sha256: str  # hash of the text it was recorded for (clip_text_hash)
    duration: float  # seconds, after trimming
    imported_from: str  # name of the file the announcer delivered
    imported_on: str  # ISO 8601 date and time of the import

    def to_json(self) -> dict:
        return {"file": self.file, "text_sha256": self.text_sha256, "duration": self.duration,
                "imported_from": self.imported_from, "imported_on": self.imported_on}


def language_folder(ws: "Workspace", lang: str) -> Path:
    return ws.root / RECORDINGS / lang


def index_path(ws: "Workspace", lang: str) -> Path:
    return language_folder(ws, lang) / INDEX_NAME


def _line_of(text: str, needle: str) -> int | None:
    at = text.find(needle)
    return None if at < 0 else text.count("\n", 0, at) + 1


def parse_index(text: str, path: Path, problems: Problems) -> dict[str, IndexEntry]:
    """The entries of an index.json text; every defect becomes a Problem with file:line."""
    hint = _("Import the recordings again with 'commcli recordings import', or restore index.json from a backup.")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        problems.add(Problem(
            _("The recordings index is not valid JSON: {reason}.").format(reason=exc.msg),
            file=path, line=exc.lineno, column=exc.colno, hint=hint, code="recordings.index-json",
        ))
        return {}
    if not isinstance(data, dict):
        problems.add(Problem(_("The recordings index must be a JSON object {clip id: entry}."), file=path, line=1,
                             hint=hint, code="recordings.index-shape"))
        return {}
    entries: dict[str, IndexEntry] = {}
    for clip_id, raw in data.items():
        line = _line_of(text, json.dumps(clip_id, ensure_ascii=False))
        fields = ("file", "text_sha256", "duration", "imported_from", "imported_on")
        if (not isinstance(raw, dict) or not all(k in raw for k in fields) or not isinstance(raw["file"], str)
                or not isinstance(raw["text_sha256"], str) or not isinstance(raw["duration"], (int, float))
                or not _SAFE_ID.match(clip_id) or Path(raw["file"]).name != raw["file"]):
            problems.add(Problem(
                _("The index entry for '{clip}' is damaged.").format(clip=clip_id),
                file=path, line=line, field=clip_id,
                expected=_("an object with {fields}").format(fields=", ".join(fields)), hint=hint,
                code="recordings.index-entry",
            ))
            continue
        entries[clip_id] = IndexEntry(file=raw["file"], text_sha256=raw["text_sha256"], duration=float(raw["duration"]),
                                      imported_from=str(raw["imported_from"]), imported_on=str(raw["imported_on"]))
    return entries


def load_index(ws: "Workspace", lang: str, problems: Problems | None = None) -> dict[str, IndexEntry]:
    """``recordings/<lang>/index.json`` (empty when absent), cached on the workspace.

    A damaged index raises InputError (file:line) unless ``problems`` is given, which then receives them.
    """
    key = f"recordings.index.{lang}"
    if key in ws.cache:
        entries, found = ws.cache[key]
    else:
        path = index_path(ws, lang)
        local = Problems()
        entries = {}
        if path.is_file():
            try:
                text = path.read_text(encoding="utf-8")
            except UnicodeDecodeError:
                local.add(Problem(_("The recordings index is not UTF-8 text."), file=path, line=1,
                                  code="recordings.index-encoding"))
            else:
                entries = parse_index(text, path, local)
        found = list(local)
        ws.cache[key] = (entries, found)
    if found:
        if problems is None:
            raise InputError(found)
        problems.extend(found)
    return entries


def index_json(entries: dict[str, IndexEntry]) -> str:
    return json.dumps({k: v.to_json() for k, v in entries.items()}, ensure_ascii=False, sort_keys=True, indent=2) + "\n"


def recording_path(ws: "Workspace", lang: str, clip_id: str) -> Path | None:
    """The stored recording for ``clip_id``, or None when there is none (not indexed or the file is gone)."""
    entry = load_index(ws, lang, Problems()).get(clip_id)
    if entry is None:
        return None
    path = language_folder(ws, lang) / entry.file
    return path if path.is_file() else None


def recording_status(ws: "Workspace", clip: Clip) -> Status:
    """``ok``, ``missing`` (no recording) or ``stale`` (the clip's text changed since it was recorded)."""
    entry = load_index(ws, clip.language, Problems()).get(clip.clip_id)
    if entry is None or recording_path(ws, clip.language, clip.clip_id) is None:
        return "missing"
    return "ok" if entry.text_sha256 == clip_text_hash(clip.text) else "stale"


# --- which clips need recordings ----------------------------------------------------------------------------


def needs_recording(ws: "Workspace", lang: str) -> bool:
    """True when the commune's voice for ``lang`` is ``recorded``, or no voice is set and no TTS speaks it."""
    voices = ws.commune.audio.voices if ws.commune else {}
    voice = voices.get(lang) or voices.get(langs.base_of(lang))
    if voice is not None:
        return voice.engine == "recorded"
    return langs.base_of(lang) != "vi"


def unique_clips(programmes: Iterable[Programme], lang: str | None = None) -> list[Clip]:
    """Each clip once (repeats and other slots share one recording), in first running-order position."""
    seen: dict[str, Clip] = {}
    for programme in programmes:
        for clip in programme.clips:
            if lang is not None and not langs.matches(clip.language, lang):
                continue
            seen.setdefault(clip.clip_id, clip)
    return list(seen.values())


def bulletin_files(ws: "Workspace") -> list[Path]:
    return ws.yaml_files("bulletins")


def load_bulletin_programmes(ws: "Workspace", bulletin: Path) -> list[Programme]:
    """The bulletin's programmes (the bulletins capability owns the loading; errors propagate)."""
    from ..bulletins.plan import load_programmes

    return list(load_programmes(ws, bulletin))


def clip_sources(ws: "Workspace", bulletins: Iterable[Path] | None = None,
                 problems: Problems | None = None) -> list[tuple[Path, Clip]]:
    """(bulletin file, clip) for each unique clip of the given bulletins (default: all).

    Unloadable bulletins are skipped when ``problems`` is given (their problems go there), otherwise their
    error propagates.
    """
    seen: dict[str, tuple[Path, Clip]] = {}
    for path in (bulletin_files(ws) if bulletins is None else bulletins):
        try:
            found = load_bulletin_programmes(ws, path)
        except CommcliError as error:
            if problems is None:
                raise
            problems.extend(error.problems)
            continue
        except ModuleNotFoundError as exc:  # bulletins capability not installed
            if not (exc.name or "").startswith("commcli.bulletins"):
                raise
            break
        for clip in unique_clips(found):
            seen.setdefault(clip.clip_id, (Path(path), clip))
    return list(seen.values())


def workspace_clips(ws: "Workspace", bulletins: Iterable[Path] | None = None,
                    problems: Problems | None = None) -> list[Clip]:
    """Unique clips of the given bulletins (default: all); see clip_sources for errors."""
    return [clip for _path, clip in clip_sources(ws, bulletins, problems)]


@dataclass(frozen=True)
class StatusRow:
    clip: Clip
    status: Status


def status_rows(ws: "Workspace", clips: Iterable[Clip]) -> list[StatusRow]:
    return [StatusRow(clip, recording_status(ws, clip)) for clip in clips]


def check_workspace(ws: "Workspace") -> list[Problem]:
    """For ``commcli check``: damaged indexes (errors, file:line), missing and stale recordings (warnings)."""
    problems = Problems()
    folder = ws.root / RECORDINGS
    if folder.is_dir():
        for sub in sorted(p for p in folder.iterdir() if p.is_dir() and (p / INDEX_NAME).is_file()):
            load_index(ws, sub.name, problems)
    for bulletin, clip in clip_sources(ws, problems=Problems()):  # the bulletins check reports their errors
        if not needs_recording(ws, clip.language):
            continue
        status = recording_status(ws, clip)
        if status == "missing":
            problems.add(Problem(
                _("No recording for '{clip}' ({title}); a draft build leaves it out, a release build refuses.").format(
                    clip=clip.clip_id, title=clip.title),
                file=bulletin, line=_item_line(bulletin, clip), severity=Severity.WARNING, code="recordings.missing",
                hint=_("Make a recording kit with 'commcli recordings kit', then 'commcli recordings import' the files."),
            ))
        elif status == "stale":
            problems.add(Problem(
                _("The recording of '{clip}' ({title}) was made for an older text; it must be recorded again.").format(
                    clip=clip.clip_id, title=clip.title),
                file=index_path(ws, clip.language), line=_index_line(ws, clip), severity=Severity.WARNING,
                code="recordings.stale",
                hint=_("Make a recording kit with 'commcli recordings kit --only-missing' and import the new file."),
            ))
    return list(problems)


def _item_line(bulletin: Path, clip: Clip) -> int | None:
    try:
        text = bulletin.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    match = re.search(rf"^\s*-?\s*id:\s*['\"]?{re.escape(clip.item_id)}['\"]?\s*(#.*)?$", text, re.MULTILINE)
    return text.count("\n", 0, match.start()) + 1 if match else None


def _index_line(ws: "Workspace", clip: Clip) -> int | None:
    try:
        return _line_of(index_path(ws, clip.language).read_text(encoding="utf-8"), json.dumps(clip.clip_id))
    except (OSError, UnicodeDecodeError):
        return None


# --- recording kit ------------------------------------------------------------------------------------------

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
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for line in lines:
        clip = line.clip
        writer.writerow([line.number, clip.clip_id, line.file_name, clip.title,
                         unicodedata.normalize("NFC", clip.text).strip(), line.text_sha256, clip.status, line.recording])
    return b"\xef\xbb\xbf" + buffer.getvalue().encode("utf-8")


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
    from ..publish import staged_folder
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
    lines = kit_lines(ws, clips, only_missing=only_missing)
    week = programmes[0].week if programmes else ""
    header = _kit_header(ws, week, lang)
    pdf = compile_pdf(KIT_TYPST, kit_pdf_data(header, lines), template_name="recording-kit")
    with staged_folder(out_dir) as staging:
        (staging / "script.pdf").write_bytes(pdf)
        (staging / "script.txt").write_text(kit_script_text(header, lines), encoding="utf-8")
        (staging / "clips.csv").write_bytes(kit_csv(lines))
        (staging / "README.txt").write_text(kit_readme(header, lines, out_dir.name), encoding="utf-8")
    return KitResult(folder=out_dir, lines=lines)


# --- decoding and checking audio ----------------------------------------------------------------------------


class DecodeError(Exception):
    pass


def _run_ffmpeg(args: list[str]) -> bytes:
    try:
        from .ffmpeg import ffmpeg_exe

        done = subprocess.run([ffmpeg_exe(), "-nostdin", "-hide_banner", "-loglevel", "error", *args],
                              capture_output=True, timeout=300)
    except subprocess.TimeoutExpired as exc:
        raise DecodeError("timeout") from exc
    if done.returncode != 0:
        lines = [s for s in done.stderr.decode("utf-8", "replace").strip().splitlines() if s.strip()]
        raise DecodeError(lines[-1] if lines else f"ffmpeg exit {done.returncode}")
    return done.stdout


def parse_wav(data: bytes) -> tuple["np.ndarray", int]:
    """Samples (frames × channels, float32 in [-1, 1]) and rate of a 16/32-bit PCM WAV (sizes may be unset)."""
    import numpy as np

    if len(data) < 12 or data[:4] != b"RIFF" or data[8:12] != b"WAVE":
        raise DecodeError("not a WAV stream")
    pos, channels, rate, bits, raw = 12, None, None, None, None
    while pos + 8 <= len(data):
        chunk, size = data[pos:pos + 4], int.from_bytes(data[pos + 4:pos + 8], "little")
        body = pos + 8
        if chunk == b"fmt ":
            channels = int.from_bytes(data[body + 2:body + 4], "little")
            rate = int.from_bytes(data[body + 4:body + 8], "little")
            bits = int.from_bytes(data[body + 14:body + 16], "little")
        elif chunk == b"data":
            raw = data[body:] if size in (0, 0xFFFFFFFF) or body + size > len(data) else data[body:body + size]
            break
        pos = body + size + (size & 1)
    if raw is None or not channels or not rate or bits not in (16, 32):
        raise DecodeError("no PCM data")
    width = bits // 8
    usable = len(raw) - len(raw) % (width * channels)
    ints = np.frombuffer(raw[:usable], dtype="<i2" if bits == 16 else "<i4")
    scale = 32768.0 if bits == 16 else 2147483648.0
    return (ints.astype(np.float32) / np.float32(scale)).reshape(-1, channels), rate


def decode_native(path: Path) -> tuple["np.ndarray", int]:
    """All channels at the file's own rate, as ffmpeg decodes them (clipping is judged on these)."""
    data = _run_ffmpeg(["-i", str(path), "-map", "0:a:0", "-vn", "-f", "wav", "-c:a", "pcm_s32le", "pipe:1"])
    return parse_wav(data)


def decode_mono(path: Path, rate: int = SAMPLE_RATE) -> "np.ndarray":
    """Mono float32 at ``rate`` (ffmpeg downmixes and resamples)."""
    import numpy as np

    data = _run_ffmpeg(["-i", str(path), "-map", "0:a:0", "-vn", "-ac", "1", "-ar", str(rate),
                        "-f", "f32le", "-c:a", "pcm_f32le", "pipe:1"])
    return np.frombuffer(data[: len(data) - len(data) % 4], dtype="<f4").astype(np.float32)


def db(value: float) -> float:
    import math

    return 20 * math.log10(value) if value > 0 else float("-inf")


def clipped_fraction(samples: "np.ndarray") -> tuple[int, float]:
    """(count, fraction) of samples sitting on full-scale plateaus, over all channels."""
    import numpy as np

    if samples.ndim == 1:
        samples = samples[:, None]
    if len(samples) < 2:
        return 0, 0.0
    plateau = (np.abs(samples[1:]) >= CLIP_LEVEL) & (np.abs(np.diff(samples, axis=0)) < CLIP_FLAT)
    count = 0
    for column in plateau.T:  # a smooth peak at full scale has at most one flat step; clipping has runs
        edges = np.diff(np.concatenate(([0], column.astype(np.int8), [0])))
        lengths = np.flatnonzero(edges == -1) - np.flatnonzero(edges == 1)
        count += int(lengths[lengths >= CLIP_MIN_RUN].sum())
    return count, count / samples.size


def _frame_rms(mono: "np.ndarray", frame: int) -> "np.ndarray":
    import numpy as np

    n = -(-len(mono) // frame)
    padded = np.zeros(n * frame, dtype=np.float64)
    padded[: len(mono)] = mono
    return np.sqrt(np.mean(padded.reshape(n, frame) ** 2, axis=1))


def speech_bounds(mono: "np.ndarray", rate: int = SAMPLE_RATE) -> tuple[int, int, float] | None:
    """(start sample, end sample, speech RMS) of the part between leading and trailing silence; None if all silent.

    The threshold is relative: 40 dB under the loudest 10 ms frame, or 12 dB over the noise floor if the room is
    noisy (never above 20 dB under the loudest frame). Bursts shorter than 30 ms (clicks) do not count.
    """
    import numpy as np

    frame = max(1, int(rate * FRAME_SECONDS))
    rms = _frame_rms(mono, frame)
    loud = float(rms.max()) if len(rms) else 0.0
    if loud <= 0:
        return None
    floor = float(np.percentile(rms, 10))
    threshold = max(loud * 10 ** (-TRIM_BELOW_PEAK_DB / 20), floor * 10 ** (TRIM_ABOVE_FLOOR_DB / 20))
    threshold = min(threshold, loud * 10 ** (-20 / 20))
    active = rms > threshold
    # Keep only runs of at least TRIM_MIN_RUN_FRAMES active frames.
    edges = np.diff(np.concatenate(([0], active.astype(np.int8), [0])))
    starts, ends = np.flatnonzero(edges == 1), np.flatnonzero(edges == -1)
    runs = [(s, e) for s, e in zip(starts, ends) if e - s >= TRIM_MIN_RUN_FRAMES]
    if not runs:
        runs = list(zip(starts, ends))
    if not runs:
        return None
    first, last = runs[0][0], runs[-1][1]
    speech = rms[first:last]
    level = float(np.sqrt(np.mean(speech[speech > threshold] ** 2))) if np.any(speech > threshold) else loud
    return first * frame, min(len(mono), last * frame), level


def trim_and_normalize(mono: "np.ndarray", rate: int = SAMPLE_RATE) -> tuple["np.ndarray", float]:
    """Trim leading and trailing silence (keeping 150 ms), fade the cut edges, bring speech to about −20 dBFS RMS
    with peaks at most −1 dBFS. Returns (samples, speech seconds without padding)."""
    import numpy as np

    bounds = speech_bounds(mono, rate)
    if bounds is None:
        return mono[:0], 0.0
    start, end, level = bounds
    pad = int(rate * PAD_SECONDS)
    a, b = max(0, start - pad), min(len(mono), end + pad)
    out = mono[a:b].astype(np.float64)
    fade = min(int(rate * FADE_SECONDS), len(out) // 2)
    if fade and a > 0:
        out[:fade] *= np.linspace(0.0, 1.0, fade)
    if fade and b < len(mono):
        out[-fade:] *= np.linspace(1.0, 0.0, fade)
    peak = float(np.abs(out).max()) if len(out) else 0.0
    if peak > 0:
        gain = min(10 ** (TARGET_RMS_DBFS / 20) / max(level, 1e-9), 10 ** (PEAK_CEILING_DBFS / 20) / peak)
        out *= gain
    return out.astype(np.float32), (end - start) / rate


def wav_bytes(mono: "np.ndarray", rate: int = SAMPLE_RATE) -> bytes:
    """16-bit mono PCM WAV."""
    import wave

    import numpy as np

    pcm = np.clip(np.round(mono.astype(np.float64) * 32767), -32768, 32767).astype("<i2").tobytes()
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(pcm)
    return buffer.getvalue()


@dataclass(frozen=True)
class PreparedRecording:
    """A checked, trimmed, normalized recording held in memory until every file has passed."""

    clip_id: str
    language: str
    source: Path
    wav: bytes
    duration: float
    text_sha256: str


def prepare_recording(path: Path, clip_id: str, language: str, text_sha256: str) -> PreparedRecording | Problem:
    """Decode, check, trim, convert and normalize one delivered file; a Problem (naming the file) if refused."""
    import numpy as np

    redo = _("Record this clip again (or export it again from the recorder) and import the folder again.")

    def refuse(message: str, code: str, found: str | None = None) -> Problem:
        return Problem(message, file=path, found=found, hint=redo, code=f"input.recording-{code}")

    try:
        size = path.stat().st_size
    except OSError as exc:
        return refuse(_("The file cannot be read: {reason}.").format(reason=exc.strerror), "unreadable")
    if size == 0:
        return refuse(_("The recording file is empty (0 bytes)."), "empty")
    try:
        native, rate = decode_native(path)
    except DecodeError as exc:
        return refuse(_("This is not a sound file that can be read (WAV, MP3, M4A or OGG expected)."),
                      "not-audio", found=str(exc)[:200])
    if native.size == 0:
        return refuse(_("The recording file contains no sound."), "empty")
    peak = float(np.abs(native).max())
    if db(peak) < SILENT_PEAK_DBFS:
        return refuse(_("The recording is silent (loudest point {level:.0f} dBFS, below {limit:.0f} dBFS).").format(
            level=max(db(peak), -120.0), limit=SILENT_PEAK_DBFS), "silent",
            found=_("the microphone may have been off or muted"))
    count, fraction = clipped_fraction(native)
    if count >= CLIP_MIN_SAMPLES and fraction > CLIP_RATIO:
        return refuse(_("The recording is clipped (distorted): {percent:.1f} % of the sound is cut off at full scale.")
                      .format(percent=fraction * 100), "clipped",
                      found=_("recorded too loud or too close to the microphone"))
    try:
        mono = decode_mono(path)
    except DecodeError as exc:
        return refuse(_("This is not a sound file that can be read (WAV, MP3, M4A or OGG expected)."),
                      "not-audio", found=str(exc)[:200])
    out, speech = trim_and_normalize(mono)
    if speech < MIN_SPEECH_SECONDS:
        return refuse(_("The recording is too short: {seconds:.1f} s of sound (at least {minimum:.1f} s expected).")
                      .format(seconds=speech, minimum=MIN_SPEECH_SECONDS), "too-short")
    return PreparedRecording(clip_id=clip_id, language=language, source=path, wav=wav_bytes(out),
                             duration=round(len(out) / SAMPLE_RATE, 3), text_sha256=text_sha256)


# --- import -------------------------------------------------------------------------------------------------


@dataclass
class ImportResult:
    imported: list[PreparedRecording] = field(default_factory=list)
    refused: list[Problem] = field(default_factory=list)  # only with skip_invalid
    warnings: list[Problem] = field(default_factory=list)
    other_language: int = 0


def read_kit_csv(path: Path, problems: Problems) -> dict[str, str]:
    """{clip_id: text_sha256} from a kit's clips.csv; defects become Problems with file:line."""
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        problems.add(Problem(_("clips.csv is not UTF-8 text (was it saved from a spreadsheet in another encoding?)."),
                             file=path, line=1, code="input.kit-csv-encoding",
                             hint=_("Restore clips.csv from the recording kit, or delete it to use the current bulletins.")))
        return {}
    reader = csv.DictReader(io.StringIO(text, newline=""))
    missing = [c for c in ("clip_id", "text_sha256") if c not in (reader.fieldnames or [])]
    if missing:
        problems.add(Problem(_("clips.csv lacks the column(s) {columns}.").format(columns=", ".join(missing)),
                             file=path, line=1, code="input.kit-csv-columns",
                             hint=_("Restore clips.csv from the recording kit, or delete it to use the current bulletins.")))
        return {}
    known: dict[str, str] = {}
    for row in reader:
        clip_id = unicodedata.normalize("NFC", (row.get("clip_id") or "").strip())
        digest = (row.get("text_sha256") or "").strip().lower()
        if not clip_id:
            continue
        if not _SAFE_ID.match(clip_id) or not _HEX64.match(digest):
            problems.add(Problem(_("clips.csv row for '{clip}' is damaged (clip id or text hash).").format(clip=clip_id),
                                 file=path, line=reader.line_num, code="input.kit-csv-row",
                                 hint=_("Restore clips.csv from the recording kit, or delete it to use the current bulletins.")))
            continue
        known[clip_id] = digest
    return known


def _language_of(clip_id: str) -> str:
    return clip_id.split(".", 1)[1]


def import_recordings(ws: "Workspace", folder: Path, *, lang: str | None = None, skip_invalid: bool = False,
                      now: datetime | None = None) -> ImportResult:
    """Check every delivered file, then store them all under recordings/<lang>/ and update the indexes.

    Nothing is written unless every file passes (or ``skip_invalid``, which leaves the bad ones out).
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise InputError(Problem(_("The folder '{path}' does not exist.").format(path=folder), code="usage.folder"))
    if lang is not None and not langs.is_known(lang):
        raise InputError(Problem(langs.unknown_tag_message(lang), field="--lang", code="usage.language"))
    problems = Problems()
    result = ImportResult()

    # Which text each clip was recorded for: the kit's own list first, then the current bulletins.
    known: dict[str, str] = {}
    kit_csv_path = folder / "clips.csv"
    if kit_csv_path.is_file():
        known.update(read_kit_csv(kit_csv_path, problems))
    unreadable = Problems()
    for clip in workspace_clips(ws, problems=unreadable):
        known.setdefault(clip.clip_id, clip_text_hash(clip.text))
    if unreadable.has_errors:
        result.warnings.append(Problem(
            _("Some bulletins could not be read, so files not listed in the kit's clips.csv may not be recognized."),
            file=unreadable.errors[0].file, line=unreadable.errors[0].line, severity=Severity.WARNING,
            hint=_("Run 'commcli check' to see the bulletins' problems."), code="recordings.bulletins-unreadable"))
    by_lower = {k.lower(): k for k in known}

    candidates: dict[str, list[Path]] = {}
    for path in sorted(folder.iterdir()):
        if not path.is_file() or path.name.startswith((".", "~")) or path.name in KIT_FILES:
            continue
        if path.suffix.lower() not in AUDIO_SUFFIXES:
            result.warnings.append(Problem(
                _("Ignored: not a recording (expected .wav, .mp3, .m4a or .ogg)."), file=path,
                severity=Severity.WARNING, code="recordings.ignored"))
            continue
        clip_id = by_lower.get(path.stem.lower())
        if clip_id is None:
            result.warnings.append(Problem(
                _("No clip '{clip}' in the kit or in any bulletin; this file was not imported.").format(clip=path.stem),
                file=path, severity=Severity.WARNING, code="recordings.unknown-clip",
                hint=_("Name each file exactly as in the kit's 'file name' column, e.g. {example}.").format(
                    example=next(iter(known), "bhyt-gia-han.hmn") + ".wav"),
            ))
            continue
        if lang is not None and not langs.matches(_language_of(clip_id), lang):
            result.other_language += 1
            continue
        candidates.setdefault(clip_id, []).append(path)

    prepared: list[PreparedRecording] = []
    refused: list[Problem] = []
    for clip_id, paths in sorted(candidates.items()):
        if len(paths) > 1:
            refused.append(Problem(
                _("Two files for the clip '{clip}': {files}.").format(clip=clip_id, files=", ".join(p.name for p in paths)),
                file=paths[0], hint=_("Keep only one file per clip in the folder."), code="input.recording-duplicate"))
            continue
        outcome = prepare_recording(paths[0], clip_id, _language_of(clip_id), known[clip_id])
        (refused if isinstance(outcome, Problem) else prepared).append(outcome)

    indexes: dict[str, dict[str, IndexEntry]] = {}
    for language in sorted({r.language for r in prepared}):
        indexes[language] = dict(load_index(ws, language, problems))
    if problems.has_errors or (refused and not skip_invalid):
        raise InputError([*problems.errors, *refused])
    result.refused = [replace(p, severity=Severity.WARNING) for p in refused]

    stamp = (now or datetime.now().astimezone()).isoformat(timespec="seconds")
    from ..publish import write_bytes_atomic, write_text_atomic

    for recording in prepared:
        target = language_folder(ws, recording.language) / f"{recording.clip_id}.wav"
        write_bytes_atomic(target, recording.wav)
        indexes[recording.language][recording.clip_id] = IndexEntry(
            file=target.name, text_sha256=recording.text_sha256, duration=recording.duration,
            imported_from=recording.source.name, imported_on=stamp)
    for language, entries in indexes.items():
        write_text_atomic(index_path(ws, language), index_json(entries))
        ws.cache.pop(f"recordings.index.{language}", None)
    result.imported = prepared
    return result
