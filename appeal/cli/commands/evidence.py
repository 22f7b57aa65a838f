"""The seller's own files as evidence: `appeal tracking` (tracking IDs) and `appeal metrics`
(account-health figures from Seller Central reports)."""

from pathlib import Path
from typing import Annotated

import typer

from appeal.cli.boundary import boundary, date_option
from appeal.cli.options import JsonOpt, argument, into_case, option


def tracking(
    files: Annotated[
        list[Path],
        argument(
            help="Shipping-confirmation upload files, or plain lists with one "
            "tracking number per line.",
            metavar="FILE...",
        ),
    ],
    carrier: Annotated[
        str | None,
        option(
            "--carrier",
            help="Carrier code for plain lists (USPS, UPS, FedEx, DHL, "
            "China Post, Yun Express ...); upload files name the carrier per row.",
        ),
    ] = None,
    fix: Annotated[
        Path | None,
        option(
            "--fix",
            help="Write a corrected copy of the file here (same columns, "
            "encoding and line endings) to upload again, and the rows left for you "
            "beside it (OUT-name.left-for-you.txt).",
            metavar="OUT",
        ),
    ] = None,
    as_json: JsonOpt = False,
    into: Annotated[
        Path | None,
        into_case(help="Add the summary sentence to this case's invalid_tracking facts."),
    ] = None,
) -> None:
    """Find tracking IDs that lower the Valid Tracking Rate, and fix what can be fixed safely.

    Exit code 1 when anything was found, 0 when every ID is clean (IDs of carriers whose
    number format is not public are counted apart)."""
    with boundary():
        from appeal.cli.views import tracking as view
        from appeal.tracking.command import check_tracking_files

        rows = view.JsonRows() if as_json else None
        with view.progress(files, quiet=as_json) as on_progress:
            result = check_tracking_files(
                files=files,
                carrier=carrier,
                fix=fix,
                into=into,
                on_row=rows,
                on_progress=on_progress,
            )
        if rows is not None:
            rows.finish(result)
        else:
            view.show_tracking(result)
    raise typer.Exit(result.exit_code)


def metrics(
    files: Annotated[
        list[Path],
        argument(
            help="All Orders, Unshipped orders and shipping-confirmation files, and "
            "Amazon's SP-API seller performance report (JSON); gzip-compressed or without "
            "an extension is fine; several at once, overlapping rows are counted once.",
            metavar="FILE...",
        ),
    ],
    as_of: Annotated[
        str | None,
        option(
            "--as-of",
            help="Last day of the windows (YYYY-MM-DD); default: the newest day in the files.",
        ),
    ] = None,
    marketplace: Annotated[
        str | None,
        option(
            "--marketplace",
            help="The marketplace (amazon.com ...) of files that do not say which one they "
            "are from; default: the one the other files name, or the --into case's.",
        ),
    ] = None,
    as_json: JsonOpt = False,
    into: Annotated[
        Path | None,
        into_case(
            help="Write the figures and a facts sentence into this case file (never over a "
            "figure you typed)."
        ),
    ] = None,
) -> None:
    """Account-health figures per marketplace: Amazon's own, and estimates from your files.

    Amazon's SP-API seller performance report is shown exactly as Amazon gives it; from your
    All Orders, Unshipped and shipping-confirmation files the cancellation rate, usable
    tracking IDs and late confirmations are estimated, against Amazon's targets."""
    with boundary():
        from appeal.cli.views.metrics import print_json, show
        from appeal.sellerfiles.metrics import run_metrics

        day = date_option("--as-of", as_of) if as_of is not None else None
        result = run_metrics(files=files, as_of=day, marketplace=marketplace, into=into)
        print_json(result) if as_json else show(result)
    raise typer.Exit(result.exit_code)
