"""The seller's figure for the metric Amazon acted on, and the days it was measured over: asked
in the wizard where neither the notice nor an earlier answer gave them (both optional). The
letter's table then names the window ("1 to 30 October 2026") instead of the usual one."""

from __future__ import annotations

from typing import TYPE_CHECKING

from appeal.core.case import fraction_problem, parse_percent
from appeal.core.catalogue import MetricInfo
from appeal.dates import parse_date
from appeal.wizard.notice import read_window
from appeal.wizard.texts import hint

if TYPE_CHECKING:
    from appeal.wizard.flow import Wizard


def ask_figure(wizard: Wizard, metric: MetricInfo) -> None:
    """The figure (when missing), then its window (when missing and the notice gives none)."""
    where = ("metrics", metric.id)
    title = metric.zh if wizard.lang == "zh" else metric.en
    if wizard.draft.get((*where, "value")) in (None, ""):
        _ask_value(wizard, metric, title)
    if wizard.draft.get((*where, "value")) in (None, "") or wizard.draft.get((*where, "window")):
        return
    period = wizard.notice.periods.get(metric.id) if wizard.notice else None
    if period is not None:  # the notice states it, with no figure of its own
        wizard.draft.set((*where, "window"), [period[0].isoformat(), period[1].isoformat()])
        return
    _ask_window(wizard, metric, title)


def _ask_value(wizard: Wizard, metric: MetricInfo, title: str) -> None:
    def check(answer: str) -> bool | str:
        if not answer.strip():
            return True
        try:
            value = parse_percent(answer)
        except ValueError:
            return wizard.t("bad_rate")
        if fraction_problem(metric.id, value) is None:
            return True
        return wizard.t("fraction_rate", value=f"{value:g}", percent=f"{value * 100:g}")

    answer = wizard.ask.text(
        "own_figure",
        wizard.t("own_figure", metric=title, target=metric.usual.text),
        validate=check,
        hint=hint(wizard.lang, "own_figure"),
    ).strip()
    if answer:
        wizard.draft.set(("metrics", metric.id, "value"), _number(parse_percent(answer)))


def _number(value: float) -> int | float:
    """The figure as a person writes it in the case file, a plain `6.1` or `100` (text would be
    saved quoted, '6.1'). The case reader still reads it as text, as every value; the model
    makes it a number."""
    shown = f"{value:g}"
    return int(shown) if shown.lstrip("-").isdigit() else float(shown)


def _ask_window(wizard: Wizard, metric: MetricInfo, title: str) -> None:
    try:
        notice_day = parse_date(wizard.draft.get(("notice", "date")))
    except ValueError:
        notice_day = None

    def check(answer: str) -> bool | str:
        if not answer.strip():
            return True
        window = read_window(answer)
        if window is None:
            return wizard.t("bad_window")
        start, end = window
        if start > end:
            return wizard.t("window_order", start=start.isoformat(), end=end.isoformat())
        latest = min(d for d in (wizard.today, notice_day) if d is not None)
        if end > latest:
            key = "window_after_notice" if latest != wizard.today else "future_date"
            return wizard.t(key, date=end.isoformat(), today=latest.isoformat())
        return True

    usual = metric.window_zh if wizard.lang == "zh" else metric.window
    answer = wizard.ask.text(
        "own_window",
        wizard.t("own_window", metric=title),
        validate=check,
        hint=hint(wizard.lang, "own_window").format(window=usual),
        empty="skip",
    ).strip()
    window = read_window(answer) if answer else None
    if window is not None:
        days = [day.isoformat() for day in window]
        wizard.draft.set(("metrics", metric.id, "window"), days)
