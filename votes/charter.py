"""The Council's voting rule, with its years: the one place its numbers are written.

Article 27 of the UN Charter, as the Council has applied it: a draft is adopted
with the quota of affirmative votes and no permanent member voting no; with the
quota and a permanent no it is vetoed; short of the quota it fails, and a
permanent no is then recorded but is no veto. Abstaining is not vetoing. A
procedural decision (Article 27(2)) needs the quota alone: no member has a veto on it. The
quota and the seats changed once: seven of eleven from 1946, nine of fifteen
from 1 January 1966, when the Council first sat enlarged (the amendment of
1963 came into force on 31 August 1965).

Which members are permanent is asked of the council (`data/council.yaml`),
which any object with `is_permanent(code)` and `seated(year)` answers.
Validation, the power indices, `votes suggest`, the tally chart and the text
of `votes show` all ask this module (docs/architecture.md).
"""

from __future__ import annotations

from collections import Counter

from .record import Record

#: The first year the Council sat with fifteen members and the quota of nine.
ENLARGED_FROM = 1966
#: The outcomes of a draft put to the vote.
OUTCOMES = ("adopted", "vetoed", "failed")
_NUMBER_WORDS = {5: "five", 7: "seven", 9: "nine", 11: "eleven", 15: "fifteen"}


class Rule(Record):
    """A Council decision rule: `seats` members, `permanent` of them with a veto, `quota` yes votes."""

    __slots__ = ("seats", "permanent", "quota")

    def __init__(self, seats: int, permanent: int, quota: int):
        if not 0 <= permanent <= seats or seats < 1:
            raise ValueError(f"a Council of {seats} seats cannot hold {permanent} permanent members")
        self.seats, self.permanent, self.quota = seats, permanent, quota

    @property
    def elected(self) -> int:
        return self.seats - self.permanent

    def describe(self) -> str:
        return (f"{self.seats} members, {self.permanent} permanent; {self.quota} yes votes needed, "
                "with no permanent member voting no")

    def wins(self, permanent_in: int, elected_in: int) -> bool:
        """Whether a coalition holding so many permanent and elected members adopts a draft."""
        return permanent_in == self.permanent and permanent_in + elected_in >= self.quota

    def __hash__(self) -> int:
        return hash((self.seats, self.permanent, self.quota))


#: The Council of 1946-1965: eleven seats, five permanent, seven votes (Article 27 as signed).
BEFORE_1966 = Rule(11, 5, 7)
#: The Council since 1 January 1966: fifteen seats, five permanent, nine votes.
SINCE_1966 = Rule(15, 5, 9)


def rule(year: int | None) -> Rule:
    """The rule of a year; with no year, today's."""
    return BEFORE_1966 if year is not None and year < ENLARGED_FROM else SINCE_1966


def quota(year: int | None) -> int:
    """Affirmative votes a draft needed in a year: seven before 1966, nine since (and with no year)."""
    return rule(year).quota


def seats(year: int | None) -> int:
    """Members the Council had in a year: eleven before 1966, fifteen since."""
    return rule(year).seats


def number_word(number: int) -> str:
    """The Charter's numbers as words, for messages: 'seven', 'nine', 'fifteen'; other numbers as digits."""
    return _NUMBER_WORDS.get(number, str(number))


def outcome(yes: int, permanent_no: int, needed: int) -> str:
    """What the Charter gives: adopted with the quota and no permanent no; vetoed with the quota and one;
    failed short of the quota, whatever the permanent members voted."""
    if yes < needed:
        return "failed"
    return "vetoed" if permanent_no else "adopted"


def is_veto(yes: int, needed: int) -> bool:
    """Whether a permanent member's no on a draft with `yes` affirmative votes is a veto: only with the quota."""
    return yes >= needed


def permanent_no(votes: dict[str, str], council) -> tuple[str, ...]:
    """The permanent members recorded voting no, in code order (vetoes or not, by `is_veto`)."""
    return tuple(sorted(code for code, vote in votes.items() if vote == "no" and council.is_permanent(code)))


def outcome_of(year: int | None, yes: int, votes: dict[str, str], council) -> str:
    """The outcome of a draft of `year` with `yes` affirmative votes and these recorded votes."""
    return outcome(yes, len(permanent_no(votes, council)), quota(year))


class Standing(Record):
    """What a draft's recorded votes settle under the Charter of its year.

    seated: the members of its year (None when council.yaml lists none); counts: the
    recorded votes by level; unknown: seated members (or seats) with no recorded vote;
    complete: every seated member's vote is recorded; yes: the lowest and highest number
    of yes votes the record allows (its tally's, when it gives one); permanent_no: the
    permanent members recorded voting no; possible: the outcomes those leave open, in
    `OUTCOMES` order.
    """

    __slots__ = ("year", "quota", "seated", "counts", "unknown", "complete", "yes", "permanent_no", "possible")

    def __init__(self, year: int | None, seated: tuple[str, ...] | None, counts: Counter, unknown: int,
                 yes: tuple[int, int], permanent_no: tuple[str, ...], possible: tuple[str, ...]):
        self.year, self.quota, self.seated, self.counts, self.unknown = year, quota(year), seated, counts, unknown
        self.complete = seated is not None and unknown == 0
        self.yes, self.permanent_no, self.possible = yes, permanent_no, possible

    @property
    def settled(self) -> str | None:
        """The one outcome the votes allow, or None when they leave several open."""
        return self.possible[0] if len(self.possible) == 1 else None


def standing(year: int | None, votes: dict[str, str], tally: dict[str, int] | None, council,
             procedural: bool = False) -> Standing:
    """The Charter's reading of a draft's votes (a tally's yes count stands for the yes votes); on a
    procedural decision (Article 27(2)) a permanent member's no is no veto."""
    listed = council.seated(year) if year is not None else None
    seated = tuple(listed) if listed else None
    counts = Counter(votes.values())
    if seated is not None:
        unknown = sum(1 for code in seated if code not in votes)
    else:
        unknown = max(seats(year) - len(votes), 0)
    tally = tally or {}
    low, high = (tally["yes"], tally["yes"]) if "yes" in tally else (counts["yes"], counts["yes"] + unknown)
    noes = permanent_no(votes, council)
    permanent_unknown = any(code not in votes for code in (seated or council.members) if council.is_permanent(code))
    if permanent_unknown and _noes_all_recorded(tally, counts, len(seated) if seated else seats(year)):
        permanent_unknown = False  # "11 in favour and four abstentions": no one else voted no
    needed = quota(year)
    possible = []
    if high >= needed and (not noes or procedural):
        possible.append("adopted")
    if high >= needed and (noes or permanent_unknown) and not procedural:
        possible.append("vetoed")
    if low < needed:
        possible.append("failed")
    return Standing(year, seated, counts, unknown, (low, high), noes, tuple(possible))


def _noes_all_recorded(tally: dict[str, int], counts: Counter, seats_: int) -> bool:
    """Whether the tally says every no vote is among the recorded votes: its no count is theirs, or
    its counts fill every seat with no no count given ("11 in favour and four abstentions")."""
    if "no" in tally:
        return tally["no"] == counts["no"]
    return sum(tally.values()) == seats_ and counts["no"] == 0


def rule_text(year: int, procedural: bool = False) -> str:
    """The rule of a year in a sentence, for a hint (of a procedural decision's, with `procedural`)."""
    words = number_word(quota(year))
    era = "" if rule(year) is SINCE_1966 else \
        f" of {year}, when the Council had {number_word(seats(year))} members"
    if procedural:
        return (f"the Charter{era} on a procedural decision: adopted with {words} or more yes, whoever votes no; "
                f"failed with fewer than {words} yes (no member has a veto)")
    return (f"the Charter{era}: adopted with {words} or more yes and no permanent no; vetoed with {words} or more "
            f"yes and a permanent no; failed with fewer than {words} yes (a permanent no is then no veto)")


def not_a_veto_text(year: int | None, status: str | None) -> str:
    """Why a permanent no was no veto: on an adopted text, the decision was procedural; else the draft
    had 'fewer than nine yes' (seven before 1966)."""
    return "a procedural decision" if status == "adopted" else short_of_text(year)


def short_of_text(year: int | None) -> str:
    """Why a permanent no was no veto: 'fewer than nine yes' (seven before 1966)."""
    return f"fewer than {number_word(quota(year))} yes"


def both_eras(years) -> bool:
    """Whether drafts of these years fall on both sides of 1966, with two quotas."""
    return {rule(year) for year in years} == {BEFORE_1966, SINCE_1966}


def quota_words(years, noun: str) -> str:
    """The yes votes drafts of these years needed, for the report's prose, with the noun that follows
    the number: 'nine yes', 'seven yes' (every draft before 1966), or 'nine yes (seven before 1966)'
    across both eras."""
    years = list(years)
    if both_eras(years):
        return f"{number_word(SINCE_1966.quota)} {noun} ({number_word(BEFORE_1966.quota)} before {ENLARGED_FROM})"
    return f"{number_word(rule(years[0] if years else None).quota)} {noun}"


def needed_words(years) -> tuple[str, str]:
    """The tally chart's words for the line of votes needed over drafts of these years, and what its
    title measures the bars against: ('nine votes needed', 'the nine'), or across both eras
    ('votes needed (seven before 1966)', 'the votes')."""
    if any(rule(year) is BEFORE_1966 for year in years):
        return (f"votes needed ({number_word(BEFORE_1966.quota)} before {ENLARGED_FROM})", "the votes")
    return f"{number_word(SINCE_1966.quota)} votes needed", f"the {number_word(SINCE_1966.quota)}"
