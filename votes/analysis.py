"""The analyses of the report (docs/reference.md): outcomes, vote and agreement matrices, blocs, cohesion, stances.

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

from .model import TALLY_KEYS, Group
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
#: The height of a join between clusters whose members never voted on a common draft: above every
#: distance (at most 1), so that no such join is ever read as a measure of how far apart they are,
#: and never below the cut.
UNLINKED_HEIGHT = 1.25


def member_order(frame: pd.DataFrame) -> list[str]:
    """Members as every table lists them: permanent first, then by first seat, then as seated."""
    first = frame.drop_duplicates("member")
    ranked = sorted(range(len(first)), key=lambda i: (not first["permanent"].iat[i], first["date"].iat[i], i))
    return [first["member"].iat[i] for i in ranked]


def draft_order(frame: pd.DataFrame) -> list[str]:
    """Voted drafts in the frame's order: oldest first, ties by id."""
    return list(dict.fromkeys(frame["draft_id"].tolist()))


def known_members(frame: pd.DataFrame) -> list[str]:
    """Members with at least one known yes, no or abstain, in `member_order`."""
    voting = set(frame.loc[frame["vote"].isin(POSITIONS), "member"].tolist())
    return [m for m in member_order(frame) if m in voting]


# --- outcomes ------------------------------------------------------------------------------------

def outcome_table(project: Project, validation: Validation) -> pd.DataFrame:
    """One row per voted draft, indexed by draft id: its tally and what the Charter made of it.

    Columns: date, symbol, title, status; yes, no, abstain; `tally_from` is
    "recorded" when the record gives all three numbers, "counted" when they are
    counted from complete votes, "partial" when counted from known votes while
    `unknown` seated members' votes are not known (the true numbers may be
    higher); absent (counted from the votes); seated (members on the
    Council); `outcome` is what the Charter gives for the recorded votes
    (None when they do not settle it); `vetoed_by` the permanent members
    whose no was a veto; `not_vetoes` permanent no votes on a draft that
    failed anyway.
    """
    rows = []
    for draft in voted_drafts(project):
        check = validation.draft(draft.id)
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
            "absent": sum(1 for v in draft.votes.values() if v == "absent"), "seated": len(members),
            "outcome": check.outcome if check else None,
            "vetoed_by": check.vetoed_by if check else (),
            "not_vetoes": check.not_vetoes if check else (),
        })
    columns = ["draft_id", "date", "symbol", "title", "status", *TALLY_KEYS, "tally_from", "unknown",
               "absent", "seated", "outcome", "vetoed_by", "not_vetoes"]
    return pd.DataFrame(rows, columns=columns).set_index("draft_id")


# --- matrices ------------------------------------------------------------------------------------

def vote_matrix(frame: pd.DataFrame) -> pd.DataFrame:
    """Members (rows, `member_order`) x voted drafts (columns): each member's vote.

    Cells hold yes, no, abstain or absent; NaN where the member sat but the
    vote is not known; `NOT_SEATED` where the member was not on the Council.
    """
    return _member_draft_cells(frame, "vote")


def basis_matrix(frame: pd.DataFrame) -> pd.DataFrame:
    """The cells of `vote_matrix`, each holding its vote's basis: quoted, derived, sourced or unbacked;
    NaN where the vote is not known, `NOT_SEATED` where the member was not on the Council."""
    return _member_draft_cells(frame, "basis")


def _member_draft_cells(frame: pd.DataFrame, column: str) -> pd.DataFrame:
    members, drafts = member_order(frame), draft_order(frame)
    cells = np.full((len(members), len(drafts)), NOT_SEATED, dtype=object)
    rows = pd.Index(members).get_indexer(frame["member"])
    cols = pd.Index(drafts).get_indexer(frame["draft_id"])
    cells[rows, cols] = frame[column].astype(object).to_numpy()
    return pd.DataFrame(cells, index=pd.Index(members, name="member"), columns=pd.Index(drafts, name="draft_id"),
                        dtype=object)  # one block: pandas would infer a string column per draft


def agreement_matrix(frame: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Lijphart agreement of every pair of members, and the number of drafts it rests on.

    Over the drafts on which both members' votes are known and are yes, no or
    abstain: the same vote scores 1, one abstaining while the other votes yes
    or no scores 1/2, yes against no scores 0; the index is the mean score.
    Absent and unknown votes are left out, so they never count as agreement or
    disagreement. Returns (agreement, drafts), both square frames over
    `known_members` by code; agreement is NaN where the pair shares no draft.
    """
    members, drafts = known_members(frame), draft_order(frame)
    positions = frame[frame["vote"].isin(POSITIONS)]
    rows = pd.Index(drafts).get_indexer(positions["draft_id"])
    cols = pd.Index(members).get_indexer(positions["member"])
    votes = positions["vote"].astype(object).to_numpy()
    # one drafts x members 0/1 matrix per vote: pair counts are then matrix products
    cast = {}
    for level in POSITIONS:
        cast[level] = np.zeros((len(drafts), len(members)), dtype=np.float32)  # counts exact to 2**24
        chosen = votes == level
        cast[level][rows[chosen], cols[chosen]] = 1.0
    yes, no, abstain = cast["yes"], cast["no"], cast["abstain"]
    sided = yes + no
    shared = pair_counts(sided + abstain, sided + abstain)
    same = pair_counts(yes, yes) + pair_counts(no, no) + pair_counts(abstain, abstain)
    half = pair_counts(abstain, sided)
    half = half + half.T
    with np.errstate(invalid="ignore", divide="ignore"):
        agreement = np.where(shared > 0, (same + 0.5 * half) / shared, np.nan)
    index = pd.Index(members, name="member")
    return (pd.DataFrame(agreement, index=index, columns=index.copy()),
            pd.DataFrame(shared.astype(int), index=index, columns=index.copy()))


def pair_counts(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """a.T @ b for drafts x members 0/1 matrices, as float64: how many drafts each pair has in both.

    Summed by numpy's own single-threaded loop (einsum) rather than BLAS: a multi-threaded BLAS
    spends more on waking its threads than on these products (0.3 s instead of 0.01 s at
    10,000 drafts on two busy cores).
    """
    return np.einsum("dm,dn->mn", a, b).astype(np.float64)


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
    """Average-linkage clustering of members on 1 - agreement, over the votes they shared only."""

    members: list[str]  # in the agreement matrix's order
    linkage: np.ndarray  # (n - 1) x 4 in scipy's linkage format: child, child, height, size
    leaves: list[str]  # members in dendrogram order
    cut: float
    clusters: list[tuple[str, ...]]  # members joined at or below the cut, each in leaf order
    unshared: int  # pairs of members with no draft in common: left out, never counted as disagreement
    unlinked: int  # joins of clusters with no shared vote at all, at UNLINKED_HEIGHT (above every distance)


def cluster_members(agreement: pd.DataFrame, shared: pd.DataFrame | None = None,
                    cut: float = CLUSTER_CUT) -> Clustering:
    """Cluster members by average linkage on 1 - agreement over the votes they shared, cut at `cut`.

    A pair that shared no draft has no agreement, and it is left out: it counts
    neither for nor against joining the clusters its members are in (see
    `average_linkage`). shared: the drafts each agreement rests on (the second
    frame of `agreement_matrix`); with it, a pair weighs by its shared drafts,
    so the distance between two clusters is 1 minus Lijphart's index pooled
    over every shared vote of a member of one with a member of the other.
    Without it every pair that shared a draft weighs the same. Clusters whose
    members never shared a draft are joined only at `UNLINKED_HEIGHT`, above
    the cut. Clusters are the groups joined at a distance of at most `cut`:
    with the default 0.5, groups that agree on average at least half the time.
    """
    members = list(agreement.index)
    distance = 1.0 - agreement.to_numpy(dtype=float)
    defined = ~np.isnan(distance)
    if shared is None:
        weights = defined.astype(float)
    else:
        weights = np.where(defined, shared.loc[members, members].to_numpy(dtype=float), 0.0)
    off_diagonal = ~np.eye(len(members), dtype=bool)
    unshared = int((~defined[off_diagonal]).sum()) // 2
    linkage = average_linkage(distance, weights)
    leaves = [members[i] for i in leaf_order(linkage, len(members))]
    labels = cut_tree(linkage, len(members), cut)
    by_label: dict[int, list[str]] = {}
    for member in leaves:
        by_label.setdefault(labels[members.index(member)], []).append(member)
    unlinked = int((linkage[:, 2] == UNLINKED_HEIGHT).sum()) if len(linkage) else 0
    return Clustering(members, linkage, leaves, cut, [tuple(g) for g in by_label.values()], unshared, unlinked)


def average_linkage(distance: np.ndarray, weights: np.ndarray | None = None) -> np.ndarray:
    """UPGMA over the defined distances, in the format of scipy's `linkage(method="average")`.

    distance: square, NaN where a pair's distance is not defined (no shared
    draft). weights: square, how much each pair's distance counts (its shared
    drafts); by default 1 for every defined pair. The distance between two
    clusters is the weighted mean of the distances between their members,
    over the defined pairs only (an undefined pair has weight 0, as Gower's
    coefficient gives a comparison that cannot be made). It is a weighted mean
    of the two merged parts' distances, so heights never decrease. With every
    pair defined and equally weighted this is UPGMA exactly (Sokal and
    Michener 1958; tests/test_analysis.py checks it against scipy).
    Clusters with no defined pair between them are joined last, at
    `UNLINKED_HEIGHT`. Each step joins the closest pair of clusters; on a tie,
    the pair whose earliest members (in the matrix order) come first.
    Row k holds the ids joined (lower first; leaves are 0..n-1, the cluster
    of row k is n + k), their distance and the new size.

    Written out here because importing scipy.cluster costs more than the
    whole report may take.
    """
    count = len(distance)
    linkage = np.zeros((max(count - 1, 0), 4))
    distance = np.asarray(distance, dtype=float)
    defined = ~np.isnan(distance)
    weight = defined.astype(float) if weights is None else np.where(defined, np.asarray(weights, float), 0.0)
    np.fill_diagonal(weight, 0.0)
    total = np.where(weight > 0, np.nan_to_num(distance) * weight, 0.0)  # weighted sum of distances
    with np.errstate(invalid="ignore", divide="ignore"):
        between = np.where(weight > 0, total / weight, np.inf)
    ids = list(range(count))  # slot -> cluster id; a merged cluster keeps its lower slot
    active = np.ones(count, dtype=bool)
    sizes = np.ones(count)
    for step in range(count - 1):
        a, b = divmod(int(np.argmin(between)), count)  # the first minimum, row by row: a < b
        height = between[a, b]
        if not np.isfinite(height):  # no shared vote between any two clusters left: join the first two
            a, b = np.flatnonzero(active)[:2]
            height = UNLINKED_HEIGHT
        size = sizes[a] + sizes[b]
        linkage[step] = (min(ids[a], ids[b]), max(ids[a], ids[b]), height, size)
        total[a] += total[b]
        weight[a] += weight[b]
        total[:, a], weight[:, a] = total[a], weight[a]
        weight[a, a] = 0.0
        with np.errstate(invalid="ignore", divide="ignore"):
            merged = np.where(weight[a] > 0, total[a] / weight[a], np.inf)
        merged[~active] = np.inf
        active[b] = False
        merged[b] = np.inf
        merged[a] = np.inf
        between[a, :] = merged
        between[:, a] = merged
        between[b, :] = np.inf
        between[:, b] = np.inf
        sizes[a], ids[a] = size, count + step
    return linkage


def leaf_order(linkage: np.ndarray, count: int) -> list[int]:
    """Leaf indices from the first child to the second, down from the root (scipy's `leaves_list`)."""
    if count < 2:
        return list(range(count))
    order, stack = [], [2 * count - 2]
    while stack:
        node = stack.pop()
        if node < count:
            order.append(node)
        else:
            first, second = linkage[node - count, :2].astype(int)
            stack += [second, first]
    return order


def cut_tree(linkage: np.ndarray, count: int, height: float) -> list[int]:
    """A cluster number for each leaf, joining leaves whose clusters merge at or below `height`."""
    parent = list(range(2 * count - 1 if count else 0))

    def root(node: int) -> int:
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for step, (first, second, joined, _) in enumerate(linkage):
        if joined <= height:
            parent[root(int(first))] = count + step
            parent[root(int(second))] = count + step
    return [root(leaf) for leaf in range(count)]


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


def cohesion_table(frame: pd.DataFrame, groups: dict[str, Group | tuple[str, ...]]) -> pd.DataFrame:
    """Cohesion of each named group on each voted draft, draft by draft.

    A group (`council.groups`, or a plain tuple of codes) is taken as it was on
    the draft's day and intersected with the members seated for the draft (the
    frame's rows); a group with no seated member is left out for that draft.
    Columns: draft_id, group, seated (group members on the Council), known
    (of those, how many have a known vote, absent included), yes, no,
    abstain, rice, agreement (Hix-Noury-Roland). An index with nothing to
    count is NaN (undefined), never 0.
    """
    groups = {name: g if isinstance(g, Group) else Group.of(name, g) for name, g in groups.items()}
    columns = ["draft_id", "group", "seated", "known", "yes", "no", "abstain", "rice", "agreement"]
    drafts = draft_order(frame)
    # counted with numpy, a group at a time: per draft, how many of the group's rows hold each vote
    draft_of = pd.Index(drafts).get_indexer(frame["draft_id"])
    votes = frame["vote"].to_numpy(dtype=object)
    cast = {level: votes == level for level in POSITIONS}
    cast["known"] = pd.notna(votes)
    parts = []
    codes, uniques = pd.factorize(frame["member"].to_numpy(dtype=object))
    for number, (name, group) in enumerate(groups.items()):
        inside = _in_group(frame, codes, uniques, group)
        seated = np.bincount(draft_of[inside], minlength=len(drafts))
        counts = {key: np.bincount(draft_of[inside & rows], minlength=len(drafts)) for key, rows in cast.items()}
        present = np.flatnonzero(seated)
        parts.append((present, number, seated[present], *(counts[key][present] for key in ("known", *POSITIONS))))
    if not parts:
        return pd.DataFrame([], columns=columns)
    draft_index, group_number, seated, known, yes, no, abstain = (
        np.concatenate([np.broadcast_to(part[i], part[0].shape) for part in parts]) for i in range(7))
    order = np.lexsort((group_number, draft_index))  # draft by draft, groups in their order
    names = list(groups)
    yes, no, abstain = yes[order], no[order], abstain[order]
    sided, total = yes + no, yes + no + abstain
    top = np.maximum(np.maximum(yes, no), abstain)
    with np.errstate(invalid="ignore", divide="ignore"):
        rice = np.where(sided > 0, np.abs(yes - no) / np.where(sided > 0, sided, 1), np.nan)
        agreement = np.where(total > 0, (top - (total - top) / 2) / np.where(total > 0, total, 1), np.nan)
    return pd.DataFrame({
        "draft_id": [drafts[i] for i in draft_index[order].tolist()],
        "group": [names[g] for g in group_number[order].tolist()],
        "seated": seated[order], "known": known[order], "yes": yes, "no": no, "abstain": abstain,
        "rice": rice, "agreement": agreement,
    }, columns=columns)


def _in_group(frame: pd.DataFrame, codes: np.ndarray, uniques, group: Group) -> np.ndarray:
    """Which rows of the frame are votes of the group's members on the draft's day: one pass for
    the members who always belong, one per member who belongs for a period only.

    codes, uniques: the frame's member column factorized (`pd.factorize`), so that rows are told
    apart by a small integer each rather than by comparing texts, a group at a time."""
    place = {code: i for i, code in enumerate(uniques)}
    always = np.zeros(len(uniques) + 1, dtype=bool)  # the last place: a row with no member (code -1)
    always[[place[m.code] for m in group.members if not m.spans and m.code in place]] = True
    inside = always[codes]
    for m in group.members:
        if m.spans:
            rows = np.flatnonzero(codes == place[m.code]) if m.code in place else np.zeros(0, dtype=np.intp)
            days = frame["date"].to_numpy()[rows]
            inside[rows[[m.on(pd.Timestamp(day).date()) for day in days]]] = True
    return inside


# --- drafts never voted --------------------------------------------------------------------------

def stance_table(project: Project) -> pd.DataFrame:
    """Drafts never put to a vote: who drafted them and the stances members stated.

    One row per draft x member named as drafter or with a stance (drafters
    first, then stances in record order); a draft with neither has one row
    with no member. Columns: draft_id, date, title, member, drafter (bool),
    stance (support | oppose | neutral | mixed; missing for a drafter who
    stated none). Oldest first.
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
