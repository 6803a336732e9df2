"""Ids and parameters in admin URLs and forms: bad ones get 4xx or a form error, never 500.

A huge number passes Django's own checks but overflows the database's
64-bit integer (OverflowError on SQLite, DataError on PostgreSQL), and a
non-numeric id reaches queries in a few custom views and widgets.
"""

import pytest
from django.test import Client
from django.urls import reverse

from corrections.models import Correction
from tests.factories import ArticleFactory, SuperuserFactory, publish
from tests.html import form_values, parse

pytestmark = pytest.mark.django_db

HUGE = "9" * 23
BAD_IDS = ["abc", HUGE, "-1", "1.5", "%00"]


@pytest.fixture
def staff_client():
    client = Client(raise_request_exception=False)
    client.force_login(SuperuserFactory())
    return client


@pytest.fixture
def correction(db):
    article = ArticleFactory()
    live = publish(article)
    return Correction.objects.create(
        article=article, reported_revision=live, message="The year is 2019, not 2018."
    )


CHANGELISTS = [
    "articles/article",
    "articles/film",
    "articles/revision",
    "articles/submission",
    "corrections/correction",
    "images/image",
    "auth/user",
]
PARAMS = ["id", "id__in", "pk", "article", "film", "author", "hero_image", "article__id__exact"]


@pytest.mark.parametrize("changelist", CHANGELISTS)
@pytest.mark.parametrize("param", PARAMS)
@pytest.mark.parametrize("value", ["abc", HUGE])
def test_changelist_filters_with_bad_ids(staff_client, correction, changelist, param, value):
    response = staff_client.get(f"/admin/{changelist}/?{param}={value}")
    assert response.status_code < 500, response.status_code


@pytest.mark.parametrize("bad", BAD_IDS)
@pytest.mark.parametrize(
    "path",
    [
        "articles/submission/{}/change/",
        "articles/submission/{}/review/",
        "articles/article/{}/change/",
        "articles/article/{}/submit/",
        "articles/article/{}/preview/",
        "corrections/correction/{}/change/",
    ],
)
def test_object_pages_with_bad_ids_are_not_found(staff_client, correction, path, bad):
    response = staff_client.get("/admin/" + path.format(bad))
    assert response.status_code in {302, 404}, response.status_code


@pytest.mark.parametrize("bad", BAD_IDS)
def test_handling_a_correction_with_a_bad_id(staff_client, correction, bad):
    response = staff_client.post(
        f"/admin/corrections/correction/{bad}/handle/", {"decision": "accept"}
    )
    assert response.status_code == 404


@pytest.mark.parametrize("bad", ["abc", HUGE])
def test_handling_a_correction_with_a_bad_revision(staff_client, correction, bad):
    response = staff_client.post(
        f"/admin/corrections/correction/{correction.pk}/handle/",
        {"decision": "accept", "fixed_in": bad},
    )
    # The correction's page again, with the error under the field.
    assert response.status_code == 400
    assert 'id="id_fixed_in_error"' in response.content.decode()
    correction.refresh_from_db()
    assert correction.status == Correction.Status.NEW


@pytest.mark.parametrize("bad", ["abc", HUGE])
def test_bulk_action_with_bad_selection(staff_client, correction, bad):
    response = staff_client.post(
        "/admin/corrections/correction/",
        {"action": "accept_selected", "_selected_action": [bad, str(correction.pk)]},
    )
    assert response.status_code < 500
    correction.refresh_from_db()
    assert correction.status == Correction.Status.NEW


@pytest.mark.parametrize("field", ["film", "author", "hero_image"])
@pytest.mark.parametrize("bad", ["abc", HUGE])
def test_article_add_page_with_bad_initial_ids(staff_client, field, bad):
    response = staff_client.get(f"/admin/articles/article/add/?{field}={bad}")
    assert response.status_code == 200


@pytest.mark.parametrize("field", ["film", "author", "hero_image"])
@pytest.mark.parametrize("bad", ["abc", HUGE, "-5"])
def test_article_form_with_bad_ids_shows_a_field_error(staff_client, field, bad):
    article = ArticleFactory()
    url = reverse("admin:articles_article_change", args=[article.pk])
    data = form_values(
        parse(staff_client.get(url).content.decode()).find("form", id="article_form")
    )
    data[field] = bad
    response = staff_client.post(url, data)
    assert response.status_code == 200
    errors = parse(response.content.decode()).find_all(class_="errorlist")
    assert any("valid choice" in e.text for e in errors)


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        ({}, None),
        ({"text": "no content field"}, None),
        ('{"content": "*json*"}', "application/json"),
        ("content=%FF%FE", "application/x-www-form-urlencoded"),
    ],
)
def test_markdown_preview_without_content(staff_client, body, content_type):
    kwargs = {"content_type": content_type} if content_type else {}
    response = staff_client.post("/markdownx/markdownify/", body, **kwargs)
    assert response.status_code in {200, 400}, response.status_code


def test_markdown_preview_for_anonymous_visitors(db):
    response = Client().post("/markdownx/markdownify/", {"content": "x"})
    assert response.status_code == 302
