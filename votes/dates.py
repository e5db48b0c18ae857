"""Dates as articles write them: "8 October 2016", "October 8", "Oct. 8", "May 2014", "Saturday"."""

from __future__ import annotations

import datetime as dt
import functools
import re

MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december"]
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]


@functools.lru_cache(maxsize=None)
def _month_patterns(month: int) -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """Day-month, month-day and month-year patterns for one month, compiled once.

    Each is a fixed word with bounded digits around it: nothing to backtrack over.
    """
    name = MONTHS[month - 1]
    month_re = rf"(?:{name}|{name[:3]}\.?)"
    return (re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)? {month_re}\b"),
            re.compile(rf"\b{month_re} (\d{{1,2}})\b"),
            re.compile(rf"\b{month_re},? (\d{{4}})\b"))


def _plain(text: str) -> str:
    return " ".join(text.lower().split())


def names_date(text: str, date: dt.date) -> bool:
    """The text names the day (8 October 2016, October 8, Oct. 8, 2016-10-08) or the month and
    year (May 2014): a calendar date, not a weekday."""
    low = _plain(text)
    if date.isoformat() in low:
        return True
    day_month, month_day, month_year = _month_patterns(date.month)
    if any(int(m.group(1)) == date.day for p in (day_month, month_day) for m in p.finditer(low)):
        return True
    return any(int(m.group(1)) == date.year for m in month_year.finditer(low))


def says_date(text: str, date: dt.date) -> bool:
    """The text names the date (see `names_date`) or the weekday it fell on (Saturday)."""
    if names_date(text, date):
        return True
    low = text.lower()
    weekday = WEEKDAYS[date.weekday()]
    at = low.find(weekday)
    while at >= 0:
        if (at == 0 or not low[at - 1].isalpha()) and not low[at + len(weekday):at + len(weekday) + 1].isalpha():
            return True
        at = low.find(weekday, at + 1)
    return False



def date_keys(date: dt.date) -> tuple[tuple, ...]:
    """The keys under which `calendar_mentions` finds this date named."""
    return (("dm", date.day, date.month), ("my", date.month, date.year))


def calendar_mentions(text: str) -> set[tuple]:
    """Every calendar date a text names, as keys comparable with `date_keys`: one pass per month
    over the text, not one per date asked about."""
    low = _plain(text)
    found: set[tuple] = set()
    for month in range(1, 13):
        name = MONTHS[month - 1]
        if name[:3] not in low:
            continue
        day_month, month_day, month_year = _month_patterns(month)
        for p in (day_month, month_day):
            found.update(("dm", int(m.group(1)), month) for m in p.finditer(low))
        found.update(("my", month, int(m.group(1))) for m in month_year.finditer(low))
    for m in _ISO.finditer(low):
        year, month, day = (int(x) for x in m.groups())
        found.update({("dm", day, month), ("my", month, year)})
    return found


_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
