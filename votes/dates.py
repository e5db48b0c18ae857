"""Dates as articles write them: "8 October 2016", "October 8", "Oct. 8", "May 2014", "Saturday"."""

from __future__ import annotations

import datetime as dt

MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december"]
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_MONTH_OF = {**{name: i + 1 for i, name in enumerate(MONTHS)}, **{name[:3]: i + 1 for i, name in enumerate(MONTHS)},
             "sept": 9}

def date_keys(date: dt.date) -> tuple[tuple, ...]:
    """The keys under which `calendar_mentions` finds this date named."""
    return (("dm", date.day, date.month), ("my", date.month, date.year))


def calendar_mentions(text: str) -> set[tuple]:
    """Every calendar date a text names, as keys comparable with `date_keys`: a day with its
    month (8 October, Oct. 8), a month with its year (May 2014), an ISO date (both).

    One pass over the words, no regex: linear, and nothing to compile on start-up.
    """
    found: set[tuple] = set()
    low = text.lower()
    if not any(digit in low for digit in "0123456789"):
        return found
    words = [w.strip(",;:()[]\"'") for w in low.split()]
    for i, word in enumerate(words):
        iso = word.rstrip(".")
        if len(iso) == 10 and iso[4] == iso[7] == "-" and iso.replace("-", "").isdigit():
            year, month, day = int(iso[:4]), int(iso[5:7]), int(iso[8:])
            found.update({("dm", day, month), ("my", month, year)})
            continue
        month = _MONTH_OF.get(word.rstrip("."))
        if month is None:
            continue
        if i > 0:
            day = _ordinal(words[i - 1])
            if day is not None:
                found.add(("dm", day, month))
        if i + 1 < len(words):
            after = words[i + 1].rstrip(".")
            if after.isdigit() and len(after) <= 2:
                found.add(("dm", int(after), month))
            elif after.isdigit() and len(after) == 4:
                found.add(("my", month, int(after)))
    return found


def _ordinal(word: str) -> int | None:
    """'8', '8th', '21st' as a day of the month, else None."""
    digits = word[:-2] if word[-2:] in ("st", "nd", "rd", "th") else word
    return int(digits) if digits.isdigit() and len(digits) <= 2 else None


def names_date(text: str, date: dt.date) -> bool:
    """The text names the day (8 October 2016, October 8, Oct. 8, 2016-10-08) or the month and
    year (May 2014): a calendar date, not a weekday."""
    return bool(calendar_mentions(text).intersection(date_keys(date)))


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
