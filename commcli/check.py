"""Validate a whole workspace: commune.yaml, then each capability's files and cross-references."""

from __future__ import annotations

import importlib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from . import langs
from .errors import Problem, Severity
from .i18n import N_, _
from .workspace import MARKER, Workspace

# Each capability adds its checks here: (area shown in the summary, module with check_workspace(ws)).
CAPABILITY_CHECKS: tuple[tuple[str, str], ...] = (
    (N_("glossary"), "commcli.glossary"),
    (N_("forms"), "commcli.forms"),
    (N_("bulletins"), "commcli.bulletins"),
    (N_("audio"), "commcli.audio"),
    (N_("recordings"), "commcli.voice"),
)


@dataclass
class AreaResult:
    area: str
    files: int = 0
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> int:
        return sum(1 for p in self.problems if p.severity is Severity.ERROR)

    @property
    def warnings(self) -> int:
        return sum(1 for p in self.problems if p.severity is Severity.WARNING)


@dataclass
class CheckReport:
    root: Path
    areas: list[AreaResult]

    @property
    def problems(self) -> list[Problem]:
        return [p for area in self.areas for p in area.problems]

    @property
    def has_errors(self) -> bool:
        return any(area.errors for area in self.areas)

    def to_json(self) -> dict:
        counts = Counter(p.severity.value for p in self.problems)
        return {
            "workspace": str(self.root),
            "ok": not self.has_errors,
            "errors": counts.get("error", 0),
            "warnings": counts.get("warning", 0),
            "areas": [
                {"area": a.area, "files": a.files, "errors": a.errors, "warnings": a.warnings} for a in self.areas
            ],
            "problems": [p.to_json(self.root) for p in sorted(self.problems, key=_order)],
        }


def _order(p: Problem):
    return (str(p.file or ""), p.line or 0, p.column or 0)


def check_commune(ws: Workspace) -> list[Problem]:
    """Cross-references inside commune.yaml (its schema was checked on load)."""
    commune = ws.commune
    if commune is None:
        return []
    pos = ws.commune_positions
    file = ws.root / MARKER
    found: list[Problem] = []

    def at(path: tuple) -> tuple[int | None, int | None]:
        return pos.of(path) if pos else (None, None)

    # Duplicate village and slot ids are found on load (workspace.duplicate_ids): every command refuses them.

    spoken = set(commune.languages)
    for i, village in enumerate(commune.villages):
        for j, tag in enumerate(village.languages):
            if not any(langs.matches(tag, c) for c in spoken):
                line, column = at(("villages", i, "languages", j))
                found.append(Problem(
                    _("Village '{village}' speaks '{tag}', which is not in the commune's languages.").format(
                        village=village.name, tag=tag),
                    file=file, line=line, column=column, field=f"villages[{i}].languages[{j}]",
                    expected=", ".join(commune.languages),
                    hint=_("Add '{tag}' to 'languages:' at the top of commune.yaml.").format(tag=tag),
                    code="commune.village-language",
                ))
    for tag in commune.languages:
        if not any(any(langs.matches(v_tag, tag) for v_tag in v.languages) for v in commune.villages):
            line, column = at(("languages",))
            found.append(Problem(
                _("No village speaks '{tag}'.").format(tag=tag), file=file, line=line, column=column,
                field="languages", severity=Severity.WARNING, code="commune.unused-language",
            ))
    for key in ("intro", "outro"):
        value = getattr(commune.audio, key)
        if value:
            line, column = at(("audio", key))
            candidate = (ws.root / value).resolve()
            root = ws.root.resolve()
            if root not in candidate.parents:
                found.append(Problem(
                    _("The jingle path '{path}' is outside the workspace.").format(path=value),
                    file=file, line=line, column=column, field=f"audio.{key}",
                    hint=_("Copy the jingle into the workspace (e.g. recordings/jingles/) and name it relative to the workspace."),
                    code="path.outside",
                ))
            elif not candidate.is_file():
                found.append(Problem(
                    _("The jingle file '{path}' does not exist.").format(path=value),
                    file=file, line=line, column=column, field=f"audio.{key}", code="path.missing",
                ))
    for tag in commune.audio.voices:
        if tag not in commune.languages and not any(langs.matches(tag, c) for c in commune.languages):
            line, column = at(("audio", "voices", tag))
            found.append(Problem(
                _("A voice is set for '{tag}', which is not in the commune's languages.").format(tag=tag),
                file=file, line=line, column=column, field=f"audio.voices.{tag}",
                severity=Severity.WARNING, code="commune.voice-language",
            ))
    return found


def run_capability_check(ws: Workspace, module_name: str) -> list[Problem] | None:
    """The capability's findings, or None when that capability is not part of this build."""
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if exc.name and module_name.startswith(exc.name):
            return None
        raise
    check = getattr(module, "check_workspace", None)
    if check is None:
        return None
    return list(check(ws))


def _count_files(ws: Workspace, area: str) -> int:
    folders = {"glossary": ("glossary",), "forms": ("templates/forms",), "bulletins": ("bulletins", "templates/bulletins"),
               "recordings": ("recordings",), "audio": ()}
    total = 0
    for folder in folders.get(area, ()):
        base = ws.root / folder
        if base.is_dir():
            total += sum(1 for p in base.rglob("*") if p.is_file() and not p.name.startswith("."))
    return total


def check_workspace(ws: Workspace) -> CheckReport:
    """Every check on every file; nothing is written."""
    commune_area = AreaResult(area=N_("commune"), files=1, problems=list(ws.problems) + check_commune(ws))
    areas = [commune_area]
    if ws.commune is None:
        return CheckReport(root=ws.root, areas=areas)
    for area, module_name in CAPABILITY_CHECKS:
        found = run_capability_check(ws, module_name)
        if found is None:
            continue
        areas.append(AreaResult(area=area, files=_count_files(ws, area), problems=found))
    return CheckReport(root=ws.root, areas=areas)


def summary_table(report: CheckReport) -> str:
    """A plain-text table: area, files, errors, warnings."""
    headers = (_("Area"), _("Files"), _("Errors"), _("Warnings"))
    rows = [(_(a.area), str(a.files), str(a.errors), str(a.warnings)) for a in report.areas]
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(headers)]

    def line(cells):
        return "  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(cells, widths)))

    out = [line(headers), "  ".join("-" * w for w in widths)]
    out += [line(r) for r in rows]
    return "\n".join(out)
