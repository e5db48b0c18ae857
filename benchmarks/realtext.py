"""The yardstick of the statement reader on real vote reports (issue 15).

    python benchmarks/realtext.py DIR [--council PATH] [--official CSV] [--json] [--save FILE] [--jobs N]
                                      [--rules CSV]

DIR holds one case per report: `<case>.txt`, the report's text as received, and `<case>.yaml`,
the records a careful researcher writes from that report alone (`drafts:` and `ignore:`, with
evidence naming the seed `<case>.txt`) plus an `article:` mapping (url, outlet, published) that
is taken off before anything is validated. The layout is described in benchmarks/README.md.

Each case becomes a throwaway project: the text as its only seed (listed in the manifest with
its published date and outlet), the council file, and a records file. The real `votes` command
runs on it, as a user would run it:

- `votes suggest` on an empty project: its proposals are matched with the case's drafts and
  scored (member votes right, wrong, missing, against the correct record and against the
  official votes; status, tally and date right; records invented; drafts merged into one
  proposal; proposals that do not validate);
- `votes validate --strict` on the correct records: every problem is a false error;
- `votes validate --strict` on wrong records made from the correct ones (a cited vote changed to
  each other level, two cited votes swapped, the status changed, a cited tally count moved by
  one, evidence copied to another draft of the case, a drafter replaced by a member who voted
  against or abstained): a wrong record that passes is accepted.

The correct records are first checked against the official votes (`--official`, default
benchmarks/official_votes.csv): a record that disagrees with the UN record is reported as a
truth error, since the yardstick would then measure the wrong thing. Nothing is timed here.

`--rules CSV` also writes, for every rule of the reader's table, how many sentences of the
folder's reports it reads (`rule,sentences`): counts only, no text. benchmarks/rules_seen.csv is
that file for the development folder; tests/test_rules.py checks from it that most of the
corpus is made of shapes seen in real reports.
"""

from __future__ import annotations

import argparse
import csv
import functools
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from copy import deepcopy
from dataclasses import dataclass, field
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
OFFICIAL = HERE / "official_votes.csv"
_SCRIPT = Path(sys.executable).parent / "votes"
VOTES = [str(_SCRIPT)] if _SCRIPT.exists() else [sys.executable, "-m", "votes"]
LEVELS = ("yes", "no", "abstain", "absent")
TIMEOUT = 120
#: A plain YAML scalar that reads back as the same text (codes, votes, dates, counts, symbols).
PLAIN = re.compile(r"[A-Za-z0-9][A-Za-z0-9/._-]*\Z")


# --- the folder ---------------------------------------------------------------------------------

@dataclass
class Case:
    name: str
    text: Path
    article: dict
    records: dict          # drafts and ignore, every scalar as typed (YAML's BaseLoader)


def load_cases(folder: Path) -> list[Case]:
    """Every `<case>.yaml` of the folder with its `<case>.txt`, in name order."""
    cases = []
    for path in sorted(folder.glob("*.yaml")):
        text = path.with_suffix(".txt")
        if not text.is_file():
            continue                                   # council.yaml and other helpers
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader) or {}
        article = data.pop("article", None) or {}
        records = {"drafts": data.get("drafts") or [], "ignore": data.get("ignore") or []}
        cases.append(Case(path.stem, text, article, records))
    return cases


def load_official(path: Path) -> dict[str, dict]:
    """symbol -> {date, meeting, votes: {member: vote}} from the official votes CSV."""
    official: dict[str, dict] = {}
    with open(path, encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            entry = official.setdefault(row["symbol"], {"date": row["date"], "meeting": row["meeting"], "votes": {}})
            entry["votes"][row["member"]] = row["vote"]
    return official


@functools.lru_cache(maxsize=None)
def permanent_members(council: Path) -> frozenset[str]:
    """The codes council.yaml marks permanent (the USSR's SUN as well as RUS)."""
    data = yaml.load(council.read_text(encoding="utf-8"), Loader=yaml.BaseLoader) or {}
    return frozenset(code for code, member in (data.get("members") or {}).items()
                     if isinstance(member, dict) and member.get("permanent") == "true")


def charter_status(votes: dict[str, str], year: int, permanent: frozenset[str], procedural: bool = False) -> str:
    """The outcome of a full roll; a procedural decision (Article 27(2)) knows no veto."""
    yes = sum(v == "yes" for v in votes.values())
    quota = 7 if year < 1966 else 9
    if yes < quota:
        return "failed"
    return "vetoed" if not procedural and any(votes.get(code) == "no" for code in permanent) else "adopted"


def truth_errors(case: Case, official: dict[str, dict], permanent: frozenset[str]) -> list[str]:
    """Where the case's correct records disagree with the official record."""
    errors = []
    for draft in case.records["drafts"]:
        symbol = draft.get("symbol")
        record = official.get(symbol or "")
        label = f"{case.name}: {draft.get('id')}"
        if record is None:
            errors.append(f"{label}: symbol {symbol!r} is not in the official votes")
            continue
        if draft.get("date") != record["date"]:
            errors.append(f"{label}: date {draft.get('date')} but the official record says {record['date']}")
        whole = len(record["votes"]) >= (15 if int(record["date"][:4]) >= 1966 else 11)
        for member, vote in (draft.get("votes") or {}).items():
            if record["votes"].get(member) != vote and (whole or member in record["votes"]):
                errors.append(f"{label}: {member} {vote} but the official record says {record['votes'].get(member)}")
        if not whole:
            continue  # a roll that lacks members (only the vetoing ones seen) gives neither status nor tally
        status = charter_status(record["votes"], int(record["date"][:4]), permanent,
                                str(draft.get("procedural")).lower() == "true")
        if draft.get("status") != status:
            errors.append(f"{label}: status {draft.get('status')} but the official votes give {status}")
        counts = Counter(record["votes"].values())
        for level, count in (draft.get("tally") or {}).items():
            if int(count) != counts.get(level, 0):
                errors.append(f"{label}: tally.{level} {count} but the official votes give {counts.get(level, 0)}")
    return errors


# --- writing records back as YAML ---------------------------------------------------------------

def scalar(value) -> str:
    text = str(value)
    return text if PLAIN.match(text) else json.dumps(text, ensure_ascii=False)


def emit(value, indent: int = 0) -> list[str]:
    """Block YAML for the records (mappings, lists, strings), plain where a user would type it plain."""
    pad = " " * indent
    lines: list[str] = []
    if isinstance(value, dict):
        for key, item in value.items():
            if isinstance(item, (dict, list)) and item:
                lines.append(f"{pad}{key}:")
                lines += emit(item, indent + 2)
            else:
                lines.append(f"{pad}{key}: {scalar(item) if not isinstance(item, (dict, list)) else ('{}' if isinstance(item, dict) else '[]')}")
    elif isinstance(value, list):
        for item in value:
            if isinstance(item, dict):
                inner = emit(item, indent + 2)
                lines.append(f"{pad}- {inner[0].lstrip()}")
                lines += inner[1:]
            elif isinstance(item, list):
                lines.append(f"{pad}- [{', '.join(scalar(x) for x in item)}]")
            else:
                lines.append(f"{pad}- {scalar(item)}")
    return lines


def records_yaml(records: dict) -> str:
    return "\n".join(emit({"drafts": records["drafts"] or [], "ignore": records["ignore"] or []})) + "\n"


# --- one throwaway project per case ------------------------------------------------------------

def votes_command(args: list[str], project: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1")
    try:
        return subprocess.run(VOTES + args, cwd=project, capture_output=True, text=True, timeout=TIMEOUT, env=env)
    except subprocess.TimeoutExpired:
        return subprocess.CompletedProcess(VOTES + args, -9, "", f"killed after {TIMEOUT} s")


def add_options() -> frozenset[str]:
    """Which of `votes add`'s options for an article's date, outlet and address this `votes` has
    (an older one measured on the same folder lacks some)."""
    help_text = subprocess.run(VOTES + ["add", "--help"], capture_output=True, text=True).stdout
    return frozenset(option for option in ("--published", "--outlet", "--url") if option in help_text)


def build_project(root: Path, case: Case, council: Path, options: frozenset[str]) -> Path:
    """seeds/<case>.txt listed in the manifest with the article's date, outlet and web address (where
    this `votes add` takes it); empty records."""
    project = root / case.name
    (project / "seeds").mkdir(parents=True)
    (project / "data").mkdir()
    (project / "data" / "resolutions.yaml").write_text("drafts: []\n", encoding="utf-8")
    shutil.copyfile(council, project / "data" / "council.yaml")
    published, outlet, url = (case.article.get(key) for key in ("published", "outlet", "url"))
    if "--published" in options:
        args = ["add", "--keep-names", str(case.text)]
        args += ["--published", published] if published else []
        args += ["--outlet", outlet] if outlet else []
        args += ["--url", url] if url and "--url" in options else []
        done = votes_command(args, project)
        if done.returncode == 0:
            return project
    shutil.copyfile(case.text, project / "seeds" / case.text.name)
    digest = hashlib.sha256(case.text.read_bytes()).hexdigest()
    entry = [f"  {case.text.name}:", f"    sha256: {digest}"]
    entry += [f"    outlet: {json.dumps(outlet, ensure_ascii=False)}"] if outlet else []
    entry += [f"    published: {published}"] if published else []
    (project / "seeds" / "MANIFEST.yaml").write_text("seeds:\n" + "\n".join(entry) + "\n", encoding="utf-8")
    return project


def validate(project: Path, records_text: str, name: str, strict: bool = True) -> tuple[int, list[dict]]:
    """Exit code and problems of `votes validate` on these records."""
    path = project / "data" / f"{name}.yaml"
    path.write_text(records_text, encoding="utf-8")
    args = ["validate", "--data", str(path), "--format", "json"] + (["--strict"] if strict else [])
    done = votes_command(args, project)
    try:
        problems = json.loads(done.stdout)["problems"]
    except (ValueError, KeyError):
        problems = [{"code": "no-json", "message": (done.stderr or done.stdout).strip()[:300], "draft": None,
                     "field": None, "severity": "error"}]
    path.unlink()
    return done.returncode, problems


# --- suggest --------------------------------------------------------------------------------------

#: What a shared drafter or status weighs in pairing a proposal with a draft: more than any number of
#: votes, so that the adopted text of two an article reports (15 votes in favour) is not paired with
#: the vetoed one because eleven of its members voted for both.
_IDENTITY = 16


def proposal_score(proposal: dict, draft: dict, truth: dict[str, str]) -> int:
    votes = proposal.get("votes") or {}
    score = sum(1 for member, vote in votes.items() if truth.get(member) == vote)
    if set(proposal.get("drafted_by") or []) & set(draft.get("drafted_by") or []):
        score += _IDENTITY
    if score and proposal.get("status") == draft.get("status"):
        score += _IDENTITY
    if score and proposal.get("date") == draft.get("date"):
        score += 1
    return score


def tally_right(proposed: dict, correct: dict, truth: dict[str, str]) -> bool:
    """Every count the correct record gives is proposed, and every proposed count is the official one."""
    official = Counter(truth.values())
    return (all(str(proposed.get(level)) == str(count) for level, count in correct.items())
            and all(int(count) == official.get(level, 0) for level, count in proposed.items()))


def score_proposals(proposals: list[dict], drafts: list[dict], truths: list[dict[str, str]]) -> Counter:
    """Each draft's best-matching proposal scored against the draft's record and its official votes."""
    result = Counter(proposals=len(proposals))
    best_for_draft = []
    for draft, truth in zip(drafts, truths):
        scores = [proposal_score(p, draft, truth) for p in proposals]
        best = max(range(len(proposals)), key=lambda i: scores[i], default=None)
        best_for_draft.append(best if best is not None and scores[best] > 0 else None)
    result["invented"] = sum(1 for p in proposals if not any(proposal_score(p, d, t) for d, t in zip(drafts, truths)))
    result["merged"] = sum(n - 1 for n in Counter(b for b in best_for_draft if b is not None).values())
    for draft, truth, best in zip(drafts, truths, best_for_draft):
        proposal = proposals[best] if best is not None else {}
        result["drafts"] += 1
        result["drafts found"] += best is not None
        votes = proposal.get("votes") or {}
        for member, vote in (draft.get("votes") or {}).items():
            got = votes.get(member)
            result["votes right" if got == vote else "votes missing" if got is None else "votes wrong"] += 1
        for member, vote in votes.items():
            result["official right" if truth.get(member) == vote else "official wrong"] += 1
        result["official missing"] += sum(1 for member in truth if member not in votes)
        result["status right"] += proposal.get("status") == draft.get("status")
        if draft.get("tally"):
            result["tallies"] += 1
            result["tally right"] += tally_right(proposal.get("tally") or {}, draft["tally"], truth)
        result["date right"] += proposal.get("date") == draft.get("date")
    return result


def score_suggest(project: Path, case: Case, official: dict[str, dict], given: str | None = None) -> dict:
    """The proposals of `votes suggest` scored against the case's drafts (`given`: a vote date passed
    with --date)."""
    done = votes_command(["suggest", case.text.name] + (["--date", given] if given else []), project)
    result = Counter()
    notes: list[str] = []
    if done.returncode != 0:
        notes.append("suggest refused: " + (done.stderr.strip().splitlines() or ["(no message)"])[-1])
        proposals = []
    else:
        proposals = (yaml.load(done.stdout, Loader=yaml.BaseLoader) or {}).get("drafts") or []
        code, problems = validate(project, done.stdout, "suggested", strict=False)
        bad = {p.get("draft") for p in problems if p.get("severity") == "error"}
        result["invalid"] = sum(1 for p in proposals if p.get("id") in bad)
        if code not in (0, 1):
            notes.append("suggestion could not be validated: " + (problems[0].get("message") or ""))
    drafts = case.records["drafts"]
    truths = [official.get(d.get("symbol") or "", {}).get("votes") or d.get("votes") or {} for d in drafts]
    result.update(score_proposals(proposals, drafts, truths))
    return {"counts": dict(result), "notes": notes}


def given_date(case: Case) -> str | None:
    """For an article with no publication date, the day of its first draft's vote, which a researcher
    recording that draft has from the UN record (`votes suggest --date`), if `suggest` takes it."""
    if case.article.get("published") or not has_suggest_date():
        return None
    day = case.records["drafts"][0].get("date") if case.records.get("drafts") else None
    return str(day) if day else None


@functools.cache
def has_suggest_date() -> bool:
    """Whether this `votes suggest` takes --date (older versions, measured for comparison, do not)."""
    return "--date" in votes_command(["suggest", "--help"], Path.cwd()).stdout


# --- wrong records ---------------------------------------------------------------------------------

def cited_paths(draft: dict) -> list[str]:
    seen: dict[str, None] = {}
    for evidence in draft.get("evidence") or []:
        for path in evidence.get("supports") or []:
            seen.setdefault(path, None)
    return list(seen)


def mutations(case: Case, official: dict[str, dict]) -> list[tuple[str, str, dict]]:
    """(kind, description, records) for every wrong record made from the case's correct records."""
    made = []
    drafts = case.records["drafts"]

    def mutant(index: int, change) -> dict:
        records = deepcopy(case.records)
        change(records["drafts"][index])
        return records

    for index, draft in enumerate(drafts):
        cited = cited_paths(draft)
        votes = draft.get("votes") or {}
        label = draft.get("id")
        quoted = [m for m in votes if f"votes.{m}" in cited]
        for member in quoted:
            for level in LEVELS:
                if level != votes[member]:
                    made.append(("vote-level", f"{label}: {member} {votes[member]} -> {level}",
                                 mutant(index, lambda d, m=member, v=level: d["votes"].__setitem__(m, v))))
        firsts = {}
        for member in quoted:
            firsts.setdefault(votes[member], member)
        pairs = [(a, b) for i, a in enumerate(firsts.values()) for b in list(firsts.values())[i + 1:]]
        for a, b in pairs:
            def swap(d, a=a, b=b):
                d["votes"][a], d["votes"][b] = d["votes"][b], d["votes"][a]
            made.append(("swap", f"{label}: {a} <-> {b}", mutant(index, swap)))
        if "status" in cited:
            for wrong in {"vetoed": ("adopted", "failed"), "failed": ("vetoed",)}.get(draft.get("status"), ()):
                made.append(("status", f"{label}: status {draft['status']} -> {wrong}",
                             mutant(index, lambda d, w=wrong: d.__setitem__("status", w))))
        for level, count in (draft.get("tally") or {}).items():
            if f"tally.{level}" not in cited:
                continue
            for changed in (int(count) + 1, int(count) - 1):
                if changed >= 0:
                    made.append(("tally", f"{label}: tally.{level} {count} -> {changed}",
                                 mutant(index, lambda d, k=level, c=changed: d["tally"].__setitem__(k, str(c)))))
        truth = official.get(draft.get("symbol") or "", {}).get("votes") or {}
        drafters = list(draft.get("drafted_by") or [])
        if "drafted_by" in cited and drafters:
            outsider = next((m for m in sorted(truth) if truth[m] in ("no", "abstain") and m not in drafters), None)
            if outsider:
                made.append(("drafters", f"{label}: drafter {drafters[-1]} -> {outsider}",
                             mutant(index, lambda d, o=outsider: d.__setitem__("drafted_by", d["drafted_by"][:-1] + [o]))))
        for other_index, other in enumerate(drafts):
            if other_index == index:
                continue
            facts = {f"votes.{m}" for m in (other.get("votes") or {})} | {f"tally.{k}" for k in (other.get("tally") or {})}
            facts.add("status")
            moved = 0
            for evidence in draft.get("evidence") or []:
                if "seed" not in evidence or moved == 3:
                    continue
                paths = [p for p in evidence.get("supports") or [] if p in facts]
                if not paths or _already_cited(other, evidence, paths):
                    continue  # nothing to move, or a sentence about both drafts the other already cites so
                moved += 1
                copied = dict(evidence, supports=paths)
                made.append(("moved-evidence", f"{label} -> {other.get('id')}: {evidence['quote'][:60]!r}",
                             mutant(other_index, lambda d, e=copied: d["evidence"].append(e))))
    return made


def _already_cited(draft: dict, evidence: dict, paths: list[str]) -> bool:
    """The draft already cites this quote, or another part of its sentence (the two open alike, one
    cut short with '...': "Russia vetoed a renewal" beside "Russia vetoed a renewal ... and then
    failed in its own bid"), for these facts: moving it there makes no wrong record."""
    quote = evidence.get("quote") or ""
    return any(e.get("seed") == evidence.get("seed") and _same_opening(e.get("quote") or "", quote)
               and set(paths) <= set(e.get("supports") or ()) for e in draft.get("evidence") or ())


def _same_opening(a: str, b: str) -> bool:
    """Two quotes of one sentence: equal, or equal up to the first '...' of either, over 40 characters."""
    if a == b:
        return True
    head_a, head_b = a.split("...")[0].rstrip(), b.split("...")[0].rstrip()
    shorter = min(head_a, head_b, key=len)
    return len(shorter) >= 40 and head_a.startswith(shorter) and head_b.startswith(shorter)


# --- one case ------------------------------------------------------------------------------------

@dataclass
class CaseResult:
    name: str
    drafts: int
    truth: list[str]
    suggest: dict
    facts: int = 0
    false_errors: list[dict] = field(default_factory=list)
    clean: bool = False
    mutants: Counter = field(default_factory=Counter)
    accepted: list[tuple[str, str]] = field(default_factory=list)
    accepted_no_new: list[tuple[str, str]] = field(default_factory=list)


def problem_key(problem: dict) -> tuple:
    return problem.get("code"), problem.get("draft"), problem.get("field")


def run_case(case: Case, council: Path, official: dict, root: Path, options: frozenset[str]) -> CaseResult:
    project = build_project(root, case, council, options)
    result = CaseResult(case.name, len(case.records["drafts"]), truth_errors(case, official, permanent_members(council)),
                        score_suggest(project, case, official))
    day = given_date(case)
    if day is not None:  # an undated article, suggested again as a researcher who knows the vote's day would
        result.suggest["given date"] = score_suggest(project, case, official, day)["counts"]
    result.facts = sum(len(cited_paths(d)) for d in case.records["drafts"])
    code, problems = validate(project, records_yaml(case.records), "correct")
    result.false_errors = [p for p in problems if p.get("severity") in ("error", "warning")]
    result.clean = code == 0 and not problems
    baseline = {problem_key(p) for p in problems}
    for kind, description, records in mutations(case, official):
        result.mutants[kind] += 1
        code, problems = validate(project, records_yaml(records), "mutant")
        if code == 0 and not problems:
            result.accepted.append((kind, description))
        if code in (0, 1) and {problem_key(p) for p in problems} <= baseline:
            result.accepted_no_new.append((kind, description))
    shutil.rmtree(project, ignore_errors=True)
    return result


# --- the report -----------------------------------------------------------------------------------

def percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.0f}%" if whole else "-"


def summary(results: list[CaseResult]) -> dict:
    suggest = Counter()
    for r in results:
        suggest.update(r.suggest["counts"])
    mutants = Counter()
    for r in results:
        mutants.update(r.mutants)
    accepted = Counter(kind for r in results for kind, _ in r.accepted)
    facts = sum(r.facts for r in results)
    errors = sum(len(r.false_errors) for r in results)
    voted = suggest["votes right"] + suggest["votes wrong"] + suggest["votes missing"]
    return {
        "cases": len(results), "drafts": sum(r.drafts for r in results),
        "truth_errors": sum(len(r.truth) for r in results),
        "suggest": dict(suggest),
        "suggest_votes_right_share": suggest["votes right"] / voted if voted else None,
        "false_errors": errors, "facts_cited": facts, "false_error_share": errors / facts if facts else None,
        "false_error_codes": dict(Counter(p["code"] for r in results for p in r.false_errors).most_common()),
        "cases_clean": sum(r.clean for r in results),
        "mutants": dict(mutants), "mutants_total": sum(mutants.values()),
        "accepted": dict(accepted), "accepted_total": sum(accepted.values()),
        "accepted_no_new_problem_total": sum(len(r.accepted_no_new) for r in results),
    }


def case_dict(r: CaseResult) -> dict:
    return {"case": r.name, "drafts": r.drafts, "truth_errors": r.truth, "suggest": r.suggest,
            "facts_cited": r.facts, "clean": r.clean,
            "false_errors": [{k: p.get(k) for k in ("code", "draft", "field", "message")} for p in r.false_errors],
            "mutants": dict(r.mutants), "accepted": [list(a) for a in r.accepted],
            "accepted_no_new_problem": [list(a) for a in r.accepted_no_new]}


def write_rules_seen(cases: list[Case], council: Path, out: Path) -> None:
    """`rule,sentences`: how many sentences of the reports each rule of the table reads."""
    sys.path.insert(0, str(HERE.parent))
    from votes.read import read_yaml
    from votes.reader import Lexicon, read_passage
    from votes.reader.rules import RULES
    from votes.schema import build_council

    loaded = read_yaml(council, council.name)
    lexicon = Lexicon.from_council(build_council(loaded.root, council.name)[0])
    seen: Counter = Counter()
    for case in cases:
        text = case.text.read_text(encoding="utf-8")
        for reading in read_passage(text, lexicon):
            seen.update({a.rule for a in reading.assertions})
    with open(out, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["rule", "sentences"])
        for rule in RULES:
            writer.writerow([rule.name, seen[rule.name]])


def print_text(results: list[CaseResult], total: dict) -> None:
    print(f"{'case':36} drafts | suggest votes right/wrong/missing  status tally date  invented merged invalid"
          f" | false errors/facts  clean | wrong accepted/made")
    for r in results:
        s = Counter(r.suggest["counts"])
        print(f"{r.name:36} {r.drafts:6} | {s['votes right']:5}/{s['votes wrong']}/{s['votes missing']:<22}"
              f" {s['status right']}/{r.drafts}    {s['tally right']}/{s['tallies']}   {s['date right']}/{r.drafts}"
              f"  {s['invented']:8} {s['merged']:6} {s['invalid']:7} | {len(r.false_errors):5}/{r.facts:<11}"
              f" {'yes' if r.clean else 'no ':5} | {len(r.accepted)}/{sum(r.mutants.values())}")
        for note in r.suggest["notes"]:
            print(f"    {note}")
    s = Counter(total["suggest"])
    voted = s["votes right"] + s["votes wrong"] + s["votes missing"]
    official = s["official right"] + s["official wrong"] + s["official missing"]
    print()
    print(f"cases {total['cases']}, drafts {total['drafts']}; truth errors (records against the official votes): "
          f"{total['truth_errors']}")
    print(f"suggest: member votes right {s['votes right']} of {voted} ({percent(s['votes right'], voted)}), "
          f"wrong {s['votes wrong']}, missing {s['votes missing']}; against the official votes: right "
          f"{s['official right']}, wrong {s['official wrong']}, missing {s['official missing']} of {official}")
    print(f"         drafts found {s['drafts found']}/{total['drafts']}; status right {s['status right']}/"
          f"{total['drafts']}; tally right {s['tally right']}/{s['tallies']}; date right {s['date right']}/"
          f"{total['drafts']}; proposals {s['proposals']}, invented {s['invented']}, merged {s['merged']}, "
          f"not validating {s['invalid']}")
    given = Counter()
    for r in results:
        given.update(r.suggest.get("given date", {}))
    if given:
        undated = Counter()
        for r in results:
            if "given date" in r.suggest:
                undated.update(r.suggest["counts"])
        print(f"         undated articles: member votes right {undated['votes right']} of "
              f"{_voted(undated)} ({percent(undated['votes right'], _voted(undated))}); with the vote's day given "
              f"(--date): {given['votes right']} of {_voted(given)} ({percent(given['votes right'], _voted(given))}), "
              f"wrong {given['votes wrong']}")
    print(f"validate --strict on correct records: {total['false_errors']} false errors on {total['facts_cited']} "
          f"facts cited ({percent(total['false_errors'], total['facts_cited'])}); "
          f"{total['cases_clean']}/{total['cases']} cases clean")
    print("    by code: " + ", ".join(f"{code} {n}" for code, n in total["false_error_codes"].items()))
    kinds = ", ".join(f"{kind} {total['accepted'].get(kind, 0)}/{n}" for kind, n in sorted(total["mutants"].items()))
    print(f"wrong records accepted: {total['accepted_total']} of {total['mutants_total']} ({kinds}); "
          f"with no problem the correct record lacks: {total['accepted_no_new_problem_total']}")
    for r in results:
        for message in r.truth:
            print(f"  truth error {message}")
        for kind, description in r.accepted:
            print(f"  accepted {r.name} [{kind}] {description}")


def _voted(counts: Counter) -> int:
    return counts["votes right"] + counts["votes wrong"] + counts["votes missing"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--council", type=Path, help="council.yaml (default: DIR/council.yaml, else data/council.yaml)")
    parser.add_argument("--official", type=Path, default=OFFICIAL)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--save", type=Path, help="also write the JSON figures to this file")
    parser.add_argument("--rules", type=Path, help="also write how many sentences each rule reads (CSV)")
    args = parser.parse_args(argv)
    if not args.folder.is_dir():
        parser.error(f"{args.folder} is not a folder")
    council = args.council or next(p for p in (args.folder / "council.yaml", HERE.parent / "data" / "council.yaml")
                                   if p.is_file())
    cases = load_cases(args.folder)
    if not cases:
        parser.error(f"no <case>.yaml with its <case>.txt in {args.folder}")
    official = load_official(args.official)
    if args.rules:
        write_rules_seen(cases, council, args.rules)
    options = add_options()
    with tempfile.TemporaryDirectory(prefix="realtext-") as root:
        # what votes keeps between runs (votes.cache) stays in this run's folder, never the user's
        os.environ["VOTES_CACHE"] = str(Path(root) / "votes-cache")
        with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
            results = list(pool.map(lambda c: run_case(c, council.resolve(), official, Path(root), options),
                                    cases))
    total = summary(results)
    figures = json.dumps({"total": total, "cases": [case_dict(r) for r in results]}, indent=1, ensure_ascii=False)
    if args.save:
        args.save.write_text(figures + "\n", encoding="utf-8")
    if args.json:
        print(figures)
    else:
        print_text(results, total)
    return 0


if __name__ == "__main__":
    sys.exit(main())
