"""What the reader reads: assertions, each with its kind and mode, and each sentence's reading."""

from __future__ import annotations

from ..record import Record
from .words import ALIGNED, COUNT, DRAFTED, FACT, OUTCOME, REPORTED, REST, STANCE, VETO, VOTE


class _Fields(Record):
    """A record kept between runs (votes.cache) and sent back by a child reading ahead (votes.forking):
    pickled as the tuple of its fields, in `__slots__` order, which is a third smaller and quicker to
    write than the name of every field beside its value.

    Unpickled by one assignment of the whole tuple to the fields, written for each class as it is
    made (as dataclasses write their methods): the 458,717 records of 30,000 drafts' readings load
    in 0.45 s, where setting each field in a loop took 1.1 s."""

    __slots__ = ()

    def __init_subclass__(cls, **kwargs) -> None:
        super().__init_subclass__(**kwargs)
        if not cls.__slots__:
            return
        fields = "".join(f"self.{name}, " for name in cls.__slots__)
        made: dict = {}
        exec(f"def __setstate__(self, state):\n    {fields}= state\n", made)  # noqa: S102 - names from __slots__
        cls.__setstate__ = made["__setstate__"]

    def __getstate__(self) -> tuple:
        return tuple([getattr(self, name) for name in self.__slots__])


class TextRef(_Fields):
    """Which draft a phrase is about, as far as the sentence says: its drafters and symbol.

    A sentence that speaks of a second draft it does not name ("unanimously decided to renew the
    sanctions, rejecting an alternate draft, vetoed by Russia") splits its phrases in two: `side`
    is "main" or "other", and `outcome` the outcome that side states (adopted, vetoed, failed,
    not-adopted) or None; a side is about a draft whose status fits its outcome. `besides`: the
    drafters of the draft the other side is not ("Russia vetoed a resolution ..., and the council
    then refused to back a Russian resolution": the veto is not the Russian draft's).
    """

    __slots__ = ("drafters", "symbol", "side", "outcome", "resolution", "besides", "bare")

    def __init__(self, drafters: frozenset[str] = frozenset(), symbol: str | None = None, side: str | None = None,
                 outcome: str | None = None, resolution: str | None = None, besides: frozenset[str] = frozenset(),
                 bare: bool = False):
        self.drafters, self.symbol, self.side, self.outcome = drafters, symbol, side, outcome
        # the resolution the draft was adopted as ("S/2018/1016 ... adopted as resolution 2448 (2018)")
        self.resolution = resolution
        self.besides = besides
        #: the drafters read from countries' bare names before the noun ("Syria resolution"), which may
        #: name what the draft is about as well as who put it forward (votes.seating.unseated_topics)
        self.bare = bare

    def symbols(self) -> tuple[str, ...]:
        """The symbols the sentence names the draft by: the draft's, and the resolution's it became."""
        return tuple(x for x in (self.symbol, self.resolution) if x)

    @property
    def named(self) -> bool:
        """The sentence names the draft, by its symbol or drafters."""
        return self.side is None

    def fits(self, status: str, drafted_by=()) -> bool:
        """A side of the sentence can be about a draft of this status (and these drafters: not the
        draft the sentence names beside it)."""
        if self.besides and self.besides <= set(drafted_by):
            return False
        if self.outcome is None:
            return True
        return status == self.outcome or (self.outcome == "not-adopted" and status in ("vetoed", "failed"))

    def describe(self) -> str:
        if self.side == "other":
            return "the other draft the sentence speaks of"
        if self.side == "main":
            return "the sentence's main draft"
        if self.symbol:
            return self.symbol
        return "the " + "-".join(sorted(self.drafters)) + " draft"


class Assertion(_Fields):
    """One thing a sentence says, with its mode and where it says it.

    `start`/`end` cover the whole assertion in the sentence; `keys` are the spans a
    quote must contain for the assertion to be in it (the predicate, the number);
    `spans` maps each member to the span of the name that points to it; `leaders` are the members
    an ALIGNED assertion's members voted as.
    """

    __slots__ = ("kind", "members", "vote", "count", "all_but", "except_", "outcome", "stance", "mode",
                 "speaker", "text", "start", "end", "keys", "spans", "exhaustive", "weak", "rule", "leaders")

    def __init__(self, kind: str, *, members: tuple[str, ...] = (), vote: str | None = None,
                 count: int | None = None, all_but: int | None = None, except_: tuple[str, ...] = (),
                 outcome: str | None = None, stance: str | None = None, mode: str = FACT,
                 speaker: str | None = None, text: TextRef | None = None, start: int = 0, end: int = 0,
                 keys: tuple[tuple[int, int], ...] = (), spans: dict[str, tuple[int, int]] | None = None,
                 exhaustive: bool = False, weak: bool = False, rule: str = "", leaders: tuple[str, ...] = ()):
        self.kind, self.members, self.vote, self.count, self.all_but = kind, members, vote, count, all_but
        self.except_, self.outcome, self.stance, self.mode, self.speaker = except_, outcome, stance, mode, speaker
        self.text, self.start, self.end, self.keys = text, start, end, keys
        self.spans = spans or {}
        self.exhaustive = exhaustive  # a formula's list: its length is the count of that vote
        self.weak = weak  # "backed", "supported": a vote on a voted draft, a stance on any other
        self.rule = rule  # the name of the rule of votes.reader.rules that read it
        self.leaders = leaders

    @property
    def factual(self) -> bool:
        return self.mode == FACT

    def describe(self) -> str:
        """'RUS, CHN -> no (veto)', '11 -> yes', 'the remaining 9 -> no', 'outcome failed' ..."""
        who = ", ".join(self.members)
        if self.kind == VOTE:
            body = f"{who} -> {self.vote}"
        elif self.kind == VETO:
            body = f"vetoed by {who}"
        elif self.kind == COUNT:
            number = f"all but {self.all_but}" if self.all_but is not None else str(self.count)
            body = f"{number} -> {self.vote}"
        elif self.kind == REST:
            rest = "the rest" if self.count is None else f"the remaining {self.count}"
            if self.except_:
                rest = f"all except {', '.join(self.except_)}"
            body = f"{rest} -> {self.vote}"
        elif self.kind == OUTCOME:
            body = f"outcome {self.outcome}"
        elif self.kind == DRAFTED:
            body = f"drafted by {who}"
        elif self.kind == ALIGNED:
            body = f"{who} voted as {', '.join(self.leaders)}"
        else:
            body = f"{who} stance {self.stance}"
        extras = []
        if self.exhaustive:
            extras.append("full list")
        if self.weak:
            extras.append("support verb")
        if self.text is not None and self.kind != DRAFTED:
            extras.append(f"about {self.text.describe()}")
        if self.speaker and self.mode in (REPORTED, FACT) and self.kind in (VOTE, VETO, STANCE, OUTCOME, ALIGNED):
            extras.append(f"said by {self.speaker}")
        mode = self.mode if self.mode != REPORTED or not self.speaker else f"reported by {self.speaker}"
        return f"{body} [{mode}]" + (f" ({'; '.join(extras)})" if extras else "")


class Reading(_Fields):
    """What one sentence says: its assertions, the drafts it names, whether it speaks of several
    votes, and where it names each member."""

    __slots__ = ("start", "end", "text", "assertions", "texts", "plural", "mentions", "unknown")

    def __init__(self, start: int, end: int, text: str, assertions: list[Assertion], texts: list[TextRef],
                 plural: bool, mentions: list[tuple[str, int, int]],
                 unknown: list[tuple[str, int, int]] | None = None):
        self.start, self.end, self.text = start, end, text
        self.assertions, self.texts, self.plural = assertions, texts, plural
        self.mentions = mentions  # (code, start, end) of every member's name
        #: (name, start, end) of names a vote phrase is said of that council.yaml does not know
        self.unknown = unknown or []
