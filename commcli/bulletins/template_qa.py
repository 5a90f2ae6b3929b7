"""A template's own consistency, checked once on the template (never blamed on the items that use it): each
language uses the fields the Vietnamese uses (or says it omits them), inserts no Vietnamese free text, and is
a real translation."""

from __future__ import annotations

from ..errors import Problem, Severity
from ..i18n import _
from ..qa.texts import mark_problems, vietnamese_problems
from .templates import LoadedTemplate, field_declared, field_kind


def check_template(tmpl: LoadedTemplate, lexicon) -> list[Problem]:
    problems: list[Problem] = []
    vi = tmpl.texts.get("vi")
    for lang, tt in tmpl.texts.items():
        where = dict(file=tmpl.path, line=tt.first_line)
        what = _("template '{name}'").format(name=tmpl.name)
        problems += mark_problems(tt.source, file=tmpl.path, line=tt.first_line, what=what)
        if lang == "vi" or vi is None:
            continue
        for name in tt.omits:
            if name not in vi.uses:
                problems.append(Problem(
                    _("Template '{name}' ({lang}) omits '{field}', which the Vietnamese text does not use.").format(
                        name=tmpl.name, lang=lang, field=name), **where, field=f"text.{lang}.omits",
                    severity=Severity.WARNING, languages=(lang,), code="template.omits-unknown"))
        for name in vi.uses:
            if name in tt.uses or name in tt.omits:
                continue
            problems.append(Problem(
                _("Template '{name}': the {lang} text leaves out '{field}', which the Vietnamese text gives.").format(
                    name=tmpl.name, lang=lang, field=name), **where, field=f"text.{lang}", found=name,
                languages=(lang,),
                hint=_("Insert {{{{ {field} }}}} in the {lang} text, or write 'omits: [{field}]' under it if this "
                       "language leaves it out on purpose.").format(field=name, lang=lang),
                code="template.field-dropped"))
        for name in tt.uses:
            if field_kind(tmpl, name) == "text":
                # declared free text: an error; undeclared (guessed as free text): a note for the reviewer
                severity = Severity.ERROR if field_declared(tmpl, name) else Severity.WARNING
                problems.append(Problem(
                    _("Template '{name}': the {lang} text inserts '{field}', a Vietnamese free text, into a {lang} "
                      "sentence.").format(name=tmpl.name, lang=lang, field=name),
                    **where, field=f"text.{lang}", found=name, languages=(lang,),
                    hint=_("Declare the field under 'fields:' as 'kind: per-language' (items then give it per "
                           "language) or 'kind: proper-name' (a name kept as is), or leave it out of this text "
                           "('omits: [{field}]').").format(field=name),
                    severity=severity, code="template.vietnamese-value"))
        problems += vietnamese_problems(tt.source, lang, lexicon, source=vi.source, file=tmpl.path,
                                        line=tt.first_line, what=what, keep=tt.keep, code="template")
    return problems
