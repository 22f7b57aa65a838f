"""Where the appeal goes: channel, address or steps, why, and the deadline (spec section 6)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from appeal.core.case import Case
from appeal.core.catalogue import Catalogue

# The VTR appeals addresses Amazon publishes (domain.md section 4); no other marketplace has one.
VTR_ADDRESSES = {
    "amazon.com": "op-pso-vtr-appeals@amazon.com",
    "amazon.co.uk": "op-pso-vtr-appeals@amazon.co.uk",
}
SELLER_CENTRAL_STEPS = (
    "Sign in to Seller Central for {marketplace}.",
    "Open Performance > Account Health (older layout: Performance > Performance Notifications).",
    "Choose 'Reactivate your account' (older layout: 'Appeal' beside the notification).",
    "Paste each part of the plan into its box (root cause, actions taken, prevention) "
    "from {form_file}, attach the evidence files, and submit.",
)


@dataclass(frozen=True)
class Channel:
    """The decided channel for a case."""

    kind: Literal["email", "seller_central"]
    address: str | None
    reason: str
    deadline: dt.date
    deadline_given: bool

    def steps(self, marketplace: str, form_file: str) -> list[str]:
        if self.kind == "email":
            return [
                f"Send the letter to {self.address} from the e-mail address registered in "
                "Seller Central, with the .docx and the evidence attached.",
                "Put the store name, merchant token and category in the subject.",
            ]
        return [
            s.format(marketplace=marketplace, form_file=form_file) for s in SELLER_CENTRAL_STEPS
        ]

    def days_left(self, today: dt.date) -> int:
        return (self.deadline - today).days


def decide_channel(case: Case, catalogue: Catalogue) -> Channel:
    """Pick the channel from the case's scope and marketplace; an explicit `channel:` wins."""
    notice = case.notice
    marketplace = case.seller.marketplace
    vtr_only = all(
        (c := catalogue.cause(entry.cause)) is not None and c.channel == "vtr"
        for entry in case.causes
    )
    address = VTR_ADDRESSES.get(marketplace)
    deadline_given = notice.deadline is not None
    if case.channel == "email":
        return Channel(
            "email",
            address or VTR_ADDRESSES["amazon.com"],
            "channel: email is set in the case file",
            notice.due,
            deadline_given,
        )
    if case.channel == "seller_central":
        return Channel(
            "seller_central",
            None,
            "channel: seller_central is set in the case file",
            notice.due,
            deadline_given,
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
        return Channel("email", address, reason, notice.due, deadline_given)
    if notice.scope == "category":
        reason = (
            f"a category-level removal on {marketplace}, for which Amazon publishes no VTR appeals "
            "address (only amazon.com and amazon.co.uk have one), so the appeal goes through "
            "Seller Central"
        )
    else:
        reason = (
            "all merchant-fulfilled selling (or the account) was deactivated; Amazon takes "
            "these appeals in Seller Central under 'Reactivate your account'"
        )
    return Channel("seller_central", None, reason, notice.due, deadline_given)
