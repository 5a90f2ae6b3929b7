"""Write glossary files back deterministically: stable key order, unknown keys kept, header comment kept."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import yaml

HEADER = "# yaml-language-server: $schema=../schemas/glossary.schema.json\n"

TOP_ORDER = ("domain", "name")
ENTRY_ORDER = ("id", "vi", "abbreviations", "note", "source", "translations")
TRANSLATION_ORDER = ("term", "status", "reviewer", "date", "alternatives", "forbidden", "source", "note")
ABBR_ORDER = ("abbr", "spoken")


class _Dumper(yaml.SafeDumper):
    """Block style, lists indented under their key, no line folding."""

    def increase_indent(self, flow=False, indentless=False):
        return super().increase_indent(flow, False)


def _ordered(mapping: dict, order: tuple[str, ...], last: tuple[str, ...] = ()) -> dict:
    out = {k: mapping[k] for k in order if k in mapping}
    out.update((k, v) for k, v in mapping.items() if k not in out and k not in last)
    out.update((k, mapping[k]) for k in last if k in mapping and k not in out)
    return out


def canonical(data: dict) -> dict:
    """The file's data with keys in the house order; keys we do not know stay, after the known ones."""
    top = _ordered(data, TOP_ORDER, last=("entries",))
    entries = []
    for raw in data.get("entries") or []:
        if not isinstance(raw, dict):
            entries.append(raw)
            continue
        entry = _ordered(raw, ENTRY_ORDER)
        if isinstance(entry.get("abbreviations"), list):
            entry["abbreviations"] = [_ordered(a, ABBR_ORDER) if isinstance(a, dict) else a for a in entry["abbreviations"]]
        if isinstance(entry.get("translations"), dict):
            entry["translations"] = {
                tag: (_ordered(tr, TRANSLATION_ORDER) if isinstance(tr, dict) else tr)
                for tag, tr in entry["translations"].items()
            }
        entries.append(entry)
    if "entries" in data:
        top["entries"] = entries
    return top


def header_of(text: str) -> str:
    """The comment lines at the top of a file (the schema line, the author's notes)."""
    out = []
    for line in text.splitlines(keepends=True):
        if line.lstrip().startswith("#"):
            out.append(line if line.endswith("\n") else line + "\n")
        elif not line.strip():
            continue
        else:
            break
    return "".join(out) or HEADER


def dump(data: dict, header: str = HEADER) -> str:
    body = yaml.dump(canonical(data), Dumper=_Dumper, allow_unicode=True, sort_keys=False,
                     default_flow_style=False, width=10**6, indent=2)
    return header + body


def write_atomic(path: Path, text: str) -> None:
    """Write through a temporary file in the same folder, then replace: never half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def write_bytes_atomic(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
