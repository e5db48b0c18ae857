"""The record holds together: its members sat on the Council in the draft's year, its tally
equals the counted votes, its status is what the Charter gives for the votes (votes.charter),
and a draft never put to the vote carries no votes."""

from __future__ import annotations

from typing import Iterator

from .. import charter
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
    if draft.date is None:
        return
    seats = council.seated(draft.year)

    def problem(code, claim, message, hint=None):
        loc = draft.loc_of(claim)
        return Problem(code, message, path, loc.line, loc.col, draft.id, claim, hint)

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
    seating = charter.standing(draft.year, draft.votes, draft.tally, council)
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
                      charter.rule_text(draft.year))


def _members_voting(draft: Draft, level: str) -> str:
    return ", ".join(c for c, v in draft.votes.items() if v == level)


def _outcome_reason(low: int, high: int, permanent_no: tuple[str, ...]) -> str:
    yes = f"{low} yes" if low == high else f"{low} to {high} yes"
    if permanent_no:
        return f"{yes}, permanent no from {', '.join(permanent_no)}"
    return f"{yes}, no permanent no recorded"
