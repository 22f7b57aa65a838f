"""Fuzz-style property tests over case files.

1. Any case that validates renders in every format, and checks, without an error; one that
   does not validate is refused with every problem located (`file:line: field: ...`).
2. Any mutation of a valid case file (lines dropped, doubled or cut, values swapped for hostile
   ones, bytes flipped) gives exit 0, 1 or 2 with a message naming the file: never "unexpected
   error" (70), never a traceback.
"""

from __future__ import annotations

import datetime as dt
import re
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from appeal.cli import app
from appeal.core.caseedit import dump_edited
from appeal.core.casefile import parse_case
from appeal.core.catalogue import PARTS, PartName, load_catalogue
from appeal.core.marketplaces import marketplaces
from appeal.errors import CaseInvalid
from appeal.letter.checks import check_letter
from appeal.letter.content import render_letter
from appeal.letter.render import ALL_FORMATS, build_files
from tests.conftest import EXAMPLES, TODAY

runner = CliRunner()
CATALOGUE = load_catalogue()
MARKETPLACES = sorted(marketplaces())

# Pieces a hostile or unlucky seller types: Markdown and template syntax, header tricks,
# scripts of every width, invisible characters, and now and then a control character.
_PIECES = [
    "*", "_", "#", "|", "`", "<b>", "&amp;", "{{ 7*7 }}", "{% if %}", "[x](y)", "- ", "1. ",
    "> ", "\\", '"', "'", ": ", " #", "---", "=?utf-8?q?Bcc:_x@y?=", "Bcc: a@b.example",
    "店铺", "ヤマト", "🙂", "e\u0301", "\u200b", "\u202e", "\ufeff", "  ", "[/bold]", "%s",
    "On", "NO", "~", "null", "12:30", "0123", "1e3", "2026-11-20",
]  # fmt: skip
_CONTROLS = ["\n", "\t", "\r", "\x00", "\x1b[31m", "\x85", "\u2028", "\x7f"]
WORDS = st.text(
    alphabet=st.characters(exclude_categories=["Cs"], max_codepoint=0x1FFFF), max_size=6
)
LINE = st.lists(st.one_of(st.sampled_from(_PIECES), WORDS), min_size=1, max_size=6).map("".join)
TEXT = st.lists(
    st.one_of(st.sampled_from(_PIECES), WORDS, st.sampled_from(_CONTROLS)), max_size=12
).map("".join)
DAY = st.dates(dt.date(1999, 12, 1), dt.date(2100, 1, 31)).flatmap(
    lambda d: st.sampled_from([d.isoformat(), f"{d:%Y/%m/%d}", f"{d.year}年{d.month}月{d.day}日"])
)
PERCENT = st.one_of(
    st.floats(-5, 105, allow_nan=False).map(lambda v: f"{v:.2f}"), st.sampled_from(["91.2", "x"])
)


@st.composite
def _entries(draw: Any, cause: str, part: PartName) -> list[dict[str, Any]]:
    ids = [item.id for item in CATALOGUE.causes[cause].items(part)]
    entries = []
    for _ in range(draw(st.integers(0, 3))):
        entry: dict[str, Any] = (
            {"use": draw(st.sampled_from(ids))} if draw(st.booleans()) else {"text": draw(TEXT)}
        )
        if part == "corrective_actions" and draw(st.booleans()):
            entry["date"] = draw(DAY)
        if part == "preventive_measures":
            if draw(st.booleans()):
                entry["owner"] = draw(LINE)
            if draw(st.booleans()):
                entry["start"] = draw(DAY)
        entries.append(entry)
    return entries


@st.composite
def cases(draw: Any) -> dict[str, Any]:
    """A case as a seller might write it: mostly valid, with hostile text everywhere."""
    seller: dict[str, Any] = {
        "business_name": draw(LINE),
        "store_name": draw(LINE),
        "marketplace": draw(st.sampled_from(MARKETPLACES)),
        "contact_name": draw(LINE),
    }
    for key in ("merchant_token", "phone", "holidays"):
        if draw(st.booleans()):
            seller[key] = draw(LINE)
    if draw(st.booleans()):
        seller["contact_email"] = draw(st.sampled_from(["ops@example.com", "a.b+c@x.example.cn"]))
    if draw(st.booleans()):
        seller["address"] = draw(TEXT)
    scope = draw(st.sampled_from(["category", "all"]))
    notice: dict[str, Any] = {"date": draw(DAY), "scope": scope}
    if scope == "category" or draw(st.booleans()):
        notice["categories"] = draw(st.lists(LINE, min_size=1, max_size=12))
    if draw(st.booleans()):
        notice["reference"] = draw(LINE)
    metrics: dict[str, Any] = {}
    for name in draw(st.sets(st.sampled_from(sorted(CATALOGUE.metrics)), max_size=3)):
        figure: dict[str, Any] = {"value": draw(PERCENT)}
        if draw(st.booleans()):
            figure["window"] = [draw(DAY), draw(DAY)]
        if draw(st.booleans()):
            figure["source"] = draw(LINE)
        metrics[name] = figure
    causes = []
    for cause in draw(st.lists(st.sampled_from(sorted(CATALOGUE.causes)), min_size=1, max_size=3)):
        entry: dict[str, Any] = {"cause": cause, "facts": draw(TEXT)}
        for part in PARTS:
            entry[part] = draw(_entries(cause, part))
        causes.append(entry)
    case: dict[str, Any] = {
        "version": 1,
        "lang": draw(st.sampled_from(["en", "zh"])),
        "seller": seller,
        "notice": notice,
        "channel": draw(st.sampled_from(["auto", "email", "seller_central"])),
        "causes": causes,
    }
    if metrics:
        case["metrics"] = metrics
    if draw(st.booleans()):
        case["attachments"] = draw(st.lists(LINE, max_size=4))
    return case


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=cases())
def test_any_case_that_validates_renders_in_every_format(data: dict[str, Any]) -> None:
    text = dump_edited(data, "")
    try:
        case = parse_case(text, "case.yaml", CATALOGUE)
    except CaseInvalid as exc:
        assert exc.problems
        assert all(p.startswith("case.yaml:") for p in exc.problems), exc.problems
        return
    letter = render_letter(case, CATALOGUE, letter_date=TODAY)
    titles = [CATALOGUE.parts[part].box for part in PARTS]
    # every format; the e-mail draft where there is an address to send it to
    formats = [f for f in ALL_FORMATS if f != "eml" or letter.channel.kind == "email"]
    files = build_files(letter, formats, folder=Path("out"), stem="case", box_titles=titles)
    assert len(files) == len(formats) and all(f.data for f in files)
    check_letter(Path("case.yaml"), case, letter, CATALOGUE, TODAY)


# -- mutations of the bundled examples ---------------------------------------------------------

_HOSTILE_VALUES = [
    "", "~", "[]", "{}", "[[[[", "{a: [", "-1", "1e999", ".nan", "0", "9999-99-99", "2026-02-30",
    "&a x", "*a", "!!python/object/apply:os.system ['true']", "<<: {a: 1}", "|", ">-", "'",
    '"\\x00\\e[31m"', '"\\ud800"', "x" * 5000, "é" * 300, "\t", "? complex", "- - -",
    "=?utf-8?q?a=0D=0ABcc:_x@y?=", '"Shop\\nTwo"', '"x\\x01"', '"\\u2028"',
    "a@b.example, c@d.example", "[/bold]", "%(x)s", "{{ 1/0 }}",
]  # fmt: skip
_EXAMPLES = sorted(EXAMPLES.glob("*.yaml"))


@st.composite
def mutated(draw: Any) -> bytes:
    lines = draw(st.sampled_from(_EXAMPLES)).read_text(encoding="utf-8").splitlines()
    if draw(st.booleans()):  # one value changed, the rest of the case valid
        keyed = [n for n, line in enumerate(lines) if re.match(r"\s*(- )?\w+: \S", line)]
        at = draw(st.sampled_from(keyed))
        key = lines[at].split(": ", 1)[0]
        lines[at] = f"{key}: {draw(st.sampled_from(_HOSTILE_VALUES))}"
        return "\n".join(lines).encode("utf-8")
    for _ in range(draw(st.integers(1, 4))):
        if not lines:
            break
        at = draw(st.integers(0, len(lines) - 1))
        kind = draw(st.sampled_from(["drop", "double", "value", "indent", "insert", "cut"]))
        if kind == "drop":
            del lines[at]
        elif kind == "double":
            lines.insert(at, lines[at])
        elif kind == "value" and ":" in lines[at]:
            key = lines[at].split(":", 1)[0]
            lines[at] = f"{key}: {draw(st.sampled_from(_HOSTILE_VALUES))}"
        elif kind == "indent":
            lines[at] = " " * draw(st.integers(0, 9)) + lines[at].lstrip()
        elif kind == "insert":
            lines.insert(at, draw(st.one_of(st.sampled_from(_HOSTILE_VALUES), TEXT)))
        elif kind == "cut":
            lines[at] = lines[at][: draw(st.integers(0, len(lines[at])))]
    data = bytearray("\n".join(lines).encode("utf-8"))
    if data and draw(st.integers(0, 9)) == 0:  # now and then a byte the encoding cannot hold
        data[draw(st.integers(0, len(data) - 1))] = draw(st.sampled_from([0x80, 0xFF, 0xC3]))
    return bytes(data)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=mutated())
def test_any_mutation_of_a_case_is_handled(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        case = Path(folder) / "case.yaml"
        case.write_bytes(data)
        for args in (["check", str(case)], ["render", str(case), "-o", f"{folder}/out"]):
            result = runner.invoke(app, args)
            assert result.exception is None or isinstance(result.exception, SystemExit), (
                result.exception
            )
            assert result.exit_code in (0, 1, 2), result.output
            if result.exit_code == 2:
                assert result.output.startswith("appeal: "), result.output
                assert "case.yaml" in result.output, result.output
