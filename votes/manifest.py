"""Registering articles as seeds, and keeping seeds/MANIFEST.yaml true to them.

The manifest is a file the researcher also edits: outlets, headlines, dates,
notes on what an article covers, comments. So it is never re-dumped. New
entries are appended to its text, a changed hash is replaced where it stands,
and the result is parsed again and compared with the old entries before it
is written (atomically): no command here can drop what the manifest holds.

Seeds added by `add_articles` are named `NNN_<first 16 hex digits of their
SHA-256>.txt`, NNN one more than the highest number in seeds/, so that names
sort in the order articles arrived and say nothing the text does not; or they
keep the name they had.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from pathlib import Path

from .articles import ArticleFacts, read_article
from .errors import DataRefused, VotesError
from .model import Manifest
from .output import write_atomic
from .problems import ERROR, Problem, sort_key
from .project import MANIFEST_NAME, Project, display_path, read_seeds
from .read import YNode, line_breaks, read_seed_bytes, read_yaml, seed_from_bytes
from .record import Record
from .schema import build_manifest

#: The digits of a seed's number: 000 to 999, then as many as it takes.
NUMBER_WIDTH = 3
HEX_DIGITS = 16
_NUMBERED = re.compile(r"(\d+)_")
#: A value written without quotes: starts with a letter or digit, holds nothing YAML gives a meaning to.
_PLAIN = re.compile(r"[A-Za-z0-9][^:#\"'\[\]{},&*!|>%@`\n\r]*")
HEADER = (
    "# The seeds as received: each file's SHA-256, and what its text tells of its outlet,\n"
    "# first headline and the latest day it is dated (published). `votes validate` reports\n"
    "# any seed whose bytes no longer match; `votes add` and `votes manifest --write` keep it.\n"
)


class AddedSeed(Record):
    """An article copied into seeds/: where from, its name there, and what its text tells."""

    __slots__ = ("source", "name", "sha256", "facts", "url")

    def __init__(self, source: Path, name: str, sha256: str, facts: ArticleFacts, url: str | None = None):
        self.source, self.name, self.sha256, self.facts, self.url = source, name, sha256, facts, url


class ManifestUpdate(Record):
    """The manifest's new text and what changed: seeds listed, hashes replaced, entries kept."""

    __slots__ = ("text", "listed", "rehashed", "orphans")

    def __init__(self, text: str, listed: list[str], rehashed: list[str], orphans: list[str]):
        self.text, self.listed, self.rehashed, self.orphans = text, listed, rehashed, orphans

    @property
    def changed(self) -> bool:
        return bool(self.listed or self.rehashed)


class _ManifestFile(Record):
    """The manifest as found: its text (BOM aside), tree and entries; all empty when there is none."""

    __slots__ = ("path", "text", "bom", "root", "manifest", "problems")

    def __init__(self, path: Path, text: str, bom: bool, root: YNode | None, manifest: Manifest | None,
                 problems: list[Problem]):
        self.path, self.text, self.bom, self.root = path, text, bom, root
        self.manifest, self.problems = manifest, problems


def seed_name(number: int, sha256: str) -> str:
    """The name a new seed gets: 005_fcef2dc81fbfd135.txt."""
    return f"{number:0{NUMBER_WIDTH}d}_{sha256[:HEX_DIGITS]}.txt"


def next_number(names) -> int:
    """One more than the highest NNN_ number among these seed names; 0 for the first."""
    numbers = [int(m.group(1)) for m in map(_NUMBERED.match, names) if m]
    return max(numbers, default=-1) + 1


def _read_manifest(seeds_dir: Path) -> _ManifestFile:
    path = seeds_dir / MANIFEST_NAME
    if not path.exists():
        return _ManifestFile(path, "", False, None, None, [])
    found = read_yaml(path, display_path(path))
    try:
        text = path.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError):
        text = ""  # read_yaml has already said why
    bom = text.startswith("\ufeff")
    manifest, problems = None, list(found.problems)
    if found.root is not None:
        manifest, more = build_manifest(found.root, found.path)
        problems += more
    return _ManifestFile(path, text[1:] if bom else text, bom, found.root, manifest, problems)


def _open_seeds(seeds_dir: str | os.PathLike) -> tuple[Path, "_ManifestFile", dict]:
    """The seeds folder, its manifest (refused if it cannot be read) and its seeds."""
    seeds_dir = Path(seeds_dir)
    if not seeds_dir.is_dir():
        raise VotesError(f"{display_path(seeds_dir)}: no such folder of seeds")
    found = _read_manifest(seeds_dir)
    _refuse_broken(found)
    return seeds_dir, found, read_seeds(seeds_dir)


def _refuse_broken(found: _ManifestFile) -> None:
    """A manifest with errors is not edited: what it holds could not be kept for sure."""
    errors = [p for p in found.problems if p.severity == ERROR and p.code != "file-empty"]
    if errors:
        raise DataRefused(f"not changing {display_path(found.path)}: fix the errors above first", errors)


def _value(text: str) -> str:
    return text if _PLAIN.fullmatch(text) and text == text.strip() else json.dumps(text, ensure_ascii=False)


def _entry(name: str, sha256: str, facts: ArticleFacts, url: str | None, indent: int, inner: int,
           newline: str) -> str:
    lines = [f"{' ' * indent}{_value(name)}:", f"{' ' * inner}sha256: {sha256}"]
    if url:
        lines.append(f"{' ' * inner}url: {_value(url)}")
    if facts.outlet:
        lines.append(f"{' ' * inner}outlet: {_value(facts.outlet)}")
    if facts.title:
        lines.append(f"{' ' * inner}title: {_value(facts.title)}")
    if facts.published:
        lines.append(f"{' ' * inner}published: {facts.published.isoformat()}")
    return newline.join(lines) + newline


def _layout(found: _ManifestFile) -> tuple[int, int]:
    """The indentation of the entries and of their fields, as the file already has them."""
    seeds = found.root.value.get("seeds") if found.root is not None and found.root.kind == "map" else None
    if seeds is None:
        return 2, 4
    key, node = seeds
    if node.kind == "map" and node.value:
        entry_key, entry = next(iter(node.value.values()))
        if entry_key.line == key.line:
            raise VotesError(f"{display_path(found.path)}: seeds: is written in flow style ({{...}}) on one "
                             "line; write one entry per line so that entries can be added")
        inner = next(iter(entry.value.values()))[0].col - 1 if entry.kind == "map" and entry.value else \
            entry_key.col + 1
        return entry_key.col - 1, inner
    if node.kind == "map" or not node.is_null():
        raise VotesError(f"{display_path(found.path)}: seeds: is not a mapping of one entry per line")
    return 2, 4


def _appended(found: _ManifestFile, entries: list[tuple[str, str, ArticleFacts, str | None]]) -> str:
    """The manifest's text with these entries added at the end of seeds:, everything else as it was."""
    text = found.text
    newline = "\r\n" if "\r\n" in text else "\n"
    if found.root is None:  # no manifest yet, or an empty file
        text = (text + newline if text and not text.endswith(("\n", "\r")) else text) or \
            HEADER.replace("\n", newline)
        text += f"seeds:{newline}"
        indent, inner = 2, 4
    else:
        indent, inner = _layout(found)
        if "seeds" not in found.root.value:
            raise VotesError(f"{display_path(found.path)}: has no seeds: mapping to add to")
        if not text.endswith(("\n", "\r")):
            text += newline
    return text + "".join(_entry(name, sha, facts, url, indent, inner, newline) for name, sha, facts, url in entries)


def _checked_text(found: _ManifestFile, text: str, expect: dict[str, str]) -> str:
    """Parse the new text again: every old entry, unchanged but for the hashes in `expect`, and the new ones."""
    from .read import _Stop, decode_text, parse_yaml

    display = display_path(found.path)
    try:
        root = parse_yaml(decode_text(text.encode("utf-8"), display), display)
    except _Stop as stop:  # pragma: no cover - would be a bug in the text edit
        raise VotesError(f"{display}: the updated manifest would not parse ({stop.problem.message}); "
                         "nothing was written") from None
    manifest, problems = build_manifest(root, display)
    old = found.manifest.entries if found.manifest else {}
    kept = all(
        name in manifest.entries
        and manifest.entries[name].sha256 == expect.get(name, entry.sha256)
        and all(getattr(manifest.entries[name], field) == getattr(entry, field)
                for field in ("outlet", "title", "covers", "published", "url"))
        for name, entry in old.items())
    if problems or not kept or any(manifest.entries.get(n) is None or manifest.entries[n].sha256 != sha
                                   for n, sha in expect.items()):  # pragma: no cover - a bug guard
        raise VotesError(f"{display}: the updated manifest would not keep every entry; nothing was written")
    return ("\ufeff" if found.bom else "") + text


def add_articles(articles: list[str | os.PathLike], seeds_dir: str | os.PathLike = "seeds",
                 keep_names: bool = False, published: dt.date | None = None,
                 outlet: str | None = None, url: str | None = None) -> list[AddedSeed]:
    """Copy articles into the seeds folder and list them in its manifest, all or nothing.

    Each gets the next `NNN_<hex>.txt` name, or keeps its own with `keep_names`. `published` and
    `outlet`, when given, are written for every article of the call instead of what its text
    tells; `url`, the web address of the one article of the call. An article whose bytes are
    already a seed is not copied again. Raises VotesError (nothing written) for an unreadable,
    non-UTF-8 or empty article, a name already taken, an outlet that is empty or holds a line
    break, a web address with a space in it or given for several articles, or a manifest that
    cannot be kept.
    """
    if outlet is not None and (not outlet.strip() or not outlet.isprintable()):
        raise VotesError(f"--outlet {outlet!r}: an outlet is a name on one line, such as Reuters")
    if url is not None and (not url or not url.isprintable() or any(ch.isspace() for ch in url)):
        raise VotesError(f"--url {url!r}: a web address is one word, such as https://www.reuters.com/...")
    if url is not None and len(articles) != 1:
        raise VotesError(f"--url names the address of one article; {len(articles)} were given: add them one at a time")
    seeds_dir, found, present = _open_seeds(seeds_dir)
    by_hash = {seed.sha256: name for name, seed in present.items()}
    listed = set(found.manifest.entries) if found.manifest else set()
    number = next_number(list(present) + list(listed))
    added: list[AddedSeed] = []
    payloads: dict[str, bytes] = {}
    for article in map(Path, articles):
        if not article.is_file():
            raise VotesError(f"{display_path(article)}: no such file")
        raw = read_seed_bytes(article)
        _check_text(raw, article)
        seed = seed_from_bytes(article.name, raw)
        if seed.sha256 in by_hash:
            raise VotesError(f"{display_path(article)}: already a seed, as {display_path(seeds_dir)}/"
                             f"{by_hash[seed.sha256]}")
        twin = next((a for a in added if a.sha256 == seed.sha256), None)
        if twin is not None:
            raise VotesError(f"{display_path(article)}: the same text as {display_path(twin.source)}")
        if keep_names:
            name = article.name
            if name in present or name in listed or name in payloads or name == MANIFEST_NAME \
                    or name.startswith("."):
                raise VotesError(f"{display_path(article)}: {display_path(seeds_dir)}/{name} is taken; "
                                 "leave out --keep-names to give it a new name")
        else:
            name = seed_name(number, seed.sha256)
            number += 1
        payloads[name] = raw
        facts = read_article(seed.text)
        if published is not None:
            facts.published = published
        if outlet is not None:
            facts.outlet = outlet.strip()
        added.append(AddedSeed(article, name, seed.sha256, facts, url))
    if not added:
        return added
    text = _appended(found, [(a.name, a.sha256, a.facts, a.url) for a in added])
    text = _checked_text(found, text, {a.name: a.sha256 for a in added})
    written: list[Path] = []
    try:
        for name, raw in payloads.items():
            write_atomic(seeds_dir / name, raw)
            written.append(seeds_dir / name)
        write_atomic(found.path, text)
    except BaseException:
        for path in written:  # all or nothing: no seed left that the manifest does not list
            path.unlink(missing_ok=True)
        raise
    return added


def _check_text(raw: bytes, article: Path) -> None:
    if not raw.strip():
        raise VotesError(f"{display_path(article)}: is empty")
    if b"\x00" in raw:
        raise VotesError(f"{display_path(article)}: holds NUL bytes, so it is not a text file")
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise VotesError(f"{display_path(article)}: byte 0x{raw[exc.start]:02x} at offset {exc.start} is not "
                         "UTF-8; seeds are UTF-8 text (convert it first, e.g. iconv -f latin1 -t utf-8)") from None


def updated_manifest(seeds_dir: str | os.PathLike = "seeds") -> ManifestUpdate:
    """The manifest with every seed listed under its current SHA-256, keeping everything else.

    Unlisted seeds are appended with what their text tells; a changed seed gets its new hash where
    the old one stood; an entry whose seed is gone is kept (and named in `orphans`).
    """
    seeds_dir, found, seeds = _open_seeds(seeds_dir)
    entries = found.manifest.entries if found.manifest else {}
    text = found.text
    rehashed = []
    offsets = _line_offsets(text)
    edits = []
    for name, entry in entries.items():
        seed = seeds.get(name)
        if seed is not None and seed.sha256 != entry.sha256:
            edits.append((_sha_span(found, text, offsets, name, entry.sha256), seed.sha256))
            rehashed.append(name)
    for (start, end), sha in sorted(edits, reverse=True):
        text = text[:start] + sha + text[end:]
    new = [(name, seed.sha256, read_article(seed.text), None) for name, seed in seeds.items() if name not in entries]
    if new or found.root is None:
        found = _ManifestFile(found.path, text, found.bom, found.root, found.manifest, found.problems)
        text = _appended(found, new)
    expect = {name: seeds[name].sha256 for name in seeds}
    text = _checked_text(found, text, expect)
    orphans = [name for name in entries if name not in seeds]
    return ManifestUpdate(text, [name for name, _, _, _ in new], rehashed, orphans)


def _line_offsets(text: str) -> list[int]:
    """Where each line starts, counting line breaks as the YAML parser does."""
    return [0] + [m.end() for m in line_breaks().finditer(text)]


def _sha_span(found: _ManifestFile, text: str, offsets: list[int], name: str, old: str) -> tuple[int, int]:
    node = found.root.value["seeds"][1].value[name][1].value["sha256"][1]
    start = offsets[node.line - 1] + node.col - 1
    if text[start] in "\"'":
        start += 1
    if text[start:start + len(old)] != old:  # pragma: no cover - the parser located it
        raise VotesError(f"{display_path(found.path)}: could not find the sha256 of {name} to update")
    return start, start + len(old)


def manifest_problems(project: Project) -> list[Problem]:
    """What `votes manifest --check` reports: the manifest's own problems, and seeds changed,
    missing or not listed (the drift check of `votes validate`)."""
    from .checks.drift import drift

    own = [p for p in project.problems if p.path == project.seed_display(MANIFEST_NAME)]
    return sorted(own + list(drift(project)), key=sort_key)


def write_manifest(seeds_dir: str | os.PathLike = "seeds") -> ManifestUpdate:
    """Update seeds/MANIFEST.yaml in place (atomically), as `updated_manifest` gives it."""
    update = updated_manifest(seeds_dir)
    path = Path(seeds_dir) / MANIFEST_NAME
    if update.changed or not path.exists():
        write_atomic(path, update.text)
    return update


def same_file(stream, path: Path) -> bool:
    """Whether an open stream (standard output) writes to this very file, e.g. `> seeds/MANIFEST.yaml`."""
    try:
        out = os.fstat(stream.fileno())
        target = os.stat(path)
    except (AttributeError, OSError, ValueError):  # no file behind it (a pipe in tests), or no file there
        return False
    return (out.st_dev, out.st_ino) == (target.st_dev, target.st_ino)
