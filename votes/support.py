"""Check 2, the quote says it: each fact backed by an assertion the reader finds in its quote.

A quote is read in its whole sentences (so "Britain said" before a quoted
"Russia vetoed the draft" still frames it), and an assertion counts for the quote
when every word it rests on lies inside the quoted parts. Then, in order:

1. `establish_support` turns each supports path into backing or a `Verdict` saying
   why not, and gives every fact its basis: pure, it yields nothing;
2. `support_problems` yields the verdicts, every factual assertion that disagrees
   with the record (`support-contradiction`), and the draft-identity problems: one
   sentence for two votes, an article older than the vote, a sentence that names
   another draft.
"""

from __future__ import annotations

import bisect
from collections import Counter
from typing import Iterator

from . import charter
from .anchor import Anchor, Paragraphs, SeedText, normalise
from .dates import calendar_mentions, date_keys, says_date
from .facts import DERIVED, QUOTED, SOURCED, UNBACKED, DraftCheck, Verdict
from .model import Draft
from .problems import Problem
from .project import Project
from .record import Record
from .seed_paths import seed_key
from . import supports
from .statements import (
    COUNT, DRAFTED, MAX_SENTENCE, NEGATED, OUTCOME, REPORTED, REST, STANCE, VETO, VOTE, Assertion, Lexicon,
    Reading, TextRef, fold, read_passage,
)

_MODE_WORDS = {
    NEGATED: "negated", "threat": "as a threat", "expectation": "as an expectation", "intention": "as an intention",
    "future": "in the future tense", "condition": "as a condition or a rule", "other-body": "about another body",
    "other-text": "about another text",
}
#: Words a `...` gap may not drop: they change what the words around them say.
GAP_WORDS = frozenset({"not", "never", "n't", "no", "nor", "neither", "without", "refused", "declined", "failed",
                        "would", "could", "may", "might", "will", "shall", "should", "must", "can", "cannot",
                        "expected", "likely", "threatened", "threatens", "plans", "intends", "if", "unless",
                        "said", "says", "told", "according", "t"})
_OUTCOME_FITS = {"adopted": {"adopted"}, "vetoed": {"vetoed"}, "failed": {"failed"},
                 "not-adopted": {"failed", "vetoed"}}


class QuoteReader:
    """Reads the sentences around each anchored quote once, and keeps what lies inside it."""

    def __init__(self, project: Project):
        self.lexicon = Lexicon.from_council(project.council)
        self.labels = {code: m.name for code, m in project.council.members.items()}
        self._starts: dict[tuple[str, int], list[int]] = {}  # where a paragraph's sentences start
        self._passages: dict[tuple[str, int, int], list[Reading]] = {}
        self._quoted: dict[tuple[str, int, int], list[Reading]] = {}  # (seed, quote start, end) -> readings
        self._contexts: dict[int, _Context] = {}  # id of a draft -> its context

    def sentences(self, name: str, text: SeedText, anchor: Anchor) -> list[Reading]:
        """The readings of every sentence the quote touches, whole (looked up once per quote: the
        support and the identity checks both ask)."""
        key = (name, anchor.start, anchor.end)
        found = self._quoted.get(key)
        if found is None:
            found = self._quoted[key] = self._sentences(name, text, anchor)
        return found

    def _sentences(self, name: str, text: SeedText, anchor: Anchor) -> list[Reading]:
        lo = self._sentence_bound(name, text, anchor.start, start=True)
        hi = self._sentence_bound(name, text, max(anchor.end - 1, anchor.start), start=False)
        # a 'sentence' of megabytes (a file on one line) is read only around the quote
        lo = max(lo, _space_before(text.seed.text, anchor.start - MAX_SENTENCE))
        hi = min(hi, _space_after(text.seed.text, anchor.end + MAX_SENTENCE))
        key = (name, lo, hi)
        if key not in self._passages:
            # the sentences are those of the quote's paragraph, already split, when the passage lies in it
            split = [s for s in text.paragraphs.sentences_around(anchor.start) if lo <= s.start and s.end <= hi]
            whole = bool(split) and split[0].start == lo and split[-1].end == hi
            self._passages[key] = read_passage(text.seed.text, self.lexicon, lo, hi, split if whole else None)
        return self._passages[key]

    def _sentence_bound(self, name: str, text: SeedText, offset: int, start: bool) -> int:
        found = text.paragraphs.sentences_around(offset)
        if not found:
            return offset
        key = (name, found[0].start)
        starts = self._starts.get(key)
        if starts is None:
            starts = self._starts[key] = [s.start for s in found]
        i = max(bisect.bisect_right(starts, offset) - 1, 0)
        return found[i].start if start else max(found[i].end, offset + 1)

    def said(self, name: str, text: SeedText, anchor: Anchor) -> tuple[list[Assertion], set[str]]:
        """The assertions that lie inside the quote's parts, and the members it names."""
        parts = anchor.parts
        inside = lambda span: any(a <= span[0] and span[1] <= b for a, b in parts)  # noqa: E731
        out: list[Assertion] = []
        named: set[str] = set()
        for reading in self.sentences(name, text, anchor):
            named.update(code for code, a, b in reading.mentions if inside((a, b)))
            for a in reading.assertions:
                if not all(inside(k) for k in a.keys):
                    continue
                members = tuple(m for m in a.members if m in a.spans and inside(a.spans[m]))
                if a.kind in (VOTE, VETO, DRAFTED, STANCE) and not members:
                    continue
                if members != a.members:
                    copy = Assertion(a.kind, members=members, vote=a.vote, count=a.count, all_but=a.all_but,
                                     except_=a.except_, outcome=a.outcome, stance=a.stance, mode=a.mode,
                                     speaker=a.speaker, text=a.text, start=a.start, end=a.end, keys=a.keys,
                                     spans={m: a.spans[m] for m in members}, exhaustive=False, weak=a.weak)
                    a = copy
                out.append(a)
        return out, named

    def label(self, code: str) -> str:
        return f"{self.labels.get(code, code)} ({code})"

    def context(self, project: Project, draft: Draft) -> "_Context":
        """What a draft's supports paths are checked against, built once for both support passes."""
        key = id(draft)
        if key not in self._contexts:
            self._contexts[key] = _Context(project, draft, self)
        return self._contexts[key]


def _space_before(text: str, at: int) -> int:
    if at <= 0:
        return 0
    found = text.rfind(" ", max(0, at - 200), at)
    return found + 1 if found >= 0 else at


def _space_after(text: str, at: int) -> int:
    if at >= len(text):
        return len(text)
    found = text.find(" ", at, at + 200)
    return found if found >= 0 else at


def about(a: Assertion, draft: Draft) -> bool:
    """False only when the sentence ties the assertion to a draft that is not this one."""
    ref = a.text
    if ref is None:
        return True
    if ref.symbol:
        return draft.symbol is None or ref.symbol == draft.symbol
    return not draft.drafted_by or ref.drafters <= set(draft.drafted_by)


def _names_draft(ref: TextRef, draft: Draft) -> bool:
    """The sentence's reference identifies this draft by its drafters or symbol."""
    if ref.symbol:
        return draft.symbol == ref.symbol
    return bool(draft.drafted_by) and ref.drafters <= set(draft.drafted_by)


def _mode_phrase(a: Assertion, labels: _Context) -> str:
    if a.mode == REPORTED:
        return f"only as {labels.label(a.speaker)}'s claim" if a.speaker else "only as another speaker's claim"
    return "only " + _MODE_WORDS.get(a.mode, a.mode)


def _stated(said: list[Assertion]) -> str:
    """What a quote does say, for a message: 'it states AGO -> abstain [fact]; ...'."""
    shown = [a.describe() for a in said if a.kind != DRAFTED][:4]
    return "it states " + "; ".join(shown) if shown else "the reader finds no vote statement in it"


class _Context:
    """What every supports path of one draft is checked against."""

    def __init__(self, project: Project, draft: Draft, reader: QuoteReader):
        self.draft = draft
        # the members' names for messages; not the reader itself, which caches this context: the
        # two would form a cycle that only the garbage collector frees, with every reading cached
        self.labels = reader.labels
        seats = project.council.seated(draft.year) if draft.year else None
        self.seats = tuple(seats) if seats else ()
        self.cited = {p.split(".", 1)[1] for ev in draft.evidence for p in ev.supports
                      if p.startswith("votes.") and p != "votes.others"}
        self.others = [c for c in draft.votes if c not in self.cited]
        self.counts = Counter(draft.votes.values())
        self.complete = bool(self.seats) and set(self.seats) <= set(draft.votes)
        self.about: dict[int, list[Assertion]] = {}  # id of a quote's assertions -> those about this draft

    def label(self, code: str) -> str:
        return f"{self.labels.get(code, code)} ({code})"

    def number(self, a: Assertion) -> int | None:
        """A count's number; 'all but two' counts against the seats of the draft's year."""
        if a.all_but is not None:
            return len(self.seats) - a.all_but if self.seats else None
        return a.count


def establish_support(project: Project, draft: Draft, check: DraftCheck, texts: dict[str, SeedText],
                      reader: QuoteReader) -> None:
    """Read each anchored quote; record what backs each fact, why the rest is not backed, and the basis."""
    if not draft.evidence:  # nothing cited: every fact is unbacked (fact-unbacked says so)
        check.basis.update((claim, UNBACKED) for claim in draft.facts())
        return
    ctx = reader.context(project, draft)
    facts = set(draft.facts())
    for ev in draft.evidence:
        anchor = check.anchors.get(ev.index)
        named: set[str] = set()
        said: list[Assertion] = []
        if anchor is not None:
            name = seed_key(ev.seed)
            said, named = reader.said(name, texts[name], anchor)
            check.readings[ev.index] = said
            ctx.about[id(said)] = [a for a in said if about(a, draft)]
        where = f"evidence[{ev.index}] (line {ev.loc.line})"
        for claim in ev.supports:
            def verdict(code, message, hint=None, at_fact=True, _claim=claim):
                check.verdicts.append(Verdict(ev.index, _claim, code, f"{where} {message}",
                                              None if hint is None else str(hint), at_fact))

            if not supports.is_path(claim):
                verdict("supports-invalid", f"cites '{claim}', which is not a fact path",
                        f"use one of: {supports.SUMMARY}", at_fact=False)
                continue
            if claim == "votes.others":
                if not ctx.others:
                    verdict("supports-no-fact", "cites votes.others, which stands for no member: every recorded "
                            "vote is cited by its own votes.<CODE> path", "remove votes.others", at_fact=False)
                    continue
            elif claim not in facts:
                if not _fact_failed_to_load(project, draft, claim):
                    verdict("supports-no-fact", f"cites '{claim}', a fact the record does not have",
                            f"record the fact first, or cite one of: {', '.join(sorted(facts))}", at_fact=False)
                continue
            if ev.source is not None:
                if claim not in supports.SOURCE_PATHS:
                    verdict("source-not-allowed", f"is an outside source, which cannot back '{claim}'",
                            "votes, tallies, status, drafters and stances must be proved by a seed quote; "
                            "outside sources back only symbol, meeting and date", at_fact=False)
                    continue
                check.backing.setdefault(claim, []).append(ev.index)
                continue
            if anchor is None:
                continue  # the quote itself is already an error
            failure = _says(claim, ctx, said, named, ev.quote or "", (project, ev.seed, anchor.line))
            if failure is None:
                if claim == "votes.others":
                    for code in ctx.others:
                        check.backing.setdefault(f"votes.{code}", []).append(ev.index)
                check.backing.setdefault(claim, []).append(ev.index)
            elif failure is not _CONTRADICTED:
                code, message, hint, at_fact = failure
                verdict(code, message, hint, at_fact)
    _assign_basis(draft, check, ctx)


_CONTRADICTED = ("contradicted",)  # the contradiction pass says it, once


def _fact_failed_to_load(project: Project, draft: Draft, claim: str) -> bool:
    """`RUS: NO` is already an error where it is written (so is a `votes:` that is no mapping):
    citing votes.RUS is not a second one."""
    head = claim.partition(".")[0]
    return any(p.path == project.records.path and p.draft == draft.id and p.field in (claim, head)
               for p in project.problems)


class _Claim(Record):
    """One supports path being checked: the claim, its head and rest, and what the quote says."""

    __slots__ = ("claim", "head", "rest", "ctx", "said", "named", "quote", "read_hint", "mine")

    def __init__(self, claim: str, ctx: "_Context", said: list[Assertion], named: set[str], quote: str, read_hint):
        self.claim, self.ctx, self.said, self.named, self.quote, self.read_hint = (
            claim, ctx, said, named, quote, read_hint)
        self.head, _, self.rest = claim.partition(".")
        self.mine = ctx.about.get(id(said)) or [a for a in said if about(a, ctx.draft)]


def _says(claim: str, ctx: "_Context", said: list[Assertion], named: set[str], quote: str, where):
    """None when the quote backs the claim; _CONTRADICTED when a factual assertion says otherwise
    (reported once, by the contradiction pass); else (code, message, hint, at_fact).

    Each kind of fact has its own function, found through `_SAYS`."""
    project, seed, line = where
    c = _Claim(claim, ctx, said, named, quote, _ReadHint(project, seed, line))
    kind = claim if claim in _SAYS else c.head
    return _SAYS[kind](c)


def _says_vote(c: _Claim):
    draft, names, said, named, read_hint, rest = c.ctx.draft, c.ctx, c.said, c.named, c.read_hint, c.rest
    vote = draft.votes[rest]
    label = names.label(rest)
    tied = [a for a in said if a.kind in (VOTE, VETO) and rest in a.members]
    here = [a for a in tied if about(a, draft)]
    if any(a.factual and a.vote == vote and not (a.weak and draft.status == "not-voted") for a in here):
        return None
    if any(a.factual and a.vote != vote for a in here):
        return _CONTRADICTED
    if rest not in named:
        others = ", ".join(names.label(code) for code in sorted(named)) or "no member"
        return ("support-member", f"does not name {label}; it names {others}",
                f"cite a quote naming {names.labels.get(rest, rest)}, or add the name the seed uses to "
                f"{rest}'s names in council.yaml", False)
    hedged = [a for a in here if a.vote == vote]
    if hedged:
        return ("support-mode", f"says {rest} -> {vote} {_mode_phrase(hedged[0], names)}", read_hint, True)
    if any(not about(a, draft) for a in tied):
        other = next(a for a in tied if not about(a, draft))
        return ("support-other-text", f"says {other.describe()}, about another draft than this one",
                read_hint, True)
    return ("support-vote", f"names {label} but states no vote of it; {_stated(said)}", read_hint, True)


def _says_others(c: _Claim):
    draft, said, mine, read_hint, ctx = c.ctx.draft, c.said, c.mine, c.read_hint, c.ctx
    shared = {draft.votes[code] for code in ctx.others}
    if len(shared) > 1:
        listing = ", ".join(f"{code} {draft.votes[code]}" for code in ctx.others)
        return ("support-others", f"cites votes.others, which stands for members who did not all vote alike: "
                f"{listing}", "cite the differing members with their own votes.<CODE> paths", True)
    vote = shared.pop()
    if any(a.factual and a.kind == COUNT and a.vote == vote and ctx.complete and ctx.number(a) != ctx.counts[vote]
           for a in mine):
        return _CONTRADICTED
    for a in mine:
        if not a.factual or a.vote != vote:
            continue
        if a.kind == REST and a.except_:
            if ctx.seats and set(ctx.others) == set(ctx.seats) - set(a.except_):
                return None
        elif a.kind == REST and a.count is not None:
            if a.count == len(ctx.others):
                return None
        elif a.kind == REST:
            if ctx.complete:
                return None
        elif a.kind == COUNT and ctx.complete and ctx.number(a) == ctx.counts[vote]:
            return None
    return ("support-others", f"cites votes.others for {len(ctx.others)} members voting '{vote}', but states "
            f"neither 'the remaining {len(ctx.others)}' nor a count that leaves exactly them; {_stated(said)}",
            f"members it stands for: {', '.join(ctx.others)}; {read_hint}", True)


def _says_tally(c: _Claim):
    draft, names, said, mine, read_hint, ctx, rest = (
        c.ctx.draft, c.ctx, c.said, c.mine, c.read_hint, c.ctx, c.rest)
    count = draft.tally[rest]
    for a in mine:
        if a.vote != rest:
            continue
        fits = (a.kind == COUNT and ctx.number(a) == count) or (
            a.kind == VOTE and a.exhaustive and len(a.members) == count) or (
            a.kind == REST and a.count == count and ctx.counts[rest] == count)
        if fits and a.factual:
            return None
        if fits:
            return ("support-mode", f"states {count} '{rest}' {_mode_phrase(a, names)}", read_hint, True)
    if any(a.factual and a.kind == COUNT and a.vote == rest for a in mine):
        return _CONTRADICTED
    return ("support-tally", f"states no count of {count} '{rest}' votes; {_stated(said)}",
            f"is the tally right? {read_hint}", True)


def _says_status(c: _Claim):
    draft, names, said, mine, read_hint = c.ctx.draft, c.ctx, c.said, c.mine, c.read_hint
    status = draft.status
    fits = []
    for a in mine:
        if status == "vetoed" and (a.kind == VETO or (a.kind == OUTCOME and a.outcome == "vetoed")):
            fits.append(a)
        elif status == "failed" and a.kind == OUTCOME and a.outcome in ("failed", "not-adopted"):
            fits.append(a)
        elif status == "adopted" and a.kind == OUTCOME and a.outcome == "adopted":
            fits.append(a)
        elif status == "not-voted" and a.kind == DRAFTED:
            fits.append(a)
    if any(a.factual or (status == "not-voted") for a in fits):
        return None
    if any(a.factual and _against_status(a, status) for a in mine):
        return _CONTRADICTED
    if fits:
        return ("support-mode", f"states the outcome '{status}' {_mode_phrase(fits[0], names)}", read_hint, True)
    return ("support-status", f"states no outcome '{status}'; {_stated(said)}", read_hint, True)


def _says_drafters(c: _Claim):
    draft, names, said, read_hint = c.ctx.draft, c.ctx, c.said, c.read_hint
    stated = {m for a in said if a.kind == DRAFTED and a.factual for m in a.members}
    missing = [c for c in draft.drafted_by if c not in stated]
    if missing:
        return ("support-drafter", f"does not state that {', '.join(names.label(c) for c in missing)} drafted "
                f"the text", f"cite a quote that names every drafter as such, or correct drafted_by; {read_hint}",
                True)
    return None


def _says_stance(c: _Claim):
    draft, names, said, named, mine, read_hint, rest = (
        c.ctx.draft, c.ctx, c.said, c.named, c.mine, c.read_hint, c.rest)
    stance = draft.positions[rest]
    label = names.label(rest)
    found = [a for a in mine if rest in a.members and (
        (a.kind == STANCE and a.stance == stance) or (a.kind == VOTE and a.weak and stance == "support"))]
    if any(a.factual for a in found):
        return None
    if found:
        return ("support-mode", f"says {rest} stance {stance} {_mode_phrase(found[0], names)}", read_hint, True)
    if rest not in named:
        return ("support-member", f"does not name {label}",
                "quote the speaker's name too, joining the sentences with '...'", False)
    return ("support-stance", f"names {label} but states no stance '{stance}' of it; {_stated(said)}",
            read_hint, True)


def _says_date(c: _Claim):
    draft, quote = c.ctx.draft, c.quote
    if says_date(_spoken(quote), draft.date):
        return None
    return ("support-date", f"does not carry the date {draft.date.isoformat()} (day and month, month and "
            f"year, or its weekday {draft.date.strftime('%A')})", "cite an outside source for an exact date", True)


def _says_text(c: _Claim):
    draft, claim, quote = c.ctx.draft, c.claim, c.quote
    value = getattr(draft, claim)
    if normalise(value) in _spoken(quote):
        return None
    return ("support-text", f"does not contain the {claim} '{value}'",
            f"cite an outside source for the {claim}, such as the UN Digital Library", True)


#: Which function checks which kind of fact.
_SAYS = {"votes": _says_vote, "votes.others": _says_others, "tally": _says_tally, "status": _says_status,
         "drafted_by": _says_drafters, "positions": _says_stance, "date": _says_date, "symbol": _says_text,
         "meeting": _says_text}


class _ReadHint:
    """'see what the reader finds: votes read seeds/X:LINE', built only when a message needs it."""

    def __init__(self, project: Project, seed: str, line: int):
        self.project, self.seed, self.line = project, seed, line

    def __str__(self) -> str:
        return f"see what the reader finds: votes read {self.project.seed_display(self.seed)}:{self.line}"

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)


def _against_status(a: Assertion, status: str | None) -> bool:
    """A factual veto or outcome that the recorded status cannot stand beside."""
    if a.kind == VETO:
        return status in ("adopted", "failed", "not-voted")
    if a.kind == OUTCOME:
        return status is not None and status not in _OUTCOME_FITS[a.outcome]
    return False


def _spoken(quote: str) -> str:
    """The words of a quote, normalised, its `...` gaps kept as clause breaks (no regex: linear)."""
    return normalise(" ; ".join(part.strip() for part in quote.replace("\u2026", "...").split("...")))


def _assign_basis(draft: Draft, check: DraftCheck, ctx: _Context) -> None:
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
        if indices and indices <= via_others and code in ctx.others:
            check.basis[f"votes.{code}"] = DERIVED
    # A tally backed by no quote is derived when it counts complete, backed votes.
    votes_backed = all(check.basis.get(f"votes.{c}") in (QUOTED, DERIVED) for c in draft.votes)
    if draft.tally and ctx.complete and votes_backed:
        for key in draft.tally:
            if check.basis.get(f"tally.{key}") == UNBACKED and ctx.counts[key] == draft.tally[key]:
                check.basis[f"tally.{key}"] = DERIVED


# --- problems ------------------------------------------------------------------------------------

def support_problems(project: Project, checks: dict[str, DraftCheck], reader: QuoteReader,
                     texts: dict[str, SeedText]) -> Iterator[Problem]:
    """Every unproved supports path, every factual assertion against the record, and the
    draft-identity rules."""
    path = project.records.path
    for check in checks.values():
        draft = check.draft
        for v in check.verdicts:
            loc = draft.loc_of("votes" if v.claim == "votes.others" else v.claim) if v.at_fact else \
                _supports_loc(draft, v.index, v.claim)
            yield Problem(v.code, v.message, path, loc.line, loc.col, draft.id, v.claim, v.hint)
        yield from _contradictions(project, check, reader)
        yield from _dates(project, check)
    yield from _identity(project, checks, reader, texts)


def _supports_loc(draft: Draft, index: int, claim: str):
    ev = draft.evidence_by_index(index)
    for c, loc in zip(ev.supports, ev.supports_locs or ()):
        if c == claim:
            return loc
    return ev.loc


def _contradictions(project: Project, check: DraftCheck, reader: QuoteReader) -> Iterator[Problem]:
    """Every factual assertion of every cited quote must agree with the whole record."""
    if not any(check.readings.values()):
        return
    draft = check.draft
    path = project.records.path
    ctx = reader.context(project, draft)
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
                    found.append(problem(f"tally.{a.vote}", index, f"{n} -> {a.vote}", f"tally.{a.vote}: {tally[a.vote]}"))
                elif ctx.complete and ctx.counts[a.vote] != n:
                    found.append(problem("votes", index, f"{n} -> {a.vote}", f"{ctx.counts[a.vote]} voting {a.vote}"))
                elif not ctx.complete and ctx.counts[a.vote] > n:
                    found.append(problem("votes", index, f"{n} -> {a.vote}",
                                         f"{ctx.counts[a.vote]} already voting {a.vote}"))
            elif a.kind == COUNT and a.factual and draft.status == "not-voted":
                found.append(problem("status", index, a.describe(), "status: not-voted"))
            elif a.kind == OUTCOME and a.factual and draft.status is not None:
                if draft.status not in _OUTCOME_FITS[a.outcome]:
                    found.append(problem("status", index, f"the outcome {a.outcome}", f"status: {draft.status}"))
            elif a.kind == REST and a.factual and a.count is not None and ctx.complete:
                if ctx.counts[a.vote] < a.count:
                    found.append(problem("votes", index, a.describe(), f"{ctx.counts[a.vote]} voting {a.vote}"))
            for p in found:
                if p is not None:
                    yield p


def _dates(project: Project, check: DraftCheck) -> Iterator[Problem]:
    """A quote backs a vote only if its article was published on or after the vote."""
    draft = check.draft
    if draft.date is None or project.manifest is None:
        return
    path = project.records.path
    for ev in draft.evidence:
        if ev.source is not None or ev.index not in check.anchors:
            continue
        claims = [c for c in ev.supports if supports.names_vote(c)]
        if not claims:
            continue
        name = seed_key(ev.seed)
        entry = project.manifest.entries.get(name)
        published = entry.published if entry is not None else None
        if published is None and name in project.seeds:  # the manifest does not say: the dateline may
            from .articles import read_article

            published = read_article(project.seeds[name].text).published
        if published is None:
            yield Problem("evidence-undated", f"evidence[{ev.index}] backs {', '.join(claims)} from {ev.seed}, whose "
                          "publication date is unknown, so it cannot be shown to report the vote after it happened",
                          path, ev.loc.line, ev.loc.col, draft.id, f"evidence[{ev.index}]",
                          f"add published: YYYY-MM-DD to {ev.seed}'s entry in seeds/MANIFEST.yaml (its text has "
                          "no dateline with a date)")
        elif published < draft.date:
            yield Problem("evidence-before-vote", f"evidence[{ev.index}] backs {', '.join(claims)} from {ev.seed}, "
                          f"published {published.isoformat()}, before the vote of {draft.date.isoformat()}",
                          path, ev.loc.line, ev.loc.col, draft.id, f"evidence[{ev.index}]",
                          "an article written before a vote can only forecast it: cite one written after, or check "
                          "the draft's date")


def _sentence_key(reading: Reading) -> str:
    return " ".join(fold(reading.text).split())


def _identity(project: Project, checks: dict[str, DraftCheck], reader: QuoteReader,
              texts: dict[str, SeedText]) -> Iterator[Problem]:
    """One sentence backs one vote unless it names both; a sentence naming only another draft backs none."""
    path = project.records.path
    drafts = [c.draft for c in checks.values()]
    by_date: dict[tuple, list[Draft]] = {}
    for d in drafts:
        if d.date is not None:
            for key in date_keys(d.date):
                by_date.setdefault(key, []).append(d)
    by_drafters: dict[str, list[Draft]] = {}
    for d in drafts:
        for code in d.drafted_by:
            by_drafters.setdefault(code, []).append(d)
    shared: dict[str, list[tuple[Draft, int, Reading]]] = {}
    for check in checks.values():
        draft = check.draft
        for ev in draft.evidence:
            anchor = check.anchors.get(ev.index)
            if anchor is None:
                continue
            name = seed_key(ev.seed)
            sentences = reader.sentences(name, texts[name], anchor)
            claims = [c for c in ev.supports if supports.names_vote(c) or c == "drafted_by"]
            if not claims:
                continue
            refs = [r for s in sentences for r in s.texts]
            if refs and not any(_names_draft(r, draft) for r in refs) and not _refs_unknown(refs, draft):
                candidates = {id(d): d for r in refs for c in sorted(r.drafters)[:1] for d in by_drafters.get(c, ())}
                if any(r.symbol for r in refs):
                    candidates.update({id(d): d for d in drafts if d.symbol in {r.symbol for r in refs}})
                named = [d for d in candidates.values() if d is not draft and any(_names_draft(r, d) for r in refs)]
                if named:
                    yield Problem("evidence-other-draft", f"evidence[{ev.index}]'s sentence names "
                                  f"{refs[0].describe()}, which is draft {named[0].id}, not this one",
                                  path, ev.loc.line, ev.loc.col, draft.id, f"evidence[{ev.index}]",
                                  "cite a sentence about this draft, or move the evidence to the draft it names")
                    continue
            if draft.date is not None:
                named_dates = calendar_mentions(" ".join(s.text for s in sentences))
                if named_dates and not named_dates.intersection(date_keys(draft.date)):
                    other = next((d for key in sorted(named_dates) for d in by_date.get(key, ())
                                  if d is not draft and d.date != draft.date), None)
                    if other is not None:
                        yield Problem("evidence-other-draft", f"evidence[{ev.index}]'s sentence names the date "
                                      f"{other.date.isoformat()} of draft {other.id}, not this draft's "
                                      f"{draft.date.isoformat()}", path, ev.loc.line, ev.loc.col, draft.id,
                                      f"evidence[{ev.index}]", "cite a sentence about this draft's vote")
                        continue
            if any(supports.names_vote(c) for c in claims):
                for s in sentences:
                    if any(a for a in check.readings.get(ev.index, ()) if s.start <= a.start < s.end):
                        shared.setdefault(_sentence_key(s), []).append((draft, ev.index, s))
    for key, uses in shared.items():
        owners: list[Draft] = []
        for draft, _, _ in uses:
            if draft not in owners:
                owners.append(draft)
        if len(owners) < 2:
            continue
        sentence = uses[0][2]
        if sentence.plural or all(any(_names_draft(r, d) for r in sentence.texts) for d in owners):
            continue
        first = owners[0]
        for draft, index, _ in uses:
            if draft is first:
                continue
            ev = draft.evidence_by_index(index)
            yield Problem("evidence-shared", f"evidence[{index}]'s sentence also backs the votes, tally or status of "
                          f"draft {first.id}: {_short(sentence.text)!r}", path, ev.loc.line, ev.loc.col, draft.id,
                          f"evidence[{index}]", "a sentence reports one vote unless it names both drafts (or says "
                          "'both votes', 'four times' ...); cite a sentence about this draft")


def _refs_unknown(refs: list[TextRef], draft: Draft) -> bool:
    """A draft with no recorded drafters or symbol cannot be told apart by them."""
    return not draft.drafted_by and not any(r.symbol for r in refs)


def _short(text: str) -> str:
    return text if len(text) <= 100 else text[:97] + "..."


# --- what the reader finds, for `votes read` -------------------------------------------------------

def read_seed(project: Project, target: str) -> tuple[str, list[Reading]]:
    """The readings of a seed's sentences (`SEED`), or of those on one line (`SEED:LINE`).

    Paragraphs are read whole (votes.anchor.Paragraphs: a sentence runs on across a line break
    in a hard-wrapped text, after a comma or colon, or into a line in lower case). Without a line, only sentences that assert something are kept.
    """
    from .errors import VotesError

    name, line = target, None
    head, sep, tail = target.rpartition(":")
    if sep and tail.isdigit():
        name, line = head, int(tail)
    name = seed_key(name)
    prefix = project.seeds_display + "/"
    if name.startswith(prefix):
        name = name[len(prefix):]
    seed = project.seeds.get(name)
    if seed is None:
        raise VotesError(f"no seed '{name}' in {project.seeds_display}/; seeds: {', '.join(sorted(project.seeds))}")
    text = seed.text
    lexicon = Lexicon.from_council(project.council)
    paragraphs = Paragraphs(text)
    if line is not None:
        starts = seed.line_starts  # lines as validation messages count them
        if not 1 <= line <= len(starts):
            raise VotesError(f"{name} has {len(starts)} lines; no line {line}")
        lo, hi = paragraphs.around(starts[line - 1])
        line_lo = starts[line - 1]
        line_hi = starts[line] - 1 if line < len(starts) else len(text)
        readings = [r for r in read_passage(text, lexicon, lo, hi) if r.start <= line_hi and line_lo <= r.end]
        return name, readings
    out: list[Reading] = []
    pos = 0
    while pos < len(text):
        lo, hi = paragraphs.around(pos)
        out += [r for r in read_passage(text, lexicon, lo, hi) if r.assertions]
        pos = hi + 1
    return name, out
