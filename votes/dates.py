"""Dates as articles write them: "8 October 2016", "October 8", "Oct. 8", "May 2014", "Saturday"."""

from __future__ import annotations

import datetime as dt
import re

#: The month and weekday words, in lower case: the one place they are written (the reader's
#: vocabulary, votes.reader.words, takes them from here).
MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december"]
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
#: Month words as articles write them, full or cut short ("Oct", "Sept"), and the month's number.
MONTH_NUMBERS = {**{name: i + 1 for i, name in enumerate(MONTHS)}, **{name[:3]: i + 1 for i, name in enumerate(MONTHS)},
                 "sept": 9}
#: Month words as a tokenizer cuts them, whole and abbreviated ("October", "Oct", "Sept").
MONTH_WORDS = frozenset(MONTH_NUMBERS)
WEEKDAY_WORDS = frozenset(WEEKDAYS)
#: Three letters that start every month word.
_STEMS = tuple(name[:3] for name in MONTHS)

def parse_day(text: str) -> dt.date:
    """A day written YYYY-MM-DD, as the data files write dates. ValueError says what is wrong."""
    value = text.strip()
    parts = value.split("-")
    if len(parts) != 3 or [len(p) for p in parts] != [4, 2, 2] or not all(p.isascii() and p.isdigit() for p in parts):
        raise ValueError(f"'{text}' is not a date in the form YYYY-MM-DD, such as 2016-12-05")
    try:
        return dt.date(*map(int, parts))
    except ValueError as exc:
        raise ValueError(f"'{text}' is not a real day ({exc})") from None


def date_keys(date: dt.date) -> tuple[tuple, ...]:
    """The keys under which `calendar_mentions` finds this date named."""
    return (("dm", date.day, date.month), ("my", date.month, date.year))


def calendar_mentions(text: str, bounds: bool = True) -> set[tuple]:
    """Every calendar date a text names, as keys comparable with `date_keys`: a day with its
    month (8 October, Oct. 8), a month with its year (May 2014), an ISO date (both). With
    `bounds` false, not a date that only bounds a time ("the first double veto since January
    2007": that veto's date is not the sentence's).

    Month words are found with `str.find` and only the words beside them are read: no regex,
    linear, and nothing to compile on start-up.
    """
    found: set[tuple] = set()
    low = text.lower()
    if not any(digit in low for digit in "0123456789"):
        return found
    starts = set()
    for stem in _STEMS:
        at = low.find(stem)
        while at >= 0:
            if at == 0 or not low[at - 1].isalpha():
                starts.add(at)
            at = low.find(stem, at + 1)
    for at in sorted(starts):
        end = at
        while end < len(low) and low[end].isalpha():
            end += 1
        month = MONTH_NUMBERS.get(low[at:end])
        if month is None:
            continue
        if not bounds and "since" in low[max(0, at - 12):at].split()[-2:]:
            continue  # "since January 2007", "since 8 October"
        window = max(0, at - 16)
        before = low[window:at].split()
        if before and len(before) == 1 and window > 0 and not low[window - 1].isspace():
            before = []  # the window cut a word: no day is read from half of one
        if before:
            day = _ordinal(before[-1].strip(",;:()[]\"'").removesuffix("-"))  # "28-Mar-1997": a UN page's label
            if day is not None:
                found.add(("dm", day, month))
        after = low[end:end + 12].lstrip(".").split()
        if after:
            # "Dec. 13\u2014The Soviet Union ...": a dash joined to the day ends it
            word = after[0].split("\u2014")[0].split("\u2013")[0]
            if "-" in word:
                raw = text[end:end + 12].lstrip(".").split()
                if raw and raw[0].partition("-")[2][:1].isupper():
                    word = word.partition("-")[0]  # "Dec. 13-The Soviet Union" (not "May 11th-hour talks")
            word = word.split("/")[0].strip(",;:()[]\"'.")  # "December 13./TASS/.": a wire's dateline
            if word[:1] == "-" and word[1:].isdigit() and len(word) == 5:
                word = word[1:]  # "28-Mar-1997": the year after the month's hyphen
            if _ordinal(word) is not None:  # "October 8", "September 19th"
                found.add(("dm", _ordinal(word), month))
            elif word.isdigit() and len(word) == 4:
                found.add(("my", month, int(word)))
    if "-" in low:
        for word in low.split():
            iso = word.strip(",;:()[]\"'.")
            if len(iso) == 10 and iso[4] == iso[7] == "-" and iso.replace("-", "").isdigit():
                year, month, day = int(iso[:4]), int(iso[5:7]), int(iso[8:])
                found.update({("dm", day, month), ("my", month, year)})
    if "/" in low:
        for word in low.split():
            if word.count("/") == 2:
                found.update(_slashed(word.strip(",;:()[]\"'.")))
    return found


def _slashed(word: str) -> set[tuple]:
    """A date written with slashes ("09/10/1972"), read both ways where both are days: a list of votes
    may write the month first or the day first, and the text alone does not say which."""
    parts = word.split("/")
    if len(parts) != 3 or not all(p.isdigit() for p in parts) or len(parts[2]) != 4 or \
            not all(1 <= len(p) <= 2 for p in parts[:2]):
        return set()
    a, b, year = (int(p) for p in parts)
    keys = set()
    for month, day in ((a, b), (b, a)):
        try:
            dt.date(year, month, day)
        except ValueError:
            continue
        keys.update({("dm", day, month), ("my", month, year)})
    return keys


def _ordinal(word: str) -> int | None:
    """'8', '8th', '21st' as a day of the month, else None."""
    digits = word[:-2] if word[-2:] in ("st", "nd", "rd", "th") else word
    return int(digits) if digits.isdigit() and len(digits) <= 2 else None


def names_date(text: str, date: dt.date) -> bool:
    """The text names the day (8 October 2016, October 8, Oct. 8, 2016-10-08) or the month and
    year (May 2014): a calendar date, not a weekday."""
    return bool(calendar_mentions(text).intersection(date_keys(date)))


def names_full_date(text: str, date: dt.date) -> bool:
    """The text names the day with its month and its year ("3 April 1982", "April 10, 2018",
    "Oct. 8, 2016", "2018-04-10"): the one day, where `names_date` also takes "8 October" or
    "October 2016". One pass over the words, each read by itself."""
    if date.isoformat() in text:
        return True
    year = str(date.year)
    words = [word.strip(",;:()[]\"'.") for word in text.lower().split()]
    for i, word in enumerate(words):
        if MONTH_NUMBERS.get(word) != date.month:
            continue
        after = words[i + 1:i + 3]
        if i and _ordinal(words[i - 1]) == date.day and after[:1] == [year]:
            return True  # "3 April 1982"
        if after and _ordinal(after[0]) == date.day and after[1:] == [year]:
            return True  # "April 10, 2018"
    return False


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


#: Words that name the day an article was written, and the day before it.
_SAME_DAY = ("today", "this morning", "this afternoon", "this evening", "tonight", "earlier today")
_DAY_BEFORE = ("yesterday", "last night")
#: The last word of each phrase `_says_any` is asked for: a phrase can stand only where its last does.
_LAST_WORDS = {phrases: tuple(dict.fromkeys(words.split()[-1] for words in phrases))
               for phrases in (_SAME_DAY, _DAY_BEFORE)}


def _says_any(text: str, phrases: tuple[str, ...]) -> bool:
    """Whether the text holds one of the phrases as whole words, commas and full stops aside. Most
    texts hold none of the phrases' last words anywhere: they are let go before their words are."""
    low = text.lower()
    if not any(word in low for word in _LAST_WORDS[phrases]):
        return False
    low = " " + " ".join(low.replace(",", " ").replace(".", " ").split()) + " "
    return any(f" {words} " in low for words in phrases)


def relative_day(text: str, published: dt.date) -> dt.date | None:
    """The day 'today', 'this evening' ... (the article's) or 'yesterday', 'last night' (the day
    before) names in a text, or None."""
    if _says_any(text, _SAME_DAY):
        return published
    if _says_any(text, _DAY_BEFORE):
        return published - dt.timedelta(days=1)
    return None


#: "On this day in 2003": the article's day and month in an earlier year (no nested repeats: linear).
ANNIVERSARY = re.compile(r"\bon this (?:date|day),? in (\d{4})\b", re.IGNORECASE)


def says_relative_date(text: str, published: dt.date, date: dt.date) -> bool:
    """The text names the date relative to the article's: 'today', 'this evening' in an article
    of that day; 'yesterday', 'last night' in one of the day after; 'on this day in 1976' in one of
    the same day and month of a later year."""
    if published == date and _says_any(text, _SAME_DAY):
        return True
    if (published.month, published.day) == (date.month, date.day) and date.year < published.year:
        found = ANNIVERSARY.search(text)  # "On this day in 1976, ...", in an article of 23 June of a later year
        if found is not None and int(found.group(1)) == date.year:
            return True
    return published - dt.timedelta(days=1) == date and _says_any(text, _DAY_BEFORE)


def says_day_before_dateline(text: str, date: dt.date) -> bool:
    """The text's dateline names the day after the date and the text says 'yesterday' ("Sept. 17
    (Reuters): The US yesterday vetoed ..."): the date is the day before the dateline's."""
    return _says_any(text, _DAY_BEFORE) and says_date(text, date + dt.timedelta(days=1))


def day_words(text: str) -> tuple[set[int], set[int]]:
    """The months a text names by their full names ('in October'; not 'May', which is also a
    modal) and the weekdays it names ('on Thursday'): month numbers and weekday numbers."""
    low = text.lower()
    months = {i + 1 for i, name in enumerate(MONTHS) if name != "may" and _whole_word(low, name)}
    days = {i for i, name in enumerate(WEEKDAYS) if _whole_word(low, name)}
    return months, days


def _whole_word(low: str, word: str) -> bool:
    """The word stands in the text with no letter on either side (found with `str.find`: this runs
    for every quote cited for a vote, and most name no month or weekday)."""
    at = low.find(word)
    while at >= 0:
        end = at + len(word)
        if (at == 0 or not low[at - 1].isalpha()) and (end == len(low) or not low[end].isalpha()):
            return True
        at = low.find(word, at + 1)
    return False
