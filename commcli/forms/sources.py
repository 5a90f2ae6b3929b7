"""The per-field source table of templates/forms/SOURCES.md, generated from the form definitions (pure)."""

from __future__ import annotations

from .model import FormDefinition

BEGIN = "<!-- BEGIN generated field tables: make golden regenerates them from templates/forms/*.yaml -->"
END = "<!-- END generated field tables -->"


def field_table(form: FormDefinition, glossary) -> str:
    """One form's instrument and, per field in print order, its number, label and status."""
    src = form.source
    confirmed = sum(1 for f in _fields(form) if f.source == "confirmed")
    total = len(_fields(form))
    lines = [f"### {form.id} — {form.title_vi or form.title}", "",
             f"- Instrument: {src.instrument}" + (f" ({src.issued})" if src.issued else ""),
             f"- Form: {src.form or '—'}"]
    lines += [f"- Amended by: {a}" for a in src.amended_by]
    lines += [f"- Instrument status: **{src.status.upper()}**" + (f", checked {src.checked}" if src.checked else ""),
              f"- Fields: {confirmed} confirmed, {total - confirmed} unconfirmed (of {total})", "",
              "| # | field id | label (Vietnamese) | status |", "|---|---|---|---|"]
    for f in _fields(form):
        vi = glossary.vi(f.label) if glossary is not None else None
        lines.append(f"| {f.number or ''} | `{f.id}` | {vi or f.label} | {f.source.upper()} |")
    return "\n".join(lines) + "\n"


def _fields(form: FormDefinition):
    out = form.form_fields()
    if form.appendix is not None:
        out = out + [f for f in form.appendix.head + form.appendix.columns]
    return out


def tables(forms: list[FormDefinition], glossary) -> str:
    return BEGIN + "\n\n" + "\n".join(field_table(f, glossary) for f in forms) + "\n" + END


def replace_tables(text: str, generated: str) -> str:
    """SOURCES.md with its generated part replaced (appended when the markers are missing)."""
    if BEGIN in text and END in text:
        return text[:text.index(BEGIN)] + generated + text[text.index(END) + len(END):]
    return text.rstrip("\n") + "\n\n" + generated + "\n"
