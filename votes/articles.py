"""What an article's own text tells of where and when it was published.

`read_article` finds the outlet, the headline and the publication date of a
wire story, a newspaper article or a UN press release from the shapes such
texts take: a dateline ("UNITED NATIONS, Oct 8 (Reuters) - ", "BEIRUT (AP) — "),
a wire dateline without an outlet ("UNITED NATIONS, Feb. 26, 2022 - "), a
heading line holding a date ("8 October 2016", "Friday, 25 February 2022"), a
line a publisher labels ("Updated Feb. 25, 2022, 6:43 PM", "Published: ..."),
a press-release symbol alone or with its date ("SC/12538", "SC/14808 25
FEBRUARY 2022"), and photo captions that end with their date ("... Syria
October 14, 2016. REUTERS/Name"; not an archive picture's, credited "File Photo" or opening
"FILE - "). `votes add`
writes what it finds into the seeds manifest for the researcher to review; nothing here reads files.

`published` is the latest of those dates: the day the article was last
dated. Dates inside the running text ("talks on 12 December 2016 at the
earliest") are events, not the article's date, and count only as the year a
dateline without one falls in. A full date that ends its line counts, as a
caption's does, unless the word before it makes it a deadline or an event
("until 10 January 2021.", "on 5 December 2016."): the researcher reviews
what `votes add` wrote. Numeric dates are read day first (22/10/2016), as the
seeds write them.

Every pattern works line by line on bounded pieces, so a hostile article
costs time linear in its length.

`url_date` reads the day a web address bears in its path (".../2016/10/08/russia-vetoes-...",
"...-20190228-0026.html"), and `publication` says which date dates an article: the manifest's
`published`, else its text's own date, else its address's.
"""

from __future__ import annotations

import datetime as dt
import re

from .dates import MONTH_NUMBERS, WEEKDAYS
from .record import Record

_MONTHS = MONTH_NUMBERS
_MONTH = r"(?P<month>(?i:" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r"))\.?"
_WEEKDAY = r"(?:(?:" + "|".join(day.title() for day in WEEKDAYS) + r"),? )?"
#: Full dates, with a year: 8 October 2016, October 8, 2016, 22/10/2016, 2016-10-08.
_FULL_DATES = [
    re.compile(r"\b(?P<day>\d{1,2}) " + _MONTH + r",? (?P<year>\d{4})\b"),
    # the look-ahead skips, in one test, the positions where no month name can begin
    re.compile(r"\b(?=[ADFJMNOSadfjmnos])" + _MONTH + r" (?P<day>\d{1,2}),? (?P<year>\d{4})\b"),
    re.compile(r"\b(?P<day>\d{1,2})/(?P<month>\d{1,2})/(?P<year>\d{4})\b"),
    re.compile(r"\b(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})\b"),
]
#: A dateline opening a paragraph: place (capitals, or an agency's title case), an optional date,
#: the outlet in brackets, a dash. Each part is bounded, and the place cannot contain '(' or ','.
_DATELINE = re.compile(
    r"(?P<place>[A-Z][A-Za-z.'\u2019 /-]{1,60}?)"
    r"(?:, (?P<date>" + _WEEKDAY + r"(?:" + _MONTH + r" (?P<day>\d{1,2})|(?P<day2>\d{1,2}) (?P<month2>[A-Za-z]{3,9})\.?)"
    r"(?:,? (?P<year>\d{4}))?))?"
    r" ?\((?P<outlet>[A-Z][A-Za-z.&' -]{0,40})\) ?[-\u2013\u2014]+ ")
#: A wire dateline without an outlet: a place in capitals, a date, a dash ("UNITED NATIONS, Feb. 26, 2022 - ").
#: Anchored at the line's start and bounded, as _DATELINE is.
_BARE_DATELINE = re.compile(
    r"(?P<place>[A-Z][A-Z.'\u2019 /-]{1,60}?)"
    r", (?P<date>" + _WEEKDAY + r"(?:" + _MONTH + r" (?P<day>\d{1,2})|(?P<day2>\d{1,2}) (?P<month2>[A-Za-z]{3,9})\.?)"
    r"(?:,? (?P<year>\d{4}))?) ?[-\u2013\u2014]+ ")
#: A UN press release carries its symbol on a line of its own (SC/12538), or with its date (SC/14808 25 FEBRUARY 2022).
_PRESS_SYMBOL = re.compile(r"(?:SC|GA|SG/SM)/\d{3,6}")
#: A line a publisher labels with the article's date: "Updated Feb. 25, 2022", "Published: 25 February 2022".
_LABEL = re.compile(r"(?i:(?:first |last )?(?:published|updated|posted))\b")
#: Labelled lines longer than this are running text that happens to start with the word.
MAX_LABEL_LINE = 120
#: A full date after one of these words is a deadline or an event in a sentence, not a caption's date.
_EVENT_WORDS = frozenset({"until", "till", "by", "before", "after", "on", "from", "since", "through", "to",
                          "between", "and", "or", "of", "in", "at", "than", "expires", "ending", "ends"})
#: What may follow a caption's date on its line: nothing, or a credit (REUTERS/Name, (AFP), [photo ...]).
_CREDIT = re.compile(r"(?:[A-Z][A-Za-z]+/|\(|\[)")
#: A caption credited so, or so labelled, dates an archive picture, not the article it illustrates.
_FILE_PHOTO = "file photo"
#: An agency's caption of an archive picture opens with "FILE" and a dash or colon ("FILE - ", "FILE: ").
_FILE_CAPTION = re.compile(r"FILE ?[-\u2013\u2014:]")
#: Longer first lines are the story's first paragraph, not a headline.
MAX_TITLE = 200
#: Headings are looked for among the first lines only.
HEAD_LINES = 12


#: A web address's path cut into runs of letters and runs of digits: one pass, nothing to backtrack.
_URL_PARTS = re.compile(r"[A-Za-z]+|[0-9]+")
#: The years a web address's date may fall in: the Council's, to a century after.
_URL_YEARS = range(1945, 2100)


class ArticleFacts(Record):
    """What an article's text tells of itself; None where it does not say."""

    __slots__ = ("outlet", "title", "published", "dates")

    def __init__(self, outlet: str | None, title: str | None, published: dt.date | None,
                 dates: tuple[dt.date, ...]):
        self.outlet, self.title, self.published = outlet, title, published
        self.dates = dates  # every date the article is dated by, in the order found


def read_article(text: str) -> ArticleFacts:
    """The outlet, headline and publication date an article's text gives."""
    lines = [line.strip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    full = [_full_dates(line) for line in lines]  # once per line: each pattern is a pass over the text
    # "... REUTERS/Name/File Photo", "FILE - A U.N. Security Council meeting ..., Dec. 15, 2017.": an old picture's
    archive = [_FILE_PHOTO in line.lower() or _FILE_CAPTION.match(line) is not None for line in lines]
    # the years a dateline without one may fall in; not an archive picture's
    mentioned = sorted({day for found, old in zip(full, archive) if not old for day, _, _ in found})
    outlets: list[str] = []
    dating: list[dt.date] = []
    for index, line in enumerate(lines):
        if not line:
            continue
        dateline = _DATELINE.match(line) or _BARE_DATELINE.match(line)
        if dateline:
            outlet = dateline.groupdict().get("outlet")
            if outlet and outlet.strip() not in outlets:
                outlets.append(outlet.strip())
            day = _dateline_date(dateline, mentioned)
            if day:
                dating.append(day)
            continue
        symbol = _press_symbol(line) if index < HEAD_LINES * 4 else None
        if symbol:
            label = f"UN press release {symbol}"
            if label not in outlets:
                outlets.append(label)
            dating += [day for day, _, _ in full[index]]  # a symbol line's date is the release's
            continue
        if full[index] and len(line) <= MAX_LABEL_LINE and _LABEL.match(line):
            dating += [day for day, _, _ in full[index]]
            continue
        if _under_a_draft_heading(lines, index):
            continue  # "Jordan: draft resolution" / "1 April 1982": the date of the draft, not of the page
        if archive[index]:
            continue  # the day of an archive picture, not of the article
        for day, end, start in full[index]:
            if not _event_date(line[:start]) and (_is_heading(line) or _ends_caption(line[end:])):
                dating.append(day)
    title = _title(lines, full)
    return ArticleFacts(", ".join(outlets) or None, title, max(dating, default=None), tuple(dating))


def _under_a_draft_heading(lines: list[str], index: int) -> bool:
    """The line follows a document heading that names a draft ("Jordan: draft resolution"): a date on
    it is the draft's own, which the page reprints, not the day the page was published."""
    before = next((lines[k] for k in range(index - 1, max(-1, index - 3), -1) if lines[k]), "")
    return before.lower().rstrip(" .:").endswith("draft resolution")


def _full_dates(line: str) -> list[tuple[dt.date, int, int]]:
    """The real days written in full on a line, with where each ends and starts."""
    if not any(ch.isdigit() for ch in line):
        return []
    found = []
    for pattern in _FULL_DATES:
        for match in pattern.finditer(line):
            day = _day(match.group("year"), match.group("month"), match.group("day"))
            if day:
                found.append((day, match.end(), match.start()))
    return found


def url_date(url: str | None) -> dt.date | None:
    """The day a web address bears in its path, where it bears one and only one: year, month and
    day in that order, each its own part ("/2016/10/08/", "/2020/aug/17/", "-2016-10/10/"), eight
    digits of their own ("-20190228-0026"), or day, month name and year ("/01-Mar-2017/"). A month
    alone ("/2012/07/"), six digits ("/140315/"), digits inside a longer number, a second date
    that differs, the host and the query date nothing: a wrong day is worse than none."""
    if not url:
        return None
    rest = url.split("://", 1)[-1]
    path = rest[rest.find("/"):] if "/" in rest else ""
    path = path.split("?", 1)[0].split("#", 1)[0].split(";", 1)[0]
    parts = _URL_PARTS.findall(path[:2000])
    found = set()
    for i, part in enumerate(parts):
        if part.isdigit() and len(part) == 8:
            found.add(_url_day(part[:4], part[4:6], part[6:]))
        elif part.isdigit() and len(part) == 4 and i + 2 < len(parts):
            found.add(_url_day(part, parts[i + 1], parts[i + 2]))
        elif part.isalpha() and 0 < i < len(parts) - 1:
            found.add(_url_day(parts[i + 1], part, parts[i - 1]))
    found.discard(None)
    return found.pop() if len(found) == 1 else None


def _url_day(year: str, month: str, day: str) -> dt.date | None:
    """A real day from a web address's parts: a year of four digits, a month of one or two digits or
    its name, a day of one or two digits."""
    if not (year.isdigit() and len(year) == 4 and int(year) in _URL_YEARS and day.isdigit() and len(day) <= 2):
        return None
    if month.isdigit() and len(month) > 2 or not month.isdigit() and month.lower() not in _MONTHS:
        return None
    return _day(year, month, day)


def publication(entry, text: str | None) -> tuple[dt.date | None, str]:
    """The day an article is dated by and what dates it: its manifest entry's `published`
    ("its manifest entry"), else its text's own date (`read_article`: "its text"), else the day
    its entry's `url` bears (`url_date`: "its URL"); (None, "") where nothing does. `entry`: its
    manifest entry or None; `text`: its text, or None when it is not there."""
    if entry is not None and entry.published is not None:
        return entry.published, "its manifest entry"
    if text is not None:
        found = read_article(text).published
        if found is not None:
            return found, "its text"
    found = url_date(entry.url if entry is not None else None)
    return (found, "its URL") if found is not None else (None, "")


def _press_symbol(line: str) -> str | None:
    """The symbol of a press release's symbol line: the symbol alone, or with a date and nothing else."""
    if len(line) > 60:
        return None
    match = _PRESS_SYMBOL.search(line)
    if match is None:
        return None
    rest = (line[:match.start()] + " " + line[match.end():]).strip(" ,;-\u2013\u2014")
    if rest and not (_full_dates(rest) and _is_heading(rest)):
        return None
    return match.group()


def _event_date(before: str) -> bool:
    """The words before a date make it a deadline or an event of the story: "until", "on", "by" ..."""
    words = before.rstrip(" ,").rsplit(None, 1)
    return bool(words) and words[-1].lower() in _EVENT_WORDS


def _day(year: str, month: str, day: str) -> dt.date | None:
    number = int(month) if month.isdigit() else _MONTHS.get(month.lower().rstrip("."))
    try:
        return dt.date(int(year), number, int(day)) if number else None
    except ValueError:
        return None


def _dateline_date(match: re.Match, mentioned: list[dt.date]) -> dt.date | None:
    """The dateline's day; without a year, in the year that puts it nearest a full date of the text."""
    if not match.group("date"):
        return None
    month = match.group("month") or match.group("month2")
    day = match.group("day") or match.group("day2")
    if match.group("year"):
        return _day(match.group("year"), month, day)
    years = sorted({d.year for d in mentioned})
    candidates = [d for d in (_day(str(y), month, day) for y in years) if d]
    if not candidates:
        return None  # the year is not in the text: better no date than a guessed one
    return min(candidates, key=lambda c: min(abs((c - f).days) for f in mentioned))


def _is_heading(line: str) -> bool:
    """A line that is a date and little else: '8 October 2016', 'Monday, 5 December 2016'."""
    return len(line) <= 40 and not line.endswith((",", ";")) and len(line.split()) <= 6


def _ends_caption(tail: str) -> bool:
    """After a date, only punctuation and perhaps a photo credit: a caption's date, not a story's."""
    rest = tail.lstrip(" .,;:)]")
    return not rest or _CREDIT.match(rest) is not None


def _title(lines: list[str], full: list[list]) -> str | None:
    """The first line, when it reads as a headline: short, not a sentence, not a dateline."""
    seen = 0
    for line, dates in zip(lines, full):
        if not line:
            continue
        seen += 1
        if seen > HEAD_LINES:
            return None
        if _press_symbol(line) or (dates and _is_heading(line)) or (dates and _LABEL.match(line)):
            continue  # a press release's symbol or date line, or an "Updated ..." line, comes before its headline
        if _DATELINE.match(line) or _BARE_DATELINE.match(line) or len(line) > MAX_TITLE or line.endswith("."):
            return None
        return line
    return None
