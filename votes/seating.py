"""Who sat on the Council in a year, with the groups each member belonged to: `votes council`.

`seating(council, year)` answers from the council file alone; `seating_text` and
`Seating.to_dict` are what the command prints, for people and for scripts.
"""

from __future__ import annotations

import copy
import datetime as dt

from .errors import VotesError
from .model import Council, year_ranges
from .reader.words import DRAFTED
from .record import Record


class YearNotSeated(VotesError):
    """The council file lists no seats for the year asked for."""


class SeatedMember(Record):
    """A member seated in the year: its code, name, whether permanent, and its groups that year.

    `groups` holds (group name, period) pairs; the period is None when the member belonged all year,
    else how the council file gives it ("until 2020-01-31").
    """

    __slots__ = ("code", "name", "permanent", "groups")

    def __init__(self, code: str, name: str, permanent: bool, groups: tuple[tuple[str, str | None], ...]):
        self.code, self.name, self.permanent, self.groups = code, name, permanent, groups


class Seating(Record):
    """The Council of one year: its members in the council file's order, and each group's seated members."""

    __slots__ = ("year", "members", "groups")

    def __init__(self, year: int, members: tuple[SeatedMember, ...], groups: dict[str, tuple[str, ...]]):
        self.year, self.members, self.groups = year, members, groups

    def to_dict(self) -> dict:
        return {
            "year": self.year,
            "seats": len(self.members),
            "permanent": sum(1 for m in self.members if m.permanent),
            "members": [{"code": m.code, "name": m.name, "permanent": m.permanent,
                         "groups": [{"group": g, "period": period} for g, period in m.groups]}
                        for m in self.members],
            "groups": {name: list(codes) for name, codes in self.groups.items()},
        }


def seating(council: Council, year: int | None = None) -> Seating:
    """Who sat in `year` (the latest year the council file lists when None).

    Raises YearNotSeated, naming the year and the years the file knows, when it has no seats for it.
    """
    if not council.seats:
        raise YearNotSeated(f"{council.path} lists no seats for any year; add them under seats:")
    if year is None:
        year = max(council.seats)
    seats = council.seats.get(year)
    if seats is None:
        raise YearNotSeated(f"{council.path} lists no seats for {year}; it knows {year_ranges(council.seats)}")
    first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    belongs: dict[str, list[tuple[str, str | None]]] = {code: [] for code in seats}
    for name, group in council.groups.items():
        for member in group.members:
            if member.code not in belongs or not member.during(year):
                continue
            spans = [s for s in member.spans if s.meets(year)]
            whole = not spans or any(s.covers(first) and s.covers(last) for s in spans)
            belongs[member.code].append((name, None if whole else ", ".join(s.text() for s in spans)))
    members = []
    for code in seats:
        member = council.members.get(code)
        members.append(SeatedMember(code, member.name if member else code, council.is_permanent(code),
                                    tuple(belongs[code])))
    return Seating(year, tuple(members), council.groups_during(year))


def seating_text(seated: Seating) -> str:
    """The year's Council as a table: code, name, permanent or elected, groups."""
    permanent = sum(1 for m in seated.members if m.permanent)
    lines = [f"The Security Council in {seated.year}: {len(seated.members)} members, {permanent} permanent", ""]
    width = max((len(m.name) for m in seated.members), default=0)
    for m in seated.members:
        groups = ", ".join(g if period is None else f"{g} ({period})" for g, period in m.groups) or "-"
        kind = "permanent" if m.permanent else "elected"
        lines.append(f"  {m.code}  {m.name:<{width}}  {kind:<9}  {groups}")
    return "\n".join(lines) + "\n"


#: A seat one member holds in succession to another: the Russian Federation continued the USSR's
#: seat on 24 December 1991 (its letter to the Secretary-General of that day; Security Council
#: practice since). Articles about Soviet votes name the USSR "Russia" or "Moscow": before that day
#: those names stand for the Soviet Union.
CONTINUED = {"RUS": ("SUN", dt.date(1991, 12, 24))}


def topic_only(ref, seated) -> bool:
    """A reference to a draft by countries' bare names ("Russia, China veto Syria resolution") none of
    which sat that year (`seated`): the draft is about them, not theirs, so it names no drafter."""
    return ref is not None and ref.bare and bool(seated) and ref.drafters.isdisjoint(seated)


def unseated_topics(said: list, seated) -> list:
    """The assertions with a reference that only names what the draft is about (`topic_only`) tied to
    no draft. Copies: the readings themselves are shared and kept between runs."""
    if not any(topic_only(a.text, seated) for a in said):
        return said
    out = []
    for a in said:
        if a.kind != DRAFTED and topic_only(a.text, seated):
            a = copy.copy(a)
            a.text = None
        out.append(a)
    return out


def read_as_seated(said: list, named: set[str], day: dt.date | None, council: Council) -> tuple[list, set[str]]:
    """The reader's assertions (votes.reader.Assertion) with a successor's name read as its
    predecessor's, for a vote held on `day`, before the succession ("Russia vetoes troop-pullback
    proposal", December 1971: the USSR), where the council file seats the predecessor that year and
    not the successor. Copies: the readings themselves are shared and kept between runs."""
    if day is None:
        return said, named
    seated = council.seats.get(day.year, ())
    said = unseated_topics(said, seated)
    swap = {code: old for code, (old, since) in CONTINUED.items()
            if day < since and old in seated and code not in seated}

    def drafters(a) -> frozenset[str]:
        return a.text.drafters if a.text is not None else frozenset()

    def touched(a) -> bool:
        return not swap.keys().isdisjoint((*a.members, *a.leaders, a.speaker, *drafters(a)))

    if not swap or (named.isdisjoint(swap) and not any(map(touched, said))):
        return said, named
    renamed = lambda codes: tuple(dict.fromkeys(swap.get(c, c) for c in codes))  # noqa: E731
    out = []
    for a in said:
        if touched(a):
            a = copy.copy(a)
            a.members, a.leaders = renamed(a.members), renamed(a.leaders)
            a.spans = {swap.get(c, c): span for c, span in a.spans.items()}
            a.speaker = swap.get(a.speaker, a.speaker)
            if not swap.keys().isdisjoint(drafters(a)):  # "the Russian draft" of 1971: the Soviet one
                a.text = copy.copy(a.text)
                a.text.drafters = frozenset(renamed(a.text.drafters))
        out.append(a)
    return out, {swap.get(c, c) for c in named}
