"""The case model: everything one appeal needs, as written in the case file (spec section 3)."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

# Marketplaces Amazon runs Seller Central for; the value is the site's domain as sellers write it.
Marketplace = Literal[
    "amazon.com",
    "amazon.ca",
    "amazon.com.mx",
    "amazon.com.br",
    "amazon.co.uk",
    "amazon.de",
    "amazon.fr",
    "amazon.it",
    "amazon.es",
    "amazon.nl",
    "amazon.se",
    "amazon.pl",
    "amazon.com.be",
    "amazon.com.tr",
    "amazon.ie",
    "amazon.co.jp",
    "amazon.com.au",
    "amazon.sg",
    "amazon.in",
    "amazon.ae",
    "amazon.sa",
]
Outcome = Literal["pending", "accepted", "rejected", "more_info"]
SubmissionChannel = Literal["email", "seller_central"]

DEFAULT_DEADLINE_DAYS = 17  # notices ask for a plan "within 17 days" (domain.md section 2, 4)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=False, frozen=False)


class Seller(_Strict):
    business_name: str = Field(min_length=1)
    store_name: str = Field(min_length=1)
    merchant_token: str | None = None
    marketplace: Marketplace
    contact_name: str = Field(min_length=1)
    contact_email: str | None = None
    phone: str | None = None
    address: str | None = None


class Notice(_Strict):
    date: dt.date
    scope: Literal["category", "all"]
    categories: list[str] = []
    reference: str = ""
    deadline: dt.date | None = None

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

    @property
    def due(self) -> dt.date:
        """The deadline, or the notice date plus 17 days when the notice gave none."""
        return self.deadline or self.date + dt.timedelta(days=DEFAULT_DEADLINE_DAYS)


class Latest(_Strict):
    """The newest figure, after the measures started: shown as their effect so far."""

    value: float = Field(ge=0, le=100)
    window: tuple[dt.date, dt.date]


class MetricEntry(_Strict):
    value: float = Field(ge=0, le=100)
    window: tuple[dt.date, dt.date] | None = None
    source: str = "Account Health"
    latest: Latest | None = None


class Metrics(_Strict):
    valid_tracking_rate: MetricEntry | None = None
    late_shipment_rate: MetricEntry | None = None
    cancellation_rate: MetricEntry | None = None
    order_defect_rate: MetricEntry | None = None
    on_time_delivery_rate: MetricEntry | None = None

    def present(self) -> list[tuple[str, MetricEntry]]:
        return [(name, m) for name, m in self if isinstance(m, MetricEntry)]


class _Entry(_Strict):
    use: str | None = None
    text: str | None = None

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


class Action(_Entry):
    date: dt.date | None = None


class Measure(_Entry):
    owner: str | None = None
    frequency: str | None = None
    start: dt.date | None = None


class CauseEntry(_Strict):
    cause: str
    facts: str = ""
    root_causes: list[RootCause] = []
    corrective_actions: list[Action] = []
    preventive_measures: list[Measure] = []


class Submission(_Strict):
    date: dt.date
    channel: SubmissionChannel
    outcome: Outcome
    reply: str = ""
    snapshot: str | None = None  # the letter as sent, relative to the case file


class Case(_Strict):
    version: Literal[1] = 1
    lang: Literal["en", "zh"] = "en"
    seller: Seller
    notice: Notice
    channel: Literal["auto", "email", "seller_central"] = "auto"
    metrics: Metrics = Metrics()
    causes: list[CauseEntry] = Field(min_length=1)
    attachments: list[str] = []
    submissions: list[Submission] = []
