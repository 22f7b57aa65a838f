"""The form file for Seller Central's appeal form: one box per part (root cause, actions taken,
prevention) with its character count; the notice, its reference and the metrics in the root
cause box; the attachments and the signature outside the boxes (spec 5, issue 13 bullet 4)."""

from __future__ import annotations

import re
from pathlib import Path

from appeal.letter.render import render_case
from tests.conftest import EXAMPLES, TODAY
from tests.helpers import MINIMAL_CASE

BOX = re.compile(r"^===== (.+?) \((\d+) characters\) =====\n(.*?)\n(?======|-----|\Z)", re.S | re.M)
OUTSIDE = "----- Outside the boxes (not counted) -----\n"


def _form(case_text: str, tmp_path: Path) -> tuple[dict[str, str], str]:
    case = tmp_path / "case.yaml"
    case.write_text(case_text, encoding="utf-8")
    render_case(case, formats=["form"], today=TODAY)
    form = (tmp_path / "case.form.txt").read_text(encoding="utf-8")
    boxes = {}
    for title, count, text in BOX.findall(form):
        assert int(count) == len(text.strip("\n")), title  # the count is the box's text
        boxes[title] = text.strip("\n")
    assert list(boxes) == ["Root cause", "Actions taken", "Prevention"]
    return boxes, form


def test_without_attachments_the_signature_is_outside_the_boxes(tmp_path: Path) -> None:
    boxes, form = _form(MINIMAL_CASE, tmp_path)
    assert "Sincerely" not in boxes["Prevention"]
    assert "Test Trading Co." not in boxes["Prevention"]
    assert form.endswith(OUTSIDE + "Sincerely,\n\nLi Wei\nTest Trading Co.\n")
    assert boxes["Prevention"].endswith("in place since 22 November 2026).")


def test_with_attachments_files_and_signature_are_kept_outside_the_boxes(tmp_path: Path) -> None:
    text = MINIMAL_CASE + "attachments: [late-orders.csv, handling-settings.png]\n"
    boxes, form = _form(text, tmp_path)
    outside = form.split(OUTSIDE, 1)[1]
    assert outside == (
        "Attachments\n\n- late-orders.csv\n- handling-settings.png\n\n"
        "Sincerely,\n\nLi Wei\nTest Trading Co.\n"
    )
    assert not any("late-orders.csv" in box or "Sincerely" in box for box in boxes.values())


def test_the_root_cause_box_has_the_notice_reference_and_the_metrics(tmp_path: Path) -> None:
    text = MINIMAL_CASE.replace("  scope: all\n", "  scope: all\n  reference: PN-2026-77\n")
    text += "metrics:\n  late_shipment_rate: {value: 6.2, window: [2026-10-01, 2026-10-30]}\n"
    boxes, _ = _form(text, tmp_path)
    root = boxes["Root cause"]
    assert "Notice reference: PN-2026-77." in root
    assert "On 20 November 2026 our merchant-fulfilled selling privileges" in root
    assert (
        "- Late Shipment Rate: 6.2\u00a0% (Amazon's target: <\u00a04\u00a0%; "
        "Window: 1 to 30 October 2026; Source: Account Health)"
    ) in root
    # then the causes, in Amazon's order
    assert root.index("PN-2026-77") < root.index("1. Late shipment") < root.index("18 of 300")
    assert "PN-2026-77" not in boxes["Actions taken"] + boxes["Prevention"]


def test_a_template_without_a_closing_block_still_makes_the_boxes(tmp_path: Path) -> None:
    template = tmp_path / "mine.md.j2"
    template.write_text(
        "{% block subject %}Plan {{ seller.store_name }}{% endblock %}\n\n"
        "{% for c in causes %}\n## {{ c.title }}\n\n### Root\n\n{{ c.facts }}\n\n"
        "### Actions\n\n- done\n\n### Prevention\n\n- checked daily\n{% endfor %}\n",
        encoding="utf-8",
    )
    case = tmp_path / "case.yaml"
    case.write_text(MINIMAL_CASE, encoding="utf-8")
    render_case(case, formats=["form"], today=TODAY, template=template)
    form = (tmp_path / "case.form.txt").read_text(encoding="utf-8")
    assert "===== Prevention (" in form and "checked daily" in form
    assert OUTSIDE not in form


def test_every_seller_central_example_has_three_boxes_and_a_signature_outside(
    tmp_path: Path,
) -> None:
    for path in sorted(EXAMPLES.glob("*.yaml")):
        result = render_case(path, formats=["form"], out_dir=tmp_path, today=TODAY)
        form = (tmp_path / f"{path.stem}.form.txt").read_text(encoding="utf-8")
        case = result.letter.case
        head, outside = form.split(OUTSIDE)
        seller = case.seller
        assert outside.endswith(f"Sincerely,\n\n{seller.contact_name}\n{seller.business_name}\n")
        assert "Sincerely" not in head
        for name in case.evidence_files():
            assert name in outside and name not in head
        assert len(BOX.findall(head)) == 3


def test_the_web_finish_page_shows_the_boxes_without_the_signature(tmp_path: Path) -> None:
    from tests.web_helpers import web_client

    (tmp_path / "case.yaml").write_text(MINIMAL_CASE, encoding="utf-8")
    html = web_client(tmp_path).get("/case/case.yaml/finish").text
    boxes = re.findall(r"<textarea id=\"box-\d\"[^>]*>(.*?)</textarea>", html, re.S)
    assert len(boxes) == 3
    assert "Sincerely" not in boxes[2] and "18 of 300" in boxes[0]
    assert "On 20 November 2026 our merchant-fulfilled selling" in boxes[0]
