"""The words that make a seed sentence one that reports a Council vote, veto or draft.

Coverage (every such sentence is cited or ignored) and `votes suggest` find the
sentences with these; the benchmarks' generator keeps its filler clear of them.
"""

from __future__ import annotations

from .anchor import Paragraphs, Sentence, sentences, sentences_at

#: Whole words in any case, and any word that starts with "abstain".
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
                if (stem == "abstain" or low[at:end] in VOTE_WORDS) and not _in_address(low, at):
                    hits.append(at)
            at = low.find(stem, at + len(stem))
    hits.sort()
    return hits


#: The vote words that only name a text: a sentence with no other ("The resolution calls for a
#: ceasefire") reports a vote only when the reader finds one in it ("UN Security Council adopts
#: Afghanistan resolution").
TEXT_NOUNS = frozenset({"resolution", "resolutions", "draft", "drafts"})


#: "after the vote", "before the vote": a time, when a speaker spoke; no vote reported by it.
_TIME_BEFORE_VOTE = ("after the ", "before the ", "following the ", "ahead of the ", "prior to the ", "since the ",
                     "until the ")


#: "The vote came after talks failed", "the vote took place on the eve of ...": when and why a vote
#: was held, not how it went.
_WHEN_HELD = tuple(f" {verb} {word} " for verb in ("came", "comes") for word in ("after", "amid", "as", "just", "a")) + (
    " took place ", " takes place ", " occurs ", " occurred ", " was held ", " is held ", " followed ", " follows ")


def names_without_reporting(text: str) -> bool:
    """Whether every vote word of a sentence only names a text (resolution, draft), a time ("after
    the vote", "the vote came after ..."), or the veto as a power ("veto power", "veto-wielding"):
    none of them reports a vote."""
    low = text.lower()
    for at in vote_word_offsets(low):
        end = at
        while end < len(low) and _word_char(low[end]):
            end += 1
        word = low[at:end]
        if word in TEXT_NOUNS:
            continue
        if word == "vote" and low.endswith(_TIME_BEFORE_VOTE, max(0, at - 14), at):
            continue
        if word == "vote" and low.endswith(("the ", "this "), max(0, at - 5), at) and low.startswith(_WHEN_HELD, end):
            continue
        if word == "veto" and low.startswith((" power", "-wielding", " right", "-holding"), end):
            continue
        return False
    return True


#: Words of the Charter's rule for a decision: "A resolution needs nine votes and no veto to pass".
_REQUIRES = frozenset({"need", "needs", "needed", "require", "requires", "required", "must", "minimum"})
_THRESHOLDS = frozenset({"nine", "9", "seven", "7"})
#: Verbs in the past that say what a vote gave: a sentence with one reports a vote, rule or not ("The
#: draft needed nine votes but won only seven").
_RESULTS = frozenset({"won", "received", "got", "garnered", "secured", "drew", "obtained", "mustered", "gained",
                      "attracted", "voted", "vetoed", "abstained", "fell", "failed", "was", "were"})


def states_the_rule(text: str) -> bool:
    """Whether a sentence has the words of the voting rule and no word of a result: a requirement
    and the number of votes it takes ("A resolution needs at least nine votes and no vetoes to be
    adopted"). Such a sentence reports a vote only if the reader finds a fact in it."""
    words = set(text.lower().replace(",", " ").replace(".", " ").split())
    return not words.isdisjoint(_REQUIRES) and not words.isdisjoint(_THRESHOLDS) and words.isdisjoint(_RESULTS)


def reports_a_vote(text: str, read) -> bool:
    """Whether a sentence with a vote word reports a vote, so that coverage asks for it to be cited or
    ignored: not if its vote words only name a text, a time or the veto as a power and the reader
    finds no statement in it, nor if it states the voting rule and the reader finds no fact in it.
    `read()`: (whether the reader finds any statement, whether it finds a fact), asked only then."""
    naming, rule = names_without_reporting(text), states_the_rule(text)
    if not (naming or rule):
        return True
    anything, fact = read()
    if naming and not anything:
        return False
    return not (rule and not fact)


def _in_address(low: str, at: int) -> bool:
    """Whether the word at `at` is part of a web address ("http://.../russia-vetoes-srebrenica-..."):
    the run of text without a space around it starts with a scheme or 'www.' (looked for at most 300
    characters back)."""
    lo = max(0, at - 300)
    start = max(low.rfind(" ", lo, at), low.rfind("\n", lo, at))
    start = start + 1 if start >= 0 else lo
    return low.startswith(("http://", "https://", "www."), start) or "://" in low[start:at]


def _word_char(char: str) -> bool:
    return char.isalnum() or char == "_"  # what `\w` matches


def says_vote_word(text: str) -> bool:
    """Whether a sentence holds a vote word."""
    return bool(vote_word_offsets(text.lower()))


def vote_sentences(text: str, paragraphs: Paragraphs | None = None) -> list[Sentence]:
    """The sentences of a seed that hold a vote word (`paragraphs`: the seed's, if already made),
    but a heading of that one word ("Resolution", over a resolution's text): it reports nothing."""
    low = text.lower()
    if len(low) != len(text):  # a rare letter whose lower case is longer: offsets would drift
        found = [s for s in sentences(text, paragraphs) if says_vote_word(s.text)]
    else:
        found = sentences_at(text, vote_word_offsets(low), paragraphs)
    return [s for s in found if len(s.text.split(None, 1)) > 1]
