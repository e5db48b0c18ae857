"""Seed paths as records write them: the one key every lookup uses, and the test of a safe name.

A record may name a seed with back slashes (typed on Windows) or with forward
ones; seeds are kept under their path relative to the seeds folder with forward
slashes, so `seed_key` is what every lookup of an evidence or ignore entry's
seed goes through. `unsafe_seed_path` says why a name cannot be a seed at all.
"""

from __future__ import annotations

from pathlib import Path


def seed_key(path: str) -> str:
    """The name a seed is kept under: its path inside the seeds folder, with forward slashes."""
    return path.replace("\\", "/")


def unsafe_seed_path(name: str, folder: Path, known=()) -> str | None:
    """Why an evidence seed path is not a safe path inside the seeds folder, or None.

    Names in `known` (the seeds read from the folder, which skips links) are safe as they are.
    """
    if name in known:
        return None
    if "\0" in name:
        return "holds a NUL character, which no file name can"
    if not name or name.startswith(("/", "\\")) or (len(name) > 1 and name[1] == ":"):
        return "is an absolute path"
    if ".." in seed_key(name).split("/"):
        return "climbs out with '..'"
    target = folder / name
    try:
        inside = target.resolve().is_relative_to(folder.resolve())
    except RuntimeError:  # Python before 3.13 raises this for a loop of links
        return "leads into a loop of symbolic links"
    except OSError as exc:
        return f"cannot be followed ({exc.strerror or exc})"
    if not inside:
        return "leads outside the seeds folder through a link"
    return None
