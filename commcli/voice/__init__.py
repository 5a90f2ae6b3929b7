"""Human voice: whole-item recordings (index, kits, import), the audio checks, and (for the check command)
missing and stale recordings. Each concern has its own module:

    index.py     recordings/<lang>/index.json, text hashes, ok/missing/stale
    clips.py     which clips the bulletins ask for, which languages need a human voice
    check.py     decoding, the one set of audio checks (not audio, silent, clipped, too short), trimming
    kit.py       recording kits for announcers
    importer.py  ``commcli recordings import``
    status.py    what ``commcli check`` reports
"""

from __future__ import annotations


def check_workspace(ws) -> list:
    """For ``commcli check``: damaged indexes, missing and stale recordings."""
    from .status import check_workspace as _check

    return _check(ws)
