"""A quote starts and ends on word boundaries ('supported' is not cut out of 'unsupported'), and
a '...' gap drops no word that changes what the words around it say."""

from __future__ import annotations

import re
from typing import Iterator

from ..facts import Facts
from ..problems import ERROR, Code, Problem
from ..reader import fold

NAME = "quote edges"
CODES = (
    Code("quote-word-cut", ERROR, "a quote that begins or ends inside a word ('supported' out of 'unsupported')"),
    Code("quote-gap-drops", ERROR, "a '...' in a quote leaves out a negation, a modal or a speaker ('not', "
         "'would', 'said')"),
)
NEEDS = ()
#: Words a `...` gap may not drop: they change what the words around them say.
GAP_WORDS = frozenset({"not", "never", "n't", "no", "nor", "neither", "without", "refused", "declined", "failed",
                       "would", "could", "may", "might", "will", "shall", "should", "must", "can", "cannot",
                       "expected", "likely", "threatened", "threatens", "plans", "intends", "if", "unless",
                       "said", "says", "told", "according", "t"})
#: Words of a gap, hyphenated compounds whole ("no-fly" is no negation). Each `-` must be followed
#: by a letter, so a word is matched one way only: linear.
_GAP_TOKEN = r"[a-z']+(?:-[a-z']+)*"
_CLOSERS = "\"'\u201d\u2019)"


def check(facts: Facts) -> Iterator[Problem]:
    path = facts.project.records.path
    for check_ in facts.checked():
        draft = check_.draft
        for ev in draft.evidence:
            anchor = check_.anchors.get(ev.index)
            if anchor is None:
                continue
            loc = ev.quote_loc or ev.loc
            for code, message, hint in edge_problems(check_.placements[ev.index].text.seed.text, anchor.parts,
                                                     f"({anchor.line}:{anchor.col})"):
                yield Problem(code, message, path, loc.line, loc.col, draft.id, f"evidence[{ev.index}].quote", hint)


def edge_problems(seed: str, parts: list[tuple[int, int]], where: str) -> Iterator[tuple[str, str, str]]:
    """(code, message, hint) for a quote standing at `parts` of the seed's text."""
    for start, end in parts:
        if start > 0 and _joined(seed, start) and seed[start].isalnum():
            word = _word_around(seed, start)
            yield ("quote-word-cut", f"the quote begins inside the word {word!r} {where}",
                   f"quote whole words: start at {word!r}")
            break
        if end < len(seed) and seed[end - 1].isalnum() and _joined(seed, end):
            word = _word_around(seed, end - 1)
            yield "quote-word-cut", f"the quote ends inside the word {word!r}", f"quote whole words: end at {word!r}"
            break
    for (_, gap_start), (gap_end, _) in zip(parts, parts[1:]):
        if ends_sentence(seed, gap_start, gap_end):
            continue  # a gap between sentences joins them; each is read whole
        gap = fold(seed[gap_start:gap_end]).lower().replace("n't", " n't ")
        dropped = [w for w in re.findall(_GAP_TOKEN, gap) if w in GAP_WORDS]
        if dropped:
            yield ("quote-gap-drops", f"a '...' in the quote leaves out {dropped[0]!r}, which changes what the "
                   f"words around it say", "quote the words the gap skips, or cut the quote before them")


def _joined(seed: str, at: int) -> bool:
    """Whether the letters or digits at `at - 1` and `at` belong to one word: not where a lower-case
    letter meets a capital, as where a page's heading runs into its first sentence with the line
    break lost ("... Another's SovereigntyA veto by China ...")."""
    before, after = seed[at - 1], seed[at]
    return before.isalnum() and after.isalnum() and not (before.islower() and after.isupper())


def ends_sentence(text: str, start: int, end: int) -> bool:
    """Whether a sentence ends inside text[start:end]: a line break, or a full stop (or ! ?),
    maybe a closing quote or bracket, then a space. Each mark is looked at once: linear."""
    if text.find("\n", start, end) >= 0:
        return True
    for mark in ".!?":
        at = text.find(mark, start, end)
        while at >= 0:
            after = at + 1
            if after < end and text[after] in _CLOSERS:
                after += 1
            if after < end and text[after] == " ":
                return True
            at = text.find(mark, at + 1, end)
    return False


def _word_around(text: str, at: int) -> str:
    start, end = at, at + 1
    while start > 0 and text[start - 1].isalnum():
        start -= 1
    while end < len(text) and text[end].isalnum():
        end += 1
    return text[start:end][:40]
