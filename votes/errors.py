"""The exceptions of a run that cannot go on (I/O, usage), as opposed to problems in the data."""


class VotesError(Exception):
    """Raised when a command cannot proceed; the CLI turns it into exit code 2."""


class DraftNotFound(VotesError):
    """No single draft answers to the id, symbol or prefix asked for; `suggestions` are the closest."""

    def __init__(self, message: str, suggestions: list[str]):
        super().__init__(message)
        self.suggestions = suggestions


class DataRefused(VotesError):
    """The data have errors that stop this command (a report from invalid data, say).

    `problems` are the errors that stop it; the CLI prints them and exits 1, not 2.
    """

    def __init__(self, message: str, problems: list):
        super().__init__(message)
        self.problems = problems
