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
])
def test_calendar_mentions(text, keys):
    assert calendar_mentions(text) == keys


@pytest.mark.parametrize("text", ["in May 11th-hour talks went on", "the March 1990s debates", "Mayors met on 12 days",
                                  "lot Mar-19970 of the serial"])
def test_no_date_is_read_from_other_numbers(text):
    assert not calendar_mentions(text)
