"""Modes: what a phrase states, a fact or only a negation, a threat, an expectation, an
intention, the future, a condition, another speaker's claim, about another body or another
text. The engine asks here for each assertion it makes; the words are votes.reader.words'.
"""

from __future__ import annotations

from collections.abc import Sequence

from . import words as W
from .chunker import Chunked
from .patterns import Capture
from .rule import Rule
from .words import (CONDITION, EXPECTED, FACT, FUTURE, INTENDED, MODE_RANK, NEGATED, OTHER_BODY, OTHER_TEXT,
                    PROCEDURAL_VOTE, REPORTED, THREAT)


def mode_of(s: Chunked, rule: Rule, caps: dict, start: int, key_lo: int, key_hi: int, subject: Capture | None = None,
         drafting: bool = False) -> str:
    """What the phrase states: a fact, or only a negation, a threat, an expectation, an intention,
    the future, a condition, another speaker's claim, about another body or another text."""
    if rule.mode is not None:
        return rule.mode
    if s.question and key_lo >= s.question_from:
        return CONDITION
    if key_hi < s.n and (s.low[key_hi] == "neither" or s.low[key_hi:key_hi + 2] == ["none", "of"]):
        return NEGATED  # "The Council has adopted neither Russia's nor the West's draft", "adopted none of them"
    gaps = _but_received([k for a, b in caps.get("_gap", ()) for k in range(a, b)], s)
    mode = words_mode(s, [k for k in gaps if not _decided_then(s, k)], rule.absorbs)
    if mode == FACT and "_skip" in caps:
        # the first of two verb phrases a subject shares: its modal is the second's too, its
        # negation is its own ("Russia did not use its veto and abstained")
        skipped = words_mode(s, [k for a, b in caps["_skip"] for k in range(a, b)
                                 if s.low[k] not in _NOUN_MODIFIERS], rule.absorbs)
        mode = FACT if skipped == NEGATED else skipped
    if mode == FACT and gaps and s.low[gaps[-1]] == "to" and gaps[-1] == key_lo - 1 and not drafting and \
            not (len(gaps) > 1 and (s.low[gaps[-2]] in ("chose", "opted", "elected", "chosen")
                                    or _decided_then(s, gaps[-2]))) and \
            not any(s.low[g] == "alone" for g in gaps) and \
            not any(s.low[k] in W.BE or s.low[k] in ("has", "have", "had") for k in gaps):
        mode = FUTURE  # a headline's "China to abstain on Syria vote"
        if subject is not None and subject.start > 0 and s.low[subject.start - 1] in _IMPLICATIVE:
            # "..., forcing Russia and China to cast vetoes": they did; "would force Russia to veto"
            # keeps the modal before the verb
            verb = subject.start - 1
            mode = words_mode(s, _but_received(range(max(s.clause_start(verb), verb - 4), verb), s), rule.absorbs)
    if mode == FACT and any(s.low[k] == "to" and k > 0 and s.low[k - 1] in W.BE for k in gaps):
        mode = FUTURE  # "Russia is to veto the draft", "the text is to be adopted on Friday": a plan, no vote yet
    if subject is not None and subject.start > 0 and s.low[subject.start - 1] == "neither":
        mode = NEGATED
    if mode == FACT and _none_before(s, key_lo):
        mode = NEGATED  # "Neither has been adopted", "None of the drafts was adopted"
    if mode == FACT and rule.noun:
        lo = max(0, start - 4, s.clause_start(start))
        if "rather" in s.low[lo:start] and "than" in s.low[lo:start]:
            mode = CONDITION  # "withdrawn rather than face a veto"
        elif any(s.low[k] in W.AVERTS and not _in_vain(s, k) for k in range(lo, start)):
            mode = NEGATED  # "to avoid a veto from China": never cast
        else:
            mode = words_mode(s, range(lo, start), rule.absorbs)
            if mode == NEGATED:  # "was not adopted due to Russia's veto": the cause is no negated veto
                mode = words_mode(s, range(_after_cause(s, lo, start), start), rule.absorbs)
            elif mode == FACT and _would_be_before(s, start):
                mode = CONDITION  # "It would have been the first legally binding resolution adopted by ..."
        if mode == FACT:  # after the phrase's last word: "an 11-2 vote was expected"
            after = max([key_hi] + [b for _, b in caps.get("_lit", ())]
                        + [c.end for k, c in caps.items() if k[0] != "_"])
            mode = _predicate_mode(s, after)
            if mode == FUTURE and _presupposed_veto(s, rule, start, key_hi) and _effect_to_come(s, after):
                mode = FACT  # "Russia's veto will halt its operations": the veto cast, its effect to come
    if mode == FACT and rule.follows:
        mode = _clause_modal(s, start)
    if mode == FACT and (first := _score_first(s, start)) is not None:
        mode = _near_mode(s, first, rule.absorbs)
    if mode == FACT and not drafting:
        # the words just before the phrase: "is likely to be vetoed", "... China, it said, would veto"
        mode = _near_mode(s, key_lo, rule.absorbs, subject.end if subject is not None and subject.end <= key_lo else 0)
    if mode in (FACT, FUTURE) and s.condition_at(_before_asides(s, key_lo)):
        return CONDITION
    if mode == FACT and subject is not None:
        mode = _governing_mode(s, subject.start, rule.absorbs)
    if mode != FACT:
        return mode
    mode = scope_mode(s, key_lo, key_hi, drafting)
    if mode == REPORTED and rule.noun and _presupposed_veto(s, rule, start, key_hi):
        return FACT  # "Amnesty said that Russia's veto of the text is a failure": it speaks of the veto as cast
    return mode


#: Condition words that qualify a noun, not a verb: in the first of two verb phrases ("signaled potential
#: opposition to the resolution but abstained") they make no condition of the second.
_NOUN_MODIFIERS = frozenset({"potential", "possible"})


def _none_before(s: Chunked, key_lo: int) -> bool:
    """The phrase's clause opens with 'neither' or 'none' as its subject (or has 'no member(s)', 'no
    country' ... there), and the phrase follows within a few words, no comma between: "Neither has been
    adopted", "None of the three drafts was adopted", "No member of the Council voted against it"."""
    lo = s.clause_start(key_lo)
    if lo < key_lo and s.low[lo] not in ("neither", "none"):
        # "This time no members of the UNSC voted against": 'no' before those who would act
        lo = next((k for k in range(max(lo, key_lo - 8), key_lo - 1)
                   if s.low[k] == "no" and s.low[k + 1] in _NO_ONE_NOUNS), key_lo)
    if lo >= key_lo or s.low[lo] not in ("neither", "none", "no") or key_lo - lo > 8:
        return False
    return not any(s.tok[k] == "," or k in s.mention_at for k in range(lo + 1, key_lo))


#: Nouns after a 'no' that make the subject no one: "no members of the Council voted against".
_NO_ONE_NOUNS = frozenset({"member", "members", "council", "country", "countries", "state", "states", "delegation",
                           "delegations", "one", "nation", "nations"})


def _presupposed_veto(s: Chunked, rule: Rule, start: int, key_hi: int) -> bool:
    """A definite veto noun phrase ("Russia's veto", "the US veto of the text") whose clause the
    engine found no modal, condition or expectation in: a speaker who says what it did or was takes
    the veto as cast, so the phrase states it whoever speaks ("a Russian veto" does not)."""
    if not any(getattr(spec, "veto", False) for spec in rule.yields):
        return False
    if start > 0 and s.low[start - 1] == "the" or "'" in s.tok[start:key_hi]:
        return True
    # "warned of a crisis following a Russian veto": a veto that came before, unless a modal after it in its
    # clause makes it one to come ("said that following a Russian veto the crossing would close")
    k = start - 1 - (start > 0 and s.low[start - 1] in ("a", "an"))
    return k >= 0 and s.low[k] in _SINCE and not any(
        s.low[j] in _AUXILIARIES for j in range(key_hi, min(s.n, s.clause_end(key_hi), key_hi + 12)))


#: Words after which a veto noun phrase names what happened before ("following a Russian veto").
_SINCE = frozenset({"following", "after", "since"})
_AUXILIARIES = frozenset({"would", "could", "might", "may", "will", "should", "can", "shall"})


#: Modes a clause with 'that' takes from the verb it completes ("Moscow aimed to ensure that the UAE
#: abstained": an aim, not a vote); a negation there ("denied that") is the clause's own matter.
_GOVERNED = frozenset({INTENDED, EXPECTED, THREAT, CONDITION, FUTURE})


def _governing_mode(s: Chunked, start: int, absorbs: frozenset[str]) -> str:
    """The mode of the words just before a 'that' opening the subject's clause, where they give an
    intention, an expectation, a threat or a condition; else FACT."""
    that = start - 1 - (start > 1 and s.low[start - 1] == "the")
    if that < 1 or s.low[that] != "that":
        return FACT
    mode = words_mode(s, range(max(0, that - 5), that), absorbs)
    return mode if mode in _GOVERNED else FACT


def _would_be_before(s: Chunked, start: int) -> bool:
    """A modal and 'be' or 'been' open the clause of the noun phrase at `start`, up to eight words
    before it: what the phrase names would be, not is ("would have been the first resolution ...")."""
    lo = max(0, start - 8, s.clause_start(start))
    return any(s.low[k] in ("would", "could", "might") and not {"be", "been"}.isdisjoint(s.low[k + 1:start])
               and not _could_not_because(s, k) for k in range(lo, start))


def _before_asides(s: Chunked, i: int) -> int:
    """Token i, or the token before the asides that stand just before it: a scope that holds the
    words before an aside holds the phrase after it ("If the vote is nine - the minimum required -
    in favour")."""
    j = i
    while j - 1 in s.asides_close and 0 < s.asides_close[j - 1] < j - 1:
        j = s.asides_close[j - 1]
    return j - 1 if j < i else i


def _in_vain(s: Chunked, k: int) -> bool:
    """The averting word at k was tried in vain: "in an unsuccessful effort to avert a veto"."""
    return any(s.low[j] in _VAIN for j in range(max(0, k - 4), k)) or s.low[k + 1:k + 3] == ["in", "vain"]


#: Words that say an attempt to avert something failed.
_VAIN = frozenset({"unsuccessful", "unsuccessfully", "vain", "failed", "failing", "futile", "fruitless"})

#: Verbs whose object did what follows "to": "forcing Russia to veto" states the veto.
_IMPLICATIVE = frozenset({"forcing", "forced", "forces", "force", "compelling", "compelled", "prompting",
                          "prompted", "leading", "led"})

#: Words that give a cause: what follows them is not in the scope of the words before them.
_CAUSES = frozenset({("due", "to"), ("owing", "to"), ("because", "of"), ("thanks", "to")})


def _after_cause(s: Chunked, lo: int, start: int) -> int:
    """'was not adopted due to Russia's veto': the veto is the cause of the negated outcome, not
    negated itself ('may fail due to a veto' keeps its modal: only a negation is set aside). The
    first place after the last cause word in lo..start, or lo."""
    for k in range(start - 2, lo - 1, -1):
        if (s.low[k], s.low[k + 1]) in _CAUSES:
            return k + 2
    return lo


def scope_mode(s: Chunked, key_lo: int, key_hi: int, drafting: bool) -> str:
    if s.question and key_lo >= s.question_from:
        return CONDITION
    if not drafting and _since_a_year(s):
        return OTHER_TEXT  # "Since 2006, the Council has imposed sanctions ...": the history, not this vote
    if _linked_story(s, key_lo):
        return OTHER_TEXT  # "Related: Russia vetoes UN resolution on Syria": another story's headline
    at = _before_asides(s, key_lo)
    if s.condition_at(at):
        return CONDITION
    lo, hi = s.clause_start(key_lo), s.clause_end(key_lo)
    if any(lo <= k < hi for k in s.bodies) or any(lo <= k < hi for k in s.council):
        at = key_lo  # the phrase's own clause names where the vote was: "were defeated in the Security Council"
    if s.other_body_at(at):
        return OTHER_BODY
    procedural = None if drafting else s.procedural_at(key_lo, key_hi)
    if procedural is not None:
        return PROCEDURAL_VOTE if procedural == "procedural" else OTHER_TEXT
    if not drafting and (previous_text(s, key_hi) or _earlier_text_before(s, key_lo)
                         or _some_of_earlier(s, lo, key_lo) or _since_when(s, key_lo)):
        return OTHER_TEXT
    speech = s.frame(key_lo, "speech")
    if speech is not None and not speech.record and not drafting:
        return REPORTED
    return FACT


def _since_when(s: Chunked, key: int) -> bool:
    """'its first vote on the situation since November, when the United States also blocked a text': what
    the 'when' after a 'since' tells is that earlier time's vote."""
    if "since" not in s.words or "when" not in s.words:
        return False
    for k in range(key - 1, max(0, key - 25), -1):
        if s.low[k] == "when" and k > 2 and s.tok[k - 1] == ",":
            return any(s.low[j] == "since" and (s.low[j + 1] in W.MONTH_WORDS or s.low[j + 1] in ("then", "last")
                                                or (s.low[j + 1].isdecimal() and len(s.low[j + 1]) == 4))
                       for j in range(max(0, k - 5), k - 1))
    return False


def parenthesis_mode(s: Chunked, codes, i: int, mode: str) -> str:
    """'X, which had abstained on the first text, voted for the second': the parenthesis is
    about another vote when X has one in the main clause too."""
    frame = s.frame(i, "parenthesis")
    if frame is not None and mode == FACT and frame.speaker in codes:
        if (main_clause_vote(s, frame.end) and not _excepted(s, frame.start)) or \
                mentions_other_text(s, frame.start, frame.end):
            return OTHER_TEXT
    return mode


#: Words that set a member apart from the main clause's subject: "Except for X, which abstained, all
#: the others voted in favour".
_EXCEPTING = frozenset({"except", "excepting", "apart", "besides", "aside", "than", "save", "but"})


def _excepted(s: Chunked, start: int) -> bool:
    """The member a parenthesis at `start` is said of is set apart from the main clause's subject,
    so the main clause's vote is not its own."""
    return any(s.low[k] in _EXCEPTING for k in range(max(0, start - 6), start))


def _by_a_majority(s: Chunked, k: int) -> bool:
    """'voted with a majority of 13 votes', 'passed by a majority of 13': the majority it had, no requirement."""
    return s.low[k] == "majority" and k >= 2 and s.low[k - 1] == "a" and s.low[k - 2] in ("with", "by")


def count_mode(s: Chunked, i: int) -> str | None:
    """A count the Charter requires ('needs nine votes', 'the minimum nine') is a condition; one
    a draft did not get ('failed to win nine votes') is negated; one it is expected to get is an
    expectation. None: ask the usual modes."""
    lo = max(0, i - 5, s.clause_start(i))
    # "fell one vote short, obtaining eight votes": the words after what it got say what it got
    got = [k for k in range(lo, min(i + 1, s.n)) if s.low[k] in _GETTING]  # (at i: "receiving the votes only of")
    if got:
        # but a modal just before that verb is its own: "would have received 11 affirmative votes"
        modal = words_mode(s, [k for k in range(max(s.clause_start(got[-1]), got[-1] - 3), got[-1])
                               if s.low[k] not in W.REQUIREMENTS], frozenset())  # (not "fell short of the minimum")
        if modal not in (FACT, NEGATED):
            return modal
        lo = got[-1] + 1
    # "adopted with the minimum amount of support required, with nine countries in favor": what it got
    lo = max([lo] + [k + 2 for k in range(lo, i - 1) if s.tok[k] == "," and s.low[k + 1] == "with"])
    if any(s.low[k] in W.REQUIREMENTS and not _received_before(s, k) and not _by_a_majority(s, k)
           for k in range(lo, i)):
        return CONDITION  # "needs nine votes"
    if _needed_after(s, i):
        return CONDITION  # "Nine votes in favour and no vetoes were needed"
    expecting = _expecting_before(s, i)
    if expecting is not None:
        return expecting  # "Diplomats expect the text to pass with 14 in favour"
    mode = words_mode(s, range(lo, i), frozenset())
    if mode == NEGATED:
        # "... without mentioning Iran, which was unanimously approved": a comma closes a negation, and "was
        # not adopted with 11 votes in favour" negates the outcome, not what the draft got
        after = max([lo] + [k + 1 for k in range(lo, i) if s.tok[k] == ","]
                    + [k + 2 for k in range(lo, i - 1) if s.low[k] in _OUTCOME_VERBS and s.low[k + 1] == "with"])
        mode = words_mode(s, range(after, i), frozenset())
    return None if mode == FACT else mode


#: Outcome verbs a count may follow with 'with': "was not adopted with 11 votes in favour".
_OUTCOME_VERBS = frozenset({"adopted", "passed", "approved", "rejected", "defeated"})
#: Verbs in the present whose object an infinitive follows: what they govern has not happened.
_EXPECTING = {"expect": EXPECTED, "expects": EXPECTED, "expecting": EXPECTED, "predict": EXPECTED,
              "predicts": EXPECTED, "anticipate": EXPECTED, "anticipates": EXPECTED, "hope": INTENDED,
              "hopes": INTENDED, "want": INTENDED, "wants": INTENDED}


def _expecting_before(s: Chunked, i: int) -> str | None:
    """The count at i hangs on an infinitive that a verb of expecting governs, in its clause:
    "Diplomats expect the text to pass with 14 in favour" states no result."""
    lo = max(0, i - 14, s.clause_start(i))
    for k in range(lo, i):
        mode = _EXPECTING.get(s.low[k])
        if mode is not None and "to" in s.low[k + 1:i]:
            return mode
    return None


def _needed_after(s: Chunked, i: int) -> bool:
    """The count at i is the subject of 'were needed' / 'is required' within its clause."""
    hi = min(s.n - 1, i + 9, s.clause_end(i))
    for k in range(i + 1, hi):
        if s.tok[k] == ",":
            return False
        if s.low[k] in W.BE and s.low[k + 1] in ("needed", "required", "necessary"):
            return True
    return False


#: Verbs in the past that say a text got the votes a requirement names: "got the minimum nine votes".
_GOT = frozenset({"got", "won", "received", "garnered", "secured", "obtained", "drew", "mustered", "gained",
                  "attracted", "collected"})


#: The same verbs as participles, after the requirement: "fell short, obtaining eight votes".
_GETTING = _GOT | {"obtaining", "receiving", "getting", "winning", "garnering", "securing", "drawing", "gaining",
                   "mustering", "attracting", "collecting"}


def _could_not_because(s: Chunked, k: int) -> bool:
    """'could not be adopted because of / due to / as ...': the 'could' at k tells a text's failure
    in the past and its cause, no condition ("could not be adopted without China" stays one)."""
    low = s.low
    return low[k] == "could" and low[k + 1:k + 3] == ["not", "be"] and k + 4 < s.n and \
        low[k + 3] in ("adopted", "passed", "approved") and (
        low[k + 4] in ("because", "as", "since", "given") or low[k + 4:k + 6] in (["due", "to"], ["owing", "to"]))


def _decided_then(s: Chunked, k: int) -> bool:
    """'decided to' told in the past ("Libya and Vietnam decided to vote in favour"): the choice made, the
    vote cast; not "has decided to", a stance before the vote."""
    return s.low[k] == "decided" and k + 1 < s.n and s.low[k + 1] == "to" and not (
        k > 0 and s.low[k - 1] in ("has", "have", "will", "would", "may", "might", "could", "to"))


def _but_received(ks, s: Chunked) -> list[int]:
    """The tokens ks but a requirement word a text is said to have got ("garnered the nine necessary votes,
    forcing Russia to veto": no condition of the count's, nor of the veto's)."""
    return [k for k in ks if s.low[k] not in W.REQUIREMENTS or not _received_before(s, k)]


def _received_before(s: Chunked, k: int) -> bool:
    """'got the minimum nine votes': the requirement word at k follows a verb saying the text got them."""
    j = k - 1
    while j >= 0 and (s.low[j] in ("the", "a", "its", "exactly", "just", "bare", "absolute") or s.number(j) is not None):
        j -= 1
    if j >= 1 and s.low[j] == "with" and s.low[j - 1] in ("passed", "adopted", "approved"):
        return True  # "passed with the minimum nine votes"
    return j >= 0 and s.low[j] in _GETTING  # "got the minimum nine", "in obtaining the bare minimum of nine votes"


def _effect_to_come(s: Chunked, after: int) -> bool:
    """The 'will' after a noun phrase at `after` (within six words) gives what it will do, not that it
    will be: "Russia's veto will halt its operations", not "Russia's veto will be cast"."""
    k = next((k for k in range(after, min(s.n - 1, after + 6)) if s.low[k] == "will"), None)
    return k is not None and s.low[k + 1] not in ("be", "come", "happen", "likely", "probably", "surely", "not")


def _predicate_mode(s: Chunked, after: int) -> str:
    """'An 11-2 vote was expected', 'a Russian veto is likely': the predicate of a noun phrase."""
    low = s.low
    if after < s.n and (low[after] == "of" or (after > 0 and low[after - 1] == "of")):
        # "a Russian veto of the text is expected": the predicate after what the noun is of
        k = start = after + (low[after] == "of")
        # ('that' after the text's noun opens a clause of its own: "the veto of a resolution that would have
        # extended aid came on Friday" is no veto that would be)
        while k < min(s.n, start + 5) and ((low[k] in W.DETERMINERS and (low[k] != "that" or k == start))
                                           or low[k] in W.DRAFT_NOUNS or low[k] in W.DRAFT_MODIFIERS or k in s.inside):
            k += 1
        after = k if k > start else after
    if after < s.n and low[after] in ("would", "could", "might", "may", "will", "should", "can"):
        return W.MODALS.get(low[after], FACT)  # "Russia's veto would cause the text to fail"
    if after + 1 < s.n and (low[after] in W.BE or low[after] in ("seems", "seemed", "looks", "looked")):
        mode = W.MODALS.get(low[after + 1])
        if mode is not None and low[after + 1] not in ("set", "due", "able", "almost", "certain"):
            return mode
    return FACT


def _score_first(s: Chunked, start: int) -> int | None:
    """The first count of a score whose second the phrase at `start` is ("could get ten votes in favour
    to one against"), or None: the words just before the first are the second's too."""
    if start < 2 or s.low[start - 1] not in ("to", "and") or s.low[start - 2] not in ("favour", "favor", "for"):
        return None
    return next((k for k in range(start - 3, max(-1, start - 7), -1) if s.number(k) is not None), None)


def _near_mode(s: Chunked, at: int, absorbs: frozenset[str], floor: int = 0) -> str:
    """The mode of the few words just before token `at` in its clause (and from `floor` on: after the
    subject), from the last comma on ("is likely to be vetoed"; "if needed, the Council adopted"); a
    negation there is no mode of the phrase."""
    lo = max(s.clause_start(at), at - 3, floor)
    lo = max([lo] + [k + 1 for k in range(lo, at) if s.tok[k] == ","])
    mode = words_mode(s, [k for k in _but_received(range(lo, at), s) if not _decided_then(s, k)], absorbs)
    return FACT if mode == NEGATED else mode


def _clause_modal(s: Chunked, start: int) -> str:
    """The modal of the clause a phrase hangs on ("could receive 14 votes, with ..."): its words
    outside asides; a negation there is that clause's own."""
    lo = s.clause_start(start)
    places, k = [], lo
    while k < start:
        if k in s.asides_open:
            k = s.asides_open[k] + 1
            continue
        if s.tok[k] == "(":  # "nine votes (the number needed for passage) with two against": an aside too
            close = next((j for j in range(k + 1, min(start, k + 40)) if s.tok[j] == ")"), None)
            if close is not None:
                k = close + 1
                continue
        places.append(k)
        k += 1
    # a speaker's quoted words are theirs: '"It would undermine ...," she said ahead of the vote, with ...'
    places = [k for k in places if not inside[k]] if (inside := _in_quotation(s, lo, start)) else places
    mode = words_mode(s, places, frozenset())
    return FACT if mode == NEGATED else mode


def _in_quotation(s: Chunked, lo: int, hi: int) -> dict[int, bool] | None:
    """Which tokens of lo..hi stand inside quotation marks (straight marks toggle; curly ones open and
    close), or None where no mark stands there."""
    marks = [k for k in range(lo, hi) if s.tok[k] in ('"', "\u201c", "\u201d")]
    if not marks:
        return None
    inside, now = {}, False
    for k in range(lo, hi):
        t = s.tok[k]
        if t == '"' or t == "\u201c" or t == "\u201d":
            now = (not now) if t == '"' else t == "\u201c"
            inside[k] = True
            continue
        inside[k] = now
    return inside


def _but_for(low: list[str], k: int) -> bool:
    """The 'not' at k is that of "had it not been for" / "were it not for", which says the cause after it
    happened."""
    return k >= 2 and low[k - 1] == "it" and (low[k - 2] == "had" and low[k + 1:k + 3] == ["been", "for"]
                                              or low[k - 2] == "were" and low[k + 1:k + 2] == ["for"])


_QUOTE_MARKS = frozenset({'"', "'", "\u201c", "\u201d", "\u2018", "\u2019"})


def words_mode(s: Chunked, places: Sequence[int], absorbs: frozenset[str]) -> str:
    """The strongest mode the words at `places` give, or FACT."""
    best, rank = FACT, 0
    last = places[-1] if places else -1  # a list or a range of places, in order
    for k in places:
        w = s.low[k]
        if w in absorbs:
            continue
        if w == "not" and k + 2 <= last and s.low[k + 1] == "to":
            continue  # "the text proposing not to impose sanctions was supported": it negates 'impose' only
        if w == "not" and _but_for(s.low, k):
            continue  # "had it not been for Russia's veto": the veto was cast
        mode = None
        if w in W.NEGATIONS or (w == "t" and k > 0 and s.low[k - 1] == "'") or (
                w in ("failed", "fails", "fail", "failing") and k + 1 < s.n and s.low[k + 1] == "to"):
            mode = NEGATED
            if w == "no" and k + 1 < s.n and s.low[k + 1] in ("longer", "votes", "abstentions", "objections", "-",
                                                              "fly"):
                mode = None  # "14 in favour, no votes against and one country, Indonesia, abstained": a count;
                # "a no-fly zone": a word of a name
            if w == "no" and 0 < k < s.n - 1 and s.tok[k - 1] in _QUOTE_MARKS and s.tok[k + 1] in _QUOTE_MARKS:
                mode = None  # 'nine "no" votes and two abstentions': the word quoted, a vote's name
        elif w in W.MODALS:
            mode = W.MODALS[w]
            if w in ("set", "due", "prepared", "ready", "face", "facing", "faces", "faced", "risk", "risked") and not (
                    k + 1 < s.n and s.low[k + 1] in ("to", "a", "an", "the")):
                mode = None
            if w == "face" and k >= 2 and s.low[k - 2:k] == ["only", "to"]:
                mode = None  # "... only to face a Russian veto": what came after, as it happened
            if w == "due" and k + 2 < s.n and (s.low[k + 2] in W.DETERMINERS or s.low[k + 2] in ("lack", "veto",
                                                                                               "vetoes")):
                mode = None  # "due to a veto": a cause, not a schedule
            if w == "may" and ((k + 1 < s.n and s.number(k + 1) is not None) or (k > 0 and s.tok[k] == "May" and (
                    s.low[k - 1] in ("in", "through", "until", "till", "since", "from", "of", "by", "last", "next",
                                     "early", "late", "mid", "-", "to") or s.number(k - 1) is not None))):
                mode = None  # "in May 2014", "through May next year", "on 5 May"
            if w == "may" and s.tok[k][:1] == "M" and k > 0 and (s.low[k - 1] in ("in", "on", "since", "of", "last")
                                                                or s.low[k - 1].isdecimal()):
                mode = None  # "in May", "on 8 May 2016": the month
            if w == "expected" and k > 0 and s.low[k - 1] == "as":
                mode = None  # "as expected": a fact
            if w == "could" and _could_not_because(s, k):
                mode = None  # "could not be adopted because of the US veto": what happened, and why
            if w == "able" and k > 0 and s.low[k - 1] in ("was", "were") and not any(
                    s.low[j] in W.MODALS and W.MODALS[s.low[j]] == CONDITION for j in range(max(0, k - 3), k - 1)):
                mode = None  # "were able to kill it": they did
            if w in ("plan", "plans") and not (k + 1 < s.n and s.low[k + 1] in ("to", "on")):
                mode = None  # "as part of a cease-fire plan was vetoed": a noun, no intention
            if w in ("planned", "intended") and k > 0 and s.low[k - 1] in W.DETERMINERS and not any(
                    s.low[j] in _PLANNED_VOTES for j in range(k + 1, min(k + 4, s.n))):
                mode = None  # "a resolution that declared a planned referendum illegal": the referendum's
            if w == "almost" or w == "certain":
                mode = None if not (k + 1 < s.n and s.low[k + 1] in ("certain", "certainly", "to")) else mode
        if mode is not None and MODE_RANK[mode] > rank:
            best, rank = mode, MODE_RANK[mode]
    return best


#: What "a planned" or "the intended" may stand before and keep its mode: "the planned vote", "an intended veto".
_PLANNED_VOTES = W.DRAFT_NOUNS | W.VETO_NOUNS | frozenset({"vote", "votes", "voting", "ballot", "adoption"})


def main_clause_vote(s: Chunked, after: int) -> bool:
    """A vote phrase follows a parenthesis: the parenthesis then speaks of another vote."""
    return any(s.low[k] in W.VOTED or s.low[k] in W.ABSTAINED or s.low[k] in W.VETO_VERBS
               for k in range(after, min(s.n, after + 6)))


def mentions_other_text(s: Chunked, lo: int, hi: int) -> bool:
    low = s.low
    return any(low[k] in W.OTHER_TEXT_WORDS and k + 1 < s.n and low[k + 1] in W.DRAFT_NOUNS | {"one", "vote"}
               for k in range(max(lo, 0), min(hi, s.n)))


#: Labels a page puts before a link to another story: "Read: ...", "Related: ...", "See also: ...".
_LINK_LABELS = frozenset({
    ("read",), ("also", "read"), ("read", "also"), ("read", "more"), ("related",), ("see", "also"), ("recommended",),
    ("related", "stories"), ("related", "articles"), ("related", "news"), ("watch",), ("related", "story"),
    ("further", "reading")})


def _linked_story(s: Chunked, key: int) -> bool:
    """The sentence opens with a link's label and a colon ("Related: Russia vetoes ..."), and the
    phrase at `key` stands on that line: a headline of another story, not this one's news."""
    if ":" not in s.words:
        return False  # most sentences: asked for every phrase read
    colon = next((k for k in range(min(s.n, 5)) if s.tok[k] == ":"), None)
    if colon is None or colon == 0 or tuple(s.low[:colon]) not in _LINK_LABELS:
        return False
    return "\n" not in s.text[s.st[colon]:s.st[key] if key < s.n else len(s.text)]


def _since_a_year(s: Chunked) -> bool:
    """The sentence opens with 'Since 2006': what it says of votes is their history up to now."""
    return s.n > 1 and s.low[0] == "since" and len(s.low[1]) == 4 and s.low[1].isdecimal()


def previous_text(s: Chunked, end: int) -> bool:
    """'vetoed an earlier draft', 'abstained on a previous text': the object right after the
    vote phrase is another text than the one in focus."""
    k = end
    if k < s.n and s.low[k] in _BLOCKING:
        k += 1  # "the Russian and Chinese vetoes torpedoed previous efforts"
    while k < s.n and k < end + 5 and s.low[k] in _BEFORE_EARLIER:
        k += 1
    return k + 1 < s.n and s.low[k] in W.EARLIER and s.low[k + 1] in _EARLIER_WHAT


_EARLIER_OF = frozenset({"previous", "earlier", "prior"})


def _some_of_earlier(s: Chunked, lo: int, key: int) -> bool:
    """'Only two of the previous eight were adopted': the clause's subject counts earlier texts (at
    most twelve words before the phrase)."""
    if s.words.isdisjoint(_EARLIER_OF):
        return False  # most sentences: asked for every phrase read
    low = s.low
    return any(low[k] == "of" and low[k + 1] == "the" and low[k + 2] in _EARLIER_OF
               and (s.number(k + 3) is not None or low[k + 3] in W.DRAFT_NOUNS)
               for k in range(max(lo, key - 12), key - 3))


def _earlier_text_before(s: Chunked, key: int) -> bool:
    """'in compliance with two earlier resolutions unanimously adopted by the Council': the text a
    participle follows is an earlier one."""
    k = key if key < s.n and s.low[key] in W.DRAFT_NOUNS else key - 1
    while k >= 0 and key - k <= 3 and s.low[k] in ("unanimously", "already", "both", "all", "also"):
        k -= 1
    return k >= 1 and s.low[k] in W.DRAFT_NOUNS and s.low[k - 1] in W.EARLIER


#: Verbs a veto does to a text ('vetoes torpedoed previous efforts'), and what a text may be called there.
_BLOCKING = frozenset({"torpedoed", "blocked", "killed", "derailed", "sank", "scuttled", "thwarted", "doomed",
                       "stymied", "halted", "ended", "defeated"})
_ATTEMPTS = frozenset({"efforts", "effort", "attempts", "attempt", "bids", "bid", "drafts"})
#: The words between a vote phrase and 'earlier' / 'previous' ("abstained on the two previous texts").
_BEFORE_EARLIER = frozenset({"on", "a", "an", "the", "its", "their", "of", "in", "for", "two", "three", "four", "five",
                             "six", "vote", "votes", "voting"})
#: What an earlier text may be called after 'earlier' / 'previous' (previous_text).
_EARLIER_WHAT = W.DRAFT_NOUNS | _ATTEMPTS | {"vote", "votes", "one", "u.n.", "un", "security"}
