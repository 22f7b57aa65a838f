"""Seller Central files dropped onto a case in `appeal serve`: the figures of `appeal metrics`
and the findings of `appeal tracking` go into the case, and the corrected file is offered."""

from __future__ import annotations

import re
from pathlib import Path

from appeal.core.casefile import load_case
from appeal.dates import pct
from tests.test_metrics import CONFIRM, GOOD_UPS, all_orders, unshipped
from tests.web_helpers import Page, copy_example, web_client


def inventory_case(folder: Path) -> Path:
    """The inventory example without the figure the seller typed."""
    path = copy_example(folder, "inventory")
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"metrics:\n(  .*\n)+", "", text)
    path.write_text(text, encoding="utf-8")
    return path


def test_a_dropped_all_orders_report_puts_its_figures_into_the_case_and_letter(
    tmp_path: Path,
) -> None:
    path = inventory_case(tmp_path)
    page = Page(web_client(tmp_path), "inventory.yaml", "evidence")
    files = [
        ("files", ("All Orders 2026-11.txt", all_orders().encode("utf-8"), "text/plain")),
        ("files", ("Unshipped.txt", unshipped().encode("utf-8"), "text/plain")),
    ]
    response = page.post("evidence", {}, files=files)
    assert response.status_code == 200, response.text
    assert "All Orders report" in response.text
    figure = load_case(path).case.metrics.cancellation_rate
    assert figure is not None
    # 3 seller cancellations of 70 orders in the worst 7 days (hand count: test_metrics)
    assert round(figure.value, 2) == 4.29
    assert "What went into the case" in response.text
    letter = response.text[response.text.index('<div class="paper"') :]
    letter = letter.replace("\u00a0", " ").replace("&nbsp;", " ")  # numbers keep their units
    assert pct(figure.value) in letter and "Cancellation Rate" in letter
    assert page.version in response.text  # the page holds the new version


def test_a_dropped_shipping_confirmation_is_checked_fixed_and_summed_up(tmp_path: Path) -> None:
    path = copy_example(tmp_path, "vtr-toys")
    client = web_client(tmp_path)
    page = Page(client, "vtr-toys.yaml", "evidence")
    rows = [CONFIRM]
    for n in range(4):
        tracking = GOOD_UPS if n else "\u200b" + GOOD_UPS  # one pasted with a zero-width space
        rows.append(f"111-0000001-000000{n}\t1\t1\t2026-11-02\tUPS\t\t{tracking}\tGround")
    upload = ("\r\n".join(rows) + "\r\n").encode("utf-8")
    response = page.post("evidence", {}, files={"files": ("confirm.txt", upload, "text/plain")})
    assert response.status_code == 200, response.text
    assert "shipping-confirmation" in response.text
    link = re.search(r'href="(/case/vtr-toys.yaml/fixed/[^"]+)"', response.text)
    assert link is not None
    fixed = client.get(link.group(1))
    assert fixed.content == upload.replace("\u200b".encode(), b"")  # every other byte kept
    # not the dropped file's own name: in Downloads the two would be told apart by " (1)"
    assert 'filename="confirm-fixed.txt"' in fixed.headers["content-disposition"]
    facts = load_case(path).case.causes[0].facts
    assert "Of 4 tracking IDs in confirm.txt" in facts


def test_a_file_that_is_no_report_is_named_and_nothing_is_written(tmp_path: Path) -> None:
    path = inventory_case(tmp_path)
    before = path.read_bytes()
    page = Page(web_client(tmp_path), "inventory.yaml", "evidence")
    files = {"files": ("photo.txt", b"just some notes\nno columns here\n", "text/plain")}
    response = page.post("evidence", {}, files=files)
    assert response.status_code == 200
    assert "photo.txt:1: not a report appeal reads" in response.text
    assert "/tmp" not in response.text  # no server-side paths
    assert path.read_bytes() == before


def test_figures_of_an_unfinished_case_are_shown_but_not_written(tmp_path: Path) -> None:
    path = tmp_path / "draft.yaml"
    path.write_text("version: 1\nlang: en\n", encoding="utf-8")
    page = Page(web_client(tmp_path), "draft.yaml", "evidence")
    files = {"files": ("orders.txt", all_orders().encode("utf-8"), "text/plain")}
    response = page.post("evidence", {}, files=files)
    assert "Cancellation Rate" in response.text
    assert "Not written into the case" in response.text
    assert path.read_text(encoding="utf-8") == "version: 1\nlang: en\n"


def test_a_stale_page_cannot_drop_files_into_a_changed_case(tmp_path: Path) -> None:
    path = inventory_case(tmp_path)
    page = Page(web_client(tmp_path), "inventory.yaml", "evidence")
    path.write_text(path.read_text(encoding="utf-8") + "# edited in Notepad\n", encoding="utf-8")
    files = {"files": ("orders.txt", all_orders().encode("utf-8"), "text/plain")}
    response = page.post("evidence", {}, files=files)
    assert response.status_code == 409 and "changed elsewhere" in response.text
    assert "cancellation_rate" not in path.read_text(encoding="utf-8")


def test_amazons_report_dropped_on_a_vtr_case_puts_in_only_the_tracking_rate(
    tmp_path: Path,
) -> None:
    """tester3 F1.11 on the web: "Your files" uses the same core as `metrics --into`; the
    other metrics of Amazon's report are shown, said to be left out, and kept out of the
    letter's opening and table."""
    import json

    from tests.test_metrics_spapi import EXAMPLE

    path = copy_example(tmp_path, "vtr-toys")
    page = Page(web_client(tmp_path), "vtr-toys.yaml", "evidence")
    report = json.dumps(EXAMPLE).encode("utf-8")
    files = {"files": ("GET_V2_SELLER_PERFORMANCE_REPORT", report, "application/json")}
    response = page.post("evidence", {}, files=files)
    assert response.status_code == 200, response.text
    text = response.text.replace("\u00a0", " ").replace("&nbsp;", " ").replace("&#39;", "'")
    assert (
        "Unit On-Time Delivery Rate: 88.48 % not written: no cause of this case concerns it."
        in text
    )
    assert "Only the metrics the case's causes concern go into it" in text
    metrics = load_case(path).case.metrics
    assert [name for name, _ in metrics.present()] == ["valid_tracking_rate"]
    letter = text[text.index('<div class="paper"') :]
    assert "Unit On-Time Delivery" not in letter and "Late Shipment Rate" not in letter
