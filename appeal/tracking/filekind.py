"""Which files `appeal tracking` refuses before reading a single ID: a shipping-confirmation file
re-saved by Excel as CSV, JSON (Amazon's performance report), YAML (a case file), a report with
tabs but without the upload file's columns, and text whose lines are not tracking numbers.
Each would otherwise be read as a plain list, one "ID" a line, and `--fix` would rewrite it."""

from __future__ import annotations

import re

from appeal.errors import InputError
from appeal.flatfile import not_tab_separated, other_separator
from appeal.tracking.source import HEADER_COLUMNS, TrackingFile

_UPLOAD = "shipping-confirmation upload file"
# Characters a tracking number never holds, even pasted badly (spaces, hyphens, invisible and
# full-width characters are cleaned or reported row by row).
_NOT_IN_AN_ID = re.compile(r"[,;:{}\[\]\"=<>|]")
_YAML_KEY = re.compile(r"[A-Za-z_][\w.-]*:(\s|$)")
_LONGEST = 40  # characters of the longest tracking number, spaces and hyphens left out


def refuse_other_files(source: TrackingFile, *, carrier_given: bool) -> None:
    """Raise InputError naming the file and what was expected when `source` (with no column
    names found) is not a plain list of tracking numbers."""
    if source.columns is not None:
        return
    path = source.path
    lines = [(source.first_line + at, text) for at, text in enumerate(source.first_texts)]
    lines = [(number, text) for number, text in lines if text.strip()]
    if not lines:
        return  # empty: told after the scan, with the other files' results
    for number, text in lines:
        how = other_separator(text, HEADER_COLUMNS)
        if how is not None:
            raise not_tab_separated(path, number, how, _UPLOAD)
    first_number, first = lines[0]
    expected = (
        f"appeal tracking reads Amazon's {_UPLOAD} (tab-delimited, with the columns order-id "
        "and tracking-number) or a plain list with one tracking number a line"
    )
    if first.lstrip().startswith(("{", "[")):
        raise InputError(
            f"{path}:{first_number}: this is JSON (Amazon's seller performance report is read by "
            f"appeal metrics), not tracking numbers; {expected}."
        )
    number, text = next(((n, t) for n, t in lines if not t.lstrip().startswith("#")), lines[0])
    if text.strip() == "---" or _YAML_KEY.match(text.lstrip()):
        raise InputError(
            f"{path}:{number}: this looks like YAML (a case file?), not tracking numbers; "
            f"{expected}."
        )
    if not carrier_given and any("\t" in text for _, text in lines):
        raise InputError(
            f"{path}:1: not a shipping-confirmation file (no line with the columns order-id "
            "and tracking-number in the first ten) and not a plain list of numbers; check the "
            "file, or give one tracking number per line."
        )
    odd = [(number, text) for number, text in lines if not _id_like(text)]
    if len(odd) * 2 > len(lines):
        number, text = odd[0]
        shown = text.strip()
        shown = shown if len(shown) <= 50 else shown[:47] + "..."
        raise InputError(
            f"{path}:{number}: '{shown}' is not a tracking number, nor are most lines at the "
            f"start of the file; {expected}."
        )


def _id_like(text: str) -> bool:
    """Whether a line could be a tracking number, however badly pasted: a digit somewhere, no
    punctuation of other formats, and not a sentence's length."""
    if _NOT_IN_AN_ID.search(text) or not any(ch.isdigit() for ch in text):
        return False
    squeezed = "".join(ch for ch in text if ch.isalnum())
    return 0 < len(squeezed) <= _LONGEST
