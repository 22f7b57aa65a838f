"""`appeal tracking`'s core: check the files, write the corrected copy and the list of rows
left for the user, add the summary sentence to a case; return everything as a result."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from appeal.errors import InputError
from appeal.tracking.carriers import resolve_carrier
from appeal.tracking.output import check_targets
from appeal.tracking.result import RowFinding, TrackingResult
from appeal.tracking.scan import scan_files


def check_tracking_files(
    files: list[Path],
    *,
    carrier: str | None = None,
    fix: Path | None = None,
    into: Path | None = None,
    on_row: Callable[[RowFinding], None] | None = None,
    on_progress: Callable[[int], None] | None = None,
) -> TrackingResult:
    """Check every tracking ID of `files` (shipping-confirmation files, or plain lists with one
    number a line for `carrier`). `fix`: write a corrected copy there (one input file only)
    and the rows left for the user beside it. `into`: add the summary sentence to this case's
    invalid_tracking facts. `on_row` gets every row with a finding as it is found (for output
    that lists them all); the result keeps counts and the first rows of each kind."""
    chosen = None
    if carrier is not None:
        chosen = resolve_carrier(carrier)
        if chosen.listed is None:
            raise InputError(
                f"--carrier {carrier}: not one of Amazon's carrier codes; give the code you "
                "select in Seller Central (USPS, UPS, FedEx, DHL, China Post, Yun Express ...)."
            )
    if fix is not None:
        check_targets(files, fix)
    if into is not None and not into.is_file():
        raise InputError(f"--into {into}: no such case file; check the path.")
    result = scan_files(files, carrier=chosen, fix=fix, on_row=on_row, on_progress=on_progress)
    if into is not None:
        from appeal.core.caseedit import append_facts

        append_facts(into, "invalid_tracking", result.sentence())
        result.into = into
    return result
