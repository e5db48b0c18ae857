"""The grammar as documents: the rule table written out for people, generated, never typed.

`docs/grammar.md` and the README's table of shapes come from here; a test keeps both in step
with `votes.reader.rules`.
"""

from __future__ import annotations

from .rule import AMONG, COUNTED, AllBut, Caused, Count, Drafted, Outcome, Respectively, Same, Score, Stance, Vote
from .rules import RULES
from .words import CONDITIONS, MODALS, NEGATIONS, SPEECH


def describe_yield(spec) -> str:
    """One yield in words: 'SUBJ -> no (veto)', 'count of COUNT -> yes', 'outcome vetoed' ..."""
    if isinstance(spec, Vote):
        extras = [word for word, on in (("veto", spec.veto), ("support verb", spec.weak), ("full list", spec.full))
                  if on]
        vote = {COUNTED: "the vote of the count before, if of as many",
                AMONG: "the vote of the count before, if of no fewer"}.get(spec.vote, spec.vote)
        return f"{spec.who} -> {vote}" + (f" ({', '.join(extras)})" if extras else "")
    if isinstance(spec, Count):
        source = "all" if spec.everyone else f"{spec.n}" if spec.n is not None else \
            f"length of {spec.of}" if spec.of else spec.slot
        return f"count {source} -> {spec.vote}"
    if isinstance(spec, Score):
        return f"counts of {spec.slot} (yes-no-abstain{', three counts only' if spec.parts == 3 else ''})"
    if isinstance(spec, Outcome):
        return f"outcome {spec.outcome}"
    if isinstance(spec, Drafted):
        return f"drafted by {spec.who}"
    if isinstance(spec, Stance):
        return f"{spec.who} stance {spec.stance}"
    if isinstance(spec, Caused):
        return f"{spec.who} -> no, a veto (and the outcome vetoed) when all are permanent"
    if isinstance(spec, AllBut):
        return f"every member but {spec.who} -> {spec.vote}"
    if isinstance(spec, Respectively):
        return f"each of {spec.who} -> {', '.join(spec.votes)}, in order"
    if isinstance(spec, Same):
        if spec.leaders:
            return f"{spec.who} -> the vote before, if {spec.leaders}'s; else {spec.who} voted as {spec.leaders}"
        return f"{spec.who} -> the vote before"
    raise TypeError(spec)


def grammar_rows() -> list[tuple[str, str]]:
    """(what, shape) rows for the README: one per rule, then the words that change a mode."""
    rows = [(f"`{r.name}` ({r.family})", f"`{r.pattern.source}` gives {_yields(r)}")
            for r in RULES]
    modes: dict[str, list[str]] = {}
    for word, mode in MODALS.items():
        modes.setdefault(mode, []).append(word)
    rows.append(("mode `negated`", ", ".join(sorted(NEGATIONS | {"n't"}))))
    rows += [(f"mode `{mode}`", ", ".join(sorted(words))) for mode, words in modes.items()]
    rows.append(("mode `condition` (clauses)", ", ".join(sorted(CONDITIONS)) + "; Had / Were / Should ... opening "
                 "a clause; Even with; a question"))
    rows.append(("mode `reported` (speech verbs)", ", ".join(sorted(SPEECH))))
    return rows


def grammar_markdown() -> str:
    """docs/grammar.md: every rule with its pattern, yields, examples and near misses, by family."""
    out = ["# The reader's grammar", "",
           "Generated from `votes/reader/rules.py` by `votes.reader.grammar`; do not edit by hand (the tests "
           "regenerate it with `VOTES_REGEN_GOLDEN=1`). The pattern language is described in "
           "`votes/reader/patterns.py`; a reading is written as the tests write it (`vote RUS no fact`, "
           "`count 11 yes fact`, `outcome vetoed fact` ...).", ""]
    families: dict[str, list] = {}
    for rule in RULES:
        families.setdefault(rule.family, []).append(rule)
    out.append(f"{len(RULES)} rules in {len(families)} families; "
               f"{sum(len(r.examples) + len(r.misses) for r in RULES)} example sentences and near misses.")
    out.append("")
    for family, rules in families.items():
        out += [f"## {family}", ""]
        for rule in rules:
            out.append(f"### `{rule.name}`")
            out.append("")
            out.append(f"- pattern: `{rule.pattern.source}`")
            out.append(f"- yields: {_yields(rule)}")
            if rule.note:
                out.append(f"- note: {rule.note}")
            for sentence, reading in rule.examples:
                out.append(f"- example: {_one_line(sentence)} → {_reading(reading)}")
            for sentence, reading in rule.misses:
                out.append(f"- near miss: {_one_line(sentence)} → {_reading(reading)}")
            out.append("")
    return "\n".join(out).rstrip() + "\n"


def _one_line(text: str) -> str:
    return "“" + " ".join(text.split()) + "”"


def _reading(reading: set[str]) -> str:
    return ", ".join(f"`{r}`" for r in sorted(reading)) if reading else "nothing"


def _yields(rule) -> str:
    """A rule's yields in words; a rule with none reads its words as stating nothing."""
    return "; ".join(map(describe_yield, rule.yields)) or "nothing (the words state no vote)"
