"""The holiday table (`data/holidays.yaml`): closures that make orders late unless handling time
is extended before them, per country (CN for sellers who ship from China, and the countries of
the marketplaces)."""

from __future__ import annotations

import datetime as dt
from functools import cache

from pydantic import Field, model_validator

from appeal.core.datafile import DataModel, load_data_file

LOOKAHEAD = dt.timedelta(days=14)  # how far ahead a holiday is announced


class Holiday(DataModel):
    """One occurrence of a holiday, first and last day included."""

    en: str = Field(min_length=1)
    zh: str = Field(min_length=1)
    start: dt.date
    end: dt.date
    provisional: bool = False  # the official dates were not out when the table was written

    @model_validator(mode="after")
    def _ordered(self) -> Holiday:
        if self.end < self.start:
            raise ValueError(f"end {self.end} is before start {self.start}")
        return self


class Calendar(DataModel):
    """One country's holidays."""

    en: str = Field(min_length=1)
    zh: str = Field(min_length=1)
    holidays: tuple[Holiday, ...]

    @property
    def last_day(self) -> dt.date:
        """The last day the table covers."""
        return max(h.end for h in self.holidays)


class _File(DataModel):
    calendars: dict[str, Calendar]


@cache
def calendars() -> dict[str, Calendar]:
    """Every calendar by country code (CN, US, GB ...)."""
    return load_data_file("holidays.yaml", _File, wrap="calendars").calendars


def upcoming(calendar: Calendar, today: dt.date) -> list[Holiday]:
    """The holidays running on `today` or starting within LOOKAHEAD of it."""
    return [h for h in calendar.holidays if h.end >= today and h.start <= today + LOOKAHEAD]
