"""The build cache: results of every costly step, keyed by a hash of what they depend on.

Per article (its reading, its cleaned text and quotes), per meeting (the analysed meeting) and per page (the
digest of the text rendered under the page's key), and the file index and page stamps of the last build.
Adding one article to ten thousand recomputes only what that article touches. Keys include a hash of the
generator's code and word lists, so a change to either invalidates everything.

Entries live in one SQLite file and are loaded on demand: a rebuild reads the small records of every article
and meeting, never the texts of articles it does not reanalyse. Entries a build did not use are dropped when
it is saved, so the file does not grow without bound.
"""
from __future__ import annotations

import hashlib
import pickle
import sqlite3
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .model import Source

PACKAGE = Path(__file__).parent
BATCH = 500  # keys per SQL query (SQLite limits the number of parameters)
# The file's layout (`PRAGMA user_version`); a file of another layout is started afresh. 2: a rowid table with
# 16 KB pages (a WITHOUT ROWID table stores large values badly: twice the time to save, four times to load).
SCHEMA = 2


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
    """A hash of `parts` (by their repr) and of the generator's code."""
    h = hashlib.sha256(code_version().encode())
    for part in parts:
        h.update(b"\x00" + repr(part).encode())
    return h.hexdigest()


READING, TEXT = "reading:", "text:"  # an article's two entries: prefix + `article_key`


def article_key(source: Source) -> str:
    """The key of an article's entries: its content's hash with the code's (nothing to hash again: a rebuild
    asks for 10,000 articles' keys)."""
    return f"article:{code_version()}:{source.digest}"


def cached(cache: Cache, source: Source) -> bool:
    """The cache holds everything the pipeline needs of this article, so its file need not be read again."""
    k = article_key(source)
    return cache.has(READING + k) and cache.has(TEXT + k)


class Cache:
    """A persistent memo: `get`/`get_many` load entries, `put` adds them, `keep` marks entries still needed
    without loading them, `save` commits the new ones and drops the unused. `None` path: memory only."""

    def __init__(self, path: Path | None = None):
        self.path = path
        self.db: sqlite3.Connection | None = None
        self.used: set[str] = set()
        self.new: dict[str, Any] = {}
        self.raw: set[str] = set()  # keys of entries held pickled (new ones; in memory only, all)
        self.memory: dict[str, Any] = {}
        self.stored: set[str] | None = None  # keys in the file, read on the first `has`
        if path:
            path.parent.mkdir(parents=True, exist_ok=True)
            try:
                self.db = self._open(path)
            except sqlite3.DatabaseError:  # corrupt or not a cache: start cold
                path.unlink(missing_ok=True)
                self.db = self._open(path)

    @staticmethod
    def _open(path: Path) -> sqlite3.Connection:
        db = sqlite3.connect(path, timeout=60, isolation_level=None)
        if db.execute("PRAGMA user_version").fetchone()[0] != SCHEMA:
            if db.execute("SELECT 1 FROM sqlite_master WHERE name = 'entries'").fetchone():  # laid out by older code
                db.close()
                for old in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
                    old.unlink(missing_ok=True)
                db = sqlite3.connect(path, timeout=60, isolation_level=None)
            db.execute("PRAGMA page_size=16384")  # entries of several KB: fewer overflow pages to write and read
            db.execute("BEGIN IMMEDIATE")  # another build may be creating it too: table and version at once
            db.execute("CREATE TABLE IF NOT EXISTS entries (key TEXT PRIMARY KEY, value BLOB NOT NULL)")
            db.execute(f"PRAGMA user_version={SCHEMA}")
            db.execute("COMMIT")
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=NORMAL")  # a crash may lose the last build's entries, never corrupt the file
        return db

    def get_many(self, keys: Iterable[str], raw: bool = False) -> dict[str, Any]:
        """The entries found among `keys` (missing keys are left out); `raw`: entries put raw, as bytes."""
        wanted = list(dict.fromkeys(keys))
        self.used.update(wanted)
        found = {k: self._as_asked(k, self.new[k], raw) for k in wanted if k in self.new}
        found.update((k, self._as_asked(k, self.memory[k], raw)) for k in wanted if k in self.memory)
        todo = [k for k in wanted if k not in found]
        if self.db is not None and todo:
            self._load(todo, found, raw)
        return found

    def _as_asked(self, k: str, value: Any, raw: bool) -> Any:
        """An entry held here as asked for: put pickled (`raw`) and asked for as an object, or the other way."""
        if (k in self.raw) == raw:
            return value
        return pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL) if raw else pickle.loads(value)

    def _load(self, todo: list[str], found: dict[str, Any], raw: bool) -> None:
        for i in range(0, len(todo), BATCH):
            chunk = todo[i:i + BATCH]
            rows = self.db.execute(f"SELECT key, value FROM entries WHERE key IN ({','.join('?' * len(chunk))})",
                                   chunk)
            for k, blob in rows:
                try:
                    found[k] = blob if raw else pickle.loads(blob)
                except Exception:  # an entry pickled by incompatible code: recompute it
                    continue

    def has(self, k: str) -> bool:
        """Whether `k` can be loaded (without loading it)."""
        return k in self.new or k in self.memory or k in self._stored()

    def _stored(self) -> set[str]:
        """The keys in the file (read once)."""
        if self.stored is None:
            self.stored = {row[0] for row in self.db.execute("SELECT key FROM entries")} if self.db else set()
        return self.stored

    def get(self, k: str) -> Any:
        return self.get_many([k]).get(k)

    def put(self, k: str, value: Any, raw: bool = False) -> Any:
        """Add an entry; `raw`: `value` is bytes already pickled, stored as they are."""
        self.used.add(k)
        self.new[k] = value
        if raw:
            self.raw.add(k)
        else:
            self.raw.discard(k)
        return value

    def keep(self, keys: Iterable[str]) -> None:
        self.used.update(keys)

    def save(self) -> None:
        """Commit new entries and drop those this build did not use, in one transaction."""
        if self.db is None:
            self.memory = {k: v for k, v in {**self.memory, **self.new}.items() if k in self.used}
            self.new, self.used, self.raw = {}, set(), self.raw & self.memory.keys()
            return
        self._commit(sorted(self._stored() - self.used))
        self.new, self.used, self.stored, self.raw = {}, set(), None, set()

    def flush(self) -> None:
        """Commit the new entries now, dropping none: a build that makes many large entries (MkDocs' pages)
        need not hold them all in memory until `save`."""
        if self.db is None or not self.new:
            return
        self._commit([])
        if self.stored is not None:
            self.stored |= self.new.keys()
        self.new, self.raw = {}, set()

    def _commit(self, unused: list[str]) -> None:
        db = self.db
        db.execute("BEGIN IMMEDIATE")
        try:
            db.executemany("INSERT OR REPLACE INTO entries VALUES (?, ?)",
                           ((k, v if k in self.raw else pickle.dumps(v, protocol=pickle.HIGHEST_PROTOCOL))
                            for k, v in self.new.items()))
            db.executemany("DELETE FROM entries WHERE key = ?", ((k,) for k in unused))
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise

    def close(self) -> None:
        if self.db is not None:
            self.db.close()
            self.db = None
