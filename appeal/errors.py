"""The errors core code raises; the command line's boundary (`cli/boundary.py`) and the web app
turn each into a message and an exit code (or a page)."""

from __future__ import annotations

import re

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130
EXIT_BUG = 70  # a bug in appeal (BSD sysexits' EX_SOFTWARE)
SHOWN_PROBLEMS = 30  # problems of a case file listed in one message
QUOTE_LIMIT = 60  # characters of a value quoted in a message; the rest is "..."
_TERMINAL_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def inert(text: str) -> str:
    """`text` safe to print: control characters (escape sequences that recolour, move the
    cursor or retitle the terminal, carriage returns that overwrite a line) shown as `\x1b`;
    line breaks and tabs kept."""
    return _TERMINAL_CONTROL.sub(lambda m: m.group().encode("unicode_escape").decode(), text)


def quoted(value: object, limit: int = QUOTE_LIMIT) -> str:
    """`value` for a message: at most `limit` characters, control characters escaped (so a
    huge or hostile value can neither flood nor drive the terminal)."""
    text = str(value)
    if len(text) > limit:
        text = text[: limit - 3] + "..."
    if text.isprintable():
        return text
    return "".join(
        c if c.isprintable() else c.encode("unicode_escape").decode("ascii") for c in text
    )


class AppealError(Exception):
    """Base of every error a user may see. Raised when input or environment make a command
    impossible; `message` says what is wrong and what to do."""

    exit_code = EXIT_USAGE

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class InputError(AppealError):
    """Raised when a file given by the user cannot be read or understood (missing, not UTF-8,
    malformed YAML, a field with a wrong value). Messages start with `file:line:`."""


class CaseInvalid(InputError):
    """Raised when a case file parses but breaks the case model; carries every problem found."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        count = len(problems)
        head = "1 problem" if count == 1 else f"{count:,} problems"
        shown = problems[:SHOWN_PROBLEMS]
        if count > SHOWN_PROBLEMS:
            shown.append(f"... and {count - SHOWN_PROBLEMS:,} more; fix these first.")
        super().__init__(f"{head} in the case file:\n" + "\n".join(shown))


class OutputConflict(AppealError):
    """Raised when a render would replace a file that appeal did not write, or that was changed
    after appeal wrote it."""


class OutputError(AppealError):
    """Raised when an output file or folder cannot be written (permissions, missing disk)."""


class DataFileError(AppealError):
    """Raised when one of appeal's own data files (catalogue, marketplaces ...) breaks its model:
    a bug in appeal or a local edit of the package, never the user's input."""

    exit_code = EXIT_BUG

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__(
            "appeal's own data is broken (please report this):\n" + "\n".join(problems)
        )
