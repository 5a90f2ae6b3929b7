"""The contract between bulletins and audio: what airs, in which slot and language, in what order."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

PRIORITIES = ("khan-cap", "uu-tien", "thuong")  # emergency, priority, ordinary — airing order


@dataclass(frozen=True)
class Clip:
    """One item read in one language, exactly as the announcer or the voice says it."""

    item_id: str
    title: str
    language: str  # BCP 47 tag, e.g. "vi", "hmn", "blt-Tavt"
    text: str  # final text (NFC), after templates; TTS normalization happens in audio
    priority: str  # one of PRIORITIES
    status: str = "draft"  # draft / reviewed / approved
    repeat_index: int = 0  # 0 for the first airing, 1.. for repeats within the slot
    estimated_seconds: float = 0.0
    source_file: Path | None = field(default=None, compare=False)  # where the text was written, for messages
    source_line: int | None = field(default=None, compare=False)
    measured_seconds: float | None = field(default=None, compare=False)  # length of its audio, once built

    @property
    def seconds(self) -> float:
        """The measured length once audio exists, else the estimate."""
        return self.measured_seconds if self.measured_seconds is not None else self.estimated_seconds
    # A templated item's template name and data, so a voice bank can assemble it from recorded phrases.
    template: str | None = field(default=None, compare=False)
    template_data: tuple[tuple[str, object], ...] = field(default=(), compare=False)

    @property
    def clip_id(self) -> str:
        """Stable id of the recording this clip needs: ``<item>.<lang>`` (repeats share it)."""
        return f"{self.item_id}.{self.language}"


@dataclass(frozen=True)
class Programme:
    """One slot's content in one language for one week: what a group of villages hears."""

    week: str  # ISO week, "2026-W48"
    slot_id: str
    slot_name: str
    slot_minutes: int
    language: str
    clips: tuple[Clip, ...]  # running order: emergency first, repeats expanded
    villages: tuple[str, ...] = field(default_factory=tuple)  # village ids that play it
    # Set only when items target different villages, so one (slot, language) has several contents:
    # then each group of villages gets its own programme, named for the whole group (see plan.group_name).
    variant: str = ""
    # After audio is built: the programme file's measured length and path (None: no audio, it does not air).
    measured_seconds: float | None = None
    audio: str | None = None

    @property
    def programme_id(self) -> str:
        base = f"{self.week}_{self.slot_id}_{self.language}"
        return f"{base}_{self.variant}" if self.variant else base

    @property
    def estimated_seconds(self) -> float:
        return sum(c.estimated_seconds for c in self.clips)

    @property
    def seconds(self) -> float:
        """The programme file's measured length once audio exists, else the sum of its items' estimates."""
        return self.measured_seconds if self.measured_seconds is not None else self.estimated_seconds
