"""The fixed words of a case file, in one place and without pydantic, so that the command line
can offer them as choices without loading the models at start-up."""

from __future__ import annotations

from typing import Literal, get_args

Outcome = Literal["pending", "accepted", "rejected", "more_info"]
OUTCOMES: tuple[str, ...] = get_args(Outcome)
SubmissionChannel = Literal["email", "seller_central"]
SUBMISSION_CHANNELS: tuple[str, ...] = get_args(SubmissionChannel)
Lang = Literal["en", "zh"]
LANGS: tuple[str, ...] = get_args(Lang)
