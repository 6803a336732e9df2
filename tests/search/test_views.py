"""The results page: what readers and crawlers get at /search/?q=…"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import ArticleFactory, publish
from tests.html import parse

pytestmark = pytest.mark.django_db
SEARCH = reverse("search:results")


def get(client, **params):
    response = client.get(SEARCH, params)
    assert response.status_code == 200
    return response


def test_results_page_lists_title_film_verdict_and_date(client, site):
    html = get(client, q="lantern").content.decode()
    assert '<a href="/articles/is-lantern-road-a-true-story/">Is <mark>Lantern</mark> Road' in html
    assert "Lantern Road (2019)" in html and "Verdict: No, it is fiction" in html
    assert "Updated <time" in html


def test_not_for_search_engines(client, site):
    response = get(client, q="lantern")
    assert response["X-Robots-Tag"] == "noindex"
    assert '<meta name="robots" content="noindex">' in response.content.decode()
    sitemap = client.get(reverse("discovery:sitemap")).content.decode()
    assert "/search/" not in sitemap


def test_cacheable_for_a_short_time(client, site, settings):
    response = get(client, q="lantern")
    assert "public" in response["Cache-Control"]
    assert f"max-age={settings.SEARCH_CACHE_SECONDS}" in response["Cache-Control"]


def test_a_publish_is_found_at_once_despite_the_cache(
    client, site, django_capture_on_commit_callbacks
):
    assert "Quillon" not in get(client, q="quillon").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        publish(ArticleFactory(title="Is Quillon a true story?"))
    assert "Quillon" in get(client, q="quillon").content.decode()


def test_the_same_search_again_is_served_from_the_cache(client, site):
    get(client, q="lantern")
    with CaptureQueriesContext(connection) as queries:
        get(client, q="Lantern ")
    assert len(queries) == 0


@pytest.mark.parametrize("hits", [1, 20])
def test_a_results_page_costs_the_same_whatever_it_shows(client, db, settings, hits):
    settings.SEARCH_CACHE_SECONDS = 0
    for n in range(hits):
        publish(ArticleFactory(title=f"Is budget story {n} true?"))
    with CaptureQueriesContext(connection) as queries:
        get(client, q="budget")
    assert len(queries) <= 5, [q["sql"][:80] for q in queries]


@pytest.mark.parametrize(
    "q, says",
    [
        ("", "Type a film"),
        ('"', "no letters or numbers"),
        ("*", "no letters or numbers"),
        ("-", "no letters or numbers"),
        ("NEAR(", "Nothing found"),
        ("OR OR", "result"),
        ("x" * 1000, "first 200 characters"),
    ],
)
def test_bad_queries_get_a_clear_page(client, site, q, says):
    assert says in get(client, q=q).content.decode()


def test_pages_link_to_each_other(client, db):
    for n in range(25):
        publish(ArticleFactory(title=f"Is paged story {n} true?"))
    page = parse(get(client, q="paged").content.decode())
    next_link = page.find("a", rel="next")
    assert next_link is not None
    second = parse(client.get(SEARCH + next_link.attrs["href"]).content.decode())
    assert second.find("a", rel="prev") is not None
    assert len(second.find_all("li", class_="search-hit")) == 5
    assert second.find("ol", class_="search-results").attrs["start"] == "21"


@pytest.mark.parametrize(
    "url",
    [
        reverse("articles:home"),
        reverse("articles:article_list"),
        "/articles/is-lantern-road-a-true-story/",
        "/films/lantern-road/",
        SEARCH,
    ],
)
def test_every_public_page_has_the_search_form(client, site, url):
    header = parse(client.get(url).content.decode()).find("header")
    form = header.find("form", role="search")
    assert form.attrs["method"] == "get" and form.attrs["action"] == SEARCH
    assert form.find("input", name="q") is not None


def test_the_form_keeps_the_query(client, site):
    header = parse(get(client, q="lantern road").content.decode()).find("header")
    assert header.find("input", name="q").attrs["value"] == "lantern road"
