"""Markdown building: escaping, code spans, tables, numbers and lists as the report writes them.

Everything here turns values into Markdown text and nothing else; what the
report says is in `votes.sections`.
"""

from __future__ import annotations

import math
import re

#: The mark of an undefined value or an empty list.
UNDEFINED = "–"

_SPECIAL = re.compile(r"([\\`*\[\]<>|])|(?<!\w)_|_(?!\w)")
#: The characters `_SPECIAL` may escape.
_MARKUP = "\\`*[]<>|_"
_TICKS = re.compile(r"`+")


def md(text: str) -> str:
    """Text safe inside Markdown prose and table cells: markup characters escaped, lines joined."""
    text = " ".join(str(text).split())
    if not any(char in text for char in _MARKUP):  # most text has none: nine scans in C beat a pattern
        return text
    return _SPECIAL.sub(r"\\\g<0>", text)


def code(text: str) -> str:
    """An inline code span that holds any text, backticks included."""
    text = " ".join(str(text).split())
    fence = "`" * (max((len(run) for run in _TICKS.findall(text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def table(header: list[str], rows: list[list[str]], align: str | None = None) -> list[str]:
    """A GitHub table; align is one letter per column, l or r."""
    align = align or "l" * len(header)
    rule = ["---:" if a == "r" else "---" for a in align]
    return ["| " + " | ".join(row) + " |" for row in [header, rule, *rows]]


def number(value: float | None) -> str:
    """Two decimals, or the undefined mark for None and NaN."""
    return UNDEFINED if value is None or math.isnan(value) else f"{value:.2f}"


def plural(count: int, word: str) -> str:
    """"1 draft", "2 drafts"."""
    return f"{count} {word if count == 1 else word + 's'}"


def listing(items: list[str]) -> str:
    """Items joined by commas, or the undefined mark for none."""
    return ", ".join(items) if items else UNDEFINED


def joined(items: list[str]) -> str:
    """Items as prose: "a", "a and b", "a, b and c"."""
    if len(items) < 2:
        return "".join(items)
    return f"{', '.join(items[:-1])} and {items[-1]}"


def text_cell(value) -> str | None:
    """A text cell of a frame, None where pandas holds a missing value."""
    return value if isinstance(value, str) else None
