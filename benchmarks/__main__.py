"""`make bench`: public pages served by gunicorn, measured against the ceiling.

For each article count in BENCH_SIZES (default ``1000,100000``) this builds
(or reuses) a database holding the demo, a 30-section article and generated
content (``manage.py generate_content``), serves it with gunicorn (2 sync
workers, DEBUG off, production settings plus the benchmark-only URLconf
``benchmarks.urls``) on 127.0.0.1:BENCH_PORT, and loads each page with wrk
(``wrk -t1 -c16 -d<BENCH_SECONDS>s --latency``), interleaved over
BENCH_ROUNDS rounds: the ceiling (a minimal view behind the same middleware),
the demo article from the page cache, then every page type on a cache miss.

Per page: requests per second (median of the rounds), its ratio to the
ceiling, p50 and p99 latency, errors (non-2xx answers, socket errors), and
the page's query count on a miss and a hit; gunicorn's worker memory (RSS)
after the run. Then each page's miss latency growth between the smallest and
the largest size. Results go to docs/benchmarks.md, in the section for this
database and cache (other sections are kept).

Environment: BENCH_SIZES, BENCH_SECONDS (default 5), BENCH_ROUNDS (default
3), BENCH_PORT (default 8101), DATABASE_URL (PostgreSQL: a database named
``<name>_bench_<size>`` is created on that server and kept for later runs),
REDIS_URL (the cache; database number as given), BENCH_DIR (where SQLite
benchmark databases are kept, default var/bench).
"""

import json
import os
import platform
import re
import secrets
import shutil
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "docs" / "benchmarks.md"
TARGETS = {"hit": 0.85, "miss": 0.5, "growth": 1.3}


def env_list(name, default):
    return [int(v) for v in os.environ.get(name, default).replace(" ", "").split(",") if v]


def fail(message: str) -> None:
    print(f"make bench: {message}", file=sys.stderr)
    raise SystemExit(1)


def database_url(size: int) -> tuple[str, str]:
    """(DATABASE_URL for the child processes, a label), per article count."""
    url = os.environ.get("DATABASE_URL", "")
    if not url:
        folder = Path(os.environ.get("BENCH_DIR", ROOT / "var" / "bench"))
        folder.mkdir(parents=True, exist_ok=True)
        return f"sqlite:///{folder / f'sqlite-{size}.sqlite3'}", "SQLite"
    parts = urlsplit(url)
    if not parts.scheme.startswith("postgres"):
        fail("DATABASE_URL must be a postgres:// address (or empty for SQLite).")
    name = f"{parts.path.strip('/') or 'filmsite'}_bench_{size}"
    _create_postgres_database(url, name)
    return urlunsplit(parts._replace(path="/" + name)), "PostgreSQL"


def _create_postgres_database(url: str, name: str) -> None:
    import psycopg

    admin = urlunsplit(urlsplit(url)._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as connection:
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [name]
        ).fetchone()
        if not exists:
            connection.execute(f'CREATE DATABASE "{name}"')


def child_env(url: str, workdir: Path) -> dict:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "benchmarks.settings",
        "DATABASE_URL": url,
        "DATA_DIR": str(workdir),
        "STATIC_ROOT": str(workdir / "static"),
        "SECRET_KEY": secrets.token_urlsafe(40),
        "DEBUG": "0",
        "LOG_LEVEL": "WARNING",
        "PYTHONPATH": str(ROOT),
    }
    return env


def prepare(size: int, env: dict) -> dict:
    print(f"- preparing {size:,} articles …", file=sys.stderr, flush=True)
    result = subprocess.run(
        [sys.executable, "-m", "benchmarks.prepare", str(size)],
        env=env,
        cwd=ROOT,
        check=False,
        capture_output=True,
        text=True,
    )
    sys.stderr.write(result.stderr[-2000:] if result.returncode else result.stderr)
    if result.returncode:
        fail(f"preparing the {size}-article database failed (see above).")
    return json.loads(result.stdout.strip().splitlines()[-1])


def serve(env: dict, port: int) -> subprocess.Popen:
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--no-input", "-v0"],
        env=env,
        cwd=ROOT,
        check=True,
    )
    gunicorn = Path(sys.executable).with_name("gunicorn")
    server = subprocess.Popen(
        [
            str(gunicorn),
            "--config",
            str(ROOT / "benchmarks" / "gunicorn_bench.py"),
            "--bind",
            f"127.0.0.1:{port}",
        ],
        env=env,
        cwd=ROOT,
    )
    deadline = time.monotonic() + 60
    while True:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_bench/ceiling/", timeout=20):
                return server
        except (urllib.error.URLError, OSError):
            if server.poll() is not None or time.monotonic() > deadline:
                server.terminate()
                fail("gunicorn did not start (see above).")
            time.sleep(0.3)


def worker_rss_mb(server: subprocess.Popen) -> list[float]:
    out = subprocess.run(
        ["ps", "-o", "rss=", "--ppid", str(server.pid)], capture_output=True, text=True
    ).stdout
    return [int(v) / 1024 for v in out.split()]


UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def wrk(url: str, seconds: int) -> dict:
    out = subprocess.run(
        ["wrk", "-t1", "-c16", f"-d{seconds}s", "--latency", url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout

    def latency(percent):
        match = re.search(rf"^\s+{percent}%\s+([\d.]+)(us|ms|s)\s*$", out, re.M)
        return float(match[1]) * UNITS[match[2]] if match else float("nan")

    requests = int(re.search(r"(\d+) requests in", out)[1])
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    sockets = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out
    )
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out)[1]),
        "p50": latency(50),
        "p99": latency(99),
        "errors": (int(non_2xx[1]) if non_2xx else 0)
        + (sum(int(v) for v in sockets.groups()) if sockets else 0),
        "requests": requests,
    }


def drain(base: str) -> None:
    """Wait until the workers have answered what wrk left queued, so the next
    page is not measured behind the previous page's slow requests."""
    time.sleep(0.5)
    urllib.request.urlopen(base + "/_bench/ceiling/", timeout=120).read()


def measure(size: int, label: str, cache: str, seconds: int, rounds: int, port: int) -> dict:
    workdir = ROOT / "var" / "bench" / "run"
    shutil.rmtree(workdir, ignore_errors=True)
    workdir.mkdir(parents=True)
    url, database = database_url(size)
    env = child_env(url, workdir)
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--no-input", "-v0"],
        env=env,
        cwd=ROOT,
        check=True,
    )
    info = prepare(size, env)
    server = serve(env, port)
    base = f"http://127.0.0.1:{port}"
    try:
        for path, _ in info["pages"].values():  # warm up: build pages, fill caches
            for _ in range(3):
                urllib.request.urlopen(base + path, timeout=60).read()
        runs = {name: [] for name in info["pages"]}
        for round_number in range(rounds):
            print(f"- {size:,} articles, round {round_number + 1}/{rounds}", file=sys.stderr)
            for name, (path, _) in info["pages"].items():
                runs[name].append(wrk(base + path, seconds))
                drain(base)
        rss = worker_rss_mb(server)
    finally:
        server.terminate()
        server.wait(timeout=30)
    results = {}
    for name, samples in runs.items():
        results[name] = {
            "rps": statistics.median(s["rps"] for s in samples),
            "p50": statistics.median(s["p50"] for s in samples),
            "p99": statistics.median(s["p99"] for s in samples),
            "errors": sum(s["errors"] for s in samples),
            "kind": info["pages"][name][1],
        }
    ceiling = results["ceiling"]["rps"]
    for row in results.values():
        row["ratio"] = row["rps"] / ceiling if ceiling else 0.0
    return {
        "size": size,
        "database": database,
        "cache": cache,
        "results": results,
        "queries": info["queries"],
        "rss": rss,
        "label": label,
    }


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    wrk_version = subprocess.run(["wrk", "-v"], capture_output=True, text=True)
    wrk_line = (wrk_version.stdout or wrk_version.stderr).splitlines()[0].strip()
    return (
        f"{cpu}, {os.cpu_count()} CPUs, {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()}, {wrk_line}"
    )


def table(run: dict) -> list[str]:
    lines = [
        f"**{run['size']:,} articles** — worker RSS after the run: "
        + ", ".join(f"{v:.0f} MB" for v in run["rss"]),
        "",
        "| page | served | req/s | × ceiling | p50 ms | p99 ms | errors | queries (miss / hit) |",
        "|---|---|---:|---:|---:|---:|---:|---:|",
    ]
    for name, row in run["results"].items():
        q = run["queries"].get(name)
        queries = f"{q['miss']} / {q['hit']}" if q else "—"
        lines.append(
            f"| {name} | {row['kind']} | {row['rps']:,.0f} | {row['ratio']:.2f} | "
            f"{row['p50']:.2f} | {row['p99']:.2f} | {row['errors']} | {queries} |"
        )
    return lines


def verdicts(runs: list[dict]) -> list[str]:
    lines = []
    largest = runs[-1]["results"]
    hit, miss = largest["article"]["ratio"], largest["article (miss)"]["ratio"]
    lines.append(
        f"- article on a cache hit: {hit:.2f} of the ceiling "
        f"(target ≥ {TARGETS['hit']}) — {'met' if hit >= TARGETS['hit'] else 'missed'}"
    )
    lines.append(
        f"- article on a cache miss: {miss:.2f} of the ceiling "
        f"(target ≥ {TARGETS['miss']}) — "
        f"{'met' if miss >= TARGETS['miss'] else 'missed'}"
    )
    if len(runs) > 1:
        small, large = runs[0], runs[-1]
        lines += [
            "",
            f"Miss latency growth, {small['size']:,} → {large['size']:,} articles "
            f"(p50; target ≤ {TARGETS['growth']}×):",
            "",
            "| page | p50 ms | p50 ms | growth | |",
            "|---|---:|---:|---:|---|",
        ]
        for name, row in large["results"].items():
            if row["kind"] != "miss":
                continue
            before = small["results"][name]["p50"]
            growth = row["p50"] / before if before else float("nan")
            ok = "met" if growth <= TARGETS["growth"] else "missed"
            lines.append(f"| {name} | {before:.2f} | {row['p50']:.2f} | {growth:.2f}× | {ok} |")
    return lines


def write_results(label: str, runs: list[dict], command: str) -> None:
    now = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    section = [
        f"<!-- bench:{label} -->",
        f"## {runs[0]['database']}, {runs[0]['cache']} cache",
        "",
        f"Run {now} on {machine()}.",
        "",
        f"Command: `{command}`",
        "",
    ]
    for run in runs:
        section += [*table(run), ""]
    section += [*verdicts(runs), "", f"<!-- /bench:{label} -->"]
    text = RESULTS.read_text() if RESULTS.exists() else HEADER
    pattern = re.compile(
        rf"<!-- bench:{re.escape(label)} -->.*?<!-- /bench:{re.escape(label)} -->", re.S
    )
    block = "\n".join(section)
    text = (
        pattern.sub(lambda _: block, text)
        if pattern.search(text)
        else (text.rstrip() + "\n\n" + block + "\n")
    )
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(text)


HEADER = """# Benchmarks

Written by `make bench` (see `benchmarks/__main__.py` for what it does and
the variables it reads). Each section is replaced by the next run with the
same database and cache; the notes at the end are written by hand.
"""


def main() -> int:
    if shutil.which("wrk") is None:
        fail("wrk is not installed (Debian: apt-get install wrk).")
    sizes = sorted(env_list("BENCH_SIZES", "1000,100000"))
    seconds = int(os.environ.get("BENCH_SECONDS", "5"))
    rounds = int(os.environ.get("BENCH_ROUNDS", "3"))
    port = int(os.environ.get("BENCH_PORT", "8101"))
    cache = "Redis" if os.environ.get("REDIS_URL") else "local-memory"
    database = "postgresql" if os.environ.get("DATABASE_URL") else "sqlite"
    label = f"{database}-{cache.lower()}"
    runs = []
    for size in sizes:
        runs.append(measure(size, label, cache, seconds, rounds, port))
        print("\n".join(table(runs[-1])), file=sys.stderr)
    command = "make bench" + "".join(
        f" {name}={os.environ[name]}"
        for name in ("BENCH_SIZES", "BENCH_SECONDS", "BENCH_ROUNDS", "DATABASE_URL", "REDIS_URL")
        if os.environ.get(name)
    )
    write_results(label, runs, command)
    print("\n".join(verdicts(runs)))
    print(f"Results written to {RESULTS.relative_to(ROOT)}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
