"""Is a minority-language text (or glossary term) really Vietnamese? A lexicon of Vietnamese word pairs and the
measure of how much of a text it covers.

Thái (Latin) and Khơ Mú are written with Vietnamese-based letters, so one syllable proves nothing ("bản",
"mè" are Thái words too); two syllables in a row that form a Vietnamese word or phrase ("đăng ký",
"bảo hiểm") almost always mean Vietnamese. H'Mông RPA writes no diacritics at all, so there any syllable
with a Vietnamese letter that Vietnamese texts use is Vietnamese.

The lexicon is the workspace's own Vietnamese (items, templates, glossary terms and notes) plus a list
shipped with commcli (``vi-bigrams.txt``), derived from Vietnamese news texts on the communes' topics by
:func:`derive_bigrams` (``python -m commcli.qa.vietnamese FILE...`` rebuilds it).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Iterable

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_PLACEHOLDER = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.S)
_RPA_LETTERS = set("abcdefghijklmnopqrstuvwxyz")

# A short term (fewer than LONG words) is not a translation when more than half of its words are Vietnamese
# ("chỉa tô tùy thân", half borrowed, passes; "số chỉa điện thoại" would not); a longer text when 40 % are,
# at least 3 words: whole Vietnamese sentences among a few real words ("Ơ mương cơn cuông! Tin khẩn cấp…").
LONG = 8
SHARE_SHORT = 0.5
SHARE_LONG = 0.4
MIN_WORDS = 2
RUN_WARNING = 4  # a run of this many Vietnamese words inside a real translation: a pasted Vietnamese phrase
MIN_COUNT = 1  # word pairs kept in the shipped list: every pair of the source texts is real Vietnamese


def words(text: str) -> list[str]:
    """Lowercase NFC words (letter runs) of a text, template placeholders left out."""
    text = _PLACEHOLDER.sub(" ", unicodedata.normalize("NFC", text))
    return [w.casefold() for w in _WORD.findall(text)]


def derive_bigrams(texts: Iterable[str]) -> set[tuple[str, str]]:
    """Every pair of consecutive words in the texts (sentences are not crossed: punctuation breaks pairs)."""
    pairs: set[tuple[str, str]] = set()
    for text in texts:
        for chunk in re.split(r"[.,;:!?()\[\]\"“”–—\n/]+", _PLACEHOLDER.sub(" ", text)):
            ws = words(chunk)
            pairs.update(zip(ws, ws[1:]))
    return pairs


@lru_cache(maxsize=1)
def shipped_bigrams() -> frozenset[tuple[str, str]]:
    data = resources.files("commcli.qa").joinpath("vi-bigrams.txt").read_text(encoding="utf-8")
    out = set()
    for line in data.splitlines():
        if line and not line.startswith("#"):
            a, _sep, b = line.partition(" ")
            if b:
                out.add((a, b))
    return frozenset(out)


@dataclass
class Lexicon:
    """Vietnamese word pairs and syllables, and phrases allowed in any language (names, codes)."""

    bigrams: set[tuple[str, str]] = field(default_factory=set)
    syllables: set[str] = field(default_factory=set)
    allowed: set[str] = field(default_factory=set)  # lowercased phrases kept as written (names, loanwords)

    @classmethod
    def from_texts(cls, vietnamese: Iterable[str], allowed: Iterable[str] = (), *, shipped: bool = True) -> "Lexicon":
        vietnamese = list(vietnamese)
        bigrams = derive_bigrams(vietnamese)
        if shipped:
            bigrams |= shipped_bigrams()
        syllables = {w for text in vietnamese for w in words(text)} | {w for pair in bigrams for w in pair}
        return cls(bigrams=bigrams, syllables=syllables, allowed={" ".join(words(a)) for a in allowed if words(a)})

    def with_allowed(self, extra: Iterable[str]) -> "Lexicon":
        more = {" ".join(words(a)) for a in extra if words(a)}
        if not more - self.allowed:
            return self
        return Lexicon(self.bigrams, self.syllables, self.allowed | more)


@dataclass(frozen=True)
class Verdict:
    """How Vietnamese a text is."""

    total: int  # words counted (allowed names left out)
    vietnamese: int  # of which Vietnamese
    copy: bool  # the text is the Vietnamese source itself
    runs: tuple[str, ...] = ()  # Vietnamese phrases of RUN_WARNING words or more, as found

    @property
    def share(self) -> float:
        return self.vietnamese / self.total if self.total else 0.0

    @property
    def not_a_translation(self) -> bool:
        if self.copy:
            return True
        if self.total < LONG:
            return self.vietnamese >= MIN_WORDS and self.share > SHARE_SHORT
        return self.vietnamese >= 3 and self.share >= SHARE_LONG


def _blank_allowed(ws: list[str], allowed: set[str]) -> list[str | None]:
    """The words with every allowed phrase replaced by None (longest phrases first)."""
    out: list[str | None] = list(ws)
    for phrase in sorted(allowed, key=lambda p: -len(p.split())):
        parts = phrase.split()
        n = len(parts)
        for i in range(len(out) - n + 1):
            if out[i:i + n] == parts:
                out[i:i + n] = [None] * n
    return out


def judge(text: str, lexicon: Lexicon, lang: str, *, source: str | None = None) -> Verdict:
    """How much of ``text`` (written under the tag ``lang``) is Vietnamese; ``source`` is its Vietnamese
    original, if any (a copy of it is never a translation, whatever the lexicon says)."""
    ws = words(text)
    copy = bool(source) and bool(ws) and ws == words(source)
    marked = _blank_allowed(ws, lexicon.allowed)
    flags = [False] * len(marked)
    for i in range(len(marked) - 1):
        a, b = marked[i], marked[i + 1]
        if a is not None and b is not None and (a, b) in lexicon.bigrams:
            flags[i] = flags[i + 1] = True
    if lang.startswith("hmn-x-rpa"):
        for i, w in enumerate(marked):
            if w is not None and not set(w) <= _RPA_LETTERS and w in lexicon.syllables:
                flags[i] = True
    total = sum(1 for w in marked if w is not None)
    copy = copy and total > 0  # a name or code kept as is (allowed) is not a copy
    viet = sum(1 for w, f in zip(marked, flags) if w is not None and f)
    runs: list[str] = []
    run: list[str] = []
    for w, f in zip(marked + [None], flags + [False]):
        if w is not None and f:
            run.append(w)
            continue
        if len(run) >= RUN_WARNING:
            runs.append(" ".join(run))
        run = []
    return Verdict(total=total, vietnamese=viet, copy=copy, runs=tuple(runs))


def main(argv: list[str]) -> int:  # maintainers: rebuild vi-bigrams.txt from Vietnamese text files
    from collections import Counter
    from pathlib import Path

    counts: Counter = Counter()
    for name in argv:
        text = Path(name).read_text(encoding="utf-8")
        for chunk in re.split(r"[.,;:!?()\[\]\"“”–—\n/]+", text):
            ws = words(chunk)
            counts.update(zip(ws, ws[1:]))
    print("# Vietnamese word pairs (consecutive words of one sentence part) in Vietnamese news texts on the communes' topics")
    print("# (poverty reduction, digital transformation, Điện Biên, Lai Châu); rebuilt by")
    print("# python -m commcli.qa.vietnamese FILE... > commcli/qa/vi-bigrams.txt")
    for (a, b), n in sorted(counts.items()):
        if n >= MIN_COUNT:
            print(a, b)
    return 0


if __name__ == "__main__":
    import sys

    raise SystemExit(main(sys.argv[1:]))
