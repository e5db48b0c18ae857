"""From located YAML trees to model values, collecting every shape problem.

Each field's type is decided here, not by YAML's resolver: `no` under votes is
the vote "no", `NOR` is a member code, `2016-10-08` under date is a date and
anything else there is an error naming the line. Unknown fields are errors
with the closest known name as the hint, so a typo never silently drops data.
"""

from __future__ import annotations

import datetime as dt
import re

from . import fields as spec
from .fields import CODE, SHA256, SLUG, Field
from .model import (
    TALLY_KEYS, Council, Draft, Evidence, Group, GroupMember, Ignore, Loc, Manifest, ManifestEntry, Member, Records, Span,
)
from .problems import ERROR, MISSHAPEN_RECORD, WARNING, Code, Problem
from .read import YNode


#: The problems of the records' shape: the records were read, but a field is missing, unknown or
#: of the wrong kind, so the facts it holds cannot be exported or shown.
CODES = tuple(Code(name, ERROR, meaning, MISSHAPEN_RECORD) for name, meaning in (
    ("field-unknown", "a field the format does not have (often a typo)"),
    ("field-missing", "a required field is absent"),
    ("field-type", "a field holds the wrong kind of value (a list for a mapping, text for a number ...)"),
    ("value-invalid", "a value outside its fixed set (vote, status, stance, supports path ...)"),
    ("date-invalid", "a date that is not a real YYYY-MM-DD day"),
    ("id-invalid", "a draft id that is not a lower-case slug"),
    ("id-duplicate", "two drafts share an id"),
    ("member-code-invalid", "a member code that is not three upper-case letters"),
    ("member-unknown", "a member code that data/council.yaml does not define"),
)) + (Code("quote-comment", WARNING, "an unquoted ' #' cut the quote short: YAML read the rest as a comment"),)


def _whole(kind: str) -> re.Pattern:
    """The pattern of a kind of value, from the field specs, for fullmatch."""
    return re.compile(spec.PATTERNS[kind].removeprefix("^").removesuffix("$"))


CODE_RE = _whole(CODE)
ID_RE = _whole(SLUG)
SHA_RE = _whole(SHA256)
DATE_RE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
KIND_NAMES = {"map": "a mapping", "seq": "a list", "scalar": "a single value"}


def _loc(node: YNode) -> Loc:
    return Loc(node.line, node.col)


class _Builder:
    """Collects problems for one file while its tree is turned into values."""

    def __init__(self, path: str):
        self.path = path
        self.problems: list[Problem] = []
        self.keys: dict[str, YNode] = {}  # key nodes of the last mapping read by fields()
        self.draft: str | None = None
        self.subject: str | None = None
        self.seated: tuple[str, ...] | None = None  # the seats of the draft being read, when its year has them
        self.year: int | None = None

    def problem(self, code: str, node: YNode, field_: str | None, message: str, hint: str | None = None):
        self.problems.append(Problem(code, message, self.path, node.line, node.col,
                                     self.draft, field_, hint, self.subject))

    # -- shapes -----------------------------------------------------------------------------
    def expect(self, node: YNode, kind: str, field_: str | None, example: str) -> bool:
        if node.kind == kind:
            return True
        got = "nothing" if node.is_null() else KIND_NAMES[node.kind]
        self.problem("field-type", node, field_, f"expected {KIND_NAMES[kind]}, found {got}",
                     f"write it as {example}")
        return False

    def fields(self, node: YNode, mapping: Field, field_: str | None, example: str):
        """The fields of a mapping, by its spec; unknown ones and missing required ones are problems."""
        if not self.expect(node, "map", field_, example):
            return None
        known = mapping.fields
        found = {}
        self.keys = {}
        for name, (key, value) in node.value.items():
            if name in known:
                found[name] = value
                self.keys[name] = key
                continue
            close = _close(name, list(known))
            hint = f"did you mean '{close[0]}'?" if close else f"known fields: {', '.join(known)}"
            inner = f"{field_}.{name}" if field_ else name
            self.problem("field-unknown", key, inner, f"unknown field '{name}'", hint)
        for name in mapping.required_names():
            if name not in found:
                inner = f"{field_}.{name}" if field_ else name
                self.problem("field-missing", node, inner, f"required field '{name}' is missing",
                             f"add '{name}:' to this mapping")
        return found

    def text(self, node: YNode, field_: str, *, example: str = "plain text") -> str | None:
        # an empty quoted "" is as empty as nothing: an empty quote would match anywhere, an empty
        # reason would silently drop its ignore entry
        if node.is_null() or (node.kind == "scalar" and not node.value.strip()):
            self.problem("field-type", node, field_, "is empty", f"write it as {example}")
            return None
        if not self.expect(node, "scalar", field_, example):
            return None
        return node.value

    def integer(self, node: YNode, field_: str) -> int | None:
        if not self.expect(node, "scalar", field_, "a whole number such as 11"):
            return None
        if not (node.plain and node.value.isascii() and node.value.isdigit()):
            self.problem("field-type", node, field_, f"expected a whole number, found '{node.value}'",
                         "write a count such as 11, without quotes")
            return None
        return int(node.value)

    def boolean(self, node: YNode, field_: str) -> bool | None:
        if node.kind == "scalar" and node.plain and node.value.lower() in ("true", "false"):
            return node.value.lower() == "true"
        shown = node.value if node.kind == "scalar" else KIND_NAMES[node.kind]
        self.problem("field-type", node, field_, f"expected true or false, found '{shown}'",
                     "write true or false")
        return None

    def date(self, node: YNode, field_: str) -> dt.date | None:
        value = self.text(node, field_, example="a date such as 2016-10-08")
        if value is None:
            return None
        match = DATE_RE.fullmatch(value)
        if match:
            try:
                return dt.date(*map(int, match.groups()))
            except ValueError as exc:
                self.problem("date-invalid", node, field_, f"'{value}' is not a real day ({exc})",
                             "check the day and month")
                return None
        self.problem("date-invalid", node, field_, f"'{value}' is not a date in the form YYYY-MM-DD",
                     "write it as 2016-10-08")
        return None

    def scalar(self, node: YNode, field: Field, field_: str):
        """A single value of the kind its spec gives: text, date, one of fixed levels, count, true/false."""
        kind = field.kind
        if kind == spec.DATE:
            return self.date(node, field_)
        if kind == spec.CHOICE:
            return self.choice(node, field_, field.levels)
        if kind == spec.COUNT:
            return self.integer(node, field_)
        if kind == spec.BOOL:
            return self.boolean(node, field_)
        if kind == spec.TEXT:
            return self.text(node, field_)
        raise ValueError(f"{field_}: {kind} is not a single value")  # pragma: no cover - a spec mistake

    def choice(self, node: YNode, field_: str, levels: tuple[str, ...]) -> str | None:
        if node.kind == "scalar" and not node.is_null() and node.value in levels:
            return node.value
        shown = node.value if node.kind == "scalar" else KIND_NAMES[node.kind]
        lowered = shown.lower() if isinstance(shown, str) else shown
        hint = f"use one of: {', '.join(levels)}"
        if lowered in levels:
            hint = f"write it in lower case: {lowered}"
        self.problem("value-invalid", node, field_, f"'{shown}' is not one of {', '.join(levels)}", hint)
        return None

    def code(self, node: YNode, field_: str, members: dict[str, Member] | None) -> str | None:
        """A member code: three upper-case letters that council.yaml defines."""
        value = node.value if node.kind == "scalar" else None
        if value is None or not CODE_RE.fullmatch(value):
            shown = value if value is not None else KIND_NAMES[node.kind]
            hint = "member codes are ISO 3166-1 alpha-3 in upper case, such as RUS"
            if isinstance(value, str):
                guess = suggest_members(value, members, self.seated, self.year)
                if guess:
                    hint = f"did you mean {guess}?"
            self.problem("member-code-invalid", node, field_, f"'{shown}' is not a member code", hint)
            return None
        if members is not None and value not in members:
            guess = suggest_members(value, members, self.seated, self.year)
            hint = f"did you mean {guess}?" if guess else "add the member to data/council.yaml"
            self.problem("member-unknown", node, field_, f"member '{value}' is not in the council file", hint)
            return None
        return value


def _close(name: str, known: list[str]) -> list[str]:
    import difflib  # only when there is a typo to explain

    return difflib.get_close_matches(name, known, n=1, cutoff=0.6)


#: Short words left out of a name's initials: "Bosnia and Herzegovina" is BH, "Republic of Korea" RK.
_MINOR_WORDS = frozenset({"of", "and", "the", "de", "du", "des"})


def _initials(name: str) -> str:
    return "".join(word[0] for word in re.findall(r"[^\W\d_]+", name) if word.lower() not in _MINOR_WORDS).upper()


def suggest_members(value: str, members: dict[str, Member] | None, seated: tuple[str, ...] | None = None,
                    year: int | None = None) -> str | None:
    """What a mistyped member code most likely meant, as 'AGO (Angola)', or None.

    Tried in order, on the members seated in the draft's year first (so `ANG` in 2016 is Angola,
    never Nigeria, who did not sit that year), then on every member: the code in upper case; a name
    the member goes by; the start of one of its names (ANG, Angola); its initials (NZ, New Zealand);
    a code one letter off (RSU, RUS).
    """
    if not members:
        return None
    typed = value.strip()
    folded = typed.casefold()
    if not folded:
        return None

    def names(member: Member) -> list[str]:
        return [member.name, *member.names]

    rules = (
        lambda m: m.code == typed.upper(),
        lambda m: any(folded == n.casefold() for n in names(m)),
        lambda m: len(folded) >= 3 and any(n.casefold().startswith(folded) for n in names(m)),
        lambda m: len(typed) >= 2 and typed.isalpha() and any(_initials(n) == typed.upper() for n in names(m)),
    )
    seated_members = [members[c] for c in seated or () if c in members]
    for group in (seated_members, list(members.values())):
        for rule in rules:
            found = [m for m in group if rule(m)]
            if found:
                return _suggestion(found[:2], seated, year)
    codes = [c for c in (seated or members) if c in members]
    close = _close(typed.upper(), codes)
    return _suggestion([members[close[0]]], seated, year) if close else None


def _suggestion(found: list[Member], seated, year) -> str:
    def one(member: Member) -> str:
        where = f", not seated in {year}" if seated is not None and member.code not in seated else ""
        short = member.names[0] if member.names else member.name  # Venezuela, not its full UN name
        return f"{member.code} ({short}{where})"

    return " or ".join(one(m) for m in found)


# --- council.yaml ------------------------------------------------------------------------------

def build_council(root: YNode, path: str) -> tuple[Council, list[Problem]]:
    """The members, their seats by year and named groups."""
    b = _Builder(path)
    council = Council(path, {}, {}, {})
    top = b.fields(root, spec.COUNCIL, None, "a mapping with members, seats and groups")
    if top is None:
        return council, b.problems
    members_node = top.get("members")
    if members_node is not None and b.expect(members_node, "map", "members", "RUS: {name: ...}"):
        for code, (key, node) in members_node.value.items():
            b.subject = f"member {code}"
            if b.code(key, None, None) is None:
                continue
            found = b.fields(node, spec.MEMBER, None, "{name: Russian Federation, permanent: true, names: [Russia]}")
            if found is None:
                continue
            name, permanent = (b.scalar(found[k], spec.MEMBER.fields[k], k) if k in found else None
                               for k in ("name", "permanent"))
            names = _text_list(b, found.get("names"), "names")
            council.members[code] = Member(code, name or code, bool(permanent), tuple(names), _loc(key))
        b.subject = None
    known = council.members
    seats_node = top.get("seats")
    if seats_node is not None and b.expect(seats_node, "map", "seats", "2016: [CHN, FRA, ...]"):
        for year_text, (key, node) in seats_node.value.items():
            b.subject = f"seats {year_text}"
            if not (key.plain and year_text.isascii() and year_text.isdigit() and len(year_text) == 4):
                b.problem("field-type", key, None, f"'{year_text}' is not a year", "write a year such as 2016")
                continue
            council.seats[int(year_text)] = tuple(_codes(b, node, None, known))
    groups_node = top.get("groups")
    if groups_node is not None and b.expect(groups_node, "map", "groups", "P5: [CHN, FRA, GBR, RUS, USA]"):
        for name, (key, node) in groups_node.value.items():
            b.subject = f"group {name}"
            council.groups[name] = Group(name, tuple(_group_members(b, node, known)))
    return council, b.problems


def _group_members(b: _Builder, node: YNode, members) -> list[GroupMember]:
    """A group's members: each a code, or `CODE: PERIOD` (or a list of periods) for a member only then."""
    if not b.expect(node, "seq", None, "a list of codes such as [FRA, GBR, USA], or of CODE: PERIOD"):
        return []
    found: list[GroupMember] = []
    seen: set[str] = set()
    for item in node.value:
        if item.kind == "map" and len(item.value) == 1:
            (key, value), = item.value.values()
            code = b.code(key, None, members)
            spans = _spans(b, value)
            where = key
        else:
            code = b.code(item, None, members) if item.kind == "scalar" else None
            if item.kind != "scalar":
                b.problem("field-type", item, None, f"expected a member code or CODE: PERIOD, found "
                          f"{KIND_NAMES[item.kind] if item.kind != 'map' else 'a mapping of several members'}",
                          "write one member an item: RUS, or RUS: since 1992")
            spans, where = (), item
        if code is None or spans is None:
            continue
        if code in seen:
            b.problem("value-invalid", where, None, f"{code} is listed twice",
                      "list each member once; give a member several periods as a list: [1958 to 1972, since 1990]")
            continue
        seen.add(code)
        found.append(GroupMember(code, spans))
    return found


#: A bound of a period: a year, or a day (YYYY-MM-DD).
_BOUND = re.compile(r"(\d{4})(?:-(\d{2})-(\d{2}))?")
_PERIOD_HINT = "write a period as: since 1958, until 1991, 1973 to 2020-01-31, or one year such as 1956"


def _spans(b: _Builder, node: YNode) -> tuple[Span, ...] | None:
    """The periods of a group member: one period, or a list of them; None when one is not a period."""
    items = node.value if node.kind == "seq" else [node]
    if node.kind == "seq" and not items:
        b.problem("field-type", node, None, "the list of periods is empty", _PERIOD_HINT)
        return None
    spans = []
    for item in items:
        span = _span(b, item)
        if span is None:
            return None
        spans.append(span)
    return tuple(spans)


def _span(b: _Builder, node: YNode) -> Span | None:
    text = node.value.strip() if node.kind == "scalar" and not node.is_null() else None
    if text is None:
        shown = "nothing" if node.is_null() else KIND_NAMES[node.kind]
        b.problem("field-type", node, None, f"expected a period, found {shown}", _PERIOD_HINT)
        return None
    words = text.split(" ")
    if len(words) == 2 and words[0] in ("since", "until"):
        bound = _bound(b, node, words[1], first=words[0] == "since")
        if bound is False:
            return None
        return Span(bound, None) if words[0] == "since" else Span(None, bound)
    if len(words) == 3 and words[1] == "to":
        start, end = _bound(b, node, words[0], first=True), _bound(b, node, words[2], first=False)
        if start is False or end is False:
            return None
        if end < start:
            b.problem("value-invalid", node, None, f"the period '{text}' ends before it starts",
                      "write the earlier year or day first")
            return None
        return Span(start, end)
    if len(words) == 1 and _BOUND.fullmatch(text) and len(text) == 4:
        start, end = _bound(b, node, text, first=True), _bound(b, node, text, first=False)
        return Span(start, end) if start is not False else None
    b.problem("value-invalid", node, None, f"'{text}' is not a period", _PERIOD_HINT)
    return None


def _bound(b: _Builder, node: YNode, text: str, first: bool):
    """A period's bound as a day: a year means its first day (a start) or its last (an end). False when bad."""
    match = _BOUND.fullmatch(text)
    if match is None:
        b.problem("value-invalid", node, None, f"'{text}' is not a year or a day (YYYY-MM-DD)", _PERIOD_HINT)
        return False
    year, month, day = match.groups()
    if month is None:
        return dt.date(int(year), 1, 1) if first else dt.date(int(year), 12, 31)
    try:
        return dt.date(int(year), int(month), int(day))
    except ValueError as exc:
        b.problem("date-invalid", node, None, f"'{text}' is not a real day ({exc})", "check the day and month")
        return False


def _text_list(b: _Builder, node: YNode | None, field_: str) -> list[str]:
    if node is None or not b.expect(node, "seq", field_, "[Russia, Russian, Moscow]"):
        return []
    return [t for t in (b.text(item, field_) for item in node.value) if t is not None]


def _codes(b: _Builder, node: YNode, field_: str | None, members) -> list[str]:
    if not b.expect(node, "seq", field_, "a list of codes such as [FRA, ESP]"):
        return []
    codes: dict[str, None] = {}  # in order, and found at once: a year's seats or a group of a hundred
    for item in node.value:
        code = b.code(item, field_, members)
        if code is None:
            continue
        if code in codes:
            b.problem("value-invalid", item, field_, f"{code} is listed twice", "list each member once")
            continue
        codes[code] = None
    return list(codes)


# --- resolutions.yaml --------------------------------------------------------------------------

def build_records(root: YNode, path: str, council: Council,
                  council_whole: bool = True) -> tuple[Records, list[Problem]]:
    """Drafts and ignore entries; duplicate ids are reported here, where both lines are known.

    council_whole: False when the council file has errors of its own; member codes are then
    checked for their form only, since a member it failed to define is no mistake of the records.
    """
    b = _Builder(path)
    records = Records(path, [], [])
    top = b.fields(root, spec.RECORDS, None, "a mapping with drafts: and ignore:")
    if top is None:
        return records, b.problems
    drafts_node = top.get("drafts")
    seen: dict[str, Draft] = {}
    if drafts_node is not None and b.expect(drafts_node, "seq", "drafts", "a list of drafts, each '- id: ...'"):
        for index, node in enumerate(drafts_node.value):
            draft = _build_draft(b, node, index, council, council_whole)
            if draft is None:
                continue
            if draft.id in seen:
                first = seen[draft.id]
                b.draft = draft.id
                b.problem("id-duplicate", _at(draft.locs["id"]), "id",
                          f"id '{draft.id}' is already used by the draft at line {first.loc.line}",
                          "give each draft its own id")
                b.draft = None
                continue
            seen[draft.id] = draft
            records.drafts.append(draft)
    ignore_node = top.get("ignore")
    if ignore_node is not None and b.expect(ignore_node, "seq", "ignore", "a list of '- seed: ...' entries"):
        for index, node in enumerate(ignore_node.value):
            b.subject = f"ignore[{index}]"
            found = b.fields(node, spec.IGNORE, None, "{seed: FILE, quote: TEXT, reason: WHY}")
            if not found or len(found) < 3:
                continue
            seed, quote, reason = (b.scalar(found[k], spec.IGNORE.fields[k], k) for k in ("seed", "quote", "reason"))
            if seed and quote and reason:
                _check_comment(b, found["quote"], "quote")
                records.ignores.append(Ignore(index, seed, quote, reason, _loc(node), _loc(found["quote"]),
                                              _loc(found["reason"])))
        b.subject = None
    return records, b.problems


def _at(loc: Loc) -> YNode:
    return YNode("scalar", "", loc.line, loc.col)


def _check_comment(b: _Builder, node: YNode, field_: str) -> None:
    if node.comment_after:
        b.problem("quote-comment", node, field_,
                  f"the quote stops at '{node.value[-30:]}': the ' #' after it starts a YAML comment",
                  "put the whole quote in double quotes so the '#' and what follows stay in it")


def _build_draft(b: _Builder, node: YNode, index: int, council: Council, council_whole: bool) -> Draft | None:
    members = council.members if council_whole else None
    b.draft, b.seated, b.year = None, None, None
    b.subject = f"drafts[{index}]"
    if node.kind == "map" and "id" in node.value:  # name the draft in its own shape problems
        id_node = node.value["id"][1]
        if id_node.kind == "scalar" and ID_RE.fullmatch(id_node.value):
            b.draft, b.subject = id_node.value, None
    found = b.fields(node, spec.DRAFT, None, "a mapping with id, title, date, status ...")
    if found is None:
        return None
    fields = spec.DRAFT.fields
    draft_id = None
    if "id" in found:
        draft_id = b.text(found["id"], "id", example="a slug such as fr-es-aleppo-2016-10")
        if draft_id is not None and not ID_RE.fullmatch(draft_id):
            b.problem("id-invalid", found["id"], "id", f"'{draft_id}' is not a lower-case slug",
                      "use lower-case letters, digits and '-', such as fr-es-aleppo-2016-10")
    if draft_id is None:
        draft_id = f"#{index + 1}"
    b.draft, b.subject = draft_id, None
    draft = Draft(draft_id, "", None, None, _loc(node))
    # scalars are located at their value, lists and mappings at their key's line
    draft.locs = {name: _loc(value if value.kind == "scalar" else b.keys[name]) for name, value in found.items()}
    if "date" in found:  # first: the year's seats guide the member codes' hints
        draft.date = b.scalar(found["date"], fields["date"], "date")
    b.year = draft.date.year if draft.date else None
    b.seated = council.seats.get(b.year) if b.year else None
    for name in ("title", "status", "symbol", "meeting", "notes"):
        if name in found:
            setattr(draft, name, b.scalar(found[name], fields[name], name))
    if "procedural" in found:
        draft.procedural = b.scalar(found["procedural"], fields["procedural"], "procedural") is True
    draft.title = draft.title or ""
    if "drafted_by" in found:
        draft.drafted_by = tuple(_codes(b, found["drafted_by"], "drafted_by", members))
    for name in ("votes", "positions"):
        if name in found:
            setattr(draft, name, _member_map(b, found[name], name, fields[name].levels, members, draft.locs))
    if "tally" in found:
        draft.tally = _tally(b, found["tally"], draft.locs)
    if "evidence" in found and b.expect(found["evidence"], "seq", "evidence", "a list of '- seed: ...' entries"):
        for number, item in enumerate(found["evidence"].value):
            evidence = _evidence(b, item, number)
            if evidence is not None:
                draft.evidence.append(evidence)
    b.draft, b.seated, b.year = None, None, None
    return draft


def _member_map(b: _Builder, node: YNode, name: str, levels, members, locs) -> dict[str, str]:
    if not b.expect(node, "map", name, "a mapping such as {RUS: no, CHN: abstain}"):
        return {}
    out: dict[str, str] = {}
    for code_text, (key, value) in node.value.items():
        path = f"{name}.{code_text}"
        code = b.code(key, path, members)
        level = b.choice(value, path, levels)
        if code is not None and level is not None:
            out[code] = level
            locs[f"{name}.{code}"] = _loc(key)
    return out


def _tally(b: _Builder, node: YNode, locs) -> dict[str, int] | None:
    found = b.fields(node, spec.TALLY, "tally", "{yes: 11, no: 2, abstain: 2}")
    if found is None:
        return None
    tally = {}
    for key in TALLY_KEYS:
        if key in found:
            value = b.scalar(found[key], spec.TALLY.fields[key], f"tally.{key}")
            if value is not None:
                tally[key] = value
                locs[f"tally.{key}"] = _loc(found[key])
    return tally


def _evidence(b: _Builder, node: YNode, number: int) -> Evidence | None:
    where = f"evidence[{number}]"
    found = b.fields(node, spec.EVIDENCE, where, "{seed: FILE, quote: TEXT, supports: [votes.RUS]}")
    if found is None:
        return None
    evidence = Evidence(number, (), _loc(node))
    # exactly one way of citing: a seed quote (seed: and quote:) or an outside source (source:)
    quoting, sourcing = spec.EVIDENCE.one_of
    if any(name in found for name in sourcing):
        if any(name in found for name in quoting):
            b.problem("field-unknown", found["source"], f"{where}.source",
                      "an evidence entry cites either a seed quote or an outside source, not both",
                      "split it into two evidence entries")
            return None
        evidence.source = b.scalar(found["source"], spec.EVIDENCE.fields["source"], f"{where}.source")
    else:
        for name in quoting:
            if name not in found:
                b.problem("field-missing", node, f"{where}.{name}", f"required field '{name}' is missing",
                          "a seed quote needs seed: and quote: (or cite an outside source:)")
                return None
        evidence.seed, evidence.quote = (b.scalar(found[name], spec.EVIDENCE.fields[name], f"{where}.{name}")
                                         for name in quoting)
        evidence.quote_loc = _loc(found["quote"])
        _check_comment(b, found["quote"], f"{where}.quote")
    supports = found.get("supports")
    if supports is not None and b.expect(supports, "seq", f"{where}.supports", "[votes.RUS, tally.yes]"):
        paths, locs = [], []
        for item in supports.value:
            text = b.text(item, f"{where}.supports")
            if text is not None:
                paths.append(text)
                locs.append(_loc(item))
        evidence.supports, evidence.supports_locs = tuple(paths), tuple(locs)
    if (evidence.source is None and (evidence.seed is None or evidence.quote is None)):
        return None
    return evidence


# --- seeds/MANIFEST.yaml -----------------------------------------------------------------------

def build_manifest(root: YNode, path: str) -> tuple[Manifest, list[Problem]]:
    """Each seed's SHA-256 and, where the text tells, its outlet, first headline, publication date
    (the latest day its text is dated) and the dates it covers."""
    b = _Builder(path)
    manifest = Manifest(path, {})
    top = b.fields(root, spec.MANIFEST, None, "a mapping with seeds:")
    if top is None or "seeds" not in top:
        return manifest, b.problems
    node = top["seeds"]
    if not b.expect(node, "map", "seeds", "FILE: {sha256: ...}"):
        return manifest, b.problems
    fields = spec.MANIFEST_ENTRY.fields
    for name, (key, value) in node.value.items():
        b.subject = f"seed {name}"
        found = b.fields(value, spec.MANIFEST_ENTRY, None, "{sha256: HEX, outlet: Reuters}")
        if not found or "sha256" not in found:
            continue
        sha = b.text(found["sha256"], "sha256")
        if sha is None or not SHA_RE.fullmatch(sha):
            b.problem("field-type", found["sha256"], "sha256", "expected 64 lower-case hex digits",
                      "run: sha256sum seeds/FILE")
            continue
        entry = ManifestEntry(name, sha, _loc(key))
        for field_ in ("outlet", "title", "covers", "published", "url"):
            if field_ in found:
                setattr(entry, field_, b.scalar(found[field_], fields[field_], field_))
        manifest.entries[name] = entry
    return manifest, b.problems
