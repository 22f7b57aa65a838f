"""The README's main command works on the bundled example."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.conftest import EXAMPLES, run_appeal


def test_render_bundled_example(tmp_path: Path) -> None:
    case = tmp_path / "vtr-toys.yaml"
    shutil.copy(EXAMPLES / "vtr-toys.yaml", case)
    result = run_appeal("render", str(case))
    assert result.returncode == 0, result.stderr
    assert "op-pso-vtr-appeals@amazon.com" in result.stdout
    text = (tmp_path / "vtr-toys.txt").read_text(encoding="utf-8")
    assert "Root causes of not providing valid tracking numbers" in text
    assert "37 of 412" in text


def test_output_piped_into_a_closed_reader_stops_quietly(tmp_path: Path) -> None:
    """As with `appeal causes | head -1`: the reader goes away before appeal writes."""
    import subprocess
    import sys

    proc = subprocess.Popen(
        [sys.executable, "-m", "appeal", "causes", "--json"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()
    stderr = proc.stderr.read().decode("utf-8")
    proc.wait(timeout=60)
    assert "unexpected error" not in stderr and "Traceback" not in stderr
