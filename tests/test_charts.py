"""The charts, checked through what was drawn (images, bars, lines, labels), never through pixels."""

from __future__ import annotations


import re

import numpy as np
import pandas as pd
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.colors import to_rgba
from matplotlib.figure import Figure

import datetime as dt
from pathlib import Path

from votes import analysis, charts
from votes.model import Council, Draft, Loc, Member, Records
from votes.project import Project
from votes.report import build_report
from votes.tables import short_name, votes_frame
from votes.validate import Coverage, Validation

ORDER = ["syria-crackdown-2011-10", "syria-arab-league-plan-2012-02", "syria-chapter-vii-2012-07",
         "fr-icc-syria-2014-05", "fr-es-aleppo-2016-10", "ru-aleppo-2016-10"]


@pytest.fixture(scope="module")
def shipped(shipped_project):
    project, validation = shipped_project
    frame = votes_frame(project, validation)
    return project, analysis.outcome_table(project, validation), frame


def axes() -> object:
    """Axes wide enough for the shipped drafts' ids and outcomes, whole (labels are cut to their room)."""
    figure = Figure(figsize=(18, 6))
    FigureCanvasAgg(figure)
    return figure.add_subplot()


def test_tally_bars_line_and_labels(shipped):
    _, outcomes, _ = shipped
    ax = charts.plot_tally(outcomes, axes())
    bars = {container.get_label(): [bar.get_height() for bar in container] for container in ax.containers}
    assert bars["yes"] == [0, 0, 0, 0, 11, 4]
    assert bars["no"] == [2, 2, 2, 2, 2, 9]
    assert bars["abstain"] == [0, 0, 0, 0, 2, 2]
    assert bars["not known"] == [13, 13, 13, 13, 0, 0]
    # the no bars stand on the yes bars
    assert [bar.get_y() for bar in ax.containers[1]] == bars["yes"]
    nine = next(line for line in ax.get_lines() if line.get_gid() == "nine-votes")
    assert list(nine.get_ydata()) == [9, 9]
    labels = [text.get_text() for text in ax.texts]
    assert labels[4] == "vetoed by RUS\n11–2–2"
    assert labels[5].startswith("failed (FRA, GBR, USA") and "not a veto" in labels[5]
    assert [t.get_text() for t in ax.get_xticklabels()] == list(outcomes.index)


def test_the_votes_needed_step_down_to_seven_before_1966(shipped):
    import datetime as dt

    _, outcomes, _ = shipped
    outcomes = outcomes.copy()
    outcomes["date"] = [dt.date(1950, 9, 12)] + list(outcomes["date"][1:])
    ax = charts.plot_tally(outcomes, axes())
    needed = next(line for line in ax.get_lines() if line.get_gid() == "nine-votes")
    assert list(needed.get_ydata()) == [7] + [9] * len(outcomes)
    assert needed.get_drawstyle() == "steps-post"
    assert [t.get_text() for t in ax.get_legend().get_texts()][0] == "votes needed (seven before 1966)"
    assert ax.get_title(loc="left").startswith("Votes on each draft against the votes needed")


def test_a_partial_tally_is_labelled_as_partial_never_as_a_tally(shipped):
    _, outcomes, _ = shipped
    ax = charts.plot_tally(outcomes, axes())
    partial = ax.texts[0]
    assert partial.get_text() == "vetoed by CHN, RUS\n2 no known\n13 unknown"
    assert partial.get_fontweight() == "normal" and partial.get_fontstyle() == "italic"
    assert not any(re.search(r"\d+–\d+–\d+", t.get_text()) for t in ax.texts[:4])
    complete = ax.texts[4]
    assert complete.get_fontweight() == "bold" and complete.get_fontstyle() == "normal"
    # the votes not known are drawn as such: grey, dotted, dashed edge
    unknown = next(c for c in ax.containers if c.get_label() == "not known")
    assert all(bar.get_hatch() == charts.UNKNOWN_HATCH and bar.get_linestyle() == "--" for bar in unknown)
    assert charts.tally_words(0, 2, 0, 13) == "2 no known, 13 unknown"
    assert charts.tally_words(0, 0, 0, 15) == "none known, 15 unknown"
    assert charts.tally_words(11, 2, 2, 0) == "11–2–2"


def test_every_tally_segment_carries_the_glyph_of_its_vote(shipped):
    _, outcomes, _ = shipped
    ax = charts.plot_tally(outcomes, axes())
    containers = {c.get_label(): c for c in ax.containers}
    for level, (marker, _) in charts.MARKS.items():
        heights = [bar.get_height() for bar in containers[level]]
        marks = [c for c in ax.collections if c.get_gid() == f"marks-{level}"]
        drawn = [i for i, h in enumerate(heights) if h >= 1]
        if not drawn:
            assert not marks
            continue
        centres = marks[0].get_offsets()
        assert list(centres[:, 0]) == drawn
        for (x, y), i in zip(centres, drawn):
            bar = containers[level][i]
            assert y == bar.get_y() + bar.get_height() / 2  # in the middle of its own segment


def test_legends_show_only_the_levels_present(shipped):
    project, outcomes, frame = shipped
    ax = charts.plot_tally(outcomes, axes())
    assert [t.get_text() for t in ax.get_legend().get_texts()] == [
        "nine votes needed", "yes", "no", "abstain", "vote not known"]  # nobody was absent
    matrix = analysis.vote_matrix(frame)
    ax = charts.plot_vote_matrix(matrix, dict(zip(outcomes.index, outcomes["vetoed_by"])), axes())
    words = [t.get_text() for t in ax.get_legend().get_texts()]
    assert "absent" not in words and "yes" in words and charts.LEGEND_WORDS["veto"] in words
    # a matrix with an absent member and no veto lists absent and not veto
    small = pd.DataFrame([["yes", "absent"], ["no", "yes"]], index=["FRA", "AGO"], columns=["a", "b"], dtype=object)
    ax = charts.plot_vote_matrix(small, {}, axes())
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["yes", "no", "absent"]
    handles = ax.get_legend().legend_handles
    assert len(handles) == 3


def test_tally_of_partial_bars_with_absent_lists_absent():
    outcomes = pd.DataFrame({"status": ["adopted"], "yes": [13], "no": [0], "abstain": [1], "absent": [1],
                             "seated": [15], "unknown": [0], "vetoed_by": [()], "not_vetoes": [()]}, index=["d"])
    ax = charts.plot_tally(outcomes, axes())
    assert [t.get_text() for t in ax.get_legend().get_texts()] == [
        "nine votes needed", "yes", "abstain", "absent"]


def test_tally_of_a_long_history_draws_one_image():
    count = charts.LABELS_MAX_BARS + 10
    outcomes = pd.DataFrame({
        "status": ["vetoed" if i % 7 == 0 else "adopted" for i in range(count)],
        "yes": [10] * count, "no": [1] * count, "abstain": [4] * count, "absent": [0] * count,
        "seated": [15] * count, "vetoed_by": [("RUS",) if i % 7 == 0 else () for i in range(count)],
        "not_vetoes": [()] * count,
    }, index=[f"d{i}" for i in range(count)])
    outcomes.loc["d3", ["yes", "abstain", "seated"]] = (7, 2, 11)  # a Council of eleven, one vote unknown
    ax = charts.plot_tally(outcomes, axes())
    image = next(im for im in ax.get_images() if im.get_gid() == "tally")
    cells = np.asarray(image.get_array())  # rows from the floor up, a column per draft
    levels = ["yes", "no", "abstain", "absent", "not known", None]  # None: above the bar
    column = [levels[k] for k in cells[:, 0]]
    assert column == ["yes"] * 10 + ["no"] + ["abstain"] * 4
    assert [levels[k] for k in cells[:, 3]] == ["yes"] * 7 + ["no"] + ["abstain"] * 2 + ["not known"] + [None] * 4
    assert image.get_extent() == [-0.5, count - 0.5, 0, 15]
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["nine votes needed", "yes", "no", "abstain",
                                                                    "vote not known", "vetoed"]
    vetoed = next(c for c in ax.collections if c.get_gid() == "vetoed")
    assert list(vetoed.get_offsets()[:, 0]) == [i for i in range(count) if i % 7 == 0]
    assert len(ax.get_xticklabels()) == charts.MAX_DRAFT_TICKS


def test_vote_matrix_tells_vetoes_from_other_no_votes(shipped):
    project, outcomes, frame = shipped
    matrix = analysis.vote_matrix(frame)
    known = matrix[matrix.isin(["yes", "no", "abstain", "absent"]).any(axis=1)]
    names = {code: project.council.members[code].name for code in known.index}
    vetoed_by = dict(zip(outcomes.index, outcomes["vetoed_by"]))
    ax = charts.plot_vote_matrix(known, vetoed_by, axes(), member_labels=names)
    image = next(im for im in ax.get_images() if im.get_gid() == "votes")
    kinds = np.asarray(image.get_array())
    row = {code: i for i, code in enumerate(known.index)}
    col = {draft: j for j, draft in enumerate(known.columns)}
    veto = kinds[row["RUS"], col["fr-es-aleppo-2016-10"]]
    plain_no = kinds[row["VEN"], col["fr-es-aleppo-2016-10"]]
    not_a_veto = kinds[row["FRA"], col["ru-aleppo-2016-10"]]  # permanent, no, failed draft
    assert charts.KINDS[veto] == "veto"
    assert charts.KINDS[plain_no] == charts.KINDS[not_a_veto] == "no"
    # a different colour ...
    assert image.cmap(image.norm(veto)) != image.cmap(image.norm(plain_no))
    assert image.cmap(image.norm(veto)) == to_rgba(charts.COLOURS["veto"])
    # ... and a hatch over exactly the veto cells
    cover = next(a for a in ax.patches if a.get_gid() == "vetoes")
    assert cover.get_hatch() == charts.VETO_HATCH
    corners = sorted(tuple(square.min(axis=0)) for square in squares(cover))
    expected = sorted((c - 0.5, r - 0.5) for r, c in np.argwhere(kinds == charts.KINDS.index("veto")))
    assert corners == expected and len(expected) == 9  # CHN 4, RUS 5
    # unknown and not seated are kinds of their own
    assert charts.KINDS[kinds[row["FRA"], col["syria-crackdown-2011-10"]]] == "unknown"
    assert charts.KINDS[kinds[row["AGO"], col["syria-crackdown-2011-10"]]] == analysis.NOT_SEATED
    # unknown votes are dotted, cell by cell
    unknown = next(a for a in ax.patches if a.get_gid() == "unknown")
    assert unknown.get_hatch() == charts.UNKNOWN_HATCH
    assert len(squares(unknown)) == int((kinds == charts.KINDS.index("unknown")).sum()) == 12
    assert all(np.ptp(square, axis=0).tolist() == [1.0, 1.0] for square in squares(unknown))
    assert [t.get_text() for t in ax.get_yticklabels()] == [names[c] for c in known.index]
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert any("veto" in text for text in legend) and any("not known" in text for text in legend)
    assert ax.get_title(loc="left")


def squares(patch) -> list[np.ndarray]:
    """The closed squares of a compound cell outline, as arrays of their corners."""
    path = patch.get_path()
    starts = list(np.flatnonzero(path.codes == path.MOVETO)) + [len(path.codes)]
    return [path.vertices[a:b] for a, b in zip(starts, starts[1:])]


def test_vote_cell_kinds_ignores_vetoes_of_members_without_a_no():
    matrix = pd.DataFrame([["no", "yes"], ["no", np.nan]], index=["RUS", "CHN"], columns=["a", "b"], dtype=object)
    kinds = charts.vote_cell_kinds(matrix, {"a": ("RUS",), "b": ("RUS", "CHN")})
    assert [[charts.KINDS[k] for k in row] for row in kinds] == [["veto", "yes"], ["no", "unknown"]]


def agreement_chart(shipped):
    project, _, frame = shipped
    agreement, shared = analysis.agreement_matrix(frame)
    clustering = analysis.cluster_members(agreement, shared)
    figure = Figure(figsize=(12, 9))
    FigureCanvasAgg(figure)
    names = {code: project.council.members[code].name for code in agreement.index}
    return agreement, clustering, names, charts.plot_agreement(agreement, shared, clustering, figure,
                                                                member_labels=names)


def test_agreement_chart_order_and_cut(shipped):
    agreement, clustering, names, drawn = agreement_chart(shipped)
    matrix_ax, tree_ax = drawn["matrix"], drawn["dendrogram"]
    # rows bottom-up in leaf order, columns in the reverse: the diagonal runs from the top left
    assert [t.get_text() for t in matrix_ax.get_xticklabels()] == clustering.leaves[::-1]
    assert [t.get_text() for t in matrix_ax.get_yticklabels()] == [names[c] for c in clustering.leaves]
    shown = np.asarray(matrix_ax.get_images()[0].get_array())
    np.testing.assert_allclose(shown, agreement.loc[clustering.leaves, clustering.leaves[::-1]].to_numpy())
    assert np.all(np.diag(np.fliplr(shown)) == 1.0)  # self-agreement on the anti-diagonal of the array,
    # which with origin="lower" is the top-left to bottom-right diagonal on the page
    cut = next(line for line in tree_ax.get_lines() if line.get_gid() == "cut")
    assert list(cut.get_xdata()) == [analysis.CLUSTER_CUT, analysis.CLUSTER_CUT]
    links = [c for c in tree_ax.collections if c.get_gid() != "leaves"]
    assert sum(len(c.get_segments()) for c in links) == len(clustering.leaves) - 1
    above = next(c for c in links if c.get_gid() == "links-above-cut")
    assert all(max(x for x, _ in seg) > analysis.CLUSTER_CUT for seg in above.get_segments())
    assert all(max(x for x, _ in seg) <= analysis.CLUSTER_CUT for c in links if c is not above
               for seg in c.get_segments())
    # the tree's leaves sit on the matrix rows: leaf i at y = i
    assert tree_ax.get_ylim() == matrix_ax.get_ylim()


def test_joins_at_height_zero_stay_visible(shipped):
    _, clustering, _, drawn = agreement_chart(shipped)
    tree_ax = drawn["dendrogram"]
    zero = [row for row in clustering.linkage if row[2] == 0]
    assert zero  # identical profiles: the Western bloc, and Russia with Venezuela
    left, right = tree_ax.get_xlim()  # the root at the left: x decreases to the right
    assert right < 0 < left  # x = 0 lies inside the axes, not on its edge
    segments = [seg for c in tree_ax.collections if c.get_gid() != "leaves" for seg in c.get_segments()]
    joins = [seg for seg in segments if seg[1][0] == 0 and seg[2][0] == 0]
    assert len(joins) == len(zero) and all(seg[1][1] != seg[2][1] for seg in joins)  # vertical, of real length
    stubs = next(c for c in tree_ax.collections if c.get_gid() == "leaves")
    assert sorted(seg[0][1] for seg in stubs.get_segments()) == list(range(len(clustering.leaves)))
    assert all(seg[0][0] == 0 and seg[1][0] == right for seg in stubs.get_segments())


def test_clusters_cut_apart_are_coloured_apart(shipped):
    _, clustering, names, drawn = agreement_chart(shipped)
    tree_ax, matrix_ax = drawn["dendrogram"], drawn["matrix"]
    groups = [g for g in clustering.clusters if len(g) > 1]
    assert len(groups) >= 2
    drawn_clusters = {c.get_gid(): c for c in tree_ax.collections if c.get_gid().startswith("cluster-")}
    assert sorted(drawn_clusters) == [f"cluster-{i}" for i in range(1, len(groups) + 1)]
    styles = {(tuple(c.get_colors()[0]), str(c.get_linestyles()[0])) for c in drawn_clusters.values()}
    colours = {style[0] for style in styles}
    assert len(colours) == len(groups) and len(styles) == len(groups)  # colour and line style both differ
    leaf_y = {m: i for i, m in enumerate(clustering.leaves)}
    for number, group in enumerate(groups, 1):
        ys = {y for seg in drawn_clusters[f"cluster-{number}"].get_segments() for _, y in seg}
        assert {float(leaf_y[m]) for m in group} <= ys
    # member names take their cluster's colour
    colour_of = {m: to_rgba(charts.cluster_styles(clustering)[m][0]) for g in groups for m in g}
    for tick, member in zip(matrix_ax.yaxis.get_major_ticks(), clustering.leaves):
        if member in colour_of:
            assert to_rgba(tick.label2.get_color()) == colour_of[member]


def drawn_texts(ax, kind: str) -> dict[tuple[float, float], str]:
    """The texts of one kind ("value" or "drafts") written in the cells: the text of the collection
    whose marks stand there, by the cell (x, y rounded to the cell's centre)."""
    return {(round(x), round(y)): c.get_gid().split(":", 1)[1] for c in ax.collections
            if (c.get_gid() or "").startswith(kind + ":") for x, y in c.get_offsets()}


def test_small_matrices_show_their_values_and_drafts_in_the_cells(shipped):
    project, _, frame = shipped
    agreement, shared = analysis.agreement_matrix(frame)
    _, clustering, _, drawn = agreement_chart(shipped)
    matrix_ax = drawn["matrix"]
    values = agreement.loc[clustering.leaves, clustering.leaves[::-1]].to_numpy()
    counts = shared.loc[clustering.leaves, clustering.leaves[::-1]].to_numpy()
    texts, drafts = drawn_texts(matrix_ax, "value"), drawn_texts(matrix_ax, "drafts")
    assert len(texts) == len(drafts) == values.size
    for (i, j), value in np.ndenumerate(values):
        assert texts[(j, i)] == f"{value:.2f}" and drafts[(j, i)] == str(counts[i, j])
    # one score from six drafts and one from two are told apart: Russia and China share six
    assert {drafts[(j, i)] for (i, j), _ in np.ndenumerate(values)} == {"2", "6"}
    # each value is drawn as its own outline: the marker of "0.75" is the text "0.75"
    marks = next(c for c in matrix_ax.collections if c.get_gid() == "value:0.75")
    assert len(marks.get_paths()[0].vertices) > 20  # glyph outlines, not a dot
    # the value above the cell's centre, its drafts below
    assert all(y > round(y) for _, y in marks.get_offsets())
    assert all(y < round(y) for c in matrix_ax.collections if c.get_gid().startswith("drafts:")
               for _, y in c.get_offsets())
    # dark ink on the light end of the scale, white on the dark end
    low = next(c for c in matrix_ax.collections if c.get_gid() == "value:0.00")
    high = next(c for c in matrix_ax.collections if c.get_gid() == "value:1.00")
    assert to_rgba(low.get_facecolor()[0]) == to_rgba("white")
    assert to_rgba(high.get_facecolor()[0]) == to_rgba(charts.INK)


def test_the_colour_scale_has_no_grey(shipped):
    _, _, _, drawn = agreement_chart(shipped)
    image = drawn["matrix"].get_images()[0]
    for value in np.linspace(0, 1, 101):
        red, green, blue, _ = image.cmap(value)
        # grey has its three channels alike; every colour of the scale has them at least 0.2 apart
        assert max(red, green, blue) - min(red, green, blue) > 0.2, value


def unshared_agreement(n: int):
    """n members in two halves that never voted together (each half sharing three drafts within), one
    pair of the first half on twelve drafts; scores spread between 0 and 1."""
    codes = [f"M{i:02d}" for i in range(n)]
    half = n // 2
    values = np.full((n, n), np.nan)
    counts = np.zeros((n, n), dtype=int)
    for block in (slice(0, half), slice(half, n)):
        values[block, block] = 0.5
        counts[block, block] = 3
    values[0, 1] = values[1, 0] = 0.25
    counts[0, 1] = counts[1, 0] = 12
    np.fill_diagonal(values, 1.0)
    np.fill_diagonal(counts, 12)
    frame = lambda data: pd.DataFrame(data, index=codes, columns=codes)  # noqa: E731
    return frame(values), frame(counts)


@pytest.mark.parametrize("n", [6, charts.CELL_VALUES_MAX_MEMBERS + 4])
def test_pairs_with_no_shared_draft_have_their_own_mark(n):
    agreement, shared = unshared_agreement(n)
    clustering = analysis.cluster_members(agreement, shared)
    figure = charts.agreement_figure(agreement, shared, clustering, {c: c for c in agreement.index})
    matrix_ax, bar_ax, tree_ax = figure.axes[1], figure.axes[2], figure.axes[0]
    cover = next(p for p in matrix_ax.patches + matrix_ax.artists if p.get_gid() == "unshared")
    assert cover.get_hatch() == charts.UNSHARED_HATCH and to_rgba(cover.get_facecolor()) == to_rgba("white")
    half = n // 2
    assert len(cover.get_path().vertices) == 5 * 2 * half * (n - half)  # one square per pair left out
    # no text and no colour in those cells: nothing a score could be read from
    leaves = clustering.leaves
    unshared = {(j, i) for i, a in enumerate(leaves) for j, b in enumerate(leaves[::-1]) if shared.at[a, b] == 0}
    assert not unshared & set(drawn_texts(matrix_ax, "value"))
    squares = [c for c in matrix_ax.collections if c.get_gid() == "cells"]
    if squares:
        assert not unshared & {(round(x), round(y)) for x, y in squares[0].get_offsets()}
    legend = bar_ax.get_legend()
    assert [t.get_text() for t in legend.get_texts()] == ["no draft shared"]
    assert legend.legend_handles[0].get_hatch() == charts.UNSHARED_HATCH
    # the two halves are joined beyond the scale, dotted, never as a distance
    assert clustering.unlinked == 1
    unlinked = next(c for c in tree_ax.collections if c.get_gid() == "links-unshared")
    assert [max(x for x, _ in seg) for seg in unlinked.get_segments()] == [analysis.UNLINKED_HEIGHT]
    assert [t.get_text() for t in tree_ax.get_xticklabels()][-1] == "none\nshared"


def test_large_matrices_show_the_drafts_of_each_cell_by_its_size():
    n = charts.CELL_VALUES_MAX_MEMBERS + 4
    agreement, shared = unshared_agreement(n)
    clustering = analysis.cluster_members(agreement, shared)
    figure = charts.agreement_figure(agreement, shared, clustering, {c: c for c in agreement.index})
    matrix_ax = figure.axes[1]
    assert not drawn_texts(matrix_ax, "value")  # too many for numbers
    squares = next(c for c in matrix_ax.collections if c.get_gid() == "cells")
    leaves = clustering.leaves
    size = {(round(x), round(y)): s for (x, y), s in zip(squares.get_offsets(), squares.get_sizes())}
    colour = {(round(x), round(y)): v for (x, y), v in zip(squares.get_offsets(), squares.get_array())}
    at = {(a, b): (j, i) for i, a in enumerate(leaves) for j, b in enumerate(leaves[::-1])}
    assert len(size) == int((shared.to_numpy() > 0).sum())
    # twelve drafts: a full cell; three drafts: smaller
    full, three = size[at["M00", "M01"]], size[at["M00", "M02"]]
    assert full > three > full / 9
    assert size[at["M00", "M00"]] == full
    assert colour[at["M00", "M01"]] == 0.25 and colour[at["M00", "M02"]] == 0.5


def test_report_figures_name_drafts_and_keep_earlier_members(shipped_project):
    project, validation = shipped_project
    report = build_report(project, validation)
    tally_ax = report.figures["tally.png"].axes[0]
    labels = {t.get_text() for t in tally_ax.get_xticklabels()}
    assert "S/2016/846\nFRA/ESP draft\n2016-10-08" in labels
    assert "S/2016/847\nRUS draft\n2016-10-08" in labels
    matrix_ax = report.figures["vote-matrix.png"].axes[0]
    rows = [t.get_text() for t in matrix_ax.get_yticklabels()]
    voted = [d for d in project.records.drafts if d.status != "not-voted"]
    seated = {c for d in voted for c in project.council.seated(d.year)}
    assert {project.council.members[c].name for c in seated} == set(rows)  # members of every year are rows
    image = next(im for im in matrix_ax.get_images() if im.get_gid() == "votes")
    kinds = np.asarray(image.get_array())
    columns = [t.get_text().split("\n")[0] for t in matrix_ax.get_xticklabels()]
    bosnia = rows.index("Bosnia and Herzegovina")  # seated in 2011 only, no vote recorded
    assert charts.KINDS[kinds[bosnia, columns.index("S/2011/612")]] == "unknown"
    assert charts.KINDS[kinds[bosnia, columns.index("S/2016/846")]] == analysis.NOT_SEATED


def test_draft_ticks():
    assert charts.draft_ticks(5) == [0, 1, 2, 3, 4]
    many = charts.draft_ticks(3000)
    assert len(many) == charts.MAX_DRAFT_TICKS and many[0] == 0 and many[-1] == 2999


def test_outcome_words():
    assert charts.outcome_words("vetoed", ("CHN", "RUS"), ()) == "vetoed by CHN, RUS"
    assert charts.outcome_words("adopted", (), ()) == "adopted"
    assert "not a veto" in charts.outcome_words("failed", (), ("USA",))
    assert charts.outcome_words("failed", (), ()) == "failed"
    assert charts.outcome_words("adopted", (), ("RUS",)) == "adopted (RUS\nno: procedural)"


# --- derived votes, and labels that fit ----------------------------------------------------------

def test_derived_votes_are_told_from_quoted_ones_with_a_legend_entry(shipped_drafts):
    project, validation = shipped_drafts
    report = build_report(project, validation)
    ax = report.figures["vote-matrix.png"].axes[0]
    frame = votes_frame(project, validation)
    basis = analysis.basis_matrix(frame)
    matrix = analysis.vote_matrix(frame)
    derived = basis.to_numpy(dtype=object) == "derived"
    assert derived.sum() == 20 and (basis.to_numpy(dtype=object) == "quoted").sum() == 18
    veil = next(p for p in ax.patches + ax.artists if p.get_gid() == "derived")
    squares = veil.get_path().vertices.reshape(-1, 5, 2)  # one square per derived cell: x, y corners, closed
    centres = squares[:, :4].mean(axis=1)[:, ::-1]  # (row, column)
    assert sorted(map(tuple, np.rint(centres).astype(int).tolist())) == sorted(map(tuple, np.argwhere(derived).tolist()))
    assert veil.get_facecolor()[3] == charts.DERIVED_VEIL[3]  # white, half transparent: lighter
    frame_patch = next(p for p in ax.patches + ax.artists if p.get_gid() == "derived-frame")
    assert len(frame_patch.get_path().vertices) == 5 * derived.sum()
    assert frame_patch.get_linestyle() not in ("-", "solid")  # dashed
    # the frame stands inside its cell, not on the white rules between cells
    assert np.abs(frame_patch.get_path().vertices - np.round(frame_patch.get_path().vertices)).max() < 0.5
    words = [t.get_text() for t in ax.get_legend().get_texts()]
    assert words[-1] == charts.LEGEND_WORDS["derived"]
    # France's yes on S/2016/846 was counted ("11 votes in favor"), Russia's veto quoted
    row, col = list(matrix.index).index("FRA"), list(matrix.columns).index("fr-es-aleppo-2016-10")
    assert derived[row, col] and not derived[list(matrix.index).index("RUS"), col]


def test_a_long_history_veils_derived_votes_in_an_image():
    votes = pd.DataFrame([["yes"] * 60, ["no"] * 60], index=["RUS", "CHN"], columns=[f"d{i}" for i in range(60)],
                         dtype=object)
    basis = votes.copy()
    basis.loc[:, :] = "quoted"
    basis.iloc[1, ::2] = "derived"
    ax = charts.plot_vote_matrix(votes, {}, axes(), basis=basis)  # 120 cells: still small; widen it
    assert next(p for p in ax.patches + ax.artists if p.get_gid() == "derived")
    wide = pd.concat([votes] * 6)
    wide.index = [f"M{i}" for i in range(12)]
    wide_basis = pd.concat([basis] * 6)
    wide_basis.index = wide.index
    ax = charts.plot_vote_matrix(wide, {}, axes(), basis=wide_basis)
    veil = next(im for im in ax.get_images() if im.get_gid() == "derived")
    alpha = np.asarray(veil.get_array())[..., 3]
    assert ((alpha > 0) == (wide_basis.to_numpy(dtype=object) == "derived")).all()
    assert charts.LEGEND_WORDS["derived"] in [t.get_text() for t in ax.get_legend().get_texts()]


def test_no_derived_vote_no_veil_and_no_legend_entry(shipped):
    project, outcomes, frame = shipped
    matrix = analysis.vote_matrix(frame)
    basis = analysis.basis_matrix(frame).replace("derived", "quoted")
    ax = charts.plot_vote_matrix(matrix, dict(zip(outcomes.index, outcomes["vetoed_by"])), axes(), basis=basis)
    assert not [a for a in ax.get_images() + ax.patches + ax.artists if (a.get_gid() or "").startswith("derived")]
    assert charts.LEGEND_WORDS["derived"] not in [t.get_text() for t in ax.get_legend().get_texts()]


def long_id_project(count: int) -> Project:
    """count drafts of 2016 with long ids that share their start and no symbol, alternately vetoed."""
    codes = ["CHN", "FRA", "GBR", "RUS", "USA", "AGO", "EGY", "ESP", "JPN", "MYS", "NZL", "SEN", "UKR", "URY", "VEN"]
    members = {c: Member(c, f"Member {c}", c in codes[:5], (c,), Loc(1, 1)) for c in codes}
    drafts = []
    for i in range(count):
        draft = Draft(f"syria-humanitarian-access-and-aleppo-truce-{i:03d}", "A draft", dt.date(2016, 1, 1)
                      + dt.timedelta(days=i), "vetoed" if i % 2 else "failed", Loc(1, 1))
        draft.drafted_by = ("FRA", "ESP", "NZL", "EGY", "JPN") if i % 3 else ()
        draft.votes = {c: "no" if c == "RUS" else "yes" for c in codes[:10]} if i % 2 else {"RUS": "no"}
        drafts.append(draft)
    return Project(Records("r.yaml", drafts, []), Council("c.yaml", members, {2016: tuple(codes)}, {}),
                   Path("seeds"), {}, None)


def extents(texts, renderer) -> list:
    return [t.get_window_extent(renderer) for t in texts if t.get_text() and t.get_visible()]


def assert_inside(figure, boxes) -> None:
    edge = figure.bbox
    for box in boxes:
        assert edge.x0 <= box.x0 and box.x1 <= edge.x1 and edge.y0 <= box.y0 and box.y1 <= edge.y1, (box, edge)


def assert_apart(boxes) -> None:
    for a, b in zip(boxes, boxes[1:]):
        assert not a.overlaps(b), (a, b)


@pytest.mark.parametrize("count", [1, 5, 9, 40, 120])
def test_draft_labels_are_short_never_overlap_and_are_never_cut(count):
    project = long_id_project(count)
    validation = Validation([], {}, Coverage())
    outcomes = analysis.outcome_table(project, validation)
    frame = votes_frame(project, validation)
    labels = {d.id: charts.draft_label(d.symbol or d.id, short_name(d), d.date.isoformat())
              for d in project.records.drafts}
    tally = charts.tally_figure(outcomes, labels)
    matrix = charts.vote_matrix_figure(analysis.vote_matrix(frame), dict(zip(outcomes.index, outcomes["vetoed_by"])),
                                       {c: c for c in project.council.members}, labels, ("CHN", "FRA", "GBR", "RUS",
                                                                                        "USA"),
                                       analysis.basis_matrix(frame))
    for figure in (tally, matrix):
        figure.canvas.draw()  # ticks and texts take their places when drawn
        renderer = figure.canvas.get_renderer()
        ax = figure.axes[0]
        ticks = extents(ax.get_xticklabels(), renderer)
        assert ticks and all(len(line) <= 40 for t in ax.get_xticklabels() for line in t.get_text().split("\n"))
        assert_apart(ticks)
        texts = [*ax.get_xticklabels(), *ax.get_yticklabels(), *ax.texts, ax.title, ax._left_title,
                 *ax.get_legend().get_texts()]
        assert_inside(figure, extents(texts, renderer))
        if figure is tally:
            assert_apart(extents(ax.texts, renderer))  # the words over the bars
            # every label still starts and ends as the draft's id does
            first = ax.get_xticklabels()[0].get_text().split("\n")[0]
            assert first.startswith("syria-") and first.endswith(outcomes.index[0][-3:])


def test_cut_text_keeps_both_ends():
    assert charts.cut_text("syria-arab-league-plan-2012-02\nFRA draft", 15) == "syria-a…2012-02\nFRA draft"
    assert charts.cut_text("S/2016/846", 15) == "S/2016/846"
    assert charts.fit_tick_labels(["a\nb\nc"], 0.35, 8, rotated=True) == ["a\nc"]  # two lines fit: first, last
