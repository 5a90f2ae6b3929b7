"""TTS engines by name, found through the ``commcli.tts`` entry points (the built-ins register the same way)."""

from __future__ import annotations

import os
import sys
from functools import lru_cache
from importlib import import_module

from ..errors import InputError, Problem
from ..i18n import _
from .engines.base import Engine

GROUP = "commcli.tts"
BUILTIN = {
    "espeak": "commcli.audio.engines.espeak:EspeakEngine",
    "gtts": "commcli.audio.engines.gtts:GttsEngine",
    "recorded": "commcli.audio.engines.recorded:RecordedEngine",
}


def plugins_enabled() -> bool:
    """Installed third-party engines load, except under tests or with COMMCLI_NO_PLUGINS=1."""
    return os.environ.get("COMMCLI_NO_PLUGINS") != "1" and "pytest" not in sys.modules


def _load(target: str) -> type[Engine]:
    module, _sep, attr = target.partition(":")
    return getattr(import_module(module), attr)


@lru_cache(maxsize=2)
def _targets(with_plugins: bool) -> dict[str, str]:
    targets = dict(BUILTIN)
    if with_plugins:
        from importlib.metadata import entry_points

        for ep in entry_points(group=GROUP):
            targets.setdefault(ep.name, ep.value)
    return targets


def engine_names() -> list[str]:
    return sorted(_targets(plugins_enabled()))


_instances: dict[str, Engine] = {}


def get_engine(name: str, *, file=None, line=None, column=None) -> Engine:
    """The engine called ``name`` (one instance per process); InputError listing the known ones otherwise."""
    targets = _targets(plugins_enabled())
    if name not in targets:
        raise InputError(Problem(
            _("Unknown voice engine '{name}'.").format(name=name),
            file=file, line=line, column=column, found=name, expected=", ".join(sorted(targets)),
            hint=_("Available engines: {names}.").format(names=", ".join(sorted(targets))),
            code="audio.unknown-engine",
        ))
    if name not in _instances:
        _instances[name] = _load(targets[name])()
    return _instances[name]
