"""`votes report`: the Markdown report, its PNG charts and its CSV matrices.

`build_report` computes everything in memory and returns a `Report` (text,
CSV texts, figures) for notebooks and tests; `write_report` builds it and
writes the files. This is the only module that renders Markdown.

The output is reproducible: the same inputs give byte-identical Markdown
and CSV (no clock, no absolute path, fixed number formats, data order
only), and PNGs without software or date metadata.
"""

from __future__ import annotations

import csv
import io
import math
import os
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote as url_quote

from .model import Draft
from .output import check_folder, refuse_inputs, write_files
from .project import Project
from .validate import Validation

REPORT_MD = "report.md"
TALLY_PNG = "tally.png"
VOTE_MATRIX_PNG = "vote-matrix.png"
AGREEMENT_PNG = "agreement.png"
VOTES_CSV = "votes.csv"
AGREEMENT_CSV = "agreement.csv"
AGREEMENT_DRAFTS_CSV = "agreement_drafts.csv"
#: Resolution of the PNG charts: sharp on screen, cheap to render.
DPI = 100
#: The plotting area of a chart grows with the data up to this many inches a side.
MAX_PLOT_INCHES = 12.0
#: Errors listed in the warning at the top of a report built from invalid data.
FIRST_PROBLEMS = 10
#: Wider matrices are left to the CSV files and charts: a Markdown table that wide cannot be read.
TABLE_MAX_COLUMNS = 30
UNDEFINED = "–"
DEFAULT_SEEDS_LINK = "../seeds"


@dataclass
class Report:
    """A built report, nothing written: the Markdown, CSV texts and figures by file name."""

    markdown: str
    csvs: dict[str, str]
    figures: dict = field(default_factory=dict)  # file name -> matplotlib Figure

    def file_names(self) -> list[str]:
        """The files `write_report` writes, in the order it returns them."""
        return [REPORT_MD, *self.figures, *self.csvs]


def write_report(project: Project, validation: Validation, out_dir: Path, force: bool = False) -> list[Path]:
    """Build the report and write report.md, its charts and CSVs into `out_dir`.

    The files are written as one set (`votes.output.write_files`): all new or,
    on any failure, all as they were. Returns the paths in `Report.file_names`
    order: report.md, the PNGs, the CSVs. Raises VotesError when a file would
    land in the seeds folder, in the folder of a data file or on an input, or
    cannot be written.
    """
    inputs = [Path(project.records.path), Path(project.council.path)]
    check_folder(out_dir)  # before the work: a file or a device named as the folder
    refuse_inputs([out_dir / REPORT_MD], inputs, project.seeds_dir, reports=True)
    report = build_report(project, validation, force, seeds_link=seeds_link(project.seeds_dir, out_dir))
    # every file is drawn before any is written, then the set is written as one (votes.output)
    files = {out_dir / name: png_bytes(figure) for name, figure in report.figures.items()}
    files.update({out_dir / name: text for name, text in report.csvs.items()})
    files[out_dir / REPORT_MD] = report.markdown
    refuse_inputs(list(files), inputs, project.seeds_dir, reports=True)  # each file, links followed
    write_files(files)
    return [out_dir / name for name in report.file_names()]


def seeds_link(seeds_dir: Path, out_dir: Path) -> str:
    """The seeds folder as a relative link from the report's folder, with forward slashes."""
    try:
        return Path(os.path.relpath(seeds_dir.resolve(), out_dir.resolve())).as_posix()
    except ValueError:  # another drive on Windows: no relative path exists
        return DEFAULT_SEEDS_LINK


def matrix_csv(matrix, cell) -> str:
    """A labelled matrix as CSV text: its index name and column labels, then one row per index label.

    cell: turns each value into its text (missing values into "", floats into fixed decimals).
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([matrix.index.name or "", *matrix.columns])
    for label, values in zip(matrix.index, matrix.to_numpy().tolist()):
        writer.writerow([label, *map(cell, values)])
    return buffer.getvalue()


def png_bytes(figure) -> bytes:
    """The figure as PNG bytes without software or date metadata, so equal runs give equal bytes."""
    buffer = io.BytesIO()
    import matplotlib

    # Unhinted glyphs draw a fifth faster and look the same at this size; compression level 3
    # instead of Pillow's 6 is a third faster for files about 15% larger.
    with matplotlib.rc_context({"text.hinting": "no_hinting"}):
        figure.savefig(buffer, format="png", dpi=figure.dpi, metadata={"Software": None},
                       pil_kwargs={"compress_level": 3})
    return buffer.getvalue()


def build_report(project: Project, validation: Validation, force: bool = False, *,
                 seeds_link: str = DEFAULT_SEEDS_LINK) -> Report:
    """Compute every table and chart and render the Markdown; write nothing.

    force: the caller chose to report data with errors (the warning at the
    top, shown whenever validation found errors, then says so).
    seeds_link: the seeds folder relative to where report.md will stand.
    """
    from . import analysis
    from .tables import votes_frame

    frame = votes_frame(project, validation)
    agreement, shared = analysis.agreement_matrix(frame)
    parts = _Parts(
        project=project, validation=validation, frame=frame, seeds_link=seeds_link.rstrip("/"),
        outcomes=analysis.outcome_table(project, validation),
        matrix=analysis.vote_matrix(frame),
        agreement=agreement, shared=shared,
        blocs=analysis.identical_blocs(agreement, shared),
        clustering=analysis.cluster_members(agreement),
        cohesion=analysis.cohesion_table(frame, project.council.groups),
        stances=analysis.stance_table(project),
    )
    figures = {TALLY_PNG: _tally_figure(parts), VOTE_MATRIX_PNG: _vote_matrix_figure(parts),
               AGREEMENT_PNG: _agreement_figure(parts)}
    csvs = {
        VOTES_CSV: matrix_csv(parts.matrix, lambda vote: vote if isinstance(vote, str) else ""),
        AGREEMENT_CSV: matrix_csv(agreement, lambda value: "" if math.isnan(value) else f"{value:.2f}"),
        AGREEMENT_DRAFTS_CSV: matrix_csv(shared, str),
    }
    return Report(_markdown(parts, force), csvs, figures)


@dataclass
class _Parts:
    """The analyses one report is rendered from, and plain-Python views of them for rendering."""

    project: Project
    validation: Validation
    frame: object  # tables.votes_frame
    seeds_link: str
    outcomes: object  # analysis.outcome_table
    matrix: object  # analysis.vote_matrix
    agreement: object
    shared: object
    blocs: list
    clustering: object
    cohesion: object
    stances: object

    def __post_init__(self):
        frame = self.frame
        self.drafts: dict[str, Draft] = {d.id: d for d in self.project.records.drafts}
        self.outcome_rows: list[dict] = _records(self.outcomes.reset_index())
        #: quoted / derived / unbacked: how many known votes have each basis
        self.basis = Counter({"quoted": 0, "derived": 0, "unbacked": 0})
        self.basis.update(str(b) for b, v in zip(frame["basis"], frame["vote"]) if isinstance(v, str))
        #: draft id -> [(member, vote or None)] for the members seated, in seat order
        self.seated: dict[str, list[tuple[str, str | None]]] = {}
        for draft_id, member, vote in zip(frame["draft_id"], frame["member"], frame["vote"].astype(object)):
            self.seated.setdefault(draft_id, []).append((member, vote if isinstance(vote, str) else None))
        self._named: dict[str, str] = {}

    def name(self, code: str) -> str:
        member = self.project.council.members.get(code)
        return member.name if member else code

    def named(self, code: str) -> str:
        """The member's name and code, escaped for Markdown."""
        if code not in self._named:
            self._named[code] = md(f"{self.name(code)} ({code})")
        return self._named[code]

    def label(self, draft_id: str) -> str:
        """A draft as chart axes name it: symbol (or id) over date."""
        draft = self.drafts[draft_id]
        return f"{draft.symbol or draft_id}\n{draft.date.isoformat()}"

    def header(self, draft_id: str) -> str:
        """A draft as table headers name it: symbol (or id), a line break, date."""
        draft = self.drafts[draft_id]
        return f"{md(draft.symbol or draft_id)}<br>{draft.date.isoformat()}"

    def permanent(self) -> list[str]:
        return [code for code, member in self.project.council.members.items() if member.permanent]

    def known_matrix(self):
        """The vote matrix without the members of whom no vote is known."""
        from .analysis import POSITIONS

        return self.matrix[self.matrix.isin(POSITIONS + ("absent",)).any(axis=1)]


def _records(frame) -> list[dict]:
    """The rows of a frame as dicts of plain values (pandas' own to_dict is slow on small frames)."""
    columns = [frame[name].tolist() for name in frame.columns]
    return [dict(zip(frame.columns, values)) for values in zip(*columns)]


# --- figures -------------------------------------------------------------------------------------

def _figure(width: float, height: float):
    """A figure on the Agg canvas, outside pyplot; laid out by hand, since a layout engine draws twice."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figure = Figure(figsize=(width, height), dpi=DPI)
    FigureCanvasAgg(figure)
    return figure


def _nothing(figure, message: str):
    figure.text(0.5, 0.5, message, ha="center", va="center", fontsize=12)
    return figure


def _tally_figure(parts: _Parts):
    from .charts import UPRIGHT_TICKS, axes_rect, draft_ticks, plot_tally

    count = len(parts.outcomes)
    figure = _figure(2.6 + min(1.55 * max(count, 2), MAX_PLOT_INCHES), 5.0)
    if not count:
        return _nothing(figure, "No draft has come to a vote.")
    rotated = len(draft_ticks(count)) > UPRIGHT_TICKS
    ax = figure.add_axes(axes_rect(figure, left=0.65, right=1.85, top=0.45, bottom=1.2 if rotated else 0.55))
    plot_tally(parts.outcomes, ax, draft_labels={d: parts.label(d) for d in parts.outcomes.index})
    return figure


def _vote_matrix_figure(parts: _Parts):
    from .charts import LEGEND_WORDS, UPRIGHT_TICKS, axes_rect, draft_ticks, plot_vote_matrix, text_inches

    matrix = parts.known_matrix()
    rows, cols = matrix.shape
    names = {m: parts.name(m) for m in matrix.index}
    left = text_inches(names.values(), 9 if rows <= 40 else 6) + 0.25
    right = text_inches(LEGEND_WORDS.values(), 8) + 0.7
    top = 1.6 if len(draft_ticks(cols)) > UPRIGHT_TICKS else 0.95  # upright labels need the room
    figure = _figure(left + right + min(1.05 * max(cols, 2), MAX_PLOT_INCHES),
                     top + 0.15 + min(0.36 * max(rows, 3), MAX_PLOT_INCHES))
    if not rows or not cols:
        return _nothing(figure, "No vote is known.")
    ax = figure.add_axes(axes_rect(figure, left=left, right=right, top=top, bottom=0.15))
    vetoed_by = dict(zip(parts.outcomes.index, parts.outcomes["vetoed_by"]))
    plot_vote_matrix(matrix, vetoed_by, ax, member_labels=names,
                     draft_labels={d: parts.label(d) for d in matrix.columns}, permanent=parts.permanent())
    return figure


def _agreement_figure(parts: _Parts):
    from .charts import VALUES_MAX_MEMBERS, plot_agreement, text_inches

    codes = list(parts.agreement.index)
    n = len(codes)
    names = {m: parts.name(m) for m in codes}
    label_size = 8.5 if n <= VALUES_MAX_MEMBERS else 6
    figure = _figure(2.0 + min(0.5 * max(n, 2), MAX_PLOT_INCHES) + text_inches(names.values(), label_size),
                     1.9 + min(0.4 * max(n, 2), MAX_PLOT_INCHES))
    if n < 2:
        return _nothing(figure, "Agreement needs two members with known votes.")
    plot_agreement(parts.agreement, parts.clustering, figure, member_labels=names)
    return figure


# --- markdown ------------------------------------------------------------------------------------

_SPECIAL = re.compile(r"([\\`*\[\]<>|])|(?<!\w)_|_(?!\w)")


def md(text: str) -> str:
    """Text safe inside Markdown prose and table cells: markup characters escaped, lines joined."""
    text = " ".join(str(text).split())
    return _SPECIAL.sub(lambda m: "\\" + m.group(0), text)


def code(text: str) -> str:
    """An inline code span that holds any text, backticks included."""
    text = " ".join(str(text).split())
    fence = "`" * (max((len(run) for run in re.findall(r"`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def table(header: list[str], rows: list[list[str]], align: str | None = None) -> list[str]:
    """A GitHub table; align is one letter per column, l or r."""
    align = align or "l" * len(header)
    rule = ["---:" if a == "r" else "---" for a in align]
    return ["| " + " | ".join(row) + " |" for row in [header, rule, *rows]]


def number(value: float | None) -> str:
    """Two decimals, or the undefined mark for None and NaN."""
    return UNDEFINED if value is None or math.isnan(value) else f"{value:.2f}"


def _text(value) -> str | None:
    """A text cell of a frame, None where pandas holds a missing value."""
    return value if isinstance(value, str) else None


def _plural(count: int, word: str) -> str:
    return f"{count} {word if count == 1 else word + 's'}"


def _listing(items: list[str]) -> str:
    return ", ".join(items) if items else UNDEFINED


def _joined(items: list[str]) -> str:
    """Items as prose: "a", "a and b", "a, b and c"."""
    if len(items) < 2:
        return "".join(items)
    return f"{', '.join(items[:-1])} and {items[-1]}"


def _anchor(draft_id: str, index: int) -> str:
    return f"ev-{draft_id}-{index}"


def _seed_href(parts: _Parts, seed: str, line: int | None = None) -> str:
    href = f"{parts.seeds_link}/{url_quote(seed.replace(chr(92), '/'))}"
    return f"{href}#L{line}" if line else href


def _symbol(row: dict) -> str:
    return md(_text(row["symbol"]) or row["draft_id"])


def _markdown(parts: _Parts, force: bool) -> str:
    lines: list[str] = []
    for section in (_warning, _head, _outcomes, _who_voted, _agreement, _blocs, _cohesion, _never_voted,
                    _sources, _evidence):
        block = section(parts, force)
        if block:
            lines += block + [""]
    return "\n".join(lines).rstrip("\n") + "\n"


def _warning(parts: _Parts, force: bool) -> list[str]:
    errors = parts.validation.errors
    if not errors:
        return []
    how = " (`votes report --force`)" if force else ""
    lines = [
        "> [!WARNING]",
        f"> **This report was built from data that fails validation{how}: "
        f"{_plural(len(errors), 'error')}, {_plural(len(parts.validation.warnings), 'warning')}.** "
        "Tables and charts below may be wrong. Fix the errors and run `votes report` again.",
        ">",
        "> The errors:" if len(errors) <= FIRST_PROBLEMS else f"> The first {FIRST_PROBLEMS} of {len(errors)} "
        "errors:",
        ">",
    ]
    lines += [f"> - {code(problem.to_line())}" for problem in errors[:FIRST_PROBLEMS]]
    if len(errors) > FIRST_PROBLEMS:
        lines.append(f"> - and {len(errors) - FIRST_PROBLEMS} more; `votes validate` lists them all.")
    return lines


def _head(parts: _Parts, force: bool) -> list[str]:
    project, validation = parts.project, parts.validation
    statuses = Counter(row["status"] for row in parts.outcome_rows)
    never = sum(1 for d in project.records.drafts if d.status == "not-voted")
    basis = parts.basis
    lines = [
        "# Security Council votes",
        "",
        f"Built by `votes report` from {code(_shown(project.records.path))}, {code(_shown(project.council.path))} "
        f"and {_plural(len(project.seeds), 'seed')} in {code(_shown(project.seeds_display))}. "
        "Every vote links to the quote that proves it in the [evidence](#evidence) section.",
        "",
        f"- **Drafts:** {_plural(len(parts.outcome_rows), 'draft')} put to the vote ({statuses['adopted']} adopted, "
        f"{statuses['vetoed']} vetoed, {statuses['failed']} failed); {never} never put to the vote.",
        f"- **Votes recorded:** {sum(basis.values())}: {basis['quoted']} quoted (the member is named in a backing "
        f"quote), {basis['derived']} derived (backed through `votes.others`), {basis['unbacked']} unbacked.",
        f"- **Validation:** {_plural(len(validation.errors), 'error')}, "
        f"{_plural(len(validation.warnings), 'warning')} ([details](#validation)).",
    ]
    vetoed = [row for row in reversed(parts.outcome_rows) if row["status"] == "vetoed"]
    if vetoed:
        items = [f"{_symbol(row)} ({row['date'].isoformat()}) by "
                 f"{_joined([parts.name(c) for c in row['vetoed_by']]) or 'a member not recorded'}"
                 for row in vetoed[:TABLE_MAX_COLUMNS]]
        more = f"; and {len(vetoed) - TABLE_MAX_COLUMNS} earlier" if len(vetoed) > TABLE_MAX_COLUMNS else ""
        lines.append(f"- **Vetoed, newest first:** {'; '.join(items)}{more}.")
    if parts.blocs:
        blocs = "; ".join(_listing([md(parts.name(m)) for m in bloc]) for bloc in parts.blocs)
        lines.append(f"- **Voted alike on every draft they share** ([blocs](#blocs)): {blocs}.")
    return lines


def _shown(path: str) -> str:
    """A path as the report shows it: never absolute, so reports do not depend on the machine."""
    return Path(path).name if Path(path).is_absolute() else Path(path).as_posix()


def _tally_text(row: dict) -> str:
    tally = f"{row['yes']}–{row['no']}–{row['abstain']}"
    if row["tally_from"] == "partial":
        return f"{tally} (partial: {row['unknown']} not known)"
    if row["tally_from"] == "counted":
        return f"{tally} (counted)"
    return tally


def _outcomes(parts: _Parts, force: bool) -> list[str]:
    lines = ["## Outcomes", ""]
    if not parts.outcome_rows:
        return lines + ["No draft has come to a vote."]
    rows = [[
        row["date"].isoformat(), md(_text(row["symbol"]) or UNDEFINED),
        f"[{row['draft_id']}](#draft-{row['draft_id']})", row["status"], _tally_text(row),
        _text(row["outcome"]) or "not settled",
        _listing([f"**{parts.named(c)}**" for c in row["vetoed_by"]]),
        _listing([parts.named(c) for c in row["not_vetoes"]]),
    ] for row in parts.outcome_rows]
    lines += table(["Date", "Symbol", "Draft", "Status", "Yes–no–abstain", "Charter gives", "Vetoed by",
                    "Permanent no, not a veto"], rows)
    lines += [
        "",
        "*Yes–no–abstain* is the tally as recorded; *partial* means counted from the known votes only, "
        "so the true numbers may be higher. *Charter gives* is the outcome the recorded votes settle "
        "(nine yes and no permanent no adopts; a permanent no on a draft with nine yes is a veto; "
        "fewer than nine yes fails, and a permanent no is then no veto); *not settled* when unknown "
        "votes could change it.",
        "",
        f"![Tally of each draft against the nine votes needed to adopt]({TALLY_PNG})",
    ]
    return lines


def _who_voted(parts: _Parts, force: bool) -> list[str]:
    from .analysis import NOT_SEATED

    lines = ["## Who voted how", ""]
    if not parts.outcome_rows:
        return lines + ["No draft has come to a vote."]
    lines += [f"![Vote of each member on each draft, vetoes hatched]({VOTE_MATRIX_PNG})", ""]
    matrix = parts.known_matrix()
    if matrix.shape[1] <= TABLE_MAX_COLUMNS:
        vetoed_by = dict(zip(parts.outcomes.index, parts.outcomes["vetoed_by"]))
        words = {"yes": "yes", "no": "no", "abstain": "abstain", "absent": "absent", NOT_SEATED: ""}
        drafts = list(matrix.columns)
        rows = []
        for member, votes in zip(matrix.index, matrix.to_numpy(dtype=object).tolist()):
            row = [parts.named(member)]
            for draft_id, vote in zip(drafts, votes):
                if not isinstance(vote, str):
                    row.append("?")
                elif vote == "no" and member in vetoed_by[draft_id]:
                    row.append("**VETO**")
                else:
                    row.append(words[vote])
            rows.append(row)
        lines += [
            *table(["Member", *[parts.header(d) for d in drafts]], rows),
            "",
            "**VETO**: a permanent member's no on a draft with nine or more yes. ?: the member sat but its vote "
            "is not known. Blank: not on the Council that year.",
            "",
        ]
    else:
        lines += [f"{matrix.shape[1]} drafts are too many for a table here: see the chart, the lists below "
                  f"and {VOTES_CSV}.", ""]
    hidden = [m for m in parts.matrix.index if m not in set(matrix.index)]
    if hidden:
        lines += [f"Also seated, with no vote known: {', '.join(hidden)}.", ""]
    lines += [f"As CSV, every seated member: [{VOTES_CSV}]({VOTES_CSV}) (members by code as rows, drafts by "
              f"id as columns; yes, no, abstain or absent; empty when not known; `{NOT_SEATED}`).", ""]
    return lines + _draft_by_draft(parts)


def _draft_by_draft(parts: _Parts) -> list[str]:
    lines = ["### Draft by draft"]
    for row in parts.outcome_rows:
        draft_id = row["draft_id"]
        seated = parts.seated.get(draft_id, [])
        verdict = (_text(row["status"]) or "no status").capitalize()
        if row["vetoed_by"]:
            verdict += " by " + _joined([parts.name(c) for c in row["vetoed_by"]])
        lines += [
            "",
            f"**{row['date'].isoformat()} · {_symbol(row)}: {md(parts.drafts[draft_id].title)}**",
            "",
            f"{md(verdict)}. Yes–no–abstain: {_tally_text(row)}. [Evidence](#draft-{draft_id}).",
            "",
        ]
        for level in ("yes", "no", "abstain", "absent"):
            members = [m for m, vote in seated if vote == level]
            if members or level != "absent":
                named = [md(parts.name(m)) + (" (**veto**)" if m in row["vetoed_by"] else "") for m in members]
                lines.append(f"- {level.capitalize()} ({len(members)}): {_listing(named)}")
        unknown = [m for m, vote in seated if vote is None]
        if unknown:
            lines.append(f"- Not known ({len(unknown)}): {', '.join(unknown)}")
        if row["not_vetoes"]:
            lines.append(f"- {_joined([parts.name(c) for c in row['not_vetoes']])} voted no as permanent "
                         "members, but the draft failed for want of nine yes votes: not a veto.")
    return lines


def _agreement(parts: _Parts, force: bool) -> list[str]:
    agreement, shared = parts.agreement, parts.shared
    lines = [
        "## Agreement",
        "",
        "Lijphart's index for each pair, over the drafts on which both votes are known: the same vote scores 1, "
        "one abstaining while the other votes yes or no scores ½, yes against no scores 0. In brackets, the "
        "number of drafts it rests on; – where the pair shares none. Absent and unknown votes never count.",
        "",
    ]
    if len(agreement) < 2:
        return lines + ["Agreement needs two members with known votes."]
    lines += [f"![Agreement matrix in dendrogram order, with its dendrogram]({AGREEMENT_PNG})", ""]
    codes = list(agreement.index)
    if len(codes) <= TABLE_MAX_COLUMNS:
        values, counts = agreement.to_numpy().tolist(), shared.to_numpy().tolist()
        rows = [[parts.named(a), *[f"{number(v)} ({c})" for v, c in zip(values[i], counts[i])]]
                for i, a in enumerate(codes)]
        lines += table(["Member", *codes], rows, "l" + "r" * len(codes)) + [""]
    else:
        lines += [f"{len(codes)} members are too many for a table here: see the chart and the CSV files.", ""]
    lines += [f"As CSV: [{AGREEMENT_CSV}]({AGREEMENT_CSV}) (the index, two decimals, empty where undefined) "
              f"and [{AGREEMENT_DRAFTS_CSV}]({AGREEMENT_DRAFTS_CSV}) (the drafts each index rests on)."]
    return lines


def _blocs(parts: _Parts, force: bool) -> list[str]:
    from .analysis import IDENTICAL_MIN_DRAFTS, NO_SHARED_DISTANCE

    clustering = parts.clustering
    lines = [
        "## Blocs",
        "",
        "### Identical voting profiles",
        "",
        "Members who cast the same vote on every draft on which both votes are known, over at least "
        f"{IDENTICAL_MIN_DRAFTS} such drafts; a bloc joins members linked by such pairs.",
        "",
    ]
    for bloc in parts.blocs:
        counts = [int(parts.shared.at[a, b]) for i, a in enumerate(bloc) for b in bloc[i + 1:]
                  if parts.agreement.at[a, b] == 1.0 and parts.shared.at[a, b] >= IDENTICAL_MIN_DRAFTS]
        low, high = min(counts), max(counts)
        span = f"{low}" if low == high else f"{low} to {high}"
        lines.append(f"- {_listing([md(parts.name(m)) for m in bloc])}: {len(bloc)} members; "
                     f"each identical pair rests on {span} drafts")
    if not parts.blocs:
        lines.append(f"No two members voted identically over {IDENTICAL_MIN_DRAFTS} or more shared drafts.")
    lines += [
        "",
        "### Clusters",
        "",
        f"Average-linkage clustering on the distance 1 − agreement, cut at {clustering.cut:.2f}: members in one "
        f"cluster agree, on average, at least {1 - clustering.cut:.0%} of the time. Pairs sharing no draft "
        f"({clustering.filled}) are set to distance {NO_SHARED_DISTANCE:.0f}, as far apart as members can be. "
        "Ties are broken in the order of the agreement table. Members with no known vote are left out.",
        "",
    ]
    groups = [c for c in clustering.clusters if len(c) > 1]
    alone = [c[0] for c in clustering.clusters if len(c) == 1]
    lines += [f"{i}. {_listing([md(parts.name(m)) for m in group])}" for i, group in enumerate(groups, 1)]
    if alone:
        lines += ["", f"On their own: {_listing([md(parts.name(m)) for m in alone])}."]
    return lines


def _cohesion(parts: _Parts, force: bool) -> list[str]:
    cohesion = parts.cohesion
    lines = [
        "## Cohesion of groups",
        "",
        "Each group of `council.yaml`, intersected with the members seated for the draft. Each cell gives the "
        "**Rice index** |Y − N| / (Y + N), 1 when the group votes one way and 0 when it splits evenly; then "
        "the **agreement index** of Hix, Noury and Roland, (max(Y, N, A) − ½ (Y + N + A − max)) / (Y + N + A), "
        "1 when all vote alike and 0 when they split evenly three ways; then, in brackets, how many of the "
        "group's seated members have a known vote. – where an index is undefined (no yes or no; no known "
        "vote); a blank cell: none of the group sat on the Council that year.",
        "",
    ]
    if cohesion.empty:
        return lines + ["No group had a member seated for a voted draft."]
    groups = list(dict.fromkeys(cohesion["group"]))
    cells = {(r["draft_id"], r["group"]): r for r in _records(cohesion)}
    rows = []
    for row in parts.outcome_rows:
        cell_texts = []
        for group in groups:
            cell = cells.get((row["draft_id"], group))
            cell_texts.append(f"{number(cell['rice'])} · {number(cell['agreement'])} "
                              f"({cell['known']}/{cell['seated']})" if cell else "")
        rows.append([f"{row['date'].isoformat()} {_symbol(row)}", *cell_texts])
    return lines + table(["Draft", *[md(g) for g in groups]], rows, "l" + "r" * len(groups))


def _never_voted(parts: _Parts, force: bool) -> list[str]:
    lines = ["## Drafts never put to the vote", ""]
    if parts.stances.empty:
        return lines + ["None recorded."]
    by_draft: dict[str, list[dict]] = {}
    for record in _records(parts.stances):
        by_draft.setdefault(record["draft_id"], []).append(record)
    rows = []
    for draft_id, named in by_draft.items():
        first = named[0]
        drafters = [parts.named(r["member"]) for r in named if r["drafter"]]
        stated = [f"{parts.named(r['member'])}: {r['stance']}" for r in named if _text(r["stance"])]
        rows.append([first["date"].isoformat() if first["date"] else UNDEFINED, f"[{draft_id}](#draft-{draft_id})",
                     md(first["title"]), _listing(drafters), _listing(stated)])
    return lines + table(["Date", "Draft", "Title", "Drafted by", "Stances stated"], rows)


def _sources(parts: _Parts, force: bool) -> list[str]:
    project, validation = parts.project, parts.validation
    entries = project.manifest.entries if project.manifest else {}
    rows = []
    for name, seed in project.seeds.items():
        entry = entries.get(name)
        rows.append([
            f"[{md(name)}]({_seed_href(parts, name)})",
            md(entry.outlet) if entry and entry.outlet else UNDEFINED,
            md(entry.title) if entry and entry.title else UNDEFINED,
            md(entry.covers) if entry and entry.covers else UNDEFINED,
            code(seed.sha256),
        ])
    coverage, basis = validation.coverage, parts.basis
    lines = ["## Sources", "", "The seeds, as received; SHA-256 of the bytes read. Outlet, title and dates "
             "covered are from the seeds' manifest.", ""]
    lines += table(["Seed", "Outlet", "Title", "Covers", "SHA-256"], rows) if rows else ["No seeds."]
    lines += [
        "",
        "## Validation",
        "",
        f"- {_plural(len(validation.errors), 'error')}, {_plural(len(validation.warnings), 'warning')}.",
        f"- Coverage: {_plural(coverage.sentences, 'seed sentence')} report a Council vote, veto or draft: "
        f"{coverage.cited} cited by a record, {coverage.ignored} ignored with a reason, {coverage.reprinted} "
        f"reprints of a cited or ignored sentence, {coverage.uncovered} accounted for by nothing."
        if getattr(coverage, "checked", True) else
        "- Coverage: not checked, because the records file has errors.",
        f"- Basis of the {sum(basis.values())} recorded votes: {basis['quoted']} quoted, {basis['derived']} "
        f"derived, {basis['unbacked']} unbacked.",
    ]
    if validation.problems:
        lines += ["", "```text", *[p.to_line().replace("```", "'''") for p in validation.problems], "```"]
    return lines


def _evidence(parts: _Parts, force: bool) -> list[str]:
    lines = ["## Evidence", "",
             "Each recorded vote with its basis and the evidence backing it; each piece of evidence with the "
             "seed line it stands on. Evidence numbers are the record's `evidence[i]`."]
    voted = [row["draft_id"] for row in parts.outcome_rows]
    rest = sorted((d for d in parts.project.records.drafts if d.id not in set(voted)),
                  key=lambda d: (d.date is None, d.date.isoformat() if d.date else "", d.id))
    for draft_id in voted + [d.id for d in rest]:
        lines += [""] + _draft_evidence(parts, parts.drafts[draft_id])
    return lines


def _draft_evidence(parts: _Parts, draft: Draft) -> list[str]:
    check = parts.validation.drafts.get(draft.id)
    anchors = check.anchors if check else {}
    backing = check.backing if check else {}
    evidence = {ev.index: ev for ev in draft.evidence}
    date = draft.date.isoformat() if draft.date else "no date"
    head = " · ".join(md(x) for x in (draft.symbol, date, draft.status) if x)
    lines = [f'<a id="draft-{draft.id}"></a>', "", f"### {draft.id}", "", f"{head}: {md(draft.title)}", ""]

    def where(ev) -> str:
        anchor = anchors.get(ev.index)
        if anchor is None:
            return f"not found in [{md(ev.seed)}]({_seed_href(parts, ev.seed)})"
        return f"[{md(ev.seed)}:{anchor.line}]({_seed_href(parts, ev.seed, anchor.line)})"

    if draft.votes:
        vetoed_by = check.vetoed_by if check else ()
        rows = []
        for member, vote in draft.votes.items():
            cited = []
            for index in backing.get(f"votes.{member}", []):
                ev = evidence[index]
                link = f"[#{index}](#{_anchor(draft.id, index)})"
                cited.append(f"{link} {where(ev)}" if ev.seed is not None else link)
            rows.append([parts.named(member), "**no (veto)**" if member in vetoed_by else vote,
                         check.vote_basis(member) if check else "unbacked", "<br>".join(cited) or "no evidence"])
        lines += table(["Member", "Vote", "Basis", "Evidence"], rows) + [""]
    for ev in draft.evidence:
        proved = [p for p in ev.supports if ev.index in backing.get(p, ())]
        unproved = [p for p in ev.supports if p not in proved]
        item = f'- <a id="{_anchor(draft.id, ev.index)}"></a>**#{ev.index}** '
        if ev.source is not None:
            item += f"source: {md(ev.source)}"
        else:
            item += f"“{md(ev.quote or '')}” — {where(ev)}"
        if proved:
            item += f" · backs {', '.join(proved)}"
        if unproved:
            item += f" · cited for {', '.join(unproved)}, **not proved**"
        lines.append(item)
    return lines
