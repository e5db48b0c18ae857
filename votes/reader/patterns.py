"""The pattern language the rule table is written in, and its matcher.

A pattern is a line of elements over a chunked sentence (votes.reader.chunker):

    SUBJ ~ ^@voted [in @favour | for | yes] !by

- `LIST`, `COUNT`, `REST`, `SCORE` match a chunk of that kind; `TOTAL` a count out of the
  Council's seats ("14 of the 15 members"); `ONE` one member's name, alone or the last of a
  list ("the US and Syria, the resolution's sponsor": Syria); `SUBJ` matches a list, a count, a 'rest' phrase or a
  pronoun ("it", "his country"), the subject of a vote phrase. A digit
  after the name (`LIST2`) names a second chunk of the kind.
- `~` skips up to four fillers (auxiliaries, adverbs, time words, negations and modals, which
  the engine reads for the mode); `~2` up to two. `...` skips up to six tokens of any kind
  within the clause; `...3` up to three. `>8` skips up to eight tokens of any kind within the
  clause, at least one, naming no member, whose negations the engine does not read for the mode
  (their modals it does): the first of two verb phrases a subject shares ("Russia did not use
  its veto and abstained").
- `word`, `a|b|c` and `@class` (a class of votes.reader.words) match one token, in lower
  case; `#num` matches a run of digits ('#num th' is "14th", two tokens); a `?` after one makes
  it optional. `!a|b` or `!@class` is a look (a `-` in it refuses a hyphen, not a dash between
  spaces): the next token
  (or, before the anchor, the previous one) must not be one of them; it matches nothing
  (`!#score`: nor the 'to' after a number, as in "10 to 0 in favour"; `#the`, before the anchor:
  nor one of them before a 'the', as in "two against including the UK and US"). `!NAME`
  (after the anchor) is a look too: the words ahead do not name a member as such.
- `<` matches nothing where the sentence starts, a bullet or a dash before it at most: a line of
  a record ("Abstained: A, B, C"), not the end of a clause ("China abstained: ...").
- `$` matches nothing where an item of a tally ends: at the sentence's end, before a full stop or
  a semicolon, or before the next item's label ("Against:").
- `[a b | c]` matches one of several token sequences; `[...]?` makes the group optional.
- `^` marks the anchor: the rule is tried only where that token stands, then matched from it
  leftwards and rightwards. Every element is bounded, so a match costs a bounded number of
  steps and reading stays linear in the sentence.
"""

from __future__ import annotations

import functools
import re
from typing import Iterator

from . import words as W
from .chunker import Chunked
from .pieces import Chunk
from .tokens import TOKEN

#: Verbs of a vote, which the verb phrase a skip (`>8`) holds never has: it is no vote of its own.
_VOTE_VERBS = frozenset({"voted", "voting", "abstained", "abstaining", "abstains", "vetoed", "vetoing"})
MAX_FILLERS = 4
MAX_ANY = 6
#: Pronouns and noun phrases that stand for a member named elsewhere.
PRONOUN_SUBJECTS = frozenset({"it", "they", "he", "she", "we", "i"})
_SELF_NOUNS = frozenset({"country", "government", "delegation", "nation"})
_POSSESSIVES = frozenset({"his", "her", "our", "its", "their", "my"})


class Capture:
    """What an element captured: its kind, its token span, and the chunk if it is one."""

    __slots__ = ("kind", "start", "end", "chunk")

    def __init__(self, kind: str, start: int, end: int, chunk=None):
        self.kind, self.start, self.end, self.chunk = kind, start, end, chunk


class Element:
    """One element of a pattern; `forward`/`backward` yield where a match of it ends/starts."""

    literal = False  # matches words of the sentence that make up the phrase itself (its keys)
    gap = False  # skips words the engine reads for the mode

    def forward(self, s: Chunked, i: int, caps: dict) -> Iterator[tuple[int, dict]]:
        raise NotImplementedError

    def backward(self, s: Chunked, j: int, caps: dict) -> Iterator[tuple[int, dict]]:
        raise NotImplementedError


class Word(Element):
    literal = True

    def __init__(self, words: frozenset[str], optional: bool = False, text: str = ""):
        self.words, self.optional, self.text = words - {"#num"}, optional, text
        self.numbers = "#num" in words  # a run of digits: the '14' of '14th'

    def _takes(self, s: Chunked, k: int) -> bool:
        return s.low[k] in self.words or (self.numbers and s.low[k].isdecimal())

    def forward(self, s, i, caps):
        if i < s.n and self._takes(s, i):
            yield i + 1, _mark(caps, "lit", i, i + 1)
        if self.optional:
            yield i, caps

    def backward(self, s, j, caps):
        if j > 0 and self._takes(s, j - 1):
            yield j - 1, _mark(caps, "lit", j - 1, j)
        if self.optional:
            yield j, caps


class Look(Element):
    """A zero-width check: the neighbouring token is not one of `words` (nor a number, with `#num`;
    before the anchor, with `#score`, nor the 'to' of a score: "10 to 0 in favour" holds no count of
    0 in favour, "2 against to 2 in favour" does)."""

    def __init__(self, words: frozenset[str], text: str = ""):
        self.words, self.text = words - {"#num", "#score", "#the"}, text
        self.numbers = "#num" in words
        self.score = "#score" in words
        self.past_article = "#the" in words  # the word before a 'the' is looked at too

    def _refused(self, s: Chunked, k: int) -> bool:
        if s.low[k] == "-" and s.spaced(k):
            return False  # '-' refuses a hyphen ("U.S.-drafted"), not a dash between spaces
        if self.score and s.low[k] == "to" and k > 0 and s.number(k - 1) is not None:
            return True
        return s.low[k] in self.words or (self.numbers and s.number(k) is not None and not _day_of_a_date(s, k))

    def forward(self, s, i, caps):
        if i >= s.n or not self._refused(s, i):
            yield i, caps

    def backward(self, s, j, caps):
        if self.past_article and j > 1 and s.low[j - 1] == "the" and self._refused(s, j - 2):
            return
        if j == 0 or not self._refused(s, j - 1) or _the_before_name(s, j):
            yield j, caps


#: What a line of a record may open with before its label: a bullet, a dash, an asterisk.
_BULLETS = frozenset({"•", "*", "-", "·", "–", "—", "▪", "◦", "‣", "∙"})


class LineStart(Element):
    """`<`: a zero-width check that the sentence starts here, a bullet or a dash before it at most."""

    text = "<"

    @staticmethod
    def _starts(s: Chunked, i: int) -> bool:
        if i <= 2 and all(s.low[k] in _BULLETS for k in range(i)):
            return True
        # the lines of a record joined ("Against: China, Russia Abstained: Congo, Qatar"): a label in capitals
        # after a name or a number that ends the item of a label before it
        return i < s.n and s.tok[i][:1].isupper() and (i in s.mention_end or s.low[i - 1].isdigit()) \
            and ":" in s.low[max(0, i - 40):i]

    def forward(self, s, i, caps):
        if self._starts(s, i):
            yield i, caps

    def backward(self, s, j, caps):
        if self._starts(s, j):
            yield j, caps


def _clock(s: Chunked, k: int) -> bool:
    """Token k is a word of a name that tells a clock, not a member ("(US time)", "(UK local time)")."""
    if k in s.inside:
        j = k
        while j < s.n and j in s.inside:
            j += 1
        return s.low[j:j + 1] == ["time"] or s.low[j:j + 2] == ["local", "time"]
    return s.low[k] in ("time", "local") and k > 0 and (k - 1 in s.inside or s.low[k - 1] == "local")


def _day_of_a_date(s: Chunked, k: int) -> bool:
    """The number at k ends a date written "2023-06-04" (a page's dateline before its first sentence): no count."""
    low = s.low
    return k >= 4 and low[k - 1] == low[k - 3] == "-" and low[k - 2].isdigit() and len(low[k - 4]) == 4 \
        and low[k - 4].isdigit()


class ItemEnd(Element):
    """`$`: a zero-width check that an item of a tally ends here: at the sentence's end, before a full
    stop or a semicolon, or where the next item's label begins ("In favour: 13 Against: 1", the
    lines of a tally joined)."""

    text = "$"
    _ENDS = frozenset({".", ";"})
    _LABELS = frozenset({"against", "abstain", "abstaining", "abstention", "abstentions"})

    def _ends(self, s: Chunked, i: int) -> bool:
        if i >= s.n or s.low[i] in self._ENDS:
            return True
        if i > 0 and s.st[i] - s.en[i - 1] > 1 and s.tok[i][:1].isupper():
            return True  # a blank line joined ("Abstained: Congo, Qatar  No comments"): the next paragraph
        label = i + 1 if s.low[i] in self._LABELS else i + 2 if (
            s.low[i] == "in" and i + 1 < s.n and s.low[i + 1] in W.FAVOUR) else s.n
        return label < s.n and s.low[label] == ":"

    def forward(self, s, i, caps):
        if i > 0 and self._ends(s, i):
            yield i, caps

    def backward(self, s, j, caps):
        if j > 0 and self._ends(s, j):
            yield j, caps


class NameLook(Element):
    """`!NAME`: the words ahead do not name a member as such ('voted against the United States' is
    no vote against a text); a member's name that goes on into a text's ('against Russia's draft',
    'the U.S.-drafted text', 'the Russian draft') does not count. Nor do they name a thing that is
    no text ('voted against the reimposition of sanctions': the text may have been for it)."""

    text = "!NAME"

    def forward(self, s, i, caps):
        k = i + (i < s.n and s.low[i] == "the")
        if k in s.mention_at:
            end = s.mention_at[k][1]
            if end >= s.n or (s.tok[end] not in ("'", "-", "\u2019") and s.low[end] not in W.DRAFT_NOUNS
                              and s.low[end] not in W.DRAFT_MODIFIERS):
                return
        if i < s.n and s.low[i] in ("the", "a", "an") and _names_another_thing(s, i + 1):
            return
        if i < s.n and s.low[i] in _PLEA:  # "voted against calls to lift the embargo"
            return
        yield i, caps

    def backward(self, s, j, caps):
        yield j, caps


#: Words that end the noun phrase after "voted against the ...".
_PHRASE_ENDS = frozenset({"of", "to", "on", "in", "at", "by", "for", "with", "while", "and", "but", "which", "that",
                          ",", ".", ";", ":", "-", "(", "\u2013", "\u2014"})


#: What a body is asked for, which is no text put to the vote ("voted against the call by ...").
_PLEA = W.CLASSES["plea"]

#: Nouns for the text voted on that are no draft nouns elsewhere ("the adoption of the document").
_DOCUMENT = frozenset({"document", "documents"})


def _names_another_thing(s: Chunked, k: int) -> bool:
    """Whether the noun phrase at k (after its article, five words at most) names something other than
    a text: 'the reimposition of sanctions', not 'the draft', 'the US draft resolution', 'the text'."""
    if k < s.n and s.low[k] in _PLEA:  # "the call by the government to lift ...": what it asked, no text
        return True
    words = []
    while k < s.n and len(words) < 5 and s.low[k] not in _PHRASE_ENDS:
        if k in s.mention_at or s.low[k] in W.DRAFT_NOUNS or s.low[k] in W.DRAFT_MODIFIERS:
            return False
        words.append(s.low[k])
        k += 1
    if words in (["adoption"], ["passage"], ["approval"]) and k + 2 < s.n and s.low[k] == "of" and (
            s.low[k + 1] in W.DRAFT_NOUNS or s.low[k + 2] in W.DRAFT_NOUNS or s.low[k + 2] in _DOCUMENT):
        return False  # "voted against the adoption of the document": against the text itself
    if words in (["inclusion"], ["addition"], ["placing"]) and "agenda" in s.low[k:k + 12]:
        return False  # "voted against the inclusion of North Korea on the council's agenda": the agenda's vote
    return bool(words) and k < s.n and s.low[k] in ("of", "to", "on")


def _the_before_name(s: Chunked, j: int) -> bool:
    """'The United States vetoes ...': a 'the' that is part of a member's name of several words,
    not the article of a noun ('the Russian veto', 'the US veto')."""
    if s.low[j - 1] != "the" or j not in s.mention_at:
        return False
    _, end = s.mention_at[j]
    return end - j > 1


class Group(Element):
    literal = True

    def __init__(self, options: list[list[Element]], optional: bool = False, text: str = ""):
        self.options, self.optional, self.text = options, optional, text
        # made when first matched, so that parsing the table (a first run) and the table kept between
        # runs (votes.cache) pay nothing for it
        self._edges: tuple | None = None

    def edges(self) -> tuple:
        """The words any match of an option starts with, and ends with (None where an option may
        start / end otherwise: a token not among them matches no option there); then each option with
        the words it starts (ends) with, or None, and whether it is one word."""
        if self._edges is None:
            options = self.options
            self._edges = (_edge_words(options, first=True), _edge_words(options, first=False),
                           [(o, _edge_words([o], first=True), _one_word(o)) for o in options],
                           [(o, _edge_words([o], first=False), _one_word(o)) for o in options])
        return self._edges

    def forward(self, s, i, caps):
        starts, _, options, _ = self._edges or self.edges()
        if starts is None or (i < s.n and s.low[i] in starts):
            word = s.low[i] if i < s.n else None
            for option, first, one in options:
                if first is None:
                    yield from match_forward(option, 0, s, i, caps)
                elif word in first:
                    if one:
                        yield i + 1, _mark(caps, "lit", i, i + 1)
                    else:
                        yield from match_forward(option, 0, s, i, caps)
        if self.optional:
            yield i, caps

    def backward(self, s, j, caps):
        _, ends, _, options = self._edges or self.edges()
        if ends is None or (j > 0 and s.low[j - 1] in ends):
            word = s.low[j - 1] if j > 0 else None
            for option, last, one in options:
                if last is None:
                    yield from match_backward(option, len(option) - 1, s, j, caps)
                elif word in last:
                    if one:
                        yield j - 1, _mark(caps, "lit", j - 1, j)
                    else:
                        yield from match_backward(option, len(option) - 1, s, j, caps)
        if self.optional:
            yield j, caps


def _one_word(option: list[Element]) -> bool:
    """The option is one word that must stand, no number: it matches one token, among its words."""
    return len(option) == 1 and option[0].__class__ is Word and not option[0].optional and not option[0].numbers


def _edge_words(options: list[list[Element]], first: bool) -> frozenset[str] | None:
    """The words one of which the first (else the last) token of any option's match must be: from a
    word that must stand there, or a group whose every option needs one; None where one may do
    without (an optional element, a slot, a gap, an empty option)."""
    found: list[frozenset[str]] = []
    for option in options:
        element = (option[0] if first else option[-1]) if option else None
        if isinstance(element, Word) and not element.optional and not element.numbers:
            found.append(element.words)
        elif isinstance(element, Group) and not element.optional and element.edges()[0 if first else 1]:
            found.append(element.edges()[0 if first else 1])
        else:
            return None
    return found[0] if len(found) == 1 else frozenset().union(*found)  # one set is shared, not copied


#: Quotation marks a single vote word may stand in ('1 "abstained"').
_OPENING_QUOTES = frozenset({"\u201c", '"'})
_CLOSING_QUOTES = frozenset({"\u201d", '"'})
#: The most tokens a gap's bracketed words may run to ("(December 13th)").
_BRACKETED = 6


class Gap(Element):
    """Up to `most` tokens from `allowed` (fillers); never across a member name or a break."""

    gap = True

    def __init__(self, most: int, allowed: frozenset[str] | None = W.FILLERS, text: str = "~", read: bool = True):
        self.most, self.allowed, self.text = most, allowed, text
        self.mark = "gap" if read else "skip"  # a skip's words are not read for the mode

    def _ok(self, s: Chunked, k: int) -> bool:
        if self.mark == "skip" and (k in s.inside or s.low[k] in _VOTE_VERBS):
            # "The US blamed Russia and abstained": the verb phrase names no member and no vote, but
            # for whose a draft is, and its vote on one of two ("abstained on the French draft and
            # voted for the Russian one")
            drafters, drafts = s.naming_drafts
            if (k not in drafters) if k in s.inside else drafts < 2:
                return False
        if self.allowed is None:
            if s.low[k] == "." and k > 0 and ((len(s.tok[k - 1]) == 1 and s.tok[k - 1].isupper())
                                               or s.low[k - 1] in W.MONTH_WORDS):
                return True  # the full stop of an initial or a month cut short: "Robert A. Wood", "Sept. 2"
            return s.low[k] not in W.CLAUSE_BREAKS and s.low[k] not in (".", ";")
        if k in s.inside:
            return False
        if s.tok[k] in _OPENING_QUOTES and k + 2 < s.n and s.low[k + 1] in _VOTE_VERBS and s.tok[k + 2] in _CLOSING_QUOTES:
            return True  # a vote word in quotation marks: 'and 1 "abstained"'
        return s.low[k] in self.allowed or (s.number(k) is not None and s.is_date_number(k)) or (
            # the year of a date: "on 5 October 2011 vetoed"
            len(s.low[k]) == 4 and s.low[k].isdecimal() and k > 0 and s.low[k - 1] in W.MONTH_WORDS) or (
            # the suffix of a day: "on 24th January adopted"
            s.low[k] in W.ORDINAL_SUFFIXES and k > 0 and s.low[k - 1].isdecimal() and s.is_date_number(k - 1))

    def _filled_parenthesis(self, s: Chunked, k: int, step: int) -> int | None:
        """Where the brackets opened (step 1) or closed (step -1) at k close (open), when what they hold
        is a few of this gap's own words ("(December 13th)"); else None."""
        if self.allowed is None:
            return None
        end = "(" if step < 0 else ")"
        m = k + step
        while 0 <= m < s.n and abs(m - k) <= _BRACKETED:
            if s.tok[m] == end:
                return m if abs(m - k) > 1 else None
            if not self._ok(s, m) and not _clock(s, m):
                return None
            m += step
        return None

    def forward(self, s, i, caps):
        if self.mark == "gap":
            yield i, caps  # a skip holds a verb phrase: one word at least
        elif _possessive_at(s, i):
            return  # a name before "'s" owns the words after it; it is no subject of a verb phrase
        k, taken = i, 0
        while k < s.n:
            if s.tok[k] == "(" and (close := self._filled_parenthesis(s, k, 1)) is not None:
                k = close + 1  # "voted on Monday (December 13th) for": words in brackets, counted as none
                yield k, caps
                continue
            if taken >= self.most:
                break
            if k in s.asides_open:  # ", in the end,", ", which had abstained on the first text,"
                k = s.asides_open[k] + 1
                while k - 1 in s.asides_open:  # its closing comma opens another: ", including A, proponents of B,"
                    k = s.asides_open[k - 1] + 1
                yield k, caps
                continue
            if not self._ok(s, k):
                break
            k += 1
            taken += 1
            caps = _mark(caps, self.mark, k - 1, k)
            if self.mark == "skip" and k in s.inside and k in s.naming_drafts[0]:
                continue  # a skip may hold whose a draft is ("the Russian draft"), never end at it
            yield k, caps

    def backward(self, s, j, caps):
        if self.mark == "gap":
            yield j, caps
        k, taken = j, 0
        while k > 0:
            if s.tok[k - 1] == ")" and (opening := self._filled_parenthesis(s, k - 1, -1)) is not None:
                k = opening
                yield k, caps
                continue
            if taken >= self.most:
                break
            if k - 1 in s.asides_close:
                k = s.asides_close[k - 1]
                while k in s.asides_close:  # its opening comma closes another aside before it
                    k = s.asides_close[k]
                yield k, caps
                continue
            if not self._ok(s, k - 1):
                break
            k -= 1
            taken += 1
            caps = _mark(caps, self.mark, k, k + 1)
            if self.mark == "skip" and k - 1 in s.inside and k - 1 in s.naming_drafts[0]:
                continue
            if self.mark == "skip" and _possessive_at(s, k):
                continue  # "who had denounced Britain's decision and voted for": Britain owns, it does not vote
            yield k, caps


def _possessive_at(s: Chunked, k: int) -> bool:
    """Whether a possessive "'s" starts at token k."""
    return k + 1 < s.n and s.low[k] == "'" and s.low[k + 1] == "s"


class Slot(Element):
    """A chunk of the sentence: LIST, COUNT, REST, SCORE, or SUBJ (any of the first three, or a pronoun)."""

    def __init__(self, kind: str, name: str, optional: bool = False):
        self.kind, self.name, self.text, self.optional = kind, name, name, optional

    def _chunks_at(self, s: Chunked, i: int):
        """The chunks of this slot's kind that start at token i, the longest first. A list that owns
        what follows ("Mali's former colonial power France") is no list read forwards."""
        kind, found = self.kind, []
        if kind in ("LIST", "SUBJ") and i in s.lists_at and not s.possessive(s.lists_at[i]):
            found.append(("list", s.lists_at[i]))
        if kind in ("COUNT", "SUBJ") and i in s.counts_at and s.counts_at[i].kind == "count":
            found.append(("count", s.counts_at[i]))
        if kind == "TOTAL" and i in s.counts_at and s.counts_at[i].total is not None:
            found.append(("count", s.counts_at[i]))
        if kind == "SCORE" and i in s.counts_at and s.counts_at[i].kind == "score":
            found.append(("score", s.counts_at[i]))
        if kind in ("REST", "SUBJ") and i in s.rests_at:
            found.append(("rest", s.rests_at[i]))
        if kind == "ONE" and i in s.mention_at:
            code, end = s.mention_at[i]
            found.append(("list", _one_name(s, code, i, end)))
        return sorted(found, key=lambda kc: -kc[1].end) if len(found) > 1 else found

    def _chunks_ending(self, s: Chunked, j: int):
        """The chunks of this slot's kind that end at token j, the longest first."""
        kind, found = self.kind, []
        if kind in ("LIST", "SUBJ") and j in s.lists_end:
            found.append(("list", s.lists_end[j]))
        if kind in ("COUNT", "SUBJ") and j in s.counts_end and s.counts_end[j].kind == "count":
            found.append(("count", s.counts_end[j]))
        if kind == "TOTAL" and j in s.counts_end and s.counts_end[j].total is not None:
            found.append(("count", s.counts_end[j]))
        if kind == "SCORE" and j in s.counts_end and s.counts_end[j].kind == "score":
            found.append(("score", s.counts_end[j]))
        if kind in ("REST", "SUBJ") and j in s.rests_end:
            found.append(("rest", s.rests_end[j]))
        if kind == "ONE" and j in s.mention_end:
            code, start = s.mention_end[j]
            found.append(("list", _one_name(s, code, start, j)))
        return sorted(found, key=lambda kc: kc[1].start) if len(found) > 1 else found

    def forward(self, s, i, caps):
        if self.optional:
            yield i, caps
        if self.kind == "SUBJ" and (end := _opening_group(s, i) or group_reference(s, i)):
            yield end, {**caps, self.name: Capture("pronoun", i, end)}
        for kind, chunk in self._chunks_at(s, i):
            yield chunk.end, {**caps, self.name: Capture(kind, i, chunk.end, chunk)}
        if i + 1 < s.n and s.low[i] == "the" and self.kind in ("LIST", "SUBJ"):  # "by the Russian Federation"
            for kind, chunk in self._chunks_at(s, i + 1):
                if kind == "list":
                    yield chunk.end, {**caps, self.name: Capture(kind, i, chunk.end, chunk)}
        if self.kind == "SUBJ":
            end = _pronoun_at(s, i)
            if end:
                yield end, {**caps, self.name: Capture("pronoun", i, end)}
            if i in s.lists_at:
                chunk = s.lists_at[i]
                if _agent_after(s, chunk.end):  # "Russia's ambassador": the gap after takes the noun
                    yield chunk.end + 2, {**caps, self.name: Capture("list", i, chunk.end + 2, chunk)}

    def backward(self, s, j, caps):
        if self.optional:
            yield j, caps
        if self.kind == "SUBJ" and s.antecedent and _opening_group(s, start := subject_start(s)) == j:
            yield start, {**caps, self.name: Capture("pronoun", start, j)}
        if self.kind == "SUBJ" and s.antecedent and (start := _group_reference_ending(s, j)) is not None:
            yield start, {**caps, self.name: Capture("pronoun", start, j)}
        for kind, chunk in self._chunks_ending(s, j):
            if kind == "list" and _excluded(s, chunk.start):
                continue  # "all members except the United States voted": not the United States
            if kind == "count" and self.kind == "SUBJ" and _described_by_with(s, chunk.start):
                continue  # "four countries in a body with a total of 15 members abstained": not 15
            if kind == "list" and self.kind == "SUBJ" and _object_of_of(s, chunk.start):
                continue  # "the two historic allies of the U.S.. vetoed": a name after 'of' is no subject
            yield chunk.start, {**caps, self.name: Capture(kind, chunk.start, j, chunk)}
            if kind == "list" and self.kind == "LIST" and chunk.start > 1 and s.low[chunk.start - 1] == "the" \
                    and (s.tok[chunk.start - 2] == "(" or s.low[chunk.start - 2] == "by"):
                # "(the US, ...)", and "one drafted by the United States and another by ...", as a
                # pattern read forward takes "by the Russian Federation"
                yield chunk.start - 1, {**caps, self.name: Capture(kind, chunk.start - 1, j, chunk)}
        if self.kind == "SUBJ" and j > 0:
            start = _pronoun_ending(s, j)
            if start is not None:
                yield start, {**caps, self.name: Capture("pronoun", start, j)}
        if self.kind in ("SUBJ", "LIST") and j - 1 in s.titled:
            # "John Negroponte, the U.S. ambassador to the UN, voted ...": the member the title names
            start, chunk = s.titled[j - 1]
            yield start, {**caps, self.name: Capture("list", start, j, chunk)}
        if self.kind in ("SUBJ", "LIST") and j >= 3:
            # "Russia's ambassador, Vassily Nebenzia, exercised ...": the gap took "ambassador" ("China's UN
            # representative": and the word before it)
            end = j - 2 if j - 2 in s.lists_end else j - 3 if j >= 4 and s.low[j - 1] in _BEFORE_AGENT else None
            if end is not None and end in s.lists_end and _agent_after(s, end):
                chunk = s.lists_end[end]
                yield chunk.start, {**caps, self.name: Capture("list", chunk.start, j, chunk)}
        if self.kind == "SUBJ" and j > 0:
            # ", which had abstained": the member before the comma (one member only: after a list of
            # several, "who abstained" may be said of its last name alone); the comma may be left out
            # ("the ambassador of Algeria which abstained on the vote said")
            if j >= 2 and s.low[j - 1] in ("which", "who"):
                end = j - 2 if s.tok[j - 2] == "," else j - 1
                if end in s.lists_end and s.lists_end[end].items == 1:
                    chunk = s.lists_end[end]
                    yield j - 1, {**caps, self.name: Capture("list", j - 1, j, chunk)}
            # "except the Soviet Union, whose representative abstained": the member the agent acts for
            if j >= 3 and s.low[j - 1] in W.AGENT_HEADS and s.low[j - 2] == "whose" and s.tok[j - 3] == "," \
                    and j - 3 in s.lists_end and s.lists_end[j - 3].items == 1:
                chunk = s.lists_end[j - 3]
                yield j - 2, {**caps, self.name: Capture("list", j - 2, j, chunk)}


#: Words that set the list after them apart from what the sentence says of the subject:
#: "all except X voted", "Russia, not China, vetoed", "China rather than Russia abstained".
_EXCLUDING = frozenset({"except", "excluding", "save", "besides", "than", "not"})
_ALL_BUT = frozenset({"all", "members", "member", "everyone", "everybody", "countries", "states", "nations", "others"})


def _one_name(s: Chunked, code: str, start: int, end: int) -> Chunk:
    """A list of the one member named at tokens start..end-1 (the slot `ONE`)."""
    return Chunk("list", start, end, codes=(code,), spans={code: s.span(start, end)})


def _object_of_of(s: Chunked, start: int) -> bool:
    """The list at start follows 'of' (or 'of the'): the object of a noun before it, unless that noun
    is one for those who act for a member ("The delegation of Russia used ...")."""
    k = start - 1 - (start > 0 and s.low[start - 1] == "the")
    # a list that opens with a name no member has ("the beginning of the CBO, the United States, Russia
    # and China voted") is that name's, after 'of', and the members' after it
    return k >= 0 and s.low[k] == "of" and not (k > 0 and s.low[k - 1] in W.AGENT_HEADS) and start in s.mention_at


def _described_by_with(s: Chunked, start: int) -> bool:
    """A count after 'with a total of' describes what comes before it; it is no subject (a count
    after a bare 'with' may be: "with 13 voting for it")."""
    k = start - 1
    return k >= 3 and s.low[k - 3:k + 1] == ["with", "a", "total", "of"]


def _excluded(s: Chunked, start: int) -> bool:
    k = start - 1
    if k >= 0 and s.low[k] == "the":
        k -= 1
    if k < 0:
        return False
    if s.low[k] in ("but", "besides"):  # "all members but the United States", not "Russia abstained but China ..."
        return k > 0 and s.low[k - 1] in _ALL_BUT  # nor "Besides Russia, Venezuela voted against"
    return s.low[k] in _EXCLUDING


def _pronoun_at(s: Chunked, i: int) -> int | None:
    if i >= s.n:
        return None
    if s.low[i] in PRONOUN_SUBJECTS:
        return i + 1
    if i + 1 < s.n and s.low[i + 1] in _SELF_NOUNS and (s.low[i] in _POSSESSIVES or _the_speakers(s, i)):
        return i + 2
    if _owns_a_vote(s, i):
        return i + 1  # "As Russia and China are permanent members, their votes against ...": theirs
    return None


#: Words before a "both" that stands alone for two members named before it ("even though both abstained").
_BEFORE_BOTH = frozenset({"though", "while", "but", "and", "as", "since", "because", "although", "where", "when"})

#: Nouns after an opening "Both" or "All four" that stand for members: "Both nations abstained".
_GROUP_NOUNS = frozenset({"nations", "countries", "members", "delegations", "states", "governments", "powers"})


def subject_start(s: Chunked) -> int:
    """Where the sentence's subject may start: after an opening "But", "And" or "Yet", or after a short
    opening phrase before "it" or "they" ("With that single gesture, it cast its sixth veto")."""
    if not s.n:
        return 0
    if s.low[0] in ("but", "and", "yet"):
        return 1
    if s.low[0] in W.OPENING_PHRASE_WORDS:
        comma = next((k for k in range(1, min(s.n - 1, W.OPENING_PHRASE_LONGEST + 1)) if s.tok[k] == ","), None)
        if comma is not None and s.low[comma + 1] in ("it", "they") and \
                not any(k in s.mention_at for k in range(comma)):
            return comma + 1
    return 0


def _opening_group(s: Chunked, i: int) -> int | None:
    """Where an opening "Both (nations)" or "All four (countries)" ends, when the sentence before named
    that many members in its one list (s.antecedent): those are the members it stands for."""
    if not s.antecedent or i != subject_start(s) or i >= s.n:
        return None
    if s.low[i] == "both" and len(s.antecedent) == 2:
        end = i + 1
    elif s.low[i] == "all" and s.number(i + 1) == len(s.antecedent) > 1:
        end = i + 2
    else:
        return None
    return end + (end < s.n and s.low[end] in _GROUP_NOUNS)


def group_reference(s: Chunked, i: int) -> int | None:
    """Where "the three (above) countries" at i ends (or "three (above) countries" after a "the" the
    pattern took), when the sentence before named that many members, two or more, in its one list
    (s.antecedent): "... despite reluctance from A, B and C. ..., with the three above countries
    abstaining" stands for those three."""
    if not s.antecedent or len(s.antecedent) < 2 or i >= s.n:
        return None
    k = i + 1 if s.low[i] in _REFERRING else i if i > 0 and s.low[i - 1] in _REFERRING else None
    if k is None or s.number(k) != len(s.antecedent):
        return None
    k += 1
    if k < s.n and s.low[k] in _ALREADY_NAMED:
        k += 1
    return k + 1 if k < s.n and s.low[k] in _GROUP_NOUNS else None


def _group_reference_ending(s: Chunked, j: int) -> int | None:
    """Where a `group_reference` that ends at j starts, or None."""
    for i in range(max(0, j - 4), j):
        if group_reference(s, i) == j:
            return i
    return None


#: What refers back to members named before: "the three countries", "these two nations".
_REFERRING = frozenset({"the", "these", "those"})
#: Words that say the members were named before: "the three above countries".
_ALREADY_NAMED = frozenset({"above", "aforementioned", "above-mentioned", "said", "named"})


def _owns_a_vote(s: Chunked, i: int) -> bool:
    """Token i is "its" or "their" owning a vote or a veto ("their votes against", "its veto
    prevailed"): a pronoun subject."""
    return 0 <= i < s.n - 1 and s.low[i] in ("its", "their") and s.low[i + 1] in ("vote", "votes", "veto", "vetoes")
#: Words between a member's "'s" and the noun for the one who acts for it: "China's UN representative".
_BEFORE_AGENT = frozenset({"un", "u.n.", "permanent", "top", "chief", "deputy"})


def _agent_after(s: Chunked, end: int) -> bool:
    """A member's name at ..end is followed by "'s" and a noun for those who act for it ("Russia's
    ambassador", "China's delegation"): the member is the subject of what they do."""
    if not (end + 2 < s.n and s.low[end] == "'" and s.low[end + 1] == "s"):
        return False
    k = end + 2 + (end + 3 < s.n and s.low[end + 2] in _BEFORE_AGENT)
    return s.low[k] in W.AGENT_HEADS  # "Russia's ambassador", "China's UN representative"


def _pronoun_ending(s: Chunked, j: int) -> int | None:
    if s.low[j - 1] in PRONOUN_SUBJECTS:
        return j - 1
    if s.low[j - 1] == "both" and j >= 2 and s.low[j - 2] in _BEFORE_BOTH:
        return j - 1  # "..., even though both abstained": the two members named before
    if _owns_a_vote(s, j - 1):
        return j - 1  # "their votes against"
    if j >= 2 and s.low[j - 1] in _SELF_NOUNS and (s.low[j - 2] in _POSSESSIVES or _the_speakers(s, j - 2)):
        return j - 2
    return None


def _the_speakers(s: Chunked, i: int) -> bool:
    """Token i is the 'the' of "the country" in the words of a member's representative: "India's
    ambassador said that the country abstained" is India's own vote."""
    if s.low[i] != "the":
        return False
    speech = s.frame(i, "speech")
    return speech is not None and bool(speech.speakers)


def _mark(caps: dict, kind: str, start: int, end: int) -> dict:
    """Add a literal, gap or skip token span to the captures (kept as lists under '_lit', '_gap', '_skip')."""
    key = "_" + kind
    out = dict(caps)
    out[key] = caps.get(key, ()) + ((start, end),)
    return out


def match_forward(elements: list[Element], k: int, s: Chunked, i: int, caps: dict) -> Iterator[tuple[int, dict]]:
    """Every way elements[k:] match from token i: (end token, captures)."""
    if k == len(elements):
        yield i, caps
        return
    element = elements[k]
    if element.__class__ is Word:  # Word.forward written inline: most elements are words
        if i < s.n and (s.low[i] in element.words or (element.numbers and s.low[i].isdecimal())):
            yield from match_forward(elements, k + 1, s, i + 1, _mark(caps, "lit", i, i + 1))
        if element.optional:
            yield from match_forward(elements, k + 1, s, i, caps)
        return
    for j, got in element.forward(s, i, caps):
        yield from match_forward(elements, k + 1, s, j, got)


def match_backward(elements: list[Element], k: int, s: Chunked, j: int, caps: dict) -> Iterator[tuple[int, dict]]:
    """Every way elements[:k+1] match ending at token j: (start token, captures)."""
    if k < 0:
        yield j, caps
        return
    element = elements[k]
    if element.__class__ is Word:  # Word.backward written inline
        if j > 0 and (s.low[j - 1] in element.words or (element.numbers and s.low[j - 1].isdecimal())):
            yield from match_backward(elements, k - 1, s, j - 1, _mark(caps, "lit", j - 1, j))
        if element.optional:
            yield from match_backward(elements, k - 1, s, j, caps)
        return
    for i, got in element.backward(s, j, caps):
        yield from match_backward(elements, k - 1, s, i, got)


def first_forward(elements: list[Element], k: int, s: Chunked, i: int, caps: dict, then):
    """What `then(end, captures)` gives for the first way elements[k:] match from token i for which
    it gives anything (the ways in match_forward's order), or None."""
    if k == len(elements):
        return then(i, caps)
    element = elements[k]
    if element.__class__ is Word:
        if i < s.n and (s.low[i] in element.words or (element.numbers and s.low[i].isdecimal())):
            found = first_forward(elements, k + 1, s, i + 1, _mark(caps, "lit", i, i + 1), then)
            if found is not None:
                return found
        return first_forward(elements, k + 1, s, i, caps, then) if element.optional else None
    for j, got in element.forward(s, i, caps):
        found = first_forward(elements, k + 1, s, j, got, then)
        if found is not None:
            return found
    return None


def first_backward(elements: list[Element], k: int, s: Chunked, j: int, caps: dict, then):
    """What `then(start, captures)` gives for the first way elements[:k+1] match ending at token j for
    which it gives anything (the ways in match_backward's order), or None."""
    if k < 0:
        return then(j, caps)
    element = elements[k]
    if element.__class__ is Word:
        if j > 0 and (s.low[j - 1] in element.words or (element.numbers and s.low[j - 1].isdecimal())):
            found = first_backward(elements, k - 1, s, j - 1, _mark(caps, "lit", j - 1, j), then)
            if found is not None:
                return found
        return first_backward(elements, k - 1, s, j, caps, then) if element.optional else None
    for i, got in element.backward(s, j, caps):
        found = first_backward(elements, k - 1, s, i, got, then)
        if found is not None:
            return found
    return None


class Pattern:
    """A parsed pattern: the elements before its anchor, the anchor, the elements after."""

    def __init__(self, source: str):
        self.source = source
        elements, anchor = parse(source)
        if anchor is None:
            raise ValueError(f"pattern {source!r} has no anchor: mark one word element with ^")
        self.before, self.anchor, self.after = elements[:anchor], elements[anchor], elements[anchor + 1:]
        if not isinstance(self.anchor, (Word, Group)):
            raise ValueError(f"pattern {source!r}: the anchor must be a word, a class or a group")
        self.triggers = _first_words(self.anchor)
        #: the anchor is one word that must stand (no number): where a trigger stands, it matches that token
        self.plain = isinstance(self.anchor, Word) and not self.anchor.optional and not self.anchor.numbers
        self._checks: tuple | None = None  # made when first matched (see Group._edges)

    def checks(self) -> tuple:
        """The fewest tokens a match takes before the anchor, and after it; what must stand just before
        the anchor (one of these words, the end of a count: 'counts', of a 'rest' phrase: 'rests', or
        None where the pattern says nothing so plain); the words one of which must stand just after a
        plain anchor (a word's, or those every option of a group starts with), or None."""
        if self._checks is None:
            after = self.after[0] if self.after else None
            self._checks = (_fewest(self.before), _fewest(self.after),
                            _just_before(self.before[-1]) if self.before else None,
                            _edge(after, first=True) if self.plain and after is not None else None)
        return self._checks

    def match(self, s: Chunked, i: int) -> tuple[int, int, dict] | None:
        """The first match with the anchor at token i, where one of its triggers stands: (start, end,
        captures), or None (the ways in the order match_forward and match_backward give them)."""
        fewest_before, fewest_after, near, next_words = self._checks or self.checks()
        if i < fewest_before or (self.plain and s.n - i - 1 < fewest_after):
            return None  # too near the sentence's start (end) for what the pattern needs there
        if near is not None and not (i in s.counts_end if near == "counts" else i in s.rests_end
                                     if near == "rests" else s.low[i - 1] in near):
            return None
        if next_words is not None and s.low[i + 1] not in next_words:
            return None
        before, after = self.before, self.after
        last = len(before) - 1

        def whole(end: int, caps: dict):
            return first_backward(before, last, s, i, caps, lambda start, got: (start, end, got))

        if self.plain:  # a word the engine found at i: it matches there, and only so
            return first_forward(after, 0, s, i + 1, {"_lit": ((i, i + 1),)}, whole)
        for j, caps in self.anchor.forward(s, i, {}):
            if j == i:
                continue  # an optional anchor matched nothing
            found = first_forward(after, 0, s, j, caps, whole)
            if found is not None:
                return found
        return None


def _edge(element: Element, first: bool) -> frozenset[str] | None:
    """The words the first (else last) token of any match of a required word or group is one of, or None."""
    if element.__class__ is Word and not element.optional and not element.numbers:
        return element.words
    if element.__class__ is Group and not element.optional:
        return element.edges()[0 if first else 1]
    return None


def _just_before(element: Element) -> frozenset[str] | str | None:
    """What the last element before the anchor needs at the anchor's left: a word of its words (a word
    that must stand, no number, or a group whose every option ends with one), a count or score ending
    there ('counts', for COUNT, TOTAL and SCORE) or a 'rest' phrase ('rests', for REST); None for anything
    else (a list or subject ends in several ways: titles, agents, pronouns)."""
    words = _edge(element, first=False)
    if words is not None:
        return words
    if element.__class__ is Slot and not element.optional and element.kind in ("COUNT", "TOTAL", "SCORE", "REST"):
        return "rests" if element.kind == "REST" else "counts"
    return None


def _fewest(elements: list[Element]) -> int:
    """The fewest tokens a match of these elements takes: one for each word or slot that must stand
    (a slot's match, whichever way, holds a token at least), the fewest of a group's options; none
    for a gap, a look or an optional element."""
    total = 0
    for element in elements:
        if isinstance(element, (Word, Slot)) and not element.optional:
            total += 1
        elif isinstance(element, Group) and not element.optional:
            total += min(_fewest(option) for option in element.options)
    return total


def _first_words(element: Element) -> frozenset[str]:
    if isinstance(element, Word):
        return element.words
    words: set[str] = set()
    for option in element.options:
        if option:
            words |= _first_words(option[0])
    return frozenset(words)


# --- parsing --------------------------------------------------------------------------------

_SLOTS = ("SUBJ", "LIST", "COUNT", "REST", "SCORE", "TOTAL", "ONE")


def parse(source: str) -> tuple[list[Element], int | None]:
    """Elements of a pattern, and the index of its anchor."""
    lexemes = _LEXEME.findall(source)
    lexemes.append("")  # the end
    elements, anchor, at = _parse_sequence(lexemes, 0)
    if lexemes[at]:
        where = [m.start() for m in _LEXEME.finditer(source)][at]
        raise ValueError(f"pattern {source!r}: unexpected {source[where:].rstrip()!r}")
    return elements, anchor


#: A token of the pattern language: no space and no bracket; a bar only between two words ("a|b").
#: Runs of word characters, each after a bar that a word character follows (a token never starts
#: with a bar): every bar starts a new run, so the match is linear in the pattern.
_PATTERN_TOKEN = r"[^\s\[\]|]+(?:\|(?=[^\s\[\]])[^\s\[\]|]*)*"
#: The lexemes of a pattern, found in one pass: an anchored group's "^[", a group's "[", its "]"
#: ("]?" when the group is optional), the bar between a group's options, and tokens.
_LEXEME = re.compile(rf"\^\[|\[|\]\??|\||{_PATTERN_TOKEN}")


def _parse_sequence(lexemes: list[str], at: int) -> tuple[list[Element], int | None, int]:
    """The elements from lexeme `at` to the first "]" or "|" outside a group (or the end), the index
    of the anchor among them, and where they stop. A loop over lexemes found once: taking the
    pattern's text apart piece by piece copied what was left of it at every step."""
    elements: list[Element] = []
    anchor = None
    while True:
        lexeme = lexemes[at]
        if not lexeme or lexeme[0] in "]|":
            return elements, anchor, at
        if lexeme == "[" or lexeme == "^[":
            if lexeme == "^[":
                anchor = len(elements)
            options = []
            while True:
                option, inner_anchor, at = _parse_sequence(lexemes, at + 1)
                if inner_anchor is not None:
                    raise ValueError("an anchor cannot stand inside a group")
                options.append(option)
                lexeme = lexemes[at]
                if not lexeme:
                    raise ValueError("a group is not closed with ]")
                if lexeme != "|":
                    break
            elements.append(Group(options, lexeme == "]?"))
        elif lexeme[0] == "^":
            anchor = len(elements)
            elements.append(_element(lexeme[1:]))
        else:
            elements.append(_element(lexeme))
        at += 1


@functools.lru_cache(maxsize=None)
def _element(token: str) -> Element:
    if token == "!NAME":
        return NameLook()
    if token == "$":
        return ItemEnd()
    if token == "<":
        return LineStart()
    if token.startswith("~"):
        return Gap(int(token[1:]) if len(token) > 1 else MAX_FILLERS)
    if token.startswith("..."):
        return Gap(int(token[3:]) if len(token) > 3 else MAX_ANY, None, "...")
    if token.startswith(">") and token[1:].isdecimal():
        return Gap(int(token[1:]), None, ">", read=False)
    optional = token.endswith("?") and len(token) > 1
    name = token.rstrip("?").rstrip("0123456789")
    if name in _SLOTS:
        return Slot(name, token.rstrip("?"), optional)
    if token.startswith("!"):
        return Look(_words(token[1:]), token)
    if optional:
        token = token[:-1]
    return Word(_words(token), optional, token)


@functools.lru_cache(maxsize=None)
def _words(token: str) -> frozenset[str]:
    out: set[str] = set()
    for part in token.split("|"):
        if part.startswith("@"):
            out |= _class_words(part[1:])
        elif part in ("#score", "#the"):
            out.add(part)
        else:
            _one_token(part)
            out.add(part.lower())
    return frozenset(out)


@functools.lru_cache(maxsize=None)
def _class_words(name: str) -> frozenset[str]:
    """A class's words, each checked once to be one token."""
    if name not in W.CLASSES:
        raise ValueError(f"no word class @{name} in votes.reader.words.CLASSES")
    for word in W.CLASSES[name]:
        _one_token(word)
    return W.CLASSES[name]


def _one_token(word: str) -> None:
    if word != "#num" and not TOKEN.fullmatch(word):
        # '14th' is two tokens, '14' and 'th': a word that is no single token never matches
        raise ValueError(f"{word!r} is not one token; write it as a sequence ('#num th' for '14th')")
