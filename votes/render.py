"""Text forms of library results for the terminal: problem lists, a draft, added seeds.

Kept apart from the CLI so that notebooks and tests get the same text; the
CLI only chooses which to print.
"""

from __future__ import annotations

import functools
import re

from .charter import not_a_veto_text
from .checks import coverage as coverage_check
from .facts import SOURCED
from .project import Project
from .tables import COLUMNS, members_of
from .validate import Validation


#: What acts on a terminal instead of printing: C0 and C1 control characters, DEL, and the
#: bidirectional controls that reorder what is shown. Tab and (where kept) line feed print.
_CONTROLS = "\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029"
#: ... of which JSON may carry these raw (it escapes the C0 controls itself).
_JSON_RAW = "\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029"
_SHORT = {"\n": "\\n", "\r": "\\r", "\x1b": "\\x1b"}


@functools.lru_cache(maxsize=None)
def _pattern(chars: str) -> re.Pattern:
    return re.compile(f"[{chars}]")  # compiled on first need: most runs print only plain text


def _escape_char(match: re.Match) -> str:
    char = match.group()
    if char in _SHORT:
        return _SHORT[char]
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str, *, newlines: bool = False) -> str:
    """Text safe to print on a terminal: control characters written as escapes (`\\x1b`, `\\r`,
    `\\u202e`), so a value or a file name can neither move the cursor, recolour, rewrite a line
    nor reorder it. newlines: keep line feeds (multi-line text), else write them `\\n`."""
    if text.isprintable():  # C speed; false for tabs, line feeds and non-breaking spaces too
        return text
    return _pattern(_CONTROLS if newlines else _CONTROLS + "\n").sub(_escape_char, text)


def json_text(data, *, ascii: bool = False, indent: int | None = None) -> str:
    """JSON with non-ASCII text kept readable, but every control character escaped (json already
    escapes C0; C1, DEL and bidirectional controls are escaped here), so it is safe on a terminal."""
    import json

    text = json.dumps(data, ensure_ascii=ascii, indent=indent)
    if text.isascii():
        return text
    return _pattern(_JSON_RAW).sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def problems_text(validation: Validation) -> str:
    """One problem per line, then its indented hint, then a summary line."""
    return problem_lines(validation.problems) + summary_line(validation) + "\n"


def problem_lines(problems) -> str:
    """Each problem on its line, then its hint and any entries to paste, indented."""
    lines = []
    for problem in problems:
        lines.append(visible(problem.to_line()))
        if problem.hint:
            lines.append(f"    hint: {visible(problem.hint)}")
        for where, stub in (problem.stubs or {}).items():
            lines.append(f"    {where + ':':<9} {visible(stub)}")
        if problem.folded:
            lines.append(f"    {folded_note(problem)}")
    return "".join(line + "\n" for line in lines)


def folded_note(problem) -> str:
    """'and 12 more problems that follow from it ...': the problems folded into a root cause."""
    count = len(problem.folded)
    return (f"and {count} more problem{'s' * (count != 1)} that follow{'s' * (count == 1)} from it "
            "(`votes validate --format json` lists them)")


def _count(number: int, word: str) -> str:
    return f"{number} {word}{'s' * (number != 1)}"


def problem_count(validation) -> str:
    """'2 errors and 1 warning', '3 warnings': what a command that carries on says of the problems."""
    errors, warnings = len(validation.errors), len(validation.warnings)
    if errors and warnings:
        return f"{_count(errors, 'error')} and {_count(warnings, 'warning')}"
    return _count(errors, "error") if errors else _count(warnings, "warning")


def summary_line(validation: Validation) -> str:
    cov = validation.coverage
    errors, warnings = len(validation.errors), len(validation.warnings)
    if not cov.checked:
        return (f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}; "
                "seed coverage not checked until the records file loads without errors" + _not_checked(validation))
    return (f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)} "
            f"in {len(validation.drafts)} draft{'s' * (len(validation.drafts) != 1)}; "
            f"{cov.sentences} vote sentences in the seeds: "
            f"{cov.cited} cited, {cov.ignored} ignored, {cov.reprinted} reprinted, "
            + (f"{cov.restated} headline{'s' * (cov.restated != 1)} restating a record, " if cov.restated else "")
            + f"{cov.uncovered} uncovered"
            + _not_checked(validation))


def _not_checked(validation) -> str:
    """'; until data/council.yaml loads without errors, not checked: support, consistency', for each file
    that kept checks from running (coverage stopped by the records file is said before)."""
    by_file: dict[str, list[str]] = {}
    for name, path in validation.stopped:
        if not (name == coverage_check.NAME and not validation.coverage.checked):
            by_file.setdefault(path, []).append(name)
    return "".join(f"; until {path} loads without errors, not checked: {', '.join(names)}"
                   for path, names in by_file.items())


def problems_json(validation: Validation) -> str:
    return json_text(validation.to_dict(), indent=2) + "\n"


def github_data(text: str) -> str:
    """A workflow command's message, escaped as GitHub's runner reads it (actions/toolkit):
    `%`, CR and LF as %25, %0D, %0A; other control characters made visible."""
    return visible(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def github_property(text: str) -> str:
    """A workflow command's property value (file, title): as data, and `:` and `,` as %3A and %2C,
    so that no value can end the property list or start a new property."""
    return github_data(text).replace(":", "%3A").replace(",", "%2C")


def problems_github(validation: Validation) -> str:
    """GitHub workflow commands, so problems show as annotations on the changed lines.

    Every value is escaped, so no file name or text in the data can end the command
    early or start another: each problem is exactly one `::error` or `::warning` line.
    """
    lines = []
    for p in validation.problems:
        message = p.message + (f" ({p.hint})" if p.hint else "") + (f"; {folded_note(p)}" if p.folded else "")
        where = p.where()
        title = f"{p.code}: {where}" if where else p.code
        lines.append(f"::{p.severity} file={github_property(p.path)},line={int(p.line)},col={int(p.col)},"
                     f"title={github_property(title)}::{github_data(message)}")
    return "\n".join(lines) + ("\n" if lines else "")


def rows_csv(rows: list[dict]) -> str:
    import csv
    import io

    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(COLUMNS), lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({**row, "permanent": "true" if row["permanent"] else "false",
                         "vote": row["vote"] or "", "basis": row["basis"] or ""})
    return buffer.getvalue()


def rows_json(rows: list[dict]) -> str:
    return json_text(rows, indent=2) + "\n"


def draft_data(project: Project, validation: Validation, draft_id: str) -> dict:
    """Everything known of one draft, as plain data (the JSON of `votes show`)."""
    draft = project.records.draft(draft_id)
    check = validation.drafts[draft_id]
    council = project.council
    votes = []
    if draft.status != "not-voted":
        for code in members_of(draft, council):
            vote = draft.votes.get(code)
            votes.append({
                "member": code,
                "member_name": council.members[code].name if code in council.members else code,
                "permanent": council.is_permanent(code),
                "vote": vote,
                "basis": check.vote_basis(code) if vote else None,
                "evidence": check.backing.get(f"votes.{code}", []),
            })
    evidence = []
    for ev in draft.evidence:
        anchor = check.anchors.get(ev.index)
        evidence.append({
            "index": ev.index,
            "seed": ev.seed,
            "line": anchor.line if anchor else None,
            "quote": ev.quote,
            "source": ev.source,
            "supports": list(ev.supports),
        })
    return {
        "id": draft.id,
        "imported_from": imported_from(draft, check),
        "symbol": draft.symbol,
        "meeting": draft.meeting,
        "title": draft.title,
        "date": draft.date.isoformat() if draft.date else None,
        "status": draft.status,
        "procedural": draft.procedural,
        "charter_outcome": check.outcome,
        "charter_possible": list(check.possible),
        "drafted_by": list(draft.drafted_by),
        "tally": draft.tally,
        "vetoed_by": list(check.vetoed_by),
        "permanent_no_not_veto": list(check.not_vetoes),
        "votes": votes,
        "positions": [{"member": c, "stance": s, "basis": check.basis.get(f"positions.{c}")}
                      for c, s in draft.positions.items()],
        "facts": dict(check.basis),
        "evidence": evidence,
        "notes": draft.notes,
        "problems": [p.to_dict() for p in validation.problems if p.draft == draft_id],
    }


def imported_from(draft, check) -> str | None:
    """The source an imported (sourced) resolution was read from, or None for a hand-checked record.

    An imported resolution has every fact sourced, its status too; a hand-checked record's status
    is always proved from the seeds (outside sources back only its symbol, meeting and date)."""
    if check is None or check.basis.get("status") != SOURCED:
        return None
    return next((ev.source for ev in draft.evidence if ev.source is not None), None)


def draft_text(project: Project, validation: Validation, draft_id: str) -> str:
    """A draft as a researcher reads it: header, outcome, votes with basis, evidence; an imported
    resolution marked as sourced, with the source it was imported from."""
    data = draft_data(project, validation, draft_id)
    draft_year = project.records.draft(draft_id).year
    names = {c: m.name for c, m in project.council.members.items()}
    out = [data["id"] + "".join(f"  {data[k]}" for k in ("symbol", "meeting") if data[k])]
    out.append(data["title"])
    if data["imported_from"] is not None:
        out.append(f"sourced: official votes imported from {data['imported_from']} (votes import); "
                   "never proved against the seeds")
    if data["charter_outcome"]:
        charter = f" (the Charter gives: {data['charter_outcome']})"
    elif data["charter_possible"]:
        charter = f" (the votes known leave possible: {' or '.join(data['charter_possible'])})"
    else:
        charter = ""
    kind = " (a procedural decision)" if data["procedural"] else ""
    out.append(f"date {data['date']}   status {data['status']}{kind}{charter}")
    if data["drafted_by"]:
        out.append("drafted by " + ", ".join(names.get(c, c) for c in data["drafted_by"]))
    if data["tally"]:
        out.append("tally " + ", ".join(f"{n} {k}" for k, n in data["tally"].items()))
    if data["vetoed_by"]:
        out.append("vetoed by " + ", ".join(names.get(c, c) for c in data["vetoed_by"]))
    if data["permanent_no_not_veto"]:
        out.append(f"permanent no, not a veto ({not_a_veto_text(draft_year, data['status'])}): "
                   + ", ".join(names.get(c, c) for c in data["permanent_no_not_veto"]))
    if data["votes"]:
        out += ["", "votes"]
        width = max(len(v["member_name"]) for v in data["votes"])
        for v in data["votes"]:
            cited = ", ".join(f"[{i}]" for i in v["evidence"])
            out.append(f"  {v['member']}  {v['member_name']:<{width}}  {v['vote'] or 'unknown':<8} "
                       f"{v['basis'] or '':<9} {cited}".rstrip())
    if data["positions"]:
        out += ["", "positions"]
        for p in data["positions"]:
            out.append(f"  {p['member']}  {p['stance']:<8} {p['basis'] or ''}".rstrip())
    out += ["", "evidence"]
    for ev in data["evidence"]:
        supports = ", ".join(ev["supports"])
        if ev["source"] is not None:
            out.append(f"  [{ev['index']}] source: {ev['source']}")
        else:
            where = f"{project.seed_display(ev['seed'])}:{ev['line']}" if ev["line"] else f"{ev['seed']} (not found)"
            out.append(f"  [{ev['index']}] {where}")
            out.append(f"      \u201c{ev['quote']}\u201d")
        out.append(f"      supports {supports}")
    if data["notes"]:
        out += ["", "notes", f"  {data['notes']}"]
    if data["problems"]:
        out += ["", "problems"] + [f"  {p['severity']}[{p['code']}] {p['field'] or ''}: {p['message']}"
                                   for p in data["problems"]]
    return visible("\n".join(out), newlines=True) + "\n"



def added_text(added, seeds_display: str, uncovered: dict[str, int] | None = None) -> str:
    """What `votes add` did: each seed's new name, where it came from and what its text tells."""
    from .articles import url_date

    lines = []
    for seed in added:
        lines.append(f"added {seeds_display}/{seed.name} from {seed.source.as_posix()}")
        facts = seed.facts
        from_url = None if facts.published else url_date(seed.url)
        told = [f"outlet {facts.outlet}" if facts.outlet else "no outlet found",
                f"title {facts.title!r}" if facts.title else "no headline found",
                f"published {facts.published.isoformat()}" if facts.published else
                f"dated {from_url.isoformat()} by its URL" if from_url else "no date found"]
        lines.append("    " + "; ".join(told))
        if uncovered is not None and uncovered.get(seed.name):
            count = uncovered[seed.name]
            lines.append(f"    {count} sentence{'s' * (count != 1)} report{'s' * (count == 1)} a vote, veto or "
                         f"draft that no record cites yet: `votes suggest {seed.name}` proposes records for them")
    return "\n".join(lines) + "\n"


def readings_text(project: Project, name: str, readings) -> str:
    """Each sentence with its line, then what the reader finds in it: assertion, mode, the words, and
    the rule of the table (docs/grammar.md) that read them."""
    seed = project.seeds[name]
    lines = []
    for reading in readings:
        where = f"{project.seed_display(name)}:{seed.line_of(reading.start)}:{seed.col_of(reading.start)}"
        lines.append(f"{where}  {reading.text}")
        if not reading.assertions:
            lines.append("    (no vote statement)")
        for a in reading.assertions:
            rule = f"  ({a.rule})" if a.rule else ""
            lines.append(f"    {a.describe():<56} {seed.text[a.start:a.end].replace(chr(10), ' ')!r}{rule}")
        if reading.plural:
            lines.append("    (speaks of several votes: may back more than one draft)")
    if not readings:
        lines.append("no vote statements found")
    return "\n".join(lines) + "\n"


def readings_json(project: Project, name: str, readings) -> str:
    import json

    seed = project.seeds[name]
    data = [{
        "seed": name, "line": seed.line_of(r.start), "col": seed.col_of(r.start), "sentence": r.text,
        "plural": r.plural,
        "assertions": [{
            "kind": a.kind, "members": list(a.members), "vote": a.vote, "count": a.count, "all_but": a.all_but,
            "except": list(a.except_), "outcome": a.outcome, "stance": a.stance, "mode": a.mode,
            "speaker": a.speaker, "about": _about_json(a.text),
            "exhaustive": a.exhaustive, "weak": a.weak, "line": seed.line_of(a.start), "text": seed.text[a.start:a.end],
            "rule": a.rule,
        } for a in r.assertions],
    } for r in readings]
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def appended_text(out, path: str) -> str:
    """What `votes suggest --append` prints once it has written the suggestion."""
    parts = []
    if out.proposals:
        parts.append(f"{len(out.proposals)} unreviewed record(s)")
    if out.additions:
        parts.append(f"evidence for {len(out.additions)} record(s) already there "
                     f"({', '.join(a.draft.id for a in out.additions)})")
    parts.append(f"{len(out.ignores)} ignore entr{'y' if len(out.ignores) == 1 else 'ies'}")
    return (f"appended {', '.join(parts[:-1])} and {parts[-1]} to {path}: review the TODO comments, then run "
            "`votes validate --strict`")


def _about_json(ref) -> dict | None:
    """Which draft an assertion is about, for `votes read --json`."""
    if ref is None:
        return None
    if not ref.named:  # a side of a sentence that speaks of a second, unnamed draft
        return {"side": ref.side, "outcome": ref.outcome}
    return {"drafters": sorted(ref.drafters), "symbol": ref.symbol}
