"""The words that make a quote say a fact: votes, vetoes, outcomes, stances, numbers.

This is the documented vocabulary of `votes validate` (README, "What a quote
must say"). Matching is on whole words, case-insensitive, after the quote is
normalised. A quote is read clause by clause: `while`, `whereas`, `but`,
`although`, `;` and sentence ends separate clauses, so in "11 votes in favor,
while China abstained" China is tied to the abstention, not to the favour.
"""

from __future__ import annotations

import datetime as dt
import functools
import re

from .anchor import sentences


class Words:
    """A set of whole-word patterns: searchable, and listable in a hint as people write them."""

    def __init__(self, *patterns: str, regex: str | None = None):
        self.patterns = patterns
        self._source = regex or r"\b(?:" + "|".join(patterns) + r")\b"
        self._regex: re.Pattern | None = None  # compiled on first use: most runs need few of them

    def search(self, text: str):
        if self._regex is None:
            self._regex = re.compile(self._source, re.IGNORECASE)
        return self._regex.search(text)

    def shown(self, most: int = 6) -> str:
        """'in favo(u)r, vote(s) for, support(ed|ing|s)': the patterns in a readable form."""
        def plain(pattern: str) -> str:
            pattern = re.sub(r"\(\?:([^()]*)\)\??", r"(\1)", pattern)
            return re.sub(r"(\w)\?", r"(\1)", pattern)
        return ", ".join(plain(p) for p in self.patterns[:most])


_words = Words


#: Words of each vote. A veto is a negative vote by a permanent member.
VOTE_WORDS: dict[str, Words] = {
    "yes": _words(r"in favou?r", r"voted for", r"votes? for", r"support(?:ed|ing|s)?", r"yes votes?",
                  r"voted yes"),
    "no": _words(r"against", r"veto(?:es|ed|ing)?", r"voted no", r"no votes?", r"negative votes?"),
    "abstain": _words(r"abstain(?:ed|ing|s)?", r"abstentions?"),
    "absent": _words(r"absent", r"did not (?:vote|take part|participate)", r"not present"),
}
#: Words that let a quote speak of "the rest" of the Council: used by votes.others.
REMAINING_WORDS = _words(r"remaining", r"rest", r"all other", r"other(?:s)?", r"everyone else", r"all the others")

STATUS_WORDS: dict[str, Words] = {
    "vetoed": _words(r"veto(?:es|ed|ing)?"),
    "failed": _words(r"fail(?:ed|s|ing)?", r"not adopted", r"rejected", r"defeated",
                     r"did not (?:pass|get|win|receive)", r"fewer than nine", r"short of"),
    "adopted": Words("adopted", "passed", "approved", "unanimously",
                     regex=r"(?<!not )\b(?:adopted|passed|approved|unanimously)\b"),
    "not-voted": _words(r"drafts?", r"proposals?", r"proposed", r"prepared", r"circulat(?:ed|es|ing)",
                        r"negotiat(?:ed|es|ing|ions?)", r"discuss(?:ed|es|ing|ion)?", r"tabled?"),
}

STANCE_WORDS: dict[str, Words] = {
    "support": _words(r"support(?:ed|ing|s)?", r"backs?", r"backed", r"backing", r"welcom(?:e|ed|es|ing)",
                      r"endors(?:e|ed|es|ing)", r"in favou?r"),
    "oppose": _words(r"oppos(?:e|ed|es|ing)", r"unacceptable", r"reject(?:ed|s|ing)?", r"against",
                     r"objects?", r"objected", r"blackmail"),
    "neutral": _words(r"consider(?:ed|s|ing|ation)?", r"undecided", r"neutral", r"no position",
                      r"interesting"),
    "mixed": _words(r"mixed", r"reservations?", r"some of"),
}

#: Words of drafting; a drafter must also be named.
DRAFT_WORDS = _words(r"draft(?:s|ed|ing)?", r"prepared", r"proposed", r"put forward", r"sponsor(?:s|ed)?",
                     r"text", r"resolution", r"proposal")

NUMBER_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
}
_NUMBER = re.compile(r"\b(\d{1,2}|" + "|".join(NUMBER_WORDS) + r")\b", re.IGNORECASE)
_CLAUSE = re.compile(r";|\b(?:while|whereas|but|although)\b", re.IGNORECASE)

MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december"]
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]


def clauses(text: str) -> list[str]:
    """Sentences (abbreviations such as U.N. kept whole), each cut at clause-joining words."""
    return [c for sentence in sentences(text) for c in _CLAUSE.split(sentence.text) if c.strip()]


def numbers(text: str) -> set[int]:
    """Every count a text states, in digits or words."""
    found = set()
    for match in _NUMBER.finditer(text):
        token = match.group(1).lower()
        found.add(int(token) if token.isdigit() else NUMBER_WORDS[token])
    return found


class NameSet:
    """A member's names, found as whole words, case-sensitively: 'Russia' in 'Russia's' and
    '(Russia)', never in 'Russian' unless 'Russian' is itself a name.

    Plain `str.find` with a letter check on each side: no regex to compile per member.
    """

    def __init__(self, names: list[str]):
        self.names = sorted({n for n in names if n}, key=len, reverse=True)

    def search(self, text: str) -> bool:
        for name in self.names:
            at = text.find(name)
            while at >= 0:
                end = at + len(name)
                if (at == 0 or not text[at - 1].isalpha()) and (end == len(text) or not text[end].isalpha()):
                    return True
                at = text.find(name, at + 1)
        return False


@functools.lru_cache(maxsize=None)
def _month_patterns(month: int) -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """Day-month, month-day and month-year patterns for one month, compiled once."""
    name = MONTHS[month - 1]
    month_re = rf"(?:{name}|{name[:3]}\.?)"
    return (re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+{month_re}\b"),
            re.compile(rf"\b{month_re}\s+(\d{{1,2}})\b"),
            re.compile(rf"\b{month_re}\s+(\d{{4}})\b"))


def says_date(text: str, date: dt.date) -> bool:
    """The text names the day (8 October 2016, October 8, Oct. 8, 2016-10-08), the month and
    year (May 2014), or the weekday the date fell on (Saturday)."""
    low = text.lower()
    if date.isoformat() in low:
        return True
    day_month, month_day, month_year = _month_patterns(date.month)
    if any(int(m.group(1)) == date.day for p in (day_month, month_day) for m in p.finditer(low)):
        return True
    if any(int(m.group(1)) == date.year for m in month_year.finditer(low)):
        return True
    weekday = WEEKDAYS[date.weekday()]
    at = low.find(weekday)
    return at >= 0 and (at == 0 or not low[at - 1].isalpha()) and not low[at + len(weekday):at + len(weekday) + 1].isalpha()
