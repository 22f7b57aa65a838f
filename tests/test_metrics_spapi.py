"""`appeal metrics` on Amazon's SP-API seller performance report: Amazon's own example as it
is, and reports built here that Amazon's schema accepts."""

from __future__ import annotations

import copy
import gzip
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from typer.testing import CliRunner

from appeal.cli import app
from appeal.sellerfiles.metrics import read_figures
from tests.conftest import ROOT

runner = CliRunner()
SCHEMA_FILE = ROOT / "tests" / "data" / "amazon-reports" / "accountHealthReport-2020-11-18.json"
SCHEMA: dict[str, Any] = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
EXAMPLE: dict[str, Any] = SCHEMA["examples"][0]

# Amazon's example, read by hand: key -> (rate in %, target, condition, status, window)
AMAZON = {
    "validTrackingRate": (95.29, 95.0, "greater_than", "GOOD", "2020-10-11", "2020-11-09"),
    "onTimeDeliveryRate": (95.29, 95.0, "greater_than", "GOOD", "2020-10-11", "2020-11-09"),
    "unitOnTimeDeliveryRate": (88.48, 90.0, "greater_than", "GOOD", "2020-10-11", "2020-11-09"),
    "lateShipmentRate": (3.203973037, 4.0, "less_than", "GOOD", "2020-10-21", "2020-11-19"),
    "prefulfillmentCancelRate": (0.5, 1.0, "less_than", "GOOD", "2020-11-12", "2020-11-18"),
    "orderDefectRate.mfn": (0.9, 1.0, "less_than", "GOOD", "2020-09-06", "2020-11-04"),
    "orderDefectRate.afn": (0.9, 1.0, "less_than", "GOOD", "2020-09-06", "2020-11-04"),
    "invoiceDefectRate": (3.499611, 5.0, "less_than", "GOOD", "2020-10-21", "2020-10-27"),
}


def _write(path: Path, data: object, *, gz: bool = False) -> Path:
    raw = json.dumps(data, indent=2).encode("utf-8")
    path.write_bytes(gzip.compress(raw) if gz else raw)
    return path


def _json(*args: str) -> dict[str, Any]:
    result = runner.invoke(app, ["metrics", *args, "--json"])
    assert result.exit_code == 0, result.output
    data: dict[str, Any] = json.loads(result.output)
    return data


def test_official_example_shows_amazons_figures_exactly(tmp_path: Path) -> None:
    data = _json(str(_write(tmp_path / "example.json", EXAMPLE)))
    section, suspended = data["sections"]
    # accountStatuses: amazon.ca NORMAL, amazon.com.mx SUSPENDED, neither with figures
    assert (suspended["marketplace"], suspended["account_status"]) == ("amazon.com.mx", "SUSPENDED")
    assert suspended["marketplace_id"] == "A1AM78C64UM0Y8" and suspended["figures"] == []
    assert section["marketplace"] == "amazon.com"
    assert section["marketplace_id"] == "ATVPDKIKX0DER"
    assert section["account_status"] == "AT_RISK"
    assert section["account_health_rating"]["status"] == "WARNED"
    shown = {f["key"]: f for f in section["figures"]}
    assert set(shown) == set(AMAZON)
    for key, (value, target, condition, status, start, end) in AMAZON.items():
        figure = shown[key]
        assert figure["value"] == value, key  # Amazon's rate, never the counts divided
        assert figure["target"]["value"] == target and figure["target"]["condition"] == condition
        assert figure["status"] == status and figure["window"] == [start, end]
        assert figure["estimate"] is False and figure["numerator"] is None
    # the one figure below Amazon's target although Amazon's status says GOOD
    assert [k for k, f in shown.items() if f["meets_target"] is False] == ["unitOnTimeDeliveryRate"]
    # counts as Amazon gives them, even where they do not divide to the rate (896,462 > 878,443)
    assert shown["validTrackingRate"]["counts"] == {
        "shipmentCount": 878443,
        "validTrackingCount": 896462,
    }
    assert shown["orderDefectRate.mfn"]["counts"] == {
        "orderCount": 539000,
        "orderWithDefects": 1078,
        "claims": 442,
        "chargebacks": 15,
        "negativeFeedback": 628,
    }
    other = {c["key"]: (c["count"], c["status"]) for c in section["other_items"]}
    assert other["listingPolicyViolations"] == (86, "BAD")
    assert other["spammingSellerMessaging"] == (None, "BAD")


def test_official_example_on_the_terminal(tmp_path: Path) -> None:
    result = runner.invoke(app, ["metrics", str(_write(tmp_path / "report", EXAMPLE))])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    unit = next(line for line in lines if "Unit On-Time Delivery Rate" in line)
    assert "88.48 %" in unit and "> 90 %" in unit and "NO" in unit and "GOOD" in unit
    tracking = next(line for line in lines if line.strip().startswith("Valid Tracking Rate"))
    assert "95.29 %" in tracking and "102" not in result.output
    assert "claims 442, chargebacks 15, negative feedback 628" in " ".join(lines)
    assert "account status AT_RISK" in result.output
    # the marketplace Amazon lists as SUSPENDED without a performanceMetrics block
    assert "amazon.com.mx (A1AM78C64UM0Y8) · account status SUSPENDED" in result.output
    assert "Amazon's report gives only the account status, no figures." in result.output
    assert "amazon.ca" not in result.output  # NORMAL, and no figures: nothing to say
    assert max(len(line) for line in lines) <= 80


def test_amazons_example_lacks_keys_its_schema_requires_and_is_read_anyway() -> None:
    # A fact worth knowing: the example Amazon ships does not satisfy its own schema (it uses
    # prefulfillmentCancelRate and warningState, and leaves out several listing-level blocks).
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(EXAMPLE, SCHEMA)


def _block(market: str, scale: float, cancel_key: str) -> dict[str, Any]:
    """A performanceMetrics entry with every block the schema requires."""
    block: dict[str, Any] = copy.deepcopy(EXAMPLE["performanceMetrics"][0])
    block["marketplaceId"] = market
    block[cancel_key] = block.pop("prefulfillmentCancelRate")
    block["warningStates"] = block.pop("warningState")
    block["documentRequests"] = block.pop("documentRequest")
    for key in ("restrictedProductPolicyViolations", "suspectedIntellectualPropertyViolations"):
        block[key] = copy.deepcopy(block["listingPolicyViolations"])
    block["validTrackingRate"]["rate"] = round(0.9 * scale, 4)
    block["validTrackingRate"]["status"] = "BAD"
    late = copy.deepcopy(block["lateShipmentRate"])
    late10 = copy.deepcopy(late)
    late10["reportingDateRange"]["reportingDateFrom"] = "2020-11-10T00:00Z"
    late10["rate"], late10["status"] = 0.055, "BAD"
    block["lateShipmentRateList"] = [late10, late]
    block["accountHealthRating"]["ahrScore"] = 212
    return block


def two_marketplace_report() -> dict[str, Any]:
    report = {
        "accountStatuses": [
            {"marketplaceId": "ATVPDKIKX0DER", "status": "AT_RISK"},
            {"marketplaceId": "A1F83G8C2ARO7P", "status": "NORMAL"},
        ],
        "performanceMetrics": [
            _block("ATVPDKIKX0DER", 1.0, "preFulfillmentCancellationRate"),
            _block("A1F83G8C2ARO7P", 1.05, "preFulfillmentCancellationRate"),
        ],
    }
    jsonschema.validate(report, SCHEMA)  # the fixture is a report Amazon's schema accepts
    return report


def test_two_marketplaces_gzipped_without_extension(tmp_path: Path) -> None:
    path = _write(
        tmp_path / "GET_V2_SELLER_PERFORMANCE_REPORT-51234", two_marketplace_report(), gz=True
    )
    result = read_figures([path])
    assert [(s.marketplace, s.account_status) for s in result.sections] == [
        ("amazon.com", "AT_RISK"),
        ("amazon.co.uk", "NORMAL"),
    ]
    assert [n.kind for n in result.notes] == ["several_marketplaces"]
    us, uk = result.sections
    vtr = {
        s.name: next(f for f in s.figures if f.metric == "valid_tracking_rate") for s in (us, uk)
    }
    assert (vtr["amazon.com"].value, vtr["amazon.co.uk"].value) == (90.0, 94.5)
    assert vtr["amazon.com"].meets is False and vtr["amazon.com"].status == "BAD"
    late = [
        (f.key, f.value, (f.end - f.start).days + 1)
        for f in us.figures
        if f.key.startswith("lateShipmentRateList")
    ]
    assert late == [
        ("lateShipmentRateList[0]", 5.5, 10),
        ("lateShipmentRateList[1]", 3.203973037, 30),
    ]
    cancel = next(f for f in us.figures if f.metric == "cancellation_rate")
    assert (cancel.key, cancel.value) == ("preFulfillmentCancellationRate", 0.5)
    assert us.health is not None and (us.health.status, us.health.score) == ("WARNED", 212)
    shown = runner.invoke(app, ["metrics", str(path)])
    assert "Late Shipment Rate, 10 days" in shown.output and "amazon.co.uk" in shown.output


def test_a_truncated_gzip_is_a_located_error(tmp_path: Path) -> None:
    whole = gzip.compress(json.dumps(two_marketplace_report(), indent=2).encode())
    path = tmp_path / "report.json.gz"
    path.write_bytes(whole[: len(whole) // 2])
    result = runner.invoke(app, ["metrics", str(path)])
    assert result.exit_code == 2
    assert f"{path}:" in result.output and "ends early or is damaged" in result.output
    line = int(result.output.split(f"{path}:")[1].split(":")[0])
    assert line > 1  # where the damage starts, not just "line 1"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{"reportType": "GET_FLAT_FILE_OPEN_LISTINGS_DATA"}', "not an SP-API seller performance"),
        ("[1, 2]", "not an SP-API seller performance"),
        ('{\n  "performanceMetrics": [\n    {"x": 1,,}\n  ]\n}', ":3: not valid JSON"),
        (SCHEMA_FILE.read_text(encoding="utf-8"), "JSON schema of Amazon's seller performance"),
    ],
)
def test_json_that_is_not_the_report_says_so(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "download.json"
    path.write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["metrics", str(path)])
    assert result.exit_code == 2, result.output
    assert message in result.output and "Traceback" not in result.output


@pytest.mark.parametrize(
    ("change", "where"),
    [
        (
            lambda b: b["validTrackingRate"]["reportingDateRange"].update(reportingDateFrom=0),
            "validTrackingRate.reportingDateRange.reportingDateFrom: '0' is not a date",
        ),
        (
            lambda b: b["lateShipmentRate"].update(rate="3%"),
            "performanceMetrics[0].lateShipmentRate.rate: '3%' is not a number",
        ),
        (
            lambda b: b["onTimeDeliveryRate"].update(targetCondition="ABOVE"),
            "performanceMetrics[0].onTimeDeliveryRate.targetCondition: 'ABOVE' is not one of",
        ),
        (
            lambda b: b["validTrackingRate"].pop("rate"),
            "performanceMetrics[0].validTrackingRate: no 'rate'",
        ),
        (
            lambda b: b["validTrackingRate"]["reportingDateRange"].update(
                reportingDateTo="9999-01-01"
            ),
            "validTrackingRate.reportingDateRange.reportingDateTo: '9999-01-01' is not a date",
        ),
    ],
)
def test_bad_values_in_the_report_are_located(tmp_path: Path, change: Any, where: str) -> None:
    report = copy.deepcopy(EXAMPLE)
    change(report["performanceMetrics"][0])
    path = _write(tmp_path / "report.json", report)
    result = runner.invoke(app, ["metrics", str(path)])
    assert result.exit_code == 2, result.output
    assert where in result.output.replace("\n", " ") and f"{path}: " in result.output
