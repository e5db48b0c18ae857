"""`votes watch`, run as a user runs it: a process on a copy of the project, files touched, its
output read with a timeout, and Ctrl-C."""

from __future__ import annotations

import os
import queue
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from votes.watch import Watcher

#: Generous for a loaded CI machine; benchmarks/watch.py measures the real figure.
TIMEOUT = 20.0


class Process:
    """A running `votes watch` and the lines it has printed (read by a thread, so that a wait can time out)."""

    def __init__(self, cwd: Path, *args: str):
        self.proc = subprocess.Popen([sys.executable, "-m", "votes", "watch", *args], cwd=cwd,
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        self.queue: queue.Queue = queue.Queue()
        self.lines: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in self.proc.stdout:
            self.queue.put(line)
        self.queue.put(None)

    def read_until(self, predicate, timeout: float = TIMEOUT) -> str:
        deadline = time.monotonic() + timeout
        while True:
            try:
                line = self.queue.get(timeout=max(0.0, deadline - time.monotonic()))
            except queue.Empty:
                break
            if line is None:
                break
            self.lines.append(line)
            if predicate(line):
                return line
        raise AssertionError(f"no such line within {timeout} s; got:\n{''.join(self.lines)}")

    def interrupt(self) -> tuple[int, str]:
        self.proc.send_signal(signal.SIGINT)
        code = self.proc.wait(timeout=TIMEOUT)
        return code, self.proc.stderr.read()


def summary(line: str) -> bool:
    return " in the seeds: " in line or "seed coverage not checked" in line


@pytest.fixture
def watching(shipped_copy):
    process = Process(shipped_copy)
    yield shipped_copy, process
    if process.proc.poll() is None:
        process.proc.kill()
        process.proc.wait()


def test_watch_revalidates_on_each_save_and_stops_cleanly_on_ctrl_c(watching):
    root, process = watching
    assert process.read_until(summary).startswith("0 errors, 0 warnings in ")
    records = root / "data" / "resolutions.yaml"
    text = records.read_text(encoding="utf-8")
    records.write_text(text.replace("tally: {yes: 4, no: 9", "tally: {yes: 5, no: 9"), encoding="utf-8")
    assert process.read_until(lambda line: line.startswith("changed: ")) == "changed: data/resolutions.yaml\n"
    process.read_until(lambda line: "error[tally-mismatch] draft ru-aleppo-2016-10 tally.yes" in line)
    process.read_until(summary)
    records.write_text(text, encoding="utf-8")  # put right again
    process.read_until(lambda line: line.startswith("0 errors, 0 warnings"))
    # a new seed is seen too
    (root / "seeds" / "extra.txt").write_text("Nothing about votes.\n", encoding="utf-8")
    assert process.read_until(lambda line: line.startswith("changed: ")) == "changed: seeds/extra.txt\n"
    process.read_until(lambda line: "warning[seed-unlisted] seed extra.txt" in line)
    code, err = process.interrupt()
    assert code == 0
    assert "Traceback" not in err and "Aborted" not in err
    assert err == "watching data/resolutions.yaml, data/council.yaml and seeds/ (Ctrl-C stops)\nstopped\n"


def test_watch_keeps_going_when_a_file_is_unreadable_for_a_moment(watching):
    root, process = watching
    process.read_until(summary)
    council = root / "data" / "council.yaml"
    saved = council.read_bytes()
    council.unlink()
    process.read_until(lambda line: line == "Error: data/council.yaml: no such file or folder\n")
    council.write_bytes(saved)
    process.read_until(lambda line: line.startswith("0 errors, 0 warnings"))
    assert process.interrupt()[0] == 0


def test_watch_rewrites_the_report_on_request(shipped_copy):
    process = Process(shipped_copy, "--report", "--out", "out")
    try:
        assert process.read_until(lambda line: line.startswith("wrote ")) == "wrote 7 files to out/\n"
        assert (shipped_copy / "out" / "report.md").is_file()
        records = shipped_copy / "data" / "resolutions.yaml"
        records.write_text(records.read_text(encoding="utf-8").replace("status: failed", "status: adopted"),
                           encoding="utf-8")
        process.read_until(lambda line: line == "votes: not writing the report: fix the errors above, or pass "
                                                 "--force\n")
        assert process.interrupt()[0] == 0
    finally:
        if process.proc.poll() is None:
            process.proc.kill()


def test_watcher_sees_changes_arrivals_and_departures(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "seeds").mkdir()
    (tmp_path / "data.yaml").write_text("a", encoding="utf-8")
    (tmp_path / "seeds" / "a.txt").write_text("a", encoding="utf-8")
    (tmp_path / "seeds" / ".a.txt.swp").write_text("editor", encoding="utf-8")
    watcher = Watcher("data.yaml", "council.yaml", "seeds")
    steps = iter([
        lambda: (tmp_path / "data.yaml").write_text("ab", encoding="utf-8"),
        lambda: ((tmp_path / "seeds" / "a.txt").unlink(), (tmp_path / "council.yaml").write_text("c")),
        lambda: (tmp_path / "seeds" / ".b.tmp").write_text("hidden", encoding="utf-8"),
        lambda: (tmp_path / "seeds" / "sub").mkdir() or (tmp_path / "seeds" / "sub" / "b.txt").write_text("b"),
    ])

    def sleep(_seconds):  # each look at the files after the first does the next step, then waits
        sleep.calls += 1
        if sleep.calls % 2:
            next(steps, lambda: None)()
    sleep.calls = 0

    changes = watcher.changes(sleep=sleep)
    assert next(changes) == ["data.yaml"]
    assert next(changes) == ["council.yaml", "seeds/a.txt"]
    assert next(changes) == ["seeds/sub/b.txt"]  # the hidden file was never seen
    assert sorted(watcher.snapshot()) == ["council.yaml", "data.yaml", "seeds/sub/b.txt"]
    assert os.path.exists(tmp_path / "seeds" / ".b.tmp")
