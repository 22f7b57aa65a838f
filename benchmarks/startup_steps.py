"""Where a text render's start-up goes: CPU instructions (valgrind) after each step, every step
run in a fresh interpreter that does all the steps before it, then the whole command and the
floors. Deterministic, so it needs only one run of each (about a minute with valgrind).

    uv run python benchmarks/startup_steps.py

The steps are those `appeal render CASE -f txt` takes, in its order; the table it prints is the
one in benchmarks/README.md ("Where the start-up time goes").
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

from _timing import PYTHON, ROOT, instructions

EXAMPLE = ROOT / "examples" / "full-suspension.yaml"

# (step, code run after the code of every step before it)
STEPS = [
    ("`import typer, yaml`", "import typer, yaml"),
    (
        "what running any typer command imports (`typer._adapters`, which imports pydantic)",
        "import typer._adapters",
    ),
    ("appeal's command tree (`appeal.cli.app`)", "import appeal.cli.app"),
    (
        "the case models (`appeal.core.case`: pydantic builds their validators)",
        "import appeal.core.case",
    ),
    (
        "the catalogue and the case file read and validated",
        "from appeal.core.catalogue import load_catalogue\n"
        "from appeal.core.casefile import load_case\n"
        "catalogue = load_catalogue()\n"
        "loaded = load_case(CASE, catalogue)",
    ),
    ("Jinja", "import jinja2"),
    (
        "the letter, checks, render and view modules",
        "import appeal.letter.render, appeal.letter.checks, appeal.cli.views.render",
    ),
    (
        "the letter rendered and written as text",
        "import datetime as dt\n"
        "from appeal.letter.content import render_letter\n"
        "from appeal.letter.formats.document import parse_markdown\n"
        "from appeal.letter.formats.txt import blocks_to_text\n"
        "letter = render_letter(loaded.case, catalogue, letter_date=dt.date(2026, 11, 24))\n"
        "(OUT / 'case.txt').write_text(blocks_to_text(parse_markdown(letter.markdown)))",
    ),
    (
        "the checks run",
        "from appeal.letter.checks import check_letter\n"
        "check_letter(CASE, loaded.case, letter, catalogue, dt.date(2026, 11, 24))",
    ),
]


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        case, out = work / "case.yaml", work / "out"
        shutil.copy(EXAMPLE, case)
        out.mkdir()
        for name in ("account-health", "late-orders", "promotion-settings", "tracking-audit"):
            for evidence in ROOT.glob(f"examples/{name}*"):
                shutil.copy(evidence, work / evidence.name)
        prelude = (
            f"from pathlib import Path\nCASE = Path({str(case)!r})\nOUT = Path({str(out)!r})\n"
        )
        bare = [
            PYTHON,
            str(ROOT / "benchmarks" / "bare_typer.py"),
            "render",
            str(case),
            "-o",
            str(out),
        ]
        appeal = [
            PYTHON,
            "-m",
            "appeal",
            "render",
            str(case),
            "-f",
            "txt",
            "-o",
            str(out),
            "--force",
        ]
        for command in (appeal, bare, [*bare, "--kept"]):  # fill the caches once
            instructions(command)
        rows: list[tuple[str, int]] = [
            ("`python -c pass`", instructions([PYTHON, "-c", "pass"]) or 0)
        ]
        code = prelude
        for name, step in STEPS:
            code += step + "\n"
            rows.append((name, instructions([PYTHON, "-c", code]) or 0))
        rows.append(("the whole command (`appeal render CASE -f txt`)", instructions(appeal) or 0))
        floor = instructions(bare) or 0
        kept = instructions([*bare, "--kept"]) or 0
    if not floor:
        sys.exit("valgrind is needed to count instructions")
    print("| after | instructions | step |")
    print("|---|---:|---|")
    previous = 0
    for name, count in rows:
        step = f"+{(count - previous) / 1e6:,.0f} M" if previous else ""
        print(f"| {name} | {count / 1e6:,.0f} M | {step} |")
        previous = count
    print(
        f"| the floor (typer + PyYAML + text) | {floor / 1e6:,.0f} M "
        f"| 1.3x of it: {1.3 * floor / 1e6:,.0f} M |"
    )
    print(
        f"| the floor + Jinja + case models (`bare_typer.py --kept`) | {kept / 1e6:,.0f} M "
        f"| {kept / floor:.2f}x of the floor |"
    )
    print(f"\nappeal render -f txt: {rows[-1][1] / floor:.2f}x of the floor")


if __name__ == "__main__":
    main()
