"""`votes report`: the Markdown report, its PNG charts and its CSV matrices.

`build_report` computes everything in memory and returns a `Report` (text,
CSV texts, figures) for notebooks and tests; `write_report` builds it and
writes the files. What the report says is `votes.sections`, how Markdown is
written `votes.markdown`, and how each figure is drawn and sized
`votes.charts`; this module runs the analyses and puts the pieces together.

The output is reproducible: the same inputs give byte-identical Markdown
and CSV (no clock, no absolute path, fixed number formats, data order
only), and PNGs without software or date metadata.
"""

from __future__ import annotations

import csv
import gc
import io
import math
import os
from dataclasses import dataclass, field
from pathlib import Path

from .errors import DataRefused
from .output import check_folder, refuse_inputs, write_files
from .problems import UNREADABLE
from .project import Project, paused_gc
from .sections import (
    AGREEMENT_CSV, AGREEMENT_DRAFTS_CSV, AGREEMENT_PNG, DEFAULT_SEEDS_LINK, REPORT_MD, TALLY_PNG, VOTE_MATRIX_PNG,
    VOTES_CSV, ReportParts, report_markdown,
)
from .validate import Validation


@dataclass
class Report:
    """A built report, nothing written: the Markdown, CSV texts and charts by file name.

    charts: file name -> a function that draws that chart's figure from the analyses made;
    figures: the figures drawn (`build_report` draws them, `prepare_report` leaves that to
    whoever saves them, as `write_report` does in parallel).
    """

    markdown: str
    csvs: dict[str, str]
    figures: dict = field(default_factory=dict)  # file name -> matplotlib Figure
    charts: dict = field(default_factory=dict)  # file name -> () -> matplotlib Figure

    def file_names(self) -> list[str]:
        """The files `write_report` writes, in the order it returns them."""
        return [REPORT_MD, *(self.charts or self.figures), *self.csvs]


def check_reportable(validation: Validation, force: bool = False) -> None:
    """Refuse data the report cannot stand on: raise DataRefused with the errors that stop it.

    A file that cannot be read leaves nothing to report on, even with `force`; other errors stop
    the report unless `force`, and the report then carries a warning at its top.
    """
    unreadable = [p for p in validation.errors if p.code in UNREADABLE]
    if unreadable:
        raise DataRefused("not writing the report: a data file cannot be read; fix the errors above", unreadable)
    if validation.errors and not force:
        raise DataRefused("not writing the report: fix the errors above, or pass --force", validation.errors)


#: From this many drafts `write_report` finds the pivots and draws the two charts in one child, one after
#: the other, instead of a child each: each fork of a large process makes it copy every page it writes
#: afterwards. Measured on generated histories (first-run reports, alternated): at 30,000 drafts (a
#: process of 2 GB) one child saved 230,000 page faults and about 1 s of 40 s (39.0 s against 40.0 s,
#: three pairs); at 20,000 and 10,000 the two were even (26.5-27.2 s against 26.2-26.6 s; 14.3-15.0 s
#: against 14.4-14.6 s); at 3,000 a child each was quicker (5.0 s against 5.3 s), as on the shipped data.
TOGETHER_FROM = 25_000


def write_report(project: Project, validation: Validation, out_dir: str | os.PathLike,
                 force: bool = False, include_sourced: bool = False) -> list[Path]:
    """Build the report and write report.md, its charts and CSVs into `out_dir`.

    The files are written as one set (`votes.output.write_files`): all new or,
    on any failure, all as they were. Returns the paths in `Report.file_names`
    order: report.md, the PNGs, the CSVs. Raises DataRefused for data with
    errors (see `check_reportable`), and VotesError when a file would land in
    the seeds folder, in the folder of a data file or on an input, or cannot be
    written.
    """
    from .power import draft_pivots
    from .sidebyside import SideBySide, png_job

    out_dir = Path(out_dir)
    check_reportable(validation, force)
    inputs = [Path(project.records.path), Path(project.council.path)]
    check_folder(out_dir)  # before the work: a file or a device named as the folder
    refuse_inputs([out_dir / REPORT_MD], inputs, project.seeds_dir, reports=True)
    # What is loaded lives until the report is written: frozen, the cyclic collector never scans it
    # again. And none runs while pandas and matplotlib are imported and the charts drawn: they make
    # hundreds of thousands of objects the collector would scan again and again (70-100 ms of a
    # one-second run, seconds at scale) and free nothing.
    gc.freeze()
    try:
        with paused_gc():
            # Side by side (votes.sidebyside): the pivots from the start, and each chart but the tally
            # once the charts' analyses are made, while this process makes the other analyses and the
            # text, and draws the tally; over a long history, the pivots and the charts one after the
            # other in a single child (TOGETHER_FROM). Every file is made before any is written, then
            # the set is written as one (votes.output).
            work = SideBySide()
            try:
                together = len(project.records.drafts) >= TOGETHER_FROM
                if not together:
                    work.start("pivots", lambda: draft_pivots(project))
                charted = chart_analyses(project, validation, include_sourced=include_sourced)
                work.start(TALLY_PNG, png_job(charted[1][TALLY_PNG]), here=True)
                apart = {name: png_job(charted[1][name]) for name in (VOTE_MATRIX_PNG, AGREEMENT_PNG)}
                if together:
                    work.start_together({"pivots": lambda: draft_pivots(project), **apart})
                else:
                    for name, job in apart.items():
                        work.start(name, job)
                parts, charts = analyse(project, validation, seeds_link=seeds_link(project.seeds_dir, out_dir),
                                        include_sourced=include_sourced, pivots=lambda: work.result("pivots"),
                                        charted=charted)
                markdown, csvs = report_texts(parts, force)
                pngs = {name: work.result(name) for name in charts}
            except BaseException:
                work.abandon()
                raise
    finally:
        gc.unfreeze()
    files = {out_dir / name: data for name, data in pngs.items()}
    files.update({out_dir / name: text for name, text in csvs.items()})
    files[out_dir / REPORT_MD] = markdown
    report = Report(markdown, csvs, charts=charts)
    refuse_inputs(list(files), inputs, project.seeds_dir, reports=True)  # each file, links followed
    write_files(files)
    return [out_dir / name for name in report.file_names()]


def seeds_link(seeds_dir: Path, out_dir: Path) -> str:
    """The seeds folder as a relative link from the report's folder, with forward slashes."""
    try:
        return Path(os.path.relpath(seeds_dir.resolve(), out_dir.resolve())).as_posix()
    except ValueError:  # another drive on Windows: no relative path exists
        return DEFAULT_SEEDS_LINK


def matrix_csv(matrix, cell=None) -> str:
    """A labelled matrix as CSV text: its index name and column labels, then one row per index label.

    cell: turns each value into its text (missing values into "", floats into fixed decimals);
    None for a matrix of texts, whose missing values are written empty (the vote matrix has a
    cell per member and draft: six million at 30,000 drafts).
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    labels = matrix.index.tolist()
    header = [matrix.index.name or "", *matrix.columns.tolist()]
    if cell is None:
        rows = matrix.to_numpy(dtype=object).tolist()
        if _plain_texts(header, labels, rows):
            # nothing to quote: each line is its fields joined by commas, as csv writes them
            lines = [",".join(header)]
            lines += [",".join([label, *[v if v.__class__ is str else "" for v in row]])
                      for label, row in zip(labels, rows)]
            return "\n".join(lines) + "\n"
        import numpy as np
        import pandas as pd

        values = matrix.to_numpy(dtype=object)
        rows = np.where(pd.isna(values), "", values).tolist()
        writer.writerow(header)
        writer.writerows([label, *row] for label, row in zip(labels, rows))
    else:
        writer.writerow(header)
        for label, values in zip(labels, matrix.to_numpy().tolist()):
            writer.writerow([label, *map(cell, values)])
    return buffer.getvalue()


#: What the csv module quotes (its default dialect, minimal quoting).
_QUOTED = (",", '"', "\r", "\n")


def _plain_texts(header: list, labels: list, rows: list[list]) -> bool:
    """Whether every label and cell is a text csv writes as it is (no comma, quote or line break) or
    a missing value, and no line is one empty field (which csv writes as ""). The cells are told
    apart by their few distinct values: a vote matrix holds a handful."""
    import pandas as pd

    try:
        texts = [v for v in set().union(*rows) if not pd.isna(v)]
    except TypeError:  # a cell no set can hold
        return False
    if len(header) < 2 or not all(v.__class__ is str for v in (*texts, *header, *labels)):
        return False
    joined = "".join([*texts, *header, *labels])
    return not any(mark in joined for mark in _QUOTED)


def build_report(project: Project, validation: Validation, force: bool = False, *,
                 seeds_link: str = DEFAULT_SEEDS_LINK, include_sourced: bool = False) -> Report:
    """Compute every table and chart and render the Markdown; write nothing.

    force: the caller chose to report data with errors (the warning at the
    top, shown whenever validation found errors, then says so).
    seeds_link: the seeds folder relative to where report.md will stand.
    include_sourced: agreement, blocs and cohesion count imported official
    votes (`votes.interop.with_sourced`) too; they are shown either way.
    """
    report = prepare_report(project, validation, force, seeds_link=seeds_link, include_sourced=include_sourced)
    report.figures = {name: draw() for name, draw in report.charts.items()}
    return report


def prepare_report(project: Project, validation: Validation, force: bool = False, *,
                   seeds_link: str = DEFAULT_SEEDS_LINK, include_sourced: bool = False) -> Report:
    """`build_report` without drawing the charts: every analysis made, the Markdown and CSVs written,
    and for each chart the function that draws it (`Report.charts`)."""
    parts, charts = analyse(project, validation, seeds_link=seeds_link, include_sourced=include_sourced)
    markdown, csvs = report_texts(parts, force)
    return Report(markdown, csvs, charts=charts)


def report_texts(parts: ReportParts, force: bool) -> tuple[str, dict[str, str]]:
    """The Markdown and the CSV matrices of analyses made (`analyse`)."""
    csvs = {
        VOTES_CSV: matrix_csv(parts.matrix),
        AGREEMENT_CSV: matrix_csv(parts.agreement, lambda value: "" if math.isnan(value) else f"{value:.2f}"),
        AGREEMENT_DRAFTS_CSV: matrix_csv(parts.shared, str),
    }
    return report_markdown(parts, force), csvs


def analyse(project: Project, validation: Validation, *, seeds_link: str = DEFAULT_SEEDS_LINK,
            include_sourced: bool = False, pivots=None, charted=None) -> tuple[ReportParts, dict]:
    """Every analysis of the report (`ReportParts`), and for each chart, by file name, the function
    that draws its figure from them (`chart_analyses`).

    pivots: a function giving `votes.power.draft_pivots(project)`, asked for last (`write_report`
    finds them side by side); by default they are found here. charted: what `chart_analyses` gave
    for these inputs, where it was asked for already (`write_report` starts drawing with it).
    """
    from . import analysis
    from .power import draft_pivots

    made, figures = charted or chart_analyses(project, validation, include_sourced=include_sourced)
    agreement, shared, counted = made["agreement"], made["shared"], made["counted"]
    parts = ReportParts(
        project=project, validation=validation, frame=made["frame"], seeds_link=seeds_link.rstrip("/"),
        outcomes=made["outcomes"], matrix=made["matrix"], agreement=agreement, shared=shared,
        blocs=analysis.identical_blocs(agreement, shared),
        clustering=made["clustering"],
        cohesion=analysis.cohesion_table(counted, project.council.groups),
        stances=analysis.stance_table(project),
        pivots=pivots() if pivots is not None else draft_pivots(project),
        sourced=made["sourced"], include_sourced=include_sourced,
    )
    return parts, figures


def chart_analyses(project: Project, validation: Validation, *, include_sourced: bool = False) -> tuple[dict, dict]:
    """The analyses the charts are drawn from (the votes' frame, outcomes, vote matrix, agreement and
    clustering, by name), and for each chart, by file name, the function that draws its figure from
    them."""
    from . import analysis, charts
    from .tables import short_name, votes_frame

    frame = votes_frame(project, validation)
    sourced = frozenset(frame.loc[frame["basis"] == "sourced", "draft_id"].tolist())
    counted = frame if include_sourced or not sourced else frame[~frame["draft_id"].isin(sourced)]
    outcomes = analysis.outcome_table(project, validation)
    matrix = analysis.vote_matrix(frame)
    agreement, shared = analysis.agreement_matrix(counted)
    clustering = analysis.cluster_members(agreement, shared)
    members = project.council.members
    name = {code: members[code].name if code in members else code for code in matrix.index}
    drafts = {d.id: d for d in project.records.drafts}
    labels = {d: charts.draft_label(drafts[d].symbol or d, short_name(drafts[d]), drafts[d].date.isoformat())
              for d in outcomes.index.tolist()}
    vetoed_by = dict(zip(outcomes.index.tolist(), outcomes["vetoed_by"].tolist()))
    permanent = [code for code, member in members.items() if member.permanent]
    figures = {
        TALLY_PNG: lambda: charts.tally_figure(outcomes, labels),
        VOTE_MATRIX_PNG: lambda: charts.vote_matrix_figure(matrix, vetoed_by, name, labels, permanent,
                                                           analysis.basis_matrix(frame)),
        AGREEMENT_PNG: lambda: charts.agreement_figure(agreement, shared, clustering,
                                                       {code: name.get(code, code) for code in agreement.index}),
    }
    made = {"frame": frame, "sourced": sourced, "counted": counted, "outcomes": outcomes, "matrix": matrix,
            "agreement": agreement, "shared": shared, "clustering": clustering}
    return made, figures
