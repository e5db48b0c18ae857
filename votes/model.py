"""The records as typed values: members, seats, drafts, evidence.

Everything here is plain data built by `schema` from the YAML trees; nothing
reads files and nothing checks facts against seeds.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

#: The fixed levels of a vote, in the order tables show them.
VOTES = ("yes", "no", "abstain", "absent")
STATUSES = ("adopted", "vetoed", "failed", "not-voted")
STANCES = ("support", "oppose", "neutral", "mixed")
TALLY_KEYS = ("yes", "no", "abstain")
#: Facts an outside source (the UN record) may back: identifiers and dates, never votes.
SOURCE_PATHS = frozenset({"symbol", "meeting", "date"})
#: Votes the Charter needs for adoption.
ADOPTION_THRESHOLD = 9


@dataclass(frozen=True, slots=True)
class Loc:
    line: int
    col: int


@dataclass(slots=True)
class Member:
    code: str
    name: str
    permanent: bool
    names: tuple[str, ...]
    loc: Loc


@dataclass(slots=True)
class Council:
    path: str
    members: dict[str, Member]
    seats: dict[int, tuple[str, ...]]
    groups: dict[str, tuple[str, ...]]
    loc: Loc = Loc(1, 1)

    def seated(self, year: int) -> tuple[str, ...] | None:
        return self.seats.get(year)

    def is_permanent(self, code: str) -> bool:
        member = self.members.get(code)
        return bool(member and member.permanent)


@dataclass(slots=True)
class Evidence:
    """A quote from a seed (`seed`, `quote`) or an outside `source`, and the facts it backs."""

    index: int
    supports: tuple[str, ...]
    loc: Loc
    seed: str | None = None
    quote: str | None = None
    source: str | None = None
    quote_loc: Loc | None = None
    supports_locs: tuple[Loc, ...] = ()


@dataclass(slots=True)
class Draft:
    id: str
    title: str
    date: dt.date | None
    status: str | None
    loc: Loc
    symbol: str | None = None
    meeting: str | None = None
    drafted_by: tuple[str, ...] = ()
    votes: dict[str, str] = field(default_factory=dict)
    tally: dict[str, int] | None = None
    positions: dict[str, str] = field(default_factory=dict)
    evidence: list[Evidence] = field(default_factory=list)
    notes: str | None = None
    #: where each field (and each `votes.<CODE>`, `tally.<k>`, `positions.<CODE>`) was written
    locs: dict[str, Loc] = field(default_factory=dict)

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
        paths += [f"votes.{code}" for code in self.votes]
        if self.tally:
            paths += [f"tally.{key}" for key in TALLY_KEYS if key in self.tally]
        paths += [f"positions.{code}" for code in self.positions]
        return paths

    def evidence_by_index(self, index: int) -> Evidence:
        return next(ev for ev in self.evidence if ev.index == index)

    def loc_of(self, path: str) -> Loc:
        return self.locs.get(path) or self.locs.get(path.split(".")[0]) or self.loc


@dataclass(slots=True)
class Ignore:
    """A vote statement in a seed that is deliberately not a record, and why."""

    index: int
    seed: str
    quote: str
    reason: str
    loc: Loc
    quote_loc: Loc


@dataclass(slots=True)
class Records:
    path: str
    drafts: list[Draft]
    ignores: list[Ignore]

    def draft(self, draft_id: str) -> Draft | None:
        return next((d for d in self.drafts if d.id == draft_id), None)


@dataclass(slots=True)
class ManifestEntry:
    name: str
    sha256: str
    loc: Loc
    outlet: str | None = None
    title: str | None = None
    covers: str | None = None


@dataclass(slots=True)
class Manifest:
    path: str
    entries: dict[str, ManifestEntry]
