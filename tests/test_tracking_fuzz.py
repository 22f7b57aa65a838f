"""Property tests over tracking files and cells: any file of random rows gives exit 0, 1 or 2
with a located message (never "unexpected error"), and `--fix` changes nothing but tracking
cells that were cleaned; the fast per-row check agrees with the character-by-character one."""

from __future__ import annotations

import codecs
import json
import re
from pathlib import Path
from tempfile import TemporaryDirectory

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from appeal.cli import app
from appeal.tracking.carriers import resolve_carrier
from appeal.tracking.check import assess
from appeal.tracking.clean import clean_tracking_number
from appeal.tracking.kinds import INVISIBLE, MISSING, NULL, SEPARATORS, UNCLEANABLE
from tests.helpers import SHIPPING_COLUMNS

runner = CliRunner()
HEADER = SHIPPING_COLUMNS
TRACKING = HEADER.index("tracking-number")
ODD = "\u200b\u200c\ufeff\u00a0\u3000\u202e\x1b\x07\x0b\x0c\x85\u2028 -_/.ЗВΘ١１ｚzé深ヤ\udcff"
NUMBERS = ["1Z5R89390357567127", "9400111206206406260787", "LX123456785CN", "NULL", ""]
CODES = ["UPS", "USPS", "FedEx", "China Post", "4PX", "Yanwen", "Other", "Otro", "その他", "Foo"]
NAMES = ["", "ヤマト運輸", "云途", "Speedy Post", "Hermes"]
PLAIN = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"

cells = st.text(alphabet="ABC123" + ODD, max_size=8)
tracking_cells = st.one_of(
    st.sampled_from(NUMBERS),
    st.builds(
        lambda number, at, junk: number[:at] + junk + number[at:],
        st.sampled_from(NUMBERS),
        st.integers(0, 20),
        st.text(alphabet=ODD, max_size=3),
    ),
    st.text(alphabet="0123456789ABZaz" + ODD, max_size=24),
)
rows = st.one_of(
    st.builds(
        lambda order, code, name, number, method, cut: [
            order,
            "1",
            "1",
            "2026-10-07",
            code,
            name,
            number,
            method,
        ][:cut],
        cells,
        st.sampled_from(CODES),
        st.sampled_from(NAMES),
        tracking_cells,
        cells,
        st.integers(1, 9),
    ),
    st.lists(cells, max_size=10),
)
files = st.tuples(
    st.booleans(),  # with the header line
    st.lists(rows, max_size=12),
    st.sampled_from(["\n", "\r\n", "\r"]),
    st.sampled_from(["utf-8", "utf-8-sig", "utf-16-le", "cp1252", "cp932"]),
    st.booleans(),  # a line break after the last line
)


def _encode(text: str, encoding: str) -> bytes:
    if encoding == "utf-16-le":
        return codecs.BOM_UTF16_LE + text.encode(encoding)
    return text.encode(encoding)


def _lines(data: bytes, encoding: str) -> list[str]:
    """Lines with their endings, split where appeal splits them (LF, CRLF, CR). A UTF-8 file
    that starts with U+FEFF starts with a byte-order mark: the file's mark, not a cell's text
    (a generated first cell beginning with U+FEFF is indistinguishable from it)."""
    if encoding in ("utf-8", "utf-8-sig"):
        encoding = "utf-8-sig"
    text = data.decode("utf-16" if encoding == "utf-16-le" else encoding)
    parts = re.split(r"(\r\n|\r|\n)", text)
    return ["".join(parts[i : i + 2]) for i in range(0, len(parts), 2) if "".join(parts[i : i + 2])]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(files, st.sampled_from([None, "UPS", "China Post"]))
def test_any_file_exits_0_1_or_2_and_fix_changes_only_cleaned_tracking_cells(
    file: tuple[bool, list[list[str]], str, str, bool], carrier: str | None
) -> None:
    header, body, ending, encoding, last_break = file
    lines = ["\t".join(HEADER)] if header else []
    lines += ["\t".join(row) for row in body]
    text = ending.join(lines) + (ending if last_break and lines else "")
    try:
        data = _encode(text, encoding)
    except UnicodeEncodeError:
        assume(False)
        return
    with TemporaryDirectory() as tmp:
        source, fixed = Path(tmp) / "upload.txt", Path(tmp) / "fixed.txt"
        source.write_bytes(data)
        args = ["tracking", str(source), "--fix", str(fixed), "--json"]
        result = runner.invoke(app, [*args, "--carrier", carrier] if carrier else args)
        assert result.exit_code in (0, 1, 2), result.output
        assert "unexpected error" not in result.output
        if result.exit_code == 2:
            assert result.output.startswith(f"appeal: {source}") or "--carrier" in result.output
            assert not fixed.exists()
            return
        json.loads(result.output)
        if not fixed.exists():  # an empty file: nothing to correct
            assert not lines
            return
        before = _lines(data, encoding)
        after = _lines(fixed.read_bytes(), encoding)
    assert len(after) == len(before)
    column = TRACKING if header else 0
    for old, new in zip(before, after, strict=True):
        if old == new:
            continue
        # A plain list's line is one cell; a table's cells are split at tabs.
        old_cells, new_cells = (old.split("\t"), new.split("\t")) if header else ([old], [new])
        assert len(old_cells) == len(new_cells)
        changed = [i for i, (a, b) in enumerate(zip(old_cells, new_cells, strict=True)) if a != b]
        assert changed == [column] or (changed == [len(old_cells) - 1] == [column]), (old, new)
        old_cell = old_cells[column].rstrip("\r\n")
        new_cell = new_cells[column].rstrip("\r\n")
        cleaned = clean_tracking_number(old_cell, keep_hyphens="-" in new_cell)
        assert cleaned.certain and new_cell == cleaned.value
        assert old_cells[column][len(old_cell) :] == new_cells[column][len(new_cell) :]


@settings(max_examples=1000, deadline=None)
@given(
    st.text(alphabet="0123456789ABZaz" + ODD + "\t\n", max_size=24),
    st.sampled_from(["UPS", "Lasership", "4PX", "Foo"]),
)
def test_the_fast_check_agrees_with_the_character_by_character_one(raw: str, code: str) -> None:
    chosen = resolve_carrier(code)
    bits, value, _, odd = assess(raw, chosen)
    slow = clean_tracking_number(raw, keep_hyphens=chosen.hyphens)
    if bits & NULL:
        assert value == "NULL" == slow.value
        return
    if bits & MISSING:  # blank, or nothing left once cleaned
        assert value == "" == slow.value and slow.certain
        return
    assert bool(bits & UNCLEANABLE) == bool(slow.refused)
    assert bool(bits & INVISIBLE) == bool(slow.invisible)
    assert bool(bits & SEPARATORS) == bool(slow.spaces or slow.hyphens_removed)
    assert sorted(odd) == sorted(ch for ch in raw if ch not in PLAIN)
    if not bits & UNCLEANABLE:
        assert value == slow.value
        assert set(value) <= set(PLAIN + "-")
