"""Feeds carry plain text as text, and survive whatever text is stored.

Feed readers render RSS ``<description>`` and Atom ``summary type="html"``
as HTML, so a title or standfirst (plain text on the page) must reach them
escaped for HTML and then for XML: a reader that uses innerHTML shows the
characters, never live markup.
"""

import xml.etree.ElementTree as ET

import pytest

from articles.models import Publication
from films.models import Film
from tests import hostile_site
from tests.factories import ArticleFactory, FilmFactory, publish

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
PAYLOAD = '<img src=x onerror="alert(1)"><script>alert(2)</script>'


def feed_urls(film):
    return [
        "/feeds/articles.rss",
        "/feeds/articles.atom",
        f"/films/{film.slug}/feed.rss",
        f"/films/{film.slug}/feed.atom",
    ]


def descriptions(url, content):
    root = ET.fromstring(content)
    if url.endswith(".rss"):
        return [item.findtext("description") for item in root.iter("item")]
    return [entry.findtext(f"{ATOM}summary") for entry in root.iter(f"{ATOM}entry")]


@pytest.fixture
def hostile_article(db, settings):
    settings.FILMSITE_PREPUBLISH_CHECKLIST = hostile_site.NO_CHECKLIST
    article = ArticleFactory(title=f"Title {PAYLOAD}", standfirst=f"Answer {PAYLOAD} & more.")
    publish(article)
    return article


def test_standfirst_reaches_feed_readers_as_text(client, hostile_article):
    for url in feed_urls(hostile_article.film):
        response = client.get(url)
        assert response.status_code == 200, url
        (summary,) = descriptions(url, response.content)
        # What a reader's HTML parser gets: the markup as characters, not tags.
        assert "<img" not in summary and "<script" not in summary, url
        assert summary == (
            "Answer &lt;img src=x onerror=&quot;alert(1)&quot;&gt;"
            "&lt;script&gt;alert(2)&lt;/script&gt; &amp; more."
        ), url


def test_atom_titles_are_declared_as_text(client, hostile_article):
    root = ET.fromstring(client.get("/feeds/articles.atom").content)
    (entry,) = root.iter(f"{ATOM}entry")
    title = entry.find(f"{ATOM}title")
    assert title.attrib.get("type", "text") == "text"
    assert title.text == f"Title {PAYLOAD}"


CONTROL = "\x01\x08\x0b\x1b\x7f"


def test_control_characters_already_stored_do_not_break_feeds(client, db):
    article = ArticleFactory()
    publish(article)
    # As if written by an import or before the forms refused them.
    Film.objects.filter(pk=article.film_id).update(title=f"Bad{CONTROL}film")
    article.revisions.update(title=f"Bad{CONTROL}title", standfirst=f"Bad{CONTROL}answer")
    # Rows written behind the workflow's back have no current card (as after a
    # bulk load): the feed builds the cards from them.
    Publication.objects.update(card_version="")
    for url in feed_urls(article.film):
        for method in (client.get, client.head):
            response = method(url)
            assert response.status_code == 200, (method, url)
        root = ET.fromstring(client.get(url).content)  # well-formed XML
        text = ET.tostring(root, encoding="unicode")
        assert "Badtitle" in text and "Badanswer" in text, url


def test_feed_answers_head(client, hostile_article):
    response = client.head("/feeds/articles.rss")
    assert response.status_code == 200
    assert response.content == b""


def test_unchanged_articles_still_read_naturally(client, db):
    article = ArticleFactory(standfirst="Yes — “based on” events, in 2019.")
    publish(article)
    (summary,) = descriptions("x.rss", client.get("/feeds/articles.rss").content)
    assert summary == "Yes — “based on” events, in 2019."


def test_film_title_with_markup_in_film_feed_title(client, db):
    film = FilmFactory(title="<b>Bold</b> & co")
    publish(ArticleFactory(film=film))
    root = ET.fromstring(client.get(f"/films/{film.slug}/feed.rss").content)
    assert root.find("channel").findtext("title").endswith("<b>Bold</b> & co (2019)")


def test_film_feed_description_carries_the_film_title_as_text(client, db):
    film = FilmFactory(title='<img src=x onerror="alert(1)">')
    publish(ArticleFactory(film=film))
    root = ET.fromstring(client.get(f"/films/{film.slug}/feed.rss").content)
    description = root.find("channel").findtext("description")
    assert "<img" not in description
    assert description.startswith("Spoiler-safe articles about &lt;img")
