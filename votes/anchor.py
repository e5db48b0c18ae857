"""Finding quotes in seeds, and the sentences of a seed.

A quote is looked up exactly first; then both sides are normalised the way
people retype text (Unicode NFC, curly and straight quotes, dashes,
non-breaking and repeated spaces, the ellipsis character), with offsets mapped
back to the seed's own text so every match has a true line and column. `...`
inside a quote joins parts that must appear in that order.

Everything here runs in time linear in the text and the quote: every regex
is written so that it cannot backtrack over a run of the same characters
(possessive quantifiers, or a lookbehind that lets a match start only at the
first character of a run), and the closest-passage search reads a bounded
part of the quote and, in a long seed, only the places its words point to.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from functools import cached_property

from .read import Seed

_SIMPLE = {
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "\u2035": "'", "`": "'",
    "\u02bc": "'", "\uff07": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"', "\uff02": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-", "\u2212": "-",
    "\ufe58": "-", "\ufe63": "-", "\uff0d": "-",
}


def _one_for_one(text: str) -> str:
    """Straighten quotes and dashes: one character for one, so offsets stay put.

    str.replace per character present is far faster than str.translate on long texts.
    """
    for char, plain in _SIMPLE.items():
        if char in text:
            text = text.replace(char, plain)
    return text
#: Every white-space character (and the zero-width space) becomes a plain space, one for one.
#: (Written out: every `str.isspace()` character up to U+3000 but the space; a test checks the list.)
WHITE_SPACE = "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
_SIMPLE.update(dict.fromkeys(WHITE_SPACE, " "))
_SIMPLE["\u200b"] = " "
#: The table itself, for the vote-statement reader, which folds text the same way.
ONE_FOR_ONE = _SIMPLE
#: `...` or `…` with the white space around it: what joins the parts of a quote. A match may not
#: start inside a run of blanks (only at its first blank, or on a non-blank), and blanks are taken
#: possessively, so a long run of blanks without an ellipsis costs its length once, not squared.
ELLIPSIS = re.compile(r"(?:(?<!\s)|(?!\s))\s*+(?:\.\.\.|\u2026)\s*+")
#: Below this similarity (0-100) no closest passage is suggested: it would mislead.
SUGGEST_FLOOR = 60.0
#: The closest-passage search reads at most this many characters of a quote: enough to place it,
#: and the cost of aligning grows faster than linearly with the quote's length.
CLOSEST_QUOTE_CHARS = 300
#: Seeds up to this many characters are aligned whole (a few milliseconds); in longer ones the
#: quote is aligned only where its 8-character pieces occur.
CLOSEST_FULL_CHARS = 200_000
_GRAM, _GRAMS, _GRAM_HITS, _CANDIDATES = 8, 24, 32, 4
#: A non-ASCII run, with the ASCII character before it: NFC never joins or reorders across an
#: ASCII character (none is the second of a composition), so each such piece is normalised alone.
_NON_ASCII = r"[\x00-\x7f]?[^\x00-\x7f]++"



#: How many later places of a quote are looked at for one that is a whole line.
_LINE_OCCURRENCES = 20


def _whole_line(text: str, start: int, end: int) -> bool:
    """The span is a line of its own, give or take spaces around it."""
    before = text.rfind("\n", 0, start)
    after = text.find("\n", end)
    return not text[before + 1:start].strip() and not text[end:len(text) if after < 0 else after].strip()


def _whole_line_occurrence(text: str, quote: str, first: int) -> int:
    """The first later place of the quote that is a whole line, or `first`: a bounded number of
    str.find calls, so a quote repeated across a huge seed costs no more than a few reads of it."""
    at = first
    for _ in range(_LINE_OCCURRENCES):
        at = text.find(quote, at + 1)
        if at < 0:
            break
        if _whole_line(text, at, at + len(quote)):
            return at
    return first

class _OffsetMap:
    """Where each offset of a rewritten text comes from in the text it was made from.

    The rewritten text is a sequence of pieces, each either copied one for one
    ("fixed") or a replacement of a stretch of the source (a run of spaces, an
    ellipsis, a composed character): offsets inside a replacement map to its
    start, and the end of a span inside one to its end.
    """

    __slots__ = ("starts", "origins", "fixed", "length", "source_length")

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.origins: list[int] = []
        self.fixed: list[bool] = []
        self.length = self.source_length = 0

    def add(self, start: int, origin: int, fixed: bool) -> None:
        self.starts.append(start)
        self.origins.append(origin)
        self.fixed.append(fixed)

    def original(self, offset: int) -> int:
        if offset >= self.length:
            return self.source_length
        i = bisect.bisect_right(self.starts, offset) - 1
        if i < 0:
            return 0
        if self.fixed[i]:
            return self.origins[i] + (offset - self.starts[i])
        return self.origins[i]

    def original_end(self, end: int) -> int:
        """The end in the source of a span that ends (exclusive) at `end` here."""
        if end <= 0:
            return self.original(0)
        if end > self.length:
            return self.source_length
        i = bisect.bisect_right(self.starts, end - 1) - 1
        if i < 0:
            return 0
        if self.fixed[i]:
            return self.origins[i] + (end - self.starts[i])
        return self.origins[i + 1] if i + 1 < len(self.origins) else self.source_length


def _rewrite(text: str, spans) -> tuple[str, _OffsetMap]:
    """`text` with each (start, end, replacement) of `spans` (in order) replaced, and the offset
    map back to `text`."""
    offsets = _OffsetMap()
    pieces: list[str] = []
    pos = length = 0
    for start, end, repl in spans:
        if start > pos:
            offsets.add(length, pos, True)
            pieces.append(text[pos:start])
            length += start - pos
        offsets.add(length, start, repl == text[start:end])
        pieces.append(repl)
        length += len(repl)
        pos = end
    if pos < len(text):
        offsets.add(length, pos, True)
        pieces.append(text[pos:])
        length += len(text) - pos
    offsets.length, offsets.source_length = length, len(text)
    return "".join(pieces), offsets


def _run_spans(text: str):
    """What changes length when normalised, in order: each run of two or more spaces (one space)
    and each `…` (`...`).

    Found with str.find, which runs at C speed: scanning a seed with a pattern in Python's regex
    engine is about a thousand times slower. Each character is looked at once: linear.
    """
    n = len(text)
    space = text.find("  ")
    dots = text.find("\u2026")
    while space >= 0 or dots >= 0:
        if dots < 0 or 0 <= space < dots:
            end = space + 2
            while end < n and text[end] == " ":
                end += 1
            yield space, end, " "
            space = text.find("  ", end)
        else:
            yield dots, dots + 1, "..."
            dots = text.find("\u2026", dots + 1)


def _fold_runs(text: str) -> str:
    """Runs of spaces folded to one, `…` written `...`."""
    if "  " not in text and "\u2026" not in text:
        return text
    return _rewrite(text, _run_spans(text))[0]


def _nfc(text: str) -> str:
    if text.isascii():
        return text
    import unicodedata  # a C module: loaded only for text beyond ASCII

    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


def _nfc_spans(text: str):
    """Each non-ASCII run with the character before it, composed (see _NON_ASCII)."""
    import unicodedata

    for match in re.finditer(_NON_ASCII, text):
        yield match.start(), match.end(), unicodedata.normalize("NFC", match.group())


def composed(text: str) -> tuple[str, _OffsetMap | None]:
    """The text in Unicode NFC, with the map of its offsets back to `text`; the map is None when
    the text already was NFC (nearly always: a seed saved decomposed is rare)."""
    if _nfc(text) is text:
        return text, None
    return _rewrite(text, _nfc_spans(text))


class NormalText:
    """A text in normal form, with a map from its offsets back to the original's."""

    def __init__(self, text: str):
        composed_text, self._nfc_map = composed(text)
        folded = _one_for_one(composed_text)
        self.text, self._map = _rewrite(folded, _run_spans(folded))

    def original(self, offset: int) -> int:
        """The offset in the original text where normal offset `offset` comes from."""
        at = self._map.original(offset)
        return self._nfc_map.original(at) if self._nfc_map is not None else at

    def original_end(self, end: int) -> int:
        """The end in the original text of a normal span ending (exclusive) at `end`."""
        at = self._map.original_end(end)
        return self._nfc_map.original_end(at) if self._nfc_map is not None else at

    @cached_property
    def folded(self) -> str | None:
        """Lower-cased text, when lower-casing keeps every offset (it nearly always does)."""
        low = self.text.lower()
        return low if len(low) == len(self.text) else None


#: Printable ASCII in words separated by single spaces. Possessive and of disjoint classes,
#: so a failed match costs the text's length once.
_PLAIN = re.compile(r"[\x21-\x7e]++(?: [\x21-\x7e]++)*+")


def normalise(text: str) -> str:
    """The normal form of a short text (a quote, a sentence, a member's name), without an offset map.

    Unicode NFC, quotes, apostrophes and dashes straightened, every white space a
    plain one and runs of them folded, `…` written `...`, ends stripped: the form
    in which seeds are searched, so that names and quotes compare as typed.
    """
    if _PLAIN.fullmatch(text):  # printable ASCII, single spaces: already normal
        return text
    return _fold_runs(_one_for_one(_nfc(text))).strip()


class Anchor:
    """Where a quote was found: offsets into the seed's text, and how.

    `parts` are the spans of the pieces a `...` joins (one span for a quote without a gap).
    """

    __slots__ = ("start", "end", "how", "line", "col", "parts")

    def __init__(self, start: int, end: int, how: str, line: int, col: int,
                 parts: tuple[tuple[int, int], ...] | None = None):
        self.start, self.end = start, end
        self.how = how  # "exact", "normalised" or "case"
        self.line, self.col = line, col
        self.parts = parts or ((start, end),)

    def __repr__(self) -> str:
        return f"Anchor({self.start}, {self.end}, {self.how!r}, line={self.line}, col={self.col})"


class SeedText:
    """A seed with its normal form built on first need, shared by every lookup."""

    def __init__(self, seed: Seed):
        self.seed = seed

    @cached_property
    def normal(self) -> NormalText:
        return NormalText(self.seed.text)

    @cached_property
    def paragraphs(self) -> Paragraphs:
        return Paragraphs(self.seed.text)

    @cached_property
    def line_hashes(self) -> frozenset[int]:
        """The hash of each of the seed's lines, stripped: a quote of one line stands somewhere as a
        whole line only if its stripped hash is one of them, so most quotes need no search for such
        a place (`find`). Hashes, not the lines: a set of the lines would hold the text again."""
        return frozenset(hash(line.strip()) for line in self.seed.text.split("\n"))

    @cached_property
    def folded(self) -> str:
        """The text with quotes, dashes and white space folded one character for one: offsets are
        the seed's own, so most retyped quotes are found here without building the normal form."""
        return _one_for_one(self.seed.text)

    def anchor(self, start: int, end: int, how: str, parts=None) -> Anchor:
        return Anchor(start, end, how, self.seed.line_of(start), self.seed.col_of(start), parts)

    def find(self, quote: str) -> Anchor | None:
        """The first place the quote stands in the seed, or None. A quote typed exactly that is
        a whole line somewhere (a heading such as "Russian resolution") is that line, though its
        words stand earlier inside a longer sentence."""
        text = self.seed.text
        at = text.find(quote)
        if at >= 0 and quote.strip():
            maybe_a_line = "\n" in quote or hash(quote.strip()) in self.line_hashes
            if maybe_a_line and not _whole_line(text, at, at + len(quote)):
                at = _whole_line_occurrence(text, quote, at)
            return self.anchor(at, at + len(quote), "exact")
        pieces = ELLIPSIS.split(quote)
        typed = [p for p in pieces if p]
        if len(pieces) > 1 and typed:  # parts joined by `...`, each typed exactly: no normal form needed
            spans = _find_parts(self.seed.text, typed)
            if spans is not None:
                return self.anchor(spans[0][0], spans[-1][1], "exact", tuple(spans))
        folded = [_one_for_one(p).strip() for p in pieces]
        folded = [p for p in folded if p]
        if folded and all(p.isascii() for p in folded):  # ASCII needs no NFC: the one-for-one fold is enough
            spans = _find_parts(self.folded, folded)
            if spans is not None:
                return self.anchor(spans[0][0], spans[-1][1], "normalised", tuple(spans))
        parts = [normalise(p) for p in pieces]
        parts = [p for p in parts if p]
        if not parts:
            return None
        normal = self.normal
        spans = _find_parts(normal.text, parts)
        how = "normalised"
        if spans is None and normal.folded is not None:
            spans = _find_parts(normal.folded, [p.lower() for p in parts])
            how = "case"
        if spans is None:
            return None
        mapped = tuple((normal.original(a), normal.original_end(b)) for a, b in spans)
        return self.anchor(mapped[0][0], mapped[-1][1], how, mapped)

    def closest(self, quote: str) -> tuple[float, int, str] | None:
        """The most similar passage: (similarity 0-100, seed line, passage), above the floor.

        Bounded cost: the quote is read up to `CLOSEST_QUOTE_CHARS`; a seed longer
        than `CLOSEST_FULL_CHARS` is aligned only around the places where pieces of
        the quote occur. The line is that of the first character the alignment
        matches, so a passage that the aligner let begin at the tail of the line
        before is still shown at its own line.
        """
        from rapidfuzz import fuzz  # only paid for when a quote is missing

        needle = _head(normalise(ELLIPSIS.sub(" ", quote)), CLOSEST_QUOTE_CHARS)
        if not needle:
            return None
        normal = self.normal
        hay = normal.text
        if len(hay) <= CLOSEST_FULL_CHARS:
            windows = [(0, len(hay))]
        else:
            windows = _candidate_windows(hay, needle)
        best = None
        for low, high in windows:
            found = fuzz.partial_ratio_alignment(needle, hay[low:high], score_cutoff=SUGGEST_FLOOR)
            if found is not None and (best is None or found.score > best[0]):
                best = (found.score, low + found.dest_start, low + found.dest_end)
        if best is None:
            return None
        score, start, end = best
        start, end = _matched(needle, hay, start, end)
        text = self.seed.text
        start, end = normal.original(start), normal.original_end(end)
        while start < end and text[start].isspace():
            start += 1
        while start > 0 and text[start - 1].isalnum():  # show whole words
            start -= 1
        while end < len(text) and not text[end].isspace():
            end += 1
        return score, self.seed.line_of(start), text[start:end].rstrip()


def _head(text: str, most: int) -> str:
    """The text up to `most` characters, cut at a space when one falls in its second half."""
    if len(text) <= most:
        return text
    cut = text.rfind(" ", most // 2, most)
    return text[:cut] if cut > 0 else text[:most]


def _candidate_windows(hay: str, needle: str) -> list[tuple[int, int]]:
    """Stretches of a long text where the needle may stand: where its 8-character pieces occur.

    Each piece found at most `_GRAM_HITS` times votes for the place the needle
    would start; the `_CANDIDATES` places with most votes give windows three
    needles wide. Pieces found more often than that say nothing and are skipped.
    """
    size = len(needle)
    gram = min(_GRAM, size)
    step = max(1, (size - gram) // (_GRAMS - 1))
    votes: Counter[int] = Counter()
    for offset in range(0, size - gram + 1, step):
        piece = needle[offset:offset + gram]
        if piece.isspace():
            continue
        hits = []
        at = hay.find(piece)
        while at >= 0 and len(hits) <= _GRAM_HITS:
            hits.append(at)
            at = hay.find(piece, at + 1)
        if len(hits) > _GRAM_HITS:
            continue
        for at in hits:
            votes[max(at - offset, 0) // size] += 1
    windows = []
    for bucket, _ in votes.most_common(_CANDIDATES):
        windows.append((max(0, (bucket - 1) * size), min(len(hay), (bucket + 2) * size)))
    return windows


def _matched(needle: str, hay: str, start: int, end: int) -> tuple[int, int]:
    """The part of hay[start:end] that the alignment with the needle actually matches."""
    from rapidfuzz.distance import Indel

    blocks = [op for op in Indel.opcodes(needle, hay[start:end])
              if op.tag == "equal" and not hay[start + op.dest_start:start + op.dest_end].isspace()]
    if not blocks:
        return start, end
    return start + blocks[0].dest_start, start + blocks[-1].dest_end


def _find_parts(haystack: str, parts: list[str]) -> list[tuple[int, int]] | None:
    """Where the parts stand in this order, one span each, or None."""
    if not parts:
        return None
    pos = 0
    spans = []
    for part in parts:
        at = haystack.find(part, pos)
        if at < 0:
            return None
        pos = at + len(part)
        spans.append((at, pos))
    return spans


# --- sentences -----------------------------------------------------------------------------------

_ABBREVIATIONS = frozenset(
    "mr mrs ms dr st sen rep gen lt col gov jr sr no vs etc inc corp co jan feb mar apr jun jul aug "
    "sep sept oct nov dec".split())
#: A sentence end: the mark, closing quotes or brackets, blanks, then what opens a sentence.
#: Possessive, so a long run of blanks or brackets is read once. ASCII only: it is matched on a
#: copy of the line where curly quotes stand as brackets (see `_BRACKETED`), since a class with
#: characters beyond Latin-1 costs Python's compiler half a millisecond in every run.
#: A footnote's number run on to the mark after a word ("... were committed.2 Nonetheless, ...", as
#: journals print them) ends the sentence too, the number with it: after a letter only, so "2.5 The"
#: and "No.5" are not ends.
_BOUNDARY = re.compile(r"[.!?][\"')\]]*+\s++(?=[\"'(\[]?[A-Z0-9])"
                       r"|(?<=[a-z])[.!?][\"')\]]*+[0-9]{1,3}\s++(?=[\"'(\[]?[A-Z])")
#: The same, and a page's line-break tags, for a line that holds a "<" at all.
_BOUNDARY_TAGS = re.compile(_BOUNDARY.pattern + r"|<(?:[bB][rR] ?/?|/?[pP])>")
#: Curly quotes as the brackets they act as at a sentence end, one character for one: a closing
#: one closes like ")" and is never an opening one, and the other way round.
_BRACKETED = (("\u201d", ")"), ("\u2019", ")"), ("\u201c", "("), ("\u2018", "("))
_WORD_BEFORE = re.compile(r"([A-Za-z.]+)$")


class Sentence:
    """A sentence of a seed: its offsets and text."""

    __slots__ = ("start", "end", "text")

    def __init__(self, start: int, end: int, text: str):
        self.start, self.end, self.text = start, end, text


_INITIALS = re.compile(r"(?:[A-Za-z]\.)*[A-Za-z]")


#: What may follow a sentence's full stop: closing quotes and brackets.
_CLOSING = "\"')]\u201d\u2019"
#: A text is hard-wrapped when at least this many of its lines run straight on into the next
#: (no blank line between) and at least half of those lines do not end a sentence.
WRAPPED_PAIRS = 5
#: In a hard-wrapped text, a line shorter than this share of the median length of the lines that
#: run on ends its paragraph all the same: a headline, a byline, a date.
SHORT_LINE = 0.5


class Paragraphs:
    """The paragraphs of a text: its lines, joined where a sentence runs on across a line break.

    A break between two non-blank lines is soft (the paragraph runs on) when the next line
    starts in lower case; when the line ends with a comma, a semicolon or a colon (a clause, a
    list or a quotation goes on); or, in a hard-wrapped text (an e-mail, a wire feed cut at 72
    columns), when the line does not end a sentence and the next is no bulleted item ("- ..."). Elsewhere every line is a paragraph, as
    articles are written. Each paragraph is found once, when first asked for, so the cost stays
    linear in the text however many offsets are asked about.
    """

    def __init__(self, text: str):
        self.text = text
        self._wrapped: bool | None = None
        self._short = 0  # set with `wrapped`
        self._of_line: dict[int, tuple[int, int]] = {}  # a line's start -> its paragraph
        self._split: dict[int, list[Sentence]] = {}  # a paragraph's start -> its sentences

    def around(self, offset: int) -> tuple[int, int]:
        """The paragraph holding `offset`: (start, end), the end at its last line break (a line
        break belongs to the line it ends)."""
        text = self.text
        line = text.rfind("\n", 0, offset) + 1
        found = self._of_line.get(line)
        if found is not None:
            return found
        lines = [line]
        start = line
        while start > 0 and self._soft(start - 1):
            start = text.rfind("\n", 0, start - 1) + 1
            lines.append(start)
        end = text.find("\n", offset)
        end = len(text) if end < 0 else end
        while end < len(text) and self._soft(end):
            lines.append(end + 1)
            following = text.find("\n", end + 1)
            end = len(text) if following < 0 else following
        for at in lines:
            self._of_line[at] = (start, end)
        return start, end

    def sentences_around(self, offset: int) -> list[Sentence]:
        """The sentences of the paragraph holding `offset`, split once for every caller."""
        return self.sentences_of(*self.around(offset))

    def sentence_before(self, offset: int) -> Sentence | None:
        """The sentence before the one starting at `offset`: in its paragraph, else the last of the
        paragraph before it (past blank lines, looked for at most 200 characters back)."""
        for sentence in reversed(self.sentences_around(offset)):
            if sentence.end <= offset:
                return sentence
        k = self.around(offset)[0] - 1
        stop = max(-1, k - 200)
        while k > stop and self.text[k].isspace():
            k -= 1
        if k <= stop:
            return None
        found = self.sentences_around(k)
        return found[-1] if found else None

    def sentences_of(self, start: int, end: int) -> list[Sentence]:
        """The sentences of the paragraph text[start:end] (as `around` gives it), split once."""
        found = self._split.get(start)
        if found is None:
            found = self._split[start] = []
            line_sentences(self.text[start:end], start, found)
        return found

    def _soft(self, newline: int) -> bool:
        """Whether the line break at `newline` lets the sentence run on into the next line."""
        text = self.text
        before = newline - 1
        while before >= 0 and text[before] in " \t\r":
            before -= 1
        if before < 0 or text[before] == "\n":
            return False  # the line before is blank
        after = newline + 1
        while after < len(text) and text[after] in " \t\r":
            after += 1
        if after == len(text) or text[after] == "\n":
            return False  # the line after is blank
        if text[after].islower() or text[before] in ",;:":
            return True
        if text[after] in "-*\u2022\u2013\u2014" and after + 1 < len(text) and text[after + 1] in " \t":
            return False  # a bulleted line is an item of its own, even in a hard-wrapped text
        if not self.wrapped or _ends_sentence_at(text, before):
            return False
        # a line far shorter than the text's lines that run on is a headline, a byline or a date, not
        # a line the wrap cut ("Sat, 01 Oct 2022 06:18 AM" over the first sentence)
        line = text.rfind("\n", 0, before) + 1
        while text[line] in " \t":
            line += 1
        return before + 1 - line >= self._short

    @property
    def wrapped(self) -> bool:
        """Whether the text is hard-wrapped (see WRAPPED_PAIRS); counted once, when first needed."""
        if self._wrapped is None:
            pairs = 0
            widths = []  # the lengths of the lines that run on
            previous = ""
            for line in self.text.split("\n"):
                body = line.strip()
                if body and previous:
                    pairs += 1
                    if not _ends_sentence_at(previous, len(previous) - 1):
                        widths.append(len(previous))
                previous = body
            self._wrapped = pairs >= WRAPPED_PAIRS and 2 * len(widths) >= pairs
            widths.sort()
            self._short = int(widths[len(widths) // 2] * SHORT_LINE) if widths else 0
        return self._wrapped


def _ends_sentence_at(text: str, last: int) -> bool:
    """Whether text[last] ends a sentence: a full stop (or ! ?), maybe with closing quotes after it."""
    while last >= 0 and text[last] in _CLOSING:
        last -= 1
    return last >= 0 and text[last] in ".!?"


def sentences(text: str, paragraphs: Paragraphs | None = None) -> list[Sentence]:
    """Split a text into sentences, one paragraph at a time, keeping offsets."""
    paragraphs = paragraphs or Paragraphs(text)
    out: list[Sentence] = []
    pos = 0
    while pos <= len(text):
        start, end = paragraphs.around(pos)
        out += paragraphs.sentences_of(start, end)
        pos = end + 1
    return out


def sentences_at(text: str, offsets: list[int], paragraphs: Paragraphs | None = None) -> list[Sentence]:
    """The sentences that hold one of the sorted `offsets`, in order, each once.

    Only the paragraphs holding an offset are split, each once, whatever its length.
    """
    paragraphs = paragraphs or Paragraphs(text)
    out: list[Sentence] = []
    done = -1  # the end of the last paragraph split
    for at in offsets:
        if at < done:
            continue
        start, done = paragraphs.around(at)
        out += paragraphs.sentences_of(start, done)
    found: list[Sentence] = []
    k = 0
    for sentence in out:  # both in order: one pass
        while k < len(offsets) and offsets[k] < sentence.start:
            k += 1
        if k < len(offsets) and offsets[k] < sentence.end:
            found.append(sentence)
    return found


def line_sentences(line: str, line_start: int, out: list[Sentence]) -> None:
    """Append the sentences of one line (paragraph) that starts at offset `line_start`."""
    if not line.strip():
        return
    begin = 0
    probe = line
    if not line.isascii():
        for curly, bracket in _BRACKETED:
            probe = probe.replace(curly, bracket)
    for match in (_BOUNDARY_TAGS if "<" in probe else _BOUNDARY).finditer(probe):
        if probe[match.start()] == "<":  # a page's line-break tag ("<br />", "<p>") pasted with its text
            _append(out, line, line_start, begin, match.start())
            begin = match.end()
            continue
        # the word before the full stop; a short slice keeps the `$` search from rescanning the line
        word = _WORD_BEFORE.search(line[max(0, match.start() - 40):match.start()])
        # a quotation closed after the full stop ends the sentence, whatever the word ('voted "no." Three ...')
        if word and probe[match.start() + 1:match.start() + 2] not in ('"', "'", ")"):
            token = word.group(1)
            # U.N., U.S. and the like, or Sept., Mr.: not the end of a sentence; "No." only before a
            # number ("No. 5"), not in "Russia voted no. Angola abstained"
            abbreviation = token.lower().rstrip(".")
            numbered = probe[match.end():match.end() + 1].isdigit() or probe[match.start() + 1].isdigit()
            if (_INITIALS.fullmatch(token) and not _opens_sentence(probe, match.end())) or (
                    abbreviation in _ABBREVIATIONS and (abbreviation != "no" or numbered)):
                continue
        # the closing quotes and brackets after the full stop belong to the sentence they close
        close = match.start() + 1
        while probe[close] in _CLOSING:
            close += 1
        while probe[close].isdigit():  # a footnote's number ends the sentence it is printed after
            close += 1
        _append(out, line, line_start, begin, close)
        begin = match.end()
    _append(out, line, line_start, begin, len(line))


#: Words that open a sentence and no name: after "U.S." they start the next sentence ("... and the U.S.
#: The technique of ..."), where "U.S. President" and "U.N. Security Council" go on.
_OPENERS = frozenset({"The", "It", "This", "That", "These", "Those", "He", "She", "They", "We", "But", "Its",
                      "Their", "His", "Her", "However", "Meanwhile", "There", "Such", "Yet"})


def _opens_sentence(text: str, at: int) -> bool:
    """Whether the word at `at` is one that opens a sentence (`_OPENERS`)."""
    end = at
    while end < len(text) and text[end].isalpha() and end - at < 10:
        end += 1
    return text[at:end] in _OPENERS and not text[end:end + 1].isalpha()


def _append(out: list[Sentence], line: str, line_start: int, begin: int, end: int) -> None:
    piece = line[begin:end]
    stripped = piece.strip()
    if stripped:
        lead = len(piece) - len(piece.lstrip())
        start = line_start + begin + lead
        out.append(Sentence(start, start + len(stripped), stripped))
