"""Lists of members (part of the chunker): "China, Venezuela and Egypt", "Britain and the United
States", "Gabon, Ghana and India" with names council.yaml does not know kept as unknown names.

Functions over a `Chunked` sentence `s`, each linear in its tokens.
"""

from __future__ import annotations

from . import words as W
from .counts import of_the_council
from .pieces import Chunk
from .tokens import QUOTE_OPEN

#: Two-word asides between a list's joining word and its next item: "and, of course, Russia".
_LIST_ASIDES = frozenset({("of", "course"), ("more", "importantly"), ("most", "importantly"), ("in", "particular"),
                          ("above", "all")})
#: Words between the names of a list: "China, Venezuela and Egypt", "Britain and the United States".
LIST_JOINS = frozenset({",", "and", "&", "/", "as", "well", "plus", "the", "nor", "or", "also"})
_JOINING = frozenset({",", "and", "&", "/", "plus", "nor", "or"})
#: Capitalised words that are never a country's name in a list.
_NOT_NAMES = frozenset({
    "the", "council", "security", "general", "assembly", "un", "u.n.", "united", "nations", "president",
    "ambassador", "minister", "not", "favor", "favour", "vote", "foreign", "secretary", "they", "it", "he", "she", "we", "i", "but", "and", "or",
    "while", "with", "in", "on", "at", "by", "for", "of", "to", "as", "a", "an", "this", "that", "its", "their",
    "his", "her", "members", "member", "countries", "others", "western", "european", "african", "arab", "asian",
    "eu", "nato", "opcw", "iaea", "who", "isis", "isil", "hamas", "hezbollah", "taliban", "also", "all", "both",
    "only", "however", "meanwhile", "reuters", "ap", "afp", "tass", "xinhua", "mr", "mrs", "ms", "dr", "s",
    "unsc", "firstly", "secondly", "thirdly", "finally", "lastly", "additionally", "furthermore", "moreover",
})
_PREPOSITIONS = frozenset({"alongside", "with", "by", "of", "from", "to", "against", "than", "besides", "like"})
#: Verbs that start a clause of their own after a name.
CLAUSE_VERBS = W.VOTED | W.ABSTAINED | W.VETO_VERBS | W.SUPPORT_VERBS | frozenset({
    "did", "was", "were", "had", "has", "also", "then", "cast", "joined", "said", "opposed", "rejected"})


#: "the United States, European countries and Peru": a list item that names a group of states,
#: never one member. It keeps the list from being anyone's whole vote, and is no unknown name.
_GROUP_ADJECTIVES = frozenset({"european", "western", "african", "arab", "asian", "latin", "nordic", "gulf",
                               "allied", "eu", "nato", "non-aligned", "elected", "like-minded"})
_GROUP_NOUNS = frozenset({"countries", "members", "states", "nations", "allies", "partners", "governments"})
_GROUP_STARTS = _GROUP_ADJECTIVES | {"its", "their", "other", "several", "some", "most", "many"}


def group_at(s, k: int) -> int | None:
    """The token after a group item at k ("European countries", "its Western allies", "other
    African members", "several other countries"), or None."""
    low = s.low
    j = k
    if j < s.n and low[j] in ("its", "their", "other", "several", "some", "most", "many"):
        j += 1
        if j < s.n and low[j] == "other" and low[j - 1] != "other" and j + 1 < s.n and low[j + 1] in _GROUP_NOUNS:
            return j + 2  # "several other countries"
        if j < s.n and low[j] in _GROUP_NOUNS and low[k] in ("other", "several"):
            return j + 1  # "other members", "several countries"
    if j < s.n and low[j] in _GROUP_ADJECTIVES:
        j += 1
        if j < s.n and low[j] == "american" and low[j - 1] == "latin":
            j += 1
    elif j == k + 1 and low[k] in ("its", "their") and j < s.n and low[j] in ("allies", "partners"):
        return j + 1
    else:
        return None
    return j + 1 if j < s.n and low[j] in _GROUP_NOUNS else None


def item_at(s, k: int) -> tuple[str | None, int, str] | None:
    """The list item at token k: (code, or None for an unknown name or "" for a group of states,
    end token, text)."""
    if k in s.mention_at:
        code, end = s.mention_at[k]
        return code, end, ""
    group = group_at(s, k) if s.low[k] in _GROUP_STARTS else None
    if group is not None:
        return "", group, s.text[s.st[k]:s.en[group - 1]]
    return unknown_name_at(s, k)


def unknown_name_at(s, k: int) -> tuple[None, int, str] | None:
    """A capitalised name council.yaml does not know, as a list item ("Gabon", "Equatorial
    Guinea", "Côte d'Ivoire"): up to four capitalised words, with 'and'/'of' inside only
    when a capitalised word follows."""
    tok, low = s.tok, s.low
    if k >= s.n or not tok[k][:1].isupper() or not tok[k].isalpha() or low[k] in _NOT_NAMES or \
            low[k] in W.MONTH_WORDS or low[k] in W.WEEKDAY_WORDS or low[k] in W.SPEECH or low[k] in W.NUMBER_WORDS or \
            low[k] in W.TITLES or k in s.inside:
        return None
    j = k + 1
    while j < s.n and j < k + 4:
        if tok[j][:1].isupper() and tok[j].isalpha() and j not in s.mention_at and low[j] not in _NOT_NAMES:
            j += 1
        elif (low[j] in ("of", "d") or tok[j] == "'") and j + 1 < s.n and tok[j + 1][:1].isupper() \
                and j + 1 not in s.mention_at:
            j += 2
        else:
            break
    if j < s.n and (s.tok[j] == "'" or s.low[j] in ("s",)):
        return None  # "Syria's ally": a possessive, no list item
    return None, j, s.text[s.st[k]:s.en[j - 1]]


def find_lists(s) -> None:
    """Maximal lists of names from each member name that no list already holds."""
    low = s.low
    taken = -1
    for i in sorted(s.mention_at):
        if i < taken:
            continue
        start = i
        # unknown names before the first known one: "Gabon, Ghana and India"
        codes: list[str] = []
        spans: dict[str, tuple[int, int]] = {}
        unknown: list[str] = []
        items = items_back(s, i)
        if items:
            start = items[0][3]
            for _, _, text, at, end in items:
                unknown.append(text)
                s.unknown_names.append((text, s.st[at], s.en[end - 1]))
        j = i
        along = anded = False
        while True:
            item = item_at(s, j)
            if item is None:
                break
            code, end, text = item
            if code == "":
                if j == start:
                    break  # a list starts with a member's name
                unknown.append(text)
            elif code is None:
                unknown.append(text)
                s.unknown_names.append((text, s.st[j], s.en[end - 1]))
            elif code not in spans:
                codes.append(code)
                spans[code] = (s.st[j], s.en[end - 1])
            item_start = j
            j = end
            if low[j:j + 2] == ["'", "s"] and _possessive_goes_on(s, j + 2):
                j += 2  # "Russia's and China's veto": each name's own possessive
            j = skip_alias(s, j, code)
            j = _aside_in_list(s, j)
            j = _holder_in_list(s, j, code, len(codes) > 1)
            k = j
            if s.tok[j - 1] == "-" and not s.spaced(j - 1) and j in s.mention_at:
                continue  # "the Franco-Spanish draft": a combining form's name holds its hyphen
            if k + 1 < s.n and s.tok[k] == "-" and not s.spaced(k) and k + 1 in s.mention_at:
                j = k + 1  # "the US-Albanian draft": two names joined by a hyphen
                continue
            if k + 2 < s.n and s.tok[k] == "-" and s.low[k + 1] in ("and", "or") and k + 2 in s.mention_at and \
                    s.st[k] == s.en[k - 1]:
                j = k + 2  # "a British- and French-drafted resolution": the first hyphen's word left out
                continue
            close = relative_inside(s, k)
            if close is not None and code:
                # "Britain, which co-sponsored the draft, France and Ghana": the item alone is what
                # the relative clause is said of, and the list goes on after it
                s.lists_end.setdefault(j, Chunk("list", item_start, j, codes=(code,), spans={code: spans[code]}))
                k = close
            while k < s.n and low[k] in LIST_JOINS:
                k += 1
                if tuple(low[k:k + 2]) in _LIST_ASIDES and k + 2 < s.n and low[k + 2] in (",", "-"):
                    k += 2  # "China, Gabon and, of course, Russia"
            if low[j:k] == [","] and low[k:k + 2] in (["along", "with"], ["together", "with"]) and \
                    (joined := _past_member_title(s, k + 2)) in s.mention_at and _closed_by_comma(s, joined):
                # "Russia and China, along with Bolivia, voted against": one list of three; so is
                # "the UK, along with temporary members Lithuania and Nigeria – abstained"
                k = joined
                along = True
            elif k == j and low[j:j + 2] in (["along", "with"], ["together", "with"]) and j + 2 in s.mention_at:
                k = j + 2  # "China and Russia along with India abstained": one list of three
            elif k == j and low[j:j + 3] == ["in", "addition", "to"] and j + 3 in s.mention_at:
                k = j + 3  # "five against (Libya and South Africa in addition to Russia and China)"
            elif k == j and j in s.mention_at and item_start > start and s.tok[item_start - 1] == "," and \
                    s.mention_at[j][1] < s.n and low[s.mention_at[j][1]] in (",", "and"):
                continue  # "India, Brazil China, Germany and Russia": a list's comma left out between two names
            elif k == j or k >= s.n or not joins(low[j:k]) or breaks_list(s, j, k):
                break
            titled = k
            k = _past_member_title(s, k)
            # "A, B and non-permanent members C, D and E": a plural title opens a list of its own
            titled = k != titled and low[k - 1] == "members"
            if k not in s.mention_at and (unknown_name_at(s, k) is None or not list_goes_on(s, k)) and \
                    not _group_goes_on(s, k):
                break
            if low[j:k] == [","] and new_clause_at(s, start, k):
                break
            if low[j] == "," and not any(w in ("and", "or", "&", "nor") for w in low[j:k]) and _introduced(s, start):
                break  # "In addition to Russia, Bolivia ...": the opening phrase ends at its comma
            if low[j:k] == [","] and _possessive_item(s, k):
                break  # "Russia, Syria's closest ally, ...": an appositive, not the list going on
            if low[j:k] in ([","], [",", "the"]) and _titled_item(s, k):
                break  # "drafted by Kuwait, US Ambassador Nikki Haley called it": a new subject, a member's agent
            if anded and low[j:k] in ([","], [",", "the"]) and not along:
                break  # "drafted by the US and Ecuador, Russia and China abstained": an 'and' closed the list
            if anded and low[j:k] in ([",", "and"], [",", "and", "the"]) and _and_pair_at(s, k):
                break  # "the United States and the Dominican Republic, and Russia and China opposed it": two pairs
            # "China and Russia, ..., as well as Brazil, Egypt and India": 'as well as' opens a list of its own
            anded = "well" not in low[j:k] and not titled and (
                anded or any(w in ("and", "or", "nor", "&") for w in low[j:k]))
            j = k
        chunk = Chunk("list", start, j, codes=tuple(codes), spans=spans, unknown=tuple(unknown))
        s.lists_at[start] = chunk
        s.lists_end[j] = chunk
        if along and j < s.n and s.tok[j] == ",":
            s.lists_end[j + 1] = chunk  # its verb stands after the comma that closes "along with X"
        if start != i:
            s.lists_at.setdefault(i, chunk)
        taken = j


def _possessive_goes_on(s, k: int) -> bool:
    """After one possessive name, 'and' or a comma, then another name with its own "'s" ("Russia's
    and China's"): the list goes on."""
    low = s.low
    if k >= s.n or low[k] not in ("and", ","):
        return False
    nxt = s.mention_at.get(k + 1)
    return nxt is not None and low[nxt[1]:nxt[1] + 2] == ["'", "s"]


def _and_pair_at(s, k: int) -> bool:
    """Whether the name at k is the first of a pair joined by its own 'and' ("Russia and China")."""
    if k not in s.mention_at:
        return False
    m = s.mention_at[k][1]
    return m + 1 < s.n and s.low[m] == "and" and (m + 1 in s.mention_at or (
        s.low[m + 1] == "the" and m + 2 in s.mention_at))


def _titled_item(s, k: int) -> bool:
    """The name at k is followed by the title of one who acts for it ("US Ambassador Nikki Haley")."""
    if k not in s.mention_at:
        return False
    end = s.mention_at[k][1]
    return end < s.n and (s.low[end] in W.AGENT_HEADS or s.low[end] in ("president", "minister", "secretary"))


def _past_member_title(s, k: int) -> int:
    """'China, as well as non-permanent members Ethiopia and Kazakhstan': the first name after a
    title of members that a list's next item opens with, or k."""
    c = k + (s.low[k:k + 1] == ["the"])
    if s.low[c:c + 3] == ["council", "'", "s"] and s.low[c + 3:c + 6] in (["veto", "-", "wielding"],
                                                                        ["veto", "-", "holding"]):
        j = c + 6  # "Bolivia and the council's veto-wielding power Russia"
        j += j < s.n and s.low[j] in ("power", "member")
        return j if j in s.mention_at else k
    j = k + 3 if s.low[k:k + 3] == ["non", "-", "permanent"] else k + 1 if k < s.n and s.low[k] in (
        "permanent", "elected", "fellow", "temporary", "rotating") else k
    m = j
    for word in ("un", "unsc", "security", "council"):  # "and temporary UNSC member Australia"
        m += m < s.n and s.low[m] == word
    if m > k and m + 1 < s.n and s.low[m] in ("member", "members") and m + 1 in s.mention_at:
        return m + 1
    if j > k and j in s.mention_at:
        return j  # "Permanent member China, and non-permanent Kazakhstan abstained"
    return k


def _closed_by_comma(s, k: int) -> bool:
    """The names from token k run to a comma (", along with Bolivia, voted") or to the dash that
    closes an aside ("– the UK, along with Nigeria – abstained")."""
    while k < s.n and k in s.mention_at:
        k = s.mention_at[k][1]
        if k < s.n and s.low[k] == "and" and k + 1 in s.mention_at:
            k += 1
        elif k + 1 < s.n and s.low[k] == "and" and s.low[k + 1] == "the" and k + 2 in s.mention_at:
            k += 2  # "along with China and the United Arab Emirates,"
    return k < s.n and (s.tok[k] == "," or (s.tok[k] == "-" and s.spaced(k)))


def _aside_in_list(s, j: int) -> int:
    """'Niger (Council President for December) and Ireland': a short parenthesis naming no member
    after an item, with the list going on after it, is skipped."""
    if j >= s.n or s.tok[j] != "(":
        return j
    close = next((k for k in range(j + 1, min(s.n, j + 11)) if s.tok[k] == ")"), None)
    if close is None or close + 2 >= s.n or any(k in s.mention_at for k in range(j + 1, close)):
        return j
    if not (s.low[close + 1] in ("and", "or", "&", "nor") or (s.tok[close + 1] == "," and close + 2 in s.mention_at)):
        return j  # "Liu Jieyi (centre), the Permanent Representative ...": an appositive follows
    return close + 1


#: Where a person stands in a picture, as a caption sets it apart after the name ("Zhang Jun, right,").
_PLACES_IN_A_PICTURE = frozenset({"right", "left", "center", "centre", "front", "back", "top", "bottom", "lower",
                                  "upper", "foreground", "background"})

def _holder_in_list(s, j: int, code: str | None, last: bool) -> int:
    """'Chinese Ambassador Zhang Jun, right, and Algerian Ambassador Amar Bendjama': after an item, a
    title and the person holding it for the same member (council.yaml lists the person), with the list
    going on after them, are skipped: the item is the member they act for; so are those of the `last`
    item of a list that has more (the list then ends after the person's name)."""
    low = s.low
    if code is None or j >= s.n or low[j] not in ("ambassador", "envoy", "representative", "delegate"):
        return j
    k = where_held(s, j + 1) if low[j + 1:j + 3] == ["to", "the"] else j + 1  # "to the United Nations (UN)"
    person = s.mention_at.get(k)
    if person is None or person[0] != code:
        return j
    k = end = person[1]
    if k + 2 < s.n and s.tok[k] == ",":
        m = k + 1
        while m < s.n and m - k <= 2 and low[m] in _PLACES_IN_A_PICTURE:
            m += 1
        if m > k + 1 and m < s.n and s.tok[m] == ",":
            k = m + 1  # ", right,": the comma after the place, the list's own
    if k + 1 >= s.n or low[k] not in ("and", ",") or not any(m in s.mention_at for m in (k + 1, k + 2)):
        return end if last else j
    return k


def where_held(s, j: int) -> int:
    """Past 'to the UN (Security Council)', 'at the Security Council' or 'on the Security Council' at j,
    where a title is held ('to the United Nations (UN)' with its initials in brackets): the token
    after it, or j."""
    if s.low[j:j + 2] not in (["to", "the"], ["on", "the"], ["at", "the"]):
        return j
    k = j + 2
    while k < s.n and s.low[k] in ("un", "u.n.", "united", "nations", "security", "council"):
        k += 1
    if s.low[j] == "on" and s.low[k - 1] != "council":
        return j  # "on the UN" holds no seat
    if s.low[k:k + 3] in (["(", "un", ")"], ["(", "u.n.", ")"], ["(", "unsc", ")"]):
        k += 3
    return k


def items_back(s, i: int) -> list:
    """Unknown names joined to a known one from before it ("Gabon, Ghana and India")."""
    out = []
    k = i
    while True:
        j = k
        while j > 0 and s.low[j - 1] in LIST_JOINS:
            j -= 1
        if j == k or not joins(s.low[j:k]) or j - 1 in s.inside or j == 0:
            break
        # the unknown name ending at j: walk back over capitalised words
        a = j - 1
        while a > 0 and a > j - 4 and s.tok[a - 1][:1].isupper() and s.tok[a - 1].isalpha() \
                and s.low[a - 1] not in _NOT_NAMES and a - 1 not in s.inside:
            a -= 1
        found = unknown_name_at(s, a)
        if found is None or found[1] != j:
            break
        out.insert(0, (None, j, found[2], a, j))
        k = a
    return out


def list_goes_on(s, k: int) -> bool:
    """An unknown name after a joiner continues the list when it ends the list or joins on."""
    found = unknown_name_at(s, k)
    if found is None:
        return False
    end = found[1]
    return end >= s.n or s.low[end] in LIST_JOINS or s.tok[end] in (")", ".", ":", ";", "-") \
        or not s.tok[end][:1].isupper()


def _group_goes_on(s, k: int) -> bool:
    """A group item continues a list when a member's name follows it ("European countries and Peru"),
    or when it is the list's last item, after 'and' ("The U.S. and several other countries drew up")."""
    end = group_at(s, k) if s.low[k] in _GROUP_STARTS else None
    if end is None:
        return False
    if k > 0 and s.low[k - 1] == "and" and (end >= s.n or s.low[end] not in LIST_JOINS):
        return True
    m = end
    while m < s.n and s.low[m] in LIST_JOINS:
        m += 1
    return m > end and joins(s.low[end:m]) and m in s.mention_at


#: Words an appositive between two items of a list opens with: "Russia, a permanent member, and South
#: Africa", "Egypt, Chair of the Arab Group, and Tunisia".
_APPOSITIVE_OPENERS = frozenset({"a", "an", "the", "chair", "president", "current", "then", "one"})


def relative_inside(s, k: int) -> int | None:
    """The comma closing ", which co-sponsored the draft," at k when a member's name follows it
    (the list goes on), or None: up to twelve words with no name or break among them. An appositive
    (", a permanent member,") counts only with 'and' and a name after its closing comma."""
    low = s.low
    if k + 1 < s.n and s.tok[k] == "," and low[k + 1] in _APPOSITIVE_OPENERS:
        return _appositive_inside(s, k)
    if not (k + 1 < s.n and s.tok[k] == "," and low[k + 1] in ("which", "who", "whose")):
        return None
    for m in range(k + 2, min(k + 14, s.n)):
        if (m in s.mention_at and low[m - 1] not in _OBJECT_PREPOSITIONS and not _owner(s, m)) or \
                low[m] in W.CLAUSE_BREAKS:
            return None  # but "which is keeping its own sanctions on Libya in place": a name it speaks of
        if s.tok[m] == ",":
            after = m + 1
            while after < s.n and low[after] in ("as", "well", "and", "the") and after < m + 5:
                after += 1  # ", ..., as well as Brazil", ", ..., and the United States"
            return m if after in s.mention_at else None
    return None


def _appositive_inside(s, k: int) -> int | None:
    """The comma closing ", a permanent member," at k when 'and' and a member's name follow it, or
    None: up to eight words with no name, verb or break among them."""
    low = s.low
    for m in range(k + 2, min(k + 10, s.n)):
        if m in s.mention_at or low[m] in W.CLAUSE_BREAKS or low[m] in CLAUSE_VERBS:
            return None
        if s.tok[m] == ",":
            return m if m + 2 < s.n and low[m + 1] == "and" and m + 2 in s.mention_at else None
    return None


def _owner(s, m: int) -> bool:
    """The name at m owns what follows it ("which is mediating Zimbabwe's crisis"): no list item."""
    end = s.mention_at[m][1]
    return end + 1 < s.n and s.low[end] == "'" and s.low[end + 1] == "s"


#: Words before a name inside a relative clause that make it the clause's object, not the list's next item.
_OBJECT_PREPOSITIONS = frozenset({"on", "against", "with", "of", "to", "for", "over", "toward", "towards", "in"})

#: Phrases that open a sentence with a list and end at a comma: "In addition to Russia, Bolivia ...".
_INTRODUCERS = (("in", "addition", "to"), ("along", "with"), ("together", "with"), ("besides",), ("apart", "from"),
                ("like",), ("unlike",), ("alongside",), ("beside",), ("as", "well", "as"))


def _introduced(s, start: int) -> bool:
    """The list is the object of a phrase that opens its sentence or clause ('In addition to Russia,
    ...'). After a comma it need not be: '..., along with Algeria, Brazil and China, after ...' is one
    list; there a name with a verb of its own after the comma ends it (new_clause_at)."""
    if start > 0 and s.low[start - 1] == "the":
        start -= 1  # "Unlike the UK, Switzerland ..."
    for words in _INTRODUCERS:
        at = start - len(words)
        if at >= 0 and tuple(s.low[at:start]) == words and (at == 0 or s.tok[at - 1] in (";", QUOTE_OPEN, '"')):
            return True
    return False


def _possessive_item(s, k: int) -> bool:
    item = item_at(s, k)
    end = item[1] if item else k + 1
    return end + 1 < s.n and s.tok[end] == "'" and s.low[end + 1] == "s"


def new_clause_at(s, start: int, k: int) -> bool:
    """'voted for it alongside Russia, Angola abstained': after a bare comma, a name followed by
    its own verb starts a new clause when the list so far is the object of a preposition."""
    before = start - 1 - (start > 1 and s.low[start - 1] == "the")  # "from the Kremlin, China ..."
    if start == 0 or s.low[before] not in _PREPOSITIONS:
        return False
    first = k
    for _ in range(15):  # "expected from the Kremlin, China, India and Gabon abstained": the names after the
        item = item_at(s, k)  # comma, however many, with a verb of their own
        end = item[1] if item else k + 1
        if end < s.n and s.low[end] in CLAUSE_VERBS and (k == first or (
                not s.low[end].endswith("ing") and s.low[end] not in _SINGULAR_VERBS
                and _has_verb_before(s, before) and s.low[before] != "with")):
            # past the first name only in a clause that has its verb before the preposition ("while this
            # was expected from the Kremlin, China ... abstained"); not "with Russia, China and Angola
            # abstaining", "proposed by Egypt, New Zealand and Spain was rejected", "The representatives of
            # France, Spain ... supported", nor "was supported by A, with B, C and D abstained" (with
            # its list, however long, the verb's subject), nor "introduced by the UK, France and the US was
            # blocked" (names joined by 'and' are no subject of a singular verb)
            return True
        m = end
        while m < s.n and s.low[m] in LIST_JOINS:
            m += 1
        if m == end or m >= s.n or item_at(s, m) is None:
            return False
        k = m
    return False


#: Verbs in the singular: names joined by "and" are not their subject.
_SINGULAR_VERBS = frozenset({"was", "is", "has"})


def _has_verb_before(s, k: int) -> bool:
    """The clause of token k has a 'was' or 'has' before it: its verb stands before k."""
    return any(s.low[j] in W.BE or s.low[j] in ("has", "have", "had") for j in range(s.clause_start(k), k))


def skip_alias(s, j: int, code: str | None) -> int:
    """'they (Russia)', 'Venezuela (Bolivarian Republic of)': a parenthesis naming the item again."""
    if j < s.n and s.tok[j] == "(":
        close = next((k for k in range(j + 1, min(j + 7, s.n)) if s.tok[k] == ")"), None)
        if close is not None and all(s.tok[k][:1].isupper() or s.low[k] in ("of", "the")
                                     for k in range(j + 1, close)) and close > j + 1:
            inner = s.mention_at.get(j + 1)
            if inner is None or inner[0] == code:
                return close + 1
    return j


def breaks_list(s, j: int, k: int) -> bool:
    """Joining words that end a list rather than extend it."""
    # "According to France, China abstained": France speaks, China votes
    return s.tok[j] == "," and j >= 2 and "according" in s.low[max(0, j - 8):j]


def joins(words: list[str]) -> bool:
    """Joining words make a list only with a comma, 'and', 'or', 'nor', a slash or 'plus' among them."""
    return any(w in _JOINING for w in words) or words == ["as", "well", "as"]


#: The nouns a description of members ends with, and the words it may hold before them: "the three
#: other veto-wielding permanent council members", "the two African countries".
_DESCRIBED_NOUNS = frozenset({"members", "countries", "states", "nations", "powers", "allies", "delegations",
                              "sponsors", "cosponsors", "friends", "partners"})
_DESCRIBING = frozenset({"the", "all", "other", "permanent", "non-permanent", "elected", "council", "security", "veto", "-",
                         "power", "powers",
                         "wielding", "holding", "western", "african", "arab", "european", "asian", "latin", "american",
                         "member", "its", "their", "remaining", "fellow", "key", "major", "co", "non", "current",
                         "closest", "close", "traditional", "main", "strategic"})


def described_lists(s) -> None:
    """'the three other permanent members - the United States, Britain and France - voted against':
    a description of members followed by a list between dashes (or commas) that fills the aside is
    one list, the description's subject: it ends after the closing dash. (Run after find_asides.)"""
    for a, b in list(s.asides_open.items()):
        k = a + 1 + (s.low[a + 1] == "the")
        listed = s.lists_at.get(k)
        if listed is None or listed.end != b or not listed.codes or a == 0:
            continue
        start = description_before(s, a)
        if start is not None:
            _described(s, start, b + 1, listed)


def _described(s, start: int, end: int, listed: Chunk) -> None:
    """The list of a description of members (from `start`) and the names it is followed by, which
    `listed` holds, as one list ending at `end`."""
    chunk = Chunk("list", start, end, codes=listed.codes, spans=dict(listed.spans), unknown=listed.unknown)
    s.lists_at.setdefault(start, chunk)
    s.lists_end.setdefault(end, chunk)


_DESCRIBED_ONE = frozenset({"member", "country", "state", "nation", "power"})


def described_bracket_lists(s) -> None:
    """'including three permanent members (China, France and the Russian Federation)', 'another
    permanent member (United Kingdom)': a description of members followed by a list that fills the
    brackets after it is one list, the description's subject, ending after the closing bracket."""
    for a, word in enumerate(s.tok):
        listed = s.lists_at.get(a + 1) if word == "(" and a > 0 else None
        if listed is None or listed.end >= s.n or s.tok[listed.end] != ")" or not listed.codes:
            continue
        start = description_before(s, a)
        if start is None and s.low[a - 1] in _DESCRIBED_ONE and listed.items == 1:
            start = a - 1
            while start > 0 and a - start < 6 and s.low[start - 1] in _DESCRIBING:
                start -= 1
            start = start - 1 if start > 0 and s.low[start - 1] in ("another", "a", "one") else None
        if start is not None and s.number(start) in (None, listed.items):  # not "nine countries (A, B, C)"
            _described(s, start, listed.end + 1, listed)


def described_closing_lists(s) -> None:
    """A description of members, then a colon or a comma and the list that closes the sentence, is
    one list: "put forward by the ten non-permanent members of the Security Council: A, B, ...",
    "the negative vote cast by one of its permanent members, the United States."."""
    for a, word in enumerate(s.tok):
        if word not in (":", ",") or a == 0:
            continue
        k = a + 1 + (a + 1 < s.n and s.low[a + 1] == "the")
        listed = s.lists_at.get(k)
        if listed is None or not listed.codes or not (listed.end >= s.n or s.tok[listed.end] in (".", ";")):
            continue
        start = description_before(s, a)
        if start is not None and s.number(start) in (None, listed.items):
            _described(s, start, listed.end, listed)


def description_before(s, a: int) -> int | None:
    """The first token of a description of members that ends just before token a ("the three other
    permanent members", "two of the 15-member body's permanent members", "two veto-power countries"),
    or None: "voted with Western countries - A and B -" has no description of its own."""
    noun = a - 1
    if noun >= 3 and s.low[noun - 2:noun] in (["on", "the"], ["of", "the"]) and s.low[noun] in ("council", "body"):
        noun -= 3  # "all five European countries on the Council - A, B and C -"
    elif noun >= 4 and s.low[noun - 3:noun + 1] in (["on", "the", "security", "council"], ["of", "the", "security", "council"]):
        noun -= 4  # "the ten non-permanent members of the Security Council: A, B, ..."
    elif noun >= 5 and s.low[noun - 4:noun - 2] in (["on", "the"], ["of", "the"]) and \
            s.low[noun - 2] in ("un", "u.n.") and s.low[noun - 1:noun + 1] == ["security", "council"]:
        noun -= 5  # "Two permanent states on the UN Security Council, Russia and China, blocked ..."
    if noun < 0 or s.low[noun] not in _DESCRIBED_NOUNS:
        return None
    start = noun
    while start > 0 and noun - start < 10 and (s.low[start - 1] in _DESCRIBING or s.number(start - 1) is not None):
        start -= 1
    start = _counted_of_the_council(s, start)
    if s.low[start] in ("its", "their") and start >= 2 and s.low[start - 1] == "of" and \
            s.number(start - 2) is not None:
        return start - 2  # "one of its permanent members", "two of their permanent members"
    if s.low[start] in ("its", "their") and s.number(start + 1) is not None:
        return start + 1  # "its two closest allies, A and B,": the count is the description's
    return start if s.low[start] in ("the", "all") or s.number(start) is not None else None


def _counted_of_the_council(s, start: int) -> int:
    """'two of the 15-member body's permanent members': the count before the council's name that a
    description at `start` follows, or `start`."""
    if start < 2 or s.low[start - 2:start] != ["'", "s"]:
        return start
    for k in range(max(0, start - 10), start - 3):
        if s.number(k) is not None and s.low[k + 1] == "of" and of_the_council(s, k + 1) == start - 2:
            return k
    return start
