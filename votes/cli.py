"""The `votes` command: a thin shell over the library.

Each command reads its options, calls one library function and prints. A
`VotesError` (the run cannot go on) becomes exit code 2 here, in one place;
problems in the data are printed and give exit code 1. This module holds the
group, what the commands share and `validate`; the other commands live in
votes.commands and are built only when one of them runs.
"""

from __future__ import annotations

import functools
import gc
import sys
from pathlib import Path

import click

from . import render
from .errors import DataRefused, VotesError
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


def sourced_option(command):
    """--sourced: the file of imported official votes (`votes import` writes it)."""
    return click.option("--sourced", "sourced_path", type=click.Path(path_type=Path), default=Path("data/sourced.csv"),
                        show_default=True, help="Imported official votes (basis sourced), if the file exists.")(command)


def with_sourced_votes(project: Project, validation: Validation, path: Path) -> tuple[Project, Validation]:
    """The project with its imported votes beside the records; problems in that file stop the run (exit 1)."""
    from .interop import with_sourced

    return with_sourced(project, validation, load_sourced_votes(path))


def load_sourced_votes(path: Path) -> list:
    from .interop import ImportFailure, load_sourced

    try:
        return load_sourced(path)
    except ImportFailure as failure:
        print_import_problems(failure.problems)


def print_import_problems(problems) -> None:
    """The problems of an imported file, one a line with its hint, then exit 1."""
    for problem in problems:
        click.echo(problem.to_line(), err=True)
        if problem.hint:
            click.echo(f"    hint: {problem.hint}", err=True)
    click.echo(f"{len(problems)} error{'s' * (len(problems) != 1)} in {problems[0].path}", err=True)
    raise DataProblems()


def os_failure(exc: OSError) -> str:
    """One line for a failure of the operating system that reached the command: exit code 2."""
    reason = exc.strerror or str(exc)
    return f"{exc.filename}: {reason}" if exc.filename is not None else reason


#: Below this many drafts a run is too quick for a progress bar to help.
PROGRESS_FROM = 500


def show_progress(stream, drafts: int) -> bool:
    """A bar only for long runs on a terminal: pipes, files and CI logs stay clean."""
    return drafts >= PROGRESS_FROM and is_terminal(stream)


def is_terminal(stream) -> bool:
    return hasattr(stream, "isatty") and stream.isatty()


def checked(paths) -> tuple[Project, Validation]:
    project = load_project(*paths)
    total = len(project.records.drafts)
    if not show_progress(sys.stderr, total):
        return project, validate(project)
    with click.progressbar(length=total, label="validating", file=sys.stderr) as bar:
        return project, validate(project, progress=bar.update)


def stop_on(validation: Validation, kinds: frozenset[str]) -> None:
    """Print the errors of these kinds (sets of codes, see votes.problems) and exit 1, if any."""
    blocking = [p for p in validation.errors if p.code in kinds]
    if blocking:
        click.echo(render.problems_text(Validation(blocking, validation.drafts, validation.coverage)),
                   err=True, nl=False)
        raise DataProblems()


def note_problems(validation: Validation) -> None:
    if validation.problems:
        click.echo(f"votes: {render.problem_count(validation)} in the data; run `votes validate` for details",
                   err=True)


def refused_data(validation: Validation, refused: DataRefused):
    """Print the errors that stop the command, and its reason; exit 1."""
    shown = validation if refused.problems == validation.errors else \
        Validation(refused.problems, validation.drafts, validation.coverage)
    click.echo(render.problems_text(shown), nl=False, err=True)
    click.echo(f"votes: {refused}", err=True)
    raise DataProblems()


class _Votes(click.Group):
    """The `votes` group: `validate`, which runs after every edit, is defined in this module; the
    other commands are built from votes.commands only when one runs or `votes --help` lists them
    (click's pattern for lazily loaded subcommands), so that their options are not built, and their
    help texts not looked up in the message catalogue, on every `votes validate`."""

    LAZY = ("add", "export", "import", "manifest", "power", "read", "report", "show", "suggest", "watch")

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted([*super().list_commands(ctx), *self.LAZY])

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name in self.LAZY:
            from .commands import COMMANDS

            return COMMANDS[name]
        return super().get_command(ctx, name)


@click.group(cls=_Votes, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
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
    _, validation = checked(paths)
    text = {"text": render.problems_text, "json": render.problems_json, "github": render.problems_github}[fmt]
    click.echo(text(validation), nl=False)
    if not validation.ok(strict):
        raise DataProblems()


validate_cmd.name = "validate"


#: Commands that keep the cyclic garbage collector on when run from the console (see `run`).
COLLECTING = frozenset({"watch"})


def run() -> None:
    """The `votes` console command: `main`, with the cyclic garbage collector off for the run.

    A console run is one command in a process that ends when the command does. Loading and
    validating build hundreds of thousands of objects that live until then, and votes' own
    objects form no cycles (tests/test_checks.py checks), so the collector would only scan them
    (0.2 s at 3,000 drafts) and free nothing. It stays on for `watch`, which runs until stopped.
    `report` draws its charts, matplotlib objects that do form cycles, with the collector paused
    anyway (votes.report.write_report), and they die with the process: with it on, one full
    collection after the report and one at exit cost 70-100 ms on the shipped data. Tests call
    `main`, which leaves the collector alone.
    """
    if sys.argv[1:2] and sys.argv[1] not in COLLECTING:
        gc.disable()
    try:
        main()
    finally:
        # The process ends with the command. At exit Python collects once more, over every object
        # of pandas, matplotlib and the data (0.14 s after a report); frozen, they are skipped, and
        # what that pass would free the operating system frees anyway.
        gc.freeze()


if __name__ == "__main__":  # pragma: no cover
    run()
