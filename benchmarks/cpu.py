"""CPU time of `votes` commands, compared in alternation: a measure that other work on the machine
disturbs far less than wall time.

    python benchmarks/cpu.py [--runs N] [--command validate|report] [--project DIR] VOTES [VOTES ...]

Each VOTES is a `votes` console script (of this checkout's environment, or of another tree's, to
compare before and after a change); each runs COMMAND in DIR (default: this checkout), N times,
in alternation with `python -c "import yaml, click"` (the floor of `votes validate`, run by the
first script's Python). Printed: the median and lowest CPU time (user + system, from wait4) of
each, for validate its ratio to the floor, the median wall time and the peak memory. Nothing is
asserted.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: Bytecode caching on, as on a user's machine.
ENV = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}


def measure(argv: list[str], cwd: Path, env: dict[str, str] = ENV) -> tuple[float, float, float]:
    """(CPU seconds, wall seconds, peak MB) of one fresh process."""
    started = time.perf_counter()
    child = subprocess.Popen(argv, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, _, usage = os.wait4(child.pid, 0)
    return usage.ru_utime + usage.ru_stime, time.perf_counter() - started, usage.ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("votes", nargs="+", type=Path, help="votes console scripts to compare")
    parser.add_argument("--runs", type=int, default=40)
    parser.add_argument("--command", choices=("validate", "report"), default="validate")
    parser.add_argument("--project", type=Path, default=ROOT, help="the project folder each command runs in")
    args = parser.parse_args()
    args.votes = [Path(os.path.abspath(script)) for script in args.votes]  # each runs in the project folder
    python = args.votes[0].parent / "python"
    runs: dict[str, list[tuple[float, float, float]]] = {"floor": []}
    with tempfile.TemporaryDirectory() as out:
        commands = {"floor": [str(python), "-c", "import yaml, click"]}
        caches = {"floor": ENV}  # each tree its own cache folder (votes.cache), kept from its warm-up run
        for i, script in enumerate(args.votes):
            extra = ["--out", out] if args.command == "report" else []
            commands[str(script)] = [str(script), args.command, *extra]
            caches[str(script)] = {**ENV, "VOTES_CACHE": str(Path(out) / f"votes-cache-{i}")}
            runs[str(script)] = []
        for name, argv in commands.items():  # warm-up: bytecode written, files in the page cache, caches kept
            measure(argv, args.project, caches[name])
        for _ in range(args.runs):
            for name, argv in commands.items():
                runs[name].append(measure(argv, args.project, caches[name]))
    floor = statistics.median(cpu for cpu, _, _ in runs["floor"])
    print(f"votes {args.command} in {args.project}, {args.runs} runs each, alternating; "
          f"load average {os.getloadavg()[0]:.1f}")
    for name, found in runs.items():
        cpu = statistics.median(c for c, _, _ in found)
        ratio = f"{cpu / floor:5.2f}x floor  " if args.command == "validate" else ""
        print(f"  {name:<45} CPU median {cpu * 1000:8.1f} ms  lowest {min(c for c, _, _ in found) * 1000:8.1f} ms  "
              f"{ratio}wall median {statistics.median(w for _, w, _ in found):6.3f} s  "
              f"peak {max(m for _, _, m in found):4.0f} MB")


if __name__ == "__main__":
    main()
