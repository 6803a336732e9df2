"""The front page and the verdict hubs, as readers find them on the demo."""

import json

import pytest
from django.urls import reverse

from articles.hubs import HUBS
from articles.models import Revision
from tests.html import parse

pytestmark = pytest.mark.django_db


def fetch(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return parse(response.content.decode())


def article_links(node):
    return [
        a.attrs["href"]
        for a in node.find_all("a")
        if a.attrs.get("href", "").startswith("/articles/") and a.attrs["href"] != "/articles/"
    ]


def graph(page):
    (script,) = page.find_all("script", type="application/ld+json")
    return json.loads(script.text)["@graph"]


def test_home_leads_with_the_newest_and_never_repeats_an_article(client, demo):
    page = fetch(client, reverse("articles:home"))
    newest = Revision.objects.live().newest_first().first()
    lead = page.find(class_="lead-story")
    assert newest.get_absolute_url() in article_links(lead)
    main = page.find("main")
    cards = [
        card for card in main.find_all("article", class_="card") if "lead-story" not in card.classes
    ]
    links = [article_links(card)[0] for card in cards] + [newest.get_absolute_url()]
    assert len(links) == len(set(links)), "an article listed twice"
    assert len(links) == Revision.objects.live().count(), "the demo fits on the front page"


def test_recently_updated_says_what_changed(client, demo):
    page = fetch(client, reverse("articles:home"))
    changes = [p.text for p in page.find_all("p", class_="card__what-changed")]
    assert changes and all(text.startswith("What changed: ") for text in changes)
    summaries = set(Revision.objects.values_list("change_summary", flat=True))
    assert all(text.removeprefix("What changed: ") in summaries for text in changes)


@pytest.mark.parametrize("hub", HUBS, ids=lambda hub: hub.slug)
def test_each_hub_lists_exactly_its_verdicts(client, demo, hub):
    page = fetch(client, reverse("articles:hub", kwargs={"slug": hub.slug}))
    expected = {r.get_absolute_url() for r in Revision.objects.live() if r.verdict in hub.verdicts}
    listed = set(article_links(page.find("main").find(class_="card-list")))
    assert listed == expected and expected
    nodes = graph(page)
    (items,) = [n for n in nodes if n["@type"] == "ItemList"]
    assert [n for n in nodes if n["@type"] == "CollectionPage"]
    assert len(items["itemListElement"]) == len(expected)
    crumbs = [a.text for a in page.find(class_="breadcrumbs").find_all("a")]
    assert crumbs == ["Home"]
    assert page.find(class_="breadcrumbs").find("span").text == hub.name


def test_unknown_hub_and_bad_cursor_are_not_found(client, demo):
    assert client.get(reverse("articles:hub", kwargs={"slug": "musicals"})).status_code == 404
    url = reverse("articles:hub", kwargs={"slug": "fiction"})
    assert client.get(url + "?before=nonsense").status_code == 404
    assert client.get(url + "?before=1-1").status_code == 404


def test_hub_pages_by_cursor(client, demo, settings, monkeypatch):
    from articles import views

    monkeypatch.setattr(views, "LISTING_SIZE", 1)
    url = reverse("articles:hub", kwargs={"slug": "fiction"})
    first = fetch(client, url)
    older = first.find("a", rel="next").attrs["href"]
    second = fetch(client, older)
    assert article_links(first.find(class_="card-list")) != article_links(
        second.find(class_="card-list")
    )
    assert second.find("a", rel="prev")


@pytest.mark.parametrize(
    "url",
    [
        reverse("articles:article", kwargs={"slug": "is-fargo-a-true-story"}),
        reverse("articles:film", kwargs={"slug": "psycho-1998"}),
    ],
)
def test_breadcrumbs_shown_are_the_structured_ones(client, demo, url):
    page = fetch(client, url)
    (trail,) = [n for n in graph(page) if n["@type"] == "BreadcrumbList"]
    expected = [(c["name"], c["item"]) for c in trail["itemListElement"]]
    items = page.find(class_="breadcrumbs").find_all("li")
    shown = [li.text.strip() for li in items]
    assert shown == [name for name, _ in expected]
    links = [li.find("a").attrs["href"] for li in items[:-1]]
    assert links == [item for _, item in expected[:-1]]
    assert items[-1].find("span").attrs["aria-current"] == "page"
