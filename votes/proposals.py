"""Records proposed from an article: the reader's factual assertions grouped by the draft they
are about, and each group filled into a proposed record (votes, tally, status, drafters, date,
evidence with the paths each sentence can back).

Pure: it takes readings and the council and returns `Proposal`s; `votes.suggest` checks them
against the validator and writes them.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter

from . import charter
from .dates import ANNIVERSARY, MONTH_NUMBERS, WEEKDAYS, calendar_mentions, says_date
from .groups import ELECTED, elected_of, with_elected
from .reader import ALIGNED, COUNT, DRAFTED, OUTCOME, REST, VETO, VOTE, Assertion, Reading, TextRef
from .record import Record
from .resolution_years import NOT_A_SCORE, adopted_in
from .seating import read_as_seated

_FACT_KINDS = (VOTE, VETO, COUNT, REST, OUTCOME, DRAFTED, ALIGNED)
#: Words before a date that make it no date of the vote: a deadline, a start, another event's.
_NOT_THE_VOTE = frozenset({"until", "by", "since", "before", "after", "through", "till", "from", "of", "to",
                           "between", "beyond", "expires", "expiring", "ends", "ending"})
#: Verbs of other events, whose date follows them after 'on' or 'in': "the cease-fire agreement signed on
#: 4 December 1996", "the plane shot down on 17 July 2014".
_OTHER_EVENTS = frozenset({"signed", "killed", "attacked", "launched", "began", "begun", "started", "reached",
                           "concluded", "struck", "crashed", "died", "born", "occurred", "happened", "published",
                           "issued", "released", "declared", "elected", "invaded", "seized", "captured", "bombed",
                           "downed", "down", "fired", "detonated", "tested", "enacted", "assassinated",
                           "kidnapped", "arrested", "broke", "erupted", "effect"})


class Proposal(Record):
    """One proposed record: its fields, its evidence (quote, supports), and what to check by hand."""

    __slots__ = ("key", "drafters", "symbol", "votes", "tally", "status", "date", "evidence", "todos", "order",
                 "readings", "problems", "date_given", "procedural")

    def __init__(self, key, drafters: tuple[str, ...], symbol: str | None, order: int):
        self.key, self.drafters, self.symbol, self.order = key, drafters, symbol, order
        self.votes: dict[str, str] = {}
        self.tally: dict[str, int] = {}
        self.status: str | None = None
        self.date: dt.date | None = None
        self.evidence: list[tuple[str, list[str]]] = []  # (quote, supports)
        self.todos: list[str] = []
        self.readings: list[tuple[Reading, list[Assertion]]] = []  # the sentences it rests on, and their assertions
        self.problems: list[str] = []  # why it cannot validate as it stands, said before it is shown
        self.date_given = False  # the date is the researcher's (--date) or worked out, and no sentence states it
        self.procedural = False  # a procedural decision (Article 27(2)): the article calls its vote procedural


# --- grouping assertions by draft -------------------------------------------------------------------

def _ref_key(ref: TextRef | None):
    if ref is None or not ref.named:  # a side of a sentence about two drafts names neither
        return None
    return ("symbol", ref.symbol) if ref.symbol else ("drafters", ref.drafters)


#: The fewest votes in favour a draft needs to pass: seven of eleven before 1966, nine of fifteen
#: since. A draft with fewer failed for want of votes, whatever a permanent member voted: no veto.
_FEWEST_YES = min(charter.BEFORE_1966.quota, charter.SINCE_1966.quota)


class _Facts:
    """What a group holds so far, to see when a sentence speaks of another vote."""

    def __init__(self):
        self.votes: dict[str, str] = {}
        self.counts: dict[str, int] = {}
        self.outcomes: set[str] = set()
        self.vetoed = False
        self.unanimous = False
        #: the fewest votes of each kind the draft had: "the United States joined the 14 other members in
        #: adopting it" is 15 in favour at least, so "voted 14-0" is another vote
        self.at_least: dict[str, int] = {}

    def conflicts(self, a: Assertion) -> bool:
        if a.kind in (VOTE, VETO):
            return any(self.votes.get(m, a.vote) != a.vote for m in a.members) or self._beyond_the_seats(a) or (
                a.kind == VETO and ("adopted" in self.outcomes or self.unanimous)) or (
                a.vote in ("no", "abstain") and self.unanimous)  # "unanimously": no one voted against or abstained
        if a.kind == COUNT and a.all_but == 0:  # "unanimously"
            return bool(self.outcomes - {"adopted"}) or any(v == "no" for v in self.votes.values()) or \
                any(n and v != "yes" for v, n in self.counts.items())
        if a.kind == COUNT and a.count is not None and a.all_but is None:
            return self.counts.get(a.vote, a.count) != a.count or a.count < self.at_least.get(a.vote, 0) or \
                self._filled({**self.counts, a.vote: a.count}, Counter(self.votes.values())) > charter.SINCE_1966.seats
        if a.kind == OUTCOME:
            return bool((a.outcome == "adopted" and (self.outcomes - {"adopted"} or self.vetoed)) or (
                a.outcome != "adopted" and ("adopted" in self.outcomes or self.unanimous)))
        return False

    def _beyond_the_seats(self, a: Assertion) -> bool:
        """The members a vote names, beside the counts and votes the draft holds, would fill more seats
        than the Council has ever had: "Japan voted no" is not of the draft with 13 in favour, Russia
        against and China abstaining."""
        if a.vote not in ("yes", "no", "abstain") or not self.counts:
            return False
        named = Counter(self.votes.values())
        named[a.vote] += sum(1 for m in a.members if m not in self.votes)
        return self._filled(self.counts, named) > charter.SINCE_1966.seats

    @staticmethod
    def _filled(counts: dict[str, int], named: Counter) -> int:
        """The seats the counts and the members named voting fill at least ("Ten voted in favour" beside 11
        abstentions and three against fills 24: another vote)."""
        return sum(max(counts.get(vote, 0), named[vote]) for vote in ("yes", "no", "abstain"))

    def too_few_for(self, a: Assertion) -> bool:
        """A count of votes in favour too small to pass under either Council's rule, for a draft a
        veto was cast on (or a veto, for a draft given such a count): that draft failed, no veto."""
        if a.kind == COUNT and a.vote == "yes" and a.count is not None and a.all_but is None:
            return a.count < _FEWEST_YES and self.vetoed
        return a.kind == VETO and self.counts.get("yes", _FEWEST_YES) < _FEWEST_YES

    def add(self, a: Assertion) -> None:
        if a.kind in (VOTE, VETO):
            for m in a.members:
                self.votes.setdefault(m, a.vote)
            self.vetoed = self.vetoed or a.kind == VETO
        elif a.kind == COUNT and a.all_but == 0:
            self.unanimous = True
        elif a.kind == COUNT and a.count is not None and a.all_but is None:
            self.counts.setdefault(a.vote, a.count)
        elif a.kind == REST and a.count is not None and not a.except_:
            # the other N beside the members named voting so: at least N and those
            named = sum(1 for vote in self.votes.values() if vote == a.vote)
            self.at_least[a.vote] = max(self.at_least.get(a.vote, 0), a.count + named)
        elif a.kind == OUTCOME:
            self.outcomes.add(a.outcome)


def assign(readings: list[Reading]) -> list[tuple[Reading, list[tuple[Assertion, tuple]]]]:
    """Each factual assertion with the draft it is about: the one its clause names; else the one
    named most recently before it, the first one the article names, or another it names, the first
    of these whose facts it does not contradict ("4 in favour" is not the draft of "11 in favour");
    else a draft of its own. A sentence that speaks of several votes belongs to every draft named."""
    canonical, named, voted = _named_drafts(readings)
    key_of = lambda ref: canonical.get(_ref_key(ref), _ref_key(ref))  # noqa: E731
    facts: dict[tuple, _Facts] = {key: _Facts() for key in named}
    weekdays_of = [_vote_weekdays(reading.text) for reading in readings]
    days: dict[tuple, set[str]] = {}  # the weekdays each draft's vote sentences put it on
    for reading, weekdays in zip(readings, weekdays_of):  # what each draft is said of by name, first
        for a in reading.assertions:
            if a.factual and a.kind in _FACT_KINDS and a.kind != DRAFTED and _ref_key(a.text) is not None:
                facts.setdefault(key_of(a.text), _Facts()).add(a)
                days.setdefault(key_of(a.text), set()).update(weekdays)
    # with no draft voted on by name, the first named draft none of the article's vetoers wrote: the US
    # draft an article recalls is not the one the US vetoed
    vetoes = [a for r in readings for a in r.assertions if a.kind == VETO and a.factual]
    unvetoed = [k for k in named if not any(_vetoes_its_own(k, a) for a in vetoes)]
    default = (voted or unvetoed or named or [("anonymous", 0)])[0]
    anonymous = 0
    out = []
    current = None
    for reading, weekdays in zip(readings, weekdays_of):
        found = [a for a in reading.assertions if a.factual and a.kind in _FACT_KINDS]
        if not found:
            continue
        own = [key_of(a.text) for a in found if a.kind != DRAFTED and _ref_key(a.text) is not None]
        drafted = {canonical.get(k, k) for k in (("drafters", frozenset(a.members)) for a in found if a.kind == DRAFTED)}
        if own:
            current = own[-1]
        elif len(drafted) == 1:
            # "The draft resolution sponsored by the United States sought to extend ...": the draft the
            # sentences after it speak of ("11 were in favor")
            current = next(iter(drafted))
        pairs = []
        free = []  # what the sentence says of no draft by name: one vote, kept together
        for a in found:
            if a.kind == DRAFTED:
                key = ("drafters", frozenset(a.members))
                pairs.append((a, canonical.get(key, key)))
            elif _ref_key(a.text) is not None:
                pairs.append((a, key_of(a.text)))
            elif reading.plural:
                # "both drafts": every draft voted on; "has used its veto against three drafts" with
                # one draft voted on here is the history of others, no fact of this one
                pairs += [(a, k) for k in voted if not _vetoes_its_own(k, a)] if len(voted) > 1 else []
            else:
                free.append(a)
        # "The vote was 12-0, with A, B and C, which backed a resolution vetoed on Friday by Russia,
        # abstaining": what the sentence says of the other draft goes to another draft than its own
        other = [a for a in free if a.text is not None and a.text.side == "other"]
        candidates = list(dict.fromkeys([k for k in (current, default) if k] + named))
        taken = None
        for side in ([a for a in free if a not in other], other):
            if not side:
                continue
            key = _free_key(side, [k for k in candidates if not (side is other and k in (taken, current))],
                            facts, days.get, weekdays)
            if key is None:
                anonymous += 1
                key = ("anonymous", anonymous)
                current = key if side is not other else current
            taken = taken or key
            days.setdefault(key, set()).update(weekdays)
            for a in side:
                facts.setdefault(key, _Facts()).add(a)
                pairs.append((a, key))
        out.append((reading, pairs))
    return out


def _free_key(free: list[Assertion], candidates: list[tuple], facts: dict, days_of, weekdays: set[str]):
    """The draft that takes what a sentence says of no draft by name: the first candidate none of its facts
    contradicts ("4 in favour (China, ...) to 7 against (Belgium, ...)" all go to one), or None for a draft
    of their own. An unnamed draft is known only by what its sentences say: one a veto was cast on does not
    take "four in favour" (a named draft keeps what its name gives it, a caption's "veto" too); a sentence
    that puts its vote on another weekday than a draft's sentences do ("failed to pass on Monday" against
    "vetoed ... on Wednesday") is of another draft."""
    return next((k for k in candidates if not any(
        facts.setdefault(k, _Facts()).conflicts(a) or _vetoes_its_own(k, a)
        or (k[0] == "anonymous" and facts[k].too_few_for(a)) for a in free)
        and not (weekdays and days_of(k) and weekdays.isdisjoint(days_of(k)))), None)


def _vote_weekdays(text: str) -> set[str]:
    """The weekdays a sentence names, but for one after a word that makes it another day than the
    vote's ("delayed until Monday", "talks since Friday")."""
    words = _day_words(text)
    return {w for i, w in enumerate(words) if w in _WEEKDAY_SET and not (i and words[i - 1] in _NOT_THE_VOTE)}


_WEEKDAY_SET = frozenset(WEEKDAYS)


def _vetoes_its_own(key: tuple, a: Assertion) -> bool:
    """'The U.S. vetoed a resolution ...' is not about the U.S. draft the article names: no member
    vetoes a draft it wrote."""
    return a.kind == VETO and key[0] == "drafters" and not key[1].isdisjoint(a.members)


def _named_drafts(readings: list[Reading]) -> tuple[dict, list[tuple], list[tuple]]:
    """The drafts the article names (by drafters or symbol), each once (see _canonical_keys), and
    those of them it states a vote of (not one it dates before its news: "Last week, ...")."""
    named: list[tuple] = []
    for reading in readings:
        for a in reading.assertions:
            key = _ref_key(a.text) if a.kind != DRAFTED else ("drafters", frozenset(a.members))
            if a.factual and key is not None and key not in named and a.kind in _FACT_KINDS:
                named.append(key)
    canonical = _canonical_keys(named)
    canonical.update(_drafters_of_the_resolution(readings, [canonical.get(k, k) for k in named]))
    named = list(dict.fromkeys(canonical.get(k, k) for k in named))
    # the drafts the article's news votes on: each sentence dated before it ("Last week, ...") left out once
    news = {canonical.get(_ref_key(a.text), _ref_key(a.text)) for r in readings if not _earlier(r.text)
            for a in r.assertions if a.kind != DRAFTED and a.factual}
    voted = [k for k in named if k in news]
    return canonical, named, voted


#: Words that date a sentence's vote before the article's news: "Last week, the US proposed a
#: resolution, which was vetoed by Russia and China" is not the vote the article reports.
_EARLIER = re.compile(r"\b(?:last (?:week|month|year)|earlier this (?:week|month|year)|previously|a (?:week|month) "
                      r"ago)\b", re.IGNORECASE)


def _earlier(text: str) -> bool:
    """Whether a sentence says its vote came before the article's (a pattern of fixed words, searched
    once: no backtracking)."""
    return _EARLIER.search(text) is not None


def _drafters_of_the_resolution(readings: list[Reading], named: list[tuple]) -> dict[tuple, tuple]:
    """'The Council adopted resolution 2797 (2025)' and 'Draft submitted by: United States': an article
    that names one resolution by its number and one set of drafters whose text it says nothing failed
    of speaks of one text, kept under the resolution's symbol."""
    resolutions = {k for k in named if k[0] == "symbol" and k[1].startswith("S/RES/")}
    drafters = {k for k in named if k[0] == "drafters"}
    if len(resolutions) != 1 or len(drafters) != 1:
        return {}
    key = next(iter(drafters))
    failed = any(a.factual and _ref_key(a.text) == key and (a.kind == VETO or (
        a.kind == OUTCOME and a.outcome != "adopted")) for r in readings for a in r.assertions)
    return {} if failed else {key: next(iter(resolutions))}


def _canonical_keys(named: list[tuple]) -> dict[tuple, tuple]:
    """'The French draft' after 'the French-Spanish draft' is that draft: a set of drafters that only
    one other named set holds is read as that one."""
    sets = [k for k in named if k[0] == "drafters"]
    out = {}
    for key in sets:
        bigger = [other for other in sets if other != key and key[1] < other[1]]
        if len(bigger) == 1:
            out[key] = bigger[0]
    return out


def group(readings: list[Reading]) -> list[Proposal]:
    """One proposal per draft the assertions are about, in the order the article names them, each
    with the sentences and assertions it rests on."""
    groups: dict = {}
    for reading, pairs in assign(readings):
        mine: dict[tuple, list[Assertion]] = {}
        for a, key in pairs:
            if key not in groups:
                drafters = tuple(sorted(key[1])) if key[0] == "drafters" else ()
                symbol = key[1] if key[0] == "symbol" else None
                groups[key] = Proposal(key, drafters, symbol, len(groups))
            mine.setdefault(key, []).append(a)
        for key, assertions in mine.items():
            groups[key].readings.append((reading, assertions))
    return sorted(groups.values(), key=lambda p: p.order)


# --- filling a proposal ---------------------------------------------------------------------------------

def fill(proposal: Proposal, council, text: str, published: dt.date | None, hearsay: bool = False,
         given: dt.date | None = None, procedural: bool = False) -> None:
    """The proposal's fields from the assertions it rests on, and its evidence. `hearsay`: the
    article reports a vote only in others' words (a quoted wire story, "according to ..."), so a
    draft with no vote of its own stated is not therefore one that never came to a vote. `given`:
    the vote's day as the researcher gives it (`votes suggest --date`), where no sentence gives a full date.
    `procedural`: the article calls a vote procedural (votes.suggest.procedural_facts)."""
    used = proposal.readings
    drafted = {m for _, mine in used for a in mine if a.kind == DRAFTED
               and (proposal.key[0] != "drafters" or frozenset(a.members) <= proposal.key[1]) for m in a.members}
    # the day the researcher gives outranks one worked out from the article's own date, which may be a
    # page's later update ("Updated : 2021-07-25" over a story of 2019 that says "Tuesday's vote")
    proposal.date = vote_date([r for r, _ in used], published if given is None else None, proposal, given)
    named = year_named([proposal.symbol or ""])
    if named is not None and given is None and (proposal.date is None or proposal.date.year != named):
        # "On March 25, the UNSC passed Resolution 2728": the resolution's year places the day and month the
        # sentences give, and a date of another year is another time's
        proposal.date = _day_and_month_in(used, named)
        if proposal.date is not None:
            proposal.todos.append(f"the date: {proposal.date:%d %B} in {named}, the year of {proposal.symbol}: "
                                  "check that the vote was that day")
    if proposal.date is None and given is not None:
        proposal.date, proposal.date_given = given, True
        proposal.todos.append(f"the date: {given.isoformat()}, given with --date, which no sentence states: cite "
                              "its source (`- source: \"UN record: S/PV...\"` with `supports: [date]`)")
    # with no date, the year a symbol or a resolution number gives ("resolution 1593 (2005)"): whose
    # seats the rest of the Council and the Charter's rule are
    year = proposal.date.year if proposal.date else year_named([proposal.symbol or ""] + [r.text for r, _ in used])
    if proposal.date is None and year is not None and not seated_in(council, used, year):
        # "extended the authorizations set out in its resolution 2684 (2023)": an earlier text's year, in
        # which members the article gives votes did not sit
        year = None
    if proposal.date is None and year is not None:
        proposal.todos.append(f"the votes: those of the Council of {year}, the year the article gives the text")
    elif proposal.date is None:  # the elected members it names sat together in one year only
        year, named = year_seated(council, used)
        if year is not None:
            proposal.todos.append(f"the votes: those of the Council of {year}, the only year in council.yaml in "
                                  f"which {', '.join(named)} all sat on it")
        elif named and (day := weekday_date(used, seated_years(council, named))) is not None:
            proposal.date, year = day, day.year
            proposal.todos.append(f"the date: {day.isoformat()}, the one day in the years {', '.join(named)} sat on "
                                  f"the Council together when {day:%B} {day.day} fell on a {day:%A}, as the article "
                                  "has it: cite its source (`- source: \"UN record: S/PV...\"` with `supports: [date]`)")
            proposal.date_given = True
    # "the Council's 10 non-permanent members": the elected members of the vote's year, or no one
    elected = elected_of(council, year)
    if ELECTED in drafted:
        drafted = (drafted - {ELECTED}) | set(elected)
    if drafted:
        proposal.drafters = tuple(sorted(drafted))
    # "Russia vetoed" in a report of 1962: the Soviet Union's seat (votes.seating.CONTINUED)
    day = proposal.date or (dt.date(year, 6, 30) if year is not None else None)
    used = proposal.readings = [(reading, read_as_seated(with_elected(mine, set(), elected)[0], set(), day,
                                                         council)[0]) for reading, mine in used]
    seats = council.seated(year) if year is not None else None
    rests = _take_votes_and_counts(proposal, used, seats, year)
    _take_the_aligned(proposal, used)
    _take_the_rest(proposal, rests, seats)
    if proposal.date and not seats and (proposal.votes or proposal.tally):
        proposal.todos.append(f"council.yaml has no seats for {proposal.date.year}: add that year's members under "
                              "seats: (`votes council` shows the years it knows)")
    # "The vote was procedural so Russia could not wield its veto": adopted over a permanent member's no
    proposal.procedural = procedural and proposal.status == "adopted" and any(
        v == "no" and council.is_permanent(c) for c, v in proposal.votes.items())
    if proposal.procedural:
        proposal.todos.append("procedural: the article calls the vote procedural, and the draft was adopted over a "
                              "permanent member's no (Article 27(2)): check that it was a procedural decision")
    if proposal.status in ("adopted", "vetoed", "failed"):
        # "Haley and Pierce veto a Russian-drafted resolution" in a photo caption, beside "received five votes in
        # favour": the Charter gives what the votes stated settle, which is what validation holds the record to
        settled = _status_settled(proposal, council, seats, year)
        if settled is not None and settled != proposal.status:
            proposal.todos.append(f"the status: the article says '{proposal.status}', but the votes it states give "
                                  f"'{settled}' under the Charter; '{settled}' is proposed: check which is right")
            proposal.status = settled
    if proposal.status is None:
        proposal.status = _status_settled(proposal, council, seats, year)
        if proposal.status is not None:
            denied = _denies_adoption(proposal)
            proposal.todos.append(f"the status: '{proposal.status}' is what the Charter gives for the votes the "
                                  + ("article states, which it says were not enough for adoption" if denied
                                     else "article states; it names no outcome itself"))
    if proposal.status is None:
        if proposal.votes or proposal.tally or any(a.kind == OUTCOME for _, mine in used for a in mine):
            proposal.problems.append("the article states no outcome, and its votes do not settle one: write the "
                                     "status (adopted, vetoed, failed) where it says TODO")
        elif hearsay:
            proposal.problems.append("the article reports a vote only in others' words: write the status (adopted, "
                                     "vetoed, failed, not-voted) where it says TODO, and cite the sentences that "
                                     "state it, or an article that states it itself")
        else:
            proposal.status = "not-voted"
            proposal.todos.append("the status: no vote is reported; check that the draft never came to a vote")
    counted = Counter(proposal.votes.values())
    if seats and set(seats) <= set(proposal.votes):
        for vote in ("yes", "no", "abstain"):
            proposal.tally.setdefault(vote, counted[vote])
    _evidence(proposal, text)
    if proposal.date is None:
        proposal.problems.append("the date of the vote: neither the article nor the manifest gives one; write it "
                                 "where it says TODO, or give the article's date (`published:` in "
                                 "seeds/MANIFEST.yaml, or `votes add --published DATE`) and suggest again, or "
                                 "the vote's (`votes suggest --date DATE`)")


def _take_votes_and_counts(proposal: Proposal, used, seats, year: int | None) -> list[tuple[Assertion, set[str],
                                                                                          set[str]]]:
    """Members' votes, counts and stated outcomes into the proposal; the 'rest' phrases returned,
    each with the members its sentence sets apart (gives another vote). `seats`: those of `year`, the
    vote's, or the one a symbol or the members named give when the article has no date."""
    rests: list[tuple[Assertion, set[str], set[str], set[str]]] = []
    wholes: list[Assertion] = []  # "unanimously", "all but two": counted once the members' votes are known
    for reading, mine in used:
        for a in mine:
            if a.kind in (VOTE, VETO):
                for code in a.members:
                    if seats and code not in seats:
                        note = (f"the article gives {code} a vote ({a.vote}), but {code} has no seat in "
                                f"{year} in council.yaml: left out")
                        if note not in proposal.todos:
                            proposal.todos.append(note)  # "Syria's deputy minister opposed the resolution"
                        continue
                    if code in proposal.votes and proposal.votes[code] != a.vote:
                        proposal.todos.append(f"the article gives {code} two votes ({proposal.votes[code]}, "
                                              f"{a.vote}); the first is kept")
                        continue
                    proposal.votes.setdefault(code, a.vote)
                if a.kind == VETO:
                    proposal.status = "vetoed"
            elif a.kind == COUNT and a.all_but is not None:
                wholes.append(a)
            elif a.kind == COUNT:
                _take_count(proposal, a.vote, a.count)
            elif a.kind == REST:
                if not any(b.kind == VOTE and b.vote == a.vote and b.rule == a.rule and len(b.members) == a.count
                           for b in mine):
                    # but "three other members, A, B and C, abstained": the three are named
                    rests.append((a, _set_apart(reading, mine, a.vote), _voting_otherwise(mine, a.vote),
                                  _included(reading, mine, a.vote)))
            elif a.kind == OUTCOME and a.outcome != "not-adopted" and proposal.status in (None, a.outcome):
                proposal.status = a.outcome
    for a in wholes if seats else ():
        # a unanimous vote is of the members who voted: "unanimously adopted ... 14-0 with China not
        # participating" is 14 in favour, not the 15 seated
        absent = sum(1 for vote in proposal.votes.values() if vote == "absent") if a.all_but == 0 else 0
        _take_count(proposal, a.vote, len(seats) - a.all_but - absent)
    return rests


def _set_apart(reading: Reading, mine: list[Assertion], vote: str) -> set[str]:
    """The members a sentence with a 'rest' phrase voting `vote` sets apart from it: those it names
    but not as voting so ("Introduced by the United States and supported by 11 other members": the
    United States; "with the 14 others, including Russia, voting for it": not Russia)."""
    return {code for code, _, _ in reading.mentions} - _voting_so(mine, vote)


def _voting_so(mine: list[Assertion], vote: str) -> set[str]:
    """The members a sentence gives `vote`."""
    return {m for b in mine if b.kind in (VOTE, VETO) and b.vote == vote for m in b.members}


def _included(reading: Reading, mine: list[Assertion], vote: str) -> set[str]:
    """The members a sentence with a 'rest' phrase names after 'including' with the same vote ("The other
    eight members, including France, the US and Britain, voted against": the three, among the eight; not
    "The United States joined the 14 other members", who are others than it)."""
    at = reading.text.lower().find("including")
    if at < 0:
        return set()
    alike = _voting_so(mine, vote)
    return {code for code, start, _ in reading.mentions if start - reading.start > at and code in alike}


def _voting_otherwise(mine: list[Assertion], vote: str) -> set[str]:
    """The members a sentence gives a vote other than `vote` ("Russia abstained, while the other 14
    supported the plan presented by Biden": Russia, not the United States Biden stands for)."""
    return {m for b in mine if b.kind in (VOTE, VETO) and b.vote != vote for m in b.members}


def _take_count(proposal: Proposal, vote: str, number: int) -> None:
    if vote in proposal.tally and proposal.tally[vote] != number:
        proposal.todos.append(f"the article gives two counts of '{vote}' ({proposal.tally[vote]}, {number}); the "
                              "first is kept")
    else:
        proposal.tally[vote] = number


def _take_the_aligned(proposal: Proposal, used) -> None:
    """'China and Namibia voted with Russia': they take Russia's vote, once the article gives it."""
    for _, mine in used:
        for a in mine:
            vote = _leaders_vote(proposal, a) if a.kind == ALIGNED else None
            if vote is not None:
                for code in a.members:
                    proposal.votes.setdefault(code, vote)


def _leaders_vote(proposal: Proposal, a: Assertion) -> str | None:
    """The one vote the proposal gives every member an aligned assertion says the others voted
    with, or None."""
    theirs = {proposal.votes.get(leader) for leader in a.leaders}
    return theirs.pop() if len(theirs) == 1 and None not in theirs else None


def _take_the_rest(proposal: Proposal, rests: list[tuple[Assertion, set[str], set[str], set[str]]], seats) -> None:
    """'The remaining nine', 'all except Russia', and a count that leaves exactly the unnamed members.
    'Russia abstained, while the other 14 voted for it' are the 14 members other than Russia, whatever
    other sentences say of some of them (where one gives one of them another vote, nothing is taken)."""
    if not seats:
        return
    unknown = [c for c in seats if c not in proposal.votes]
    for a, apart, otherwise, alike in rests:
        group_ = [c for c in seats if c not in a.except_] if a.except_ else unknown
        # the members the sentence names voting so are among those it counts: "the other eight, including France,
        # the US and Britain" leaves five to find, not eight
        counted = a.count - len(alike - set(group_)) if a.count is not None and not a.except_ else a.count
        if a.count is not None and a.count != len(group_) and apart:
            unnamed = [c for c in unknown if c not in apart]  # "supported by 11 other members"
            for aside in (apart, otherwise):  # those it names at all, else those it names voting otherwise
                others = [c for c in seats if c not in aside]
                if aside and a.count == len(others) and all(proposal.votes.get(c, a.vote) == a.vote for c in others):
                    group_ = others
                    break
            else:
                if not a.except_ and a.count == len(unnamed):
                    group_ = unnamed
        if a.count is None or counted == len(group_):
            for code in group_:
                proposal.votes.setdefault(code, a.vote)
            unknown = [c for c in seats if c not in proposal.votes]
        else:
            proposal.todos.append(f"'the remaining {a.count}' voting {a.vote}, but {len(group_)} members are not "
                                  f"named: check who they are")
    if unknown:
        counted = Counter(proposal.votes.values())
        for vote, count in proposal.tally.items():
            if count - counted[vote] == len(unknown):
                for code in unknown:
                    proposal.votes[code] = vote
                unknown = []
                break
    if unknown and proposal.votes:
        proposal.todos.append(f"the article does not say how {', '.join(unknown)} voted: left unknown")


def _status_settled(proposal: Proposal, council, seats, year: int | None) -> str | None:
    """The outcome the stated counts and votes settle under the Charter of `year`, or None (with no
    year, only too few votes in favour for either Council's rule: failed)."""
    if year is None:
        yes = proposal.tally.get("yes")
        return "failed" if yes is not None and yes < _FEWEST_YES else None
    yes = proposal.tally.get("yes")
    if yes is None and seats and set(seats) <= set(proposal.votes):
        yes = Counter(proposal.votes.values())["yes"]
    if yes is None:
        # the votes stated leave too few for the quota, or the tally fills every seat: what the Charter
        # leaves possible, less an adoption the article denies ("The Council rejects the draft")
        possible = set(charter.standing(year, proposal.votes, proposal.tally, council, proposal.procedural).possible)
        if _denies_adoption(proposal):
            possible.discard("adopted")
        return possible.pop() if len(possible) == 1 else None
    needed = charter.quota(year)
    if yes < needed:
        return "failed"
    if not proposal.procedural and any(v == "no" and council.is_permanent(c) for c, v in proposal.votes.items()):
        return "vetoed"
    if proposal.procedural or proposal.tally.get("no") == 0 or (seats and set(seats) <= set(proposal.votes)):
        return "adopted"
    # "11 in favour and four abstentions": every seat counted, none against
    return charter.standing(year, proposal.votes, proposal.tally, council).settled


def _denies_adoption(proposal: Proposal) -> bool:
    """Whether the proposal's sentences state as a fact that the draft was not adopted."""
    return any(a.factual and a.kind == OUTCOME and a.outcome == "not-adopted" for _, mine in proposal.readings
               for a in mine)


#: A draft's symbol and a resolution's number carry their year: "S/2007/14", "resolution 1593 (2005)".
_SYMBOL_YEAR = re.compile(r"\bS/(?:RES/\d{1,4} \()?(19[4-9]\d|20[0-9]\d)[/)]")
_RESOLUTION_YEAR = re.compile(r"\b[Rr]esolution \d{1,4} \((19[4-9]\d|20[0-9]\d)\)")
#: A resolution adopted by this vote, by its number alone: "adopted resolution 2468", "voted to adopt
#: Resolution 2468", "Resolution 2468 was adopted" (its year is the number's: votes.resolution_years).
_ADOPTED_NUMBER = re.compile(r"\b(?:adopted|adopt|adopting|passed|approved|approve)(?: as)?(?: its| the)?"
                             r"(?: Security Council| UN| U\.N\.)? [Rr]esolution (\d{1,4})\b(?! \()" + NOT_A_SCORE
                             + r"|\b[Rr]esolution (\d{1,4}),?(?: was)? (?:adopted|passed|approved)\b")


def year_named(sentences: list[str]) -> int | None:
    """The year of the first draft symbol or numbered resolution the sentences give, or of the first
    resolution they say was adopted by its number alone, or None. (Each pattern is literal words
    around bounded digits, its options a fixed set: no backtracking.)"""
    for text in sentences:
        found = _SYMBOL_YEAR.search(text) or _RESOLUTION_YEAR.search(text)
        if found is not None:
            return int(found.group(1))
        found = _ADOPTED_NUMBER.search(text)
        if found is not None and (year := adopted_in(int(found.group(1) or found.group(2)))) is not None:
            return year
    return None


def seated_years(council, named: list[str]) -> list[int]:
    """The years in which all these members sat on the Council."""
    return [year for year, seats in council.seats.items() if set(named) <= set(seats)]


def weekday_date(used, years: list[int]) -> dt.date | None:
    """The one day in `years` that a sentence of the proposal names by its day, month and weekday
    ("UNITED NATIONS, July 29 ... vetoed the resolution on Wednesday": 29 July 2015, where the members
    named sat together only in 2015 and 2016), or None."""
    found = set()
    for reading, _ in used:
        named = _weekday_and_day(_day_words(reading.text.replace("(", " ").replace(")", " ")))
        if named is None:
            continue
        weekday, day, month = named
        for year in years:
            try:
                candidate = dt.date(year, month, day)
            except ValueError:  # 29 February
                continue
            if candidate.weekday() == weekday:
                found.add(candidate)
    return found.pop() if len(found) == 1 else None


def _weekday_and_day(words: list[str]) -> tuple[int, int, int] | None:
    """(weekday, day, month) where the words name a day by both, side by side ("on Wednesday, July 29",
    "Saturday 8 October", "8 October (Saturday)"), once; else None. A weekday apart from the date may
    be another event's ("on July 28, before the recess on Wednesday")."""
    found = set()
    for i, word in enumerate(words):
        if word not in WEEKDAYS:
            continue
        for pair in (words[i + 1:i + 3], words[max(0, i - 2):i]):
            if len(pair) == 2 and (pair[0] in MONTH_NUMBERS and pair[1].isdecimal()
                                   or pair[1] in MONTH_NUMBERS and pair[0].isdecimal()):
                month = MONTH_NUMBERS[pair[0]] if pair[0] in MONTH_NUMBERS else MONTH_NUMBERS[pair[1]]
                day = int(pair[1] if pair[1].isdecimal() else pair[0])
                if 1 <= day <= 31:
                    found.add((WEEKDAYS.index(word), day, month))
    return found.pop() if len(found) == 1 else None


def seated_in(council, used, year: int) -> bool:
    """Whether every elected member the sentences give a vote sat on the Council in `year`."""
    return set(_elected_named(council, used)) <= set(council.seated(year) or ())


def _elected_named(council, used) -> list[str]:
    """The elected members the sentences give a vote (sorted)."""
    return sorted({m for _, mine in used for a in mine if a.kind in (VOTE, VETO, ALIGNED) for m in a.members
                   if m != ELECTED and m in council.members and not council.is_permanent(m)})


def year_seated(council, used) -> tuple[int | None, list[str]]:
    """The one year in which every elected member the sentences give a vote sat on the Council, and
    those members (sorted); (None, ...) when they sat together in no year or in more than one. Two
    elected members of different intakes, or one seated once, place an undated vote."""
    named = _elected_named(council, used)
    if not named:
        return None, named
    years = seated_years(council, named)
    return (years[0] if len(years) == 1 else None), named


def _evidence(proposal: Proposal, text: str) -> None:
    """Each sentence with the paths it can back (the validator decides which it does)."""
    quoted_members = set()
    for reading, mine in proposal.readings:
        supports = []
        for a in mine:
            if a.kind in (VOTE, VETO):
                supports += [f"votes.{c}" for c in a.members if proposal.votes.get(c) == a.vote]
                quoted_members.update(a.members)
                if a.kind == VETO and proposal.status == "vetoed":
                    supports.append("status")
            elif a.kind == ALIGNED:
                vote = _leaders_vote(proposal, a)
                supports += [f"votes.{c}" for c in a.members if vote is not None and proposal.votes.get(c) == vote]
                quoted_members.update(a.members)
            elif a.kind == COUNT and a.vote in proposal.tally:
                supports.append(f"tally.{a.vote}")
            elif a.kind == OUTCOME:
                supports.append("status")
            elif a.kind == DRAFTED and set(proposal.drafters) <= set(a.members):
                supports.append("drafted_by")
                if proposal.status == "not-voted":
                    supports.append("status")
        if any(a.kind == COUNT and a.vote == "yes" for a in mine) and proposal.status in ("vetoed", "failed",
                                                                                         "adopted"):
            supports.append("status")  # counts and vetoes that settle the outcome under the Charter
        if proposal.date and not proposal.date_given and says_date(reading.text, proposal.date):
            supports.append("date")
        if supports or any(a.kind == REST for a in mine):  # a rest alone backs votes.others, below
            proposal.evidence.append((text[reading.start:reading.end], list(dict.fromkeys(supports))))
    if any(c not in quoted_members for c in proposal.votes):  # votes.others: cited by the rest and the counts
        counted = {text[r.start:r.end] for r, mine in proposal.readings if any(a.kind in (REST, COUNT) for a in mine)}
        for quote, supports in proposal.evidence:
            if quote in counted and "votes.others" not in supports:
                supports.append("votes.others")
    proposal.evidence[:] = [(quote, supports) for quote, supports in proposal.evidence if supports]


# --- dates ----------------------------------------------------------------------------------------

def vote_date(readings: list[Reading], published: dt.date | None, proposal: Proposal,
              given: dt.date | None = None) -> dt.date | None:
    """A calendar date the sentences give for the vote (not a deadline, not another event's, not after
    the article), else the weekday they name within the week before the article's date. `given`: the
    vote's day as the researcher gives it, which places an undated article's weekday as its date would."""
    near = published or given
    for reading in readings:
        found = full_date(reading.text)
        if found is not None and (published is None or found <= published):
            if near is not None and near - found > _STALE and _names_a_day(readings):
                break  # "... the crash on July 17, 2014 on Wednesday": the weekday is the vote's
            if found == published and _names_a_day(readings):
                break  # "United Nations, 31 July 2004 (RFE/RL) -- ... voted on Friday": the dateline's date
            _own_date(proposal, reading.text, found, published)
            return found
    if published is None:
        return None
    for reading in readings:  # an anniversary post: "On this date in 2003 the Council passed ..."
        found = ANNIVERSARY.search(reading.text)
        if found is not None and int(found.group(1)) < published.year:
            try:
                day = published.replace(year=int(found.group(1)))
            except ValueError:  # 29 February
                day = published.replace(year=int(found.group(1)), day=28)
            proposal.todos.append(f"the date: '{found.group(0)}', the article's day and month in that year")
            return day
    for reading in readings:
        words = _day_words(reading.text)
        if "today" in words or "tonight" in words:  # "The Security Council today failed to adopt ..."
            return published
        if "yesterday" in words:
            proposal.todos.append(f"the date: 'yesterday' before the article's date {published.isoformat()}")
            return published - dt.timedelta(days=1)
        for index, day in enumerate(WEEKDAYS):
            if day in words:
                back = (published.weekday() - index) % 7
                proposal.todos.append(f"the date: '{day.title()}' before the article's date {published.isoformat()}")
                return published - dt.timedelta(days=back)
    for reading in readings:  # "during a 7 July videoconference meeting": the year is the article's
        found = _day_and_month(reading.text, published)
        if found is not None:
            _own_date(proposal, reading.text, found, published)
            return found
    proposal.todos.append(f"the date: the article's date {published.isoformat()}, not the vote's")
    return published


#: A calendar date this long before the article, in sentences that also name a weekday or 'today',
#: is another event's: reports of a vote are written within days of it.
_STALE = dt.timedelta(days=14)


def _own_date(proposal: Proposal, text: str, found: dt.date, published: dt.date | None) -> None:
    """"New York, 16 September 2020 (Lana) UN Security Council has extended ...": the day a sentence
    opens with is the article's own, which a dateline's is, and the vote may have been the day before:
    a TODO says to check it."""
    if found == published and _opens_with_a_date(text):
        proposal.todos.append(f"the date: {found.isoformat()}, the article's own date, which the sentence opens "
                              "with (as a dateline does): check that the vote was that day")


def _opens_with_a_date(text: str) -> bool:
    """The sentence's first number stands in its opening words, with no 'on' before it: a dateline's
    or a page's label ("New York, 16 September 2020 (Lana) ...", "date 2022-05-27 In a move ..."),
    not "On 16 September 2020, the Council ..."."""
    first = next((i for i, c in enumerate(text[:60]) if c.isdigit()), None)
    return first is not None and "on" not in text[:first].lower().replace(",", " ").split()


def _names_a_day(readings: list[Reading]) -> bool:
    return any(not set(_day_words(r.text)).isdisjoint((*WEEKDAYS, "today", "tonight", "yesterday")) for r in readings)


def _day_words(text: str) -> list[str]:
    """The sentence's words in lower case, a possessive's "'s" cut off ("Friday's vote": friday)."""
    low = text.lower().replace("\u2019s ", " ").replace("'s ", " ")
    return low.replace(",", " ").replace(".", " ").split()


def _day_and_month(text: str, published: dt.date) -> dt.date | None:
    """A day and month the sentence names without a year, in the weeks before the article."""
    for day_of_month, month in _days_without_a_year(text):
        for year in (published.year, published.year - 1):
            try:
                day = dt.date(year, month, day_of_month)
            except ValueError:
                continue
            if day <= published and published - day <= _STALE:
                return day
    return None


def _day_and_month_in(used, year: int) -> dt.date | None:
    """The first day and month the sentences name without a year, in `year` (a resolution's own)."""
    for reading, _ in used:
        for day_of_month, month in _days_without_a_year(reading.text):
            try:
                return dt.date(year, month, day_of_month)
            except ValueError:
                continue
    return None


def _days_without_a_year(text: str) -> list[tuple[int, int]]:
    """(day, month) of every day and month the sentence names without its year, in order: not "July 17,
    2014", nor "until 10 July 2021" (full_date's to read, or another event's)."""
    dated = _days_with_a_year(text)
    return [(key[1], key[2]) for key in sorted(calendar_mentions(text))
            if key[0] == "dm" and (key[1], key[2]) not in dated]


def _days_with_a_year(text: str) -> set[tuple[int, int]]:
    """(day, month) of every date written with its year ("10 July 2021", "July 17, 2014")."""
    words = text.replace(",", " ").replace(".", " ").replace("(", " ").replace(")", " ").lower().split()
    out = set()
    for i, w in enumerate(words):
        month = MONTH_NUMBERS.get(w)
        if month is None:
            continue
        if 0 < i and i + 1 < len(words) and words[i - 1].isdigit() and len(words[i + 1]) == 4 and words[i + 1].isdigit():
            out.add((int(words[i - 1]), month))
        if i + 2 < len(words) and words[i + 1].isdigit() and len(words[i + 2]) == 4 and words[i + 2].isdigit():
            out.add((int(words[i + 1]), month))
    return out


#: Words that open a phrase whose date is another time's: "since Hamas' attack on Israel on October 7, 2023".
_TIME_PHRASES = frozenset({"since", "following", "after", "before", "until"})


def _in_a_time_phrase(low: list[str], first: int) -> bool:
    """The date that starts at `first` closes a phrase of another time, a few words back and no comma
    between ("since Hamas' attack on Israel on October 7, 2023")."""
    for k in range(first - 1, max(-1, first - 7), -1):
        if low[k] in (",", ";", "("):
            return False
        if low[k] in _TIME_PHRASES:
            return True
    return False


def full_date(text: str) -> dt.date | None:
    """The first calendar date ("8 October 2016", "October 8, 2016") a sentence gives as an event's
    day, skipping one after until, by, since, of ... (a deadline or another event)."""
    words = text.replace(",", " , ").replace(".", " ").replace("(", " ( ").replace(")", " ) ").split()
    low = [w.lower() for w in words]
    for i, w in enumerate(low):
        month = MONTH_NUMBERS.get(w)
        if month is None:
            continue
        for day_at, year_at, first in ((i - 1, i + 1, i - 1), (i + 1, i + 2 + (i + 2 < len(low) and low[i + 2] == ","),
                                                               i)):
            if not (0 <= day_at < len(low) and 0 <= year_at < len(low)):
                continue
            if not (low[day_at].isdigit() and low[year_at].isdigit() and len(low[year_at]) == 4):
                continue
            if first > 0 and low[first - 1] in _NOT_THE_VOTE or (
                    first > 1 and low[first - 1] in ("on", "in") and low[first - 2] in _OTHER_EVENTS) or \
                    _in_a_time_phrase(low, first):
                break
            try:
                return dt.date(int(low[year_at]), month, int(low[day_at]))
            except ValueError:
                break
    return None
