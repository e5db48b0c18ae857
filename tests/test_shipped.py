"""The shipped records, frozen in tests/fixtures/project/: clean, right against the UN record, and
every single wrong fact caught."""

from __future__ import annotations

import re
import shutil

import pytest

from conftest import PROJECT, ROOT, SHIPPED_IDS
from test_data_invariants import OFFICIAL_RECORDS, official_votes
from votes.tables import vote_rows


def test_the_fixture_project_holds_the_shipped_drafts(shipped_project):
    project, _ = shipped_project
    assert tuple(d.id for d in project.records.drafts) == SHIPPED_IDS


def test_shipped_data_validate_clean_under_strict(cli, monkeypatch):
    monkeypatch.chdir(PROJECT)
    result = cli("validate", "--strict")
    assert result.output == ("0 errors, 0 warnings in 8 drafts; 81 vote sentences in the seeds: 28 cited, 25 ignored, "
                             "28 reprinted, 0 uncovered\n")


def test_seeds_are_the_shared_seeds_byte_for_byte():
    shared = ROOT.parent / "shared" / "seeds"
    if not shared.is_dir():
        pytest.skip("shared/ is not beside this checkout")
    assert sorted(p.name for p in shared.iterdir()) == sorted(p.name for p in (PROJECT / "seeds").glob("*.txt"))
    for path in sorted(shared.iterdir()):
        assert (PROJECT / "seeds" / path.name).read_bytes() == path.read_bytes(), path.name


@pytest.mark.parametrize("symbol", ["S/2016/846", "S/2016/847"])
def test_the_votes_of_8_october_are_the_un_record_derived_from_the_seeds(shipped_project, symbol):
    project, validation = shipped_project
    draft = next(d for d in project.records.drafts if d.symbol == symbol)
    rows = [r for r in vote_rows(project, validation) if r["draft_id"] == draft.id]
    assert {r["member"]: r["vote"] for r in rows} == official_votes(symbol)
    assert len(rows) == 15 and {r["basis"] for r in rows} == {"quoted", "derived"}
    assert validation.drafts[draft.id].vetoed_by == tuple(OFFICIAL_RECORDS[symbol]["vetoed_by"].split())
    assert validation.drafts["ru-aleppo-2016-10"].not_vetoes == ("FRA", "GBR", "USA")


def test_earlier_vetoes_leave_other_votes_unknown_not_absent(shipped_project):
    project, validation = shipped_project
    rows = [r for r in vote_rows(project, validation) if r["draft_id"] == "fr-icc-syria-2014-05"]
    assert {r["member"]: r["vote"] for r in rows if r["vote"]} == {"CHN": "no", "RUS": "no"}
    assert sum(1 for r in rows if r["vote"] is None) == 13


# --- any single wrong fact makes validate exit 1, naming the draft and the field -------------------

MUTATIONS = [
    # (name, old, new, draft, field, code)
    ("flipped vote", "      VEN: no\n      CHN: abstain", "      VEN: yes\n      CHN: abstain",
     "fr-es-aleppo-2016-10", "votes.VEN", "support-contradiction"),
    ("flip keeping every tally", "      AGO: abstain\n      URY: abstain\n      # \"the remaining nine council members voted against\"\n      FRA: no",
     "      AGO: abstain\n      URY: no\n      # \"the remaining nine council members voted against\"\n      FRA: abstain",
     "ru-aleppo-2016-10", "votes.URY", "support-contradiction"),
    ("changed tally", "tally: {yes: 4, no: 9, abstain: 2}", "tally: {yes: 5, no: 9, abstain: 2}",
     "ru-aleppo-2016-10", "tally.yes", "tally-mismatch"),
    ("retyped quote", "quote: China voted in favor of Russia’s draft on Saturday.",
     "quote: China voted in favour of Russia’s draft on Saturday.", "ru-aleppo-2016-10", "evidence[4].quote",
     "quote-not-found"),
    ("quote cited for a member it does not name", "supports: [votes.VEN, votes.RUS]",
     "supports: [votes.VEN, votes.RUS, votes.CHN]", "fr-es-aleppo-2016-10", "votes.CHN", "support-member"),
    ("wrong status", "    status: failed", "    status: vetoed", "ru-aleppo-2016-10", "status", "status-mismatch"),
    ("unseated member", "    votes:\n      RUS: no\n      CHN: no\n    notes:", "    votes:\n      RUS: no\n      CHN: no\n      DEU: yes\n    notes:",
     "fr-icc-syria-2014-05", "votes.DEU", "member-not-seated"),
    ("second draft with the same id", "  - id: syria-chapter-vii-2012-07", "  - id: syria-arab-league-plan-2012-02",
     "syria-arab-league-plan-2012-02", "id", "id-duplicate"),
]


@pytest.mark.parametrize("name, old, new, draft, field, code", MUTATIONS, ids=[m[0] for m in MUTATIONS])
def test_single_wrong_fact_is_caught(shipped_copy, cli, name, old, new, draft, field, code):
    path = shipped_copy / "data" / "resolutions.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, name
    changed = text.replace(old, new)
    path.write_text(changed, encoding="utf-8")
    result = cli("validate", ok_codes=(1,))
    lines = [line for line in result.output.splitlines() if f"error[{code}] draft {draft} {field}:" in line]
    assert lines, result.output
    # the problem points at the line that was changed
    first_changed = next(i for i, (a, b) in enumerate(zip(text.splitlines(), changed.splitlines())) if a != b) + 1
    assert lines[0].startswith(f"data/resolutions.yaml:{first_changed}:"), lines[0]


def test_seed_swapped_for_another_is_caught(shipped_copy, cli):
    shutil.copy(shipped_copy / "seeds" / "001_8d09de50049f6670.txt", shipped_copy / "seeds" / "000_d17f4b8d1948d0a3.txt")
    result = cli("validate", ok_codes=(1,))
    assert "seeds/000_d17f4b8d1948d0a3.txt:1:1: error[seed-changed] seed 000_d17f4b8d1948d0a3.txt:" in result.output


def test_removing_a_record_leaves_its_sentences_uncovered(shipped_copy, cli):
    path = shipped_copy / "data" / "resolutions.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("  - id: us-chemical-weapons-2016-10")
    end = text.index("  - id: fr-icc-syria-2014-05")
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    result = cli("validate", "--strict", ok_codes=(1,))
    assert re.search(r"seeds/000_d17f4b8d1948d0a3.txt:169:1: warning\[seed-uncovered\]", result.output)


# --- the two tally-preserving swaps the word-matching check let through ------------------------------

def test_swap_backed_by_the_sentence_that_denies_it_is_caught(shipped_copy, cli):
    """China yes / United States abstain: votes.others would stand for China, and Angola's
    ambassador's words about Angola were cited for the United States."""
    path = shipped_copy / "data" / "resolutions.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("      CHN: abstain\n      AGO: abstain\n      # \"11 votes", "      CHN: yes\n      AGO: abstain\n      # \"11 votes", 1)
    text = text.replace("      USA: yes\n      EGY: yes\n      ESP: yes", "      USA: abstain\n      EGY: yes\n      ESP: yes", 1)
    text = text.replace("supports: [tally.yes, votes.CHN, votes.AGO, votes.others]",
                        "supports: [tally.yes, votes.AGO, votes.others]", 1)
    text = text.replace("said his country abstained on both votes\n        supports: [votes.AGO]",
                        "said his country abstained on both votes\n        supports: [votes.AGO, votes.USA]", 1)
    path.write_text(text, encoding="utf-8")
    out = cli("validate", ok_codes=(1,)).output
    assert re.search(r"error\[support-contradiction\] draft fr-es-aleppo-2016-10 votes.CHN: evidence\[1\] "
                     r"\(line \d+\) says CHN -> abstain; the record has CHN: yes", out)
    assert re.search(r"error\[support-member\] draft fr-es-aleppo-2016-10 votes.USA: evidence\[3\] \(line \d+\) "
                     r"does not name United States \(USA\); it names Angola \(AGO\)", out)


def test_quotes_of_one_vote_cited_for_a_made_up_draft_are_caught(shipped_copy, cli):
    path = shipped_copy / "data" / "resolutions.yaml"
    text = path.read_text(encoding="utf-8")
    made_up = """  - id: made-up-2016-10-20
    title: A draft that never existed
    date: 2016-10-20
    status: vetoed
    votes:
      RUS: no
    evidence:
      - seed: 000_d17f4b8d1948d0a3.txt
        quote: Russia vetoed a French-drafted U.N. Security Council resolution on Saturday
        supports: [votes.RUS, status]

"""
    text = text.replace("  - id: nz-aleppo-2016-10\n", made_up + "  - id: nz-aleppo-2016-10\n", 1)
    path.write_text(text, encoding="utf-8")
    out = cli("validate", ok_codes=(1,)).output
    # "on Saturday" is the weekday of the vetoed French draft, not of 20 October (a Thursday)
    assert "error[evidence-other-draft] draft made-up-2016-10-20 evidence[0]: evidence[0]'s sentence names the " \
           "month or the weekday of draft fr-es-aleppo-2016-10 (2016-10-08), not this draft's 2016-10-20" in out
    assert "error[evidence-before-vote] draft made-up-2016-10-20 evidence[0]: evidence[0] backs votes.RUS, status " \
           "from 000_d17f4b8d1948d0a3.txt, published 2016-10-10, before the vote of 2016-10-20" in out
