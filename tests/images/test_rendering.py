"""Pictures on the pages: renditions in srcset, sizes always set, hero first, the rest lazy."""

import pytest
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles.models import Revision, SiteSettings
from discovery.social import article_image, film_image
from images.storage import store_upload
from images.views import serve_media
from tests.factories import ArticleFactory, FilmFactory, publish
from tests.html import parse
from tests.images import hostile
from writing.markdown import render_markdown, validate_markdown_images

pytestmark = pytest.mark.django_db


def make_image(size=(1400, 900), **fields):
    image = store_upload(data=hostile.picture(size, color=(size[0] % 255, 80, 120)))
    for name, value in fields.items():
        setattr(image, name, value)
    image.save()
    return image


def markdown_for(image, alt="A still", title=None):
    url = f"/media/images/{image.key}/{image.width if image.width < 1600 else 1600}w.jpg"
    return f'![{alt}]({url} "{title}")' if title else f"![{alt}]({url})"


def test_inline_image_becomes_a_figure_with_srcset_and_size():
    image = make_image(credit="Photo: filmsite")
    html = render_markdown(markdown_for(image, alt="Memo & Ova", title="At the fair"))
    page = parse(html)
    figure = page.find("figure")
    source = figure.find("source")
    img = figure.find("img")
    assert source.attrs["type"] == "image/webp"
    for width in (320, 640, 960, 1280, 1400):
        assert f"/media/images/{image.key}/{width}w.webp {width}w" in source.attrs["srcset"]
        assert f"/media/images/{image.key}/{width}w.jpg {width}w" in img.attrs["srcset"]
    assert img.attrs["sizes"] == source.attrs["sizes"]
    assert (img.attrs["width"], img.attrs["height"]) == ("1400", "900")
    assert img.attrs["alt"] == "Memo & Ova"
    assert img.attrs["loading"] == "lazy"
    assert img.attrs["decoding"] == "async"
    assert figure.find("figcaption").text == "At the fair Photo: filmsite"
    assert "<p><figure" not in html  # a figure may not sit inside a paragraph


def test_image_inside_a_sentence_stays_inline():
    image = make_image()
    html = render_markdown(f"Look {markdown_for(image)} here.")
    assert "<figure" not in html
    assert parse(html).find("p").find("picture").find("img").attrs["loading"] == "lazy"


def test_decorative_marker_gives_empty_alt():
    image = make_image()
    img = parse(render_markdown(markdown_for(image, alt="decorative"))).find("img")
    assert img.attrs["alt"] == ""


def test_alt_text_cannot_smuggle_markup():
    image = make_image()
    html = render_markdown(markdown_for(image, alt='x" onerror="alert(1)', title="<b>t</b>"))
    assert "onerror=" not in html.replace("&quot; onerror=&quot;", "")
    assert "<b>" not in html


def test_unknown_image_is_left_alone_but_lazy():
    html = render_markdown("![A picture](/static/x.png)")
    img = parse(html).find("img")
    assert img.attrs["src"] == "/static/x.png"
    assert img.attrs["loading"] == "lazy"


class TestValidation:
    def test_image_without_alt_text_is_refused(self):
        image = make_image()
        with pytest.raises(ValidationError, match="has no alt text"):
            validate_markdown_images(markdown_for(image, alt=""))

    def test_decorative_and_described_images_pass(self):
        image = make_image()
        validate_markdown_images(markdown_for(image, alt="decorative"))
        validate_markdown_images(markdown_for(image, alt="A still"))

    def test_image_from_elsewhere_is_refused(self):
        with pytest.raises(ValidationError, match="was not uploaded here"):
            validate_markdown_images("![A still](https://example.com/still.jpg)")


@pytest.fixture
def illustrated(moderator):
    """A published article with a hero, a poster, and one image in each kind of section."""
    hero = make_image((1800, 1000), alt_text="A barred window at night", credit="Art: filmsite")
    poster = make_image((600, 900), alt_text="Poster: two figures under a moon")
    plain = make_image((1000, 700))
    secret = make_image((1100, 700))
    film = FilmFactory(poster=poster)
    article = ArticleFactory(
        film=film,
        hero_image=hero,
        sections=[
            {"heading": "The film in brief", "body": markdown_for(plain, alt="The village")},
            {
                "heading": "Ending explained",
                "body": markdown_for(secret, alt="SECRET-ALT the gallows", title="SECRET-CAPTION"),
                "is_spoiler": True,
                "spoiler_warning": "reveals the ending",
            },
        ],
    )
    publish(article, user=moderator)
    return {"article": article, "hero": hero, "poster": poster, "plain": plain, "secret": secret}


def get_page(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def article_url(article):
    return reverse("articles:article", kwargs={"slug": article.slug})


def test_article_page_hero_has_priority_and_the_rest_are_lazy(client, illustrated):
    page = parse(get_page(client, article_url(illustrated["article"])))
    images = page.find_all("img")
    hero = images[0]
    assert f"images/{illustrated['hero'].key}/" in hero.attrs["src"]
    assert hero.attrs["fetchpriority"] == "high"
    assert "loading" not in hero.attrs
    assert hero.attrs["alt"] == "A barred window at night"
    assert len(images) == 4  # hero, poster in the facts box, two section images
    for img in images:
        assert img.attrs["width"] and img.attrs["height"] and img.attrs["sizes"], img
        assert "srcset" in img.attrs
    for img in images[1:]:
        assert img.attrs["loading"] == "lazy"
        assert img.attrs["decoding"] == "async"
    assert len(page.find_all("source", type="image/webp")) == 4


def test_spoiler_image_alt_and_caption_stay_inside_the_fold(client, illustrated):
    html = get_page(client, article_url(illustrated["article"]))
    page = parse(html)
    details = page.find("details", class_="spoiler")
    secret_img = details.find("img")
    assert secret_img.attrs["alt"] == "SECRET-ALT the gallows"
    assert "SECRET-CAPTION" in details.text
    outside = html.replace(html[html.index("<details") : html.index("</details>")], "")
    assert "SECRET-" not in outside
    assert illustrated["secret"].key not in outside


def test_listings_and_social_image_never_use_a_section_image(client, illustrated):
    secret_key = illustrated["secret"].key
    film_url = illustrated["article"].film.get_absolute_url()
    for url in ("/", reverse("articles:article_list"), film_url):
        html = get_page(client, url)
        assert secret_key not in html
        assert illustrated["hero"].key in html  # the card thumbnail
    revision = Revision.objects.live().get()
    assert illustrated["hero"].key in article_image(revision).url


def test_without_hero_or_poster_there_is_no_social_image(moderator):
    image = make_image()
    article = ArticleFactory(
        sections=[{"heading": "Ending", "body": markdown_for(image), "is_spoiler": True}]
    )
    revision = publish(article, user=moderator)
    assert article_image(revision) is None


def test_social_image_api(illustrated, settings):
    revision = Revision.objects.live().get()
    image = article_image(revision)
    assert image.url == (f"{settings.SITE_URL}/media/images/{illustrated['hero'].key}/1600w.jpg")
    assert (image.width, image.height) == (1600, 889)
    assert image.alt == "A barred window at night"
    assert image.mime_type == "image/jpeg"
    # Without a hero, the film's poster.
    poster = film_image(illustrated["article"].film)
    assert f"images/{illustrated['poster'].key}/600w.jpg" in poster.url
    assert (poster.width, poster.height) == (600, 900)


def test_hero_is_frozen_with_the_revision(client, illustrated):
    hero = illustrated["hero"]
    hero.alt_text = "An edited description"
    hero.save()
    html = get_page(client, article_url(illustrated["article"]))
    assert "A barred window at night" in html
    assert "An edited description" not in html


def test_film_page_shows_the_poster_first(client, illustrated):
    film = illustrated["article"].film
    page = parse(get_page(client, film.get_absolute_url()))
    poster = page.find("img")
    assert illustrated["poster"].key in poster.attrs["src"]
    assert poster.attrs["fetchpriority"] == "high"
    assert poster.attrs["alt"] == "Poster: two figures under a moon"


def test_pictures_add_no_queries_to_the_article_page(client, illustrated):
    # The hero comes from the revision row, the poster is joined to the film.
    def cold_queries(article):
        SiteSettings.load()
        cache.clear()
        with CaptureQueriesContext(connection) as queries:
            get_page(client, article_url(article))
        return len(queries)

    plain = ArticleFactory(film=FilmFactory())
    publish(plain)
    assert cold_queries(illustrated["article"]) == cold_queries(plain)


def test_debug_media_is_served_immutable_and_nosniff(illustrated, media):
    name = next(r["name"] for r in illustrated["hero"].renditions if r["format"] == "webp")
    response = serve_media(RequestFactory().get("/media/" + name), name, document_root=media)
    assert response.status_code == 200
    assert response["Cache-Control"] == "public, max-age=31536000, immutable"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Type"] == "image/webp"
