"""The catalogue covers domain.md section 3 with enough items, in both languages."""

from __future__ import annotations

import json
import re

from typer.testing import CliRunner

from appeal.cli import app
from appeal.core.catalogue import PARTS, load_catalogue

CAUSE_IDS = [
    "invalid_tracking",
    "untrackable_shipments",
    "inventory",
    "cancellations",
    "feedback_claims",
    "packaging",
    "late_shipment",
    "late_delivery",
]
HAN = re.compile(r"[\u4e00-\u9fff]")


def test_the_eight_causes_in_order() -> None:
    assert list(load_catalogue().causes) == CAUSE_IDS


def test_each_cause_has_five_items_per_part_in_both_languages() -> None:
    for cause in load_catalogue().causes.values():
        assert HAN.search(cause.title_zh)
        for part in PARTS:
            items = cause.items(part)
            assert len(items) >= 5, (cause.id, part)
            ids = [i.id for i in items]
            assert len(ids) == len(set(ids)), (cause.id, part)
            for item in items:
                assert re.fullmatch(r"[a-z0-9_]+", item.id)
                assert item.en.endswith("."), item.id
                assert not HAN.search(item.en), item.id
                assert HAN.search(item.zh), item.id


def test_item_ids_unique_within_a_cause() -> None:
    for cause in load_catalogue().causes.values():
        ids = [i.id for part in PARTS for i in cause.items(part)]
        assert len(ids) == len(set(ids)), cause.id


def test_metrics_and_targets_match_domain() -> None:
    metrics = load_catalogue().metrics
    assert (metrics["valid_tracking_rate"].target, metrics["valid_tracking_rate"].better) == (
        95.0,
        "higher",
    )
    assert metrics["late_shipment_rate"].target == 4.0
    assert metrics["cancellation_rate"].target == 2.5
    assert metrics["order_defect_rate"].target == 1.0
    assert metrics["on_time_delivery_rate"].target == 90.0
    assert metrics["valid_tracking_rate"].meets(95.0)
    assert not metrics["cancellation_rate"].meets(2.5)
    causes = load_catalogue().causes
    assert causes["invalid_tracking"].channel == "vtr"
    assert causes["late_shipment"].channel == "account"


def test_causes_command_text_and_json() -> None:
    runner = CliRunner()
    en = runner.invoke(app, ["causes"])
    assert en.exit_code == 0
    assert "invalid_tracking: Invalid tracking IDs" in en.output
    assert "zero_width_paste" in en.output
    zh = runner.invoke(app, ["causes", "--lang", "zh"])
    assert "追踪" in zh.output and "根本原因" in zh.output
    data = json.loads(runner.invoke(app, ["causes", "--json"]).output)
    assert [c["id"] for c in data] == CAUSE_IDS
    assert data[0]["metric"]["target"] == 95.0
    assert data[0]["channel"] == "vtr"
    assert data[0]["root_causes"][0]["zh"]
    bad = runner.invoke(app, ["causes", "--lang", "fr"])
    assert bad.exit_code == 2
