"""Speech frames and parentheses: whose words each stretch of a sentence is.

Part of the chunker's job, kept in its own module for its size. A speech frame marks the
tokens another speaker says ("Britain said Russia vetoed ...", "..., diplomats said",
"According to state media, ...", a sentence wholly inside a quotation); the engine reads an
assertion inside one as `reported`, unless the speaker speaks of itself ("his country
abstained") or is the Council announcing its own result. A parenthesis after a member
(", which had abstained on the first text,") is about that member's other vote.
"""

from __future__ import annotations

from . import words as W
from .chunker import Chunked, Frame
from .tokens import QUOTE_CLOSE, QUOTE_OPEN

#: Words after a trailing speech verb that still close its clause: "..., diplomats said on Friday."
_TAIL_WORDS = frozenset({".", ",", "!", "?", '"', QUOTE_CLOSE, "on", "in", "at", "last", "this", "late", "early",
                         "earlier", "later", "today", "yesterday", "week", "weekend", "night", "the", "council",
                         "reporters", "him", "her", "them", "told", "to", "in", "a", "statement", "an", "interview",
                         "with", "after", "before", "meeting", "press", "conference", "briefing", "vote", "its",
                         "his", "their"} | W.WEEKDAY_WORDS)
_AFTER_SPEECH = frozenset({"on", "in", "at", "last", "this", "that", ":", ",", "week", "earlier", "later", "today",
                           "yesterday"}) | W.WEEKDAY_WORDS
_NOUN_TOO = frozenset({"states", "notes", "reports", "claims", "says", "remarks", "charges", "thought"})
_ADJECTIVES_TOO = frozenset({"alleged", "reported", "claimed", "purported"})
_BEFORE_ADJECTIVE = frozenset({"the", "a", "an", "its", "their", "his", "her", "over", "of", "for", "on", "about",
                               "and", "in", "against", "into", "any", "after", "this", "these", "those"})
#: What an 'alleged' or 'reported' before it still makes hearsay: "the reported veto".
_VOTE_NOUNS = frozenset({"veto", "vetoes", "vote", "votes", "abstention", "abstentions", "support", "opposition",
                         "decision", "adoption", "rejection", "failure"})
_NOUN_BEFORE = frozenset({"member", "members", "the", "a", "an", "its", "their", "his", "her", "other", "these", "those",
                          "all", "some", "many", "media", "news", "press", "arab", "african", "european", "gulf",
                          "dozen", "dozens", "several", "few", "numerous", "various", "western", "asian", "small",
                          "island", "neighbouring", "neighboring", "sovereign", "individual", "into", "over", "amid",
                          "despite", "about", "of", "on", "to", "permanent", "elected"})
_SPEAKER_TITLE_WORDS = frozenset({"'", "s", "to", "senior", "top", "chief", "foreign", "new", "deputy", "permanent"})


def find_frames(s: Chunked, carried: str | None, in_quote: bool) -> None:
    """Fill `s.frames`: speech frames, then parentheses about a member.

    `carried`: the speaker whose words a sentence wholly in quotation marks continues;
    `in_quote`: the sentence starts inside a quotation opened by an earlier sentence.
    """
    if not s.words.isdisjoint(W.SPEECH) or (s.n and s.tok[0] == QUOTE_OPEN) or in_quote:
        _speech_frames(s, carried, in_quote)
    if not s.words.isdisjoint(_RELATIVES):
        _parentheticals(s)


#: The words that open a parenthesis about a member (", which had abstained on the first text,").
_RELATIVES = frozenset({"which", "who", "whose"})


#: Speech verbs whose "to" takes what is answered, not what is said.
_REACTING = frozenset({"responded", "responds", "respond", "replied", "replies", "reply", "reacted", "reacts"})


def _record_speaker(s: Chunked, verb: int) -> bool:
    """'The Council President announced that ...', 'the Council said': its own result, no hearsay.
    The President of the Council speaks for it whoever holds the office ("Security Council President
    and France's Permanent Representative Francois Delattre said"); a correspondent who "said,
    reporting from" where the vote was is the outlet's own voice."""
    if council_president(s, max(s.clause_start(verb), verb - 24), verb):
        return True
    if council_president(s, verb + 1, min(s.n, verb + 8)):
        return True  # '"The draft has not been adopted," said UN Security Council President Meza-Cuadra
    if s.low[verb] in ("reported", "reports") and (news_outlet(s, verb) or _outlet_after(s, verb)):
        return True
    if s.low[verb + 1:verb + 4] == [",", "reporting", "from"]:
        return True  # '..., Al Jazeera's Gabriel Elizondo said, reporting from UN headquarters': the outlet's own
    lo = max(s.clause_start(verb), verb - 5)
    return any(s.low[k] in W.RECORD_SPEAKERS for k in range(lo, verb)) and not any(
        k in s.mention_end or s.low[k] in ("ambassador", "envoy", "diplomats", "diplomat") for k in range(lo, verb))


def news_outlet(s: Chunked, verb: int) -> bool:
    """'..., CNN reported', 'The Associated Press reported that ...', '..., the UN News Service
    reported': a news organisation reports what the Council did; its words are reporting, not a
    party's claim (nor are they when a member is named among them: 'Russia's TASS reported' is a claim)."""
    k = verb - 1
    while k >= 0 and verb - k <= 5 and s.low[k] in W.OUTLET_WORDS and k not in s.inside:
        k -= 1
    if k >= 0 and s.tok[k] not in (",", QUOTE_CLOSE, '"') and k != s.clause_start(verb) - 1:
        return False
    words = set(s.low[k + 1:verb])
    return not words.isdisjoint(W.OUTLET_NAMES) or ("news" in words and not words.isdisjoint(W.UN_WORDS))


#: Words between an opening "As" and "reported": "As has been widely reported, ...".
_AS_REPORTED = frozenset({"has", "had", "was", "been", "widely", "already", "earlier", "first", "previously", "also"})


def _as_reported(s: Chunked, verb: int) -> bool:
    """'As has been widely reported, ...', 'As reported by Reuters, ...': the writer's own account, which the
    press has given too, no party's claim (as 'according to Reuters'); not 'As reported by Russia, ...'."""
    k = verb - 1
    while k >= 0 and s.low[k] in _AS_REPORTED:
        k -= 1
    if k < 0 or s.low[k] != "as" or k != s.clause_start(k) or verb - k > 5:
        return False
    if verb + 1 < s.n and s.tok[verb + 1] == ",":
        return True
    if verb + 1 >= s.n or s.low[verb + 1] != "by":
        return False
    comma = next((j for j in range(verb + 2, min(verb + 10, s.n)) if s.tok[j] == ","), None)
    return comma is not None and not any(j in s.inside for j in range(verb + 2, comma)) and \
        not set(s.low[verb + 2:comma]).isdisjoint(W.OUTLET_NAMES)


def _outlet_after(s: Chunked, verb: int) -> bool:
    """'..., reports PTI', '..., reported the Associated Press': a news organisation named after its verb,
    the clause's last words (a member named among them makes it a party's claim, as before the verb)."""
    hi = min(s.n, verb + 6, s.clause_end(verb))
    k = verb + 1
    while k < hi and s.low[k] in W.OUTLET_WORDS and k not in s.inside:
        k += 1
    if k == verb + 1 or (k < s.n and s.tok[k] not in (".", "!", ";", ",") and k != s.clause_end(verb)):
        return False
    return not set(s.low[verb + 1:k]).isdisjoint(W.OUTLET_NAMES)


def council_president(s: Chunked, lo: int, hi: int) -> bool:
    """'Security Council President', 'President of the (Security) Council' among tokens lo..hi-1."""
    low = s.low
    for k in range(lo, hi):
        if low[k] == "president" and ((k > 0 and low[k - 1] == "council") or (
                k + 3 < s.n and low[k + 1] == "of" and "council" in low[k + 2:k + 5])):
            return True
    return False


def _speech_frames(s: Chunked, carried: str | None, in_quote: bool) -> None:
    frames = s.frames
    for i, w in enumerate(s.low):
        if w not in W.SPEECH or i in s.inside:
            continue
        if w == "according":
            if i + 2 < s.n and s.low[i + 1] == "to" and s.low[i + 2] not in ("which", "whom"):
                _according(s, i)  # but "the resolution, according to which the mandate is extended": no source
            continue
        if w == "reported" and _as_reported(s, i):
            continue
        if w in _NOUN_TOO and i > 0 and (s.low[i - 1] in _NOUN_BEFORE or s.number(i - 1) is not None
                                         or (s.low[i - 1] == "-" and not s.spaced(i - 1))
                                         or (w == "states" and s.low[i - 1].endswith(("ed", "ing")))
                                         or (w == "states" and s.low[i - 1] in ("has", "have", "had"))):
            continue  # "member states", "member-states", "the reports", "urged states": a noun, not a speech verb
        if w in ("added", "adds") and i + 1 < s.n and s.low[i + 1] not in _AFTER_SPEECH and \
                s.tok[i + 1] not in (".", QUOTE_OPEN, '"', QUOTE_CLOSE):
            continue  # "a text that ... added new requirements": a verb with its object, no one speaking
        if w in _ADJECTIVES_TOO and i > 0 and s.low[i - 1] in _BEFORE_ADJECTIVE and i + 1 < s.n and \
                s.low[i + 1] not in _VOTE_NOUNS:
            continue  # "sanctions over alleged use of chemical weapons": an adjective, no one speaking
        codes = speaker_codes(s, i)
        speaker = codes[0] if len(codes) == 1 else None
        record = _record_speaker(s, i)
        before = i - 1
        k = before
        while k >= 0 and k > i - 12 and (s.tok[k][:1].isupper() or s.low[k] in W.SPEAKER_WORDS) \
                and s.tok[k] not in (QUOTE_CLOSE, '"'):
            k -= 1
        if k < before and (_ends_clause(s, i) or (_after_quote(s, i) and _when_said(s, i))):
            before = k  # '"...," he told the council', '..., Western diplomats said', '"...," she said ahead of ...'
        if before == i - 1 and s.tok[before] == "," and before in s.asides_close:
            before = -1  # "Opponents, which included Libya, argued ...": an aside closes, no speaker follows it
        if i + 1 < s.n and s.low[i + 1] == "by" and i > 0 and s.tok[i - 1] == ",":
            continue  # "Osama bin Laden, charged by the United States with ...": a participle, no one speaking
        if w in _REACTING and i + 1 < s.n and s.low[i + 1] == "to":
            continue  # "Haley responded to the Russian veto, saying ...": what was responded to is no one's words
        forward = w in W.SPEECH_PARTICIPLES and i + 1 < s.n and s.low[i + 1] == "that"  # ", recalling that ..."
        if not forward and before >= 0 and ((s.tok[before] == "," and (before < i - 1 or _ends_clause(s, i)
                                                                     or _after_quote(s, i))) or (
                s.tok[before] in (QUOTE_CLOSE, '"') and before >= 1 and s.tok[before - 1] in (",", "?", "!", "."))):
            # '"...," he told the council' / '..., diplomats said': the words before are the speaker's
            j = before
            while j >= 0 and s.tok[j] != QUOTE_OPEN and j > s.clause_start(i) - 1:
                j -= 1
            if j < 0 or s.tok[j] != QUOTE_OPEN:
                # the words before, back to the sentence's start or a semicolon: "Resolution 1280 Adopted
                # by 11-0-3; France, Not Voting, Says Text Not Practicable" reports no words of France's
                j = next((k + 1 for k in range(before - 1, -1, -1) if s.tok[k] == ";"), 0)
            speaker_after = None
            for k in range(i - 1, max(i - 8, -1), -1):
                if k + 1 in s.mention_end and k > before - 1:
                    speaker_after = s.mention_end[k + 1][0]
            codes_after = [s.mention_at[k][0] for k in range(i + 1, min(i + 8, s.n)) if k in s.mention_at]
            who = speaker_after or (codes_after[0] if len(codes_after) == 1 and s.tok[before] != "," else None)
            frames.append(Frame(j, before, who, "speech", record))
            continue
        # "X said (on Friday) (that) ...": what follows is X's; "X told Y after ..." is not
        k = i + 1
        if w in ("told", "tells", "tell"):
            while k < s.n and s.low[k] not in ("that", ",", QUOTE_OPEN, ":") and s.low[k] not in W.SUBORDINATORS \
                    and not (k in s.mention_at and k > i + 1 and _starts_clause(s, k)):
                k += 1
            if k >= s.n or s.low[k] in W.SUBORDINATORS:
                continue
        while k < s.n and s.low[k] in _AFTER_SPEECH:
            k += 1
        if k < s.n and s.low[k] in W.SUBORDINATORS:
            continue
        if k + 1 < s.n and s.low[k] in ("it", "so", "this", "nothing", "little", "much") and (
                s.low[k + 1] in ("in", "at", "on", "to", "-", ",", ".", "again", "before", "twice", "then")
                or s.tok[k + 1] in (QUOTE_CLOSE, '"')):
            continue  # "I said it in Moscow": an object, not a reported clause
        if w in ("reported", "reports", "cited", "quoted") and i + 1 < s.n and s.low[i + 1] in ("the", "a", "an", "its", "their", "his", "her"):
            continue  # "Reuters reported the vote": an object, not a clause
        participle = w in W.SPEECH_PARTICIPLES  # "arguing that ...", "saying it abstained"
        after = i + 1
        if participle and not (after < s.n and (s.low[after] == "that" or s.tok[after] in (QUOTE_OPEN, '"') or (
                w == "saying" and (s.low[after] in ("it", "they", "he", "she", "we") or after in s.mention_at)))):
            continue  # "Noting African States' Exclusion": a participle with its object, no words reported
        end = s.n
        for b in s.breaks:
            if b > k and s.low[b] != "while":
                end = b
                break
        if s.quoted[i]:  # words inside a quotation end with it
            end = min(end, next((q for q in range(i, s.n) if s.tok[q] == QUOTE_CLOSE), s.n))
        # "Russia and China, which had signalled their objection, voted against it": a speech verb in
        # an aside speaks only to the aside's end
        end = min([end] + [close for open_, close in s.asides_open.items() if open_ < i < close])
        if participle or _conditional_speech(s, i):
            # "Saying that Israel's operations worsened the situation, the United States allowed ...",
            # "..., in the event that UNSCOM reported that Iraq was not in compliance, was adopted":
            # the words reach the comma
            end = next((c for c in range(k, end) if s.tok[c] == ","), end)
        frames.append(Frame(k, end, speaker, "speech", record, tuple(codes)))
    if in_quote:
        close = next((k for k in range(s.n) if s.tok[k] == QUOTE_CLOSE), s.n)
        if not any(f.kind == "speech" and f.start == 0 for f in frames):
            frames.append(Frame(0, close, carried, "speech"))
    elif s.n and s.tok[0] == QUOTE_OPEN and not any(f.kind == "speech" for f in frames):
        close = next((k for k in range(s.n) if s.tok[k] == QUOTE_CLOSE), s.n)
        if not _un_title(s, close):
            frames.append(Frame(0, close, carried, "speech"))


#: Words that make what follows a condition's: a speech verb after them ("in the event that UNSCOM
#: reported that ...") is a supposed report, whose words end with the condition's clause.
_SUPPOSING = frozenset({"if", "unless", "when", "whenever", "event", "case"})


def _conditional_speech(s: Chunked, verb: int) -> bool:
    return any(s.low[k] in _SUPPOSING for k in range(max(s.clause_start(verb), verb - 5), verb))


def _un_title(s: Chunked, close: int) -> bool:
    """'"Security Council Fails to Adopt ..., Due to Negative Votes of China, Russian Federation," U.N.
    Press Release (Doc. SC/10714)': the quotation is the title of the UN's own press release, cited,
    no one's claim."""
    after = set(s.low[close + 1:close + 8])
    return {"press", "release"} <= after and not after.isdisjoint(("un", "u.n.", "united"))


#: Auxiliaries before ", according to X," inside a relative clause: "that would, according to X, have".
_AUXILIARIES = frozenset({"would", "could", "will", "might", "may", "should", "has", "have", "had", "is", "was",
                          "were", "are"})

#: Words that open a clause, before ", according to X,": the account is of the clause after them.
_OPENING_WORDS = frozenset({"when", "that", "while", "because", "as", "but", "and", "since", "although", "where",
                            "which", "though", "whereas"})


#: What a vote is counted by, which gives no one's account of it: "according to the Council's rules".
_RULE_BOOKS = frozenset({"rules", "rule", "charter", "procedure", "procedures", "provisions"})
#: What the UN publishes of its meetings: "according to the UN's website", "... a UN press release",
#: and the words that say whose it is ("a Security Council press release").
_UN_RECORDS = frozenset({"website", "site", "record", "statement", "release", "coverage", "summary", "news"})
_UN_PUBLISHERS = frozenset({"un", "u.n.", "organization", "nations", "council", "unsc"})


def _according(s: Chunked, i: int) -> None:
    """'..., according to X': the clause before is X's account; 'According to X, ...': the one after.
    According to the President of the Council, the result is the Council's own word."""
    if council_president(s, i + 2, min(i + 32, s.n)):
        return
    k = i + 2
    while k < s.n and s.low[k] in ("the", "new", "adopted", "final", "council's", "council", "'", "s"):
        k += 1
    if k < s.n and s.low[k] in W.DRAFT_NOUNS:
        return  # "..., according to the new resolution": what the text says, no one's account of the vote
    comma = next((k for k in range(i + 2, min(i + 14, s.n)) if s.tok[k] == ","), None)
    stop = comma if comma is not None else min(i + 8, s.n)
    codes = [c for c, _ in (s.mention_at[j] for j in range(i + 2, stop) if j in s.mention_at)]
    speaker = codes[0] if len(codes) == 1 else None
    source = set(s.low[i + 2:stop])
    if not source.isdisjoint(_RULE_BOOKS):
        return  # "according to the Security Council's rules, ... meant that it failed": the rules, no one's account
    if "voice" in source and "voice of america" in " ".join(s.low[i + 2:stop]):
        return  # "according to Voice of America": a broadcaster, whose name holds a member's
    if not codes and (not source.isdisjoint(W.OUTLET_NAMES) or (not source.isdisjoint(_UN_RECORDS)
                                                                and not source.isdisjoint(_UN_PUBLISHERS))):
        return  # "according to a TASS correspondent", "according to the website of the world organization",
        # "according to a UN press statement", "according to a security council press release": a news
        # agency's report or the UN's own record, no party's claim
    if i > 1 and s.tok[i - 1] == "," and s.low[i - 2] in _AUXILIARIES:
        # "a resolution that would, according to press reports, have imposed sanctions": the account is
        # of the relative clause it stands in, from its 'that' on
        that = next((k for k in range(i - 2, max(i - 10, -1), -1) if s.low[k] in ("that", "which", "who")), None)
        if that is not None:
            s.frames.append(Frame(that + 1, s.clause_end(i), speaker, "speech"))
            return
    opens = i > 1 and s.tok[i - 1] == "," and s.low[i - 2] in _OPENING_WORDS  # "at a time when, according to X, ..."
    if i == s.clause_start(i) or (i > 0 and s.tok[i - 1] in (QUOTE_OPEN, '"')) or opens:
        if comma is not None:
            s.frames.append(Frame(comma + 1, s.clause_end(comma + 1), speaker, "speech"))
        return
    s.frames.append(Frame(s.clause_start(i), i, speaker, "speech"))


def _after_quote(s: Chunked, verb: int) -> bool:
    """'"...," U.S. Ambassador Robert Wood, alternative representative, said in ...': a quotation closes
    just before the speaker's name and title, so the words before them are the speaker's."""
    for k in range(verb - 1, max(verb - 25, 0), -1):
        if s.tok[k] in (QUOTE_CLOSE, '"') and s.tok[k - 1] in (",", "?", "!", "."):
            return True
        if s.low[k] in W.CLAUSE_BREAKS or s.tok[k] in (QUOTE_OPEN, ";"):
            return False
    return False


#: Words that open when a quotation was said: '"...," the envoy said ahead of the 14-1 vote'.
_WHEN_SAID = frozenset({"ahead", "prior", "before", "after", "following", "during", "shortly", "just", "moments"})


def _when_said(s: Chunked, verb: int) -> bool:
    """'"...," the envoy said ahead of Wednesday's 14 to 1 vote, with the US casting the lone vote
    against': after a closed quotation, the speech verb is followed by when it was said, and no
    "that" opens words of the speaker's own: what follows is the page's narration."""
    k = verb + 1
    while k < s.n and s.low[k] in _AFTER_SPEECH and s.tok[k] != ",":
        k += 1
    if k >= s.n or s.low[k] not in _WHEN_SAID:
        return False
    return "that" not in s.low[k:s.clause_end(k)]


def _starts_clause(s: Chunked, k: int) -> bool:
    """A member name followed soon by a verb: the start of a reported clause after 'told X'."""
    _, end = s.mention_at[k]
    return end < s.n and (s.low[end] in W.FILLERS or s.low[end] in _VERB_HEADS)


_VERB_HEADS = frozenset({"voted", "votes", "vote", "voting", "abstained", "abstains", "abstain", "vetoed", "vetoes",
                         "veto", "backed", "supported", "cast", "used", "joined", "did", "was"})


def _ends_clause(s: Chunked, verb: int) -> bool:
    """'..., diplomats said (on Friday).': the speech verb closes its clause; 'France said it ...' does not."""
    end = s.clause_end(verb + 1)
    for k in range(verb + 1, end):
        if s.tok[k] == "," and k + 1 < end and (s.low[k + 1].endswith("ing") or s.low[k + 1] in ("but", "and")):
            return True  # "..., diplomats said, calling it biased": a participle after the comma is theirs too
        if not (s.low[k] in _TAIL_WORDS or s.tok[k][:1].isupper()):
            return False
    return True


#: The words before a list of members a speaker spoke for beside its own country.
_SPEAKING_FOR = (("speaking", "for"), ("speaking", "also", "for"), ("also", "speaking", "for"),
                 ("speaking", "on", "behalf", "of"), ("speaking", "also", "on", "behalf", "of"),
                 ("also", "speaking", "on", "behalf", "of"))


def _speaking_for(s: Chunked, verb: int) -> tuple[int, list[str]] | None:
    """'The representative of Sierra Leone, also speaking for Algeria, Guyana and Mozambique, said':
    the comma that opens the phrase, and the members it names, or None."""
    i = verb - 1
    chunk = s.lists_end.get(i) if i > 0 and s.tok[i] == "," else None
    if chunk is None or not chunk.codes:
        return None
    for words in _SPEAKING_FOR:
        k = chunk.start - len(words)
        if k >= 1 and tuple(s.low[k:chunk.start]) == words and s.tok[k - 1] == ",":
            return k - 1, list(chunk.codes)
    return None


def speaker_codes(s: Chunked, verb: int) -> list[str]:
    """Members named in the speaker phrase just before a speech verb ("Angola's U.N. Ambassador
    Ismael Gaspar Martins said"): names, titles and capitalised words, back to the first other word;
    with those it spoke for, after its own ("The representative of Sierra Leone, also speaking for
    Algeria and Guyana, said": all three)."""
    if (found := _speaking_for(s, verb)) is not None:
        comma, others = found
        lead = speaker_codes(s, comma)
        return lead + [c for c in others if c not in lead] if lead else []
    codes: list[str] = []
    i = verb - 1
    if i in s.titled:  # "Huang Hua, the Chinese Ambassador, explained ...": the member the title names
        return list(s.titled[i][1].codes)
    start = s.clause_start(verb)
    while i >= start:
        if i in s.asides_close and codes == []:  # "the representative of X, speaking after the vote, said"
            opened = s.asides_close[i]
            # asides one after another ("Ambassador ..., Jeane Kirkpatrick, speaking ...") are passed one by one
            i = opened if opened < i and opened in s.asides_close else opened - 1
            continue
        if i + 1 in s.mention_end:
            code, first = s.mention_end[i + 1]
            if code not in codes:
                codes.append(code)
            i = first - 1
            continue
        if s.low[i] == "and" and codes and i in s.mention_end:
            i -= 1  # "Britain and France indicated": two speakers
            continue
        t = s.tok[i]
        if not (t[:1].isupper() or s.low[i] in W.TITLES or s.low[i] in _SPEAKER_TITLE_WORDS) \
                or s.low[i] in ("and", "or"):
            break
        i -= 1
    return codes


def speaker_left_open(s: Chunked) -> str | None:
    """The member whose words the next sentence may carry: a sentence that names a member as the
    subject of 'told ...' or 'said:'."""
    if s.words.isdisjoint(W.SPEECH):
        return None
    for i, w in enumerate(s.low):
        if w in W.SPEECH and w != "according" and i not in s.inside:
            codes = speaker_codes(s, i)
            if len(codes) == 1:
                return codes[0]
    return None


def opens_quote(s: Chunked) -> bool:
    """Whether the sentence leaves a quotation open for the next one: its last curly double quote opens one."""
    return s.text.rfind(QUOTE_OPEN) > s.text.rfind(QUOTE_CLOSE)


def _parentheticals(s: Chunked) -> None:
    """', which had abstained on the first text,' after a member: a parenthesis about it."""
    for i in range(1, s.n - 1):
        if s.tok[i] == "," and s.low[i + 1] in ("which", "who", "whose") and i in s.mention_end:
            close = next((k for k in range(i + 2, min(s.n, i + 40)) if s.tok[k] == ","), None)
            if close is not None:
                s.frames.append(Frame(i + 1, close, s.mention_end[i][0], "parenthesis"))
