"""Bilingual printable forms: definitions as data, validated data, one Typst compile per batch.

The API other modules use::

    from commcli.forms import list_forms, render_forms, check_workspace, content_units
    render_forms(ws, "khai-sinh", "hmn", data=Path("data/khai-sinh.csv"), output=Path("out/ks.pdf"))
"""

from __future__ import annotations

from .load import LoadedForm, get_form, list_forms, load_forms
from .model import FIELD_TYPES, Choice, FormDefinition, FormField, Section
from .render import RenderResult, render_forms


def _label_refs(loaded: LoadedForm):
    """(glossary key, YAML path, ident) of every label a form prints."""
    form = loaded.form
    if form.title:
        yield form.title, ("title",), f"{form.id}/title"
    for i, section in enumerate(form.sections):
        if section.title:
            yield section.title, ("sections", i, "title"), f"{form.id}/section-{i + 1}"
        for j, f in enumerate(section.fields):
            yield f.label, ("sections", i, "fields", j, "label"), f"{form.id}/{f.id}"
            for k, c in enumerate(f.choices):
                if c.label:
                    yield c.label, ("sections", i, "fields", j, "choices", k, "label"), f"{form.id}/{f.id}/{c.value}"
    if form.declaration:
        yield form.declaration, ("declaration",), f"{form.id}/declaration"
    yield form.signer, ("signer",), f"{form.id}/signer"


def _form_languages(ws) -> list[str]:
    """The commune's languages as forms print them: blt in both scripts."""
    out: list[str] = []
    for tag in ws.languages():
        if tag == "vi":
            continue
        out += ["blt-Latn", "blt-Tavt"] if tag == "blt" else [tag]
    return out


def check_workspace(ws) -> list:
    """Form definitions valid, their layout files present, glossary keys known, translations present
    for the commune's languages (missing → warning: that label prints in Vietnamese only)."""
    from ..errors import Problem, Severity
    from ..glossary import load_glossary
    from ..i18n import _
    from .layout import KEY_IN_WORDS, KEY_RECIPIENT, KEY_SIGN_HINT
    from .load import FOLDER

    forms, problems = load_forms(ws)
    problems = list(problems)
    glossary, _gl_problems = load_glossary(ws)  # the glossary reports its own problems
    languages = _form_languages(ws) if ws.commune else []
    reported_fixed: set[tuple[str, str]] = set()
    for loaded in forms:
        if loaded.form is None:
            continue
        form = loaded.form
        layout = ws.root / FOLDER / form.layout
        if not layout.is_file():
            line, column = loaded.position(("layout",))
            problems.append(Problem(_("The layout file '{name}' does not exist.").format(name=form.layout),
                                    file=loaded.path, line=line, column=column, field="layout", code="path.missing"))
        refs = list(_label_refs(loaded))
        fixed = [KEY_SIGN_HINT] + ([KEY_RECIPIENT] if form.recipient else []) + \
            ([KEY_IN_WORDS] if any(f.in_words for f in form.all_fields()) else [])
        for key, path, ident in refs + [(k, ("signer",), k) for k in fixed]:
            line, column = loaded.position(path)
            entry = glossary.get(key)
            if entry is None:
                if key in fixed:
                    continue  # fixed phrases fall back to Vietnamese text
                problems.append(Problem(
                    _("The glossary has no entry '{key}' ({ident}).").format(key=key, ident=ident),
                    file=loaded.path, line=line, column=column, found=key,
                    hint=_("Add the entry to glossary/bieu-mau.yaml, or correct the key."), code="form.label-unknown"))
                continue
            for lang in languages:
                if glossary.term(key, lang) is None:
                    if key in fixed:
                        if (key, lang) in reported_fixed:
                            continue
                        reported_fixed.add((key, lang))
                    problems.append(Problem(
                        _("'{vi}' ({ident}) has no {lang} translation; it prints in Vietnamese only.").format(
                            vi=entry.vi, ident=ident, lang=lang),
                        file=loaded.path, line=line, column=column, severity=Severity.WARNING,
                        hint=_("Add a '{lang}' translation to '{key}' in the glossary.").format(lang=lang, key=key),
                        code="form.translation-missing", languages=(lang,)))
    return problems


def content_units(ws) -> list:
    """Each label a form prints: its Vietnamese text and each translation, for the glossary QA."""
    from ..content import ContentUnit, Located
    from ..glossary import load_glossary

    forms, _problems = load_forms(ws)
    glossary, _gl = load_glossary(ws)
    units: list[ContentUnit] = []
    for loaded in forms:
        if loaded.form is None:
            continue
        for key, path, ident in _label_refs(loaded):
            entry = glossary.get(key)
            if entry is None:
                continue
            line, column = loaded.position(path)
            translations = {tag: Located(tr.term, tr.file, tr.line) for tag, tr in entry.translations.items()}
            units.append(ContentUnit(kind="form-label", ident=ident,
                                     vi=Located(entry.vi, loaded.path, line, column), translations=translations))
    return units


__all__ = [
    "FIELD_TYPES",
    "Choice",
    "FormDefinition",
    "FormField",
    "LoadedForm",
    "RenderResult",
    "Section",
    "check_workspace",
    "content_units",
    "get_form",
    "list_forms",
    "load_forms",
    "render_forms",
]
