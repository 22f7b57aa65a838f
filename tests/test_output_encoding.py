"""Output redirected on Windows is written in the ANSI code page (cp1252 in western Europe and
the US, cp437 in old consoles, GBK in China): a character the code page lacks (ñ in GBK, a
full-width or Arabic-Indic digit in cp1252, the bar chart's █) never stops a command. The real
command runs in a subprocess with PYTHONIOENCODING set, as Windows would set the stream."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, ROOT

CODE_PAGES = ["cp1252", "cp437", "gbk"]
HEADER = "order-id\torder-item-id\tquantity\tship-date\tcarrier-code\tcarrier-name\ttracking-number"


def _appeal(encoding: str, *args: str) -> tuple[int, str, str]:
    """Run appeal with stdout and stderr in `encoding`; (exit code, stdout, stderr) decoded
    strictly in it (bytes the code page cannot hold would fail the test here)."""
    done = subprocess.run(
        [sys.executable, "-m", "appeal", *args],
        capture_output=True,
        env={**os.environ, "PYTHONIOENCODING": encoding, "APPEAL_TODAY": "2026-11-26"},
        cwd=ROOT,
        timeout=120,
    )
    return done.returncode, done.stdout.decode(encoding), done.stderr.decode(encoding)


@pytest.fixture(scope="module")
def foreign(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A shipping-confirmation file with a Spanish and a French carrier name, a full-width ID
    (an IME's output) and an ID typed in Arabic-Indic digits."""
    rows = [
        "113-1234567-0000001\t1001\t1\t2026-11-20\tOther\tCorreos España\tPK1234567890",
        "113-1234567-0000002\t1002\t1\t2026-11-20\tOther\tColis Privé\t12345678901234",
        "113-1234567-0000003\t1003\t1\t2026-11-20\tUPS\t\t１Ｚ９９９ＡＡ１０１２３４５６７８４",
        "113-1234567-0000004\t1004\t1\t2026-11-20\tUSPS\t\t"
        + "\u0669\u0664\u0660\u0660\u0661\u0661\u0661\u0668\u0669\u0669\u0662\u0662",
    ]
    path = tmp_path_factory.mktemp("foreign") / "confirm.txt"
    path.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("encoding", CODE_PAGES)
def test_tracking_report_survives_any_code_page(foreign: Path, encoding: str) -> None:
    expected, full, _ = _appeal("utf-8", "tracking", str(foreign))
    code, shown, errors = _appeal(encoding, "tracking", str(foreign))
    assert (code, errors) == (expected, "") and expected == 1
    # The whole report, to its summary sentence, with every row shown.
    assert shown.count("\n") == full.count("\n")
    assert "Of 4 tracking IDs in confirm.txt" in shown
    assert "113-1234567-0000004" in shown
    # A character the code page lacks is still told apart from the ASCII one it resembles.
    assert "\\uff11\\uff3a" in shown or "１Ｚ" in shown
    assert "\\u0669" in shown


def test_tracking_json_survives_a_western_code_page(foreign: Path) -> None:
    code, shown, errors = _appeal("cp1252", "tracking", str(foreign), "--json")
    assert (code, errors) == (1, "")
    assert '"ids_checked": 4' in shown


@pytest.mark.parametrize("encoding", CODE_PAGES)
def test_metrics_chart_degrades_to_ascii_where_blocks_are_missing(encoding: str) -> None:
    orders = str(ROOT / "tests" / "data" / "metrics" / "all-orders-us.txt")
    expected, full, _ = _appeal("utf-8", "metrics", orders)
    code, shown, errors = _appeal(encoding, "metrics", orders)
    assert (code, errors) == (expected, "")
    assert "Cancellations, rolling 7 days" in shown and "█" in full
    assert shown.count("\n") == full.count("\n")
    bars = [line for line in shown.splitlines() if line.startswith("  2026-")]
    assert bars and all("|" in line for line in bars)
    if encoding == "cp1252":  # no block characters in Windows-1252: a '#' bar, not '\u2588'
        assert any("#" in line for line in bars) and "\\u2588" not in shown


def test_render_into_a_folder_named_with_a_letter_gbk_lacks(tmp_path: Path) -> None:
    folder = tmp_path / "España"
    case = str(EXAMPLES / "vtr-toys.yaml")
    code, shown, errors = _appeal("gbk", "render", case, "-o", str(folder), "--format", "txt")
    assert code == 0, errors
    assert "Espa\\xf1a" in shown and "Deadline" in shown
    assert (folder / "vtr-toys.txt").is_file()
