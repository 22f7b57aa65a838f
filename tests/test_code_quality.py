"""The habits CI holds, inside the one test command (`uv run pytest`, as README and .ci/run
say): ruff's rules and formatting over the code, tests, benchmarks and scripts, and mypy
--strict (its files are set in pyproject.toml)."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT

FOLDERS = ["appeal", "tests", "benchmarks", "scripts"]


def _run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", *command], cwd=ROOT, capture_output=True, text=True, check=False
    )


def test_ruff_finds_nothing() -> None:
    done = _run("ruff", "check", *FOLDERS)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-1000:]


def test_the_code_is_formatted() -> None:
    done = _run("ruff", "format", "--check", *FOLDERS)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-1000:]


def test_mypy_strict_finds_nothing() -> None:
    done = _run("mypy")
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-1000:]
