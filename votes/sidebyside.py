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

Jobs started together run in one child, one after the other, each result handed back as soon as it
is made (`SideBySide.start_together`): each fork of a large process makes it copy every page it
writes afterwards (at 30,000 drafts the report's process holds 2 GB), so one child for the pivots
and two charts costs less than three.
"""

from __future__ import annotations

import os
import pickle
from collections.abc import Callable, Mapping

# The fork and the pipe are votes.forking's; the names stay here, where the report's tests replace them.
from .forking import Streamed as _stream, can_fork, fork_job as _fork, kill_and_wait, processors, \
    read_all as _read_all, side_by_side, spare_processor

__all__ = ["SideBySide", "can_fork", "draw_pngs", "png_job", "processors", "side_by_side", "spare_processor"]


class SideBySide:
    """Jobs by name, each forked as it is started, or run here when its result is asked for.

    parallel: whether to fork (default: `side_by_side`). Every job started must have its
    `result` asked for, or the whole be `abandon`ed, so that every child is waited for.
    """

    def __init__(self, parallel: bool | None = None):
        self.parallel = side_by_side() if parallel is None else parallel
        self._jobs: dict[str, Callable[[], object]] = {}
        self._children: dict[str, tuple[int, int]] = {}  # name -> (pid, read end of its pipe)
        self._streamed: dict[str, tuple[_stream, int]] = {}  # name -> (the child of jobs started together, index)

    @property
    def forked(self) -> list[str]:
        """The jobs given to child processes and not collected yet."""
        return list(self._children) + list(self._streamed)

    def start(self, name: str, job: Callable[[], object], *, here: bool = False) -> None:
        """Start a job: in a child process at once, unless here (or not side by side), when it is
        run by `result`."""
        self._jobs[name] = job
        if self.parallel and not here:
            started = _fork(job)
            if started is not None:
                self._children[name] = started

    def start_together(self, jobs: Mapping[str, Callable[[], object]]) -> None:
        """Start these jobs in one child process, one after the other in the order given, each result
        handed back as soon as it is made (votes.forking.Streamed), so that the first can be used
        while the child makes the next; or, not side by side, each run by `result`."""
        self._jobs.update(jobs)
        if not (self.parallel and jobs):
            return
        stream = _stream(list(jobs.values()), lambda job: (job(),), chunk=1)  # (result,): None is a failure
        if stream.pid is not None:
            self._streamed.update((name, (stream, index)) for index, name in enumerate(jobs))

    def result(self, name: str) -> object:
        """The job's result: read back from its child, or, where it had none or its child failed,
        made here and now."""
        streamed = self._streamed.pop(name, None)
        if streamed is not None:
            stream, index = streamed
            made = stream.get(index)
            if not any(other is stream for other, _ in self._streamed.values()):
                stream.stop()  # every result taken (or its child failed): wait for the child
            if made is not None:
                return made[0]
            return self._jobs[name]()
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
        children, self._children = self._children, {}
        for pid, reading in children.values():
            kill_and_wait(pid, reading)
        streamed, self._streamed = self._streamed, {}
        for stream in {id(stream): stream for stream, _ in streamed.values()}.values():
            stream.stop()


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
