"""The sample week's page in a real browser: headless Chromium (Debian's, driven by Playwright) opens it from file://.

The week is built once for the module (with audio) and one browser serves every test. Where neither
Playwright nor a Chromium is installed the tests are skipped with the reason; `make test` installs both.
"""

from __future__ import annotations

import html
import json
import os
import shutil
import time
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest

REPO = Path(__file__).resolve().parent.parent
ARTIFACTS = REPO / "out" / "test-artifacts"
CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"]


def chromium_path() -> str | None:
    for candidate in (os.environ.get("COMMCLI_CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium"),
                      shutil.which("chromium-browser")):
        if candidate and Path(candidate).is_file():
            return candidate
    return None


@pytest.fixture(scope="module")
def built_week(tmp_path_factory):
    """The repository's sample week, built once with audio (espeak for Vietnamese; minority clips left out as drafts)."""
    from commcli.bulletins.build import build_bulletin
    from commcli.i18n import set_language
    from commcli.workspace import open_workspace

    set_language("vi")
    root = tmp_path_factory.mktemp("browser") / "ws"
    root.mkdir()
    for part in ("commune.yaml", "glossary", "templates", "bulletins", "data", "recordings"):
        src = REPO / part
        if src.is_dir():
            shutil.copytree(src, root / part)
        elif src.is_file():
            shutil.copy2(src, root / part)
    result = build_bulletin(open_workspace(root), root / "bulletins" / "2026-W48.yaml", quiet=True)
    return root, result


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright for Python is not installed (pip install -e '.[test]')")
    exe = chromium_path()
    if exe is None:
        pytest.skip("No Chromium found (/usr/bin/chromium): `make test` installs the Debian package 'chromium'")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=exe, headless=True, args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def loaded(built_week, browser):
    """The page opened once: console messages, requests, load time (first load and a warm one)."""
    _root, result = built_week
    folder = result.out_dir.resolve()
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    console, errors, requests = [], [], []
    page.on("console", lambda m: console.append((m.type, m.text)))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("request", lambda r: requests.append(r.url))

    def only_the_folder(route):
        url = route.request.url
        inside = url.startswith("data:") or (url.startswith("file://") and
                                             Path(unquote(urlparse(url).path)).resolve().is_relative_to(folder))
        return route.continue_() if inside else route.abort()

    page.route("**/*", only_the_folder)
    url = (folder / "index.html").as_uri()
    started = time.perf_counter()
    page.goto(url, wait_until="load")
    first = time.perf_counter() - started
    started = time.perf_counter()
    page.reload(wait_until="load")
    warm = time.perf_counter() - started
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / "weekpage-load.txt").write_text(
        f"first load {first:.3f} s, reload {warm:.3f} s (headless Chromium, file://, shared machine)\n", encoding="utf-8")
    print(f"\nweek page load: first {first:.3f} s, reload {warm:.3f} s")
    yield page, folder, console, errors, requests
    page.close()


def test_no_console_errors_and_no_request_outside_the_folder(loaded):
    page, folder, console, errors, requests = loaded
    assert not errors, errors
    assert not [m for m in console if m[0] == "error"], console
    assert requests, "the page was requested"
    for url in requests:
        assert url.startswith("data:") or (url.startswith("file://") and
                                           Path(unquote(urlparse(url).path)).resolve().is_relative_to(folder)), url


def test_every_audio_source_exists_and_plays_as_long_as_the_mp3(loaded, built_week):
    from commcli.audio.ffmpeg import mp3_duration

    page, folder, *_rest = loaded
    _root, result = built_week
    sources = page.evaluate("""() => [...document.querySelectorAll('audio')].map(a => a.getAttribute('src'))
        .concat([...document.querySelectorAll('a[data-audio]')].map(a => a.getAttribute('href')))""")
    assert len([s for s in sources if "/clips/" not in s]) >= 10 and any("/clips/" in s for s in sources)
    unique = sorted(set(sources))
    durations = dict(page.evaluate("""async (srcs) => Promise.all(srcs.map(src => new Promise(done => {
        const a = new Audio();
        a.preload = 'metadata';
        a.onloadedmetadata = () => done([src, a.duration]);
        a.onerror = () => done([src, null]);
        a.src = src;
    })))""", unique))
    manifest = {o["path"]: o for o in result.manifest["outputs"]}
    for src in unique:
        path = folder / unquote(src)
        assert path.is_file(), src
        assert durations[src] is not None, f"Chromium cannot play {src}"
        assert abs(durations[src] - mp3_duration(path)) < 0.5, (src, durations[src], mp3_duration(path))
        assert abs(durations[src] - manifest[unquote(src)]["duration"]) < 0.5, src
    # The players on the page itself report the same once their metadata is in.
    first = page.evaluate("""async () => { const a = document.querySelector('audio');
        if (a.readyState < 1) await new Promise(r => { a.onloadedmetadata = r; a.preload = 'metadata'; a.load(); });
        return [a.getAttribute('src'), a.duration]; }""")
    assert abs(first[1] - durations[first[0]]) < 0.01


def test_every_link_resolves(loaded):
    page, folder, *_rest = loaded
    hrefs = page.evaluate("() => [...document.querySelectorAll('a[href]')].map(a => a.getAttribute('href'))")
    ids = set(page.evaluate("() => [...document.querySelectorAll('[id]')].map(e => e.id)"))
    assert hrefs
    for href in hrefs:
        if href.startswith("#"):
            assert href[1:] in ids, href
        else:
            assert not urlparse(href).scheme and not href.startswith("/"), f"not a relative link: {href}"
            assert (folder / unquote(href)).is_file(), href


def test_to_do_lists_what_check_reports(loaded, built_week, cli):
    page, *_rest = loaded
    root, _result = built_week
    report = json.loads(cli("-w", root, "check", "--format", "json").stdout)
    expected = [p["message"] for p in report["problems"] if p["file"] == "bulletins/2026-W48.yaml"]
    assert expected
    todo = page.evaluate("() => document.querySelector('#viec-can-lam').textContent")
    for message in expected:
        assert " ".join(message.split()) in " ".join(todo.split()), message
    assert page.locator("#draft").is_visible()  # the sample is a draft


def test_page_is_accessible_and_readable_on_a_phone(loaded, browser):
    page, folder, *_rest = loaded
    assert page.evaluate("() => document.documentElement.lang") == "vi"
    levels = page.evaluate("() => [...document.querySelectorAll('h1,h2,h3,h4,h5')].map(h => +h.tagName[1])")
    assert levels[0] == 1 and levels.count(1) == 1
    assert all(b - a <= 1 for a, b in zip(levels, levels[1:])), levels
    unnamed = page.evaluate("""() => [...document.querySelectorAll('audio, a[data-audio], svg[role=img]')]
        .filter(e => !(e.getAttribute('aria-label') || '').trim()).length""")
    assert unnamed == 0
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "weekpage.png"))
    phone = browser.new_page(viewport={"width": 375, "height": 800})
    phone.goto((folder / "index.html").as_uri(), wait_until="load")
    overflow = phone.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
    phone.screenshot(path=str(ARTIFACTS / "weekpage-phone.png"))
    phone.close()
    assert overflow <= 1, f"the page is {overflow}px wider than a phone screen"
    assert (ARTIFACTS / "weekpage.png").stat().st_size > 10_000


def test_share_pack_audio_is_aac_as_long_as_the_clip(built_week, browser):
    """Each item's audio in the village's share folder: M4A (AAC) of the clip, same length; Chromium plays it."""
    from commcli.audio.ffmpeg import decode

    _root, result = built_week
    folder = result.out_dir
    outputs = {o["path"]: o for o in result.manifest["outputs"]}
    m4a = sorted((folder / "share" / "ban-huoi-lech").glob("*.m4a"))
    assert m4a, "the village's Vietnamese clips are in its share pack"
    clip = outputs["audio/clips/canh-bao-sat-lo.vi.mp3"]
    first = folder / "share" / "ban-huoi-lech" / "01-canh-bao-sat-lo.vi.m4a"
    assert first in m4a and outputs[str(first.relative_to(folder))]["kind"] == "share-audio"
    samples, rate = decode(first, 16000)
    assert abs(len(samples) / rate - clip["duration"]) < 0.2
    assert first.stat().st_size < (folder / clip["path"]).stat().st_size  # smaller than the MP3 it comes from
    page = browser.new_page()
    page.goto((folder / "index.html").as_uri())
    duration = page.evaluate("""async (src) => new Promise(done => { const a = new Audio(); a.preload = 'metadata';
        a.onloadedmetadata = () => done(a.duration); a.onerror = () => done(null); a.src = src; })""",
                             "share/ban-huoi-lech/01-canh-bao-sat-lo.vi.m4a")
    page.close()
    assert duration is not None and abs(duration - clip["duration"]) < 0.5
