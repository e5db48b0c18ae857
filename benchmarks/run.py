"""Figures for the speed and memory targets of `votes validate` and `votes report`.

    python benchmarks/run.py [--quick] [--runs N] [--out DIR] [--only a|b|c|d]

Each figure is the median wall time of several runs, each in a fresh process
(after one untimed warm-up run, with bytecode caching on as on a user's
machine), and the peak resident memory of those processes as the kernel
reports it for that child (wait4's ru_maxrss). The two sides of a ratio run in
alternation, so a busy moment of the machine slows both; start-up figures (a)
take four times as many runs. Nothing here is asserted: the table says PASS or
MISS against each target and the numbers are for reading.

    a. validate on the shipped data, against `python -c "import yaml, click"` (target ratio <= 1.5),
       run again (finding the cache of the run before) and as a first run (an empty cache), and
       whether validate imports pandas, matplotlib or other heavy libraries (it must not);
    b. report on the shipped data, against its floor: importing pandas and matplotlib and saving the
       report's three charts with their sizes, tick labels, titles and legends but no data drawn
       (target ratio <= 1.0), and whether every run wrote byte-identical files;
    c. validate and report at 1x (the shipped data), 10x and 100x (generated), and at the
       target point of 3,000 drafts / 300 articles: validate <= 3 s, report <= 10 s, <= 500 MB
       (runs again; at the target point a first run of validate too);
    d. (only with --only d: several minutes) validate and report at 1,000, 10,000, 20,000 and
       30,000 drafts (a tenth as many articles): a draft costs no more from 10,000 to 20,000
       than from 1,000 to 10,000 (within 20%), and the report at 30,000 drafts takes <= 40 s
       (validate as a first run, then the report after it, then the report as a first run).

`votes report` may not exist yet: its rows then say "not available" and the rest still runs.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
from child import run_child  # noqa: E402
from generate import generate  # noqa: E402
from matplotlib.lines import Line2D  # noqa: E402

PYTHON = sys.executable
_SCRIPT = Path(PYTHON).parent / "votes"
VOTES = [str(_SCRIPT)] if _SCRIPT.exists() else [PYTHON, "-m", "votes"]
HEAVY = ("pandas", "matplotlib", "scipy", "numpy", "rapidfuzz", "PIL")

SHIPPED_DRAFTS, SHIPPED_ARTICLES = 8, 5
TARGET_DRAFTS, TARGET_ARTICLES = 3000, 300
VALIDATE_SECONDS, REPORT_SECONDS, PEAK_MB = 3.0, 10.0, 500.0
VALIDATE_RATIO, REPORT_RATIO = 1.5, 1.0
#: Part d: the sizes of history timed, the report's time at the largest, and how much dearer a draft
#: may be from 10,000 to 20,000 drafts than from 1,000 to 10,000.
GROWTH_DRAFTS = (1000, 10_000, 20_000, 30_000)
GROWTH_REPORT_SECONDS, GROWTH_SLACK = 40.0, 1.2
#: Part a times start-up alone, in this many times the runs of the other figures.
STARTUP_RUNS = 4
#: Seconds after which one run is killed (its exit code is then -9).
TIMEOUT = 300
#: votes keeps the readings of quoted passages and the parsed council between runs (votes.cache).
#: A figure's runs are "warm" (each finds what the run before kept: re-running after an edit of the
#: records, the loop the targets are about) or "cold" (each starts from an empty cache: a first run,
#: or one after the council's names, a seed or votes itself changed). The benchmark keeps its own
#: cache folders under its work folder, never the user's.
WARM, COLD = "warm", "cold"
_CACHE_ROOT: list[Path] = []


def cache_env(mode: str | Path) -> dict[str, str]:
    """VOTES_CACHE for one run: the benchmark's one warm folder, a new empty one (COLD), or the
    folder given."""
    root = _CACHE_ROOT[0]
    if isinstance(mode, Path):
        folder = mode
    else:
        folder = root / "warm" if mode == WARM else Path(tempfile.mkdtemp(prefix="cold-", dir=root))
    return {"VOTES_CACHE": str(folder)}

#: Runs `votes validate` in-process and tells, on exit, which heavy libraries got imported.
IMPORT_PROBE = """
import atexit, sys
def _tell():
    loaded = sorted({name.split('.')[0] for name in sys.modules} & set(%r))
    sys.stderr.write('HEAVY:' + ','.join(loaded) + '\\n')
atexit.register(_tell)
sys.argv = ['votes'] + sys.argv[1:]
from votes.cli import main
main()
""" % (HEAVY,)

#: The floor under `votes report`: pandas and matplotlib imported, and the report's charts saved with the
#: same figure sizes, axes, tick labels, titles, axis labels and legends, but no data drawn (no image, bar,
#: glyph, line or text of the data), with the same PNG settings. The layout comes from `report_layout`.
CHART_FLOOR = """
import json, sys
import matplotlib
matplotlib.use("Agg")
import pandas
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

layout, out = json.load(open(sys.argv[1], encoding="utf-8")), sys.argv[2]
for name, spec in layout["figures"].items():
    fig = Figure(figsize=spec["size"], dpi=spec["dpi"])
    FigureCanvasAgg(fig)
    for a in spec["axes"]:
        ax = fig.add_axes(a["bounds"])
        ax.set_xlim(a["xlim"])
        ax.set_ylim(a["ylim"])
        for axis, ticks in (("x", a["xticks"]), ("y", a["yticks"])):
            getattr(ax, f"set_{axis}ticks")(ticks["at"], ticks["labels"], fontsize=ticks["size"],
                                             rotation=ticks["rotation"])
        if a["xticks"]["top"]:
            ax.xaxis.tick_top()
        if a["yticks"]["right"]:
            ax.yaxis.tick_right()
        ax.xaxis.set_label_position(a["xlabel"][2])
        ax.tick_params(length=a["tick_length"])
        for loc, (text, size) in a["titles"].items():
            ax.set_title(text, loc=loc, fontsize=size)
        ax.set_xlabel(a["xlabel"][0], fontsize=a["xlabel"][1])
        ax.set_ylabel(a["ylabel"][0], fontsize=a["ylabel"][1])
        for side, shown in a["spines"].items():
            if side in ax.spines:  # a colour bar's outline is a spine of its own
                ax.spines[side].set_visible(shown)
        if a["legend"]:
            handles = [Line2D([], [], marker=h["marker"], linestyle="none") if h["marker"] else
                       Patch(facecolor=h["face"], hatch=h["hatch"]) for h in a["legend"]["handles"]]
            ax.legend(handles, a["legend"]["texts"], loc="upper left", bbox_to_anchor=a["legend"]["anchor"],
                      frameon=False, fontsize=a["legend"]["size"])
    if spec["suptitle"]:
        text, size, x, y = spec["suptitle"]
        fig.suptitle(text, fontsize=size, x=x, y=y, ha="left", va="top")
    with matplotlib.rc_context(layout["rc"]):
        fig.savefig(f"{out}/{name}", format="png", dpi=spec["dpi"], metadata={"Software": None},
                    pil_kwargs={"compress_level": 3})
"""


def report_layout(cwd: Path = ROOT) -> dict:
    """What the floor draws: for each chart of `votes report` on the data at cwd, its size and, for each
    axes, its place, limits, ticks and their labels, titles, axis labels, spines and legend entries."""
    here = os.getcwd()
    os.chdir(cwd)
    try:
        from votes import load_project, validate
        from votes.charts import SAVE_RC
        from votes.report import build_report

        project = load_project()
        report = build_report(project, validate(project))
    finally:
        os.chdir(here)
    figures = {}
    for name, fig in report.figures.items():
        axes = []
        for ax in fig.axes:
            def ticks(axis):
                labels = axis.get_ticklabels()
                first = labels[0] if labels else None
                return {"at": [float(t) for t in axis.get_ticklocs()], "labels": [t.get_text() for t in labels],
                        "size": first.get_fontsize() if first else 10.0,
                        "rotation": first.get_rotation() if first else 0.0,
                        "top": axis.get_ticks_position() == "top", "right": axis.get_ticks_position() == "right"}

            legend = ax.get_legend()
            entries = None
            if legend is not None:
                handles = []
                for handle in legend.legend_handles:
                    marker = handle.get_marker() if isinstance(handle, Line2D) else None
                    handles.append({"marker": marker if marker not in (None, "None", "") else None,
                                    "face": list(handle.get_facecolor()) if hasattr(handle, "get_facecolor")
                                    and not isinstance(handle, Line2D) else None,
                                    "hatch": handle.get_hatch() if hasattr(handle, "get_hatch") else None})
                box = legend.get_bbox_to_anchor().transformed(ax.transAxes.inverted())
                entries = {"texts": [t.get_text() for t in legend.get_texts()], "handles": handles,
                           "size": legend.get_texts()[0].get_fontsize() if legend.get_texts() else 8,
                           "anchor": [box.x0, box.y1]}
            major = ax.xaxis.get_major_ticks()
            axes.append({
                "bounds": list(ax.get_position().bounds), "xlim": list(ax.get_xlim()), "ylim": list(ax.get_ylim()),
                "xticks": ticks(ax.xaxis), "yticks": ticks(ax.yaxis),
                "tick_length": major[0].tick1line.get_markersize() if major else 3.5,
                "titles": {loc: [ax.get_title(loc=loc), ax.title.get_fontsize()]
                           for loc in ("left", "center", "right") if ax.get_title(loc=loc)},
                "xlabel": [ax.get_xlabel(), ax.xaxis.label.get_fontsize(), ax.xaxis.get_label_position()],
                "ylabel": [ax.get_ylabel(), ax.yaxis.label.get_fontsize()],
                "spines": {side: spine.get_visible() for side, spine in ax.spines.items()},
                "legend": entries,
            })
        suptitle = fig._suptitle
        figures[name] = {
            "size": list(fig.get_size_inches()), "dpi": fig.dpi, "axes": axes,
            "suptitle": [suptitle.get_text(), suptitle.get_fontsize(), *suptitle.get_position()] if suptitle else None,
        }
    return {"figures": figures, "rc": SAVE_RC}


@dataclass
class Sample:
    seconds: float
    peak_mb: float
    rc: int
    stdout: str
    stderr: str


@dataclass
class Figure:
    seconds: float  # median
    peak_mb: float  # highest of the runs
    rc: int  # exit code of the last run
    runs: int
    last: Sample
    samples: list | None = None  # every run, in order

    def ratios(self, other: "Figure") -> str:
        """Run by run, this figure's time over the other's (runs timed in alternation)."""
        pairs = zip(self.samples or [], other.samples or [])
        return ", ".join(f"{a.seconds / b.seconds:.2f}" for a, b in pairs)


def run_once(cmd: list[str], cwd: Path = ROOT, cache: str | Path = WARM) -> Sample:
    """One fresh process: wall time, its own peak RSS (not the running maximum of all children)."""
    seconds, rc, usage, out, err = run_child(cmd, cwd, TIMEOUT, cache_env(cache))
    scale = 1024 if sys.platform != "darwin" else 1024 * 1024  # KiB on Linux, bytes on macOS
    return Sample(seconds, usage.ru_maxrss / scale, rc, out, err)


def measure(make_cmd, runs: int, cwd: Path = ROOT, warmup: bool = True, cache: str | Path = WARM) -> Figure:
    """Median of `runs` fresh processes; make_cmd(i) gives the command of run i (-1: warm-up)."""
    if warmup:
        run_once(make_cmd(-1), cwd, cache)
    samples = [run_once(make_cmd(i), cwd, cache) for i in range(runs)]
    return Figure(statistics.median(s.seconds for s in samples), max(s.peak_mb for s in samples),
                  samples[-1].rc, runs, samples[-1])


def measure_pair(make_a, make_b, runs: int, cwd: Path = ROOT, cache: str = WARM) -> tuple[Figure, Figure]:
    """Two commands timed in alternation, so a busy moment of the machine hits both alike (`cache`:
    the first command's)."""
    run_once(make_a(-1), cwd, cache)
    run_once(make_b(-1), cwd)
    a, b = [], []
    for i in range(runs):
        a.append(run_once(make_a(i), cwd, cache))
        b.append(run_once(make_b(i), cwd))
    return tuple(Figure(statistics.median(s.seconds for s in samples), max(s.peak_mb for s in samples),
                        samples[-1].rc, runs, samples[-1], samples) for samples in (a, b))


def fixed(cmd: list[str]):
    return lambda i: cmd


def last_line(text: str) -> str:
    lines = [line for line in text.strip().splitlines() if line.strip()]
    return lines[-1][:110] if lines else ""


def verdict(ok: bool) -> str:
    return "PASS" if ok else "MISS"


# --- table ----------------------------------------------------------------------------------------

HEAD = ("measure", "drafts", "articles", "median s", "ms/draft", "+ms/draft", "peak MB", "target", "result")


class Table:
    def __init__(self) -> None:
        self.rows: list[tuple[str, ...]] = []

    def add(self, measure, drafts="", articles="", seconds=None, per_draft=None, peak=None, target="", result="",
            marginal=None):
        self.rows.append((
            measure, str(drafts), str(articles),
            "" if seconds is None else f"{seconds:.3f}",
            "" if per_draft is None else f"{per_draft:.2f}",
            "" if marginal is None else f"{marginal:.2f}",
            "" if peak is None else f"{peak:.0f}",
            target, result))

    def note(self, text: str) -> None:
        self.rows.append((text,))

    def print(self) -> None:
        widths = [max(len(HEAD[i]), *(len(r[i]) for r in self.rows if len(r) > 1)) for i in range(len(HEAD))]
        right = {1, 2, 3, 4, 5, 6}

        def fmt(row):
            return "  ".join(c.rjust(w) if i in right else c.ljust(w) for i, (c, w) in enumerate(zip(row, widths)))

        print(fmt(HEAD).rstrip())
        print("  ".join("-" * w for w in widths))
        for row in self.rows:
            print(fmt(row).rstrip() if len(row) > 1 else row[0])


# --- the three parts ------------------------------------------------------------------------------

def part_a(table: Table, runs: int) -> None:
    runs *= STARTUP_RUNS  # a tenth of a second each: more runs cost little and steady the ratio
    table.note(f"a. issue 3: `votes validate` on the shipped data against importing yaml and click ({runs} runs each, "
               "alternating)")
    for cache, label in ((WARM, "again (the cache of the run before)"), (COLD, "first run (an empty cache)")):
        validate, floor = measure_pair(fixed(VOTES + ["validate"]), fixed([PYTHON, "-c", "import yaml, click"]), runs,
                                       cache=cache)
        ratio = validate.seconds / floor.seconds
        table.add(f"  votes validate (shipped), {label}", SHIPPED_DRAFTS, SHIPPED_ARTICLES, validate.seconds,
                  peak=validate.peak_mb, result="" if validate.rc == 0 else f"exit {validate.rc}")
        table.add("  python -c 'import yaml, click'", seconds=floor.seconds, peak=floor.peak_mb)
        table.add(f"  ratio {ratio:.2f}x", target=f"<= {VALIDATE_RATIO}x", result=verdict(ratio <= VALIDATE_RATIO))
    probe = run_once([PYTHON, "-c", IMPORT_PROBE, "validate"])
    heavy = next((line[6:] for line in probe.stderr.splitlines() if line.startswith("HEAVY:")), None)
    if heavy is None:
        table.add("  heavy imports: probe failed", result=last_line(probe.stderr))
    else:
        table.add(f"  heavy imports by validate: {heavy or 'none'}", target="none of pandas, matplotlib",
                  result=verdict(not ({"pandas", "matplotlib"} & set(heavy.split(",")))))
    rows = importtime_rows(run_once([PYTHON, "-X", "importtime", "-c", IMPORT_PROBE, "validate"]).stderr)
    if rows:
        top = sorted((r for r in rows if r[3] == 0), key=lambda r: -r[2])[:3]
        table.note(f"  validate imports {sum(r[1] for r in rows):.0f} ms in all; top level (cumulative ms): "
                   + ", ".join(f"{name} {ms:.0f}" for name, _, ms, _ in top))
        table.note("  largest single modules (own ms): "
                   + ", ".join(f"{name} {ms:.1f}" for name, ms, _, _ in sorted(rows, key=lambda r: -r[1])[:6]))


def importtime_rows(stderr: str) -> list[tuple[str, float, float, int]]:
    """(module, self ms, cumulative ms, depth) from `python -X importtime` output."""
    rows = []
    for line in stderr.splitlines():
        if not line.startswith("import time:") or line.count("|") != 2:
            continue
        own, cumulative, raw = line[len("import time:"):].split("|")
        if own.strip().isdigit() and cumulative.strip().isdigit():
            # the module name is indented two spaces a level after the '| '
            depth = (len(raw) - len(raw.lstrip(" ")) - 1) // 2
            rows.append((raw.strip(), int(own) / 1000, int(cumulative) / 1000, depth))
    return rows


def report_cmd(out_root: Path, extra: list[str]):
    def make(i: int) -> list[str]:
        return VOTES + ["report", *extra, "--out", str(out_root / f"run{i + 1}")]
    return make


def probe_report(out_root: Path, extra: list[str], cwd: Path = ROOT) -> tuple[bool, str, int]:
    """Whether `votes report` works here: (works, why not, number of PNGs it wrote)."""
    out = out_root / "probe"
    sample = run_once(VOTES + ["report", *extra, "--out", str(out)], cwd)
    if sample.rc != 0:
        return False, f"exit {sample.rc}: {last_line(sample.stderr) or last_line(sample.stdout)}", 0
    if not out.is_dir():
        return False, "exit 0 but nothing written", 0
    return True, "", len(list(out.rglob("*.png")))


def part_b(table: Table, runs: int, work: Path) -> bool:
    table.note(f"b. issue 4/11: `votes report` on the shipped data against its floor: pandas + matplotlib saving "
               f"the report's charts with the same sizes, ticks, titles and legends, no data ({runs} runs each, "
               "alternating)")
    out = work / "report-shipped"
    works, why, pngs = probe_report(out, [])
    if not works:
        table.add("  report: not available", result=why)
        return False
    floor_dir = work / "chart-floor"
    floor_dir.mkdir(parents=True, exist_ok=True)
    layout = work / "report-layout.json"
    layout.write_text(json.dumps(report_layout()), encoding="utf-8")
    report, floor = measure_pair(report_cmd(out, []),
                                 fixed([PYTHON, "-c", CHART_FLOOR, str(layout), str(floor_dir)]), runs)
    ratio = report.seconds / floor.seconds
    table.add("  votes report (shipped)", SHIPPED_DRAFTS, SHIPPED_ARTICLES, report.seconds, peak=report.peak_mb,
              result="" if report.rc == 0 else f"exit {report.rc}")
    table.add(f"  floor: {pngs} charts, no data", seconds=floor.seconds, peak=floor.peak_mb,
              result="" if floor.rc == 0 else f"exit {floor.rc}: {last_line(floor.last.stderr)}")
    table.add(f"  ratio {ratio:.2f}x", target=f"<= {REPORT_RATIO}x", result=verdict(ratio <= REPORT_RATIO))
    table.note(f"  each run's ratio (report / floor, in run order): {report.ratios(floor)}")
    same = identical_runs([out / "probe", *(out / f"run{i + 1}" for i in range(runs))])
    table.add(f"  files of the {runs + 1} runs byte-identical: {'yes' if same else 'no'}", target="yes",
              result=verdict(same))
    return True


def identical_runs(folders: list[Path]) -> bool:
    """Whether every folder holds the same files with the same bytes (report.md, PNGs, CSVs)."""
    def files(folder: Path) -> dict[str, bytes]:
        return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}

    first = files(folders[0])
    return bool(first) and all(files(folder) == first for folder in folders[1:])


def part_c(table: Table, runs: int, work: Path, quick: bool, report_works: bool) -> None:
    table.note("c. issue 5: growth with the size of the history (1x = the shipped data: 8 drafts, 5 articles)")
    scales = [("1x", SHIPPED_DRAFTS, SHIPPED_ARTICLES), ("10x", 80, 50)]
    if not quick:
        scales.append(("100x", 800, 500))
    scales.append(("target", TARGET_DRAFTS, TARGET_ARTICLES))
    base: dict[str, float] = {}  # command -> seconds at 1x, to show the cost of each draft beyond start-up

    def marginal(command: str, seconds: float, drafts: int) -> float | None:
        if command not in base or drafts == SHIPPED_DRAFTS:
            return None
        return 1000 * (seconds - base[command]) / (drafts - SHIPPED_DRAFTS)

    for label, drafts, articles in scales:
        if label == "1x":
            cwd, paths = ROOT, []
            seed_mb = sum(p.stat().st_size for p in (ROOT / "seeds").glob("*.txt")) / 1e6
        else:
            folder = work / label
            start = time.perf_counter()
            counts = generate(folder, drafts, articles, seed=0)
            generated = time.perf_counter() - start
            seed_mb = counts["seed_bytes"] / 1e6
            cwd = folder
            paths = ["--data", str(folder / "data" / "resolutions.yaml"), "--council",
                     str(folder / "data" / "council.yaml"), "--seeds", str(folder / "seeds")]
            table.note(f"  {label}: generated {drafts} drafts, {counts['quotes']} quotes, {articles} articles "
                       f"({seed_mb:.1f} MB of seeds) in {generated:.2f} s")
        is_target = label == "target"
        validate = measure(fixed(VOTES + ["validate", "--strict", *paths]), runs, cwd=cwd)
        result = "" if validate.rc == 0 else f"exit {validate.rc}: {last_line(validate.last.stdout)}"
        if is_target:
            ok = validate.seconds <= VALIDATE_SECONDS and validate.peak_mb <= PEAK_MB
            result = verdict(ok) + (f" ({result})" if result else "")
        if label == "1x":
            base["validate"] = validate.seconds
        table.add(f"  validate {label}", drafts, articles, validate.seconds, 1000 * validate.seconds / drafts,
                  validate.peak_mb, f"<= {VALIDATE_SECONDS:.0f} s, {PEAK_MB:.0f} MB" if is_target else "", result,
                  marginal("validate", validate.seconds, drafts))
        if is_target:
            first = measure(fixed(VOTES + ["validate", "--strict", *paths]), runs, cwd=cwd, cache=COLD)
            ok = first.seconds <= VALIDATE_SECONDS and first.peak_mb <= PEAK_MB
            table.add(f"  validate {label}, first run (an empty cache)", drafts, articles, first.seconds,
                      1000 * first.seconds / drafts, first.peak_mb, f"<= {VALIDATE_SECONDS:.0f} s, {PEAK_MB:.0f} MB",
                      verdict(ok) + ("" if first.rc == 0 else f" (exit {first.rc})"))
        if not report_works:
            table.add(f"  report {label}: not available", drafts, articles)
            continue
        out = (work / f"report-{label}")
        works, why, _ = probe_report(out, paths, cwd)
        if not works:
            table.add(f"  report {label}: not available", drafts, articles, result=why)
            continue
        report = measure(report_cmd(out, paths), runs, cwd=cwd, warmup=False)
        result = "" if report.rc == 0 else f"exit {report.rc}"
        if is_target:
            ok = report.seconds <= REPORT_SECONDS and report.peak_mb <= PEAK_MB
            result = verdict(ok) + (f" ({result})" if result else "")
        if label == "1x":
            base["report"] = report.seconds
        table.add(f"  report {label}", drafts, articles, report.seconds, 1000 * report.seconds / drafts,
                  report.peak_mb, f"<= {REPORT_SECONDS:.0f} s, {PEAK_MB:.0f} MB" if is_target else "", result,
                  marginal("report", report.seconds, drafts))


def part_d(table: Table, runs: int, work: Path) -> None:
    table.note(f"d. issue 19: growth of validate and report from {GROWTH_DRAFTS[0]:,} to {GROWTH_DRAFTS[-1]:,} drafts "
               f"(a tenth as many articles; median of {runs} runs)")
    seconds: dict[tuple[str, int], float] = {}
    for drafts in GROWTH_DRAFTS:
        articles = drafts // 10
        folder = work / f"growth-{drafts}"
        start = time.perf_counter()
        counts = generate(folder, drafts, articles, seed=0)
        table.note(f"  {drafts:,}: generated {counts['quotes']} quotes, {articles} articles "
                   f"({counts['seed_bytes'] / 1e6:.1f} MB of seeds) in {time.perf_counter() - start:.1f} s")
        paths = ["--data", str(folder / "data" / "resolutions.yaml"), "--council", str(folder / "data" / "council.yaml"),
                 "--seeds", str(folder / "seeds")]
        # a first run (its cache folder new and empty), validate again and the report finding what it
        # kept, then a report from an empty cache
        kept = Path(tempfile.mkdtemp(prefix=f"growth-{drafts}-", dir=_CACHE_ROOT[0]))
        figures = (("validate", measure(fixed(VOTES + ["validate", *paths]), 1, cwd=folder, warmup=False,
                                        cache=kept)),
                   ("validate again", measure(fixed(VOTES + ["validate", *paths]), runs, cwd=folder, warmup=False,
                                              cache=kept)),
                   ("report", measure(report_cmd(folder / "reports", paths), runs, cwd=folder, warmup=False,
                                      cache=kept)),
                   ("report, first run", measure(report_cmd(folder / "reports-cold", paths), runs, cwd=folder,
                                                 warmup=False, cache=COLD)))
        for name, figure in figures:
            seconds[name, drafts] = figure.seconds
            target, result = "", "" if figure.rc == 0 else f"exit {figure.rc}"
            if name.startswith("report") and drafts == GROWTH_DRAFTS[-1]:
                target = f"<= {GROWTH_REPORT_SECONDS:.0f} s"
                result = verdict(figure.seconds <= GROWTH_REPORT_SECONDS) + (f" ({result})" if result else "")
            table.add(f"  {name} {drafts:,}", drafts, articles, figure.seconds, 1000 * figure.seconds / drafts,
                      figure.peak_mb, target, result)
    small, middle, large = GROWTH_DRAFTS[:3]
    for name in ("validate", "validate again", "report", "report, first run"):
        early = 1000 * (seconds[name, middle] - seconds[name, small]) / (middle - small)
        late = 1000 * (seconds[name, large] - seconds[name, middle]) / (large - middle)
        table.add(f"  {name}: ms a draft {small:,}->{middle:,} {early:.2f}, {middle:,}->{large:,} {late:.2f}",
                  target=f"later <= {GROWTH_SLACK:.1f}x earlier" if name.startswith("report") else "",
                  result=verdict(late <= GROWTH_SLACK * early) if name.startswith("report") else f"{late / early:.2f}x")
    report_only = {d: seconds["report, first run", d] - seconds["validate", d] for d in GROWTH_DRAFTS}
    table.note("  first report beyond first validation (s): "
               + ", ".join(f"{d:,} {report_only[d]:.1f}" for d in GROWTH_DRAFTS))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="3 runs each and no 100x point")
    parser.add_argument("--runs", type=int, default=None, help="runs per figure (default 5, or 3 with --quick)")
    parser.add_argument("--out", type=Path, default=None,
                        help="keep generated data and reports here (e.g. benchmarks/out) instead of a temp folder")
    parser.add_argument("--only", choices=["a", "b", "c", "d"], default=None,
                        help="run one part: a (validate start-up), b (report against its floor), c (scale), "
                             "d (growth to 30,000 drafts; several minutes, never part of a full run)")
    args = parser.parse_args(argv)
    runs = args.runs or (3 if args.quick else 5)
    print(f"votes benchmarks: {platform.python_implementation()} {platform.python_version()}, "
          f"{os.cpu_count()} CPUs, {platform.system()} {platform.machine()}; median of {runs} fresh processes")
    print(f"command: {' '.join(VOTES)}; peak MB = ru_maxrss of each child process (highest of the runs); "
          f"load average before: {os.getloadavg()[0]:.2f}")
    print()
    started = time.perf_counter()
    table = Table()
    with tempfile.TemporaryDirectory(prefix="votes-bench-") as tmp:
        work = args.out.resolve() if args.out else Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        _CACHE_ROOT.append(work / "votes-cache")
        _CACHE_ROOT[0].mkdir(parents=True, exist_ok=True)
        if args.only in (None, "a"):
            part_a(table, runs)
        works = part_b(table, runs, work) if args.only in (None, "b") else True
        if args.only in (None, "c"):
            part_c(table, runs, work, args.quick, works)
        if args.only == "d":
            part_d(table, args.runs or 1, work)
    table.print()
    print()
    print("ms/draft = median s / drafts; +ms/draft = the extra time per draft over the 1x run (start-up taken out),")
    print("which stays about flat when the cost grows linearly with the size of the history.")
    print(f"total {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
