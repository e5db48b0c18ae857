"""`votes suggest SEED`: records proposed from what the reader finds in an article.

The reader's factual assertions are grouped by the draft they are about (its drafters or
symbol, else the draft the sentences before named); each group becomes a proposed record
with its votes (named, counted, or "the rest"), tally, status, drafters, date, and evidence
entries quoting the sentences exactly with the paths they back. Before anything is shown
the proposal is validated against the real seeds and council, and a supports path that the
validator would not accept is dropped: pasted as it is, a suggestion validates. What the
text does not settle is left out and marked with a TODO comment.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import tempfile
from collections import Counter
from pathlib import Path

from .dates import WEEKDAYS, says_date
from .errors import VotesError
from .model import ADOPTION_THRESHOLD, adoption_threshold
from .project import Project, load_project
from .record import Record
from .reader import COUNT, DRAFTED, OUTCOME, REST, VETO, VOTE, Assertion, Reading, TextRef
from .support import read_seed

UNREVIEWED = "suggested by `votes suggest`: unreviewed"


class Proposal(Record):
    """One proposed record: its fields, its evidence (quote, supports), and what to check by hand."""

    __slots__ = ("key", "drafters", "symbol", "votes", "tally", "status", "date", "evidence", "todos", "order")

    def __init__(self, key, drafters: tuple[str, ...], symbol: str | None, order: int):
        self.key, self.drafters, self.symbol, self.order = key, drafters, symbol, order
        self.votes: dict[str, str] = {}
        self.tally: dict[str, int] = {}
        self.status: str | None = None
        self.date: dt.date | None = None
        self.evidence: list[tuple[str, list[str]]] = []  # (quote, supports)
        self.todos: list[str] = []


def suggest(project: Project, seed: str) -> tuple[str, list[Proposal]]:
    """Proposed records for the votes a seed reports, checked against the validator."""
    name, readings = read_seed(project, seed)
    text = project.seeds[name].text
    published = None
    if project.manifest is not None and name in project.manifest.entries:
        published = project.manifest.entries[name].published
    proposals = _group(readings)
    taken = {d.id for d in project.records.drafts}
    for proposal in proposals:
        _fill(project, proposal, readings, text, published)
    proposals = [p for p in proposals if p.votes or p.status or p.drafters]
    ids = []
    for proposal in proposals:
        ids.append(_unique_id(proposal, taken))
    _prune(project, name, proposals, ids)
    return name, list(zip(ids, proposals))


def uncited(project: Project, seed: str, proposals: list[tuple[str, Proposal]]) -> list[tuple[str, str]]:
    """The seed's vote sentences no proposal quotes and no ignore entry covers: (sentence, reason to review)."""
    from .validate import vote_sentences

    text = project.seeds[seed].text
    quoted = {quote for _, p in proposals for quote, _ in p.evidence}
    ignored = [e.quote for e in project.records.ignores if e.seed.replace("\\", "/") == seed]
    _, readings = read_seed(project, seed)
    said = {r.text: r for r in readings}
    out = []
    for sentence in vote_sentences(text):
        if sentence.text in quoted or any(q and q in sentence.text for q in ignored):
            continue
        reading = said.get(sentence.text.replace("\n", " "))
        found = "; ".join(a.describe() for a in reading.assertions if a.kind != DRAFTED) if reading else ""
        reason = f"TODO: why this is no record (the reader finds: {found})" if found else \
            "TODO: why this is no record (the reader finds no vote stated in it)"
        out.append((sentence.text, reason))
    return out


# --- grouping assertions by draft -------------------------------------------------------------------

_FACT_KINDS = (VOTE, VETO, COUNT, REST, OUTCOME, DRAFTED)


def _ref_key(ref: TextRef | None):
    if ref is None:
        return None
    return ("symbol", ref.symbol) if ref.symbol else ("drafters", ref.drafters)


ANONYMOUS = ("anonymous", None)


def _assign(readings: list[Reading]) -> list[tuple[Reading, list[tuple[Assertion, tuple]]]]:
    """Each factual assertion with the draft it is about: the one its clause names; else the one
    named most recently before it; else (before any is named) the first one the article names; a
    sentence that speaks of several votes belongs to every draft named."""
    named: list[tuple] = []
    for reading in readings:
        for a in reading.assertions:
            key = _ref_key(a.text) if a.kind != DRAFTED else ("drafters", frozenset(a.members))
            if a.mode == "fact" and key is not None and key not in named and a.kind in _FACT_KINDS:
                named.append(key)
    voted = [k for k in named if any(_ref_key(a.text) == k and a.kind != DRAFTED and a.mode == "fact"
                                     for r in readings for a in r.assertions)]
    default = (voted or named or [ANONYMOUS])[0]
    out = []
    current = None
    for reading in readings:
        facts = [a for a in reading.assertions if a.mode == "fact" and a.kind in _FACT_KINDS]
        if not facts:
            continue
        own = [_ref_key(a.text) for a in facts if a.kind != DRAFTED and a.text is not None]
        if own:
            current = own[-1]
        pairs = []
        for a in facts:
            if a.kind == DRAFTED:
                pairs.append((a, ("drafters", frozenset(a.members))))
                continue
            key = _ref_key(a.text)
            if key is not None:
                pairs.append((a, key))
            elif reading.plural and len(voted) > 1:
                pairs += [(a, k) for k in voted]
            else:
                pairs.append((a, current or default))
        out.append((reading, pairs))
    return out


def _group(readings: list[Reading]) -> list[Proposal]:
    groups: dict = {}
    for _, pairs in _assign(readings):
        for a, key in pairs:
            if key not in groups:
                drafters = tuple(sorted(key[1])) if key[0] == "drafters" else ()
                symbol = key[1] if key[0] == "symbol" else None
                groups[key] = Proposal(key, drafters, symbol, len(groups))
    return sorted(groups.values(), key=lambda p: p.order)


# --- filling a proposal ---------------------------------------------------------------------------------

def _fill(project: Project, proposal: Proposal, readings: list[Reading], text: str, published) -> None:
    council = project.council
    used: list[tuple[Reading, list[Assertion]]] = []
    for reading, pairs in _assign(readings):
        mine = [a for a, key in pairs if key == proposal.key]
        if mine:
            used.append((reading, mine))
    drafted = {m for _, mine in used for a in mine if a.kind == DRAFTED
               and (proposal.key[0] != "drafters" or frozenset(a.members) <= proposal.key[1]) for m in a.members}
    if drafted:
        proposal.drafters = tuple(sorted(drafted))
    proposal.date = _vote_date([r for r, _ in used], published, proposal)
    seats = council.seated(proposal.date.year) if proposal.date else None
    rests: list[Assertion] = []
    for _, mine in used:
        for a in mine:
            if a.kind in (VOTE, VETO):
                for code in a.members:
                    if code in proposal.votes and proposal.votes[code] != a.vote:
                        proposal.todos.append(f"the article gives {code} two votes ({proposal.votes[code]}, "
                                              f"{a.vote}); the first is kept")
                        continue
                    proposal.votes.setdefault(code, a.vote)
                if a.kind == VETO:
                    proposal.status = "vetoed"
            elif a.kind == COUNT and a.all_but is None and a.count is not None:
                if a.vote in proposal.tally and proposal.tally[a.vote] != a.count:
                    proposal.todos.append(f"the article gives two counts of '{a.vote}' ({proposal.tally[a.vote]}, "
                                          f"{a.count}); the first is kept")
                else:
                    proposal.tally[a.vote] = a.count
            elif a.kind == COUNT and a.all_but is not None and seats:
                proposal.tally.setdefault(a.vote, len(seats) - a.all_but)
            elif a.kind == REST:
                rests.append(a)
            elif a.kind == OUTCOME and proposal.status is None and a.outcome != "not-adopted":
                proposal.status = a.outcome
    # the rest, and a count that leaves exactly the unnamed members
    if seats:
        unknown = [c for c in seats if c not in proposal.votes]
        for a in rests:
            if a.except_:
                group = [c for c in seats if c not in a.except_]
            else:
                group = unknown
            if a.count is None or a.count == len(group):
                for code in group:
                    proposal.votes.setdefault(code, a.vote)
                unknown = [c for c in seats if c not in proposal.votes]
            else:
                proposal.todos.append(f"'the remaining {a.count}' voting {a.vote}, but {len(group)} members are not "
                                      f"named: check who they are")
        if unknown:
            counted = Counter(proposal.votes.values())
            for vote, count in proposal.tally.items():
                if count - counted[vote] == len(unknown) and len(unknown) > 0:
                    for code in unknown:
                        proposal.votes[code] = vote
                    unknown = []
                    break
        if unknown and proposal.votes:
            proposal.todos.append(f"the article does not say how {', '.join(unknown)} voted: left unknown")
    elif proposal.votes:
        proposal.todos.append("the council has no seats for this year: add them to council.yaml")
    if proposal.status is None:
        proposal.status = _charter_status(project, proposal, seats)
    counted = Counter(proposal.votes.values())
    if seats and set(seats) <= set(proposal.votes):
        for vote in ("yes", "no", "abstain"):
            proposal.tally.setdefault(vote, counted[vote])
    # evidence: each sentence with the paths it can back
    quoted_members = set()
    for reading, mine in used:
        supports = []
        for a in mine:
            if a.kind in (VOTE, VETO):
                supports += [f"votes.{c}" for c in a.members if proposal.votes.get(c) == a.vote]
                quoted_members.update(a.members)
                if a.kind == VETO and proposal.status == "vetoed":
                    supports.append("status")
            elif a.kind == COUNT and proposal.tally.get(a.vote) == (a.count if a.all_but is None else None):
                supports.append(f"tally.{a.vote}")
            elif a.kind == OUTCOME and proposal.status in ({"not-adopted": ("failed", "vetoed")}.get(
                    a.outcome, (a.outcome,))):
                supports.append("status")
            elif a.kind == DRAFTED and set(proposal.drafters) <= set(a.members):
                supports.append("drafted_by")
                if proposal.status == "not-voted":
                    supports.append("status")
        if proposal.date and says_date(reading.text, proposal.date):
            supports.append("date")
        if supports:
            proposal.evidence.append((text[reading.start:reading.end], list(dict.fromkeys(supports))))
    if any(c not in quoted_members for c in proposal.votes):  # votes.others: cited by the rest and the counts
        counted = {text[r.start:r.end] for r, mine in used if any(a.kind in (REST, COUNT) for a in mine)}
        for quote, supports in proposal.evidence:
            if quote in counted and "votes.others" not in supports:
                supports.append("votes.others")
    if proposal.date is None:
        proposal.todos.append("the date of the vote: the article does not give it")


def _vote_date(readings: list[Reading], published: dt.date | None, proposal: Proposal) -> dt.date | None:
    """A calendar date the sentences give, else the weekday they name before the article's date."""
    for reading in readings:
        found = _full_date(reading.text)
        if found is not None:
            return found
    if published is None:
        return None
    for reading in readings:
        low = reading.text.lower()
        for index, day in enumerate(WEEKDAYS):
            if re.search(rf"\b{day}\b", low):
                back = (published.weekday() - index) % 7
                proposal.todos.append(f"the date: '{day.title()}' before the article's date {published.isoformat()}")
                return published - dt.timedelta(days=back)
    proposal.todos.append(f"the date: the article's date {published.isoformat()}, not the vote's")
    return published


_FULL = re.compile(r"\b(\d{1,2}) (january|february|march|april|may|june|july|august|september|october|november"
                   r"|december) (\d{4})\b|\b(january|february|march|april|may|june|july|august|september|october"
                   r"|november|december) (\d{1,2}),? (\d{4})\b")


def _full_date(text: str) -> dt.date | None:
    from .dates import MONTHS

    match = _FULL.search(" ".join(text.lower().split()))
    if match is None:
        return None
    try:
        if match.group(1):
            return dt.date(int(match.group(3)), MONTHS.index(match.group(2)) + 1, int(match.group(1)))
        return dt.date(int(match.group(6)), MONTHS.index(match.group(4)) + 1, int(match.group(5)))
    except ValueError:
        return None


def _charter_status(project: Project, proposal: Proposal, seats) -> str:
    if not proposal.votes and not proposal.tally:
        return "not-voted"
    yes = proposal.tally.get("yes", Counter(proposal.votes.values())["yes"])
    vetoes = [c for c, v in proposal.votes.items() if v == "no" and project.council.is_permanent(c)]
    needed = adoption_threshold(proposal.date.year) if proposal.date else ADOPTION_THRESHOLD
    if yes >= needed:
        status = "vetoed" if vetoes else "adopted"
    else:
        status = "failed"
    proposal.todos.append(f"the status: '{status}' is what the Charter gives for the votes found; the article "
                          "states no outcome")
    return status


def _unique_id(proposal: Proposal, taken: set[str]) -> str:
    head = "-".join(c.lower() for c in proposal.drafters) or "draft"
    when = proposal.date.strftime("%Y-%m") if proposal.date else "undated"
    base = f"{head}-{proposal.status}-{when}" if proposal.status else f"{head}-{when}"
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    taken.add(candidate)
    return candidate


# --- YAML -------------------------------------------------------------------------------------------

def _q(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def ignores_yaml(seed: str, ignores: list[tuple[str, str]]) -> str:
    """Ignore entries to paste under `ignore:`: the sentences no proposal cites."""
    lines = []
    for quote, reason in ignores:
        lines += [f"  - seed: {seed}", f"    quote: {_q(quote)}", f"    reason: {_q(reason)}"]
    return "\n".join(lines) + ("\n" if lines else "")


def suggestion_yaml(seed: str, proposals: list[tuple[str, Proposal]], ignores: list[tuple[str, str]]) -> str:
    """What `votes suggest` prints: the drafts, then the ignore entries, each under its key."""
    out = "drafts:\n" + proposals_yaml(seed, proposals)
    if ignores:
        out += "\nignore:\n  # the article's other vote sentences: say why each is no record, or cite it\n"
        out += ignores_yaml(seed, ignores)
    return out


def proposals_yaml(seed: str, proposals: list[tuple[str, Proposal]]) -> str:
    """The proposals as items of `drafts:`, indented to paste under it."""
    lines = []
    for draft_id, p in proposals:
        lines.append(f"  # {UNREVIEWED}, from {seed}; check every fact against the article")
        for todo in p.todos:
            lines.append(f"  # TODO: {todo}")
        lines.append(f"  - id: {draft_id}")
        drafters = f" drafted by {', '.join(p.drafters)}" if p.drafters else ""
        lines.append(f"    title: {_q(f'TODO: a short title of the draft{drafters}')}")
        if p.symbol:
            lines.append(f"    symbol: {p.symbol}")
        lines.append(f"    date: {p.date.isoformat() if p.date else 'TODO'}")
        lines.append(f"    status: {p.status}")
        if p.drafters:
            lines.append(f"    drafted_by: [{', '.join(p.drafters)}]")
        if p.votes:
            lines.append("    votes:")
            lines += [f"      {code}: {vote}" for code, vote in p.votes.items()]
        if p.tally:
            lines.append("    tally: {" + ", ".join(f"{k}: {p.tally[k]}" for k in ("yes", "no", "abstain")
                                                    if k in p.tally) + "}")
        if p.evidence:
            lines.append("    evidence:")
            for quote, supports in p.evidence:
                lines += [f"      - seed: {seed}", f"        quote: {_q(quote)}",
                          f"        supports: [{', '.join(supports)}]"]
        lines.append("")
    return "\n".join(lines)


# --- checking and appending -----------------------------------------------------------------------

def _prune(project: Project, seed: str, proposals: list[Proposal], ids: list[str]) -> None:
    """Drop every supports path the validator does not accept, so a pasted suggestion validates."""
    from .validate import validate

    for _ in range(3):
        text = _appended(project, proposals_yaml(seed, list(zip(ids, proposals))))
        trial = _load_with(project, text)
        validation = validate(trial)
        changed = False
        for proposal, draft_id in zip(proposals, ids):
            draft = trial.records.draft(draft_id)
            if draft is None:
                continue
            bad = {(p.field, p.line) for p in validation.errors if p.draft == draft_id}
            fields = {field for field, _ in bad}
            for ev, (quote, supports) in zip(draft.evidence, proposal.evidence):
                keep = [c for c, loc in zip(ev.supports, ev.supports_locs or ()) if not _failed(c, loc, bad, fields)]
                if keep != supports:
                    supports[:] = keep
                    changed = True
            before = len(proposal.evidence)
            proposal.evidence[:] = [(q, s) for q, s in proposal.evidence if s]
            changed = changed or len(proposal.evidence) != before
        if not changed:
            return


def _failed(claim: str, loc, bad: set, fields: set) -> bool:
    return (claim, loc.line) in bad or claim in fields or (claim == "votes.others" and "votes" in fields)


def _appended(project: Project, block: str) -> str:
    """The records file's text with the block added at the end of its `drafts:` list."""
    path = Path(project.records.path)
    current = path.read_text(encoding="utf-8") if path.is_file() else ""
    return insert_drafts(current, block)


def insert_drafts(current: str, block: str, key: str = "drafts") -> str:
    """Insert list items after the last line of the `key:` list, before the next top-level key."""
    if not current.strip():
        return f"{key}:\n" + block
    lines = current.splitlines(keepends=True)
    start = next((i for i, line in enumerate(lines) if re.match(rf"{key}:[ \t]*(#.*)?$", line.rstrip("\r\n"))), None)
    if start is None:
        sep = "" if current.endswith("\n") else "\n"
        return current + sep + f"{key}:\n" + block
    end = len(lines)
    for i in range(start + 1, len(lines)):
        if lines[i][:1] not in (" ", "\t", "#", "\n", "\r", "-") and lines[i].strip():
            end = i
            break
    while end > start + 1 and not lines[end - 1].strip():
        end -= 1
    head, tail = "".join(lines[:end]), "".join(lines[end:]).lstrip("\r\n")
    if head and not head.endswith("\n"):
        head += "\n"
    gap = "\n" if key == "drafts" else ""  # drafts are set apart by a blank line; ignore entries are not
    return head + gap + block + ("\n" + tail if tail else "")


def _load_with(project: Project, records_text: str) -> Project:
    with tempfile.TemporaryDirectory(prefix="votes-suggest-") as tmp:
        data = Path(tmp) / "resolutions.yaml"
        data.write_text(records_text, encoding="utf-8")
        council = Path(project.council.path)
        return load_project(data, council, project.seeds_dir)


def append(project: Project, seed: str, proposals: list[tuple[str, Proposal]],
           ignores: list[tuple[str, str]] = ()) -> Path:
    """Write the proposals (and ignore entries) into the records file, atomically, and only if
    the result has no error the file did not already have."""
    from .output import write_atomic
    from .validate import validate

    path = Path(project.records.path)
    text = _appended(project, proposals_yaml(seed, proposals))
    if ignores:
        text = insert_drafts(text, ignores_yaml(seed, ignores), key="ignore")
    before = {(p.code, p.draft, p.field) for p in validate(project).errors}
    after = validate(_load_with(project, text)).errors
    new = [p for p in after if (p.code, p.draft, p.field) not in before]
    if new:
        raise VotesError(f"not appending: the suggestion would add {len(new)} error(s), the first: "
                         f"{new[0].to_line()}")
    write_atomic(path, text)
    return path
