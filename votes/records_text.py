"""The records file as text: proposed drafts, evidence and ignore entries written as YAML, and
inserted into the file's own text so that every comment and line the user wrote stays.

Used by `votes suggest` (votes.suggest); nothing here reads or writes a file.
"""

from __future__ import annotations

import json
import re

from .checks.review import UNREVIEWED


def quoted(text: str) -> str:
    """A YAML double-quoted scalar (JSON's string syntax is one)."""
    return json.dumps(text, ensure_ascii=False)


def evidence_yaml(seed: str, evidence: list[tuple[str, list[str]]], indent: str = "      ") -> list[str]:
    """Evidence entries, one `- seed: / quote: / supports:` item each."""
    lines = []
    for quote, supports in evidence:
        lines += [f"{indent}- seed: {seed}", f"{indent}  quote: {quoted(quote)}",
                  f"{indent}  supports: [{', '.join(supports)}]"]
    return lines


def draft_yaml(seed: str, draft_id: str, proposal) -> list[str]:
    """One proposed draft as an item of `drafts:`, with its unreviewed mark and TODO comments."""
    p = proposal
    lines = [f"  # {UNREVIEWED}, from {seed}; check every fact against the article"]
    lines += [f"  # TODO: {todo}" for todo in p.todos]
    lines.append(f"  - id: {draft_id}")
    drafters = f" drafted by {', '.join(p.drafters)}" if p.drafters else ""
    lines.append(f"    title: {quoted(f'TODO: a short title of the draft{drafters}')}")
    if p.symbol:
        lines.append(f"    symbol: {p.symbol}")
    lines.append(f"    date: {p.date.isoformat() if p.date else 'TODO'}")
    lines.append(f"    status: {p.status or 'TODO'}")
    if p.procedural:
        lines.append("    procedural: true")
    if p.drafters:
        lines.append(f"    drafted_by: [{', '.join(p.drafters)}]")
    if p.votes:
        lines.append("    votes:")
        lines += [f"      {code}: {vote}" for code, vote in p.votes.items()]
    if p.tally:
        lines.append("    tally: {" + ", ".join(f"{k}: {p.tally[k]}" for k in ("yes", "no", "abstain")
                                                if k in p.tally) + "}")
    if p.evidence:
        lines.append("    evidence:")
        lines += evidence_yaml(seed, p.evidence)
    lines.append("")
    return lines


def drafts_yaml(seed: str, proposals) -> str:
    """Proposed drafts as items of `drafts:`, indented to paste under it."""
    return "\n".join(line for draft_id, p in proposals for line in draft_yaml(seed, draft_id, p))


def ignores_yaml(seed: str, ignores: list[tuple[str, str]]) -> str:
    """Ignore entries to paste under `ignore:`: the sentences no proposal cites."""
    lines = []
    for quote, reason in ignores:
        lines += [f"  - seed: {seed}", f"    quote: {quoted(quote)}", f"    reason: {quoted(reason)}"]
    return "\n".join(lines) + ("\n" if lines else "")


def insert_drafts(current: str, block: str, key: str = "drafts") -> str:
    """Insert list items after the last line of the `key:` list, before the next top-level key."""
    if not current.strip():
        return f"{key}:\n" + block
    lines = current.splitlines(keepends=True)
    for i, line in enumerate(lines):  # "drafts: []", an empty list written in flow style, becomes a block list
        empty = re.match(rf"{key}:[ \t]*\[[ \t]*\][ \t]*(#.*)?$", line.rstrip("\r\n"))
        if empty:
            lines[i] = f"{key}:" + (f"  {empty.group(1)}" if empty.group(1) else "") + line[len(line.rstrip("\r\n")):]
    start = next((i for i, line in enumerate(lines) if re.match(rf"{key}:[ \t]*(#.*)?$", line.rstrip("\r\n"))), None)
    if start is None:
        sep = "" if current.endswith("\n") else "\n"
        return current + sep + f"{key}:\n" + block
    end = len(lines)
    for i in range(start + 1, len(lines)):
        if lines[i][:1] not in (" ", "\t", "#", "\n", "\r", "-") and lines[i].strip():
            end = i
            break
    while end > start + 1 and not lines[end - 1].strip():
        end -= 1
    head, tail = "".join(lines[:end]), "".join(lines[end:]).lstrip("\r\n")
    if head and not head.endswith("\n"):
        head += "\n"
    gap = "\n" if key == "drafts" else ""  # drafts are set apart by a blank line; ignore entries are not
    return head + gap + block + ("\n" + tail if tail else "")


def _draft_end(lines: list[str], first: int) -> tuple[int, int]:
    """The indent of the draft item whose `- id:` is lines[first], and the index of the line after it."""
    item = re.match(r"(\s*)- ", lines[first])
    indent = len(item.group(1)) if item else 2
    end = len(lines)
    for i in range(first + 1, len(lines)):  # the draft ends where a line starts at its item's indent or less
        text = lines[i]
        if text.strip() and not text.lstrip().startswith("#") and len(text) - len(text.lstrip()) <= indent:
            end = i
            break
    while end > first + 1 and not lines[end - 1].strip():
        end -= 1
    return indent, end


def draft_block(current: str, draft_line: int) -> str:
    """The lines of the draft item whose `- id:` stands on `draft_line` (1-based), as they are."""
    lines = current.splitlines(keepends=True)
    _, end = _draft_end(lines, draft_line - 1)
    block = "".join(lines[draft_line - 1:end])
    return block if block.endswith("\n") else block + "\n"


def insert_evidence(current: str, draft_line: int, block: list[str]) -> str:
    """Add evidence entries at the end of the `evidence:` list of the draft whose `- id:` stands on
    `draft_line` (1-based), or give the draft an `evidence:` list if it has none."""
    lines = current.splitlines(keepends=True)
    first = draft_line - 1
    indent, end = _draft_end(lines, first)
    field = " " * (indent + 2)
    has = next((i for i in range(first, end) if lines[i].startswith(field + "evidence:")), None)
    new = block if has is not None else [field + "evidence:"] + block
    if has is not None and end > has + 1:
        # entries are written at the list's own indentation
        entry = re.match(r"(\s*)- ", next((lines[i] for i in range(has + 1, end) if lines[i].strip().startswith("- ")),
                                          field + "  - "))
        shift = len(entry.group(1)) - (indent + 4)
        new = [(" " * shift + line) if shift > 0 else line[-shift:] if shift < 0 else line for line in block]
    head = "".join(lines[:end])
    if head and not head.endswith("\n"):
        head += "\n"
    return head + "\n".join(new) + "\n" + "".join(lines[end:])
