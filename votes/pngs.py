"""The report's charts as PNG bytes: drawn side by side in forked processes where the platform
forks, one after another where it does not, with the same bytes either way.

Drawing and saving the three charts is most of what `votes report` costs beyond importing
pandas and matplotlib, and each chart is drawn on its own figure from analyses already made,
so they can be drawn at once: a child process forked after the analyses inherits them without
pickling anything, draws its chart, and sends the PNG back through a pipe, while this process
writes the Markdown and draws the first chart. That pays only with a processor to spare: when the
load average says more is at work than there are processors, the charts are drawn one at a time. The bytes depend only on the figure
(`votes.charts.png_bytes`), never on the process that drew it. Where `os.fork` is missing
(Windows), where there is one processor only, where a fork fails or a child fails, the chart is
drawn here, in this process, so that a report is never lost to the parallel path.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping

#: Exit code of a child that could not draw its chart (this process then draws it itself).
_FAILED = 3


def can_fork() -> bool:
    """Whether charts can be drawn side by side here: the platform forks (POSIX) and this process
    may run on more than one processor."""
    return hasattr(os, "fork") and processors() > 1


def processors() -> int:
    """The processors this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def spare_processor() -> bool:
    """Whether the processors are not all busy, by the load average of the last minute (this
    process's own work included): with more at work than processors, processes drawing side by
    side only take turns, and each pays again what matplotlib loads on first use (measured at a
    load of 3 to 4 on two cores: 2.13 s side by side, 1.92 s one at a time)."""
    if not hasattr(os, "getloadavg"):
        return True
    try:
        return os.getloadavg()[0] < processors()
    except OSError:
        return True


def side_by_side() -> bool:
    """Whether `ChartDrawing` forks by default: where it can, and the processors are not all busy."""
    return can_fork() and spare_processor()


class ChartDrawing:
    """Charts being drawn: each but the first `here` started in a child process at once, those and
    any a child could not draw drawn here by `finish`, which gives every chart's PNG bytes.

    charts: file name -> a function that builds that chart's figure. parallel: whether to fork
    (default: `side_by_side`: where fork exists and the processors are not all busy). here: how
    many charts, the first, this process draws itself when it forks (1: one, while the children
    draw the others; 0: none, leaving it free for other work). Use it as `drawing =
    ChartDrawing(charts)`, other work, then `drawing.finish()`, or `drawing.abandon()` if the
    other work failed: one of them must be called, so that every child is waited for.
    """

    def __init__(self, charts: Mapping[str, Callable[[], object]], parallel: bool | None = None, here: int = 1):
        from .charts import png_bytes

        self.charts = dict(charts)
        self._png_bytes = png_bytes
        self._children: dict[str, tuple[int, int]] = {}  # name -> (pid, read end of its pipe)
        if parallel is None:
            parallel = side_by_side()
        if parallel:
            for name in list(self.charts)[here:]:
                started = _fork_drawing(self.charts[name], png_bytes)
                if started is not None:
                    self._children[name] = started

    @property
    def forked(self) -> list[str]:
        """The charts given to child processes."""
        return list(self._children)

    def finish(self) -> dict[str, bytes]:
        """The PNG bytes of every chart, by name, in the order given."""
        names = list(self.charts)
        drawn: dict[str, bytes] = {}
        for name in names:  # the charts kept here first, while the children draw theirs
            if name in self._children:
                break
            drawn[name] = self._png_bytes(self.charts[name]())
        children, self._children = self._children, {}
        for name, (pid, reading) in children.items():
            data = _read_all(reading)
            _, status = os.waitpid(pid, 0)
            if os.waitstatus_to_exitcode(status) == 0 and data:
                drawn[name] = data
        for name in names:  # charts no child drew: here, one at a time
            if name not in drawn:
                drawn[name] = self._png_bytes(self.charts[name]())
        return {name: drawn[name] for name in names}


    def abandon(self) -> None:
        """Stop the children still drawing and wait for them: the charts are no longer wanted."""
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
    """PNG bytes of each chart, by name, in the order given (`ChartDrawing` with nothing between)."""
    return ChartDrawing(charts, parallel).finish()


def _fork_drawing(make: Callable[[], object], png_bytes: Callable[[object], bytes]) -> tuple[int, int] | None:
    """Fork a child that draws one chart and writes its PNG bytes into a pipe; (pid, read end), or
    None when the process cannot fork (the caller then draws the chart itself)."""
    reading, writing = os.pipe()
    try:
        pid = os.fork()
    except OSError:
        os.close(reading)
        os.close(writing)
        return None
    if pid == 0:  # the child: draw, write, and leave without running the parent's exit handlers
        code = _FAILED
        try:
            os.close(reading)
            view = memoryview(png_bytes(make()))
            while view:
                view = view[os.write(writing, view):]
            code = 0
        except BaseException:  # noqa: BLE001 - whatever happened, the parent draws this chart itself
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
