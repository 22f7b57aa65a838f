"""Notices written for the tests from the patterns in domain.md 6a (our own words, not copies of
Amazon's), each with what a careful reader takes from it.

Fields: kind (removal, warning, reply, correction), outcome (replies), date (only a date the text
labels as its own; None when the paste carries none), scope, categories, value (the seller's
figure per metric), target (Amazon's threshold per metric), window (days of "in the past N days"),
deadline_days ("within N days"), causes (the likely causes, in order).

DEV notices were written first and the reader was built against them; HELD_OUT notices were
written afterwards and first read by the finished reader (their first accuracy is reported).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

D = dt.date
Expect = dict[str, Any]

DEV: list[tuple[str, Expect]] = [
    (
        """Hello,

We have removed your ability to fulfil orders yourself (merchant-fulfilled offers) in the
following categories:
- Toys & Games
- Baby Products

Your Valid Tracking Rate for the period October 6, 2026 to November 4, 2026 is 91.2%, below our
target of 95%.

To reactivate, send a plan of action to op-pso-vtr-appeals@amazon.com.""",
        {
            "kind": "removal",
            "date": None,
            "scope": "category",
            "categories": ["Toys & Games", "Baby Products"],
            "value": {"valid_tracking_rate": 91.2},
            "target": {"valid_tracking_rate": 95.0},
            "deadline_days": None,
            "causes": ["invalid_tracking"],
        },
    ),
    (
        """Dear Seller,

Your Late Shipment Rate is higher than the goal of less than 4%. As a result, your selling
account has been deactivated.

To have your account reactivated, submit a plan of action within 17 days.""",
        {
            "kind": "removal",
            "scope": "all",
            "value": {},
            "target": {"late_shipment_rate": 4.0},
            "deadline_days": 17,
            "causes": ["late_shipment"],
        },
    ),
    (
        """Hello from Amazon Seller Performance,

You currently may not sell merchant-fulfilled products in the Toys & Games category because
you have not been providing valid tracking numbers. Your valid tracking rate in the past 30 days
is 88.4%. Amazon requires a valid tracking rate above 95%.""",
        {
            "kind": "removal",
            "scope": "category",
            "categories": ["Toys & Games"],
            "value": {"valid_tracking_rate": 88.4},
            "target": {"valid_tracking_rate": 95.0},
            "window": {"valid_tracking_rate": 30},
            "causes": ["invalid_tracking"],
        },
    ),
    (
        """We have deactivated your seller-fulfilled offers in the Clothing, Shoes & Jewelry
category. The valid tracking rate of your packages is below the 95% requirement.""",
        {
            "kind": "removal",
            "scope": "category",
            "categories": ["Clothing, Shoes & Jewelry"],
            "value": {},
            "target": {"valid_tracking_rate": 95.0},
            "causes": ["invalid_tracking"],
        },
    ),
    (
        """Your merchant-fulfilled selling privileges have been removed in these categories:
Toys & Games, Clothing, Shoes & Jewelry, Home & Kitchen

Reason: not providing valid tracking numbers for your self-fulfilled orders.""",
        {
            "kind": "removal",
            "scope": "category",
            "categories": ["Toys & Games", "Clothing, Shoes & Jewelry", "Home & Kitchen"],
            "causes": ["invalid_tracking"],
        },
    ),
    (
        """Your account is at risk of deactivation.

Your pre-fulfillment cancel rate is 3.1%, which is above the 2.5% target. If this continues,
we may remove your selling privileges.""",
        {
            "kind": "warning",
            "scope": None,
            "value": {"cancellation_rate": 3.1},
            "target": {"cancellation_rate": 2.5},
            "causes": ["cancellations"],
        },
    ),
    (
        """Thank you for your plan of action. We reviewed your appeal, but it does not provide
greater detail on the root cause of the issue and the steps you have taken to prevent it.
Please resubmit within 17 days of the original notice.""",
        {
            "kind": "reply",
            "outcome": "more_info",
            "scope": None,
            "deadline_days": 17,
        },
    ),
    (
        """Hello,

We reviewed your plan of action. Your merchant-fulfilled selling privileges have been
reinstated in the Toys & Games category. Thank you for your cooperation.""",
        {"kind": "reply", "outcome": "accepted", "scope": None},
    ),
    (
        """Thank you for your appeal. Unfortunately this is not a valid plan of action: it does
not explain how you will provide valid tracking numbers for your orders.""",
        {"kind": "reply", "outcome": "rejected", "causes": ["invalid_tracking"]},
    ),
    (
        """您好，

由于您的有效追踪率为 91.2%，低于 95% 的目标，我们已移除您在以下品类的自配送权限：
Toys & Games

请在 17 天内提交行动计划。""",
        {
            "kind": "removal",
            "scope": "category",
            "categories": ["Toys & Games"],
            "value": {"valid_tracking_rate": 91.2},
            "target": {"valid_tracking_rate": 95.0},
            "deadline_days": 17,
            "causes": ["invalid_tracking"],
        },
    ),
    (
        """您的卖家账户已被停用。

您的订单缺陷率为 1.8%，高于 1% 的要求。请在 17 天内提交行动计划以恢复您的账户。""",
        {
            "kind": "removal",
            "scope": "all",
            "value": {"order_defect_rate": 1.8},
            "target": {"order_defect_rate": 1.0},
            "deadline_days": 17,
            "causes": ["feedback_claims"],
        },
    ),
    (
        """尊敬的卖家：

由于您的迟发率超过了 4% 的目标，您的卖家自配送商品将被停售。""",
        {
            "kind": "removal",
            "scope": "all",
            "value": {},
            "target": {"late_shipment_rate": 4.0},
            "causes": ["late_shipment"],
        },
    ),
    (
        """Date: 20 October 2026
Reference: PN-2026-10-20-0457

Your Amazon selling account has been deactivated. Your Late Shipment Rate is 9.3%, which does
not meet the target of less than 4%. Please submit a plan of action within 17 days through
Seller Central.""",
        {
            "kind": "removal",
            "date": D(2026, 10, 20),
            "scope": "all",
            "value": {"late_shipment_rate": 9.3},
            "target": {"late_shipment_rate": 4.0},
            "deadline_days": 17,
            "causes": ["late_shipment"],
        },
    ),
    (
        """We have removed your selling privileges for 1 day(s) because your rate of order
cancellations in the last 7 days was 6.8%. Amazon's policy requires a cancellation rate under
2.5%.""",
        {
            "kind": "removal",
            "scope": "all",
            "value": {"cancellation_rate": 6.8},
            "target": {"cancellation_rate": 2.5},
            "window": {"cancellation_rate": 7},
            "causes": ["cancellations"],
        },
    ),
    (
        """Your account is temporarily unable to sell merchant-fulfilled items. The defect rate
of your orders over the past 60 days is 2.3%, higher than our 1% standard.""",
        {
            "kind": "removal",
            "scope": "all",
            "value": {"order_defect_rate": 2.3},
            "target": {"order_defect_rate": 1.0},
            "window": {"order_defect_rate": 60},
            "causes": ["feedback_claims"],
        },
    ),
    (
        """Correction: the notice we sent on 12 November 2026 named the wrong category. Your
merchant-fulfilled offers are removed in the Home & Kitchen category only, not in Toys & Games.
Please disregard the earlier message.""",
        {
            "kind": "correction",
            "scope": "category",
            "categories": ["Home & Kitchen"],
        },
    ),
    (
        """We have received a large number of non-receipt and late-receipt complaints from your
customers. You may no longer sell products that you ship yourself. Your on-time delivery rate
is 81%, and the minimum we require is 90%.""",
        {
            "kind": "removal",
            "scope": "all",
            "value": {"on_time_delivery_rate": 81.0},
            "target": {"on_time_delivery_rate": 90.0},
            "causes": ["late_delivery"],
        },
    ),
    (
        """Hi,

My notes: called the carrier on 2026-11-25, they said the scans were missing.

---
We have removed your merchant fulfilment privileges in the Sports & Outdoors category because
of not providing valid tracking numbers. Valid Tracking Rate: 92.5% (target 95%).""",
        {
            "kind": "removal",
            "date": None,
            "scope": "category",
            "categories": ["Sports & Outdoors"],
            "value": {"valid_tracking_rate": 92.5},
            "target": {"valid_tracking_rate": 95.0},
            "causes": ["invalid_tracking"],
        },
    ),
    (
        """Your account has been deactivated on 11/05/2026 because your Order Defect Rate is
1.9%. Amazon's target is under 1%. Send your plan of action within 17 days.""",
        {
            "kind": "removal",
            "date": None,
            "ambiguous": ("11/05/2026", D(2026, 11, 5), D(2026, 5, 11)),
            "scope": "all",
            "value": {"order_defect_rate": 1.9},
            "target": {"order_defect_rate": 1.0},
            "deadline_days": 17,
            "causes": ["feedback_claims"],
        },
    ),
    (
        """Our records show your Late Dispatch Rate was 7.5% in the 30-day period. The target is
4%. This may lead to the deactivation of your account if it does not improve.""",
        {
            "kind": "warning",
            "scope": None,
            "value": {"late_shipment_rate": 7.5},
            "target": {"late_shipment_rate": 4.0},
            "window": {"late_shipment_rate": 30},
            "causes": ["late_shipment"],
        },
    ),
    (
        """Your merchant-fulfilled listings in the Arts, Crafts & Sewing and Toys & Games
categories have been deactivated because your VTR is 90.1%.""",
        {
            "kind": "removal",
            "scope": "category",
            "categories": ["Arts, Crafts & Sewing", "Toys & Games"],
            "value": {"valid_tracking_rate": 90.1},
            "target": {},
            "causes": ["invalid_tracking"],
        },
    ),
    (
        """Thank you for submitting your plan of action. We need more information before we can
reactivate your account: please explain the root cause of the late shipments and attach
evidence of the actions taken.""",
        {"kind": "reply", "outcome": "more_info", "causes": ["late_shipment"]},
    ),
    (
        """您的申诉未通过。您提交的行动计划没有说明如何提供有效追踪编码。""",
        {"kind": "reply", "outcome": "rejected", "causes": ["invalid_tracking"]},
    ),
    (
        """通知日期：2026年11月20日

我们已移除您在“Toys & Games”品类中的自配送权限，原因是有效追踪率低于 95%。""",
        {
            "kind": "removal",
            "date": D(2026, 11, 20),
            "scope": "category",
            "categories": ["Toys & Games"],
            "value": {},
            "target": {"valid_tracking_rate": 95.0},
            "causes": ["invalid_tracking"],
        },
    ),
    (
        """Your cancellation rate of 6.8% is above the 2.5% target (2026-11-16 to 2026-11-22),
so your seller-fulfilled offers have been deactivated.
Notice date: 2026-11-24""",
        {
            "kind": "removal",
            "date": D(2026, 11, 24),
            "scope": "all",
            "value": {"cancellation_rate": 6.8},
            "target": {"cancellation_rate": 2.5},
            "causes": ["cancellations"],
        },
    ),
    # Written after the reader read "items in Toys & Games" as a full removal (tester2 F2.18).
    (
        """Your Valid Tracking Rate is 89.10%, below the 95% requirement. We have removed your
ability to sell seller-fulfilled items in Toys & Games.""",
        {
            "kind": "removal",
            "scope": "category",
            "categories": ["Toys & Games"],
            "value": {"valid_tracking_rate": 89.1},
            "target": {"valid_tracking_rate": 95.0},
            "causes": ["invalid_tracking"],
        },
    ),
    (
        """Hello from Amazon,

Because fewer than 95% of your seller-fulfilled packages in the past 30 days had valid
tracking numbers, you may no longer sell merchant-fulfilled items in Clothing, Shoes &
Jewelry and Toys & Games. Your other categories are not affected.""",
        {
            "kind": "removal",
            "scope": "category",
            "categories": ["Clothing, Shoes & Jewelry", "Toys & Games"],
            "target": {"valid_tracking_rate": 95.0},
            "window": {"valid_tracking_rate": 30},
            "causes": ["invalid_tracking"],
        },
    ),
    (
        """Dear Seller, your VTR is 91.4% (target: 95%). We have temporarily blocked
merchant-fulfilled offers in Home & Kitchen only; send your plan of action to
op-pso-vtr-appeals@amazon.com.""",
        {
            "kind": "removal",
            "scope": "category",
            "categories": ["Home & Kitchen"],
            "value": {"valid_tracking_rate": 91.4},
            "target": {"valid_tracking_rate": 95.0},
            "causes": ["invalid_tracking"],
        },
    ),
    # A quoted Chinese name joined by 和 is one category (tester2 F2.19).
    (
        """您好，由于您的有效追踪率为 89.1%，低于 95% 的要求，
您在“玩具和游戏”分类中的卖家自配送商品将被停售。""",
        {
            "kind": "removal",
            "scope": "category",
            "categories": ["玩具和游戏"],
            "value": {"valid_tracking_rate": 89.1},
            "target": {"valid_tracking_rate": 95.0},
            "causes": ["invalid_tracking"],
        },
    ),
]

HELD_OUT: list[tuple[str, Expect]] = [
    (
        """Hello,

Amazon has suspended your ability to sell merchant-fulfilled products in the Patio, Lawn &
Garden category. Over the last 30 days, 14% of your packages had no valid tracking. Your Valid
Tracking Rate is 86% and must be at least 95%.

Send a plan of action within 14 days.""",
        {
            "kind": "removal",
            "scope": "category",
            "categories": ["Patio, Lawn & Garden"],
            "value": {"valid_tracking_rate": 86.0},
            "target": {"valid_tracking_rate": 95.0},
            "window": {"valid_tracking_rate": 30},
            "deadline_days": 14,
            "causes": ["invalid_tracking"],
        },
    ),
    (
        """Your ODR is currently 1.4%. Amazon's policy is an ODR below 1%. Sellers above the
target are at risk of deactivation.""",
        {
            "kind": "warning",
            "scope": None,
            "value": {"order_defect_rate": 1.4},
            "target": {"order_defect_rate": 1.0},
            "causes": ["feedback_claims"],
        },
    ),
    (
        """Sent on November 3, 2026

We have deactivated your selling account. Your late shipment rate over the past 10 days is
11.2%; the target is under 4%.""",
        {
            "kind": "removal",
            "date": D(2026, 11, 3),
            "scope": "all",
            "value": {"late_shipment_rate": 11.2},
            "target": {"late_shipment_rate": 4.0},
            "window": {"late_shipment_rate": 10},
            "causes": ["late_shipment"],
        },
    ),
    (
        """Thank you for your appeal. We have reviewed your plan of action and your account has
been reactivated.""",
        {"kind": "reply", "outcome": "accepted", "scope": None},
    ),
    (
        """您好！我们注意到您的配送前取消率为 4.2%，高于 2.5% 的目标。
如果这种情况持续，您的账户可能会被停用。""",
        {
            "kind": "warning",
            "scope": None,
            "value": {"cancellation_rate": 4.2},
            "target": {"cancellation_rate": 2.5},
            "causes": ["cancellations"],
        },
    ),
    (
        """Your merchant-fulfilled offers in the following categories have been removed:
Beauty & Personal Care; Health, Household & Baby Care

You are not providing valid tracking numbers (valid tracking rate 89.7%, target 95%).""",
        {
            "kind": "removal",
            "scope": "category",
            "categories": ["Beauty & Personal Care", "Health, Household & Baby Care"],
            "value": {"valid_tracking_rate": 89.7},
            "target": {"valid_tracking_rate": 95.0},
            "causes": ["invalid_tracking"],
        },
    ),
    (
        """We have reviewed your plan of action, but it is not accepted. It does not explain the
root cause of your late shipments.""",
        {"kind": "reply", "outcome": "rejected", "causes": ["late_shipment"]},
    ),
    (
        """Dear seller, we have restricted merchant-fulfilled selling in the Electronics category
for your account. Several tracking numbers you uploaded were invalid.""",
        {
            "kind": "removal",
            "scope": "category",
            "categories": ["Electronics"],
            "causes": ["invalid_tracking"],
        },
    ),
    (
        """This is a correction to our message of 2026-11-10: the deadline to appeal is within 30
days, not 17 days. Your account remains deactivated.""",
        {"kind": "correction", "scope": "all", "deadline_days": 30},
    ),
    (
        """您的账户已被停用，因为您的迟发率为 6.3%（目标：低于 4%）。""",
        {
            "kind": "removal",
            "scope": "all",
            "value": {"late_shipment_rate": 6.3},
            "target": {"late_shipment_rate": 4.0},
            "causes": ["late_shipment"],
        },
    ),
]
