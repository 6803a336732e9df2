"""An upload when the media disk fills up: a clear error, input kept, nothing half-saved."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from images.models import Image
from images.processing import Limits, process
from tests.factories import EditorFactory
from tests.images import hostile
from tests.images.conftest import stored_files
from tests.images.full_disk import NearlyFullStorage

pytestmark = pytest.mark.django_db

PICTURE = hostile.picture((1400, 900))
NOT_STORED = "could not be stored: the media disk is full"


@pytest.fixture
def editor_client(client):
    client.force_login(EditorFactory())
    return client


@pytest.fixture
def nearly_full(settings):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "tests.images.full_disk.NearlyFullStorage"},
    }
    processed = process(PICTURE, Limits.from_settings())
    files = [processed.master.data, *(r.data for r in processed.renditions)]
    assert len(files) >= 3
    # Room for the original and one smaller copy, and half of the next one.
    NearlyFullStorage.room = len(files[0]) + len(files[1]) + len(files[2]) // 2
    yield
    NearlyFullStorage.room = 0


def test_a_dropped_picture_on_a_full_disk_is_refused_and_nothing_is_kept(
    editor_client, nearly_full
):
    response = editor_client.post(
        "/markdownx/upload/",
        {"image": SimpleUploadedFile("still.jpg", PICTURE, "image/jpeg")},
        HTTP_X_REQUESTED_WITH="XMLHttpRequest",
    )
    assert response.status_code == 400
    assert response.json()["image"] == [
        f"“still.jpg” {NOT_STORED} or failing. "
        "Nothing was saved; try again once an administrator has made room."
    ]
    assert not Image.objects.exists()
    assert stored_files() == {}


def test_the_image_form_on_a_full_disk_shows_a_field_error_and_keeps_the_text(
    editor_client, nearly_full
):
    response = editor_client.post(
        reverse("admin:images_image_add"),
        {
            "upload": SimpleUploadedFile("still.jpg", PICTURE, "image/jpeg"),
            "alt_text": "A father and daughter on a hillside",
            "caption": "The hillside at dusk",
        },
    )
    assert response.status_code == 200  # the form again, not a 500
    page = response.content.decode()
    assert NOT_STORED in page
    assert "A father and daughter on a hillside" in page
    assert "The hillside at dusk" in page
    assert not Image.objects.exists()
    assert stored_files() == {}


def test_once_there_is_room_the_same_picture_is_stored_whole(editor_client, nearly_full):
    post = {"image": SimpleUploadedFile("still.jpg", PICTURE, "image/jpeg")}
    editor_client.post("/markdownx/upload/", post, HTTP_X_REQUESTED_WITH="XMLHttpRequest")
    NearlyFullStorage.room = 10**9
    post = {"image": SimpleUploadedFile("still.jpg", PICTURE, "image/jpeg")}
    response = editor_client.post(
        "/markdownx/upload/", post, HTTP_X_REQUESTED_WITH="XMLHttpRequest"
    )
    assert response.status_code == 200
    image = Image.objects.get()
    processed = process(PICTURE, Limits.from_settings())
    expected = {processed.master.data, *(r.data for r in processed.renditions)}
    assert set(stored_files().values()) == expected
    assert len(image.renditions) == len(processed.renditions)


def test_a_file_cut_short_by_a_killed_worker_is_written_again(editor_client, media):
    processed = process(PICTURE, Limits.from_settings())
    folder = media / "images" / processed.key
    folder.mkdir(parents=True)
    truncated = processed.master.data[:100]
    extension = processed.master.extension
    (folder / f"original.{extension}").write_bytes(truncated)
    response = editor_client.post(
        "/markdownx/upload/",
        {"image": SimpleUploadedFile("still.jpg", PICTURE, "image/jpeg")},
        HTTP_X_REQUESTED_WITH="XMLHttpRequest",
    )
    assert response.status_code == 200
    assert (folder / f"original.{extension}").read_bytes() == processed.master.data
