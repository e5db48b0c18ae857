"""Quotes read ahead in a child process (votes.quotes.QuoteReader.read_ahead) give the validation,
and every reading, that reading them one by one gives."""

from __future__ import annotations

import importlib
import importlib.util
import os
import sys

import pytest

from conftest import ROOT
from votes import forking, load_project, quotes, validate
from votes.anchor import SeedText
from votes.quotes import QuoteReader
from votes.vote_words import says_vote_word


pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="reading ahead forks")


def _generate(out, drafts: int, articles: int, seed: int):
    spec = importlib.util.spec_from_file_location("votes_bench_generate", ROOT / "benchmarks" / "generate.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    module.generate(out, drafts=drafts, articles=articles, seed=seed)
    data = out / "data"
    return load_project(data / "resolutions.yaml", data / "council.yaml", out / "seeds")


def _validated(project, monkeypatch, ahead: bool):
    """The validation's problems and each draft's readings, read ahead in a child or one by one."""
    collected = []
    collect = QuoteReader._collect

    def counted(reader, key):
        collected.append(key)
        return collect(reader, key)

    monkeypatch.setattr(QuoteReader, "_collect", counted)
    monkeypatch.setattr(quotes, "READ_AHEAD_FROM", 1 if ahead else 10**9)
    monkeypatch.setattr(forking, "side_by_side", lambda: True)  # whatever the load of the machine
    monkeypatch.setenv("VOTES_CACHE", "off")  # every passage read in this run, none from the last (votes.cache)
    validation = validate(project)
    # compared field by field (Record equality): a set of drafters unpickled may list its members in
    # another order, as it may in another process anyway
    readings = {draft_id: dict(check.readings) for draft_id, check in validation.drafts.items()}
    return [p.to_line() for p in validation.problems], readings, collected


def test_reading_ahead_changes_nothing(tmp_path, monkeypatch):
    project = _generate(tmp_path / "a", drafts=120, articles=12, seed=3)
    one_by_one, readings, collected = _validated(project, monkeypatch, ahead=False)
    assert collected == []
    project = load_project(project.records.path, project.council.path, project.seeds_dir)
    ahead, readings_ahead, collected = _validated(project, monkeypatch, ahead=True)
    assert len(collected) > 100 and len(set(collected)) == len(collected)  # the child read the larger part, each once
    assert ahead == one_by_one
    assert readings_ahead == readings


def test_a_child_reading_ahead_is_stopped_and_waited_for(tmp_path, monkeypatch):
    project = _generate(tmp_path / "a", drafts=40, articles=4, seed=5)
    monkeypatch.setattr(quotes, "READ_AHEAD_FROM", 1)
    monkeypatch.setattr(forking, "side_by_side", lambda: True)
    reader = QuoteReader(project.council)
    texts = {name: SeedText(seed) for name, seed in project.seeds.items()}
    asked = []
    for draft in project.records.drafts:
        for ev in draft.evidence:
            if ev.seed is not None and texts.get(ev.seed) is not None:
                anchor = texts[ev.seed].find(ev.quote)
                if anchor is not None:
                    asked.append((ev.seed, texts[ev.seed], anchor))
    reader.read_ahead(asked)
    pid = reader._ahead[0].pid
    reader.stop_reading_ahead()
    assert reader._ahead is None
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, 0)  # already waited for: no child left behind
    # what the child would have read is read here when asked
    name, text, anchor = asked[-1]
    assert reader.sentences(name, text, anchor) == QuoteReader(project.council).sentences(name, text, anchor)


def _early(project, monkeypatch):
    """A child started reading the project's seeds early, whatever the size of its records file."""
    monkeypatch.setattr(quotes, "EARLY_FROM_BYTES", 0)
    monkeypatch.setattr(forking, "side_by_side", lambda: True)
    monkeypatch.setenv("VOTES_CACHE", "off")
    early = quotes.read_early(project.records.path, project.council.path, project.seeds_dir)
    assert early is not None
    return early


def test_reading_early_changes_nothing(tmp_path, monkeypatch):
    project = _generate(tmp_path / "a", drafts=120, articles=12, seed=3)
    one_by_one, readings, _ = _validated(project, monkeypatch, ahead=False)
    early = _early(project, monkeypatch)
    early.take = lambda: early._child.result()[1]  # the child left to read every seed, not stopped
    taken = []
    take = QuoteReader._take_early

    def counted(reader):
        take(reader)
        taken.append((len(reader._guessed), len(reader._guessed_sentences)))

    monkeypatch.setattr(QuoteReader, "_take_early", counted)
    read_here = []
    read = QuoteReader._read
    monkeypatch.setattr(QuoteReader, "_read", lambda reader, *args: read_here.append(args) or read(reader, *args))
    monkeypatch.setattr(quotes, "READ_AHEAD_FROM", 10**9)
    project = load_project(project.records.path, project.council.path, project.seeds_dir)
    validation = validate(project, early=early)
    assert taken == [(taken[0][0], 12)]  # every seed read early
    # what was read here is only the quotes without a vote word ("Portugal welcomed the text")
    assert read_here and all(not says_vote_word(text.seed.text[lo:hi]) for text, _, (_, lo, hi) in read_here)
    assert [p.to_line() for p in validation.problems] == one_by_one
    assert {draft_id: dict(check.readings) for draft_id, check in validation.drafts.items()} == readings


def test_every_passage_read_early_is_one_the_validation_reads(tmp_path, monkeypatch):
    project = _generate(tmp_path / "a", drafts=30, articles=3, seed=4)
    early = _early(project, monkeypatch)
    lexicon, readings, sentences = early._child.result()[1]  # the whole seeds read: nothing stopped it
    assert len(sentences) == len(project.seeds)
    reader = QuoteReader(project.council)
    for name, seed in project.seeds.items():
        text = SeedText(seed)
        for sentence in reader.vote_sentences(name, text):
            anchor = quotes.Anchor(sentence.start, sentence.end, "exact", 0, 0)
            _, lo, hi = reader._passage(name, text, anchor)
            assert readings.pop((quotes.digest(seed.text), lo, hi)) == reader.sentences(name, text, anchor)
    assert readings == {}


def test_a_child_reading_early_is_stopped_and_waited_for(tmp_path, monkeypatch):
    project = _generate(tmp_path / "a", drafts=40, articles=4, seed=5)
    early = _early(project, monkeypatch)
    pid = early._child.started[0]
    early.stop()
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, 0)  # already waited for: no child left behind
    assert early.take() is None  # nothing to take from a child stopped


def _square(n: int) -> int:
    if n == 700:
        raise ValueError("the child fails here")
    return n * n


def test_a_streamed_job_hands_back_every_result_in_order_as_chunks_come():
    stream = forking.Streamed(list(range(600)), _square, chunk=64)
    assert stream.get(0) == 0  # waits for the first chunk only
    assert [stream.get(i) for i in range(600)] == [n * n for n in range(600)]
    assert stream.pid is None  # every chunk taken: the child waited for


def test_a_streamed_job_whose_child_fails_hands_back_what_came_before():
    stream = forking.Streamed(list(range(1000)), _square, chunk=100)
    assert stream.get(750) is None  # the chunk of 700 to 799 failed at 700
    assert stream.get(699) == 699 * 699  # what came before stays
    assert stream.get(999) is None and stream.pid is None


def test_a_streamed_job_stopped_leaves_no_child():
    stream = forking.Streamed(list(range(10**6)), _square, chunk=10)
    pid = stream.pid
    stream.stop()
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, 0)
    assert stream.get(0) is None


def test_checks_made_side_by_side_find_what_they_find_one_after_another(mini, monkeypatch):
    """Over a long history draft identity is checked in a forked child while this process makes the
    other checks (votes.validate.APART): the same problems, in the same order, either way. The
    records name each vote's month or weekday the other way round, so the child has problems to
    send back (evidence-other-draft), and the checks made here have theirs (a tally not recorded)."""
    from test_checks import TWO_VETOES
    from votes import sidebyside
    validating = importlib.import_module("votes.validate")  # the package names its function so

    mini.seed("a.txt", "News\n\nRussia vetoed the US draft on Thursday night.\n\n"
                       "In October, Russia vetoed a similar US draft resolution.\n")
    mini.manifest("2017-11-17")
    mini.records(TWO_VETOES.format(october="Russia vetoed the US draft on Thursday night.",
                                   november="In October, Russia vetoed a similar US draft resolution."))
    monkeypatch.setenv("VOTES_CACHE", "off")
    alone = [p.to_dict() for p in mini.validate().problems]
    assert {"evidence-other-draft"} < {p["code"] for p in alone}
    forked = []
    fork = forking.fork_job
    monkeypatch.setattr(forking, "fork_job", lambda job: forked.append(job) or fork(job))
    monkeypatch.setattr(forking, "side_by_side", lambda: True)  # whatever the load of the machine
    monkeypatch.setattr(validating, "APART_FROM", 1)
    assert [p.to_dict() for p in mini.validate().problems] == alone
    assert len(forked) == 1  # draft identity, and nothing else
