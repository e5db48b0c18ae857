"""Finding quotes in seeds, and the sentences of a seed.

A quote is looked up exactly first; then both sides are normalised the way
people retype text (curly and straight quotes, dashes, non-breaking and
repeated spaces, the ellipsis character), with offsets mapped back to the
seed's own text so every match has a true line and column. `...` inside a
quote joins parts that must appear in that order.
"""

from __future__ import annotations

import bisect
import re
from functools import cached_property

from .read import Seed

_SIMPLE = {
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "`": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-", "\u2212": "-",
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
_SIMPLE.update({chr(c): " " for c in range(0x3000 + 1) if chr(c).isspace() and c != 0x20})
_SIMPLE["\u200b"] = " "
#: What changes length when normalised: runs of spaces (folded to one) and the ellipsis.
_RUNS = re.compile(r" {2,}|\u2026")
ELLIPSIS = re.compile(r"\s*(?:\.\.\.|\u2026)\s*")
#: Below this similarity (0-100) no closest passage is suggested: it would mislead.
SUGGEST_FLOOR = 60.0


class NormalText:
    """A text in normal form, with a map from its offsets back to the original's."""

    def __init__(self, text: str):
        self._norm_starts: list[int] = []
        self._orig_starts: list[int] = []
        self._fixed: list[bool] = []  # True where a piece maps one-to-one
        mapped = _one_for_one(text)
        pieces: list[str] = []
        pos = norm_len = 0
        for match in _RUNS.finditer(mapped):
            if match.start() > pos:
                self._add(norm_len, pos, True)
                pieces.append(mapped[pos:match.start()])
                norm_len += match.start() - pos
            repl = "..." if match.group() == "\u2026" else " "
            self._add(norm_len, match.start(), False)
            pieces.append(repl)
            norm_len += len(repl)
            pos = match.end()
        if pos < len(mapped):
            self._add(norm_len, pos, True)
            pieces.append(mapped[pos:])
        self.text = "".join(pieces)
        self._orig_len = len(text)

    def _add(self, norm: int, orig: int, fixed: bool) -> None:
        self._norm_starts.append(norm)
        self._orig_starts.append(orig)
        self._fixed.append(fixed)

    def original(self, offset: int) -> int:
        """The offset in the original text where normal offset `offset` comes from."""
        if offset >= len(self.text):
            return self._orig_len
        i = bisect.bisect_right(self._norm_starts, offset) - 1
        if i < 0:
            return 0
        if self._fixed[i]:
            return self._orig_starts[i] + (offset - self._norm_starts[i])
        return self._orig_starts[i]

    @cached_property
    def folded(self) -> str | None:
        """Lower-cased text, when lower-casing keeps every offset (it nearly always does)."""
        low = self.text.lower()
        return low if len(low) == len(self.text) else None


_PLAIN = re.compile(r"[\x21-\x7e]+(?: [\x21-\x7e]+)*")


def normalise(text: str) -> str:
    """The normal form of a short text (a quote, a sentence), without an offset map."""
    if _PLAIN.fullmatch(text):  # printable ASCII, single spaces: already normal
        return text
    return _RUNS.sub(lambda m: "..." if m.group() == "\u2026" else " ", _one_for_one(text)).strip()


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

    def anchor(self, start: int, end: int, how: str, parts=None) -> Anchor:
        return Anchor(start, end, how, self.seed.line_of(start), self.seed.col_of(start), parts)

    def find(self, quote: str) -> Anchor | None:
        """The first place the quote stands in the seed, or None."""
        at = self.seed.text.find(quote)
        if at >= 0 and quote.strip():
            return self.anchor(at, at + len(quote), "exact")
        pieces = ELLIPSIS.split(quote)
        typed = [p for p in pieces if p]
        if len(pieces) > 1 and typed:  # parts joined by `...`, each typed exactly: no normal form needed
            spans = _find_parts(self.seed.text, typed)
            if spans is not None:
                return self.anchor(spans[0][0], spans[-1][1], "exact", tuple(spans))
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
        mapped = tuple((normal.original(a), normal.original(b - 1) + 1) for a, b in spans)
        return self.anchor(mapped[0][0], mapped[-1][1], how, mapped)

    def closest(self, quote: str) -> tuple[float, int, str] | None:
        """The most similar passage: (similarity 0-100, seed line, passage), above the floor."""
        from rapidfuzz import fuzz  # only paid for when a quote is missing

        needle = normalise(ELLIPSIS.sub(" ", quote))
        if not needle:
            return None
        found = fuzz.partial_ratio_alignment(needle, self.normal.text, score_cutoff=SUGGEST_FLOOR)
        if found is None:
            return None
        start = self.normal.original(found.dest_start)
        end = self.normal.original(max(found.dest_end - 1, found.dest_start)) + 1
        text = self.seed.text
        while start < end and text[start].isspace():  # the alignment may begin on a line break
            start += 1
        while end < len(text) and not text[end].isspace():  # show whole words
            end += 1
        return found.score, self.seed.line_of(start), text[start:end].rstrip()


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
_BOUNDARY = re.compile(r"[.!?][\"'\u201d\u2019)\]]*\s+(?=[\"'\u201c\u2018(\[]?[A-Z0-9])")
_WORD_BEFORE = re.compile(r"([A-Za-z.]+)$")


class Sentence:
    """A sentence of a seed: its offsets and text."""

    __slots__ = ("start", "end", "text")

    def __init__(self, start: int, end: int, text: str):
        self.start, self.end, self.text = start, end, text


_INITIALS = re.compile(r"(?:[A-Za-z]\.)*[A-Za-z]")


def sentences(text: str) -> list[Sentence]:
    """Split a text into sentences, one paragraph (line) at a time, keeping offsets."""
    out: list[Sentence] = []
    pos = 0
    for line in text.split("\n"):
        line_sentences(line, pos, out)
        pos += len(line) + 1
    return out


def sentences_matching(text: str, stems: tuple[str, ...], pattern: re.Pattern) -> list[Sentence]:
    """The sentences that `pattern` matches, found fast: only lines holding one of the
    lower-case `stems` are split (str.find runs at C speed; the regex then confirms)."""
    low = text.lower()
    if len(low) != len(text):  # a rare letter whose lower case is longer: offsets would drift
        return [s for s in sentences(text) if pattern.search(s.text)]
    starts = set()
    for stem in stems:
        at = low.find(stem)
        while at >= 0:
            starts.add(low.rfind("\n", 0, at) + 1)
            at = low.find(stem, at + len(stem))
    out: list[Sentence] = []
    for start in sorted(starts):
        end = text.find("\n", start)
        line_sentences(text[start:] if end < 0 else text[start:end], start, out)
    return [s for s in out if pattern.search(s.text)]


def line_sentences(line: str, line_start: int, out: list[Sentence]) -> None:
    """Append the sentences of one line (paragraph) that starts at offset `line_start`."""
    if not line.strip():
        return
    begin = 0
    for match in _BOUNDARY.finditer(line):
        # the word before the full stop; a short slice keeps the `$` search from rescanning the line
        word = _WORD_BEFORE.search(line[max(0, match.start() - 40):match.start()])
        if word:
            token = word.group(1)
            # U.N., U.S. and the like, or Sept., Mr.: not the end of a sentence
            if _INITIALS.fullmatch(token) or token.lower().rstrip(".") in _ABBREVIATIONS:
                continue
        _append(out, line, line_start, begin, match.start() + 1)
        begin = match.end()
    _append(out, line, line_start, begin, len(line))


def _append(out: list[Sentence], line: str, line_start: int, begin: int, end: int) -> None:
    piece = line[begin:end]
    stripped = piece.strip()
    if stripped:
        lead = len(piece) - len(piece.lstrip())
        start = line_start + begin + lead
        out.append(Sentence(start, start + len(stripped), stripped))
