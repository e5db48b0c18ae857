"""What the commands of `votes` share: the input options, the two kinds of failure, printing problems.

A `VotesError` (the run cannot go on) becomes exit code 2 here, in one place; problems in the
data are printed and give exit code 1. Both votes.cli and votes.commands build on this module,
which builds on the library only.
"""

from __future__ import annotations

import functools
import sys
from pathlib import Path

import click

from . import render
from .errors import DataRefused, VotesError
from .project import DEFAULT_COUNCIL, DEFAULT_DATA, DEFAULT_SEEDS, Project, load_project
from .quotes import read_early
from .validate import Validation, validate

#: Where `votes import` keeps imported votes (votes.sourced.DEFAULT_SOURCED).
DEFAULT_SOURCED = Path("data/sourced.csv")


# --- start-up: `votes validate` runs after every edit, and click looks each of its own texts up in the
# message catalogue as an option is built (gettext: a millisecond and a half of a 90 ms run, most of it
# the first lookup). The few texts on validate's path are written here instead.

class PathType(click.ParamType):
    """A file or folder path, as a `Path`; whether it exists is the library's to say, in its own words."""

    name = "path"

    def convert(self, value, param, ctx) -> Path:
        return value if isinstance(value, Path) else Path(value)


PATH = PathType()
HELP_TEXT = "Show this message and exit."


def _show_help(ctx: click.Context, param, value) -> None:
    if value and not ctx.resilient_parsing:
        click.echo(ctx.get_help(), color=ctx.color)
        ctx.exit()


class OwnHelpOption:
    """A click command or group whose --help option is built with `HELP_TEXT` (once per command)."""

    def get_help_option(self, ctx: click.Context):
        names = self.get_help_option_names(ctx)
        if not names or not self.add_help_option:
            return None
        if self.__dict__.get("own_help") is None:
            self.own_help = click.Option(names, is_flag=True, is_eager=True, expose_value=False, callback=_show_help,
                                         help=HELP_TEXT)
        return self.own_help


class Command(OwnHelpOption, click.Command):
    """A `votes` command (see OwnHelpOption)."""


def version_option(version: str):
    """--version: prints 'votes, version X' and exits."""
    def show(ctx: click.Context, param, value) -> None:
        if value and not ctx.resilient_parsing:
            click.echo(f"{ctx.find_root().info_name}, version {version}")
            ctx.exit()

    return click.option("--version", is_flag=True, is_eager=True, expose_value=False, callback=show,
                        help="Show the version and exit.")


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
    @click.option("--data", type=PATH, default=DEFAULT_DATA, show_default=True,
                  help="The records of drafts and votes.")
    @click.option("--council", type=PATH, default=DEFAULT_COUNCIL, show_default=True,
                  help="Members, seats by year and named groups.")
    @click.option("--seeds", type=PATH, default=DEFAULT_SEEDS, show_default=True,
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
    return click.option("--sourced", "sourced_path", type=PATH, default=DEFAULT_SOURCED,
                        show_default=True, help="Imported official votes (basis sourced), if the file exists.")(command)


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


def checked(paths, sourced: Path | None = None) -> tuple[Project, Validation]:
    """The project (with the imported votes of `sourced`, if given) and its validation, with a progress
    bar on a terminal for a long history. A long history's seeds are read meanwhile, where that
    pays (votes.quotes.read_early)."""
    early = read_early(*paths)
    try:
        project = load_project(*paths, sourced=sourced)
        total = len(project.records.drafts)
        if not show_progress(sys.stderr, total):
            return project, validate(project, early=early)
        with click.progressbar(length=total, label="validating", file=sys.stderr) as bar:
            return project, validate(project, progress=bar.update, early=early)
    finally:
        if early is not None:
            early.stop()  # a child not taken yet (the run failed, or never read a quote) is not left behind


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
