"""Which characters the fonts commcli ships can print: read from the fonts' own character maps (cmap).

A value the fonts cannot draw prints as an empty box on the form, so the forms refuse it with a message instead
(an emoji in a name, a script the fonts lack). Only the cmap formats the bundled Noto fonts use are read
(4: Unicode BMP segments, 12: full Unicode groups); a font without them covers nothing.
"""

from __future__ import annotations

import struct
from functools import lru_cache
from pathlib import Path

from .pdf import FONTS_DIR


def _cmap_ranges(data: bytes) -> list[tuple[int, int]]:
    """(first, last) code points mapped to a glyph, from a TrueType/OpenType file's cmap table."""
    num_tables = struct.unpack_from(">H", data, 4)[0]
    cmap = None
    for i in range(num_tables):
        tag, _checksum, offset, _length = struct.unpack_from(">4sIII", data, 12 + 16 * i)
        if tag == b"cmap":
            cmap = offset
    if cmap is None:
        return []
    count = struct.unpack_from(">H", data, cmap + 2)[0]
    best: tuple[int, int] | None = None  # (format, offset)
    for i in range(count):
        platform, encoding, offset = struct.unpack_from(">HHI", data, cmap + 4 + 8 * i)
        if platform not in (0, 3):
            continue
        fmt = struct.unpack_from(">H", data, cmap + offset)[0]
        if fmt in (4, 12) and (best is None or fmt > best[0]):
            best = (fmt, cmap + offset)
    if best is None:
        return []
    fmt, at = best
    ranges: list[tuple[int, int]] = []
    if fmt == 12:
        groups = struct.unpack_from(">I", data, at + 12)[0]
        for g in range(groups):
            start, end, glyph = struct.unpack_from(">III", data, at + 16 + 12 * g)
            if glyph or start != end:
                ranges.append((start, end))
        return ranges
    segments = struct.unpack_from(">H", data, at + 6)[0] // 2
    ends = struct.unpack_from(f">{segments}H", data, at + 14)
    starts = struct.unpack_from(f">{segments}H", data, at + 16 + 2 * segments)
    deltas = struct.unpack_from(f">{segments}h", data, at + 16 + 4 * segments)
    range_offsets_at = at + 16 + 6 * segments
    range_offsets = struct.unpack_from(f">{segments}H", data, range_offsets_at)
    for s, (start, end, delta, ro) in enumerate(zip(starts, ends, deltas, range_offsets)):
        if start == 0xFFFF:
            continue
        if ro == 0:
            # Every code point maps (glyph = code + delta); only one landing on glyph 0 would be missing.
            ranges.append((start, end))
            continue
        for code in range(start, end + 1):
            where = range_offsets_at + 2 * s + ro + 2 * (code - start)
            if where + 2 <= len(data) and struct.unpack_from(">H", data, where)[0] != 0:
                ranges.append((code, code))
    return ranges


@lru_cache(maxsize=1)
def _covered() -> frozenset[int]:
    codes: set[int] = set()
    for font in sorted(Path(FONTS_DIR).glob("*.ttf")):
        for start, end in _cmap_ranges(font.read_bytes()):
            codes.update(range(start, end + 1))
    return frozenset(codes)


def printable(char: str) -> bool:
    """True when one of the bundled fonts has a glyph for ``char`` (whitespace always prints)."""
    return char.isspace() or ord(char) in _covered()
