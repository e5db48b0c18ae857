"""Noticing that the records, the council or a seed changed on disk.

Polling, not file-system events: every `interval` seconds the watched files
are stat()ed (a dozen for a typical project, microseconds each), and a change
of size, modification time or identity, or a file that comes or goes, counts
as a change. It needs no dependency, and it works the same on every system,
on network folders and in containers, where event APIs differ or stay silent.
A save is reported once it has settled: editors write, rename and touch in
quick succession, and validating a half-written file would show a false error.
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Callable, Iterator

from .project import display_path

#: Seconds between two looks at the files: the most a save waits to be seen.
INTERVAL = 0.1
#: Seconds a change must hold still before it is reported (an editor's save is several writes).
SETTLE = 0.03


class Watcher:
    """The files a project reads (the records, the council, everything in the seeds folder)."""

    def __init__(self, data: str | os.PathLike, council: str | os.PathLike, seeds: str | os.PathLike):
        self.files = [Path(data), Path(council)]
        self.seeds = Path(seeds)
        #: the files as last seen: taken now, so that a save made while the first validation
        #: runs is a change too
        self.state = self.snapshot()

    def snapshot(self) -> dict[str, tuple]:
        """Each watched file's identity, size and modification time, by path."""
        state: dict[str, tuple] = {}
        for path in self.files:
            state[str(path)] = _stat(path)
        for path in _walk(self.seeds):
            state[path] = _stat(path)
        return state

    def changes(self, interval: float = INTERVAL, settle: float = SETTLE,
                sleep: Callable[[float], None] = time.sleep) -> Iterator[list[str]]:
        """Yield the display paths that changed since the last look, each time some did; forever."""
        while True:
            sleep(interval)
            now = self.snapshot()
            if now == self.state:
                continue
            while True:  # wait until the save is complete
                sleep(settle)
                later = self.snapshot()
                if later == now:
                    break
                now = later
            changed = sorted(display_path(Path(k)) for k in now.keys() | self.state.keys()
                             if now.get(k) != self.state.get(k))
            self.state = now
            yield changed


def _stat(path: Path | str) -> tuple | None:
    try:
        st = os.stat(path)
    except OSError:
        return None  # gone, or not there yet: a change when it comes back
    return (st.st_ino, st.st_size, st.st_mtime_ns)


def _walk(folder: Path | str) -> list[str]:
    """Files under the folder, hidden ones left out (an editor's swap file, `votes`' own temporary files)."""
    found: list[str] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return found
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir(follow_symlinks=False):
            found += _walk(entry.path)
        else:
            found.append(entry.path)
    return found
