"""Tokens and names: a sentence cut into tokens, and the members' names found among them.

Pure and linear: one possessive pattern cuts the tokens (no run is ever given back), and a
name is looked up only at tokens that can start one.
"""

from __future__ import annotations

import functools
import re
from typing import Iterable

from ..anchor import ONE_FOR_ONE, composed

#: A token: initials ("U.N."), a run of letters, a run of digits, or any other character. A run of
#: letters ends before a capital that follows two small letters, or that follows two capitals and
#: starts a word in small letters, or that follows a small letter after a digit: two words a page's
#: layout ran together ("Russian Federation AbstainsA veto by China", "altRussia", "citing CNNRussia",
#: an image's "RESIZE_400xRussia") are two tokens, while "McDonald", "iPhone" and "NATOs" stay one. Possessive: no run is ever given back, and each letter is tested
#: once with looks of two characters each way, so tokenizing stays linear. A run of small letters
#: is taken whole before the looks are tried (each branch takes letters only one way, so the order
#: changes no token; a third quicker on real sentences).
TOKEN = re.compile(r"[A-Za-z]\.(?:[A-Za-z]\.)++"
                   r"|[^\W\d_](?:[^\W\d_A-Z]++|(?<![a-z][a-z]|[0-9][a-z])(?!(?<=[A-Z][A-Z])[A-Z][a-z][a-z])[^\W\d_])*+"
                   r"|\d++|\S")
QUOTE_OPEN, QUOTE_CLOSE = "\u201c", "\u201d"
#: The folding quotes are found with (votes.anchor), but for double quotes: the reader keeps
#: curly ones apart, an opening one from a closing one, to see what stands inside a quotation.
#: An em dash is kept as it is: one glued to the words around it ("three nations\u2014including
#: Britain\u2014abstained") is a dash, never a hyphen (votes.reader.chunker reads it as "-", spaced).
EM_DASH = "\u2014"
_FOLD_CHARS = tuple((char, plain) for char, plain in ONE_FOR_ONE.items() if plain != '"' and char != EM_DASH) + (
    ("\u201e", QUOTE_OPEN), ("\u201f", QUOTE_OPEN), ("\uff02", '"'), ("\u2033", '"'))
#: A UN document symbol, matched where "S/" starts a word (found with str.find: a pattern that
#: begins with a word boundary would be tried at every character of the sentence): a draft of
#: 1994 on ("S/2016/846"), one of before ("S/1732", "S/1817/Rev.1", numbered without a year), a
#: meeting ("S/PV.7785"). Every part is bounded and the branches start apart but for the digits,
#: where the dated form is tried first.
_SYMBOL_SOURCE = r"S/(?:\d{4}/\d{1,4}|PV\.\d{1,6}|\d{3,5}(?:/Rev\.\d{1,2})?)\b"


def fold(text: str) -> str:
    """Fold quotes, dashes and white space as quotes are folded, one character for one, so
    offsets keep; curly double quotes stay as they are; a typed dash '--' is one dash and a space.

    str.replace for each character present beats str.translate on the short texts read here.
    """
    if "--" in text:
        text = text.replace("--", "- ")  # a typed dash ("abstained -- China, ...") is one dash
    if text.isascii() and "`" not in text:
        return text  # (a backtick is ASCII, and an apostrophe for some: "the council`s 15 members")
    for char, plain in _FOLD_CHARS:
        if char in text:
            text = text.replace(char, plain)
    return text


#: A run of three or more capitals: a word of a line in capitals ("SECURITY", "UNITED STATES").
#: One class, repeated: it cannot backtrack.
_CAPITALS = re.compile(r"[A-Z]{3,}")


def uncap_lines(text: str, keep: frozenset[str] = frozenset(), names: frozenset[str] | None = None) -> str:
    """Each line of `text` written all in capitals, as a press release's headline is, with its
    words of three letters or more capitalised ("OWING TO NEGATIVE VOTE BY UNITED STATES" ->
    "Owing TO Negative Vote BY United States"), so that names are found in it and "STATES" is no
    speech verb; words of two letters ("US", "UK", "TO") and "U.N." stay as they are, and so do the
    names in `keep` that council.yaml writes in capitals ("USSR", "DPRK"). Given `names` (the words
    of council.yaml's names, capitalised), only those are capitalised and the other words are put
    in lower case: a cable written all in capitals then reads "the United States today has, for the
    first time, vetoed", not a name "United States Today Has"; and in a line of small letters, the
    words in capitals of a name are capitalised ("CHINA and Russia", "THE UNITED STATES has
    vetoed"). Offsets keep."""
    if not _CAPITALS.search(text):
        return text
    lines = text.split("\n")
    for k, line in enumerate(lines):
        if line.upper() == line and _CAPITALS.search(line):
            lines[k] = _CAPITALS.sub(lambda m: _uncap(m.group(), keep, names), line)
        elif names is not None and _CAPITALS.search(line):
            lines[k] = _CAPITALS_RUN.sub(lambda m: _name_in_capitals(m.group(), keep, names), line)
    return "\n".join(lines)


#: Words in capitals one after another, each from its capital on ("THE UNITED STATES"): one pass,
#: since a word ends where the letters in capitals do and only a single space joins two.
_CAPITALS_RUN = re.compile(r"[A-Z][A-Z'\u2019.]*(?: [A-Z][A-Z'\u2019.]*)*")
#: Words in capitals a name in capitals may stand with: "THE UNITED STATES".
_WITH_NAMES = frozenset({"THE", "AND", "OF"})


def _name_in_capitals(run: str, keep: frozenset[str], names: frozenset[str]) -> str:
    """Words in capitals in a line of small letters: a name's words are capitalised when every word
    of three letters or more in the run is one of a name's, or "THE", "AND", "OF" ("CHINA and
    Russia", "THE UNITED STATES has vetoed"); else the run is left as written ("UNITED NATIONS",
    "NATO")."""
    words = run.split(" ")
    if any(len(w) > 2 and w not in keep and w not in _WITH_NAMES and w.capitalize() not in names for w in words):
        return run
    return " ".join(w.capitalize() if len(w) > 2 and w not in keep and w.capitalize() in names else w for w in words)


def _uncap(word: str, keep: frozenset[str], names: frozenset[str] | None) -> str:
    if word in keep:
        return word
    capitalised = word.capitalize()
    return capitalised if names is None or capitalised in names else word.lower()


@functools.lru_cache(maxsize=None)
def lazy(source: str, flags: int = 0) -> re.Pattern:
    """A pattern compiled on first need: most sentences never need the rarer ones."""
    return re.compile(source, flags)


def symbols(text: str) -> list[tuple[int, int, str]]:
    """Every document symbol in the text ("S/2016/846", "S/PV.7785"): start, end, symbol."""
    found = []
    at = text.find("S/")
    while at >= 0:
        match = None
        if at == 0 or not (text[at - 1].isalnum() or text[at - 1] == "_"):
            match = lazy(_SYMBOL_SOURCE).match(text, at)
            if match:
                found.append((at, match.end(), match.group()))
        at = text.find("S/", match.end() if match else at + 2)
    return found


#: Countries' first words that written small are words of English or a pronoun ("us", "turkey"): a
#: name in small letters is read only where it cannot be one of them.
_SMALL_WORDS = frozenset({"us", "chad", "turkey", "jordan", "guinea", "chile", "niger", "japan", "panama", "cuba"})


class Lexicon:
    """Member names as token sequences, found longest first; a name's first word case-sensitively,
    its later words in any case ("Cote D'Ivoire", "the United kingdom")."""

    def __init__(self, names: dict[str, Iterable[str]], permanent: Iterable[str] = (),
                 countries: Iterable[str] | None = None):
        self.permanent = frozenset(permanent)  # the members whose negative vote can be a veto
        #: the members' names as countries ("Syria", "Syrian Arab Republic"), not adjectives, initials or
        #: people: a draft that name stands before may be about that country (default: each first name)
        self.countries = frozenset(fold(composed(n)[0]) for n in (
            countries if countries is not None else [next(iter(words), "") for words in names.values()]) if n)
        self._by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for code, words in names.items():
            for name in {n for n in words if n}:
                tokens = tuple(m.group() for m in TOKEN.finditer(fold(composed(name)[0])))
                if tokens:
                    self._by_first.setdefault(tokens[0], []).append((tokens, code))
        for entries in self._by_first.values():
            entries.sort(key=lambda e: -len(e[0]))
        # each name of two or more words: its later words in lower case, compared when the exact case fails
        self._later: dict[tuple[str, ...], tuple[str, ...]] = {
            name: tuple(w.lower() for w in name[1:]) for entries in self._by_first.values() for name, _ in entries
            if len(name) > 1}
        # a first word in another case -> the names it starts: a country's name written small ("Russia and china
        # vetoed it") where its first word is no word of English of its own, and initials in a headline's case
        # ("U.s. Vetoes Un Slap")
        self._small: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for first, entries in self._by_first.items():
            if first.isalpha() and len(first) > 2 and first[0].isupper() and first[1:].islower() and \
                    first.lower() not in _SMALL_WORDS and first.lower() not in self._by_first:
                countries = [(name, code) for name, code in entries if " ".join(name) in self.countries]
                if countries:
                    self._small[first.lower()] = countries
            elif "." in first and first.isupper():
                for variant in (first.lower(), first[:1] + first[1:].lower()):
                    if variant != first and variant not in self._by_first:
                        self._small[variant] = entries
        self.firsts = frozenset(self._by_first) | frozenset(self._small)  # the tokens a name can start with
        # names of one word in capitals ("USSR"), which a line in capitals keeps as written
        self.capitals = frozenset(n[0] for entries in self._by_first.values() for n, _ in entries
                                  if len(n) == 1 and len(n[0]) > 2 and n[0].isupper() and n[0].isalpha())
        # the words of the names, as a line in capitals gives them back ("UNITED" -> "United")
        self.name_words = frozenset(w.capitalize() for entries in self._by_first.values() for n, _ in entries
                                    for w in n if w[:1].isupper() and w.isalpha())

    @classmethod
    def from_council(cls, council) -> "Lexicon":
        return cls({code: [m.name, *m.names] for code, m in council.members.items()},
                   [code for code, m in council.members.items() if m.permanent],
                   [n for m in council.members.values() for n in (m.name, *m.names[:1])])

    def match(self, tokens: list[str], i: int) -> tuple[str, int] | None:
        """The member whose name starts at token i, and the token after it."""
        first = tokens[i]
        # a name of one word is matched by its first (in another case through _small)
        for name, code in self._by_first.get(first) or self._small.get(first, ()):
            end = i + len(name)
            if len(name) == 1 or tuple(tokens[i:end]) == name or (end <= len(tokens) and tuple(
                    t.lower() for t in tokens[i + 1:end]) == self._later[name]):
                return code, end
        return None
