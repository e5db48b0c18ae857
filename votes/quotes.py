"""Reading quotes: each quote in its whole sentences, and what the reader finds there.

A quote is read in its whole sentences (so "Britain said" before a quoted "Russia
vetoed the draft" still frames it), and an assertion counts for the quote when
every word it rests on lies inside the quoted parts. `QuoteReader` reads each
passage once for a whole validation; `read_seed` is what `votes read` shows.
"""

from __future__ import annotations

import bisect
import os
import re
from pathlib import Path

from .anchor import Anchor, Paragraphs, SeedText, Sentence
from .cache import ReadingCache, SeedCache, digest, lexicon_key, readings_kept
from .errors import VotesError
from .model import Draft
from .seed_paths import seed_key
from .vote_words import vote_sentences
from .reader import (ALIGNED, DRAFTED, MAX_SENTENCE, STANCE, VETO, VOTE, Assertion, Lexicon, Reading, TextRef,
                     read_passage, refers_back)


#: Quotes whose passages are read ahead, part in a child process, when a processor is free
#: (`QuoteReader.read_ahead`): below this many passages the fork costs more than it saves.
READ_AHEAD_FROM = 1000
#: The share of the passages read here, as they are asked for: this process also does the rest
#: of each draft's work (placing, backing), so the child takes the larger part. With the child's
#: readings handed back chunk by chunk, both end about together when the child reads 70%: at
#: 30,000 drafts a draft's reading costs this process about 2.5 times the rest of its work.
READ_HERE = 0.3
#: A records file from this size up (about 800 drafts) takes long enough to load for a child to read
#: much of what its quotes will need meanwhile (`EarlyReading`).
EARLY_FROM_BYTES = 1 << 20


class QuoteReader:
    """Reads the sentences around each anchored quote once, and keeps what lies inside it."""

    def __init__(self, council, cache: ReadingCache | None = None, places: SeedCache | None = None,
                 found: SeedCache | None = None, early: EarlyReading | None = None):
        self._council = council
        self._lexicon: Lexicon | None = None  # built on the first passage not in the cache
        self._cache = cache
        self._places = places  # where each quote stands in its seed
        self._found = found  # each seed's vote sentences
        self._digests: dict[str, str] = {}  # seed name -> digest of its text, for the cache's keys
        self.labels = {code: m.name for code, m in council.members.items()}
        self._starts: dict[tuple[str, int], list[int]] = {}  # where a paragraph's sentences start
        self._passages: dict[tuple[str, int, int], list[Reading]] = {}
        self._quoted: dict[tuple[str, int, int], list[Reading]] = {}  # (seed, quote start, end) -> readings
        self._passage_of: dict[tuple[str, int, int], tuple[str, int, int]] = {}  # quote -> its passage
        self._bounds: dict[tuple[str, int, int], tuple[str, int, int]] = {}  # the same, kept (`place`)
        self._ahead = None  # (the child, its passages -> their seeds' texts) while a child reads ahead
        self._early = early  # the child reading the seeds' vote sentences while the records loaded
        self._guessed: dict = {}  # what it read: readings by (seed digest, start, end), unused so far
        self._guessed_sentences: dict = {}  # and each seed's vote sentences, by (seed digest,)

    def sentences(self, name: str, text: SeedText, anchor: Anchor) -> list[Reading]:
        """The readings of every sentence the quote touches, whole (looked up once per quote: the
        support and the identity checks both ask)."""
        key = (name, anchor.start, anchor.end)
        found = self._quoted.get(key)
        if found is None:
            found = self._quoted[key] = self._sentences(name, text, anchor)
        return found

    def _sentences(self, name: str, text: SeedText, anchor: Anchor) -> list[Reading]:
        key = self._passage_of.pop((name, anchor.start, anchor.end), None) or self._passage(name, text, anchor)
        found = self._passages.get(key)
        if found is None and self._ahead is not None and key in self._ahead[1]:
            found = self._collect(key)
        if found is None:
            found = self._cached(text, key)
            if found is None:
                found = self._read(text, anchor, key)
                self._fresh(text, key, found)
            self._passages[key] = found
        return found

    @property
    def lexicon(self) -> Lexicon:
        if self._lexicon is None:
            self._lexicon = Lexicon.from_council(self._council)
        return self._lexicon

    def _cache_key(self, text: SeedText, key: tuple[str, int, int]) -> tuple[str, int, int]:
        name, lo, hi = key
        return self._digest(name, text), lo, hi

    def _digest(self, name: str, text: SeedText) -> str:
        """The digest of a seed's text, the cache's key for it (once a seed)."""
        found = self._digests.get(name)
        if found is None:
            found = self._digests[name] = digest(text.seed.text)
        return found

    def _cached(self, text: SeedText, key: tuple[str, int, int]) -> list[Reading] | None:
        """The passage's readings from an earlier run (votes.cache) or from the early child, or None."""
        cache_key = self._cache_key(text, key)
        found = None if self._cache is None else self._cache.get(cache_key)
        if found is None and self._guessed:
            found = self._guessed.pop(cache_key, None)
            if found is not None and self._cache is not None:
                self._cache.put(cache_key, found)  # read this run: kept as if read here
        return found

    def _fresh(self, text: SeedText, key: tuple[str, int, int], readings: list[Reading]) -> None:
        if self._cache is not None:
            self._cache.put(self._cache_key(text, key), readings)

    def keep(self, seeds: dict) -> None:
        """Write what this run read and placed to the cache, for the seeds as they are now (`seeds`:
        name -> Seed)."""
        def live() -> set[str]:
            return {self._digests.get(name) or digest(seed.text) for name, seed in seeds.items()}

        if self._cache is not None:
            self._cache.keep(live)
        for kept in (self._places, self._found):
            if kept is not None:
                kept.keep(live())

    def place(self, name: str, text: SeedText, quote: str) -> Anchor | None:
        """Where the quote stands in the seed (`SeedText.find`), and the passage it is read in, as an
        earlier run found them when it did."""
        if self._places is None:
            return text.find(quote)
        key = (self._digest(name, text), quote)
        kept = self._places.get(key)
        if kept is not None:
            start, end, how, line, col, parts, lo, hi = kept
            self._bounds[(name, start, end)] = (name, lo, hi)
            return Anchor(start, end, how, line, col, parts)
        anchor = text.find(quote)
        if anchor is not None:
            _, lo, hi = bounds = self._passage(name, text, anchor)
            self._bounds[(name, anchor.start, anchor.end)] = bounds  # not worked out again when it is read
            self._places.put(key, (anchor.start, anchor.end, anchor.how, anchor.line, anchor.col, anchor.parts, lo, hi))
        return anchor

    def vote_sentences(self, name: str, text: SeedText) -> list[Sentence]:
        """The seed's sentences with a vote word (votes.vote_words.vote_sentences), as an earlier run
        found them when it did."""
        if self._found is None:
            return vote_sentences(text.seed.text, text.paragraphs)
        key = (self._digest(name, text),)
        kept = self._found.get(key)
        whole = text.seed.text
        if kept is None and self._guessed_sentences:
            kept = self._guessed_sentences.pop(key, None)
            if kept is not None:
                self._found.put(key, kept)
        if kept is not None:
            return [Sentence(start, end, whole[start:end]) for start, end in kept]
        found = vote_sentences(whole, text.paragraphs)
        self._found.put(key, tuple((s.start, s.end) for s in found))
        return found

    def _passage(self, name: str, text: SeedText, anchor: Anchor) -> tuple[str, int, int]:
        """(seed, start, end) of the whole sentences the quote touches (kept with the quote's place)."""
        kept = self._bounds.get((name, anchor.start, anchor.end))
        if kept is not None:
            return kept
        lo = self._sentence_bound(name, text, anchor.start, start=True)
        hi = self._sentence_bound(name, text, max(anchor.end - 1, anchor.start), start=False)
        # a 'sentence' of megabytes (a file on one line) is read only around the quote
        lo = max(lo, _space_before(text.seed.text, anchor.start - MAX_SENTENCE))
        hi = min(hi, _space_after(text.seed.text, anchor.end + MAX_SENTENCE))
        return name, lo, hi

    def _read(self, text: SeedText, anchor: Anchor, key: tuple[str, int, int]) -> list[Reading]:
        _, lo, hi = key
        # the sentences are those of the quote's paragraph, already split, when the passage lies in it
        split = [s for s in text.paragraphs.sentences_around(anchor.start) if lo <= s.start and s.end <= hi]
        whole = bool(split) and split[0].start == lo and split[-1].end == hi
        return read_passage(text.seed.text, self.lexicon, lo, hi, split if whole else None,
                            _text_before(text.paragraphs, lo))

    def read_ahead(self, quotes, parallel: bool | None = None) -> None:
        """Start reading the passages of these quotes, (name, text, anchor) in the order they will be
        asked for, side by side (votes.forking.Streamed): a child process reads the later part of them,
        in order, while this one reads the first part and goes on, and hands its readings back a chunk
        at a time, each as soon as it is made: this process waits only where it catches up. Nothing is
        started for fewer than READ_AHEAD_FROM passages, or where no processor is free (`parallel`:
        whether to fork; default: votes.forking.side_by_side). A passage reads the same in either
        process. What an early child read (`EarlyReading`) is taken first, and not read again."""
        self._take_early()
        passages: dict[tuple[str, int, int], tuple[SeedText, Anchor]] = {}
        for name, text, anchor in quotes:
            quote = (name, anchor.start, anchor.end)
            if quote in self._quoted:
                continue
            key = self._passage_of[quote] = self._passage(name, text, anchor)
            if key not in self._passages and key not in passages:
                cached = self._cached(text, key)
                if cached is not None:
                    self._passages[key] = cached
                else:
                    passages[key] = (text, anchor)
        if len(passages) < READ_AHEAD_FROM:
            return
        from .forking import Streamed, side_by_side

        if not (side_by_side() if parallel is None else parallel):
            return
        theirs = list(passages)[int(len(passages) * READ_HERE):]
        stream = Streamed(theirs, lambda key: self._read(*passages[key], key))
        if stream.pid is not None:  # else (the fork failed) each passage is read here when asked
            self._ahead = (stream, {key: (index, passages[key][0]) for index, key in enumerate(theirs)})

    def _collect(self, key: tuple[str, int, int]) -> list[Reading] | None:
        """The readings of a passage the child reading ahead took, once it has read them (None where it
        failed: the passage is then read here). What it read is kept as if read here."""
        stream, theirs = self._ahead
        index, text = theirs.pop(key)
        found = stream.get(index)
        if found is not None:
            self._passages[key] = found
            self._fresh(text, key, found)
        if not theirs:
            self._ahead = None
        return found

    def stop_reading_ahead(self) -> None:
        """Stop a child still reading ahead, or still reading early, and wait for it: what it read is
        no longer wanted."""
        if self._ahead is not None:
            child, self._ahead = self._ahead[0], None
            child.stop()
        if self._early is not None:
            early, self._early = self._early, None
            early.stop()

    def _take_early(self) -> None:
        """Stop the early child and keep what it read, where it read with this reader's names."""
        early, self._early = self._early, None
        found = None if early is None else early.take()
        if found is not None and found[0] == lexicon_key(self._council):
            _, self._guessed, self._guessed_sentences = found

    def _sentence_bound(self, name: str, text: SeedText, offset: int, start: bool) -> int:
        found = text.paragraphs.sentences_around(offset)
        if not found:
            return offset
        key = (name, found[0].start)
        starts = self._starts.get(key)
        if starts is None:
            starts = self._starts[key] = [s.start for s in found]
        i = max(bisect.bisect_right(starts, offset) - 1, 0)
        return found[i].start if start else max(found[i].end, offset + 1)

    def said(self, name: str, text: SeedText, anchor: Anchor) -> tuple[list[Assertion], set[str]]:
        """The assertions that lie inside the quote's parts, and the members it names."""
        parts = anchor.parts
        if len(parts) == 1:  # a quote without a gap, nearly every one: its one span, compared inline
            (lo, hi), = parts
            inside = lambda span: lo <= span[0] and span[1] <= hi  # noqa: E731
        else:
            inside = lambda span: any(a <= span[0] and span[1] <= b for a, b in parts)  # noqa: E731
        out: list[Assertion] = []
        named: set[str] = set()
        for reading in self.sentences(name, text, anchor):
            named.update(code for code, a, b in reading.mentions if inside((a, b)))
            for a in reading.assertions:
                if not all(inside(k) for k in a.keys):
                    continue
                members = tuple(m for m in a.members if m in a.spans and inside(a.spans[m]))
                if a.kind in (VOTE, VETO, DRAFTED, STANCE, ALIGNED) and not members:
                    continue
                if members != a.members:
                    copy = Assertion(a.kind, members=members, vote=a.vote, count=a.count, all_but=a.all_but,
                                     except_=a.except_, outcome=a.outcome, stance=a.stance, mode=a.mode,
                                     speaker=a.speaker, text=a.text, start=a.start, end=a.end, keys=a.keys,
                                     spans={m: a.spans[m] for m in members}, exhaustive=False, weak=a.weak,
                                     leaders=a.leaders, rule=a.rule)
                    a = copy
                out.append(a)
        return out, named

    def label(self, code: str) -> str:
        return f"{self.labels.get(code, code)} ({code})"


class EarlyReading:
    """The passage of each sentence of the seeds with a vote word, read in a child process while this
    one loads the records (`read_early`), seed by seed until `take` asks for what it has read. A
    record's quote is nearly always such a sentence; a passage reads the same in either process,
    and one that no quote needs is never used nor kept. Only the seeds' texts as they are when
    taken count: what was read is keyed by each seed's digest."""

    def __init__(self, council: Path, seeds: Path):
        import mmap

        from .forking import Child

        self._stop = mmap.mmap(-1, 1)  # shared with the child: a 1 there tells it to stop
        self._child = Child(lambda: _read_sentences(council, seeds, self._stop))

    @property
    def started(self) -> bool:
        """Whether the child could be started (a fork the platform allows)."""
        return self._child.started is not None

    def take(self) -> tuple[str, dict, dict] | None:
        """Stop the child and take what it read: (the key of its lexicon (votes.cache.lexicon_key),
        readings by (seed digest, start, end), vote sentences by (seed digest,)); None where it failed."""
        self._stop[0] = 1
        done, found = self._child.result()
        return found if done else None

    def stop(self) -> None:
        """Kill the child and wait for it: what it read is not wanted."""
        self._child.stop()


def read_early(data: Path, council: Path, seeds: Path) -> EarlyReading | None:
    """Start reading the seeds' vote sentences in a child process (`EarlyReading`) where it pays: a
    records file of EARLY_FROM_BYTES or more, no readings kept for these seeds by a run of this code
    (votes.cache.readings_kept), and a processor free (votes.forking.side_by_side). Else None."""
    from .forking import side_by_side

    try:
        large = os.stat(data).st_size >= EARLY_FROM_BYTES
    except (OSError, ValueError):
        return None
    if not large or readings_kept(seeds) or not side_by_side():
        return None
    early = EarlyReading(council, seeds)
    return early if early.started else None


def _read_sentences(council_path: Path, seeds_dir: Path, stop) -> tuple[str, dict, dict]:
    """The early child's job: each seed's vote sentences and the readings of their passages, as the
    validation would find and read them, until `stop[0]` is set."""
    from .project import load_council, read_seeds

    council, _ = load_council(council_path)
    reader = QuoteReader(council)
    readings: dict[tuple[str, int, int], list[Reading]] = {}
    found: dict[tuple[str], tuple[tuple[int, int], ...]] = {}
    seeds = []  # every seed's vote sentences first (the coverage of the seeds asks for them all), then their passages
    for name, seed in read_seeds(seeds_dir).items():
        if stop[0]:
            break
        text = SeedText(seed)
        seed_digest = digest(seed.text)
        sentences = vote_sentences(seed.text, text.paragraphs)
        found[seed_digest,] = tuple((s.start, s.end) for s in sentences)
        seeds.append((name, text, seed_digest, sentences))
    for name, text, seed_digest, sentences in seeds:
        for sentence in sentences:
            if stop[0]:
                return lexicon_key(council), readings, found
            anchor = Anchor(sentence.start, sentence.end, "exact", 0, 0)
            _, lo, hi = key = reader._passage(name, text, anchor)
            if (seed_digest, lo, hi) not in readings:
                readings[seed_digest, lo, hi] = reader._read(text, anchor, key)
    return lexicon_key(council), readings, found


def _space_before(text: str, at: int) -> int:
    if at <= 0:
        return 0
    found = text.rfind(" ", max(0, at - 200), at)
    return found + 1 if found >= 0 else at


def _space_after(text: str, at: int) -> int:
    if at >= len(text):
        return len(text)
    found = text.find(" ", at, at + 200)
    return found if found >= 0 else at


def about(a: Assertion, draft: Draft) -> bool:
    """False only when the sentence ties the assertion to a draft that is not this one; a veto is never
    of its vetoing members' own draft."""
    if a.kind == VETO and a.members and draft.drafted_by and set(a.members) <= set(draft.drafted_by):
        return False
    ref = a.text
    if ref is None:
        return True
    if not ref.named:
        return ref.fits(draft.status, draft.drafted_by)
    if ref.symbol:
        return draft.symbol is None or _names_symbol(ref, draft.symbol)
    return not draft.drafted_by or ref.drafters <= set(draft.drafted_by)


def names_draft(ref: TextRef, draft: Draft) -> bool:
    """The sentence's reference identifies this draft by its drafters or symbol."""
    if not ref.named:
        return False
    if ref.symbol:
        return _names_symbol(ref, draft.symbol)
    return bool(draft.drafted_by) and ref.drafters <= set(draft.drafted_by)


#: A revision's suffix: "S/18016/Rev.1" is a revised text of the draft "S/18016".
_REVISION = re.compile(r"/\s?Rev\.\s?\d{1,2}$", re.IGNORECASE)


def _names_symbol(ref: TextRef, symbol: str | None) -> bool:
    """The sentence names the draft by this symbol, or by the draft's it revises or is revised by ("S/18016"
    for the vote on "S/18016/Rev.1")."""
    if symbol is None:
        return False
    named = ref.symbols()
    return symbol in named or _REVISION.sub("", symbol) in {_REVISION.sub("", x) for x in named}


# --- what the reader finds, for `votes read` -------------------------------------------------------

def read_seed(project, target: str) -> tuple[str, list[Reading]]:
    """The readings of a seed's sentences (`SEED`), or of those on one line (`SEED:LINE`).

    Paragraphs are read whole (votes.anchor.Paragraphs: a sentence runs on across a line break
    in a hard-wrapped text, after a comma or colon, or into a line in lower case). Without a
    line, only sentences that assert something are kept.
    """
    name, line = target, None
    head, sep, tail = target.rpartition(":")
    if sep and tail.isdigit():
        name, line = head, int(tail)
    name = seed_key(name)
    prefix = project.seeds_display + "/"
    if name.startswith(prefix):
        name = name[len(prefix):]
    seed = project.seeds.get(name)
    if seed is None:
        raise VotesError(f"no seed '{name}' in {project.seeds_display}/; seeds: {', '.join(sorted(project.seeds))}")
    text = seed.text
    lexicon = Lexicon.from_council(project.council)
    paragraphs = Paragraphs(text)
    if line is not None:
        starts = seed.line_starts  # lines as validation messages count them
        if not 1 <= line <= len(starts):
            raise VotesError(f"{name} has {len(starts)} lines; no line {line}")
        lo, hi = paragraphs.around(starts[line - 1])
        line_lo = starts[line - 1]
        line_hi = starts[line] - 1 if line < len(starts) else len(text)
        readings = [r for r in read_passage(text, lexicon, lo, hi, before=_text_before(paragraphs, lo))
                    if r.start <= line_hi and line_lo <= r.end]
        return name, readings
    out: list[Reading] = []
    pos = 0
    while pos < len(text):
        lo, hi = paragraphs.around(pos)
        out += [r for r in read_passage(text, lexicon, lo, hi, before=_text_before(paragraphs, lo)) if r.assertions]
        pos = hi + 1
    return name, out


def _text_before(paragraphs: Paragraphs, lo: int) -> str | None:
    """The text of the sentence before the passage starting at `lo`, when the passage opens with
    "They" (or "These", "Those", "It") or names a group ("the three above countries"): what the
    pronoun or the group may stand for."""
    if not refers_back(paragraphs.text[lo:lo + 400].lstrip()):
        return None
    before = paragraphs.sentence_before(lo)
    return before.text if before is not None else None
