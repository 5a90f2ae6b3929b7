"""Write glossary files back: the file edited in place (round-trip: comments, quotes, key order and layout
kept), new values in the house style (texts in double quotes, ids and statuses bare, short lists on one line)."""

from __future__ import annotations

from pathlib import Path

HEADER = "# yaml-language-server: $schema=../schemas/glossary.schema.json\n"

PLAIN_FIELDS = {"id", "domain", "status"}  # written bare: ids and fixed words


def write_atomic(path: Path, text: str) -> None:
    """Write through a temporary file in the same folder, then replace: never half a file."""
    from ..publish import write_text_atomic

    write_text_atomic(path, text)


# --- round-trip editing (ruamel.yaml) -------------------------------------------------------------------


def load_roundtrip(path: Path):
    """The file as ruamel's commented maps, ready to be edited and written back with ``dump_roundtrip``."""
    from .. import yamlrt

    return yamlrt.load(path.read_text(encoding="utf-8-sig"))


def scalar_ids(doc) -> set[int]:
    """Identities of the texts already in ``doc``: they are written back exactly as they were."""
    found: set[int] = set()
    stack = [doc]
    while stack:
        value = stack.pop()
        if isinstance(value, str):
            found.add(id(value))
        elif isinstance(value, dict):
            stack.extend(value.values())
        elif isinstance(value, list):
            stack.extend(value)
    return found


def house_style(value, old: set[int], key: str | None = None):
    """New values (not in ``old``) converted to ruamel types in the house style; old ones left untouched."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString, LiteralScalarString, ScalarString

    if isinstance(value, str):
        if id(value) in old or isinstance(value, ScalarString) or key in PLAIN_FIELDS:
            return value
        if "\n" in value.rstrip("\n"):
            return LiteralScalarString(value)
        return DoubleQuotedScalarString(value)
    if isinstance(value, dict):
        target = value if isinstance(value, CommentedMap) else CommentedMap()
        for k, v in list(value.items()):
            target[k] = house_style(v, old, k)
        return target
    if isinstance(value, list):
        if isinstance(value, CommentedSeq):
            for i, v in enumerate(value):
                value[i] = house_style(v, old)
            return value
        seq = CommentedSeq(house_style(v, old) for v in value)
        if all(isinstance(v, str) for v in value) and sum(len(v) for v in value) < 100 and "\n" not in "".join(value):
            seq.fa.set_flow_style()
        return seq
    return value


def dump_roundtrip(doc, old: set[int], header: str = "") -> str:
    from .. import yamlrt

    return header + yamlrt.dump(house_style(doc, old))
