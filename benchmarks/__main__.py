"""`make bench`: how fast public pages render, against stated targets.

Builds a throwaway SQLite database in a temporary folder, loads the demo and
a long article (30 sections, 30 questions), then requests each page many
times through Django's test client (no network, no gunicorn), with DEBUG
off as in production. Prints median and 95th percentile per page and exits
non-zero when a median misses its target.
"""

import os
import statistics
import sys
import tempfile
import time

TARGET_MEDIAN_MS = {
    "article, cache miss": 40.0,
    "article, cache hit": 15.0,
    "long article, cache miss": 40.0,
    "home": 25.0,
    "film": 30.0,
}
RUNS = 200


def main() -> int:
    workdir = tempfile.mkdtemp(prefix="filmsite-bench-")
    os.environ.update(
        DJANGO_SETTINGS_MODULE="filmsite.settings",
        DATA_DIR=workdir,
        STATIC_ROOT=os.path.join(workdir, "static"),
        DEBUG="0",
        SECRET_KEY="benchmark-only-secret",
        DATABASE_URL="",
        REDIS_URL="",
        LOG_LEVEL="WARNING",
    )
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.core.cache import cache
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, setup_test_environment

    from benchmarks.fixtures import long_article_url

    setup_test_environment()
    call_command("migrate", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    # With DEBUG off the demo is published under a real superuser, as in production.
    # Two of them: one submits each revision and the other approves it (issue 3).
    get_user_model().objects.create_superuser("benchmark", password=None)
    get_user_model().objects.create_superuser("benchmark-reviewer", password=None)
    call_command("load_demo", verbosity=0)
    from articles.models import Revision

    demo = Revision.objects.live().select_related("film").order_by("published_at").first()
    pages = {
        "article, cache miss": (demo.get_absolute_url(), True),
        "article, cache hit": (demo.get_absolute_url(), False),
        "long article, cache miss": (long_article_url(), True),
        "home": ("/", False),
        "film": (demo.film.get_absolute_url(), False),
    }
    client = Client()
    failed = False
    print(f"{'page':28} {'median ms':>10} {'p95 ms':>8} {'queries':>8} {'target':>8}")
    for name, (url, clear_cache) in pages.items():
        timings = []
        for _ in range(RUNS):
            if clear_cache:
                cache.clear()
            start = time.perf_counter()
            response = client.get(url)
            timings.append((time.perf_counter() - start) * 1000)
            assert response.status_code == 200, (url, response.status_code)
        if clear_cache:
            cache.clear()
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        median = statistics.median(timings)
        p95 = statistics.quantiles(timings, n=20)[-1]
        target = TARGET_MEDIAN_MS[name]
        verdict = "ok" if median <= target else "SLOW"
        failed |= median > target
        print(f"{name:28} {median:10.2f} {p95:8.2f} {len(queries):8d} {target:7.0f} {verdict}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
