"""The Council over time: seats of every year, groups that change, names that point to one member.

Tests of the shipped data/council.yaml check only invariants any correct council file keeps (eleven
or fifteen seats, five permanent, each name pointing to one member, read whole) and, for 2010-2026,
the UN's list kept as a fixture of facts. The rules of groups and periods run on small files written here.
"""

from __future__ import annotations

import datetime as dt
import textwrap

import pytest
import yaml

from conftest import PROJECT, ROOT
from votes.model import Council, Group, GroupMember, Span, council_size, year_ranges
from votes.read import parse_yaml
from votes.schema import build_council
from votes.reader import Lexicon, read_sentence

FIXTURES = ROOT / "tests" / "fixtures" / "council"


@pytest.fixture(scope="module")
def shipped_council() -> Council:
    path = PROJECT / "data" / "council.yaml"
    council, problems = build_council(parse_yaml(path.read_text(encoding="utf-8"), "data/council.yaml"),
                                      "data/council.yaml")
    assert problems == []
    return council


# --- the shipped seats: invariants ---------------------------------------------------------------

def test_every_year_from_1946_has_its_seats_five_of_them_permanent(shipped_council):
    years = sorted(shipped_council.seats)
    assert years[0] == 1946 and years == list(range(1946, years[-1] + 1)) and years[-1] >= 2026
    for year in years:
        seats = shipped_council.seats[year]
        assert len(seats) == council_size(year) == (11 if year < 1966 else 15), year
        assert len(set(seats)) == len(seats), year
        permanent = {code for code in seats if shipped_council.is_permanent(code)}
        assert len(permanent) == 5, (year, permanent)
        # the USSR's seat passed to the Russian Federation in December 1991
        assert permanent == {"CHN", "FRA", "GBR", "USA", "SUN" if year <= 1991 else "RUS"}, year


def test_2010_to_2026_equal_the_uns_list_member_for_member(shipped_council):
    terms = yaml.safe_load((FIXTURES / "un-elected-2010-2026.yaml").read_text(encoding="utf-8"))["terms"]
    for year in range(2010, 2027):
        elected = sorted(code for code, first, last in terms if first <= year <= last)
        seated = sorted(c for c in shipped_council.seats[year] if not shipped_council.is_permanent(c))
        assert seated == elected, year


def test_a_name_points_to_one_member_and_is_read_whole(shipped_council):
    """Each listed name, read in a sentence, is that member and only it: "Equatorial Guinea" is never
    Guinea, "Nigerian" never Niger, "Northern Ireland" never Ireland."""
    owner: dict[str, str] = {}
    for code, member in shipped_council.members.items():
        for name in {member.name, *member.names}:
            assert owner.setdefault(name, code) == code, f"{name!r} is listed for {owner[name]} and {code}"
    lexicon = Lexicon.from_council(shipped_council)
    for name, code in owner.items():
        if name.endswith("-"):  # a combining form: a name only joined to the next one
            text = f"On Monday the {name}Japanese draft was voted on."
            expected = [(code, name), ("JPN", "Japanese")]
        else:
            text, expected = f"On Monday {name} voted in favour.", [(code, name)]
        mentions = [(c, text[a:b]) for c, a, b in read_sentence(text, lexicon).mentions]
        assert mentions == expected, (name, mentions)


def test_a_combining_form_is_a_name_only_joined_to_the_next():
    lexicon = Lexicon({"FRA": ["France", "French", "Franco-"], "ESP": ["Spain", "Spanish"]})
    found = lambda text: [(c, text[a:b]) for c, a, b in read_sentence(text, lexicon).mentions]  # noqa: E731
    assert found("The Franco-Spanish draft was vetoed.") == [("FRA", "Franco-"), ("ESP", "Spanish")]
    assert found("General Franco - the dictator - was named.") == []
    assert found("Franco-era laws were named.") == []
    assert found("Franco- and Spanish drafts were named.") == [("ESP", "Spanish")]


# --- names that could misfire: a lexicon written here ----------------------------------------------

RISKY = Lexicon({
    "NER": ["Niger", "Nigerien"], "NGA": ["Nigeria", "Nigerian"],
    "GIN": ["Guinea", "Guinean"], "GNQ": ["Equatorial Guinea"], "GNB": ["Guinea-Bissau"],
    "COG": ["Congo", "Republic of the Congo"], "COD": ["Democratic Republic of the Congo", "DR Congo"],
    "SDN": ["Sudan", "Sudanese"], "TCD": ["Chad"], "JOR": ["Jordan"], "IRL": ["Ireland"],
    "GBR": ["United Kingdom of Great Britain and Northern Ireland", "Northern Ireland", "Britain", "UK"],
    "USA": ["United States", "U.S.", "US"], "RUS": ["Russia"], "CIV": ["Cote d'Ivoire"],
})


@pytest.mark.parametrize("sentence, expected", [
    ("Niger and Nigeria voted in favour.", [("NER", "Niger"), ("NGA", "Nigeria")]),
    ("The Nigerian and Nigerien envoys abstained.", [("NGA", "Nigerian"), ("NER", "Nigerien")]),
    ("Equatorial Guinea, Guinea-Bissau and Guinea abstained.",
     [("GNQ", "Equatorial Guinea"), ("GNB", "Guinea-Bissau"), ("GIN", "Guinea")]),
    ("The Democratic Republic of the Congo and the Republic of the Congo abstained.",
     [("COD", "Democratic Republic of the Congo"), ("COG", "Republic of the Congo")]),
    ("DR Congo and Congo voted against.", [("COD", "DR Congo"), ("COG", "Congo")]),
    ("South Sudan and the South Sudanese envoy welcomed it, and Sudan abstained.", [("SDN", "Sudan")]),
    ("Chad Smith, a reporter, said Chad abstained.", [("TCD", "Chad")]),
    ("The Jordan River was not on the agenda; Jordan voted in favour.", [("JOR", "Jordan")]),
    ("The United Kingdom of Great Britain and Northern Ireland voted in favour, and Ireland too.",
     [("GBR", "United Kingdom of Great Britain and Northern Ireland"), ("IRL", "Ireland")]),
    ("Northern Ireland's envoy spoke, then Ireland voted.", [("GBR", "Northern Ireland"), ("IRL", "Ireland")]),
    ("The U.S. and the UK voted in favour; Russia vetoed.", [("USA", "U.S."), ("GBR", "UK"), ("RUS", "Russia")]),
    # a name's later words in any case, its first as written
    ("Cote D'Ivoire and Equatorial guinea abstained, with chad.", [("CIV", "Cote D'Ivoire"),
                                                                  ("GNQ", "Equatorial guinea")]),
])
def test_names_inside_longer_names_are_the_longer_member(sentence, expected):
    found = [(code, sentence[a:b]) for code, a, b in read_sentence(sentence, RISKY).mentions]
    assert found == expected


# --- groups that change over time ------------------------------------------------------------------

COUNCIL = """\
members:
  CHN: {name: China, permanent: true}
  FRA: {name: France, permanent: true}
  GBR: {name: United Kingdom, permanent: true}
  SUN: {name: USSR, permanent: true}
  RUS: {name: Russian Federation, permanent: true}
  USA: {name: United States, permanent: true}
  BEL: {name: Belgium, permanent: false}
  YUG: {name: Yugoslavia, permanent: false}
seats:
  1956: [CHN, FRA, GBR, SUN, USA, BEL, YUG]
  1991: [CHN, FRA, GBR, SUN, USA, BEL]
  1992: [CHN, FRA, GBR, RUS, USA, BEL]
  2020: [CHN, FRA, GBR, RUS, USA, BEL]
groups:
  P3: [FRA, GBR, USA]
  P5: [CHN, FRA, GBR, USA, {SUN: 1946 to 1991}, {RUS: since 1992}]
  EU members:
    - BEL: since 1958
    - FRA: since 1958
    - GBR: 1973 to 2020-01-31
  odd:
    - YUG: [1956, since 1990]
    - BEL: until 1957
"""


def council_from(text: str):
    return build_council(parse_yaml(textwrap.dedent(text), "council.yaml"), "council.yaml")


def test_a_group_is_its_members_on_the_day_seated_that_year():
    council, problems = council_from(COUNCIL)
    assert problems == []
    assert council.groups_on(dt.date(1991, 12, 31))["P5"] == ("CHN", "FRA", "GBR", "USA", "SUN")
    assert council.groups_on(dt.date(1992, 1, 1))["P5"] == ("CHN", "FRA", "GBR", "USA", "RUS")
    # the United Kingdom left the European Union on 31 January 2020
    assert council.groups_on(dt.date(2020, 1, 31))["EU members"] == ("BEL", "FRA", "GBR")
    assert council.groups_on(dt.date(2020, 2, 1))["EU members"] == ("BEL", "FRA")
    # before the EEC, no member; and a member not seated that year is left out
    assert council.groups_on(dt.date(1956, 6, 1))["EU members"] == ()
    assert council.groups_on(dt.date(1956, 6, 1))["odd"] == ("YUG", "BEL")
    assert council.groups_on(dt.date(1991, 6, 1))["odd"] == ()  # YUG belongs again, but is not seated
    # a year: any of its days
    assert council.groups_during(2020)["EU members"] == ("BEL", "FRA", "GBR")
    assert council.groups_during(2020)["P3"] == ("FRA", "GBR", "USA")


def test_a_plain_list_is_a_group_for_every_year():
    council = Council("c", {}, {2016: ("FRA", "GBR")}, {"P3": ("FRA", "GBR", "USA")})
    assert council.groups["P3"] == Group("P3", (GroupMember("FRA"), GroupMember("GBR"), GroupMember("USA")))
    assert council.groups_on(dt.date(2016, 5, 1)) == {"P3": ("FRA", "GBR")}
    assert council.groups_on(dt.date(1800, 5, 1)) == {"P3": ("FRA", "GBR", "USA")}  # no seats: all of it


def test_periods_as_written():
    assert Span(dt.date(1958, 1, 1), None).text() == "since 1958"
    assert Span(dt.date(1973, 1, 1), dt.date(2020, 1, 31)).text() == "1973 to 2020-01-31"
    assert Span(None, dt.date(1991, 12, 31)).text() == "until 1991"
    assert Span(dt.date(1956, 1, 1), dt.date(1956, 12, 31)).text() == "1956"
    assert year_ranges([1946, 1947, 1948, 1956, 2011, 2012]) == "1946-1948, 1956, 2011-2012"


@pytest.mark.parametrize("line, code, message", [
    ("    - GBR: 1973 til 2020", "value-invalid", "'1973 til 2020' is not a period"),
    ("    - GBR: since 73", "value-invalid", "'73' is not a year or a day (YYYY-MM-DD)"),
    ("    - GBR: 2020 to 1973", "value-invalid", "the period '2020 to 1973' ends before it starts"),
    ("    - GBR: since 2020-02-30", "date-invalid", "'2020-02-30' is not a real day (day is out of range for month)"),
    ("    - GBR: []", "field-type", "the list of periods is empty"),
    ("    - GBR:", "field-type", "expected a period, found nothing"),
    ("    - GBR: {since: 1973}", "field-type", "expected a period, found a mapping"),
    ("    - {GBR: since 1973, BEL: since 1958}", "field-type",
     "expected a member code or CODE: PERIOD, found a mapping of several members"),
    ("    - FRA", "value-invalid", "FRA is listed twice"),
    ("    - XXX: since 1973", "member-unknown", "member 'XXX' is not in the council file"),
])
def test_a_bad_group_member_is_one_located_problem(line, code, message):
    text = COUNCIL.replace("    - GBR: 1973 to 2020-01-31", line)
    _, problems = council_from(text)
    assert [(p.code, p.message, p.subject) for p in problems] == [(code, message, "group EU members")]
    number = text.splitlines().index(line) + 1
    assert problems[0].line == number


def test_cohesion_takes_each_group_as_it_was_on_the_draft_s_day():
    """The UK counts among the EU members in a vote of January 2020, not in one of March 2020."""
    pd = pytest.importorskip("pandas")
    from votes.analysis import cohesion_table

    council, _ = council_from(COUNCIL)
    rows = [(draft, day, member, vote) for draft, day in (("jan", "2020-01-15"), ("mar", "2020-03-15"))
            for member, vote in (("BEL", "yes"), ("FRA", "yes"), ("GBR", "no"))]
    frame = pd.DataFrame(rows, columns=["draft_id", "date", "member", "vote"])
    frame["date"] = pd.to_datetime(frame["date"])
    table = cohesion_table(frame, {"EU members": council.groups["EU members"]})
    assert list(zip(table["draft_id"], table["seated"], table["yes"], table["no"])) == [
        ("jan", 3, 2, 1), ("mar", 2, 2, 0)]


# --- votes council -----------------------------------------------------------------------------------

FIXTURE_COUNCIL = str(FIXTURES / "council.yaml")


@pytest.mark.parametrize("year", ["1971", "2020"])
def test_council_command_lists_the_year_with_its_groups(cli, year):
    from conftest import assert_golden

    assert_golden(f"council-{year}.txt", cli("council", year, "--council", FIXTURE_COUNCIL).output)
    assert_golden(f"council-{year}.json", cli("council", year, "--council", FIXTURE_COUNCIL, "--format", "json").output)


def test_council_command_without_a_year_gives_the_latest(cli):
    output = cli("council", "--council", FIXTURE_COUNCIL).output
    assert output.startswith("The Security Council in 2025: 6 members, 5 permanent\n")


def test_council_json_is_what_the_library_returns(cli):
    import json

    from votes.project import load_council
    from votes.seating import seating

    council, _ = load_council(FIXTURE_COUNCIL)
    output = cli("council", "2020", "--council", FIXTURE_COUNCIL, "--format", "json").output
    assert json.loads(output) == seating(council, 2020).to_dict()


def test_a_year_without_seats_names_the_year_and_the_years_known(cli):
    result = cli("council", "1990", "--council", FIXTURE_COUNCIL, ok_codes=(2,))
    assert result.stderr.startswith("Error: ")
    assert result.stderr.endswith("council.yaml lists no seats for 1990; it knows 1971, 2020, 2025\n")
    assert result.stdout == ""


def test_a_broken_council_file_is_its_problems_and_exit_1(cli, tmp_path):
    path = tmp_path / "council.yaml"
    text = (FIXTURES / "council.yaml").read_text(encoding="utf-8")
    path.write_text(text.replace("    - GBR: 1973 to 2020-01-31", "    - GBR: 1973 til 2020"), encoding="utf-8")
    result = cli("council", "2020", "--council", str(path), ok_codes=(1,))
    line = text.splitlines().index("    - GBR: 1973 to 2020-01-31") + 1
    assert result.stderr.splitlines()[0].endswith(
        f"council.yaml:{line}:12: error[value-invalid] group EU members: '1973 til 2020' is not a period")
    assert result.stdout == ""
