"""The facts of a project, established once before any check speaks (votes.facts).

For each hand-checked draft: where each quote stands in its seed, what each quote
asserts, what backs each fact and its basis (votes.backing), and the Charter's
reading of the votes (votes.charter). For an imported draft (`votes import`):
every fact sourced. For the seeds: how their vote sentences are accounted for.
And which files did not load whole, so that the checks that need them are not run,
and which drafts' facts did not load whole, so that what follows from that is said
once (votes.validate).
"""

from __future__ import annotations

from typing import Callable

from . import charter
from .anchor import Anchor, SeedText, normalise
from .backing import establish_backing
from .cache import ReadingCache, SeedCache, lexicon_key
from .facts import COUNCIL, MANIFEST, RECORDS, SOURCED, Coverage, DraftCheck, Facts, Placement
from .headlines import is_headline, restates
from .problems import ERROR, MISSHAPEN_RECORD, Problem, sort_key
from .project import MANIFEST_NAME, Project
from .quotes import EarlyReading, QuoteReader
from .reader import FACT
from .seed_paths import seed_key, unsafe_seed_path
from .vote_words import reports_a_vote, vote_sentences

#: Fields of a draft that hold no fact: a problem there leaves the facts whole.
NOT_FACTS = frozenset({"title", "notes"})


def establish(project: Project, progress: Callable[[int], None] | None = None,
              early: EarlyReading | None = None) -> Facts:
    """Every fact the checks read. `progress`, if given, is called with 1 after each draft; `early`:
    the seeds' vote sentences being read while the project loaded (votes.quotes.read_early)."""
    broken = broken_files(project)
    texts = {name: SeedText(seed) for name, seed in project.seeds.items()}
    council = project.council
    if COUNCIL in broken and early is not None:
        early.stop()
    reader = QuoteReader(council, ReadingCache(project.seeds_dir, lexicon_key(council)),
                         SeedCache("places", project.seeds_dir), SeedCache("sentences", project.seeds_dir),
                         early) if COUNCIL not in broken else None
    published_of = _published_dates(project)
    drafts: dict[str, DraftCheck] = {}
    checks = [DraftCheck(draft) for draft in project.records.drafts]
    for check in checks:  # every quote placed first, so that their passages can be read ahead
        drafts.setdefault(check.draft.id, check)
        if check.draft.imported_from is None:
            _place_evidence(project, check, texts, reader)
    try:
        if reader is not None:
            reader.read_ahead((placed.key, placed.text, check.anchors[index]) for check in checks
                              if check.draft.imported_from is None and check.draft.evidence
                              for index, placed in check.placements.items() if index in check.anchors)
        for check in checks:
            draft = check.draft
            if progress is not None:
                progress(1)
            if draft.imported_from is not None:
                _establish_imported(check)
            elif reader is not None:
                establish_backing(check, reader, council, project.seeds_display, published_of)
            if reader is not None and draft.date is not None and draft.status not in (None, "not-voted"):
                check.standing = charter.standing(draft.year, draft.votes, draft.tally, council, draft.procedural)
    finally:
        if reader is not None:
            reader.stop_reading_ahead()
    coverage, uncovered, ignores = Coverage(), [], []
    if RECORDS in broken:
        # with records that did not load, every sentence would be uncovered, burying the one error that matters
        coverage.checked = False
    else:
        ignores = [(entry, place_quote(project, texts, entry.seed, entry.quote, reader))
                   for entry in project.records.ignores]
        uncovered = _account_for_sentences(texts, drafts, ignores, coverage, reader, council)
    return Facts(project, texts, reader, drafts, ignores, coverage, uncovered, broken, damaged_drafts(project))


def _published_dates(project: Project):
    """A seed's publication date (`Project.publication`: its manifest entry, else its dateline, else
    its URL), found once per seed and only when a quote's date is relative ('this evening')."""
    found: dict[str, object] = {}

    def published_of(name: str):
        key = seed_key(name)
        if key not in found:
            found[key] = project.publication(key)[0]
        return found[key]

    return published_of


def broken_files(project: Project) -> frozenset[str]:
    """The files (RECORDS, COUNCIL, MANIFEST) with an error of their own: they did not load whole."""
    paths = {project.records.path: RECORDS, project.council.path: COUNCIL,
             project.seed_display(MANIFEST_NAME): MANIFEST}
    return frozenset(paths[p.path] for p in project.problems if p.path in paths and p.severity == ERROR)


def damaged_drafts(project: Project) -> dict[str, Problem]:
    """Each draft whose facts did not load whole (a fact's field misshapen or unknown), with the first
    problem that says so."""
    damaged: dict[str, Problem] = {}
    for problem in sorted(project.problems, key=sort_key):
        if (problem.path == project.records.path and problem.draft is not None and problem.severity == ERROR
                and problem.stops == MISSHAPEN_RECORD and problem.draft not in damaged
                and (problem.field or "").partition(".")[0] not in NOT_FACTS):
            damaged[problem.draft] = problem
    return damaged


def place_quote(project: Project, texts: dict[str, SeedText], seed: str, quote: str,
                reader: QuoteReader | None = None) -> Placement:
    """Look for a quote in the seed a record names: why the name is unsafe, or the seed and where the
    quote stands (as the reader's cache keeps it, when there is a reader)."""
    key = seed_key(seed)
    unsafe = unsafe_seed_path(seed, project.seeds_dir, texts)
    text = None if unsafe else texts.get(key)
    anchor = None if text is None else text.find(quote) if reader is None else reader.place(key, text, quote)
    return Placement(seed, quote, key, unsafe, text, anchor)


def _place_evidence(project: Project, check: DraftCheck, texts: dict[str, SeedText],
                    reader: QuoteReader | None) -> None:
    for ev in check.draft.evidence:
        if ev.source is None:
            placed = check.placements[ev.index] = place_quote(project, texts, ev.seed, ev.quote, reader)
            if placed.anchor is not None:
                check.anchors[ev.index] = placed.anchor


def _establish_imported(check: DraftCheck) -> None:
    """An imported record: each fact backed by the one outside source it was imported from."""
    facts = check.draft.facts()
    check.backing = {fact: [ev.index for ev in check.draft.evidence] for fact in facts}
    check.basis = {fact: SOURCED for fact in facts}


def _account_for_sentences(texts: dict[str, SeedText], drafts: dict[str, DraftCheck], ignores,
                           coverage: Coverage, reader: QuoteReader | None = None, council=None) -> list:
    """Count the seeds' vote sentences as cited, ignored, reprinted, restated or uncovered; return the
    uncovered ones as (seed name, seed text, sentence). A sentence whose vote words only name a text, a
    time or the veto as a power ("The resolution calls for a ceasefire", "He spoke after the vote")
    counts only when cited or ignored, or when the reader finds a statement in it ("The Council
    adopts Afghanistan resolution"): such words alone report no vote. A headline whose every
    statement a record citing its seed holds restates that record (votes.headlines)."""
    cited: dict[str, list[tuple[int, int]]] = {}
    citing: dict[str, dict[str, object]] = {}  # seed -> the drafts that cite it, by id
    for check in drafts.values():
        for index, placed in check.placements.items():
            if placed.anchor is not None:
                cited.setdefault(placed.key, []).append((placed.anchor.start, placed.anchor.end))
                citing.setdefault(placed.key, {})[check.draft.id] = check.draft
    ignored: dict[str, list[tuple[int, int]]] = {}
    for _, placed in ignores:
        if placed.anchor is not None:
            ignored.setdefault(placed.key, []).append((placed.anchor.start, placed.anchor.end))
    pending = []
    covered_texts = _Covered()
    for name, text in texts.items():
        if reader is not None:
            found = reader.vote_sentences(name, text)  # as an earlier run found them (votes.cache)
        else:
            found = vote_sentences(text.seed.text, text.paragraphs)
        for sentence, is_cited, is_ignored in zip(found, touched(cited.get(name, []), found),
                                                  touched(ignored.get(name, []), found)):
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
        elif reader is not None and not _reports(reader, name, text, sentence):
            coverage.sentences -= 1  # "The resolution calls for a ceasefire": it names a text, no vote
        elif reader is not None and name in citing and is_headline(text.seed.text, sentence.start, sentence.end) \
                and restates(_said(reader, name, text, sentence), list(citing[name].values()), council):
            coverage.restated += 1
        else:
            coverage.uncovered += 1
            uncovered.append((name, text, sentence))
    return uncovered


#: A reprint may lack up to this many of the first words of the sentence it repeats: a dateline or a
#: page's label run into it ("date 2022-05-27 The vote in the 15-member Council was 13-2, ...").
_PREFIX_WORDS = 6
#: ... and must keep at least this many words, so that a short sentence is no reprint by chance.
_TAIL_WORDS = 8


def _tails(key: str) -> list[str]:
    """A sentence's text without its first one to `_PREFIX_WORDS` words, keeping `_TAIL_WORDS` or more."""
    words = key.split(" ")
    return [" ".join(words[drop:]) for drop in range(1, min(_PREFIX_WORDS, len(words) - _TAIL_WORDS) + 1)]


class _Covered:
    """The texts of the cited and ignored sentences. A sentence repeats one when it is the same text,
    or that text without a few first words (a bare repeat of a lead a dateline was run into), or that
    text with a few words run in before it (the other way round). A constant number of set entries
    and look-ups a sentence, so coverage stays linear."""

    def __init__(self):
        self.whole: set[str] = set()
        self.tails: set[str] = set()

    def add(self, key: str) -> None:
        self.whole.add(key)
        self.tails.update(_tails(key))

    def __contains__(self, key: str) -> bool:
        return key in self.whole or key in self.tails or any(tail in self.whole for tail in _tails(key))


def _reports(reader: QuoteReader, name: str, text: SeedText, sentence) -> bool:
    """Whether a seed sentence with a vote word reports a vote (votes.vote_words.reports_a_vote), the
    reader asked only where the words leave it open."""
    def read() -> tuple[bool, bool]:
        said = _said(reader, name, text, sentence)
        return bool(said), any(a.mode == FACT for a in said)

    return reports_a_vote(sentence.text, read)


def _said(reader: QuoteReader, name: str, text: SeedText, sentence) -> list:
    """What the reader finds in a seed sentence, whole."""
    anchor = Anchor(sentence.start, sentence.end, "exact", 0, 0)
    return [a for reading in reader.sentences(name, text, anchor) for a in reading.assertions]


def touched(spans: list[tuple[int, int]], sentences) -> list[bool]:
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
