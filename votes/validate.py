"""`votes validate`: every record proved against the seeds, in both directions.

Five checks, each a generator of `Problem`s (DESIGN.md, "What validated
against the seeds means"):

1. anchoring: each quote is in its seed (`check_evidence`);
2. support: each quote says what it is cited for (`check_support`);
3. consistency: the record obeys the seats and the Charter (`check_consistency`);
4. coverage: every vote sentence of the seeds is cited or ignored (`check_coverage`);
5. drift: the seeds are the bytes the manifest names (`check_drift`).

`validate(project)` runs them all and returns a `Validation`: the problems plus
what the report needs, the anchor of every quote and the basis of every fact.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Callable, Iterator

from .anchor import Anchor, SeedText, normalise, sentences_matching
from .model import ADOPTION_THRESHOLD, SOURCE_PATHS, TALLY_KEYS, Draft, Loc
from .problems import ERROR, WARNING, Problem, sort_key
from .record import Record
from .project import MANIFEST_NAME, Project, seed_name_problem
from .vocabulary import (
    DRAFT_WORDS, REMAINING_WORDS, STANCE_WORDS, STATUS_WORDS, VOTE_WORDS, NameSet, clauses,
    numbers, says_date,
)

QUOTED, DERIVED, SOURCED, UNBACKED = "quoted", "derived", "sourced", "unbacked"
#: A seed sentence that reports a Council vote, veto or draft (check 4).
VOTE_SENTENCE = re.compile(
    r"\bveto(?:es|ed|ing)?\b|\bvot(?:e|es|ed|ing)\b|\babstain\w*|\babstentions?\b|\bdraft(?:s|ed)?\b"
    r"|\bresolutions?\b", re.IGNORECASE)
VOTE_STEMS = ("veto", "vot", "abstain", "abstention", "draft", "resolution")
_PATH = re.compile(r"(votes|positions)\.([A-Za-z]+)|tally\.(yes|no|abstain)|status|drafted_by|date|symbol|meeting")


class DraftCheck(Record):
    """What validation established about one draft."""

    __slots__ = ("draft", "anchors", "backing", "basis", "outcome", "possible", "permanent_no")

    def __init__(self, draft: Draft):
        self.draft = draft
        self.anchors: dict[int, Anchor] = {}  # evidence index -> where its quote stands
        self.backing: dict[str, list[int]] = {}  # fact path -> evidence indices backing it
        self.basis: dict[str, str] = {}  # fact path -> quoted | derived | sourced | unbacked
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


class Validation(Record):
    """The problems found, and what the report needs: each draft's anchors and bases."""

    __slots__ = ("problems", "drafts", "coverage")

    def __init__(self, problems: list[Problem], drafts: dict[str, DraftCheck], coverage: Coverage):
        self.problems, self.drafts, self.coverage = problems, drafts, coverage

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == WARNING]

    def ok(self, strict: bool = False) -> bool:
        return not self.errors and not (strict and self.warnings)

    def to_dict(self) -> dict:
        return {
            "ok": self.ok(),
            "errors": len(self.errors),
            "warnings": len(self.warnings),
            "problems": [p.to_dict() for p in self.problems],
        }


def validate(project: Project, progress: Callable[[int], None] | None = None) -> Validation:
    """Run the five checks over a loaded project.

    `progress`, if given, is called with 1 after each draft (for a progress bar).
    """
    problems = list(project.problems)
    texts = {name: SeedText(seed) for name, seed in project.seeds.items()}
    checks: dict[str, DraftCheck] = {}
    names = _Names(project)
    for draft in project.records.drafts:
        if progress is not None:
            progress(1)
        check = DraftCheck(draft)
        checks[draft.id] = check
        problems += check_evidence(project, draft, texts, check)
        problems += check_support(project, draft, check, names)
        problems += check_consistency(project, draft, check)
        problems += unbacked_facts(project, draft, check)
    coverage = Coverage()
    # Coverage asks whether the records cite every vote sentence; with records that did not
    # load it would report every sentence, burying the one error that matters.
    coverage.checked = not any(p.path == project.records.path and p.severity == ERROR for p in project.problems)
    if coverage.checked:
        problems += check_coverage(project, texts, checks, coverage)
    problems += check_drift(project)
    problems.sort(key=sort_key)
    return Validation(problems, checks, coverage)


# --- 1. anchoring ------------------------------------------------------------------------------

def check_evidence(project: Project, draft: Draft, texts: dict[str, SeedText],
                   check: DraftCheck) -> Iterator[Problem]:
    """Each quote is in its seed; the seed path stays inside the seeds folder."""
    for ev in draft.evidence:
        if ev.source is not None:
            continue
        anchor = yield from locate_quote(project, texts, ev.seed, ev.quote, ev.loc, ev.quote_loc or ev.loc,
                                         f"evidence[{ev.index}].", draft=draft.id)
        if anchor is not None:
            check.anchors[ev.index] = anchor


def locate_quote(project: Project, texts: dict[str, SeedText], seed: str, quote: str, seed_loc: Loc,
                 quote_loc: Loc, prefix: str, *, draft: str | None = None, subject: str | None = None,
                 missing: str = "quote-not-found"):
    """Yield the problems of one (seed, quote) pair, evidence or ignore entry; return its anchor or None."""
    path = project.records.path

    def problem(code, message, loc, field_, hint):
        return Problem(code, message, path, loc.line, loc.col, draft, prefix + field_, hint, subject)

    why = seed_name_problem(seed, project.seeds_dir, texts)
    if why:
        yield problem("seed-path-outside", f"seed path '{seed}' {why}", seed_loc, "seed",
                      f"name a file inside {project.seeds_display}/, such as "
                      f"{next(iter(project.seeds), '000_article.txt')}")
        return None
    text = texts.get(seed.replace("\\", "/"))
    if text is None:
        yield problem("seed-not-found", f"no seed '{seed}' in {project.seeds_display}/", seed_loc, "seed",
                      _seed_hint(seed, texts))
        return None
    anchor = text.find(quote)
    if anchor is None:
        shown = quote if len(quote) <= 80 else quote[:77] + "..."
        closest = text.closest(quote)
        if closest is None:
            hint = "no passage of that seed comes close; is it the right seed?"
        else:
            score, line, passage = closest
            hint = (f"closest passage, {project.seed_display(seed)}:{line} ({score:.0f}% similar): "
                    f"{passage.strip()!r}")
        yield problem(missing, f"quote not found in {seed}: {shown!r}", quote_loc, "quote", hint)
        return None
    if anchor.how == "case":
        yield problem("quote-case", f"the quote matches {seed}:{anchor.line} only if letter case is ignored",
                      quote_loc, "quote", f"copy the passage as it stands: {text.seed.text[anchor.start:anchor.end]!r}")
    return anchor


def _seed_hint(name: str, texts: dict[str, SeedText]) -> str:
    import difflib

    close = difflib.get_close_matches(name, list(texts), n=1, cutoff=0.5)
    return f"did you mean '{close[0]}'?" if close else f"seeds: {', '.join(sorted(texts)) or 'none'}"


# --- 2. support --------------------------------------------------------------------------------

class _Names:
    """Member name patterns, built once per run."""

    def __init__(self, project: Project):
        self.council = project.council
        self._cache: dict[str, NameSet] = {}

    def pattern(self, code: str) -> NameSet:
        if code not in self._cache:
            member = self.council.members.get(code)
            names = [member.name, *member.names] if member else [code]
            # normalised as quotes are, so that "Côte d’Ivoire" names the member in "Côte d'Ivoire"
            self._cache[code] = NameSet([normalise(name) for name in names])
        return self._cache[code]

    def label(self, code: str) -> str:
        member = self.council.members.get(code)
        return member.name if member else code


def check_support(project: Project, draft: Draft, check: DraftCheck,
                  names: _Names | None = None) -> Iterator[Problem]:
    """Each supports path names a fact of the record, and the quote's words carry it."""
    names = names or _Names(project)
    path = project.records.path
    facts = set(draft.facts())
    cited_members = {p.split(".", 1)[1] for ev in draft.evidence for p in ev.supports
                     if p.startswith("votes.") and p != "votes.others"}
    others = [c for c in draft.votes if c not in cited_members]
    for ev in draft.evidence:
        anchored = ev.source is not None or ev.index in check.anchors
        said = _spoken(ev.quote) if ev.quote is not None else ""
        for claim, loc in zip(ev.supports, ev.supports_locs or (ev.loc,) * len(ev.supports)):
            def problem(code, message, hint=None, _claim=claim, _loc=loc):
                return Problem(code, message, path, _loc.line, _loc.col, draft.id, _claim, hint)

            match = _PATH.fullmatch(claim)
            if match is None:
                yield problem("supports-invalid", f"'{claim}' is not a fact path",
                              "use votes.<CODE>, votes.others, tally.yes|no|abstain, status, drafted_by, "
                              "positions.<CODE>, date, symbol or meeting")
                continue
            if claim == "votes.others":
                if not others:
                    yield problem("supports-no-fact", "votes.others stands for no member: every recorded vote "
                                  "is cited by its own votes.<CODE> path", "remove votes.others")
                    continue
            elif claim not in facts:
                yield problem("supports-no-fact", f"the record has no fact '{claim}'",
                              f"record the fact first, or cite one of: {', '.join(sorted(facts))}")
                continue
            if ev.source is not None:
                if claim not in SOURCE_PATHS:
                    yield problem("source-not-allowed", f"an outside source cannot back '{claim}'",
                                  "votes, tallies, status, drafters and stances must be proved by a seed quote; "
                                  "outside sources back only symbol, meeting and date")
                    continue
                check.backing.setdefault(claim, []).append(ev.index)
                continue
            if not anchored:
                continue  # the quote itself is already an error
            failure = _says(claim, draft, said, names, others)
            if failure is not None:
                code, message, hint = failure
                message = f"evidence[{ev.index}] (line {ev.loc.line}) {message}"
                if code == "support-member":  # the citation is what is wrong
                    yield problem(code, message, hint)
                else:  # the fact may be what is wrong: point at it
                    at = draft.loc_of("votes" if claim == "votes.others" else claim)
                    yield Problem(code, message, path, at.line, at.col, draft.id, claim, hint)
                continue
            if claim == "votes.others":
                for code in others:
                    check.backing.setdefault(f"votes.{code}", []).append(ev.index)
                check.backing.setdefault("votes.others", []).append(ev.index)
            else:
                check.backing.setdefault(claim, []).append(ev.index)
    _assign_basis(draft, check, others, project)


def _spoken(quote: str) -> str:
    """The words a quote says: normalised, its `...` gaps kept as clause breaks."""
    return normalise(re.sub(r"\s*(?:\.\.\.|\u2026)\s*", " ; ", quote))


def _vote_clause(text: str, pattern: NameSet, vote: str) -> str | None:
    """None when some clause naming the member carries this vote alone; else the failing code."""
    naming = [c for c in clauses(text) if pattern.search(c)]
    if not naming:
        return "support-member"
    for clause in naming:
        carried = {level for level, words in VOTE_WORDS.items() if words.search(clause)}
        if carried == {vote}:
            return None
    if any(VOTE_WORDS[vote].search(c) for c in naming):
        return "support-vote-conflict"
    return "support-vote"


def _says(claim: str, draft: Draft, text: str, names: _Names, others: list[str]):
    """Why the quote does not say the claim, as (code, message, hint), or None when it does."""
    head, _, rest = claim.partition(".")
    if head == "votes" and rest != "others":
        vote = draft.votes[rest]
        failed = _vote_clause(text, names.pattern(rest), vote)
        label = names.label(rest)
        if failed == "support-member":
            return (failed, f"does not name {label} ({rest})",
                    f"cite a quote naming {label}, or add the name the seed uses to {rest}'s names in council.yaml")
        if failed == "support-vote-conflict":
            return (failed, f"names {label} in a clause that carries words of another vote too",
                    "cite the sentence that ties this member to its vote alone")
        if failed:
            return (failed, f"names {label} but carries no word of '{vote}' in the same clause",
                    f"words of '{vote}': {VOTE_WORDS[vote].shown()}; is the vote right?")
        return None
    if claim == "votes.others":
        shared = {draft.votes[c] for c in others}
        if len(shared) > 1:
            listing = ", ".join(f"{c} {draft.votes[c]}" for c in others)
            return ("support-others", f"votes.others stands for members who did not all vote alike: {listing}",
                    "cite the differing members with their own votes.<CODE> paths")
        vote = shared.pop()
        for clause in clauses(text):
            if VOTE_WORDS[vote].search(clause) and (len(others) in numbers(clause) or REMAINING_WORDS.search(clause)):
                return None
        return ("support-others",
                f"votes.others stands for {len(others)} members voting '{vote}', but no clause carries "
                f"'{vote}' with the number {len(others)} or a word such as 'remaining'",
                f"members it stands for: {', '.join(others)}; check the vote and the count")
    if head == "tally":
        count = draft.tally[rest]
        for clause in clauses(text):
            if VOTE_WORDS[rest].search(clause) and count in numbers(clause):
                return None
        return ("support-tally", f"has no clause with the number {count} and a word of '{rest}'",
                "is the tally right? the number may be in digits or words (11, eleven)")
    if claim == "status":
        if STATUS_WORDS[draft.status].search(text):
            return None
        return ("support-status", f"carries no word of '{draft.status}'",
                f"words of '{draft.status}': {STATUS_WORDS[draft.status].shown()}")
    if claim == "drafted_by":
        missing = [c for c in draft.drafted_by if not names.pattern(c).search(text)]
        if missing:
            return ("support-drafter", f"does not name drafter {', '.join(missing)}",
                    "cite a quote that names every drafter, or correct drafted_by")
        if not DRAFT_WORDS.search(text):
            return ("support-drafter", "carries no word of drafting (drafted, prepared, proposed, text ...)", None)
        return None
    if head == "positions":
        # A stance is often said in a sentence after the one naming the speaker, so the
        # whole quote counts here, not one clause.
        stance = draft.positions[rest]
        if not names.pattern(rest).search(text):
            return ("support-member", f"does not name {names.label(rest)} ({rest})",
                    "quote the speaker's name too, joining the sentences with '...'")
        if STANCE_WORDS[stance].search(text):
            return None
        return ("support-stance", f"names {names.label(rest)} but carries no word of '{stance}' beside it",
                f"words of '{stance}': {STANCE_WORDS[stance].shown()}")
    if claim == "date":
        if says_date(text, draft.date):
            return None
        return ("support-date", f"does not carry the date {draft.date.isoformat()} (day and month, month and "
                f"year, or its weekday {draft.date.strftime('%A')})", "cite an outside source for an exact date")
    if claim in ("symbol", "meeting"):
        value = getattr(draft, claim)
        if normalise(value) in text:
            return None
        return ("support-text", f"does not contain the {claim} '{value}'",
                f"cite an outside source for the {claim}, such as the UN Digital Library")
    return None


def _assign_basis(draft: Draft, check: DraftCheck, others: list[str], project: Project) -> None:
    backing = check.backing
    for claim in draft.facts():
        indices = backing.get(claim, [])
        if not indices:
            check.basis[claim] = UNBACKED
        elif all(draft.evidence_by_index(i).source is not None for i in indices):
            check.basis[claim] = SOURCED
        else:
            check.basis[claim] = QUOTED
    via_others = set(backing.get("votes.others", []))
    for code in draft.votes:
        indices = set(backing.get(f"votes.{code}", []))
        if indices and indices <= via_others and code in others:
            check.basis[f"votes.{code}"] = DERIVED
    # A tally backed by no quote is derived when it counts complete, backed votes.
    seats = project.council.seated(draft.year) if draft.year else None
    complete = bool(seats) and set(seats) <= set(draft.votes)
    votes_backed = all(check.basis.get(f"votes.{c}") in (QUOTED, DERIVED) for c in draft.votes)
    if draft.tally and complete and votes_backed:
        counts = Counter(draft.votes.values())
        for key in draft.tally:
            if check.basis.get(f"tally.{key}") == UNBACKED and counts[key] == draft.tally[key]:
                check.basis[f"tally.{key}"] = DERIVED


def unbacked_facts(project: Project, draft: Draft, check: DraftCheck) -> Iterator[Problem]:
    """A fact that no evidence cites at all (one cited by a failing quote is already an error)."""
    cited = {p for ev in draft.evidence for p in ev.supports}
    if "votes.others" in cited:
        cited |= {f"votes.{c}" for c in draft.votes}
    for claim in draft.facts():
        if check.basis.get(claim) == UNBACKED and claim not in cited:
            loc = draft.loc_of(claim)
            yield Problem("fact-unbacked", f"no evidence backs {claim}", project.records.path, loc.line, loc.col,
                          draft.id, claim, "add an evidence entry whose quote says it, with this path in supports")


# --- 3. consistency ----------------------------------------------------------------------------

def check_consistency(project: Project, draft: Draft, check: DraftCheck) -> Iterator[Problem]:
    """Seats, tallies and the outcome the Charter gives."""
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
                          f"add the fifteen members of {draft.year} under seats:")
    else:
        for code in draft.votes:
            if code not in seats:
                yield problem("member-not-seated", f"votes.{code}",
                              f"{code} did not sit on the Council in {draft.year}",
                              f"members in {draft.year}: {', '.join(seats)}")
    counts = Counter(draft.votes.values())
    tally = draft.tally or {}
    if draft.status == "not-voted":
        if draft.votes or draft.tally is not None:
            claim = "votes" if draft.votes else "tally"
            yield problem("not-voted-has-votes", claim, "a draft never put to a vote carries votes or a tally",
                          "remove them, or change the status to the vote's outcome")
        return
    seated = set(seats) if seats else None
    known = set(draft.votes) & seated if seated else set(draft.votes)
    unknown = len(seated - known) if seated else max(15 - len(known), 0)
    complete = seated is not None and unknown == 0
    for key in TALLY_KEYS:
        if key not in tally:
            continue
        counted = counts[key]
        if complete and counted != tally[key]:
            yield problem("tally-mismatch", f"tally.{key}",
                          f"tally.{key} is {tally[key]} but the votes count {counted} {key}",
                          f"members voting {key}: {_members_voting(draft, key) or 'none'}")
        elif not complete and counted > tally[key]:
            yield problem("tally-mismatch", f"tally.{key}",
                          f"tally.{key} is {tally[key]} but {counted} members are already recorded voting {key}",
                          f"members voting {key}: {_members_voting(draft, key)}")
    if seated is not None and sum(tally.values()) + counts["absent"] > len(seated):
        yield problem("tally-mismatch", "tally", f"the tally adds up to more than the {len(seated)} members seated",
                      None)
    if draft.status is None:
        return
    permanent = [c for c in (seated or council.members) if council.is_permanent(c)]
    check.permanent_no = tuple(sorted(c for c, v in draft.votes.items() if v == "no" and council.is_permanent(c)))
    permanent_unknown = any(c not in draft.votes for c in permanent)
    if "yes" in tally:
        low = high = tally["yes"]
    else:
        low, high = counts["yes"], counts["yes"] + unknown
    possible = []
    if high >= ADOPTION_THRESHOLD and not check.permanent_no:
        possible.append("adopted")
    if high >= ADOPTION_THRESHOLD and (check.permanent_no or permanent_unknown):
        possible.append("vetoed")
    if low < ADOPTION_THRESHOLD:
        possible.append("failed")
    check.possible = tuple(possible)
    if len(possible) == 1:
        check.outcome = possible[0]
    if draft.status not in possible:
        yield problem("status-mismatch", "status", f"status is '{draft.status}' but the votes give "
                      f"{' or '.join(repr(p) for p in possible)}: {_outcome_reason(low, high, check.permanent_no)}",
                      "the Charter: adopted with nine or more yes and no permanent no; vetoed with nine or more "
                      "yes and a permanent no; failed with fewer than nine yes (a permanent no is then no veto)")


def _members_voting(draft: Draft, level: str) -> str:
    return ", ".join(c for c, v in draft.votes.items() if v == level)


def _outcome_reason(low: int, high: int, permanent_no: tuple[str, ...]) -> str:
    yes = f"{low} yes" if low == high else f"{low} to {high} yes"
    if permanent_no:
        return f"{yes}, permanent no from {', '.join(permanent_no)}"
    return f"{yes}, no permanent no recorded"


# --- 4. coverage -------------------------------------------------------------------------------

def check_coverage(project: Project, texts: dict[str, SeedText], checks: dict[str, DraftCheck],
                   coverage: Coverage) -> Iterator[Problem]:
    """Every seed sentence that reports a vote, veto or draft is cited or ignored."""
    cited: dict[str, list[tuple[int, int]]] = {}
    for draft in project.records.drafts:
        for ev in draft.evidence:
            anchor = checks[draft.id].anchors.get(ev.index)
            if anchor is not None:
                cited.setdefault(ev.seed.replace("\\", "/"), []).append((anchor.start, anchor.end))
    ignored: dict[str, list[tuple[int, int]]] = {}
    for entry in project.records.ignores:
        anchor = yield from locate_quote(project, texts, entry.seed, entry.quote, entry.loc, entry.quote_loc, "",
                                         subject=f"ignore[{entry.index}]", missing="ignore-not-found")
        if anchor is None:
            continue
        ignored.setdefault(entry.seed.replace("\\", "/"), []).append((anchor.start, anchor.end))
    pending = []
    covered_texts: set[str] = set()
    for name, text in texts.items():
        for sentence in sentences_matching(text.seed.text, VOTE_STEMS, VOTE_SENTENCE):
            coverage.sentences += 1
            key = normalise(sentence.text)
            if _overlaps(cited.get(name, ()), sentence):
                coverage.cited += 1
                covered_texts.add(key)
            elif _overlaps(ignored.get(name, ()), sentence):
                coverage.ignored += 1
                covered_texts.add(key)
            else:
                pending.append((name, text, sentence, key))
    for name, text, sentence, key in pending:
        if key in covered_texts:
            coverage.reprinted += 1
            continue
        coverage.uncovered += 1
        shown = sentence.text if len(sentence.text) <= 120 else sentence.text[:117] + "..."
        yield Problem("seed-uncovered", f"reports a Council vote, veto or draft that no record cites: {shown!r}",
                      project.seed_display(name), text.seed.line_of(sentence.start), text.seed.col_of(sentence.start),
                      None, None, "cite it as evidence in a record, or add an ignore entry with the reason",
                      f"seed {name}")


def _overlaps(spans, sentence) -> bool:
    return any(start < sentence.end and sentence.start < end for start, end in spans)


# --- 5. drift ----------------------------------------------------------------------------------

def check_drift(project: Project) -> Iterator[Problem]:
    """The seeds are the bytes the manifest records."""
    manifest_path = project.seed_display(MANIFEST_NAME)
    if project.manifest is None:
        yield Problem("manifest-missing", f"no {MANIFEST_NAME} in {project.seeds_display}/, so a changed seed "
                      "would go unnoticed", manifest_path, 1, 1, None, None,
                      "run `votes manifest` and save its output there", "seeds")
        return
    for name, seed in project.seeds.items():
        entry = project.manifest.entries.get(name)
        if entry is None:
            yield Problem("seed-unlisted", f"{name} is not listed in {MANIFEST_NAME}", project.seed_display(name),
                          1, 1, None, None, "add it: run `votes manifest` and copy its entry", f"seed {name}")
        elif entry.sha256 != seed.sha256:
            yield Problem("seed-changed", f"the bytes of {name} changed since the records were checked "
                          f"(SHA-256 {seed.sha256[:12]}..., manifest {entry.sha256[:12]}...)",
                          project.seed_display(name), 1, 1, None, None,
                          "restore the seed as received; if the change is meant, re-check every quote from it, "
                          f"then update its sha256 in {MANIFEST_NAME}", f"seed {name}")
    for name, entry in project.manifest.entries.items():
        if name not in project.seeds:
            yield Problem("seed-missing", f"{name} is listed in {MANIFEST_NAME} but is not in "
                          f"{project.seeds_display}/", project.manifest.path, entry.loc.line, entry.loc.col,
                          None, None, "restore the file, or remove its entry", f"seed {name}")
