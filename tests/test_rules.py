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


def test_the_shipped_index_is_the_tables():
    """votes/reader/rules_index.py is what the table and the indexing code give now (each rule's
    pattern parsed on the way), and the table uses it rather than parsing every pattern."""
    from votes.reader import index

    text = index.module_text(RULES)
    if REGEN:
        index.SHIPPED.write_text(text, encoding="utf-8")
    assert index.SHIPPED.read_text(encoding="utf-8") == text, \
        "votes/reader/rules_index.py is stale; run with VOTES_REGEN_GOLDEN=1"
    assert index._shipped(RULES) == [index.derive(rule) for rule in RULES]


def test_a_table_unlike_the_shipped_index_derives_its_own():
    """A rule edited since the index was written (here: one left out, one pattern changed) makes the
    digest differ: the table then indexes the rules it has, never the file's."""
    from votes.reader import index
    from votes.reader.engine import Table
    from votes.reader.rule import Rule

    changed = Rule("probe-cast", "vetoes", "SUBJ ~ ^cast|casts [a | its] veto", RULES[0].yields,
                   examples=RULES[0].examples)
    rules = [changed, *RULES[2:]]
    assert index.digest(rules) != index.digest(RULES)
    assert index._shipped(rules) is None
    table = Table(rules)
    assert table.starts[0] == frozenset({"cast", "casts"})
    assert table.needs[0] == (frozenset({"a", "its"}), frozenset({"veto"}))
    tried = lambda *words: {rule.name for rule, _ in table.plan(frozenset(words), frozenset())}  # noqa: E731
    assert "probe-cast" in tried("cast", "its", "veto")
    assert "probe-cast" not in tried("cast", "veto")


def test_building_the_table_parses_no_pattern(tmp_path):
    """In a fresh process the table comes from the shipped index: no rule's pattern is parsed until a
    sentence tries it, and a sentence tries few."""
    import subprocess
    import sys

    script = ("import votes.reader as r\nt = r.table()\nparsed = lambda: sum(x._pattern is not None for x in t.rules)\n"
              "print(parsed())\nr.read_sentence('Russia vetoed the draft.', r.Lexicon({'RUS': ['Russia']}, ['RUS']))\n"
              "print(parsed(), len(t.rules))\n")
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=tmp_path)
    before, (after, total) = out.stdout.split("\n")[0], out.stdout.split("\n")[1].split()
    assert before == "0"
    assert 0 < int(after) < int(total) / 10
