"""The Charter's voting rule (votes.charter), each rule driven for both eras: 1946-1965 and since 1966."""

from __future__ import annotations

import pytest

from conftest import PROCEDURAL_RECORD
from votes import charter

ELEVEN = ("CHN", "FRA", "GBR", "SUN", "USA", "EGY", "IND", "NOR", "ECU", "CUB", "YUG")
FIFTEEN = ("CHN", "FRA", "GBR", "RUS", "USA", "AGO", "EGY", "ESP", "JPN", "MYS", "NZL", "SEN", "UKR", "URY", "VEN")
PERMANENT = frozenset(ELEVEN[:5]) | {"RUS"}


class Council:
    """What the Charter asks of a council: who sat in a year, and who is permanent."""

    def __init__(self):
        self.seats = {1950: ELEVEN, 2016: FIFTEEN}
        self.members = {code: None for code in ELEVEN + FIFTEEN}

    def seated(self, year):
        return self.seats.get(year)

    def is_permanent(self, code):
        return code in PERMANENT


#: (year, the seats and quota of its Council)
ERAS = [(1950, 11, 7), (1965, 11, 7), (1966, 15, 9), (2016, 15, 9)]


@pytest.mark.parametrize("year, seats, quota", ERAS)
def test_quota_and_seats_of_the_year(year, seats, quota):
    rule = charter.rule(year)
    assert (rule.seats, rule.permanent, rule.quota, rule.elected) == (seats, 5, quota, seats - 5)
    assert charter.quota(year) == quota and charter.seats(year) == seats


def test_without_a_year_the_rule_of_today():
    assert charter.rule(None) is charter.SINCE_1966 and charter.quota(None) == 9


@pytest.mark.parametrize("quota", [7, 9])
def test_outcome_at_the_quota_of_each_era(quota):
    assert charter.outcome(quota, 0, quota) == "adopted"
    assert charter.outcome(quota, 1, quota) == "vetoed"
    assert charter.outcome(quota - 1, 0, quota) == "failed"
    assert charter.outcome(quota - 1, 3, quota) == "failed"  # a permanent no short of the quota: no veto


@pytest.mark.parametrize("year, quota", [(1950, 7), (2016, 9)])
def test_a_permanent_no_is_a_veto_only_with_the_quota(year, quota):
    assert charter.is_veto(quota, charter.quota(year))
    assert not charter.is_veto(quota - 1, charter.quota(year))


def test_the_council_says_who_is_permanent():
    votes = {"RUS": "no", "VEN": "no", "CHN": "abstain", "USA": "no"}
    assert charter.permanent_no(votes, Council()) == ("RUS", "USA")


@pytest.mark.parametrize("year, members", [(1950, ELEVEN), (2016, FIFTEEN)])
def test_complete_votes_settle_the_outcome(year, members):
    quota = charter.quota(year)
    votes = {code: "yes" if i < quota + 1 else "abstain" for i, code in enumerate(members[1:], 1)}
    votes["CHN"] = "no"
    found = charter.standing(year, votes, None, Council())
    assert found.complete and found.unknown == 0 and found.yes == (quota, quota)
    assert found.permanent_no == ("CHN",) and found.possible == ("vetoed",) and found.settled == "vetoed"
    votes["CHN"] = "abstain"
    assert charter.standing(year, votes, None, Council()).settled == "adopted"
    votes[members[1]] = "abstain"  # one yes fewer: short of the quota
    short = charter.standing(year, {**votes, "CHN": "no"}, None, Council())
    assert short.settled == "failed" and short.permanent_no == ("CHN",)


@pytest.mark.parametrize("year, members", [(1950, ELEVEN), (2016, FIFTEEN)])
def test_a_procedural_decision_knows_no_veto(year, members):
    """Article 27(2): the quota of any members' votes adopts a procedural decision; a permanent no
    is no veto ("Uniting for Peace" referrals, 2623 (2022) with Russia voting no)."""
    quota = charter.quota(year)
    votes = {code: "yes" if i <= quota else "abstain" for i, code in enumerate(members[1:], 1)}
    votes["CHN"] = "no"
    assert charter.standing(year, votes, None, Council()).settled == "vetoed"
    procedural = charter.standing(year, votes, None, Council(), procedural=True)
    assert procedural.settled == "adopted" and procedural.permanent_no == ("CHN",)
    votes[members[1]] = "abstain"
    assert charter.standing(year, votes, None, Council(), procedural=True).settled == "failed"
    assert charter.standing(year, {"CHN": "no"}, None, Council(), procedural=True).possible == ("adopted", "failed")
    assert "no member has a veto" in charter.rule_text(year, procedural=True)


@pytest.mark.parametrize("year", [1950, 2016])
def test_unknown_votes_leave_outcomes_open(year):
    found = charter.standing(year, {"SUN" if year < 1992 else "RUS": "no"}, None, Council())
    assert not found.complete and found.unknown == charter.seats(year) - 1
    assert found.possible == ("vetoed", "failed") and found.settled is None
    known_yes = charter.standing(year, {"RUS": "yes"}, {"yes": charter.quota(year)}, Council())
    assert known_yes.yes == (charter.quota(year),) * 2
    assert known_yes.possible == ("adopted", "vetoed")  # a permanent member's vote is not known


@pytest.mark.parametrize("year", [1950, 2016])
def test_a_tally_that_leaves_no_one_to_vote_no_settles_an_adoption(year):
    """"11 in favour and four abstentions": every seat is counted and none voted no, so no unknown
    permanent member can have vetoed; a no count that the recorded noes already fill says the same."""
    yes, seats = charter.quota(year) + 2, charter.seats(year)
    filled = charter.standing(year, {"USA": "abstain"}, {"yes": yes, "abstain": seats - yes}, Council())
    assert filled.possible == ("adopted",) and filled.settled == "adopted"
    noes_known = charter.standing(year, {"EGY": "no"}, {"yes": yes, "no": 1}, Council())
    assert noes_known.possible == ("adopted",)
    short = charter.standing(year, {"USA": "abstain"}, {"yes": yes, "abstain": seats - yes - 1}, Council())
    assert short.possible == ("adopted", "vetoed")  # one seat unaccounted for: it may be a permanent no


@pytest.mark.parametrize("year, seats", [(1951, 11), (2017, 15)])
def test_without_seats_the_year_counts_its_number_of_members(year, seats):
    found = charter.standing(year, {"RUS": "no", "FRA": "yes"}, None, Council())
    assert found.seated is None and found.unknown == seats - 2 and found.yes == (1, seats - 1)


def test_the_rule_in_words_for_each_era():
    assert charter.rule_text(2016).startswith("the Charter: adopted with nine or more yes")
    assert charter.rule_text(1950).startswith(
        "the Charter of 1950, when the Council had eleven members: adopted with seven or more yes")
    assert charter.short_of_text(1950) == "fewer than seven yes"
    assert charter.short_of_text(2016) == "fewer than nine yes"
    assert charter.needed_words([2016, 2011]) == ("nine votes needed", "the nine")
    assert charter.needed_words([1950, 2016]) == ("votes needed (seven before 1966)", "the votes")
    assert charter.quota_words([2016, 2011], "yes") == "nine yes"
    assert charter.quota_words([1950], "yes") == "seven yes"
    assert charter.quota_words([1950, 2016], "or more yes") == "nine or more yes (seven before 1966)"


@pytest.mark.parametrize("year, outcome", [(1950, "adopted"), (2016, "failed")])
def test_outcome_of_a_year_with_eight_yes(year, outcome):
    assert charter.outcome_of(year, 7 if year < 1966 else 8, {"FRA": "yes"}, Council()) == outcome


DRAFT_1950 = """
    drafts:
      - id: old
        title: A draft of 1950
        date: 1950-09-12
        status: failed
        votes: {CHN: yes, FRA: yes, GBR: yes, USA: no, EGY: yes, NOR: yes, ECU: abstain, SUN: no,
                IND: abstain, CUB: abstain, YUG: abstain}
    """


def _seat_1950(mini) -> None:
    """The mini project's council with the eleven seats of 1950, where its file lacks them."""
    council = mini.root / "data" / "council.yaml"
    text = council.read_text(encoding="utf-8")
    if "\n  1950: [" not in text:  # a council file of a few years only: the year of the draft added
        text = text.replace("seats:\n", "seats:\n  1950: [" + ", ".join(ELEVEN) + "]\n")
        for code in (code for code in ELEVEN if f"\n  {code}:\n" not in text):
            text = text.replace("\nseats:\n", f"\n  {code}:\n    name: {code}\n    permanent: true\n\nseats:\n", 1)
        council.write_text(text, encoding="utf-8")


@pytest.mark.parametrize("with_2016, needed, same", [
    (False, "seven yes", "seven yes"),
    (True, "nine yes (seven before 1966)", "that many yes"),
])
def test_the_report_gives_the_quota_of_the_years_it_covers(mini, with_2016, needed, same):
    """The report's outcome note, chart caption and vote-table legend give seven for a Council of
    eleven, and both numbers once drafts span 1966."""
    from votes import load_project, validate
    from votes.report import build_report

    _seat_1950(mini)
    mini.seed("a.txt", "Nothing here.\n")
    mini.records(DRAFT_1950.rstrip(" ") + (PROCEDURAL_RECORD.split("drafts:\n", 1)[1] if with_2016 else ""))
    project = load_project()
    markdown = build_report(project, validate(project)).markdown
    assert f"({needed} and no permanent no adopts; a permanent no on a draft with {same} is a veto" in markdown
    votes_word = needed.replace("yes", "votes")
    assert f"![Tally of each draft against the {votes_word} needed to adopt]" in markdown
    assert "**VETO**: a permanent member's no on a draft with " + needed.replace("yes", "or more yes") in markdown


def test_show_says_why_a_permanent_no_before_1966_was_no_veto(mini):
    """`votes show` words the rule of the draft's year: fewer than seven yes in 1950."""
    from votes import load_project, validate
    from votes.render import draft_text

    _seat_1950(mini)
    mini.seed("a.txt", "Nothing here.\n")
    mini.records(DRAFT_1950)
    project = load_project()
    shown = draft_text(project, validate(project), "old")
    assert "permanent no, not a veto (fewer than seven yes): Union of Soviet Socialist Republics, United States\n" \
        in shown


def test_show_and_the_report_say_a_procedural_decision_knows_no_veto(mini):
    """A procedural decision adopted over Russia's no: `votes show` and the report's draft section say
    why the no was no veto."""
    from votes import load_project, validate
    from votes.render import draft_text

    mini.seed("a.txt", "Nothing here.\n")
    mini.records(PROCEDURAL_RECORD)
    project = load_project()
    validation = validate(project)
    assert "status-mismatch" not in [p.code for p in validation.problems]
    shown = draft_text(project, validation, "uniting")
    assert "status adopted (a procedural decision) (the Charter gives: adopted)" in shown
    assert "permanent no, not a veto (a procedural decision): Russian Federation\n" in shown
    from votes.report import build_report
    report = build_report(project, validation)
    assert "- Russian Federation voted no as a permanent member, but the decision was procedural: not a veto." \
        in report.markdown
    assert "On a procedural decision (Article 27(2) of the Charter) nine yes adopt whoever votes no." \
        in report.markdown
