"""What an import tells the person running it: one line per problem, progress, a summary."""

import time
from collections import Counter

from .outcomes import Outcome

# Imports shorter than this finish before progress lines would help.
PROGRESS_FROM = 100


class Report:
    def __init__(self, *, stdout, stderr, total: int = 0, dry_run: bool = False):
        self.stdout, self.stderr = stdout, stderr
        self.counts = Counter()
        self.total = total
        self.dry_run = dry_run
        self.started = time.monotonic()
        self.done = 0

    @staticmethod
    def where(name: str, line: int | None) -> str:
        return f"{name}:{line}" if line else name

    def failed(self, name: str, message: str, line: int | None = None) -> None:
        self.counts[Outcome.FAILED] += 1
        self.stderr.write(f"{self.where(name, line)}: {message}")

    def warn(self, name: str, message: str) -> None:
        self.stderr.write(f"{name}: warning: {message}")

    def skipped(self, name: str, reason: str) -> None:
        self.counts[Outcome.SKIPPED] += 1
        self.stdout.write(f"{name}: skipped ({reason})")

    def record(self, name: str, outcome: Outcome, verbose: bool) -> None:
        self.counts[outcome] += 1
        if verbose:
            would = "would be " if self.dry_run else ""
            self.stdout.write(f"{name}: {would}{outcome}")

    def step(self) -> None:
        """Count one finished article; every 5% of a large import, say how far it is."""
        self.done += 1
        if self.total < PROGRESS_FROM:
            return
        every = max(self.total // 20, 1)
        if self.done % every == 0 or self.done == self.total:
            elapsed = time.monotonic() - self.started
            self.stderr.write(
                f"… {self.done:,} of {self.total:,} ({self.done * 100 // self.total}%), "
                f"{elapsed:.0f} s"
            )

    @property
    def failures(self) -> int:
        return self.counts[Outcome.FAILED]

    def summary(self) -> str:
        parts = ", ".join(
            f"{self.counts[outcome]} {outcome}"
            for outcome in (
                Outcome.CREATED,
                Outcome.UPDATED,
                Outcome.UNCHANGED,
                Outcome.SKIPPED,
                Outcome.FAILED,
            )
        )
        seconds = time.monotonic() - self.started
        prefix = "Dry run, nothing saved: " if self.dry_run else ""
        return f"{prefix}{parts} ({seconds:.1f} s)."
