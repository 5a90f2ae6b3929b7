"""ffmpeg from imageio-ffmpeg: decode to PCM, encode MP3 with ID3 tags, join MP3s, read tags.

Checking a user's sound file (silent, clipped…) is commcli.voice.check.probe_audio.

There is no ffprobe: formats are always given explicitly.
"""

from __future__ import annotations

import os
import re
import subprocess
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING


if TYPE_CHECKING:
    import numpy as np

@lru_cache(maxsize=1)
def ffmpeg_exe() -> str:
    import imageio_ffmpeg

    return imageio_ffmpeg.get_ffmpeg_exe()


def _base() -> list[str]:
    return [ffmpeg_exe(), "-hide_banner", "-nostdin", "-loglevel", "error", "-y"]


def decode(path: Path | None, rate: int | None = None, *, data: bytes | None = None) -> tuple["np.ndarray", int]:
    """Decode any audio ffmpeg reads to mono float32 at ``rate`` (default: the file's rate).

    Raises ValueError with ffmpeg's message when it is not audio.
    """
    import numpy as np

    cmd = [ffmpeg_exe(), "-hide_banner", "-nostdin", "-i", "pipe:0" if data is not None else str(path),
           "-vn", "-ac", "1"]
    if rate:
        cmd += ["-ar", str(rate)]
    cmd += ["-f", "s16le", "-acodec", "pcm_s16le", "pipe:1"]
    proc = subprocess.run(cmd, input=data, capture_output=True)
    err = proc.stderr.decode("utf-8", "replace")
    if proc.returncode != 0:
        lines = [ln for ln in err.strip().splitlines() if ln.strip()]
        raise ValueError(lines[-1] if lines else "ffmpeg failed")
    if rate is None:
        found = re.findall(r"Audio: pcm_s16le.*?, (\d+) Hz", err)
        rate = int(found[-1]) if found else 22050
    samples = np.frombuffer(proc.stdout, dtype="<i2").astype(np.float32) / 32768.0
    return samples, rate


def to_int16_bytes(samples: "np.ndarray") -> bytes:
    import numpy as np

    return (np.clip(samples, -1.0, 32767 / 32768) * 32768.0).round().astype("<i2").tobytes()


def _replace_atomically(tmp: Path, dest: Path) -> None:
    os.replace(tmp, dest)


def _tmp_beside(dest: Path, suffix: str) -> Path:
    dest.parent.mkdir(parents=True, exist_ok=True)
    # The pid in the name lets a later build remove what a killed one left (Cache.clean_stale).
    fd, name = tempfile.mkstemp(prefix=f".{dest.name}.{os.getpid()}.", suffix=suffix + ".tmp", dir=dest.parent)
    os.close(fd)
    return Path(name)


class _Output:
    """Where ffmpeg writes: a temporary file beside ``dest``, handed to ffmpeg as an open descriptor where the
    system allows (``/dev/fd/N``). An ffmpeg orphaned by a killed build then writes into a file already
    removed by the next build's clean-up, instead of creating it again after that clean-up ran."""

    def __init__(self, dest: Path, suffix: str):
        dest.parent.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(prefix=f".{dest.name}.{os.getpid()}.", suffix=suffix + ".tmp", dir=dest.parent)
        self.path = Path(name)
        if os.name == "posix" and os.path.isdir("/dev/fd"):
            self.fd: int | None = fd
            self.target, self.pass_fds = f"/dev/fd/{fd}", (fd,)
        else:
            os.close(fd)
            self.fd, self.target, self.pass_fds = None, str(self.path), ()

    def close(self) -> None:
        if self.fd is not None:
            os.close(self.fd)
            self.fd = None
        self.path.unlink(missing_ok=True)


class FfmpegError(OSError):
    """ffmpeg could not write ``dest``: ``reason`` is its last line of output (an I/O fault, not a bug)."""

    def __init__(self, dest: Path, reason: str, returncode: int):
        super().__init__(f"{dest}: {reason}")
        self.dest, self.reason, self.returncode = Path(dest), reason, returncode


# ffmpeg's words for the file-system faults a user can fix; they become the same messages as Python's own.
_FFMPEG_ERRNO = (("No space left on device", "ENOSPC"), ("File too large", "EFBIG"),
                 ("Read-only file system", "EROFS"), ("Permission denied", "EACCES"),
                 ("Disk quota exceeded", "EDQUOT"))


def _failed(proc: subprocess.CompletedProcess, dest: Path) -> Exception:
    import errno as _errno

    import signal as _signal

    text = proc.stderr.decode("utf-8", "replace") if proc.stderr else ""
    # subprocess restores SIGXFSZ's default in the child, so over `ulimit -f` ffmpeg is killed by it.
    if hasattr(_signal, "SIGXFSZ") and proc.returncode == -_signal.SIGXFSZ:
        return OSError(_errno.EFBIG, os.strerror(_errno.EFBIG), str(dest))
    for words, name in _FFMPEG_ERRNO:
        if words in text:
            code = getattr(_errno, name)
            return OSError(code, os.strerror(code), str(dest))
    lines = [ln for ln in text.strip().splitlines() if ln.strip()]
    return FfmpegError(dest, lines[-1] if lines else "", proc.returncode)


def _metadata_args(tags: dict[str, str] | None) -> list[str]:
    # bitexact: no encoder version tag, nothing from the clock: the same input gives the same bytes.
    args = ["-map_metadata", "-1", "-id3v2_version", "3", "-fflags", "+bitexact", "-flags:a", "+bitexact"]
    for key, value in (tags or {}).items():
        if value:
            args += ["-metadata", f"{key}={value}"]
    return args


# LAME's algorithm quality (ffmpeg's -compression_level; 0 slowest … 9 fastest). Measured on the Vietnamese
# voice at 64 kbit/s, 22,050 Hz (bench/encoder.py): level 7 encodes 2.6× faster than LAME's default (3) and
# keeps the sound: the same bytes per second, SNR 25.4 dB against the source (default: 21.9), the same
# loudness loss (0.45 LU) and, in the spectrograms, the same bands kept and the same 10 kHz low-pass.
LAME_LEVEL = 7
ENCODER = f"libmp3lame-q{LAME_LEVEL}"
"""Part of every cache key of encoded audio: a change of encoder setting re-encodes, never mixes."""


def encode_mp3(pcm_int16: bytes, rate: int, dest: Path, *, bitrate_kbps: int, tags: dict[str, str] | None = None) -> None:
    """Mono MP3 from raw 16-bit PCM piped into ffmpeg; written beside ``dest`` then renamed."""
    out = _Output(dest, ".mp3")
    try:
        cmd = _base() + ["-f", "s16le", "-ar", str(rate), "-ac", "1", "-i", "pipe:0",
                         "-c:a", "libmp3lame", "-b:a", f"{bitrate_kbps}k", "-compression_level", str(LAME_LEVEL),
                         *_metadata_args(tags), "-f", "mp3", out.target]
        proc = subprocess.run(cmd, input=pcm_int16, capture_output=True, pass_fds=out.pass_fds)
        if proc.returncode != 0:
            raise _failed(proc, dest)
        _replace_atomically(out.path, dest)
    finally:
        out.close()


def encode_m4a(src: Path, dest: Path, *, bitrate_kbps: int = 48, tags: dict[str, str] | None = None) -> None:
    """AAC in an M4A container from any audio ffmpeg reads (small; plays in Zalo and on every phone); written aside then renamed."""
    out = _Output(dest, ".m4a")
    try:
        # The fast coder: five times quicker than the default for speech that is hardly worse on a phone.
        cmd = _base() + ["-i", str(src), "-vn", "-ac", "1", "-c:a", "aac", "-aac_coder", "fast", "-b:a", f"{bitrate_kbps}k",
                         "-map_metadata", "-1"]
        for key, value in (tags or {}).items():
            cmd += ["-metadata", f"{key}={value}"]
        cmd += ["-movflags", "+faststart", "-fflags", "+bitexact", "-flags:a", "+bitexact", "-f", "ipod", out.target]
        proc = subprocess.run(cmd, capture_output=True, pass_fds=out.pass_fds)
        if proc.returncode != 0:
            raise RuntimeError(proc.stderr.decode("utf-8", "replace"))
        _replace_atomically(out.path, dest)
    finally:
        out.close()


def concat_mp3(parts: list[Path], dest: Path, *, tags: dict[str, str] | None = None) -> None:
    """Join MP3s of identical format without re-encoding (ffmpeg's concat demuxer), with fresh tags."""
    listing = _tmp_beside(dest, ".txt")
    out = _Output(dest, ".mp3")
    try:
        lines = ["ffconcat version 1.0"]
        for part in parts:
            escaped = str(Path(part).resolve()).replace("'", "'\\''")
            lines.append(f"file '{escaped}'")
        listing.write_text("\n".join(lines) + "\n", encoding="utf-8")
        cmd = _base() + ["-f", "concat", "-safe", "0", "-i", str(listing), "-c", "copy",
                         *_metadata_args(tags), "-write_xing", "1", "-f", "mp3", out.target]
        proc = subprocess.run(cmd, capture_output=True, pass_fds=out.pass_fds)
        if proc.returncode != 0:
            raise _failed(proc, dest)
        _replace_atomically(out.path, dest)
    finally:
        listing.unlink(missing_ok=True)
        out.close()


def read_tags(path: Path) -> dict[str, str]:
    """The file's metadata as ffmpeg reads it (``-f ffmetadata``)."""
    proc = subprocess.run([ffmpeg_exe(), "-hide_banner", "-nostdin", "-loglevel", "error", "-i", str(path),
                           "-f", "ffmetadata", "pipe:1"], capture_output=True)
    tags = {}
    for line in proc.stdout.decode("utf-8", "replace").splitlines():
        if "=" in line and not line.startswith(";"):
            key, value = line.split("=", 1)
            tags[key.strip().lower()] = value
    return tags


def ebur128(path: Path) -> tuple[float, float]:
    """(integrated LUFS, true peak dBTP) measured by ffmpeg's own ebur128 filter: an independent check."""
    proc = subprocess.run([ffmpeg_exe(), "-hide_banner", "-nostdin", "-i", str(path),
                           "-af", "ebur128=peak=true", "-f", "null", "-"], capture_output=True)
    err = proc.stderr.decode("utf-8", "replace")
    summary = err[err.rfind("Summary:"):]
    integrated = float(re.search(r"I:\s+(-?[\d.]+|-inf) LUFS", summary).group(1))
    peak = re.search(r"Peak:\s+(-?[\d.]+|-inf) dBFS", summary)
    return integrated, float(peak.group(1)) if peak else float("-inf")


_MP3_BITRATES = {  # MPEG-2/2.5 layer III, kbps
    0: 0, 1: 8, 2: 16, 3: 24, 4: 32, 5: 40, 6: 48, 7: 56, 8: 64, 9: 80, 10: 96, 11: 112, 12: 128, 13: 144, 14: 160,
}
_MP3_BITRATES_V1 = {0: 0, 1: 32, 2: 40, 3: 48, 4: 56, 5: 64, 6: 80, 7: 96, 8: 112, 9: 128, 10: 160, 11: 192,
                    12: 224, 13: 256, 14: 320}
_MP3_RATES = {3: (44100, 48000, 32000), 2: (22050, 24000, 16000), 0: (11025, 12000, 8000)}


def mp3_duration(path: Path) -> float:
    """Playing time of an MP3 from its frames (no decoding): frames × samples per frame ÷ rate."""
    data = Path(path).read_bytes()
    pos = 0
    if data[:3] == b"ID3":
        size = (data[6] << 21) | (data[7] << 14) | (data[8] << 7) | data[9]
        pos = 10 + size
    samples = 0
    rate = 0
    first = True
    n = len(data)
    while pos + 4 <= n:
        if data[pos] != 0xFF or (data[pos + 1] & 0xE0) != 0xE0:
            pos += 1
            continue
        version = (data[pos + 1] >> 3) & 3
        layer = (data[pos + 1] >> 1) & 3
        bitrate_index = data[pos + 2] >> 4
        rate_index = (data[pos + 2] >> 2) & 3
        if version == 1 or layer != 1 or bitrate_index in (0, 15) or rate_index == 3:
            pos += 1
            continue
        rate = _MP3_RATES[version][rate_index]
        kbps = (_MP3_BITRATES_V1 if version == 3 else _MP3_BITRATES)[bitrate_index]
        per_frame = 1152 if version == 3 else 576
        padding = (data[pos + 2] >> 1) & 1
        length = (144 if version == 3 else 72) * kbps * 1000 // rate + padding
        if first:
            first = False
            head = data[pos:pos + length]
            if b"Xing" in head or b"Info" in head:  # the header frame decodes to nothing
                pos += length
                continue
        samples += per_frame
        pos += length
    return samples / rate if rate else 0.0
