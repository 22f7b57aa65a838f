"""The catalogue covers domain.md section 3 with enough items, in both languages."""

from __future__ import annotations

import json
import re

from typer.testing import CliRunner

from appeal.cli import app
from appeal.core.catalogue import PARTS, load_catalogue

# The causes of domain.md section 3, in the catalogue's order. More may be added (one data file
# and an example each): they must not displace these.
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


def _domain_causes(ids: list[str]) -> list[str]:
    return [i for i in ids if i in CAUSE_IDS]


def test_the_eight_causes_in_order() -> None:
    assert _domain_causes(list(load_catalogue().causes)) == CAUSE_IDS


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
    assert [c["id"] for c in data] == list(load_catalogue().causes)
    assert _domain_causes([c["id"] for c in data]) == CAUSE_IDS
    assert data[0]["metric"]["target"] == 95.0
    assert data[0]["channel"] == "vtr"
    assert data[0]["root_causes"][0]["zh"]
    bad = runner.invoke(app, ["causes", "--lang", "fr"])
    assert bad.exit_code == 2


CURRENCY_WORDS = re.compile(r"\b(USD|GBP|EUR|CAD|JPY|AUD|MXN|INR)\b|[$£€¥]|美元|英镑|欧元")


def test_every_item_renders_for_every_marketplace_without_foreign_money_or_holes() -> None:
    from appeal.core.fitting import Fitting, fit
    from appeal.core.marketplaces import marketplaces
    from appeal.letter.phrases import Text, text_findings

    catalogue = load_catalogue()
    fitted_seen = 0
    for market in marketplaces().values():
        for ships_from in (None, "china", "domestic"):
            for holidays in (None, "National Day (1 to 7 October)"):
                fitting = Fitting(market.currency, ships_from, holidays)
                for cause in catalogue.causes.values():
                    for part in PARTS:
                        for item in cause.items(part):
                            for owner in (None, "warehouse lead Zhang Min"):
                                sentence = fit(item, fitting, owner)
                                fitted_seen += sentence.en != item.en
                                for text in (sentence.en, sentence.zh):
                                    assert "{" not in text and "}" not in text, (item.id, text)
                                    money = {m.group(0) for m in CURRENCY_WORDS.finditer(text)}
                                    assert money <= {market.currency}, (market.domain, item.id)
                                assert sentence.en[0].isupper() and sentence.en.endswith(".")
                                where = f"{market.domain} {cause.id}.{item.id}"
                                found = text_findings([Text(where, sentence.en)], market.domain)
                                assert found == [], found
    assert fitted_seen > 0


def test_uk_and_us_get_their_own_threshold() -> None:
    from appeal.core.fitting import Fitting, fit

    item = (
        load_catalogue()
        .causes["untrackable_shipments"]
        .item("root_causes", "china_direct_one_scan")
    )
    assert item is not None
    assert "5\u00a0GBP or more" in fit(item, Fitting("GBP", "china")).en
    assert "5\u00a0USD or more" in fit(item, Fitting("USD", "china")).en
    assert "5\u00a0GBP" in fit(item, Fitting("GBP", "china")).zh


def test_every_action_names_its_evidence_and_no_item_says_a_named_person() -> None:
    catalogue = load_catalogue()
    for cause in catalogue.causes.values():
        for item in cause.corrective_actions:
            assert item.evidence is not None, (cause.id, item.id)
        for part in PARTS:
            for item in cause.items(part):
                if item.evidence is not None:  # the wizard and reading copy show it in Chinese
                    assert HAN.search(item.evidence.zh), (cause.id, item.id)
                    assert not HAN.search(item.evidence.en), (cause.id, item.id)
                texts = [item.en] + [f.en for f in item.fitted]
                assert not any("named person" in t.lower() for t in texts), item.id
        unnoticed = [i for i in cause.root_causes if i.family == "unnoticed"]
        assert unnoticed, f"{cause.id} has no 'why it went unnoticed' root cause"


def test_reused_tracking_ids_have_items() -> None:
    cause = load_catalogue().causes["invalid_tracking"]
    assert cause.item("root_causes", "reused_tracking_id") is not None
    assert cause.item("corrective_actions", "replaced_reused_ids") is not None
    assert cause.item("preventive_measures", "duplicate_id_block") is not None


def test_a_catalogue_action_without_evidence_is_refused(tmp_path: object) -> None:
    import pytest
    from pydantic import ValidationError

    from appeal.core.catalogue import _CauseFile

    raw = {
        "id": "x",
        "order": 99,
        "title": {"en": "X", "zh": "某"},
        "process": {"en": "x-ing", "zh": "某流程"},
        "metrics": ["valid_tracking_rate"],
        "channel": "vtr",
        "root_causes": [{"id": "a", "en": "A.", "zh": "甲"}],
        "corrective_actions": [{"id": "b", "en": "B.", "zh": "乙"}],
        "preventive_measures": [{"id": "c", "en": "C.", "zh": "丙"}],
    }
    with pytest.raises(ValidationError, match="names no evidence"):
        _CauseFile.model_validate(raw)
    proof = {"id": "b", "en": "B.", "zh": "乙", "evidence": {"en": "the report"}}
    raw["corrective_actions"] = [proof]
    with pytest.raises(ValidationError, match=r"corrective_actions\.0\.evidence\.zh"):
        _CauseFile.model_validate(raw)  # evidence in English only: the Chinese is required
    raw["corrective_actions"] = [{**proof, "evidence": {"en": "the report", "zh": "报告"}}]
    _CauseFile.model_validate(raw)
    raw["root_causes"] = [{"id": "a", "en": "A {owner}.", "zh": "甲"}]
    with pytest.raises(ValidationError, match="no placeholders"):
        _CauseFile.model_validate(raw)
