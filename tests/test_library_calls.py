"""Every command is a function call: what export, add and the imported votes do, a notebook can do."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from votes import DataRefused, VotesError, load_project, validate
from votes.export import export_votes

FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture
def small(tmp_path, monkeypatch):
    shutil.copytree(FIXTURES / "small", tmp_path, dirs_exist_ok=True)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_export_from_python_equals_the_command(small, cli):
    project = load_project()
    validation = validate(project)
    for fmt in ("csv", "json", "undl"):
        assert export_votes(project, validation, fmt) == cli("export", "--format", fmt).output
    rows = json.loads(export_votes(project, validation, "json"))
    assert {(row["member"], row["vote"]) for row in rows if row["member"] in ("RUS", "JPN")} == {
        ("RUS", "no"), ("JPN", "yes")}


def test_export_writes_a_file_and_refuses_an_input(small):
    project = load_project()
    validation = validate(project)
    assert export_votes(project, validation, "csv", small / "out" / "votes.csv") is None
    assert (small / "out" / "votes.csv").read_text(encoding="utf-8").startswith("draft_id,symbol,date,")
    with pytest.raises(VotesError, match="refusing to overwrite input"):
        export_votes(project, validation, "csv", Path("data/resolutions.yaml"))
    with pytest.raises(VotesError, match="give a folder with -o"):
        export_votes(project, validation, "unvotes")
    export_votes(project, validation, "unvotes", small / "unvotes")
    assert sorted(p.name for p in (small / "unvotes").iterdir()) == ["un_roll_calls.csv", "un_votes.csv"]


def test_export_refuses_records_that_cannot_be_read_whole(small):
    records = small / "data" / "resolutions.yaml"
    records.write_text(records.read_text(encoding="utf-8").replace("      RUS: no", "      RUS: nay"),
                       encoding="utf-8")
    project = load_project()
    with pytest.raises(DataRefused) as refused:
        export_votes(project, validate(project), "csv")
    assert [p.code for p in refused.value.problems] == ["value-invalid"]


def test_the_sentences_add_reports_uncovered_are_counted_by_the_library(small):
    (small / "seeds" / "b.txt").write_text("The Council voted on Monday. A draft was vetoed.\n", encoding="utf-8")
    assert validate(load_project()).uncovered_by_seed() == {"b.txt": 2}
