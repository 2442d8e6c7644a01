"""Shared fixtures: paths to the repo, the seeds and (when present) ../shared."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DEV = SHARED / "corpus" / "dev"


@pytest.fixture
def seeds() -> Path:
    return ROOT / "seeds"


@pytest.fixture
def dev_corpus() -> Path:
    if not (DEV / "articles").is_dir():
        pytest.skip(f"the dev corpus is not here ({DEV}): it lives beside the repo in ../shared")
    return DEV


def write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true",
                     help="rewrite tests/golden/ from the current output (review the diff before committing)")


@pytest.fixture
def update_golden(request) -> bool:
    return request.config.getoption("--update-golden")
