"""The cause catalogue: causes, their metric, and the items a letter can use (spec section 4)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any, Literal

import yaml

from appeal.packaged import data_path, data_text

PartName = Literal["root_causes", "corrective_actions", "preventive_measures"]
PARTS: tuple[PartName, ...] = ("root_causes", "corrective_actions", "preventive_measures")

_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class Item:
    """One catalogue sentence: English for the letter, Chinese label for the wizard."""

    id: str
    en: str
    zh: str
    evidence: str | None = None
    frequency: str | None = None


@dataclass(frozen=True)
class MetricInfo:
    """An Account Health metric and Amazon's target for it."""

    id: str
    en: str
    zh: str
    better: Literal["higher", "lower"]
    target: float
    window: str

    def meets(self, value: float) -> bool:
        return value >= self.target if self.better == "higher" else value < self.target

    @property
    def target_text(self) -> str:
        sign = "≥" if self.better == "higher" else "<"
        return f"{sign} {self.target:g} %"


@dataclass(frozen=True)
class Cause:
    """One cause of suspension with its items per part of the Plan of Action."""

    id: str
    order: int
    title_en: str
    title_zh: str
    metric: MetricInfo
    channel: Literal["vtr", "account"]
    tracking_wording: bool
    root_causes: tuple[Item, ...]
    corrective_actions: tuple[Item, ...]
    preventive_measures: tuple[Item, ...]

    def items(self, part: PartName) -> tuple[Item, ...]:
        items: tuple[Item, ...] = getattr(self, part)
        return items

    def item(self, part: PartName, item_id: str) -> Item | None:
        return next((i for i in self.items(part) if i.id == item_id), None)

    def title(self, lang: str) -> str:
        return self.title_zh if lang == "zh" else self.title_en


@dataclass(frozen=True)
class Catalogue:
    causes: dict[str, Cause]
    metrics: dict[str, MetricInfo]

    def cause(self, cause_id: str) -> Cause | None:
        return self.causes.get(cause_id)


def _items(raw: list[dict[str, Any]]) -> tuple[Item, ...]:
    return tuple(
        Item(
            id=r["id"],
            en=r["en"],
            zh=r["zh"],
            evidence=r.get("evidence"),
            frequency=r.get("frequency"),
        )
        for r in raw
    )


@cache
def load_catalogue() -> Catalogue:
    """Load the catalogue shipped in the package (cached: it never changes during a run)."""
    metrics = {
        key: MetricInfo(
            id=key,
            en=v["en"],
            zh=v["zh"],
            better=v["better"],
            target=float(v["target"]),
            window=v["window"],
        )
        for key, v in yaml.load(data_text("metrics.yaml"), Loader=_Loader).items()
    }
    causes: dict[str, Cause] = {}
    folder = data_path("causes")
    for entry in folder.iterdir():
        if not entry.name.endswith(".yaml"):
            continue
        raw = yaml.load(entry.read_text(encoding="utf-8"), Loader=_Loader)
        causes[raw["id"]] = Cause(
            id=raw["id"],
            order=int(raw["order"]),
            title_en=raw["title"]["en"],
            title_zh=raw["title"]["zh"],
            metric=metrics[raw["metric"]],
            channel=raw["channel"],
            tracking_wording=raw.get("parts") == "tracking",
            root_causes=_items(raw["root_causes"]),
            corrective_actions=_items(raw["corrective_actions"]),
            preventive_measures=_items(raw["preventive_measures"]),
        )
    ordered = dict(sorted(causes.items(), key=lambda kv: kv[1].order))
    return Catalogue(causes=ordered, metrics=metrics)
