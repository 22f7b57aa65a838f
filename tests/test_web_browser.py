"""`appeal serve` in a real browser (Debian's Chromium, driven by Playwright): a seller's whole
way through, in English and in Chinese, a dropped report, a reload halfway, two tabs.

Every page is saved as a screenshot at 360 and 1440 px in tests/artifacts/screenshots/.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from appeal.core.casefile import load_case
from appeal.dates import pct
from appeal.wizard.texts import TEXTS
from tests.browser_helpers import WIDTHS, chromium, live_server, shot
from tests.test_metrics import all_orders, unshipped
from tests.test_web_files import inventory_case

PAGES = ("seller", "notice", "causes", "details", "channel", "review", "finish")


@pytest.fixture
def browser() -> Iterator[Any]:
    with chromium() as found:
        yield found


def _saving(page: Any, name: str | None = None, value: str | None = None) -> Any:
    """Wait for the next answer the page sends to be saved; with `name`, for the save that
    carries `value` in that field (a save already on its way, such as the one a reloaded page
    sends for the answers it put back, is not that one)."""
    from urllib.parse import parse_qs

    def wanted(response: Any) -> bool:
        if "/save/" not in response.url or response.request.method != "POST":
            return False
        if name is None:
            return True
        sent = parse_qs(response.request.post_data or "", keep_blank_values=True)
        return value in sent.get(name, [])

    return page.expect_response(wanted)


def type_in(page: Any, selector: str, value: str) -> None:
    """Type as a seller does, a key at a time, and wait until the page has saved it."""
    field = page.locator(selector)
    with _saving(page, field.get_attribute("name"), value) as response:
        if field.get_attribute("type") == "date":
            field.fill(value)  # a date picker takes the date, not keystrokes
        else:
            field.fill("")
            field.press_sequentially(value)
    assert response.value.status == 200


def tick(page: Any, selector: str) -> None:
    with _saving(page) as response:
        page.locator(selector).check()
    assert response.value.status == 200


def next_step(page: Any) -> None:
    page.get_by_role("link", name=re.compile("Next step|下一步")).click()
    page.wait_for_load_state()


def new_case(page: Any, url: str, name: str, lang: str) -> None:
    page.goto(url)
    page.fill("#new-name", name)
    page.check(f"input[name=lang][value={lang}]")
    page.click("button.primary")
    page.wait_for_url(f"**/case/{name}.yaml/seller")


def answer_all_steps(page: Any, prefix: str) -> None:
    """Steps 1 to 4 of a VTR case on amazon.com, typed into the page; a screenshot of each."""
    type_in(page, "#f-seller-business-name", "Shenzhen Example Trading Co., Ltd.")
    type_in(page, "#f-seller-store-name", "ExampleHome")
    type_in(page, "#f-seller-merchant-token", "A2EXAMPLE0TOKEN")
    type_in(page, "#f-seller-contact-name", "Li Wei")
    type_in(page, "#f-seller-contact-email", "ops@example.com")
    shot(page, f"{prefix}-1-seller")
    next_step(page)
    type_in(page, "#f-notice-date", "2026-11-20")
    type_in(page, "#f-notice-categories", "Toys & Games")
    shot(page, f"{prefix}-2-notice")
    next_step(page)
    tick(page, "input[name=causes][value=invalid_tracking]")
    shot(page, f"{prefix}-3-causes")
    next_step(page)
    type_in(
        page,
        "#f-c0-facts",
        "37 of 412 packages between 6 October and 4 November 2026 had no valid tracking ID.",
    )
    tick(page, "#f-c0-root_causes-use-zero_width_paste input[type=checkbox]")
    tick(page, "#f-c0-corrective_actions-use-reuploaded_tracking input[type=checkbox]")
    type_in(page, "#f-c0-corrective_actions-use-reuploaded_tracking-date", "2026-11-21")
    tick(page, "#f-c0-preventive_measures-use-daily_vtr_check input[type=checkbox]")
    type_in(page, "#f-c0-preventive_measures-use-daily_vtr_check-owner", "Warehouse lead")
    type_in(page, "#f-c0-preventive_measures-use-daily_vtr_check-start", "2026-11-22")
    type_in(page, "#f-c0-root_causes-own-0-text", "Our evening shift typed IDs by hand.")
    shot(page, f"{prefix}-4-details")
    next_step(page)


def every_page_at_360(browser: Any, url: str, name: str, prefix: str) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 780})
    page = context.new_page()
    page.goto(url)
    shot(page, f"{prefix}-0-cases")
    for number, step in enumerate((*PAGES, "evidence", "history"), start=1):
        page.goto(f"{url.split('/?')[0]}/case/{name}/{step}")
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 360, f"{step} is {width} px wide at 360"
        shot(page, f"{prefix}-{number}-{step}")
    context.close()


def test_an_english_case_from_nothing_to_a_downloaded_docx(browser: Any, tmp_path: Path) -> None:
    with live_server(tmp_path) as url:
        page = browser.new_page(viewport={"width": 1440, "height": 900}, accept_downloads=True)
        page.goto(url)
        assert "token=" not in page.url  # the key moved into a cookie
        shot(page, "en-0-cases")
        new_case(page, url, "toys-vtr", "en")
        answer_all_steps(page, "en")
        assert "op-pso-vtr-appeals@amazon.com" in page.locator("#channel-box").inner_text()
        shot(page, "en-5-channel")
        next_step(page)
        assert "The letter can be sent." in page.inner_text("main")
        shot(page, "en-6-review")
        next_step(page)
        shot(page, "en-7-finish")
        with page.expect_download() as download:
            page.click("a[href$='/file/docx']")
        assert download.value.suggested_filename == "toys-vtr.docx"
        data = Path(download.value.path()).read_bytes()
        document = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode()
        assert "ExampleHome" in document and "Our evening shift typed IDs by hand." in document
        every_page_at_360(browser, url, "toys-vtr.yaml", "en")
    case = load_case(tmp_path / "toys-vtr.yaml").case
    assert case.causes[0].preventive_measures[0].owner == "Warehouse lead"


def test_a_chinese_case(browser: Any, tmp_path: Path) -> None:
    with live_server(tmp_path, lang="zh") as url:
        page = browser.new_page(viewport={"width": 1440, "height": 900})
        page.goto(url)
        assert "新建申诉" in page.inner_text("main")
        new_case(page, url, "zh-case", "zh")
        assert TEXTS["store_name"][1] in page.inner_text("main")
        answer_all_steps(page, "zh")
        main = page.inner_text("main")
        assert "申诉渠道" in main
        shot(page, "zh-5-channel")
        next_step(page)
        assert "申诉信中文对照" in page.inner_text("main")  # the reading copy, in the review
        shot(page, "zh-6-review")
        next_step(page)
        assert page.locator("a[href$='/file/zh']").count() == 1
        shot(page, "zh-7-finish")
        every_page_at_360(browser, url, "zh-case.yaml", "zh")
    assert load_case(tmp_path / "zh-case.yaml").case.lang == "zh"


def test_a_report_dropped_onto_a_case_puts_its_figures_into_the_letter(
    browser: Any, tmp_path: Path
) -> None:
    path = inventory_case(tmp_path)
    with live_server(tmp_path) as url:
        page = browser.new_page(viewport={"width": 1440, "height": 900})
        page.goto(url)
        page.goto(url.split("/?")[0] + "/case/inventory.yaml/evidence")
        shot(page, "drop-0-before")
        files = page.evaluate_handle(
            """([orders, open]) => {
                const dt = new DataTransfer();
                dt.items.add(new File([orders], "All Orders.txt", {type: "text/plain"}));
                dt.items.add(new File([open], "Unshipped.txt", {type: "text/plain"}));
                return dt;
            }""",
            [all_orders(), unshipped()],
        )
        with page.expect_response(lambda r: r.url.endswith("/evidence")):
            page.dispatch_event("[data-dropzone]", "drop", {"dataTransfer": files})
        # the page swaps the answer in after it arrives: wait for it (no fixed delay)
        expect(page.locator("#evidence-result")).to_contain_text("Cancellation Rate")
        figure = load_case(path).case.metrics.cancellation_rate
        assert figure is not None
        shown = pct(figure.value).replace(" ", "\u00a0")  # the letter joins number and unit
        expect(page.locator("#preview .paper")).to_contain_text(shown)
        shot(page, "drop-1-after")


def test_a_warning_is_chosen_on_the_notice_page_and_nothing_is_appealed(
    browser: Any, tmp_path: Path
) -> None:
    from tests.web_helpers import copy_example

    path = copy_example(tmp_path, "late-shipment")
    text = path.read_text(encoding="utf-8").replace("lang: zh", "lang: en")
    path.write_text(
        text.replace("  scope: all\n", "  scope: all\n  deadline: 2026-12-01\n"), "utf-8"
    )
    with live_server(tmp_path) as url:
        page = browser.new_page(viewport={"width": 1440, "height": 900})
        page.goto(url)
        page.goto(url.split("/?")[0] + "/case/late-shipment.yaml/notice")
        note = page.locator("#f-notice-warning-only")
        expect(note).to_be_hidden()
        tick(page, "input[name='notice.scope'][value=warning]")
        expect(note).to_be_visible()
        expect(page.locator("#f-notice-deadline-field")).to_be_hidden()
        expect(page.locator("#f-notice-categories-field")).to_be_hidden()
        expect(page.locator("#channel-box")).to_contain_text("Channel: none")
        shot(page, "warning-2-notice")
        page.reload()
        assert page.is_checked("input[name='notice.scope'][value=warning]")
    notice = load_case(path).case.notice
    assert (notice.scope, notice.categories, notice.deadline) == ("warning", [], None)


def test_links_to_root_causes_follow_them_and_evidence_is_listed(
    browser: Any, tmp_path: Path
) -> None:
    from tests.helpers import MINIMAL_CASE

    path = tmp_path / "links.yaml"
    path.write_text(MINIMAL_CASE, encoding="utf-8")
    (tmp_path / "late-orders.csv").write_text("order-id\n", encoding="utf-8")
    with live_server(tmp_path) as url:
        page = browser.new_page(viewport={"width": 1440, "height": 900})
        page.goto(url)
        page.goto(url.split("/?")[0] + "/case/links.yaml/details")
        tick(page, "#f-c0-root_causes-use-holiday_not_set input[type=checkbox]")
        action = "#f-c0-corrective_actions-use-set_weekend_days-answers"
        type_in(page, action, "2")
        type_in(page, "#f-c0-attachments", "late-orders.csv")
        shot(page, "links-4-details")
        with _saving(page) as response:  # the first root cause goes: 2 becomes 1
            page.locator("#f-c0-root_causes-use-weekend_not_set input[type=checkbox]").uncheck()
        assert response.value.status == 200
        expect(page.locator(action)).to_have_value("1")
        page.set_viewport_size({"width": 360, "height": 780})
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 360, width
        shot(page, "links-4-details")
    entry = load_case(path).case.causes[0]
    assert [r.use for r in entry.root_causes] == ["holiday_not_set"]
    assert entry.corrective_actions[0].answers == ["1"]
    assert entry.attachments == ["late-orders.csv"]


def test_a_reload_in_the_middle_loses_nothing(browser: Any, tmp_path: Path) -> None:
    (tmp_path / "half.yaml").write_text("version: 1\nlang: en\n", encoding="utf-8")
    with live_server(tmp_path) as url:
        page = browser.new_page(viewport={"width": 1440, "height": 900})
        page.goto(url)
        page.goto(url.split("/?")[0] + "/case/half.yaml/seller")
        page.locator("#f-seller-business-name").press_sequentially("Half Done Ltd.")
        page.locator("#f-seller-store-name").press_sequentially("HalfStore")
        page.reload()  # at once: the last keys are still waiting to be sent
        assert page.input_value("#f-seller-business-name") == "Half Done Ltd."
        assert page.input_value("#f-seller-store-name") == "HalfStore"
        shot(page, "reload-after")
        type_in(page, "#f-seller-contact-name", "Li Wei")  # and the page goes on saving
        assert "conflict" not in page.inner_html("#save-status")
    text = (tmp_path / "half.yaml").read_text(encoding="utf-8")
    assert "HalfStore" in text and "Li Wei" in text


def test_two_tabs_on_one_case_are_told_instead_of_overwriting(browser: Any, tmp_path: Path) -> None:
    from tests.helpers import MINIMAL_CASE

    path = tmp_path / "shared.yaml"
    path.write_text(MINIMAL_CASE, encoding="utf-8")
    with live_server(tmp_path) as url:
        context = browser.new_context(viewport={"width": 1440, "height": 900})
        first, second = context.new_page(), context.new_page()
        for page in (first, second):
            page.goto(url)
            page.goto(url.split("/?")[0] + "/case/shared.yaml/seller")
        type_in(first, "#f-seller-store-name", "FirstTab")
        with second.expect_response(lambda r: "/save/" in r.url) as response:
            second.locator("#f-seller-store-name").fill("SecondTab")
        assert response.value.status == 409
        expect(second.locator("#save-status [role=alert]")).to_contain_text("changed elsewhere")
        assert second.input_value("#f-seller-store-name") == "SecondTab"  # nothing lost on screen
        shot(second, "conflict")
        assert "FirstTab" in path.read_text(encoding="utf-8")  # and nothing overwritten
        # the command line (or an editor) changing the file is caught the same way
        path.write_text(path.read_text(encoding="utf-8") + "# edited by hand\n", "utf-8")
        with first.expect_response(lambda r: "/save/" in r.url) as response:
            first.locator("#f-seller-contact-name").fill("Someone Else")
        assert response.value.status == 409
        assert "Someone Else" not in path.read_text(encoding="utf-8")
        second.click("[data-reload]")
        second.wait_for_load_state()
        assert second.input_value("#f-seller-store-name") == "FirstTab"
        context.close()


def test_screenshots_cover_both_widths() -> None:
    """The artefacts named in the report exist after the browser tests ran."""
    from tests.browser_helpers import SHOTS

    if not SHOTS.exists():
        pytest.skip("the browser tests did not run here")
    names = {p.name for p in SHOTS.glob("*.png")}
    for width in WIDTHS:
        assert any(n.endswith(f"-{width}.png") for n in names), width
