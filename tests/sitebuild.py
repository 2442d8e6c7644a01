"""Build the whole site from the seeds with `mkdocs build --strict` in a scratch copy of the project."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import ROOT

from generator.write import MANIFEST, read_manifest

PROJECT_FILES = ["mkdocs.yml", "briefing.yml", "docs", "templates", "seeds", "generator/mkdocs_hook.py"]


def scratch_project(dest: Path, articles: Path | None = None) -> Path:
    """A copy of what `mkdocs build` reads, without any generated pages."""
    for name in PROJECT_FILES:
        src, dst = ROOT / name, dest / name
        dst.parent.mkdir(parents=True, exist_ok=True)
        if src.is_dir():
            shutil.copytree(src, dst)
        else:
            shutil.copy2(src, dst)
    generated = read_manifest(dest / "docs")  # pages a previous build wrote into the repo's docs/
    for rel in generated:
        (dest / "docs" / rel).unlink(missing_ok=True)
    (dest / "docs" / MANIFEST).unlink(missing_ok=True)
    if articles is not None:
        shutil.rmtree(dest / "seeds")
        shutil.copytree(articles, dest / "seeds")
    return dest


def mkdocs_build(project: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(project / "site")],
                          cwd=project, env=env, capture_output=True, text=True, timeout=300)
