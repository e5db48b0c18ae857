"""What votes keeps between runs (votes.cache): a second run reads nothing again and says exactly
what the first said; whatever a reading depends on (the seed, the council's names, the code)
changing empties what depended on it; a broken or unwritable cache is a first run, never an error."""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import ROOT
from votes import cache, load_project, validate
from votes.project import load_council
from votes.quotes import QuoteReader
from votes.reader import Lexicon, read_passage


@pytest.fixture
def own_cache(tmp_path, monkeypatch):
    """A cache folder for this test alone."""
    folder = tmp_path / "cache"
    monkeypatch.setenv("VOTES_CACHE", str(folder))
    return folder


@pytest.fixture
def counted_reads(monkeypatch):
    """The passages the quote reader reads itself in a run (not from the cache), as a list of keys."""
    read = []
    original = QuoteReader._read

    def counting(self, text, anchor, key):
        read.append(key)
        return original(self, text, anchor, key)

    monkeypatch.setattr(QuoteReader, "_read", counting)
    return read


def _run():
    validation = validate(load_project())
    readings = {draft_id: dict(check.readings) for draft_id, check in validation.drafts.items()}
    return [p.to_line() for p in validation.problems], readings


def _off(monkeypatch):
    monkeypatch.setenv("VOTES_CACHE", "off")
    found = _run()
    monkeypatch.undo()
    return found


def test_a_second_run_reads_nothing_and_says_the_same(shipped_copy, own_cache, counted_reads, monkeypatch):
    first = _run()
    assert counted_reads, "the first run reads every cited passage"
    assert len(list(own_cache.glob("readings-*.pickle"))) == 1
    counted_reads.clear()
    second = _run()
    assert counted_reads == []
    assert second == first
    monkeypatch.setenv("VOTES_CACHE", "off")
    assert _run() == first  # and what a run without any cache says


def test_what_is_stored_is_what_reading_again_gives(shipped_copy, own_cache):
    """No check changes a reading it was handed: every stored reading equals the passage read afresh."""
    project = load_project()
    validate(project)
    (stored,) = own_cache.glob("readings-*.pickle")
    _, _, entries = pickle.loads(stored.read_bytes())
    by_digest = {cache.digest(seed.text): seed.text for seed in project.seeds.values()}
    lexicon = Lexicon.from_council(project.council)
    assert entries
    for (digest, lo, hi), readings in entries.items():
        fresh = read_passage(by_digest[digest], lexicon, lo, hi)
        assert [(r.start, r.end, r.assertions, r.mentions) for r in readings] == \
            [(r.start, r.end, r.assertions, r.mentions) for r in fresh]


def test_an_edited_seed_is_read_again(shipped_copy, own_cache, counted_reads, monkeypatch):
    _run()
    seed = sorted((shipped_copy / "seeds").glob("*.txt"))[0]
    seed.write_text(seed.read_text(encoding="utf-8") + "\nA line added at the end.\n", encoding="utf-8")
    counted_reads.clear()
    second = _run()
    assert counted_reads and {key[0] for key in counted_reads} == {seed.name}
    assert second == _off(monkeypatch)


def test_a_new_name_in_the_council_empties_the_cache(shipped_copy, own_cache, counted_reads):
    first = _run()
    council = shipped_copy / "data" / "council.yaml"
    text = council.read_text(encoding="utf-8")
    assert "Moscow" in text
    council.write_text(text.replace("Moscow", "Moskva"), encoding="utf-8")
    counted_reads.clear()
    second = _run()
    assert len(counted_reads) > 10  # every passage, not only those that name Moscow
    assert second != first  # the quotes that said "Moscow" no longer name Russia


def test_other_code_empties_the_cache(shipped_copy, own_cache, counted_reads, monkeypatch):
    first = _run()
    monkeypatch.setattr(cache, "code_fingerprint", lambda: "an edited rule")
    counted_reads.clear()
    assert _run() == first
    assert counted_reads


@pytest.mark.parametrize("content", [b"", b"not a pickle", pickle.dumps(("a", "tuple")), pickle.dumps([1, 2, 3])])
def test_a_torn_or_foreign_cache_file_is_a_first_run(shipped_copy, own_cache, counted_reads, content):
    first = _run()
    for stored in own_cache.glob("*.pickle"):
        stored.write_bytes(content)
    counted_reads.clear()
    assert _run() == first
    assert counted_reads
    assert all(stored.read_bytes() != content for stored in own_cache.glob("readings-*.pickle"))  # written anew


def test_an_unwritable_cache_changes_nothing(shipped_copy, tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("where the cache folder would be\n", encoding="utf-8")
    monkeypatch.setenv("VOTES_CACHE", str(blocker / "votes"))
    first = _run()
    assert _run() == first
    assert list(tmp_path.glob("a-file*")) == [blocker]
    assert not list(tmp_path.glob("**/*.partial"))


def test_off_keeps_nothing(shipped_copy, tmp_path, monkeypatch):
    monkeypatch.setenv("VOTES_CACHE", "off")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    _run()
    assert not (tmp_path / "xdg").exists() and not (tmp_path / "home").exists()
    assert cache.cache_dir() is None


def test_the_default_place(monkeypatch, tmp_path):
    monkeypatch.delenv("VOTES_CACHE")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache.cache_dir() == tmp_path / "xdg" / "votes"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert cache.cache_dir() == tmp_path / "home" / ".cache" / "votes"


def test_a_removed_seed_leaves_the_cache(shipped_copy, own_cache):
    """The file holds the readings of the seeds as they are: it grows no larger than they make it."""
    _run()
    gone = sorted((shipped_copy / "seeds").glob("*.txt"))[0]
    gone_digest = cache.digest(gone.read_text(encoding="utf-8"))
    (stored,) = own_cache.glob("readings-*.pickle")
    assert any(key[0] == gone_digest for key in pickle.loads(stored.read_bytes())[2])
    gone.unlink()
    validate(load_project())  # its quotes are not found now; the other seeds' passages come from the cache
    _, _, entries = pickle.loads(stored.read_bytes())
    assert entries and all(key[0] != gone_digest for key in entries)


def test_the_council_read_before_comes_from_the_cache(shipped_copy, own_cache, monkeypatch):
    first = load_council("data/council.yaml")
    assert len(list(own_cache.glob("council-*.pickle"))) == 1
    import votes.project

    def refuse(*args):
        raise AssertionError("the council was read again")

    monkeypatch.setattr(votes.project, "build_council", refuse)
    assert load_council("data/council.yaml") == first


def test_a_changed_council_is_read_again_with_its_problems(shipped_copy, own_cache):
    path = shipped_copy / "data" / "council.yaml"
    load_council(path)
    path.write_text(path.read_text(encoding="utf-8").replace("    permanent: true\n", "    permanent: perhaps\n", 1), encoding="utf-8")
    council, problems = load_council(path)
    assert problems, "the changed file's problems, not the cached file's none"
    again = load_council(path)
    assert [p.to_line() for p in again[1]] == [p.to_line() for p in problems]


def test_a_warm_validate_does_not_load_the_rule_table(shipped_copy, own_cache):
    """A run whose passages all come from the cache never builds the reader's rule table."""
    script = ("import sys\nfrom votes.cli import main\n"
              "try:\n    main(['validate'])\nexcept SystemExit:\n    pass\n"
              "print('rules' if 'votes.reader.rules' in sys.modules else 'no rules', file=sys.stderr)\n")
    env = {**os.environ, "VOTES_CACHE": str(own_cache), "PYTHONPATH": str(ROOT)}
    runs = [subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env,
                           cwd=shipped_copy, check=False) for _ in range(2)]
    assert [r.stderr.strip().splitlines()[-1] for r in runs] == ["rules", "no rules"], [r.stderr for r in runs]
    assert runs[0].stdout == runs[1].stdout
    assert Path(shipped_copy / "data" / "resolutions.yaml").is_file()


def test_the_folder_keeps_the_most_recently_used_files(tmp_path):
    folder = tmp_path / "cache"
    folder.mkdir()
    for i in range(6):
        path = folder / f"readings-{i}.pickle"
        path.write_bytes(pickle.dumps(i))
        os.utime(path, (1000 + i, 1000 + i))
    os.utime(folder / "readings-0.pickle")  # used just now
    torn = folder / "readings-9.pickle.123.partial"
    torn.write_bytes(b"half")
    os.utime(torn, (1000, 1000))
    fresh = folder / "readings-8.pickle.456.partial"
    fresh.write_bytes(b"being written")
    cache.prune(folder, keep=3)
    assert sorted(p.name for p in folder.iterdir()) == [
        "readings-0.pickle", "readings-4.pickle", "readings-5.pickle", "readings-8.pickle.456.partial"]


def test_a_write_prunes_the_folder(shipped_copy, own_cache, monkeypatch):
    own_cache.mkdir()
    for i in range(5):
        (own_cache / f"council-old{i}.pickle").write_bytes(b"x")
        os.utime(own_cache / f"council-old{i}.pickle", (1000, 1000))
    monkeypatch.setattr(cache, "MAX_FILES", 4)
    _run()
    assert sorted(p.name.split("-")[0] for p in own_cache.iterdir()) == ["council", "places", "readings", "sentences"]


def test_files_held_back_are_written_when_the_block_is_done(shipped_copy, own_cache, monkeypatch):
    def no_fork():
        raise OSError("no child here")

    monkeypatch.setattr(os, "fork", no_fork)  # written here, not in a child: the test process goes on
    with cache.written_after():
        first = _run()
        assert not own_cache.exists() or not list(own_cache.iterdir()), "nothing is written inside the block"
    kinds = sorted(p.name.split("-")[0] for p in own_cache.iterdir())
    assert kinds == ["council", "places", "readings", "sentences"]
    assert _run() == first


class _Kept:
    """A value of a cache file that tells whether it is still alive (a weak reference to it)."""

    def __init__(self, items):
        self.items = items


def test_what_a_child_writes_is_not_freed_here_before_the_process_ends(tmp_path, monkeypatch):
    import weakref

    monkeypatch.setattr(cache, "_WRITTEN_APART", [], raising=False)
    children, fork = [], os.fork
    monkeypatch.setattr(os, "fork", lambda: children.append(fork()) or children[-1])
    path = tmp_path / "readings-x.pickle"
    value = _Kept(list(range(1000)))
    alive = weakref.ref(value)
    with cache.written_after():
        cache._store(path, value)
    del value
    for _ in range(200):  # the child writing it is not waited for
        if path.exists():
            break
        time.sleep(0.05)
    os.waitpid(children[0], 0)  # the command never waits for it; the tests leave no child behind
    assert pickle.loads(path.read_bytes()).items == list(range(1000))
    # freed here it would be freed object by object just before the process ends, which frees it whole
    assert alive() is not None


def test_the_console_command_writes_its_cache_after_its_output(shipped_copy, own_cache):
    env = {**os.environ, "VOTES_CACHE": str(own_cache), "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-c", "from votes.cli import run; run()", "validate"]
    first = subprocess.run(command, capture_output=True, text=True, env=env, cwd=shipped_copy, check=False)
    for _ in range(200):  # the child writing them is not waited for
        if len(list(own_cache.glob("*.pickle"))) == 4:
            break
        time.sleep(0.05)
    kinds = sorted(p.name.split("-")[0] for p in own_cache.glob("*.pickle"))
    assert kinds == ["council", "places", "readings", "sentences"]
    second = subprocess.run(command, capture_output=True, text=True, env=env, cwd=shipped_copy, check=False)
    assert (second.stdout, second.returncode) == (first.stdout, first.returncode) == (first.stdout, 0)


def test_the_places_of_quotes_found_before_come_from_the_cache(shipped_copy, own_cache, monkeypatch):
    import votes.anchor

    first = _run()
    assert len(list(own_cache.glob("places-*.pickle"))) == 1

    def refuse(self, quote):
        raise AssertionError(f"{quote!r} was looked for again")

    monkeypatch.setattr(votes.anchor.SeedText, "find", refuse)
    assert _run() == first


def test_a_second_run_splits_no_seed_into_sentences(shipped_copy, own_cache, monkeypatch):
    """The passages of the quotes are kept with their places, the vote sentences of each seed apart."""
    import votes.anchor

    first = _run()

    def refuse(self, text):
        raise AssertionError("a seed was split into sentences again")

    monkeypatch.setattr(votes.anchor.Paragraphs, "__init__", refuse)
    assert _run() == first


def test_an_edited_seed_places_its_quotes_again(shipped_copy, own_cache, monkeypatch):
    import votes.anchor

    _run()
    records = load_project().records
    seed = next(p for p in sorted((shipped_copy / "seeds").iterdir()) if p.suffix == ".txt")
    seed.write_text("A new first line.\n" + seed.read_text(encoding="utf-8"), encoding="utf-8")
    looked = []
    original = votes.anchor.SeedText.find
    monkeypatch.setattr(votes.anchor.SeedText, "find",
                        lambda self, quote: looked.append(quote) or original(self, quote))
    _run()
    citing = [ev.quote for d in records.drafts for ev in d.evidence if ev.seed == seed.name]
    citing += [entry.quote for entry in records.ignores if entry.seed == seed.name]
    assert citing and sorted(looked) == sorted(citing)  # the quotes of that seed, and only those


def test_the_vote_sentences_of_seeds_read_before_come_from_the_cache(shipped_copy, own_cache, monkeypatch):
    import votes.quotes

    first = _run()
    found = validate(load_project()).coverage
    assert len(list(own_cache.glob("sentences-*.pickle"))) == 1

    def refuse(*args):
        raise AssertionError("a seed's vote sentences were looked for again")

    monkeypatch.setattr(votes.quotes, "vote_sentences", refuse)
    again = validate(load_project())
    assert _run() == first and again.coverage == found and found.sentences > 0


@pytest.mark.parametrize("kind", ["TextRef", "Assertion", "Reading"])
def test_a_kept_record_comes_back_with_every_field_in_its_place(kind):
    import votes.reader.types as types

    cls = getattr(types, kind)
    record = cls.__new__(cls)
    for number, name in enumerate(cls.__slots__):
        setattr(record, name, f"{name} {number}")
    back = pickle.loads(pickle.dumps(record, protocol=pickle.HIGHEST_PROTOCOL))
    assert type(back) is cls
    assert [getattr(back, n) for n in cls.__slots__] == [f"{n} {i}" for i, n in enumerate(cls.__slots__)]
