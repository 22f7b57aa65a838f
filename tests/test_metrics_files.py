"""`appeal metrics` on real-shaped files (tests/data/metrics, hand counts in its README) and
`--into` a case: what is written, what is kept, and the letter it makes."""

from __future__ import annotations

import datetime as dt
import gzip
import json
import re
import shutil
from pathlib import Path

from typer.testing import CliRunner

from appeal.cli import app
from appeal.core.casefile import load_case
from appeal.sellerfiles.figures import Figure, MetricsResult
from appeal.sellerfiles.metrics import read_figures
from tests.conftest import EXAMPLES, ROOT
from tests.test_metrics_spapi import EXAMPLE

runner = CliRunner()
DATA = ROOT / "tests" / "data" / "metrics"


def only(result: MetricsResult, metric: str, role: str) -> Figure:
    found = [f for s in result.sections for f in s.figures if (f.metric, f.role) == (metric, role)]
    assert len(found) == 1, found
    return found[0]


def test_all_orders_full_columns_pacific_days_pending_and_both_spellings() -> None:
    result = read_figures([DATA / "all-orders-us.txt"])
    (section,) = result.sections
    assert section.marketplace == "amazon.com"
    assert section.as_of == dt.date(2026, 10, 13)  # 05:30 UTC on 14 October is the 13th
    latest = only(result, "cancellation_rate", "latest_7d")
    assert (latest.start, latest.numerator, latest.denominator) == (dt.date(2026, 10, 7), 2, 34)
    assert latest.upper_bound and latest.counts == {"cause_unknown": 2}
    first = section.daily[0]
    assert (first.day, first.orders) == (dt.date(2026, 9, 30), 5)
    notes = {n.kind: n.count for n in section.notes}
    assert notes == {"amazon_cancels_left_out": 1, "other_channel": 14, "cause_unknown": 2}


def test_utc_promise_date_at_0659_is_the_day_before_on_amazon_com() -> None:
    result = read_figures([DATA / "unshipped-us-utc.txt", DATA / "confirm-us.txt"])
    (section,) = result.sections
    assert section.marketplace == "amazon.com"  # from the Unshipped report's sales-channel
    for role in ("last_10d", "last_30d"):
        late = only(result, "late_shipment_rate", role)
        assert (late.numerator, late.denominator) == (1, 3)
    tracking = only(result, "valid_tracking_rate", "last_30d")
    assert (tracking.numerator, tracking.denominator) == (3, 3)


def test_the_same_rows_without_a_marketplace_take_dates_as_written_and_say_so(
    tmp_path: Path,
) -> None:
    text = (DATA / "unshipped-us-utc.txt").read_text(encoding="utf-8")
    bare = tmp_path / "unshipped.txt"
    bare.write_text(text.replace("\tAmazon.com", "\t"), encoding="utf-8")
    blind = read_figures([bare, DATA / "confirm-us.txt"])
    assert only(blind, "late_shipment_rate", "last_30d").numerator == 0
    assert [n.kind for n in blind.sections[0].notes] == ["unknown_marketplace"]
    told = read_figures([bare, DATA / "confirm-us.txt"], marketplace="amazon.com")
    assert only(told, "late_shipment_rate", "last_30d").numerator == 1


def test_promise_dates_ahead_do_not_move_the_newest_day(tmp_path: Path) -> None:
    """An Unshipped report promises days to come; the windows still end on the newest day an
    order or a shipment happened (found by the monitor: 'latest 7 days' ran into the future)."""
    alone = read_figures([DATA / "all-orders-us.txt"])
    unshipped = tmp_path / "unshipped.txt"
    unshipped.write_text(
        "order-id\torder-item-id\tpurchase-date\tpromise-date\tsales-channel\n"
        "112-9999999-0000001\t1\t2026-10-13T18:00:00+00:00\t2026-10-20T06:59:59+00:00\t"
        "Amazon.com\n",
        encoding="utf-8",
    )
    both = read_figures([DATA / "all-orders-us.txt", unshipped])
    assert both.sections[0].as_of == alone.sections[0].as_of == dt.date(2026, 10, 13)
    latest = only(both, "cancellation_rate", "latest_7d")
    assert (latest.start, latest.end) == (dt.date(2026, 10, 7), dt.date(2026, 10, 13))


def test_a_report_read_for_one_column_gives_one_cell_per_row(tmp_path: Path) -> None:
    from appeal.sellerfiles.reports import Report, open_report

    path = tmp_path / "unshipped.txt"
    path.write_text("order-id\tpurchase-date\tpromise-date\nA-1\tx\ty\nB-2\tx\ty\n", "utf-8")
    report = open_report(path)
    assert isinstance(report, Report)
    assert list(report.rows(("order-id",))) == [(2, {"order-id": "A-1"}), (3, {"order-id": "B-2"})]


def test_4px_and_yanwen_are_not_checked_and_not_counted() -> None:
    result = read_figures([DATA / "confirm-4px.txt"], marketplace="amazon.com")
    tracking = only(result, "valid_tracking_rate", "last_30d")
    assert (tracking.numerator, tracking.denominator) == (2, 3)
    assert tracking.counts == {"not_checked": 7}
    carriers = result.sections[0].carriers
    assert {n: (c.usable, c.unusable, c.not_checked) for n, c in carriers.items()} == {
        "4PX": (0, 0, 5),
        "Yanwen": (0, 0, 2),
        "USPS": (2, 1, 0),
    }
    shown = runner.invoke(app, ["metrics", str(DATA / "confirm-4px.txt")])
    assert "7 shipments by carriers whose format cannot be" in shown.output


def test_jp_template_with_lines_above_the_column_names() -> None:
    result = read_figures([DATA / "confirm-jp-template.txt"], marketplace="amazon.co.jp")
    tracking = only(result, "valid_tracking_rate", "last_30d")
    assert tracking.value is None and tracking.counts == {"not_checked": 4}
    assert sum(c.not_checked for c in result.sections[0].carriers.values()) == 4
    shown = runner.invoke(app, ["metrics", str(DATA / "confirm-jp-template.txt")])
    assert shown.exit_code == 0 and "unchecked" in shown.output and " 0 %" not in shown.output


def test_an_empty_window_reads_no_orders(tmp_path: Path) -> None:
    result = read_figures([DATA / "all-orders-us.txt"], as_of=dt.date(2026, 10, 30))
    latest = only(result, "cancellation_rate", "latest_7d")
    assert latest.value is None and latest.denominator == 0 and latest.meets is None
    shown = runner.invoke(
        app, ["metrics", str(DATA / "all-orders-us.txt"), "--as-of", "2026-10-30"]
    )
    row = next(line for line in shown.output.splitlines() if "latest 7 days" in line)
    assert "no orders" in row and "%" not in row.split("days")[1].split("<")[0]


def test_as_of_reads_dates_as_sellers_type_them_and_names_itself_when_wrong() -> None:
    report = str(DATA / "all-orders-us.txt")
    iso = runner.invoke(app, ["metrics", report, "--as-of", "2026-10-30", "--json"])
    for typed in ("2026/10/30", "2026年10月30日"):
        same = runner.invoke(app, ["metrics", report, "--as-of", typed, "--json"])
        assert same.exit_code == iso.exit_code and same.output == iso.output, typed
    wrong = runner.invoke(app, ["metrics", report, "--as-of", "2026-13-01"])
    assert wrong.exit_code == 2 and "--as-of" in wrong.output and "Traceback" not in wrong.output


def test_orders_a_year_apart_are_shown_as_separate_periods(tmp_path: Path) -> None:
    text = (DATA / "all-orders-us.txt").read_bytes().decode("utf-8")
    older = text.split("\r\n", 1)[1].replace("2026-10-", "2025-10-").replace("113-", "114-")
    path = tmp_path / "two-years.txt"
    path.write_bytes((text + older).encode("utf-8"))
    result = read_figures([path])
    periods = [s.period for s in result.sections]
    assert periods == [
        (dt.date(2025, 9, 30), dt.date(2025, 10, 13)),
        (dt.date(2026, 9, 30), dt.date(2026, 10, 13)),
    ]
    assert "separate_periods" in [n.kind for n in result.notes]
    for section in result.sections:  # each period alone: 2 of 34, as in the one-year file
        latest = next(f for f in section.figures if f.role == "latest_7d")
        assert (latest.numerator, latest.denominator) == (2, 34)


def _case(tmp_path: Path, example: str = "late-delivery.yaml") -> Path:
    case = tmp_path / "case.yaml"
    shutil.copy(EXAMPLES / example, case)
    return case


def test_into_from_the_official_example_and_the_letter(tmp_path: Path) -> None:
    report = tmp_path / "report.json.gz"
    report.write_bytes(gzip.compress(json.dumps(EXAMPLE).encode()))
    case = _case(tmp_path)
    typed = load_case(case).case.metrics.on_time_delivery_rate
    assert typed is not None and typed.value == 84.5  # the seller's, from Account Health
    result = runner.invoke(app, ["metrics", str(report), "--into", str(case), "--json"])
    assert result.exit_code == 0, result.output
    written = json.loads(result.output)["into"]["written"]
    places = {w["metric"]: (w["place"], w["reason"]) for w in written}
    assert places == {
        "on_time_delivery_rate": ("beside_seller", None),
        "unit_on_time_delivery_rate": ("metric", None),
        # the late-delivery cause concerns neither: shown, never put into the case
        "valid_tracking_rate": ("not_written", "no_cause"),
        "late_shipment_rate": ("not_written", "no_cause"),
        "cancellation_rate": ("not_written", "no_cause"),
        "order_defect_rate": ("not_written", "no_cause"),
    }
    metrics = load_case(case).case.metrics
    kept = metrics.on_time_delivery_rate
    assert kept is not None and kept.value == 84.5 and kept.origin == "account_health"
    assert kept.from_reports is not None and kept.from_reports.value == 95.29
    unit = metrics.unit_on_time_delivery_rate
    assert unit is not None and (unit.value, unit.target, unit.target_condition) == (
        88.48,
        90.0,
        "greater_than",
    )
    assert unit.counts == {"unitOnTimeDeliveryCount": 146, "totalUnitCount": 165}
    assert [name for name, _ in metrics.present()] == [
        "on_time_delivery_rate",
        "unit_on_time_delivery_rate",
    ]
    out = tmp_path / "out"
    rendered = runner.invoke(app, ["render", str(case), "-f", "txt", "-o", str(out)])
    assert rendered.exit_code == 0, rendered.output
    letter = (out / "case.txt").read_text(encoding="utf-8").replace("\u00a0", " ")
    assert (
        "because our On-Time Delivery Rate was 84.5 % against Amazon's target of ≥ 90 % and our "
        "Unit On-Time Delivery Rate was 88.48 % against Amazon's target of > 90 %."
    ) in letter
    rows = {line.split("  ")[0]: line.split() for line in letter.splitlines() if "  " in line}
    assert " ".join(rows["Unit On-Time Delivery Rate"][4:]) == (
        "88.48 % > 90 % 11 October to 9 November 2020 Amazon SP-API seller performance report"
    )
    assert rows["On-Time Delivery Rate"][3:5] == ["84.5", "%"]  # the seller's figure
    assert "Valid Tracking Rate" not in letter and "Cancellation Rate" not in letter
    assert (
        "Amazon's figure for our Unit On-Time Delivery Rate was 88.48 % from 11 October 2020"
        in letter
    )
    again = runner.invoke(app, ["metrics", str(report), "--into", str(case)])
    assert again.exit_code == 0
    assert load_case(case).case.causes[0].facts.count("Amazon's figure for our Unit") == 1


def test_into_a_vtr_category_case_writes_only_the_tracking_rate(tmp_path: Path) -> None:
    """tester3 F1.11: Amazon's performance report holds every metric of the account; dropped
    into a category case about the Valid Tracking Rate, it gave the letter a second reason
    Amazon never gave ("and our Unit On-Time Delivery Rate was 88.48 %") and five unrelated
    rows in the table. The others are shown and left out, and the output says so."""
    report = tmp_path / "GET_V2_SELLER_PERFORMANCE_REPORT"
    report.write_text(json.dumps(EXAMPLE), encoding="utf-8")
    case = _case(tmp_path, "vtr-toys.yaml")
    result = runner.invoke(app, ["metrics", str(report), "--into", str(case)])
    assert result.exit_code == 0, result.output
    output = " ".join(result.output.split())
    assert "Valid Tracking Rate: 95.29 % kept beside the figure you typed" in output
    for shown in (
        "Late Shipment Rate: 3.2 %",
        "Cancellation Rate: 0.5 %",
        "Order Defect Rate: 0.9 %",
        "On-Time Delivery Rate: 95.29 %",
        "Unit On-Time Delivery Rate: 88.48 %",
    ):
        assert f"{shown} not written: no cause of this case concerns it." in output
    assert "Only the metrics the case's causes concern go into it" in output
    loaded = load_case(case).case
    assert [name for name, _ in loaded.metrics.present()] == ["valid_tracking_rate"]
    out = tmp_path / "out"
    rendered = runner.invoke(app, ["render", str(case), "-f", "txt", "-o", str(out)])
    assert rendered.exit_code == 0, rendered.output
    assert "metric-without-cause" not in rendered.output
    letter = (out / "case.txt").read_text(encoding="utf-8").replace("\u00a0", " ")
    assert (
        "were removed because our Valid Tracking Rate was 91.2 % against Amazon's target of "
        "≥ 95 %. These failures"
    ) in letter
    for other in ("Late Shipment", "Cancellation", "Order Defect", "On-Time Delivery"):
        assert other not in letter


def test_into_writes_every_metric_a_cause_concerns_with_amazons_own_target(
    tmp_path: Path,
) -> None:
    """The inventory cause concerns the Cancellation Rate and the Late Shipment Rate (its
    second metric): both go in, with the target Amazon's report gives (< 1 %, not 2.5 %)."""
    report = tmp_path / "report.json"
    report.write_text(json.dumps(EXAMPLE), encoding="utf-8")
    case = _case(tmp_path, "inventory.yaml")
    text = case.read_text(encoding="utf-8")
    case.write_text(re.sub(r"metrics:\n(  .*\n)+", "", text), encoding="utf-8")
    result = runner.invoke(app, ["metrics", str(report), "--into", str(case), "--json"])
    assert result.exit_code == 0, result.output
    into = json.loads(result.output)["into"]
    places = {w["metric"]: w["place"] for w in into["written"]}
    assert places["cancellation_rate"] == places["late_shipment_rate"] == "metric"
    assert into["note"] is not None and "add the cause that explains it" in into["note"]
    metrics = load_case(case).case.metrics
    lsr = metrics.late_shipment_rate
    assert lsr is not None and lsr.value == 3.203973037 and lsr.origin == "amazon_report"
    assert metrics.valid_tracking_rate is None and metrics.order_defect_rate is None
    out = tmp_path / "out"
    rendered = runner.invoke(app, ["render", str(case), "-f", "txt", "-o", str(out)])
    assert rendered.exit_code == 0, rendered.output
    letter = (out / "case.txt").read_text(encoding="utf-8").replace("\u00a0", " ")
    rows = {line.split("  ")[0]: line.split() for line in letter.splitlines() if "  " in line}
    assert " ".join(rows["Cancellation Rate"][2:]) == (
        "0.5 % < 1 % 12 to 18 November 2020 Amazon SP-API seller performance report"
    )
    assert "Valid Tracking Rate" not in letter


def test_into_never_writes_an_upper_bound(tmp_path: Path) -> None:
    case = _case(tmp_path, "full-suspension.yaml")  # amazon.com
    before = load_case(case).case.metrics.cancellation_rate
    result = runner.invoke(
        app,
        [
            "metrics",
            str(DATA / "all-orders-us.txt"),
            "--into",
            str(case),
            "--marketplace",
            "amazon.com",
        ],
    )
    assert result.exit_code == 0, result.output
    assert "Cancellation Rate: not written: the estimate is an upper bound" in result.output
    assert load_case(case).case.metrics.cancellation_rate == before


def test_into_a_case_of_another_marketplace_writes_nothing(tmp_path: Path) -> None:
    case = _case(tmp_path, "packaging.yaml")  # amazon.de
    before = case.read_bytes()
    result = runner.invoke(app, ["metrics", str(DATA / "all-orders-us.txt"), "--into", str(case)])
    assert result.exit_code == 0, result.output
    assert "Nothing written: the files are about amazon.com" in result.output
    assert case.read_bytes().replace(b"\r\n", b"\n") == before.replace(b"\r\n", b"\n")


def test_a_report_that_changes_encoding_halfway_is_a_located_error(tmp_path: Path) -> None:
    text = (DATA / "all-orders-us.txt").read_bytes()
    header, rows = text.split(b"\r\n", 1)
    body = rows * 60  # well past the first megabyte read to pick the encoding
    path = tmp_path / "mixed.txt"
    latin = rows.replace(b"SPRINGFIELD", "SÃO PAULO".encode("cp1252"), 1)
    path.write_bytes(header + b"\r\n" + body + latin)
    result = runner.invoke(app, ["metrics", str(path)])
    assert result.exit_code == 2
    line = int(result.output.split(f"{path}:")[1].split(":")[0])
    assert line > 5000  # where it happens, not line 1
    assert "not valid UTF-8 like the lines before it" in result.output.replace("\n", " ")


def test_pending_and_fba_notes_count_the_days_up_to_as_of() -> None:
    # all-orders-us.txt (README): one Amazon-fulfilled order a day, Pacific 30 September to 13
    # October (14); the one Pending order was bought on Pacific 8 October.
    def notes(as_of: dt.date | None) -> dict[str, int]:
        (section,) = read_figures([DATA / "all-orders-us.txt"], as_of=as_of).sections
        return {n.kind: n.count for n in section.notes}

    assert notes(None) == {"amazon_cancels_left_out": 1, "other_channel": 14, "cause_unknown": 2}
    # up to 7 October: 8 days of FBA orders, the Pending order not yet bought
    assert notes(dt.date(2026, 10, 7)) == {"other_channel": 8, "cause_unknown": 2}
    assert notes(dt.date(2026, 10, 8)) == {
        "amazon_cancels_left_out": 1,
        "other_channel": 9,
        "cause_unknown": 2,
    }
    report = str(DATA / "all-orders-us.txt")
    out = runner.invoke(app, ["metrics", report, "--as-of", "2026-10-03"])
    said = " ".join(out.output.split())
    assert "4 Amazon-fulfilled (FBA) orders are not counted" in said
    assert "Pending" not in said
    out = runner.invoke(app, ["metrics", report, "--as-of", "2026-10-08", "--json"])
    (section,) = json.loads(out.output)["sections"]
    shown = {n["kind"]: (n["count"], n["text"]) for n in section["notes"]}
    assert shown["other_channel"][0] == 9
    assert shown["amazon_cancels_left_out"] == (
        1,
        "1 order still Pending (unpaid) is left out: Amazon cancels those itself, and they "
        "are not seller cancellations.",
    )
