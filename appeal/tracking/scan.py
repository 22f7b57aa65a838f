"""`appeal tracking`: scan shipping-confirmation files (or plain lists) row by row, count what
lowers the Valid Tracking Rate, and write a corrected copy.

Rows stream through. The one thing kept is a compact record of every distinct tracking ID
seen (to find an ID reused on another order): about 110 bytes per distinct ID.
"""

from __future__ import annotations

import io
import os
import tempfile
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from appeal.errors import InputError, OutputError
from appeal.sellerfiles.flatfile import (
    SHIPPING_CONFIRMATION_COLUMNS,
    Encoding,
    Line,
    find_header,
    read_lines,
)
from appeal.tracking.carriers import FAMILY_NAMES, Carrier, resolve_carrier
from appeal.tracking.check import Checked, check_tracking_number
from appeal.tracking.clean import char_name
from appeal.tracking.formats import valid_format


@dataclass(frozen=True)
class RowResult:
    """Everything found on one row."""

    file: str
    line: int
    order_id: str
    carrier: str
    carrier_name: str
    checked: Checked
    duplicate_of: tuple[str, int] | None = None  # (file, line) where the ID was first seen

    @cached_property
    def kinds(self) -> list[str]:
        """Finding kinds on this row (keys of Summary.counts)."""
        c = self.checked
        kinds = []
        if c.cleaned.invisible:
            kinds.append("invisible")
        if c.cleaned.folded:
            kinds.append("folded")
        if c.cleaned.spaces or c.cleaned.hyphens_removed:
            kinds.append("separators")
        if c.verdict in (
            "check_failed",
            "unrecognised",
            "uncleanable",
            "missing",
            "null",
            "not_checked",
        ):
            kinds.append(c.verdict)
        if self.duplicate_of:
            kinds.append("duplicate")
        carrier = c.carrier
        if carrier is not None and carrier.use_code:
            kinds.append("use_code")
        elif carrier is not None and not carrier.integrated:
            kinds.append("not_integrated")
        return kinds

    def findings(self) -> list[str]:
        """Plain-English findings for this row."""
        c = self.checked
        out: list[str] = []
        for removed in c.cleaned.invisible:
            out.append(f"invisible character {removed.describe()}")
        if c.cleaned.folded:
            out.append("full-width or lower-case characters (folded to plain A-Z/0-9)")
        spaces = c.cleaned.spaces
        if spaces:
            out.append(f"{spaces} space(s) inside the ID")
        if c.cleaned.hyphens_removed:
            out.append(
                f"{c.cleaned.hyphens_removed} hyphen(s), which this carrier's IDs do not have"
            )
        for refused in c.cleaned.refused:
            out.append(f"cannot be cleaned: {refused.describe()}; retype the ID from the label")
        carrier = self.carrier or "the carrier"
        if c.verdict == "check_failed" and c.format is not None:
            out.append(f"fails the check digit of {c.format.name}: a typing error")
        elif c.verdict == "unrecognised":
            out.append(f"matches no {carrier} format we know")
        elif c.verdict == "not_checked" and c.carrier is not None and c.carrier.integrated:
            out.append(f"not checked: no public format for '{c.carrier.listed}'")
        elif c.verdict == "missing":
            out.append("no tracking ID (a blank cell keeps any ID already on the order)")
        elif c.verdict == "null":
            out.append("NULL deletes the tracking ID from the order")
        if c.fits_other and c.verdict != "valid":
            names = ", ".join(FAMILY_NAMES[f] for f in c.fits_other)
            out.append(f"fits the format of {names}: was the right carrier selected?")
        if self.duplicate_of:
            file, line = self.duplicate_of
            out.append(f"also used on another order ({file} line {line})")
        chosen = c.carrier
        if chosen is not None and chosen.use_code:
            out.append(
                f"'{chosen.shown}' is on Amazon's carrier list: use the code {chosen.use_code}"
            )
        elif chosen is not None and not chosen.integrated:
            out.append(
                f"'{chosen.shown or 'no carrier'}' is not a carrier Amazon integrates with "
                "(not on its list of carrier codes), so Amazon cannot read its scans"
            )
        return out


KIND_LABELS = {
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
    "not_checked": "{was} for carriers whose format is not public (not checked)",
}
PROBLEM_KINDS = frozenset(KIND_LABELS) - {"not_checked"}


def verb(label: str, count: int) -> str:
    """A finding's label with 'was' or 'were' for `count`."""
    return label.replace("{was}", "was" if count == 1 else "were")


@dataclass
class Summary:
    files: list[str] = field(default_factory=list)
    rows: int = 0
    counts: Counter[str] = field(default_factory=Counter)
    invisible_chars: Counter[str] = field(default_factory=Counter)
    problem_rows: int = 0
    fixed: int = 0
    left_alone: list[tuple[int, str]] = field(default_factory=list)

    def add(self, row: RowResult) -> None:
        self.rows += 1
        kinds = row.kinds
        self.counts.update(kinds)
        for removed in row.checked.cleaned.invisible:
            self.invisible_chars[char_name(removed.char)] += 1
        if PROBLEM_KINDS.intersection(kinds):
            self.problem_rows += 1

    @property
    def clean(self) -> bool:
        return self.problem_rows == 0

    def sentence(self) -> str:
        """The summary as one sentence a letter can quote."""
        where = ", ".join(Path(f).name for f in self.files)
        unchecked = self.counts.get("not_checked", 0)
        if self.clean and unchecked:
            checked = self.rows - unchecked
            return (
                f"Of {self.rows:,} tracking IDs in {where}, {checked:,} "
                f"{'has' if checked == 1 else 'have'} the format and check digit of "
                f"{'its' if checked == 1 else 'their'} carrier and {unchecked:,} "
                f"{verb(KIND_LABELS['not_checked'], unchecked)}; none had a finding."
            )
        if self.clean and self.rows == 1:
            return f"The tracking ID in {where} has the format and check digit of its carrier."
        if self.clean:
            return (
                f"All {self.rows:,} tracking IDs in {where} have the format and check digit "
                "of their carrier."
            )
        parts = []
        for kind, label in KIND_LABELS.items():
            count = self.counts.get(kind, 0)
            if not count:
                continue
            text = f"{count:,} {verb(label, count)}"
            if kind == "invisible" and self.invisible_chars:
                names = ", ".join(
                    n.split(" ", 1)[1].lower() for n, _ in self.invisible_chars.most_common(3)
                )
                text += f" ({names})"
            parts.append(text)
        listed = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
        noun = "tracking ID" if self.rows == 1 else "tracking IDs"
        return f"Of {self.rows:,} {noun} in {where}, {listed}."

    def as_json(self) -> dict[str, Any]:
        return {
            "files": self.files,
            "ids_checked": self.rows,
            "rows_with_findings": self.problem_rows,
            "counts": dict(self.counts),
            "invisible_characters": dict(self.invisible_chars),
            "sentence": self.sentence(),
            "fixed": self.fixed,
            "left_alone": [{"line": n, "why": w} for n, w in self.left_alone],
        }


@dataclass
class _Columns:
    order: int | None
    carrier: int | None
    name: int | None
    tracking: int


def _columns(header: Line) -> _Columns:
    cells = [c.strip().lower() for c in header.text.split("\t")]

    def at(name: str) -> int | None:
        return cells.index(name) if name in cells else None

    tracking = at("tracking-number")
    assert tracking is not None
    return _Columns(at("order-id"), at("carrier-code"), at("carrier-name"), tracking)


def scan_files(
    paths: list[Path],
    *,
    carrier: str | None = None,
    fix: Path | None = None,
    on_row: Callable[[RowResult], None] | None = None,
    on_progress: Callable[[int], None] | None = None,
) -> Summary:
    """Scan every file; call `on_row` for each row with findings; write a fixed copy to `fix`
    (only with a single input file)."""
    if fix is not None:
        _check_fix_target(paths, fix)
    if carrier is not None and resolve_carrier(carrier).listed is None:
        raise InputError(
            f"--carrier {carrier}: not one of Amazon's carrier codes; give the code you "
            "select in Seller Central (USPS, UPS, FedEx, DHL, China Post, Yun Express ...)."
        )
    summary = Summary(files=[str(p) for p in paths])
    seen = _Seen()
    for path in paths:
        seen.files.append(path.name)
        encoding, lines = read_lines(path)
        writer = _FixWriter(fix, encoding) if fix is not None else None
        try:
            for row, line, new_text in _scan_one(path, lines, carrier, seen, summary):
                if row is not None:
                    summary.add(row)
                    if on_row is not None and row.kinds:
                        on_row(row)
                if writer is not None:
                    writer.write(new_text, line.ending)
                if on_progress is not None:
                    on_progress(len(line.text) + len(line.ending))
        except BaseException:
            if writer is not None:
                writer.abort()
            raise
        if writer is not None:
            writer.commit()
    return summary


def _scan_one(
    path: Path, lines: Iterator[Line], carrier: str | None, seen: _Seen, summary: Summary
) -> Iterator[tuple[RowResult | None, Line, str]]:
    before, header, rest = find_header(lines, SHIPPING_CONFIRMATION_COLUMNS)
    if header is None:  # a plain list: one number per line
        if carrier is None and any(line.text.count("\t") for line in before):
            raise InputError(
                f"{path}:1: not a shipping-confirmation file (no header with "
                f"{' and '.join(SHIPPING_CONFIRMATION_COLUMNS)}) and not a plain list of "
                "numbers; check the file, or give one tracking number per line."
            )
        for line in [*before, *rest]:
            if not line.text.strip():
                yield None, line, line.text
                continue
            checked = check_tracking_number(line.text, carrier)
            row = _row(path, line, "", carrier or "", "", checked, seen)
            yield row, line, _fixed(row, line.text, summary)
        return
    for line in before:
        yield None, line, line.text
    yield None, header, header.text
    cols = _columns(header)
    width = 1 + max(
        i for i in (cols.order, cols.carrier, cols.name, cols.tracking) if i is not None
    )
    order_at, carrier_at, name_at, tracking_at = cols.order, cols.carrier, cols.name, cols.tracking
    for line in rest:
        text = line.text
        if not text.strip():
            yield None, line, text
            continue
        cells = text.split("\t")
        if len(cells) < width:
            cells += [""] * (width - len(cells))
        order = cells[order_at].strip() if order_at is not None else ""
        code = cells[carrier_at] if carrier_at is not None else (carrier or "")
        name = cells[name_at] if name_at is not None else ""
        cell = cells[tracking_at]
        chosen = resolve_carrier(code, name)
        if _plainly_valid(cell, chosen) and seen.check(cell, order, line.number) is None:
            summary.rows += 1  # the common row: nothing to report, the line goes out unchanged
            yield None, line, text
            continue
        checked = check_tracking_number(cell, chosen)
        row = _row(path, line, order, code, name, checked, seen)
        cells[tracking_at] = _fixed(row, cell, summary)
        yield row, line, "\t".join(cells)


def _plainly_valid(value: str, carrier: Carrier) -> bool:
    """The common row: an upper-case A-Z/0-9 ID valid for its listed carrier as written."""
    if carrier.use_code or not carrier.families:
        return False
    if not (value.isascii() and value.isalnum() and (value.isupper() or value.isdigit())):
        return False
    return valid_format(value, carrier.families) is not None


def _row(
    path: Path,
    line: Line,
    order: str,
    code: str,
    name: str,
    checked: Checked,
    seen: _Seen,
) -> RowResult:
    duplicate = None
    value = checked.cleaned.value
    if checked.verdict not in ("missing", "null", "uncleanable") and value:
        duplicate = seen.check(value, order, line.number)
    return RowResult(str(path), line.number, order, code, name, checked, duplicate)


class _Seen:
    """Distinct tracking IDs seen so far, kept small: hash of the ID -> one integer packing
    a hash of its order id, the file and the line (where it was first seen)."""

    def __init__(self) -> None:
        self.ids: dict[int, int] = {}
        self.files: list[str] = []

    def check(self, value: str, order: str, line: int) -> tuple[str, int] | None:
        """Record `value`; when another order (or an unnamed row) used it before, say where."""
        order_hash = hash(order) & 0xFFFFFFFF
        key = hash(value)
        first = self.ids.get(key)
        if first is None:
            self.ids[key] = order_hash << 40 | (len(self.files) - 1) << 30 | line
            return None
        if first >> 40 == order_hash and order:
            return None  # the same order's other items share the parcel
        return self.files[(first >> 30) & 0x3FF], first & 0x3FFFFFFF


def _fixed(row: RowResult, cell: str, summary: Summary) -> str:
    """The cell to write back: cleaned when cleaning was certain, else unchanged."""
    cleaned = row.checked.cleaned
    if row.checked.verdict in ("missing", "null"):
        return cell
    if not cleaned.certain:
        summary.left_alone.append((row.line, "; ".join(r.describe() for r in cleaned.refused)))
        return cell
    still = row.checked.verdict.replace("_", " ")
    if cleaned.value != cell:
        summary.fixed += 1
        if row.checked.verdict in ("check_failed", "unrecognised"):
            summary.left_alone.append(
                (
                    row.line,
                    f"cleaned to {cleaned.value} but still {still}: correct it from the label",
                )
            )
        return cleaned.value
    if row.checked.verdict in ("check_failed", "unrecognised"):
        summary.left_alone.append((row.line, f"{still}: correct it from the label"))
    return cell


def _check_fix_target(paths: list[Path], fix: Path) -> None:
    if len(paths) != 1:
        raise InputError("--fix writes one corrected file: give exactly one input file.")
    if fix.exists():
        same = fix.resolve() == paths[0].resolve()
        raise InputError(
            f"--fix {fix}: "
            + ("is the input file" if same else "already exists")
            + "; give a new file name so that nothing is overwritten."
        )
    if not fix.parent.is_dir():
        raise InputError(f"--fix {fix}: the folder {fix.parent} does not exist.")


class _FixWriter:
    """Streams the corrected file into a temporary file beside the target, then renames."""

    def __init__(self, target: Path, encoding: Encoding) -> None:
        self.target = target
        self.codec = encoding.codec
        try:
            fd, self.tmp = tempfile.mkstemp(
                prefix=f".{target.name}.", suffix=".tmp", dir=target.parent
            )
        except OSError as exc:
            raise OutputError(f"{target.parent}: cannot write here ({exc.strerror}).") from None
        codec = "utf-8-sig" if encoding.bom else encoding.codec  # -sig writes the BOM back
        self.handle = io.TextIOWrapper(os.fdopen(fd, "wb"), encoding=codec, newline="")
        self.pending: list[str] = []

    def write(self, text: str, ending: str) -> None:
        self.pending.append(text)
        self.pending.append(ending)
        if len(self.pending) > 8192:  # one write per few thousand lines, not per line
            self.handle.write("".join(self.pending))
            self.pending.clear()

    def commit(self) -> None:
        self.handle.write("".join(self.pending))
        self.handle.flush()
        os.fsync(self.handle.buffer.fileno())
        self.handle.close()
        os.replace(self.tmp, self.target)

    def abort(self) -> None:
        self.handle.close()
        Path(self.tmp).unlink(missing_ok=True)
