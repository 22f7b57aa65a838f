"""The wizard's notice step: the pasted notice read, its date, scope, categories and the
deadline (stored only where it is not the one the notice date gives)."""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

from appeal.dates import parse_date
from appeal.wizard.answers import apply_notice, forget_old_notice, notice_scope, rule_deadline
from appeal.wizard.notice import split_categories
from appeal.wizard.summary import describe_notice
from appeal.wizard.texts import hint

if TYPE_CHECKING:
    from appeal.wizard.flow import Wizard

# Chinese characters and full-width forms: a name or category Amazon's English pages lack.
CJK = re.compile(r"[\u3400-\u9fff\uff00-\uffef\u3000-\u303f]")


def ask_notice(wizard: Wizard) -> str | None:
    """Step 2. Answers "quit" when the notice is only a warning and the seller wants no plan
    yet (nothing to appeal)."""
    pasted = wizard.ask.text(
        "paste_notice",
        wizard.t("paste_notice"),
        multiline=True,
        hint=hint(wizard.lang, "paste_notice"),
    ).strip()
    if pasted:
        from appeal.wizard.notice import read_notice

        facts = read_notice(pasted)
        wizard.ask.show(wizard.t("notice_says"))
        wizard.ask.show("\n".join(describe_notice(facts, wizard.lang, wizard.catalogue)))
        if facts.kind == "reply":
            channel = (
                "email" if wizard.draft.get(("notice", "scope")) == "category" else "seller_central"
            )
            wizard.ask.show(wizard.t("notice_reply", outcome=facts.outcome, channel=channel))
        else:
            if wizard.old_notice:  # a new notice: nothing of the old one stays
                forget_old_notice(wizard.draft)
                wizard.old_notice = False
            wizard.notice = facts
            apply_notice(wizard.draft, facts)
    for raw, month_first, day_first in wizard.notice.ambiguous_dates if wizard.notice else []:
        if wizard.draft.get(("notice", "date")):
            break
        chosen = wizard.ask.select(
            "ambiguous",
            wizard.t("ambiguous", raw=raw),
            [(d.isoformat(), d.isoformat()) for d in (month_first, day_first)],
        )
        wizard.draft.set(("notice", "date"), chosen)
    wizard.text("notice_date", ("notice", "date"), kind="past")
    scope = wizard.ask.select(
        "scope",
        wizard.t("scope"),
        [(wizard.t(f"scope.{s}"), s) for s in ("category", "all", "warning")],
        wizard.draft.get(("notice", "scope")) or notice_scope(wizard.notice),
        hint=hint(wizard.lang, "scope"),
    )
    wizard.draft.set(("notice", "scope"), scope)
    if scope == "warning":  # nothing to appeal: say so, and keep a plan only if wanted
        wizard.draft.set(("notice", "categories"), None, save=False)
        wizard.draft.set(("notice", "deadline"), None)
        wizard.ask.show(wizard.t("warning_only"))
        if not wizard.ask.confirm("warning_plan", wizard.t("warning_plan")):
            return "quit"
        return None
    if scope == "category":
        current = [str(c) for c in wizard.draft.get(("notice", "categories")) or []]
        answer = "; ".join(current)
        while True:  # the letter names the category as the marketplace does, in English
            answer = wizard.ask.text(
                "categories",
                wizard.t("categories"),
                default=answer,
                validate=wizard.validator(True, None),
                hint=hint(wizard.lang, "categories"),
            )
            if not CJK.search(answer) or not wizard.ask.confirm(
                "chinese_warning", wizard.t("chinese_warning")
            ):
                break
        wizard.draft.set(("notice", "categories"), split_categories(answer))
    else:
        wizard.draft.set(("notice", "categories"), None)
    _ask_deadline(wizard, scope)
    return None


def _ask_deadline(wizard: Wizard, scope: str) -> None:
    """The deadline is stored only when it is not the one the notice date gives."""
    day = wizard.notice_day()
    assert day is not None
    rule = rule_deadline(day, scope, wizard.draft.get(("notice", "categories")))
    stated = None
    if wizard.notice and wizard.notice.deadline:
        stated = wizard.notice.deadline.isoformat()
    elif wizard.notice and wizard.notice.deadline_days:
        stated = (day + dt.timedelta(days=wizard.notice.deadline_days)).isoformat()
    stored = wizard.draft.get(("notice", "deadline"))
    if stored is not None and str(stored) == wizard.suggested_deadline:
        stored = None  # our own suggestion from an earlier notice date: follow the new one
    default = str(stored) if stored else (stated or (rule.isoformat() if rule else ""))
    wizard.suggested_deadline = stated
    key = "deadline" if default else "deadline_none"
    wizard.draft.set(("notice", "deadline"), None, save=False)
    answer = wizard.ask.text(
        key,
        wizard.t(key),
        default=default,
        validate=wizard.validator(False, "deadline"),
        hint=hint(wizard.lang, key),
        empty="" if default else "none",
    ).strip()
    chosen = parse_date(answer) if answer else None
    keep = chosen if chosen is not None and chosen != rule else None
    wizard.draft.set(("notice", "deadline"), keep.isoformat() if keep else None)
