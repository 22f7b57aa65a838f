"""`appeal monitor`: the newest reports in a folder against Amazon's targets, kept as snapshots."""

import datetime as dt
from pathlib import Path
from typing import Annotated

import typer

from appeal.cli.boundary import boundary, check_lang, date_option, fixed_today
from appeal.cli.options import JsonOpt, LangOpt, argument, option


def monitor(
    folder: Annotated[
        Path,
        argument(
            help="The folder your Amazon reports are downloaded into (default: here).",
            metavar="[FOLDER]",
        ),
    ] = Path("."),
    as_of: Annotated[
        str | None,
        option(
            "--as-of",
            help="The day to judge (YYYY-MM-DD): last day of the windows and 'today' for "
            "orders due; default: each marketplace's today.",
        ),
    ] = None,
    as_json: JsonOpt = False,
    margin: Annotated[
        float,
        typer.Option(
            "--margin",
            help="Warn when a figure is this many percentage points from its target.",
            metavar="PCT",
        ),
    ] = 0.5,
    lang: LangOpt = "en",
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="Print only the warnings (for scheduled runs).")
    ] = False,
    calendar: Annotated[
        list[str] | None,
        option(
            "--calendar",
            help="Holiday calendar to watch: CN, US, GB, DE or JP; repeatable. Default: CN "
            "and the countries of your marketplaces.",
            metavar="CODE",
        ),
    ] = None,
) -> None:
    """Watch a folder's newest reports and warn before a metric crosses Amazon's line.

    Keeps the figures of the newest reports in the folder as snapshots. Warns when a figure is
    within the margin of its target or its trend crosses it within 7 days, and on leading
    signals: orders due today, orders about to be cancelled, tracking IDs that fail their check,
    a holiday within 14 days, a stale inventory file. Exit code 1 when there is any warning, 0
    when all is well (for a scheduled run)."""
    with boundary():
        from appeal.cli.views.monitor import print_json, show
        from appeal.monitor.run import run_monitor

        check_lang(lang)
        day = date_option("--as-of", as_of) if as_of is not None else fixed_today()
        result = run_monitor(
            folder=folder,
            now=dt.datetime.now(dt.UTC),
            as_of=day,
            margin=margin,
            calendars=tuple(calendar) if calendar else None,
        )
        if as_json:
            print_json(result)
        else:
            show(result, lang=lang, quiet=quiet)
    raise typer.Exit(result.exit_code)
