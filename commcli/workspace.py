"""Find a workspace (a folder with commune.yaml, searched upward like git) and load its files."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import InputError, Problem, Problems
from .i18n import _
from .model.commune import Commune
from .yamlload import Loaded, Positions, load_yaml_file, validate_model

MARKER = "commune.yaml"
FOLDERS = ("glossary", "templates", "bulletins", "recordings", "data")
OUT = "out"


def find_root(start: Path | None = None) -> Path:
    """The workspace folder containing ``start`` (default: the current folder)."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / MARKER).is_file():
            return folder
    raise InputError(Problem(
        _("No workspace found: no commune.yaml in {folder} or any folder above it.").format(folder=here),
        hint=_("Go to your workspace folder, give it with --workspace DIR, or create one with 'commcli init DIR'."),
        code="workspace.not-found",
    ))


@dataclass
class Workspace:
    """A loaded workspace. Capabilities load their own files through it and cache them here."""

    root: Path
    commune: Commune | None
    commune_positions: Positions | None
    problems: Problems = field(default_factory=Problems)
    cache: dict[str, Any] = field(default_factory=dict)

    @property
    def out_dir(self) -> Path:
        return self.root / OUT

    def path(self, *parts: str) -> Path:
        return self.root.joinpath(*parts)

    def relative(self, path: Path) -> str:
        try:
            return str(Path(path).resolve().relative_to(self.root.resolve()))
        except ValueError:
            return str(path)

    def inside(self, relative: str | Path, *, what: str, file: Path | None = None, line: int | None = None) -> Path:
        """Resolve a path written in content; refuse anything outside the workspace."""
        candidate = (self.root / relative).resolve()
        root = self.root.resolve()
        if candidate != root and root not in candidate.parents:
            raise InputError(Problem(
                _("The path '{path}' for {what} is outside the workspace.").format(path=relative, what=what),
                file=file, line=line, expected=_("a path inside {root}").format(root=root),
                hint=_("Copy the file into the workspace and name it relative to the workspace folder."),
                code="path.outside",
            ))
        return candidate

    def languages(self) -> list[str]:
        return list(self.commune.languages) if self.commune else []

    def yaml_files(self, folder: str) -> list[Path]:
        base = self.root / folder
        if not base.is_dir():
            return []
        root = self.root.resolve()
        return sorted(p for p in base.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file()
                      and _leads_inside(p, root))


def load_yaml_model(path: Path, model: type, problems: Problems, *, context: dict | None = None):
    """Load one YAML file into ``model``; returns (model or None, Loaded or None)."""
    loaded: Loaded | None = load_yaml_file(path, problems)
    if loaded is None:
        return None, None
    if not isinstance(loaded.data, dict):
        problems.add(Problem(
            _("The file must be a mapping of keys and values at the top level."),
            file=path, line=1, column=1, code="schema.top-level",
        ))
        return None, loaded
    return validate_model(model, loaded, problems, context=context), loaded


def open_workspace(root: Path | None = None) -> Workspace:
    """Find and load the workspace. commune.yaml problems stay in ``ws.problems``.

    Raises InputError only when there is no workspace at all.
    """
    root = find_root(root)
    problems = Problems()
    commune, loaded = load_yaml_model(root / MARKER, Commune, problems)
    if commune is not None:
        problems.extend(duplicate_ids(commune, loaded.positions if loaded else None, root / MARKER))
    problems.extend(twin_files(root))
    problems.extend(links_out(root))
    ws = Workspace(root=root, commune=commune, commune_positions=loaded.positions if loaded else None, problems=problems)
    return ws


def duplicate_ids(commune: Commune, positions: Positions | None, file: Path) -> list[Problem]:
    """Two villages (or two slots) with one id: file names and playlists would collide."""
    found: list[Problem] = []
    for kind, items in (("villages", commune.villages), ("slots", commune.slots)):
        seen: dict[str, int] = {}
        for i, item in enumerate(items):
            if item.id in seen:
                line, column = positions.of((kind, i, "id")) if positions else (None, None)
                found.append(Problem(
                    _("The id '{id}' is used twice (first at item {first}).").format(id=item.id, first=seen[item.id] + 1),
                    file=file, line=line, column=column, field=f"{kind}[{i}].id",
                    hint=_("Give every village and slot its own id."), code="commune.duplicate-id",
                ))
            seen.setdefault(item.id, i)
    return found


def _leads_inside(path: Path, root: Path) -> bool:
    target = path.resolve()
    return target == root or root in target.parents


def links_out(root: Path) -> list[Problem]:
    """Symbolic links in the content folders that lead out of the workspace: not read, reported."""
    found: list[Problem] = []
    base_root = root.resolve()
    for folder in FOLDERS:
        base = root / folder
        if not base.exists():
            continue
        candidates = [base] if base.is_symlink() else [p for p in base.rglob("*") if p.is_symlink()]
        for path in sorted(candidates):
            if not _leads_inside(path, base_root):
                found.append(Problem(
                    _("{path} is a symbolic link that leads out of the workspace; commcli does not follow it.").format(
                        path=path.relative_to(root)),
                    file=path, hint=_("Replace the link by a copy of the file."), code="path.link"))
    return found


def twin_files(root: Path) -> list[Problem]:
    """``x.yaml`` beside ``x.yml``: both would define the template, form or week ``x``; which one wins?"""
    found: list[Problem] = []
    for folder in ("glossary", "templates", "bulletins"):
        base = root / folder
        if not base.is_dir() or base.is_symlink():
            continue
        for path in sorted(base.rglob("*.yml")):
            twin = path.with_suffix(".yaml")
            if twin.is_file():
                found.append(Problem(
                    _("{file} and {twin} define the same '{name}'; only one may exist.").format(
                        file=path.relative_to(root), twin=twin.relative_to(root), name=path.stem),
                    file=path, hint=_("Merge them into one file and delete the other."), code="workspace.twin-files"))
    return found


def require_valid(ws: Workspace) -> Commune:
    """The commune model, or InputError with every problem commune.yaml has."""
    if ws.commune is None or ws.problems.has_errors:
        raise InputError(ws.problems.errors or [Problem(_("commune.yaml could not be loaded."), file=ws.root / MARKER)])
    return ws.commune
