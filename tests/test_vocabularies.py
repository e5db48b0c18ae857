"""One module for each vocabulary: month and weekday words (votes.dates), supports paths
(votes.supports) and seed paths (votes.seed_paths); the others ask them."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from votes import dates, supports
from votes.articles import read_article
from votes.seed_paths import seed_key, unsafe_seed_path

PACKAGE = Path(__file__).resolve().parent.parent / "votes"
#: Modules the lead rebuilds, which will ask votes.dates then.
NOT_YET_SWITCHED = {"statements.py", "suggest.py"}


def _strings(path: Path):
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            yield node


def test_month_and_weekday_words_are_written_in_votes_dates_only():
    words = set(dates.MONTHS[1:4]) | {"wednesday", "thursday"}  # words no sentence of a message uses
    found = []
    for path in sorted(PACKAGE.glob("*.py")):
        if path.name in NOT_YET_SWITCHED | {"dates.py"}:
            continue
        for node in _strings(path):
            if any(re.search(rf"\b{word}\b", node.value.lower()) for word in words) and not node.value.startswith(
                    ("\n", " ")) and len(node.value) < 200:
                found.append(f"{path.name}:{node.lineno}")
    assert found == []


def test_seed_paths_are_normalised_in_votes_seed_paths_only():
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.name in NOT_YET_SWITCHED | {"seed_paths.py"}:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "replace"
                    and node.args and isinstance(node.args[0], ast.Constant) and node.args[0].value == "\\"):
                found.append(f"{path.name}:{node.lineno}")
    assert found == []


def test_articles_read_month_words_as_votes_dates_spells_them():
    assert read_article("UNITED NATIONS, Sept. 8, 2016 (Reuters) - The council met.\n").published.isoformat() \
        == "2016-09-08"
    assert read_article("Thursday, 8 September 2016\n\nThe council met.\n").published.isoformat() == "2016-09-08"
    assert dates.MONTH_NUMBERS["sept"] == dates.MONTH_NUMBERS["september"] == 9


@pytest.mark.parametrize("path, valid", [
    ("votes.RUS", True), ("votes.others", True), ("positions.CHN", True), ("tally.abstain", True),
    ("status", True), ("drafted_by", True), ("meeting", True), ("votes.rus", False), ("votes.RU", False),
    ("positions.others", False), ("tally.absent", False), ("votes", False), ("TODO", False), ("votes.ÄÖÜ", False),
])
def test_supports_grammar(path, valid):
    assert supports.is_path(path) is valid
    assert bool(re.fullmatch(supports.PATTERN, path)) is valid


@given(st.text(alphabet="votesaliypnrdhbmgRUSCHNAB._", max_size=16))
def test_the_schema_pattern_and_the_validator_read_one_grammar(text):
    assert bool(re.fullmatch(supports.PATTERN, text)) == supports.is_path(text)


def test_a_member_path_names_its_member():
    assert supports.member("votes.RUS") == "RUS" and supports.member("positions.CHN") == "CHN"
    assert supports.member("votes.others") is None and supports.member("tally.yes") is None
    assert [supports.names_vote(p) for p in ("votes.RUS", "tally.no", "status", "drafted_by", "date")] == [
        True, True, True, False, False]


def test_a_seed_path_typed_with_back_slashes_is_the_same_seed(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text("x", encoding="utf-8")
    assert seed_key("sub\\a.txt") == seed_key("sub/a.txt") == "sub/a.txt"
    assert unsafe_seed_path("sub\\a.txt", tmp_path) is None
    assert unsafe_seed_path("sub\\..\\..\\a.txt", tmp_path) == "climbs out with '..'"
