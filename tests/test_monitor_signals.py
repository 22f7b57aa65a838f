"""Each leading signal on small real-shaped folders: orders due today (in the marketplace's
time zone), orders on the verge of cancellation, failing tracking IDs, holidays, a stale
inventory file, Amazon's account status; and Amazon's own targets from its official example."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from appeal.monitor.result import MonitorResult, Signal
from appeal.monitor.run import run_monitor
from appeal.monitor.wording import signal_text, warning_texts
from tests.monitor_files import (
    CONFIRMATION_COLUMNS,
    UNSHIPPED_COLUMNS,
    confirmation_row,
    orders_file,
    place,
    table,
    unshipped_row,
    ups_number,
)

NOW = dt.datetime(2026, 10, 22, 3, 0, tzinfo=dt.UTC)  # 21 October, 20:00 in Los Angeles
TODAY = dt.date(2026, 10, 21)
AMAZON_EXAMPLE = Path(__file__).resolve().parent / "data" / "amazon-reports"


def utc(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text)


def kinds(result: MonitorResult) -> list[str]:
    return [s.kind for s in result.signals]


def one(result: MonitorResult, kind: str) -> Signal:
    found = [s for s in result.signals if s.kind == kind]
    assert len(found) == 1, kinds(result)
    return found[0]


def unshipped(*rows: dict[str, str]) -> str:
    return table(UNSHIPPED_COLUMNS, list(rows))


def test_orders_due_today_in_the_marketplaces_own_day(tmp_path: Path) -> None:
    bought = utc("2026-10-19T18:00:00+00:00")
    place(
        tmp_path,
        {
            "All Orders.txt": orders_file(dt.date(2026, 10, 1), TODAY),
            "Unshipped.txt": unshipped(
                # 23:59:59 on 21 October in Los Angeles: due today
                unshipped_row("111-0000001-0000001", bought, utc("2026-10-22T06:59:59+00:00")),
                # midnight starting 22 October there: due tomorrow, not late
                unshipped_row("111-0000001-0000002", bought, utc("2026-10-22T07:00:00+00:00")),
                # 19 October there: already late
                unshipped_row("111-0000001-0000003", bought, utc("2026-10-20T06:59:59+00:00")),
                # the buyer asked to cancel: to be cancelled, not shipped
                unshipped_row(
                    "111-0000001-0000004",
                    bought,
                    utc("2026-10-21T20:00:00+00:00"),
                    buyer_cancel=True,
                ),
                # a second item row of the first order: counted once
                unshipped_row("111-0000001-0000001", bought, utc("2026-10-22T06:59:59+00:00")),
            ),
        },
        NOW,
    )
    result = run_monitor(folder=tmp_path, now=NOW)  # today: 21 October in Los Angeles
    late = one(result, "late_today")
    assert (late.marketplace, late.count, late.overdue, late.today) == ("amazon.com", 2, 1, TODAY)
    assert late.orders == ("111-0000001-0000003", "111-0000001-0000001")  # most overdue first
    assert result.exit_code == 1
    assert warning_texts(result)[-1] == (
        "amazon.com: unshipped orders due to ship by today (2026-10-21): 2, 1 of them already "
        "past their promise date. Ship and confirm them today. Orders: 111-0000001-0000003, "
        "111-0000001-0000001."
    )
    # The same files judged on 22 October: three orders due (the fourth is being cancelled).
    later = run_monitor(folder=tmp_path, now=NOW + dt.timedelta(days=1))
    assert one(later, "late_today").count == 3


def test_a_tokyo_order_is_judged_on_tokyos_day(tmp_path: Path) -> None:
    """An Unshipped report that names its sales channel, with no other file: at 14:00 UTC it is
    23:00 on 21 October in Tokyo, and 15:00 UTC on the 21st is already midnight on the 22nd."""
    rows = [
        unshipped_row("503-0000001-0000001", utc("2026-10-20T01:00:00+00:00"), utc(stamp))
        for stamp in ("2026-10-21T14:59:59+00:00", "2026-10-21T15:00:00+00:00")
    ]
    for row in rows:
        row["sales-channel"] = "Amazon.co.jp"
    rows[1]["order-id"] = "503-0000001-0000002"
    place(tmp_path, {"unshipped.txt": table((*UNSHIPPED_COLUMNS, "sales-channel"), rows)}, NOW)
    result = run_monitor(folder=tmp_path, now=utc("2026-10-21T14:00:00+00:00"))
    late = one(result, "late_today")
    assert (late.marketplace, late.count, late.orders) == (
        "amazon.co.jp",
        1,
        ("503-0000001-0000001",),
    )
    assert late.today == dt.date(2026, 10, 21) and late.overdue == 0
    assert [n.kind for n in result.notes if n.kind == "no_figures"] == ["no_figures"]
    assert result.calendars == ("CN",)  # no figure names a marketplace: China only


def test_without_a_marketplace_promise_dates_are_taken_as_written_and_said(tmp_path: Path) -> None:
    bought = utc("2026-10-19T18:00:00+00:00")
    row = unshipped_row("1", bought, utc("2026-10-22T06:59:59+00:00"))
    row["ship-country"] = "AT"  # Austria: no Amazon marketplace of its own
    place(tmp_path, {"Unshipped.txt": unshipped(row)}, NOW)
    result = run_monitor(folder=tmp_path, now=NOW, as_of=dt.date(2026, 10, 22))
    late = one(result, "late_today")
    assert late.marketplace is None
    assert [n.count for n in result.notes if n.kind == "dates_as_written"] == [1]
    # words, not "?:" (tester3 F2.5)
    assert signal_text(late).startswith("Marketplace not stated: unshipped orders due")
    assert signal_text(late, "zh").startswith("未注明站点：")


def test_an_unshipped_report_alone_is_placed_by_its_ship_country(tmp_path: Path) -> None:
    """tester3 F2.5: the Unshipped report a seller downloads every morning, on its own (Amazon's
    columns: no sales-channel). An order shipping to the US is an amazon.com order: its promise
    date 2026-10-22T06:59:59+00:00 is 23:59:59 on 21 October in Los Angeles, due on the 21st
    (in UTC it would be the 22nd: no warning on the 21st)."""
    bought = utc("2026-10-19T18:00:00+00:00")
    row = unshipped_row("111-0000001-0000001", bought, utc("2026-10-22T06:59:59+00:00"))
    assert row["ship-country"] == "US" and "sales-channel" not in UNSHIPPED_COLUMNS
    place(tmp_path, {"Unshipped.txt": unshipped(row)}, NOW)
    result = run_monitor(folder=tmp_path, now=NOW, as_of=TODAY, calendars=("CN",))
    late = one(result, "late_today")
    assert (late.marketplace, late.today, late.overdue) == ("amazon.com", TODAY, 0)
    assert not [n for n in result.notes if n.kind == "dates_as_written"]
    # to the UK: amazon.co.uk's day (London, summer time until 25 October)
    row = unshipped_row("202-0000001-0000001", bought, utc("2026-10-21T23:30:00+00:00"))
    row["ship-country"] = "GB"  # 00:30 on 22 October in London: due tomorrow
    place(tmp_path, {"Unshipped.txt": unshipped(row)}, NOW)
    assert "late_today" not in kinds(run_monitor(folder=tmp_path, now=NOW, as_of=TODAY))


def test_the_all_orders_report_places_the_unshipped_orders(tmp_path: Path) -> None:
    """Two marketplaces in the All Orders report: an unshipped order is in the marketplace the
    All Orders report gives it (amazon.co.uk), even when it ships abroad (to France)."""
    from tests.monitor_files import ALL_ORDERS_COLUMNS, all_orders_row

    bought = utc("2026-10-20T10:00:00+00:00")
    uk = all_orders_row("202-0000001-0000009", bought, "Unshipped")
    uk["sales-channel"], uk["currency"], uk["ship-country"] = "Amazon.co.uk", "GBP", "FR"
    us = all_orders_row("111-0000001-0000009", bought, "Shipped")
    # 22:30 UTC on 21 October: 23:30 in London (due today), 00:30 on the 22nd in Paris
    row = unshipped_row("202-0000001-0000009", bought, utc("2026-10-21T22:30:00+00:00"))
    row["ship-country"] = "FR"
    files: dict[str, str | bytes] = {
        "All Orders.txt": table(ALL_ORDERS_COLUMNS, [us, uk]),
        "Unshipped.txt": unshipped(row),
    }
    place(tmp_path, files, NOW)
    result = run_monitor(folder=tmp_path, now=NOW, as_of=TODAY, record=False)
    late = one(result, "late_today")
    assert (late.marketplace, late.orders) == ("amazon.co.uk", ("202-0000001-0000009",))


def test_orders_on_the_verge_of_cancellation(tmp_path: Path) -> None:
    bought = utc("2026-10-21T18:00:00+00:00")
    promise = utc("2026-10-24T06:59:59+00:00")
    place(
        tmp_path,
        {
            "All Orders.txt": orders_file(dt.date(2026, 10, 1), TODAY),
            "Unshipped.txt": unshipped(
                unshipped_row("111-0000002-0000001", bought, promise, verge=True),
                unshipped_row("111-0000002-0000002", bought, promise),
            ),
        },
        NOW,
    )
    result = run_monitor(folder=tmp_path, now=NOW)
    assert kinds(result) == ["verge_of_cancellation"]
    assert one(result, "verge_of_cancellation").orders == ("111-0000002-0000001",)


def test_failing_tracking_ids_in_the_newest_confirmations_only(tmp_path: Path) -> None:
    day = dt.date(2026, 10, 21)
    newest = [
        confirmation_row("111-0000003-0000001", day, ups_number(1)),
        confirmation_row("111-0000003-0000002", day, ups_number(2)[:-1] + "0"),  # check digit
        confirmation_row("111-0000003-0000003", day, ""),  # no tracking ID
        confirmation_row("111-0000003-0000004", day, "4PX3000123456789CN", carrier="4PX"),
        confirmation_row("111-0000003-0000005", day, "\ufeff" + ups_number(5)),  # pasted BOM
    ]
    assert ups_number(2)[-1] != "0"
    older = [confirmation_row("111-0000003-0000009", day, "nonsense")]
    place(
        tmp_path,
        {"confirm-older.txt": table(CONFIRMATION_COLUMNS, older)},
        NOW - dt.timedelta(days=1),
    )
    place(tmp_path, {"confirm-newest.txt": table(CONFIRMATION_COLUMNS, newest)}, NOW)
    place(tmp_path, {"All Orders.txt": orders_file(dt.date(2026, 10, 1), TODAY)}, NOW)
    result = run_monitor(folder=tmp_path, now=NOW)
    fails = one(result, "tracking_fails")
    # the check digit, the missing ID and the pasted character; 4PX cannot be checked
    assert fails.count == 3
    assert fails.orders == ("111-0000003-0000002", "111-0000003-0000003", "111-0000003-0000005")
    assert fails.file == tmp_path / "confirm-newest.txt"
    assert "appeal tracking confirm-newest.txt --fix" in signal_text(fails)


def _amazon_com(folder: Path, today: dt.date) -> None:
    place(folder, {"All Orders.txt": orders_file(today - dt.timedelta(days=20), today)}, NOW)


def test_thanksgiving_within_14_days_and_the_calendar_option(tmp_path: Path) -> None:
    today = dt.date(2026, 11, 24)
    _amazon_com(tmp_path, today)
    result = run_monitor(folder=tmp_path, now=NOW, as_of=today)
    holiday = one(result, "holiday")
    assert (holiday.name, holiday.calendar, holiday.start) == (
        "Thanksgiving",
        "US",
        today + dt.timedelta(days=2),
    )
    # no Unshipped report in the folder: the warning does not claim what one would show
    assert holiday.evidence == "no_unshipped"
    assert result.calendars == ("CN", "US")
    said = signal_text(holiday)
    assert "Thanksgiving (US, 2026-11-26) starts in 2 days" in said  # one day, not a range
    assert "no Unshipped report in the folder" in said
    assert "the Unshipped report shows" not in said
    assert "没有未发货订单报告" in signal_text(holiday, "zh")
    assert "感恩节" in signal_text(holiday, "zh")
    china_only = run_monitor(folder=tmp_path, now=NOW, as_of=today, calendars=("cn",))
    assert kinds(china_only) == []
    assert china_only.exit_code == 0
    # 15 days ahead is not within 14
    assert kinds(run_monitor(folder=tmp_path, now=NOW, as_of=dt.date(2026, 11, 11))) == []


def _spring_festival(folder: Path, *rows: dict[str, str]) -> MonitorResult:
    today = dt.date(2027, 1, 25)  # the provisional Spring Festival 2027 starts 5 February
    _amazon_com(folder, today)
    place(folder, {"Unshipped.txt": unshipped(*rows)}, NOW)
    return run_monitor(folder=folder, now=NOW, as_of=today, calendars=("CN",))


def test_chinese_new_year_without_extended_handling_time(tmp_path: Path) -> None:
    bought = utc("2027-01-25T02:00:00+00:00")
    due_during = unshipped_row("111-0000004-0000001", bought, utc("2027-02-09T07:59:59+00:00"))
    result = _spring_festival(tmp_path, due_during)
    holiday = one(result, "holiday")
    assert (holiday.name_zh, holiday.evidence, holiday.count) == ("春节", "orders_due_during", 1)
    assert holiday.orders == ("111-0000004-0000001",)
    assert [n.detail for n in result.notes if n.kind == "provisional_holiday"] == [
        "Chinese New Year (Spring Festival)"
    ]
    assert "starts in 11 days; unshipped orders due to ship during it: 1." in signal_text(holiday)


def test_chinese_new_year_with_handling_time_past_it_is_quiet(tmp_path: Path) -> None:
    """An order bought before the closure and promised after it: the closure was set."""
    bought = utc("2027-01-25T02:00:00+00:00")
    after = unshipped_row("111-0000004-0000002", bought, utc("2027-02-16T07:59:59+00:00"))
    assert kinds(_spring_festival(tmp_path, after)) == []


def test_chinese_new_year_with_nothing_to_show_it_is_a_reminder(tmp_path: Path) -> None:
    bought = utc("2027-01-24T02:00:00+00:00")
    before = unshipped_row("111-0000004-0000003", bought, utc("2027-01-28T07:59:59+00:00"))
    holiday = one(_spring_festival(tmp_path, before), "holiday")
    assert (holiday.evidence, holiday.count) == ("not_seen", 0)
    assert "the Unshipped report shows no extended handling time yet" in signal_text(holiday)


def test_the_end_of_the_holiday_table_and_countries_without_one(tmp_path: Path) -> None:
    today = dt.date(2027, 9, 30)
    place(
        tmp_path,
        {
            "All Orders.txt": orders_file(
                today - dt.timedelta(days=10), today, sales_channel="Amazon.fr", currency="EUR"
            )
        },
        NOW,
    )
    result = run_monitor(folder=tmp_path, now=NOW, as_of=today)
    assert result.calendars == ("CN", "FR")
    assert one(result, "holiday").name == "National Day Golden Week"
    notes = {(n.kind, n.detail) for n in result.notes}
    assert ("no_holiday_table", "FR") in notes
    assert ("holiday_table_ends", "CN") in notes


def test_a_stale_inventory_file(tmp_path: Path) -> None:
    inventory = "sku\tprice\tquantity\thandling-time\r\nMAT-01\t12.99\t40\t2\r\n"
    listings = "item-name\tseller-sku\tprice\tquantity\r\nMat\tMAT-01\t12.99\t40\r\n"
    _amazon_com(tmp_path, TODAY)
    place(tmp_path, {"PriceQuantity.txt": inventory}, NOW - dt.timedelta(hours=50))
    place(tmp_path, {"Active+Listings+Report.txt": listings}, NOW - dt.timedelta(hours=30))
    result = run_monitor(folder=tmp_path, now=NOW)
    stale = one(result, "inventory_stale")
    assert stale.file == tmp_path / "Active+Listings+Report.txt"  # the newest of the two
    assert "written 30 hours ago" in signal_text(stale, now=NOW)
    place(tmp_path, {"PriceQuantity.txt": inventory}, NOW - dt.timedelta(hours=2))
    assert kinds(run_monitor(folder=tmp_path, now=NOW)) == []
    place(tmp_path, {"PriceQuantity.txt": inventory}, NOW + dt.timedelta(days=3))
    future = run_monitor(folder=tmp_path, now=NOW)
    assert kinds(future) == []
    assert [n.kind for n in future.notes if n.kind == "inventory_file_in_future"] == [
        "inventory_file_in_future"
    ]


def test_amazons_official_example_its_own_targets_and_account_status(tmp_path: Path) -> None:
    schema = json.loads((AMAZON_EXAMPLE / "accountHealthReport-2020-11-18.json").read_text())
    place(tmp_path, {"report.json": json.dumps(schema["examples"][0])}, NOW)
    result = run_monitor(folder=tmp_path, now=NOW)
    by_metric = {w.figure.metric: w for w in result.watches}
    unit = by_metric["unit_on_time_delivery_rate"]
    assert unit.figure.value == 88.48 and unit.assessment.status == "red"  # Amazon says GOOD
    cancel = by_metric["cancellation_rate"]
    assert (cancel.target.value, cancel.target.condition) == (1.0, "less_than")  # type: ignore[union-attr]
    # 0.5 % against Amazon's 1 %: within the default margin of 0.5 points
    assert cancel.assessment.reasons == ("near_target",)
    on_time = by_metric["on_time_delivery_rate"]
    assert on_time.figure.value == 95.29 and on_time.assessment.reasons == ("near_target",)
    # accountStatuses: amazon.com AT_RISK (with figures), amazon.ca NORMAL and amazon.com.mx
    # SUSPENDED (neither with a performanceMetrics block): every status not NORMAL is a warning
    statuses = [(s.marketplace, s.name) for s in result.signals if s.kind == "account_status"]
    assert statuses == [("amazon.com", "AT_RISK"), ("amazon.com.mx", "SUSPENDED")]
    said = warning_texts(result)
    assert "amazon.com.mx: Amazon's account status is SUSPENDED: selling there is stopped." in (
        " ".join(said)
    )
    assert "amazon.com: Amazon's account status is AT_RISK (at risk of deactivation)" in (
        " ".join(said)
    )
    zh = " ".join(warning_texts(result, "zh"))
    assert "AT_RISK（有被停用的风险）" in zh and "SUSPENDED（已被停用）" in zh
    assert not any("amazon.ca" in text for text in said)
    # a status-only marketplace has no section of figures and no holiday calendar of its own
    assert {w.marketplace for w in result.watches} == {"amazon.com"}
    assert "MX" not in result.calendars
    assert {w.series for w in result.watches} >= {
        "amazon.lateShipmentRate",
        "amazon.orderDefectRate.mfn",
        "amazon.prefulfillmentCancelRate",
    }


def test_without_as_of_windows_end_on_the_marketplaces_today(tmp_path: Path) -> None:
    """Unshipped orders are promised for days to come; the windows still end today in Los
    Angeles (21 October at 20:00 there), not on the last promise date."""
    bought = utc("2026-10-21T18:00:00+00:00")
    place(
        tmp_path,
        {
            "All Orders.txt": orders_file(dt.date(2026, 10, 1), TODAY, cancelled=1),
            "Unshipped.txt": unshipped(
                unshipped_row("111-0000005-0000001", bought, utc("2026-10-25T06:59:59+00:00"))
            ),
        },
        NOW - dt.timedelta(hours=2),
    )
    result = run_monitor(folder=tmp_path, now=NOW)
    cancel = next(w for w in result.watches if w.series == "estimate.cancellation_rate.latest_7d")
    assert (cancel.figure.start, cancel.figure.end) == (dt.date(2026, 10, 15), TODAY)
    assert cancel.figure.value == 10.0  # 7 of 70 orders
    assert "reports_old" not in [n.kind for n in result.notes]
    # The same files two days later: the windows move on, and the user is told the files are old.
    later = run_monitor(folder=tmp_path, now=NOW + dt.timedelta(days=2))
    assert [n.kind for n in later.notes if n.kind == "reports_old"] == ["reports_old"]


def test_a_holiday_already_on_warns_only_for_orders_due_during_it(tmp_path: Path) -> None:
    today = dt.date(2027, 2, 8)  # Spring Festival 2027 (provisional): 5 to 12 February
    _amazon_com(tmp_path, today)
    assert kinds(run_monitor(folder=tmp_path, now=NOW, as_of=today, calendars=("CN",))) == []
    bought = utc("2027-02-03T02:00:00+00:00")
    due = unshipped_row("111-0000006-0000001", bought, utc("2027-02-11T07:59:59+00:00"))
    place(tmp_path, {"Unshipped.txt": unshipped(due)}, NOW)
    result = run_monitor(folder=tmp_path, now=NOW, as_of=today, calendars=("CN",))
    holiday = one(result, "holiday")
    assert holiday.count == 1
    assert signal_text(holiday).startswith(
        "Chinese New Year (Spring Festival) (CN, 2027-02-05 to 2027-02-12) is on now; "
        "unshipped orders due to ship before it ends: 1."
    )


def test_amazons_own_red_flags_rating_warned_and_items_marked_bad(tmp_path: Path) -> None:
    """tester3 F2.3: Amazon's example says Account Health Rating WARNED and marks policy
    items BAD (IP complaints, listing policy violations ...): the monitor warns about them."""
    from appeal.cli.views.monitor import signal_json

    schema = json.loads((AMAZON_EXAMPLE / "accountHealthReport-2020-11-18.json").read_text())
    example = schema["examples"][0]
    place(tmp_path, {"report.json": json.dumps(example).replace('"2020-', '"2026-')}, NOW)
    result = run_monitor(folder=tmp_path, now=NOW, record=False)
    rating = one(result, "health_rating")
    assert (rating.marketplace, rating.name, rating.count) == ("amazon.com", "WARNED", 0)
    assert signal_text(rating).startswith(
        "amazon.com: Amazon's Account Health Rating is WARNED: Amazon itself warns"
    )
    bad = one(result, "policy_bad")
    # read by hand from the example: every item whose status is BAD, in the report's order;
    # documentRequest is GOOD
    assert bad.items == (
        ("productSafetyCustomerComplaints", 165),
        ("receivedIntellectualPropertyComplaints", 75),
        ("listingPolicyViolations", 86),
        ("foodAndProductSafetyIssues", 37),
        ("productAuthenticityCustomerComplaints", 212),
        ("productConditionCustomerComplaints", 337),
        ("otherPolicyViolations", 86),
        ("spammingSellerMessaging", None),
    )
    said = signal_text(bad)
    assert "received intellectual property complaints (75), listing policy violations (86)" in said
    assert said.endswith(
        "spamming seller messaging. Each can lead to deactivation: answer them in Account Health."
    )
    zh = signal_text(bad, "zh")
    assert "收到的知识产权投诉（75）、违反商品发布政策（86）" in zh
    assert signal_json(bad, NOW)["items"][2] == {"key": "listingPolicyViolations", "count": 86}
    # a rating Amazon calls GREAT and no item marked BAD: nothing to say
    block = example["performanceMetrics"][0]
    block["accountHealthRating"]["ahrStatus"] = "GREAT"
    for node in block.values():
        for item in node if isinstance(node, list) else [node]:
            if isinstance(item, dict) and item.get("status") == "BAD":
                item["status"] = "GOOD"
    place(tmp_path, {"report.json": json.dumps(example).replace('"2020-', '"2026-')}, NOW)
    calm = run_monitor(folder=tmp_path, now=NOW, record=False)
    assert not {"health_rating", "policy_bad"} & set(kinds(calm))


def test_small_words_tomorrow_one_day_one_file_and_zh(tmp_path: Path) -> None:
    """tester3 F2.4: 'starts in 1 days', a one-day holiday written as a range, '1 older
    downloads', and Chinese lines broken between a date and its time."""
    from appeal.monitor.result import Note
    from appeal.monitor.wording import note_text

    today = dt.date(2026, 11, 25)
    _amazon_com(tmp_path, today)
    holiday = one(run_monitor(folder=tmp_path, now=NOW, as_of=today, record=False), "holiday")
    assert signal_text(holiday).startswith("Thanksgiving (US, 2026-11-26) starts tomorrow;")
    assert signal_text(holiday, "zh").startswith("感恩节（US，2026-11-26）明天开始；")
    # Golden Week: several days, a range
    golden = Signal(
        "holiday",
        today=dt.date(2026, 9, 28),
        name="National Day Golden Week",
        name_zh="国庆节",
        calendar="CN",
        start=dt.date(2026, 10, 1),
        end=dt.date(2026, 10, 7),
        evidence="not_seen",
    )
    assert "(CN, 2026-10-01 to 2026-10-07) starts in 3 days" in signal_text(golden)
    assert "（CN，2026-10-01 至 2026-10-07）3 天后开始" in signal_text(golden, "zh")
    assert note_text(Note("older_files_ignored", count=1)).startswith(
        "1 older download of the same reports was left aside"
    )
    assert note_text(Note("dates_as_written", count=1)).startswith("1 promise date was taken")


def test_a_chinese_note_keeps_the_date_with_its_time_at_80_columns() -> None:
    import io

    from rich.console import Console

    from appeal.cli.views.monitor import _bullets
    from appeal.monitor.result import Note
    from appeal.monitor.wording import note_text

    saved = dt.datetime(2026, 11, 20, 9, 0).astimezone()  # shown in the computer's time
    text = note_text(Note("reports_old", when=saved), "zh")
    assert "保存于 2026-11-20 09:00，" in text
    shown = io.StringIO()
    _bullets(Console(width=80, file=shown), [text], "-", "dim")
    lines = shown.getvalue().splitlines()
    assert len(lines) == 2
    assert any("2026-11-20 09:00" in line for line in lines), lines
