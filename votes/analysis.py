"""The analyses of DESIGN.md: outcomes, vote and agreement matrices, blocs, cohesion, stances.

Every function takes the tidy frame of `votes.tables.votes_frame` (or, for
what the Charter decides, the project and its validation) and returns pandas
objects a notebook can use as they are; nothing here draws or writes.

Two rules hold throughout. An unknown vote (NaN in the frame) is never read
as a position: it counts neither for nor against agreement or cohesion.
And `absent` is a known fact but not a position, so the indices below use
only yes, no and abstain.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from .model import TALLY_KEYS
from .project import Project
from .tables import voted_drafts
from .validate import Validation

#: The votes that are positions: the only ones agreement and cohesion count.
POSITIONS = ("yes", "no", "abstain")
#: The value of a vote-matrix cell for a member who did not sit on the Council that year.
NOT_SEATED = "not-seated"
#: Identical profiles need at least this many drafts both members voted on.
IDENTICAL_MIN_DRAFTS = 2
#: Clusters are cut at this distance: members agreeing on average at least half the time stay together.
CLUSTER_CUT = 0.5
#: The distance given to two members with no draft in common: no evidence that they agree.
NO_SHARED_DISTANCE = 1.0

# Lijphart's index as a distance on a line: yes 1, abstain 1/2, no 0, agreement 1 - |a - b|.
_POINT = {"yes": 1.0, "abstain": 0.5, "no": 0.0}


def member_order(frame: pd.DataFrame) -> list[str]:
    """Members as every table lists them: permanent first, then by first seat, then as seated."""
    first = frame.drop_duplicates("member")
    ranked = sorted(range(len(first)), key=lambda i: (not first["permanent"].iat[i], first["date"].iat[i], i))
    return [first["member"].iat[i] for i in ranked]


def draft_order(frame: pd.DataFrame) -> list[str]:
    """Voted drafts in the frame's order: oldest first, ties by id."""
    return list(dict.fromkeys(frame["draft_id"]))


def known_members(frame: pd.DataFrame) -> list[str]:
    """Members with at least one known yes, no or abstain, in `member_order`."""
    voting = set(frame.loc[frame["vote"].isin(POSITIONS), "member"])
    return [m for m in member_order(frame) if m in voting]


# --- outcomes ------------------------------------------------------------------------------------

def outcome_table(project: Project, validation: Validation) -> pd.DataFrame:
    """One row per voted draft, indexed by draft id: its tally and what the Charter made of it.

    Columns: date, symbol, title, status; yes, no, abstain; `tally_from` is
    "recorded" when the record gives all three numbers, "counted" when they are
    counted from complete votes, "partial" when counted from known votes while
    `unknown` seated members' votes are not known (the true numbers may be
    higher); `outcome` is what the Charter gives for the recorded votes (None
    when they do not settle it); `vetoed_by` the permanent members whose no
    was a veto; `not_vetoes` permanent no votes on a draft that failed anyway.
    """
    rows = []
    for draft in voted_drafts(project):
        check = validation.drafts.get(draft.id)
        seats = project.council.seated(draft.year) or tuple(draft.votes)
        members = list(seats) + [c for c in draft.votes if c not in seats]
        unknown = sum(1 for c in members if c not in draft.votes)
        counted = {key: sum(1 for v in draft.votes.values() if v == key) for key in TALLY_KEYS}
        recorded = draft.tally or {}
        tally = {key: recorded.get(key, counted[key]) for key in TALLY_KEYS}
        if all(key in recorded for key in TALLY_KEYS):
            tally_from = "recorded"
        else:
            tally_from = "counted" if unknown == 0 else "partial"
        rows.append({
            "draft_id": draft.id, "date": draft.date, "symbol": draft.symbol, "title": draft.title,
            "status": draft.status, **tally, "tally_from": tally_from, "unknown": unknown,
            "outcome": check.outcome if check else None,
            "vetoed_by": check.vetoed_by if check else (),
            "not_vetoes": check.not_vetoes if check else (),
        })
    columns = ["draft_id", "date", "symbol", "title", "status", *TALLY_KEYS, "tally_from", "unknown",
               "outcome", "vetoed_by", "not_vetoes"]
    return pd.DataFrame(rows, columns=columns).set_index("draft_id")


# --- matrices ------------------------------------------------------------------------------------

def vote_matrix(frame: pd.DataFrame) -> pd.DataFrame:
    """Members (rows, `member_order`) x voted drafts (columns): each member's vote.

    Cells hold yes, no, abstain or absent; NaN where the member sat but the
    vote is not known; `NOT_SEATED` where the member was not on the Council.
    """
    members, drafts = member_order(frame), draft_order(frame)
    matrix = pd.DataFrame(NOT_SEATED, index=pd.Index(members, name="member"),
                          columns=pd.Index(drafts, name="draft_id"), dtype=object)
    for member, draft_id, vote in zip(frame["member"], frame["draft_id"], frame["vote"].astype(object)):
        matrix.at[member, draft_id] = vote if isinstance(vote, str) else np.nan
    return matrix


def agreement_matrix(frame: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Lijphart agreement of every pair of members, and the number of drafts it rests on.

    Over the drafts on which both members' votes are known and are yes, no or
    abstain: the same vote scores 1, one abstaining while the other votes yes
    or no scores 1/2, yes against no scores 0; the index is the mean score.
    Absent and unknown votes are left out, so they never count as agreement or
    disagreement. Returns (agreement, drafts), both square frames over
    `known_members` by code; agreement is NaN where the pair shares no draft.
    """
    members = known_members(frame)
    positions = frame[frame["vote"].isin(POSITIONS)]
    points = pd.DataFrame(np.nan, index=pd.Index(draft_order(frame)), columns=pd.Index(members))
    for member, draft_id, vote in zip(positions["member"], positions["draft_id"], positions["vote"]):
        points.at[draft_id, member] = _POINT[vote]
    values = points.to_numpy()  # drafts x members
    known = ~np.isnan(values)
    shared = known.T.astype(int) @ known.astype(int)
    scores = 1.0 - np.abs(values[:, :, None] - values[:, None, :])  # drafts x members x members
    both = known[:, :, None] & known[:, None, :]
    totals = np.where(both, scores, 0.0).sum(axis=0)
    with np.errstate(invalid="ignore", divide="ignore"):
        agreement = np.where(shared > 0, totals / np.maximum(shared, 1), np.nan)
    index = pd.Index(members, name="member")
    return (pd.DataFrame(agreement, index=index, columns=index.copy()),
            pd.DataFrame(shared, index=index, columns=index.copy()))


# --- blocs ---------------------------------------------------------------------------------------

def identical_blocs(agreement: pd.DataFrame, drafts: pd.DataFrame,
                    min_drafts: int = IDENTICAL_MIN_DRAFTS) -> list[tuple[str, ...]]:
    """Groups of members with identical voting profiles.

    Two members are identical when they cast the same vote (yes, no or
    abstain) on every draft on which both votes are known, and there are at
    least `min_drafts` such drafts: agreement exactly 1 over `min_drafts` or
    more drafts. A bloc is a connected set of the graph joining identical
    pairs; with unknown votes a bloc may hold two members linked only through
    a third. Blocs have two or more members, in the matrix order, first
    member first.
    """
    members = list(agreement.index)
    linked = (agreement.to_numpy() == 1.0) & (drafts.to_numpy() >= min_drafts)
    seen: set[int] = set()
    blocs = []
    for start in range(len(members)):
        if start in seen:
            continue
        component, stack = {start}, [start]
        while stack:
            i = stack.pop()
            for j in np.flatnonzero(linked[i]):
                if int(j) not in component:
                    component.add(int(j))
                    stack.append(int(j))
        seen |= component
        if len(component) > 1:
            blocs.append(tuple(members[i] for i in sorted(component)))
    return blocs


@dataclass
class Clustering:
    """Average-linkage clustering of members on distance 1 - agreement."""

    members: list[str]  # in the agreement matrix's order
    linkage: np.ndarray | None  # scipy's (n - 1) x 4 linkage matrix; None with fewer than two members
    leaves: list[str]  # members in dendrogram order
    cut: float
    clusters: list[tuple[str, ...]]  # members joined at or below the cut, each in leaf order
    filled: int  # pairs with no shared draft, set to NO_SHARED_DISTANCE


def cluster_members(agreement: pd.DataFrame, cut: float = CLUSTER_CUT) -> Clustering:
    """Cluster members by average linkage on 1 - agreement, and cut the tree at `cut`.

    A pair with no draft in common has no agreement; its distance is set to
    `NO_SHARED_DISTANCE` (1, as far apart as members can be), so members are
    never joined on no evidence below the top of the tree. Leaves are in
    scipy's optimal order (neighbours as close as possible). Clusters are the
    groups whose members join at a distance of at most `cut`: with the default
    0.5, groups that agree on average at least half the time.
    """
    members = list(agreement.index)
    if len(members) < 2:
        return Clustering(members, None, members, cut, [(m,) for m in members], 0)
    from scipy.cluster import hierarchy  # only here: importing scipy costs a quarter second

    distance = 1.0 - agreement.to_numpy(dtype=float)
    upper = np.triu_indices(len(members), 1)
    condensed = distance[upper]
    filled = int(np.isnan(condensed).sum())
    condensed = np.where(np.isnan(condensed), NO_SHARED_DISTANCE, condensed)
    linkage = hierarchy.linkage(condensed, method="average", optimal_ordering=True)
    leaves = [members[i] for i in hierarchy.leaves_list(linkage)]
    labels = hierarchy.fcluster(linkage, t=cut, criterion="distance")
    by_label: dict[int, list[str]] = {}
    for member in leaves:
        by_label.setdefault(int(labels[members.index(member)]), []).append(member)
    return Clustering(members, linkage, leaves, cut, [tuple(g) for g in by_label.values()], filled)


# --- cohesion ------------------------------------------------------------------------------------

def rice_index(yes: int, no: int) -> float:
    """|Y - N| / (Y + N): 1 when the group votes one way, 0 when split evenly; NaN with no yes or no."""
    return abs(yes - no) / (yes + no) if yes + no else float("nan")


def hix_agreement_index(yes: int, no: int, abstain: int) -> float:
    """Hix-Noury-Roland (max - (total - max) / 2) / total over yes, no, abstain; NaN with none."""
    total = yes + no + abstain
    if not total:
        return float("nan")
    top = max(yes, no, abstain)
    return (top - (total - top) / 2) / total


def cohesion_table(frame: pd.DataFrame, groups: dict[str, tuple[str, ...]]) -> pd.DataFrame:
    """Cohesion of each named group on each voted draft, group by group.

    A group is intersected with the members seated for the draft (the
    frame's rows); a group with no seated member is left out for that draft.
    Columns: group, draft_id, seated (group members on the Council), known
    (of those, how many have a known vote, absent included), yes, no,
    abstain, rice, agreement (Hix-Noury-Roland). An index with nothing to
    count is NaN (undefined), never 0.
    """
    rows = []
    by_draft = {draft_id: part for draft_id, part in frame.groupby("draft_id", sort=False)}
    for name, codes in groups.items():
        wanted = set(codes)
        for draft_id in draft_order(frame):
            part = by_draft[draft_id]
            seated = part[part["member"].isin(wanted)]
            if seated.empty:
                continue
            votes = seated["vote"]
            yes, no, abstain = (int((votes == level).sum()) for level in POSITIONS)
            rows.append({
                "group": name, "draft_id": draft_id, "seated": len(seated), "known": int(votes.notna().sum()),
                "yes": yes, "no": no, "abstain": abstain,
                "rice": rice_index(yes, no), "agreement": hix_agreement_index(yes, no, abstain),
            })
    columns = ["group", "draft_id", "seated", "known", "yes", "no", "abstain", "rice", "agreement"]
    return pd.DataFrame(rows, columns=columns)


# --- drafts never voted --------------------------------------------------------------------------

def stance_table(project: Project) -> pd.DataFrame:
    """Drafts never put to a vote: who drafted them and the stances members stated.

    One row per draft x member named as drafter or with a stance (drafters
    first, then stances in record order); a draft with neither has one row
    with no member. Columns: draft_id, date, title, member, drafter (bool),
    stance (support | oppose | neutral | mixed, or None). Oldest first.
    """
    drafts = [d for d in project.records.drafts if d.status == "not-voted"]
    drafts.sort(key=lambda d: (d.date is None, d.date or 0, d.id))
    rows = []
    for draft in drafts:
        members = list(draft.drafted_by) + [c for c in draft.positions if c not in draft.drafted_by]
        base = {"draft_id": draft.id, "date": draft.date, "title": draft.title}
        if not members:
            rows.append({**base, "member": None, "drafter": False, "stance": None})
        for code in members:
            rows.append({**base, "member": code, "drafter": code in draft.drafted_by,
                         "stance": draft.positions.get(code)})
    return pd.DataFrame(rows, columns=["draft_id", "date", "title", "member", "drafter", "stance"])
