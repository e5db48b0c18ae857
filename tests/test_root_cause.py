"""One root cause, one message: a file that does not load stops the checks that need it, the first
message names the cause, and what follows from it is folded into it (kept in --format json)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "small"


@pytest.fixture
def small(tmp_path, monkeypatch):
    """tests/fixtures/small as the working folder: one draft of 2016, its article, the Council of 2016."""
    shutil.copytree(FIXTURE, tmp_path, dirs_exist_ok=True)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) >= 1, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_the_fixture_is_clean(small, cli):
    assert cli("validate", "--strict").output == (
        "0 errors, 0 warnings in 1 draft; 4 vote sentences in the seeds: 4 cited, 0 ignored, 0 reprinted, "
        "0 uncovered\n")


def test_one_tab_in_the_council_file_is_one_message_naming_its_line(small, cli):
    edit(small / "data" / "council.yaml", "    names: [China,", "\tnames: [China,")
    result = cli("validate", ok_codes=(1,))
    assert result.output == (
        "data/council.yaml:7:1: error[yaml-syntax] while scanning a plain scalar: found a tab character that "
        "violates indentation\n"
        "    hint: YAML indents with spaces only; replace the tab with spaces\n"
        "1 error, 0 warnings in 1 draft; 4 vote sentences in the seeds: 4 cited, 0 ignored, 0 reprinted, "
        "0 uncovered; until data/council.yaml loads without errors, not checked: support, contradictions, "
        "draft identity, consistency, unbacked facts\n")
    data = json.loads(cli("validate", "--format", "json", ok_codes=(1,)).output)
    assert [p["code"] for p in data["problems"]] == ["yaml-syntax"]
    assert [s["until"] for s in data["not_checked"]] == ["data/council.yaml"] * 5


def test_a_misshapen_council_stops_the_same_checks_and_codes_are_checked_for_form_only(small, cli):
    edit(small / "data" / "council.yaml", "  VEN:\n    name: Venezuela (Bolivarian Republic of)\n",
         "  VEN:\n    nmae: Venezuela (Bolivarian Republic of)\n")
    lines = cli("validate", ok_codes=(1,)).output.splitlines()
    assert [line.split(" ", 2)[1] for line in lines if "error[" in line] == [
        "error[field-missing]", "error[field-unknown]"]
    assert lines[-1].endswith("not checked: support, contradictions, draft identity, consistency, unbacked facts")


def test_a_mistyped_member_code_gives_its_cause_first_and_no_flood(small, cli):
    edit(small / "data" / "resolutions.yaml", "      RUS: no", "      RSU: no")
    result = cli("validate", ok_codes=(1,))
    assert result.output == (
        "data/resolutions.yaml:11:7: error[member-unknown] draft fr-es votes.RSU: member 'RSU' is not in the "
        "council file\n"
        "    hint: did you mean RUS (Russia)?\n"
        "    and 5 more problems that follow from it (`votes validate --format json` lists them)\n"
        "1 error, 0 warnings; seed coverage not checked until the records file loads without errors\n")
    data = json.loads(cli("validate", "--format", "json", ok_codes=(1,)).output)
    assert data["errors"] == 1 and len(data["problems"]) == 1
    assert [(p["code"], p["field"]) for p in data["problems"][0]["folded"]] == [
        ("support-others", "votes.others"), ("fact-unbacked", "tally.no"), ("fact-unbacked", "tally.abstain"),
        ("supports-no-fact", "votes.RUS"), ("supports-no-fact", "votes.RUS")]


def test_folding_leaves_the_loaded_problem_as_it_was(small):
    from votes import load_project, validate

    edit(small / "data" / "resolutions.yaml", "      RUS: no", "      RSU: no")
    project = load_project()
    first, second = validate(project), validate(project)
    assert len(first.problems[0].folded) == len(second.problems[0].folded) == 5
    assert project.problems[0].folded == []


def test_a_problem_apart_from_the_root_cause_is_still_said(small, cli):
    """A quote not found is no consequence of a mistyped code: it stays a message of its own."""
    edit(small / "data" / "resolutions.yaml", "      RUS: no", "      RSU: no")
    edit(small / "data" / "resolutions.yaml", "Venezuela joined Russia in voting against it.",
         "Venezuela joined Russia in voting agianst it.")
    codes = [line.split(" ", 2)[1] for line in cli("validate", ok_codes=(1,)).output.splitlines() if "error[" in line]
    assert codes == ["error[member-unknown]", "error[quote-not-found]"]


def test_a_title_left_out_folds_nothing(small, cli):
    """A field that holds no fact leaves the facts whole: a real problem of the draft is not hidden behind it."""
    edit(small / "data" / "resolutions.yaml", "    title: French-Spanish draft\n", "")
    edit(small / "data" / "resolutions.yaml", "      CHN: abstain", "      CHN: yes")
    codes = [line.split(" ", 2)[1] for line in cli("validate", ok_codes=(1,)).output.splitlines() if "error[" in line]
    assert "error[field-missing]" in codes and "error[support-contradiction]" in codes
