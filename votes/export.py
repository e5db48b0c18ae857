"""`votes export`: the tidy table of votes, or the official layouts, as text or written to files.

`export_votes` is what the command runs, for a notebook too: it refuses records that cannot be
read whole, and output that would land on an input or among the seeds (votes.output).
"""

from __future__ import annotations

from pathlib import Path

from .errors import VotesError
from .output import check_folder, refuse_inputs, write_atomic, write_files
from .project import Project
from .validate import Validation, refuse_misshapen

FORMATS = ("csv", "json", "undl", "unvotes")


def export_votes(project: Project, validation: Validation, fmt: str = "csv", output: Path | None = None) -> str | None:
    """The table of votes in `fmt` (votes.tables, votes.interop): its text when `output` is None, else
    written there atomically (for unvotes, two files into the folder `output`) and None.

    Raises DataRefused for records that cannot be read whole, and VotesError for unvotes without a
    folder or an output that would overwrite an input.
    """
    from . import interop, render
    from .tables import vote_rows

    if fmt not in FORMATS:
        raise VotesError(f"no export format '{fmt}'; formats: {', '.join(FORMATS)}")
    refuse_misshapen(validation, "not exporting")
    if fmt == "unvotes":
        if output is None:
            raise VotesError("votes: --format unvotes writes two files (un_roll_calls.csv, un_votes.csv): "
                             "give a folder with -o")
        check_folder(output)
        files = {output / name: text for name, text in interop.unvotes_files(project, validation).items()}
        refuse_inputs(list(files), project.inputs(), project.seeds_dir)
        write_files(files)
        return None
    if fmt == "undl":
        text = interop.undl_csv(project, validation, project.sourced)
    else:
        rows = vote_rows(project, validation)
        text = render.rows_csv(rows) if fmt == "csv" else render.rows_json(rows)
    if output is None:
        return text
    refuse_inputs([output], project.inputs(), project.seeds_dir)
    write_atomic(output, text)
    return None
