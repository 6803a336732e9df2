"""The drill's own PostgreSQL, Redis, media volume and two gunicorn instances, all on loopback.

Everything lives under /tmp/filmsite-loadtest-* and on ports of its own
(LOADTEST_PG_PORT, LOADTEST_REDIS_PORT, LOADTEST_PORT and the next one), so
the drill can stop and restart them without touching any other server on
the machine. PostgreSQL refuses to run as root: as root, its commands run as
the ``postgres`` user (runuser).
"""

import os
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BASE = Path("/tmp/filmsite-loadtest")


class DrillError(Exception):
    """A service would not start: the drill cannot run (one readable line)."""


def _pg_tool(name: str) -> str:
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(Path("/usr/lib/postgresql").glob(f"*/bin/{name}"))
    if not candidates:
        raise DrillError(f"PostgreSQL's {name} was not found (install postgresql).")
    return str(candidates[-1])


def _as_postgres(command: list[str]) -> list[str]:
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *command]
    return command


def wait_for(check, seconds: float, what: str) -> float:
    """Poll ``check`` until it is true; the seconds it took."""
    started = time.monotonic()
    while not check():
        if time.monotonic() - started > seconds:
            raise DrillError(f"{what} did not come up within {seconds:.0f} s.")
        time.sleep(0.1)
    return time.monotonic() - started


class PostgreSQL:
    def __init__(self, port: int):
        self.port = port
        self.data = Path(f"{BASE}-pg")
        self.log = Path(f"{BASE}-pg.log")
        self.url = f"postgres://postgres@127.0.0.1:{port}/filmsite_i14_loadtest_drill"

    def _ctl(self, *args: str) -> None:
        command = [_pg_tool("pg_ctl"), "-D", str(self.data), "-l", str(self.log), "-w", *args]
        result = subprocess.run(_as_postgres(command), capture_output=True, text=True)
        if result.returncode:
            raise DrillError(f"pg_ctl {args[0]} failed: {result.stderr.strip()[-300:]}")

    def start(self) -> None:
        shutil.rmtree(self.data, ignore_errors=True)
        self.data.mkdir(parents=True)
        self.log.touch()
        if os.geteuid() == 0:
            shutil.chown(self.data, "postgres", "postgres")
            shutil.chown(self.log, "postgres", "postgres")
        initdb = [_pg_tool("initdb"), "-D", str(self.data), "-A", "trust", "-U", "postgres"]
        result = subprocess.run(_as_postgres([*initdb, "--no-sync"]), capture_output=True)
        if result.returncode:
            raise DrillError(f"initdb failed: {result.stderr.decode().strip()[-300:]}")
        options = f"-p {self.port} -c listen_addresses=127.0.0.1 -k {self.data}"
        self._ctl("-o", options, "start")
        subprocess.run(
            [
                _pg_tool("createdb"),
                "-h",
                "127.0.0.1",
                "-p",
                str(self.port),
                "-U",
                "postgres",
                self.url.rsplit("/", 1)[1],
            ],
            check=True,
        )

    def restart(self) -> None:
        self._ctl("-m", "fast", "restart")

    def stop(self) -> None:
        if (self.data / "postmaster.pid").exists():
            self._ctl("-m", "fast", "stop")
        shutil.rmtree(self.data, ignore_errors=True)


class Redis:
    def __init__(self, port: int):
        self.port = port
        self.url = f"redis://127.0.0.1:{port}/0"
        self.process = None

    def start(self) -> None:
        # A cache, not a store: no persistence, so a restarted Redis comes back
        # empty, as docs/loadtest.md recommends for production.
        self.process = subprocess.Popen(
            [
                "redis-server",
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--loglevel",
                "warning",
            ],
            stdout=subprocess.DEVNULL,
        )
        wait_for(self.answers, 10, "Redis")

    def answers(self) -> bool:
        result = subprocess.run(
            ["redis-cli", "-p", str(self.port), "ping"], capture_output=True, text=True
        )
        return result.stdout.strip() == "PONG"

    def keys(self) -> int:
        result = subprocess.run(
            ["redis-cli", "-p", str(self.port), "dbsize"], capture_output=True, text=True
        )
        return int(result.stdout.strip() or 0)

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(10)


class Media:
    """A small tmpfs for uploads, so the drill can fill it; a plain folder if mounting fails."""

    def __init__(self, megabytes: int = 24):
        self.path = Path(f"{BASE}-media")
        self.megabytes = megabytes
        self.mounted = False

    def start(self) -> None:
        self.path.mkdir(parents=True, exist_ok=True)
        result = subprocess.run(
            ["mount", "-t", "tmpfs", "-o", f"size={self.megabytes}m", "tmpfs", str(self.path)],
            capture_output=True,
        )
        self.mounted = result.returncode == 0

    def fill(self, leave: int) -> Path:
        """Fill the volume but ``leave`` bytes; the filler file, to remove afterwards."""
        filler = self.path / "filler.bin"
        free = shutil.disk_usage(self.path).free
        with filler.open("wb") as out:
            out.truncate(0)
            chunk = b"\0" * (1 << 20)
            remaining = max(0, free - leave)
            while remaining > 0:
                out.write(chunk[: min(len(chunk), remaining)])
                remaining -= len(chunk)
        return filler

    def stop(self) -> None:
        if self.mounted:
            subprocess.run(["umount", str(self.path)], check=False)
        shutil.rmtree(self.path, ignore_errors=True)


class Instance:
    """One gunicorn instance (two workers) serving the site from the shared services."""

    def __init__(self, name: str, port: int, env: dict):
        self.name, self.port, self.env = name, port, env
        self.base = f"http://127.0.0.1:{port}"
        self.process = None

    def start(self) -> None:
        gunicorn = Path(sys.executable).with_name("gunicorn")
        log = open(f"{BASE}-{self.name}.log", "ab")  # noqa: SIM115 (the server keeps it)
        self.process = subprocess.Popen(
            [
                str(gunicorn),
                "--config",
                "gunicorn.conf.py",
                "--bind",
                f"127.0.0.1:{self.port}",
                "--workers",
                "2",
                "--threads",
                "4",
                "--access-logfile",
                "/dev/null",
                "--log-level",
                "warning",
                "--error-logfile",
                f"{BASE}-{self.name}.log",
            ],
            env=self.env,
            cwd=ROOT,
            stdout=log,
            stderr=log,
        )
        wait_for(self.healthy, 60, f"gunicorn instance {self.name}")

    def healthy(self) -> bool:
        try:
            with urllib.request.urlopen(f"{self.base}/health/", timeout=5) as response:
                return response.status == 200
        except OSError:
            return False

    def workers(self) -> list[int]:
        result = subprocess.run(
            ["pgrep", "-P", str(self.process.pid)], capture_output=True, text=True
        )
        return [int(pid) for pid in result.stdout.split()]

    def kill_a_worker(self) -> int:
        pid = self.workers()[0]
        os.kill(pid, signal.SIGKILL)
        return pid

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(20)
            except subprocess.TimeoutExpired:
                self.process.kill()
