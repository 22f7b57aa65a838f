"""The live preview beside the form: the letter as it will read, the checks' findings beside
the text they concern (errors first), the channel, or what is still to answer.

Everything comes from the core the command line uses: `parse_case`, `render_letter`,
`check_letter`, `decide_channel`, `render_reading_copy`. This module only lays it out in HTML.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections import OrderedDict, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from markupsafe import Markup, escape

from appeal.core.case import Case
from appeal.core.catalogue import PARTS, Catalogue
from appeal.core.channel import Channel
from appeal.errors import AppealError, CaseInvalid
from appeal.letter.checks import CheckReport
from appeal.letter.formats.document import Block, Heading, Inline, ListBlock, Paragraph, Table
from appeal.letter.rules import Finding
from appeal.web.pages import render_fragment
from appeal.web.places import Place, Problem, anchor_of, place_of_finding, place_problem


@dataclass(frozen=True)
class PlacedFinding:
    """A finding with the step and field it concerns (None: the letter as a whole)."""

    finding: Finding
    place: Place
    anchor: str | None


@dataclass(frozen=True)
class PlacedProblem:
    problem: Problem
    anchor: str | None


@dataclass
class Preview:
    """What the preview panel shows for one state of the case."""

    case: Case | None = None
    problems: list[PlacedProblem] = field(default_factory=list)
    report: CheckReport | None = None
    findings: list[PlacedFinding] = field(default_factory=list)
    letter_html: Markup = field(default_factory=Markup)
    reading_html: Markup = field(default_factory=Markup)

    @property
    def channel(self) -> Channel | None:
        return self.report.letter.channel if self.report is not None else None

    @property
    def errors(self) -> int:
        return self.report.errors if self.report is not None else 0

    @property
    def warnings(self) -> int:
        return self.report.warnings if self.report is not None else 0


@dataclass(frozen=True)
class Resend:
    """The letter is about to go again after Amazon turned the last one down, and has not
    changed where it must: what Amazon said, and what is still the same."""

    date: dt.date  # the day the answered letter was sent
    outcome: str
    asked: list[str]  # the parts Amazon's reply asks more on, in the page's language
    same: str | None  # how much of the letter is the same ("99%"), when nearly all of it
    unchanged: list[str]  # parts asked for and not changed since


def resend_note(preview: Preview, catalogue: Catalogue, lang: str) -> Resend | None:
    """What to say instead of "the letter can be sent" when it is a near-copy of a letter
    Amazon rejected, or leaves unchanged a part Amazon's reply asked more on (domain.md 5)."""
    import re

    report, case = preview.report, preview.case
    if report is None or case is None or report.rework_from is None or not case.submissions:
        return None
    same = next((f.quote for f in report.findings if f.rule == "resend"), None)
    unchanged_names = {f.where for f in report.findings if f.rule == "rework-unchanged"}
    if same is None and not unchanged_names:
        return None
    percent = re.match(r"\d+\s*%", same) if same else None
    return Resend(
        date=report.rework_from,
        outcome=case.submissions[-1].outcome,
        asked=[catalogue.part_name(p, lang) for p in report.rework],
        same=percent.group(0) if percent else same,
        unchanged=[
            catalogue.part_name(p, lang)
            for p in report.rework
            if catalogue.part_name(p) in unchanged_names
        ],
    )


_CACHE: OrderedDict[tuple[Path, str, dt.date, str, int], Preview] = OrderedDict()
_CACHE_SIZE = 32
_CACHE_LOCK = threading.Lock()


def build_preview(
    path: Path, text: str, data: Any, catalogue: Catalogue, today: dt.date, lang: str
) -> Preview:
    """The preview of the case whose file holds `text` (answers `data`). A preview depends
    on nothing else but the day and the language (a submission changes the text too), so
    the step pages of one state of the case share it: the change that made it made it.
    The folder's time of change is part of the state too: an evidence file put beside the
    case (or removed) shows in the findings at once."""
    try:
        folder_changed = path.parent.stat().st_mtime_ns
    except OSError:
        folder_changed = 0
    key = (path.resolve(), text, today, lang, folder_changed)
    with _CACHE_LOCK:
        found = _CACHE.get(key)
        if found is not None:
            _CACHE.move_to_end(key)
            return found
    preview = _build(path, text, data, catalogue, today, lang)
    with _CACHE_LOCK:
        _CACHE[key] = preview
        while len(_CACHE) > _CACHE_SIZE:
            _CACHE.popitem(last=False)
    return preview


def _build(
    path: Path, text: str, data: Any, catalogue: Catalogue, today: dt.date, lang: str
) -> Preview:
    """Validate the draft's `text` (answers `data`); when it makes a case, render and check
    its letter. Nothing is written."""
    from appeal.core.casefile import parse_case
    from appeal.letter.checks import check_letter
    from appeal.letter.content import render_letter, render_reading_copy
    from appeal.letter.formats.document import parse_markdown

    def placed_problem(line: str) -> PlacedProblem:
        problem = place_problem(line, lang)
        return PlacedProblem(problem, anchor_of(problem.place, data))

    try:
        case = parse_case(text, path.name, catalogue)
    except CaseInvalid as exc:
        return Preview(problems=[placed_problem(p) for p in exc.problems])
    except AppealError as exc:
        return Preview(problems=[placed_problem(exc.message)])
    letter = render_letter(case, catalogue, letter_date=today)
    report = check_letter(path, case, letter, catalogue, today)
    placed = []
    for finding in report.findings:
        place = place_of_finding(finding, catalogue)
        placed.append(PlacedFinding(finding, place, anchor_of(place, data)))
    preview = Preview(case=case, report=report, findings=placed)

    def note(p: PlacedFinding) -> Markup:
        return render_fragment("finding.html", placed=p, lang=lang, name=path.name)

    preview.letter_html = letter_html(parse_markdown(letter.markdown), placed, note)
    if lang == "zh":
        reading = parse_markdown(render_reading_copy(letter, catalogue))
        preview.reading_html = letter_html(reading, [], note)
    return preview


# -- the letter in HTML --------------------------------------------------------------------


def _inline(runs: Inline) -> Markup:
    out = []
    for run in runs:
        if run.text == "\n":
            out.append(Markup("<br>"))
            continue
        piece = escape(run.text)
        if run.code:
            piece = Markup("<code>%s</code>") % piece
        if run.italic:
            piece = Markup("<em>%s</em>") % piece
        if run.bold:
            piece = Markup("<strong>%s</strong>") % piece
        out.append(piece)
    return Markup("").join(out)


def letter_html(
    blocks: list[Block], placed: list[PlacedFinding], note: Callable[[PlacedFinding], Markup]
) -> Markup:
    """The letter's blocks as HTML, each finding after the text it concerns."""
    at: dict[tuple[object, ...], list[PlacedFinding]] = defaultdict(list)
    top: list[PlacedFinding] = []
    for p in placed:
        place = p.place
        if place.cause is None:
            top.append(p)
        elif place.facts:
            at[(place.cause, "facts")].append(p)
        elif place.part is not None and place.item is not None:
            at[(place.cause, place.part, place.item)].append(p)
        elif place.part is not None:
            at[(place.cause, place.part)].append(p)
        else:
            at[(place.cause,)].append(p)

    def notes(key: tuple[object, ...]) -> Markup:
        return Markup("").join(note(p) for p in at.pop(key, []))

    out: list[Markup] = [Markup("").join(note(p) for p in top)]
    cause = -1
    part_index = -1
    facts_pending = False
    for block in blocks:
        if isinstance(block, Heading):
            level = min(max(block.level, 1), 4) + 1
            out.append(Markup(f"<h{level}>%s</h{level}>") % _inline(block.runs))
            if block.level == 2:
                cause, part_index = cause + 1, -1
                out.append(notes((cause,)))
            elif block.level == 3 and cause >= 0:
                part_index += 1
                if part_index < len(PARTS):
                    out.append(notes((cause, PARTS[part_index])))
                    facts_pending = part_index == 0
            continue
        if isinstance(block, Paragraph):
            out.append(Markup("<p>%s</p>") % _inline(block.runs))
            if facts_pending:
                out.append(notes((cause, "facts")))
                facts_pending = False
        elif isinstance(block, ListBlock):
            facts_pending = False
            tag = "ol" if block.ordered else "ul"
            items = []
            for number, item in enumerate(block.items):
                extra = Markup("")
                if cause >= 0 and 0 <= part_index < len(PARTS):
                    extra = notes((cause, PARTS[part_index], number))
                items.append(Markup("<li>%s%s</li>") % (_inline(item), extra))
            out.append(Markup(f"<{tag}>%s</{tag}>") % Markup("").join(items))
        elif isinstance(block, Table):
            out.append(_table(block))
    rest = [p for group in at.values() for p in group]  # a place the letter has no text for
    out.append(Markup("").join(note(p) for p in rest))
    return Markup("").join(out)


def _table(table: Table) -> Markup:
    head = Markup("").join(Markup("<th scope=col>%s</th>") % _inline(c) for c in table.header)
    rows = Markup("").join(
        Markup("<tr>%s</tr>") % Markup("").join(Markup("<td>%s</td>") % _inline(c) for c in row)
        for row in table.rows
    )
    return Markup(
        '<div class="table-scroll"><table><thead><tr>%s</tr></thead><tbody>%s</tbody></table></div>'
    ) % (head, rows)
