"""Find and load the form definitions in templates/forms/*.yaml, keeping each value's position."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError, Problem, Problems
from ..i18n import _
from ..workspace import Workspace, load_yaml_model
from ..yamlload import Positions
from .model import FormDefinition

FOLDER = "templates/forms"
CACHE_KEY = "forms"


@dataclass
class LoadedForm:
    """A form definition file: the model (None when invalid) and where its values are written."""

    path: Path
    form: FormDefinition | None
    positions: Positions | None

    @property
    def id(self) -> str:
        return self.form.id if self.form else self.path.stem

    def position(self, path: tuple) -> tuple[int | None, int | None]:
        return self.positions.of(path) if self.positions else (None, None)

    def field_path(self, field_id: str) -> tuple:
        """The YAML path of a field (sections[i].fields[j], place_date.date…) for error positions."""
        return self.form.field_paths().get(field_id, ()) if self.form else ()


def form_files(ws: Workspace) -> list[Path]:
    folder = ws.root / FOLDER
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())


def load_forms(ws: Workspace) -> tuple[list[LoadedForm], list[Problem]]:
    """Every form definition of the workspace (cached in ``ws.cache``) and the problems found loading them."""
    cached = ws.cache.get(CACHE_KEY)
    if cached is not None:
        return cached
    problems = Problems()
    forms: list[LoadedForm] = []
    seen: dict[str, Path] = {}
    for path in form_files(ws):
        item, found = load_one(ws, path)
        problems.extend(found)
        model = item.form
        if model is not None:
            if model.id in seen:
                problems.add(Problem(
                    _("The form id '{id}' is also used by {other}.").format(id=model.id, other=seen[model.id].name),
                    file=path, line=item.position(("id",))[0], field="id", code="schema.form-duplicate"))
            seen.setdefault(model.id, path)
        forms.append(item)
    result = (forms, list(problems))
    ws.cache[CACHE_KEY] = result
    return result


def list_forms(ws: Workspace) -> list[LoadedForm]:
    """The workspace's forms, valid or not (``.form`` is None for an invalid one)."""
    return load_forms(ws)[0]


def load_one(ws: Workspace, path: Path) -> tuple[LoadedForm, list[Problem]]:
    problems = Problems()
    model, loaded = load_yaml_model(path, FormDefinition, problems)
    item = LoadedForm(path=path, form=model, positions=loaded.positions if loaded else None)
    if model is not None and model.id != path.stem:
        line, column = item.position(("id",))
        problems.add(Problem(
            _("The form id '{id}' differs from its file name '{name}'.").format(id=model.id, name=path.name),
            file=path, line=line, column=column, field="id", expected=path.stem,
            hint=_("Name the file <id>.yaml so that 'commcli form render <id>' finds it."), code="schema.form-id"))
    return item, list(problems)


def get_form(ws: Workspace, form_id: str) -> LoadedForm:
    """The form ``form_id``; InputError (with file:line) when it does not exist or its file is invalid."""
    direct = ws.root / FOLDER / f"{form_id}.yaml"
    if CACHE_KEY not in ws.cache and "/" not in form_id and "\\" not in form_id and direct.is_file():
        # Only the form asked for: a batch should not wait for every other form to load.
        forms, problems = load_one(ws, direct)
        forms = [forms]
    else:
        forms, problems = load_forms(ws)
    match = next((f for f in forms if f.id == form_id or f.path.stem == form_id), None)
    if match is None:
        raise InputError(Problem(
            _("There is no form '{id}'.").format(id=form_id),
            expected=", ".join(f.id for f in forms) or _("(no forms in templates/forms/)"),
            hint=_("'commcli form list' shows the forms; a new form is a YAML file in templates/forms/."),
            code="usage.form-unknown"))
    own = [p for p in problems if p.file == match.path and p.is_error]
    if match.form is None or own:
        raise InputError(own or [Problem(_("The form definition could not be loaded."), file=match.path)])
    return match
