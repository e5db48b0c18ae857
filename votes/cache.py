"""What `votes` keeps between runs: the readings of quoted passages, so that a second run of
`votes validate` on the same seeds reads no sentence again.

A passage's reading is a pure function of three things: the passage (its seed's text and where it
stands in it), the names `council.yaml` gives each member (the lexicon), and the reader's code. The
cache is keyed by all three:

- each passage by a digest of its seed's text and its offsets, so an edited seed is read afresh;
- the whole file by a fingerprint of the lexicon and of the package's source files (their names,
  sizes and modification times, as Python's own bytecode cache checks its sources), so a new
  name or an edited rule empties it.

One file per folder of seeds, in `$VOTES_CACHE` if set (`VOTES_CACHE=off` keeps nothing), else
`$XDG_CACHE_HOME/votes`, else `~/.cache/votes`; never in the project. It holds the readings of the
current seeds only, so it grows no larger than they make it. Deleting it at any time is safe. Any
failure to read or write it is silent: the passages are then read as on a first run.

A console command writes its cache files after its output, in a child process it does not wait
for (`written_after`): the user waits for what the command says, not for what it keeps.
"""

from __future__ import annotations

import functools
import os
import pickle
import sys
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, TypeVar

try:  # the module hashlib takes BLAKE2 from, without the 3-4 ms hashlib spends loading OpenSSL
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - a Python built without it
    from hashlib import blake2b

T = TypeVar("T")
#: Bumped when what the file holds changes shape.
FORMAT = 2
#: The cache keeps at most this many files (four a project: its readings, its quotes' places, its
#: vote sentences and its council), the least recently used going first.
MAX_FILES = 200
_PACKAGE = Path(__file__).resolve().parent
_OFF = ("off", "0", "no", "false")
#: The cache files held back until the command is done (`written_after`), as (path, what it holds);
#: None where each file is written as soon as it is made.
_HELD: list[tuple[Path, object]] | None = None
#: What a child process writes (`_write_apart`), kept here until this process ends: dropped, it would
#: be freed object by object just before the process ends, which frees it whole (the readings of a
#: first run of 30,000 drafts: 0.7 s, each page the child shares copied before it is written to).
_WRITTEN_APART: list[list[tuple[Path, object]]] = []


def cache_dir() -> Path | None:
    """Where the cache lives, or None when it is turned off."""
    chosen = os.environ.get("VOTES_CACHE")
    if chosen is not None:
        return None if chosen.strip().lower() in _OFF or not chosen.strip() else Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "votes"


@functools.lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """The package's source files as Python checks a bytecode cache: name, size and modification
    time of each (about 0.2 ms for the whole package), with the Python version and this format.
    Taken once a process: the code a process runs is the code it started with."""
    parts = [f"{FORMAT} {sys.version_info[:3]}"]
    parts += [f"{name} {size} {mtime}" for name, size, mtime in _sources()]
    return digest("\n".join(parts))


@functools.lru_cache(maxsize=1)
def _sources() -> tuple[tuple[str, int, int], ...]:
    """The package's source files, in a fixed order: path under the package, size, modification time
    (ns). Looked at once a process, for `code_fingerprint` and `readings_kept` alike."""
    found = []
    for folder, dirs, files in os.walk(_PACKAGE):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(files):
            if name.endswith(".py"):
                path = os.path.join(folder, name)
                st = os.stat(path)
                found.append((os.path.relpath(path, _PACKAGE), st.st_size, st.st_mtime_ns))
    return tuple(found)


def lexicon_key(council) -> str:
    """A digest of what the reader's lexicon is made of (votes.reader.Lexicon.from_council): each
    member's names and who is permanent."""
    return digest(repr(sorted((code, m.name, tuple(m.names), bool(m.permanent))
                               for code, m in council.members.items())))


def digest(text: str) -> str:
    """A short digest of a text (a seed's, a fingerprint's)."""
    return _hex(text.encode("utf-8", "surrogatepass"))


def _hex(data: bytes) -> str:
    return blake2b(data, digest_size=16).hexdigest()


def readings_kept(seeds_dir: str | os.PathLike, folder: Path | None = None) -> bool:
    """Whether a readings file for this folder of seeds may serve this run: it is there, and no newer
    than the package's sources (as `code_fingerprint` sees them, by modification time). Looked at
    without loading it; a stale file that passes is only a run that reads nothing ahead."""
    path = ReadingCache(seeds_dir, "", folder).path
    if path is None:
        return False
    try:
        kept = os.stat(path).st_mtime_ns
    except OSError:
        return False
    return kept >= max((mtime for _, _, mtime in _sources()), default=0)


class ReadingCache:
    """The readings of one folder of seeds' passages, keyed (seed digest, start, end).

    Loaded on the first `get`; `keep` writes what was read, once, at the end of a run. The readings
    handed out are the objects read from the file: nothing downstream of the reader changes a
    reading (votes.quotes copies an assertion it narrows), which tests/test_cache.py holds to.
    """

    def __init__(self, seeds_dir: str | os.PathLike, lexicon: str, folder: Path | None = None):
        folder = cache_dir() if folder is None else folder
        where = digest(os.path.abspath(seeds_dir))
        self.path = None if folder is None else folder / f"readings-{where}.pickle"
        self._stamp = lexicon  # with code_fingerprint(), which holds FORMAT, on every file
        self._stored: dict | None = None
        self._new: dict = {}

    def get(self, key: tuple[str, int, int]):
        if self._stored is None:
            self._stored = self._load()
        return self._stored.get(key)

    def put(self, key: tuple[str, int, int], readings) -> None:
        if self.path is not None:
            self._new[key] = readings

    def keep(self, live: Callable[[], set[str]]) -> None:
        """Write the stored and the new readings of the seeds whose digests `live()` gives (the seeds
        as they are now), when this run read anything or the file holds readings of a seed that
        changed or went away; those are dropped, so the file holds only what the seeds make."""
        if self.path is None or (self._stored is None and not self._new):
            return  # nothing was asked of the cache this run
        stored = self._stored if self._stored is not None else self._load()
        live = live()
        entries = {key: value for key, value in stored.items() if key[0] in live}
        if not self._new and len(entries) == len(stored):
            return
        entries.update((key, value) for key, value in self._new.items() if key[0] in live)
        _store(self.path, (self._stamp, code_fingerprint(), entries))
        self._stored, self._new = entries, {}

    def _load(self) -> dict:
        held = _stored(self.path)
        if not (isinstance(held, tuple) and len(held) == 3):
            return {}
        stamp, code, entries = held
        if stamp != self._stamp or code != code_fingerprint() or not isinstance(entries, dict):
            return {}
        return entries


class SeedCache:
    """What a run works out from a seed's text alone besides its readings, kept for one folder of
    seeds by `kind`, keyed by tuples that start with the seed's digest: where each quote stands in
    its seed and the passage it is read in ('places', keyed (digest, quote as typed);
    votes.quotes.QuoteReader.place), and the seed's sentences with a vote word ('sentences', keyed
    (digest,); votes.vote_words.vote_sentences). At 30,000 drafts placing the 114,522 quotes takes
    seconds, and finding the vote sentences of the 3,000 seeds two more; looking them up, a tenth
    of one.

    The file holds what the last run that wrote it asked for (for the quotes the records cite, the
    seeds there are), so it grows no larger than they make it."""

    def __init__(self, kind: str, seeds_dir: str | os.PathLike, folder: Path | None = None):
        folder = cache_dir() if folder is None else folder
        self.path = None if folder is None else folder / f"{kind}-{digest(os.path.abspath(seeds_dir))}.pickle"
        self._stored: dict | None = None
        self._asked: dict = {}  # this run's values, worked out here or found in the file

    def get(self, key: tuple):
        """The value kept for the key, or None."""
        if self._stored is None:
            held = _stored(self.path)
            whole = isinstance(held, tuple) and len(held) == 2 and isinstance(held[1], dict)
            self._stored = held[1] if whole and held[0] == code_fingerprint() else {}
        found = self._stored.get(key)
        if found is not None:
            self._asked[key] = found
        return found

    def put(self, key: tuple, value) -> None:
        if self.path is not None:
            self._asked[key] = value

    def keep(self, live: set[str]) -> None:
        """Write what was asked for this run of the seeds whose digests are `live` (the seeds as they
        are now), unless the file holds just that."""
        if self.path is None or not self._asked:
            return
        asked = {key: value for key, value in self._asked.items() if key[0] in live}
        if asked.keys() != (self._stored or {}).keys():
            _store(self.path, (code_fingerprint(), asked))


def remembered(kind: str, source: str | os.PathLike, content: bytes, context: str, make: Callable[[], T],
               folder: Path | None = None) -> T:
    """What `make()` gives for a file's `content` (with `context`, the rest it depends on: the path
    it is shown by), from the cache when an earlier run of the same code stored it; else made and
    stored. Pickled as soon as made, so what the caller later does with it changes nothing stored
    (it may be written after the command's output: `written_after`). One entry per file and kind (the
    council file: 'council')."""
    folder = cache_dir() if folder is None else folder
    if folder is None:
        return make()
    path = folder / f"{kind}-{digest(os.path.abspath(source))}.pickle"
    stamp = (code_fingerprint(), _hex(content), context)  # the fingerprint holds FORMAT
    held = _stored(path)
    if isinstance(held, tuple) and len(held) == 2 and held[0] == stamp:
        return held[1]
    value = make()
    _store(path, _Pickled((stamp, value)))
    return value


def _stored(path: Path | None):
    """What a cache file holds, or None: missing, torn, unreadable, or written by another user (only
    a file this user wrote is unpickled). A file read is marked as used (its modification time), so
    the least recently used go first when the folder is pruned."""
    if path is None:
        return None
    try:
        with open(path, "rb") as held:
            if hasattr(os, "getuid") and os.fstat(held.fileno()).st_uid != os.getuid():
                return None
            value = pickle.load(held)
    except Exception:  # noqa: BLE001 - a missing, torn or foreign file is an empty cache
        return None
    try:
        os.utime(path)
    except OSError:
        pass
    return value


class _Pickled:
    """What a cache file holds, pickled already (`remembered`: the caller may change the value)."""

    __slots__ = ("data",)

    def __init__(self, value):
        self.data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)


@contextmanager
def written_after():
    """Hold back the cache files written inside, and write them when the block is done, in a child
    process that this one does not wait for: a console command's user waits for its output, not for
    what it keeps (pickling and writing the readings of a first run of 30,000 drafts takes seconds).
    Nothing is lost to it but a cache file: each is written whole or not at all (`_store`), and
    the next run reads what it finds. Where no child can be forked, the files are written here.
    Only for a process that ends with the block (votes.cli.run): the child is never waited for."""
    global _HELD
    outer, _HELD = _HELD, []
    try:
        yield
    finally:
        held, _HELD = _HELD, outer
        if held:
            _write_apart(held)


def _write_apart(held: list[tuple[Path, object]]) -> None:
    """Write the files in a child process, its standard streams closed to what this process's
    caller reads (a pipe stays open until every process holding it ends)."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()  # else the child would write what is still buffered a second time
        except (OSError, ValueError, AttributeError):
            pass
    try:
        pid = os.fork() if hasattr(os, "fork") else -1
    except OSError:
        pid = -1
    if pid > 0:
        _WRITTEN_APART.append(held)
        return
    if pid < 0:  # no child: written here
        for path, value in held:
            _store(path, value)
        return
    try:  # the child
        nothing = os.open(os.devnull, os.O_RDWR)
        for fd in (0, 1, 2):
            os.dup2(nothing, fd)
        for path, value in held:
            _store(path, value)
    finally:
        os._exit(0)


def _store(path: Path, value) -> None:
    """Write a cache file whole or not at all: another run reading it meets the old file or the new.
    Held back instead while a command holds its cache files (`written_after`)."""
    if _HELD is not None:
        _HELD.append((path, value))
        return
    partial = path.with_name(f"{path.name}.{os.getpid()}.partial")
    try:
        data = value.data if isinstance(value, _Pickled) else pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        with open(partial, "wb") as out:
            out.write(data)
        os.replace(partial, path)
    except (OSError, pickle.PicklingError, RecursionError, TypeError, AttributeError):
        try:
            partial.unlink()
        except OSError:
            pass
        return
    prune(path.parent)


def prune(folder: Path, keep: int | None = None) -> None:
    """Keep the `keep` (MAX_FILES) most recently used cache files of the folder, and remove what a
    run killed while writing left behind an hour ago or more: projects in folders that come and go
    (a temporary folder per run) cannot fill the disk."""
    keep = MAX_FILES if keep is None else keep
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    kept, stale_before = [], time.time() - 3600
    for entry in entries:
        try:
            when = entry.stat().st_mtime
        except OSError:
            continue
        if entry.name.endswith(".pickle"):
            kept.append((when, entry.path))
        elif entry.name.endswith(".partial") and when < stale_before:
            _remove(entry.path)
    kept.sort()
    for _, path in kept[:max(0, len(kept) - keep)]:
        _remove(path)


def _remove(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass
