"""Amazon's reply to a submission that was waiting for it (`appeal history reply`): the outcome,
the reply and the reply's date go on that submission, since the letter was sent once."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from appeal.core.catalogue import PartName
from appeal.core.terms import Lang, Outcome
from appeal.errors import InputError
from appeal.letter.history import reply_text, rework_parts


@dataclass(frozen=True)
class Answered:
    """Amazon's reply recorded on the submission that was waiting for it."""

    case_path: Path
    number: int  # the submission's place in the list, from 1
    sent: dt.date
    reply_date: dt.date
    outcome: Outcome
    rework: list[PartName]
    lang: Lang = "en"
    reply: str = ""

    @property
    def reply_unread(self) -> bool:
        """Amazon's reply asks for more, but names none of the parts in words appeal knows."""
        return self.outcome in ("rejected", "more_info") and bool(self.reply) and not self.rework


def record_reply(
    case_path: Path,
    *,
    date: dt.date,
    outcome: Outcome,
    reply: str | None = None,
    reply_file: Path | None = None,
) -> Answered:
    """`appeal history reply`: Amazon's answer to the last submission, still pending: its
    outcome, the reply and the reply's date go on that submission (no second one)."""
    from appeal.core.caseedit import edit_case_file
    from appeal.core.casefile import load_case
    from appeal.core.catalogue import load_catalogue

    if outcome == "pending":
        raise InputError(
            "--outcome pending: a reply is Amazon's answer; use accepted, rejected or more_info."
        )
    text = reply_text(reply, reply_file).strip()
    catalogue = load_catalogue()
    case = load_case(case_path, catalogue).case
    if not case.submissions:
        raise InputError(
            f"{case_path}: nothing was submitted yet; record the letter you sent with "
            "`appeal history add` first."
        )
    index = len(case.submissions) - 1
    last = case.submissions[index]
    if last.outcome != "pending":
        raise InputError(
            f"{case_path}: the last submission ({last.date}) already has Amazon's answer "
            f"'{last.outcome}'; a letter sent again is recorded with `appeal history add`."
        )
    if date < last.date:
        raise InputError(
            f"--date {date}: is before the letter was sent ({last.date}); give the date of "
            "Amazon's reply."
        )

    def change(data: Any) -> None:
        entry = data["submissions"][index]
        if str(entry.get("outcome")) != "pending":  # answered meanwhile, elsewhere
            raise InputError(f"{case_path}: the last submission was answered meanwhile.")
        entry["outcome"] = outcome
        keys = list(entry)
        at = keys.index("outcome") + 1
        if text:
            if "reply" in entry:
                entry["reply"] = text
            else:
                entry.insert(at, "reply", text)
            at = list(entry).index("reply") + 1
        else:
            entry.pop("reply", None)
        if "reply_date" in entry:
            entry["reply_date"] = date
        else:
            entry.insert(at, "reply_date", date)

    edit_case_file(case_path, change)
    rework = rework_parts(text, catalogue) if outcome in ("rejected", "more_info") else []
    return Answered(case_path, index + 1, last.date, date, outcome, rework, case.lang, text)
