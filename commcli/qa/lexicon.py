"""The workspace's Vietnamese lexicon: its own Vietnamese texts and glossary, the shipped word pairs, and the
names (villages, commune, province, codes and declared proper names) allowed as written in any language."""

from __future__ import annotations

from ..errors import CommcliError
from .vietnamese import Lexicon

CACHE_KEY = "qa-lexicon"


def glossary_allowed(glossary) -> list[str]:
    """Abbreviations (BHYT) and terms declared as kept loanwords or proper names, in Vietnamese and as kept."""
    out: list[str] = []
    for entry in glossary.entries:
        out += [a.abbr for a in entry.abbreviations]
        for tr in entry.translations.values():
            if tr.kept:
                out += [tr.term, entry.vi]
    return out


def glossary_lexicon(glossary, extra_vietnamese=()) -> Lexicon:
    texts = [e.vi for e in glossary.entries] + [e.note for e in glossary.entries if e.note]
    texts += [a.spoken for e in glossary.entries for a in e.abbreviations]
    return Lexicon.from_texts([*texts, *extra_vietnamese], glossary_allowed(glossary))


def place_names(ws) -> list[str]:
    commune = getattr(ws, "commune", None)
    if commune is None:
        return []
    names = [commune.commune, commune.province]
    for village in commune.villages:
        names.append(village.name)
    out = []
    for name in names:
        if not name:
            continue
        out.append(name)
        for prefix in ("Bản ", "Xã ", "Thôn ", "Tỉnh ", "Bản", "Xã"):
            if name.startswith(prefix) and name[len(prefix):].strip():
                out.append(name[len(prefix):].strip())
    return out


def workspace_lexicon(ws, glossary=None, units=None) -> Lexicon:
    """Cached per workspace: the glossary's Vietnamese, every Vietnamese text of the content units and of the
    bulletin templates, the shipped pairs; the commune's place names and the glossary's kept names allowed."""
    cached = ws.cache.get(CACHE_KEY)
    if cached is not None:
        return cached
    if glossary is None:
        from ..glossary.load import load_glossary

        glossary, _problems = load_glossary(ws)
    texts: list[str] = []
    for unit in units or []:
        texts.append(unit.vi.text)
    try:
        from ..bulletins.templates import load_templates

        for tmpl in load_templates(ws).values():
            vi = tmpl.texts.get("vi")
            if vi is not None:
                texts.append(vi.source)
    except CommcliError:  # invalid templates are reported by their own check
        pass
    lexicon = glossary_lexicon(glossary, texts).with_allowed(place_names(ws))
    ws.cache[CACHE_KEY] = lexicon
    return lexicon
