"""Amazon's marketplaces, one entry each in `data/marketplaces.yaml`: id, currency, time zone,
paper size, whether appeals are read in English, and the VTR appeals address where one exists."""

from __future__ import annotations

from functools import cache
from typing import Literal

from pydantic import Field

from appeal.core.datafile import DataModel, load_data_file


class Marketplace(DataModel):
    """One Amazon site, by its domain."""

    domain: str = ""
    id: str = Field(min_length=5)
    country: str = Field(min_length=2, max_length=2)
    country_names: tuple[str, ...] = ()  # as sellers type the country: Japan, 日本

    def label(self, lang: str) -> str:
        """The domain with its country's names in `lang` (zh: the Chinese one, else the
        others), so typing the country finds it."""
        names = [n for n in self.country_names if (lang == "zh") == (n[:1] >= "\u3000")]
        if not names:
            return self.domain
        return (
            f"{self.domain}（{'，'.join(names)}）"
            if lang == "zh"
            else (f"{self.domain} ({', '.join(names)})")
        )

    currency: str = Field(min_length=3, max_length=3)
    time_zone: str
    paper: Literal["letter", "a4"]
    english: bool
    vtr_address: str | None = None


class _File(DataModel):
    marketplaces: dict[str, Marketplace]


@cache
def marketplaces() -> dict[str, Marketplace]:
    """Every marketplace by domain (amazon.com, amazon.co.uk ...), in the file's order."""
    loaded = load_data_file("marketplaces.yaml", _File, wrap="marketplaces")
    return {
        domain: entry.model_copy(update={"domain": domain})
        for domain, entry in loaded.marketplaces.items()
    }


def marketplace(domain: str) -> Marketplace:
    """The marketplace of `domain`; KeyError when appeal does not know it."""
    return marketplaces()[domain]


def by_id(marketplace_id: str) -> Marketplace | None:
    """The marketplace with SP-API id `marketplace_id` (ATVPDKIKX0DER ...), if known."""
    return next((m for m in marketplaces().values() if m.id == marketplace_id), None)
