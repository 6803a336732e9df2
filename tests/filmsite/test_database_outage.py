"""While the database cannot be reached, readers get a clear 503 with Retry-After, not a 500."""

import pytest
from django.db import OperationalError

from articles import middleware

pytestmark = pytest.mark.django_db


@pytest.fixture
def client(client):
    client.raise_request_exception = False  # answer as the server would
    return client


def test_an_unreachable_database_answers_503_asking_to_come_back(client, monkeypatch):
    def database_gone(**kwargs):
        raise OperationalError("connection to server at 127.0.0.1 failed: Connection refused")

    monkeypatch.setattr(middleware.workflow, "promote_due", database_gone)
    response = client.get("/")
    assert response.status_code == 503
    assert response["Retry-After"] == "10"
    assert "no-store" in response["Cache-Control"]
    assert "Back in a moment" in response.content.decode()


def test_any_other_error_is_still_the_500_page(client, monkeypatch):
    def bug(**kwargs):
        raise ValueError("a bug")

    monkeypatch.setattr(middleware.workflow, "promote_due", bug)
    response = client.get("/")
    assert response.status_code == 500
    assert "Sorry, something went wrong" in response.content.decode()


@pytest.mark.parametrize("template", ["500.html", "503.html"])
def test_error_pages_link_only_stylesheets_that_exist(template):
    # Served with hashed file names in production, a link to a missing file
    # raises while the error page renders, and the reader gets a bare 500.
    from django.contrib.staticfiles import finders
    from django.template import loader

    from tests.html import parse

    page = parse(loader.get_template(template).render())
    hrefs = [link.attrs["href"] for link in page.find_all("link", rel="stylesheet")]
    assert hrefs
    for href in hrefs:
        assert finders.find(href.removeprefix("/static/")), href
