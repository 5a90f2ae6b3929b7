"""Human recordings: the announcer's voice from ``recordings/<lang>/`` (store kept by commcli.voice)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from ...i18n import _
from .base import Engine, EngineUnavailable, Synthesis

if TYPE_CHECKING:
    from ...programme import Clip
    from ...workspace import Workspace


def recording_status(ws: "Workspace", clip: "Clip") -> str:
    """``ok``, ``missing`` or ``stale`` (its text changed since it was recorded)."""
    from ...voice.index import recording_status as status

    return status(ws, clip)


def recording_file(ws: "Workspace", clip: "Clip") -> Path | None:
    from ...voice.index import recording_path

    return recording_path(ws, clip.language, clip.clip_id)


def file_sha256(path: Path) -> str:
    from ...publish import sha256_file

    return sha256_file(path)



class RecordedEngine(Engine):
    """Plays back the stored recording of a clip; any language. Settings carry ``recording`` (its path)."""

    name = "recorded"
    languages = ()  # any language somebody recorded
    offline = True

    def cache_key_parts(self) -> dict[str, Any]:
        return {"engine": self.name, "engine_version": 1}

    def synthesize(self, text: str, lang: str, voice: str | None, settings: dict[str, Any]) -> Synthesis:
        from ...voice.check import probe_audio

        if settings.get("bank"):  # phrases of the voice bank, joined
            from ...voice.assemble import join_phrases

            rate = settings.get("sample_rate") or 22050
            return Synthesis(samples=join_phrases(settings["bank"], rate), rate=rate, source="bank")
        path = settings.get("recording")
        if not path or not Path(path).is_file():
            raise EngineUnavailable(_("There is no recording for this clip."),
                                    hint=_("Make a recording kit with 'commcli recordings kit' and import the files."))
        samples, rate = probe_audio(Path(path), settings.get("sample_rate"), what=_("recording"))
        return Synthesis(samples=samples, rate=rate, source=self.name)
