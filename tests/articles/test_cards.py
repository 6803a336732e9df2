"""Listing cards and feed items, built once and stored with the publication state.

Readers see the same cards as before they were stored; what a card shows
that can change without a new revision (the film's title and year, the
author's name in feeds) is rebuilt by the edit itself, before any reader
asks, and a card from another deploy is built again once.
"""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles import cards, reference_workflow, workflow
from articles.models import Publication, ReferenceRevision
from tests.factories import (
    ArticleFactory,
    FilmFactory,
    ModeratorFactory,
    SuperuserFactory,
    publish,
)
from tests.html import form_values, parse
from tests.images.test_rendering import make_image

pytestmark = pytest.mark.django_db


@pytest.fixture
def site(moderator):
    film = FilmFactory(title="The Original Title", year=2013)
    hero = make_image(alt_text="A cell at night")
    article = ArticleFactory(
        film=film,
        title="Is it true? Ending explained",
        standfirst="Partly, & the ending <is> invented.",
        hero_image=hero,
        sections=[
            {"heading": "Plot", "body": "The plot."},
            {"heading": "Ending", "body": "SECRET-ENDING the twist.", "is_spoiler": True},
        ],
    )
    publish(article, user=moderator)
    return {"film": film, "article": article, "author": article.author}


def urls(site):
    return {
        "home": reverse("articles:home"),
        "article list": reverse("articles:article_list"),
        "film": site["film"].get_absolute_url(),
        "author": site["author"].get_absolute_url(),
    }


def page(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return parse(response.content.decode())


def stored_card(article):
    return Publication.objects.get(pk=article.pk).card


def test_each_listing_shows_the_card_with_its_own_outline(client, site):
    for name, url in urls(site).items():
        (card,) = page(client, url).find_all("article", class_="card")
        # The home page's first card is its lead story, under the page's h1.
        level = "h2" if name in {"article list", "home"} else "h3"
        heading = card.find(level, class_="card__title")
        assert heading.text == "Is it true? Ending explained", name
        assert heading.find("a").attrs["href"] == site["article"].slug.join(["/articles/", "/"])
        assert card.find("p", class_="card__standfirst").text == (
            "Partly, & the ending <is> invented."
        )
        assert card.find("img").attrs["alt"] == "A cell at night"
        assert "card--with-image" in card.classes
        film_link = card.find("a", href=site["film"].get_absolute_url())
        # The film's own page does not name the film on each card.
        assert (film_link is None) == (name == "film"), name
        if film_link is not None:
            assert film_link.text == "The Original Title (2013)"
        assert card.find("time") is not None


def test_cards_and_feed_items_hold_no_spoilers(client, site):
    assert "SECRET" not in str(stored_card(site["article"]))
    for url in [*urls(site).values(), reverse("discovery:feed_rss")]:
        assert "SECRET" not in client.get(url).content.decode(), url


def admin_post(client, url, form_id, change):
    data = form_values(parse(client.get(url).content.decode()).find("form", id=form_id))
    data.update(change)
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]


@pytest.fixture
def staff():
    staff = Client()
    staff.force_login(SuperuserFactory())
    return staff


def approve_the_pending_change():
    """A second moderator approves the edit: only then do readers see it."""
    (change,) = ReferenceRevision.objects.pending()
    reference_workflow.approve(revision=change, user=ModeratorFactory())


def test_editing_a_film_rebuilds_its_cards_before_any_reader_asks(client, site, staff):
    for url in urls(site).values():  # in the page cache
        client.get(url)
        assert client.get(url).status_code == 200
    change = reverse("admin:films_film_change", args=[site["film"].pk])
    admin_post(staff, change, "film_form", {"title": "A Renamed Film", "year": "2014"})
    assert "The Original Title (2013)" in stored_card(site["article"])["film"]  # held for review
    approve_the_pending_change()
    # Stored by the approval itself, not by the next reader.
    assert "A Renamed Film (2014)" in stored_card(site["article"])["film"]
    assert stored_card(site["article"])["film_title"] == "A Renamed Film"
    for name in ["home", "article list", "author"]:
        html = client.get(urls(site)[name]).content.decode()
        assert "A Renamed Film (2014)" in html, name
        assert "The Original Title" not in html, name


def test_renaming_an_author_rebuilds_their_feed_items(client, site, staff):
    client.get(reverse("discovery:feed_atom"))
    change = reverse("admin:films_author_change", args=[site["author"].pk])
    admin_post(staff, change, "author_form", {"name": "A Renamed Author"})
    approve_the_pending_change()
    assert stored_card(site["article"])["author"] == "A Renamed Author"
    assert "A Renamed Author" in client.get(reverse("discovery:feed_atom")).content.decode()


def test_a_listing_miss_reads_stored_cards_without_building_them(client, site):
    url = urls(site)["article list"]
    client.get(url)
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    # One indexed read of the publication state; no revision is read.
    assert len(queries) == 1
    assert "articles_revision" not in queries[0]["sql"]


def test_a_card_from_another_deploy_is_built_again_once(client, site):
    Publication.objects.update(card={}, card_version="an older deploy")
    url = urls(site)["article list"]
    assert "Is it true? Ending explained" in client.get(url).content.decode()
    assert Publication.objects.get().card_version == cards.version()
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    assert len(queries) == 1


def test_a_stale_rebuild_never_overwrites_what_an_edit_stored(site):
    Publication.objects.update(card_version="an older deploy")
    read_before_the_edit = list(Publication.objects.live().cards())
    film = site["film"]
    film.title = "Edited Meanwhile"
    film.save()
    workflow.film_changed(film=film)
    # The reader's rows were read before the edit; what it builds must not win.
    type(film).objects.filter(pk=film.pk).update(title="The Original Title")
    cards.ensure(read_before_the_edit)
    assert "Edited Meanwhile" in stored_card(site["article"])["film"]


def test_unpublishing_clears_the_card(site, moderator):
    workflow.unpublish(article=site["article"], user=moderator)
    publication = Publication.objects.get(pk=site["article"].pk)
    assert (publication.card, publication.card_version) == ({}, "")
