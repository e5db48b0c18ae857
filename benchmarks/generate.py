"""Synthetic Council histories for benchmarks and tests: records, council, seeds, manifest.

    python benchmarks/generate.py --drafts 800 --articles 500 --out benchmarks/out/100x [--seed 0]

writes OUT/data/council.yaml, OUT/data/resolutions.yaml, OUT/seeds/*.txt and
OUT/seeds/MANIFEST.yaml such that

    votes validate --strict --data OUT/data/resolutions.yaml --council OUT/data/council.yaml --seeds OUT/seeds

exits 0. Every fact of every record is backed by a sentence written into a
seed for it, in words the statement reader (votes.reader) reads; the votes obey the
Charter and the seats of their year; every vote sentence of the seeds is cited,
ignored or a reprint; the filler prose around them carries no word of voting,
vetoing, drafting or resolutions. The same --seed gives byte-identical output.

`generate(out_dir, drafts, articles, seed)` does the same from Python.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import random
import re
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path

from votes import dates
from votes.charter import ENLARGED_FROM, quota as adoption_threshold  # the Charter's rule of each year, as validated
from votes.vote_words import says_vote_word  # the validator's own test, so filler can never trip coverage

#: A file in OUT marking it as ours, so that regenerating may clear OUT/data and OUT/seeds.
MARKER = ".votes-synthetic"
FIRST_YEAR, LAST_YEAR = 1946, 2025

# --- members ------------------------------------------------------------------------------------
# (code, UN name, short name used in articles, adjective, capital or None, regional group).
# Chosen so that no name is a whole word inside another member's name ("Sudan" in "South
# Sudan", "Spain" in "Port of Spain"): a quote naming one member must not name another.
PERMANENT = [
    ("CHN", "China", "China", "Chinese", "Beijing", "Asia-Pacific"),
    ("FRA", "France", "France", "French", "Paris", "Western European and Others"),
    ("GBR", "United Kingdom", "Britain", "British", "London", "Western European and Others"),
    ("RUS", "Russian Federation", "Russia", "Russian", "Moscow", "Eastern European"),
    ("USA", "United States", "United States", "American", "Washington", None),
]
ELECTED = [
    ("DZA", "Algeria", "Algeria", "Algerian", "Algiers", "African"),
    ("AGO", "Angola", "Angola", "Angolan", "Luanda", "African"),
    ("BEN", "Benin", "Benin", "Beninese", "Porto-Novo", "African"),
    ("BWA", "Botswana", "Botswana", "Botswanan", "Gaborone", "African"),
    ("CMR", "Cameroon", "Cameroon", "Cameroonian", "Yaounde", "African"),
    ("CIV", "Côte d'Ivoire", "Ivory Coast", "Ivorian", "Abidjan", "African"),
    ("EGY", "Egypt", "Egypt", "Egyptian", "Cairo", "African"),
    ("ETH", "Ethiopia", "Ethiopia", "Ethiopian", "Addis Ababa", "African"),
    ("GAB", "Gabon", "Gabon", "Gabonese", "Libreville", "African"),
    ("GHA", "Ghana", "Ghana", "Ghanaian", "Accra", "African"),
    ("GIN", "Guinea", "Guinea", "Guinean", "Conakry", "African"),
    ("KEN", "Kenya", "Kenya", "Kenyan", "Nairobi", "African"),
    ("LBY", "Libya", "Libya", "Libyan", "Tripoli", "African"),
    ("MAR", "Morocco", "Morocco", "Moroccan", "Rabat", "African"),
    ("MLI", "Mali", "Mali", "Malian", "Bamako", "African"),
    ("MOZ", "Mozambique", "Mozambique", "Mozambican", "Maputo", "African"),
    ("MRT", "Mauritania", "Mauritania", "Mauritanian", "Nouakchott", "African"),
    ("NAM", "Namibia", "Namibia", "Namibian", "Windhoek", "African"),
    ("NER", "Niger", "Niger", "Nigerien", "Niamey", "African"),
    ("NGA", "Nigeria", "Nigeria", "Nigerian", "Abuja", "African"),
    ("RWA", "Rwanda", "Rwanda", "Rwandan", "Kigali", "African"),
    ("SEN", "Senegal", "Senegal", "Senegalese", "Dakar", "African"),
    ("SDN", "Sudan", "Sudan", "Sudanese", "Khartoum", "African"),
    ("TCD", "Chad", "Chad", "Chadian", "N'Djamena", "African"),
    ("TGO", "Togo", "Togo", "Togolese", "Lome", "African"),
    ("TUN", "Tunisia", "Tunisia", "Tunisian", "Tunis", "African"),
    ("UGA", "Uganda", "Uganda", "Ugandan", "Kampala", "African"),
    ("ZAF", "South Africa", "South Africa", "South African", "Pretoria", "African"),
    ("ZMB", "Zambia", "Zambia", "Zambian", "Lusaka", "African"),
    ("ZWE", "Zimbabwe", "Zimbabwe", "Zimbabwean", "Harare", "African"),
    ("BGD", "Bangladesh", "Bangladesh", "Bangladeshi", "Dhaka", "Asia-Pacific"),
    ("IND", "India", "India", "Indian", "New Delhi", "Asia-Pacific"),
    ("IDN", "Indonesia", "Indonesia", "Indonesian", "Jakarta", "Asia-Pacific"),
    ("IRQ", "Iraq", "Iraq", "Iraqi", "Baghdad", "Asia-Pacific"),
    ("JPN", "Japan", "Japan", "Japanese", "Tokyo", "Asia-Pacific"),
    ("JOR", "Jordan", "Jordan", "Jordanian", "Amman", "Asia-Pacific"),
    ("KAZ", "Kazakhstan", "Kazakhstan", "Kazakh", "Astana", "Asia-Pacific"),
    ("KWT", "Kuwait", "Kuwait", "Kuwaiti", None, "Asia-Pacific"),
    ("LBN", "Lebanon", "Lebanon", "Lebanese", "Beirut", "Asia-Pacific"),
    ("MYS", "Malaysia", "Malaysia", "Malaysian", "Kuala Lumpur", "Asia-Pacific"),
    ("NPL", "Nepal", "Nepal", "Nepalese", "Kathmandu", "Asia-Pacific"),
    ("PAK", "Pakistan", "Pakistan", "Pakistani", "Islamabad", "Asia-Pacific"),
    ("PHL", "Philippines", "Philippines", "Philippine", "Manila", "Asia-Pacific"),
    ("QAT", "Qatar", "Qatar", "Qatari", "Doha", "Asia-Pacific"),
    ("SGP", "Singapore", "Singapore", "Singaporean", None, "Asia-Pacific"),
    ("LKA", "Sri Lanka", "Sri Lanka", "Sri Lankan", "Colombo", "Asia-Pacific"),
    ("SYR", "Syrian Arab Republic", "Syria", "Syrian", "Damascus", "Asia-Pacific"),
    ("THA", "Thailand", "Thailand", "Thai", "Bangkok", "Asia-Pacific"),
    ("ARE", "United Arab Emirates", "Emirates", "Emirati", "Abu Dhabi", "Asia-Pacific"),
    ("VNM", "Viet Nam", "Vietnam", "Vietnamese", "Hanoi", "Asia-Pacific"),
    ("YEM", "Yemen", "Yemen", "Yemeni", "Sanaa", "Asia-Pacific"),
    ("OMN", "Oman", "Oman", "Omani", "Muscat", "Asia-Pacific"),
    ("ALB", "Albania", "Albania", "Albanian", "Tirana", "Eastern European"),
    ("BLR", "Belarus", "Belarus", "Belarusian", "Minsk", "Eastern European"),
    ("BGR", "Bulgaria", "Bulgaria", "Bulgarian", "Sofia", "Eastern European"),
    ("HRV", "Croatia", "Croatia", "Croatian", "Zagreb", "Eastern European"),
    ("CZE", "Czechia", "Czech Republic", "Czech", "Prague", "Eastern European"),
    ("EST", "Estonia", "Estonia", "Estonian", "Tallinn", "Eastern European"),
    ("HUN", "Hungary", "Hungary", "Hungarian", "Budapest", "Eastern European"),
    ("LTU", "Lithuania", "Lithuania", "Lithuanian", "Vilnius", "Eastern European"),
    ("POL", "Poland", "Poland", "Polish", "Warsaw", "Eastern European"),
    ("ROU", "Romania", "Romania", "Romanian", "Bucharest", "Eastern European"),
    ("SVK", "Slovakia", "Slovakia", "Slovak", "Bratislava", "Eastern European"),
    ("SVN", "Slovenia", "Slovenia", "Slovenian", "Ljubljana", "Eastern European"),
    ("UKR", "Ukraine", "Ukraine", "Ukrainian", "Kyiv", "Eastern European"),
    ("ARG", "Argentina", "Argentina", "Argentine", "Buenos Aires", "Latin American and Caribbean"),
    ("BOL", "Bolivia (Plurinational State of)", "Bolivia", "Bolivian", "La Paz", "Latin American and Caribbean"),
    ("BRA", "Brazil", "Brazil", "Brazilian", "Brasilia", "Latin American and Caribbean"),
    ("CHL", "Chile", "Chile", "Chilean", "Santiago", "Latin American and Caribbean"),
    ("COL", "Colombia", "Colombia", "Colombian", "Bogota", "Latin American and Caribbean"),
    ("CRI", "Costa Rica", "Costa Rica", "Costa Rican", "San Jose", "Latin American and Caribbean"),
    ("CUB", "Cuba", "Cuba", "Cuban", "Havana", "Latin American and Caribbean"),
    ("ECU", "Ecuador", "Ecuador", "Ecuadorian", "Quito", "Latin American and Caribbean"),
    ("GTM", "Guatemala", "Guatemala", "Guatemalan", None, "Latin American and Caribbean"),
    ("GUY", "Guyana", "Guyana", "Guyanese", "Georgetown", "Latin American and Caribbean"),
    ("JAM", "Jamaica", "Jamaica", "Jamaican", "Kingston", "Latin American and Caribbean"),
    ("MEX", "Mexico", "Mexico", "Mexican", None, "Latin American and Caribbean"),
    ("NIC", "Nicaragua", "Nicaragua", "Nicaraguan", "Managua", "Latin American and Caribbean"),
    ("PAN", "Panama", "Panama", "Panamanian", None, "Latin American and Caribbean"),
    ("PRY", "Paraguay", "Paraguay", "Paraguayan", "Asuncion", "Latin American and Caribbean"),
    ("PER", "Peru", "Peru", "Peruvian", "Lima", "Latin American and Caribbean"),
    ("TTO", "Trinidad and Tobago", "Trinidad and Tobago", "Trinidadian", None, "Latin American and Caribbean"),
    ("URY", "Uruguay", "Uruguay", "Uruguayan", "Montevideo", "Latin American and Caribbean"),
    ("VEN", "Venezuela (Bolivarian Republic of)", "Venezuela", "Venezuelan", "Caracas",
     "Latin American and Caribbean"),
    ("AUS", "Australia", "Australia", "Australian", "Canberra", "Western European and Others"),
    ("AUT", "Austria", "Austria", "Austrian", "Vienna", "Western European and Others"),
    ("BEL", "Belgium", "Belgium", "Belgian", "Brussels", "Western European and Others"),
    ("CAN", "Canada", "Canada", "Canadian", "Ottawa", "Western European and Others"),
    ("DNK", "Denmark", "Denmark", "Danish", "Copenhagen", "Western European and Others"),
    ("FIN", "Finland", "Finland", "Finnish", "Helsinki", "Western European and Others"),
    ("DEU", "Germany", "Germany", "German", "Berlin", "Western European and Others"),
    ("GRC", "Greece", "Greece", "Greek", "Athens", "Western European and Others"),
    ("IRL", "Ireland", "Ireland", "Irish", "Dublin", "Western European and Others"),
    ("ITA", "Italy", "Italy", "Italian", "Rome", "Western European and Others"),
    ("MLT", "Malta", "Malta", "Maltese", "Valletta", "Western European and Others"),
    ("NLD", "Netherlands (Kingdom of the)", "Netherlands", "Dutch", "Amsterdam", "Western European and Others"),
    ("NZL", "New Zealand", "New Zealand", "New Zealander", "Wellington", "Western European and Others"),
    ("NOR", "Norway", "Norway", "Norwegian", "Oslo", "Western European and Others"),
    ("PRT", "Portugal", "Portugal", "Portuguese", "Lisbon", "Western European and Others"),
    ("ESP", "Spain", "Spain", "Spanish", "Madrid", "Western European and Others"),
    ("SWE", "Sweden", "Sweden", "Swedish", "Stockholm", "Western European and Others"),
    ("TUR", "Türkiye", "Turkey", "Turkish", "Ankara", "Western European and Others"),
]


@dataclass(frozen=True)
class Member:
    code: str
    name: str
    short: str
    names: tuple[str, ...]
    permanent: bool
    region: str | None


def _members() -> dict[str, Member]:
    out = {}
    for rows, permanent in ((PERMANENT, True), (ELECTED, False)):
        for code, name, short, adjective, capital, region in rows:
            names = tuple(dict.fromkeys(n for n in (short, adjective, capital) if n and n != name))
            out[code] = Member(code, name, short, names, permanent, region)
    return out


MEMBERS = _members()
P5 = [code for code, *_ in PERMANENT]


def seat_history(rng: random.Random) -> dict[int, list[str]]:
    """The seats of each year: the five permanent members and members elected for two-year terms,
    six of them (three a year) until 1965 and ten (five a year) from 1966, as the Council grew."""
    elected = [code for code, *_ in ELECTED]
    seats: dict[int, list[str]] = {}
    serving = rng.sample(elected, 6)
    second_year = set(serving[:3])  # in 1946 half the first members sat for one year only
    for year in range(FIRST_YEAR, LAST_YEAR + 1):
        if year > FIRST_YEAR:
            staying = [c for c in serving if c not in second_year]
            pool = [c for c in elected if c not in serving]  # no immediate re-election
            joining = rng.sample(pool, 7 if year == ENLARGED_FROM else (3 if year < ENLARGED_FROM else 5))
            serving = staying + joining
            # in 1966 two of the seven new members sat for one year, so that five leave each year
            second_year = set(staying) | (set(joining[:2]) if year == ENLARGED_FROM else set())
        seats[year] = P5 + sorted(serving)
    return seats


# --- prose ----------------------------------------------------------------------------------------
# Filler must never look like a vote sentence: no vote, veto, abstain, draft or resolution words.

CITIES = ["Geneva", "Nairobi", "Vienna", "Beirut", "Istanbul", "Amman", "Addis Ababa", "Bangkok", "Dakar",
          "Rome", "Brussels", "Cairo", "Kinshasa", "Jakarta", "Lima", "Oslo", "Tbilisi", "Baku", "Juba",
          "Mogadishu", "Kabul", "Bogota", "Caracas", "Tunis", "Niamey", "Bamako", "Yerevan", "Sarajevo"]
AGENCIES = ["Reuters", "AP", "AFP", "Staff Reporter", "Wire Service", "News Desk"]
SOURCES = ["a local official", "the health ministry", "aid workers", "residents", "a spokesman for the mission",
           "a senior diplomat", "the rescue service", "monitors on the ground", "the interior ministry",
           "a military source", "two people familiar with the talks", "the relief agency"]
SUBJECTS = ["Aid convoys", "Rescue teams", "Government forces", "Rebel fighters", "Relief workers",
            "Peacekeepers", "Election monitors", "Medical teams", "Border guards", "Mediators",
            "Negotiators", "Engineers", "Observers", "Police units", "Volunteers"]
ACTIONS = ["reached the northern district", "withdrew from the main road", "entered the old quarter",
           "restored power to two hospitals", "cleared the bridge near the river",
           "opened a second crossing point", "left the city before dawn", "returned to the airport",
           "set up camps outside the town", "met tribal leaders in the south",
           "delivered food to the besieged suburbs", "recovered the bodies of several civilians"]
EVENTS = ["talks on a ceasefire would resume next week", "the border crossing remained closed",
          "fuel shortages had forced bakeries to close", "schools in the area would reopen on Monday",
          "shelling had damaged the water station", "the airport was operating at half capacity",
          "prices of bread had doubled in a month", "thousands of families had fled the fighting",
          "the curfew would be lifted at the end of the month", "the envoy planned to travel to the region",
          "a cholera outbreak had been contained", "the harvest was the worst in a decade"]
TIMES = ["on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday", "over the weekend",
         "late on Sunday", "earlier this week", "last month", "overnight", "in recent days"]
NUMBERS = ["two", "three", "four", "five", "dozens of", "more than 20", "at least 12", "about 40",
           "nearly 100", "hundreds of", "several", "17"]
NOUNS = ["people", "civilians", "soldiers", "children", "workers", "patients", "refugees", "fighters"]
HURT = ["were killed", "were wounded", "were evacuated", "were reported missing", "were treated",
        "were detained", "were released", "were displaced"]
PLACES = ["the eastern districts", "a village near the border", "the capital", "two camps in the north",
          "the port city", "the mountain pass", "the outskirts of the city", "the main market",
          "a clinic run by a charity", "the industrial zone"]
HEADLINES = ["Fighting flares near {city} as talks stall", "{subject} enter {place} after weeks of shelling",
             "Officials in {city} warn of food shortages", "Diplomats gather in {city} for crisis talks",
             "Thousands flee {place} as clashes spread", "Envoy heads to {city} to press for a truce",
             "Aid groups say access to {place} still blocked"]
SENTENCES = [
    "{subject} {action} {time}, {source} said.",
    "{Number} {noun} {hurt} in {place} {time}, according to {source}.",
    "Officials in {city} said {time} that {event}.",
    "{Source} said {event}.",
    "The situation in {place} has worsened since the start of the year, {source} said.",
    "It was not possible to confirm the reports independently.",
    "{subject} said they had been unable to reach {place} {time}.",
    "In {city}, {source} told reporters that {event}.",
    "There was no immediate comment from the authorities in {city}.",
    "{Source} described conditions in {place} as dire.",
    "The fighting has killed {number} {noun} this year, {source} said.",
    "A statement issued in {city} said {event}.",
    "Diplomats in {city} said {time} that {event}.",
    "{subject} {action} while {source} said {event}.",
]
BYLINES = ["(Reporting by {a}; Editing by {b})", "(Reporting by {a} in {city}; Writing by {b})",
           "(Additional reporting by {a}; Editing by {b})"]
REPORTERS = ["Tom Perry", "Laila Bassam", "John Irish", "Michelle Nichols", "Ellen Francis", "Maria Tsvetkova",
             "Suleiman Al-Khalidi", "Lisa Barrington", "Raissa Kasolowsky", "Peter Graff", "Dominic Evans",
             "Anna Rossi", "Kwame Mensah", "Priya Raman", "Jorge Silva", "Hana Kim"]

TOPICS = ["humanitarian access", "the protection of civilians", "a ceasefire in the north", "arms shipments",
          "the peacekeeping mission", "sanctions monitoring", "the withdrawal of foreign forces",
          "chemical weapons inspections", "the return of refugees", "a no-fly zone", "border demarcation",
          "an inquiry into attacks on hospitals", "the mandate of the observer mission",
          "the release of detainees", "maritime security", "a political transition",
          "the situation in the Middle East", "nuclear non-proliferation", "piracy off the coast",
          "elections in the region", "the blockade of the port", "mine clearance"]
_VOTE_WORD = re.compile(r"\b(?:favou?r|for|against|support\w*|veto\w*|abstain\w*|absent|voted no|no votes?|yes"
                        r"|but|while|whereas|although)\b", re.IGNORECASE)
assert not any(_VOTE_WORD.search(t) for t in TOPICS), "a topic would change what a vote clause says"
DOMESTIC = ["a new budget", "a constitutional amendment", "the electoral law", "a mining code",
            "an amnesty bill", "a tax reform"]
MONTHS = [name.title() for name in dates.MONTHS]
NUMBER_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
                "twelve", "thirteen", "fourteen", "fifteen"]


def _fill(rng: random.Random, template: str) -> str:
    slots = {
        "city": rng.choice(CITIES), "subject": rng.choice(SUBJECTS), "action": rng.choice(ACTIONS),
        "event": rng.choice(EVENTS), "time": rng.choice(TIMES), "number": rng.choice(NUMBERS),
        "noun": rng.choice(NOUNS), "hurt": rng.choice(HURT), "place": rng.choice(PLACES),
        "source": rng.choice(SOURCES),
    }
    slots["Number"] = slots["number"][0].upper() + slots["number"][1:]
    slots["Source"] = slots["source"][0].upper() + slots["source"][1:]
    return template.format(**slots)


def filler_pool(rng: random.Random, size: int = 3000) -> list[str]:
    """Prose sentences that no check can mistake for a vote sentence."""
    pool = []
    while len(pool) < size:
        sentence = _fill(rng, rng.choice(SENTENCES))
        if not says_vote_word(sentence):
            pool.append(sentence)
    return pool


def say_date(rng: random.Random, day: dt.date) -> str:
    if rng.random() < 0.5:
        return f"{day.day} {MONTHS[day.month - 1]} {day.year}"
    return f"{MONTHS[day.month - 1]} {day.day}, {day.year}"


def say_count(rng: random.Random, n: int) -> str:
    return NUMBER_WORDS[n] if rng.random() < 0.3 else str(n)


#: Short names that take "the" in running text.
WITH_ARTICLE = frozenset({"United States", "Czech Republic", "Netherlands", "Philippines", "Emirates"})


def say_name(code: str) -> str:
    short = MEMBERS[code].short
    return f"the {short}" if short in WITH_ARTICLE else short


def capital_first(text: str) -> str:
    return text[0].upper() + text[1:]


def join_names(codes) -> str:
    names = [say_name(c) for c in codes]
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + " and " + names[-1]


# --- records --------------------------------------------------------------------------------------

@dataclass
class Quote:
    """A sentence written into a seed, and the facts its quote backs."""

    seed_form: str  # as the article prints it
    quote: str  # as the record quotes it (may differ in spacing, or skip a middle part with '...')
    supports: list[str]
    article: int = -1


@dataclass
class Draft:
    id: str
    title: str
    date: dt.date
    status: str
    drafted_by: list[str]
    symbol: str | None = None
    meeting: str | None = None
    votes: dict[str, str] = field(default_factory=dict)
    tally: dict[str, int] | None = None
    positions: dict[str, str] = field(default_factory=dict)
    paragraph: list[Quote] = field(default_factory=list)  # printed together in one article
    elsewhere: list[Quote] = field(default_factory=list)  # each printed in another article
    sources: list[tuple[str, list[str]]] = field(default_factory=list)


def charter_outcome(votes: dict[str, str], threshold: int) -> str:
    yes = sum(v == "yes" for v in votes.values())
    if yes < threshold:
        return "failed"
    return "vetoed" if any(votes.get(p) == "no" for p in P5) else "adopted"


def full_votes(rng: random.Random, status: str, seated: list[str], threshold: int) -> tuple[dict[str, str], list[str]]:
    """Votes of every seated member giving `status` under `threshold`, and the permanent members who vetoed."""
    elected = [c for c in seated if c not in P5]
    votes: dict[str, str] = {}
    vetoers: list[str] = []
    if status == "adopted":
        yes = len(seated) if rng.random() < 0.4 else rng.randint(threshold, len(seated) - 1)
        for code in rng.sample(seated, yes):
            votes[code] = "yes"
        for code in seated:
            if code not in votes:
                if code in P5:
                    votes[code] = "abstain"
                else:
                    votes[code] = rng.choice(["no", "abstain", "abstain", "absent"] if rng.random() < 0.1
                                             else ["no", "abstain", "abstain"])
    elif status == "vetoed":
        vetoers = rng.sample(P5, 1 if rng.random() < 0.75 else 2)
        for code in vetoers:
            votes[code] = "no"
        others = [c for c in seated if c not in vetoers]
        yes = rng.randint(threshold, len(others))
        for code in rng.sample(others, yes):
            votes[code] = "yes"
        for code in others:
            if code not in votes:
                votes[code] = "abstain" if code in P5 else rng.choice(["no", "abstain"])
    else:  # failed
        yes = rng.randint(1, threshold - 1)  # at least the drafters
        for code in rng.sample(seated, yes):
            votes[code] = "yes"
        for code in seated:
            if code not in votes:
                votes[code] = rng.choice(["no", "no", "abstain"])
    assert charter_outcome(votes, threshold) == status and len(votes) == len(seated) and set(elected) <= set(votes)
    return {c: votes[c] for c in seated}, sorted(vetoers)


def tally_of(votes: dict[str, str]) -> dict[str, int]:
    return {k: sum(v == k for v in votes.values()) for k in ("yes", "no", "abstain")}


GROUP_PHRASES = {
    "yes": ["voted in favour", "voted for it", "voted in favor"],
    "no": ["voted against", "voted against it"],
    "abstain": ["abstained"],
    "absent": ["did not take part", "did not participate"],
}
OTHERS_PHRASES = {
    "yes": "voted in favour of", "no": "voted against", "abstain": "abstained on", "absent": "were absent from",
}
STANCE_PHRASES = {
    "support": ["said it backed", "said it supported", "welcomed"],
    "oppose": ["said it opposed", "rejected", "called unacceptable"],
    "neutral": ["said it was still considering", "said it had no position yet on", "said it was undecided on"],
    "mixed": ["expressed reservations about", "had mixed views on"],
}
STANCE_OF_VOTE = {"yes": ["support"], "no": ["oppose"], "abstain": ["mixed", "neutral"], "absent": ["neutral"]}


def _vary(rng: random.Random, sentence: str) -> tuple[str, str]:
    """(seed form, quote form): sometimes the article has a non-breaking or double space the
    researcher typed as one space, so the quote is found only after normalising."""
    if rng.random() < 0.15 and " " in sentence:
        spaces = [i for i, ch in enumerate(sentence) if ch == " "]
        at = rng.choice(spaces)
        gap = rng.choice(["\u00a0", "  "])
        return sentence[:at] + gap + sentence[at + 1:], sentence
    return sentence, sentence


def make_draft(rng: random.Random, index: int, seats: dict[int, list[str]], symbols: dict[int, int],
               unvoted: set | None = None) -> Draft:
    """One synthetic draft; `unvoted` holds the (day, drafters) of the drafts never voted on so far,
    which have no symbol: two of them on one day by the same drafters would be one record twice."""
    year = rng.randint(FIRST_YEAR, LAST_YEAR)
    day = dt.date(year, 1, 1) + dt.timedelta(days=rng.randrange(365))
    seated = seats[year]
    roll = rng.random()
    status = ("adopted" if roll < 0.42 else "vetoed" if roll < 0.67 else "failed" if roll < 0.85 else "not-voted")
    topic = rng.choice(TOPICS)
    votes, vetoers = full_votes(rng, status, seated, adoption_threshold(year)) if status != "not-voted" else ({}, [])
    # drafters vote for their own text
    backers = [c for c in seated if votes.get(c, "yes") == "yes"]
    drafters = sorted(rng.sample(backers, min(len(backers), rng.choice([1, 1, 1, 2, 2, 3]))))
    if status == "not-voted" and unvoted is not None:
        while (day, tuple(drafters)) in unvoted:  # the next free day of the year, no draw of the generator
            day = day + dt.timedelta(days=1) if (day + dt.timedelta(days=1)).year == year else dt.date(year, 1, 1)
        unvoted.add((day, tuple(drafters)))
    slug = re.sub(r"[^a-z0-9]+", "-", topic.lower()).strip("-")
    draft = Draft(f"syn-{index:05d}-{slug}-{year}", f"Draft on {topic} put forward by {join_names(drafters)}",
                  day, status, drafters)
    when = say_date(rng, day)
    if status == "not-voted":
        text = (f"{capital_first(join_names(drafters))} circulated a draft on {topic} among Council members on {when}, "
                f"but it was never put to the Council.")
        seed_form, quote = _vary(rng, text)
        draft.paragraph.append(Quote(seed_form, quote, ["drafted_by", "status", "date"]))
        for code in rng.sample([c for c in seated if c not in drafters], rng.randint(0, 3)):
            stance = rng.choice(list(STANCE_PHRASES))
            draft.positions[code] = stance
            phrase = rng.choice(STANCE_PHRASES[stance])
            text = f"On {when}, {say_name(code)} {phrase} the proposal on {topic} from {join_names(drafters)}."
            draft.elsewhere.append(Quote(text, text, [f"positions.{code}"]))
        return draft

    symbols[year] = symbols.get(year, 0) + 1
    draft.symbol = f"S/{year}/{symbols[year] * 7 + rng.randrange(7)}"
    sym = draft.symbol
    if rng.random() < 0.3:
        draft.meeting = f"S/PV.{(year - FIRST_YEAR) * 120 + symbols[year]}"
        draft.sources.append((f"UN Digital Library: {draft.meeting}, the meeting that voted on {sym}",
                              ["meeting", "symbol", "date"]))
    complete = rng.random() < 0.8
    tally = tally_of(votes)
    quotes: list[Quote] = []

    # the outcome, the drafters and the date in one sentence
    if status == "vetoed":
        head = f"{capital_first(join_names(vetoers))} vetoed draft {sym}, which {join_names(drafters)} had put forward"
        tail = f"on {topic}, at a meeting on {when}."
        text = f"{head} {tail}"
        if rng.random() < 0.3:  # the researcher skipped the topic
            quotes.append(Quote(text, f"{head} ... on {when}.",
                                ["status", "symbol", "date", "drafted_by"] + [f"votes.{c}" for c in vetoers]))
        else:
            seed_form, quote = _vary(rng, text)
            quotes.append(Quote(seed_form, quote,
                                ["status", "symbol", "date", "drafted_by"] + [f"votes.{c}" for c in vetoers]))
        cited = set(vetoers)
    elif status == "adopted":
        verb = rng.choice(["adopted", "unanimously adopted"]) if tally["yes"] == len(seated) else "adopted"
        text = (f"The Council {verb} draft {sym} on {topic}, which {join_names(drafters)} had put forward, "
                f"on {when}.")
        seed_form, quote = _vary(rng, text)
        quotes.append(Quote(seed_form, quote, ["status", "symbol", "date", "drafted_by"]))
        cited = set()
    else:
        text = (f"Draft {sym} on {topic}, put forward by {join_names(drafters)}, failed on {when} "
                f"for lack of nine votes in favour.")
        seed_form, quote = _vary(rng, text)
        quotes.append(Quote(seed_form, quote, ["status", "symbol", "date", "drafted_by"]))
        cited = set()

    with_tally = rng.random() < (0.9 if complete else 0.6)
    if with_tally:
        yes, no, abstain = (tally[k] for k in ("yes", "no", "abstain"))
        text = (f"Draft {sym} received {say_count(rng, yes)} vote{'s' * (yes != 1)} in favour, "
                f"{say_count(rng, no)} against and {say_count(rng, abstain)} abstention{'s' * (abstain != 1)}.")
        seed_form, quote = _vary(rng, text)
        quotes.append(Quote(seed_form, quote, ["tally.yes", "tally.no", "tally.abstain"]))
        draft.tally = tally

    if complete:
        recorded = dict(votes)
        levels = [v for v in ("yes", "no", "abstain") if v in recorded.values()]
        majority = max(levels, key=lambda v: sum(x == v for x in recorded.values()))
        named = [c for c, v in recorded.items() if v != majority and c not in cited]
    else:  # a few votes are known, the rest left unknown
        extra = rng.sample([c for c in votes if c not in vetoers], rng.randint(0 if vetoers else 1, 3))
        recorded = {c: votes[c] for c in votes if c in vetoers or c in extra}
        majority = None
        named = [c for c in recorded if c not in cited]
    draft.votes = recorded
    groups = {}
    for code in named:
        groups.setdefault(recorded[code], []).append(code)
    if groups:
        parts = [f"{join_names(codes)} {rng.choice(GROUP_PHRASES[level])}" for level, codes in groups.items()]
        text = f"On draft {sym}, " + parts[0]
        joints = rng.sample([", while ", "; ", ", whereas "], 3)
        for joint, part in zip(joints, parts[1:]):
            text += joint + part
        seed_form, quote = _vary(rng, text + ".")
        quotes.append(Quote(seed_form, quote, [f"votes.{c}" for c in named]))
    if majority is not None:
        others = [c for c, v in recorded.items() if v == majority and c not in named and c not in cited]
        n = len(others)
        if n == len(recorded):
            text = f"All {say_count(rng, n)} members {OTHERS_PHRASES[majority]} draft {sym}."
        elif n == 1:
            text = f"The remaining member {OTHERS_PHRASES[majority]} draft {sym}."
        else:
            word = rng.choice(["remaining", "other"])
            text = f"The {word} {say_count(rng, n)} members {OTHERS_PHRASES[majority]} draft {sym}."
        if n:
            seed_form, quote = _vary(rng, text)
            quotes.append(Quote(seed_form, quote, ["votes.others"]))
    draft.paragraph = quotes

    for code in rng.sample(seated, rng.choice([0, 0, 0, 1, 2])):
        vote = votes[code]
        stance = rng.choice(STANCE_OF_VOTE[vote])
        draft.positions[code] = stance
        phrase = rng.choice(STANCE_PHRASES[stance])
        text = f"Before the meeting on {sym}, {say_name(code)} {phrase} the text on {topic}."
        draft.elsewhere.append(Quote(text, text, [f"positions.{code}"]))
    return draft


IGNORABLE = [
    ("The parliament of {country} voted on {domestic} on {when}.", "a national parliament, not the Council"),
    ("The General Assembly adopted a resolution on {topic} on {when}.", "the General Assembly, not the Council"),
    ("Lawyers for {country} said the court would rule on {when} whether the vote on {domestic} was valid.",
     "a national vote before a court, not the Council"),
]
RULE = "A Council resolution needs nine votes in favour and no veto by a permanent member to be adopted."


# --- writing --------------------------------------------------------------------------------------

def q(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def council_yaml(seats: dict[int, list[str]]) -> str:
    used = sorted({c for codes in seats.values() for c in codes}, key=lambda c: (c not in P5, c))
    lines = ["# Synthetic council written by benchmarks/generate.py: plausible members, seats 1946-2025.",
             "members:"]
    for code in used:
        m = MEMBERS[code]
        lines += [f"  {code}:", f"    name: {q(m.name)}", f"    permanent: {'true' if m.permanent else 'false'}",
                  f"    names: [{', '.join(q(n) for n in m.names)}]"]
    lines.append("seats:")
    for year, codes in seats.items():
        lines.append(f"  {year}: [{', '.join(codes)}]")
    lines += ["groups:", "  P5: [CHN, FRA, GBR, RUS, USA]", "  P3: [FRA, GBR, USA]",
              f"  E10: [{', '.join(c for c in used if c not in P5)}]"]
    regions: dict[str, list[str]] = {}
    for code in used:
        if MEMBERS[code].region:
            regions.setdefault(MEMBERS[code].region + " Group", []).append(code)
    for name, codes in sorted(regions.items()):
        lines.append(f"  {name}: [{', '.join(codes)}]")
    return "\n".join(lines) + "\n"


def records_yaml(drafts: list[Draft], seed_names: list[str], ignores: list[tuple[int, str, str]]) -> str:
    lines = ["# Synthetic records written by benchmarks/generate.py; every fact is backed by a seed sentence.",
             "drafts:" if drafts else "drafts: []"]
    for d in drafts:
        lines += [f"  - id: {d.id}"]
        if d.symbol:
            lines.append(f"    symbol: {d.symbol}")
        if d.meeting:
            lines.append(f"    meeting: {d.meeting}")
        lines += [f"    title: {q(d.title)}", f"    date: {d.date.isoformat()}", f"    status: {d.status}",
                  f"    drafted_by: [{', '.join(d.drafted_by)}]"]
        if d.votes:
            lines.append("    votes:")
            lines += [f"      {code}: {vote}" for code, vote in d.votes.items()]
        if d.tally is not None:
            lines.append(f"    tally: {{yes: {d.tally['yes']}, no: {d.tally['no']}, abstain: {d.tally['abstain']}}}")
        if d.positions:
            lines.append("    positions: {" + ", ".join(f"{c}: {s}" for c, s in d.positions.items()) + "}")
        lines.append("    evidence:")
        for quote in d.paragraph + d.elsewhere:
            lines += [f"      - seed: {seed_names[quote.article]}", f"        quote: {q(quote.quote)}",
                      f"        supports: [{', '.join(quote.supports)}]"]
        for source, supports in d.sources:
            lines += [f"      - source: {q(source)}", f"        supports: [{', '.join(supports)}]"]
    lines.append("ignore:" if ignores else "ignore: []")
    for article, quote, reason in ignores:
        lines += [f"  - seed: {seed_names[article]}", f"    quote: {q(quote)}", f"    reason: {q(reason)}"]
    return "\n".join(lines) + "\n"


def _article(rng: random.Random, pool: list[str], inserts: list[str], size: int) -> str:
    """Stories of filler paragraphs with the given paragraphs placed among them, about `size` bytes."""
    budget = max(size - sum(len(p.encode()) for p in inserts), 2000)
    paragraphs: list[str] = []
    used = 0
    while used < budget:
        if not paragraphs or rng.random() < 0.08:  # a new story: headline, caption, dateline
            if paragraphs:
                paragraphs.append(rng.choice(BYLINES).format(a=rng.choice(REPORTERS), b=rng.choice(REPORTERS),
                                                             city=rng.choice(CITIES)))
            paragraphs.append(_fill(rng, rng.choice(HEADLINES)))
            paragraphs.append(f"{rng.choice(CITIES).upper()} ({rng.choice(AGENCIES)}) \u2013 {rng.choice(pool)}")
        else:
            paragraphs.append(" ".join(rng.choice(pool) for _ in range(rng.randint(1, 5))))
        used += len(paragraphs[-1].encode()) + 2
    for text in inserts:  # after the first headline, among the stories
        paragraphs.insert(rng.randint(2, len(paragraphs)), text)
    paragraphs.append(rng.choice(BYLINES).format(a=rng.choice(REPORTERS), b=rng.choice(REPORTERS),
                                                 city=rng.choice(CITIES)))
    return "\n\n".join(paragraphs) + "\n"


def generate(out_dir: Path, drafts: int, articles: int, seed: int = 0) -> dict:
    """Write a synthetic project under out_dir (data/ and seeds/); returns counts of what was written."""
    if articles < 1 or drafts < 0:
        raise ValueError("need at least one article and zero or more drafts")
    out_dir = Path(out_dir)
    _prepare(out_dir)
    rng = random.Random(seed)
    seats = seat_history(rng)
    pool = filler_pool(rng)
    symbols: dict[int, int] = {}
    unvoted: set = set()
    records = [make_draft(rng, i + 1, seats, symbols, unvoted) for i in range(drafts)]
    inserts: list[list[str]] = [[] for _ in range(articles)]
    cited: list[Quote] = []
    for d in records:
        home = rng.randrange(articles)
        for quote in d.paragraph:
            quote.article = home
        if d.paragraph:
            inserts[home].append(" ".join(quote.seed_form for quote in d.paragraph))
        for quote in d.elsewhere:
            quote.article = rng.randrange(articles) if articles > 1 else home
            inserts[quote.article].append(quote.seed_form)
        cited += d.paragraph + d.elsewhere
        if articles > 1 and d.paragraph and rng.random() < 0.1:  # another outlet reprints a sentence
            again = rng.choice([i for i in range(articles) if i != home] if articles > 1 else [home])
            inserts[again].append(rng.choice(d.paragraph).seed_form)
    ignores: list[tuple[int, str, str]] = []
    rule_ignored = False
    for article in range(articles):
        if rng.random() < 0.3:
            template, reason = rng.choice(IGNORABLE)
            day = dt.date(rng.randint(FIRST_YEAR, LAST_YEAR), 1, 1) + dt.timedelta(days=rng.randrange(365))
            text = template.format(country=MEMBERS[rng.choice(list(MEMBERS))].short, domestic=rng.choice(DOMESTIC),
                                   topic=rng.choice(TOPICS), when=say_date(rng, day))
            inserts[article].append(text)
            ignores.append((article, text, reason))
        if rng.random() < 0.1:  # the Charter's rule, quoted by many articles, ignored once
            inserts[article].append(RULE)
            if not rule_ignored:
                ignores.append((article, RULE, "the Charter's voting rule, not a vote"))
                rule_ignored = True
    for texts in inserts:
        rng.shuffle(texts)

    seeds_dir = out_dir / "seeds"
    names, texts = [], []
    for i in range(articles):
        text = _article(rng, pool, inserts[i], rng.randint(10_000, 40_000))
        name = f"{i:04d}_{rng.getrandbits(64):016x}.txt"
        names.append(name)
        texts.append(text)
    _check_unique(cited, ignores, texts)
    # An article is published after the last vote it reports (or at the end of the history).
    published = [dt.date(LAST_YEAR, 12, 31)] * articles
    for d in records:
        for quote in d.paragraph + d.elsewhere:
            published[quote.article] = max(published[quote.article], d.date)
    manifest = ["# Synthetic seeds written by benchmarks/generate.py.", "seeds:"]
    for name, text, day in zip(names, texts, published):
        raw = text.encode("utf-8")
        (seeds_dir / name).write_bytes(raw)
        title = text.split("\n", 1)[0]
        manifest += [f"  {name}:", f"    sha256: {hashlib.sha256(raw).hexdigest()}", "    outlet: Synthetic Wire",
                     f"    title: {q(title)}", f"    published: {day.isoformat()}"]
    (seeds_dir / "MANIFEST.yaml").write_text("\n".join(manifest) + "\n", encoding="utf-8")
    (out_dir / "data" / "council.yaml").write_text(council_yaml(seats), encoding="utf-8")
    (out_dir / "data" / "resolutions.yaml").write_text(records_yaml(records, names, ignores), encoding="utf-8")
    return {"drafts": drafts, "articles": articles, "quotes": len(cited), "ignores": len(ignores),
            "seed_bytes": sum(len(t.encode()) for t in texts)}


def _check_unique(cited: list[Quote], ignores, texts: list[str]) -> None:
    """Each quote must be found at the sentence written for it, not inside another one first."""
    for quote in cited:
        text = texts[quote.article]
        first = quote.quote.split(" ... ")[0]
        for part in {quote.seed_form, first if first in quote.seed_form else quote.seed_form}:
            if text.count(part) != 1:
                raise AssertionError(f"printed {text.count(part)} times in article {quote.article}: {part!r}")
    for article, quote, _ in ignores:
        if texts[article].count(quote) != 1:
            raise AssertionError(f"ignored sentence not unique in article {article}: {quote!r}")


def _prepare(out_dir: Path) -> None:
    """Make OUT/data and OUT/seeds empty, refusing to clear folders this script did not write."""
    marker = out_dir / MARKER
    for sub in ("data", "seeds"):
        path = out_dir / sub
        if path.exists() and any(path.iterdir()):
            if not marker.exists():
                raise FileExistsError(f"{path} exists and was not written by this generator; choose another --out")
            shutil.rmtree(path)
    out_dir.mkdir(parents=True, exist_ok=True)
    marker.write_text("written by benchmarks/generate.py; data/ and seeds/ here are regenerated freely\n")
    for sub in ("data", "seeds"):
        (out_dir / sub).mkdir(exist_ok=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--drafts", type=int, required=True, help="number of draft records")
    parser.add_argument("--articles", type=int, required=True, help="number of seed articles")
    parser.add_argument("--out", type=Path, required=True, help="folder to write data/ and seeds/ into")
    parser.add_argument("--seed", type=int, default=0, help="random seed (same seed, same bytes)")
    args = parser.parse_args(argv)
    try:
        counts = generate(args.out, args.drafts, args.articles, args.seed)
    except (FileExistsError, ValueError) as exc:
        print(f"generate.py: {exc}", file=sys.stderr)
        return 2
    print(f"wrote {counts['drafts']} drafts, {counts['quotes']} quotes, {counts['ignores']} ignore entries and "
          f"{counts['articles']} articles ({counts['seed_bytes'] / 1e6:.1f} MB) under {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
