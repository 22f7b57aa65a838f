"""Field types of the case model with their own rules: one line of text, a paragraph, one
e-mail address; and the limits of each (docs/case-file.md, "Limits")."""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import AfterValidator, Field

# One address as mail clients and Seller Central take it: a dot-atom local part, '@', and a
# domain of letters, digits and hyphens with at least one dot. Display names, lists, comments
# and quoted local parts are refused: the address goes into the e-mail draft's From: header.
EMAIL_PATTERN = (
    r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
    r"@(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,63}"
)
EMAIL_ADDRESS = re.compile(EMAIL_PATTERN)


def _one_address(value: str) -> str:
    from appeal.core.validation import quoted

    if len(value) > 254 or not EMAIL_ADDRESS.fullmatch(value):
        several = any(sep in value for sep in (",", ";")) or value.count("@") > 1
        what = "more than one address" if several else "not an e-mail address"
        raise ValueError(
            f"'{quoted(value)}' is {what}; write one address like ops@example.com (the one "
            "registered in Seller Central), without a name or brackets"
        )
    return value


EmailAddress = Annotated[str, AfterValidator(_one_address)]


# Limits: far above anything an appeal needs, far below what slows appeal down.
LINE_LIMIT = 200  # a name, a category, an owner, a file name: one line
TEXT_LIMIT = 10_000  # a paragraph the seller writes (facts, an own sentence, the address)
REPLY_LIMIT = 20_000  # Amazon's reply to one submission
CASE_TEXT_LIMIT = 200_000  # characters of text in one case, all fields together
LIST_LIMIT = 100  # items in one list (categories, causes, root causes, submissions ...)

# C0 and C1 control characters other than tab and line breaks, and lone surrogates: nothing a
# seller types, and XML (the .docx) cannot hold them.
CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
LINE_BREAKS = re.compile("[\t\n\r\u2028\u2029]")


def _describe_character(char: str) -> str:
    import unicodedata

    name = unicodedata.name(char, "")
    names = {"\n": "a line break", "\r": "a line break", "\t": "a tab", "\x1b": "an escape"}
    kind = "control character" if unicodedata.category(char).startswith("C") else "character"
    return names.get(char) or f"the {kind} U+{ord(char):04X}{f' {name}' if name else ''}"


def _no_control(value: str) -> str:
    found = CONTROL_CHARACTERS.search(value)
    if found:
        raise ValueError(
            f"contains {_describe_character(found.group())} at character {found.start() + 1}; "
            "remove it (it is invisible, and no letter format can hold it)"
        )
    return value


def _one_line(value: str) -> str:
    found = LINE_BREAKS.search(value)
    if found and not CONTROL_CHARACTERS.search(value, 0, found.start()):
        raise ValueError(
            f"contains {_describe_character(found.group())} at character {found.start() + 1}; "
            "keep this on one line"
        )
    return _no_control(value)


# One line of text (names, categories, ids); a paragraph (line breaks allowed); Amazon's reply.
Line = Annotated[str, Field(max_length=LINE_LIMIT), AfterValidator(_one_line)]
Text = Annotated[str, Field(max_length=TEXT_LIMIT), AfterValidator(_no_control)]
Reply = Annotated[str, Field(max_length=REPLY_LIMIT), AfterValidator(_no_control)]


def _inside_case_folder(value: str) -> str:
    from pathlib import PurePosixPath, PureWindowsPath

    from appeal.errors import quoted

    windows = PureWindowsPath(value)
    outside = windows.drive or windows.is_absolute() or PurePosixPath(value).is_absolute()
    if outside or ".." in value.replace("\\", "/").split("/"):
        raise ValueError(
            f"'{quoted(value)}' is outside the case's folder; a snapshot is the letter as sent, "
            "kept beside the case by `appeal history add` (e.g. case.sent/2026-11-22-1.md)"
        )
    return value


# A file beside the case, named relative to the case's folder (the letter as sent).
BesideCase = Annotated[Line, AfterValidator(_inside_case_folder)]
