"""The letter: wording from the one template, user text literal in every format, goldens."""

from __future__ import annotations

import email
import os
import re
from email.message import EmailMessage
from email.policy import default as default_policy
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from appeal.core.casefile import load_case, parse_case
from appeal.core.catalogue import load_catalogue
from appeal.letter.content import escape_markdown, render_letter
from appeal.letter.formats.document import Table, parse_markdown, plain
from appeal.letter.formats.txt import blocks_to_text
from appeal.letter.render import render_case
from tests.conftest import EXAMPLES, TODAY
from tests.helpers import MINIMAL_CASE
from tests.letter_files import docx_text, format_texts

GOLDEN = Path(__file__).parent / "golden"

HOSTILE = [
    "A & B <b>bold</b> Ltd",
    "{{ 7*7 }} and {% if true %}yes{% endif %}",
    "*word* and _x_ and __y__",
    "#3 in line | pipe | and `code` and \\backslash",
    "- looks like a bullet",
    "1. looks like a list",
    "[link](http://example.com) ![img](x.png) <http://example.com>",
    "&amp; &#169; entity",
    "emoji 📦🚚 and 中文 深圳市测试有限公司",
    "~~strike~~ > quote ===",
]


def _hostile_case() -> str:
    lines = MINIMAL_CASE.replace("Test Trading Co.", "'A & B <b>Trading</b> {{ 7*7 }}'")
    lines = lines.replace("scope: all", "scope: category\n  categories: ['Toys & Games | *Kids*']")
    lines = lines.replace("cause: late_shipment", "cause: invalid_tracking")
    lines = lines.replace("use: weekend_not_set", "use: zero_width_paste")
    lines = lines.replace("use: set_weekend_days", "use: reuploaded_tracking")
    lines = lines.replace("use: daily_lsr_check", "use: daily_vtr_check")
    extra = "".join(f"      - text: {_yaml_quote(text)}\n" for text in HOSTILE)
    lines = lines.replace(
        "      - use: zero_width_paste\n", "      - use: zero_width_paste\n" + extra
    )
    return lines.replace("owner: Warehouse lead", "owner: '*Lead* & <Ops> #2'")


def _yaml_quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


@pytest.fixture
def hostile_case(tmp_path: Path) -> Path:
    path = tmp_path / "hostile.yaml"
    path.write_text(_hostile_case(), encoding="utf-8")
    return path


EXPECTED_LITERALS = [
    *HOSTILE,
    "A & B <b>Trading</b> {{ 7*7 }}",
    "Toys & Games | *Kids*",
    "Every working day, *Lead* & <Ops> #2 checks",  # the owner, named in the measure
]


def test_hostile_text_is_literal_in_every_format(hostile_case: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = render_case(
        hostile_case, formats=["txt", "md", "docx", "eml", "form"], out_dir=out, today=TODAY
    )
    assert result.channel.kind == "email"
    txt = (out / "hostile.txt").read_text(encoding="utf-8")
    md = (out / "hostile.md").read_text(encoding="utf-8")
    form = (out / "hostile.form.txt").read_text(encoding="utf-8")
    docx = docx_text((out / "hostile.docx").read_bytes())
    message = email.message_from_bytes((out / "hostile.eml").read_bytes(), policy=default_policy)
    assert isinstance(message, EmailMessage)
    body = message.get_body(("plain",))
    assert body is not None
    eml_body = body.get_content()
    md_plain = blocks_to_text(parse_markdown(md))
    for literal in EXPECTED_LITERALS:
        assert literal in txt, literal
        assert literal in docx, literal
        assert literal in eml_body, literal
        assert literal in md_plain, literal
    for literal in HOSTILE:
        assert literal in form, literal
    assert "49" not in txt  # the template never evaluated user text
    assert "A & B <b>Trading</b> {{ 7*7 }}" in str(message["Subject"]) or (
        "Toys & Games | *Kids*" in str(message["Subject"])
    )


def test_markdown_copy_shows_structure_only_from_template(
    hostile_case: Path, tmp_path: Path
) -> None:
    render_case(hostile_case, formats=["md"], out_dir=tmp_path, today=TODAY)
    blocks = parse_markdown((tmp_path / "hostile.md").read_text(encoding="utf-8"))
    from appeal.letter.formats.document import Heading, ListBlock

    kinds = [type(b).__name__ for b in blocks]
    assert kinds.count("Heading") == 4  # the cause and its three parts, nothing from user text
    assert all(
        not any(r.bold or r.italic for r in item)
        for b in blocks
        if isinstance(b, ListBlock)
        for item in b.items
    )
    assert [b for b in blocks if isinstance(b, Heading) and b.level == 2]


@settings(max_examples=300, deadline=None)
@example("0 day")  # the seller's number and unit stay as typed (found by Hypothesis)
@example("≥ 95 % in 5 GBP")
@given(
    st.text(
        alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")),
        min_size=1,
        max_size=60,
    )
)
def test_escaped_text_parses_back_to_itself(text: str) -> None:
    text = " ".join(text.split())
    if not text:
        return
    escaped = escape_markdown(text)
    for where in ("{}", "- {}", "## {}", "**Subject: {}**"):
        markdown = where.format(escaped)
        blocks = parse_markdown(markdown)
        assert blocks_to_text(blocks).strip().endswith(text), (where, markdown)
    table = parse_markdown(f"| a | b |\n|---|---|\n| {escaped} | x |")
    assert isinstance(table[0], Table)
    assert plain(table[0].rows[0][0]) == text
    assert plain(table[0].rows[0][1]) == "x"


def test_multiline_user_text_keeps_its_lines() -> None:
    text = "first line\n- second line\n3. third"
    blocks = parse_markdown("- " + escape_markdown(text))
    assert blocks_to_text(blocks).strip() == "- first line\n  - second line\n  3. third"


def _render_example(name: str, fmt: str, tmp_path: Path) -> str:
    render_case(EXAMPLES / f"{name}.yaml", formats=[fmt], out_dir=tmp_path, today=TODAY)
    suffix = ".form.txt" if fmt == "form" else f".{fmt}"
    return (tmp_path / f"{name}{suffix}").read_text(encoding="utf-8")


@pytest.mark.parametrize(("name", "fmt"), [("vtr-toys", "md"), ("full-suspension", "txt")])
def test_golden_letters(name: str, fmt: str, tmp_path: Path) -> None:
    actual = _render_example(name, fmt, tmp_path)
    golden = GOLDEN / f"{name}.{fmt}"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(actual, encoding="utf-8")
    assert actual == golden.read_text(encoding="utf-8")


def test_vtr_wording_only_for_tracking_causes() -> None:
    catalogue = load_catalogue()
    case = load_case(EXAMPLES / "full-suspension.yaml").case
    md = render_letter(case, catalogue, letter_date=TODAY).markdown
    assert md.count("### Root causes of not providing valid tracking numbers") == 1
    assert md.count("### Root cause\n") == 2
    assert md.count("### Actions taken to provide valid tracking numbers") == 1
    assert md.count("### Steps taken to prevent it") == 3


def test_measure_details_and_future_start() -> None:
    text = MINIMAL_CASE.replace("start: 2026-11-22", "start: 2026-12-01")
    case = parse_case(text, "case.yaml")
    md = render_letter(case, load_catalogue(), letter_date=TODAY).markdown
    # The catalogue's sentence names the measure's owner; the details say the rest, once.
    assert (
        "- Every working day before the carrier cut-off, Warehouse lead checks the Late "
        "Shipment Rate and the orders due to ship that day (starting 1 December 2026)."
    ) in md
    assert "- 21 November 2026: We set our shipping days" in md
    own = text.replace("      - use: daily_lsr_check\n", "      - text: We check late orders.\n")
    own = own.replace("owner: Warehouse lead", "owner: Warehouse lead\n        frequency: daily")
    md = render_letter(parse_case(own, "case.yaml"), load_catalogue(), letter_date=TODAY).markdown
    assert "- We check late orders (owner: Warehouse lead; daily; starting 1 December 2026)." in md


def test_user_template_is_sandboxed(tmp_path: Path) -> None:
    template = tmp_path / "mine.md.j2"
    template.write_text(
        "{% block subject %}S{% endblock %}\n{{ seller.__class__.__mro__ }}\n", encoding="utf-8"
    )
    case = parse_case(MINIMAL_CASE, "case.yaml")
    from appeal.errors import InputError

    with pytest.raises(InputError, match="template error"):
        render_letter(case, load_catalogue(), letter_date=TODAY, template=template)


def test_template_missing_field_fails_loudly(tmp_path: Path) -> None:
    template = tmp_path / "mine.md.j2"
    template.write_text(
        "{% block subject %}S{% endblock %}\n{{ seller.nickname }}\n", encoding="utf-8"
    )
    case = parse_case(MINIMAL_CASE, "case.yaml")
    from appeal.errors import InputError

    with pytest.raises(InputError, match="nickname"):
        render_letter(case, load_catalogue(), letter_date=TODAY, template=template)


def _markdown(text: str) -> str:
    case = parse_case(text, "case.yaml")
    return render_letter(case, load_catalogue(), letter_date=TODAY).markdown


def test_root_causes_are_numbered_and_actions_refer_to_them() -> None:
    text = MINIMAL_CASE.replace(
        "      - use: weekend_not_set\n",
        "      - use: weekend_not_set\n      - use: holiday_not_set\n",
    ).replace("        date: 2026-11-21\n", "        date: 2026-11-21\n        answers: 1\n")
    text = text.replace(
        "        start: 2026-11-22\n",
        "        start: 2026-11-22\n        answers: [holiday_not_set, 1]\n",
    )
    md = _markdown(text)
    assert "\n1. Our shipping settings counted Saturday" in md
    assert "\n2. We did not enter our warehouse's public-holiday closure" in md
    assert "actually ships (addresses root cause 1).\n" in md
    assert "(addresses root causes 1 and 2; in place since 22 November 2026).\n" in md


def test_unknown_root_cause_reference_is_a_located_error() -> None:
    from appeal.errors import CaseInvalid

    text = MINIMAL_CASE.replace(
        "        date: 2026-11-21\n", "        date: 2026-11-21\n        answers: 3\n"
    )
    with pytest.raises(CaseInvalid) as caught:
        parse_case(text, "case.yaml")
    assert "case.yaml:19: causes[0].corrective_actions[0].answers: '3' is not one of" in str(
        caught.value.problems
    )


def test_a_date_is_not_written_twice() -> None:
    said = "Handling time raised to 2 days on all SKUs on 2026-11-21."
    text = MINIMAL_CASE.replace("      - use: set_weekend_days\n", f"      - text: {said}\n")
    md = _markdown(text)
    assert "- " + said + "\n" in md  # as typed
    assert "21 November 2026: Handling" not in md
    other = text.replace("on 2026-11-21", "on 11 November")  # another day: the date stays
    assert "- 21 November 2026: Handling time raised" in _markdown(other)


def test_catalogue_fitted_to_the_case() -> None:
    uk = _uk_china_case()
    md = _markdown(uk)
    assert "Orders of 5\u00a0GBP or more shipped directly from China" in md
    assert "USD" not in md
    plain = _markdown(uk.replace("  ships_from: china\n", "").replace("amazon.co.uk", "amazon.de"))
    assert "at or above Amazon's value threshold" in plain and "GBP" not in plain
    holidays = MINIMAL_CASE.replace("use: weekend_not_set", "use: holiday_not_set").replace(
        "  contact_name: Li Wei",
        "  contact_name: Li Wei\n  holidays: National Day (1 to 7 October)",
    )
    assert "closure for National Day (1 to 7 October) in Seller Central" in _markdown(holidays)


def _uk_china_case() -> str:
    text = MINIMAL_CASE.replace("amazon.com", "amazon.co.uk").replace(
        "cause: late_shipment", "cause: untrackable_shipments"
    )
    text = text.replace("  contact_name: Li Wei", "  contact_name: Li Wei\n  ships_from: china")
    text = text.replace("use: weekend_not_set", "use: china_direct_one_scan")
    text = text.replace("use: set_weekend_days", "use: tracked_service_for_china_direct")
    return text.replace("use: daily_lsr_check", "use: daily_unscanned_report")


def test_responsibility_line_from_the_catalogue_or_own_words() -> None:
    md = _markdown(MINIMAL_CASE + "responsibility: {use: own_processes}\n")
    assert "we take full responsibility for them" in md
    md = _markdown(MINIMAL_CASE + "responsibility: {text: 'Our process failed; we own it.'}\n")
    assert "Our process failed; we own it." in md


# Text the seller typed, numbers and units with plain spaces: every format shows it as typed.
SELLER_TYPED = [
    "71 of 611 packages (11.6 %) had no scan within 0 day; 52 were orders of 5 GBP or more, "
    "so the ≥ 95 % target was missed by 2 days.",
    "Parcels waited 2 days at the 5 kg weight limit.",
    "We re-sent 14 parcels of 2 kg within 0 day.",
    "team lead (2 days a week)",
    "our count: 0 day late, 152 of 154 scanned",
]
UNITS_CASE = f"""\
version: 1
lang: zh
seller:
  business_name: Ningbo Test Co.
  store_name: TestUK
  merchant_token: A1TESTTOKEN
  marketplace: amazon.co.uk
  contact_name: Chen Jing
  contact_email: ops@example.com
  ships_from: china
notice:
  date: 2026-11-12
  scope: category
  categories: [Home & Kitchen]
metrics:
  valid_tracking_rate:
    value: 88.4
    window: [2026-09-28, 2026-10-27]
    latest: {{value: 98.7, window: [2026-11-14, 2026-11-23], source: '{SELLER_TYPED[4]}'}}
  late_shipment_rate: {{value: 4.6}}
causes:
  - cause: untrackable_shipments
    facts: '{SELLER_TYPED[0]}'
    root_causes:
      - use: china_direct_one_scan
      - text: {SELLER_TYPED[1]}
    corrective_actions:
      - use: tracked_service_for_china_direct
        date: 2026-11-13
      - text: {SELLER_TYPED[2]}
        date: 2026-11-16
    preventive_measures:
      - use: daily_unscanned_report
        owner: {SELLER_TYPED[3]}
        start: 2026-11-14
"""
# Text appeal itself writes, with a no-break space: figures, targets, the metrics table's
# cells, money from the fitting, catalogue sentences.
APPEAL_MADE = [
    "88.4\u00a0%",
    "≥\u00a095\u00a0%",
    "98.7\u00a0%",
    "<\u00a04\u00a0%",
    "Orders of 5\u00a0GBP or more shipped directly from China",
    "orders shipped 48\u00a0hours earlier",
]
APPEAL_MADE_ZH = ["金额 5\u00a0GBP 及以上", "发货 48\u00a0小时仍无扫描"]
BROKEN = re.compile(r"\d (?:%|USD|GBP|EUR|CAD|kg|cm|days?|hours?|小时|天)|[≥≤<>] \d")


def _without(text: str, typed: list[str]) -> str:
    for words in sorted(typed, key=len, reverse=True):  # details may replace the full stop
        text = text.replace(words, "").replace(words.rstrip("."), "")
    return text


def test_numbers_and_units_never_break_in_any_format(tmp_path: Path) -> None:
    """Appeal's own figures keep their units on the line; the seller's text stays as typed,
    in the .txt, .md, .docx, e-mail body, form and reading copy."""
    case = tmp_path / "units.yaml"
    case.write_text(UNITS_CASE, encoding="utf-8")
    out = tmp_path / "out"
    render_case(case, formats=["txt", "md", "docx", "eml", "form"], out_dir=out, today=TODAY)
    texts = format_texts(out, "units")
    assert sorted(texts) == ["docx", "eml", "form", "md", "txt", "zh"]
    for fmt, text in texts.items():
        for words in SELLER_TYPED[:4]:
            assert words in text, (fmt, words)
        for words in APPEAL_MADE_ZH if fmt == "zh" else APPEAL_MADE:
            assert words in text, (fmt, words)
        assert not BROKEN.search(_without(text, SELLER_TYPED)), (fmt, BROKEN.search(text))
    for fmt in ("txt", "md", "docx", "eml"):
        assert "10 and 30\u00a0days" in texts[fmt]  # the LSR's window, from metrics.yaml
        assert SELLER_TYPED[4] in texts[fmt]


def _typed_strings(value: object) -> list[str]:
    """Every text of several words in a case file: what the seller typed."""
    if isinstance(value, dict):
        return [s for v in value.values() for s in _typed_strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _typed_strings(v)]
    return [str(value)] if " " in str(value) else []


@pytest.mark.parametrize("name", sorted(p.stem for p in EXAMPLES.glob("*.yaml")))
def test_examples_bind_only_their_own_figures(name: str, tmp_path: Path) -> None:
    from appeal.yamlio import load_yaml

    path = EXAMPLES / f"{name}.yaml"
    typed = _typed_strings(load_yaml(path.read_text(encoding="utf-8"), path.name))
    result = render_case(path, formats=["txt", "md", "docx", "form"], out_dir=tmp_path, today=TODAY)
    texts = format_texts(tmp_path, name)
    facts = [c.facts.strip() for c in result.letter.case.causes]
    for fmt, text in texts.items():
        assert all(f in text for f in facts), fmt  # as typed, plain spaces and all
        assert not BROKEN.search(_without(text, typed)), (fmt, BROKEN.search(text))
        if fmt != "zh":
            assert re.search(r"\d\u00a0%", text), fmt


def test_reading_copy_shows_the_evidence_for_each_action(tmp_path: Path) -> None:
    render_case(EXAMPLES / "late-shipment.yaml", formats=["txt"], out_dir=tmp_path, today=TODAY)
    reading = (tmp_path / "late-shipment.zh.txt").read_text(encoding="utf-8")
    assert "（证据：已录入停发日期的卖家后台假期设置截图）" in reading
    assert "附件：late-orders-2026-10.csv、holiday-settings-2026-10-21.txt" in reading
