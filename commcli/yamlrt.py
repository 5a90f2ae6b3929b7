"""Round-trip YAML for what commcli writes into the officer's own files: layout, comments, quotes and key
order kept, indentation as in the README (``items:`` then ``  - id: …`` then ``    title: …``).

Reading for validation stays in ``yamlload`` (strict, positions kept); this module only edits and writes.
"""

from __future__ import annotations

import io
import re
from typing import Any


_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")


def _strings_resolver():
    """Plain scalars are strings, as ``yamlload`` reads them (no YAML 1.1 surprises, dates and times kept
    as written); only the null forms resolve. Writing uses the same rule, so a value is quoted only when
    it must be."""
    from ruamel.yaml.resolver import VersionedResolver

    class StringsResolver(VersionedResolver):
        @property
        def versioned_resolver(self):
            return {"": [("tag:yaml.org,2002:null", _NULL)], "~": [("tag:yaml.org,2002:null", _NULL)],
                    "n": [("tag:yaml.org,2002:null", _NULL)], "N": [("tag:yaml.org,2002:null", _NULL)]}

    return StringsResolver


def round_trip():
    """A ruamel.yaml instance in the house style."""
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    yaml.Resolver = _strings_resolver()
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.preserve_quotes = True
    yaml.width = 4096  # never fold a line the officer wrote
    yaml.allow_unicode = True
    return yaml


def load(text: str) -> Any:
    """The document as ruamel's commented maps and lists (comments travel with the values)."""
    return round_trip().load(text)


def dump(data: Any) -> str:
    stream = io.StringIO()
    round_trip().dump(data, stream)
    return stream.getvalue()


def new_map(items=()) -> Any:
    from ruamel.yaml.comments import CommentedMap

    return CommentedMap(items)


def new_seq(items=()) -> Any:
    from ruamel.yaml.comments import CommentedSeq

    return CommentedSeq(items)
