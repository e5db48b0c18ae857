"""Loading a project: the two YAML files, the seeds and their manifest.

`load_project` is the one entry point: it returns a `Project` holding the
typed records and every problem met while reading them. Only a file that
cannot be read at all raises `VotesError`.
"""

from __future__ import annotations

import gc
import os
import stat
from contextlib import contextmanager
from pathlib import Path

from .errors import DraftNotFound, VotesError
from .model import Comment, Council, Draft, Manifest, Records
from .problems import ERROR, Problem
from .record import Record
from .cache import remembered
from .read import (
    MAX_YAML_BYTES, Seed, display_path, file_kind, os_message, read_capped, read_seed, read_yaml, read_yaml_text,
    seed_from_bytes, yaml_from_bytes,
)
from .schema import build_council, build_manifest, build_records

MANIFEST_NAME = "MANIFEST.yaml"
DEFAULT_DATA = Path("data/resolutions.yaml")
DEFAULT_COUNCIL = Path("data/council.yaml")
DEFAULT_SEEDS = Path("seeds")


class Project(Record):
    """Everything `votes` reads, typed, with the problems found while reading it.

    records.drafts holds the hand-checked drafts, then any imported ones (`Draft.imported_from`);
    sourced: the imported resolutions as read (votes.sourced), for the layouts that write them back.
    """

    __slots__ = ("records", "council", "seeds_dir", "seeds", "manifest", "problems", "seeds_display", "sourced",
                 "sourced_path")

    def __init__(self, records: Records, council: Council, seeds_dir: Path, seeds: dict[str, Seed],
                 manifest: Manifest | None, problems: list[Problem] | None = None, sourced: list | None = None):
        self.records, self.council, self.seeds_dir, self.seeds = records, council, seeds_dir, seeds
        self.manifest, self.problems, self.sourced = manifest, problems or [], sourced or []
        self.sourced_path: Path | None = None  # the file of imported votes read, if one was asked for
        # once: a seed with tens of thousands of uncovered sentences names its folder in each
        self.seeds_display = display_path(seeds_dir)

    def seed_display(self, name: str) -> str:
        return f"{self.seeds_display}/{name}"

    def inputs(self) -> list[Path]:
        """The data files the project was read from (the seeds folder apart): output never goes onto them."""
        files = [Path(self.records.path), Path(self.council.path)]
        return files + ([self.sourced_path] if self.sourced_path is not None else [])

    def publication(self, name: str):
        """(the day seed `name` is dated by, what dates it): its manifest entry's `published`, else its
        text's own date, else the day its entry's `url` bears (votes.articles.publication); (None, "")
        where nothing does."""
        entry = self.manifest.entries.get(name) if self.manifest is not None else None
        if entry is not None and entry.published is not None:
            return entry.published, "its manifest entry"
        from .articles import publication  # its patterns are compiled only when a date is missing

        seed = self.seeds.get(name)
        return publication(entry, seed.text if seed is not None else None)

    def find_draft(self, key: str) -> Draft:
        """The draft with this id, this UN symbol (any case) or this unique id prefix.

        Raises DraftNotFound, whose message names the closest ids and symbols.
        """
        return find_draft(self.records, key)


#: How many ids a "no such draft" message lists when nothing is close.
LISTED_IDS = 10


def find_draft(records: Records, key: str) -> Draft:
    """A draft by id, by symbol (S/2016/846, any case) or by a prefix of one id only."""
    found = records.draft(key)
    if found is not None:
        return found
    wanted = key.strip().casefold()
    by_symbol = [d for d in records.drafts if d.symbol and d.symbol.strip().casefold() == wanted]
    if len(by_symbol) == 1:
        return by_symbol[0]
    if by_symbol:
        raise DraftNotFound(f"symbol '{key}' is given to {len(by_symbol)} drafts in {records.path}: "
                            f"{', '.join(d.id for d in by_symbol)}; name one by its id", [d.id for d in by_symbol])
    prefixed = [d for d in records.drafts if key and d.id.startswith(key)]
    if len(prefixed) == 1:
        return prefixed[0]
    if prefixed:
        ids = [d.id for d in prefixed]
        raise DraftNotFound(f"'{key}' begins {len(ids)} draft ids in {records.path}: {_listing(ids)}; "
                            "type more of the id", ids)
    import difflib  # only when there is a typo to explain

    names = {d.id: d.id for d in records.drafts}
    names.update({d.symbol.casefold(): d.symbol for d in records.drafts if d.symbol})
    scored = []
    for name in names:
        matcher = difflib.SequenceMatcher(None, wanted, name)
        if matcher.real_quick_ratio() >= 0.6 and matcher.quick_ratio() >= 0.6 and matcher.ratio() >= 0.6:
            scored.append((matcher.ratio(), name))
    best = max((score for score, _ in scored), default=0.0)
    # the best match, and any as close (S/2016/864 is as near S/2016/846 as S/2016/847)
    close = [names[name] for score, name in sorted(scored, key=lambda s: -s[0]) if score >= best - 0.01][:3]
    if close:
        hint = "did you mean " + " or ".join(f"'{c}'" for c in close) + "?"
    elif records.drafts:
        hint = f"ids: {_listing([d.id for d in records.drafts])}"
    else:
        hint = "it holds no drafts"
    raise DraftNotFound(f"no draft '{key}' in {records.path}; {hint}", close)


def _listing(ids: list[str]) -> str:
    if len(ids) <= LISTED_IDS:
        return ", ".join(ids)
    return f"{', '.join(ids[:LISTED_IDS])} and {len(ids) - LISTED_IDS} more"


@contextmanager
def paused_gc():
    """No cyclic garbage collection inside: loading and validating build hundreds of thousands of
    small acyclic objects for a long history, and the collector would scan them again and again
    (a third of the time at 3,000 drafts). Nested use is safe."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def load_project(data: str | os.PathLike = DEFAULT_DATA, council: str | os.PathLike = DEFAULT_COUNCIL,
                 seeds: str | os.PathLike = DEFAULT_SEEDS, sourced: str | os.PathLike | None = None) -> Project:
    """Read and type the records, the council and the seeds (paths as `str` or `Path`).

    sourced: the file of imported official votes (`votes import` writes it, data/sourced.csv by
    default); its resolutions join the records as imported drafts, every fact sourced. None, or a
    path where no file is, imports nothing; problems in that file are the project's problems, and
    none of its resolutions is used then.
    """
    with paused_gc():
        project = _load(Path(data), Path(council), Path(seeds))
        if sourced is not None:
            _add_imported(project, Path(sourced))
        return project


def _add_imported(project: Project, path: Path) -> None:
    """The imported resolutions of the sourced file, as drafts after the records' own."""
    from .sourced import ImportFailure, imported_drafts, load_sourced

    project.sourced_path = path
    try:
        project.sourced = load_sourced(path)
    except ImportFailure as failure:
        project.problems += failure.problems
        return
    drafts, project.council = imported_drafts(project.sourced, project.council,
                                              {d.id for d in project.records.drafts})
    project.records.drafts += drafts


def load_council(council: str | os.PathLike = DEFAULT_COUNCIL) -> tuple[Council, list[Problem]]:
    """Read and type the council file alone, with the problems met reading it."""
    path = Path(council)
    display = display_path(path)
    raw = read_capped(path, MAX_YAML_BYTES, display)

    def build() -> tuple[Council, list[Problem]]:
        council_file = yaml_from_bytes(raw, path, display)
        if council_file.root is None:
            return Council(council_file.path, {}, {}, {}), list(council_file.problems)
        council_obj, found = build_council(council_file.root, council_file.path)
        return council_obj, [*council_file.problems, *found]

    if raw is None:
        return build()
    # eighty years of seats and names take ~7 ms to read and type: a file read before comes from the cache
    return remembered("council", path, raw, display, build)


def _load(data: Path, council: Path, seeds: Path) -> Project:
    council_obj, problems = load_council(council)
    council_whole = not any(p.severity == ERROR for p in problems)
    records, found = _records(read_yaml(data, display_path(data)), council_obj, council_whole)
    problems += found
    if not seeds.is_dir():
        raise VotesError(f"{display_path(seeds)}: no such folder of seeds")
    seed_map = read_seeds(seeds)
    manifest = None
    manifest_path = seeds / MANIFEST_NAME
    if manifest_path.is_file():
        manifest_file = read_yaml(manifest_path, display_path(manifest_path))
        problems += manifest_file.problems
        if manifest_file.root is not None:
            manifest, found = build_manifest(manifest_file.root, manifest_file.path)
            problems += found
    return Project(records, council_obj, seeds, seed_map, manifest, problems)


def _records(records_file, council: Council, council_whole: bool) -> tuple[Records, list[Problem]]:
    problems = list(records_file.problems)
    if records_file.root is None:
        return Records(records_file.path, [], []), problems
    records, found = build_records(records_file.root, records_file.path, council, council_whole)
    records.comments = [Comment(*comment) for comment in records_file.comments]
    return records, problems + found


def records_from_text(text: str, path: str, council: Council, council_whole: bool = True) -> tuple[Records,
                                                                                                   list[Problem]]:
    """Records read from text in memory, with the problems met: what a records file holding this text
    would load as (votes suggest checks what it would write this way, writing nothing)."""
    return _records(read_yaml_text(text, path), council, council_whole)


def read_seeds(folder: Path) -> dict[str, Seed]:
    """Every regular file under the folder but the manifest and hidden files, by relative path.

    Links are skipped (a seed path may not lead out through one); a FIFO, a device or a
    socket among the seeds is refused with a message rather than read.
    """
    seeds: dict[str, Seed] = {}
    try:
        paths = sorted(folder.rglob("*"))
    except OSError as exc:
        raise VotesError(os_message(display_path(folder), exc)) from None
    for path in paths:
        rel = path.relative_to(folder)
        if rel.as_posix() == MANIFEST_NAME or any(part.startswith(".") for part in rel.parts):
            continue
        shown = display_path(path)
        try:
            mode = path.lstat().st_mode
        except OSError as exc:
            raise VotesError(os_message(shown, exc)) from None
        if stat.S_ISLNK(mode) or stat.S_ISDIR(mode):
            continue
        if not stat.S_ISREG(mode):
            raise VotesError(f"{shown}: is {file_kind(mode)} among the seeds; seeds are plain text files "
                             "(move it out of the seeds folder)")
        seeds[rel.as_posix()] = seed_from_bytes(rel.as_posix(), read_seed(path, shown))
    return seeds
