"""The vote-statement reader: a sentence in, the assertions it makes out.

A source sentence is read, not searched for words side by side. It is cut into
tokens; member names from council.yaml are found as whole names (never inside a
longer proper name such as "Latin American" or "The Washington Post"); then
each vote phrase is tied to what it is said of, and the words around it decide
its *mode*:

- kinds: members -> vote (`vote`), vetoed by members (`veto`), count -> vote
  (`count`), "the rest / remaining N / all other members" -> vote (`rest`),
  outcome (`outcome`), drafted by members (`drafted`), a member's stance (`stance`);
- modes: a `fact`, or `negated`, a `threat`, an `expectation`, an `intention`,
  the `future`, a `condition`, `reported` by another speaker, about an
  `other-body` (a parliament, the General Assembly) or an `other-text`.

Only the validator decides what a reading proves; this module knows nothing of
records. It is pure: no files, no pandas, no matplotlib, and every loop is
linear in the tokens of the sentence or bounded by a small window.
"""

from __future__ import annotations

import bisect
import functools
import re
from typing import Iterable

from .anchor import ONE_FOR_ONE, composed, line_sentences
from .record import Record

# --- modes and kinds --------------------------------------------------------------------------

FACT, NEGATED, THREAT, EXPECTED, INTENDED, FUTURE, CONDITION, REPORTED, OTHER_BODY, OTHER_TEXT = (
    "fact", "negated", "threat", "expectation", "intention", "future", "condition", "reported",
    "other-body", "other-text")
MODES = (FACT, NEGATED, THREAT, EXPECTED, INTENDED, FUTURE, CONDITION, REPORTED, OTHER_BODY, OTHER_TEXT)
VOTE, VETO, COUNT, REST, OUTCOME, DRAFTED, STANCE = "vote", "veto", "count", "rest", "outcome", "drafted", "stance"
KINDS = (VOTE, VETO, COUNT, REST, OUTCOME, DRAFTED, STANCE)
#: Outcomes a sentence can state; "not-adopted" is what a vetoed and a failed draft share.
OUTCOMES = ("adopted", "vetoed", "failed", "not-adopted")


class TextRef(Record):
    """Which draft a phrase is about, as far as the sentence says: its drafters and symbol."""

    __slots__ = ("drafters", "symbol")

    def __init__(self, drafters: frozenset[str] = frozenset(), symbol: str | None = None):
        self.drafters, self.symbol = drafters, symbol

    def describe(self) -> str:
        if self.symbol:
            return self.symbol
        return "the " + "-".join(sorted(self.drafters)) + " draft"


class Assertion(Record):
    """One thing a sentence says, with its mode and where it says it.

    `start`/`end` cover the whole assertion in the sentence; `keys` are the spans a
    quote must contain for the assertion to be in it (the predicate, the number);
    `spans` maps each member to the span of the name that points to it.
    """

    __slots__ = ("kind", "members", "vote", "count", "all_but", "except_", "outcome", "stance", "mode",
                 "speaker", "text", "start", "end", "keys", "spans", "exhaustive", "weak")

    def __init__(self, kind: str, *, members: tuple[str, ...] = (), vote: str | None = None,
                 count: int | None = None, all_but: int | None = None, except_: tuple[str, ...] = (),
                 outcome: str | None = None, stance: str | None = None, mode: str = FACT,
                 speaker: str | None = None, text: TextRef | None = None, start: int = 0, end: int = 0,
                 keys: tuple[tuple[int, int], ...] = (), spans: dict[str, tuple[int, int]] | None = None,
                 exhaustive: bool = False, weak: bool = False):
        self.kind, self.members, self.vote, self.count, self.all_but = kind, members, vote, count, all_but
        self.except_, self.outcome, self.stance, self.mode, self.speaker = except_, outcome, stance, mode, speaker
        self.text, self.start, self.end, self.keys = text, start, end, keys
        self.spans = spans or {}
        self.exhaustive = exhaustive  # a formula's list: its length is the count of that vote
        self.weak = weak  # "backed", "supported": a vote on a voted draft, a stance on any other

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
        else:
            body = f"{who} stance {self.stance}"
        extras = []
        if self.exhaustive:
            extras.append("full list")
        if self.weak:
            extras.append("support verb")
        if self.text is not None and self.kind != DRAFTED:
            extras.append(f"about {self.text.describe()}")
        if self.speaker and self.mode in (REPORTED, FACT) and self.kind in (VOTE, VETO, STANCE, OUTCOME):
            extras.append(f"said by {self.speaker}")
        mode = self.mode if self.mode != REPORTED or not self.speaker else f"reported by {self.speaker}"
        return f"{body} [{mode}]" + (f" ({'; '.join(extras)})" if extras else "")


class Reading(Record):
    """What one sentence says: its assertions, the drafts it names, whether it speaks of several
    votes, and where it names each member."""

    __slots__ = ("start", "end", "text", "assertions", "texts", "plural", "mentions")

    def __init__(self, start: int, end: int, text: str, assertions: list[Assertion], texts: list[TextRef],
                 plural: bool, mentions: list[tuple[str, int, int]]):
        self.start, self.end, self.text = start, end, text
        self.assertions, self.texts, self.plural = assertions, texts, plural
        self.mentions = mentions  # (code, start, end) of every member's name


# --- vocabulary -------------------------------------------------------------------------------

NUMBER_WORDS = {
    "zero": 0, "no": 0, "none": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
}
_NEGATIONS = frozenset({"not", "never", "n't", "neither", "nor", "refused", "refuses", "declined", "declines",
                        "failed", "fails", "without"})
_MODALS = {
    "threatened": THREAT, "threatens": THREAT, "threaten": THREAT, "threatening": THREAT, "warned": THREAT,
    "warns": THREAT, "threat": THREAT,
    "expected": EXPECTED, "likely": EXPECTED, "poised": EXPECTED, "set": EXPECTED, "due": EXPECTED,
    "scheduled": EXPECTED, "unlikely": EXPECTED, "predicted": EXPECTED, "anticipated": EXPECTED,
    "plans": INTENDED, "planned": INTENDED, "plan": INTENDED, "intends": INTENDED, "intended": INTENDED,
    "intend": INTENDED, "vowed": INTENDED, "vows": INTENDED, "pledged": INTENDED, "pledges": INTENDED,
    "promised": INTENDED, "promises": INTENDED, "wants": INTENDED, "wanted": INTENDED, "hopes": INTENDED,
    "hoped": INTENDED, "ready": INTENDED, "prepared": INTENDED, "going": INTENDED, "decided": INTENDED,
    "seeks": INTENDED, "sought": INTENDED, "tried": INTENDED, "trying": INTENDED, "aims": INTENDED,
    "will": FUTURE, "shall": FUTURE, "ll": FUTURE, "tomorrow": FUTURE,
    "would": CONDITION, "could": CONDITION, "may": CONDITION, "might": CONDITION, "should": CONDITION,
    "must": CONDITION, "can": CONDITION, "cannot": CONDITION, "if": CONDITION, "unless": CONDITION,
    "whether": CONDITION, "needs": CONDITION, "need": CONDITION, "needed": CONDITION, "required": CONDITION,
    "requires": CONDITION, "necessary": CONDITION, "able": CONDITION, "possibly": CONDITION,
}
#: Mode ranks: when several words frame one phrase, the strongest non-fact reading wins.
_MODE_RANK = {NEGATED: 9, THREAT: 8, EXPECTED: 7, INTENDED: 6, FUTURE: 5, CONDITION: 4}
_AUX = frozenset({"didn", "doesn", "don", "wasn", "weren", "isn", "hasn", "haven", "hadn", "'", "t",
                  "now", "repeatedly", "has", "have", "had", "was", "were", "is", "are", "be", "been", "being", "did", "do", "does",
                  "to", "also", "only", "both", "all", "then", "later", "again", "instead", "eventually",
                  "ultimately", "duly", "formally", "effectively", "promptly", "swiftly", "once", "twice",
                  "subsequently", "finally", "themselves", "itself", "alone", "each", "too", "likewise",
                  "similarly", "predictably", "unsurprisingly", "as", "expected", "earlier", "previously",
                  "already", "just", "openly", "reluctantly", "in", "on", "at", "during", "last", "this", "that",
                  "the", "a", "week", "weekend", "month", "year", "day", "morning", "afternoon", "evening", "night",
                  "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
                  "february", "march", "april", "may", "june", "july", "august", "september", "october",
                  "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
                  "nov", "dec", ".", "of", "today", "yesterday", "tonight", "ago"}) | _NEGATIONS | frozenset(_MODALS)
_SPEECH = frozenset({"said", "says", "say", "told", "tells", "tell", "stated", "states", "added", "adds", "noted",
                     "notes", "argued", "argues", "claimed", "claims", "insisted", "insists", "stressed",
                     "stresses", "declared", "declares", "announced", "announces", "explained", "explains",
                     "complained", "complains", "acknowledged", "acknowledges", "confirmed", "confirms",
                     "reported", "reports", "suggested", "suggests", "alleged", "alleges", "asserted",
                     "asserts", "wrote", "writes", "tweeted", "recalled", "recalls", "accused", "accuses",
                     "according"})
_SUBORDINATORS = frozenset({"after", "before", "when", "as", "because", "since", "while", "although", "though",
                            "until", "once", "whereas", "where"})
_CLAUSE_BREAKS = frozenset({";", "while", "whereas", "but", "although", "though", "however", "meanwhile"})
_DRAFT_NOUNS = frozenset({"draft", "drafts", "text", "texts", "resolution", "resolutions", "proposal",
                          "proposals", "measure", "motion", "document"})
_COUNCIL_NOUNS = frozenset({"members", "member", "countries", "country", "delegations", "delegation", "states",
                            "nations", "others", "votes", "vote", "ones"})
_BODIES = frozenset({"assembly", "parliament", "parliaments", "parliamentary", "lawmakers", "legislators",
                     "legislature", "senate", "congress", "duma", "knesset", "bundestag", "commons", "referendum",
                     "voters", "electorate", "senators", "mps", "deputies"})
_OTHER_TEXT = frozenset({"first", "earlier", "previous", "other", "another", "separate", "second", "rival",
                         "prior", "former", "original"})
#: A sentence that speaks of several votes ("both votes", "four times", "the fifth time") may state
#: the facts of several drafts: these are the words such a phrase ends on, and what may stand before.
_PLURAL_ENDS = frozenset({"votes", "drafts", "texts", "resolutions", "times", "time", "twice"})
_PLURAL_TEXTS = frozenset({"votes", "drafts", "texts", "resolutions"})
_COUNTED = frozenset({"times", "drafts", "texts", "resolutions"})
_COUNT_WORDS = frozenset({"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"})
_ORDINALS = frozenset({"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"})
_ORDINAL_SUFFIXES = frozenset({"st", "nd", "rd", "th"})
#: A title between a member's name and a person's keeps the member's name a member's
#: ("Russian Deputy Foreign Minister"); any other capitalised word after it makes a longer
#: proper name ("Russia Today", "The Washington Post", "France Inter").
_TITLES = frozenset({"ambassador", "ambassadors", "foreign", "deputy", "minister", "ministers", "ministry",
                     "president", "prime", "defence", "defense", "secretary", "envoy", "envoys", "representative",
                     "representatives", "permanent", "mission", "government", "embassy", "delegation",
                     "delegate", "delegates", "officials", "official", "forces", "army", "navy", "air",
                     "military", "state", "u.n.", "un", "united", "security", "council", "spokesman",
                     "spokeswoman", "spokesperson", "diplomat", "diplomats", "leader", "leaders", "chancellor",
                     "vice", "counsellor", "chargé", "charge", "affaires", "and", "or", "of", "the"})
#: Words that, capitalised right before a member's name, make a longer name ("Latin American").
_NAME_PREFIXES = frozenset({"latin", "south", "north", "east", "west", "central", "great", "saudi", "arab", "pan",
                            "equatorial", "sub", "anglo", "afro", "indo", "soviet", "papua", "little", "old",
                            "upper", "lower", "greater", "native", "mexican", "african", "asian", "european"})
_NAMED = frozenset({"called", "named", "nicknamed", "dubbed", "mr", "mrs", "ms", "dr"})
_QUOTE_OPEN, _QUOTE_CLOSE = "\u201c", "\u201d"
#: Words that can open an outcome phrase (see `_Reader._outcomes`).
_OUTCOME_WORDS = frozenset({"adopted", "passed", "approved", "unanimously", "failed", "fails", "fail", "rejected",
                            "defeated", "negative", "fell"})
#: First words of a meeting record's list headings ("In favour:", "Against:", "Abstaining:").
_HEAD_WORDS = frozenset({"in", "against", "abstaining", "abstentions", "abstention", "absent"})

_STANCE_WORDS = {
    "support": frozenset({"support", "supports", "supported", "supporting", "backs", "back", "backed", "backing",
                          "welcome", "welcomed", "welcomes", "welcoming", "endorse", "endorsed", "endorses",
                          "endorsing", "favours", "favors", "favoured", "favored"}),
    "oppose": frozenset({"oppose", "opposed", "opposes", "opposing", "unacceptable", "reject", "rejected",
                         "rejects", "rejecting", "object", "objects", "objected", "blackmail", "deplores",
                         "deplored", "condemned", "condemns"}),
    "neutral": frozenset({"consider", "considered", "considers", "considering", "consideration", "undecided",
                          "neutral", "interesting", "position"}),
    "mixed": frozenset({"mixed", "reservation", "reservations"}),
}

#: Every word that can open a drafting phrase read by `_Reader._drafted` (after the name-led forms).
_DRAFT_TRIGGERS = frozenset({
    "drafted", "prepared", "proposed", "sponsored", "tabled", "submitted", "circulated", "presented", "authored",
    "introduced", "written", "penned", "forward", "co-sponsored", "put", "wrote", "circulates", "proposes",
    "tables", "submits", "presents", "introduces", "prepares", "puts", "drafts", "which", "that", "its", "their"})
_RELATIVES = frozenset({"which", "who", "whose"})
_STANCE_OF = {word: stance for stance, words in _STANCE_WORDS.items() for word in words}
_STANCE_TRIGGERS = frozenset(_STANCE_OF) | {"against", "position"}
#: A token: initials ("U.N."), a run of letters, a run of digits, or any other character.
#: Possessive: no run is ever given back, which reads a sentence a third faster.
_TOKEN = re.compile(r"[A-Za-z]\.(?:[A-Za-z]\.)++|[^\W\d_]++|\d++|\S")
#: One character for one: curly quotes kept apart from straight ones only as far as open/close goes.
#: A UN document symbol, matched where "S/" starts a word (found with str.find: a pattern that
#: begins with a word boundary would be tried at every character of the sentence).
_SYMBOL_SOURCE = r"S/(?:\d{4}/\d{1,4}|PV\.\d{1,6})\b"


def _symbols(text: str) -> list[tuple[int, int, str]]:
    """Every document symbol in the text ("S/2016/846", "S/PV.7785"): start, end, symbol."""
    found = []
    at = text.find("S/")
    while at >= 0:
        match = None
        if at == 0 or not (text[at - 1].isalnum() or text[at - 1] == "_"):
            match = _lazy(_SYMBOL_SOURCE).match(text, at)
            if match:
                found.append((at, match.end(), match.group()))
        at = text.find("S/", match.end() if match else at + 2)
    return found


@functools.lru_cache(maxsize=None)
def _lazy(source: str, flags: int = 0) -> re.Pattern:
    """A pattern compiled on first need: most sentences never need the rarer ones."""
    return re.compile(source, flags)


#: The folding quotes are found with (votes.anchor), but for double quotes: the reader keeps
#: curly ones apart, an opening one from a closing one, to see what stands inside a quotation.
_FOLD_CHARS = tuple((char, plain) for char, plain in ONE_FOR_ONE.items() if plain != '"') + (
    ("\u201e", _QUOTE_OPEN), ("\u201f", _QUOTE_OPEN), ("\uff02", '"'), ("\u2033", '"'))


def fold(text: str) -> str:
    """Fold quotes, dashes and white space as quotes are folded, one character for one, so
    offsets keep; curly double quotes stay as they are.

    str.replace for each character present beats str.translate on the short texts read here.
    """
    if text.isascii():
        return text
    for char, plain in _FOLD_CHARS:
        if char in text:
            text = text.replace(char, plain)
    return text


# --- the lexicon of member names ----------------------------------------------------------------

class Lexicon:
    """Member names as token sequences, found longest first and case-sensitively."""

    def __init__(self, names: dict[str, Iterable[str]]):
        self._by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for code, words in names.items():
            for name in {n for n in words if n}:
                tokens = tuple(m.group() for m in _TOKEN.finditer(fold(composed(name)[0])))
                if tokens:
                    self._by_first.setdefault(tokens[0], []).append((tokens, code))
        for entries in self._by_first.values():
            entries.sort(key=lambda e: -len(e[0]))
        self.firsts = frozenset(self._by_first)  # the tokens a name can start with

    @classmethod
    def from_council(cls, council) -> "Lexicon":
        return cls({code: [m.name, *m.names] for code, m in council.members.items()})

    def match(self, tokens: list[str], i: int) -> tuple[str, int] | None:
        """The member whose name starts at token i, and the token after it."""
        for name, code in self._by_first.get(tokens[i], ()):
            end = i + len(name)
            if tuple(tokens[i:end]) == name:
                return code, end
        return None


# --- the reader ---------------------------------------------------------------------------------

class _Sentence:
    """One sentence as tokens, with the member names, lists and noun phrases found in it."""

    def __init__(self, text: str, lexicon: Lexicon):
        self.text = text
        found = list(_TOKEN.finditer(text))
        # map over the methods themselves: the loops run in C (a sentence is read for every quote)
        self.tok = tok = list(map(re.Match.group, found))
        self.low = low = list(map(str.lower, tok))
        self.st = list(map(re.Match.start, found))
        self.en = list(map(re.Match.end, found))
        self.n = len(tok)
        self.words = words = frozenset(low)
        self.mention_at: dict[int, tuple[str, int]] = {}  # first token -> (code, end token)
        self.mention_end: dict[int, tuple[str, int]] = {}  # end token -> (code, first token)
        if not lexicon.firsts.isdisjoint(tok):
            self._find_mentions(lexicon)
        self.quoted = self._quoted_tokens()
        self.breaks = _where(low, words, _CLAUSE_BREAKS)
        #: tokens that belong to a member's name ("States" in "United States")
        self.inside = {k for i, (_, end) in self.mention_at.items() for k in range(i, end)}
        self.bodies = _where(low, words, _BODIES)  # a parliament, the Assembly ...
        self.conditions = _where(low, words, _CONDITIONS)

    # names ---------------------------------------------------------------------------------------
    def _find_mentions(self, lexicon: Lexicon) -> None:
        tok = self.tok
        firsts = lexicon.firsts
        after = 0  # the token after the last name found: names do not overlap
        for i in [i for i, t in enumerate(tok) if t in firsts]:
            if i < after:
                continue
            hit = lexicon.match(tok, i)
            if hit is None:
                continue
            code, end = hit
            after = end
            if not self._inside_longer_name(i, end, lexicon):
                self.mention_at[i] = (code, end)
                self.mention_end[end] = (code, i)

    def _inside_longer_name(self, i: int, end: int, lexicon: Lexicon) -> bool:
        tok, low = self.tok, self.low
        if i > 0:
            before = low[i - 1]
            if before in _NAMED or (before in _NAME_PREFIXES and tok[i - 1][:1].isupper()):
                return True
            if before == "." and i > 1 and low[i - 2] in _NAMED:
                return True
        if end < self.n:
            after = tok[end]
            if (after[:1].isupper() and after.isalpha() and low[end] not in _TITLES
                    and lexicon.match(tok, end) is None and not _common_word(low[end])):
                return True
            if after.isdigit() and i + 1 == end and low[end - 1] in ("france", "russia"):  # "France 24"
                return True
        return False

    def _quoted_tokens(self) -> list[bool]:
        """Which tokens stand inside curly double quotes (straight ones cannot tell open from close)."""
        if _QUOTE_OPEN not in self.text:
            return [False] * self.n
        inside, out = False, []
        for t in self.tok:
            if t == _QUOTE_OPEN:
                inside = True
            out.append(inside)
            if t == _QUOTE_CLOSE:
                inside = False
        return out

    # lists -----------------------------------------------------------------------------------------
    def list_at(self, i: int) -> tuple[list[str], dict[str, tuple[int, int]], int] | None:
        """A list of members starting at token i ("China, Venezuela and Egypt"): codes, spans, end token."""
        if i not in self.mention_at:
            return None
        codes: list[str] = []
        spans: dict[str, tuple[int, int]] = {}
        j = i
        while j in self.mention_at:
            code, end = self.mention_at[j]
            if code not in spans:
                codes.append(code)
                spans[code] = (self.st[j], self.en[end - 1])
            j = end
            if j < self.n and self.tok[j] == "(" and j + 1 in self.mention_at:  # "they (Russia)"
                code2, end2 = self.mention_at[j + 1]
                if end2 < self.n and self.tok[end2] == ")" and code2 == code:
                    j = end2 + 1
            k = j
            while k < self.n and self.low[k] in _LIST_JOINS:
                k += 1
            if k == j or k not in self.mention_at or not _joins(self.low[j:k]):
                break
            j = k
        return codes, spans, j

    def list_ending(self, end: int) -> tuple[list[str], dict[str, tuple[int, int]], int] | None:
        """A list of members ending just before token `end`: codes, spans, first token."""
        if end not in self.mention_end:
            return None
        first = self.mention_end[end][1]
        k = first
        while True:
            j = k
            while j > 0 and self.low[j - 1] in _LIST_JOINS:
                j -= 1
            if j == k or j not in self.mention_end or not _joins(self.low[j:k]):
                break
            start = self.mention_end[j][1]
            if start >= 2 and self.low[start - 1] == "to" and self.low[start - 2] == "according":
                break  # "According to France, China abstained": France speaks, China votes
            if self.low[j:k] == [","] and start >= 1 and self.low[start - 1] in ("alongside", "by", "from", "of"):
                break  # "voted for it alongside Russia, Angola abstained": Russia belongs to the phrase before
            k = start
        found = self.list_at(k)
        if found is None or found[2] < end:
            found = self.list_at(first)
            k = first
        return found[0], found[1], k

    def span(self, i: int, j: int) -> tuple[int, int]:
        """Character span of tokens i..j-1."""
        return self.st[i], self.en[max(j - 1, i)]

    def number(self, i: int) -> int | None:
        if i >= self.n:
            return None
        w = self.low[i]
        if w.isdigit():
            value = int(w)
            return value if value <= 200 else None
        if w in ("no", "none"):
            return None  # zero is read only in fixed phrases ("no one", "none against")
        return NUMBER_WORDS.get(w)

    def clause_start(self, i: int) -> int:
        k = bisect.bisect_left(self.breaks, i)
        return self.breaks[k - 1] + 1 if k else 0

    def clause_end(self, i: int) -> int:
        k = bisect.bisect_left(self.breaks, i)
        return self.breaks[k] if k < len(self.breaks) else self.n


_CONDITIONS = frozenset({"if", "unless"})


def _where(low: list[str], words: frozenset[str], wanted: frozenset[str]) -> list[int]:
    """The indexes of the tokens in `wanted`; the set test first, since most sentences hold none."""
    return [i for i, w in enumerate(low) if w in wanted] if not wanted.isdisjoint(words) else []


#: Words between the names of a list: "China, Venezuela and Egypt", "Britain and the United States".
_LIST_JOINS = frozenset({",", "and", "&", "-", "/", "as", "well", "plus", "the", "nor", "or"})


def _joins(words: list[str]) -> bool:
    """Joining words make a list only with a comma, 'and', 'or', 'nor', a slash or a hyphen among them."""
    return any(w in (",", "and", "&", "-", "/", "plus", "nor", "or") for w in words)


_COMMON = frozenset({
    "have", "has", "had", "is", "was", "were", "are", "will", "would", "and", "or", "but", "vetoes", "vetoed",
    "veto", "votes", "voted", "vote", "abstains", "abstained", "abstain", "backs", "backed", "supports",
    "supported", "opposes", "opposed", "rejects", "rejected", "blocks", "blocked", "says", "said", "calls",
    "demand", "demands", "on", "in", "for", "to", "of", "at", "with", "the", "a", "an", "as", "by", "not",
    "draft", "resolution", "text", "again", "over", "against", "favour", "favor", "joins", "joined", "wins",
    "won", "fails", "failed", "it", "its", "s", "u.n.", "un", "u.s.", "abstaining", "abstentions", "absent",
    "none", "in",
})


def _common_word(word: str) -> bool:
    """A capitalised word a headline writes in title case, not a part of a proper name."""
    return word in _COMMON or word in _SPEECH or word in _MODALS or word in _NEGATIONS


#: No reporter writes a sentence this long; a longer run of text (a file on one line, with no
#: full stop) is read in windows of this size, so reading stays linear in the text.
MAX_SENTENCE = 3000


def read_sentence(text: str, lexicon: Lexicon, speaker: str | None = None) -> Reading:
    """Read one sentence (any offsets are into `text`). `speaker`, when given, is the member whose
    words a sentence wholly in quotation marks carries on from the sentence before it."""
    return _read(text, lexicon, speaker)[0]


def _read(text: str, lexicon: Lexicon, speaker: str | None,
          want_speaker: bool = True) -> tuple[Reading, str | None]:
    """The reading of one sentence, and (if `want_speaker`) the speaker it leaves open for the
    next (see read_passage)."""
    if len(text) > MAX_SENTENCE:
        return _read_windows(text, lexicon, speaker), None
    # Names and words are matched in NFC, as council.yaml is written: a seed saved decomposed
    # ("C" + U+0302 for "Ĉ") is read composed, and its offsets mapped back.
    nfc, back = composed(text)
    s = _Sentence(fold(nfc), lexicon)
    reader = _Reader(s, speaker)
    reader.run()
    mentions = [(code, s.st[i], s.en[end - 1]) for i, (code, end) in sorted(s.mention_at.items())]
    reading = Reading(0, len(text), text, reader.out, reader.texts, _several_votes(s), mentions)
    if back is not None:
        _remap(reading, back.original, back.original_end)
    return reading, (_speaker_left_open(s) if want_speaker else None)


def _remap(reading: Reading, start_of, end_of) -> None:
    """Move every offset of a reading's assertions and names: starts by `start_of`, ends by `end_of`."""
    for a in reading.assertions:
        a.start, a.end = start_of(a.start), end_of(a.end)
        a.keys = tuple((start_of(x), end_of(y)) for x, y in a.keys)
        a.spans = {c: (start_of(x), end_of(y)) for c, (x, y) in a.spans.items()}
    reading.mentions = [(c, start_of(x), end_of(y)) for c, x, y in reading.mentions]


def _shift(reading: Reading, by: int) -> None:
    """Move every offset of a reading by `by` characters (arithmetic inline: this runs for every quote)."""
    for a in reading.assertions:
        a.start += by
        a.end += by
        a.keys = tuple((x + by, y + by) for x, y in a.keys)
        a.spans = {c: (x + by, y + by) for c, (x, y) in a.spans.items()}
    reading.mentions = [(c, x + by, y + by) for c, x, y in reading.mentions]


def _several_votes(s: _Sentence) -> bool:
    """Whether the sentence speaks of several votes: "both votes", "the two drafts", "twice", "each
    time", "four (earlier) times", "11 resolutions", "the fifth time", "the 5th time"."""
    low = s.low
    for j in _where(low, s.words, _PLURAL_ENDS):  # none where the sentence holds no such word
        word, before = low[j], low[j - 1] if j else ""
        if word == "twice":
            return True
        if word == "time":
            if before in ("each", *_ORDINALS) or (
                    before in _ORDINAL_SUFFIXES and j >= 2 and low[j - 2].isdecimal() and s.en[j - 2] == s.st[j - 1]):
                return True
            continue
        if before == "both" or (word in _PLURAL_TEXTS and before == "two" and j >= 2 and low[j - 2] == "the"):
            return True
        if word in _COUNTED:
            k = j - 1 - (before in ("previous", "earlier", "other"))
            if k >= 0 and (low[k] in _COUNT_WORDS or low[k].isdecimal()):
                return True
    return False


def _read_windows(text: str, lexicon: Lexicon, speaker: str | None) -> Reading:
    """An over-long 'sentence' read window by window, each cut at a space."""
    assertions, texts, mentions = [], [], []
    plural = False
    start = 0
    while start < len(text):
        end = min(len(text), start + MAX_SENTENCE)
        if end < len(text):
            cut = text.rfind(" ", start + MAX_SENTENCE // 2, end)
            end = cut if cut > start else end
        part = read_sentence(text[start:end], lexicon, speaker)
        _shift(part, start)
        assertions += part.assertions
        texts += [t for t in part.texts if t not in texts]
        mentions += part.mentions
        plural = plural or part.plural
        start = end
    return Reading(0, len(text), text, assertions, texts, plural, mentions)


def read_passage(text: str, lexicon: Lexicon, start: int = 0, end: int | None = None,
                 sentences: list | None = None) -> list[Reading]:
    """Read every sentence of `text[start:end]`, with offsets into `text`. Lines are joined, so a
    meeting record's "In favour:" list reads across its line breaks; a sentence wholly in quotation
    marks takes its speaker from the sentence before it. `sentences`: the passage's sentences
    (votes.anchor.Sentence), when the caller has split them already."""
    end = len(text) if end is None else end
    if sentences is None:
        sentences = []
        line_sentences(text[start:end].replace("\r", " ").replace("\n", " "), start, sentences)
    found = sentences
    out: list[Reading] = []
    carried: str | None = None
    for index, sentence in enumerate(found):
        local = text[sentence.start:sentence.end].replace("\r", " ").replace("\n", " ")
        quoted_next = index + 1 < len(found) and found[index + 1].text.startswith(_QUOTE_OPEN)
        reading, left_open = _read(local, lexicon, carried, quoted_next)
        _shift(reading, sentence.start)
        reading.start, reading.end = sentence.start, sentence.end
        out.append(reading)
        carried = left_open
    return out


def _spaced(s: "_Sentence", i: int) -> bool:
    """A dash with a space on either side: a break in the sentence, not a hyphen."""
    at = s.st[i]
    return (at > 0 and s.text[at - 1] == " ") or (at + 1 < len(s.text) and s.text[at + 1] == " ")


_TAIL_WORDS = frozenset({".", ",", "!", "?", '"', _QUOTE_CLOSE, "on", "in", "at", "last", "this", "late", "early",
                         "earlier", "later", "today", "yesterday", "week", "weekend", "night", "monday", "tuesday",
                         "wednesday", "thursday", "friday", "saturday", "sunday", "the", "council", "reporters",
                         "him", "her", "them", "told", "to"})


def _ends_clause(s: "_Sentence", verb: int) -> bool:
    """'..., diplomats said (on Friday).': the speech verb closes its clause; 'France said it ...' does not."""
    end = s.clause_end(verb + 1)
    return all(s.low[k] in _TAIL_WORDS or s.tok[k][:1].isupper() for k in range(verb + 1, end))


def _speaker_left_open(s: _Sentence) -> str | None:
    """The member whose words the next sentence may carry: a sentence that names a member as the
    subject of 'told ...' or 'said:'."""
    for i, w in enumerate(s.low):
        if w in _SPEECH and w != "according" and i not in s.inside:
            codes = _speaker_codes(s, i)
            if len(codes) == 1:
                return codes[0]
    return None


def _speaker_codes(s: _Sentence, verb: int) -> list[str]:
    """Members named in the speaker phrase just before a speech verb ("Angola's U.N. Ambassador
    Ismael Gaspar Martins said"): names, titles and capitalised words, back to the first other word."""
    codes: list[str] = []
    i = verb - 1
    start = s.clause_start(verb)
    while i >= start:
        if i + 1 in s.mention_end:
            code, first = s.mention_end[i + 1]
            if code not in codes:
                codes.append(code)
            i = first - 1
            continue
        t = s.tok[i]
        if not (t[:1].isupper() or s.low[i] in _TITLES or s.low[i] in ("'", "s", "to", "senior", "top", "chief",
                                                                       "foreign", "new")) or s.low[i] in ("and", "or"):
            break
        i -= 1
    return codes


class _Frame(Record):
    """A stretch of a sentence read as another speaker's words, or as a parenthesis."""

    __slots__ = ("start", "end", "speaker", "kind")

    def __init__(self, start: int, end: int, speaker: str | None, kind: str):
        self.start, self.end, self.speaker, self.kind = start, end, speaker, kind


_PRONOUNS = frozenset({"it", "he", "she", "they", "we", "i"})
#: Words of a speaker phrase after the words it reports: "..., senior Western diplomats said".
_SPEAKER_WORDS = _PRONOUNS | _TITLES | frozenset({
    "diplomats", "diplomat", "officials", "official", "sources", "source", "spokesman", "spokeswoman", "envoy",
    "the", "a", "an", "senior", "western", "one", "two", "several", "some", "other", "council", "un", "u.n.",
    "ambassador", "minister", "'", "s", "its", "his", "her", "their", "diplomatic", "government", "analysts"})
#: An aside between a subject and its verb: "Japan did not, in the end, abstain".
_ASIDE = frozenset({",", "end", "course", "turn", "fact", "however", "ultimately", "though", "nonetheless",
                    "nevertheless", "moreover", "meanwhile", "too"})
_SELF = frozenset({"it", "he", "she", "we", "i", "they", "us", "our", "its", "his", "her", "their"})


_KIND_ORDER = {kind: i for i, kind in enumerate(KINDS)}


def _by_place(a: Assertion) -> tuple[int, int]:
    return a.start, _KIND_ORDER[a.kind]


class _Reader:
    """The passes over one sentence; `out` collects the assertions."""

    def __init__(self, s: _Sentence, carried: str | None):
        self.s = s
        self.carried = carried
        self.out: list[Assertion] = []
        self.texts: list[TextRef] = []
        self.frames: list[_Frame] = []
        self.used: set[int] = set()  # tokens that already belong to a phrase read
        self.symbols: list[tuple[int, int, TextRef]] = []  # drafts' symbols: start, end, reference

    def run(self) -> None:
        s = self.s
        words = s.words  # each pass runs only when a word it starts from is in the sentence
        if words & _SPEECH or (s.n and s.tok[0] == _QUOTE_OPEN):
            self._speech_frames()
        if words & _RELATIVES:
            self._parentheticals()
        if s.mention_at or words & _DRAFT_TRIGGERS:
            self._drafted()
        self._text_refs()
        self._meeting_record()
        self._formula_and_counts()
        if words & _index_phrases().keys():
            self._votes()
        if words & _OUTCOME_WORDS:
            self._outcomes()
        if words & _STANCE_TRIGGERS:
            self._stances()
        if self.texts:  # with no draft named, no assertion is about a named one
            for a in self.out:
                if a.kind != DRAFTED and a.text is None:
                    a.text = self._text_for(a)
        if len(self.out) > 1:
            self.out.sort(key=_by_place)

    # frames ---------------------------------------------------------------------------------------
    def _speech_frames(self) -> None:
        s = self.s
        for i, w in enumerate(s.low):
            if w not in _SPEECH or i in s.inside:
                continue
            if w == "according" and i + 1 < s.n and s.low[i + 1] == "to":
                # "..., according to X": the clause before it is X's account; "According to X, ...": the one after
                codes = [c for c, _ in (s.mention_at[j] for j in range(i + 2, min(i + 8, s.n)) if j in s.mention_at)]
                speaker = codes[0] if len(codes) == 1 else None
                if i == s.clause_start(i):
                    comma = next((k for k in range(i + 2, min(i + 12, s.n)) if s.tok[k] == ","), None)
                    if comma is not None:
                        self.frames.append(_Frame(comma + 1, s.clause_end(comma + 1), speaker, "speech"))
                    continue
                self.frames.append(_Frame(s.clause_start(i), i, speaker, "speech"))
                continue
            codes = _speaker_codes(s, i)
            speaker = codes[0] if len(codes) == 1 else None
            before = i - 1
            k = before
            while k >= 0 and k > i - 7 and (s.tok[k][:1].isupper() or s.low[k] in _SPEAKER_WORDS) \
                    and s.tok[k] not in (_QUOTE_CLOSE, '"'):
                k -= 1
            if k < before and _ends_clause(s, i):
                before = k  # '"...," he told the council', '..., Western diplomats said'
            if before >= 0 and (s.tok[before] == "," or (
                    s.tok[before] in (_QUOTE_CLOSE, '"') and before >= 1 and s.tok[before - 1] in (",", "?", "!", "."))):
                # '"...," he told the council' / '..., diplomats said': the words before are the speaker's
                j = before
                while j >= 0 and s.tok[j] not in (_QUOTE_OPEN,) and j > s.clause_start(i) - 1:
                    j -= 1
                if j < 0 or s.tok[j] != _QUOTE_OPEN:
                    j = 0
                speaker_after = None
                for k in range(i - 1, max(i - 8, -1), -1):
                    if k + 1 in s.mention_end and k > before - 1:
                        speaker_after = s.mention_end[k + 1][0]
                codes_after = [s.mention_at[k][0] for k in range(i + 1, min(i + 8, s.n)) if k in s.mention_at]
                who = speaker_after or (codes_after[0] if len(codes_after) == 1 and s.tok[before] != "," else None)
                self.frames.append(_Frame(j, before, who, "speech"))
                continue
            # "X said (on Friday) (that) ...": what follows is X's; "X told Y after ..." is not
            k = i + 1
            if w in ("told", "tells", "tell"):
                while k < s.n and s.low[k] not in ("that", ",", _QUOTE_OPEN, ":") and s.low[k] not in _SUBORDINATORS \
                        and not (k in s.mention_at and k > i + 1 and self._starts_clause(k)):
                    k += 1
                if k >= s.n or s.low[k] in _SUBORDINATORS:
                    continue
            while k < s.n and s.low[k] in ("on", "in", "at", "last", "this", "that", ":", ",", "monday", "tuesday",
                                           "wednesday", "thursday", "friday", "saturday", "sunday", "week",
                                           "earlier", "later", "today", "yesterday"):
                k += 1
            if k < s.n and s.low[k] in _SUBORDINATORS:
                continue
            if k + 1 < s.n and s.low[k] in ("it", "so", "this", "nothing", "little", "much") and (
                    s.low[k + 1] in ("in", "at", "on", "to", "-", ",", ".", "again", "before", "twice", "then")
                    or s.tok[k + 1] in (_QUOTE_CLOSE, '"')):
                continue  # "I said it in Moscow": an object, not a reported clause
            end = s.n
            for b in s.breaks:
                if b > k and s.low[b] != "while":
                    end = b
                    break
            if s.quoted[i]:  # words inside a quotation end with it
                end = min(end, next((q for q in range(i, s.n) if s.tok[q] == _QUOTE_CLOSE), s.n))
            dash = next((q for q in range(k, end) if s.tok[q] == "-" and _spaced(s, q)), None)
            if dash is not None:
                end = dash
            self.frames.append(_Frame(k, end, speaker, "speech"))
        if self.carried and s.n and s.tok[0] == _QUOTE_OPEN and not any(f.kind == "speech" for f in self.frames):
            self.frames.append(_Frame(0, s.n, self.carried, "speech"))
        elif s.n and s.tok[0] == _QUOTE_OPEN and not any(f.kind == "speech" for f in self.frames):
            close = next((k for k in range(s.n) if s.tok[k] == _QUOTE_CLOSE), s.n)
            self.frames.append(_Frame(0, close, None, "speech"))

    def _starts_clause(self, k: int) -> bool:
        """A member name followed soon by a verb: the start of a reported clause after 'told X'."""
        s = self.s
        code, end = s.mention_at[k]
        return end < s.n and (s.low[end] in _AUX or s.low[end] in _VERB_HEADS)

    def _parentheticals(self) -> None:
        """', which had abstained on the first text,' after a member: a parenthesis about it."""
        s = self.s
        for i in range(1, s.n - 1):
            if s.tok[i] == "," and s.low[i + 1] in ("which", "who", "whose") and i in s.mention_end:
                close = next((k for k in range(i + 2, min(s.n, i + 40)) if s.tok[k] == ","), None)
                if close is not None:
                    self.frames.append(_Frame(i + 1, close, s.mention_end[i][0], "parenthesis"))

    def _frame(self, i: int, kind: str) -> _Frame | None:
        best = None
        for f in self.frames:
            if f.kind == kind and f.start <= i < f.end and (best is None or f.start >= best.start):
                best = f
        return best

    # drafts -----------------------------------------------------------------------------------------
    def _drafted(self) -> None:
        s = self.s
        low = s.low
        for i in sorted(s.mention_at):
            if any(a.kind == DRAFTED and a.start <= s.st[i] < a.end for a in self.out):
                continue
            codes, spans, end = s.list_at(i)
            kind = None
            key_end = end
            if end + 1 < s.n and low[end] == "-" and low[end + 1] in ("drafted", "sponsored", "proposed",
                                                                       "authored", "written", "penned"):
                kind, key_end = "np", end + 2
            elif end + 2 < s.n and low[end] == "'" and low[end + 1] == "s":
                j = end + 2
                while j < s.n and low[j] in ("own", "new", "rival", "revised", "amended", "latest", "u.n.", "un",
                                               "security", "council", "draft"):
                    j += 1
                if j < s.n and low[j] in _DRAFT_NOUNS or (j > end + 2 and low[j - 1] == "draft"):
                    kind, key_end = "np", min(j + 1, s.n)
            elif end < s.n:
                j = end
                while j < s.n and low[j] in ("u.n.", "un", "united", "nations", "security", "council", "-"):
                    j += 1
                if j < s.n and low[j] in _DRAFT_NOUNS and (i == 0 or low[i - 1] not in ("by", "from", "of")):
                    adjective = all(s.tok[k][:1].isupper() for k in range(i, end) if k in s.mention_at)
                    if adjective:
                        kind, key_end = "np", j + 1
            if kind:
                self._add_drafted(codes, spans, i, key_end, FACT)
        candidates = [(i, w) for i, w in enumerate(low) if w in _DRAFT_TRIGGERS]
        # "drafted with Spain": a co-drafter
        for i, w in candidates:
            if w in ("drafted", "prepared", "written", "sponsored", "co-sponsored", "authored") and i + 1 < s.n:
                j = i + 1 + (low[i + 1] == "jointly")
                if j + 1 < s.n and low[j] == "with":
                    found = s.list_at(j + 1)
                    if found is not None:
                        self._add_drafted(found[0], found[1], i, found[2], FACT)
        # "prepared by France and Spain", "put forward by France"
        for i, w in candidates:
            if w in ("drafted", "prepared", "proposed", "sponsored", "tabled", "submitted", "circulated",
                     "presented", "authored", "introduced", "written", "penned", "forward", "co-sponsored"):
                if i + 1 < s.n and low[i + 1] == "by":
                    found = s.list_at(i + 2) or (s.list_at(i + 3) if i + 2 < s.n and low[i + 2] == "the" else None)
                    if found is not None:
                        self._add_drafted(found[0], found[1], i, found[2], FACT)
        # "Russia circulated its own draft", "New Zealand proposed a text"
        for i, w in candidates:
            if w in ("circulated", "drafted", "proposed", "tabled", "submitted", "presented", "introduced",
                     "prepared", "put", "authored", "wrote", "circulates", "proposes", "tables", "submits",
                     "presents", "introduces", "prepares", "puts", "drafts"):
                j = i + 1
                if w in ("put", "puts") and j < s.n and low[j] == "forward":
                    j += 1
                while j < s.n and low[j] in ("its", "their", "a", "an", "the", "own", "new", "rival", "revised",
                                               "u.n.", "un", "security", "council", "competing", "alternative"):
                    j += 1
                if j < s.n and low[j] in _DRAFT_NOUNS:
                    subject = self._subject(i, allow_count=False)
                    if subject and subject[0] == "members":
                        mode = self._mode(subject[3], i, i)
                        self._add_drafted(subject[1], subject[2], subject[3], j + 1, mode)
        # "draft S/2016/846, which France and Spain had put forward"
        for i, w in candidates:
            if w in ("which", "that") and (i + 1 in s.mention_at or (i + 2 in s.mention_at and low[i + 1] == "the")):
                found = s.list_at(i + 1 if i + 1 in s.mention_at else i + 2)
                j = found[2]
                while j < s.n and low[j] in ("had", "has", "have", "jointly", "originally", "first"):
                    j += 1
                if j < s.n and (low[j] in ("drafted", "proposed", "tabled", "sponsored", "circulated", "submitted",
                                           "presented", "introduced", "prepared", "authored", "written")
                                or (low[j] == "put" and j + 1 < s.n and low[j + 1] == "forward")):
                    self._add_drafted(found[0], found[1], i + 1, j + 1 + (low[j] == "put"), FACT)
        # "its own draft", "its draft resolution": the sponsor is the subject before it
        for i, w in candidates:
            if w in ("its", "their") and i + 1 < s.n:
                j = i + 1
                while j < s.n and low[j] in ("own", "new", "rival", "revised"):
                    j += 1
                if j < s.n and low[j] in _DRAFT_NOUNS and not any(a.kind == DRAFTED and a.start <= s.st[i] < a.end
                                                                 for a in self.out):
                    owner = self._owner(i)
                    if owner is not None:
                        self._add_drafted(owner[0], owner[1], i, j + 1, FACT, owner_start=owner[2])

    def _owner(self, i: int):
        """Whose 'its' this is: the first member list of the clause that is not inside a phrase
        ('by France', 'the support of China')."""
        s = self.s
        k = s.clause_start(i)
        while k < i:
            found = s.list_at(k)
            if found is None:
                k += 1
                continue
            if k == 0 or s.low[k - 1] not in ("by", "of", "from", "to", "with", "and", "against", "'"):
                return found[0], found[1], k
            k = found[2]
        return None

    def _add_drafted(self, codes, spans, i: int, j: int, mode: str, owner_start: int | None = None) -> None:
        s = self.s
        start = s.st[owner_start if owner_start is not None else i]
        start = min(start, min(x for x, _ in spans.values()))
        end = s.en[j - 1]
        for a in self.out:
            if a.kind == DRAFTED and set(a.members) == set(codes) and a.start <= start and end <= a.end:
                return
        self.out.append(Assertion(DRAFTED, members=tuple(codes), mode=mode, start=start, end=max(end, start),
                                  keys=(s.span(i, j),), spans=dict(spans), text=TextRef(frozenset(codes))))

    def _text_refs(self) -> None:
        refs = []
        for a in self.out:
            if a.kind == DRAFTED and a.text not in refs:
                refs.append(a.text)
        # the symbols of drafts (not of meeting records), found once for every clause that asks
        self.symbols = [(start, end, TextRef(frozenset(), symbol)) for start, end, symbol in _symbols(self.s.text)
                        if not symbol.startswith("S/PV")]
        refs += [ref for _, _, ref in self.symbols]
        self.texts = refs

    def _text_for(self, a: Assertion) -> TextRef | None:
        """The draft an assertion is about: the one named in its clause, or the sentence's only one."""
        s = self.s
        first = _token_at(s, a.start)
        lo, hi = s.clause_start(first), s.clause_end(first)
        lo_c, hi_c = (s.st[lo] if lo < s.n else 0), (s.en[hi - 1] if hi - 1 < s.n and hi > 0 else len(s.text))
        own = [d.text for d in self.out if d.kind == DRAFTED and lo_c <= d.start <= hi_c
               and not (d.start <= a.start and a.end <= d.end and a.kind != VOTE)]
        own += [ref for start, end, ref in self.symbols if lo_c <= start and end <= hi_c]
        distinct = []
        for t in own:
            if t not in distinct:
                distinct.append(t)
        if len(distinct) == 1:
            return distinct[0]
        if not distinct and len(self.texts) == 1:
            return self.texts[0]
        return None

    # formulas ----------------------------------------------------------------------------------------
    def _meeting_record(self) -> None:
        """'In favour: A, B. Against: C. Abstaining: D.' as in the Council's meeting records."""
        s = self.s
        if ":" not in s.text:
            return
        heads = {("in", "favour"): "yes", ("in", "favor"): "yes", ("against",): "no", ("abstaining",): "abstain",
                 ("abstentions",): "abstain", ("abstention",): "abstain", ("absent",): "absent"}
        for i in range(s.n):
            if s.low[i] not in _HEAD_WORDS:
                continue
            for words, vote in heads.items():
                j = i + len(words)
                if j < s.n and tuple(s.low[i:j]) == words and s.tok[j] == ":":
                    found = s.list_at(j + 1)
                    if found is None:
                        if j + 1 < s.n and s.low[j + 1] == "none":
                            self._count(0, vote, i, j + 2, exhaustive=True)
                        continue
                    codes, spans, end = found
                    self._vote(codes, spans, vote, i, j + 1, FACT, exhaustive=True, whole=(i, end))
                    self._count(len(codes), vote, i, end, exhaustive=True, implied=True)

    def _formula_and_counts(self) -> None:
        """'11 votes in favour (A, B, ...) to 2 against (C, D), with 2 abstentions (E)', and every
        count of votes: 'received four votes in favour', 'the remaining nine voted against'."""
        s = self.s
        low = s.low
        numbers = [i for i, w in enumerate(low) if w in NUMBER_WORDS or w.isdigit()]
        done = -1
        for i in numbers:
            number = s.number(i)
            if i < done or number is None or i in self.used or _is_date_number(s, i):
                continue
            vote, end = _count_vote(s, i)
            if vote is None:
                continue
            mode = self._count_mode(i)
            # "by a vote of 11 to 2, with 2 abstentions": the second number is a no
            self._count(number, vote, i, end, mode=mode)
            if end < s.n and s.tok[end] == "(":
                found = s.list_at(end + 1)
                if found is not None and found[2] < s.n and s.tok[found[2]] == ")":
                    codes, spans, close = found
                    self._vote(codes, spans, vote, i, end, mode, exhaustive=True, whole=(i, close + 1))
                    end = close + 1
            done = end
        words = s.words
        if not numbers and words.isdisjoint(("no", "nobody", "none")):
            return
        # "voted 13-0", "by a vote of 11-2-2": yes, no (and abstentions)
        for i in numbers:
            if i + 2 < s.n and low[i + 1] == "-" and low[i + 2].isdigit() and i > 0 and (
                    low[i - 1] in ("voted", "vote") or (i > 1 and low[i - 2] == "vote" and low[i - 1] == "of")):
                mode = self._count_mode(i)
                self._count(int(low[i]), "yes", i, i + 1, mode=mode)
                self._count(int(low[i + 2]), "no", i + 2, i + 3, mode=mode)
                if i + 4 < s.n and low[i + 3] == "-" and low[i + 4].isdigit():
                    self._count(int(low[i + 4]), "abstain", i + 4, i + 5, mode=mode)
        # "by a vote of 11 to 2", "by 11 votes to 2"
        for i in (k for k in range(s.n - 3) if low[k] == "to") if numbers and "to" in words else ():
            if s.number(i + 1) is not None and i > 0 and s.number(i - 1 if low[i - 1] != "votes" else i - 2) is not None:
                if any(a.kind == COUNT and a.vote == "no" and s.st[i + 1] <= a.start < s.en[i + 1] for a in self.out):
                    continue
                back = i - 1 if low[i - 1] != "votes" else i - 2
                if back > 0 and (low[back - 1] in ("of", "by") or (back > 1 and low[back - 2] == "by")):
                    self._count(s.number(back), "yes", back, i, mode=self._count_mode(back))
                    self._count(s.number(i + 1), "no", i + 1, i + 2, mode=self._count_mode(back))
        # "no one voted against", "nobody abstained", "none against"
        for i in (k for k in range(s.n - 1) if low[k] in ("no", "nobody", "none")) \
                if not words.isdisjoint(("no", "nobody", "none")) else ():
            if low[i] in ("nobody",) or (low[i] == "no" and low[i + 1] in ("one", "member", "country")) or (
                    low[i] == "none" and i + 1 < s.n and low[i + 1] in ("against", "voted", "abstained")):
                start = i
                j = i + (1 if low[i] in ("nobody", "none") else 2)
                pred = _predicate_at(s, j) or (_predicate_at(s, j + 1) if j + 1 < s.n else None)
                if low[i] == "none" and low[i + 1] == "against":
                    pred = ("no", i + 2, "active", False)
                if pred:
                    self._count(0, pred[0], start, pred[1], mode=self._mode(start, j, j))
        # "with no abstentions", "no votes against"
        for i in (k for k in range(s.n - 1) if low[k] == "no") if "no" in words else ():
            if low[i + 1] in ("abstentions", "abstention") and (i == 0 or low[i - 1] == "with"):
                self._count(0, "abstain", i, i + 2, mode=self._count_mode(i))

    def _count_mode(self, i: int) -> str:
        s = self.s
        lo = max(0, i - 5)
        for k in range(lo, i):
            if s.low[k] in ("minimum", "least", "fewer", "less", "more", "than", "needs", "need", "needed", "lack",
                            "lacked", "lacking",
                            "needing", "require", "requires", "required", "requiring", "short", "threshold",
                            "necessary", "reach", "muster"):
                return CONDITION
        for k in range(lo, i):
            if s.low[k] in _NEGATIONS or s.low[k] == "did":
                return NEGATED
        return self._frame_mode(i, self._mode_words(lo, i))

    def _count(self, number: int, vote: str, i: int, j: int, *, mode: str = FACT, exhaustive: bool = False,
               implied: bool = False) -> None:
        s = self.s
        span = s.span(i, j)
        for a in self.out:
            if a.kind == COUNT and a.vote == vote and a.count == number and a.start <= span[0] < a.end:
                return
        self.out.append(Assertion(COUNT, vote=vote, count=number, mode=mode, start=span[0], end=span[1],
                                  keys=(span,), exhaustive=exhaustive))
        self.used.update(range(i, j))

    # votes ------------------------------------------------------------------------------------------
    def _votes(self) -> None:
        s = self.s
        starts = _index_phrases()
        after = 0  # the token after the last phrase read: phrases do not overlap
        for i in [i for i, w in enumerate(s.low) if w in starts]:
            if i < after or i in self.used:
                continue
            pred = _predicate_at(s, i)
            if pred is None:
                continue
            vote, end, form, weak = pred
            self._predicate(i, end, vote, form, weak)
            after = end

    def _predicate(self, i: int, end: int, vote: str, form: str, weak: bool) -> None:
        s = self.s
        low = s.low
        veto = form in ("veto-verb", "veto-noun", "veto-phrase")
        if form == "veto-noun":
            self._veto_noun(i, end)
            return
        if weak and i > 0 and s.low[i - 1] in ("was", "were", "been", "is", "are") and end + 1 < s.n \
                and s.low[end] == "by" and _text_subject(s, i):
            # "the draft was supported by Japan and Senegal"
            found = s.list_at(end + 1)
            if found is not None:
                codes, spans, stop = found
                self._vote(codes, spans, vote, i, end + 1, self._mode(i, i, end), weak=True, whole=(i, stop))
            return
        if weak and not self._weak_object(end):
            return
        if form == "passive":
            # "was vetoed (at the weekend) by Russia": only veto words have a passive here
            veto = True
            for k in range(end, min(end + 6, s.n)):
                if low[k] == "by":
                    found = s.list_at(k + 1)
                    if found is not None:
                        codes, spans, stop = found
                        mode = self._mode(i, i, end)
                        self._vote(codes, spans, vote, i, end, mode, veto=veto, whole=(i, stop))
                    return
                if low[k] in (",", ";", ".") or k in s.mention_at:
                    break
            if veto:
                mode = self._mode(i, i, end)
                self._outcome("vetoed", i, end, mode)
            return
        if form == "support-of":
            self._support_of(i, end)
            return
        subject = self._only_subject(i) or self._subject(i)
        if subject is None and s.low[i].endswith("ing"):
            subject = self._join_frame(i)
        if subject is None:
            return
        kind = subject[0]
        if kind == "members" and subject[4] is None:
            beside = self._alongside(end)
            if beside is not None:
                subject = subject[:4] + (beside,)
        if kind == "members":
            _, codes, spans, first, extra = subject
            mode = self._mode(first, i, end)
            self._vote(codes, spans, vote, i, end, mode, veto=veto, weak=weak, whole=(first, end), extra=extra)
        elif kind == "count":
            _, number, all_but, first = subject
            mode = self._mode(first, i, end)
            span = s.span(first, end)
            self.out.append(Assertion(COUNT, vote=vote, count=number, all_but=all_but, mode=mode, start=span[0],
                                      end=span[1], keys=(s.span(first, end),)))
        elif kind == "rest":
            _, number, except_, first, spans = subject
            mode = self._mode(first, i, end)
            span = s.span(first, end)
            self.out.append(Assertion(REST, vote=vote, count=number, except_=tuple(except_), mode=mode,
                                      start=span[0], end=span[1], keys=(span,), spans=spans))
        elif kind == "only":
            _, codes, spans, first = subject
            mode = self._mode(first, i, end)
            self._vote(codes, spans, vote, i, end, mode, whole=(first, end))
            span = s.span(first, end)
            self.out.append(Assertion(COUNT, vote=vote, count=len(codes), mode=mode, start=span[0], end=span[1],
                                      keys=(s.span(i, end),)))

    def _alongside(self, end: int):
        """'... voted for it alongside Russia': the members named after the phrase voted alike."""
        s = self.s
        k = end
        while k < s.n and s.low[k] in ("it", "the", "text", "draft", "resolution", "measure"):
            k += 1
        if k < s.n and s.low[k] == "alongside":
            k += 1
        elif k + 1 < s.n and s.low[k] in ("along", "together") and s.low[k + 1] == "with":
            k += 2
        else:
            return None
        found = s.list_at(k)
        if found is None:
            return None
        codes, spans, stop = found
        if len(codes) > 1 and _predicate_at(s, stop) is not None and s.low[stop - 2] == ",":
            codes = codes[:1]  # "alongside Russia, Angola abstained": Angola starts the next clause
            spans = {codes[0]: spans[codes[0]]}
        return codes, spans

    def _join_frame(self, i: int):
        """'China backed Moscow in protecting Syria ..., including vetoing a bid': a gerund's
        subjects are both members of 'X joined / backed / sided with Y in ...' earlier in its clause."""
        s = self.s
        for k in range(i - 1, s.clause_start(i) - 1, -1):
            if s.low[k] in _JOINS and k + 1 in s.mention_at:
                after = s.list_at(k + 1)
                before = s.list_ending(k) if k in s.mention_end else None
                if after is None or before is None or after[2] >= s.n or s.low[after[2]] != "in":
                    continue
                codes = before[0] + [c for c in after[0] if c not in before[0]]
                return ("members", codes, {**before[1], **after[1]}, before[2], None)
        return None

    def _support_of(self, i: int, end: int) -> None:
        """'Russia gained the support of China, Venezuela and Egypt for its draft': they voted for
        the sponsor's text, and so did the sponsor."""
        s = self.s
        found = s.list_at(end)
        if found is None:
            return
        codes, spans, stop = found
        if not any(s.low[k] in _DRAFT_NOUNS for k in range(stop, min(stop + 6, s.n))):
            return
        k = i - 1
        while k >= 0 and s.low[k] in ("gained", "won", "got", "secured", "received", "drew", "had", "enjoyed",
                                      "only", "also", "just", "garnered", "attracted", "win", "gain", "get"):
            k -= 1
        sponsor = s.list_ending(k + 1) if k + 1 in s.mention_end else None
        mode = self._mode(sponsor[2] if sponsor else i, i, end)
        self._vote(codes, spans, "yes", i, end, mode, whole=(i, stop))
        if sponsor is not None and k + 1 < i:
            self._vote(sponsor[0], sponsor[1], "yes", i, end, mode, whole=(sponsor[2], end))

    def _weak_object(self, end: int) -> bool:
        """'backed the draft', 'supported it', 'would support the New Zealand proposal': a support
        verb is a vote only when its object is a text; 'backed Moscow' sides with a member."""
        s = self.s
        if end in s.mention_at:
            return False
        for k in range(end, min(end + 6, s.n)):
            if s.low[k] in _DRAFT_NOUNS or s.low[k] in _PROPOSALS or (k == end and s.low[k] in ("it", "them")):
                return True
            if s.low[k] in (",", ";", ".", "and", "in"):
                return False
        return False

    def _veto_noun(self, i: int, end: int) -> None:
        """'the Russian veto', "Russia's veto", 'vetoes from Moscow and Beijing', 'blocked by a veto'."""
        s = self.s
        low = s.low
        if end < s.n and low[end] in ("power", "powers", "right", "rights", "wielding", "threat", "threats",
                                      "-", "holder", "holders", "privilege"):
            return
        if i > 1 and low[i - 1] == "of" and low[i - 2] in ("power", "right", "use", "rights"):
            return  # "the power of veto": no veto cast ("the threat of a veto" reads as a threat)
        # members before: "Russia's veto", "the Russian and Chinese vetoes"
        k = i - 1
        while k >= 0 and low[k] in ("first", "second", "third", "fourth", "fifth", "latest", "double", "joint",
                                    "new", "another", "'", "s", "a", "the", "its", "their"):
            k -= 1
        found = s.list_ending(k + 1) if k + 1 > 0 else None
        first = None
        if found is not None and all(t in ("'", "s", "first", "second", "third", "fourth", "fifth", "latest",
                                           "double", "joint", "new", "the", "a", "its", "their")
                                     for t in low[k + 1:i]):
            codes, spans, first = found
        else:
            codes = None
            for j in range(end, min(end + 4, s.n)):
                if low[j] in ("from", "by", "of") and s.list_at(j + 1) is not None:
                    codes, spans, stop = s.list_at(j + 1)
                    first = i
                    end = stop
                    break
                if low[j] not in ("cast",):
                    break
        if codes is None:
            mode = self._mode(i, i, end)
            if i > 1 and low[i - 1] in ("a", "the") and low[i - 2] == "by":  # "blocked by a veto"
                self._outcome("vetoed", i - 2, end, mode)
            return
        mode = self._mode(first, i, end, noun=True)
        self._vote(codes, spans, "no", i, end, mode, veto=True, whole=(first, end))

    def _vote(self, codes, spans, vote: str, i: int, j: int, mode: str, *, veto: bool = False, weak: bool = False,
              exhaustive: bool = False, whole: tuple[int, int] | None = None, extra=None) -> None:
        s = self.s
        lo, hi = whole or (i, j)
        span = s.span(min(lo, i), max(hi, j))
        frame = self._frame(i, "parenthesis")
        if frame is not None and mode == FACT and frame.speaker in codes:
            # "X, which had abstained on the first text, voted for the second": the parenthesis
            # is about another vote when X has one in the main clause too
            if _main_clause_vote(s, frame.end) or _mentions_other_text(s, frame.start, frame.end):
                mode = OTHER_TEXT
        elif mode == FACT and frame is None and _previous_text(s, j):
            mode = OTHER_TEXT
        kind = VETO if veto else VOTE
        speaker = None
        speech = self._frame(i, "speech")
        if speech is not None:
            speaker = speech.speaker
            if mode == REPORTED and speaker and set(codes) <= {speaker}:
                mode = FACT  # "Angola's ambassador said his country abstained": its own vote
        self.out.append(Assertion(kind, members=tuple(codes), vote=vote, mode=mode, start=span[0], end=span[1],
                                  keys=(s.span(i, j),), spans=dict(spans), exhaustive=exhaustive, weak=weak,
                                  speaker=speaker))
        self.used.update(range(i, j))
        if extra:
            codes2, spans2 = extra
            self.out.append(Assertion(kind, members=tuple(codes2), vote=vote, mode=mode, start=span[0],
                                      end=span[1], keys=(s.span(i, j),), spans=dict(spans2), speaker=speaker))

    # subjects and modes ------------------------------------------------------------------------------
    def _subject(self, i: int, allow_count: bool = True, reach: int = 10):
        """What the phrase at token i is said of: ('members', codes, spans, first, extra) for a list,
        ('count', n, all_but, first), ('rest', n, except, first, spans), ('only', codes, spans, first),
        or None. Skips auxiliaries, adverbs, time phrases, negations and modals."""
        s = self.s
        low = s.low
        k = i - 1
        limit = max(s.clause_start(i), i - reach) if reach <= 10 else max(0, i - reach)
        while k >= limit:
            # a parenthesis after the subject: "Russia, which abstained on the first, voted ..."
            if s.tok[k] == ",":
                paren = next((f for f in self.frames if f.kind == "parenthesis" and f.end == k), None)
                if paren is not None:
                    k = paren.start - 2
                    continue
            if s.tok[k] == ")" and k in s.mention_end and k - 1 >= 0:
                code, first = s.mention_end[k]
                if first >= 2 and s.tok[first - 1] == "(" and s.low[first - 2] in _PRONOUNS:
                    return ("members", [code], {code: s.span(first, k)}, first - 2, None)
            if k + 1 in s.mention_end and (k + 1 >= s.n or s.low[k + 1] not in ("'",)):
                codes, spans, first = s.list_ending(k + 1)
                # "X joined Y in voting against": X votes as Y does
                extra = None
                if first >= 2 and low[first - 1] in ("joined", "joins", "backed", "backs", "supported", "followed") \
                        and k + 1 < s.n and low[k + 1] == "in":
                    prior = self._subject(first - 1, allow_count=False)
                    if prior is not None and prior[0] == "members":
                        extra = (prior[1], prior[2])
                        first = prior[3]
                if first >= 1 and low[first - 1] in ("except", "but") and allow_count:
                    rest = self._rest_before(first - 1, k + 1)
                    if rest is not None:
                        return rest
                only = self._only_after(k + 1, i)
                if only:
                    return ("only", codes, spans, first)
                return ("members", codes, spans, first, extra)
            if allow_count:
                np = self._count_np_ending(k + 1)
                if np is not None:
                    return np
            w = low[k]
            if w in ("which", "that", "who") and k > 0:
                j = k - 1
                if s.tok[j] == ",":
                    j -= 1
                if j + 1 in s.mention_end:
                    codes, spans, first = s.list_ending(j + 1)
                    return ("members", codes, spans, first, None)
                return None
            if w in _PRONOUNS or w in ("his", "her", "our", "country", "government", "delegation"):
                if w in ("country", "government", "delegation") and k > 0 and low[k - 1] in ("his", "her", "our",
                                                                                             "its", "their"):
                    k -= 1
                    w = low[k]
                speaker = self._frame(k, "speech")
                if speaker is not None and speaker.speaker and w in _SELF:
                    code = speaker.speaker
                    return ("members", [code], {code: s.span(k, k + 1)}, k, None)
                if w in ("it", "they", "he", "she"):
                    prior = self._subject(k, allow_count=False, reach=25)
                    if prior is not None and prior[0] == "members":
                        return ("members", prior[1], {c: s.span(k, k + 1) for c in prior[1]}, k, None)
                return None
            if w in _AUX or w in _ASIDE:
                k -= 1
                continue
            if s.number(k) is not None and k > 0 and (low[k - 1] in _AUX or s.low[k - 1] in _MONTH_WORDS):
                k -= 1
                continue
            if w == "'" or w == "s":
                return None
            return None
        return None

    def _only_subject(self, i: int):
        """'Angola was the only member to abstain': ('only', codes, spans, first) or None."""
        s = self.s
        low = s.low
        j = i - 1
        if j < 3 or low[j] != "to" or low[j - 1] not in _COUNCIL_NOUNS | {"one", "country", "council"}:
            return None
        k = j - 2 if low[j - 2] == "only" else j - 3 if low[j - 3] == "only" else None
        if k is None:
            return None
        k -= 1 if k > 0 and low[k - 1] == "the" else 0
        while k > 0 and low[k - 1] in ("was", "is", "were", "being", "remained"):
            k -= 1
        found = s.list_ending(k) if k in s.mention_end else None
        return ("only", found[0], found[1], found[2]) if found else None

    def _only_after(self, j: int, pred: int) -> bool:
        """'X was the only member to abstain'."""
        low = self.s.low
        words = low[j:pred]
        return "only" in words and "to" in words and any(w in _COUNCIL_NOUNS or w in ("one", "council") for w in words)

    def _rest_before(self, k: int, end: int):
        """'all members except Russia', 'all but Russia': the rest, with exceptions."""
        s = self.s
        low = s.low
        j = k - 1
        while j >= 0 and low[j] in ("council", "members", "other", "the", "of", "countries", "states"):
            j -= 1
        if j >= 0 and low[j] == "all":
            codes, spans, _ = s.list_at(k + 1)
            return ("rest", None, codes, j, spans)
        return None

    def _count_np_ending(self, end: int):
        """A noun phrase of members by number that ends just before token `end`."""
        s = self.s
        low = s.low
        j = end - 1
        if j < 0:
            return None
        # "the rest (of the council)", "everyone else", "all the others", "the others"
        if low[j] == "rest" and j > 0 and low[j - 1] == "the":
            return ("rest", None, [], j - 1, {})
        if low[j] in ("council",) and j >= 3 and low[j - 1] == "the" and low[j - 2] == "of" and low[j - 3] == "rest":
            return ("rest", None, [], j - 4 if j >= 4 and low[j - 4] == "the" else j - 3, {})
        if low[j] == "else" and j > 0 and low[j - 1] in ("everyone", "everybody", "all"):
            return ("rest", None, [], j - 1, {})
        if low[j] in ("others", "members", "countries", "states", "delegations") or (
                low[j] in ("member", "country", "delegation") and j > 0 and low[j - 1] in ("remaining", "other")):
            k = j - 1
            while k >= 0 and low[k] in ("council", "security", "un", "u.n."):
                k -= 1
            number = s.number(k) if k >= 0 else None
            num_at = k if number is not None else None
            if number is not None:
                k -= 1
            if k >= 0 and low[k] in ("remaining", "other"):
                start = k - 1 if k > 0 and low[k - 1] in ("the", "all") else k
                if low[j] in ("member", "country", "delegation"):
                    number = 1
                if low[k] == "other" and start == k and not (k > 0 and low[k - 1] == "all") and number is None:
                    return None
                return ("rest", number, [], start, {})
            if k >= 0 and low[k] == "the" and low[j] == "others":
                start = k - 1 if k > 0 and low[k - 1] == "all" else k
                return ("rest", number, [], start, {})
            if k >= 1 and low[k] == "but" and low[k - 1] == "all" and number is not None:
                return ("count", None, number, k - 1)
            if number is not None and low[j] != "others":
                if k >= 0 and low[k] == "all":
                    return ("count", number, None, k)
                if k >= 0 and (k in s.mention_end or low[k] in ("of", "by")):
                    return None
                return ("count", number, None, num_at)
            return None
        if low[j] == "remaining" and j > 0 and low[j - 1] == "the":
            return ("rest", None, [], j - 1, {})
        number = s.number(j)
        if number is not None and j > 0:
            if low[j - 1] == "remaining":
                return ("rest", number, [], j - 2 if j > 1 and low[j - 2] == "the" else j - 1, {})
            if low[j - 1] == "but" and j > 1 and low[j - 2] == "all":
                return ("count", None, number, j - 2)
            if low[j - 1] == "other" and j > 1 and low[j - 2] in ("the", "all"):
                return ("rest", number, [], j - 2, {})
        return None

    def _mode_words(self, lo: int, hi: int) -> str:
        """The strongest mode the words lo..hi-1 give, or FACT."""
        s = self.s
        best, rank = FACT, 0
        for k in range(max(lo, 0), hi):
            w = s.low[k]
            mode = None
            if w in _NEGATIONS or w == "n't" or (w == "t" and k > 0 and s.low[k - 1] == "'"):
                mode = NEGATED
                if w == "failed" and k + 1 < s.n and s.low[k + 1] != "to":
                    mode = None
            elif w in _MODALS:
                mode = _MODALS[w]
                if w in ("set", "due", "prepared", "ready") and not (k + 1 < s.n and s.low[k + 1] == "to"):
                    mode = None
                if w == "may" and k + 1 < s.n and s.number(k + 1) is not None:
                    mode = None  # "in May 2014"
                if w == "expected" and k > 0 and s.low[k - 1] == "as":
                    mode = None  # "as expected": a fact
            if mode is not None and _MODE_RANK[mode] > rank:
                best, rank = mode, _MODE_RANK[mode]
        return best

    def _mode(self, first: int, i: int, end: int, noun: bool = False) -> str:
        """The mode of a phrase whose subject starts at `first` and predicate spans i..end-1."""
        s = self.s
        if 0 < first <= i and s.low[first - 1] == "neither":  # "Neither Russia nor China voted for it"
            return NEGATED
        # words between the subject and the verb, and a short look before a noun ("threat of a veto")
        if first < i:
            mode = self._mode_words(_subject_end(s, first), i)
            if noun:
                before = self._mode_words(max(0, first - 4), first)
                if before != FACT:
                    mode = before
        else:
            mode = self._mode_words(max(0, i - 4), i) if noun else FACT
        if mode == FACT:
            # "to veto" after a modal verb's subject two clauses back is rare; look just before the verb
            mode = self._mode_words(max(s.clause_start(i), i - 3), i) if i - 3 >= first else mode
            if mode == NEGATED and not any(s.low[k] in _NEGATIONS or s.low[k] in ("n't",)
                                           for k in range(max(first, i - 3), i)):
                mode = FACT
        return self._frame_mode(i, mode)

    def _frame_mode(self, i: int, mode: str) -> str:
        s = self.s
        if mode != FACT:
            return mode
        lo, hi = s.clause_start(i), s.clause_end(i)
        if s.bodies and any(lo <= k < hi for k in s.bodies) and not any(
                s.low[k] == "council" and k > 0 and s.low[k - 1] == "security" for k in range(lo, hi)):
            return OTHER_BODY
        if s.conditions and any(lo <= k < i for k in s.conditions):
            return CONDITION
        speech = self._frame(i, "speech")
        if speech is not None:
            return REPORTED
        return FACT

    # outcomes ---------------------------------------------------------------------------------------
    def _outcomes(self) -> None:
        s = self.s
        low = s.low
        for i, w in enumerate(low):
            if w not in _OUTCOME_WORDS:
                continue
            if w in ("adopted", "passed", "approved"):
                prev = low[i - 1] if i else ""
                if prev == "be" and i > 1 and low[i - 2] == "to":
                    continue  # "needs nine votes ... to be adopted": the rule
                if prev in ("not", "never", "n't") or (prev == "t" and i > 1 and low[i - 2] == "'") or (
                        prev in ("been",) and i > 1 and low[i - 2] in ("not",)):
                    self._outcome("not-adopted", i - 1, i + 1, self._frame_mode(i, FACT))
                    continue
                if prev in ("was", "were", "been", "is", "unanimously", "has", "have", "council", "it") or (
                        i + 1 < s.n and low[i + 1] == "unanimously"):
                    self._outcome("adopted", i, i + 1, self._mode(max(0, i - 3), i, i + 1))
            elif w == "unanimously" and i + 1 < s.n and low[i + 1] in ("adopted", "passed", "approved"):
                continue
            elif w in ("failed", "fails", "fail"):
                if i + 1 < s.n and low[i + 1] == "to" and i + 2 < s.n and low[i + 2] in (
                        "get", "win", "pass", "obtain", "secure", "receive", "garner", "muster", "gain", "reach",
                        "be", "attract", "draw", "win"):
                    if i > 0 and low[i - 1] in ("a", "the"):
                        continue
                    self._outcome("failed", i, i + 3, self._frame_mode(i, self._mode_words(max(0, i - 3), i)))
                elif (i + 1 >= s.n or low[i + 1] in (".", ",", "on", "in", "after", "when", "because", "with",
                                                       "by", "to", "for", "at", "last", "again")) and i > 0 and (
                        low[i - 1] in _DRAFT_NOUNS or low[i - 1] in ("it", "vote") or _text_subject(s, i)):
                    lack = any(low[k] == "lack" for k in range(i + 1, min(i + 5, s.n)))
                    self._outcome("failed" if lack else "not-adopted", i, i + 1,
                                  self._frame_mode(i, self._mode_words(max(0, i - 3), i)))
            elif w in ("rejected", "defeated") and i > 0 and low[i - 1] in ("was", "were", "been", "is"):
                self._outcome("failed", i, i + 1, self._mode(max(0, i - 3), i, i + 1))
            elif w == "negative" and i + 4 < s.n and low[i + 1] in ("vote", "votes") and low[i + 2] == "of" and (
                    "permanent" in low[i + 3:i + 6]):
                # "not adopted, owing to the negative vote of a permanent member": the Council's word for a veto
                self._outcome("vetoed", i, min(i + 6, s.n), self._frame_mode(i, FACT))
            elif w == "fell" and i + 1 < s.n and low[i + 1] == "short":
                self._outcome("failed", i, i + 2, self._mode(max(0, i - 3), i, i + 2))

    def _outcome(self, outcome: str, i: int, j: int, mode: str) -> None:
        s = self.s
        span = s.span(max(i, 0), j)
        self.out.append(Assertion(OUTCOME, outcome=outcome, mode=mode, start=span[0], end=span[1], keys=(span,)))

    # stances ----------------------------------------------------------------------------------------
    def _stances(self) -> None:
        """A member's stance: the speaker of the words that carry it, or the subject of its verb."""
        s = self.s
        for i, w in enumerate(s.low):
            stance = _STANCE_OF.get(w)
            if stance is None and w == "against" and not any(a.kind in (VOTE, VETO, COUNT) and
                                                            a.keys and a.keys[0][0] <= s.st[i] < a.keys[0][1]
                                                            for a in self.out):
                stance = "oppose"
            if stance is None:
                continue
            if w in ("welcome",) and i > 0 and s.low[i - 1] in ("a", "the"):
                continue
            if w == "position" and not (i > 0 and s.low[i - 1] == "no"):
                continue  # "no position (yet)" is neutral; "its position" is no stance by itself
            if i + 1 in s.mention_at:  # "China backed Moscow": siding with a member, not a stance on a text
                continue
            if stance == "support" and w not in ("welcome", "welcomed", "welcomes", "welcoming") and \
                    not self._weak_object(i + 1) and not _stance_object(s, i + 1):
                continue  # "Russia backs rebels": support for someone, not a stance on a text
            speech = self._frame(i, "speech")
            mode = self._mode_words(max(0, i - 4), i)
            if speech is not None and speech.speaker:
                code = speech.speaker
                mode = self._frame_mode_speaker(i, mode)
                span = s.span(i, i + 1)
                self.out.append(Assertion(STANCE, members=(code,), stance=stance, mode=mode, speaker=code,
                                          start=span[0], end=span[1], keys=(span,), spans={code: span}))
                continue
            k = i
            while k > 0 and s.low[k - 1] in _STANCE_VERBS:
                k -= 1
            subject = self._subject(k, allow_count=False)
            if subject is not None and subject[0] == "members":
                codes, spans, first = subject[1], subject[2], subject[3]
                mode = self._mode(first, k, i + 1)
                span = s.span(first, i + 1)
                for code in codes:
                    self.out.append(Assertion(STANCE, members=(code,), stance=stance, mode=mode, start=span[0],
                                              end=span[1], keys=(s.span(i, i + 1),), spans={code: spans[code]}))

    def _frame_mode_speaker(self, i: int, mode: str) -> str:
        """A speaker's own stance is a fact of that speaker, unless negated or hedged."""
        if mode != FACT:
            return mode
        s = self.s
        lo, hi = s.clause_start(i), s.clause_end(i)
        if any(lo <= k < hi for k in s.bodies):
            return OTHER_BODY
        return FACT


#: Verbs between a member and its stance word: "called unacceptable", "expressed reservations", "had mixed views".
_STANCE_VERBS = frozenset({"called", "calls", "expressed", "expresses", "voiced", "voices", "had", "has", "have",
                           "deemed", "described", "found", "finds", "was", "is", "were", "are", "no", "some", "strong",
                           "serious", "its", "their", "remained", "remains", "stayed"})
_MONTH_WORDS = frozenset({"january", "february", "march", "april", "may", "june", "july", "august", "september",
                          "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
                          "sept", "oct", "nov", "dec"})

#: Vote phrases, as lower-case token sequences; a tuple in a slot is a choice.
_FAVOUR = ("favour", "favor")
_PHRASES: list[tuple[tuple, str, str, bool]] = []  # (words, vote, form, weak)


def _phrase(vote: str, form: str, *patterns: tuple, weak: bool = False) -> None:
    for words in patterns:
        _PHRASES.append((words, vote, form, weak))


_VOTED = ("voted", "votes", "vote", "voting")
_phrase("yes", "active", (_VOTED, "in", _FAVOUR), (_VOTED, "for"), (_VOTED, "yes"), (_VOTED, '"', "yes"),
        (_VOTED, "in", "support"))
_phrase("no", "active", (_VOTED, "against"), (_VOTED, "no"), (_VOTED, '"', "no"), (_VOTED, _QUOTE_OPEN, "no"),
        (_VOTED, "to", "reject"))
_phrase("yes", "active", (_VOTED, _QUOTE_OPEN, "yes"))
_phrase("abstain", "active", (("abstained", "abstains", "abstain", "abstaining"),))
_phrase("absent", "active", (("did",), "not", ("vote", "participate")), (("did",), "not", "take", "part"),
        (("was", "were"), "absent"), (("didn",), "'", "t", ("vote", "participate")))
_phrase("no", "veto-phrase", (("cast", "casts", "casting", "used", "uses", "use", "using", "exercised",
                               "exercises", "exercise", "wielded", "wields", "wield"),
                              ("its", "their", "a", "his", "her", "the"), ("veto", "vetoes")),
        (("used", "use", "uses", "using", "exercised", "exercise"), ("its", "their"), "power", "of", "veto"),
        (("used", "use", "uses", "using", "exercised"), ("its", "their"), "veto", ("power", "right")))
_phrase("no", "veto-verb", (("vetoed", "vetoes", "veto", "vetoing"),))
_phrase("yes", "active", (("backed", "backs", "back", "backing", "supported", "supports", "support", "supporting",
                           "endorsed", "endorses", "endorse"),), weak=True)
_phrase("yes", "support-of", (("the",), "support", "of"))
_JOINS = frozenset({"joined", "joins", "join", "backed", "backs", "supported", "supports", "followed", "sided"})
_VERB_HEADS = frozenset({"voted", "votes", "vote", "voting", "abstained", "abstains", "abstain", "vetoed", "vetoes",
                         "veto", "backed", "supported", "cast", "used", "joined", "did", "was"})


_BY_FIRST: dict[str, list[tuple[tuple, str, str, bool]]] = {}


def _index_phrases() -> dict[str, list[tuple[tuple, str, str, bool]]]:
    """Phrases by the words they can start with, in their order: one dict look-up per token."""
    if not _BY_FIRST:
        for phrase in _PHRASES:
            first = phrase[0][0]
            for word in (first if isinstance(first, tuple) else (first,)):
                _BY_FIRST.setdefault(word, []).append(phrase)
    return _BY_FIRST


def _predicate_at(s: _Sentence, i: int):
    """The vote phrase starting at token i: (vote, end token, form, weak) or None."""
    low = s.low
    for words, vote, form, weak in _index_phrases().get(low[i], ()):
        j = i
        for slot in words:
            if j >= s.n:
                break
            if isinstance(slot, tuple):
                if low[j] not in slot:
                    break
            elif low[j] != slot:
                break
            j += 1
        else:
            if vote == "absent" and low[j - 1] == "vote" and j < s.n and low[j] in (
                    "for", "against", "in", "yes", "no", '"', _QUOTE_OPEN):
                continue  # "did not vote for the draft": a negated yes, read from "vote for"
            if form == "veto-verb":
                return _veto_form(s, i, j)
            if form == "support-of":
                return vote, j, form, weak
            if vote == "abstain" and i > 0 and low[i - 1] == "to" and i > 1 and low[i - 2] in _COUNCIL_NOUNS | {
                    "one", "country"}:
                return vote, j, "active", weak
            return vote, j, form, weak
    return None


def _veto_form(s: _Sentence, i: int, j: int):
    """A veto word as a verb (active or passive) or as a noun."""
    low = s.low
    prev = low[i - 1] if i else ""
    if prev in ("was", "were", "been", "be", "being", "is", "are", "got", "get"):
        return "no", j, "passive", False
    if low[i] == "vetoed" and j < s.n and low[j] in ("by", "at", "on", "in") and any(
            low[k] == "by" for k in range(j, min(j + 5, s.n))):
        return "no", j, "passive", False
    noun_before = prev in ("a", "the", "its", "their", "his", "her", "first", "second", "third", "fourth", "fifth",
                           "sixth", "latest", "double", "joint", "s", "of", "no", "any", "russian", "chinese",
                           "american", "british", "french") or (i > 0 and s.tok[i - 1][:1].isupper()
                                                                 and i in s.mention_end)
    if low[i] in ("veto", "vetoes") and (noun_before or (j < s.n and low[j] in ("from", "by", "power", "powers",
                                                                               "right", "threat", "was", "is"))):
        return "no", j, "veto-noun", False
    return "no", j, "veto-verb", False


def _count_vote(s: _Sentence, i: int) -> tuple[str | None, int]:
    """'11 votes in favour', '2 against', 'two abstentions', 'received four votes': the vote a number
    counts and the token after the phrase, or (None, i)."""
    low = s.low
    j = i + 1
    if j < s.n and low[j] in ("votes", "vote"):
        j += 1
        if j < s.n and low[j] in ("in",) and j + 1 < s.n and low[j + 1] in _FAVOUR:
            return "yes", j + 2
        if j < s.n and low[j] == "for":
            return "yes", j + 1
        if j < s.n and low[j] == "against":
            return "no", j + 1
        if j < s.n and low[j] == "to" and s.number(j + 1) is not None:
            return "yes", j
        if i > 0 and low[i - 1] in ("received", "won", "got", "gained", "garnered", "secured", "drew", "obtained",
                                    "attracted", "mustered", "only", "just", "receiving", "winning", "getting"):
            return "yes", j
        return None, i
    if j < s.n and low[j] in ("yes",) and j + 1 < s.n and low[j + 1] in ("votes", "vote"):
        return "yes", j + 2
    if j < s.n and low[j] in ("no", "negative") and j + 1 < s.n and low[j + 1] in ("votes", "vote"):
        return "no", j + 2
    if j < s.n and low[j] == "in" and j + 1 < s.n and low[j + 1] in _FAVOUR:
        return "yes", j + 2
    if j < s.n and low[j] == "against":
        if i > 0 and low[i - 1] in ("remaining", "other"):
            return None, i
        return "no", j + 1
    if j < s.n and low[j] in ("abstentions", "abstention", "abstaining"):
        return "abstain", j + 1
    if j < s.n and low[j] in ("members", "countries", "delegations"):
        return None, i
    return None, i


_PROPOSALS = frozenset({"proposal", "proposals", "initiative", "plan", "idea", "move", "call", "effort", "efforts",
                        "approach", "amendment", "amendments", "language", "demand", "bid"})


def _stance_object(s: _Sentence, j: int) -> bool:
    """'supported the proposal', 'backed the idea': what a stance verb is about is a text or a plan."""
    for k in range(j, min(j + 5, s.n)):
        if s.low[k] in _PROPOSALS:
            return True
        if s.low[k] in (",", ";", ".") or k in s.mention_at:
            return False
    return False


def _text_subject(s: _Sentence, i: int) -> bool:
    """A draft noun or document symbol opens the clause of the verb at i ("Draft S/2016/846 ... failed")."""
    lo = s.clause_start(i)
    for k in range(lo, min(i, lo + 4)):
        if s.low[k] in _DRAFT_NOUNS:
            return True
    return False


def _is_date_number(s: _Sentence, i: int) -> bool:
    low = s.low
    return (i > 0 and low[i - 1] in _MONTH_WORDS) or (i + 1 < s.n and low[i + 1] in _MONTH_WORDS) or (
        low[i].isdigit() and len(low[i]) == 4)


def _subject_end(s: _Sentence, first: int) -> int:
    """The token after the member list (or noun phrase) that starts at `first`."""
    found = s.list_at(first)
    if found is not None:
        end = found[2]
        if end < s.n and s.tok[end] == ",":  # skip a parenthesis ", which ..., "
            close = next((k for k in range(end + 1, min(s.n, end + 40)) if s.tok[k] == ","), None)
            if close is not None and end + 1 < s.n and s.low[end + 1] in ("which", "who", "whose"):
                return close + 1
        return end
    j = first
    while j < s.n and (s.low[j] in ("the", "all", "remaining", "other", "rest", "of", "council", "members", "no",
                                    "one", "nobody", "but", "everyone", "else", "others", "countries")
                       or s.number(j) is not None):
        j += 1
    return j


def _main_clause_vote(s: _Sentence, after: int) -> bool:
    """A vote phrase follows a parenthesis: the parenthesis then speaks of another vote."""
    return any(_predicate_at(s, k) for k in range(after, min(s.n, after + 6)))


def _mentions_other_text(s: _Sentence, lo: int, hi: int) -> bool:
    low = s.low
    return any(low[k] in _OTHER_TEXT and k + 1 < s.n and low[k + 1] in _DRAFT_NOUNS | {"one", "vote"}
               for k in range(max(lo, 0), min(hi, s.n)))


#: Words that, before a draft noun, make it another text than the one a sentence is about.
_EARLIER = frozenset({"earlier", "previous", "prior", "another", "separate", "former", "last", "older", "past"})


def _previous_text(s: _Sentence, end: int) -> bool:
    """'vetoed an earlier draft', 'abstained on a previous text': the object right after the
    vote phrase is another text than the one in focus."""
    k = end
    while k < s.n and k < end + 5 and s.low[k] in ("on", "a", "an", "the", "its", "their", "of", "in", "for"):
        k += 1
    return k + 1 < s.n and s.low[k] in _EARLIER and s.low[k + 1] in _DRAFT_NOUNS | {"vote", "votes", "one"}


def _token_at(s: _Sentence, offset: int) -> int:
    return max(0, min(bisect.bisect_right(s.st, offset) - 1, s.n - 1))


# --- the grammar, as the README shows it ------------------------------------------------------------

#: Shapes read by code rather than by a word list, described for the README next to that code.
SHAPES: tuple[tuple[str, str], ...] = (
    ("press-release formula", "N votes in favour (A, B, ...) to M against (C, D), with K abstentions (E): each "
     "list is a full list of that vote, each number a count"),
    ("meeting-record lists", "In favour: A, B ... Against: C ... Abstaining: D (also across line breaks); a list's "
     "length is the count of its vote"),
    ("counts", "N votes in favour / for / against, N in favour, N against, N abstentions, received / won / got N "
     "votes, by a vote of N to M, voted N-M(-K), N (council) members voted ..., all N members, no one / nobody / "
     "none"),
    ("the rest", "the remaining (N) (council) members, the other N members, the rest (of the council), all the "
     "others, everyone else, all (members) except / but A; all but N members (a count)"),
    ("coordination", "A, B and C voted ...; A voted against, and B abstained; A voted against, with B abstaining; "
     "A joined B (and C) in voting ...; A backed B in ... vetoing; A voted for it alongside B; neither A nor B "
     "voted ... (negated)"),
    ("vetoes", "A vetoed; was vetoed (at the weekend) by A; cast / used its veto; the Russian veto; A's veto; "
     "vetoes from A and B; blocked by a veto (outcome only)"),
    ("outcomes", "was adopted / passed / approved (unanimously); was not adopted; failed to get / win / pass ...; "
     "the draft failed; was rejected / defeated; fell short"),
    ("drafted by", "A-drafted; drafted / prepared / proposed / put forward / sponsored by A; drafted with A; the "
     "French draft; A's (own) draft; A circulated / tabled its draft; which A had put forward; its draft (the "
     "clause's subject)"),
    ("support verbs", "backed / supported / endorsed the draft or it: a yes vote on a voted draft, a stance on "
     "any other; the support of A, B and C for its draft: their yes votes and the sponsor's"),
    ("the only one", "A was the only member to abstain: A's vote and a count of one"),
    ("speakers", "X said (that) ...; X told Y that ...; \"...,\" X said; according to X: another speaker's claim, "
     "unless it is about the speaker itself (his country, it, we); a sentence wholly in quotation marks takes the "
     "speaker of the sentence before it; 'X told Y after ...' is no report"),
    ("parentheses", "A, which had abstained on the first text, voted for the second: the parenthesis is about "
     "another text"),
    ("which draft", "each assertion is about the draft its clause names (by drafter or symbol), else the "
     "sentence's only one; 'both votes', 'four times', 'the fifth time' speak of several votes"),
    ("names", "council.yaml's names as whole words, case-sensitively, never inside a longer proper name (Latin "
     "American, The Washington Post, France Inter, Russia Today, a person called Chad)"),
    ("numbers", "digits, or words from zero to fifteen; numbers of dates and years are no counts"),
)


def grammar_rows() -> list[tuple[str, str]]:
    """(what, words) rows: the vote phrases, mode words and shapes the reader knows."""
    rows: list[tuple[str, str]] = []
    by_vote: dict[str, list[str]] = {}
    for words, vote, form, weak in _PHRASES:
        shown = " ".join("/".join(slot) if isinstance(slot, tuple) else slot for slot in words)
        label = f"vote `{vote}`" + (" (veto)" if form.startswith("veto") else "")
        by_vote.setdefault(label, []).append(shown)
    rows += [(label, "; ".join(shown)) for label, shown in by_vote.items()]
    rows.append(("mode `negated`", ", ".join(sorted(_NEGATIONS | {"did not", "n't"}))))
    modes: dict[str, list[str]] = {}
    for word, mode in _MODALS.items():
        modes.setdefault(mode, []).append(word)
    rows += [(f"mode `{mode}`", ", ".join(sorted(words))) for mode, words in modes.items()]
    rows.append(("mode `reported` (speech verbs)", ", ".join(sorted(_SPEECH))))
    rows.append(("mode `other-body`", ", ".join(sorted(_BODIES)) + " (in the clause, with no 'Security Council')"))
    rows.append(("mode `other-text`", ", ".join(sorted(_OTHER_TEXT)) + " + draft / text / resolution"))
    for stance, words in _STANCE_WORDS.items():
        rows.append((f"stance `{stance}`", ", ".join(sorted(words)) + (" (in 'no position')" if stance == "neutral" else "")))
    rows += [(what, how) for what, how in SHAPES]
    return rows
