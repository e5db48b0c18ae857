"""The analyses against values worked by hand on tiny projects, and against the shipped data."""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from votes import analysis
from votes.model import Council, Draft, Loc, Member, Records
from votes.project import Project
from votes.tables import votes_frame
from votes.validate import Coverage, Validation
from conftest import EAST, WEST



def tiny_project(votes_by_draft: dict[str, dict[str, str]], seats: list[str],
                 groups: dict[str, tuple[str, ...]] | None = None, permanent: tuple[str, ...] = ()) -> Project:
    """A project held in memory: every member seated in 2020, one draft a day, in the given order."""
    members = {code: Member(code, f"Member {code}", code in permanent, (code,), Loc(1, 1)) for code in seats}
    council = Council("council.yaml", members, {2020: tuple(seats)}, groups or {})
    drafts = [tiny_draft(draft_id, dt.date(2020, 1, 1 + i), votes)
              for i, (draft_id, votes) in enumerate(votes_by_draft.items())]
    return Project(Records("resolutions.yaml", drafts, []), council, Path("seeds"), {}, None)


def tiny_draft(draft_id: str, date: dt.date, votes: dict[str, str], status: str = "failed") -> Draft:
    draft = Draft(draft_id, f"Draft {draft_id}", date, status, Loc(1, 1))
    draft.votes = dict(votes)
    return draft


def tiny_frame(votes_by_draft, seats, groups=None):
    project = tiny_project(votes_by_draft, seats, groups)
    return votes_frame(project, Validation([], {}, Coverage()))


# Five members, three drafts; a member left out of a draft is unknown.
#           d1       d2       d3
#   AAA     yes      yes      no
#   BBB     yes      no       no
#   CCC     no       no       abstain
#   DDD     abstain  yes      (unknown)
#   EEE     (unknown) absent  yes
HAND = {
    "d1": {"AAA": "yes", "BBB": "yes", "CCC": "no", "DDD": "abstain"},
    "d2": {"AAA": "yes", "BBB": "no", "CCC": "no", "DDD": "yes", "EEE": "absent"},
    "d3": {"AAA": "no", "BBB": "no", "CCC": "abstain", "EEE": "yes"},
}
SEATS = ["AAA", "BBB", "CCC", "DDD", "EEE"]


@pytest.fixture
def hand_agreement():
    return analysis.agreement_matrix(tiny_frame(HAND, SEATS))


@pytest.mark.parametrize("a, b, value, drafts", [
    # d1 yes/yes 1, d2 yes/no 0, d3 no/no 1: (1 + 0 + 1) / 3
    ("AAA", "BBB", 2 / 3, 3),
    # d1 yes/abstain 1/2, d2 yes/yes 1; d3 DDD unknown, left out: (0.5 + 1) / 2
    ("AAA", "DDD", 0.75, 2),
    # d1 EEE unknown, d2 EEE absent: both left out; d3 no/yes 0: 0 / 1
    ("AAA", "EEE", 0.0, 1),
    # d1 yes/no 0, d2 no/no 1, d3 no/abstain 1/2: (0 + 1 + 0.5) / 3
    ("BBB", "CCC", 0.5, 3),
    # d1 no/abstain 1/2, d2 no/yes 0; d3 DDD unknown: (0.5 + 0) / 2
    ("CCC", "DDD", 0.25, 2),
])
def test_agreement_by_hand(hand_agreement, a, b, value, drafts):
    agreement, shared = hand_agreement
    assert agreement.at[a, b] == pytest.approx(value)
    assert agreement.at[b, a] == pytest.approx(value)
    assert shared.at[a, b] == shared.at[b, a] == drafts


def test_unknown_and_absent_never_count(hand_agreement):
    # DDD-EEE: d1 EEE unknown, d2 EEE absent, d3 DDD unknown: no draft where both took a position.
    agreement, shared = hand_agreement
    assert shared.at["DDD", "EEE"] == 0
    assert math.isnan(agreement.at["DDD", "EEE"])
    # Recording EEE's d1 vote as unknown or leaving it out is the same thing; an absent d3 for DDD too.
    more = {**HAND, "d3": {**HAND["d3"], "DDD": "absent"}}
    again, again_shared = analysis.agreement_matrix(tiny_frame(more, SEATS))
    assert again.at["AAA", "DDD"] == pytest.approx(0.75) and again_shared.at["AAA", "DDD"] == 2


def test_agreement_leaves_out_members_with_no_position():
    votes = {"d1": {"AAA": "yes", "BBB": "no", "CCC": "absent"}}
    agreement, shared = analysis.agreement_matrix(tiny_frame(votes, ["AAA", "BBB", "CCC", "DDD"]))
    assert list(agreement.index) == list(agreement.columns) == ["AAA", "BBB"]
    assert agreement.at["AAA", "BBB"] == 0.0 and shared.at["AAA", "AAA"] == 1


def test_identical_blocs_chain_and_need_two_drafts():
    # AAA = FFF on d1, d2 (FFF unknown on d3); FFF = GGG on d1, d2; AAA and GGG differ on d3 (no / yes).
    # HHH votes like AAA on d1 only: one shared draft is not enough.
    votes = {
        "d1": {"AAA": "yes", "FFF": "yes", "GGG": "yes", "HHH": "yes", "JJJ": "no"},
        "d2": {"AAA": "no", "FFF": "no", "GGG": "no", "JJJ": "yes"},
        "d3": {"AAA": "no", "GGG": "yes", "JJJ": "no"},
    }
    agreement, shared = analysis.agreement_matrix(tiny_frame(votes, ["AAA", "FFF", "GGG", "HHH", "JJJ"]))
    assert agreement.at["AAA", "GGG"] == pytest.approx(2 / 3)
    assert analysis.identical_blocs(agreement, shared) == [("AAA", "FFF", "GGG")]
    assert analysis.identical_blocs(agreement, shared, min_drafts=3) == []


def test_rice_and_hix_indices():
    assert analysis.rice_index(2, 1) == pytest.approx(1 / 3)
    assert analysis.rice_index(3, 3) == 0.0
    assert math.isnan(analysis.rice_index(0, 0))
    # max 2 of 3: (2 - (3 - 2) / 2) / 3
    assert analysis.hix_agreement_index(2, 1, 0) == pytest.approx(0.5)
    assert analysis.hix_agreement_index(1, 1, 1) == pytest.approx(0.0)
    assert analysis.hix_agreement_index(0, 0, 4) == 1.0
    assert math.isnan(analysis.hix_agreement_index(0, 0, 0))


def test_cohesion_by_hand():
    groups = {"G1": ("AAA", "BBB", "CCC"), "G2": ("DDD", "EEE"), "away": ("ZZZ",)}
    votes = {**HAND, "d4": {"AAA": "yes", "BBB": "yes", "CCC": "yes"}}
    table = analysis.cohesion_table(tiny_frame(votes, SEATS, groups), groups)
    cells = {(r.draft_id, r.group): r for r in table.itertuples()}
    assert "away" not in set(table["group"])  # no member of it seated
    # d1, G1: yes, yes, no. Rice |2 - 1| / 3; HNR (2 - (3 - 2) / 2) / 3 = 0.5
    d1 = cells["d1", "G1"]
    assert (d1.yes, d1.no, d1.abstain, d1.known, d1.seated) == (2, 1, 0, 3, 3)
    assert d1.rice == pytest.approx(1 / 3) and d1.agreement == pytest.approx(0.5)
    # d3, G1: no, no, abstain. Rice |0 - 2| / 2 = 1; HNR (2 - 1 / 2) / 3 = 0.5
    assert cells["d3", "G1"].rice == pytest.approx(1.0) and cells["d3", "G1"].agreement == pytest.approx(0.5)
    # d1, G2: DDD abstains, EEE unknown. No yes or no: Rice undefined, not 0; HNR (1 - 0) / 1 = 1
    d1 = cells["d1", "G2"]
    assert math.isnan(d1.rice) and d1.agreement == 1.0 and (d1.known, d1.seated) == (1, 2)
    # d2, G2: DDD yes, EEE absent. Absent is known but is no position: Rice 1 over the one yes
    d2 = cells["d2", "G2"]
    assert (d2.known, d2.yes, d2.rice, d2.agreement) == (2, 1, 1.0, 1.0)
    # d4, G2: nothing known. Both indices undefined.
    d4 = cells["d4", "G2"]
    assert d4.known == 0 and math.isnan(d4.rice) and math.isnan(d4.agreement)


def test_average_linkage_matches_scipy():
    from scipy.cluster import hierarchy  # the reference implementation, a test dependency
    rng = np.random.default_rng(4)
    for count in (2, 3, 6, 17, 40):
        noise = rng.random((count, count))
        distance = (noise + noise.T) / 2
        np.fill_diagonal(distance, 0.0)
        expected = hierarchy.linkage(distance[np.triu_indices(count, 1)], method="average")
        ours = analysis.average_linkage(distance)
        np.testing.assert_allclose(ours, expected)
        assert analysis.leaf_order(ours, count) == hierarchy.leaves_list(expected).tolist()
        for cut in (0.3, 0.45, 0.6):
            theirs = hierarchy.fcluster(expected, t=cut, criterion="distance")
            mine = analysis.cut_tree(ours, count, cut)
            assert _partition(theirs) == _partition(mine)


def _partition(labels) -> set[frozenset[int]]:
    groups: dict = {}
    for leaf, label in enumerate(labels):
        groups.setdefault(label, set()).add(leaf)
    return {frozenset(g) for g in groups.values()}


def test_cluster_members_leave_out_pairs_with_no_shared_draft():
    import pandas as pd

    # AAA-BBB agree fully, CCC-DDD at 0.8, across 0.1; EEE shares no draft with DDD.
    codes = ["AAA", "BBB", "CCC", "DDD", "EEE"]
    values = np.array([
        [1.0, 1.0, 0.1, 0.1, 0.9],
        [1.0, 1.0, 0.1, 0.1, 0.9],
        [0.1, 0.1, 1.0, 0.8, 0.2],
        [0.1, 0.1, 0.8, 1.0, np.nan],
        [0.9, 0.9, 0.2, np.nan, 1.0],
    ])
    agreement = pd.DataFrame(values, index=codes, columns=codes)
    clustering = analysis.cluster_members(agreement)
    assert clustering.unshared == 1 and clustering.unlinked == 0
    # joins: AAA+BBB at 0; then EEE to them at 0.1; CCC+DDD at 0.2; the two groups at the mean of the
    # five defined distances, EEE-DDD left out: (0.9 * 4 + 0.8) / 5 = 0.88 (not 0.9 as if it were 1)
    np.testing.assert_allclose(clustering.linkage[:, 2], [0.0, 0.1, 0.2, 0.88])
    assert sorted(map(sorted, clustering.clusters)) == [["AAA", "BBB", "EEE"], ["CCC", "DDD"]]
    assert sorted(clustering.leaves) == codes
    # weighted by shared drafts, each shared vote counts once: EEE-CCC on 6 drafts, the others on 1
    shared = pd.DataFrame(np.where(np.isnan(values), 0, 1), index=codes, columns=codes)
    shared.loc["EEE", "CCC"] = shared.loc["CCC", "EEE"] = 6
    weighted = analysis.cluster_members(agreement, shared)
    np.testing.assert_allclose(weighted.linkage[:, 2], [0.0, 0.1, 0.2, (0.9 * 4 + 0.8 * 6) / 10])


def test_clusters_never_joined_on_no_shared_vote():
    import pandas as pd

    # two pairs that never voted on a common draft: joined last, above every distance and the cut
    codes = ["AAA", "BBB", "CCC", "DDD"]
    values = np.array([[1.0, 1.0, np.nan, np.nan], [1.0, 1.0, np.nan, np.nan],
                       [np.nan, np.nan, 1.0, 0.0], [np.nan, np.nan, 0.0, 1.0]])
    clustering = analysis.cluster_members(pd.DataFrame(values, index=codes, columns=codes))
    assert clustering.unshared == 4 and clustering.unlinked == 1
    np.testing.assert_allclose(clustering.linkage[:, 2], [0.0, 1.0, analysis.UNLINKED_HEIGHT])
    assert sorted(map(sorted, clustering.clusters)) == [["AAA", "BBB"], ["CCC"], ["DDD"]]


def test_members_voting_alike_on_every_shared_draft_share_a_cluster_across_years(three_years):
    frame = votes_frame(three_years, Validation([], {}, Coverage()))
    agreement, shared = analysis.agreement_matrix(frame)
    assert shared.at["ESP", "NOR"] == 0 and shared.at["FRA", "NOR"] == 2  # Spain left before Norway came
    clustering = analysis.cluster_members(agreement, shared)
    cluster_of = {member: i for i, group in enumerate(clustering.clusters) for member in group}
    identical = [(a, b) for a in agreement.index for b in agreement.index
                 if a < b and shared.at[a, b] and agreement.at[a, b] == 1.0]
    assert ("ESP", "FRA") in identical and ("FRA", "NOR") in identical
    assert all(cluster_of[a] == cluster_of[b] for a, b in identical)
    assert len({cluster_of[m] for m in WEST}) == 1 and len({cluster_of[m] for m in EAST}) == 1
    assert cluster_of["FRA"] != cluster_of["RUS"]
    # cut at 0, the West is one cluster still, the East another, and no cluster holds two members who
    # voted apart on a draft they shared; so Uruguay, alike with Senegal wherever they met but not with
    # France, stays out of the cluster Senegal and France share
    strict = analysis.cluster_members(agreement, shared, cut=0.0)
    of = {member: i for i, group in enumerate(strict.clusters) for member in group}
    assert len({of[m] for m in WEST}) == 1 and len({of[m] for m in EAST}) == 1
    for group in strict.clusters:
        assert all(agreement.at[a, b] == 1.0 for a in group for b in group if shared.at[a, b])
    assert ("SEN", "URY") in identical and agreement.at["FRA", "URY"] < 1 and of["SEN"] == of["FRA"] != of["URY"]
    assert strict.unshared == clustering.unshared > 0 and strict.unlinked == 0


@settings(max_examples=40, deadline=None)
@given(st.data())
def test_two_sides_are_two_clusters_whoever_sat_when(data):
    """Members on two sides, each side voting alike on every draft and the sides opposed: whichever
    years each member sat and whichever votes are not known, the clusters cut at 0 are the sides'
    members linked by shared votes, never split and never mixed."""
    codes = [f"M{i:02d}" for i in range(12)]
    side = {code: data.draw(st.sampled_from("AB")) for code in codes}
    seats = {2000 + y: tuple(data.draw(st.lists(st.sampled_from(codes), min_size=2, max_size=8, unique=True)))
             for y in range(data.draw(st.integers(1, 4)))}
    votes_by_draft = {}
    for year, seated in seats.items():
        for k in range(data.draw(st.integers(1, 3))):
            line = data.draw(st.sampled_from(["yes", "no", "abstain"]))
            other = {"yes": "no", "no": "yes", "abstain": "yes"}[line]
            known = data.draw(st.lists(st.sampled_from(seated), unique=True))
            votes_by_draft[(year, k)] = {c: line if side[c] == "A" else other for c in known}
    members = {code: Member(code, code, False, (code,), Loc(1, 1)) for code in codes}
    drafts = [tiny_draft(f"d{year}-{k}", dt.date(year, 1, 1 + k), votes)
              for (year, k), votes in votes_by_draft.items()]
    project = Project(Records("r.yaml", drafts, []), Council("c.yaml", members, seats, {}), Path("seeds"), {}, None)
    agreement, shared = analysis.agreement_matrix(votes_frame(project, Validation([], {}, Coverage())))
    if len(agreement) < 2:
        return
    clustering = analysis.cluster_members(agreement, shared, cut=0.0)
    cluster_of = {member: i for i, group in enumerate(clustering.clusters) for member in group}
    for a in agreement.index:
        for b in agreement.index:
            if shared.at[a, b] and agreement.at[a, b] == 1.0:
                assert cluster_of[a] == cluster_of[b], (a, b)  # alike wherever they met: one cluster
            if cluster_of[a] == cluster_of[b]:
                assert side[a] == side[b], (a, b)  # and no cluster holds both sides


def test_vote_matrix_tells_unknown_from_not_seated():
    project = tiny_project({"d1": {"AAA": "yes"}}, ["AAA", "BBB"])
    project.council.seats[2021] = ("AAA", "CCC")
    project.council.members["CCC"] = Member("CCC", "Member CCC", False, ("CCC",), Loc(1, 1))
    project.records.drafts.append(tiny_draft("d2", dt.date(2021, 1, 1), {"CCC": "no"}))
    matrix = analysis.vote_matrix(votes_frame(project, Validation([], {}, Coverage())))
    assert matrix.at["AAA", "d1"] == "yes"
    assert isinstance(matrix.at["BBB", "d1"], float) and math.isnan(matrix.at["BBB", "d1"])  # seated, unknown
    assert matrix.at["BBB", "d2"] == analysis.NOT_SEATED
    assert matrix.at["CCC", "d1"] == analysis.NOT_SEATED


# --- the shipped data ------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def shipped(shipped_project):
    project, validation = shipped_project
    return project, validation, votes_frame(project, validation)


def test_shipped_outcomes(shipped):
    project, validation, _ = shipped
    outcomes = analysis.outcome_table(project, validation)
    fr = outcomes.loc["fr-es-aleppo-2016-10"]
    assert (fr.yes, fr.no, fr.abstain, fr.tally_from) == (11, 2, 2, "recorded")
    assert fr.outcome == "vetoed" and fr.vetoed_by == ("RUS",) and fr.not_vetoes == ()
    ru = outcomes.loc["ru-aleppo-2016-10"]
    assert (ru.yes, ru.no, ru.abstain, ru.status, ru.outcome) == (4, 9, 2, "failed", "failed")
    assert ru.vetoed_by == () and ru.not_vetoes == ("FRA", "GBR", "USA")
    old = outcomes.loc["syria-crackdown-2011-10"]
    assert (old.yes, old.no, old.abstain, old.tally_from, old.unknown) == (0, 2, 0, "partial", 13)
    assert old.vetoed_by == ("CHN", "RUS")
    assert list(outcomes.index)[-2:] == ["fr-es-aleppo-2016-10", "ru-aleppo-2016-10"]


def test_shipped_agreement(shipped):
    agreement, shared = analysis.agreement_matrix(shipped[2])
    # RUS and VEN: no/no on the French-Spanish draft, yes/yes on the Russian one
    assert agreement.at["RUS", "VEN"] == 1.0 and shared.at["RUS", "VEN"] == 2
    # RUS and CHN: fr-es no vs abstain 1/2, ru yes/yes 1, four earlier drafts no/no 1 each
    assert agreement.at["RUS", "CHN"] == pytest.approx((0.5 + 1 + 4) / 6) and shared.at["RUS", "CHN"] == 6
    # FRA and RUS voted opposite ways both times
    assert agreement.at["FRA", "RUS"] == 0.0
    blocs = analysis.identical_blocs(agreement, shared)
    assert ("RUS", "VEN") in blocs
    assert ("FRA", "GBR", "USA", "ESP", "JPN", "MYS", "NZL", "SEN", "UKR") in blocs


def test_shipped_stances(shipped):
    stances = analysis.stance_table(shipped[0])
    nz = stances[stances["draft_id"] == "nz-aleppo-2016-10"]
    assert list(zip(nz["member"], nz["drafter"])) == [("NZL", True), ("RUS", False)]
    assert nz["stance"].isna().tolist() == [True, False] and nz["stance"].iloc[1] == "neutral"
    assert set(stances["draft_id"]) == {"nz-aleppo-2016-10", "us-chemical-weapons-2016-10"}
