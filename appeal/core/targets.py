"""A metric's target: a value in percent and the condition a rate must meet.

Amazon's SP-API report gives its own target per account and marketplace (`targetValue` and
`targetCondition`: GREATER_THAN, LESS_THAN, EQUALS); without one, the catalogue's usual target
applies (`data/metrics.yaml`: at least the target for rates where higher is better, less than
the target where lower is better).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, get_args

Condition = Literal["greater_than", "at_least", "less_than", "equals"]
CONDITIONS: tuple[str, ...] = get_args(Condition)
_SIGNS = {"greater_than": ">", "at_least": "≥", "less_than": "<", "equals": "="}


@dataclass(frozen=True)
class Target:
    """`value` in percent (95.0), and how a rate must compare with it."""

    value: float
    condition: Condition

    def met_by(self, rate: float) -> bool:
        if self.condition == "greater_than":
            return rate > self.value
        if self.condition == "at_least":
            return rate >= self.value
        if self.condition == "less_than":
            return rate < self.value
        return rate == self.value

    @property
    def text(self) -> str:
        """> 95 %, < 1 %, = 0 %."""
        return f"{_SIGNS[self.condition]} {self.value:g} %"


def usual_target(better: Literal["higher", "lower"], value: float) -> Target:
    """The catalogue's target for a metric where `better` is the good direction."""
    return Target(value, "at_least" if better == "higher" else "less_than")
