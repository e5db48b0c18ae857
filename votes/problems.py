"""Problems found in the user's data: values, not exceptions.

A check yields `Problem`s; only a run that cannot go on raises `VotesError`.
Every code a check can emit is listed in `CODES`, with its severity and a
one-line description; the README's table of codes is generated from it.
"""

from __future__ import annotations

from .record import Record

ERROR = "error"
WARNING = "warning"

#: code -> (severity, what it means). Codes are stable: tools and people grep for them.
CODES: dict[str, tuple[str, str]] = {
    # reading files
    "file-encoding": (ERROR, "a data file is not UTF-8 text, or holds a NUL byte"),
    "file-empty": (ERROR, "a data file holds no YAML document"),
    "file-too-large": (ERROR, "a data file larger than 64 MiB, far beyond any real history"),
    "yaml-syntax": (ERROR, "the YAML cannot be parsed (bad indentation, a tab, an unclosed quote ...)"),
    "yaml-duplicate-key": (ERROR, "a key appears twice in one mapping; YAML would silently keep the last"),
    "yaml-anchor": (ERROR, "anchors and aliases (&name, *name) are refused: every fact is written out"),
    "yaml-tag": (ERROR, "explicit tags (!!python/..., !custom) are refused"),
    "yaml-documents": (ERROR, "a data file holds more than one YAML document"),
    "yaml-too-deep": (ERROR, "nesting far deeper than any record needs"),
    "yaml-key": (ERROR, "a mapping key that is not a plain text or number"),
    # shape of the records
    "field-unknown": (ERROR, "a field the format does not have (often a typo)"),
    "field-missing": (ERROR, "a required field is absent"),
    "field-type": (ERROR, "a field holds the wrong kind of value (a list for a mapping, text for a number ...)"),
    "value-invalid": (ERROR, "a value outside its fixed set (vote, status, stance, supports path ...)"),
    "date-invalid": (ERROR, "a date that is not a real YYYY-MM-DD day"),
    "id-invalid": (ERROR, "a draft id that is not a lower-case slug"),
    "id-duplicate": (ERROR, "two drafts share an id"),
    "member-code-invalid": (ERROR, "a member code that is not three upper-case letters"),
    "member-unknown": (ERROR, "a member code that data/council.yaml does not define"),
    "quote-comment": (WARNING, "an unquoted ' #' cut the quote short: YAML read the rest as a comment"),
    # evidence
    "seed-path-outside": (ERROR, "an evidence seed path that is no safe name inside seeds/ (absolute, '..', a link out or in a loop, a NUL)"),
    "seed-not-found": (ERROR, "an evidence seed that is not a file in seeds/"),
    "quote-not-found": (ERROR, "a quote that is not in its seed, even after normalising"),
    "quote-case": (WARNING, "a quote found only when letter case is ignored"),
    "supports-invalid": (ERROR, "a supports path that is not one of the paths a quote can back"),
    "supports-no-fact": (ERROR, "a supports path naming a fact the record does not have"),
    "source-not-allowed": (ERROR, "an outside source cited for a fact only the seeds may prove"),
    # the quote says it
    "support-member": (ERROR, "a quote cited for a member's vote or stance does not name that member"),
    "support-vote": (ERROR, "a quote does not carry the word of the vote it is cited for"),
    "support-vote-conflict": (ERROR, "the clause naming a member carries the words of another vote too"),
    "support-tally": (ERROR, "a quote cited for a tally lacks the number or the word of that vote"),
    "support-others": (ERROR, "votes.others is cited but the members it stands for do not share one vote, or the quote lacks their number"),
    "support-status": (ERROR, "a quote cited for the status lacks a word of that outcome"),
    "support-drafter": (ERROR, "a quote cited for drafted_by does not name every drafter"),
    "support-stance": (ERROR, "a quote cited for a stance lacks a word of that stance"),
    "support-date": (ERROR, "a quote cited for the date does not carry it"),
    "support-text": (ERROR, "a quote cited for the symbol or meeting does not contain it"),
    # the record holds together
    "member-not-seated": (ERROR, "a member with a vote, stance or draft who did not sit on the Council that year"),
    "seats-missing": (ERROR, "no seats are listed in data/council.yaml for a draft's year"),
    "tally-mismatch": (ERROR, "the tally differs from the counted votes"),
    "status-mismatch": (ERROR, "the status is not what the Charter gives for these votes"),
    "not-voted-has-votes": (ERROR, "a not-voted draft carries votes or a tally"),
    "fact-unbacked": (WARNING, "a recorded fact that no evidence backs"),
    # the seeds are covered
    "seed-uncovered": (WARNING, "a seed sentence reporting a Council vote, veto or draft that no record cites and no ignore entry names"),
    "ignore-not-found": (ERROR, "an ignore entry whose quote is not in its seed"),
    # the seeds are the ones checked
    "seed-changed": (ERROR, "a seed's bytes differ from the SHA-256 in seeds/MANIFEST.yaml"),
    "seed-missing": (ERROR, "a seed listed in the manifest is not in seeds/"),
    "seed-unlisted": (WARNING, "a seed file that seeds/MANIFEST.yaml does not list"),
    "manifest-missing": (WARNING, "seeds/ has no MANIFEST.yaml, so changes to seeds cannot be detected"),
}


#: Codes (by prefix) meaning a data file could not be read at all: nothing to report on.
UNREADABLE = ("file-", "yaml-")
#: ... or that records were read but are misshapen: their facts cannot be exported or shown.
MISSHAPEN = UNREADABLE + ("field-", "value-", "date-", "id-", "member-code", "member-unknown")


class Problem(Record):
    """One thing wrong in the data, located as precisely as the input allows."""

    __slots__ = ("code", "message", "path", "line", "col", "draft", "field", "hint", "subject")

    def __init__(self, code: str, message: str, path: str, line: int = 0, col: int = 0,
                 draft: str | None = None, field: str | None = None, hint: str | None = None,
                 subject: str | None = None):
        self.code, self.message, self.path, self.line, self.col = code, message, path, line, col
        self.draft, self.field, self.hint = draft, field, hint
        self.subject = subject  # what the problem is about when it is not a draft: "seed X", "member X"

    @property
    def severity(self) -> str:
        return CODES[self.code][0]

    def where(self) -> str:
        """The subject part of the one-line form: `draft <id> <field>` or another subject."""
        if self.draft is not None:
            head = f"draft {self.draft}"
        else:
            head = self.subject or ""
        if self.field:
            head = f"{head} {self.field}" if head else self.field
        return head

    def to_line(self) -> str:
        """`path:line:col: severity[code] subject: message`, as DESIGN.md fixes it."""
        where = self.where()
        lead = f"{self.path}:{self.line}:{self.col}: {self.severity}[{self.code}]"
        return f"{lead} {where}: {self.message}" if where else f"{lead} {self.message}"

    def to_dict(self) -> dict:
        data = {name: getattr(self, name) for name in self.__slots__}
        data["severity"] = self.severity
        return data


def sort_key(problem: Problem) -> tuple:
    """Order problems by file, then position, then code: stable across runs."""
    return (problem.path, problem.line, problem.col, problem.code, problem.message)
