"""Where the appeal goes: channel, address or steps, why, and the deadline (spec section 6)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache
from typing import Literal

from appeal.core.case import Case, Notice
from appeal.core.catalogue import Catalogue, MetricInfo, Words
from appeal.core.datafile import DataModel, load_data_file
from appeal.core.marketplaces import marketplace, marketplaces

# domain.md 6a: a warning removes nothing, so there is no appeal to send.
WARNING_REASON = (
    "Amazon's notice is a warning: nothing was removed, so there is no appeal to send; "
    "the plan is kept ready in case Amazon removes selling later"
)


@dataclass(frozen=True)
class Channel:
    """The decided channel for a case."""

    kind: Literal["email", "seller_central", "none"]  # none: a warning, nothing to appeal
    address: str | None
    reason: str
    deadline: dt.date | None  # None: Amazon states none (category VTR removal) and none given
    deadline_given: bool  # the notice or the seller gave it (notice.deadline)
    category_removal: bool = False
    categories: tuple[str, ...] = ()
    metrics: tuple[MetricInfo, ...] = ()  # the metrics of the case's causes, for the steps
    sent_on: dt.date | None = None  # a letter went in time (see `deadline_kept`)
    accepted_on: dt.date | None = None  # Amazon accepted the letter sent that day

    @property
    def route(self) -> RouteName:
        """email; account ('Reactivate your account'); category (the blocked category's own
        'Appeal' in Account Health: a category-level removal with no VTR appeals address)."""
        if self.kind == "none":
            return "warning"
        if self.kind == "email":
            return "email"
        return "category" if self.category_removal else "account"

    def label(self, lang: str = "en") -> str:
        """The channel in a few words: 'e-mail to ...' or which Seller Central appeal."""
        return _rules().routes[self.route].label.of(lang).format(address=self.address or "")

    def steps(self, marketplace: str, form_file: str, lang: str = "en") -> list[str]:
        """How to send, step by step, in the seller's language."""
        rules = _rules()
        sep = "、" if lang == "zh" else ", "
        names = [m.zh if lang == "zh" else m.en for m in self.metrics]
        values = {
            "address": self.address or "",
            "marketplace": marketplace,
            "form_file": form_file,
            "categories": sep.join(self.categories),
            "metric": sep.join(dict.fromkeys(names)),
        }
        steps = [step.of(lang).format(**values) for step in rules.routes[self.route].steps]
        if self.route == "email" and self.category_removal:
            steps.append(rules.appeal_button.of(lang))
        return steps

    @property
    def deadline_met(self) -> bool:
        """A letter was sent in time, or Amazon accepted one: nothing is due any more."""
        return self.sent_on is not None or self.accepted_on is not None

    def days_left(self, today: dt.date) -> int | None:
        """Days until the deadline (negative once past); None when there is no deadline, or
        when it was met."""
        if self.deadline is None or self.deadline_met:
            return None
        return (self.deadline - today).days


RouteName = Literal["email", "account", "category", "warning"]


class _Route(DataModel):
    label: Words
    steps: tuple[Words, ...]


class _Rules(DataModel):
    # a scope absent here: none stated
    deadline_days: dict[Literal["all", "category", "warning"], int]
    routes: dict[RouteName, _Route]
    appeal_button: Words


@cache
def _rules() -> _Rules:
    return load_data_file("channels.yaml", _Rules)


def deadline(notice: Notice) -> dt.date | None:
    """The deadline the notice or the seller gave, else the notice date plus the days Amazon
    usually sets for that scope; None where Amazon states none (a category-level VTR removal:
    the listings stay deactivated until reinstated, domain.md 4)."""
    if notice.deadline is not None:
        return notice.deadline
    days = _rules().deadline_days.get(notice.scope)
    return None if days is None else notice.date + dt.timedelta(days=days)


@dataclass(frozen=True)
class DeadlineKept:
    sent_on: dt.date | None  # the first letter sent for this notice on or before its deadline
    accepted_on: dt.date | None  # the sending day of a letter for this notice Amazon accepted


def deadline_kept(case: Case) -> DeadlineKept:
    """Whether the case's submissions met the deadline: a letter sent on or after the notice
    date (an earlier one answered an older notice) and on or before the deadline (any such
    letter where there is none), and whether Amazon accepted one of them."""
    due = deadline(case.notice)
    since = [s for s in case.submissions if s.date >= case.notice.date]
    in_time = [s.date for s in since if due is None or s.date <= due]
    accepted = [s.date for s in since if s.outcome == "accepted"]
    return DeadlineKept(min(in_time, default=None), max(accepted, default=None))


def vtr_address(domain: str) -> str | None:
    """The VTR appeals address of the marketplace, where Amazon publishes one."""
    return marketplace(domain).vtr_address


def decide_channel(case: Case, catalogue: Catalogue) -> Channel:
    """Pick the channel from the case's scope and marketplace; an explicit `channel:` wins."""
    notice = case.notice
    marketplace = case.seller.marketplace
    vtr_only = all(
        (c := catalogue.cause(entry.cause)) is not None and c.channel == "vtr"
        for entry in case.causes
    )
    address = vtr_address(marketplace)
    due = deadline(notice)
    kept = deadline_kept(case)
    deadline_given = notice.deadline is not None
    category = notice.scope == "category"
    found = (catalogue.cause(entry.cause) for entry in case.causes)
    metrics = tuple(dict.fromkeys(c.metric for c in found if c is not None))

    def made(
        kind: Literal["email", "seller_central", "none"], to: str | None, reason: str
    ) -> Channel:
        return Channel(
            kind,
            to,
            reason,
            due,
            deadline_given,
            category,
            tuple(notice.categories),
            metrics,
            kept.sent_on,
            kept.accepted_on,
        )

    if notice.scope == "warning" and case.channel == "auto":
        return made("none", None, WARNING_REASON)
    if case.channel == "email":
        return made(
            "email", address or _any_vtr_address(), "channel: email is set in the case file"
        )
    if case.channel == "seller_central":
        return made("seller_central", None, "channel: seller_central is set in the case file")
    if notice.scope == "category" and address is not None:
        reason = (
            f"merchant-fulfilled selling was removed in {', '.join(notice.categories)} only "
            f"(a category-level Valid Tracking Rate removal); Amazon takes these appeals by "
            f"e-mail at {address} for {marketplace}"
        )
        if not vtr_only:
            reason += (
                "; note: the case also lists causes other than tracking, which Amazon usually "
                "handles through Seller Central"
            )
        return made("email", address, reason)
    if notice.scope == "category":
        reason = (
            f"a category-level removal on {marketplace}, for which Amazon publishes no VTR appeals "
            f"address (only {_with_address()} have one), so the appeal goes through Seller Central"
        )
    else:
        reason = (
            "all merchant-fulfilled selling (or the account) was deactivated; Amazon takes "
            "these appeals in Seller Central under 'Reactivate your account'"
        )
    return made("seller_central", None, reason)


def _with_address() -> str:
    domains = [m.domain for m in marketplaces().values() if m.vtr_address]
    return ", ".join(domains[:-1]) + " and " + domains[-1] if len(domains) > 1 else domains[0]


def _any_vtr_address() -> str:
    """An explicit `channel: email` on a marketplace without its own address: the first one."""
    return next(m.vtr_address for m in marketplaces().values() if m.vtr_address)
