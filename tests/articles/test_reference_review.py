"""Changes to films, authors and the site settings wait for a moderator, like articles.

Each change is made the way staff make it, through the admin form; readers
must not see it until another moderator approves it on the review screen.
"""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles import reference_workflow
from articles.desk import desk_for
from articles.models import ReferenceRevision, SiteSettings
from films.models import Film, Rating
from tests.factories import (
    ArticleFactory,
    AvailabilityFactory,
    CreditFactory,
    FilmFactory,
    ModeratorFactory,
    RatingFactory,
    publish,
)
from tests.html import form_values, parse

pytestmark = pytest.mark.django_db


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def admin_save(client, url, form_id, change):
    data = form_values(parse(client.get(url).content.decode()).find("form", id=form_id))
    data.update(change)
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    return response


def film_url(film):
    return reverse("admin:films_film_change", args=[film.pk])


def review_url(revision):
    return reverse("admin:articles_referencerevision_review", args=[revision.pk])


@pytest.fixture
def live(moderator):
    film = FilmFactory()
    CreditFactory(film=film, actor="First Actor", character="Memo")
    AvailabilityFactory(film=film, service="Netflix")
    RatingFactory(film=film, source="IMDb", value=Decimal("8.2"))
    article = ArticleFactory(film=film)
    publish(article, user=moderator)
    return {"film": film, "article": article}


def public(client_or_none, url):
    response = (client_or_none or Client()).get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def pages_of(live):
    return [
        reverse("articles:film", kwargs={"slug": live["film"].slug}),
        reverse("articles:article", kwargs={"slug": live["article"].slug}),
    ]


class TestFilmChanges:
    def test_an_editors_edit_is_not_public_until_approved(self, editor, live):
        for url in pages_of(live):
            public(None, url)  # cached and stored
        admin_save(
            signed_in(editor),
            film_url(live["film"]),
            "film_form",
            {"director": "Nobody Yet", "cast-0-actor": "Second Actor"},
        )
        film = Film.objects.get(pk=live["film"].pk)
        assert film.director != "Nobody Yet"
        assert film.cast.get().actor == "First Actor"
        for url in pages_of(live):
            html = public(None, url)
            assert "Nobody Yet" not in html and "Second Actor" not in html, url
        (revision,) = ReferenceRevision.objects.pending()
        assert revision.created_by == editor
        assert revision.snapshot["director"] == "Nobody Yet"
        # The editor's form shows their working copy, not readers' version.
        form = signed_in(editor).get(film_url(live["film"])).content.decode()
        assert "Nobody Yet" in form and "Second Actor" in form and "awaits review" in form

    def test_approval_makes_it_public_and_refreshes_its_pages(self, editor, live):
        for url in pages_of(live):
            public(None, url)
        admin_save(
            signed_in(editor),
            film_url(live["film"]),
            "film_form",
            {"director": "Approved Director", "cast-0-actor": "Second Actor"},
        )
        (revision,) = ReferenceRevision.objects.pending()
        reviewer = signed_in(ModeratorFactory())
        screen = reviewer.get(review_url(revision)).content.decode()
        assert "Approved Director" in screen and "Second Actor" in screen  # the diff
        assert reviewer.post(review_url(revision), {"action": "approve"}).status_code == 302
        for url in pages_of(live):
            html = public(None, url)
            assert "Approved Director" in html and "Second Actor" in html, url
        revision.refresh_from_db()
        assert revision.status == ReferenceRevision.Status.APPROVED

    def test_request_changes_reaches_the_editors_desk_with_the_comment(self, editor, live):
        admin_save(signed_in(editor), film_url(live["film"]), "film_form", {"genre": "thriller"})
        (revision,) = ReferenceRevision.objects.pending()
        reviewer = signed_in(ModeratorFactory())
        reviewer.post(review_url(revision), {"action": "request_changes", "comment": "Cite it."})
        desk = desk_for(editor)
        (row,) = desk.changes_sent_back.rows
        assert row.review_comment == "Cite it." and row.label == str(live["film"])
        page = signed_in(editor).get(reverse("admin:index")).content.decode()
        assert "Cite it." in page
        # The form keeps what was sent back, so the editor can fix it.
        assert "thriller" in signed_in(editor).get(film_url(live["film"])).content.decode()
        assert Film.objects.get(pk=live["film"].pk).genre != "thriller"

    def test_self_approval_is_refused(self, live):
        moderator = ModeratorFactory()
        client = signed_in(moderator)
        admin_save(client, film_url(live["film"]), "film_form", {"genre": "thriller"})
        (revision,) = ReferenceRevision.objects.pending()
        with pytest.raises(PermissionDenied):
            reference_workflow.approve(revision=revision, user=moderator)
        screen = client.get(review_url(revision)).content.decode()
        assert "another moderator has to approve it" in screen
        assert Film.objects.get(pk=live["film"].pk).genre != "thriller"

    def test_saving_again_replaces_the_pending_change(self, editor, live):
        client = signed_in(editor)
        admin_save(client, film_url(live["film"]), "film_form", {"genre": "thriller"})
        admin_save(client, film_url(live["film"]), "film_form", {"genre": "war film"})
        (revision,) = ReferenceRevision.objects.pending()
        assert revision.snapshot["genre"] == "war film"
        assert ReferenceRevision.objects.filter(status="superseded").count() == 1

    def test_a_change_to_an_outdated_version_is_not_approved(self, editor, live):
        admin_save(signed_in(editor), film_url(live["film"]), "film_form", {"genre": "thriller"})
        (revision,) = ReferenceRevision.objects.pending()
        # Readers' version changed another way since (a site import, say).
        Film.objects.filter(pk=live["film"].pk).update(country="Elsewhere")
        with pytest.raises(reference_workflow.WorkflowError, match="saved again"):
            reference_workflow.approve(revision=revision, user=ModeratorFactory())
        assert Film.objects.get(pk=live["film"].pk).genre != "thriller"

    def test_the_desk_lists_the_change_for_moderators_with_its_size(self, editor, live):
        admin_save(signed_in(editor), film_url(live["film"]), "film_form", {"genre": "thriller"})
        (row,) = desk_for(ModeratorFactory()).changes_queue.rows
        assert row.size == "1 field"
        (mine,) = desk_for(editor).changes_awaiting.rows
        assert mine.label == str(live["film"])

    def test_a_line_deleted_for_review_keeps_its_checked_on_date(self, editor, live):
        rating = live["film"].ratings.get()
        Rating.objects.filter(pk=rating.pk).update(checked_on=date(2020, 1, 2))
        admin_save(
            signed_in(editor), film_url(live["film"]), "film_form", {"ratings-0-DELETE": "on"}
        )
        assert ReferenceRevision.objects.pending().get().snapshot["ratings"] == []
        assert Rating.objects.get(pk=rating.pk).checked_on == date(2020, 1, 2)


class TestAuthorsAndSettings:
    def test_an_author_rename_waits_for_approval(self, live):
        # Authors are moderators' to edit; the four-eyes rule still holds.
        author = live["article"].author
        url = reverse("admin:films_author_change", args=[author.pk])
        admin_save(signed_in(ModeratorFactory()), url, "author_form", {"name": "Renamed Author"})
        author_page = reverse("articles:author", kwargs={"slug": author.slug})
        assert "Renamed Author" not in public(None, author_page)
        reference_workflow.approve(
            revision=ReferenceRevision.objects.pending().get(), user=ModeratorFactory()
        )
        assert "Renamed Author" in public(None, author_page)

    def test_a_moderators_disclaimer_change_waits_for_another(self, live):
        moderator = ModeratorFactory()
        row = SiteSettings.load()
        url = reverse("admin:articles_sitesettings_change", args=[row.pk])
        admin_save(
            signed_in(moderator),
            url,
            "sitesettings_form",
            {"default_disclaimer": "A disclaimer still under review."},
        )
        article_page = pages_of(live)[1]
        assert "still under review" not in public(None, article_page)
        reference_workflow.approve(
            revision=ReferenceRevision.objects.pending().get(), user=ModeratorFactory()
        )
        assert "still under review" in public(None, article_page)


class TestPictures:
    def test_a_posters_alt_text_waits_but_other_pictures_change_at_once(self, editor, live):
        from tests.images.test_rendering import make_image

        poster, other = make_image((600, 900), alt_text="Old poster text"), make_image((600, 400))
        Film.objects.filter(pk=live["film"].pk).update(poster=poster)
        client = signed_in(editor)
        for image, alt in [(poster, "New poster text"), (other, "New picture text")]:
            url = reverse("admin:images_image_change", args=[image.pk])
            admin_save(client, url, "image_form", {"alt_text": alt})
        poster.refresh_from_db(), other.refresh_from_db()
        assert poster.alt_text == "Old poster text"
        assert other.alt_text == "New picture text"  # frozen into revisions, shown nowhere live
        (change,) = ReferenceRevision.objects.pending()
        assert change.kind == "image" and change.snapshot["alt_text"] == "New poster text"
        film_page = pages_of(live)[0]
        assert "Old poster text" in public(None, film_page)
        reference_workflow.approve(revision=change, user=ModeratorFactory())
        assert "New poster text" in public(None, film_page)


def propose_genre(film, genre, user):
    """What the admin form does: lay out the working copy, save, hold it for review."""
    with transaction.atomic():
        copy = reference_workflow.open_working_copy(kind="film", object_id=film.pk)
        Film.objects.filter(pk=film.pk).update(genre=genre)
        return reference_workflow.propose(copy=copy, user=user)


def test_the_desk_costs_the_same_however_many_changes_wait(editor, moderator):
    from tests.articles.test_desk import MODERATOR_DESK_QUERIES

    def measure():
        fresh = type(moderator).objects.get(pk=moderator.pk)  # permissions not cached
        with CaptureQueriesContext(connection) as queries:
            desk_for(fresh)
        return len(queries)

    for _ in range(2):
        propose_genre(FilmFactory(), "thriller", editor)
    few = measure()
    for _ in range(14):
        propose_genre(FilmFactory(), "thriller", editor)
    many = measure()
    assert few <= MODERATOR_DESK_QUERIES
    assert many <= few + 1  # the COUNT of a list that now has more than it shows
