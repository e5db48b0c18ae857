"""The engine: the rule table applied to a chunked sentence, and a mode for every assertion.

For each rule, in the table's order, the engine tries the rule's pattern where its anchor
word stands; a match turns into the assertions its yields name, and its words are claimed,
so that a later, looser rule does not read them again. Then each assertion gets its mode
from what frames it (votes.reader.chunker, votes.reader.frames) and the draft its clause
names. Nothing here knows a sentence shape: the shapes are the table's.
"""

from __future__ import annotations

import bisect
import re
from operator import itemgetter

from . import words as W
from .chunker import Chunked
from .counts import BEFORE_NAMES
from .index import entries
from .patterns import Capture, group_reference, subject_start
from .pieces import Chunk
from .modes import count_mode, mode_of, parenthesis_mode, words_mode
from .rule import AMONG, COUNTED, AllBut, Caused, Count, Drafted, Outcome, Respectively, Rule, Same, Score, Stance, Vote
from .scopes import after_dateline
from .tokens import symbols
from ..resolution_years import NOT_A_SCORE, adopted_in
from .types import Assertion, TextRef
from .words import ALIGNED, COUNT, DRAFTED, FACT, OUTCOME, REPORTED, REST, STANCE, VETO, VOTE

_KIND_ORDER = {kind: i for i, kind in enumerate(W.KINDS)}


#: Nouns that stand between a name used as an adjective and the member meant: "Syrian ally Russia".
_ROLE_NOUNS = frozenset({"ally", "allies", "partner", "backer", "patron", "friend", "neighbour", "neighbor"})


class Table:
    """The rules, indexed by the words their anchors start with, each with the words a sentence
    must hold for its pattern to match at all."""

    def __init__(self, rules: list[Rule]):
        self.rules = rules
        names = [r.name for r in rules]
        if len(set(names)) != len(names):
            raise ValueError("two rules share a name")
        indexed = entries(rules)
        #: per rule, its trigger words (its anchor's first words)
        self.starts = [triggers for triggers, _, _ in indexed]
        self.triggers = frozenset().union(*self.starts)
        #: trigger word -> the indices of the rules it anchors, in the table's order
        self.by_word: dict[str, list[int]] = {}
        for index, triggers in enumerate(self.starts):
            for word in triggers:
                self.by_word.setdefault(word, []).append(index)
        #: per rule, sets of words of which a sentence must hold one each (its pattern's required words)
        self.needs = [needs for _, needs, _ in indexed]
        #: the words that decide which rules a sentence tries: the triggers and the required words
        self.deciding = self.triggers.union(*(need for needs in self.needs for need in needs))
        #: per rule, the kinds of chunk its pattern cannot match without (see `chunk_kinds`)
        self.chunks = [chunks for _, _, chunks in indexed]
        self._plans: dict[tuple[frozenset[str], frozenset[str]], tuple] = {}

    def plan(self, words: frozenset[str], chunks: frozenset[str]) -> tuple[tuple[Rule, tuple[str, ...]], ...]:
        """The rules a sentence of these words and kinds of chunk tries, in the table's order, each with its
        trigger words the sentence holds: those anchored at one of its words whose required words and
        chunks it holds (any other would match nowhere). Kept by the deciding words the sentence holds
        and its kinds of chunk, which alone decide it."""
        key = (words & self.deciding, chunks)
        found = self._plans.get(key)
        if found is None:
            if len(self._plans) >= _PLANS_KEPT:
                self._plans.clear()
            found = self._plans[key] = self._make_plan(*key)
        return found

    def _make_plan(self, words: frozenset[str], chunks: frozenset[str]) -> tuple[tuple[Rule, tuple[str, ...]], ...]:
        present = words & self.triggers
        rules, needs, plan = self.rules, self.needs, []
        for index in sorted(set().union(*map(self.by_word.__getitem__, present))):
            if not self.chunks[index] <= chunks:
                continue
            for need in needs[index]:
                if words.isdisjoint(need):
                    break
            else:
                plan.append((rules[index], tuple(self.starts[index] & present)))
        return tuple(plan)


#: How many plans (votes.reader.engine.Table.plan) a table keeps before it starts afresh.
_PLANS_KEPT = 4096


def chunk_kinds(s: Chunked) -> frozenset[str]:
    """The kinds of chunk a sentence holds, as slots name them (LIST, ONE, COUNT, TOTAL, SCORE, REST)."""
    kinds = set()
    if s.lists_at or s.lists_end or s.titled:
        kinds.add("LIST")
    if s.mention_at or s.mention_end:
        kinds.add("ONE")
    if s.rests_at or s.rests_end:
        kinds.add("REST")
    for chunk in (*s.counts_at.values(), *s.counts_end.values()):
        kinds.add("COUNT" if chunk.kind == "count" else "SCORE")
        if chunk.total is not None:
            kinds.add("TOTAL")
    return frozenset(kinds)


class Read:
    """What the engine finds in one sentence: assertions, the drafts named, unknown names."""

    def __init__(self, s: Chunked, table: Table):
        self.s = s
        self.out: list[Assertion] = []
        self.claimed: set[int] = set()
        self.unknown: list[tuple[str, int, int]] = []
        self.resolved: list[tuple[str, int, int]] = []  # members an opening "They" stands for, at its span
        self.texts: list[TextRef] = []
        self.symbols: list[tuple[int, int, TextRef]] = []
        self._run(table)

    def _run(self, table: Table) -> None:
        s = self.s
        if s.words.isdisjoint(table.triggers):
            self._refs()
            return
        plan = table.plan(s.words, chunk_kinds(s))
        if plan:
            at: dict[str, list[int]] = {}
            triggers = table.triggers
            for i, w in enumerate(s.low):
                if w in triggers:
                    at.setdefault(w, []).append(i)
            for rule, present in plan:
                self._try(rule, at[present[0]] if len(present) == 1 else sorted({i for w in present for i in at[w]}))
        self._refs()
        if self.texts:  # with no draft named, no assertion is about a named one
            for a in self.out:
                if a.kind != DRAFTED and a.text is None:
                    a.text = _text_for(self, a)
        elif s.asides_open:  # but one in an aside about "a resolution" is another draft's
            _other_in_asides(s, self.out)
        if len(self.out) > 1 and not s.words.isdisjoint(_SECOND_DRAFT):
            second_draft_sides(s, self.out)
        if "only" in s.words and len(self.out) > 2:
            order_scores(s, self.out)
        if len(self.out) > 1:
            _in_order(self.out)

    def _try(self, rule: Rule, places: list[int]) -> None:
        """The rule's pattern tried at each place its anchor word stands (`places`, in order)."""
        s = self.s
        for i in places:
            if i in self.claimed and not rule.shares:
                continue  # a more specific rule read this word already
            found = rule.pattern.match(s, i)
            if found is None:
                continue
            start, end, caps = found
            if self._apply(rule, start, end, caps, i) and not rule.shares:
                self.claimed.add(i)

    # yields ------------------------------------------------------------------------------------
    def _apply(self, rule: Rule, start: int, end: int, caps: dict, anchor: int) -> bool:
        s = self.s
        lits = caps.get("_lit")  # the spans of the words the phrase matched, the first and last of which key it
        key_lo = min(lits)[0] if lits else anchor
        key_hi = max(map(itemgetter(1), lits)) if lits else anchor + 1
        if not _lengths_agree(rule, caps) or (not s.bodies and _more_than_the_seats(rule, caps)):
            return False
        made = 0
        for spec in rule.yields:
            if isinstance(spec, Vote):
                made += self._vote(rule, spec, caps, start, end, key_lo, key_hi)
            elif isinstance(spec, Count):
                made += self._count(rule, spec, caps, start, end, key_lo, key_hi)
            elif isinstance(spec, Score):
                made += self._score(rule, spec, caps, start, end)
            elif isinstance(spec, Outcome):
                mode = mode_of(self.s, rule, caps, start, key_lo, key_hi)
                span = s.span(start, end)
                self._add(Assertion(OUTCOME, outcome=spec.outcome, mode=mode, start=span[0], end=span[1],
                                    keys=(s.span(key_lo, key_hi),), rule=rule.name))
                made += 1
            elif isinstance(spec, Drafted):
                made += self._drafted(rule, spec, caps, start, end, key_lo, key_hi)
            elif isinstance(spec, Stance):
                made += self._stance(rule, spec, caps, start, end, key_lo, key_hi)
            elif isinstance(spec, Caused):
                made += self._caused(rule, spec, caps, start, end, key_lo, key_hi)
            elif isinstance(spec, Respectively):
                made += _respectively(self, rule, spec, caps, start, end, key_lo, key_hi)
            elif isinstance(spec, AllBut):
                made += _all_but(self, rule, spec, caps, start, end, key_lo, key_hi)
            elif isinstance(spec, Same):
                made += self._same(rule, spec, caps, anchor, end, key_lo, key_hi)
        return made > 0 or not rule.yields  # a rule that yields nothing keeps a shape from a rule after it

    def _members(self, cap: Capture, start: int) -> tuple[tuple[str, ...], dict] | None:
        """The members a list or a pronoun stands for, with the spans of their names."""
        s = self.s
        if cap.kind == "list":
            chunk = cap.chunk
            if chunk.unknown:
                self.unknown += [u for u in s.unknown_names if s.st[chunk.start] <= u[1] < s.en[chunk.end - 1] + 1
                                 and u not in self.unknown]
            return (chunk.codes, dict(chunk.spans)) if chunk.codes else None
        if cap.kind == "pronoun":
            word = s.low[cap.start]
            speech = s.frame(cap.start, "speech")
            span = s.span(cap.start, cap.end)
            if speech is not None and speech.speakers and (word in W.SELF_WORDS or word == "the"):
                return speech.speakers, {c: span for c in speech.speakers}  # "Britain and France said they ..."
            if group_reference(s, cap.start) == cap.end:  # "the three above countries": those named before
                self.resolved += [(c, *span) for c in s.antecedent if (c, *span) not in self.resolved]
                return s.antecedent, {c: span for c in s.antecedent}
            if word in ("it", "they", "he", "she", "its", "their", "both", "all"):
                prior = _prior_members(s, cap.start)
                if prior:
                    return prior, {c: span for c in prior}
                carried = _carried(self.s, cap)
                if carried:
                    self.resolved += [(c, *span) for c in carried if (c, *span) not in self.resolved]
                    return carried, {c: span for c in carried}
        return None

    def _vote(self, rule, spec: Vote, caps, start, end, key_lo, key_hi) -> int:
        s = self.s
        cap = _opener(s) if spec.who == "OPENER" else caps.get(spec.who)
        if cap is None:
            return 0
        if cap.kind == "list" and cap.end < s.n and s.low[cap.end] in W.DRAFT_NOUNS:
            return 0  # "abstained from the Franco-Spanish draft and voted for": a name before 'draft' names it
        mode = mode_of(self.s, rule, caps, start, key_lo, key_hi, subject=cap)
        counted = caps.get("COUNT")
        if mode == FACT and spec.full and counted is not None and counted.start < cap.start:
            # the list after its count ("would have drawn 2 negative votes (A, B)") states what the
            # count states
            mode = count_mode(s, counted.start) or mode
        lo, hi = min(start, cap.start), max(end, cap.end)
        span = s.span(lo, hi)
        if cap.kind in ("list", "pronoun"):
            found = self._members(cap, start)
            if found is None:
                return 0
            codes, spans = found
            vote = spec.vote
            if vote in (COUNTED, AMONG):  # "Four abstained. These were A, B, C and D.": the count's vote, as many
                if not _fits_the_count_before(s, vote, len(codes), counted):
                    return 0  # "... Russia and China were among them": no more than it counts
                vote = s.counted[0]
            speaker = None
            speech = s.frame(key_lo, "speech")
            if speech is not None:
                speaker = speech.speaker
                if mode == REPORTED and speech.speakers and set(codes) <= set(speech.speakers):
                    mode = FACT  # "Angola's ambassador said his country abstained": its own vote
            mode = parenthesis_mode(self.s, codes, key_lo, mode)
            kind = VETO if spec.veto else VOTE
            self._add(Assertion(kind, members=tuple(codes), vote=vote, mode=mode, start=span[0], end=span[1],
                                keys=(s.span(key_lo, key_hi),), spans=spans,
                                exhaustive=spec.full and not _a_part(s, key_lo, counted), weak=spec.weak,
                                speaker=speaker, rule=rule.name))
            return 1
        chunk = cap.chunk
        keys = (s.span(min(cap.start, key_lo), max(cap.end, key_hi)),)
        if chunk.codes and cap.kind in ("count", "rest") and not chunk.except_:
            # "10 nations, including the United States and Britain, voted in favour"
            self._add(Assertion(VETO if spec.veto else VOTE, members=chunk.codes, vote=spec.vote, mode=mode,
                                start=span[0], end=span[1], keys=(s.span(key_lo, key_hi),), spans=dict(chunk.spans),
                                rule=rule.name))
        if cap.kind == "count" and spec.veto and _all_the_permanent(s, cap):
            return 0  # "The five permanent members ... use their veto power to keep wars going": all of them, no vote
        if cap.kind == "count" and spec.veto and cap.end - cap.start > 1:
            # "3 Nations Veto U.N. Censure": a veto cast, by as many permanent members; the no votes
            # may be more ("... Australia and Denmark voted against"). A bare number is a tally's item
            # ("11 in favour, one veto and three abstentions"): the no votes
            self._add(Assertion(OUTCOME, outcome="vetoed", mode=mode, start=span[0], end=span[1], keys=keys,
                                rule=rule.name))
            if (listed := _count_listed(s, end, chunk)) is not None:
                self._add(Assertion(VETO, members=listed.codes, vote=spec.vote, mode=mode, start=span[0],
                                    end=s.en[listed.end], keys=keys, spans=dict(listed.spans), rule=rule.name))
            return 1
        if cap.kind == "count":
            if chunk.count is None and chunk.all_but is None:
                return 0  # "Three of the Big Four voted for it": part of a group, no count of the vote
            if _all_named(chunk, chunk.codes):
                return 1  # "five others - A, B, C, D and E - supported it": those five, not the rest
            self._add(Assertion(_count_kind(chunk), vote=spec.vote, count=chunk.count, all_but=chunk.all_but,
                                mode=mode, start=span[0], end=span[1], keys=keys, rule=rule.name))
            if (listed := _count_listed(s, end, chunk)) is not None:
                # "two were against (Russia and China)", "seven voted against the resolution (A, B, ...)"
                self._add(Assertion(VOTE, members=listed.codes, vote=spec.vote, mode=mode, start=span[0],
                                    end=s.en[listed.end], keys=keys, spans=dict(listed.spans), exhaustive=True,
                                    rule=rule.name))
            elif not chunk.codes:
                self._included(rule, spec.vote, chunk.count, end, span[0], keys, mode)
            if (own := _speakers_counted(s, cap)) is not None:  # their own votes: no one else's account
                named = s.span(cap.start, cap.end)
                self._add(Assertion(VOTE, members=own, vote=spec.vote, mode=FACT if mode == REPORTED else mode,
                                    start=span[0], end=span[1], keys=keys, spans={c: named for c in own},
                                    rule=rule.name))
            return 1
        if cap.kind == "rest":
            if (lead := _lead_of_rest(s, cap)) is not None:  # "Britain, France and all other members voted for it"
                self._add(_voted_as(s, lead, spec, mode, span[1], keys, rule.name))
            self._add(Assertion(REST, vote=spec.vote, count=chunk.count, except_=chunk.except_, mode=mode,
                                start=span[0], end=span[1], keys=keys, spans=dict(chunk.spans), rule=rule.name))
            if not chunk.codes and not chunk.except_:
                # "the other six members abstained, including permanent members Russia and China"
                self._included(rule, spec.vote, chunk.count, end, span[0], keys, mode)
            return 1
        return 0

    def _count(self, rule, spec: Count, caps, start, end, key_lo, key_hi) -> int:
        s = self.s
        if spec.of is not None:  # "only A and B" ('LIST'), "apart from A, only B and C" ('LIST+LIST2'),
            # "India, along with four other members, abstained" ('LIST+COUNT')
            listed = [caps.get(slot) for slot in spec.of.split("+")]
            if any(cap is None or cap.kind not in ("list", "count", "rest")
                   or cap.kind in ("count", "rest") and cap.chunk.count is None for cap in listed):
                return 0  # "Russia and China, along with the eight other members": 'rest' with its number too
            if _of_a_group(s, key_lo):
                return 0  # "Of the P5, only France voted in favour": the count of the group, not of the vote
            number = sum(cap.chunk.items if cap.kind == "list" else cap.chunk.count for cap in listed)
            lo, hi = min([key_lo] + [cap.start for cap in listed]), max([key_hi] + [cap.end for cap in listed])
        elif spec.everyone:  # "unanimously": all but none of the members seated
            if spec.vote == "yes" and any(w in _ABSTAINING and not (k and s.low[k - 1] in ("no", "without", "zero"))
                                          for k, w in enumerate(s.low)):
                return 0  # "The vote was unanimous, 14-0, with only the United States abstaining": none against
            mode = count_mode(self.s, key_lo) or mode_of(self.s, rule, caps, start, key_lo, key_hi)
            span = s.span(key_lo, key_hi)
            self._add(Assertion(COUNT, vote=spec.vote, all_but=0, mode=mode, start=span[0], end=span[1],
                                keys=(span,), rule=rule.name))
            return 1
        elif spec.n is not None:
            number, lo, hi = spec.n, key_lo, key_hi
        else:
            cap = caps.get(spec.slot)
            if cap is None or cap.kind != "count":
                return 0
            number, lo, hi = cap.chunk.count, min(cap.start, key_lo), max(cap.end, key_hi)
            if number is None:
                return 0
        if spec.of is None and spec.n is None and _others_named(caps, spec.slot):
            return 1  # "four others - A, B, C and D - abstained": those four, not the rest of the Council
        mode = count_mode(self.s, lo) or mode_of(self.s, rule, caps, start, key_lo, key_hi)
        span = s.span(lo, hi)
        kind = COUNT if spec.of is not None or spec.n is not None else _count_kind(caps[spec.slot].chunk)
        self._add(Assertion(kind, vote=spec.vote, count=number, mode=mode, start=span[0], end=span[1],
                            keys=(span,), exhaustive=spec.of is not None, rule=rule.name))
        if spec.slot in caps and not caps[spec.slot].chunk.codes and spec.of is None and spec.n is None:
            self._included(rule, spec.vote, number, end, span[0], (span,), mode)
        else:
            counted = _counted_vote(rule, spec, caps, mode, span)
            if counted is not None:
                self._add(counted)
        return 1

    def _included(self, rule, vote: str, number: int | None, end: int, start: int, keys, mode: str) -> None:
        """'two against including the UK and US', 'two abstentions, including Brazil': the members a
        counted vote includes vote so (not the whole of it)."""
        listed = _included_list(self.s, end, number)
        if listed is not None:
            self._add(Assertion(VOTE, members=listed.codes, vote=vote, mode=mode, start=start,
                                end=self.s.en[listed.end - 1], keys=keys, spans=dict(listed.spans), rule=rule.name))

    def _score(self, rule, spec: Score, caps, start, end) -> int:
        s = self.s
        cap = caps.get(spec.slot)
        if cap is None or (spec.parts and sum(n is not None for n in cap.chunk.scores) != spec.parts):
            return 0
        mode = count_mode(self.s, cap.start) or mode_of(self.s, rule, caps, start, min(start, cap.start), cap.end)
        made = 0
        unordered = _unordered(s, cap)
        for vote, number in zip(("yes", "no", "abstain"), cap.chunk.scores):
            if number is None or (unordered and vote != "abstain"):
                continue
            span = s.span(cap.start, cap.end)
            self._add(Assertion(COUNT, vote=vote, count=number, mode=mode, start=span[0], end=span[1],
                                keys=(span,), rule=rule.name))
            made += 1
        return made

    def _drafted(self, rule, spec: Drafted, caps, start, end, key_lo, key_hi) -> int:
        s = self.s
        cap = _owner(s, key_lo) if spec.who == "OWNER" else caps.get(spec.who)
        if cap is None:
            return 0
        found = self._members(cap, start)
        if found is None:
            return 0
        codes, spans = found
        mode = mode_of(self.s, rule, caps, start, key_lo, key_hi, subject=cap, drafting=True)
        lo, hi = min(start, cap.start), max(end, cap.end)
        span = s.span(lo, hi)
        for a in self.out:
            if a.kind == DRAFTED and set(a.members) == set(codes) and a.start <= span[0] and span[1] <= a.end:
                return 0
        # "two rival resolutions, put forward by Russia and the United States": one draft each
        several = len(codes) > 1 and (_distributive(s, min(start, cap.start), cap.end) or _each_drafted(s, cap, key_lo))
        groups = [(code,) for code in codes] if several else [tuple(codes)]
        for group in groups:
            bare = rule.name in _NAME_BEFORE_NOUN and all(s.text[spans[c][0]:spans[c][1]] in s.countries for c in group)
            self._add(Assertion(DRAFTED, members=group, mode=mode, start=span[0], end=span[1],
                                keys=(s.span(key_lo, key_hi),), spans={c: spans[c] for c in group},
                                text=TextRef(frozenset(group), bare=bare), rule=rule.name))
        return 1

    def _stance(self, rule, spec: Stance, caps, start, end, key_lo, key_hi) -> int:
        s = self.s
        if spec.who == "SPEAKER":
            speech = s.frame(key_lo, "speech")
            if speech is None or not speech.speaker:
                return 0
            span = s.span(key_lo, key_hi)
            codes, spans = (speech.speaker,), {speech.speaker: span}
            cap = None
        else:
            cap = caps.get(spec.who)
            if cap is None:
                return 0
            found = self._members(cap, start)
            if found is None:
                return 0
            codes, spans = found
        mode = mode_of(self.s, rule, caps, start, key_lo, key_hi, subject=cap)
        speech = s.frame(key_lo, "speech")
        if mode == REPORTED and speech is not None and speech.speaker in codes:
            mode = FACT
        span = s.span(min(start, cap.start), max(end, cap.end)) if cap is not None else s.span(start, end)
        made = 0
        for code in codes:
            self._add(Assertion(STANCE, members=(code,), stance=spec.stance, mode=mode, start=span[0], end=span[1],
                                keys=(s.span(key_lo, key_hi),), spans={code: spans[code]}, rule=rule.name))
            made += 1
        return made

    def _same(self, rule, spec: Same, caps, start, end, key_lo, key_hi) -> int:
        """'..., as did X', 'alongside X', 'was joined by X': X voted as the vote before (`start`: the anchor)."""
        s = self.s
        cap = caps.get(spec.who)
        if cap is None:
            return 0
        here = s.st[start]
        before = [a for a in self.out if a.kind in (VOTE, VETO) and a.start < here]
        leaders = self._members(caps[spec.leaders], start) if spec.leaders in caps else None
        if leaders is not None:  # "China voted with Russia": the vote before only if it is Russia's
            before = [a for a in before if set(leaders[0]) <= set(a.members)]
            if not before:
                return _aligned(self, rule, cap, caps[spec.leaders], leaders, caps, start, end, key_lo, key_hi)
        if not before:  # "but in the end, both countries abstained, as did Denmark": the verb's own vote
            verb = _vote_just_before(s, start) if leaders is None and cap.kind == "list" else None
            found = self._members(cap, start) if verb is not None else None
            if found is None:
                return 0
            span = s.span(min(start, cap.start), max(end, cap.end))
            mode = words_mode(s, range(max(s.clause_start(verb[1]), verb[1] - 4), verb[1]), rule.absorbs)
            self._add(Assertion(VOTE, members=found[0], vote=verb[0], mode=mode if mode != FACT else mode_of(
                s, rule, caps, start, key_lo, key_hi, subject=cap), start=span[0], end=span[1],
                keys=(s.span(key_lo, key_hi),), spans=found[1], rule=rule.name))
            return 1
        prior = max(before, key=lambda a: a.end)
        mode = prior.mode
        if mode == FACT:
            mode = mode_of(self.s, rule, caps, start, key_lo, key_hi, subject=cap)
        span = s.span(min(start, cap.start), max(end, cap.end))
        if cap.kind == "rest":  # "along with all other members"
            chunk = cap.chunk
            self._add(Assertion(REST, vote=prior.vote, count=chunk.count, except_=chunk.except_, mode=mode,
                                start=span[0], end=span[1], keys=(s.span(key_lo, key_hi),), spans=dict(chunk.spans),
                                rule=rule.name))
            return 1
        found = self._members(cap, start)
        if found is None:
            return 0
        codes, spans = found
        self._add(Assertion(prior.kind, members=codes, vote=prior.vote, mode=mode, start=span[0], end=span[1],
                            keys=(s.span(key_lo, key_hi),), spans=spans, speaker=prior.speaker, rule=rule.name))
        return 1

    def _caused(self, rule, spec: Caused, caps, start, end, key_lo, key_hi) -> int:
        s = self.s
        cap = caps.get(spec.who)
        if cap is None or cap.kind != "list" or not cap.chunk.codes:
            return 0
        veto = set(cap.chunk.codes) <= s.permanent
        made = self._vote(rule, Vote("no", spec.who, veto=veto), caps, start, end, key_lo, key_hi)
        if veto and made:
            mode = mode_of(s, rule, caps, start, key_lo, key_hi, subject=cap)
            span = s.span(start, end)
            self._add(Assertion(OUTCOME, outcome="vetoed", mode=mode, start=span[0], end=span[1],
                                keys=(s.span(key_lo, key_hi),), rule=rule.name))
        return made

    def _add(self, a: Assertion) -> None:
        add_assertion(self.out, a)


    # drafts named ----------------------------------------------------------------------------
    def _refs(self) -> None:
        refs = []
        for a in self.out:
            if a.kind == DRAFTED and a.text not in refs:
                refs.append(a.text)
        self.symbols = _named_symbols(self.s.text)  # found once for every clause that asks
        refs += [ref for _, _, ref in self.symbols]
        self.texts = refs


#: Rules that read a name standing just before a draft noun as its drafter: a country's bare name
#: there ("Russia, China veto Syria resolution") may be what the draft is about (TextRef.bare).
_NAME_BEFORE_NOUN = frozenset({"adjective-draft"})


def add_assertion(out: list[Assertion], a: Assertion) -> None:
    """Add an assertion unless one the same stands where its key does; a list one rule reads as the
    whole of that vote is so whichever rule read it first."""
    for b in out:
        if (b.kind, b.members, b.vote, b.count, b.all_but, b.outcome, b.stance, b.mode, b.except_, b.leaders) == (
                a.kind, a.members, a.vote, a.count, a.all_but, a.outcome, a.stance, a.mode, a.except_, a.leaders) and \
                b.start <= a.keys[0][0] < b.end:
            b.exhaustive = b.exhaustive or a.exhaustive
            return
    out.append(a)


#: Rules whose adoption is only the members' majority, which a veto the sentence states refutes.
_ADOPTED_BY_A_MAJORITY = frozenset({"council-voted-in-favour-of"})


def _in_order(out: list[Assertion]) -> None:
    """The assertions in the order of the sentence, less an adoption a stated veto refutes."""
    out.sort(key=lambda a: (a.start, _KIND_ORDER[a.kind]))
    _vetoed_not_adopted(out)


def _vetoed_not_adopted(out: list[Assertion]) -> None:
    """'The council voted overwhelmingly in favour of the resolution ... but it was doomed by the
    veto': the Council's members voted for it, and the text the sentence says was vetoed was not
    adopted. The adoption is dropped where a veto of the same text is stated with the same mode."""
    for a in [a for a in out if a.kind == OUTCOME and a.rule in _ADOPTED_BY_A_MAJORITY]:
        if any(b is not a and b.mode == a.mode and b.text == a.text and (
                b.kind == VETO or b.kind == OUTCOME and b.outcome == "vetoed") for b in out):
            out.remove(a)


def _named_symbols(text: str) -> list[tuple[int, int, TextRef]]:
    """The symbols of the drafts a sentence names (not of meeting records), each with the resolution the
    sentence says it was adopted as; with none, the resolutions it reports adopted by their numbers
    ("Resolution 687, adopted on 3 April 1991, ...")."""
    became = _ADOPTED_AS.search(text) if "adopted as" in text else None
    resolution = f"S/RES/{became.group(1)} ({became.group(2)})" if became else None
    found = symbols(text)
    lowered = text.lower() if found else ""  # no document's word in it, no symbol of one
    documents = any(word in lowered for word in _OTHER_DOCUMENTS)
    named = [(start, end, TextRef(frozenset(), symbol, resolution=resolution)) for start, end, symbol in found
             if not symbol.startswith("S/PV") and not (documents and _another_document(text, start))]
    if not found and not became and "esolution" in text:
        named = [(start, end, TextRef(frozenset(), symbol)) for start, end, symbol in resolutions_voted(text)]
    return named


def _speakers_counted(s: Chunked, cap: Capture) -> tuple[str, ...] | None:
    """The members speaking together whom 'the four countries' in their words counts: "The representative
    of Sierra Leone, also speaking for Algeria, Guyana and Mozambique, noted that the four countries
    abstained"; None for any other count."""
    k = cap.start - (cap.start > 0 and s.low[cap.start - 1] == "the")
    if s.low[k] != "the" or s.low[cap.end - 1] not in ("countries", "members", "delegations", "states"):
        return None
    speech = s.frame(cap.start, "speech")
    if speech is None or len(speech.speakers) < 2 or cap.chunk.count != len(speech.speakers):
        return None
    return speech.speakers


def _prior_members(s: Chunked, k: int) -> tuple[str, ...] | None:
    """The member list a pronoun at token k stands for: the nearest list before it (25 tokens) that is
    neither an owner ("Russia, Syria's closest ally, ... after it joined China") nor the object of a
    preposition, a hyphened adjective between them ("... in war-torn Mali on August 30 when it vetoed")."""
    for j in range(k, max(k - 25, 0), -1):
        chunk = s.lists_end.get(j)
        if chunk is not None and chunk.codes and not s.possessive(chunk) and not _after_preposition(s, chunk.start):
            return chunk.codes
    return None


_PREPOSITIONS = frozenset({"by", "of", "from", "to", "with", "against", "'", "on", "in", "at", "for", "about", "over"})


def _after_preposition(s: Chunked, i: int) -> bool:
    """A preposition stands just before token i, or before a hyphened adjective just before it ("in war-torn")."""
    j = i - 1
    if j >= 3 and s.low[j - 1] == "-" and s.en[j - 2] == s.st[j - 1] and s.en[j - 1] == s.st[j]:
        j -= 3
    return j >= 0 and s.low[j] in _PREPOSITIONS


def _carried(s: Chunked, cap: Capture) -> tuple[str, ...]:
    """The members an opening "They" stands for, from the sentence before (`s.antecedent`), when it
    named two or more ("They both" only for two); an opening "It was the only ..." or "It vetoed" the
    one member it named (else "it" is as likely the draft or the Council)."""
    opening = subject_start(s)
    if not s.antecedent:
        return ()
    if cap.start != opening:
        # "It made the move just days after it vetoed a draft from Brazil": a later "it" that vetoed is the
        # one member the opening "It" stands for, no other named between them (neither a draft nor the
        # Council vetoes)
        if s.low[cap.start] == "it" and len(s.antecedent) == 1 and s.low[opening] == "it" and \
                s.low[cap.end:cap.end + 1] in (["vetoed"], ["vetoes"]) and \
                not any(k in s.mention_at for k in range(opening + 1, cap.start)):
            return s.antecedent
        return ()
    if s.low[cap.start] in ("both", "all"):
        return s.antecedent  # "All four voted yes" after four names (patterns._opening_group counted them)
    if s.low[cap.start] == "they":
        if len(s.antecedent) < 2 or (cap.end < s.n and s.low[cap.end] == "both" and len(s.antecedent) != 2):
            return ()
        only = next((k for k in range(cap.end, min(cap.end + 4, s.n)) if s.low[k] == "only"), None)
        if only is not None and s.number(only + 1) not in (None, len(s.antecedent)):
            return ()  # "They were the only three ..." after two names: not those two
        return s.antecedent
    if s.low[cap.start] == "it" and len(s.antecedent) == 1 and (s.low[cap.end:cap.end + 3] in (
            ["was", "the", "only"], ["was", "the", "sole"], ["was", "the", "lone"])
            or s.low[cap.end:cap.end + 1] in (["vetoed"], ["vetoes"]) or _it_abstained(s.low, cap.end)
            or (s.low[cap.end:cap.end + 2] in (["cast", "its"], ["used", "its"], ["exercised", "its"])
                and "veto" in s.low[cap.end + 2:cap.end + 5])):
        # "It vetoed a draft ...", "It ultimately abstained", "It cast its sixth veto": neither a draft nor the
        # Council does
        return s.antecedent
    return ()


#: Adverbs between an opening "It" and "abstained" ("It ultimately abstained from voting").
_BEFORE_ABSTAINED = frozenset({"ultimately", "eventually", "finally", "then", "also", "instead", "simply"})


def _it_abstained(low: list[str], k: int) -> bool:
    while k < len(low) and low[k] in _BEFORE_ABSTAINED:
        k += 1
    return k < len(low) and low[k] in ("abstained", "abstains")


def _all_the_permanent(s: Chunked, cap: Capture) -> bool:
    """The count is the permanent members as a whole ("the five permanent members", "the permanent
    members"): what they do with their vetoes is said of the Council's rule, never of one vote, which all
    five never vetoed."""
    words = s.low[cap.start:cap.end]
    return "permanent" in words and (not any(w.isdecimal() or w in W.COUNT_WORDS for w in words) or "five" in words
                                     or "5" in words)


def _text_for(read: Read, a: Assertion) -> TextRef | None:
    """The draft an assertion is about (`_text_named_for`); a veto never its vetoing members' own:
    "Russia vetoed a renewal, and a rival Russian bid failed", "The United States vetoed a draft ...,
    while a U.S.-drafted text also failed": the veto is another draft's."""
    text = _text_named_for(read, a)
    if text is None or not text.drafters:
        return text
    if a.kind == VETO and a.members and set(a.members) <= text.drafters:
        return TextRef(side="other", outcome="vetoed", besides=text.drafters)
    if a.kind == OUTCOME and a.outcome == "vetoed" and any(
            v.kind == VETO and v.rule == a.rule and v.keys == a.keys and set(v.members) <= text.drafters
            for v in read.out):
        return TextRef(side="other", outcome="vetoed", besides=text.drafters)  # that veto's outcome, the same phrase's
    return text


def _text_named_for(read: Read, a: Assertion) -> TextRef | None:
    """The draft an assertion is about: the one named in its clause, or the sentence's only one."""
    s = read.s
    first = s.token_at(a.start)
    relative = _relative_clause(s, first)
    if relative is not None:
        # "a British one, which was defeated 11-2": a relative clause is about the draft before it
        before = [d for d in read.out if d.kind == DRAFTED and d.end <= s.st[relative] + 1
                  and s.token_at(d.end - 1) >= relative - 2]
        if before:
            return before[-1].text
        if a.kind in (VETO, OUTCOME) and _called_another_before(s, relative):
            # "..., and then submitted two alternative resolutions, which failed to gather the necessary
            # votes": the relative clause is about the other drafts it follows
            return _other_side(a)
    if a.kind in (VETO, OUTCOME) and _in_relative_aside_of_another(s, first):
        # "with the US, Britain and France, which backed a resolution ... vetoed on Friday by Russia,
        # abstaining": a veto in an aside about "a resolution" is another draft's
        return _other_side(a)
    if a.kind in (VETO, OUTCOME) and (_object_called_another(s, a) or _after_another(s, a)):
        # "rejected a Russian-drafted resolution after Moscow vetoed a rival measure", "Adopting
        # Resolution 2402 (2018), ..., Rejects Alternate Draft after Veto by Russian Federation": the
        # veto is the other draft's, which a draft of its outcome can be
        return _other_side(a)
    lo, hi = s.clause_start(first), s.clause_end(first)
    lo_c = s.st[lo] if lo < s.n else 0
    hi_c = s.en[hi - 1] if 0 < hi <= s.n else len(s.text)
    # "Russia, which submitted an alternative draft, abstained": another draft, named in an aside
    # the assertion is outside of, is not the one it is about
    apart = [d for d in read.out if d.kind == DRAFTED and d.keys
             and s.aside_apart(s.token_at(d.keys[-1][0]), first) and _another_in_aside(s, d)]
    own = [d.text for d in read.out if d.kind == DRAFTED and lo_c <= d.start <= hi_c
           and not (d.start <= a.start and a.end <= d.end and a.kind != VOTE) and d not in apart
           and not _in_content(s, first, s.token_at(d.start))]
    own += [ref for start, end, ref in read.symbols if lo_c <= start and end <= hi_c]
    distinct = []
    for t in own:
        if t not in distinct:
            distinct.append(t)
    if len(distinct) == 1:
        return None if _rival_beyond(s, read.out, distinct[0], a) else distinct[0]
    if len(distinct) > 1:
        return _on_this_side(s, read.out, distinct, first) or _own_draft(s, read.out, distinct, a)
    if not distinct and len(read.texts) == 1 and not any(d.text == read.texts[0] for d in apart) and not any(
            d.kind == DRAFTED and d.text == read.texts[0] and _in_content(s, first, s.token_at(d.start))
            for d in read.out):
        return read.texts[0]
    return None


def _other_in_asides(s: Chunked, out: list[Assertion]) -> None:
    """With no draft named, a veto or outcome in an aside about "a resolution" is another draft's."""
    for a in out:
        if a.kind in (VETO, OUTCOME) and a.text is None and _in_relative_aside_of_another(s, s.token_at(a.start)):
            a.text = _other_side(a)


def _other_side(a: Assertion) -> TextRef:
    """The other draft a sentence speaks of, as a veto or an outcome says it ended."""
    return TextRef(side="other", outcome="vetoed" if a.kind == VETO else a.outcome)


def _in_relative_aside_of_another(s: Chunked, first: int) -> bool:
    """Token `first` stands in an aside opened by "which" or "who" that speaks of "a resolution" (or "an
    earlier draft") before it: "France, which backed a resolution vetoed by Russia, abstained"."""
    for a, b in s.asides_open.items():
        if a < first < b and a + 1 < s.n and s.low[a + 1] in ("which", "who"):
            return any(s.low[k] in ("a", "an") and any(s.low[j] in W.DRAFT_NOUNS for j in range(k + 1, min(k + 4, first)))
                       for k in range(a + 2, first))
    return False


#: Participles that open what a text says: the drafts named after them are its content.
_CONTENT_WORDS = frozenset({"proposing", "suggesting", "calling", "urging", "demanding", "asking", "requesting",
                            "seeking", "condemning", "welcoming", "endorsing", "recommending"})


def _in_content(s: Chunked, first: int, at: int) -> bool:
    """The draft named at token `at` stands in what a draft named after the phrase at `first` says:
    "vetoed the four-Power resolution on Kashmir proposing ... that the Pakistani proposal ... be
    examined" (the Pakistani proposal is the content, not the text vetoed)."""
    if at <= first:
        return False
    noun = next((k for k in range(first, at) if s.low[k] in W.DRAFT_NOUNS), None)
    return noun is not None and any(s.low[k] in _CONTENT_WORDS for k in range(noun + 1, at))


def _on_this_side(s: Chunked, out: list[Assertion], distinct: list, first: int) -> TextRef | None:
    """"All 15 voted for the draft put forward by Russia ... after it vetoed a rival draft submitted by
    the UK": of several drafts a clause names, the one named on the assertion's side of 'after'."""
    return _the_one(out, distinct, lambda d: s.subordinator_between(s.token_at(d.keys[-1][0]), first) is None)


def _own_draft(s: Chunked, out: list[Assertion], distinct: list, a: Assertion) -> TextRef | None:
    """'Russia and China vetoed the American draft, and the Russian document did not get enough votes':
    of several drafts a clause names, the one the phrase holds (its object), that stands just before
    it (its subject) or just after it ('voted for the Russian one'), but for the object of a first
    verb its subject shares ('abstained on the French draft and voted for ...')."""
    first, last = s.token_at(a.start), s.token_at(max(a.end - 1, a.start))
    predicate = a.keys[0][0] if a.keys else a.start

    def held(d: Assertion) -> bool:
        key_start, key_end = d.keys[-1]
        if a.start < key_start and key_end <= predicate:
            return False  # "China abstained on the French draft and voted for ...": the other verb's
        return a.start <= key_start and key_end <= a.end or \
            0 <= first - s.token_at(max(key_end - 1, key_start)) <= 3 or 0 < s.token_at(key_start) - last <= 3

    return _the_one(out, distinct, held)


def _the_one(out: list[Assertion], distinct: list, keep) -> TextRef | None:
    """The one draft of `distinct` whose drafting assertions `keep` picks, or None (none, or several)."""
    found = []
    for d in out:
        if d.kind == DRAFTED and d.text in distinct and d.keys and d.text not in found and keep(d):
            found.append(d.text)
    return found[0] if len(found) == 1 else None


def _relative_clause(s: Chunked, first: int) -> int | None:
    """The comma opening the relative clause (', which ...') token `first` stands in, or None."""
    k = first - 1
    closed = 0  # brackets closed after k: a comma within them ("(Bolivia, Russian Federation)") is passed
    while k > 0 and k > first - 30:
        closed += (s.tok[k] == ")") - (s.tok[k] == "(" and closed > 0)
        if s.tok[k] == "," and not closed:
            return k if k + 1 < s.n and s.low[k + 1] in ("which", "that") else None
        if s.low[k] in W.CLAUSE_BREAKS:
            return None
        k -= 1
    return None


#: "... (S/2018/1016) ... was adopted as resolution 2448 (2018)": the resolution the draft became. Literal
#: words around two runs of digits: it cannot backtrack.
_ADOPTED_AS = re.compile(r"\badopted as resolution (\d{1,5}) ?\((\d{4})\)", re.IGNORECASE)
#: "Resolution 687", "resolution No. 2334 (2016)": a resolution by its number, and its year if given.
#: Not a number a score goes on from ("approved the resolution 11\u20130"); "The resolution, numbered 2793, ...".
_RESOLUTION_NUMBER = re.compile(r"\b[Rr]esolution(?: No\. ?| |, numbered )(\d{1,4})\b" + NOT_A_SCORE
                                + r"(?: ?\((\d{4})\))?")
#: Words of the Council's name before "resolution" ("United Nations Security Council Resolution 687").
_COUNCIL_NAME = frozenset({"united", "nations", "security", "council", "un", "u.n.", "unsc", "the", "council's"})
#: Words just before a resolution's name that report it adopted: "The Council adopted resolution 2334".
_ADOPTING = frozenset({"adopted", "adopts", "adopting", "adopt", "passed", "passes", "approved", "approves",
                       "unanimously", "ratified"})


def resolutions_voted(text: str) -> list[tuple[int, int, str]]:
    """The resolutions a sentence reports adopted, by number, as symbols ("S/RES/687 (1991)"): one that
    opens the sentence (after the Council's name) or follows a verb of adopting; not one the sentence
    refers to ("in line with resolution 2254", "after reaffirming resolutions 660, 661"). The year is
    the one written after the number, or the one the number was adopted in (votes.resolution_years)."""
    found = []
    for match in _RESOLUTION_NUMBER.finditer(text):
        words = text[:match.start()].lower().replace(",", " ").split()
        while words and words[-1] in _COUNCIL_NAME:
            words.pop()
        if words and words[-1] not in _ADOPTING and words[-1][-1:] not in (".", ":", "-"):
            continue
        number = int(match.group(1))
        year = int(match.group(2)) if match.group(2) else adopted_in(number)
        if year is not None and adopted_in(number) in (None, year):
            found.append((match.start(), match.end(), f"S/RES/{number} ({year})"))
    return found

#: Words of abstaining, which a "unanimous" vote beside them cannot have been every member's yes.
_ABSTAINING = W.ABSTAINED | {"abstention", "abstentions"}
#: Words that call a draft another than the one voted on.
_ANOTHER = W.OTHER_TEXT_WORDS | {"alternative", "competing", "rival"}


def _fits_the_count_before(s: Chunked, vote: str, listed: int, counted: Capture | None) -> bool:
    """Whether a list of `listed` members can be those the one count of the sentence before counts: as
    many (COUNTED, "These were A, B, C and D"), no more (AMONG, "Russia and China were among them"),
    and any count of the list's own the same ("Ten voted for it. Russia was among the ten", not
    "among the twelve")."""
    if s.counted is None or (s.counted[1] != listed if vote == COUNTED else s.counted[1] < listed):
        return False
    return counted is None or counted.kind != "count" or counted.chunk.count == s.counted[1]


def _a_part(s: Chunked, at: int, counted: Capture | None) -> bool:
    """Whether a list a phrase at `at` makes whole is a group's part (`_of_a_group`), or the count it
    stands with counts one, not a vote: "Three of the Big Four – Britain, France and Russia – voted for
    it" names three of the votes in favour, not all of them."""
    return _of_a_group(s, at) or (counted is not None and counted.kind == "count" and counted.chunk.count is None
                                  and counted.chunk.all_but is None)


def _of_a_group(s: Chunked, at: int) -> bool:
    """Whether the sentence opens with the group a phrase at `at` speaks of: "Of the P5, only France
    voted in favour", "Among the permanent members, only ...": what 'only' makes whole is the group's part."""
    if not (s.n > 2 and s.low[0] in ("of", "among", "amongst") and "," in s.low[1:at]):
        return False
    comma = s.low.index(",", 1)
    # "Of the voting members, ...", "Of the 15 council members, ...": the whole Council, no group of it
    return not (set(s.low[1:comma]) <= _THE_WHOLE_COUNCIL and "members" in s.low[1:comma])


#: The words of a phrase that names the whole Council's membership: "the (15) voting (council) members".
_THE_WHOLE_COUNCIL = frozenset({"the", "voting", "council", "council's", "15", "fifteen", "members", "security",
                                "un", "u.n.", "all"})


#: The words that give the vote of a verb before ", as did X" / ", along with X" whose subject names no
#: member ("both countries abstained"); "against" and "favour" only after "voted".
_ENDING_VOTES = {"abstained": "abstain", "abstaining": "abstain", "against": "no", "favour": "yes", "favor": "yes"}


def _vote_just_before(s: Chunked, at: int) -> tuple[str, int] | None:
    """The vote of the nearest verb before `at`, and where it stands: "abstained", "voted against",
    "voted in favour" at most eight words back ("They both abstained from the vote on Wednesday, along
    with India"), within the clause; a vote word counts only after 'voted'."""
    for k in range(at - 1, max(-1, at - 9, s.clause_start(at) - 1), -1):
        word = s.low[k]
        if word in ("abstained", "abstaining"):
            return "abstain", k
        if word in _ENDING_VOTES and any(s.low[j] in ("voted", "voting") for j in range(max(0, k - 3), k)):
            return _ENDING_VOTES[word], k
    return None


def _counted_vote(rule: Rule, spec: Count, caps: dict, mode: str, span: tuple[int, int]) -> Assertion | None:
    """"supported by 13 of the council's 15 members, including Britain and France": in a rule that yields
    the count alone, the members the count includes vote with it."""
    cap = caps.get(spec.slot)
    if cap is None or not cap.chunk.codes or spec.of is not None or spec.n is not None or \
            any(y.__class__ is Vote for y in rule.yields) or (cap.chunk.count or 0) < len(cap.chunk.codes):
        return None  # more names than the count ("rejected by three countries: A, B, C and D"): no reading
    return Assertion(VOTE, members=cap.chunk.codes, vote=spec.vote, mode=mode, start=span[0], end=span[1],
                     keys=(span,), spans=dict(cap.chunk.spans), rule=rule.name)


def _rival_beyond(s: Chunked, out: list[Assertion], text, a: Assertion) -> bool:
    """'The United States vetoed a resolution that sought ... as the council prepared to vote on a
    competing US proposal': the one draft the clause names is called another one, and stands after a
    draft noun of the assertion's own; the assertion is about that other, unnamed draft."""
    end = s.token_at(max(a.end - 1, a.start))
    for d in out:
        if d.kind != DRAFTED or d.text != text or not d.keys:
            continue
        k = s.token_at(d.keys[0][0])
        if k > end and any(s.low[j] in _ANOTHER for j in range(max(k - 2, 0), k)) and \
                any(s.low[j] in W.DRAFT_NOUNS for j in range(end + 1, k)):
            return True
    return False


def _object_called_another(s: Chunked, a: Assertion) -> bool:
    """The words right after the phrase call its object another draft: "vetoed a rival measure"."""
    end = s.token_at(max(a.end - 1, a.start))
    after = s.low[end + 1:end + 4]
    return any(w in _ANOTHER for w in after[:2]) and any(w in W.DRAFT_NOUNS for w in after)


def _called_another_before(s: Chunked, comma: int) -> bool:
    """The words just before a relative clause's comma are a draft (or drafts) called another one:
    "two alternative resolutions, which ...", "a rival text, which ..."."""
    j = comma - 1
    if j < 1 or not (s.low[j] in _DRAFT_NOUNS or s.low[j].rstrip("s") in _DRAFT_NOUNS):
        return False
    return any(w in _CALLED_ANOTHER for w in s.low[max(0, j - 2):j])


def _after_another(s: Chunked, a: Assertion) -> bool:
    """The phrase follows another draft and "after" or "following" ("Rejects Alternate Draft after Veto
    by Russian Federation", "a rival text following a veto by China"): it says how that draft ended."""
    j = s.token_at(a.start) - 1
    j -= j >= 0 and s.low[j] in ("a", "an", "the")
    if j < 2 or s.low[j] not in ("after", "following") or s.low[j - 1] not in _DRAFT_NOUNS:
        return False
    return any(w in _CALLED_ANOTHER for w in s.low[max(0, j - 3):j - 1])


def _another_in_aside(s: Chunked, d: Assertion) -> bool:
    """The aside a drafting assertion stands in calls its draft another one ("an alternative draft")."""
    k = s.token_at(d.keys[-1][0])
    return any(a < k < b and any(s.low[j] in _ANOTHER for j in range(a, b)) for a, b in s.asides_open.items())


def second_draft_sides(s: Chunked, out: list[Assertion]) -> None:
    """'... unanimously decided to renew the sanctions, rejecting an alternate draft, vetoed by
    Russia': what is said right after a second draft the sentence does not name is about it, the
    rest about the main one; each side carries the outcome it states (TextRef.side)."""
    low = s.low
    for k in range(1, s.n - 1):
        if low[k] in _SECOND_DRAFT and low[k - 1] in ("a", "an", "the", "another") and low[k + 1] in _DRAFT_NOUNS:
            break
        if low[k] == "another" and low[k + 1] in _DRAFT_NOUNS:
            break
    else:
        return
    end = k + 2 if low[k + 1] != "draft" or k + 2 >= s.n or low[k + 2] != "resolution" else k + 3
    if end >= s.n:
        return
    after = end + 1 if s.tok[end] == "," else end
    if after >= s.n or not (low[after] in ("which", "that") or low[after].endswith("ed")):
        return  # no phrase of its own follows the second draft
    stop = s.clause_end(after)
    lo_c, hi_c = s.st[end], s.en[stop - 1] if stop > 0 else len(s.text)
    unnamed = [a for a in out if a.kind != DRAFTED and (a.text is None or not a.text.named)]
    other = [a for a in unnamed if lo_c <= a.start and a.end <= hi_c]
    main = [a for a in unnamed if a not in other]
    if not other or not main:
        return
    main_outcome, other_outcome = _stated_outcome(main), _stated_outcome(other)
    if main_outcome is None and other_outcome is None:
        return  # nothing tells the two apart
    for group, side, outcome in ((main, "main", main_outcome), (other, "other", other_outcome)):
        ref = TextRef(side=side, outcome=outcome)
        for a in group:
            a.text = ref


#: The yes votes a text needs since 1966: a rejected text's score short of it is written either way round.
_FEWEST_YES = 9
#: Words a rejected text's score follows: "rejected 3-2", "defeated in a 3-2 vote", "voted down 3-2".
_REJECTING = frozenset({"rejected", "defeated", "down"})


def _unordered(s: Chunked, cap: Capture) -> bool:
    """"was rejected in a 3-2 vote": a rejected text's score short of nine is written either way round
    (3 against and 2 for, or 3 for and 2 against): which is which is not said. From nine on, the first
    count is read as the yes votes, as a veto's score is written ("defeated 11-2")."""
    first, second = cap.chunk.scores[:2]
    if first is None or second is None or not second < first < _FEWEST_YES:
        return False
    i = cap.start  # a word saying the text was rejected, in the few tokens before the score in its clause
    return any(s.low[k] in _REJECTING for k in range(max(s.clause_start(i), i - 5), i))


def order_scores(s: Chunked, out: list[Assertion]) -> None:
    """'The vote was 12-3, with only China and Namibia joining Russia in support': a score whose
    second number is the count of the only members the sentence says voted yes was written
    against-for; its two counts change places. The yes votes count only when 'only' stands just
    before the first of them ('... with only Russia voting no; the US voted for' changes nothing)."""
    yes = [a for a in out if a.kind == VOTE and a.vote == "yes" and a.mode == FACT and a.spans]
    if not yes:
        return
    first = min(span[0] for a in yes for span in a.spans.values())
    k = bisect.bisect_left(s.st, first)
    if not any(s.low[j] in ("only", "just") for j in range(max(0, k - 3), k)):
        return
    yes_members = {m for a in yes for m in a.members}
    by_span: dict[tuple, list[Assertion]] = {}
    for a in out:
        if a.kind == COUNT and a.mode == FACT and a.count is not None and a.vote in ("yes", "no"):
            by_span.setdefault(a.keys, []).append(a)
    for pair in by_span.values():
        votes = {a.vote: a for a in pair}
        if len(pair) == 2 and set(votes) == {"yes", "no"} and votes["no"].count == len(yes_members) \
                < votes["yes"].count:
            votes["yes"].vote, votes["no"].vote = "no", "yes"


def _included_list(s: Chunked, end: int, number: int | None):
    """The list after ', including' at token `end` ("including permanent members Russia and China"),
    when it names no more members than the vote it is part of, or None."""
    k = end + (end < s.n and s.tok[end] in (",", "("))  # "three abstentions (including China and Russia)"
    if not (k < s.n and s.low[k] == "including"):
        return None
    j = k + 1
    while j < min(s.n, k + 5) and s.low[j] in BEFORE_NAMES and j not in s.mention_at:
        j += 1
    listed = s.lists_at.get(j)
    if listed is None or not listed.codes or listed.unknown or (number is not None and len(listed.codes) > number):
        return None
    return listed


def _opener(s: Chunked) -> Capture | None:
    """The members the sentence opens with, its subject ("China struck back ..., vetoing a
    resolution"), or None."""
    start = after_dateline(s)
    start += start + 1 < s.n and s.low[start] == "the"  # "The United States agreed ..., after vetoing"
    chunk = s.lists_at.get(start)
    return Capture("list", start, chunk.end, chunk) if chunk is not None and chunk.codes else None


def _owner(s: Chunked, i: int) -> Capture | None:
    """Whose 'its' the token i is: the first member list of its clause that is no object of a
    preposition ('by France', 'the support of China') nor in brackets."""
    k = s.clause_start(i)
    while k < i:
        chunk = s.lists_at.get(k)
        if chunk is None or not chunk.codes:
            k += 1
            continue
        if chunk.end + 1 < s.n and s.low[chunk.end] in _ROLE_NOUNS and chunk.end + 1 in s.lists_at:
            k = chunk.end + 1  # "Syrian ally Russia": the name after the noun is the one meant
            continue
        j = k - 1
        while j >= 0 and s.low[j] in _BEFORE_A_NAME:
            j -= 1  # "in the former Yugoslavia"
        if j >= 0 and s.low[j] == "(":
            k = chunk.end  # "one abstention (Russian Federation), the Council ... its resolution": an aside's name
            continue
        if j < 0 or s.low[j] not in _OWNER_PREPOSITIONS:
            return Capture("list", k, chunk.end, chunk)
        k = chunk.end
    return None


#: Words that make a member the object of a preposition, not the owner of an 'its' after it.
_OWNER_PREPOSITIONS = frozenset({"by", "of", "from", "to", "with", "and", "against", "'", "in", "on", "at", "for",
                                 "about", "concerning", "over", "into", "regarding", "towards", "toward"})
#: Words that may stand between such a preposition and the name: "in the former Yugoslavia".
_BEFORE_A_NAME = frozenset({"the", "a", "an", "former", "then", "fellow", "neighbouring", "neighboring"})


def _count_listed(s: Chunked, end: int, chunk):
    """The members in brackets after a count's vote phrase, as many as it counts and all known, where
    the count names none of its own ("two were against (Russia and China)"), or None."""
    listed = _listed_after(s, end)
    if listed is None or chunk.codes or listed.unknown != () or len(listed.codes) != chunk.count:
        return None
    return listed


def _listed_after(s: Chunked, end: int):
    """The list in brackets right after a vote phrase, past its object ("voted against the
    resolution (A, B)"), or None."""
    k = end
    if k + 1 < s.n and s.low[k] == "of" and s.low[k + 1] in ("the", "this", "that", "it"):  # "in favour of the text"
        k += 1
    if k < s.n and s.low[k] in ("it", "them"):
        k += 1
    elif k < s.n and s.low[k] in ("the", "this", "that"):
        j = k + 1
        while j < min(s.n, k + 5) and (s.low[j] in W.DRAFT_MODIFIERS or s.low[j] in W.DRAFT_NOUNS or
                                       (s.low[j] == "-" and not s.spaced(j)) or j in s.inside):
            j += 1  # "the US resolution", "the U.S.-drafted text"
        k = j if j > k + 1 and s.low[j - 1] in W.DRAFT_NOUNS else k
    if end > 0 and s.tok[end - 1] == "(":  # the phrase took the bracket in: "were against ("
        k = end - 1
    if k + 2 < s.n and s.tok[k] == "(":
        first = k + 2 if s.low[k + 1] == "the" else k + 1
        listed = s.lists_at.get(first)
        if listed is not None and listed.end < s.n and s.tok[listed.end] == ")":
            return listed
    if k + 2 < s.n and s.tok[k] in ("-", "\u2013", "\u2014") and s.spaced(k):
        # "voted for the US resolution - the US, the UK, France, ... and Ecuador.": a list after a dash to
        # the sentence's end
        first = k + 2 if s.low[k + 1] == "the" else k + 1
        listed = s.lists_at.get(first)
        if listed is not None and (listed.end >= s.n or s.tok[listed.end] in (".", ";")):
            return listed
    return None


def _respectively(read: Read, rule, spec: Respectively, caps, start, end, key_lo, key_hi) -> int:
    """'A and B voted for and against, respectively': the i-th member takes the i-th vote."""
    s = read.s
    cap = caps.get(spec.who)
    if cap is None or cap.kind != "list" or len(cap.chunk.codes) != len(spec.votes) or cap.chunk.unknown:
        return 0
    mode = mode_of(s, rule, caps, start, key_lo, key_hi, subject=cap)
    span = s.span(min(start, cap.start), end)
    for code, vote in zip(cap.chunk.codes, spec.votes):
        read._add(Assertion(VOTE, members=(code,), vote=vote, mode=mode, start=span[0], end=span[1],
                            keys=(s.span(key_lo, key_hi),), spans={code: cap.chunk.spans[code]}, rule=rule.name))
    return len(spec.votes)


def _all_but(read: Read, rule, spec: AllBut, caps, start, end, key_lo, key_hi) -> int:
    """'The lone dissenting voice was China': all members but those listed voted `spec.vote`."""
    s = read.s
    cap = caps.get(spec.who)
    if cap is None or cap.kind != "list" or cap.chunk.unknown:
        return 0
    mode = mode_of(s, rule, caps, start, key_lo, key_hi, subject=cap)
    span = s.span(min(start, cap.start), max(end, cap.end))
    read._add(Assertion(REST, vote=spec.vote, except_=cap.chunk.codes, mode=mode, start=span[0], end=span[1],
                        keys=(s.span(key_lo, key_hi),), spans=dict(cap.chunk.spans), rule=rule.name))
    return 1


def _aligned(read: Read, rule, cap: Capture, lead: Capture, leaders, caps, start, end, key_lo, key_hi) -> int:
    """'China and Namibia voted with Russia', Russia's vote not in the sentence: they voted as it did."""
    s = read.s
    found = read._members(cap, start) if cap.kind in ("list", "pronoun") else None
    if found is None or set(found[0]) & set(leaders[0]):
        return 0
    mode = mode_of(s, rule, caps, start, key_lo, key_hi, subject=cap)
    span = s.span(min(start, cap.start, lead.start), max(end, cap.end, lead.end))
    read._add(Assertion(ALIGNED, members=found[0], leaders=leaders[0], mode=mode, start=span[0], end=span[1],
                        keys=(s.span(key_lo, key_hi), s.span(lead.start, lead.end)), spans=found[1],
                        rule=rule.name))
    return 1


def _lengths_agree(rule: Rule, caps: dict) -> bool:
    """A full list beside its count names as many members as the count says: "four, Britain, Denmark,
    Slovakia and Peru, abstained", never "14 countries, Russia abstained" (a comma between two clauses)."""
    for spec in rule.yields:
        listed = caps.get(spec.who) if isinstance(spec, Vote) and spec.full else None
        if listed is None or listed.kind != "list":
            continue
        for count in rule.yields:
            counted = caps.get(count.slot) if isinstance(count, Count) and count.vote == spec.vote else None
            if counted is not None and counted.kind == "count" and counted.chunk.count is not None \
                    and counted.chunk.count != listed.chunk.items:
                return False
        scored = caps.get("SCORE")
        if scored is not None and scored.chunk is not None:
            # "by 12-0-3 (France, Germany, Syria)": the list is the one part of the score it has as many names as
            parts = dict(zip(("yes", "no", "abstain"), scored.chunk.scores))
            if parts.get(spec.vote) != listed.chunk.items or list(parts.values()).count(listed.chunk.items) > 1:
                return False
    return True


#: Documents that carry a symbol as drafts do ("the operationalization paper (document S/2020/63)").
_OTHER_DOCUMENTS = frozenset({"report", "reports", "letter", "letters", "paper", "note", "statement", "plan"})


def _another_document(text: str, start: int) -> bool:
    """A symbol that names a report, a letter or a paper just before it is no draft's."""
    before = text[max(0, start - 60):start].lower().replace("(", " ").split()[-3:]
    return any(word.strip(",:") in _OTHER_DOCUMENTS for word in before)


#: No Security Council vote ever counted more votes than this: its largest size since 1966.
SEATS_AT_MOST = 15


def _more_than_the_seats(rule: Rule, caps: dict) -> bool:
    """The counts a rule would read add up to more votes than the Council has seats: in a sentence
    that names no other body, "backed by 13 votes to 15" is no score of 13 for and 15 against."""
    numbers: dict[str, int] = {}
    for spec in rule.yields:
        cap = caps.get(spec.slot) if isinstance(spec, (Count, Score)) and spec.slot else None
        if cap is None or cap.chunk is None:
            continue
        if isinstance(spec, Score):
            numbers.update((vote, n) for vote, n in zip(("yes", "no", "abstain"), cap.chunk.scores) if n is not None)
        elif spec.of is None and spec.n is None and cap.kind == "count" and cap.chunk.count is not None:
            numbers[spec.vote] = cap.chunk.count
    return sum(numbers.values()) > SEATS_AT_MOST


def _others_named(caps: dict, slot: str) -> bool:
    """A count of others besides someone whose members are all named, in the count or in a list that opens
    just after it ("four others - A, B, C and D - abstained"): those members, whether or not they are the
    rest of the Council ("13 others, including France" names only some, and stays the others' count)."""
    cap = caps.get(slot)
    if cap is None or cap.kind != "count":
        return False
    named = [cap.chunk.codes] + [c.chunk.codes for k, c in caps.items() if k.startswith("LIST") and
                                 c.kind == "list" and cap.end < c.start <= cap.end + 2]
    return any(_all_named(cap.chunk, codes) for codes in named)


def _all_named(chunk, codes) -> bool:
    """A count of others ("five others", "the other 13 members") whose members these codes all are."""
    return chunk.others and chunk.count is not None and len(codes) == chunk.count


def _count_kind(chunk) -> str:
    """A count's assertion: a count of the others besides someone ("support from one other member")
    says what 'the other N' says, never the whole of that vote."""
    return REST if chunk.others else COUNT


#: Draft nouns in the plural: "two rival resolutions, put forward by Russia and the United States".
_PLURAL_DRAFTS = frozenset({"resolutions", "drafts", "texts", "proposals", "measures", "projects"})
#: Words that make several drafts each its drafter's own; "two" or "both" alone may be joint texts.
_SEVERAL = frozenset({"rival", "competing", "opposing", "opposed", "separate", "respective"})


def _distributive(s: Chunked, start: int, end: int) -> bool:
    """The drafters of a list each drafted one of several drafts: 'respectively' after the list, a
    draft noun in the plural right after it ('Russian, US resolutions'), or 'two rival resolutions'
    just before the phrase."""
    low = s.low
    after = end + 1 if end < s.n and s.tok[end] == "," else end
    if after < s.n and low[after] == "respectively":
        return True
    if end < s.n and (low[end] in _PLURAL_DRAFTS or (low[end] == "draft" and end + 1 < s.n
                                                      and low[end + 1] in _PLURAL_DRAFTS)):
        return True  # "Russian, US resolutions", "the US and British drafts"
    if start > 0 and low[start - 1] in _PLURAL_DRAFTS:
        return True  # "the resolutions proposed by Russia and the US": one each
    lo = max(0, start - 10)
    for k in range(start - 1, lo - 1, -1):
        if low[k] in _PLURAL_DRAFTS or (low[k] == "resolution" and k > 1 and low[k - 1] == "of"
                                        and low[k - 2] in _PLURAL_DRAFTS):
            return any(w in _SEVERAL for w in low[max(0, k - 4):k])
    return False


def _each_drafted(s: Chunked, cap: Capture, key_lo: int) -> bool:
    """The drafters are the subject of a drafting verb and each drafted one: "Russia and France each
    presented a draft", "Both Russia and France presented a draft" (not "drafted by both France and
    Britain", a joint draft)."""
    if cap.end > key_lo:
        return False
    return (cap.end < s.n and s.low[cap.end] == "each") or (cap.start > 0 and s.low[cap.start - 1] == "both")


#: "an alternate draft", "a rival text", "another resolution": a second draft the sentence does not name.
_SECOND_DRAFT = frozenset({"alternate", "alternative", "rival", "competing", "another"})
#: Every word that calls a draft another one, of either set (`_called_another_before`, `_after_another`).
_CALLED_ANOTHER = _ANOTHER | _SECOND_DRAFT
_DRAFT_NOUNS = frozenset({"draft", "text", "resolution", "proposal", "measure", "version"})


def _stated_outcome(group: list[Assertion]) -> str | None:
    """The outcome a group of phrases states as fact (a veto is 'vetoed', 'unanimously' 'adopted'),
    or None where it states none or several."""
    found = set()
    for a in group:
        if a.mode != FACT:
            continue
        if a.kind == OUTCOME:
            found.add(a.outcome)
        elif a.kind == VETO:
            found.add("vetoed")
        elif a.kind == COUNT and a.all_but == 0 and a.vote == "yes":
            found.add("adopted")
    return found.pop() if len(found) == 1 else None


def _lead_of_rest(s: Chunked, cap) -> Chunk | None:
    """The list of names just before "and" and a 'rest' phrase that sets no one apart ("Britain, France
    and all other members"): they voted as the rest did."""
    if cap.start < 2 or s.low[cap.start - 1] != "and" or cap.chunk.except_:
        return None
    lead = s.lists_end.get(cap.start - 1)
    return lead if lead is not None and lead.codes and not lead.unknown else None


def _voted_as(s: Chunked, lead: Chunk, spec: Vote, mode: str, end: int, keys, rule: str) -> Assertion:
    """The vote of the names before a 'rest' phrase: the rest's own."""
    return Assertion(VOTE, members=lead.codes, vote=spec.vote, mode=mode, start=s.st[lead.start], end=end, keys=keys,
                     spans=dict(lead.spans), weak=spec.weak, rule=rule)
