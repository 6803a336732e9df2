"""An author's optional photo: chosen in the admin, held for review with the rest of
the author, shown on the author page and in the article's byline with its alt text."""

import pytest
from django.urls import reverse

from articles import reference_workflow
from articles.models import ReferenceRevision
from films.models import Author
from tests.articles.test_reference_review import admin_save, public, signed_in
from tests.factories import ArticleFactory, ModeratorFactory, publish
from tests.html import form_values, parse
from tests.images.test_rendering import make_image

pytestmark = pytest.mark.django_db


@pytest.fixture
def article(moderator):
    article = ArticleFactory()
    publish(article, user=moderator)
    return article


def pages(article):
    return [
        reverse("articles:author", kwargs={"slug": article.author.slug}),
        reverse("articles:article", kwargs={"slug": article.slug}),
    ]


def author_url(author):
    return reverse("admin:films_author_change", args=[author.pk])


def test_a_photo_waits_for_approval_then_shows_with_its_alt_text(article):
    photo = make_image((600, 600), alt_text="Portrait of the author, smiling")
    admin_save(
        signed_in(ModeratorFactory()),
        author_url(article.author),
        "author_form",
        {"photo": photo.pk},
    )
    assert Author.objects.get(pk=article.author.pk).photo_id is None
    for url in pages(article):
        assert "Portrait of the author" not in public(None, url)
    (change,) = ReferenceRevision.objects.pending()
    assert change.kind == "author" and change.snapshot["photo_id"] == photo.pk
    reference_workflow.approve(revision=change, user=ModeratorFactory())
    for url in pages(article):  # no cache clearing: approval refreshed both pages
        images = parse(public(None, url)).find_all("img", alt="Portrait of the author, smiling")
        assert images, url


def test_a_photo_without_alt_text_is_a_field_error(article):
    photo = make_image((600, 600), alt_text="")
    client = signed_in(ModeratorFactory())
    url = author_url(article.author)
    data = form_values(parse(client.get(url).content.decode()).find("form", id="author_form"))
    data["photo"] = photo.pk
    response = client.post(url, data)
    assert response.status_code == 200
    errors = parse(response.content.decode()).find(class_="errorlist")
    assert errors and "alt" in errors.text.lower()
    assert not ReferenceRevision.objects.pending().exists()


def test_the_photos_alt_text_change_waits_like_a_posters(article, editor):
    photo = make_image((600, 600), alt_text="Old portrait text")
    Author.objects.filter(pk=article.author.pk).update(photo=photo)
    admin_save(
        signed_in(editor),
        reverse("admin:images_image_change", args=[photo.pk]),
        "image_form",
        {"alt_text": "New portrait text"},
    )
    author_page = pages(article)[0]
    assert "Old portrait text" in public(None, author_page)
    reference_workflow.approve(
        revision=ReferenceRevision.objects.pending().get(), user=ModeratorFactory()
    )
    assert "New portrait text" in public(None, author_page)
