"""A second appeal after a rejection: the resend checks follow the letter that Amazon answered,
wherever the seller goes on writing it (`appeal new --from`)."""

from __future__ import annotations

import shutil
from pathlib import Path

from typer.testing import CliRunner

from appeal.cli import app
from appeal.core.casefile import load_case

runner = CliRunner()
EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
# Amazon's reply to a VTR appeal that falls short (domain.md 5: "greater detail" per part)
VTR_REPLY = (
    "Thank you for your Plan of Action. We reviewed your appeal and are unable to reinstate "
    "your merchant-fulfilled selling privileges in the Toys & Games category at this time.\n\n"
    "Please send greater detail on the root causes of not providing valid tracking numbers, "
    "and on the steps taken to prevent it.\n\nSeller Performance Team"
)


def _rejected(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    case = folder / "case.yaml"
    shutil.copy(EXAMPLES / "vtr-toys.yaml", case)
    args = ["--date", "2026-11-21", "--channel", "email", "--outcome", "rejected"]
    added = runner.invoke(app, ["history", "add", str(case), *args, "--reply", VTR_REPLY])
    assert added.exit_code == 0, added.output
    return case


def test_a_case_started_from_a_rejected_one_keeps_its_history(tmp_path: Path) -> None:
    old = _rejected(tmp_path / "first")
    new = tmp_path / "second" / "again.yaml"
    new.parent.mkdir()
    made = runner.invoke(app, ["new", str(new), "--from", str(old), "--no-input"])
    assert made.exit_code == 0, made.output
    assert "Kept the 1 submission(s) of" in made.output and "2026-11-21, rejected" in made.output
    assert "[resend]" in made.output  # the render's checks, right there
    submission = load_case(new).case.submissions[0]
    assert (submission.date.isoformat(), submission.outcome) == ("2026-11-21", "rejected")
    assert submission.snapshot == "again.sent/2026-11-21-1.md"  # a copy beside the new case
    copy = (new.parent / submission.snapshot).read_bytes()
    assert copy == (old.parent / "case.sent" / "2026-11-21-1.md").read_bytes()
    checked = runner.invoke(app, ["check", str(new)])
    assert "[resend]" in checked.output and "99% the same" in checked.output
    assert "root causes: [rework-unchanged]" in checked.output
    shown = runner.invoke(app, ["history", str(new)])
    assert "1. 2026-11-21  email          rejected" in shown.output


def test_a_new_notice_starts_a_new_history(tmp_path: Path) -> None:
    old = _rejected(tmp_path)
    notice = tmp_path / "notice.txt"
    notice.write_text(
        "Hello,\n\nYour selling privileges for merchant-fulfilled orders in the Baby Products "
        "category have been removed on 2026-11-25 because your Valid Tracking Rate is below "
        "Amazon's target of 95%.\n",
        encoding="utf-8",
    )
    new = tmp_path / "baby.yaml"
    args = ["new", str(new), "--from", str(old), "--notice", str(notice), "--no-input"]
    args += ["--set", "causes[0].facts=30 of 400 orders had no valid tracking in November 2026."]
    made = runner.invoke(app, args)
    assert made.exit_code in (0, 1), made.output
    assert load_case(new).case.submissions == []
    assert "Kept the" not in made.output and not (tmp_path / "baby.sent").exists()
