"""A headline that restates a recorded vote: "Russia vetoes UN resolution on Aleppo", a line of its
own over the article a record cites, whose every factual statement that record holds. It leaves
nothing out of the dataset, so seed coverage counts it as accounted for (votes.establish); a
headline any of whose statements the record does not hold stays uncovered, to be cited or ignored."""

from __future__ import annotations

from collections import Counter

from .backing import OUTCOME_FITS
from .model import Draft
from .quotes import about
from .reader import COUNT, DRAFTED, OUTCOME, VETO, VOTE, Assertion
from .seating import read_as_seated

#: A headline is short; a longer line without a full stop is a sentence cut short.
MOST_WORDS = 25
#: What ends a sentence, and so no headline (closing quotation marks aside).
_ENDINGS = ".!?:;"
_CLOSING = "\"'\u201d\u2019)"


def is_headline(seed_text: str, start: int, end: int) -> bool:
    """The sentence at start..end stands on a line of its own, is short and ends with no full stop."""
    body = seed_text[start:end].strip().rstrip(_CLOSING).rstrip()
    if not body or body[-1] in _ENDINGS or len(body.split()) > MOST_WORDS:
        return False
    before = seed_text[:start].rstrip(" \t")
    after = seed_text[end:].lstrip(" \t")
    return (not before or before.endswith("\n")) and (not after or after.startswith(("\n", "\r")))


def restates(said: list[Assertion], drafts: list[Draft], council) -> bool:
    """Some draft holds every factual statement of the headline, and it makes one at least."""
    for draft in drafts:
        facts = [a for a in read_as_seated(said, set(), draft.date, council)[0] if a.factual]
        if facts and all(about(a, draft) and _holds(draft, a) for a in facts):
            return True
    return False


def _holds(draft: Draft, a: Assertion) -> bool:
    """Whether the record says what the assertion says."""
    votes = draft.votes
    if a.kind == VETO:
        return draft.status == "vetoed" and all(votes.get(m) == "no" for m in a.members)
    if a.kind == VOTE:
        return bool(a.members) and all(votes.get(m) == a.vote for m in a.members)
    if a.kind == OUTCOME:
        return draft.status in OUTCOME_FITS.get(a.outcome, ())
    if a.kind == DRAFTED:
        return set(a.members) <= set(draft.drafted_by or ())
    if a.kind == COUNT and a.all_but is None and a.count is not None:
        recorded = draft.tally.get(a.vote) if draft.tally else None
        return a.count == (recorded if recorded is not None else Counter(votes.values())[a.vote])
    if a.kind == COUNT and a.all_but == 0:  # "unanimously": every recorded vote is that vote
        return bool(votes) and set(votes.values()) <= {a.vote, "absent"}
    return False
