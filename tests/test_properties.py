"""Properties that hold for any input: no traceback, only problems or a clean VotesError.

(a) Any text or bytes as data/resolutions.yaml or data/council.yaml: `load_project` and
    `validate` either raise `VotesError` or return a list of `Problem`s, and the CLI exits
    0, 1 or 2 with no traceback.
(b) Well-formed random records built from the real council and seeds (random votes, tallies,
    statuses, quotes and supports): validation returns problems, never raises.
(c) The benchmark generator writes histories that validate clean under --strict.

Hypothesis runs derandomized and without shrinking when CI is set (HYPOTHESIS_PROFILE=dev or ci
chooses explicitly). The whole file takes a few seconds when nothing fails.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import shutil
import sys
import tempfile
import traceback
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, Phase, example, given, settings
from hypothesis import strategies as st

from conftest import PROJECT, ROOT
from votes import Problem, VotesError, load_project, validate
from votes.cli import main
from votes.checks import catalogue

CODES = catalogue()

REAL_RECORDS = (PROJECT / "data" / "resolutions.yaml").read_text(encoding="utf-8")
REAL_COUNCIL = (PROJECT / "data" / "council.yaml").read_text(encoding="utf-8")
SEED_NAMES = sorted(p.name for p in (PROJECT / "seeds").glob("*.txt"))
SEED_TEXTS = {name: (PROJECT / "seeds" / name).read_text(encoding="utf-8") for name in SEED_NAMES}

# CI: the same examples every run, and no shrinking, so a failure costs seconds, not minutes
# (the failing example is printed as generated; run locally to get it shrunk).
settings.register_profile("ci", derandomize=True, deadline=None, print_blob=True,
                          phases=(Phase.explicit, Phase.generate), suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("dev", deadline=None, suppress_health_check=[HealthCheck.too_slow])
# Chosen here rather than with settings.load_profile, so other test files keep their own settings.
PROFILE = settings.get_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))


# --- a project folder reused by every example -----------------------------------------------------

class Workspace:
    """data/ and seeds/ (the fixture project's seeds and manifest) in a temporary folder; files rewritten per example."""

    def __init__(self, root: Path):
        self.root = root
        self.data = root / "data"
        self.data.mkdir()
        shutil.copytree(PROJECT / "seeds", root / "seeds")
        self.records_path = self.data / "resolutions.yaml"
        self.council_path = self.data / "council.yaml"
        self.seeds = root / "seeds"
        self.write(REAL_RECORDS.encode(), REAL_COUNCIL.encode())

    def write(self, records: bytes, council: bytes) -> None:
        self.records_path.write_bytes(records)
        self.council_path.write_bytes(council)

    @property
    def args(self) -> list[str]:
        return ["--data", str(self.records_path), "--council", str(self.council_path), "--seeds", str(self.seeds)]


@pytest.fixture(scope="module")
def ws():
    with tempfile.TemporaryDirectory(prefix="votes-prop-") as tmp:
        yield Workspace(Path(tmp))


def check_library(ws: Workspace) -> None:
    """The library's contract: VotesError, or a Validation of well-formed problems."""
    try:
        project = load_project(ws.records_path, ws.council_path, ws.seeds)
        validation = validate(project)
    except VotesError:
        return
    assert isinstance(validation.problems, list)
    for problem in validation.problems:
        assert isinstance(problem, Problem)
        assert problem.code in CODES, problem
        assert problem.line >= 0 and problem.col >= 0, problem
        problem.to_line()
    json.dumps(validation.to_dict())  # what --format json prints must be serialisable


def check_cli(ws: Workspace, *commands: list[str]) -> None:
    """Through the real command: exit 0, 1 or 2, and nothing that looks like a crash."""
    runner = CliRunner()
    for command in commands:
        result = runner.invoke(main, [*command, *ws.args], catch_exceptions=True)
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            raise AssertionError(f"votes {' '.join(command)} raised "
                                 + "".join(traceback.format_exception(result.exception)))
        assert result.exit_code in (0, 1, 2), (command, result.exit_code, result.output)
        assert "Traceback" not in result.output, (command, result.output)


CLI_COMMANDS = (["validate"], ["validate", "--format", "json", "--strict"], ["export"],
                ["show", "fr-es-aleppo-2016-10"])

# --- (a) arbitrary input ------------------------------------------------------------------------

YAML_ALPHABET = list("abcdefRUSCHN -:#[]{},&*!|>'\"?%@`~\n\t\\0123456789.") + ["yes", "no", "- ", ": ", "\n  ",
                                                                                 "---", "...", "\u2019", "\u00a0"]
yamlish = st.lists(st.sampled_from(YAML_ALPHABET), max_size=80).map("".join)
any_text = st.one_of(st.text(max_size=300), yamlish)


@st.composite
def mutated(draw, original: str):
    """The real file with a few random edits: deletions, insertions, duplicated or swapped lines."""
    text = original
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["delete", "insert", "duplicate", "swap", "indent"]))
        lines = text.split("\n")
        if kind == "delete":
            start = draw(st.integers(0, len(text)))
            text = text[:start] + text[start + draw(st.integers(1, 40)):]
        elif kind == "insert":
            at = draw(st.integers(0, len(text)))
            text = text[:at] + draw(any_text) + text[at:]
        elif kind == "duplicate":
            i = draw(st.integers(0, len(lines) - 1))
            lines.insert(i, lines[i])
            text = "\n".join(lines)
        elif kind == "swap":
            i, j = draw(st.integers(0, len(lines) - 1)), draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
            text = "\n".join(lines)
        else:
            i = draw(st.integers(0, len(lines) - 1))
            lines[i] = draw(st.sampled_from(["", " ", "  ", "\t", "- "])) + lines[i].lstrip()
            text = "\n".join(lines)
    return text


@settings(PROFILE, max_examples=60)
@given(text=st.one_of(any_text, mutated(REAL_RECORDS)), which=st.sampled_from(["records", "council"]))
@example(text="drafts: []\rignore: x", which="records")  # old Mac line ends: YAML counts \r as a line break
@example(text="# note\u2028drafts: x", which="council")  # so does YAML 1.1 for U+2028 and NEL
def test_any_text_gives_problems_not_exceptions(ws, text, which):
    if which == "records":
        ws.write(text.encode("utf-8", "surrogatepass"), REAL_COUNCIL.encode())
    else:
        ws.write(REAL_RECORDS.encode(), text.encode("utf-8", "surrogatepass"))
    check_library(ws)


@settings(PROFILE, max_examples=40)
@given(text=mutated(REAL_COUNCIL))
def test_mutated_council_gives_problems_not_exceptions(ws, text):
    ws.write(REAL_RECORDS.encode(), text.encode("utf-8", "surrogatepass"))
    check_library(ws)


@settings(PROFILE, max_examples=40)
@given(raw=st.binary(max_size=300), which=st.sampled_from(["records", "council"]))
def test_any_bytes_give_problems_not_exceptions(ws, raw, which):
    if which == "records":
        ws.write(raw, REAL_COUNCIL.encode())
    else:
        ws.write(REAL_RECORDS.encode(), raw)
    check_library(ws)


@settings(PROFILE, max_examples=25)
@given(text=st.one_of(any_text, mutated(REAL_RECORDS), st.binary(max_size=200).map(lambda b: b.decode("latin-1"))),
       which=st.sampled_from(["records", "council"]), raw=st.booleans())
def test_cli_never_shows_a_traceback(ws, text, which, raw):
    payload = text.encode("latin-1", "replace") if raw else text.encode("utf-8", "surrogatepass")
    if which == "records":
        ws.write(payload, REAL_COUNCIL.encode())
    else:
        ws.write(REAL_RECORDS.encode(), payload)
    check_cli(ws, *CLI_COMMANDS)


# --- (b) well-formed random records ---------------------------------------------------------------

SEATS_2016 = ["CHN", "FRA", "GBR", "RUS", "USA", "AGO", "EGY", "ESP", "JPN", "MYS", "NZL", "SEN", "UKR", "URY", "VEN"]
ALL_CODES = SEATS_2016 + ["ARG", "AUS", "DEU", "IND", "LUX", "ZAF", "PAK"]  # some not seated in 2016
VOTES = ["yes", "no", "abstain", "absent"]
STATUSES = ["adopted", "vetoed", "failed", "not-voted"]
STANCES = ["support", "oppose", "neutral", "mixed"]
FIXED_PATHS = ["status", "drafted_by", "date", "symbol", "meeting", "tally.yes", "tally.no", "tally.abstain",
               "votes.others", "votes", "tally", "bogus.path", "votes.XXX"]


@st.composite
def seed_quote(draw) -> tuple[str, str]:
    """A seed name (usually real) and a quote (usually a real passage of it, sometimes not)."""
    name = draw(st.sampled_from(SEED_NAMES + ["missing.txt", "../data/council.yaml", "/etc/hostname", "MANIFEST.yaml"]))
    text = SEED_TEXTS.get(name, SEED_TEXTS[SEED_NAMES[0]])
    kind = draw(st.sampled_from(["sentence", "slice", "ellipsis", "edge", "free"]))
    if kind == "sentence":
        lines = [line for line in text.splitlines() if len(line) > 20]
        quote = draw(st.sampled_from(lines))[:300]
    elif kind in ("slice", "ellipsis"):
        start = draw(st.integers(0, max(len(text) - 2, 0)))
        quote = text[start:start + draw(st.integers(1, 160))]
        if kind == "ellipsis":
            later = draw(st.integers(start, max(len(text) - 2, start)))
            quote += " ... " + text[later:later + draw(st.integers(1, 60))]
    elif kind == "edge":  # what a hurried researcher leaves behind
        quote = draw(st.sampled_from(["", " ", "...", " ... ", "\u2026", "a ... ", "... the", "Russia ... ...",
                                      "\u00a0", "#", "  vetoed  "]))
    else:
        quote = draw(st.text(max_size=120))
    return name, quote


@st.composite
def draft(draw, index: int):
    year = draw(st.sampled_from([2016, 2016, 2016, 2014, 2011, 1999]))
    status = draw(st.sampled_from(STATUSES))
    codes = draw(st.lists(st.sampled_from(ALL_CODES), unique=True, max_size=15))
    votes = {c: draw(st.sampled_from(VOTES)) for c in codes}
    if status == "not-voted" and draw(st.booleans()):
        votes = {}
    record = {
        "id": f"d{index}",
        "title": draw(st.text(max_size=40)) or "a draft",
        "date": f"{year}-{draw(st.integers(1, 12)):02d}-{draw(st.integers(1, 28)):02d}",
        "status": status,
    }
    if draw(st.booleans()):
        record["symbol"] = f"S/{year}/{draw(st.integers(1, 999))}"
    if draw(st.booleans()):
        record["drafted_by"] = draw(st.lists(st.sampled_from(ALL_CODES), unique=True, min_size=1, max_size=3))
    if votes:
        record["votes"] = votes
    if draw(st.booleans()):
        record["tally"] = {k: draw(st.integers(0, 16)) for k in draw(st.lists(
            st.sampled_from(["yes", "no", "abstain"]), unique=True, min_size=1))}
    if draw(st.booleans()):
        record["positions"] = {c: draw(st.sampled_from(STANCES))
                               for c in draw(st.lists(st.sampled_from(ALL_CODES), unique=True, max_size=3))}
    paths = FIXED_PATHS + [f"votes.{c}" for c in ALL_CODES] + [f"positions.{c}" for c in ALL_CODES]
    evidence = []
    for _ in range(draw(st.integers(0, 5))):
        supports = draw(st.lists(st.sampled_from(paths), max_size=5))
        if draw(st.integers(0, 5)) == 0:
            evidence.append({"source": draw(st.text(min_size=1, max_size=60)), "supports": supports})
        else:
            seed, quote = draw(seed_quote())
            evidence.append({"seed": seed, "quote": quote, "supports": supports})
    record["evidence"] = evidence
    return record


#: What YAML does not allow unescaped even inside quotes (outside its printable set), and the
#: line breaks of YAML 1.1 that would fold into a space.
NOT_PRINTABLE = re.compile("[^\t\n\r\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def q(text: str) -> str:
    """A YAML double-quoted scalar: a JSON string with YAML's non-printable characters escaped."""
    return NOT_PRINTABLE.sub(lambda m: f"\\u{ord(m.group()):04x}", json.dumps(text, ensure_ascii=False))


def to_yaml(drafts: list[dict], ignores: list[dict]) -> str:
    """Block YAML with every text double-quoted, votes and codes plain."""
    out = ["drafts:" if drafts else "drafts: []"]
    for d in drafts:
        out.append(f"  - id: {d['id']}")
        for key in ("title", "symbol"):
            if key in d:
                out.append(f"    {key}: {q(d[key])}")
        out += [f"    date: {d['date']}", f"    status: {d['status']}"]
        if "drafted_by" in d:
            out.append(f"    drafted_by: [{', '.join(d['drafted_by'])}]")
        for key in ("votes", "positions", "tally"):
            if d.get(key):
                out.append(f"    {key}:")
                out += [f"      {k}: {v}" for k, v in d[key].items()]
        out.append("    evidence:" if d["evidence"] else "    evidence: []")
        for ev in d["evidence"]:
            if "source" in ev:
                out.append(f"      - source: {q(ev['source'])}")
            else:
                out += [f"      - seed: {q(ev['seed'])}", f"        quote: {q(ev['quote'])}"]
            out.append(f"        supports: [{', '.join(q(s) for s in ev['supports'])}]")
    out.append("ignore:" if ignores else "ignore: []")
    for entry in ignores:
        out += [f"  - seed: {q(entry['seed'])}", f"    quote: {q(entry['quote'])}", f"    reason: {q('test')}"]
    return "\n".join(out) + "\n"


@st.composite
def records(draw):
    drafts = [draw(draft(i)) for i in range(draw(st.integers(1, 4)))]
    ignores = []
    for _ in range(draw(st.integers(0, 3))):
        seed, quote = draw(seed_quote())
        ignores.append({"seed": seed, "quote": quote})
    return to_yaml(drafts, ignores)


ELLIPSIS_ONLY = to_yaml([{"id": "d0", "title": "t", "date": "2016-10-08", "status": "not-voted", "evidence": [
    {"seed": SEED_NAMES[0], "quote": "...", "supports": ["status"]}]}], [])


@settings(PROFILE, max_examples=60)
@given(text=records())
@example(text=ELLIPSIS_ONLY)
def test_random_wellformed_records_give_problems_not_exceptions(ws, text):
    ws.write(text.encode("utf-8", "surrogatepass"), REAL_COUNCIL.encode())
    try:
        project = load_project(ws.records_path, ws.council_path, ws.seeds)
    except VotesError:
        return
    # the records are well-formed: any problem is about their facts, not their shape
    assert not [p for p in project.problems if p.code.startswith(("yaml-", "file-"))], project.problems
    validation = validate(project)
    for problem in validation.problems:
        assert isinstance(problem, Problem) and problem.code in CODES
        problem.to_line()
    json.dumps(validation.to_dict())


@settings(PROFILE, max_examples=15)
@given(text=records())
def test_random_wellformed_records_through_the_cli(ws, text):
    ws.write(text.encode("utf-8", "surrogatepass"), REAL_COUNCIL.encode())
    check_cli(ws, ["validate"], ["validate", "--format", "json"], ["export", "--format", "json"], ["show", "d0"])


@st.composite
def council(draw) -> str:
    """A well-formed council file with random members, names, seats and groups."""
    codes = draw(st.lists(st.sampled_from(ALL_CODES + ["ZZZ", "ABC"]), unique=True, min_size=1, max_size=22))
    out = ["members:"]
    for code in codes:
        names = draw(st.lists(st.one_of(st.text(max_size=12), st.sampled_from(["Russia", "China", "U.S.", "(", "*",
                                                                              " ", "Angola", "in favor"])),
                              max_size=4))
        out += [f"  {code}:", f"    name: {q(draw(st.text(min_size=1, max_size=20)))}",
                f"    permanent: {draw(st.sampled_from(['true', 'false']))}",
                f"    names: [{', '.join(q(n) for n in names)}]"]
    out.append("seats:")
    for year in draw(st.lists(st.sampled_from([2011, 2012, 2014, 2016, 1999]), unique=True, max_size=4)):
        seated = draw(st.lists(st.sampled_from(codes), unique=True, max_size=16))
        out.append(f"  {year}: [{', '.join(seated)}]")
    if draw(st.booleans()):
        out += ["groups:", f"  P5: [{', '.join(draw(st.lists(st.sampled_from(codes), unique=True, max_size=5)))}]",
                f"  {q(draw(st.text(min_size=1, max_size=10)))}: [{', '.join(codes[:3])}]"]
    return "\n".join(out) + "\n"


@settings(PROFILE, max_examples=40)
@given(council_text=council(), records_text=st.one_of(st.just(REAL_RECORDS), records()))
def test_random_wellformed_council_gives_problems_not_exceptions(ws, council_text, records_text):
    ws.write(records_text.encode("utf-8", "surrogatepass"), council_text.encode("utf-8", "surrogatepass"))
    check_library(ws)


@settings(PROFILE, max_examples=10)
@given(council_text=council(), records_text=st.one_of(st.just(REAL_RECORDS), records()))
def test_random_wellformed_council_through_the_cli(ws, council_text, records_text):
    ws.write(records_text.encode("utf-8", "surrogatepass"), council_text.encode("utf-8", "surrogatepass"))
    check_cli(ws, ["validate"], ["export"], ["show", "fr-es-aleppo-2016-10"])


@settings(PROFILE, max_examples=8)
@given(text=st.one_of(records(), mutated(REAL_RECORDS)))
def test_report_force_never_shows_a_traceback(ws, text, tmp_path_factory):
    pytest.importorskip("votes.report")
    ws.write(text.encode("utf-8", "surrogatepass"), REAL_COUNCIL.encode())
    check_cli(ws, ["report", "--force", "--out", str(tmp_path_factory.mktemp("report"))])


# --- (c) the generator stays honest ---------------------------------------------------------------

def _generator():
    spec = importlib.util.spec_from_file_location("votes_bench_generate", ROOT / "benchmarks" / "generate.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_generated_history_validates_clean_under_strict(tmp_path):
    generate = _generator().generate
    counts = generate(tmp_path / "a", drafts=30, articles=6, seed=1)
    data, seeds = tmp_path / "a" / "data", tmp_path / "a" / "seeds"
    validation = validate(load_project(data / "resolutions.yaml", data / "council.yaml", seeds))
    assert [p.to_line() for p in validation.problems] == []
    assert validation.ok(strict=True)
    assert len(validation.drafts) == 30 and counts["articles"] == 6
    assert validation.coverage.uncovered == 0 and validation.coverage.cited > 30
    statuses = {check.draft.status for check in validation.drafts.values()}
    assert statuses == {"adopted", "vetoed", "failed", "not-voted"}
    result = CliRunner().invoke(main, ["validate", "--strict", "--data", str(data / "resolutions.yaml"),
                                       "--council", str(data / "council.yaml"), "--seeds", str(seeds)],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    sizes = [p.stat().st_size for p in seeds.glob("*.txt")]
    assert len(sizes) == 6 and all(9_000 < s < 48_000 for s in sizes)


def test_generated_drafts_never_voted_on_are_never_one_vote_twice():
    """Drafts with no symbol are one record when they share a day, drafters and outcome: at 10,000
    drafts and more the generator drew such pairs (draft-duplicate at 10,000 drafts)."""
    import random

    gen = _generator()
    rng = random.Random(3)
    seats, symbols, unvoted = gen.seat_history(rng), {}, set()
    drafts = [gen.make_draft(rng, i, seats, symbols, unvoted) for i in range(12_000)]
    keys = [(d.date, tuple(d.drafted_by)) for d in drafts if d.status == "not-voted"]
    assert len(keys) > 1_000 and len(set(keys)) == len(keys)


def test_a_larger_generated_history_validates_clean_too(tmp_path):
    """The benchmark's histories must stay clean at scale: at a thousand drafts every phrase of the
    generator appears ('had mixed views on', 'failed on 8 May 2016 for lack of ...'), and a phrase
    the reader stops reading turns the benchmark into a timing of a refused report."""
    _generator().generate(tmp_path / "a", drafts=400, articles=40, seed=7)
    data, seeds = tmp_path / "a" / "data", tmp_path / "a" / "seeds"
    validation = validate(load_project(data / "resolutions.yaml", data / "council.yaml", seeds))
    assert [p.to_line() for p in validation.problems] == []


def test_generator_is_deterministic(tmp_path):
    generate = _generator().generate
    generate(tmp_path / "a", drafts=12, articles=3, seed=7)
    generate(tmp_path / "b", drafts=12, articles=3, seed=7)
    generate(tmp_path / "c", drafts=12, articles=3, seed=8)

    def files(root):
        return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}

    assert files(tmp_path / "a") == files(tmp_path / "b")
    assert files(tmp_path / "a") != files(tmp_path / "c")


@given(st.lists(st.text(alphabet="ab\n ", max_size=4), max_size=6))
def test_report_lines_join_as_the_plain_expression_would(lines):
    """`sections.joined_lines` spares two copies of the report's text and says exactly what
    `"\\n".join(lines).rstrip("\\n") + "\\n"` says."""
    from votes.sections import joined_lines

    assert joined_lines(list(lines)) == "\n".join(lines).rstrip("\n") + "\n"
