"""The desk on the admin index: each user's own work, in the right lists, for a fixed
number of queries however much work there is."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from articles import workflow
from articles.desk import desk_for
from corrections.models import Correction
from tests.factories import (
    ArticleFactory,
    AvailabilityFactory,
    EditorFactory,
    ModeratorFactory,
    RatingFactory,
    publish,
    submit,
)
from tests.helpers import edit
from tests.html import parse

pytestmark = pytest.mark.django_db

# Measured: the user's permissions (2), the editor's three lists (3), the
# moderator's queue and the live revisions it is compared with (2), scheduled
# go-lives and reader corrections (2), the facts to re-check (1), and the
# lists of film, author and site changes: the moderator's queue and the
# editor's sent back and awaiting (3). A list that fills its LIMIT adds one
# COUNT. Question a rise; do not raise the number.
MODERATOR_DESK_QUERIES = 13


def sent_back(article, *, editor, moderator, comment="Please cite a source."):
    pending = submit(article, user=editor)
    return workflow.request_changes(revision=pending, user=moderator, comment=comment)


def titles(shelf):
    return [getattr(row, "revision", row).title for row in shelf.rows]


class TestEditorsDesk:
    def test_lists_only_their_own_work(self, editor, moderator):
        mine_sent_back = ArticleFactory(title="Mine, sent back")
        sent_back(mine_sent_back, editor=editor, moderator=moderator)
        mine_waiting = ArticleFactory(title="Mine, waiting")
        submit(mine_waiting, user=editor)
        theirs = ArticleFactory(title="Someone else's")
        sent_back(theirs, editor=EditorFactory(), moderator=moderator)
        draft = ArticleFactory(title="My draft", last_edited_by=editor)

        desk = desk_for(editor)

        assert [r.article.title for r in desk.sent_back.rows] == ["Mine, sent back"]
        assert desk.sent_back.rows[0].review_comment == "Please cite a source."
        assert titles(desk.awaiting) == ["Mine, waiting"]
        assert [a.title for a in desk.drafts.rows] == [draft.title]
        assert desk.queue is None  # editors do not review

    def test_resubmitting_takes_it_off_sent_back(self, editor, moderator, article):
        sent_back(article, editor=editor, moderator=moderator)
        edit(article, "Fixed.")
        submit(article, user=editor)
        desk = desk_for(editor)
        assert desk.sent_back.total == 0
        assert desk.awaiting.total == 1

    def test_sent_back_is_newest_first(self, editor, moderator):
        older, newer = ArticleFactory(title="Older"), ArticleFactory(title="Newer")
        sent_back(older, editor=editor, moderator=moderator)
        sent_back(newer, editor=editor, moderator=moderator)
        assert [r.article.title for r in desk_for(editor).sent_back.rows] == ["Newer", "Older"]

    def test_index_page_shows_the_comment(self, client, editor, moderator, article):
        sent_back(article, editor=editor, moderator=moderator, comment="Name the remakes.")
        client.force_login(editor)
        page = parse(client.get(reverse("admin:index")).content.decode())
        shelf = page.find(class_="desk__shelf--sent-back")
        assert article.title in shelf.text
        assert f"Changes requested by {moderator.username}" in shelf.text
        assert "Name the remakes." in shelf.text


class TestModeratorsDesk:
    def test_queue_with_age_and_size(self, client, moderator, published_article):
        edit(published_article, "A new first section.")
        submit(published_article, change_summary="Rewrote the first section")
        client.force_login(moderator)
        page = parse(client.get(reverse("admin:index")).content.decode())
        queue = page.find(class_="desk__shelf--queue")
        assert queue.find(class_="desk__count").text == "1"
        assert "waiting for 0" in queue.text  # "0 minutes"
        assert "1 changed" in queue.text

    def test_first_publication_is_sized_as_such(self, moderator, article):
        submit(article)
        (row,) = desk_for(moderator).queue.rows
        assert row.size == "first publication: 2 sections, 2 questions"

    def test_scheduled_and_corrections(self, moderator, published_article):
        article = ArticleFactory()
        pending = submit(article)
        go_live = timezone.now() + timedelta(days=2)
        workflow.approve(revision=pending, user=moderator, go_live_at=go_live)
        Correction.objects.create(article=published_article, message="The year is wrong here.")
        desk = desk_for(moderator)
        assert titles(desk.scheduled) == [article.title]
        assert [c.article_id for c in desk.corrections.rows] == [published_article.pk]

    def test_cost_does_not_grow_with_the_work(self, moderator):
        def measure():
            fresh = type(moderator).objects.get(pk=moderator.pk)  # permissions not cached
            with CaptureQueriesContext(connection) as queries:
                desk_for(fresh)
            return len(queries)

        for _ in range(2):
            submit(ArticleFactory())
        few = measure()
        for _ in range(14):
            submit(ArticleFactory())
        many = measure()
        assert few <= MODERATOR_DESK_QUERIES
        # Only the COUNT for a list that now has more than it shows is added.
        assert many <= few + 1


class TestFactsToRecheck:
    def test_old_lines_put_the_film_on_the_desk(self, editor, settings):
        settings.FILMSITE_FACTS_MAX_AGE_DAYS = 90
        fresh, stale = ArticleFactory(), ArticleFactory()
        AvailabilityFactory(film=fresh.film)
        RatingFactory(film=stale.film, checked_on=date.today() - timedelta(days=91))
        AvailabilityFactory(film=stale.film)
        desk = desk_for(editor)
        assert [film.pk for film in desk.stale_facts.rows] == [stale.film_id]
        assert desk.stale_facts.rows[0].facts_checked_on == date.today() - timedelta(days=91)

    def test_confirming_clears_it_without_touching_readers_dates(self, client, editor):
        article = ArticleFactory()
        publish(article)
        RatingFactory(film=article.film, checked_on=date.today() - timedelta(days=200))
        live_before = article.revisions.get()
        client.force_login(ModeratorFactory())
        url = reverse("admin:films_film_changelist")
        response = client.post(
            url, {"action": "confirm_facts_action", "_selected_action": [article.film_id]}
        )
        assert response.status_code == 302
        assert desk_for(editor).stale_facts.total == 0
        # No new revision: the "Updated" date readers see does not move.
        assert list(article.revisions.all()) == [live_before]
