"""The start-up floor's --kept mode (benchmarks/bare_typer.py) really does what it claims: it
validates the case with appeal's case models, so a reference built on it cannot silently
measure less."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.conftest import EXAMPLES

FLOOR = Path(__file__).parent.parent / "benchmarks" / "bare_typer.py"


def _floor(case: Path, out: Path, *options: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, str(FLOOR), "render", str(case), "-o", str(out), *options]
    return subprocess.run(command, capture_output=True, text=True, check=False)


def test_the_floor_with_the_kept_parts_reads_an_example(tmp_path: Path) -> None:
    done = _floor(EXAMPLES / "full-suspension.yaml", tmp_path, "--kept")
    assert done.returncode == 0, done.stderr[-500:]
    assert (tmp_path / "bare-0.txt").stat().st_size > 1000


def test_the_floor_with_the_kept_parts_validates_the_case(tmp_path: Path) -> None:
    case = tmp_path / "case.yaml"
    text = (EXAMPLES / "vtr-toys.yaml").read_text(encoding="utf-8")
    case.write_text(text.replace("scope: category", "scope: sometimes"), encoding="utf-8")
    assert _floor(case, tmp_path).returncode == 0  # the plain floor reads any YAML
    done = _floor(case, tmp_path, "--kept")
    assert done.returncode != 0 and "scope" in done.stderr
