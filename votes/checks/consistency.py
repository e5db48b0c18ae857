"""The record holds together: its members sat on the Council in the draft's year, its tally
equals the counted votes, its status is what the Charter gives for the votes (votes.charter),
a draft never put to the vote carries no votes, and a resolution's symbol names an adopted text
of its own year (votes.resolution_years)."""

from __future__ import annotations

import re
from typing import Iterator

from .. import charter
from ..resolution_years import FIRST_OF_YEAR, LAST_LISTED, adopted_in, numbers_of
from ..facts import COUNCIL, DRAFT_FACTS, DraftCheck, Facts
from ..model import TALLY_KEYS, Draft
from ..problems import ERROR, Code, Problem

NAME = "consistency"
CODES = (
    Code("member-not-seated", ERROR, "a member with a vote, stance or draft who did not sit on the Council that "
         "year"),
    Code("seats-missing", ERROR, "no seats are listed in data/council.yaml for a draft's year"),
    Code("tally-mismatch", ERROR, "the tally differs from the counted votes"),
    Code("status-mismatch", ERROR, "the status is not what the Charter gives for these votes"),
    Code("not-voted-has-votes", ERROR, "a not-voted draft carries votes or a tally"),
    Code("symbol-year", ERROR, "a resolution's symbol whose number the Council did not give in the symbol's year, "
         "or in the year of the draft's date"),
    Code("symbol-status", ERROR, "a resolution's symbol on a draft whose status is not adopted"),
)
NEEDS = (COUNCIL, DRAFT_FACTS)


def check(facts: Facts) -> Iterator[Problem]:
    for check_ in facts.checked():
        yield from consistency(facts.project, check_)


def consistency(project, check: DraftCheck) -> Iterator[Problem]:
    """Seats, tallies and the outcome the Charter gives."""
    draft = check.draft
    path = project.records.path
    council = project.council

    def problem(code, claim, message, hint=None):
        loc = draft.loc_of(claim)
        return Problem(code, message, path, loc.line, loc.col, draft.id, claim, hint)

    yield from _resolution_symbol(draft, problem)
    if draft.date is None:
        return
    seats = council.seated(draft.year)
    if seats is None:
        if council.seats:
            yield problem("seats-missing", "date", f"data/council.yaml lists no seats for {draft.year}",
                          f"add the {charter.number_word(charter.seats(draft.year))} members of {draft.year} "
                          "under seats:")
    else:
        for code in draft.votes:
            if code not in seats:
                yield problem("member-not-seated", f"votes.{code}",
                              f"{code} did not sit on the Council in {draft.year}",
                              f"members in {draft.year}: {', '.join(seats)}")
    seating = charter.standing(draft.year, draft.votes, draft.tally, council, draft.procedural)
    counts = seating.counts
    tally = draft.tally or {}
    if draft.status == "not-voted":
        if draft.votes or draft.tally is not None:
            claim = "votes" if draft.votes else "tally"
            yield problem("not-voted-has-votes", claim, "a draft never put to a vote carries votes or a tally",
                          "remove them, or change the status to the vote's outcome")
        return
    for key in TALLY_KEYS:
        if key not in tally:
            continue
        counted = counts[key]
        if seating.complete and counted != tally[key]:
            yield problem("tally-mismatch", f"tally.{key}",
                          f"tally.{key} is {tally[key]} but the votes count {counted} {key}",
                          f"members voting {key}: {_members_voting(draft, key) or 'none'}")
        elif not seating.complete and counted > tally[key]:
            yield problem("tally-mismatch", f"tally.{key}",
                          f"tally.{key} is {tally[key]} but {counted} members are already recorded voting {key}",
                          f"members voting {key}: {_members_voting(draft, key)}")
    if seating.seated is not None and sum(tally.values()) + counts["absent"] > len(seating.seated):
        yield problem("tally-mismatch", "tally",
                      f"the tally adds up to more than the {len(seating.seated)} members seated", None)
    if draft.status is None or not check.possible:
        return
    if draft.status not in check.possible:
        low, high = seating.yes
        yield problem("status-mismatch", "status", f"status is '{draft.status}' but the votes give "
                      f"{' or '.join(repr(p) for p in check.possible)}: "
                      f"{_outcome_reason(low, high, check.permanent_no)}",
                      charter.rule_text(draft.year, draft.procedural))


def _members_voting(draft: Draft, level: str) -> str:
    return ", ".join(c for c, v in draft.votes.items() if v == level)


def _outcome_reason(low: int, high: int, permanent_no: tuple[str, ...]) -> str:
    yes = f"{low} yes" if low == high else f"{low} to {high} yes"
    if permanent_no:
        return f"{yes}, permanent no from {', '.join(permanent_no)}"
    return f"{yes}, no permanent no recorded"


#: A resolution's symbol: "S/RES/2334 (2016)" (a literal prefix and bounded digits: no backtracking).
_RESOLUTION = re.compile(r"S/RES/(\d{1,5}) ?\((\d{4})\)")
_LAST_YEAR = max(FIRST_OF_YEAR)


def _resolution_symbol(draft: Draft, problem) -> Iterator[Problem]:
    """A resolution's symbol names a text the Council adopted, in the year its number was given."""
    found = _RESOLUTION.fullmatch((draft.symbol or "").strip())
    if found is None:
        return
    number, year = int(found.group(1)), int(found.group(2))
    adopted = adopted_in(number)
    later = adopted is None and number > LAST_LISTED  # a number past the table: of a year after its last
    if (adopted is not None and adopted != year) or (later and year <= _LAST_YEAR):
        first, last = numbers_of(year) or (None, None)
        when = f"in {adopted}" if adopted is not None else \
            f"after {_LAST_YEAR} (the last of {_LAST_YEAR} is {LAST_LISTED})"
        yield problem("symbol-year", "symbol", f"resolution {number} was adopted {when}, not in {year}",
                      f"the resolutions of {year} are numbered {first} to {last}: check the number and the year"
                      if first is not None else "check the number and the year")
    elif draft.date is not None and draft.date.year != year:
        yield problem("symbol-year", "date", f"the date {draft.date.isoformat()} is in {draft.date.year}, but "
                      f"resolution {number} was adopted in {year}", "check the date of the vote and the symbol")
    if draft.status is not None and draft.status != "adopted":
        yield problem("symbol-status", "symbol", f"{found.group(0)} is an adopted resolution's symbol, but the "
                      f"status is '{draft.status}'",
                      "a draft that was not adopted keeps its draft symbol (S/YYYY/NNN); or the status is 'adopted'")
