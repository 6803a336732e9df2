"""Topic pages, the links to them, related explainers, and how edits refresh them."""

import json

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles import workflow
from tests.factories import (
    ArticleFactory,
    CreditFactory,
    EditorFactory,
    FilmFactory,
    ModeratorFactory,
    publish,
)
from tests.html import parse
from topics.models import Topic

pytestmark = pytest.mark.django_db


@pytest.fixture
def shelf(db, moderator):
    """A topic of an original and its remake, with a live explainer, a draft and one outside."""
    original = FilmFactory(title="First Tale", year=2001)
    remake = FilmFactory(title="First Tale", year=2011, adaptation_of=original)
    about_remake = ArticleFactory(film=remake, title="Is the remake true?")
    draft = ArticleFactory(film=original, title="An unfinished comparison")
    outside = ArticleFactory(title="Something else entirely", verdict="yes")
    publish(about_remake, user=moderator)
    publish(outside, user=moderator)
    topic = Topic.objects.create(name="First Tale: every version", slug="first-tale", intro="Both.")
    topic.films.set([original, remake])
    topic.articles.set([about_remake, draft])
    return {
        "topic": topic,
        "original": original,
        "remake": remake,
        "article": about_remake,
        "draft": draft,
        "outside": outside,
    }


def fetch(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return parse(response.content.decode())


def article_url(article):
    return reverse("articles:article", kwargs={"slug": article.slug})


def test_topic_page_lists_its_films_and_only_live_explainers(client, shelf):
    page = fetch(client, shelf["topic"].get_absolute_url())
    text = page.find("main").text
    assert "Is the remake true?" in text
    assert "An unfinished comparison" not in text, "a draft is never shown"
    assert "Something else entirely" not in text
    films = page.find(class_="topic-films").find_all("li")
    assert [li.text.split(" ·")[0] for li in films] == [
        "First Tale (2001, Turkey)",
        "First Tale (2011, Turkey)",
    ]
    links = [a.attrs["href"] for a in films[1].find_all("a")]
    assert article_url(shelf["article"]) in links, "the remake links to its explainer"


def test_topic_page_structured_data_and_breadcrumbs_agree(client, shelf):
    page = fetch(client, shelf["topic"].get_absolute_url())
    (script,) = page.find_all("script", type="application/ld+json")
    graph = json.loads(script.text)["@graph"]
    assert [n for n in graph if n["@type"] == "CollectionPage"]
    (items,) = [n for n in graph if n["@type"] == "ItemList"]
    assert [i["name"] for i in items["itemListElement"]] == ["Is the remake true?"]
    (trail,) = [n for n in graph if n["@type"] == "BreadcrumbList"]
    names = [crumb["name"] for crumb in trail["itemListElement"]]
    shown = [li.text.strip() for li in page.find(class_="breadcrumbs").find_all("li")]
    assert names == shown == ["Home", "Topics", "First Tale: every version"]


def test_unknown_topic_and_bad_cursor_are_not_found(client, shelf):
    assert client.get(reverse("topics:topic", kwargs={"slug": "nope"})).status_code == 404
    url = shelf["topic"].get_absolute_url()
    assert client.get(url + "?before=zzz").status_code == 404


def test_article_and_film_pages_link_to_their_topics(client, shelf):
    topic_url = shelf["topic"].get_absolute_url()
    for url in [article_url(shelf["article"]), shelf["original"].get_absolute_url()]:
        links = [a.attrs.get("href") for a in fetch(client, url).find_all("a")]
        assert topic_url in links, url


def post_topic(client, topic, *, articles, films):
    url = reverse("admin:topics_topic_change", args=[topic.pk])
    data = {
        "name": topic.name,
        "slug": topic.slug,
        "intro": topic.intro,
        "articles": [a.pk for a in articles],
        "films": [f.pk for f in films],
    }
    return client.post(url, data)


def test_a_moderators_edit_refreshes_exactly_the_pages_that_show_it(client, shelf):
    warm = [
        article_url(shelf["article"]),
        article_url(shelf["outside"]),
        shelf["topic"].get_absolute_url(),
        reverse("topics:index"),
    ]
    for url in warm:
        client.get(url)
    staff = Client()
    staff.force_login(ModeratorFactory())
    response = post_topic(staff, shelf["topic"], articles=[shelf["outside"]], films=[])
    assert response.status_code == 302
    topic_url = shelf["topic"].get_absolute_url()
    dropped = [
        a.attrs.get("href") for a in fetch(client, article_url(shelf["article"])).find_all("a")
    ]
    added = [
        a.attrs.get("href") for a in fetch(client, article_url(shelf["outside"])).find_all("a")
    ]
    assert topic_url not in dropped and topic_url in added
    assert "Something else entirely" in fetch(client, topic_url).find("main").text


def test_editors_may_read_topics_but_not_change_them(shelf):
    editor, moderator = Client(), Client()
    editor.force_login(EditorFactory())
    moderator.force_login(ModeratorFactory())
    change = reverse("admin:topics_topic_change", args=[shelf["topic"].pk])
    assert editor.get(change).status_code == 200
    assert post_topic(editor, shelf["topic"], articles=[], films=[]).status_code == 403
    assert moderator.get(reverse("admin:topics_topic_add")).status_code == 200


def cost(client, url):
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    hit = CaptureQueriesContext(connection)
    with hit:
        client.get(url)
    return len(queries), len(hit)


def test_topic_pages_cost_fixed_queries(client, shelf, moderator):
    urls = [shelf["topic"].get_absolute_url(), reverse("topics:index")]
    before = [cost(client, url) for url in urls]
    for _ in range(5):
        more = ArticleFactory(film=shelf["remake"])
        publish(more, user=moderator)
        shelf["topic"].articles.add(more)
        shelf["topic"].films.add(FilmFactory(adaptation_of=shelf["original"]))
        Topic.objects.create(name=f"More {more.pk}", slug=f"more-{more.pk}", intro="More.")
    assert [cost(client, url) for url in urls] == before == [(3, 0), (1, 0)]


def test_related_explainers_put_the_same_story_first(client, shelf, moderator):
    about_original = ArticleFactory(film=shelf["original"], title="Is the original true?")
    publish(about_original, user=moderator)
    cast_mate = ArticleFactory(title="Same actor elsewhere")
    CreditFactory(film=shelf["remake"], actor="Pat Example")
    CreditFactory(film=cast_mate.film, actor="Pat Example")
    publish(cast_mate, user=moderator)
    related = fetch(client, article_url(shelf["article"])).find(class_="related")
    titles = [h.text.strip() for h in related.find_all("h3")]
    assert titles[:2] == ["Is the original true?", "Same actor elsewhere"]
    assert "Is the remake true?" not in titles, "never the article itself"
    workflow.unpublish(article=about_original, user=moderator)
    related = fetch(client, article_url(shelf["article"])).find(class_="related")
    assert "Is the original true?" not in related.text, "an unpublished one drops out at once"
