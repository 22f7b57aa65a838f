"""The example cases ship the evidence files they name, so a new user's first render is clean;
the vtr-toys tracking evidence is what `appeal tracking` itself makes from the sample upload
file beside it."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from appeal.cli import app
from appeal.core.casefile import load_case
from tests.conftest import EXAMPLES

runner = CliRunner()
ROOT = EXAMPLES.parent


@pytest.mark.parametrize("example", sorted(p.name for p in EXAMPLES.glob("*.yaml")))
def test_every_named_evidence_file_is_shipped_and_not_ignored(example: str) -> None:
    names = load_case(EXAMPLES / example).case.evidence_files()
    assert names
    ignore = (ROOT / ".gitignore").read_text(encoding="utf-8").splitlines()
    for name in names:
        assert (EXAMPLES / name).is_file(), name
        assert (EXAMPLES / name).stat().st_size < 20_000, name  # small
        if name.endswith((".txt", ".md")):  # rendered letters there are ignored; these not
            assert f"!examples/{name}" in ignore, name


def test_the_corrected_file_is_appeals_own_fix_of_the_sample(tmp_path: Path) -> None:
    sample = EXAMPLES / "shipping-confirmation-2026-11-03.txt"
    shipped = (EXAMPLES / "corrected-shipping-confirmation.txt").read_bytes()
    fixed = tmp_path / "fixed.txt"
    before = runner.invoke(app, ["tracking", str(sample), "--fix", str(fixed)])
    assert before.exit_code == 1
    # --fix cleans the invisible characters; the 2 'Other' rows are left for the seller, who
    # set the carrier code the check names (Yun Express).
    left = fixed.read_bytes()
    assert left.count(b"\tOther\tYunExpress\t") == 2
    assert left.replace(b"\tOther\tYunExpress\t", b"\tYun Express\t\t") == shipped
    after = runner.invoke(app, ["tracking", str(EXAMPLES / "corrected-shipping-confirmation.txt")])
    assert after.exit_code == 0
    record = (EXAMPLES / "tracking-check-before-after.txt").read_text(encoding="utf-8")
    assert "Of 6 tracking IDs in shipping-confirmation-2026-11-03.txt, 3 carried" in record
    assert "All 6 tracking IDs in corrected-shipping-confirmation.txt have the format" in record


def test_the_first_command_of_the_readme_renders_without_findings(tmp_path: Path) -> None:
    result = runner.invoke(app, ["render", str(EXAMPLES / "vtr-toys.yaml"), "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "Checks: no findings." in result.output
    assert "warning" not in result.output
