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
    "quote-word-cut": (ERROR, "a quote that begins or ends inside a word ('supported' out of 'unsupported')"),
    "quote-gap-drops": (ERROR, "a '...' in a quote leaves out a negation, a modal or a speaker ('not', 'would', 'said')"),
    "support-member": (ERROR, "a quote cited for a member's vote or stance does not name that member"),
    "support-vote": (ERROR, "a quote names the member but states no vote of it"),
    "support-mode": (ERROR, "a quote states the fact only as a threat, expectation, intention, future, condition, negation, another speaker's claim or about another body"),
    "support-other-text": (ERROR, "a quote states the fact about another draft than the one it is cited for"),
    "support-contradiction": (ERROR, "a factual assertion of a cited quote disagrees with the record"),
    "support-tally": (ERROR, "a quote cited for a tally states no count of that vote"),
    "support-others": (ERROR, "votes.others is cited but the members it stands for do not share one vote, or the quote does not state them as the rest"),
    "support-status": (ERROR, "a quote cited for the status states no such outcome"),
    "support-drafter": (ERROR, "a quote cited for drafted_by does not state every drafter as such"),
    "support-stance": (ERROR, "a quote cited for a stance states no such stance of that member"),
    "support-date": (ERROR, "a quote cited for the date does not carry it"),
    "support-text": (ERROR, "a quote cited for the symbol or meeting does not contain it"),
    # the record holds together
    "member-not-seated": (ERROR, "a member with a vote, stance or draft who did not sit on the Council that year"),
    "seats-missing": (ERROR, "no seats are listed in data/council.yaml for a draft's year"),
    "tally-mismatch": (ERROR, "the tally differs from the counted votes"),
    "status-mismatch": (ERROR, "the status is not what the Charter gives for these votes"),
    "not-voted-has-votes": (ERROR, "a not-voted draft carries votes or a tally"),
    "fact-unbacked": (WARNING, "a recorded fact that no evidence backs"),
    # one sentence, one vote
    "draft-duplicate": (ERROR, "two records of one vote: the same symbol, or the same date, drafters and outcome"),
    "evidence-shared": (ERROR, "one sentence cited for the votes, tally or status of two drafts, though it names only one"),
    "evidence-other-draft": (ERROR, "a quote whose sentence names another draft's drafters, symbol or date, and not this draft's"),
    "evidence-before-vote": (ERROR, "a quote backing a vote from an article published before the vote"),
    "evidence-undated": (WARNING, "a quote backing a vote from an article whose publication date the manifest does not give"),
    # the seeds are covered
    "seed-uncovered": (WARNING, "a seed sentence reporting a Council vote, veto or draft that no record cites and no ignore entry names"),
    "ignore-not-found": (ERROR, "an ignore entry whose quote is not in its seed"),
    # the seeds are the ones checked
    "seed-changed": (ERROR, "a seed's bytes differ from the SHA-256 in seeds/MANIFEST.yaml"),
    "seed-missing": (ERROR, "a seed listed in the manifest is not in seeds/"),
    "seed-unlisted": (WARNING, "a seed file that seeds/MANIFEST.yaml does not list"),
    "manifest-missing": (WARNING, "seeds/ has no MANIFEST.yaml, so changes to seeds cannot be detected"),
    # imported official votes (votes import undl)
    "undl-columns": (ERROR, "an imported file is not a UNDL voting-data CSV: a column is missing or a row has too many cells"),
    "undl-value": (ERROR, "an imported row lacks a resolution symbol, or has a bad member code, vote letter or date"),
    "undl-duplicate": (ERROR, "an imported file gives one member two votes on one resolution"),
    "undl-conflict": (ERROR, "the rows of one imported resolution disagree on its date"),
}


#: What a problem stops, as data: "unreadable", a data file could not be read at all (nothing
#: to report on, even with --force); "misshapen", records were read but their facts cannot be
#: exported or shown. Any other code is a problem in the facts, which `report --force` may show.
CATEGORIES: dict[str, str] = {
    **{code: "unreadable" for code in ("file-encoding", "file-empty", "file-too-large", "yaml-syntax",
                                       "yaml-duplicate-key", "yaml-anchor", "yaml-tag", "yaml-documents",
                                       "yaml-too-deep", "yaml-key")},
    **{code: "misshapen" for code in ("field-unknown", "field-missing", "field-type", "value-invalid",
                                      "date-invalid", "id-invalid", "id-duplicate", "member-code-invalid",
                                      "member-unknown")},
}
#: Codes that mean a data file could not be read at all.
UNREADABLE = frozenset(c for c, kind in CATEGORIES.items() if kind == "unreadable")
#: ... or that the records are misshapen (or unreadable).
MISSHAPEN = frozenset(CATEGORIES)


class Problem(Record):
    """One thing wrong in the data, located as precisely as the input allows."""

    __slots__ = ("code", "message", "path", "line", "col", "draft", "field", "hint", "subject", "stubs")

    def __init__(self, code: str, message: str, path: str, line: int = 0, col: int = 0,
                 draft: str | None = None, field: str | None = None, hint: str | None = None,
                 subject: str | None = None, stubs: dict[str, str] | None = None):
        self.code, self.message, self.path, self.line, self.col = code, message, path, line, col
        self.draft, self.field, self.hint = draft, field, hint
        self.subject = subject  # what the problem is about when it is not a draft: "seed X", "member X"
        #: YAML entries that fix it, ready to paste, by the list they go under ("evidence", "ignore")
        self.stubs = stubs

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
        data = {name: getattr(self, name) for name in self.__slots__ if name != "stubs"}
        data["severity"] = self.severity
        if self.stubs:  # only problems that have them: the others keep their shape
            data["stubs"] = dict(self.stubs)
        return data


def sort_key(problem: Problem) -> tuple:
    """Order problems by file, then position, then code: stable across runs."""
    return (problem.path, problem.line, problem.col, problem.code, problem.message)
