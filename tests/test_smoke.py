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


def test_output_piped_into_head_stops_quietly() -> None:
    import subprocess
    import sys

    result = subprocess.run(
        f"{sys.executable} -m appeal causes --lang zh | head -1", shell=True,
        capture_output=True, text=True, timeout=60,
    )
    assert result.stdout.startswith("invalid_tracking")
    assert "unexpected error" not in result.stderr and "Traceback" not in result.stderr
