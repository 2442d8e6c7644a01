"""MkDocs hook: run the generator before every build, so `mkdocs build` and `mkdocs serve` (with `watch:`
on the articles and templates) regenerate the pages. Problems go to a `mkdocs.*` logger, so
`mkdocs build --strict` fails on them."""
from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.exceptions import PluginError

import generator.blas  # noqa: F401  (first: it must run before numpy loads)
from generator.build import BuildError, build
from generator.config import load_settings
from generator.render import TemplateError
from generator.resources import ConfigError

log = logging.getLogger("mkdocs.plugins.generator")


def on_pre_build(config, **kwargs) -> None:
    root = Path(config.config_file_path).parent
    try:
        settings = load_settings(root, {"docs": Path(config.docs_dir), "site_url": config.site_url or None,
                                        "site_name": config.site_name})
        result = build(settings, report=log.warning)
    except (BuildError, ConfigError, TemplateError) as exc:
        raise PluginError(f"generator: {exc}") from None
    log.info(result.summary())
