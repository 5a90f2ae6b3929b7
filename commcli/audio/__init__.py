"""Village-radio audio: voices, loudness, programme assembly, MP3 and playlists.

Public API::

    from commcli.audio import build_audio, AudioResult, probe_audio
    result = build_audio(ws, programmes, out_dir, release=False, progress=True, quiet=False)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .assemble import AudioResult


def build_audio(ws, programmes, out_dir, *, release: bool = False, progress: bool = False, quiet: bool = False) -> "AudioResult":
    """Programmes (MP3), clips, playlists and the audio manifest under ``out_dir``; see assemble.build_audio."""
    from .assemble import build_audio as _build

    return _build(ws, programmes, out_dir, release=release, progress=progress, quiet=quiet)


def probe_audio(path, rate=None, *, what=None):
    """Decode a user's audio file to (mono float32 samples, rate); InputError if not audio, empty, silent or clipped."""
    from ..voice.check import probe_audio as _probe

    return _probe(path, rate, what=what)


def __getattr__(name):
    if name == "AudioResult":
        from .assemble import AudioResult

        return AudioResult
    raise AttributeError(name)


def check_workspace(ws) -> list:
    """Audio settings: voice engines known and able to speak their language, jingles inside the workspace."""
    from ..errors import CommcliError
    from .assemble import _audio_settings, _jingle_piece, _voice_for

    problems: list = []
    if ws.commune is None:
        return problems
    audio = ws.commune.audio
    for which in ("intro", "outro"):
        try:
            _jingle_piece(ws, which, audio, _audio_settings(audio))
        except CommcliError as exc:
            problems.extend(exc.problems)
    for lang in sorted(set(ws.commune.languages) | set(audio.voices)):
        _voice_for(ws, lang, problems)
    return problems
