"""What the engine indexes of each rule, without parsing its pattern: the words that anchor it,
the words a sentence must hold for it to match at all, and the kinds of chunk it cannot match
without (votes.reader.engine.Table).

Parsing the patterns of all 700-odd rules takes about 30 ms, most of a first run on a small
project, while the sentences of such a run try about a hundred of them. So the index ships with
the package, generated from the table into `votes/reader/rules_index.py` with the digest of what
it was derived from (every rule's name and pattern, the word classes, and the code that parses
and indexes: this module and `patterns`). A table whose digest differs (a rule edited since)
derives its index here, as it did before there was a file, so a stale file costs time, never a
reading; the tests fail until it is written again:

    VOTES_REGEN_GOLDEN=1 python -m pytest tests/test_rules.py

A rule's pattern is parsed when the engine first tries it (votes.reader.rule.Rule.pattern).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from . import words as W
from ..cache import digest as _digest
from .patterns import Group, Slot, Word

if TYPE_CHECKING:
    from .rule import Rule

#: Bumped when what an index holds changes shape.
FORMAT = 1
_HERE = Path(__file__).resolve().parent
#: The code an index is derived by: its bytes go into the digest.
_DERIVED_BY = ("index.py", "patterns.py")
SHIPPED = _HERE / "rules_index.py"

#: One rule's entry: its trigger words, the sets of words of which a sentence must hold one each,
#: the kinds of chunk it needs.
Entry = tuple[frozenset[str], tuple[frozenset[str], ...], frozenset[str]]


def entries(rules: list[Rule]) -> list[Entry]:
    """The index of each rule: the shipped one where it was derived from these rules and this code,
    else derived from their patterns."""
    shipped = _shipped(rules)
    return shipped if shipped is not None else [derive(rule) for rule in rules]


def derive(rule: Rule) -> Entry:
    """One rule's entry, from its parsed pattern."""
    pattern = rule.pattern
    elements = pattern.before + pattern.after
    return pattern.triggers, tuple(_needs(elements)), _chunks_needed(elements)


def digest(rules: list[Rule]) -> str | None:
    """The digest of everything an index is derived from, or None where this code's source cannot
    be read (an installation of compiled files only: the index is then derived)."""
    parts = [str(FORMAT)]
    try:
        parts += [(_HERE / name).read_text(encoding="utf-8") for name in _DERIVED_BY]
    except (OSError, UnicodeDecodeError):
        return None
    parts += [f"{rule.name}\t{rule.source}" for rule in rules]
    parts += [f"@{name}\t{' '.join(sorted(W.CLASSES[name]))}" for name in sorted(W.CLASSES)]
    return _digest("\n".join(parts))


def _shipped(rules: list[Rule]) -> list[Entry] | None:
    try:
        from . import rules_index as shipped
    except ImportError:
        return None
    if len(shipped.RULES) != len(rules) or shipped.DIGEST != digest(rules):
        return None
    sets = [frozenset(words) for words in shipped.SETS]
    return [(sets[triggers], tuple(sets[i] for i in needs), sets[chunks])
            for triggers, needs, chunks in shipped.RULES]


def module_text(rules: list[Rule]) -> str:
    """The text of `rules_index.py` for these rules: word sets written once each, sorted, so that the
    same table always writes the same bytes."""
    derived = [derive(rule) for rule in rules]
    sets: dict[frozenset[str], int] = {}
    for triggers, needs, chunks in derived:
        for words in (triggers, *needs, chunks):
            sets.setdefault(words, len(sets))
    order = sorted(sets, key=lambda words: (len(words), sorted(words)))
    number = {words: i for i, words in enumerate(order)}
    lines = ['"""The rule table\'s index (votes.reader.index), generated from votes.reader.rules: not edited',
             'by hand. Written again by `VOTES_REGEN_GOLDEN=1 python -m pytest tests/test_rules.py`."""', "",
             f"DIGEST = {digest(rules)!r}", "", "#: Each word set once, sorted.", "SETS = ("]
    lines += _wrapped([tuple(sorted(words)) for words in order])
    lines += [")", "", "#: Per rule, in the table's order: (its triggers, the sets it needs, its kinds of chunk), as",
              "#: numbers of SETS.", "RULES = ("]
    lines += _wrapped([(number[t], tuple(number[n] for n in needs), number[c]) for t, needs, c in derived])
    return "\n".join(lines + [")", ""])


def _wrapped(items: list[tuple], width: int = 116) -> list[str]:
    """Items as lines of the generated module, each item whole and within the width where it fits."""
    lines, line = [], ""
    for item in items:
        text = repr(item) + ","
        if line and len(line) + 1 + len(text) > width:
            lines.append("    " + line)
            line = ""
        line = f"{line} {text}" if line else text
    if line:
        lines.append("    " + line)
    return lines


def _needs(elements: list) -> list[frozenset[str]]:
    """For each element a match cannot do without, the words one of which it must match: a word
    element that is not optional, or a group each of whose options needs a word (one of theirs)."""
    out = []
    for element in elements:
        if isinstance(element, Word) and not element.optional and not element.numbers:
            out.append(element.words)
        elif isinstance(element, Group) and not element.optional:
            options = [_needs(option) for option in element.options]
            if options and all(options):
                out.append(frozenset().union(*(min(need, key=len) for need in options)))
    return out


def _chunks_needed(elements: list) -> frozenset[str]:
    """The kinds of chunk these elements cannot match without: required slots (but SUBJ, a pronoun too), groups'."""
    out: set[str] = set()
    for element in elements:
        if isinstance(element, Slot) and not element.optional and element.kind != "SUBJ":
            out.add(element.kind)
        elif isinstance(element, Group) and not element.optional and element.options:
            out.update(frozenset.intersection(*(_chunks_needed(option) for option in element.options)))
    return frozenset(out)
