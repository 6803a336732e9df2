"""Markdown is bounded before it is rendered: no field can crash or stall a worker.

python-markdown recurses once per nesting level and re-scans the text for
each unclosed bracket, so very deep or bracket-heavy text either raises
RecursionError or takes seconds to minutes. Such text is refused with a
clear message where editors type it (forms, the live preview) and rendered
as harmless plain text if it is already stored. No timings here: the tests
check that the expensive parser is never reached for hostile input.
"""

from unittest import mock

import pytest
from django.test import Client
from django.urls import reverse

from articles.models import SiteSettings
from pagecache import pages
from tests.factories import ArticleFactory, SuperuserFactory, publish
from tests.html import form_values, parse

pytestmark = pytest.mark.django_db

NESTED_LIST = "".join("    " * level + "- item\n" for level in range(500))
HOSTILE = {
    "nested list": NESTED_LIST,
    "nested quotes": ">" * 500 + " deep",
    "nested markers": "- " * 500 + "deep",
    "definition list": "term\n: definition\n" * 3000,
    "brackets": "[" * 20000,
    "images": "![" * 5000,
    "links": "[x](" * 5000,
    "angle brackets": "<a " * 5000,
    "too long": "word " * 20000,
}


@pytest.fixture
def parser_calls():
    """Every text handed to python-markdown during the test (it still renders)."""
    import markdown

    calls = []
    original = markdown.Markdown.convert

    def convert(self, source):
        calls.append(source)
        return original(self, source)

    with mock.patch.object(markdown.Markdown, "convert", convert):
        yield calls


def parsed_hostile(calls, text):
    return any(text.strip()[:200] in call for call in calls)


@pytest.fixture
def staff_client():
    client = Client(raise_request_exception=False)
    client.force_login(SuperuserFactory())
    return client


def preview(client, text):
    return client.post("/markdownx/markdownify/", {"content": text})


@pytest.mark.parametrize("name", HOSTILE)
def test_preview_refuses_hostile_text_without_parsing_it(staff_client, parser_calls, name):
    response = preview(staff_client, HOSTILE[name])
    assert response.status_code == 200
    assert parser_calls == []
    text = parse(response.content.decode()).text
    assert "cannot be previewed" in text


def test_preview_explains_text_the_parser_cannot_nest(staff_client):
    # Under every count limit, yet deeper than python-markdown's recursion allows.
    text = "term\n: definition\n" * 900
    response = preview(staff_client, text)
    assert response.status_code == 200
    assert "nests too deeply" in parse(response.content.decode()).text


def test_preview_still_renders_ordinary_text(staff_client):
    response = preview(staff_client, "Some *emphasis* and a [link](https://example.org/).\n\n- a")
    assert response.status_code == 200
    assert b"<em>emphasis</em>" in response.content


def test_preview_of_ten_nested_levels_renders(staff_client):
    nested = "".join("    " * level + "- item\n" for level in range(10))
    assert preview(staff_client, nested).content.count(b"<ul>") == 10


def edit_page(client, article):
    url = reverse("admin:articles_article_change", args=[article.pk])
    return url, form_values(parse(client.get(url).content.decode()).find("form", id="article_form"))


@pytest.mark.parametrize("name", ["nested list", "brackets", "definition list", "too long"])
@pytest.mark.parametrize("field", ["sections-0-body", "verdict_explanation", "questions-0-answer"])
def test_article_form_refuses_hostile_markdown(staff_client, article, parser_calls, name, field):
    url, data = edit_page(staff_client, article)
    data[field] = HOSTILE[name]
    response = staff_client.post(url, data)
    assert response.status_code == 200  # the form again, with the error
    assert not parsed_hostile(parser_calls, HOSTILE[name])
    errors = parse(response.content.decode()).find_all(class_="errorlist")
    assert any("Markdown" in e.text for e in errors), [e.text for e in errors]


def test_verdict_explanation_images_are_checked_like_sections(staff_client, article):
    url, data = edit_page(staff_client, article)
    data["verdict_explanation"] = "![x](https://elsewhere.example/p.png)"
    response = staff_client.post(url, data)
    assert response.status_code == 200
    article.refresh_from_db()
    assert "elsewhere" not in article.verdict_explanation


def settings_form(client):
    row = SiteSettings.load()
    url = reverse("admin:articles_sitesettings_change", args=[row.pk])
    form = parse(client.get(url).content.decode()).find("form", id="sitesettings_form")
    return url, form_values(form)


def test_site_settings_refuse_hostile_disclaimer(staff_client):
    url, data = settings_form(staff_client)
    data["default_disclaimer"] = NESTED_LIST
    response = staff_client.post(url, data)
    assert response.status_code == 200
    assert "Markdown" in parse(response.content.decode()).find(class_="errorlist").text
    assert SiteSettings.load().default_disclaimer != NESTED_LIST


def test_site_settings_refuse_foreign_images_in_the_disclaimer(staff_client):
    url, data = settings_form(staff_client)
    data["default_disclaimer"] = "![x](https://elsewhere.example/p.png)"
    assert staff_client.post(url, data).status_code == 200


def test_stored_hostile_disclaimer_does_not_break_article_pages(db):
    article = ArticleFactory(disclaimer="")
    publish(article)
    SiteSettings.load()
    SiteSettings.objects.update(default_disclaimer=NESTED_LIST)
    pages.touch(pages.SITE)  # as the admin does on a save
    client = Client(raise_request_exception=False)
    response = client.get(reverse("articles:article", kwargs={"slug": article.slug}))
    assert response.status_code == 200
    # Shown as plain text: bounded work, nothing lost, nothing live.
    assert b"- item" in response.content


@pytest.mark.parametrize("name", ["nested list", "definition list"])
def test_publishing_hostile_stored_markdown_never_raises(db, name):
    # Stored without the forms (an import, an old row): freezing still works.
    article = ArticleFactory(sections=[{"heading": "Plot", "body": HOSTILE[name]}])
    publish(article)
    client = Client(raise_request_exception=False)
    assert client.get(reverse("articles:article", kwargs={"slug": article.slug})).status_code == 200
