"""The formats of data/resolutions.yaml, data/council.yaml and seeds/MANIFEST.yaml, as data.

Each file is a tree of `Field`s: what kind of value a field holds, whether it
is required, its fixed levels, what it means. `votes.schema` reads these specs
to type what a user wrote (and to name unknown and missing fields);
`json_schema` turns the same specs into the JSON Schemas under votes/schemas/
that editors use to flag mistakes as you type. One description, two readers,
so they cannot drift apart (tests/test_fields.py checks the committed schemas
against these specs, and both readers against the same broken files).
"""

from __future__ import annotations

from . import supports
from .model import STANCES, STATUSES, TALLY_KEYS, VOTES
from .record import Record

# Kinds of value. Scalars are written as plain text in YAML; each kind says how it is read.
TEXT = "text"  # any text that is not empty
SLUG = "slug"  # lower-case letters, digits and '-': a draft id
DATE = "date"  # YYYY-MM-DD, a real day
COUNT = "count"  # a whole number, 0 or more
BOOL = "bool"  # true or false
CODE = "code"  # a member code: three upper-case letters
YEAR = "year"  # four digits
SHA256 = "sha256"  # 64 lower-case hex digits
CHOICE = "choice"  # one of `levels`
TEXTS = "texts"  # a list of texts
CODES = "codes"  # a list of member codes, each once
PATHS = "paths"  # a list of supports paths
MEMBER_MAP = "member_map"  # member code -> one of `levels`
MAPPING = "mapping"  # fixed fields, `fields`
LIST = "list"  # a list of `items`
KEYED = "keyed"  # a mapping whose keys are of kind `keys` and whose values are `items`
SPAN = "span"  # a period: since 1958, until 1991, 1973 to 2020-01-31, or one year
GROUP = "group"  # a list of members, each a code or `CODE: PERIOD` (or a list of periods)

#: The scalar kinds as regular expressions, where a pattern says it all (JSON Schema and loader alike).
PATTERNS = {
    SLUG: r"^[a-z0-9][a-z0-9-]*$",
    DATE: r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
    CODE: r"^[A-Z]{3}$",
    YEAR: r"^[0-9]{4}$",
    SHA256: r"^[0-9a-f]{64}$",
    TEXT: r"\S",
    SPAN: r"^(?:(?:since|until) [0-9]{4}(?:-[0-9]{2}-[0-9]{2})?|[0-9]{4}(?:-[0-9]{2}-[0-9]{2})?"
          r"(?: to [0-9]{4}(?:-[0-9]{2}-[0-9]{2})?)?)$",
}
#: The facts a quote or a source can back (votes.supports).
SUPPORTS_PATTERN = supports.PATTERN


class Field(Record):
    """One field of a data file: its kind, whether it must be there, and what it means."""

    __slots__ = ("kind", "required", "doc", "levels", "fields", "items", "keys", "one_of")

    def __init__(self, kind: str, required: bool = False, doc: str = "", *, levels: tuple[str, ...] = (),
                 fields: dict[str, Field] | None = None, items: Field | None = None, keys: str | None = None,
                 one_of: tuple[tuple[str, ...], ...] = ()):
        self.kind, self.required, self.doc, self.levels = kind, required, doc, levels
        self.fields = fields or {}
        self.items, self.keys = items, keys
        self.one_of = one_of  # for a mapping: exactly one of these groups of fields is written

    def required_names(self) -> list[str]:
        return [name for name, field in self.fields.items() if field.required]


# --- data/resolutions.yaml ------------------------------------------------------------------------

EVIDENCE = Field(MAPPING, doc="A quote from a seed (seed: and quote:) or an outside source (source:), and the "
                 "facts it backs.", fields={
    "seed": Field(TEXT, doc="The article's file name in seeds/, such as 000_d17f4b8d1948d0a3.txt."),
    "quote": Field(TEXT, doc="The words as the seed has them; '...' joins parts that stand in this order."),
    "source": Field(TEXT, doc="An outside source, such as the UN record; it may back only symbol, meeting "
                    "and date."),
    "supports": Field(PATHS, True, f"The facts this evidence backs: {supports.SUMMARY}."),
}, one_of=(("seed", "quote"), ("source",)))

TALLY = Field(MAPPING, doc="The votes as reported; must agree with votes when those are complete.",
              fields={key: Field(COUNT, doc=f"How many voted {key}.") for key in TALLY_KEYS})

DRAFT = Field(MAPPING, doc="One draft resolution and what is recorded about it.", fields={
    "id": Field(SLUG, True, "A stable lower-case slug, unique: the key everything else uses."),
    "title": Field(TEXT, True, "What the draft would have done, in a line."),
    "date": Field(DATE, True, "The day of the vote, or of the first report when never voted (YYYY-MM-DD)."),
    "status": Field(CHOICE, True, "The outcome.", levels=STATUSES),
    "symbol": Field(TEXT, doc="The UN document symbol, such as S/2016/846."),
    "meeting": Field(TEXT, doc="The meeting record, such as S/PV.7785."),
    "drafted_by": Field(CODES, doc="The members (or other states) who drafted it."),
    "votes": Field(MEMBER_MAP, doc="Member code -> vote. A member left out is unknown, not absent.",
                   levels=VOTES),
    "tally": TALLY,
    "positions": Field(MEMBER_MAP, doc="Stances stated outside a vote.", levels=STANCES),
    "evidence": Field(LIST, doc="The quotes and sources that back the facts.", items=EVIDENCE),
    "notes": Field(TEXT, doc="Free text for the researcher."),
    "procedural": Field(BOOL, doc="true for a procedural decision (Article 27(2) of the Charter), such as "
                        "convening an emergency session of the General Assembly: nine votes (seven before 1966) "
                        "of any members adopt it, and a permanent member's no is no veto."),
})

IGNORE = Field(MAPPING, doc="A vote sentence in a seed that is deliberately not a record, and why.", fields={
    "seed": Field(TEXT, True, "The article's file name in seeds/."),
    "quote": Field(TEXT, True, "The sentence, or the part of it that reports the vote."),
    "reason": Field(TEXT, True, "Why it is not a record."),
})

RECORDS = Field(MAPPING, doc="Hand-checked records of UN Security Council drafts, each fact backed by evidence.",
                fields={
    "drafts": Field(LIST, True, "The drafts.", items=DRAFT),
    "ignore": Field(LIST, doc="Vote sentences in the seeds that are deliberately not records.", items=IGNORE),
})

# --- data/council.yaml ----------------------------------------------------------------------------

MEMBER = Field(MAPPING, doc="A member of the Council.", fields={
    "name": Field(TEXT, True, "The member's name as the UN writes it."),
    "permanent": Field(BOOL, True, "true for the five permanent members."),
    "names": Field(TEXTS, doc="Words that point to the member in articles: country, adjective, capital, envoys."),
})

COUNCIL = Field(MAPPING, doc="Who sits on the UN Security Council, and the words articles use for each member.",
                fields={
    "members": Field(KEYED, True, "ISO 3166-1 alpha-3 code -> member.", keys=CODE, items=MEMBER),
    "seats": Field(KEYED, True, "Year -> the members seated that year: eleven before 1966, fifteen since.", keys=YEAR,
                   items=Field(CODES, doc="The members seated that year.")),
    "groups": Field(KEYED, doc="Named groups for cohesion analysis: a draft's group is its members on the "
                    "draft's day, intersected with the seats of its year.",
                    keys=TEXT, items=Field(GROUP, doc="The group's members: a code, or CODE: PERIOD for a member "
                                           "only in that period (since 1958, until 1991, 1973 to 2020-01-31, 1956).")),
})

# --- seeds/MANIFEST.yaml --------------------------------------------------------------------------

MANIFEST_ENTRY = Field(MAPPING, doc="A seed as received.", fields={
    "sha256": Field(SHA256, True, "The SHA-256 of the file's bytes."),
    "outlet": Field(TEXT, doc="Who published it, where its text says."),
    "title": Field(TEXT, doc="Its first headline."),
    "published": Field(DATE, doc="The latest day the article is dated (YYYY-MM-DD)."),
    "covers": Field(TEXT, doc="What and when the article covers, in a line or two."),
    "url": Field(TEXT, doc="Where it was found: its web address, whose date (/2016/10/08/) dates the article "
                 "where neither published nor its text does."),
})

MANIFEST = Field(MAPPING, doc="The seeds as received.", fields={
    "seeds": Field(KEYED, True, "File name -> its entry.", keys=TEXT, items=MANIFEST_ENTRY),
})

#: The files editors get a schema for: name of the schema file -> (title, spec).
SCHEMAS = {
    "resolutions.schema.json": ("votes: data/resolutions.yaml", RECORDS),
    "council.schema.json": ("votes: data/council.yaml", COUNCIL),
}


# --- JSON Schema --------------------------------------------------------------------------------

def json_schema(spec: Field, title: str) -> dict:
    """The JSON Schema (draft-07) of a file: what editors check as you type."""
    schema = {"$schema": "http://json-schema.org/draft-07/schema#", "title": title}
    schema.update(_schema(spec))
    return schema


def _schema(field: Field) -> dict:
    out: dict = {}
    if field.doc:
        out["description"] = field.doc
    kind = field.kind
    if kind in PATTERNS:
        out.update({"type": "string", "pattern": PATTERNS[kind]})
    elif kind == COUNT:
        out.update({"type": "integer", "minimum": 0})
    elif kind == BOOL:
        out["type"] = "boolean"
    elif kind == CHOICE:
        out["enum"] = list(field.levels)
    elif kind == TEXTS:
        out.update({"type": "array", "items": {"type": "string", "pattern": PATTERNS[TEXT]}})
    elif kind == CODES:
        out.update({"type": "array", "items": {"type": "string", "pattern": PATTERNS[CODE]}, "uniqueItems": True})
    elif kind == GROUP:
        # a year alone reads as a number in an editor's YAML 1.2; the loader reads it as text
        span = {"anyOf": [{"type": "string", "pattern": PATTERNS[SPAN]},
                          {"type": "integer", "minimum": 1000, "maximum": 9999}]}
        out.update({"type": "array", "items": {"oneOf": [
            {"type": "string", "pattern": PATTERNS[CODE]},
            {"type": "object", "minProperties": 1, "maxProperties": 1, "propertyNames": {"pattern": PATTERNS[CODE]},
             "additionalProperties": {"anyOf": [span, {"type": "array", "minItems": 1, "items": span}]}},
        ]}})
    elif kind == PATHS:
        out.update({"type": "array", "items": {"type": "string", "pattern": SUPPORTS_PATTERN}})
    elif kind == MEMBER_MAP:
        out.update({"type": "object", "propertyNames": {"pattern": PATTERNS[CODE]},
                    "additionalProperties": {"enum": list(field.levels)}})
    elif kind == MAPPING:
        out.update({"type": "object", "properties": {n: _schema(f) for n, f in field.fields.items()},
                    "additionalProperties": False})
        if field.required_names():
            out["required"] = field.required_names()
        if field.one_of:  # one group's fields all there, and none of another group's
            out["oneOf"] = [
                {"required": list(group),
                 "not": {"anyOf": [{"required": [name]} for other in field.one_of if other != group
                                   for name in other]}}
                for group in field.one_of]
    elif kind == LIST:
        out.update({"type": "array", "items": _schema(field.items)})
    elif kind == KEYED:
        out.update({"type": "object", "propertyNames": {"pattern": PATTERNS[field.keys]},
                    "additionalProperties": _schema(field.items)})
    else:  # pragma: no cover - a kind added without its schema
        raise ValueError(f"no JSON Schema for kind {kind!r}")
    return out
