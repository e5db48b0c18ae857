"""Diagnostics that lead to the fix: member codes guessed from the year's seats and the members'
names, and indentation errors told apart from a ': ' inside a value. Each message is exact."""

from __future__ import annotations

import json

import pytest

from test_checks import BASE, SEED, replaced, run


def problem_of(validation, code):
    return next(p for p in validation.problems if p.code == code)


@pytest.mark.parametrize("typed, code, message, hint", [
    # three letters, so a code in form: Angola, by its name, not Nigeria (NGA), who sat in 2011 and 2014
    ("ANG", "member-unknown", "member 'ANG' is not in the council file", "did you mean AGO (Angola)?"),
    # two letters: the initials of New Zealand
    ("NZ", "member-code-invalid", "'NZ' is not a member code", "did you mean NZL (New Zealand)?"),
    ("UK", "member-code-invalid", "'UK' is not a member code", "did you mean GBR (United Kingdom)?"),
    ("Angola", "member-code-invalid", "'Angola' is not a member code", "did you mean AGO (Angola)?"),
    ("RSU", "member-unknown", "member 'RSU' is not in the council file", "did you mean RUS (Russia)?"),
])
def test_member_code_suggested_from_the_seats_and_names(mini, typed, code, message, hint):
    validation = run(mini, replaced("      AGO: abstain", f"      {typed}: abstain"))
    problem = problem_of(validation, code)
    assert (problem.line, problem.field, problem.message, problem.hint) == (12, f"votes.{typed}", message, hint)


def test_a_member_seated_that_year_comes_before_one_who_is_not(mini):
    # in 2011 Nigeria sat and Angola did not: NGA is the better guess then, Angola named as unseated
    records = replaced("date: 2016-10-08", "date: 2011-10-04")
    validation = run(mini, replaced("      AGO: abstain", "      NIG: abstain", records))
    assert problem_of(validation, "member-unknown").hint == "did you mean NGA (Nigeria)?"
    validation = run(mini, replaced("      AGO: abstain", "      ANG: abstain", records))
    assert problem_of(validation, "member-unknown").hint == "did you mean AGO (Angola, not seated in 2011)?"


def test_a_code_nothing_resembles_gets_the_way_to_add_it(mini):
    validation = run(mini, replaced("      AGO: abstain", "      QQQ: abstain"))
    assert problem_of(validation, "member-unknown").hint == "add the member to data/council.yaml"


def _syntax(mini, records):
    validation = run(mini, records)
    problem = problem_of(validation, "yaml-syntax")
    return problem.line, problem.col, problem.hint


def test_over_indented_key_is_an_indentation_error_not_a_quoting_one(mini):
    records = replaced("      CHN: abstain", "        CHN: abstain")
    assert _syntax(mini, records) == (
        11, 12, "'CHN:' is indented deeper than 'VEN:' on line 10, so YAML reads it as more of that value; "
        "start it in column 7, under 'VEN:'")


def test_over_indented_field_of_an_evidence_entry(mini):
    records = replaced("        supports: [positions.RUS]", "          supports: [positions.RUS]")
    line, _, hint = _syntax(mini, records)
    assert hint == ("'supports:' is indented deeper than 'quote:' on line 37, so YAML reads it as more of that "
                    "value; start it in column 9, under 'quote:'")


def test_under_indented_key_names_the_columns_around_it(mini):
    records = replaced("      CHN: abstain", "     CHN: abstain")
    assert _syntax(mini, records) == (
        11, 6, "'CHN:' starts in column 6, between 'votes:' (line 8, column 5) and 'VEN:' (line 10, column 7); "
        "start it in the column of the keys of its own mapping")


def test_a_colon_inside_a_value_still_gets_the_quoting_hint(mini):
    records = replaced("    title: French-Spanish draft", "    title: Aleppo: the French-Spanish draft")
    assert _syntax(mini, records)[2] == "a ': ' inside a value starts a mapping; put the value in double quotes"



LONG = ("The draft, which the Council debated for a week and which France and Spain revised three times "
        "before the meeting, was vetoed by Russia on Saturday after a debate of several hours.")


def _uncovered(mini, extra: str, records: str):
    mini.seed("a.txt", SEED + extra)
    mini.manifest()
    mini.records(records)
    return mini.validate()


def test_uncovered_sentence_in_full_with_stubs_to_paste(mini, cli):
    validation = _uncovered(mini, "\n" + LONG.replace("several hours.", "several  \u00a0hours.") + "\n", BASE)
    problem = problem_of(validation, "seed-uncovered")
    assert len(LONG) > 120
    assert problem.message == f"reports a Council vote, veto or draft that no record cites: {LONG!r}"
    assert problem.stubs == {
        "evidence": f'- {{seed: a.txt, quote: "{LONG}", supports: [TODO]}}',
        "ignore": f'- {{seed: a.txt, quote: "{LONG}", reason: ""}}',
    }
    text = cli("validate").output
    assert f"    evidence: - {{seed: a.txt, quote: \"{LONG}\", supports: [TODO]}}\n" in text
    assert f"    ignore:   - {{seed: a.txt, quote: \"{LONG}\", reason: \"\"}}\n" in text
    data = json.loads(cli("validate", "--format", "json").output)
    assert [p["stubs"] for p in data["problems"] if p["code"] == "seed-uncovered"] == [problem.stubs]
    assert all("stubs" not in p for p in data["problems"] if p["code"] != "seed-uncovered")


def test_the_stubs_paste_as_they_are_and_ask_to_be_filled_in(mini):
    validation = _uncovered(mini, "\n" + LONG + "\n", BASE)
    stubs = problem_of(validation, "seed-uncovered").stubs
    # pasted as they are: the sentence counts as covered, and what is left to fill in is an error
    ignored = _uncovered(mini, "\n" + LONG + "\n", BASE + "ignore:\n  " + stubs["ignore"] + "\n")
    assert [(p.code, p.field, p.message) for p in ignored.problems] == [("field-type", "reason", "is empty")]
    cited = _uncovered(mini, "\n" + LONG + "\n", BASE + "      " + stubs["evidence"] + "\n")
    assert [(p.code, p.message) for p in cited.problems] == [("supports-invalid", "evidence[5] (line 41) cites 'TODO', which is not a fact path")]
    # filled in, clean
    filled = stubs["ignore"].replace('reason: ""', 'reason: "the debate, already recorded"')
    assert _uncovered(mini, "\n" + LONG + "\n", BASE + "ignore:\n  " + filled + "\n").problems == []


def test_one_root_cause_gives_one_message(mini):
    """`RUS: NO` is a value outside the levels; citing votes.RUS is not a second problem."""
    from test_checks import BASE, SEED, replaced

    mini.seed("a.txt", SEED)
    mini.manifest()
    mini.records(replaced("      RUS: no", "      RUS: NO", BASE))
    problems = [(p.code, p.field) for p in mini.validate().problems if p.severity == "error"]
    assert ("value-invalid", "votes.RUS") in problems
    assert not [p for p in problems if p[0] == "supports-no-fact"], problems
