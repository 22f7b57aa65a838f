"""Reading Amazon's notice: notices written from domain.md's facts, and garbage."""

from __future__ import annotations

import datetime as dt

from appeal.wizard.notice import read_notice

VTR_NOTICE = """Hello,

We have removed your ability to fulfil orders yourself (merchant-fulfilled offers) in the
following categories:
- Toys & Games
- Baby Products

Your Valid Tracking Rate for the period October 6, 2026 to November 4, 2026 is 91.2%, below our
target of 95%. This notification was sent on November 20, 2026.

To reactivate, send a plan of action to op-pso-vtr-appeals@amazon.com within 17 days.
"""

LSR_NOTICE = """Your Amazon selling account has been deactivated.

Your Late Shipment Rate is 9.3%, which does not meet the target of less than 4%.
Date: 20 October 2026. Reference: PN-2026-10-20-0457

Please submit a plan of action within 17 days through Seller Central.
"""

CANCEL_NOTICE = """Dear Seller, your seller-fulfilled offers have been deactivated because your
cancellation rate of 6.8% is above the 2.5% target (2026-11-16 to 2026-11-22).
Notice date: 2026-11-24
"""

ODR_NOTICE = """Your account has been deactivated on 11/05/2026 because your Order Defect Rate
is 1.9%. Amazon's target is under 1%. Send your plan of action within 17 days."""

ZH_NOTICE = """您好，由于您的有效追踪率为 91.2%，低于 95% 的目标，
我们已移除您在以下品类的自配送权限：
Toys & Games

通知日期：2026年11月20日。请在 17 天内提交行动计划。
"""


def test_vtr_notice() -> None:
    facts = read_notice(VTR_NOTICE)
    assert facts.date == dt.date(2026, 11, 20)
    assert facts.scope == "category"
    assert facts.categories == ["Toys & Games", "Baby Products"]
    assert facts.metrics == {"valid_tracking_rate": 91.2}
    assert facts.targets == {"valid_tracking_rate": 95.0}
    assert facts.deadline_days == 17 and facts.deadline == dt.date(2026, 12, 7)
    assert facts.causes == ["invalid_tracking"]


def test_lsr_notice() -> None:
    facts = read_notice(LSR_NOTICE)
    assert facts.date == dt.date(2026, 10, 20)
    assert facts.scope == "all"
    assert facts.metrics == {"late_shipment_rate": 9.3}
    assert facts.targets == {"late_shipment_rate": 4.0}
    assert facts.causes == ["late_shipment"]
    assert facts.reference == "PN-2026-10-20-0457"
    assert facts.deadline == dt.date(2026, 11, 6)


def test_cancellation_notice() -> None:
    facts = read_notice(CANCEL_NOTICE)
    assert facts.scope == "all"
    assert facts.metrics == {"cancellation_rate": 6.8}
    assert facts.causes == ["cancellations"]
    assert facts.date == dt.date(2026, 11, 24)  # the latest date: the notice's own


def test_odr_notice_with_ambiguous_date_is_not_guessed() -> None:
    facts = read_notice(ODR_NOTICE)
    assert facts.date is None
    assert facts.ambiguous_dates == [("11/05/2026", dt.date(2026, 11, 5), dt.date(2026, 5, 11))]
    assert facts.metrics == {"order_defect_rate": 1.9}
    assert facts.causes == ["feedback_claims"]
    assert facts.deadline is None and facts.deadline_days == 17


def test_unambiguous_numeric_date() -> None:
    facts = read_notice("Your account was deactivated on 25/11/2026.")
    assert facts.date == dt.date(2026, 11, 25) and not facts.ambiguous_dates


def test_chinese_notice() -> None:
    facts = read_notice(ZH_NOTICE)
    assert facts.date == dt.date(2026, 11, 20)
    assert facts.metrics == {"valid_tracking_rate": 91.2}
    assert facts.deadline_days == 17


def test_garbage() -> None:
    for text in (
        "",
        "hello world",
        "\x00\x01 ### 99/99/2026 %%%",
        "a" * 10000,
        "Late Shipment Rate",
    ):
        facts = read_notice(text)
        assert facts.date is None and facts.metrics == {}
    assert not read_notice("hello").found_anything
