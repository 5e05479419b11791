"""CPU seconds used by this process and every process it starts (Playwright's driver, Chromium and
its renderers), read from /proc (Linux) while they run, so a renderer that ends before the
measurement does still counts. On a shared machine wall time grows with the load; CPU time much
less, so the benchmarks print both."""

from __future__ import annotations

import os
import threading
from pathlib import Path

TICKS = os.sysconf("SC_CLK_TCK")


def _processes() -> dict[int, tuple[int, float]]:
    """Every process: its parent and its CPU seconds so far (user + system)."""
    found = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rpartition(")")[2].split()
        except OSError:  # it ended meanwhile
            continue
        found[int(stat.parent.name)] = (int(fields[1]), (int(fields[11]) + int(fields[12])) / TICKS)
    return found


class CpuMeter:
    """`with CpuMeter() as cpu: …` then `cpu.seconds`: the CPU time this process and its
    descendants used inside the block, sampled every `interval` seconds."""

    def __init__(self, interval: float = 0.25):
        self.interval = interval
        self.seen: dict[int, float] = {}
        self.before: dict[int, float] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _sample(self) -> None:
        processes = _processes()
        family = {os.getpid()}
        grew = True
        while grew:
            grew = False
            for pid, (parent, _) in processes.items():
                if parent in family and pid not in family:
                    family.add(pid)
                    grew = True
        for pid in family:
            if pid in processes:
                self.seen[pid] = processes[pid][1]

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            self._sample()

    def __enter__(self) -> CpuMeter:
        self._sample()
        self.before = dict(self.seen)
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()
        self._sample()

    @property
    def seconds(self) -> float:
        return sum(t - self.before.get(pid, 0.0) for pid, t in self.seen.items())
