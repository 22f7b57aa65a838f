"""The review step's reading of the letter: the letter as it will read (in Chinese: the
reading copy, without its title, which the step's own heading says) and what the checks find
in it, errors first."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from appeal.core.case import Case
from appeal.core.catalogue import Catalogue

if TYPE_CHECKING:
    from appeal.letter.rules import Finding


def review_letter(
    path: Path, case: Case, catalogue: Catalogue, lang: str, today: dt.date
) -> tuple[str, list[Finding]]:
    """The letter's text as the seller reviews it, and the checks' findings."""
    from appeal.letter.checks import check_letter
    from appeal.letter.content import render_letter, render_reading_copy
    from appeal.letter.formats.document import Heading, parse_markdown
    from appeal.letter.formats.txt import blocks_to_text

    letter = render_letter(case, catalogue, letter_date=today)
    markdown = render_reading_copy(letter, catalogue) if lang == "zh" else letter.markdown
    report = check_letter(path, case, letter, catalogue, today)
    blocks = parse_markdown(markdown)
    if lang == "zh" and blocks and isinstance(blocks[0], Heading):
        blocks = blocks[1:]  # the reading copy's title: the review step's own line says it
    return blocks_to_text(blocks), report.findings
