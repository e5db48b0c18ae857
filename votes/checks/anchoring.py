"""Each quote is in its seed: the seed path names a file inside the seeds folder, and the quote
is found in it, exactly or after normalising what people retype differently."""

from __future__ import annotations

from typing import Iterator

from ..facts import Facts, Placement
from ..model import Loc
from ..problems import ERROR, WARNING, Code, Problem

NAME = "quotes in their seeds"
CODES = (
    Code("seed-path-outside", ERROR, "an evidence seed path that is no safe name inside seeds/ (absolute, '..', a "
         "link out or in a loop, a NUL)"),
    Code("seed-not-found", ERROR, "an evidence seed that is not a file in seeds/"),
    Code("quote-not-found", ERROR, "a quote that is not in its seed, even after normalising"),
    Code("quote-case", WARNING, "a quote found only when letter case is ignored"),
)
NEEDS = ()


def check(facts: Facts) -> Iterator[Problem]:
    for check_ in facts.checked():
        for ev in check_.draft.evidence:
            placed = check_.placements.get(ev.index)
            if placed is not None:
                yield from placement_problems(facts, placed, ev.loc, ev.quote_loc or ev.loc, f"evidence[{ev.index}].",
                                              draft=check_.draft.id)


def placement_problems(facts: Facts, placed: Placement, seed_loc: Loc, quote_loc: Loc, prefix: str, *,
                       draft: str | None = None, subject: str | None = None,
                       missing: str = "quote-not-found") -> Iterator[Problem]:
    """The problems of one (seed, quote) pair, of an evidence or an ignore entry: `missing` is the code
    of a quote not found."""
    project = facts.project

    def problem(code, message, loc, field_, hint):
        return Problem(code, message, project.records.path, loc.line, loc.col, draft, prefix + field_, hint, subject)

    seed = placed.seed
    if placed.unsafe:
        yield problem("seed-path-outside", f"seed path '{seed}' {placed.unsafe}", seed_loc, "seed",
                      f"name a file inside {project.seeds_display}/, such as "
                      f"{next(iter(project.seeds), '000_article.txt')}")
    elif placed.text is None:
        yield problem("seed-not-found", f"no seed '{seed}' in {project.seeds_display}/", seed_loc, "seed",
                      _seed_hint(seed, facts.texts))
    elif placed.anchor is None:
        quote = placed.quote
        shown = quote if len(quote) <= 80 else quote[:77] + "..."
        closest = placed.text.closest(quote)
        if closest is None:
            hint = "no passage of that seed comes close; is it the right seed?"
        else:
            score, line, passage = closest
            hint = (f"closest passage, {project.seed_display(seed)}:{line} ({score:.0f}% similar): "
                    f"{passage.strip()!r}")
        yield problem(missing, f"quote not found in {seed}: {shown!r}", quote_loc, "quote", hint)
    elif placed.anchor.how == "case":
        anchor = placed.anchor
        yield problem("quote-case", f"the quote matches {seed}:{anchor.line} only if letter case is ignored",
                      quote_loc, "quote", f"copy the passage as it stands: "
                      f"{placed.text.seed.text[anchor.start:anchor.end]!r}")


def _seed_hint(name: str, texts) -> str:
    import difflib

    close = difflib.get_close_matches(name, list(texts), n=1, cutoff=0.5)
    return f"did you mean '{close[0]}'?" if close else f"seeds: {', '.join(sorted(texts)) or 'none'}"
