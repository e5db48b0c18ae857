"""The calendar dates a quote names (votes.dates): what backs a record's date."""

import pytest

from votes.dates import calendar_mentions


@pytest.mark.parametrize("text, keys", [
    ("it abstained during the 14-0 vote on September 19th.", {("dm", 19, 9)}),
    ("the vote on 8 October 2016", {("dm", 8, 10), ("my", 10, 2016)}),
    ("on Oct. 8, 2016", {("dm", 8, 10)}),
    ("adopted on the 21st of May", set()),
    ("talks in May 2014", {("my", 5, 2014)}),
    ("the 2016-10-08 meeting", {("dm", 8, 10), ("my", 10, 2016)}),
    ("UNITED NATIONS, N. Y., Dec. 13\u2014The Soviet Union tonight vetoed", {("dm", 13, 12)}),
    ("UNITED NATIONS, N. Y., Dec. 13-The Soviet Union tonight vetoed", {("dm", 13, 12)}),
    ("UNITED NATIONS, December 13./TASS/.", {("dm", 13, 12)}),
    ("28-Mar-1997", {("dm", 28, 3), ("my", 3, 1997)}),
    # a list of votes with slashes: both readings where both are days, one where only one is
    ("09/10/1972 13-1, 1", {("dm", 10, 9), ("my", 9, 1972), ("dm", 9, 10), ("my", 10, 1972)}),
    ("01/25/1976 9-1,3", {("dm", 25, 1), ("my", 1, 1976)}),
])
def test_calendar_mentions(text, keys):
    assert calendar_mentions(text) == keys


@pytest.mark.parametrize("text", ["in May 11th-hour talks went on", "the March 1990s debates", "Mayors met on 12 days",
                                  "lot Mar-19970 of the serial",
                                  "1/2 of the members", "13/45/1999 is no day"])
def test_no_date_is_read_from_other_numbers(text):
    assert not calendar_mentions(text)


@pytest.mark.parametrize("text, keys", [
    ("It was the first double veto by Russia and China since January 2007.", set()),
    ("the first veto since 8 October", set()),
    ("vetoed on 8 October, the first since May 2014", {("dm", 8, 10)}),
])
def test_a_date_that_only_bounds_a_time_is_not_the_sentences_own(text, keys):
    """The identity check asks for the dates a sentence's vote fell on: "since January 2007" names an
    earlier vote, not this one; the dates as written are all still found by default."""
    assert calendar_mentions(text, bounds=False) == keys
    assert calendar_mentions(text) >= keys and calendar_mentions(text) != keys
