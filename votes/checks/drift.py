"""The seeds are the ones checked: a seed whose bytes changed since the records were checked
against it (its SHA-256 differs from seeds/MANIFEST.yaml's), a seed gone, or one the manifest
does not list, is reported, not ignored."""

from __future__ import annotations

from typing import Iterator

from ..facts import MANIFEST, Facts
from ..problems import ERROR, WARNING, Code, Problem
from ..project import MANIFEST_NAME

NAME = "seed drift"
CODES = (
    Code("seed-changed", ERROR, "a seed's bytes differ from the SHA-256 in seeds/MANIFEST.yaml"),
    Code("seed-missing", ERROR, "a seed listed in the manifest is not in seeds/"),
    Code("seed-unlisted", WARNING, "a seed file that seeds/MANIFEST.yaml does not list"),
    Code("manifest-missing", WARNING, "seeds/ has no MANIFEST.yaml, so changes to seeds cannot be detected"),
)
NEEDS = (MANIFEST,)


def check(facts: Facts) -> Iterator[Problem]:
    yield from drift(facts.project)


def drift(project) -> Iterator[Problem]:
    """The seeds are the bytes the manifest records (`votes manifest --check` asks this alone)."""
    manifest_path = project.seed_display(MANIFEST_NAME)
    if project.manifest is None:
        if (project.seeds_dir / MANIFEST_NAME).is_file():
            return  # it is there but unreadable: that problem is already reported, at its line
        yield Problem("manifest-missing", f"no {MANIFEST_NAME} in {project.seeds_display}/, so a changed seed "
                      "would go unnoticed", manifest_path, 1, 1, None, None,
                      "run `votes manifest --write` to write one", "seeds")
        return
    for name, seed in project.seeds.items():
        entry = project.manifest.entries.get(name)
        if entry is None:
            yield Problem("seed-unlisted", f"{name} is not listed in {MANIFEST_NAME}", project.seed_display(name),
                          1, 1, None, None, "add it: run `votes manifest --write`, or `votes add` for articles not "
                          "yet copied", f"seed {name}")
        elif entry.sha256 != seed.sha256:
            yield Problem("seed-changed", f"the bytes of {name} changed since the records were checked "
                          f"(SHA-256 {seed.sha256[:12]}..., manifest {entry.sha256[:12]}...)",
                          project.seed_display(name), 1, 1, None, None,
                          "restore the seed as received; if the change is meant, re-check every quote from it, "
                          "then run `votes manifest --write` to record its new SHA-256", f"seed {name}")
    for name, entry in project.manifest.entries.items():
        if name not in project.seeds:
            yield Problem("seed-missing", f"{name} is listed in {MANIFEST_NAME} but is not in "
                          f"{project.seeds_display}/", project.manifest.path, entry.loc.line, entry.loc.col,
                          None, None, "restore the file, or remove its entry", f"seed {name}")
