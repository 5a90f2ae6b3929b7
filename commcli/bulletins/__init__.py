"""Weekly radio bulletins: items, templates, running orders, announcer scripts and the release gate.

Public API::

    from commcli.bulletins import check_workspace, content_units
    from commcli.bulletins.plan import programmes, load_programmes   # for audio
    from commcli.bulletins.build import build_bulletin
    from commcli.bulletins.new import new_week
"""

from __future__ import annotations

from ..errors import Problem, Problems


def check_workspace(ws) -> list[Problem]:
    """Every bulletin and template problem: schema, unknown villages/slots/templates, missing languages,
    template errors, expired items (warnings), with file:line."""
    from .load import bulletin_files, load_and_resolve
    from .templates import load_templates

    from ..qa.lexicon import workspace_lexicon
    from .template_qa import check_template

    problems = Problems()
    templates = load_templates(ws, problems)
    template_problems = len(problems)
    for path in bulletin_files(ws):
        _resolved, found = load_and_resolve(ws, path)
        # load_and_resolve repeats the templates' own problems for each file: keep them once.
        problems.extend(found.items[template_problems:])
    if templates:
        lexicon = workspace_lexicon(ws)
        for tmpl in templates.values():
            problems.extend(check_template(tmpl, lexicon))
    return list(problems)


def _located(resolved, ri, rt):
    """Where a text's problems are reported: its own line for a written text; for a template's text, the
    item's 'data:' (the template's own problems are reported on the template, once)."""
    from ..content import Located

    if rt.template is None:
        return Located(rt.text, rt.file, rt.line, keep=rt.keep)
    line = resolved.source.where(ri.index, "data")[0] or ri.line
    return Located(rt.text, resolved.path, line, keep=rt.keep)


def content_units(ws):
    """Each item's Vietnamese text and its translations, with file:line, for the glossary QA."""
    from ..content import ContentUnit, Located
    from .load import bulletin_files, load_and_resolve

    units = []
    for path in bulletin_files(ws):
        resolved, _problems = load_and_resolve(ws, path)
        if resolved is None:
            continue
        for ri in resolved.items:
            vi = ri.texts.get("vi")
            if vi is None:
                continue
            units.append(ContentUnit(
                kind="bulletin-item",
                ident=f"{resolved.week}/{ri.item.id}",
                vi=Located(vi.text, vi.file, vi.line),
                translations={tag: _located(resolved, ri, rt) for tag, rt in ri.texts.items() if tag != "vi"},
                sources={tag: Located(rt.vi_source, vi.file, vi.line) for tag, rt in ri.texts.items()
                         if tag != "vi" and rt.vi_source is not None},
                facts=tuple(ri.item.facts),
                from_template=ri.item.template,
            ))
    return units


__all__ = ["check_workspace", "content_units"]
