"""`make bench` for site search: query latency at 1,000 and 100,000 articles.

For each database (SQLite always; PostgreSQL when BENCH_POSTGRES_URL or a
postgres DATABASE_URL is set) and each size in BENCH_SEARCH_SIZES (default
"1000 100000"), a child process builds a fresh database, bulk-inserts a
synthetic site (benchmarks/search_corpus.py), times `rebuild_search_index`,
then requests /search/?q=… through Django's test client with the result
cache off (every request a miss), DEBUG off. Prints p50 and p95 per query,
(and the median CPU time of the process per request: on a shared machine,
the cost of a request without the wait for a free core), the growth from
the smallest to the largest size, and writes the table under
its own heading in docs/benchmarks.md. Exits non-zero when a target is missed:
p50 under 20 ms at the largest size on SQLite, growth at most 2×.
"""

import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

QUERIES = {"one word": "one_word", "three words": "three_words", "typo": "typo"}
# Reported, not targeted: a phrase on every page is the worst case.
EXTRA = {"common words (every page)": "common"}
RUNS = 60
TARGET_P50_MS = 20.0
TARGET_GROWTH = 2.0
ROOT = Path(__file__).resolve().parent.parent
HEADING = "## Site search"  # then the database: one section per database


def child(database_url: str, size: int) -> dict:
    workdir = tempfile.mkdtemp(prefix="filmsite-search-bench-")
    os.environ.update(
        DJANGO_SETTINGS_MODULE="filmsite.settings",
        DATA_DIR=workdir,
        STATIC_ROOT=os.path.join(workdir, "static"),
        DEBUG="0",
        SECRET_KEY="benchmark-only-secret",
        DATABASE_URL=database_url,
        REDIS_URL="",
        LOG_LEVEL="WARNING",
        SEARCH_CACHE_SECONDS="0",
    )
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import setup_test_environment

    from benchmarks.search_corpus import generate

    setup_test_environment()
    if connection.vendor == "postgresql":
        # bench_database() made this database for the benchmark alone.
        assert connection.settings_dict["NAME"].endswith("_search_bench")
        with connection.cursor() as cursor:  # a fresh schema each run
            cursor.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public")
    call_command("migrate", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    started = time.perf_counter()
    words = generate(size)
    generated = time.perf_counter() - started
    started = time.perf_counter()
    with open(os.devnull, "w") as quiet:
        call_command("rebuild_search_index", "--no-progress", stdout=quiet)
    indexed = time.perf_counter() - started
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    client = Client()
    results = {}
    for label, key in {**QUERIES, **EXTRA}.items():
        timings = []
        response = client.get("/search/", {"q": words[key]})
        assert response.status_code == 200 and b"search-hit" in response.content, words[key]
        cpu = []
        for _ in range(RUNS):
            start, start_cpu = time.perf_counter(), time.process_time()
            client.get("/search/", {"q": words[key]})
            cpu.append((time.process_time() - start_cpu) * 1000)
            timings.append((time.perf_counter() - start) * 1000)
        results[label] = {
            "query": words[key],
            "p50": statistics.median(timings),
            "p95": statistics.quantiles(timings, n=20)[-1],
            "cpu_p50": statistics.median(cpu),
        }
    return {
        "vendor": connection.vendor,
        "size": size,
        "generate_s": generated,
        "index_s": indexed,
        "queries": results,
    }


def bench_database(url: str) -> str:
    """A database of its own next to ``url``'s (created if missing): the run wipes it."""
    import psycopg

    head, _, name = url.rpartition("/")
    name = f"{name.split('?')[0] or 'filmsite'}_search_bench"
    with psycopg.connect(f"{head}/postgres", autocommit=True) as connection:
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [name]
        ).fetchone()
        if not exists:
            connection.execute(f'CREATE DATABASE "{name}"')
    return f"{head}/{name}"


def run_child(database_url: str, size: int) -> dict:
    out = subprocess.run(
        [sys.executable, "-m", "benchmarks.search", "--child", database_url, str(size)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    if out.returncode != 0:
        raise SystemExit(
            f"search benchmark failed ({database_url or 'sqlite'}, {size}):\n{out.stderr}"
        )
    return json.loads(out.stdout.strip().splitlines()[-1])


def table(runs: list[dict]) -> tuple[list[str], bool]:
    lines = [
        "| database | articles | rebuild_search_index | query | p50 ms | p95 ms | CPU p50 ms |",
        "|---|---:|---:|---|---:|---:|---:|",
    ]
    for run in runs:
        for label, result in run["queries"].items():
            lines.append(
                f"| {run['vendor']} | {run['size']:,} | {run['index_s']:.1f} s | {label} "
                f"(`{result['query']}`) | {result['p50']:.1f} | {result['p95']:.1f} "
                f"| {result['cpu_p50']:.1f} |"
            )
    failed = False
    lines += [
        "",
        "| database | query | p50 growth, smallest → largest size | target |",
        "|---|---|---:|---|",
    ]
    by_vendor = {}
    for run in runs:
        by_vendor.setdefault(run["vendor"], []).append(run)
    for vendor, vendor_runs in by_vendor.items():
        small, large = (
            min(vendor_runs, key=lambda r: r["size"]),
            max(vendor_runs, key=lambda r: r["size"]),
        )
        for label in QUERIES:
            growth = large["queries"][label]["p50"] / small["queries"][label]["p50"]
            p50 = large["queries"][label]["p50"]
            ok = growth <= TARGET_GROWTH and (vendor != "sqlite" or p50 < TARGET_P50_MS)
            failed |= vendor == "sqlite" and not ok
            target = f"≤ {TARGET_GROWTH:g}×" + (
                f", p50 < {TARGET_P50_MS:g} ms" if vendor == "sqlite" else ""
            )
            lines.append(
                f"| {vendor} | {label} | {growth:.2f}× | {target}: {'met' if ok else 'MISSED'} |"
            )
    return lines, failed


def write_doc(runs: list[dict], sizes: list[int]) -> None:
    """Replace this benchmark's section for each database measured, keep everything else."""
    path = ROOT / "docs" / "benchmarks.md"
    path.parent.mkdir(exist_ok=True)
    text = path.read_text() if path.exists() else "# Benchmarks\n"
    sizes_text = " and ".join(f"{size:,}" for size in sizes)
    machine = (
        f"{platform.node() or 'this machine'} ({os.cpu_count()} CPUs, "
        f"{platform.python_implementation()} {platform.python_version()}, "
        f"load average {os.getloadavg()[0]:.1f} at the end)"
    )
    for vendor in dict.fromkeys(run["vendor"] for run in runs):
        lines, _ = table([run for run in runs if run["vendor"] == vendor])
        heading = f"{HEADING} on {vendor}"
        about = (
            f"Measured {datetime.now(UTC):%Y-%m-%d %H:%M} UTC on {machine} with `make bench` "
            f"(`python -m benchmarks.search`, sizes {sizes_text}). Each figure is a full "
            "request to `/search/?q=…` through Django's test client with the result cache "
            f"off, so every request is a miss; {RUNS} requests per query. CPU is the "
            "benchmark process's own CPU time per request (all of the work on SQLite, which "
            "runs in the process; without the database server's on PostgreSQL): on a shared "
            "machine, what the request costs rather than how long it waited for a core. "
            "The site is synthetic (benchmarks/search_corpus.py): one live revision per "
            "article, one in fifty also scheduled, two films per article."
        )
        section = "\n".join([heading, "", about, "", *lines, ""])
        start = text.find(heading + "\n")
        if start >= 0:
            end = text.find("\n## ", start + len(heading))
            text = text[:start] + section + ("\n" + text[end + 1 :] if end >= 0 else "")
        else:
            text = text.rstrip("\n") + "\n\n" + section
    path.write_text(text)


def main() -> int:
    if len(sys.argv) == 4 and sys.argv[1] == "--child":
        print(json.dumps(child(sys.argv[2], int(sys.argv[3]))))
        return 0
    sizes = [int(s) for s in os.environ.get("BENCH_SEARCH_SIZES", "1000 100000").split()]
    # BENCH_SEARCH_SQLITE=0 measures PostgreSQL alone (its section is replaced alone).
    databases = [""] if os.environ.get("BENCH_SEARCH_SQLITE", "1") != "0" else []
    postgres = os.environ.get("BENCH_POSTGRES_URL") or os.environ.get("DATABASE_URL", "")
    if postgres.startswith("postgres"):
        databases.append(bench_database(postgres))
    runs = []
    for database in databases:
        for size in sizes:
            print(f"search: {database.split('@')[-1] or 'sqlite'}, {size:,} articles …", flush=True)
            runs.append(run_child(database, size))
    lines, failed = table(runs)
    print("\n".join(lines))
    write_doc(runs, sizes)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
