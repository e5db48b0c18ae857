"""The documents tell the truth: the reference's tables of codes and words are the ones the code
uses, and the architecture page's worked check is the check as it stands."""

from __future__ import annotations

import re

from conftest import REGEN, ROOT
from votes.checks import catalogue
from votes.reader.grammar import grammar_rows


def codes_table() -> str:
    rows = [f"| `{code.name}` | {code.severity} | {code.meaning} |" for code in catalogue().values()]
    return "\n".join(["| code | severity | meaning |", "|---|---|---|", *rows]) + "\n"


def vocabulary_table() -> str:
    rows = [f"| {what} | {how.replace('|', chr(92) + '|')} |" for what, how in grammar_rows()]
    return "\n".join(["| what | words and shapes (whole words, any case; names case-sensitive) |", "|---|---|",
                      *rows]) + "\n"


def _section(text: str, name: str) -> re.Match:
    match = re.search(rf"<!-- {name}:start -->\n(.*?)<!-- {name}:end -->", text, re.S)
    assert match, f"docs/reference.md has no {name} section"
    return match


def test_reference_tables_match_the_code():
    path = ROOT / "docs" / "reference.md"
    text = path.read_text(encoding="utf-8")
    for name, table in (("codes", codes_table()), ("vocabulary", vocabulary_table())):
        match = _section(text, name)
        if REGEN:
            text = text[: match.start(1)] + table + text[match.end(1):]
        else:
            assert match.group(1) == table, f"the reference's {name} table is stale; run with VOTES_REGEN_GOLDEN=1"
    if REGEN:
        path.write_text(text, encoding="utf-8")


def test_every_code_has_a_test():
    tests = "".join(p.read_text(encoding="utf-8") for p in (ROOT / "tests").glob("test_*.py"))
    missing = [code for code in catalogue() if f'"{code}"' not in tests and f"[{code}]" not in tests]
    assert missing == [], f"codes without a test: {missing}"


def test_the_worked_check_of_the_architecture_page_is_the_check_as_it_stands():
    text = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    section = text.split("## Adding a check", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```python\n(.*?)```", section, re.S)
    assert blocks[0] == (ROOT / "votes" / "checks" / "review.py").read_text(encoding="utf-8")
    registry = (ROOT / "votes" / "checks" / "__init__.py").read_text(encoding="utf-8")
    assert blocks[1] in registry


def test_the_documents_cite_documents_that_exist():
    """Every docs/... or *.md a module, a test or a document names is in the repository."""
    named = set()
    for path in [*(ROOT / "votes").rglob("*.py"), *(ROOT / "tests").glob("*.py"), ROOT / "README.md",
                 *(ROOT / "docs").glob("*.md"), ROOT / "benchmarks" / "README.md"]:
        text = path.read_text(encoding="utf-8")
        named.update(re.findall(r"\b((?:docs|benchmarks)/[\w./-]+\.md|[A-Z]+\.md)\b", text))
    missing = sorted(name for name in named if not (ROOT / name).exists() and not (ROOT / "docs" / name).exists())
    assert missing == []
