"""One timed child process for the benchmarks: wall time, exit code, resource use and output."""

from __future__ import annotations

import os
import subprocess
import tempfile
import threading
import time
from pathlib import Path


def run_child(cmd: list[str], cwd: Path, timeout: float, extra_env: dict[str, str] | None = None):
    """Run `cmd` in a fresh process; return (seconds, exit code, rusage, stdout, stderr).
    `extra_env`: variables set for it (the folder of votes's cache, VOTES_CACHE).

    Bytecode caching is on, as on a user's machine: with PYTHONDONTWRITEBYTECODE set, a module
    edited since its .pyc was written would be compiled afresh in every timed run. A command
    still running after `timeout` seconds is killed, so a hang cannot hang the benchmark.
    """
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "FORCE_COLOR", "PYTHONDONTWRITEBYTECODE")}
    env.setdefault("PYTHONHASHSEED", "0")
    env.update(extra_env or {})
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, stdout=out, stderr=err, stdin=subprocess.DEVNULL, env=env)
        guard = threading.Timer(timeout, proc.kill)
        guard.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)  # reaped here: Popen must not wait again
        finally:
            guard.cancel()
        seconds = time.perf_counter() - start
        out.seek(0)
        err.seek(0)
        return (seconds, os.waitstatus_to_exitcode(status), usage, out.read().decode("utf-8", "replace"),
                err.read().decode("utf-8", "replace"))
