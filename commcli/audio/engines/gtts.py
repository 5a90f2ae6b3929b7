"""Google TTS through gTTS: online only, Vietnamese; timeout, retries with back-off, a clear message offline."""

from __future__ import annotations

import io
import time
from typing import Any, Callable

from ...i18n import _
from .base import Engine, EngineUnavailable, Synthesis


def _default_factory(text: str, lang: str, timeout: float):
    from gtts import gTTS

    return gTTS(text=text, lang=lang, timeout=timeout)


class GttsEngine(Engine):
    """gTTS (Google Translate's voice): natural Vietnamese, needs the internet. Returns MP3 bytes."""

    name = "gtts"
    languages = ("vi",)
    offline = False

    # injectable for tests: no network, no real sleeping
    factory: Callable[[str, str, float], Any] = staticmethod(_default_factory)
    sleep: Callable[[float], None] = staticmethod(time.sleep)
    retries = 3
    timeout = 10.0
    backoff = 1.0  # seconds before the 2nd try, doubled each time

    def cache_key_parts(self) -> dict[str, Any]:
        return {"engine": self.name, "engine_version": 1}

    def synthesize(self, text: str, lang: str, voice: str | None, settings: dict[str, Any]) -> Synthesis:
        last: Exception | None = None
        for attempt in range(self.retries):
            if attempt:
                self.sleep(self.backoff * 2 ** (attempt - 1))
            try:
                tts = self.factory(text, lang.split("-")[0], self.timeout)
                buf = io.BytesIO()
                tts.write_to_fp(buf)
                data = buf.getvalue()
                if data:
                    return Synthesis(encoded=data, source=self.name)
                last = RuntimeError("empty answer")
            except Exception as exc:  # gTTSError, requests' ConnectionError, timeouts: all mean "try again"
                last = exc
        raise EngineUnavailable(
            _("Google TTS (gtts) could not be reached after {n} tries: this computer seems to be offline.").format(n=self.retries),
            hint=_("Connect to the internet and build again, or set the voice's engine to espeak (offline) in commune.yaml."),
        ) from last
