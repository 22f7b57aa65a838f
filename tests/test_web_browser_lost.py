"""`appeal serve` in a real browser when a change cannot reach the case file: the program was
stopped or restarted (a new key), or the case was changed elsewhere. Nothing typed or pasted is
lost, the page says in red that it was NOT saved and why, and saves it when it can."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.browser_helpers import chromium, live_server, shot
from tests.web_helpers import copy_example

STORE = "#f-seller-store-name"
CONTACT = "#f-seller-contact-name"


@pytest.fixture
def browser() -> Iterator[Any]:
    with chromium() as found:
        yield found


def _not_saved(page: Any, why: str) -> None:
    status = page.locator("#save-status .message.error")
    expect(status).to_contain_text("NOT saved", timeout=15_000)
    expect(status).to_contain_text(why, timeout=15_000)
    assert "Saving" not in page.inner_text("#save-status")


def test_answers_typed_while_the_server_is_stopped_are_kept_and_saved_after_a_restart(
    browser: Any, tmp_path: Path
) -> None:
    path = copy_example(tmp_path, "vtr-toys")
    with live_server(tmp_path) as url:
        port = int(url.split(":")[2].split("/")[0])
        context = browser.new_context(viewport={"width": 1440, "height": 900})
        page = context.new_page()
        page.goto(url)
        page.goto(url.split("/?")[0] + "/case/vtr-toys.yaml/seller")
    # Ctrl-C: the page is still open, the seller types on
    page.locator(STORE).fill("TypedWhileStopped")
    _not_saved(page, "not answering")
    expect(page.locator(STORE)).to_have_value("TypedWhileStopped")
    shot(page, "lost-1-stopped")
    with live_server(tmp_path, port=port) as again:  # started again: a new key
        _not_saved(page, "restarted")  # the page tried again by itself
        page.locator(CONTACT).fill("AfterRestart")
        _not_saved(page, "restarted")
        shot(page, "lost-2-restarted")
        assert "TypedWhileStopped" not in path.read_text(encoding="utf-8")
        # the seller opens the new address (another tab of this browser), comes back
        other = context.new_page()
        other.goto(again)
        page.bring_to_front()
        page.evaluate("window.dispatchEvent(new Event('focus'))")
        expect(page.locator("#save-status .message.ok")).to_contain_text("Saved", timeout=15_000)
        text = path.read_text(encoding="utf-8")
        assert "TypedWhileStopped" in text and "AfterRestart" in text
        shot(page, "lost-3-saved")
        context.close()


def test_answers_not_saved_come_back_when_the_case_is_opened_from_the_new_address(
    browser: Any, tmp_path: Path
) -> None:
    path = copy_example(tmp_path, "vtr-toys")
    with live_server(tmp_path) as url:
        port = int(url.split(":")[2].split("/")[0])
        page = browser.new_page(viewport={"width": 1440, "height": 900})
        page.goto(url)
        page.goto(url.split("/?")[0] + "/case/vtr-toys.yaml/seller")
    page.locator(STORE).fill("TypedWhileStopped")
    _not_saved(page, "not answering")
    with live_server(tmp_path, port=port) as again:
        page.goto(again)  # this very tab: the answers are only in the browser now
        page.goto(again.split("/?")[0] + "/case/vtr-toys.yaml/seller")
        expect(page.locator(STORE)).to_have_value("TypedWhileStopped")
        expect(page.locator("#save-status .message.ok")).to_contain_text("Saved", timeout=15_000)
        assert "TypedWhileStopped" in path.read_text(encoding="utf-8")


NOTICE = (
    "We have removed your ability to ship your own orders (merchant-fulfilled) in the Toys & "
    "Games category because your Valid Tracking Rate is 91.2%, which is below the 95% "
    "requirement.\n\nSeller Performance Team"
)
REPLY = (
    "Please send greater detail on the root causes of not providing valid tracking numbers, "
    "and on the steps taken to prevent it."
)


def _changed_elsewhere(path: Path) -> None:
    """An edit made in an editor (or by an appeal command in a terminal)."""
    path.write_text(path.read_text(encoding="utf-8") + "# edited by hand\n", "utf-8")


def test_a_pasted_notice_or_reply_stays_when_the_case_was_changed_elsewhere(
    browser: Any, tmp_path: Path
) -> None:
    """F1.10: the banner says what was typed is still in the fields: it is."""
    path = copy_example(tmp_path, "vtr-toys")
    with live_server(tmp_path) as url:
        page = browser.new_page(viewport={"width": 1440, "height": 900})
        page.goto(url)
        base = url.split("/?")[0] + "/case/vtr-toys.yaml"
        page.goto(base + "/notice")
        _changed_elsewhere(path)
        page.fill("#notice-text", NOTICE)
        with page.expect_response(lambda r: r.url.endswith("/notice/read")) as response:
            page.click("#notice-read button[type=submit]")
        assert response.value.status == 409
        expect(page.locator("#save-status [role=alert]")).to_contain_text("changed elsewhere")
        expect(page.locator("#notice-text")).to_have_value(NOTICE)
        expect(page.locator("#step-form")).to_be_visible()
        shot(page, "stale-notice")
        page.goto(base + "/history")
        _changed_elsewhere(path)
        page.select_option("#h-outcome", "rejected")
        page.fill("#h-reply", REPLY)
        with page.expect_response(lambda r: r.url.endswith("/history")) as response:
            page.click("#history-form button[type=submit]")
        assert response.value.status == 409
        expect(page.locator("#save-status [role=alert]")).to_contain_text("changed elsewhere")
        expect(page.locator("#h-reply")).to_have_value(REPLY)
        assert page.input_value("#h-outcome") == "rejected"
        shot(page, "stale-history")
    assert "submissions" not in path.read_text(encoding="utf-8")
