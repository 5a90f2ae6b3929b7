"""The interface every TTS engine implements; engines register under the ``commcli.tts`` entry-point group."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

if TYPE_CHECKING:  # numpy stays out of `commcli --help`
    import numpy as np


@dataclass
class Synthesis:
    """Speech as mono float32 samples in [-1, 1] at ``rate`` Hz (or encoded bytes ffmpeg will decode)."""

    samples: "np.ndarray | None" = None
    rate: int = 0
    encoded: bytes | None = None  # e.g. MP3 from an online service; decoded by the caller
    source: str | None = None  # what actually spoke (an engine may fall back to another)


class EngineUnavailable(Exception):
    """The engine cannot speak now (offline, missing library); ``message`` is translated for the user."""

    def __init__(self, message: str, hint: str | None = None):
        super().__init__(message)
        self.message = message
        self.hint = hint


class Engine:
    """A voice. Subclasses set ``name`` and ``languages`` and implement ``synthesize``.

    Constructed without arguments; one instance per process is enough (the registry keeps it).
    """

    name: ClassVar[str] = ""
    languages: ClassVar[tuple[str, ...]] = ()  # base language tags; empty = any (recorded)
    offline: ClassVar[bool] = True

    def available(self) -> bool | str:
        """True, or a translated reason why the engine cannot be used here."""
        return True

    def speaks(self, lang: str) -> bool:
        return not self.languages or lang.split("-")[0].lower() in self.languages

    def cache_key_parts(self) -> dict[str, Any]:
        """Everything about the engine that changes its output (name, version of its data)."""
        return {"engine": self.name}

    def synthesize(self, text: str, lang: str, voice: str | None, settings: dict[str, Any]) -> Synthesis:
        raise NotImplementedError
