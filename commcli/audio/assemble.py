"""Programme assembly: clips rendered once (cached), jingles and gaps, programmes joined without re-encoding,
playlists per village and slot, and the audio manifest.

Layout under the build folder ``out_dir``::

    audio/<slot>/<lang>.mp3          one programme per slot and language (intro, items, outro)
    audio/clips/<item>.<lang>.mp3    each item alone, and jingle-intro.mp3 / jingle-outro.mp3
    audio/manifest.json              every file: duration, loudness, true peak, sha256
    playlists/<village>/<slot>.m3u8          the village's programmes for the slot, one per language
    playlists/<village>/<slot>.<lang>.m3u8   the same item by item (clip files), to skip or reorder

Every clip is normalized to the target on its own and padded to whole 100 ms, so a programme's
loudness is computed exactly from its pieces' 100 ms energies, and the programme MP3 is the
concatenation of the pieces' MP3 frames: an edited item costs one clip, never the whole programme.
"""

from __future__ import annotations

import json
import math
import os
import shutil
import sys
import tempfile
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import langs
from ..errors import ContentError, InputError, Problem, Severity
from ..i18n import _
from ..programme import Clip, Programme
from ..publish import sha256_file
from .cache import Cache, Entry, key_of
from .engines.base import Engine, EngineUnavailable, Synthesis

if TYPE_CHECKING:
    import numpy as np

    from ..model.commune import Audio, Voice
    from ..workspace import Workspace

CHIME_SECONDS = 1.6


@dataclass
class AudioResult:
    """What ``build_audio`` made: manifest entries (paths relative to out_dir) and the problems it found."""

    manifest: list[dict[str, Any]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    programmes: list[Path] = field(default_factory=list)
    playlists: list[Path] = field(default_factory=list)
    synthesized: int = 0  # clips rendered this time (the rest came from the cache)


@dataclass
class _Voice:
    engine: Engine
    voice: str | None
    settings: dict[str, Any]
    fallback: str | None
    line: int | None


@dataclass
class _Piece:
    key: str
    kind: str  # clip, intro, outro, gap
    title: str
    clip: Clip | None = None
    render: Any = None  # () -> (samples, rate, source) for pieces not in the cache yet
    entry: Entry | None = None


# --- settings -----------------------------------------------------------------------------------------------


def _audio_settings(audio: "Audio") -> dict[str, Any]:
    from .ffmpeg import ENCODER

    return {"lufs": audio.loudness_lufs, "tp": audio.true_peak_dbtp, "rate": audio.sample_rate,
            "kbps": audio.bitrate_kbps, "encoder": ENCODER}


def _position(ws: "Workspace", *path) -> tuple[int | None, int | None]:
    try:
        return ws.commune_positions.of(tuple(path)) if ws.commune_positions else (None, None)
    except Exception:
        return None, None


def _voice_for(ws: "Workspace", lang: str, problems: list[Problem]) -> _Voice | None:
    from .registry import get_engine

    audio = ws.commune.audio
    key = lang if lang in audio.voices else langs.base_of(lang) if langs.base_of(lang) in audio.voices else None
    voice: Voice | None = audio.voices.get(key) if key else None
    if voice is None:
        name = "espeak" if langs.base_of(lang) == "vi" else "recorded"
        line = None
        vname, fallback, extra = None, None, {}
    else:
        name, vname, fallback = voice.engine, voice.voice, voice.fallback
        line, _col = _position(ws, "audio", "voices", key, "engine")
        extra = {k: v for k, v in (("rate", getattr(voice, "rate", None)),) if v is not None}
    try:
        engine = get_engine(name, file=ws.root / "commune.yaml", line=line)
    except InputError as exc:
        problems.extend(exc.problems)
        return None
    if not engine.speaks(lang):
        problems.append(Problem(
            _("The voice engine '{engine}' does not speak {lang}.").format(engine=name, lang=lang),
            file=ws.root / "commune.yaml", line=line, field=f"audio.voices.{key or lang}.engine",
            hint=_("Use 'recorded' for this language and import human recordings."), code="audio.engine-language",
        ))
        return None
    known = tuple(getattr(engine, "voices", lambda _lang: ())(lang) or ())
    if vname and known and vname not in known:
        problems.append(Problem(
            _("The voice '{voice}' is not one of the voices of '{engine}' for {lang}.").format(voice=vname, engine=name, lang=lang),
            file=ws.root / "commune.yaml", line=line, field=f"audio.voices.{key or lang}.voice", expected=", ".join(known),
            hint=_("Write one of the voices listed, or leave 'voice:' out for the default."), code="audio.unknown-voice"))
        return None
    return _Voice(engine, vname, extra, fallback if fallback not in (None, "", "none") else None, line)


def _abbreviations(ws: "Workspace") -> dict[str, str]:
    if "audio.abbreviations" not in ws.cache:
        spoken: dict[str, str] = {}
        try:
            from ..glossary import load_glossary

            glossary, _problems = load_glossary(ws)
            spoken = glossary.spoken_abbreviations()
        except Exception:  # a broken glossary is reported by its own check; speech still works
            spoken = {}
        ws.cache["audio.abbreviations"] = spoken
    return ws.cache["audio.abbreviations"]


def spoken_text(ws: "Workspace", clip: Clip) -> str:
    """The text as the voice should read it (Vietnamese numbers, dates, abbreviations written out)."""
    import unicodedata

    text = unicodedata.normalize("NFC", clip.text).strip()
    if langs.base_of(clip.language) == "vi":
        try:
            from ..textnorm import normalize_vi
        except ImportError:  # text normalization not installed yet: read as written
            return text
        return normalize_vi(text, _abbreviations(ws))
    return text


# --- rendering ------------------------------------------------------------------------------------------------


def _resample(samples: "np.ndarray", rate: int, target: int) -> "np.ndarray":
    import subprocess

    import numpy as np

    from .ffmpeg import ffmpeg_exe, to_int16_bytes

    if rate == target:
        return samples
    proc = subprocess.run([ffmpeg_exe(), "-hide_banner", "-nostdin", "-loglevel", "error", "-f", "s16le", "-ar", str(rate),
                           "-ac", "1", "-i", "pipe:0", "-ar", str(target), "-f", "s16le", "pipe:1"],
                          input=to_int16_bytes(samples), capture_output=True, check=True)
    return np.frombuffer(proc.stdout, dtype="<i2").astype(np.float32) / 32768.0


def _as_samples(result: Synthesis, rate: int) -> "np.ndarray":
    from .ffmpeg import decode

    if result.encoded is not None:
        samples, _r = decode(None, rate, data=result.encoded)
        return samples
    return _resample(result.samples, result.rate, rate)


def _chime(rate: int, rising: bool) -> "np.ndarray":
    """A short two-note chime (no file needed): soft bell partials with an exponential decay."""
    import numpy as np

    notes = (659.25, 987.77) if rising else (987.77, 659.25)
    n = int(CHIME_SECONDS * rate)
    t = np.arange(n) / rate
    out = np.zeros(n)
    for i, f in enumerate(notes):
        start = int(i * 0.45 * rate)
        tt = t[: n - start]
        env = np.exp(-tt * 3.0) * np.minimum(1.0, tt / 0.005)
        tone = np.sin(2 * np.pi * f * tt) + 0.35 * np.sin(2 * np.pi * 2 * f * tt) + 0.1 * np.sin(2 * np.pi * 3 * f * tt)
        out[start:] += 0.3 * env * tone
    return out.astype(np.float32)


def _finish(samples: "np.ndarray", rate: int, audio: "Audio", *, normalize: bool = True):
    """Normalize, pad to whole 100 ms (so programme loudness adds up from pieces), as 16-bit PCM."""
    import numpy as np

    from .ffmpeg import to_int16_bytes
    from .loudness import measure, normalize as norm, subblock_size

    if normalize:
        samples, m = norm(samples, rate, audio.loudness_lufs, audio.true_peak_dbtp)
    else:
        m = measure(samples, rate)
    step = subblock_size(rate)
    padded = np.zeros(-(-len(samples) // step) * step, dtype=np.float32)
    padded[: len(samples)] = samples
    return to_int16_bytes(padded), m, len(padded) / rate


@dataclass
class CodecLoss:
    """What MP3 encoding at one setting does to loudness: LU it takes off, dB it adds to the true peak.

    Starts from a typical figure; the first programme built at this setting is measured once with ffmpeg's
    ebur128 and the figures learned are kept in the cache, so encoded clips are never decoded to be measured.
    """

    loss: float
    overshoot: float
    verified: bool = False

    @staticmethod
    def path(cache: Cache, bitrate_kbps: int, sample_rate: int) -> Path:
        from .ffmpeg import ENCODER

        key = key_of(kind="codec", bitrate=bitrate_kbps, rate=sample_rate, encoder=ENCODER)
        return cache.dir / f"codec-{key[:16]}.json"

    @classmethod
    def load(cls, cache: Cache, bitrate_kbps: int, sample_rate: int) -> "CodecLoss":
        try:
            data = json.loads(cls.path(cache, bitrate_kbps, sample_rate).read_text(encoding="utf-8"))
            return cls(float(data["loss"]), float(data["overshoot"]), True)
        except (OSError, ValueError, KeyError, TypeError):
            return cls(codec_loss(bitrate_kbps, sample_rate), CODEC_OVERSHOOT_DB)

    def lufs(self, entry: Entry) -> float:
        """What the entry's MP3 measures (integrated LUFS): its PCM's loudness less the codec's loss."""
        return round(entry.integrated - self.loss, 2) if entry.integrated > -200 else -200.0

    def peak(self, entry: Entry) -> float:
        """The entry's MP3 true peak (dBTP): its PCM's plus what the codec adds."""
        return round(entry.true_peak + self.overshoot, 2) if entry.true_peak > -200 else -200.0

    def save(self, cache: Cache, bitrate_kbps: int, sample_rate: int) -> None:
        path = self.path(cache, bitrate_kbps, sample_rate)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.stem}.{os.getpid()}.", suffix=".tmp", dir=cache.dir)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump({"loss": round(self.loss, 3), "overshoot": round(self.overshoot, 3)}, handle)
        os.replace(tmp, path)


def _encode_and_store(cache: Cache, piece: _Piece, pcm: bytes, m, seconds: float, audio: "Audio",
                      tags: dict[str, str], source: str, codec: CodecLoss) -> Entry:
    """Encode a piece to MP3, once; its loudness after encoding follows from the codec's known loss.

    Low-bitrate MP3 loses some high-frequency energy, which K-weighting counts (about 0.5 LU at 64 kbit/s
    mono): that loss is given back before encoding (within the true-peak ceiling), so the MP3 lands on the
    target. The entry keeps the PCM's figures; the MP3's follow from the codec's loss and overshoot, which
    are measured once per setting on a whole programme (see ``_programme_entry``).
    """
    from .ffmpeg import encode_mp3

    path = cache.mp3(piece.key)
    loud = math.isfinite(m.integrated)
    given = 0.0
    if loud:
        # Given back before encoding: a fixed figure per codec setting (not the learned one), so a piece's
        # bytes depend on its inputs only, whatever was encoded or measured before it.
        given = min(codec_loss(audio.bitrate_kbps, audio.sample_rate),
                    (audio.true_peak_dbtp - CODEC_OVERSHOOT_DB) - m.true_peak)
        pcm = _with_gain(pcm, given)
    encode_mp3(pcm, audio.sample_rate, path, bitrate_kbps=audio.bitrate_kbps, tags=tags)
    scale = 10 ** (given / 10)
    # The PCM's own figures (as encoded, gain included): what the MP3 measures follows from the codec's
    # figures when the manifest is written, so an entry does not depend on what was learned before it.
    entry = Entry(key=piece.key, duration=round(seconds, 3),
                  integrated=round(m.integrated + given, 3) if loud else -200.0,
                  true_peak=round(m.true_peak + given, 3) if math.isfinite(m.true_peak) else -200.0,
                  sha256=sha256_file(path), subblocks=[float(v) * scale for v in m.subblocks], source=source)
    cache.put(entry)
    return entry


def codec_loss(bitrate_kbps: int, sample_rate: int) -> float:
    """LU that MP3 encoding at this bitrate typically takes off speech (measured on the sample bulletins)."""
    if bitrate_kbps <= 64:
        return 0.5
    if bitrate_kbps <= 96:
        return 0.3
    return 0.15
CODEC_OVERSHOOT_DB = 0.5  # room kept for the peaks MP3 encoding adds


def _programme_entry(cache: Cache, pkey: str, order: list[_Piece], codec: CodecLoss, audio: "Audio") -> Entry:
    """The joined programme's entry, from its pieces' energies and peaks; while the codec's figures are not
    yet verified, the MP3 is measured with ffmpeg's ebur128 and the figures learned from it."""
    import numpy as np

    from .ffmpeg import ebur128, mp3_duration
    from .loudness import integrated_from_subblocks

    path = cache.mp3(pkey)
    sub = np.concatenate([np.asarray(p.entry.subblocks) for p in order])
    pcm_integrated = integrated_from_subblocks(sub)
    pcm_peak = max(p.entry.true_peak for p in order)
    if not codec.verified and math.isfinite(pcm_integrated):
        integrated, peak = ebur128(path)
        if math.isfinite(integrated) and math.isfinite(peak):
            codec.loss, codec.overshoot, codec.verified = pcm_integrated - integrated, peak - pcm_peak, True
            codec.save(cache, audio.bitrate_kbps, audio.sample_rate)
    entry = Entry(key=pkey, duration=round(mp3_duration(path), 3),
                  integrated=round(pcm_integrated, 3) if math.isfinite(pcm_integrated) else -200.0,
                  true_peak=round(pcm_peak, 3), sha256=sha256_file(path))
    cache.put(entry)
    return entry


def _with_gain(pcm: bytes, gain_db: float) -> bytes:
    import numpy as np

    from .ffmpeg import to_int16_bytes

    samples = np.frombuffer(pcm, dtype="<i2").astype(np.float32) / 32768.0
    return to_int16_bytes(samples * np.float32(10 ** (gain_db / 20)))


def _progress(total: int, label: str, enabled: bool):
    import contextlib

    if not enabled or total == 0:
        return contextlib.nullcontext(None)
    import click

    return click.progressbar(length=total, label=label, file=sys.stderr)


# --- output files ---------------------------------------------------------------------------------------------


def _copy(src: Path, dest: Path) -> None:
    from ..faults import naming

    dest.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{dest.name}.", dir=dest.parent)
    os.close(fd)
    try:
        with naming(dest):
            shutil.copyfile(src, tmp)
        os.replace(tmp, dest)
    finally:
        Path(tmp).unlink(missing_ok=True)


def _write_text(dest: Path, text: str) -> None:
    dest.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{dest.name}.", dir=dest.parent)
    with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(text)
    os.replace(tmp, dest)


def m3u8(entries: list[tuple[float, str, str]]) -> str:
    """An extended M3U playlist (UTF-8): (seconds, title, relative path) per line."""
    lines = ["#EXTM3U"]
    for seconds, title, path in entries:
        clean = " ".join(title.replace(",", " ").split())
        lines += [f"#EXTINF:{seconds:.1f},{clean}", path]
    return "\n".join(lines) + "\n"


# --- the build ------------------------------------------------------------------------------------------------


def _jingle_piece(ws: "Workspace", which: str, audio: "Audio", settings: dict) -> _Piece:
    """The intro or outro: the commune's file (inside the workspace, valid audio) or a generated chime."""
    from ..voice.check import probe_audio

    name = audio.intro if which == "intro" else audio.outro
    title = _("Intro") if which == "intro" else _("Outro")
    if not name:
        return _Piece(key_of(kind="chime", which=which, audio=settings, version=1), which, title,
                      render=lambda: (_chime(audio.sample_rate, which == "intro"), audio.sample_rate, "chime"))
    line, column = _position(ws, "audio", which)
    what = _("the intro jingle") if which == "intro" else _("the outro jingle")
    label = _("intro jingle") if which == "intro" else _("outro jingle")  # for "The {what} '…' is …" messages
    path = ws.inside(name, what=what, file=ws.root / "commune.yaml", line=line)
    try:
        probe_audio(path, audio.sample_rate, what=label)  # refuse bad files before anything is written
    except InputError as exc:
        raise InputError([p.at(line=p.line or line) if p.file is None else p for p in exc.problems]) from None
    digest = sha256_file(path)
    return _Piece(key_of(kind="jingle", sha256=digest, audio=settings), which, title,
                  render=lambda: (*probe_audio(path, audio.sample_rate, what=label), "file"))


def build_audio(ws: "Workspace", programmes: list[Programme], out_dir: Path, *, release: bool = False,
                progress: bool = False, quiet: bool = False) -> AudioResult:
    """Render the programmes into ``out_dir`` (see the module docstring for the layout).

    Problems: missing or stale recordings are warnings in a draft (those clips are left out, no dead
    air) and refuse a release (ContentError); an unknown engine, a jingle outside the workspace or
    an unusable jingle, an offline engine without fallback: InputError. Nothing is written to
    ``out_dir`` before those checks pass.
    """
    from ..workspace import require_valid
    from ..voice.assemble import recorded_source

    commune = require_valid(ws)
    audio = commune.audio
    settings = _audio_settings(audio)
    result = AudioResult()
    problems: list[Problem] = []
    show = progress and not quiet and sys.stderr.isatty()

    # 1. validate: jingles, voices, recordings
    intro = _jingle_piece(ws, "intro", audio, settings)
    outro = _jingle_piece(ws, "outro", audio, settings)
    voices: dict[str, _Voice | None] = {}
    for programme in programmes:
        if programme.language not in voices:
            voices[programme.language] = _voice_for(ws, programme.language, problems)
    if problems:
        raise InputError(problems)

    gap_seconds = round(audio.gap_seconds * 10) / 10.0
    gap = _Piece(key_of(kind="gap", seconds=gap_seconds, audio=settings), "gap", "",
                 render=lambda: (__import__("numpy").zeros(int(gap_seconds * audio.sample_rate), "float32"),
                                 audio.sample_rate, "silence"))
    artist = commune.commune
    pieces: dict[str, _Piece] = {intro.key: intro, outro.key: outro}
    if gap_seconds > 0:
        pieces[gap.key] = gap
    running: list[tuple[Programme, list[_Piece]]] = []
    reported: set[str] = set()
    for programme in programmes:
        voice = voices[programme.language]
        clips: list[_Piece] = []
        for clip in programme.clips:
            extra: dict[str, Any] = {}
            if voice.engine.name == "recorded":  # a whole recording, else the voice bank (commcli.voice)
                extra, found = recorded_source(ws, clip, release=release)
                if found:
                    if clip.clip_id not in reported:  # one message per clip, however many programmes lack it
                        reported.add(clip.clip_id)
                        problems.extend(found)
                    continue
            text = spoken_text(ws, clip)
            tags = {"title": clip.title, "artist": artist, "album": programme.week, "language": clip.language}
            key = key_of(kind="clip", text=text, lang=clip.language, engine=voice.engine.cache_key_parts(),
                         voice=voice.voice, settings=voice.settings, audio=settings, tags=tags,
                         recording=extra.get("recording_sha256"))
            piece = pieces.get(key) or _Piece(key, "clip", clip.title, clip=clip)
            if piece.render is None:
                piece.render = _clip_renderer(ws, piece, text, voice, extra, audio, tags, problems)
            pieces[key] = piece
            clips.append(piece)
        running.append((programme, clips))
    if any(p.is_error for p in problems):
        raise ContentError(problems)

    # 2. render what the cache lacks (synthesis here, encoding on other cores)
    cache = Cache(ws.root)
    cache.clean_stale()
    for piece in pieces.values():
        piece.entry = cache.get(piece.key)
    todo = [p for p in pieces.values() if p.entry is None]
    jingle_tags = {"artist": artist, "album": programmes[0].week if programmes else ""}
    codec = CodecLoss.load(cache, audio.bitrate_kbps, audio.sample_rate)

    def make(piece: _Piece) -> Entry:
        # Synthesis, loudness and encoding of one piece, on a pool thread: espeak takes its own lock,
        # numpy and ffmpeg run beside it. Only the pieces being worked on hold PCM.
        samples, rate, source = piece.render()
        if rate != audio.sample_rate:
            samples = _resample(samples, rate, audio.sample_rate)
        pcm, m, seconds = _finish(samples, audio.sample_rate, audio, normalize=piece.kind != "gap")
        del samples
        tags = piece.render.tags if hasattr(piece.render, "tags") else {**jingle_tags, "title": piece.title}
        return _encode_and_store(cache, piece, pcm, m, seconds, audio, tags, source, codec)

    if todo:
        with ThreadPoolExecutor(max_workers=max(1, min(4, os.cpu_count() or 1))) as pool, \
                _progress(len(todo), _("Synthesizing and encoding"), show) as bar:
            futures = [(piece, pool.submit(make, piece)) for piece in todo]
            result.synthesized += sum(1 for piece in todo if piece.kind == "clip")
            try:
                for piece, future in futures:
                    piece.entry = future.result()
                    if bar is not None:
                        bar.update(1)
            except BaseException:
                for _piece, future in futures:
                    future.cancel()
                raise
    result.problems = problems

    # 3. programmes: join the pieces' frames
    from .ffmpeg import concat_mp3

    def layout(programme: Programme, clips: list[_Piece]) -> tuple[list[_Piece], dict[str, str], str]:
        order = [intro]
        for clip in clips:
            order += [gap, clip] if gap_seconds > 0 else [clip]
        order += [gap, outro] if gap_seconds > 0 else [outro]
        lang_name = _language_name(programme.language)
        tags = {"title": f"{programme.slot_name} – {lang_name} – {programme.week}", "artist": artist,
                "album": programme.week, "language": programme.language, "comment": programme.slot_id,
                "grouping": programme.slot_id}
        return order, tags, key_of(kind="programme", pieces=[p.key for p in order], tags=tags)

    def join(order: list[_Piece], tags: dict[str, str], pkey: str) -> Entry:
        from .mp3join import NotJoinable, join_mp3

        parts = [cache.mp3(p.key) for p in order]
        try:
            join_mp3(parts, cache.mp3(pkey), tags=tags)  # frames copied in Python: no ffmpeg start-up
        except NotJoinable:
            concat_mp3(parts, cache.mp3(pkey), tags=tags)
        return _programme_entry(cache, pkey, order, codec, audio)

    # Programmes the cache lacks are joined side by side (each is one ffmpeg copying frames); the first is
    # joined alone while the codec's loss is unverified, since measuring it teaches the others.
    joined: dict[str, Future] = {}
    missing = {}
    for programme, clips in running:
        if clips:
            order, tags, pkey = layout(programme, clips)
            if pkey not in missing and cache.get(pkey) is None:
                missing[pkey] = (order, tags, pkey)
    pool = ThreadPoolExecutor(max_workers=max(1, min(4, os.cpu_count() or 1)))
    try:
        for args in missing.values():
            if not codec.verified:
                done: Future = Future()
                done.set_result(join(*args))
                joined[args[2]] = done
            else:
                joined[args[2]] = pool.submit(join, *args)
        for future in joined.values():
            future.result()
    finally:
        pool.shutdown(cancel_futures=True)

    built: list[tuple[Programme, list[_Piece], Path, Entry]] = []
    audio_dir = out_dir / "audio"
    names_taken: dict[str, str] = {}
    clip_files: dict[str, str] = {}
    for programme, clips in running:
        if not clips:
            problems.append(Problem(
                _("The {slot} programme in {language} has nothing to air: it is left out.").format(
                    slot=programme.slot_name, language=_language_name(programme.language)),
                severity=Severity.WARNING, code="audio.programme-empty"))
            continue
        order, tags, pkey = layout(programme, clips)
        entry = joined[pkey].result() if pkey in joined else cache.get(pkey)
        # Villages that hear different items in one slot and language get their own programme, named for
        # the group of villages (Programme.variant).
        variant = getattr(programme, "variant", "")
        rel = f"audio/{programme.slot_id}/{programme.language}{'-' + variant if variant else ''}.mp3"
        if rel in names_taken:
            rel = f"audio/{programme.slot_id}/{programme.language}-{len(names_taken)}.mp3"
        names_taken[rel] = pkey
        _copy(cache.mp3(pkey), out_dir / rel)
        result.programmes.append(out_dir / rel)
        result.manifest.append({"path": rel, "kind": "programme", "programme": programme.programme_id,
                                "week": programme.week, "slot": programme.slot_id,
                                "language": programme.language, "duration": entry.duration,
                                "integrated_lufs": codec.lufs(entry), "true_peak_dbtp": codec.peak(entry),
                                "sha256": entry.sha256, "items": [c.clip.item_id for c in clips]})
        for piece in [intro, outro, *clips]:
            if piece.key in clip_files:
                continue
            if piece.kind == "clip":
                name = f"{piece.clip.clip_id}.mp3"
                if name in clip_files.values():
                    name = f"{piece.clip.clip_id}-{piece.key[:8]}.mp3"
            else:
                name = f"jingle-{piece.kind}.mp3"
            clip_files[piece.key] = name
            _copy(cache.mp3(piece.key), audio_dir / "clips" / name)
            item = {"path": f"audio/clips/{name}", "kind": "clip" if piece.kind == "clip" else "jingle",
                    "duration": piece.entry.duration, "integrated_lufs": codec.lufs(piece.entry),
                    "true_peak_dbtp": codec.peak(piece.entry), "sha256": piece.entry.sha256, "voice": piece.entry.source}
            if piece.clip is not None:
                item.update({"clip_id": piece.clip.clip_id, "item": piece.clip.item_id, "language": piece.clip.language,
                             "title": piece.clip.title})
            result.manifest.append(item)
        built.append((programme, clips, Path(rel), entry))

    # 4. playlists per village and slot
    for village in commune.villages:
        for slot in commune.slots:
            mine = [b for b in built if b[0].slot_id == slot.id and _plays(b[0], village)]
            if not mine:
                continue
            mine.sort(key=lambda b: _language_rank(village.languages, b[0].language))
            folder = out_dir / "playlists" / village.id
            rows = [(e.duration, p_tags_title(p), f"../../{rel.as_posix()}") for p, _c, rel, e in mine]
            name = f"playlists/{village.id}/{slot.id}.m3u8"
            _write_text(out_dir / name, m3u8(rows))
            result.playlists.append(out_dir / name)
            result.manifest.append({"path": name, "kind": "playlist", "village": village.id, "slot": slot.id,
                                    "sha256": sha256_file(out_dir / name)})
            for programme, clips, _rel, _e in mine:
                rows = [(intro.entry.duration, intro.title, f"../../audio/clips/{clip_files[intro.key]}")]
                rows += [(c.entry.duration, c.title, f"../../audio/clips/{clip_files[c.key]}") for c in clips]
                rows.append((outro.entry.duration, outro.title, f"../../audio/clips/{clip_files[outro.key]}"))
                name = f"playlists/{village.id}/{slot.id}.{programme.language}.m3u8"
                _write_text(out_dir / name, m3u8(rows))
                result.playlists.append(out_dir / name)
                result.manifest.append({"path": name, "kind": "playlist", "village": village.id, "slot": slot.id,
                                        "language": programme.language, "sha256": sha256_file(out_dir / name)})
            del folder
    if built:
        _write_text(audio_dir / "manifest.json",
                    json.dumps({"files": result.manifest, "problems": [p.message for p in problems]},
                               ensure_ascii=False, indent=2) + "\n")
    if cache.damaged:  # reported, not written in the manifest: a repaired build is the same build
        problems.append(Problem(
            _("Damaged cache entries rendered again: {count} (in {folder}).").format(count=len(cache.damaged), folder=ws.relative(cache.dir)),
            severity=Severity.WARNING, code="audio.cache-damaged",
            hint=_("Nothing damaged was used. If this keeps happening, check the disk.")))
    return result


def p_tags_title(programme: Programme) -> str:
    return f"{programme.slot_name} – {_language_name(programme.language)} – {programme.week}"


def _language_name(tag: str) -> str:
    try:
        return langs.get(tag).name()
    except Exception:
        return tag


def _plays(programme: Programme, village) -> bool:
    if programme.villages:
        return village.id in programme.villages
    return any(langs.matches(programme.language, lang) or langs.matches(lang, programme.language) for lang in village.languages)


def _language_rank(order: list[str], lang: str) -> int:
    for i, tag in enumerate(order):
        if tag == lang or langs.matches(lang, tag) or langs.matches(tag, lang):
            return i
    return len(order)


class _ClipRender:
    """Renders one clip: its engine, or the fallback engine when the first one is offline."""

    def __init__(self, ws, piece, text, voice: _Voice, extra, audio, tags, problems):
        self.ws, self.piece, self.text, self.voice, self.extra = ws, piece, text, voice, extra
        self.audio, self.tags, self.problems = audio, tags, problems

    def __call__(self):
        from .registry import get_engine

        clip = self.piece.clip
        settings = {**self.voice.settings, **self.extra, "sample_rate": self.audio.sample_rate}
        try:
            result = self.voice.engine.synthesize(self.text, clip.language, self.voice.voice, settings)
            return _as_samples(result, self.audio.sample_rate), self.audio.sample_rate, result.source or self.voice.engine.name
        except EngineUnavailable as exc:
            if not self.voice.fallback:
                raise InputError(Problem(exc.message, file=self.ws.root / "commune.yaml", line=self.voice.line,
                                         hint=exc.hint, code="audio.engine-unavailable")) from None
            fallback = get_engine(self.voice.fallback, file=self.ws.root / "commune.yaml", line=self.voice.line)
            self.problems.append(Problem(
                exc.message + " " + _("Clip {clip} is read by '{engine}' instead.").format(clip=clip.clip_id, engine=fallback.name),
                severity=Severity.WARNING, code="audio.engine-fallback", hint=exc.hint))
            result = fallback.synthesize(self.text, clip.language, None, {"sample_rate": self.audio.sample_rate})
            return _as_samples(result, self.audio.sample_rate), self.audio.sample_rate, fallback.name


def _clip_renderer(ws, piece, text, voice, extra, audio, tags, problems) -> _ClipRender:
    render = _ClipRender(ws, piece, text, voice, extra, audio, tags, problems)
    return render


def _language_name(tag: str) -> str:
    from .. import langs

    return langs.get(tag).name() if langs.is_known(tag) else tag
