"""The checks of `votes validate`, one module each, run in the order of `REGISTRY`.

Each check module holds:

- `NAME`: what it checks, in a few words (the summary says which checks a broken file stopped);
- `CODES`: the problem codes it can raise, each a `votes.problems.Code` with its severity,
  meaning and what it stops;
- `NEEDS`: what must have loaded whole for it to run: a file (`votes.facts.RECORDS`,
  `COUNCIL`, `MANIFEST`), whose errors stop the check, and `DRAFT_FACTS`, which says that its
  problems about a draft whose facts did not load whole follow from that load problem and
  are folded into it;
- `check(facts)`: a pure function that reads the established facts (votes.facts) and yields
  `Problem`s. It reads nothing else and leaves nothing behind.

Adding a check is one new module and one line in `REGISTRY` (docs/architecture.md walks
through one).
"""

from __future__ import annotations

from . import (
    anchoring, consistency, contradictions, coverage, drift, duplicates, evidence_dates, identity, quote_edges, review,
    support, unbacked,
)

#: The checks, in the order they run and the catalogue lists their codes.
REGISTRY = (anchoring, quote_edges, support, contradictions, identity, evidence_dates, consistency, unbacked,
            duplicates, coverage, drift, review)


def catalogue() -> dict:
    """Every problem code, by name, with its declaration: the loader's, each check's in registry order,
    then those of imported files."""
    from .. import read, schema, sourced

    codes = [*read.CODES, *schema.CODES]
    for check in REGISTRY:
        codes += check.CODES
    codes += sourced.CODES
    return {code.name: code for code in codes}
