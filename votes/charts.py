"""Charts of the analyses, drawn on the matplotlib objects the caller gives.

Each function takes data from `votes.analysis` and an `Axes` (a `Figure` for
the composite agreement chart), draws, and returns what it drew, so tests
and notebooks can look at images, bars and lines rather than pixels.
Nothing here touches pyplot's global state or writes a file.

Colours are the Okabe-Ito palette, safe for the common colour-blindnesses.
Vetoes are hatched as well as coloured, and small charts put a mark of the
vote in each cell, so they survive greyscale printing. Large histories get
the same charts without per-cell marks and with fewer tick labels: at that
size marks are unreadable, and drawing them would be slow.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import numpy as np
import pandas as pd
from matplotlib import colormaps
from matplotlib.axes import Axes
from matplotlib.collections import LineCollection, PatchCollection
from matplotlib.colors import ListedColormap
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch, Rectangle, StepPatch

from .analysis import NOT_SEATED, Clustering
from .model import ADOPTION_THRESHOLD
#: Fill colour of each kind of vote-matrix cell and tally segment (Okabe-Ito); the order is the legend's.
COLOURS = {
    "yes": "#009E73",       # bluish green
    "no": "#D55E00",        # vermillion
    "veto": "#CC79A7",      # reddish purple, hatched
    "abstain": "#E69F00",   # orange
    "absent": "#56B4E9",    # sky blue
    "unknown": "#E4E4E4",   # light grey
    NOT_SEATED: "#FFFFFF",
}
#: The kinds of vote-matrix cell; `vote_cell_kinds` gives each cell its position here.
KINDS = tuple(COLOURS)
#: The mark (matplotlib marker, area) small vote matrices put in each cell of a kind; a veto is hatched.
MARKS = {"yes": ("+", 70), "no": ("_", 70), "abstain": ("o", 30), "absent": ("x", 30)}
LEGEND_WORDS = {"yes": "yes", "no": "no", "veto": "veto: a permanent member's no that blocked adoption", "abstain": "abstain",
                "absent": "absent", "unknown": "vote not known", NOT_SEATED: "blank: not on the Council"}
VETO_HATCH = "////"
UNKNOWN_HATCH = ".."
INK = "#333333"
UNDEFINED_MARK = "–"
#: Above these sizes cells, bars and the agreement matrix carry no marks or labels of their own.
MARKS_MAX_CELLS = 600
LABELS_MAX_BARS = 40
VALUES_MAX_MEMBERS = 30
#: At most this many tick labels along an axis of drafts; more than UPRIGHT_TICKS are turned upright.
MAX_DRAFT_TICKS = 24
UPRIGHT_TICKS = 8


def plain_text(text: str) -> str:
    """A label drawn as the text it is: `$` escaped, so that a name or symbol holding dollar signs
    never goes through mathtext (where `$\\frac{$` would stop the drawing with an error)."""
    return str(text).replace("$", r"\$")


def vote_cell_kinds(matrix: pd.DataFrame, vetoed_by: Mapping[str, Iterable[str]]) -> np.ndarray:
    """Each cell of a vote matrix as an index into `KINDS`: its vote, veto, unknown or not seated."""
    values = matrix.to_numpy(dtype=object)
    kinds = np.full(values.shape, KINDS.index("unknown"), dtype=int)
    for kind in ("yes", "no", "abstain", "absent", NOT_SEATED):
        kinds[values == kind] = KINDS.index(kind)
    row_of = {member: i for i, member in enumerate(matrix.index)}
    for col, draft_id in enumerate(matrix.columns):
        for member in vetoed_by.get(draft_id, ()):
            row = row_of.get(member)
            if row is not None and values[row, col] == "no":
                kinds[row, col] = KINDS.index("veto")
    return kinds


def plot_vote_matrix(matrix: pd.DataFrame, vetoed_by: Mapping[str, Iterable[str]], ax: Axes, *,
                     member_labels: Mapping[str, str] | None = None,
                     draft_labels: Mapping[str, str] | None = None,
                     permanent: Iterable[str] = (),
                     title: str = "How each member voted") -> Axes:
    """Draw members x drafts as coloured cells, vetoes in their own colour and hatched.

    matrix: `analysis.vote_matrix` (or a slice of it); vetoed_by: draft id ->
    the members whose no was a veto. The cells are one image (gid "votes")
    whose array holds `KINDS` indices (`vote_cell_kinds`). Up to
    `MARKS_MAX_CELLS` cells, veto cells are also covered by a hatched
    PatchCollection (gid "vetoes"), unknown votes by a dotted one (gid
    "unknown"), and the other cells carry a mark of their kind (`MARKS`;
    scatter collections with gid "marks-KIND"). Marks are collections, not
    texts: a text per cell would cost more to draw than the rest of the chart.
    A rule separates the permanent members when they come first.
    """
    member_labels = member_labels or {}
    draft_labels = draft_labels or {}
    rows, cols = matrix.shape
    kinds = vote_cell_kinds(matrix, vetoed_by)
    small = rows * cols <= MARKS_MAX_CELLS
    # colours are blended after mapping, so a large matrix shrunk to the figure mixes colours, not kinds
    image = ax.imshow(kinds, cmap=ListedColormap([COLOURS[k] for k in KINDS]), vmin=-0.5,
                      vmax=len(KINDS) - 0.5, aspect="auto", interpolation="nearest" if small else "antialiased",
                      interpolation_stage="rgba", extent=(-0.5, cols - 0.5, rows - 0.5, -0.5))
    image.set_gid("votes")
    if small:  # on cells a few pixels wide hatches and marks would be noise: colour alone tells them apart
        for kind, hatch, edge in (("veto", VETO_HATCH, INK), ("unknown", UNKNOWN_HATCH, "#999999")):
            cells = np.argwhere(kinds == KINDS.index(kind))
            cover = PatchCollection([Rectangle((c - 0.5, r - 0.5), 1, 1) for r, c in cells], facecolors="none",
                                    edgecolors=edge, linewidths=0.8, hatch=hatch)
            cover.set_gid("vetoes" if kind == "veto" else "unknown")
            ax.add_collection(cover, autolim=False)
        # white rules between cells, so that neighbours of one colour stay countable
        ax.vlines(np.arange(cols + 1) - 0.5, -0.5, rows - 0.5, colors="white", linewidths=2)
        ax.hlines(np.arange(rows + 1) - 0.5, -0.5, cols - 0.5, colors="white", linewidths=2)
        # a mark per kind, one collection each: cheaper to draw than a word per cell, and legible in grey
        for kind, (marker, size) in MARKS.items():
            rows_, cols_ = np.nonzero(kinds == KINDS.index(kind))
            if len(rows_):
                marks = ax.scatter(cols_, rows_, marker=marker, s=size, c=INK, linewidths=1.6)
                marks.set_gid(f"marks-{kind}")
    permanent = set(permanent)
    leading = next((i for i, m in enumerate(matrix.index) if m not in permanent), rows)
    if 0 < leading < rows:
        ax.axhline(leading - 0.5, color=INK, linewidth=1.2)
    ax.set_xlim(-0.5, cols - 0.5)
    ax.set_ylim(rows - 0.5, -0.5)
    ticks = draft_ticks(cols)
    ax.set_xticks(ticks, [plain_text(draft_labels.get(matrix.columns[i], matrix.columns[i])) for i in ticks],
                  fontsize=8 if small else 7, rotation=0 if len(ticks) <= UPRIGHT_TICKS else 90)
    ax.xaxis.tick_top()
    ax.set_yticks(range(rows), [plain_text(member_labels.get(m, m)) for m in matrix.index],
                  fontsize=9 if rows <= 40 else 6)
    ax.tick_params(length=0)
    for spine in ax.spines.values():
        spine.set_visible(False)
    handles = []
    for kind in KINDS:
        patch = Patch(facecolor=COLOURS[kind], edgecolor=INK if kind == "veto" else "#BBBBBB",
                      hatch={"veto": VETO_HATCH, "unknown": UNKNOWN_HATCH}.get(kind))
        marker, size = MARKS.get(kind, ("", 0))
        mark = Line2D([], [], linestyle="none", marker=marker, markersize=size ** 0.5 * 0.8, color=INK,
                      markeredgewidth=1.3)
        handles.append((patch, mark) if small and marker else patch)
    words = [LEGEND_WORDS[kind] for kind in KINDS]
    ax.legend(handles, words, loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False, fontsize=8)
    ax.set_title(title, fontsize=12, loc="left", pad=12)
    return ax


def draft_ticks(count: int) -> list[int]:
    """Which of `count` drafts get a tick label: all, or at most `MAX_DRAFT_TICKS` evenly spread."""
    if count <= MAX_DRAFT_TICKS:
        return list(range(count))
    return sorted({round(i * (count - 1) / (MAX_DRAFT_TICKS - 1)) for i in range(MAX_DRAFT_TICKS)})


def outcome_words(status: str | None, vetoed_by: Iterable[str], not_vetoes: Iterable[str]) -> str:
    """The label over a tally bar: adopted, vetoed by whom, failed (and permanent no votes that were not vetoes)."""
    vetoed_by, not_vetoes = list(vetoed_by), list(not_vetoes)
    if status == "vetoed":
        return f"vetoed by {', '.join(vetoed_by)}" if vetoed_by else "vetoed"
    if status == "failed" and not_vetoes:
        return f"failed ({', '.join(not_vetoes)}\nno: not a veto)"
    return status or "?"


def plot_tally(outcomes: pd.DataFrame, ax: Axes, *, draft_labels: Mapping[str, str] | None = None,
               title: str | None = None) -> Axes:
    """One stacked bar per draft (yes from the floor, then no, abstain, absent, not known), and the nine-vote line.

    outcomes: `analysis.outcome_table`. Up to `LABELS_MAX_BARS` drafts, the
    series are bar containers labelled "yes", "no", "abstain", "absent",
    "not known" in `ax.containers`, and each bar carries its outcome and
    tally (yes-no-abstain, then how many not known); beyond, each series is
    one `StepPatch` with the same label, and vetoed drafts get a marker
    (gid "vetoed"). The nine-vote line has gid "nine-votes".
    """
    draft_labels = draft_labels or {}
    count = len(outcomes)
    labelled = count <= LABELS_MAX_BARS
    x = np.arange(count)
    edges = np.arange(count + 1) - 0.5
    bottom = np.zeros(count)
    seated = outcomes["seated"].to_numpy(dtype=float)
    series = [(level, outcomes[level].to_numpy(dtype=float)) for level in ("yes", "no", "abstain", "absent")]
    series.append(("not known", np.clip(seated - sum(h for _, h in series), 0, None)))
    steps = []
    for level, heights in series:
        unknown = level == "not known"
        colour = COLOURS["unknown" if unknown else level]
        if not labelled:
            # added as a plain artist: add_patch would walk thousands of path segments for the data limits
            step = StepPatch(bottom + heights, edges, baseline=bottom, fill=True, color=colour, label=level)
            steps.append(ax.add_artist(step))
        else:
            ax.bar(x, heights, bottom=bottom, width=0.6, color=colour, label=level, linewidth=0.5,
                   edgecolor="#999999" if unknown else "white", hatch=UNKNOWN_HATCH if unknown else None)
        bottom = bottom + heights
    line = ax.axhline(ADOPTION_THRESHOLD, color=INK, linestyle="--", linewidth=1.2, label="nine votes needed")
    line.set_gid("nine-votes")
    outcome_rows = list(zip(outcomes["status"], outcomes["vetoed_by"], outcomes["not_vetoes"]))
    if labelled:
        rest = series[-1][1]
        for i, (status, vetoed_by, not_vetoes) in enumerate(outcome_rows):
            tally = "–".join(f"{outcomes[level].iat[i]}" for level in ("yes", "no", "abstain"))
            tally += f"\n{rest[i]:.0f} not known" if rest[i] else ""
            ax.text(x[i], bottom[i] + 0.3, plain_text(f"{outcome_words(status, vetoed_by, not_vetoes)}\n{tally}"),
                    ha="center", va="bottom", fontsize=8.5, linespacing=1.15,
                    fontweight="bold" if status == "vetoed" else "normal")
    else:
        vetoed = [i for i, (status, _, _) in enumerate(outcome_rows) if status == "vetoed"]
        marks = ax.scatter(x[vetoed], bottom[vetoed] + 0.8, marker="v", s=14, color=COLOURS["veto"],
                           edgecolors=INK, linewidths=0.3, label="vetoed")
        marks.set_gid("vetoed")
        steps += [line, marks]
    ticks = draft_ticks(count)
    ax.set_xticks(ticks, [plain_text(draft_labels.get(outcomes.index[i], outcomes.index[i])) for i in ticks], fontsize=8,
                  rotation=0 if len(ticks) <= UPRIGHT_TICKS else 90)
    ax.set_xlim(-0.6, count - 0.4)
    ax.set_ylim(0, max(15.0, float(bottom.max()) if count else 0.0) + 5)
    ax.set_yticks(range(0, 16, 3))
    ax.set_ylabel("members")
    ax.spines[["top", "right"]].set_visible(False)
    ax.legend(handles=steps or None, loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False, fontsize=8)
    if title is None:
        title = "Votes on each draft against the nine needed to adopt" + (" (yes–no–abstain)" if labelled else "")
    ax.set_title(title, fontsize=12, loc="left")
    return ax


def plot_agreement(agreement: pd.DataFrame, clustering: Clustering, fig: Figure, *,
                   member_labels: Mapping[str, str] | None = None,
                   title: str = "Agreement between members, clustered") -> dict[str, Axes]:
    """The agreement matrix in dendrogram order, its dendrogram at the left with the cut drawn.

    agreement: the first frame of `analysis.agreement_matrix`; clustering:
    `analysis.cluster_members` on it. The values and the drafts they rest on
    are left to tables (writing them in the cells would cost more than the
    rest of the chart); pairs with no shared draft are grey, and marked – up
    to `VALUES_MAX_MEMBERS` members. Returns the axes: "dendrogram" (see
    `plot_dendrogram`), "matrix" (leaves from the bottom up, and from right to
    left, so the diagonal runs from the top left) and "colorbar".
    """
    member_labels = member_labels or {}
    leaves = clustering.leaves
    n = len(leaves)
    names = [plain_text(member_labels.get(m, m)) for m in leaves]
    label_size = 8.5 if n <= VALUES_MAX_MEMBERS else 6
    right = text_inches(names, label_size) + 0.25
    width, height = fig.get_size_inches()
    tree_ax = fig.add_axes(axes_rect(fig, left=0.2, right=width - 1.7, top=1.0, bottom=0.9))
    matrix_ax = fig.add_axes(axes_rect(fig, left=1.75, right=right, top=1.0, bottom=0.9))
    bar_ax = fig.add_axes(axes_rect(fig, left=1.75, right=right, top=height - 0.55, bottom=0.42))
    # rows are leaves from the bottom up (beside the dendrogram); columns run the other way, so the
    # diagonal of self-agreement goes from the top left to the bottom right, as readers expect
    columns = leaves[::-1]
    values = agreement.loc[leaves, columns].to_numpy(dtype=float)
    cmap = colormaps["cividis"].with_extremes(bad=COLOURS["unknown"])
    image = matrix_ax.imshow(np.ma.masked_invalid(values), cmap=cmap, vmin=0, vmax=1, origin="lower",
                             aspect="auto", interpolation="nearest", extent=(-0.5, n - 0.5, -0.5, n - 0.5))
    # the values are in report.md's table; each label would cost drawing time, so only pairs with none are marked
    for i, j in np.argwhere(np.isnan(values)) if n <= VALUES_MAX_MEMBERS else ():
        matrix_ax.text(j, i, UNDEFINED_MARK, ha="center", va="center", fontsize=8)
    matrix_ax.set_xticks(range(n), [plain_text(c) for c in columns], fontsize=8 if n <= VALUES_MAX_MEMBERS else 5.5,
                         rotation=90)
    matrix_ax.xaxis.tick_top()
    matrix_ax.set_yticks(range(n), names, fontsize=label_size)
    matrix_ax.yaxis.tick_right()
    matrix_ax.tick_params(length=0)
    fig.colorbar(image, cax=bar_ax, orientation="horizontal", ticks=[0, 0.25, 0.5, 0.75, 1])
    bar_ax.set_xlabel(f"agreement: 1 the same vote every time, 0 always opposite ({UNDEFINED_MARK} or grey: no "
                      "draft shared)", fontsize=8)
    bar_ax.tick_params(labelsize=7)
    plot_dendrogram(clustering, tree_ax)
    fig.suptitle(title, fontsize=12, x=0.2 / width, y=1 - 0.12 / height, ha="left", va="top")
    return {"dendrogram": tree_ax, "matrix": matrix_ax, "colorbar": bar_ax}


def plot_dendrogram(clustering: Clustering, ax: Axes) -> Axes:
    """The clustering tree, root at the left, leaf i of `clustering.leaves` at y = i.

    Links joined at or below the cut are blue, the rest grey, as two
    LineCollections (gids "links-below-cut", "links-above-cut"); the cut is a
    dashed vertical line with gid "cut".
    """
    count = len(clustering.members)
    position = {clustering.members.index(m): float(i) for i, m in enumerate(clustering.leaves)}
    height = {leaf: 0.0 for leaf in position}
    below, above = [], []
    for step, (first, second, joined, _) in enumerate(clustering.linkage):
        first, second = int(first), int(second)
        link = [(height[first], position[first]), (joined, position[first]),
                (joined, position[second]), (height[second], position[second])]
        (below if joined <= clustering.cut else above).append(link)
        position[count + step] = (position[first] + position[second]) / 2
        height[count + step] = float(joined)
    for links, colour, gid in ((below, "#0072B2", "links-below-cut"), (above, "#999999", "links-above-cut")):
        lines = LineCollection(links, colors=colour, linewidths=1.4 if count <= VALUES_MAX_MEMBERS else 0.7)
        lines.set_gid(gid)
        ax.add_collection(lines)
    ax.set_xlim(max([1.0, *height.values()]) * 1.05, 0)
    ax.set_ylim(-0.5, count - 0.5)
    cut = ax.axvline(clustering.cut, color=COLOURS["no"], linestyle="--", linewidth=1.2)
    cut.set_gid("cut")
    ax.text(clustering.cut, -0.5, f" cut at {clustering.cut:.2f}", color=COLOURS["no"], fontsize=8,
            ha="left", va="top")
    ax.set_yticks([])
    # ticks on top, beside the matrix's column labels, leaving the bottom to the colour bar
    ax.xaxis.tick_top()
    ax.xaxis.set_label_position("top")
    ax.set_xticks([0, 0.5, 1])
    ax.set_xlabel("average linkage on\n1 − agreement", fontsize=8)
    ax.tick_params(labelsize=7)
    for side in ("bottom", "right", "left"):
        ax.spines[side].set_visible(False)
    return ax


def axes_rect(fig: Figure, *, left: float, right: float, top: float, bottom: float) -> list[float]:
    """An axes rectangle in figure fractions, from margins in inches (no layout engine: it costs a draw)."""
    width, height = fig.get_size_inches()
    return [left / width, bottom / height, max(width - left - right, 0.1) / width,
            max(height - top - bottom, 0.1) / height]


def text_inches(texts: Iterable[str], fontsize: float) -> float:
    """A generous estimate of the widest text's width, from its length (measuring would cost a draw)."""
    return max((len(t) for t in texts), default=0) * fontsize * 0.62 / 72
