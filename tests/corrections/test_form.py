"""The public "Suggest a correction" page."""

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from corrections.models import Correction
from tests.html import form_values, parse

from .conftest import VALID, article_url, suggest_url

pytestmark = pytest.mark.django_db


def post(client, article, **fields):
    return client.post(suggest_url(article), {**VALID, **fields})


def test_article_page_links_to_the_form_and_stays_publicly_cacheable(client, published_article):
    response = client.get(article_url(published_article))
    assert response.status_code == 200
    assert "public" in response["Cache-Control"]
    assert "max-age" in response["Cache-Control"]
    html = response.content.decode()
    assert "csrfmiddlewaretoken" not in html
    assert "csrftoken" not in response.cookies
    link = parse(html).find("a", href=suggest_url(published_article))
    assert link is not None and link.text == "Suggest a correction"


def test_form_page_is_never_cached_publicly(client, published_article):
    response = client.get(suggest_url(published_article))
    assert response.status_code == 200
    cache_control = response["Cache-Control"]
    assert "private" in cache_control and "no-store" in cache_control
    assert "public" not in cache_control
    page = parse(response.content.decode())
    form = page.find("form", class_="correction-form")
    assert form.find("input", name="csrfmiddlewaretoken") is not None
    assert page.find("textarea", name="message").attrs["aria-describedby"] == "id_message_helptext"


def test_honeypot_is_hidden_from_people_and_assistive_technology(client, published_article):
    page = parse(client.get(suggest_url(published_article)).content.decode())
    honeypot = page.find("input", name="website")
    wrapper = honeypot.parent
    assert "visually-hidden" in wrapper.classes
    assert wrapper.attrs["aria-hidden"] == "true"
    assert honeypot.attrs["tabindex"] == "-1"
    assert honeypot.attrs["autocomplete"] == "off"


@pytest.mark.parametrize(
    "slug_of",
    [lambda article: "no-such-article", lambda article: article.slug],
    ids=["missing", "never-published"],
)
def test_only_published_articles_take_corrections(client, article, slug_of):
    url = reverse("corrections:suggest", kwargs={"slug": slug_of(article)})
    assert client.get(url).status_code == 404
    assert client.post(url, VALID).status_code == 404
    assert not Correction.objects.exists()


def test_a_correction_is_stored_and_the_reader_thanked(client, published_article):
    response = post(client, published_article, email="reader@example.org")
    thanks = reverse("corrections:thanks", kwargs={"slug": published_article.slug})
    assert response.status_code == 302 and response["Location"] == thanks

    correction = Correction.objects.get()
    assert correction.article == published_article
    assert correction.message == VALID["message"]
    assert correction.email == "reader@example.org"
    assert correction.status == Correction.Status.NEW
    assert correction.reported_revision == published_article.revisions.get()

    page = client.get(thanks)
    assert page.status_code == 200
    assert "no-store" in page["Cache-Control"]
    assert "Thank you" in page.content.decode()


def test_markup_is_stored_as_typed_and_escaped_when_shown(client, published_article):
    message = "<script>alert('x')</script> **not bold** & <b>not bold either</b>"
    post(client, published_article, message=message)
    assert Correction.objects.get().message == message


@pytest.mark.parametrize(
    ("fields", "field_with_error", "error"),
    [
        ({"message": ""}, "message", "Please tell us what should be corrected."),
        ({"message": "Too short"}, "message", "at least 10 characters (you wrote 9)"),
        ({"message": "x" * 2001}, "message", "keep it to 2000 characters (you wrote 2001)"),
        ({"email": "not-an-address"}, "email", "Please enter an e-mail address"),
    ],
    ids=["empty", "too-short", "too-long", "bad-email"],
)
def test_errors_are_shown_by_the_field_and_input_is_kept(
    client, published_article, fields, field_with_error, error
):
    sent = {**VALID, "email": "reader@example.org", **fields}
    response = client.post(suggest_url(published_article), sent)
    assert response.status_code == 200
    assert not Correction.objects.exists()

    page = parse(response.content.decode())
    assert page.find("title").text.startswith("Error:")
    error_list = page.find("ul", id=f"id_{field_with_error}_error")
    assert error in error_list.text
    widget = page.find(id=f"id_{field_with_error}")
    assert widget.attrs["aria-invalid"] == "true"
    assert f"id_{field_with_error}_error" in widget.attrs["aria-describedby"].split()
    # The summary at the top links to the field.
    assert page.find("div", class_="notice").find("a", href=f"#id_{field_with_error}")
    # Everything typed comes back.
    values = form_values(page.find("form", class_="correction-form"))
    assert values["message"] == sent["message"]
    assert values["email"] == sent["email"]


def test_a_bot_filling_the_honeypot_is_thanked_but_nothing_is_stored(client, published_article):
    response = post(client, published_article, website="http://spam.example")
    assert response.status_code == 302
    assert response["Location"].endswith("/thanks/")
    assert not Correction.objects.exists()


def test_csrf_token_is_required(published_article):
    client = Client(enforce_csrf_checks=True)
    assert client.post(suggest_url(published_article), VALID).status_code == 403
    assert not Correction.objects.exists()

    page = parse(client.get(suggest_url(published_article)).content.decode())
    token = page.find("input", name="csrfmiddlewaretoken").attrs["value"]
    response = client.post(suggest_url(published_article), {**VALID, "csrfmiddlewaretoken": token})
    assert response.status_code == 302
    assert Correction.objects.count() == 1


def test_old_address_redirects_to_the_form_under_the_new_one(client, published_article, moderator):
    from tests.factories import publish

    old = published_article.slug
    published_article.slug = "a-new-address"
    published_article.save()
    publish(published_article, user=moderator)
    response = client.get(reverse("corrections:suggest", kwargs={"slug": old}))
    assert response.status_code == 301
    assert response["Location"] == suggest_url(published_article)


# --- Rate limit ---------------------------------------------------------------


def test_sixth_suggestion_within_the_hour_is_refused_with_the_message_kept(
    client, published_article, settings
):
    settings.CORRECTIONS_RATE_LIMIT = 5
    for number in range(5):
        response = post(client, published_article, message=f"Mistake number {number}")
        assert response.status_code == 302

    typed = "One more mistake: the director's name is misspelt."
    response = post(client, published_article, message=typed, email="reader@example.org")

    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= 3600
    assert "no-store" in response["Cache-Control"]
    page = parse(response.content.decode())
    assert "Please wait before sending another suggestion" in page.find(role="alert").text
    values = form_values(page.find("form", class_="correction-form"))
    assert values["message"] == typed
    assert values["email"] == "reader@example.org"
    assert Correction.objects.count() == 5


def test_limit_is_per_client_address(client, published_article, settings):
    settings.CORRECTIONS_RATE_LIMIT = 1
    assert post(client, published_article).status_code == 302
    assert post(client, published_article).status_code == 429
    other = Client(REMOTE_ADDR="203.0.113.9")
    assert post(other, published_article).status_code == 302


def test_counter_lives_in_the_database_not_the_session(client, published_article, settings):
    settings.CORRECTIONS_RATE_LIMIT = 1
    assert post(client, published_article).status_code == 302
    # A fresh client (no cookies, as if served by another worker) from the
    # same address is still counted, and an emptied cache changes nothing:
    # the count is a row in the database, shared by every worker.
    cache.clear()
    assert post(Client(), published_article).status_code == 429


@pytest.mark.parametrize(
    ("header", "proxies", "meta", "counted_as"),
    [
        ("", 1, {"HTTP_X_FORWARDED_FOR": "198.51.100.1"}, "127.0.0.1"),
        ("X-Forwarded-For", 1, {"HTTP_X_FORWARDED_FOR": "6.6.6.6, 198.51.100.1"}, "198.51.100.1"),
        ("X-Forwarded-For", 2, {"HTTP_X_FORWARDED_FOR": "198.51.100.1, 10.0.0.2"}, "198.51.100.1"),
        ("X-Real-IP", 1, {"HTTP_X_REAL_IP": "198.51.100.1"}, "198.51.100.1"),
        ("X-Real-IP", 1, {}, "127.0.0.1"),
    ],
    ids=["no-header-trusted", "xff-one-proxy", "xff-two-proxies", "x-real-ip", "header-missing"],
)
def test_client_address_comes_from_the_configured_header_only(
    rf, settings, header, proxies, meta, counted_as
):
    from corrections.ratelimit import client_address

    settings.CLIENT_IP_HEADER = header
    settings.CLIENT_IP_PROXY_COUNT = proxies
    assert client_address(rf.post("/", REMOTE_ADDR="127.0.0.1", **meta)) == counted_as


def test_ipv6_clients_are_counted_by_their_64_network(rf):
    from corrections.ratelimit import client_key

    def key(address):
        return client_key(rf.get("/", REMOTE_ADDR=address))

    assert key("2001:db8:1:2::1") == key("2001:db8:1:2:ffff::9")
    assert key("2001:db8:1:2::1") != key("2001:db8:1:3::1")
    assert "2001" not in key("2001:db8:1:2::1")  # hashed, never the address itself
