"""Golden pages: the seeds' generated pages equal the committed ones in tests/golden/.

A deliberate change of output: `pytest tests/test_golden.py --update-golden`, then review `git diff tests/golden`.
"""
from __future__ import annotations

import shutil

from conftest import ROOT

from generator.build import build
from generator.config import Settings

GOLDEN = ROOT / "tests" / "golden"


def test_seed_pages_match_golden(tmp_path, update_golden):
    docs = tmp_path / "docs"
    build(Settings(articles=ROOT / "seeds", docs=docs, templates=ROOT / "templates", progress=False),
          report=lambda line: None)
    produced = {p.relative_to(docs).as_posix(): p.read_text() for p in docs.rglob("*") if p.is_file()
                and p.name != ".generator-manifest.json"}
    if update_golden:
        shutil.rmtree(GOLDEN, ignore_errors=True)
        for rel, text in produced.items():
            (GOLDEN / rel).parent.mkdir(parents=True, exist_ok=True)
            (GOLDEN / rel).write_text(text)
    expected = {p.relative_to(GOLDEN).as_posix(): p.read_text() for p in GOLDEN.rglob("*") if p.is_file()}
    assert sorted(produced) == sorted(expected), "pages added or removed: run with --update-golden if intended"
    for rel in sorted(produced):
        assert produced[rel] == expected[rel], f"{rel} differs from tests/golden/{rel} (--update-golden if intended)"
