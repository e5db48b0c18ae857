"""Writing at the edge: every file `votes` writes goes through here.

What is at a target path is respected:

- a regular file (or nothing) is replaced atomically: the new content goes to
  a temporary file beside it, is flushed to disk, and is renamed into place,
  so a crash or a full disk never leaves a half-written file;
- a symbolic link is followed, and its target written that way: the link
  stays a link;
- a FIFO or a character device (a pipe, a terminal, /dev/null) is written
  directly, as the shell's `>` would, and never replaced by a regular file;
- a folder, a block device or a socket is refused.

A set of files (the report) is written as one: every file is first written
whole to its temporary name; then, holding a lock on each folder and with
the signals that stop a run held back, all are renamed at once. Two runs
writing the same folder cannot interleave their files, and a run stopped by
any signal it can catch removes its temporary files and leaves the old set.

Output never goes into the seeds folder, nor into a folder that holds a data
file, nor onto an input: the folders are compared as the file system sees
them (links and `..` resolved), not by name. Every failure of the file
system becomes one `VotesError` naming the path.
"""

from __future__ import annotations

import errno
import os
import signal
import stat
import tempfile
from contextlib import contextmanager
from pathlib import Path

from .errors import VotesError
from .read import file_kind, os_message

#: Signals that end a run and can be caught: held back while files are renamed into place, and
#: turned into an orderly exit (temporary files removed) while they are being written.
STOP_SIGNALS = tuple(getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name))
_TMP_SUFFIX = ".tmp"


class _Target:
    """Where one output goes: the path as given, the real path written, and how."""

    __slots__ = ("path", "real", "stream", "payload", "tmp")

    def __init__(self, path: Path, real: Path, stream: bool, payload: bytes):
        self.path, self.real, self.stream, self.payload = path, real, stream, payload
        self.tmp: str | None = None


def write_atomic(path: Path, data: bytes | str) -> None:
    """Write one file whole or not at all (see the module's notes on links, FIFOs and devices)."""
    write_files({Path(path): data})


def write_files(files: dict[Path, bytes | str]) -> list[Path]:
    """Write a set of files as one: all the new ones, or (on any failure) all the old ones.

    Returns the paths as given. Raises VotesError, naming the path, when a file
    cannot be written; nothing is renamed into place then.
    """
    targets = [_plan(Path(path), data.encode("utf-8") if isinstance(data, str) else data)
               for path, data in files.items()]
    with _stop_signals_exit():
        try:
            for target in targets:
                if target.stream:
                    _write_stream(target)
                else:
                    _write_temporary(target)
            regular = [t for t in targets if not t.stream]
            with _locked({t.real.parent for t in regular}), _signals_held():
                for target in regular:
                    try:
                        os.replace(target.tmp, target.real)
                    except OSError as exc:
                        raise VotesError(_written(target.path, exc)) from None
                    target.tmp = None
        finally:
            for target in targets:
                if target.tmp is not None:
                    _remove(target.tmp)
    for folder in {t.real.parent for t in targets if not t.stream}:
        _sync_folder(folder)
    return [t.path for t in targets]


def _plan(path: Path, payload: bytes) -> _Target:
    """What is at `path`, and so how to write it; refuse what cannot be written before anything is."""
    shown = path.as_posix()
    try:
        real = Path(os.path.realpath(path))
    except (OSError, ValueError) as exc:
        raise VotesError(f"{shown}: cannot be resolved ({exc})") from None
    try:
        mode = os.stat(real).st_mode
    except FileNotFoundError:
        _make_folder(real.parent, shown)
        return _Target(path, real, False, payload)
    except ValueError:
        raise VotesError(f"{shown}: the path holds a NUL character") from None
    except OSError as exc:
        raise VotesError(_written(path, exc)) from None
    if stat.S_ISREG(mode):
        return _Target(path, real, False, payload)
    if stat.S_ISFIFO(mode) or stat.S_ISCHR(mode):
        return _Target(path, real, True, payload)
    raise VotesError(f"{shown}: is {file_kind(mode)}; votes writes only to files, pipes and terminals")


def _make_folder(folder: Path, shown: str) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise VotesError(f"{shown}: a part of the path is not a folder") from None
    except OSError as exc:
        raise VotesError(_written(Path(shown), exc)) from None


def _written(path: Path, exc: OSError) -> str:
    return os_message(path.as_posix(), exc).replace("cannot read", "cannot write")


def _write_temporary(target: _Target) -> None:
    folder = target.real.parent
    try:
        with _signals_held():  # a stop between creating the file and noting its name would leave it behind
            fd, target.tmp = tempfile.mkstemp(dir=folder, prefix=f".{target.real.name}.", suffix=_TMP_SUFFIX)
        try:
            try:  # keep the mode of the file replaced; a new file gets the usual one (mkstemp makes 0600)
                mode = stat.S_IMODE(os.stat(target.real).st_mode)
            except FileNotFoundError:
                mode = 0o666 & ~_umask()
            os.fchmod(fd, mode)
        except (OSError, AttributeError):  # no fchmod (Windows), or a file system without modes
            pass
        with os.fdopen(fd, "wb") as handle:
            handle.write(target.payload)
            handle.flush()
            os.fsync(handle.fileno())
    except OSError as exc:
        raise VotesError(_written(target.path, exc)) from None


def _write_stream(target: _Target) -> None:
    """Write to a FIFO or a character device as it is: no temporary file, no rename."""
    shown = target.path.as_posix()
    flags = os.O_WRONLY | getattr(os, "O_NOCTTY", 0)
    nonblock = getattr(os, "O_NONBLOCK", 0)
    try:
        # without O_NONBLOCK, opening a FIFO nobody reads would wait for ever
        fd = os.open(target.real, flags | nonblock)
    except OSError as exc:
        if exc.errno == errno.ENXIO:
            raise VotesError(f"{shown}: is a FIFO that no program is reading; start the reader first") from None
        raise VotesError(_written(target.path, exc)) from None
    try:
        if nonblock:
            os.set_blocking(fd, True)  # the reader is there: let writes wait for it
        view = memoryview(target.payload)
        while view:
            done = os.write(fd, view)
            view = view[done:]
    except OSError as exc:
        raise VotesError(_written(target.path, exc)) from None
    finally:
        os.close(fd)


def _remove(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass


def _sync_folder(folder: Path) -> None:
    """Flush the folder's entries, so the renames survive a power cut; best effort."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


@contextmanager
def _locked(folders):
    """An exclusive lock on each folder (in a fixed order), where the system offers one."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows: renames are still each atomic
        yield
        return
    held = []
    try:
        for folder in sorted(folders):
            try:
                fd = os.open(folder, os.O_RDONLY)
            except OSError as exc:
                raise VotesError(_written(folder, exc)) from None
            held.append(fd)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX)
            except OSError:  # a file system without locks: renames are still each atomic
                pass
        yield
    finally:
        for fd in held:
            os.close(fd)  # closing releases the lock


@contextmanager
def _signals_held():
    """Hold back the stop signals while files are renamed, so a set is never left half renamed."""
    if not hasattr(signal, "pthread_sigmask"):  # pragma: no cover - Windows
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, STOP_SIGNALS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)  # a held signal is delivered here


class Stopped(SystemExit):
    """A stop signal arrived while files were being written: temporary files are removed, exit 128 + N."""

    def __init__(self, signum: int):
        super().__init__(128 + signum)
        self.signum = signum


@contextmanager
def _stop_signals_exit():
    """While files are written, SIGTERM and SIGHUP end the run as an exception (as Ctrl-C already
    does), so that the cleanup runs; their handlers are restored afterwards."""
    installed = {}

    def stop(signum, frame):
        raise Stopped(signum)

    try:
        for signum in STOP_SIGNALS:
            if signum == getattr(signal, "SIGINT", None):
                continue  # KeyboardInterrupt already unwinds
            if signal.getsignal(signum) in (signal.SIG_DFL, None):
                installed[signum] = signal.signal(signum, stop)
    except ValueError:  # not the main thread: only the main thread receives signals anyway
        pass
    try:
        yield
    finally:
        for signum, previous in installed.items():
            signal.signal(signum, previous)


# --- where output may go -------------------------------------------------------------------------

def refuse_inputs(targets: list[Path], data_files: list[Path], seeds_dir: Path, *, reports: bool = False) -> None:
    """Refuse output that would land among the user's input.

    No output file may be written onto an input file, into the seeds folder or
    below it, or into the folder of a data file. Below a data file's folder
    only when that folder is the project's own (it also holds the seeds folder,
    or the working folder): `reports/` beside `resolutions.yaml` is fine there,
    `data/reports/` is not. Paths are compared as the file system resolves them,
    links and `..` included. reports: word the refusal for a report folder.
    """
    data = [Path(os.path.realpath(p)) for p in data_files]
    seeds = Path(os.path.realpath(seeds_dir))
    here = Path(os.path.realpath(os.curdir))
    for target in targets:
        real = Path(os.path.realpath(target))
        for original, resolved in zip(data_files, data):
            if _same(real, resolved):
                raise VotesError(f"{target.as_posix()}: refusing to overwrite input {original.as_posix()}")
        above = (real.parent, *real.parent.parents)
        if any(_same(folder, seeds) for folder in above):
            raise VotesError(_refusal(target, seeds_dir.as_posix(), reports))
        for original, resolved in zip(data_files, data):
            folder = resolved.parent
            if _same(real.parent, folder):
                raise VotesError(_refusal(target, _display(folder), reports))
            project = _within(seeds, folder) or _within(here, folder)
            if not project and any(_same(above_, folder) for above_ in above[1:]):
                raise VotesError(_refusal(target, _display(folder), reports))


def check_folder(folder: Path) -> None:
    """Refuse, before any work, an output folder that is a file or something else (links followed)."""
    try:
        mode = os.stat(folder).st_mode
    except FileNotFoundError:
        return  # made when the files are written
    except (OSError, ValueError) as exc:
        if isinstance(exc, NotADirectoryError):
            raise VotesError(f"{folder.as_posix()}: a part of the path is not a folder") from None
        raise VotesError(_written(folder, exc) if isinstance(exc, OSError) else
                         f"{folder.as_posix()}: the path holds a NUL character") from None
    if not stat.S_ISDIR(mode):
        raise VotesError(f"{folder.as_posix()}: is {file_kind(mode)}, not a folder")


def _refusal(target: Path, folder: str, reports: bool) -> str:
    if reports:
        return f"{target.parent.as_posix()}: refusing to write reports into {folder}, which holds your input"
    return f"{target.as_posix()}: refusing to overwrite input: {folder} holds your input, and output never goes there"


def _within(path: Path, folder: Path) -> bool:
    return any(_same(p, folder) for p in (path, *path.parents))


def _same(a: Path, b: Path) -> bool:
    if a == b:
        return True
    try:
        return os.path.samefile(a, b)  # case-insensitive file systems, bind mounts
    except (OSError, ValueError):
        return False


def _display(folder: Path) -> str:
    try:
        rel = os.path.relpath(folder)
    except ValueError:
        return folder.as_posix()
    return Path(rel).as_posix() if not rel.startswith("..") else folder.as_posix()
