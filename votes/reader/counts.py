"""Counts, scores and 'the rest' (part of the chunker): "eleven members", "10 of the Council's 15
members", "all but two", "13-1", "by 11 votes to 2", "the remaining nine", "all other twelve
members", "everyone else", "all except Russia"; and the members a count is said to include.

Functions over a `Chunked` sentence `s`, each linear in its tokens.
"""

from __future__ import annotations

from . import words as W
from .pieces import Chunk

_REST_NOUNS = frozenset({"members", "member", "countries", "country", "nations", "states", "delegations",
                         "delegation", "others", "ones"})
#: Words that may stand between "including" and the names: "including veto-wielding Russia".
BEFORE_NAMES = frozenset({"the", "veto", "-", "wielding", "holding", "permanent", "members", "member", "fellow"})


def find_counts(s) -> None:
    """Counts of members or votes: 'eleven', '12 of the 15 members', 'all 15', 'all but two'."""
    low = s.low
    numbers = [i for i, w in enumerate(low) if w.isdigit() or w in W.NUMBER_WORDS]  # where a count or score starts
    for i in numbers:
        n = s.number(i)
        if n is None or s.is_date_number(i):
            continue
        if i > 0 and s.st[i] == s.en[i - 1] and low[i - 1].isalpha():
            continue  # the digits of a code glued to its letters ("MH17"): no count
        if i + 1 < s.n and low[i + 1] == "-" and i + 2 < s.n and low[i + 2].isdigit():
            continue  # a score, read below
        if i + 2 < s.n and low[i + 1] == "-" and low[i + 2] in _SIZE_NOUNS:
            continue  # "the 15-member council", "the 15-nation body": the body's size, no count of a vote
        if i > 0 and low[i - 1] == "-" and i > 1 and low[i - 2].isdigit():
            continue
        if _a_whole(low, i):
            continue  # "most of the 15 members", "(Twelve) out of 15": the whole a part is counted from
        if _approximate(low, i):
            continue  # "at least four members", "more than nine", "some 12": no exact count
        start, end = i, i + 1
        total = None
        all_but = None
        # "12 of the 15 (members)", "10 of the Council's 15 members", "12 out of 15"
        j = end
        if j + 1 < s.n and (low[j] == "of" or (low[j] == "out" and low[j + 1] == "of")):
            k = j + 1 + (low[j] == "out")
            while k < s.n and low[k] in ("the", "council", "'", "s", "security", "body", "its", "un", "u.n.",
                                            "united", "nations", "council's", "unsc", "sc"):
                k += 1
            m = s.number(k)
            after = of_the_council(s, j) if k + 1 < s.n and low[k + 1] == "-" else j
            possessive = after > j and after + 1 < s.n and low[after] == "'" and low[after + 1] == "s"
            if m is not None and m >= n and m in (11, 15) and not possessive:
                # not "two of the 15-member body's permanent members": read below
                total, end = m, max(k + 1, after)  # "ten of the 15-member council
                if end == k + 1 and k + 2 < s.n and low[k + 1] == "-" and low[k + 2] in ("members", "nations", "states"):
                    end = k + 3  # "Ten of the 15-members voted": the noun run on with a hyphen
            elif low[j + 1:j + 3] == ["the", "big"] and (m := s.number(j + 3)) is not None and m > n:
                end, n = j + 4, None  # "Three of the Big Four": a part of a group of powers, no count of a vote
        # "all but two", "all 15"
        if i >= 2 and low[i - 1] == "but" and low[i - 2] == "all":
            start, all_but = i - 2, n
        elif i >= 1 and low[i - 1] == "all":
            start = i - 1
        elif i >= 2 and low[i - 1] == "other" and low[i - 2] == "the":
            start = i - 1  # "the other 14 members": a count of the others
        k = end
        if k + 1 < s.n and low[k] == "of" and low[k + 1] == "the" and total is None:
            j = of_the_council(s, k)  # "thirteen of the Security Council's members"
            if j > k and j + 2 < s.n and low[j] == "'" and low[j + 1] == "s":
                k = j + 2
        if total is None and low[k:k + 2] == ["of", "its"] and k + 2 < s.n and low[k + 2] in ("members", "member"):
            k += 2  # "11 of its members" (the council's)
        # "Fourteen United Nations Security Council (UNSC) members"
        permanent = False
        while k < s.n and (low[k] in ("council", "security", "un", "u.n.", "unsc", "other", "permanent", "elected",
                                      "west", "western", "european", "african", "arab", "asian", "nonaligned")
                           or low[k:k + 2] == ["united", "nations"] or low[k:k + 3] == ["(", "unsc", ")"]
                           or low[k:k + 3] == ["non", "-", "permanent"]):
            if low[k] == "non":
                k += 3  # "One non-permanent member abstained": an elected member, none of the five
                continue
            k += 2 if low[k] == "united" else 3 if low[k] == "(" else 1
            if low[k - 1] == "permanent" and low[k:k + 4] == ["and", "non", "-", "permanent"]:
                k += 4  # "eleven of the 15 permanent and non-permanent members"
            elif low[k - 1] in ("elected", "permanent") and low[k:k + 2] in (["and", "elected"], ["and", "permanent"]) \
                    and low[k + 1] != low[k - 1]:
                k += 2  # "14 elected and permanent members": both kinds of seat
            elif low[k - 1] == "permanent" and n > 1:
                permanent = True  # "all five permanent members ... supported it": the P5's part of the vote
        if k + 1 < s.n and low[k] == "more" and k == i + 1 and (
                low[k + 1] in _MORE_VOTED or (low[k + 1] in ("-", "(", ":") and k + 2 in s.mention_at)):
            # "ten voted in favour, while five more abstained", "four more - A, B, C and D - abstained"
            # (not "five more votes were needed")
            end = k + 1
        elif k < s.n and low[k] in ("members", "member", "countries", "country", "nations", "states",
                                       "delegations", "delegates", "others"):
            end = k + 1
            if low[k] == "member" and end < s.n and low[end] in ("states", "countries", "nations"):
                end += 1  # "thirteen member states"
            elif low[k] == "member" and end + 1 < s.n and low[end] == "-" and low[end + 1] in ("states", "nations"):
                end += 2  # "ten of the council's 15 member-nations"
            end = of_the_council(s, end)
            # "14 members out of 15", "14 countries out of the total 15 members (of the Security Council)"
            whole = 4 if low[end:end + 4] == ["out", "of", "the", "total"] else 2
            if total is None and low[end:end + 2] == ["out", "of"] and s.number(end + whole) in (11, 15) \
                    and s.number(end + whole) >= n:
                total, end = s.number(end + whole), end + whole + 1
                if whole == 4:
                    end = of_the_council(s, end + (end < s.n and low[end] in ("members", "member")))
            elif low[end:end + 2] == ["out", "of"] and of_the_council(s, end + 1) > end + 1:
                end = of_the_council(s, end + 1)  # "Nine countries out of the 15-member security council"
        if n is not None and total is None and (
                low[start] == "all" and start == i - 1 and n < _FEWEST_SEATS
                or start == i and i > 0 and low[i - 1] == "the" and end == i + 1 and end < s.n
                and low[end] in _GROUP_WORDS):
            # "All four voted yes", "the three leading opponents of the war": a group named or described,
            # no count of the vote's members
            n = None
        chunk = Chunk("count", start, end, count=None if all_but is not None or permanent else n, total=total,
                      all_but=all_but)
        chunk.others = (end > i + 1 and ("other" in low[i + 1:end] or low[end - 1] == "others")) \
            or low[start] == "other"
        s.counts_at.setdefault(start, chunk)
        s.counts_end.setdefault(end, chunk)
        if start != i:
            s.counts_at.setdefault(i, chunk)
    find_scores(s, numbers)


#: Nouns after "15-" that make the number a body's size: "the 15-nation council".
_SIZE_NOUNS = frozenset({"member", "nation", "seat", "strong", "country"})

#: The fewest seats the Council has had (eleven until 1965): "all four" counts a group, never the whole Council.
_FEWEST_SEATS = 11
#: Words after "the three" that describe a group, not the members voting: "the three leading opponents".
_GROUP_WORDS = frozenset({"leading", "main", "major", "principal", "biggest", "opponents", "critics", "holdouts",
                          "allies", "powers", "great", "sponsors", "cosponsors", "above", "aforementioned"})

#: Verbs after "five more" that make it a count of members voting: "while five more abstained".
_MORE_VOTED = frozenset({"abstained", "voted", "opposed", "supported", "backed", "rejected", "abstain"})

#: Words that take a part of the number after "of (the)": "most of the 15 members", "none of the 15".
_PARTS = frozenset({"most", "many", "some", "none", "majority", "half", "several", "few", "each", "any", "out"})


#: Words before a number that make it no exact count: "about 12", "nearly nine", "more than four".
_APPROXIMATE = frozenset({"about", "some", "around", "roughly", "nearly", "almost", "approximately", "over", "under",
                          "than"})


def _approximate(low: list[str], i: int) -> bool:
    """The number at i is bounded or rounded, not counted: 'at least four', 'more than nine', 'up to
    four', 'some 12', 'nearly ten' (but 'most' only as 'at most': 'most of the 15' is a whole)."""
    if i == 0:
        return False
    before = low[i - 1]
    if before == "most" or before == "least":
        return i > 1 and low[i - 2] == "at"
    if before == "to":
        return i > 1 and low[i - 2] == "up"
    if before == "all":  # "nearly all 15 members": most of them, not a count
        return i > 1 and low[i - 2] in _APPROXIMATE
    return before in _APPROXIMATE


def _a_whole(low: list[str], i: int) -> bool:
    """The number at i is the whole that a part is taken from: after 'out of', or 'of (the)' after
    a word of parts or another number ("12 of the 15": the 12 is the count)."""
    if low[i] in ("15", "fifteen") and (low[max(0, i - 2):i] == ["among", "the"] or low[max(0, i - 5):i] == [
            "among", "the", "council", "'", "s"]):
        return True  # "the only country among the council's 15 members to vote against"
    if i > 1 and low[i - 1] == "out" and (low[i - 2].isdecimal() or low[i - 2] in W.NUMBER_WORDS):
        return True  # "Thirteen out fifteen members" (an 'of' left out): the whole
    if i > 5 and low[i - 2:i] == ["'", "s"]:  # "Thirteen of the committee's 15 members": a part, then its whole
        k = next((k for k in range(i - 3, max(0, i - 7), -1) if low[k] == "of"), None)
        if k is not None and k > 0 and low[k + 1] == "the" and (low[k - 1].isdecimal() or low[k - 1] in W.NUMBER_WORDS):
            return True
    j = i - 1 - (i > 0 and low[i - 1] == "the")
    if j > 1 and low[j] == "big" and low[j - 1] == "the":
        j -= 2  # "Three of the Big Four": the four great powers, the whole
    if j < 1 or low[j] != "of":
        return False
    before = low[j - 1]
    if before == "majority" and j == i - 1:
        return False  # "by a majority of 14 votes": the count; "a majority of the 15 members": the whole
    return before in _PARTS or before.isdigit() or before in W.NUMBER_WORDS


def find_scores(s, numbers: list[int]) -> None:
    """'13-1', '11-2-2', '13 - 0': yes, no (and abstain) counts, as one chunk, from the number tokens given."""
    low = s.low
    inside = 0  # the end of the last score found: "11-2-2" holds no second score "2-2"
    for i in numbers:
        if i >= s.n - 2:
            break
        if i < inside:
            continue
        if low[i].isdigit() and i + 4 < s.n and low[i + 1:i + 4] == ["-", "to", "-"] and low[i + 4].isdigit():
            chunk = Chunk("score", i, i + 5, scores=(s.number(i), s.number(i + 4), None))  # "a 9-to-0 vote"
            if None not in chunk.scores[:2]:
                s.counts_at[i] = chunk
                s.counts_end[i + 5] = chunk
                inside = i + 5
            continue
        # "by a vote of 14 to none", "The vote was 15-to-nothing"
        dashed = i + 4 < s.n and low[i + 1:i + 3] == ["-", "to"] and low[i + 3] == "-"
        zero = i + 2 + 2 * dashed
        if (low[i + 1] == "to" or dashed) and low[zero] in ("none", "nothing", "nil") and s.number(i) is not None \
                and not s.is_date_number(i) and (_vote_was(s, i) or (i > 0 and low[i - 1] in ("of", "by"))):
            chunk = Chunk("score", i, zero + 1, scores=(s.number(i), 0, None))
            s.counts_at[i] = chunk
            s.counts_end[zero + 1] = chunk
            inside = zero + 1
            continue
        # "nine to four", "12 to one": a score in words, or in a word and a digit
        words_score = low[i + 1] == "to" and (low[i] in W.NUMBER_WORDS or low[i + 2] in W.NUMBER_WORDS) and \
            (low[i] in W.NUMBER_WORDS or low[i].isdigit()) and (low[i + 2] in W.NUMBER_WORDS or low[i + 2].isdigit())
        # "adopted the resolution 13-0": after 'resolution' a number is its number, but a score is a score
        # (whether a number is a date is asked only of a number that may start a score)
        if (low[i].isdigit() and low[i + 1] in ("-", "to") and low[i + 2].isdigit()
                and not (s.is_date_number(i) and not (i > 0 and low[i - 1] in ("resolution", "text", "draft")
                                                      and low[i + 1] == "-"))) \
                or words_score:
            if low[i + 1] == "to" and not (i > 0 and low[i - 1] in ("of", "by", "passed", "adopted", "approved",
                                                                     "defeated", "rejected", "voted", "vetoed")) \
                    and not _vote_was(s, i) and not _after_outcome(s, i) and not _vote_apart(s, i) \
                    and not _before_the_vote(s, i):
                continue  # "the resolution passed 14 to 0"
            a, b = s.number(i), s.number(i + 2)
            if a is None or b is None:
                continue
            end, c = i + 3, None
            if end + 1 < s.n and low[end] == "-" and low[end + 1].isdigit() and not words_score:
                c, end = int(low[end + 1]), end + 2
            elif end + 1 < s.n and low[end] == "," and low[end + 1].isdigit() and _after_slashed_date(s, i) and (
                    end + 2 == s.n or low[end + 2] in ("(", ".", ";") or s.tok[end + 2][:1].isupper()):
                c, end = int(low[end + 1]), end + 2  # a list's "09/10/1972 13-1, 1": in favour, against, abstaining
            chunk = Chunk("score", i, end, scores=(a, b, c))
            s.counts_at[i] = chunk
            s.counts_end[end] = chunk
            inside = end


def _after_slashed_date(s, i: int) -> bool:
    """The number at i follows a date written with slashes ("09/10/1972 13-1, 1")."""
    low = s.low
    return i >= 5 and low[i - 2] == low[i - 4] == "/" and len(low[i - 1]) == 4 and low[i - 1].isdigit() \
        and low[i - 3].isdigit() and low[i - 5].isdigit()


#: Verbs of a vote's outcome after which "12 to 2" set off by a comma, or after the draft, is its score.
_SCORED = frozenset({"passed", "adopted", "approved", "cleared", "defeated", "rejected", "voted", "vetoed"})
_SCORED_AFTER = frozenset({",", "(", "resolution", "text", "draft", "measure", "proposal"})


def _after_outcome(s, i: int) -> bool:
    """'approved, 13 to zero, a resolution', 'cleared the Council Wednesday, 12 to 2', 'adopted the
    resolution 13 to 2', 'vetoed a resolution (11 to 1, 3 abstentions)': a score written with 'to'
    after a comma, a bracket or the draft, an outcome verb at most eight words before (a bounded
    look back)."""
    low = s.low
    return i > 0 and low[i - 1] in _SCORED_AFTER and any(low[k] in _SCORED for k in range(max(0, i - 9), i - 1))


def _before_the_vote(s, i: int) -> bool:
    """'the 14 to 0 vote', 'in an 11 to 2 vote', "Wednesday's 14 to 1 vote": a score written with 'to'
    between an article (or a possessive) and the vote it describes."""
    low = s.low
    owned = i > 1 and low[i - 1] == "s" and low[i - 2] in ("'", "\u2019")
    return i > 0 and (low[i - 1] in ("the", "a", "an") or owned) and i + 3 < s.n and low[i + 3] in ("vote", "decision")


def _vote_was(s, i: int) -> bool:
    """'The vote, shortly before midnight, was 9 to 1' ('The vote resulted 10 to zero'): a score written
    with 'to' after the vote's 'was'."""
    low = s.low
    return i > 0 and low[i - 1] in ("was", "stood", "ended", "resulted") and any(
        low[k] in ("vote", "tally", "result") for k in range(max(0, i - 16), i - 1))  # past a symbol in brackets


def _vote_apart(s, i: int) -> bool:
    """'The Council vote -- 13 to 1, with 1 abstention -- came after ...', 'The vote, 14 to 1, ended
    it': a score written with 'to' set off by dashes or a comma just after 'vote'."""
    low = s.low
    k = i - 1
    while k > 0 and i - k <= 2 and low[k] in ("-", ","):
        k -= 1
    return k < i - 1 and low[k] == "vote"


#: Words a sentence opens with that set members apart from "other members" after the comma.
_SETTING_APART = frozenset({"except", "apart", "besides", "aside", "excepting"})


#: Words of a body's name before its "'s" ("the UN Security Council's other members").
_BODY_WORDS = frozenset({"un", "u.n.", "security", "united", "nations"})


def _the_before(low: list[str], k: int) -> int:
    """Where 'the' opens the body's name whose last word is at k ("the (UN Security) Council"), or -1."""
    j = k - 1
    while j > 0 and k - j <= 4 and low[j] in _BODY_WORDS:
        j -= 1
    return j if j >= 0 and low[j] == "the" else -1


def find_rests(s) -> None:
    """'the remaining (nine) (members)', 'the other 13 members', 'all other twelve members',
    'the rest (of the Council)', '(all) the others', 'everyone else', 'every other member',
    'all (members) except / but / other than LIST'."""
    low = s.low
    words = s.words
    if words.isdisjoint(("remaining", "other", "others", "rest", "remainder", "else", "except", "but", "excluding",
                         "apart", "aside", "save")):
        return
    for i, w in enumerate(low):
        chunk = None
        before_number = w == "other" and i > 1 and s.number(i - 1) is not None and low[i - 2] in ("the", "all")
        owner = _the_before(low, i - 3) if w == "other" and i > 3 and low[i - 1] == "s" and low[i - 2] == "'" else -1
        if owner >= 0:  # "the Council's other (14) members", "the Security Council's other members"
            j = i + 1
            n = s.number(j) if j < s.n else None
            j += n is not None
            if j < s.n and low[j] in _REST_NOUNS:
                chunk = Chunk("rest", owner, j + 1, count=n)
                s.rests_at.setdefault(chunk.start, chunk)
                s.rests_end[chunk.end] = chunk
            continue
        # "Except for Russia, which abstained, other countries voted in favour"; "Russia voted in
        # favour, Japan against, while other members abstained": the members the sentence has not named
        set_apart = w == "other" and i > 0 and (low[i - 1] == "," and low[0] in _SETTING_APART
                                                or low[i - 1] in ("while", "whereas"))
        if w == "remaining" or (w == "other" and i > 0 and low[i - 1] in ("the", "all", "every")) or before_number \
                or set_apart or (w == "other" and i == 0):
            start = i - 1 if i > 0 and low[i - 1] in ("the", "all", "every") else i
            if before_number:
                start = i - 2  # "the 14 other members"
            if start > 0 and low[start - 1] == "all" and low[start] == "the":
                start -= 1
            if start >= 2 and low[start] == "the" and low[start - 1] == "of" and low[start - 2] == "all":
                start -= 2  # "all of the 14 other members"
            number_before = w == "remaining" and i > 0 and s.number(i - 1) is not None
            if number_before:  # "10 remaining Security Council members", "the 10 remaining members"
                start = i - 2 if i > 1 and low[i - 2] in ("the", "all") else i - 1
            if w == "other" and start == i and not set_apart and i > 0:
                # but "Except for Russia, which abstained, other countries voted in favour", and a sentence
                # that opens "Other members ...": those the sentences before did not name
                continue
            j = i + 1
            n = s.number(j) if j < s.n else None
            if n is not None:
                j += 1
            elif before_number or number_before:
                n = s.number(i - 1)
            while j < s.n and (low[j] in ("council", "security", "un", "u.n.", "permanent", "elected") or
                               low[j:j + 3] == ["non", "-", "permanent"]):
                j += 3 if low[j] == "non" else 1  # "the remaining 10 non-permanent council members"
            noun = j < s.n and low[j] in _REST_NOUNS
            if noun:
                if low[j] in ("member", "country", "delegation") and n is None and (i == 0 or low[i - 1] != "every"):
                    n = 1  # "the other member" is one; "every other member" is all the rest
                j += 1
                j = of_the_council(s, j)
            if w == "other" and not noun and n is None:
                continue
            if w == "remaining" and not noun and n is None and low[start] != "the":
                continue
            chunk = Chunk("rest", start, j, count=n)
        elif w == "others" and i > 0 and low[i - 1] == "the":
            start = i - 2 if i > 1 and low[i - 2] == "all" else i - 1
            chunk = Chunk("rest", start, of_the_council(s, i + 1))
        elif (w == "rest" and i > 0 and low[i - 1] == "the") or w == "remainder":  # a cable's "remainder in favour"
            j = of_the_council(s, i + 1)  # "the rest of the 15-nation council"
            if j > i + 1:
                j += j < s.n and low[j] == "members"
            elif j + 1 < s.n and low[j] == "of" and low[j + 1] == "the":
                k = j + 2
                while k < s.n and low[k] in ("security", "council", "un", "u.n.", "members", "body"):
                    k += 1
                if k > j + 2:
                    j = k
            chunk = Chunk("rest", i - (i > 0 and low[i - 1] == "the"), j)
        elif w == "else" and i > 0 and low[i - 1] in ("everyone", "everybody", "all"):
            chunk = Chunk("rest", i - 1, i + 1)
        elif w in ("except", "but", "excluding", "save") or (w in ("apart", "aside") and i + 1 < s.n
                                                              and low[i + 1] == "from") or (
                w == "than" and i > 0 and low[i - 1] == "other"):  # "all members other than Russia"
            after = i + 1 + (w in ("apart", "aside"))
            if after < s.n and low[after] == "the":  # "all members except the United States"
                after += 1
            listed = s.list_at(after) or (s.list_at(after + 1) if after < s.n and low[after] == "for"
                                             else None)
            if listed is None or not listed.codes:
                continue
            j = i - 1
            while j >= 0 and (low[j] in ("council", "members", "other", "the", "of", "countries", "states",
                                         "security", "member", "nations", ",")
                              or (j > 0 and low[j - 1] == "all" and s.number(j) is not None)):
                j -= 1  # "all 15 council members except China"
            if j >= 0 and low[j] in ("all", "everyone", "everybody", "every"):
                # "all 15 council members except China": the rest is fourteen
                whole = s.number(j + 1) if j + 1 < i else None
                count = whole - len(listed.codes) if whole is not None and whole > len(listed.codes) else None
                # "All members, except the US, voted ...": the exception set off by commas ends with the second
                end = listed.end + (i > 0 and s.tok[i - 1] == "," and listed.end < s.n and s.tok[listed.end] == ",")
                chunk = Chunk("rest", j, end, count=count, except_=listed.codes, spans=dict(listed.spans))
        if chunk is not None and chunk.start == i and w == "other" and chunk.end < s.n and \
                low[chunk.end] in ("that", "who", "which"):
            continue  # "Other countries that chose to abstain included A, B": some, said who; not the rest
        if chunk is not None and not chunk.except_ and chunk.end < s.n and \
                (listed := s.lists_at.get(chunk.end)) is not None and listed.codes and \
                chunk.count in (None, listed.items):
            # "along with remaining non-permanent council members Albania, Brazil, ... and Norway": the
            # names that run straight on are those members, not the rest of the Council
            named = Chunk("list", chunk.start, listed.end, codes=listed.codes, spans=dict(listed.spans),
                          unknown=listed.unknown)
            s.lists_at.setdefault(chunk.start, named)
            s.lists_end.setdefault(listed.end, named)
            continue
        if chunk is not None:
            s.rests_at.setdefault(chunk.start, chunk)
            s.rests_end[chunk.end] = chunk


def attach_including(s) -> None:
    """'10 nations, including the United States and Britain, voted' ('namely', 'such as'): the
    members a count or a 'rest' phrase is said to include vote with it."""
    low = s.low
    for chunk in list(s.counts_at.values()) + list(s.rests_at.values()):
        if chunk.kind == "score" or chunk.codes or chunk.end >= s.n - 2:
            continue
        k = chunk.end
        while k < s.n and s.tok[k] in (",", "-", "(", "\u2013", "\u2014", ":"):  # "10 countries: A, B and C"
            k += 1
        dashed = k > chunk.end and s.tok[k - 1] != ","
        including = low[k] == "including"
        if low[k] in ("including", "namely", "i.e."):
            k += 1
        elif low[k:k + 2] in (["such", "as"], ["among", "them"]):
            k += 2
        elif not dashed:
            continue  # "the remaining members - A, B and C - voted": a list between dashes names them
        while k < s.n and low[k] in BEFORE_NAMES and k not in s.mention_at:
            k += 1
        names = _described_before_names(s, k)
        described, k = names != k, names
        listed = s.lists_at.get(k)
        if listed is not None and listed.codes:
            chunk.codes, chunk.spans = listed.codes, dict(listed.spans)
            if described and listed.end < s.n and s.tok[listed.end] in ("-", "\u2013", "\u2014"):
                # "Thirteen members, including seven co-sponsors - US, UK, ... - voted": the count is
                # the subject, and ends after the dash that closes the names
                ends = s.counts_end if chunk.kind == "count" else s.rests_end
                ends[listed.end + 1] = chunk
                continue
            unclosed = (dashed and s.tok[k - 1] != "(" or including and s.tok[chunk.end] == ",") and (
                listed.end >= s.n or s.tok[listed.end] not in ("-", "\u2013", "\u2014", ",", ")"))
            # "Eleven nations, including France and China supported it": the aside's closing comma left out
            if s.tok[chunk.end] not in (",", "-", "(", "\u2013", "\u2014") or unclosed:
                # "seven countries including the United States and Peru opposed it", "four members -
                # Egypt, Senegal and Japan abstained": with no comma or dash to close an aside of the
                # list, the count is the subject that ends where the list ends
                ends = s.counts_end if chunk.kind == "count" else s.rests_end
                ends.setdefault(listed.end, chunk)


#: Words of a described group a count includes before its names: "including seven co-sponsors - US, ..."
_INCLUDED_DESCRIPTIONS = frozenset({"co", "-", "sponsors", "cosponsors", "permanent", "members", "countries",
                                    "states", "nations", "western", "european", "african", "arab", "other"})


def _described_before_names(s, k: int) -> int:
    """'including seven co-sponsors - US, UK, ... -': the token after the description and its dash
    or colon, where the names begin; else k."""
    j = k + (k < s.n and s.number(k) is not None)
    start = j
    while j < s.n and j - start < 5 and s.low[j] in _INCLUDED_DESCRIPTIONS and not (s.low[j] == "-" and s.spaced(j)):
        j += 1
    if j > start and j + 1 < s.n and s.tok[j] in ("-", ":", "\u2013", "\u2014"):
        j += 1 + (s.low[j + 1] == "the")
        if j in s.lists_at:
            return j
    return k


def of_the_council(s, j: int) -> int:
    """The token after 'of the (15-member) (UN) (Security) Council' at j ('on the 15-member body', 'in the
    UN body with a total of 15 members'), or j."""
    low = s.low
    if j + 1 < s.n and low[j] in ("of", "on", "in") and low[j + 1] == "the":
        k = j + 2
        while k < s.n and (low[k] in ("15", "fifteen", "11", "eleven", "-", "member", "un", "u.n.", "united",
                                         "nations", "security", "powerful", "whole", "full", "nation", "strong",
                                         "most", "world")
                           or (low[k] == "'" or low[k] == "s")):
            k += 1
        if k < s.n and low[k] in ("council", "body", "unsc", "sc"):
            k += 1
            if low[k:k + 4] == ["with", "a", "total", "of"] and k + 5 < s.n and low[k + 5] in ("members", "seats"):
                k += 6  # "in the most powerful UN body with a total of 15 members"
            return k
    return j