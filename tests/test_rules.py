"""The rule table proves itself: every rule's examples read as shown, and its near misses too.

The sentences live beside their rules in votes/reader/rules.py; this module runs them all, checks
that the table is complete (every rule has an example, every family a near miss), and that
docs/grammar.md is the table written out.
"""

from __future__ import annotations

import pytest

from conftest import REGEN, ROOT
from test_reader import CORPUS, keys
from votes.reader import Lexicon, read_passage
from votes.reader.grammar import grammar_markdown
from votes.reader.patterns import Pattern
from votes.reader.rules import EXAMPLE_NAMES, EXAMPLE_PERMANENT, RULES

LEXICON = Lexicon(EXAMPLE_NAMES, EXAMPLE_PERMANENT)
CASES = [(rule.name, kind, sentence, reading) for rule in RULES
         for kind, pairs in (("example", rule.examples), ("near miss", rule.misses)) for sentence, reading in pairs]


def _read(sentence: str) -> set[str]:
    readings = read_passage(sentence, LEXICON)
    return set().union(*(keys(r) for r in readings)) if readings else set()


@pytest.mark.parametrize("rule, kind, sentence, expected", CASES,
                         ids=[f"{c[0]}:{c[1]}:{c[2][:40]}" for c in CASES])
def test_every_example_and_near_miss_reads_as_its_rule_says(rule, kind, sentence, expected):
    assert _read(sentence) == expected


@pytest.mark.parametrize("rule", RULES, ids=[r.name for r in RULES])
def test_every_rule_has_an_example_that_it_reads_itself(rule, monkeypatch):
    assert rule.examples, f"rule {rule.name} has no example"
    if not rule.yields:
        # a rule that states nothing shows itself by what its examples would read without it
        import votes.reader as reader
        from votes.reader.engine import Table

        without = Table([r for r in RULES if r is not rule])
        monkeypatch.setattr(reader, "table", lambda: without)
        assert all(_read(sentence) != expected for sentence, expected in rule.examples), \
            f"{rule.name} changes the reading of none of its examples"
        return
    made = {a.rule for sentence, _ in rule.examples for r in read_passage(sentence, LEXICON) for a in r.assertions}
    assert rule.name in made, f"no example of {rule.name} is read by {rule.name}"


def test_every_family_has_near_misses():
    families = {rule.family for rule in RULES}
    missing = [f for f in families if not any(r.misses for r in RULES if r.family == f)]
    assert missing == [], f"families without a near miss: {missing}"


def test_the_corpus_is_large_enough():
    # the rules' own sentences plus the older corpus of test_reader, at least 400 sentences
    assert len(CASES) + len(CORPUS) >= 400


def test_docs_grammar_is_the_table():
    path = ROOT / "docs" / "grammar.md"
    text = grammar_markdown()
    if REGEN:
        path.write_text(text, encoding="utf-8")
    assert path.read_text(encoding="utf-8") == text, "docs/grammar.md is stale; run with VOTES_REGEN_GOLDEN=1"


@pytest.mark.parametrize("source, message", [
    ("SUBJ ~ voted", "no anchor"),
    ("SUBJ ~ ^@nosuchclass", "no word class"),
    ("^[a | b", "not closed"),
    ("^LIST voted", "anchor must be"),
    ("SUBJ ~ ^cast its 14th veto", "not one token"),  # '14th' is two tokens: it would never match
    ("SUBJ ~ ^co-sponsored LIST", "not one token"),
])
def test_a_malformed_pattern_is_refused_when_the_table_loads(source, message):
    with pytest.raises(ValueError, match=message):
        Pattern(source)


def test_most_of_the_corpus_is_shapes_seen_in_real_reports():
    """benchmarks/rules_seen.csv (written by `benchmarks/realtext.py DIR --rules`) counts the
    sentences of real reports each rule reads: at least 60% of the corpus belongs to rules that
    read real sentences, and each of those rules has a near miss."""
    import csv

    seen = {row["rule"]: int(row["sentences"])
            for row in csv.DictReader(open(ROOT / "benchmarks" / "rules_seen.csv", encoding="utf-8"))}
    names = {rule.name for rule in RULES}
    assert set(seen) <= names, f"rules_seen.csv names rules the table no longer has: {sorted(set(seen) - names)}"
    real = [rule for rule in RULES if seen.get(rule.name, 0) > 0]
    size = sum(len(rule.examples) + len(rule.misses) for rule in RULES)
    assert sum(len(rule.examples) + len(rule.misses) for rule in real) >= 0.6 * size
    assert [rule.name for rule in real if not rule.misses] == []
