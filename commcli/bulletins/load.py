"""Load a bulletin file with positions, check its references, and resolve every item's final texts."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from .. import langs
from ..errors import InputError, Problem, Problems, Severity
from ..i18n import _
from ..yamlload import Loaded, read_text
from .model import Bulletin, Item, parse_week, week_monday
from .templates import RenderedText, _first_content_line, glossary_term_lookup, load_templates, render_template_text

FOLDER = "bulletins"
_WEEK_FILE = re.compile(r"^\d{4}-W\d{2}$")


@dataclass
class LoadedBulletin:
    """A bulletin model with the file it came from and where each value was written."""

    path: Path
    bulletin: Bulletin
    loaded: Loaded
    source_text: str = ""

    def where(self, index: int, *fields) -> tuple[int | None, int | None]:
        return self.loaded.positions.of(("items", index, *fields))

    def problem(self, message: str, index: int | None, *fields, **kwargs) -> Problem:
        if index is None:
            line, column = self.loaded.positions.of(tuple(fields))
            field_name = ".".join(str(f) for f in fields) or None
        else:
            line, column = self.where(index, *fields)
            field_name = f"items[{index}]" + "".join(f".{f}" if isinstance(f, str) else f"[{f}]" for f in fields)
        return Problem(message, file=self.path, line=line, column=column, field=field_name, **kwargs)


@dataclass
class ResolvedItem:
    """An item with its final text per language (templates rendered)."""

    index: int
    item: Item
    texts: dict[str, RenderedText] = field(default_factory=dict)
    line: int | None = None
    expired: bool = False


@dataclass
class ResolvedBulletin:
    source: LoadedBulletin
    items: list[ResolvedItem]

    @property
    def week(self) -> str:
        return self.source.bulletin.week

    @property
    def path(self) -> Path:
        return self.source.path


def bulletin_files(ws) -> list[Path]:
    """bulletins/<week>.yaml files, oldest week first."""
    base = ws.root / FOLDER
    if not base.is_dir():
        return []
    files = [p for p in base.iterdir() if p.is_file() and p.suffix in (".yaml", ".yml") and not p.name.startswith(".")]
    return sorted(files, key=lambda p: p.stem)


def load_bulletin(path: Path, problems: Problems) -> LoadedBulletin | None:
    from ..workspace import load_yaml_model

    model, loaded = load_yaml_model(path, Bulletin, problems)
    if model is None or loaded is None:
        return None
    lb = LoadedBulletin(path=path, bulletin=model, loaded=loaded, source_text=read_text(path, Problems()) or "")
    if _WEEK_FILE.match(path.stem) and path.stem != model.week:
        problems.add(lb.problem(
            _("The file is named for week {name} but says week: {week}.").format(name=path.stem, week=model.week),
            None, "week", hint=_("Rename the file or correct 'week:'."), severity=Severity.WARNING, code="bulletin.week-name"))
    return lb


def text_for(texts: dict, tag: str):
    """The text an item has for a village language: exact tag, then script/orthography variants, then the base."""
    for candidate in _candidates(tag):
        if candidate in texts:
            return texts[candidate]
    return None


def _candidates(tag: str) -> list[str]:
    try:
        from ..glossary.load import candidate_tags

        return list(candidate_tags(tag))
    except ImportError:  # pragma: no cover - the glossary capability is part of the package
        pass
    variants = {"blt": ["blt-Latn", "blt-Tavt"], "hmn": ["hmn-x-chv", "hmn-x-rpa"]}
    if tag in variants:
        return [tag, *variants[tag]]
    base = langs.base_of(tag)
    return [tag] if base == tag else [tag, base]


def check_references(ws, lb: LoadedBulletin) -> list[Problem]:
    """Villages, slots and templates that exist; ids unique; expired items; languages villages need."""
    commune = ws.commune
    found: list[Problem] = []
    if commune is None:
        return found
    templates = load_templates(ws)
    village_ids = [v.id for v in commune.villages]
    slot_ids = [s.id for s in commune.slots]
    monday = week_monday(lb.bulletin.week)
    seen: dict[str, int] = {}
    for i, item in enumerate(lb.bulletin.items):
        if item.id in seen:
            found.append(lb.problem(_("The item id '{id}' is used twice (first at line {line}).").format(
                id=item.id, line=lb.where(seen[item.id], "id")[0]), i, "id", hint=_("Give every item its own id."),
                code="bulletin.duplicate-id"))
        seen.setdefault(item.id, i)
        for j, vid in enumerate(item.villages or []):
            if vid not in village_ids:
                found.append(lb.problem(_("Item '{id}' targets the village '{village}', which is not in commune.yaml.").format(
                    id=item.id, village=vid), i, "villages", j, found=vid, expected=", ".join(village_ids),
                    hint=_("Use a village id from commune.yaml, or leave 'villages:' out to reach every village."),
                    code="bulletin.unknown-village"))
        for j, sid in enumerate(item.slots or []):
            if sid not in slot_ids:
                found.append(lb.problem(_("Item '{id}' airs in the slot '{slot}', which is not in commune.yaml.").format(
                    id=item.id, slot=sid), i, "slots", j, found=sid, expected=", ".join(slot_ids),
                    hint=_("Use a slot id from commune.yaml, or leave 'slots:' out to air in every slot."),
                    code="bulletin.unknown-slot"))
        if item.template and item.template not in templates:
            found.append(lb.problem(_("Item '{id}' uses the template '{template}', which does not exist.").format(
                id=item.id, template=item.template), i, "template", found=item.template,
                expected=", ".join(sorted(templates)) or _("(no templates)"),
                hint=_("Templates are the files in templates/bulletins/; write the file name without .yaml."),
                code="bulletin.unknown-template"))
        if item.valid_until is not None and item.valid_until < monday:
            found.append(lb.problem(_("Item '{id}' expired on {date}, before week {week} starts; it will not air.").format(
                id=item.id, date=item.valid_until.isoformat(), week=lb.bulletin.week), i, "valid_until",
                hint=_("Delete the item or move 'valid_until:' later."), severity=Severity.WARNING, code="bulletin.expired"))
        if item.text:
            for tag in item.text:
                if tag not in commune.languages and not any(langs.matches(tag, c) for c in commune.languages):
                    found.append(lb.problem(_("Item '{id}' has a text in '{tag}', which no village of the commune speaks.").format(
                        id=item.id, tag=tag), i, "text", tag, severity=Severity.WARNING, code="bulletin.unused-language"))
        available = set(item.text or {})
        if item.template and item.template in templates:
            available = set(templates[item.template].texts)
        if available:
            lacking: dict[str, list[str]] = {}
            for vid in (item.villages or village_ids):
                village = commune.village(vid)
                if village is None:
                    continue
                for tag in village.languages:
                    if not any(c in available for c in _candidates(tag)):
                        lacking.setdefault(tag, []).append(village.name)
            for tag, names in lacking.items():
                found.append(lb.problem(
                    _("Item '{id}' has no {lang} text; {villages} will hear it only in their other languages.").format(
                        id=item.id, lang=tag, villages=", ".join(names)),
                    i, "template" if item.template else "text",
                    hint=_("Add a '{lang}:' text (a draft is fine) for the item or its template.").format(lang=tag),
                    severity=Severity.WARNING, code="bulletin.missing-language", languages=(tag,)))
    return found


def resolve(ws, lb: LoadedBulletin, problems: Problems) -> ResolvedBulletin:
    """Every item's final text per language: inline texts as written, templates rendered with the item's data."""
    templates = load_templates(ws)
    lookup = glossary_term_lookup(ws)
    monday = week_monday(lb.bulletin.week)
    items: list[ResolvedItem] = []
    for i, item in enumerate(lb.bulletin.items):
        resolved = ResolvedItem(index=i, item=item, line=lb.where(i)[0],
                                expired=item.valid_until is not None and item.valid_until < monday)
        if item.text:
            for tag, lt in item.text.items():
                line, _col = lb.where(i, "text", tag)
                raw = lb.loaded.data["items"][i]["text"][tag]
                if isinstance(raw, dict):
                    line, _col = lb.where(i, "text", tag, "text")
                    _c = lb.where(i, "text", tag, "text")[1]
                else:
                    _c = lb.where(i, "text", tag)[1]
                line = _first_content_line(lb.source_text.splitlines(), line or 1, _c or 1)
                status = lt.status
                reviewer = lt.reviewer
                if tag == "vi" and isinstance(raw, str):
                    status, reviewer = item.status, item.approved_by  # the item's approval is the Vietnamese text's
                resolved.texts[tag] = RenderedText(lang=tag, text=lt.text.strip(), status=status, reviewer=reviewer,
                                                   file=lb.path, line=line, keep=tuple(lt.keep))
        elif item.template in templates:
            tmpl = templates[item.template]
            line = lb.where(i, "template")[0]
            hint = _("Item '{id}' ({file}:{line}) uses this template; give the missing value under its 'data:'.").format(
                id=item.id, file=ws.relative(lb.path), line=line)
            for tag in tmpl.texts:
                data = _localized_data(ws, lb, i, item, tmpl, tag, problems)
                if data is None:
                    continue
                rendered = render_template_text(tmpl, tag, data, lookup, problems, item_hint=hint)
                if rendered is not None:
                    if tag == "vi":
                        rendered = replace(rendered, status=item.status, reviewer=item.approved_by)
                    else:
                        rendered = replace(rendered, keep=_kept_values(tmpl, tag, data),
                                           vi_source=_vi_without(tmpl, tag, item, lookup))
                    resolved.texts[tag] = rendered
        items.append(resolved)
    return ResolvedBulletin(source=lb, items=items)


def _localized_data(ws, lb: LoadedBulletin, index: int, item: Item, tmpl, tag: str, problems: Problems) -> dict | None:
    """The item's data for one language: per-language values (``{vi: …, hmn-x-rpa: …}``) resolved; None (a
    warning on the item's data) when a value this language's text inserts is not given in it."""
    from .templates import value_for

    from .templates import field_kind

    out = {}
    text = tmpl.texts.get(tag)
    for key, value in item.data.items():
        found, chosen = value_for(value, tag)
        if tag != "vi" and not isinstance(value, dict) and field_kind(tmpl, key) == "per-language":
            found = False  # a single value of a per-language field is the Vietnamese one
        if not found:
            if text is not None and key in text.uses:
                problems.add(lb.problem(
                    _("Item '{id}' gives '{field}' in no {lang}; its {lang} text is left out.").format(
                        id=item.id, field=key, lang=tag), index, "data", key, severity=Severity.WARNING,
                    hint=_("Write the value per language: {field}: {{vi: …, {lang}: …}}.").format(field=key, lang=tag),
                    languages=(tag,), code="bulletin.value-language-missing"))
                return None
            continue
        if tag != "vi" and isinstance(value, dict) and isinstance(chosen, str) and isinstance(value.get("vi"), str) \
                and " ".join(chosen.split()).casefold() == " ".join(value["vi"].split()).casefold():
            problems.add(lb.problem(
                _("Item '{id}': the {lang} value of '{field}' is the Vietnamese copied, not a translation.").format(
                    id=item.id, lang=tag, field=key), index, "data", key, _given_tag(value, tag), found=chosen,
                languages=(tag,),
                hint=_("Write it in {lang}, or leave the {lang} value out until someone can (the text is then "
                       "reported as missing).").format(lang=tag),
                code="bulletin.value-not-a-translation"))
        out[key] = chosen
    return out


def _given_tag(value: dict, tag: str) -> str:
    return next((t for t in _candidates(tag) if t in value), tag)


def _kept_values(tmpl, tag: str, data: dict) -> tuple[str, ...]:
    """Values of proper-name fields: written as in Vietnamese in every language, so not untranslated text."""
    from .templates import field_kind

    text = tmpl.texts.get(tag)
    kept = [str(data[k]) for k in (text.uses if text else ()) if k in data and field_kind(tmpl, k) == "proper-name"]
    return tuple(text.keep if text else ()) + tuple(kept)


def _vi_without(tmpl, tag: str, item: Item, lookup) -> str | None:
    """The Vietnamese text rendered without the fields the ``tag`` text leaves out, or None when it uses all."""
    from .templates import value_for

    vi, text = tmpl.texts.get("vi"), tmpl.texts.get(tag)
    if vi is None or text is None:
        return None
    left_out = [k for k in vi.uses if k not in text.uses]
    if not left_out:
        return None
    data = {k: value_for(v, "vi")[1] for k, v in item.data.items()}
    data.update({k: "" for k in left_out})
    rendered = render_template_text(tmpl, "vi", data, lookup, Problems())
    return rendered.text if rendered is not None else None


def load_and_resolve(ws, path: Path) -> tuple[ResolvedBulletin | None, Problems]:
    """Load, check and resolve a bulletin; every problem found (errors and warnings) is returned."""
    problems = Problems()
    lb = load_bulletin(path, problems)
    if lb is None:
        return None, problems
    load_templates(ws, problems)
    problems.extend(check_references(ws, lb))
    resolved = resolve(ws, lb, problems)
    return resolved, problems


def open_bulletin(ws, path: Path) -> tuple[ResolvedBulletin, list[Problem]]:
    """A resolved bulletin, or InputError with every error; returns the warnings with it."""
    from ..workspace import require_valid

    require_valid(ws)
    path = Path(path)
    if not path.is_absolute():
        # Relative to the current folder when working inside the workspace, else to the workspace.
        cwd = Path.cwd().resolve()
        root = ws.root.resolve()
        path = (cwd / path) if (cwd == root or root in cwd.parents) and (cwd / path).exists() else ws.root / path
    resolved, problems = load_and_resolve(ws, path)
    if resolved is None or problems.has_errors:
        raise InputError(problems.errors or [Problem(_("The bulletin could not be loaded."), file=path)])
    return resolved, problems.warnings


def is_week_file(path: Path) -> bool:
    if not _WEEK_FILE.match(path.stem):
        return False
    try:
        parse_week(path.stem)
    except ValueError:
        return False
    return True


def today() -> dt.date:  # one place for "now", so tests can fix it
    return dt.date.today()
