"""Terminology QA: the glossary's own consistency, and content (bulletin items, form labels) against it."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from typing import Iterable

from .. import langs
from ..content import ContentUnit
from ..errors import CommcliError, Problem, Severity
from ..i18n import _
from .load import Glossary, candidate_tags, load_glossary, translation_for
from .match import lower_same_length
from .model import CHECKED, Entry, Translation


def _key(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


# --- the glossary itself -----------------------------------------------------------------------------


def check_glossary(glossary: Glossary, languages: Iterable[str] = (), lexicon=None) -> list[Problem]:
    """Duplicate ids, one Vietnamese term under two ids, conflicting translations, forbidden = admitted,
    translations that are Vietnamese (not declared as kept), impossible marks, and translations missing for
    the languages the commune uses."""
    problems: list[Problem] = []
    problems.extend(check_not_vietnamese(glossary, lexicon))
    first_by_id: dict[str, Entry] = {}
    first_by_vi: dict[str, Entry] = {}
    for entry in glossary.entries:
        first = first_by_id.get(entry.id)
        if first is not None:
            problems.append(Problem(
                _("The id '{id}' is used twice (first in {file}:{line}).").format(
                    id=entry.id, file=_name(first.file), line=first.line),
                file=entry.file, line=entry.line, field="id", found=entry.id,
                hint=_("Ids must be unique across the whole glossary: rename one of them."),
                code="glossary.duplicate-id"))
            continue
        first_by_id[entry.id] = entry
        other = first_by_vi.get(_key(entry.vi))
        if other is not None:
            problems.append(Problem(
                _("The Vietnamese term '{vi}' is already the entry '{other}' ({file}:{line}).").format(
                    vi=entry.vi, other=other.id, file=_name(other.file), line=other.line),
                file=entry.file, line=entry.line, field="vi", found=entry.vi,
                hint=_("Keep one entry per term: merge the two, or make the terms distinct."),
                code="glossary.duplicate-term"))
        else:
            first_by_vi[_key(entry.vi)] = entry
        problems.extend(_check_forbidden(entry))

    problems.extend(_check_conflicts(list(first_by_id.values())))

    wanted = [lang for lang in dict.fromkeys(languages) if lang != "vi" and langs.base_of(lang) != "vi"]
    for entry in first_by_id.values():
        missing = [lang for lang in wanted if translation_for(entry, lang) is None]
        if missing:
            problems.append(Problem(
                _("'{vi}' has no translation for {langs}, which the commune uses.").format(
                    vi=entry.vi, langs=", ".join(missing)),
                file=entry.file, line=entry.line, field="translations", severity=Severity.WARNING,
                hint=_("Add a draft translation and have it reviewed by a native speaker."),
                code="glossary.missing-translation", languages=tuple(missing)))
    return problems


def check_not_vietnamese(glossary: Glossary, lexicon=None) -> list[Problem]:
    """A translation (or alternative) that is the Vietnamese term copied or mostly Vietnamese words, unless
    declared ``kept: loanword|proper-name``; letters with two tone marks anywhere."""
    from ..qa.lexicon import glossary_lexicon
    from ..qa.texts import mark_problems
    from ..qa.vietnamese import judge

    from ..qa.vietnamese import Lexicon, words

    lexicon = lexicon or glossary_lexicon(glossary)
    # A name kept in one language is not thereby allowed in another: only abbreviations are allowed here.
    abbreviations = {" ".join(words(a.abbr)) for e in glossary.entries for a in e.abbreviations if words(a.abbr)}
    lexicon = Lexicon(lexicon.bigrams, lexicon.syllables, abbreviations)
    problems: list[Problem] = []
    for entry in glossary.entries:
        problems.extend(mark_problems(entry.vi, file=entry.file, line=entry.line, what=entry.id))
        for tag, tr in entry.translations.items():
            for value in tr.variants():
                problems.extend(mark_problems(value, file=tr.file, line=tr.line, what=f"{entry.id} ({tag})"))
            if tr.kept:
                continue
            for value in tr.variants():
                verdict = judge(value, lexicon, tag, source=entry.vi)
                if not verdict.not_a_translation:
                    continue
                reason = (_("it is the Vietnamese term copied") if verdict.copy else
                          _("{n} of its {total} words are Vietnamese").format(n=verdict.vietnamese, total=verdict.total))
                problems.append(Problem(
                    _("'{term}' is not a {lang} translation of '{vi}': {reason}.").format(
                        term=value, lang=tag, vi=entry.vi, reason=reason),
                    file=tr.file, line=tr.line, field=f"translations.{tag}.term", found=value, languages=(tag,),
                    hint=_("Remove it (the term is then reported as missing, not faked), or, if the Vietnamese word is "
                           "used as is on purpose, write 'kept: loanword' or 'kept: proper-name' under it."),
                    code="glossary.not-a-translation"))
    return problems


def _check_forbidden(entry: Entry) -> list[Problem]:
    problems = []
    for tag, tr in entry.translations.items():
        admitted = {_key(v): v for v in tr.variants()}
        for bad in tr.forbidden:
            if _key(bad) in admitted:
                problems.append(Problem(
                    _("'{variant}' is both forbidden and admitted for '{vi}' in {lang}.").format(
                        variant=bad, vi=entry.vi, lang=tag),
                    file=tr.file, line=tr.line, field=f"translations.{tag}.forbidden", found=bad,
                    hint=_("Remove it from 'forbidden', or from the term/alternatives."),
                    code="glossary.forbidden-admitted"))
    return problems


def _check_conflicts(entries: list[Entry]) -> list[Problem]:
    """Two concepts translated by the same word: listeners could not tell them apart."""
    problems = []
    seen: dict[tuple[str, str], Entry] = {}
    for entry in entries:
        for tag, tr in entry.translations.items():
            key = (tag, _key(tr.term))
            other = seen.get(key)
            if other is None:
                seen[key] = entry
                continue
            if _key(other.vi) == _key(entry.vi):
                continue  # reported as a duplicate term
            other_tr = other.translations[tag]
            problems.append(Problem(
                _("'{vi}' and '{other_vi}' ({file}:{line}) have the same {lang} translation '{term}'.").format(
                    vi=entry.vi, other_vi=other.vi, file=_name(other_tr.file), line=other_tr.line,
                    lang=tag, term=tr.term),
                file=tr.file, line=tr.line, field=f"translations.{tag}.term", found=tr.term,
                severity=Severity.WARNING,
                hint=_("If they are different concepts, ask the reviewer for distinct terms."),
                code="glossary.conflicting-translation"))
    return problems


def _name(path) -> str:
    if path is None:
        return "?"
    parts = getattr(path, "parts", ())
    return "/".join(parts[-2:]) if len(parts) >= 2 else str(path)


# --- content against the glossary ----------------------------------------------------------------------


_DIGITS = re.compile(r"\d+")


def numbers_in(text: str) -> Counter:
    """The multiset of digit runs in a text, as numbers ("1.500.000 đồng, ngày 04/12" → 1, 500, 0, 4, 12).

    Like pofilter's ``numbers`` check, but leading zeros do not count: "4/12" and "04/12" are one date.
    """
    out: Counter = Counter()
    for run in _DIGITS.findall(text):
        out[str(int("".join(str(unicodedata.digit(c)) for c in run)))] += 1
    return out


def _contains(haystack: str, needle: str) -> bool:
    needle = lower_same_length(" ".join(needle.split()))
    return bool(needle) and needle in haystack


def _blank_out(haystack: str, needles: Iterable[str]) -> str:
    for needle in needles:
        needle = lower_same_length(" ".join(needle.split()))
        if needle:
            haystack = haystack.replace(needle, " " * len(needle))
    return haystack


def _admitted(entry: Entry, lang: str) -> tuple[Translation | None, list[str], list[str]]:
    """The translation to expect in ``lang``, every admitted wording, and every forbidden one."""
    tr = translation_for(entry, lang)
    if tr is None:
        return None, [], []
    admitted: list[str] = []
    forbidden: list[str] = []
    tags = candidate_tags(lang) if lang == langs.base_of(lang) else [lang]
    for tag in tags:
        other = entry.translations.get(tag)
        if other is not None:
            admitted.extend(other.variants())
            forbidden.extend(other.forbidden)
    if tr not in [entry.translations.get(t) for t in tags]:
        admitted.extend(tr.variants())
        forbidden.extend(tr.forbidden)
    return tr, admitted, forbidden


def _too_common(entry: Entry, matched: str) -> bool:
    """A one-syllable Vietnamese word ("không", "có", "xã") is too common in running text to be a term
    there; abbreviations (BHYT) always count."""
    if len(matched.split()) > 1:
        return False
    return not any(matched.casefold() == ab.abbr.casefold() for ab in entry.abbreviations)


def check_units(glossary: Glossary, units: Iterable[ContentUnit], lexicon=None) -> list[Problem]:
    """For each unit and language: a real translation (not the Vietnamese copied), glossary terms translated
    as the glossary says, no forbidden variant, every number and every fact (glossary entries marked
    ``fact``, the item's ``facts``) of the Vietnamese kept, no impossible combining marks."""
    from ..qa.lexicon import glossary_lexicon
    from ..qa.texts import mark_problems, vietnamese_problems

    units = list(units)
    if lexicon is None:
        lexicon = glossary_lexicon(glossary, [u.vi.text for u in units])
    problems: list[Problem] = []
    for unit in units:
        matches_by_source: dict[str, list] = {}
        own_text = unit.kind != "form-label"  # form labels are glossary terms: the glossary check owns them
        if own_text and not unit.from_template:
            problems.extend(mark_problems(unit.vi.text, file=unit.vi.file, line=unit.vi.line, what=unit.ident))
        for lang, located in unit.translations.items():
            if lang == "vi" or not located.text.strip():
                continue
            source = unit.sources.get(lang, unit.vi)
            if source.text not in matches_by_source:
                matches_by_source[source.text] = glossary.find_term_matches(source.text)
            matches = matches_by_source[source.text]
            vi_numbers = numbers_in(source.text)
            where = dict(file=located.file, line=located.line, column=located.column)
            if own_text and not unit.from_template:  # a template's own text is checked on the template
                problems.extend(mark_problems(located.text, file=located.file, line=located.line, what=unit.ident))
                problems.extend(vietnamese_problems(located.text, lang, lexicon, source=source.text,
                                                    file=located.file, line=located.line, what=unit.ident,
                                                    keep=located.keep))
            text = " ".join(lower_same_length(located.text).split())
            done: set[str] = set()
            for _start, _end, entry, matched in matches:
                if entry.id in done or (_too_common(entry, matched) and not entry.fact):
                    continue
                done.add(entry.id)
                tr, admitted, forbidden = _admitted(entry, lang)
                abbreviations = [ab.abbr for ab in entry.abbreviations]
                if tr is None:
                    if entry.fact and not any(_contains(text, v) for v in [entry.vi, *abbreviations]):
                        problems.append(_fact_missing(unit, lang, entry.vi, where, located.text, hint=_(
                            "Add its {lang} term to the glossary ({file}:{line}) and use it, or name it as in "
                            "Vietnamese.").format(lang=lang, file=_name(entry.file), line=entry.line)))
                    continue  # otherwise reported once by the glossary check (missing translation)
                if not any(_contains(text, v) for v in admitted + abbreviations):
                    if entry.fact:
                        problems.append(_fact_missing(unit, lang, entry.vi, where, located.text,
                                                      expected=" | ".join(dict.fromkeys(admitted)), hint=_(
                            "Name it with the glossary's term ({file}:{line}).").format(
                                file=_name(tr.file), line=tr.line)))
                        continue
                    problems.append(Problem(
                        _("'{vi}' is not translated with the glossary term in {lang} ({ident}).").format(
                            vi=entry.vi, lang=lang, ident=unit.ident),
                        **where, found=_snippet(located.text),
                        expected=" | ".join(dict.fromkeys(admitted)),
                        severity=Severity.ERROR if tr.status in CHECKED else Severity.WARNING,
                        hint=_("Use the glossary's term, or add this wording as an alternative in {file}:{line}.").format(
                            file=_name(tr.file), line=tr.line),
                        code="glossary.term-not-used"))
                rest = _blank_out(text, admitted)
                for bad in dict.fromkeys(forbidden):
                    if _contains(rest, bad):
                        problems.append(Problem(
                            _("The {lang} text uses '{variant}', a forbidden variant for '{vi}' ({ident}).").format(
                                lang=lang, variant=bad, vi=entry.vi, ident=unit.ident),
                            **where, found=bad, expected=tr.term,
                            hint=_("Replace it with '{term}' (glossary {file}:{line}).").format(
                                term=tr.term, file=_name(tr.file), line=tr.line),
                            code="glossary.forbidden-used"))
            for fact in unit.facts:
                if not _contains(text, fact):
                    problems.append(_fact_missing(unit, lang, fact, where, located.text, hint=_(
                        "Write '{fact}' in the {lang} text exactly as in the item's 'facts:'.").format(fact=fact, lang=lang)))
            target_numbers = numbers_in(located.text)
            missing = vi_numbers - target_numbers
            extra = target_numbers - vi_numbers
            if missing:
                problems.append(Problem(
                    _("Numbers of the Vietnamese text are missing from the {lang} text ({ident}): {numbers}.").format(
                        lang=lang, ident=unit.ident, numbers=", ".join(sorted(missing.elements()))),
                    **where, found=_snippet(located.text), expected=", ".join(sorted(vi_numbers.elements())),
                    hint=_("Dates, times, amounts, percentages and phone numbers must be kept exactly as in Vietnamese."),
                    code="content.numbers-missing"))
            if extra:
                problems.append(Problem(
                    _("The {lang} text has numbers the Vietnamese text does not have ({ident}): {numbers}.").format(
                        lang=lang, ident=unit.ident, numbers=", ".join(sorted(extra.elements()))),
                    **where, found=_snippet(located.text), severity=Severity.WARNING,
                    hint=_("Check that no number was changed while translating."),
                    code="content.numbers-extra"))
    return problems


def _fact_missing(unit: ContentUnit, lang: str, fact: str, where: dict, text: str, *, hint: str,
                  expected: str | None = None) -> Problem:
    return Problem(
        _("The {lang} text leaves out '{fact}', which the Vietnamese text names ({ident}).").format(
            lang=lang, fact=fact, ident=unit.ident),
        **where, found=_snippet(text), expected=expected or fact, hint=hint, languages=(lang,),
        code="content.fact-missing")


def _snippet(text: str, width: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


# --- the whole workspace ------------------------------------------------------------------------------


def content_units(ws) -> list[ContentUnit]:
    """Units from bulletins and forms, when those capabilities are installed."""
    import importlib

    units: list[ContentUnit] = []
    for name in ("commcli.bulletins", "commcli.forms"):
        try:
            module = importlib.import_module(name)
            gather = getattr(module, "content_units")
        except (ImportError, AttributeError):
            continue  # that capability is not installed (yet)
        units.extend(gather(ws))
    return units


def check_workspace(ws) -> list[Problem]:
    """Everything the glossary checks in a workspace: its files, then content against it."""
    glossary, problems = load_glossary(ws)
    problems = list(problems)
    try:
        units = content_units(ws)
    except CommcliError:  # their files are invalid: their own check reports it; nothing to compare here
        units = []
    from ..qa.lexicon import workspace_lexicon

    lexicon = workspace_lexicon(ws, glossary, units)
    problems.extend(check_glossary(glossary, ws.languages() if getattr(ws, "commune", None) else (), lexicon=lexicon))
    problems.extend(check_units(glossary, units, lexicon))
    return problems
