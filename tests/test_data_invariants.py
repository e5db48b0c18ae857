"""The user's own data/, seeds/ and reports/: only what holds for any correct data.

These are the only tests that read the working tree's data/, seeds/ and reports/ (every other
test runs on tests/fixtures/project/ or on a project it builds). A researcher's additions, more
articles, records, years of seats or imported official votes, never turn them red while the data
are correct and `votes report` has been re-run:

- the records validate clean under `--strict`, and the data files are what their JSON Schemas allow;
- reports/ holds what `votes report` writes from the data, byte for byte (its text files);
- a draft recorded under the symbol of an official record kept below has that record's votes,
  outcome and vetoes; a symbol nobody recorded is skipped.

tests/test_tutorial.py runs this file on a copy of the repository one tutorial and one article of
2017 (with its year of seats) richer.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from conftest import ROOT
from votes import load_project, validate
from votes.read import parse_yaml

#: Official records of votes: symbol -> status, the members voting yes, no and abstaining, and the
#: permanent members whose no was a veto. Kept here, outside the data, so that records are checked
#: against them rather than copied from them.
OFFICIAL_RECORDS = {
    # 7785th meeting, 8 October 2016 (UN Digital Library, S/PV.7785; press release SC/12538)
    "S/2016/846": {"status": "vetoed", "yes": "EGY FRA GBR JPN MYS NZL SEN ESP UKR USA URY", "no": "RUS VEN",
                   "abstain": "AGO CHN", "vetoed_by": "RUS"},
    "S/2016/847": {"status": "failed", "yes": "CHN EGY RUS VEN", "no": "FRA GBR JPN MYS NZL SEN ESP UKR USA",
                   "abstain": "AGO URY", "vetoed_by": ""},
    # 7825th meeting, 5 December 2016 (S/PV.7825; press release SC/12609): the README tutorial's draft
    "S/2016/1026": {"status": "vetoed", "yes": "EGY FRA GBR JPN MYS NZL SEN ESP UKR USA URY", "no": "CHN RUS VEN",
                    "abstain": "AGO", "vetoed_by": "CHN RUS"},
    # 7922nd meeting, 12 April 2017 (S/PV.7922; press release SC/12791): the article test_tutorial adds
    "S/2017/315": {"status": "vetoed", "yes": "EGY FRA GBR ITA JPN SEN SWE UKR URY USA", "no": "BOL RUS",
                   "abstain": "CHN ETH KAZ", "vetoed_by": "RUS"},
}


def official_votes(symbol: str) -> dict[str, str]:
    record = OFFICIAL_RECORDS[symbol]
    return {code: vote for vote in ("yes", "no", "abstain") for code in record[vote].split()}


def _votes(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    """The command as the user runs it (this repository's package), in the repository or `cwd`."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-c", "from votes.cli import run; run()", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="module")
def user_project():
    """The working tree's data and seeds, loaded and validated as `votes validate` does there."""
    here = os.getcwd()
    os.chdir(ROOT)
    try:
        project = load_project()
        validation = validate(project)
    finally:
        os.chdir(here)
    return project, validation


def test_the_records_validate_clean_under_strict():
    result = _votes("validate", "--strict")
    assert result.returncode == 0, result.stdout + result.stderr
    # a seed whose headline restates a record it is cited for counts that headline apart (votes.render)
    summary = re.fullmatch(r"0 errors, 0 warnings in (\d+) drafts; (\d+) vote sentences in the seeds: "
                           r"(\d+) cited, (\d+) ignored, (\d+) reprinted, (?:(\d+) headlines? restating a record, )?"
                           r"0 uncovered\n", result.stdout)
    assert summary, result.stdout
    drafts, sentences, cited, ignored, reprinted, restated = (int(n or 0) for n in summary.groups())
    assert sentences == cited + ignored + reprinted + restated


def test_every_year_of_seats_has_the_councils_size_and_five_permanent_members(user_project):
    """Eleven seats before 1966 and fifteen since, five of them permanent: whatever years the council
    file holds (the shipped one, 1946 to today), each keeps the Charter's composition."""
    from votes.model import council_size

    council = user_project[0].council
    for year, seats in sorted(council.seats.items()):
        assert len(seats) == len(set(seats)) == council_size(year), year
        assert sum(council.is_permanent(code) for code in seats) == 5, year


@pytest.mark.parametrize("name", ["resolutions", "council"])
def test_the_data_files_are_what_their_schemas_allow(name):
    from test_fields import as_editor_reads

    path = ROOT / "data" / f"{name}.yaml"
    schema_path = ROOT / "votes" / "schemas" / f"{name}.schema.json"
    first = path.read_text(encoding="utf-8").splitlines()[0]
    if first.startswith("# yaml-language-server: $schema="):  # where a file names its schema, it is ours
        assert (path.parent / first.split("=", 1)[1]).resolve() == schema_path.resolve(), first
    tree = as_editor_reads(parse_yaml(path.read_text(encoding="utf-8"), path.name))
    jsonschema.validate(tree, json.loads(schema_path.read_text(encoding="utf-8")))


def test_the_committed_reports_are_what_the_data_produce(tmp_path):
    """`votes report` on a copy of data/ and seeds/ writes reports/ as committed (its text files).

    The copy keeps the seeds beside the report, so the report's links are the same; a report
    written with --include-sourced (it says so) is rebuilt that way."""
    committed = ROOT / "reports"
    for name in ("data", "seeds"):
        shutil.copytree(ROOT / name, tmp_path / name)
    text = (committed / "report.md").read_text(encoding="utf-8")
    options = ["--include-sourced"] if "); counted in agreement, blocs and cohesion." in text else []
    result = _votes("report", *options, cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    written = tmp_path / "reports"
    assert sorted(p.name for p in committed.iterdir()) == sorted(p.name for p in written.iterdir())
    for path in sorted(written.iterdir()):
        if path.suffix in (".md", ".csv"):
            assert (committed / path.name).read_bytes() == path.read_bytes(), \
                f"reports/{path.name} is not what the data produce: run `votes report` and commit what changed"


@pytest.mark.parametrize("symbol", list(OFFICIAL_RECORDS))
def test_a_draft_with_an_official_record_has_its_votes(user_project, symbol):
    from votes.tables import vote_rows

    project, validation = user_project
    drafts = [d for d in project.records.drafts if d.symbol == symbol]
    if not drafts:
        pytest.skip(f"no draft in data/resolutions.yaml has the symbol {symbol}")
    record = OFFICIAL_RECORDS[symbol]
    rows = vote_rows(project, validation)
    for draft in drafts:
        got = {row["member"]: row["vote"] for row in rows if row["draft_id"] == draft.id}
        assert got == official_votes(symbol), draft.id
        assert {row["basis"] for row in rows if row["draft_id"] == draft.id} <= {"quoted", "derived"}, draft.id
        assert draft.status == record["status"], draft.id
        check = validation.drafts[draft.id]
        assert sorted(check.vetoed_by) == sorted(record["vetoed_by"].split()), draft.id


def test_the_seeds_are_the_shared_seeds_byte_for_byte():
    """The articles the project was given, where the repository has them, are the ones received."""
    shared = ROOT.parent / "shared" / "seeds"
    if not shared.is_dir():
        pytest.skip("shared/ is not beside this checkout")
    for path in sorted(shared.iterdir()):
        assert (ROOT / "seeds" / path.name).read_bytes() == path.read_bytes(), path.name


def test_no_other_test_reads_the_users_data():
    """Package tests run on tests/fixtures/project/ (PROJECT) or projects they build; see conftest.py."""
    user_folders = re.compile(r"""ROOT\s*/\s*["'](?:data|seeds|reports)["']|chdir\(ROOT\)|cwd=ROOT\b""")
    readers = {path.name: [match.group(0) for match in user_folders.finditer(path.read_text(encoding="utf-8"))]
               for path in sorted((ROOT / "tests").glob("test_*.py")) if path.name != Path(__file__).name}
    assert {name: found for name, found in readers.items() if found} == {}
