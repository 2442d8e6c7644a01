"""A build cache: results of the per-article and per-meeting analysis, keyed by content hash.

Adding one article to ten thousand reuses every other article's cleaning and quote extraction and every
untouched meeting's analysis. The key includes a hash of the generator's code and word lists, so a change
to either invalidates everything. Entries not used by a build are dropped when it is saved.
"""
from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import Any

PACKAGE = Path(__file__).parent


@lru_cache(maxsize=1)
def code_version() -> str:
    """Hash of every module and data file of the generator."""
    h = hashlib.sha256()
    for path in sorted(PACKAGE.rglob("*")):
        if path.suffix in {".py", ".yml", ".yaml", ".json"} and "__pycache__" not in path.parts:
            h.update(path.relative_to(PACKAGE).as_posix().encode())
            h.update(path.read_bytes())
    return h.hexdigest()[:16]


def key(*parts: Any) -> str:
    h = hashlib.sha256(code_version().encode())
    for part in parts:
        h.update(b"\x00" + repr(part).encode())
    return h.hexdigest()


class Cache:
    """A dict-like memo persisted as one pickle file; `None` path means memory only."""

    def __init__(self, path: Path | None = None):
        self.path = path
        self.old: dict[str, Any] = {}
        self.new: dict[str, Any] = {}
        if path and path.is_file():
            try:
                with path.open("rb") as handle:
                    self.old = pickle.load(handle)
            except Exception:  # a corrupt or incompatible cache is just a cold cache
                self.old = {}

    def get(self, k: str) -> Any:
        if k in self.new:
            return self.new[k]
        if k in self.old:
            self.new[k] = self.old[k]
            return self.new[k]
        return None

    def put(self, k: str, value: Any) -> Any:
        self.new[k] = value
        return value

    def save(self) -> None:
        if not self.path:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".tmp-cache-")
        with os.fdopen(fd, "wb") as handle:
            pickle.dump(self.new, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, self.path)
