"""espeak-ng, offline, through the espeakng-loader wheel (library and voice data shipped): one instance per process."""

from __future__ import annotations

import ctypes
import os
import threading
from typing import Any

from .base import Engine, Synthesis

# espeak_AUDIO_OUTPUT / espeak_PARAMETER / flags from speak_lib.h
_AUDIO_OUTPUT_SYNCHRONOUS = 2
_INITIALIZE_DONT_EXIT = 0x8000
_POS_CHARACTER = 1
_CHARS_UTF8 = 1
_ENDPAUSE = 0x1000
_RATE = 1
_VOLUME = 2
_PITCH = 3
# espeak's default volume clips its loudest vowels; loudness normalization brings the level back
VOLUME = 60

_CALLBACK = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.POINTER(ctypes.c_short), ctypes.c_int, ctypes.c_void_p)

VOICES = {"vi": ("vi", "vi-VN-x-central", "vi-VN-x-south")}
DEFAULT_RATE = 150  # words per minute, espeak's own default is 175: slower carries better outdoors


class _Espeak:
    """The process-wide espeak-ng library: initialised once, used under a lock (it is not re-entrant)."""

    def __init__(self) -> None:
        import espeakng_loader

        self.lib = ctypes.CDLL(espeakng_loader.get_library_path())
        data = espeakng_loader.get_data_path().encode()
        self.lib.espeak_Initialize.argtypes = [ctypes.c_int, ctypes.c_int, ctypes.c_char_p, ctypes.c_int]
        self.lib.espeak_Initialize.restype = ctypes.c_int
        self.lib.espeak_SetVoiceByName.argtypes = [ctypes.c_char_p]
        self.lib.espeak_SetParameter.argtypes = [ctypes.c_int, ctypes.c_int, ctypes.c_int]
        self.lib.espeak_Synth.argtypes = [
            ctypes.c_void_p, ctypes.c_size_t, ctypes.c_uint, ctypes.c_int, ctypes.c_uint, ctypes.c_uint,
            ctypes.c_void_p, ctypes.c_void_p,
        ]
        self.lib.espeak_Synth.restype = ctypes.c_int
        rate = self.lib.espeak_Initialize(_AUDIO_OUTPUT_SYNCHRONOUS, 0, data, _INITIALIZE_DONT_EXIT)
        if rate <= 0:
            raise RuntimeError("espeak_Initialize failed")
        self.sample_rate = rate
        self._chunks: list[bytes] = []
        self._callback = _CALLBACK(self._collect)  # keep a reference: ctypes would free it
        self.lib.espeak_SetSynthCallback(self._callback)
        self.lock = threading.Lock()

    def _collect(self, wav, count, events) -> int:
        # An exception cannot cross the C library: Ctrl-C here would print a traceback and go on
        # speaking. Stop espeak instead (1 = abort) and raise it once espeak_Synth has returned.
        try:
            if count > 0 and wav:
                self._chunks.append(ctypes.string_at(wav, count * 2))
        except BaseException:
            self._interrupted = True
            return 1
        return 0  # 0 = continue

    def synth(self, text: str, voice: str, rate: int, pitch: int | None) -> bytes:
        """PCM for ``text``; the same text always gives the same samples.

        espeak-ng keeps state from one utterance to the next (its pitch flutter advances with every sample
        spoken), so the sound of a clip would depend on what was spoken before it in the process and two
        builds would differ. Where fork() exists each utterance is spoken in a child forked from a process
        that never spoke: always from espeak's initial state.
        """
        with self.lock:
            if hasattr(os, "fork"):
                return self._synth_forked(text, voice, rate, pitch)
            return self._synth_here(text, voice, rate, pitch)

    def _synth_forked(self, text: str, voice: str, rate: int, pitch: int | None) -> bytes:
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: speak, send the samples, leave without running any Python clean-up
            code = 1
            try:
                os.close(read_end)
                pcm = self._synth_here(text, voice, rate, pitch)
                view = memoryview(pcm)
                while view:
                    view = view[os.write(write_end, view):]
                code = 0
            except ValueError:
                code = 2
            except BaseException:
                code = 1
            finally:
                os._exit(code)
        os.close(write_end)
        try:
            with os.fdopen(read_end, "rb") as handle:
                pcm = handle.read()
        finally:
            _, status = os.waitpid(pid, 0)
        if os.WIFEXITED(status) and os.WEXITSTATUS(status) == 2:
            raise ValueError(voice)
        if not (os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0):
            raise RuntimeError(f"espeak-ng stopped (status {status})")
        return pcm

    def _synth_here(self, text: str, voice: str, rate: int, pitch: int | None) -> bytes:
        if self.lib.espeak_SetVoiceByName(voice.encode()) != 0:
            raise ValueError(voice)
        self.lib.espeak_SetParameter(_RATE, int(rate), 0)
        self.lib.espeak_SetParameter(_VOLUME, VOLUME, 0)
        if pitch is not None:
            self.lib.espeak_SetParameter(_PITCH, int(pitch), 0)
        self._chunks = []
        self._interrupted = False
        data = text.encode("utf-8") + b"\0"
        buf = ctypes.create_string_buffer(data, len(data))
        err = self.lib.espeak_Synth(buf, len(data), 0, _POS_CHARACTER, 0, _CHARS_UTF8 | _ENDPAUSE, None, None)
        if self._interrupted:
            self._chunks = []
            raise KeyboardInterrupt
        if err != 0:
            raise RuntimeError(f"espeak_Synth error {err}")
        pcm = b"".join(self._chunks)
        self._chunks = []
        return pcm


_instance: _Espeak | None = None
_instance_lock = threading.Lock()


def _espeak() -> _Espeak:
    global _instance
    with _instance_lock:
        if _instance is None:
            _instance = _Espeak()
        return _instance


class EspeakEngine(Engine):
    """espeak-ng: offline, robotic but always there. Vietnamese voices vi, vi-VN-x-central, vi-VN-x-south."""

    name = "espeak"
    languages = ("vi",)
    offline = True

    def available(self) -> bool | str:
        try:
            _espeak()
        except Exception as exc:  # a broken wheel: say why instead of a traceback
            return str(exc)
        return True

    def voices(self, lang: str) -> tuple[str, ...]:
        return VOICES.get(lang.split("-")[0], ())

    def default_voice(self, lang: str) -> str:
        return self.voices(lang)[0] if self.voices(lang) else lang

    def cache_key_parts(self) -> dict[str, Any]:
        return {"engine": self.name, "engine_version": 1}

    def synthesize(self, text: str, lang: str, voice: str | None, settings: dict[str, Any]) -> Synthesis:
        import numpy as np

        es = _espeak()
        pcm = es.synth(text, voice or self.default_voice(lang), int(settings.get("rate", DEFAULT_RATE)), settings.get("pitch"))
        samples = np.frombuffer(pcm, dtype="<i2").astype(np.float32) / 32768.0
        return Synthesis(samples=samples, rate=es.sample_rate)
