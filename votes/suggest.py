"""`votes suggest SEED`: records proposed from what the reader finds in an article.

The reader's factual assertions are grouped by the draft they are about, and each group is
filled into a proposed record (votes.proposals). A proposal about a draft already recorded
(the same symbol; or the same date, drafters and outcome) becomes evidence for that record
instead of a second record. Then, in memory, the proposals are checked by the validator's own
facts and checks, and every supports path they do not back is dropped, so that pasted as it is
a suggestion has no error; what cannot be settled that way (no outcome stated, no date) is said
before the proposal is shown. Names the reader finds in a vote list that council.yaml does not
know are warned of, so the user can add them. `append` writes it all into the records file,
keeping every byte the user wrote, after one validation of the whole file.
"""

from __future__ import annotations

import copy
import datetime as dt
from pathlib import Path

from .backing import procedural_as_fact
from .errors import VotesError
from .model import Draft
from .problems import ERROR
from .project import Project, records_from_text
from .proposals import Proposal, fill, group
from .quotes import read_seed
from .record import Record
from .records_text import draft_yaml, drafts_yaml, evidence_yaml, ignores_yaml, insert_drafts, insert_evidence
from .reader import COUNT, DRAFTED, FACT, OUTCOME, REPORTED, REST, VETO, VOTE, Reading
from .reader.language import english_only
from .seed_paths import seed_key
from .vote_words import reports_a_vote, vote_sentences

#: At most this many rounds of dropping what the validator does not accept (each round can only drop).
_ROUNDS = 3


class Addition(Record):
    """Evidence from the article for a draft already recorded, and why it is that draft."""

    __slots__ = ("draft", "evidence", "why")

    def __init__(self, draft: Draft, evidence: list[tuple[str, list[str]]], why: str):
        self.draft, self.evidence, self.why = draft, evidence, why


class Suggestion(Record):
    """What `votes suggest` proposes for one seed."""

    __slots__ = ("seed", "proposals", "additions", "ignores", "warnings")

    def __init__(self, seed: str):
        self.seed = seed
        self.proposals: list[tuple[str, Proposal]] = []  # (id, proposal) of the new drafts
        self.additions: list[Addition] = []
        self.ignores: list[tuple[str, str]] = []  # (sentence, reason to review)
        self.warnings: list[str] = []

    @property
    def empty(self) -> bool:
        return not (self.proposals or self.additions)


def suggest(project: Project, seed: str, vote_date: dt.date | None = None) -> Suggestion:
    """Proposed records (and evidence for records already there) for the votes a seed reports.
    `vote_date`: the day of the vote the researcher knows (from the UN record), for a draft whose
    date no sentence gives in full."""
    name, readings = read_seed(project, seed)
    out = Suggestion(name)
    text = project.seeds[name].text
    entry = project.manifest.entries.get(name) if project.manifest is not None else None
    published = entry.published if entry is not None else None
    if published is None and entry is not None and entry.url:  # a date its web address bears
        from .articles import url_date

        published = url_date(entry.url)
    readings, procedural = procedural_facts(readings)
    proposals = group(readings)
    hearsay = any(a.mode == REPORTED and a.kind in (VOTE, VETO, COUNT, REST, OUTCOME)
                  for reading in readings for a in reading.assertions)
    for proposal in proposals:
        fill(proposal, project.council, text, published, hearsay, vote_date, procedural)
    proposals = [p for p in proposals if p.votes or p.tally or p.drafters or p.status not in (None, "not-voted")]
    out.warnings += unknown_names(readings)
    foreign = english_only(text)
    if foreign is not None:
        out.warnings.append(f"{name}: {foreign}")
    taken = {d.id for d in project.records.drafts}
    for proposal in proposals:
        match = recorded_draft(project, proposal)
        if match is not None:
            draft, why = match
            cited = {ev.quote for ev in draft.evidence if ev.seed and seed_key(ev.seed) == name}
            evidence = [(q, s) for q, s in proposal.evidence if q not in cited]
            if evidence:
                out.additions.append(Addition(draft, evidence, why))
        else:
            out.proposals.append((unique_id(proposal, taken), proposal))
    prune(project, out)
    out.ignores = uncited(project, out, readings)
    return out




def procedural_facts(readings: list[Reading]) -> tuple[list[Reading], bool]:
    """The readings with what they state of a vote called procedural read as fact (such a vote is a
    draft's own, marked `procedural: true`), and whether the article calls a vote procedural. Copies:
    readings are shared between runs."""
    # a sentence that calls a Council vote procedural: "The vote ... was procedural so Russia could not
    # wield its veto", "India abstained from a procedural vote"
    from .reader.chunker import says_procedural

    if not any(says_procedural(r.text) for r in readings):
        return readings, False
    out = []
    for reading in readings:
        facts = procedural_as_fact(reading.assertions)
        if facts is not reading.assertions:
            reading = copy.copy(reading)
            reading.assertions = facts
        out.append(reading)
    return out, True


def unknown_names(readings: list[Reading]) -> list[str]:
    """A warning for each name a vote list holds that council.yaml does not know."""
    seen: dict[str, None] = {}
    for reading in readings:
        for name, _, _ in reading.unknown:
            seen.setdefault(name)
    return [f"'{name}' stands in a vote list, and council.yaml knows no member of that name: add it to the member's "
            "names (`votes council YEAR` lists the members of a year), then suggest again" for name in seen]


def recorded_draft(project: Project, proposal: Proposal) -> tuple[Draft, str] | None:
    """The draft already recorded that a proposal is about: the same symbol, or the same date with
    drafters and outcome that do not differ (one record per vote)."""
    if proposal.symbol:
        for draft in project.records.drafts:
            if draft.symbol and draft.symbol.strip().casefold() == proposal.symbol.casefold():
                return draft, f"the same symbol {proposal.symbol}"
    if proposal.date is None:
        return None
    found = []
    for draft in project.records.drafts:
        if draft.date != proposal.date or draft.imported_from is not None:
            continue
        if proposal.drafters and draft.drafted_by and not set(proposal.drafters) <= set(draft.drafted_by):
            continue
        if proposal.status and draft.status and proposal.status != draft.status:
            continue
        if any(draft.votes.get(code, vote) != vote for code, vote in proposal.votes.items()):
            continue
        if not proposal.drafters and not (proposal.votes or proposal.status):
            continue
        found.append(draft)
    if len(found) == 1:
        return found[0], "the same date, drafters and outcome"
    return None


def unique_id(proposal: Proposal, taken: set[str]) -> str:
    head = "-".join(c.lower() for c in proposal.drafters) or "draft"
    when = proposal.date.strftime("%Y-%m") if proposal.date else "undated"
    base = f"{head}-{proposal.status}-{when}" if proposal.status else f"{head}-{when}"
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    taken.add(candidate)
    return candidate


def uncited(project: Project, out: Suggestion, readings: list[Reading]) -> list[tuple[str, str]]:
    """The seed's vote sentences nothing proposed quotes and no ignore entry covers: (sentence, reason to review)."""
    name = out.seed
    text = project.seeds[name].text
    quoted = {quote for _, p in out.proposals for quote, _ in p.evidence}
    quoted |= {quote for a in out.additions for quote, _ in a.evidence}
    quoted |= {ev.quote for d in project.records.drafts for ev in d.evidence if ev.seed and seed_key(ev.seed) == name}
    ignored = [e.quote for e in project.records.ignores if seed_key(e.seed) == name]
    said = {r.text: r for r in readings}
    found = []
    for sentence in vote_sentences(text):
        if sentence.text in quoted or any(q and q in sentence.text for q in ignored):
            continue
        reading = said.get(sentence.text.replace("\n", " "))
        assertions = reading.assertions if reading else []
        if not reports_a_vote(sentence.text, lambda: (bool(assertions), any(a.mode == FACT for a in assertions))):
            continue  # "Russia's envoy spoke before the vote": no vote the records must account for
        stated = "; ".join(a.describe() for a in assertions if a.kind != DRAFTED)
        reason = f"TODO: why this is no record (the reader finds: {stated})" if stated else \
            "TODO: why this is no record (the reader finds no vote stated in it)"
        found.append((sentence.text, reason))
    return found


# --- checking, in memory -------------------------------------------------------------------------

def records_text(project: Project, out: Suggestion) -> str:
    """The records file's text with the suggestion in it: new drafts at the end of `drafts:`,
    evidence at the end of each recorded draft's list (from the last draft up, so lines keep)."""
    path = Path(project.records.path)
    current = path.read_text(encoding="utf-8") if path.is_file() else ""
    for addition in sorted(out.additions, key=lambda a: -a.draft.loc.line):
        current = insert_evidence(current, addition.draft.loc.line, evidence_yaml(out.seed, addition.evidence))
    if out.proposals:
        current = insert_drafts(current, drafts_yaml(out.seed, out.proposals))
    return current


def project_with(project: Project, text: str) -> Project:
    """The project with these records, read from the text in memory (no file is written)."""
    records, problems = records_from_text(text, project.records.path, project.council,
                                          not any(p.path == project.council.path and p.severity == ERROR
                                                  for p in project.problems))
    kept = [p for p in project.problems if p.path != project.records.path]
    return Project(records, project.council, project.seeds_dir, project.seeds, project.manifest, kept + problems)


def prune(project: Project, out: Suggestion) -> None:
    """Drop each supports path the validator does not accept, and each sentence whose assertions
    contradict the record, reading only the proposed records and the records they add to; then
    say, for each proposal, what still keeps it from validating."""
    from .checks import contradictions, identity
    from .establish import establish

    for _ in range(_ROUNDS):
        small = _only_the_suggested(project, out)
        facts = establish(small)
        against = {(p.draft, _evidence_index(p)) for check in (contradictions, identity) for p in check.check(facts)}
        changed = False
        for draft_id, evidence, first in _suggested_evidence(out):
            check = facts.drafts.get(draft_id)
            if check is None:
                continue
            for offset, (_, supports) in enumerate(evidence):
                index = first + offset
                keep = [c for c in supports if index in check.backing.get(c, ()) and (draft_id, index) not in against]
                if keep != supports:
                    supports[:] = keep
                    changed = True
            before = len(evidence)
            evidence[:] = [(q, s) for q, s in evidence if s]
            changed = changed or len(evidence) != before
        out.additions = [a for a in out.additions if a.evidence]
        if not changed:
            break


def _only_the_suggested(project: Project, out: Suggestion) -> Project:
    """A project of just the suggested drafts and the recorded drafts given evidence (in memory)."""
    from .records_text import draft_block

    path = Path(project.records.path)
    current = path.read_text(encoding="utf-8") if path.is_file() else ""
    blocks = []
    for addition in out.additions:
        block = draft_block(current, addition.draft.loc.line)
        blocks.append(insert_evidence(block, 1, evidence_yaml(out.seed, addition.evidence)))
    text = "drafts:\n" + "".join(blocks) + drafts_yaml(out.seed, out.proposals)
    return project_with(project, text)


def _suggested_evidence(out: Suggestion):
    """(draft id, its suggested evidence list, the index of the first of them) for every draft touched."""
    for draft_id, proposal in out.proposals:
        yield draft_id, proposal.evidence, 0
    for addition in out.additions:
        yield addition.draft.id, addition.evidence, len(addition.draft.evidence)


def _evidence_index(problem) -> int | None:
    for part in (problem.field or "", problem.message):
        if "evidence[" in part:
            digits = part.split("evidence[", 1)[1].split("]", 1)[0]
            if digits.isdigit():
                return int(digits)
    return None


def check(project: Project, out: Suggestion) -> tuple[str, list]:
    """The records text with the suggestion in it, and the errors the suggestion would add: one
    validation of the whole file, in memory."""
    from .validate import validate

    text = records_text(project, out)
    validation = validate(project_with(project, text))
    new_ids = {draft_id for draft_id, _ in out.proposals}
    firsts = {a.draft.id: len(a.draft.evidence) for a in out.additions}
    added = []
    for problem in validation.errors:
        if problem.code.startswith("yaml-"):
            added.append(problem)  # the project loaded before: the text as it would be written does not
            continue
        index = _evidence_index(problem)
        if problem.draft in new_ids or (problem.draft in firsts and index is not None and index >= firsts[problem.draft]):
            added.append(problem)
    for draft_id, proposal in out.proposals:
        proposal.problems += [p.to_line() for p in added if p.draft == draft_id and p.to_line() not in proposal.problems]
    return text, added


def append(project: Project, out: Suggestion) -> Path:
    """Write the suggestion (and its ignore entries) into the records file, atomically, and only if it
    adds no error; the one validation is of the whole file as it would be written."""
    from .output import write_atomic

    text, added = check(project, out)
    if added:
        raise VotesError(f"not appending: the suggestion would add {len(added)} error(s), the first: "
                         f"{added[0].to_line()}")
    if out.ignores:
        text = insert_drafts(text, ignores_yaml(out.seed, out.ignores), key="ignore")
    path = Path(project.records.path)
    write_atomic(path, text)
    return path


# --- as text ------------------------------------------------------------------------------------------

def suggestion_yaml(out: Suggestion) -> str:
    """What `votes suggest` prints: the new drafts, the evidence for drafts already recorded, then the
    ignore entries, each under its key or with where to paste it."""
    parts = []
    if out.proposals:
        parts.append("drafts:\n" + drafts_yaml(out.seed, out.proposals))
    for addition in out.additions:
        lines = [f"# evidence for draft {addition.draft.id}, recorded already ({addition.why}): paste it at the end "
                 "of its evidence:"]
        lines += evidence_yaml(out.seed, addition.evidence)
        parts.append("\n".join(lines) + "\n")
    if out.ignores:
        parts.append("ignore:\n  # the article's other vote sentences: say why each is no record, or cite it\n"
                     + ignores_yaml(out.seed, out.ignores))
    return "\n".join(parts)


__all__ = ["Addition", "Suggestion", "suggest", "append", "check", "suggestion_yaml", "draft_yaml", "insert_drafts"]
