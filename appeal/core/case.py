"""The case model: everything one appeal needs, as written in the case file (spec section 3).

The case file's YAML gives every value as text (`appeal.yamlio`); the fields here give them their
types, so `store_name: On` is the text "On" and `value: 91.2` the number 91.2.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, model_validator

from appeal.core.fields import LIST_LIMIT, BesideCase, EmailAddress, Line, Reply, Text
from appeal.core.targets import Condition, Target
from appeal.core.terms import Lang, Outcome, SubmissionChannel
from appeal.dates import parse_date

# A date as sellers type it (2026-11-20, 2026/11/20, 2026年11月20日), between 2000 and 2099.
Day = Annotated[dt.date, BeforeValidator(parse_date)]


def _known_marketplace(domain: str) -> str:
    from appeal.core.marketplaces import marketplaces
    from appeal.core.validation import did_you_mean, quoted

    known = marketplaces()
    if domain not in known:
        hint = did_you_mean(domain, list(known)) or "; write the site's domain, e.g. amazon.com"
        raise ValueError(f"'{quoted(domain)}' is not a marketplace appeal knows{hint}")
    return domain


MarketplaceDomain = Annotated[str, AfterValidator(_known_marketplace)]


# Rates where Amazon's target is far above 1 % (higher is better): a value of 1 or less there is
# Amazon's fraction (its reports write 0.912 for 91.2 %), not a rate in percent.
HIGH_RATES = frozenset(
    {"valid_tracking_rate", "on_time_delivery_rate", "unit_on_time_delivery_rate"}
)


def _percent_text(value: object) -> object:
    """`91.2`, `91.2%` and `91.2 %` alike (the case file gives every value as text)."""
    if isinstance(value, str):
        return value.strip().rstrip("%％").strip()
    return value


def fraction_problem(metric: str, value: float) -> str | None:
    """Why `value` cannot be `metric` in percent: a fraction typed for a high rate."""
    if metric in HIGH_RATES and 0 < value <= 1:
        return (
            f"{value:g} looks like a fraction (Amazon's reports write 0.912 for 91.2 %); "
            f"write the rate in percent, e.g. {value * 100:g}"
        )
    return None


def parse_percent(text: str) -> float:
    """A rate typed by a seller: 91.2, 91.2% or 91.2 %; ValueError when it is not one."""
    value = float(str(_percent_text(text)))
    if not 0 <= value <= 100:
        raise ValueError(f"{text} is not a rate in percent (0 to 100)")
    return value


Percent = Annotated[float, BeforeValidator(_percent_text), Field(ge=0, le=100)]


def _version_one(value: int) -> int:
    if value != 1:
        raise ValueError(f"version {value} is not one this appeal reads; use version: 1")
    return value


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=False, frozen=False)


class Seller(_Strict):
    business_name: Line = Field(min_length=1)
    store_name: Line = Field(min_length=1)
    merchant_token: Line | None = None
    marketplace: MarketplaceDomain
    contact_name: Line = Field(min_length=1)
    contact_email: EmailAddress | None = None
    phone: Line | None = None
    address: Text | None = None
    # Where parcels start: China-direct (cross-border) or inside the marketplace's country.
    # Fits the catalogue's sentences (scan rules, transit, customs) to the seller's case.
    ships_from: Literal["china", "domestic"] | None = None
    # The warehouse's holiday closures in the seller's words ("National Day, 1 to 7 October").
    holidays: Line | None = None


class Notice(_Strict):
    date: Day
    # category: MFN removed in some categories (VTR); all: all MFN or the account; warning:
    # Amazon warned and removed nothing (no appeal is due; a plan may be kept ready).
    scope: Literal["category", "all", "warning"]
    categories: list[Line] = Field(default=[], max_length=LIST_LIMIT)
    reference: Line = ""
    deadline: Day | None = None  # only when the notice or the seller gives one

    @model_validator(mode="after")
    def _categories_for_category_scope(self) -> Notice:
        if self.scope == "category" and not self.categories:
            raise ValueError(
                "scope is 'category' but no categories are listed; add the categories named "
                "in Amazon's notice, e.g. categories: [Toys & Games]"
            )
        if self.deadline is not None and self.deadline < self.date:
            raise ValueError("the deadline is before the notice date; check both dates")
        return self


class Latest(_Strict):
    """The newest figure, after the measures started: shown as their effect so far."""

    value: Percent
    window: tuple[Day, Day]
    # Where it comes from when not Account Health, e.g. "our count: 0 of 64 orders late".
    source: Line | None = None


# Where a figure comes from: typed by the seller from Account Health (or a notice), Amazon's
# SP-API seller performance report read by `appeal metrics`, or estimated by `appeal metrics`
# from the seller's own order and shipping files.
Origin = Literal["account_health", "amazon_report", "estimate"]


class MetricFigure(_Strict):
    """One account-health figure with what is known about it."""

    value: Percent
    window: tuple[Day, Day] | None = None
    source: Line = "Account Health"
    origin: Origin = "account_health"
    target: float | None = Field(default=None, ge=0, le=100)  # Amazon's own, in percent
    target_condition: Condition | None = None
    status: Line | None = None  # Amazon's status for the figure (GOOD, BAD, NONE)
    # as the source gives them
    counts: dict[Line, Annotated[int, Field(ge=0)]] = Field(default={}, max_length=LIST_LIMIT)
    latest: Latest | None = None

    def target_or(self, usual: Target) -> Target:
        """Amazon's target written with the figure, else `usual` (the catalogue's)."""
        if self.target is None:
            return usual
        return Target(self.target, self.target_condition or usual.condition)


class MetricEntry(MetricFigure):
    """One account-health figure as the seller has it (or as `appeal metrics` found it), and
    what `appeal metrics` found beside a figure the seller typed (the letter uses the
    seller's)."""

    from_reports: MetricFigure | None = None


class Metrics(_Strict):
    valid_tracking_rate: MetricEntry | None = None
    late_shipment_rate: MetricEntry | None = None
    cancellation_rate: MetricEntry | None = None
    order_defect_rate: MetricEntry | None = None
    on_time_delivery_rate: MetricEntry | None = None
    unit_on_time_delivery_rate: MetricEntry | None = None

    @model_validator(mode="after")
    def _no_fractions(self) -> Metrics:
        for name, entry in self.present():
            values = [("value", entry.value)]
            values += [("latest.value", entry.latest.value)] if entry.latest else []
            for where, value in values:
                if (problem := fraction_problem(name, value)) is not None:
                    raise ValueError(f"{name}.{where}: {problem}")
        return self

    def present(self) -> list[tuple[str, MetricEntry]]:
        return [(name, m) for name, m in self if isinstance(m, MetricEntry)]


class _Entry(_Strict):
    use: Line | None = None
    text: Text | None = None

    @model_validator(mode="after")
    def _one_source(self) -> _Entry:
        if (self.use is None) == (self.text is None):
            raise ValueError(
                "give either 'use: <catalogue item id>' or 'text: <your own sentence>', not "
                + ("both" if self.use is not None else "neither")
            )
        if self.text is not None and not self.text.strip():
            raise ValueError("'text' is empty; write the sentence or remove the entry")
        return self


class RootCause(_Entry):
    pass


def _one_or_more(value: object) -> object:
    """`answers: 2` and `answers: [1, zero_width_paste]` alike."""
    return value if isinstance(value, list) else [value]


# Which root causes of the same cause an action or measure answers: numbers (1 = the first
# root cause listed) or the catalogue ids the root causes `use`.
Answers = Annotated[list[Line], BeforeValidator(_one_or_more), Field(max_length=LIST_LIMIT)]


class Action(_Entry):
    date: Day | None = None
    answers: Answers = []


class Measure(_Entry):
    owner: Line | None = None
    frequency: Line | None = None
    start: Day | None = None
    answers: Answers = []


class Responsibility(_Entry):
    """The one sentence that takes responsibility: a catalogue line or the seller's own."""


class CauseEntry(_Strict):
    cause: Line
    facts: Text = ""
    root_causes: list[RootCause] = Field(default=[], max_length=LIST_LIMIT)
    corrective_actions: list[Action] = Field(default=[], max_length=LIST_LIMIT)
    preventive_measures: list[Measure] = Field(default=[], max_length=LIST_LIMIT)
    # Evidence files for this cause, beside the case file.
    attachments: list[Line] = Field(default=[], max_length=LIST_LIMIT)

    def root_cause_number(self, answer: str) -> int | None:
        """The 1-based number of the root cause `answer` names (a number or an item id)."""
        if answer.strip().isdigit():
            number = int(answer)
            return number if 1 <= number <= len(self.root_causes) else None
        uses = [r.use for r in self.root_causes]
        return uses.index(answer) + 1 if answer in uses else None


class Submission(_Strict):
    date: Day
    channel: SubmissionChannel
    outcome: Outcome
    reply: Reply = ""
    reply_date: Day | None = None  # when Amazon answered (`appeal history reply`)
    snapshot: BesideCase | None = None  # the letter as sent, relative to the case file

    @model_validator(mode="after")
    def _answered_after_sending(self) -> Submission:
        if self.reply_date is not None and self.reply_date < self.date:
            raise ValueError("reply_date is before the date the letter was sent; check both dates")
        return self

    @property
    def answered(self) -> dt.date:
        """The day of Amazon's reply: its own date when recorded, else the sending day."""
        return self.reply_date or self.date


class Case(_Strict):
    version: Annotated[int, AfterValidator(_version_one)] = 1
    lang: Lang = "en"
    seller: Seller
    notice: Notice
    channel: Literal["auto", "email", "seller_central"] = "auto"
    metrics: Metrics = Metrics()
    responsibility: Responsibility | None = None
    causes: list[CauseEntry] = Field(min_length=1, max_length=LIST_LIMIT)
    attachments: list[Line] = Field(default=[], max_length=LIST_LIMIT)
    submissions: list[Submission] = Field(default=[], max_length=LIST_LIMIT)

    def evidence_files(self) -> list[str]:
        """Every attachment the letter lists: the case's own, then each cause's, once each."""
        names = [*self.attachments, *(n for c in self.causes for n in c.attachments)]
        return list(dict.fromkeys(names))
