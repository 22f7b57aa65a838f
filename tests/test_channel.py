"""Channel rules of domain.md section 4 and the deadline."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from appeal.core.casefile import parse_case
from appeal.core.catalogue import load_catalogue
from appeal.core.channel import decide_channel
from tests.helpers import MINIMAL_CASE


def _case(marketplace: str, scope: str, cause: str = "invalid_tracking", extra: str = "") -> str:
    text = MINIMAL_CASE.replace("amazon.com", marketplace)
    text = text.replace("cause: late_shipment", f"cause: {cause}")
    if cause == "invalid_tracking":
        text = text.replace("use: weekend_not_set", "use: zero_width_paste")
        text = text.replace("use: set_weekend_days", "use: reuploaded_tracking")
        text = text.replace("use: daily_lsr_check", "use: daily_vtr_check")
    if scope == "category":
        text = text.replace("scope: all", "scope: category\n  categories: [Toys & Games]")
    return text + extra


@pytest.mark.parametrize(
    ("marketplace", "scope", "kind", "address"),
    [
        ("amazon.com", "category", "email", "op-pso-vtr-appeals@amazon.com"),
        ("amazon.co.uk", "category", "email", "op-pso-vtr-appeals@amazon.co.uk"),
        ("amazon.de", "category", "seller_central", None),
        ("amazon.ca", "category", "seller_central", None),
        ("amazon.com", "all", "seller_central", None),
        ("amazon.co.uk", "all", "seller_central", None),
    ],
)
def test_auto_channel(marketplace: str, scope: str, kind: str, address: str | None) -> None:
    case = parse_case(_case(marketplace, scope), "case.yaml")
    channel = decide_channel(case, load_catalogue())
    assert channel.kind == kind
    assert channel.address == address
    assert channel.reason


def test_other_marketplace_category_explains_missing_address() -> None:
    case = parse_case(_case("amazon.de", "category"), "case.yaml")
    channel = decide_channel(case, load_catalogue())
    assert "no VTR appeals address" in channel.reason


def test_explicit_channel_wins() -> None:
    case = parse_case(_case("amazon.com", "all") + "channel: email\n", "case.yaml")
    assert decide_channel(case, load_catalogue()).kind == "email"
    case = parse_case(_case("amazon.com", "category") + "channel: seller_central\n", "case.yaml")
    assert decide_channel(case, load_catalogue()).kind == "seller_central"


def test_deadline_defaults_to_17_days_and_can_be_given() -> None:
    case = parse_case(_case("amazon.com", "all"), "case.yaml")
    channel = decide_channel(case, load_catalogue())
    assert channel.deadline == dt.date(2026, 12, 7)
    assert not channel.deadline_given
    assert channel.days_left(dt.date(2026, 12, 8)) == -1
    given = _case("amazon.com", "all").replace("scope: all", "scope: all\n  deadline: 2026-12-01")
    channel = decide_channel(parse_case(given, "case.yaml"), load_catalogue())
    assert channel.deadline == dt.date(2026, 12, 1) and channel.deadline_given


def test_seller_central_steps_name_the_form_file() -> None:
    case = parse_case(_case("amazon.com", "all"), "case.yaml")
    steps = decide_channel(case, load_catalogue()).steps("amazon.com", "case.form.txt")
    assert any("Reactivate your account" in s for s in steps)
    assert any("case.form.txt" in s for s in steps)


def test_category_vtr_removal_has_no_deadline_unless_given() -> None:
    case = parse_case(_case("amazon.com", "category"), "case.yaml")
    channel = decide_channel(case, load_catalogue())
    assert channel.deadline is None and channel.days_left(dt.date(2026, 12, 30)) is None
    given = _case("amazon.com", "category").replace(
        "categories: [Toys & Games]", "categories: [Toys & Games]\n  deadline: 2026-12-01"
    )
    channel = decide_channel(parse_case(given, "case.yaml"), load_catalogue())
    assert channel.deadline == dt.date(2026, 12, 1) and channel.deadline_given


def test_vtr_steps_mention_the_account_health_appeal_button() -> None:
    case = parse_case(_case("amazon.com", "category"), "case.yaml")
    steps = decide_channel(case, load_catalogue()).steps("amazon.com", "case.form.txt")
    assert any("'Appeal' button" in s and "Account Health" in s for s in steps)
    account = parse_case(_case("amazon.com", "all") + "channel: email\n", "case.yaml")
    steps = decide_channel(account, load_catalogue()).steps("amazon.com", "case.form.txt")
    assert not any("'Appeal' button" in s for s in steps)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_category_removal_without_address_goes_to_the_category_appeal(lang: str) -> None:
    """A category-level removal on amazon.de: the account is active, so the steps lead to the
    blocked category's own 'Appeal' in Account Health, never to 'Reactivate your account'."""
    case = parse_case(_case("amazon.de", "category"), "case.yaml")
    channel = decide_channel(case, load_catalogue())
    steps = channel.steps("amazon.de", "case.form.txt", lang)
    text = " ".join(steps) + channel.label(lang)
    assert "Choose 'Reactivate your account'" not in text and "点击“恢复您的账户”" not in text
    assert "Account Health" in text and "Appeal" in text
    assert "Toys & Games" in text and "case.form.txt" in text
    assert ("有效追踪率" if lang == "zh" else "Valid Tracking Rate") in text
    account = parse_case(_case("amazon.de", "all"), "case.yaml")
    steps = decide_channel(account, load_catalogue()).steps("amazon.de", "case.form.txt", lang)
    assert any(("恢复您的账户" if lang == "zh" else "Reactivate your account") in s for s in steps)


def test_no_deadline_in_every_view(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from appeal.cli import app

    path = tmp_path / "case.yaml"
    path.write_text(
        _case("amazon.com", "category").replace(
            "  contact_name:", "  merchant_token: A2TOKEN\n  contact_name:"
        ),
        encoding="utf-8",
    )
    runner = CliRunner()
    for args in (["check", str(path)], ["render", str(path), "-f", "txt"], ["history", str(path)]):
        result = runner.invoke(app, args, env={"APPEAL_TODAY": "2027-03-01"})
        assert result.exit_code == 0, (args, result.output)
        assert "no deadline stated by Amazon for this removal; send promptly" in result.output
        assert "[deadline]" not in result.output  # no "past" warning months later
    second = tmp_path / "second.yaml"
    second.write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    batch = runner.invoke(app, ["render", str(path), str(second), "-f", "txt", "--force"])
    assert "no deadline stated, 1 file(s) written" in batch.output
