"""Restoring an earlier version of a film: proposed again, approved by a second moderator."""

import pytest

from articles.models import ReferenceRevision
from films.models import Film
from tests.articles.test_reference_review import (
    admin_save,
    film_url,
    pages_of,
    public,
    review_url,
    signed_in,
)
from tests.factories import ArticleFactory, FilmFactory, ModeratorFactory, publish
from tests.html import parse

pytestmark = pytest.mark.django_db

Status = ReferenceRevision.Status


@pytest.fixture
def live(moderator):
    film = FilmFactory(director="First Director")
    article = ArticleFactory(film=film)
    publish(article, user=moderator)
    return {"film": film, "article": article}


def change_director(editor, reviewer, live, director):
    admin_save(signed_in(editor), film_url(live["film"]), "film_form", {"director": director})
    (revision,) = ReferenceRevision.objects.pending()
    response = signed_in(reviewer).post(review_url(revision), {"action": "approve"})
    assert response.status_code == 302
    return ReferenceRevision.objects.get(pk=revision.pk)


def test_an_approved_version_is_proposed_again_and_goes_live_when_approved(editor, live):
    first, second = ModeratorFactory(), ModeratorFactory()
    old = change_director(editor, first, live, "Second Director")
    change_director(editor, first, live, "Third Director")
    assert Film.objects.get(pk=live["film"].pk).director == "Third Director"

    review = signed_in(first).get(review_url(old)).content.decode()
    assert parse(review).find("form", id="restore-form") is not None
    response = signed_in(first).post(review_url(old), {"action": "restore"})
    (restored,) = ReferenceRevision.objects.pending()
    assert response.status_code == 302 and response.url == review_url(restored)
    assert restored.snapshot["director"] == "Second Director"
    # Not live until a second moderator approves it.
    for url in pages_of(live):
        assert "Second Director" not in public(None, url)
    refused = signed_in(first).post(review_url(restored), {"action": "approve"})
    assert refused.status_code == 403
    assert ReferenceRevision.objects.get(pk=restored.pk).status == Status.PENDING

    signed_in(second).post(review_url(restored), {"action": "approve"})
    assert Film.objects.get(pk=live["film"].pk).director == "Second Director"
    assert "Second Director" in public(None, pages_of(live)[0])


def test_restoring_what_readers_see_is_refused_with_a_reason(editor, live):
    moderator = ModeratorFactory()
    current = change_director(editor, moderator, live, "Second Director")
    response = signed_in(moderator).post(review_url(current), {"action": "restore"})
    assert response.status_code == 200
    assert "Readers already see this version" in response.content.decode()
    assert not ReferenceRevision.objects.pending().exists()


def test_editors_cannot_restore(editor, live):
    old = change_director(editor, ModeratorFactory(), live, "Second Director")
    change_director(editor, ModeratorFactory(), live, "Third Director")
    response = signed_in(editor).post(review_url(old), {"action": "restore"})
    assert response.status_code == 403
    assert not ReferenceRevision.objects.pending().exists()


def test_the_form_links_each_past_change_to_its_review_screen(editor, live):
    moderator = ModeratorFactory()
    old = change_director(editor, moderator, live, "Second Director")
    page = parse(signed_in(moderator).get(film_url(live["film"])).content.decode())
    links = [a.attrs.get("href") for a in page.find_all("a")]
    assert review_url(old) in links
