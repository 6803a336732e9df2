"""`make loadtest`: two instances under load while PostgreSQL, Redis, a worker and the disk fail.

Starts its own PostgreSQL and Redis (services.py), a small media volume and
two gunicorn instances sharing them, loads the demo and generated articles,
then runs readers (traffic.py) and an editor and a moderator (staff.py)
through five phases: steady load, Redis stopped and started, PostgreSQL
restarted, a worker killed, the media volume full during an upload. It
prints requests, errors and latency per phase and per page, the recovery
times, and what the final checks found; the exit status is 1 when anything
was lost, stale or answered 5xx outside a stated outage. Loopback only,
bounded in time (LOADTEST_PHASE_SECONDS, 15 by default).
"""

import os
import secrets
import subprocess
import sys
import time

from . import drills
from .services import BASE, ROOT, DrillError, Instance, Media, PostgreSQL, Redis
from .staff import Desk
from .traffic import Readers, Recorder, percentile

PHASE = float(os.environ.get("LOADTEST_PHASE_SECONDS", "15"))
FIRST_PORT = int(os.environ.get("LOADTEST_PORT", "8120"))
PG_PORT = int(os.environ.get("LOADTEST_PG_PORT", "5450"))
REDIS_PORT = int(os.environ.get("LOADTEST_REDIS_PORT", "6390"))
ARTICLES = int(os.environ.get("LOADTEST_ARTICLES", "60"))

SETUP = f"""
from django.contrib.auth import get_user_model
from django.core.management import call_command
users = get_user_model().objects
users.create_superuser("drill-editor", password=None)
users.create_superuser("drill-moderator", password=None)
call_command("load_demo", verbosity=0)
call_command("generate_content", articles={ARTICLES}, verbosity=0)
call_command("rebuild_search_index", "--no-progress", verbosity=0)
"""


def site_env(pg, redis, media) -> dict:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "filmsite.settings",
        "DATABASE_URL": pg.url,
        "REDIS_URL": redis.url,
        "MEDIA_ROOT": str(media.path),
        "SERVE_MEDIA": "1",
        "DATA_DIR": f"{BASE}-data",
        "STATIC_ROOT": f"{BASE}-static",
        "SECRET_KEY": secrets.token_urlsafe(40),
        "DEBUG": "0",
        "SECURE_COOKIES": "0",  # plain HTTP on loopback
        "LOG_LEVEL": "WARNING",
        "PYTHONPATH": str(ROOT),
    }


def manage(env: dict, *args: str) -> None:
    result = subprocess.run(
        [sys.executable, "manage.py", *args], env=env, cwd=ROOT, capture_output=True, text=True
    )
    if result.returncode:
        raise DrillError(f"manage.py {args[0]} failed: {result.stderr.strip()[-400:]}")


def page_paths() -> dict:
    """A few addresses of every public page type, from the loaded site."""
    from articles.models import Publication

    live = Publication.objects.filter(live_revision__isnull=False).select_related("film", "author")
    sample = list(live.order_by("-published_at")[:20])
    return {
        "home": ["/"],
        "article list": ["/articles/"],
        "article": [f"/articles/{p.slug}/" for p in sample],
        "film": sorted({f"/films/{p.film.slug}/" for p in sample}),
        "author": sorted({f"/authors/{p.author.slug}/" for p in sample}),
        "feed": ["/feeds/articles.rss", "/feeds/articles.atom"],
        "sitemap": ["/sitemap.xml"],
        "search": ["/search/?q=true+story", "/search/?q=ending"],
    }


def report(recorder, desk, facts: dict, problems: list[str]) -> None:
    print("\nphase        requests   5xx  dropped  503 in window  p50 ms  p95 ms")
    for phase, answers in recorder.by_phase().items():
        seconds = [a.seconds * 1000 for a in answers]
        fives = sum(a.status >= 500 and a.status != 503 for a in answers)
        dropped = sum(a.status == 0 for a in answers)
        windowed = sum(a.status == 503 and recorder.in_window(a) for a in answers)
        print(
            f"{phase:<12} {len(answers):>8} {fives:>5} {dropped:>8} {windowed:>14}"
            f" {percentile(seconds, 0.5):>7.1f} {percentile(seconds, 0.95):>7.1f}"
        )
    print("\npage         requests  errors  p50 ms  p95 ms")
    for page, answers in sorted(recorder.by_page().items()):
        seconds = [a.seconds * 1000 for a in answers]
        errors = sum(a.status >= 500 or a.status == 0 for a in answers)
        print(
            f"{page:<12} {len(answers):>8} {errors:>7}"
            f" {percentile(seconds, 0.5):>7.1f} {percentile(seconds, 0.95):>7.1f}"
        )
    staffing = desk.staffing
    kinds = {
        "approved now": sum(not a.scheduled and not a.restored for a in staffing.approvals),
        "scheduled": sum(a.scheduled for a in staffing.approvals),
        "restored": sum(a.restored for a in staffing.approvals),
    }
    print("\nstaff: " + ", ".join(f"{k} {v}" for k, v in kinds.items()))
    print(f"staff steps retried through an outage: {staffing.retries}")
    print(f"stale pages after a publish: {len(staffing.stale)}")
    for phase, value in facts.items():
        print(f"{phase}: {value}")
    unexpected = [a for a in recorder.answers if recorder.unexpected(a)]
    print(f"\n5xx or dropped outside a stated outage window: {len(unexpected)}")
    all_problems = (
        [f"{a.phase}: {a.instance} answered {a.status} on {a.page}" for a in unexpected[:10]]
        + [f"stale {what} on {name} ({phase}) {path}" for phase, what, name, path in staffing.stale]
        + staffing.failures
        + problems
    )
    print("RESULT: " + ("FAILED" if all_problems else "passed, nothing lost"))
    for line in all_problems[:40]:
        print(f"  - {line}")
    return all_problems


def run() -> int:
    pg, redis, media = PostgreSQL(PG_PORT), Redis(REDIS_PORT), Media()
    instances = {}
    try:
        print(f"- services: PostgreSQL :{PG_PORT}, Redis :{REDIS_PORT}, media {media.path}")
        pg.start()
        redis.start()
        media.start()
        env = site_env(pg, redis, media)
        print(f"- loading the demo and {ARTICLES} generated articles …", flush=True)
        manage(env, "migrate", "--no-input")
        manage(env, "shell", "-c", SETUP)
        manage(env, "collectstatic", "--no-input")
        os.environ.update(env)
        import django

        django.setup()
        from django.contrib.auth import get_user_model

        from articles.models import Publication

        for offset, name in enumerate(["A", "B"]):
            instances[name] = Instance(name, FIRST_PORT + offset, env)
            instances[name].start()
        ports = {name: i.port for name, i in instances.items()}
        users = get_user_model().objects
        editor, moderator = (
            users.get(username="drill-editor"),
            users.get(username="drill-moderator"),
        )
        published = Publication.objects.filter(live_revision__isnull=False)
        article_ids = list(
            published.order_by("article_id").values_list("article_id", flat=True)[:6]
        )
        recorder = Recorder()
        readers = Readers(recorder, ports, page_paths())
        desk = Desk(recorder, ports, article_ids, editor, moderator)
        facts = {}
        print(
            f"- load: 4 readers on both instances, an editor and a moderator; {PHASE:.0f} s phases"
        )
        readers.start()
        desk.start()
        recorder.phase = "steady"
        time.sleep(PHASE)
        recorder.phase = "redis down"
        facts["redis"] = drills.redis_outage(redis, recorder, PHASE)
        recorder.phase = "postgres"
        facts["postgres"] = drills.database_restart(pg, instances, recorder)
        facts["postgres"].pop("restarted at")
        time.sleep(PHASE)
        recorder.phase = "worker kill"
        facts["worker"] = drills.worker_killed(instances["A"], recorder)
        time.sleep(PHASE)
        recorder.phase = "disk full"
        facts["media"], upload_problems = drills.full_disk_upload(media, ports["B"], editor)
        time.sleep(PHASE / 3)
        readers.stop()
        desk.stop()
        problems = upload_problems + drills.final_checks(desk, ports)
        failed = report(recorder, desk, facts, problems)
        return 1 if failed else 0
    except DrillError as error:
        print(f"loadtest: {error}", file=sys.stderr)
        return 1
    finally:
        for instance in instances.values():
            instance.stop()
        redis.stop()
        pg.stop()
        media.stop()


if __name__ == "__main__":
    sys.exit(run())
