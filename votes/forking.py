"""Work done in a forked child process, its result sent back pickled through a pipe: the machinery
votes.sidebyside (the report's charts and pivots) and votes.quotes (quotes read ahead) share.
Nothing here knows what the work is; no module of votes is imported.
"""

from __future__ import annotations

import os
import pickle
import tempfile
from collections.abc import Callable

#: Exit code of a child that could not do its job (the parent then does it itself).
_FAILED = 3


def can_fork() -> bool:
    """Whether work can be done side by side here: the platform forks (POSIX) and this process may
    run on more than one processor."""
    return hasattr(os, "fork") and processors() > 1


def processors() -> int:
    """The processors this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def spare_processor() -> bool:
    """Whether the processors are not all busy: fewer processes running right now than processors
    (this one included; Linux counts them in /proc/loadavg), or a load average of the last minute
    below the processors (this process's own work included). With more at work than processors,
    processes side by side only take turns (measured at a load of 3 to 4 on two cores: a report drawn
    side by side in 2.13 s, one chart at a time in 1.92 s). The count right now sees a machine freed
    a moment ago that the last minute's average still counts as busy: run after a job of two
    processes, the first-run report at 30,000 drafts worked one process at a time in 53 s, where
    side by side it takes 39 s."""
    now = running_now()
    if now is not None and now < processors():
        return True
    if not hasattr(os, "getloadavg"):
        return True
    try:
        return os.getloadavg()[0] < processors()
    except OSError:
        return True


def running_now() -> int | None:
    """The processes running or ready to run right now, this one included (the fourth field of Linux's
    /proc/loadavg, "2/109"); None where the platform does not say."""
    try:
        with open("/proc/loadavg", encoding="ascii") as f:
            return runnable(f.read())
    except (OSError, ValueError, IndexError):
        return None


def runnable(loadavg: str) -> int:
    """The processes running or ready to run in the text of /proc/loadavg: "0.63 0.99 1.26 2/109 6166" -> 2."""
    return int(loadavg.split()[3].split("/")[0])


def side_by_side() -> bool:
    """Whether `SideBySide` forks by default: where it can, and the processors are not all busy."""
    return can_fork() and spare_processor()


class Child:
    """One job in a forked child process (see `fork_job`; `started` is None where the fork failed):
    `result` gives its result, `stop` kills it; either waits for the child."""

    def __init__(self, job: Callable[[], object]):
        self.started = fork_job(job)  # (pid, read end of its pipe), or None

    def result(self) -> tuple[bool, object]:
        """(True, the job's result) when the child did its job, else (False, None)."""
        started, self.started = self.started, None
        if started is None:
            return False, None
        pid, reading = started
        data = read_all(reading)
        _, status = os.waitpid(pid, 0)
        if os.waitstatus_to_exitcode(status) == 0 and data:
            return True, pickle.loads(data)
        return False, None

    def stop(self) -> None:
        """Kill the child if it is still at work, and wait for it."""
        started, self.started = self.started, None
        if started is not None:
            kill_and_wait(*started)


class Streamed:
    """One job over a list of items done in a forked child, in order, its results handed back chunk
    by chunk as they are made: `get(i)` gives item i's result, waiting only for the chunk that holds
    it, so this process uses the first results while the child makes the later ones.

    The child writes each chunk, pickled, to a temporary file both processes hold, then one byte into
    a pipe to say it is there: it never waits for this process to read (a pipe alone would hold it
    back as soon as its buffer filled, while this process is busy elsewhere). `get` gives None
    where the fork or the child failed; the caller then does that item's work itself."""

    def __init__(self, items: list, work: Callable[[object], object], chunk: int = 256):
        self._size = len(items)
        self._results: list = []
        self._offset = 0  # where the next chunk starts in the file
        self._failed = False
        self.pid: int | None = None
        try:
            self._file = tempfile.TemporaryFile()
        except OSError:
            self._failed = True
            return
        fd = self._file.fileno()
        reading, writing = os.pipe()
        try:
            pid = os.fork()
        except OSError:
            for end in (reading, writing):
                os.close(end)
            self._close(failed=True)
            return
        if pid == 0:  # the child: work chunk by chunk
            def chunks() -> None:
                for start in range(0, len(items), chunk):
                    data = pickle.dumps([work(item) for item in items[start:start + chunk]],
                                        protocol=pickle.HIGHEST_PROTOCOL)
                    _write_whole(fd, len(data).to_bytes(8, "little") + data)
                    _write_whole(writing, b".")

            _in_child(reading, chunks)
        os.close(writing)
        self.pid, self._reading = pid, reading

    def get(self, index: int):
        """Item `index`'s result, once the child has made it; None where the child failed."""
        while len(self._results) <= index and not self._failed:
            if not os.read(self._reading, 1):  # the child ended before writing that chunk
                self._close(failed=True)
                break
            fd = self._file.fileno()
            try:
                length = int.from_bytes(_read_whole(fd, 8, self._offset), "little")
                made = pickle.loads(_read_whole(fd, length, self._offset + 8))
            except (OSError, pickle.UnpicklingError, EOFError, ValueError):
                self._close(failed=True)
                break
            self._offset += 8 + length
            self._results += made
            if len(self._results) >= self._size:
                self._close(failed=False)
        return self._results[index] if index < len(self._results) else None

    def stop(self) -> None:
        """Kill the child if it is still at work, and wait for it: what it would make is not wanted."""
        self._close(failed=True)

    def _close(self, failed: bool) -> None:
        self._failed = self._failed or failed
        if self.pid is not None:
            pid, self.pid = self.pid, None
            if failed:
                kill_and_wait(pid, self._reading)
            else:
                os.close(self._reading)
                os.waitpid(pid, 0)
        file, self._file = getattr(self, "_file", None), None
        if file is not None:
            file.close()


def _write_whole(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


def _read_whole(fd: int, length: int, offset: int) -> bytes:
    chunks = []
    while length > 0:
        chunk = os.pread(fd, min(length, 1 << 24), offset)
        if not chunk:
            raise OSError("a chunk the child wrote is cut short")
        chunks.append(chunk)
        offset += len(chunk)
        length -= len(chunk)
    return b"".join(chunks)


def kill_and_wait(pid: int, reading: int) -> None:
    """Close the read end of a child's pipe, kill the child if it is still at work, and wait for it."""
    import signal

    os.close(reading)
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    os.waitpid(pid, 0)


def fork_job(job: Callable[[], object]) -> tuple[int, int] | None:
    """Fork a child that does the job and writes its pickled result into a pipe; (pid, read end),
    or None when the process cannot fork (the job is then done here)."""
    reading, writing = os.pipe()
    try:
        pid = os.fork()
    except OSError:
        os.close(reading)
        os.close(writing)
        return None
    if pid == 0:  # the child: work and write
        _in_child(reading, lambda: _write_whole(writing, pickle.dumps(job(), protocol=pickle.HIGHEST_PROTOCOL)))
    os.close(writing)
    return pid, reading


def _in_child(reading: int, body: Callable[[], None]) -> None:
    """What a forked child does: close the read end of its pipe, do its work, and leave without running
    the parent's exit handlers, with exit code 0 if the work was done, else _FAILED (whatever happened,
    the parent then does the work itself)."""
    code = _FAILED
    try:
        os.close(reading)
        body()
        code = 0
    except BaseException:  # noqa: BLE001 - the parent does the work itself
        code = _FAILED
    finally:
        os._exit(code)


def read_all(reading: int) -> bytes:
    """Everything a child writes into its pipe, until it closes it."""
    chunks = []
    try:
        while True:
            chunk = os.read(reading, 1 << 20)
            if not chunk:
                break
            chunks.append(chunk)
    finally:
        os.close(reading)
    return b"".join(chunks)
