"""What validation establishes before any check speaks: where each quote stands, what it
asserts, what backs each fact, the basis of each fact, the Charter's reading of the votes,
how the seeds' vote sentences are accounted for.

`votes.establish` computes these once, in their own pass; the checks in `votes.checks`
read them and yield problems, and nothing here yields or prints. The report and the
export read them through `Validation` (votes.validate).
"""

from __future__ import annotations

from .anchor import Anchor, SeedText
from .charter import Standing
from .model import Draft, Ignore
from .record import Record
from .reader import Assertion

QUOTED, DERIVED, SOURCED, UNBACKED = "quoted", "derived", "sourced", "unbacked"
#: The files a check may need whole, by role (a check's NEEDS, votes.checks).
RECORDS, COUNCIL, MANIFEST = "records", "council", "manifest"
#: ... and, in a check's NEEDS, the facts of each draft: on a draft whose facts did not load
#: whole, the check's problems follow from that (votes.validate folds them into it).
DRAFT_FACTS = "draft facts"


class Placement(Record):
    """Where one quote (of an evidence or an ignore entry) was looked for, and what was found.

    seed: the path as the record wrote it; key: the name the seed is kept under; unsafe: why
    that path cannot name a seed (None when it can); text: the seed, when there is one;
    anchor: where the quote stands in it, or None.
    """

    __slots__ = ("seed", "quote", "key", "unsafe", "text", "anchor")

    def __init__(self, seed: str, quote: str, key: str, unsafe: str | None, text: SeedText | None,
                 anchor: Anchor | None):
        self.seed, self.quote, self.key, self.unsafe, self.text, self.anchor = seed, quote, key, unsafe, text, anchor


class Verdict(Record):
    """Why one supports path of one evidence entry is not proved.

    `at_fact` says where the problem points: at the recorded fact (the fact may be wrong) or
    at the citation (the citation is what is wrong).
    """

    __slots__ = ("index", "claim", "code", "message", "hint", "at_fact")

    def __init__(self, index: int, claim: str, code: str, message: str, hint: str | None, at_fact: bool):
        self.index, self.claim, self.code, self.message, self.hint, self.at_fact = (
            index, claim, code, message, hint, at_fact)


class DraftCheck(Record):
    """What validation established about one draft."""

    __slots__ = ("draft", "placements", "anchors", "readings", "backing", "basis", "verdicts", "standing", "context")

    def __init__(self, draft: Draft):
        self.draft = draft
        self.placements: dict[int, Placement] = {}  # evidence index -> where its quote was looked for
        self.anchors: dict[int, Anchor] = {}  # evidence index -> where its quote stands
        self.readings: dict[int, list[Assertion]] = {}  # evidence index -> what its quote asserts
        self.backing: dict[str, list[int]] = {}  # fact path -> evidence indices backing it
        self.basis: dict[str, str] = {}  # fact path -> quoted | derived | sourced | unbacked
        self.verdicts: list[Verdict] = []  # every supports path that is not proved, and why
        #: the Charter's reading of the recorded votes (None for a draft never voted, or undated)
        self.standing: Standing | None = None
        #: what its supports paths are checked against (votes.backing.DraftContext), once read
        self.context = None

    @property
    def outcome(self) -> str | None:
        """What the Charter gives for the recorded votes, when they settle it."""
        return self.standing.settled if self.standing else None

    @property
    def possible(self) -> tuple[str, ...]:
        """The outcomes the recorded votes leave possible."""
        return self.standing.possible if self.standing else ()

    @property
    def permanent_no(self) -> tuple[str, ...]:
        """Permanent members recorded voting no."""
        return self.standing.permanent_no if self.standing else ()

    @property
    def vetoed_by(self) -> tuple[str, ...]:
        return self.permanent_no if self.draft.status == "vetoed" else ()

    @property
    def not_vetoes(self) -> tuple[str, ...]:
        """Permanent negative votes on a draft that failed anyway, or on a procedural decision:
        recorded, not vetoes."""
        return self.permanent_no if self.draft.status == "failed" or self.draft.procedural else ()

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

    __slots__ = ("sentences", "cited", "ignored", "reprinted", "restated", "uncovered", "checked")

    def __init__(self):
        self.sentences = 0  # seed sentences that report a vote, veto or draft
        self.cited = 0
        self.ignored = 0
        self.reprinted = 0  # the same sentence as a cited or ignored one, in another seed
        self.restated = 0  # a headline whose every statement a record citing its seed holds (votes.headlines)
        self.uncovered = 0
        self.checked = True  # False when the records file had errors, so coverage was not asked


class Facts(Record):
    """Everything established about a project, once, before any check speaks.

    project: what was loaded; texts: each seed as quotes are found in it, by name; reader:
    the quote reader (votes.quotes), which keeps what it read; drafts: each draft's
    `DraftCheck`, hand-checked and imported; ignores: each ignore entry with its placement;
    coverage: the counts of the seeds' vote sentences, and `uncovered` those no record cites
    (name, seed text, sentence); broken: the files (RECORDS, COUNCIL, MANIFEST) that did not
    load whole; damaged: the id of each draft whose facts did not load whole, with the first
    problem that says so.
    """

    __slots__ = ("project", "texts", "reader", "drafts", "ignores", "coverage", "uncovered", "broken", "damaged")

    def __init__(self, project, texts: dict[str, SeedText], reader, drafts: dict[str, DraftCheck],
                 ignores: list[tuple[Ignore, Placement]], coverage: Coverage, uncovered: list,
                 broken: frozenset[str], damaged: dict):
        self.project, self.texts, self.reader, self.drafts = project, texts, reader, drafts
        self.ignores, self.coverage, self.uncovered = ignores, coverage, uncovered
        self.broken, self.damaged = broken, damaged

    def checked(self) -> list[DraftCheck]:
        """The hand-checked drafts, in record order: imported ones never meet the seed checks."""
        return [check for check in self.drafts.values() if check.draft.imported_from is None]
