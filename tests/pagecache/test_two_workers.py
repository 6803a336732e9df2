"""Two gunicorn workers with the default local-memory cache: an edit reaches both at once.

Each worker keeps its own page cache and its own copy of the site settings;
they learn of a change through the shared clock file (pagecache/clock.py).
The site settings' disclaimer is changed by a third process, the way the
admin saves it, and every following answer from either worker must show it.
"""

import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PORT = 8150 + os.getpid() % 40  # issue range 8100-8199, loopback only

SETUP = """
from django.contrib.auth import get_user_model
from articles import workflow
from articles.models import Article, SiteSettings
from films.models import Author, Film
users = get_user_model().objects
editor = users.create_superuser("two-workers-editor", password=None)
moderator = users.create_superuser("two-workers-moderator", password=None)
film = Film.objects.create(title="Two Workers", slug="two-workers", year=2020, country="Norway",
                           synopsis="A synopsis.")
author = Author.objects.create(name="Team", slug="team")
article = Article.objects.create(title="Is Two Workers a true story?", slug="two-workers",
    film=film, author=author, standfirst="No.", meta_description="No.", verdict="no",
    verdict_explanation="Fiction.")
pending = workflow.submit(article=article, user=editor).revision
workflow.approve(revision=pending, user=moderator)
row = SiteSettings.load()
row.default_disclaimer = "The OLD disclaimer."
row.save()
"""

CHANGE = """
from articles import reference_workflow
from articles.models import SiteSettings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
moderators = Group.objects.get(name="Moderators")
proposer, reviewer = (get_user_model().objects.create(username=n, is_staff=True) for n in "ab")
for user in (proposer, reviewer):
    user.groups.add(moderators)
with transaction.atomic():
    copy = reference_workflow.open_working_copy(kind="site_settings", object_id=1)
    SiteSettings.objects.update(default_disclaimer="The NEW disclaimer.")
    change = reference_workflow.propose(copy=copy, user=proposer)
reference_workflow.approve(revision=change, user=reviewer)
"""


@pytest.fixture
def served(tmp_path):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "filmsite.settings",
        "DATA_DIR": str(tmp_path),
        "DATABASE_URL": "",
        "REDIS_URL": "",
        "DEBUG": "0",
        "SECRET_KEY": "two-workers-test-only",
        "STATIC_ROOT": str(tmp_path / "static"),
        "LOG_LEVEL": "WARNING",
    }
    manage = [sys.executable, str(ROOT / "manage.py")]
    subprocess.run([*manage, "migrate", "-v0"], env=env, cwd=ROOT, check=True)
    subprocess.run([*manage, "collectstatic", "--no-input", "-v0"], env=env, cwd=ROOT, check=True)
    subprocess.run([*manage, "shell", "-c", SETUP], env=env, cwd=ROOT, check=True)
    gunicorn = Path(sys.executable).with_name("gunicorn")
    server = subprocess.Popen(
        [
            str(gunicorn),
            "filmsite.wsgi",
            "--bind",
            f"127.0.0.1:{PORT}",
            "--workers",
            "2",
            "--log-level",
            "warning",
        ],
        env=env,
        cwd=ROOT,
    )
    try:
        yield env, manage
    finally:
        server.terminate()
        server.wait(timeout=30)


def fetch(path: str) -> str:
    deadline = time.monotonic() + 60
    while True:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{PORT}{path}", timeout=20) as answer:
                return answer.read().decode()
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def test_a_settings_edit_reaches_every_worker_at_once(served):
    env, manage = served
    # Enough requests that both workers have answered (and cached) the page.
    before = [fetch("/articles/two-workers/") for _ in range(24)]
    assert all("The OLD disclaimer." in page for page in before)
    subprocess.run([*manage, "shell", "-c", CHANGE], env=env, cwd=ROOT, check=True)
    after = [fetch("/articles/two-workers/") for _ in range(24)]
    assert all("The NEW disclaimer." in page for page in after)
