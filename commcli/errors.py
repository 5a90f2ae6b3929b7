"""Problems a user can cause, as values: where (file:line:col, field), what, why, and what to do."""

from __future__ import annotations

import enum
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Iterable, Iterator

# Exit codes, one meaning each (see README "Exit codes").
EXIT_OK = 0
EXIT_CONTENT = 1  # the content has problems the user must fix; a gate refused
EXIT_INPUT = 2  # invalid input or usage


class Severity(str, enum.Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True)
class Problem:
    """One finding about the user's content or input.

    ``message`` is already translated to the UI language. ``found`` must never hold
    personal data (ID numbers): callers describe the value instead.
    """

    message: str
    file: Path | None = None
    line: int | None = None  # 1-based
    column: int | None = None  # 1-based
    field: str | None = None  # dotted path, e.g. "villages[2].languages[0]"
    found: str | None = None
    expected: str | None = None
    hint: str | None = None
    severity: Severity = Severity.ERROR
    code: str = "error"  # stable machine-readable identifier, e.g. "yaml.duplicate-key"
    excerpt: str | None = None  # the source line at ``line``, shown with a caret under ``column``
    languages: tuple[str, ...] = ()  # the languages (BCP 47) the problem is about, for the per-language to-do

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def location(self, root: Path | None = None) -> str:
        """``file:line:col`` with the file relative to ``root`` where possible."""
        if self.file is None:
            return ""
        shown = str(self.file)
        if root is not None:
            try:
                shown = str(Path(self.file).resolve().relative_to(root.resolve()))
            except ValueError:
                pass
        if self.line is not None:
            shown += f":{self.line}"
            if self.column is not None:
                shown += f":{self.column}"
        return shown

    def at(self, file: Path | None = None, line: int | None = None, column: int | None = None) -> "Problem":
        return replace(self, file=file or self.file, line=line or self.line, column=column or self.column)

    def to_json(self, root: Path | None = None) -> dict:
        data = asdict(self)
        data["severity"] = self.severity.value
        data["file"] = None
        if self.file is not None:
            data["file"] = self.location(root).split(":")[0] if root else str(self.file)
        return data


@dataclass
class Problems:
    """An ordered collection of problems, gathered before anything is reported."""

    items: list[Problem] = field(default_factory=list)

    def add(self, problem: Problem) -> None:
        self.items.append(problem)

    def extend(self, problems: Iterable[Problem]) -> None:
        self.items.extend(problems)

    def __iter__(self) -> Iterator[Problem]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def __bool__(self) -> bool:
        return bool(self.items)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.items if p.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.items if p.severity is Severity.WARNING]

    @property
    def has_errors(self) -> bool:
        return any(p.severity is Severity.ERROR for p in self.items)


# Problems whose code starts with one of these are invalid input (the file cannot be read as meant).
INPUT_CODE_PREFIXES = ("yaml.", "file.", "schema.", "text.", "path.", "usage.")


def exit_code_for(problems: Iterable[Problem]) -> int:
    """0 when no errors; 2 when an error is invalid input (unparseable, wrong type…); else 1."""
    errors = [p for p in problems if p.severity is Severity.ERROR]
    if not errors:
        return EXIT_OK
    if any(p.code.startswith(INPUT_CODE_PREFIXES) for p in errors):
        return EXIT_INPUT
    return EXIT_CONTENT


class CommcliError(Exception):
    """Raised to stop an operation; carries every problem found and the exit code to use.

    The core raises it only after collecting all it could; the CLI renders it.
    """

    exit_code = EXIT_INPUT

    def __init__(self, problems: Iterable[Problem] | Problem, exit_code: int | None = None):
        if isinstance(problems, Problem):
            problems = [problems]
        self.problems = list(problems)
        if exit_code is not None:
            self.exit_code = exit_code
        super().__init__("; ".join(p.message for p in self.problems))


class InputError(CommcliError):
    """Invalid input or usage: exit 2."""

    exit_code = EXIT_INPUT


class ContentError(CommcliError):
    """The content has problems the user must fix, or a gate refused: exit 1."""

    exit_code = EXIT_CONTENT
