"""Uploading as an editor: the editor's drag-and-drop endpoint and the admin's image form."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from articles import reference_workflow
from articles.models import ReferenceRevision
from images.models import Image
from tests.factories import (
    ArticleFactory,
    EditorFactory,
    FilmFactory,
    ModeratorFactory,
    UserFactory,
)
from tests.html import form_values, parse
from tests.images import hostile
from tests.images.conftest import stored_files

pytestmark = pytest.mark.django_db

UPLOAD_URL = "/markdownx/upload/"
XHR = {"HTTP_X_REQUESTED_WITH": "XMLHttpRequest"}

HOSTILE = [
    ("bomb.png", hostile.decompression_bomb, "too many pixels"),
    ("photo.jpg", hostile.truncated_jpeg, "truncated or damaged"),
    ("logo.svg", hostile.svg_with_script, "SVG"),
    ("panorama.png", hostile.huge_dimensions, "too wide or tall"),
    ("poster.png", hostile.too_many_pixels, "too many pixels"),
    ("notes.jpg", hostile.text_renamed_jpg, "is not an image"),
    ("funny.gif", hostile.gif, "is a GIF"),
]


def upload(client, name, data, content_type="image/jpeg"):
    return client.post(UPLOAD_URL, {"image": SimpleUploadedFile(name, data, content_type)}, **XHR)


@pytest.fixture
def editor_client(client):
    client.force_login(EditorFactory())
    return client


def test_editor_upload_returns_markdown_for_a_stored_rendition(editor_client):
    response = upload(editor_client, "holiday snap.jpg", hostile.picture((1400, 900)))
    assert response.status_code == 200
    image = Image.objects.get()
    code = response.json()["image_code"]
    assert code == f"![](/media/images/{image.key}/1400w.jpg)"  # the largest JPEG
    names = set(stored_files())
    assert f"images/{image.key}/1400w.jpg" in names
    assert not any("holiday" in name for name in names)  # never the uploader's name
    assert image.uploaded_by is not None


@pytest.mark.parametrize(("name", "make", "reason"), HOSTILE, ids=[h[0] for h in HOSTILE])
def test_hostile_upload_is_refused_naming_the_file_and_the_reason(
    editor_client, name, make, reason
):
    response = upload(editor_client, name, make())
    assert response.status_code == 400
    message = response.json()["image"][0]
    assert message.startswith(f"“{name}”")
    assert reason in message
    assert not Image.objects.exists()
    assert stored_files() == {}


def test_oversized_upload_is_refused(editor_client, settings):
    settings.IMAGES_MAX_UPLOAD_BYTES = 10_000
    response = upload(editor_client, "big.jpg", hostile.picture((1600, 1200), quality=100))
    assert response.status_code == 400
    assert "“big.jpg” is too large" in response.json()["image"][0]


def test_content_type_and_name_are_ignored(editor_client):
    # PNG bytes sent as "x.gif, image/gif": decoded as the PNG they are.
    response = upload(editor_client, "x.gif", hostile.picture((400, 300), "PNG"), "image/gif")
    assert response.status_code == 200
    assert Image.objects.get().source_format == "PNG"


def test_anonymous_upload_is_refused(client):
    response = upload(client, "a.jpg", hostile.picture((400, 300)))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))
    assert not Image.objects.exists()
    assert stored_files() == {}


def test_staff_without_image_permission_is_refused(client):
    client.force_login(UserFactory())  # staff, but in no group
    assert upload(client, "a.jpg", hostile.picture((400, 300))).status_code == 403
    assert not Image.objects.exists()


def test_upload_needs_post(editor_client):
    assert editor_client.get(UPLOAD_URL).status_code == 405


class TestImageAdmin:
    url = reverse("admin:images_image_add")

    def post(self, client, data, **fields):
        return client.post(
            self.url,
            {"upload": SimpleUploadedFile("still.jpg", data, "image/jpeg"), **fields},
        )

    def test_editor_uploads_with_alt_text(self, editor_client):
        response = self.post(
            editor_client,
            hostile.picture((1000, 700)),
            alt_text="A father and daughter on a hillside",
            caption="The hillside",
            credit="Illustration: filmsite",
        )
        assert response.status_code == 302
        image = Image.objects.get()
        assert image.alt == "A father and daughter on a hillside"
        change = editor_client.get(reverse("admin:images_image_change", args=[image.pk]))
        assert change.status_code == 200
        assert 'srcset="' in change.content.decode()

    def test_upload_from_the_related_popup_selects_the_new_image(self, editor_client):
        # The "+" next to a film's poster or an article's hero opens this form in a popup.
        response = editor_client.post(
            self.url + "?_to_field=id&_popup=1",
            {
                "upload": SimpleUploadedFile("still.jpg", hostile.picture((800, 500))),
                "alt_text": "A hillside at dusk",
                "_popup": "1",
                "_to_field": "id",
            },
        )
        assert response.status_code == 200
        image = Image.objects.get()
        assert f'"value": "{image.pk}"' in response.content.decode().replace("&quot;", '"')

    def test_alt_text_or_decorative_is_required(self, editor_client):
        response = self.post(editor_client, hostile.picture((500, 400)))
        assert response.status_code == 200
        assert "or tick “decorative”" in response.content.decode()
        assert not Image.objects.exists()

    def test_decorative_image_needs_no_alt_text(self, editor_client):
        response = self.post(editor_client, hostile.picture((500, 400)), is_decorative="on")
        assert response.status_code == 302
        assert Image.objects.get().alt == ""

    @pytest.mark.parametrize(("name", "make", "reason"), HOSTILE, ids=[h[0] for h in HOSTILE])
    def test_hostile_file_is_refused_in_the_form(self, editor_client, name, make, reason):
        response = editor_client.post(
            self.url,
            {"upload": SimpleUploadedFile(name, make(), "image/png"), "alt_text": "Something"},
        )
        assert response.status_code == 200
        errors = parse(response.content.decode()).find("ul", class_="errorlist").text
        assert name in errors
        assert reason in errors
        assert not Image.objects.exists()

    def test_anonymous_cannot_open_the_form(self, client):
        response = client.get(self.url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("admin:login"))

    def test_editor_cannot_delete_images(self, editor_client):
        image = self._image()
        url = reverse("admin:images_image_delete", args=[image.pk])
        assert editor_client.post(url, {"post": "yes"}).status_code == 403

    @staticmethod
    def _image(**fields):
        from images.storage import store_upload

        image = store_upload(data=hostile.picture((900, 600)))
        for name, value in fields.items():
            setattr(image, name, value)
        image.save()
        return image

    def test_poster_without_alt_text_is_refused_on_the_film(self, editor_client):
        film = FilmFactory()
        undescribed = self._image()
        url = reverse("admin:films_film_change", args=[film.pk])
        page = parse(editor_client.get(url).content.decode())
        data = form_values(page.find("form", id="film_form"))
        data["poster"] = undescribed.pk
        response = editor_client.post(url, data)
        assert response.status_code == 200
        assert "has no alt text yet" in response.content.decode()

        undescribed.alt_text = "Poster: a father and daughter"
        undescribed.save()
        assert editor_client.post(url, data).status_code == 302
        # A new poster shows on every page about the film: it waits for review.
        change = ReferenceRevision.objects.pending().get()
        assert change.snapshot["poster_id"] == undescribed.pk
        reference_workflow.approve(revision=change, user=ModeratorFactory())
        film.refresh_from_db()
        assert film.poster == undescribed

    def test_hero_image_is_chosen_on_the_article(self, editor_client):
        article = ArticleFactory()
        hero = self._image(alt_text="A barred window at night")
        url = reverse("admin:articles_article_change", args=[article.pk])
        page = parse(editor_client.get(url).content.decode())
        data = form_values(page.find("form", id="article_form"))
        data["hero_image"] = hero.pk
        response = editor_client.post(url, data)
        assert response.status_code == 302
        article.refresh_from_db()
        assert article.hero_image == hero
        # The change form now shows the chosen picture under the select.
        assert f"images/{hero.key}/" in editor_client.get(url).content.decode()
