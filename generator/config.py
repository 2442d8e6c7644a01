"""Build settings: declared once, validated up front, every error reported at once naming its field.

Settings come from `briefing.yml` beside mkdocs.yml (optional) and the command line (which wins).
"""
from __future__ import annotations

from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

import yaml

from .resources import ConfigError

CONFIG_FILE = "briefing.yml"
DEFAULT_CACHE = ".cache/generator"


@dataclass(frozen=True)
class Settings:
    articles: Path = Path("seeds")  # the input folder
    docs: Path = Path("docs")  # MkDocs docs_dir: generated pages go into folders of their own inside it
    templates: Path = Path("templates")
    cache: Path | None = None  # folder of the build caches: analysis, MkDocs pages (default .cache/generator)
    site_url: str = ""  # used for absolute links in the feed
    site_name: str = "Diplomacy briefings"
    key_quotes: int = 6  # key quotes shown per meeting (the rest go into a collapsible block)
    summary_sentences: int = 8
    topic_sentences: int = 3  # sentences per meeting on a topic page
    strict: bool = False  # any problem with an article fails the build
    progress: bool = True


# field → (check, message)
CHECKS: dict[str, tuple[Any, str]] = {
    "key_quotes": (lambda v: isinstance(v, int) and 1 <= v <= 50, "must be a whole number from 1 to 50"),
    "summary_sentences": (lambda v: isinstance(v, int) and 1 <= v <= 30, "must be a whole number from 1 to 30"),
    "topic_sentences": (lambda v: isinstance(v, int) and 1 <= v <= 30, "must be a whole number from 1 to 30"),
    "site_url": (lambda v: isinstance(v, str) and (v == "" or v.startswith(("http://", "https://"))), "must be an http(s) URL"),
    "site_name": (lambda v: isinstance(v, str) and v.strip() != "", "must be a non-empty string"),
    "strict": (lambda v: isinstance(v, bool), "must be true or false"),
    "progress": (lambda v: isinstance(v, bool), "must be true or false"),
}
PATHS = {"articles", "docs", "templates", "cache"}


def validate(values: dict[str, Any], source: str) -> Settings:
    """Settings from raw values; raise one ConfigError listing every bad field."""
    known = {f.name for f in fields(Settings)}
    errors = [f"{source}: unknown option `{k}` (known: {', '.join(sorted(known))})" for k in values if k not in known]
    clean: dict[str, Any] = {}
    for key, value in values.items():
        if key not in known:
            continue
        if key == "cache" and value in (False, None, ""):
            clean[key] = None
            continue
        if key in PATHS:
            if not isinstance(value, (str, Path)) or not str(value).strip():
                errors.append(f"{source}: option `{key}` must be a folder path")
                continue
            value = Path(value)
        check = CHECKS.get(key)
        if check and not check[0](value):
            errors.append(f"{source}: option `{key}` {check[1]} (got {value!r})")
            continue
        clean[key] = value
    if errors:
        raise ConfigError("\n".join(errors))
    return Settings(**clean)


def load_settings(root: Path, overrides: dict[str, Any]) -> Settings:
    """`briefing.yml` in `root` (if any), then the overrides; relative paths are taken from `root`."""
    values: dict[str, Any] = {"cache": DEFAULT_CACHE}
    path = root / CONFIG_FILE
    if path.is_file():
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            raise ConfigError(f"{path}:{mark.line + 1 if mark else 1}: invalid YAML: {getattr(exc, 'problem', exc)}") from None
        if not isinstance(data, dict):
            raise ConfigError(f"{path}:1: expected `option: value` lines")
        values.update(data)
    values.update({k: v for k, v in overrides.items() if v is not None})
    settings = validate(values, str(path) if path.is_file() else "command line")
    return replace(settings, **{k: (root / getattr(settings, k)) for k in PATHS if getattr(settings, k)})
