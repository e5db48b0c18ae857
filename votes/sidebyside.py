"""Work done side by side: each job run in a forked child process where the platform forks and a
processor is free, its result sent back pickled through a pipe; otherwise run here, when its
result is asked for. A job's result is the same either way.

`votes report` spends most of what it costs beyond its imports drawing three charts and finding
each draft's pivots, and each of those is a function of what is already loaded or analysed. A
child forked then inherits it without pickling anything in, does its job while this process goes
on (the Markdown), and pickles back only the result: a PNG's bytes, or the pivots. That pays only
with a processor to spare: when the load average says more is at work than there are processors,
processes side by side only take turns, and each pays again what matplotlib loads on first use,
so the jobs are run here, one at a time. Where `os.fork` is missing (Windows), on one processor,
where a fork fails or a child fails, a job is run here too, so that nothing is lost to the
parallel path: a job that fails here raises as it would have without it.
"""

from __future__ import annotations

import os
import pickle
from collections.abc import Callable, Mapping

#: Exit code of a child that could not do its job (this process then does it itself).
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


class SideBySide:
    """Jobs by name, each forked as it is started, or run here when its result is asked for.

    parallel: whether to fork (default: `side_by_side`). Every job started must have its
    `result` asked for, or the whole be `abandon`ed, so that every child is waited for.
    """

    def __init__(self, parallel: bool | None = None):
        self.parallel = side_by_side() if parallel is None else parallel
        self._jobs: dict[str, Callable[[], object]] = {}
        self._children: dict[str, tuple[int, int]] = {}  # name -> (pid, read end of its pipe)

    @property
    def forked(self) -> list[str]:
        """The jobs given to child processes and not collected yet."""
        return list(self._children)

    def start(self, name: str, job: Callable[[], object], *, here: bool = False) -> None:
        """Start a job: in a child process at once, unless here (or not side by side), when it is
        run by `result`."""
        self._jobs[name] = job
        if self.parallel and not here:
            started = _fork(job)
            if started is not None:
                self._children[name] = started

    def result(self, name: str) -> object:
        """The job's result: read back from its child, or, where it had none or its child failed,
        made here and now."""
        child = self._children.pop(name, None)
        if child is not None:
            pid, reading = child
            data = _read_all(reading)
            _, status = os.waitpid(pid, 0)
            if os.waitstatus_to_exitcode(status) == 0 and data:
                return pickle.loads(data)
        return self._jobs[name]()

    def abandon(self) -> None:
        """Stop the children still at work and wait for them: their results are no longer wanted."""
        import signal

        children, self._children = self._children, {}
        for pid, reading in children.values():
            os.close(reading)
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            os.waitpid(pid, 0)


def draw_pngs(charts: Mapping[str, Callable[[], object]], parallel: bool | None = None) -> dict[str, bytes]:
    """PNG bytes of each chart, by name, in the order given: the first drawn here, the others side
    by side (`SideBySide`). charts: name -> a function that builds that chart's figure."""
    work = SideBySide(parallel)
    names = list(charts)
    try:
        for number, name in enumerate(names):
            work.start(name, png_job(charts[name]), here=number == 0)
        return {name: work.result(name) for name in names}
    except BaseException:
        work.abandon()
        raise


def png_job(make: Callable[[], object]) -> Callable[[], bytes]:
    """A job that builds a figure and gives its PNG bytes (`votes.charts.png_bytes`)."""
    def job() -> bytes:
        from .charts import png_bytes

        return png_bytes(make())

    return job


def _fork(job: Callable[[], object]) -> tuple[int, int] | None:
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


def _read_all(reading: int) -> bytes:
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
