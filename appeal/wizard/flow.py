"""`appeal new`: questions in, case file out, saved after every answer.

Answers come from, strongest first: the wizard's questions > --set > --notice > --from or the
existing draft > catalogue defaults. All prompting goes through one `Prompter`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

from appeal.core.case import Case
from appeal.core.catalogue import PARTS, Catalogue, PartName
from appeal.core.fields import EMAIL_PATTERN
from appeal.core.marketplaces import marketplaces
from appeal.errors import AppealError
from appeal.wizard.draft import Draft
from appeal.wizard.notice import NoticeFacts
from appeal.wizard.prompter import Prompter
from appeal.wizard.texts import phrase

STEPS = ("seller", "notice", "causes", "details", "channel", "review", "finish")
_CJK = re.compile(r"[\u3400-\u9fff\uff00-\uffef]")
_EMAIL = re.compile(f"^{EMAIL_PATTERN}$")  # the case model's rule
_OWN = {
    "root_causes": "own_root",
    "corrective_actions": "own_action",
    "preventive_measures": "own_measure",
}
_PICK = {
    "root_causes": "root_causes",
    "corrective_actions": "actions",
    "preventive_measures": "measures",
}


class WizardInterrupted(AppealError):
    """Raised on Ctrl-C: every answer so far is already saved."""

    exit_code = 130


class _Back(Exception):
    """The user asked to go back a step."""


def _is_date(text: str) -> bool:
    try:
        dt.date.fromisoformat(text.strip())
    except ValueError:
        return False
    return True


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

    # -- helpers -----------------------------------------------------------------------
    def t(self, key: str, **values: Any) -> str:
        return phrase(self.lang, key, **values)

    def _validator(self, required: bool, kind: str | None) -> Callable[[str], bool | str]:
        def check(answer: str) -> bool | str:
            text = answer.strip()
            if not text:
                return self.t("required") if required else True
            if kind == "date" and not _is_date(text):
                return self.t("bad_date")
            if kind == "email" and not _EMAIL.match(text):
                return self.t("bad_email")
            return True

        return check

    def text(
        self,
        path: tuple[str | int, ...],
        message: str,
        *,
        required: bool = True,
        kind: str | None = None,
        english: bool = False,
        default: str | None = None,
    ) -> str:
        """Ask, store at `path` in the draft, save. Returns the answer."""
        current = self.draft.get(path)
        start = str(current) if current not in (None, "") else (default or "")
        while True:
            answer = self.ask.text(
                message, default=start, validate=self._validator(required, kind)
            ).strip()
            if english and _CJK.search(answer) and self.ask.confirm(self.t("chinese_warning")):
                start = answer
                continue
            break
        self.draft.set(path, answer if answer or required else None)
        return answer

    def _next_or_back(self) -> None:
        choice = self.ask.select(
            self.t("nav"), [(self.t("nav.next"), "next"), (self.t("nav.back"), "back")], "next"
        )
        if choice == "back":
            raise _Back

    # -- the flow ----------------------------------------------------------------------
    def run(self, start: int = 0) -> bool:
        """Ask every step from `start`; True when the user confirmed saving and rendering."""
        steps: list[Callable[[], bool | None]] = [
            self.step_seller,
            self.step_notice,
            self.step_causes,
            self.step_details,
            self.step_channel,
            self.step_review,
            self.step_finish,
        ]
        index = start
        while index < len(steps):
            name = STEPS[index]
            self.ask.show(
                self.t("step", n=index + 1, total=len(steps), name=self.t(f"step.{name}"))
            )
            try:
                result = steps[index]()
                if name == "review" and result is False:
                    raise _Back
                if name == "finish":
                    return bool(result)
                if name != "review":  # the review's own question already offers going back
                    self._next_or_back()
            except _Back:
                index = max(0, index - 1)
                continue
            index += 1
        return False

    def step_seller(self) -> None:
        self.text(("seller", "business_name"), self.t("business_name"))
        self.text(("seller", "store_name"), self.t("store_name"))
        self.text(("seller", "merchant_token"), self.t("merchant_token"), required=False)
        markets = list(marketplaces())
        current = self.draft.get(("seller", "marketplace")) or "amazon.com"
        market = self.ask.select(self.t("marketplace"), [(m, m) for m in markets], current)
        self.draft.set(("seller", "marketplace"), market)
        self.text(("seller", "contact_name"), self.t("contact_name"))
        self.text(
            ("seller", "contact_email"), self.t("contact_email"), required=False, kind="email"
        )

    def step_notice(self) -> None:
        pasted = self.ask.text(self.t("paste_notice"), multiline=True).strip()
        if pasted:
            from appeal.wizard.notice import read_notice

            self.notice = read_notice(pasted)
            apply_notice(self.draft, self.notice)
            self.ask.show(self.t("notice_read", what=describe_notice(self.notice)))
        for raw, month_first, day_first in self.notice.ambiguous_dates if self.notice else []:
            if self.draft.get(("notice", "date")):
                break
            chosen = self.ask.select(
                self.t("ambiguous", raw=raw),
                [
                    (f"{month_first:%d %B %Y}", month_first.isoformat()),
                    (f"{day_first:%d %B %Y}", day_first.isoformat()),
                ],
            )
            self.draft.set(("notice", "date"), chosen)
        self.text(("notice", "date"), self.t("notice_date"), kind="date")
        scope = self.ask.select(
            self.t("scope"),
            [(self.t("scope.category"), "category"), (self.t("scope.all"), "all")],
            self.draft.get(("notice", "scope")) or "category",
        )
        self.draft.set(("notice", "scope"), scope)
        if scope == "category":
            current = self.draft.get(("notice", "categories")) or []
            answer = self.ask.text(
                self.t("categories"),
                default=", ".join(map(str, current)),
                validate=self._validator(True, None),
            )
            self.draft.set(
                ("notice", "categories"), [c.strip() for c in answer.split(",") if c.strip()]
            )
        else:
            self.draft.set(("notice", "categories"), None)
        notice_day = dt.date.fromisoformat(str(self.draft.get(("notice", "date"))))
        default = (notice_day + dt.timedelta(days=17)).isoformat()
        self.text(("notice", "deadline"), self.t("deadline"), kind="date", default=default)

    def step_causes(self) -> None:
        existing = [c.get("cause") for c in self.draft.causes()]
        suggested = existing or (self.notice.causes if self.notice else [])
        choices = [(c.title(self.lang), c.id) for c in self.catalogue.causes.values()]
        picked = self.ask.checkbox(
            self.t("causes"), choices, suggested, validate=lambda v: bool(v) or self.t("pick_one")
        )
        self.draft.keep_causes(picked)

    def step_details(self) -> None:
        entries = self.draft.causes()
        for number, entry in enumerate(entries, start=1):
            cause = self.catalogue.causes[entry["cause"]]
            self.ask.show(
                self.t("cause_title", n=number, total=len(entries), title=cause.title(self.lang))
            )
            index = number - 1
            self.text(("causes", index, "facts"), self.t("facts"), english=True)
            for part in PARTS:
                self._part(index, part)

    def _label(self, part: PartName, cause_id: str, item_id: str) -> str:
        item = self.catalogue.causes[cause_id].item(part, item_id)
        assert item is not None
        return item.zh if self.lang == "zh" else item.en

    def _part(self, index: int, part: PartName) -> None:
        cause_id = self.draft.get(("causes", index, "cause"))
        cause = self.catalogue.causes[cause_id]
        old = list(self.draft.get(("causes", index, part)) or [])
        old_by_key = {(e.get("use") or ""): e for e in old if e.get("use")}
        own = [e for e in old if e.get("text")]
        choices = [(self._label(part, cause_id, i.id), ("use", i.id)) for i in cause.items(part)]
        choices += [(str(e["text"]), ("text", str(e["text"]))) for e in own]
        checked = [("use", k) for k in old_by_key] + [("text", str(e["text"])) for e in own]
        picked = self.ask.checkbox(self.t(_PICK[part]), choices, checked)
        entries: list[dict[str, Any]] = []
        for kind, value in picked:
            previous = (
                old_by_key.get(value)
                if kind == "use"
                else next((e for e in own if e["text"] == value), None)
            )
            entries.append(
                {
                    kind: value,
                    **{k: v for k, v in (previous or {}).items() if k not in ("use", "text")},
                }
            )
        while True:
            extra = self.text(
                ("causes", index, "_own"), self.t(_OWN[part]), required=False, english=True
            )
            self.draft.set(("causes", index, "_own"), None)
            if not extra:
                break
            entries.append({"text": extra})
        self.draft.set(("causes", index, part), entries)
        for position, entry in enumerate(entries):
            label = entry.get("text") or self._label(part, cause_id, entry["use"])
            short = label if len(label) <= 50 else label[:47] + "..."
            where = ("causes", index, part, position)
            if part == "corrective_actions":
                self.text(
                    (*where, "date"),
                    self.t("action_date", item=f"[{short}]"),
                    kind="date",
                    default=self.today.isoformat(),
                )
            elif part == "preventive_measures":
                self.text((*where, "owner"), self.t("owner", item=f"[{short}]"))
                self.text(
                    (*where, "start"),
                    self.t("start", item=f"[{short}]"),
                    kind="date",
                    default=self.today.isoformat(),
                )

    def _case(self) -> Case:
        """The draft as a validated case; AppealError while answers are missing."""
        from appeal.core.casefile import parse_case

        return parse_case(self.draft.text(), str(self.draft.path), self.catalogue)

    def step_channel(self) -> None:
        from appeal.core.channel import decide_channel

        try:
            case = self._case()
        except AppealError as exc:
            self.ask.show(exc.message)
            return
        channel = decide_channel(case, self.catalogue)
        where = channel.address if channel.kind == "email" else "Seller Central"
        days = channel.days_left(self.today)
        if channel.deadline is None or days is None:
            deadline, left = self.t("no_deadline"), self.t("send_promptly")
        else:
            deadline = channel.deadline.isoformat()
            left = self.t("left", n=days) if days >= 0 else self.t("past", n=-days)
        self.ask.show(
            self.t("channel", where=where, why=channel.reason, deadline=deadline, left=left)
        )

    def step_review(self) -> bool:
        self.ask.show(self.t("review_intro"))
        self.ask.show(self._preview())
        return self.ask.confirm(self.t("review_ok"))

    def _preview(self) -> str:
        """The letter as it will read (in Chinese: the reading copy), or the case file itself
        while answers are still missing."""
        from appeal.letter.content import render_letter, render_reading_copy
        from appeal.letter.formats.document import parse_markdown
        from appeal.letter.formats.txt import blocks_to_text

        try:
            case = self._case()
        except AppealError as exc:
            return f"{self.draft.text()}\n{exc.message}"
        letter = render_letter(case, self.catalogue, letter_date=self.today)
        markdown = (
            render_reading_copy(letter, self.catalogue) if self.lang == "zh" else letter.markdown
        )
        return blocks_to_text(parse_markdown(markdown))

    def step_finish(self) -> bool:
        from appeal.letter.render import CHANNEL_FORMATS

        self.ask.show(self.t("saved", path=self.draft.path))
        fitting = list(CHANNEL_FORMATS[self._channel_kind()])
        names = {
            "txt": "text (.txt)",
            "md": "Markdown (.md)",
            "docx": "Word letter (.docx)",
            "eml": "e-mail draft (.eml)",
            "form": "Seller Central form boxes (.form.txt)",
        }
        self.formats = self.ask.checkbox(
            self.t("formats"),
            [(names[f], f) for f in fitting],
            fitting,
            validate=lambda v: bool(v) or self.t("pick_one"),
        )
        return True

    def _channel_kind(self) -> str:
        from appeal.core.channel import decide_channel

        try:
            return decide_channel(self._case(), self.catalogue).kind
        except AppealError:
            return "seller_central"


def describe_notice(facts: NoticeFacts) -> str:
    parts = []
    if facts.date:
        parts.append(f"date {facts.date}")
    if facts.scope:
        parts.append(f"scope {facts.scope}")
    if facts.categories:
        parts.append("categories " + ", ".join(facts.categories))
    parts += [f"{m} {v} %" for m, v in facts.metrics.items()]
    if facts.deadline_days:
        parts.append(f"deadline {facts.deadline_days} days")
    if facts.causes:
        parts.append("likely causes " + ", ".join(facts.causes))
    return "; ".join(parts) or "-"


def apply_notice(draft: Draft, facts: NoticeFacts) -> None:
    """Fill the draft with what the notice states (it wins over earlier sources)."""
    if facts.date:
        draft.set(("notice", "date"), facts.date.isoformat())
    if facts.scope:
        draft.set(("notice", "scope"), facts.scope)
    if facts.categories:
        draft.set(("notice", "categories"), facts.categories)
    if facts.deadline:
        draft.set(("notice", "deadline"), facts.deadline.isoformat())
    if facts.reference:
        draft.set(("notice", "reference"), facts.reference)
    for metric, value in facts.metrics.items():
        draft.set(("metrics", metric, "value"), value)
    if facts.causes and not draft.causes():
        draft.keep_causes(facts.causes)


def first_open_step(draft: Draft) -> int:
    """Where a draft stopped: the first step with a required answer missing."""
    seller = ("business_name", "store_name", "marketplace", "contact_name")
    if any(not draft.get(("seller", key)) for key in seller):
        return 0
    if not draft.get(("notice", "date")) or not draft.get(("notice", "scope")):
        return 1
    causes = draft.causes()
    if not causes:
        return 2
    for entry in causes:
        if not entry.get("facts") or any(not entry.get(part) for part in PARTS):
            return 3
    return 4
