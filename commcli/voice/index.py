"""The recordings index: ``recordings/<lang>/index.json``, text hashes, and whether a clip's recording is current."""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from ..errors import InputError, Problem, Problems
from ..i18n import _
from ..programme import Clip

if TYPE_CHECKING:  # pragma: no cover
    from ..workspace import Workspace

RECORDINGS = "recordings"
INDEX_NAME = "index.json"

Status = Literal["ok", "missing", "stale"]
SAFE_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*\.[A-Za-z0-9][A-Za-z0-9-]*\Z")
_SAFE_ID = SAFE_ID


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


def line_of(text: str, needle: str) -> int | None:
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
        line = line_of(text, json.dumps(clip_id, ensure_ascii=False))
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
