"""The one exception type: a run that cannot go on (I/O, usage), not a problem in the data."""


class VotesError(Exception):
    """Raised when a command cannot proceed; the CLI turns it into exit code 2."""
