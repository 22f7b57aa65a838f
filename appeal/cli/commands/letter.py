"""The letter: `appeal render` (case files to letter files) and `appeal check` (its checks)."""

from pathlib import Path
from typing import Annotated

import typer

from appeal.cli.boundary import boundary, today
from appeal.cli.options import CaseArg, argument, option


def render(
    cases: Annotated[
        list[Path],
        argument(
            help="The case file (YAML); several may be given.",
            metavar="CASE...",
        ),
    ],
    format: Annotated[
        list[str] | None,
        option(
            "--format",
            "-f",
            help="txt, md, docx, eml, form or all; repeat for "
            "several. Default: every format that fits the channel.",
            metavar="FORMAT",
        ),
    ] = None,
    output: Annotated[
        Path | None,
        option(
            "--output",
            "-o",
            help="Folder for the files (default: beside the case).",
        ),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Replace files even if edited since appeal wrote them.")
    ] = False,
    reference_docx: Annotated[
        Path | None,
        option(
            "--reference-docx",
            help="A .docx whose styles, page and footer the letter uses (your letterhead).",
        ),
    ] = None,
    template: Annotated[
        Path | None,
        option(
            "--template",
            help="Your own letter template (Jinja + Markdown), run sandboxed.",
        ),
    ] = None,
) -> None:
    """Turn a case file into the letter, in every format the channel needs.

    The checks run on every letter; exit code 1 when one has error-level findings (the files
    are written all the same)."""
    with boundary():
        from appeal.cli.views.render import show_render
        from appeal.letter.render import render_cases

        run = render_cases(
            case_paths=cases,
            formats=format,
            out_dir=output,
            force=force,
            reference_docx=reference_docx,
            template=template,
            today=today(),
        )
        show_render(run)
    raise typer.Exit(run.exit_code)


def check(case: CaseArg) -> None:
    """Validate a case file and check the letter it makes for what gets appeals rejected.

    Exit code 1 when an error-level finding exists, 0 otherwise."""
    with boundary():
        from appeal.cli.views.check import show_check
        from appeal.letter.checks import check_case

        day = today()
        report = check_case(case_path=case, today=day)
        show_check(case, report, day)
    raise typer.Exit(report.exit_code)
