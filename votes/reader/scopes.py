"""Asides and scopes (part of the chunker): the asides a subject and its verb may stand around
(", which had abstained on the first text,", ", during talks,", ", backed by China,", "(August 30)", "- A, B and C -"),
and the stretches that change what a phrase states: conditions, other bodies, the Council itself.

Functions over a `Chunked` sentence `s`, each linear in its tokens.
"""

from __future__ import annotations

from . import words as W
from .lists import CLAUSE_VERBS, description_before, where_held
from .pieces import Chunk
from .tokens import QUOTE_CLOSE, QUOTE_OPEN

#: A short aside opened by one of these, naming no member and no vote: ", during talks,", ", in a statement,".
#: Words in -ing that open no participle phrase ("nothing", "during", "including" is read apart).
_NOT_PARTICIPLES = frozenset({"nothing", "during", "including", "something", "everything", "morning", "evening",
                              "according", "following", "regarding", "concerning"})
#: Past participles of a state of mind that open an aside as an "-ing" word does: "The Council,
#: appalled at the detention camps, approved ...".
_STATE_PARTICIPLES = frozenset({"appalled", "alarmed", "angered", "concerned", "dismayed", "disturbed", "frustrated",
                                "outraged", "shocked", "worried", "determined", "troubled", "incensed",
                                # ", thought to be in Moscow's corner,": what others take it for
                                "thought", "believed", "seen", "regarded", "considered",
                                # ", tasked with ensuring world peace and security,": what the Council is for
                                "tasked", "mandated", "entrusted"})
#: Adjectives that open an aside on how the subject felt: ", angry at the West's dismissal of the deal,".
_MOODS = frozenset({"angry", "upset", "unhappy", "furious", "wary", "reluctant", "keen", "eager", "irritated",
                    "disappointed", "dissatisfied", "unconvinced", "skeptical", "sceptical", "fearful", "displeased",
                    "annoyed", "uneasy", "unimpressed", "irked", "piqued", "indignant", "resentful"})
#: Words before an 'if' that leave the clause before it a fact: "even if", "as if", "only if" ...
#: Words that open the clause an 'if' without a comma hangs on: "a text that would impose sanctions if ...".
_CLAUSE_WORDS = frozenset({"that", "which", "who", "whom", "whose"})
_NOT_CONSEQUENT = frozenset({"even", "as", "only", "what", "whether", "unclear", "asked", "see", "know", "wondered"})
#: The words an appositive noun phrase opens with: ", the main sponsor,", ", its envoy,".
_APPOSITIVE_OPENERS = frozenset({"the", "a", "an", "its", "his", "her", "their", "another", "one", "fellow", "both"})
#: Plural nouns that open an appositive with no article before "of": ", proponents of sanctions against
#: developing countries," (never the drafters' nouns: ", sponsors of the draft," says who drafted it).
_ROLE_NOUNS = frozenset({"proponents", "supporters", "allies", "critics", "opponents", "advocates", "backers",
                         "champions", "friends", "partners", "neighbours", "neighbors", "rivals", "adversaries"})
#: Words between a count and the members it counts in an appositive: ", two permanent members with veto power,".
_MEMBER_ADJECTIVES = frozenset({"permanent", "veto", "western", "african", "european", "arab", "elected"})
#: Vote words that are nouns in an appositive ("the two permanent members with veto power").
_APPOSITIVE_NOUNS = frozenset({"veto", "vetoes", "vote", "votes", "support", "power"})
#: Participles that open an aside naming who stood with the subject: ", backed by China,".
_BY_PARTICIPLES = frozenset({"backed", "supported", "joined", "seconded", "flanked", "aided", "encouraged",
                             # ", sponsored by Algeria and Libya,": the text's drafters, no vote of theirs
                             "sponsored", "co-sponsored", "cosponsored", "drafted", "tabled", "authored"})
#: The roles an aside opened by 'as' gives its subject: ", as co-penholders on the Syria file,", ", as
#: president of the Council this month," (never "as did", "as expected": other words).
_AS_ROLES = frozenset({"co", "penholder", "penholders", "president", "presidents", "chair", "chairs", "coordinator",
                       "coordinators", "members", "member", "hosts", "host", "neighbours", "neighbors", "allies",
                       "partners", "guarantors", "guarantor", "mediators", "mediator"})
#: Words that open an aside saying who most of those just named or counted were.
_MOSTLY = frozenset({"especially", "mostly", "mainly", "chiefly", "largely", "notably", "particularly", "primarily"})
#: Words of a vote that a long aside never holds (its subject's vote stands outside it).
_VOTE_WORDS = frozenset({"voted", "voting", "vetoed", "vetoing", "abstained", "abstaining", "abstain", "veto", "vetoes",
                         "vote", "votes", "adopted", "rejected", "supported", "opposed", "backed"})
#: ", in opposing the measure,": what the subject did, no aside.
_GERUNDS = frozenset({"opposing", "supporting", "backing", "rejecting", "voting", "abstaining", "vetoing", "blocking"})
_ASIDE_PREPOSITIONS = frozenset({"during", "in", "at", "after", "before", "on", "for", "by", "with", "under",
                                 "despite", "once", "again", "meanwhile"})
_ASIDE_WORDS = frozenset({"during", "voting", "vote", "in", "the", "end", "however", "though", "ultimately", "in", "turn", "fact", "of",
                          "course", "nonetheless", "nevertheless", "moreover", "meanwhile", "too", "also", "then",
                          "for", "its", "part", "their", "instead", "predictably", "once", "again", "as",
                          "expected", "notably", "surprisingly", "unsurprisingly", "center", "centre", "left", "right",
                          "l", "r", "c"})


#: The most words a link's label in square brackets holds: "[official website]", "[JURIST report]".
_LABEL_WORDS = 5


def _votes_within(s, a: int, b: int) -> bool:
    """Whether a vote word stands between a and b, not as the end of a compound ("Iranian-backed")."""
    return any(s.low[k] in _VOTE_WORDS and s.low[k - 1] != "-" for k in range(a + 1, b))


def bracketed_labels(s) -> None:
    """Square brackets holding a few words, no member's name and no vote word: a link's label, read as
    an aside ("The UN Security Council [official website] voted Wednesday to impose ...")."""
    low = s.low
    for a, w in enumerate(low):
        if w != "[":
            continue
        b = next((k for k in range(a + 1, min(s.n, a + _LABEL_WORDS + 2)) if low[k] == "]"), None)
        if b is not None and b > a + 1 and not any(k in s.mention_at or low[k] in _VOTE_WORDS for k in range(a + 1, b)):
            _aside(s, a, b)


def _aside(s, a: int, b: int) -> None:
    """Tokens a..b (both included) are an aside: a subject and its verb may stand around it."""
    s.asides_open[a] = b
    s.asides_close[b] = a


def find_title_names(s) -> None:
    """What stands between a member's title and its verb, as an aside: where the title is held ("The
    US representative to the UN Security Council used ...") and the person who holds it ("U.S.
    Ambassador Jeane J. Kirkpatrick on Tuesday vetoed ..."; up to five capitalised words or
    initials, after a capitalised title). Only after a title that follows a member's name."""
    tok, low = s.tok, s.low
    for i, w in enumerate(low):
        if w not in W.AGENT_HEADS or i not in s.mention_end and not (
                i >= 3 and low[i - 2:i] == ["'", "s"] and i - 2 in s.mention_end):
            continue
        j = i + 1
        k = where_held(s, j) if j + 2 < s.n else j
        if k > j:
            if k == j + 2 or j in s.asides_open:
                continue
            _aside(s, j, k - 1)
            j = k  # "U.S. Ambassador to the United Nations Nikki Haley, center, votes": the name follows
        title = j - 1  # the last word of the title: "Ambassador", or "Nations" after "to the United Nations"
        own = s.mention_at.get(j)
        if own is not None and own[0] == _title_member(s, i) and own[1] - j >= 2:
            _aside(s, j, own[1] - 1)  # "US ambassador John Bolton", where the council lists him for the US
            continue
        if not tok[title][:1].isupper() and low[title] not in ("nations", "council") and not _full_name_at(s, j):
            continue  # a title in lower case takes a name of two words at least: "US ambassador John Bolton"
        while j < s.n and j - title <= 5 and (tok[j][:1].isupper() and tok[j].isalpha() or (
                tok[j] == "." and len(tok[j - 1]) == 1) or tok[j] == "-" and not s.spaced(j)):
            j += 1
        if j > title + 1 and title + 1 not in s.asides_open:
            _aside(s, title + 1, j - 1)


def _title_member(s, i: int) -> str | None:
    """The member whose title ends before token i: "US" in "US ambassador", "China" in "China's envoy"."""
    if i in s.mention_end:
        return s.mention_end[i][0]
    return s.mention_end[i - 2][0] if i - 2 in s.mention_end else None


def after_dateline(s) -> int:
    """Where the sentence proper starts after a dateline ("UNITED NATIONS, July 19 (Xinhua) -- ...",
    "UNITED NATIONS | ...": a first word in capitals, and a spaced dash or bar among the first twelve
    tokens), else 0."""
    if s.n < 3 or len(s.tok[0]) < 2 or not s.tok[0].isupper():
        return 0
    for k in range(1, min(s.n - 1, 12)):
        if s.tok[k] in ("-", "\u2013", "\u2014", "|") and s.spaced(k):
            while k + 1 < s.n and s.tok[k + 1] in ("-", "\u2013", "\u2014"):
                k += 1  # "--" written as two dashes
            return k + 1
    return 0


def find_person_titles(s) -> None:
    """A person named first, then a title that names the member the person acts for, between commas:
    "John Negroponte, the U.S. ambassador to the UN, voted ...", "Huang Hua, China's ambassador, ...".
    The member is the subject of what the person does (s.titled). The name opens the sentence (or
    follows its dateline), in two to five capitalised words."""
    tok = s.tok
    start = after_dateline(s)  # "UNITED NATIONS (AP) -- John Negroponte, ..."
    a = start
    while a < s.n and a - start < 5 and (tok[a][:1].isupper() and tok[a].isalpha() or tok[a] == "."):
        a += 1
    if a < s.n and tok[a] == "(":  # "Liu Jieyi (front), China's permanent representative ..."
        close = next((k for k in range(a + 1, min(a + 5, s.n)) if tok[k] == ")"), None)
        a = close + 1 if close is not None else a
    if start in s.mention_at:
        # "Samantha Power, US ambassador to the UN, voted ...", where council.yaml lists the person for
        # the member the title names: the title between commas is an aside, and the person the subject
        code, a = s.mention_at[start]
        title = _title_after(s, a)
        if title is not None and title[0] == code and a not in s.asides_open:
            _aside(s, a, title[2])
        return
    if a - start < 2:
        return
    title = _title_after(s, a)
    if title is not None:
        code, k, close = title
        s.titled[close] = (start, Chunk("list", k, s.mention_at[k][1], codes=(code,),
                                        spans={code: s.span(k, s.mention_at[k][1])}))


def _title_after(s, a: int) -> tuple[str, int, int] | None:
    """At the comma a, a title that names a member, closed by a comma: ", the U.S. ambassador to the
    UN,", ", China's permanent representative,". (The member's code, where its name starts, the
    closing comma), or None."""
    low = s.low
    if a >= s.n or s.tok[a] != ",":
        return None
    k = a + 1 + (a + 1 < s.n and low[a + 1] == "the")
    if k not in s.mention_at:
        return _head_of_member(s, k)
    code, j = s.mention_at[k]
    if low[j:j + 2] == ["'", "s"]:
        j += 2  # "China's ambassador"
    j += j < s.n and low[j] in ("deputy", "chief", "top", "alternate")  # "China's deputy permanent representative"
    j += j < s.n and low[j] == "permanent"
    if j >= s.n or low[j] not in W.AGENT_HEADS:
        return None
    if low[j + 1:j + 2] == ["and"]:  # "United States Ambassador and (Permanent) Representative to the UN"
        m = j + 2 + (low[j + 2:j + 3] == ["permanent"])
        j = m if m < s.n and low[m] in W.AGENT_HEADS else j
    j = where_held(s, j + 1)
    return (code, k, j) if j < s.n and s.tok[j] == "," else None


def _head_of_member(s, j: int) -> tuple[str, int, int] | None:
    """The title at j written head first: "(Deputy) Permanent Representative of the United States
    (to the United Nations),". (The member's code, where its name starts, the closing comma), or None."""
    low = s.low
    j += j < s.n and low[j] in ("deputy", "chief", "alternate")
    j += j < s.n and low[j] == "permanent"
    if j + 1 >= s.n or low[j] not in W.AGENT_HEADS or low[j + 1] != "of":
        return None
    k = j + 2 + (j + 2 < s.n and low[j + 2] == "the")
    if k not in s.mention_at:
        return None
    code, end = s.mention_at[k]
    end = where_held(s, end)
    return (code, k, end) if end < s.n and s.tok[end] == "," else None


def _full_name_at(s, j: int) -> bool:
    """Two capitalised words at j that name no day or month: a person's name."""
    return j + 1 < s.n and all(s.tok[k][:1].isupper() and s.tok[k].isalpha() and s.low[k] not in W.WEEKDAY_WORDS
                               and s.low[k] not in W.MONTH_WORDS and k not in s.inside for k in (j, j + 1))


def find_time_asides(s) -> None:
    """'for the third time (this year | in two years | since 2011)' between a subject and its verb
    ("the U.S. for the third time this year vetoed a resolution"): an aside, as one between commas."""
    low = s.low
    for i, w in enumerate(low):
        if w != "for" or low[i + 1:i + 2] != ["the"] or i + 3 >= s.n:
            continue
        j = i + 2
        if low[j].isdecimal() and j + 1 < s.n and low[j + 1] in W.ORDINAL_SUFFIXES:
            j += 2  # "for the 12th time"
        elif low[j] in W.ORDINALS or low[j] in ("last", "latest"):
            j += 1
        else:
            continue
        if j >= s.n or low[j] != "time":
            continue
        end = j
        after = low[j + 1:j + 4]
        if after[:1] == ["this"] and after[1:2] and after[1] in ("year", "month", "week"):
            end = j + 2
        elif after[:1] == ["since"] and after[1:2] and after[1].isdecimal():
            end = j + 2
        elif after[:1] == ["in"] and len(after) == 3 and (after[1].isdecimal() or after[1] in W.COUNT_WORDS
                                                         or after[1] in ("a", "one")) and \
                after[2] in ("years", "months", "weeks", "days", "year", "month", "week"):
            end = j + 3
        if i > 0 and s.tok[i - 1] == "," and end + 1 < s.n and s.tok[end + 1] == ",":
            i, end = i - 1, end + 1  # "The United States, for the third time this year, vetoed"
        if i not in s.asides_open and end not in s.asides_close:
            _aside(s, i, end)


def find_date_asides(s) -> None:
    """'on October 4, 2011' or 'on 4 October 2011' between a member's name and its verb ("Russia and
    China on October 4, 2011 block a proposed resolution"): an aside, as one between commas."""
    low = s.low
    for i, w in enumerate(low):
        if w != "on" or i not in s.mention_end or i + 2 >= s.n:
            continue
        j = i + 1
        if low[j] in W.MONTH_WORDS and low[j + 1].isdecimal():  # "on October 4(, 2011)"
            j += 2
        elif low[j].isdecimal() and low[j + 1] in W.MONTH_WORDS:  # "on 4 October (2011)"
            j += 2
        else:
            continue
        if j + 1 < s.n and low[j] == "," and low[j + 1].isdecimal() and len(low[j + 1]) == 4:
            j += 2
        elif j < s.n and low[j].isdecimal() and len(low[j]) == 4:
            j += 1
        if j < s.n and low[j].isalpha() and i not in s.asides_open and j - 1 not in s.asides_close:
            _aside(s, i, j - 1)


def find_asides(s) -> None:
    """Asides between commas that a subject and its verb may stand around: ", which had
    abstained on the first text,", ", whose envoy had threatened a veto,", ", in the end,"."""
    low, tok = s.low, s.tok
    commas = [i for i, t in enumerate(tok) if t == ","]
    lists = sorted(s.lists_at.items())
    for a, b in zip(commas, commas[1:]):
        if a in s.asides_close and b - a == 2 and len(low[a + 1]) == 4 and low[a + 1].isdecimal() and any(
                w in W.MONTH_WORDS for w in low[s.asides_close[a]:a]):
            opened = s.asides_close.pop(a)  # ", February 24, 2025,": the year is the date's, one aside
            _aside(s, opened, b)
            continue
        if a in s.asides_close and not (b - a <= 12 and _participle(low[a + 1])) and not _appositive(s, a, b):
            # the comma closes an aside already (but ", Jeane Kirkpatrick, speaking after the vote,", and
            # "..., including the US and UK, proponents of sanctions against developing countries, voted")
            continue
        # ", including Angola, Venezuela and China,", ", which included Libya and Vietnam,": the aside
        # runs to the comma after the list it holds
        inside = next((c for k, c in lists if a < k < b and c.end > b), None)
        if inside is not None and (low[a + 1] in ("including", "namely", "i.e.", "among", "which", "who", "whose")
                                   or low[a + 1:a + 3] == ["such", "as"]):
            b = next((k for k in commas if k >= inside.end), None)
            if b is None or b - a > 40:
                continue
        inner = low[a + 1:b]
        if not inner or b - a > 40:
            continue
        if inner[0] in ("which", "who", "whose", "including", "namely", "i.e.", "among") or inner[:2] == ["such", "as"] or (
                # ", of which Russia is a strong ally,", ", to whom ...,": a relative clause after its preposition
                len(inner) > 1 and inner[0] in ("of", "to", "for", "with", "in") and inner[1] in ("which", "whom")) or (
                # ", like the United Kingdom,", ", unlike France,": who did as the subject did, or not (its own rules)
                inner[0] in ("like", "unlike") and _list_to(s, a + 2 + (low[a + 2] == "the"), b)) or (
                # ", not China,", ", not the US,": who did not do it, set apart from the subject
                inner[0] == "not" and _list_to(s, a + 2 + (low[a + 2] == "the"), b)) or (
                # ", speaking in explanation of vote,", ", currently serving a term on the Council,": a
                # participle phrase (after an adverb) with no vote of its own
                len(inner) <= 10 and (_participle(inner[0])
                                      or inner[0].endswith("ly") and len(inner) > 1 and _participle(inner[1]))
                and not any(low[k] in CLAUSE_VERBS and low[k] not in ("vote", "votes") and not low[k].endswith("ing")
                            for k in range(a + 1, b))) or (
                # ", refusing to budge in its demand that its peacekeepers be exempted from the new court,", ", as one
                # of the five permanent members with the power to block any action,": long, but no name, no vote
                len(inner) <= 24
                and (_participle(inner[0]) or (inner[0] == "as" and inner[1:2] in (["one"], ["a"], ["the"])))
                and (not any(low[k] in _VOTE_WORDS for k in range(a + 1, b))
                     or inner[0] in ("refusing", "declining") and inner[1:2] == ["to"])  # "refusing to use its veto"
                and _names_only(s, a, b)) or (
                _appositive(s, a, b)) or _how_the_subject_stood(s, a, b, inner) or (
                # "with two veto-power countries, Russia and China, abstaining": the names of the members described
                _names_described(s, a, b)) or (
                # ", backed by China,": who stood with the subject, no vote of the one named; ", chaired by
                # Switzerland,", ", propelled by the failure of others,": a participle with its agent, no vote word
                len(inner) <= 8 and inner[1:2] == ["by"] and (
                    inner[0] in _BY_PARTICIPLES
                    or inner[0].endswith("ed") and not any(low[k] in _VOTE_WORDS for k in range(a + 1, b)))
                and not any(low[k] in CLAUSE_VERBS for k in range(a + 2, b))) or (
                len(inner) <= 4 and all(w in _ASIDE_WORDS for w in inner)) or (
                # ", all of them developing nations from Asia and Africa,": who the subject's members are, no vote
                inner[1:3] == ["of", "them"] and inner[0] in ("all", "both", "most", "each", "none") and len(inner) <= 14
                and not any(low[k] in _VOTE_WORDS or k in s.mention_at for k in range(a + 1, b))) or (
                # ", and president of the Security Council for the month of February,": a second title
                inner[:1] == ["and"] and inner[1:2] in (["president"], ["chair"]) and len(inner) <= 14
                and not any(low[k] in _VOTE_WORDS for k in range(a + 1, b))) or (
                # ", in a videoconference meeting today,", ", at its 9000th meeting,": where it met, no vote
                inner[0] in ("in", "at", "during") and len(inner) <= 8
                and not {"meeting", "videoconference", "session"}.isdisjoint(inner)
                and not any(low[k] in _VOTE_WORDS or k in s.mention_at for k in range(a + 1, b))) or (
                # ", in support of the Israeli regime,", ", in solidarity with Moscow,": whom the subject stood by
                inner[:1] == ["in"] and inner[1:3] in (["support", "of"], ["solidarity", "with"], ["defence", "of"],
                                                       ["defense", "of"]) and len(inner) <= 10
                and not any(low[k] in CLAUSE_VERBS for k in range(a + 4, b))) or (
                # ", under the current Presidency of India,": who chaired the Council, no vote of theirs
                inner[:1] == ["under"] and "presidency" in inner[1:5] and len(inner) <= 10
                and not any(low[k] in _VOTE_WORDS for k in range(a + 1, b))) or (
                # ", especially Europeans and Latin Americans,": who the members counted mostly were
                len(inner) <= 8 and inner[0] in _MOSTLY and not any(low[k] in CLAUSE_VERBS for k in range(a + 1, b))) or (
                # ", June 10,", ", 8 July 2016,", ", on Tuesday,", ", on Wednesday (Oct 18),": a date
                len(inner) <= 7 and any(w in W.MONTH_WORDS or w in W.WEEKDAY_WORDS for w in inner)
                and all(w in W.MONTH_WORDS or w in W.WEEKDAY_WORDS or w.isdecimal() or w in ("on", "last", "(", ")", ".")
                        for w in inner)) or (
                # "Russia's ambassador, Vassily Nebenzia, exercised ...": the person's name
                a > 0 and (low[a - 1] in W.AGENT_HEADS or _title_place_before(s, a)) and len(inner) <= 5
                and all(t[:1].isupper() or t in ("-", ".") for t in tok[a + 1:b])) or (
                len(inner) <= 4 and inner[0] in _ASIDE_PREPOSITIONS and not any(
                    # ", with veto power,": 'veto' a noun there
                    # ", by recorded vote,": 'vote' a noun there too
                    k in s.inside or low[k] in _GERUNDS or (low[k] in CLAUSE_VERBS and low[k] != "veto" and not (
                        inner[0] == "by" and low[k] in ("vote", "votes"))) for k in range(a + 1, b))):
            _aside(s, a, b)
            if b + 1 < s.n and tok[b + 1] in (QUOTE_CLOSE, '"'):  # ', which had been expected to vote "yes,"'
                s.asides_close[b + 1] = a
    dashes = [i for i, t in enumerate(tok) if t in ("-", "\u2013", "\u2014") and s.spaced(i)] \
        if not s.words.isdisjoint(("-", "\u2013", "\u2014")) else []
    k = 0
    while k + 1 < len(dashes):
        a, b = dashes[k], dashes[k + 1]
        while b + 1 < s.n and tok[b + 1] in ("-",) and k + 2 < len(dashes) and dashes[k + 2] == b + 1:
            k += 1
            b = dashes[k + 1]  # "--" written as two dashes
        if 1 < b - a <= 45 and any(a < j < b for j in s.lists_at) or (
                # "9 votes in favour - the necessary number for a majority - from A, B and C": a short
                # aside between dashes with no name, no vote and no verb of its own
                1 < b - a <= 12 and not any(k in s.inside or s.low[k] in _VOTE_WORDS or s.low[k] in CLAUSE_VERBS
                                            for k in range(a + 1, b))):
            open_at = a
            while open_at > 0 and tok[open_at - 1] in ("-",):
                open_at -= 1
            _aside(s, open_at, b)
            k += 2
        else:
            k += 1
    _unclosed_member_title(s)


def _unclosed_member_title(s) -> None:
    """"South Africa, the non-permanent member of the Security Council voted against": an appositive
    naming the member's seat whose closing comma is missing, before a verb; an aside all the same."""
    low = s.low
    if "member" not in s.words:
        return
    for a in range(1, s.n - 6):
        if s.tok[a] != "," or a not in s.mention_end or a in s.asides_open:
            continue
        k = a + 1 + (low[a + 1] in ("the", "a"))
        if low[k:k + 3] == ["non", "-", "permanent"]:
            k += 3
        elif low[k] in ("permanent", "elected"):
            k += 1
        else:
            continue
        if low[k:k + 3] != ["member", "of", "the"]:
            continue
        k += 3
        start = k
        while k < s.n and low[k] in ("un", "u.n.", "united", "nations", "security", "council"):
            k += 1
        if k > start and low[k - 1] == "council" and k < s.n and low[k] in CLAUSE_VERBS:
            _aside(s, a, k - 1)


def _title_place_before(s, a: int) -> bool:
    """The comma at a follows where a title is held ("China's ambassador to the UN, Zhang Jun,"),
    an aside find_title_names set after the title's noun."""
    opened = s.asides_close.get(a - 1)
    return opened is not None and opened > 0 and s.low[opened - 1] in W.AGENT_HEADS


def _participle(word: str) -> bool:
    """A word that opens a participle phrase: ", speaking in explanation of vote,"."""
    return len(word) > 4 and word.endswith("ing") and word not in _NOT_PARTICIPLES or word in _STATE_PARTICIPLES


def _how_the_subject_stood(s, a: int, b: int, inner: list[str]) -> bool:
    """An aside between the commas a and b on the subject's role, mood or place, with no vote word."""
    if len(inner) > 24 or _votes_within(s, a, b):
        return False
    # "Ireland and Norway, as co-penholders on the Syria file, abstained": the role it had, naming no one
    return (inner[0] == "as" and 2 <= len(inner) <= 12 and inner[1] in _AS_ROLES
            and not any(k in s.mention_at for k in range(a + 1, b))) or (
        # ", angry at the West's dismissal of a fuel deal with Iran that they say made sanctions
        # unnecessary,": how the subject felt, whoever it names
        inner[0] in _MOODS) or (
        # "Lebanon, where the Iranian-backed group Hezbollah is in the government, abstained": the place
        # the member is
        inner[0] == "where" and a in s.mention_end)


def _names_only(s, a: int, b: int) -> bool:
    """An aside between a and b names no member but the one just before it ("The United States,
    refusing ... that American peacekeepers be exempted ...,")."""
    before = s.mention_end.get(a)
    own = before[0] if before is not None else None
    return all(s.mention_at[k][0] == own for k in range(a + 1, b) if k in s.mention_at)


def _names_described(s, a: int, b: int) -> bool:
    """", Russia and China," after a description of members ("two veto-power countries"): the names
    of the members described fill the commas."""
    k = a + 1 + (s.low[a + 1] == "the")
    return k in s.lists_at and s.lists_at[k].end == b and description_before(s, a) is not None


def _appositive(s, a: int, b: int) -> bool:
    """", the Permanent Representative of China to the United Nations," after a name: a noun
    phrase that says who the named one is, with no verb of its own."""
    before = a - 1
    if before >= 0 and s.tok[before] == ")":  # "Liu Jieyi (centre), the Permanent Representative ..."
        before = next((k for k in range(before - 1, max(before - 8, -1), -1) if s.tok[k] == "("), a) - 1
    opener = s.low[a + 1] in _APPOSITIVE_OPENERS or (s.low[a + 1] in _ROLE_NOUNS and s.low[a + 2] == "of") or (
        # ", also a permanent Security Council member,", ", then an elected member of the council,", ", two of
        # the council's permanent members,"
        s.low[a + 1] in ("also", "then", "now", "still") and (s.low[a + 2] in _APPOSITIVE_OPENERS
                                                                or s.number(a + 2) is not None)) or (
        s.number(a + 1) is not None and (s.low[a + 2] == "of" or (
            # ", two permanent members with veto power,"
            s.low[a + 2] in _MEMBER_ADJECTIVES
            and s.low[a + 3] in W.MEMBER_NOUNS))) or (
        a + 1 in s.mention_at and s.mention_at[a + 1][1] + 1 < s.n and s.tok[s.mention_at[a + 1][1]] == "'"
        and s.low[s.mention_at[a + 1][1] + 1] == "s") or (  # ", Syria's closest ally,"
        # ", Israel's ally,": a country that never sat on the Council, as possessor
        a + 3 < s.n and s.tok[a + 1][:1].isupper() and s.low[a + 2:a + 4] == ["'", "s"])
    if not ((before + 1 in s.lists_end or a in s.lists_end) and b - a <= 24):
        return False
    if _counted_with_clause(s, a):
        return True  # ", two countries whose support Libya had hoped to win,": its verbs are the relative clause's
    # ", Israel's ally which has vetoed previous bids,": the verbs of a relative clause are its own
    own = next((k for k in range(a + 2, b) if s.low[k] in ("which", "who", "whose")), b)
    return (opener and b - a <= 20
            and not any(s.low[k] in CLAUSE_VERBS and s.low[k] not in _APPOSITIVE_NOUNS
                        and s.low[k] not in ("also", "then", "now", "still")
                        for k in range(a + 1, own)))


def _counted_with_clause(s, a: int) -> bool:
    """After the comma at a: a count of members, then a relative clause ("two countries whose support
    Libya had hoped to win", "two states that Libya had courted") or one that opens with a name
    ("two countries Libya had courted")."""
    if s.number(a + 1) is None:
        return False
    head = a + 2 + (s.low[a + 2] in _MEMBER_ADJECTIVES)
    return head + 1 < s.n and s.low[head] in W.MEMBER_NOUNS and (
        s.low[head + 1] in ("whose", "that", "which", "who", "whom") or head + 1 in s.mention_at)


def find_brackets(s) -> None:
    """A short parenthesis that names no member, skipped like an aside: "on Wednesday (August 30)"."""
    for a, t in enumerate(s.tok):
        if t != "(":
            continue
        b = next((k for k in range(a + 1, min(a + 8, s.n)) if s.tok[k] == ")"), None)
        # "(Tuesday in Jakarta)": a day, even with a place that names a member, is an aside too
        when = a + 1 < s.n and (s.low[a + 1] in W.WEEKDAY_WORDS or s.low[a + 1] in W.MONTH_WORDS)
        if b is not None and (when or not any(k in s.inside for k in range(a, b))):
            _aside(s, a, b)
        elif b is None and a in s.counts_end and s.low[a + 1:a + 2] == ["including"]:
            # "Thirteen Council members (including four of the five permanent members and nine of the ten
            # elected ones) voted for it": who the counted were, naming none, with no vote word
            b = next((k for k in range(a + 2, min(a + 60, s.n)) if s.tok[k] == ")"), None)
            if b is not None and not any(k in s.mention_at or s.low[k] in _VOTE_WORDS and s.low[k + 1] not in (
                    "power", "powers") for k in range(a + 2, b)):  # "members with veto powers": no vote
                _aside(s, a, b)


def _comma_after(s, k: int, end: int) -> int | None:
    """The first comma from k before end that is no aside's: "if Russia, which has a veto, voted
    against it" goes on past the aside."""
    while k < end:
        if s.tok[k] == ",":
            if k not in s.asides_open:
                return k
            k = s.asides_open[k]  # the aside's closing comma
        k += 1
    return None


#: The words a condition can open with (condition_scopes).
_CONDITION_WORDS = W.CONDITIONS | {"provided", "had", "were", "should", "even", "when", "whenever"}
#: Verbs in the present that make a 'when' clause the Charter's rule, with a head clause in the present
#: too: "A text is not adopted when a negative vote is cast by a permanent member".
_PRESENT = frozenset({"is", "are", "casts", "votes", "vetoes", "opposes", "uses", "fails", "gets", "receives", "vote",
                      "veto", "oppose", "get", "receive"})


def condition_scopes(s) -> list[tuple[int, int]]:
    """Stretches that state a condition: from 'if' / 'unless' (or an inverted 'Had X been',
    'Were X to', 'Should X', 'Even with') to the end of its clause or the comma that closes it; one
    that opens the sentence holds the sentence's main clause too ("If Russia vetoes it, the text fails")."""
    low, tok = s.low, s.tok
    out = []
    if s.words.isdisjoint(_CONDITION_WORDS):
        return out
    for i, w in enumerate(low):
        if w not in _CONDITION_WORDS:
            continue
        start = None
        if w in W.CONDITIONS or (w == "provided" and i + 1 < s.n and low[i + 1] == "that"):
            start = i
        elif w in ("had", "were", "should") and (i == 0 or tok[i - 1] in (",", ";", QUOTE_OPEN, '"')) \
                and i + 1 < s.n and low[i + 1] not in ("been", "against", "in", "not", "also") \
                and (low[i + 1] != "it" or i == 0) \
                and (w != "were" or "to" in low[i + 2:i + 6]) \
                and (w != "had" or any(x == "been" or x.endswith("ed") for x in low[i + 1:i + 5])) \
                and i - 1 not in s.asides_close:  # "Germany and Belgium, two of its members, had drafted it"
            start = i  # "Had the draft been adopted, ...", "Were Beijing to abstain, ...", "Should X abstain"
        elif w in ("had", "were") and 0 < i and i + 3 < s.n and tok[i - 1] == "," and low[i + 1] == "it" and (
                low[i + 2] == "been" or low[i + 2].endswith("ed")) and "," in tok[i + 3:i + 6]:
            start = i  # "the resolution, had it passed, would have demanded ...": an aside's inverted condition
        elif w in ("had", "were") and 0 < i and i + 2 < s.n and _inverted_after_counterfactual(s, i):
            start = i  # "It would have passed with none against had Russia abstained."
        elif w == "even" and i + 1 < s.n and low[i + 1] in ("with", "if", "without"):
            start = i
        elif w in ("when", "whenever") and _a_rule_when(s, i):
            start = i
        if start is not None and low[i + 1:i + 3] == ["it", "not"] and low[i + 3:i + 5] in (["been", "for"], ["for"]):
            # "Had it not been for Russia's veto, it would have passed": the veto happened; the
            # counterfactual is the main clause's, which its own modal marks
            start = None
        if start is None:
            continue
        end = s.clause_end(i)
        comma = _comma_after(s, i + 1, end)
        if start == 0 and w != "even":
            pass  # "If Russia vetoes it, the text fails": what follows a condition opening the sentence hangs on it
        elif comma is not None and start < comma:
            end = comma  # "... which provides for the use of force if needed, the Council adopted ..."
        out.append((start, end))
        if w in ("if", "unless", "when", "whenever") and start > 0 and tok[start - 1] not in (",", ";") and \
                low[start - 1] not in _NOT_CONSEQUENT:
            # "A text is not adopted if a permanent member votes against it": the clause an 'if'
            # follows without a comma is what the condition brings about
            # back to the start of its clause: a comma, a break, or a relative or complement word
            # ("vetoed a text that threatened sanctions if troops stayed": the threat is the consequent,
            # not the veto)
            # An infinitive after a vote is what the text does, and the condition is its: "voted to
            # authorize an invasion if sanctions fail" (the vote happened; "threatened to veto it if ..."
            # keeps its threat, and "ready to abstain if ..." its condition, inside the infinitive)
            # A participle after a draft noun opens what the text does too: "adopted a resolution
            # threatening measures if chemicals are used" (the adoption happened)
            head = start - 1
            while head > 0 and tok[head - 1] not in (",", ";", ":") and low[head - 1] not in W.CLAUSE_BREAKS \
                    and low[head - 1] not in _CLAUSE_WORDS and not _voted_to(low, head - 1) \
                    and not (low[head - 1] in W.DRAFT_NOUNS and low[head].endswith("ing")):
                head -= 1
            out.append((head, start))
    return out


def _a_rule_when(s, i: int) -> bool:
    """The 'when' at i states a rule, as 'if' does: its clause and the clause before it are both in the present
    ("A text is not adopted when a permanent member casts a negative vote"); a 'when' of the past is a time."""
    low = s.low
    lo, hi = s.clause_start(i), s.clause_end(i)
    if i > 1 and (low[i - 1].endswith("ed") and low[i - 2] not in ("is", "are", "be", "not", "being", "gets", "get")
                  or low[i - 1] in ("was", "were", "did", "had")):
        return False  # "... the referendum vote failed when Russia exercised its veto": a time of the past
    return i > 0 and any(w in _PRESENT for w in low[i + 1:min(hi, i + 9)]) and \
        any(w in _PRESENT for w in low[max(lo, i - 8):i])


#: Words before a 'to' whose infinitive is what a vote decided or a text does.
_DECIDING = frozenset({"agreed", "decided", "threatening", "demanding", "calling", "urging", "requiring"})


def _voted_to(low: list[str], k: int) -> bool:
    """The 'to' at k opens what a vote decided or a text does: "voted (yesterday) to authorize",
    "agreed to impose", "a resolution implicitly threatening to impose sanctions if ..."."""
    return low[k] == "to" and any(w in W.VOTED or w in _DECIDING for w in low[max(0, k - 3):k])


def _list_to(s, k: int, end: int) -> bool:
    """A list of names starts at k and ends at end."""
    return k in s.lists_at and s.lists_at[k].end == end


#: What opens the subject of an inverted condition: "had the draft been", "had Russia abstained".
_SUBJECT_OPENERS = frozenset({"the", "a", "an", "it", "they", "he", "she", "its", "their", "any", "all", "one",
                              "both", "more", "some"})


def _inverted_after_counterfactual(s, i: int) -> bool:
    """Whether 'had' / 'were' at i opens an inverted condition inside a sentence whose own clause is
    counterfactual: "would have passed had Russia abstained", "could pass were Beijing to abstain".
    The word after it is the condition's subject (a member's name or a determiner), not a verb
    ("Russia, which had vetoed it": 'had' has its subject before it), and the clause before it says
    "would / could / might have" (for 'had') or "would / could / might" (for 'were')."""
    low = s.low
    nxt = low[i + 1]
    if (i + 1) not in s.mention_at and nxt not in _SUBJECT_OPENERS:
        return False
    if low[i - 1] in ("have", "has", "to", "would", "could", "might"):
        return False  # "a text that would have had the Council demand a halt": 'had' is the clause's verb
    if low[i] == "were" and "to" not in low[i + 2:i + 7]:
        return False
    start = s.clause_start(i)
    modals = [k for k in range(max(start, i - 25), i) if low[k] in ("would", "could", "might")]
    if not modals:
        return False
    return low[i] == "were" or any(k + 1 < i and low[k + 1] == "have" for k in modals)


def body_tokens(s) -> list[int]:
    """Tokens that name another body than the Security Council."""
    low = s.low
    found = [i for i, w in enumerate(low) if w in W.BODIES and i not in s.inside and not (
        # "the United Nations Mission for the Referendum in Western Sahara": a mission's name, no vote of voters
        w == "referendum" and low[i - 2:i] == ["for", "the"] and s.tok[i][:1].isupper()) and not (
        # "a resolution declaring Sunday's referendum illegal", "a resolution that would have urged member states
        # not to recognize the results of the referendum": what the text is about, not where it was voted
        w in ("referendum", "referendums") and any(low[k] in W.DRAFT_NOUNS for k in range(max(0, i - 16), i))) and \
        not _asked_by_draft(s, i)] if not s.words.isdisjoint(W.BODIES) else []
    for phrase in W.BODY_PHRASES:
        if phrase[0] in s.words:
            for i in range(s.n - len(phrase) + 1):
                if tuple(low[i:i + len(phrase)]) == phrase and i not in s.inside and not (
                        # "several European council members": the Security Council's, not the European Council
                        phrase == ("european", "council") and s.tok[i + 1] == "council") and not _asked_by_draft(s, i):
                    found.append(i)
    return sorted(set(found))


#: How far before a body a draft's content may begin: "a resolution calling for an emergency
#: special session of the UN General Assembly" (ten words), "a resolution urging the Syrian government to
#: end all human rights violations and cooperate with the UN commission of inquiry and the Arab League
#: observer mission" (twenty-two).
_CONTENT_REACH = 24
#: Words before a body that make it where a vote was: "passed (in) the General Assembly".
_WHERE_VOTED = frozenset({"in", "at", "by", "before", "passed", "cleared", "through"})


def _asked_by_draft(s, i: int) -> bool:
    """The body at token i is what a draft asks for, not where a vote was cast: "a resolution convening
    the General Assembly session was adopted with 11 votes", "a draft calling for a session of the
    General Assembly". A body after "in", "at", "by" or "passed" ("a resolution condemning Russia passed
    in the General Assembly") is where its vote was, and a comma ends the draft's words."""
    low = s.low
    j = i - (i > 0 and low[i - 1] in ("un", "u.n.", "the"))
    j -= j > 0 and low[j - 1] in ("un", "u.n.", "the")
    if j > 0 and low[j - 1] in _WHERE_VOTED:
        return False
    for k in range(i - 1, max(0, i - _CONTENT_REACH) - 1, -1):
        if low[k] in (",", ";", ":") or low[k] in W.SUBORDINATORS:
            return False
        if k + 1 < i and low[k] in W.DRAFT_NOUNS and (low[k + 1] == "to" or (
                low[k + 1].endswith("ing") and low[k + 1] not in ("being", "during"))):
            return True
    return False


def council_tokens(s) -> list[int]:
    """Tokens that name the Security Council its."""
    low = s.low
    out = []
    if "unsc" not in s.words and "security" not in s.words:
        return out
    for i in range(s.n):
        if low[i] == "unsc" or (low[i] == "security" and i + 1 < s.n and low[i + 1] == "council"):
            out.append(i)
    return out
