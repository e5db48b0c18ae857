"""The grammar of supports paths: how a record names each of its facts.

An evidence entry's `supports` lists the facts it backs: `votes.<CODE>`,
`votes.others` (the members no path of their own cites), `tally.yes|no|abstain`,
`positions.<CODE>`, and the single facts `status`, `drafted_by`, `date`,
`symbol`, `meeting`. A member code is three upper-case letters. The loader,
the JSON Schemas for editors, validation and `votes suggest` all read paths
through this module.
"""

from __future__ import annotations

#: The counts of a tally, in the order tables show them.
TALLY_KEYS = ("yes", "no", "abstain")
#: Facts a record holds once: each is its own path.
SINGLE = ("status", "drafted_by", "date", "symbol", "meeting")
#: Facts held per member: `votes.<CODE>`, `positions.<CODE>`.
PER_MEMBER = ("votes", "positions")
#: The votes of the members no `votes.<CODE>` path of the evidence cites.
OTHERS = "votes.others"
#: Facts an outside source (the UN record) may back: identifiers and dates, never votes.
SOURCE_PATHS = frozenset({"symbol", "meeting", "date"})
#: How the paths of the facts that name one vote begin (a sentence backs them for one draft only).
VOTE_FACTS = ("votes.", "tally.", "status")
#: Every path in one line, for messages and field descriptions.
SUMMARY = ("votes.<CODE>, votes.others, tally.yes|no|abstain, status, drafted_by, positions.<CODE>, date, symbol, "
           "meeting")
#: The same grammar as a regular expression, for the JSON Schemas editors use.
PATTERN = (rf"^(?:(?:{'|'.join(PER_MEMBER)})\.[A-Z]{{3}}|{OTHERS.replace('.', chr(92) + '.')}"
           rf"|tally\.(?:{'|'.join(TALLY_KEYS)})|{'|'.join(SINGLE)})$")


def vote_path(code: str) -> str:
    return f"votes.{code}"


def tally_path(key: str) -> str:
    return f"tally.{key}"


def position_path(code: str) -> str:
    return f"positions.{code}"


def head(path: str) -> str:
    """The field a path names a fact of: 'votes' for votes.RUS, 'status' for status."""
    return path.partition(".")[0]


def member(path: str) -> str | None:
    """The member code of a per-member path (votes.RUS -> RUS), None for any other."""
    first, _, rest = path.partition(".")
    return rest if first in PER_MEMBER and path != OTHERS else None


def is_code(text: str) -> bool:
    """Three upper-case ASCII letters: the form of a member code."""
    return len(text) == 3 and text.isascii() and text.isalpha() and text.isupper()


def is_path(text: str) -> bool:
    """Whether a text is a supports path of the grammar (the fact may still be missing from the record)."""
    first, dot, rest = text.partition(".")
    if not dot:
        return text in SINGLE
    if first == "tally":
        return rest in TALLY_KEYS
    return first in PER_MEMBER and (is_code(rest) or text == OTHERS)


def names_vote(path: str) -> bool:
    """Whether the path names a fact of one vote: a member's vote, a tally count or the status."""
    return path.startswith(VOTE_FACTS)
