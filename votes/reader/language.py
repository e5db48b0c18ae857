"""Which language a passage is written in, when it is not English: the reader reads English only,
and a quote in French or German is read as saying nothing. Saying so turns "the reader finds no
vote statement in it" into a message with its cause and its fix.

The test is the small words every sentence of a language is made of ("le", "und", "el", "não"),
counted against English's own ("the", "and", "was"). Each word below belongs to one language only
(words two of them share, such as "la" or "que", are left out), so a proper name or a loan word
cannot tip a passage: a language is named only when its words outnumber English's two to one.
"""

from __future__ import annotations

import re

#: A word: a run of letters (a class repeated once, with nothing after it to backtrack into).
_WORD = re.compile(r"[^\W\d_]+")

_ENGLISH = frozenset({"the", "of", "and", "to", "was", "were", "is", "has", "have", "that", "with", "by", "for",
                      "it", "its", "on", "which", "from", "said", "after", "this", "be", "are", "an", "not",
                      "would", "will", "had", "been", "who", "their", "against", "voted"})
_OTHERS = {
    "French": frozenset({"le", "les", "du", "et", "est", "une", "dans", "pour", "avec", "sur", "aux", "été",
                         "qui", "pas", "cette", "ont", "voix", "ne", "sont", "au", "leur"}),
    "German": frozenset({"der", "die", "und", "ist", "nicht", "mit", "für", "von", "dem", "den", "ein", "eine",
                         "sich", "hat", "auf", "im", "wurde", "zu", "einen", "gegen", "stimmten"}),
    "Spanish": frozenset({"el", "los", "las", "del", "y", "fue", "es", "sus", "votaron", "aprobó"}),
    "Portuguese": frozenset({"os", "dos", "não", "é", "uma", "foi", "com", "ao", "pelo", "pela", "aprovado"}),
    "Italian": frozenset({"il", "della", "di", "è", "gli", "sono", "che", "degli", "nel", "alla"}),
}

#: Each small word and the one language it belongs to.
_LANGUAGE_OF = {word: name for name, words in _OTHERS.items() for word in words}


def language_of(text: str) -> str | None:
    """The language other than English the passage is written in ("French"), or None when it reads
    as English or too few of its words tell."""
    english, counts = 0, dict.fromkeys(_OTHERS, 0)
    for match in _WORD.finditer(text):
        word = match.group()
        if len(word) > 1 and word.isupper():
            continue  # "IST" is India's time, "DIE" a headline's shout: small words are written small
        word = word.lower()
        if word in _ENGLISH:
            english += 1
        elif word in _LANGUAGE_OF:
            counts[_LANGUAGE_OF[word]] += 1
    name, found = max(counts.items(), key=lambda item: item[1])
    return name if found >= 2 and found > 2 * english else None


def english_only(text: str) -> str | None:
    """What to tell a user whose quote or article is in another language, or None."""
    name = language_of(text)
    if name is None:
        return None
    return f"it reads as {name}, and the reader reads English only: cite an English report of the vote"
