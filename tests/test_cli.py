"""The commands as a user runs them: goldens for text output, exit codes, help and docs."""

from __future__ import annotations

import gc
import json
import os
import subprocess
import sys

import click
import pytest

from conftest import PROJECT, ROOT, assert_golden
from test_checks import BASE, SEED, replaced
from votes import load_project, validate
from votes.cli import main

BROKEN = replaced("      CHN: abstain", "      CHN: yes")
BROKEN = replaced("status: vetoed", "status: adopted", BROKEN)
BROKEN = replaced("quote: Venezuela joined Russia in voting against it.",
                  "quote: Venezuela joined Russia in voting agianst it.", BROKEN)


@pytest.fixture
def broken(mini):
    mini.seed("a.txt", SEED)
    mini.manifest()
    mini.records(BROKEN)
    return mini


def test_validate_text_golden(broken, cli):
    result = cli("validate", ok_codes=(1,))
    assert_golden("validate-broken.txt", result.output)


def test_validate_json_equals_the_python_api(broken, cli):
    result = cli("validate", "--format", "json", ok_codes=(1,))
    assert json.loads(result.output) == validate(load_project()).to_dict()
    assert_golden("validate-broken.json", result.output)


def test_validate_github_annotations(broken, cli):
    result = cli("validate", "--format", "github", ok_codes=(1,))
    assert_golden("validate-broken.github", result.output)
    assert all(line.startswith(("::error file=", "::warning file=")) for line in result.output.splitlines())


def test_read_shows_each_assertion_with_the_rule_that_read_it(broken, cli):
    """`votes read`: each sentence, then each assertion with its mode, its words and the rule of the
    table that read it (docs/grammar.md), in text and in JSON; golden files hold both."""
    text = cli("read", "a.txt").output
    assert_golden("read-a.txt", text)
    assert "vetoed by RUS [fact]" in text and "(veto-verb-past)" in text
    data = json.loads(cli("read", "a.txt", "--format", "json").output)
    assert_golden("read-a.json", json.dumps(data, indent=2, ensure_ascii=False) + "\n")
    rules = {a["rule"] for sentence in data for a in sentence["assertions"]}
    assert "veto-verb-past" in rules and "" not in rules


def test_strict_counts_warnings(mini, cli):
    mini.seed("a.txt", SEED + "\nChina said it would veto any sanctions draft.\n")
    mini.manifest()
    mini.records(BASE)
    cli("validate")
    cli("validate", "--strict", ok_codes=(1,))


def test_export_csv_and_json_golden(cli, monkeypatch):
    """The fixture project's table of votes, byte for byte."""
    monkeypatch.chdir(PROJECT)
    assert_golden("export.csv", cli("export").output)
    assert_golden("export.json", cli("export", "--format", "json").output)


@pytest.mark.parametrize("draft_id", ["fr-es-aleppo-2016-10", "ru-aleppo-2016-10", "nz-aleppo-2016-10"])
def test_show_golden(cli, monkeypatch, draft_id):
    monkeypatch.chdir(PROJECT)
    assert_golden(f"show-{draft_id}.txt", cli("show", draft_id).output)


def test_show_json_has_votes_with_basis(cli, monkeypatch):
    monkeypatch.chdir(PROJECT)
    data = json.loads(cli("show", "fr-es-aleppo-2016-10", "--format", "json").output)
    assert data["vetoed_by"] == ["RUS"]
    assert {v["member"]: (v["vote"], v["basis"]) for v in data["votes"]}["JPN"] == ("yes", "derived")


def test_show_unknown_id_is_a_usage_error(cli, monkeypatch):
    monkeypatch.chdir(PROJECT)
    result = cli("show", "fr-es-alepo-2016-10", ok_codes=(2,))
    assert result.output == ("Error: no draft 'fr-es-alepo-2016-10' in data/resolutions.yaml; "
                             "did you mean 'fr-es-aleppo-2016-10'?\n")


def test_show_finds_a_draft_by_symbol_or_unique_prefix(cli, monkeypatch):
    monkeypatch.chdir(PROJECT)
    by_id = cli("show", "fr-es-aleppo-2016-10").output
    assert cli("show", "S/2016/846").output == by_id
    assert cli("show", "s/2016/846").output == by_id
    assert cli("show", "fr-es").output == by_id
    result = cli("show", "syria-", ok_codes=(2,))
    assert result.output == ("Error: 'syria-' begins 3 draft ids in data/resolutions.yaml: syria-crackdown-2011-10, "
                             "syria-arab-league-plan-2012-02, syria-chapter-vii-2012-07; type more of the id\n")


def test_missing_data_file_is_exit_2_without_traceback(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(PROJECT)
    result = cli("validate", "--data", str(tmp_path / "nope.yaml"), ok_codes=(2,))
    assert "no such file" in result.output and "Traceback" not in result.output


def test_missing_seeds_folder_is_exit_2(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(PROJECT)
    result = cli("validate", "--seeds", str(tmp_path / "none"), ok_codes=(2,))
    assert "no such folder of seeds" in result.output


def test_export_refuses_malformed_records(mini, cli):
    mini.seed("a.txt", SEED)
    mini.manifest()
    mini.records("drafts:\n  - id: x\n    votes: {RUS: no, RUS: yes}\n")
    result = cli("export", ok_codes=(1,))
    assert "error[yaml-duplicate-key]" in result.stderr and result.stdout == ""


def test_export_to_file_is_atomic_and_refuses_inputs(cli, shipped_copy):
    cli("export", "-o", "out/votes.csv")
    assert (shipped_copy / "out" / "votes.csv").read_text(encoding="utf-8").startswith("draft_id,symbol,")
    assert not list((shipped_copy / "out").glob(".*.tmp"))
    result = cli("export", "-o", "data/resolutions.yaml", ok_codes=(2,))
    assert "refusing to overwrite input" in result.output
    result = cli("export", "-o", "seeds/x.csv", ok_codes=(2,))
    assert "refusing to overwrite input" in result.output


def test_manifest_prints_current_hashes(cli, monkeypatch):
    import hashlib

    monkeypatch.chdir(PROJECT)
    out = cli("manifest").output
    assert out == (PROJECT / "seeds" / "MANIFEST.yaml").read_text(encoding="utf-8")  # current: as it stands
    for path in sorted((PROJECT / "seeds").glob("*.txt")):
        assert f"  {path.name}:\n    sha256: {hashlib.sha256(path.read_bytes()).hexdigest()}\n" in out


def test_validate_does_not_import_pandas_or_matplotlib():
    code = ("import sys\nfrom votes.cli import main\n"
            "try:\n    main(['validate'])\nexcept SystemExit:\n    pass\n"
            "print(sorted(m for m in ('pandas', 'matplotlib', 'scipy', 'rapidfuzz') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], cwd=PROJECT, capture_output=True, text=True, check=True)
    assert out.stdout.strip().splitlines()[-1] == "[]"


def _commands():
    return main.list_commands(click.Context(main))


def test_the_lazily_built_commands_are_those_the_group_lists():
    from votes.cli import validate_cmd
    from votes.commands import COMMANDS

    assert sorted(COMMANDS) == sorted(main.LAZY)
    assert _commands() == sorted([validate_cmd.name, *COMMANDS])
    assert all(main.get_command(click.Context(main), name) is COMMANDS[name] for name in COMMANDS)


@pytest.mark.parametrize("name", _commands())
def test_every_command_has_help_with_an_example_and_is_documented(cli, name):
    command = main.get_command(click.Context(main), name)
    assert command.help and "Example:" in command.help
    assert "Example:" in cli(name, "--help").output
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"votes {name}" in readme, f"README does not list `votes {name}`"
    reference = (ROOT / "docs" / "reference.md").read_text(encoding="utf-8")
    assert f"`votes {name}" in reference, f"docs/reference.md does not document `votes {name}`"
    for param in command.params:
        if isinstance(param, click.Option):
            for opt in param.opts:
                if opt.startswith("--") and opt not in ("--help",):
                    assert opt in reference, f"docs/reference.md does not mention {opt} of votes {name}"


def test_written_files_get_the_usual_mode(cli, shipped_copy):
    import os
    import stat

    old = os.umask(0o022)
    try:
        cli("export", "-o", "out/votes.csv")
    finally:
        os.umask(old)
    assert stat.S_IMODE((shipped_copy / "out" / "votes.csv").stat().st_mode) == 0o644


def test_report_refuses_the_data_and_council_folders(cli, shipped_copy):
    for folder in ("data", "seeds", "data/sub"):
        result = cli("report", "--out", folder, ok_codes=(2,))
        assert "refusing to write reports into" in result.output


def test_report_refuses_invalid_data_and_writes_nothing(cli, shipped_copy):
    path = shipped_copy / "data" / "resolutions.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("tally: {yes: 4, no: 9", "tally: {yes: 5, no: 9"),
                    encoding="utf-8")
    result = cli("report", "--out", "out", ok_codes=(1,))
    assert "error[tally-mismatch]" in result.stderr and "not writing the report" in result.stderr
    assert not (shipped_copy / "out").exists()
    cli("report", "--out", "out", "--force")
    head = (shipped_copy / "out" / "report.md").read_text(encoding="utf-8").split("\n# ", 1)[0]
    assert head.startswith("> [!WARNING]\n") and "tally.yes is 5 but the votes count 4 yes" in head


def test_show_says_which_outcomes_unknown_votes_leave_open(cli, monkeypatch):
    monkeypatch.chdir(PROJECT)
    out = cli("show", "fr-icc-syria-2014-05").output
    assert "date 2014-05-22   status vetoed (the votes known leave possible: vetoed or failed)\n" in out
    data = json.loads(cli("show", "fr-icc-syria-2014-05", "--format", "json").output)
    assert (data["charter_outcome"], data["charter_possible"]) == (None, ["vetoed", "failed"])


def test_export_and_show_stop_on_misshapen_records(mini, cli):
    mini.seed("a.txt", SEED)
    mini.manifest()
    mini.records(BASE.replace("    title:", "    titel:"))
    for args in (("export",), ("show", "fr-es")):
        result = cli(*args, ok_codes=(1,))
        assert "error[field-unknown] draft fr-es titel: unknown field 'titel'" in result.stderr
        assert result.stdout == ""


def test_force_does_not_report_on_an_unreadable_file(mini, cli):
    mini.seed("a.txt", SEED)
    mini.manifest()
    mini.records("drafts: [\n")
    result = cli("report", "--out", "out", "--force", ok_codes=(1,))
    assert "error[yaml-syntax]" in result.stderr
    assert not (mini.root / "out").exists()


def test_report_says_how_many_warnings_the_data_have(mini, cli):
    mini.seed("a.txt", SEED + "\nChina said it would veto any sanctions draft.\n")
    mini.manifest()
    mini.records(BASE)
    result = cli("report", "--out", "out")
    assert result.stderr == "votes: 1 warning in the data; run `votes validate` for details\n"
    assert result.stdout.startswith("wrote out/report.md\n")


class _Ended(Exception):
    """Raised in place of ending the test process (votes.cli.end_process)."""


@pytest.fixture
def ended(monkeypatch):
    """The exit codes a console run ends its process with, raising `_Ended` instead of ending it."""
    import votes.cli

    codes = []

    def end_process(code):
        codes.append(code)
        raise _Ended

    monkeypatch.setattr(votes.cli, "end_process", end_process)
    return codes


@pytest.mark.parametrize("command, code", [(lambda: sys.exit(0), 0), (lambda: sys.exit(1), 1), (lambda: None, 0),
                                           (lambda: sys.exit("votes: no such file"), "votes: no such file")])
def test_a_one_off_console_command_ends_its_process_with_the_commands_exit_code(monkeypatch, ended, command, code):
    import votes.cli

    monkeypatch.setattr(sys, "argv", ["votes", "validate"])
    monkeypatch.setattr(votes.cli, "main", command)
    was = gc.isenabled()
    try:
        with pytest.raises(_Ended):
            votes.cli.run()
    finally:
        gc.enable() if was else gc.disable()
    assert ended == [code]


@pytest.mark.parametrize("argv, collecting", [
    (["votes", "validate"], False),
    (["votes", "export"], False),
    (["votes", "watch"], True),  # runs until stopped
    (["votes", "report"], False),  # its charts are drawn with the collector paused, and die with the process
    (["votes"], True),
])
def test_the_console_command_turns_the_cyclic_collector_off_for_a_one_shot_run(monkeypatch, ended, argv, collecting):
    import votes.cli

    seen = []
    monkeypatch.setattr(sys, "argv", argv)
    monkeypatch.setattr(votes.cli, "main", lambda: seen.append(gc.isenabled()))
    was = gc.isenabled()
    gc.enable()
    try:
        try:
            votes.cli.run()
        except _Ended:
            pass
    finally:
        gc.enable() if was else gc.disable()
    assert seen == [collecting]
    assert ended == ([] if collecting else [0])  # watch goes on until stopped, and ends as Python does


@pytest.mark.parametrize("code, out, err, status", [("0", "said", "", 0), ("1", "said", "", 1),
                                                    ("'votes: stopped'", "said", "votes: stopped\n", 1)])
def test_ending_the_process_flushes_what_the_command_said_and_keeps_its_exit_code(code, out, err, status):
    script = f"import sys\nfrom votes.cli import end_process\nprint('said', end='')\nend_process({code})\n"
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=False,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert (done.stdout, done.stderr, done.returncode) == (out, err, status)
