"""The build cache: entries come back as they were put, pickled or not, in memory or from the file."""
from __future__ import annotations

import pickle

import pytest

from generator.cache import Cache


@pytest.fixture(params=["file", "memory"])
def cache(request, tmp_path):
    c = Cache(tmp_path / "cache.sqlite" if request.param == "file" else None)
    yield c
    c.close()


def test_an_entry_put_pickled_comes_back_as_asked(cache):
    value = {"meeting": ("Blinken", "Xi"), "sentences": [1, 2, 3]}
    cache.put("a", pickle.dumps(value), raw=True)
    cache.put("b", value)
    for _ in range(2):  # before the save (new entries) and after it (loaded from the file or kept in memory)
        assert cache.get_many(["a", "b"]) == {"a": value, "b": value}
        got = cache.get_many(["a", "b"], raw=True)
        assert {k: pickle.loads(v) for k, v in got.items()} == {"a": value, "b": value}
        cache.save()


def test_an_entry_put_again_unpickled_is_no_longer_taken_for_bytes(cache):
    cache.put("a", pickle.dumps("old"), raw=True)
    cache.put("a", "new")
    cache.save()
    assert cache.get("a") == "new"


def test_a_save_drops_the_entries_this_build_did_not_use(cache):
    cache.put("kept", 1)
    cache.put("dropped", 2)
    cache.save()
    assert cache.get("kept") == 1  # used by the next build; "dropped" is not
    cache.save()
    assert cache.get_many(["kept", "dropped"]) == {"kept": 1}


def test_flushed_entries_are_written_and_kept_by_the_save(tmp_path):
    """`flush` writes the new entries out mid-build (MkDocs' page cache: a cold build would otherwise hold them
    all); the build's `save` still counts them as used."""
    path = tmp_path / "cache.sqlite"
    cache = Cache(path)
    cache.put("old", 0)
    cache.save()
    assert cache.has("old")  # the file's keys are read before the flush
    cache.put("early", pickle.dumps(1), raw=True)
    cache.flush()
    assert not cache.new and cache.has("early")
    other = Cache(path)  # another process sees them already
    assert other.get("early") == 1
    other.close()
    cache.put("late", 2)
    cache.save()
    assert cache.get_many(["old", "early", "late"]) == {"early": 1, "late": 2}
    cache.close()
