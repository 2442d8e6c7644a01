"""End to end: `mkdocs build --strict` on the seeds, warning-free, with every page kind and nothing external."""
from __future__ import annotations

import json
import re

import pytest
from sitebuild import mkdocs_build, scratch_project

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    project = scratch_project(tmp_path_factory.mktemp("site"))
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    return project, result


def test_strict_build_has_no_warnings(site):
    _, result = site
    assert "WARNING" not in result.stderr


def test_generated_pages_are_not_reported_as_missing_from_the_nav(site):
    """They are listed on index pages, not in the nav (`not_in_nav`); year pages one folder deeper included. A
    report of them would bury a hand-written page someone forgot to add."""
    _, result = site
    assert "not included in the \"nav\"" not in result.stderr, result.stderr


def test_every_page_kind_is_built(site):
    project, _ = site
    out = project / "site"
    data = json.loads((out / "briefings.json").read_text())
    for m in data["meetings"]:
        assert (out / "meetings" / m["id"] / "index.html").is_file()
    for t in data["topics"]:
        assert (out / "topics" / t["id"] / "index.html").is_file()
    for name in ["index.html", "feed.xml", "tags/index.html", "people/index.html", "outlets/index.html",
                 "people/xi-jinping/index.html", "search/search_index.json"]:
        assert (out / name).is_file(), name


def test_nothing_is_fetched_from_the_internet(site):
    project, _ = site
    for page in (project / "site").rglob("*.html"):
        html = page.read_text()
        # only links for the reader to follow (<a href>) may point outside; nothing loaded
        tags = re.findall(r"<(?:script|link|img|iframe)\b[^>]*>", html)
        loaded = [t for t in tags if re.search(r"(?:src|href)=\"(?:https?:)?//", t)
                  and not re.search(r"rel=\"(?:canonical|alternate)\"", t)]
        assert not loaded, page
        assert "fonts.googleapis" not in html and "fonts.gstatic" not in html


def test_feed_is_valid_xml(site):
    import xml.etree.ElementTree as ET

    project, _ = site
    root = ET.parse(project / "site" / "feed.xml").getroot()
    items = root.findall("channel/item")
    assert len(items) == 2 and all(i.findtext("link").startswith("https://") for i in items)


def test_hand_written_pages_survive(site):
    project, _ = site
    assert (project / "docs" / "about.md").read_text().startswith("# About these briefings")
    assert (project / "site" / "about" / "index.html").is_file()
