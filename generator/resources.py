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


def _boolean_in_list(node: yaml.Node) -> yaml.ScalarNode | None:
    """A bare On, Off, Yes or No in a list, which YAML reads as true or false: a word list would lose the word."""
    if isinstance(node, yaml.SequenceNode):
        for item in node.value:
            if isinstance(item, yaml.ScalarNode) and item.tag.endswith(":bool"):
                return item
    children = node.value if isinstance(node, (yaml.SequenceNode, yaml.MappingNode)) else []
    for child in children:
        for n in child if isinstance(child, tuple) else (child,):
            found = _boolean_in_list(n)
            if found:
                return found
    return None


@lru_cache(maxsize=None)
def load(name: str) -> Any:
    path = DATA / name
    try:
        loader = SafeLoader(path.read_text(encoding="utf-8"))
        try:
            node = loader.get_single_node()  # parsed once: checked as nodes, then built
            wrong = node is not None and _boolean_in_list(node)
            if wrong:
                raise ConfigError(f"{path}:{wrong.start_mark.line + 1}: {wrong.value!r} in a list is read as true "
                                  f"or false: write it in quotes (\"{wrong.value}\")")
            return None if node is None else loader.construct_document(node)
        finally:
            loader.dispose()
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark else str(path)
        raise ConfigError(f"{where}: invalid YAML: {getattr(exc, 'problem', exc)}") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror}") from None
