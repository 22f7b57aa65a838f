"""`appeal tracking`'s pass over the files: each row assessed into an integer of finding bits and
counted; a row becomes an object (with its cleaned-character positions, the carrier it would
fit ...) only when it is shown: sampled for the terminal, streamed to --json, or listed for the
user beside a corrected file. The corrected copy is written block by block as rows go by.

Memory: the counters, the bounded samples, and one compact record per distinct tracking ID
(to find an ID reused on another order).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from pathlib import Path

from appeal.errors import InputError
from appeal.tracking.carriers import ANY_CARRIER, Carrier, resolve_carrier
from appeal.tracking.check import assess, checked_from
from appeal.tracking.clean import invisible_in
from appeal.tracking.filekind import refuse_other_files
from appeal.tracking.formats import TrackingFormat
from appeal.tracking.kinds import (
    CUT_SHORT,
    DATES,
    DUPLICATE,
    INVISIBLE,
    KINDS,
    LEFT,
    MISSING,
    NOT_CHECKED,
    NOT_ID,
    PROBLEMS,
    SHIP_DATE,
    kinds_of,
)
from appeal.tracking.output import BatchWriter, LeftReport, left_path
from appeal.tracking.result import SAMPLE, RowFinding, TrackingResult
from appeal.tracking.shipdate import read_ship_date, ship_date_bits
from appeal.tracking.source import (
    NEEDED_COLUMNS,
    Columns,
    TrackingFile,
    open_tracking_file,
    table_rows,
)

RowSink = Callable[[RowFinding], None]
_CACHED = 4096  # distinct ship-dates whose rewritten form is remembered
# A row to show: bits, line number, order id, tracking cell, carrier, packed first sighting of
# its ID, cleaned value, format, ship-date cell (None: no such column), and for a row cut short
# its cells, the header's and the first column it lacks.
_Row = tuple[
    int,
    int,
    str,
    str,
    Carrier,
    int | None,
    str,
    TrackingFormat | None,
    str | None,
    tuple[int, int, str] | None,
]


class _Pass:
    """The state of one run over the files, and the rows that are shown."""

    def __init__(
        self,
        result: TrackingResult,
        on_row: RowSink | None,
        on_progress: Callable[[int], None] | None,
    ) -> None:
        self.result = result
        self.on_row = on_row
        self.on_progress = on_progress  # gets the bytes read so far, over all files
        self.read_before = 0  # bytes of the files already scanned
        self.want = PROBLEMS | NOT_CHECKED  # kinds whose sample has room
        self.ids: dict[int, int] = {}  # hash of an ID -> order hash, file and line packed
        self.files: list[str] = []
        self.report: LeftReport | None = None
        self.odd: Counter[str] = Counter()  # non-A-Z/0-9 characters of invisible rows

    def needs(self) -> int:
        """The finding bits that make a row worth an object now."""
        need = self.want
        if self.report is not None or len(self.result.left_sample) < SAMPLE:
            need |= LEFT
        if self.on_row is not None:
            need |= PROBLEMS
        return need

    def show(self, row: _Row) -> int:
        """Make the row an object and hand it to whoever needs it; return the new needs."""
        bits, number, order, cell, carrier, first, value, fmt, date, cut = row
        result = self.result
        where = None
        if bits & DUPLICATE and first is not None:
            where = self.files[(first >> 30) & 0x3FF], first & 0x3FFFFFFF
        given = None if carrier is ANY_CARRIER else carrier
        checked = checked_from(cell, given, bits, value, fmt)
        shipped = read_ship_date(date) if date is not None and bits & DATES else None
        found = RowFinding(
            self.files[-1], number, order.strip(), checked, bits, where, shipped, cut
        )
        for kind in kinds_of(bits & self.want):
            sample = result.samples.setdefault(kind, [])
            sample.append(found)
            if len(sample) >= SAMPLE:
                self.want &= ~KINDS[kind]
        if bits & LEFT:
            if len(result.left_sample) < SAMPLE:
                result.left_sample.append(found)
            if self.report is not None:
                self.report.add(found)
        if self.on_row is not None and bits & PROBLEMS:
            self.on_row(found)
        return self.needs()

    def finish(self) -> None:
        invisible = self.result.invisible_chars
        for odd, rows in self.odd.items():
            for ch in invisible_in(odd):
                invisible[ch] += rows


def scan_files(
    paths: list[Path],
    *,
    carrier: Carrier | None,
    fix: Path | None,
    on_row: RowSink | None = None,
    on_progress: Callable[[int], None] | None = None,
) -> TrackingResult:
    """Scan every file (the corrected copy of the only one to `fix`); `on_row` gets each row
    with a finding as it is found."""
    result = TrackingResult(files=list(paths))
    state = _Pass(result, on_row, on_progress)
    for path in paths:
        state.files.append(path.name)
        source = open_tracking_file(path)
        try:
            refuse_other_files(source, carrier_given=carrier is not None)
        except InputError:
            source.handle.close()
            raise
        writer = BatchWriter(fix, source.encoding.bom_bytes) if fix is not None else None
        state.report = LeftReport(left_path(fix)) if fix is not None else None
        try:
            before = result.ids
            _scan_source(source, state, carrier, writer)
            if result.ids == before:
                raise _nothing_in(source)
            state.read_before += path.stat().st_size
            if writer is not None:
                writer.commit()
                result.fix = fix
            if state.report is not None:
                result.report = state.report.commit()
        except BaseException:
            if writer is not None:
                writer.abort()
            if state.report is not None:
                state.report.abort()
            raise
    state.finish()
    return result


def _nothing_in(source: TrackingFile) -> InputError:
    """A file without a single row to check: a truncated export or the wrong file, never a
    clean result (a script's `appeal tracking file || stop` must stop)."""
    path = source.path
    if source.columns is not None:
        return InputError(
            f"{path}:{source.first_line - 1}: the column names are there, but no rows below "
            "them: nothing to check. Export the shipping-confirmation file again with its rows, "
            "or give the file you meant."
        )
    what = "has only blank lines" if path.stat().st_size > len(source.encoding.bom_bytes) else ""
    return InputError(
        f"{path}: the file {what or 'is empty'}, no tracking numbers: nothing to check. Give "
        "the shipping-confirmation file, or a list with one tracking number a line."
    )


def _scan_source(
    source: TrackingFile, state: _Pass, carrier: Carrier | None, writer: BatchWriter | None
) -> None:
    if writer is not None:
        for raw in source.top:
            writer.add(raw)
    if source.columns is None:
        _scan_list(source, state, carrier or ANY_CARRIER, writer)
    else:
        _scan_table(source, state, carrier, writer)


def _scan_list(
    source: TrackingFile, state: _Pass, carrier: Carrier, writer: BatchWriter | None
) -> None:
    """A plain list: every non-blank line is one number."""
    result = state.result
    ids = state.ids
    where = (len(state.files) - 1) << 30
    number = source.first_line - 1
    need = state.needs()
    for raws, texts in source.blocks:
        for at, text in enumerate(texts):
            number += 1
            if not text.strip():
                continue
            result.ids += 1
            bits, value, fmt, odd = assess(text, carrier)
            first = None
            if value and not bits & NOT_ID:
                key = hash(value)
                first = ids.get(key)
                if first is None:
                    ids[key] = where | number
                else:
                    bits |= DUPLICATE
            if bits:
                _count(state, bits, odd, carrier)
                if bits & need:
                    row = (bits, number, "", text, carrier, first, value, fmt, None, None)
                    need = state.show(row)
                if value != text and not bits & NOT_ID:
                    result.cleanable += 1
                    if writer is not None:
                        raws[at] = source.splice(raws[at], text, None, 0, value)
        _flush(state, source, writer, raws)


def _count(state: _Pass, bits: int, odd: str, carrier: Carrier) -> None:
    result = state.result
    result.by_bits[bits] += 1
    if bits & INVISIBLE:
        state.odd[odd] += 1
    if bits & NOT_CHECKED and carrier.listed:
        result.not_checked_carriers[carrier.listed] += 1
    if bits & LEFT:
        result.left += 1


def _flush(
    state: _Pass, source: TrackingFile, writer: BatchWriter | None, raws: list[bytes]
) -> None:
    if writer is not None:
        writer.write(b"".join(raws))
    if state.on_progress is not None:
        state.on_progress(state.read_before + source.position())


def _scan_table(
    source: TrackingFile, state: _Pass, carrier: Carrier | None, writer: BatchWriter | None
) -> None:
    """A shipping-confirmation file: the carrier and order of each row from its cells. This
    loop runs once per row of million-row files, so it keeps to local names and plain
    operations; a row with findings is counted, and made an object only when shown."""
    columns = source.columns
    assert columns is not None
    order_at, code_at, name_at, tracking_at, date_at, full = columns[:6]
    default = carrier.code if carrier is not None else ""
    carriers: dict[str, Carrier] = {}  # carrier-code -> Carrier, for codes other than Other
    dates: dict[str, int] = {}  # ship-date cell -> its finding bits
    rewrites: dict[str, str] = {}  # ship-date cell -> yyyy-mm-dd, for those --fix rewrites
    has_date, date_index = date_at is not None, date_at or 0
    date: str | None = None
    last_date: str | None = None  # the previous row's ship-date cell (rows come in date order)
    date_bits = 0  # ... and its finding bits
    result = state.result
    ids = state.ids
    where = (len(state.files) - 1) << 30
    checked = 0
    cleanable = 0
    redated = 0
    need = state.needs()
    by_bits = result.by_bits
    odds = state.odd
    unchecked = result.not_checked_carriers
    left = 0
    splice, splice_cells = source.splice, source.splice_cells
    number = source.first_line - 1
    for raws, texts, numbers, quoted in table_rows(source):
        for at, text in enumerate(texts):
            number += 1
            if quoted is None:
                written = cells = text.split("\t")
            else:  # a block holding quotes: every row as written (for the copy), its values
                written, cells = quoted[at]
                number = numbers[at]
            width = len(cells)
            if width < full:  # a row cut short (or a blank line): named, not checked
                if text.strip():
                    checked += 1
                    left += 1
                    by_bits[CUT_SHORT] += 1
                    if need & CUT_SHORT:
                        need = _show_cut(state, columns, cells, number, default)
                continue
            # every column of NEEDED_COLUMNS (order-id, carrier-code ...) is within `width`
            cell = cells[tracking_at]
            code = cells[code_at] if code_at is not None else default
            chosen = carriers.get(code)
            if chosen is None:
                name = cells[name_at] if name_at is not None and name_at < width else ""
                chosen = resolve_carrier(code, name)
                if not chosen.other:
                    carriers[code] = chosen
            bits, value, fmt, odd = assess(cell, chosen)
            if bits & MISSING and not text.strip():  # a line of tabs and spaces only
                continue
            if has_date:
                date = cells[date_index]
                if date != last_date:
                    last_date = date
                    date_bits = ship_date_bits(date, dates)
                bits |= date_bits
            checked += 1
            order = cells[order_at] if order_at is not None else ""
            first = None
            if value and not bits & NOT_ID:
                key = hash(value)
                first = ids.get(key)
                if first is None:
                    ids[key] = (hash(order) & 0xFFFFFFFF) << 40 | where | number
                elif first >> 40 != hash(order) & 0xFFFFFFFF or not order:
                    bits |= DUPLICATE  # another order (an order's items may share a parcel)
            if bits:  # what _count does, inline: most rows of a dirty file come here
                by_bits[bits] += 1
                if bits & INVISIBLE:
                    odds[odd] += 1
                if bits & NOT_CHECKED and chosen.listed:
                    unchecked[chosen.listed] += 1
                if bits & LEFT:
                    left += 1
                if bits & need:
                    row = (bits, number, order, cell, chosen, first, value, fmt, date, None)
                    need = state.show(row)
                if value != cell and not bits & NOT_ID:
                    cleanable += 1
                    if bits & SHIP_DATE:  # the date too: both cells in one splice
                        redated += 1
                        if writer is not None:
                            changes = ((tracking_at, value), (date_index, _day(date, rewrites)))
                            raws[at] = splice_cells(raws[at], text, written, changes)
                    elif writer is not None:
                        raws[at] = splice(raws[at], text, written, tracking_at, value)
                elif bits & SHIP_DATE:
                    redated += 1
                    if writer is not None:
                        day = _day(date, rewrites)
                        raws[at] = splice(raws[at], text, written, date_index, day)
        _flush(state, source, writer, raws)
    result.ids += checked
    result.cleanable += cleanable
    result.redated += redated
    result.left += left


def _day(date: str | None, rewrites: dict[str, str]) -> str:
    """The yyyy-mm-dd form --fix writes for a ship-date cell, remembered in `rewrites`."""
    rewritten = rewrites.get(date or "")
    if rewritten is None:
        rewritten = read_ship_date(date or "").rewritten
        if len(rewrites) < _CACHED:
            rewrites[date or ""] = rewritten
    return rewritten


def _show_cut(state: _Pass, columns: Columns, cells: list[str], number: int, default: str) -> int:
    """Show a row cut short (counted by the caller): its cells, the header's and the first
    needed column it lacks; its tracking ID is not there to check. Return the new needs."""
    width = len(cells)

    def cell(at: int | None) -> str:
        return cells[at] if at is not None and at < width else ""

    code = cell(columns.carrier) if columns.carrier is not None else default
    chosen = resolve_carrier(code or default, cell(columns.name))
    lacking = next(n for n in columns.names[width:] if n in NEEDED_COLUMNS)
    cut = (width, len(columns.names), lacking)
    return state.show(
        (CUT_SHORT, number, cell(columns.order), "", chosen, None, "", None, None, cut)
    )
