"""Case-file text builders for tests."""

from __future__ import annotations

MINIMAL_CASE = """\
version: 1
seller:
  business_name: Test Trading Co.
  store_name: TestStore
  marketplace: amazon.com
  contact_name: Li Wei
  contact_email: ops@example.com
notice:
  date: 2026-11-20
  scope: all
causes:
  - cause: late_shipment
    facts: 18 of 300 orders between 1 and 30 October 2026 were confirmed late.
    root_causes:
      - use: weekend_not_set
    corrective_actions:
      - use: set_weekend_days
        date: 2026-11-21
    preventive_measures:
      - use: daily_lsr_check
        owner: Warehouse lead
        start: 2026-11-22
"""


# The column names of Amazon's shipping-confirmation upload file (domain.md 6a), in its order.
SHIPPING_COLUMNS = [
    "order-id",
    "order-item-id",
    "quantity",
    "ship-date",
    "carrier-code",
    "carrier-name",
    "tracking-number",
    "ship-method",
]
