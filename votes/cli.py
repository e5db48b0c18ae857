"""The `votes` command: a thin shell over the library.

Each command reads its options, calls one library function and prints. A
`VotesError` (the run cannot go on) becomes exit code 2 here, in one place;
problems in the data are printed and give exit code 1.
"""

from __future__ import annotations

import functools
import gc
import sys
from pathlib import Path

import click

from . import render
from .errors import VotesError
from .problems import MISSHAPEN, UNREADABLE
from .project import DEFAULT_COUNCIL, DEFAULT_DATA, DEFAULT_SEEDS, Project, load_project
from .validate import Validation, validate


class UsageFailure(click.ClickException):
    """A run that cannot go on: shown as `Error: ...` on standard error, exit code 2."""

    exit_code = 2

    def format_message(self) -> str:
        return render.visible(self.message)


class DataProblems(SystemExit):
    """Problems in the user's data were printed: exit code 1."""

    def __init__(self) -> None:
        super().__init__(1)


def input_options(command):
    """--data, --council and --seeds, shared by every command."""
    @click.option("--data", type=click.Path(path_type=Path), default=DEFAULT_DATA, show_default=True,
                  help="The records of drafts and votes.")
    @click.option("--council", type=click.Path(path_type=Path), default=DEFAULT_COUNCIL, show_default=True,
                  help="Members, seats by year and named groups.")
    @click.option("--seeds", type=click.Path(path_type=Path), default=DEFAULT_SEEDS, show_default=True,
                  help="The folder of source articles.")
    @functools.wraps(command)
    def wrapper(*args, data: Path, council: Path, seeds: Path, **kwargs):
        try:
            return command(*args, paths=(data, council, seeds), **kwargs)
        except VotesError as exc:
            raise UsageFailure(str(exc)) from None
        except OSError as exc:  # the library turns file errors into VotesError; this is the net under it
            raise UsageFailure(os_failure(exc)) from None

    return wrapper


def os_failure(exc: OSError) -> str:
    """One line for a failure of the operating system that reached the command: exit code 2."""
    reason = exc.strerror or str(exc)
    return f"{exc.filename}: {reason}" if exc.filename is not None else reason


#: Below this many drafts a run is too quick for a progress bar to help.
PROGRESS_FROM = 500


def show_progress(stream, drafts: int) -> bool:
    """A bar only for long runs on a terminal: pipes, files and CI logs stay clean."""
    return drafts >= PROGRESS_FROM and _is_terminal(stream)


def _is_terminal(stream) -> bool:
    return hasattr(stream, "isatty") and stream.isatty()


def _checked(paths) -> tuple[Project, Validation]:
    # Loading builds hundreds of thousands of small acyclic objects for a long history; the
    # cyclic collector would scan them again and again (a third of the time at 3,000 drafts).
    gc.disable()
    try:
        project = load_project(*paths)
        total = len(project.records.drafts)
        if not show_progress(sys.stderr, total):
            return project, validate(project)
        with click.progressbar(length=total, label="validating", file=sys.stderr) as bar:
            return project, validate(project, progress=bar.update)
    finally:
        gc.enable()


def _stop_on(validation: Validation, kinds: tuple[str, ...]) -> None:
    """Print the errors of these kinds (code prefixes, see votes.problems) and exit 1, if any."""
    blocking = [p for p in validation.errors if p.code.startswith(kinds)]
    if blocking:
        click.echo(render.problems_text(Validation(blocking, validation.drafts, validation.coverage)),
                   err=True, nl=False)
        raise DataProblems()


def _note_problems(validation: Validation) -> None:
    if validation.problems:
        click.echo(f"votes: {len(validation.errors)} errors and {len(validation.warnings)} warnings in the "
                   "data; run `votes validate` for details", err=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(package_name="votes")
def main():
    """UN Security Council votes, proved against the articles that report them.

    Edit data/resolutions.yaml, then run `votes validate`, then `votes report`.
    """


@main.command()
@input_options
@click.option("--format", "fmt", type=click.Choice(["text", "json", "github"]), default="text", show_default=True,
              help="text: one problem per line with a hint; json: the same as data; github: workflow annotations.")
@click.option("--strict", is_flag=True, help="Warnings count as problems too (exit 1).")
def validate_cmd(paths, fmt: str, strict: bool):
    """Prove every record against the seeds, and the seeds against the records.

    Exit codes: 0 clean (warnings allowed), 1 problems in the data, 2 usage or I/O error.

    \b
    Example:
      votes validate --strict
      votes validate --format json > problems.json
    """
    _, validation = _checked(paths)
    text = {"text": render.problems_text, "json": render.problems_json, "github": render.problems_github}[fmt]
    click.echo(text(validation), nl=False)
    if not validation.ok(strict):
        raise DataProblems()


validate_cmd.name = "validate"


@main.command()
@input_options
@click.option("--out", type=click.Path(path_type=Path), default=Path("reports"), show_default=True,
              help="Folder for report.md, its charts and CSVs.")
@click.option("--force", is_flag=True, help="Write the report even if validation finds errors, with a warning at its top.")
def report(paths, out: Path, force: bool):
    """Validate, then write the Markdown report, its PNG charts and CSV matrices.

    Refuses data with errors (exit 1) unless --force.

    \b
    Example:
      votes report
      votes report --out /tmp/draft-report --force
    """
    project, validation = _checked(paths)
    _stop_on(validation, UNREADABLE)  # nothing to report on, even with --force
    if validation.errors and not force:
        click.echo(render.problems_text(validation), nl=False, err=True)
        click.echo("votes: not writing the report: fix the errors above, or pass --force", err=True)
        raise DataProblems()
    from .report import write_report  # pandas and matplotlib load only here

    written = write_report(project, validation, out, force=force)
    for path in written:
        click.echo(f"wrote {render.visible(path.as_posix())}")


@main.command()
@input_options
@click.option("--format", "fmt", type=click.Choice(["csv", "json"]), default="csv", show_default=True,
              help="csv with a header row, or a JSON list of objects.")
@click.option("-o", "--output", type=click.Path(path_type=Path), default=None,
              help="Write to this file (atomically) instead of standard output.")
def export(paths, fmt: str, output: Path | None):
    """The tidy table of votes: one row per voted draft and seated member.

    Columns: draft_id, symbol, date, status, member, member_name, permanent, vote, basis.
    An unknown vote is empty (null in JSON); drafts never voted have no rows.

    \b
    Example:
      votes export > votes.csv
      votes export --format json -o votes.json
    """
    from .tables import vote_rows

    project, validation = _checked(paths)
    _stop_on(validation, MISSHAPEN)
    rows = vote_rows(project, validation)
    text = render.rows_csv(rows) if fmt == "csv" else render.rows_json(rows)
    if output is None:
        # a value's control characters would act on a terminal; into a pipe the data go as they are
        click.echo(render.visible(text, newlines=True) if _is_terminal(sys.stdout) else text, nl=False)
    else:
        from .output import refuse_inputs, write_atomic

        refuse_inputs([output], [paths[0], paths[1]], paths[2])
        write_atomic(output, text)
    _note_problems(validation)


@main.command()
@input_options
@click.argument("draft_id")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="text for reading, json for tools.")
def show(paths, draft_id: str, fmt: str):
    """One draft: its outcome, each vote with its basis, and its evidence.

    \b
    Example:
      votes show fr-es-aleppo-2016-10
    """
    import difflib

    project, validation = _checked(paths)
    _stop_on(validation, MISSHAPEN)
    if project.records.draft(draft_id) is None:
        ids = [d.id for d in project.records.drafts]
        close = difflib.get_close_matches(draft_id, ids, n=1)
        hint = f"; did you mean '{close[0]}'?" if close else f"; ids: {', '.join(ids)}"
        raise UsageFailure(f"votes: no draft '{draft_id}' in {project.records.path}{hint}")
    if fmt == "json":
        click.echo(render.json_text(render.draft_data(project, validation, draft_id), indent=2))
    else:
        click.echo(render.draft_text(project, validation, draft_id), nl=False)


@main.command()
@input_options
def manifest(paths):
    """Print a seeds manifest with each seed's current SHA-256.

    Nothing is written: review the output, then save it as seeds/MANIFEST.yaml.

    \b
    Example:
      votes manifest > /tmp/MANIFEST.yaml && diff seeds/MANIFEST.yaml /tmp/MANIFEST.yaml
    """
    project = load_project(*paths)
    click.echo(render.manifest_yaml(project), nl=False)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
