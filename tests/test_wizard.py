"""The wizard through its seam, answered by question key: every branch; and --no-input."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from appeal.cli import app
from appeal.core.casefile import load_case
from appeal.errors import AppealError, InputError
from appeal.letter.checks import check_case
from appeal.wizard.flow import WizardInterrupted
from tests.conftest import EXAMPLES
from tests.notice_corpus import DEV
from tests.wizard_helpers import END, INTERRUPT, Each, scripted

runner = CliRunner()
VTR_NOTICE = DEV[0][0]
LSR_NOTICE = DEV[12][0]  # dated "Date: 20 October 2026", within 17 days


def test_full_english_run_saves_case_and_renders(tmp_path: Path) -> None:
    case = tmp_path / "case.yaml"
    result, asked = scripted(case=case)
    assert [p.name for p in result.written] == ["case.txt", "case.md", "case.docx", "case.eml"]
    assert result.exit_code == 0
    loaded = load_case(case).case
    assert loaded.seller.store_name == "ExampleHome"
    assert loaded.notice.deadline is None  # not stored: it follows from the notice date
    entry = loaded.causes[0]
    assert [i.use for i in entry.root_causes] == ["zero_width_paste"]
    assert entry.corrective_actions[0].date == dt.date(2026, 11, 21)
    assert entry.preventive_measures[0].owner == "Warehouse lead"
    letter = (tmp_path / "case.txt").read_text(encoding="utf-8")
    assert "Root causes of not providing valid tracking numbers" in letter
    channel = next(s for s in asked.shown if s.startswith("Channel:"))
    assert "op-pso-vtr-appeals@amazon.com" in channel
    assert "Deadline: none stated; send promptly" in channel  # none on Amazon's pages
    assert "How to send:" in channel and "'Appeal' button" in channel


def test_back_to_fix_the_notice_date_moves_the_deadline(tmp_path: Path) -> None:
    case = tmp_path / "case.yaml"
    result, asked = scripted(
        {
            "notice_date": Each("2026-05-01", "2026-11-20"),
            "scope": "all",
            "causes": ["late_shipment"],
            "nav": Each("next", "back", "next", "next"),
        },
        case=case,
    )
    assert asked.asked.count("notice_date") == 2
    deadlines = [default for key, default in asked.offered if key == "deadline"]
    assert deadlines == ["2026-05-18", "2026-12-07"]  # each time: notice date + 17 days
    assert result.written
    loaded = load_case(case).case
    assert loaded.notice.date == dt.date(2026, 11, 20) and loaded.notice.deadline is None
    assert check_case(case, dt.date(2026, 11, 24)).letter.channel.deadline == dt.date(2026, 12, 7)
    shown = "\n".join(asked.shown)
    assert "Deadline: 7 December 2026 (notice date + 17 days), 13 days left" in shown


def test_a_deadline_of_the_sellers_own_is_kept(tmp_path: Path) -> None:
    case = tmp_path / "case.yaml"
    _, asked = scripted({"deadline_none": "2026/12/01"}, case=case)
    assert asked.defaults["deadline_none"] == ""  # a category removal: none stated by Amazon
    assert load_case(case).case.notice.deadline == dt.date(2026, 12, 1)


@pytest.mark.parametrize(
    "typed", ["2026/11/20", "2026.11.20", "2026年11月20日", "２０２６－１１－２０", "2026-11-20"]
)
def test_dates_in_every_common_form(tmp_path: Path, typed: str) -> None:
    case = tmp_path / "case.yaml"
    scripted({"notice_date": typed, "action_date": typed}, case=case)
    loaded = load_case(case).case
    assert loaded.notice.date == dt.date(2026, 11, 20)
    assert loaded.causes[0].corrective_actions[0].date == dt.date(2026, 11, 20)
    assert "date: 2026-11-20" in case.read_text(encoding="utf-8")


def test_future_dates_refused_and_no_silent_today(tmp_path: Path) -> None:
    _, asked = scripted(
        {
            "notice_date": Each("2027-05-01", "2026-11-20"),
            "action_date": Each("2026-12-01", "2026-11-21"),
        },
        case=tmp_path / "case.yaml",
    )
    refused = {(key, text) for key, text, _ in asked.refused}
    assert refused == {("notice_date", "2027-05-01"), ("action_date", "2026-12-01")}
    assert "after today" in asked.refused[0][2]
    assert asked.defaults["action_date"] == ""  # no default of today


def test_ctrl_c_and_ctrl_d_save_ticked_items_at_once(tmp_path: Path) -> None:
    for stop in (INTERRUPT, END):
        case = tmp_path / f"case{id(stop)}.yaml"
        with pytest.raises(WizardInterrupted) as stopped:
            scripted({"own_root": stop}, case=case)  # just after the root-cause list
        assert stopped.value.exit_code == 130
        assert f"appeal new {case}" in stopped.value.message
        assert "use: zero_width_paste" in case.read_text(encoding="utf-8")


def test_resume_continues_where_it_stopped(tmp_path: Path) -> None:
    case = tmp_path / "case.yaml"
    with pytest.raises(WizardInterrupted):
        scripted({"notice_date": INTERRUPT}, case=case)
    result, asked = scripted({"resume": "continue"}, case=case)
    assert asked.asked[0] == "resume" and "business_name" not in asked.asked
    assert result.written and load_case(case).case.seller.store_name == "ExampleHome"


def test_untick_a_cause_asks_and_ticking_it_again_brings_answers_back(tmp_path: Path) -> None:
    case = tmp_path / "case.yaml"
    both = ["invalid_tracking", "late_shipment"]
    seen: list[list[str]] = []

    def look(_message: str) -> tuple[str, int]:
        seen.append([c.cause for c in load_case(case).case.causes])
        return ("goto", 2)

    scripted(
        {
            "causes": Each(both, ["invalid_tracking"], ["invalid_tracking"], both),
            "untick": Each(False, True),
            "review_ok": Each(look, look, look, look, "write"),
        },
        case=case,
    )
    # "no" keeps the cause; "yes" unticks it; ticking it again brings its answers back
    assert seen == [both, both, ["invalid_tracking"], both]
    late = load_case(case).case.causes[1]
    assert late.facts.startswith("37 of 412") and late.root_causes[0].use == "weekend_not_set"


def test_review_shows_errors_and_write_anyway_exits_1(tmp_path: Path) -> None:
    case = tmp_path / "case.yaml"
    result, asked = scripted(
        {
            "facts": "仓库漏发了 37 个包裹",
            "chinese_warning": False,
            "review_ok": "anyway",
        },
        case=case,
    )
    review = asked.choices["review_ok"]
    assert review[0][0].startswith("Fix: error:") and "not-english" in review[0][0]
    assert not any(value == ("end", "write") for _, value in review)  # only "anyway"
    assert any("Checks: 1 error(s)" in s for s in asked.shown)
    assert result.written and result.exit_code == 1


def test_a_fix_jumps_to_the_answer_and_back_to_the_review(tmp_path: Path) -> None:
    case = tmp_path / "case.yaml"
    result, asked = scripted(
        {
            "facts": Each(
                "仓库漏发了 37 个包裹", "37 of 412 packages were missed in October 2026."
            ),
            "chinese_warning": False,
            "review_ok": Each("Fix:", "write"),
        },
        case=case,
    )
    assert asked.asked.count("review_ok") == 2 and asked.asked.count("business_name") == 1
    assert result.exit_code == 0
    assert load_case(case).case.causes[0].facts.startswith("37 of 412")


def test_chinese_signature_asks_for_the_latin_name_and_owner_is_checked(tmp_path: Path) -> None:
    case = tmp_path / "case.yaml"
    _, asked = scripted(
        {
            "contact_name": "王芳",
            "contact_name_latin": "Wang Fang",
            "owner": Each("仓库主管", "Warehouse lead"),
            "chinese_warning": True,
        },
        case=case,
    )
    loaded = load_case(case).case
    assert loaded.seller.contact_name == "Wang Fang"
    assert loaded.causes[0].preventive_measures[0].owner == "Warehouse lead"
    assert "chinese_warning" in asked.asked


def test_merchant_token_asked_for_the_email_channel(tmp_path: Path) -> None:
    case = tmp_path / "case.yaml"
    _, asked = scripted(
        {"merchant_token": "", "merchant_token_required": "A2EXAMPLE0TOKEN"}, case=case
    )
    assert "merchant_token_required" in asked.asked
    assert load_case(case).case.seller.merchant_token == "A2EXAMPLE0TOKEN"


def test_pasted_notice_is_summarised_and_fills_answers(tmp_path: Path) -> None:
    case = tmp_path / "case.yaml"
    _, asked = scripted(
        {"paste_notice": LSR_NOTICE, "scope": "all", "causes": ["late_shipment"]},
        case=case,
    )
    summary = asked.shown[asked.shown.index("What the notice says:") + 1]
    assert "Late Shipment Rate: yours 9.3 %, Amazon's target < 4 %" in summary
    assert "within 17 days of the notice" in summary
    assert asked.defaults["notice_date"] == "2026-10-20"  # labelled in the notice
    loaded = load_case(case).case
    assert loaded.metrics.late_shipment_rate is not None
    assert loaded.metrics.late_shipment_rate.value == 9.3


def test_a_threshold_is_never_stored_as_the_sellers_figure(tmp_path: Path) -> None:
    notice = "Your Late Shipment Rate is higher than the goal of less than 4%. Your selling "
    notice += "account has been deactivated."
    case = tmp_path / "case.yaml"
    scripted({"paste_notice": notice, "scope": "all", "causes": ["late_shipment"]}, case=case)
    assert load_case(case).case.metrics.late_shipment_rate is None


def test_amazons_reply_is_not_taken_for_a_notice(tmp_path: Path) -> None:
    reply = DEV[6][0]  # "greater detail ... within 17 days of the original notice"
    case = tmp_path / "case.yaml"
    _, asked = scripted({"paste_notice": reply}, case=case)
    assert any("appeal history add CASE" in s and "more_info" in s for s in asked.shown)
    assert load_case(case).case.notice.date == dt.date(2026, 11, 20)  # typed, not read


def test_each_catalogue_item_shows_its_proof_in_the_wizards_language(tmp_path: Path) -> None:
    from appeal.core.catalogue import load_catalogue

    item = (
        load_catalogue()
        .causes["invalid_tracking"]
        .item("corrective_actions", "reuploaded_tracking")
    )
    assert item is not None and item.evidence is not None
    for lang, proof in (("en", " (proof: {})"), ("zh", "（证明材料：{}）")):
        _, asked = scripted(case=tmp_path / f"{lang}.yaml", lang=lang)
        labels = [title for title, value in asked.choices["actions"] if value[-1] == item.id]
        label = item.zh if lang == "zh" else item.en
        assert labels == [label + proof.format(item.evidence.of(lang))]
        assert not any("en=" in title for title, _ in asked.choices["actions"])


def test_chinese_run_is_chinese_throughout(tmp_path: Path) -> None:
    notice = tmp_path / "notice.txt"
    notice.write_text(VTR_NOTICE, encoding="utf-8")
    case = tmp_path / "case.yaml"
    result, asked = scripted({"deadline_none": ""}, case=case, lang="zh", notice_file=notice)
    assert asked.shown[0] == "通知内容："  # what the notice says, before the first question
    assert (
        "有效追踪率：您的数值 91.2 %，亚马逊要求 ≥ 95 %，2026年10月6日 至 2026年11月4日"
        in (asked.shown[1])
    )
    assert "申诉信要逐个原因回答" in asked.shown[1]
    assert "case.zh.txt" in [p.name for p in result.written]
    preview = asked.shown.index("申诉信中文对照（寄出的是英文信）：") + 1
    # the step's line heads the reading copy; its own title is not repeated under it
    assert not asked.shown[preview].startswith("申诉信中文对照")
    assert asked.shown[preview].startswith("Shenzhen Example Trading Co., Ltd.")
    screens = [*asked.messages, *asked.shown[:preview], *asked.shown[preview + 1 :]]
    allowed = re.compile(
        r"Merchant Token|Reactivate your account|Account Health|Performance|Appeal|"
        r"op-pso-vtr-appeals@amazon\.com|amazon\.[a-z.]+|"
        r"appeal (?:new|render|history add|tracking)|"
        r"Markdown|Word|docx|form\.txt|txt|eml|md|CASE|Toys & Games|Baby Products|"
        r"Shenzhen Example Trading Co\., Ltd\.|ExampleHome|A2EXAMPLE0TOKEN|Li Wei|Wang Fang|"
        r"ops@example\.com|Warehouse lead|case\.yaml|\S*/\S*|[-+]?\d[\d.]*|e\.g\.|Enter|Esc|"
        r"Clothing, Shoes & Jewelry|Seller Central|the VTR|Other|Excel|Buy Shipping"
    )
    english = [
        (text, rest)
        for text in screens
        if text
        and (rest := re.findall(r"[A-Za-z]{3,}", allowed.sub("", text.split("例如")[0])))
        and not text.startswith(("37 of 412", "Tracking IDs", "We ", "A named", "Our "))
    ]
    assert english == [], "\n".join(repr(e) for e in english)


def test_questions_name_no_keys_the_terminal_says_what_enter_does(tmp_path: Path) -> None:
    from appeal.wizard.texts import HINTS, TEXTS

    terminal = {k for k in TEXTS if k.startswith(("list.", "keys.")) or k == "multiline"}
    keys = re.compile(r"\b(Enter|Space|Esc|Tab|Ctrl|arrow keys)\b|回车|空格勾选|方向键")
    named = [
        (key, text)
        for key, pair in [*TEXTS.items(), *HINTS.items()]
        if key not in terminal
        for text in pair
        if keys.search(text)
    ]
    assert named == []  # the web page shows these texts too
    _, asked = scripted(case=tmp_path / "case.yaml")
    assert asked.empties["merchant_token"] == "skip" and asked.empties["contact_email"] == "skip"
    assert asked.empties["own_root"] == "finish" and asked.empties["start"] == "skip"
    assert asked.empties["deadline_none"] == "none"
    assert asked.empties["business_name"] == "" and asked.empties["action_date"] == ""


def test_no_input_names_every_missing_field_at_once(tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["new", str(tmp_path / "bare.yaml"), "--no-input", "--set", "seller.store_name=Ex"]
    )
    assert result.exit_code == 2
    for field in (
        "seller.business_name",
        "seller.marketplace",
        "seller.contact_name",
        "notice.date",
        "notice.scope",
        "causes",
    ):
        assert f"{field}: missing" in result.output
    assert (tmp_path / "bare.yaml").exists()  # what was given is kept


def test_no_input_success_with_a_notice(tmp_path: Path) -> None:
    notice = tmp_path / "notice.txt"
    notice.write_text(VTR_NOTICE, encoding="utf-8")
    case = tmp_path / "scripted.yaml"
    sets = [
        "seller.business_name=Example Co",
        "seller.store_name=Ex",
        "seller.merchant_token=A2EXAMPLE0TOKEN",
        "seller.marketplace=amazon.com",
        "seller.contact_name=Li Wei",
        "notice.date=2026年11月20日",
        "causes[0].facts=37 of 412 packages had no valid tracking ID in October 2026.",
        "causes[0].root_causes=[{use: zero_width_paste}]",
        "causes[0].corrective_actions=[{use: reuploaded_tracking, date: 2026/11/21}]",
        "causes[0].preventive_measures=[{use: daily_vtr_check, owner: Lead}]",
    ]
    args = ["new", str(case), "--no-input", "--notice", str(notice)]
    for item in sets:
        args += ["--set", item]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    loaded = load_case(case).case
    assert loaded.notice.categories == ["Toys & Games", "Baby Products"]
    assert loaded.notice.date == dt.date(2026, 11, 20)
    assert loaded.causes[0].corrective_actions[0].date == dt.date(2026, 11, 21)
    assert loaded.metrics.valid_tracking_rate is not None
    assert loaded.metrics.valid_tracking_rate.window == (dt.date(2026, 10, 6), dt.date(2026, 11, 4))
    assert (tmp_path / "scripted.eml").exists()


@pytest.mark.parametrize(
    ("option", "message"),
    [
        ("oops", "KEY=VALUE"),
        ("Seller.Name=x", "not a field name"),
        ("notice.date=2027-01-05", "after today"),
        ("notice.date=03/04/2026", "is not a date"),
        ("causes[0].corrective_actions=[{date: 2026-13-01}]", "not a day of the calendar"),
        ("seller.store_name=A;seller.store_name.x=1", "seller.store_name is a single answer"),
        ("causes[3].facts=x", "the next one is [0]"),
        ("seller.store_name=A;seller[0]=x", "seller is not a list"),
    ],
)
def test_bad_set_values_say_which_and_why(tmp_path: Path, option: str, message: str) -> None:
    args = ["new", str(tmp_path / "x.yaml"), "--no-input"]
    for item in option.split(";"):
        args += ["--set", item]
    result = runner.invoke(app, args)
    assert result.exit_code == 2 and message in result.output, result.output
    assert "unexpected" not in result.output


def test_set_beats_notice_and_from(tmp_path: Path) -> None:
    notice = tmp_path / "notice.txt"
    notice.write_text(LSR_NOTICE, encoding="utf-8")
    case = tmp_path / "again.yaml"
    args = ["new", str(case), "--no-input", "--from", str(EXAMPLES / "vtr-toys.yaml")]
    args += ["--notice", str(notice), "--set", "notice.categories=[Baby Products]"]
    args += ["--set", "notice.scope=category"]
    # the old case's facts counted the old notice's period: a new notice needs new ones
    args += ["--set", "causes[0].facts=41 of 441 orders in October 2026 shipped late."]
    result = runner.invoke(app, args)
    assert result.exit_code in (0, 1), result.output
    loaded = load_case(case).case
    assert loaded.seller.store_name == "ExampleHome"  # from --from
    assert loaded.notice.date == dt.date(2026, 10, 20)  # from the notice
    assert loaded.notice.categories == ["Baby Products"]  # --set wins
    assert loaded.submissions == []


def test_rendering_over_an_edited_letter_names_render_options(tmp_path: Path) -> None:
    case = tmp_path / "case.yaml"
    scripted(case=case)
    (tmp_path / "case.txt").write_text("my edits", encoding="utf-8")
    with pytest.raises(AppealError) as refused:
        scripted({"resume": "continue"}, case=case)
    assert "appeal render" in refused.value.message and "--force" in refused.value.message
    assert "appeal new" not in refused.value.message.replace(f"appeal new {case}", "")


def test_restart_keeps_a_backup_and_quit_changes_nothing(tmp_path: Path) -> None:
    case = tmp_path / "case.yaml"
    original = (EXAMPLES / "vtr-toys.yaml").read_text(encoding="utf-8")
    case.write_text(original, encoding="utf-8")
    result, _ = scripted({"resume": "restart"}, case=case)
    assert result.written
    assert (tmp_path / "case.yaml.bak").read_text(encoding="utf-8") == original
    mine = tmp_path / "mine.yaml"
    mine.write_text("seller:\n  store_name: Mine   # my note\n", encoding="utf-8")
    result, _ = scripted({"resume": "quit"}, case=mine)
    assert result.written == []
    assert mine.read_text(encoding="utf-8") == "seller:\n  store_name: Mine   # my note\n"


def test_without_a_terminal_it_says_what_to_do(tmp_path: Path) -> None:
    result = runner.invoke(app, ["new", str(tmp_path / "x.yaml")])
    assert result.exit_code == 2
    assert "--no-input" in result.output
    assert not (tmp_path / "x.yaml").exists()


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
    result = runner.invoke(app, ["new", str(tmp_path / "x.yaml"), "--no-input", "--lang", "fr"])
    assert result.exit_code == 2 and "use en or zh" in result.output


def test_never_overwrites_a_file_that_is_not_a_case(tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("My thoughts about the appeal.\nDo not lose these.\n", encoding="utf-8")
    result = runner.invoke(app, ["new", str(notes), "--no-input", "--set", "seller.store_name=X"])
    assert result.exit_code == 2 and "is not a case file" in result.output
    assert (
        notes.read_text(encoding="utf-8") == "My thoughts about the appeal.\nDo not lose these.\n"
    )
