"""Showing what `appeal tracking` found: a summary table, per-row findings, JSON."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from appeal.errors import EXIT_FINDINGS, EXIT_OK
from appeal.tracking.scan import KIND_LABELS, RowResult, Summary, scan_files, verb

SHOWN_ROWS = 100  # rows listed in the terminal; --json lists them all
_PROGRESS_FROM = 20 << 20  # show a progress bar for inputs over 20 MB in a terminal


def _row_json(row: RowResult) -> dict[str, Any]:
    c = row.checked
    return {
        "file": row.file,
        "line": row.line,
        "order_id": row.order_id,
        "carrier": row.carrier,
        "raw": c.cleaned.raw,
        "cleaned": c.cleaned.value,
        "verdict": c.verdict,
        "format": c.format.name if c.format else None,
        "kinds": row.kinds,
        "findings": row.findings(),
    }


def run_tracking(
    *, files: list[Path], carrier: str | None, fix: Path | None, as_json: bool, into: Path | None
) -> int:
    """Scan, report, optionally fix and record; return the exit code."""
    from rich.console import Console
    from rich.markup import escape

    out = Console(highlight=False, soft_wrap=True)
    rows: list[dict[str, Any]] = []
    shown = 0

    def on_row(row: RowResult) -> None:
        nonlocal shown
        if as_json:
            rows.append(_row_json(row))
            return
        shown += 1
        if shown <= SHOWN_ROWS:
            where = f"{Path(row.file).name}:{row.line}"
            order = f" order {row.order_id}" if row.order_id else ""
            value = row.checked.cleaned.raw.strip() or "(blank)"
            out.print(f"[bold]{where}[/]{order} '{escape(_safe(value))}'")
            for finding in row.findings():
                out.print(f"    - {finding}", markup=False)

    total = sum(p.stat().st_size for p in files if p.is_file())
    summary = _scan_with_progress(files, carrier, fix, on_row, total, as_json)
    if into is not None:
        from appeal.core.caseedit import append_facts

        append_facts(into, "invalid_tracking", summary.sentence())
    if as_json:
        print(json.dumps({**summary.as_json(), "rows": rows}, ensure_ascii=False, indent=2))
    else:
        if shown > SHOWN_ROWS:
            out.print(f"... and {shown - SHOWN_ROWS} more rows with findings (use --json for all).")
        _print_summary(out, summary, fix, into)
    return EXIT_OK if summary.clean else EXIT_FINDINGS


def _safe(text: str) -> str:
    """Show invisible characters as escapes instead of printing them."""
    from appeal.tracking.clean import is_invisible

    return "".join(f"\\u{ord(ch):04x}" if is_invisible(ch) and ch != " " else ch for ch in text)


def _scan_with_progress(
    files: list[Path], carrier: str | None, fix: Path | None, on_row: Any, total: int, quiet: bool
) -> Summary:
    if quiet or total < _PROGRESS_FROM or not sys.stderr.isatty():
        return scan_files(files, carrier=carrier, fix=fix, on_row=on_row)
    from rich.console import Console
    from rich.progress import Progress

    with Progress(console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task("Checking tracking IDs", total=total)
        return scan_files(
            files,
            carrier=carrier,
            fix=fix,
            on_row=on_row,
            on_progress=lambda n: progress.advance(task, n),
        )


def _print_summary(out: Any, summary: Summary, fix: Path | None, into: Path | None) -> None:
    from rich.table import Table

    table = Table(title=f"{summary.rows} tracking IDs checked", show_edge=False)
    table.add_column("finding")
    table.add_column("rows", justify="right")
    for kind, label in KIND_LABELS.items():
        if summary.counts.get(kind):
            table.add_row(verb(label, 2), str(summary.counts[kind]))
    if summary.counts:
        out.print(table)
    out.print()
    out.print(summary.sentence(), markup=False)
    if fix is not None:
        out.print(
            f"Wrote {fix}: {summary.fixed} tracking cell(s) cleaned; every other byte "
            "is as in the input.",
            markup=False,
        )
        for line, why in summary.left_alone:
            out.print(f"  left for you, line {line}: {why}", markup=False)
    if into is not None:
        out.print(f"Added the sentence to the invalid_tracking facts in {into}.", markup=False)
