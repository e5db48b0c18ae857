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
import re

from ..record import Record
from . import words as W
from .tokens import QUOTE_CLOSE, QUOTE_OPEN, TOKEN, Lexicon


class Chunk(Record):
    """A piece rules match as one element: a member list, a count, a score or a 'rest' phrase."""

    __slots__ = ("kind", "start", "end", "codes", "spans", "unknown", "count", "total", "all_but", "except_",
                 "scores")

    def __init__(self, kind: str, start: int, end: int, *, codes: tuple[str, ...] = (),
                 spans: dict[str, tuple[int, int]] | None = None, unknown: tuple[str, ...] = (),
                 count: int | None = None, total: int | None = None, all_but: int | None = None,
                 except_: tuple[str, ...] = (), scores: tuple[int | None, ...] = ()):
        self.kind, self.start, self.end = kind, start, end
        self.codes, self.spans, self.unknown = codes, spans or {}, unknown
        self.count, self.total, self.all_but, self.except_ = count, total, all_but, except_
        self.scores = scores  # a score's yes, no and abstain counts (None where it gives none)

    @property
    def items(self) -> int:
        """How many names a list holds, known or not (a full list's length is its vote's count)."""
        return len(self.codes) + len(self.unknown)


class Frame(Record):
    """A stretch of tokens read as another speaker's words, or as a parenthesis about a member."""

    __slots__ = ("start", "end", "speaker", "kind", "record")

    def __init__(self, start: int, end: int, speaker: str | None, kind: str, record: bool = False):
        self.start, self.end, self.speaker, self.kind = start, end, speaker, kind
        self.record = record  # the Council or its President announcing its own result: no hearsay


#: Words between the names of a list: "China, Venezuela and Egypt", "Britain and the United States".
LIST_JOINS = frozenset({",", "and", "&", "/", "as", "well", "plus", "the", "nor", "or", "also"})
_JOINING = frozenset({",", "and", "&", "/", "plus", "nor", "or"})
#: Capitalised words that are never a country's name in a list.
_NOT_NAMES = frozenset({
    "the", "council", "security", "general", "assembly", "un", "u.n.", "united", "nations", "president",
    "ambassador", "minister", "foreign", "secretary", "they", "it", "he", "she", "we", "i", "but", "and", "or",
    "while", "with", "in", "on", "at", "by", "for", "of", "to", "as", "a", "an", "this", "that", "its", "their",
    "his", "her", "members", "member", "countries", "others", "western", "european", "african", "arab", "asian",
    "eu", "nato", "opcw", "iaea", "who", "isis", "isil", "hamas", "hezbollah", "taliban", "also", "all", "both",
    "only", "however", "meanwhile", "reuters", "ap", "afp", "tass", "xinhua", "mr", "mrs", "ms", "dr", "s",
})
_NUMBER_NOUNS = frozenset({"members", "member", "countries", "country", "nations", "nation", "states", "state",
                           "delegations", "delegation", "votes", "vote", "others", "council"})
_REST_NOUNS = frozenset({"members", "member", "countries", "country", "nations", "states", "delegations",
                         "delegation", "others", "ones"})
#: What a number next to these words is not a count of Council votes.
_NOT_COUNTS = frozenset({"per", "percent", "%", "people", "civilians", "killed", "dead", "years", "year", "days",
                         "months", "hours", "times", "time", "million", "billion", "thousand", "km", "miles",
                         "children", "refugees", "soldiers", "troops", "percentage", "th", "st", "nd", "rd"})


class Chunked:
    """One sentence as tokens, with its names, lists, counts, clauses, frames and scopes."""

    def __init__(self, text: str, lexicon: Lexicon):
        self.text = text
        found = list(TOKEN.finditer(text))
        # map over the methods themselves: the loops run in C (a sentence is read for every quote)
        self.tok = tok = list(map(re.Match.group, found))
        self.low = low = list(map(str.lower, tok))
        self.st = list(map(re.Match.start, found))
        self.en = list(map(re.Match.end, found))
        self.n = len(tok)
        self.words = frozenset(low)
        self.mention_at: dict[int, tuple[str, int]] = {}  # first token -> (code, end token)
        self.mention_end: dict[int, tuple[str, int]] = {}  # end token -> (code, first token)
        if not lexicon.firsts.isdisjoint(tok):
            self._find_mentions(lexicon)
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
            self._find_lists()
        self._find_counts()
        self._find_rests()
        if not self.words.isdisjoint(("including", "such", "among", "-", "\u2013", "\u2014")):
            self._attach_including()
        self.asides_open: dict[int, int] = {}  # the comma opening an aside -> the comma closing it
        self.asides_close: dict[int, int] = {}
        if not self.words.isdisjoint((",", "-", "\u2013", "\u2014")):
            self._find_asides()
        if "(" in self.words:
            self._find_brackets()
        self.frames: list[Frame] = []
        self.question = self.n > 0 and (self.tok[-1] == "?" or (self.n > 1 and self.tok[-2] == "?"
                                                                and self.tok[-1] in (QUOTE_CLOSE, '"')))
        self.conditions = self._condition_scopes()
        self.bodies = self._body_tokens()
        self.procedural = [i for i, w in enumerate(low) if w in W.PROCEDURAL] \
            if not self.words.isdisjoint(W.PROCEDURAL) else []
        self.council = self._council_tokens()

    # tokens ------------------------------------------------------------------------------------
    def span(self, i: int, j: int) -> tuple[int, int]:
        """Character span of tokens i..j-1."""
        return self.st[i], self.en[max(j - 1, i)]

    def spaced(self, i: int) -> bool:
        """A dash with a space on either side: a break in the sentence, not a hyphen."""
        at = self.st[i]
        return (at > 0 and self.text[at - 1] == " ") or (at + 1 < len(self.text) and self.text[at + 1] == " ")

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
        if end < self.n:
            after = tok[end]
            if (after[:1].isupper() and after.isalpha() and low[end] not in W.TITLES
                    and lexicon.match(tok, end) is None and not _common_word(low[end])):
                return True
            if after.isdigit() and i + 1 == end and low[end - 1] in ("france", "russia"):  # "France 24"
                return True
        return False

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
    def _item_at(self, k: int) -> tuple[str | None, int, str] | None:
        """The list item at token k: (code or None for an unknown name, end token, text)."""
        if k in self.mention_at:
            code, end = self.mention_at[k]
            return code, end, ""
        return self._unknown_name_at(k)

    def _unknown_name_at(self, k: int) -> tuple[None, int, str] | None:
        """A capitalised name council.yaml does not know, as a list item ("Gabon", "Equatorial
        Guinea", "Côte d'Ivoire"): up to four capitalised words, with 'and'/'of' inside only
        when a capitalised word follows."""
        tok, low = self.tok, self.low
        if k >= self.n or not tok[k][:1].isupper() or not tok[k].isalpha() or low[k] in _NOT_NAMES or \
                low[k] in W.MONTH_WORDS or low[k] in W.WEEKDAY_WORDS or low[k] in W.SPEECH or \
                low[k] in W.TITLES or k in self.inside:
            return None
        j = k + 1
        while j < self.n and j < k + 4:
            if tok[j][:1].isupper() and tok[j].isalpha() and j not in self.mention_at and low[j] not in _NOT_NAMES:
                j += 1
            elif (low[j] in ("of", "d") or tok[j] == "'") and j + 1 < self.n and tok[j + 1][:1].isupper() \
                    and j + 1 not in self.mention_at:
                j += 2
            else:
                break
        if j < self.n and (self.tok[j] == "'" or self.low[j] in ("s",)):
            return None  # "Syria's ally": a possessive, no list item
        return None, j, self.text[self.st[k]:self.en[j - 1]]

    def _find_lists(self) -> None:
        """Maximal lists of names from each member name that no list already holds."""
        low, tok = self.low, self.tok
        taken = -1
        for i in sorted(self.mention_at):
            if i < taken:
                continue
            start = i
            # unknown names before the first known one: "Gabon, Ghana and India"
            codes: list[str] = []
            spans: dict[str, tuple[int, int]] = {}
            unknown: list[str] = []
            items = self._items_back(i)
            if items:
                start = items[0][3]
                for _, _, text, at, end in items:
                    unknown.append(text)
                    self.unknown_names.append((text, self.st[at], self.en[end - 1]))
            j = i
            while True:
                item = self._item_at(j)
                if item is None:
                    break
                code, end, text = item
                if code is None:
                    unknown.append(text)
                    self.unknown_names.append((text, self.st[j], self.en[end - 1]))
                elif code not in spans:
                    codes.append(code)
                    spans[code] = (self.st[j], self.en[end - 1])
                j = end
                j = self._skip_alias(j, code)
                k = j
                if k + 1 < self.n and self.tok[k] == "-" and not self.spaced(k) and k + 1 in self.mention_at:
                    j = k + 1  # "the US-Albanian draft": two names joined by a hyphen
                    continue
                while k < self.n and low[k] in LIST_JOINS:
                    k += 1
                if k == j or k >= self.n or not _joins(low[j:k]) or self._breaks_list(j, k):
                    break
                if k not in self.mention_at and (self._unknown_name_at(k) is None or not self._list_goes_on(k)):
                    break
                if low[j:k] == [","] and self._new_clause_at(start, k):
                    break
                j = k
            chunk = Chunk("list", start, j, codes=tuple(codes), spans=spans, unknown=tuple(unknown))
            self.lists_at[start] = chunk
            self.lists_end[j] = chunk
            if start != i:
                self.lists_at.setdefault(i, chunk)
            taken = j

    def _items_back(self, i: int) -> list:
        """Unknown names joined to a known one from before it ("Gabon, Ghana and India")."""
        out = []
        k = i
        while True:
            j = k
            while j > 0 and self.low[j - 1] in LIST_JOINS:
                j -= 1
            if j == k or not _joins(self.low[j:k]) or j - 1 in self.inside or j == 0:
                break
            # the unknown name ending at j: walk back over capitalised words
            a = j - 1
            while a > 0 and a > j - 4 and self.tok[a - 1][:1].isupper() and self.tok[a - 1].isalpha() \
                    and self.low[a - 1] not in _NOT_NAMES and a - 1 not in self.inside:
                a -= 1
            found = self._unknown_name_at(a)
            if found is None or found[1] != j:
                break
            out.insert(0, (None, j, found[2], a, j))
            k = a
        return out

    def _list_goes_on(self, k: int) -> bool:
        """An unknown name after a joiner continues the list when it ends the list or joins on."""
        found = self._unknown_name_at(k)
        if found is None:
            return False
        end = found[1]
        return end >= self.n or self.low[end] in LIST_JOINS or self.tok[end] in (")", ".", ":", ";", "-") \
            or not self.tok[end][:1].isupper()

    def _new_clause_at(self, start: int, k: int) -> bool:
        """'voted for it alongside Russia, Angola abstained': after a bare comma, a name followed by
        its own verb starts a new clause when the list so far is the object of a preposition."""
        if start == 0 or self.low[start - 1] not in _PREPOSITIONS:
            return False
        item = self._item_at(k)
        end = item[1] if item else k + 1
        return end < self.n and self.low[end] in _CLAUSE_VERBS

    def _skip_alias(self, j: int, code: str | None) -> int:
        """'they (Russia)', 'Venezuela (Bolivarian Republic of)': a parenthesis naming the item again."""
        if j < self.n and self.tok[j] == "(":
            close = next((k for k in range(j + 1, min(j + 7, self.n)) if self.tok[k] == ")"), None)
            if close is not None and all(self.tok[k][:1].isupper() or self.low[k] in ("of", "the")
                                         for k in range(j + 1, close)) and close > j + 1:
                inner = self.mention_at.get(j + 1)
                if inner is None or inner[0] == code:
                    return close + 1
        return j

    def _breaks_list(self, j: int, k: int) -> bool:
        """Joining words that end a list rather than extend it."""
        # "According to France, China abstained": France speaks, China votes
        return self.tok[j] == "," and j >= 2 and "according" in self.low[max(0, j - 8):j]

    def possessive(self, chunk: Chunk) -> bool:
        """'Mali's former colonial power', "Russia's ally": the list owns the noun after it."""
        end = chunk.end
        return end + 1 < self.n and self.tok[end] == "'" and self.low[end + 1] == "s"

    def list_at(self, i: int) -> Chunk | None:
        return self.lists_at.get(i)

    def list_ending(self, end: int) -> Chunk | None:
        return self.lists_end.get(end)

    # counts and the rest -----------------------------------------------------------------------
    def _find_counts(self) -> None:
        """Counts of members or votes: 'eleven', '12 of the 15 members', 'all 15', 'all but two'."""
        low = self.low
        for i, w in enumerate(low):
            if not (w.isdigit() or w in W.NUMBER_WORDS):
                continue
            n = self.number(i)
            if n is None or self.is_date_number(i):
                continue
            if i + 1 < self.n and low[i + 1] == "-" and i + 2 < self.n and low[i + 2].isdigit():
                continue  # a score, read below
            if i > 0 and low[i - 1] == "-" and i > 1 and low[i - 2].isdigit():
                continue
            start, end = i, i + 1
            total = None
            all_but = None
            # "12 of the 15 (members)", "10 of the Council's 15 members", "12 out of 15"
            j = end
            if j + 1 < self.n and (low[j] == "of" or (low[j] == "out" and low[j + 1] == "of")):
                k = j + 1 + (low[j] == "out")
                while k < self.n and low[k] in ("the", "council", "'", "s", "security", "body", "its", "un", "u.n.",
                                                "united", "nations", "council's"):
                    k += 1
                m = self.number(k)
                if m is not None and m >= n and m in (11, 15):
                    total, end = m, k + 1
            # "all but two", "all 15"
            if i >= 2 and low[i - 1] == "but" and low[i - 2] == "all":
                start, all_but = i - 2, n
            elif i >= 1 and low[i - 1] == "all":
                start = i - 1
            k = end
            while k < self.n and low[k] in ("council", "security", "un", "u.n.", "other"):
                k += 1
            if k < self.n and low[k] in ("members", "member", "countries", "country", "nations", "states",
                                         "delegations", "others"):
                end = k + 1
                if low[k] == "member" and end < self.n and low[end] in ("states", "countries", "nations"):
                    end += 1  # "thirteen member states"
                end = self._of_the_council(end)
            chunk = Chunk("count", start, end, count=None if all_but is not None else n, total=total,
                          all_but=all_but)
            self.counts_at.setdefault(start, chunk)
            self.counts_end.setdefault(end, chunk)
            if start != i:
                self.counts_at.setdefault(i, chunk)
        self._find_scores()

    def _find_scores(self) -> None:
        """'13-1', '11-2-2', '13 - 0': yes, no (and abstain) counts, as one chunk."""
        low = self.low
        for i in range(self.n - 2):
            words_score = low[i + 1] == "to" and low[i] in W.NUMBER_WORDS and low[i + 2] in W.NUMBER_WORDS
            if (low[i].isdigit() and low[i + 1] in ("-", "to") and low[i + 2].isdigit() and not self.is_date_number(i)) \
                    or words_score:
                if low[i + 1] == "to" and not (i > 0 and low[i - 1] in ("of", "by")):
                    continue
                a, b = self.number(i), self.number(i + 2)
                if a is None or b is None:
                    continue
                end, c = i + 3, None
                if end + 1 < self.n and low[end] == "-" and low[end + 1].isdigit() and not words_score:
                    c, end = int(low[end + 1]), end + 2
                chunk = Chunk("score", i, end, scores=(a, b, c))
                self.counts_at[i] = chunk
                self.counts_end[end] = chunk

    def _find_rests(self) -> None:
        """'the remaining (nine) (members)', 'the other 13 members', 'all other twelve members',
        'the rest (of the Council)', '(all) the others', 'everyone else', 'every other member',
        'all (members) except / but LIST'."""
        low = self.low
        words = self.words
        if words.isdisjoint(("remaining", "other", "others", "rest", "else", "except", "but", "excluding",
                             "apart", "save")):
            return
        for i, w in enumerate(low):
            chunk = None
            before_number = w == "other" and i > 1 and self.number(i - 1) is not None and low[i - 2] in ("the", "all")
            owned = w == "other" and i > 3 and low[i - 1] == "s" and low[i - 2] == "'" and low[i - 4] == "the"
            if owned:  # "the Council's other members", "the Assembly's other members"
                j = i + 1
                if j < self.n and low[j] in _REST_NOUNS:
                    chunk = Chunk("rest", i - 4, j + 1)
                    self.rests_at.setdefault(chunk.start, chunk)
                    self.rests_end[chunk.end] = chunk
                continue
            if w == "remaining" or (w == "other" and i > 0 and low[i - 1] in ("the", "all", "every")) or before_number:
                start = i - 1 if i > 0 and low[i - 1] in ("the", "all", "every") else i
                if before_number:
                    start = i - 2  # "the 14 other members"
                if start > 0 and low[start - 1] == "all" and low[start] == "the":
                    start -= 1
                if start >= 2 and low[start] == "the" and low[start - 1] == "of" and low[start - 2] == "all":
                    start -= 2  # "all of the 14 other members"
                if w == "other" and start == i:
                    continue
                j = i + 1
                n = self.number(j) if j < self.n else None
                if n is not None:
                    j += 1
                elif before_number:
                    n = self.number(i - 1)
                while j < self.n and low[j] in ("council", "security", "un", "u.n."):
                    j += 1
                noun = j < self.n and low[j] in _REST_NOUNS
                if noun:
                    if low[j] in ("member", "country", "delegation") and n is None:
                        n = 1
                    j += 1
                    j = self._of_the_council(j)
                if w == "other" and not noun and n is None:
                    continue
                if w == "remaining" and not noun and n is None and low[start] != "the":
                    continue
                chunk = Chunk("rest", start, j, count=n)
            elif w == "others" and i > 0 and low[i - 1] == "the":
                start = i - 2 if i > 1 and low[i - 2] == "all" else i - 1
                chunk = Chunk("rest", start, self._of_the_council(i + 1))
            elif w == "rest" and i > 0 and low[i - 1] == "the":
                j = i + 1
                if j + 1 < self.n and low[j] == "of" and low[j + 1] == "the":
                    k = j + 2
                    while k < self.n and low[k] in ("security", "council", "un", "u.n.", "members", "body"):
                        k += 1
                    if k > j + 2:
                        j = k
                chunk = Chunk("rest", i - 1, j)
            elif w == "else" and i > 0 and low[i - 1] in ("everyone", "everybody", "all"):
                chunk = Chunk("rest", i - 1, i + 1)
            elif w in ("except", "but", "excluding", "save") or (w == "apart" and i + 1 < self.n
                                                                  and low[i + 1] == "from"):
                after = i + 1 + (w == "apart")
                listed = self.list_at(after) or (self.list_at(after + 1) if after < self.n and low[after] == "for"
                                                 else None)
                if listed is None or not listed.codes:
                    continue
                j = i - 1
                while j >= 0 and low[j] in ("council", "members", "other", "the", "of", "countries", "states",
                                            "security", "member", "nations", ","):
                    j -= 1
                if j >= 0 and low[j] in ("all", "everyone", "everybody", "every"):
                    chunk = Chunk("rest", j, listed.end, except_=listed.codes, spans=dict(listed.spans))
            if chunk is not None:
                self.rests_at.setdefault(chunk.start, chunk)
                self.rests_end[chunk.end] = chunk

    def _attach_including(self) -> None:
        """'10 nations, including the United States and Britain, voted': the members a count or a
        'rest' phrase is said to include vote with it."""
        low = self.low
        for chunk in list(self.counts_at.values()) + list(self.rests_at.values()):
            if chunk.kind == "score" or chunk.codes or chunk.end >= self.n - 2:
                continue
            k = chunk.end
            while k < self.n and self.tok[k] in (",", "-", "(", "\u2013", "\u2014"):
                k += 1
            dashed = k > chunk.end and self.tok[k - 1] != ","
            if low[k] == "including":
                k += 1
            elif low[k:k + 2] in (["such", "as"], ["among", "them"]):
                k += 2
            elif not dashed:
                continue  # "the remaining members - A, B and C - voted": a list between dashes names them
            while k < self.n and low[k] in _BEFORE_NAMES and k not in self.mention_at:
                k += 1
            listed = self.lists_at.get(k)
            if listed is not None and listed.codes:
                chunk.codes, chunk.spans = listed.codes, dict(listed.spans)

    def _find_asides(self) -> None:
        """Asides between commas that a subject and its verb may stand around: ", which had
        abstained on the first text,", ", whose envoy had threatened a veto,", ", in the end,"."""
        low, tok = self.low, self.tok
        commas = [i for i, t in enumerate(tok) if t == ","]
        for a, b in zip(commas, commas[1:]):
            if a in self.asides_close:
                continue  # the comma closes an aside already
            # ", including Angola, Venezuela and China,", ", which included Libya and Vietnam,": the aside
            # runs to the comma after the list it holds
            inside = next((c for k, c in sorted(self.lists_at.items()) if a < k < b and c.end > b), None)
            if inside is not None and (low[a + 1] in ("including", "among", "which", "who", "whose")
                                       or low[a + 1:a + 3] == ["such", "as"]):
                b = next((k for k in commas if k >= inside.end), None)
                if b is None or b - a > 40:
                    continue
            inner = low[a + 1:b]
            if not inner or b - a > 40:
                continue
            if inner[0] in ("which", "who", "whose", "including", "among") or inner[:2] == ["such", "as"] or (
                    len(inner) <= 4 and all(w in _ASIDE_WORDS for w in inner)) or (
                    len(inner) <= 4 and inner[0] in _ASIDE_PREPOSITIONS and not any(
                        k in self.inside or low[k] in _CLAUSE_VERBS for k in range(a + 1, b))):
                self.asides_open[a] = b
                self.asides_close[b] = a
                if b + 1 < self.n and tok[b + 1] in (QUOTE_CLOSE, '"'):  # ', which had been expected to vote "yes,"'
                    self.asides_close[b + 1] = a
        dashes = [i for i, t in enumerate(tok) if t in ("-", "\u2013", "\u2014") and self.spaced(i)]
        k = 0
        while k + 1 < len(dashes):
            a, b = dashes[k], dashes[k + 1]
            while b + 1 < self.n and tok[b + 1] in ("-",) and k + 2 < len(dashes) and dashes[k + 2] == b + 1:
                k += 1
                b = dashes[k + 1]  # "--" written as two dashes
            if 1 < b - a <= 20 and any(a < j < b for j in self.lists_at):
                open_at = a
                while open_at > 0 and tok[open_at - 1] in ("-",):
                    open_at -= 1
                self.asides_open[open_at] = b
                self.asides_close[b] = open_at
                k += 2
            else:
                k += 1

    def _find_brackets(self) -> None:
        """A short parenthesis that names no member, skipped like an aside: "on Wednesday (August 30)"."""
        for a, t in enumerate(self.tok):
            if t != "(":
                continue
            b = next((k for k in range(a + 1, min(a + 8, self.n)) if self.tok[k] == ")"), None)
            if b is not None and not any(k in self.inside for k in range(a, b)):
                self.asides_open[a] = b
                self.asides_close[b] = a

    def _of_the_council(self, j: int) -> int:
        """The token after 'of the (15-member) (UN) (Security) Council' at j, or j."""
        low = self.low
        if j + 1 < self.n and low[j] == "of" and low[j + 1] == "the":
            k = j + 2
            while k < self.n and (low[k] in ("15", "fifteen", "11", "eleven", "-", "member", "un", "u.n.", "united",
                                             "nations", "security") or (low[k] == "'" or low[k] == "s")):
                k += 1
            if k < self.n and low[k] in ("council", "body"):
                return k + 1
        return j

    # clauses -----------------------------------------------------------------------------------
    def clause_start(self, i: int) -> int:
        k = bisect.bisect_left(self.breaks, i)
        return self.breaks[k - 1] + 1 if k else 0

    def clause_end(self, i: int) -> int:
        k = bisect.bisect_left(self.breaks, i)
        return self.breaks[k] if k < len(self.breaks) else self.n

    # scopes ------------------------------------------------------------------------------------
    def _condition_scopes(self) -> list[tuple[int, int]]:
        """Stretches that state a condition: from 'if' / 'unless' (or an inverted 'Had X been',
        'Were X to', 'Should X', 'Even with') to the end of its clause or the comma that closes it."""
        low, tok = self.low, self.tok
        out = []
        for i, w in enumerate(low):
            start = None
            if w in W.CONDITIONS or (w == "provided" and i + 1 < self.n and low[i + 1] == "that"):
                start = i
            elif w in ("had", "were", "should") and (i == 0 or tok[i - 1] in (",", ";", QUOTE_OPEN, '"')) \
                    and i + 1 < self.n and low[i + 1] not in ("been", "against", "in", "not", "also") \
                    and (low[i + 1] != "it" or i == 0) \
                    and (w != "were" or "to" in low[i + 2:i + 6]):
                start = i  # "Had the draft been adopted, ...", "Were Beijing to abstain, ...", "Should X abstain"
            elif w == "even" and i + 1 < self.n and low[i + 1] in ("with", "if", "without"):
                start = i
            if start is None:
                continue
            end = self.clause_end(i)
            comma = next((k for k in range(i + 1, end) if tok[k] == ","), None)
            if comma is not None and (start == 0 or tok[start - 1] in (",", ";")) and start < comma:
                end = comma
            out.append((start, end))
        return out

    def _body_tokens(self) -> list[int]:
        """Tokens that name another body than the Security Council."""
        low = self.low
        found = [i for i, w in enumerate(low) if w in W.BODIES and i not in self.inside] \
            if not self.words.isdisjoint(W.BODIES) else []
        for phrase in W.BODY_PHRASES:
            if phrase[0] in self.words:
                for i in range(self.n - len(phrase) + 1):
                    if tuple(low[i:i + len(phrase)]) == phrase and i not in self.inside:
                        found.append(i)
        return sorted(set(found))

    def _council_tokens(self) -> list[int]:
        """Tokens that name the Security Council itself."""
        low = self.low
        out = []
        for i in range(self.n):
            if low[i] == "unsc" or (low[i] == "security" and i + 1 < self.n and low[i + 1] == "council"):
                out.append(i)
        return out

    def condition_at(self, i: int) -> bool:
        """Whether token i stands in a condition's scope."""
        return any(a <= i < b for a, b in self.conditions)

    def other_body_at(self, i: int) -> bool:
        """Whether the clause of token i is about another body than the Security Council."""
        if not self.bodies:
            return False
        lo, hi = self.clause_start(i), self.clause_end(i)
        near = [k for k in self.bodies if lo <= k < hi]
        if not near:
            return False
        council = [k for k in self.council if lo <= k < hi]
        if not council:
            return True
        # both named: the body counts where it is nearer the phrase than the Council
        return min(abs(k - i) for k in near) < min(abs(k - i) for k in council)

    def procedural_at(self, lo: int, hi: int) -> bool:
        """A procedural vote (an amendment, the agenda) named as what the phrase lo..hi is about."""
        if not self.procedural:
            return False
        c_lo, c_hi = self.clause_start(lo), self.clause_end(hi - 1 if hi > lo else lo)
        return any(c_lo <= k < min(c_hi, hi + 6) and not self.in_parenthesis(k) for k in self.procedural)

    def in_parenthesis(self, k: int) -> bool:
        return any(f.kind == "parenthesis" and f.start <= k < f.end for f in self.frames)

    def frame(self, i: int, kind: str) -> Frame | None:
        best = None
        for f in self.frames:
            if f.kind == kind and f.start <= i < f.end and (best is None or f.start >= best.start):
                best = f
        return best


#: Words that may stand between "including" and the names: "including veto-wielding Russia".
_BEFORE_NAMES = frozenset({"the", "veto", "-", "wielding", "holding", "permanent", "members", "member", "fellow"})
_PREPOSITIONS = frozenset({"alongside", "with", "by", "of", "from", "to", "against", "than", "besides", "like"})
_CLAUSE_VERBS = W.VOTED | W.ABSTAINED | W.VETO_VERBS | W.SUPPORT_VERBS | frozenset({
    "did", "was", "were", "had", "has", "also", "then", "cast", "joined", "said", "opposed", "rejected"})
#: A short aside opened by one of these, naming no member and no vote: ", during talks,", ", in a statement,".
_ASIDE_PREPOSITIONS = frozenset({"during", "in", "at", "after", "before", "on", "for", "by", "with", "under",
                                 "despite", "once", "again", "meanwhile"})
_ASIDE_WORDS = frozenset({"during", "voting", "vote", "in", "the", "end", "however", "though", "ultimately", "in", "turn", "fact", "of",
                          "course", "nonetheless", "nevertheless", "moreover", "meanwhile", "too", "also", "then",
                          "for", "its", "part", "their", "instead", "predictably", "once", "again", "as",
                          "expected", "notably", "surprisingly", "unsurprisingly"})


def _joins(words: list[str]) -> bool:
    """Joining words make a list only with a comma, 'and', 'or', 'nor', a slash or 'plus' among them."""
    return any(w in _JOINING for w in words) or words == ["as", "well", "as"]


_COMMON = frozenset({
    "have", "has", "had", "is", "was", "were", "are", "will", "would", "and", "or", "but", "vetoes", "vetoed",
    "veto", "votes", "voted", "vote", "abstains", "abstained", "abstain", "backs", "backed", "supports",
    "supported", "opposes", "opposed", "rejects", "rejected", "blocks", "blocked", "says", "said", "calls",
    "demand", "demands", "on", "in", "for", "to", "of", "at", "with", "the", "a", "an", "as", "by", "not",
    "draft", "resolution", "text", "again", "over", "against", "favour", "favor", "joins", "joined", "wins",
    "won", "fails", "failed", "it", "its", "s", "u.n.", "un", "u.s.", "abstaining", "abstentions", "absent",
    "none", "in", "casts", "cast", "uses", "used", "kills", "killed", "sinks", "sank", "block", "resolutions",
    "drafts", "measure", "motion", "bid", "plan", "move", "push", "pushes", "proposal", "text", "texts", "also",
    "then", "again", "alone", "only", "isolated", "stands", "stand", "wields", "wielded", "exercises",
})


def _common_word(word: str) -> bool:
    """A capitalised word a headline writes in title case, not a part of a proper name."""
    return word in _COMMON or word in W.SPEECH or word in W.MODALS or word in W.NEGATIONS or \
        word in W.WEEKDAY_WORDS or word in W.MONTH_WORDS
