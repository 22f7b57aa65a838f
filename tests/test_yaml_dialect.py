"""One YAML dialect for case files: whatever a seller types comes back as typed, whether the
wizard wrote it (ruamel's round trip) or a person did; nothing but plain data is accepted."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from appeal.core.casefile import parse_case
from appeal.core.fields import CONTROL_CHARACTERS, LINE_BREAKS, LINE_LIMIT
from appeal.errors import CaseInvalid, InputError
from appeal.wizard.draft import Draft
from appeal.yamlio import load_yaml
from tests.conftest import EXAMPLES, run_appeal
from tests.helpers import MINIMAL_CASE

# Words YAML 1.1 turns into booleans, numbers, times or nothing; and YAML's own punctuation.
TRICKY = [
    "On",
    "ON",
    "Off",
    "Yes",
    "No",
    "NO",
    "y",
    "n",
    "true",
    "null",
    "~",
    "12:30",
    "1:20:30",
    "0123",
    "0x1F",
    "1e3",
    ".inf",
    "2026-11-20",
    "---",
    "...",
    "- a",
    "a: b",
    "#x",
    "&a",
    "*a",
    "!tag",
    "|",
    ">",
    "%",
    "@",
    "`",
    "{a}",
    "[a]",
    "'",
    '"',
    "\\",
    " lead",
    "trail ",
]
TEXT = st.one_of(
    st.text(min_size=1),
    st.lists(
        st.sampled_from(
            [
                *TRICKY,
                "\n",
                "\r",
                "\t",
                "\x85",
                "\u2028",
                "\u2029",
                "\x00",
                "\x1b",
                "\ufeff",
                "\u200b",
                "店铺",
                "🙂",
                " ",
            ]
        ),
        min_size=1,
        max_size=8,
    ).map("".join),
)


def _draft(tmp_path: Path) -> Draft:
    case = tmp_path / "case.yaml"
    case.write_text(MINIMAL_CASE, encoding="utf-8")
    return Draft.open(case)


@settings(
    max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(answer=TEXT)
def test_any_answer_round_trips_through_the_wizards_save_and_the_loader(
    tmp_path: Path, answer: str
) -> None:
    """Every answer comes back as typed, or is refused with a located error when the field's
    rules (one line, no control characters; appeal.core.fields) forbid it."""
    draft = _draft(tmp_path)
    draft.set(("seller", "store_name"), answer, save=False)
    draft.set(("causes", 0, "facts"), answer, save=False)
    if answer.strip():  # an own sentence of only spaces is refused as empty
        draft.set(("causes", 0, "root_causes"), [{"text": answer}], save=False)
    try:
        case = parse_case(draft.text(), "case.yaml")
    except CaseInvalid as exc:
        too_long = len(answer) > LINE_LIMIT
        assert CONTROL_CHARACTERS.search(answer) or LINE_BREAKS.search(answer) or too_long
        assert all(p.startswith("case.yaml:") for p in exc.problems)
        assert "seller.store_name: " in exc.message
        assert ("causes[0].facts:" in exc.message) == bool(CONTROL_CHARACTERS.search(answer))
        return
    assert case.seller.store_name == answer
    assert case.causes[0].facts == answer
    if answer.strip():
        assert case.causes[0].root_causes[0].text == answer


BLOCK_CASE = MINIMAL_CASE.replace(
    "    facts: 18 of 300 orders between 1 and 30 October 2026 were confirmed late.\n",
    "    facts: >\n      18 of 300 orders between 1 and 30 October 2026\n"
    "      were confirmed late.\n",
).replace(
    "      - use: weekend_not_set\n", "      - text: |\n          Our own\n          cause.\n"
)


@settings(
    max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(answer=TEXT)
def test_any_answer_in_place_of_a_block_text_round_trips(tmp_path: Path, answer: str) -> None:
    """A text written where the seller had a folded (`>`) or literal (`|`) block keeps the
    block's style where a block can hold it exactly, and comes back as typed either way."""
    case = tmp_path / "case.yaml"
    case.write_text(BLOCK_CASE, encoding="utf-8")
    draft = Draft.open(case)
    draft.set(("causes", 0, "facts"), answer, save=False)
    draft.set(("causes", 0, "root_causes", 0, "text"), answer, save=False)
    data = load_yaml(draft.text(), "case.yaml")
    assert data["causes"][0]["facts"] == answer
    assert data["causes"][0]["root_causes"][0]["text"] == answer


# The tricky words a person can write unquoted (plain null and ~ mean "not given", documented).
PLAIN = [
    w
    for w in TRICKY
    if w[0] not in "-#&*!|>%@`{['\"\\ "
    and w == w.strip()
    and w not in ("---", "...", "a: b", "null", "~")
]


@pytest.mark.parametrize("word", PLAIN)
def test_hand_written_plain_words_stay_text(word: str) -> None:
    text = MINIMAL_CASE.replace("store_name: TestStore", f"store_name: {word}")
    assert parse_case(text, "case.yaml").seller.store_name == word


def test_the_issue_example_a_store_called_on(tmp_path: Path) -> None:
    case = tmp_path / "on.yaml"
    result = run_appeal(
        "new",
        str(case),
        "--no-input",
        "--from",
        str(EXAMPLES / "vtr-toys.yaml"),
        "--set",
        "seller.store_name=On",
        "--set",
        "seller.contact_name=Yes",
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    loaded = parse_case(case.read_text(encoding="utf-8"), str(case))
    assert (loaded.seller.store_name, loaded.seller.contact_name) == ("On", "Yes")
    assert "Store: On" in (tmp_path / "on.txt").read_text(encoding="utf-8")


def test_set_list_values_are_text_too(tmp_path: Path) -> None:
    case = tmp_path / "c.yaml"
    result = run_appeal(
        "new",
        str(case),
        "--no-input",
        "--from",
        str(EXAMPLES / "vtr-toys.yaml"),
        "--set",
        "notice.categories=[NO, 12:30, Clothing]",
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    loaded = parse_case(case.read_text(encoding="utf-8"), str(case))
    assert loaded.notice.categories == ["NO", "12:30", "Clothing"]


def test_numbers_and_dates_are_typed_by_the_model() -> None:
    text = MINIMAL_CASE.replace(
        "\ncauses:",
        "\nmetrics:\n  valid_tracking_rate: {value: 91.20, "
        "window: [2026/10/06, 2026年11月4日]}\ncauses:",
    )
    metric = parse_case(text, "case.yaml").metrics.valid_tracking_rate
    assert metric is not None and metric.value == 91.2
    assert [d.isoformat() for d in metric.window or ()] == ["2026-10-06", "2026-11-04"]


@pytest.mark.parametrize(
    ("snippet", "expected"),
    [
        ("store_name: &s Shop\n  business_name: *s", "anchor &s is not allowed"),
        ("store_name: !!python/object/apply:os.system [echo]", "tag !!python/object"),
        ("store_name: !custom Shop", "tag !custom is not allowed"),
        ("<<: {store_name: Shop}", "merge keys (<<) are not allowed"),
        ("store_name: Shop\n  store_name: Other", "the key 'store_name' appears twice"),
    ],
)
def test_only_plain_data(snippet: str, expected: str) -> None:
    text = MINIMAL_CASE.replace("store_name: TestStore", snippet)
    with pytest.raises(InputError) as caught:
        parse_case(text, "case.yaml")
    assert expected in caught.value.message
    assert caught.value.message.startswith("case.yaml:")


def test_an_alias_bomb_is_refused_before_anything_expands() -> None:
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + n)}: &{chr(98 + n)} [*{chr(97 + n)}, *{chr(97 + n)}, *{chr(97 + n)}]\n"
        for n in range(20)
    )
    with pytest.raises(InputError, match=r"case\.yaml:1: the anchor &a"):
        load_yaml(bomb, "case.yaml")


def test_a_second_document_is_refused() -> None:
    with pytest.raises(InputError, match=r"case\.yaml:2: a second YAML document"):
        load_yaml("a: 1\n---\nb: 2\n", "case.yaml")
