"""Memory and time bombs, and values no letter can hold: size limits with clear errors, capped
quotes in messages, and one-line fields that refuse line breaks and control characters."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from appeal.cli import app
from appeal.core.fields import CASE_TEXT_LIMIT, LINE_LIMIT, REPLY_LIMIT, TEXT_LIMIT
from appeal.fsio import TEXT_FILE_LIMIT
from tests.helpers import MINIMAL_CASE

runner = CliRunner()


def _write(tmp_path: Path, text: str, name: str = "case.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _check(path: Path) -> tuple[int, str]:
    result = runner.invoke(app, ["check", str(path)])
    return result.exit_code, result.output


def test_a_case_file_over_the_limit_is_refused_unread(tmp_path: Path) -> None:
    filler = "# " + "x" * 98 + "\n"
    path = _write(tmp_path, MINIMAL_CASE + filler * (TEXT_FILE_LIMIT // 100 + 1))
    code, output = _check(path)
    assert code == 2
    assert f"case.yaml: the file is larger than {TEXT_FILE_LIMIT:,} bytes" in output


def test_a_huge_wrong_typed_value_is_quoted_short(tmp_path: Path) -> None:
    huge = "9" * 10 + "x" * 150_000
    text = MINIMAL_CASE.replace(
        "notice:\n", f"metrics:\n  late_shipment_rate: {{value: {huge}}}\nnotice:\n"
    )
    code, output = _check(_write(tmp_path, text))
    assert code == 2
    assert "case.yaml:9: metrics.late_shipment_rate.value: '9999999999xxx" in output
    assert len(output) < 1_000


def test_a_huge_marketplace_is_quoted_short(tmp_path: Path) -> None:
    text = MINIMAL_CASE.replace("marketplace: amazon.com", "marketplace: " + "amazon" * 25_000)
    code, output = _check(_write(tmp_path, text))
    assert code == 2 and "seller.marketplace: 'amazonamazon" in output
    assert len(output) < 1_000


@pytest.mark.parametrize(
    ("old", "new", "where"),
    [
        ("store_name: TestStore", f"store_name: {'S' * (LINE_LIMIT + 1)}", "4: seller.store_name"),
        (
            "facts: 18 of 300",
            f"facts: {'f' * TEXT_LIMIT} 18 of 300",
            "13: causes[0].facts",
        ),
    ],
)
def test_a_field_over_its_limit_is_a_located_error(
    tmp_path: Path, old: str, new: str, where: str
) -> None:
    code, output = _check(_write(tmp_path, MINIMAL_CASE.replace(old, new)))
    assert code == 2
    assert f"case.yaml:{where}: is " in output and "characters long; keep it under" in output


def test_a_list_over_its_limit_is_a_located_error(tmp_path: Path) -> None:
    categories = ", ".join(f"C{i}" for i in range(101))
    text = MINIMAL_CASE.replace("scope: all", f"scope: category\n  categories: [{categories}]")
    code, output = _check(_write(tmp_path, text))
    assert code == 2
    assert "notice.categories: has 101 items; keep it to 100 at most" in output


@pytest.mark.parametrize(
    ("old", "new", "where", "what"),
    [
        (
            "store_name: TestStore",
            'store_name: "Test\\nStore"',
            "4: seller.store_name",
            "a line break at character 5",
        ),
        ("store_name: TestStore", 'store_name: "Test\\x01Store"', "4: seller.store_name", "U+0001"),
        (
            "scope: all",
            'scope: category\n  categories: ["Toys\\r\\nBcc: x"]',
            "11: notice.categories[0]",
            "a line break",
        ),
        (
            "scope: all",
            'scope: category\n  categories: ["\\e[31mToys"]',
            "11: notice.categories[0]",
            "an escape",
        ),
        ("facts: 18 of", 'facts: "NUL\\0 18 of', "13: causes[0].facts", "U+0000"),
        (
            "owner: Warehouse lead",
            'owner: "Lead\\u2028x"',
            "21: causes[0].preventive_measures[0].owner",
            "U+2028",
        ),
    ],
)
def test_line_breaks_and_control_characters_are_located_errors(
    tmp_path: Path, old: str, new: str, where: str, what: str
) -> None:
    """`check` used to call these valid and `render` then crashed ("unexpected error")."""
    text = MINIMAL_CASE.replace(old, new)
    if new.startswith('facts: "'):
        text = text.replace("confirmed late.", 'confirmed late."')
    path = _write(tmp_path, text)
    code, output = _check(path)
    assert code == 2, output
    assert f"case.yaml:{where}: contains" in output and what in output
    result = runner.invoke(app, ["render", str(path), "-f", "all"])
    assert result.exit_code == 2 and "unexpected" not in result.output


def test_a_newline_in_a_metric_source_cannot_add_a_table_row(tmp_path: Path) -> None:
    metrics = 'metrics:\n  late_shipment_rate: {value: 9.1, source: "Account Health\\n| x | y |"}\n'
    code, output = _check(
        _write(tmp_path, MINIMAL_CASE.replace("notice:\n", metrics + "notice:\n"))
    )
    assert code == 2
    assert "case.yaml:9: metrics.late_shipment_rate.source: contains a line break" in output


def test_the_address_keeps_its_lines(tmp_path: Path) -> None:
    text = MINIMAL_CASE.replace(
        "  contact_name: Li Wei", '  address: "Room 1\\nShenzhen"\n  contact_name: Li Wei'
    )
    assert _check(_write(tmp_path, text))[0] in (0, 1)


@pytest.mark.parametrize("date", ["0", "1-01-01", "0001-01-01", "9999-12-31", "2026-02-30"])
def test_dates_that_are_not_an_appeals_are_located_errors(tmp_path: Path, date: str) -> None:
    text = MINIMAL_CASE.replace("date: 2026-11-20", f"date: {date}")
    code, output = _check(_write(tmp_path, text))
    assert code == 2
    assert "case.yaml:9: notice.date: '" in output


def test_many_long_categories_render(tmp_path: Path) -> None:
    categories = ", ".join(f"Category number {i} with a long name" for i in range(40))
    text = MINIMAL_CASE.replace("scope: all", f"scope: category\n  categories: [{categories}]")
    path = _write(tmp_path, text)
    result = runner.invoke(app, ["render", str(path), "-f", "all", "-f", "eml"])
    assert result.exit_code in (0, 1), result.output
    assert (tmp_path / "case.docx").exists() and (tmp_path / "case.eml").exists()


def test_a_reply_over_the_limit_is_refused_and_the_case_unchanged(tmp_path: Path) -> None:
    path = _write(tmp_path, MINIMAL_CASE)
    reply = _write(tmp_path, "Please add detail. " * (REPLY_LIMIT // 10), "reply.txt")
    args = ["history", "add", str(path), "--date", "2026-11-22", "--channel", "seller_central"]
    result = runner.invoke(app, [*args, "--outcome", "more_info", "--reply-file", str(reply)])
    assert result.exit_code == 2
    assert f"the reply is {len(reply.read_text().strip()):,} characters" in result.output
    assert path.read_text(encoding="utf-8") == MINIMAL_CASE


def test_a_huge_reply_file_is_refused_unread(tmp_path: Path) -> None:
    path = _write(tmp_path, MINIMAL_CASE)
    reply = tmp_path / "reply.txt"
    reply.write_bytes(b"x" * (TEXT_FILE_LIMIT + 1))
    args = ["history", "add", str(path), "--date", "2026-11-22", "--channel", "seller_central"]
    result = runner.invoke(app, [*args, "--outcome", "more_info", "--reply-file", str(reply)])
    assert result.exit_code == 2 and "reply.txt: the file is larger than" in result.output


def test_texts_adding_up_past_the_case_limit_are_refused(tmp_path: Path) -> None:
    facts = "f" * 9_000
    entry = MINIMAL_CASE[MINIMAL_CASE.index("  - cause:") :].replace(
        "facts: 18 of 300", f"facts: {facts} 18 of 300"
    )
    text = MINIMAL_CASE + entry * (CASE_TEXT_LIMIT // 9_000)
    code, output = _check(_write(tmp_path, text))
    assert code == 2
    assert "the case's texts add up to" in output and f"under {CASE_TEXT_LIMIT:,} in all" in output


def test_thousands_of_problems_are_counted_not_listed(tmp_path: Path) -> None:
    keys = "".join(f"  unknown{i}: x\n" for i in range(5_000))
    code, output = _check(_write(tmp_path, MINIMAL_CASE.replace("seller:\n", "seller:\n" + keys)))
    assert code == 2
    assert "5,000 problems in the case file" in output
    assert "... and 4,970 more; fix these first." in output
    assert len(output.splitlines()) == 32
