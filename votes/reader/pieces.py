"""The pieces the chunker finds and the engine reads: chunks (lists, counts, scores, 'the
rest') and frames (whose words a stretch of a sentence is)."""

from __future__ import annotations

from ..record import Record


class Chunk(Record):
    """A piece rules match as one element: a member list, a count, a score or a 'rest' phrase."""

    __slots__ = ("kind", "start", "end", "codes", "spans", "unknown", "count", "total", "all_but", "except_",
                 "scores", "others")

    def __init__(self, kind: str, start: int, end: int, *, codes: tuple[str, ...] = (),
                 spans: dict[str, tuple[int, int]] | None = None, unknown: tuple[str, ...] = (),
                 count: int | None = None, total: int | None = None, all_but: int | None = None,
                 except_: tuple[str, ...] = (), scores: tuple[int | None, ...] = ()):
        self.kind, self.start, self.end = kind, start, end
        self.codes, self.spans, self.unknown = codes, spans or {}, unknown
        self.count, self.total, self.all_but, self.except_ = count, total, all_but, except_
        self.scores = scores  # a score's yes, no and abstain counts (None where it gives none)
        self.others = False  # a count of others ("one other member"): not the whole of its vote

    @property
    def items(self) -> int:
        """How many names a list holds, known or not (a full list's length is its vote's count)."""
        return len(self.codes) + len(self.unknown)


class Frame(Record):
    """A stretch of tokens read as another speaker's words, or as a parenthesis about a member."""

    __slots__ = ("start", "end", "speaker", "kind", "record", "speakers")

    def __init__(self, start: int, end: int, speaker: str | None, kind: str, record: bool = False,
                 speakers: tuple[str, ...] = ()):
        self.start, self.end, self.speaker, self.kind = start, end, speaker, kind
        self.record = record  # the Council or its President announcing its own result: no hearsay
        # the members a speaker phrase names, one or several ("Britain and France indicated that ...")
        self.speakers = speakers or ((speaker,) if speaker else ())
