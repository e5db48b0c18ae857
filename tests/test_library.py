"""What a notebook gets: the same policy as the commands, from plain function calls."""

from __future__ import annotations

import gc

import pytest

from test_checks import BASE, SEED, replaced
from votes import DataRefused, DraftNotFound, load_project, validate
from votes import project as project_module
from votes.report import check_reportable, write_report


@pytest.fixture
def small(mini):
    mini.seed("a.txt", SEED)
    mini.manifest()
    mini.records(BASE + """
  - id: fr-icc
    symbol: S/2014/348
    title: French draft on the ICC
    date: 2014-05-22
    status: not-voted
  - id: fr-icc-2
    symbol: S/2014/348
    title: The same symbol, typed twice
    date: 2014-05-22
    status: not-voted
""")
    return mini


def test_load_project_takes_text_paths(small):
    project = load_project("data/resolutions.yaml", "data/council.yaml", "seeds")
    assert [d.id for d in project.records.drafts] == ["fr-es", "fr-icc", "fr-icc-2"]
    assert project.records.path == "data/resolutions.yaml"


def test_find_draft_by_id_symbol_and_prefix(small):
    project = load_project()
    assert project.find_draft("fr-es").id == "fr-es"
    assert project.find_draft("S/2016/846").id == "fr-es"
    assert project.find_draft(" s/2016/846").id == "fr-es"
    assert project.find_draft("fr-e").id == "fr-es"


@pytest.mark.parametrize("key, message, suggestions", [
    ("fr-", "'fr-' begins 3 draft ids in data/resolutions.yaml: fr-es, fr-icc, fr-icc-2; type more of the id",
     ["fr-es", "fr-icc", "fr-icc-2"]),
    ("S/2014/348", "symbol 'S/2014/348' is given to 2 drafts in data/resolutions.yaml: fr-icc, fr-icc-2; "
     "name one by its id", ["fr-icc", "fr-icc-2"]),
    ("S/2016/864", "no draft 'S/2016/864' in data/resolutions.yaml; did you mean 'S/2016/846'?", ["S/2016/846"]),
    ("fr_es", "no draft 'fr_es' in data/resolutions.yaml; did you mean 'fr-es'?", ["fr-es"]),
    ("zzz", "no draft 'zzz' in data/resolutions.yaml; ids: fr-es, fr-icc, fr-icc-2", []),
])
def test_find_draft_explains_what_it_cannot_find(small, key, message, suggestions):
    with pytest.raises(DraftNotFound) as caught:
        load_project().find_draft(key)
    assert str(caught.value) == message
    assert caught.value.suggestions == suggestions


def test_loading_and_validating_run_without_the_cyclic_collector(small, monkeypatch):
    seen = []
    load = project_module._load
    monkeypatch.setattr(project_module, "_load", lambda *a: seen.append(gc.isenabled()) or load(*a))
    project = load_project()
    import importlib

    validate_module = importlib.import_module("votes.validate")
    inner = validate_module.establish
    monkeypatch.setattr(validate_module, "establish", lambda *a: seen.append(gc.isenabled()) or inner(*a))
    validate(project)
    assert seen == [False, False]
    assert gc.isenabled()


def test_paused_gc_nests_and_restores():
    with project_module.paused_gc():
        with project_module.paused_gc():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()


def test_report_refuses_errors_unless_forced_from_python_too(mini, tmp_path):
    mini.seed("a.txt", SEED)
    mini.manifest()
    mini.records(replaced("tally: {yes: 11", "tally: {yes: 12"))
    project = load_project()
    validation = validate(project)
    with pytest.raises(DataRefused) as caught:
        write_report(project, validation, "out")
    assert str(caught.value) == "not writing the report: fix the errors above, or pass --force"
    assert caught.value.problems == validation.errors and "tally-mismatch" in [p.code for p in validation.errors]
    assert not (mini.root / "out").exists()
    check_reportable(validation, force=True)  # forced: no refusal


def test_report_refuses_an_unreadable_file_even_forced(mini):
    mini.seed("a.txt", SEED)
    mini.manifest()
    mini.records("drafts: [\n")
    validation = validate(load_project())
    with pytest.raises(DataRefused) as caught:
        check_reportable(validation, force=True)
    assert str(caught.value) == "not writing the report: a data file cannot be read; fix the errors above"
    assert [p.code for p in caught.value.problems] == ["yaml-syntax"]
