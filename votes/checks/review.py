"""Suggestions are reviewed: the placeholders `votes suggest` leaves for a person (a title or an
ignore reason that still begins with "TODO", a comment that begins with "TODO", the comment
that marks a record as unreviewed) are warnings, so `votes validate --strict` fails until a
person has replaced them."""

from __future__ import annotations

from typing import Iterator

from ..facts import Facts
from ..problems import WARNING, Code, Problem

NAME = "unreviewed suggestions"
CODES = (Code("todo-unreviewed", WARNING, "a TODO placeholder or an 'unreviewed' mark that `votes suggest` left, "
              "not yet replaced by a person"),)
NEEDS = ()
#: How a placeholder begins (in a title, a reason or a comment) ...
TODO = "TODO"
#: ... and how the comment begins that `votes suggest` puts above each record it proposes.
UNREVIEWED = "suggested by `votes suggest`: unreviewed"


def check(facts: Facts) -> Iterator[Problem]:
    records = facts.project.records
    path = records.path
    for draft in records.drafts:
        if draft.imported_from is None and draft.title.startswith(TODO):
            loc = draft.loc_of("title")
            yield Problem("todo-unreviewed", f"the title is still the placeholder {_shown(draft.title)}", path,
                          loc.line, loc.col, draft.id, "title", "write the draft's title")
    for entry in records.ignores:
        if entry.reason.startswith(TODO):
            loc = entry.reason_loc
            yield Problem("todo-unreviewed", f"the reason is still the placeholder {_shown(entry.reason)}", path,
                          loc.line, loc.col, None, "reason", "say why this sentence is no record, or cite it as "
                          "evidence and remove the entry", f"ignore[{entry.index}]")
    below = _drafts_below(records)
    for comment in records.comments:
        if comment.text.startswith(TODO):
            message, hint = (f"the comment {_shown(comment.text)} awaits review",
                             "check what it points at, then delete the comment")
        elif comment.text.startswith(UNREVIEWED):
            message, hint = (f"the record is marked {_shown(UNREVIEWED)}",
                             "check every fact against the article, then delete the comment")
        else:
            continue
        yield Problem("todo-unreviewed", message, path, comment.line, comment.col, below.get(comment.line), None,
                      hint, None if comment.line in below else "comment")


def _drafts_below(records) -> dict[int, str]:
    """The draft each block of comments stands right above, by the comments' lines."""
    starts = {draft.loc.line: draft.id for draft in records.drafts}
    lines = {comment.line for comment in records.comments}
    below = {}
    for line in sorted(lines, reverse=True):
        draft = starts.get(line + 1) or below.get(line + 1)
        if draft is not None:
            below[line] = draft
    return below


def _shown(text: str) -> str:
    return repr(text if len(text) <= 80 else text[:77] + "...")
