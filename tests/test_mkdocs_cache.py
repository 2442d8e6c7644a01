"""MkDocs' page conversions and search entries are cached (`generator.mkdocs_cache`): a build from the cache
gives the same site, byte for byte, and a cached page still reports its broken links."""
from __future__ import annotations

import logging
from pathlib import Path

import pytest
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.structure.pages import Page
from sitebuild import scratch_project

pytestmark = pytest.mark.e2e


class Conversions:
    """Counts the Markdown conversions MkDocs really runs, and keeps the warnings it logs."""

    def __init__(self, monkeypatch):
        self.count, self.warnings = 0, []
        convert = Page.render

        def counting(page, config, files):
            self.count += 1
            return convert(page, config, files)

        monkeypatch.setattr(Page, "render", counting)
        handler = logging.Handler(logging.WARNING)
        handler.emit = lambda record: self.warnings.append(record.getMessage())
        logging.getLogger("mkdocs").addHandler(handler)
        self.handler = handler

    def build(self, project: Path, site: str = "site") -> dict[str, bytes]:
        """`mkdocs build` in this process: the built files and their bytes."""
        self.count, self.warnings = 0, []
        config = load_config(str(project / "mkdocs.yml"), site_dir=str(project / site))
        config.plugins.on_startup(command="build", dirty=False)
        mkdocs_build(config)
        return {p.relative_to(project / site).as_posix(): p.read_bytes()
                for p in sorted((project / site).rglob("*")) if p.is_file()}

    def close(self) -> None:
        logging.getLogger("mkdocs").removeHandler(self.handler)


@pytest.fixture
def conversions(monkeypatch):
    counter = Conversions(monkeypatch)
    yield counter
    counter.close()


def hand_written(project: Path) -> None:
    (project / "docs" / "notes.md").write_text("# Notes\n\nSee [the other page](other.md#part).\n")
    (project / "docs" / "other.md").write_text("# Other\n\n## Part\n\nText.\n")


def test_a_build_from_the_cache_is_the_same_site(tmp_path, conversions):
    project = scratch_project(tmp_path / "cached")
    hand_written(project)
    first = conversions.build(project)
    pages = conversions.count
    assert pages > 20 and (project / ".cache" / "generator" / "mkdocs.sqlite").is_file()
    second = conversions.build(project)
    assert conversions.count == 0  # every page came from the cache
    assert second == first

    plain = scratch_project(tmp_path / "plain")
    hand_written(plain)
    settings = plain / "briefing.yml"
    settings.write_text(settings.read_text().replace("cache: .cache/generator", "cache: false"))
    assert conversions.build(plain) == first
    assert conversions.count == pages and not (plain / ".cache").exists()


def test_a_cached_page_still_reports_a_link_whose_target_went(tmp_path, conversions):
    project = scratch_project(tmp_path)
    hand_written(project)
    conversions.build(project)
    assert not conversions.warnings
    (project / "docs" / "other.md").unlink()
    conversions.build(project)
    assert conversions.count == 1  # notes.md: the file its link resolved to is gone
    assert any("notes.md" in w and "other.md" in w for w in conversions.warnings), conversions.warnings
    conversions.build(project)  # a conversion that warned is not stored: it warns on every build
    assert conversions.count == 1
    assert any("notes.md" in w and "other.md" in w for w in conversions.warnings), conversions.warnings


def test_a_plugins_own_kind_of_page_is_not_cached(tmp_path):
    """A blog's post or archive page may render from more than its own Markdown: only plain pages are cached."""
    from generator.mkdocs_cache import PageCache

    class Post(Page):
        pass

    cache = PageCache(tmp_path / "mkdocs.sqlite", {"markdown_extensions": [], "mdx_configs": {},
                                                   "use_directory_urls": True, "validation": {}})
    post, plain = Post.__new__(Post), Page.__new__(Page)
    cache.attach(post)
    cache.attach(plain)
    cache.close()
    assert "render" not in vars(post) and "render" in vars(plain)
