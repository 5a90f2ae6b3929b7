"""Join MP3 pieces of one format into a programme in Python: frames copied, fresh ID3v2.3 tags, no ffmpeg start-up.

Every piece is constant-bitrate MP3 from the same encoder settings, so a programme is their audio frames
one after another (what ffmpeg's concat demuxer does with ``-c copy``): each piece's own tag and its
Xing/Info header frame are left out. Without a header frame a player reads the length from the bitrate,
which is exact for constant bitrate.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

# ffmpeg's names for the ID3v2.3 text frames it reads back (libavformat/id3v2.c).
_TEXT_FRAMES = {"title": "TIT2", "artist": "TPE1", "album": "TALB", "language": "TLAN", "grouping": "TIT1",
                "album_artist": "TPE2", "date": "TYER", "track": "TRCK", "genre": "TCON"}
_BITRATES = {3: (0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320),  # MPEG-1 layer III
             2: (0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160)}  # MPEG-2 (and 2.5)
_RATES = {3: (44100, 48000, 32000), 2: (22050, 24000, 16000), 0: (11025, 12000, 8000)}


class NotJoinable(ValueError):
    """A piece is not a plain layer III stream of the first piece's format."""


def _syncsafe(n: int) -> bytes:
    return bytes(((n >> 21) & 0x7F, (n >> 14) & 0x7F, (n >> 7) & 0x7F, n & 0x7F))


def id3v23(tags: dict[str, str]) -> bytes:
    """An ID3v2.3 tag: UTF-16 text frames, the comment as COMM."""
    frames = b""
    for key, value in tags.items():
        if not value:
            continue
        text = "\ufeff" + str(value)
        if key == "comment":
            body = b"\x01XXX" + "\ufeff".encode("utf-16-le") + b"\x00\x00" + text.encode("utf-16-le")
            frame_id = "COMM"
        elif key in _TEXT_FRAMES:
            body = b"\x01" + text.encode("utf-16-le")
            frame_id = _TEXT_FRAMES[key]
        else:
            continue
        frames += frame_id.encode("ascii") + len(body).to_bytes(4, "big") + b"\x00\x00" + body
    return b"ID3\x03\x00\x00" + _syncsafe(len(frames)) + frames


def _frame_length(header: bytes) -> tuple[int, tuple[int, int]] | None:
    """Length in bytes of the layer III frame starting with ``header`` and its (version, rate), or None."""
    if header[0] != 0xFF or (header[1] & 0xE0) != 0xE0:
        return None
    version = (header[1] >> 3) & 3
    layer = (header[1] >> 1) & 3
    bitrate_index = header[2] >> 4
    rate_index = (header[2] >> 2) & 3
    if version == 1 or layer != 1 or bitrate_index in (0, 15) or rate_index == 3:
        return None
    rate = _RATES[version][rate_index]
    kbps = _BITRATES[3 if version == 3 else 2][bitrate_index]
    padding = (header[2] >> 1) & 1
    return (144 if version == 3 else 72) * kbps * 1000 // rate + padding, (version, rate)


def audio_frames(data: bytes) -> tuple[bytes, tuple[int, int]]:
    """The audio frames of one MP3 (tags and the Xing/Info frame left out) and its (version, rate)."""
    pos = 0
    if data[:3] == b"ID3":
        pos = 10 + ((data[6] << 21) | (data[7] << 14) | (data[8] << 7) | data[9])
        if data[5] & 0x10:  # footer present
            pos += 10
    end = len(data) - (128 if data[-128:-125] == b"TAG" else 0)
    start = None
    fmt = None
    first = True
    while pos + 4 <= end:
        parsed = _frame_length(data[pos:pos + 4])
        if parsed is None:
            if start is not None:
                raise NotJoinable("not a plain MP3 stream")
            pos += 1
            continue
        length, this = parsed
        if fmt is None:
            fmt = this
        elif this != fmt:
            raise NotJoinable("sample rate changes inside a piece")
        if first:
            first = False
            head = data[pos:pos + length]
            if b"Xing" in head[:64] or b"Info" in head[:64]:
                pos += length
                continue
        if start is None:
            start = pos
        pos += length
    if fmt is None or start is None:
        raise NotJoinable("no audio frames")
    return data[start:min(pos, end)], fmt


def join_mp3(parts: list[Path], dest: Path, *, tags: dict[str, str] | None = None) -> None:
    """Write ``parts`` one after another into ``dest`` (temporary file beside it, then renamed)."""
    dest = Path(dest)
    fd, tmp = tempfile.mkstemp(prefix=f".{dest.name}.{os.getpid()}.", suffix=".tmp", dir=dest.parent)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(id3v23(tags or {}))
            fmt = None
            for part in parts:
                frames, this = audio_frames(Path(part).read_bytes())
                if fmt is None:
                    fmt = this
                elif this != fmt:
                    raise NotJoinable("pieces differ in format")
                out.write(frames)
        os.replace(tmp, dest)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
