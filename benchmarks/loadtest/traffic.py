"""Readers: threads asking both instances for every page type, and what they got.

Each answer is recorded with its phase, page type, status and latency, and
its time, so the report can tell a 503 inside a stated outage window (a
database restart) from one outside it. A connection the server dropped (a
killed worker) is recorded as status 0.
"""

import http.client
import random
import threading
import time
from collections import defaultdict
from dataclasses import dataclass, field


@dataclass
class Answer:
    at: float
    phase: str
    page: str
    instance: str
    status: int
    seconds: float


@dataclass
class Window:
    """A stated outage: from the fault until the site answered again, plus a grace period."""

    phase: str
    start: float
    end: float = float("inf")

    def covers(self, moment: float) -> bool:
        return self.start <= moment <= self.end


@dataclass
class Recorder:
    answers: list = field(default_factory=list)
    windows: list = field(default_factory=list)
    phase: str = "start"
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, answer: Answer) -> None:
        with self.lock:
            self.answers.append(answer)

    def in_window(self, answer: Answer) -> bool:
        return any(window.covers(answer.at) for window in self.windows)

    def unexpected(self, answer: Answer) -> bool:
        """A 5xx or a dropped connection that no stated outage explains."""
        if answer.status == 503 or answer.status == 0:
            return not self.in_window(answer)
        return answer.status >= 500

    def by_phase(self):
        rows = defaultdict(list)
        for answer in self.answers:
            rows[answer.phase].append(answer)
        return rows

    def by_page(self):
        rows = defaultdict(list)
        for answer in self.answers:
            rows[answer.page].append(answer)
        return rows


def get(base_port: int, path: str, timeout: float = 10) -> tuple[int, bytes]:
    """GET ``path`` from the instance on ``base_port``; (0, b"") when the connection drops."""
    connection = http.client.HTTPConnection("127.0.0.1", base_port, timeout=timeout)
    try:
        connection.request("GET", path, headers={"Host": "127.0.0.1"})
        response = connection.getresponse()
        return response.status, response.read()
    except (OSError, http.client.HTTPException):
        return 0, b""
    finally:
        connection.close()


class Readers:
    """``count`` threads reading random pages from random instances until stopped."""

    def __init__(self, recorder: Recorder, instances: dict, pages: dict, count: int = 4):
        self.recorder, self.instances, self.pages = recorder, instances, pages
        self.count = count
        self.stopping = threading.Event()
        self.threads = []

    def _read(self, seed: int) -> None:
        chooser = random.Random(seed)
        names = list(self.instances)
        while not self.stopping.is_set():
            page = chooser.choice(list(self.pages))
            path = chooser.choice(self.pages[page])
            instance = chooser.choice(names)
            started = time.monotonic()
            status, _ = get(self.instances[instance], path)
            self.recorder.add(
                Answer(
                    time.monotonic(),
                    self.recorder.phase,
                    page,
                    instance,
                    status,
                    time.monotonic() - started,
                )
            )

    def start(self) -> None:
        for seed in range(self.count):
            thread = threading.Thread(target=self._read, args=(seed,), daemon=True)
            thread.start()
            self.threads.append(thread)

    def stop(self) -> None:
        self.stopping.set()
        for thread in self.threads:
            thread.join(15)


def percentile(values: list[float], share: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]
