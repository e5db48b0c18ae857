"""The README's "Adding an article" tutorial, run as it stands on a copy of the repository whose data
and seeds are the fixture project's; then the copy, one more article, year of seats and record richer
(with `votes report` re-run, as the loop says), passes the tests of the user's data."""

from __future__ import annotations

import csv
import io
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import PROJECT, ROOT
from test_data_invariants import official_votes

SECTION = "## Adding an article"
#: The seed name the README's records use: what `votes add` gives the article in the fixture project.
README_SEED = "005_fcef2dc81fbfd135.txt"
#: The id `votes suggest` gives the record: drafters, outcome, month.
NEW_DRAFT = "egy-esp-nzl-vetoed-2016-12"

#: What a researcher adds after the tutorial, written for this test: an article on the veto of
#: 12 April 2017 (S/2017/315), the Council of 2017 (its five new members and its seats; source: the
#: UN's list of Security Council members by year), and the record with its evidence.
ARTICLE_2017 = Path(__file__).resolve().parent / "fixtures" / "articles" / "khan-shaykhun-veto.txt"
MEMBERS_2017 = """\
  # elected members, 2017 (with EGY, JPN, SEN, UKR, URY)
  BOL:
    name: Bolivia (Plurinational State of)
    permanent: false
    names: [Bolivia, Bolivian]
  ETH:
    name: Ethiopia
    permanent: false
    names: [Ethiopia, Ethiopian]
  ITA:
    name: Italy
    permanent: false
    names: [Italy, Italian]
  KAZ:
    name: Kazakhstan
    permanent: false
    names: [Kazakhstan]
  SWE:
    name: Sweden
    permanent: false
    names: [Sweden, Swedish]

"""
SEATS_2017 = "  2017: [CHN, FRA, GBR, RUS, USA, BOL, EGY, ETH, ITA, JPN, KAZ, SEN, SWE, UKR, URY]\n"
RECORD_2017 = """\
  - id: khan-shaykhun-2017-04
    symbol: S/2017/315
    meeting: S/PV.7922
    title: British-French-US draft condemning the chemical attack on Khan Shaykhun
    date: 2017-04-12
    status: vetoed
    drafted_by: [FRA, GBR, USA]
    votes:
      RUS: no
      BOL: no
      CHN: abstain
      ETH: abstain
      KAZ: abstain
      # "received 10 votes in favor": the ten others
      EGY: yes
      FRA: yes
      GBR: yes
      ITA: yes
      JPN: yes
      SEN: yes
      SWE: yes
      UKR: yes
      URY: yes
      USA: yes
    tally: {yes: 10, no: 2, abstain: 3}
    evidence:
      - seed: {seed}
        quote: Russia on Wednesday vetoed a U.N. Security Council draft resolution
        supports: [votes.RUS, status, date]
      - seed: {seed}
        quote: The text, drafted by Britain, France and the United States, received 10 votes in favor.
        supports: [drafted_by, tally.yes, votes.others]
      - seed: {seed}
        quote: Bolivia joined Russia in voting against it, while China, Ethiopia and Kazakhstan abstained.
        supports: [votes.BOL, votes.CHN, votes.ETH, votes.KAZ]
      - source: "UN Digital Library: S/PV.7922, 12 April 2017"
        supports: [symbol, meeting]
"""
IGNORE_2017 = """\
  - seed: {seed}
    quote: Russia vetoes U.N. demand for inquiry into Syria gas attack
    reason: the headline; the article's first sentence is cited
  - seed: {seed}
    quote: It was the eighth time Russia has used its veto
    reason: Russia's vetoes on Syria counted over the years, no record of one
  - seed: {seed}
    quote: The U.S. envoy told the council after the vote that Moscow had isolated itself.
    reason: a reaction after the vote
"""
#: The tutorial's record with the symbol and meeting from the UN record, as the tutorial suggests.
SYMBOL_1026 = ("    symbol: S/2016/1026\n    meeting: S/PV.7825\n",
               '      - source: "UN Digital Library: S/PV.7825, 5 December 2016"\n'
               "        supports: [symbol, meeting]\n")


def tutorial_steps() -> list[tuple[str, str]]:
    """The section's ```sh and ```yaml blocks, in order: ("sh", command) and ("yaml", text)."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    start = text.index(SECTION)
    section = text[start:text.index("\n## ", start + len(SECTION))]
    steps = []
    for kind, body in re.findall(r"```(sh|yaml)\n(.*?)```", section, re.S):
        if kind == "sh":
            steps += [("sh", line) for line in body.splitlines() if line.strip()]
        else:
            steps.append(("yaml", body))
    return steps


def review(records: Path, block: str) -> None:
    """Do what a review block's first line says: replace the record's head (from its first comment to
    its title), or a new ignore entry's reason, with the block."""
    where, body = block.split("\n", 1)
    lines = records.read_text(encoding="utf-8").splitlines(keepends=True)
    if where == "# in data/resolutions.yaml, from the new record's first comment to its title:":
        first = next(i for i, line in enumerate(lines) if "# suggested by `votes suggest`: unreviewed" in line)
        last = next(i for i in range(first, len(lines)) if lines[i].startswith("    title: "))
    elif where == "# in data/resolutions.yaml, the new ignore entry's reason:":
        first = last = next(i for i, line in enumerate(lines) if line.startswith('    reason: "TODO:'))
    else:
        raise AssertionError(f"the tutorial does not say where this goes: {where!r}")
    lines[first:last + 1] = [body]
    records.write_text("".join(lines), encoding="utf-8")


def run(command: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"}
    return subprocess.run(command, shell=True, cwd=cwd, env=env, capture_output=True, text=True, timeout=300)


def ok(command: str, cwd: Path) -> str:
    result = run(command, cwd)
    assert result.returncode == 0, f"$ {command}\n{result.stdout}{result.stderr}"
    return result.stdout


def repository_with_the_fixture_data(root: Path) -> Path:
    """A copy of the repository (package, tests, README) whose data/ and seeds/ are the fixture
    project's and which has no reports/ yet: what the tutorial was written for, whatever the
    researcher's own data/, seeds/ and reports/ hold."""
    own = {"data", "seeds", "reports", ".venv", ".git", ".hypothesis", ".pytest_cache", "build"}

    def leave_out(folder: str, names: list[str]) -> list[str]:
        top = Path(folder) == ROOT
        return [n for n in names if (top and n in own) or n == "__pycache__" or n.endswith(".egg-info")]

    shutil.copytree(ROOT, root, ignore=leave_out)
    for name in ("data", "seeds"):
        shutil.copytree(PROJECT / name, root / name)
    return root


def follow_the_tutorial(root: Path) -> tuple[str, list[tuple[str, str]]]:
    """The tutorial's steps in the copy at `root`, each of which must succeed: the seed `votes add`
    named, and each command (as the README writes it) with what it printed."""
    steps = tutorial_steps()
    assert [kind for kind, _ in steps] == ["sh"] * 3 + ["yaml"] + ["sh"] * 2, steps
    seed = README_SEED
    outputs = []
    for kind, body in steps:
        if kind == "yaml":
            review(root / "data" / "resolutions.yaml", body)
            continue
        body = body.replace(README_SEED, seed)
        outputs.append((body.replace(seed, README_SEED), ok(body, root)))
        added = re.match(r"added seeds/(\S+) from ", outputs[-1][1])
        if added:
            seed = added.group(1)
    return seed, outputs


@pytest.fixture(scope="module")
def followed(tmp_path_factory):
    """A copy of the repository with the fixture data, after the tutorial's steps."""
    root = repository_with_the_fixture_data(tmp_path_factory.mktemp("tutorial") / "votes")
    seed, outputs = follow_the_tutorial(root)
    return root, seed, outputs


def test_the_tutorial_gives_a_clean_record_whose_votes_match_the_article(followed):
    root, seed, outputs = followed
    commands = [command for command, _ in outputs]
    assert commands == ["votes add tests/fixtures/articles/aleppo-truce-veto.txt",
                        f"votes suggest {README_SEED}", f"votes suggest {README_SEED} --append",
                        "votes validate --strict", "votes report"]
    strict = dict(outputs)["votes validate --strict"]
    assert strict.startswith("0 errors, 0 warnings in 9 drafts"), strict
    rows = list(csv.DictReader(io.StringIO(ok("votes export", root))))
    assert {row["member"]: row["vote"] for row in rows if row["draft_id"] == NEW_DRAFT} == official_votes("S/2016/1026")
    assert {row["basis"] for row in rows if row["draft_id"] == NEW_DRAFT} == {"quoted", "derived"}
    assert ok(f"votes show {NEW_DRAFT}", root).startswith(f"{NEW_DRAFT}\n")


def test_the_readme_shows_what_votes_add_and_suggest_print(followed):
    root, seed, outputs = followed
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert seed == README_SEED
    assert f"```\n{outputs[0][1]}```" in text  # what `votes add` prints
    assert f"```\n{outputs[1][1]}```" in text  # what `votes suggest` proposes
    entry = (root / "seeds" / "MANIFEST.yaml").read_text(encoding="utf-8").split(f"  {seed}:\n", 1)[1]
    assert entry.startswith("    sha256: ") and "    published: 2016-12-05\n" in entry


def add_the_article_of_2017(root: Path) -> str:
    """What a researcher does next: the Council of 2017, the article (its seed name is returned),
    its record and ignore entries, and the symbol and meeting of the tutorial's draft."""
    council = root / "data" / "council.yaml"
    text = council.read_text(encoding="utf-8")
    if not re.search(r"^  2017: \[", text, re.M):  # a council file that stops before 2017 needs its year
        last_year = re.search(r"^  2016: \[.*\]\n", text, re.M)
        text = text[:last_year.end()] + SEATS_2017 + text[last_year.end():]
        at = text.index("\nseats:\n") + 1
        council.write_text(text[:at] + MEMBERS_2017 + text[at:], encoding="utf-8")
    added = ok(f"votes add {ARTICLE_2017.relative_to(ROOT).as_posix()}", root)
    seed = re.match(r"added seeds/(\S+) from ", added).group(1)
    records = root / "data" / "resolutions.yaml"
    text = records.read_text(encoding="utf-8")
    draft = text.index(f"  - id: {NEW_DRAFT}\n")
    head = text.index("\n", draft) + 1
    text = text[:head] + SYMBOL_1026[0] + text[head:]
    evidence = text.index("    evidence:\n", draft) + len("    evidence:\n")
    text = text[:evidence] + SYMBOL_1026[1] + text[evidence:]
    at = text.index("\nignore:")
    text = text[:at].rstrip("\n") + "\n\n" + RECORD_2017.replace("{seed}", seed) + text[at:]
    records.write_text(text.rstrip("\n") + "\n" + IGNORE_2017.replace("{seed}", seed), encoding="utf-8")
    return seed


def grow_the_project(root: Path) -> str:
    """The article of 2017 added to the copy at `root` after the tutorial, then `votes validate
    --strict` (what it printed is returned) and `votes report`, as the researcher's loop goes."""
    add_the_article_of_2017(root)
    strict = ok("votes validate --strict", root)
    ok("votes report", root)
    return strict


def richer_repository(root: Path) -> Path:
    """A copy of the repository at `root`, one tutorial and one article of 2017 richer than the
    fixture project; .ci/run runs the whole suite in it."""
    repository_with_the_fixture_data(root)
    follow_the_tutorial(root)
    grow_the_project(root)
    return root


@pytest.fixture(scope="module")
def richer(followed):
    root, _, _ = followed
    return root, grow_the_project(root)


def test_the_article_of_2017_is_recorded_clean_with_its_year_of_seats(richer):
    root, strict = richer
    assert strict.startswith("0 errors, 0 warnings in 10 drafts;"), strict
    rows = list(csv.DictReader(io.StringIO(ok("votes export", root))))
    assert {row["member"]: row["vote"] for row in rows if row["draft_id"] == "khan-shaykhun-2017-04"} == \
        official_votes("S/2017/315")
    power = ok("votes power", root)
    pivots = power[power.index("(khan-shaykhun-2017-04)"):]
    assert "vetoes (permanent no with the quota reached): RUS\n" in pivots.split("\n\n")[0]


def test_the_richer_project_passes_the_tests_of_the_users_data(richer):
    """Every test that reads the user's data/, seeds/ and reports/ passes on the copy, and checks
    all four drafts it holds an official record of (none is skipped for want of its symbol)."""
    root, _ = richer
    result = run(f"{sys.executable} -m pytest -q -rs -p no:cacheprovider tests/test_data_invariants.py", root)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert "has the symbol" not in result.stdout, result.stdout
