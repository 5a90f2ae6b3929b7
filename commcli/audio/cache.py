"""Clip and programme cache under ``<workspace>/.cache/clips/``: keyed by a hash of every input that matters."""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from .. import __version__
from ..publish import sha256_file

CACHE_DIR = Path(".cache") / "clips"
# Bump when the way pieces are rendered or measured changes, so caches made before are not reused.
PIPELINE_REVISION = 4


def key_of(**parts: Any) -> str:
    """sha256 of the parts (JSON, sorted keys) plus commcli's version: a new release re-renders everything."""
    blob = json.dumps({"commcli": __version__, "pipeline": PIPELINE_REVISION, **parts},
                      ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


@dataclass
class Entry:
    """What the cache knows of one rendered piece (a clip, a jingle, a gap, a programme)."""

    key: str
    duration: float  # seconds of the MP3 as played
    integrated: float  # LUFS of the PCM encoded (the MP3's: less the codec's loss, see assemble.CodecLoss)
    true_peak: float  # dBTP of the PCM encoded (the MP3's: plus the codec's overshoot)
    sha256: str  # of the MP3
    subblocks: list[float] = field(default_factory=list)  # K-weighted 100 ms energies of the PCM encoded
    source: str = ""  # engine that actually spoke


class Cache:
    """Entries are checked on every read: an MP3 whose bytes do not match its recorded sha256 (truncated,
    edited, a link) is deleted and rendered again, never shipped; its key lands in ``damaged``."""

    def __init__(self, root: Path):
        from ..errors import InputError, Problem
        from ..i18n import _

        self.dir = root / CACHE_DIR
        self.damaged: list[str] = []
        for folder in (root / CACHE_DIR.parent, self.dir):
            if folder.is_symlink():
                raise InputError(Problem(
                    _("{path} is a symbolic link; commcli keeps its cache inside the workspace and does not follow it.").format(path=folder),
                    file=folder, hint=_("Delete the link (the cache is rebuilt), then run the command again."),
                    code="path.link"))
        self.dir.mkdir(parents=True, exist_ok=True)

    def mp3(self, key: str) -> Path:
        return self.dir / f"{key}.mp3"

    def meta(self, key: str) -> Path:
        return self.dir / f"{key}.json"

    def get(self, key: str) -> Entry | None:
        """The entry when both its MP3 and its metadata are there (a killed build leaves neither half)."""
        meta, mp3 = self.meta(key), self.mp3(key)
        if not (meta.is_file() and mp3.is_file()):
            return None
        try:
            entry = Entry(**json.loads(meta.read_text(encoding="utf-8")))
            intact = (not mp3.is_symlink() and not meta.is_symlink() and isinstance(entry.sha256, str)
                      and sha256_file(mp3) == entry.sha256)
        except (ValueError, TypeError, UnicodeDecodeError):
            intact = False
        if not intact:
            self.damaged.append(key)
            for path in (meta, mp3):
                path.unlink(missing_ok=True)
            return None
        return entry

    def put(self, entry: Entry) -> None:
        """Metadata last, after the MP3 is in place: its presence means the entry is complete."""
        fd, tmp = tempfile.mkstemp(prefix=f".{entry.key}.{os.getpid()}.", suffix=".tmp", dir=self.dir)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(asdict(entry), fh)
            os.replace(tmp, self.meta(entry.key))
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    def clean_stale(self) -> None:
        """Remove temporary files of builds that were killed (their pid is in the name); call under the lock."""
        from ..outputs import _pid_alive

        for path in self.dir.glob(".*.tmp"):
            parts = path.name.split(".")
            pid = next((p for p in parts[2:] if p.isdigit()), None)
            if pid is None or not _pid_alive(int(pid)):
                path.unlink(missing_ok=True)
