"""The editable YAML word lists and settings shipped in `generator/data/` (people, places, topics, junk…)."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when available: several times faster
DATA = Path(__file__).parent / "data"


class ConfigError(Exception):
    """A broken configuration or word list: one project error naming the file and line."""


@lru_cache(maxsize=None)
def load(name: str) -> Any:
    path = DATA / name
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark else str(path)
        raise ConfigError(f"{where}: invalid YAML: {getattr(exc, 'problem', exc)}") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror}") from None
