"""Work done in a forked child process, its result sent back pickled through a pipe: the machinery
votes.sidebyside (the report's charts and pivots) and votes.quotes (quotes read ahead) share.
Nothing here knows what the work is; no module of votes is imported.
"""

from __future__ import annotations

import os
import pickle
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
    """Whether the processors are not all busy, by the load average of the last minute (this
    process's own work included): with more at work than processors, processes side by side only
    take turns (measured at a load of 3 to 4 on two cores: a report drawn side by side in 2.13 s,
    one chart at a time in 1.92 s)."""
    if not hasattr(os, "getloadavg"):
        return True
    try:
        return os.getloadavg()[0] < processors()
    except OSError:
        return True


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
    if pid == 0:  # the child: work, write, and leave without running the parent's exit handlers
        code = _FAILED
        try:
            os.close(reading)
            view = memoryview(pickle.dumps(job(), protocol=pickle.HIGHEST_PROTOCOL))
            while view:
                view = view[os.write(writing, view):]
            code = 0
        except BaseException:  # noqa: BLE001 - whatever happened, the parent does the job itself
            code = _FAILED
        finally:
            os._exit(code)
    os.close(writing)
    return pid, reading


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
