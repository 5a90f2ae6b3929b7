"""Vietnamese text normalisation before speech synthesis: what an announcer says for what is written.

Northern reading (the communes served are in Điện Biên and Lai Châu): "nghìn" not "ngàn", "linh" not
"lẻ". Everything here is a pure function of its arguments. The package's parts:

- ``numbers``: cardinals, digits, decimals, ordinals, fractions (``read_cardinal(2026)``);
- ``dates``: dates and clock times (``read_date(18, 9, 2018)``, ``read_time("14h30")``);
- ``phones``: phone, hotline and emergency numbers; ``roman``: Roman numerals and their cue words;
- ``letters``: letter names for spelling, web and e-mail addresses read aloud;
- ``abbreviations``: the built-in table of administrative abbreviations with their sources;
- ``normalize``: the pipeline classifying each token by context (``normalize_vi``, ``normalize``).
"""

from __future__ import annotations

from .abbreviations import DEFAULT_ABBREVIATIONS, DOCUMENT_TYPE_WORDS, ENTRIES as ABBREVIATION_ENTRIES
from .dates import read_date, read_time
from .letters import LETTER_NAMES, read_address, spell
from .normalize import Normalized, TokenWarning, expand_abbreviations, normalize, normalize_vi
from .numbers import read_cardinal, read_decimal, read_digit_groups, read_digits, read_fraction, read_number, read_ordinal
from .phones import SERVICE_NUMBERS, read_phone
from .roman import read_roman

__all__ = [
    "ABBREVIATION_ENTRIES",
    "DEFAULT_ABBREVIATIONS",
    "DOCUMENT_TYPE_WORDS",
    "LETTER_NAMES",
    "Normalized",
    "SERVICE_NUMBERS",
    "TokenWarning",
    "expand_abbreviations",
    "normalize",
    "normalize_vi",
    "read_address",
    "read_cardinal",
    "read_date",
    "read_decimal",
    "read_digit_groups",
    "read_digits",
    "read_fraction",
    "read_number",
    "read_ordinal",
    "read_phone",
    "read_roman",
    "read_time",
    "spell",
]
