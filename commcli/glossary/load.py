"""Load ``glossary/*.yaml`` into a :class:`Glossary` whose every entry and translation knows its file:line."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from .. import langs
from ..errors import Problem, Problems, Severity
from ..i18n import _
from ..yamlload import Loaded, Positions, format_path, load_yaml_file, validate_model
from .model import Entry, GlossaryFile, Translation

FOLDER = "glossary"
CACHE_KEY = "glossary"

# For a base tag, the variants tried in order after the tag itself.
_VARIANT_ORDER: dict[str, tuple[str, ...]] = {
    "blt": ("blt-Latn", "blt-Tavt"),
    "hmn": ("hmn-x-chv", "hmn-x-rpa"),
}


def candidate_tags(lang: str) -> list[str]:
    """Tags to try, in order, for a translation into ``lang`` (see glossary_format.md)."""
    base = langs.base_of(lang)
    if lang != base:  # a variant: only itself, then its base
        return [lang, base]
    variants = _VARIANT_ORDER.get(lang)
    if variants is None:
        variants = tuple(t for t in langs.LANGUAGES if t != lang and langs.base_of(t) == lang)
    return [lang, *variants]


@dataclass
class SourceFile:
    """A loaded glossary file: its path, model (None when invalid at the top) and raw data."""

    path: Path
    model: GlossaryFile | None
    loaded: Loaded | None


@dataclass
class Glossary:
    """All glossary entries of a workspace, in file order (files sorted by name)."""

    entries: list[Entry] = field(default_factory=list)
    files: list[SourceFile] = field(default_factory=list)
    _by_id: dict[str, Entry] = field(default_factory=dict, repr=False)
    _matcher: object = field(default=None, repr=False)

    def __post_init__(self):
        self._reindex()

    def _reindex(self) -> None:
        self._by_id = {}
        for entry in self.entries:
            self._by_id.setdefault(entry.id, entry)  # the first wins; qa reports the duplicate
        self._matcher = None

    def __len__(self) -> int:
        return len(self.entries)

    def __iter__(self):
        return iter(self.entries)

    def get(self, entry_id: str) -> Entry | None:
        return self._by_id.get(entry_id)

    def vi(self, entry_id: str) -> str | None:
        entry = self.get(entry_id)
        return entry.vi if entry else None

    def term(self, entry_id: str, lang: str) -> Translation | None:
        """The translation of ``entry_id`` into ``lang``; a base tag falls back to its script variants."""
        entry = self.get(entry_id)
        if entry is None:
            return None
        return translation_for(entry, lang)

    def position(self, entry_id: str, lang: str | None = None) -> tuple[Path | None, int | None]:
        entry = self.get(entry_id)
        if entry is None:
            return (None, None)
        if lang is None:
            return (entry.file, entry.line)
        tr = translation_for(entry, lang)
        if tr is None:
            return (entry.file, entry.line)
        return (tr.file, tr.line)

    def spoken_abbreviations(self) -> dict[str, str]:
        """``{"BHYT": "bảo hiểm y tế"}``: how text-to-speech reads each abbreviation."""
        out: dict[str, str] = {}
        for entry in self.entries:
            for ab in entry.abbreviations:
                out.setdefault(ab.abbr, ab.spoken)
        return out

    def domains(self) -> list[str]:
        seen: dict[str, None] = {}
        for entry in self.entries:
            seen.setdefault(entry.domain, None)
        return list(seen)

    # --- finding terms in running text ----------------------------------------------------------------

    def find_term_matches(self, vi_text: str) -> list[tuple[int, int, Entry, str]]:
        """Non-overlapping ``(start, end, entry, matched)`` for glossary terms in ``vi_text``.

        Case-insensitive, whole words; where terms overlap the longest wins ("bảo hiểm y tế" hides
        "bảo hiểm"). Sorted by position in the text.
        """
        from .match import find_matches

        if self._matcher is None:
            from .match import build_matcher

            self._matcher = build_matcher(self.entries)
        return find_matches(self._matcher, vi_text)

    def find_terms(self, vi_text: str) -> list[Entry]:
        """Entries whose Vietnamese term or an abbreviation occurs in the text, longest match first."""
        matches = sorted(self.find_term_matches(vi_text), key=lambda m: (-(m[1] - m[0]), m[0]))
        out: list[Entry] = []
        for _start, _end, entry, _text in matches:
            if entry not in out:
                out.append(entry)
        return out


def translation_for(entry: Entry, lang: str) -> Translation | None:
    for tag in candidate_tags(lang):
        tr = entry.translations.get(tag)
        if tr is not None:
            return tr
    return None


def _entry_positions(positions: Positions) -> dict[int, Positions]:
    """Each entry's positions (paths below ``entries[i]``), in one pass over the file's positions."""
    out: dict[int, Positions] = {}
    for attr in ("values", "keys"):
        for path, where in getattr(positions, attr).items():
            if len(path) >= 2 and path[0] == "entries" and isinstance(path[1], int):
                sub = out.get(path[1])
                if sub is None:
                    sub = out[path[1]] = Positions(file=positions.file)
                getattr(sub, attr)[path[2:]] = where
    return out


def _prefixed(problem: Problem, prefix: tuple) -> Problem:
    head = format_path(prefix)
    if problem.field:
        joined = head + ("" if problem.field.startswith("[") else ".") + problem.field
    else:
        joined = head
    return replace(problem, field=joined)


def load_file(path: Path, problems: Problems) -> SourceFile:
    """One glossary file. Entries are validated one by one so a bad entry does not hide the others."""
    loaded = load_yaml_file(path, problems)
    if loaded is None:
        return SourceFile(path, None, None)
    data = loaded.data
    if not isinstance(data, dict):
        problems.add(Problem(_("The file must be a mapping of keys and values at the top level."),
                             file=path, line=1, column=1, code="schema.top-level"))
        return SourceFile(path, None, loaded)
    raw_entries = data.get("entries")
    if raw_entries is not None and not isinstance(raw_entries, list):
        line, column = loaded.positions.of(("entries",))
        problems.add(Problem(_("'entries' must be a list of entries (each starting with '- id:')."),
                             file=path, line=line, column=column, field="entries", code="schema.type"))
        raw_entries = None
    header = Loaded(data={k: v for k, v in data.items() if k != "entries"}, positions=loaded.positions)
    model = validate_model(GlossaryFile, header, problems)
    if model is None:
        return SourceFile(path, None, loaded)
    domain = model.domain
    stem = path.stem
    if stem != domain:
        line, column = loaded.positions.of(("domain",))
        problems.add(Problem(
            _("The domain '{domain}' differs from the file name '{name}'.").format(domain=domain, name=path.name),
            file=path, line=line, column=column, field="domain", severity=Severity.WARNING,
            hint=_("Name the file after its domain: {domain}.yaml.").format(domain=domain), code="glossary.domain-name",
        ))
    entries: list[Entry] = []
    positions = _entry_positions(loaded.positions)
    for i, raw in enumerate(raw_entries or []):
        prefix = ("entries", i)
        sub = Loaded(data=raw, positions=positions.get(i) or Positions(file=path))
        line, column = loaded.positions.of(prefix)
        if not isinstance(raw, dict):
            problems.add(Problem(_("An entry must be a mapping starting with 'id:'."), file=path, line=line,
                                 column=column, field=format_path(prefix), code="schema.type"))
            continue
        local = Problems()
        entry = validate_model(Entry, sub, local)
        problems.extend(_prefixed(p, prefix) for p in local)
        if entry is None:
            continue
        entry._domain = domain
        entry._file = path
        entry._line = line
        for tag, tr in entry.translations.items():
            tr._lang = tag
            tr._file = path
            tr._line = loaded.positions.of(prefix + ("translations", tag, "term"))[0]
        entries.append(entry)
    model.entries = entries
    return SourceFile(path, model, loaded)


def glossary_files(root: Path) -> list[Path]:
    base = root / FOLDER
    if not base.is_dir():
        return []
    return sorted(p for p in base.glob("*") if p.suffix in (".yaml", ".yml") and p.is_file())


def load_glossary_dir(root: Path) -> tuple[Glossary, list[Problem]]:
    """The glossary under ``root/glossary`` (no caching)."""
    problems = Problems()
    files = [load_file(path, problems) for path in glossary_files(root)]
    entries = [e for f in files if f.model is not None for e in f.model.entries]
    return Glossary(entries=entries, files=files), list(problems)


def load_glossary(ws, *, reload: bool = False) -> tuple[Glossary, list[Problem]]:
    """The workspace's glossary and the problems found loading it; cached in ``ws.cache["glossary"]``."""
    cached = ws.cache.get(CACHE_KEY)
    if cached is not None and not reload:
        return cached
    result = load_glossary_dir(Path(ws.root))
    ws.cache[CACHE_KEY] = result
    return result


def forget(ws) -> None:
    """Drop the cached glossary (after the files were rewritten)."""
    ws.cache.pop(CACHE_KEY, None)

