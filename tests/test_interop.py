"""The official layouts: UNDL and unvotes exports checked column by column, UNDL import, provenance."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import shutil
from pathlib import Path

import pytest

from conftest import PROJECT, ROOT, assert_golden
from votes import interop
from votes.interop import UNDL_COLUMNS, UNVOTES_ROLL_CALLS, UNVOTES_VOTES
from votes.problems import UNREADABLE

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "undl" / "sc-2016-adopted.csv"


def rows_of(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def header_of(text: str) -> list[str]:
    return next(csv.reader(io.StringIO(text)))


def readme_columns(name: str) -> list[str]:
    """The columns the reference documents for a layout, in its table's order."""
    text = (ROOT / "docs" / "reference.md").read_text(encoding="utf-8")
    section = text.split(f"<!-- layout:{name} -->", 1)[1].split("<!-- /layout -->", 1)[0]
    return re.findall(r"^\| `(\w+)` \|", section, re.M)


# --- export --------------------------------------------------------------------------------------

@pytest.fixture
def shipped_undl(cli, monkeypatch):
    monkeypatch.chdir(PROJECT)
    return cli("export", "--format", "undl").output


def test_undl_layout_is_the_documented_one():
    assert readme_columns("undl") == list(UNDL_COLUMNS)
    assert readme_columns("unvotes-roll-calls") == list(UNVOTES_ROLL_CALLS)
    assert readme_columns("unvotes-votes") == list(UNVOTES_VOTES)


def test_undl_export_column_by_column(shipped_undl, shipped_project):
    project, validation = shipped_project
    assert header_of(shipped_undl) == list(UNDL_COLUMNS)
    rows = rows_of(shipped_undl)
    voted = [d for d in project.records.drafts if d.status != "not-voted"]
    assert len(rows) == sum(len(project.council.seated(d.year)) for d in voted)
    by_symbol = {d.symbol: d for d in voted}
    council = project.council
    for row in rows:
        draft = by_symbol[row["draft"]]
        vote = draft.votes.get(row["ms_code"])
        assert row["undl_id"] == "" and row["undl_link"] == ""  # no UNDL record exists for these drafts
        assert row["ms_name"] == council.members[row["ms_code"]].name
        assert row["permanent_member"] == ("True" if council.is_permanent(row["ms_code"]) else "False")
        assert row["ms_vote"] == {"yes": "Y", "no": "N", "abstain": "A", "absent": "X", None: ""}[vote]
        assert row["date"] == draft.date.isoformat()
        assert row["resolution"] == ""  # none of them was adopted
        assert row["meeting"] == (draft.meeting or "")
        assert row["description"] == draft.title
        assert row["agenda"] == row["subjects"] == ""
        assert row["modality"] == "Voted"
        assert row["total_ms"] == "15"
        known = [c for c in council.seated(draft.year) if c in draft.votes]
        complete = len(known) == 15
        tally = draft.tally or {}
        for key, column in (("yes", "total_yes"), ("no", "total_no"), ("abstain", "total_abstentions")):
            expected = tally.get(key, sum(1 for v in draft.votes.values() if v == key) if complete else None)
            assert row[column] == ("" if expected is None else str(expected))
        assert row["total_non_voting"] == ("0" if complete else "")
        assert row["vote_note"].startswith("Draft not adopted: ")
        assert ("votes not known (blank)" in row["vote_note"]) == (not complete)
    veto = next(r for r in rows if r["draft"] == "S/2016/846")
    assert veto["vote_note"].startswith("Draft not adopted: vetoed by RUS.")
    assert_golden("export-undl.csv", shipped_undl)


def test_unvotes_export_column_by_column(cli, shipped_copy, shipped_project):
    project, _ = shipped_project
    cli("export", "--format", "unvotes", "-o", "out")
    roll_text = (shipped_copy / "out" / "un_roll_calls.csv").read_text(encoding="utf-8")
    votes_text = (shipped_copy / "out" / "un_votes.csv").read_text(encoding="utf-8")
    assert header_of(roll_text) == list(UNVOTES_ROLL_CALLS)
    assert header_of(votes_text) == list(UNVOTES_VOTES)
    roll_calls, votes = rows_of(roll_text), rows_of(votes_text)
    voted = sorted((d for d in project.records.drafts if d.status != "not-voted"), key=lambda d: (d.date, d.id))
    assert len(roll_calls) == len(voted)
    rcids = set()
    for roll_call, draft in zip(roll_calls, voted):
        rcid = int(roll_call["rcid"])
        assert str(rcid).startswith(draft.date.strftime("%Y%m%d")) and rcid > 10_000 and rcid not in rcids
        rcids.add(rcid)
        assert roll_call["session"] == roll_call["importantvote"] == ""  # NA: General Assembly notions
        assert roll_call["date"] == draft.date.isoformat()
        assert roll_call["unres"] == draft.symbol
        assert roll_call["amend"] == roll_call["para"] == "0"
        assert roll_call["short"] == ("/".join(draft.drafted_by) + " draft" if draft.drafted_by else "draft")
        assert roll_call["descr"] == draft.title
    # the two drafts of 8 October 2016 get consecutive ids for that day
    assert [r["rcid"] for r in roll_calls if r["date"] == "2016-10-08"] == ["2016100801", "2016100802"]
    expected = [(rc["rcid"], code, vote) for rc, draft in zip(roll_calls, voted)
                for code, vote in draft.votes.items() if vote in ("yes", "abstain", "no")]
    assert sorted((v["rcid"], v["vote"]) for v in votes) == sorted((r, v) for r, _, v in expected)
    # unvotes' names and codes, not the UN's: every row joins unvotes' own table by both
    pairs = unvotes_pairs()
    assert all((vote["country"], vote["country_code"]) in pairs for vote in votes)
    assert all(vote["vote"] in ("yes", "abstain", "no") for vote in votes)
    rcid = roll_calls[voted.index(project.records.draft("fr-es-aleppo-2016-10"))]["rcid"]
    named = {(v["country"], v["country_code"]) for v in votes if v["rcid"] == rcid}
    assert {("Russia", "RU"), ("Venezuela", "VE"), ("United Kingdom", "GB"), ("United States", "US")} <= named
    assert not {name for name, _ in named} & {"Russian Federation", "Venezuela (Bolivarian Republic of)"}
    assert_golden("export-unvotes-roll-calls.csv", roll_text)
    assert_golden("export-unvotes-votes.csv", votes_text)


UNVOTES = Path(__file__).resolve().parent / "fixtures" / "unvotes" / "countries.csv"


def unvotes_pairs() -> dict[tuple[str, str], tuple[dt.date, dt.date]]:
    """unvotes' (country, country_code) pairs, with the first and last day unvotes has a vote of each."""
    return {(row["country"], row["country_code"]): (dt.date.fromisoformat(row["first_vote"]),
                                                    dt.date.fromisoformat(row["last_vote"]))
            for row in rows_of(UNVOTES.read_text(encoding="utf-8"))}


def test_every_member_of_council_yaml_is_named_as_unvotes_names_it():
    """Whatever council.yaml holds, each member, in each year it sits, has the name and code unvotes
    gives it then: a pair of unvotes' table, voting in unvotes that year (or to unvotes' last year)."""
    from votes import load_project
    from votes.unvotes_countries import unvotes_country

    council = load_project(PROJECT / "data" / "resolutions.yaml", PROJECT / "data" / "council.yaml",
                           PROJECT / "seeds").council
    pairs = unvotes_pairs()
    last_year = max(last for _, last in pairs.values()).year
    years = {code: [year for year, seated in council.seats.items() if code in seated] for code in council.members}
    missed = []
    for code in council.members:
        for year in years[code] or [last_year]:
            pair = unvotes_country(code, dt.date(year, 7, 1))
            if pair not in pairs:
                missed.append((code, year, pair))
                continue
            first, last = pairs[pair]
            # a pair whose last vote falls in unvotes' last session or the one before runs on to today
            if not first.year <= year <= (last.year if last.year < last_year - 1 else 9999):
                missed.append((code, year, pair, first, last))
    assert not missed


@pytest.mark.parametrize("code, day, pair", [
    ("RUS", "2016-10-08", ("Russia", "RU")),
    ("SUN", "1950-01-01", ("Russia", "RU")),
    ("CHN", "1950-06-27", ("Taiwan", "TW")),
    ("CHN", "1971-10-24", ("Taiwan", "TW")),
    ("CHN", "1971-10-25", ("China", "CN")),
    ("DEU", "1977-12-09", ("Federal Republic of Germany", "")),
    ("DEU", "2019-02-26", ("Germany", "DE")),
    ("DDR", "1980-06-01", ("German Democratic Republic", "DD")),
    ("YEM", "1990-11-29", ("Yemen Arab Republic", "")),
    ("YEM", "1991-03-01", ("Yemen", "YE")),
    ("YUG", "1950-06-27", ("Yugoslavia", "YU")),
    ("CSK", "1964-01-01", ("Czechoslovakia", "CS")),
    ("ZAR", "1982-01-01", ("Congo - Kinshasa", "CD")),
    ("CIV", "2018-12-20", ("Côte d’Ivoire", "CI")),
    ("VEN", "2016-10-08", ("Venezuela", "VE")),
    ("BIH", "2011-10-04", ("Bosnia & Herzegovina", "BA")),
    ("XKX", "2020-01-01", None),
])
def test_unvotes_names_over_time(code, day, pair):
    from votes.unvotes_countries import unvotes_country

    assert unvotes_country(code, dt.date.fromisoformat(day)) == pair
    assert pair is None or pair in unvotes_pairs()


def test_a_draft_without_a_symbol_keeps_its_id_in_every_export():
    from votes.model import Council, Draft, Loc, Member, Records
    from votes.project import Project
    from votes.render import rows_csv
    from votes.tables import vote_rows
    from votes.validate import Coverage, Validation

    seated = ("CHN", "FRA", "GBR", "RUS", "USA")
    members = {c: Member(c, f"Member {c}", True, (c,), Loc(1, 1)) for c in seated}
    drafts = []
    for draft_id, symbol in (("no-symbol-2016-10", None), ("with-symbol-2016-10", "S/2016/846")):
        draft = Draft(draft_id, "A draft", dt.date(2016, 10, 8), "failed", Loc(1, 1))
        draft.symbol, draft.votes = symbol, {"RUS": "no", "FRA": "yes"}
        drafts.append(draft)
    project = Project(Records("r.yaml", drafts, []), Council("c.yaml", members, {2016: seated}, {}), Path("seeds"),
                      {}, None)
    validation = Validation([], {}, Coverage())
    undl = rows_of(interop.undl_csv(project, validation))
    assert {row["draft"] for row in undl} == {"no-symbol-2016-10", "S/2016/846"}
    assert all(row["draft"] for row in undl) and len(undl) == 10
    roll_calls, _ = interop.unvotes_tables(project, validation)
    assert {rc["unres"] for rc in roll_calls} == {"no-symbol-2016-10", "S/2016/846"}
    tidy = rows_of(rows_csv(vote_rows(project, validation)))
    assert {row["draft_id"] for row in tidy} == {"no-symbol-2016-10", "with-symbol-2016-10"}


def test_unvotes_needs_a_folder(cli, shipped_copy):
    result = cli("export", "--format", "unvotes", ok_codes=(2,))
    assert "give a folder with -o" in result.output
    (shipped_copy / "afile").write_text("x", encoding="utf-8")
    result = cli("export", "--format", "unvotes", "-o", "afile", ok_codes=(2,))
    assert "afile: is a file, not a folder" in result.output and "Traceback" not in result.output


# --- import --------------------------------------------------------------------------------------

@pytest.fixture
def empty(mini):
    """A project with the 2016 Council and no records at all."""
    mini.seed("a.txt", "Nothing to see.\n")
    mini.manifest()
    mini.records("drafts: []\n")
    return mini


def test_import_then_export_keeps_every_vote_and_every_column(cli, empty):
    result = cli("import", "undl", str(FIXTURE))
    assert result.output == "imported 4 resolutions from " + FIXTURE.as_posix() + "; data/sourced.csv holds 4\n"
    exported = cli("export", "--format", "undl").output
    original = FIXTURE.read_text(encoding="utf-8")
    assert header_of(exported) == header_of(original) == list(UNDL_COLUMNS)
    assert rows_of(exported) == rows_of(original)


def test_imported_votes_are_sourced_with_their_source_named(cli, empty):
    cli("import", "undl", str(FIXTURE), "--source", "UN press releases of 2016")
    kept = rows_of((empty.root / "data" / "sourced.csv").read_text(encoding="utf-8"))
    assert {row["source"] for row in kept} == {"UN press releases of 2016"} and len(kept) == 60
    tidy = json.loads(cli("export", "--format", "json").output)
    assert len(tidy) == 60 and {row["basis"] for row in tidy} == {"sourced"}
    usa = next(r for r in tidy if r["symbol"] == "S/RES/2334 (2016)" and r["member"] == "USA")
    assert (usa["draft_id"], usa["vote"], usa["status"]) == ("s-res-2334-2016", "abstain", "adopted")
    # never seed-proved, never checked against the seeds: validation is the same with or without them
    assert cli("validate", "--strict").output.startswith("0 errors, 0 warnings in 0 drafts")


def test_import_keeps_what_is_held_and_replaces_a_resolution_given_again(cli, empty, tmp_path):
    cli("import", "undl", str(FIXTURE))
    lines = FIXTURE.read_text(encoding="utf-8").splitlines()
    corrected = [lines[0]] + [line.replace(",A,2016-12-23", ",Y,2016-12-23") for line in lines
                              if "S/RES/2334" in line]
    newer = tmp_path / "2334.csv"
    newer.write_text("\n".join(corrected) + "\n", encoding="utf-8")
    assert cli("import", "undl", str(newer)).output.endswith("data/sourced.csv holds 4\n")
    kept = rows_of((empty.root / "data" / "sourced.csv").read_text(encoding="utf-8"))
    assert len(kept) == 60
    assert {r["ms_vote"] for r in kept if r["resolution"] == "S/RES/2334 (2016)"} == {"Y"}
    assert {r["source"] for r in kept if r["resolution"] == "S/RES/2334 (2016)"} == {
        "UN Digital Library, Security Council voting data (2334.csv)"}


BAD = [
    ("missing-column", lambda t: t.replace("ms_vote,", "vote,", 1), 1, "error[undl-columns]",
     "the header lacks ms_vote"),
    ("bad-vote", lambda t: t.replace(",Y,2016-04-29", ",Yes,2016-04-29", 1), 2, "error[undl-value]",
     "ms_vote: vote 'Yes' is not Y, N, A, X or blank"),
    ("bad-date", lambda t: t.replace("2016-04-29", "2016-04-31", 1), 2, "error[undl-value]",
     "date: date '2016-04-31' is not a real YYYY-MM-DD day"),
    ("no-resolution", lambda t: t.replace("S/RES/2285 (2016)", "", 1), 2, "error[undl-value]",
     "resolution: no resolution symbol: the UNDL holds adopted resolutions only"),
    ("bad-code", lambda t: t.replace(",CHN,", ",chn,", 1), 2, "error[undl-value]",
     "ms_code: member code 'chn' is not three upper-case letters"),
    ("duplicate", lambda t: t.replace(",FRA,France,", ",CHN,China,", 1), 3, "error[undl-duplicate]",
     "CHN has a second row for S/RES/2285 (2016)"),
    ("conflict", lambda t: t.replace("True,Y,2016-04-29", "True,Y,2016-04-30", 2).replace(
        "True,Y,2016-04-30", "True,Y,2016-04-29", 1), 3, "error[undl-conflict]",
     "S/RES/2285 (2016) is dated 2016-04-29 on line 2 but 2016-04-30 here"),
    ("ragged", lambda t: t.replace(",Voted,10,", ",Voted,10,x,", 1), 2, "error[undl-columns]",
     "21 cells where the header has 20"),
]


@pytest.mark.parametrize("name, change, line, code, message", BAD, ids=[b[0] for b in BAD])
def test_bad_imports_get_one_precise_message_and_write_nothing(cli, empty, tmp_path, name, change, line, code,
                                                               message):
    bad = tmp_path / f"{name}.csv"
    text = change(FIXTURE.read_text(encoding="utf-8"))
    bad.write_text(text, encoding="utf-8")
    result = cli("import", "undl", str(bad), ok_codes=(1,))
    first = result.stderr.splitlines()[0]
    assert first.startswith(f"{bad.name}:{line}:1: {code}") and message in first, first  # relative to the cwd
    assert "Traceback" not in result.output
    assert not (empty.root / "data" / "sourced.csv").exists()
    assert bad.read_text(encoding="utf-8") == text


def test_import_refuses_bytes_that_are_not_utf8_and_missing_files(cli, empty, tmp_path):
    bad = tmp_path / "latin1.csv"
    bad.write_bytes(FIXTURE.read_bytes().replace(b"Venezuela", "Venezuela é".encode("latin-1"), 1))
    assert "error[file-encoding]" in cli("import", "undl", str(bad), ok_codes=(1,)).stderr
    result = cli("import", "undl", str(tmp_path / "none.csv"), ok_codes=(2,))
    assert "no such file" in result.output
    cli("import", "undl", str(FIXTURE))
    result = cli("import", "undl", "data/sourced.csv", ok_codes=(2,))
    assert "is the file imports are kept in" in result.output
    records = (empty.root / "data" / "resolutions.yaml").read_bytes()
    result = cli("import", "undl", str(FIXTURE), "--into", "data/resolutions.yaml", ok_codes=(2,))
    assert "refusing to overwrite a file that does not hold imported votes" in result.output
    assert (empty.root / "data" / "resolutions.yaml").read_bytes() == records


def test_a_broken_sourced_file_stops_report_export_and_power(cli, empty):
    cli("import", "undl", str(FIXTURE))
    path = empty.root / "data" / "sourced.csv"
    path.write_text(path.read_text(encoding="utf-8").replace(",Y,", ",Q,", 1), encoding="utf-8")
    for args in (("export",), ("power",), ("report", "--out", "out")):
        result = cli(*args, ok_codes=(1,))
        assert "data/sourced.csv:2:1: error[undl-value]" in result.stderr
    assert not (empty.root / "out").exists()


def test_show_finds_imported_resolutions_and_marks_them_sourced(cli, shipped_copy):
    cli("import", "undl", str(FIXTURE), "--source", "UN press releases of 2016")
    text = cli("show", "S/RES/2334 (2016)").output
    lines = text.splitlines()
    assert lines[0] == "s-res-2334-2016  S/RES/2334 (2016)  S/PV.7853"
    assert lines[2] == ("sourced: official votes imported from UN press releases of 2016 (votes import); "
                        "never proved against the seeds")
    assert re.search(r"^  USA  United States +abstain  sourced +\[1\]$", text, re.M)
    assert cli("show", "s-res-2334").output == text  # by a unique prefix of its id too
    data = json.loads(cli("show", "s-res-2334-2016", "--format", "json").output)
    assert data["imported_from"] == "UN press releases of 2016"
    assert {v["basis"] for v in data["votes"]} == {"sourced"}
    # a hand-checked record is not marked, though outside sources back its symbol and date
    record = cli("show", "fr-es-aleppo-2016-10").output
    assert "sourced: official votes" not in record
    assert json.loads(cli("show", "fr-es-aleppo-2016-10", "--format", "json").output)["imported_from"] is None
    # another file of imports is read with --sourced; without one, the imported resolution is unknown
    (shipped_copy / "data" / "sourced.csv").rename(shipped_copy / "elsewhere.csv")
    assert cli("show", "S/RES/2334 (2016)", "--sourced", "elsewhere.csv").output == text
    assert "S/RES/2334" in cli("show", "S/RES/2334 (2016)", ok_codes=(2,)).output


def test_imported_resolutions_are_adopted_drafts_backed_by_their_source(empty, tmp_path):
    from votes import load_project, validate
    from votes.sourced import import_undl

    import_undl(FIXTURE, tmp_path / "sourced.csv", "a named source")
    alone = validate(load_project())
    project = load_project(sourced=tmp_path / "sourced.csv")
    validation = validate(project)
    assert [d.id for d in project.records.drafts] == ["s-res-2285-2016", "s-res-2304-2016", "s-res-2334-2016",
                                                      "s-res-2336-2016"]
    draft = project.records.draft("s-res-2285-2016")
    assert draft.status == "adopted" and draft.tally == {"yes": 10, "no": 2, "abstain": 3}
    assert draft.meeting == "S/PV.7684" and draft.evidence[0].source == draft.imported_from == "a named source"
    check = validation.drafts["s-res-2285-2016"]
    assert check.vote_basis("URY") == "sourced" and check.outcome == "adopted"
    assert validation.problems == alone.problems == []  # imported votes meet no seed check
    assert project.sourced_path == tmp_path / "sourced.csv" and len(project.sourced) == 4


def test_a_broken_sourced_file_is_a_problem_of_the_project_and_nothing_of_it_is_used(empty, tmp_path):
    from votes import load_project

    path = tmp_path / "sourced.csv"
    path.write_text("source,resolution\n", encoding="utf-8")
    project = load_project(sourced=path)
    assert [p.code for p in project.problems] == ["undl-columns"] and project.records.drafts == []
    assert "undl-columns" in UNREADABLE


def test_shipped_export_and_import_fixture_side_by_side(cli, shipped_copy):
    shutil.copy(FIXTURE, shipped_copy / "fixture.csv")
    cli("import", "undl", "fixture.csv")
    rows = rows_of(cli("export", "--format", "undl").output)
    imported = [r for r in rows if r["resolution"]]
    assert imported == rows_of(FIXTURE.read_text(encoding="utf-8"))
    assert [r["date"] for r in rows] == sorted(r["date"] for r in rows)  # one history, oldest first
