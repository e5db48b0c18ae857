"""The tidy table of votes: one row per voted draft x seated member.

`vote_rows` builds it in plain Python (the export needs nothing more);
`votes_frame` gives the same rows as the pandas frame every analysis starts
from. Columns, documented once here and in docs/reference.md:

=========== ==============================================================
draft_id    the record's id
symbol      UN document symbol, empty when not known
date        date of the vote, YYYY-MM-DD
status      adopted | vetoed | failed (drafts never voted have no rows)
member      ISO 3166-1 alpha-3 code
member_name the member's UN name
permanent   true for the five permanent members
vote        yes | no | abstain | absent; empty (null) when unknown
basis       quoted | derived | sourced | unbacked; empty when the vote is unknown
=========== ==============================================================
"""

from __future__ import annotations

from .model import VOTES
from .project import Project
from .validate import Validation

#: The basis of a known vote: proved from a quote naming the member, through the rest of the Council,
#: imported from an official dataset (`votes import`), or backed by nothing.
BASES = ("quoted", "derived", "sourced", "unbacked")
COLUMNS = ("draft_id", "symbol", "date", "status", "member", "member_name", "permanent", "vote", "basis")


def voted_drafts(project: Project):
    """Drafts that came to a vote, oldest first (ties by id): the columns of every matrix."""
    drafts = [d for d in project.records.drafts if d.status not in (None, "not-voted") and d.date]
    return sorted(drafts, key=lambda d: (d.date, d.id))


def short_name(draft) -> str:
    """A draft's short name, its drafters and kind: "FRA/ESP draft", "RUS draft", "resolution"."""
    kind = "resolution" if draft.status == "adopted" else "draft"
    return f"{'/'.join(draft.drafted_by)} {kind}" if draft.drafted_by else kind


def members_of(draft, council) -> list[str]:
    """The members a draft's rows list: the seats of its year in council order, then any
    other member with a recorded vote (reported as not seated by validation)."""
    seats = council.seated(draft.year) if draft.year else None
    seats = seats or ()
    return list(seats) + [c for c in draft.votes if c not in seats]


def vote_columns(project: Project, validation: Validation) -> dict[str, list]:
    """The tidy table as columns: `COLUMNS` -> one list each, a value per voted draft x member seated
    that year, in a fixed order (`vote_rows` gives the same as rows)."""
    council = project.council
    columns: dict[str, list] = {name: [] for name in COLUMNS}
    draft_ids, symbols, dates, statuses = (columns[n] for n in ("draft_id", "symbol", "date", "status"))
    codes, names, permanents, votes, bases = (columns[n] for n in ("member", "member_name", "permanent", "vote",
                                                                   "basis"))
    for draft in voted_drafts(project):
        check = validation.draft(draft.id)
        members = members_of(draft, council)
        seated = len(members)
        draft_ids += [draft.id] * seated
        symbols += [draft.symbol or ""] * seated
        dates += [draft.date.isoformat()] * seated
        statuses += [draft.status] * seated
        for code in members:
            member = council.members.get(code)
            vote = draft.votes.get(code)
            codes.append(code)
            names.append(member.name if member else code)
            permanents.append(bool(member and member.permanent))
            votes.append(vote)
            bases.append((check.vote_basis(code) if check else "unbacked") if vote else None)
    return columns


def vote_rows(project: Project, validation: Validation) -> list[dict]:
    """One dict per voted draft x member seated that year, in a fixed order."""
    columns = vote_columns(project, validation)
    return [dict(zip(COLUMNS, values)) for values in zip(*columns.values())]


def votes_frame(project: Project, validation: Validation):
    """The tidy pandas frame: `vote` is categorical with the fixed levels, NaN when unknown."""
    import pandas as pd

    frame = pd.DataFrame(vote_columns(project, validation), columns=list(COLUMNS))
    frame["vote"] = pd.Categorical(frame["vote"], categories=list(VOTES))
    frame["basis"] = pd.Categorical(frame["basis"], categories=list(BASES))
    frame["date"] = pd.to_datetime(frame["date"])
    frame["permanent"] = frame["permanent"].astype(bool)
    return frame
