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

import functools
import io
from collections.abc import Iterable, Mapping

import numpy as np
import pandas as pd
from matplotlib import colormaps
from matplotlib.axes import Axes
from matplotlib.collections import LineCollection
from matplotlib.colors import ListedColormap, to_hex, to_rgb
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch, PathPatch
from matplotlib.path import Path
from matplotlib.transforms import Affine2D

from . import charter
from .analysis import NOT_SEATED, UNLINKED_HEIGHT, Clustering

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
                NOT_SEATED: "blank: not on the Council", "unshared": "no draft shared",
                "derived": "derived: counted (\u201c11 in favour\u201d, \u201cthe rest\u201d),\nnot named in a quote"}
#: How a derived vote is veiled: white at this opacity over its colour; and its frame's inset in the cell.
DERIVED_VEIL = (1.0, 1.0, 1.0, 0.5)
DERIVED_FRAME_INSET = 0.12
#: The tally's series: each vote level, then the members whose vote is not known.
TALLY_LEVELS = ("yes", "no", "abstain", "absent", "not known")
INK = "#333333"
#: The agreement scale: viridis runs from dark blue through green to yellow, with no grey anywhere, so
#: that no score looks like the white, crossed cell of a pair with no draft in common.
AGREEMENT_COLOURS = colormaps["viridis"]
UNSHARED_HATCH = "xx"
UNSHARED_INK = "#9A9A9A"
#: Room at the right of the agreement chart's colour bar for the legend of the pairs with no draft shared.
UNSHARED_LEGEND_INCHES = 1.6
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
#: The font size of the words over a tally bar, and the fewest characters a line of them needs: with less
#: room between bars they are left out (the report's outcome table says the same).
BAR_LABEL_SIZE = 8.5
BAR_LABEL_MIN_CHARS = 9
#: At most this many tick labels along an axis of drafts; more than UPRIGHT_TICKS are turned upright.
MAX_DRAFT_TICKS = 24
UPRIGHT_TICKS = 8
#: A generous width of one character and the height of a line of text, in units of the font size.
CHAR_WIDTH = 0.62
LINE_HEIGHT = 1.25
#: The share of the room between two ticks a label may take, leaving a gap.
LABEL_ROOM = 0.9
#: Draft labels turned upright are cut to this many characters a line.
ROTATED_LABEL_CHARS = 20
#: Room a legend entry's handle and padding take beside its words.
LEGEND_HANDLE_INCHES = 0.7
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
    """A draft as chart axes name it: its symbol (or id), its short name (drafters and kind), its date.

    Drawn, each line is cut to what its tick has room for (`fit_tick_labels`)."""
    return chart_text(f"{symbol}\n{short}\n{date}")


def cut_text(text: str, max_chars: int) -> str:
    """Each line of `text` cut to at most `max_chars` characters by an ellipsis in its middle, which keeps
    both ends: ids that share a start ("syria-…-2012-02", "syria-…-2012-07") stay apart."""
    max_chars = max(max_chars, 3)
    head = max_chars // 2
    tail = max_chars - 1 - head
    return "\n".join(line if len(line) <= max_chars else line[:head] + "…" + line[len(line) - tail:]
                     for line in text.split("\n"))


def fit_tick_labels(labels: list[str], spacing: float, fontsize: float, rotated: bool) -> list[str]:
    """Tick labels that fit their room, so that neighbours never overlap: `spacing` inches between ticks.

    Upright, each line is cut to the characters the spacing holds; turned upright (rotated), as
    many lines as stand side by side in the spacing are kept (`first_and_last`), each cut to
    `ROTATED_LABEL_CHARS`.
    Widths are estimated generously (`CHAR_WIDTH`), as `text_inches` does.
    """
    room = spacing * 72 * LABEL_ROOM
    if rotated:
        lines = max(int(room // (fontsize * LINE_HEIGHT)), 1)
        return [cut_text("\n".join(first_and_last(label.split("\n"), lines)), ROTATED_LABEL_CHARS)
                for label in labels]
    return [cut_text(label, int(room // (fontsize * CHAR_WIDTH))) for label in labels]


def first_and_last(lines: list[str], keep: int) -> list[str]:
    """At most `keep` of the lines: the first and the last before those between (a symbol and a date
    before a short name)."""
    if len(lines) <= keep:
        return lines
    if keep == 1:
        return lines[:1]
    return lines[:keep - 1] + lines[-1:]


def tick_spacing(ticks: list[int], count: int, width: float) -> float:
    """Inches between the closest two of `ticks` on an axis of `count` slots `width` inches wide."""
    step = min((b - a for a, b in zip(ticks, ticks[1:])), default=max(count, 1))
    return width / max(count, 1) * step


def label_inches(labels: Iterable[str], fontsize: float, rotated: bool) -> float:
    """How far tick labels reach from their axis: their lines' height, or, turned, their longest line."""
    labels = list(labels)
    if rotated:
        return text_inches(labels, fontsize)
    return max((label.count("\n") + 1 for label in labels), default=0) * fontsize * LINE_HEIGHT / 72


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
    # each distinct value's kind once, then every cell by its value's number: comparing the whole
    # object array with each kind costs a Python comparison per cell and kind (seconds at 30,000 drafts)
    codes, uniques = pd.factorize(values.ravel())
    unknown = KINDS.index("unknown")
    kind_of = [KINDS.index(value) if value in ("yes", "no", "abstain", "absent", NOT_SEATED) else unknown
               for value in uniques.tolist()]
    kinds = np.array(kind_of + [unknown], dtype=int)[codes].reshape(values.shape)  # code -1: a missing value
    row_of = {member: i for i, member in enumerate(matrix.index.tolist())}
    for col, draft_id in enumerate(matrix.columns.tolist()):
        for member in vetoed_by.get(draft_id, ()):
            row = row_of.get(member)
            if row is not None and values[row, col] == "no":
                kinds[row, col] = KINDS.index("veto")
    return kinds


def cell_outlines(cells: np.ndarray, inset: float = 0.0) -> Path:
    """The unit squares around (row, column) cells as one compound path: hatching it is one fill,
    where a hatched patch per cell would cost a fill each (most of the matrix's drawing time).
    inset: how far inside the cell's edges the square runs."""
    half = 0.5 - inset
    corners = np.array([(-half, -half), (half, -half), (half, half), (-half, half), (-half, -half)])
    centres = np.repeat(cells[:, ::-1].astype(float), len(corners), axis=0)
    vertices = centres + np.tile(corners, (len(cells), 1))
    codes = np.tile([Path.MOVETO, Path.LINETO, Path.LINETO, Path.LINETO, Path.CLOSEPOLY], len(cells))
    return Path(vertices, codes)


def plot_vote_matrix(matrix: pd.DataFrame, vetoed_by: Mapping[str, Iterable[str]], ax: Axes, *,
                     basis: pd.DataFrame | None = None,
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
    vote (`MARKS`; scatter collections with gid "marks-KIND"). basis:
    `analysis.basis_matrix` of the same cells; votes derived from a count ("11
    in favour", "the rest") rather than quoted are veiled lighter (gid
    "derived": up to `MARKS_MAX_CELLS` cells a PathPatch over their outlines,
    and a dashed inner frame, gid "derived-frame"; beyond, an RGBA image
    opaque where derived), with their own legend entry. The legend lists the kinds present only. Draft labels are cut to the
    room of their tick (`fit_tick_labels`), so they never overlap. A rule
    separates the permanent members when they come first.
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
    derived = np.zeros(kinds.shape, dtype=bool) if basis is None else \
        basis.loc[matrix.index, matrix.columns].to_numpy(dtype=object) == "derived"
    if derived.any() and small:  # a few cells: a veil over their outlines, and a dashed frame inside
        cells = np.argwhere(derived)
        veil = PathPatch(cell_outlines(cells), facecolor=DERIVED_VEIL, edgecolor="none", linewidth=0,
                         zorder=0.5)  # over the colours, under the glyphs
        veil.set_gid("derived")
        ax.add_artist(veil)
        frame = PathPatch(cell_outlines(cells, DERIVED_FRAME_INSET), facecolor="none", edgecolor=INK,
                          linewidth=0.9, linestyle=(0, (2.5, 1.5)))
        frame.set_gid("derived-frame")
        ax.add_artist(frame)
    elif derived.any():  # thousands of cells: one image, transparent but where a vote is derived
        veil = np.zeros(kinds.shape + (4,), dtype=np.uint8)  # bytes: a long history has millions of cells
        veil[derived] = np.round(np.array(DERIVED_VEIL) * 255).astype(np.uint8)
        shown = ax.imshow(veil, aspect="auto", interpolation="antialiased", extent=(-0.5, cols - 0.5, rows - 0.5, -0.5))
        shown.set_gid("derived")
    permanent = set(permanent)
    leading = next((i for i, m in enumerate(matrix.index) if m not in permanent), rows)
    if 0 < leading < rows:
        ax.axhline(leading - 0.5, color=INK, linewidth=1.2)
    ax.set_xlim(-0.5, cols - 0.5)
    ax.set_ylim(rows - 0.5, -0.5)
    ticks = draft_ticks(cols)
    rotated, fontsize = len(ticks) > UPRIGHT_TICKS, 8 if small else 7
    width = ax.get_position().width * ax.figure.get_figwidth()
    labels = fit_tick_labels([chart_text(draft_labels.get(matrix.columns[i], matrix.columns[i])) for i in ticks],
                             tick_spacing(ticks, cols, width), fontsize, rotated)
    ax.set_xticks(ticks, labels, fontsize=fontsize, rotation=90 if rotated else 0)
    ax.xaxis.tick_top()
    ax.set_yticks(range(rows), [chart_text(member_labels.get(m, m)) for m in matrix.index],
                  fontsize=9 if rows <= 40 else 6)
    ax.tick_params(length=0)
    for spine in ax.spines.values():
        spine.set_visible(False)
    present = [kind for i, kind in enumerate(KINDS) if (kinds == i).any()]
    handles = [_legend_handle(kind, small) for kind in present]
    words = [LEGEND_WORDS[kind] for kind in present]
    if derived.any():
        handles.append(Patch(facecolor=to_hex(np.array(to_rgb(COLOURS["yes"])) * (1 - DERIVED_VEIL[3])
                                              + DERIVED_VEIL[3]),
                             edgecolor=INK, linestyle=(0, (2.5, 1.5)) if small else "-", linewidth=0.9))
        words.append(LEGEND_WORDS["derived"])
    ax.legend(handles, words, loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False, fontsize=8)
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
    if status == "adopted" and not_vetoes:  # a procedural decision: no member has a veto on it
        return f"adopted ({', '.join(not_vetoes)}\nno: procedural)"
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
    or what is known of a partial one, never as a tally). Beyond, the bars are
    one image (`plot_tally_image`), and vetoed drafts get a marker (gid
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
    bottoms = []
    for level, heights in series:
        is_unknown = level == "not known"
        kind = "unknown" if is_unknown else level
        colour = COLOURS[kind]
        bottoms.append(bottom)
        if labelled:
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
    if not labelled:
        plot_tally_image(series, bottoms, ax)
    needed, needed_words, against = votes_needed(outcomes)
    if any(n != charter.quota(None) for n in needed):
        # the Council of 1946-1965 carried a draft with seven of eleven: the line steps down over those drafts
        line, = ax.plot(edges, needed + needed[-1:], drawstyle="steps-post", color=INK, linestyle="--", linewidth=1.2)
    else:
        line = ax.axhline(charter.quota(None), color=INK, linestyle="--", linewidth=1.2)
    line.set_label(needed_words)
    line.set_gid("nine-votes")
    outcome_rows = list(zip(outcomes["status"], outcomes["vetoed_by"], outcomes["not_vetoes"]))
    width, height = ax.get_position().size * ax.figure.get_size_inches()
    ticks = draft_ticks(count)
    bar_room = int(tick_spacing(list(range(count)), count, width) * 72 * LABEL_ROOM // (BAR_LABEL_SIZE * CHAR_WIDTH))
    annotated = labelled and bar_room >= BAR_LABEL_MIN_CHARS
    top = max(15.0, float(bottom.max()) if count else 0.0) + 5
    if annotated:
        texts = []
        for i, (status, vetoed_by, not_vetoes) in enumerate(outcome_rows):
            partial = series[-1][1][i] > 0
            tally = tally_words(*(int(outcomes[level].iat[i]) for level in ("yes", "no", "abstain")),
                                int(series[-1][1][i]), sep="\n")
            text = wrap_text(chart_text(f"{outcome_words(status, vetoed_by, not_vetoes)}\n{tally}"), bar_room)
            texts.append(ax.text(x[i], bottom[i] + 0.3, text, ha="center", va="bottom", fontsize=BAR_LABEL_SIZE,
                                 linespacing=1.15, fontweight="bold" if status == "vetoed" and not partial else "normal",
                                 fontstyle="italic" if partial else "normal"))
            # room above the bar for its lines: the axes grow upwards in data units, so solve for the top
            lines = (text.count("\n") + 1) * BAR_LABEL_SIZE * LINE_HEIGHT / 72
            if lines < 0.9 * height:
                top = max(top, (bottom[i] + 0.6) / (1 - lines / height))
    else:
        vetoed = [i for i, (status, _, _) in enumerate(outcome_rows) if status == "vetoed"]
        marks = ax.scatter(x[vetoed], bottom[vetoed] + 0.8, marker="v", s=14, color=COLOURS["veto"],
                           edgecolors=INK, linewidths=0.3, label="vetoed")
        marks.set_gid("vetoed")
        if vetoed:
            handles.append(marks)
            words.append("vetoed")
    rotated = len(ticks) > UPRIGHT_TICKS
    labels = fit_tick_labels([chart_text(draft_labels.get(outcomes.index[i], outcomes.index[i])) for i in ticks],
                             tick_spacing(ticks, count, width), 8, rotated)
    ax.set_xticks(ticks, labels, fontsize=8, rotation=90 if rotated else 0)
    ax.set_xlim(-0.6, count - 0.4)
    ax.set_ylim(0, top)
    ax.set_yticks(range(0, 16, 3))
    ax.set_ylabel("members")
    ax.spines[["top", "right"]].set_visible(False)
    ax.legend([line, *handles], [needed_words, *words], loc="upper left", bbox_to_anchor=(1.01, 1.0),
              frameon=False, fontsize=8)
    if title is None:
        title = tally_title(against, labelled)
    ax.set_title(chart_text(title), fontsize=12, loc="left")
    return ax


def plot_tally_image(series: list[tuple[str, np.ndarray]], bottoms: list[np.ndarray], ax: Axes):
    """A long history's stacked bars as one image (gid "tally"), a column per draft and a row per
    member: each cell holds the index in `series` of the vote level it stands in, or len(series)
    (transparent) above the bar. Votes are whole numbers, so every segment fills whole cells, and an
    image is drawn in a fraction of the time thousands of filled steps take."""
    count = len(bottoms[0]) if bottoms else 0
    top = int(np.ceil(max((float((b + h).max()) for b, (_, h) in zip(bottoms, series)), default=0.0)))
    centres = np.arange(top)[:, None] + 0.5
    cells = np.full((top, count), len(series), dtype=int)
    for index, ((_, heights), lower) in enumerate(zip(series, bottoms)):
        cells[(centres >= lower) & (centres < lower + heights)] = index
    colours = [COLOURS["unknown" if level == "not known" else level] for level, _ in series] + [(1, 1, 1, 0)]
    image = ax.imshow(cells, cmap=ListedColormap(colours), vmin=-0.5, vmax=len(series) + 0.5, origin="lower",
                      aspect="auto", interpolation="antialiased", interpolation_stage="rgba",
                      extent=(-0.5, count - 0.5, 0, top))
    image.set_gid("tally")
    return image


def votes_needed(outcomes: pd.DataFrame) -> tuple[list[int], str, str]:
    """The yes votes each draft needed (votes.charter.quota of its year), the legend's words, and
    what the title measures the bars against."""
    years = [year if isinstance(year, int) else None
             for year in (getattr(day, "year", None) for day in outcomes.get("date", ()))]
    needed_words, against = charter.needed_words(years)
    return [charter.quota(year) for year in years], needed_words, against


def tally_title(against: str, labelled: bool) -> str:
    return f"Votes on each draft against {against} needed to adopt" + (" (yes–no–abstain)" if labelled else "")


def wrap_text(text: str, width: int) -> str:
    """Each line of `text` broken at spaces into lines of at most `width` characters (a longer word is cut)."""
    import textwrap

    return "\n".join(wrapped for line in text.split("\n")
                     for wrapped in (textwrap.wrap(line, width, break_on_hyphens=False) or [""]))


# --- agreement -----------------------------------------------------------------------------------

def plot_agreement(agreement: pd.DataFrame, shared: pd.DataFrame, clustering: Clustering, fig: Figure, *,
                   member_labels: Mapping[str, str] | None = None,
                   title: str = "Agreement between members, clustered") -> dict[str, Axes]:
    """The agreement matrix in dendrogram order, its dendrogram at the left with the cut drawn.

    agreement, shared: the two frames of `analysis.agreement_matrix` (the index
    and the drafts it rests on); clustering: `analysis.cluster_members` on
    them. The colour scale (viridis) runs from dark blue through green to
    yellow, with no grey anywhere, and a pair with no draft in common is left
    white and crossed (a hatched PathPatch with gid "unshared", `UNSHARED_HATCH`),
    a mark no score takes, listed in a legend beside the colour bar. Each cell
    shows how many drafts its score rests on: up to `CELL_VALUES_MAX_MEMBERS`
    members it writes its value (two decimals; gid "value:TEXT") and, under it,
    its drafts ("n=8"; gid "drafts:N"), over the colour image; beyond, each cell
    is a coloured square (one scatter collection, gid "cells") whose side grows
    with its drafts, a full cell for the most any pair shares. Member names are
    coloured by cluster, as in the dendrogram. Returns the axes: "dendrogram"
    (see `plot_dendrogram`), "matrix" (leaves from the bottom up, and from right
    to left, so the diagonal runs from the top left) and "colorbar".
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
    # rows are leaves from the bottom up (beside the dendrogram); columns run the other way, so the
    # diagonal of self-agreement goes from the top left to the bottom right, as readers expect
    columns = leaves[::-1]
    values = agreement.loc[leaves, columns].to_numpy(dtype=float)
    counts = shared.loc[leaves, columns].to_numpy(dtype=float)
    undefined = np.isnan(values)
    # the colour bar leaves room at its right for the legend of the pairs with no draft in common
    matrix_width = width - 1.75 - right
    legend_room = 0.0 if not undefined.any() else UNSHARED_LEGEND_INCHES if matrix_width > 2 * UNSHARED_LEGEND_INCHES \
        else matrix_width / 2
    bar_ax = fig.add_axes(axes_rect(fig, left=1.75, right=right + legend_room, top=height - 0.55, bottom=0.42))
    cmap = AGREEMENT_COLOURS.with_extremes(bad="white")
    extent = (-0.5, n - 0.5, -0.5, n - 0.5)
    if n <= CELL_VALUES_MAX_MEMBERS:
        scale = matrix_ax.imshow(np.ma.masked_invalid(values), cmap=cmap, vmin=0, vmax=1, origin="lower",
                                 aspect="auto", interpolation="nearest", extent=extent)
        plot_cell_values(values, counts, matrix_ax)
    else:
        scale = plot_cell_squares(values, counts, matrix_ax, cmap)
    matrix_ax.set_xlim(extent[:2])
    matrix_ax.set_ylim(extent[2:])
    unshared = np.argwhere(undefined)
    if len(unshared):
        cover = PathPatch(cell_outlines(unshared), facecolor="white", edgecolor=UNSHARED_INK, linewidth=0.5,
                          hatch=UNSHARED_HATCH)
        cover.set_gid("unshared")
        matrix_ax.add_artist(cover)
    matrix_ax.set_xticks(range(n), [chart_text(c) for c in columns], fontsize=8 if n <= VALUES_MAX_MEMBERS else 5.5,
                         rotation=90)
    matrix_ax.xaxis.tick_top()
    matrix_ax.set_yticks(range(n), names, fontsize=label_size)
    matrix_ax.yaxis.tick_right()
    styles = cluster_styles(clustering)
    for tick, member in zip(matrix_ax.yaxis.get_major_ticks(), leaves):
        tick.label2.set_color(styles[member][0] if member in styles else INK)
    matrix_ax.tick_params(length=0)
    fig.colorbar(scale, cax=bar_ax, orientation="horizontal", ticks=[0, 0.25, 0.5, 0.75, 1])
    evidence = ("n: the drafts a score rests on" if n <= CELL_VALUES_MAX_MEMBERS else
                f"a smaller square: fewer drafts shared (a full cell: {int(counts.max()) if n else 0})")
    bar_ax.set_xlabel(f"agreement: 1 the same vote every time, 0 always opposite; {evidence}", fontsize=8)
    bar_ax.tick_params(labelsize=7)
    if len(unshared):
        bar_ax.legend([Patch(facecolor="white", edgecolor=UNSHARED_INK, hatch=UNSHARED_HATCH, linewidth=0.5)],
                      [LEGEND_WORDS["unshared"]], loc="center left", bbox_to_anchor=(1.03, 0.5), frameon=False,
                      fontsize=8, handlelength=2.2, handleheight=1.4)
    plot_dendrogram(clustering, tree_ax)
    fig.suptitle(chart_text(title), fontsize=12, x=0.2 / width, y=1 - 0.12 / height, ha="left", va="top")
    return {"dendrogram": tree_ax, "matrix": matrix_ax, "colorbar": bar_ax}


def value_ink(value: float) -> str:
    """The ink a value is written in on its own colour: dark on the light end of the scale, white on the dark."""
    red, green, blue, _ = AGREEMENT_COLOURS(value)
    return INK if 0.2126 * red + 0.7152 * green + 0.0722 * blue > 0.5 else "white"


def plot_cell_values(values: np.ndarray, counts: np.ndarray, ax: Axes, fontsize: float = 7.0) -> list:
    """Write each cell's value (two decimals) and, under it, its drafts ("n=8"), in a matrix drawn with
    y = row, x = column; a cell with no draft (NaN) is left to the mark of the pairs with none.

    Each distinct text is one scatter collection (gid "value:TEXT" or "drafts:N", offsets at its
    cells) whose marker is the text's outline: a few collections draw far faster than a text artist
    per cell, and look the same. Dark ink on the light end of the scale, white on the dark end.
    """
    cells: dict[tuple[str, str], list[tuple[float, float]]] = {}
    for (i, j), value in np.ndenumerate(values):
        if np.isnan(value):
            continue
        text = f"{value:.2f}"
        ink = value_ink(value)
        cells.setdefault((f"value:{text}", ink), []).append((j, i + 0.14))
        cells.setdefault((f"drafts:{int(counts[i, j])}", ink), []).append((j, i - 0.24))
    drawn = []
    for gid, ink in sorted(cells):
        kind, text = gid.split(":", 1)
        size = fontsize if kind == "value" else fontsize * 0.78
        marks = ax.scatter(*zip(*cells[gid, ink]), marker=text_marker(text if kind == "value" else f"n={text}", size),
                           s=text_marker_size(text if kind == "value" else f"n={text}", size), c=ink, linewidths=0)
        marks.set_gid(gid)
        drawn.append(marks)
    return drawn


def plot_cell_squares(values: np.ndarray, counts: np.ndarray, ax: Axes, cmap) -> object:
    """Each defined cell as a square of its colour whose side grows with the drafts it rests on (on a log
    scale, from a third of the cell for one draft to the whole cell for the most any pair shares): one
    scatter collection, gid "cells", its sizes in points² fitted to the axes. Returns the collection."""
    rows, cols = np.nonzero(~np.isnan(values))
    width, height = ax.get_position().size * ax.figure.get_size_inches()
    cell = min(width / max(values.shape[1], 1), height / max(values.shape[0], 1)) * 72
    drafts = counts[rows, cols]
    side = 1 / 3 + 2 / 3 * np.log1p(drafts) / np.log1p(max(drafts.max(), 1)) if len(drafts) else drafts
    squares = ax.scatter(cols, rows, marker="s", s=(side * cell) ** 2, c=values[rows, cols], cmap=cmap, vmin=0,
                         vmax=1, linewidths=0)
    squares.set_gid("cells")
    return squares


@functools.lru_cache(maxsize=512)
def text_marker(text: str, fontsize: float):
    """A marker whose outline is the text, centred: drawn as one collection per distinct text."""
    from matplotlib.font_manager import FontProperties
    from matplotlib.markers import MarkerStyle
    from matplotlib.textpath import TextPath

    outline = TextPath((0, 0), text, size=fontsize, prop=FontProperties(family="DejaVu Sans"))
    box = outline.get_extents()
    return MarkerStyle(outline.transformed(Affine2D().translate(-box.x0 - box.width / 2, -box.y0 - box.height / 2)))


def text_marker_size(text: str, fontsize: float) -> float:
    """The scatter size that draws `text_marker` at its font size: a marker is scaled so that its largest
    half-extent is 0.5 point per unit of size, which this undoes."""
    extent = max(abs(text_marker(text, fontsize).get_path().vertices).max(), 1e-9)
    return (2 * extent) ** 2


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
    in leaf order); links above the cut are grey (gid "links-above-cut"); joins
    of clusters that never voted on a common draft stand beyond the scale, at
    `analysis.UNLINKED_HEIGHT` under the tick "none shared", dotted (gid
    "links-unshared"): they measure nothing. Each leaf has a short stub (gid
    "leaves") from x = 0 towards the matrix, and the axis runs a little past 0,
    so that members joined at distance 0 (identical profiles) show as a visible
    bracket instead of a line on the edge. The cut is a dashed vertical line
    with gid "cut".
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
    above, unlinked = [], []
    for step, (first, second, joined, _) in enumerate(clustering.linkage):
        first, second = int(first), int(second)
        link = [(height[first], position[first]), (joined, position[first]),
                (joined, position[second]), (height[second], position[second])]
        member = first_member[first]
        if joined <= clustering.cut:
            by_cluster.setdefault(cluster_of[member], []).append(link)
        elif joined == UNLINKED_HEIGHT:
            unlinked.append(link)
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
    if unlinked:
        lines = LineCollection(unlinked, colors=ABOVE_CUT, linestyles=(0, (1, 2)), linewidths=width)
        lines.set_gid("links-unshared")
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
    ticks, labels = [0, 0.5, 1], ["0.0", "0.5", "1.0"]
    if unlinked:
        ticks, labels = ticks + [UNLINKED_HEIGHT], labels + ["none\nshared"]
    ax.set_xticks(ticks, labels)
    ax.set_xlabel("average linkage on\n1 − agreement, shared votes", fontsize=8)
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
    return max((len(line) for t in texts for line in str(t).split("\n")), default=0) * fontsize * CHAR_WIDTH / 72


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
    """The report's tally chart, sized for the number of drafts and for every text it draws: the title,
    the legend and the draft labels (cut to their room) all stand inside the figure."""
    count = len(outcomes)
    plot_width = min(1.55 * max(count, 2), MAX_PLOT_INCHES)
    left = 0.65
    _, needed_words, against = votes_needed(outcomes)
    words = [needed_words, *TALLY_LEVELS[:-1], "vote not known", "vetoed"]
    right = text_inches(words, 8) + LEGEND_HANDLE_INCHES
    title = text_inches([tally_title(against, count <= LABELS_MAX_BARS)], 12) + 0.2
    ticks = draft_ticks(count)
    rotated = len(ticks) > UPRIGHT_TICKS
    labels = fit_tick_labels([chart_text(draft_labels.get(d, d)) for d in outcomes.index[ticks]],
                             tick_spacing(ticks, count, plot_width), 8, rotated)
    bottom = label_inches(labels, 8, rotated) + 0.3
    figure = new_figure(left + max(plot_width + right, title), 4.5 + bottom)
    if not count:
        return _nothing(figure, "No draft has come to a vote.")
    ax = figure.add_axes(axes_rect(figure, left=left, right=figure.get_figwidth() - left - plot_width, top=0.45,
                                   bottom=bottom))
    plot_tally(outcomes, ax, draft_labels=draft_labels)
    return figure


def vote_matrix_figure(matrix: pd.DataFrame, vetoed_by: Mapping[str, Iterable[str]],
                       member_labels: Mapping[str, str], draft_labels: Mapping[str, str],
                       permanent: Iterable[str], basis: pd.DataFrame | None = None) -> Figure:
    """The report's vote matrix, sized for its members, its drafts and their labels (cut to their room)."""
    rows, cols = matrix.shape
    left = text_inches(member_labels.values(), 9 if rows <= 40 else 6) + 0.25
    right = text_inches(LEGEND_WORDS.values(), 8) + LEGEND_HANDLE_INCHES
    plot_width = min(1.05 * max(cols, 2), MAX_PLOT_INCHES)
    ticks = draft_ticks(cols)
    rotated, fontsize = len(ticks) > UPRIGHT_TICKS, 8 if rows * cols <= MARKS_MAX_CELLS else 7
    labels = fit_tick_labels([chart_text(draft_labels.get(d, d)) for d in matrix.columns[ticks]],
                             tick_spacing(ticks, cols, plot_width), fontsize, rotated)
    top = 0.6 + label_inches(labels, fontsize, rotated)  # the title above the labels
    figure = new_figure(left + right + plot_width, top + 0.15 + min(0.3 * max(rows, 3), MAX_PLOT_INCHES))
    if not rows or not cols:
        return _nothing(figure, "No vote is known.")
    ax = figure.add_axes(axes_rect(figure, left=left, right=right, top=top, bottom=0.15))
    plot_vote_matrix(matrix, vetoed_by, ax, basis=basis, member_labels=member_labels, draft_labels=draft_labels,
                     permanent=permanent)
    return figure


def agreement_figure(agreement: pd.DataFrame, shared: pd.DataFrame, clustering: Clustering,
                     member_labels: Mapping[str, str]) -> Figure:
    """The report's agreement chart with its dendrogram, sized for the members."""
    n = len(agreement)
    label_size = 8.5 if n <= VALUES_MAX_MEMBERS else 6
    figure = new_figure(2.0 + min(0.5 * max(n, 2), MAX_PLOT_INCHES) + text_inches(member_labels.values(), label_size),
                        1.9 + min(0.4 * max(n, 2), MAX_PLOT_INCHES))
    if n < 2:
        return _nothing(figure, "Agreement needs two members with known votes.")
    plot_agreement(agreement, shared, clustering, figure, member_labels=member_labels)
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
