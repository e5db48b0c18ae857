"""The seeds are covered: each sentence of the seeds that reports a Council vote, veto or draft
is cited by a record or named by an ignore entry (with its reason), so the dataset cannot
quietly leave out what the articles say. A sentence reprinted in another seed counts as
covered once its first appearance is. A sentence whose vote words only name a text, a time or
the veto as a power ("The resolution calls for a ceasefire", "He spoke after the vote") reports
something only when the reader finds a statement in it (votes.establish)."""

from __future__ import annotations

import re
from typing import Iterator

from ..facts import RECORDS, Facts
from ..problems import ERROR, WARNING, Code, Problem
from .anchoring import placement_problems

NAME = "seed coverage"
CODES = (
    Code("seed-uncovered", WARNING, "a seed sentence reporting a Council vote, veto or draft that no record cites "
         "and no ignore entry names"),
    Code("ignore-not-found", ERROR, "an ignore entry whose quote is not in its seed"),
)
#: With records that did not load, every sentence would be uncovered, burying the one error that matters.
NEEDS = (RECORDS,)


def check(facts: Facts) -> Iterator[Problem]:
    """Every seed sentence that reports a vote, veto or draft is cited or ignored; every ignore
    entry's quote is in its seed."""
    project = facts.project
    for entry, placed in facts.ignores:
        yield from placement_problems(facts, placed, entry.loc, entry.quote_loc, "", subject=f"ignore[{entry.index}]",
                                      missing="ignore-not-found")
    for name, text, sentence in facts.uncovered:
        whole = " ".join(sentence.text.split())  # in full, on one line: quotes match across line breaks
        yield Problem("seed-uncovered", f"reports a Council vote, veto or draft that no record cites: {whole!r}",
                      project.seed_display(name), text.seed.line_of(sentence.start), text.seed.col_of(sentence.start),
                      None, None, "cite it as evidence in a record, or add an ignore entry with the reason; "
                      "the entries below are ready to paste and fill in",
                      f"seed {name}", uncovered_stubs(name, whole))


def uncovered_stubs(seed: str, quote: str) -> dict[str, str]:
    """An evidence entry and an ignore entry for a sentence, as one-line YAML to paste.

    Left incomplete on purpose: `supports: [TODO]` and the empty `reason: ""` are errors until filled in
    (between the quotes, so that a comma in the reason stays in it).
    """
    import json  # a JSON string is a valid YAML double-quoted scalar

    seed_text = seed if re.fullmatch(r"[\w.-]+(?:/[\w.-]+)*", seed) else json.dumps(seed, ensure_ascii=False)
    quoted = json.dumps(quote, ensure_ascii=False)
    return {"evidence": f"- {{seed: {seed_text}, quote: {quoted}, supports: [TODO]}}",
            "ignore": f'- {{seed: {seed_text}, quote: {quoted}, reason: ""}}'}
