"""Reading at the edge: YAML files into located trees, seed files into text.

PyYAML's own loader is unsafe for hand-written records in several quiet ways
(`no` becomes False, a repeated key silently wins, aliases can explode). This
module builds the tree from the parser's events itself, so that every trap
becomes a located `Problem` and every scalar stays the text the user typed;
the schema decides what type each field is.
"""

from __future__ import annotations

import bisect
import functools
import os
import re
import stat
from pathlib import Path

import yaml

from .errors import VotesError
from .problems import ERROR, UNREADABLE_FILE, Code, Problem
from .record import Record

from yaml.parser import Parser as _PyParser
from yaml.reader import Reader
from yaml.scanner import Scanner


class _PureParser(Reader, Scanner, _PyParser):
    """PyYAML's parser in Python: the same events as libyaml's, and no nesting limit of its own."""

    def __init__(self, stream):
        Reader.__init__(self, stream)
        Scanner.__init__(self)
        _PyParser.__init__(self)


try:  # libyaml's parser is several times faster; the pure one gives the same events.
    from yaml._yaml import CParser as _Parser
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    _Parser = _PureParser


#: The problems of a file that cannot be read at all: nothing in it is checked, and no report is written.
CODES = tuple(Code(name, ERROR, meaning, UNREADABLE_FILE) for name, meaning in (
    ("file-encoding", "a data file is not UTF-8 text, or holds a NUL byte"),
    ("file-empty", "a data file holds no YAML document"),
    ("file-too-large", "a data file larger than 64 MiB, far beyond any real history"),
    ("yaml-syntax", "the YAML cannot be parsed (bad indentation, a tab, an unclosed quote ...)"),
    ("yaml-duplicate-key", "a key appears twice in one mapping; YAML would silently keep the last"),
    ("yaml-anchor", "anchors and aliases (&name, *name) are refused: every fact is written out"),
    ("yaml-tag", "explicit tags (!!python/..., !custom) are refused"),
    ("yaml-documents", "a data file holds more than one YAML document"),
    ("yaml-too-deep", "nesting far deeper than any record needs"),
    ("yaml-key", "a mapping key that is not a plain text or number"),
))
#: Records need six levels; anything past this is a mistake or an attack.
MAX_DEPTH = 64
#: Far above any real history (the Council's whole record is a few MB); guards memory.
MAX_YAML_BYTES = 64 * 2**20
#: A seed is one article: the longest news stories are well under 1 MB. Guards memory.
MAX_SEED_BYTES = 16 * 2**20
#: Possessive: on a long run of blanks without a '#' it fails once, not once per blank.
_COMMENT_AFTER = re.compile(r"[ \t]++#")
NULL_WORDS = frozenset({"", "~", "null", "Null", "NULL"})


class YNode:
    """A YAML node with its position (1-based line and column).

    A plain class with slots: a long history has hundreds of thousands of nodes.
    """

    __slots__ = ("kind", "value", "line", "col", "plain", "comment_after")

    def __init__(self, kind: str, value, line: int, col: int, plain: bool = False):
        self.kind = kind  # "map", "seq" or "scalar"
        self.value = value  # str | list[YNode] | dict[str, tuple[YNode, YNode]] (key node, value node)
        self.line = line
        self.col = col
        self.plain = plain  # an unquoted scalar
        self.comment_after = False  # an unquoted scalar followed on its line by ' #'

    def __repr__(self) -> str:
        return f"YNode({self.kind}, {self.value!r}, {self.line}:{self.col})"

    def is_null(self) -> bool:
        return self.kind == "scalar" and self.plain and self.value in NULL_WORDS


class YamlFile(Record):
    """A parsed YAML file: its display path and root node (None when unreadable), and its comments
    on lines of their own as (line, column, the words after the '#')."""

    __slots__ = ("path", "root", "problems", "comments")

    def __init__(self, path: str, root: YNode | None, problems: list[Problem] | None = None,
                 comments: list[tuple[int, int, str]] | None = None):
        self.path, self.root, self.problems, self.comments = path, root, problems or [], comments or []


class _Stop(Exception):
    def __init__(self, problem: Problem, at: int | None = None):
        self.problem = problem
        self.at = at  # the character offset the parser stopped at, where it says


_BOM = b"\xef\xbb\xbf"


def display_path(path: Path) -> str:
    """The path as problems show it: relative to the working folder when inside it."""
    try:
        rel = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return path.as_posix()
    return Path(rel).as_posix() if not rel.startswith("..") else path.as_posix()


def decode_text(raw: bytes, display: str) -> str:
    """Decode UTF-8 (a BOM is fine), refusing other encodings and NUL bytes."""
    # The BOM taken off by hand: the "utf-8-sig" codec is a Python module loaded in every run.
    bom = len(_BOM) if raw.startswith(_BOM) else 0
    try:
        text = raw[bom:].decode("utf-8") if bom else raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        at = exc.start + bom  # in `raw`
        line = raw[:at].count(b"\n") + 1
        col = at - (raw.rfind(b"\n", 0, at) + 1) + 1 - (bom if line == 1 else 0)
        raise _Stop(Problem(
            "file-encoding", f"byte 0x{raw[at]:02x} is not UTF-8", display, line, col,
            hint="save the file as UTF-8 (most editors: File > Save with encoding > UTF-8)",
        )) from None
    nul = text.find("\x00")
    if nul >= 0:
        line = text.count("\n", 0, nul) + 1
        col = nul - (text.rfind("\n", 0, nul) + 1) + 1
        raise _Stop(Problem(
            "file-encoding", "the file holds a NUL byte, so it is not a text file", display, line, col,
            hint="remove the NUL byte; was a binary file saved under this name?",
        ))
    return text


def read_yaml(path: Path, display: str) -> YamlFile:
    """Read one YAML file into a located tree, or a file-level problem.

    Raises VotesError only when the file cannot be read at all.
    """
    return yaml_from_bytes(read_capped(path, MAX_YAML_BYTES, display), path, display)


def yaml_from_bytes(raw: bytes | None, path: Path, display: str) -> YamlFile:
    """A YAML file's bytes as read_capped gave them (None: over the cap) read as read_yaml does."""
    if raw is None:
        size = _size(path)
        told = f"{size / 2**20:.0f} MiB" if size > MAX_YAML_BYTES else f"over {MAX_YAML_BYTES // 2**20} MiB"
        return YamlFile(display, None, [Problem(
            "file-too-large", f"the file is {told}; records files are read up to "
            f"{MAX_YAML_BYTES // 2**20} MiB", display, 1, 1,
            hint="is this the right file? split a very large history into several data files")])
    try:
        text = decode_text(raw, display)
    except _Stop as stop:
        return YamlFile(display, None, [stop.problem])
    return read_yaml_text(text, display)


def read_yaml_text(text: str, display: str) -> YamlFile:
    """Read YAML already in memory (a records file as `votes suggest` would write it) as read_yaml does."""
    try:
        root = parse_yaml(text, display)
    except _Stop as stop:
        return YamlFile(display, None, [stop.problem])
    if root is None:
        return YamlFile(display, None, [Problem(
            "file-empty", "the file holds no YAML document", display, 1, 1,
            hint="see docs/reference.md for the format and an example")])
    return YamlFile(display, root, comments=comment_lines(text))


def comment_lines(text: str) -> list[tuple[int, int, str]]:
    """The comments that stand on lines of their own, as (line, column, the words after the '#').

    The first '#' of each line is found with str.find and only the start of its line is looked at:
    linear. (A line of
    a multi-line quoted value that begins with '#' would count too; records do not write those.)
    """
    found = []
    line, counted = 1, 0  # the line number at offset `counted`, counted on as comments are found
    at = text.find("#")
    while at >= 0:
        start = text.rfind("\n", 0, at) + 1
        end = text.find("\n", at)
        end = len(text) if end < 0 else end
        if not text[start:at].strip(" \t"):
            line += text.count("\n", counted, start)
            counted = start
            found.append((line, at - start + 1, text[at + 1:end].strip()))
        at = text.find("#", end)  # a line's first '#' decides: each line is looked at once
    return found


_KINDS = ((stat.S_ISREG, "a file"), (stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISCHR, "a character device"),
          (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"))


def file_kind(mode: int) -> str:
    """What a file is, in words: 'a file', 'a folder', 'a FIFO (named pipe)', 'a character device' ..."""
    return next((words for test, words in _KINDS if test(mode)), "not a regular file")


def read_capped(path: Path, limit: int, display: str) -> bytes | None:
    """The bytes of a regular file, or None when it holds more than `limit` bytes.

    Special files are refused before they are read: a FIFO would hang and
    /dev/zero never end. The file is read as a stream up to `limit` + 1 bytes,
    so a size the file system misreports cannot get past the cap.
    Raises VotesError, with one message, whenever the file cannot be read.
    """
    try:
        mode = os.stat(path).st_mode
        if not stat.S_ISREG(mode):
            raise VotesError(f"{display}: is {file_kind(mode)}, not a file; votes reads regular files only")
        # O_NONBLOCK: should the file turn into a FIFO after the check, opening it still returns at once
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        with os.fdopen(fd, "rb") as handle:
            mode = os.fstat(handle.fileno()).st_mode
            if not stat.S_ISREG(mode):
                raise VotesError(f"{display}: is {file_kind(mode)}, not a file; votes reads regular files only")
            raw = handle.read(limit + 1)
    except OSError as exc:
        raise VotesError(os_message(display, exc)) from None
    except ValueError:  # an embedded NUL: no file can have that name
        raise VotesError(f"{display}: no such file (the path holds a NUL character)") from None
    return None if len(raw) > limit else raw


def os_message(display: str, exc: OSError) -> str:
    """One line for a failed file operation: the path and what the system said, in words."""
    if isinstance(exc, FileNotFoundError):
        return f"{display}: no such file or folder"
    if isinstance(exc, IsADirectoryError):
        return f"{display}: is a folder, not a file"
    if isinstance(exc, NotADirectoryError):
        return f"{display}: a part of the path is not a folder"
    if isinstance(exc, PermissionError):
        return f"{display}: permission denied"
    reason = exc.strerror or str(exc)
    return f"{display}: cannot read ({reason})"


def _size(path: Path) -> int:
    try:
        return os.stat(path).st_size
    except OSError:
        return 0


def _key_line(text: str) -> tuple[int, str, str] | None:
    """A block mapping line as (column of its key, 0-based; the key; what follows the ':'), or None."""
    body = text.lstrip(" ")
    col = len(text) - len(body)
    if body.startswith("- "):
        rest = body[2:].lstrip(" ")
        col += len(body) - len(rest)
        body = rest
    colon = body.find(":")
    if colon <= 0 or "#" in body[:colon] or body[0] in "\"'[{":
        return None
    after = body[colon + 1:]
    if after and not after.startswith(" "):
        return None  # 'http://...': not a key
    return col, body[:colon].rstrip(), after.strip()


def _syntax_hint(problem: str, line_text: str, lines: list[str] | None = None, line: int = 0,
                 col: int = 0) -> str:
    if "\t" in line_text[: len(line_text) - len(line_text.lstrip())] or "'\\t'" in problem:
        return "YAML indents with spaces only; replace the tab with spaces"
    if "end of stream" in problem and "quoted" in problem:
        return "a quote opened here is never closed; close it or use a block scalar (|)"
    indentation = _indentation_hint(problem, lines, line, col) if lines else None
    if indentation:
        return indentation
    if "mapping values are not allowed" in problem:
        return "a ': ' inside a value starts a mapping; put the value in double quotes"
    if "could not find expected ':'" in problem:
        return "each line of a mapping needs 'key: value'; check the indentation above"
    return "check indentation and quoting around this line"


def _indentation_hint(problem: str, lines: list[str], line: int, col: int) -> str | None:
    """The hint for a key indented out of line with the key above it, or None when that is not it.

    Over-indented, `CHN:` under `RUS: no` reads as more of the value 'no' ("mapping values are not
    allowed"); under-indented, it matches no open mapping ("did not find expected key"; the pure-Python
    parser says "expected <block end>").
    """
    if not 0 < line <= len(lines):
        return None
    here = _key_line(lines[line - 1])
    if here is None:
        return None
    key_col, key, _ = here
    above = None
    for number in range(line - 1, 0, -1):  # the nearest line above with content
        text = lines[number - 1]
        if text.strip() and not text.lstrip().startswith("#"):
            above = (number, _key_line(text))
            break
    if above is None or above[1] is None:
        return None
    number, (above_col, above_key, above_value) = above
    if "mapping values are not allowed" in problem:
        # the error stands at the key's own ':' (not a later one inside a value), and the line above
        # holds a value, so this line can only be more of that value
        if col != key_col + len(key) + 1 or not above_value or above_value.startswith("#"):
            return None
        if key_col <= above_col:
            return None
        return (f"'{key}:' is indented deeper than '{above_key}:' on line {number}, so YAML reads it as more of "
                f"that value; start it in column {above_col + 1}, under '{above_key}:'")
    misaligned = ("expected <block end>", "did not find expected key", "did not find expected '-'")
    if not any(words in problem for words in misaligned) or key_col == above_col:
        return None
    deeper, shallower = None, None  # the open keys nearest this column, on either side
    lowest = len(lines[line - 1])
    for number in range(line - 1, 0, -1):
        found = _key_line(lines[number - 1])
        if found is None:
            continue
        at, name, _ = found
        if at >= lowest:
            continue  # inside a mapping already closed
        lowest = at
        if at > key_col:
            deeper = (name, at, number)
        else:
            shallower = (name, at, number)
            break
    sides = [f"'{k}:' (line {n}, column {c + 1})" for k, c, n in filter(None, (shallower, deeper))]
    where = " and ".join(sides)
    return (f"'{key}:' starts in column {key_col + 1}, {'between' if len(sides) == 2 else 'out of line with'} "
            f"{where}; start it in the column of the keys of its own mapping")


def parse_yaml(text: str, display: str) -> YNode | None:
    """Build the located tree of a single YAML document from parser events.

    The loop runs once per event of a file that may hold hundreds of thousands: the event
    classes are local names and the attaching of a node to its parent is written inline.
    """
    try:
        return _build_tree(_Parser(text).get_event, text, display)
    except _Stop as stop:
        if stop.at is not None and _Parser is not _PureParser:
            _raise_if_too_deep(text[:stop.at], display)
        raise


def _raise_if_too_deep(prefix: str, display: str) -> None:
    """Raise `yaml-too-deep` where the nesting passes MAX_DEPTH before a syntax error libyaml reported.

    libyaml scans a flow collection ahead of the events it hands out and stops at its own nesting
    limit (1,000 levels in PyYAML 6.0.4, none in earlier builds), which it reports as a syntax
    error before the tree builder has seen MAX_DEPTH levels. The text up to the error is read again
    by the pure parser, which hands out events as it goes, so the same nesting gets the same problem
    whichever layer notices it first. Only a prefix holding MAX_DEPTH brackets can nest that deep in
    flow style; block nesting reaches the builder first, line by line.
    """
    if prefix.count("[") + prefix.count("{") < MAX_DEPTH:
        return
    try:
        _build_tree(_PureParser(prefix).get_event, prefix, display)
    except _Stop as stop:
        if stop.problem.code == "yaml-too-deep":
            raise
    except RecursionError:  # pragma: no cover - the builder keeps its own stack
        return


def _build_tree(get_event, text: str, display: str) -> YNode | None:
    """The located tree of the events `get_event` hands out (see parse_yaml)."""
    lines = None  # split lazily, only when a plain scalar might hide a comment
    scalar_event, mapping_start, sequence_start = yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent
    mapping_end, sequence_end = yaml.MappingEndEvent, yaml.SequenceEndEvent
    stack: list[list] = []  # frames: [node, pending key node or None]
    root: YNode | None = None
    documents = 0
    try:
        while True:
            ev = get_event()
            kind = ev.__class__
            if kind is scalar_event or kind is mapping_start or kind is sequence_start:
                mark = ev.start_mark
                if ev.anchor is not None or (ev.tag is not None and ev.tag != "!"):
                    raise _Stop(_refused_node(ev, display))
                if kind is scalar_event:
                    value, plain = ev.value, not ev.style
                    node = YNode("scalar", value, mark.line + 1, mark.column + 1, plain)
                    if plain and value:
                        end = ev.end_mark
                        if end.line == mark.line:
                            if lines is None:
                                lines = split_lines(text)
                            line = lines[end.line]
                            # the character after first, then the pattern at the column, not on a slice:
                            # slicing copies the rest of the line for every scalar (its length squared)
                            if end.column < len(line) and line[end.column] in " \t":
                                node.comment_after = _COMMENT_AFTER.match(line, end.column) is not None
                else:
                    if len(stack) >= MAX_DEPTH:
                        raise _Stop(Problem(
                            "yaml-too-deep", f"nesting deeper than {MAX_DEPTH} levels", display,
                            mark.line + 1, mark.column + 1,
                            hint="records need at most six levels; check for runaway brackets"))
                    node = YNode("map", {}, mark.line + 1, mark.column + 1) if kind is mapping_start else \
                        YNode("seq", [], mark.line + 1, mark.column + 1)
                if stack:
                    frame = stack[-1]
                    parent = frame[0]
                    if parent.kind == "seq":
                        parent.value.append(node)
                    elif frame[1] is None:
                        if node.kind != "scalar":
                            raise _Stop(Problem(
                                "yaml-key", "a mapping key must be a plain name, not a list or mapping", display,
                                node.line, node.col, hint="write keys as plain text: RUS, drafts, 2016"))
                        frame[1] = node
                    else:
                        key = frame[1]
                        frame[1] = None
                        if key.value in parent.value:
                            raise _Stop(_duplicate_key(parent, key, display))
                        parent.value[key.value] = (key, node)
                elif root is None:
                    root = node
                if kind is not scalar_event:
                    stack.append([node, None])
            elif kind is mapping_end or kind is sequence_end:
                stack.pop()
            elif kind is yaml.AliasEvent:
                raise _Stop(Problem(
                    "yaml-anchor", f"alias '*{ev.anchor}' is not allowed", display,
                    ev.start_mark.line + 1, ev.start_mark.column + 1,
                    hint="write the value out in full instead of referring to an anchor"))
            elif kind is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    raise _Stop(Problem(
                        "yaml-documents", "a second YAML document starts here", display,
                        ev.start_mark.line + 1, ev.start_mark.column + 1,
                        hint="keep one document per file: remove the '---' line and merge the lists"))
            elif kind is yaml.StreamEndEvent:
                return root
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        message = exc.problem or str(exc)
        if exc.context:
            message = f"{exc.context}: {message}"
        lines = split_lines(text)
        line_text = lines[line - 1] if 0 < line <= len(lines) else ""
        raise _Stop(Problem("yaml-syntax", message, display, line, col,
                            hint=_syntax_hint(str(exc), line_text, lines, line, col)),
                    at=mark.index if mark else None) from None
    except yaml.YAMLError as exc:  # reader errors carry no mark
        raise _Stop(Problem("yaml-syntax", str(exc).splitlines()[0], display, 1, 1,
                            hint="check the file is plain UTF-8 YAML")) from None


def _refused_node(ev, display: str) -> Problem:
    """The problem of a node with an anchor or a tag."""
    line, col = ev.start_mark.line + 1, ev.start_mark.column + 1
    if ev.anchor is not None:
        return Problem("yaml-anchor", f"anchor '&{ev.anchor}' is not allowed", display, line, col,
                       hint="write each value out in full; records must read the same to every tool")
    return Problem("yaml-tag", f"tag '{ev.tag}' is not allowed", display, line, col,
                   hint="remove the tag; plain values are read as text, numbers and dates by field")


def _duplicate_key(parent: YNode, key: YNode, display: str) -> Problem:
    name = key.value
    first = parent.value[name][0]
    return Problem("yaml-duplicate-key", f"key '{name}' appears twice: at line {first.line} and line {key.line}",
                   display, key.line, key.col,
                   hint=f"keep one '{name}'; YAML would silently drop the value at line {first.line}")


def split_lines(text: str) -> list[str]:
    """The lines of a text as libyaml counts them (its marks' line numbers follow these breaks).

    Most files break lines with "\\n" alone: a plain split, without compiling the pattern for the rest.
    """
    if "\r" in text or "\x85" in text or "\u2028" in text or "\u2029" in text:
        return line_breaks().split(text)
    return text.split("\n")


@functools.lru_cache(maxsize=None)
def line_breaks() -> re.Pattern:
    """The line breaks libyaml counts, not only "\\n"."""
    return re.compile("\r\n|[\r\n\x85\u2028\u2029]")


# --- seeds -----------------------------------------------------------------------------------

class Seed(Record):
    """One source article: its name under seeds/, raw bytes' SHA-256 and text."""

    __slots__ = ("name", "text", "sha256", "has_cr", "_starts")

    def __init__(self, name: str, text: str, sha256: str):
        self.name, self.text, self.sha256 = name, text, sha256
        self.has_cr = "\r" in text  # then a lone CR may end lines: counted apart, only then
        self._starts: list[int] | None = None  # offsets where lines begin, built on first need

    def __eq__(self, other) -> bool:
        return type(other) is Seed and (self.name, self.text, self.sha256) == (other.name, other.text, other.sha256)

    def __repr__(self) -> str:
        return f"Seed(name={self.name!r}, sha256={self.sha256!r}, {len(self.text)} characters)"

    @property
    def line_starts(self) -> list[int]:
        """The offset where each line begins; a lone CR (old Mac files) ends a line as editors show it."""
        if self._starts is None:
            breaks = "\r\n?|\n" if self.has_cr else "\n"
            self._starts = [0, *(m.end() for m in re.finditer(breaks, self.text))]
        return self._starts

    def line_of(self, offset: int) -> int:
        """1-based line of an offset, by bisection over the line starts."""
        line = bisect.bisect_right(self.line_starts, offset)
        if self.has_cr and self._inside_crlf(offset):
            line += 1  # the LF of a CRLF pair counts on the line the CR ended, as it always has
        return line

    def col_of(self, offset: int) -> int:
        """1-based column of an offset."""
        if self.has_cr and self._inside_crlf(offset):
            return 1
        return offset - self.line_starts[self.line_of(offset) - 1] + 1

    def _inside_crlf(self, offset: int) -> bool:
        return 0 < offset < len(self.text) and self.text[offset - 1] == "\r" and self.text[offset] == "\n"


def read_seed(path: Path, display: str) -> bytes:
    """The bytes of one seed; VotesError when it cannot be read, is not a file or is over the cap."""
    raw = read_capped(path, MAX_SEED_BYTES, display)
    if raw is None:
        size = _size(path)
        told = f"is {size / 2**20:.0f} MiB" if size > MAX_SEED_BYTES else "keeps growing past the limit"
        raise VotesError(f"{display}: {told}; a seed is one article, read up to {MAX_SEED_BYTES // 2**20} MiB "
                         "(is it the right file?)")
    return raw


def read_seed_bytes(path: Path) -> bytes:
    return read_seed(path, str(path))


def _sha256_hex(raw: bytes) -> str:
    return _sha256()(raw).hexdigest()


@functools.lru_cache(maxsize=None)
def _sha256():
    """CPython's built-in SHA-256, found once: it loads in microseconds, where hashlib's OpenSSL
    start-up costs milliseconds on every `votes validate`. Same digest either way. (Looked up
    once because a failed import searches the whole path again each time it is tried.)"""
    try:
        from _sha2 import sha256  # Python 3.12+
    except ImportError:
        try:
            from _sha256 import sha256  # Python 3.11
        except ImportError:  # pragma: no cover - a build without the built-in modules
            from hashlib import sha256
    return sha256


def seed_from_bytes(name: str, raw: bytes) -> Seed:
    """Seeds are decoded leniently: a stray byte must not hide the rest of an article."""
    return Seed(name, raw.decode("utf-8", errors="replace"), _sha256_hex(raw))
