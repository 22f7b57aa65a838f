"""`appeal new`: questions in, case file out, saved after every answer.

Answers come from, strongest first: the wizard's questions > --set > --notice > --from or the
existing draft > catalogue defaults. All prompting goes through one `Prompter`, by question key.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any, Literal

from appeal.core.catalogue import PARTS, Catalogue
from appeal.core.fields import EMAIL_PATTERN
from appeal.core.marketplaces import marketplaces
from appeal.dates import parse_date
from appeal.errors import AppealError
from appeal.wizard.answers import (
    DateRule,
    apply_notice,
    first_open_step,
    missing_fields,
    rule_deadline,
)
from appeal.wizard.draft import Draft
from appeal.wizard.figure import ask_figure
from appeal.wizard.links import ask_attachments
from appeal.wizard.notice import NoticeFacts
from appeal.wizard.notice_step import CJK, ask_notice
from appeal.wizard.parts_step import ask_part
from appeal.wizard.prompter import Prompter
from appeal.wizard.summary import channel_lines, describe_notice, finding_line, step_of
from appeal.wizard.texts import hint, phrase

STEPS = ("seller", "notice", "causes", "details", "channel", "review", "finish")
REVIEW = STEPS.index("review")
_EMAIL = re.compile(f"^{EMAIL_PATTERN}$")  # the case model's rule
Ending = Literal["write", "anyway", "quit"]


class WizardInterrupted(AppealError):
    """Raised on Ctrl-C or Ctrl-D: every answer so far is already saved."""

    exit_code = 130


class TerminalClosed(AppealError):
    """Raised when the terminal goes away mid-way (input closed, a hang-up): every answer so
    far is saved; the questions were not finished (exit 1)."""

    exit_code = 1


class _Back(Exception):
    """The user asked to go back a step."""


class _Jump(Exception):
    def __init__(self, step: int, cause: int | None = None) -> None:
        self.step, self.cause = step, cause


class Wizard:
    def __init__(
        self,
        draft: Draft,
        prompter: Prompter,
        catalogue: Catalogue,
        lang: str,
        today: dt.date,
        notice: NoticeFacts | None = None,
    ) -> None:
        self.draft = draft
        self.ask = prompter
        self.catalogue = catalogue
        self.lang = lang
        self.today = today
        self.notice = notice
        self.formats: list[str] | None = None
        self.ending: Ending = "quit"
        self._focus: int | None = None  # the one cause to ask about after a jump from review
        self._set_aside: dict[str, Any] = {}  # answers of unticked causes, back when re-ticked
        self.item_details: dict[tuple[str, str, str], dict[str, Any]] = {}  # kept when unticked
        self.suggested_deadline: str | None = None
        self.old_notice = False  # the draft holds an earlier case's notice (--from)

    # -- helpers -----------------------------------------------------------------------
    def t(self, key: str, **values: Any) -> str:
        return phrase(self.lang, key, **values)

    def validator(self, required: bool, kind: DateRule | str | None) -> Callable[[str], bool | str]:
        def check(answer: str) -> bool | str:
            text = answer.strip()
            if not text:
                return self.t("required") if required else True
            if kind == "email":
                return True if _EMAIL.match(text) else self.t("bad_email")
            if kind in ("date", "past", "deadline"):
                try:
                    day = parse_date(text)
                except ValueError:
                    return self.t("bad_date")
                if kind == "past" and day > self.today:
                    return self.t("future_date", date=day.isoformat(), today=self.today.isoformat())
                notice_day = self.notice_day()
                if kind == "deadline" and notice_day and day < notice_day:
                    return self.t("before_notice", date=notice_day.isoformat())
            return True

        return check

    def text(
        self,
        key: str,
        path: tuple[str | int, ...],
        *,
        item: str = "",
        required: bool = True,
        kind: str | None = None,
        english: bool = False,
        default: str | None = None,
        empty: str = "skip",
    ) -> str:
        """Ask question `key`, store the answer at `path` in the draft (saved). Dates are
        stored in ISO form whatever form they were typed in. An optional answer left empty
        does `empty` (skip, finish)."""
        current = self.draft.get(path)
        start = str(current) if current not in (None, "") else (default or "")
        message = self.t(key, item=item) if item else self.t(key)
        answer = ""
        while True:
            answer = self.ask.text(
                key,
                message,
                default=start,
                validate=self.validator(required, kind),
                hint=hint(self.lang, key),
                empty="" if required else empty,
            ).strip()
            if (
                english
                and CJK.search(answer)
                and self.ask.confirm("chinese_warning", self.t("chinese_warning"))
            ):
                start = answer
                continue
            break
        if answer and kind in ("date", "past", "deadline"):
            answer = parse_date(answer).isoformat()
        self.draft.set(path, answer if answer or required else None)
        return answer

    def notice_day(self) -> dt.date | None:
        try:
            return parse_date(self.draft.get(("notice", "date")))
        except ValueError:
            return None

    def _next_or_back(self) -> None:
        choice = self.ask.select(
            "nav",
            self.t("nav"),
            [(self.t("nav.next"), "next"), (self.t("nav.back"), "back")],
            "next",
        )
        if choice == "back":
            raise _Back

    # -- the flow ----------------------------------------------------------------------
    def run(self, start: int = 0) -> Ending:
        """Ask every step from `start`; how it ended: write, write anyway, or quit."""
        steps: list[Callable[[], Any]] = [
            self.step_seller,
            self.step_notice,
            self.step_causes,
            self.step_details,
            self.step_channel,
            self.step_review,
            self.step_finish,
        ]
        if self.notice is not None:
            self.ask.show(self.t("notice_says"))
            self.ask.show("\n".join(describe_notice(self.notice, self.lang, self.catalogue)))
        index, jumped = start, False
        while index < len(steps):
            name = STEPS[index]
            self.ask.show(
                self.t("step", n=index + 1, total=len(steps), name=self.t(f"step.{name}"))
            )
            try:
                steps[index]()
                if name == "finish":
                    return self.ending
                if jumped:  # a fix from the review: straight back to it
                    index, jumped, self._focus = REVIEW, False, None
                    continue
                if name != "review":
                    self._next_or_back()
            except _Back:
                index = max(0, index - 1)
                continue
            except _Jump as jump:
                if jump.step == len(steps):
                    return self.ending
                index, jumped, self._focus = jump.step, True, jump.cause
                continue
            index += 1
        return self.ending

    def step_seller(self) -> None:
        self.text("business_name", ("seller", "business_name"))
        self.text("store_name", ("seller", "store_name"))
        self.text("merchant_token", ("seller", "merchant_token"), required=False)
        markets = marketplaces()
        current = self.draft.get(("seller", "marketplace")) or "amazon.com"
        market = self.ask.select(
            "marketplace",
            self.t("marketplace"),
            [(m.label(self.lang), domain) for domain, m in markets.items()],
            current,
            hint=hint(self.lang, "marketplace"),
        )
        self.draft.set(("seller", "marketplace"), market)
        name = self.text("contact_name", ("seller", "contact_name"))
        if CJK.search(name):  # the letter is signed in Latin letters
            self.draft.set(("seller", "contact_name"), None, save=False)
            self.text("contact_name_latin", ("seller", "contact_name"), english=True)
        self.text("contact_email", ("seller", "contact_email"), required=False, kind="email")

    def step_notice(self) -> None:
        if ask_notice(self) == "quit":  # a warning, and no plan wanted yet
            self.ending = "quit"
            raise _Jump(len(STEPS))

    def step_causes(self) -> None:
        entries = {str(c.get("cause")): c for c in self.draft.causes()}
        suggested = list(entries) or (self.notice.causes if self.notice else [])
        choices = [(c.title(self.lang), c.id) for c in self.catalogue.causes.values()]
        picked = self.ask.checkbox(
            "causes",
            self.t("causes"),
            choices,
            suggested,
            validate=lambda v: bool(v) or self.t("pick_one"),
            hint=hint(self.lang, "causes"),
        )
        for cause_id, entry in entries.items():
            answered = entry.get("facts") or any(entry.get(p) for p in PARTS)
            if cause_id not in picked and answered:
                title = self.catalogue.causes[cause_id].title(self.lang)
                if self.ask.confirm("untick", self.t("untick", title=title), default=False):
                    self._set_aside[cause_id] = entry
                else:
                    picked.append(cause_id)
        kept = [entries.get(c) or self._set_aside.pop(c, None) or {"cause": c} for c in picked]
        self.draft.set(("causes",), kept)
        for metric in dict.fromkeys(self.catalogue.causes[c].metric for c in picked):
            ask_figure(self, metric)

    def step_details(self) -> None:
        entries = self.draft.causes()
        for index, entry in enumerate(entries):
            if self._focus is not None and index != self._focus:
                continue
            cause = self.catalogue.causes[entry["cause"]]
            title = cause.title(self.lang)
            self.ask.show(self.t("cause_title", n=index + 1, total=len(entries), title=title))
            self.text("facts", ("causes", index, "facts"), english=True)
            for part in PARTS:
                ask_part(self, index, part)
            ask_attachments(self, index)

    def step_channel(self) -> None:
        from appeal.core.channel import decide_channel

        case = self._case()
        if case is None:
            return
        channel = decide_channel(case, self.catalogue)
        if channel.kind == "email" and not self.draft.get(("seller", "merchant_token")):
            self.text("merchant_token_required", ("seller", "merchant_token"))
        rule = self._rule_days()
        lines = channel_lines(channel, case.seller.marketplace, self.today, self.lang, rule)
        self.ask.show("\n".join(lines))

    def _rule_days(self) -> int | None:
        day = self.notice_day()
        scope = str(self.draft.get(("notice", "scope")) or "all")
        due = rule_deadline(day, scope, ["-"]) if day else None
        return (due - day).days if due and day else None

    def _case(self) -> Any:
        """The draft as a validated case; None (after saying what is missing) while answers
        are missing."""
        from appeal.core.casefile import parse_case

        try:
            return parse_case(self.draft.text(), str(self.draft.path), self.catalogue)
        except AppealError as error:
            missing = missing_fields(self.draft, self.catalogue)
            if not missing:  # answered, but not valid: say where (a located error)
                self.ask.show(str(error))
                return None
            self.ask.show(self.t("review_missing"))
            self.ask.show("\n".join(f"  {m}" for m in missing))
            return None

    def step_review(self) -> None:
        from appeal.wizard.review import review_letter

        choices: list[tuple[str, Any]] = []
        case = self._case()
        if case is not None:
            preview, findings = review_letter(
                self.draft.path, case, self.catalogue, self.lang, self.today
            )
            self.ask.show(self.t("review_intro"))
            self.ask.show(preview)
            errors = [f for f in findings if f.level == "error"]
            if findings:
                self.ask.show(
                    self.t("checks_count", errors=len(errors), warnings=len(findings) - len(errors))
                )
                self.ask.show(
                    "\n".join("  " + finding_line(f, self.lang, self.catalogue) for f in findings)
                )
            else:
                self.ask.show(self.t("checks_none"))
            for finding in errors:
                line = finding_line(finding, self.lang, self.catalogue)
                choices.append((self.t("review.fix", what=line), ("fix", finding.where)))
            if errors:
                choices.append((self.t("review.anyway", n=len(errors)), ("end", "anyway")))
            else:
                choices.insert(0, (self.t("review.write"), ("end", "write")))
        for number, name in enumerate(STEPS[:REVIEW], start=1):
            choices.append(
                (self.t("review.goto", n=number, name=self.t(f"step.{name}")), ("goto", number - 1))
            )
        choices.append((self.t("review.quit"), ("end", "quit")))
        kind, value = self.ask.select("review_ok", self.t("review_ok"), choices, choices[0][1])
        if kind == "fix":
            raise _Jump(*step_of(value))
        if kind == "goto":
            raise _Jump(value)
        self.ending = value
        if value == "quit":
            raise _Jump(len(STEPS))

    def step_finish(self) -> None:
        from appeal.core.channel import decide_channel
        from appeal.letter.render import CHANNEL_FORMATS

        self.ask.show(self.t("saved", path=self.draft.path))
        case = self._case()
        kind = decide_channel(case, self.catalogue).kind if case is not None else "seller_central"
        fitting = list(CHANNEL_FORMATS[kind])
        self.formats = self.ask.checkbox(
            "formats",
            self.t("formats"),
            [(self.t(f"format.{f}"), f) for f in fitting],
            fitting,
            validate=lambda v: bool(v) or self.t("pick_one"),
            hint=hint(self.lang, "formats"),
        )


__all__ = ["TerminalClosed", "Wizard", "WizardInterrupted", "apply_notice", "first_open_step"]
