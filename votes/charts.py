"""Charts of the analyses: each drawn on the matplotlib objects given, and the report's figures.

`plot_*` take data from `votes.analysis` and an `Axes` (a `Figure` for the
composite agreement chart), draw, and return what they drew, so tests and
notebooks can look at images, bars, texts and lines rather than pixels.
`*_figure` size a figure for the data and draw one chart on it, as the report
does; `png_bytes` saves one reproducibly. Nothing here touches pyplot's
global state or writes a file.

No chart can be read by colour alone. Colours are the Okabe-Ito palette,
safe for the common colour-blindnesses, and every vote level has a second
cue: a glyph (+ yes, − no, o abstain, x absent), a hatch for vetoes, dots for
votes not known, a blank for members not seated. Legends list only the levels
drawn. Large histories get the same charts without per-cell glyphs and with
fewer tick labels: at that size glyphs are unreadable, and slow to draw.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Mapping

import numpy as np
import pandas as pd
from matplotlib import colormaps
from matplotlib.axes import Axes
from matplotlib.collections import LineCollection
from matplotlib.colors import ListedColormap
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch, PathPatch, StepPatch
from matplotlib.path import Path
from matplotlib.transforms import Affine2D

from .analysis import NOT_SEATED, Clustering
from . import charter

#: Fill colour of each kind of vote-matrix cell and tally segment (Okabe-Ito); the order is the legend's.
COLOURS = {
    "yes": "#009E73",       # bluish green
    "no": "#D55E00",        # vermillion
    "veto": "#CC79A7",      # reddish purple, hatched
    "abstain": "#E69F00",   # orange
    "absent": "#56B4E9",    # sky blue
    "unknown": "#E4E4E4",   # light grey, dotted
    NOT_SEATED: "#FFFFFF",
}
#: The kinds of vote-matrix cell; `vote_cell_kinds` gives each cell its position here.
KINDS = tuple(COLOURS)
#: The glyph (matplotlib marker, area) of each vote level, in matrix cells and tally segments alike.
MARKS = {"yes": ("+", 70), "no": ("_", 70), "abstain": ("o", 30), "absent": ("x", 30)}
#: The hatch of the kinds told apart by a pattern rather than a glyph.
HATCHES = {"veto": "////", "unknown": ".."}
VETO_HATCH = HATCHES["veto"]
UNKNOWN_HATCH = HATCHES["unknown"]
LEGEND_WORDS = {"yes": "yes", "no": "no", "veto": "veto: a permanent member's no that blocked adoption",
                "abstain": "abstain", "absent": "absent", "unknown": "vote not known",
                NOT_SEATED: "blank: not on the Council"}
#: The tally's series: each vote level, then the members whose vote is not known.
TALLY_LEVELS = ("yes", "no", "abstain", "absent", "not known")
INK = "#333333"
UNDEFINED_MARK = "–"
#: Each cluster of the dendrogram: a colour and a line style, so clusters differ by more than colour.
#: (The cut is drawn in black, so no cluster is.)
CLUSTER_STYLES = (("#0072B2", "solid"), ("#CC79A7", "dashed"), ("#009E73", "dashdot"), ("#E69F00", "dotted"),
                  ("#D55E00", (0, (5, 1, 1, 1))), ("#56B4E9", (0, (1, 2))), ("#F0E442", (0, (8, 2))))
ABOVE_CUT = "#999999"
#: Above these sizes cells, bars and the agreement matrix carry no marks or labels of their own.
MARKS_MAX_CELLS = 600
LABELS_MAX_BARS = 40
VALUES_MAX_MEMBERS = 30
#: Up to this many members the agreement matrix writes each value in its cell.
CELL_VALUES_MAX_MEMBERS = 20
#: At most this many tick labels along an axis of drafts; more than UPRIGHT_TICKS are turned upright.
MAX_DRAFT_TICKS = 24
UPRIGHT_TICKS = 8
#: Resolution of the PNG charts: sharp on screen, cheap to render.
DPI = 100
#: The plotting area of a chart grows with the data up to this many inches a side.
MAX_PLOT_INCHES = 12.0


def chart_text(text: str) -> str:
    """Text from the data as a chart shows it: each line's runs of white space made one space, and
    `$` escaped, so that a name or symbol holding dollar signs never goes through mathtext (where
    `$\\frac{$` would stop the drawing with an error).

    Every name, title and label drawn from the user's data goes through here.
    """
    plain = "\n".join(" ".join(line.split()) for line in str(text).split("\n"))
    return plain.replace(r"\$", "$").replace("$", r"\$")  # escaped once, however often it passes here


def draft_label(symbol: str, short: str, date: str) -> str:
    """A draft as chart axes name it: its symbol (or id), its short name (drafters and kind), its date."""
    return chart_text(f"{symbol}\n{short}\n{date}")


def _legend_handle(kind: str, with_mark: bool):
    """A legend entry of a vote level: its colour and hatch, and its glyph where the chart draws glyphs."""
    patch = Patch(facecolor=COLOURS[kind], edgecolor=INK if kind == "veto" else "#BBBBBB", hatch=HATCHES.get(kind))
    marker, size = MARKS.get(kind, ("", 0))
    if not (with_mark and marker):
        return patch
    mark = Line2D([], [], linestyle="none", marker=marker, markersize=size ** 0.5 * 0.8, color=INK,
                  markeredgewidth=1.3)
    return (patch, mark)


# --- vote matrix ---------------------------------------------------------------------------------

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


def cell_outlines(cells: np.ndarray) -> Path:
    """The unit squares around (row, column) cells as one compound path: hatching it is one fill,
    where a hatched patch per cell would cost a fill each (most of the matrix's drawing time)."""
    corners = np.array([(-0.5, -0.5), (0.5, -0.5), (0.5, 0.5), (-0.5, 0.5), (-0.5, -0.5)])
    centres = np.repeat(cells[:, ::-1].astype(float), len(corners), axis=0)
    vertices = centres + np.tile(corners, (len(cells), 1))
    codes = np.tile([Path.MOVETO, Path.LINETO, Path.LINETO, Path.LINETO, Path.CLOSEPOLY], len(cells))
    return Path(vertices, codes)


def plot_vote_matrix(matrix: pd.DataFrame, vetoed_by: Mapping[str, Iterable[str]], ax: Axes, *,
                     member_labels: Mapping[str, str] | None = None,
                     draft_labels: Mapping[str, str] | None = None,
                     permanent: Iterable[str] = (),
                     title: str = "How each member voted") -> Axes:
    """Draw members x drafts as coloured cells, vetoes in their own colour and hatched.

    matrix: `analysis.vote_matrix` (or a slice of it); every member seated in
    any year is a row, so members of earlier years show as votes not known, not
    as absent rows. vetoed_by: draft id -> the members whose no was a veto. The
    cells are one image (gid "votes") whose array holds `KINDS` indices
    (`vote_cell_kinds`). Up to `MARKS_MAX_CELLS` cells, veto cells are also
    covered by a hatched PathPatch (gid "vetoes", `cell_outlines`), unknown
    votes by a dotted one (gid "unknown"), and the other cells carry the glyph of their
    vote (`MARKS`; scatter collections with gid "marks-KIND"). The legend lists
    the kinds present only. A rule separates the permanent members when they
    come first.
    """
    member_labels = member_labels or {}
    draft_labels = draft_labels or {}
    rows, cols = matrix.shape
    kinds = vote_cell_kinds(matrix, vetoed_by)
    small = rows * cols <= MARKS_MAX_CELLS
    # colours are blended after mapping, so a large matrix shrunk to the figure mixes colours, not kinds
    # nearest cells can be coloured before resampling (cheaper); a large matrix shrunk to the figure
    # is resampled in colour, so that neighbouring cells mix colours, not kinds
    image = ax.imshow(kinds, cmap=ListedColormap([COLOURS[k] for k in KINDS]), vmin=-0.5,
                      vmax=len(KINDS) - 0.5, aspect="auto", interpolation="nearest" if small else "antialiased",
                      interpolation_stage="data" if small else "rgba", extent=(-0.5, cols - 0.5, rows - 0.5, -0.5))
    image.set_gid("votes")
    if small:  # on cells a few pixels wide hatches and marks would be noise: colour alone tells them apart
        for kind, edge in (("veto", INK), ("unknown", "#999999")):
            cells = np.argwhere(kinds == KINDS.index(kind))
            if not len(cells):
                continue
            cover = PathPatch(cell_outlines(cells), facecolor="none", edgecolor=edge, linewidth=0.8,
                              hatch=HATCHES[kind])
            cover.set_gid("vetoes" if kind == "veto" else "unknown")
            ax.add_artist(cover)
        # white rules between cells, so that neighbours of one colour stay countable
        ax.vlines(np.arange(cols + 1) - 0.5, -0.5, rows - 0.5, colors="white", linewidths=2)
        ax.hlines(np.arange(rows + 1) - 0.5, -0.5, cols - 0.5, colors="white", linewidths=2)
        # a glyph per kind, one collection each: cheaper to draw than a word per cell, and legible in grey
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
    ax.set_xticks(ticks, [chart_text(draft_labels.get(matrix.columns[i], matrix.columns[i])) for i in ticks],
                  fontsize=8 if small else 7, rotation=0 if len(ticks) <= UPRIGHT_TICKS else 90)
    ax.xaxis.tick_top()
    ax.set_yticks(range(rows), [chart_text(member_labels.get(m, m)) for m in matrix.index],
                  fontsize=9 if rows <= 40 else 6)
    ax.tick_params(length=0)
    for spine in ax.spines.values():
        spine.set_visible(False)
    present = [kind for i, kind in enumerate(KINDS) if (kinds == i).any()]
    ax.legend([_legend_handle(kind, small) for kind in present], [LEGEND_WORDS[kind] for kind in present],
              loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False, fontsize=8)
    ax.set_title(chart_text(title), fontsize=12, loc="left", pad=12)
    return ax


def draft_ticks(count: int) -> list[int]:
    """Which of `count` drafts get a tick label: all, or at most `MAX_DRAFT_TICKS` evenly spread."""
    if count <= MAX_DRAFT_TICKS:
        return list(range(count))
    return sorted({round(i * (count - 1) / (MAX_DRAFT_TICKS - 1)) for i in range(MAX_DRAFT_TICKS)})


# --- tally ---------------------------------------------------------------------------------------

def outcome_words(status: str | None, vetoed_by: Iterable[str], not_vetoes: Iterable[str]) -> str:
    """The label over a tally bar: adopted, vetoed by whom, failed (and permanent no votes that were not vetoes)."""
    vetoed_by, not_vetoes = list(vetoed_by), list(not_vetoes)
    if status == "vetoed":
        return f"vetoed by {', '.join(vetoed_by)}" if vetoed_by else "vetoed"
    if status == "failed" and not_vetoes:
        return f"failed ({', '.join(not_vetoes)}\nno: not a veto)"
    return status or "?"


def tally_words(yes: int, no: int, abstain: int, unknown: int, sep: str = ", ") -> str:
    """A bar's count: "11–2–2" (yes–no–abstain) when every vote is known; otherwise only what is known,
    never in the form of a tally: "2 no known, 13 unknown" (`sep` between the two parts)."""
    if not unknown:
        return f"{yes}–{no}–{abstain}"
    known = [f"{count} {level}" for level, count in (("yes", yes), ("no", no), ("abstain", abstain)) if count]
    return f"{', '.join(known) or 'none'} known{sep}{unknown} unknown"


def plot_tally(outcomes: pd.DataFrame, ax: Axes, *, draft_labels: Mapping[str, str] | None = None,
               title: str | None = None) -> Axes:
    """One stacked bar per draft (yes from the floor, then no, abstain, absent, not known), and the nine-vote line.

    outcomes: `analysis.outcome_table`. Up to `LABELS_MAX_BARS` drafts, the
    series are bar containers labelled with `TALLY_LEVELS` in `ax.containers`;
    each vote segment carries the glyph of its level (scatter collections, gid
    "marks-LEVEL"), the votes not known are grey, dotted and dashed-edged, and
    each bar carries its outcome and its count (`tally_words`: a complete tally,
    or what is known of a partial one, never as a tally). Beyond, each series
    is one `StepPatch` with the same label, and vetoed drafts get a marker (gid
    "vetoed"). The line of votes needed has gid "nine-votes" (seven for drafts before 1966,
    where it steps down). The legend lists only
    the levels drawn.
    """
    draft_labels = draft_labels or {}
    count = len(outcomes)
    labelled = count <= LABELS_MAX_BARS
    x = np.arange(count)
    edges = np.arange(count + 1) - 0.5
    bottom = np.zeros(count)
    seated = outcomes["seated"].to_numpy(dtype=float)
    unknown = outcomes["unknown"].to_numpy(dtype=float) if "unknown" in outcomes else None
    series = [(level, outcomes[level].to_numpy(dtype=float)) for level in TALLY_LEVELS[:-1]]
    rest = np.clip(seated - sum(h for _, h in series), 0, None)
    series.append(("not known", rest if unknown is None else np.minimum(unknown, rest)))
    handles, words = [], []
    steps = []
    for level, heights in series:
        is_unknown = level == "not known"
        kind = "unknown" if is_unknown else level
        colour = COLOURS[kind]
        if not labelled:
            # added as a plain artist: add_patch would walk thousands of path segments for the data limits
            step = StepPatch(bottom + heights, edges, baseline=bottom, fill=True, color=colour, label=level)
            steps.append(ax.add_artist(step))
        else:
            ax.bar(x, heights, bottom=bottom, width=0.6, color=colour, label=level, linewidth=0.8 if is_unknown
                   else 0.5, edgecolor="#888888" if is_unknown else "white", hatch=HATCHES.get(kind),
                   linestyle="--" if is_unknown else "-")
            filled = heights >= 1
            marker, size = MARKS.get(level, ("", 0))
            if marker and filled.any():
                marks = ax.scatter(x[filled], (bottom + heights / 2)[filled], marker=marker, s=size, c=INK,
                                   linewidths=1.6, zorder=3)
                marks.set_gid(f"marks-{level}")
        if (heights > 0).any():
            handles.append(_legend_handle(kind, labelled))
            words.append("vote not known" if is_unknown else level)
        bottom = bottom + heights
    years = [year if isinstance(year, int) else None
             for year in (getattr(day, "year", None) for day in outcomes.get("date", ()))]
    needed = [charter.quota(year) for year in years]
    needed_words, against = charter.needed_words(years)
    if any(n != charter.quota(None) for n in needed):
        # the Council of 1946-1965 carried a draft with seven of eleven: the line steps down over those drafts
        line, = ax.plot(edges, needed + needed[-1:], drawstyle="steps-post", color=INK, linestyle="--", linewidth=1.2)
    else:
        line = ax.axhline(charter.quota(None), color=INK, linestyle="--", linewidth=1.2)
    line.set_label(needed_words)
    line.set_gid("nine-votes")
    outcome_rows = list(zip(outcomes["status"], outcomes["vetoed_by"], outcomes["not_vetoes"]))
    if labelled:
        for i, (status, vetoed_by, not_vetoes) in enumerate(outcome_rows):
            partial = series[-1][1][i] > 0
            tally = tally_words(*(int(outcomes[level].iat[i]) for level in ("yes", "no", "abstain")),
                                int(series[-1][1][i]), sep="\n")
            ax.text(x[i], bottom[i] + 0.3, chart_text(f"{outcome_words(status, vetoed_by, not_vetoes)}\n{tally}"),
                    ha="center", va="bottom", fontsize=8.5, linespacing=1.15,
                    fontweight="bold" if status == "vetoed" and not partial else "normal",
                    fontstyle="italic" if partial else "normal")
    else:
        vetoed = [i for i, (status, _, _) in enumerate(outcome_rows) if status == "vetoed"]
        marks = ax.scatter(x[vetoed], bottom[vetoed] + 0.8, marker="v", s=14, color=COLOURS["veto"],
                           edgecolors=INK, linewidths=0.3, label="vetoed")
        marks.set_gid("vetoed")
        if vetoed:
            handles.append(marks)
            words.append("vetoed")
    ticks = draft_ticks(count)
    ax.set_xticks(ticks, [chart_text(draft_labels.get(outcomes.index[i], outcomes.index[i])) for i in ticks],
                  fontsize=8, rotation=0 if len(ticks) <= UPRIGHT_TICKS else 90)
    ax.set_xlim(-0.6, count - 0.4)
    ax.set_ylim(0, max(15.0, float(bottom.max()) if count else 0.0) + 5)
    ax.set_yticks(range(0, 16, 3))
    ax.set_ylabel("members")
    ax.spines[["top", "right"]].set_visible(False)
    ax.legend([line, *handles], [needed_words, *words], loc="upper left", bbox_to_anchor=(1.01, 1.0),
              frameon=False, fontsize=8)
    if title is None:
        title = f"Votes on each draft against {against} needed to adopt" + (" (yes–no–abstain)" if labelled else "")
    ax.set_title(chart_text(title), fontsize=12, loc="left")
    return ax


# --- agreement -----------------------------------------------------------------------------------

def plot_agreement(agreement: pd.DataFrame, clustering: Clustering, fig: Figure, *,
                   member_labels: Mapping[str, str] | None = None,
                   title: str = "Agreement between members, clustered") -> dict[str, Axes]:
    """The agreement matrix in dendrogram order, its dendrogram at the left with the cut drawn.

    agreement: the first frame of `analysis.agreement_matrix`; clustering:
    `analysis.cluster_members` on it. Up to `CELL_VALUES_MAX_MEMBERS` members
    each cell shows its value (two decimals; texts with gid "value"); pairs
    with no shared draft are grey and marked –. Member names are coloured by
    cluster, as in the dendrogram. Returns the axes: "dendrogram" (see
    `plot_dendrogram`), "matrix" (leaves from the bottom up, and from right to
    left, so the diagonal runs from the top left) and "colorbar".
    """
    member_labels = member_labels or {}
    leaves = clustering.leaves
    n = len(leaves)
    names = [chart_text(member_labels.get(m, m)) for m in leaves]
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
    if n <= CELL_VALUES_MAX_MEMBERS:
        plot_cell_values(values, matrix_ax)
    elif n <= VALUES_MAX_MEMBERS:  # too many for numbers: mark only the pairs with no draft in common
        plot_cell_values(np.where(np.isnan(values), np.nan, np.inf), matrix_ax)
    matrix_ax.set_xticks(range(n), [chart_text(c) for c in columns], fontsize=8 if n <= VALUES_MAX_MEMBERS else 5.5,
                         rotation=90)
    matrix_ax.xaxis.tick_top()
    matrix_ax.set_yticks(range(n), names, fontsize=label_size)
    matrix_ax.yaxis.tick_right()
    styles = cluster_styles(clustering)
    for tick, member in zip(matrix_ax.yaxis.get_major_ticks(), leaves):
        tick.label2.set_color(styles[member][0] if member in styles else INK)
    matrix_ax.tick_params(length=0)
    fig.colorbar(image, cax=bar_ax, orientation="horizontal", ticks=[0, 0.25, 0.5, 0.75, 1])
    bar_ax.set_xlabel(f"agreement: 1 the same vote every time, 0 always opposite ({UNDEFINED_MARK} or grey: no "
                      "draft shared)", fontsize=8)
    bar_ax.tick_params(labelsize=7)
    plot_dendrogram(clustering, tree_ax)
    fig.suptitle(chart_text(title), fontsize=12, x=0.2 / width, y=1 - 0.12 / height, ha="left", va="top")
    return {"dendrogram": tree_ax, "matrix": matrix_ax, "colorbar": bar_ax}


def plot_cell_values(values: np.ndarray, ax: Axes, fontsize: float = 7.0) -> list:
    """Write each cell's value (two decimals) in a matrix drawn with y = row, x = column; – where undefined.

    Each distinct text is one scatter collection (gid "value:TEXT", offsets at
    its cells) whose marker is the text's outline: a few collections draw far
    faster than a text artist per cell, and look the same. Dark ink on the
    light (high) end of cividis, white on the dark end. Cells holding inf are
    left blank (a matrix may mark only its undefined pairs).
    """
    from matplotlib.font_manager import FontProperties
    from matplotlib.markers import MarkerStyle
    from matplotlib.textpath import TextPath

    cells: dict[str, list[tuple[int, int]]] = {}
    for (i, j), value in np.ndenumerate(values):
        if np.isinf(value):
            continue
        cells.setdefault(UNDEFINED_MARK if np.isnan(value) else f"{value:.2f}", []).append((j, i))
    drawn = []
    for text in sorted(cells):
        outline = TextPath((0, 0), text, size=fontsize, prop=FontProperties(family="DejaVu Sans"))
        box = outline.get_extents()
        centred = outline.transformed(Affine2D().translate(-box.x0 - box.width / 2, -box.y0 - box.height / 2))
        # a marker is scaled so that its largest half-extent is 0.5 point per unit of size: undo that
        extent = max(abs(centred.vertices).max(), 1e-9)
        dark = text == UNDEFINED_MARK or float(text) >= 0.55
        marks = ax.scatter(*zip(*cells[text]), marker=MarkerStyle(centred), s=(2 * extent) ** 2,
                           c=INK if dark else "white", linewidths=0)
        marks.set_gid(f"value:{text}")
        drawn.append(marks)
    return drawn


def cluster_styles(clustering: Clustering) -> dict[str, tuple]:
    """Member -> (colour, line style) of its cluster, for the clusters of two or more members, in leaf order."""
    styles = {}
    groups = [group for group in clustering.clusters if len(group) > 1]
    for number, group in enumerate(groups):
        for member in group:
            styles[member] = CLUSTER_STYLES[number % len(CLUSTER_STYLES)]
    return styles


def plot_dendrogram(clustering: Clustering, ax: Axes) -> Axes:
    """The clustering tree, root at the left, leaf i of `clustering.leaves` at y = i.

    Links joined at or below the cut take the colour and line style of their
    cluster, one LineCollection per cluster (gids "cluster-1", "cluster-2" ...,
    in leaf order); links above the cut are grey (gid "links-above-cut"). Each
    leaf has a short stub (gid "leaves") from x = 0 towards the matrix, and the
    axis runs a little past 0, so that members joined at distance 0 (identical
    profiles) show as a visible bracket instead of a line on the edge. The cut
    is a dashed vertical line with gid "cut".
    """
    count = len(clustering.members)
    position = {clustering.members.index(m): float(i) for i, m in enumerate(clustering.leaves)}
    height = {leaf: 0.0 for leaf in position}
    top = max([1.0, *(float(h) for h in clustering.linkage[:, 2])]) if len(clustering.linkage) else 1.0
    inset = 0.06 * top
    styles = cluster_styles(clustering)
    cluster_of = {m: i for i, group in enumerate(g for g in clustering.clusters if len(g) > 1) for m in group}
    first_member = {leaf: clustering.members[leaf] for leaf in position}
    by_cluster: dict[int, list] = {}
    above = []
    for step, (first, second, joined, _) in enumerate(clustering.linkage):
        first, second = int(first), int(second)
        link = [(height[first], position[first]), (joined, position[first]),
                (joined, position[second]), (height[second], position[second])]
        member = first_member[first]
        if joined <= clustering.cut:
            by_cluster.setdefault(cluster_of[member], []).append(link)
        else:
            above.append(link)
        node = count + step
        position[node] = (position[first] + position[second]) / 2
        height[node] = float(joined)
        first_member[node] = member
    width = 1.4 if count <= VALUES_MAX_MEMBERS else 0.7
    for number in sorted(by_cluster):
        colour, style = CLUSTER_STYLES[number % len(CLUSTER_STYLES)]
        lines = LineCollection(by_cluster[number], colors=colour, linestyles=style, linewidths=width)
        lines.set_gid(f"cluster-{number + 1}")
        ax.add_collection(lines)
    lines = LineCollection(above, colors=ABOVE_CUT, linewidths=width)
    lines.set_gid("links-above-cut")
    ax.add_collection(lines)
    stubs = LineCollection([[(0.0, i), (-inset, i)] for i in range(count)],
                           colors=[styles[m][0] if m in styles else ABOVE_CUT for m in clustering.leaves],
                           linewidths=width)
    stubs.set_gid("leaves")
    ax.add_collection(stubs)
    ax.set_xlim(top * 1.05, -inset)
    ax.set_ylim(-0.5, count - 0.5)
    cut = ax.axvline(clustering.cut, color="black", linestyle=(0, (2, 2)), linewidth=1.0)
    cut.set_gid("cut")
    ax.text(clustering.cut, -0.5, f" cut at {clustering.cut:.2f}", color="black", fontsize=8, ha="left", va="top")
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


# --- figures for the report ----------------------------------------------------------------------

def axes_rect(fig: Figure, *, left: float, right: float, top: float, bottom: float) -> list[float]:
    """An axes rectangle in figure fractions, from margins in inches (no layout engine: it costs a draw)."""
    width, height = fig.get_size_inches()
    return [left / width, bottom / height, max(width - left - right, 0.1) / width,
            max(height - top - bottom, 0.1) / height]


def text_inches(texts: Iterable[str], fontsize: float) -> float:
    """A generous estimate of the widest text's width, from its length (measuring would cost a draw)."""
    return max((len(line) for t in texts for line in str(t).split("\n")), default=0) * fontsize * 0.62 / 72


def new_figure(width: float, height: float) -> Figure:
    """A figure on the Agg canvas, outside pyplot; laid out by hand, since a layout engine draws twice."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    figure = Figure(figsize=(width, height), dpi=DPI)
    FigureCanvasAgg(figure)
    return figure


def _nothing(figure: Figure, message: str) -> Figure:
    figure.text(0.5, 0.5, message, ha="center", va="center", fontsize=12)
    return figure


def tally_figure(outcomes: pd.DataFrame, draft_labels: Mapping[str, str]) -> Figure:
    """The report's tally chart, sized for the number of drafts."""
    count = len(outcomes)
    figure = new_figure(2.6 + min(1.55 * max(count, 2), MAX_PLOT_INCHES), 5.2)
    if not count:
        return _nothing(figure, "No draft has come to a vote.")
    rotated = len(draft_ticks(count)) > UPRIGHT_TICKS
    ax = figure.add_axes(axes_rect(figure, left=0.65, right=1.85, top=0.45, bottom=1.4 if rotated else 0.7))
    plot_tally(outcomes, ax, draft_labels=draft_labels)
    return figure


def vote_matrix_figure(matrix: pd.DataFrame, vetoed_by: Mapping[str, Iterable[str]],
                       member_labels: Mapping[str, str], draft_labels: Mapping[str, str],
                       permanent: Iterable[str]) -> Figure:
    """The report's vote matrix, sized for its members and drafts."""
    rows, cols = matrix.shape
    left = text_inches(member_labels.values(), 9 if rows <= 40 else 6) + 0.25
    right = text_inches(LEGEND_WORDS.values(), 8) + 0.7
    top = 1.6 if len(draft_ticks(cols)) > UPRIGHT_TICKS else 1.1  # three-line labels, upright ones longer
    figure = new_figure(left + right + min(1.05 * max(cols, 2), MAX_PLOT_INCHES),
                        top + 0.15 + min(0.3 * max(rows, 3), MAX_PLOT_INCHES))
    if not rows or not cols:
        return _nothing(figure, "No vote is known.")
    ax = figure.add_axes(axes_rect(figure, left=left, right=right, top=top, bottom=0.15))
    plot_vote_matrix(matrix, vetoed_by, ax, member_labels=member_labels, draft_labels=draft_labels,
                     permanent=permanent)
    return figure


def agreement_figure(agreement: pd.DataFrame, clustering: Clustering, member_labels: Mapping[str, str]) -> Figure:
    """The report's agreement chart with its dendrogram, sized for the members."""
    n = len(agreement)
    label_size = 8.5 if n <= VALUES_MAX_MEMBERS else 6
    figure = new_figure(2.0 + min(0.5 * max(n, 2), MAX_PLOT_INCHES) + text_inches(member_labels.values(), label_size),
                        1.9 + min(0.4 * max(n, 2), MAX_PLOT_INCHES))
    if n < 2:
        return _nothing(figure, "Agreement needs two members with known votes.")
    plot_agreement(agreement, clustering, figure, member_labels=member_labels)
    return figure


def png_bytes(figure: Figure) -> bytes:
    """The figure as PNG bytes without software or date metadata, so equal runs give equal bytes."""
    import matplotlib

    buffer = io.BytesIO()
    # Unhinted glyphs draw a fifth faster and look the same at this size; compression level 3
    # instead of Pillow's 6 is a third faster for files about 15% larger.
    with matplotlib.rc_context(SAVE_RC):
        figure.savefig(buffer, format="png", dpi=figure.dpi, metadata={"Software": None},
                       pil_kwargs={"compress_level": 3})
    return buffer.getvalue()


#: The settings every report PNG is saved with (the benchmark's floor saves with the same).
SAVE_RC = {"text.hinting": "no_hinting"}
