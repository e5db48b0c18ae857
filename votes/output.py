"""Writing at the edge: every file `votes` writes goes through here.

Files are written to a temporary name in the same folder and renamed into
place, so a crash or a full disk never leaves a half-written report. Output
folders are checked so that generated files never land among the user's data
or seeds.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from .errors import VotesError


def write_atomic(path: Path, data: bytes | str) -> None:
    """Write the whole file or nothing: temporary file, flush, fsync, rename."""
    payload = data.encode("utf-8") if isinstance(data, str) else data
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        os.fchmod(fd, 0o666 & ~_umask())  # mkstemp makes 0600; a written file gets the usual mode
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def check_output_dir(out: Path, protected: list[Path]) -> None:
    """Refuse an output folder that is, or lies inside, a folder of user input."""
    if out.exists() and not out.is_dir():
        raise VotesError(f"{out}: exists and is not a folder")
    target = out.resolve()
    for folder in protected:
        guarded = folder.resolve()
        if target == guarded or target.is_relative_to(guarded):
            raise VotesError(f"{out}: refusing to write reports into {folder}, which holds your input")


def check_output_file(path: Path, inputs: list[Path]) -> None:
    """Refuse to overwrite an input file (a data file, a seed) with output."""
    target = path.resolve()
    for item in inputs:
        guarded = item.resolve()
        if target == guarded or (guarded.is_dir() and target.is_relative_to(guarded)):
            raise VotesError(f"{path}: refusing to overwrite input {item}")
