"""Shared by the site archive tests: a demo site in every state, crawling it, emptying it."""

import re
import shutil
import zipfile
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core import serializers
from django.core.cache import cache
from django.utils import timezone

from articles import workflow
from articles.models import (
    Article,
    EditingPresence,
    Publication,
    Revision,
    SavedVersion,
    SiteSettings,
)
from corrections import services as corrections
from corrections.models import Correction, SubmissionCount
from films.models import Author, Film
from images.models import Image
from pagecache.clock import UNKNOWN, get_clock
from search import index as search_index
from staff.models import AuditEvent
from tests.conftest import DEMO_ARTICLE_SLUG, load_demo
from tests.factories import ArticleFactory, publish, submit
from tests.helpers import edit
from transfer.archive_files import MANIFEST, sha256
from transfer.site_archive import CONTENT_MODELS


def demo_site(settings):
    """The demo, plus a scheduled revision, an unpublished article, a pending submission,
    corrections (one new, one accepted) and edited site settings."""
    load_demo(settings)
    User = get_user_model()
    editor, moderator = User.objects.get(username="editor"), User.objects.get(username="moderator")
    settings.FILMSITE_ALLOW_SELF_APPROVAL = False
    demo = Article.objects.get(slug=DEMO_ARTICLE_SLUG)
    film, author = demo.film, demo.author

    edit(demo, "A rewritten introduction, scheduled for next week.")
    scheduled = workflow.submit(
        article=demo, user=editor, change_summary="Rewrote the introduction"
    ).revision
    workflow.approve(
        revision=scheduled, user=moderator, go_live_at=timezone.now() + timedelta(days=7)
    )

    gone = ArticleFactory(slug="a-withdrawn-explainer", film=film, author=author)
    publish(gone, user=moderator, submitter=editor, go_live_at=timezone.now() - timedelta(days=3))
    workflow.unpublish(article=gone, user=moderator)

    waiting = ArticleFactory(slug="an-explainer-under-review", film=film, author=author)
    publish(
        waiting, user=moderator, submitter=editor, go_live_at=timezone.now() - timedelta(days=2)
    )
    edit(waiting, "An update waiting for a moderator.")
    submit(waiting, user=editor, change_summary="Waiting for review")

    live = Revision.objects.live().get(article=demo)
    corrections.submit_correction(
        article=demo,
        message="The year of the original film is wrong here.",
        email="",
        client_key="a",
    )
    fixed = corrections.submit_correction(
        article=demo,
        message="Yusuf's name is misspelt in the FAQ.",
        email="reader@example.com",
        client_key="b",
    )
    corrections.accept(
        correction=fixed,
        user=moderator,
        revision=live,
        public_note="Yusuf's name is now spelt as in the film's credits.",
    )

    site = SiteSettings.load()
    site.default_disclaimer = "A disclaimer of our own, with *emphasis*."
    site.save()
    forget_caches()


def forget_caches():
    get_clock().set_next_go_live(UNKNOWN)
    SiteSettings._loaded.clear()
    cache.clear()


NONCE = re.compile(rb'nonce="[^"]*"')
CSRF = re.compile(rb'name="csrfmiddlewaretoken" value="[^"]*"')
# A feed with no items says it was updated at the moment it is requested.
EMPTY_FEED_DATE = re.compile(rb"<lastBuildDate>[^<]*</lastBuildDate>|<updated>[^<]*</updated>")


def normalised(url: str, body: bytes) -> bytes:
    """``body`` with only what differs from one request to the next blanked."""
    body = CSRF.sub(b"csrf", NONCE.sub(b"nonce", body))
    if "feed." in url and b"<item>" not in body and b"<entry>" not in body:
        body = EMPTY_FEED_DATE.sub(b"<now/>", body)
    return body


def public_urls() -> list[str]:
    urls = ["/", "/articles/", "/feeds/articles.rss", "/feeds/articles.atom", "/robots.txt"]
    urls += ["/sitemap.xml", "/search/?q=miracle", "/search/?q=cell+ova", "/no-such-page/"]
    for slug in Film.objects.values_list("slug", flat=True):
        urls += [f"/films/{slug}/", f"/films/{slug}/feed.rss", f"/films/{slug}/feed.atom"]
    urls += [f"/authors/{slug}/" for slug in Author.objects.values_list("slug", flat=True)]
    for slug in Article.objects.values_list("slug", flat=True):
        urls += [f"/articles/{slug}/", f"/articles/{slug}/suggest-a-correction/"]
    return sorted(urls)


def crawl(client) -> dict[str, tuple]:
    """Every public address: (status, content type, body with per-request tokens blanked)."""
    pages, queue, seen = {}, public_urls(), set()
    while queue:
        url = queue.pop()
        if url in seen:
            continue
        seen.add(url)
        response = client.get(url)
        body = normalised(url, response.content)
        pages[url] = (response.status_code, response.get("Content-Type"), body)
        if url.startswith("/sitemap"):
            # Follow the sitemap index to its pages, and list every address they give.
            for loc in re.findall(rb"<loc>https?://[^/<]+(/[^<]*)</loc>", body):
                queue.append(loc.decode())
    return pages


def records() -> dict[str, list]:
    """Every content row as the admin sees it, staff accounts named by username."""
    found = {
        model._meta.label: serializers.serialize(
            "python", model.objects.order_by("pk"), use_natural_foreign_keys=True
        )
        for model in CONTENT_MODELS
    }
    found["publication"] = list(
        Publication.objects.order_by("pk").values(
            "article", "live_revision", "slug", "film", "author", "published_at", "updated_at",
            "next_go_live_at",
        )
    )  # fmt: skip
    found["users"] = [
        (u.username, u.first_name, u.last_name, u.email, u.is_staff, u.is_superuser,
         u.is_active, u.date_joined, sorted(g.name for g in u.groups.all()))
        for u in get_user_model().objects.order_by("username")
    ]  # fmt: skip
    return found


def empty_site(media_root):
    """Delete every row of content, every account and every media file: a fresh database."""
    from sitepages.models import SitePage
    from topics.models import Topic

    Topic.objects.all().delete()
    SitePage.objects.all().delete()
    Publication.objects.all().delete()
    Correction.objects.all().delete()
    SubmissionCount.objects.all().delete()
    EditingPresence.objects.all().delete()
    SavedVersion.objects.all().delete()
    Revision.objects.update(restored_from=None)
    Revision.objects.all().delete()
    Article.objects.all().delete()
    Author.objects.all().delete()
    Film.objects.update(adaptation_of=None)
    Film.objects.all().delete()
    Image.objects.all().delete()
    SiteSettings.objects.all().delete()
    AuditEvent.objects.all().delete()
    get_user_model().objects.all().delete()
    search_index.rebuild()
    shutil.rmtree(media_root, ignore_errors=True)
    forget_caches()


def rewrite_zip(
    source, target, *, drop=(), replace=None, add=None, fix_manifest=True, manifest_fields=None
):
    """A copy of a zip archive with members dropped, replaced or added.

    With ``fix_manifest`` the manifest's sizes and hashes follow the changes
    (so the test reaches the check it is about); without, they stay stale.
    ``manifest_fields`` overrides top-level fields of the manifest.
    """
    import json

    replace, add = dict(replace or {}), dict(add or {})
    with zipfile.ZipFile(source) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    manifest = json.loads(members.pop(MANIFEST))
    for name in drop:
        members.pop(name)
    members.update(replace)
    members.update(add)
    if fix_manifest:
        for name, data in {**replace, **add}.items():
            manifest["files"][name] = {"size": len(data), "sha256": sha256(data)}
    manifest.update(manifest_fields or {})
    members[MANIFEST] = json.dumps(manifest).encode()
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return target
