"""Catalogue sentences fitted to the seller's case: money in the marketplace's currency, the
warehouse's own holidays, China-direct or domestic shipping, the measure's owner.

A catalogue item has a plain wording that fits every case and may list fitted wordings with
`{threshold}`, `{holidays}` or `{owner}`; the first fitted wording whose values the case supplies
(and whose `when` matches where the parcels ship from) is used. Values are put in as text, never
read as a template: the seller's words stay data, escaped for Markdown later like any other text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from appeal.core.case import Case
from appeal.core.catalogue import Item, ShipsFrom
from appeal.core.datafile import DataModel, load_data_file
from appeal.core.marketplaces import marketplace
from appeal.units import NBSP, bind_units

_PLACEHOLDER = re.compile(r"\{(\w+)\}")


class _FittingFile(DataModel):
    china_direct_threshold: dict[str, str]  # currency -> amount, where Amazon states one


@cache
def _data() -> _FittingFile:
    return load_data_file("fitting.yaml", _FittingFile)


@dataclass(frozen=True)
class Fitting:
    """What the case says that catalogue sentences depend on."""

    currency: str
    ships_from: ShipsFrom | None = None
    holidays: str | None = None

    @property
    def threshold(self) -> str | None:
        """Amazon's China-direct value threshold in the marketplace's currency ("5 USD")."""
        amount = _data().china_direct_threshold.get(self.currency)
        return f"{amount}{NBSP}{self.currency}" if amount else None

    def values(self, owner: str | None = None) -> dict[str, str]:
        found = {"threshold": self.threshold, "holidays": self.holidays, "owner": owner}
        return {name: value for name, value in found.items() if value and value.strip()}


def fitting_for(case: Case) -> Fitting:
    """The fitting of `case`: its marketplace's currency, where it ships from, its holidays."""
    seller = case.seller
    return Fitting(
        currency=marketplace(seller.marketplace).currency,
        ships_from=seller.ships_from,
        holidays=seller.holidays,
    )


@dataclass(frozen=True)
class Sentence:
    """An item's sentence as the letter shows it."""

    en: str
    zh: str
    uses_owner: bool = False  # the owner is named in the sentence itself


def _fill(text: str, values: dict[str, str]) -> str:
    """The wording (appeal's own text: numbers bound to their units) with the values put in
    as they are (the seller's holidays and owner stay as typed)."""
    return _PLACEHOLDER.sub(lambda m: values[m.group(1)], bind_units(text))


def fit(item: Item, fitting: Fitting, owner: str | None = None) -> Sentence:
    """The first of `item`'s fitted wordings the case can fill, else its plain wording."""
    values = fitting.values(owner)
    for wording in item.fitted:
        if wording.when is not None and wording.when != fitting.ships_from:
            continue
        needed = set(_PLACEHOLDER.findall(wording.en + (wording.zh or "")))
        if needed <= set(values):
            zh = _fill(wording.zh, values) if wording.zh else bind_units(item.zh)
            return Sentence(_fill(wording.en, values), zh, "owner" in needed)
    return Sentence(bind_units(item.en), bind_units(item.zh))


def fits_case(item: Item, fitting: Fitting) -> bool:
    """False when the item is only true for parcels shipped from elsewhere than the case's."""
    return item.ships_from is None or fitting.ships_from in (None, item.ships_from)
