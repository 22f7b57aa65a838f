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
    assert "[resend]" in checked.output and "% the same" in checked.output
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


def test_a_part_left_as_sent_stays_unchanged_when_its_dates_have_passed(tmp_path: Path) -> None:
    # sent 21 November with measures starting 22 and 23 November; checked on 26 November,
    # when the same measures read "in place since": prevention was not touched
    case = _rejected(tmp_path)
    env = {"APPEAL_TODAY": "2026-11-26"}
    checked = runner.invoke(app, ["check", str(case)], env=env)
    assert "root causes: [rework-unchanged]" in checked.output
    assert "prevention: [rework-unchanged]" in checked.output
    assert "100% the same" in checked.output
    text = case.read_text(encoding="utf-8").replace(
        "      - use: other_carrier_code\n",
        "      - use: other_carrier_code\n      - text: On 14 October 2026 our ERP export"
        " began adding a zero-width space to every tracking ID it sent to Amazon.\n",
    )
    case.write_text(text, encoding="utf-8")
    shown = runner.invoke(app, ["history", str(case), "--diff"], env=env)
    assert "root causes: [rework-unchanged]" not in shown.output
    assert "prevention: [rework-unchanged]" in shown.output
    changed = "\n".join(line for line in shown.output.splitlines() if line[:1] in "+-")
    assert "+3. On 14 October 2026 our ERP export" in changed
    assert "starting" not in changed and "in place since" not in changed  # prevention as sent


ERP_CAUSE = (
    "      - use: other_carrier_code\n      - text: On 14 October 2026 our ERP export began"
    " adding a zero-width space to every tracking ID it sent to Amazon.\n"
)


def _sent_then_edited(tmp_path: Path, *formats: str) -> Path:
    case = tmp_path / "c.yaml"
    shutil.copy(EXAMPLES / "vtr-toys.yaml", case)
    options = [x for fmt in formats for x in ("--format", fmt)]
    env = {"APPEAL_TODAY": "2026-11-21"}
    rendered = runner.invoke(app, ["render", str(case), *options], env=env)
    assert rendered.exit_code == 0, rendered.output
    text = case.read_text(encoding="utf-8")
    case.write_text(text.replace("      - use: other_carrier_code\n", ERP_CAUSE), "utf-8")
    return case


def _add_rejection(case: Path) -> str:
    args = ["--date", "2026-11-21", "--channel", "email", "--outcome", "rejected"]
    added = runner.invoke(app, ["history", "add", str(case), *args, "--reply", VTR_REPLY])
    assert added.exit_code == 0, added.output
    return added.output


def test_the_letter_kept_is_the_one_appeal_wrote_not_the_case_edited_since(
    tmp_path: Path,
) -> None:
    case = _sent_then_edited(tmp_path)  # every format of the channel, .md among them
    output = _add_rejection(case)
    assert "the letter kept as sent is the one appeal wrote then" in output
    snapshot = tmp_path / "c.sent" / "2026-11-21-1.md"
    assert snapshot.read_bytes() == (tmp_path / "c.md").read_bytes()
    assert "ERP export" not in snapshot.read_text(encoding="utf-8")
    checked = runner.invoke(app, ["check", str(case)], env={"APPEAL_TODAY": "2026-11-26"})
    assert "root causes: [rework-unchanged]" not in checked.output  # reworked after sending
    assert "prevention: [rework-unchanged]" in checked.output


def test_a_case_changed_since_its_text_letter_was_written_is_said(tmp_path: Path) -> None:
    case = _sent_then_edited(tmp_path, "txt")
    output = _add_rejection(case)
    assert "warning: the case changed after appeal wrote" in output and "c.txt" in output
    assert "may not be the letter you sent" in output


def test_an_unchanged_case_records_without_a_word(tmp_path: Path) -> None:
    case = tmp_path / "c.yaml"
    shutil.copy(EXAMPLES / "vtr-toys.yaml", case)
    runner.invoke(app, ["render", str(case), "--format", "txt"], env={"APPEAL_TODAY": "2026-11-20"})
    output = _add_rejection(case)
    assert "changed after appeal wrote" not in output
    assert "21 November 2026" in (tmp_path / "c.sent" / "2026-11-21-1.md").read_text("utf-8")


def test_amazons_reply_to_a_pending_submission_answers_that_submission(tmp_path: Path) -> None:
    case = tmp_path / "case.yaml"
    shutil.copy(EXAMPLES / "vtr-toys.yaml", case)
    sent = ["--date", "2026-11-21", "--channel", "email", "--outcome", "pending"]
    assert runner.invoke(app, ["history", "add", str(case), *sent]).exit_code == 0
    reply = tmp_path / "reply.txt"
    reply.write_text(VTR_REPLY, encoding="utf-8")
    early = ["--date", "2026-11-20", "--outcome", "rejected", "--reply-file", str(reply)]
    refused = runner.invoke(app, ["history", "reply", str(case), *early])
    assert refused.exit_code == 2 and "is before the letter was sent" in refused.output
    args = ["--date", "2026-11-24", "--outcome", "rejected", "--reply-file", str(reply)]
    answered = runner.invoke(app, ["history", str(case), "reply", *args])
    assert answered.exit_code == 0, answered.output
    assert "reply of 2026-11-24 (rejected) to submission 1, sent 2026-11-21" in answered.output
    assert "more detail on: root causes, prevention" in answered.output
    (submission,) = load_case(case).case.submissions
    assert (submission.date.isoformat(), submission.outcome) == ("2026-11-21", "rejected")
    assert submission.reply_date is not None and submission.reply_date.isoformat() == "2026-11-24"
    assert submission.reply == VTR_REPLY and submission.snapshot == "case.sent/2026-11-21-1.md"
    assert sorted(p.name for p in (tmp_path / "case.sent").iterdir()) == ["2026-11-21-1.md"]
    shown = runner.invoke(app, ["history", str(case)], env={"APPEAL_TODAY": "2026-11-26"})
    assert "1. 2026-11-21  email          rejected  (reply 2026-11-24)" in shown.output
    assert "\n2. " not in shown.output
    assert "Amazon's reply of 2026-11-24 asks for more detail on" in shown.output
    assert "Amazon's reply of 2026-11-24 asked for greater detail on the root causes" in (
        shown.output
    )
    assert "letter sent on 2026-11-21" in shown.output
    again = runner.invoke(app, ["history", "reply", str(case), *args])
    assert again.exit_code == 2 and "already has Amazon's answer 'rejected'" in again.output


def test_a_reply_dated_before_its_letter_is_an_error_in_the_case_file(tmp_path: Path) -> None:
    case = tmp_path / "case.yaml"
    text = (EXAMPLES / "vtr-toys.yaml").read_text(encoding="utf-8")
    text += "submissions:\n  - date: 2026-11-21\n    channel: email\n    outcome: rejected\n"
    case.write_text(text + "    reply_date: 2026-11-19\n", encoding="utf-8")
    checked = runner.invoke(app, ["check", str(case)])
    assert checked.exit_code == 2 and "reply_date is before the date the letter was sent" in (
        checked.output
    )
