"""Problems found in the user's data: values, not exceptions.

A check yields `Problem`s; only a run that cannot go on raises `VotesError`.
Every code is declared once, as a `Code`, by the module that raises it (the
loader for the shape of files, each check in `votes.checks` for its own), with
its severity, a one-line meaning and what it stops; `votes.checks.catalogue`
lists them all, and docs/reference.md's table of codes is generated from it.
"""

from __future__ import annotations

from .record import Record

ERROR = "error"
WARNING = "warning"
#: What a problem stops, as data (a field of its code): a data file could not be read at all,
#: so there is nothing to report on, even with --force ...
UNREADABLE_FILE = "unreadable"
#: ... or records were read but their facts cannot be exported or shown.
MISSHAPEN_RECORD = "misshapen"

#: Every code declared so far, by name: filled as the declaring modules load.
DECLARED: dict[str, "Code"] = {}


class Code(Record):
    """A problem code as the module that raises it declares it.

    name: short, kebab-case and stable (tools and people grep for it); severity: ERROR or
    WARNING; meaning: one line for the catalogue; stops: UNREADABLE_FILE, MISSHAPEN_RECORD
    or None (a problem in the facts, which `report --force` may show).
    """

    __slots__ = ("name", "severity", "meaning", "stops")

    def __init__(self, name: str, severity: str, meaning: str, stops: str | None = None):
        self.name, self.severity, self.meaning, self.stops = name, severity, meaning, stops
        held = DECLARED.get(name)
        if held is not None and held != self:
            raise ValueError(f"problem code {name!r} is declared twice, differently")
        DECLARED[name] = self


def code_of(name: str) -> Code:
    """The declaration of a code; a KeyError names a code no loaded module declares."""
    try:
        return DECLARED[name]
    except KeyError:
        raise KeyError(f"problem code {name!r} is not declared by any loaded module") from None


class Stops:
    """The codes that stop a command for these reasons, as a set one can test: `code in UNREADABLE`."""

    def __init__(self, *reasons: str):
        self.reasons = reasons

    def __contains__(self, name: str) -> bool:
        code = DECLARED.get(name)
        return code is not None and code.stops in self.reasons


#: Codes that mean a data file could not be read at all.
UNREADABLE = Stops(UNREADABLE_FILE)
#: ... or that the records are misshapen (or unreadable).
MISSHAPEN = Stops(UNREADABLE_FILE, MISSHAPEN_RECORD)


class Problem(Record):
    """One thing wrong in the data, located as precisely as the input allows."""

    __slots__ = ("code", "message", "path", "line", "col", "draft", "field", "hint", "subject", "stubs", "folded")

    def __init__(self, code: str, message: str, path: str, line: int = 0, col: int = 0,
                 draft: str | None = None, field: str | None = None, hint: str | None = None,
                 subject: str | None = None, stubs: dict[str, str] | None = None):
        self.code, self.message, self.path, self.line, self.col = code, message, path, line, col
        self.draft, self.field, self.hint = draft, field, hint
        self.subject = subject  # what the problem is about when it is not a draft: "seed X", "member X"
        #: YAML entries that fix it, ready to paste, by the list they go under ("evidence", "ignore")
        self.stubs = stubs
        #: the problems that follow from this one, folded into it (votes.validate.fold_follow_ons)
        self.folded: list[Problem] = []

    @property
    def severity(self) -> str:
        return code_of(self.code).severity

    @property
    def stops(self) -> str | None:
        """UNREADABLE_FILE, MISSHAPEN_RECORD, or None: what this problem stops (votes.problems.Code)."""
        return code_of(self.code).stops

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
        """`path:line:col: severity[code] subject: message` (docs/reference.md, "Problems")."""
        where = self.where()
        lead = f"{self.path}:{self.line}:{self.col}: {self.severity}[{self.code}]"
        return f"{lead} {where}: {self.message}" if where else f"{lead} {self.message}"

    def folding(self, follow_ons: list[Problem]) -> Problem:
        """A copy of this problem with these problems folded into it, as following from it."""
        copy = Problem(self.code, self.message, self.path, self.line, self.col, self.draft, self.field, self.hint,
                       self.subject, self.stubs)
        copy.folded = list(follow_ons)
        return copy

    def to_dict(self) -> dict:
        data = {name: getattr(self, name) for name in self.__slots__ if name not in ("stubs", "folded")}
        data["severity"] = self.severity
        if self.stubs:  # only problems that have them: the others keep their shape
            data["stubs"] = dict(self.stubs)
        if self.folded:
            data["folded"] = [p.to_dict() for p in self.folded]
        return data


def sort_key(problem: Problem) -> tuple:
    """Order problems by file, then position, then code: stable across runs. A file that cannot be
    read comes first: it is the cause of whatever else is said."""
    return (problem.stops != UNREADABLE_FILE, problem.path, problem.line, problem.col, problem.code, problem.message)
