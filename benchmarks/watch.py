"""The figure of `votes watch`: from a save to the first message, and to the validation result.

    python benchmarks/watch.py [--saves N] [--report] [--drafts N --articles M]

Runs `votes watch` (`--report` adds the report) on a temporary copy of the shipped data and
seeds (or, with --drafts and --articles, on a synthetic history from generate.py), then saves data/resolutions.yaml N times (alternately with a comment line added and
removed, as an editor does: the whole file rewritten), each save once the previous one has
been answered. For each save it times, from the moment the file is closed:

    first message   the "changed: ..." line (target: within 0.5 s)
    result          the validation summary line (or "wrote ..." with --report)

and prints the median and the slowest of each, and the CPU the idle watcher uses between
saves (from /proc, where there is one). Nothing is asserted; the numbers are for reading.
"""

from __future__ import annotations

import argparse
import os
import queue
import random
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
_SCRIPT = Path(PYTHON).parent / "votes"
VOTES = [str(_SCRIPT)] if _SCRIPT.exists() else [PYTHON, "-m", "votes"]
TARGET = 0.5
TIMEOUT = 60.0


def _lines(stream, sink: queue.Queue) -> None:
    for line in stream:
        sink.put((time.perf_counter(), line))
    sink.put((time.perf_counter(), None))


def _wait_for(lines: queue.Queue, predicate) -> float:
    deadline = time.monotonic() + TIMEOUT
    while True:
        at, line = lines.get(timeout=max(0.01, deadline - time.monotonic()))
        if line is None:
            raise SystemExit("votes watch stopped unexpectedly")
        if predicate(line):
            return at


def _cpu_seconds(pid: int) -> float | None:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--saves", type=int, default=20, help="how many saves to time (default 20)")
    parser.add_argument("--report", action="store_true", help="time `votes watch --report`")
    parser.add_argument("--drafts", type=int, help="a synthetic history of this many drafts ...")
    parser.add_argument("--articles", type=int, default=300, help="... and articles (default 300)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        os.environ["VOTES_CACHE"] = str(root / "votes-cache")  # never the user's cache (votes.cache)
        if args.drafts:
            sys.path.insert(0, str(Path(__file__).resolve().parent))
            from generate import generate

            generate(root, args.drafts, args.articles, seed=0)
            where = f"a synthetic history of {args.drafts} drafts and {args.articles} articles"
        else:
            for name in ("data", "seeds"):
                shutil.copytree(ROOT / name, root / name)
            where = "the shipped data"
        command = VOTES + ["watch"] + (["--report", "--out", "out"] if args.report else [])
        proc = subprocess.Popen(command, cwd=root, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        lines: queue.Queue = queue.Queue()
        threading.Thread(target=_lines, args=(proc.stdout, lines), daemon=True).start()

        def result(line: str) -> bool:
            if args.report:
                return line.startswith(("wrote ", "votes: not writing"))
            return " in the seeds: " in line

        try:
            _wait_for(lines, result)
            time.sleep(1.0)  # idle: measure what polling costs
            idle_start, idle_cpu = time.perf_counter(), _cpu_seconds(proc.pid)
            time.sleep(3.0)
            idle_end, idle_cpu_end = time.perf_counter(), _cpu_seconds(proc.pid)
            records = root / "data" / "resolutions.yaml"
            text = records.read_text(encoding="utf-8")
            first, answered = [], []
            pauses = random.Random(10)
            for number in range(args.saves):
                body = text + "# saved\n" if number % 2 == 0 else text
                with open(records, "w", encoding="utf-8") as handle:
                    handle.write(body)
                saved = time.perf_counter()
                first.append(_wait_for(lines, lambda line: line.startswith("changed: ")) - saved)
                answered.append(_wait_for(lines, result) - saved)
                # a user reads before saving again; a varied pause, so that saves fall at every
                # point of the watcher's polling cycle
                time.sleep(pauses.uniform(0.2, 0.5))
        finally:
            proc.send_signal(signal.SIGINT)
            code = proc.wait(timeout=TIMEOUT)
    print(f"votes watch{' --report' if args.report else ''} on {where}, {args.saves} saves "
          f"(Python {sys.version.split()[0]}, {os.cpu_count()} CPUs)")
    print(f"  {'save to first message:':<27}median {statistics.median(first):.3f} s, slowest {max(first):.3f} s "
          f"(target {TARGET} s: {'met' if max(first) <= TARGET else 'MISSED'})")
    label = "report written" if args.report else "validation result"
    print(f"  {'save to ' + label + ':':<27}median {statistics.median(answered):.3f} s, "
          f"slowest {max(answered):.3f} s")
    if idle_cpu is not None and idle_cpu_end is not None:
        share = (idle_cpu_end - idle_cpu) / (idle_end - idle_start) * 100
        print(f"  {'idle between saves:':<27}{share:.1f}% of one CPU")
    print(f"  Ctrl-C: exit code {code}")


if __name__ == "__main__":
    main()
