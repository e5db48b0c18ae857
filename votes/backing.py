"""What backs each fact: every supports path proved by what its quote asserts, or a verdict why not.

For each draft, `establish_backing` reads each anchored quote (votes.quotes), decides for
each path it is cited for whether an assertion of the quote states the fact (the
functions in `_SAYS`, one per kind of fact), keeps the evidence that backs each fact and a
`Verdict` for each path that is not proved, and gives every fact its basis: quoted,
derived (through the rest of the Council, or a tally counted from backed votes), sourced
or unbacked. It yields nothing: the support check (votes.checks.support) turns the
verdicts into problems, and the contradiction check reads the same readings.
"""

from __future__ import annotations

import copy
import re
from collections import Counter

from . import charter, supports
from .anchor import normalise
from .dates import says_date, says_day_before_dateline, says_relative_date
from .facts import DERIVED, QUOTED, SOURCED, UNBACKED, DraftCheck, Verdict
from .groups import elected_of, with_elected
from .model import Draft
from .quotes import QuoteReader, about
from .record import Record
from .seating import read_as_seated
from .reader import (ALIGNED, COUNT, DRAFTED, FACT, NEGATED, OUTCOME, PROCEDURAL_VOTE, REPORTED, REST, STANCE, VETO, VOTE,
                     Assertion)
from .reader.language import english_only

_MODE_WORDS = {
    NEGATED: "negated", "threat": "as a threat", "expectation": "as an expectation", "intention": "as an intention",
    "future": "in the future tense", "condition": "as a condition or a rule", "other-body": "about another body",
    "other-text": "about another text", PROCEDURAL_VOTE: "about a procedural vote (mark the draft procedural: true "
    "if it is one)",
}
#: The statuses an outcome the reader finds fits ("not adopted" fits a failed or a vetoed draft).
OUTCOME_FITS = {"adopted": {"adopted"}, "vetoed": {"vetoed"}, "failed": {"failed"},
                 "not-adopted": {"failed", "vetoed"}}


def procedural_read(said: list[Assertion], draft: Draft) -> list[Assertion]:
    """What a sentence states of a procedural vote ("India abstained from a procedural vote") is a fact
    of a draft marked procedural, and only of such a draft."""
    return procedural_as_fact(said) if draft.procedural else said


def procedural_as_fact(said: list[Assertion]) -> list[Assertion]:
    """The assertions, those in the mode `procedural` as facts. Copies: readings are shared between runs."""
    if not any(a.mode == PROCEDURAL_VOTE for a in said):
        return said
    out = []
    for a in said:
        if a.mode == PROCEDURAL_VOTE:
            a = copy.copy(a)
            a.mode = FACT
        out.append(a)
    return out


def _mode_phrase(a: Assertion, labels: DraftContext) -> str:
    if a.mode == REPORTED:
        return f"only as {labels.label(a.speaker)}'s claim" if a.speaker else "only as another speaker's claim"
    return "only " + _MODE_WORDS.get(a.mode, a.mode)


def _stated(said: list[Assertion]) -> str:
    """What a quote does say, for a message: 'it states AGO -> abstain [fact]; ...'."""
    shown = [a.describe() for a in said if a.kind != DRAFTED][:4]
    return "it states " + "; ".join(shown) if shown else "the reader finds no vote statement in it"


class DraftContext:
    """What every supports path of one draft is checked against."""

    def __init__(self, council, draft: Draft, labels: dict[str, str]):
        self.draft = draft
        self.labels = labels  # the members' names for messages
        seats = council.seated(draft.year) if draft.year else None
        self.seats = tuple(seats) if seats else ()
        self.cited = {supports.member(p) for ev in draft.evidence for p in ev.supports
                      if supports.head(p) == "votes" and p != supports.OTHERS}
        self.others = [c for c in draft.votes if c not in self.cited]
        self.counts = Counter(draft.votes.values())
        self.complete = bool(self.seats) and set(self.seats) <= set(draft.votes)
        self.is_permanent = council.is_permanent
        self.about: dict[int, list[Assertion]] = {}  # id of a quote's assertions -> those about this draft
        self.published_of = None  # a seed's publication date, or None
        self.as_the_rest: dict[str, set[int]] = {}  # votes.<CODE> -> quotes that back it counting the member

    def label(self, code: str) -> str:
        return f"{self.labels.get(code, code)} ({code})"

    def number(self, a: Assertion) -> int | None:
        """A count's number; 'all but two' counts against the seats of the draft's year, and
        'unanimously' against the members who took part (China did not take part in 1973 when the
        Council "unanimously adopted" resolution 338 by 14 votes)."""
        if a.all_but is not None:
            if not self.seats:
                return None
            absent = self.counts["absent"] if a.all_but == 0 else 0
            return len(self.seats) - a.all_but - absent
        return a.count


def establish_backing(check: DraftCheck, reader: QuoteReader, council, seeds_display: str,
                      published_of=None) -> None:
    """Read each anchored quote of a draft; record what backs each fact, why the rest is not backed, and
    the basis of every fact. `seeds_display`: the seeds folder as messages name it; `published_of`:
    a seed's publication date, or None (for 'today', 'yesterday' in a quote)."""
    draft = check.draft
    if not draft.evidence:  # nothing cited: every fact is unbacked (fact-unbacked says so)
        check.basis.update((claim, UNBACKED) for claim in draft.facts())
        return
    ctx = check.context = DraftContext(council, draft, reader.labels)
    ctx.published_of = published_of
    facts = set(draft.facts())
    partial: list = []  # (evidence, _Partial): quotes that name some of the drafters
    partial_tallies: list = []  # (index, path, where, _PartialTally or _PartialOthers): quotes backing with others
    elected = elected_of(council, draft.year)  # whom "the 10 non-permanent members" names in this draft's year
    not_adopted: list = []  # (index, its verdict alone): quotes that say a vetoed draft was not adopted
    by_every_quote: list = []  # (index, its verdict alone): quotes cited for status that state votes alone
    for ev in draft.evidence:
        anchor = check.anchors.get(ev.index)
        named: set[str] = set()
        said: list[Assertion] = []
        if anchor is not None:
            placed = check.placements[ev.index]
            said, named = reader.said(placed.key, placed.text, anchor)
            said, named = read_as_seated(said, named, draft.date, council)
            said, named = with_elected(said, named, elected)
            said = procedural_read(said, draft)
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
            if claim == supports.OTHERS:
                if not ctx.others:
                    verdict("supports-no-fact", "cites votes.others, which stands for no member: every recorded "
                            "vote is cited by its own votes.<CODE> path", "remove votes.others", at_fact=False)
                    continue
            elif claim not in facts:
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
            hint = _ReadHint(seeds_display, ev.seed, anchor.line, ev.quote or "")
            failure = _says(claim, ctx, said, named, ev.quote or "", hint)
            if isinstance(failure, _Partial):
                partial.append((ev, failure))
                continue
            if isinstance(failure, (_PartialTally, _PartialOthers)):
                partial_tallies.append((ev.index, claim, where, failure))
                continue
            if isinstance(failure, _Deferred):
                code, message, hint, at_fact = failure.failure
                alone = Verdict(ev.index, claim, code, f"{where} {message}", str(hint), at_fact)
                (not_adopted if isinstance(failure, _NotAdopted) else by_every_quote).append((ev.index, alone))
                continue
            if failure is _AS_THE_REST:
                ctx.as_the_rest.setdefault(claim, set()).add(ev.index)
                failure = None
            if failure is None:
                if claim == supports.OTHERS:
                    for code in ctx.others:
                        check.backing.setdefault(supports.vote_path(code), []).append(ev.index)
                check.backing.setdefault(claim, []).append(ev.index)
            elif failure is not _CONTRADICTED:
                code, message, hint, at_fact = failure
                verdict(code, message, hint, at_fact)
    if partial:
        _drafters_between_quotes(check, ctx, partial)
    if partial_tallies:
        others_elsewhere = any(isinstance(found, _PartialOthers) for *_, found in partial_tallies) \
            and _others_backed_by_a_quote(check, ctx)
        _backed_between_quotes(check, partial_tallies, _named_by_every_quote(check, ctx), others_elsewhere)
    settled = _charter_of(ctx, [a for said in check.readings.values() for a in ctx.about.get(id(said), ())]) \
        if by_every_quote or not_adopted else None
    for index, alone in by_every_quote:
        if settled == draft.status:
            check.backing.setdefault("status", []).append(index)
        else:
            check.verdicts.append(alone)
    for index, alone in not_adopted:
        # the other half of the status, a veto or too few votes: another quote, or all the quotes' counts
        if check.backing.get("status") or settled == draft.status:
            check.backing.setdefault("status", []).append(index)
        else:
            check.verdicts.append(alone)
    _assign_basis(draft, check, ctx)


def _drafters_between_quotes(check: DraftCheck, ctx: DraftContext, partial: list) -> None:
    """Quotes that each name some drafters back drafted_by together when between them (and the
    quotes that name them all) every drafter is named as such; else each says who it leaves out."""
    draft = check.draft
    named = set().union(*(p.stated for _, p in partial))
    missing = [] if check.backing.get("drafted_by") else [code for code in draft.drafted_by if code not in named]
    for ev, found in partial:
        if not missing:
            check.backing.setdefault("drafted_by", []).append(ev.index)
            continue
        left = [code for code in draft.drafted_by if code not in found.stated]
        check.verdicts.append(Verdict(
            ev.index, "drafted_by", "support-drafter",
            f"evidence[{ev.index}] (line {ev.loc.line}) does not state that "
            f"{', '.join(ctx.label(c) for c in left)} drafted the text, and no other quote cited for drafted_by "
            f"names {', '.join(ctx.label(c) for c in missing)} as a drafter",
            "cite a quote that names the other drafters as such, or correct drafted_by", True))


def _named_by_every_quote(check: DraftCheck, ctx: DraftContext) -> dict[str, set[str]]:
    """For each vote, the members that some quote the record cites (for whatever path) names as a
    fact as voting so on this draft: "Russia vetoed it", cited for votes.RUS alone, names one of
    the two votes against that "Bolivia also voted against", cited for tally.no, leaves out."""
    named: dict[str, set[str]] = {}
    for said in check.readings.values():
        for a in ctx.about.get(id(said), ()):
            if a.factual and a.kind in (VOTE, VETO):
                named.setdefault(a.vote, set()).update(a.members)
    return named


def _others_backed_by_a_quote(check: DraftCheck, ctx: DraftContext) -> bool:
    """Whether a quote the record cites, for whatever path, would back votes.others alone: "11 votes in
    favour", cited for tally.yes in a complete record whose other votes are all quoted."""
    if not ctx.others:
        return False
    for said in check.readings.values():
        if _says(supports.OTHERS, ctx, said, set(), "", None) is None:
            return True
    return False


def _accounted_by_every_quote(check: DraftCheck) -> dict[str, int] | None:
    """Each vote's number when the factual statements of all the quotes the record cites, taken
    together, account for every seat of the year ("only four positive votes", "Nine members
    abstained", "The UK and US voted no": 4 + 9 + 2 of 15), so that each is the whole of its vote;
    None otherwise (`_seats_accounted`)."""
    ctx = check.context
    mine = [a for said in check.readings.values() for a in ctx.about.get(id(said), ())]
    return _numbers(ctx, mine)[2]


def _backed_between_quotes(check: DraftCheck, partial: list, quoted: dict[str, set[str]],
                           others_elsewhere: bool) -> None:
    """Quotes that each name some of the members who voted one way back that tally together when
    between them and the record's other quotes (`quoted`: the members each vote's factual
    statements name) every one of them is named, and any of them beside a quote that backs the
    tally (or votes.others) alone (for votes.others, `others_elsewhere`: a quote the record cites for
    another path would); else each says what it lacks."""
    draft = check.draft
    named: dict[str, set[str]] = {vote: set(members) for vote, members in quoted.items()}
    for *_, found in partial:
        if isinstance(found, _PartialTally):
            named.setdefault(found.rest, set()).update(found.stated)
    # counted once, and only when a quote cited for a tally may need it
    whole = _accounted_by_every_quote(check) if any(isinstance(f, _PartialTally) for *_, f in partial) else None
    for index, claim, where, found in partial:
        if check.backing.get(claim) or (isinstance(found, _PartialOthers) and others_elsewhere) or (
                isinstance(found, _PartialTally) and check.context.complete
                and len(named[found.rest]) == draft.tally.get(found.rest) and named[found.rest] == {
                m for m, v in draft.votes.items() if v == found.rest}) or (
                isinstance(found, _PartialTally) and whole is not None
                and whole[found.rest] == draft.tally.get(found.rest)):
            if claim == supports.OTHERS:
                for code in check.context.others:
                    check.backing.setdefault(supports.vote_path(code), []).append(index)
            check.backing.setdefault(claim, []).append(index)
            continue
        code, message, hint, at_fact = found.failure
        check.verdicts.append(Verdict(index, claim, code, f"{where} {message}", None if hint is None else str(hint),
                                      at_fact))


_CONTRADICTED = ("contradicted",)  # the contradiction check says it, once
_AS_THE_REST = ("as the rest",)  # backed by a quote that counts the member among the rest: derived, not quoted


class _Deferred(Record):
    """A quote cited for status whose verdict waits for the record's other quotes; alone, `failure`
    is its problem."""

    __slots__ = ("failure",)

    def __init__(self, failure: tuple):
        self.failure = failure


class _ByEveryQuote(_Deferred):
    """A quote cited for status that states votes but no outcome: it backs the status when the factual
    votes and counts of all the record's quotes together settle it under the Charter."""

    __slots__ = ()


class _NotAdopted(_Deferred):
    """A quote cited for a vetoed draft's status that states only that the draft was not adopted:
    it backs the status together with another quote cited for it that states the veto."""

    __slots__ = ()


class _PartialTally(Record):
    """A quote cited for a tally of a complete record that names some of the members who voted so:
    it backs the tally together with the other quotes cited for it, when between them they name
    every one of them (so their number is the count); alone, `failure` is its problem."""

    __slots__ = ("rest", "stated", "failure")

    def __init__(self, rest: str, stated: set[str], failure: tuple):
        self.rest, self.stated, self.failure = rest, stated, failure


class _PartialOthers(Record):
    """A quote cited for votes.others that names, with their recorded votes, members who are not the
    others: it backs votes.others beside another quote cited for it that does alone; else `failure`."""

    __slots__ = ("failure",)

    def __init__(self, failure: tuple):
        self.failure = failure


class _Partial(Record):
    """A quote that names some of the drafters as such: it backs drafted_by together with the
    other quotes cited for it, when between them they name every drafter."""

    __slots__ = ("stated",)

    def __init__(self, stated: set[str]):
        self.stated = stated


class _Claim(Record):
    """One supports path being checked: the claim, its head and rest, and what the quote says."""

    __slots__ = ("claim", "head", "rest", "ctx", "said", "named", "quote", "read_hint", "mine")

    def __init__(self, claim: str, ctx: DraftContext, said: list[Assertion], named: set[str], quote: str, read_hint):
        self.claim, self.ctx, self.said, self.named, self.quote, self.read_hint = (
            claim, ctx, said, named, quote, read_hint)
        self.head, _, self.rest = claim.partition(".")
        self.mine = ctx.about.get(id(said)) or [a for a in said if about(a, ctx.draft)]


def _says(claim: str, ctx: DraftContext, said: list[Assertion], named: set[str], quote: str, read_hint):
    """None when the quote backs the claim; _CONTRADICTED when a factual assertion says otherwise
    (reported once, by the contradiction check); a _Partial or _PartialTally when the quote backs
    the claim only together with others cited for it; else (code, message, hint, at_fact).

    Each kind of fact has its own function, found through `_SAYS`."""
    c = _Claim(claim, ctx, said, named, quote, read_hint)
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
    aligned = _aligned_with(c, rest)
    if aligned is None:
        return None
    against = [a for a in here if a.factual and a.vote != vote]
    if any(not a.weak for a in against):
        return _CONTRADICTED
    if against:  # "Britain supported the draft": never held against a record, but no backing for another vote
        return ("support-vote", f"says {against[0].describe()}, not {rest} -> {vote}", read_hint, True)
    # a member the quote names, if at all, only otherwise than with a vote ("The text, drafted by the UK,
    # was approved with 14 votes out of 15, with Russia abstaining") is counted among the rest
    voters = _voters(said)
    if rest not in voters and vote == "yes" and any(a.kind == COUNT and a.all_but == 0 and a.vote == "yes"
                                                    and a.factual for a in c.mine):
        return _AS_THE_REST  # "The Council unanimously adopted ...": every member of the draft's year voted for it
    if rest not in voters and _counts_among_the_rest(c, vote, voters):
        return _AS_THE_REST
    if rest not in named:
        others = ", ".join(names.label(code) for code in sorted(named)) or "no member"
        counted = next((a for a in c.mine if a.kind in (REST, COUNT) and a.vote == vote and a.factual), None)
        fix = (f"it counts the members it does not name ({counted.describe().split(' [')[0]}), which backs "
               f"their votes only when the record gives every seated member a vote and the count fits it: complete "
               f"the votes, or cite a quote naming {names.labels.get(rest, rest)}" if counted is not None else
               english_only(c.quote) or f"cite a quote naming {names.labels.get(rest, rest)}, or add the name "
               f"the seed uses to {rest}'s names in council.yaml")
        return ("support-member", f"does not name {label}; it names {others}", fix, False)
    hedged = [a for a in here if a.vote == vote]
    if hedged:
        return ("support-mode", f"says {rest} -> {vote} {_mode_phrase(hedged[0], names)}", read_hint, True)
    if any(not about(a, draft) for a in tied):
        other = next(a for a in tied if not about(a, draft))
        return ("support-other-text", f"says {other.describe()}, about another draft than this one",
                read_hint, True)
    if aligned:
        return aligned
    return ("support-vote", f"names {label} but states no vote of it; {_stated(said)}", read_hint, True)


def _voters(said: list[Assertion]) -> set[str]:
    """The members a quote ties to a vote: named as voting, vetoing, or voting with another."""
    found: set[str] = set()
    for a in said:
        if a.kind in (VOTE, VETO, ALIGNED):
            found.update(a.members)
            found.update(a.leaders or ())
    return found


def _counts_among_the_rest(c: _Claim, vote: str, voters: set[str]) -> bool:
    """Whether the quote, cited for the vote of a member it ties to no vote, counts that member among
    the rest ("Russia vetoed it, China abstained and 13 others voted in favour"): it backs the vote
    as it would back votes.others standing for every member of that vote the quote ties to none."""
    others = [m for m, v in c.ctx.draft.votes.items() if v == vote and m not in voters]
    return _states_as_the_rest(c.ctx, c.mine, vote, others, _one_count_unnamed(c, vote))


def _one_count_unnamed(c: _Claim, vote: str) -> bool:
    """Whether the quote's bare count of `vote` is the only one that counts members it does not name: "11
    in favour, while China and Angola abstained" tells who the eleven are in a complete record; "two in
    favour, Russia and China against, while 11 abstained" does not tell which two."""
    named = Counter(a.vote for a in c.said if a.kind in (VOTE, VETO) and a.factual for _ in a.members)
    return not any(a.kind == COUNT and a.factual and a.vote != vote and a.all_but is None and a.count is not None
                   and c.ctx.number(a) > named.get(a.vote, 0) for a in c.mine)


def _states_as_the_rest(ctx: DraftContext, mine: list[Assertion], vote: str, others: list[str],
                        counts: bool = True) -> bool:
    """Whether a factual 'the rest' or count of the quote states `others`, all voting `vote`, as the
    rest of the Council: "all but X" leaving exactly them, "the remaining N" as many as they are (or
    as the record's complete vote), "the rest" of a complete record, or a count equal to it."""
    for a in mine:
        if not a.factual or a.vote != vote:
            continue
        if a.kind == REST and a.except_:
            # "all but X" leaving them, or them and members other quotes give the same vote ("unanimous, 14-0,
            # with only the United States abstaining" beside "Egypt voted for the text")
            rest = set(ctx.seats) - set(a.except_)
            if ctx.seats and set(others) <= rest and all(ctx.draft.votes.get(m) == vote for m in rest):
                return True
        elif a.kind == REST and a.count is not None:
            # "the 14 other members" and 14 'yes' in a complete record: every one of them, the others too
            if a.count == len(others) or (ctx.complete and ctx.counts[vote] == a.count):
                return True
        elif a.kind == REST:
            if ctx.complete:
                return True
        elif a.kind == COUNT and counts and ctx.complete and ctx.number(a) == ctx.counts[vote]:
            return True
    return False


def _aligned_with(c: _Claim, code: str):
    """A quote saying the member voted with others ("China and Namibia voted with Russia") backs the
    member's vote when the record gives each of them that vote: None then. Else the problem to
    report if nothing else backs the vote, or () where the quote says no such thing."""
    draft, names, vote = c.ctx.draft, c.ctx, c.ctx.draft.votes[code]
    for a in c.mine:
        if a.kind != ALIGNED or code not in a.members:
            continue
        if not a.factual:
            return ("support-mode", f"says {a.describe()} {_mode_phrase(a, names)}", c.read_hint, True)
        theirs = {leader: draft.votes.get(leader) for leader in a.leaders}
        if all(v == vote for v in theirs.values()):
            return None
        shown = ", ".join(f"{leader}: {v or 'no vote recorded'}" for leader, v in theirs.items())
        return ("support-vote", f"says {code} voted as {', '.join(a.leaders)}, but the record has {code}: {vote} "
                f"and {shown}", "record the same vote for both, or cite a quote stating each vote", True)
    return ()


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
    if _states_as_the_rest(ctx, mine, vote, ctx.others):
        return None
    failure = ("support-others", f"cites votes.others for {len(ctx.others)} members voting '{vote}', but states "
               f"neither 'the remaining {len(ctx.others)}' nor a count that leaves exactly them; {_stated(said)}",
               f"members it stands for: {', '.join(ctx.others)}; {read_hint}", True)
    named = [a for a in mine if a.factual and a.kind in (VOTE, VETO)]
    if ctx.complete and named and all(m not in ctx.others and draft.votes.get(m) == a.vote
                                      for a in named for m in a.members):
        # "Angola, China and Venezuela abstained" beside "Eleven members voted in favour": it names who
        # the others are not, and backs them with a quote that counts them
        return _PartialOthers(failure)
    return failure


def _says_tally(c: _Claim):
    draft, names, said, mine, read_hint, ctx, rest = (
        c.ctx.draft, c.ctx, c.said, c.mine, c.read_hint, c.ctx, c.rest)
    count = draft.tally[rest]
    if count == 0 and rest != "yes" and any(a.kind == COUNT and a.all_but == 0 and a.vote == "yes" and a.factual
                                            for a in mine):
        return None  # "unanimously": every member for, so none against and none abstaining
    named_so = any(a.kind in (VOTE, VETO) and a.vote == rest for a in mine)
    for a in mine:
        if a.vote != rest:
            continue
        fits = (a.kind == COUNT and ctx.number(a) == count) or (
            a.kind == VOTE and a.exhaustive and len(a.members) == count) or (
            a.kind == REST and a.count == count and ctx.counts[rest] == count) or (
            # "South Africa voted against, three abstained, while nine other states supported it": with no
            # member named as voting so, the others are the whole of that vote
            a.kind == REST and a.count == count and not a.except_ and not named_so) or (
            # "All other countries of the 15-member council, including China, voted in favour", the record
            # complete: every member but those who voted otherwise voted so, and the record counts them
            # (the same reading backs votes.others)
            a.kind == REST and a.count is None and not a.except_ and ctx.complete and ctx.counts[rest] == count) or (
            # "Britain and Russia abstained", the record complete and those its only abstentions:
            # the list names every member of that vote, so its length is the count
            a.kind == VOTE and not a.weak and ctx.complete and len(a.members) == count
            and set(a.members) == {m for m, v in draft.votes.items() if v == rest})
        if fits and a.factual:
            return None
        if fits:
            return ("support-mode", f"states {count} '{rest}' {_mode_phrase(a, names)}", read_hint, True)
    if any(a.factual and a.kind == COUNT and a.vote == rest for a in mine):
        return _CONTRADICTED
    voted_so = {m for m, v in draft.votes.items() if v == rest}
    if ctx.complete and _names_every(mine, rest, voted_so, count):
        return None  # "China and Russia issued vetoes, and South Africa also voted against": three, all of them
    _, _, whole = _numbers(ctx, mine)
    if whole is not None and whole.get(rest) == count:
        return None  # "supported by Russia, China and Brazil; no one voted against it, while (twelve) abstained"
    failure = ("support-tally", f"states no count of {count} '{rest}' votes; {_stated(said)}",
               f"is the tally right? {read_hint}", True)
    stated = _named_so(mine, rest)
    if stated and stated <= voted_so and ctx.seats:
        # "Russia vetoed it" here, "Bolivia also voted against" in another quote cited for the tally (a
        # complete record); or "The UK and US voted no" here, "four positive votes" and "Nine abstained"
        # in others (the seats all accounted for): `_backed_between_quotes` decides which, if either
        return _PartialTally(rest, stated, failure)
    if not stated and ctx.seats and any(a.factual and a.kind in (REST, COUNT) and a.vote != rest for a in mine):
        # "The other 14 members voted in favour", cited for tally.no beside "The United States vetoed it":
        # it leaves the vote to the members the record's other quotes name
        return _PartialTally(rest, stated, failure)
    return failure


def _named_so(mine: list[Assertion], vote: str) -> set[str]:
    """The members a quote's factual votes and vetoes name as voting `vote`."""
    named: set[str] = set()
    for a in mine:
        if a.factual and a.kind in (VOTE, VETO) and a.vote == vote:  # "supported", "opposed": votes on a voted draft
            named.update(a.members)
    return named


def _names_every(mine: list[Assertion], vote: str, members: set[str], count: int) -> bool:
    """Whether the quote's factual votes and vetoes of `vote`, together, name exactly the `count`
    members of a complete record that voted so: the lists' length is the count."""
    named = _named_so(mine, vote)
    return len(named) == count and named == members


def _says_status(c: _Claim):
    draft, names, said, mine, read_hint = c.ctx.draft, c.ctx, c.said, c.mine, c.read_hint
    status = draft.status
    if status == "adopted" and draft.symbol and _RESOLUTION_SYMBOL.fullmatch(draft.symbol) \
            and _names_by_number(draft.symbol, _spoken(c.quote)):
        return None  # "welcomed yesterday's Resolution 2510": only an adopted text has a resolution's number
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
    if status == "failed" and fits and all(a.outcome == "not-adopted" for a in fits) and any(
            a.factual and a.kind in (VOTE, VETO) and a.vote == "no" and any(c.ctx.is_permanent(m) for m in a.members)
            for a in mine):
        # "Fails to Adopt Resolution ..., as United States Casts Negative Vote": not adopted, and a
        # permanent member against it; a failure only if the yes votes were too few, which the counts
        # say (the Charter's check just below)
        fits = []
    if status == "failed" and fits and all(a.outcome == "not-adopted" for a in fits if a.factual) and \
            any(a.factual for a in fits) and _charter_says(c) != status:
        # "Two drafts ... were defeated": not adopted, which a veto also leaves a draft; a failure for too
        # few votes only with another quote (or the record's counts) saying so, as a veto another quote states
        return _NotAdopted(("support-status", f"states only that the draft was not adopted; {_stated(said)}; and "
                            "no other quote cited for status states that it had too few votes", read_hint, True))
    if any(a.factual or (status == "not-voted") for a in fits):
        return None
    if status in ("vetoed", "failed", "adopted") and _charter_says(c) == status:
        return None
    if any(a.factual and _against_status(a, status) for a in mine):
        return _CONTRADICTED
    if fits:
        return ("support-mode", f"states the outcome '{status}' {_mode_phrase(fits[0], names)}", read_hint, True)
    message = f"states no outcome '{status}'; {_stated(said)}"
    if status == "vetoed" and any(a.factual and a.kind == OUTCOME and a.outcome == "not-adopted" for a in mine):
        # "The Council failed to adopt the text": half of 'vetoed', the other half a veto another quote states
        return _NotAdopted(("support-status", message + "; and no other quote cited for status states the veto",
                            read_hint, True))
    if status in charter.OUTCOMES and any(a.factual and a.kind in (VOTE, VETO, COUNT, REST) for a in mine):
        # "Against: United States of America.", cited for status beside the other blocks of the record
        return _ByEveryQuote(("support-status", message + "; nor do the votes all the record's quotes state settle "
                              f"it as '{status}'", read_hint, True))
    return ("support-status", message, read_hint, True)


def _charter_says(c: _Claim) -> str | None:
    """The outcome the quote's own factual counts and votes settle under the Charter (`_charter_of`)."""
    return _charter_of(c.ctx, c.mine)


def _charter_of(ctx: DraftContext, mine: list[Assertion]) -> str | None:
    """The outcome these factual counts and votes settle under the Charter, or None:
    "11 votes in favour ... three against, including veto-wielding Russia" is a veto, "eight in
    favour" a failure, "adopted by 14 votes to none" an adoption; "approved by 12 members, with
    Russia, China and Pakistan abstaining" an adoption too, as the 15 seats are all accounted for
    and none voted against. On a procedural decision a permanent no is no veto."""
    draft = ctx.draft
    if draft.year is None:
        return None
    facts, stated, whole = _numbers(ctx, mine)
    yes = {whole["yes"]} if whole else stated["yes"]
    needed = charter.quota(draft.year)
    if len(yes) != 1:
        # "only received two ..., with the 13 other members abstaining": the seats left for yes votes
        # are too few for any adoption, whatever the count of the yes votes
        least = _at_least(ctx, facts, stated)
        if least is not None and len(ctx.seats) - least["no"] - least["abstain"] - least["absent"] < needed:
            return "failed"
        return None
    (count,) = yes
    if count < needed:
        return "failed"
    permanent_no = any(a.kind in (VOTE, VETO) and a.vote == "no" and any(ctx.is_permanent(m) for m in a.members)
                       for a in facts)
    if permanent_no and not draft.procedural:
        return "vetoed"
    no = {whole["no"]} if whole else {ctx.number(a) for a in facts if a.kind == COUNT and a.vote == "no"}
    if whole and (draft.procedural or whole["no"] == len(
            {m for a in facts if a.kind in (VOTE, VETO) and a.vote == "no" for m in a.members})):
        return "adopted"  # every seat accounted for, and each vote against named: none of a permanent member
    return "adopted" if no == {0} else None


def _numbers(ctx: DraftContext, mine: list[Assertion]):
    """A quote's factual assertions about the draft, the counts it states of each vote, and each
    vote's whole number where it accounts for every seat (`_seats_accounted`)."""
    facts = [a for a in mine if a.factual]
    stated = {vote: {ctx.number(a) for a in facts if a.kind == COUNT and a.vote == vote} - {None}
              for vote in ("yes", "no", "abstain")}
    return facts, stated, _seats_accounted(ctx, facts, stated)


def _seats_accounted(ctx: DraftContext, facts: list[Assertion], stated: dict) -> dict[str, int] | None:
    """Each vote's number when the quote accounts for every seat: for each vote the largest of what
    it says of that vote (its one stated count, the members it names as voting so, 'the other six'),
    each at least that vote's number, and these add up to the seats of the year. Then none was
    absent and each is the whole of its vote (no member votes twice). None otherwise."""
    numbers = _at_least(ctx, facts, stated)
    return numbers if numbers is not None and sum(numbers.values()) == len(ctx.seats) else None


def _at_least(ctx: DraftContext, facts: list[Assertion], stated: dict) -> dict[str, int] | None:
    """The fewest votes of each kind the quote says were cast: for each vote the largest of what it
    says of it (its one stated count, the members it names as voting so, 'the other six'). None
    when the year's seats are unknown, a vote has two counts, or a member is named with two votes."""
    if not ctx.seats or any(len(numbers) > 1 for numbers in stated.values()):
        return None
    named: dict[str, set[str]] = {"yes": set(), "no": set(), "abstain": set(), "absent": set()}
    rest = {"yes": 0, "no": 0, "abstain": 0, "absent": 0}
    for a in facts:
        if a.kind in (VOTE, VETO) and a.vote in named:
            named[a.vote].update(a.members)
        elif a.kind == REST and a.vote in rest and a.count is not None and not a.except_:
            rest[a.vote] = max(rest[a.vote], a.count)
    if any(named[x] & named[y] for x in named for y in named if x < y):
        return None
    return {vote: max(list(stated.get(vote, ())) + [len(named[vote]), rest[vote]]) for vote in named}


def _says_drafters(c: _Claim):
    draft, names, said, read_hint = c.ctx.draft, c.ctx, c.said, c.read_hint
    stated = {m for a in said if a.kind == DRAFTED and a.factual for m in a.members}
    missing = [c for c in draft.drafted_by if c not in stated]
    if missing and stated & set(draft.drafted_by):
        return _Partial(stated)  # "a U.S. resolution" here, "Britain, which co-sponsored it" in another quote
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
    if says_date(_spoken(quote), draft.date) or says_day_before_dateline(_spoken(quote), draft.date):
        return None
    published = c.ctx.published_of(c.read_hint.seed) if c.ctx.published_of is not None else None
    if published is not None and says_relative_date(_spoken(quote), published, draft.date):
        return None  # "the Security Council this evening failed to adopt ...", in an article of that day
    return ("support-date", f"does not carry the date {draft.date.isoformat()} (day and month, month and "
            f"year, or its weekday {draft.date.strftime('%A')})", "cite an outside source for an exact date", True)


#: A resolution's symbol and a meeting's record by their numbers: "S/RES/2626 (2022)", "S/PV.8997".
_RESOLUTION_SYMBOL = re.compile(r"S/RES/(\d{1,5}) ?\(\d{4}\)")
_MEETING_SYMBOL = re.compile(r"S/PV\.(\d{1,6})")


def _says_text(c: _Claim):
    draft, claim = c.ctx.draft, c.claim
    value, spoken = getattr(draft, claim), _spoken(c.quote)
    # "S/RES/2664(2022)" in a press release is the symbol "S/RES/2664 (2022)": spaces aside
    if _contains_symbol(_symbol_form(spoken), _symbol_form(normalise(value))):
        return None
    if _names_by_number(value, spoken):
        return None
    return ("support-text", f"does not contain the {claim} '{value}'",
            f"cite an outside source for the {claim}, such as the UN Digital Library", True)


def _symbol_form(text: str) -> str:
    """A symbol's spelling with what writers vary made one: the case, a colon for a slash and the
    full stop of "Rev." ("S/15156:Rev 2" is S/15156/Rev.2)."""
    return text.lower().replace(":", "/").replace("rev.", "rev")


def _contains_symbol(text: str, symbol: str) -> bool:
    """The symbol stands in the text whole, spaces inside it aside ("S/RES/2664(2022)" is
    "S/RES/2664 (2022)"): no letter, digit or slash runs on before it, and no letter or digit after
    it ("S/2016/84" is not in "S/2016/846"). Each start is walked at most the symbol's length
    (without its spaces) plus the spaces met: linear in the text for a symbol of bounded length."""
    symbol = "".join(symbol.split())
    if not symbol:
        return False
    at = text.find(symbol[0])
    while at >= 0:
        if at == 0 or not (text[at - 1].isalnum() or text[at - 1] == "/"):
            i, k = at, 0
            while i < len(text) and k < len(symbol):
                if text[i].isspace() and k:
                    i += 1
                elif text[i] == symbol[k]:
                    i, k = i + 1, k + 1
                else:
                    break
            if k == len(symbol) and (i == len(text) or not text[i].isalnum()):
                return True
        at = text.find(symbol[0], at + 1)
    return False


def _names_by_number(symbol: str, text: str) -> bool:
    """A resolution or a meeting named by its number, which the Council never gives twice:
    "resolution 2626 (2022)" or "Resolution 2626" is S/RES/2626 (2022), "8997th Meeting" is
    S/PV.8997. The patterns are literal words around one run of digits: they cannot backtrack."""
    resolution, meeting = _RESOLUTION_SYMBOL.fullmatch(symbol), _MEETING_SYMBOL.fullmatch(symbol)
    if resolution is not None:
        # "Resolution No. 1803", "resolution number 1803", "Res. 122 (1957)", "Resolution (2510/2020)", "The
        # resolution, numbered 2793," too
        found = re.search(rf"\b(?:resolution|res\.)\s*(?:no\.?\s*|number\s+|, numbered\s+|\()?{resolution.group(1)}"
                          rf"(?!\d)", text, re.IGNORECASE)
        found = found or re.search(rf"S/RES/{resolution.group(1)}(?![\d/])", text)  # a list's "S/RES/82", no year
    elif meeting is not None:
        # "8997th Meeting", "603d Meeting" (an older style), and "Meeting No. 1016", "Meeting no.2,190" (the
        # number with a thousands comma: one of two literal spellings)
        number = f"(?:{meeting.group(1)}|{int(meeting.group(1)):,})"
        found = re.search(rf"(?<![\d,]){number}(?:st|nd|rd|th|d)?\s+meeting\b", text, re.IGNORECASE) or \
            re.search(rf"\bmeeting\s+(?:no\.?|number)\s*{number}(?![\d,])", text, re.IGNORECASE)
    else:
        return False
    return found is not None


#: Which function checks which kind of fact.
_SAYS = {"votes": _says_vote, "votes.others": _says_others, "tally": _says_tally, "status": _says_status,
         "drafted_by": _says_drafters, "positions": _says_stance, "date": _says_date, "symbol": _says_text,
         "meeting": _says_text}


class _ReadHint:
    """'see what the reader finds: votes read seeds/X:LINE', built only when a message needs it; first,
    where the quote is in another language, that the reader reads English only."""

    def __init__(self, seeds_display: str, seed: str, line: int, quote: str = ""):
        self.seeds_display, self.seed, self.line, self.quote = seeds_display, seed, line, quote

    def __str__(self) -> str:
        foreign = english_only(self.quote)
        return (f"{foreign}; " if foreign else "") + \
            f"see what the reader finds: votes read {self.seeds_display}/{self.seed}:{self.line}"

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)


def _against_status(a: Assertion, status: str | None) -> bool:
    """A factual veto or outcome that the recorded status cannot stand beside."""
    if a.kind == VETO:
        return status in ("adopted", "failed", "not-voted")
    if a.kind == OUTCOME:
        return status is not None and status not in OUTCOME_FITS[a.outcome]
    return False


def _spoken(quote: str) -> str:
    """The words of a quote, normalised, its `...` gaps kept as clause breaks (no regex: linear)."""
    return normalise(" ; ".join(part.strip() for part in quote.replace("\u2026", "...").split("...")))


def _assign_basis(draft: Draft, check: DraftCheck, ctx: DraftContext) -> None:
    backing = check.backing
    sourced = {ev.index for ev in draft.evidence if ev.source is not None}  # once, not per fact and quote
    for claim in draft.facts():
        indices = backing.get(claim, [])
        if not indices:
            check.basis[claim] = UNBACKED
        elif sourced and all(i in sourced for i in indices):  # nearly every record cites no outside source
            check.basis[claim] = SOURCED
        else:
            check.basis[claim] = QUOTED
    via_others = set(backing.get("votes.others", []))
    for code in draft.votes:
        path = f"votes.{code}"
        indices = set(backing.get(path, []))
        via = (via_others if code in ctx.others else set()) | ctx.as_the_rest.get(path, set())
        if indices and indices <= via:  # no quote backing it names the member
            check.basis[path] = DERIVED
    # A tally backed by no quote is derived when it counts complete, backed votes.
    votes_backed = all(check.basis.get(f"votes.{c}") in (QUOTED, DERIVED) for c in draft.votes)
    if draft.tally and ctx.complete and votes_backed:
        for key in draft.tally:
            if check.basis.get(f"tally.{key}") == UNBACKED and ctx.counts[key] == draft.tally[key]:
                check.basis[f"tally.{key}"] = DERIVED


