"""The real-text yardstick (benchmarks/realtext.py) on a case written for the test, and its pure parts.

The end-to-end run drives the installed `votes` command, as the benchmark does; the figures checked
are those the scorer computes itself (facts cited, wrong records made, truth errors, matching), plus
one outcome the Charter check decides whatever the reader reads (a vetoed draft recorded as adopted).
"""

from __future__ import annotations

import importlib.util
import json
import sys
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "realtext"


@pytest.fixture(scope="module")
def realtext():
    spec = importlib.util.spec_from_file_location("realtext", ROOT / "benchmarks" / "realtext.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["realtext"] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def scored(realtext, capsys_module=None):
    import io
    from contextlib import redirect_stdout
    out = io.StringIO()
    with redirect_stdout(out):
        code = realtext.main([str(FIXTURE), "--official", str(FIXTURE / "official.csv"), "--json", "--jobs", "1"])
    assert code == 0
    return json.loads(out.getvalue())


def test_the_fixture_case_is_scored_with_its_facts_and_wrong_records(scored):
    total, (case,) = scored["total"], scored["cases"]
    assert (total["cases"], total["drafts"], total["truth_errors"]) == (1, 1, 0)
    # votes.RUS, status, drafted_by, date, tally.yes, votes.CHN, votes.others, symbol, meeting
    assert case["facts_cited"] == 9
    # two quoted votes to three other levels each; one swap; vetoed -> adopted, failed; tally.yes +-1;
    # the drafter FRA replaced by China, who abstained
    assert case["mutants"] == {"vote-level": 6, "swap": 1, "status": 2, "tally": 2, "drafters": 1}
    assert total["mutants_total"] == 12
    assert not [a for a in case["accepted"] if a[1].endswith("status vetoed -> adopted")]
    assert total["suggest"]["drafts"] == 1 and total["suggest"]["proposals"] >= 1


def test_truth_errors_name_what_disagrees_with_the_official_record(realtext):
    official = realtext.load_official(FIXTURE / "official.csv")
    (case,) = realtext.load_cases(FIXTURE)
    permanent = realtext.permanent_members(FIXTURE / "council.yaml")
    assert realtext.truth_errors(case, official, permanent) == []
    case.records["drafts"][0]["date"] = "2016-10-09"
    case.records["drafts"][0]["votes"]["VEN"] = "no"
    case.records["drafts"][0]["status"] = "failed"
    errors = realtext.truth_errors(case, official, permanent)
    assert errors == ["harbour: fr-harbour-2016-10: date 2016-10-09 but the official record says 2016-10-08",
                      "harbour: fr-harbour-2016-10: VEN no but the official record says yes",
                      "harbour: fr-harbour-2016-10: status failed but the official votes give vetoed"]


def test_proposals_are_matched_to_drafts_merged_and_invented_counted(realtext):
    drafts = [{"id": "a", "status": "vetoed", "date": "2016-10-08", "drafted_by": ["FRA"],
               "votes": {"RUS": "no", "CHN": "abstain"}},
              {"id": "b", "status": "failed", "date": "2016-10-08", "drafted_by": ["RUS"],
               "votes": {"RUS": "yes", "AGO": "abstain"}}]
    truths = [d["votes"] for d in drafts]
    merged = {"votes": {"RUS": "no", "CHN": "abstain", "AGO": "abstain"}, "status": "vetoed", "date": "2016-10-08"}
    invented = {"votes": {"USA": "no"}, "status": "adopted", "date": "2016-01-01"}
    counts = realtext.score_proposals([merged, invented], drafts, truths)
    assert counts["proposals"] == 2 and counts["invented"] == 1 and counts["merged"] == 1
    # draft a: both votes right; draft b: RUS wrong (no for yes), AGO right
    assert (counts["votes right"], counts["votes wrong"], counts["votes missing"]) == (3, 1, 0)
    assert counts["status right"] == 1 and counts["date right"] == 2


def test_a_tally_is_right_when_it_gives_the_record_s_counts_and_only_official_ones(realtext):
    truth = {"RUS": "no", "CHN": "abstain", "FRA": "yes"}
    assert realtext.tally_right({"yes": "1", "no": "1"}, {"yes": "1"}, truth)
    assert not realtext.tally_right({"no": "1"}, {"yes": "1"}, truth)               # the record's count missing
    assert not realtext.tally_right({"yes": "1", "abstain": "2"}, {"yes": "1"}, truth)  # an extra count, wrong


def test_evidence_is_copied_to_the_other_draft_of_a_case_only_for_facts_it_has(realtext):
    case = realtext.Case("two", FIXTURE / "harbour.txt", {}, {"drafts": [
        {"id": "a", "status": "vetoed", "votes": {"RUS": "no"},
         "evidence": [{"seed": "x.txt", "quote": "Russia vetoed it.", "supports": ["votes.RUS", "status"]}]},
        {"id": "b", "status": "failed", "votes": {"CHN": "yes"},
         "evidence": [{"seed": "x.txt", "quote": "China backed it.", "supports": ["votes.CHN"]}]}], "ignore": []})
    made = realtext.mutations(case, {})
    kinds = Counter(kind for kind, _, _ in made)
    assert kinds["moved-evidence"] == 1          # b's evidence is about CHN, whose vote a lacks
    moved = [records for kind, description, records in made if description.startswith("a -> b")][0]
    assert moved["drafts"][1]["evidence"][-1] == {"seed": "x.txt", "quote": "Russia vetoed it.", "supports": ["status"]}
    assert case.records["drafts"][1]["evidence"] == [
        {"seed": "x.txt", "quote": "China backed it.", "supports": ["votes.CHN"]}]


def test_a_sentence_the_other_draft_already_cites_for_the_fact_is_not_moved(realtext):
    """"Russia vetoed a nine-month renewal at the Council" cited for the status of draft b, and the
    whole sentence, "... and then failed in its own bid", for draft a's: moving a's quote to b is no
    wrong record, so no mutant is made of it; a shorter common opening is no same sentence."""
    opening = "Russia, on Tuesday, vetoed at the Security Council a nine-month renewal"
    case = realtext.Case("two", FIXTURE / "harbour.txt", {}, {"drafts": [
        {"id": "a", "status": "failed", "votes": {"CHN": "yes"},
         "evidence": [{"seed": "x.txt", "quote": opening + " ... and then failed in its own bid.",
                       "supports": ["status"]}]},
        {"id": "b", "status": "vetoed", "votes": {"RUS": "no"},
         "evidence": [{"seed": "x.txt", "quote": opening + " of aid deliveries.", "supports": ["votes.RUS", "status"]}]}],
        "ignore": []})
    assert not [d for kind, d, _ in realtext.mutations(case, {}) if kind == "moved-evidence" and d.startswith("a -> b")]
    assert realtext._same_opening("Russia vetoed it ... and failed", "Russia vetoed it and more") is False


def test_records_are_written_back_as_the_yaml_a_user_types(realtext):
    text = realtext.records_yaml({"drafts": [{"id": "a", "votes": {"RUS": "no"}, "tally": {"yes": "9"},
                                              "evidence": [{"quote": 'He said "no": #1', "supports": ["votes.RUS"]}]}],
                                  "ignore": []})
    assert text == ('drafts:\n  - id: a\n    votes:\n      RUS: no\n    tally:\n      yes: 9\n    evidence:\n'
                    '      - quote: "He said \\"no\\": #1"\n        supports:\n          - votes.RUS\nignore: []\n')


def test_rules_seen_counts_the_sentences_each_rule_reads(realtext, tmp_path):
    """`--rules`: one row per rule of the table, with the number of the folder's sentences it reads."""
    import csv

    from votes.reader.rules import RULES

    out = tmp_path / "seen.csv"
    realtext.write_rules_seen(realtext.load_cases(FIXTURE), FIXTURE / "council.yaml", out)
    rows = list(csv.DictReader(open(out, encoding="utf-8")))
    assert [r["rule"] for r in rows] == [rule.name for rule in RULES]
    assert sum(int(r["sentences"]) for r in rows) > 0


def test_the_permanent_members_are_the_councils_own_so_a_soviet_no_is_a_veto(realtext, tmp_path):
    council = tmp_path / "council.yaml"
    council.write_text("members:\n  SUN: {name: USSR, permanent: true}\n  USA: {name: US, permanent: true}\n"
                       "  MLT: {name: Malta, permanent: false}\n", encoding="utf-8")
    permanent = realtext.permanent_members(council)
    assert permanent == {"SUN", "USA"}
    votes = {code: "yes" for code in ("USA", "MLT", "A", "B", "C", "D", "E", "F", "G")} | {"SUN": "no"}
    assert realtext.charter_status(votes, 1983, permanent) == "vetoed"
    # near miss: the same votes with the no of an elected member
    assert realtext.charter_status(votes | {"SUN": "yes", "MLT": "no"}, 1983, permanent) == "adopted"
    # a procedural decision: the same Soviet no is no veto
    assert realtext.charter_status(votes, 1983, permanent, procedural=True) == "adopted"


def test_a_roll_that_names_only_some_seats_is_checked_for_those_members_alone(realtext):
    """Official rows that give only the vetoing members (no fetched text gave the other votes) say
    nothing of the others, of the status or of the tally; a member they do name is still checked."""
    official = realtext.load_official(FIXTURE / "official.csv")
    (case,) = realtext.load_cases(FIXTURE)
    permanent = realtext.permanent_members(FIXTURE / "council.yaml")
    draft = case.records["drafts"][0]
    record = official[draft["symbol"]]
    record["votes"] = {code: vote for code, vote in record["votes"].items() if vote == "no"}
    draft["votes"]["VEN"] = "abstain"  # a member the partial roll does not name
    draft["tally"] = {"yes": "3"}      # no tally can be read off a partial roll
    assert realtext.truth_errors(case, official, permanent) == []
    (vetoer,) = [code for code, vote in record["votes"].items() if vote == "no"]
    draft["votes"][vetoer] = "yes"
    assert realtext.truth_errors(case, official, permanent) == [
        f"harbour: {draft['id']}: {vetoer} yes but the official record says no"]


def test_a_shared_drafter_and_status_outweigh_votes_in_pairing_a_proposal(realtext):
    """An article on a vetoed draft and an adopted one: the adopted proposal (fifteen votes in favour,
    eleven of them also the vetoed draft's) is not paired with the vetoed draft."""
    members = ["M%02d" % i for i in range(15)]
    vetoed_truth = {code: "yes" for code in members[:11]}
    vetoed_truth |= {"RUS": "no", "BOL": "no", "CHN": "abstain", "KAZ": "abstain"}
    adopted_truth = {code: "yes" for code in members[:11] + ["RUS", "BOL", "CHN", "KAZ"]}
    drafts = [{"id": "v", "status": "vetoed", "date": "2018-02-26", "drafted_by": ["GBR"],
               "votes": {"RUS": "no", "BOL": "no", "CHN": "abstain", "KAZ": "abstain"}},
              {"id": "a", "status": "adopted", "date": "2018-02-26", "drafted_by": ["RUS"], "votes": {}}]
    vetoed = {"votes": {"RUS": "no", "BOL": "no", "CHN": "abstain"}, "status": "vetoed", "date": "2018-02-26",
              "drafted_by": ["GBR"]}
    adopted = {"votes": dict(adopted_truth), "status": "adopted", "date": "2018-02-26", "drafted_by": ["RUS"]}
    counts = realtext.score_proposals([vetoed, adopted], drafts, [vetoed_truth, adopted_truth])
    assert (counts["votes right"], counts["votes wrong"], counts["votes missing"]) == (3, 0, 1)
    assert counts["merged"] == 0


def test_each_case_is_added_with_its_date_outlet_and_web_address(realtext, tmp_path):
    options = realtext.add_options()
    assert options == {"--published", "--outlet", "--url"}  # this votes add takes all three
    (case,) = realtext.load_cases(FIXTURE)
    project = realtext.build_project(tmp_path, case, FIXTURE / "council.yaml", options)
    manifest = (project / "seeds" / "MANIFEST.yaml").read_text(encoding="utf-8")
    assert '    url: "https://example.org/harbour"\n' in manifest and "    published: 2016-10-09\n" in manifest
    older = realtext.build_project(tmp_path / "older", case, FIXTURE / "council.yaml", options - {"--url"})
    assert "url:" not in (older / "seeds" / "MANIFEST.yaml").read_text(encoding="utf-8")  # a votes without --url
