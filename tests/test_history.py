"""Submissions: recorded with a snapshot, comments kept, Amazon's reply read into rework."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from appeal.cli import app
from appeal.core.casefile import load_case
from appeal.core.catalogue import load_catalogue
from appeal.letter.history import rework_parts
from tests.helpers import MINIMAL_CASE

runner = CliRunner()
REPLY = (
    "Thank you for your Plan of Action. We reviewed it and need more information. "
    "Please send greater detail on: the root causes of the issue; the actions you have "
    "taken to resolve the issue."
)


def _case(tmp_path: Path) -> Path:
    case = tmp_path / "case.yaml"
    case.write_text(
        "# my appeal\n" + MINIMAL_CASE.replace("  scope: all\n", "  scope: all   # all MFN\n"),
        encoding="utf-8",
    )
    return case


def test_reply_is_read_into_parts() -> None:
    assert rework_parts(REPLY, load_catalogue()) == ["root_causes", "corrective_actions"]
    assert rework_parts("Provide the steps you will take to prevent this.", load_catalogue()) == [
        "preventive_measures"
    ]
    assert rework_parts("Your account has been reinstated.", load_catalogue()) == []


def test_add_keeps_comments_and_snapshot(tmp_path: Path) -> None:
    case = _case(tmp_path)
    result = runner.invoke(
        app,
        [
            "history",
            str(case),
            "add",
            "--date",
            "2026-11-22",
            "--channel",
            "seller_central",
            "--outcome",
            "more_info",
            "--reply",
            REPLY,
        ],
    )
    assert result.exit_code == 0, result.output
    assert "Amazon asks for more detail on: root causes, actions taken" in result.output
    text = case.read_text(encoding="utf-8")
    assert text.startswith("# my appeal\n") and "scope: all   # all MFN" in text
    submission = load_case(case).case.submissions[0]
    assert (submission.outcome, submission.channel) == ("more_info", "seller_central")
    assert submission.snapshot == "case.sent/2026-11-22-1.md"
    snapshot = (tmp_path / submission.snapshot).read_text(encoding="utf-8")
    assert snapshot.startswith("**Test Trading Co.**") and "22 November 2026" in snapshot


def test_check_warns_until_the_named_parts_change(tmp_path: Path) -> None:
    case = _case(tmp_path)
    runner.invoke(
        app,
        [
            "history",
            str(case),
            "add",
            "--date",
            "2026-11-22",
            "--channel",
            "seller_central",
            "--outcome",
            "more_info",
            "--reply",
            REPLY,
        ],
    )
    result = runner.invoke(app, ["check", str(case)])
    assert result.exit_code == 0
    assert "asks for more detail on: root causes, actions taken" in result.output
    assert result.output.count("[rework-unchanged]") == 2
    assert "[resend]" in result.output
    text = case.read_text(encoding="utf-8").replace(
        "      - use: weekend_not_set\n",
        "      - use: weekend_not_set\n      - text: Our Saturday shift was cancelled in October"
        " 2026 without changing the shipping days.\n",
    )
    case.write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["check", str(case)])
    assert result.output.count("[rework-unchanged]") == 1  # actions still unchanged
    assert "actions taken: [rework-unchanged]" in result.output


def test_history_lists_and_diffs(tmp_path: Path) -> None:
    case = _case(tmp_path)
    empty = runner.invoke(app, ["history", str(case)])
    assert "nothing submitted yet" in empty.output
    runner.invoke(
        app,
        [
            "history",
            str(case),
            "add",
            "--date",
            "2026-11-22",
            "--channel",
            "email",
            "--outcome",
            "rejected",
            "--reply",
            "Not accepted.",
        ],
    )
    case.write_text(
        case.read_text(encoding="utf-8").replace("18 of 300", "19 of 300"), encoding="utf-8"
    )
    result = runner.invoke(app, ["history", str(case), "--diff"])
    assert result.exit_code == 0, result.output
    assert "1. 2026-11-22  email          rejected" in result.output
    assert "-18 of 300" in result.output and "+19 of 300" in result.output


def test_add_with_reply_file_and_bad_values(tmp_path: Path) -> None:
    case = _case(tmp_path)
    reply = tmp_path / "reply.txt"
    reply.write_text(REPLY, encoding="utf-8")
    ok = runner.invoke(
        app,
        [
            "history",
            str(case),
            "add",
            "--date",
            "2026-11-22",
            "--channel",
            "email",
            "--outcome",
            "more_info",
            "--reply-file",
            str(reply),
        ],
    )
    assert ok.exit_code == 0
    assert load_case(case).case.submissions[0].reply == REPLY
    before = case.read_text(encoding="utf-8")
    for args, message in (
        (["--date", "2026-13-01"], "is not a day of the calendar"),
        (["--channel", "fax"], "'fax' is not one of 'email', 'seller_central'"),
        (["--outcome", "maybe"], "'maybe' is not one of 'pending'"),
    ):
        values = {"--date": "2026-11-23", "--channel": "email", "--outcome": "pending"}
        values[args[0]] = args[1]
        flat = [x for pair in values.items() for x in pair]
        result = runner.invoke(app, ["history", str(case), "add", *flat])
        assert result.exit_code == 2 and message in result.output
    missing = runner.invoke(app, ["history", str(case), "add", "--date", "2026-11-23"])
    assert missing.exit_code == 2 and "Missing option '--channel'" in missing.output
    assert case.read_text(encoding="utf-8") == before


def test_history_speaks_chinese_to_a_chinese_case(tmp_path: Path) -> None:
    case = tmp_path / "case.yaml"
    case.write_text(MINIMAL_CASE.replace("version: 1\n", "version: 1\nlang: zh\n"), "utf-8")
    empty = runner.invoke(app, ["history", str(case)])
    assert empty.exit_code == 0, empty.output
    assert "尚无提交记录" in empty.output and "截止日期：" in empty.output
    args = ["--date", "2026-11-22", "--channel", "seller_central", "--outcome", "more_info"]
    added = runner.invoke(app, ["history", str(case), "add", *args, "--reply", REPLY])
    assert added.exit_code == 0, added.output
    assert "的提交（卖家后台，要求补充信息）" in added.output
    assert "亚马逊要求补充：根本原因、已采取的措施" in added.output
    shown = runner.invoke(app, ["history", str(case)])
    assert "1. 2026-11-22  卖家后台" in shown.output and "要求补充信息" in shown.output
    assert "亚马逊 2026-11-22 的答复要求补充：根本原因" in shown.output
    assert "检查：" in shown.output
    for english in ("Recorded", "nothing submitted", "Deadline", "Checks:", "asks for", "reply:"):
        assert english not in empty.output + added.output + shown.output, english
