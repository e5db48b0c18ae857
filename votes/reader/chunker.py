"""The chunker every rule shares: a sentence cut into the pieces rules are written over.

One pass each, linear in the tokens, finds:

- member names (whole names from council.yaml, never inside a longer proper name), and
  capitalised names a list holds that council.yaml does not know (kept, so that one
  unknown name does not lose the whole list, and reported, so the user can add it);
- lists of members, joined by commas, "and", "or", "nor", "as well as", slashes;
- counts with their scope: "11", "eleven members", "10 of the Council's 15 members",
  "all 15 members", "all but two"; scores: "13-1", "11-2-2", "by 11 votes to 2";
- "the rest" phrases: "the remaining nine", "all other twelve members", "the others",
  "everyone else", "all except Russia";
- clauses and their breaks, speech frames (whose words a stretch is), parentheses about a
  member (", which had abstained on the first text,"), and the scopes that change what a
  phrase states: conditions ("if", "unless", "Had ...", "Were X to ...", questions),
  other bodies (the General Assembly, a parliament) and procedural votes (an amendment,
  the agenda).

Rules (votes.reader.rules) match over these pieces; the engine asks the scopes for a mode.
"""

from __future__ import annotations

import bisect
import functools
import re

from . import words as W
from .counts import attach_including, find_counts, find_rests
from .lists import described_bracket_lists, described_closing_lists, described_lists, find_lists
from .pieces import Chunk, Frame  # noqa: F401 (Frame: what frames.py fills in)
from .scopes import (body_tokens, bracketed_labels, condition_scopes, council_tokens, find_asides, find_brackets,
                     find_person_titles, find_date_asides, find_time_asides, find_title_names)
from .tokens import EM_DASH, QUOTE_CLOSE, QUOTE_OPEN, TOKEN, Lexicon

#: What a number next to these words is not a count of Council votes.
_NOT_COUNTS = frozenset({"per", "percent", "%", "people", "civilians", "killed", "dead", "years", "year", "days",
                         "months", "hours", "times", "time", "million", "billion", "thousand", "km", "miles",
                         "children", "refugees", "soldiers", "troops", "percentage", "th", "st", "nd", "rd"})


#: The words before a draft's drafters named as its adjective: "the French draft", "a Russian one".
_DRAFT_DETERMINERS = frozenset({"the", "a", "an", "its", "their"})


#: What "procedural" calls a vote in: "a procedural vote", "the procedural resolution".
_PROCEDURAL_NOUNS = frozenset({"vote", "votes", "voting", "decision", "resolution", "matter", "motion"})


def calls_procedural(low: list[str], k: int) -> bool:
    """The lower-cased token k is a "procedural" that calls a vote so: "a procedural vote", "the vote
    was procedural", "it was a procedural one" (not "substantive, and so subject to a veto, rather
    than procedural", nor "not procedural"). The one definition for the reader's procedural mode and
    for `votes suggest`'s proposing `procedural: true`."""
    if low[k] != "procedural" or (k > 0 and low[k - 1] in ("than", "not", "non")):
        return False
    if k + 1 < len(low) and low[k + 1] in _PROCEDURAL_NOUNS:
        return True
    return k > 0 and (low[k - 1] in W.BE or (low[k - 1] == "a" and k > 1 and low[k - 2] in W.BE))


def says_procedural(text: str) -> bool:
    """Whether a sentence calls a vote procedural (`calls_procedural`), for a caller with text alone."""
    if "rocedural" not in text:
        return False
    low = [m.group().lower() for m in TOKEN.finditer(text)]
    return any(calls_procedural(low, k) for k, word in enumerate(low) if word == "procedural")


#: What puts an item on the agenda ("voted against the inclusion of X on the agenda"): the phrase's
#: object runs on to the agenda it names.
_PUTTING_ON = frozenset({"inclusion", "addition", "placing"})
#: Words of procedural decisions (votes.reader.words.PROCEDURAL): a vote on one is a procedural vote.
_PROCEDURAL_DECISIONS = frozenset({"procedural", "agenda", "adjourn", "adjournment", "postpone", "postponement",
                                   "recess"})


class Chunked:
    """One sentence as tokens, with its names, lists, counts, clauses, frames and scopes."""

    def __init__(self, text: str, lexicon: Lexicon):
        self.text = text
        self.permanent = lexicon.permanent
        self.countries = lexicon.countries
        found = list(TOKEN.finditer(text))
        if "*" in text:  # a footnote's mark ("the Soviet Union's 79th *veto") is no word of the sentence
            found = [m for m in found if m.group() != "*"]
        # map over the methods themselves: the loops run in C (a sentence is read for every quote)
        self.tok = tok = list(map(re.Match.group, found))
        if EM_DASH in text:  # a dash, read as one with spaces around it (see spaced)
            tok[:] = ["-" if t == EM_DASH else t for t in tok]
        self.low = low = list(map(str.lower, tok))
        if not W.SPELLINGS.keys().isdisjoint(low):  # a variant spelling is read as the usual one
            low[:] = [W.SPELLINGS.get(w, w) for w in low]
        if "body" in low or "organ" in low:  # "the 15-member body extended ...": the Council, by its size
            for i in range(3, len(low)):
                if low[i] in ("body", "organ") and low[i - 1] in ("member", "nation") and low[i - 2] == "-" \
                        and low[i - 3] in ("15", "11", "fifteen", "eleven"):
                    low[i] = "council"
        self.st = list(map(re.Match.start, found))
        self.en = list(map(re.Match.end, found))
        self.n = len(tok)
        self.words = frozenset(low)
        self.mention_at: dict[int, tuple[str, int]] = {}  # first token -> (code, end token)
        self.mention_end: dict[int, tuple[str, int]] = {}  # end token -> (code, first token)
        if not lexicon.firsts.isdisjoint(tok):
            self._find_mentions(lexicon)
        if not self.words.isdisjoint(("non", "elected", "rotating")) and not self.words.isdisjoint(_ELECTED_NOUNS):
            find_elected(self)
        self.inside = {k for i, (_, end) in self.mention_at.items() for k in range(i, end)}
        self.quoted = self._quoted_tokens()
        self.breaks = [i for i, w in enumerate(low) if w in W.CLAUSE_BREAKS or (w == "-" and self.spaced(i))] \
            if (self.words & W.CLAUSE_BREAKS or "-" in self.words) else []
        self.lists_at: dict[int, Chunk] = {}
        self.lists_end: dict[int, Chunk] = {}
        self.counts_at: dict[int, Chunk] = {}
        self.counts_end: dict[int, Chunk] = {}
        self.rests_at: dict[int, Chunk] = {}
        self.rests_end: dict[int, Chunk] = {}
        self.unknown_names: list[tuple[str, int, int]] = []  # (name, start, end) of names a list holds
        if self.mention_at:
            find_lists(self)
        find_counts(self)
        find_rests(self)
        if not self.words.isdisjoint(("including", "namely", "i.e.", "such", "among", "-", "\u2013", "\u2014", ":")):
            attach_including(self)
        self.asides_open: dict[int, int] = {}  # the comma opening an aside -> the comma closing it
        self.asides_close: dict[int, int] = {}
        #: the comma closing a person's title that names a member -> (where the person's name starts, the
        #: member's list): "John Negroponte, the U.S. ambassador to the UN, voted ..."
        self.titled: dict[int, tuple[int, Chunk]] = {}
        if "time" in self.words and "for" in self.words:
            find_time_asides(self)
        if "on" in self.words and self.mention_end and not W.MONTH_WORDS.isdisjoint(self.words):
            find_date_asides(self)
        if self.mention_end and not W.AGENT_HEADS.isdisjoint(self.words):
            find_title_names(self)
            find_person_titles(self)
        if not self.words.isdisjoint((",", "-", "\u2013", "\u2014")):
            find_asides(self)
            if self.lists_at:
                described_lists(self)
        if (":" in self.words or "," in self.words) and self.lists_at:
            described_closing_lists(self)
        if "(" in self.words:
            if self.lists_at:
                described_bracket_lists(self)
            find_brackets(self)
        if "[" in self.words:
            bracketed_labels(self)
        self.frames: list[Frame] = []
        self.question = self.n > 0 and (self.tok[-1] == "?" or (self.n > 1 and self.tok[-2] == "?"
                                                                and self.tok[-1] in (QUOTE_CLOSE, '"')))
        #: where the question starts: after the last full stop or ellipsis inside the sentence ("Russia
        #: Vetoes UN Resolution . . . are You Surprised?" asks only its last words)
        self.question_from = next((k + 1 for k in range(self.n - 2, -1, -1) if tok[k] in (".", "…", ";")),
                                  0) if self.question else self.n
        self.conditions = condition_scopes(self)
        self.bodies = body_tokens(self)
        # "a motion to adjourn" is procedural; "voted in favour of the motion" is the text's own vote
        self.procedural = [i for i, w in enumerate(low) if w in W.PROCEDURAL and (
            w != "motion" or (i + 1 < self.n and low[i + 1] == "to"))] if not self.words.isdisjoint(W.PROCEDURAL) else []
        self.council = council_tokens(self)
        #: the members the sentence before names in its one list, for an opening "They", and its one
        #: count as (vote, number), for "These were A, B and C" (read_passage)
        self.antecedent: tuple[str, ...] = ()
        self.counted: tuple[str, int] | None = None

    @functools.cached_property
    def naming_drafts(self) -> tuple[frozenset[int], int]:
        """The tokens of names that only say whose a draft is ("the French-Spanish draft", "the
        Russian version"), and how many drafts they name: a verb phrase a subject shares may hold
        them, and its vote too where they name two drafts (patterns.Gap)."""
        low, out, drafts = self.low, set(), 0
        for chunk in {id(c): c for c in self.lists_at.values()}.values():
            if chunk.start > 0 and low[chunk.start - 1] in _DRAFT_DETERMINERS and chunk.end < self.n and (
                    low[chunk.end] in W.DRAFT_NOUNS or low[chunk.end] in ("version", "one")):
                out.update(range(chunk.start, chunk.end))
                drafts += 1
        return frozenset(out), drafts

    def one_list(self) -> tuple[str, ...]:
        """The members the sentence names, when it names one alone or all in one list: what "They"
        or "It" opening the next sentence may stand for ("... with China and Russia arguing
        against strong action. They both abstained")."""
        if not self.mention_at:
            return ()  # no name, no list of names
        named = {code for code, _ in self.mention_at.values()}
        if len(named) == 1:
            return tuple(named)
        chunks = {id(c): c for c in self.lists_at.values() if c.codes}
        if len(chunks) != 1:
            return ()
        chunk, = chunks.values()
        return chunk.codes if set(chunk.codes) == named else ()

    # tokens ------------------------------------------------------------------------------------
    def span(self, i: int, j: int) -> tuple[int, int]:
        """Character span of tokens i..j-1."""
        return self.st[i], self.en[max(j - 1, i)]

    def spaced(self, i: int) -> bool:
        """A dash with a space on either side, or an em dash: a break in the sentence, not a hyphen."""
        at = self.st[i]
        return (at > 0 and self.text[at - 1] == " ") or (at + 1 < len(self.text) and self.text[at + 1] == " ") or \
            self.text[at] == EM_DASH

    def number(self, i: int) -> int | None:
        """The number a token writes (digits up to 200, or a word up to fifteen), or None."""
        if i < 0 or i >= self.n:
            return None
        w = self.low[i]
        if w.isdigit():
            value = int(w)
            return value if value <= 200 else None
        return W.NUMBER_WORDS.get(w)

    def is_date_number(self, i: int) -> bool:
        low = self.low
        if low[i].isdigit() and len(low[i]) == 4:
            return True
        if (i > 0 and low[i - 1] in W.MONTH_WORDS) or (i + 1 < self.n and low[i + 1] in W.MONTH_WORDS):
            return True
        if i + 2 < self.n and low[i + 1] in W.ORDINAL_SUFFIXES and low[i + 2] in W.MONTH_WORDS:
            return True  # "24th January"
        if i > 1 and low[i - 1] == "." and low[i - 2] in W.MONTH_WORDS:
            return True  # "Oct. 5": a month cut short
        if (i > 0 and low[i - 1] == "/") or (i + 1 < self.n and low[i + 1] == "/"):
            return True  # a part of a document symbol ("S/1953/9") or a fraction, never a count
        return (i + 1 < self.n and low[i + 1] in _NOT_COUNTS) or (i > 0 and low[i - 1] in ("$", "resolution",
                                                                                          "resolutions", "no"))

    def token_at(self, offset: int) -> int:
        return max(0, min(bisect.bisect_right(self.st, offset) - 1, self.n - 1))

    # names -------------------------------------------------------------------------------------
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
            if tok[end - 1] == "-" and (end >= self.n or self.spaced(end - 1) or lexicon.match(tok, end) is None):
                continue  # a combining form ("Franco-") is a name only joined to the next name
            after = end
            if not self._inside_longer_name(i, end, lexicon):
                self.mention_at[i] = (code, end)
                self.mention_end[end] = (code, i)

    def _inside_longer_name(self, i: int, end: int, lexicon: Lexicon) -> bool:
        tok, low = self.tok, self.low
        if i > 0:
            before = low[i - 1]
            if before in W.NAMED or (before in W.NAME_PREFIXES and tok[i - 1][:1].isupper()
                                     and lexicon.match(tok, i - 1) is None):
                return True
            if before == "." and i > 1 and low[i - 2] in W.NAMED:
                return True
            if i > 2 and low[i - 3:i] == ["people", "'", "s"]:
                return True  # "Democratic People's Republic of Korea" holds no "Republic of Korea"
            if before == "-" and i > 1 and low[i - 2] in ("anti", "pro"):
                return True  # "an anti-Iran resolution", "a pro-Russian text": the member is no actor
        if end < self.n:
            after = tok[end]
            if (after[:1].isupper() and after.isalpha() and low[end] not in W.TITLES
                    and lexicon.match(tok, end) is None and not _common_word(low[end]) and not self.title_case):
                return True
            if after.isdigit() and i + 1 == end and low[end - 1] in ("france", "russia"):  # "France 24"
                return True
        return False

    @functools.cached_property
    def title_case(self) -> bool:
        """A headline in title case ("Russia Shocks U.N. By Vetoing Cyprus Financing"): every word of four
        letters or more is capitalised, so a capitalised word after a name does not lengthen it."""
        long = [t for t in self.tok if len(t) >= 4 and t.isalpha()]
        return len(long) >= 3 and all(t[0].isupper() for t in long)

    def _quoted_tokens(self) -> list[bool]:
        """Which tokens stand inside curly double quotes (straight ones cannot tell open from close)."""
        if QUOTE_OPEN not in self.text and QUOTE_CLOSE not in self.text:
            return [False] * self.n
        inside, out = False, []
        if QUOTE_CLOSE in self.tok and (QUOTE_OPEN not in self.tok or self.tok.index(QUOTE_CLOSE)
                                        < self.tok.index(QUOTE_OPEN)):
            inside = True  # the sentence closes a quotation opened before it
        for t in self.tok:
            if t == QUOTE_OPEN:
                inside = True
            out.append(inside)
            if t == QUOTE_CLOSE:
                inside = False
        return out

    # lists -------------------------------------------------------------------------------------
    def possessive(self, chunk: Chunk) -> bool:
        """'Mali's former colonial power', "Russia's ally": the list owns the noun after it."""
        end = chunk.end
        return end + 1 < self.n and self.tok[end] == "'" and self.low[end + 1] == "s"

    def list_at(self, i: int) -> Chunk | None:
        return self.lists_at.get(i)

    def list_ending(self, end: int) -> Chunk | None:
        return self.lists_end.get(end)

    # clauses -----------------------------------------------------------------------------------
    def clause_start(self, i: int) -> int:
        k = bisect.bisect_left(self.breaks, i)
        return self.breaks[k - 1] + 1 if k else 0

    def clause_end(self, i: int) -> int:
        k = bisect.bisect_left(self.breaks, i)
        return self.breaks[k] if k < len(self.breaks) else self.n

    # scopes ------------------------------------------------------------------------------------
    def condition_at(self, i: int) -> bool:
        """Whether token i stands in a condition's scope."""
        return bool(self.conditions) and any(a <= i < b for a, b in self.conditions)

    def other_body_at(self, i: int) -> bool:
        """Whether the clause of token i is about another body than the Security Council."""
        if not self.bodies:
            return False
        lo, hi = self.clause_start(i), self.clause_end(i)
        # a body far after the phrase is the object of another verb ("the veto killed an attempt to
        # persuade voters to approve the plan"), not where the vote was cast
        near = [k for k in self.bodies if lo <= k < hi and (k < i + _BODY_REACH or self._where_voted(k, i))
                and not self.aside_apart(k, i) and not self._said_apart(k, i)
                and not _draft_subject_between(self, k, i) and not _body_called(self, k)]
        if not near:
            # "Vote in the General Assembly: 8 in favour; 2 against; 5 abstentions": a heading
            # before a colon names the body for every clause after it
            colon = next((k for k in range(min(self.n, _HEADING)) if self.tok[k] == ":"), None)
            return colon is not None and colon < i and any(k < colon for k in self.bodies) and \
                not any(k < colon for k in self.council)
        council = [k for k in self.council if lo <= k < hi]
        if not council:
            return True
        # "... before the General Assembly after the Soviet Union used its veto to block action by
        # the Security Council": the body is the main clause's; the Council is named in the phrase's own
        near = [k for k in near if not self._other_clause(k, i, council)]
        if not near:
            return False
        # both named: the body counts where it is nearer the phrase than the Council
        return min(abs(k - i) for k in near) < min(abs(k - i) for k in council)

    def _where_voted(self, k: int, i: int) -> bool:
        """The body at k, after the phrase at i in its clause, is where the vote was taken: "adopted by a
        vote of 120 to 4 in the General Assembly" (in / at / by the body, no comma between)."""
        j = k - (k > 0 and self.low[k - 1] in ("un", "u.n.", "general", "the"))
        return i < k and j >= 2 and self.low[j - 2:j] in (["in", "the"], ["at", "the"], ["by", "the"]) and \
            "," not in self.tok[i:k]

    def _said_apart(self, k: int, i: int) -> bool:
        """Token k stands in words someone says that token i is outside of ("abstained, arguing that
        the Human Rights Council is the venue": the body is in the argument, not where the vote was)."""
        return any(f.kind == "speech" and f.start <= k < f.end and not f.start <= i < f.end for f in self.frames)

    def _other_clause(self, k: int, i: int, council: list[int]) -> bool:
        """Token k (a body) and token i (a phrase) stand on either side of a subordinating word,
        and the Council is named on i's side of it."""
        c = self.subordinator_between(k, i)
        if c is None:
            return False
        return any(c < x for x in council) if k < i else any(x < c for x in council)

    def subordinator_between(self, k: int, i: int) -> int | None:
        """The first subordinating word ('after', 'while', 'because') between tokens k and i, or None."""
        return next((c for c in range(min(k, i) + 1, max(k, i)) if self.low[c] in W.SUBORDINATORS), None)

    def aside_apart(self, k: int, i: int) -> bool:
        """Token k stands in an aside that token i is outside of ("the draft, which says today's
        referendum would have no validity, got 13 votes": the referendum is not where it got them)."""
        return any(a < k < b and not a < i < b for a, b in self.asides_open.items())

    def procedural_at(self, lo: int, hi: int) -> str | None:
        """What the phrase lo..hi is about when a procedural vote is named as that: "procedural" for a
        vote the sentence calls procedural ("abstained from a procedural vote") or a procedural decision
        (the agenda, an adjournment), "other" for an amendment, a paragraph or a motion, which is no
        draft's vote; None for neither."""
        if not self.procedural:
            return None
        c_lo, c_hi = self.clause_start(lo), self.clause_end(hi - 1 if hi > lo else lo)
        stop = min(c_hi, hi + 6, self.n)
        if any(self.low[k] in _PUTTING_ON for k in range(hi, min(hi + 3, self.n))):
            stop = min(c_hi, hi + 14, self.n)  # "against the inclusion of North Korea on the council's agenda"
        # "abstained from the vote, saying Moscow's amendments were ignored": the reason given after
        # a comma and a participle is no part of what the vote was on
        stop = next((k for k in range(hi, stop - 1) if self.tok[k] == "," and self.low[k + 1].endswith("ing")
                     and self.low[k + 1] not in ("including", "following")), stop)
        # "was adopted after amendments were voted down": a clause a subordinator opens is another event,
        # also where the phrase's own last words hold it ("left the room after two amendments ...")
        stop = next((k for k in range(lo + 1, stop) if self.low[k] in _OTHER_EVENT), stop)
        # "Algeria, having proposed two amendments to the US draft, did not vote": an aside's amendment
        # is not what the phrase outside it is about
        words = {self.low[k] for k in self.procedural
                 if c_lo <= k < stop and not self.in_parenthesis(k) and not self.aside_apart(k, lo)}
        if not words:
            return None
        # "abstained in a procedural vote on the agenda": what the vote was on may come further on; the
        # agenda, an adjournment or a postponement is a procedural decision itself, a vote on it a fact of a
        # draft marked procedural (an amendment, a paragraph or a motion is part of another vote)
        if not words <= _PROCEDURAL_DECISIONS:
            return "other"
        if "procedural" in words and not all(self._calls_procedural(k) for k in self.procedural
                                             if c_lo <= k < c_hi and self.low[k] == "procedural"):
            return "other"
        return "procedural"

    def _calls_procedural(self, k: int) -> bool:
        return calls_procedural(self.low, k)

    def in_parenthesis(self, k: int) -> bool:
        return any(f.kind == "parenthesis" and f.start <= k < f.end for f in self.frames)

    def frame(self, i: int, kind: str) -> Frame | None:
        best = None
        for f in self.frames:
            if f.kind == kind and f.start <= i < f.end and (best is None or f.start >= best.start):
                best = f
        return best


#: Words that open a clause of another event than the phrase before them.
_OTHER_EVENT = W.SUBORDINATORS | {"before", "once", "although", "though"}
#: How many tokens a heading before a colon can hold ("Vote in the General Assembly:").
_HEADING = 10
#: How many tokens after a vote phrase a body's name can stand and still be where it was cast.
_BODY_REACH = 9

_COMMON = frozenset({
    "have", "has", "had", "is", "was", "were", "are", "will", "would", "and", "or", "but", "vetoes", "vetoed",
    "veto", "votes", "voted", "vote", "abstains", "abstained", "abstain", "backs", "backed", "supports",
    "supported", "opposes", "opposed", "rejects", "rejected", "blocks", "blocked", "says", "said", "calls",
    "demand", "demands", "on", "in", "for", "to", "of", "at", "with", "the", "a", "an", "as", "by", "not",
    "draft", "resolution", "text", "again", "over", "against", "favour", "favor", "joins", "joined", "wins",
    "won", "fails", "failed", "it", "its", "s", "u.n.", "un", "u.s.", "abstaining", "abstentions", "absent",
    "none", "in", "casts", "cast", "uses", "used", "kills", "killed", "sinks", "sank", "block", "resolutions",
    "reject", "oppose", "support", "back", "adopt", "adopts", "adopted", "approve", "approves", "approved",
    "drafts", "measure", "motion", "bid", "plan", "move", "push", "pushes", "proposal", "text", "texts", "also",
    "then", "again", "alone", "only", "isolated", "stands", "stand", "wields", "wielded", "exercises",
    "refrains", "refrained", "participates", "participating", "skips", "abstention", "abstentions",
})


def _common_word(word: str) -> bool:
    """A capitalised word a headline writes in title case, not a part of a proper name."""
    return word in _COMMON or word in W.SPEECH or word in W.MODALS or word in W.NEGATIONS or \
        word in W.WEEKDAY_WORDS or word in W.MONTH_WORDS


#: What "the Council's 10 non-permanent members" may hold before the adjective.
_OF_THE_COUNCIL = ("council", "security", "un", "u.n.", "body")


#: The nouns "the 10 elected ..." ends with.
_ELECTED_NOUNS = frozenset({"members", "states", "countries", "nations"})


def find_elected(s: Chunked) -> None:
    """"the (Council's) (10) non-permanent / elected / rotating (council) members (of the Security
    Council)": all the elected members of the year, a name for the pseudo-member W.ELECTED,
    which a draft's year turns into the members it stands for. Only the whole group: not "two of the
    elected members", not "the elected members Ghana and Gabon" (their names follow), not "elected
    members" without "the"."""
    low = s.low
    for k, w in enumerate(low):
        if w == "non" and low[k + 1:k + 3] == ["-", "permanent"]:
            end = k + 3
        elif w in ("elected", "rotating"):
            end = k + 1
        else:
            continue
        counted = end < s.n and low[end] in ("10", "ten") and not (k > 0 and low[k - 1] in ("10", "ten"))
        end += counted  # "the elected 10 members"
        end += end < s.n and low[end] == "council"
        if end >= s.n or low[end] not in _ELECTED_NOUNS:
            continue
        end += 1
        if low[end:end + 3] in (["of", "the", "council"], ["to", "the", "council"]):
            end += 3
        elif low[end:end + 4] in (["of", "the", "security", "council"], ["of", "the", "un", "security"],
                                  ["to", "the", "security", "council"]):
            end += 4 + (low[end + 2] == "un")
        start = k - (k > 0 and (low[k - 1] in ("10", "ten")))
        if start >= 2 and low[start - 2:start] == ["'", "s"]:  # "the Council's 10 non-permanent members"
            start -= 2
            while start > 0 and low[start - 1] in _OF_THE_COUNCIL:
                start -= 1
        # "the elected members", and the Council's own "its 10 elected members" ("a text, put forward by its
        # 10 elected members")
        ten = low[start] in ("10", "ten")  # "introduced by 10 non-permanent members": all ten, no article needed
        if (start == 0 or low[start - 1] not in ("the", "its")) and not (ten and start > 0 and low[start - 1] in (
                "by", "from", "and", "with")) or (start >= 2 and low[start - 2] in ("of", "among", "between")):
            continue
        if end < s.n and (end in s.mention_at or s.tok[end] in ("(", ":", "\u2013", "\u2014") or (
                s.tok[end] in (",", "-") and end + 1 in s.mention_at)):
            continue  # "the ten elected members, Ghana, Gabon ...": the members are named
        if any(i in s.mention_at for i in range(start, end)):
            continue
        s.mention_at[start] = (W.ELECTED, end)
        s.mention_end[end] = (W.ELECTED, start)


#: Words that make a body what a text calls or convenes, not where a vote was cast: "calls an emergency
#: special session of the General Assembly", "clearing the way for the General Assembly to convene".
_CALLING = frozenset({"call", "calls", "called", "calling", "convene", "convenes", "convened", "convening",
                      "summon", "summons", "summoned", "summoning", "clearing", "cleared", "paving", "paved"})


def _body_called(s: Chunked, k: int) -> bool:
    """The body at k is called, convened or cleared the way for by up to eight words before it, with no
    vote word or comma between ("... Calls Emergency Special Session of General Assembly ..., Adopting
    Resolution 2623 by 11 Votes"): what the draft does, not where it was voted ("called a vote in the
    General Assembly" is still that body's vote)."""
    for j in range(k - 1, max(-1, k - 9), -1):
        word = s.low[j]
        if word in _CALLING:
            return True
        if word == "," or word.startswith("vot") or word in ("ballot", "poll"):
            return False
    return False


def _draft_subject_between(s: Chunked, k: int, i: int) -> bool:
    """A body at k is described by a relative clause (", which asked ..."), and after it, before the
    phrase at i, "and" opens a clause whose subject is a draft: "... from the Arab League, which asked
    for a no-fly zone, and the resolution itself, co-authored by Britain and France, was tabled by
    Lebanon": what the draft's clause says is not the body's. ("The General Assembly voted 120 to 4
    and the resolution was adopted" keeps the body: no relative clause sets it apart.)"""
    low = s.low
    for j in range(k + 1, min(i, s.n - 2)):
        if low[j] == "and" and low[j + 1] in ("the", "a", "an", "its", "their") and low[j + 2] in W.DRAFT_NOUNS:
            return any(low[r] in ("which", "who") and s.tok[r - 1] == "," for r in range(k + 1, j))
    return False
