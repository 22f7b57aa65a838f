"""Carriers as Amazon lists them: its 377 codes, the names sellers type for them (in Japanese,
Chinese and other spellings), Other in the languages of the marketplaces, and the
usable / unusable / not-checkable answer that estimates build on."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from appeal.packaged import data_text
from appeal.tracking.carriers import amazon_codes, resolve_carrier
from appeal.tracking.check import check_shipment

SHARED_CODES = Path(__file__).resolve().parents[2] / "shared/data/amazon-reports/carrier-codes.txt"


def _packaged_codes() -> list[str]:
    lines = data_text("carrier-codes.txt").splitlines()
    return [line for line in lines if line and not line.startswith("#")]


def test_amazons_list_is_shipped_unchanged() -> None:
    codes = _packaged_codes()
    assert len(codes) == 377
    assert {"UPS", "YamatoTransport", "SagawaExpress", "Japan Post", "4PX", "Yanwen"} <= set(codes)
    if SHARED_CODES.is_file():  # the copy beside the project, where the list came from
        assert codes == SHARED_CODES.read_text(encoding="utf-8").splitlines()
    assert "EMS" in amazon_codes()  # accepted by Seller Central's templates (domain.md 6)


@pytest.mark.parametrize(
    ("code", "name", "use"),
    [
        ("Other", "ヤマト運輸", "YamatoTransport"),
        ("Other", "ヤマト運輸株式会社", "YamatoTransport"),
        ("その他", "佐川急便", "SagawaExpress"),
        ("Other", "Sagawa", "SAGAWA"),
        ("Other", "日本郵便", "Japan Post"),
        ("Other", "顺丰速运", "SF Express"),
        ("Other", "SF Express", "SF Express"),
        ("Other", "中国邮政小包", "China Post"),
        ("Other", "China Post", "China Post"),
        ("Other", "云途物流", "Yun Express"),
        ("Other", "YunExpress", "Yun Express"),
        ("Other", "燕文", "Yanwen"),
        ("Other", "递四方", "4PX"),
        ("Other", "4PX", "4PX"),
        ("Otro", "Hermes", "Hermes"),
        ("Sonstige", "Evri", "Hermes UK"),
        ("Andere", "DHL Paket", "DHL-Paket"),
        ("Autre", "La Poste Colissimo", "Colissimo"),
        ("Other", "Royal Mail Tracked 48", "Royal Mail"),
        ("Evri", "", "Hermes UK"),  # a name typed as the code
    ],
)
def test_a_listed_carrier_under_other_gets_its_code(code: str, name: str, use: str) -> None:
    carrier = resolve_carrier(code, name)
    assert carrier.integrated
    assert carrier.use_code == use


@pytest.mark.parametrize(
    "other", ["Other", "other", "Otro", "Andere", "Sonstige", "Autre", "Altro", "Overig", "その他"]
)
def test_localised_other_is_other(other: str) -> None:
    carrier = resolve_carrier(other, "Speedy Local Post")
    assert carrier.other and not carrier.integrated


@pytest.mark.parametrize(
    ("code", "name"), [("Other", ""), ("Other", "Speedy Local Post"), ("Cups Express", "")]
)
def test_carriers_not_on_the_list_are_not_integrated(code: str, name: str) -> None:
    carrier = resolve_carrier(code, name)
    assert carrier.listed is None and carrier.use_code is None


def test_a_listed_code_as_written_needs_no_change() -> None:
    for code in ("UPS", "ups", "Yun Express", "YunExpress", "4PX", "YamatoTransport"):
        carrier = resolve_carrier(code)
        assert carrier.integrated and carrier.use_code is None, code


@pytest.mark.parametrize(
    ("tracking", "code", "name", "usable"),
    [
        ("1Z5R89390357567127", "UPS", "", True),
        ("1Z5R89390357567128", "UPS", "", False),  # check digit
        ("1Z5R89390357567127\u200b", "UPS", "", False),  # as written Amazon cannot match it
        ("1z5r89390357567127", "UPS", "", False),
        ("986578788855", "UPS", "", False),  # a FedEx number under UPS
        ("", "UPS", "", False),
        ("NULL", "UPS", "", False),
        ("LX123456785CN", "China Post", "", True),
        ("YT2229521272164446", "Other", "云途", True),  # Other + a listed name: its format
        ("UG123456789CN", "4PX", "", None),  # no public format: neither
        ("YW123456789", "Yanwen", "", None),
        ("SF1234567890123", "SF Express", "", None),
        ("123456789012", "Other", "ヤマト運輸", None),
        ("4567\u200b8901 2345", "YamatoTransport", "", False),  # unclean even if unchecked
        ("1Z5R89390357567127", "Other", "Speedy Local Post", False),  # not integrated
        ("SP1234", "Other", "", False),
    ],
)
def test_usable_answers_yes_no_or_not_checkable(
    tracking: str, code: str, name: str, usable: bool | None
) -> None:
    assert check_shipment(tracking, code, name).usable is usable


def test_a_clean_file_of_unchecked_carriers_exits_0(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from appeal.cli import app

    header = "order-id\torder-item-id\tquantity\tship-date\tcarrier-code\tcarrier-name\t"
    rows = [
        "111-0000001-0000001\t1\t1\t2026-10-07\t4PX\t\tUG123456789CN\tStandard",
        "111-0000001-0000002\t1\t1\t2026-10-07\tYanwen\t\tYW123456789\tStandard",
        "111-0000001-0000003\t1\t1\t2026-10-07\tSF Express\t\tSF1234567890123\tStandard",
    ]
    source = tmp_path / "cn.txt"
    source.write_text(
        header + "tracking-number\tship-method\r\n" + "\r\n".join(rows) + "\r\n", encoding="utf-8"
    )
    result = CliRunner().invoke(app, ["tracking", str(source), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["rows"] == [] and data["counts"] == {"not_checked": 3}
    assert data["sentence"] == (
        "The 3 tracking IDs in cn.txt were for carriers whose format is not public (4PX, "
        "Yanwen, SF Express), so their format could not be checked; none held an invisible or "
        "look-alike character."
    )
