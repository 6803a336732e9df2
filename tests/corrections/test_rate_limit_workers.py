"""The corrections rate limit holds across worker processes without Redis.

Two separate Python processes (as gunicorn's workers are) count against one
SQLite database file; together they may accept only the limit.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from corrections import ratelimit

ROOT = Path(__file__).resolve().parents[2]
WORKER = """
import os, sys, django
os.environ["DJANGO_SETTINGS_MODULE"] = "filmsite.settings"
django.setup()
from corrections import ratelimit
sys.stdin.readline()  # start together
accepted = 0
for _ in range(10):
    try:
        ratelimit.consume(key="one-client", limit=ratelimit.Limit(count=5, window=3600))
        accepted += 1
    except ratelimit.RateLimited:
        pass
print(accepted)
"""


def run_manage(env, *args):
    subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True, capture_output=True
    )


@pytest.mark.django_db
def test_two_processes_share_one_limit(tmp_path):
    env = {
        **os.environ,
        "DEBUG": "1",
        "DATA_DIR": str(tmp_path),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'shared.sqlite3'}",
        "REDIS_URL": "",
    }
    run_manage(env, "migrate", "--no-input")
    workers = [
        subprocess.Popen(
            [sys.executable, "-c", WORKER],
            cwd=ROOT,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    for worker in workers:
        worker.stdin.write("go\n")
        worker.stdin.flush()
    accepted = [int(worker.communicate(timeout=120)[0]) for worker in workers]
    assert sum(accepted) == 5, accepted


@pytest.mark.django_db
def test_the_count_is_not_kept_in_process_memory(settings):
    from django.core.cache import cache

    limit = ratelimit.Limit(count=2, window=3600)
    ratelimit.consume(key="k", limit=limit)
    ratelimit.consume(key="k", limit=limit)
    cache.clear()  # a worker restart or another worker's empty cache
    with pytest.raises(ratelimit.RateLimited):
        ratelimit.consume(key="k", limit=limit)


@pytest.mark.django_db
def test_past_windows_are_forgotten():
    from corrections.models import SubmissionCount

    limit = ratelimit.Limit(count=1, window=60)
    ratelimit.consume(key="k", limit=limit, now=0)
    ratelimit.consume(key="k", limit=limit, now=61)
    assert list(SubmissionCount.objects.values_list("window", flat=True)) == [1]
