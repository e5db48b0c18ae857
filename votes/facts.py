"""What validation establishes before any check speaks: anchors, readings, backing, basis.

Checks read these and yield problems; nothing here yields or prints. The report
and the export read them through `Validation` (votes.validate).
"""

from __future__ import annotations

from .anchor import Anchor
from .model import Draft
from .record import Record
from .reader import Assertion

QUOTED, DERIVED, SOURCED, UNBACKED = "quoted", "derived", "sourced", "unbacked"


class Verdict(Record):
    """Why one supports path of one evidence entry is not proved (or None kept elsewhere when it is).

    `at_fact` says where the problem points: at the recorded fact (the fact may be wrong) or
    at the citation (the citation is what is wrong).
    """

    __slots__ = ("index", "claim", "code", "message", "hint", "at_fact")

    def __init__(self, index: int, claim: str, code: str, message: str, hint: str | None, at_fact: bool):
        self.index, self.claim, self.code, self.message, self.hint, self.at_fact = (
            index, claim, code, message, hint, at_fact)


class DraftCheck(Record):
    """What validation established about one draft."""

    __slots__ = ("draft", "anchors", "located", "readings", "backing", "basis", "verdicts", "outcome", "possible",
                 "permanent_no")

    def __init__(self, draft: Draft):
        self.draft = draft
        self.anchors: dict[int, Anchor] = {}  # evidence index -> where its quote stands
        self.located: list = []  # anchoring problems met while finding the quotes
        self.readings: dict[int, list[Assertion]] = {}  # evidence index -> what its quote asserts
        self.backing: dict[str, list[int]] = {}  # fact path -> evidence indices backing it
        self.basis: dict[str, str] = {}  # fact path -> quoted | derived | sourced | unbacked
        self.verdicts: list[Verdict] = []  # every supports path that is not proved, and why
        self.outcome: str | None = None  # what the Charter gives for the recorded votes, when they settle it
        self.possible: tuple[str, ...] = ()  # the outcomes the recorded votes leave possible
        self.permanent_no: tuple[str, ...] = ()  # permanent members recorded voting no

    @property
    def vetoed_by(self) -> tuple[str, ...]:
        return self.permanent_no if self.draft.status == "vetoed" else ()

    @property
    def not_vetoes(self) -> tuple[str, ...]:
        """Permanent negative votes on a draft that failed anyway: recorded, not vetoes."""
        return self.permanent_no if self.draft.status == "failed" else ()

    def vote_basis(self, code: str) -> str:
        return self.basis.get(f"votes.{code}", UNBACKED)

    def evidence_for(self, path: str) -> tuple[int, ...]:
        """The evidence indices that back a fact (a supports path such as `votes.RUS`), in record order."""
        return tuple(self.backing.get(path, ()))

    def anchor_line(self, index: int) -> int | None:
        """The seed line where evidence `index`'s quote was found, or None (not found, or an outside source)."""
        anchor = self.anchors.get(index)
        return anchor.line if anchor else None


class Coverage(Record):
    """How the seeds' vote sentences are accounted for."""

    __slots__ = ("sentences", "cited", "ignored", "reprinted", "uncovered", "checked")

    def __init__(self):
        self.sentences = 0  # seed sentences that report a vote, veto or draft
        self.cited = 0
        self.ignored = 0
        self.reprinted = 0  # the same sentence as a cited or ignored one, in another seed
        self.uncovered = 0
        self.checked = True  # False when the records file had errors, so coverage was not asked
