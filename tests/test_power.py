"""Voting power and pivots: exact indices against published values and brute force, pivots against the Charter."""

from __future__ import annotations

import datetime as dt
import itertools
import json
from fractions import Fraction
from math import factorial

import pytest

from conftest import PROCEDURAL_RECORD, PROJECT, assert_golden
from votes.model import VOTES, adoption_threshold
from votes.power import (
    COUNCIL_1946, COUNCIL_1966, Ballot, Rule, ballot_pivots, council_rules, draft_pivots, is_decisive, outcome,
    power_data, power_indices,
)


def test_fifteen_member_council_equals_the_published_values():
    # Straffin, Game Theory and Strategy (1993); Felsenthal & Machover, The Measurement of Voting Power (1998)
    power = power_indices(COUNCIL_1966)
    assert power.shapley_permanent == Fraction(421, 2145)
    assert power.shapley_elected == Fraction(4, 2145)
    assert (power.swings_permanent, power.swings_elected, power.swings_total) == (848, 84, 5080)
    assert power.banzhaf_permanent == Fraction(106, 635)  # 0.1669
    assert power.banzhaf_elected == Fraction(21, 1270)  # 0.0165
    assert power.absolute_permanent == Fraction(53, 1024)  # 0.0518
    assert power.absolute_elected == Fraction(21, 4096)  # 0.0051
    assert 5 * power.shapley_permanent + 10 * power.shapley_elected == 1
    assert 5 * power.banzhaf_permanent + 10 * power.banzhaf_elected == 1


def test_eleven_member_council_equals_the_published_values():
    # Shapley & Shubik (1954): the five permanent members held 76/77 of the power, about 98.7%
    power = power_indices(COUNCIL_1946)
    assert power.shapley_permanent == Fraction(76, 385)
    assert power.shapley_elected == Fraction(1, 462)
    assert 5 * power.shapley_permanent == Fraction(76, 77)
    assert 5 * power.shapley_permanent + 6 * power.shapley_elected == 1
    assert (power.swings_permanent, power.swings_elected) == (57, 5)
    assert power.banzhaf_permanent == Fraction(19, 105) and power.banzhaf_elected == Fraction(1, 63)
    assert power.absolute_permanent == Fraction(57, 1024)


def brute_force(rule: Rule) -> tuple[list[Fraction], list[int]]:
    """Shapley-Shubik and Banzhaf swings of every seat by enumerating all 2^n coalitions."""
    n = rule.seats
    permanent = set(range(rule.permanent))

    def wins(members: frozenset) -> bool:
        return permanent <= members and len(members) >= rule.quota

    shapley = [Fraction(0)] * n
    swings = [0] * n
    for size in range(n + 1):
        for members in map(frozenset, itertools.combinations(range(n), size)):
            if not wins(members):
                continue
            for i in members:
                if not wins(members - {i}):
                    swings[i] += 1
                    shapley[i] += Fraction(factorial(size - 1) * factorial(n - size), factorial(n))
    return shapley, swings


@pytest.mark.parametrize("rule", [COUNCIL_1966, COUNCIL_1946, Rule(14, 5, 9), Rule(15, 0, 9), Rule(7, 2, 5),
                                  Rule(5, 5, 3), Rule(6, 2, 7)])
def test_counting_by_elected_members_equals_enumerating_every_coalition(rule):
    shapley, swings = brute_force(rule)
    power = power_indices(rule)
    for seat in range(rule.seats):
        permanent = seat < rule.permanent
        assert shapley[seat] == (power.shapley_permanent if permanent else power.shapley_elected)
        assert swings[seat] == (power.swings_permanent if permanent else power.swings_elected)
    if any(swings):
        assert sum(shapley) == 1


def test_quota_follows_the_charter_of_the_year():
    assert adoption_threshold(1965) == 7 and adoption_threshold(1966) == 9 and adoption_threshold(2016) == 9


def test_each_composition_of_council_yaml(mini):
    path = mini.root / "data" / "council.yaml"
    text = path.read_text(encoding="utf-8")
    seats = text[text.index("\nseats:\n"):text.index("\ngroups:\n")]
    text = text.replace(seats, "\nseats:\n  1960: [CHN, FRA, GBR, RUS, USA, ARG, AUS, BRA, CHL, COL, DEU]\n"
                               "  2011: [CHN, FRA, GBR, RUS, USA, BIH, BRA, COL, DEU, GAB, IND, LBN, NGA, PRT, ZAF]\n"
                               "  2015: [CHN, FRA, GBR, RUS, USA, AGO, EGY, ESP, JPN, MYS, NZL, SEN, UKR, URY]\n"
                               "  2016: [CHN, FRA, GBR, RUS, USA, AGO, EGY, ESP, JPN, MYS, NZL, SEN, UKR, URY, VEN]\n")
    path.write_text(text, encoding="utf-8")
    mini.seed("a.txt", "Nothing.\n")
    mini.records("drafts: []\n")
    from votes import load_project

    rules = council_rules(load_project().council)
    assert [(r.seats, r.permanent, r.quota, years) for r, years in rules] == [
        (11, 5, 7, (1960,)), (15, 5, 9, (2011, 2016)), (14, 5, 9, (2015,))]
    assert power_indices(rules[0][0]) == power_indices(COUNCIL_1946)


# --- pivots --------------------------------------------------------------------------------------

SEATS = ("CHN", "FRA", "GBR", "RUS", "USA", "AGO", "EGY", "ESP", "JPN", "MYS", "NZL", "SEN", "UKR", "URY", "VEN")
P5 = frozenset(SEATS[:5])


def ballot(votes, tally=None, status=None, year=2016) -> Ballot:
    return Ballot("d", None, dt.date(year, 1, 1), status, SEATS, P5, votes, tally)


def charter(votes: dict) -> str:
    """The Charter's outcome of complete votes, written out independently of votes.power."""
    yes = sum(1 for v in votes.values() if v == "yes")
    vetoed = any(v == "no" for c, v in votes.items() if c in P5)
    return "failed" if yes < 9 else "vetoed" if vetoed else "adopted"


def decisive_by_flipping(votes: dict) -> list[str]:
    adopted = charter(votes) == "adopted"
    return [c for c in votes if any((charter({**votes, c: other}) == "adopted") != adopted
                                    for other in VOTES if other != votes[c])]


def test_exactly_nine_yes_makes_every_yes_and_every_permanent_member_decisive():
    votes = dict(zip(SEATS, ["yes"] * 4 + ["abstain"] + ["yes"] * 5 + ["no"] * 3 + ["abstain", "absent"]))
    pivots = ballot_pivots(ballot(votes))
    assert pivots.outcome == "adopted" and pivots.yes == (9, 9) and pivots.missing == (0, 0)
    assert list(pivots.decisive) == decisive_by_flipping(votes)
    assert set(pivots.decisive) == set(P5) | {c for c, v in votes.items() if v == "yes"}


def test_a_lone_veto_is_decisive_and_two_are_not():
    votes = dict(zip(SEATS, ["no"] + ["yes"] * 14))
    one = ballot_pivots(ballot(votes))
    assert one.decisive == ("CHN",) and one.vetoes == ("CHN",) and one.outcome == "vetoed"
    two = ballot_pivots(ballot({**votes, "RUS": "no"}))
    assert two.decisive == () and two.vetoes == ("CHN", "RUS")


def test_one_short_of_nine_makes_every_non_yes_vote_decisive_but_a_permanent_no():
    votes = dict(zip(SEATS, ["yes"] * 8 + ["abstain"] * 6 + ["no"]))
    pivots = ballot_pivots(ballot(votes))
    assert pivots.missing == (1, 1) and pivots.outcome == "failed"
    assert list(pivots.decisive) == decisive_by_flipping(votes)
    assert "VEN" in pivots.decisive and "CHN" not in pivots.decisive  # CHN voted yes; a no keeps it failed


def test_permanent_no_short_of_nine_would_have_been_a_veto():
    votes = dict(zip(SEATS, ["no", "yes", "yes", "yes", "yes"] + ["no"] * 10))
    pivots = ballot_pivots(ballot(votes))
    assert pivots.would_be_vetoes == ("CHN",) and pivots.vetoes == () and pivots.missing == (5, 5)


def test_a_procedural_decision_gives_no_permanent_member_a_veto(mini):
    """On a procedural decision a permanent no is one vote like another: no veto, no pivot by it."""
    mini.records(PROCEDURAL_RECORD)
    mini.seed("a.txt", "Nothing.\n")
    from votes import load_project
    from votes.power import draft_ballots
    (found,) = draft_ballots(load_project())
    assert found.permanent == frozenset()
    pivots = ballot_pivots(found)
    assert pivots.outcome == "adopted" and pivots.vetoes == () and "RUS" not in pivots.decisive


def test_unknown_votes_are_never_guessed():
    # eight yes known, RUS abstained, the rest unknown; nothing else recorded
    votes = {c: "yes" for c in SEATS[5:13]}
    votes["RUS"] = "abstain"
    pivots = ballot_pivots(ballot(votes))
    assert pivots.outcome is None and pivots.yes == (8, 14) and pivots.missing == (0, 1)
    assert pivots.decisive == ()
    assert set(pivots.undetermined) == set(SEATS)  # each could be decisive, or not, as the others voted
    assert pivots.unknown == ("CHN", "FRA", "GBR", "USA", "URY", "VEN")


def test_the_tally_and_status_settle_what_the_votes_alone_do_not():
    votes = {"RUS": "no", "CHN": "no"}
    open_ = ballot_pivots(ballot(votes))
    assert open_.outcome is None and open_.unsettled_vetoes == ("CHN", "RUS") and open_.yes == (0, 13)
    vetoed = ballot_pivots(ballot(votes, status="vetoed"))
    assert vetoed.vetoes == ("CHN", "RUS") and vetoed.yes == (9, 13) and vetoed.missing == (0, 0)
    assert vetoed.decisive == () and vetoed.undetermined == ()  # with two vetoes no one vote matters
    counted = ballot_pivots(ballot(votes, tally={"yes": 9, "no": 2, "abstain": 4}))
    assert counted.yes == (9, 9) and counted.outcome == "vetoed"


def test_a_record_that_contradicts_itself_is_read_from_its_votes():
    votes = dict(zip(SEATS, ["yes"] * 15))
    pivots = ballot_pivots(ballot(votes, tally={"yes": 3}, status="failed"))
    assert not pivots.consistent and pivots.outcome == "adopted"


def test_pivots_before_1966_use_seven_of_eleven():
    seats = SEATS[:11]
    votes = dict(zip(seats, ["yes"] * 7 + ["no"] * 4))
    pivots = ballot_pivots(Ballot("old", None, dt.date(1950, 6, 27), None, seats, P5, votes, None))
    assert pivots.quota == 7 and pivots.outcome == "adopted"
    assert set(pivots.decisive) == set(seats[:7])


def test_is_decisive_matches_outcome():
    for vote, permanent, yes, permanent_no in itertools.product(VOTES, (True, False), range(16), range(3)):
        flips = [o for o in VOTES if o != vote and (outcome(
            yes - (vote == "yes") + (o == "yes"),
            permanent_no - (permanent and vote == "no") + (permanent and o == "no"), 9) == "adopted")
            != (outcome(yes, permanent_no, 9) == "adopted")]
        assert is_decisive(vote, permanent, yes, permanent_no, 9) == bool(flips)


def test_pivots_of_each_shipped_draft_agree_with_the_charter(shipped_project):
    project, validation = shipped_project
    pivots = draft_pivots(project)
    assert pivots and [p.id for p in pivots] == [d for d in (x.id for x in sorted(
        (d for d in project.records.drafts if d.status != "not-voted"), key=lambda d: (d.date, d.id)))]
    for p in pivots:
        draft = project.records.draft(p.id)
        check = validation.drafts[p.id]
        assert p.outcome == draft.status
        assert check.outcome in (None, p.outcome)
        assert p.vetoes == check.vetoed_by
        assert p.would_be_vetoes == check.not_vetoes
        seats = project.council.seated(draft.year)
        assert set(p.unknown) == set(seats) - set(draft.votes)
        if not p.unknown:
            assert list(p.decisive) == decisive_by_flipping(draft.votes) and p.undetermined == ()
            assert p.yes[0] == p.yes[1] == sum(1 for v in draft.votes.values() if v == "yes")


def test_power_command_text_and_json(cli, monkeypatch):
    monkeypatch.chdir(PROJECT)
    assert_golden("power.txt", cli("power").output)
    data = json.loads(cli("power", "--format", "json").output)
    since_1966 = data["rules"][0]
    assert since_1966["permanent_member"]["shapley_shubik"]["exact"] == "421/2145"
    assert since_1966["elected_member"]["banzhaf_absolute"]["exact"] == "21/4096"
    assert data["rules"][1]["quota"] == 7
    by_id = {p["id"]: p for p in data["pivots"]}
    assert by_id["fr-es-aleppo-2016-10"]["decisive"] == ["RUS"]
    assert by_id["ru-aleppo-2016-10"]["missing"] == {"low": 5, "high": 5}
    assert power_data.__doc__
