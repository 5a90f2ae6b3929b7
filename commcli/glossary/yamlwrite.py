"""Write glossary files back deterministically: stable key order, unknown keys kept, header comment kept."""

from __future__ import annotations

from pathlib import Path

import yaml

HEADER = "# yaml-language-server: $schema=../schemas/glossary.schema.json\n"

TOP_ORDER = ("domain", "name")
ENTRY_ORDER = ("id", "vi", "abbreviations", "note", "source", "translations")
TRANSLATION_ORDER = ("term", "status", "reviewer", "date", "alternatives", "forbidden", "source", "note")
ABBR_ORDER = ("abbr", "spoken")


PLAIN_FIELDS = {"id", "domain", "status"}  # written bare: ids and fixed words


class _Quoted(str):
    """Text written in double quotes (the style of the hand-written glossary files)."""


class _Bare(str):
    """A fixed word or id written without quotes."""


class _Flow(list):
    """A list of short texts written on one line: ["BHYT", "thẻ BHYT"]."""


class _Dumper(yaml.SafeDumper):
    """Block style, lists indented under their key, no line folding."""

    def increase_indent(self, flow=False, indentless=False):
        return super().increase_indent(flow, False)


def _represent_quoted(dumper, value):
    style = "|" if "\n" in value.rstrip("\n") else '"'
    return dumper.represent_scalar("tag:yaml.org,2002:str", str(value), style=style)


def _represent_bare(dumper, value):
    return dumper.represent_str(str(value))  # quoted only if a bare word would read as something else


def _represent_flow(dumper, value):
    return dumper.represent_sequence("tag:yaml.org,2002:seq", list(value), flow_style=True)


_Dumper.add_representer(_Quoted, _represent_quoted)
_Dumper.add_representer(_Bare, _represent_bare)
_Dumper.add_representer(_Flow, _represent_flow)


def _styled(value, key: str | None = None):
    """Wrap values so they are written in the house style; keys stay as they are."""
    if isinstance(value, str):
        return _Bare(value) if key in PLAIN_FIELDS else _Quoted(value)
    if isinstance(value, dict):
        return {k: _styled(v, k) for k, v in value.items()}
    if isinstance(value, list):
        items = [_styled(v) for v in value]
        if all(isinstance(v, str) for v in value) and sum(len(v) for v in value) < 100 and "\n" not in "".join(value):
            return _Flow(items)
        return items
    return value


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
    """Everything before the first line of data: the schema line, the author's notes, blank lines."""
    out = []
    for line in text.splitlines(keepends=True):
        if line.lstrip().startswith("#") or not line.strip():
            out.append(line if line.endswith("\n") else line + "\n")
        else:
            break
    return "".join(out) or HEADER


def dump(data: dict, header: str = HEADER) -> str:
    body = yaml.dump(_styled(canonical(data)), Dumper=_Dumper, allow_unicode=True, sort_keys=False,
                     default_flow_style=False, width=10**6, indent=2)
    return header + body


def write_atomic(path: Path, text: str) -> None:
    """Write through a temporary file in the same folder, then replace: never half a file."""
    from ..publish import write_text_atomic

    write_text_atomic(path, text)
