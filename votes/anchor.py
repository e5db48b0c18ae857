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
from dataclasses import dataclass
from functools import cached_property

from .read import Seed

_SIMPLE = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "`": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-", "\u2212": "-",
})
#: Runs that change length when normalised: white space (folded to one space) and the ellipsis.
_RUNS = re.compile(r"[\s\u00a0\u2000-\u200b\u202f\u205f\u3000]+|\u2026")
ELLIPSIS = re.compile(r"\s*(?:\.\.\.|\u2026)\s*")
#: Below this similarity (0-100) no closest passage is suggested: it would mislead.
SUGGEST_FLOOR = 60.0


class NormalText:
    """A text in normal form, with a map from its offsets back to the original's."""

    def __init__(self, text: str):
        pieces: list[str] = []
        self._norm_starts: list[int] = []
        self._orig_starts: list[int] = []
        self._fixed: list[bool] = []  # True where a piece maps one-to-one
        pos = norm_len = 0
        for match in _RUNS.finditer(text):
            if match.start() > pos:
                self._add(norm_len, pos, True)
                chunk = text[pos:match.start()].translate(_SIMPLE)
                pieces.append(chunk)
                norm_len += len(chunk)
            repl = "..." if match.group() == "\u2026" else " "
            self._add(norm_len, match.start(), False)
            pieces.append(repl)
            norm_len += len(repl)
            pos = match.end()
        if pos < len(text):
            self._add(norm_len, pos, True)
            pieces.append(text[pos:].translate(_SIMPLE))
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


def normalise(text: str) -> str:
    return NormalText(text).text.strip()


@dataclass(frozen=True, slots=True)
class Anchor:
    """Where a quote was found: offsets into the seed's text, and how."""

    start: int
    end: int
    how: str  # "exact", "normalised" or "case"
    line: int
    col: int


class SeedText:
    """A seed with its normal form built on first need, shared by every lookup."""

    def __init__(self, seed: Seed):
        self.seed = seed

    @cached_property
    def normal(self) -> NormalText:
        return NormalText(self.seed.text)

    def anchor(self, start: int, end: int, how: str) -> Anchor:
        return Anchor(start, end, how, self.seed.line_of(start), self.seed.col_of(start))

    def find(self, quote: str) -> Anchor | None:
        """The first place the quote stands in the seed, or None."""
        at = self.seed.text.find(quote)
        if at >= 0 and quote.strip():
            return self.anchor(at, at + len(quote), "exact")
        parts = [normalise(p) for p in ELLIPSIS.split(quote)]
        parts = [p for p in parts if p]
        if not parts:
            return None
        normal = self.normal
        span = _find_parts(normal.text, parts)
        how = "normalised"
        if span is None and normal.folded is not None:
            span = _find_parts(normal.folded, [p.lower() for p in parts])
            how = "case"
        if span is None:
            return None
        return self.anchor(normal.original(span[0]), normal.original(span[1] - 1) + 1, how)

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


def _find_parts(haystack: str, parts: list[str]) -> tuple[int, int] | None:
    pos = 0
    first = None
    for part in parts:
        at = haystack.find(part, pos)
        if at < 0:
            return None
        if first is None:
            first = at
        pos = at + len(part)
    return first, pos


# --- sentences -----------------------------------------------------------------------------------

_ABBREVIATIONS = frozenset(
    "mr mrs ms dr st sen rep gen lt col gov jr sr no vs etc inc corp co jan feb mar apr jun jul aug "
    "sep sept oct nov dec".split())
_BOUNDARY = re.compile(r"[.!?][\"'\u201d\u2019)\]]*\s+(?=[\"'\u201c\u2018(\[]?[A-Z0-9])")
_WORD_BEFORE = re.compile(r"([A-Za-z.]+)$")


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str


def sentences(text: str) -> list[Sentence]:
    """Split a seed into sentences, one paragraph (line) at a time, keeping offsets."""
    out: list[Sentence] = []
    pos = 0
    for line in text.split("\n"):
        line_start = pos
        pos += len(line) + 1
        if not line.strip():
            continue
        begin = 0
        for match in _BOUNDARY.finditer(line):
            word = _WORD_BEFORE.search(line, 0, match.start())
            if word:
                token = word.group(1)
                # U.N., U.S. and the like, or Sept., Mr.: not the end of a sentence
                if re.fullmatch(r"(?:[A-Za-z]\.)*[A-Za-z]", token) or token.lower().rstrip(".") in _ABBREVIATIONS:
                    continue
            end = match.start() + 1
            _append(out, line, line_start, begin, end)
            begin = match.end()
        _append(out, line, line_start, begin, len(line))
    return out


def _append(out: list[Sentence], line: str, line_start: int, begin: int, end: int) -> None:
    piece = line[begin:end]
    stripped = piece.strip()
    if stripped:
        lead = len(piece) - len(piece.lstrip())
        start = line_start + begin + lead
        out.append(Sentence(start, start + len(stripped), stripped))
