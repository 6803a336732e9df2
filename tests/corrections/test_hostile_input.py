"""The public correction form under hostile or careless input: a clear message, never a 500."""

import pytest
from django.test import Client

from corrections.models import Correction
from tests.html import parse

from .conftest import VALID, suggest_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def anonymous():
    return Client(raise_request_exception=False)


def post(client, article, **fields):
    return client.post(suggest_url(article), {**VALID, **fields})


def test_overlong_email_is_a_field_error_and_uses_no_rate_limit_slot(
    anonymous, published_article, settings
):
    settings.CORRECTIONS_RATE_LIMIT = 1
    response = post(anonymous, published_article, email="a" * 250 + "@example.com")
    assert response.status_code == 200
    error = parse(response.content.decode()).find(id="id_email_error")
    assert error is not None and "254" in error.text
    assert Correction.objects.count() == 0
    # The refused post did not count: the corrected one goes through.
    assert post(anonymous, published_article, email="reader@example.com").status_code == 302
    assert Correction.objects.count() == 1


@pytest.mark.parametrize(
    "message",
    [
        "Wrong year\x01 in the facts box.",
        "Wrong year\x00 in the facts box.",
        "Wrong year\x1b[31m in the facts box.",
    ],
)
def test_control_characters_are_refused(anonymous, published_article, message):
    response = post(anonymous, published_article, message=message)
    assert response.status_code == 200
    error = parse(response.content.decode()).find(id="id_message_error")
    assert error is not None and "control character" in error.text
    assert Correction.objects.count() == 0


@pytest.mark.parametrize(
    "message",
    [
        "İstanbul'da çekildi, \u0131 de\u011fil i. 감독 이름 확인 바랍니다.",
        "\u202eRight-to-left override and zero\u200bwidth text, with emoji 🎬.",
        "Tabs\tand\r\nWindows line breaks are fine.",
    ],
)
def test_unicode_heavy_text_is_stored_as_typed(anonymous, published_article, message):
    assert post(anonymous, published_article, message=message).status_code == 302
    assert Correction.objects.get().message == message


def test_oversized_message_is_refused_politely(anonymous, published_article):
    response = post(anonymous, published_article, message="x" * 1_000_000)
    assert response.status_code == 200
    assert "keep it to" in parse(response.content.decode()).find(id="id_message_error").text
