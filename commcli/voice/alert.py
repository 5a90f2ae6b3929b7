"""``commcli alert``: an emergency programme in seconds, for each affected village in each of its languages
(the voice bank for minority languages, the synthetic voice for Vietnamese), repeated with an urgent chime,
plus playlists; the week's build is not touched.

Layout of the alert folder (default ``out/alerts/<date>-<time>-<template>/``)::

    audio/alert/<lang>.mp3        the alert: (urgent chime, text) × N
    audio/clips/                  the text alone per language, and the chime
    playlists/<village>.m3u8      what the village's loudspeakers play: its languages in its order
    manifest.json                 every file with duration and sha256; what was left out and why
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .. import langs
from ..errors import ContentError, InputError, Problem, Severity
from ..i18n import _

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np

    from ..workspace import Workspace

SLOT = "alert"
URGENT_CHIME_VERSION = 1


@dataclass
class AlertResult:
    out_dir: Path
    programmes: dict[str, Path] = field(default_factory=dict)  # language → alert MP3
    playlists: list[Path] = field(default_factory=list)
    left_out: list[str] = field(default_factory=list)  # languages with no sound
    problems: list[Problem] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)


def parse_settings(pairs: list[str]) -> dict[str, str]:
    """``key=value`` pairs from ``--set`` (values may contain '=')."""
    values: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise InputError(Problem(_("'{pair}' is not key=value.").format(pair=pair), field="--set",
                                     hint=_("Write each value as --set key=value, e.g. --set ngay=2026-12-03."),
                                     code="usage.set"))
        values[key.strip()] = value.strip()
    return values


def _urgent_chime(rate: int) -> "np.ndarray":
    """Three rising beeps twice over, then a short silence: unmistakable over a horn loudspeaker (1–2 kHz)."""
    import numpy as np

    out = [np.zeros(int(0.4 * rate), dtype=np.float32)]
    for _round in range(2):
        for f in (880.0, 1108.7, 1318.5):
            t = np.arange(int(0.16 * rate)) / rate
            env = np.minimum(1.0, np.minimum(t, t[-1] - t) / 0.01)
            out.append((0.4 * env * (np.sin(2 * np.pi * f * t) + 0.2 * np.sin(4 * np.pi * f * t))).astype(np.float32))
            out.append(np.zeros(int(0.04 * rate), dtype=np.float32))
        out.append(np.zeros(int(0.2 * rate), dtype=np.float32))
    out.append(np.zeros(int(0.4 * rate), dtype=np.float32))
    return np.concatenate(out)


def _encode_chime(audio, dest: Path) -> float:
    from ..audio.ffmpeg import encode_mp3, to_int16_bytes
    from ..audio.loudness import normalize

    samples, _m = normalize(_urgent_chime(audio.sample_rate), audio.sample_rate, audio.loudness_lufs, audio.true_peak_dbtp)
    encode_mp3(to_int16_bytes(samples), audio.sample_rate, dest, bitrate_kbps=audio.bitrate_kbps,
               tags={"title": "Chuông báo khẩn"})
    return len(samples) / audio.sample_rate


def _text_tag(texts: dict, lang: str) -> str | None:
    from ..bulletins.load import text_for

    found = text_for(texts, lang)
    if found is not None:
        return next(tag for tag, value in texts.items() if value is found)
    return next((tag for tag in texts if langs.matches(tag, lang)), None)


def build_alert(ws: "Workspace", template: str, values: dict[str, str], *, villages: list[str] | None = None,
                repeat: int = 3, out_dir: Path | None = None, release: bool = False,
                now: dt.datetime | None = None) -> AlertResult:
    """Build the alert (see the module docstring); InputError for bad input, ContentError for a refused release."""
    from ..audio.assemble import build_audio
    from ..audio.ffmpeg import concat_mp3, mp3_duration
    from ..bulletins.templates import glossary_term_lookup, load_templates, render_template_text
    from ..errors import Problems
    from ..outputs import output_folder
    from ..programme import Clip, Programme
    from ..publish import sha256_file
    from ..workspace import require_valid

    commune = require_valid(ws)
    problems = Problems()
    templates = load_templates(ws, problems)
    if template.endswith(".yaml"):
        template = Path(template).stem
    if template not in templates:
        raise InputError(Problem(_("There is no template '{name}'.").format(name=template), field="TEMPLATE",
                                 expected=", ".join(sorted(templates)) or _("(no templates)"),
                                 hint=_("Templates are the files in templates/bulletins/; write the file name without .yaml."),
                                 code="usage.template"))
    tmpl = templates[template]
    missing = [key for key in tmpl.model.fields if key not in values]
    unknown = [key for key in values if tmpl.model.fields and key not in tmpl.model.fields]
    if missing or unknown:
        found = []
        if missing:
            found.append(Problem(_("The template '{name}' needs {fields}.").format(name=template, fields=", ".join(missing)),
                                 file=tmpl.path, field="--set", expected="; ".join(f"{k}: {tmpl.model.field_help(k)}" for k in missing),
                                 hint=_("Give each with --set key=value."), code="usage.alert-field"))
        if unknown:
            found.append(Problem(_("The template '{name}' has no field {fields}.").format(name=template, fields=", ".join(unknown)),
                                 file=tmpl.path, field="--set", expected=", ".join(tmpl.model.fields),
                                 code="usage.alert-field"))
        raise InputError(found)
    if repeat < 1 or repeat > 10:
        raise InputError(Problem(_("--repeat must be between 1 and 10."), field="--repeat", found=str(repeat),
                                 code="usage.repeat"))
    known = {v.id: v for v in commune.villages}
    chosen = villages or list(known)
    wrong = [v for v in chosen if v not in known]
    if wrong:
        raise InputError(Problem(_("Unknown village {ids}.").format(ids=", ".join(wrong)), field="--villages",
                                 expected=", ".join(known), code="usage.village"))
    now = now or dt.datetime.now().astimezone()
    user_chose = out_dir is not None
    if out_dir is None:
        out_dir = ws.out_dir / "alerts" / f"{now:%Y-%m-%d-%H%M}-{template}"
    out_dir = Path(out_dir)

    # One programme per language the chosen villages speak, its text rendered once.
    lookup = glossary_term_lookup(ws)
    languages = list(dict.fromkeys(lang for v in chosen for lang in known[v].languages))
    programmes: list[Programme] = []
    result = AlertResult(out_dir=out_dir)
    week = f"{now:%G-W%V}"
    title = tmpl.model.name
    for lang in languages:
        tag = _text_tag(tmpl.texts, lang)
        if tag is None:
            result.left_out.append(lang)
            problems.add(Problem(_("The template '{name}' has no {lang} text: villages speaking it hear the alert in their "
                                   "other languages.").format(name=template, lang=lang), file=tmpl.path,
                                 severity=Severity.WARNING, code="alert.no-text"))
            continue
        rendered = render_template_text(tmpl, tag, values, lookup, problems)
        if rendered is None:
            continue
        if release and tag != "vi" and rendered.status == "draft":
            problems.add(Problem(_("The {lang} text of the template '{name}' is a draft nobody has reviewed.").format(
                lang=tag, name=template), file=tmpl.path, line=rendered.line, code="alert.text-draft",
                hint=_("A native speaker reviews the text, then write status: reviewed (or approved) for it.")))
            continue
        base = Clip(item_id=f"alert-{template}", title=title, language=tag, text=rendered.text, priority="khan-cap",
                    status=rendered.status, source_file=tmpl.path, source_line=rendered.line, template=template,
                    template_data=tuple(values.items()))
        programmes.append(Programme(week=week, slot_id=SLOT, slot_name=_("Emergency alert"), slot_minutes=5,
                                    language=tag, clips=(base,),
                                    villages=tuple(v for v in chosen if any(langs.matches(tag, l) or langs.matches(l, tag)
                                                                            for l in known[v].languages))))
    if problems.has_errors:
        raise (ContentError if release else InputError)(list(problems))

    with output_folder(ws, out_dir, kind="alert", chosen=user_chose) as staging:
        built = build_audio(ws, programmes, staging, release=release, quiet=True)
        problems.extend(built.problems)
        clips_dir = staging / "audio" / "clips"
        clips_dir.mkdir(parents=True, exist_ok=True)
        chime = clips_dir / "urgent-chime.mp3"
        chime_seconds = _encode_chime(commune.audio, chime)
        files: list[dict] = []
        # The text alone per language, wherever the audio build put it (its manifest says). The build's own
        # programmes (intro, text, outro), jingles and manifest are not the alert's: the alert's replace them.
        clip_files = {f["clip_id"]: staging / f["path"] for f in built.manifest
                      if f.get("kind") == "clip" and f.get("clip_id") and (staging / f["path"]).is_file()}
        for f in built.manifest:
            if f.get("kind") in ("programme", "jingle"):
                (staging / f["path"]).unlink(missing_ok=True)
        (staging / "audio" / "manifest.json").unlink(missing_ok=True)
        for programme in programmes:
            clip_file = clip_files.get(programme.clips[0].clip_id)
            if clip_file is None:
                result.left_out.append(programme.language)
                continue
            dest = staging / "audio" / SLOT / f"{programme.language}.mp3"
            concat_mp3([chime, clip_file] * repeat, dest,
                       tags={"title": f"{title} – {programme.language}", "artist": commune.commune,
                             "album": _("Emergency alert"), "language": programme.language})
            clip_entry = next(f for f in built.manifest if f.get("clip_id") == programme.clips[0].clip_id)
            files.append({"path": clip_file.relative_to(staging).as_posix(), "kind": "clip",
                          "language": programme.language, "duration": clip_entry["duration"],
                          "integrated_lufs": clip_entry.get("integrated_lufs"), "voice": clip_entry.get("voice"),
                          "sha256": clip_entry["sha256"]})
            seconds = round(mp3_duration(dest), 3)
            result.programmes[programme.language] = out_dir / dest.relative_to(staging)
            result.seconds[programme.language] = seconds
            files.append({"path": dest.relative_to(staging).as_posix(), "kind": "alert", "language": programme.language,
                          "duration": seconds, "repeat": repeat, "sha256": sha256_file(dest),
                          "villages": list(programme.villages)})
        # Each village: its languages in its own order.
        from ..audio.assemble import m3u8

        for village_id in chosen:
            village = known[village_id]
            rows = []
            for lang in village.languages:
                tag = next((t for t in result.programmes if langs.matches(t, lang) or langs.matches(lang, t)), None)
                if tag is not None and all(r[2] != f"../audio/{SLOT}/{tag}.mp3" for r in rows):
                    rows.append((result.seconds[tag], f"{title} – {langs.get(tag).name_vi if langs.is_known(tag) else tag}",
                                 f"../audio/{SLOT}/{tag}.mp3"))
            if rows:
                path = staging / "playlists" / f"{village_id}.m3u8"
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(m3u8(rows), encoding="utf-8")
                result.playlists.append(out_dir / path.relative_to(staging))
                files.append({"path": path.relative_to(staging).as_posix(), "kind": "playlist", "village": village_id,
                              "sha256": sha256_file(path)})
        if not result.programmes:
            raise ContentError([*problems, Problem(_("No language of the alert has sound: nothing was written."),
                                                   code="alert.empty", hint=_("See the messages above for what is missing."))])
        files.append({"path": "audio/clips/urgent-chime.mp3", "kind": "chime", "duration": round(chime_seconds, 3),
                      "sha256": sha256_file(chime)})
        manifest = {"kind": "alert", "template": template, "values": values, "villages": chosen, "repeat": repeat,
                    "release": release, "made": now.isoformat(timespec="seconds"), "files": files,
                    "left_out": sorted(set(result.left_out)), "problems": [p.message for p in problems]}
        (staging / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    result.problems = list(problems)
    result.left_out = sorted(set(result.left_out))
    return result
