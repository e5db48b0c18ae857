"""`votes validate`: every record proved against the seeds, in both directions.

Five checks (README, "What validated against the seeds means"):

1. anchoring: each quote is in its seed (`check_evidence`);
2. support: each quote says what it is cited for (`votes.support`);
3. consistency: the record obeys the seats and the Charter (`check_consistency`);
4. coverage: every vote sentence of the seeds is cited or ignored (`check_coverage`);
5. drift: the seeds are the bytes the manifest names (`check_drift`).

Facts come first, in their own pass (`establish`): where each quote stands, what it
asserts, what backs each fact, the outcome the Charter gives. Then each check reads
them and yields `Problem`s; no check leaves state for another. `validate(project)`
returns a `Validation`: the problems, plus the facts the report needs.
"""

from __future__ import annotations

import re
from typing import Callable, Iterator

from .anchor import Anchor, Paragraphs, SeedText, Sentence, normalise, sentences, sentences_at
from .facts import DERIVED, QUOTED, SOURCED, UNBACKED, Coverage, DraftCheck  # noqa: F401 (re-exported)
from . import charter
from .model import TALLY_KEYS, Draft, Loc
from .problems import ERROR, WARNING, Problem, sort_key
from .record import Record
from .project import MANIFEST_NAME, Project, paused_gc
from .seed_paths import seed_key, unsafe_seed_path
from .support import GAP_WORDS, QuoteReader, establish_support, support_problems

#: The words that make a seed sentence one that reports a Council vote, veto or draft (check 4):
#: whole words in any case, and any word that starts with "abstain".
VOTE_WORDS = frozenset({"veto", "vetoes", "vetoed", "vetoing", "vote", "votes", "voted", "voting", "abstention",
                        "abstentions", "draft", "drafts", "drafted", "resolution", "resolutions"})
#: What every vote word starts with: found with str.find, at C speed, before any word is read.
VOTE_STEMS = ("veto", "vot", "abstain", "abstention", "draft", "resolution")


def vote_word_offsets(low: str) -> list[int]:
    """Where the vote words of a lower-cased text start, in order.

    Linear: a stem counts only at the start of a word, so each word is read at most once per stem.
    """
    hits = []
    for stem in VOTE_STEMS:
        at = low.find(stem)
        while at >= 0:
            if at == 0 or not _word_char(low[at - 1]):
                end = at + len(stem)
                while end < len(low) and _word_char(low[end]):
                    end += 1
                if stem == "abstain" or low[at:end] in VOTE_WORDS:
                    hits.append(at)
            at = low.find(stem, at + len(stem))
    hits.sort()
    return hits


def _word_char(char: str) -> bool:
    return char.isalnum() or char == "_"  # what `\w` matches


def says_vote_word(text: str) -> bool:
    """Whether a sentence holds a vote word (check 4 looks at such sentences)."""
    return bool(vote_word_offsets(text.lower()))


def vote_sentences(text: str, paragraphs: Paragraphs | None = None) -> list[Sentence]:
    """The sentences of a seed that hold a vote word (`paragraphs`: the seed's, if already made)."""
    low = text.lower()
    if len(low) != len(text):  # a rare letter whose lower case is longer: offsets would drift
        return [s for s in sentences(text, paragraphs) if says_vote_word(s.text)]
    return sentences_at(text, vote_word_offsets(low), paragraphs)


class Validation(Record):
    """The problems found, and what the report needs: each draft's anchors and bases."""

    __slots__ = ("problems", "drafts", "coverage")

    def __init__(self, problems: list[Problem], drafts: dict[str, DraftCheck], coverage: Coverage):
        self.problems, self.drafts, self.coverage = problems, drafts, coverage

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == WARNING]

    def ok(self, strict: bool = False) -> bool:
        return not self.errors and not (strict and self.warnings)

    def draft(self, draft_id: str) -> DraftCheck | None:
        """What validation established about one draft, or None for a draft it did not see."""
        return self.drafts.get(draft_id)

    def to_dict(self) -> dict:
        return {
            "ok": self.ok(),
            "errors": len(self.errors),
            "warnings": len(self.warnings),
            "problems": [p.to_dict() for p in self.problems],
        }


def validate(project: Project, progress: Callable[[int], None] | None = None) -> Validation:
    """Establish the facts, then run the five checks over them.

    `progress`, if given, is called with 1 after each draft (for a progress bar).
    """
    with paused_gc():
        return _validate(project, progress)


def _validate(project: Project, progress: Callable[[int], None] | None) -> Validation:
    texts = {name: SeedText(seed) for name, seed in project.seeds.items()}
    reader = QuoteReader(project)
    checks = establish(project, texts, reader, progress)
    coverage, uncovered, ignore_problems = establish_coverage(project, texts, checks)
    problems = list(project.problems)
    problems += check_evidence(checks)
    problems += support_problems(project, checks, reader, texts)
    for check in checks.values():
        problems += check_consistency(project, check)
        problems += unbacked_facts(project, check)
    problems += ignore_problems
    problems += check_coverage(project, uncovered)
    problems += check_drift(project)
    problems.sort(key=sort_key)
    return Validation(problems, checks, coverage)


def establish(project: Project, texts: dict[str, SeedText], reader: QuoteReader,
              progress: Callable[[int], None] | None = None) -> dict[str, DraftCheck]:
    """Every draft's facts: anchors, readings, backing and basis, and the outcome the Charter gives."""
    checks: dict[str, DraftCheck] = {}
    for draft in project.records.drafts:
        if progress is not None:
            progress(1)
        check = DraftCheck(draft)
        checks.setdefault(draft.id, check)
        locate_evidence(project, draft, texts, check)
        establish_support(project, draft, check, texts, reader)
        establish_outcome(project, check)
    return checks


# --- 1. anchoring ------------------------------------------------------------------------------

def locate_evidence(project: Project, draft: Draft, texts: dict[str, SeedText], check: DraftCheck) -> None:
    """Find each quote in its seed; keep the anchors, and the problems met on the way."""
    for ev in draft.evidence:
        if ev.source is not None:
            continue
        found, anchor = _collect(locate_quote(project, texts, ev.seed, ev.quote, ev.loc, ev.quote_loc or ev.loc,
                                              f"evidence[{ev.index}].", draft=draft.id))
        check.located += found
        if anchor is not None:
            check.located += _quote_edges(project, draft, ev.index, ev.quote_loc or ev.loc, texts[seed_key(ev.seed)],
                                          anchor)
            check.anchors[ev.index] = anchor


def check_evidence(checks: dict[str, DraftCheck]) -> Iterator[Problem]:
    """Each quote is in its seed, whole words, with no gap that drops a negation or a modal."""
    for check in checks.values():
        yield from check.located


def _collect(generator) -> tuple[list[Problem], Anchor | None]:
    """The problems a locating generator yields, and the anchor it returns."""
    found: list[Problem] = []
    try:
        while True:
            found.append(next(generator))
    except StopIteration as stop:
        return found, stop.value


def _quote_edges(project: Project, draft: Draft, index: int, loc: Loc, text: SeedText,
                 anchor: Anchor) -> list[Problem]:
    """A quote starts and ends on word boundaries; a `...` gap drops no word that changes the sense."""
    from .statements import fold

    seed = text.seed.text
    out = []

    def problem(code, message, hint):
        out.append(Problem(code, message, project.records.path, loc.line, loc.col, draft.id,
                           f"evidence[{index}].quote", hint))

    for start, end in anchor.parts:
        if start > 0 and seed[start - 1].isalnum() and seed[start].isalnum():
            word = _word_around(seed, start)
            problem("quote-word-cut", f"the quote begins inside the word {word!r} ({anchor.line}:{anchor.col})",
                    f"quote whole words: start at {word!r}")
            break
        if end < len(seed) and seed[end - 1].isalnum() and seed[end].isalnum():
            word = _word_around(seed, end - 1)
            problem("quote-word-cut", f"the quote ends inside the word {word!r}", f"quote whole words: end at {word!r}")
            break
    for (_, gap_start), (gap_end, _) in zip(anchor.parts, anchor.parts[1:]):
        if _ends_sentence(seed, gap_start, gap_end):
            continue  # a gap between sentences joins them; each is read whole
        gap = fold(seed[gap_start:gap_end]).lower().replace("n't", " n't ")
        dropped = [w for w in re.findall(_GAP_TOKEN, gap) if w in GAP_WORDS]
        if dropped:
            problem("quote-gap-drops", f"a '...' in the quote leaves out {dropped[0]!r}, which changes what the "
                    f"words around it say", "quote the words the gap skips, or cut the quote before them")
    return out


#: Words of a gap, hyphenated compounds whole ("no-fly" is no negation). Each `-` must be followed
#: by a letter, so a word is matched one way only: linear.
_GAP_TOKEN = r"[a-z']+(?:-[a-z']+)*"
_CLOSERS = "\"'\u201d\u2019)"


def _ends_sentence(text: str, start: int, end: int) -> bool:
    """Whether a sentence ends inside text[start:end]: a line break, or a full stop (or ! ?),
    maybe a closing quote or bracket, then a space. Each mark is looked at once: linear."""
    if text.find("\n", start, end) >= 0:
        return True
    for mark in ".!?":
        at = text.find(mark, start, end)
        while at >= 0:
            after = at + 1
            if after < end and text[after] in _CLOSERS:
                after += 1
            if after < end and text[after] == " ":
                return True
            at = text.find(mark, at + 1, end)
    return False


def _word_around(text: str, at: int) -> str:
    start, end = at, at + 1
    while start > 0 and text[start - 1].isalnum():
        start -= 1
    while end < len(text) and text[end].isalnum():
        end += 1
    return text[start:end][:40]


def locate_quote(project: Project, texts: dict[str, SeedText], seed: str, quote: str, seed_loc: Loc,
                 quote_loc: Loc, prefix: str, *, draft: str | None = None, subject: str | None = None,
                 missing: str = "quote-not-found"):
    """Yield the problems of one (seed, quote) pair, evidence or ignore entry; return its anchor or None."""
    path = project.records.path

    def problem(code, message, loc, field_, hint):
        return Problem(code, message, path, loc.line, loc.col, draft, prefix + field_, hint, subject)

    why = unsafe_seed_path(seed, project.seeds_dir, texts)
    if why:
        yield problem("seed-path-outside", f"seed path '{seed}' {why}", seed_loc, "seed",
                      f"name a file inside {project.seeds_display}/, such as "
                      f"{next(iter(project.seeds), '000_article.txt')}")
        return None
    text = texts.get(seed_key(seed))
    if text is None:
        yield problem("seed-not-found", f"no seed '{seed}' in {project.seeds_display}/", seed_loc, "seed",
                      _seed_hint(seed, texts))
        return None
    anchor = text.find(quote)
    if anchor is None:
        shown = quote if len(quote) <= 80 else quote[:77] + "..."
        closest = text.closest(quote)
        if closest is None:
            hint = "no passage of that seed comes close; is it the right seed?"
        else:
            score, line, passage = closest
            hint = (f"closest passage, {project.seed_display(seed)}:{line} ({score:.0f}% similar): "
                    f"{passage.strip()!r}")
        yield problem(missing, f"quote not found in {seed}: {shown!r}", quote_loc, "quote", hint)
        return None
    if anchor.how == "case":
        yield problem("quote-case", f"the quote matches {seed}:{anchor.line} only if letter case is ignored",
                      quote_loc, "quote", f"copy the passage as it stands: {text.seed.text[anchor.start:anchor.end]!r}")
    return anchor


def _seed_hint(name: str, texts: dict[str, SeedText]) -> str:
    import difflib

    close = difflib.get_close_matches(name, list(texts), n=1, cutoff=0.5)
    return f"did you mean '{close[0]}'?" if close else f"seeds: {', '.join(sorted(texts)) or 'none'}"


def unbacked_facts(project: Project, check: DraftCheck) -> Iterator[Problem]:
    """A fact that no evidence cites at all (one cited by a failing quote is already an error)."""
    draft = check.draft
    cited = {p for ev in draft.evidence for p in ev.supports}
    if "votes.others" in cited:
        cited |= {f"votes.{c}" for c in draft.votes}
    for claim in draft.facts():
        if check.basis.get(claim) == UNBACKED and claim not in cited:
            loc = draft.loc_of(claim)
            yield Problem("fact-unbacked", f"no evidence backs {claim}", project.records.path, loc.line, loc.col,
                          draft.id, claim, "add an evidence entry whose quote says it, with this path in supports")


# --- 3. consistency ----------------------------------------------------------------------------

def establish_outcome(project: Project, check: DraftCheck) -> None:
    """The outcomes the recorded votes leave possible under the Charter, and the permanent no votes."""
    draft = check.draft
    if draft.date is None or draft.status in (None, "not-voted"):
        return
    standing = charter.standing(draft.year, draft.votes, draft.tally, project.council)
    check.permanent_no = standing.permanent_no
    check.possible = standing.possible
    check.outcome = standing.settled


def check_consistency(project: Project, check: DraftCheck) -> Iterator[Problem]:
    """Seats, tallies and the outcome the Charter gives."""
    draft = check.draft
    path = project.records.path
    council = project.council
    if draft.date is None:
        return
    seats = council.seated(draft.year)

    def problem(code, claim, message, hint=None):
        loc = draft.loc_of(claim)
        return Problem(code, message, path, loc.line, loc.col, draft.id, claim, hint)

    if seats is None:
        if council.seats:
            yield problem("seats-missing", "date", f"data/council.yaml lists no seats for {draft.year}",
                          f"add the {charter.number_word(charter.seats(draft.year))} members of {draft.year} under seats:")
    else:
        for code in draft.votes:
            if code not in seats:
                yield problem("member-not-seated", f"votes.{code}",
                              f"{code} did not sit on the Council in {draft.year}",
                              f"members in {draft.year}: {', '.join(seats)}")
    seating = charter.standing(draft.year, draft.votes, draft.tally, council)
    counts = seating.counts
    tally = draft.tally or {}
    if draft.status == "not-voted":
        if draft.votes or draft.tally is not None:
            claim = "votes" if draft.votes else "tally"
            yield problem("not-voted-has-votes", claim, "a draft never put to a vote carries votes or a tally",
                          "remove them, or change the status to the vote's outcome")
        return
    for key in TALLY_KEYS:
        if key not in tally:
            continue
        counted = counts[key]
        if seating.complete and counted != tally[key]:
            yield problem("tally-mismatch", f"tally.{key}",
                          f"tally.{key} is {tally[key]} but the votes count {counted} {key}",
                          f"members voting {key}: {_members_voting(draft, key) or 'none'}")
        elif not seating.complete and counted > tally[key]:
            yield problem("tally-mismatch", f"tally.{key}",
                          f"tally.{key} is {tally[key]} but {counted} members are already recorded voting {key}",
                          f"members voting {key}: {_members_voting(draft, key)}")
    if seating.seated is not None and sum(tally.values()) + counts["absent"] > len(seating.seated):
        yield problem("tally-mismatch", "tally",
                      f"the tally adds up to more than the {len(seating.seated)} members seated", None)
    if draft.status is None or not check.possible:
        return
    if draft.status not in check.possible:
        low, high = seating.yes
        yield problem("status-mismatch", "status", f"status is '{draft.status}' but the votes give "
                      f"{' or '.join(repr(p) for p in check.possible)}: "
                      f"{_outcome_reason(low, high, check.permanent_no)}",
                      charter.rule_text(draft.year))


def _members_voting(draft: Draft, level: str) -> str:
    return ", ".join(c for c, v in draft.votes.items() if v == level)


def _outcome_reason(low: int, high: int, permanent_no: tuple[str, ...]) -> str:
    yes = f"{low} yes" if low == high else f"{low} to {high} yes"
    if permanent_no:
        return f"{yes}, permanent no from {', '.join(permanent_no)}"
    return f"{yes}, no permanent no recorded"


# --- 4. coverage -------------------------------------------------------------------------------

def establish_coverage(project: Project, texts: dict[str, SeedText], checks: dict[str, DraftCheck]):
    """How the seeds' vote sentences are accounted for: the counts, the sentences no record
    cites, and the problems of the ignore entries' own quotes."""
    coverage = Coverage()
    # With records that did not load, coverage would report every sentence, burying the one
    # error that matters.
    coverage.checked = not any(p.path == project.records.path and p.severity == ERROR for p in project.problems)
    if not coverage.checked:
        return coverage, [], []
    cited: dict[str, list[tuple[int, int]]] = {}
    for check in checks.values():
        for ev in check.draft.evidence:
            anchor = check.anchors.get(ev.index)
            if anchor is not None:
                cited.setdefault(seed_key(ev.seed), []).append((anchor.start, anchor.end))
    ignored: dict[str, list[tuple[int, int]]] = {}
    ignore_problems: list[Problem] = []
    for entry in project.records.ignores:
        found, anchor = _collect(locate_quote(project, texts, entry.seed, entry.quote, entry.loc, entry.quote_loc, "",
                                              subject=f"ignore[{entry.index}]", missing="ignore-not-found"))
        ignore_problems += found
        if anchor is not None:
            ignored.setdefault(seed_key(entry.seed), []).append((anchor.start, anchor.end))
    pending = []
    covered_texts: set[str] = set()
    for name, text in texts.items():
        found = vote_sentences(text.seed.text, text.paragraphs)
        for sentence, is_cited, is_ignored in zip(found, _touched(cited.get(name, []), found),
                                                  _touched(ignored.get(name, []), found)):
            coverage.sentences += 1
            key = normalise(sentence.text)
            if is_cited:
                coverage.cited += 1
                covered_texts.add(key)
            elif is_ignored:
                coverage.ignored += 1
                covered_texts.add(key)
            else:
                pending.append((name, text, sentence, key))
    uncovered = []
    for name, text, sentence, key in pending:
        if key in covered_texts:
            coverage.reprinted += 1
        else:
            coverage.uncovered += 1
            uncovered.append((name, text, sentence))
    return coverage, uncovered, ignore_problems


def check_coverage(project: Project, uncovered) -> Iterator[Problem]:
    """Every seed sentence that reports a vote, veto or draft is cited or ignored."""
    for name, text, sentence in uncovered:
        whole = " ".join(sentence.text.split())  # in full, on one line: quotes match across line breaks
        yield Problem("seed-uncovered", f"reports a Council vote, veto or draft that no record cites: {whole!r}",
                      project.seed_display(name), text.seed.line_of(sentence.start), text.seed.col_of(sentence.start),
                      None, None, "cite it as evidence in a record, or add an ignore entry with the reason; "
                      "the entries below are ready to paste and fill in",
                      f"seed {name}", uncovered_stubs(name, whole))


def uncovered_stubs(seed: str, quote: str) -> dict[str, str]:
    """An evidence entry and an ignore entry for a sentence, as one-line YAML to paste.

    Left incomplete on purpose: `supports: [TODO]` and the empty `reason: ""` are errors until filled in
    (between the quotes, so that a comma in the reason stays in it).
    """
    import json  # a JSON string is a valid YAML double-quoted scalar

    seed_text = seed if re.fullmatch(r"[\w.-]+(?:/[\w.-]+)*", seed) else json.dumps(seed, ensure_ascii=False)
    quoted = json.dumps(quote, ensure_ascii=False)
    return {"evidence": f"- {{seed: {seed_text}, quote: {quoted}, supports: [TODO]}}",
            "ignore": f'- {{seed: {seed_text}, quote: {quoted}, reason: ""}}'}


def _touched(spans: list[tuple[int, int]], sentences: list[Sentence]) -> list[bool]:
    """For each sentence (in order of place), whether one of the spans overlaps it.

    One pass after a sort, not every span against every sentence: a seed of thousands of vote
    sentences cited thousands of times would otherwise cost their product.
    """
    spans = sorted(spans)
    out: list[bool] = []
    k, reach = 0, -1  # reach: the furthest end of the spans that start before the sentence ends
    for sentence in sentences:
        while k < len(spans) and spans[k][0] < sentence.end:
            reach = max(reach, spans[k][1])
            k += 1
        out.append(reach > sentence.start)
    return out


# --- 5. drift ----------------------------------------------------------------------------------

def check_drift(project: Project) -> Iterator[Problem]:
    """The seeds are the bytes the manifest records."""
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
