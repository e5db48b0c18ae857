"""The quote says it: each supports path is backed by an assertion of its quote that states the
fact, as a fact (not a threat, an expectation, another speaker's claim ...), about this draft.

What backs each path, and why the others are not backed, is established first
(votes.backing); this check says each path that is not backed, where it points: at the
recorded fact when the fact may be wrong, at the citation when the citation is.
"""

from __future__ import annotations

from typing import Iterator

from .. import supports
from ..facts import COUNCIL, DRAFT_FACTS, Facts
from ..model import Draft, Loc
from ..problems import ERROR, Code, Problem

NAME = "support"
CODES = (
    Code("supports-invalid", ERROR, "a supports path that is not one of the paths a quote can back"),
    Code("supports-no-fact", ERROR, "a supports path naming a fact the record does not have"),
    Code("source-not-allowed", ERROR, "an outside source cited for a fact only the seeds may prove"),
    Code("support-member", ERROR, "a quote cited for a member's vote or stance does not name that member"),
    Code("support-vote", ERROR, "a quote names the member but states no vote of it"),
    Code("support-mode", ERROR, "a quote states the fact only as a threat, expectation, intention, future, "
         "condition, negation, another speaker's claim, about another body, or about a procedural vote of a draft "
         "not marked `procedural: true`"),
    Code("support-other-text", ERROR, "a quote states the fact about another draft than the one it is cited for"),
    Code("support-tally", ERROR, "a quote cited for a tally states no count of that vote"),
    Code("support-others", ERROR, "votes.others is cited but the members it stands for do not share one vote, or "
         "the quote does not state them as the rest"),
    Code("support-status", ERROR, "a quote cited for the status states no such outcome"),
    Code("support-drafter", ERROR, "a quote cited for drafted_by does not state every drafter as such"),
    Code("support-stance", ERROR, "a quote cited for a stance states no such stance of that member"),
    Code("support-date", ERROR, "a quote cited for the date does not carry it"),
    Code("support-text", ERROR, "a quote cited for the symbol or meeting does not contain it, nor name the resolution or "
         "meeting by its number (\"resolution 2626\", \"8997th meeting\")"),
)
NEEDS = (COUNCIL, DRAFT_FACTS)


def check(facts: Facts) -> Iterator[Problem]:
    path = facts.project.records.path
    for check_ in facts.checked():
        draft = check_.draft
        for v in check_.verdicts:
            if v.at_fact:
                loc = draft.loc_of("votes" if v.claim == supports.OTHERS else v.claim)
            else:
                loc = _supports_loc(draft, v.index, v.claim)
            yield Problem(v.code, v.message, path, loc.line, loc.col, draft.id, v.claim, v.hint)


def _supports_loc(draft: Draft, index: int, claim: str) -> Loc:
    """Where the path is written in the evidence entry's supports list."""
    ev = draft.evidence_by_index(index)
    for cited, loc in zip(ev.supports, ev.supports_locs or ()):
        if cited == claim:
            return loc
    return ev.loc
