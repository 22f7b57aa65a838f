"""What `appeal tracking` found: rows that are shown (a bounded sample per kind, or each row as
it streams to a report) and the totals, with the summary sentence a letter can quote."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from appeal.errors import EXIT_FINDINGS, EXIT_OK
from appeal.tracking.check import Checked
from appeal.tracking.clean import char_name
from appeal.tracking.kinds import DATES, KINDS, LEFT, NOT_ID, PROBLEMS, kinds_of
from appeal.tracking.shipdate import ShipDate

SAMPLE = 10  # rows kept per kind for the terminal; --json and the report file list them all


@dataclass(slots=True)
class RowFinding:
    """One row with findings."""

    file: str  # the file's name
    line: int
    order_id: str
    checked: Checked  # the number, its carrier and verdict
    bits: int  # finding bits (kinds.py)
    duplicate_of: tuple[str, int] | None = None  # (file, line) where the ID was first seen
    ship_date: ShipDate | None = None  # the ship-date cell's verdict (None: no such column)
    cut: tuple[int, int, str] | None = None  # a row cut short: its cells, the header's, and
    # the first column it lacks

    @property
    def kinds(self) -> list[str]:
        return list(kinds_of(self.bits))

    @property
    def cleanable(self) -> bool:
        """--fix writes the cleaned value in place of this cell."""
        c = self.checked
        return c.cleaned.changed and c.verdict not in ("uncleanable", "missing", "null")

    @property
    def left(self) -> bool:
        """Something here needs the user (--fix cannot repair it)."""
        return bool(self.bits & LEFT)


# Summary labels, in display order; "{was}" becomes was/were for the count.
LABELS = {
    "invisible": "carried an invisible character",
    "folded": "had full-width or lower-case characters",
    "separators": "had spaces or hyphens inside",
    "uncleanable": "held characters that cannot be cleaned safely",
    "check_failed": "failed the check digit of the selected carrier",
    "unrecognised": "matched no format of the selected carrier",
    "duplicate": "{was} used on more than one order",
    "use_code": "{was} confirmed as 'Other' for a carrier that has its own code",
    "not_integrated": "{was} for carriers Amazon does not integrate with",
    "missing": "{was} missing",
    "null": "{was} NULL (deleted)",
    "ship_date": "had a ship-date not written yyyy-mm-dd",
    "ship_date_left": "had a ship-date Amazon cannot read",
    "cut_short": "{was} missing from rows cut short",
    "not_checked": "{was} for carriers whose format is not public and could not be checked",
}
assert LABELS.keys() == KINDS.keys()


def label(kind: str, count: int) -> str:
    """A kind's label with 'was' or 'were' for `count`."""
    return LABELS[kind].replace("{was}", "was" if count == 1 else "were")


@dataclass
class TrackingResult:
    """Everything one `appeal tracking` run found and wrote."""

    files: list[Path]
    ids: int = 0  # tracking IDs checked (non-blank lines of a list, data rows of a file)
    by_bits: Counter[int] = field(default_factory=Counter)  # rows per combination of kinds
    samples: dict[str, list[RowFinding]] = field(default_factory=dict)  # first rows per kind
    invisible_chars: Counter[str] = field(default_factory=Counter)  # character -> times seen
    not_checked_carriers: Counter[str] = field(default_factory=Counter)  # code -> rows
    cleanable: int = 0  # tracking cells --fix cleans (cleaned, when `fix` was written)
    redated: int = 0  # ship-date cells --fix rewrites as yyyy-mm-dd (rewritten, with `fix`)
    left: int = 0  # rows with something --fix cannot repair
    left_sample: list[RowFinding] = field(default_factory=list)
    fix: Path | None = None  # the corrected file written
    report: Path | None = None  # the list of rows left for the user, beside it
    into: Path | None = None  # the case whose facts got the sentence

    @property
    def counts(self) -> dict[str, int]:
        """Rows per kind of finding, in display order (kinds with no rows left out)."""
        counts: Counter[str] = Counter()
        for bits, rows in self.by_bits.items():
            for kind in kinds_of(bits):
                counts[kind] += rows
        return {kind: counts[kind] for kind in KINDS if counts[kind]}

    @property
    def rows_with_findings(self) -> int:
        return sum(rows for bits, rows in self.by_bits.items() if bits & PROBLEMS)

    def cleaned(self, kind: str) -> int:
        """Rows of `kind` (invisible, folded, separators) whose cell --fix cleans."""
        bit = KINDS[kind]
        return sum(n for bits, n in self.by_bits.items() if bits & bit and not bits & NOT_ID)

    @property
    def not_checked(self) -> int:
        return self.counts.get("not_checked", 0)

    @property
    def written(self) -> list[Path]:
        return [p for p in (self.fix, self.report, self.into) if p is not None]

    @property
    def exit_code(self) -> int:
        """1 when any row has a finding; carriers that cannot be checked are not one."""
        return EXIT_FINDINGS if self.rows_with_findings else EXIT_OK

    def sentence(self) -> str:
        """The summary as one sentence a letter can quote: about the tracking IDs (a ship-date
        written in another form is a matter of the upload, not of the IDs)."""
        where = ", ".join(p.name for p in self.files)
        counts = {kind: n for kind, n in self.counts.items() if not KINDS[kind] & DATES}
        unchecked = counts.get("not_checked", 0)
        carriers = ", ".join(code for code, _ in self.not_checked_carriers.most_common(3))
        noun = "tracking ID" if self.ids == 1 else "tracking IDs"
        about_ids = PROBLEMS & ~DATES
        if not any(rows for bits, rows in self.by_bits.items() if bits & about_ids):
            if not unchecked:
                if self.ids == 1:
                    return (
                        f"The tracking ID in {where} has the format and check digit of its carrier."
                    )
                return (
                    f"All {self.ids:,} tracking IDs in {where} have the format and check digit "
                    "of their carrier."
                )
            checked = self.ids - unchecked
            if not checked:
                return (
                    f"The {self.ids:,} {noun} in {where} {'was' if self.ids == 1 else 'were'} "
                    f"for carriers whose format is not public ({carriers}), so their format "
                    "could not be checked; none held an invisible or look-alike character."
                )
            rest = label("not_checked", unchecked).replace("not public", f"not public ({carriers})")
            return (
                f"Of {self.ids:,} {noun} in {where}, {checked:,} "
                f"{'has' if checked == 1 else 'have'} the format and check digit of "
                f"{'its' if checked == 1 else 'their'} carrier and {unchecked:,} {rest}; none "
                "had a finding."
            )
        parts = []
        for kind, count in counts.items():
            text = f"{count:,} {label(kind, count)}"
            if kind == "invisible" and self.invisible_chars:
                common = self.invisible_chars.most_common(3)
                names = (char_name(ch).split(" ", 1)[1].lower() for ch, _ in common)
                text += f" ({', '.join(names)})"
            elif kind == "not_checked" and carriers:
                text = text.replace("not public", f"not public ({carriers})")
            parts.append(text)
        listed = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
        return f"Of {self.ids:,} {noun} in {where}, {listed}."
