"""The catalogue of bad input: one clear message with file and line, exit 1, no traceback, nothing written."""

from __future__ import annotations

import shutil

import pytest

from conftest import ROOT

GOOD_DRAFT = """drafts:
  - id: x
    title: t
    date: 2016-10-08
    status: vetoed
    votes: {RUS: no}
"""

# name -> (bytes of data/resolutions.yaml, expected start of the first problem line)
CATALOGUE = {
    "empty file": (b"", "data/resolutions.yaml:1:1: error[file-empty] the file holds no YAML document"),
    "only comments": (b"# nothing yet\n", "data/resolutions.yaml:1:1: error[file-empty]"),
    "list at the top": (b"- id: x\n", "data/resolutions.yaml:1:1: error[field-type] expected a mapping, found a list"),
    "scalar where a mapping belongs": (b"drafts:\n  - just text\n",
                                       "data/resolutions.yaml:2:5: error[field-type] drafts[0]: expected a mapping, found a single value"),
    "tab indentation": (b"drafts:\n\t- id: x\n", "data/resolutions.yaml:2:1: error[yaml-syntax]"),
    "unclosed quote": (b'drafts:\n  - id: "x\n    title: t\n', "data/resolutions.yaml:"),
    "non-UTF-8 bytes": (b"drafts:\n  - id: caf\xe9\n", "data/resolutions.yaml:2:12: error[file-encoding] byte 0xe9 is not UTF-8"),
    "NUL byte": (b"drafts:\x00\n", "data/resolutions.yaml:1:8: error[file-encoding]"),
    "20,000-deep nesting": (b"drafts: " + b"[" * 20000 + b"]" * 20000 + b"\n", "data/resolutions.yaml:1:"),
    "alias bomb": (b'a: &a ["x","x"]\nb: &b [*a,*a]\nc: &c [*b,*b]\n', "data/resolutions.yaml:1:4: error[yaml-anchor]"),
    "python tag": (b"drafts: !!python/object/apply:os.system ['true']\n", "data/resolutions.yaml:1:9: error[yaml-tag]"),
    "several documents": (GOOD_DRAFT.encode() + b"---\n" + GOOD_DRAFT.encode(), "data/resolutions.yaml:7:1: error[yaml-documents]"),
    "duplicate key": (GOOD_DRAFT.replace("    status: vetoed\n", "    status: vetoed\n    status: failed\n").encode(),
                      "data/resolutions.yaml:6:5: error[yaml-duplicate-key] key 'status' appears twice: at line 5 and line 6"),
    "unknown field (typo)": (GOOD_DRAFT.replace("votes:", "vote:").encode(),
                             "data/resolutions.yaml:6:5: error[field-unknown] draft x vote: unknown field 'vote'"),
    "impossible date": (GOOD_DRAFT.replace("2016-10-08", "2016-13-01").encode(),
                        "data/resolutions.yaml:4:11: error[date-invalid] draft x date: '2016-13-01' is not a real day"),
    "lowercase member code": (GOOD_DRAFT.replace("{RUS: no}", "{rus: no}").encode(),
                              "data/resolutions.yaml:6:13: error[member-code-invalid] draft x votes.rus"),
    "unknown member code": (GOOD_DRAFT.replace("{RUS: no}", "{XXX: no}").encode(),
                            "data/resolutions.yaml:6:13: error[member-unknown] draft x votes.XXX"),
    "vote outside the levels": (GOOD_DRAFT.replace("{RUS: no}", "{RUS: nay}").encode(),
                                "data/resolutions.yaml:6:18: error[value-invalid] draft x votes.RUS: 'nay' is not one of"),
    "old Mac line ends (bare CR)": (b"drafts: []\rignore: x\r",
                                    "data/resolutions.yaml:2:9: error[field-type] ignore: expected a list, found a single value"),
    "Unicode line separator": ("# note\u2028drafts: x\n".encode(),
                               "data/resolutions.yaml:2:9: error[field-type] drafts: expected a list, found a single value"),
    "vote read as boolean elsewhere": (GOOD_DRAFT.replace("{RUS: no}", "{RUS: false}").encode(),
                                       "data/resolutions.yaml:6:18: error[value-invalid] draft x votes.RUS"),
}


@pytest.fixture
def project(tmp_path, monkeypatch):
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    (tmp_path / "data").mkdir()
    shutil.copy(ROOT / "data" / "council.yaml", tmp_path / "data" / "council.yaml")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize("case", list(CATALOGUE))
def test_bad_records_file(project, cli, case):
    content, expected = CATALOGUE[case]
    path = project / "data" / "resolutions.yaml"
    path.write_bytes(content)
    result = cli("validate", ok_codes=(1,))
    assert "Traceback" not in result.output
    errors = [line for line in result.output.splitlines() if "error[" in line]
    assert len(errors) == 1, result.output  # one clear message, not a cascade
    assert errors[0].startswith(expected), result.output
    report = cli("report", "--out", "out", ok_codes=(1,))
    assert "Traceback" not in report.output
    assert not (project / "out").exists()
    assert path.read_bytes() == content  # nothing the user wrote is modified


def test_very_large_file(project, cli):
    path = project / "data" / "resolutions.yaml"
    with open(path, "wb") as handle:  # sparse: 65 MiB on paper, nothing on disk
        handle.truncate(65 * 2**20)
    result = cli("validate", ok_codes=(1,))
    assert result.output.startswith("data/resolutions.yaml:1:1: error[file-too-large] the file is 65 MiB")


def test_bom_and_crlf_work(project, cli):
    text = (ROOT / "data" / "resolutions.yaml").read_text(encoding="utf-8")
    (project / "data" / "resolutions.yaml").write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode())
    result = cli("validate", "--strict")
    assert result.output.startswith("0 errors, 0 warnings")


@pytest.mark.parametrize("old, new, expected", [
    ("    permanent: true\n    names: [China", "    permanent: yes\n    names: [China",
     "data/council.yaml:18:16: error[field-type] member CHN permanent: expected true or false, found 'yes'"),
    ("  2016: [CHN,", "  2016: [chn,", "data/council.yaml:"),
    ("groups:\n  P5:", "groups:\n  P5: CHN\n  P6:", "data/council.yaml:"),
])
def test_bad_council_file(project, cli, old, new, expected):
    text = (ROOT / "data" / "council.yaml").read_text(encoding="utf-8")
    assert old in text
    (project / "data" / "council.yaml").write_text(text.replace(old, new, 1), encoding="utf-8")
    shutil.copy(ROOT / "data" / "resolutions.yaml", project / "data" / "resolutions.yaml")
    result = cli("validate", ok_codes=(1,))
    assert "Traceback" not in result.output
    assert result.output.startswith(expected), result.output


def test_progress_bar_only_on_a_terminal():
    from votes.console import PROGRESS_FROM, show_progress

    class Tty:
        def isatty(self):
            return True

    class Pipe:
        def isatty(self):
            return False

    assert show_progress(Tty(), PROGRESS_FROM)
    assert not show_progress(Pipe(), PROGRESS_FROM)
    assert not show_progress(Tty(), PROGRESS_FROM - 1)
