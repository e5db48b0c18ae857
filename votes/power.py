"""Formal voting power in the Council, and who could have changed each draft's outcome.

Two questions, kept apart:

* **Power indices** of the Council's decision rule, a yes/no simple game:
  a coalition wins when it holds every permanent member and at least the
  quota of members of its years (`votes.charter`).
  Abstaining is not vetoing (Charter practice since 1946), so the game has
  two choices per member. The Shapley–Shubik and Banzhaf indices are
  computed exactly, as fractions, by counting coalitions by how many
  elected members they hold: there are only `elected + 1` kinds of
  coalition, so no 2^15 enumeration is needed.
* **Pivots** of each draft put to the vote: who was decisive (a change of
  that member's vote alone would have turned adoption into rejection or
  rejection into adoption), how many yes votes were missing, and which
  permanent no votes were vetoes (the draft had the quota) or would have
  been vetoes had it reached the quota. With unknown votes, every
  completion the record allows is considered (its tally and its status
  constrain them), and only what holds in all of them is stated.

Pure Python: `votes power` needs neither pandas nor matplotlib.
"""

from __future__ import annotations

from fractions import Fraction
from functools import lru_cache
from math import comb, factorial

from . import charter
from .charter import OUTCOMES, Rule, outcome  # noqa: F401 (the rule and its outcome, asked of the Charter)
from .model import TALLY_KEYS, VOTES, year_ranges
from .record import Record


#: The Council since 1 January 1966: 15 seats, 9 votes (votes.charter).
COUNCIL_1966 = charter.SINCE_1966
#: The Council of 1946–1965: 11 seats, 7 votes.
COUNCIL_1946 = charter.BEFORE_1966


class PowerIndices(Record):
    """Exact power indices of one rule, for a permanent and for an elected member.

    shapley_*: the Shapley–Shubik index, the share of the seats' orderings in
    which the member is the pivot. swings_*: the coalitions in which the member's
    leaving turns winning into losing. banzhaf_*: the normalised Banzhaf index,
    swings over the sum of all members' swings. absolute_*: the absolute
    (Penrose–Banzhaf) index, swings over the 2^(seats-1) coalitions of the others.
    """

    __slots__ = ("rule", "shapley_permanent", "shapley_elected", "swings_permanent", "swings_elected",
                 "swings_total", "coalitions", "banzhaf_permanent", "banzhaf_elected",
                 "absolute_permanent", "absolute_elected")

    def __init__(self, rule: Rule, shapley_permanent: Fraction, shapley_elected: Fraction,
                 swings_permanent: int, swings_elected: int):
        self.rule = rule
        self.shapley_permanent, self.shapley_elected = shapley_permanent, shapley_elected
        self.swings_permanent, self.swings_elected = swings_permanent, swings_elected
        self.swings_total = rule.permanent * swings_permanent + rule.elected * swings_elected
        self.coalitions = 2 ** (rule.seats - 1)
        total = self.swings_total
        self.banzhaf_permanent = Fraction(swings_permanent, total) if total else Fraction(0)
        self.banzhaf_elected = Fraction(swings_elected, total) if total else Fraction(0)
        self.absolute_permanent = Fraction(swings_permanent, self.coalitions)
        self.absolute_elected = Fraction(swings_elected, self.coalitions)

    def to_dict(self) -> dict:
        """Plain data; each fraction as its exact text ("421/2145") and a float."""
        def exact(value: Fraction) -> dict:
            return {"exact": str(value), "value": float(value)}

        data = {"seats": self.rule.seats, "permanent": self.rule.permanent, "elected": self.rule.elected,
                "quota": self.rule.quota, "coalitions_of_others": self.coalitions,
                "swings_total": self.swings_total}
        for kind in ("permanent", "elected"):
            data[kind + "_member"] = {
                "shapley_shubik": exact(getattr(self, f"shapley_{kind}")),
                "banzhaf": exact(getattr(self, f"banzhaf_{kind}")),
                "banzhaf_absolute": exact(getattr(self, f"absolute_{kind}")),
                "swings": getattr(self, f"swings_{kind}"),
            }
        return data


def power_indices(rule: Rule) -> PowerIndices:
    """Shapley–Shubik and Banzhaf indices of `rule`, exactly.

    A permanent member is the pivot of an ordering when the members before it
    hold the other permanent members and at least `quota - permanent` elected
    ones; an elected member is the pivot when the members before it hold every
    permanent member and exactly `quota - 1 - permanent` elected ones. Summing
    `s! (n - s - 1)! / n!` over those sets (counted with binomials) gives the
    Shapley–Shubik index; counting the same sets gives the Banzhaf swings.
    """
    n, p, e, q = rule.seats, rule.permanent, rule.elected, rule.quota
    n_factorial = factorial(n)

    def orderings(before: int) -> Fraction:  # share of orderings with exactly this set before the pivot
        return Fraction(factorial(before) * factorial(n - before - 1), n_factorial)

    shapley_p, swings_p = Fraction(0), 0
    if p:
        for k in range(max(q - p, 0), e + 1):  # elected members before (or beside) the permanent pivot
            shapley_p += comb(e, k) * orderings(p - 1 + k)
            swings_p += comb(e, k)
    shapley_e, swings_e = Fraction(0), 0
    k = q - 1 - p  # the other elected members a swing coalition of an elected member holds
    if e and 0 <= k <= e - 1:
        shapley_e = comb(e - 1, k) * orderings(p + k)
        swings_e = comb(e - 1, k)
    return PowerIndices(rule, shapley_p, shapley_e, swings_p, swings_e)


def council_rules(council) -> list[tuple[Rule, tuple[int, ...]]]:
    """Each composition `council.yaml` seats (seats, permanent members, the year's quota), with its years."""
    years: dict[Rule, list[int]] = {}
    for year in sorted(council.seats):
        seats = council.seats[year]
        rule = Rule(len(seats), sum(1 for code in seats if council.is_permanent(code)), charter.quota(year))
        years.setdefault(rule, []).append(year)
    return [(rule, tuple(found)) for rule, found in years.items()]


# --- pivots --------------------------------------------------------------------------------------

class Ballot(Record):
    """One vote of the Council as pivots need it: who sat, who is permanent, what is known."""

    __slots__ = ("id", "symbol", "date", "status", "seats", "permanent", "votes", "tally")

    def __init__(self, id: str, symbol: str | None, date, status: str | None, seats: tuple[str, ...],
                 permanent: frozenset[str], votes: dict[str, str], tally: dict[str, int] | None):
        self.id, self.symbol, self.date, self.status = id, symbol, date, status
        self.seats, self.permanent, self.votes, self.tally = seats, permanent, votes, tally or {}


class Pivots(Record):
    """What could have changed one draft's outcome, stating only what the record settles.

    yes: the lowest and highest number of yes votes the record allows; missing:
    the same for the yes votes short of the quota. outcome: what the Charter
    gives, or None when the record leaves it open. decisive: members a change of
    whose vote alone would have changed adoption; undetermined: members of whom
    that depends on votes not known (every other seated member was not decisive).
    vetoes: permanent no votes on a draft with the quota; would_be_vetoes:
    permanent no votes on a draft short of it, which would have been vetoes had
    it reached the quota; unsettled_vetoes: permanent no votes of which the
    record does not tell which. unknown: seated members whose vote is not
    known. consistent: False when the record's tally or status contradicts its
    votes (validation reports it), so only the votes were used.
    """

    __slots__ = ("id", "symbol", "date", "status", "quota", "yes", "missing", "outcome", "decisive",
                 "undetermined", "vetoes", "would_be_vetoes", "unsettled_vetoes", "unknown", "consistent")

    def __init__(self, **fields):
        for name in self.__slots__:
            setattr(self, name, fields[name])

    def to_dict(self) -> dict:
        data = {name: getattr(self, name) for name in self.__slots__}
        data["date"] = self.date.isoformat() if self.date else None
        for name in ("yes", "missing"):
            low, high = data[name]
            data[name] = {"low": low, "high": high}
        for name in ("decisive", "undetermined", "vetoes", "would_be_vetoes", "unsettled_vetoes", "unknown"):
            data[name] = list(data[name])
        return data


def is_decisive(vote: str, permanent: bool, yes: int, permanent_no: int, quota: int) -> bool:
    """Whether some other vote of this member alone would turn adoption into rejection or back."""
    adopted = outcome(yes, permanent_no, quota) == "adopted"
    base_yes = yes - (vote == "yes")
    base_no = permanent_no - (permanent and vote == "no")
    for other in VOTES:
        if other == vote:
            continue
        changed = outcome(base_yes + (other == "yes"), base_no + (permanent and other == "no"), quota)
        if (changed == "adopted") != adopted:
            return True
    return False


def _states(known: dict[str, str], permanent: frozenset[str], unknown_elected: int, unknown_permanent: int,
            tally: dict[str, int], status: str | None, quota: int) -> frozenset[tuple[int, int]]:
    """The (yes votes, permanent no votes) the record allows, completing unknown votes every way
    its tally and its status permit. Linear in the seats cubed at worst (a few hundred steps)."""
    yes0 = sum(1 for v in known.values() if v == "yes")
    no0 = sum(1 for v in known.values() if v == "no")
    abstain0 = sum(1 for v in known.values() if v == "abstain")
    permanent_no0 = sum(1 for c, v in known.items() if v == "no" and c in permanent)
    return _counted_states(yes0, no0, abstain0, permanent_no0, unknown_elected, unknown_permanent,
                           tuple(sorted(tally.items())), status, quota)


@lru_cache(maxsize=1 << 16)
def _counted_states(yes0: int, no0: int, abstain0: int, permanent_no0: int, unknown_elected: int,
                    unknown_permanent: int, tally_items: tuple[tuple[str, int], ...], status: str | None,
                    quota: int) -> frozenset[tuple[int, int]]:
    """`_states` from the counts of the known votes, which are all it depends on: kept, since
    ballots by the thousand share their shapes."""
    tally = dict(tally_items)
    found = set()
    for elected_yes in range(unknown_elected + 1):
        for permanent_yes in range(unknown_permanent + 1):
            for permanent_no in range(unknown_permanent - permanent_yes + 1):
                yes = yes0 + elected_yes + permanent_yes
                if "yes" in tally and tally["yes"] != yes:
                    continue
                room_elected = unknown_elected - elected_yes
                room_permanent = unknown_permanent - permanent_yes - permanent_no
                elected_no = 0
                if "no" in tally:
                    elected_no = tally["no"] - no0 - permanent_no
                    if not 0 <= elected_no <= room_elected:
                        continue
                if "abstain" in tally:
                    abstaining = tally["abstain"] - abstain0
                    if not 0 <= abstaining <= room_elected - elected_no + room_permanent:
                        continue
                total_permanent_no = permanent_no0 + permanent_no
                if status in OUTCOMES and outcome(yes, total_permanent_no, quota) != status:
                    continue
                found.add((yes, total_permanent_no))
    return frozenset(found)


@lru_cache(maxsize=4096)
def _decisive_answers(vote: str, permanent: bool, states: frozenset[tuple[int, int]], quota: int) -> frozenset[bool]:
    """Whether the vote is decisive (`is_decisive`) in each of the states: True, False or both."""
    return frozenset(is_decisive(vote, permanent, y, n, quota) for y, n in states)


def ballot_pivots(ballot: Ballot) -> Pivots:
    """The pivots of one ballot; see `Pivots`."""
    quota = charter.quota(ballot.date.year if ballot.date else None)
    members = list(ballot.seats) + [c for c in ballot.votes if c not in ballot.seats]
    known = {c: v for c, v in ballot.votes.items() if v in VOTES}
    unknown = [c for c in members if c not in known]
    unknown_permanent = sum(1 for c in unknown if c in ballot.permanent)
    unknown_elected = len(unknown) - unknown_permanent
    tally = {k: v for k, v in ballot.tally.items() if k in TALLY_KEYS}
    consistent = True
    attempts = ((tally, ballot.status), (tally, None), ({}, None))

    def states_with(votes, unknown_e, unknown_p):
        for tally_, status in attempts:
            found = _states(votes, ballot.permanent, unknown_e, unknown_p, tally_, status, quota)
            if found:
                return found, (tally_, status) == attempts[0]
        return frozenset(), False

    states, consistent = states_with(known, unknown_elected, unknown_permanent)
    decisive, undetermined = [], []
    unknown_answers: dict[bool, set[bool]] = {}  # the same for every unknown member of a kind
    for code in members:
        is_permanent = code in ballot.permanent
        if code in known:
            answers = _decisive_answers(known[code], is_permanent, states, quota)
        elif is_permanent in unknown_answers:
            answers = unknown_answers[is_permanent]
        else:
            answers = set()
            for vote in VOTES:  # the member's own vote is one of the unknowns
                supposed, _ = states_with({**known, code: vote}, unknown_elected - (not is_permanent),
                                          unknown_permanent - is_permanent)
                answers |= _decisive_answers(vote, is_permanent, supposed, quota)
            unknown_answers[is_permanent] = answers
        if answers == {True}:
            decisive.append(code)
        elif answers == {True, False}:
            undetermined.append(code)
    yes_values = sorted({y for y, _ in states})
    reached = {y >= quota for y in yes_values}
    permanent_no = [c for c in members if known.get(c) == "no" and c in ballot.permanent]
    outcomes = {outcome(y, n, quota) for y, n in states}
    return Pivots(
        id=ballot.id, symbol=ballot.symbol, date=ballot.date, status=ballot.status, quota=quota,
        yes=(yes_values[0], yes_values[-1]),
        missing=(max(quota - yes_values[-1], 0), max(quota - yes_values[0], 0)),
        outcome=outcomes.pop() if len(outcomes) == 1 else None,
        decisive=tuple(decisive), undetermined=tuple(undetermined),
        vetoes=tuple(permanent_no) if reached == {True} else (),
        would_be_vetoes=tuple(permanent_no) if reached == {False} else (),
        unsettled_vetoes=tuple(permanent_no) if len(reached) > 1 else (),
        unknown=tuple(unknown), consistent=consistent,
    )


def draft_ballots(project) -> list[Ballot]:
    """The hand-checked drafts put to the vote, as ballots, oldest first."""
    from .tables import members_of, voted_drafts

    council = project.council
    ballots = []
    for draft in voted_drafts(project):
        seats = tuple(members_of(draft, council))
        # on a procedural decision no member has a veto: every seat counts as an elected one
        permanent = frozenset() if draft.procedural else frozenset(c for c in seats if council.is_permanent(c))
        ballots.append(Ballot(draft.id, draft.symbol, draft.date, draft.status, seats, permanent,
                              dict(draft.votes), draft.tally))
    return ballots


def draft_pivots(project) -> list[Pivots]:
    """The pivots of every hand-checked draft put to the vote, oldest first."""
    return [ballot_pivots(ballot) for ballot in draft_ballots(project)]


def power_data(project) -> dict:
    """Everything `votes power --format json` prints: the indices of each rule, then each draft's pivots."""
    rules = [(COUNCIL_1966, "the Council since 1966"), (COUNCIL_1946, "the Council of 1946-1965")]
    rules += [(rule, "seated in " + year_ranges(years)) for rule, years in council_rules(project.council)]
    return {
        "rules": [{"name": name, **power_indices(rule).to_dict()} for rule, name in rules],
        "pivots": [p.to_dict() for p in draft_pivots(project)],
    }


# --- text ----------------------------------------------------------------------------------------

def fraction_text(value: Fraction, digits: int = 5) -> str:
    """An exact fraction and its decimal: "421/2145 = 0.19627"."""
    return f"{value} = {float(value):.{digits}f}" if value.denominator != 1 else str(value)


def yes_text(pivots: Pivots) -> str:
    """Yes votes and how many were missing, as far as the record tells: "4 yes, 5 missing"."""
    (low, high), (short_low, short_high) = pivots.yes, pivots.missing
    yes = f"{low} yes" if low == high else f"{low} to {high} yes"
    if short_high == 0:
        return f"{yes}, none missing"
    missing = f"{short_low}" if short_low == short_high else f"{short_low} to {short_high}"
    return f"{yes}, {missing} missing"


def pivot_lines(pivots: Pivots) -> list[str]:
    """What the record settles about one draft's pivots, one statement a line."""
    lines = [yes_text(pivots) + f" of the {pivots.quota} needed"]
    if pivots.decisive:
        lines.append("decisive (a change of this vote alone changes adoption): " + ", ".join(pivots.decisive))
    elif pivots.undetermined:
        lines.append("decisive: none of the known votes")
    else:
        lines.append("decisive: none (no single vote's change would change adoption)")
    if pivots.undetermined:
        lines.append("whether decisive depends on votes not known: " + ", ".join(pivots.undetermined))
    if pivots.vetoes:
        lines.append("vetoes (permanent no with the quota reached): " + ", ".join(pivots.vetoes))
    if pivots.would_be_vetoes:
        lines.append(f"permanent no, not a veto; a veto had the draft reached {pivots.quota}: "
                     + ", ".join(pivots.would_be_vetoes))
    if pivots.unsettled_vetoes:
        lines.append("permanent no, a veto only if the draft reached the quota (not known): "
                     + ", ".join(pivots.unsettled_vetoes))
    if pivots.unknown:
        lines.append(f"votes not known ({len(pivots.unknown)}): " + ", ".join(pivots.unknown))
    if not pivots.consistent:
        lines.append("the record's tally or status contradicts its votes (see votes validate): read from the "
                     "votes alone")
    return lines


def power_text(project) -> str:
    """`votes power` for reading: the indices of each rule, then each draft's pivots."""
    data, pivots = power_data(project), draft_pivots(project)
    out = ["Voting power: exact Shapley-Shubik and Banzhaf indices of the Council's rule", ""]
    for rule in data["rules"]:
        out.append(f"{rule['name']}: {rule['seats']} members, {rule['permanent']} permanent; {rule['quota']} yes "
                   "votes needed, with no permanent member voting no")
        out.append(f"  {'':<17}{'Shapley-Shubik':<24}{'Banzhaf':<22}{'Banzhaf absolute':<22}swings")
        for kind in ("permanent", "elected"):
            member = rule[f"{kind}_member"]
            cells = [f"{member[k]['exact']} = {member[k]['value']:.5f}"
                     for k in ("shapley_shubik", "banzhaf", "banzhaf_absolute")]
            out.append(f"  {kind + ' member':<17}{cells[0]:<24}{cells[1]:<22}{cells[2]:<22}"
                       f"{member['swings']} of {rule['coalitions_of_others']}")
        out.append("")
    out.append("Pivots of each draft put to the vote")
    if not pivots:
        out.append("  no draft has come to a vote")
    for p in pivots:
        out.append("")
        out.append(f"  {p.date.isoformat() if p.date else '?'}  {p.symbol or p.id}  {p.status or 'no status'}"
                   + (f"  ({p.id})" if p.symbol else ""))
        out += [f"    {line}" for line in pivot_lines(p)]
    return "\n".join(out) + "\n"
