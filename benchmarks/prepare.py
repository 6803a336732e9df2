"""Build a benchmark database: the demo, a long article and generated content.

Run by ``python -m benchmarks`` in a child process, with the database chosen
by the environment (DATABASE_URL, or DATA_DIR's SQLite file). Prints one JSON
line: the addresses the benchmark requests, and each page's query count on a
cache miss and on a cache hit.
"""

import json
import sys
import time


def main(size: int) -> None:
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.core.management import call_command

    from articles.models import Article

    call_command("migrate", verbosity=0)
    if not Article.objects.exists():
        started = time.monotonic()
        # With DEBUG off the demo is published by real superusers, one to
        # submit and another to approve, as in production.
        users = get_user_model().objects
        users.create_superuser("bench-editor", password=None)
        users.create_superuser("bench-moderator", password=None)
        call_command("load_demo", verbosity=0)
        from benchmarks.fixtures import long_article_url

        long_article_url()
        call_command("generate_content", articles=max(1, size - 2), verbosity=0)
        print(f"  built in {time.monotonic() - started:.0f} s", file=sys.stderr)
    print(json.dumps(pages_and_queries()))


def pages_and_queries() -> dict:
    from django.db import connection
    from django.test import Client

    from benchmarks.fixtures import MISS, bench_pages

    pages = bench_pages()
    client = Client(HTTP_HOST="127.0.0.1")

    def count(path) -> int:
        executed = []

        def record(execute, sql, params, many, context):
            executed.append(sql)
            return execute(sql, params, many, context)

        with connection.execute_wrapper(record):
            response = client.get(path)
        assert response.status_code == 200, (path, response.status_code)
        return len(executed)

    queries = {}
    for name, (path, kind) in pages.items():
        if kind == "ceiling":
            continue
        real = path.removeprefix(MISS) or "/"
        client.get(real)  # builds the article page once, as its first reader does
        miss = count(MISS + real)
        # Twice: with Redis, a tag the clock has not seen yet is versioned by
        # the first request, so only the second one's page can be stored.
        client.get(real)
        client.get(real)
        queries[name] = {"miss": miss, "hit": count(real)}
    return {"pages": pages, "queries": queries}


if __name__ == "__main__":
    main(int(sys.argv[1]))
