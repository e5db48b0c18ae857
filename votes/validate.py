"""`votes validate`: every record proved against the seeds, in both directions.

The facts come first, in their own pass (votes.establish): where each quote stands, what
it asserts, what backs each fact, the outcome the Charter gives, how the seeds' vote
sentences are accounted for. Then each check of the registry (votes.checks) reads them
and yields `Problem`s; no check leaves state for another. A file that did not load whole
stops the checks that need it, and what follows from a draft's facts not loading whole
is folded into the problem that says so. `validate(project)` returns a `Validation`: the
problems, plus the facts the report needs.
"""

from __future__ import annotations

from typing import Callable

from .checks import REGISTRY, identity
from .establish import establish
from .facts import COUNCIL, DRAFT_FACTS, MANIFEST, RECORDS, Coverage, DraftCheck
from .errors import DataRefused
from .problems import ERROR, MISSHAPEN, WARNING, Problem, sort_key
from .project import MANIFEST_NAME, Project, paused_gc
from .quotes import EarlyReading
from .record import Record

#: The checks made side by side with the others over a long history (`_checked`): draft identity
#: reads the date words of every cited sentence again, and costs about as much as all the others
#: together (3.1 of 6.3 s at 30,000 generated drafts, as a first run).
APART = (identity,)
#: From this many drafts: below it, the fork and the pickled problems cost more than the check
#: (draft identity takes about 0.1 s at 1,000 drafts).
APART_FROM = 1000


class Validation(Record):
    """The problems found, and what the report needs: each draft's anchors and bases.

    stopped: the checks a broken file kept from running, as (what the check checks, the file's path).
    """

    __slots__ = ("problems", "drafts", "coverage", "stopped")

    def __init__(self, problems: list[Problem], drafts: dict[str, DraftCheck], coverage: Coverage,
                 stopped: tuple[tuple[str, str], ...] = ()):
        self.problems, self.drafts, self.coverage, self.stopped = problems, drafts, coverage, stopped

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == WARNING]

    def ok(self, strict: bool = False) -> bool:
        return not self.errors and not (strict and self.warnings)

    def draft(self, draft_id: str) -> DraftCheck | None:
        """What validation established about one draft, or None for a draft it did not see."""
        return self.drafts.get(draft_id)

    def uncovered_by_seed(self) -> dict[str, int]:
        """How many vote sentences of each seed no record cites and no ignore entry names."""
        counts: dict[str, int] = {}
        for problem in self.problems:
            if problem.code == "seed-uncovered" and problem.subject:
                name = problem.subject.removeprefix("seed ")
                counts[name] = counts.get(name, 0) + 1
        return counts

    def to_dict(self) -> dict:
        data = {
            "ok": self.ok(),
            "errors": len(self.errors),
            "warnings": len(self.warnings),
            "problems": [p.to_dict() for p in self.problems],
        }
        if self.stopped:
            data["not_checked"] = [{"check": name, "until": path} for name, path in self.stopped]
        return data


def refuse_misshapen(validation: Validation, doing: str) -> None:
    """Raise DataRefused with the errors that leave a file unread or the records misshapen: what
    `export`, `show` and `power` cannot stand on. `doing`: what is refused, as its message begins."""
    blocking = [p for p in validation.errors if p.code in MISSHAPEN]
    if blocking:
        raise DataRefused(f"{doing}: the data cannot be read whole; fix the errors above", blocking)


def validate(project: Project, progress: Callable[[int], None] | None = None,
             early: EarlyReading | None = None) -> Validation:
    """Establish the facts, then run the registry's checks over them.

    `progress`, if given, is called with 1 after each draft (for a progress bar); `early`: the
    seeds' vote sentences being read while the project loaded (votes.quotes.read_early).
    """
    with paused_gc():
        facts = establish(project, progress, early)
        problems = list(project.problems)
        follow_ons: list[Problem] = []
        stopped = []
        runs = []
        for check in REGISTRY:
            broken = [need for need in check.NEEDS if need in facts.broken]
            if broken:
                stopped.append((check.NAME, _path_of(project, broken[0])))
            else:
                runs.append(check)
        for check, found in zip(runs, _checked(facts, runs, len(project.records.drafts))):
            if DRAFT_FACTS in check.NEEDS and facts.damaged:
                follow_ons += [p for p in found if p.draft in facts.damaged]
                found = [p for p in found if p.draft not in facts.damaged]
            problems += found
        if facts.reader is not None:
            facts.reader.keep(project.seeds)  # every passage the checks read, for the next run (votes.cache)
        problems = fold_follow_ons(problems, follow_ons, facts.damaged)
        problems.sort(key=sort_key)
        return Validation(problems, facts.drafts, facts.coverage, tuple(stopped))


def _checked(facts, checks, drafts: int) -> list[list[Problem]]:
    """What each check finds, in the order given. Over a long history (APART_FROM drafts) the checks
    of APART are made in a child process forked where a processor is free (votes.forking), while
    this process makes the others: a check is a pure function of the facts, so its problems are the
    same either way. Where the fork or the child fails, the check is made here."""
    if drafts < APART_FROM:
        return [list(check.check(facts)) for check in checks]
    from .forking import Child, side_by_side  # forking, pickling: not for a short history's start-up

    children = {check: Child(lambda check=check: list(check.check(facts)))
                for check in checks if check in APART} if side_by_side() else {}
    try:
        found = {check: list(check.check(facts)) for check in checks if check not in children}
        for check, child in children.items():
            done, problems = child.result()
            found[check] = problems if done else list(check.check(facts))
    except BaseException:
        for child in children.values():
            child.stop()
        raise
    return [found[check] for check in checks]


def fold_follow_ons(problems: list[Problem], follow_ons: list[Problem], roots: dict[str, Problem]) -> list[Problem]:
    """The problems, with each follow-on folded into the load problem of its draft (`roots`, by draft id).

    The root is copied, not changed: the project's own problems stay as they were loaded.
    """
    if not follow_ons:
        return problems
    folded: dict[str, list[Problem]] = {}
    for problem in follow_ons:
        folded.setdefault(problem.draft, []).append(problem)
    out = []
    for problem in problems:
        draft = problem.draft
        if draft in folded and roots.get(draft) is problem:
            problem = problem.folding(sorted(folded.pop(draft), key=sort_key))
        out.append(problem)
    return out


def _path_of(project: Project, role: str) -> str:
    return {RECORDS: project.records.path, COUNCIL: project.council.path,
            MANIFEST: project.seed_display(MANIFEST_NAME)}[role]
