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
                if stem == "abstain" or low[at:end] in VOTE_WORDS:
                    hits.append(at)
            at = low.find(stem, at + len(stem))
    hits.sort()
    return hits


#: The vote words that only name a text: a sentence with no other ("The resolution calls for a
#: ceasefire") reports a vote only when the reader finds one in it ("UN Security Council adopts
#: Afghanistan resolution").
TEXT_NOUNS = frozenset({"resolution", "resolutions", "draft", "drafts"})


def names_a_text_only(text: str) -> bool:
    """Whether every vote word of a sentence is a noun for a text (resolution, draft)."""
    low = text.lower()
    for at in vote_word_offsets(low):
        end = at
        while end < len(low) and _word_char(low[end]):
            end += 1
        if low[at:end] not in TEXT_NOUNS:
            return False
    return True


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
