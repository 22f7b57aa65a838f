"""The wizard once through a real terminal (pexpect), in English and in Chinese."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from appeal.core.casefile import load_case

pexpect = pytest.importorskip("pexpect")
DOWN = "\x1b[B"


def _spawn(tmp_path: Path, *args: str) -> object:
    env = {
        **os.environ,
        "APPEAL_TODAY": "2026-11-24",
        "TERM": "xterm",
        "COLUMNS": "120",
        "LINES": "50",
        # pexpect is no terminal emulator: it never answers prompt_toolkit's cursor position
        # request, which would cost a one-second wait per question
        "PROMPT_TOOLKIT_NO_CPR": "1",
    }
    return pexpect.spawn(
        sys.executable,
        ["-m", "appeal", "new", *args],
        cwd=str(tmp_path),
        env=env,
        encoding="utf-8",
        timeout=30,
        dimensions=(50, 120),
    )


def _answer(child: object, prompt: str, keys: str) -> None:
    child.expect(prompt)  # type: ignore[attr-defined]
    child.send(keys)  # type: ignore[attr-defined]


def test_english_run_in_a_real_terminal(tmp_path: Path) -> None:
    child = _spawn(tmp_path, "case.yaml", "--lang", "en")
    _answer(child, "Step 1 of 7", "")
    _answer(child, "Legal business name", "Example Trading Co.\r")
    _answer(child, "Store name", "ExampleHome\r")
    _answer(child, "Merchant token", "\r")
    _answer(child, "Marketplace", "\r")
    _answer(child, "Your name", "Li Wei\r")
    _answer(child, "E-mail registered", "\r")
    _answer(child, "Next", "\r")
    _answer(child, "Step 2 of 7", "")
    _answer(child, "Paste Amazon's notice", "\x1b\r")
    _answer(child, "Date of the notice", "2026-11-20\r")
    _answer(child, "What did Amazon remove", DOWN + "\r")  # all self-shipping
    _answer(child, "Deadline for the plan", "\r")
    _answer(child, "Next", "\r")
    _answer(child, "Which causes apply", DOWN * 6 + " \r")  # late shipment
    _answer(child, "Next", "\r")
    _answer(child, "What happened", "18 of 300 orders in October 2026 were confirmed late.\r")
    _answer(child, "Root causes", DOWN + " \r")
    _answer(child, "Another root cause", "\r")
    _answer(child, "Actions you have already taken", DOWN + " \r")
    _answer(child, "Another action", "\r")
    _answer(child, "When was it done", "\r")
    _answer(child, "Preventive measures", " \r")
    _answer(child, "Another preventive measure", "\r")
    _answer(child, "Who does it", "Warehouse lead\r")
    _answer(child, "Since when", "\r")
    _answer(child, "Next", "\r")
    _answer(child, "Seller Central", "")
    _answer(child, "Next", "\r")
    _answer(child, "Dear Seller Performance team", "")  # the review shows the letter
    _answer(child, "Save the case and write the letter", "y")
    _answer(child, "Which files", "\r")
    child.expect(pexpect.EOF)  # type: ignore[attr-defined]
    child.close()  # type: ignore[attr-defined]
    assert child.exitstatus == 0  # type: ignore[attr-defined]
    case = load_case(tmp_path / "case.yaml").case
    assert case.causes[0].cause == "late_shipment"
    assert [i.use for i in case.causes[0].root_causes] == ["weekend_not_set"]
    assert (tmp_path / "case.form.txt").exists()


def test_chinese_run_ctrl_c_and_resume_in_a_real_terminal(tmp_path: Path) -> None:
    child = _spawn(tmp_path, "case.yaml", "--lang", "zh")
    _answer(child, "第 1 步", "")
    _answer(child, "公司名称", "深圳市示例贸易有限公司 (Shenzhen Example Trading Co., Ltd.)\r")
    _answer(child, "店铺名称", "ExampleHome\r")
    _answer(child, "卖家记号", "\x03")  # Ctrl-C
    child.expect(pexpect.EOF)  # type: ignore[attr-defined]
    child.close()  # type: ignore[attr-defined]
    assert child.exitstatus == 130  # type: ignore[attr-defined]
    assert "appeal new case.yaml" in child.before  # type: ignore[attr-defined]
    saved = (tmp_path / "case.yaml").read_text(encoding="utf-8")
    assert "深圳市示例贸易有限公司" in saved and "ExampleHome" in saved

    child = _spawn(tmp_path, "case.yaml")  # the language comes from the draft now
    _answer(child, "已有填写内容", "\r")  # continue
    _answer(child, "第 1 步", "")
    _answer(child, "公司名称", "\r")  # the earlier answer is the default
    _answer(child, "店铺名称", "\r")
    _answer(child, "卖家记号", "A2EXAMPLE0TOKEN\r")  # the e-mail channel requires it
    _answer(child, "站点", "\r")
    _answer(child, "联系人姓名", "王芳\r")
    _answer(child, "卖家后台注册邮箱", "\r")
    _answer(child, "下一步", "\r")
    _answer(child, "粘贴全文", "\x1b\r")
    _answer(child, "通知日期", "2026-11-20\r")
    _answer(child, "亚马逊限制了什么", "\r")  # some categories
    _answer(child, "品类", "Toys & Games\r")
    _answer(child, "申诉截止日期", "\r")
    _answer(child, "下一步", "\r")
    _answer(child, "哪些原因适用", " \r")  # invalid tracking
    _answer(child, "下一步", "\r")
    _answer(child, "发生了什么", "37 of 412 packages in October 2026 had no valid tracking.\r")
    _answer(child, "根本原因", " \r")
    _answer(child, "补充根本原因", "\r")
    _answer(child, "已经采取的措施", " \r")
    _answer(child, "补充已采取措施", "\r")
    _answer(child, "何时完成", "\r")
    _answer(child, "预防措施", " \r")
    _answer(child, "补充预防措施", "\r")
    _answer(child, "由谁负责", "仓库主管 (warehouse lead)\r")
    _answer(child, "从何时开始", "\r")
    _answer(child, "下一步", "\r")
    _answer(child, "op-pso-vtr-appeals@amazon.com", "")
    _answer(child, "下一步", "\r")
    _answer(child, "申诉信中文对照", "")  # the review shows the Chinese reading copy
    _answer(child, "预防措施", "")
    _answer(child, "保存并生成申诉信", "y")
    _answer(child, "生成哪些文件", "\r")
    child.expect("中文对照稿")  # type: ignore[attr-defined]
    child.expect(pexpect.EOF)  # type: ignore[attr-defined]
    child.close()  # type: ignore[attr-defined]
    assert child.exitstatus == 0  # type: ignore[attr-defined]
    assert (tmp_path / "case.zh.txt").exists() and (tmp_path / "case.eml").exists()
    letter = (tmp_path / "case.txt").read_text(encoding="utf-8")
    assert "Root causes of not providing valid tracking numbers" in letter
