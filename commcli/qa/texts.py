"""Checks on one text in one language: not Vietnamese in disguise, no impossible combining marks."""

from __future__ import annotations

from pathlib import Path

from ..errors import Problem, Severity
from ..i18n import _
from ..textcheck import impossible_marks
from .vietnamese import Lexicon, judge


def _snippet(text: str, width: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def line_of(text: str, offset: int, first_line: int | None) -> int | None:
    return None if first_line is None else first_line + text.count("\n", 0, offset)


def mark_problems(text: str, *, file: Path | None, line: int | None, what: str) -> list[Problem]:
    """Letters with two tone marks (or one mark twice): an error at the line where each is."""
    return [Problem(
        _("{what}: '{cluster}' has two tone marks on one letter; no orthography writes that.").format(
            what=what, cluster=cluster),
        file=file, line=line_of(text, offset, line), found=cluster,
        hint=_("Retype the letter with one tone mark (check the keyboard's input method: Unicode, not VNI or TCVN3)."),
        code="text.impossible-marks") for offset, cluster in impossible_marks(text)]


def vietnamese_problems(text: str, lang: str, lexicon: Lexicon, *, source: str | None, file: Path | None,
                        line: int | None, what: str, keep=(), code: str = "content") -> list[Problem]:
    """An error when a minority-language text is the Vietnamese copied or mostly Vietnamese words, a warning
    for a Vietnamese phrase inside a real translation."""
    verdict = judge(text, lexicon.with_allowed(keep), lang, source=source)
    if verdict.not_a_translation:
        reason = (_("it is the Vietnamese text copied") if verdict.copy else
                  _("{n} of its {total} words are Vietnamese").format(n=verdict.vietnamese, total=verdict.total))
        return [Problem(
            _("{what}: the {lang} text is not a translation: {reason}.").format(what=what, lang=lang, reason=reason),
            file=file, line=line, found=_snippet(text), severity=Severity.ERROR, languages=(lang,),
            hint=_("Remove it until a native speaker writes it (a missing translation is reported as missing), or "
                   "list names and loanwords kept on purpose under 'keep:'."),
            code=f"{code}.not-a-translation")]
    return [Problem(
        _("{what}: the {lang} text contains the Vietnamese phrase '{phrase}'.").format(what=what, lang=lang, phrase=run),
        file=file, line=line, found=run, severity=Severity.WARNING, languages=(lang,),
        hint=_("Translate it, or list it under 'keep:' if it is a name kept on purpose."),
        code=f"{code}.vietnamese-phrase") for run in verdict.runs]
