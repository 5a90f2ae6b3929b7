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

CACHE_DIR = Path(".cache") / "clips"
# Bump when the way pieces are rendered or measured changes, so caches made before are not reused.
PIPELINE_REVISION = 2


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
    integrated: float  # LUFS, measured on the PCM before encoding
    true_peak: float  # dBTP, same
    sha256: str  # of the MP3
    subblocks: list[float] = field(default_factory=list)  # K-weighted 100 ms energies (clips, jingles, gaps)
    source: str = ""  # engine that actually spoke


class Cache:
    def __init__(self, root: Path):
        self.dir = root / CACHE_DIR
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
            data = json.loads(meta.read_text(encoding="utf-8"))
            return Entry(**data)
        except (ValueError, TypeError):
            return None

    def put(self, entry: Entry) -> None:
        """Metadata last, after the MP3 is in place: its presence means the entry is complete."""
        fd, tmp = tempfile.mkstemp(prefix=f".{entry.key}.", suffix=".json", dir=self.dir)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(asdict(entry), fh)
        os.replace(tmp, self.meta(entry.key))
