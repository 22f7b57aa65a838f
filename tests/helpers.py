"""Case-file text builders for tests."""

from __future__ import annotations

import re

from appeal.letter.phrases import PhraseRule, folded

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


def every_cue(rule: PhraseRule) -> str:
    """A folded text holding every cue of `rule`: its expression then has every alternative."""
    cues = [folded(p) for p in rule.phrases] + [w for p in rule.patterns for w in p.words]
    return "\n".join(cues)


def whole_expression(rule: PhraseRule) -> re.Pattern[str]:
    """A phrase family's expression with all its phrases and patterns (none left out)."""
    expression = rule.expression(every_cue(rule))
    assert expression is not None
    return expression
