"""An answer in the case file that the case cannot take (a date that is no day, a text over
its limit): the step holding it is marked to fix, the channel box and the last step say what to
fix (in words, with a link), and a text field shows its limit."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from appeal.core.fields import TEXT_LIMIT
from tests.browser_helpers import chromium, live_server, shot
from tests.web_helpers import copy_example, web_client


@pytest.fixture
def browser() -> Iterator[Any]:
    with chromium() as found:
        yield found


def _spoil(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _step_li(html: str, name: str, step: str) -> str:
    found = re.search(rf'<li class="([^"]*)">\s*<a href="/case/{name}/{step}"', html)
    assert found is not None, step
    return found.group(1)


def test_a_date_that_is_no_day_marks_its_step_and_the_last_step_names_it(tmp_path: Path) -> None:
    path = copy_example(tmp_path, "vtr-toys", "baddate.yaml")
    _spoil(path, "  date: 2026-11-20", "  date: 2026-13-45")
    client = web_client(tmp_path)
    html = client.get("/case/baddate.yaml/notice").text
    notice = _step_li(html, "baddate.yaml", "notice")
    assert "fix" in notice.split() and "done" not in notice.split()
    assert "done" in _step_li(html, "baddate.yaml", "seller").split()
    assert "once your business and the notice are answered" not in html
    assert "Where to send it is shown once the answers listed below are fixed." in html
    assert "Step 2 (Amazon&#39;s notice), “Date of the notice" in html
    finish = client.get("/case/baddate.yaml/finish").text
    assert "once every step is answered" not in finish
    assert "The letter can be downloaded once these answers are fixed:" in finish
    main = finish.split('id="main"')[1].split("</main>")[0]
    assert 'href="/case/baddate.yaml/notice#f-notice-date"' in main
    assert "2026-13-45" in main


def test_a_text_over_its_limit_is_named_in_words_and_its_field_shows_the_limit(
    tmp_path: Path,
) -> None:
    path = copy_example(tmp_path, "vtr-toys", "long.yaml")
    text = path.read_text(encoding="utf-8")
    facts = re.search(r"\n    facts: >-\n(?:      .*\n)+", text)
    assert facts is not None
    long = "x" * (TEXT_LIMIT + 2_000)
    path.write_text(text.replace(facts.group(0), f"\n    facts: {long}\n", 1), "utf-8")
    client = web_client(tmp_path)
    html = client.get("/case/long.yaml/details").text
    assert "causes[0].facts" not in html
    assert (
        "Step 4 (root causes, actions, prevention), cause 1, “What happened, with numbers and "
        "dates (in English)”: this answer is too long (12,000 characters; keep it under 10,000)"
    ) in html
    assert "once your business and the notice are answered" not in html
    assert '<p class="counter over"' in html
    assert "12,000 characters: too long, keep it under 10,000" in html
    assert "fix" in _step_li(html, "long.yaml", "details").split()
    fine = client.get("/case/long.yaml/seller").text  # a short text: its count and limit
    assert "fix" not in _step_li(fine, "long.yaml", "seller").split()
    zh = copy_example(tmp_path, "vtr-toys", "long-zh.yaml")
    zh.write_text(path.read_text(encoding="utf-8").replace("lang: en", "lang: zh"), "utf-8")
    html = client.get("/case/long-zh.yaml/details").text
    assert "第 4 步" in html and "此回答太长（12,000 个字符；请少于 10,000 个）" in html


def test_the_count_follows_the_typing_and_turns_red_past_the_limit(
    browser: Any, tmp_path: Path
) -> None:
    from playwright.sync_api import expect

    path = copy_example(tmp_path, "vtr-toys")
    with live_server(tmp_path) as url:
        page = browser.new_page(viewport={"width": 1440, "height": 900})
        page.goto(url)
        page.goto(url.split("/?")[0] + "/case/vtr-toys.yaml/details")
        counter = page.locator("#f-c0-facts-field .counter")
        expect(counter).to_contain_text("of at most 10,000 characters")
        page.fill("#f-c0-facts", "y" * (TEXT_LIMIT + 1))  # a paste far too long
        expect(counter).to_have_text("10,001 characters: too long, keep it under 10,000")
        expect(counter).to_have_class(re.compile(r"\bover\b"))
        expect(page.locator("#preview .todo")).to_contain_text("this answer is too long")
        expect(page.locator("#channel-box")).to_contain_text("once the answers listed below")
        shot(page, "fix-too-long")
        with page.expect_response(
            lambda r: "/save/" in r.url and "37%20of%20412" in (r.request.post_data or "")
        ) as response:
            page.fill("#f-c0-facts", "37 of 412 packages had no valid tracking ID.")
        assert response.value.status == 200
        expect(counter).to_have_text("44 of at most 10,000 characters")
        own = page.locator("#f-c0-root_causes-own-0-text")
        own.fill("z" * 12)
        expect(page.locator("#f-c0-root_causes-own-0 .counter")).to_contain_text("12 of")
    assert "37 of 412 packages" in path.read_text(encoding="utf-8")


REPLY = (
    "Hello,\n\nThank you for your Plan of Action. We reviewed your appeal and are unable to "
    "reinstate your merchant-fulfilled selling privileges in the Toys & Games category at this "
    "time.\n\nPlease send greater detail on the root causes of not providing valid tracking "
    "numbers, and on the steps taken to prevent it.\n\nSeller Performance Team\n"
)


def test_amazons_reply_pasted_as_a_notice_sends_the_seller_to_submissions(
    tmp_path: Path,
) -> None:
    """F1.8: recognised as a reply, then told where it belongs, with a link; kept to copy."""
    from tests.web_helpers import Page

    path = copy_example(tmp_path, "vtr-toys")
    before = path.read_text(encoding="utf-8")
    page = Page(web_client(tmp_path), "vtr-toys.yaml", "notice")
    response = page.post("notice/read", {"notice_text": REPLY})
    assert response.status_code == 200
    assert "Amazon&#39;s reply to an appeal" in response.text
    assert "Record it under Submissions" in response.text
    assert 'href="/case/vtr-toys.yaml/history#history-form"' in response.text
    assert "Please send greater detail on the root causes" in response.text  # still in the box
    assert path.read_text(encoding="utf-8") == before
    notice = (
        "We have removed your ability to ship your own orders (merchant-fulfilled) in the "
        "Toys & Games category because your Valid Tracking Rate is 91.2%.\n"
    )
    response = Page(web_client(tmp_path), "vtr-toys.yaml", "notice").post(
        "notice/read", {"notice_text": notice}
    )
    assert "Record it under Submissions" not in response.text  # a notice is not sent away


def test_after_a_rejection_a_near_copy_is_not_called_ready_to_send(tmp_path: Path) -> None:
    """F1.7: the review says what Amazon's reply asked and that the letter has not changed
    enough, instead of the green 'The letter can be sent.' (domain.md 5)."""
    from tests.conftest import TODAY
    from tests.web_helpers import Page

    copy_example(tmp_path, "vtr-toys")
    client = web_client(tmp_path)
    review = client.get("/case/vtr-toys.yaml/review").text
    assert "The letter can be sent." in review  # never sent: nothing to compare with
    sent = TODAY.replace(day=TODAY.day - 3).isoformat()
    response = Page(client, "vtr-toys.yaml", "history").post(
        "history", {"date": sent, "channel": "email", "outcome": "rejected", "reply": REPLY}
    )
    assert response.status_code == 200, response.text
    for step in ("review", "finish"):
        html = client.get(f"/case/vtr-toys.yaml/{step}").text
        main = html.split('id="main"')[1].split("</main>")[0]
        assert "The letter can be sent." not in main
        assert "Not ready to send again: Amazon&#39;s answer to the letter you sent on 21 " in main
        assert "was “rejected”" in main
        assert "Amazon&#39;s reply asks for more on: root causes, prevention." in main
        assert "still 100% the same" in main or "still 99% the same" in main
        assert "Unchanged since then: root causes, prevention." in main
        assert 'href="/case/vtr-toys.yaml/details"' in main


def test_an_unknown_key_is_sent_to_an_editor_with_the_file_and_line(tmp_path: Path) -> None:
    """F1.4: no 'go to the answer' to a step where no field can remove the key."""
    path = copy_example(tmp_path, "vtr-toys", "bad.yaml")
    _spoil(path, "  marketplace: amazon.com", "  markteplace: x")
    html = web_client(tmp_path).get("/case/bad.yaml/seller").text
    todo = html.split('class="todo"')[1].split("</section>")[0]
    assert "did you mean &#39;marketplace&#39;" in todo
    assert "open bad.yaml in a text editor such as Notepad, correct or delete line 8" in todo
    item = todo.split("markteplace")[1].split("</li>")[0]
    assert "go to the answer" not in item
