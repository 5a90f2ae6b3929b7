"""``commcli recordings import``: check every delivered file, then store them all (or nothing) and update the index."""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from .. import langs
from ..errors import InputError, Problem, Problems, Severity
from ..i18n import _
from ..faults import os_reason
from .check import (AUDIO_SUFFIXES, MIN_SPEECH_SECONDS, SAMPLE_RATE, DecodeError, decode_mono, decode_native,
                    sound_defect, trim_and_normalize, wav_bytes)
from .clips import workspace_clips
from .bank import BANK_ID, BankEntry, bank_folder, bank_index_json, bank_index_path, load_bank, phrase_kind
from .index import SAFE_ID, IndexEntry, clip_text_hash, index_json, index_path, language_folder, load_index
from .kit import KIT_FILES

KIT_FILES = (*KIT_FILES, "phrases.csv")

if TYPE_CHECKING:  # pragma: no cover
    from ..workspace import Workspace

_HEX64 = re.compile(r"^[0-9a-f]{64}$")


@dataclass(frozen=True)
class PreparedRecording:
    """A checked, trimmed, normalized recording held in memory until every file has passed."""

    clip_id: str
    language: str
    source: Path
    wav: bytes
    duration: float
    text_sha256: str
    phrase: tuple[str, str, str] | None = None  # a voice-bank phrase: (phrase id, text, kind)


# A bank phrase is a word or a part of a sentence: shorter than a read item may be.
MIN_PHRASE_SECONDS = 0.12


def prepare_recording(path: Path, clip_id: str, language: str, text_sha256: str, *,
                      min_speech: float = MIN_SPEECH_SECONDS) -> PreparedRecording | Problem:
    """Decode, check, trim, convert and normalize one delivered file; a Problem (naming the file) if refused."""
    redo = _("Record this clip again (or export it again from the recorder) and import the folder again.")

    def refuse(message: str, code: str, found: str | None = None) -> Problem:
        return Problem(message, file=path, found=found, hint=redo, code=f"input.recording-{code}")

    from ..safeio import LIMITS, is_regular, too_large

    try:
        size = path.stat().st_size
    except OSError as exc:
        return refuse(_("The file cannot be read: {reason}.").format(reason=os_reason(exc)), "unreadable")
    if not is_regular(path):
        return refuse(_("This is not a regular file (a device, a pipe or a socket)."), "not-regular")
    if size > LIMITS["audio"]:
        return replace(too_large(path, "audio").problems[0], hint=redo)
    if size == 0:
        return refuse(_("The recording file is empty (0 bytes)."), "empty")
    try:
        native, rate = decode_native(path)
    except DecodeError as exc:
        return refuse(_("This is not a sound file that can be read (WAV, MP3, M4A or OGG expected)."),
                      "not-audio", found=str(exc)[:200])
    defect = sound_defect(native)
    if defect is not None:
        return refuse(defect.message, defect.kind, found=defect.found)
    try:
        mono = decode_mono(path)
    except DecodeError as exc:
        return refuse(_("This is not a sound file that can be read (WAV, MP3, M4A or OGG expected)."),
                      "not-audio", found=str(exc)[:200])
    out, speech = trim_and_normalize(mono)
    if speech < min_speech:
        return refuse(_("The recording is too short: {seconds:.1f} s of sound (at least {minimum:.1f} s expected).")
                      .format(seconds=speech, minimum=min_speech), "too-short")
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
        if not SAFE_ID.match(clip_id) or not _HEX64.match(digest):
            problems.add(Problem(_("clips.csv row for '{clip}' is damaged (clip id or text hash).").format(clip=clip_id),
                                 file=path, line=reader.line_num, code="input.kit-csv-row",
                                 hint=_("Restore clips.csv from the recording kit, or delete it to use the current bulletins.")))
            continue
        known[clip_id] = digest
    return known


def read_bank_csv(path: Path, problems: Problems) -> dict[str, tuple[str, str]]:
    """{"<phrase id>.<lang>": (text, kind)} from a bank kit's phrases.csv; defects are Problems with file:line."""
    hint = _("Restore phrases.csv from the bank kit, or delete it to use the workspace's phrases.")
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        problems.add(Problem(_("phrases.csv is not UTF-8 text (was it saved from a spreadsheet in another encoding?)."),
                             file=path, line=1, code="input.bank-csv-encoding", hint=hint))
        return {}
    reader = csv.DictReader(io.StringIO(text, newline=""))
    missing = [c for c in ("id", "text") if c not in (reader.fieldnames or [])]
    if missing:
        problems.add(Problem(_("phrases.csv lacks the column(s) {columns}.").format(columns=", ".join(missing)),
                             file=path, line=1, code="input.bank-csv-columns", hint=hint))
        return {}
    known: dict[str, tuple[str, str]] = {}
    for row in reader:
        kit_id = unicodedata.normalize("NFC", (row.get("id") or "").strip())
        if not kit_id:
            continue
        body, _dot, language = kit_id.rpartition(".")
        phrase_text = unicodedata.normalize("NFC", (row.get("text") or "").strip())
        if not BANK_ID.match(body) or not langs.is_known(language) or not phrase_text:
            problems.add(Problem(_("phrases.csv row for '{id}' is damaged (id, language or text).").format(id=kit_id),
                                 file=path, line=reader.line_num, code="input.bank-csv-row", hint=hint))
            continue
        known[kit_id] = (phrase_text, (row.get("kind") or "").strip() or phrase_kind(body))
    return known


def _known_phrases(ws: "Workspace", folder: Path, problems: Problems) -> dict[str, tuple[str, str]]:
    """The phrases files may be named after: the kit's phrases.csv first, then what the workspace asks for."""
    from .bankkit import bank_needs

    known: dict[str, tuple[str, str]] = {}
    csv_path = folder / "phrases.csv"
    if csv_path.is_file():
        known.update(read_bank_csv(csv_path, problems))
    stems = {p.stem for p in folder.iterdir() if p.is_file() and p.stem.count(".") >= 2}
    if stems - set(known):
        languages = {stem.rsplit(".", 1)[1] for stem in stems}
        for language in sorted(x for x in languages if langs.is_known(x)):
            for tag, needs in bank_needs(ws, language).items():
                for need in needs:
                    known.setdefault(f"{need.phrase_id}.{tag}", (need.text, need.kind))
    return known


def _language_of(clip_id: str) -> str:
    return clip_id.rsplit(".", 1)[1]


def import_recordings(ws: "Workspace", folder: Path, *, lang: str | None = None, skip_invalid: bool = False,
                      now: datetime | None = None) -> ImportResult:
    """Check every delivered file, then store them all under recordings/<lang>/ and update the indexes.

    Nothing is written unless every file passes (or ``skip_invalid``, which leaves the bad ones out). Holds the
    workspace lock: an import beside another import or a build would race on recordings/ and its indexes.
    """
    from ..buildlock import workspace_lock

    with workspace_lock(ws.root):
        return _import_recordings(ws, folder, lang=lang, skip_invalid=skip_invalid, now=now)


def _import_recordings(ws: "Workspace", folder: Path, *, lang: str | None = None, skip_invalid: bool = False,
                       now: datetime | None = None) -> ImportResult:
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
    phrases = _known_phrases(ws, folder, problems)  # voice-bank phrases: "<phrase id>.<lang>" → (text, kind)
    phrases_lower = {k.lower(): k for k in phrases}

    candidates: dict[str, list[Path]] = {}
    for path in sorted(folder.iterdir()):
        if not path.is_file() or path.name.startswith((".", "~")) or path.name in KIT_FILES:
            continue
        if path.suffix.lower() not in AUDIO_SUFFIXES:
            result.warnings.append(Problem(
                _("Ignored: not a recording (expected .wav, .mp3, .m4a or .ogg)."), file=path,
                severity=Severity.WARNING, code="recordings.ignored"))
            continue
        clip_id = by_lower.get(path.stem.lower()) or phrases_lower.get(path.stem.lower())
        if clip_id is None and path.stem.count(".") >= 2:
            result.warnings.append(Problem(
                _("No phrase '{id}' in the kit or in the workspace's voice bank; this file was not imported.").format(
                    id=path.stem), file=path, severity=Severity.WARNING, code="recordings.unknown-phrase",
                hint=_("Name each file exactly as in the bank kit's phrases.csv, e.g. {example}.").format(
                    example=next(iter(phrases), "n.5.hmn") + ".wav")))
            continue
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
        if clip_id in phrases:
            phrase_id, language = clip_id.rsplit(".", 1)
            text, kind = phrases[clip_id]
            outcome = prepare_recording(paths[0], clip_id, language, clip_text_hash(text), min_speech=MIN_PHRASE_SECONDS)
            if not isinstance(outcome, Problem):
                outcome = replace(outcome, phrase=(phrase_id, text, kind))
        else:
            outcome = prepare_recording(paths[0], clip_id, _language_of(clip_id), known[clip_id])
        (refused if isinstance(outcome, Problem) else prepared).append(outcome)

    indexes: dict[str, dict[str, IndexEntry]] = {}
    banks: dict[str, dict[str, BankEntry]] = {}
    for language in sorted({r.language for r in prepared if r.phrase is None}):
        indexes[language] = dict(load_index(ws, language, problems))
    for language in sorted({r.language for r in prepared if r.phrase is not None}):
        banks[language] = dict(load_bank(ws, language, problems))
    if problems.has_errors or (refused and not skip_invalid):
        raise InputError([*problems.errors, *refused])
    result.refused = [replace(p, severity=Severity.WARNING) for p in refused]

    stamp = (now or datetime.now().astimezone()).isoformat(timespec="seconds")
    from ..outputs import check_inside
    from ..publish import write_bytes_atomic, write_text_atomic

    for language in indexes:  # recordings/<lang>/ must not be a link out of the workspace
        check_inside(ws, index_path(ws, language))
    for recording in prepared:
        if recording.phrase is not None:  # a new recording of a phrase is a draft until it is reviewed again
            phrase_id, text, kind = recording.phrase
            target = bank_folder(ws, recording.language) / f"{phrase_id}.wav"
            write_bytes_atomic(target, recording.wav)
            banks[recording.language][phrase_id] = BankEntry(
                file=target.name, text=text, text_sha256=recording.text_sha256, kind=kind, status="draft",
                duration=recording.duration, imported_from=recording.source.name, imported_on=stamp)
            continue
        target = language_folder(ws, recording.language) / f"{recording.clip_id}.wav"
        write_bytes_atomic(target, recording.wav)
        indexes[recording.language][recording.clip_id] = IndexEntry(
            file=target.name, text_sha256=recording.text_sha256, duration=recording.duration,
            imported_from=recording.source.name, imported_on=stamp)
    for language, entries in indexes.items():
        write_text_atomic(index_path(ws, language), index_json(entries))
        ws.cache.pop(f"recordings.index.{language}", None)
    for language, bank in banks.items():
        write_text_atomic(bank_index_path(ws, language), bank_index_json(bank))
        ws.cache.pop(f"voice.bank.{language}", None)
    result.imported = prepared
    return result