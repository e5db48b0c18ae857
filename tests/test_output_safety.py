"""What `votes` writes and prints respects what is there (issue 9).

Files: links are written through, pipes and devices are written directly and
never replaced, folders and other special files are refused, output stays out
of the input folders, a report set is wholly new or wholly old, and a stopped
run leaves no temporary file. Text: every output format escapes what it
prints, so no value or file name can act on a terminal or on a CI runner.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from conftest import PROJECT
from test_checks import BASE, SEED, replaced, run
from votes import VotesError, load_project, validate
from votes import output as output_module
from votes.output import refuse_inputs, write_atomic, write_files
from votes.render import github_data, github_property, json_text, problems_github, problems_text, visible

needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
needs_posix_signals = pytest.mark.skipif(not hasattr(signal, "SIGTERM") or os.name != "posix",
                                         reason="POSIX signals only")


def _no_temporary_files(folder: Path) -> bool:
    return not [p for p in folder.rglob("*") if p.name.endswith(".tmp")]


# --- export -o: links, pipes, devices, folders ------------------------------------------------------

def test_export_onto_a_link_writes_through_it(cli, shipped_copy):
    elsewhere = shipped_copy / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "votes.csv").write_text("old\n", encoding="utf-8")
    (shipped_copy / "out.csv").symlink_to(elsewhere / "votes.csv")
    cli("export", "-o", "out.csv")
    assert (shipped_copy / "out.csv").is_symlink()
    assert (elsewhere / "votes.csv").read_text(encoding="utf-8").startswith("draft_id,symbol,")
    assert _no_temporary_files(shipped_copy)


def test_export_onto_a_dangling_link_creates_its_target(cli, shipped_copy):
    (shipped_copy / "target").mkdir()
    (shipped_copy / "out.csv").symlink_to(shipped_copy / "target" / "new.csv")
    cli("export", "-o", "out.csv")
    assert (shipped_copy / "out.csv").is_symlink()
    assert (shipped_copy / "target" / "new.csv").read_text(encoding="utf-8").startswith("draft_id,")


def test_export_through_a_link_into_the_data_folder_is_refused(cli, shipped_copy):
    (shipped_copy / "out.csv").symlink_to(shipped_copy / "data" / "resolutions.yaml")
    before = (shipped_copy / "data" / "resolutions.yaml").read_bytes()
    result = cli("export", "-o", "out.csv", ok_codes=(2,))
    assert result.stderr == "Error: out.csv: refusing to overwrite input data/resolutions.yaml\n"
    assert (shipped_copy / "data" / "resolutions.yaml").read_bytes() == before


@needs_fifo
def test_export_onto_a_fifo_writes_into_it(cli, shipped_copy):
    fifo = shipped_copy / "pipe.csv"
    os.mkfifo(fifo)
    received = []

    def reader():
        with open(fifo, "rb") as handle:
            received.append(handle.read())

    thread = threading.Thread(target=reader)
    thread.start()
    time.sleep(0.2)  # the reader has the FIFO open before the command writes
    cli("export", "-o", "pipe.csv")
    thread.join(10)
    assert received and received[0].startswith(b"draft_id,symbol,")
    assert stat.S_ISFIFO(fifo.lstat().st_mode)  # still a FIFO, not replaced by a file
    assert _no_temporary_files(shipped_copy)


@needs_fifo
def test_export_onto_a_fifo_nobody_reads_is_refused_at_once(cli, shipped_copy):
    os.mkfifo(shipped_copy / "pipe.csv")
    start = time.perf_counter()
    result = cli("export", "-o", "pipe.csv", ok_codes=(2,))
    assert time.perf_counter() - start < 5
    assert result.stderr == "Error: pipe.csv: is a FIFO that no program is reading; start the reader first\n"
    assert stat.S_ISFIFO((shipped_copy / "pipe.csv").lstat().st_mode)


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="no pseudo-terminals here")
def test_export_onto_a_terminal_device_writes_into_it(cli, shipped_copy):
    main_fd, other_fd = os.openpty()
    device = os.ttyname(other_fd)
    try:
        cli("export", "-o", device)
        os.set_blocking(main_fd, False)
        got = b""
        deadline = time.time() + 5
        while b"basis" not in got and time.time() < deadline:
            try:
                got += os.read(main_fd, 65536)
            except BlockingIOError:
                time.sleep(0.05)
        assert got.startswith(b"draft_id,symbol,")
        assert stat.S_ISCHR(os.stat(device).st_mode)
    finally:
        os.close(main_fd)
        os.close(other_fd)


@pytest.mark.parametrize("target, message", [
    ("data", "Error: data: is a folder; votes writes only to files, pipes and terminals\n"),
    ("out", "Error: out: is a folder; votes writes only to files, pipes and terminals\n"),
    ("notes.txt/x.csv", "Error: notes.txt/x.csv: a part of the path is not a folder\n"),
])
def test_export_onto_what_cannot_hold_a_file(cli, shipped_copy, target, message):
    (shipped_copy / "out").mkdir()
    (shipped_copy / "notes.txt").write_text("mine\n", encoding="utf-8")
    result = cli("export", "-o", target, ok_codes=(2,))
    assert result.stderr == message
    assert "Traceback" not in result.output


@pytest.mark.parametrize("out, message", [
    ("notes.txt", "Error: notes.txt: is a file, not a folder\n"),
    ("notes.txt/reports", "Error: notes.txt/reports: a part of the path is not a folder\n"),
])
def test_report_out_that_is_not_a_folder(cli, shipped_copy, out, message):
    (shipped_copy / "notes.txt").write_text("mine\n", encoding="utf-8")
    result = cli("report", "--out", out, ok_codes=(2,))
    assert result.stderr == message
    assert (shipped_copy / "notes.txt").read_text(encoding="utf-8") == "mine\n"


@pytest.mark.skipif(not os.path.exists("/dev/null") or os.name != "posix", reason="POSIX devices only")
def test_report_out_on_a_device(cli, shipped_copy):
    result = cli("report", "--out", "/dev/null", ok_codes=(2,))
    assert result.stderr == "Error: /dev/null: is a character device, not a folder\n"
    result = cli("report", "--out", "/dev/null/reports", ok_codes=(2,))
    assert result.stderr == "Error: /dev/null/reports: a part of the path is not a folder\n"


@pytest.mark.skipif(not os.path.exists("/dev/null") or os.name != "posix", reason="POSIX devices only")
def test_export_under_a_device_is_one_message(cli, shipped_copy):
    result = cli("export", "-o", "/dev/null/x.csv", ok_codes=(2,))
    assert result.stderr == "Error: /dev/null/x.csv: a part of the path is not a folder\n"


def test_export_into_a_folder_that_cannot_be_written(cli, shipped_copy):
    locked = shipped_copy / "locked"
    locked.mkdir()
    locked.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        if os.access(locked, os.W_OK):
            pytest.skip("running as root: permissions are not enforced")
        result = cli("export", "-o", "locked/votes.csv", ok_codes=(2,))
    finally:
        locked.chmod(stat.S_IRWXU)
    assert result.stderr == "Error: locked/votes.csv: permission denied\n"


def test_export_keeps_the_mode_of_the_file_it_replaces(cli, shipped_copy):
    path = shipped_copy / "votes.csv"
    path.write_text("old\n", encoding="utf-8")
    path.chmod(0o600)
    cli("export", "-o", "votes.csv")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert path.read_text(encoding="utf-8").startswith("draft_id,")


# --- the protected folders ------------------------------------------------------------------------

def test_export_into_the_data_folder_is_refused(cli, shipped_copy):
    result = cli("export", "-o", "data/x.csv", ok_codes=(2,))
    assert result.stderr == ("Error: data/x.csv: refusing to overwrite input: data holds your input, and "
                             "output never goes there\n")
    assert not (shipped_copy / "data" / "x.csv").exists()


def test_report_from_the_folder_that_holds_the_data_files(cli, shipped_copy, monkeypatch):
    """A project kept flat: resolutions.yaml, council.yaml and seeds/ side by side."""
    for name in ("resolutions.yaml", "council.yaml"):
        shutil.move(shipped_copy / "data" / name, shipped_copy / name)
    result = cli("report", "--data", "resolutions.yaml", "--council", "council.yaml", "--out", "reports")
    assert "wrote reports/report.md" in result.output
    assert (shipped_copy / "reports" / "report.md").read_text(encoding="utf-8").startswith("# ")
    result = cli("report", "--data", "resolutions.yaml", "--council", "council.yaml", "--out", ".", ok_codes=(2,))
    assert "refusing to write reports into" in result.stderr


def test_report_run_inside_the_data_folder(cli, shipped_copy, monkeypatch):
    monkeypatch.chdir(shipped_copy / "data")
    cli("report", "--data", "resolutions.yaml", "--council", "council.yaml", "--seeds", "../seeds",
        "--out", "reports")
    assert (shipped_copy / "data" / "reports" / "report.md").exists()


def test_protected_folders_are_compared_as_the_file_system_sees_them(cli, shipped_copy):
    (shipped_copy / "alias").symlink_to(shipped_copy / "seeds")
    result = cli("report", "--out", "alias/reports", ok_codes=(2,))
    assert result.stderr == "Error: alias/reports: refusing to write reports into seeds, which holds your input\n"
    result = cli("report", "--out", "out/../data", ok_codes=(2,))
    assert "refusing to write reports into data" in result.stderr
    assert not (shipped_copy / "seeds" / "reports").exists()


def test_refuse_inputs_from_python(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "data").mkdir()
    (tmp_path / "seeds").mkdir()
    data = [tmp_path / "data" / "resolutions.yaml", tmp_path / "data" / "council.yaml"]
    refuse_inputs([tmp_path / "reports" / "report.md"], data, tmp_path / "seeds")
    for bad in (tmp_path / "data" / "x.csv", tmp_path / "data" / "sub" / "x.csv", tmp_path / "seeds" / "x" / "y.md",
                data[0]):
        with pytest.raises(VotesError):
            refuse_inputs([bad], data, tmp_path / "seeds")


# --- a report set: wholly new or wholly old --------------------------------------------------------

def test_two_writers_never_leave_a_mixed_set(tmp_path, monkeypatch):
    """Writer A renames slowly; B starts later and renames fast, so without the lock B's files
    would land between A's (f0, f1 from B, the rest from A)."""
    names = [f"f{i}.txt" for i in range(6)]
    real = os.replace
    pace = {"A": 0.03, "B": 0.01}

    def replace(src, dst):
        time.sleep(pace[threading.current_thread().name])
        real(src, dst)

    monkeypatch.setattr(output_module.os, "replace", replace)
    barrier = threading.Barrier(2)

    def writer(tag):
        barrier.wait()
        if tag == "B":
            time.sleep(0.05)
        write_files({tmp_path / name: tag for name in names})

    threads = [threading.Thread(target=writer, args=(tag,), name=tag) for tag in ("A", "B")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    contents = [(tmp_path / name).read_text() for name in names]
    assert len(set(contents)) == 1, contents
    assert _no_temporary_files(tmp_path)


def test_a_failure_while_writing_leaves_the_old_set(tmp_path, monkeypatch):
    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / name).write_text("old")
    real = os.fsync
    calls = []

    def fsync(fd):
        calls.append(fd)
        if len(calls) == 3:
            raise OSError(28, "No space left on device")
        real(fd)

    monkeypatch.setattr(output_module.os, "fsync", fsync)
    with pytest.raises(VotesError, match=r"/c\.txt: cannot write \(No space left on device\)$"):
        write_files({tmp_path / "a.txt": "new", tmp_path / "b.txt": "new", tmp_path / "c.txt": "new"})
    assert [(tmp_path / n).read_text() for n in ("a.txt", "b.txt", "c.txt")] == ["old", "old", "old"]
    assert _no_temporary_files(tmp_path)


STOPPABLE = """
import os, signal, sys, time
from pathlib import Path
from votes import output
# a run started under nohup ignores SIGHUP, and so would this child: start from the defaults
for signum in (signal.SIGHUP, signal.SIGTERM, signal.SIGINT):
    signal.signal(signum, signal.SIG_DFL if signum != signal.SIGINT else signal.default_int_handler)
folder = Path(sys.argv[1])
original = output._write_temporary
def slow(target):
    original(target)
    print("wrote", target.real.name, flush=True)
    time.sleep(0.5)
output._write_temporary = slow
output.write_files({folder / f"f{i}.txt": "new" for i in range(8)})
"""


@needs_posix_signals
@pytest.mark.parametrize("signum, code", [(signal.SIGTERM, 128 + 15), (signal.SIGHUP, 128 + 1),
                                          (signal.SIGINT, -signal.SIGINT)])  # Ctrl-C: Python re-raises it
def test_a_stopped_run_leaves_no_temporary_file_and_the_old_set(tmp_path, signum, code):
    for i in range(8):
        (tmp_path / f"f{i}.txt").write_text("old")
    proc = subprocess.Popen([sys.executable, "-c", STOPPABLE, str(tmp_path)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    assert proc.stdout.readline().startswith("wrote")
    assert proc.stdout.readline().startswith("wrote")
    proc.send_signal(signum)
    proc.wait(20)
    assert proc.returncode == code, proc.stderr.read()
    assert _no_temporary_files(tmp_path)
    assert {(tmp_path / f"f{i}.txt").read_text() for i in range(8)} == {"old"}


# --- escaping for GitHub and terminals ------------------------------------------------------------

WORKFLOW = re.compile(r"^::(error|warning) file=([^,:]*),line=\d+,col=\d+,title=([^,:]*)::([^\r\n]*)$")


def test_github_escaping_follows_the_runner():
    assert github_data("50%\r\ndone: a, b") == "50%25%0D%0Adone: a, b"
    assert github_property("a: b, c%\n") == "a%3A b%2C c%25%0A"


def test_no_file_name_or_value_can_start_a_workflow_command(mini, cli):
    hostile = "x\n::error file=evil.py,line=1::pwned,y:z%0A.txt"
    mini.seed("a.txt", SEED)
    mini.manifest()
    (mini.root / "seeds" / hostile).write_text("Russia vetoed the draft.\n", encoding="utf-8")
    mini.records(replaced("title: French-Spanish draft", "title: \"t\\n::warning::x\"", BASE))
    result = cli("validate", "--format", "github", ok_codes=(0, 1))
    lines = result.output.splitlines()
    assert lines and all(WORKFLOW.match(line) for line in lines), result.output
    assert sum("pwned" in line for line in lines) >= 1  # the name is there, escaped
    assert not any(line.startswith("::error file=evil.py") for line in lines)


def test_terminal_text_escapes_control_characters(mini, cli):
    mini.seed("a.txt", SEED)
    mini.manifest()
    (mini.root / "seeds" / "b\x1b[2J.txt").write_text("Russia vetoed the draft.\n", encoding="utf-8")
    mini.records(replaced("title: French-Spanish draft", 'title: "bold \\e[1m text \\u202e reversed"', BASE))
    result = cli("validate", ok_codes=(0, 1))
    assert "\x1b" not in result.output and "\\x1b[2J" in result.output
    shown = cli("show", "fr-es").output
    assert "\x1b" not in shown and "\u202e" not in shown
    assert "bold \\x1b[1m text \\u202e reversed" in shown
    data = cli("show", "fr-es", "--format", "json").output
    assert "\u202e" not in data and "\\u202e" in data and "\\u001b[1m" in data


def test_export_to_a_terminal_escapes_but_a_pipe_gets_the_data(mini, cli, monkeypatch):
    council = (mini.root / "data" / "council.yaml").read_text(encoding="utf-8")
    council = replaced("name: Angola", 'name: "Angola\\e]0;title\\a"', council)
    (mini.root / "data" / "council.yaml").write_text(council, encoding="utf-8")
    run(mini)
    piped = cli("export").output
    assert "Angola\x1b]0;title\x07" in piped
    monkeypatch.setattr("votes.commands.is_terminal", lambda stream: True)
    shown = cli("export").output
    assert "\x1b" not in shown and "\x07" not in shown and "Angola\\x1b]0;title\\x07" in shown


def test_visible_keeps_text_and_escapes_controls():
    assert visible("Côte d’Ivoire — “quoted”\ttab") == "Côte d’Ivoire — “quoted”\ttab"
    assert visible("a\x1b[31mb\rc\nd\x9be\u202ef") == "a\\x1b[31mb\\rc\\nd\\x9be\\u202ef"
    assert visible("a\nb\x00", newlines=True) == "a\nb\\x00"
    assert json_text({"k": "a\x85b\u2066c\x1bd"}) == '{"k": "a\\u0085b\\u2066c\\u001bd"}'


def test_manifest_writes_odd_seed_names_as_quoted_strings(mini, cli):
    import yaml

    mini.seed("a.txt", SEED)
    odd = "b: x\n  sha256: 0\x1b.txt"
    (mini.root / "seeds" / odd).write_text("text\n", encoding="utf-8")
    mini.records(BASE)
    out = cli("manifest").output
    assert "\x1b" not in out
    assert sorted(yaml.safe_load(out)["seeds"]) == sorted(["a.txt", odd])
    assert "  a.txt:\n" in out  # plain names stay bare


def test_problems_text_is_one_line_per_problem_whatever_the_names(mini):
    mini.seed("a.txt", SEED)
    mini.manifest()
    (mini.root / "seeds" / "evil\nname.txt").write_text("x\n", encoding="utf-8")
    mini.records(BASE)
    validation = validate(load_project())
    text = problems_text(validation)
    problem_lines = [line for line in text.splitlines() if not line.startswith("    hint:")][:-1]
    assert len(problem_lines) == len(validation.problems)
    assert all(re.match(r"^[^ ]+:\d+:\d+: (error|warning)\[", line) for line in problem_lines), text
    assert len(problems_github(validation).splitlines()) == len(validation.problems)


# --- text drawn as text in the charts -------------------------------------------------------------

def test_dollar_signs_in_names_and_symbols_are_drawn_as_text(mini, cli):
    council = (mini.root / "data" / "council.yaml").read_text(encoding="utf-8")
    council = replaced("name: Angola", 'name: "$\\\\frac{$ Angola"', council)
    (mini.root / "data" / "council.yaml").write_text(council, encoding="utf-8")
    records = replaced("symbol: S/2016/846", 'symbol: "S/$x$/846"', BASE)
    run(mini, records)
    result = cli("report", "--out", "out", "--force", ok_codes=(0,))
    assert "Traceback" not in result.output
    assert (mini.root / "out" / "report.md").exists()

    from votes.report import build_report

    project = load_project()
    report = build_report(project, validate(project), force=True)
    texts = [t for figure in report.figures.values() for t in figure.findobj(lambda a: hasattr(a, "_preprocess_math"))]
    drawn = {t._preprocess_math(t.get_text()) for t in texts if t.get_text()}
    assert not [s for s, math in drawn if math]
    shown = {s for s, _ in drawn}
    assert "$\\frac{$ Angola" in shown and any("S/$x$/846" in s for s in shown)


# --- every OS-level failure is one message and exit code 2 ----------------------------------------

def test_nul_in_a_path_from_python_is_a_votes_error(tmp_path):
    with pytest.raises(VotesError, match="NUL"):
        load_project(tmp_path / "a\x00b.yaml", PROJECT / "data" / "council.yaml", PROJECT / "seeds")


def test_an_os_error_that_reaches_the_command_is_one_message(cli, shipped_copy, monkeypatch):
    def broken(*args, **kwargs):
        raise PermissionError(13, "Permission denied", "seeds/a.txt")

    monkeypatch.setattr("votes.commands.load_project", broken)
    result = cli("read", "a.txt", ok_codes=(2,))
    assert result.stderr == "Error: seeds/a.txt: Permission denied\n"


def test_write_atomic_from_python_refuses_a_folder(tmp_path):
    with pytest.raises(VotesError, match="is a folder"):
        write_atomic(tmp_path, "x")


def test_a_folder_that_refuses_files_is_one_message_even_as_root(cli, shipped_copy, monkeypatch):
    """The same as test_export_into_a_folder_that_cannot_be_written where permissions bind."""
    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied", str(shipped_copy / "out" / ".votes.csv.x.tmp"))

    monkeypatch.setattr(output_module.tempfile, "mkstemp", refuse)
    result = cli("export", "-o", "out/votes.csv", ok_codes=(2,))
    assert result.stderr == "Error: out/votes.csv: permission denied\n"
    result = cli("report", "--out", "out", ok_codes=(2,))
    assert result.stderr.startswith("Error: out/") and result.stderr.endswith(": permission denied\n")
    assert not (shipped_copy / "out" / "report.md").exists()


def test_a_data_file_that_cannot_be_read_is_one_message_even_as_root(cli, shipped_copy, monkeypatch):
    import votes.read

    real = os.open

    def refuse(path, flags, *args):
        if str(path).endswith("resolutions.yaml"):
            raise PermissionError(13, "Permission denied", str(path))
        return real(path, flags, *args)

    monkeypatch.setattr(votes.read.os, "open", refuse)
    result = cli("validate", ok_codes=(2,))
    assert result.stderr == "Error: data/resolutions.yaml: permission denied\n"
