"""Strict YAML: safe parsing, no YAML 1.1 surprises, duplicate keys refused, positions kept for every value.

Plain scalars are strings (``no``, ``06:30``, ``011`` stay as written) except the null forms; the typed
models convert strings to numbers or booleans where a field asks for one. Every value's line and column
are kept in a :class:`Positions` map keyed by its field path, so errors can point into the file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import yaml

from .errors import Problem, Problems, Severity
from .i18n import N_, _
from .faults import os_reason
from .textcheck import guess_bytes_encoding, legacy_encoding, legacy_hint, to_nfc

Path_ = tuple  # a field path: ("villages", 2, "languages", 0)
_NULLS = {"", "~", "null", "Null", "NULL"}

M = TypeVar("M")


@dataclass
class Positions:
    """1-based (line, column) of each key and value in a loaded file, by field path."""

    file: Path
    values: dict[tuple, tuple[int, int]] = field(default_factory=dict)
    keys: dict[tuple, tuple[int, int]] = field(default_factory=dict)

    def of(self, path: tuple) -> tuple[int | None, int | None]:
        """Position of the value at ``path``, or of the nearest parent that has one."""
        path = tuple(path)
        while True:
            if path in self.values:
                return self.values[path]
            if not path:
                return (None, None)
            path = path[:-1]

    def key_of(self, path: tuple) -> tuple[int | None, int | None]:
        path = tuple(path)
        return self.keys.get(path) or self.of(path)


@dataclass
class Loaded:
    """A parsed YAML document: plain data (dicts, lists, str, None) and where each piece was."""

    data: Any
    positions: Positions


def format_path(path: tuple) -> str:
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out


def read_text(path: Path, problems: Problems) -> str | None:
    """The file's text as NFC, or None with a problem added (missing, not UTF-8, empty)."""
    from .errors import InputError
    from .safeio import read_input

    try:
        raw = read_input(path, "yaml")
    except InputError as exc:
        problems.extend(exc.problems)
        return None
    except FileNotFoundError:
        problems.add(Problem(_("File not found."), file=path, code="file.missing"))
        return None
    except OSError as exc:
        problems.add(Problem(_("Cannot read the file: {reason}").format(reason=os_reason(exc)), file=path, code="file.unreadable"))
        return None
    return decode_utf8(raw, path, problems)


def decode_utf8(raw: bytes, path: Path, problems: Problems, *, message: str | None = None,
                hint: str | None = None, code: str = "file.encoding") -> str | None:
    """UTF-8 bytes (BOM or not) as NFC text, or None with a problem that points at the first bad byte and
    names the legacy encoding the bytes most likely are."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return to_nfc(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        guessed = guess_bytes_encoding(raw)
        problems.add(Problem(
            message or _("The file is not UTF-8 text."),
            file=path, line=line, column=column,
            found=(guessed or _("bytes that are not UTF-8")), expected="UTF-8",
            hint=legacy_hint(guessed) if guessed else (hint or _("Save the file as UTF-8 (in Notepad: Save As, Encoding: UTF-8).")),
            code=code,
        ))
        return None


class _Composer(yaml.SafeLoader):
    """SafeLoader used only to compose nodes; construction is ours."""


def parse_yaml(text: str, file: Path, problems: Problems) -> Loaded | None:
    """Parse YAML text into plain data with positions; None (problems added) on any error."""
    positions = Positions(file=file)
    if not text.strip() or all(not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines()):
        problems.add(Problem(_("The file is empty."), file=file, line=1, column=1,
                             hint=_("Write the file's content, or delete the file."), code="yaml.empty"))
        return None
    hidden = _hidden_characters(text, file)
    if hidden:
        problems.extend(hidden)
        return None
    long_line = _first_long_line(text)
    if long_line:
        problems.add(Problem(
            _("Line {line} is longer than {limit} characters; commcli does not read such files.").format(
                line=long_line, limit=_max_line()),
            file=file, line=long_line, column=1, hint=_("Break the text into several lines (YAML '|' blocks keep them)."),
            code="yaml.line-too-long"))
        return None
    try:
        node = _compose_fast(text)
        if node is None:
            node = yaml.compose(text, Loader=_Composer)
    except yaml.MarkedYAMLError as exc:
        problems.add(_yaml_error_problem(exc, text, file))
        return None
    except RecursionError:
        problems.add(_too_deep(file, None))
        return None
    except yaml.YAMLError as exc:  # pragma: no cover - PyYAML marks nearly everything
        problems.add(Problem(_("The file is not valid YAML: {reason}").format(reason=str(exc)), file=file, code="yaml.syntax"))
        return None
    shape = _tree_shape_problem(node, file) if "&" not in text else _shape_problem(node, file)
    if shape is not None:
        problems.add(shape)
        return None
    if node is None:
        problems.add(Problem(_("The file is empty."), file=file, line=1, column=1, code="yaml.empty"))
        return None
    before = len(problems)
    data = _construct(node, (), positions, problems, file)
    if len(problems.errors) > before and any(p.code == "yaml.duplicate-key" for p in problems.items[before:]):
        return None
    return Loaded(data=data, positions=positions)


# Characters that must not be in a workspace file: what YAML refuses (control characters), and invisible ones
# that reorder or hide text (bidirectional controls, "Trojan source"; zero-width spaces and joiners), which would
# make a script, a form label or a glossary term read otherwise than it looks in the editor.
_YAML_REFUSES = re.compile("[^\x09\x0A\x0D\x20-\x7E\x85\xA0-\uD7FF\uE000-\uFFFD\U00010000-\U0010FFFF]")
_INVISIBLE = re.compile("[\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")


def hidden_character_problem(char: str, **where) -> Problem:
    """The problem for one control or invisible character; ``where``: file, line, column, field."""
    import unicodedata

    name = unicodedata.name(char, "")
    return Problem(
        _("An invisible or control character (U+{code:04X}{name}) is in the text: it can hide or reverse "
          "what the text says.").format(code=ord(char), name=f" {name}" if name else ""),
        hint=_("Delete it (in Notepad++: View > Show Symbol > Show All Characters shows where it is), "
               "or retype the line."),
        code="text.invisible", **where)


def first_hidden_character(text: str) -> str | None:
    """The first control or invisible character in ``text`` (tab and line breaks are fine), or None."""
    for pattern in (_YAML_REFUSES, _INVISIBLE):
        match = pattern.search(text)
        if match:
            return match.group()
    return None


def _hidden_characters(text: str, file: Path) -> list[Problem]:
    """A problem for the first few control or invisible characters, each at its line and column."""
    found: list[Problem] = []
    for pattern in (_YAML_REFUSES, _INVISIBLE):
        for match in pattern.finditer(text):
            line = text.count("\n", 0, match.start()) + 1
            column = match.start() - (text.rfind("\n", 0, match.start()) + 1) + 1
            found.append(hidden_character_problem(match.group(), file=file, line=line, column=column))
            if len(found) >= 5:
                return found
    return found


# Bounds on a document's shape (README "Limits"): aliases may not multiply a file into millions of values
# (an "alias bomb"), and nothing real nests deeper than a few levels.
MAX_VALUES = 500_000
MAX_DEPTH = 64


def _max_line() -> int:
    from .safeio import MAX_LINE

    return MAX_LINE


def _first_long_line(text: str) -> int | None:
    limit = _max_line()
    if len(text) <= limit:
        return None
    for number, line in enumerate(text.split("\n"), 1):
        if len(line) > limit:
            return number
    return None


def _too_deep(file: Path, node: yaml.Node | None) -> Problem:
    line, column = _mark(node) if node is not None else (None, None)
    return Problem(_("The file nests lists and mappings more than {limit} levels deep.").format(limit=MAX_DEPTH),
                   file=file, line=line, column=column, hint=_("Write the values out flat, as in the examples."),
                   code="yaml.too-deep")


def _shape_problem(root: yaml.Node | None, file: Path) -> Problem | None:
    """A problem when the document, aliases expanded, is too big or too deep (or refers to itself).

    Computed on the node graph, where an alias is one shared node: linear time whatever it would expand to.
    """
    if root is None:
        return None
    size: dict[int, int] = {}
    depth: dict[int, int] = {}
    on_path: set[int] = set()
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, done = stack.pop()
        key = id(node)
        children = []
        if isinstance(node, yaml.SequenceNode):
            children = node.value
        elif isinstance(node, yaml.MappingNode):
            children = [n for pair in node.value for n in pair]
        if done:
            on_path.discard(key)
            size[key] = 1 + sum(size[id(c)] for c in children)
            depth[key] = 1 + max((depth[id(c)] for c in children), default=0)
            if depth[key] > MAX_DEPTH:
                return _too_deep(file, node)
            if size[key] > MAX_VALUES:
                line, column = _mark(node)
                return Problem(
                    _("The file holds more than {limit} values once its aliases (*name) are expanded.").format(limit=MAX_VALUES),
                    file=file, line=line, column=column, hint=_("Write the values out instead of repeating aliases."),
                    code="yaml.too-big")
            continue
        if key in size:
            continue
        if key in on_path:
            line, column = _mark(node)
            return Problem(_("An alias (*name) refers to the block that contains it."), file=file, line=line,
                           column=column, hint=_("Write the values out instead of the alias."), code="yaml.alias-loop")
        on_path.add(key)
        stack.append((node, True))
        if len(on_path) > MAX_DEPTH:
            return _too_deep(file, node)
        stack.extend((c, False) for c in children if id(c) not in size)
    return None


def _tree_shape_problem(root: yaml.Node | None, file: Path) -> Problem | None:
    """``_shape_problem`` for a document without anchors (so without aliases): a plain tree, walked once."""
    if root is None:
        return None
    count = 0
    stack: list[tuple[yaml.Node, int]] = [(root, 1)]
    while stack:
        node, level = stack.pop()
        count += 1
        if isinstance(node, yaml.ScalarNode):
            continue
        if level > MAX_DEPTH:
            return _too_deep(file, node)
        if isinstance(node, yaml.SequenceNode):
            stack.extend((c, level + 1) for c in node.value)
        else:
            for key, value in node.value:
                stack.append((key, level + 1))
                stack.append((value, level + 1))
        if count + len(stack) > MAX_VALUES:
            line, column = _mark(node)
            return Problem(
                _("The file holds more than {limit} values once its aliases (*name) are expanded.").format(limit=MAX_VALUES),
                file=file, line=line, column=column, hint=_("Write the values out instead of repeating aliases."),
                code="yaml.too-big")
    return None


_PLAIN_TAGS = {yaml.ScalarNode: "tag:yaml.org,2002:str", yaml.SequenceNode: "tag:yaml.org,2002:seq",
               yaml.MappingNode: "tag:yaml.org,2002:map"}

if getattr(yaml, "__with_libyaml__", False):
    class _FastComposer(yaml.CSafeLoader):
        """libyaml's composer without PyYAML's tag guessing (a regex per scalar, in Python): ``_construct``
        reads every scalar as text and never looks at tags."""

        def resolve(self, kind, value, implicit):  # noqa: D102
            return _PLAIN_TAGS[kind]


def _compose_fast(text: str) -> yaml.Node | None:
    """Nodes composed by libyaml (about 10x faster) when available; None to use the pure-Python composer,
    which also gives the error messages for files libyaml refuses."""
    if not getattr(yaml, "__with_libyaml__", False):
        return None
    try:
        node = yaml.compose(text, Loader=_FastComposer)
    except yaml.YAMLError as exc:
        if "maximum nesting depth" in str(getattr(exc, "problem", "")):
            raise RecursionError from None  # the pure-Python composer would take seconds to say the same
        return None
    # libyaml marks plain scalars with style '' where PyYAML uses None: ``_construct`` reads both as plain.
    return node


def _mark(node: yaml.Node) -> tuple[int, int]:
    return (node.start_mark.line + 1, node.start_mark.column + 1)


def _construct(node: yaml.Node, path: tuple, positions: Positions, problems: Problems, file: Path) -> Any:
    positions.values[path] = _mark(node)
    if isinstance(node, yaml.ScalarNode):
        value = node.value
        if not node.style and value in _NULLS:  # plain (None from PyYAML, '' from libyaml), not quoted
            return None
        text = to_nfc(value)
        encoding = legacy_encoding(text)
        if encoding:
            line, column = _mark(node)
            problems.add(Problem(
                _("This text looks like a legacy Vietnamese encoding ({encoding}), not Unicode.").format(encoding=encoding),
                file=file, line=line, column=column, field=format_path(path) or None,
                found=text[:40], expected=_("Unicode text"), hint=legacy_hint(encoding), code="text.legacy-encoding",
            ))
        return text
    if isinstance(node, yaml.SequenceNode):
        return [_construct(child, path + (i,), positions, problems, file) for i, child in enumerate(node.value)]
    if isinstance(node, yaml.MappingNode):
        result: dict = {}
        first_seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                line, column = _mark(key_node)
                problems.add(Problem(_("A key must be a simple word, not a list or a mapping."),
                                     file=file, line=line, column=column, field=format_path(path) or None, code="yaml.complex-key"))
                continue
            key = to_nfc(key_node.value)
            if key == "<<":
                line, column = _mark(key_node)
                problems.add(Problem(_("Merge keys (<<) are not supported; write the values out."),
                                     file=file, line=line, column=column, field=format_path(path) or None, code="yaml.merge-key"))
                continue
            line, column = _mark(key_node)
            if key in result:
                problems.add(Problem(
                    _("The key '{key}' appears twice in the same block (first on line {first}).").format(key=key, first=first_seen[key]),
                    file=file, line=line, column=column, field=format_path(path + (key,)),
                    hint=_("Keep one of them: with two, one would be silently ignored."), code="yaml.duplicate-key",
                ))
                continue
            first_seen[key] = line
            positions.keys[path + (key,)] = (line, column)
            result[key] = _construct(value_node, path + (key,), positions, problems, file)
        return result
    return None  # pragma: no cover


def _yaml_error_problem(exc: yaml.MarkedYAMLError, text: str, file: Path) -> Problem:
    from .yamlerrors import yaml_error_problem

    return yaml_error_problem(exc, text, file)


def load_yaml_file(path: Path, problems: Problems) -> Loaded | None:
    text = read_text(path, problems)
    if text is None:
        return None
    return parse_yaml(text, path, problems)


# --- validation against a pydantic model -----------------------------------------------------------


def validate_model(model: type[M], loaded: Loaded, problems: Problems, *, context: dict | None = None) -> M | None:
    """Validate plain data against a pydantic model; every error becomes a Problem with its position.

    Unknown keys become warnings (models use ``extra="allow"``) so a typo is seen, not fatal.
    """
    from pydantic import ValidationError

    try:
        obj = model.model_validate(loaded.data, context=context)
    except ValidationError as exc:
        for err in exc.errors(include_url=False):
            problems.add(_pydantic_problem(err, loaded.positions))
        return None
    _warn_unknown_keys(obj, (), loaded.positions, problems)
    return obj


def _warn_unknown_keys(obj: Any, path: tuple, positions: Positions, problems: Problems) -> None:
    from pydantic import BaseModel

    if isinstance(obj, BaseModel):
        extra = obj.__pydantic_extra__ or {}
        for key in extra:
            line, column = positions.key_of(path + (key,))
            known = ", ".join(sorted(type(obj).model_fields))
            problems.add(Problem(
                _("Unknown key '{key}'; it is ignored.").format(key=key),
                file=positions.file, line=line, column=column, field=format_path(path + (key,)),
                expected=known, hint=_("Check the spelling; the keys allowed here are listed above."),
                severity=Severity.WARNING, code="schema.unknown-key",
            ))
        for name in type(obj).model_fields:
            _warn_unknown_keys(getattr(obj, name), path + (name,), positions, problems)
    elif isinstance(obj, (list, tuple)):
        for i, item in enumerate(obj):
            _warn_unknown_keys(item, path + (i,), positions, problems)
    elif isinstance(obj, dict):
        for key, item in obj.items():
            _warn_unknown_keys(item, path + (key,), positions, problems)


def _describe(value: Any) -> str:
    if value is None:
        return _("nothing (empty)")
    if isinstance(value, dict):
        return _("a mapping (key: value)")
    if isinstance(value, list):
        return _("a list")
    text = str(value)
    return repr(text if len(text) <= 60 else text[:57] + "...")


_EXPECTED = {
    "missing": None,
    "string_type": N_("text"),
    "int_parsing": N_("a whole number"),
    "int_type": N_("a whole number"),
    "float_parsing": N_("a number"),
    "float_type": N_("a number"),
    "bool_parsing": N_("true or false"),
    "bool_type": N_("true or false"),
    "list_type": N_("a list"),
    "dict_type": N_("a mapping (key: value)"),
    "model_type": N_("a mapping (key: value)"),
    "date_from_datetime_parsing": N_("a date like 2026-11-30"),
    "datetime_parsing": N_("a date like 2026-11-30"),
    "datetime_from_date_parsing": N_("a date like 2026-11-30"),
    "date_parsing": N_("a date like 2026-11-30"),
    "date_type": N_("a date like 2026-11-30"),
    "time_parsing": N_("a time like 06:30"),
    "greater_than_equal": None,
    "less_than_equal": None,
}


def _pydantic_problem(err: dict, positions: Positions) -> Problem:
    loc = tuple(p for p in err["loc"] if not (isinstance(p, str) and (p.startswith("function-") or "[" in p)))
    kind = err["type"]
    line, column = positions.of(loc)
    field_name = format_path(loc) or None
    found = None if kind == "missing" else _describe(err.get("input"))
    ctx = err.get("ctx") or {}
    if kind == "missing":
        line, column = positions.of(loc[:-1])
        return Problem(
            _("Required field '{name}' is missing.").format(name=loc[-1] if loc else "?"),
            file=positions.file, line=line, column=column, field=field_name,
            hint=_("Add '{name}:' with a value.").format(name=loc[-1] if loc else "?"), code="schema.missing",
        )
    if kind in ("literal_error", "enum"):
        allowed = re.findall(r"'([^']*)'", str(ctx.get("expected", "")))
        return Problem(
            _("Value not allowed."), file=positions.file, line=line, column=column, field=field_name,
            found=found, expected=", ".join(allowed) or None,
            hint=_("Write one of the allowed values (the Vietnamese words, e.g. 'khẩn cấp' for khan-cap, are accepted too)."),
            code="schema.choice",
        )
    if kind.startswith("date") and re.match(r"^\d{4}-\d{1,2}-\d{1,2}$", str(err.get("input", "")).strip()):
        return Problem(
            _("This date does not exist in the calendar."), file=positions.file, line=line, column=column,
            field=field_name, found=found, expected=_("a real date like 2026-11-30 (year-month-day)"),
            hint=_("Check the day and the month (e.g. February has 28 or 29 days)."), code="schema.date",
        )
    if kind == "value_error" or kind == "assertion_error":
        message = str(ctx.get("error") or err.get("msg", ""))
        return Problem(message, file=positions.file, line=line, column=column, field=field_name,
                       found=found, code="schema.value")
    expected = _EXPECTED.get(kind)
    if expected:
        return Problem(
            _("Wrong type of value."), file=positions.file, line=line, column=column, field=field_name,
            found=found, expected=_(expected), code="schema.type",
        )
    if kind in ("greater_than_equal", "greater_than", "less_than_equal", "less_than"):
        bound = next(iter(ctx.values()), "?")
        words = {"greater_than_equal": _("at least {n}"), "greater_than": _("more than {n}"),
                 "less_than_equal": _("at most {n}"), "less_than": _("less than {n}")}[kind]
        return Problem(_("Value out of range."), file=positions.file, line=line, column=column, field=field_name,
                       found=found, expected=words.format(n=bound), code="schema.range")
    if kind in ("string_too_short", "too_short"):
        return Problem(_("The value is empty or too short."), file=positions.file, line=line, column=column,
                       field=field_name, found=found, code="schema.too-short")
    if kind == "string_pattern_mismatch":
        return Problem(_("The value does not have the expected form."), file=positions.file, line=line, column=column,
                       field=field_name, found=found, expected=str(ctx.get("pattern", "")), code="schema.pattern")
    if kind in ("string_too_long", "too_long"):
        return Problem(_("The value is too long."), file=positions.file, line=line, column=column,
                       field=field_name, found=found, code="schema.too-long")
    if kind == "int_from_float":
        return Problem(_("Wrong type of value."), file=positions.file, line=line, column=column, field=field_name,
                       found=found, expected=_("a whole number"), code="schema.type")
    # pydantic's own sentence is English: say it plainly instead and keep the kind for --format json.
    return Problem(_("This value cannot be used here."), file=positions.file, line=line, column=column,
                   field=field_name, found=found, code=f"schema.{kind}")
