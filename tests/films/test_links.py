"""Links to other sites are printed only as http(s), whatever is stored."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from films.models import Availability, Rating
from filmsite.links import web_url
from tests.factories import ArticleFactory, AvailabilityFactory, RatingFactory, publish
from tests.html import parse

pytestmark = pytest.mark.django_db

HOSTILE_URLS = [
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    " javascript:alert(1)",
    "java\tscript:alert(1)",
    "javascript&colon;alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "//evil.example/",
    "/relative/path",
    "https:alert(1)",
    "http://exa mple.org/",
    "https://example.org/\x00",
    "ftp://example.org/file",
]


@pytest.mark.parametrize("url", HOSTILE_URLS)
def test_only_web_addresses_pass(url):
    assert web_url(url) == ""


@pytest.mark.parametrize(
    "url", ["https://www.netflix.com/title/81246694", "http://example.org/a?b=c#d"]
)
def test_web_addresses_are_kept(url):
    assert web_url(url) == url


# PostgreSQL cannot store NUL in text at all, so that one is only checked above.
STORABLE = [url for url in HOSTILE_URLS if "\x00" not in url]


@pytest.mark.parametrize("url", STORABLE)
def test_stored_hostile_urls_print_no_link(client, url):
    article = ArticleFactory()
    AvailabilityFactory(film=article.film, service="Netflix")
    RatingFactory(film=article.film, source="IMDb")
    publish(article)
    # Written without validation, as a careless import would.
    Availability.objects.update(url=url)
    Rating.objects.update(url=url)
    for page_url in (
        reverse("articles:article", kwargs={"slug": article.slug}),
        article.film.get_absolute_url(),
    ):
        page = parse(client.get(page_url).content.decode())
        facts = page.find("main") or page
        hrefs = [a.attrs.get("href", "") for a in facts.find_all("a")]
        assert not any(url.strip() in href for href in hrefs if url.strip()), hrefs
        assert "Netflix" in facts.text and "IMDb" in facts.text


@pytest.mark.parametrize("url", ["javascript:alert(1)", "ftp://example.org/", "data:,x"])
def test_models_refuse_other_schemes(url):
    place = AvailabilityFactory.build(film=ArticleFactory().film, url=url)
    with pytest.raises(ValidationError) as refused:
        place.full_clean()
    assert "url" in refused.value.message_dict
