"""Where the appeal goes: channel, address or steps, why, and the deadline (spec section 6)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache
from typing import Literal

from appeal.core.case import Case, Notice
from appeal.core.catalogue import Catalogue
from appeal.core.datafile import DataModel, load_data_file
from appeal.core.marketplaces import marketplace, marketplaces

SELLER_CENTRAL_STEPS = (
    "Sign in to Seller Central for {marketplace}.",
    "Open Performance > Account Health (older layout: Performance > Performance Notifications).",
    "Choose 'Reactivate your account' (older layout: 'Appeal' beside the notification).",
    "Paste each part of the plan into its box (root cause, actions taken, prevention) "
    "from {form_file}, attach the evidence files, and submit.",
)
# domain.md 4: since 2022 a blocked category may show an "Appeal" button in Account Health.
ACCOUNT_HEALTH_ROUTE = (
    "Or, where Seller Central shows an 'Appeal' button beside the blocked category "
    "(Performance > Account Health), use it: it opens Amazon's multiple-choice appeal form; "
    "answer it from this plan and attach the same evidence. Use one route, not both."
)


@dataclass(frozen=True)
class Channel:
    """The decided channel for a case."""

    kind: Literal["email", "seller_central"]
    address: str | None
    reason: str
    deadline: dt.date | None  # None: Amazon states none (category VTR removal) and none given
    deadline_given: bool  # the notice or the seller gave it (notice.deadline)
    category_removal: bool = False

    def steps(self, marketplace: str, form_file: str) -> list[str]:
        if self.kind == "email":
            steps = [
                f"Send the letter to {self.address} from the e-mail address registered in "
                "Seller Central, with the .docx and the evidence attached (the .eml draft "
                "has the .docx and every evidence file found beside the case attached).",
                "Put the store name, merchant token and category in the subject.",
            ]
            if self.category_removal:
                steps.append(ACCOUNT_HEALTH_ROUTE)
            return steps
        return [
            s.format(marketplace=marketplace, form_file=form_file) for s in SELLER_CENTRAL_STEPS
        ]

    def days_left(self, today: dt.date) -> int | None:
        """Days until the deadline (negative once past); None when there is no deadline."""
        return None if self.deadline is None else (self.deadline - today).days


class _Rules(DataModel):
    deadline_days: dict[Literal["all", "category"], int]  # a scope absent here: none stated


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
    deadline_given = notice.deadline is not None
    category = notice.scope == "category"
    if case.channel == "email":
        return Channel(
            "email",
            address or _any_vtr_address(),
            "channel: email is set in the case file",
            due,
            deadline_given,
            category,
        )
    if case.channel == "seller_central":
        return Channel(
            "seller_central",
            None,
            "channel: seller_central is set in the case file",
            due,
            deadline_given,
            category,
        )
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
        return Channel("email", address, reason, due, deadline_given, category)
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
    return Channel("seller_central", None, reason, due, deadline_given, category)


def _with_address() -> str:
    domains = [m.domain for m in marketplaces().values() if m.vtr_address]
    return ", ".join(domains[:-1]) + " and " + domains[-1] if len(domains) > 1 else domains[0]


def _any_vtr_address() -> str:
    """An explicit `channel: email` on a marketplace without its own address: the first one."""
    return next(m.vtr_address for m in marketplaces().values() if m.vtr_address)
