"""The cause catalogue: causes, the metrics they concern, the three parts of a plan, and the
items a letter can use (spec section 4).

Data, not code: one file per cause in `data/causes/`, the metrics in `data/metrics.yaml`, the
parts in `data/parts.yaml`, each validated by a strict model with located errors, so adding a
cause is adding one file.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, cached_property
from typing import Literal, get_args

from pydantic import Field, model_validator

from appeal.core.datafile import DataModel, cached, validate_data_file
from appeal.core.targets import Target, usual_target
from appeal.errors import DataFileError
from appeal.packaged import data_path

PartName = Literal["root_causes", "corrective_actions", "preventive_measures"]
PARTS: tuple[PartName, ...] = get_args(PartName)
ChannelRule = Literal["vtr", "account"]


_Data = DataModel  # strict, frozen, validated only when the data files change


class Words(_Data):
    """The same words in English and Chinese."""

    en: str = Field(min_length=1)
    zh: str = Field(min_length=1)

    def of(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en


# The values a catalogue sentence may take from the case (see core/fitting.py; `processes`,
# what failed, only in the responsibility sentence: letter/context.py).
PLACEHOLDERS = ("threshold", "holidays", "owner", "processes")
_PLACEHOLDER = re.compile(r"\{(\w+)\}")
ShipsFrom = Literal["china", "domestic"]


def placeholders(text: str) -> list[str]:
    """The `{name}` placeholders in a catalogue sentence."""
    return _PLACEHOLDER.findall(text)


class Fitted(_Data):
    """A wording of an item fitted to the case: used when the case supplies every placeholder
    in it (`{threshold}`, `{holidays}`, `{owner}`) and ships from where `when` says."""

    en: str = Field(min_length=1)
    zh: str | None = None
    when: ShipsFrom | None = None

    @model_validator(mode="after")
    def _known_placeholders(self) -> Fitted:
        for text in (self.en, self.zh or ""):
            unknown = [p for p in placeholders(text) if p not in PLACEHOLDERS]
            if unknown:
                raise ValueError(f"unknown placeholder {{{unknown[0]}}} in '{text[:40]}...'")
        return self


class Item(_Data):
    """One catalogue sentence: English for the letter, Chinese label for the wizard, the proof
    that backs it, and wordings fitted to the case (tried first, in order)."""

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    en: str = Field(min_length=1)  # fits every case: no placeholders
    zh: str = Field(min_length=1)
    evidence: Words | None = None  # the proof a reviewer can check
    frequency: str | None = None
    family: Literal["unnoticed"] | None = None  # why nobody noticed in time
    ships_from: ShipsFrom | None = None  # only true for parcels shipped from there
    fitted: list[Fitted] = Field(default_factory=list)

    @model_validator(mode="after")
    def _plain_default(self) -> Item:
        if placeholders(self.en) or placeholders(self.zh):
            raise ValueError(
                f"{self.id}: en and zh fit every case and take no placeholders; put "
                "wordings with placeholders under fitted:"
            )
        return self


class MetricInfo(_Data):
    """An Account Health metric and Amazon's usual target for it."""

    id: str = ""
    en: str
    zh: str
    better: Literal["higher", "lower"]
    target: float
    window: str
    window_zh: str  # the usual window in Chinese, for the wizard's hint
    days: int = Field(ge=1)  # the (shortest) window Amazon measures it over
    likely_cause: str

    @property
    def usual(self) -> Target:
        """The target Amazon usually sets (its SP-API report may give another)."""
        return usual_target(self.better, self.target)

    def meets(self, value: float) -> bool:
        return self.usual.met_by(value)

    @property
    def target_text(self) -> str:
        return self.usual.text


class Part(_Data):
    """One of the three parts Amazon asks for, with its wording in letters, forms and replies."""

    id: PartName | None = None
    name: Words
    heading: str
    tracking_heading: str
    box: str
    reply_asks: str

    @cached_property
    def asked_for(self) -> re.Pattern[str]:
        """Matches Amazon's replies that ask for more on this part."""
        return re.compile(self.reply_asks, re.IGNORECASE)


class _CauseFile(_Data):
    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    order: int
    title: Words
    process: Words  # what failed, named in the responsibility sentence
    metrics: list[str] = Field(min_length=1)
    wording: Literal["plain", "tracking"] = "plain"
    channel: ChannelRule
    root_causes: list[Item] = Field(min_length=1)
    corrective_actions: list[Item] = Field(min_length=1)
    preventive_measures: list[Item] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique_items(self) -> _CauseFile:
        for part in PARTS:
            ids = [item.id for item in getattr(self, part)]
            twice = sorted({i for i in ids if ids.count(i) > 1})
            if twice:
                raise ValueError(f"{part}: the item id {twice[0]} is used twice")
        unproven = [i.id for i in self.corrective_actions if i.evidence is None]
        if unproven:
            raise ValueError(
                f"corrective_actions: {unproven[0]} names no evidence; every action says which "
                "proof backs it (evidence: {en: ..., zh: ...})"
            )
        return self


class _MetricsFile(_Data):
    metrics: dict[str, MetricInfo]


class _PartsFile(_Data):
    parts: dict[PartName, Part]


class _ResponsibilityFile(_Data):
    lines: list[Item] = Field(min_length=1)


@dataclass(frozen=True)
class Cause:
    """One cause of suspension with its metrics and its items per part of the plan."""

    id: str
    order: int
    title_en: str
    title_zh: str
    metrics: tuple[MetricInfo, ...]  # the first is the one the cause is judged by
    channel: ChannelRule
    tracking_wording: bool
    root_causes: tuple[Item, ...]
    corrective_actions: tuple[Item, ...]
    preventive_measures: tuple[Item, ...]
    process: Words | None = None  # "shipping confirmation": what failed, in a few words

    @property
    def metric(self) -> MetricInfo:
        return self.metrics[0]

    def items(self, part: PartName) -> tuple[Item, ...]:
        items: tuple[Item, ...] = getattr(self, part)
        return items

    def item(self, part: PartName, item_id: str) -> Item | None:
        return next((i for i in self.items(part) if i.id == item_id), None)

    def title(self, lang: str) -> str:
        return self.title_zh if lang == "zh" else self.title_en


@dataclass(frozen=True)
class Catalogue:
    causes: dict[str, Cause]  # in the catalogue's order
    metrics: dict[str, MetricInfo]
    parts: dict[PartName, Part]
    responsibility_lines: tuple[Item, ...] = ()  # "we take responsibility" sentences

    def cause(self, cause_id: str) -> Cause | None:
        return self.causes.get(cause_id)

    def responsibility(self, line_id: str) -> Item | None:
        return next((i for i in self.responsibility_lines if i.id == line_id), None)

    def causes_for(self, metric_id: str) -> list[Cause]:
        """The causes a metric concerns: those judged by it first, then those it also touches."""
        judged = [c for c in self.causes.values() if c.metric.id == metric_id]
        touched = [c for c in self.causes.values() if metric_id in [m.id for m in c.metrics[1:]]]
        return judged + touched

    def concerned_metrics(self, cause_ids: Iterable[str]) -> set[str]:
        """The metrics the causes `cause_ids` concern (any of each cause's metrics; an unknown
        id concerns none): the only figures a letter with these causes gives as reasons."""
        known = [self.causes[c] for c in cause_ids if c in self.causes]
        return {metric.id for cause in known for metric in cause.metrics}

    def part_name(self, part: PartName, lang: str = "en") -> str:
        return self.parts[part].name.of(lang)

    def box_titles(self) -> list[str]:
        """The boxes of Seller Central's appeal form, one per part, in Amazon's order."""
        return [self.parts[part].box for part in PARTS]


def _cause(raw: _CauseFile, metrics: dict[str, MetricInfo], where: str) -> Cause:
    unknown = [m for m in raw.metrics if m not in metrics]
    if unknown:
        raise DataFileError(
            [f"{where}: metrics: unknown metric '{unknown[0]}'; use one of {', '.join(metrics)}"]
        )
    return Cause(
        id=raw.id,
        order=raw.order,
        title_en=raw.title.en,
        title_zh=raw.title.zh,
        metrics=tuple(metrics[m] for m in raw.metrics),
        channel=raw.channel,
        tracking_wording=raw.wording == "tracking",
        root_causes=tuple(raw.root_causes),
        corrective_actions=tuple(raw.corrective_actions),
        preventive_measures=tuple(raw.preventive_measures),
        process=raw.process,
    )


@cache
def load_catalogue() -> Catalogue:
    """The catalogue shipped in the package, checked (kept between runs until its files or
    appeal change; cached within a run)."""
    files = [data_path(name) for name in ("metrics.yaml", "parts.yaml", "responsibility.yaml")]
    files += sorted(data_path("causes").glob("*.yaml"))
    return cached("catalogue", files, _build_catalogue)


def _build_catalogue() -> Catalogue:
    metrics_file = validate_data_file("metrics.yaml", _MetricsFile, wrap="metrics")
    metrics = {
        key: info.model_copy(update={"id": key}) for key, info in metrics_file.metrics.items()
    }
    parts = {
        key: part.model_copy(update={"id": key})
        for key, part in validate_data_file("parts.yaml", _PartsFile, wrap="parts").parts.items()
    }
    causes: list[Cause] = []
    for path in sorted(data_path("causes").glob("*.yaml")):
        raw = validate_data_file(f"causes/{path.name}", _CauseFile)
        if raw.id != path.stem:
            raise DataFileError([f"{path}:1: id: '{raw.id}' must match the file name"])
        causes.append(_cause(raw, metrics, f"{path}:1"))
    ids = {c.id for c in causes}
    for info in metrics.values():
        if info.likely_cause not in ids:
            raise DataFileError(
                [
                    f"{data_path('metrics.yaml')}: {info.id}.likely_cause: "
                    f"no cause '{info.likely_cause}'"
                ]
            )
    orders = [c.order for c in causes]
    if len(set(orders)) != len(orders):
        raise DataFileError([f"{data_path('causes')}: two causes share an order number"])
    ordered = {c.id: c for c in sorted(causes, key=lambda c: c.order)}
    lines = validate_data_file("responsibility.yaml", _ResponsibilityFile).lines
    return Catalogue(
        causes=ordered, metrics=metrics, parts=parts, responsibility_lines=tuple(lines)
    )
