"""What the letter's template gets for each cause: the seller's entries with the catalogue's
sentences fitted to the case, root causes numbered and referred to, dates written once."""

from __future__ import annotations

import datetime as dt
from typing import Any

from appeal.core.case import Action, Case, CauseEntry, Measure, RootCause
from appeal.core.catalogue import Catalogue, Cause, Item
from appeal.core.fitting import Fitting, fit, fitting_for
from appeal.dates import longdate
from appeal.letter.figures import mentions_date
from appeal.units import bind_units, unbound


def answered(entry: CauseEntry, item: Action | Measure) -> list[int]:
    """The root-cause numbers `item` says it answers, in order, once each."""
    numbers = [entry.root_cause_number(a) for a in item.answers]
    return sorted({n for n in numbers if n is not None})


def answers_phrase(numbers: list[int]) -> str:
    """'addresses root cause 2', 'addresses root causes 1 and 3'."""
    if not numbers:
        return ""
    if len(numbers) == 1:
        return f"addresses root cause {numbers[0]}"
    listed = ", ".join(map(str, numbers[:-1])) + f" and {numbers[-1]}"
    return f"addresses root causes {listed}"


def period(start: dt.date, end: dt.date) -> str:
    """'21 to 23 November 2026', '28 October to 3 November 2026', or across years in full."""
    if start == end:
        return longdate(start)
    if start.year != end.year:
        return f"{longdate(start)} to {longdate(end)}"
    if start.month != end.month:
        return f"{start.day} {start:%B} to {longdate(end)}"
    return f"{start.day} to {longdate(end)}"


def short_window(window: tuple[dt.date, dt.date], days: int) -> bool:
    """True when `window` covers fewer days than Amazon's window of `days` for the metric."""
    return (window[1] - window[0]).days + 1 < days


def with_details(text: str, details: list[str]) -> str:
    """The sentence with its details in brackets before the full stop."""
    if not details:
        return text
    inside = "; ".join(details)
    return f"{text[:-1]} ({inside})." if text.endswith(".") else f"{text} ({inside})"


def _evidence(item: Item | None) -> dict[str, str | None]:
    if item is None or item.evidence is None:
        return {"evidence": None, "evidence_zh": None}
    return {"evidence": item.evidence.en, "evidence_zh": item.evidence.zh}


def _root_cause(cause: Cause, raw: RootCause, fitting: Fitting, number: int) -> dict[str, Any]:
    item = cause.item("root_causes", raw.use) if raw.use else None
    sentence = fit(item, fitting) if item else None
    return {
        "number": number,
        "text": sentence.en if sentence else raw.text,
        "zh": sentence.zh if sentence else raw.text,
        **_evidence(item),
    }


def _action(cause: Cause, entry: CauseEntry, raw: Action, fitting: Fitting) -> dict[str, Any]:
    item = cause.item("corrective_actions", raw.use) if raw.use else None
    sentence = fit(item, fitting) if item else None
    text = sentence.en if sentence else (raw.text or "")
    # A sentence that already says when it was done does not get the date twice.
    date = raw.date if raw.date and not mentions_date(text, raw.date) else None
    answers = answers_phrase(answered(entry, raw))
    return {
        "text": text,
        "line": with_details(text, [answers] if answers else []),
        "zh": sentence.zh if sentence else raw.text,
        "date": date,
        "day": raw.date,
        "answers": answers,
        **_evidence(item),
    }


def _measure(
    cause: Cause, entry: CauseEntry, raw: Measure, fitting: Fitting, letter_date: dt.date
) -> dict[str, Any]:
    item = cause.item("preventive_measures", raw.use) if raw.use else None
    sentence = fit(item, fitting, raw.owner) if item else None
    text = sentence.en if sentence else (raw.text or "")
    # The seller's frequency as typed; the catalogue's is appeal's text ("every 4 hours").
    frequency = raw.frequency or (bind_units(item.frequency) if item and item.frequency else None)
    details = []
    if answers := answers_phrase(answered(entry, raw)):
        details.append(answers)
    if raw.owner and not (sentence and sentence.uses_owner):
        details.append(f"owner: {raw.owner}")
    if frequency and unbound(frequency).lower() not in unbound(text).lower():
        details.append(frequency)
    if raw.start:
        since = "in place since " if raw.start <= letter_date else "starting "
        details.append(since + longdate(raw.start))
    return {
        "text": text,
        "zh": sentence.zh if sentence else raw.text,
        "owner": raw.owner,
        "frequency": frequency,
        "start": raw.start,
        "details": details,
        "line": with_details(text, details),
        **_evidence(item),
    }


def cause_context(case: Case, catalogue: Catalogue, letter_date: dt.date) -> list[dict[str, Any]]:
    """Per cause of `case`: its title, headings, facts, the three parts, effect and evidence."""
    fitting = fitting_for(case)
    causes = []
    for entry in case.causes:
        cause = catalogue.causes[entry.cause]
        measured = getattr(case.metrics, cause.metric.id)
        effect = None
        if measured is not None and measured.latest is not None:
            effect = {
                "title": cause.metric.en,
                # over fewer days than Amazon measures: the seller's own count, said as such
                "own_count": short_window(measured.latest.window, cause.metric.days),
                "days": cause.metric.days,
                "value": measured.latest.value,
                "period": period(*measured.latest.window),
                "target": bind_units(measured.target_or(cause.metric.usual).text),
                "source": measured.latest.source,
            }
        causes.append(
            {
                "id": cause.id,
                "effect": effect,
                "title": cause.title_en,
                "title_zh": cause.title_zh,
                "tracking_wording": cause.tracking_wording,
                "headings": {
                    name: part.tracking_heading if cause.tracking_wording else part.heading
                    for name, part in catalogue.parts.items()
                },
                "facts": entry.facts.strip(),
                "root_causes": [
                    _root_cause(cause, raw, fitting, number)
                    for number, raw in enumerate(entry.root_causes, start=1)
                ],
                "corrective_actions": [
                    _action(cause, entry, raw, fitting) for raw in entry.corrective_actions
                ],
                "preventive_measures": [
                    _measure(cause, entry, raw, fitting, letter_date)
                    for raw in entry.preventive_measures
                ],
                "attachments": entry.attachments,
            }
        )
    return causes


def _listed(names: list[str], lang: str) -> str:
    """ "a, b and c" (或 "a、b和c"), each name once."""
    names = list(dict.fromkeys(names))
    if len(names) < 2:
        return "".join(names)
    if lang == "zh":
        return "、".join(names[:-1]) + "和" + names[-1]
    return ", ".join(names[:-1]) + " and " + names[-1]


def responsibility_line(case: Case, catalogue: Catalogue) -> dict[str, str] | None:
    """The sentence taking responsibility, when the case has one (English and Chinese)."""
    statement = case.responsibility
    if statement is None:
        return None
    line = catalogue.responsibility(statement.use) if statement.use else None
    if line is not None:
        causes = [catalogue.causes[entry.cause] for entry in case.causes]
        named = {
            lang: _listed([c.process.of(lang) for c in causes if c.process], lang)
            for lang in ("en", "zh")
        }
        fitted = line.fitted[0] if line.fitted and named["en"] else None
        if fitted is not None:
            return {
                "en": bind_units(fitted.en).replace("{processes}", named["en"]),
                "zh": bind_units(fitted.zh or line.zh).replace("{processes}", named["zh"]),
            }
        return {"en": bind_units(line.en), "zh": bind_units(line.zh)}
    return {"en": statement.text or "", "zh": statement.text or ""}
