"""How `appeal tracking` shows what it found: in the terminal, findings grouped by kind with a
count and the first rows of each (bounded whatever the file size); with --json, every row
streamed as it is found, then the totals."""

from __future__ import annotations

import json
import shutil
import sys
import textwrap
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TextIO

import typer

from appeal.tracking.clean import char_name
from appeal.tracking.findings import describe, findings, inert, shown
from appeal.tracking.result import RowFinding, TrackingResult

_PROGRESS_FROM = 20 << 20  # a progress bar for inputs over 20 MB in a terminal

HEADINGS = {
    "invisible": "Invisible characters pasted in",
    "folded": "Full-width or lower-case characters",
    "separators": "Spaces or hyphens inside the ID",
    "uncleanable": "Characters that cannot be cleaned safely (look-alikes, other scripts)",
    "check_failed": "The check digit of the selected carrier fails (a typing error)",
    "unrecognised": "No format of the selected carrier",
    "duplicate": "Used on more than one order",
    "use_code": "'Other' for a carrier that has its own code",
    "not_integrated": "Carriers Amazon does not integrate with",
    "missing": "No tracking ID",
    "null": "NULL (deletes the tracking ID)",
    "ship_date": "Ship-date not written yyyy-mm-dd (Amazon's form)",
    "ship_date_left": "Ship-date Amazon cannot read, left for you",
    "cut_short": "Rows cut short (fewer cells than the column names)",
}
_CLEANED = ("invisible", "folded", "separators")


def _rows(count: int) -> str:
    return f"{count:,} row" if count == 1 else f"{count:,} rows"


class JsonRows:
    """--json: every row with a finding written as it is found (memory stays flat), then the
    totals, as one JSON object."""

    def __init__(self, out: TextIO | None = None) -> None:
        self.out = out or sys.stdout
        self.started = False

    def __call__(self, row: RowFinding) -> None:
        self.out.write(",\n    " if self.started else '{\n  "rows": [\n    ')
        self.started = True
        self.out.write(json.dumps(row_json(row), ensure_ascii=False))

    def finish(self, result: TrackingResult) -> None:
        if not self.started:
            self.out.write('{\n  "rows": [')
        self.out.write("\n  ],\n")
        body = json.dumps(result_json(result), ensure_ascii=False, indent=2)
        self.out.write(body[body.index("{") + 1 :].lstrip("\n"))
        self.out.write("\n")
        self.out.flush()


def row_json(row: RowFinding) -> dict[str, Any]:
    c = row.checked
    carrier = c.carrier
    return {
        "file": row.file,
        "line": row.line,
        "order_id": row.order_id,
        "carrier_code": carrier.code if carrier else "",
        "carrier_name": carrier.name if carrier else "",
        "amazon_code": carrier.listed if carrier else None,
        "raw": c.cleaned.raw,
        "cleaned": c.cleaned.value,
        "verdict": c.verdict,
        "format": c.format.name if c.format else None,
        "usable": c.usable,
        "kinds": row.kinds,
        "findings": findings(row),
        "cleanable": row.cleanable,
        "left_for_you": row.left,
        "ship_date": _ship_date_json(row),
        "cells": list(row.cut[:2]) if row.cut else None,
    }


def _ship_date_json(row: RowFinding) -> dict[str, Any] | None:
    """The ship-date cell of a row with a ship-date finding (None: none)."""
    found = row.ship_date
    if found is None:
        return None
    return {
        "raw": found.raw,
        "verdict": found.verdict,
        "rewritten": found.rewritten or None,
        "readings": [d.isoformat() for d in found.readings] if found.readings else None,
    }


def result_json(result: TrackingResult) -> dict[str, Any]:
    return {
        "files": [str(p) for p in result.files],
        "ids_checked": result.ids,
        "rows_with_findings": result.rows_with_findings,
        "counts": result.counts,
        "invisible_characters": {
            char_name(ch): n for ch, n in result.invisible_chars.most_common()
        },
        "not_checked_carriers": dict(result.not_checked_carriers.most_common()),
        "cleanable": result.cleanable,
        "fixed": result.cleanable if result.fix is not None else 0,
        "ship_dates_rewritable": result.redated,
        "ship_dates_rewritten": result.redated if result.fix is not None else 0,
        "left_for_you": result.left,
        "sentence": result.sentence(),
        "written": [str(p) for p in result.written],
        "exit_code": result.exit_code,
    }


@contextmanager
def progress(files: list[Path], *, quiet: bool) -> Iterator[Callable[[int], None] | None]:
    """A progress bar on stderr for big inputs in a terminal (else None)."""
    total = sum(p.stat().st_size for p in files if p.is_file())
    if quiet or total < _PROGRESS_FROM or not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import Progress

    with Progress(console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("Checking tracking IDs", total=total)
        yield lambda done: bar.update(task, completed=done)


def show_tracking(result: TrackingResult) -> None:
    """The terminal report: each kind of finding with its count and first rows, what is not
    checked, the summary sentence, and the files written."""
    width = max(60, min(shutil.get_terminal_size((80, 24)).columns, 100))
    counts = result.counts
    for kind, heading in HEADINGS.items():
        count = counts.get(kind, 0)
        if not count:
            continue
        note = ""
        cleaned = result.cleaned(kind) if kind in _CLEANED else 0
        if kind == "ship_date":
            note = f" (rewritten in {result.fix.name})" if result.fix else " (--fix rewrites them)"
        elif cleaned and result.fix is not None:
            some = "all" if cleaned == count else f"{cleaned:,}"
            note = f" ({some} cleaned in {result.fix.name})"
        elif cleaned:
            note = " (--fix cleans them)" if cleaned == count else f" (--fix cleans {cleaned:,})"
        typer.echo(f"{heading}: {_rows(count)}{note}")
        sample = result.samples.get(kind, [])
        for row in sample:
            typer.echo(_row_line(row))
            detail = describe(row, kind)
            typer.echo(
                textwrap.fill(
                    detail,
                    width,
                    initial_indent="      ",
                    subsequent_indent="      ",
                    break_on_hyphens=False,  # yyyy-mm-dd, order and tracking IDs stay whole
                )
            )
        if count > len(sample):
            more = f"  ... and {count - len(sample):,} more (every row: --json"
            more += f"; rows left for you: {result.report.name})" if result.report else ")"
            typer.echo(more)
        typer.echo("")
    if result.not_checked:
        carriers = ", ".join(
            f"{inert(code)} {n:,}" for code, n in result.not_checked_carriers.most_common(5)
        )
        typer.echo(
            textwrap.fill(
                f"Not checked: {_rows(result.not_checked)} for carriers whose number format is "
                f"not public ({carriers}); counted apart, neither usable nor unusable.",
                width,
            )
        )
        typer.echo("")
    typer.echo(textwrap.fill(result.sentence(), width))
    said = []
    dates = f" and {result.redated:,} ship-date(s) written yyyy-mm-dd" if result.redated else ""
    if result.fix is not None:
        said.append(
            f"Wrote {result.fix}: {result.cleanable:,} tracking cell(s) cleaned{dates}; every "
            "other byte is as in the input."
        )
        if result.report is not None:
            said.append(
                f"Wrote {result.report}: the {_rows(result.left)} left for you, one a line, each "
                "with what to do (retype an ID from the label, pick the right carrier, write the "
                "ship-date)."
            )
        else:
            said.append("Nothing is left for you: upload the corrected file.")
    elif result.cleanable or result.redated:
        said.append(
            f"--fix OUT writes a copy with {result.cleanable:,} tracking cell(s) cleaned{dates}."
        )
    if result.into is not None:
        said.append(f"Added the sentence to the invalid_tracking facts in {result.into}.")
    for text in said:
        typer.echo(textwrap.fill(text, width, subsequent_indent="  "))


def _row_line(row: RowFinding) -> str:
    c = row.checked
    order = f", order {shown(row.order_id)}" if row.order_id else ""
    carrier = f", {shown(c.carrier.shown)}" if c.carrier is not None and c.carrier.shown else ""
    value = shown(c.cleaned.raw) if c.cleaned.raw.strip() else "(blank)"
    return f"  line {row.line}{order}{carrier}: {value}"
