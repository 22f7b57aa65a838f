"""The wizard in a real terminal (pexpect): a full run in English and in Chinese, Ctrl-C and
Ctrl-D, resume, long sentences wrapped at 80 and 60 columns, no English on Chinese screens."""

from __future__ import annotations

import io
import os
import re
import sys
from pathlib import Path

import pytest

from appeal.core.casefile import load_case

pexpect = pytest.importorskip("pexpect")
DOWN = "\x1b[B"
_ESCAPES = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b[()][A-Z0-9]|\x1b[=>]|\r")
DRAFT = """version: 1
lang: {lang}
seller:
  business_name: Example Trading Co.
  store_name: ExampleHome
  merchant_token: A2EXAMPLE0TOKEN
  marketplace: amazon.com
  contact_name: Li Wei
notice:
  date: 2026-11-20
  scope: category
  categories: [Toys & Games]
causes:
  - cause: invalid_tracking
"""


def _spawn(tmp_path: Path, *args: str, columns: int = 120) -> tuple[object, io.StringIO]:
    env = {
        **os.environ,
        "APPEAL_TODAY": "2026-11-24",
        "TERM": "xterm",
        "COLUMNS": str(columns),
        "LINES": "40",
        # pexpect is no terminal emulator: it never answers prompt_toolkit's cursor position
        # request, which would cost a one-second wait per question
        "PROMPT_TOOLKIT_NO_CPR": "1",
    }
    seen = io.StringIO()
    child = pexpect.spawn(
        sys.executable,
        ["-m", "appeal", "new", *args],
        cwd=str(tmp_path),
        env=env,
        encoding="utf-8",
        timeout=30,
        dimensions=(40, columns),
    )
    child.logfile_read = seen
    child.delaybeforesend = 0  # no pause before typing: the tests wait for the right screen text
    return child, seen


# Keys go to a question once its prompt is drawn: "?", then the question. The prompt switches
# the terminal to raw mode before it draws anything; text seen elsewhere (the hint printed before
# a question, the list of the question before) may show while the terminal is still in line
# mode, where Enter arrives as a line feed and Ctrl-C as a signal. Waiting for such text raced.
_STYLES = r"(?:\x1b\[[0-9;?]*[A-Za-z])*"


def _answer(child: object, question: str, keys: str) -> None:
    """Wait until `question` is asked (its prompt drawn), then type `keys`."""
    child.expect(rf"\?{_STYLES} {_STYLES}{question}")  # type: ignore[attr-defined]
    child.send(keys)  # type: ignore[attr-defined]


def _see(child: object, text: str) -> None:
    """Wait until `text` is on the screen (nothing is typed)."""
    child.expect(text)  # type: ignore[attr-defined]


def _end(child: object) -> int:
    child.expect(pexpect.EOF)  # type: ignore[attr-defined]
    child.close()  # type: ignore[attr-defined]
    return int(child.exitstatus)  # type: ignore[attr-defined]


def _screen_text(seen: io.StringIO) -> str:
    return _ESCAPES.sub("", seen.getvalue())


def test_english_run_in_a_real_terminal(tmp_path: Path) -> None:
    (tmp_path / "late-orders.csv").write_text("order-id\tship-date\n", encoding="utf-8")
    child, seen = _spawn(tmp_path, "case.yaml", "--lang", "en")
    _see(child, "Step 1 of 7")
    _answer(child, "Legal business name", "Example Trading Co.\r")
    _answer(child, "Store name", "ExampleHome\r")
    _answer(child, "Merchant token", "\r")
    _answer(child, "Marketplace", "\r")
    _answer(child, "Your name", "Li Wei\r")
    _answer(child, "E-mail registered", "\r")
    _answer(child, "Next", "\r")
    _answer(child, "Paste Amazon's notice", "\x1b\r")
    _answer(child, "Date of the notice", "2026/11/20\r")
    _answer(child, "What did Amazon remove", "\r")  # all self-shipping: without a notice
    _answer(child, "Deadline for the plan", "\r")
    _answer(child, "Next", "\r")
    _answer(child, "Which causes apply", "confirm")  # typing filters the list
    child.expect("filter: confirm")  # type: ignore[attr-defined]
    child.send(" \r")  # type: ignore[attr-defined]
    _answer(child, "Your .{0,40}as Account Health shows it", "6.1%\r")  # not in the notice: asked
    _answer(child, "The days Amazon measured", "2026-10-01 to 2026-10-30\r")  # and its window
    _answer(child, "Next", "\r")
    _answer(child, "What happened", "18 of 300 orders in October 2026 were confirmed late.\r")
    _answer(child, "Root causes", " " + DOWN + " \r")  # two: each action says which it answers
    _answer(child, "Another root cause", "\r")
    _answer(child, "Actions you have already taken", DOWN + " \r")
    _answer(child, "Another action", "\r")
    _answer(child, "When was it done", "2026-11-21\r")
    _answer(child, "Which root causes does it answer", DOWN + " \r")  # the second
    _answer(child, "Preventive measures", " \r")
    _answer(child, "Another preventive measure", "\r")
    _answer(child, "Who does it", "Warehouse lead\r")
    _answer(child, "Since when", "\r")
    _answer(child, "Which root causes does it answer", " " + DOWN + " \r")  # both
    _answer(child, "Evidence files for this cause", "missing.csv\r")  # refused: not there
    _see(child, "missing.csv is not in")
    child.send("\x15late-orders.csv\r")  # type: ignore[attr-defined]
    _answer(child, "Next", "\r")
    _see(child, "Seller Central")
    _see(child, "days left")
    _answer(child, "Next", "\r")
    _see(child, "Dear Seller Performance team")  # the review shows the letter
    _answer(child, "What now", "\r")  # write the letter
    _answer(child, "Which files", "\r")
    assert _end(child) == 0
    case = load_case(tmp_path / "case.yaml").case
    assert case.causes[0].cause == "late_shipment"
    entry = case.causes[0]
    assert [i.use for i in entry.root_causes] == ["handling_time_default", "weekend_not_set"]
    assert entry.corrective_actions[0].answers == ["2"]
    assert entry.preventive_measures[0].answers == ["1", "2"]
    assert entry.attachments == ["late-orders.csv"]
    figure = case.metrics.late_shipment_rate
    assert figure is not None and [str(d) for d in figure.window or ()] == [
        "2026-10-01",
        "2026-10-30",
    ]
    assert (tmp_path / "case.form.txt").exists()
    screens = _screen_text(seen)  # the terminal names the keys; the question texts do not
    assert "Merchant token (Settings > Account Info) (Enter to skip)" in screens
    assert "Another root cause in your own words, in English (Enter to finish)" in screens


def test_chinese_run_ctrl_c_and_resume_in_a_real_terminal(tmp_path: Path) -> None:
    child, _ = _spawn(tmp_path, "case.yaml", "--lang", "zh")
    _see(child, "第 1 步")
    _answer(child, "公司名称", "深圳市示例贸易有限公司 (Shenzhen Example Trading Co., Ltd.)\r")
    _answer(child, "店铺名称", "ExampleHome\r")
    _answer(child, "卖家记号", "\x03")  # Ctrl-C
    assert _end(child) == 130
    saved = (tmp_path / "case.yaml").read_text(encoding="utf-8")
    assert "深圳市示例贸易有限公司" in saved and "ExampleHome" in saved

    child, seen = _spawn(tmp_path, "case.yaml")  # the language comes from the draft now
    _answer(child, "case.yaml 已有填写内容", "\r")  # continue
    _answer(child, "公司名称", "\r")  # the earlier answer is the default
    _answer(child, "店铺名称", "\r")
    _answer(child, "卖家记号", "A2EXAMPLE0TOKEN\r")  # the e-mail channel requires it
    _answer(child, "站点", "\r")
    _answer(child, "联系人姓名", "王芳\r")
    _answer(child, "请填写署名", "Wang Fang\r")
    _answer(child, "卖家后台注册邮箱", "\r")
    _answer(child, "下一步", "\r")
    _answer(child, "如有亚马逊通知", "\x1b\r")
    _answer(child, "通知日期", "2026年11月20日\r")
    _answer(child, "亚马逊限制了什么", "\x1b[A\r")  # some categories (up from the default)
    _answer(child, "通知中列出的品类", "Toys & Games\r")
    _answer(child, "申诉截止日期", "\r")
    _answer(child, "下一步", "\r")
    _answer(child, "哪些原因适用", " \r")  # invalid tracking
    _answer(child, "您的.{0,20}（以账户状况页面为准", "\r")  # the own figure: skipped
    _answer(child, "下一步", "\r")
    _answer(child, "发生了什么", "37 of 412 packages in October 2026 had no valid tracking.\r")
    _answer(child, "根本原因", " \r")
    _answer(child, "补充根本原因", "\r")
    _answer(child, "已经采取的措施", " \r")
    _answer(child, "补充已采取措施", "\r")
    _answer(child, "何时完成", "2026-11-21\r")
    _answer(child, "预防措施", " \r")
    _answer(child, "补充预防措施", "\r")
    _answer(child, "由谁负责", "Warehouse lead\r")
    _answer(child, "从何时开始", "\r")
    _answer(child, "这个原因的证据文件", "\r")
    _answer(child, "下一步", "\r")
    _see(child, "op-pso-vtr-appeals@amazon.com")
    _answer(child, "下一步", "\r")
    _see(child, "申诉信中文对照")  # the review shows the Chinese reading copy
    _answer(child, "接下来", "\r")
    _answer(child, "生成哪些文件", "\r")
    child.expect("中文对照稿")  # type: ignore[attr-defined]
    assert _end(child) == 0
    assert (tmp_path / "case.zh.txt").exists() and (tmp_path / "case.eml").exists()
    screens = _screen_text(seen)
    for english in ("Use arrow keys", "selections)", "Finish with", "Cancelled", "(Y/n)"):
        assert english not in screens
    assert "已勾选" in screens or "从承运商网页复制追踪号" in screens
    assert "卖家记号 Merchant Token（设置 > 账户信息）（可回车跳过）" in screens
    assert "补充根本原因（英文）（直接回车结束）" in screens


@pytest.mark.parametrize("columns", [80, 60])
def test_long_sentences_wrap_and_ctrl_d_saves(tmp_path: Path, columns: int) -> None:
    (tmp_path / "case.yaml").write_text(DRAFT.format(lang="en"), encoding="utf-8")
    child, seen = _spawn(tmp_path, "case.yaml", columns=columns)
    _answer(child, "case.yaml already holds", "\r")  # continue: at the details
    _answer(child, "What happened", "37 of 412 packages in October 2026 were missed.\r")
    _answer(child, "Root causes", " ")  # tick the first, a long sentence
    child.expect("to any carrier scan")  # type: ignore[attr-defined]
    child.send("\r")  # type: ignore[attr-defined]
    _answer(child, "Another root cause", "\x04")  # Ctrl-D
    assert _end(child) == 130
    screens = _screen_text(seen)
    assert "appeal new case.yaml" in screens and "unexpected" not in screens
    assert "use: zero_width_paste" in (tmp_path / "case.yaml").read_text(encoding="utf-8")
    first = next(line for line in screens.split("\n") if "carrier's web page" in line)
    assert len(first) <= columns  # the list line is wrapped, its end shown on the next line


def test_chinese_screens_at_60_columns_and_ctrl_d_in_a_list(tmp_path: Path) -> None:
    (tmp_path / "case.yaml").write_text(DRAFT.format(lang="zh"), encoding="utf-8")
    child, seen = _spawn(tmp_path, "case.yaml", columns=60)
    _answer(child, "case.yaml 已有填写内容", "\r")
    _answer(child, "发生了什么", "37 of 412 packages in October 2026 were missed.\r")
    _answer(child, "根本原因", "a")  # typing filters; it never ticks everything
    child.expect("筛选")  # type: ignore[attr-defined]
    child.send("\x04")  # type: ignore[attr-defined]
    assert _end(child) == 130
    screens = _screen_text(seen)
    assert "已停止" in screens and "appeal new case.yaml" in screens
    for english in ("Use arrow keys", "to toggle", "selections)", "Finish with", "interrupted"):
        assert english not in screens
    assert "root_causes" not in (tmp_path / "case.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize(("lang", "columns"), [("en", 80), ("en", 60), ("zh", 80), ("zh", 60)])
def test_channel_lines_wrap_by_words_at_the_terminal_width(
    tmp_path: Path, lang: str, columns: int
) -> None:
    from wcwidth import wcswidth

    from tests.conftest import EXAMPLES

    text = (EXAMPLES / "vtr-toys.yaml").read_text(encoding="utf-8")
    (tmp_path / "case.yaml").write_text(text, encoding="utf-8")
    child, seen = _spawn(tmp_path, "case.yaml", "--lang", lang, columns=columns)
    resume = "case.yaml 已有填写内容" if lang == "zh" else "case.yaml already holds"
    _answer(child, resume, "\r")  # continue: at the channel
    next_step = "下一步？" if lang == "zh" else "Next?"
    _answer(child, re.escape(next_step), "\x03")
    assert _end(child) == 130
    screen = _screen_text(seen)
    start = screen.index("第 5 步" if lang == "zh" else "Step 5 of 7")
    lines = screen[start : screen.index(next_step, start)].split("\n")
    assert all(wcswidth(line) < columns for line in lines), "\n".join(lines)
    assert any("op-pso-vtr-appeals@amazon.com" in line for line in lines)  # never cut
    numbered = next(i for i, line in enumerate(lines) if line.startswith("  1. "))
    assert lines[numbered + 1].startswith("     ")  # continued under the step's text
    if lang == "en":
        words = " ".join(lines).split()
        for word in ("merchant-fulfilled", "categories", "(Valid", "registered"):
            assert word in words  # whole words, none cut in two


@pytest.mark.parametrize(("lang", "columns"), [("en", 60), ("zh", 60)])
def test_why_an_answer_was_refused_is_shown_whole(tmp_path: Path, lang: str, columns: int) -> None:
    # the line under the question held one line: at 60 columns the English one ended
    # "write 0.912 fo", without what to type instead
    from wcwidth import wcswidth

    from appeal.wizard.texts import phrase

    draft = DRAFT.format(lang=lang).replace("causes:\n  - cause: invalid_tracking\n", "")
    (tmp_path / "case.yaml").write_text(draft, encoding="utf-8")
    child, seen = _spawn(tmp_path, "case.yaml", columns=columns)
    _answer(child, "case.yaml (already holds|已有填写内容)", "\r")  # continue: at the causes
    _answer(child, "(Which causes apply|哪些原因适用)", " \r")  # invalid tracking
    _answer(child, "(Your Valid Tracking Rate|您的有效追踪率)", "0.912\r")
    refusal = phrase(lang, "fraction_rate", value="0.912", percent="91.2")
    _see(child, re.escape(refusal[-12:]))  # its end is shown
    child.send("\x15" + "91.2\r")  # type: ignore[attr-defined]
    _answer(child, "(The days Amazon measured|该有效追踪率的统计期间)", "\x03")
    assert _end(child) == 130
    lines = _screen_text(seen).split("\n")
    start = next(i for i, line in enumerate(lines) if line.startswith("0.912 "))
    first, second = lines[start], lines[start + 1]  # the screen is redrawn after the second
    second = second[: second.index(refusal[-8:]) + 8]
    assert f"{first} {second}".replace(" ", "") == refusal.replace(" ", "")  # whole, two lines
    assert wcswidth(first) < columns and wcswidth(second) < columns
    assert "91.2" in (tmp_path / "case.yaml").read_text(encoding="utf-8")
