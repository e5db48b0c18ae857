"""The years of the Council's resolutions by number (votes.resolution_years)."""

import pytest

from votes.resolution_years import FIRST_OF_YEAR, LAST_LISTED, adopted_in, numbers_of


def test_the_table_runs_year_by_year_from_resolution_1():
    years = sorted(FIRST_OF_YEAR)
    assert years == list(range(1946, 2026)) and FIRST_OF_YEAR[1946] == 1
    firsts = [FIRST_OF_YEAR[y] for y in years]
    assert firsts == sorted(set(firsts)) and firsts[-1] <= LAST_LISTED


@pytest.mark.parametrize("number, year", [
    (1, 1946), (15, 1946), (16, 1947), (132, 1959), (242, 1967), (678, 1990), (1244, 1999), (2259, 2015),
    (2260, 2016), (2334, 2016), (2336, 2016), (2337, 2017), (2811, 2025)])
def test_adopted_in(number, year):
    assert adopted_in(number) == year


def test_numbers_past_the_table_or_below_1_have_no_year():
    assert adopted_in(LAST_LISTED + 1) is None and adopted_in(0) is None


def test_numbers_of_a_year():
    assert numbers_of(2016) == (2260, 2336) and numbers_of(1959) == (132, 132) and numbers_of(2025) == (2768, 2811)
    assert numbers_of(2026) is None
