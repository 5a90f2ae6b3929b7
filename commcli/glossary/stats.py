"""Glossary coverage per language and domain, and counts by review status: what a district office asks for."""

from __future__ import annotations

from .. import langs
from .load import Glossary, translation_for
from .model import STATUSES


def stats_languages(glossary: Glossary, commune_languages: list[str] | None = None) -> list[str]:
    """The commune's languages (minus vi) then every other tag the glossary uses, in registry order."""
    wanted = [lang for lang in commune_languages or [] if lang != "vi"]
    used = {tag for e in glossary.entries for tag in e.translations}
    extra = [t for t in langs.LANGUAGES if t in used and t not in wanted]
    return list(dict.fromkeys([*wanted, *extra]))


def _block(entries, lang: str) -> dict:
    counts = {status: 0 for status in STATUSES}
    for entry in entries:
        tr = translation_for(entry, lang)
        if tr is not None:
            counts[tr.status] += 1
    translated = sum(counts.values())
    total = len(entries)
    return {"translated": translated, "missing": total - translated, **counts,
            "coverage": round(100.0 * translated / total, 1) if total else 0.0}


def glossary_stats(glossary: Glossary, commune_languages: list[str] | None = None) -> dict:
    """Numbers as plain data (for JSON): totals, per language, per domain × language."""
    languages = stats_languages(glossary, commune_languages)
    by_domain: dict[str, list] = {}
    for entry in glossary.entries:
        by_domain.setdefault(entry.domain, []).append(entry)
    names = {f.model.domain: f.model.name for f in glossary.files if f.model is not None}
    return {
        "entries": len(glossary.entries),
        "abbreviations": sum(len(e.abbreviations) for e in glossary.entries),
        "languages": {lang: _block(glossary.entries, lang) for lang in languages},
        "domains": {
            domain: {"name": names.get(domain, domain), "entries": len(entries), "languages": {lang: _block(entries, lang) for lang in languages}}
            for domain, entries in sorted(by_domain.items())
        },
    }


def format_stats(data: dict) -> str:
    """A plain-text table, one row per domain and a total row, per language: translated/total and statuses."""
    from ..i18n import _

    languages = list(data["languages"])
    lines = [_("{entries} entries, {abbreviations} abbreviations.").format(
        entries=data["entries"], abbreviations=data["abbreviations"])]
    if not languages:
        return "\n".join(lines)
    width = max([len(_("Total")), *(len(d) for d in data["domains"])]) + 2
    head = _("Domain").ljust(width) + _("entries").rjust(8) + "".join(lang.rjust(14) for lang in languages)
    lines += ["", head, "-" * len(head)]

    def row(name: str, block: dict) -> str:
        cells = "".join(f"{b['translated']}/{block['entries']} {int(b['coverage'])}%".rjust(14)
                        for b in (block["languages"][lang] for lang in languages))
        return name.ljust(width) + str(block["entries"]).rjust(8) + cells

    for domain, block in data["domains"].items():
        lines.append(row(domain, block) + f"  {block.get('name', '')}")
    lines.append(row(_("Total"), {"entries": data["entries"], "languages": data["languages"]}))
    lines += ["", _("By status (draft / reviewed / approved / missing):")]
    for lang in languages:
        b = data["languages"][lang]
        lines.append(f"  {lang:<10} {b['draft']:>5} / {b['reviewed']:>5} / {b['approved']:>5} / {b['missing']:>5}")
    return "\n".join(lines)
