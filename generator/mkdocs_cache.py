"""A cache for the two steps of `mkdocs build` that cost the most per page and that a rebuild repeats for
every page, changed or not: converting the page's Markdown to HTML (Python-Markdown, about half of the build)
and indexing that HTML for search (Material's search plugin, about a quarter). After one new article only a
few dozen of thousands of pages change; the others are taken from here.

A conversion is reused only when it would come out the same:
- its key holds the page's Markdown, path and URL, the Markdown extensions and their settings, the link
  validation settings, whether MkDocs collects links to anchors (by its log level) and the version of every
  installed package;
- every link it resolved must still resolve to the same file (the lookups are recorded), and
- a conversion that logged anything (a broken link…) is never stored, so its warnings show on every build.
A search entry is keyed by everything the indexer reads: the page's HTML, URL, title, metadata and table of
contents. `tests/test_mkdocs_cache.py` checks that a build from the cache gives the same site, byte for byte.
"""
from __future__ import annotations

import logging
import pickle
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Any

from mkdocs.structure.pages import Page

from .cache import Cache, key
from .write import digest


_PAGES_LOG = logging.getLogger("mkdocs.structure.pages")
FLUSH_BYTES = 16 << 20  # new entries are written out every 16 MB (10,000 articles make about 230 MB)


@lru_cache(maxsize=1)
def packages() -> str:
    """Every installed distribution and its version: an extension's output may change with any of them."""
    return repr(sorted({(d.metadata["Name"] or "", d.version) for d in metadata.distributions()}))


def stable_repr(value: Any) -> str:
    """`repr` without object addresses (a configured slugify function prints one)."""
    return re.sub(r" at 0x[0-9a-fA-F]+", "", repr(value))


def _file(found) -> tuple[str, str, bool] | None:
    """What a link to `found` (a MkDocs `File` or None) turns into."""
    return None if found is None else (found.src_uri, found.url, found.inclusion.is_excluded())


class _Lookups:
    """The site's files as one page's conversion sees them, each path it looks up remembered."""

    def __init__(self, files):
        self.files = files
        self.seen: dict[str, tuple[str, str, bool] | None] = {}

    def get_file_from_path(self, path: str):
        found = self.files.get_file_from_path(path)
        self.seen[path] = _file(found)
        return found

    def __getattr__(self, name: str):
        return getattr(self.files, name)


class _Logged(logging.Handler):
    """Counts the records logged while installed on the `mkdocs` logger (which does not propagate) and on the
    root logger."""

    LOGGERS = (logging.getLogger("mkdocs"), logging.getLogger())

    def __init__(self):
        super().__init__(logging.DEBUG)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1

    def __enter__(self) -> _Logged:
        for logger in self.LOGGERS:
            logger.addHandler(self)
        return self

    def __exit__(self, *exc) -> None:
        for logger in self.LOGGERS:
            logger.removeHandler(self)


@dataclass(frozen=True)
class Converted:
    """What `Page.render` leaves on a page, and the file lookups it made."""

    content: str
    toc: Any  # mkdocs.structure.toc.TableOfContents
    title: str | None
    anchors: set[str]
    links_to_anchors: dict[str, dict[str, str]] | None  # by the linked file's path; None: not collected
    lookups: dict[str, tuple[str, str, bool] | None]


def _toc_key(items) -> tuple:
    return tuple((i.title, i.id, i.level, _toc_key(i.children)) for i in items)


class PageCache:
    """Memoises page conversions and search entries in `path` (an SQLite file, see `Cache`: a save drops the
    entries its build did not use)."""

    def __init__(self, path: Path, config):
        self.store = Cache(path)
        self.pending = 0  # bytes put since the last flush
        self.settings = key("mkdocs", packages(), stable_repr(config["markdown_extensions"]),
                            stable_repr(config["mdx_configs"]), config["use_directory_urls"],
                            stable_repr(config["validation"]))

    def attach(self, page) -> None:
        """Make `page` convert through this cache (MkDocs calls `page.render(config, files)` next). Only plain
        MkDocs pages: a plugin's own kind (a blog's post or archive) may render from more than its Markdown."""
        if type(page) is Page:
            page.render = lambda config, files: self.render(page, config, files)

    def render(self, page, config, files) -> None:
        k = key("page", self.settings, page.file.src_uri, page.file.url, page.file.inclusion.is_excluded(),
                _PAGES_LOG.getEffectiveLevel() > logging.DEBUG, digest(page.markdown.encode()))
        hit: Converted | None = self.store.get(k)
        if hit is not None and all(_file(files.get_file_from_path(p)) == f for p, f in hit.lookups.items()):
            page.content, page.toc, page._title_from_render = hit.content, hit.toc, hit.title
            page.present_anchor_ids = hit.anchors
            if hit.links_to_anchors is not None:
                page.links_to_anchors = {files.get_file_from_path(p): links
                                         for p, links in hit.links_to_anchors.items()}
            return
        lookups = _Lookups(files)
        with _Logged() as logged:
            Page.render(page, config, lookups)
        if logged.count:
            return
        links = getattr(page, "links_to_anchors", None)
        self.put(k, Converted(page.content, page.toc, page._title_from_render, page.present_anchor_ids,
                              None if links is None else {f.src_uri: v for f, v in links.items()}, lookups.seen))

    def index_search(self, search_index) -> None:
        """Make Material's search index take a page's entries from the cache when its HTML is unchanged."""
        index_page = search_index.add_entry_from_context

        def add_entry_from_context(page) -> None:
            k = key("search", self.settings, stable_repr(search_index.config), page.url, page.title,
                    stable_repr(page.meta), _toc_key(page.toc), digest(page.content.encode()))
            entries = self.store.get(k)
            if entries is not None:
                search_index.entries.extend(entries)
                return
            before = len(search_index.entries)
            index_page(page)
            self.put(k, search_index.entries[before:])

        search_index.add_entry_from_context = add_entry_from_context

    def put(self, k: str, value: Any) -> None:
        """Store `value` as it is now: plugins change a page after its conversion (the tags plugin adds its
        listing to the table of contents of the tags page)."""
        blob = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        self.store.put(k, blob, raw=True)
        self.pending += len(blob)
        if self.pending > FLUSH_BYTES:
            self.store.flush()
            self.pending = 0

    def save(self) -> None:
        self.store.save()

    def close(self) -> None:
        self.store.close()
