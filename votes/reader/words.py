"""The reader's vocabulary as data: every word class a rule or the chunker names.

A rule pattern writes `@name` for one of these classes (see votes.reader.patterns). The
classes are plain frozensets of lower-case tokens, as the tokenizer cuts them ("n't" is
"n", "'", "t"; "U.N." one token). Nothing here is code: adding a word is one edit here.
"""

from __future__ import annotations

from ..dates import MONTH_WORDS, WEEKDAY_WORDS

# --- modes and kinds --------------------------------------------------------------------------

FACT, NEGATED, THREAT, EXPECTED, INTENDED, FUTURE, CONDITION, REPORTED, OTHER_BODY, OTHER_TEXT = (
    "fact", "negated", "threat", "expectation", "intention", "future", "condition", "reported",
    "other-body", "other-text")
#: "India abstained from a procedural vote": a fact of a procedural decision (Article 27(2)), which
#: backs a record marked `procedural: true` and no other.
PROCEDURAL_VOTE = "procedural"
MODES = (FACT, NEGATED, THREAT, EXPECTED, INTENDED, FUTURE, CONDITION, REPORTED, OTHER_BODY, OTHER_TEXT,
         PROCEDURAL_VOTE)
VOTE, VETO, COUNT, REST, OUTCOME, DRAFTED, STANCE = "vote", "veto", "count", "rest", "outcome", "drafted", "stance"
#: "China and Namibia voted with Russia": members who voted as others did, whose vote the sentence
#: does not give (the record's vote of those others does).
ALIGNED = "aligned"
KINDS = (VOTE, VETO, COUNT, REST, OUTCOME, DRAFTED, STANCE, ALIGNED)
#: Outcomes a sentence can state; "not-adopted" is what a vetoed and a failed draft share.
OUTCOMES = ("adopted", "vetoed", "failed", "not-adopted")
#: When several words frame one phrase, the strongest reading that is not a fact wins.
MODE_RANK = {NEGATED: 9, THREAT: 8, EXPECTED: 7, INTENDED: 6, FUTURE: 5, CONDITION: 4}

# --- numbers -------------------------------------------------------------------------------------

NUMBER_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
}
ORDINALS = frozenset({"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
                      "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
                      "seventeenth", "eighteenth", "nineteenth", "twentieth", "hundredth"})
ORDINAL_SUFFIXES = frozenset({"st", "nd", "rd", "th"})
COUNT_WORDS = frozenset({"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"})

# --- what modes are made of ----------------------------------------------------------------------

NEGATIONS = frozenset({"not", "never", "neither", "nor", "refused", "refuses", "declined", "declines",
                       "without", "no"})
#: Words that, just before a noun such as "veto", say it was never cast: "carefully worded to avoid a
#: veto from China", "an effort to avert a veto by the United States".
AVERTS = frozenset({"avoid", "avoids", "avoided", "avoiding", "avert", "averts", "averted", "averting", "forestall",
                    "forestalled", "sidestep", "sidestepped", "dodge", "dodged"})
#: Words that give a phrase a mode other than fact when they stand between its subject and verb
#: (or just before a noun such as "veto").
MODALS = {
    "threatened": THREAT, "threatens": THREAT, "threaten": THREAT, "threatening": THREAT, "warned": THREAT,
    "warns": THREAT, "threat": THREAT, "threats": THREAT, "vowing": THREAT,
    "expected": EXPECTED, "likely": EXPECTED, "poised": EXPECTED, "set": EXPECTED, "due": EXPECTED,
    "scheduled": EXPECTED, "unlikely": EXPECTED, "predicted": EXPECTED, "anticipated": EXPECTED,
    "feared": EXPECTED, "fears": EXPECTED, "fear": EXPECTED, "probably": EXPECTED, "almost": EXPECTED,
    "certain": EXPECTED, "face": EXPECTED, "facing": EXPECTED, "faces": EXPECTED, "faced": EXPECTED,
    "risk": EXPECTED, "risked": EXPECTED,
    "plans": INTENDED, "planned": INTENDED, "plan": INTENDED, "intends": INTENDED, "intended": INTENDED,
    "intend": INTENDED, "vowed": INTENDED, "vows": INTENDED, "pledged": INTENDED, "pledges": INTENDED,
    "promised": INTENDED, "promises": INTENDED, "wants": INTENDED, "wanted": INTENDED, "hopes": INTENDED,
    "hoped": INTENDED, "ready": INTENDED, "prepared": INTENDED, "going": INTENDED, "decided": INTENDED,
    "seeks": INTENDED, "sought": INTENDED, "tried": INTENDED, "trying": INTENDED, "aims": INTENDED, "aimed": INTENDED, "aiming": INTENDED,
    "willing": INTENDED, "intending": INTENDED, "considering": INTENDED, "mulling": INTENDED,
    "will": FUTURE, "shall": FUTURE, "ll": FUTURE, "tomorrow": FUTURE,
    "would": CONDITION, "could": CONDITION, "may": CONDITION, "might": CONDITION, "should": CONDITION,
    "must": CONDITION, "can": CONDITION, "cannot": CONDITION, "whether": CONDITION, "needs": CONDITION,
    "need": CONDITION, "needed": CONDITION, "required": CONDITION, "requires": CONDITION,
    "necessary": CONDITION, "able": CONDITION, "possibly": CONDITION, "perhaps": CONDITION,
    "maybe": CONDITION, "possible": CONDITION, "potential": CONDITION,
}
#: Words before a count that make it the Charter's requirement, not a result: "needs nine votes".
REQUIREMENTS = frozenset({"minimum", "least", "fewer", "less", "more", "than", "needs", "need", "needed", "lack",
                          "lacked", "lacking", "needing", "require", "requires", "required", "requiring", "short",
                          "threshold", "necessary", "reach", "muster", "requisite", "enough", "majority"})
#: Words that open a condition (and so a clause that states no fact): "if", "unless"; the
#: inverted forms ("Had ...", "Were X to ...", "Should X ...") are found by the chunker.
CONDITIONS = frozenset({"if", "unless", "assuming", "supposing", "lest"})
#: Bodies other than the Security Council whose votes the articles also report.
BODIES = frozenset({"assembly", "parliament", "parliaments", "parliamentary", "lawmakers", "legislators",
                    "legislature", "senate", "congress", "duma", "knesset", "bundestag", "commons",
                    "referendum", "voters", "electorate", "senators", "mps", "opcw", "iaea", "unesco", "unhrc",
                    "ecosoc", "hrc"})
#: Bodies written as two words, the second alone being too common: "Human Rights Council".
BODY_PHRASES = (("human", "rights", "council"), ("executive", "council"), ("general", "assembly"),
                ("european", "council"), ("african", "union"), ("arab", "league"), ("european", "parliament"),
                ("economic", "and", "social", "council"), ("trusteeship", "council"), ("board", "of", "governors"),
                ("world", "health", "assembly"), ("national", "assembly"))
#: Procedural or partial votes, which are no draft's outcome or tally.
PROCEDURAL = frozenset({"amendment", "amendments", "agenda", "procedural", "adjourn", "adjournment",
                        "paragraph", "paragraphs", "motion", "postpone", "postponement", "recess"})
#: The Security Council's own names: a clause naming it is about the Council, whatever else it names.
COUNCIL_WORDS = (("security", "council"), ("u.n.", "security"), ("un", "security"), ("unsc",))

# --- speakers ------------------------------------------------------------------------------------

#: Speech verbs that are participles ("Congo abstained, arguing that the Human Rights Council is the
#: venue"): they report words only before a clause, and only up to the next comma (votes.reader.frames).
SPEECH_PARTICIPLES = frozenset({"saying", "arguing", "claiming", "insisting", "contending", "asserting", "noting",
                                "stressing", "recalling", "adding", "explaining", "stating", "declaring", "alleging"})
SPEECH = frozenset({"said", "says", "say", "told", "tells", "tell", "stated", "states", "added", "adds", "noted",
                    "notes", "argued", "argues", "claimed", "claims", "insisted", "insists", "stressed",
                    "stresses", "declared", "declares", "announced", "announces", "explained", "explains",
                    "complained", "complains", "acknowledged", "acknowledges", "confirmed", "confirms",
                    "reported", "reports", "suggested", "suggests", "alleged", "alleges", "asserted",
                    "asserts", "wrote", "writes", "tweeted", "recalled", "recalls", "accused", "accuses",
                    "according", "contended", "contends", "charged", "charges", "maintained", "maintains",
                    "quoted", "cited", "believes", "believed", "thinks", "thought", "hinted", "predicts",
                    "indicated", "indicates", "signalled", "signaled", "remarked", "observed", "conceded",
                    "countered", "responded", "replied", "lamented", "warned", "cautioned", "emphasized",
                    "emphasised", "underlined", "reiterated", "posted", "wrote", "assured",
                    "estimated"}) | SPEECH_PARTICIPLES
#: Who may say what the Council did without making it hearsay: the Council and its President
#: announcing its own result ("The President announced that the draft was not adopted").
RECORD_SPEAKERS = frozenset({"council", "president", "presidency", "chair", "secretariat"})
#: News organisations by the words of their names (a name the tokens cut at a hyphen, "Agence
#: France-Presse", by its last word), and the other words their names hold: what one reports of what
#: the Council did is reporting, not a party's claim ("..., CNN reported", "The Associated Press reported").
OUTLET_NAMES = frozenset({"cnn", "reuters", "ap", "afp", "upi", "bbc", "dpa", "efe", "kyodo", "yonhap", "xinhua", "tass",
                          "interfax", "novosti", "anadolu", "associated", "presse", "bloomberg", "nhk", "pti", "ians",
                          "bernama", "antara", "ansa", "jazeera", "ani", "jiji", "times", "guardian", "telegraph",
                          "journal", "tribune", "herald", "globe", "economist", "politico", "axios", "nyt",
                          "mayadeen", "correspondent", "correspondents", "voa"})
OUTLET_WORDS = OUTLET_NAMES | frozenset({"ria", "agence", "france", "aljazeera", "al", "press", "news", "agency", "the",
                                         "-", "wire", "service", "international", "united", "trust", "of", "india",
                                         "un", "u.n.", "nations", "centre", "center", "new", "york", "los", "angeles",
                                         "financial", "wall", "street", "daily", "sunday", "morning", "boston", "chicago"})
#: The UN's own news service ("the UN News Service reported"), known by these words beside "news".
UN_WORDS = frozenset({"un", "u.n.", "nations"})
PRONOUNS = frozenset({"it", "he", "she", "they", "we", "i"})
SELF_WORDS = frozenset({"it", "he", "she", "we", "i", "they", "us", "our", "its", "his", "her", "their"})
#: Words of a speaker phrase: "Western diplomats", "a senior official", "state media", "the agency".
SPEAKER_WORDS = PRONOUNS | frozenset({
    "diplomats", "diplomat", "officials", "official", "sources", "source", "spokesman", "spokeswoman", "envoy",
    "the", "a", "an", "senior", "western", "one", "two", "several", "some", "other", "council", "un", "u.n.",
    "ambassador", "minister", "'", "s", "its", "his", "her", "their", "diplomatic", "government", "analysts",
    "agency", "media", "state", "news", "newspaper", "ministry", "statement", "observers", "critics",
    "experts", "activists", "reports", "report", "spokesperson", "representative", "delegate", "envoys",
    "ambassadors", "president", "foreign", "deputy", "permanent", "mission", "press", "office", "tass",
    "xinhua", "reuters", "interfax", "ria", "sputnik", "afp", "ap", "agence", "france-presse", "wire",
    "kremlin", "white", "house", "department", "pentagon"})
#: A title between a member's name and a person's keeps the name a member's
#: ("Russian Deputy Foreign Minister"); any other capitalised word after it makes a longer
#: proper name ("Russia Today", "The Washington Post", "France Inter").
TITLES = frozenset({"ambassador", "ambassadors", "foreign", "deputy", "minister", "ministers", "ministry",
                    "president", "prime", "defence", "defense", "secretary", "envoy", "envoys", "representative",
                    "representatives", "permanent", "mission", "government", "embassy", "delegation",
                    "delegate", "delegates", "officials", "official", "forces", "army", "navy", "air",
                    "military", "state", "u.n.", "un", "united", "security", "council", "spokesman",
                    "spokeswoman", "spokesperson", "diplomat", "diplomats", "leader", "leaders", "chancellor",
                    "vice", "counsellor", "chargé", "charge", "affaires", "and", "or", "of", "the", "un",
                    "mission's", "ministry's", "senate", "congress", "parliament", "media", "news", "agency",
                    "authorities", "administration", "navy"})
#: Words that, capitalised right before a member's name, make a longer name ("Latin American").
NAME_PREFIXES = frozenset({"latin", "south", "north", "east", "west", "central", "great", "saudi", "arab", "pan",
                           "equatorial", "sub", "anglo", "afro", "indo", "soviet", "papua", "little", "old",
                           "upper", "lower", "greater", "native", "mexican", "african", "asian", "european",
                           "new", "democratic", "united"})
NAMED = frozenset({"called", "named", "nicknamed", "dubbed", "mr", "mrs", "ms", "dr", "st", "saint"})

# --- clauses -------------------------------------------------------------------------------------

CLAUSE_BREAKS = frozenset({";", "while", "whereas", "but", "although", "though", "however", "meanwhile"})

# --- nouns ---------------------------------------------------------------------------------------

#: Words a short opening phrase before a pronoun subject starts with: "With that single gesture, it ...",
#: and the most words such a phrase runs to before its comma (the reader, on the raw sentence, and
#: votes.reader.patterns.subject_start, on tokens, take the same bound).
OPENING_PHRASE_WORDS = frozenset({"with", "in", "on", "at", "after", "by", "for", "during", "within", "moments"})
OPENING_PHRASE_LONGEST = 6
DRAFT_NOUNS = frozenset({"draft", "drafts", "text", "texts", "resolution", "resolutions", "proposal",
                         "proposals", "measure", "motion", "document", "bill"})
COUNCIL_NOUNS = frozenset({"members", "member", "countries", "country", "delegations", "delegation", "states",
                           "nations", "others", "votes", "vote", "ones", "state", "nation"})
MEMBER_NOUNS = frozenset({"members", "countries", "delegations", "states", "nations", "council", "others",
                          "member", "country", "delegation", "state", "nation"})
OTHER_TEXT_WORDS = frozenset({"first", "earlier", "previous", "other", "another", "separate", "second", "rival",
                        "prior", "former", "original"})
EARLIER = frozenset({"earlier", "previous", "prior", "another", "separate", "former", "last", "older", "past",
                     "similar", "2011", "2012", "2014"})
PROPOSALS = frozenset({"proposal", "proposals", "initiative", "plan", "idea", "move", "call", "effort", "efforts",
                       "approach", "amendment", "amendments", "language", "demand", "bid", "ceasefire",
                       "truce", "extension", "renewal"})

# --- fillers: what may stand between a subject and its verb ----------------------------------

TIME_WORDS = frozenset({"today", "yesterday", "tonight", "ago", "week", "weekend", "month", "year", "day",
                        "morning", "afternoon", "evening", "night", "last", "this", "that", "late", "early",
                        "earlier", "later", "previously", "recently", "once", "twice"} | MONTH_WORDS | WEEKDAY_WORDS)
#: Auxiliaries and adverbs that leave a phrase's sense as it is ("has now vetoed", "on Saturday
#: vetoed", "also voted"), together with the words that change its mode, which the engine reads.
#: The code the reader gives "the (Council's 10) non-permanent members": every elected member of the
#: year, which only the draft's year can name (votes.groups.with_elected).
ELECTED = "E10"
#: The head of a subject named by its member: "the Obama administration", "the Russian delegation",
#: "Russia's ambassador".
AGENT_HEADS = frozenset({
    "administration", "government", "delegation", "envoy", "ambassador", "representative", "mission", "delegate",
    "delegates",
    "authorities", "delegations", "governments", "envoys", "ambassadors", "representatives", "missions"})
FILLERS = frozenset({
    "now", "repeatedly", "has", "have", "had", "was", "were", "is", "are", "be", "been", "being", "did", "do",
    "does", "didn", "doesn", "don", "wasn", "weren", "isn", "hasn", "haven", "hadn", "'", "t", "n", "to",
    "also", "only", "both", "all", "then", "again", "instead", "eventually", "ultimately", "duly", "formally",
    "effectively", "promptly", "swiftly", "subsequently", "finally", "themselves", "itself", "alone", "each",
    "herself", "himself",  # "Britain herself vetoed the resolution"
    "outright",  # "with only Russia outright against it"
    # how a member did it, in the writer's judgement: "Russia has shamefully used the veto"
    "shamefully", "cynically", "unilaterally", "callously", "irresponsibly",
    "too", "likewise", "similarly", "predictably", "unsurprisingly", "as", "already", "just", "openly",
    "reluctantly", "in", "on", "at", "during", "the", "a", "of", ".", "meanwhile", "respectively", "together",
    "jointly", "once", "again", "immediately", "quickly", "narrowly", "overwhelmingly", "unanimously", "resoundingly",
    "roundly", "soundly",
    "collectively", "separately", "simultaneously", "similarly", "notably", "tellingly", "pointedly",
    "conspicuously", "in", "turn", "fact", "end", "course", "however", "though", "nonetheless", "nevertheless",
    "moreover", "ultimately", "indeed", "even", "so", "far", "yet", "still", "likewise", "again", "latest",
    "first", "actually", "reportedly", "allegedly", "diplomatically", "increasingly", "apparently", "officially", "dutifully", "unexpectedly",
    "surprisingly", "instead", "somewhat", "partly", "largely", "mostly", "ever", "forced", "obliged",
    # "China chose to abstain", "Britain opted to abstain from the vote", "... all deciding to abstain": it did
    "chose", "opted", "elected", "decided", "choosing", "opting", "electing", "deciding", "chosen",
    # "Russia and China strongly opposed the resolution"
    "strongly", "firmly", "vehemently", "fiercely", "flatly", "staunchly", "bitterly", "resolutely",
    # "The Council unequivocally rejected the draft"
    "unequivocally", "decisively", "categorically", "emphatically",
}) | AGENT_HEADS | TIME_WORDS | NEGATIONS | frozenset(MODALS)

# --- vote words ----------------------------------------------------------------------------------

VOTED = frozenset({"voted", "votes", "vote", "voting"})
VOTED_PAST = frozenset({"voted"})
VOTES = frozenset({"votes", "vote"})
ABSTAINED = frozenset({"abstained", "abstains", "abstain", "abstaining"})
#: Words that open a subordinate clause: a body named on one side of them is not where a vote
#: on the other side was cast, when the Council is named there.
SUBORDINATORS = frozenset({"after", "when", "because", "since", "until", "while", "whereas"})
#: Variant spellings real reports use, read as the usual word ("US vetos UN vote on Jerusalem").
SPELLINGS = {"vetos": "vetoes", "absention": "abstention", "absentions": "abstentions", "abstension": "abstention",
             "abstensions": "abstentions"}
VETO_VERBS = frozenset({"vetoed", "vetoes", "veto", "vetoing"})
VETO_NOUNS = frozenset({"veto", "vetoes"})
CAST = frozenset({"cast", "casts", "casting", "used", "uses", "use", "using", "exercised", "exercises", "exercise",
                  "exercising", "wielded", "wields", "wield", "wielding", "invoked", "invokes", "invoke",
                  "deployed", "deploys", "employed", "employs", "applied"})
SUPPORT_VERBS = frozenset({"backed", "backs", "back", "backing", "supported", "supports", "support", "supporting",
                           "endorsed", "endorses", "endorse",
                           "upheld"})  # "The remaining 11 Council members upheld it" (a translation's word)
FAVOUR = frozenset({"favour", "favor"})
ADOPTED = frozenset({"adopted", "passed", "approved"})
BE = frozenset({"was", "were", "been", "be", "being", "is", "are", "got", "get", "gets"})
DETERMINERS = frozenset({"a", "an", "the", "its", "their", "his", "her", "this", "that", "our"})
DRAFT_MODIFIERS = frozenset({"own", "new", "rival", "revised", "amended", "latest", "u.n.", "un", "security",
                             "united", "nations",
                             "council", "draft", "competing", "alternative", "joint", "initial", "original",
                             "second", "first", "final", "updated", "compromise", "short",
                             "brief", "humanitarian", "counter", "government", "sanctions", "ceasefire", "proposed",
                             "modified", "mild"})
DRAFT_VERBS = frozenset({"drafted", "prepared", "proposed", "sponsored", "tabled", "submitted", "circulated",
                         "presented", "authored", "introduced", "written", "penned", "cosponsored",
                         "led", "crafted", "floated", "championed", "pushed",
                         "spearheaded", "put", "provided", "penned", "prepared", "initiated", "drawn",
                         "submitted", "authored", "brought", "offered", "developed", "produced", "filed"})
DRAFT_VERBS_ACTIVE = frozenset({"circulated", "drafted", "proposed", "tabled", "submitted", "presented",
                                "introduced", "prepared", "authored", "wrote", "circulates", "proposes", "tables",
                                "submits", "presents", "introduces", "prepares", "drafts", "penned", "crafted",
                                "floated", "sponsored", "filed", "files"})
HYPHEN_DRAFTED = frozenset({"drafted", "sponsored", "proposed", "authored", "written", "penned", "led",
                            "backed", "crafted", "drawn", "submitted", "tabled", "initiated", "presented",
                            "introduced", "prepared", "designed"})
OUTCOME_WORDS = frozenset({"adopted", "passed", "approved", "unanimously", "failed", "fails", "fail", "rejected",
                           "defeated", "negative", "fell", "falls", "adopt", "adopting", "blocked", "killed",
                           "sank", "scuppered", "torpedoed"})
#: First words of a meeting record's list headings ("In favour:", "Against:", "Abstaining:").
HEAD_WORDS = frozenset({"in", "against", "abstaining", "abstentions", "abstention", "absent"})

STANCE_WORDS = {
    "support": frozenset({"support", "supports", "supported", "supporting", "backs", "back", "backed", "backing",
                          "welcome", "welcomed", "welcomes", "welcoming", "endorse", "endorsed", "endorses",
                          "endorsing", "favours", "favors", "favoured", "favored"}),
    "oppose": frozenset({"oppose", "opposed", "opposes", "opposing", "unacceptable", "reject", "rejected",
                         "rejects", "rejecting", "object", "objects", "objected", "blackmail", "deplores",
                         "deplored", "condemned", "condemns"}),
    "neutral": frozenset({"consider", "considered", "considers", "considering", "consideration", "undecided",
                          "neutral", "interesting", "position"}),
    "mixed": frozenset({"mixed", "reservation", "reservations"}),
}
STANCE_OF = {word: stance for stance, words in STANCE_WORDS.items() for word in words}
#: Verbs between a member and its stance word: "called unacceptable", "expressed reservations".
STANCE_VERBS = frozenset({"called", "calls", "expressed", "expresses", "voiced", "voices", "had", "has", "have",
                          "deemed", "described", "found", "finds", "was", "is", "were", "are", "no", "some",
                          "strong", "serious", "its", "their", "remained", "remains", "stayed"})

#: Every class a pattern may name as `@name`.
CLASSES: dict[str, frozenset[str]] = {
    "voted": VOTED, "voted-past": VOTED_PAST, "votes": VOTES, "abstained": ABSTAINED, "veto-verb": VETO_VERBS, "veto-noun": VETO_NOUNS, "cast": CAST,
    "support": SUPPORT_VERBS, "favour": FAVOUR, "adopted": ADOPTED, "be": BE, "det": DETERMINERS,
    "draft": DRAFT_NOUNS, "voted-text": frozenset({"draft", "drafts", "text", "texts", "resolution", "resolutions",
                                                 "measure"}), "draft-mod": DRAFT_MODIFIERS, "draft-verb": DRAFT_VERBS,
    "draft-verb-active": DRAFT_VERBS_ACTIVE, "hyphen-drafted": HYPHEN_DRAFTED, "ordinal": ORDINALS, "ordinal-suffix": ORDINAL_SUFFIXES,
    "weekday": WEEKDAY_WORDS, "month": MONTH_WORDS, "count-word": COUNT_WORDS | frozenset({"one", "twelve"}), "member-noun": MEMBER_NOUNS, "proposal": PROPOSALS, "earlier": EARLIER,
    "agent": AGENT_HEADS,
    # what a body rejects that is no text put to the vote: "rejected the suggestion of ..."
    "plea": frozenset({"suggestion", "suggestions", "request", "requests", "appeal", "appeals", "demand", "demands",
                       "claim", "claims", "complaint", "complaints", "idea", "ideas", "plea", "pleas", "accusation",
                       "accusations", "argument", "arguments", "offer", "offers", "notion", "charge", "charges",
                       "allegation", "allegations", "call", "calls"}),
    "stance-oppose": frozenset({"unacceptable", "blackmail", "deplores", "deplored", "condemns", "condemned",
                                "oppose", "opposed", "opposes", "object", "objects", "objected"}),
}
