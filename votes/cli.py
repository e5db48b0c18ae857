"""The `votes` command: a thin shell over the library.

Each command reads its options, calls one library function and prints; what they share (the
input options, turning a `VotesError` into exit code 2, printing problems) is votes.console.
This module holds the group and `validate`; the other commands live in votes.commands and are
built only when one of them runs. Nothing in the library imports this module.
"""

from __future__ import annotations

import gc
import os
import sys

import click

from . import render
from . import __version__
from .cache import written_after
from .console import Command, DataProblems, OwnHelpOption, checked, input_options, version_option


class _Votes(OwnHelpOption, click.Group):
    """The `votes` group: `validate`, which runs after every edit, is defined in this module; the
    other commands are built from votes.commands only when one runs or `votes --help` lists them
    (click's pattern for lazily loaded subcommands), so that their options are not built, and their
    help texts not looked up in the message catalogue, on every `votes validate`."""

    LAZY = ("add", "council", "export", "import", "manifest", "power", "read", "report", "show", "suggest", "watch")

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted([*super().list_commands(ctx), *self.LAZY])

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name in self.LAZY:
            from .commands import COMMANDS

            return COMMANDS[name]
        return super().get_command(ctx, name)


@click.group(cls=_Votes, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@version_option(__version__)
def main():
    """UN Security Council votes, proved against the articles that report them.

    Edit data/resolutions.yaml, then run `votes validate`, then `votes report`.
    """


@main.command(cls=Command)
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
    """The `votes` console command: `main`, in a process that ends with the command.

    A one-off command (all but `watch`, which runs until stopped, and the bare `votes`) runs with
    the cyclic garbage collector off: loading and validating build hundreds of thousands of
    objects that live until the end, and votes' own objects form no cycles (tests/test_checks.py
    checks), so the collector would only scan them (0.2 s at 3,000 drafts) and free nothing;
    `report` draws its charts, matplotlib objects that do form cycles, with the collector paused
    anyway (votes.report.write_report). What the command keeps for the next run is written after
    its output, by a child process it does not wait for (votes.cache.written_after). Then the
    process ends at once (`end_process`): tearing the interpreter down would free, one object at a
    time, what the operating system frees whole (30 ms of a first run on the shipped data, which
    loaded the reader's rule table; 0.2 s after a report of 30,000 drafts). Tests call `main`.
    """
    if not sys.argv[1:2] or sys.argv[1] in COLLECTING:
        main()
        return
    gc.disable()
    try:
        with written_after():  # the cache files after the output
            main()
    except SystemExit as done:
        end_process(done.code)
    end_process(0)


def end_process(code) -> None:
    """End the process as `sys.exit(code)` would, without tearing the interpreter down: the standard
    streams flushed (a reader gone from a pipe is no error), no exit handler run (nothing votes
    needs is left to one: its files are written whole and closed before)."""
    if code is not None and not isinstance(code, int):
        print(code, file=sys.stderr)
        code = 1
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            pass
    os._exit(code or 0)


if __name__ == "__main__":  # pragma: no cover
    run()
