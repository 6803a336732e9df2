"""The article form's aids: its state in one sentence, the spoiler-warning rule,
presence, edit conflicts shown as a diff, and the moderator's notes beside items."""

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from articles import presence, workflow
from tests.factories import ArticleFactory, EditorFactory, ModeratorFactory, publish, submit
from tests.helpers import edit
from tests.html import form_values, parse

pytestmark = pytest.mark.django_db


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def open_form(client, article):
    response = client.get(change_url(article))
    assert response.status_code == 200
    page = parse(response.content.decode())
    return page, form_values(page.find("form", id="article_form"))


def state_text(client, article):
    page, _ = open_form(client, article)
    return page.find(id="filmsite-state").text


class TestStateSentence:
    def test_draft(self, client, editor, article):
        client.force_login(editor)
        assert state_text(client, article).startswith("Draft: not submitted for review yet")

    def test_changes_requested_names_the_moderator_date_and_comment(self, client, editor):
        article = ArticleFactory()
        moderator = ModeratorFactory(first_name="Deniz", last_name="Kaya")
        pending = submit(article, user=editor)
        workflow.request_changes(revision=pending, user=moderator, comment="Cite the remake.")
        client.force_login(editor)
        text = state_text(client, article)
        today = timezone.localdate().strftime("%b")
        assert text.startswith("Changes requested by Deniz Kaya on ")
        assert today in text
        assert "“Cite the remake.”" in text
        assert "it has never been published" in text

    def test_live_and_awaiting_review(self, client, editor, published_article):
        client.force_login(editor)
        assert state_text(client, published_article).startswith("Live: readers see revision 1")
        edit(published_article, "Better.")
        submit(published_article, user=editor)
        text = state_text(client, published_article)
        assert text.startswith("Revision 2 is awaiting review, submitted by")
        assert "readers see revision 1" in text

    def test_scheduled(self, client, editor, moderator, article):
        workflow.approve(
            revision=submit(article),
            user=moderator,
            go_live_at=timezone.now() + timedelta(days=1),
        )
        client.force_login(editor)
        assert state_text(client, article).startswith("A revision goes live on")


class TestChangeList:
    def test_status_in_words_and_sent_back_filter(self, client, editor, moderator):
        mine = ArticleFactory(title="Sent back to this editor")
        workflow.request_changes(
            revision=submit(mine, user=editor), user=moderator, comment="Shorter, please."
        )
        other = ArticleFactory(title="Someone else's, also sent back")
        workflow.request_changes(revision=submit(other), user=moderator, comment="No.")
        ArticleFactory(title="A plain draft")
        client.force_login(editor)
        url = reverse("admin:articles_article_changelist")
        page = parse(client.get(url).content.decode())
        statuses = {
            row.find("th").text: row.find(class_="field-status").text
            for row in page.find("table", id="result_list").find("tbody").find_all("tr")
        }
        assert statuses["Sent back to this editor"] == "Sent back for changes"
        assert statuses["A plain draft"] == "Draft"
        filtered = parse(client.get(url, {"publication": "sent_back"}).content.decode())
        titles = [
            row.find("th").text
            for row in filtered.find("table", id="result_list").find("tbody").find_all("tr")
        ]
        assert titles == ["Sent back to this editor"]


class TestSpoilerWarning:
    def test_warning_on_a_section_that_is_no_spoiler_is_refused(self, client, editor, article):
        client.force_login(editor)
        _, values = open_form(client, article)
        values["sections-0-spoiler_warning"] = "reveals the ending"
        values.pop("sections-0-is_spoiler", None)
        response = client.post(change_url(article), values)
        assert response.status_code == 200
        assert "Only a spoiler section has a spoiler warning" in response.content.decode()
        assert article.sections.order_by("sort_order").first().spoiler_warning == ""


class TestPresence:
    def test_each_sees_the_other(self, article):
        first, second = EditorFactory(first_name="Ayşe"), ModeratorFactory(first_name="Can")
        clients = []
        for user in (first, second):
            client = Client()
            client.force_login(user)
            clients.append(client)
        url = reverse("admin:articles_article_presence", args=[article.pk])
        assert clients[0].post(url).json() == {"others": []}
        assert clients[1].post(url).json() == {"others": [{"name": "Ayşe"}]}
        assert clients[0].post(url).json() == {"others": [{"name": "Can"}]}
        clients[1].post(url, {"leaving": "1"})
        assert clients[0].post(url).json() == {"others": []}

    def test_someone_gone_quiet_drops_out(self, article, editor, moderator):
        long_ago = timezone.now() - presence.PRESENT_FOR - timedelta(seconds=1)
        presence.still_here(article=article, user=moderator, now=long_ago)
        assert presence.still_here(article=article, user=editor) == []

    def test_needs_change_permission_and_post(self, client, article):
        url = reverse("admin:articles_article_presence", args=[article.pk])
        assert client.post(url).status_code == 302  # anonymous: to the login page
        client.force_login(EditorFactory())
        assert client.get(url).status_code == 405


class TestEditConflict:
    def test_refused_save_shows_what_the_other_person_changed(self, article):
        first, second = EditorFactory(first_name="Ayşe"), ModeratorFactory()
        first_client, second_client = Client(), Client()
        first_client.force_login(first)
        second_client.force_login(second)
        _, first_values = open_form(first_client, article)
        _, second_values = open_form(second_client, article)
        first_values["title"] = "A title the first person wrote"
        first_values["sections-0-body"] = "The first person rewrote this section."
        assert first_client.post(change_url(article), first_values).status_code == 302

        second_values["standfirst"] = "The second person's standfirst."
        response = second_client.post(change_url(article), second_values)

        page = parse(response.content.decode())
        conflict = page.find(class_="filmsite-conflict")
        assert "What Ayşe changed since you opened the article" in conflict.text
        inserted = " ".join(ins.text for ins in conflict.find_all("ins"))
        assert "first person" in inserted  # the new title
        assert "rewrote" in inserted  # and the section body
        assert "Title" in conflict.text


class TestReviewNotesInTheForm:
    def test_note_shows_next_to_its_section_only(self, client, editor, moderator, article):
        pending = submit(article, user=editor)
        workflow.request_changes(
            revision=pending,
            user=moderator,
            comment="",
            item_comments=[("section", 2, "This gives away too much.")],
        )
        client.force_login(editor)
        page, _ = open_form(client, article)
        ending = article.sections.get(heading="Ending explained")
        rows = page.find_all(class_="inline-related")
        noted = [row for row in rows if row.find(class_="filmsite-review-note")]
        assert len(noted) == 1
        ids = [
            i.attrs["value"]
            for i in noted[0].find_all("input")
            if i.attrs.get("name", "").endswith("-id")
        ]
        assert ids == [str(ending.pk)]
        assert "This gives away too much." in noted[0].text
        # The state sentence points at the notes when there is no general comment.
        assert "see the notes on the sections and questions" in page.find(id="filmsite-state").text


def test_publication_column_and_status_fit(client, editor):
    # The change list's columns: the film is in every title, so it is left out.
    ArticleFactory()
    client.force_login(editor)
    page = parse(client.get(reverse("admin:articles_article_changelist")).content.decode())
    headers = [th.text for th in page.find("table", id="result_list").find("thead").find_all("th")]
    assert [h for h in headers if h] == ["Title", "Status", "Publication", "Last edited"]


@pytest.fixture
def _self_approval_off(settings):
    settings.FILMSITE_ALLOW_SELF_APPROVAL = False


@pytest.mark.usefixtures("_self_approval_off")
class TestSubmitPageNamesWhoCanApprove:
    def test_lone_moderator_is_told_nobody_else_can(self, client, article):
        moderator = ModeratorFactory()
        client.force_login(moderator)
        url = reverse("admin:articles_article_submit", args=[article.pk])
        page = parse(client.get(url).content.decode())
        assert (
            "Nobody else can approve this submission"
            in page.find(class_="filmsite-no-approver").text
        )

    def test_names_the_moderators(self, client, editor, article):
        ModeratorFactory(first_name="Deniz", last_name="Kaya")
        client.force_login(editor)
        url = reverse("admin:articles_article_submit", args=[article.pk])
        page = parse(client.get(url).content.decode())
        assert "Who can approve it: Deniz Kaya." in page.find(class_="filmsite-approvers").text

    def test_moderators_own_submission_notifies_the_others(
        self, mailoutbox, article, django_capture_on_commit_callbacks
    ):
        submitter = ModeratorFactory()
        other = ModeratorFactory()
        with django_capture_on_commit_callbacks(execute=True):
            submit(article, user=submitter)
        recipients = [address for mail in mailoutbox for address in mail.to]
        assert other.email in recipients
        assert submitter.email not in recipients


def test_first_approval_reads_as_first_publication(
    client, moderator, article, mailoutbox, django_capture_on_commit_callbacks
):
    pending = submit(article)
    client.force_login(moderator)
    url = reverse("admin:articles_submission_review", args=[pending.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"action": "approve"}, follow=True)
    assert "as the article&#x27;s first publication" in response.content.decode()
    assert any("approved the first publication" in mail.body for mail in mailoutbox)
    edit(article, "Second.")
    second = submit(article, change_summary="Second")
    response = client.post(
        reverse("admin:articles_submission_review", args=[second.pk]),
        {"action": "approve"},
        follow=True,
    )
    assert "as an update" in response.content.decode()


def test_publish_helper_still_works(article):
    assert publish(article).number == 1
