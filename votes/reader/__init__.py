"""The vote-statement reader: a sentence in, the assertions it makes out.

Three layers, one way down: the chunker (tokens, names, lists, counts, clauses, speech
frames and scopes: `chunker`, `frames`), the rule table (`rules`, written in the pattern
language of `patterns`), and the engine that applies the table and gives each assertion its
mode (`engine`). `read_sentence` and `read_passage` are the entry points.

Pure: no files, no pandas, no matplotlib; every step is linear in the tokens of a sentence
or bounded by a small window, and a run of text longer than any sentence is read in windows.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..anchor import composed, line_sentences
from .tokens import QUOTE_CLOSE, QUOTE_OPEN, Lexicon, fold, symbols, uncap_lines
from .types import Assertion, Reading, TextRef
from .words import (
    ALIGNED, CONDITION, COUNT, COUNT_WORDS, DRAFTED, EXPECTED, FACT, FUTURE, INTENDED, KINDS, MODES, NEGATED,
    OPENING_PHRASE_LONGEST, OPENING_PHRASE_WORDS, ORDINAL_SUFFIXES, ORDINALS, OTHER_BODY, OTHER_TEXT, OUTCOME,
    OUTCOMES, PROCEDURAL_VOTE, REPORTED, REST, STANCE, THREAT, VETO, VOTE,
)

if TYPE_CHECKING:
    from .chunker import Chunked
    from .engine import Table

__all__ = [
    "Assertion", "Reading", "TextRef", "Lexicon", "fold", "read_sentence", "read_passage", "MAX_SENTENCE",
    "ALIGNED", "CONDITION", "COUNT", "DRAFTED", "EXPECTED", "FACT", "FUTURE", "INTENDED", "KINDS", "MODES", "NEGATED",
    "OTHER_BODY", "OTHER_TEXT", "OUTCOME", "OUTCOMES", "PROCEDURAL_VOTE", "REPORTED", "REST", "STANCE", "THREAT",
    "VETO", "VOTE", "opens_with_pronoun", "refers_back", "symbols",
]

#: No reporter writes a sentence this long; a longer run of text (a file on one line, with no
#: full stop) is read in windows of this size, so reading stays linear in the text.
MAX_SENTENCE = 3000
_TABLE: list[Table] = []  # the rule table, built on the first sentence read (votes.reader.rules)


def table() -> Table:
    """The rule table, built once a process, when a sentence is first read: a run whose passages
    all come from the cache (votes.cache) never loads it. Building it parses no pattern: what the
    engine indexes comes with the package (votes.reader.index), and a rule's pattern is parsed when
    a sentence first tries it."""
    if not _TABLE:
        _TABLE.append(_build_table())
    return _TABLE[0]


def _machinery() -> list:
    """The chunker, frames and engine, imported at the first sentence read and kept (an import costs at each)."""
    if not _MACHINERY:
        from .chunker import Chunked
        from .engine import Read
        from .frames import find_frames, opens_quote, speaker_left_open

        _MACHINERY.extend((Chunked, Read, find_frames, opens_quote, speaker_left_open))
    return _MACHINERY


#: What `_machinery` imported: Chunked, Read, find_frames, opens_quote, speaker_left_open.
_MACHINERY: list = []


def _build_table() -> Table:
    from .engine import Table
    from .rules import RULES

    return Table(RULES)


#: What a sentence leaves for an opening "They" or "These" of the next: no list, no count.
_NOTHING_BEFORE: tuple = ((), None)


def read_sentence(text: str, lexicon: Lexicon, speaker: str | None = None, in_quote: bool = False) -> Reading:
    """Read one sentence (any offsets are into `text`). `speaker`: the member whose words a
    sentence wholly in quotation marks carries on from the sentence before it; `in_quote`: the
    sentence starts inside a quotation an earlier sentence opened."""
    return _read(uncap_lines(text, lexicon.capitals, lexicon.name_words), lexicon, speaker, in_quote)[0]


def _read(text: str, lexicon: Lexicon, speaker: str | None, in_quote: bool = False,
          want_next: bool = True, before: tuple = _NOTHING_BEFORE) -> tuple[Reading, str | None, bool, tuple]:
    """The reading of one sentence, the speaker it leaves open for the next, whether it leaves a
    quotation open, and what an opening "They" or "These" of the next may stand for: (the members of
    the sentence's one list, its one count as (vote, number) or None). `before`: that of the
    sentence before, for this one."""
    if len(text) > MAX_SENTENCE:
        return _read_windows(text, lexicon, speaker), None, False, _NOTHING_BEFORE
    Chunked, Read, find_frames, opens_quote, speaker_left_open = _MACHINERY or _machinery()

    # Names and words are matched in NFC, as council.yaml is written: a seed saved decomposed
    # ("C" + U+0302 for "Ĉ") is read composed, and its offsets mapped back.
    nfc, back = composed(text)
    s = Chunked(fold(nfc), lexicon)
    find_frames(s, speaker, in_quote)
    s.antecedent, s.counted = before
    found = Read(s, table())
    mentions = [(code, s.st[i], s.en[end - 1]) for i, (code, end) in sorted(s.mention_at.items())]
    if found.resolved:
        mentions = sorted(mentions + found.resolved, key=lambda m: (m[1], m[0]))
    reading = Reading(0, len(text), text, found.out, found.texts, several_votes(s), mentions, found.unknown)
    if back is not None:
        _remap(reading, back.original, back.original_end)
    if not want_next:
        return reading, None, False, _NOTHING_BEFORE
    left = speaker_left_open(s) or (speaker if in_quote else None)
    return reading, left, opens_quote(s) or (in_quote and not _closes(s)), (s.one_list() or _one_voting(found.out),
                                                                          _one_count(found.out))


def _one_voting(assertions: list[Assertion]) -> tuple[str, ...]:
    """The members of the sentence's one factual vote or veto, where it names others too ("Russia vetoed the
    resolution condemning the annexation of Ukrainian territories. It was the only ..."): Russia."""
    found = {a.members for a in assertions if a.kind in (VOTE, VETO) and a.mode == FACT and a.members}
    return found.pop() if len(found) == 1 else ()


def _one_count(assertions: list[Assertion]) -> tuple[str, int] | None:
    """The sentence's one factual count, as (vote, number): "Four countries abstained" -> ('abstain', 4)."""
    found = {(a.vote, a.count) for a in assertions if a.kind == COUNT and a.mode == FACT and a.count is not None
             and a.all_but is None}
    return found.pop() if len(found) == 1 else None


def _closes(s: Chunked) -> bool:
    return QUOTE_CLOSE in s.tok


def _remap(reading: Reading, start_of, end_of) -> None:
    """Move every offset of a reading's assertions and names: starts by `start_of`, ends by `end_of`."""
    for a in reading.assertions:
        a.start, a.end = start_of(a.start), end_of(a.end)
        a.keys = tuple((start_of(x), end_of(y)) for x, y in a.keys)
        a.spans = {c: (start_of(x), end_of(y)) for c, (x, y) in a.spans.items()}
    reading.mentions = [(c, start_of(x), end_of(y)) for c, x, y in reading.mentions]
    reading.unknown = [(name, start_of(x), end_of(y)) for name, x, y in reading.unknown]


def _shift(reading: Reading, by: int) -> None:
    """Move every offset of a reading by `by` characters (arithmetic inline: this runs for every quote)."""
    for a in reading.assertions:
        a.start += by
        a.end += by
        a.keys = tuple((x + by, y + by) for x, y in a.keys)
        a.spans = {c: (x + by, y + by) for c, (x, y) in a.spans.items()}
    reading.mentions = [(c, x + by, y + by) for c, x, y in reading.mentions]
    reading.unknown = [(name, x + by, y + by) for name, x, y in reading.unknown]


_PLURAL_ENDS = frozenset({"votes", "drafts", "texts", "resolutions", "times", "time", "twice"})
_PLURAL_TEXTS = frozenset({"votes", "drafts", "texts", "resolutions"})
_COUNTED = frozenset({"times", "drafts", "texts", "resolutions"})
_ONE_TEXT = frozenset({"draft", "text", "resolution", "proposal"})
_VOTE_VERBS = frozenset({"vetoed", "vetoes", "veto", "vetoing", "blocked", "blocks", "rejected", "opposed",
                         "adopted", "supported", "backed"})


def several_votes(s: Chunked) -> bool:
    """Whether the sentence speaks of several votes: "both votes", "the two drafts", "twice", "each
    time", "four (earlier) times", "11 resolutions", "the fifth time", "the 5th time", "repeatedly",
    "vetoed resolutions" (drafts in general), "neither of the drafts", "neither text"."""
    low = s.low
    if "repeatedly" in s.words:  # "has repeatedly vetoed resolutions critical of Israel"
        return True
    if "neither" in s.words:  # "Neither of the drafts was adopted", "neither text passed": two of them
        for j, word in enumerate(low):
            if word == "neither" and j + 1 < s.n and (low[j + 1] in _ONE_TEXT or (
                    low[j + 1] == "of" and not _PLURAL_TEXTS.isdisjoint(low[j + 2:j + 5]))):
                return True
    if s.words.isdisjoint(_PLURAL_ENDS):
        return False
    for j, word in enumerate(low):
        if word not in _PLURAL_ENDS:
            continue
        before = low[j - 1] if j else ""
        if word == "twice":
            return True
        if word == "time":
            if before == "first":
                continue  # "the first time the permanent members split": this vote, no other
            numeral = before in ORDINAL_SUFFIXES and j >= 2 and low[j - 2].isdecimal() and s.en[j - 2] == s.st[j - 1]
            ordinal = j - 1 - numeral  # where "the fifth" / "the 5th" starts
            if (before in ORDINALS or numeral) and ordinal >= 2 and low[ordinal - 2:ordinal] == ["for", "the"]:
                continue  # "vetoed -- for the second time in a month -- a resolution": this vote, the second
            if before in ("each", *ORDINALS) or numeral:
                return True
            continue
        if before == "both" or (word in _PLURAL_TEXTS and before == "two" and j >= 2 and low[j - 2] == "the"):
            return True
        if word in _PLURAL_TEXTS and j in s.lists_end and s.lists_end[j].items > 1:
            return True  # "the Russian, US resolutions": one draft of each
        if word in _PLURAL_TEXTS and (before in _VOTE_VERBS or (
                before == "draft" and j >= 2 and low[j - 2] in _VOTE_VERBS)):
            return True  # "vetoed resolutions critical of Israel": drafts in general; "vetoing draft resolutions"
        if word in _COUNTED:
            k = j - 1 - (before in ("previous", "earlier", "other", "draft"))  # "three draft resolutions"
            if k >= 0 and (low[k] in COUNT_WORDS or low[k].isdecimal()):
                return True
    return False


def _read_windows(text: str, lexicon: Lexicon, speaker: str | None) -> Reading:
    """An over-long 'sentence' read window by window, each cut at a space."""
    assertions, texts, mentions, unknown = [], [], [], []
    plural = False
    start = 0
    while start < len(text):
        end = min(len(text), start + MAX_SENTENCE)
        if end < len(text):
            cut = text.rfind(" ", start + MAX_SENTENCE // 2, end)
            end = cut if cut > start else end
        part = read_sentence(text[start:end], lexicon, speaker)
        _shift(part, start)
        assertions += part.assertions
        texts += [t for t in part.texts if t not in texts]
        mentions += part.mentions
        unknown += part.unknown
        plural = plural or part.plural
        start = end
    return Reading(0, len(text), text, assertions, texts, plural, mentions, unknown)


def read_passage(text: str, lexicon: Lexicon, start: int = 0, end: int | None = None,
                 sentences: list | None = None, before: str | None = None) -> list[Reading]:
    """Read every sentence of `text[start:end]`, with offsets into `text`. Lines are joined, so a
    meeting record's "In favour:" list reads across its line breaks; a sentence wholly in quotation
    marks takes its speaker from the sentence before it, and a quotation that runs over several
    sentences frames each of them; "They" opening a sentence stands for the one list of members
    the sentence before names. `sentences`: the passage's sentences (votes.anchor.Sentence), when
    the caller has split them already; `before`: the text of the sentence before the passage."""
    end = len(text) if end is None else end
    if sentences is None:
        sentences = []
        line_sentences(text[start:end].replace("\r", " ").replace("\n", " "), start, sentences)
    out: list[Reading] = []
    carried: str | None = None
    in_quote = False
    left: tuple = _NOTHING_BEFORE
    if before and sentences and refers_back(sentences[0].text):
        left = _read(_local(before, lexicon), lexicon, None)[3]
    for index, sentence in enumerate(sentences):
        local = _local(text[sentence.start:sentence.end], lexicon)
        quoted_next = index + 1 < len(sentences) and sentences[index + 1].text.startswith(QUOTE_OPEN)
        reading, left_open, still_open, left = _read(local, lexicon, carried, in_quote, before=left)
        _shift(reading, sentence.start)
        reading.start, reading.end = sentence.start, sentence.end
        out.append(reading)
        carried = left_open if (quoted_next or still_open) else None
        in_quote = still_open
    return out


def _local(sentence: str, lexicon: Lexicon) -> str:
    """A sentence as the reader takes it: a capitalised line's names in their usual case, on one line."""
    return uncap_lines(sentence.replace("\r", " "), lexicon.capitals, lexicon.name_words).replace("\n", " ")


#: The words that, opening a sentence, may stand for members the sentence before names or counts.
_ANAPHORS = ("they", "these", "those", "it", "both", "all")


#: "the three above countries", "these two nations": members a sentence before named (patterns.group_reference).
_GROUP_BEFORE = re.compile(r"\b(?:the|these|those) (?:two|three|four|five|six|[2-6]) (?:above |aforementioned "
                           r"|above-mentioned |said |named )?(?:countries|nations|members|states|delegations)\b")


def refers_back(sentence: str) -> bool:
    """Whether a sentence may stand for members the sentence before names: it opens with a pronoun
    (`opens_with_pronoun`) or names a group of them ("with the three above countries abstaining").
    The pattern is a run of fixed words, tried on the sentence's first 400 characters."""
    return opens_with_pronoun(sentence) or _GROUP_BEFORE.search(sentence[:400].lower()) is not None


def opens_with_pronoun(sentence: str) -> bool:
    """Whether a sentence opens with "They", "These", "Those", "It", "Both" or "All" (after "But", "And"
    or "Yet"): it may stand for the members the sentence before names or counts ("All four voted yes")."""
    words = sentence.lower().split(None, 2)
    if words and words[0] in OPENING_PHRASE_WORDS:  # "With that single gesture, it cast its sixth veto"
        head = sentence[:80].lower().split(",", 1)
        return len(head) == 2 and len(head[0].split()) <= OPENING_PHRASE_LONGEST and \
            head[1].split(None, 1)[:1] in (["it"], ["they"])
    return bool(words) and (words[0] in _ANAPHORS or (len(words) > 1 and words[0] in ("but", "and", "yet")
                                                      and words[1] in _ANAPHORS))
