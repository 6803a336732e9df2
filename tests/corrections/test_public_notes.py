"""Accepted corrections listed on the article: the moderator's public note, never
the reader's message, read when the stored article page is built."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from corrections import services
from corrections.models import PUBLIC_NOTE_MAX_LENGTH, Correction
from tests.html import parse

pytestmark = pytest.mark.django_db

READER_TEXT = "Private: the release year in the facts box is wrong, it was 2019."
NOTE = "The release year in the facts box now reads 2019."


@pytest.fixture
def correction(published_article):
    return services.submit_correction(
        article=published_article, message=READER_TEXT, email="", client_key="client-a"
    )


def article_page(client, article):
    html = client.get(reverse("articles:article", kwargs={"slug": article.slug})).content
    return parse(html.decode())


def corrections_list(page):
    section = page.find("section", class_="corrections-note")
    return [li.text for li in section.find_all("li")] if section else []


def test_an_accepted_correction_with_a_note_is_listed_on_the_article(client, correction, moderator):
    article = correction.article
    assert corrections_list(article_page(client, article)) == []  # built and stored
    services.accept(correction=correction, user=moderator, public_note=f"  {NOTE}  ")
    page = article_page(client, article)  # no cache clearing: accepting rebuilt it
    [entry] = corrections_list(page)
    assert entry.startswith("Corrected on ") and entry.endswith(f": {NOTE}")
    assert page.find("section", class_="corrections-note").find("time")
    assert "Private:" not in str(page)


def test_accepting_without_a_note_or_dismissing_lists_nothing(
    client, correction, published_article, moderator
):
    services.accept(correction=correction, user=moderator)
    assert corrections_list(article_page(client, published_article)) == []
    services.accept(correction=correction, user=moderator, public_note=NOTE)
    assert len(corrections_list(article_page(client, published_article))) == 1
    services.dismiss(correction=correction, user=moderator)  # a change of mind withdraws it
    assert corrections_list(article_page(client, published_article)) == []
    assert Correction.objects.get(pk=correction.pk).public_note == ""


def test_the_note_stays_out_of_feeds_and_search(client, correction, moderator):
    services.accept(correction=correction, user=moderator, public_note=NOTE)
    assert NOTE not in client.get(reverse("discovery:feed_rss")).content.decode()
    results = client.get(reverse("search:results"), {"q": "facts box reads 2019"})
    assert NOTE not in results.content.decode()


@pytest.mark.parametrize(
    "note", ["Fixed the year\x00.", "Fixed\x1b[31m the year.", "x" * (PUBLIC_NOTE_MAX_LENGTH + 1)]
)
def test_the_service_refuses_a_bad_note(correction, moderator, note):
    with pytest.raises(ValidationError):
        services.accept(correction=correction, user=moderator, public_note=note)
    assert Correction.objects.get(pk=correction.pk).status == Correction.Status.NEW


@pytest.mark.parametrize("note", ["Fixed the year\x07.", "x" * (PUBLIC_NOTE_MAX_LENGTH + 1)])
def test_a_bad_note_in_the_admin_is_a_field_error(client, correction, moderator, note):
    client.force_login(moderator)
    url = reverse("admin:corrections_correction_handle", args=[correction.pk])
    response = client.post(url, {"decision": "accept", "public_note": note})
    assert response.status_code == 400
    page = parse(response.content.decode())
    field = page.find("textarea", name="public_note")
    row = next(node for node in field.ancestors() if "form-row" in node.classes)
    assert row.find(class_="errorlist")
    assert field.attrs["aria-invalid"] == "true"
    assert Correction.objects.get(pk=correction.pk).status == Correction.Status.NEW


def test_the_admin_accepts_with_a_note(client, correction, moderator):
    client.force_login(moderator)
    url = reverse("admin:corrections_correction_handle", args=[correction.pk])
    response = client.post(url, {"decision": "accept", "public_note": NOTE})
    assert response.status_code == 302
    [entry] = corrections_list(article_page(client, correction.article))
    assert entry.endswith(f": {NOTE}")


def test_the_demo_article_lists_its_accepted_correction(client, demo):
    from demo import corrections as demo_corrections
    from tests.conftest import DEMO_ARTICLE_SLUG

    page = parse(
        client.get(reverse("articles:article", kwargs={"slug": DEMO_ARTICLE_SLUG})).content.decode()
    )
    [entry] = corrections_list(page)
    assert entry.endswith(demo_corrections.PUBLIC_NOTE)
    assert demo_corrections.READER_MESSAGE not in str(page.text)
