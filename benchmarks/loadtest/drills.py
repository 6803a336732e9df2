"""The faults, one phase each, and the checks of what must have survived them."""

import io
import os
import secrets
import time
import urllib.error
import urllib.request
from pathlib import Path

from .services import wait_for
from .traffic import Window

GRACE = 2.0  # seconds after recovery still counted in a stated outage window


def redis_outage(redis, recorder, seconds: float) -> dict:
    """Redis stopped under load: pages keep coming (from the database), caching resumes."""
    redis.stop()
    time.sleep(seconds)
    redis.start()
    time.sleep(seconds / 2)
    return {"cache keys after restart": redis.keys()}


def database_restart(pg, instances: dict, recorder) -> dict:
    """PostgreSQL restarted under load: 503s at most for a few seconds, then by itself."""
    window = Window("postgres", time.monotonic())
    recorder.windows.append(window)
    pg.restart()
    restarted = time.monotonic()
    recovered = wait_for(lambda: all(i.healthy() for i in instances.values()), 60, "the site")
    window.end = time.monotonic() + GRACE
    from django.db import connections

    connections.close_all()  # this thread's connection died with the server
    return {
        "outage s (restart + recovery)": round(window.end - GRACE - window.start, 1),
        "recovery after restart s": round(recovered, 1),
        "restarted at": restarted,
    }


def worker_killed(instance, recorder) -> dict:
    """A gunicorn worker killed mid-load: its master starts another, nobody gets a 5xx."""
    window = Window("worker", time.monotonic())
    recorder.windows.append(window)
    killed = instance.kill_a_worker()
    took = wait_for(
        lambda: killed not in instance.workers() and len(instance.workers()) == 2,
        30,
        "a replacement worker",
    )
    window.end = time.monotonic() + GRACE
    return {"killed worker": killed, "replaced after s": round(took, 1)}


def noise_picture(width=1200, height=800) -> bytes:
    from PIL import Image

    picture = Image.frombytes("RGB", (width, height), os.urandom(width * height * 3))
    out = io.BytesIO()
    picture.save(out, "JPEG", quality=90)
    return out.getvalue()


def _upload(port: int, session: str, data: bytes) -> tuple[int, str]:
    boundary = secrets.token_hex(16)
    token = secrets.token_hex(16)  # 32 characters: the cookie's CSRF secret, sent back as is
    body = (
        (
            f'--{boundary}\r\nContent-Disposition: form-data; name="image"; '
            f'filename="still.jpg"\r\nContent-Type: image/jpeg\r\n\r\n'
        ).encode()
        + data
        + f"\r\n--{boundary}--\r\n".encode()
    )
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/markdownx/upload/",
        data=body,
        headers={
            "Content-Type": f"multipart/form-data; boundary={boundary}",
            "Cookie": f"sessionid={session}; csrftoken={token}",
            "X-CSRFToken": token,
            "X-Requested-With": "XMLHttpRequest",
        },
    )
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def _verify_with_an_app(client, user) -> None:
    """The session as if its owner had entered a code from their app.

    The instances run with two-factor sign-in required, as in production;
    this drill is about the disk, not about signing in.
    """
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device, _ = TOTPDevice.objects.get_or_create(
        user=user, name="Load test", defaults={"confirmed": True}
    )
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()


def full_disk_upload(media, port: int, editor) -> tuple[dict, list[str]]:
    """An upload while the media volume is full: a clear refusal, then a whole picture."""
    if not media.mounted:
        return {"skipped": "no tmpfs could be mounted (needs root)"}, []
    from django.conf import settings
    from django.test import Client
    from PIL import Image as Picture

    from images.models import Image
    from images.processing import upload_key

    client = Client()
    client.force_login(editor)
    _verify_with_an_app(client, editor)
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    data = noise_picture()
    key = upload_key(data)
    folder = Path(media.path) / "images" / key
    problems = []
    filler = media.fill(leave=200_000)
    status, body = _upload(port, session, data)
    if status != 400 or "could not be stored" not in body:
        problems.append(f"upload on a full disk answered {status}: {body[:200]}")
    if Image.objects.filter(key=key).exists():
        problems.append("a picture row was saved although its files were not")
    if folder.exists() and any(folder.iterdir()):
        problems.append(f"files were left behind: {sorted(p.name for p in folder.iterdir())}")
    filler.unlink()
    again, body = _upload(port, session, data)
    if again != 200:
        problems.append(f"the same upload with room answered {again}: {body[:200]}")
    image = Image.objects.filter(key=key).first()
    names = (
        [str(getattr(image.file, "name", image.file)), *(r["name"] for r in image.renditions)]
        if image
        else []
    )
    for name in names:
        try:
            with Picture.open(Path(media.path) / name) as picture:
                picture.load()  # a truncated file fails here
        except OSError as error:
            problems.append(f"{name} is not a whole picture: {error}")
    return {"full disk answer": status, "with room answer": again, "files": len(names)}, problems


def final_checks(desk, instances: dict) -> list[str]:
    """After the load: the workflow's records against what the editors did and readers see."""
    from articles import workflow
    from articles.models import Article, Publication, Revision

    from .traffic import get

    problems = list(workflow.check_invariants())
    staffing = desk.staffing
    for approval in staffing.approvals:
        revision = Revision.objects.filter(pk=approval.revision_id).first()
        if revision is None or revision.status != Revision.Status.APPROVED:
            problems.append(f"approved revision {approval.revision_id} is missing or not approved")
        elif approval.marker not in revision.standfirst:
            problems.append(f"revision {approval.revision_id} holds another text (mixed up)")
    for article_id, marker in staffing.expected_live.items():
        live = Publication.objects.select_related("live_revision").get(article_id=article_id)
        if live.live_revision is None or marker not in live.live_revision.standfirst:
            problems.append(f"article {article_id}: the live revision is not the last approved")
        path = f"/articles/{live.slug}/"
        for name, port in instances.items():
            status, body = get(port, path)
            if status != 200 or marker.encode() not in body:
                problems.append(f"article {article_id}: {name} does not show the live revision")
    for article_id, marker in staffing.saved.items():
        if marker not in Article.objects.get(pk=article_id).standfirst:
            problems.append(f"article {article_id}: the editor's last saved text was lost")
    return problems
