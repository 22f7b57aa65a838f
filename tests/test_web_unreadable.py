"""Case files the page cannot read (re-saved as GBK by Notepad, a YAML slip, emptied) stay in
"Your cases", marked, with what is wrong and what to do, in the page's language; opening one
says the same, as a seller's slip rather than "Something went wrong"."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.conftest import EXAMPLES
from tests.web_helpers import copy_example, web_client


def _spoilt_cases(folder: Path) -> None:
    good = (EXAMPLES / "vtr-toys.yaml").read_text(encoding="utf-8")
    copy_example(folder, "vtr-toys")
    (folder / "gbk.yaml").write_bytes(good.replace("Li Wei", "李伟").encode("gbk"))
    (folder / "bad2.yaml").write_text(
        good.replace("scope: category", "scope: [category"), encoding="utf-8"
    )
    (folder / "disk.yaml").write_bytes(b"")


def _zh(client: Any) -> None:
    origin = {"Origin": str(client.base_url)}
    response = client.post("/lang", data={"lang": "zh", "next": "/"}, headers=origin)
    assert response.status_code == 200


def test_unreadable_case_files_stay_in_the_list_with_what_to_do(tmp_path: Path) -> None:
    _spoilt_cases(tmp_path)
    page = web_client(tmp_path).get("/").text
    for name in ("vtr-toys.yaml", "gbk.yaml", "bad2.yaml", "disk.yaml"):
        assert name in page, name
    assert page.count("cannot be read") == 3
    assert "gbk.yaml, line" in page and "it looks like GBK" in page
    assert "File &gt; Save as" in page and "UTF-8" in page
    assert "bad2.yaml, line" in page and "column" in page and "Notepad" in page
    assert "disk.yaml: the file is empty" in page
    assert str(tmp_path) not in page.replace(f"Folder: {tmp_path}", "")  # names, not paths
    assert "run again" not in page


def test_on_a_chinese_page_the_slips_are_said_in_chinese(tmp_path: Path) -> None:
    _spoilt_cases(tmp_path)
    client = web_client(tmp_path)
    _zh(client)
    page = client.get("/").text
    assert page.count("无法读取") == 3
    assert "GBK 编码" in page and "另存为" in page
    assert "文件格式有误" in page and "文件是空的" in page
    for name in ("gbk", "bad2"):
        response = client.get(f"/case/{name}.yaml/review")
        assert response.status_code == 400
        assert "此申诉文件无法读取" in response.text and "出错了" not in response.text
        assert "Re-save" not in response.text and "YAML syntax" not in response.text
    assert "文件 &gt; 另存为" in client.get("/case/gbk.yaml/review").text


def test_opening_an_unreadable_case_says_what_to_do_on_the_page(tmp_path: Path) -> None:
    _spoilt_cases(tmp_path)
    response = web_client(tmp_path).get("/case/gbk.yaml/seller")
    assert response.status_code == 400
    assert "This case file cannot be read" in response.text
    assert "Something went wrong" not in response.text and "run again" not in response.text
    assert "then reload this page" in response.text


def test_the_case_list_counts_one_answer_and_names_no_column_twice(tmp_path: Path) -> None:
    """F1.4: 'draft: 1 answer', and the Deadline column does not say 'Deadline:' again."""
    path = copy_example(tmp_path, "vtr-toys")
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("  date: 2026-11-20", "  date: 2026-13-45"), "utf-8")
    copy_example(tmp_path, "vtr-toys", "fine.yaml")
    page = web_client(tmp_path).get("/").text
    assert "draft: 1 answer missing or to fix" in page
    assert "none stated; send promptly" in page and "Deadline: none stated" not in page


def test_findings_name_the_pages_fields_and_the_way_to_send_is_not_an_empty_line(
    tmp_path: Path,
) -> None:
    """F1.4: no YAML key (`seller.merchant_token`) on the page, and 'How to send' says there
    is something to open."""
    path = copy_example(tmp_path, "vtr-toys")
    text = path.read_text(encoding="utf-8").replace("  merchant_token: A2EXAMPLE0TOKEN\n", "")
    path.write_text(text.replace("store_name: ExampleHome", "store_name: '{{ 7*7 }}'"), "utf-8")
    html = web_client(tmp_path).get("/case/vtr-toys.yaml/review").text
    assert "seller.merchant_token" not in html and "seller.store_name:" not in html
    assert "“Merchant token (Settings &gt; Account Info)”" in html
    assert "Step 1 (your business), “Store name”:" in html
    assert "How to send (" in html and "steps, click to show)" in html
