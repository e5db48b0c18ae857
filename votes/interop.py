"""The official layouts: UN Digital Library voting data and unvotes, out and in.

The UN Digital Library (UNDL) publishes per-member votes of *adopted*
resolutions only; the records here are the missing half, the vetoed and
failed drafts. This module writes every voted draft in the UNDL's Security
Council voting-data layout and in the two tidy tables of the unvotes package,
so they can be appended to those datasets, and reads a UNDL export of adopted
resolutions into the project beside the hand-checked drafts.

Imported votes are *sourced*: each keeps the source it was imported from, is
never proved against the seeds and never meets the seed checks. They live in
one file, `data/sourced.csv` by default (the UNDL columns plus `source`),
which `votes import` writes atomically and `load_sourced` reads. The layouts
and their sources are documented in the README ("Official layouts").
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from pathlib import Path

from .errors import VotesError
from .model import TALLY_KEYS, Council, Draft, Evidence, Loc, Member, Records
from .problems import Problem
from .project import Project, display_path
from .record import Record
from .unvotes_countries import unvotes_country
from .validate import DraftCheck, Validation

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
#: unvotes (dgrtwo/unvotes, R/data.R and data-raw/un-data.R): one row per roll call, one per country's vote.
UNVOTES_ROLL_CALLS = ("rcid", "session", "importantvote", "date", "unres", "amend", "para", "short", "descr")
UNVOTES_VOTES = ("rcid", "country", "country_code", "vote")
UNVOTES_ROLL_CALLS_FILE = "un_roll_calls.csv"
UNVOTES_VOTES_FILE = "un_votes.csv"
#: Where `votes import` keeps imported votes, beside the records.
DEFAULT_SOURCED = Path("data/sourced.csv")
SOURCED_COLUMNS = ("source",) + UNDL_COLUMNS
MAX_IMPORT_BYTES = 64 * 2**20
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


# --- the sourced votes beside the records --------------------------------------------------------

def sourced_id(resolution: str) -> str:
    """A draft id for an imported resolution: its symbol as a slug ("S/RES/2334 (2016)" -> "s-res-2334-2016")."""
    return re.sub(r"[^a-z0-9]+", "-", resolution.lower()).strip("-") or "resolution"


def with_sourced(project: Project, validation: Validation, sourced: list[Sourced]) -> tuple[Project, Validation]:
    """The project and validation with each imported resolution as one more adopted draft.

    Each such draft's every fact has the basis `sourced`, backed by one outside
    source (the one it was imported from); validation's problems are those of
    the hand-checked records alone, since imported votes meet no seed check.
    Members that `council.yaml` does not define are added with the UNDL's name.
    """
    if not sourced:
        return project, validation
    council = project.council
    members = dict(council.members)
    taken = {d.id for d in project.records.drafts}
    drafts = list(project.records.drafts)
    checks = dict(validation.drafts)
    for item in sourced:
        draft_id = sourced_id(item.resolution)
        while draft_id in taken:
            draft_id += "-undl"
        taken.add(draft_id)
        draft = Draft(draft_id, item.first("description") or item.resolution, item.date, "adopted", Loc(item.line, 1))
        draft.symbol = item.resolution
        draft.meeting = item.first("meeting") or None
        draft.votes = item.votes()
        draft.notes = f"imported from {item.source}"
        tally = {key: item.first(column) for key, column in
                 zip(TALLY_KEYS, ("total_yes", "total_no", "total_abstentions"))}
        if all(value.isdigit() for value in tally.values()):
            draft.tally = {key: int(value) for key, value in tally.items()}
        facts = draft.facts()
        draft.evidence = [Evidence(1, tuple(facts), Loc(item.line, 1), source=item.source)]
        for code, row in item.rows.items():
            if code not in members:
                members[code] = Member(code, row["ms_name"] or code, row["permanent_member"].lower() == "true",
                                       (), Loc(0, 0))
        check = DraftCheck(draft)
        check.backing = {fact: [1] for fact in facts}
        check.basis = {fact: "sourced" for fact in facts}
        check.outcome, check.possible = "adopted", ("adopted",)
        check.permanent_no = tuple(sorted(c for c, v in draft.votes.items()
                                          if v == "no" and members[c].permanent))
        drafts.append(draft)
        checks[draft_id] = check
    merged = Project(Records(project.records.path, drafts, project.records.ignores),
                     Council(council.path, members, council.seats, council.groups),
                     project.seeds_dir, project.seeds, project.manifest, project.problems)
    return merged, Validation(validation.problems, checks, validation.coverage)


# --- writing the layouts -------------------------------------------------------------------------

def _tally_cells(draft: Draft, members: list[str]) -> dict[str, str]:
    """total_yes, total_no, total_abstentions, total_non_voting: as recorded, or counted from complete
    votes; empty where the record does not settle them."""
    complete = all(code in draft.votes for code in members)
    counted = {level: sum(1 for v in draft.votes.values() if v == level) for level in ("yes", "no", "abstain",
                                                                                        "absent")}
    recorded = draft.tally or {}
    cells = {}
    for key, column in zip(TALLY_KEYS, ("total_yes", "total_no", "total_abstentions")):
        value = recorded.get(key, counted[key] if complete else None)
        cells[column] = "" if value is None else str(value)
    cells["total_non_voting"] = str(counted["absent"]) if complete else ""
    return cells


def vote_note(draft: Draft, check: DraftCheck | None, unknown: list[str]) -> str:
    """The UNDL's note of peculiarities, for a hand-checked draft: its outcome and any votes not known."""
    if draft.status == "vetoed":
        vetoed_by = check.vetoed_by if check else ()
        note = "Draft not adopted: vetoed" + (f" by {', '.join(vetoed_by)}" if vetoed_by else "")
    elif draft.status == "failed":
        note = "Draft not adopted: fewer than the required affirmative votes"
    else:
        note = f"Draft {draft.status}"
    note += ". Hand-checked record of the votes package, proved against news articles"
    if unknown:
        note += f"; votes not known (blank): {', '.join(unknown)}"
    return note + "."


def undl_rows(project: Project, validation: Validation, sourced: list[Sourced] = ()) -> list[dict[str, str]]:
    """Every voted draft in the UNDL layout, one row per member; imported resolutions as they were read.

    For hand-checked drafts: no undl_id or undl_link (no UNDL record exists),
    no resolution symbol unless adopted, the draft symbol in `draft` (its id
    when it has none, so that grouping by `draft` keeps every draft), the
    title in `description`, the outcome and the unknown votes in `vote_note`,
    `modality` "Voted", the totals as recorded (empty where not known), and
    a blank `ms_vote` for a vote not known.
    """
    from .tables import members_of, voted_drafts

    imported = {sourced_id(s.resolution): s for s in sourced}
    council = project.council
    rows = []
    for draft in voted_drafts(project):
        kept = imported.get(draft.id)
        if kept is not None and kept.resolution == draft.symbol:
            rows += kept.rows.values()
            continue
        check = validation.draft(draft.id)
        members = members_of(draft, council)
        unknown = [code for code in members if code not in draft.votes]
        common = {
            "undl_id": "", "date": draft.date.isoformat(),
            "resolution": "", "draft": draft.symbol or draft.id, "meeting": draft.meeting or "",
            "description": draft.title, "agenda": "", "subjects": "",
            "vote_note": vote_note(draft, check, unknown), "modality": "Voted",
            **_tally_cells(draft, members), "total_ms": str(len(members)), "undl_link": "",
        }
        for code in members:
            member = council.members.get(code)
            vote = draft.votes.get(code)
            rows.append({**common, "ms_code": code, "ms_name": member.name if member else code,
                         "permanent_member": "True" if council.is_permanent(code) else "False",
                         "ms_vote": UNDL_LETTERS[vote] if vote else ""})
    return [{name: row[name] for name in UNDL_COLUMNS} for row in rows]


def csv_text(columns: tuple[str, ...], rows: list[dict]) -> str:
    """Rows as CSV text with a header, every cell as given (None as empty)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow(["" if row[name] is None else row[name] for name in columns])
    return buffer.getvalue()


def roll_call_id(date: dt.date, order: int) -> int:
    """A numeric unvotes roll-call id: the date as YYYYMMDD and the draft's place that day (01, 02 ...).

    Stable while records are added on other days, and far above unvotes' own
    ids (under 10,000), so appended rows never collide with them.
    """
    return int(f"{date:%Y%m%d}{order:02d}")


def unvotes_tables(project: Project, validation: Validation) -> tuple[list[dict], list[dict]]:
    """(roll calls, votes) in unvotes' layout, for every voted draft.

    Roll calls: rcid (`roll_call_id`), session and importantvote empty (General
    Assembly notions with no Council meaning), date, unres (the draft's symbol,
    an imported resolution's own symbol, or the id), amend 0 and para 0 (each
    record is a vote on a whole draft), short (`short_name`), descr (the title).
    Votes: rcid, country and country_code as unvotes writes them for that member
    on that day (`votes.unvotes_countries`: "Russia", RU; "Taiwan", TW for China's
    seat before 25 October 1971), so that the rows join unvotes' own by name and
    by code; a code that is no UN member's keeps the member's name and its ISO
    3166-1 alpha-2 code. vote: yes, abstain or no. As in unvotes, absent members
    have no row; nor do votes not known.
    """
    from .tables import members_of, short_name, voted_drafts

    council = project.council
    roll_calls, votes = [], []
    day, order = None, 0
    for draft in voted_drafts(project):
        order = order + 1 if draft.date == day else 1
        day = draft.date
        rcid = roll_call_id(draft.date, order)
        roll_calls.append({"rcid": rcid, "session": None, "importantvote": None, "date": draft.date.isoformat(),
                           "unres": draft.symbol or draft.id, "amend": 0, "para": 0, "short": short_name(draft),
                           "descr": draft.title})
        for code in members_of(draft, council):
            vote = draft.votes.get(code)
            if vote not in ("yes", "abstain", "no"):
                continue
            country, country_code = unvotes_country(code, draft.date) or _other_country(code, council)
            votes.append({"rcid": rcid, "country": country, "country_code": country_code, "vote": vote})
    return roll_calls, votes


def _other_country(code: str, council: Council) -> tuple[str, str]:
    """A code unvotes cannot know (no UN member's): the member's name, and its ISO alpha-2 code if any."""
    from iso3166 import countries_by_alpha3

    member = council.members.get(code)
    country = countries_by_alpha3.get(code)
    return (member.name if member else code), (country.alpha2 if country else "")


def undl_csv(project: Project, validation: Validation, sourced: list[Sourced] = ()) -> str:
    """`votes export --format undl`: every voted draft in the UNDL layout, as CSV text."""
    return csv_text(UNDL_COLUMNS, undl_rows(project, validation, sourced))


def unvotes_files(project: Project, validation: Validation) -> dict[str, str]:
    """`votes export --format unvotes`: the two CSV files by name, roll calls first."""
    roll_calls, votes = unvotes_tables(project, validation)
    return {UNVOTES_ROLL_CALLS_FILE: csv_text(UNVOTES_ROLL_CALLS, roll_calls),
            UNVOTES_VOTES_FILE: csv_text(UNVOTES_VOTES, votes)}
