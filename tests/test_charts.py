"""The charts, checked through what was drawn (images, bars, lines, labels), never through pixels."""

from __future__ import annotations


import numpy as np
import pandas as pd
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.colors import to_rgba
from matplotlib.figure import Figure
from matplotlib.patches import StepPatch

from votes import analysis, charts
from votes.tables import votes_frame

ORDER = ["syria-crackdown-2011-10", "syria-arab-league-plan-2012-02", "syria-chapter-vii-2012-07",
         "fr-icc-syria-2014-05", "fr-es-aleppo-2016-10", "ru-aleppo-2016-10"]


@pytest.fixture(scope="module")
def shipped(shipped_drafts):
    project, validation = shipped_drafts
    frame = votes_frame(project, validation)
    return project, analysis.outcome_table(project, validation), frame


def axes() -> object:
    figure = Figure(figsize=(10, 6))
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
    assert labels[0] == "vetoed by CHN, RUS\n0–2–0\n13 not known"
    assert [t.get_text() for t in ax.get_xticklabels()] == list(outcomes.index)


def test_tally_of_a_long_history_draws_steps():
    count = charts.LABELS_MAX_BARS + 10
    outcomes = pd.DataFrame({
        "status": ["vetoed" if i % 7 == 0 else "adopted" for i in range(count)],
        "yes": [10] * count, "no": [1] * count, "abstain": [4] * count, "absent": [0] * count,
        "seated": [15] * count, "vetoed_by": [("RUS",) if i % 7 == 0 else () for i in range(count)],
        "not_vetoes": [()] * count,
    }, index=[f"d{i}" for i in range(count)])
    ax = charts.plot_tally(outcomes, axes())
    steps = [a for a in ax.patches if isinstance(a, StepPatch)]
    assert [s.get_label() for s in steps] == ["yes", "no", "abstain", "absent", "not known"]
    tops = [list(s.get_data().values) for s in steps]
    assert tops[0] == [10] * count and tops[1] == [11] * count and tops[-1] == [15] * count
    assert list(steps[1].get_data().baseline) == [10] * count
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
    cover = next(c for c in ax.collections if c.get_gid() == "vetoes")
    assert cover.get_hatch() == charts.VETO_HATCH
    corners = sorted(tuple(path.vertices.min(axis=0)) for path in cover.get_paths())
    expected = sorted((c - 0.5, r - 0.5) for r, c in np.argwhere(kinds == charts.KINDS.index("veto")))
    assert corners == expected and len(expected) == 9  # CHN 4, RUS 5
    # unknown and not seated are kinds of their own
    assert charts.KINDS[kinds[row["FRA"], col["syria-crackdown-2011-10"]]] == "unknown"
    assert charts.KINDS[kinds[row["AGO"], col["syria-crackdown-2011-10"]]] == analysis.NOT_SEATED
    # unknown votes are dotted, cell by cell
    unknown = next(c for c in ax.collections if c.get_gid() == "unknown")
    assert unknown.get_hatch() == charts.UNKNOWN_HATCH
    assert len(unknown.get_paths()) == int((kinds == charts.KINDS.index("unknown")).sum()) == 12
    assert [t.get_text() for t in ax.get_yticklabels()] == [names[c] for c in known.index]
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert any("veto" in text for text in legend) and any("not known" in text for text in legend)
    assert ax.get_title(loc="left")


def test_vote_cell_kinds_ignores_vetoes_of_members_without_a_no():
    matrix = pd.DataFrame([["no", "yes"], ["no", np.nan]], index=["RUS", "CHN"], columns=["a", "b"], dtype=object)
    kinds = charts.vote_cell_kinds(matrix, {"a": ("RUS",), "b": ("RUS", "CHN")})
    assert [[charts.KINDS[k] for k in row] for row in kinds] == [["veto", "yes"], ["no", "unknown"]]


def test_agreement_chart_order_and_cut(shipped):
    project, _, frame = shipped
    agreement, _ = analysis.agreement_matrix(frame)
    clustering = analysis.cluster_members(agreement)
    figure = Figure(figsize=(12, 9))
    FigureCanvasAgg(figure)
    names = {code: project.council.members[code].name for code in agreement.index}
    drawn = charts.plot_agreement(agreement, clustering, figure, member_labels=names)
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
    links = {c.get_gid(): c for c in tree_ax.collections}
    assert len(links["links-below-cut"].get_segments()) + len(links["links-above-cut"].get_segments()) \
        == len(clustering.leaves) - 1
    # every link above the cut is higher than the cut, every other one is not
    assert all(max(x for x, _ in seg) > analysis.CLUSTER_CUT for seg in links["links-above-cut"].get_segments())
    assert all(max(x for x, _ in seg) <= analysis.CLUSTER_CUT for seg in links["links-below-cut"].get_segments())
    # the tree's leaves sit on the matrix rows: leaf i at y = i
    assert tree_ax.get_ylim() == matrix_ax.get_ylim()


def test_draft_ticks():
    assert charts.draft_ticks(5) == [0, 1, 2, 3, 4]
    many = charts.draft_ticks(3000)
    assert len(many) == charts.MAX_DRAFT_TICKS and many[0] == 0 and many[-1] == 2999


def test_outcome_words():
    assert charts.outcome_words("vetoed", ("CHN", "RUS"), ()) == "vetoed by CHN, RUS"
    assert charts.outcome_words("adopted", (), ()) == "adopted"
    assert "not a veto" in charts.outcome_words("failed", (), ("USA",))
    assert charts.outcome_words("failed", (), ()) == "failed"
