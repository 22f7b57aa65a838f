"""`appeal metrics`: figures from small reports built here, checked against hand counts."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from appeal.cli import app
from appeal.core.casefile import load_case
from appeal.core.catalogue import load_catalogue
from appeal.letter.content import render_letter
from appeal.sellerfiles.metrics import compute
from tests.conftest import TODAY
from tests.helpers import MINIMAL_CASE

runner = CliRunner()
ALL_ORDERS = (
    "amazon-order-id\tmerchant-order-id\tpurchase-date\tlast-updated-date\t"
    "order-status\tfulfillment-channel\tsales-channel\tsku\tquantity\tcurrency\t"
    "item-price"
)
UNSHIPPED = (
    "order-id\torder-item-id\tpurchase-date\tpayments-date\tpromise-date\tsku\t"
    "quantity-to-ship\tis-buyer-requested-cancellation"
)
CONFIRM = (
    "order-id\torder-item-id\tquantity\tship-date\tcarrier-code\tcarrier-name\t"
    "tracking-number\tship-method"
)
GOOD_UPS = "1Z5R89390357567127"


def _order_id(day: int, n: int) -> str:
    return f"111-{day:07d}-{n:07d}"


def all_orders(
    channel: str = "Merchant", status_word: str = "Cancelled", market: str = "Amazon.com"
) -> str:
    """1-14 November 2026, 10 merchant-fulfilled orders a day; on 5 November 3 seller
    cancellations; on 6 November 1 buyer-requested cancellation; 2 Amazon-fulfilled orders a
    day; every order has a second item row."""
    rows = [ALL_ORDERS]
    for day in range(1, 15):
        for n in range(12):
            mfn = n < 10
            status = "Shipped"
            if mfn and ((day == 5 and n < 3) or (day == 6 and n == 0)):
                status = status_word
            stamp = f"2026-11-{day:02d}T23:30:00-08:00"  # late evening Pacific: still that day
            for item in ("A", "B"):
                rows.append(
                    "\t".join(
                        [
                            _order_id(day, n),
                            "",
                            stamp,
                            f"2026-11-{day:02d}T23:59:00-08:00",
                            status,
                            channel if mfn else "Amazon",
                            market,
                            f"SKU-{item}",
                            "1",
                            "USD",
                            "9.99",
                        ]
                    )
                )
    return "\n".join(rows) + "\n"


def unshipped() -> str:
    rows = [UNSHIPPED]
    rows.append(
        "\t".join(
            [
                _order_id(6, 0),
                "1",
                "2026-11-06T10:00:00+00:00",
                "",
                "2026-11-08",
                "SKU-A",
                "1",
                "true",
            ]
        )
    )
    for n in range(10):  # orders of 10 November, due to ship by 11 November
        rows.append(
            "\t".join(
                [
                    _order_id(10, n),
                    "1",
                    "2026-11-10T10:00:00+00:00",
                    "",
                    "2026-11-11T23:59:59-08:00",
                    "SKU-A",
                    "1",
                    "false",
                ]
            )
        )
    return "\n".join(rows) + "\n"


def confirmations() -> str:
    rows = [CONFIRM]
    for n in range(10):
        late = n == 0
        tracking = GOOD_UPS[:-1] + "8" if n in (1, 2) else GOOD_UPS  # 2 bad check digits
        rows.append(
            "\t".join(
                [
                    _order_id(10, n),
                    "1",
                    "1",
                    "2026-11-12" if late else "2026-11-11",
                    "UPS",
                    "",
                    tracking,
                    "Ground",
                ]
            )
        )
    return "\r\n".join(rows) + "\r\n"


@pytest.fixture
def reports(write_files: object, tmp_path: Path) -> dict[str, Path]:
    files = {
        "orders.txt": all_orders(),
        "unshipped.txt": unshipped(),
        "confirm.txt": confirmations(),
    }
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return {name: tmp_path / name for name in files}


def _by_label(results: object) -> dict[str, object]:
    return {f.label: f for f in results.figures}  # type: ignore[attr-defined]


def test_figures_match_hand_counts(reports: dict[str, Path]) -> None:
    results = compute(list(reports.values()))
    assert results.as_of == dt.date(2026, 11, 14)
    figures = _by_label(results)
    worst = figures["Cancellation Rate, worst 7 days"]
    # 3 seller cancellations of 70 orders; the buyer-requested one and Amazon orders excluded
    assert (worst.numerator, worst.denominator) == (3, 70)  # type: ignore[attr-defined]
    assert (worst.start, worst.end) == (dt.date(2026, 11, 5), dt.date(2026, 11, 11))  # type: ignore[attr-defined]
    assert round(worst.value, 2) == 4.29  # type: ignore[attr-defined]
    assert not worst.meets  # type: ignore[attr-defined]
    latest = figures["Cancellation Rate, latest 7 days"]
    assert (latest.numerator, latest.denominator) == (0, 70)  # type: ignore[attr-defined]
    tracking = figures["Usable tracking IDs, last 30 days (by ship date)"]
    assert (tracking.numerator, tracking.denominator) == (8, 10)  # type: ignore[attr-defined]
    late10 = figures["Late confirmations, last 10 days"]
    assert (late10.numerator, late10.denominator) == (1, 10)  # type: ignore[attr-defined]
    assert results.by_carrier == {"UPS": (8, 10)}
    assert next(d for d in results.daily if d[0] == dt.date(2026, 11, 5))[1:3] == (10, 3)


def test_buyer_requested_cancellations_need_the_unshipped_report(reports: dict[str, Path]) -> None:
    worst = _by_label(compute([reports["orders.txt"]]))["Cancellation Rate, worst 7 days"]
    assert (worst.numerator, worst.denominator) == (4, 70)  # type: ignore[attr-defined]


def test_spellings_and_channel_codes_accepted(tmp_path: Path) -> None:
    path = tmp_path / "orders.txt"
    path.write_text(all_orders(channel="MFN", status_word="Canceled"), encoding="utf-8")
    worst = _by_label(compute([path]))["Cancellation Rate, worst 7 days"]
    assert (worst.numerator, worst.denominator) == (4, 70)  # type: ignore[attr-defined]


def test_merging_duplicate_files_changes_nothing(reports: dict[str, Path], tmp_path: Path) -> None:
    copy = tmp_path / "orders-copy.txt"
    copy.write_bytes(reports["orders.txt"].read_bytes())
    once = compute(list(reports.values()))
    twice = compute([*reports.values(), copy, reports["confirm.txt"]])
    assert [f.as_json() for f in once.figures] == [f.as_json() for f in twice.figures]


def test_as_of_moves_the_windows(reports: dict[str, Path]) -> None:
    results = compute([reports["orders.txt"]], as_of=dt.date(2026, 11, 7))
    latest = _by_label(results)["Cancellation Rate, latest 7 days"]
    assert (latest.start, latest.end) == (dt.date(2026, 11, 1), dt.date(2026, 11, 7))  # type: ignore[attr-defined]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.tuples(st.integers(1, 28), st.booleans(), st.booleans()), min_size=1, max_size=60)
)
def test_rates_are_percentages_and_windows_cover_the_period(
    tmp_path_factory: pytest.TempPathFactory, orders: list[tuple[int, bool, bool]]
) -> None:
    rows = [ALL_ORDERS]
    for n, (day, cancelled, mfn) in enumerate(orders):
        rows.append(
            "\t".join(
                [
                    f"111-0000000-{n:07d}",
                    "",
                    f"2026-11-{day:02d}",
                    "",
                    "Cancelled" if cancelled else "Shipped",
                    "Merchant" if mfn else "Amazon",
                    "Amazon.com",
                    "S",
                    "1",
                    "USD",
                    "1",
                ]
            )
        )
    if not any(mfn for _, _, mfn in orders):
        return
    path = tmp_path_factory.mktemp("m") / "orders.txt"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    results = compute([path])
    for figure in results.figures:
        assert 0.0 <= figure.value <= 100.0
        assert figure.start <= figure.end
    days = [d for d, _, _, _ in results.daily]
    assert days == sorted(days) and len(set(days)) == len(days)
    assert (days[-1] - days[0]).days + 1 == len(days)  # every day, no gaps


def test_sp_api_report_is_amazons_own(tmp_path: Path) -> None:
    report = {
        "accountStatuses": [{"marketplaceId": "ATVPDKIKX0DER", "status": "NORMAL"}],
        "performanceMetrics": [
            {
                "lateShipmentRate": {
                    "reportingDateRange": {
                        "reportingDateFrom": "2026-10-16T00:00:00Z",
                        "reportingDateTo": "2026-11-14T23:59:59Z",
                    },
                    "status": "BAD",
                    "targetValue": 0.04,
                    "targetCondition": "LESS_THAN",
                    "orderCount": 400,
                    "lateShipmentCount": 24,
                    "rate": 0.06,
                },
                "validTrackingRate": {
                    "reportingDateRange": {
                        "reportingDateFrom": "2026-10-06",
                        "reportingDateTo": "2026-11-04",
                    },
                    "status": "BAD",
                    "shipmentCount": 412,
                    "validTrackingCount": 375,
                    "rate": 0.91,
                },
                "orderDefectRate": {
                    "mfn": {
                        "reportingDateRange": {
                            "reportingDateFrom": "2026-09-01",
                            "reportingDateTo": "2026-10-30",
                        },
                        "rate": 0.019,
                    }
                },
            }
        ],
    }
    path = tmp_path / "performance.json"
    path.write_text(json.dumps(report), encoding="utf-8")
    result = runner.invoke(app, ["metrics", str(path), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    figures = {f["metric"]: f for f in data["figures"]}
    assert figures["late_shipment_rate"]["value"] == 6.0
    assert figures["late_shipment_rate"]["estimate"] is False
    assert figures["valid_tracking_rate"]["value"] == 91.02
    assert figures["order_defect_rate"]["value"] == 1.9
    assert any("estimates" in note for note in data["notes"])


def test_bad_inputs(tmp_path: Path) -> None:
    cases = {
        "unknown.txt": ("sku\tprice\nA\t1\n", "Expected a header row"),
        "empty.txt": ("", "empty"),
        "afn.txt": (all_orders().replace("Merchant", "Amazon"), "no merchant-fulfilled orders"),
        "mixed.txt": (
            all_orders() + all_orders(market="Amazon.ca").split("\n", 1)[1].replace("111-", "222-"),
            "mix marketplaces",
        ),
        "broken.json": ("{not json", "not valid JSON"),
        "baddate.txt": (
            all_orders().replace("2026-11-03T23:30:00-08:00", "2026-11-33"),
            "baddate.txt:",
        ),
    }
    for name, (text, message) in cases.items():
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        result = runner.invoke(app, ["metrics", str(path)])
        assert result.exit_code == 2, (name, result.output)
        assert message in result.output.replace("\n", " "), (name, result.output)
        assert "Traceback" not in result.output
    bad_day = runner.invoke(app, ["metrics", str(tmp_path / "baddate.txt")])
    assert "purchase-date: '2026-11-33' is not a date" in bad_day.output
    orders = tmp_path / "orders.txt"
    orders.write_text(all_orders(), encoding="utf-8")
    early = runner.invoke(app, ["metrics", str(orders), "--as-of", "2026-10-01"])
    assert early.exit_code == 2 and "before the first order" in early.output


def test_into_case_and_letter(reports: dict[str, Path], tmp_path: Path) -> None:
    case = tmp_path / "case.yaml"
    text = "# keep me\n" + MINIMAL_CASE.replace("cause: late_shipment", "cause: cancellations")
    text = text.replace("use: weekend_not_set", "use: cancelled_out_of_stock")
    text = text.replace("use: set_weekend_days", "use: corrected_cancel_reasons")
    text = text.replace("use: daily_lsr_check", "use: daily_cr_check")
    case.write_text(text, encoding="utf-8")
    result = runner.invoke(
        app,
        ["metrics", str(reports["orders.txt"]), str(reports["unshipped.txt"]), "--into", str(case)],
    )
    assert result.exit_code == 0, result.output
    saved = case.read_text(encoding="utf-8")
    assert saved.startswith("# keep me\n")
    loaded = load_case(case).case
    metric = loaded.metrics.cancellation_rate
    assert metric is not None and round(metric.value, 2) == 4.29
    assert metric.window == (dt.date(2026, 11, 5), dt.date(2026, 11, 11))
    assert metric.latest is not None and metric.latest.value == 0.0
    assert (
        "Between 5 November 2026 and 11 November 2026 we cancelled 3 of 70"
        in loaded.causes[0].facts
    )
    letter = render_letter(loaded, load_catalogue(), letter_date=TODAY).markdown
    assert "| Cancellation Rate | 4.29 % | \\< 2.5 % |" in letter  # escaped in the Markdown
    assert (
        "Effect so far: our Cancellation Rate was 0 % from 8 November 2026 to 14 November 2026"
    ) in letter
    again = runner.invoke(
        app,
        ["metrics", str(reports["orders.txt"]), str(reports["unshipped.txt"]), "--into", str(case)],
    )
    assert again.exit_code == 0
    assert load_case(case).case.causes[0].facts.count("we cancelled 3 of 70") == 1


def test_terminal_output_has_table_and_chart(reports: dict[str, Path]) -> None:
    result = runner.invoke(app, ["metrics", *map(str, reports.values())])
    assert result.exit_code == 0, result.output
    assert "worst 7" in result.output and "latest 7" in result.output
    assert "4.29 %" in result.output and "3 / 70" in result.output
    assert "Seller cancellations, rolling 7 days" in result.output
    assert "estimates" in result.output
