"""The commands of `votes` beyond `validate`, built only when one of them runs.

`votes validate` runs after every edit; its start-up is measured against importing yaml
and click alone (benchmarks/run.py). So the group in `votes.cli` defines `validate` itself
and loads this module, with the options of every other command, only when another command
or the list of commands in `votes --help` needs it. Each command here is a thin shell over the
library: it parses its options, calls one library function and prints (votes.console).
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from . import render
from .console import (
    DEFAULT_SOURCED, DataProblems, UsageFailure, checked, input_options, is_terminal, note_problems,
    print_import_problems, refused_data, sourced_option,
)
from .errors import DataRefused, VotesError
from .problems import ERROR
from .project import DEFAULT_COUNCIL, MANIFEST_NAME, display_path, load_council, load_project
from .validate import Validation, refuse_misshapen


@click.command()
@input_options
@click.option("--out", type=click.Path(path_type=Path), default=Path("reports"), show_default=True,
              help="Folder for report.md, its charts and CSVs.")
@click.option("--force", is_flag=True, help="Write the report even if validation finds errors, with a warning at its top.")
@sourced_option
@click.option("--include-sourced", is_flag=True,
              help="Agreement, blocs and cohesion count the imported official votes too (default: the hand-checked only).")
def report(paths, out: Path, force: bool, sourced_path: Path, include_sourced: bool):
    """Validate, then write the Markdown report, its PNG charts and CSV matrices.

    Refuses data with errors (exit 1) unless --force. Imported official votes (votes import)
    are shown beside the records, marked sourced; --include-sourced counts them in agreement,
    blocs and cohesion too.

    \b
    Example:
      votes report
      votes report --out /tmp/draft-report --force
      votes report --include-sourced
    """
    from .report import write_report  # pandas and matplotlib load only when it builds

    project, validation = checked(paths, sourced_path)
    try:
        written = write_report(project, validation, out, force=force, include_sourced=include_sourced)
    except DataRefused as refused:
        refused_data(validation, refused)
    for path in written:
        click.echo(f"wrote {render.visible(path.as_posix())}")
    note_problems(validation)


@click.command("suggest")
@input_options
@click.argument("seed", metavar="SEED")
@click.option("--append", "append_", is_flag=True,
              help="Write the suggestion into the records file (atomically, and only if it adds no error).")
@click.option("--date", "vote_date", metavar="DATE", callback=lambda ctx, param, value: _day_option(param, value),
              help="The day of the vote (YYYY-MM-DD, from the UN record) for a draft whose date no sentence "
                   "gives in full: it outranks a day worked out from the article's date ('Tuesday'), and its "
                   "year says who sat on the Council.")
def suggest_cmd(paths, seed: str, append_: bool, vote_date):
    """Propose records for the votes an article in seeds/ reports, as YAML to review.

    Each proposal has the votes, tally, status, drafters and date the article states, and
    evidence entries quoting its sentences exactly; TODO comments mark what the text leaves
    open. Without --append nothing is written.

    \b
    Example:
      votes suggest 005_3f2a9c0d41b7e6a8.txt
      votes suggest 005_3f2a9c0d41b7e6a8.txt --append
      votes suggest 006_9b1e77c2d0a4f3e5.txt --date 2017-12-18
    """
    from .suggest import append, check, suggest, suggestion_yaml

    project = load_project(*paths)
    out = suggest(project, seed, vote_date)
    for warning in out.warnings:
        click.echo(f"warning: {warning}", err=True)
    if out.empty:
        click.echo(f"# the reader finds no vote, veto or draft stated as a fact in {out.seed}")
        return
    if append_:
        path = append(project, out)
        click.echo(render.appended_text(out, path.as_posix()))
        return
    check(project, out)
    for draft_id, proposal in out.proposals:
        for problem in proposal.problems:
            click.echo(f"note: {draft_id} will not validate until you fix it: {problem}", err=True)
    click.echo(suggestion_yaml(out), nl=False)


@click.command("read")
@input_options
@click.argument("target", metavar="SEED[:LINE]")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="text: each sentence and its assertions; json: the same as data.")
def read_cmd(paths, target: str, fmt: str):
    """Show what the vote-statement reader finds in a seed: each assertion, its mode and its words.

    With :LINE, every sentence of that line; without, every sentence of the seed that asserts
    something. This is what `votes validate` proves quotes against.

    \b
    Example:
      votes read 000_d17f4b8d1948d0a3.txt:201
      votes read seeds/000_d17f4b8d1948d0a3.txt --format json
    """
    from .quotes import read_seed

    project = load_project(*paths)
    name, readings = read_seed(project, target)
    show = render.readings_json if fmt == "json" else render.readings_text
    click.echo(show(project, name, readings), nl=False)


@click.command()
@input_options
@click.option("--format", "fmt", type=click.Choice(["csv", "json", "undl", "unvotes"]), default="csv",
              show_default=True, help="csv with a header row, a JSON list of objects, the UN Digital Library's "
              "voting-data layout (undl), or unvotes' roll calls and votes (unvotes: two files, needs -o FOLDER).")
@click.option("-o", "--output", type=click.Path(path_type=Path), default=None,
              help="Write to this file (atomically) instead of standard output; for unvotes, this folder.")
@sourced_option
def export(paths, fmt: str, output: Path | None, sourced_path: Path):
    """The tidy table of votes: one row per voted draft and seated member.

    Columns: draft_id, symbol, date, status, member, member_name, permanent, vote, basis.
    An unknown vote is empty (null in JSON); drafts never voted have no rows. Imported
    official votes are included with the basis sourced. --format undl and unvotes write
    the layouts of the UN Digital Library and of unvotes (see docs/reference.md).

    \b
    Example:
      votes export > votes.csv
      votes export --format json -o votes.json
      votes export --format undl -o vetoed-and-failed.csv
      votes export --format unvotes -o unvotes/
    """
    from .export import export_votes

    project, validation = checked(paths, sourced_path)
    try:
        text = export_votes(project, validation, fmt, output)
    except DataRefused as refused:
        refused_data(validation, refused)
    if text is not None:
        # a value's control characters would act on a terminal; into a pipe the data go as they are
        click.echo(render.visible(text, newlines=True) if is_terminal(sys.stdout) else text, nl=False)
    note_problems(validation)


@click.command()
@input_options
@click.argument("draft_id")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="text for reading, json for tools.")
@sourced_option
def show(paths, draft_id: str, fmt: str, sourced_path: Path):
    """One draft: its outcome, each vote with its basis, and its evidence.

    DRAFT_ID is a draft's id, its UN symbol or the start of one id only. Imported official
    votes (votes import) are shown too, marked sourced.

    \b
    Example:
      votes show fr-es-aleppo-2016-10
      votes show S/2016/846
      votes show "S/RES/2334 (2016)"
    """
    project, validation = checked(paths, sourced_path)
    try:
        refuse_misshapen(validation, "not showing the draft")
    except DataRefused as refused:
        refused_data(validation, refused)
    draft = project.find_draft(draft_id)
    if fmt == "json":
        click.echo(render.json_text(render.draft_data(project, validation, draft.id), indent=2))
    else:
        click.echo(render.draft_text(project, validation, draft.id), nl=False)


@click.command()
@input_options
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="text for reading, json for tools (fractions as exact text and as numbers).")
@sourced_option
def power(paths, fmt: str, sourced_path: Path):
    """Exact Shapley-Shubik and Banzhaf indices of the Council's rule, and each draft's pivots.

    The indices are given for the Council since 1966 (nine of fifteen), the Council of
    1946-1965 (seven of eleven) and each composition of council.yaml. For each draft put to
    the vote: who was decisive, how many yes votes were missing, which permanent no votes
    were vetoes and which would have been. Unknown votes are never guessed.

    \b
    Example:
      votes power
      votes power --format json > power.json
    """
    import json

    from .power import power_data, power_text

    project, validation = checked(paths, sourced_path)
    try:
        refuse_misshapen(validation, "not computing voting power")
    except DataRefused as refused:
        refused_data(validation, refused)
    if fmt == "json":
        click.echo(json.dumps(power_data(project), indent=2, ensure_ascii=False))
    else:
        click.echo(power_text(project), nl=False)
    note_problems(validation)


@click.command("council")
@click.argument("year", type=int, required=False)
@click.option("--council", "council_path", type=click.Path(path_type=Path), default=DEFAULT_COUNCIL, show_default=True,
              help="Members, seats by year and named groups.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="text for reading, json for scripts.")
def council_cmd(year: int | None, council_path: Path, fmt: str):
    """Who sat on the Council in YEAR (the latest year listed without it): codes, names, groups.

    Each member with its name, whether permanent or elected, and the groups of council.yaml it
    belonged to that year (with the period where it belonged for part of the year only).

    \b
    Example:
      votes council 1971
      votes council --format json
    """
    from .seating import seating, seating_text

    try:
        council, problems = load_council(council_path)
        errors = [p for p in problems if p.severity == ERROR]
        if errors:
            click.echo(render.problem_lines(errors), nl=False, err=True)
            raise DataProblems()
        seated = seating(council, year)
    except VotesError as exc:
        raise UsageFailure(str(exc)) from None
    if fmt == "json":
        click.echo(render.json_text(seated.to_dict(), indent=2))
    else:
        click.echo(render.visible(seating_text(seated), newlines=True), nl=False)


@click.command("import")
@click.argument("kind", type=click.Choice(["undl"]))
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--source", default=None,
              help="The source to name for every imported vote [default: UN Digital Library, Security Council "
              "voting data (FILE's name)].")
@click.option("--into", type=click.Path(path_type=Path), default=DEFAULT_SOURCED, show_default=True,
              help="The file imported votes are kept in (read by report, export and power as --sourced).")
def import_cmd(kind: str, file: Path, source: str | None, into: Path):
    """Import official votes on adopted resolutions, kept apart with the basis sourced.

    KIND is undl: a UN Digital Library Security Council voting-data CSV. Its resolutions are
    added to the --into file (written atomically), replacing any held already; they are never
    proved against the seeds and never meet the seed checks.

    \b
    Example:
      votes import undl ~/Downloads/sc_voting.csv
      votes import undl 2016.csv --source "UN Digital Library, downloaded 2026-11-20"
    """
    from .sourced import ImportFailure, import_undl

    try:
        read, held = import_undl(file, into, source)
    except ImportFailure as failure:
        print_import_problems(failure.problems)
    except VotesError as exc:
        raise UsageFailure(str(exc)) from None
    click.echo(f"imported {read} resolution{'s' * (read != 1)} from {file.as_posix()}; "
               f"{into.as_posix()} holds {held}")


@click.command()
@input_options
@click.argument("articles", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--keep-names", is_flag=True, help="Keep each article's file name instead of NNN_<hex>.txt.")
@click.option("--published", metavar="DATE", callback=lambda ctx, param, value: _day_option(param, value),
              help="The publication date (YYYY-MM-DD) of these articles, where their text does not give it.")
@click.option("--outlet", metavar="NAME", help="Who published these articles, where their text does not say.")
@click.option("--url", metavar="URL", help="Where the article was found (one article): a date in it "
              "(/2016/10/08/) dates the article where --published and its text do not.")
def add(paths, articles: tuple[Path, ...], keep_names: bool, published, outlet: str | None, url: str | None):
    """Copy articles into the seeds folder and list them in its manifest.

    Each becomes NNN_<first 16 hex digits of its SHA-256>.txt (NNN: the next number), and its
    SHA-256, outlet, headline and publication date (where its text gives them) are added to
    seeds/MANIFEST.yaml, keeping everything the manifest holds. --published and --outlet give
    the date and outlet of every article of the call instead; --url keeps where the one article
    of the call was found. All or nothing.

    \b
    Example:
      votes add ~/Downloads/aleppo-veto.txt
      votes add --published 2016-12-05 --outlet Reuters truce-veto.txt
      votes add --url https://www.example.org/2016/12/05/aleppo-veto truce-veto.txt
    """
    from .manifest import add_articles

    added = add_articles(list(articles), paths[2], keep_names=keep_names, published=published, outlet=outlet,
                         url=url)
    try:
        uncovered = checked(paths)[1].uncovered_by_seed()
    except VotesError:
        uncovered = None  # the seeds are added; the records are validate's business
    click.echo(render.added_text(added, display_path(paths[2]), uncovered), nl=False)


@click.command()
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


@click.command()
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
        project, validation = checked(paths)
        click.echo(render.problems_text(validation), nl=False)
        if with_report:
            from .report import write_report

            written = write_report(project, validation, out)
            click.echo(f"wrote {len(written)} files to {display_path(out)}/")
    except DataRefused as refused:
        click.echo(f"votes: {refused}")
    except VotesError as exc:
        click.echo(f"Error: {exc}")


def _day_option(param, value: str | None):
    """A YYYY-MM-DD option as a date; a bad one is a usage error naming the option (exit 2)."""
    from .dates import parse_day

    if value is None:
        return None
    try:
        return parse_day(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param=param) from None


#: The commands by name, as `votes` calls them.
COMMANDS = {command.name: command for command in (
    add, council_cmd, export, import_cmd, manifest, power, read_cmd, report, show, suggest_cmd, watch)}
