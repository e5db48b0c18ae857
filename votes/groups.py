"""Words that name a group of members only the year can fill: "the Council's 10 non-permanent
members" (the reader's pseudo-member ELECTED). A draft's year turns the group into the elected
members seated that year, for validation (votes.backing) and for `votes suggest` (votes.proposals)."""

from __future__ import annotations

import copy

from .reader import ALIGNED, DRAFTED, STANCE, VETO, VOTE, Assertion
from .reader.words import ELECTED

__all__ = ["ELECTED", "elected_of", "with_elected"]


def elected_of(council, year: int | None) -> tuple[str, ...]:
    """The members seated in `year` that are not permanent, in the council file's order; () when the
    year is unknown or has no seats."""
    seated = council.seated(year) if year is not None else None
    return tuple(code for code in seated or () if not council.is_permanent(code))


def _touches(a: Assertion) -> bool:
    return ELECTED in a.members or ELECTED in a.leaders or (a.text is not None and ELECTED in a.text.drafters)


def with_elected(said: list[Assertion], named: set[str], elected: tuple[str, ...]) -> tuple[list[Assertion], set[str]]:
    """The assertions with the group named as the members it stands for (copies: readings are shared
    and kept between runs), and the members the quote names; with no year to fill it (`elected`
    empty), the group names no one. Assertions about the group alone then say nothing and are left out."""
    if not any(map(_touches, said)) and ELECTED not in named:
        return said, named

    def filled(codes: tuple[str, ...]) -> tuple[str, ...]:
        out: list[str] = []
        for code in codes:
            out += elected if code == ELECTED else [code]
        return tuple(dict.fromkeys(out))

    out = []
    for a in said:
        if _touches(a):
            a = copy.copy(a)
            span = a.spans.get(ELECTED)
            a.members, a.leaders = filled(a.members), filled(a.leaders)
            a.spans = {code: s for code, s in a.spans.items() if code != ELECTED}
            if span is not None:
                a.spans.update((code, span) for code in elected if code not in a.spans)
            if a.text is not None and ELECTED in a.text.drafters:
                a.text = copy.copy(a.text)
                a.text.drafters = frozenset(filled(tuple(a.text.drafters)))
            if not a.members and a.kind in (VOTE, VETO, DRAFTED, STANCE, ALIGNED):
                continue
        out.append(a)
    named = (named - {ELECTED}) | (set(elected) if ELECTED in named else set())
    return out, named
