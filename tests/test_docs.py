"""The README tells the truth: its tables of codes and words are the ones the code uses."""

from __future__ import annotations

import re

from conftest import REGEN, ROOT
from votes.checks import catalogue
from votes.statements import grammar_rows


def codes_table() -> str:
    rows = [f"| `{code.name}` | {code.severity} | {code.meaning} |" for code in catalogue().values()]
    return "\n".join(["| code | severity | meaning |", "|---|---|---|", *rows]) + "\n"


def vocabulary_table() -> str:
    rows = [f"| {what} | {how.replace('|', chr(92) + '|')} |" for what, how in grammar_rows()]
    return "\n".join(["| what | words and shapes (whole words, any case; names case-sensitive) |", "|---|---|",
                      *rows]) + "\n"


def _section(text: str, name: str) -> re.Match:
    match = re.search(rf"<!-- {name}:start -->\n(.*?)<!-- {name}:end -->", text, re.S)
    assert match, f"README has no {name} section"
    return match


def test_readme_tables_match_the_code():
    path = ROOT / "README.md"
    text = path.read_text(encoding="utf-8")
    for name, table in (("codes", codes_table()), ("vocabulary", vocabulary_table())):
        match = _section(text, name)
        if REGEN:
            text = text[: match.start(1)] + table + text[match.end(1):]
        else:
            assert match.group(1) == table, f"README {name} table is stale; run with VOTES_REGEN_GOLDEN=1"
    if REGEN:
        path.write_text(text, encoding="utf-8")


def test_every_code_has_a_test():
    tests = "".join(p.read_text(encoding="utf-8") for p in (ROOT / "tests").glob("test_*.py"))
    missing = [code for code in catalogue() if f'"{code}"' not in tests and f"[{code}]" not in tests]
    assert missing == [], f"codes without a test: {missing}"
