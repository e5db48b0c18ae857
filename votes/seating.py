"""Who sat on the Council in a year, with the groups each member belonged to: `votes council`.

`seating(council, year)` answers from the council file alone; `seating_text` and
`Seating.to_dict` are what the command prints, for people and for scripts.
"""

from __future__ import annotations

import datetime as dt

from .errors import VotesError
from .model import Council, year_ranges
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
