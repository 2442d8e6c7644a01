"""`mkdocs serve` regenerates the pages on its own: an edited template or a new article shows on the served
site without restarting anything (the hook runs the generator; `watch:` covers templates and articles)."""
from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import write
from sitebuild import scratch_project

pytestmark = pytest.mark.e2e

MARKER = "Served-fresh marker 7f3a"
ARTICLE = """---
title: Blinken and Wang Yi discuss fentanyl and Taiwan in Beijing
outlet: Test Wire
url: https://news.example.org/blinken-wang-beijing
published: 2024-04-26
---
BEIJING - US Secretary of State Antony Blinken met Chinese President Xi Jinping in Beijing on Friday for talks on \
fentanyl, Taiwan and the war in Ukraine, the last day of a three-day visit.

"We are committed to maintaining and strengthening the lines of communication," Blinken told reporters after \
the meeting.
"""
# loopback only: never through a proxy from the environment
OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> tuple[str, str] | None:
    """The page and its URL after redirects, or None while the server is not up."""
    try:
        with OPENER.open(url, timeout=5) as response:
            return response.read().decode("utf-8"), response.geturl()
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def poll(url: str, ok: Callable[[str], bool], seconds: float, log: Path) -> tuple[str, str]:
    """The page at `url` (and its URL after redirects) once `ok` holds, or a failure with the server's log."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        page = fetch(url)
        if page is not None and ok(page[0]):
            return page
        time.sleep(0.5)
    pytest.fail(f"{url} did not change as expected within {seconds} s; server log:\n"
                + log.read_text(errors="replace")[-3000:])


def article_count(html: str) -> int:
    found = re.search(r"drawn from (\d+) news articles?", html)
    assert found, "the home page no longer says how many articles it is drawn from"
    return int(found.group(1))


def test_serve_picks_up_template_and_article_changes(tmp_path):
    project = scratch_project(tmp_path / "project")
    port = free_port()
    log = tmp_path / "serve.log"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    with log.open("w") as out:
        server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
                                  cwd=project, env=env, stdout=out, stderr=subprocess.STDOUT)
    try:
        # "/" redirects to the path of site_url: poll that page directly afterwards
        html, home = poll(f"http://127.0.0.1:{port}/", lambda h: "drawn from" in h, 60, log)
        before = article_count(html)
        assert MARKER not in html

        template = project / "templates" / "home.md.j2"
        template.write_text(template.read_text(encoding="utf-8") + f"\n{MARKER}\n", encoding="utf-8")
        poll(home, lambda h: MARKER in h, 60, log)

        write(project / "seeds", "zz-new-article.md", ARTICLE)
        after = article_count(poll(home, lambda h: article_count(h) != before, 60, log)[0])
        assert after == before + 1
        assert server.poll() is None, "the server stopped"
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
