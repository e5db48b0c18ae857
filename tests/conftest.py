"""Shared fixtures: the frozen fixture project, small projects built per case, golden files.

Where tests get their data
--------------------------
Package tests run on the **fixture project**, `tests/fixtures/project/` (`PROJECT`): a frozen copy of
the data/, seeds/ and seeds/MANIFEST.yaml the project shipped with (8 drafts, 5 articles), or on
smaller projects built per test (`mini`). They never read the working tree's data/, seeds/ or
reports/, which are the researcher's own and grow with every article added. Only
tests/test_data_invariants.py reads those, and only checks what holds for any correct data.

To move a test onto the fixture project: `monkeypatch.chdir(PROJECT)` where it said
`monkeypatch.chdir(ROOT)`, and `PROJECT / "data" / ...` where it said `ROOT / "data" / ...`; the
fixtures `shipped_project`, `shipped_drafts` and `shipped_copy` already read the fixture project.
A test must not write into PROJECT: `shipped_copy` is the copy to change. The session checks
at its end that no file of PROJECT changed.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import shutil
import tempfile
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

from votes import load_project, validate
from votes.cli import main

#: What votes keeps between runs (votes.cache) goes to a folder of the session's own, never the user's
#: ~/.cache: set before any test runs, so that the commands tests start in child processes use it too.
CACHE = Path(tempfile.mkdtemp(prefix="votes-test-cache-"))
os.environ["VOTES_CACHE"] = str(CACHE)

#: The repository: README.md, votes/, benchmarks/. Its data/, seeds/ and reports/ are the user's.
ROOT = Path(__file__).resolve().parent.parent
#: The frozen fixture project every package test runs on (data/, seeds/ as shipped).
PROJECT = Path(__file__).resolve().parent / "fixtures" / "project"
GOLDEN = Path(__file__).resolve().parent / "golden"
REGEN = os.environ.get("VOTES_REGEN_GOLDEN") == "1"

#: The drafts the fixture project holds: those the project shipped with.
SHIPPED_IDS = (
    "fr-es-aleppo-2016-10", "ru-aleppo-2016-10", "nz-aleppo-2016-10", "us-chemical-weapons-2016-10",
    "fr-icc-syria-2014-05", "syria-crackdown-2011-10", "syria-arab-league-plan-2012-02",
    "syria-chapter-vii-2012-07",
)


def _files_of(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="session", autouse=True)
def session_cache():
    """The session's cache folder (CACHE), removed when the session ends."""
    yield CACHE
    shutil.rmtree(CACHE, ignore_errors=True)


@pytest.fixture(scope="session", autouse=True)
def fixture_project_stays_frozen():
    """Fail the session if a test wrote into the fixture project, which every other test reads."""
    before = _files_of(PROJECT)
    yield
    after = _files_of(PROJECT)
    changed = sorted(name for name in before.keys() | after.keys() if before.get(name) != after.get(name))
    assert not changed, f"a test changed the fixture project {PROJECT}: {changed}; write into shipped_copy"


def assert_golden(name: str, text: str) -> None:
    """Compare with tests/golden/NAME; VOTES_REGEN_GOLDEN=1 rewrites it instead."""
    path = GOLDEN / name
    if REGEN:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="")
        return
    assert path.exists(), f"missing golden file {path}; run with VOTES_REGEN_GOLDEN=1"
    assert text == path.read_text(encoding="utf-8"), f"output differs from {path}"


@pytest.fixture(scope="session")
def shipped_project():
    """The fixture project, loaded and validated from its folder, so that paths read as a user
    sees them (data/resolutions.yaml, seeds/...)."""
    here = os.getcwd()
    os.chdir(PROJECT)
    try:
        project = load_project()
        validation = validate(project)
    finally:
        os.chdir(here)
    return project, validation


@pytest.fixture(scope="session")
def shipped_drafts(shipped_project):
    """The shipped drafts, validated: the fixture project holds these and only these."""
    return shipped_project


@pytest.fixture
def shipped_copy(tmp_path, monkeypatch):
    """A copy of the fixture project's data and seeds in a temporary folder, as the working folder."""
    for name in ("data", "seeds"):
        shutil.copytree(PROJECT / name, tmp_path / name)
    monkeypatch.chdir(tmp_path)
    return tmp_path


class Mini:
    """A small project: the fixture project's council, seeds written per test, records written per test."""

    def __init__(self, root: Path):
        self.root = root
        (root / "data").mkdir()
        (root / "seeds").mkdir()
        shutil.copy(PROJECT / "data" / "council.yaml", root / "data" / "council.yaml")

    def seed(self, name: str, text: str) -> None:
        (self.root / "seeds" / name).write_text(text, encoding="utf-8")

    def records(self, text: str) -> Path:
        path = self.root / "data" / "resolutions.yaml"
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
        return path

    def manifest(self, published: str | None = "2016-10-10", url: str | None = None) -> None:
        """Each seed's SHA-256 and, unless `published` is None, that publication date; `url`, that web address."""
        lines = ["seeds:"]
        for path in sorted((self.root / "seeds").glob("*.txt")):
            lines += [f"  {path.name}:", f"    sha256: {hashlib.sha256(path.read_bytes()).hexdigest()}"]
            if published:
                lines.append(f"    published: {published}")
            if url:
                lines.append(f"    url: {url}")
        (self.root / "seeds" / "MANIFEST.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")

    def validate(self):
        return validate(load_project())


@pytest.fixture
def mini(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return Mini(tmp_path)


@pytest.fixture
def cli():
    """Run the real command in-process; real exceptions are let through."""
    runner = CliRunner()

    def run(*args, ok_codes=(0,)):
        result = runner.invoke(main, list(args), catch_exceptions=False)
        assert result.exit_code in ok_codes, result.output + result.stderr
        return result

    return run


# A project over three years, with the Councils of 2016, 2017 and 2022: members who sat in different
# years never voted together. The Western members vote alike on every draft, and so do Russia, China,
# Venezuela and Bolivia; the others vary.
THREE_YEARS = {
    2016: "CHN FRA GBR RUS USA AGO EGY ESP JPN MYS NZL SEN UKR URY VEN",
    2017: "CHN FRA GBR RUS USA BOL EGY ETH ITA JPN KAZ SEN SWE UKR URY",
    2022: "CHN FRA GBR RUS USA ALB ARE BRA GAB GHA IND IRL KEN MEX NOR",
}
WEST = ("FRA", "GBR", "USA", "ESP", "JPN", "NZL", "UKR", "ITA", "SWE", "ALB", "IRL", "NOR")
EAST = ("CHN", "RUS", "VEN", "BOL")
# each draft: its date, the West's vote, the East's vote, the others' votes (a member left out: unknown)
THREE_YEAR_DRAFTS = [
    (dt.date(2016, 10, 8), "yes", "no", {"AGO": "abstain", "EGY": "yes", "MYS": "yes", "SEN": "yes", "URY": "yes"}),
    (dt.date(2016, 10, 8), "no", "yes", {"AGO": "abstain", "EGY": "yes", "MYS": "no", "URY": "abstain"}),
    (dt.date(2016, 12, 5), "yes", "no", {"AGO": "abstain", "EGY": "yes", "MYS": "yes", "SEN": "yes", "URY": "yes"}),
    (dt.date(2017, 2, 28), "yes", "no", {"EGY": "abstain", "ETH": "abstain", "KAZ": "abstain", "SEN": "yes"}),
    (dt.date(2017, 4, 12), "yes", "no", {"EGY": "yes", "ETH": "abstain", "KAZ": "abstain", "SEN": "yes",
                                         "URY": "yes"}),
    (dt.date(2022, 2, 25), "yes", "no", {"ARE": "abstain", "BRA": "yes", "GAB": "yes", "GHA": "yes",
                                         "IND": "abstain", "KEN": "yes", "MEX": "yes"}),
    (dt.date(2022, 9, 30), "yes", "no", {"ARE": "yes", "BRA": "abstain", "GAB": "abstain", "GHA": "yes",
                                         "IND": "abstain", "KEN": "yes"}),
]


def three_year_project():
    """The project of THREE_YEARS and THREE_YEAR_DRAFTS, in memory (every vote known but where left out)."""
    from votes.model import Council, Draft, Loc, Member, Records
    from votes.project import Project

    seats = {year: tuple(codes.split()) for year, codes in THREE_YEARS.items()}
    members = {code: Member(code, f"Member {code}", code in ("CHN", "FRA", "GBR", "RUS", "USA"), (code,), Loc(1, 1))
               for codes in seats.values() for code in codes}
    drafts = []
    for i, (day, west, east, others) in enumerate(THREE_YEAR_DRAFTS):
        votes = {code: west if code in WEST else east if code in EAST else others.get(code)
                 for code in seats[day.year]}
        draft = Draft(f"d{i}", f"Draft d{i}", day, "failed", Loc(1, 1))
        draft.votes = {code: vote for code, vote in votes.items() if vote}
        drafts.append(draft)
    council = Council("council.yaml", members, seats, {})
    return Project(Records("resolutions.yaml", drafts, []), council, Path("seeds"), {}, None)


@pytest.fixture
def three_years():
    return three_year_project()


#: A procedural decision of 2016 adopted over Russia's no (Article 27(2)): 11 yes, 1 no, 3 abstentions.
PROCEDURAL_RECORD = """
    drafts:
      - id: uniting
        title: A referral to the General Assembly
        date: 2016-02-27
        status: adopted
        procedural: true
        votes: {CHN: yes, FRA: yes, GBR: yes, RUS: no, USA: yes, AGO: abstain, EGY: yes, ESP: yes, JPN: yes,
                MYS: yes, NZL: yes, SEN: abstain, UKR: yes, URY: abstain, VEN: yes}
    """
