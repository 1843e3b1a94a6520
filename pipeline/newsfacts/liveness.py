"""Whether the process that started an ingest run is still alive, so a run left 'running' by a process
that is gone reads as interrupted (the store marks it at the next ingest; reads only show it)."""

from __future__ import annotations

import datetime as dt
import os
import socket
from pathlib import Path


def run_alive(started: str | None, pid: int | None, host: str | None) -> bool:
    """Whether the process that started a run is still running: on this host, that pid exists and (where
    /proc tells) started no later than the run did, so a pid reused since is not taken for it. A run of
    another host, or of a newsfacts too old to record its pid, cannot be checked and counts as gone."""
    if not pid or host != socket.gethostname():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process: it exists
        pass
    begun = _process_start(pid)
    if begun is None or not started:
        return True
    return begun <= dt.datetime.fromisoformat(started).timestamp() + 2


def _process_start(pid: int) -> float | None:
    """When process ``pid`` started (seconds since the epoch), from /proc; None where there is none."""
    try:
        fields_ = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        boot = next(float(line.split()[1]) for line in Path("/proc/stat").read_text().splitlines()
                    if line.startswith("btime"))
        if fields_[0] == "Z":  # a zombie has finished; only nobody has reaped it yet
            return float("inf")
        return boot + int(fields_[19]) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError, StopIteration):
        return None
