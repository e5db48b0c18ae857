"""One vote, one record: `votes.checks.duplicates` names both records of a draft recorded twice."""

from __future__ import annotations

import textwrap

from votes.checks.duplicates import duplicate_drafts
from votes.model import Council, Loc, Member
from votes.read import parse_yaml
from votes.schema import build_records

COUNCIL = Council("council.yaml", {c: Member(c, c, c == "RUS", (), Loc(1, 1)) for c in ("FRA", "ESP", "RUS")}, {}, {})


def records(text: str):
    found, problems = build_records(parse_yaml(textwrap.dedent(text), "r.yaml"), "r.yaml", COUNCIL)
    assert problems == []
    return found


def found(text: str):
    return [(p.code, p.draft, p.field, p.line, p.message) for p in duplicate_drafts(records(text))]


def test_the_same_symbol_twice_names_both_records():
    assert found("""
        drafts:
          - id: fr-es
            title: French-Spanish draft
            date: 2016-10-08
            status: vetoed
            symbol: S/2016/846
          - id: aleppo-again
            title: The same draft, from a second article
            date: 2016-10-08
            status: vetoed
            symbol: " s/2016/846"
        """) == [("draft-duplicate", "aleppo-again", "symbol", 12,
                  "records the same vote as draft 'fr-es' (line 3): the same symbol s/2016/846")]


def test_the_same_date_drafters_and_outcome_names_both_records():
    problems = list(duplicate_drafts(records("""
        drafts:
          - id: fr-es
            title: French-Spanish draft
            date: 2016-10-08
            status: vetoed
            drafted_by: [FRA, ESP]
          - id: second
            title: The same draft
            date: 2016-10-08
            status: vetoed
            drafted_by: [ESP, FRA]
        """)))
    assert [(p.code, p.draft, p.field, p.line) for p in problems] == [("draft-duplicate", "second", "date", 10)]
    assert problems[0].message == ("records the same vote as draft 'fr-es' (line 3): the same date (2016-10-08), "
                                   "drafters (ESP, FRA) and outcome (vetoed)")
    assert problems[0].hint == "keep one record: move the evidence of 'second' into 'fr-es', then remove 'second'"


def test_drafts_that_differ_are_not_duplicates():
    base = """
        drafts:
          - id: a
            title: A
            date: 2016-10-08
            status: vetoed
            drafted_by: [FRA, ESP]
            {first}
          - id: b
            title: B
            date: {date}
            status: {status}
            drafted_by: [{drafters}]
            {second}
        """
    same = dict(date="2016-10-08", status="vetoed", drafters="FRA, ESP", first="symbol: S/2016/846",
                second="symbol: S/2016/846")
    assert len(found(base.format(**same))) == 1
    for change in ({"date": "2016-10-09"}, {"status": "failed"}, {"drafters": "RUS"}):
        assert found(base.format(**{**same, **change, "second": "symbol: S/2016/900"})) == [], change
        assert found(base.format(**{**same, **change, "first": "notes: no symbol", "second": "notes: none"})) == [], \
            change
    # two symbols that differ are two drafts, whatever else they share
    assert found(base.format(**{**same, "second": "symbol: S/2016/847"})) == []
    # the same date, drafters and outcome, one symbol unknown: one vote
    assert len(found(base.format(**{**same, "second": "notes: symbol unknown"}))) == 1


def test_unknown_drafters_never_make_a_pair():
    """Two vetoes on one day whose drafters are not recorded are two drafts until they are."""
    assert found("""
        drafts:
          - id: a
            title: A
            date: 2019-09-19
            status: vetoed
          - id: b
            title: B
            date: 2019-09-19
            status: vetoed
        """) == []


def test_validate_reports_the_duplicate(mini):
    from conftest import PROJECT

    text = (PROJECT / "data" / "resolutions.yaml").read_text(encoding="utf-8")
    first = text.index("  - id: fr-es-aleppo-2016-10")
    end = text.index("  - id:", first + 10)
    copy = text[first:end].replace("id: fr-es-aleppo-2016-10", "id: fr-es-aleppo-again", 1)
    import shutil

    shutil.copytree(PROJECT / "seeds", mini.root / "seeds", dirs_exist_ok=True)
    path = mini.records(text[:end] + copy + text[end:])
    problems = [p for p in mini.validate().problems if p.code == "draft-duplicate"]
    line = text[:end].count("\n") + 1 + copy[:copy.index("symbol:")].count("\n")
    assert [(p.to_line()) for p in problems] == [
        f"{path.relative_to(mini.root).as_posix()}:{line}:13: error[draft-duplicate] draft fr-es-aleppo-again symbol: "
        "records the same vote as draft 'fr-es-aleppo-2016-10' (line "
        f"{text[:first].count(chr(10)) + 1}): the same symbol S/2016/846"]
