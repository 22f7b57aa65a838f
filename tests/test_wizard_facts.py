"""What the wizard decides from the notice and the answers: what was removed (or nothing), the
seller's own figure, links from actions to root causes, rates typed as fractions, a case made
from an earlier one with a new notice, and the marketplace typed by country."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from appeal.core.casefile import load_case
from appeal.core.catalogue import load_catalogue
from appeal.core.channel import decide_channel
from appeal.errors import AppealError, InputError
from appeal.letter.checks import check_case
from appeal.letter.render import render_cases
from appeal.wizard.flow import WizardInterrupted
from appeal.yamlio import load_yaml
from tests.conftest import EXAMPLES
from tests.notice_corpus import DEV
from tests.wizard_helpers import CTRL_D, DEFAULT, ENTER, TODAY, Each, run_keys, scripted

LSR_WARNING = (
    "Your Late Shipment Rate is 4.6%, which is above the goal of less than 4%. If this "
    "continues, we may deactivate your selling privileges. Your account is at risk of "
    "deactivation."
)
LSR_REMOVAL = (
    "Your Late Shipment Rate is higher than the goal of less than 4%. As a result, we have "
    "removed your ability to sell merchant-fulfilled items."
)
LATE = {"causes": ["late_shipment"]}


def test_a_warning_defaults_to_nothing_removed_and_goes_nowhere(tmp_path: Path) -> None:
    case = tmp_path / "case.yaml"
    result, asked = scripted(
        {**LATE, "paste_notice": LSR_WARNING, "scope": DEFAULT, "categories": "Electronics"},
        case=case,
    )
    assert any("there is no appeal to send" in s for s in asked.shown)
    assert "warning_plan" in asked.asked and "categories" not in asked.asked
    loaded = load_case(case).case
    assert loaded.notice.scope == "warning" and loaded.notice.categories == []
    channel = decide_channel(loaded, load_catalogue())
    assert channel.kind == "none" and channel.address is None and channel.deadline is None
    shown = next(s for s in asked.shown if s.startswith("Channel:"))
    assert "op-pso-vtr-appeals" not in shown and "Reactivate" not in shown
    assert [p.suffix for p in result.written] == [".txt", ".md", ".docx"]  # no e-mail, no form
    letter = (tmp_path / "case.txt").read_text(encoding="utf-8")
    assert "Amazon warned us about our merchant-fulfilled selling on amazon.com" in letter
    assert "op-pso-vtr-appeals" not in letter and "were deactivated" not in letter


def test_a_warning_needs_no_plan_unless_the_seller_wants_one(tmp_path: Path) -> None:
    case = tmp_path / "case.yaml"
    result, asked = scripted(
        {**LATE, "paste_notice": LSR_WARNING, "scope": DEFAULT, "warning_plan": False},
        case=case,
    )
    assert result.written == [] and "causes" not in asked.asked
    assert "scope: warning" in case.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("notice", "scope"),
    [(LSR_REMOVAL, "all"), (DEV[0][0], "category"), (LSR_WARNING, "warning")],
)
def test_the_scope_default_comes_from_the_notice(tmp_path: Path, notice: str, scope: str) -> None:
    case = tmp_path / "case.yaml"
    scripted({**LATE, "paste_notice": notice, "scope": DEFAULT}, case=case)
    assert load_case(case).case.notice.scope == scope


def test_without_a_notice_the_default_is_not_a_vtr_removal(tmp_path: Path) -> None:
    case = tmp_path / "case.yaml"
    scripted({**LATE, "scope": DEFAULT}, case=case)
    assert load_case(case).case.notice.scope == "all"


def test_a_warning_case_is_never_an_email_nor_a_form(tmp_path: Path) -> None:
    case = tmp_path / "case.yaml"
    scripted({**LATE, "paste_notice": LSR_WARNING, "scope": DEFAULT}, case=case)
    for fmt in ("eml", "form"):
        with pytest.raises(InputError, match="nothing is sent for this case"):
            render_cases([case], formats=[fmt], out_dir=tmp_path / fmt, today=TODAY)


VTR_ITEMS = (
    "Your Valid Tracking Rate is 89.10%, below the 95% requirement. We have removed your "
    "ability to sell seller-fulfilled items in Toys & Games."
)


def test_a_vtr_notice_naming_the_category_without_the_word_goes_to_the_vtr_address(
    tmp_path: Path,
) -> None:
    case = tmp_path / "case.yaml"
    scripted({"paste_notice": VTR_ITEMS, "scope": DEFAULT, "categories": DEFAULT}, case=case)
    loaded = load_case(case).case
    assert loaded.notice.scope == "category" and loaded.notice.categories == ["Toys & Games"]
    channel = decide_channel(loaded, load_catalogue())
    assert channel.address == "op-pso-vtr-appeals@amazon.com" and channel.deadline is None


def test_a_chinese_category_is_asked_again_in_english(tmp_path: Path) -> None:
    case = tmp_path / "case.yaml"
    _, asked = scripted(
        {"categories": Each("玩具和游戏", "Toys & Games"), "chinese_warning": True}, case=case
    )
    assert asked.asked.count("categories") == 2 and "chinese_warning" in asked.asked
    assert load_case(case).case.notice.categories == ["Toys & Games"]


def test_a_chinese_category_in_an_english_letter_is_an_error(tmp_path: Path) -> None:
    case = tmp_path / "case.yaml"
    text = (EXAMPLES / "vtr-toys.yaml").read_text(encoding="utf-8")
    case.write_text(text.replace("[Toys & Games]", "[玩具和游戏]"), encoding="utf-8")
    assert "玩具和游戏" in case.read_text(encoding="utf-8")
    report = check_case(case, today=TODAY)
    found = [f for f in report.findings if f.where == "notice.categories"]
    assert [(f.level, f.rule, f.quote) for f in found] == [("error", "not-english", "玩具和游戏")]
    assert "Toys & Games" in found[0].fix


def _example(tmp_path: Path, name: str = "vtr-toys.yaml") -> Path:
    case = tmp_path / name
    case.write_text((EXAMPLES / name).read_text(encoding="utf-8"), encoding="utf-8")
    return case


def _answers(case: Path) -> list[list[str]]:
    entry = load_case(case).case.causes[0]
    return [i.answers for i in entry.corrective_actions] + [
        i.answers for i in entry.preventive_measures
    ]


def test_unticking_a_root_cause_keeps_each_link_on_its_root_cause(tmp_path: Path) -> None:
    case = _example(tmp_path)
    assert _answers(case) == [["1", "2"], ["2"], ["3"], ["1", "3"], ["2"], ["1", "2", "3"]]
    own = str(load_case(case).case.causes[0].root_causes[2].text)
    keep = dict.fromkeys(("facts", "actions", "measures", "action_date", "owner", "start"), DEFAULT)
    result, asked = scripted(
        {
            **keep,
            "resume": "continue",
            "review_ok": Each(("goto", 3), "write"),
            "root_causes": ["other_carrier_code", own],  # zero_width_paste (1) unticked
        },
        case=case,
    )
    assert "root_causes" in asked.asked and result.written
    # 2 -> 1 and 3 -> 2; links to the unticked root cause are gone
    assert _answers(case) == [["1"], ["1"], ["2"], ["2"], ["1"], ["1", "2"]]
    assert not any(f.rule == "untraced" for f in check_case(case, today=TODAY).findings)


def test_a_dangling_link_is_a_located_error_not_an_empty_list(tmp_path: Path) -> None:
    case = _example(tmp_path)
    text = case.read_text(encoding="utf-8").replace("answers: 3\n", "answers: 5\n", 1)
    case.write_text(text, encoding="utf-8")
    _, asked = scripted({"resume": "continue", "review_ok": "quit"}, case=case)
    assert "Answers still missing:" not in asked.shown
    located = [s for s in asked.shown if "answers" in s and "'5'" in s]
    assert located and "corrective_actions[2]" in located[0]


def test_the_sellers_own_figure_is_asked_when_the_notice_lacks_it(tmp_path: Path) -> None:
    case = tmp_path / "case.yaml"
    _, asked = scripted(
        {**LATE, "paste_notice": LSR_REMOVAL, "scope": "all", "own_figure": "6.1%"}, case=case
    )
    assert any("Late Shipment Rate" in m and "< 4 %" in m for m in asked.messages)
    figure = load_case(case).case.metrics.late_shipment_rate
    assert figure is not None and figure.value == 6.1
    letter = (tmp_path / "case.txt").read_text(encoding="utf-8")
    assert "Late Shipment Rate was 6.1" in letter
    saved = case.read_text(encoding="utf-8")  # as a person writes it, not quoted ('6.1')
    assert "  late_shipment_rate:\n    value: 6.1\n" in saved
    assert load_yaml(saved, "case.yaml")["metrics"]["late_shipment_rate"]["value"] == "6.1"


@pytest.mark.parametrize(("typed", "saved"), [("12 %", "12"), ("0.50", "0.5"), ("4.25%", "4.25")])
def test_the_own_figure_is_saved_as_a_plain_number(tmp_path: Path, typed: str, saved: str) -> None:
    case = tmp_path / "case.yaml"
    scripted({**LATE, "paste_notice": LSR_REMOVAL, "scope": "all", "own_figure": typed}, case=case)
    text = case.read_text(encoding="utf-8")
    assert f"    value: {saved}\n" in text
    assert load_yaml(text, "case.yaml")["metrics"]["late_shipment_rate"]["value"] == saved


def test_the_own_figure_is_not_asked_when_the_notice_gives_it(tmp_path: Path) -> None:
    _, asked = scripted({"paste_notice": DEV[0][0]}, case=tmp_path / "case.yaml")
    assert "own_figure" not in asked.asked


def test_a_rate_typed_as_a_fraction_is_asked_again(tmp_path: Path) -> None:
    case = tmp_path / "case.yaml"
    _, asked = scripted({"own_figure": Each("0.912", "91.2")}, case=case)
    assert [(k, t) for k, t, _ in asked.refused] == [("own_figure", "0.912")]
    assert "in percent, e.g. 91.2" in asked.refused[0][2]
    figure = load_case(case).case.metrics.valid_tracking_rate
    assert figure is not None and figure.value == 91.2


def test_the_case_file_refuses_a_fraction_and_takes_a_percent_sign(tmp_path: Path) -> None:
    case = _example(tmp_path)
    text = case.read_text(encoding="utf-8")
    case.write_text(text.replace("value: 91.2", "value: 0.912"), encoding="utf-8")
    with pytest.raises(AppealError, match=r"valid_tracking_rate.value: 0.912 looks like a frac"):
        load_case(case)
    case.write_text(text.replace("value: 91.2", "value: 91.2%"), encoding="utf-8")
    figure = load_case(case).case.metrics.valid_tracking_rate
    assert figure is not None and figure.value == 91.2


def test_a_country_typed_in_the_marketplace_list_finds_its_site(tmp_path: Path) -> None:
    case = tmp_path / "case.yaml"
    keys = ["Example Co" + ENTER, "ExampleHome" + ENTER, ENTER, "Japan" + ENTER, CTRL_D]
    with pytest.raises(WizardInterrupted):
        run_keys(keys, case=case)
    assert "marketplace: amazon.co.jp" in case.read_text(encoding="utf-8")


def test_a_filter_that_matches_nothing_picks_nothing(tmp_path: Path) -> None:
    case = tmp_path / "case.yaml"
    keys = ["Example Co" + ENTER, "ExampleHome" + ENTER, ENTER, "Narnia" + ENTER + CTRL_D]
    with pytest.raises(WizardInterrupted):
        run_keys(keys, case=case)
    saved = case.read_text(encoding="utf-8")
    assert "ExampleHome" in saved and "marketplace" not in saved


NEW_LSR = (
    "Your seller account has been deactivated because your late shipment rate does not meet "
    "our goal of less than 4%. Your late shipment rate: 6.1%. You may no longer sell on "
    "Amazon.com. To reactivate, submit a plan of action within 10 days."
)


def test_a_new_notice_on_an_old_case_keeps_nothing_of_the_old_period(tmp_path: Path) -> None:
    notice = tmp_path / "notice.txt"
    notice.write_text(NEW_LSR, encoding="utf-8")
    case = tmp_path / "second.yaml"
    old: dict[str, Any] = {"from_case": EXAMPLES / "late-shipment.yaml", "notice_file": notice}
    date = "notice.date=2026-11-24"
    with pytest.raises(AppealError, match=r"causes\[0\]\.facts: missing"):
        scripted(case=case, no_input=True, sets=[date], **old)
    facts = "causes[0].facts=41 of 712 orders between 25 October and 23 November 2026 were late."
    scripted(case=case.with_name("third.yaml"), no_input=True, sets=[date, facts], **old)
    loaded = load_case(case.with_name("third.yaml")).case
    figure = loaded.metrics.late_shipment_rate
    assert figure is not None and (figure.value, figure.window, figure.latest) == (6.1, None, None)
    assert str(loaded.notice.deadline) == "2026-12-04"  # within 10 days of the new notice
    assert loaded.causes[0].root_causes[0].use == "holiday_not_set"  # kept
    letter = (tmp_path / "third.txt").read_text(encoding="utf-8")
    assert "September" not in letter and "0.9 %" not in letter


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_category_removal_without_a_vtr_address_is_sent_as_render_says(
    tmp_path: Path, lang: str
) -> None:
    """amazon.de has no VTR appeals address: the wizard's steps are the channel's own (the
    blocked category's 'Appeal' in Account Health), the same lines `render` prints."""
    case = tmp_path / "case.yaml"
    answers: dict[str, Any] = {"marketplace": "amazon.de", "lang": lang}
    _, asked = scripted(answers, case=case, lang=lang)
    start = next(i for i, s in enumerate(asked.shown) if s.startswith(("Channel:", "申诉渠道")))
    shown = "\n".join(asked.shown[start : start + 1])
    loaded = load_case(case).case
    channel = decide_channel(loaded, load_catalogue())
    assert channel.route == "category"
    form_file = ".form.txt 文件" if lang == "zh" else "the .form.txt file"
    for step in channel.steps("amazon.de", form_file, lang):
        assert step in shown
    assert channel.label(lang) in shown
    assert "Choose 'Reactivate your account'" not in shown and "点击“恢复您的账户”" not in shown


UK_VTR = (
    "Hello,\n\nWe are contacting you because your Valid Tracking Rate (VTR) for the Home & "
    "Kitchen category is below the 95% requirement for seller-fulfilled orders. As a result, we "
    "have removed your ability to offer seller-fulfilled items in the Home & Kitchen category."
    "\n\nYour Valid Tracking Rate: 87.6%\nTime period: 1 October 2026 – 30 October 2026\n\n"
    "To reinstate, send a plan of action to op-pso-vtr-appeals@amazon.co.uk."
)


def _letter(folder: Path) -> str:
    """The letter as text, its no-break spaces (between a number and its unit) as spaces."""
    return (folder / "case.txt").read_text(encoding="utf-8").replace("\u00a0", " ")


def _window(case: Path, metric: str) -> list[str]:
    figure = getattr(load_case(case).case.metrics, metric)
    assert figure is not None
    return [str(day) for day in figure.window or ()]


def test_the_notices_own_window_goes_into_the_case_and_the_letters_table(tmp_path: Path) -> None:
    case = tmp_path / "case.yaml"
    _, asked = scripted({"paste_notice": UK_VTR, "categories": DEFAULT}, case=case)
    assert "own_figure" not in asked.asked and "own_window" not in asked.asked
    assert _window(case, "valid_tracking_rate") == ["2026-10-01", "2026-10-30"]
    letter = _letter(tmp_path)
    assert "1 to 30 October 2026" in letter and "rolling 30 days" not in letter


def test_the_window_of_the_sellers_own_figure_is_asked(tmp_path: Path) -> None:
    case = tmp_path / "case.yaml"
    answers = {
        **LATE,
        "paste_notice": LSR_REMOVAL,
        "scope": "all",
        "own_figure": "6.1",
        "own_window": Each(
            "2026-10-30 to 2026-10-01", "2026-10-01", "1 October 2026 – 30 October 2026"
        ),
    }
    _, asked = scripted(answers, case=case)
    question = asked.messages.index(
        "The days Amazon measured your Late Shipment Rate over: first and last day"
    )
    assert "usually 10 and 30 days" in asked.messages[question + 1]  # metrics.yaml's window
    assert asked.empties["own_window"] == "skip"
    assert [r[2] for r in asked.refused] == [
        "The first day (2026-10-30) is after the last day (2026-10-01).",
        "Give the first and the last day, e.g. 2026-10-01 to 2026-10-30.",
    ]
    assert _window(case, "late_shipment_rate") == ["2026-10-01", "2026-10-30"]
    letter = _letter(tmp_path)
    assert "1 to 30 October 2026" in letter and "10 and 30 days" not in letter


def test_a_window_after_the_notice_is_refused_and_an_empty_one_keeps_the_usual(
    tmp_path: Path,
) -> None:
    case = tmp_path / "case.yaml"
    answers = {**LATE, "paste_notice": LSR_REMOVAL, "scope": "all", "own_figure": "6.1"}
    _, asked = scripted({**answers, "own_window": Each("2026-11-01 to 2026-11-21", "")}, case=case)
    assert asked.refused[0][2] == (
        "2026-11-21 is after the notice date (2026-11-20); Amazon measured the figure before it."
    )
    assert _window(case, "late_shipment_rate") == []
    assert "10 and 30 days" in _letter(tmp_path)


def test_the_window_is_asked_in_chinese_with_the_usual_one_as_hint(tmp_path: Path) -> None:
    case = tmp_path / "case.yaml"
    answers = {**LATE, "paste_notice": LSR_REMOVAL, "scope": "all", "own_figure": "6.1"}
    _, asked = scripted(
        {**answers, "own_window": "2026年10月1日至2026年10月30日"}, case=case, lang="zh"
    )
    question = asked.messages.index("该迟发率的统计期间：起止日期")
    assert "通常为10 天和 30 天" in asked.messages[question + 1]
    assert _window(case, "late_shipment_rate") == ["2026-10-01", "2026-10-30"]


def test_a_window_the_notice_states_without_a_figure_is_kept_for_the_sellers_figure(
    tmp_path: Path,
) -> None:
    notice = LSR_REMOVAL + "\n\nTime period: 1 October 2026 – 30 October 2026"
    case = tmp_path / "case.yaml"
    answers = {**LATE, "paste_notice": notice, "scope": "all", "own_figure": "6.1"}
    _, asked = scripted(answers, case=case)
    assert "own_figure" in asked.asked and "own_window" not in asked.asked
    assert _window(case, "late_shipment_rate") == ["2026-10-01", "2026-10-30"]


def two_roots() -> dict[str, Any]:
    """Two root causes and two actions: each action and the measure say which they answer."""
    return {
        "root_causes": ["zero_width_paste", "typed_by_hand"],
        "actions": ["reuploaded_tracking", "cleaned_upload_file"],
        "answers": Each([1], [2], [1, 2]),  # two actions, then the one measure
    }


def test_each_action_and_measure_says_which_root_cause_it_answers(tmp_path: Path) -> None:
    (tmp_path / "vtr-report.pdf").write_bytes(b"%PDF-1.4 report")
    (tmp_path / "corrected upload.txt").write_text("order-id\ttracking\n", encoding="utf-8")
    case = tmp_path / "case.yaml"
    answers = {
        **two_roots(),
        "attachments": Each("vtr-report.pdf; gone.pdf", "vtr-report.pdf；corrected upload.txt"),
    }
    result, asked = scripted(answers, case=case)
    assert asked.asked.count("answers") == 3
    assert asked.choices["answers"][0][0].startswith("1. Tracking IDs were")
    assert asked.refused == [
        (
            "attachments",
            "vtr-report.pdf; gone.pdf",
            f"gone.pdf is not in {tmp_path}: put the file there first, or leave it out.",
        ),
    ]
    entry = load_case(case).case.causes[0]
    assert [a.answers for a in entry.corrective_actions] == [["1"], ["2"]]
    assert entry.preventive_measures[0].answers == ["1", "2"]
    assert entry.attachments == ["vtr-report.pdf", "corrected upload.txt"]
    review = "\n".join(asked.shown)
    for rule in ("untraced", "no-evidence", "root-cause-unanswered", "evidence-file"):
        assert f"[{rule}]" not in review, rule
    letter = (tmp_path / "case.txt").read_text(encoding="utf-8")
    assert "addresses root cause 1" in letter and "addresses root causes 1 and 2" in letter
    assert "vtr-report.pdf" in letter and "corrected upload.txt" in letter
    assert result.exit_code == 0


def test_with_one_root_cause_no_link_is_asked(tmp_path: Path) -> None:
    _, asked = scripted({"attachments": ""}, case=tmp_path / "case.yaml")
    assert "answers" not in asked.asked and "attachments" in asked.asked
    assert asked.empties["attachments"] == "skip"


def test_the_links_are_asked_in_chinese(tmp_path: Path) -> None:
    _, asked = scripted(two_roots(), case=tmp_path / "case.yaml", lang="zh")
    question = next(i for i, m in enumerate(asked.messages) if m.startswith("它针对哪些根本原因？"))
    assert asked.choices["answers"][0][0].startswith("1. 从承运商网页复制追踪号")
    assert "勾选它所处理的每一条" in asked.messages[question + 1]
    assert any(m.startswith("这个原因的证据文件") for m in asked.messages)


@pytest.mark.parametrize(
    ("lang", "untraced", "evidence"),
    [
        ("en", "in step 4, say for each action", "in step 4, give this cause's evidence files"),
        ("zh", "请在第 4 步为每条措施选择它针对的根本原因", "请在第 4 步填写这个原因的证据文件"),
    ],
)
def test_the_review_says_which_step_asks_the_links_and_the_evidence(
    tmp_path: Path, lang: str, untraced: str, evidence: str
) -> None:
    case = _example(tmp_path)
    text = re.sub(r"\n    attachments:\n(?:      - .*\n)+", "\n", case.read_text(encoding="utf-8"))
    case.write_text(re.sub(r"\n +answers: .*", "", text), encoding="utf-8")
    _, asked = scripted({"resume": "continue", "review_ok": "quit"}, case=case, lang=lang)
    review = "\n".join(asked.shown)
    assert untraced in review and evidence in review
    assert "`answers: 1`" not in review and "`attachments:`" not in review
