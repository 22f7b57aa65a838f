"""Bad case files: exit 2, a message naming file, line and field, no traceback, nothing written."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from appeal.cli import app
from appeal.fsio import LOCK_NAME
from tests.helpers import MINIMAL_CASE

runner = CliRunner()


def _render(path: Path, *extra: str) -> tuple[int, str]:
    result = runner.invoke(app, ["render", str(path), *extra])
    return result.exit_code, result.output


def _files(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir()}


BAD_CASES: dict[str, tuple[str | bytes, list[str]]] = {
    "malformed_yaml": (
        MINIMAL_CASE.replace("  store_name: TestStore", "  store_name: [TestStore"),
        [":5:", "YAML syntax", "starts on line 4"],
    ),
    "unknown_key": (
        MINIMAL_CASE.replace("  contact_name: Li Wei", "  contact_nmae: Li Wei"),
        [":6:", "seller.contact_nmae", "unknown key", "did you mean 'contact_name'"],
    ),
    "unknown_cause": (
        MINIMAL_CASE.replace("cause: late_shipment", "cause: late_shipments"),
        [":12:", "causes[0].cause", "unknown cause", "did you mean 'late_shipment'"],
    ),
    "unknown_item": (
        MINIMAL_CASE.replace("use: weekend_not_set", "use: weekend_notset"),
        [":15:", "causes[0].root_causes[0].use", "did you mean 'weekend_not_set'"],
    ),
    "item_from_other_part": (
        MINIMAL_CASE.replace("use: weekend_not_set", "use: set_weekend_days"),
        [":15:", "causes[0].root_causes[0].use", "unknown item 'set_weekend_days'"],
    ),
    "impossible_date": (
        MINIMAL_CASE.replace("date: 2026-11-20", "date: 2026-02-30"),
        [":9:", "notice.date", "'2026-02-30' is not a day of the calendar", "YYYY-MM-DD"],
    ),
    "category_without_categories": (
        MINIMAL_CASE.replace("scope: all", "scope: category"),
        [":8:", "notice", "no categories are listed"],
    ),
    "wrong_enum": (
        MINIMAL_CASE.replace("scope: all", "scope: everything"),
        [":10:", "notice.scope", "'everything' is not allowed", "'category'"],
    ),
    "empty_file": ("", [":1:", "empty"]),
    "top_level_list": ("- cause: late_shipment\n", [":1:", "mapping"]),
    "python_tag": (
        MINIMAL_CASE.replace(
            "store_name: TestStore", "store_name: !!python/object/apply:os.system ['echo hacked']"
        ),
        [":4:", "tag", "not allowed"],
    ),
    "gbk_file": (
        MINIMAL_CASE.replace("Test Trading Co.", "深圳测试贸易有限公司").encode("gbk"),
        [":3:", "not UTF-8", "GBK"],
    ),
    "duplicate_key": (
        MINIMAL_CASE.replace("  contact_name: Li Wei", "  contact_name: Li Wei\n  contact_name: X"),
        [":7:", "appears twice"],
    ),
    "both_use_and_text": (
        MINIMAL_CASE.replace(
            "      - use: weekend_not_set", "      - use: weekend_not_set\n        text: mine"
        ),
        [":15:", "causes[0].root_causes[0]", "not both"],
    ),
    "no_causes": (
        MINIMAL_CASE.split("causes:")[0] + "causes: []\n",
        [":11:", "causes", "at least one cause"],
    ),
    "metric_out_of_range": (
        MINIMAL_CASE + "metrics:\n  late_shipment_rate: {value: 140}\n",
        [":24:", "metrics.late_shipment_rate.value", "100"],
    ),
    "text_where_list": (
        MINIMAL_CASE.replace("scope: all", "scope: category\n  categories: Toys"),
        [":11:", "notice.categories", "a list"],
    ),
}


@pytest.mark.parametrize("name", sorted(BAD_CASES))
def test_bad_case_is_located_and_writes_nothing(name: str, tmp_path: Path) -> None:
    content, expected = BAD_CASES[name]
    path = tmp_path / "case.yaml"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    before = _files(tmp_path)
    code, output = _render(path)
    assert code == 2, output
    assert "Traceback" not in output
    assert str(path) in output
    for fragment in expected:
        assert fragment in output, f"{fragment!r} not in {output!r}"
    assert _files(tmp_path) == before


def test_python_tag_is_never_executed(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    content = MINIMAL_CASE.replace(
        "store_name: TestStore",
        f"store_name: !!python/object/apply:os.system ['touch {marker}']",
    )
    path = tmp_path / "case.yaml"
    path.write_text(content, encoding="utf-8")
    code, _ = _render(path)
    assert code == 2
    assert not marker.exists()


def test_every_problem_is_listed_at_once(tmp_path: Path) -> None:
    content = MINIMAL_CASE.replace("  contact_name: Li Wei", "  contact_nmae: Li Wei").replace(
        "scope: all", "scope: nope"
    )
    path = tmp_path / "case.yaml"
    path.write_text(content, encoding="utf-8")
    code, output = _render(path)
    assert code == 2
    assert "seller.contact_nmae" in output and "notice.scope" in output
    assert "seller.contact_name: is required" in output


def test_missing_file(tmp_path: Path) -> None:
    code, output = _render(tmp_path / "nope.yaml")
    assert code == 2
    assert "no such file" in output


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write to read-only folders")
def test_unwritable_output_folder_as_user(tmp_path: Path) -> None:
    case = tmp_path / "case.yaml"
    case.write_text(MINIMAL_CASE, encoding="utf-8")
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        code, output = _render(case, "-o", str(locked))
    finally:
        locked.chmod(0o700)
    assert code == 2
    assert "cannot write" in output
    assert list(locked.iterdir()) == []


def test_output_folder_that_is_a_file(tmp_path: Path) -> None:
    case = tmp_path / "case.yaml"
    case.write_text(MINIMAL_CASE, encoding="utf-8")
    blocker = tmp_path / "out"
    blocker.write_text("not a folder", encoding="utf-8")
    code, output = _render(case, "-o", str(blocker))
    assert code == 2
    assert "is a file, not a folder" in output
    assert blocker.read_text(encoding="utf-8") == "not a folder"


def test_output_folder_that_cannot_be_created(tmp_path: Path) -> None:
    """Works as root too: a folder cannot be created inside a regular file."""
    case = tmp_path / "case.yaml"
    case.write_text(MINIMAL_CASE, encoding="utf-8")
    (tmp_path / "file").write_text("x", encoding="utf-8")
    code, output = _render(case, "-o", str(tmp_path / "file" / "sub"))
    assert code == 2
    assert "cannot create the folder" in output or "is a file" in output
    assert "Traceback" not in output


def test_debug_shows_traceback(tmp_path: Path) -> None:
    path = tmp_path / "case.yaml"
    path.write_text("", encoding="utf-8")
    result = runner.invoke(app, ["--debug", "render", str(path)])
    assert result.exit_code != 0
    assert result.exception is not None


def test_unwritable_output_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The OS refusing to create files (as for a read-only folder) is a clean exit 2."""
    import tempfile

    def refuse(*args: object, **kwargs: object) -> tuple[int, str]:
        raise PermissionError(13, "Permission denied")

    case = tmp_path / "case.yaml"
    case.write_text(MINIMAL_CASE, encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    code, output = _render(case, "-o", str(out))
    assert code == 2
    assert f"{out}: cannot write here (Permission denied)" in output
    assert [p.name for p in out.iterdir()] == [LOCK_NAME]  # no letter, nothing recorded


def test_utf8_with_bom_is_fine(tmp_path: Path) -> None:
    path = tmp_path / "case.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + MINIMAL_CASE.encode("utf-8"))
    code, output = _render(path, "-f", "txt")
    assert code == 0, output


def test_check_reports_valid_case_and_channel(tmp_path: Path) -> None:
    path = tmp_path / "case.yaml"
    path.write_text(MINIMAL_CASE, encoding="utf-8")
    result = runner.invoke(app, ["check", str(path)])
    assert result.exit_code == 0, result.output
    assert "valid; 1 cause(s)" in result.output
    assert "Deadline: 7 December 2026" in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["case.yaml"]  # check writes nothing


def test_check_reports_problems_with_exit_2(tmp_path: Path) -> None:
    path = tmp_path / "case.yaml"
    path.write_text(MINIMAL_CASE.replace("scope: all", "scope: some"), encoding="utf-8")
    result = runner.invoke(app, ["check", str(path)])
    assert result.exit_code == 2
    assert "notice.scope" in result.output
