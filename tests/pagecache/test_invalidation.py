"""Every event that changes what readers see makes the pages that show it fresh at once.

The pages are warmed first (so they sit in the page cache, and the article
page is built and stored), then the event happens the way staff cause it,
then each affected page must show the change on the very next request.
"""

import re
from datetime import timedelta
from unittest import mock
from urllib.parse import urlsplit

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from articles import reference_workflow, workflow
from articles.models import ReferenceRevision, Revision, SiteSettings
from pagecache import pages
from tests.factories import ModeratorFactory, publish
from tests.html import form_values, parse
from tests.pagecache.conftest import public_urls

pytestmark = pytest.mark.django_db

LISTINGS = ["home", "article list", "film", "author", "feed", "film feed"]


def warm(client, urls):
    for url in urls:
        assert client.get(url).status_code == 200
        assert client.get(url).status_code == 200  # the second from the cache


def text(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def sitemap_text(client):
    """Every page of the articles' sitemap section the index names (pages are blocks of ids,
    and on PostgreSQL ids keep growing from test to test)."""
    section = reverse("discovery:sitemap_section", kwargs={"section": "articles"})
    index = text(client, reverse("discovery:sitemap"))
    pages = [urlsplit(loc) for loc in re.findall(r"<loc>([^<]+)</loc>", index)]
    return "".join(
        text(client, f"{page.path}?{page.query}" if page.query else page.path)
        for page in pages
        if page.path == section
    )


def edit_title(article, title):
    article.title = title
    article.save()


def test_approving_a_new_revision(client, site):
    urls = public_urls(site)
    warm(client, urls.values())
    edit_title(site["article"], "A title approved just now")
    publish(site["article"])
    for name in ["article", *LISTINGS]:
        assert "A title approved just now" in text(client, urls[name]), name


def test_a_first_publication_reaches_listings_and_the_sitemap(client, site):
    from tests.factories import ArticleFactory

    urls = public_urls(site)
    warm(client, urls.values())
    newcomer = ArticleFactory(film=site["film"], author=site["author"], title="A newcomer")
    publish(newcomer)
    for name in LISTINGS:
        assert "A newcomer" in text(client, urls[name]), name
    assert newcomer.slug in sitemap_text(client)


def test_a_scheduled_revision_appears_at_its_time_with_a_warm_cache(client, site):
    urls = public_urls(site)
    edit_title(site["article"], "Scheduled for later")
    go_live = timezone.now() + timedelta(hours=2)
    publish(site["article"], go_live_at=go_live)
    warm(client, urls.values())
    assert "Scheduled for later" not in text(client, urls["article"])
    with mock.patch("django.utils.timezone.now", return_value=go_live - timedelta(seconds=1)):
        assert "Scheduled for later" not in text(client, urls["article"])
    with mock.patch("django.utils.timezone.now", return_value=go_live + timedelta(seconds=1)):
        for name in ["article", *LISTINGS]:
            assert "Scheduled for later" in text(client, urls[name]), name


def test_a_cached_page_never_outlives_a_known_go_live_in_browsers_either(client, site, settings):
    publish(
        site["article"].__class__.objects.get(pk=site["article"].pk), go_live_at=None
    ) if False else None
    edit_title(site["article"], "Soon")
    publish(site["article"], go_live_at=timezone.now() + timedelta(seconds=20))
    directives = client.get(public_urls(site)["home"])["Cache-Control"]
    max_age = int(directives.split("max-age=")[1].split(",")[0])
    assert 0 < max_age <= 20 < settings.PUBLIC_CACHE_SECONDS


def test_unpublishing(client, site):
    urls = public_urls(site)
    warm(client, urls.values())
    workflow.unpublish(article=site["article"], user=ModeratorFactory())
    assert client.get(urls["article"]).status_code == 410
    for name in LISTINGS:
        assert site["article"].title not in text(client, urls[name]), name
    assert site["article"].slug not in sitemap_text(client)


def test_restoring(client, site):
    urls = public_urls(site)
    first = Revision.objects.live().get(article=site["article"])
    first_title = first.title
    edit_title(site["article"], "A second version")
    publish(site["article"])
    warm(client, urls.values())
    workflow.restore(revision=first, user=ModeratorFactory())
    for name in ["article", *LISTINGS]:
        html = text(client, urls[name])
        assert "A second version" not in html, name
        assert first_title in html, name


def admin_post(client, url, form_id, change):
    data = form_values(parse(client.get(url).content.decode()).find("form", id=form_id))
    data.update(change)
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]


@pytest.fixture
def staff(db):
    from django.test import Client

    from tests.factories import SuperuserFactory

    staff = Client()
    staff.force_login(SuperuserFactory())
    return staff


def approve_the_change():
    """A moderator other than the one who saved it approves the held change."""
    change = ReferenceRevision.objects.pending().get()
    reference_workflow.approve(revision=change, user=ModeratorFactory())


def test_editing_a_film_in_the_admin(client, site, staff):
    urls = public_urls(site)
    warm(client, urls.values())
    url = reverse("admin:films_film_change", args=[site["film"].pk])
    admin_post(staff, url, "film_form", {"title": "Renamed film"})
    for name in ["article", "film", "home", "article list", "author", "film feed"]:
        assert "Renamed film" not in text(client, urls[name]), name
    approve_the_change()
    for name in ["article", "film", "home", "article list", "author", "film feed"]:
        assert "Renamed film" in text(client, urls[name]), name


def test_editing_the_original_refreshes_its_remakes_pages(client, site, staff):
    urls = public_urls(site)
    warm(client, urls.values())
    url = reverse("admin:films_film_change", args=[site["original"].pk])
    admin_post(staff, url, "film_form", {"title": "Renamed original"})
    assert "Renamed original" not in text(client, urls["article"])
    approve_the_change()
    for name in ["article", "film"]:
        assert "Renamed original" in text(client, urls[name]), name


def test_editing_an_author_in_the_admin(client, site, staff):
    urls = public_urls(site)
    warm(client, urls.values())
    url = reverse("admin:films_author_change", args=[site["author"].pk])
    admin_post(staff, url, "author_form", {"name": "Renamed Author"})
    assert "Renamed Author" not in text(client, urls["author"])
    approve_the_change()
    for name in ["article", "author", "feed"]:
        assert "Renamed Author" in text(client, urls[name]), name


def test_editing_a_posters_alt_text_in_the_admin(client, site, staff):
    from tests.images.test_rendering import make_image

    film = site["film"]
    film.poster = make_image((600, 900), alt_text="The old alt text")
    film.save()
    pages.touch(pages.LISTINGS, pages.film_tag(film.pk))
    urls = public_urls(site)
    warm(client, urls.values())
    assert "The old alt text" in text(client, urls["article"])
    url = reverse("admin:images_image_change", args=[film.poster_id])
    admin_post(staff, url, "image_form", {"alt_text": "The new alt text"})
    assert "The new alt text" not in text(client, urls["article"])
    approve_the_change()
    for name in ["article", "film"]:
        assert "The new alt text" in text(client, urls[name]), name


def test_editing_the_site_settings_in_the_admin(client, site, staff):
    urls = public_urls(site)
    warm(client, urls.values())
    row = SiteSettings.load()
    url = reverse("admin:articles_sitesettings_change", args=[row.pk])
    admin_post(staff, url, "sitesettings_form", {"default_disclaimer": "A brand new disclaimer."})
    assert "A brand new disclaimer." not in text(client, urls["article"])
    approve_the_change()
    assert "A brand new disclaimer." in text(client, urls["article"])


def test_an_untouched_page_stays_cached(client, site):
    """Exact, not wholesale: publishing one article leaves an unrelated one's page cached.

    Unrelated: another film, cast and verdict, so its "Read next" does not show
    the changed article (a related one is refreshed, as its card changes).
    """
    from tests.factories import ArticleFactory

    urls = public_urls(site)
    unrelated = ArticleFactory(verdict="yes")
    publish(unrelated)
    other = reverse("articles:article", kwargs={"slug": unrelated.slug})
    warm(client, [other])
    edit_title(site["article"], "Only this one changed")
    publish(site["article"])
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        client.get(other)
    assert len(queries) == 0
    assert urls  # the listings were refreshed above; this page shows neither


def test_a_related_articles_page_shows_its_new_title(client, site):
    """The second article's "Read next" lists the first (same film): it is refreshed."""
    other = reverse("articles:article", kwargs={"slug": site["second"].slug})
    warm(client, [other])
    edit_title(site["article"], "A new title for the first")
    publish(site["article"])
    assert "A new title for the first" in text(client, other)


def test_a_lost_cache_is_rebuilt_from_the_stored_page(client, site):
    url = public_urls(site)["article"]
    first = text(client, url)
    cache.clear()
    assert text(client, url) == first
