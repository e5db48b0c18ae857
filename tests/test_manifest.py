"""Registering articles and keeping the manifest: nothing it holds is ever lost."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import PROJECT
from votes import VotesError, load_project
from votes.manifest import _read_manifest, add_articles, next_number, seed_name, updated_manifest, write_manifest
from votes.checks.drift import drift as check_drift

ARTICLES = Path(__file__).resolve().parent / "fixtures" / "articles"
VETO = ARTICLES / "aleppo-truce-veto.txt"
VETO_SHA = hashlib.sha256(VETO.read_bytes()).hexdigest()


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


MANIFEST = """\
# my notes on the seeds: where each came from
seeds:
  000_one.txt:
    sha256: {one}
    outlet: Reuters   # checked by hand
    title: "One: a story"
    published: 2016-10-08
    covers: >-
      the first story,
      in two lines
"""


@pytest.fixture
def seeds(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "seeds"
    folder.mkdir()
    (folder / "000_one.txt").write_text("One story.\n", encoding="utf-8")
    (folder / "MANIFEST.yaml").write_text(MANIFEST.format(one=sha(folder / "000_one.txt")), encoding="utf-8")
    return folder


def files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_names():
    assert seed_name(5, VETO_SHA) == f"005_{VETO_SHA[:16]}.txt"
    assert seed_name(1234, VETO_SHA).startswith("1234_")
    assert next_number(["000_a.txt", "004_b.txt", "notes.txt", "12x.txt"]) == 5
    assert next_number([]) == 0


def test_add_copies_the_article_and_appends_its_entry(seeds):
    before = (seeds / "MANIFEST.yaml").read_text(encoding="utf-8")
    added = add_articles([VETO], seeds)
    name = f"001_{VETO_SHA[:16]}.txt"
    assert [a.name for a in added] == [name]
    assert (seeds / name).read_bytes() == VETO.read_bytes()
    assert (seeds / "MANIFEST.yaml").read_text(encoding="utf-8") == before + (
        f"  {name}:\n"
        f"    sha256: {VETO_SHA}\n"
        "    outlet: Reuters\n"
        "    title: Russia and China block U.N. demand for Aleppo truce\n"
        "    published: 2016-12-05\n")
    assert not [p for p in seeds.iterdir() if p.name.startswith(".")]  # no temporary files left


def test_added_seeds_pass_the_drift_check(seeds, tmp_path):
    add_articles([VETO, ARTICLES / "un-press-release.txt"], seeds)
    (tmp_path / "data").mkdir()
    shutil.copy(PROJECT / "data" / "council.yaml", tmp_path / "data" / "council.yaml")
    (tmp_path / "data" / "resolutions.yaml").write_text("drafts: []\n", encoding="utf-8")
    project = load_project()
    assert list(check_drift(project)) == [] and project.problems == []
    entry = project.manifest.entries["002_" + sha(ARTICLES / "un-press-release.txt")[:16] + ".txt"]
    assert (entry.outlet, entry.title) == ("UN press release SC/12538",
                                           "Council rejects rival texts on Aleppo as veto blocks French-Spanish draft")


def test_add_keeps_names_on_request_and_refuses_a_taken_one(seeds):
    add_articles([VETO], seeds, keep_names=True)
    assert (seeds / "aleppo-truce-veto.txt").read_bytes() == VETO.read_bytes()
    other = seeds.parent / "aleppo-truce-veto.txt"
    other.write_text("Another story with the same name.\n", encoding="utf-8")
    before = files(seeds)
    with pytest.raises(VotesError, match="seeds/aleppo-truce-veto.txt is taken; leave out --keep-names"):
        add_articles([other], seeds, keep_names=True)
    assert files(seeds) == before


@pytest.mark.parametrize("content, message", [
    (None, "no such file"),
    (b"", "is empty"),
    (b"caf\xe9 au lait\n", "byte 0xe9 at offset 3 is not UTF-8"),
    (b"a\x00b\n", "holds NUL bytes"),
    ("same", "already a seed, as seeds/000_one.txt"),
])
def test_add_refuses_bad_articles_and_writes_nothing(seeds, content, message):
    bad = seeds.parent / "bad.txt"
    if content == "same":
        shutil.copy(seeds / "000_one.txt", bad)
    elif content is not None:
        bad.write_bytes(content)
    before = files(seeds)
    with pytest.raises(VotesError, match=message):
        add_articles([VETO, bad], seeds)  # the good one first: all or nothing
    assert files(seeds) == before


def test_add_twice_the_same_text_in_one_call(seeds):
    copy = seeds.parent / "copy.txt"
    shutil.copy(VETO, copy)
    with pytest.raises(VotesError, match="copy.txt: the same text as"):
        add_articles([VETO, copy], seeds)


def test_add_starts_a_manifest_when_there_is_none(seeds):
    (seeds / "MANIFEST.yaml").unlink()
    add_articles([ARTICLES / "no-year.txt"], seeds)
    text = (seeds / "MANIFEST.yaml").read_text(encoding="utf-8")
    name = "001_" + sha(ARTICLES / "no-year.txt")[:16] + ".txt"
    assert text.startswith("# The seeds as received") and text.endswith(
        f"\nseeds:\n  {name}:\n    sha256: {sha(ARTICLES / 'no-year.txt')}\n    outlet: Reuters\n")


def test_add_refuses_a_broken_manifest(seeds):
    (seeds / "MANIFEST.yaml").write_text("seeds:\n  000_one.txt: {sha256: [\n", encoding="utf-8")
    before = files(seeds)
    with pytest.raises(VotesError, match="not changing seeds/MANIFEST.yaml: fix the errors above first"):
        add_articles([VETO], seeds)
    assert files(seeds) == before


def test_add_refuses_a_flow_style_manifest(seeds):
    (seeds / "MANIFEST.yaml").write_text(f"seeds: {{000_one.txt: {{sha256: {sha(seeds / '000_one.txt')}}}}}\n",
                                         encoding="utf-8")
    with pytest.raises(VotesError, match="flow style"):
        add_articles([VETO], seeds)


def test_update_keeps_everything_and_changes_only_the_hash(seeds):
    (seeds / "000_one.txt").write_text("One story, edited.\n", encoding="utf-8")
    (seeds / "002_two.txt").write_text("BEIRUT (AFP) - Two.\n", encoding="utf-8")
    old = (seeds / "MANIFEST.yaml").read_text(encoding="utf-8")
    update = write_manifest(seeds)
    assert (update.listed, update.rehashed, update.orphans) == (["002_two.txt"], ["000_one.txt"], [])
    new = (seeds / "MANIFEST.yaml").read_text(encoding="utf-8")
    # the comments, the quoted title, the folded note: all as they were; one hash replaced, one entry added
    assert new == MANIFEST.format(one=sha(seeds / "000_one.txt")) + (
        f"  002_two.txt:\n    sha256: {sha(seeds / '002_two.txt')}\n    outlet: AFP\n")
    assert old != new and write_manifest(seeds).changed is False


def test_update_keeps_the_entry_of_a_missing_seed(seeds):
    (seeds / "000_one.txt").unlink()
    update = updated_manifest(seeds)
    assert update.orphans == ["000_one.txt"] and update.text == (seeds / "MANIFEST.yaml").read_text(encoding="utf-8")


def test_update_keeps_crlf_and_a_bom(seeds):
    text = MANIFEST.format(one=sha(seeds / "000_one.txt")).replace("\n", "\r\n")
    (seeds / "MANIFEST.yaml").write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    (seeds / "001_two.txt").write_text("Two.\n", encoding="utf-8")
    write_manifest(seeds)
    raw = (seeds / "MANIFEST.yaml").read_bytes()
    assert raw == b"\xef\xbb\xbf" + (text + f"  001_two.txt:\r\n    sha256: {sha(seeds / '001_two.txt')}\r\n"
                                     ).encode("utf-8")


# --- through the command --------------------------------------------------------------------------

@pytest.fixture
def project(shipped_copy):
    return shipped_copy


def test_votes_add_reports_what_it_found(project, cli):
    result = cli("add", str(VETO))
    name = f"005_{VETO_SHA[:16]}.txt"
    assert result.output == (
        f"added seeds/{name} from {VETO.as_posix()}\n"
        "    outlet Reuters; title 'Russia and China block U.N. demand for Aleppo truce'; published 2016-12-05\n"
        f"    3 sentences report a vote, veto or draft that no record cites yet: `votes suggest {name}` proposes "
        "records for them\n")
    assert (project / "seeds" / name).read_bytes() == VETO.read_bytes()
    result = cli("add", str(VETO), ok_codes=(2,))
    assert result.output == f"Error: {VETO.as_posix()}: already a seed, as seeds/{name}\n"


def test_votes_add_published_and_outlet_are_written_for_every_article_of_the_call(project, cli):
    undated = project / "undated.txt"
    undated.write_text("Russia vetoes text\n\nRussia vetoed the draft on Monday.\n", encoding="utf-8")
    cli("add", "--published", "2016-12-05", "--outlet", "Le Monde", str(undated), str(VETO))
    manifest = (project / "seeds" / "MANIFEST.yaml").read_text(encoding="utf-8")
    for name in (f"005_{sha(undated)[:16]}.txt", f"006_{VETO_SHA[:16]}.txt"):
        entry = manifest.split(f"  {name}:\n", 1)[1].split("\n  0", 1)[0]
        assert "    outlet: Le Monde\n" in entry and "    published: 2016-12-05" in entry, entry


def test_votes_add_url_is_written_and_dates_an_article_its_text_does_not(project, cli):
    undated = project / "undated.txt"
    undated.write_text("Russia vetoes text\n\nRussia vetoed the draft on Monday.\n", encoding="utf-8")
    url = "https://www.example.org/world/2016/12/05/russia-vetoes-text"
    result = cli("add", "--url", url, str(undated))
    name = f"005_{sha(undated)[:16]}.txt"
    assert result.output.splitlines()[1] == "    no outlet found; title 'Russia vetoes text'; dated 2016-12-05 by its URL"
    manifest = (project / "seeds" / "MANIFEST.yaml").read_text(encoding="utf-8")
    assert manifest.endswith(f'  {name}:\n    sha256: {sha(undated)}\n    url: "{url}"\n    title: Russia vetoes text\n')


@pytest.mark.parametrize("args, message", [
    (["--url", "https://example.org/a b"], "--url 'https://example.org/a b': a web address is one word, such as "
                                           "https://www.reuters.com/..."),
    (["--url", "https://example.org/2016/12/05/a", "OTHER"], "--url names the address of one article; 2 were given: "
                                                            "add them one at a time"),
])
def test_votes_add_refuses_a_bad_url_and_writes_nothing(project, cli, args, message):
    other = project / "other.txt"
    other.write_text("Another story.\n", encoding="utf-8")
    before = files(project / "seeds")
    result = cli("add", *[str(other) if a == "OTHER" else a for a in args], str(VETO), ok_codes=(2,))
    assert result.stderr.strip().splitlines()[-1] == f"Error: {message}"
    assert files(project / "seeds") == before


@pytest.mark.parametrize("option, value, message", [
    ("--published", "2016-02-30", "Invalid value for '--published': '2016-02-30' is not a real day "
                                  "(day is out of range for month)"),
    ("--published", "5 December 2016", "Invalid value for '--published': '5 December 2016' is not a date in the "
                                       "form YYYY-MM-DD, such as 2016-12-05"),
    ("--outlet", " ", "--outlet ' ': an outlet is a name on one line, such as Reuters"),
    ("--outlet", "Reuters\nseeds:", "--outlet 'Reuters\\nseeds:': an outlet is a name on one line, such as Reuters"),
])
def test_votes_add_refuses_a_bad_date_or_outlet_and_writes_nothing(project, cli, option, value, message):
    before = files(project / "seeds")
    result = cli("add", option, value, str(VETO), ok_codes=(2,))
    assert result.stderr.strip().splitlines()[-1] == f"Error: {message}"
    assert files(project / "seeds") == before


def test_votes_manifest_prints_the_manifest_as_it_stands_when_current(project, cli):
    assert cli("manifest").output == (project / "seeds" / "MANIFEST.yaml").read_text(encoding="utf-8")


def test_votes_manifest_check_and_write(project, cli):
    result = cli("manifest", "--check")
    assert result.output == "seeds/MANIFEST.yaml: lists the 5 seeds with their current SHA-256\n"
    shutil.copy(VETO, project / "seeds" / "new.txt")
    result = cli("manifest", "--check", ok_codes=(1,))
    assert result.output == (
        "seeds/new.txt:1:1: warning[seed-unlisted] seed new.txt: new.txt is not listed in MANIFEST.yaml\n"
        "    hint: add it: run `votes manifest --write`, or `votes add` for articles not yet copied\n"
        "seeds/MANIFEST.yaml: 1 warning; `votes manifest --write` lists new seeds and takes changed hashes\n")
    before = (project / "seeds" / "MANIFEST.yaml").read_text(encoding="utf-8")
    assert cli("manifest", "--write").output == "seeds/MANIFEST.yaml: listed new.txt\n"
    after = (project / "seeds" / "MANIFEST.yaml").read_text(encoding="utf-8")
    assert after.startswith(before) and "published: 2016-12-05" in after[len(before):]
    assert cli("manifest", "--write").output == "seeds/MANIFEST.yaml: up to date\n"
    cli("manifest", "--check")
    result = cli("manifest", "--check", "--write", ok_codes=(2,))
    assert result.output == "Error: --check and --write cannot be used together\n"


def test_votes_manifest_write_refuses_a_broken_manifest(project, cli):
    path = project / "seeds" / "MANIFEST.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "  oops: [\n", encoding="utf-8")
    before = path.read_bytes()
    result = cli("manifest", "--write", ok_codes=(1,))
    assert "error[yaml-syntax]" in result.stderr
    assert result.stderr.endswith("votes: not changing seeds/MANIFEST.yaml: fix the errors above first\n")
    assert path.read_bytes() == before


def _votes(cwd: Path, shell_command: str):
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"}
    return subprocess.run(shell_command, shell=True, cwd=cwd, capture_output=True, text=True, env=env)


def test_printing_the_manifest_over_itself_is_refused(project):
    result = _votes(project, "votes manifest > seeds/MANIFEST.yaml")
    assert result.returncode == 2
    assert result.stderr == (
        "Error: standard output is seeds/MANIFEST.yaml itself, which the shell emptied before votes could read it: "
        "restore it (for instance `git checkout -- seeds/MANIFEST.yaml`), then run `votes manifest --write`, "
        "which updates it in place and keeps what it holds\n")
    before = (PROJECT / "seeds" / "MANIFEST.yaml").read_bytes()
    shutil.copy(PROJECT / "seeds" / "MANIFEST.yaml", project / "seeds" / "MANIFEST.yaml")
    assert _votes(project, "votes manifest >> seeds/MANIFEST.yaml").returncode == 2
    assert (project / "seeds" / "MANIFEST.yaml").read_bytes() == before
    result = _votes(project, "votes manifest > manifest-copy.yaml")
    assert result.returncode == 0 and (project / "manifest-copy.yaml").read_bytes() == before


# --- any manifest a person may write: the edit keeps all of it ------------------------------------

_VALUES = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zl", "Zp")), min_size=1,
                  max_size=30).filter(lambda s: s.strip() == s)


def _quoted(value: str, style: str) -> str:
    import json

    if style == "double":
        return json.dumps(value, ensure_ascii=False)
    if style == "single":
        return "'" + value.replace("'", "''") + "'"
    return value


@st.composite
def manifests(draw):
    """A manifest in one person's style: indentation, quoting, comments, line ends, final newline."""
    indent = draw(st.sampled_from([1, 2, 4]))
    inner = indent + draw(st.sampled_from([1, 2, 4]))
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    count = draw(st.integers(1, 4))
    files = {f"{n:03d}_s.txt": f"Story {n}.\n" for n in range(count)}
    lines = []
    if draw(st.booleans()):
        lines.append("# " + draw(_VALUES))
    lines.append("seeds:" + (" # the seeds" if draw(st.booleans()) else ""))
    meta = {}
    for name, text in files.items():
        lines.append(" " * indent + f"{name}:")
        sha_style = draw(st.sampled_from(["plain", "double", "single"]))
        lines.append(" " * inner + "sha256: " + _quoted(hashlib.sha256(text.encode()).hexdigest(), sha_style))
        outlet = draw(st.one_of(st.none(), _VALUES))
        if outlet is not None:
            lines.append(" " * inner + "outlet: " + _quoted(outlet, draw(st.sampled_from(["double", "single"]))))
        if draw(st.booleans()):
            lines.append(" " * inner + "published: 2016-10-08")
        if draw(st.booleans()):
            lines.append(" " * indent + "# " + draw(_VALUES))
        if draw(st.booleans()):
            lines.append("")
        meta[name] = outlet
    text = newline.join(lines) + (newline if draw(st.booleans()) else "")
    return files, text, meta


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(case=manifests(), change=st.booleans())
def test_any_manifest_keeps_what_it_holds(tmp_path_factory, case, change):
    files, text, meta = case
    folder = tmp_path_factory.mktemp("m") / "seeds"
    folder.mkdir()
    for name, body in files.items():
        (folder / name).write_text(body, encoding="utf-8")
    (folder / "MANIFEST.yaml").write_bytes(text.encode("utf-8"))
    first = next(iter(files))
    if change:
        (folder / first).write_text("Changed.\n", encoding="utf-8")
    (folder / "new.txt").write_text("A new story.\n", encoding="utf-8")
    update = write_manifest(folder)
    assert update.listed == ["new.txt"] and update.rehashed == ([first] if change else [])
    new = (folder / "MANIFEST.yaml").read_bytes().decode("utf-8")
    old_sha = hashlib.sha256(files[first].encode()).hexdigest()
    kept = text.replace(old_sha, sha(folder / first)) if change else text
    assert new.startswith(kept)  # every byte that was there, but the one hash
    entries = _read_manifest(folder).manifest.entries
    assert {name: e.outlet for name, e in entries.items() if name != "new.txt"} == meta
    assert {name: e.sha256 for name, e in entries.items()} == {p.name: sha(p) for p in folder.glob("*.txt")}
