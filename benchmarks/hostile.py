"""Time and peak memory of `votes validate` on hostile inputs, at 1x, 10x and 100x.

    python benchmarks/hostile.py [--only NAME] [--timeout S] [--out DIR]

Each shape is an input that once made `votes` slow or hungry (issue 9). The
100x point is the size the issue names (a quote of 50,000 spaces, a 20,000
character quote not in its seed, a 4 MB seed of vote sentences, a 5 MB seed on
one line, a 3 MB flow-style YAML line, a 500 MB seed); 1x and 10x are a
hundredth and a tenth of it, so that linear growth shows as times that grow
about tenfold (once start-up is taken out) and not a hundredfold.

Each figure is one fresh process (`votes validate` through its command, or a
small probe of the quote finder), its wall time and the peak resident memory
the kernel reports for that child (wait4's ru_maxrss). A process still running
after --timeout seconds is killed and shown as such. Nothing is asserted: the
last column says whether the 100x point finished within the 2 s of the issue.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import stat
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from child import run_child  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
VOTES = [PYTHON, "-c", "CLI_PROBE"]  # the placeholder is replaced by the probe's code below
SCALES = (("1x", 0.01), ("10x", 0.1), ("100x", 1.0))
#: The issue's target for each shape at its full (100x) size.
TARGET_SECONDS = 2.0

#: Prints the process's own peak resident memory at exit. VmHWM is the new program's own (ru_maxrss
#: would also count the benchmark's memory, which the child shares between fork and exec).
PEAK = """
import atexit, resource, sys
def _peak():
    try:
        with open("/proc/self/status") as status:
            kb = next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
    except (OSError, StopIteration):
        kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // (1 if sys.platform != "darwin" else 1024)
    sys.stderr.write(f"\\nPEAK_KB:{kb}\\n")
atexit.register(_peak)
"""
#: `votes ARGS` in this process, as the console script runs it (votes.cli:run), with its peak
#: memory told at exit.
CLI_PROBE = PEAK + """
sys.argv = ["votes"] + sys.argv[1:]
from votes.cli import run
run()
"""
#: The quote finder alone, in a fresh process: find the quote, then the closest passage.
FIND_PROBE = PEAK + """
import sys, time
from votes.anchor import SeedText
from votes.read import seed_from_bytes
seed = seed_from_bytes("a.txt", open(sys.argv[1], "rb").read())
quote = open(sys.argv[2], encoding="utf-8").read()
start = time.perf_counter()
text = SeedText(seed)
anchor = text.find(quote)
closest = text.closest(quote) if anchor is None else None
print(f"found={anchor is not None} closest={closest and (round(closest[0]), closest[1])} "
      f"in {time.perf_counter() - start:.3f} s")
"""

WORDS = ("The council met again on Monday as diplomats weighed a new text on the truce, "
         "and aid groups said convoys were waiting at the crossing for a third day.")
VOTE_LINES = (
    "Russia vetoed the draft on Saturday, the fifth time it has blocked a text on the war.",
    "China abstained, while eleven members voted in favour of the resolution.",
    "Venezuela joined Russia in voting against the draft. Angola abstained.",
    "The rival Russian draft failed to win the nine votes needed to pass.",
)


@dataclass
class Run:
    seconds: float
    peak_mb: float
    rc: int
    out: str


def run_once(cmd: list[str], cwd: Path, timeout: float) -> Run:
    """One fresh process: wall time and its own peak RSS; killed after `timeout` seconds."""
    cmd = [CLI_PROBE if part == "CLI_PROBE" else part for part in cmd]
    seconds, rc, _, out, err = run_child(cmd, cwd, timeout)
    lines = err.splitlines()
    peak = next((int(line[8:]) / 1024 for line in lines if line.startswith("PEAK_KB:")), float("nan"))
    text = "\n".join(line for line in lines if line.strip() and not line.startswith("PEAK_KB:")).strip()
    return Run(seconds, peak, rc, text or out.strip())


# --- the shapes -----------------------------------------------------------------------------------

def _project(folder: Path, records: str, seeds: dict[str, bytes]) -> list[str]:
    """A project folder; returns the input options for `votes`."""
    if folder.exists():
        shutil.rmtree(folder)
    (folder / "data").mkdir(parents=True)
    (folder / "seeds").mkdir()
    shutil.copy(ROOT / "data" / "council.yaml", folder / "data" / "council.yaml")
    (folder / "data" / "resolutions.yaml").write_text(records, encoding="utf-8")
    for name, raw in seeds.items():
        (folder / "seeds" / name).write_bytes(raw)
    return ["--data", "data/resolutions.yaml", "--council", "data/council.yaml", "--seeds", "seeds"]


def _one_draft(quote: str) -> str:
    import json

    return ("drafts:\n  - id: d\n    title: t\n    date: 2016-10-08\n    status: vetoed\n"
            "    votes: {RUS: no}\n    evidence:\n      - seed: a.txt\n"
            f"        quote: {json.dumps(quote)}\n        supports: [status]\n")


def _article(size: int) -> str:
    """Filler paragraphs without a vote word, `size` characters."""
    lines = []
    total = 0
    i = 0
    while total < size:
        line = f"{WORDS} Paragraph {i} adds that talks go on."
        lines.append(line)
        total += len(line) + 2
        i += 1
    return "\n\n".join(lines)[:size] + "\n"


def quote_of_spaces(folder: Path, scale: float) -> tuple[list[str], str]:
    n = int(50_000 * scale)
    seed = "Russia vetoed the draft on Saturday.\n"
    options = _project(folder, _one_draft("Russia vetoed" + " " * n + "the draft"), {"a.txt": seed.encode()})
    return VOTES + ["validate", *options], f"{n:,} spaces"


def quote_of_spaces_finder(folder: Path, scale: float) -> tuple[list[str], str]:
    n = int(50_000 * scale)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "seed.txt").write_text(_article(40_000), encoding="utf-8")
    (folder / "quote.txt").write_text("Russia vetoed" + " " * n + "the draft. ..." + "\u00a0" * n + "\u2026" * n,
                                      encoding="utf-8")
    return [PYTHON, "-c", FIND_PROBE, "seed.txt", "quote.txt"], f"{n:,} spaces, NBSP, ellipses"


def _mutated(text: str, every: int) -> str:
    return "".join("#" if i % every == every - 1 else c for i, c in enumerate(text))


def quote_not_in_seed(folder: Path, scale: float) -> tuple[list[str], str]:
    n = int(20_000 * scale)
    article = _article(max(40_000, 2 * n))
    quote = _mutated(article[len(article) // 3:len(article) // 3 + n], 40)
    options = _project(folder, _one_draft(quote), {"a.txt": article.encode()})
    return VOTES + ["validate", *options], f"{n:,} chars"


def quote_not_in_seed_finder(folder: Path, scale: float) -> tuple[list[str], str]:
    n = int(20_000 * scale)
    folder.mkdir(parents=True, exist_ok=True)
    article = _article(max(40_000, 2 * n))
    (folder / "seed.txt").write_text(article, encoding="utf-8")
    (folder / "quote.txt").write_text(_mutated(article[len(article) // 3:len(article) // 3 + n], 40),
                                      encoding="utf-8")
    return [PYTHON, "-c", FIND_PROBE, "seed.txt", "quote.txt"], f"{n:,} chars"


def _unrelated(n: int) -> str:
    """Words that are not the article's: nothing of the seed comes close to them."""
    import random

    rng = random.Random(0)
    words = ("quantum", "zebra", "xylophone", "juniper", "kayak", "vortex", "whisk", "quill", "fjord", "jigsaw")
    text = " ".join(rng.choice(words) for _ in range(n // 5 + 1))
    return text[:n]


def quote_unlike_its_seed(folder: Path, scale: float) -> tuple[list[str], str]:
    n = int(20_000 * scale)
    options = _project(folder, _one_draft(_unrelated(n)), {"a.txt": _article(40_000).encode()})
    return VOTES + ["validate", *options], f"{n:,} chars"


def _vote_text(size: int, sep: str) -> str:
    parts = []
    total = i = 0
    while total < size:
        line = VOTE_LINES[i % len(VOTE_LINES)]
        parts.append(line)
        total += len(line) + len(sep)
        i += 1
    return sep.join(parts) + "\n"


def seed_of_vote_sentences(folder: Path, scale: float) -> tuple[list[str], str]:
    size = int(4_000_000 * scale)
    options = _project(folder, "drafts: []\n", {"a.txt": _vote_text(size, "\n").encode()})
    return VOTES + ["validate", *options], f"{size / 1e6:g} MB"


def seed_cited_throughout(folder: Path, scale: float) -> tuple[list[str], str]:
    """Every sentence of a seed quoted by its own ignore entry: coverage matches each sentence
    with the quotes that cover it."""
    import json

    n = int(6_000 * scale)
    lines = [f"Russia vetoed draft number {i} on Saturday." for i in range(n)]
    records = "drafts: []\nignore:\n" + "".join(
        f"  - {{seed: a.txt, quote: {json.dumps(line)}, reason: filler}}\n" for line in lines)
    options = _project(folder, records, {"a.txt": ("\n".join(lines) + "\n").encode()})
    return VOTES + ["validate", *options], f"{n:,} sentences, each quoted"


def seed_hard_wrapped(folder: Path, scale: float) -> tuple[list[str], str]:
    """Vote sentences wrapped at 72 columns, as e-mail and wire feeds send them: paragraphs
    are found across the line breaks."""
    import textwrap

    size = int(4_000_000 * scale)
    text = textwrap.fill(_vote_text(size, " "), 72) + "\n"
    options = _project(folder, "drafts: []\n", {"a.txt": text.encode()})
    return VOTES + ["validate", *options], f"{size / 1e6:g} MB"


def seed_on_one_line(folder: Path, scale: float) -> tuple[list[str], str]:
    size = int(5_000_000 * scale)
    options = _project(folder, "drafts: []\n", {"a.txt": _vote_text(size, " ").encode()})
    return VOTES + ["validate", *options], f"{size / 1e6:g} MB"


def flow_yaml_line(folder: Path, scale: float) -> tuple[list[str], str]:
    size = int(3_000_000 * scale)
    items = []
    total = i = 0
    while total < size:
        item = f"{{id: d{i}, title: draft number {i}, date: 2016-10-08, status: not-voted}}"
        items.append(item)
        total += len(item) + 2
        i += 1
    records = "drafts: [" + ", ".join(items) + "]\n"
    options = _project(folder, records, {"a.txt": b"Nothing here.\n"})
    return VOTES + ["validate", *options], f"{len(records) / 1e6:.2g} MB, {i:,} drafts"


def large_seed(folder: Path, scale: float) -> tuple[list[str], str]:
    size = int(500_000_000 * scale)
    options = _project(folder, "drafts: []\n", {})
    with open(folder / "seeds" / "big.txt", "wb") as handle:  # sparse: costs no disk
        handle.truncate(size)
    return VOTES + ["validate", *options], f"{size / 1e6:g} MB (sparse)"


SHAPES = {
    "quote of spaces": quote_of_spaces,
    "quote of spaces (finder)": quote_of_spaces_finder,
    "quote not in its seed": quote_not_in_seed,
    "quote not in its seed (finder)": quote_not_in_seed_finder,
    "quote unlike its seed": quote_unlike_its_seed,
    "seed of vote sentences": seed_of_vote_sentences,
    "seed on one line": seed_on_one_line,
    "seed wrapped at 72 columns": seed_hard_wrapped,
    "seed quoted sentence by sentence": seed_cited_throughout,
    "flow-style YAML line": flow_yaml_line,
    "seed far too large": large_seed,
}


def special_files(work: Path) -> list[tuple[str, list[str], Path]]:
    """Inputs that are not regular files: one size each, the time to refuse them."""
    folder = work / "special"
    options = _project(folder, "drafts: []\n", {"a.txt": b"Nothing here.\n"})
    cases = [("--data /dev/zero", VOTES + ["validate", *options, "--data", "/dev/zero"], folder)]
    if hasattr(os, "mkfifo"):
        fifo = folder / "data" / "fifo.yaml"
        os.mkfifo(fifo)
        assert stat.S_ISFIFO(fifo.stat().st_mode)
        cases.append(("--data FIFO (no writer)", VOTES + ["validate", *options, "--data", str(fifo)], folder))
    return cases


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", default=None, help="run only the shapes whose name contains this")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds before a run is killed")
    parser.add_argument("--out", type=Path, default=None, help="keep the generated inputs here")
    args = parser.parse_args(argv)
    print(f"votes hostile-input benchmark: {platform.python_implementation()} {platform.python_version()}, "
          f"{os.cpu_count()} CPUs, {platform.system()} {platform.machine()}; one fresh process per figure, "
          f"killed after {args.timeout:.0f} s")
    print()
    head = f"{'shape':<32} {'scale':<5} {'size':<28} {'seconds':>8} {'peak MB':>8}  result"
    print(head)
    print("-" * len(head))
    with tempfile.TemporaryDirectory(prefix="votes-hostile-") as tmp:
        work = args.out.resolve() if args.out else Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        # each shape's run is a first run (its folder is new); what it keeps stays here (votes.cache)
        os.environ["VOTES_CACHE"] = str(Path(tmp) / "votes-cache")
        for name, build in SHAPES.items():
            if args.only and args.only not in name:
                continue
            for label, scale in SCALES:
                folder = work / name.replace(" ", "-").replace("(", "").replace(")", "") / label
                cmd, size = build(folder, scale)
                cwd = folder
                run = run_once(cmd, cwd, args.timeout)
                print(f"{name:<32} {label:<5} {size:<28} {_seconds(run, args.timeout)} {run.peak_mb:>8.0f}  "
                      f"{_result(run, label)}", flush=True)
                shutil.rmtree(folder, ignore_errors=True)
        if not args.only or "special" in args.only:
            for name, cmd, cwd in special_files(work):
                run = run_once(cmd, cwd, args.timeout)
                print(f"{name:<32} {'':<5} {'':<28} {_seconds(run, args.timeout)} {run.peak_mb:>8.0f}  "
                      f"{_result(run, '100x')}", flush=True)
    print()
    print("result: the exit code and the last line printed; at 100x, 'ok' when the run took under "
          f"{TARGET_SECONDS:.0f} s, else 'SLOW'. peak MB: the process's own high-water mark (VmHWM).")
    print("'quote of spaces' runs the whole command (finder and support check); the finder row times the finder alone.")
    return 0


def _seconds(run: Run, timeout: float) -> str:
    return f"{'>' if run.rc == -9 else ' '}{min(run.seconds, timeout):>7.2f}"


def _result(run: Run, label: str) -> str:
    last = run.out.splitlines()[-1][:70] if run.out else ""
    verdict = ""
    if label == "100x":
        verdict = "ok " if run.seconds < TARGET_SECONDS and run.rc != -9 else "SLOW "
    return f"{verdict}exit {run.rc}: {last}" if run.rc != -9 else f"{verdict}killed"


if __name__ == "__main__":
    sys.exit(main())
