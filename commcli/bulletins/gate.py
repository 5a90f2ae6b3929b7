"""The release gate: everything that stops a bulletin from being released, each with its file:line."""

from __future__ import annotations

from ..errors import Problem, Severity
from ..i18n import _
from .load import ResolvedBulletin


def blockers(ws, resolved: ResolvedBulletin) -> list[Problem]:
    """Every reason the week cannot be released; empty when it can.

    Items not approved; minority-language texts not approved; minority-language texts of items whose
    Vietnamese text uses a glossary term still not approved in that language; glossary check errors.
    """
    return _unique(review_blockers(ws, resolved) + _glossary_errors(ws))


def review_blockers(ws, resolved: ResolvedBulletin) -> list[Problem]:
    """The week's own review points (items, texts, the glossary terms they use); the glossary's errors are not here."""
    lb = resolved.source
    found: list[Problem] = []
    gl = _glossary(ws)
    for ri in resolved.items:
        if ri.expired:
            continue
        item = ri.item
        i = ri.index
        if item.status != "approved":
            found.append(lb.problem(_("Item '{id}' is not approved (status: {status}).").format(id=item.id, status=_(item.status)),
                                    i, "status", hint=_("Have it approved, then write status: approved, approved_by and approved_on."),
                                    code="gate.item-not-approved"))
        vi = ri.texts.get("vi")
        for tag, rt in ri.texts.items():
            if tag == "vi":
                continue
            if rt.status != "approved":
                found.append(Problem(
                    _("The {lang} text of item '{id}' is not approved (status: {status}); a native speaker must review it.").format(
                        lang=tag, id=item.id, status=_(rt.status)),
                    file=rt.file, line=rt.line, code="gate.text-not-approved",
                    hint=_("After review write status: approved with reviewer and date for this text.")))
            if gl is None:
                continue
            terms = set(rt.terms)
            if vi is not None:
                terms.update(e.id for e in gl.find_terms(vi.text))
            for entry_id in sorted(terms):
                tr = gl.term(entry_id, tag)
                if tr is None or tr.status != "approved":
                    file, line = gl.position(entry_id, tag)
                    found.append(Problem(
                        _("Item '{id}' ({lang}) uses the glossary term '{term}', whose {lang} translation is {state}.").format(
                            id=item.id, lang=tag, term=gl.vi(entry_id) or entry_id,
                            state=(_(tr.status) if tr is not None else _("missing"))),
                        file=file, line=line, code="gate.term-not-approved",
                        hint=_("Have the term reviewed by a native speaker and approved in the glossary ({where}).").format(
                            where=f"{ws.relative(rt.file)}:{rt.line}" if rt.file else item.id)))
    return _unique(found)


def _glossary(ws):
    try:
        from ..glossary import load_glossary
    except ImportError:
        return None
    gl, _problems = load_glossary(ws)
    return gl


def _glossary_errors(ws) -> list[Problem]:
    try:
        from .. import glossary
    except ImportError:
        return []
    check = getattr(glossary, "check_workspace", None)
    if check is None:
        return []
    try:
        problems = check(ws)
    except ImportError:  # the glossary QA not built yet
        return []
    return [p for p in problems if p.severity is Severity.ERROR]


def _unique(problems: list[Problem]) -> list[Problem]:
    seen = set()
    out = []
    for p in problems:
        key = (p.message, str(p.file), p.line)
        if key not in seen:
            seen.add(key)
            out.append(p)
    return out
