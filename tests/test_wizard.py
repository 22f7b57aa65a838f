"""The wizard through its seam (prompt_toolkit pipe input): every branch; and --no-input."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from typer.testing import CliRunner

from appeal.cli import app
from appeal.core.casefile import load_case
from appeal.errors import InputError
from appeal.wizard.flow import WizardInterrupted
from tests.conftest import EXAMPLES
from tests.test_notice import ODR_NOTICE, VTR_NOTICE
from tests.wizard_helpers import (
    CTRL_C,
    CTRL_U,
    DOWN,
    ENTER,
    ESC_ENTER,
    SPACE,
    english_answers,
    run_keys,
)

runner = CliRunner()


def test_full_english_run_saves_case_and_renders(tmp_path: Path) -> None:
    case = tmp_path / "case.yaml"
    result = run_keys(english_answers(), case=case)
    assert [p.name for p in result.written] == ["case.txt", "case.md", "case.docx", "case.eml"]
    loaded = load_case(case).case
    assert loaded.seller.store_name == "ExampleHome"
    assert loaded.notice.deadline == dt.date(2026, 12, 7)
    entry = loaded.causes[0]
    assert entry.cause == "invalid_tracking"
    assert [i.use for i in entry.root_causes] == ["zero_width_paste"]
    assert entry.corrective_actions[0].date == dt.date(2026, 11, 24)
    assert entry.preventive_measures[0].owner == "Warehouse lead"
    letter = (tmp_path / "case.txt").read_text(encoding="utf-8")
    assert "Root causes of not providing valid tracking numbers" in letter
    assert "37 of 412 packages" in letter


def test_full_chinese_run_writes_reading_copy(tmp_path: Path) -> None:
    case = tmp_path / "case.yaml"
    result = run_keys(english_answers(), case=case, lang="zh")
    names = [p.name for p in result.written]
    assert "case.zh.txt" in names
    assert load_case(case).case.lang == "zh"
    reading = (tmp_path / "case.zh.txt").read_text(encoding="utf-8")
    assert "根本原因" in reading and "从承运商网页复制追踪号时带入了隐形字符" in reading
    letter = (tmp_path / "case.txt").read_text(encoding="utf-8")
    assert "根本原因" not in letter  # the letter itself stays English


def test_going_back_keeps_answers(tmp_path: Path) -> None:
    keys = english_answers()
    nav_after_notice = 12  # the "Next?" question after the notice step
    assert keys[nav_after_notice] == ENTER
    back = [
        *keys[:nav_after_notice],
        DOWN + ENTER,
        ENTER,
        ENTER,
        ENTER,
        ENTER,
        ENTER,
        ENTER,  # the seller step again, all defaults
        ENTER,  # next
        ESC_ENTER,
        ENTER,
        ENTER,
        ENTER,
        ENTER,
        ENTER,  # the notice step again, defaults
        *keys[nav_after_notice + 1 :],
    ]
    result = run_keys(back, case=tmp_path / "case.yaml")
    assert result.written
    assert load_case(tmp_path / "case.yaml").case.notice.categories == ["Toys & Games"]


def test_chinese_in_a_letter_field_asks_to_rewrite(tmp_path: Path) -> None:
    keys = english_answers()
    facts = 15
    assert keys[facts].startswith("37 of 412")
    changed = [
        *keys[:facts],
        "仓库漏发了 37 个包裹" + ENTER,
        "y",
        CTRL_U + "37 of 412 packages were missed." + ENTER,
        *keys[facts + 1 :],
    ]
    run_keys(changed, case=tmp_path / "case.yaml")
    assert (
        load_case(tmp_path / "case.yaml").case.causes[0].facts == "37 of 412 packages were missed."
    )


def test_chinese_kept_when_the_seller_says_so(tmp_path: Path) -> None:
    keys = english_answers()
    changed = [*keys[:15], "仓库漏发了 37 个包裹" + ENTER, "n", *keys[16:]]
    run_keys(changed, case=tmp_path / "case.yaml")
    assert load_case(tmp_path / "case.yaml").case.causes[0].facts == "仓库漏发了 37 个包裹"


def test_ctrl_c_saves_and_resume_continues(tmp_path: Path) -> None:
    case = tmp_path / "case.yaml"
    keys = english_answers()
    with pytest.raises(WizardInterrupted) as stopped:
        run_keys([*keys[:8], CTRL_C], case=case)  # stop at the notice date
    assert stopped.value.exit_code == 130
    assert f"appeal new {case}" in stopped.value.message
    saved = case.read_text(encoding="utf-8")
    assert "store_name: ExampleHome" in saved and "contact_email: ops@example.com" in saved
    # continue: the wizard starts at the notice step, earlier answers are kept
    resume = [ENTER, *keys[7:]]  # "continue where I stopped", then from the notice step on
    result = run_keys(resume, case=case)
    assert result.written
    assert load_case(case).case.seller.store_name == "ExampleHome"


def test_restart_keeps_a_backup(tmp_path: Path) -> None:
    case = tmp_path / "case.yaml"
    case.write_text((EXAMPLES / "vtr-toys.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    result = run_keys([DOWN + ENTER, *english_answers()], case=case)
    assert result.written
    assert (tmp_path / "case.yaml.bak").read_text(encoding="utf-8") == (
        EXAMPLES / "vtr-toys.yaml"
    ).read_text(encoding="utf-8")


def test_quit_on_existing_draft_changes_nothing(tmp_path: Path) -> None:
    case = tmp_path / "case.yaml"
    case.write_text("seller:\n  store_name: Mine   # my note\n", encoding="utf-8")
    result = run_keys([DOWN + DOWN + ENTER], case=case)
    assert result.written == []
    assert case.read_text(encoding="utf-8") == "seller:\n  store_name: Mine   # my note\n"


def test_notice_fills_defaults_and_ambiguous_date_is_asked(tmp_path: Path) -> None:
    notice = tmp_path / "notice.txt"
    notice.write_text(ODR_NOTICE, encoding="utf-8")
    keys = english_answers()
    # the notice step: the ambiguous 11/05/2026 is asked; pick the second (11 May)
    # paste (none), which date, notice date, scope (all, from the notice), deadline, next
    notice_step = [ESC_ENTER, DOWN + ENTER, ENTER, ENTER, ENTER, ENTER]
    causes_step = [ENTER, ENTER]  # feedback_claims is already ticked from the notice
    run = [*keys[:7], *notice_step, *causes_step]
    details = [
        "14 of 742 orders between 1 September and 30 October 2026 were defects." + ENTER,
        SPACE + ENTER,
        ENTER,
        SPACE + ENTER,
        ENTER,
        ENTER,
        SPACE + ENTER,
        ENTER,
        "Support lead" + ENTER,
        ENTER,
        ENTER,
        ENTER,
        "y",
        ENTER,
    ]
    result = run_keys([*run, *details], case=tmp_path / "case.yaml", notice_file=notice)
    loaded = load_case(tmp_path / "case.yaml").case
    assert loaded.notice.date == dt.date(2026, 5, 11)
    assert loaded.notice.scope == "all"
    assert loaded.causes[0].cause == "feedback_claims"
    assert loaded.metrics.order_defect_rate is not None
    assert loaded.metrics.order_defect_rate.value == 1.9
    assert result.written


def test_no_input_success_and_failure(tmp_path: Path) -> None:
    notice = tmp_path / "notice.txt"
    notice.write_text(VTR_NOTICE, encoding="utf-8")
    case = tmp_path / "scripted.yaml"
    sets = [
        "seller.business_name=Example Co",
        "seller.store_name=Ex",
        "seller.marketplace=amazon.com",
        "seller.contact_name=Li Wei",
        "seller.merchant_token=A2EXAMPLE0TOKEN",  # the e-mail channel requires it
        "causes[0].facts=37 of 412 packages had no valid tracking ID in October 2026.",
        "causes[0].root_causes=[{use: zero_width_paste}]",
        "causes[0].corrective_actions=[{use: reuploaded_tracking, date: 2026-11-21}]",
        "causes[0].preventive_measures=[{use: daily_vtr_check, owner: Lead}]",
    ]
    args = ["new", str(case), "--no-input", "--notice", str(notice)]
    for item in sets:
        args += ["--set", item]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    loaded = load_case(case).case
    assert loaded.notice.categories == ["Toys & Games", "Baby Products"]
    assert loaded.causes[0].corrective_actions[0].date == dt.date(2026, 11, 21)
    assert (tmp_path / "scripted.eml").exists()
    missing = runner.invoke(
        app, ["new", str(tmp_path / "bare.yaml"), "--no-input", "--set", "seller.store_name=Ex"]
    )
    assert missing.exit_code == 2
    for field in (
        "seller.business_name",
        "seller.marketplace",
        "seller.contact_name",
        "notice",
        "causes",
    ):
        assert field in missing.output
    assert (tmp_path / "bare.yaml").exists()  # what was given is kept


def test_set_beats_notice_and_from(tmp_path: Path) -> None:
    notice = tmp_path / "notice.txt"
    notice.write_text(VTR_NOTICE, encoding="utf-8")
    case = tmp_path / "again.yaml"
    result = runner.invoke(
        app,
        [
            "new",
            str(case),
            "--no-input",
            "--from",
            str(EXAMPLES / "vtr-toys.yaml"),
            "--notice",
            str(notice),
            "--set",
            "notice.categories=[Baby Products]",
        ],
    )
    assert result.exit_code == 0, result.output
    loaded = load_case(case).case
    assert loaded.seller.store_name == "ExampleHome"  # from --from
    assert loaded.notice.deadline == dt.date(2026, 12, 7)  # from the notice
    assert loaded.notice.categories == ["Baby Products"]  # --set wins
    assert loaded.submissions == []


def test_without_a_terminal_it_says_what_to_do(tmp_path: Path) -> None:
    result = runner.invoke(app, ["new", str(tmp_path / "x.yaml")])
    assert result.exit_code == 2
    assert "--no-input" in result.output
    assert not (tmp_path / "x.yaml").exists()


def test_bad_set_and_lang(tmp_path: Path) -> None:
    for option, message in (
        (["--set", "oops"], "KEY=VALUE"),
        (["--set", "Seller.Name=x"], "not a field name"),
        (["--lang", "fr"], "use en or zh"),
    ):
        result = runner.invoke(app, ["new", str(tmp_path / "x.yaml"), "--no-input", *option])
        assert result.exit_code == 2 and message in result.output


def test_language_from_locale(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from appeal.wizard.draft import Draft
    from appeal.wizard.new import choose_lang

    draft = Draft.open(tmp_path / "none.yaml")
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    assert choose_lang(None, draft) == "zh"
    assert choose_lang("en", draft) == "en"
    with pytest.raises(InputError):
        choose_lang("de", draft)


def test_never_overwrites_a_file_that_is_not_a_case(tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("My thoughts about the appeal.\nDo not lose these.\n", encoding="utf-8")
    result = runner.invoke(app, ["new", str(notes), "--no-input", "--set", "seller.store_name=X"])
    assert result.exit_code == 2 and "is not a case file" in result.output
    assert (
        notes.read_text(encoding="utf-8") == "My thoughts about the appeal.\nDo not lose these.\n"
    )
