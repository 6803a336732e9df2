"""Readers see the live revision only: the newest approved one whose time has come."""

from datetime import timedelta
from unittest import mock

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import dateformat, timezone

from articles.models import Article, Publication, Revision
from articles.workflow import WorkflowError
from tests.factories import ArticleFactory, EditorFactory, UserFactory, publish
from tests.helpers import edit
from tests.html import parse

pytestmark = pytest.mark.django_db


def page_url(slug):
    return reverse("articles:article", kwargs={"slug": slug})


def get_page(client, article):
    response = client.get(page_url(article.slug))
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def byline(client, article):
    return parse(get_page(client, article)).find(class_="byline").text


def shown(moment):
    """A date as the byline shows it."""
    return dateformat.format(timezone.localtime(moment), "M j, Y")


def test_never_published_article_is_not_found(client, article):
    assert client.get(page_url(article.slug)).status_code == 404


def test_publishing_shows_the_article(client, published_article):
    html = get_page(client, published_article)
    assert published_article.title in html
    assert "A father and his daughter." in html


def test_edits_to_the_working_copy_stay_invisible_until_published(client, published_article):
    article = published_article
    article.standfirst = "A brand new standfirst nobody approved."
    article.save()
    section = article.sections.first()
    section.body = "Rewritten section text nobody approved."
    section.save()
    question = article.questions.first()
    question.answer = "Rewritten answer nobody approved."
    question.save()

    html = get_page(client, article)
    assert "nobody approved" not in html
    assert "No: it is fiction" in html
    assert "A father and his daughter." in html


def test_publishing_again_makes_the_edits_visible(client, published_article):
    article = published_article
    section = article.sections.first()
    section.body = "Rewritten and approved section text."
    section.save()
    publish(article)

    html = get_page(client, article)
    assert "Rewritten and approved section text." in html
    assert "A father and his daughter." not in html


def test_revision_freezes_exactly_what_was_approved(published_article):
    revision = Revision.objects.get(article=published_article)
    published_article.title = "Changed afterwards"
    published_article.save()
    revision.refresh_from_db()
    assert revision.title != "Changed afterwards"
    headings = [section["heading"] for section in revision.sections]
    assert headings == ["The film in brief", "Ending explained"]
    assert [s["is_spoiler"] for s in revision.sections] == [False, True]


def test_revision_numbers_increase(article, moderator):
    numbers = []
    for n in range(3):
        edit(article, f"Version {n}.")
        numbers.append(publish(article, user=moderator).number)
    assert numbers == [1, 2, 3]


def test_only_the_newest_gone_live_revision_is_live(article):
    publish(article, go_live_at=timezone.now() - timedelta(days=2))
    edit(article, "Second version.")
    newest = publish(article, go_live_at=timezone.now() - timedelta(days=1))
    assert list(Revision.objects.live()) == [newest]


def test_republishing_an_unchanged_working_copy_is_refused(client, published_article):
    """A republish without changes would only move the "Updated" date readers see."""
    with pytest.raises(WorkflowError):
        publish(published_article)
    assert Revision.objects.filter(article=published_article).count() == 1


def test_first_publication_cannot_be_minor(client, article):
    with pytest.raises(WorkflowError):
        publish(article, is_minor=True)
    assert not Revision.objects.filter(article=article).exists()
    assert client.get(page_url(article.slug)).status_code == 404


@pytest.mark.parametrize(
    "make_user",
    [EditorFactory, lambda: UserFactory(is_staff=True)],
    ids=["editor", "staff-without-groups"],
)
def test_user_without_publish_permission_cannot_publish(client, article, make_user):
    with pytest.raises(PermissionDenied):
        publish(article, user=make_user())
    # The editor's submission is still waiting for a moderator; nothing went live.
    assert not Revision.objects.filter(article=article).exclude(status="pending").exists()
    assert client.get(page_url(article.slug)).status_code == 404


def test_published_queryset(article):
    never = ArticleFactory()
    scheduled = ArticleFactory()
    publish(article)
    publish(scheduled, go_live_at=timezone.now() + timedelta(hours=1))

    published = Article.objects.published()
    assert article in published
    assert never not in published
    assert scheduled not in published


class TestDates:
    def test_first_go_live_is_published_and_no_updated_is_shown(self, client, article):
        first = timezone.now() - timedelta(days=10)
        publish(article, go_live_at=first)

        live = Revision.objects.live().get()
        assert live.published_at == first
        assert not live.has_later_update
        text = byline(client, article)
        assert f"Published {shown(first)}" in text
        assert "Updated" not in text

    def test_non_minor_update_moves_updated(self, client, article):
        first = timezone.now() - timedelta(days=10)
        second = timezone.now() - timedelta(days=3)
        publish(article, go_live_at=first)
        edit(article, "A substantially rewritten section.")
        publish(article, go_live_at=second, change_summary="Rewrote a section")

        live = Revision.objects.live().get()
        assert live.published_at == first
        assert live.updated_at == second
        text = byline(client, article)
        assert f"Published {shown(first)}" in text
        assert f"Updated {shown(second)}" in text

    def test_minor_update_keeps_updated(self, client, article):
        first = timezone.now() - timedelta(days=10)
        second = timezone.now() - timedelta(days=5)
        typo_fix = timezone.now() - timedelta(days=1)
        publish(article, go_live_at=first)
        edit(article, "A father and his daughter (with a typo).")
        publish(article, go_live_at=second)
        edit(article, "A father and his daughter (typo fixed).")
        publish(article, go_live_at=typo_fix, is_minor=True)

        live = Revision.objects.live().get()
        assert live.number == 3
        assert live.updated_at == second
        html = get_page(client, article)
        assert "(typo fixed)" in html
        text = parse(html).find(class_="byline").text
        assert f"Updated {shown(second)}" in text
        assert shown(typo_fix) not in text

    def test_minor_update_alone_shows_no_updated(self, client, article):
        first = timezone.now() - timedelta(days=10)
        publish(article, go_live_at=first)
        edit(article, "A father and his daughter, typo fixed.")
        publish(article, go_live_at=timezone.now() - timedelta(days=1), is_minor=True)

        assert not Revision.objects.live().get().has_later_update
        text = byline(client, article)
        assert f"Published {shown(first)}" in text
        assert "Updated" not in text


class TestScheduling:
    def test_future_first_publication_is_hidden_until_its_time(self, client, article):
        go_live = timezone.now() + timedelta(hours=1)
        publish(article, go_live_at=go_live)

        assert client.get(page_url(article.slug)).status_code == 404
        assert article not in Article.objects.published()

        with mock.patch("django.utils.timezone.now", return_value=go_live + timedelta(minutes=1)):
            html = get_page(client, article)  # the first request after its time promotes it
            assert article in Article.objects.published()
        assert article.title in html

    def test_scheduled_update_replaces_the_live_text_when_its_time_comes(self, client, article):
        publish(article, go_live_at=timezone.now() - timedelta(days=1))
        section = article.sections.first()
        section.body = "Scheduled new text."
        section.save()
        go_live = timezone.now() + timedelta(hours=2)
        publish(article, go_live_at=go_live)

        html = get_page(client, article)
        assert "A father and his daughter." in html
        assert "Scheduled new text." not in html

        with mock.patch("django.utils.timezone.now", return_value=go_live + timedelta(seconds=1)):
            html = get_page(client, article)
        assert "Scheduled new text." in html
        assert "A father and his daughter." not in html

    def test_publishing_now_overrides_an_earlier_scheduled_revision(self, client, article):
        publish(article, go_live_at=timezone.now() - timedelta(days=1))
        edit(article, "Scheduled text.")
        go_live = timezone.now() + timedelta(hours=2)
        publish(article, go_live_at=go_live)
        edit(article, "Urgent correction published now.")
        publish(article)

        assert "Urgent correction published now." in get_page(client, article)
        with mock.patch("django.utils.timezone.now", return_value=go_live + timedelta(hours=1)):
            html = get_page(client, article)
        assert "Urgent correction published now." in html
        assert "Scheduled text." not in html

    def test_a_scheduled_first_revision_does_not_allow_a_minor_publication(self, article):
        publish(article, go_live_at=timezone.now() + timedelta(hours=1))
        with pytest.raises(WorkflowError):
            publish(article, is_minor=True)


class TestSlugChanges:
    def test_slug_change_is_invisible_until_published(self, client, published_article):
        old_slug = published_article.slug
        published_article.slug = "a-new-address"
        published_article.save()

        assert client.get(page_url(old_slug)).status_code == 200
        assert client.get(page_url("a-new-address")).status_code == 404

    def test_old_slug_redirects_permanently_after_publishing(self, client, published_article):
        old_slug = published_article.slug
        published_article.slug = "a-new-address"
        published_article.save()
        publish(published_article)

        response = client.get(page_url(old_slug))
        assert response.status_code == 301
        assert response["Location"] == page_url("a-new-address")
        assert client.get(page_url("a-new-address")).status_code == 200

    def test_unknown_slug_is_not_redirected(self, client, published_article):
        assert client.get(page_url("no-such-article")).status_code == 404


def test_a_reader_asking_while_a_moderator_publishes_gets_the_new_page(client, published_article):
    """The article's row is read, then an approval replaces its live revision
    before the page is built: the reader gets the new revision, not an error."""
    article = published_article
    old_row = Publication.objects.built_page(article.slug)
    article.standfirst = "The standfirst the moderator has just approved."
    article.save()
    publish(article)
    article_id, old_revision_id, _html, tags, stamp = old_row
    stale = (article_id, old_revision_id, None, tags, stamp)  # not yet built
    real = Publication.objects.built_page

    with mock.patch.object(
        Publication.objects, "built_page", side_effect=[stale, real(article.slug)]
    ):
        html = get_page(client, article)

    assert "The standfirst the moderator has just approved." in html
