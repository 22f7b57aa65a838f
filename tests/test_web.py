"""`appeal serve`: the pages, each answer saved into the case file, the preview, the channel box
and the downloads, all through the same core as the command line (issue 14, points 1-3)."""

from __future__ import annotations

import html
import io
import re
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from appeal.cli import app
from appeal.core.casefile import load_case
from appeal.wizard.texts import TEXTS
from tests.conftest import TODAY
from tests.helpers import MINIMAL_CASE
from tests.web_helpers import Page, copy_example, web_client

runner = CliRunner()


def test_case_list_shows_each_case_with_marketplace_causes_deadline_and_outcome(
    tmp_path: Path,
) -> None:
    copy_example(tmp_path, "full-suspension")
    copy_example(tmp_path, "vtr-toys")
    (tmp_path / "draft.yaml").write_text("version: 1\nlang: en\n", encoding="utf-8")
    (tmp_path / "notes.yaml").write_text("- a list, not a case\n", encoding="utf-8")
    page = web_client(tmp_path).get("/").text
    assert "full-suspension.yaml" in page and "vtr-toys.yaml" in page
    assert "amazon.com" in page
    assert "Late shipments" in page or "Late shipment" in page
    # full-suspension: notice 2026-11-21, 17 days -> 2026-12-08, 14 days after 24 November
    assert "2026-12-08" in page and "14 days left" in page
    assert "not sent yet" in page
    assert "draft.yaml" in page and "answers missing" in page
    assert "notes.yaml" not in page


def test_a_new_case_starts_a_case_file_in_the_folder_and_opens_step_one(tmp_path: Path) -> None:
    client = web_client(tmp_path)
    response = client.post(
        "/new", data={"name": "toys 2026", "lang": "zh"}, headers={"Origin": str(client.base_url)}
    )
    assert response.status_code == 200
    assert str(response.url).endswith("/case/toys%202026.yaml/seller")
    assert (tmp_path / "toys 2026.yaml").read_text(encoding="utf-8") == "version: 1\nlang: zh\n"
    assert TEXTS["store_name"][1] in response.text  # the wizard's own Chinese question
    again = client.post(
        "/new", data={"name": "toys 2026", "lang": "en"}, headers={"Origin": str(client.base_url)}
    )
    assert again.status_code == 400 and "already exists" in again.text


def _answer_everything(page: Page) -> None:
    page.save(
        "seller",
        {
            "seller.business_name": "Shenzhen Example Trading Co., Ltd.",
            "seller.store_name": "On",  # a YAML 1.1 boolean word: must stay text
            "seller.merchant_token": "A2EXAMPLE0TOKEN",
            "seller.marketplace": "amazon.com",
            "seller.contact_name": "Li Wei",
            "seller.contact_email": "ops@example.com",
        },
    )
    page.save(
        "notice",
        {
            "notice.date": "2026-11-20",
            "notice.scope": "category",
            "notice.categories": "Toys & Games, Clothing",
            "notice.deadline": "",
            "notice.reference": "",
        },
    )
    page.save("causes", {"causes.shown": "1", "causes": ["invalid_tracking"]})
    page.save(
        "details",
        {
            "c0.cause": "invalid_tracking",
            "c0.facts": "37 of 412 packages between 6 October and 4 November 2026 had no "
            "valid tracking ID.",
            "c0.root_causes.shown": "1",
            "c0.root_causes.use": ["zero_width_paste"],
            "c0.root_causes.own.text": ["Our evening shift typed IDs by hand."],
            "c0.corrective_actions.shown": "1",
            "c0.corrective_actions.use": ["reuploaded_tracking"],
            "c0.corrective_actions.date.reuploaded_tracking": "2026-11-21",
            "c0.preventive_measures.shown": "1",
            "c0.preventive_measures.use": ["daily_vtr_check"],
            "c0.preventive_measures.owner.daily_vtr_check": "Warehouse lead",
            "c0.preventive_measures.start.daily_vtr_check": "2026-11-22",
        },
    )


def test_every_step_saves_into_a_case_the_command_line_renders(tmp_path: Path) -> None:
    client = web_client(tmp_path)
    (tmp_path / "case.yaml").write_text("version: 1\nlang: en\n", encoding="utf-8")
    page = Page(client, "case.yaml", "seller")
    _answer_everything(page)
    case = load_case(tmp_path / "case.yaml").case
    assert case.seller.store_name == "On"
    assert case.notice.categories == ["Toys & Games", "Clothing"]
    assert case.notice.deadline is None  # stored only when the seller overrides it
    entry = case.causes[0]
    assert [i.use for i in entry.root_causes] == ["zero_width_paste", None]
    assert entry.root_causes[1].text == "Our evening shift typed IDs by hand."
    assert str(entry.corrective_actions[0].date) == "2026-11-21"
    assert entry.preventive_measures[0].owner == "Warehouse lead"
    result = runner.invoke(app, ["check", str(tmp_path / "case.yaml")])
    assert result.exit_code == 0, result.output


def test_an_own_measure_gets_its_frequency_on_the_page(tmp_path: Path) -> None:
    """The page asks how often, as the wizard does: the letter says it, and check is quiet."""
    client = web_client(tmp_path)
    (tmp_path / "case.yaml").write_text("version: 1\nlang: en\n", encoding="utf-8")
    page = Page(client, "case.yaml", "seller")
    _answer_everything(page)
    shown = client.get("/case/case.yaml/details").text
    assert "How often" in shown
    page.save(
        "details",
        {
            "c0.cause": "invalid_tracking",
            "c0.preventive_measures.shown": "1",
            "c0.preventive_measures.use": ["daily_vtr_check"],
            "c0.preventive_measures.own.text": ["The team lead checks the uploaded IDs."],
            "c0.preventive_measures.own.owner": ["team lead Liu"],
            "c0.preventive_measures.own.frequency": ["every evening before the upload"],
            "c0.preventive_measures.own.start": ["2026-11-22"],
        },
    )
    own = load_case(tmp_path / "case.yaml").case.causes[0].preventive_measures[-1]
    assert own.frequency == "every evening before the upload"
    result = runner.invoke(app, ["check", str(tmp_path / "case.yaml")])
    assert "measure-without-frequency" not in result.output
    assert result.exit_code == 0, result.output


def test_answers_keep_the_files_comments_and_untouched_fields(tmp_path: Path) -> None:
    text = MINIMAL_CASE.replace("seller:\n", "# our shop\nseller:  # as in Seller Central\n")
    text += "attachments: [vtr-report.pdf]  # sent with the letter\n"
    (tmp_path / "case.yaml").write_text(text, encoding="utf-8")
    page = Page(web_client(tmp_path), "case.yaml", "seller")
    response = page.save("seller", {"seller.store_name": "TestStore Two"})
    assert response.status_code == 200
    saved = (tmp_path / "case.yaml").read_text(encoding="utf-8")
    assert "# our shop" in saved and "# as in Seller Central" in saved
    assert "# sent with the letter" in saved
    assert "store_name: TestStore Two" in saved
    assert saved.replace("TestStore Two", "TestStore") == text


def test_unticking_an_item_removes_it_and_ticking_it_again_keeps_its_date(tmp_path: Path) -> None:
    (tmp_path / "case.yaml").write_text(MINIMAL_CASE, encoding="utf-8")
    page = Page(web_client(tmp_path), "case.yaml", "details")
    part = {"c0.cause": "late_shipment", "c0.corrective_actions.shown": "1"}
    page.save("details", {**part, "c0.corrective_actions.date.set_weekend_days": "2026-11-21"})
    assert load_case(tmp_path / "case.yaml").case.causes[0].corrective_actions == []
    page.save(
        "details",
        {
            **part,
            "c0.corrective_actions.use": ["set_weekend_days"],
            "c0.corrective_actions.date.set_weekend_days": "2026-11-21",
        },
    )
    actions = load_case(tmp_path / "case.yaml").case.causes[0].corrective_actions
    assert [(a.use, str(a.date)) for a in actions] == [("set_weekend_days", "2026-11-21")]


def test_a_sentence_of_ones_own_can_be_changed_and_removed(tmp_path: Path) -> None:
    (tmp_path / "case.yaml").write_text(MINIMAL_CASE, encoding="utf-8")
    page = Page(web_client(tmp_path), "case.yaml", "details")
    part = {
        "c0.cause": "late_shipment",
        "c0.root_causes.shown": "1",
        "c0.root_causes.use": ["weekend_not_set"],
    }
    page.save("details", {**part, "c0.root_causes.own.text": ["First.", "Second.", ""]})
    page.save("details", {**part, "c0.root_causes.own.text": ["First, changed.", "Second.", ""]})
    causes = load_case(tmp_path / "case.yaml").case.causes[0].root_causes
    assert [c.text for c in causes] == [None, "First, changed.", "Second."]
    response = page.save("details", {**part, "c0.root_causes.own.text": ["", "Second.", ""]})
    causes = load_case(tmp_path / "case.yaml").case.causes[0].root_causes
    assert [c.text for c in causes] == [None, "Second."]
    # the rows of that part come back renumbered, so the next change lines up
    assert 'id="own-c0-root_causes" hx-swap-oob="true"' in response.text


def test_the_preview_is_the_letter_with_each_finding_beside_its_text(tmp_path: Path) -> None:
    case = MINIMAL_CASE.replace(
        "      - use: weekend_not_set\n",
        "      - use: weekend_not_set\n"
        "      - text: Please give us a chance, the carrier failed.\n",
    )
    (tmp_path / "case.yaml").write_text(case, encoding="utf-8")
    page = Page(web_client(tmp_path), "case.yaml", "seller")
    letter = page.html[page.html.index('<div class="paper"') :]
    item = letter.index("Please give us a chance")
    end_of_item = letter.index("</li>", item)
    finding = letter.index('class="finding', item)
    assert finding < end_of_item  # inside the very bullet it concerns
    assert "#f-c0-root_causes-own-0" in letter[finding:end_of_item]
    # the sentence is the letter's: the same text `appeal render` writes
    result = runner.invoke(app, ["render", str(tmp_path / "case.yaml"), "-f", "txt"])
    assert "Please give us a chance, the carrier failed." in (tmp_path / "case.txt").read_text(
        encoding="utf-8"
    ), result.output


def test_errors_come_first_in_the_findings(tmp_path: Path) -> None:
    case = MINIMAL_CASE.replace("    facts: 18 of 300", "    facts: 我们 TODO 18 of 300").replace(
        "      - use: weekend_not_set\n", "      - text: Please give us a chance.\n"
    )
    (tmp_path / "case.yaml").write_text(case, encoding="utf-8")
    html = Page(web_client(tmp_path), "case.yaml", "review").html
    review = html[html.index("<h2>Step 6") :]
    levels = re.findall(r'class="finding (error|warning)"', review[: review.index("</section>")])
    assert "error" in levels and "warning" in levels
    assert levels.index("warning") > max(i for i, lv in enumerate(levels) if lv == "error")


def test_what_is_missing_is_listed_with_a_way_to_the_answer(tmp_path: Path) -> None:
    (tmp_path / "case.yaml").write_text("version: 1\nlang: en\n", encoding="utf-8")
    html = Page(web_client(tmp_path), "case.yaml", "notice").html
    assert "Answers missing or to fix:" in html
    assert 'href="/case/case.yaml/seller#f-seller"' in html
    assert "/case/case.yaml/causes#f-causes" in html


def test_the_channel_box_gives_address_or_steps_deadline_and_days_left(tmp_path: Path) -> None:
    copy_example(tmp_path, "vtr-toys")
    copy_example(tmp_path, "full-suspension")
    client = web_client(tmp_path)
    vtr = client.get("/case/vtr-toys.yaml/channel").text
    assert "op-pso-vtr-appeals@amazon.com" in vtr
    suspended = client.get("/case/full-suspension.yaml/channel").text
    assert "Reactivate your account" in suspended
    assert "8 December 2026" in suspended and "14 days left" in suspended


def test_the_channel_box_for_a_category_removal_without_a_vtr_address(tmp_path: Path) -> None:
    """amazon.de: the box names the blocked category's own 'Appeal', as `render` does."""
    case = copy_example(tmp_path, "vtr-toys", "de.yaml")
    case.write_text(
        case.read_text(encoding="utf-8").replace("amazon.com", "amazon.de"), encoding="utf-8"
    )
    html = web_client(tmp_path).get("/case/de.yaml/channel").text
    assert "Choose &#39;Reactivate your account&#39;" not in html
    assert "Choose 'Reactivate your account'" not in html
    assert "beside the blocked category" in html and "de.form.txt" in html


def test_downloads_are_the_files_appeal_render_writes(tmp_path: Path) -> None:
    copy_example(tmp_path, "vtr-toys")
    client = web_client(tmp_path)
    rendered = tmp_path / "rendered"
    result = runner.invoke(app, ["render", str(tmp_path / "vtr-toys.yaml"), "-o", str(rendered)])
    assert result.exit_code == 0, result.output
    txt = client.get("/case/vtr-toys.yaml/file/txt")
    assert txt.status_code == 200
    assert 'filename="vtr-toys.txt"' in txt.headers["content-disposition"]
    assert txt.content == (rendered / "vtr-toys.txt").read_bytes()
    docx = client.get("/case/vtr-toys.yaml/file/docx")
    document = zipfile.ZipFile(io.BytesIO(docx.content)).read("word/document.xml").decode()
    assert "Toys" in document and "37 of 412" in document
    eml = client.get("/case/vtr-toys.yaml/file/eml").content.decode("utf-8", "replace")
    assert "To: op-pso-vtr-appeals@amazon.com" in eml
    assert client.get("/case/vtr-toys.yaml/file/form").status_code == 404  # an e-mail case


def test_the_last_step_has_the_form_boxes_with_counts_and_copy_buttons(tmp_path: Path) -> None:
    copy_example(tmp_path, "full-suspension")
    client = web_client(tmp_path)
    html = client.get("/case/full-suspension.yaml/finish").text
    form = client.get("/case/full-suspension.yaml/file/form").content.decode("utf-8")
    for title, count in re.findall(r"===== (.+?) \((\d+) characters\) =====", form):
        assert f'<strong lang="en">{title}</strong>' in html
        assert f"{count} characters" in html
    assert html.count("data-copy=") == 3
    assert "/case/full-suspension.yaml/file/docx" in html


def test_a_chinese_case_asks_with_the_wizards_chinese_texts(tmp_path: Path) -> None:
    (tmp_path / "case.yaml").write_text(MINIMAL_CASE + "lang: zh\n", encoding="utf-8")
    client = web_client(tmp_path)
    seller = client.get("/case/case.yaml/seller").text
    for key in ("business_name", "contact_name"):
        assert TEXTS[key][1].split("（")[0] in seller
    assert "第 1 步（共 7 步）" in seller
    details = client.get("/case/case.yaml/details").text
    assert "周末" in details  # catalogue labels in Chinese, the English sentence beside them
    assert 'lang="en"' in details
    finish = client.get("/case/case.yaml/finish").text
    assert "/case/case.yaml/file/zh" in finish
    reading = client.get("/case/case.yaml/file/zh").content.decode("utf-8")
    assert "根本原因" in reading


def test_each_catalogue_item_shows_its_proof_in_the_pages_language(tmp_path: Path) -> None:
    from appeal.core.catalogue import load_catalogue

    item = load_catalogue().causes["late_shipment"].item("corrective_actions", "set_weekend_days")
    assert item is not None and item.evidence is not None
    (tmp_path / "en.yaml").write_text(MINIMAL_CASE, encoding="utf-8")
    (tmp_path / "zh.yaml").write_text(MINIMAL_CASE + "lang: zh\n", encoding="utf-8")
    client = web_client(tmp_path)
    english = client.get("/case/en.yaml/details").text
    chinese = client.get("/case/zh.yaml/details").text
    assert f'<span class="proof">(proof: {item.evidence.en})</span>' in english
    assert f'<span class="proof">（证明材料：{item.evidence.zh}）</span>' in chinese


def test_a_pasted_notice_fills_the_notice_step(tmp_path: Path) -> None:
    (tmp_path / "case.yaml").write_text("version: 1\nlang: en\n", encoding="utf-8")
    page = Page(web_client(tmp_path), "case.yaml", "notice")
    notice = (
        "Hello,\n\nWe have removed your ability to fulfil orders yourself (merchant-fulfilled "
        "offers) in the following categories:\n- Toys & Games\n\nYour Valid Tracking Rate for "
        "the period October 6, 2026 to November 4, 2026 is 91.2%, below our target of 95%. "
        "This notification was sent on November 20, 2026.\n"
    )
    response = page.post("notice/read", {"notice_text": notice})
    assert response.status_code == 200
    draft = (tmp_path / "case.yaml").read_text(encoding="utf-8")
    assert "Toys & Games" in draft and "scope: category" in draft
    assert 'value="Toys &amp; Games"' in response.text


def test_history_lists_submissions_and_records_a_new_one(tmp_path: Path) -> None:
    copy_example(tmp_path, "full-suspension")
    page = Page(web_client(tmp_path), "full-suspension.yaml", "history")
    assert "Nothing recorded yet." in page.html
    reply = "Please provide greater detail on the root cause of the late shipments."
    response = page.post(
        "history",
        {"date": "2026-11-23", "channel": "seller_central", "outcome": "more_info", "reply": reply},
    )
    assert response.status_code == 200, response.text
    assert "2026-11-23" in response.text and reply in response.text
    assert "asks for more on" in response.text and "root causes" in response.text
    case = load_case(tmp_path / "full-suspension.yaml").case
    assert case.submissions[-1].outcome == "more_info"
    assert (tmp_path / "full-suspension.sent").is_dir()  # the letter as sent is kept


def test_the_page_shows_the_cases_date_as_today_from_the_server(tmp_path: Path) -> None:
    copy_example(tmp_path, "vtr-toys")
    html = web_client(tmp_path).get("/case/vtr-toys.yaml/seller").text
    assert f"{TODAY.day} November 2026" in html


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_form_labels_are_the_wizards_questions_with_no_keys_to_press(
    tmp_path: Path, lang: str
) -> None:
    (tmp_path / "case.yaml").write_text(MINIMAL_CASE + f"lang: {lang}\n", encoding="utf-8")
    client = web_client(tmp_path)
    labels = [
        html.unescape(re.sub(r"<[^>]+>", "", label)).strip()
        for step in ("seller", "notice", "details")
        for label in re.findall(
            r"<label[^>]*>(.*?)</label>", client.get(f"/case/case.yaml/{step}").text, re.S
        )
    ]
    keys = re.compile(r"\b(Enter|Space|Esc|Tab|Ctrl|arrow keys)\b|回车|空格勾选|方向键")
    assert [label for label in labels if keys.search(label)] == []
    token = (
        "Merchant token (Settings > Account Info)"
        if lang == "en"
        else "卖家记号 Merchant Token（设置 > 账户信息）"
    )
    assert any(label.startswith(token) for label in labels)
    own = (
        "Another root cause in your own words, in English"
        if lang == "en"
        else "补充根本原因（英文）"
    )
    assert own in labels


def _two_roots(page: Page, roots: list[str], action: str, measure: str, files: str) -> object:
    return page.save(
        "details",
        {
            "c0.cause": "late_shipment",
            "c0.root_causes.shown": "1",
            "c0.root_causes.use": roots,
            "c0.root_causes.own.text": [""],
            "c0.corrective_actions.shown": "1",
            "c0.corrective_actions.use": ["set_weekend_days"],
            "c0.corrective_actions.date.set_weekend_days": "2026-11-21",
            "c0.corrective_actions.answers.set_weekend_days": action,
            "c0.preventive_measures.shown": "1",
            "c0.preventive_measures.use": ["daily_lsr_check"],
            "c0.preventive_measures.owner.daily_lsr_check": "Warehouse lead",
            "c0.preventive_measures.start.daily_lsr_check": "2026-11-22",
            "c0.preventive_measures.answers.daily_lsr_check": measure,
            "c0.attachments": files,
        },
    )


def test_the_details_step_links_actions_to_root_causes_and_lists_evidence(tmp_path: Path) -> None:
    (tmp_path / "case.yaml").write_text(MINIMAL_CASE, encoding="utf-8")
    (tmp_path / "late-orders.csv").write_text("order-id\n", encoding="utf-8")
    (tmp_path / "settings.png").write_bytes(b"\x89PNG\r\n")
    page = Page(web_client(tmp_path), "case.yaml", "review")
    review = html.unescape(page.html)
    # the checks' words name case-file keys; the page says which step asks it
    assert (
        "in step 4, give this cause's evidence files" in review and "`attachments:`" not in review
    )
    roots = ["weekend_not_set", "holiday_not_set"]
    _two_roots(page, roots, "", "", "late-orders.csv; settings.png")  # a second root cause
    _two_roots(page, roots, "2", "", "late-orders.csv; settings.png")  # then the links
    review = html.unescape(Page(page.client, "case.yaml", "review").html)
    # the measure answers no root cause: the page says where to give it, not which key to write
    assert (
        "root cause 1 has no action and no prevention that says it answers it: in step 4, tick "
        "it for an action or measure" in review
    )
    assert "root cause 2 has no prevention that says it answers it: in step 4" in review
    assert "`answers:" not in review
    _two_roots(page, roots, "1 2", "1，2", "late-orders.csv; settings.png")
    entry = load_case(tmp_path / "case.yaml").case.causes[0]
    assert [r.use for r in entry.root_causes] == roots
    assert entry.corrective_actions[0].answers == ["1", "2"]
    assert entry.preventive_measures[0].answers == ["1", "2"]
    assert entry.attachments == ["late-orders.csv", "settings.png"]
    details = Page(page.client, "case.yaml", "details").html
    assert (
        'name="c0.preventive_measures.answers.daily_lsr_check" type="text" value="1, 2"' in details
    )
    assert 'value="late-orders.csv; settings.png"' in details
    review = html.unescape(Page(page.client, "case.yaml", "review").html)
    for fix in ("in step 4", "not found beside the case file"):
        assert fix not in review, fix
    result = runner.invoke(app, ["render", str(tmp_path / "case.yaml"), "-f", "txt"])
    letter = (tmp_path / "case.txt").read_text(encoding="utf-8")
    assert letter.count("addresses root causes 1 and 2") == 2
    assert "late-orders.csv" in letter and "settings.png" in letter, result.output


def test_unticking_a_root_cause_renumbers_the_links_on_the_page(tmp_path: Path) -> None:
    (tmp_path / "case.yaml").write_text(MINIMAL_CASE, encoding="utf-8")
    page = Page(web_client(tmp_path), "case.yaml", "details")
    _two_roots(page, ["weekend_not_set", "holiday_not_set"], "", "", "")
    _two_roots(page, ["weekend_not_set", "holiday_not_set"], "2", "1, 2", "")
    response = _two_roots(page, ["holiday_not_set"], "2", "1, 2", "")
    entry = load_case(tmp_path / "case.yaml").case.causes[0]
    assert [r.use for r in entry.root_causes] == ["holiday_not_set"]
    assert entry.corrective_actions[0].answers == ["1"]  # followed its root cause
    assert entry.preventive_measures[0].answers == ["1"]
    assert (
        'id="f-c0-corrective_actions-use-set_weekend_days-answers" '
        'name="c0.corrective_actions.answers.set_weekend_days" type="text" value="1"'
    ) in response.text  # type: ignore[attr-defined]
