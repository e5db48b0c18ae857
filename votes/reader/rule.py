"""What a rule of the table is: a pattern, what it yields, and the sentences it is proved on.

`votes.reader.rules` holds the table; `votes.reader.engine` applies it. A yield says which
assertion a match makes and from which captured chunk:

- `Vote(vote, who="SUBJ")`: the members of a list, a count or 'the rest' -> vote
  (`veto=True` for a veto, `weak=True` for a support verb, `full=True` for a list that is
  the whole of its vote, so that its length is a count; the vote `COUNTED`: that of the one
  count of the sentence before, for as many members as it counts: "Four abstained. These
  were A, B, C and D."; `AMONG`: the same, for no more members than it counts);
- `Count(vote, slot="COUNT")` a count of a vote (or `n=` a fixed number, `of="LIST"` a
  list's length, `everyone=True` all the members seated: "unanimously"); `Score()` the counts of a score ("13-1", "by 11 votes to 2");
- `Outcome(outcome)`, `Drafted(who)`, `Stance(stance, who)`;
- `Same(who)`: the members voted as the clause's vote before them ("as did X", "alongside X");
- `Respectively(votes)`: the i-th member of a list takes the i-th vote;
- `Caused(who)`: the members' no vote made the draft fail, a veto when they are permanent.

A rule with no yields claims its anchor and states nothing: it keeps a rule after it from
reading a shape that says less than that rule would ("The United States received support from
only one country" counts the others, not the text's votes in favour).

Each rule carries `examples` (sentence, expected reading) and `misses` (a near miss and its
reading): the tests run every one, and the documentation is generated from them. A reading
is written as in the tests: "vote RUS,VEN no fact", "veto RUS fact", "count 11 yes fact",
"rest 9 no fact", "outcome failed fact", "drafted FRA,ESP fact", "stance RUS oppose fact".
"""

from __future__ import annotations

from ..record import Record
from .patterns import Pattern


#: A vote taken from the one count of the sentence before (`Vote(COUNTED, "LIST")`).
COUNTED = "counted"
#: The same, for some of the members counted: "Five abstained. Russia and China were among them."
AMONG = "among"


class Vote(Record):
    __slots__ = ("vote", "who", "veto", "weak", "full")

    def __init__(self, vote: str, who: str = "SUBJ", *, veto: bool = False, weak: bool = False, full: bool = False):
        self.vote, self.who, self.veto, self.weak, self.full = vote, who, veto, weak, full


class Count(Record):
    __slots__ = ("vote", "slot", "n", "of", "everyone")

    def __init__(self, vote: str, slot: str = "COUNT", *, n: int | None = None, of: str | None = None,
                 everyone: bool = False):
        self.vote, self.slot, self.n, self.of, self.everyone = vote, slot, n, of, everyone


class Score(Record):
    """`parts=3`: only a score of three counts ("12-2-1"), whose order a rejected text's score of two
    ("defeated 10 to 1") does not settle."""

    __slots__ = ("slot", "parts")

    def __init__(self, slot: str = "SCORE", parts: int | None = None):
        self.slot, self.parts = slot, parts


class Outcome(Record):
    __slots__ = ("outcome",)

    def __init__(self, outcome: str):
        self.outcome = outcome


class Drafted(Record):
    __slots__ = ("who",)

    def __init__(self, who: str = "LIST"):
        self.who = who


class Stance(Record):
    __slots__ = ("stance", "who")

    def __init__(self, stance: str, who: str = "SUBJ"):
        self.stance, self.who = stance, who


class Same(Record):
    """'..., as did X': X voted as the vote before. `leaders`: the slot naming whom X voted as ('X
    voted with Y'); where the sentence gives no vote of theirs before, X is read as aligned with them."""

    __slots__ = ("who", "leaders")

    def __init__(self, who: str = "LIST", leaders: str | None = None):
        self.who, self.leaders = who, leaders


class Respectively(Record):
    """'A and B voted for and against, respectively': the i-th member takes the i-th vote."""

    __slots__ = ("votes", "who")

    def __init__(self, votes: tuple[str, ...], who: str = "LIST"):
        self.votes, self.who = votes, who


class AllBut(Record):
    """'The lone dissenting voice was China': every other member voted `vote`; those named did not
    (how they voted, the phrase does not say)."""

    __slots__ = ("vote", "who")

    def __init__(self, vote: str, who: str = "LIST"):
        self.vote, self.who = vote, who


class Caused(Record):
    """'failed to adopt it as Russia voted against it': the members' no vote caused the failure, a
    veto when they are all permanent members (the council says who is), else a no vote."""

    __slots__ = ("who",)

    def __init__(self, who: str = "LIST"):
        self.who = who


class Rule(Record):
    """One sentence shape: its name, family, pattern, yields, and its examples and near misses.

    `absorbs`: words of the phrase itself that would otherwise change its mode ("did not take
    part" is an absence, not a negated vote; "failed to be adopted" is an outcome).
    `noun`: the phrase is a noun ("the Russian veto"), so the words just before it count for its
    mode ("the threat of a veto", "rather than face a veto").
    `mode`: a mode the shape itself gives, whatever surrounds it ("X to abstain" in a headline).
    `shares`: the rule adds to what other rules read at its anchor (a score after "passed"), so it
    neither claims the anchor nor skips one claimed.
    `follows`: the phrase hangs on the clause before it ("..., with the U.S. casting the lone vote
    against", "one fewer than the nine needed"), so a modal of that clause is its mode too ("The
    text could receive 14 votes, with the U.S. casting the lone vote against").
    """

    __slots__ = ("name", "family", "source", "yields", "examples", "misses", "absorbs", "noun", "mode", "note",
                 "shares", "follows", "_pattern")

    def __init__(self, name: str, family: str, pattern: str, yields: tuple, *, examples=(), misses=(),
                 absorbs: frozenset[str] = frozenset(), noun: bool = False, mode: str | None = None,
                 note: str = "", shares: bool = False, follows: bool = False):
        self.name, self.family = name, family
        self.source = pattern
        self._pattern: Pattern | None = None
        self.yields = yields
        self.examples = tuple(examples)
        self.misses = tuple(misses)
        self.absorbs, self.noun, self.mode, self.note, self.shares = frozenset(absorbs), noun, mode, note, shares
        self.follows = follows

    @property
    def pattern(self) -> Pattern:
        """The parsed pattern, parsed when first asked for: a run tries the few rules its sentences can
        match, and finds the rest of what the engine needs in the table's index (votes.reader.index)."""
        if self._pattern is None:
            self._pattern = Pattern(self.source)
        return self._pattern
