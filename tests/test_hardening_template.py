"""A user's `--template`: fenced in by time, size and folder; its errors name its line."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from appeal.cli import app
from tests.conftest import EXAMPLES, ROOT

runner = CliRunner()
LINE = len((ROOT / "templates" / "letter.md.j2").read_text(encoding="utf-8").splitlines()) + 2


def _render_with(tmp_path: Path, body: str) -> tuple[int, str]:
    template = tmp_path / "tpl" / "mine.md.j2"
    template.parent.mkdir(exist_ok=True)
    default = (ROOT / "templates" / "letter.md.j2").read_text(encoding="utf-8")
    template.write_text(default + "\n" + body + "\n", encoding="utf-8")
    case = EXAMPLES / "vtr-toys.yaml"
    args = ["render", str(case), "-o", str(tmp_path / "out"), "-f", "txt"]
    result = runner.invoke(app, [*args, "--template", str(template)])
    return result.exit_code, result.output


def test_a_template_that_never_ends_is_stopped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("appeal.letter.usertemplate.TIME_LIMIT", 0.5)
    loop = "{% for a in range(100000) %}{% for b in range(100000) %}{% endfor %}{% endfor %}"
    code, output = _render_with(tmp_path, loop)
    assert code == 2
    assert "mine.md.j2: the template did not finish within 0.5 seconds" in output
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(
    ("body", "says"),
    [
        ("{{ 1 / 0 }}", "the template failed (ZeroDivisionError: division by zero)"),
        ("{{ seller.nope.x }}", "template error: 'appeal.core.case.Seller object' has no"),
        ("{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}", "RecursionError"),
        ("{{ 'x' * 1000000000 }}", "repeating text that many times is too much"),
        ("{{ 2 ** 100000000 }}", "the power 100000000 is too large"),
        ('{{ "%s" | format(seller.__class__.__mro__) }}', "template error"),
    ],
)
def test_template_errors_name_the_line(tmp_path: Path, body: str, says: str) -> None:
    code, output = _render_with(tmp_path, body)
    assert code == 2, output
    assert f"mine.md.j2:{LINE}: " in output and says in output


def test_a_template_that_writes_without_end_is_stopped(tmp_path: Path) -> None:
    flood = (
        "{% for a in range(100000) %}{% for b in range(100000) %}xxxxxxxxxx{% endfor %}{% endfor %}"
    )
    code, output = _render_with(tmp_path, flood)
    assert code == 2 and "the template wrote more than 2,000,000 characters" in output


def test_a_template_reads_only_its_own_folder(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET", encoding="utf-8")
    (tmp_path / "tpl").mkdir()
    (tmp_path / "tpl" / "part.txt").write_text("PART", encoding="utf-8")
    os.symlink(secret, tmp_path / "tpl" / "link.txt")
    for name in ("../secret.txt", "link.txt"):
        code, output = _render_with(tmp_path, f'{{% include "{name}" %}}')
        assert code == 2 and "outside the template's folder" in output, output
        assert "SECRET" not in output
    code, output = _render_with(tmp_path, '{% include "part.txt" %}')
    assert code == 0, output
    assert "PART" in (tmp_path / "out" / "vtr-toys.txt").read_text(encoding="utf-8")


def test_a_template_given_through_a_link_is_read_from_its_real_folder(tmp_path: Path) -> None:
    code, _ = _render_with(tmp_path, "")
    assert code == 0
    link = tmp_path / "link.md.j2"
    os.symlink(tmp_path / "tpl" / "mine.md.j2", link)
    args = ["render", str(EXAMPLES / "vtr-toys.yaml"), "-o", str(tmp_path / "o2"), "-f", "txt"]
    result = runner.invoke(app, [*args, "--template", str(link)])
    assert result.exit_code == 0, result.output
