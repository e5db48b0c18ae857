"""The records as typed values: members, seats, drafts, evidence.

Everything here is plain data built by `schema` from the YAML trees; nothing
reads files and nothing checks facts against seeds.
"""

from __future__ import annotations

import datetime as dt

from . import charter
from .record import Record
from .supports import TALLY_KEYS, head, position_path, tally_path, vote_path

#: The fixed levels of a vote, in the order tables show them.
VOTES = ("yes", "no", "abstain", "absent")
STATUSES = ("adopted", "vetoed", "failed", "not-voted")
STANCES = ("support", "oppose", "neutral", "mixed")
#: The Charter's rule lives in votes.charter; these names are kept for the modules written before it
#: (votes.suggest), until they ask votes.charter.
ADOPTION_THRESHOLD = charter.SINCE_1966.quota
adoption_threshold = charter.quota
council_size = charter.seats


def year_ranges(years) -> str:
    """Years as runs: 1946-1965, 1970, 2011-2012."""
    runs: list[list[int]] = []
    for year in sorted(set(years)):
        if runs and year == runs[-1][1] + 1:
            runs[-1][1] = year
        else:
            runs.append([year, year])
    return ", ".join(str(a) if a == b else f"{a}-{b}" for a, b in runs)


class Loc(Record):
    """A 1-based line and column in a data file."""

    __slots__ = ("line", "col")

    def __init__(self, line: int, col: int):
        self.line = line
        self.col = col


class Member(Record):
    __slots__ = ("code", "name", "permanent", "names", "loc")

    def __init__(self, code: str, name: str, permanent: bool, names: tuple[str, ...], loc: Loc):
        self.code, self.name, self.permanent, self.names, self.loc = code, name, permanent, names, loc


class Span(Record):
    """A period of membership, both ends included: from `start` to `end`, either open (None)."""

    __slots__ = ("start", "end")

    def __init__(self, start: dt.date | None, end: dt.date | None):
        self.start, self.end = start, end

    def covers(self, day: dt.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)

    def meets(self, year: int) -> bool:
        """Whether any day of the year is in the period."""
        return (self.start is None or self.start.year <= year) and (self.end is None or year <= self.end.year)

    def text(self) -> str:
        """The period as council.yaml writes it: since 1958, 1973 to 2020-01-31, until 1991."""
        start, end = _bound_text(self.start, True), _bound_text(self.end, False)
        if start and end:
            return start if start == end else f"{start} to {end}"
        if start:
            return f"since {start}"
        return f"until {end}" if end else "always"


def _bound_text(day: dt.date | None, first: bool) -> str | None:
    """A bound as a year when it is that year's first (or last) day, else as a day."""
    if day is None:
        return None
    whole = (day.month, day.day) == ((1, 1) if first else (12, 31))
    return str(day.year) if whole else day.isoformat()


class GroupMember(Record):
    """A member of a named group, and the periods it belongs (none: always)."""

    __slots__ = ("code", "spans")

    def __init__(self, code: str, spans: tuple[Span, ...] = ()):
        self.code, self.spans = code, spans

    def on(self, day: dt.date) -> bool:
        return not self.spans or any(span.covers(day) for span in self.spans)

    def during(self, year: int) -> bool:
        return not self.spans or any(span.meets(year) for span in self.spans)


class Group(Record):
    """A named group of members (P5, the African Group, the EU members ...), which may change over time."""

    __slots__ = ("name", "members")

    def __init__(self, name: str, members: tuple[GroupMember, ...]):
        self.name, self.members = name, members

    @classmethod
    def of(cls, name: str, codes) -> "Group":
        """A group whose members belong always: a plain list of codes."""
        return cls(name, tuple(GroupMember(code) for code in codes))

    def on(self, day: dt.date) -> tuple[str, ...]:
        """The members on that day, in the group's order."""
        return tuple(m.code for m in self.members if m.on(day))

    def during(self, year: int) -> tuple[str, ...]:
        """The members on any day of that year, in the group's order."""
        return tuple(m.code for m in self.members if m.during(year))


class Council(Record):
    __slots__ = ("path", "members", "seats", "groups")

    def __init__(self, path: str, members: dict[str, Member], seats: dict[int, tuple[str, ...]],
                 groups: dict[str, Group | tuple[str, ...]]):
        self.path, self.members, self.seats = path, members, seats
        #: a plain list of codes is a group whose members belong always
        self.groups = {name: g if isinstance(g, Group) else Group.of(name, g) for name, g in groups.items()}

    def seated(self, year: int) -> tuple[str, ...] | None:
        return self.seats.get(year)

    def is_permanent(self, code: str) -> bool:
        member = self.members.get(code)
        return bool(member and member.permanent)

    def groups_on(self, day: dt.date) -> dict[str, tuple[str, ...]]:
        """Each group's members on that day, seated in its year (all of them when the year has no seats)."""
        seats = self.seats.get(day.year)
        return {name: tuple(c for c in group.on(day) if seats is None or c in seats)
                for name, group in self.groups.items()}

    def groups_during(self, year: int) -> dict[str, tuple[str, ...]]:
        """Each group's members seated in that year (on any of its days)."""
        seats = self.seats.get(year)
        return {name: tuple(c for c in group.during(year) if seats is None or c in seats)
                for name, group in self.groups.items()}


class Evidence(Record):
    """A quote from a seed (`seed`, `quote`) or an outside `source`, and the facts it backs."""

    __slots__ = ("index", "supports", "loc", "seed", "quote", "source", "quote_loc", "supports_locs")

    def __init__(self, index: int, supports: tuple[str, ...], loc: Loc, seed: str | None = None,
                 quote: str | None = None, source: str | None = None, quote_loc: Loc | None = None,
                 supports_locs: tuple[Loc, ...] = ()):
        self.index, self.supports, self.loc = index, supports, loc
        self.seed, self.quote, self.source = seed, quote, source
        self.quote_loc, self.supports_locs = quote_loc, supports_locs


class Draft(Record):
    """One draft resolution and everything recorded about it."""

    __slots__ = ("id", "title", "date", "status", "loc", "symbol", "meeting", "drafted_by", "votes", "tally",
                 "positions", "evidence", "notes", "locs", "imported_from", "procedural")

    def __init__(self, id: str, title: str, date: dt.date | None, status: str | None, loc: Loc):
        self.id, self.title, self.date, self.status, self.loc = id, title, date, status, loc
        self.symbol: str | None = None
        self.meeting: str | None = None
        self.drafted_by: tuple[str, ...] = ()
        self.votes: dict[str, str] = {}
        self.tally: dict[str, int] | None = None
        self.positions: dict[str, str] = {}
        self.evidence: list[Evidence] = []
        self.notes: str | None = None
        #: a procedural decision (Article 27(2)): adopted with the quota of any members' votes, no veto
        self.procedural = False
        #: where each field (and each `votes.<CODE>`, `tally.<k>`, `positions.<CODE>`) was written
        self.locs: dict[str, Loc] = {}
        #: for a record imported from an official dataset (votes import), the source it was taken
        #: from: it is never proved against the seeds; None for a hand-checked record
        self.imported_from: str | None = None

    @property
    def year(self) -> int | None:
        return self.date.year if self.date else None

    def facts(self) -> list[str]:
        """Every claim the record makes, as supports paths, in a fixed order."""
        paths = []
        if self.symbol is not None:
            paths.append("symbol")
        if self.meeting is not None:
            paths.append("meeting")
        if self.date is not None:
            paths.append("date")
        if self.status is not None:
            paths.append("status")
        if self.drafted_by:
            paths.append("drafted_by")
        paths += [vote_path(code) for code in self.votes]
        if self.tally:
            paths += [tally_path(key) for key in TALLY_KEYS if key in self.tally]
        paths += [position_path(code) for code in self.positions]
        return paths

    def evidence_by_index(self, index: int) -> Evidence:
        return next(ev for ev in self.evidence if ev.index == index)

    def loc_of(self, path: str) -> Loc:
        return self.locs.get(path) or self.locs.get(head(path)) or self.loc


class Ignore(Record):
    """A vote statement in a seed that is deliberately not a record, and why."""

    __slots__ = ("index", "seed", "quote", "reason", "loc", "quote_loc", "reason_loc")

    def __init__(self, index: int, seed: str, quote: str, reason: str, loc: Loc, quote_loc: Loc,
                 reason_loc: Loc | None = None):
        self.index, self.seed, self.quote, self.reason, self.loc, self.quote_loc = (
            index, seed, quote, reason, loc, quote_loc)
        self.reason_loc = reason_loc or loc


class Comment(Record):
    """A comment on a line of its own in a data file: where it starts, and its words after the '#'."""

    __slots__ = ("line", "col", "text")

    def __init__(self, line: int, col: int, text: str):
        self.line, self.col, self.text = line, col, text


class Records(Record):
    """The records file: its drafts, its ignore entries, and its comments on lines of their own (where
    `votes suggest` leaves what a person must review)."""

    __slots__ = ("path", "drafts", "ignores", "comments")

    def __init__(self, path: str, drafts: list[Draft], ignores: list[Ignore], comments: list[Comment] | None = None):
        self.path, self.drafts, self.ignores, self.comments = path, drafts, ignores, comments or []

    def draft(self, draft_id: str) -> Draft | None:
        return next((d for d in self.drafts if d.id == draft_id), None)


class ManifestEntry(Record):
    """A seed as received: its SHA-256 and what its text tells of where and when it was published.

    `published` is the latest day the article is dated (a digest of several stories takes its
    last one): a quote from it can back only votes cast on or before that day. `url`: where it was
    found, whose date dates it where neither `published` nor its text does (votes.articles.publication).
    """

    __slots__ = ("name", "sha256", "loc", "outlet", "title", "covers", "published", "url")

    def __init__(self, name: str, sha256: str, loc: Loc, outlet: str | None = None, title: str | None = None,
                 covers: str | None = None, published: dt.date | None = None, url: str | None = None):
        self.name, self.sha256, self.loc = name, sha256, loc
        self.outlet, self.title, self.covers, self.published = outlet, title, covers, published
        self.url = url


class Manifest(Record):
    __slots__ = ("path", "entries")

    def __init__(self, path: str, entries: dict[str, ManifestEntry]):
        self.path, self.entries = path, entries
