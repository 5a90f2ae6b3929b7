"""What `commcli say` does: text as the voice will read it, line by line, and that text as an MP3 in the workspace's voice."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from . import langs
from .errors import InputError, Problem, Severity
from .i18n import _

if TYPE_CHECKING:
    from .workspace import Workspace


@dataclass
class Spoken:
    """One spoken line per written line, and the tokens that could not be read as written."""

    lines: list[str]
    warnings: list[Problem] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


def _warning(token: str, kind: str, file: Path | None, line: int | None) -> Problem:
    if kind == "spelled":
        message = _("'{token}' has no known reading and is spelled letter by letter.").format(token=token)
        hint = _("Add it to a glossary entry: abbreviations: [{{abbr: {token}, spoken: …}}].").format(token=token)
    elif kind == "address":
        message = _("'{token}' in a web or e-mail address is read as written.").format(token=token)
        hint = _("Check how it sounds; write the address out in words if the listeners must type it.")
    else:
        message = _("Characters the voice cannot read were left out.")
        hint = _("Remove control characters, or write that part in Vietnamese.")
    return Problem(message, file=file, line=line, hint=hint, severity=Severity.WARNING, code=f"say.{kind}")


def abbreviations_of(ws: "Workspace | None") -> dict[str, str]:
    """The glossary's spoken abbreviations (they override the built-in table); {} without a glossary."""
    if ws is None or ws.commune is None:
        return {}
    from .audio.assemble import _abbreviations

    return _abbreviations(ws)


def spoken_lines(lines: list[str], lang: str = "vi", *, abbreviations: dict[str, str] | None = None,
                 file: Path | None = None) -> Spoken:
    """Each line as the voice of ``lang`` reads it. Only Vietnamese has a normaliser: other languages
    are spoken as written (by a person, from a recording)."""
    from .textnorm import normalize

    out, warnings = [], []
    seen: set[tuple[str, str]] = set()
    for n, line in enumerate(lines, 1):
        if langs.base_of(lang) != "vi":
            out.append(" ".join(line.split()))
            continue
        result = normalize(line, abbreviations)
        out.append(result.text.replace("\n", " "))
        for w in result.warnings:
            if (w.token, w.kind) not in seen:
                seen.add((w.token, w.kind))
                warnings.append(_warning(w.token, w.kind, file, n if file else None))
    return Spoken(out, warnings)


def read_text_file(path: Path) -> tuple[list[str], list[Problem]]:
    """The lines of a UTF-8 text file (BOM allowed); undecodable bytes are replaced and reported."""
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        raise InputError(Problem(_("File not found: {path}").format(path=path), file=Path(path), code="say.no-file")) from None
    except (IsADirectoryError, PermissionError, OSError) as exc:
        raise InputError(Problem(_("Cannot read {path}: {reason}").format(path=path, reason=exc.strerror or exc),
                                 file=Path(path), code="say.unreadable")) from None
    problems = []
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        text = data.decode("utf-8-sig", errors="replace")
        line = data[: exc.start].count(b"\n") + 1
        problems.append(Problem(_("The file is not valid UTF-8; unreadable bytes were replaced."), file=Path(path),
                                line=line, severity=Severity.WARNING, code="say.encoding",
                                hint=_("Save the file as UTF-8 (in Notepad: Save as, Encoding UTF-8).")))
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), problems


def require_text(lines: list[str], file: Path | None = None) -> None:
    if not any(line.strip() for line in lines):
        raise InputError(Problem(
            _("There is no text to read.") if file is None else _("{path} has no text to read.").format(path=file),
            file=file, hint=_("Give the text in quotes: commcli say \"Thưa bà con…\", or a file with --file."),
            code="say.empty"))


def speak_to_mp3(ws: "Workspace | None", text: str, lang: str, dest: Path) -> tuple[float, list[Problem]]:
    """Synthesise ``text`` (already the spoken form) with the workspace's voice for ``lang`` and write a
    loudness-normalised mono MP3 to ``dest`` (temporary file, then renamed). Returns (seconds, warnings)."""
    from .audio.assemble import _as_samples, _finish, _voice_for
    from .audio.engines.base import EngineUnavailable
    from .audio.ffmpeg import encode_mp3
    from .audio.registry import get_engine
    from .model.commune import Audio

    problems: list[Problem] = []
    if ws is not None and ws.commune is not None:
        audio = ws.commune.audio
        voice = _voice_for(ws, lang, problems)
        if voice is None:
            raise InputError(problems or [Problem(_("No voice speaks {lang}.").format(lang=lang), code="say.no-voice")])
        engine, voice_name, settings, fallback = voice.engine, voice.voice, voice.settings, voice.fallback
    else:
        audio = Audio()
        if langs.base_of(lang) != "vi":
            raise InputError(Problem(_("No voice speaks {lang}.").format(lang=lang), code="say.no-voice",
                                     hint=_("H'Mông, Thái and Khơ Mú are read from human recordings.")))
        engine, voice_name, settings, fallback = get_engine("espeak"), None, {}, None
    if engine.name == "recorded" or not engine.speaks(lang):
        raise InputError(Problem(_("No voice speaks {lang}.").format(lang=lang), code="say.no-voice",
                                 hint=_("H'Mông, Thái and Khơ Mú are read from human recordings.")))
    options = {**settings, "sample_rate": audio.sample_rate}
    try:
        result = engine.synthesize(text, lang, voice_name, options)
    except EngineUnavailable as exc:
        if not fallback:
            raise InputError(Problem(exc.message, hint=exc.hint, code="audio.engine-unavailable")) from None
        other = get_engine(fallback)
        problems.append(Problem(exc.message + " " + _("Read by '{engine}' instead.").format(engine=other.name),
                                severity=Severity.WARNING, code="audio.engine-fallback", hint=exc.hint))
        result = other.synthesize(text, lang, None, {"sample_rate": audio.sample_rate})
    samples = _as_samples(result, audio.sample_rate)
    pcm, _m, seconds = _finish(samples, audio.sample_rate, audio)
    Path(dest).parent.mkdir(parents=True, exist_ok=True)
    encode_mp3(pcm, audio.sample_rate, Path(dest), bitrate_kbps=audio.bitrate_kbps, tags={"title": text[:80]})
    return seconds, problems
