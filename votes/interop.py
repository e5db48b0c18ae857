"""The official layouts: every voted draft in the UN Digital Library's Security Council
voting-data layout and in the two tidy tables of the unvotes package, so the records can be
appended to those datasets. Imported resolutions (votes.sourced) are written as they were read.
The layouts and their sources are documented in docs/reference.md ("Official layouts").
"""

from __future__ import annotations

import csv
import datetime as dt
import io

from .model import TALLY_KEYS, Council, Draft
from .project import Project
from .sourced import UNDL_COLUMNS, UNDL_LETTERS, Sourced, sourced_id
from .unvotes_countries import unvotes_country
from .validate import DraftCheck, Validation

#: unvotes (dgrtwo/unvotes, R/data.R and data-raw/un-data.R): one row per roll call, one per country's vote.
UNVOTES_ROLL_CALLS = ("rcid", "session", "importantvote", "date", "unres", "amend", "para", "short", "descr")
UNVOTES_VOTES = ("rcid", "country", "country_code", "vote")
UNVOTES_ROLL_CALLS_FILE = "un_roll_calls.csv"
UNVOTES_VOTES_FILE = "un_votes.csv"


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
