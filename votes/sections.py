"""What the report says: its sections, each a function from the analyses to Markdown lines.

`ReportParts` holds the analyses one report is rendered from; `report_markdown`
joins the sections in their order. The sections read the tidy frame, the
analyses and the validation's public results (`Validation.draft`,
`DraftCheck.evidence_for`, `anchor_line`, `vote_basis`), never the validator's
own tables. Markdown building itself is `votes.markdown`.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote as url_quote

from .charter import both_eras, number_word, quota, quota_words
from .markdown import UNDEFINED, code, joined, listing, md, number, plural, table, text_cell
from .model import Draft
from .project import Project
from .validate import Validation

REPORT_MD = "report.md"
TALLY_PNG = "tally.png"
VOTE_MATRIX_PNG = "vote-matrix.png"
AGREEMENT_PNG = "agreement.png"
VOTES_CSV = "votes.csv"
AGREEMENT_CSV = "agreement.csv"
AGREEMENT_DRAFTS_CSV = "agreement_drafts.csv"
#: Errors listed in the warning at the top of a report built from invalid data.
FIRST_PROBLEMS = 10
#: Wider matrices are left to the CSV files and charts: a Markdown table that wide cannot be read.
TABLE_MAX_COLUMNS = 30
DEFAULT_SEEDS_LINK = "../seeds"


@dataclass
class ReportParts:
    """The analyses one report is rendered from, and plain-Python views of them for rendering.

    frame: the tidy frame of every voted draft (imported ones included);
    sourced: the ids of imported drafts; include_sourced: whether agreement,
    blocs and cohesion (computed by the caller) count them.
    """

    project: Project
    validation: Validation
    frame: object  # tables.votes_frame
    seeds_link: str
    outcomes: object  # analysis.outcome_table
    matrix: object  # analysis.vote_matrix
    agreement: object
    shared: object
    blocs: list
    clustering: object
    cohesion: object
    stances: object
    pivots: list  # power.Pivots, one per voted draft
    sourced: frozenset
    include_sourced: bool

    def __post_init__(self):
        frame = self.frame
        self.drafts: dict[str, Draft] = {d.id: d for d in self.project.records.drafts}
        self.outcome_rows: list[dict] = records(self.outcomes.reset_index())
        #: quoted / derived / sourced / unbacked: how many known votes have each basis
        self.basis = Counter({"quoted": 0, "derived": 0, "sourced": 0, "unbacked": 0})
        # columns as lists once: iterating a pandas column costs twenty times as much
        draft_ids, members = frame["draft_id"].tolist(), frame["member"].tolist()
        votes = frame["vote"].to_numpy(dtype=object).tolist()
        self.basis.update(str(b) for b, v in zip(frame["basis"].to_numpy(dtype=object).tolist(), votes)
                          if isinstance(v, str))
        #: draft id -> [(member, vote or None)] for the members seated, in seat order
        self.seated: dict[str, list[tuple[str, str | None]]] = {}
        for draft_id, member, vote in zip(draft_ids, members, votes):
            self.seated.setdefault(draft_id, []).append((member, vote if isinstance(vote, str) else None))
        self._named: dict[str, str] = {}
        self._plain: dict[str, str] = {}
        self._hrefs: dict[str, str] = {}
        self._seed_names: dict[str, str] = {}

    def seed_href(self, seed: str) -> str:
        """The link to a seed from the report, its name quoted for a URL (once per seed)."""
        if seed not in self._hrefs:
            self._hrefs[seed] = f"{self.seeds_link}/{url_quote(seed.replace(chr(92), '/'))}"
        return self._hrefs[seed]

    def seed_name(self, seed: str) -> str:
        """A seed's name escaped for Markdown (once per seed)."""
        if seed not in self._seed_names:
            self._seed_names[seed] = md(seed)
        return self._seed_names[seed]

    def name(self, code: str) -> str:
        member = self.project.council.members.get(code)
        return member.name if member else code

    def plain_name(self, code: str) -> str:
        """The member's name, escaped for Markdown (once per member)."""
        if code not in self._plain:
            self._plain[code] = md(self.name(code))
        return self._plain[code]

    def named(self, code: str) -> str:
        """The member's name and code, escaped for Markdown."""
        if code not in self._named:
            self._named[code] = md(f"{self.name(code)} ({code})")
        return self._named[code]

    def header(self, draft_id: str) -> str:
        """A draft as table headers name it: symbol (or id), a line break, date."""
        draft = self.drafts[draft_id]
        return f"{md(draft.symbol or draft_id)}<br>{draft.date.isoformat()}"

    def permanent(self) -> list[str]:
        return [code for code, member in self.project.council.members.items() if member.permanent]


def records(frame) -> list[dict]:
    """The rows of a frame as dicts of plain values (pandas' own to_dict is slow on small frames)."""
    names = list(frame.columns)  # once: iterating a pandas index per row costs more than the rows
    columns = [frame[name].to_numpy(dtype=object).tolist() for name in names]
    return [dict(zip(names, values)) for values in zip(*columns)]


def report_markdown(parts: ReportParts, force: bool) -> str:
    """The whole report.md text: the sections in order, separated by blank lines."""
    lines: list[str] = []
    for section in (warning, head, outcomes, pivots, who_voted, agreement, blocs, cohesion, never_voted,
                    sources, evidence):
        block = section(parts, force)
        if block:
            lines += block + [""]
    return joined_lines(lines)


def joined_lines(lines: list[str]) -> str:
    """The lines as one text ending in exactly one newline: `"\\n".join(lines).rstrip("\\n") + "\\n"`,
    without copying the whole text twice more (at 30,000 drafts the report is 110 MB of text, and
    each copy of it cost half a second). The list is the caller's to give up: its end is trimmed
    in place."""
    while lines and not lines[-1].rstrip("\n"):
        lines.pop()
    if not lines:
        return "\n"
    lines[-1] = lines[-1].rstrip("\n")
    lines.append("")
    return "\n".join(lines)


def _anchor(draft_id: str, index: int) -> str:
    return f"ev-{draft_id}-{index}"


def _seed_href(parts: ReportParts, seed: str, line: int | None = None) -> str:
    href = parts.seed_href(seed)
    return f"{href}#L{line}" if line else href


def _symbol(row: dict) -> str:
    return md(text_cell(row["symbol"]) or row["draft_id"])


def _shown(path: str) -> str:
    """A path as the report shows it: never absolute, so reports do not depend on the machine."""
    return Path(path).name if Path(path).is_absolute() else Path(path).as_posix()


def tally_text(row: dict) -> str:
    """A draft's tally as the tables give it; a partial one says so and never reads as a whole tally."""
    if row["tally_from"] == "partial":
        known = [f"{row[level]} {level}" for level in ("yes", "no", "abstain") if row[level]]
        return f"partial: {', '.join(known) or 'none'} known, {row['unknown']} unknown"
    tally = f"{row['yes']}–{row['no']}–{row['abstain']}"
    return f"{tally} (counted)" if row["tally_from"] == "counted" else tally


# --- sections ------------------------------------------------------------------------------------

def warning(parts: ReportParts, force: bool) -> list[str]:
    errors = parts.validation.errors
    if not errors:
        return []
    how = " (`votes report --force`)" if force else ""
    lines = [
        "> [!WARNING]",
        f"> **This report was built from data that fails validation{how}: "
        f"{plural(len(errors), 'error')}, {plural(len(parts.validation.warnings), 'warning')}.** "
        "Tables and charts below may be wrong. Fix the errors and run `votes report` again.",
        ">",
        "> The errors:" if len(errors) <= FIRST_PROBLEMS else f"> The first {FIRST_PROBLEMS} of {len(errors)} "
        "errors:",
        ">",
    ]
    lines += [f"> - {code(problem.to_line())}" for problem in errors[:FIRST_PROBLEMS]]
    if len(errors) > FIRST_PROBLEMS:
        lines.append(f"> - and {len(errors) - FIRST_PROBLEMS} more; `votes validate` lists them all.")
    return lines


def head(parts: ReportParts, force: bool) -> list[str]:
    project, validation = parts.project, parts.validation
    statuses = Counter(row["status"] for row in parts.outcome_rows)
    never = sum(1 for d in project.records.drafts if d.status == "not-voted")
    basis = parts.basis
    recorded = basis["quoted"] + basis["derived"] + basis["unbacked"]
    lines = [
        "# Security Council votes",
        "",
        f"Built by `votes report` from {code(_shown(project.records.path))}, {code(_shown(project.council.path))} "
        f"and {plural(len(project.seeds), 'seed')} in {code(_shown(project.seeds_display))}. "
        "Every vote links to the quote that proves it in the [evidence](#evidence) section.",
        "",
        f"- **Drafts:** {plural(len(parts.outcome_rows), 'draft')} put to the vote ({statuses['adopted']} adopted, "
        f"{statuses['vetoed']} vetoed, {statuses['failed']} failed); {never} never put to the vote.",
        f"- **Votes recorded:** {recorded}: {basis['quoted']} quoted (the member is named in a backing "
        f"quote), {basis['derived']} derived (counted among the rest, not named), {basis['unbacked']} unbacked.",
    ]
    if parts.sourced:
        counted = "counted" if parts.include_sourced else "not counted"
        lines.append(f"- **Imported official votes:** {basis['sourced']} on {plural(len(parts.sourced), 'resolution')}"
                     f" (basis *sourced*, never proved against the seeds; [sources](#sources)); {counted} in "
                     "agreement, blocs and cohesion.")
    lines.append(f"- **Validation:** {plural(len(validation.errors), 'error')}, "
                 f"{plural(len(validation.warnings), 'warning')} ([details](#validation)).")
    vetoed = [row for row in reversed(parts.outcome_rows) if row["status"] == "vetoed"]
    if vetoed:
        items = [f"{_symbol(row)} ({row['date'].isoformat()}) by "
                 f"{joined([parts.name(c) for c in row['vetoed_by']]) or 'a member not recorded'}"
                 for row in vetoed[:TABLE_MAX_COLUMNS]]
        more = f"; and {len(vetoed) - TABLE_MAX_COLUMNS} earlier" if len(vetoed) > TABLE_MAX_COLUMNS else ""
        lines.append(f"- **Vetoed, newest first:** {'; '.join(items)}{more}.")
    if parts.blocs:
        found = "; ".join(listing([parts.plain_name(m) for m in bloc]) for bloc in parts.blocs)
        lines.append(f"- **Voted alike on every draft they share** ([blocs](#blocs)): {found}.")
    return lines


def outcomes(parts: ReportParts, force: bool) -> list[str]:
    lines = ["## Outcomes", ""]
    if not parts.outcome_rows:
        return lines + ["No draft has come to a vote."]
    rows = [[
        row["date"].isoformat(), md(text_cell(row["symbol"]) or UNDEFINED),
        f"[{row['draft_id']}](#draft-{row['draft_id']})", row["status"], tally_text(row),
        text_cell(row["outcome"]) or "not settled",
        listing([f"**{parts.named(c)}**" for c in row["vetoed_by"]]),
        listing([parts.named(c) for c in row["not_vetoes"]]),
    ] for row in parts.outcome_rows]
    lines += table(["Date", "Symbol", "Draft", "Status", "Yes–no–abstain", "Charter gives", "Vetoed by",
                    "Permanent no, not a veto"], rows)
    # a permanent no on an adopted draft: a procedural decision the rule in the note must except
    procedural = any(row["status"] == "adopted" and row["not_vetoes"] for row in parts.outcome_rows)
    years = _years(parts)
    needed = quota_words(years, "yes")
    # across both eras the number is given once, with the year the quota changed
    same, fewer = ("that many yes", "fewer yes") if both_eras(years) else (needed, f"fewer than {needed}")
    lines += [
        "",
        "*Yes–no–abstain* is the tally as recorded. Where votes are not known, only the votes known are "
        "given (*partial*), never as a tally: the true numbers may be higher. *Charter gives* is the outcome the "
        f"recorded votes settle ({needed} and no permanent no adopts; a permanent no on a draft with {same} is "
        f"a veto; {fewer} fails, and a permanent no is then no veto); *not settled* when unknown "
        "votes could change it." + (f" On a procedural decision (Article 27(2) of the Charter) {needed} adopt "
                                   "whoever votes no." if procedural else ""),
        "",
        f"![Tally of each draft against the {quota_words(years, 'votes')} needed to adopt]({TALLY_PNG})",
    ]
    return lines


def _years(parts: ReportParts) -> list[int]:
    """The year of every draft that came to a vote, for the Charter's numbers of its era."""
    return [row["date"].year for row in parts.outcome_rows]


def pivots(parts: ReportParts, force: bool) -> list[str]:
    from .power import COUNCIL_1946, COUNCIL_1966, council_rules, power_indices, yes_text

    lines = [
        "## Voting power and pivots",
        "",
        "Formal power of a seat under the Council's rule, as exact fractions: a draft is adopted by a coalition "
        "holding every permanent member and the quota of members (abstaining is not vetoing). *Shapley–Shubik*: "
        "the share of orderings of the members in which the member's vote makes the coalition winning. "
        "*Banzhaf*: the share of all swings (winning coalitions the member's leaving turns losing); "
        "*absolute Banzhaf*: swings over all coalitions of the other members.",
        "",
    ]
    rules = [(COUNCIL_1966, "since 1966"), (COUNCIL_1946, "1946–1965")]
    rules += [(rule, "seated in " + ", ".join(map(str, years))) for rule, years in council_rules(parts.project.council)
              if rule not in (COUNCIL_1966, COUNCIL_1946)]
    rows = []
    for rule, name in rules:
        power = power_indices(rule)
        for kind in ("permanent", "elected"):
            swings = getattr(power, f"swings_{kind}")
            rows.append([
                f"{name}: {rule.seats} seats, {rule.permanent} permanent, {rule.quota} votes" if kind == "permanent"
                else "", kind,
                *[f"{getattr(power, f'{index}_{kind}')} ≈ {float(getattr(power, f'{index}_{kind}')):.4f}"
                  for index in ("shapley", "banzhaf", "absolute")],
                f"{swings} of {power.coalitions:,}",
            ])
    lines += table(["Council", "Member", "Shapley–Shubik", "Banzhaf", "Absolute Banzhaf", "Swings"], rows)
    lines += ["", "Compositions of `council.yaml` equal to one of these rules are not repeated.", ""]
    if not parts.pivots:
        return lines + ["No draft has come to a vote."]
    lines += [
        "Pivots of each draft put to the vote. *Decisive*: a change of that member's vote alone would have "
        "turned adoption into rejection, or rejection into adoption. Where votes are not known nothing is guessed: "
        "every way of completing them that the recorded tally and outcome allow is considered, and only what holds "
        "in all of them is stated.",
        "",
    ]
    rows = []
    for p in parts.pivots:
        decisive = listing([parts.named(c) for c in p.decisive])
        if p.undetermined:
            decisive += f"; depends on votes not known: {len(p.undetermined)} members"
        rows.append([
            p.date.isoformat(), f"[{md(p.symbol or p.id)}](#draft-{p.id})", md(yes_text(p)), decisive,
            listing([f"**{parts.named(c)}**" for c in p.vetoes]),
            listing([parts.named(c) for c in p.would_be_vetoes + p.unsettled_vetoes]),
            str(len(p.unknown)) if p.unknown else UNDEFINED,
        ])
    lines += table(["Date", "Draft", "Yes votes", "Decisive", "Vetoes", "Permanent no, a veto had it reached "
                    "the quota", "Votes not known"], rows)
    return lines


def who_voted(parts: ReportParts, force: bool) -> list[str]:
    from .analysis import NOT_SEATED

    lines = ["## Who voted how", ""]
    if not parts.outcome_rows:
        return lines + ["No draft has come to a vote."]
    lines += [f"![Vote of each member on each draft, vetoes hatched]({VOTE_MATRIX_PNG})", ""]
    matrix = parts.matrix
    if matrix.shape[1] <= TABLE_MAX_COLUMNS:
        vetoed_by = dict(zip(parts.outcomes.index, parts.outcomes["vetoed_by"]))
        words = {"yes": "yes", "no": "no", "abstain": "abstain", "absent": "absent", NOT_SEATED: ""}
        drafts = list(matrix.columns)
        rows = []
        for member, votes in zip(matrix.index, matrix.to_numpy(dtype=object).tolist()):
            row = [parts.named(member)]
            for draft_id, vote in zip(drafts, votes):
                if not isinstance(vote, str):
                    row.append("?")
                elif vote == "no" and member in vetoed_by[draft_id]:
                    row.append("**VETO**")
                else:
                    row.append(words[vote])
            rows.append(row)
        lines += [
            *table(["Member", *[parts.header(d) for d in drafts]], rows),
            "",
            f"**VETO**: a permanent member's no on a draft with {quota_words(_years(parts), 'or more yes')}. "
            "?: the member sat but its vote "
            "is not known. Blank: not on the Council that year.",
            "",
        ]
    else:
        lines += [f"{matrix.shape[1]} drafts are too many for a table here: see the chart, the lists below "
                  f"and {VOTES_CSV}.", ""]
    lines += [f"As CSV, every seated member: [{VOTES_CSV}]({VOTES_CSV}) (members by code as rows, drafts by "
              f"id as columns; yes, no, abstain or absent; empty when not known; `{NOT_SEATED}`).", ""]
    return lines + _draft_by_draft(parts)


def _draft_by_draft(parts: ReportParts) -> list[str]:
    lines = ["### Draft by draft"]
    for row in parts.outcome_rows:
        draft_id = row["draft_id"]
        seated = parts.seated.get(draft_id, [])
        verdict = (text_cell(row["status"]) or "no status").capitalize()
        if row["vetoed_by"]:
            verdict += " by " + joined([parts.name(c) for c in row["vetoed_by"]])
        lines += [
            "",
            f"**{row['date'].isoformat()} · {_symbol(row)}: {md(parts.drafts[draft_id].title)}**",
            "",
            f"{md(verdict)}. {_count_sentence(row)} [Evidence](#draft-{draft_id}).",
            "",
        ]
        for level in ("yes", "no", "abstain", "absent"):
            members = [m for m, vote in seated if vote == level]
            if members or level != "absent":
                named = [parts.plain_name(m) + (" (**veto**)" if m in row["vetoed_by"] else "") for m in members]
                lines.append(f"- {level.capitalize()} ({len(members)}{' known' if row['unknown'] else ''}): "
                             f"{listing(named)}")
        unknown = [m for m, vote in seated if vote is None]
        if unknown:
            lines.append(f"- Not known ({len(unknown)}): {', '.join(unknown)}")
        if row["not_vetoes"]:
            why = "the decision was procedural" if row["status"] == "adopted" else \
                f"the draft failed for want of {number_word(quota(row['date'].year))} yes votes"
            one = len(row["not_vetoes"]) == 1
            lines.append(f"- {joined([parts.name(c) for c in row['not_vetoes']])} voted no as "
                         f"{'a permanent member' if one else 'permanent members'}, but {why}: not a veto.")
    return lines


def _count_sentence(row: dict) -> str:
    """The votes of one draft in a sentence: its tally, or what is known of it."""
    if row["tally_from"] == "partial":
        return f"The votes are known in part ({tally_text(row).removeprefix('partial: ')})."
    return f"Yes–no–abstain: {tally_text(row)}."


def _counted_in(parts: ReportParts) -> list[str]:
    if not parts.sourced:
        return []
    if parts.include_sourced:
        return ["", "Imported official votes (basis *sourced*) are counted here (`votes report --include-sourced`)."]
    return ["", "Only the hand-checked records are counted here; `votes report --include-sourced` adds the "
                f"{plural(len(parts.sourced), 'imported resolution')}."]


def agreement(parts: ReportParts, force: bool) -> list[str]:
    agreement_, shared = parts.agreement, parts.shared
    lines = [
        "## Agreement",
        "",
        "Lijphart's index for each pair, over the drafts on which both votes are known: the same vote scores 1, "
        "one abstaining while the other votes yes or no scores ½, yes against no scores 0. In brackets, the "
        "number of drafts it rests on; – where the pair shares none. Absent and unknown votes never count.",
        *_counted_in(parts),
        "",
    ]
    if len(agreement_) < 2:
        return lines + ["Agreement needs two members with known votes."]
    lines += [f"![Agreement matrix in dendrogram order, with its dendrogram]({AGREEMENT_PNG})", ""]
    codes = list(agreement_.index)
    if len(codes) <= TABLE_MAX_COLUMNS:
        values, counts = agreement_.to_numpy().tolist(), shared.to_numpy().tolist()
        rows = [[parts.named(a), *[f"{number(v)} ({c})" for v, c in zip(values[i], counts[i])]]
                for i, a in enumerate(codes)]
        lines += table(["Member", *codes], rows, "l" + "r" * len(codes)) + [""]
    else:
        lines += [f"{len(codes)} members are too many for a table here: see the chart and the CSV files.", ""]
    lines += [f"As CSV: [{AGREEMENT_CSV}]({AGREEMENT_CSV}) (the index, two decimals, empty where undefined) "
              f"and [{AGREEMENT_DRAFTS_CSV}]({AGREEMENT_DRAFTS_CSV}) (the drafts each index rests on)."]
    return lines


def blocs(parts: ReportParts, force: bool) -> list[str]:
    from .analysis import IDENTICAL_MIN_DRAFTS

    clustering = parts.clustering
    lines = [
        "## Blocs",
        "",
        "### Identical voting profiles",
        "",
        "Members who cast the same vote on every draft on which both votes are known, over at least "
        f"{IDENTICAL_MIN_DRAFTS} such drafts; a bloc joins members linked by such pairs.",
        *_counted_in(parts),
        "",
    ]
    for bloc in parts.blocs:
        counts = [int(parts.shared.at[a, b]) for i, a in enumerate(bloc) for b in bloc[i + 1:]
                  if parts.agreement.at[a, b] == 1.0 and parts.shared.at[a, b] >= IDENTICAL_MIN_DRAFTS]
        low, high = min(counts), max(counts)
        span = f"{low}" if low == high else f"{low} to {high}"
        lines.append(f"- {listing([parts.plain_name(m) for m in bloc])}: {len(bloc)} members; "
                     f"each identical pair rests on {span} drafts")
    if not parts.blocs:
        lines.append(f"No two members voted identically over {IDENTICAL_MIN_DRAFTS} or more shared drafts.")
    pairs = len(clustering.members) * (len(clustering.members) - 1) // 2
    unlinked = (f" Clusters whose members never voted on a common draft are joined only above the scale "
                f"({plural(clustering.unlinked, 'such join')}, drawn dotted in the chart), never in one cluster."
                if clustering.unlinked else "")
    lines += [
        "",
        "### Clusters",
        "",
        "Average-linkage clustering (UPGMA: Sokal and Michener 1958) on the distance 1 − agreement, over shared "
        "votes only. The distance between two clusters is 1 minus Lijphart's index pooled over every draft on "
        "which a member of one and a member of the other both voted, so that each shared vote counts once and a "
        "pair that sat together for one draft weighs less than a pair that sat together for many. Pairs that "
        f"never voted on a common draft ({clustering.unshared} of {plural(pairs, 'pair')} here) are left out, as "
        "Gower's general coefficient of "
        "similarity (1971) leaves out the comparisons that cannot be made: they count neither as agreement nor "
        "as disagreement, so members who agree on every draft they shared are never split because of drafts "
        "one of them did not vote on (they can still be split where one of them disagrees, on drafts it voted "
        "on, with members the other is clustered with). With every pair on the same drafts this is plain "
        f"average linkage. Cut at {clustering.cut:.2f}: members in one cluster agree, on average over their "
        f"shared votes, at least {1 - clustering.cut:.0%} of the time.{unlinked} Ties are broken in the order "
        "of the agreement table. Members with no known vote are left out. In the chart each cluster has its own "
        "colour and line style.",
        "",
        "Sources: R. R. Sokal and C. D. Michener, “A statistical method for evaluating systematic relationships”, "
        "*University of Kansas Science Bulletin* 38 (1958): 1409–1438; J. C. Gower, “A general coefficient of "
        "similarity and some of its properties”, *Biometrics* 27 (1971): 857–871.",
        "",
    ]
    groups = [c for c in clustering.clusters if len(c) > 1]
    alone = [c[0] for c in clustering.clusters if len(c) == 1]
    lines += [f"{i}. {listing([parts.plain_name(m) for m in group])}" for i, group in enumerate(groups, 1)]
    if alone:
        lines += ["", f"On their own: {listing([parts.plain_name(m) for m in alone])}."]
    return lines


def cohesion(parts: ReportParts, force: bool) -> list[str]:
    cohesion_ = parts.cohesion
    lines = [
        "## Cohesion of groups",
        "",
        "Each group of `council.yaml`, intersected with the members seated for the draft. Each cell gives the "
        "**Rice index** |Y − N| / (Y + N), 1 when the group votes one way and 0 when it splits evenly; then "
        "the **agreement index** of Hix, Noury and Roland, (max(Y, N, A) − ½ (Y + N + A − max)) / (Y + N + A), "
        "1 when all vote alike and 0 when they split evenly three ways; then, in brackets, how many of the "
        "group's seated members have a known vote. – where an index is undefined (no yes or no; no known "
        "vote); a blank cell: none of the group sat on the Council that year.",
        *_counted_in(parts),
        "",
    ]
    if cohesion_.empty:
        return lines + ["No group had a member seated for a voted draft."]
    columns = {name: cohesion_[name].tolist() for name in ("draft_id", "group", "rice", "agreement", "known",
                                                           "seated")}
    groups = list(dict.fromkeys(columns["group"]))
    # each cell's text, written once, by draft and group
    cells = {(draft_id, group): f"{number(rice)} · {number(agreement)} ({known}/{seated})"
             for draft_id, group, rice, agreement, known, seated in zip(*columns.values())}
    counted = set(columns["draft_id"])
    rows = []
    for row in parts.outcome_rows:
        draft_id = row["draft_id"]
        if draft_id not in counted:
            continue
        rows.append([f"{row['date'].isoformat()} {_symbol(row)}", *[cells.get((draft_id, g), "") for g in groups]])
    return lines + table(["Draft", *[md(g) for g in groups]], rows, "l" + "r" * len(groups))


def never_voted(parts: ReportParts, force: bool) -> list[str]:
    lines = ["## Drafts never put to the vote", ""]
    if parts.stances.empty:
        return lines + ["None recorded."]
    by_draft: dict[str, list[dict]] = {}
    for record in records(parts.stances):
        by_draft.setdefault(record["draft_id"], []).append(record)
    rows = []
    for draft_id, named in by_draft.items():
        first = named[0]
        drafters = [parts.named(r["member"]) for r in named if r["drafter"]]
        stated = [f"{parts.named(r['member'])}: {r['stance']}" for r in named if text_cell(r["stance"])]
        rows.append([first["date"].isoformat() if first["date"] else UNDEFINED, f"[{draft_id}](#draft-{draft_id})",
                     md(first["title"]), listing(drafters), listing(stated)])
    return lines + table(["Date", "Draft", "Title", "Drafted by", "Stances stated"], rows)


def sources(parts: ReportParts, force: bool) -> list[str]:
    project, validation = parts.project, parts.validation
    entries = project.manifest.entries if project.manifest else {}
    rows = []
    for name, seed in project.seeds.items():
        entry = entries.get(name)
        rows.append([
            f"[{md(name)}]({_seed_href(parts, name)})",
            md(entry.outlet) if entry and entry.outlet else UNDEFINED,
            md(entry.title) if entry and entry.title else UNDEFINED,
            md(entry.covers) if entry and entry.covers else UNDEFINED,
            code(seed.sha256),
        ])
    coverage, basis = validation.coverage, parts.basis
    lines = ["## Sources", "", "The seeds, as received; SHA-256 of the bytes read. Outlet, title and dates "
             "covered are from the seeds' manifest.", ""]
    lines += table(["Seed", "Outlet", "Title", "Covers", "SHA-256"], rows) if rows else ["No seeds."]
    if parts.sourced:
        imported: dict[str, list[str]] = {}
        for draft_id in sorted(parts.sourced, key=lambda d: (parts.drafts[d].date, d)):
            draft = parts.drafts[draft_id]
            for ev in draft.evidence:
                if ev.source is not None:
                    imported.setdefault(ev.source, []).append(f"[{md(draft.symbol or draft_id)}](#draft-{draft_id})")
        lines += ["", "Official votes imported with `votes import` (basis *sourced*: taken as published, never "
                  "proved against the seeds), by the source named for them:", ""]
        lines += table(["Source", "Resolutions"], [[md(source), ", ".join(items)] for source, items in imported.items()])
    lines += [
        "",
        "## Validation",
        "",
        f"- {plural(len(validation.errors), 'error')}, {plural(len(validation.warnings), 'warning')}.",
        f"- Coverage: {plural(coverage.sentences, 'seed sentence')} report a Council vote, veto or draft: "
        f"{coverage.cited} cited by a record, {coverage.ignored} ignored with a reason, {coverage.reprinted} "
        f"reprints of a cited or ignored sentence, "
        + (f"{plural(coverage.restated, 'headline')} restating a record citing its article, "
           if getattr(coverage, "restated", 0) else "")
        + f"{coverage.uncovered} accounted for by nothing."
        if getattr(coverage, "checked", True) else
        "- Coverage: not checked, because the records file has errors.",
        f"- Basis of the {basis['quoted'] + basis['derived'] + basis['unbacked']} recorded votes: {basis['quoted']} "
        f"quoted, {basis['derived']} derived, {basis['unbacked']} unbacked"
        + (f"; and {basis['sourced']} imported votes, sourced." if parts.sourced else "."),
    ]
    if validation.problems:
        lines += ["", "```text", *[p.to_line().replace("```", "'''") for p in validation.problems], "```"]
    return lines


def evidence(parts: ReportParts, force: bool) -> list[str]:
    lines = ["## Evidence", "",
             "Each recorded vote with its basis and the evidence backing it; each piece of evidence with the "
             "seed line it stands on. Evidence numbers are the record's `evidence[i]`."]
    voted = [row["draft_id"] for row in parts.outcome_rows]
    listed = set(voted)  # once: built per draft, it made the appendix quadratic (27 s at 30,000 drafts)
    rest = sorted((d for d in parts.project.records.drafts if d.id not in listed),
                  key=lambda d: (d.date is None, d.date.isoformat() if d.date else "", d.id))
    for draft_id in voted + [d.id for d in rest]:
        lines += [""] + _draft_evidence(parts, parts.drafts[draft_id])
    return lines


def _draft_evidence(parts: ReportParts, draft: Draft) -> list[str]:
    check = parts.validation.draft(draft.id)
    evidence_ = {ev.index: ev for ev in draft.evidence}
    date = draft.date.isoformat() if draft.date else "no date"
    title = " · ".join(md(x) for x in (draft.symbol, date, draft.status) if x)
    lines = [f'<a id="draft-{draft.id}"></a>', "", f"### {draft.id}", "", f"{title}: {md(draft.title)}", ""]

    # each piece of evidence is cited by many votes: its link and seed line are written once
    places: dict[int, str] = {}
    for ev in draft.evidence:
        if ev.seed is not None:
            line = check.anchor_line(ev.index) if check else None
            seed = parts.seed_name(ev.seed)
            places[ev.index] = (f"not found in [{seed}]({parts.seed_href(ev.seed)})" if line is None
                                else f"[{seed}:{line}]({parts.seed_href(ev.seed)}#L{line})")

    if draft.votes:
        vetoed_by = check.vetoed_by if check else ()
        cites: dict[int, str] = {}
        rows = []
        for member, vote in draft.votes.items():
            cited = []
            for index in (check.evidence_for(f"votes.{member}") if check else ()):
                if index not in cites:
                    link = f"[#{index}](#{_anchor(draft.id, index)})"
                    cites[index] = f"{link} {places[index]}" if evidence_[index].seed is not None else link
                cited.append(cites[index])
            rows.append([parts.named(member), "**no (veto)**" if member in vetoed_by else vote,
                         check.vote_basis(member) if check else "unbacked", "<br>".join(cited) or "no evidence"])
        lines += table(["Member", "Vote", "Basis", "Evidence"], rows) + [""]
    for ev in draft.evidence:
        proved = [p for p in ev.supports if check and ev.index in check.evidence_for(p)]
        unproved = [p for p in ev.supports if p not in proved]
        item = f'- <a id="{_anchor(draft.id, ev.index)}"></a>**#{ev.index}** '
        if ev.source is not None:
            item += f"source: {md(ev.source)}"
        else:
            item += f"“{md(ev.quote or '')}” — {places[ev.index]}"
        if proved:
            item += f" · backs {', '.join(proved)}"
        if unproved:
            item += f" · cited for {', '.join(unproved)}, **not proved**"
        lines.append(item)
    return lines
