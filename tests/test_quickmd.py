"""The quick Markdown reader: wherever it reads a text, its blocks are markdown-it's; it reads
every letter our template writes; anything else goes to markdown-it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from appeal.core.casefile import load_case
from appeal.core.catalogue import load_catalogue
from appeal.letter.content import escape_markdown, render_letter, render_reading_copy
from appeal.letter.formats.document import markdown_it_blocks
from appeal.letter.formats.quickmd import read_blocks

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def _same_as_markdown_it(text: str) -> bool:
    """True when the quick reader read `text` (and then it must agree with markdown-it)."""
    quick = read_blocks(text)
    if quick is None:
        return False
    assert quick == list(markdown_it_blocks(text)), text
    return True


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.yaml")), ids=lambda p: p.stem)
def test_every_example_letter_is_read_quickly_and_alike(path: Path) -> None:
    catalogue = load_catalogue()
    letter = render_letter(load_case(path).case, catalogue, letter_date=dt.date(2026, 11, 24))
    assert _same_as_markdown_it(letter.markdown)
    if letter.case.lang == "zh":
        assert _same_as_markdown_it(render_reading_copy(letter, catalogue))


# What a seller types: any text, CommonMark's special characters and line breaks included.
TYPED = st.text(st.characters(exclude_categories=["Cs"]), max_size=40)
PLAIN = st.text(
    st.characters(categories=["L", "N"], include_characters=" .,:;'\"()%/-+#|\\*_~"),
    min_size=1,
    max_size=40,
).filter(str.strip)


@st.composite
def letters(draw: st.DrawFn, words: st.SearchStrategy[str]) -> str:
    """A document in the template's shapes, the seller's text escaped as the template does."""
    blocks = []
    for _ in range(draw(st.integers(1, 6))):
        text = escape_markdown(draw(words))
        shape = draw(st.sampled_from(["para", "bold", "heading", "bullets", "numbers", "table"]))
        if shape == "para":
            blocks.append(text + "\n" + escape_markdown(draw(words)))
        elif shape == "bold":
            blocks.append(f"**{text}**\n{escape_markdown(draw(words))}")
        elif shape == "heading":
            blocks.append(f"{'#' * draw(st.integers(1, 3))} {draw(st.integers(1, 9))}. {text}")
        elif shape in ("bullets", "numbers"):
            count = draw(st.integers(1, 4))
            items = [escape_markdown(draw(words)) for _ in range(count)]
            markers = ["- "] * count if shape == "bullets" else [f"{n}. " for n in range(1, 9)]
            blocks.append("\n".join(m + item for m, item in zip(markers, items, strict=False)))
        else:
            cells = [escape_markdown(draw(words)).replace("\\\n", " ") for _ in range(4)]
            blocks.append(
                f"| Metric | Value |\n|---|---|\n| {cells[0]} | {cells[1]} |\n| {cells[2]} |"
                f" {cells[3]} |"
            )
    return "\n\n".join(blocks) + "\n"


@settings(max_examples=300, deadline=None)
@given(letters(TYPED))
@example("**A**\nb\\\nc  \nd \ne\n\n- x\\\n  y\n- z\n")
@example("| a \\| b | c |\n|---|---|\n| x \\\\| y | z | w |\n| q |\n")
def test_wherever_it_reads_it_agrees_with_markdown_it(text: str) -> None:
    _same_as_markdown_it(text)


@settings(max_examples=200, deadline=None)
@given(letters(PLAIN))
def test_it_reads_the_template_shapes_with_plain_text(text: str) -> None:
    assert _same_as_markdown_it(text)


# Raw Markdown, not escaped: whatever the quick reader accepts must read the same.
RAW = st.lists(
    st.sampled_from(
        [*"ab1 \n\t|-*_#>`[]()<&!\\.:=+~)\u00a0\u3000", "**", "1. ", "- ", "\n\n", "  \n", "\\\n"]
    )
).map("".join)


@settings(max_examples=500, deadline=None)
@given(RAW)
@example("- 1. nested\n")
@example("a\n---\n")
@example("**a **\n")
@example("# title #\n")
def test_raw_markdown_is_read_alike_or_left_to_markdown_it(text: str) -> None:
    _same_as_markdown_it(text)


def test_what_it_does_not_know_goes_to_markdown_it() -> None:
    for text in ("> quote", "    code", "[link](x)", "a *b* c", "`code`", "a &amp; b", "<b>x</b>"):
        assert read_blocks(text) is None, text
