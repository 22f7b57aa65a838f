"""Which legacy encoding a Seller Central file without a BOM is in: Shift_JIS (Amazon JP and
Japanese Windows), GBK (Chinese Windows) or Windows-1252 (western Windows). The files are
written here with Python's codecs from text as sellers type it, never from appeal's output."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from appeal.cli import app
from appeal.flatfile import detect_encoding

runner = CliRunner()
COLUMNS = (
    "order-id\torder-item-id\tquantity\tship-date\tcarrier-code\tcarrier-name\ttracking-number"
)
JP_TOP = (
    "TemplateType=OrderFulfillment\tVersion=2011.1102\r\n"
    "注文番号\t注文商品番号\t出荷数\t出荷日\t配送業者コード\t配送業者名\tお問い合わせ伝票番号\r\n"
)


def _file(rows: list[tuple[str, str, str]], top: str = "") -> str:
    """An upload file: (carrier-code, carrier-name, tracking-number) per row."""
    lines = [
        f"250-1234567-{n:07d}\t{n}1\t1\t2026-11-20\t{code}\t{name}\t{number}"
        for n, (code, name, number) in enumerate(rows, start=1)
    ]
    return top + "\r\n".join([COLUMNS, *lines]) + "\r\n"


JAPANESE = [
    # One ID typed with the IME's full-width digits, the rest plain: Amazon JP's template.
    _file(
        [
            ("Other", "ヤマト運輸", "１２３４５６７８９０１２"),
            ("YamatoTransport", "", "456789012346"),
        ],
        JP_TOP,
    ),
    # No template lines: only the carrier names and a full-width Japan Post number say Japanese.
    _file(
        [("Other", "佐川急便", "123456789012"), ("Other", "日本郵便", "ＥＮ１２３４５６７８５ＪＰ")]
    ),
    _file([("Other", "西濃運輸", "１２３４５６７８９０")]),
    _file([("Other", "福山通運㈱", "123456789012")]),
    _file([("YamatoTransport", "", "１２３４５６７８９０１２")]),  # full-width digits, nothing else
]
CHINESE = [
    _file([("Other", "云途物流", "YT2412345678901235")]),
    _file([("Other", "燕文", "UG123456785CN")]),
    _file(
        [("Other", "中国邮政", "１２３４５６７８９０"), ("Other", "顺丰速运", "SF1234567890123")]
    ),
    _file([("Other", "深圳市鑫源达贸易有限公司", "YT2412345678901235")]),
]
WESTERN = [
    _file([("Other", "Hermès Logistique", "PK1234567890")]),
    _file([("Other", "Colissimo Étiquette Großbrief", "PK1234567890")]),
    _file([("Other", "Deutsche Post Bücher", "PK1234567890")]),
    _file([("Other", "Seller’s own courier", "PK1234567890")]),
    _file([("Other", "Correos España", "PK1234567890"), ("Other", "Poste – più", "PK1")]),
]


@pytest.mark.parametrize(
    ("codec", "text"),
    [("cp932", t) for t in JAPANESE]
    + [("gbk", t) for t in CHINESE]
    + [("cp1252", t) for t in WESTERN],
)
def test_the_encoding_a_seller_saved_is_the_one_read(codec: str, text: str) -> None:
    assert detect_encoding(text.encode(codec), "upload.txt").codec == codec


def test_jp_template_with_a_full_width_id_is_read_and_fixed_as_shift_jis(tmp_path: Path) -> None:
    source = tmp_path / "出荷.txt"
    source.write_bytes(JAPANESE[0].encode("cp932"))
    fixed = tmp_path / "fixed.txt"
    result = runner.invoke(app, ["tracking", str(source), "--fix", str(fixed), "--json"])
    report = json.loads(result.output)
    rows = {row["raw"]: row for row in report["rows"]}
    assert rows["１２３４５６７８９０１２"]["cleaned"] == "123456789012"
    assert rows["１２３４５６７８９０１２"]["carrier_name"] == "ヤマト運輸"
    assert (
        "use_code" in rows["１２３４５６７８９０１２"]["kinds"]
    )  # Other + ヤマト運輸: YamatoTransport
    expected = JAPANESE[0].replace("１２３４５６７８９０１２", "123456789012").encode("cp932")
    assert fixed.read_bytes() == expected


def test_a_western_name_is_shown_as_written(tmp_path: Path) -> None:
    source = tmp_path / "upload.txt"
    source.write_bytes(
        _file([("Other", "Hermès Logistique", "1z999aa10123456784")]).encode("cp1252")
    )
    result = runner.invoke(app, ["tracking", str(source)])
    assert "Other (Hermès Logistique)" in result.output
    assert "鑣" not in result.output
