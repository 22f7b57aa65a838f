"""Files appeal writes and edits: the record of outputs never out of step, no lost or
misplaced edit, links neither replaced nor followed out, outputs the same bytes every time."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from appeal.cli import app
from appeal.core.casefile import load_case
from appeal.letter.outputs import Record
from tests.conftest import EXAMPLES, ROOT, TODAY
from tests.helpers import MINIMAL_CASE

runner = CliRunner()


def _case(folder: Path, name: str = "case.yaml", text: str = MINIMAL_CASE) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def _render(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, ["render", *args])
    return result.exit_code, result.output


def _recorded(folder: Path) -> dict[str, list[str]]:
    return Record.read(folder).digests


def _run_at_once(code: str, count: int, cwd: Path) -> None:
    """Start `count` Python processes running `code` (argument: their number), all at once."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    processes = [
        subprocess.Popen([sys.executable, "-c", code, str(n)], cwd=cwd, env=env)
        for n in range(count)
    ]
    assert [p.wait(timeout=120) for p in processes] == [0] * count


# -- 3. the record of written files -----------------------------------------------------------


def test_each_file_is_recorded_as_it_is_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ctrl-C in the middle of a render: the files written so far are recorded, no temporary
    file is left, and the next render replaces them without blaming the user."""
    case = _case(tmp_path)
    real_replace = os.replace
    calls: list[Path] = []

    def interrupted(src: str, dst: Path) -> None:
        if Path(dst).parent == tmp_path:
            calls.append(Path(dst))
        if len(calls) == 3:
            raise KeyboardInterrupt
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", interrupted)
    code, output = _render(str(case), "-f", "txt", "-f", "md", "-f", "docx")
    assert code == 130, output
    monkeypatch.setattr(os, "replace", real_replace)
    assert {"case.txt", "case.md"} <= set(_recorded(tmp_path))
    assert not [p for p in tmp_path.iterdir() if p.suffix == ".tmp"]
    assert not (tmp_path / "case.docx").exists()
    code, output = _render(str(case), "-f", "txt", "-f", "md", "-f", "docx")
    assert code == 0, output


def test_a_failed_write_under_force_leaves_the_record_right(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    case = _case(tmp_path)
    assert _render(str(case), "-f", "txt", "-f", "md")[0] == 0
    (tmp_path / "case.txt").write_text("polished by hand", encoding="utf-8")
    real_replace = os.replace

    def full_disk(src: str, dst: Path) -> None:
        if Path(dst).name == "case.md":
            raise OSError(28, "No space left on device")
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", full_disk)
    code, output = _render(str(case), "-f", "txt", "-f", "md", "--force")
    assert code == 2 and "case.md: cannot be written (No space left on device)" in output
    monkeypatch.setattr(os, "replace", real_replace)
    code, output = _render(str(case), "-f", "txt", "-f", "md")
    assert code == 0, output  # case.txt was replaced under --force and recorded


def test_a_stale_temporary_file_from_a_killed_render_is_removed(tmp_path: Path) -> None:
    case = _case(tmp_path)
    stale = tmp_path / ".case.txt.k1ll3d00.tmp"
    stale.write_bytes(b"half a letter")
    other = tmp_path / ".notes.txt.k1ll3d00.tmp"
    other.write_bytes(b"not ours")
    assert _render(str(case), "-f", "txt")[0] == 0
    assert not stale.exists() and other.exists()


def test_renders_at_once_into_one_folder_lose_no_entry(tmp_path: Path) -> None:
    for n in range(6):
        _case(tmp_path / "cases", f"case{n}.yaml")
    code = (
        "import sys; from pathlib import Path; from appeal.letter.render import render_case; "
        "import datetime as dt; n = sys.argv[1]; "
        "render_case(Path(f'cases/case{n}.yaml'), formats=['txt', 'md'], out_dir=Path('out'), "
        "today=dt.date(2026, 11, 24))"
    )
    _run_at_once(code, 6, tmp_path)
    recorded = _recorded(tmp_path / "out")
    assert set(recorded) == {f"case{n}.{ext}" for n in range(6) for ext in ("txt", "md")}
    assert _render(str(tmp_path / "cases" / "case0.yaml"), "-f", "txt", "-o", "out")[0] == 0


def test_a_legacy_record_is_still_honoured(tmp_path: Path) -> None:
    import hashlib

    case = _case(tmp_path)
    (tmp_path / "case.txt").write_text("old letter", encoding="utf-8")
    digest = hashlib.sha256(b"old letter").hexdigest()
    (tmp_path / ".appeal-written.json").write_text(json.dumps({"case.txt": digest}))
    assert _render(str(case), "-f", "txt")[0] == 0
    assert not (tmp_path / ".appeal-written.json").exists()
    assert "case.txt" in _recorded(tmp_path)


def test_same_case_same_day_same_bytes_in_every_format(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The .docx zip entries carried the time of saving: two renders differed."""
    from appeal.letter.render import render_case

    case = EXAMPLES / "vtr-toys.yaml"
    formats = ["txt", "md", "docx", "eml"]
    render_case(case, formats=formats, out_dir=tmp_path / "a", today=TODAY)
    later = time.time() + 3 * 3600
    monkeypatch.setattr(time, "time", lambda: later)
    render_case(case, formats=formats, out_dir=tmp_path / "b", today=TODAY)
    for ext in formats:
        first = (tmp_path / "a" / f"vtr-toys.{ext}").read_bytes()
        assert first == (tmp_path / "b" / f"vtr-toys.{ext}").read_bytes(), ext


@pytest.mark.parametrize("dangling", [True, False])
def test_a_link_at_an_output_path_is_refused_even_with_force(
    tmp_path: Path, dangling: bool
) -> None:
    case = _case(tmp_path)
    target = tmp_path / "elsewhere.txt"
    if not dangling:
        target.write_text("keep me", encoding="utf-8")
    os.symlink(target, tmp_path / "case.txt")
    for force in ([], ["--force"]):
        code, output = _render(str(case), "-f", "txt", *force)
        assert code == 2 and "case.txt: is a symbolic link" in output
    assert (tmp_path / "case.txt").is_symlink()
    assert target.exists() != dangling
    if not dangling:
        assert target.read_text(encoding="utf-8") == "keep me"


# -- 4. lost or misplaced edits -----------------------------------------------------------------


def test_history_add_at_once_loses_nothing(tmp_path: Path) -> None:
    case = _case(tmp_path)
    code = (
        "import sys; from pathlib import Path; import datetime as dt; "
        "from appeal.letter.history import record_submission; "
        "record_submission(Path('case.yaml'), date=dt.date(2026, 11, 22), "
        "channel='seller_central', outcome='pending', reply=f'reply {sys.argv[1]}')"
    )
    _run_at_once(code, 8, tmp_path)
    submissions = load_case(case).case.submissions
    assert sorted(s.reply for s in submissions) == [f"reply {n}" for n in range(8)]
    assert len({s.snapshot for s in submissions}) == 8
    assert len(list((tmp_path / "case.sent").iterdir())) == 8


def test_history_add_through_a_link_edits_the_case_it_points_to(tmp_path: Path) -> None:
    real = _case(tmp_path / "cases")
    link = tmp_path / "link.yaml"
    os.symlink(real, link)
    args = ["history", "add", str(link), "--date", "2026-11-22", "--channel", "email"]
    result = runner.invoke(app, [*args, "--outcome", "pending"])
    assert result.exit_code == 0, result.output
    assert link.is_symlink()
    submissions = load_case(real).case.submissions
    assert len(submissions) == 1 and submissions[0].snapshot == "case.sent/2026-11-22-1.md"
    assert (tmp_path / "cases" / "case.sent" / "2026-11-22-1.md").exists()
    result = runner.invoke(app, ["history", str(link), "--diff"])
    # the snapshot was found (without it: "No snapshot of a sent letter to compare with"),
    # and compared with the case's letter as of the day it was sent
    assert "The letter is unchanged since the last submission." in result.output


def test_facts_into_a_case_behind_a_link(tmp_path: Path) -> None:
    from appeal.core.caseedit import append_facts

    real = _case(tmp_path / "cases")
    link = tmp_path / "link.yaml"
    os.symlink(real, link)
    append_facts(link, "late_shipment", "Checked on 24 November 2026.")
    assert link.is_symlink()
    assert "Checked on 24 November 2026." in load_case(real).case.causes[0].facts


def test_the_wizard_saves_a_draft_behind_a_link_where_it_is(tmp_path: Path) -> None:
    from appeal.wizard.draft import Draft

    real = _case(tmp_path / "cases")
    link = tmp_path / "link.yaml"
    os.symlink(real, link)
    draft = Draft.open(link)
    draft.set(("seller", "store_name"), "Renamed")
    assert link.is_symlink()
    assert load_case(real).case.seller.store_name == "Renamed"


# -- 7. snapshots stay inside the case's folder; file content shown inert -----------------------


@pytest.mark.parametrize("snapshot", ["../secret.md", "/etc/passwd", "C:\\secret.md", "a/../../b"])
def test_a_snapshot_outside_the_case_folder_is_a_located_error(
    tmp_path: Path, snapshot: str
) -> None:
    text = MINIMAL_CASE + (
        "submissions:\n  - date: 2026-11-22\n    channel: email\n    outcome: pending\n"
        f"    snapshot: '{snapshot}'\n"
    )
    case = _case(tmp_path / "cases", text=text)
    result = runner.invoke(app, ["history", str(case), "--diff"])
    assert result.exit_code == 2
    assert "case.yaml:27: submissions[0].snapshot: '" in result.output
    assert "is outside the case's folder" in result.output


def test_a_snapshot_linking_out_is_not_shown(tmp_path: Path) -> None:
    secret = tmp_path / "secret.md"
    secret.write_text("SECRET LINE\n", encoding="utf-8")
    text = MINIMAL_CASE + (
        "submissions:\n  - date: 2026-11-22\n    channel: email\n    outcome: pending\n"
        "    snapshot: case.sent/sent.md\n"
    )
    case = _case(tmp_path / "cases", text=text)
    (tmp_path / "cases" / "case.sent").mkdir()
    os.symlink(secret, tmp_path / "cases" / "case.sent" / "sent.md")
    result = runner.invoke(app, ["history", str(case), "--diff"])
    assert "SECRET" not in result.output
    assert "No snapshot of a sent letter to compare with." in result.output


def test_escape_sequences_in_a_snapshot_are_shown_inert(tmp_path: Path) -> None:
    case = _case(tmp_path)
    args = ["history", "add", str(case), "--date", "2026-11-22", "--channel", "email"]
    assert runner.invoke(app, [*args, "--outcome", "pending"]).exit_code == 0
    snapshot = tmp_path / "case.sent" / "2026-11-22-1.md"
    snapshot.write_text("\x1b]0;pwned\x07\x1b[2J\rline\n", encoding="utf-8")
    result = runner.invoke(app, ["history", str(case), "--diff"])
    assert "\x1b" not in result.output and "\r" not in result.output
    assert "\\x1b]0;pwned\\x07\\x1b[2J" in result.output
