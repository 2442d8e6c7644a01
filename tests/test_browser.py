"""The built site in a real browser (Debian's Chromium driven by Playwright): navigation, search, citations,
the colour toggle, a phone-width layout, hostile article text, and no request leaving localhost.

One build per module: the seeds plus a hostile article. Set UPDATE_SCREENSHOT=1 to copy the screenshot of
the 2023-06-19 meeting page taken here to docs/assets/meeting.png (the README shows it)."""
from __future__ import annotations

import functools
import json
import os
import shutil
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from conftest import ROOT, write
from sitebuild import mkdocs_build, scratch_project

CHROMIUM = Path("/usr/bin/chromium")
if not CHROMIUM.is_file():
    pytest.skip(f"Debian's Chromium is not installed at {CHROMIUM} (apt-get install chromium)", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright for Python is not installed (pip install .[test])")

pytestmark = [pytest.mark.browser, pytest.mark.e2e]

LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
               "--disable-component-update", "--disable-sync"]
SCREENSHOT = ROOT / "docs" / "assets" / "meeting.png"
SCRIPT = "<script>window.__pwned=1</script>"
IMG = '<img src=x onerror="window.__pwned=2">'
HOSTILE = f"""---
title: 'Blinken meets Xi in Beijing {SCRIPT}'
outlet: 'Hostile Wire {IMG}'
url: https://news.example.org/blinken-xi-beijing
published: 2024-04-26
---
BEIJING - US Secretary of State Antony Blinken met Chinese President Xi Jinping in Beijing on Friday, the last day \
of a three-day visit to China, for talks on trade, Taiwan and the war in Ukraine.

Officials said the meeting in the Great Hall of the People lasted about 80 minutes. {SCRIPT}

"{IMG} We are partners, not rivals," Xi told Blinken at the start of the meeting, according to state media.

Blinken said the United States would stand up for its interests and values during the talks.
"""


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args) -> None:  # keep the test output clean
        pass


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    """The seeds plus one hostile article, built once with `mkdocs build --strict`."""
    project = scratch_project(tmp_path_factory.mktemp("browser"))
    write(project / "seeds", "zz-hostile.md", HOSTILE)
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    return project / "site"


@pytest.fixture(scope="module")
def data(site) -> dict:
    return json.loads((site / "briefings.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def base_url(site) -> Iterator[str]:
    """The built site over HTTP on loopback, on a free port, in a thread."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=LAUNCH_ARGS)
        yield b
        b.close()


def open_page(browser, base_url: str, width: int = 1280, height: int = 900):
    """A fresh light-mode page that records every URL it requests and every script error."""
    context = browser.new_context(viewport={"width": width, "height": height}, color_scheme="light")
    page = context.new_page()
    page.requested = []
    page.errors = []
    page.on("request", lambda r: page.requested.append(r.url))
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    return page


def close_clean(page, base_url: str) -> None:
    """Close the page; it must have loaded nothing but the local site and raised no script error."""
    outside = [u for u in page.requested if not u.startswith((base_url, "data:", "blob:"))]
    errors = page.errors
    page.context.close()
    assert not outside, f"requests left localhost: {outside}"
    assert not errors, f"script errors: {errors}"


@pytest.fixture
def page(browser, base_url):
    p = open_page(browser, base_url)
    yield p
    close_clean(p, base_url)


def meeting_on(data: dict, day: str) -> dict:
    found = [m for m in data["meetings"] if m["date"] == day]
    assert len(found) == 1, f"expected one meeting on {day}: {[m['date'] for m in data['meetings']]}"
    return found[0]


def test_home_lists_both_seed_meetings(page, base_url, data):
    page.goto(base_url)
    hrefs = page.locator("article a").evaluate_all("links => links.map(a => a.href)")
    for day in ("2023-06-19", "2024-04-26"):
        m = meeting_on(data, day)
        assert f"{base_url}meetings/{m['id']}/" in hrefs, (day, hrefs)
        assert page.get_by_role("link", name=m["title"], exact=True).first.is_visible()


def search(page, query: str):
    """Type into Material's search once its web worker has loaded search_index.json; the result items."""
    box = page.locator("input.md-search__input")
    box.click()
    page.wait_for_function("() => !document.querySelector('.md-search-result__meta').textContent"
                           ".includes('Initializing')", timeout=20_000)
    box.press_sequentially(query)  # Material reads the query on key events, not on `input`
    items = page.locator(".md-search-result__item")
    items.first.wait_for(timeout=20_000)
    return items


def test_search_for_fentanyl_finds_the_2024_meeting(page, base_url, data):
    target = f"meetings/{meeting_on(data, '2024-04-26')['id']}/"
    page.goto(base_url)
    hrefs = search(page, "fentanyl").locator("a").evaluate_all("links => links.map(a => a.href)")
    assert any(target in h for h in hrefs), hrefs


def test_citation_leads_to_the_source_and_its_url(page, base_url, data):
    m = meeting_on(data, "2023-06-19")
    url_of = {a["id"]: a["url"] for a in data["articles"]}
    page.goto(f"{base_url}meetings/{m['id']}/")
    ref = page.locator("a.footnote-ref").first
    target = ref.evaluate("a => a.hash")
    assert target and target.startswith("#fn:")
    ref.click()
    page.wait_for_function("h => location.hash === h", arg=target)
    # by its id: `:target` is not updated when Material's instant navigation sets the hash with pushState
    note = page.locator(f"[id='{target[1:]}']")
    article = target[len("#fn:"):]
    assert article in m["articles"]
    assert url_of[article].startswith("https://")
    links = note.locator("a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert url_of[article] in links, links
    assert note.is_visible()


def test_light_dark_toggle_switches_the_scheme(page, base_url):
    page.goto(base_url)
    scheme = lambda: page.locator("body").get_attribute("data-md-color-scheme")  # noqa: E731
    assert scheme() == "default"
    page.locator("form[data-md-component=palette] label:visible").click()
    page.wait_for_function("() => document.body.dataset.mdColorScheme === 'slate'")
    page.locator("form[data-md-component=palette] label:visible").click()
    page.wait_for_function("() => document.body.dataset.mdColorScheme === 'default'")


def test_pages_fit_a_phone_screen(browser, base_url, data):
    """At 375 px nothing scrolls sideways: wide tables scroll inside their own box."""
    page = open_page(browser, base_url, width=375, height=812)
    try:
        paths = [f"meetings/{m['id']}/" for m in data["meetings"]] + [f"topics/{t['id']}/" for t in data["topics"]]
        paths += ["", "meetings/", "topics/", "people/", "outlets/"]
        wide = {}
        for path in paths:
            page.goto(base_url + path)
            sw, cw = page.evaluate("() => [document.scrollingElement.scrollWidth, document.scrollingElement.clientWidth]")
            if sw > cw:
                wide[path] = (sw, cw)
        assert not wide, wide
    finally:
        close_clean(page, base_url)


def hostile_pages(site: Path) -> list[str]:
    """Paths of the built pages that print the hostile article's text."""
    rels = [p.parent.relative_to(site).as_posix() for p in site.rglob("index.html")
            if "__pwned" in p.read_text(encoding="utf-8")]
    return sorted("" if rel == "." else rel + "/" for rel in rels)


def test_hostile_article_renders_as_text_and_runs_nothing(page, site, base_url):
    paths = hostile_pages(site)
    assert any(p.startswith("meetings/") for p in paths), paths
    assert any(p.startswith("outlets/") for p in paths), paths
    for path in paths:
        page.goto(base_url + path)
        page.wait_for_load_state("load")
        assert page.evaluate("() => typeof window.__pwned") == "undefined", path
        assert page.locator("article img[onerror], article script").count() == 0, path
        text = page.locator("article").inner_text()
        assert SCRIPT in text or IMG in text, path
    page.goto(f"{base_url}outlets/")
    assert page.get_by_text(f"Hostile Wire {IMG}", exact=True).is_visible()


def test_search_results_show_hostile_text_without_running_it(page, base_url):
    page.goto(base_url)
    items = search(page, "Hostile")
    assert IMG in " ".join(items.all_inner_texts())
    assert page.evaluate("() => typeof window.__pwned") == "undefined"
    assert page.locator(".md-search-result img[onerror], .md-search-result script").count() == 0


def test_meeting_page_screenshot(page, base_url, data, tmp_path):
    """The README's picture: the 2023-06-19 meeting at 1280x900. Copied into the repo on UPDATE_SCREENSHOT=1."""
    page.goto(f"{base_url}meetings/{meeting_on(data, '2023-06-19')['id']}/")
    page.wait_for_load_state("networkidle")
    shot = tmp_path / "meeting.png"
    page.screenshot(path=str(shot))
    assert shot.read_bytes().startswith(b"\x89PNG") and shot.stat().st_size > 20_000
    if os.environ.get("UPDATE_SCREENSHOT") == "1":
        shutil.copyfile(shot, SCREENSHOT)
