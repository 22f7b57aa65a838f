"""Start-up and rendering speed against floors measured in the same run (spec section 9).

    uv run python benchmarks/run.py [--quick]

Each line prints our median, the floor's median and the ratio; machines are noisy, so only
ratios from one run mean anything.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

from _timing import PYTHON, ROOT, compare

APPEAL = [PYTHON, "-m", "appeal"]
BARE = [PYTHON, str(ROOT / "benchmarks" / "bare_typer.py")]
EXAMPLE = ROOT / "examples" / "full-suspension.yaml"


def main() -> None:
    runs = 5 if "--quick" in sys.argv else 11
    many = 200 if "--quick" in sys.argv else 1000
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        case = work / "case.yaml"
        shutil.copy(EXAMPLE, case)
        out = work / "out"
        compare(
            "appeal --help vs bare typer --help", [*APPEAL, "--help"], [*BARE, "--help"], runs=runs
        )
        compare(
            "render --format txt vs bare typer command",
            [*APPEAL, "render", str(case), "-f", "txt", "-o", str(out), "--force"],
            [*BARE, "render", str(case), "-o", str(out)],
            runs=runs,
            target=1.3,
        )
        compare(
            "render --format docx vs bare typer + docx save",
            [*APPEAL, "render", str(case), "-f", "docx", "-o", str(out), "--force"],
            [*BARE, "render", str(case), "-o", str(out), "--docx"],
            runs=runs,
            target=1.3,
        )
        cases = work / "many"
        cases.mkdir()
        for n in range(many):
            shutil.copy(EXAMPLE, cases / f"case-{n:04d}.yaml")
        paths = sorted(str(p) for p in cases.glob("*.yaml"))
        compare(
            f"{many} cases --format docx vs {many} bare docx saves",
            [*APPEAL, "render", *paths, "-f", "docx", "-o", str(work / "many-out"), "--force"],
            [*BARE, "render", *paths, "-o", str(work / "bare-out"), "--docx"],
            runs=max(3, runs // 3),
            target=1.0,
        )


if __name__ == "__main__":
    main()
