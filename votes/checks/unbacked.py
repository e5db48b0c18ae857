"""Every recorded fact is backed: a fact no evidence cites is a warning (the report marks it
unbacked); a fact cited by a quote that fails is already an error of the support check."""

from __future__ import annotations

from typing import Iterator

from .. import supports
from ..facts import COUNCIL, DRAFT_FACTS, UNBACKED, DraftCheck, Facts
from ..problems import WARNING, Code, Problem

NAME = "unbacked facts"
CODES = (Code("fact-unbacked", WARNING, "a recorded fact that no evidence backs"),)
NEEDS = (COUNCIL, DRAFT_FACTS)


def check(facts: Facts) -> Iterator[Problem]:
    for check_ in facts.checked():
        yield from unbacked(facts.project.records.path, check_)


def unbacked(path: str, check: DraftCheck) -> Iterator[Problem]:
    """A fact that no evidence cites at all (one cited by a failing quote is already an error)."""
    draft = check.draft
    cited = {p for ev in draft.evidence for p in ev.supports}
    if supports.OTHERS in cited:
        cited |= {supports.vote_path(c) for c in draft.votes}
    for claim in draft.facts():
        if check.basis.get(claim) == UNBACKED and claim not in cited:
            loc = draft.loc_of(claim)
            yield Problem("fact-unbacked", f"no evidence backs {claim}", path, loc.line, loc.col,
                          draft.id, claim, "add an evidence entry whose quote says it, with this path in supports")
