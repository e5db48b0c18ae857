"""The README's "Adding an article" tutorial, run as it stands on a copy of the project; then the
copy, one correct article and record richer, passes the checks of the shipped data."""

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

from conftest import ROOT

SECTION = "## Adding an article"
#: The seed name the README's records use: what `votes add` gives the article in the shipped project.
README_SEED = "005_fcef2dc81fbfd135.txt"
#: The official record of the 7825th meeting, 5 December 2016 (UN Digital Library, S/PV.7825), kept
#: here to check the record the tutorial builds from the article.
#: The id `votes suggest` gives the record: drafters, outcome, month.
NEW_DRAFT = "egy-esp-nzl-vetoed-2016-12"
S_2016_1026 = {"yes": "EGY FRA GBR JPN MYS NZL SEN ESP UKR USA URY", "no": "CHN RUS VEN", "abstain": "AGO"}


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
    its title) or the new ignore entry's reason with the block."""
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


@pytest.fixture(scope="module")
def followed(tmp_path_factory):
    """A copy of the project after the tutorial's steps; each step must succeed."""
    root = tmp_path_factory.mktemp("tutorial") / "votes"
    shutil.copytree(ROOT, root, ignore=shutil.ignore_patterns(".venv", ".git", "__pycache__", ".pytest_cache",
                                                               "*.egg-info", ".hypothesis"))
    steps = tutorial_steps()
    assert [kind for kind, _ in steps] == ["sh"] * 3 + ["yaml"] * 2 + ["sh"] * 2, steps
    seed = README_SEED
    outputs = []
    for kind, body in steps:
        if kind == "yaml":
            review(root / "data" / "resolutions.yaml", body)
            continue
        body = body.replace(README_SEED, seed)
        result = run(body, root)
        assert result.returncode == 0, f"$ {body}\n{result.stdout}{result.stderr}"
        outputs.append((body.replace(seed, README_SEED), result.stdout))
        added = re.match(r"added seeds/(\S+) from ", result.stdout)
        if added:
            seed = added.group(1)
    return root, seed, outputs


def test_the_tutorial_gives_a_clean_record_whose_votes_match_the_article(followed):
    root, seed, outputs = followed
    commands = [command for command, _ in outputs]
    assert commands == ["votes add tests/fixtures/articles/aleppo-truce-veto.txt",
                        f"votes suggest {README_SEED}", f"votes suggest {README_SEED} --append",
                        "votes validate --strict", "votes report"]
    strict = dict(outputs)["votes validate --strict"]
    assert strict.startswith("0 errors, 0 warnings in "), strict
    rows = list(csv.DictReader(io.StringIO(run("votes export", root).stdout)))
    got = {row["member"]: row["vote"] for row in rows if row["draft_id"] == NEW_DRAFT}
    assert got == {code: vote for vote, codes in S_2016_1026.items() for code in codes.split()}
    assert {row["basis"] for row in rows if row["draft_id"] == NEW_DRAFT} == {"quoted", "derived"}
    shown = run(f"votes show {NEW_DRAFT}", root)
    assert shown.returncode == 0 and shown.stdout.startswith(f"{NEW_DRAFT}\n")


def test_the_readme_shows_what_votes_add_prints(followed):
    root, seed, outputs = followed
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    printed = outputs[0][1]
    if seed == README_SEED:  # in the shipped project; a researcher's own seeds shift the number
        assert f"```\n{printed}```" in text
        assert f"```\n{outputs[1][1]}```" in text  # what `votes suggest` proposes
    entry = (root / "seeds" / "MANIFEST.yaml").read_text(encoding="utf-8").split(f"  {seed}:\n", 1)[1]
    assert entry.startswith("    sha256: ") and "    published: 2016-12-05\n" in entry


def test_the_richer_project_passes_the_checks_of_the_shipped_data(followed):
    """One more correct article and record, and the report rewritten as the tutorial does: the
    suite's checks of the shipped data still pass on it."""
    root, _, _ = followed
    result = run(f"{sys.executable} -m pytest -q -p no:cacheprovider tests/test_shipped.py tests/test_cli.py "
                 "tests/test_report.py tests/test_analysis.py tests/test_charts.py", root)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
