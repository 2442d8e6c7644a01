"""The publishing workflow parses and runs the README's own two commands."""
from __future__ import annotations

import re

import yaml
from conftest import ROOT


def readme_commands() -> list[str]:
    text = (ROOT / "README.md").read_text()
    return re.findall(r"^\s*(make \w+)\s*$", text, re.M)


def test_readme_gives_two_commands():
    assert readme_commands()[:2] == ["make site", "make test"]


def test_workflow_runs_the_readme_commands():
    flow = yaml.safe_load((ROOT / ".github/workflows/publish.yml").read_text())
    assert flow[True]["push"]["branches"] == ["main"]  # YAML 1.1 reads the key `on` as True
    steps = [s.get("run", "") for s in flow["jobs"]["build"]["steps"]]
    for command in readme_commands()[:2]:
        assert any(step == command or step.startswith(command + " ") for step in steps), command
    uses = [s.get("uses", "") for job in flow["jobs"].values() for s in job["steps"]]
    assert any(u.startswith("actions/deploy-pages") for u in uses)


def test_ci_calls_the_readme_test_command():
    assert "make test" in (ROOT / ".ci/run").read_text()
