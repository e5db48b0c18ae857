"""Every factual assertion of every quote a record cites agrees with the whole record, not only
with the fact it is cited for: a quote that says China abstained cannot back the tally of a
record that has China voting yes."""

from __future__ import annotations

from typing import Iterator

from .. import charter
from ..backing import OUTCOME_FITS
from ..facts import COUNCIL, DRAFT_FACTS, DraftCheck, Facts
from ..problems import ERROR, Code, Problem
from ..quotes import about
from ..reader import COUNT, NEGATED, OUTCOME, REST, VETO, VOTE

NAME = "contradictions"
CODES = (Code("support-contradiction", ERROR, "a factual assertion of a cited quote disagrees with the record"),)
NEEDS = (COUNCIL, DRAFT_FACTS)


def check(facts: Facts) -> Iterator[Problem]:
    path = facts.project.records.path
    for check_ in facts.checked():
        yield from contradictions(check_, path)


def contradictions(check: DraftCheck, path: str) -> Iterator[Problem]:
    """Every factual assertion of every quote the draft cites, held against the whole record."""
    if not any(check.readings.values()):
        return
    draft = check.draft
    ctx = check.context
    seen: set[tuple[str, str]] = set()

    def problem(field_: str, index: int, said: str, record: str, hint: str | None = None):
        key = (field_, said)
        if key in seen:
            return None
        seen.add(key)
        ev = draft.evidence_by_index(index)
        loc = draft.loc_of(field_)
        return Problem("support-contradiction", f"evidence[{index}] (line {ev.loc.line}) says {said}; "
                       f"the record has {record}", path, loc.line, loc.col, draft.id, field_,
                       hint or "correct the record, or cite the sentence only if it is about this draft")

    for index, said in sorted(check.readings.items()):
        for a in said:
            if not about(a, draft):
                continue
            found = []
            if a.weak:
                continue  # "backed", "supported": a vote when it backs one, never held against the record
            if a.kind in (VOTE, VETO) and a.factual:
                if draft.status == "not-voted":
                    found.append(problem("status", index, a.describe(), "status: not-voted"))
                for m in a.members:
                    if m in draft.votes and draft.votes[m] != a.vote:
                        found.append(problem(f"votes.{m}", index, f"{m} -> {a.vote}", f"{m}: {draft.votes[m]}"))
                if a.kind == VETO and draft.status in ("adopted", "failed"):
                    hint = (f"a permanent no on a draft with {charter.short_of_text(draft.year)} is no veto under the "
                            "Charter; if the article says 'vetoed' loosely, cite another sentence"
                            if draft.status == "failed" else
                            "a vetoed draft is not adopted: correct the status or the votes")
                    found.append(problem("status", index, a.describe(), f"status: {draft.status}", hint))
            elif a.kind == VOTE and a.mode == NEGATED:
                for m in a.members:
                    if draft.votes.get(m) == a.vote:
                        found.append(problem(f"votes.{m}", index, f"{m} did not vote {a.vote}",
                                             f"{m}: {draft.votes[m]}"))
            elif a.kind == COUNT and a.factual and draft.status != "not-voted":
                n = ctx.number(a)
                if n is None:
                    continue
                tally = draft.tally or {}
                if a.vote in tally and tally[a.vote] != n:
                    found.append(problem(f"tally.{a.vote}", index, f"{n} -> {a.vote}",
                                         f"tally.{a.vote}: {tally[a.vote]}"))
                elif ctx.complete and ctx.counts[a.vote] != n:
                    found.append(problem("votes", index, f"{n} -> {a.vote}", f"{ctx.counts[a.vote]} voting {a.vote}"))
                elif not ctx.complete and ctx.counts[a.vote] > n:
                    found.append(problem("votes", index, f"{n} -> {a.vote}",
                                         f"{ctx.counts[a.vote]} already voting {a.vote}"))
            elif a.kind == COUNT and a.factual and draft.status == "not-voted":
                found.append(problem("status", index, a.describe(), "status: not-voted"))
            elif a.kind == OUTCOME and a.factual and draft.status is not None:
                if draft.status not in OUTCOME_FITS[a.outcome]:
                    found.append(problem("status", index, f"the outcome {a.outcome}", f"status: {draft.status}"))
            elif a.kind == REST and a.factual and a.count is not None and ctx.complete:
                if ctx.counts[a.vote] < a.count:
                    found.append(problem("votes", index, a.describe(), f"{ctx.counts[a.vote]} voting {a.vote}"))
            for p in found:
                if p is not None:
                    yield p
