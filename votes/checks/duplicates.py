"""One vote, one record: a draft recorded twice is an error naming both records.

Two records are the same draft when they give the same UN symbol (compared without case or
surrounding spaces), or, where the symbol cannot tell them apart, the same date, the same
drafters and the same outcome. Records that both leave the drafters out are not compared by
date: two vetoes on one day (19 September 2019, say) are two drafts until their drafters are known.

A pure check: it takes the records and yields `Problem`s, one for each later record of a pair,
located at the field that makes it the same vote. Imported (sourced) resolutions are official
records of adopted resolutions and are compared like any other.
"""

from __future__ import annotations

from typing import Iterator

from ..facts import Facts
from ..model import Draft, Records
from ..problems import ERROR, Code, Problem

NAME = "one record per vote"
CODES = (Code("draft-duplicate", ERROR, "two records of one vote: the same symbol, or the same date, drafters and "
              "outcome"),)
NEEDS = ()
CODE = "draft-duplicate"


def check(facts: Facts) -> Iterator[Problem]:
    yield from duplicate_drafts(facts.project.records)


def duplicate_drafts(records: Records) -> Iterator[Problem]:
    """Each record that repeats an earlier one: same symbol, or same date, drafters and outcome."""
    by_symbol: dict[str, Draft] = {}
    by_vote: dict[tuple, Draft] = {}
    for draft in records.drafts:
        symbol = draft.symbol.strip().casefold() if draft.symbol else None
        first = by_symbol.get(symbol) if symbol else None
        if first is not None:
            yield _problem(records, draft, first, "symbol", f"the same symbol {draft.symbol.strip()}")
            continue
        vote = _vote_key(draft)
        first = by_vote.get(vote) if vote else None
        if first is not None and not _symbols_differ(first, draft):
            yield _problem(records, draft, first, "date",
                           f"the same date ({draft.date.isoformat()}), drafters ({', '.join(sorted(draft.drafted_by))}) "
                           f"and outcome ({draft.status})")
            continue
        if symbol:
            by_symbol[symbol] = draft
        if vote:
            by_vote.setdefault(vote, draft)


def _vote_key(draft: Draft) -> tuple | None:
    """Date, drafters (in any order) and outcome, when all three are recorded."""
    if draft.date is None or draft.status is None or not draft.drafted_by:
        return None
    return draft.date, frozenset(draft.drafted_by), draft.status


def _symbols_differ(first: Draft, later: Draft) -> bool:
    """Both records name a symbol and the symbols differ: two drafts, whatever else they share."""
    return bool(first.symbol and later.symbol and first.symbol.strip().casefold() != later.symbol.strip().casefold())


def _problem(records: Records, draft: Draft, first: Draft, field: str, why: str) -> Problem:
    loc = draft.loc_of(field)
    return Problem(CODE, f"records the same vote as draft '{first.id}' (line {first.loc.line}): {why}",
                   records.path, loc.line, loc.col, draft.id, field,
                   f"keep one record: move the evidence of '{draft.id}' into '{first.id}', then remove '{draft.id}'")
