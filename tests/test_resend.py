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


def _sent(case: Path, date: str, outcome: str, *reply: str) -> None:
    args = ["--date", date, "--channel", "seller_central", "--outcome", outcome, *reply]
    added = runner.invoke(app, ["history", "add", str(case), *args])
    assert added.exit_code == 0, added.output


def test_a_letter_sent_in_time_or_accepted_meets_the_deadline(tmp_path: Path) -> None:
    from tests.web_helpers import web_client

    env = {"APPEAL_TODAY": "2026-11-26"}
    pending = tmp_path / "pend.yaml"  # notice 2026-11-05, deadline 2026-11-22
    shutil.copy(EXAMPLES / "feedback-claims.yaml", pending)
    before = runner.invoke(app, ["history", str(pending)], env=env)
    assert "4 days past; send it now" in before.output and "[deadline]" in before.output
    _sent(pending, "2026-11-20", "pending")
    shown = runner.invoke(app, ["history", str(pending)], env=env)
    assert "Deadline: 22 November 2026 (notice date + 17 days), met: sent 20 November 2026" in (
        shown.output
    )
    checked = runner.invoke(app, ["check", str(pending)], env=env)
    assert "[deadline]" not in shown.output + checked.output
    assert "send it now" not in shown.output + checked.output

    accepted = tmp_path / "acc.yaml"  # in Chinese; notice 2026-10-20, deadline 2026-11-06
    shutil.copy(EXAMPLES / "late-shipment.yaml", accepted)
    _sent(accepted, "2026-11-05", "accepted", "--reply", "Your selling privileges are reinstated.")
    shown = runner.invoke(app, ["history", str(accepted)], env=env)
    assert "截止日期：不再适用（亚马逊已接受 2026年11月5日 提交的申诉）" in shown.output
    assert "已过期" not in shown.output and "[deadline]" not in shown.output

    late = tmp_path / "late.yaml"  # sent after its deadline: still past
    shutil.copy(EXAMPLES / "feedback-claims.yaml", late)
    _sent(late, "2026-11-24", "pending")
    shown = runner.invoke(app, ["history", str(late)], env=env)
    assert "4 days past" in shown.output

    home = web_client(tmp_path).get("/").text
    rows = {name: home[home.index(name) :][:1500] for name in ("pend.yaml", "acc.yaml")}
    assert "met: sent 2026-11-20" in rows["pend.yaml"]
    assert "accepted: no deadline now" in rows["acc.yaml"]
    assert "send it now" not in rows["pend.yaml"].split("</tr>")[0]
    assert "send it now" not in rows["acc.yaml"].split("</tr>")[0]


PARTS_ALL = ["root_causes", "corrective_actions", "preventive_measures"]
# The VTR reply above as Amazon writes it to sellers in China
ZH_REPLY = (
    "您好：\n\n感谢您提交的行动计划。我们审核了您的申诉，目前无法恢复您在玩具类目的卖家自配送权限。\n\n"
    "请提供更多详细信息，说明未提供有效追踪编码的根本原因，以及为防止此问题再次发生所采取的措施。\n\n"
    "卖家绩效团队"
)


def test_a_reply_in_chinese_is_read_into_parts(tmp_path: Path) -> None:
    from appeal.core.catalogue import load_catalogue
    from appeal.letter.history import rework_parts

    catalogue = load_catalogue()
    assert rework_parts(ZH_REPLY, catalogue) == ["root_causes", "preventive_measures"]
    three = (
        "请说明导致问题的根本原因、您为解决问题已采取的措施，以及为防止问题再次发生已采取的措施。"
    )
    assert rework_parts(three, catalogue) == PARTS_ALL
    case = tmp_path / "c.yaml"
    shutil.copy(EXAMPLES / "vtr-toys.yaml", case)
    args = ["--date", "2026-11-21", "--channel", "email", "--outcome", "rejected"]
    added = runner.invoke(app, ["history", "add", str(case), *args, "--reply", ZH_REPLY])
    assert "Amazon asks for more detail on: root causes, prevention" in added.output
    checked = runner.invoke(app, ["check", str(case)])
    assert "prevention: [rework-unchanged]" in checked.output


def test_a_reply_naming_no_part_is_said_to_be_unread(tmp_path: Path) -> None:
    case = tmp_path / "c.yaml"
    shutil.copy(EXAMPLES / "vtr-toys.yaml", case)
    args = ["--date", "2026-11-21", "--channel", "email", "--outcome", "rejected"]
    vague = "Your Plan of Action did not address our concerns. Please resubmit."
    added = runner.invoke(app, ["history", "add", str(case), *args, "--reply", vague])
    assert "could not tell which parts Amazon's reply asks to strengthen" in added.output
    shown = runner.invoke(app, ["history", str(case)])
    assert "appeal could not tell which parts it asks to strengthen" in shown.output
