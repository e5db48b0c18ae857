"""`votes suggest`: proposals from a new article, checked by the real validator; --append."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import shutil
from pathlib import Path

import pytest

from conftest import PROJECT
from votes import load_project, validate
from votes.suggest import insert_drafts, suggest, suggestion_yaml

ARTICLES = Path(__file__).resolve().parent / "fixtures" / "articles"
SEATS_2016 = ["CHN", "FRA", "GBR", "RUS", "USA", "AGO", "EGY", "ESP", "JPN", "MYS", "NZL", "SEN", "UKR", "URY", "VEN"]


@pytest.fixture
def article_project(mini):
    """A project with no records yet and one article registered with its publication date."""
    def make(article: str, published: str):
        text = (ARTICLES / article).read_text(encoding="utf-8")
        mini.seed("001_article.txt", text)
        mini.manifest(published=published)
        mini.records("drafts: []\n")
        return load_project()
    return make


def test_suggestion_for_a_later_veto_has_every_vote_the_article_gives(article_project):
    project = article_project("aleppo-december-veto.txt", "2016-12-05")
    proposals = suggest(project, "001_article.txt").proposals
    assert [draft_id for draft_id, _ in proposals] == ["egy-esp-nzl-vetoed-2016-12"]
    proposal = proposals[0][1]
    assert proposal.votes == {"RUS": "no", "CHN": "no", "VEN": "no", "AGO": "abstain",
                              **{c: "yes" for c in SEATS_2016 if c not in ("RUS", "CHN", "VEN", "AGO")}}
    assert proposal.tally == {"yes": 11, "no": 3, "abstain": 1}
    assert (proposal.status, proposal.date.isoformat(), proposal.drafters) == ("vetoed", "2016-12-05",
                                                                               ("EGY", "ESP", "NZL"))
    assert "the date: 'Monday' before the article's date 2016-12-05" in proposal.todos


def test_pasted_as_is_the_suggestion_validates_clean(article_project, mini):
    project = article_project("aleppo-december-veto.txt", "2016-12-05")
    out = suggest(project, "001_article.txt")
    mini.records(suggestion_yaml(out))
    validation = validate(load_project())
    assert validation.ok(), [p.to_line() for p in validation.problems]
    # what is left is the review: the placeholders, which --strict refuses until a person replaces them
    assert {p.code for p in validation.warnings} == {"todo-unreviewed"}
    basis = validation.drafts["egy-esp-nzl-vetoed-2016-12"].basis
    assert basis["votes.RUS"] == "quoted" and basis["votes.FRA"] == "derived"


def test_two_votes_in_one_article_become_two_records(article_project):
    project = article_project("two-votes.txt", "2016-03-03")
    by_id = dict(suggest(project, "001_article.txt").proposals)
    assert sorted(by_id) == ["gbr-vetoed-2016-03", "rus-failed-2016-03"]
    british, russian = by_id["gbr-vetoed-2016-03"], by_id["rus-failed-2016-03"]
    assert british.votes["RUS"] == british.votes["VEN"] == "no"
    assert british.votes["AGO"] == british.votes["EGY"] == british.votes["SEN"] == "abstain"
    assert british.tally["yes"] == 10 and british.date.isoformat() == "2016-03-03"
    assert {c for c, v in russian.votes.items() if v == "yes"} == {"CHN", "VEN", "EGY", "RUS"}
    assert russian.votes["AGO"] == "abstain" and sum(v == "no" for v in russian.votes.values()) == 10


def test_append_writes_a_file_that_validates_and_keeps_what_was_there(tmp_path, monkeypatch, cli):
    for folder in ("data", "seeds"):
        shutil.copytree(PROJECT / folder, tmp_path / folder)
    monkeypatch.chdir(tmp_path)
    article = (ARTICLES / "aleppo-december-veto.txt").read_bytes()
    (tmp_path / "seeds" / "005_article.txt").write_bytes(article)
    with open(tmp_path / "seeds" / "MANIFEST.yaml", "a", encoding="utf-8") as manifest:
        manifest.write(f"  005_article.txt:\n    sha256: {hashlib.sha256(article).hexdigest()}\n"
                       "    published: 2016-12-05\n")
    before = (tmp_path / "data" / "resolutions.yaml").read_text(encoding="utf-8")
    printed = cli("suggest", "005_article.txt").output
    assert (tmp_path / "data" / "resolutions.yaml").read_text(encoding="utf-8") == before  # nothing written
    assert "  - id: egy-esp-nzl-vetoed-2016-12" in printed
    result = cli("suggest", "005_article.txt", "--append")
    assert result.output.startswith("appended 1 unreviewed record(s) and 1 ignore entry to data/resolutions.yaml")
    after = (tmp_path / "data" / "resolutions.yaml").read_text(encoding="utf-8")
    assert after.startswith(before[:before.index("ignore:")].rstrip("\n"))
    cli("validate")
    cli("validate", "--strict", ok_codes=(1,))  # until a person reviews it (tests/test_review.py)


def test_insert_keeps_the_lists_apart():
    text = "drafts:\n  - id: a\n    title: A\n\nignore:\n  - seed: x\n"
    out = insert_drafts(text, "  - id: b\n")
    assert out == "drafts:\n  - id: a\n    title: A\n\n  - id: b\n\nignore:\n  - seed: x\n"
    assert insert_drafts(out, "  - seed: y\n", key="ignore").endswith("ignore:\n  - seed: x\n  - seed: y\n")
    assert insert_drafts("", "  - id: b\n") == "drafts:\n  - id: b\n"


def test_an_empty_flow_list_becomes_the_list_appended_to(mini, cli):
    """'drafts: []' (and 'ignore: []') take the appended items; before, a second 'drafts:' key was
    written after it, a file that no longer loaded."""
    assert insert_drafts("drafts: []  # none yet\nignore: []\n", "  - id: b\n") == \
        "drafts:  # none yet\n\n  - id: b\n\nignore: []\n"
    mini.seed("001_article.txt", "Russia vetoed the draft resolution drafted by France on Saturday. It received 11 "
                                 "votes in favour to 2 against, with 2 abstentions.\n")
    mini.manifest(published="2016-10-09")
    mini.records("drafts: []\nignore: []\n")
    cli("suggest", "001_article.txt", "--append")
    assert "\n0 errors, " in cli("validate").output


def only_proposal(mini, article: str, published: str):
    """The one proposal `votes suggest` makes from an article, in a project with no records yet."""
    mini.seed("001_article.txt", article)
    mini.manifest(published=published)
    mini.records("drafts: []\n")
    (proposal,) = [p for _, p in suggest(load_project(), "001_article.txt").proposals]
    return proposal


def test_a_sentence_with_only_the_rest_of_the_council_backs_their_votes(article_project, mini):
    """'All members other than Russia and China voted for it' gives thirteen votes: the sentence is
    their evidence (votes.others), not an ignore entry beside votes backed by nothing."""
    proposal = only_proposal(mini, "Russia on Thursday vetoed a draft drafted by the United States.\n\nAll members of "
                                   "the Security Council other than Russia and China voted for the resolution.\n",
                             "2024-03-29")
    assert sorted(proposal.votes.values()).count("yes") == 13 and "CHN" not in proposal.votes
    cited = dict(proposal.evidence)
    assert cited["All members of the Security Council other than Russia and China voted for the resolution."] == \
        ["votes.others"]


def test_a_count_of_other_members_that_names_them_gives_no_vote_to_the_unnamed(mini):
    """'Three other members, Angola, Egypt and Japan, abstained' names the three: the members the
    article leaves unnamed are not given their abstention (nor any vote)."""
    proposal = only_proposal(mini, "Russia on Saturday vetoed a draft drafted by France and Spain.\n\nFrance, Spain, "
                                   "Britain, the United States, Ukraine, New Zealand, Senegal and Uruguay voted for "
                                   "it. Three other members, Angola, Egypt and Japan, abstained.\n", "2016-10-08")
    assert {c: v for c, v in proposal.votes.items() if v == "abstain"} == {"AGO": "abstain", "EGY": "abstain",
                                                                          "JPN": "abstain"}
    assert not {"CHN", "MYS", "VEN"} & set(proposal.votes)  # the three the article leaves unnamed


def test_members_who_voted_with_another_take_its_vote_and_the_sentence_is_their_evidence(mini):
    """'China and Angola voted with Russia', Russia's veto in the sentence before: both voted no."""
    proposal = only_proposal(mini, "Russia on Saturday vetoed a draft drafted by France and Spain.\n\nChina and "
                                   "Angola voted with Russia.\n", "2016-10-08")
    assert {c: proposal.votes.get(c) for c in ("RUS", "CHN", "AGO")} == {"RUS": "no", "CHN": "no", "AGO": "no"}
    assert dict(proposal.evidence)["China and Angola voted with Russia."] == ["votes.CHN", "votes.AGO"]
    mini.records(suggestion_yaml(suggest(load_project(), "001_article.txt")))
    validation = validate(load_project())
    assert not [p for p in validation.errors], [p.to_line() for p in validation.errors]


def test_a_vote_reported_only_in_others_words_leaves_the_status_to_the_reader(mini):
    """A draft whose vote the article gives only as hearsay is no draft that never came to a vote."""
    proposal = only_proposal(mini, "Russia circulated a draft on Monday.\n\nAccording to diplomats, the Russian "
                                   "draft won only five votes.\n", "2020-10-30")
    assert proposal.status is None and proposal.drafters == ("RUS",)
    assert any("only in others' words" in problem for problem in proposal.problems)


def test_article_with_no_vote(article_project, cli):
    article_project("aleppo-december-veto.txt", "2016-12-05")
    (Path("seeds") / "001_article.txt").write_text("Talks went on all night.\n", encoding="utf-8")
    assert cli("suggest", "001_article.txt").output.startswith("# the reader finds no vote")


def test_a_status_the_article_leaves_open_follows_the_charter_of_its_year(mini):
    """Before 1966 seven of the eleven votes carried a draft: seven yes and a Soviet no is a veto."""
    council = mini.root / "data" / "council.yaml"
    text = re.sub(r"(?m)^  1950: .*\n", "", council.read_text(encoding="utf-8"))  # this test's own seats of 1950
    members = "".join(f"  {code}:\n    name: {name}\n    permanent: false\n    names: [{name}]\n"
                      for code, name in (("NOR", "Norway"), ("ECU", "Ecuador"), ("CUB", "Cuba"), ("YUG", "Yugoslavia"))
                      if f"\n  {code}:\n" not in text)
    council.write_text(text.replace(
        "\nseats:\n", f"\n{members}\nseats:\n  1950: [CHN, FRA, GBR, RUS, USA, CUB, ECU, EGY, IND, NOR, YUG]\n", 1),
        encoding="utf-8")
    mini.seed("001_article.txt", "The draft received seven votes in favour (China, France, United Kingdom, "
                                 "United States, Ecuador, Egypt, Norway) to one against (Russian Federation), with "
                                 "three abstentions (Cuba, India, Yugoslavia).\n")
    mini.manifest(published="1950-09-13")
    mini.records("drafts: []\n")
    proposal = suggest(load_project(), "001_article.txt").proposals[0][1]
    assert proposal.tally == {"yes": 7, "no": 1, "abstain": 3}
    assert proposal.status == "vetoed"
    assert any("the status: 'vetoed' is what the Charter gives" in todo for todo in proposal.todos)


def test_votes_that_leave_too_few_for_the_quota_settle_a_failure_the_article_does_not_name(mini):
    """"The Council rejected the draft" leaves failed or vetoed; nine against and two for, with one
    vote unknown, leave at most three in favour: failed. "Eleven for and four abstentions" fill every
    seat with no vote against: adopted."""
    proposal = only_proposal(mini, "The Council rejected the Russian draft on Monday. Nine countries voted against "
                                   "it (France, United Kingdom, United States, Japan, Egypt, Spain, Malaysia, "
                                   "New Zealand, Senegal). Russia and Venezuela voted for it, while Angola, Ukraine "
                                   "and Uruguay abstained.\n", "2016-10-10")
    assert "CHN" not in proposal.votes and proposal.status == "failed"
    assert any("which it says were not enough for adoption" in todo for todo in proposal.todos)
    proposal = only_proposal(mini, "The draft received 11 votes in favour and four abstentions on Monday, with "
                                   "China abstaining.\n", "2016-10-10")
    assert proposal.status == "adopted"


def test_the_elected_members_are_named_by_the_year_of_the_vote(mini):
    proposal = only_proposal(mini, "The draft, put forward by the Council's 10 non-permanent members, was vetoed by "
                                   "Russia on Saturday.\n", "2016-10-10")
    assert proposal.drafters == ("AGO", "EGY", "ESP", "JPN", "MYS", "NZL", "SEN", "UKR", "URY", "VEN")
    assert "E10" not in proposal.votes


def test_a_vote_against_is_not_given_to_a_draft_adopted_unanimously(mini):
    mini.seed("001_article.txt", "Acting unanimously, the Council on Friday adopted a three-day extension of the "
                                 "mission. Earlier on Friday, the United States had voted against a draft extending "
                                 "the mission to December.\n")
    mini.manifest(published="2016-06-30")
    mini.records("drafts: []\n")
    proposals = [p for _, p in suggest(load_project(), "001_article.txt").proposals]
    adopted = [p for p in proposals if p.status == "adopted"]
    assert adopted and all(p.votes.get("USA") != "no" for p in adopted)
    assert any(p.votes.get("USA") == "no" for p in proposals if p.status != "adopted")


def test_with_no_date_the_year_of_a_resolution_number_names_the_rest(mini):
    """An article with no date: "resolution 1593 (2005)" gives the year whose Council the other members
    were, though the vote's day stays to be written."""
    mini.seed("001_article.txt", "By a vote of 11 in favour to none against, with 4 abstentions (Algeria, Brazil, "
                                 "China, United States), the Council adopted resolution 1593 (2005).\n")
    mini.manifest(published=None)
    mini.records("drafts: []\n")
    (proposal,) = [p for _, p in suggest(load_project(), "001_article.txt").proposals]
    assert proposal.date is None and proposal.status == "adopted"
    assert proposal.votes["FRA"] == "yes" and proposal.votes["DZA"] == "abstain" and len(proposal.votes) == 15
    assert "the votes: those of the Council of 2005, the year the article gives the text" in proposal.todos
    from votes.proposals import year_named
    assert year_named(["The draft (S/2007/14) was vetoed."]) == 2007 and year_named(["In 2007 it was vetoed."]) is None


def test_with_no_date_a_resolution_adopted_by_its_number_alone_names_the_rest(mini):
    """"adopted resolution 1593" with no year: the number was given in 2005 (votes.resolution_years), whose
    Council the other members were; a resolution named only as an earlier text gives no year."""
    mini.seed("001_article.txt", "By 11 votes in favour to none against, with 4 abstentions (Algeria, Brazil, "
                                 "China, United States), the Council adopted resolution 1593 on Thursday.\n")
    mini.seed("002_article.txt", "By 11 votes in favour to none against, with 4 abstentions (Algeria, Brazil, "
                                 "China, United States), the Council adopted a text recalling resolution 1593.\n")
    mini.manifest(published=None)
    mini.records("drafts: []\n")
    project = load_project()
    (proposal,) = [p for _, p in suggest(project, "001_article.txt").proposals]
    assert proposal.date is None and proposal.votes["FRA"] == "yes" and len(proposal.votes) == 15
    assert "the votes: those of the Council of 2005, the year the article gives the text" in proposal.todos
    (unplaced,) = [p for _, p in suggest(project, "002_article.txt").proposals]
    assert set(unplaced.votes) == {"DZA", "BRA", "CHN", "USA"}
    from votes.proposals import year_named
    assert year_named(["Resolution 2334 was adopted by 14 votes."]) == 2016
    assert year_named(["Members voted to adopt Resolution 2468."]) == 2019
    assert year_named(["It adopted resolution 2999."]) is None  # a number past the last one known
    assert year_named(["Members approved the resolution 11\u20130 with three abstentions."]) is None  # a score


def test_a_vote_that_would_overfill_the_seats_is_another_drafts(mini):
    """"Japan voted no" after "13 votes ... Russia voted against it and China abstained" would fill 16
    seats: it is the vote on the other draft, which the article names."""
    mini.seed("001_article.txt", "The Council voted on two drafts on 8 October 2016, one by France and Spain and one "
                                 "by Russia. The French-Spanish draft received 13 votes but failed as Russia voted "
                                 "against it and China abstained. Japan voted no, and 13 other members abstained. "
                                 "The Russian draft was rejected.\n")
    mini.manifest(published="2016-10-09")
    mini.records("drafts: []\n")
    proposals = {p.drafters: p for _, p in suggest(load_project(), "001_article.txt").proposals}
    assert proposals[("ESP", "FRA")].votes.get("JPN") != "no"
    assert proposals[("RUS",)].votes.get("JPN") == "no"


def test_with_no_date_elected_members_who_sat_together_once_name_the_rest(mini):
    """Angola and Egypt sat on the Council together only in 2016: an undated article naming both
    gives the rest of that year's Council; one elected member alone (Angola: 2003-04, 2015-16) does not."""
    mini.seed("001_article.txt", "Russia vetoed the draft, with Angola and Egypt abstaining; the other 12 members "
                                 "voted in favour.\n")
    mini.seed("002_article.txt", "Russia vetoed the draft, with Angola abstaining; the other 13 members voted in "
                                 "favour.\n")
    mini.manifest(published=None)
    mini.records("drafts: []\n")
    project = load_project()
    (placed,) = [p for _, p in suggest(project, "001_article.txt").proposals]
    assert placed.date is None and placed.status == "vetoed" and len(placed.votes) == 15
    assert placed.votes["NZL"] == "yes" and placed.votes["EGY"] == "abstain"
    assert ("the votes: those of the Council of 2016, the only year in council.yaml in which AGO, EGY all sat on it"
            in placed.todos)
    (unplaced,) = [p for _, p in suggest(project, "002_article.txt").proposals]
    assert set(unplaced.votes) == {"RUS", "AGO"}


def test_with_no_date_an_earlier_texts_year_gives_way_to_the_members_named(mini):
    """"... extended the authorizations set out in its resolution 2118 (2013)" in an undated article
    whose vote names Angola and Egypt, who sat together only in 2016: 2013 is an earlier text's year,
    not the vote's (it once crashed suggest, naming members unseated that year); the Council of 2016
    is proposed."""
    mini.seed("001_article.txt", "The Council adopted the resolution, with Angola and Egypt abstaining; the other 13 "
                                 "members voted in favour. With the adoption, the Council extended the authorizations "
                                 "set out in its resolution 2118 (2013) for a further 12 months.\n")
    mini.manifest(published=None)
    mini.records("drafts: []\n")
    (placed,) = [p for _, p in suggest(load_project(), "001_article.txt").proposals]
    assert placed.votes["NZL"] == "yes" and placed.votes["EGY"] == "abstain" and len(placed.votes) == 15
    assert ("the votes: those of the Council of 2016, the only year in council.yaml in which AGO, EGY all sat on it"
            in placed.todos)


def test_a_draft_with_too_few_votes_in_favour_is_no_vetoed_drafts(mini):
    """"... after Moscow vetoed a rival measure. The measure was defeated by nine against, four in
    favour": four in favour fails under either Council's rule, so that sentence is not the vetoed
    rival's; it is the Russian draft's, which it settles as failed even with no date."""
    mini.seed("001_article.txt", "The Council rejected a Russian-drafted resolution after Moscow vetoed a rival "
                                 "measure.\nThe measure was defeated by a vote of nine against, including Britain, "
                                 "France and the United States, four in favor and two abstentions.\n")
    mini.manifest(published=None)
    mini.records("drafts: []\n")
    proposals = [p for _, p in suggest(load_project(), "001_article.txt").proposals]
    russian = next(p for p in proposals if p.drafters == ("RUS",))
    assert russian.status == "failed" and russian.tally == {"yes": 4, "no": 9, "abstain": 2}
    assert russian.votes == {"GBR": "no", "FRA": "no", "USA": "no"}
    (rival,) = [p for p in proposals if p is not russian]
    assert rival.status == "vetoed" and rival.votes == {"RUS": "no"}


def test_an_opening_they_gives_the_votes_of_those_the_sentence_before_names(mini):
    """"... with China and Angola arguing against it.\n\nThey both abstained": the pronoun, first in its
    paragraph, stands for the two the paragraph before names alone; the quote proposed for their
    votes is its own sentence, and it validates."""
    mini.seed("001_article.txt", "The Council was split on the text, with China and Angola arguing against it.\n\n"
                                 "They both abstained. Russia vetoed the draft, and the other 12 members voted in "
                                 "favour.\n")
    mini.manifest(published=dt.date(2016, 10, 9))
    mini.records("drafts: []\n")
    out = suggest(load_project(), "001_article.txt")
    (placed,) = [p for _, p in out.proposals]
    assert placed.votes["CHN"] == placed.votes["AGO"] == "abstain" and len(placed.votes) == 15
    assert ("They both abstained.", ["votes.CHN", "votes.AGO"]) in [(q, list(s)) for q, s in placed.evidence]
    mini.records(suggestion_yaml(out))
    validation = validate(load_project())
    assert validation.ok(), [p.to_line() for p in validation.problems]


def test_the_vote_date_a_researcher_gives_dates_an_undated_article_and_names_the_rest(mini, cli):
    """`votes suggest --date`: the article gives no date and names one elected member (Angola sat in
    2003-04 and 2015-16); the day the researcher gives from the UN record places the vote in 2016, so
    'the other 13' are that year's Council. No sentence is cited for the date, and a TODO asks for
    its source."""
    mini.seed("001_article.txt", "Russia vetoed the draft on Monday, with Angola abstaining; the other 13 members "
                                 "voted in favour.\n")
    mini.manifest(published=None)
    mini.records("drafts: []\n")
    (unplaced,) = [p for _, p in suggest(load_project(), "001_article.txt").proposals]
    assert unplaced.date is None and set(unplaced.votes) == {"RUS", "AGO"}
    (placed,) = [p for _, p in suggest(load_project(), "001_article.txt", dt.date(2016, 10, 10)).proposals]
    assert placed.date == dt.date(2016, 10, 10) and len(placed.votes) == 15 and placed.votes["NZL"] == "yes"
    assert all("date" not in supports for _, supports in placed.evidence)
    assert any(todo.startswith("the date: 2016-10-10, given with --date") for todo in placed.todos)
    shown = cli("suggest", "001_article.txt", "--date", "2016-10-10").output
    assert "date: 2016-10-10" in shown and "NZL: yes" in shown
    refused = cli("suggest", "001_article.txt", "--date", "10/10/2016", ok_codes=(2,))
    assert "--date" in refused.output + refused.stderr


def test_an_article_in_another_language_is_named_as_such_not_read_as_saying_nothing(mini):
    mini.seed("001_article.txt", "Le Conseil de sécurité a rejeté le projet de résolution, la Russie ayant "
                                 "opposé son veto. La Chine et l'Angola se sont abstenues.\n")
    mini.manifest()
    mini.records("drafts: []\n")
    out = suggest(load_project(), "001_article.txt")
    assert out.empty
    assert out.warnings == ["001_article.txt: it reads as French, and the reader reads English only: cite an "
                            "English report of the vote"]


# --- one record per vote; what cannot be settled; unknown names; dates -----------------------------

def _with_article(root: Path, article: str, published: str, name: str = "005_article.txt") -> str:
    raw = (ARTICLES / article).read_bytes()
    (root / "seeds" / name).write_bytes(raw)
    with open(root / "seeds" / "MANIFEST.yaml", "a", encoding="utf-8") as manifest:
        manifest.write(f"  {name}:\n    sha256: {hashlib.sha256(raw).hexdigest()}\n    published: {published}\n")
    return name


@pytest.fixture
def shipped_copy_here(tmp_path, monkeypatch):
    for folder in ("data", "seeds"):
        shutil.copytree(PROJECT / folder, tmp_path / folder)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_a_second_article_about_a_recorded_vote_adds_evidence_to_that_record(shipped_copy_here, cli):
    root = shipped_copy_here
    name = _with_article(root, "aleppo-veto-second-report.txt", "2016-10-09")
    out = suggest(load_project(), name)
    assert out.proposals == []
    assert [a.draft.id for a in out.additions] == ["fr-es-aleppo-2016-10"]
    assert out.additions[0].why == "the same date, drafters and outcome"
    supports = {path for _, paths in out.additions[0].evidence for path in paths}
    assert {"votes.RUS", "status", "drafted_by", "tally.yes", "votes.CHN", "votes.AGO"} <= supports
    printed = cli("suggest", name).output
    assert "# evidence for draft fr-es-aleppo-2016-10, recorded already (the same date, drafters and outcome)" in printed
    assert "drafts:" not in printed
    before = (root / "data" / "resolutions.yaml").read_text(encoding="utf-8")
    cli("suggest", name, "--append")
    after = load_project()
    assert [d.id for d in after.records.drafts] == [d.id for d in load_project_from_text(before).records.drafts]
    draft = after.records.draft("fr-es-aleppo-2016-10")
    assert {ev.seed for ev in draft.evidence if ev.seed} >= {"000_d17f4b8d1948d0a3.txt", name}
    assert cli("validate").exit_code == 0


def load_project_from_text(text: str):
    from votes.project import records_from_text

    project = load_project()
    records, _ = records_from_text(text, "data/resolutions.yaml", project.council)
    return type("P", (), {"records": records})


def test_append_validates_the_whole_file_once(shipped_copy_here, monkeypatch):
    """No temporary file and one validation: the checks of the proposals alone read facts only."""
    import sys

    name = _with_article(shipped_copy_here, "aleppo-december-veto.txt", "2016-12-05")
    calls = []
    module = sys.modules["votes.validate"]
    real = module.validate
    monkeypatch.setattr(module, "validate", lambda *a, **k: calls.append(1) or real(*a, **k))
    from votes.suggest import append

    project = load_project()
    append(project, suggest(project, name))
    assert calls == [1]
    assert "egy-esp-nzl-vetoed-2016-12" in {d.id for d in load_project().records.drafts}


def test_a_name_the_council_does_not_know_is_warned_of(article_project, cli):
    project = article_project("unknown-names.txt", "2016-03-03")
    out = suggest(project, "001_article.txt")
    assert out.warnings == ["'Wakanda' stands in a vote list, and council.yaml knows no member of that name: add it to "
                            "the member's names (`votes council YEAR` lists the members of a year), then suggest again"]
    (proposal,) = [p for _, p in out.proposals]
    assert proposal.votes == {"RUS": "no", "ESP": "yes", "EGY": "yes"}
    result = cli("suggest", "001_article.txt")
    assert "warning: 'Wakanda' stands in a vote list" in result.stderr


def test_no_outcome_stated_is_said_before_the_proposal_and_a_deadline_is_no_date(article_project, cli):
    project = article_project("deadline-and-no-outcome.txt", "2016-03-03")
    (draft_id, proposal), = suggest(project, "001_article.txt").proposals
    assert proposal.date.isoformat() == "2016-03-03"  # 'Thursday', not the mandate's end of 10 January 2017
    assert proposal.status is None
    assert proposal.problems[0].startswith("the article states no outcome")
    result = cli("suggest", "001_article.txt")
    assert f"note: {draft_id} will not validate until you fix it: the article states no outcome" in result.stderr
    assert "    status: TODO\n" in result.stdout


def test_two_unnamed_votes_that_disagree_are_two_proposals(article_project, mini):
    mini.seed("001_article.txt", "UNITED NATIONS, March 3, 2016 - The Council voted twice on Thursday.\n\n"
                                 "The first text received 11 votes in favour and Russia vetoed it.\n\n"
                                 "Hours later a second text received 4 votes in favour.\n")
    mini.manifest(published="2016-03-03")
    mini.records("drafts: []\n")
    out = suggest(load_project(), "001_article.txt")
    tallies = sorted(p.tally.get("yes") for _, p in out.proposals)
    assert tallies == [4, 11]


def test_an_old_date_beside_a_weekday_is_another_events(mini):
    """'... the crash over Ukraine on July 17, 2014 on Wednesday' in an article of 30 July 2015:
    the weekday is the vote's, the year-old date the crash's; a recent date is still taken."""
    mini.seed("001_article.txt", "Russia vetoed the resolution on a tribunal for the plane crash over Ukraine on "
                                 "July 17, 2014 on Wednesday.\n")
    mini.manifest(published="2015-07-30")
    mini.records("drafts: []\n")
    (_, proposal), = suggest(load_project(), "001_article.txt").proposals
    assert proposal.date.isoformat() == "2015-07-29"
    mini.seed("001_article.txt", "Russia vetoed the resolution on Ukraine on July 28, 2015, before the "
                                 "recess on Wednesday.\n")
    mini.manifest(published="2015-07-30")
    (_, proposal), = suggest(load_project(), "001_article.txt").proposals
    assert proposal.date.isoformat() == "2015-07-28"


@pytest.mark.parametrize("sentence, day", [
    ("A veto by China prevented the deployment of observers to verify the agreement signed on 4 December 1996.",
     "1997-01-10"),
    ("China vetoed the draft on the plane shot down on 17 July 2014.", "1997-01-10"),
    # near miss: the date of the vote itself, after 'on', is still taken
    ("China vetoed the draft on 9 January 1997.", "1997-01-09"),
])
def test_the_date_of_another_event_after_its_verb_is_not_the_votes(mini, sentence, day):
    """'the cease-fire agreement signed on 4 December 1996': a date after 'on' that follows the verb of
    another event is that event's; the proposal keeps the article's date (with a TODO) instead."""
    mini.seed("001_article.txt", sentence + "\n")
    mini.manifest(published="1997-01-10")
    mini.records("drafts: []\n")
    (_, proposal), = suggest(load_project(), "001_article.txt").proposals
    assert proposal.date.isoformat() == day


def test_a_sentence_about_several_earlier_vetoes_gives_no_vote_to_the_one_voted_here(mini):
    """'Washington has used its veto against three draft resolutions' is the history of other
    drafts: the United States keeps the vote the article gives it here."""
    mini.seed("001_article.txt", "Russia and China vetoed a US draft on Gaza on Friday.\n\n"
                                 "Eleven members voted in favour of the US resolution, while Russia, China and "
                                 "Algeria opposed it, and Guyana abstained.\n\n"
                                 "Washington has used its veto against three draft resolutions since October.\n")
    mini.manifest(published="2024-03-22")
    mini.records("drafts: []\n")
    (_, proposal), = suggest(load_project(), "001_article.txt").proposals
    assert proposal.votes.get("USA") != "no"
    assert "Washington has used its veto" not in " ".join(q for q, _ in proposal.evidence)


def test_a_veto_said_of_every_draft_voted_on_is_not_given_to_the_vetoers_own(mini):
    """'the 12th time that Russia has used its veto', in an article on a US draft Russia vetoed and a
    Russian draft voted on the same day: the veto goes to the US draft, never to Russia's own."""
    proposals = _proposals_by_drafters(mini, "Russia vetoed a US draft on chemical weapons on Tuesday.\n\n"
                                             "A draft resolution by Russia also was not adopted.\n\n"
                                             "Tuesday's meeting marked the 12th time that Russia has used its veto "
                                             "on Syria.\n", "2018-04-10")
    assert proposals[("USA",)].votes.get("RUS") == "no"
    assert proposals[("RUS",)].votes.get("RUS") != "no"


def test_votes_named_to_no_draft_go_to_a_draft_the_vetoer_did_not_write(mini):
    """An article on a vetoed Algerian draft that recalls an earlier US-drafted resolution: the vote
    sentences, which name no draft, belong to the draft the United States vetoed, not to its own."""
    proposals = _proposals_by_drafters(mini, "The United States vetoed an Arab-backed draft on Tuesday.\n\n"
                                             "He recalled the recent US-drafted resolution on Lebanon.\n\n"
                                             "The Algerian diplomat who tabled the draft spoke after the vote.\n\n"
                                             "Eleven nations voted in favor while Britain, Germany and Romania "
                                             "abstained.\n", "2004-10-06")
    assert proposals[("DZA",)].votes.get("GBR") == "abstain"
    assert ("USA",) not in proposals or proposals[("USA",)].votes.get("GBR") is None


def test_a_draft_whose_vote_the_article_dates_last_week_is_not_the_one_it_reports(mini):
    """'Last week, the US proposed a resolution, which was vetoed by Russia and China': that draft is
    named and voted on, but earlier; the vote sentences that name no draft belong to the draft the
    article is about (the one the elected members put forward), not to it."""
    proposals = _proposals_by_drafters(mini, "The Security Council has passed a resolution demanding a ceasefire. "
                                             "The resolution, which garnered 14 votes in favour, with the United "
                                             "States abstaining, calls for the release of hostages.\n\n"
                                             "The resolution was put forward by Angola and Egypt.\n\n"
                                             "Last week, the US proposed a ceasefire resolution, which was vetoed by "
                                             "Russia and China.\n", "2016-03-25")
    assert proposals[("AGO", "EGY")].votes.get("USA") == "abstain"
    assert proposals[("AGO", "EGY")].tally.get("yes") == 14
    assert proposals[("USA",)].votes.get("RUS") == "no" and "yes" not in proposals[("USA",)].tally


def _proposals_by_drafters(mini, article: str, published: str) -> dict:
    """`suggest`'s proposals for one article in an empty project, by their drafters."""
    return {p.drafters: p for _, p in suggest(_project(mini, article, published, heading=""),
                                              "001_article.txt").proposals}


def test_a_press_release_with_two_votes_keeps_each_sentence_whole_and_dates_each_vote(mini):
    """One paragraph per vote, each vote sentence naming no draft: a sentence's facts go to one draft
    together (the 'against' list is not given to the draft the 'in favour' list contradicts), and a
    day and month without a year ('during a 7 July meeting') is dated in the article's year."""
    mini.seed("001_article.txt",
              "During a 7 July meeting, the Council announced that a draft presented by Belgium and Germany was "
              "not adopted, owing to the negative vote of two permanent members.\n\n"
              "The result was 13 votes in favour to 2 against (China, Russian Federation), with no abstentions.\n\n"
              "Then, during an 8 July meeting, it announced that a second draft, submitted by the Russian "
              "Federation, was not adopted.\n\n"
              "The vote was 4 in favour (China, Russian Federation, South Africa, Viet Nam) to 7 against "
              "(Belgium, Dominican Republic, Estonia, France, Germany, United Kingdom, United States), with 4 "
              "abstentions (Indonesia, Niger, Saint Vincent and the Grenadines, Tunisia).\n")
    mini.manifest(published="2020-07-09")
    mini.records("drafts: []\n")
    found = {tuple(p.drafters): p for _, p in suggest(load_project(), "001_article.txt").proposals}
    first, second = found[("BEL", "DEU")], found[("RUS",)]
    assert (first.date.isoformat(), second.date.isoformat()) == ("2020-07-07", "2020-07-08")
    assert first.votes["BEL"] == "yes" and second.votes["BEL"] == "no"
    assert second.tally == {"yes": 4, "no": 7, "abstain": 4} and first.tally["yes"] == 13


def test_a_vote_of_a_state_without_a_seat_that_year_is_left_out_and_said(mini):
    """'Bolivia voted against' in a 2016 article: Bolivia sat in 2017, not 2016. The statement is
    no Council vote; the proposal leaves it out and says why, rather than propose a vote that cannot
    validate (or one that a wrong year's seats would make look right)."""
    proposal = only_proposal(mini, "Russia on Saturday vetoed a draft drafted by France and Spain.\n\nBolivia "
                                   "voted against the draft.\n", "2016-10-08")
    assert proposal.votes == {"RUS": "no"}
    assert any("BOL a vote (no), but BOL has no seat in 2016" in todo for todo in proposal.todos)


def test_an_anniversary_post_dates_the_vote_in_the_year_it_names(mini):
    """'On this date in 2016 ...' in a post of 2017: the vote is the article's day and month in
    2016, and the rest of the Council is that year's."""
    proposal = only_proposal(mini, "On this date in 2016 the Security Council voted on a draft drafted by France "
                                   "and Spain. Russia vetoed it, Venezuela voted against, and Angola and China "
                                   "abstained. All the other members voted in favour.\n", "2017-10-08")
    assert proposal.date.isoformat() == "2016-10-08"
    assert proposal.votes["NZL"] == "yes" and "BOL" not in proposal.votes


@pytest.mark.parametrize("sentence, day, todo", [
    ("Friday's vote was 11-1, with China, India and the United Arab Emirates abstaining.", "2022-02-25", "Friday"),
    ("Friday\u2019s vote was 11-1.", "2022-02-25", "Friday"),
    ("The Council voted on Friday.", "2022-02-25", "Friday"),
    ("The Council voted last week.", "2022-02-26", None),
    # the dateline gives the article's own date; the weekday is the vote's
    ("United Nations, 26 February 2022 (RFE/RL) -- The Security Council voted on Friday 11-1.", "2022-02-25", "Friday"),
])
def test_a_weekday_dates_the_vote_within_the_week_before_the_article(sentence, day, todo):
    from types import SimpleNamespace
    from votes.proposals import Proposal, vote_date
    proposal = Proposal(None, (), None, 0)
    found = vote_date([SimpleNamespace(text=sentence)], dt.date(2022, 2, 26), proposal)
    assert found.isoformat() == day
    if todo:
        assert f"the date: '{todo}' before the article's date 2022-02-26" in proposal.todos
    else:
        assert "the date: the article's date 2022-02-26, not the vote's" in proposal.todos


@pytest.mark.parametrize("sentence, todo", [
    # the article's own date, where a dateline or a page's label stands: the vote may be the day before
    ("New York, 26 February 2022 (Lana) The Security Council has extended the mission.", True),
    ("date 2022-02-26 In a move called disappointing, Russia vetoed the resolution.", True),
    # the sentence gives it as the vote's
    ("On 26 February 2022, the Security Council extended the mission.", False),
])
def test_the_articles_own_date_opening_a_sentence_is_proposed_with_a_todo(sentence, todo):
    from types import SimpleNamespace
    from votes.proposals import Proposal, vote_date
    proposal = Proposal(None, (), None, 0)
    assert vote_date([SimpleNamespace(text=sentence)], dt.date(2022, 2, 26), proposal) == dt.date(2022, 2, 26)
    assert any("the article's own date" in t for t in proposal.todos) is todo


@pytest.mark.parametrize("sentence, day", [
    # a date closing a phrase of another time, a few words after 'since' or 'after', is that time's
    ("It is the first such text to pass since the attack on Israel on October 7, 2023.", None),
    ("The Council voted after the talks in Geneva on 3 March 2024.", None),
    # near misses: a comma closes the phrase; the date is the vote's
    ("Since the attack, on October 9, 2023, the Council voted twice.", "2023-10-09"),
    ("On 25 March 2024, the Council passed the text.", "2024-03-25"),
])
def test_a_date_in_a_phrase_of_another_time_is_no_date_of_the_vote(sentence, day):
    from votes.proposals import full_date
    found = full_date(sentence)
    assert (found.isoformat() if found else None) == day


def test_a_resolutions_year_places_a_day_and_month_and_refuses_another_years_date(mini):
    _, proposal = _one_proposal(mini, "On March 25, the Security Council passed Resolution 2728, calling for a "
                                      "ceasefire, by 14 votes to none, with the United States abstaining.\n\n"
                                      "It is the first such text to pass since the attack of October 7, 2023.\n",
                                None)
    assert proposal.date == dt.date(2024, 3, 25)
    assert any("25 March in 2024, the year of S/RES/2728 (2024)" in t for t in proposal.todos)


def test_the_members_a_rest_phrase_names_are_among_those_it_counts(mini):
    """"The other eight members, including France, the United States and Britain, voted against": the three
    are among the eight, so five are left to find; the eight members the article names nowhere are not
    they (three of them voted for the text). The near miss: "the 11 other members, including France" fills the
    ten members left unnamed."""
    _, proposal = _one_proposal(mini, "UNITED NATIONS, Oct 8 (Reuters) - The Security Council rejected a Russian "
                                      "draft on Saturday.\n\nAngola, Egypt, Japan and Malaysia abstained.\n\nThe "
                                      "other eight members, including France, the United States and Britain, voted "
                                      "against it.\n", "2016-10-08")
    assert {c: v for c, v in proposal.votes.items() if v == "no"} == {"FRA": "no", "USA": "no", "GBR": "no"}
    assert any("'the remaining 8' voting no" in t for t in proposal.todos)
    _, proposal = _one_proposal(mini, "UNITED NATIONS, Oct 8 (Reuters) - The Security Council adopted a draft on "
                                      "Saturday.\n\nAngola, Egypt, Japan and Malaysia abstained.\n\nThe other "
                                      "11 other members, including France, voted in favour.\n", "2016-10-08")
    assert sum(1 for v in proposal.votes.values() if v == "yes") == 11


def _one_proposal(mini, text: str, published):
    """A project whose one article is `text`, and what `suggest` makes of it: (the suggestion, its one
    proposal)."""
    mini.seed("001_article.txt", text)
    mini.manifest(published=published)
    mini.records("drafts: []\n")
    out = suggest(load_project(), "001_article.txt")
    (placed,) = [p for _, p in out.proposals]
    return out, placed


def _pasted_validates(mini, out) -> None:
    """The suggestion, pasted as it is printed, validates."""
    mini.records(suggestion_yaml(out))
    validation = validate(load_project())
    assert validation.ok(), [p.to_line() for p in validation.problems]


def test_the_other_members_are_those_their_sentence_sets_apart(mini):
    """"Russia abstained, while the other 14 members voted for it", with Angola's vote in favour in a
    sentence of its own: the 14 are the members other than Russia, Angola among them, so every other
    member votes yes. Where another sentence gives one of the 14 another vote, nothing is taken."""
    mini.seed("001_article.txt", "Russia abstained on Monday, while the other 14 members voted for the draft, which "
                                 "was adopted.\nAngola voted in favour of the text.\n")
    mini.seed("002_article.txt", "Russia abstained on Monday, while the other 14 members voted for the draft, which "
                                 "was adopted.\nAngola voted against the text.\n")
    mini.manifest(published=dt.date(2016, 10, 11))
    mini.records("drafts: []\n")
    project = load_project()
    out = suggest(project, "001_article.txt")
    (placed,) = [p for _, p in out.proposals]
    assert placed.votes == {"RUS": "abstain", **{c: "yes" for c in SEATS_2016 if c != "RUS"}}
    _pasted_validates(mini, out)
    (torn,) = [p for _, p in suggest(project, "002_article.txt").proposals]
    assert torn.votes == {"RUS": "abstain", "AGO": "no"}


def test_the_other_members_are_not_fewer_for_a_drafter_their_sentence_names(mini):
    """"Russia abstained, while the other 14 members supported the plan presented by the United
    States": the sentence names the United States as the plan's author, not as set apart from the
    14; they are the members other than Russia, the one it gives another vote."""
    mini.seed("001_article.txt", "Russia abstained on Monday, while the other 14 members supported the draft "
                                 "presented by the United States.\nAngola voted in favour of the text.\n")
    mini.manifest(published=dt.date(2016, 10, 11))
    mini.records("drafts: []\n")
    out = suggest(load_project(), "001_article.txt")
    (placed,) = [p for _, p in out.proposals]
    assert placed.votes == {"RUS": "abstain", **{c: "yes" for c in SEATS_2016 if c != "RUS"}}
    _pasted_validates(mini, out)


def test_a_unanimous_vote_is_of_the_members_who_voted(mini):
    """"unanimously adopted" and "passed 14-0 with Angola not participating": unanimity is of the
    members who voted, so the tally is 14 in favour (not the 15 seated, against the 14 stated),
    and the proposal validates."""
    out, placed = _one_proposal(mini, "The Council on Monday unanimously adopted the resolution.\nThe resolution was "
                                      "passed 14-0 with Angola not participating.\n",
                                published=dt.date(2016, 10, 11))
    assert placed.tally == {"yes": 14, "no": 0, "abstain": 0}
    assert placed.votes == {"AGO": "absent", **{c: "yes" for c in SEATS_2016 if c != "AGO"}}
    assert not any("two counts" in todo for todo in placed.todos)
    _pasted_validates(mini, out)


def test_a_date_weeks_before_the_day_given_is_another_events(mini):
    """An undated article: "Russia vetoed the draft on the crash over Ukraine on July 17, 2014 on
    Wednesday". With
    the vote's day given (2015-07-29), the calendar date a year before it is the crash's, and the
    vote's date is the one given; with no day given, the text's date is all there is."""
    mini.seed("001_article.txt", "Russia vetoed the draft on a tribunal for the plane crash over Ukraine on July 17, "
                                 "2014 on Wednesday.\n")
    mini.manifest(published=None)
    mini.records("drafts: []\n")
    project = load_project()
    (given,) = [p for _, p in suggest(project, "001_article.txt", dt.date(2015, 7, 29)).proposals]
    assert given.date == dt.date(2015, 7, 29) and given.date_given
    (blind,) = [p for _, p in suggest(project, "001_article.txt").proposals]
    assert blind.date == dt.date(2014, 7, 17)


def test_the_day_given_outranks_a_weekday_placed_by_a_later_update_of_the_page(mini):
    """A wire story of 2016 on a page whose only date is a later update (2018, which `votes add` takes
    as its date): "Tuesday's vote" placed before that date lands in 2018, whose Council had no
    Angola. The day the researcher gives from the UN record outranks it, so Angola's abstention and
    'the other 13' are the 2016 Council's; a full date in a sentence still outranks both."""
    mini.seed("001_article.txt", "Updated : 2018-07-25 23:43\n\nRussia vetoed the draft in Tuesday's vote, with "
                                 "Angola abstaining; the other 13 members voted in favour.\n")
    mini.manifest(published="2018-07-25")
    mini.records("drafts: []\n")
    project = load_project()
    (blind,) = [p for _, p in suggest(project, "001_article.txt").proposals]
    assert blind.date == dt.date(2018, 7, 24) and "AGO" not in blind.votes
    (given,) = [p for _, p in suggest(project, "001_article.txt", dt.date(2016, 10, 11)).proposals]
    assert given.date == dt.date(2016, 10, 11) and given.date_given
    assert given.votes["AGO"] == "abstain" and given.votes["NZL"] == "yes" and len(given.votes) == 15
    mini.seed("001_article.txt", "Updated : 2018-07-25 23:43\n\nRussia vetoed the draft on 8 October 2016, with "
                                 "Angola abstaining.\n")
    mini.manifest(published="2018-07-25")
    (stated,) = [p for _, p in suggest(load_project(), "001_article.txt", dt.date(2016, 10, 11)).proposals]
    assert stated.date == dt.date(2016, 10, 8) and not stated.date_given


def test_russia_in_a_report_of_a_soviet_vote_is_the_soviet_seat(mini):
    """"Russia cast its veto" in a report of December 1971: before 24 December 1991 the seat is the
    USSR's, so the proposal gives SUN the veto (as validation reads it), and it validates; in 2016
    the same sentence is Russia's."""
    out, placed = _one_proposal(mini, "Russia on Sunday cast its veto against the draft calling for a cease-fire.\n",
                                published="1971-12-06")
    assert placed.votes == {"SUN": "no"} and placed.status == "vetoed"
    assert not any("no seat" in todo for todo in placed.todos)
    _pasted_validates(mini, out)
    mini.manifest(published="2016-10-10")
    (later,) = [p for _, p in suggest(load_project(), "001_article.txt").proposals]
    assert later.votes == {"RUS": "no"}


def test_the_other_members_leave_out_whom_their_sentence_names(mini):
    """"Introduced by the United States and supported by 11 other members" with three abstentions
    named elsewhere: the 11 are the members whose vote is unknown, less the United States, which
    the sentence sets apart; its own vote stays unknown."""
    out, placed = _one_proposal(mini, "On Monday the Council adopted the resolution. Introduced by the United States "
                                      "and supported by 11 other Council members, the resolution extended the "
                                      "mission.\nAngola, China and Russia abstained.\n",
                                published=dt.date(2016, 10, 11))
    assert placed.votes == {"AGO": "abstain", "CHN": "abstain", "RUS": "abstain",
                            **{c: "yes" for c in SEATS_2016 if c not in ("USA", "AGO", "CHN", "RUS")}}
    _pasted_validates(mini, out)


def test_a_weekday_beside_a_day_places_an_undated_vote_in_the_one_year_it_fits(mini):
    """An undated article: "on Saturday, 8 October" with Angola and Venezuela abstaining. The two sat
    together in 2015 and 2016; 8 October fell on a Saturday in 2016 only, so the vote is dated
    2016-10-08, the rest are that year's Council, and a TODO asks for the date's source. A weekday
    apart from the date ("on 8 October, before the recess on Saturday") places nothing."""
    mini.seed("002_article.txt", "Russia vetoed the draft on 8 October, before the recess on Saturday, with Angola "
                                 "and Venezuela abstaining; the other 12 members voted in favour.\n")
    out, placed = _one_proposal(mini, "Russia vetoed the draft on Saturday, 8 October, with Angola and Venezuela "
                                      "abstaining; the other 12 members voted in favour.\n", published=None)
    assert placed.date == dt.date(2016, 10, 8) and len(placed.votes) == 15
    assert any(todo.startswith("the date: 2016-10-08, the one day") for todo in placed.todos)
    (apart,) = [p for _, p in suggest(load_project(), "002_article.txt").proposals]
    assert apart.date is None
    _pasted_validates(mini, out)


def test_a_status_the_stated_votes_contradict_gives_way_to_the_charters(mini):
    """A caption says the United States and Britain "veto" a Russian-drafted text, and the article gives its
    five votes in favour: under the Charter five are too few for adoption, so the draft failed, whoever
    voted against it. The proposal takes the Charter's status, says why in a TODO, and validates."""
    out, placed = _one_proposal(mini, "The United States and Britain veto a Russian-drafted resolution on Monday.\n"
                                      "The Russian-drafted resolution received five votes in favour, four against and "
                                      "six abstentions.\n", published=dt.date(2016, 10, 11))
    assert placed.status == "failed"
    assert any("the article says 'vetoed', but the votes it states give 'failed'" in todo for todo in placed.todos)
    _pasted_validates(mini, out)


def test_a_vote_the_article_calls_procedural_is_proposed_as_a_procedural_decision(article_project, mini):
    """"The vote was procedural, so Russia could not use its veto": adopted over Russia's no, the draft is
    proposed `procedural: true` (with a TODO to check it), and the proposal validates as it stands."""
    project = article_project("procedural-session.txt", "2016-10-08")
    out = suggest(project, "001_article.txt")
    [(draft_id, proposal)] = out.proposals
    assert (proposal.status, proposal.procedural) == ("adopted", True)
    assert proposal.votes["RUS"] == "no" and proposal.tally == {"yes": 11, "no": 2, "abstain": 2}
    assert any(todo.startswith("procedural:") for todo in proposal.todos)
    mini.records(suggestion_yaml(out))
    validation = validate(load_project())
    assert validation.ok(), [p.to_line() for p in validation.problems]


def test_without_the_word_procedural_the_same_votes_are_a_veto(mini):
    """The near miss: the same article without its sentence calling the vote procedural proposes the
    status the Charter gives (vetoed), never a procedural decision."""
    text = (ARTICLES / "procedural-session.txt").read_text(encoding="utf-8")
    mini.seed("001_article.txt", text.replace("The vote was procedural, so Russia could not use its veto.\n", ""))
    mini.manifest(published="2016-10-08")
    mini.records("drafts: []\n")
    [(_, proposal)] = suggest(load_project(), "001_article.txt").proposals
    assert (proposal.status, proposal.procedural) == ("vetoed", False)


def test_a_count_below_what_a_draft_had_at_least_is_another_vote(mini):
    """"The United States joined the 14 other members in adopting it" is 15 votes in favour at least: a
    later "the Council voted 14-0" is another vote, proposed apart, and the first draft keeps its 15."""
    mini.seed("001_article.txt", "News\n\nThe United States joined the 14 other members of the Security Council in "
              "adopting the resolution on Tuesday.\n\nOn Dec. 22, the Security Council voted 14-0 to deplore the "
              "raids.\n")
    mini.manifest(published="2016-10-08")
    mini.records("drafts: []\n")
    proposals = [p for _, p in suggest(load_project(), "001_article.txt").proposals]
    assert [p.tally.get("yes") for p in proposals] == [15, 14]


def test_the_sentences_after_one_that_names_a_drafter_are_of_that_draft(mini):
    """"The draft sponsored by the United States sought ..." names the draft the next sentences count the
    votes of, though a Russian proposal put to a vote comes later: "11 were in favor" is the US draft's."""
    mini.seed("001_article.txt", "News\n\nRussia on Tuesday vetoed a draft resolution on the inquiry.\n\n"
              "The draft resolution sponsored by the United States sought to extend the inquiry.\n\n"
              "Of the 15 members, 11 were in favor, two were against, and two abstained.\n\n"
              "The Russian proposal was put to a vote later and was rejected.\n")
    mini.manifest(published="2016-10-08")
    mini.records("drafts: []\n")
    by_drafters = {p.drafters: p for _, p in suggest(load_project(), "001_article.txt").proposals}
    assert by_drafters[("USA",)].tally == {"yes": 11, "no": 2, "abstain": 2}
    assert not by_drafters[("RUS",)].tally


@pytest.mark.parametrize("sentence, calls", [
    ("The vote was procedural, so Russia could not use its veto.", True),
    ("India abstained from a procedural vote on Monday.", True),
    ("Its backers argued the decision was a procedural one.", True),
    ("The measure is substantive, and so open to a veto, rather than procedural.", False),
    ("Russia said the vote was not procedural.", False),
    ("The Council spent the morning on procedural questions.", False),
])
def test_one_definition_of_a_vote_called_procedural(sentence, calls):
    """`votes suggest` asks the reader's own test (votes.reader.chunker.calls_procedural) whether an
    article calls a vote procedural: the same words, the same exceptions."""
    from votes.reader.chunker import says_procedural

    assert says_procedural(sentence) is calls


def test_a_vote_on_another_weekday_than_a_drafts_is_not_given_to_it(mini):
    """'A Russian-drafted text failed to pass on Monday' and 'The United States vetoed a draft on
    Wednesday': the veto names no draft, and it is not the Russian draft's, whose vote was on another day."""
    proposals = _proposals_by_drafters(mini, "The United States vetoed a draft on humanitarian pauses on "
                                             "Wednesday.\n\nA Russian-drafted text calling for a ceasefire failed "
                                             "to pass on Monday.\n\nThe vote on the Japanese-drafted text was "
                                             "delayed twice.\n\nTwelve members voted in favour on Wednesday, while "
                                             "Russia and Britain abstained.\n", "2016-10-19")
    assert proposals[("JPN",)].votes.get("USA") == "no"
    assert proposals[("JPN",)].votes.get("GBR") == "abstain"
    assert proposals[("RUS",)].votes.get("USA") is None


def test_a_count_that_would_overfill_the_seats_beside_a_drafts_counts_is_another_drafts(mini):
    """'Ten countries voted in favour, while four abstained' is not of the US draft that three opposed and
    eleven abstained on (24 seats): it goes to the draft the US vetoed, which the next sentence names."""
    proposals = _proposals_by_drafters(mini, "The US on Friday vetoed a resolution on the protection of "
                                             "civilians.\n\nTen countries voted in favour, while Britain, Japan, "
                                             "Spain and Ukraine abstained.\n\nThe draft was submitted by Egypt.\n\n"
                                             "Later, the Council rejected a US proposal condemning the attacks.\n\n"
                                             "The US resolution was opposed by Russia, Egypt and Venezuela while 11 "
                                             "countries abstained from voting.\n", "2016-06-03")
    assert proposals[("EGY",)].votes.get("GBR") == "abstain"
    assert proposals[("EGY",)].tally.get("yes") == 10
    assert "yes" not in proposals[("USA",)].tally and proposals[("USA",)].votes.get("GBR") is None


def test_a_list_of_resolutions_by_number_gives_each_its_own_proposal(mini):
    """A page listing resolutions by number, each with its vote: "Resolution 2320, adopted on ..." opens
    each entry, and "The resolution was adopted by ..." after it is that entry's vote, with the seats of
    the year the number was adopted in."""
    mini.seed("001_article.txt", "Resolutions\n\nUnited Nations Security Council Resolution 2320, adopted on 18 "
              "November 2016, welcomed the cooperation with regional organisations.\n\nThe resolution was adopted "
              "unanimously.\n\nSecurity Council resolution 2334, adopted on 23 December 2016, after recalling "
              "resolution 242, condemned the settlements.\n\nThe resolution was adopted by 14 votes to none, with "
              "the United States abstaining.\n")
    mini.manifest(published="2017-01-05")
    mini.records("drafts: []\n")
    by_symbol = {p.symbol: p for _, p in suggest(load_project(), "001_article.txt").proposals}
    assert set(by_symbol) == {"S/RES/2320 (2016)", "S/RES/2334 (2016)"}
    assert by_symbol["S/RES/2334 (2016)"].votes.get("USA") == "abstain"
    assert by_symbol["S/RES/2334 (2016)"].tally == {"yes": 14, "no": 0, "abstain": 1}
    assert by_symbol["S/RES/2320 (2016)"].votes.get("USA") == "yes"


def test_a_resolution_named_by_number_and_its_drafters_are_one_proposal(mini):
    """'adopted resolution 2334 (2016)' and 'The text, put forward by Senegal and Venezuela' are one
    text: one proposal, under the resolution's symbol, with its drafters; a drafters' text the article
    says failed stays apart."""
    proposals = [p for _, p in suggest(_project(mini, "The Council adopted resolution 2334 (2016) by 14 votes to "
                                                      "none, with the United States abstaining.\n\nThe text was put "
                                                      "forward by Senegal and Venezuela.\n"), "001_article.txt").proposals]
    assert [(p.symbol, p.drafters) for p in proposals] == [("S/RES/2334 (2016)", ("SEN", "VEN"))]
    proposals = [p for _, p in suggest(_project(mini, "The Council adopted resolution 2334 (2016) by 14 votes to "
                                                      "none.\n\nA Russian draft failed to win enough votes.\n"),
                                       "001_article.txt").proposals]
    assert sorted((p.symbol or "", p.drafters) for p in proposals) == [("", ("RUS",)), ("S/RES/2334 (2016)", ())]


def _project(mini, article: str, published: str = "2016-12-27", heading: str = "News\n\n"):
    """An empty project with one article, `001_article.txt`, published on the day given."""
    mini.seed("001_article.txt", heading + article)
    mini.manifest(published=published)
    mini.records("drafts: []\n")
    return load_project()


def test_with_no_date_each_resolution_of_a_page_takes_the_seats_of_its_own_year(mini):
    """An undated page on two referrals: the Council of 2005 voted on resolution 1593, that of 2011 on
    resolution 1970 "unanimously"; the page's first resolution does not give the second its year."""
    mini.seed("001_article.txt", "Referrals\n\nThe Security Council voting to adopt Resolution 1593, which referred "
              "Darfur to the Court.\n\nThe resolution passed by a vote of 11-0, with four abstentions (by the United "
              "States, Algeria, China and Brazil).\n\nIn February the Security Council unanimously adopted Resolution "
              "1970 (2011), which referred Libya to the Court.\n")
    mini.manifest(published=None)
    mini.records("drafts: []\n")
    by_symbol = {p.symbol: p for _, p in suggest(load_project(), "001_article.txt").proposals}
    assert set(by_symbol) == {"S/RES/1593 (2005)", "S/RES/1970 (2011)"}
    assert by_symbol["S/RES/1593 (2005)"].votes["DNK"] == "yes" and by_symbol["S/RES/1593 (2005)"].votes["USA"] == "abstain"
    assert by_symbol["S/RES/1970 (2011)"].votes["DEU"] == "yes" and "DNK" not in by_symbol["S/RES/1970 (2011)"].votes


def test_a_veto_a_sentence_says_of_another_draft_is_proposed_apart_from_its_own_vote(mini):
    """"The vote was 12-0, with A, B and C, which backed a resolution vetoed on Friday by Russia,
    abstaining": the tally and the abstentions are the vote reported; Russia's veto is the earlier
    draft's, proposed apart, not a 'no' on the text adopted 12-0."""
    proposals = [p for _, p in suggest(_project(mini, "The vote was 12-0, with the United States, Britain and "
                                                      "France, which backed a resolution for a longer extension "
                                                      "vetoed on Friday by Russia, abstaining.\n\nSenegal and Spain, "
                                                      "which had sponsored the vetoed resolution, circulated a new "
                                                      "draft on Monday.\n", "2016-07-12"), "001_article.txt").proposals]
    (own,) = [p for p in proposals if p.tally.get("yes") == 12]
    assert own.votes.get("USA") == "abstain" and own.votes.get("RUS") == "yes"  # one of the other twelve
    assert [p.votes.get("RUS") for p in proposals if p is not own] == ["no"]


def test_with_no_date_a_resolution_named_by_number_takes_its_own_year_before_one_its_sentences_recall(mini):
    """An undated page: "Recalling resolution 1593 (2005), the Council unanimously adopted ..." and then
    "Resolution 1970 (2011) was adopted on 26 February": the text is resolution 1970, so the rest of the
    Council is that of 2011, not of the year of the resolution recalled first."""
    mini.seed("001_article.txt", "Referrals\n\nRecalling resolution 1593 (2005), the Security Council unanimously "
              "adopted a referral of Libya to the Court.\n\nResolution 1970 (2011) was adopted on 26 February.\n")
    mini.manifest(published=None)
    mini.records("drafts: []\n")
    (proposal,) = [p for _, p in suggest(load_project(), "001_article.txt").proposals]
    assert proposal.symbol == "S/RES/1970 (2011)"
    assert proposal.votes.get("DEU") == "yes" and "DNK" not in proposal.votes


@pytest.mark.parametrize("url, date", [
    # no date in the manifest or the text: the day the article's web address bears dates "on Saturday"
    ("https://www.example.org/world/2016/10/09/russia-vetoes-aleppo-draft", dt.date(2016, 10, 8)),
    # the near miss: an address with a month alone dates nothing, and the day stays to be written
    ("https://www.example.org/world/2016/10/russia-vetoes-aleppo-draft", None),
])
def test_an_article_without_a_date_is_dated_by_its_web_address(mini, url, date):
    mini.seed("001_article.txt", "Russia on Saturday vetoed a draft drafted by France and Spain.\n")
    mini.manifest(published=None, url=url)
    mini.records("drafts: []\n")
    (proposal,) = [p for _, p in suggest(load_project(), "001_article.txt").proposals]
    assert proposal.date == date
