"""The YAML traps (docs/reference.md, "YAML traps closed by the loader"), each with its exact message and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from votes import read
from votes.read import read_yaml


def _read(tmp_path: Path, text: str | bytes):
    path = tmp_path / "r.yaml"
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return read_yaml(path, "r.yaml")


def _only(problems):
    assert len(problems) == 1, [p.to_line() for p in problems]
    return problems[0]


def test_no_is_a_vote_not_false(tmp_path):
    root = _read(tmp_path, "votes:\n  RUS: no\n  NOR: yes\n  CHN: off\n").root
    votes = root.value["votes"][1].value
    assert votes["RUS"][1].value == "no"
    assert votes["CHN"][1].value == "off"
    assert "NOR" in votes  # a code stays a string


def test_duplicate_key_names_both_lines(tmp_path):
    problem = _only(_read(tmp_path, "votes:\n  RUS: no\n  CHN: yes\n  RUS: yes\n").problems)
    assert problem.to_line() == ("r.yaml:4:3: error[yaml-duplicate-key] key 'RUS' appears twice: "
                                 "at line 2 and line 4")


def test_anchor_refused(tmp_path):
    problem = _only(_read(tmp_path, "a: &x [1]\nb: 2\n").problems)
    assert (problem.code, problem.line, problem.col) == ("yaml-anchor", 1, 4)
    assert problem.message == "anchor '&x' is not allowed"


def test_alias_refused(tmp_path):
    problem = _only(_read(tmp_path, "a: 1\nb: *x\n").problems)
    # an undefined alias is a parser error in libyaml; a defined one is refused at its anchor
    assert problem.code in ("yaml-anchor", "yaml-syntax") and problem.line == 2


def test_alias_bomb_refused_at_first_anchor(tmp_path):
    bomb = 'a: &a ["x","x"]\nb: &b [*a,*a]\nc: &c [*b,*b]\nd: &d [*c,*c]\n'
    problem = _only(_read(tmp_path, bomb).problems)
    assert (problem.code, problem.line) == ("yaml-anchor", 1)


def test_python_tag_refused(tmp_path):
    problem = _only(_read(tmp_path, "a: !!python/object/apply:os.system ['echo hi']\n").problems)
    assert (problem.code, problem.line, problem.col) == ("yaml-tag", 1, 4)
    assert problem.message == "tag 'tag:yaml.org,2002:python/object/apply:os.system' is not allowed"


def test_custom_tag_refused(tmp_path):
    problem = _only(_read(tmp_path, "a: !vote no\n").problems)
    assert (problem.code, problem.message) == ("yaml-tag", "tag '!vote' is not allowed")


def test_several_documents_refused(tmp_path):
    problem = _only(_read(tmp_path, "a: 1\n---\nb: 2\n").problems)
    assert problem.to_line() == "r.yaml:2:1: error[yaml-documents] a second YAML document starts here"


def test_unquoted_hash_cuts_the_quote(mini):
    mini.seed("a.txt", "Russia vetoed the draft #1 on Saturday.\n")
    mini.records("""
        drafts:
          - id: d
            title: t
            date: 2016-10-08
            status: vetoed
            evidence:
              - seed: a.txt
                quote: Russia vetoed the draft #1 on Saturday.
                supports: [status]
        """)
    problems = [p for p in mini.validate().problems if p.code == "quote-comment"]
    assert len(problems) == 1
    assert problems[0].to_line() == ("data/resolutions.yaml:8:16: warning[quote-comment] draft d "
                                     "evidence[0].quote: the quote stops at 'Russia vetoed the draft': "
                                     "the ' #' after it starts a YAML comment")


def test_tab_indentation(tmp_path):
    problem = _only(_read(tmp_path, "drafts:\n\t- id: x\n").problems)
    assert (problem.code, problem.line) == ("yaml-syntax", 2)
    assert problem.hint == "YAML indents with spaces only; replace the tab with spaces"


def test_unclosed_quote(tmp_path):
    problem = _only(_read(tmp_path, 'a: "never closed\nb: 2\n').problems)
    assert problem.code == "yaml-syntax"
    assert problem.hint.startswith("a quote opened here is never closed")


def test_not_utf8(tmp_path):
    problem = _only(_read(tmp_path, b"a: 1\nb: caf\xe9\n").problems)
    assert problem.to_line() == "r.yaml:2:7: error[file-encoding] byte 0xe9 is not UTF-8"


@pytest.mark.parametrize("raw, where", [
    (b"\xef\xbb\xbfa: caf\xe9\n", "r.yaml:1:7:"),  # the BOM is no column an editor shows
    (b"\xef\xbb\xbfa: 1\nb: caf\xe9\n", "r.yaml:2:7:"),
])
def test_not_utf8_after_a_bom(tmp_path, raw, where):
    problem = _only(_read(tmp_path, raw).problems)
    assert problem.to_line() == f"{where} error[file-encoding] byte 0xe9 is not UTF-8"


def test_nul_byte(tmp_path):
    problem = _only(_read(tmp_path, b"a: 1\nb: x\x00y\n").problems)
    assert (problem.code, problem.line, problem.col) == ("file-encoding", 2, 5)


def test_empty_file(tmp_path):
    problem = _only(_read(tmp_path, "# only a comment\n").problems)
    assert problem.to_line() == "r.yaml:1:1: error[file-empty] the file holds no YAML document"


_DEEP = {
    "flow lists": ("a: " + "[" * 20000 + "]" * 20000 + "\n", 1),
    "flow maps": ("a: " + "{b: " * 1200 + "1" + "}" * 1200 + "\n", 1),
    "unclosed flow lists": ("a: " + "[" * 1500 + "\n", 1),
    "block maps": ("".join("  " * i + "k:\n" for i in range(1500)), 65),
    "block lists": ("- " * 1500 + "x\n", 1),
}


@pytest.mark.parametrize("parser", ["libyaml", "pure"])
@pytest.mark.parametrize("shape", list(_DEEP))
def test_deep_nesting_is_refused_not_a_crash(tmp_path, monkeypatch, shape, parser):
    """Too deep is yaml-too-deep whichever layer notices first: libyaml's own limit, or ours."""
    if parser == "pure":
        monkeypatch.setattr(read, "_Parser", read._PureParser)
    text, line = _DEEP[shape]
    problem = _only(_read(tmp_path, text).problems)
    assert (problem.code, problem.line) == ("yaml-too-deep", line)


def test_bom_and_crlf_simply_work(tmp_path):
    loaded = _read(tmp_path, b"\xef\xbb\xbfvotes:\r\n  RUS: no\r\n")
    assert loaded.problems == []
    assert loaded.root.value["votes"][1].value["RUS"][1].value == "no"


def test_complex_key_refused(tmp_path):
    problem = _only(_read(tmp_path, "? [a, b]\n: 1\n").problems)
    assert (problem.code, problem.line) == ("yaml-key", 1)
