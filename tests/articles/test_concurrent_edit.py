"""Two people saving the same working copy: the second save is refused, nothing is lost."""

import threading
from unittest import mock

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from articles.admin.articles import ArticleAdmin
from articles.models import Article
from tests.factories import ArticleFactory, EditorFactory, ModeratorFactory
from tests.html import form_values, parse


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def open_form(client, article):
    page = parse(client.get(change_url(article)).content.decode())
    return form_values(page.find("form", id="article_form"))


def errors(response):
    page = parse(response.content.decode())
    return " ".join(
        e.text for e in page.find_all(class_="errornote") + page.find_all(class_="errorlist")
    )


@pytest.fixture
def two_people(db):
    article = ArticleFactory()
    first, second = EditorFactory(first_name="Ayşe", last_name="Kaya"), ModeratorFactory()
    clients = []
    for user in (first, second):
        client = Client()
        client.force_login(user)
        clients.append(client)
    return article, first, second, clients


def test_second_save_is_refused_with_who_and_when(two_people):
    article, first, _second, (first_client, second_client) = two_people
    first_form, second_form = open_form(first_client, article), open_form(second_client, article)

    first_form["title"] = "The first person's title"
    first_form["sections-0-body"] = "The first person's section."
    assert first_client.post(change_url(article), first_form).status_code == 302

    second_form["title"] = "The second person's title"
    second_form["standfirst"] = "The second person's standfirst."
    response = second_client.post(change_url(article), second_form)

    assert response.status_code == 200
    message = errors(response)
    assert "Ayşe Kaya saved this article on" in message
    assert "NOT been saved" in message
    # The second person's input is still on the form...
    page = parse(response.content.decode())
    assert page.find("input", name="title").attrs["value"] == "The second person's title"
    assert page.find("textarea", name="standfirst").text == "The second person's standfirst."
    # ...and the first person's save is intact.
    article.refresh_from_db()
    assert article.title == "The first person's title"
    assert article.sections.first().body == "The first person's section."
    assert article.standfirst != "The second person's standfirst."
    assert (article.version, article.last_edited_by) == (2, first)


def test_saving_again_after_the_warning_replaces_on_purpose(two_people):
    article, _first, second, (first_client, second_client) = two_people
    first_form, second_form = open_form(first_client, article), open_form(second_client, article)
    first_form["title"] = "First"
    first_client.post(change_url(article), first_form)
    second_form["title"] = "Second"
    refused = second_client.post(change_url(article), second_form)
    again = form_values(parse(refused.content.decode()).find("form", id="article_form"))

    assert second_client.post(change_url(article), again).status_code == 302
    article.refresh_from_db()
    assert article.title == "Second"
    assert (article.version, article.last_edited_by) == (3, second)


def test_each_save_moves_the_version_on(two_people):
    article, _first, _, (first_client, _) = two_people
    for expected in (2, 3):
        form = open_form(first_client, article)
        assert first_client.post(change_url(article), form).status_code == 302
        article.refresh_from_db()
        assert article.version == expected


def test_a_form_without_its_version_is_refused(two_people):
    article, _, _, (first_client, _) = two_people
    form = open_form(first_client, article)
    del form["base_version"]
    form["title"] = "Unversioned"
    response = first_client.post(change_url(article), form)
    assert response.status_code == 200
    assert "reload the page" in errors(response)
    article.refresh_from_db()
    assert article.title != "Unversioned"


@pytest.mark.django_db(transaction=True)
def test_simultaneous_saves_on_postgresql_one_waits_then_loses():
    """Two real admin requests on two connections; the second arrives mid-save.

    The first request holds the article's row lock until its transaction
    commits; the second waits for it, then sees the new version and is refused.
    """
    if connection.vendor != "postgresql":
        pytest.skip(
            "needs PostgreSQL: SQLite has no row locks (it serialises whole write "
            "transactions), so two saves cannot overlap there; CI runs this on PostgreSQL"
        )
    article = ArticleFactory()
    first, second = EditorFactory(), ModeratorFactory()
    clients = {"first": Client(), "second": Client()}
    clients["first"].force_login(first)
    clients["second"].force_login(second)
    forms = {name: open_form(client, article) for name, client in clients.items()}
    forms["first"]["title"] = "Title from the first request"
    forms["second"]["title"] = "Title from the second request"

    saved, release, results = threading.Event(), threading.Event(), {}
    original_save_model = ArticleAdmin.save_model

    def slow_save_model(self, request, obj, form, change):
        original_save_model(self, request, obj, form, change)
        if threading.current_thread().name == "first":
            saved.set()
            release.wait(10)  # still inside the admin's transaction, holding the lock

    def post(name):
        try:
            results[name] = clients[name].post(change_url(article), forms[name])
        finally:
            connection.close()

    with mock.patch.object(ArticleAdmin, "save_model", slow_save_model):
        threads = {name: threading.Thread(target=post, args=[name], name=name) for name in forms}
        threads["first"].start()
        assert saved.wait(10)
        threads["second"].start()
        threads["second"].join(0.5)
        assert threads["second"].is_alive(), "the second save should wait for the row lock"
        release.set()
        for thread in threads.values():
            thread.join(10)

    assert results["first"].status_code == 302
    assert results["second"].status_code == 200
    assert f"{first.username} saved this article on" in errors(results["second"])
    page = parse(results["second"].content.decode())
    assert page.find("input", name="title").attrs["value"] == "Title from the second request"
    article = Article.objects.get(pk=article.pk)
    assert article.title == "Title from the first request"
    assert (article.version, article.last_edited_by) == (2, first)
