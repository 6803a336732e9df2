"""The review workflow in the admin: every view and action, for every kind of user.

Allowed requests succeed; refused ones answer 403 (or send anonymous users to
the login page) and change nothing.
"""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import Revision
from tests.factories import (
    ArticleFactory,
    EditorFactory,
    ModeratorFactory,
    SuperuserFactory,
    publish,
    submit,
)
from tests.helpers import edit
from tests.html import form_values, parse

pytestmark = pytest.mark.django_db

USERS = {
    "anonymous": None,
    "editor": EditorFactory,
    "moderator": ModeratorFactory,
    "superuser": SuperuserFactory,
}


@pytest.fixture
def story():
    """Revision 1 and 2 went live (2 is live); revision 3 awaits review, from an editor."""
    article = ArticleFactory()
    publish(article, go_live_at=timezone.now() - timedelta(days=3))
    edit(article, "Second version.")
    publish(article, change_summary="Second")
    edit(article, "Third version, awaiting review.")
    pending = submit(article, change_summary="Third")
    return article, pending


def as_user(client, kind):
    factory = USERS[kind]
    if factory is not None:
        client.force_login(factory())
    return client


def state(article):
    article.refresh_from_db()
    return (
        list(
            Revision.objects.filter(article=article)
            .order_by("number")
            .values_list("number", "status", "go_live_at", "is_minor", "review_comment")
        ),
        article.unpublished_at,
    )


def urls(article, pending):
    return {
        "queue": reverse("admin:articles_submission_changelist"),
        "review": reverse("admin:articles_submission_review", args=[pending.pk]),
        "submission as readers see it": reverse(
            "admin:articles_submission_page", args=[pending.pk]
        ),
        "submit": reverse("admin:articles_article_submit", args=[article.pk]),
        "unpublish": reverse("admin:articles_article_unpublish", args=[article.pk]),
        "restore": reverse(
            "admin:articles_article_restore",
            args=[article.pk, article.revisions.get(number=1).pk],
        ),
        "revision history": reverse("admin:articles_article_change", args=[article.pk]),
    }


MODERATORS_ONLY = {"queue", "review", "submission as readers see it", "unpublish", "restore"}


@pytest.mark.parametrize("user_kind", USERS)
@pytest.mark.parametrize(
    "page",
    ["queue", "review", "submission as readers see it", "submit", "unpublish", "restore"],
)
def test_who_may_open_each_workflow_page(client, story, user_kind, page):
    article, pending = story
    as_user(client, user_kind)
    response = client.get(urls(article, pending)[page])
    if user_kind == "anonymous":
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("admin:login"))
    elif user_kind == "editor" and page in MODERATORS_ONLY:
        assert response.status_code == 403
    else:
        assert response.status_code == 200


POSTS = {
    "submit": ("submit", {"change_summary": "Once more"}),
    "approve": ("review", {"action": "approve"}),
    "schedule": ("review", {"action": "approve", "go_live_at": "2099-01-01T10:00"}),
    "request changes": ("review", {"action": "request_changes", "comment": "Check facts."}),
    "unpublish": ("unpublish", {}),
    "restore": ("restore", {"change_summary": ""}),
}


@pytest.mark.parametrize("user_kind", USERS)
@pytest.mark.parametrize("action", POSTS)
def test_who_may_do_each_workflow_action(client, story, user_kind, action):
    article, pending = story
    edit(article, "A newer working copy, so there is something to submit.")
    page, data = POSTS[action]
    as_user(client, user_kind)
    before = state(article)
    response = client.post(urls(article, pending)[page], data)
    allowed = user_kind in {"moderator", "superuser"} or (
        user_kind == "editor" and action == "submit"
    )
    if allowed:
        assert response.status_code == 302, parse(response.content.decode()).find(
            class_="errornote"
        )
        assert state(article) != before
    else:
        assert response.status_code in {302, 403}
        if response.status_code == 302:
            assert response["Location"].startswith(reverse("admin:login"))
        assert state(article) == before


class TestReviewScreen:
    def test_shows_the_diff_and_a_link_to_the_page_as_readers_see_it(self, client, story):
        article, pending = story
        as_user(client, "moderator")
        html = client.get(urls(article, pending)["review"]).content.decode()
        page = parse(html)
        assert "What changed since revision 2" in page.text
        assert "Third" in page.text  # the change summary
        assert [d.text for d in page.find_all("del")] == ["Second"]
        assert [i.text for i in page.find_all("ins")] == ["Third", ", awaiting review"]
        assert reverse("admin:articles_submission_page", args=[pending.pk]) in html

    def test_reader_view_is_the_public_template_with_the_pending_text(self, client, story):
        article, pending = story
        as_user(client, "moderator")
        response = client.get(urls(article, pending)["submission as readers see it"])
        html = response.content.decode()
        assert "Third version, awaiting review." in html
        assert 'class="byline"' in html
        assert "Preview — not published." in html
        assert "no-store" in response["Cache-Control"]

    def test_own_submission_offers_no_approve_button_and_refuses_it(self, client):
        article = ArticleFactory()
        moderator = ModeratorFactory()
        pending = submit(article, user=moderator)
        client.force_login(moderator)
        url = reverse("admin:articles_submission_review", args=[pending.pk])
        page = parse(client.get(url).content.decode())
        assert "another moderator has to approve it" in page.text
        assert not [i for i in page.find_all("input") if i.attrs.get("value") == "approve"]
        assert client.post(url, {"action": "approve"}).status_code == 403
        pending.refresh_from_db()
        assert pending.status == "pending"

    def test_request_changes_requires_a_comment(self, client, story):
        article, pending = story
        as_user(client, "moderator")
        before = state(article)
        response = client.post(urls(article, pending)["review"], {"action": "request_changes"})
        assert response.status_code == 200
        assert "Say what needs changing" in response.content.decode()
        assert state(article) == before

    def test_moderator_overrides_the_minor_flag_on_approval(self, client, story):
        article, pending = story
        Revision.objects.filter(pk=pending.pk).update(is_minor=True)
        as_user(client, "moderator")
        page = parse(client.get(urls(article, pending)["review"]).content.decode())
        assert "checked" in page.find("input", name="is_minor").attrs  # the editor's choice
        client.post(urls(article, pending)["review"], {"action": "approve"})  # unticked
        pending.refresh_from_db()
        assert pending.status == "approved"
        assert pending.is_minor is False

    def test_scheduled_approval(self, client, story):
        article, pending = story
        as_user(client, "moderator")
        client.post(
            urls(article, pending)["review"],
            {"action": "approve", "go_live_at": "2099-01-01T10:00"},
        )
        pending.refresh_from_db()
        assert pending.status == "approved"
        assert pending.go_live_at.year == 2099
        assert Revision.objects.live().get(article=article).number == 2


class TestQueue:
    def test_lists_pending_submissions_with_age_and_submitter(self, client, story):
        article, pending = story
        as_user(client, "moderator")
        page = parse(client.get(urls(article, pending)["queue"]).content.decode())
        rows = page.find("table", id="result_list").find("tbody").find_all("tr")
        assert len(rows) == 1
        text = rows[0].text
        assert article.title in text
        assert pending.created_by.username in text
        assert "minute" in text  # "0 minutes"

    def test_count_on_the_admin_index_and_in_the_header(self, client, story):
        as_user(client, "moderator")
        page = parse(client.get(reverse("admin:index")).content.decode())
        queue = page.find(class_="desk__shelf--queue")
        assert queue.find(class_="desk__count").text == "1"
        assert article_title(story) in queue.text
        assert page.find("a", class_="filmsite-queue-link").text == "Review queue (1)"

    def test_editors_see_no_queue(self, client, story):
        as_user(client, "editor")
        html = client.get(reverse("admin:index")).content.decode()
        assert "desk__shelf--queue" not in html
        assert "Review queue" not in html


def article_title(story):
    return story[0].title


class TestHistory:
    def test_change_form_lists_who_did_what_and_when(self, client, story):
        article, pending = story
        moderator = ModeratorFactory()
        client.force_login(moderator)
        client.post(
            urls(article, pending)["review"], {"action": "request_changes", "comment": "Dates?"}
        )
        page = parse(client.get(urls(article, pending)["revision history"]).content.decode())
        history = page.find("div", id="revisions-group").text
        assert "Changes requested" in history
        assert "Dates?" in history
        assert moderator.username in history
        assert pending.created_by.username in history
        assert "Restore…" in history


class TestSubmitView:
    def test_resubmitting_says_it_replaces_the_pending_revision(self, client, story):
        article, pending = story
        edit(article, "Fourth version.")
        as_user(client, "editor")
        url = urls(article, pending)["submit"]
        assert "replaces it" in client.get(url).content.decode()
        response = client.post(url, {"change_summary": "Fourth"}, follow=True)
        assert f"It replaces revision {pending.number}" in response.content.decode()
        pending.refresh_from_db()
        assert pending.status == "superseded"

    def test_save_and_submit_goes_to_the_submit_form(self, client, story):
        article, _ = story
        as_user(client, "editor")
        url = reverse("admin:articles_article_change", args=[article.pk])
        data = form_values(parse(client.get(url).content.decode()).find("form", id="article_form"))
        data["_submit"] = "Save and submit for review…"
        response = client.post(url, data)
        assert response.status_code == 302
        assert response["Location"] == reverse("admin:articles_article_submit", args=[article.pk])


class TestUnpublishAndRestoreInTheAdmin:
    def test_unpublished_article_is_marked_in_the_list_and_on_its_page(self, client, story):
        article, pending = story
        moderator = ModeratorFactory()
        client.force_login(moderator)
        assert client.post(urls(article, pending)["unpublish"]).status_code == 302

        changelist = reverse("admin:articles_article_changelist")
        listed = parse(client.get(changelist, {"publication": "unpublished"}).content.decode())
        assert article.title in listed.text
        assert "Unpublished since" in listed.text
        live_only = client.get(changelist, {"publication": "live"}).content.decode()
        assert article.title not in live_only
        page = parse(client.get(urls(article, pending)["revision history"]).content.decode())
        assert f"unpublished by {moderator.username}" in page.text
        assert "Unpublish…" not in page.text

    def test_restore_from_the_history_brings_it_back(self, client, story):
        article, pending = story
        as_user(client, "moderator")
        client.post(urls(article, pending)["unpublish"])
        response = client.post(urls(article, pending)["restore"], {"change_summary": ""})
        assert response.status_code == 302
        restored = Revision.objects.live().get(article=article)
        assert restored.number == 4
        assert restored.restored_from.number == 1
        assert client.get(restored.get_absolute_url()).status_code == 200
