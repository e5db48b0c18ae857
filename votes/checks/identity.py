"""One sentence, one vote: a sentence backs the votes, tally or status of one draft only, unless
it names both (or speaks of several votes); a sentence that names another draft's drafters,
symbol or date, and not this one's, backs none of this draft's facts."""

from __future__ import annotations

import bisect
from typing import Iterator

from .. import supports
from ..dates import calendar_mentions, date_keys, day_words, relative_day
from ..facts import COUNCIL, DRAFT_FACTS, Facts
from ..model import Draft
from ..problems import ERROR, Code, Problem
from ..quotes import names_draft
from ..reader import OUTCOME, VETO, VOTE, Reading, TextRef, fold
from ..seating import topic_only

NAME = "draft identity"
CODES = (
    Code("evidence-shared", ERROR, "one sentence cited for the votes, tally or status of two drafts, though it "
         "names only one"),
    Code("evidence-other-draft", ERROR, "a quote whose sentence names another draft's drafters, symbol or date "
         "(or the year it places its event in, or, for a vote, the month or weekday of another vote close by), "
         "and not this draft's"),
)
NEEDS = (COUNCIL, DRAFT_FACTS)


def _sentence_key(reading: Reading) -> str:
    return " ".join(fold(reading.text).split())


def check(facts: Facts) -> Iterator[Problem]:
    """One sentence backs one vote unless it names both; a sentence naming only another draft backs none."""
    path = facts.project.records.path
    reader = facts.reader
    checked = facts.checked()
    drafts = [c.draft for c in checked]
    by_date: dict[tuple, list[Draft]] = {}
    by_year: dict[int, list[Draft]] = {}
    for d in drafts:
        if d.date is not None:
            for key in date_keys(d.date):
                by_date.setdefault(key, []).append(d)
            by_year.setdefault(d.date.year, []).append(d)
    by_drafters: dict[str, list[Draft]] = {}
    for d in drafts:
        for code in d.drafted_by:
            by_drafters.setdefault(code, []).append(d)
    by_symbol: dict[str, list[int]] = {}  # symbol -> the places of the drafts that carry it
    for index, d in enumerate(drafts):
        if d.symbol is not None:
            by_symbol.setdefault(d.symbol, []).append(index)
    near = _Votes(drafts)
    shared: dict[str, list[tuple[Draft, int, Reading]]] = {}
    council = facts.project.council
    for check_ in checked:
        draft = check_.draft
        seats = council.seated(draft.year) if draft.year else None
        for ev in draft.evidence:
            anchor = check_.anchors.get(ev.index)
            if anchor is None:
                continue
            placed = check_.placements[ev.index]
            sentences = reader.sentences(placed.key, placed.text, anchor)
            claims = [c for c in ev.supports if supports.names_vote(c) or c == "drafted_by"]
            if not claims:
                continue
            refs = [r for s in sentences for r in s.texts if not topic_only(r, seats)]
            # a draft with no drafters or symbol recorded cannot be told apart by them, but for another draft
            # of its day that the sentence names ("Russia failed in a bid to ..." cited for the rival draft)
            unknown = refs and _refs_unknown(refs, draft)
            # a status is backed by what the quote states: another draft's vote in the rest of its sentence
            # does not make the draft it names this one
            within = anchor if set(claims) == {"status"} else None
            if refs and not any(names_draft(r, draft) for r in refs) and (not unknown or draft.date is not None) \
                    and not _of_an_unnamed_draft(sentences, within):
                candidates = {id(d): d for r in refs for c in sorted(r.drafters)[:1] for d in by_drafters.get(c, ())
                              if not unknown or d.date == draft.date}
                if any(r.symbol for r in refs):
                    # the drafts carrying a symbol a reference names, in record order (a draft without
                    # a symbol is named only by its drafters, and those are candidates already)
                    places = sorted({i for r in refs if r.symbol for i in by_symbol.get(r.symbol, ())})
                    candidates.update({id(drafts[i]): drafts[i] for i in places})
                named = [d for d in candidates.values() if d is not draft and any(names_draft(r, d) for r in refs)]
                if named:
                    yield Problem("evidence-other-draft", f"evidence[{ev.index}]'s sentence names "
                                  f"{refs[0].describe()}, which is draft {named[0].id}, not this one",
                                  path, ev.loc.line, ev.loc.col, draft.id, f"evidence[{ev.index}]",
                                  "cite a sentence about this draft, or move the evidence to the draft it names")
                    continue
            if draft.date is not None:
                said = " ".join(s.text for s in sentences)
                named_dates = calendar_mentions(said, bounds=False)
                if named_dates and not named_dates.intersection(date_keys(draft.date)):
                    other = next((d for key in sorted(named_dates) for d in by_date.get(key, ())
                                  if d is not draft and d.date != draft.date), None)
                    if other is not None:
                        yield Problem("evidence-other-draft", f"evidence[{ev.index}]'s sentence names the date "
                                      f"{other.date.isoformat()} of draft {other.id}, not this draft's "
                                      f"{draft.date.isoformat()}", path, ev.loc.line, ev.loc.col, draft.id,
                                      f"evidence[{ev.index}]", "cite a sentence about this draft's vote")
                        continue
                other = _other_by_year(said, draft, by_year)
                if other is not None:
                    yield Problem("evidence-other-draft", f"evidence[{ev.index}]'s sentence names the year "
                                  f"{other.date.year} of draft {other.id}, not this draft's {draft.date.year}",
                                  path, ev.loc.line, ev.loc.col, draft.id, f"evidence[{ev.index}]",
                                  "cite a sentence about this draft's vote")
                    continue
                manifest = facts.project.manifest
                entry = manifest.entries.get(placed.key) if manifest is not None else None
                other = _other_by_day_words(said, draft, near, entry.published if entry is not None else None) \
                    if any(supports.names_vote(c) for c in claims) else None
                if other is not None:
                    yield Problem("evidence-other-draft", f"evidence[{ev.index}]'s sentence names the month or the "
                                  f"weekday of draft {other.id} ({other.date.isoformat()}), not this draft's "
                                  f"{draft.date.isoformat()}", path, ev.loc.line, ev.loc.col, draft.id,
                                  f"evidence[{ev.index}]", "cite a sentence about this draft's vote")
                    continue
            if any(supports.names_vote(c) for c in claims):
                for s in sentences:
                    if any(a for a in check_.readings.get(ev.index, ()) if s.start <= a.start < s.end):
                        shared.setdefault(_sentence_key(s), []).append((draft, ev.index, s, placed.key))
    for key, uses in shared.items():
        if _one_seed_apart(uses):
            continue
        owners: list[Draft] = []
        for draft, _, _, _ in uses:
            if draft not in owners:
                owners.append(draft)
        if len(owners) < 2:
            continue
        sentence = uses[0][2]
        if sentence.plural or all(any(names_draft(r, d) for r in sentence.texts) for d in owners) or \
                _sides_tell_apart(sentence, owners) or _named_and_another(sentence, owners):
            continue
        first = owners[0]
        for draft, index, _, _ in uses:
            if draft is first:
                continue
            ev = draft.evidence_by_index(index)
            yield Problem("evidence-shared", f"evidence[{index}]'s sentence also backs the votes, tally or status of "
                          f"draft {first.id}: {_short(sentence.text)!r}", path, ev.loc.line, ev.loc.col, draft.id,
                          f"evidence[{index}]", "a sentence reports one vote unless it names both drafts (or says "
                          "'both votes', 'four times' ...); cite a sentence about this draft")


def _one_seed_apart(uses: list) -> bool:
    """The same words at different places of one seed, each place cited for one draft: a list that
    ends each entry with "(Adopted by unanimous vote)" says it of each entry's own resolution. The
    same words in two seeds stay one sentence (a wire story reprinted backs one vote)."""
    places: dict[tuple, set[str]] = {}
    for draft, _, sentence, seed in uses:
        places.setdefault((seed, sentence.start), set()).add(draft.id)
    return len({seed for seed, _ in places}) == 1 and all(len(ids) == 1 for ids in places.values()) \
        and len(places) > 1


def _other_by_year(said: str, draft: Draft, by_year: dict[int, list[Draft]]) -> Draft | None:
    """The first other draft of a year the sentence places its event in ("The US cast two vetoes in
    2006 ...") when that is not this draft's year: the sentence is about that year's votes."""
    words = said.lower().split()
    years = {int(y) for w, y in zip(words, (x.strip(",.;:)") for x in words[1:]))
             if w == "in" and len(y) == 4 and y.isdigit() and 1945 < int(y) < 2100}
    if not years or draft.date.year in years:
        return None
    return next((d for year in sorted(years) for d in by_year.get(year, ()) if d is not draft), None)


#: How far apart two drafts' votes can be for a weekday or a month alone to tell them apart.
_NEAR_DAYS, _NEAR_MONTHS = 60, 330


class _Votes:
    """The drafts that came to a vote on a known day, found by their day: so that a draft is
    compared with the votes close to it, never with every draft of the records."""

    def __init__(self, drafts: list[Draft]):
        self.on_day: dict = {}  # day -> the drafts voted that day, in record order
        voted = []  # (day number, place in the records, draft), by day
        for index, d in enumerate(drafts):
            if d.date is None or d.status in (None, "not-voted"):
                continue  # a draft never voted on has no day of its own to be told apart by
            self.on_day.setdefault(d.date, []).append(d)
            voted.append((d.date.toordinal(), index, d))
        voted.sort(key=lambda v: (v[0], v[1]))
        self.days = [v[0] for v in voted]
        self.voted = voted

    def first_on(self, day, draft: Draft) -> Draft | None:
        """The first draft of the records other than this one voted on that day."""
        return next((other for other in self.on_day.get(day, ()) if other is not draft), None)

    def around(self, draft: Draft, days: int):
        """(place in the records, draft) of each draft voted at most `days` days from this one."""
        at = draft.date.toordinal()
        lo, hi = bisect.bisect_left(self.days, at - days), bisect.bisect_right(self.days, at + days)
        return ((index, other) for _, index, other in self.voted[lo:hi])


def _other_by_day_words(text: str, draft: Draft, near: _Votes, published=None) -> Draft | None:
    """'In October, Russia vetoed a similar US draft' cited for a November vote, or 'vetoed on
    Thursday' for a Tuesday's: a sentence cited for a vote that names a month or a weekday, none of
    them this draft's, while another draft of the records voted close by fits them, is about that draft
    (the first such in the records); so is one that says 'this evening' in an article of another vote's day."""
    day = relative_day(text, published) if published is not None else None
    if day is not None and day != draft.date:
        # "the Security Council this evening failed to adopt ...": the vote of the article's day
        return near.first_on(day, draft)
    months, days = day_words(text)
    if not months and not days:
        return None
    if draft.date.month in months or draft.date.weekday() in days:
        return None
    found = None
    for index, other in near.around(draft, max(_NEAR_DAYS, _NEAR_MONTHS)):
        if other is draft or other.date == draft.date or (found is not None and index > found[0]):
            continue
        apart = abs((other.date - draft.date).days)
        if (other.date.weekday() in days and apart <= _NEAR_DAYS) or (other.date.month in months and apart <= _NEAR_MONTHS):
            found = (index, other)
    return found[1] if found is not None else None


def _sides_tell_apart(sentence, owners: list[Draft]) -> bool:
    """'unanimously renewed the sanctions, rejecting an alternate draft, vetoed by Russia': a
    sentence split into two sides by their outcomes speaks of two drafts, each of which fits one side."""
    sides = {a.text.side: a.text for a in sentence.assertions if a.text is not None and not a.text.named}
    if len(sides) != 2 or len(owners) != 2:
        return False
    fitting = [[side for side, ref in sides.items() if ref.fits(d.status, d.drafted_by)] for d in owners]
    return all(len(f) == 1 for f in fitting) and fitting[0] != fitting[1]


def _named_and_another(sentence, owners: list[Draft]) -> bool:
    """'Russia vetoed a renewal and then failed in its own bid to extend it': of two drafts, the
    sentence names one (Russia's), and states the vote of another, whose status fits it (a veto)."""
    if len(owners) != 2:
        return False
    named = [d for d in owners if any(names_draft(r, d) for r in sentence.texts)]
    if len(named) != 1:
        return False
    other = owners[1] if named[0] is owners[0] else owners[0]
    return any(a.text is not None and a.text.side == "other" and a.text.fits(other.status, other.drafted_by)
               for a in sentence.assertions)


def _of_an_unnamed_draft(sentences, within=None) -> bool:
    """Whether the sentences state a vote of a draft other than the one they name: "Russia vetoed a
    renewal and then failed in its own bid to extend it" names Russia's draft, and the veto is of
    another's (a member never vetoes its own). `within`: only where it stands inside this quote's span
    (a status is backed by what the quote states, not by the rest of its sentence)."""
    return any(a.text is not None and a.text.side == "other" and a.kind in (VETO, VOTE, OUTCOME)
               and (within is None or within.start <= a.start < within.end)
               for s in sentences for a in s.assertions)


def _refs_unknown(refs: list[TextRef], draft: Draft) -> bool:
    """A draft with no recorded drafters or symbol cannot be told apart by them."""
    return not draft.drafted_by and not any(r.symbol for r in refs)


def _short(text: str) -> str:
    return text if len(text) <= 100 else text[:97] + "..."
