"""Kept for votes.suggest, which imports `read_seed` from here until it is switched to votes.quotes."""

from .quotes import read_seed  # noqa: F401
