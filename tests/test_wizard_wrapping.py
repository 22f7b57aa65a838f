"""The wizard's own lines wrapped by words, and Chinese by character width (two columns a
character), continued under their text."""

from __future__ import annotations

import itertools
import os
import shutil
import sys
from pathlib import Path

import pytest

from appeal.core.catalogue import load_catalogue
from appeal.core.channel import Channel
from appeal.units import NBSP, bind_units
from appeal.wizard.summary import channel_lines
from appeal.wizard.texts import phrase
from appeal.wizard.wrapping import width_of, wrap, wrap_block
from tests.conftest import TODAY
from tests.wizard_helpers import scripted

EMAIL = Channel(
    kind="email",
    address="op-pso-vtr-appeals@amazon.com",
    reason="categories removed for Valid Tracking Rate",
    deadline=None,
    deadline_given=False,
    category_removal=True,
)


def _channel(lang: str) -> str:
    return "\n".join(channel_lines(EMAIL, "amazon.com", TODAY, lang, None))


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("width", [79, 59, 39])
def test_channel_lines_fit_the_width_and_keep_words_and_addresses_whole(
    lang: str, width: int
) -> None:
    text = _channel(lang)
    wrapped = wrap_block(text, width)
    lines = wrapped.split("\n")
    assert all(width_of(line) <= width for line in lines), wrapped
    assert any(len(line) > width // 2 for line in lines)  # lines are filled, not broken early
    assert "op-pso-vtr-appeals@amazon.com" in wrapped  # never cut
    # nothing lost or added but the breaks and the indentation of continuation lines
    assert "".join(wrapped.split()) == "".join(text.split())
    english_words = {w for w in text.split() if w.isascii()}
    assert {w for w in wrapped.split() if w.isascii()} == english_words  # no word split
    assert not [line for line in lines if line.lstrip()[:1] in set("，。、；：）”")]


def test_continuation_lines_sit_under_the_text_of_a_numbered_step_or_label() -> None:
    text = _channel("en")
    lines = wrap_block(text, 59).split("\n")
    first = next(i for i, line in enumerate(lines) if line.startswith("  1. Send the letter"))
    assert lines[first + 1].startswith("     ") and not lines[first + 1].startswith("      ")
    why = next(i for i, line in enumerate(lines) if line.startswith("  why: "))
    assert lines[why + 1].startswith(" " * 7) and lines[why + 1][7] != " "


def test_chinese_counts_two_columns_and_keeps_dates_and_closing_marks() -> None:
    text = "有效追踪率：您的数值 91.2 %，亚马逊要求 ≥ 95 %，2026年10月6日 至 2026年11月4日"
    lines = wrap(text, 40, hang=12)
    assert lines == [
        "有效追踪率：您的数值 91.2 %，亚马逊要求",
        "            ≥ 95 %，2026年10月6日 至",
        "            2026年11月4日",
    ]
    title = load_catalogue().causes["invalid_tracking"].title("zh")
    for line in wrap(f"  {title}：根本原因；已采取的措施；预防措施", 30, hang=2):
        assert width_of(line) <= 30
        assert line.strip()[0] not in "，。；：）"


def test_a_word_longer_than_the_line_is_cut_rather_than_overflowing() -> None:
    assert wrap("see https://sellercentral.amazon.com/performance/account/health", 24) == [
        "see",
        "https://sellercentral.am",
        "azon.com/performance/acc",
        "ount/health",
    ]


def _parted(lines: list[str]) -> list[str]:
    """Line ends where a number was parted from its unit, or a sign from its number: the two
    lines joined by a space there would be bound (appeal.units)."""
    parted = []
    for first, second in itertools.pairwise(lines):
        end = first.rstrip()
        if bind_units(f"{end} {second.lstrip()}")[len(end)] == NBSP:
            parted.append(f"{end} | {second.lstrip()}")
    return parted


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_figure_stays_with_its_unit_and_a_sign_with_its_figure(lang: str) -> None:
    # "Amazon's target < 4" at the end of one line, "%" on the next: at 80 and 60 columns
    metrics = load_catalogue().metrics.values()
    asked = [
        phrase(lang, "own_figure", metric=m.zh if lang == "zh" else m.en, target=m.usual.text)
        for m in metrics
    ]
    asked.append(phrase(lang, "fraction_rate", value="0.912", percent="91.2"))
    for width in range(30, 80):
        for text in asked:
            lines = wrap(f"? {text}", width, hang=2)  # as the prompt wraps its question
            assert not _parted(lines), (width, lines)
            assert all(width_of(line) <= max(width, 20) for line in lines)
            assert "".join(lines).replace(" ", "") == f"?{text}".replace(" ", "")
    late = phrase("en", "own_figure", metric="Late Shipment Rate", target="< 4 %")
    assert wrap(f"? {late}", 79, hang=2) == [
        "? Your Late Shipment Rate as Account Health shows it, in % (Amazon's target",
        "  < 4 %; optional)",
    ]


def test_no_break_spaces_of_the_letter_hold_on_screen_and_print_as_plain_spaces() -> None:
    # the review step shows the letter, whose figures are bound by no-break spaces
    text = "our Valid Tracking Rate was 91.2\u00a0% against Amazon's target of ≥\u00a095\u00a0%."
    for width in range(20, 80):
        lines = wrap_block(text, width).split("\n")
        assert NBSP not in "".join(lines)  # a GBK console cannot show U+00A0
        assert not _parted(lines), (width, lines)
    chinese = "发货 48\u00a0小时内无扫描的订单当天排查，核查近 60 天使用的承运商代码"
    for width in range(20, 50):
        lines = wrap(chinese, width)
        assert not _parted(lines), (width, lines)
        assert not any(line.rstrip().endswith(("48", "60")) for line in lines), lines


@pytest.mark.parametrize("columns", [80, 60])
def test_the_last_screen_of_appeal_new_is_wrapped_by_words_on_a_terminal(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    columns: int,
) -> None:
    # "...from the e-mail address re" / "gistered in Seller Central": cut by the terminal
    from appeal.cli.views.new import show_new

    monkeypatch.chdir(tmp_path)
    result, _ = scripted(case=Path("case.yaml"))
    capsys.readouterr()
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    monkeypatch.setattr(shutil, "get_terminal_size", lambda *_: os.terminal_size((columns, 40)))
    show_new(result)
    screen = capsys.readouterr().out
    lines = screen.split("\n")
    assert all(width_of(line) < columns for line in lines), screen
    assert "registered" in screen.split() and "op-pso-vtr-appeals@amazon.com" in screen.split()
    sent = next(i for i, line in enumerate(lines) if line.startswith("  1. Send the letter"))
    assert lines[sent + 1].startswith("     ") and lines[sent + 1][5] != " "
