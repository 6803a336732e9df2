"""Every payload of the corpus, through every field, reaches no page as live markup.

Checked in the HTML of the public pages, the feeds, the pages moderators
read (queue, review screen, the submission as readers will see it, history,
corrections) and the editor's markdownx preview. tests/browser/ loads the
same pages in Chromium with the CSP switched off and a marker function.
"""

import xml.etree.ElementTree as ET

import pytest
from django.test import Client
from django.urls import reverse

from corrections.models import Correction
from tests import hostile_site
from tests.factories import SuperuserFactory
from tests.payloads import PAYLOADS, live_markup

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


# Pages that show every field of the corpus, checked for each payload; the
# others (which repeat fields already covered) for every EVERY-th payload.
EVERY = 8


def public_pages(item, number):
    pages = [
        reverse("articles:article", kwargs={"slug": item.article.slug}),
        item.film.get_absolute_url(),
    ]
    if number % EVERY == 0:
        pages += [
            item.author.get_absolute_url(),
            reverse("corrections:suggest", kwargs={"slug": item.article.slug}),
        ]
    return pages


def staff_pages(item, number):
    correction = Correction.objects.filter(article=item.article).first()
    pages = [
        reverse("admin:articles_submission_review", args=[item.pending.pk]),
        reverse("admin:articles_submission_page", args=[item.pending.pk]),
        reverse("admin:articles_revision_change", args=[item.pending.pk]),
        reverse("admin:corrections_correction_change", args=[correction.pk]),
    ]
    if number % EVERY == 0:
        pages += [
            reverse("admin:articles_article_change", args=[item.article.pk]),
            reverse("admin:articles_article_preview", args=[item.article.pk]),
            reverse("admin:films_film_change", args=[item.film.pk]),
            reverse("admin:films_author_change", args=[item.author.pk]),
            reverse("admin:images_image_change", args=[item.article.hero_image_id]),
        ]
    return pages


LISTS = [
    "/",
    "/articles/",
    "/articles/?page=2",
    "/admin/",
    "/admin/articles/submission/",
    "/admin/articles/article/",
    "/admin/articles/revision/",
    "/admin/corrections/correction/",
    "/admin/films/film/",
    "/admin/images/image/",
]


def feed_texts(client, url):
    """The feed fields readers render as HTML, decoded from the XML.

    RSS ``<description>`` and Atom ``summary type="html"``; titles are text
    (Atom says so with its default ``type="text"``) and are checked for being
    the plain title in tests/discovery/.
    """
    root = ET.fromstring(client.get(url).content)
    texts = [element.text or "" for element in root.iter("description")]
    for summary in root.iter(f"{ATOM}summary"):
        assert summary.attrib.get("type") == "html"
        texts.append(summary.text or "")
    return texts


@pytest.fixture
def site(settings):
    settings.CORRECTIONS_RATE_LIMIT = 10_000
    return hostile_site.build(PAYLOADS)


def test_no_payload_is_live_anywhere(site):
    reader = Client(raise_request_exception=False)
    moderator = Client(raise_request_exception=False)
    moderator.force_login(SuperuserFactory())
    found, checked, errors = [], 0, []

    def check(client, url):
        nonlocal checked
        response = client.get(url)
        if response.status_code >= 500:
            errors.append(url)
            return
        problems = live_markup(response.content.decode())
        checked += 1
        found.extend(f"{url}: {problem}" for problem in problems)

    for url in LISTS:
        check(moderator if url.startswith("/admin/") else reader, url)
    for number, item in enumerate(site):
        for url in public_pages(item, number):
            check(reader, url)
        for url in staff_pages(item, number):
            check(moderator, url)
        response = moderator.post("/markdownx/markdownify/", {"content": item.payload})
        found.extend(f"preview: {p}" for p in live_markup(response.content.decode()))
    for url in ["/feeds/articles.rss", "/feeds/articles.atom"] + [
        f"/films/{item.film.slug}/feed.{kind}" for item in site for kind in ("rss", "atom")
    ]:
        for text in feed_texts(reader, url):
            found.extend(f"{url}: {problem}" for problem in live_markup(text))

    print(
        f"{len(PAYLOADS)} payloads x {len(hostile_site.FIELDS)} fields; "
        f"{checked} pages checked; {len(found)} live; {len(errors)} 5xx"
    )
    assert errors == []
    assert found == [], sorted({problem.split(": ", 1)[-1][:80] for problem in found})
