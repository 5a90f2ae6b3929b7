"""Estimated read-out time: words per minute per language, slot totals, overrun warnings (pure)."""

from __future__ import annotations

import re

from .. import langs

DEFAULT_WPM = {"vi": 130}
OTHER_WPM = 110  # no measured rate for hmn/blt/kjg: a slower default, configurable in commune.yaml
_WORD = re.compile(r"\w+", re.UNICODE)


def word_count(text: str) -> int:
    """Words (Vietnamese: syllables, as written with spaces); numbers count as one word each."""
    return len(_WORD.findall(text))


def speech_rate(rates: dict[str, int] | None, lang: str) -> int:
    """Words per minute for ``lang``: commune.yaml's speech_rate_wpm (tag, then base tag), else the default."""
    rates = rates or {}
    for tag in (lang, langs.base_of(lang)):
        if rates.get(tag):
            return int(rates[tag])
    return DEFAULT_WPM.get(langs.base_of(lang), OTHER_WPM)


def estimate_seconds(text: str, wpm: int) -> float:
    """Seconds to read ``text`` aloud at ``wpm`` words per minute, to a tenth of a second."""
    if wpm <= 0:
        return 0.0
    return round(word_count(text) * 60.0 / wpm, 1)


def total_seconds(seconds: list[float] | tuple[float, ...]) -> float:
    return round(sum(seconds), 1)


def overruns(total: float, slot_minutes: int) -> bool:
    return total > slot_minutes * 60


def mmss(seconds: float) -> str:
    """123.4 → "2:03" (rounded to the second)."""
    whole = int(round(seconds))
    return f"{whole // 60}:{whole % 60:02d}"


RATES_FILE = ".cache/speech-rates.json"  # words per minute measured from the last audio build, per language


def measured_rates(pairs) -> dict[str, int]:
    """Words per minute per language from (language, text, seconds of its audio) of the clips just built."""
    words: dict[str, int] = {}
    seconds: dict[str, float] = {}
    for lang, text, secs in pairs:
        if secs and secs > 0:
            words[lang] = words.get(lang, 0) + word_count(text)
            seconds[lang] = seconds.get(lang, 0.0) + secs
    return {lang: round(words[lang] * 60 / seconds[lang]) for lang in words if words[lang] >= 20}


def estimate_rates(commune, learned: dict[str, int]) -> dict[str, int]:
    """The rates estimates use: measured ones calibrate the defaults; rates written in commune.yaml win."""
    explicit = dict(commune.speech_rate_wpm) if "speech_rate_wpm" in commune.model_fields_set else {}
    return {**dict(commune.speech_rate_wpm), **learned, **explicit}
