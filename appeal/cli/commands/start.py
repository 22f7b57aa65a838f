"""Starting a case: `appeal new` (the wizard) and `appeal causes` (the catalogue to choose from)."""

from pathlib import Path
from typing import Annotated

import typer

from appeal.cli.boundary import boundary, check_lang, today
from appeal.cli.options import JsonOpt, LangOpt, WizardLangOpt, argument, option


def new(
    case: Annotated[
        Path | None,
        argument(
            help="The case file to write (default: appeal-<today>.yaml). An existing draft is "
            "continued.",
            metavar="[CASE]",
        ),
    ] = None,
    lang: WizardLangOpt = None,
    from_case: Annotated[
        Path | None,
        option(
            "--from",
            help="Start from another case's answers (seller, notice, causes). Without "
            "--notice (a second appeal of the same notice) its submissions and letters as sent "
            "come along, so the checks compare with the letter Amazon answered.",
            metavar="CASE",
        ),
    ] = None,
    notice: Annotated[
        Path | None,
        option(
            "--notice",
            help="Amazon's notice as a text file: fills date, scope, "
            "categories, metrics, deadline, likely causes.",
            metavar="FILE",
        ),
    ] = None,
    no_input: Annotated[
        bool,
        typer.Option(
            "--no-input",
            help="Ask nothing: use --set, --notice and --from only; exit "
            "2 naming every missing field.",
        ),
    ] = False,
    set_: Annotated[
        list[str] | None,
        option(
            "--set",
            help="An answer as KEY=VALUE, e.g. seller.store_name=MyShop or "
            "notice.categories=[Toys & Games]; repeatable.",
            metavar="KEY=VALUE",
        ),
    ] = None,
) -> None:
    """Answer a few questions (English or Chinese) and get the case file and the letter.

    Every answer is saved at once; Ctrl-C stops and `appeal new CASE` continues later."""
    with boundary():
        from appeal.cli.views.new import show_new
        from appeal.wizard.new import run_new

        result = run_new(
            case=case,
            lang=lang,
            from_case=from_case,
            notice_file=notice,
            no_input=no_input,
            sets=set_ or [],
            today=today(),
        )
        show_new(result)
    raise typer.Exit(result.exit_code)


def causes(lang: LangOpt = "en", as_json: JsonOpt = False) -> None:
    """List the causes of suspension with their metric, target and channel."""
    with boundary():
        from appeal.cli.views.causes import show_causes
        from appeal.core.catalogue import load_catalogue

        check_lang(lang)
        show_causes(load_catalogue(), lang=lang, as_json=as_json)
