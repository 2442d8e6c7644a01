"""MkDocs hook: run the generator before every build, so `mkdocs build` and `mkdocs serve` (with `watch:`
on the articles and templates) regenerate the pages. Problems go to a `mkdocs.*` logger, so
`mkdocs build --strict` fails on them. With the generator's cache on, MkDocs' own work per page is cached
beside it (`generator.mkdocs_cache`)."""
from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.exceptions import PluginError

import generator.blas  # noqa: F401  (first: it must run before numpy loads)
from generator.build import BuildError, build
from generator.config import load_settings
from generator.mkdocs_cache import PageCache
from generator.render import TemplateError
from generator.resources import ConfigError

log = logging.getLogger("mkdocs.plugins.generator")
_dirty = False  # `mkdocs build --dirty` or `mkdocs serve --dirty`: only changed pages are converted, uncached
_pages: PageCache | None = None


def on_startup(command, dirty, **kwargs) -> None:
    global _dirty
    _dirty = dirty


def on_pre_build(config, **kwargs) -> None:
    global _pages
    root = Path(config.config_file_path).parent
    try:
        settings = load_settings(root, {"docs": Path(config.docs_dir), "site_url": config.site_url or None,
                                        "site_name": config.site_name})
        result = build(settings, report=log.warning)
    except (BuildError, ConfigError, TemplateError) as exc:
        raise PluginError(f"generator: {exc}") from None
    log.info(result.summary())
    _close()
    if settings.cache and not _dirty:
        _pages = PageCache(settings.cache / "mkdocs.sqlite", config)
        search = config.plugins.get("material/search") or config.plugins.get("search")
        if getattr(search, "search_index", None) is not None:
            _pages.index_search(search.search_index)


def on_pre_page(page, **kwargs):
    if _pages is not None:
        _pages.attach(page)
    return page


def on_post_build(config, **kwargs) -> None:
    if _pages is not None:
        _pages.save()
    _close()


def on_build_error(error, **kwargs) -> None:
    _close()


def _close() -> None:
    global _pages
    if _pages is not None:
        _pages.close()
        _pages = None
