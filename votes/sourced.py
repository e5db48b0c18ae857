"""Official votes on adopted resolutions, imported from the UN Digital Library (`votes import undl`).

The UN Digital Library (UNDL) publishes per-member votes of *adopted*
resolutions only; the records here are the missing half. An export of its
Security Council voting data is read here into resolutions, kept in one file,
`data/sourced.csv` by default (the UNDL columns plus `source`), which `votes
import` writes atomically, and loaded beside the records (`votes.project`) as
imported drafts: each keeps the source it was imported from, every fact of it
has the basis `sourced`, and it is never proved against the seeds. The layout
and its source are documented in docs/reference.md ("Official layouts").
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from pathlib import Path

from .errors import VotesError
from .model import TALLY_KEYS, Council, Draft, Evidence, Loc, Member
from .problems import ERROR, UNREADABLE_FILE, Code, Problem
from .read import display_path
from .record import Record

#: The UNDL Security Council voting data, in the order of its data dictionary (Dag Hammarskjöld
#: Library, "Security Council Voting Data", version 3, 21 July 2025, digitallibrary.un.org/record/4055387).
#: The dictionary lists `modality` twice; it is written once, where it first appears.
UNDL_COLUMNS = ("undl_id", "ms_code", "ms_name", "permanent_member", "ms_vote", "date", "resolution", "draft",
                "meeting", "description", "agenda", "subjects", "vote_note", "modality", "total_yes", "total_no",
                "total_abstentions", "total_non_voting", "total_ms", "undl_link")
#: The columns an import cannot do without.
UNDL_REQUIRED = ("ms_code", "ms_vote", "date", "resolution")
#: UNDL's vote letters: Y yes, N no, A abstention, X non-voting (blank, on its web pages, is non-participating).
UNDL_VOTES = {"Y": "yes", "N": "no", "A": "abstain", "X": "absent", "": "absent"}
UNDL_LETTERS = {"yes": "Y", "no": "N", "abstain": "A", "absent": "X"}
#: Where `votes import` keeps imported votes, beside the records.
DEFAULT_SOURCED = Path("data/sourced.csv")
SOURCED_COLUMNS = ("source",) + UNDL_COLUMNS
MAX_IMPORT_BYTES = 64 * 2**20
#: The problems of an imported file (`votes import undl`, or the kept file as it loads): a file with any is
#: not used at all.
CODES = tuple(Code(name, ERROR, meaning, UNREADABLE_FILE) for name, meaning in (
    ("undl-columns", "an imported file is not a UNDL voting-data CSV: a column is missing or a row has too many "
     "cells"),
    ("undl-value", "an imported row lacks a resolution symbol, or has a bad member code, vote letter or date"),
    ("undl-duplicate", "an imported file gives one member two votes on one resolution"),
    ("undl-conflict", "the rows of one imported resolution disagree on its date"),
))
_CODE = re.compile(r"[A-Z]{3}")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


class Sourced(Record):
    """One adopted resolution read from a UNDL export: its identifiers, its rows, and where it came from.

    rows: member code -> that member's UNDL row (every column as text), in file order.
    """

    __slots__ = ("resolution", "date", "source", "rows", "line")

    def __init__(self, resolution: str, date: dt.date, source: str, rows: dict[str, dict[str, str]], line: int):
        self.resolution, self.date, self.source, self.rows, self.line = resolution, date, source, rows, line

    def first(self, column: str) -> str:
        """The resolution-wide value of a column (its first non-empty cell)."""
        return next((row[column] for row in self.rows.values() if row.get(column)), "")

    def votes(self) -> dict[str, str]:
        return {code: UNDL_VOTES[row["ms_vote"]] for code, row in self.rows.items()}


class ImportFailure(Exception):
    """A file that cannot be imported: the problems found in it (data problems, exit 1)."""

    def __init__(self, problems: list[Problem]):
        super().__init__(problems[0].to_line())
        self.problems = problems


# --- reading -------------------------------------------------------------------------------------

def read_undl(path: Path, source: str | None = None) -> list[Sourced]:
    """Read a UNDL Security Council voting-data CSV (or the sourced file) into resolutions.

    source: what to name as the origin of every vote; None reads it from the
    file's own `source` column (the sourced file). Raises VotesError when the
    file cannot be read, ImportFailure (with every problem found) when its
    contents are not a UNDL export of adopted resolutions.
    """
    display = display_path(path)
    try:
        if path.stat().st_size > MAX_IMPORT_BYTES:
            raise ImportFailure([Problem("file-too-large", f"the file is larger than {MAX_IMPORT_BYTES // 2**20} "
                                         "MiB; the Council's whole voting record is a few MB", display, 1, 1)])
        raw = path.read_bytes()
    except FileNotFoundError:
        raise VotesError(f"{display}: no such file") from None
    except IsADirectoryError:
        raise VotesError(f"{display}: is a folder, not a file") from None
    except OSError as exc:
        raise VotesError(f"{display}: cannot read ({exc.strerror})") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise ImportFailure([Problem("file-encoding", f"byte 0x{raw[exc.start]:02x} is not UTF-8", display, line, 1,
                                     hint="save the export as UTF-8 CSV")]) from None
    if "\x00" in text:
        line = text.count("\n", 0, text.find("\x00")) + 1
        raise ImportFailure([Problem("file-encoding", "the file holds a NUL byte, so it is not a text file",
                                     display, line, 1)])
    return parse_undl(text, display, source)


def parse_undl(text: str, display: str, source: str | None = None) -> list[Sourced]:
    """The resolutions of a UNDL CSV text, in file order; see `read_undl`."""
    reader = csv.reader(io.StringIO(text, newline=""))
    problems: list[Problem] = []
    try:
        header = next(reader, None)
    except csv.Error as exc:
        raise ImportFailure([Problem("undl-columns", f"not a CSV file: {exc}", display, 1, 1)]) from None
    if not header:
        raise ImportFailure([Problem("undl-columns", "the file is empty: a UNDL export starts with a header row",
                                     display, 1, 1, hint="columns: " + ", ".join(UNDL_COLUMNS))])
    header = [name.strip() for name in header]
    wanted = UNDL_REQUIRED + (("source",) if source is None else ())
    missing = [name for name in wanted if name not in header]
    if missing:
        raise ImportFailure([Problem(
            "undl-columns", f"the header lacks {', '.join(missing)}", display, 1, 1,
            hint="a UNDL Security Council voting-data export has the columns " + ", ".join(UNDL_COLUMNS))])
    found: dict[str, Sourced] = {}
    try:
        for values in reader:
            line = reader.line_num
            if not any(v.strip() for v in values):
                continue
            if len(values) != len(header):
                problems.append(Problem("undl-columns", f"{len(values)} cells where the header has {len(header)}",
                                        display, line, 1))
                continue
            row = {name: value.strip() for name, value in zip(header, values)}
            problem = _row_problem(row, display, line)
            if problem:
                problems.append(problem)
                continue
            resolution, code = row["resolution"], row["ms_code"]
            row["ms_vote"] = row["ms_vote"].upper()
            kept = {name: row.get(name, "") for name in UNDL_COLUMNS}
            date = dt.date.fromisoformat(row["date"])
            named = row["source"] if source is None else source
            held = found.get(resolution)
            if held is None:
                found[resolution] = Sourced(resolution, date, named, {code: kept}, line)
            elif code in held.rows:
                problems.append(Problem("undl-duplicate", f"{code} has a second row for {resolution}",
                                        display, line, 1, subject=f"resolution {resolution}"))
            elif held.date != date:
                problems.append(Problem(
                    "undl-conflict", f"{resolution} is dated {held.date.isoformat()} on line {held.line} but "
                    f"{date.isoformat()} here", display, line, 1, subject=f"resolution {resolution}"))
            else:
                held.rows[code] = kept
    except csv.Error as exc:
        problems.append(Problem("undl-columns", f"the CSV cannot be read: {exc}", display, reader.line_num, 1))
    if problems:
        raise ImportFailure(problems)
    return list(found.values())


def _row_problem(row: dict[str, str], display: str, line: int) -> Problem | None:
    """What makes one row unusable, or None."""
    def problem(column: str, message: str, hint: str | None = None) -> Problem:
        return Problem("undl-value", message, display, line, 1, field=column, hint=hint)

    if not row["resolution"]:
        return problem("resolution", "no resolution symbol: the UNDL holds adopted resolutions only",
                       "vetoed and failed drafts belong in data/resolutions.yaml, proved from the seeds")
    if not _CODE.fullmatch(row["ms_code"]):
        return problem("ms_code", f"member code '{row['ms_code']}' is not three upper-case letters",
                       "ISO 3166-1 alpha-3, as in data/council.yaml")
    if row["ms_vote"].upper() not in UNDL_VOTES:
        return problem("ms_vote", f"vote '{row['ms_vote']}' is not Y, N, A, X or blank")
    if not _DATE.fullmatch(row["date"]) or not _is_date(row["date"]):
        return problem("date", f"date '{row['date']}' is not a real YYYY-MM-DD day")
    if row.get("source", "x") == "":
        return problem("source", "no source named for this vote")
    return None


def _is_date(text: str) -> bool:
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return True


def load_sourced(path: Path = DEFAULT_SOURCED) -> list[Sourced]:
    """The imported votes kept in the project (`votes import` writes them); none when the file is absent."""
    if not path.exists():
        return []
    return read_undl(path, source=None)


# --- importing -----------------------------------------------------------------------------------

def merge_sourced(held: list[Sourced], new: list[Sourced]) -> list[Sourced]:
    """The held resolutions with the new ones added; a resolution in both is taken from the new file.

    Oldest first, then by resolution symbol, so the same inputs give the same file.
    """
    merged = {s.resolution: s for s in held}
    merged.update({s.resolution: s for s in new})
    return sorted(merged.values(), key=lambda s: (s.date, s.resolution))


def sourced_csv(resolutions: list[Sourced]) -> str:
    """The sourced file's text: the UNDL columns and the source of every row."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(SOURCED_COLUMNS)
    for resolution in resolutions:
        for row in resolution.rows.values():
            writer.writerow([resolution.source, *(row[name] for name in UNDL_COLUMNS)])
    return buffer.getvalue()


def import_undl(file: Path, into: Path = DEFAULT_SOURCED, source: str | None = None) -> tuple[int, int]:
    """Read a UNDL export and keep its resolutions in `into`, written atomically.

    Returns (resolutions read, resolutions now held). Resolutions already held
    are kept, and replaced by the file's when it holds them too.
    """
    from .output import write_atomic

    if file.resolve() == into.resolve():
        raise VotesError(f"{display_path(file)}: is the file imports are kept in; import the original export")
    if into.is_file() and not _is_sourced_file(into):
        raise VotesError(f"{display_path(into)}: refusing to overwrite a file that does not hold imported votes "
                         f"(its first line is not {','.join(SOURCED_COLUMNS[:3])},...)")
    named = source or f"UN Digital Library, Security Council voting data ({file.name})"
    new = read_undl(file, named)
    held = load_sourced(into)
    merged = merge_sourced(held, new)
    write_atomic(into, sourced_csv(merged))
    return len(new), len(merged)


def _is_sourced_file(path: Path) -> bool:
    """Whether a file starts with the sourced file's header (so `votes import` may rewrite it)."""
    with path.open("rb") as handle:
        first = handle.readline(4096).decode("utf-8-sig", "replace").strip()
    return first.split(",")[:len(SOURCED_COLUMNS)] == list(SOURCED_COLUMNS)


# --- the imported votes beside the records ---------------------------------------------------

def sourced_id(resolution: str) -> str:
    """A draft id for an imported resolution: its symbol as a slug ("S/RES/2334 (2016)" -> "s-res-2334-2016")."""
    return re.sub(r"[^a-z0-9]+", "-", resolution.lower()).strip("-") or "resolution"


def imported_drafts(resolutions: list[Sourced], council: Council, taken: set[str]) -> tuple[list[Draft], Council]:
    """Each imported resolution as an adopted draft, and the council with the members the UNDL names
    that council.yaml does not (under the UNDL's name). `taken`: the ids already in use.

    Each draft's facts are backed by one outside source, the one it was imported from, and
    `Draft.imported_from` names it: the seed checks pass it by.
    """
    members = dict(council.members)
    drafts = []
    taken = set(taken)
    for item in resolutions:
        draft_id = sourced_id(item.resolution)
        while draft_id in taken:
            draft_id += "-undl"
        taken.add(draft_id)
        draft = Draft(draft_id, item.first("description") or item.resolution, item.date, "adopted", Loc(item.line, 1))
        draft.symbol = item.resolution
        draft.meeting = item.first("meeting") or None
        draft.votes = item.votes()
        draft.notes = f"imported from {item.source}"
        draft.imported_from = item.source
        tally = {key: item.first(column) for key, column in
                 zip(TALLY_KEYS, ("total_yes", "total_no", "total_abstentions"))}
        if all(value.isdigit() for value in tally.values()):
            draft.tally = {key: int(value) for key, value in tally.items()}
        draft.evidence = [Evidence(1, tuple(draft.facts()), Loc(item.line, 1), source=item.source)]
        for code, row in item.rows.items():
            if code not in members:
                members[code] = Member(code, row["ms_name"] or code, row["permanent_member"].lower() == "true",
                                       (), Loc(0, 0))
        drafts.append(draft)
    return drafts, Council(council.path, members, council.seats, council.groups)
