"""User-interface language: gettext catalogues (Vietnamese first, English) and locale formatting."""

from __future__ import annotations

import gettext as _gettext
import os
from pathlib import Path

DOMAIN = "commcli"
LOCALE_DIR = Path(__file__).parent / "locale"
UI_LANGUAGES = ("vi", "en")
DEFAULT_UI_LANGUAGE = "vi"

_translation: _gettext.NullTranslations = _gettext.NullTranslations()
_current = DEFAULT_UI_LANGUAGE


def ui_language_from_env(environ: dict | None = None) -> str:
    """Vietnamese unless the environment asks for English (LANGUAGE, LC_ALL, LC_MESSAGES, LANG)."""
    env = os.environ if environ is None else environ
    for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(var, "")
        if not value or value in ("C", "POSIX", "C.UTF-8"):
            continue
        first = value.split(":")[0].lower()
        if first.startswith("en"):
            return "en"
        if first.startswith("vi"):
            return "vi"
        return DEFAULT_UI_LANGUAGE
    return DEFAULT_UI_LANGUAGE


def set_language(lang: str | None) -> str:
    """Switch the UI language for this process; returns the language in force."""
    global _translation, _current
    lang = (lang or ui_language_from_env()).lower()
    if lang not in UI_LANGUAGES:
        lang = DEFAULT_UI_LANGUAGE
    _current = lang
    # English msgids are the source text: English needs no catalogue.
    _translation = _gettext.translation(DOMAIN, LOCALE_DIR, languages=[lang], fallback=True)
    return lang


def current_language() -> str:
    return _current


def _(message: str) -> str:
    """Translate a user-facing message to the UI language."""
    return _translation.gettext(message)


def N_(message: str) -> str:
    """Mark a message for extraction; translate it later with _()."""
    return message


def ngettext(singular: str, plural: str, n: int) -> str:
    return _translation.ngettext(singular, plural, n)


def format_number(value: float | int) -> str:
    """A number as the UI locale writes it (vi: 1.234,5)."""
    from babel.numbers import format_decimal

    return format_decimal(value, locale=_babel_locale())


def format_percent(fraction: float) -> str:
    """A fraction as a percentage with one decimal, as the UI locale writes it (vi: 12,3%)."""
    from babel.numbers import format_percent as babel_format_percent

    return babel_format_percent(fraction, format="#,##0.0%", locale=_babel_locale())


def format_date(value) -> str:
    from babel.dates import format_date as babel_format_date

    return babel_format_date(value, format="medium", locale=_babel_locale())


def _babel_locale() -> str:
    return "vi" if _current == "vi" else "en"


set_language(None)
