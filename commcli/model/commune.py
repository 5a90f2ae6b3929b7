"""commune.yaml: the commune, its villages, broadcast slots, languages and audio settings."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, field_validator

from ..i18n import _
from .base import ClockTime, Identifier, LangTag, Model, Text

Weekday = Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
WEEKDAYS: tuple[str, ...] = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
# Vietnamese day names an officer may write instead: T2..T7, CN.
_WEEKDAY_ALIASES = {"t2": "mon", "t3": "tue", "t4": "wed", "t5": "thu", "t6": "fri", "t7": "sat", "cn": "sun"}


class Officer(Model):
    """The culture officer responsible for the commune's communication."""

    name: Text
    """Full name."""
    title: Text = "Cán bộ văn hóa – thông tin xã"
    """Job title as printed on scripts."""
    phone: Text | None = None
    """Contact phone number (written as text, e.g. "0215 3 826 123")."""
    email: Text | None = None


class Village(Model):
    """A village (bản) and its loudspeaker cluster."""

    id: Identifier
    """Short id used in bulletins and file names, e.g. ``ban-huoi-lech``."""
    name: Text
    """Name as written in Vietnamese, e.g. "Bản Huổi Lếch"."""
    languages: list[LangTag] = Field(min_length=1)
    """Main languages spoken, most used first, e.g. [hmn, vi]."""
    cluster: Text
    """Loudspeaker cluster the village's speakers belong to."""
    households: int | None = Field(default=None, ge=0)
    """Number of households (optional)."""


class Slot(Model):
    """A broadcast slot: when the village loudspeakers play."""

    id: Identifier
    """Short id, e.g. ``sang`` (morning)."""
    name: Text
    """Name as announced, e.g. "Buổi sáng"."""
    days: list[Weekday] = Field(min_length=1)
    """Weekdays: mon tue wed thu fri sat sun (or T2..T7, CN)."""
    start: ClockTime
    """Start time HH:MM, e.g. "06:00"."""
    minutes: int = Field(gt=0, le=240)
    """Length in minutes."""

    @field_validator("days", mode="before")
    @classmethod
    def _aliases(cls, value):
        if isinstance(value, list):
            return [_WEEKDAY_ALIASES.get(str(v).strip().lower(), str(v).strip().lower()) for v in value]
        return value


class Voice(Model):
    """Which engine and voice speak a language."""

    engine: Text = "espeak"
    """TTS engine name: espeak (offline), gtts (online), recorded (human recordings)."""
    voice: Text | None = None
    """Engine-specific voice name, e.g. ``vi`` or ``vi-VN-x-central`` for espeak."""
    fallback: Text | None = "espeak"
    """Engine to use when this one is unavailable (gtts offline); none to refuse instead."""
    rate: int | None = Field(default=None, ge=80, le=450)
    """Speaking speed in words per minute for engines that support it (espeak); default 150."""


# What the MP3 encoder (LAME: MPEG-1, 2 and 2.5 layer III) accepts.
MP3_SAMPLE_RATES = (8000, 11025, 12000, 16000, 22050, 24000, 32000, 44100, 48000)


class Audio(Model):
    """How programmes sound."""

    loudness_lufs: float = Field(default=-16.0, ge=-40, le=-5)
    """Integrated loudness target (ITU-R BS.1770), LUFS."""
    true_peak_dbtp: float = Field(default=-1.0, ge=-9, le=0)
    """Maximum true peak, dBTP."""
    bitrate_kbps: int = Field(default=64, ge=32, le=320)
    """MP3 bitrate (mono)."""
    sample_rate: int = Field(default=22050)
    """Sample rate of programmes, Hz: one the MP3 encoder supports (8000 … 48000)."""
    gap_seconds: float = Field(default=1.0, ge=0, le=10)
    """Silence between items."""
    intro: Text | None = None
    """Intro jingle file inside the workspace; a short chime is generated when absent."""
    outro: Text | None = None
    """Outro jingle file inside the workspace."""
    voices: dict[LangTag, Voice] = Field(default_factory=dict)
    """Per language: engine and voice. Languages with no TTS use ``recorded``."""

    @field_validator("sample_rate")
    @classmethod
    def _mp3_rate(cls, value: int) -> int:
        if value not in MP3_SAMPLE_RATES:
            raise ValueError(_("MP3 supports these sample rates only: {rates} Hz.").format(
                rates=", ".join(str(r) for r in MP3_SAMPLE_RATES)))
        return value


class Commune(Model):
    """The whole of commune.yaml."""

    province: Text
    """Province, e.g. "Điện Biên"."""
    commune: Text
    """Commune name, e.g. "Xã Mường Nhé"."""
    officer: Officer
    languages: list[LangTag] = Field(min_length=1)
    """Languages the commune communicates in (BCP 47 tags)."""
    villages: list[Village] = Field(min_length=1)
    slots: list[Slot] = Field(min_length=1)
    audio: Audio = Field(default_factory=Audio)
    speech_rate_wpm: dict[LangTag, int] = Field(default_factory=lambda: {"vi": 130})
    """Reading speed per language in words per minute, for duration estimates."""

    def village(self, village_id: str) -> Village | None:
        return next((v for v in self.villages if v.id == village_id), None)

    def slot(self, slot_id: str) -> Slot | None:
        return next((s for s in self.slots if s.id == slot_id), None)
