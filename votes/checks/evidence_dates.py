"""A quote backs a vote only if its article was published on or after the vote: an article
written before it can only forecast it. The date comes from the seeds manifest, else from
the article's own dateline, else from the day its web address bears (the manifest's `url`,
votes.articles.url_date); an article with none of them is dated by a quote of its own that reports
the vote as done on its full day ("Russia vetoed the draft on 8 October 2016") or names the
resolution adopted by its number."""

from __future__ import annotations

import datetime as dt
from typing import Iterator

from .. import supports
from ..dates import names_full_date
from ..facts import MANIFEST, DraftCheck, Facts
from ..problems import ERROR, WARNING, Code, Problem
from ..seed_paths import seed_key

NAME = "article dates"
CODES = (
    Code("evidence-before-vote", ERROR, "a quote backing a vote from an article published before the vote"),
    Code("evidence-undated", WARNING, "a quote backing a vote from an article whose publication date the manifest "
         "does not give"),
)
NEEDS = (MANIFEST,)


def check(facts: Facts) -> Iterator[Problem]:
    checks = list(facts.checked())
    reported = _days_reported(checks)
    for check_ in checks:
        yield from article_dates(facts.project, check_, reported)


def article_dates(project, check: DraftCheck, reported: dict[str, dt.date] | None = None) -> Iterator[Problem]:
    """A quote backs a vote only if its article was published on or after the vote. `reported`: the
    latest day each undated article reports a vote as done on (`_days_reported`), which it was
    written on or after."""
    draft = check.draft
    if draft.date is None or project.manifest is None:
        return
    path = project.records.path
    for ev in draft.evidence:
        if ev.source is not None or ev.index not in check.anchors:
            continue
        claims = [c for c in ev.supports if supports.names_vote(c)]
        if not claims:
            continue
        name = seed_key(ev.seed)
        published, how = project.publication(name)  # the manifest, else the dateline, else the URL
        if published is None and (reported or {}).get(name, dt.date.min) >= draft.date:
            continue
        if published is None:
            yield Problem("evidence-undated", f"evidence[{ev.index}] backs {', '.join(claims)} from {ev.seed}, whose "
                          "publication date is unknown, so it cannot be shown to report the vote after it happened",
                          path, ev.loc.line, ev.loc.col, draft.id, f"evidence[{ev.index}]",
                          f"add published: YYYY-MM-DD to {ev.seed}'s entry in seeds/MANIFEST.yaml (its text has "
                          "no dateline with a date, and it has no url: with one)")
        elif published < draft.date:
            yield Problem("evidence-before-vote", f"evidence[{ev.index}] backs {', '.join(claims)} from {ev.seed}, "
                          f"published {published.isoformat()}{' (the day its URL bears)' if how == 'its URL' else ''}, "
                          f"before the vote of {draft.date.isoformat()}",
                          path, ev.loc.line, ev.loc.col, draft.id, f"evidence[{ev.index}]",
                          "an article written before a vote can only forecast it: cite one written after, or check "
                          "the draft's date")


def _days_reported(checks: list[DraftCheck]) -> dict[str, dt.date]:
    """The latest day each article reports a vote as done on, from its own quotes:

    - a quote cited for a draft's date, named in full (day, month and year), and for a fact of its vote:
      an article that reports, as done, a vote on that day was written on or after it;
    - a quote cited for an adopted resolution's symbol, which names it by its number ("resolution
      2334"): the Council numbers a resolution when it adopts it, so no article names the number before.

    Such an article dates enough every quote it gives for a vote of that day or before. A day without
    its year, or a date in a quote that backs no vote ("the vote is set for 8 October 2016"), dates
    nothing; nor does a draft's own symbol ("S/2016/846"), which it bears before the vote."""
    days: dict[str, dt.date] = {}
    for check in checks:
        draft = check.draft
        if draft.date is None:
            continue
        dated = set(check.backing.get("date", ()))
        numbered = set(check.backing.get("symbol", ())) if (draft.symbol or "").startswith("S/RES/") else set()
        if not dated and not numbered:
            continue  # most drafts: nothing of theirs can date a page
        voted = {index for path, indices in check.backing.items() if supports.names_vote(path) for index in indices}
        for ev in draft.evidence:
            if ev.source is not None:
                continue
            if (ev.index in dated and ev.index in voted and names_full_date(ev.quote or "", draft.date)) or \
                    ev.index in numbered:
                name = seed_key(ev.seed)
                days[name] = max(days.get(name, draft.date), draft.date)
    return days
