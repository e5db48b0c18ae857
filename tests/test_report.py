"""The report: golden Markdown and CSV for the fixture project, determinism, links, files, and --force.

The report of the fixture project is kept under tests/golden/report/ (VOTES_REGEN_GOLDEN=1 rewrites
it). The working tree's reports/ are the user's: tests/test_data_invariants.py checks that they are
what the user's data produce.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from conftest import PROJECT, assert_golden
from votes import VotesError, load_project, validate
from votes.charts import png_bytes
from votes.markdown import code, md
from votes import report as report_module
from votes.report import build_report, write_report

BROKEN = Path(__file__).resolve().parent / "fixtures" / "report" / "broken"


@pytest.fixture(scope="module")
def shipped(shipped_project):
    """The shipped project, its validation and its report."""
    project, validation = shipped_project
    report = build_report(project, validation)
    return project, validation, report


def test_report_golden(shipped):
    """The fixture project's report.md and CSV files, byte for byte, and the files a report writes."""
    report = shipped[2]
    assert_golden("report/report.md", report.markdown)
    for name, text in report.csvs.items():
        assert_golden(f"report/{name}", text)
    assert report.file_names() == ["report.md", "tally.png", "vote-matrix.png", "agreement.png", "votes.csv",
                                   "agreement.csv", "agreement_drafts.csv"]


def test_building_twice_gives_the_same_text(shipped):
    project, validation, first = shipped
    here = os.getcwd()
    os.chdir(PROJECT)
    try:
        second = build_report(project, validation)
    finally:
        os.chdir(here)
    assert second.markdown == first.markdown
    assert second.csvs == first.csvs
    assert list(second.figures) == list(first.figures)


def test_the_top_says_what_was_vetoed_and_who_voted_together(shipped):
    head = shipped[2].markdown.split("\n## ", 1)[0]
    assert "S/2016/846 (2016-10-08) by Russian Federation" in head
    assert "S/2014/348 (2014-05-22) by China and Russian Federation" in head
    assert "Russian Federation, Venezuela (Bolivarian Republic of)" in head
    assert "0 errors" in head and "[!WARNING]" not in head


def test_outcome_rows(shipped):
    text = shipped[2].markdown
    row = next(line for line in text.splitlines() if line.startswith("| 2016-10-08 | S/2016/847"))
    assert "| failed | 4–9–2 | failed | – | France (FRA), United Kingdom (GBR), United States (USA) |" in row
    row = next(line for line in text.splitlines() if line.startswith("| 2016-10-08 | S/2016/846"))
    assert "| vetoed | 11–2–2 | vetoed | **Russian Federation (RUS)** | – |" in row


def test_every_link_lands(shipped):
    project, validation, report = shipped
    text = report.markdown
    anchors = set(re.findall(r'<a id="([^"]+)"></a>', text))
    targets = set(re.findall(r"\]\(#([^)]+)\)", text))
    headings = {"evidence", "validation", "blocs"}
    assert targets - anchors <= headings, targets - anchors - headings
    for heading in headings:
        assert f"\n## {heading.capitalize()}\n" in text
    lines_of = {name: seed.text.count("\n") + 1 for name, seed in project.seeds.items()}
    seed_links = re.findall(r"\]\(\.\./seeds/([^)#]+)(?:#L(\d+))?\)", text)
    assert seed_links
    for name, line in seed_links:
        assert name in project.seeds
        assert not line or 1 <= int(line) <= lines_of[name]
    # the RUS veto links to its first quote and the line the validator anchored it at
    check = validation.draft("fr-es-aleppo-2016-10")
    first = check.evidence_for("votes.RUS")[0]
    section = text.split('<a id="draft-fr-es-aleppo-2016-10"></a>', 1)[1]
    rus = next(line for line in section.splitlines() if line.startswith("| Russian Federation (RUS) | **no (veto)**"))
    assert f"(#ev-fr-es-aleppo-2016-10-{first})" in rus
    assert f"(../seeds/000_d17f4b8d1948d0a3.txt#L{check.anchor_line(first)})" in rus


def test_every_recorded_vote_is_in_the_evidence(shipped):
    project, _, report = shipped
    evidence = report.markdown.split("\n## Evidence\n", 1)[1]
    rows = re.findall(r"^\| [^|]+ \((\w{3})\) \| (?:yes|no|abstain|absent|\*\*no \(veto\)\*\*) \|", evidence, re.M)
    assert len(rows) == sum(len(d.votes) for d in project.records.drafts)


def test_write_report(shipped, tmp_path):
    project, validation, _ = shipped
    here = os.getcwd()
    os.chdir(PROJECT)
    try:
        first = write_report(project, validation, tmp_path / "a")
        second = write_report(project, validation, tmp_path / "b")
    finally:
        os.chdir(here)
    names = [path.name for path in first]
    assert names == ["report.md", "tally.png", "vote-matrix.png", "agreement.png", "votes.csv", "agreement.csv",
                     "agreement_drafts.csv"]
    assert sorted(p.name for p in (tmp_path / "a").iterdir()) == sorted(names)  # no temporary files left
    for a, b in zip(first, second):
        assert a.read_bytes() == b.read_bytes() or a.name == "report.md"
    png = first[1].read_bytes()
    assert png.startswith(b"\x89PNG") and b"Software" not in png and b"tIME" not in png
    # the seeds are linked relative to where the report stands
    text = first[0].read_text(encoding="utf-8")
    link = re.search(r"\]\(([^)]*)/000_d17f4b8d1948d0a3\.txt#L\d+\)", text).group(1)
    assert not Path(link).is_absolute()
    assert (tmp_path / "a" / link / "000_d17f4b8d1948d0a3.txt").resolve() == \
        (PROJECT / "seeds" / "000_d17f4b8d1948d0a3.txt").resolve()


def test_png_bytes_repeat(shipped):
    figure = shipped[2].figures["vote-matrix.png"]
    assert png_bytes(figure) == png_bytes(figure)


def test_refuses_to_write_among_the_seeds(shipped):
    project, validation, _ = shipped
    here = os.getcwd()
    os.chdir(PROJECT)
    try:
        with pytest.raises(VotesError, match="holds your input"):
            write_report(project, validation, PROJECT / "seeds" / "reports")
    finally:
        os.chdir(here)
    assert not (PROJECT / "seeds" / "reports").exists()


@pytest.fixture
def broken():
    here = os.getcwd()
    os.chdir(PROJECT)
    try:
        project = load_project(BROKEN / "data" / "resolutions.yaml", PROJECT / "data" / "council.yaml",
                               BROKEN / "seeds")
        validation = validate(project)
        yield project, validation, build_report(project, validation, force=True)
    finally:
        os.chdir(here)


def test_forced_report_warns_at_the_very_top(broken):
    _, validation, report = broken
    errors = validation.errors
    assert len(errors) == 2
    lines = report.markdown.splitlines()
    assert lines[0] == "> [!WARNING]"
    assert "fails validation (`votes report --force`): 2 errors" in lines[1]
    listed = [line for line in lines if line.startswith("> - ")]
    assert listed == [f"> - {code(problem.to_line())}" for problem in errors]
    assert "tally.yes is 12 but the votes count 11 yes" in report.markdown.split("\n# ", 1)[0]


def test_clean_report_has_no_warning(shipped):
    assert shipped[2].markdown.startswith("# ")


def test_markdown_escaping():
    assert md("a|b") == "a\\|b"
    assert md("*bold* [link] <tag>") == "\\*bold\\* \\[link\\] \\<tag\\>"
    assert md("snake_case stays, _lead and trail_ do not") == "snake_case stays, \\_lead and trail\\_ do not"
    assert md("two\nlines") == "two lines"
    assert code("a `b` c") == "``a `b` c``"
    assert code("`x`") == "`` `x` ``"


FIXTURE = Path(__file__).resolve().parent / "fixtures" / "undl" / "sc-2016-adopted.csv"


@pytest.fixture(scope="module")
def with_imports(tmp_path_factory):
    """The shipped data with the fixture's resolutions imported beside them, validated as one."""
    from votes.sourced import import_undl

    kept = tmp_path_factory.mktemp("imports") / "sourced.csv"
    import_undl(FIXTURE, kept, "UN press releases of 2016")
    here = os.getcwd()
    os.chdir(PROJECT)
    try:
        project = load_project(sourced=kept)
        return project, validate(project)
    finally:
        os.chdir(here)


def test_imported_votes_are_shown_marked_and_left_out_of_agreement_by_default(with_imports, shipped):
    project, validation = with_imports
    plain = shipped[2]
    report = build_report(project, validation)
    text = report.markdown
    assert "- **Imported official votes:** 60 on 4 resolutions (basis *sourced*" in text
    assert "not counted in agreement, blocs and cohesion" in text
    assert "| UN press releases of 2016 | [S/RES/2285 (2016)](#draft-s-res-2285-2016), " in text
    assert "| 2016-12-23 | S/RES/2334 (2016) | [s-res-2334-2016](#draft-s-res-2334-2016) | adopted | 14–0–1 |" in text
    section = text.split('<a id="draft-s-res-2334-2016"></a>', 1)[1]
    assert "| United States (USA) | abstain | sourced | [#1](#ev-s-res-2334-2016-1) |" in section
    assert "**#1** source: UN press releases of 2016" in section
    # agreement, blocs and cohesion are those of the hand-checked records
    assert report.csvs["agreement.csv"] == plain.csvs["agreement.csv"]
    assert report.csvs["agreement_drafts.csv"] == plain.csvs["agreement_drafts.csv"]
    assert report.csvs["votes.csv"] != plain.csvs["votes.csv"]  # but the votes are all shown


def test_include_sourced_counts_imported_votes_in_agreement(with_imports):
    project, validation = with_imports
    report = build_report(project, validation, include_sourced=True)
    assert "counted in agreement, blocs and cohesion" in report.markdown
    shared = {row[0]: row for row in (line.split(",") for line in report.csvs["agreement_drafts.csv"].splitlines())}
    header = shared["member"]
    both = sum(1 for d in project.records.drafts if not d.id.startswith("s-res-") and "FRA" in d.votes
               and "GBR" in d.votes)  # the hand-checked drafts both voted on (two shipped) ...
    assert shared["FRA"][header.index("GBR")] == str(both + 4)  # ... and the four imported resolutions
    cohesion = report.markdown.split("## Cohesion of groups", 1)[1].split("\n## ", 1)[0]
    assert "2016-12-23 S/RES/2334 (2016)" in cohesion


def test_pivots_section(shipped):
    text = shipped[2].markdown
    section = text.split("## Voting power and pivots", 1)[1].split("\n## ", 1)[0]
    assert "| since 1966: 15 seats, 5 permanent, 9 votes | permanent | 421/2145 ≈ 0.1963 |" in section
    assert "| 1946–1965: 11 seats, 5 permanent, 7 votes | permanent | 76/385 ≈ 0.1974 |" in section
    row = next(line for line in section.splitlines() if "(#draft-fr-es-aleppo-2016-10)" in line)
    assert "| 11 yes, none missing | Russian Federation (RUS) | **Russian Federation (RUS)** | – | – |" in row
    row = next(line for line in section.splitlines() if "(#draft-ru-aleppo-2016-10)" in line)
    assert "| 4 yes, 5 missing | – | – | France (FRA), United Kingdom (GBR), United States (USA) | – |" in row


def test_partial_tallies_never_read_as_tallies(shipped):
    text = shipped[2].markdown
    row = next(line for line in text.splitlines() if line.startswith("| 2014-05-22 | S/2014/348"))
    assert "| partial: 2 no known, 13 unknown |" in row and "0–2–0" not in text


# --- charts and pivots made side by side ---------------------------------------------------------

@pytest.fixture(scope="module")
def prepared(shipped_project):
    from votes.report import prepare_report

    project, validation = shipped_project
    return prepare_report(project, validation)


@pytest.fixture(scope="module")
def sequential(prepared):
    """The charts drawn one at a time, in this process."""
    from votes.sidebyside import draw_pngs

    return draw_pngs(prepared.charts, parallel=False)


def test_charts_drawn_in_forked_processes_are_byte_identical(prepared, sequential, shipped):
    from votes import sidebyside

    if not sidebyside.can_fork():
        pytest.skip("this platform cannot work side by side")
    work = sidebyside.SideBySide(parallel=True)
    for name, make in prepared.charts.items():
        work.start(name, sidebyside.png_job(make), here=name == "tally.png")
    assert work.forked == ["vote-matrix.png", "agreement.png"]  # the tally is drawn here
    parallel = {name: work.result(name) for name in prepared.charts}
    assert work.forked == []
    assert list(parallel) == list(sequential) == ["tally.png", "vote-matrix.png", "agreement.png"]
    assert parallel == sequential
    assert sidebyside.draw_pngs(prepared.charts, parallel=True) == sequential
    assert png_bytes(shipped[2].figures["tally.png"]) == sequential["tally.png"]  # as build_report draws it
    for data in parallel.values():
        assert data.startswith(b"\x89PNG") and b"tIME" not in data and b"Software" not in data
    with pytest.raises(ChildProcessError):
        os.waitpid(-1, os.WNOHANG)  # every child was waited for


def test_pivots_found_side_by_side_are_the_same(shipped_project):
    from votes import sidebyside
    from votes.power import draft_pivots

    if not sidebyside.can_fork():
        pytest.skip("this platform cannot work side by side")
    project, _ = shipped_project
    work = sidebyside.SideBySide(parallel=True)
    work.start("pivots", lambda: draft_pivots(project))
    assert work.forked == ["pivots"]
    assert work.result("pivots") == draft_pivots(project)  # pickled back, equal field by field


def test_jobs_started_together_run_in_one_child_and_give_the_same_results(shipped_project, prepared, sequential):
    from votes import sidebyside
    from votes.power import draft_pivots

    if not sidebyside.can_fork():
        pytest.skip("this platform cannot work side by side")
    project, _ = shipped_project
    parent = os.getpid()
    jobs = {"pivots": lambda: draft_pivots(project), "none": lambda: None,
            "where": lambda: os.getpid() != parent}
    jobs.update((name, sidebyside.png_job(make)) for name, make in prepared.charts.items())
    work = sidebyside.SideBySide(parallel=True)
    work.start_together(jobs)
    assert work.forked == list(jobs)
    assert work.result("pivots") == draft_pivots(project)
    assert work.result("none") is None and work.result("where") is True  # made in the child, None and all
    assert {name: work.result(name) for name in prepared.charts} == sequential
    assert work.forked == []
    with pytest.raises(ChildProcessError):
        os.waitpid(-1, os.WNOHANG)  # the child was waited for


def test_a_job_started_together_its_child_could_not_do_is_done_here(prepared, sequential):
    from votes import sidebyside

    if not sidebyside.can_fork():
        pytest.skip("this platform cannot work side by side")
    parent = os.getpid()
    draw_matrix = prepared.charts["vote-matrix.png"]

    def fails_in_a_child():
        if os.getpid() != parent:
            raise MemoryError("no memory left in the child")
        return draw_matrix()

    charts = dict(prepared.charts, **{"vote-matrix.png": fails_in_a_child})
    work = sidebyside.SideBySide(parallel=True)
    work.start_together({name: sidebyside.png_job(make) for name, make in charts.items()})
    assert {name: work.result(name) for name in charts} == sequential  # the jobs after it too
    with pytest.raises(ChildProcessError):
        os.waitpid(-1, os.WNOHANG)


def test_abandoned_jobs_started_together_stop_their_child():
    import time

    from votes import sidebyside

    if not sidebyside.can_fork():
        pytest.skip("this platform cannot work side by side")
    work = sidebyside.SideBySide(parallel=True)
    work.start_together({"quick": lambda: 1, "slow": lambda: time.sleep(60)})
    assert work.result("quick") == 1 and work.forked == ["slow"]
    started = time.perf_counter()
    work.abandon()
    assert time.perf_counter() - started < 10 and work.forked == []
    with pytest.raises(ChildProcessError):
        os.waitpid(-1, os.WNOHANG)


def prepared_inputs():
    here = os.getcwd()
    os.chdir(PROJECT)
    try:
        project = load_project()
        return project, validate(project)
    finally:
        os.chdir(here)


def test_write_report_makes_the_same_files_side_by_side_or_not(sequential, monkeypatch, tmp_path):
    from votes import sidebyside

    project, validation = prepared_inputs()
    forked, streamed = [], []
    fork, stream = sidebyside._fork, sidebyside._stream
    monkeypatch.setattr(sidebyside, "_fork", lambda job: forked.append(job) or fork(job))
    monkeypatch.setattr(sidebyside, "_stream", lambda jobs, *a, **k: streamed.append(len(jobs)) or stream(jobs, *a, **k))
    monkeypatch.setattr(sidebyside, "side_by_side", lambda: sidebyside.can_fork())
    here = os.getcwd()
    os.chdir(PROJECT)
    try:
        together = write_report(project, validation, tmp_path / "together")
        if sidebyside.can_fork():
            assert (len(forked), streamed) == (3, [])  # the pivots, the vote matrix, the agreement chart: a child each
        monkeypatch.setattr(report_module, "TOGETHER_FROM", 1)  # as over a long history
        forked.clear()
        one_child = write_report(project, validation, tmp_path / "one-child")
        if sidebyside.can_fork():
            assert (forked, streamed) == ([], [3])  # one child: the pivots, the vote matrix, the agreement chart
        assert [p.read_bytes() for p in one_child] == [p.read_bytes() for p in together]
        monkeypatch.delattr(os, "fork")  # as on Windows: one at a time
        assert not sidebyside.can_fork()
        alone = write_report(project, validation, tmp_path / "alone")
    finally:
        os.chdir(here)
    assert [p.name for p in together] == [p.name for p in alone]
    assert [p.read_bytes() for p in together] == [p.read_bytes() for p in alone]
    assert {p.name: p.read_bytes() for p in alone if p.suffix == ".png"} == sequential


def test_one_processor_works_one_job_at_a_time(monkeypatch):
    from votes import sidebyside

    if not hasattr(os, "fork"):
        pytest.skip("no fork here")
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0}, raising=False)
    monkeypatch.setattr(os, "cpu_count", lambda: 1)
    assert not sidebyside.can_fork()


def test_the_processes_running_now_are_read_from_the_kernels_count():
    from votes import forking

    assert forking.runnable("0.63 0.99 1.26 2/109 6166\n") == 2
    now = forking.running_now()
    assert now is None or now >= 1  # this process, at least, where the platform says


def test_jobs_are_forked_only_with_a_processor_to_spare(monkeypatch):
    from votes import sidebyside

    if not hasattr(os, "fork"):
        pytest.skip("no fork here")
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 1}, raising=False)
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    from votes import forking

    monkeypatch.setattr(forking, "running_now", lambda: 3)  # busy right now: the last minute decides
    monkeypatch.setattr(os, "getloadavg", lambda: (0.4, 1.0, 1.0))
    assert sidebyside.side_by_side()
    work = sidebyside.SideBySide()
    work.start("a", lambda: 1, here=True)
    work.start("b", lambda: 2)
    assert work.forked == ["b"]
    assert (work.result("a"), work.result("b")) == (1, 2)
    monkeypatch.setattr(os, "getloadavg", lambda: (2.3, 1.0, 1.0))  # more at work than processors
    assert not sidebyside.side_by_side()
    monkeypatch.setattr(forking, "running_now", lambda: 1)  # but only this process at work right now
    assert sidebyside.side_by_side()
    monkeypatch.setattr(forking, "running_now", lambda: None)  # where the platform does not say
    assert not sidebyside.side_by_side()
    monkeypatch.setattr(forking, "running_now", lambda: 3)
    work = sidebyside.SideBySide()
    work.start("b", lambda: 2)
    assert work.forked == [] and work.result("b") == 2


def test_a_job_its_child_could_not_do_is_done_here(prepared, sequential):
    from votes import sidebyside

    if not sidebyside.can_fork():
        pytest.skip("this platform cannot work side by side")
    parent = os.getpid()
    charts = dict(prepared.charts)
    draw_matrix = charts["vote-matrix.png"]

    def fails_in_a_child():
        if os.getpid() != parent:
            raise MemoryError("no memory left in the child")
        return draw_matrix()

    charts["vote-matrix.png"] = fails_in_a_child
    assert sidebyside.draw_pngs(charts, parallel=True) == sequential


def test_a_chart_that_cannot_be_drawn_fails_here_and_leaves_no_child():
    from votes import sidebyside
    from votes.charts import new_figure

    def broken():
        raise ValueError("a bug in a chart")

    charts = {"tally.png": lambda: new_figure(1, 1), "agreement.png": broken, "more.png": lambda: new_figure(1, 1)}
    with pytest.raises(ValueError, match="a bug in a chart"):
        sidebyside.draw_pngs(charts, parallel=sidebyside.can_fork())
    with pytest.raises(ChildProcessError):
        os.waitpid(-1, os.WNOHANG)


def test_abandoned_work_stops_its_children():
    import time

    from votes import sidebyside

    if not sidebyside.can_fork():
        pytest.skip("this platform cannot work side by side")

    def slow():
        time.sleep(60)

    work = sidebyside.SideBySide(parallel=True)
    for name in ("a", "b", "c"):
        work.start(name, slow, here=name == "a")
    assert work.forked == ["b", "c"]
    started = time.perf_counter()
    work.abandon()
    assert time.perf_counter() - started < 10
    with pytest.raises(ChildProcessError):
        os.waitpid(-1, os.WNOHANG)


def test_the_method_note_names_the_method_its_sources_and_the_pairs_left_out(three_years):
    from votes.validate import Coverage, Validation

    text = build_report(three_years, Validation([], {}, Coverage())).markdown
    section = text.split("### Clusters", 1)[1].split("\n## ", 1)[0]
    assert "Average-linkage clustering (UPGMA: Sokal and Michener 1958)" in section
    assert "over shared votes only" in section and "pooled over every draft" in section
    # 30 members, 435 pairs; the 175 pairs that never sat together are left out, never set to disagree
    assert "never voted on a common draft (175 of 435 pairs here) are left out" in section
    assert "Sokal and C. D. Michener" in section and "J. C. Gower" in section
    clusters = [line for line in section.splitlines() if line[:1].isdigit()]
    west = next(line for line in clusters if "Member FRA" in line)
    assert all(f"Member {code}" in west for code in ("ESP", "GBR", "USA", "NOR", "IRL", "ALB"))
    assert "Member RUS" not in west
