"""The multilingual glossary: load it, look terms up, check content against it, exchange it with reviewers.

The API other capabilities use (see .notes/glossary_format.md)::

    from commcli.glossary import load_glossary
    gl, problems = load_glossary(ws)
    gl.term("bhyt", "hmn")             # Translation | None (.term .status .lang .alternatives .forbidden)
    gl.find_terms("Thẻ BHYT ...")      # [Entry] found in a Vietnamese text
    gl.spoken_abbreviations()          # {"BHYT": "bảo hiểm y tế"}
"""

from __future__ import annotations

from .load import Glossary, SourceFile, candidate_tags, load_glossary, translation_for
from .model import STATUSES, Abbreviation, Entry, GlossaryFile, Translation


def check_workspace(ws):
    """Glossary checks plus terminology/number checks on bulletin items and form labels: list[Problem]."""
    from .qa import check_workspace as _check

    return _check(ws)


__all__ = [
    "Abbreviation",
    "Entry",
    "Glossary",
    "GlossaryFile",
    "STATUSES",
    "SourceFile",
    "Translation",
    "candidate_tags",
    "check_workspace",
    "load_glossary",
    "translation_for",
]
