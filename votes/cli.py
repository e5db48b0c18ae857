"""The `votes` command: a thin shell over the library.

Each command reads its options, calls one library function and prints. A
`VotesError` (the run cannot go on) becomes exit code 2 here, in one place;
problems in the data are printed and give exit code 1.
"""

from __future__ import annotations

import functools
import sys
from pathlib import Path

import click

from . import render
from .errors import DataRefused, VotesError
from .problems import MISSHAPEN
from .project import DEFAULT_COUNCIL, DEFAULT_DATA, DEFAULT_SEEDS, MANIFEST_NAME, Project, display_path, load_project
from .validate import Validation, validate


class UsageFailure(click.ClickException):
    """A run that cannot go on: shown as `Error: ...` on standard error, exit code 2."""

    exit_code = 2

    def format_message(self) -> str:
        return self.message


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

    return wrapper


#: Below this many drafts a run is too quick for a progress bar to help.
PROGRESS_FROM = 500


def show_progress(stream, drafts: int) -> bool:
    """A bar only for long runs on a terminal: pipes, files and CI logs stay clean."""
    return drafts >= PROGRESS_FROM and hasattr(stream, "isatty") and stream.isatty()


def _checked(paths) -> tuple[Project, Validation]:
    project = load_project(*paths)
    total = len(project.records.drafts)
    if not show_progress(sys.stderr, total):
        return project, validate(project)
    with click.progressbar(length=total, label="validating", file=sys.stderr) as bar:
        return project, validate(project, progress=bar.update)


def _stop_on(validation: Validation, kinds: tuple[str, ...]) -> None:
    """Print the errors of these kinds (code prefixes, see votes.problems) and exit 1, if any."""
    blocking = [p for p in validation.errors if p.code.startswith(kinds)]
    if blocking:
        click.echo(render.problems_text(Validation(blocking, validation.drafts, validation.coverage)),
                   err=True, nl=False)
        raise DataProblems()


def _note_problems(validation: Validation) -> None:
    if validation.problems:
        click.echo(f"votes: {render.problem_count(validation)} in the data; run `votes validate` for details",
                   err=True)


def _refused(validation: Validation, refused: DataRefused):
    """Print the errors that stop the command, and its reason; exit 1."""
    shown = validation if refused.problems == validation.errors else \
        Validation(refused.problems, validation.drafts, validation.coverage)
    click.echo(render.problems_text(shown), nl=False, err=True)
    click.echo(f"votes: {refused}", err=True)
    raise DataProblems()


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
    from .report import write_report  # pandas and matplotlib load only when it builds

    project, validation = _checked(paths)
    try:
        written = write_report(project, validation, out, force=force)
    except DataRefused as refused:
        _refused(validation, refused)
    for path in written:
        click.echo(f"wrote {path.as_posix()}")
    _note_problems(validation)


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
        click.echo(text, nl=False)
    else:
        from .output import check_output_file, write_atomic

        check_output_file(output, [paths[0], paths[1], paths[2]])
        write_atomic(output, text)
    _note_problems(validation)


@main.command()
@input_options
@click.argument("draft_id")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="text for reading, json for tools.")
def show(paths, draft_id: str, fmt: str):
    """One draft: its outcome, each vote with its basis, and its evidence.

    DRAFT_ID is a draft's id, its UN symbol or the start of one id only.

    \b
    Example:
      votes show fr-es-aleppo-2016-10
      votes show S/2016/846
    """
    import json

    project, validation = _checked(paths)
    _stop_on(validation, MISSHAPEN)
    draft = project.find_draft(draft_id)
    if fmt == "json":
        click.echo(json.dumps(render.draft_data(project, validation, draft.id), indent=2, ensure_ascii=False))
    else:
        click.echo(render.draft_text(project, validation, draft.id), nl=False)


@main.command()
@input_options
@click.argument("articles", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--keep-names", is_flag=True, help="Keep each article's file name instead of NNN_<hex>.txt.")
def add(paths, articles: tuple[Path, ...], keep_names: bool):
    """Copy articles into the seeds folder and list them in its manifest.

    Each becomes NNN_<first 16 hex digits of its SHA-256>.txt (NNN: the next number), and its
    SHA-256, outlet, headline and publication date (where its text gives them) are added to
    seeds/MANIFEST.yaml, keeping everything the manifest holds. All or nothing.

    \b
    Example:
      votes add ~/Downloads/aleppo-veto.txt
    """
    from .manifest import add_articles

    added = add_articles(list(articles), paths[2], keep_names=keep_names)
    uncovered = None
    try:
        project, validation = _checked(paths)
        uncovered = {}
        for problem in validation.problems:
            if problem.code == "seed-uncovered" and problem.subject:
                name = problem.subject.removeprefix("seed ")
                uncovered[name] = uncovered.get(name, 0) + 1
    except VotesError:
        pass  # the seeds are added; the records are validate's business
    click.echo(render.added_text(added, display_path(paths[2]), uncovered), nl=False)


@main.command()
@input_options
@click.option("--check", is_flag=True, help="Report seeds changed, missing or not listed (exit 1), and write nothing.")
@click.option("--write", is_flag=True, help="Update seeds/MANIFEST.yaml in place, keeping every entry and comment.")
def manifest(paths, check: bool, write: bool):
    """The seeds manifest with every seed listed under its current SHA-256.

    Prints the manifest as it would be (nothing written); --write updates the file in place,
    keeping outlets, titles, dates, notes and comments; --check only reports what differs.
    New seeds are best added with `votes add`.

    \b
    Example:
      votes manifest --check
      votes manifest --write
    """
    from .manifest import manifest_problems, same_file, updated_manifest, write_manifest

    seeds = paths[2]
    if check and write:
        raise UsageFailure("--check and --write cannot be used together")
    try:
        if check:
            project = load_project(*paths)
            problems = manifest_problems(project)
            click.echo(render.problem_lines(problems), nl=False)
            if problems:
                click.echo(f"{project.seed_display(MANIFEST_NAME)}: {render.problem_count(Validation(problems, {}, None))}; "
                           "`votes manifest --write` lists new seeds and takes changed hashes")
                raise DataProblems()
            click.echo(f"{project.seed_display(MANIFEST_NAME)}: lists the {len(project.seeds)} seeds with their "
                       "current SHA-256")
            return
        if not write:
            if same_file(sys.stdout, seeds / MANIFEST_NAME):
                raise UsageFailure(
                    f"standard output is {display_path(seeds / MANIFEST_NAME)} itself, which the shell emptied "
                    f"before votes could read it: restore it (for instance `git checkout -- "
                    f"{display_path(seeds / MANIFEST_NAME)}`), then run `votes manifest --write`, which updates "
                    "it in place and keeps what it holds")
            click.echo(updated_manifest(seeds).text, nl=False)
            return
        update = write_manifest(seeds)
    except DataRefused as refused:
        click.echo(render.problem_lines(refused.problems), nl=False, err=True)
        click.echo(f"votes: {refused}", err=True)
        raise DataProblems() from None
    shown = display_path(seeds / MANIFEST_NAME)
    for name in update.listed:
        click.echo(f"{shown}: listed {name}")
    for name in update.rehashed:
        click.echo(f"{shown}: new sha256 for {name}: check the quotes from it still stand")
    for name in update.orphans:
        click.echo(f"{shown}: kept the entry of {name}, which is not in {display_path(seeds)}/; "
                   "remove it by hand if the seed is gone for good", err=True)
    if not update.changed:
        click.echo(f"{shown}: up to date")


@main.command()
@input_options
@click.option("--report", "with_report", is_flag=True,
              help="Also rewrite the report each time the data validate without errors.")
@click.option("--out", type=click.Path(path_type=Path), default=Path("reports"), show_default=True,
              help="Folder for the report, with --report.")
def watch(paths, with_report: bool, out: Path):
    """Validate now, then again each time the records, the council or a seed changes.

    Looks at the files ten times a second; Ctrl-C stops (exit 0). With --report the report
    is rewritten after each change that leaves no errors.

    \b
    Example:
      votes watch
      votes watch --report
    """
    from .watch import Watcher

    watcher = Watcher(*paths)
    click.echo(f"watching {display_path(paths[0])}, {display_path(paths[1])} and {display_path(paths[2])}/ "
               "(Ctrl-C stops)", err=True)
    try:
        _watch_round(paths, with_report, out)
        for changed in watcher.changes():
            click.echo(f"\nchanged: {', '.join(changed)}")
            _watch_round(paths, with_report, out)
    except KeyboardInterrupt:
        click.echo("stopped", err=True)


def _watch_round(paths, with_report: bool, out: Path) -> None:
    """One validation (and report) of the watch loop; a failure is shown and the watching goes on."""
    try:
        project, validation = _checked(paths)
        click.echo(render.problems_text(validation), nl=False)
        if with_report:
            from .report import write_report

            written = write_report(project, validation, out)
            click.echo(f"wrote {len(written)} files to {display_path(out)}/")
    except DataRefused as refused:
        click.echo(f"votes: {refused}")
    except VotesError as exc:
        click.echo(f"Error: {exc}")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
