"""`appeal metrics`: figures from small reports built here, checked against hand counts."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from appeal.cli import app
from appeal.core.casefile import load_case
from appeal.core.catalogue import load_catalogue
from appeal.letter.content import render_letter
from appeal.sellerfiles.figures import Figure, MetricsResult
from appeal.sellerfiles.metrics import read_figures
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
    """The buyer asked to cancel order 6/0; the seller cancelled the three of 5 November
    (flag false); ten orders of 10 November are due by 11 November (Pacific)."""
    rows = [UNSHIPPED]
    for n in range(3):
        rows.append(
            "\t".join(
                [
                    _order_id(5, n),
                    "1",
                    "2026-11-05T10:00:00+00:00",
                    "",
                    "2026-11-07",
                    "S",
                    "1",
                    "false",
                ]
            )
        )
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


def fig(result: MetricsResult, metric: str, role: str) -> Figure:
    """The one figure of `metric` in `role` (sections: exactly one here)."""
    (section,) = result.sections
    found = [f for f in section.figures if f.metric == metric and f.role == role]
    assert len(found) == 1, (metric, role, section.figures)
    return found[0]


def test_figures_match_hand_counts(reports: dict[str, Path]) -> None:
    result = read_figures(list(reports.values()))
    (section,) = result.sections
    assert section.marketplace == "amazon.com"
    assert section.as_of == dt.date(2026, 11, 14)
    worst = fig(result, "cancellation_rate", "worst_7d")
    # 3 seller cancellations of 70 orders; the buyer-requested one and Amazon orders excluded
    assert (worst.numerator, worst.denominator) == (3, 70)
    assert (worst.start, worst.end) == (dt.date(2026, 11, 5), dt.date(2026, 11, 11))
    assert worst.value is not None and round(worst.value, 2) == 4.29
    assert worst.meets is False and not worst.upper_bound
    latest = fig(result, "cancellation_rate", "latest_7d")
    assert (latest.numerator, latest.denominator) == (0, 70)
    tracking = fig(result, "valid_tracking_rate", "last_30d")
    assert (tracking.numerator, tracking.denominator) == (8, 10)
    late10 = fig(result, "late_shipment_rate", "last_10d")
    assert (late10.numerator, late10.denominator) == (1, 10)
    assert {n: (c.usable, c.unusable, c.not_checked) for n, c in section.carriers.items()} == {
        "UPS": (8, 2, 0)
    }
    day5 = next(d for d in section.daily if d.day == dt.date(2026, 11, 5))
    assert (day5.orders, day5.cancelled) == (10, 3)


def test_buyer_requested_cancellations_need_the_unshipped_report(reports: dict[str, Path]) -> None:
    result = read_figures([reports["orders.txt"]])
    worst = fig(result, "cancellation_rate", "worst_7d")
    # who cancelled is not in All Orders: all 4 counted, and the figure says it is an upper bound
    assert (worst.numerator, worst.denominator) == (4, 70)
    assert worst.upper_bound and worst.counts == {"cause_unknown": 4}


def test_spellings_and_channel_codes_accepted(tmp_path: Path) -> None:
    path = tmp_path / "orders.txt"
    path.write_text(all_orders(channel="MFN", status_word="Canceled"), encoding="utf-8")
    worst = fig(read_figures([path]), "cancellation_rate", "worst_7d")
    assert (worst.numerator, worst.denominator) == (4, 70)


def test_merging_duplicate_files_changes_nothing(reports: dict[str, Path], tmp_path: Path) -> None:
    copy = tmp_path / "orders-copy.txt"
    copy.write_bytes(reports["orders.txt"].read_bytes())
    once = read_figures(list(reports.values()))
    twice = read_figures([*reports.values(), copy, reports["confirm.txt"]])
    assert once.sections == twice.sections


def test_as_of_moves_the_windows(reports: dict[str, Path]) -> None:
    result = read_figures([reports["orders.txt"]], as_of=dt.date(2026, 11, 7))
    latest = fig(result, "cancellation_rate", "latest_7d")
    assert (latest.start, latest.end) == (dt.date(2026, 11, 1), dt.date(2026, 11, 7))


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
    (section,) = read_figures([path]).sections
    for figure in section.figures:
        assert figure.value is None or 0.0 <= figure.value <= 100.0
        assert figure.start <= figure.end
    days = [d.day for d in section.daily]
    assert days == sorted(days) and len(set(days)) == len(days)
    assert (days[-1] - days[0]).days + 1 == len(days)  # every day, no gaps


def test_two_marketplaces_in_one_file_are_kept_apart(tmp_path: Path) -> None:
    path = tmp_path / "orders.txt"
    canada = all_orders(market="Amazon.ca").split("\n", 1)[1].replace("111-", "702-")
    path.write_text(all_orders() + canada.replace("USD", "CAD"), encoding="utf-8")
    result = read_figures([path])
    assert [s.marketplace for s in result.sections] == ["amazon.com", "amazon.ca"]
    for section in result.sections:  # each alone: 4 cancellations (cause unknown) of 70
        worst = next(f for f in section.figures if f.role == "worst_7d")
        assert (worst.numerator, worst.denominator) == (4, 70)
    assert [n.kind for n in result.notes] == ["several_marketplaces"]
    shown = runner.invoke(app, ["metrics", str(path)])
    assert shown.exit_code == 0
    assert "The files cover 2 marketplaces (amazon.ca, amazon.com)" in shown.output


def test_bad_inputs(tmp_path: Path) -> None:
    cases = {
        "unknown.txt": ("sku\tprice\nA\t1\n", "Expected a header row"),
        "empty.txt": ("", "empty"),
        "afn.txt": (all_orders().replace("Merchant", "Amazon"), "no merchant-fulfilled orders"),
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
    letter = letter.replace("\u00a0", " ")  # the letter binds numbers to their units
    assert "| Cancellation Rate | 4.29 % | \\< 2.5 % |" in letter  # escaped in the Markdown
    assert ("Effect so far: our Cancellation Rate was 0 % from 8 to 14 November 2026") in letter
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
    assert "4.29 %" in result.output and "3 of 70 orders cancelled" in result.output
    assert "Cancellations, rolling 7 days" in result.output
    assert "Estimates come from your own files" in result.output
