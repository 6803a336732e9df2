"""Malformed addresses, parameters, methods and headers on public URLs answer 4xx, never 5xx."""

import pytest
from django.test import Client

from tests.factories import ArticleFactory, publish

pytestmark = pytest.mark.django_db

HUGE = "9" * 30


@pytest.fixture
def anonymous(db):
    article = ArticleFactory()
    publish(article)
    client = Client(raise_request_exception=False)
    client.article = article
    return client


def paths(article):
    return [
        "/",
        "/articles/",
        f"/articles/{article.slug}/",
        f"/films/{article.film.slug}/",
        f"/authors/{article.author.slug}/",
        "/feeds/articles.rss",
        "/sitemap.xml",
        "/search/",
        f"/articles/{article.slug}/suggest-a-correction/",
    ]


QUERIES = [
    "page=abc",
    "page=-1",
    "page=0",
    f"page={HUGE}",
    "page=99999",
    "page=1.5",
    "page=%00",
    "q=%00",
    "q=" + "x" * 5000,
    "q=%FF%FE",
    "q=%E2%80%AE%F0%9F%8E%AC%C4%B1%C4%B0",
    "p=1&p=2&page=1&page=2",
    "%00=%00",
]


@pytest.mark.parametrize("query", QUERIES)
def test_odd_parameters(anonymous, query):
    for path in paths(anonymous.article):
        response = anonymous.get(f"{path}?{query}")
        assert response.status_code < 500, (path, query, response.status_code)


@pytest.mark.parametrize(
    "path",
    [
        "/articles/" + "a" * 5000 + "/",
        "/films/" + "b" * 5000 + "/feed.rss",
        "/articles/%00/",
        "/articles/abc%00def/",
        "/authors/%E2%80%AE/",
        "/articles/..%2F..%2Fetc%2Fpasswd/",
        "/media/../../etc/passwd",
        "/static/../../etc/passwd",
        "/articles/İstanbul-ı/",
        "/articles/%FF/",
    ],
)
def test_malformed_paths_are_not_found(anonymous, path):
    response = anonymous.get(path)
    assert 400 <= response.status_code < 500, response.status_code


@pytest.mark.parametrize("method", ["put", "patch", "delete", "options", "trace"])
def test_unusual_methods(anonymous, method):
    for path in paths(anonymous.article):
        response = getattr(anonymous, method)(path)
        assert response.status_code < 500, (method, path, response.status_code)


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_HOST": "evil.example"},
        {"HTTP_HOST": "localhost:99999999"},
        {"HTTP_ACCEPT_LANGUAGE": "x" * 5000},
        {"HTTP_COOKIE": "sessionid=" + "%00" * 100 + "; csrftoken=" + "x" * 4000},
        {"HTTP_IF_MODIFIED_SINCE": "not a date"},
        {"HTTP_IF_NONE_MATCH": '"' * 300},
        {"HTTP_X_FORWARDED_FOR": "not-an-address, 300.1.1.1"},
        {"HTTP_RANGE": "bytes=9999999999-"},
        {"HTTP_ACCEPT": "\x00"},
    ],
)
def test_odd_headers(anonymous, headers):
    for path in paths(anonymous.article):
        response = anonymous.get(path, **headers)
        assert response.status_code < 500, (path, headers, response.status_code)


def test_posting_garbage_to_the_correction_form(anonymous):
    url = f"/articles/{anonymous.article.slug}/suggest-a-correction/"
    for body, kind in [
        (b"\x00\xff" * 1000, "application/octet-stream"),
        ("message=%FF%FE&email=%00", "application/x-www-form-urlencoded"),
        ('{"message": "json"}', "application/json"),
        (b"--x\r\nContent-Disposition: form-data; name=message\r\n\r\n", "multipart/form-data"),
    ]:
        response = anonymous.post(url, body, content_type=kind)
        assert response.status_code < 500, (kind, response.status_code)
