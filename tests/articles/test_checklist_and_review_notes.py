"""The pre-publish checklist (required items block submission, with the reason) and
moderators' notes on single sections and questions (workflow and permissions)."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from articles import checklist, workflow
from articles.models import ReviewComment, Revision
from articles.snapshot import freeze
from tests.factories import ArticleFactory, EditorFactory, SectionFactory, submit
from tests.html import parse

pytestmark = pytest.mark.django_db


def item(article, name):
    return next(i for i in checklist.check(freeze(article)) if i.name == name)


class TestChecklist:
    def test_placeholder_text_blocks_submission_with_the_reason(self, editor):
        article = ArticleFactory(sections=[{"heading": "Plot", "body": "TODO: write the plot."}])
        with pytest.raises(
            workflow.WorkflowError, match=r"Placeholder text “TODO” in section “Plot”"
        ):
            workflow.submit(article=article, user=editor)
        assert not Revision.objects.filter(article=article).exists()

    def test_recommended_items_never_block(self, editor):
        article = ArticleFactory(questions=0)  # no FAQ, no hero image
        assert not item(article, "faq").passed
        assert not item(article, "hero_image").passed
        assert workflow.submit(article=article, user=editor).revision.number == 1

    def test_levels_are_configurable(self, editor, settings):
        settings.FILMSITE_PREPUBLISH_CHECKLIST = {"faq": "required", "placeholder": "off"}
        article = ArticleFactory(
            questions=0, sections=[{"heading": "Plot", "body": "Lorem ipsum for now."}]
        )
        names = [i.name for i in checklist.check(freeze(article))]
        assert "placeholder" not in names
        with pytest.raises(workflow.WorkflowError, match="Add at least one FAQ question"):
            workflow.submit(article=article, user=editor)

    def test_verdict_must_be_explained(self):
        assert not item(ArticleFactory(verdict_explanation=""), "verdict_explained").passed
        assert item(ArticleFactory(), "verdict_explained").passed

    def test_meta_description_length(self):
        assert not item(ArticleFactory(meta_description="Too short."), "meta_description").passed
        good = (
            "Is the film a true story? No: it remakes a Korean comedy-drama. "
            "Who's who, and the plot."
        )
        assert item(ArticleFactory(meta_description=good), "meta_description").passed

    def test_shown_on_form_submit_page_and_review_screen(self, client, editor, moderator):
        article = ArticleFactory(questions=0)
        client.force_login(editor)
        for url in (
            reverse("admin:articles_article_change", args=[article.pk]),
            reverse("admin:articles_article_submit", args=[article.pk]),
        ):
            page = parse(client.get(url).content.decode())
            assert "Add at least one FAQ question." in page.find(class_="filmsite-checklist").text
        pending = submit(article)
        client.force_login(moderator)
        page = parse(
            client.get(
                reverse("admin:articles_submission_review", args=[pending.pk])
            ).content.decode()
        )
        assert "Add at least one FAQ question." in page.find(class_="filmsite-checklist").text

    def test_submit_page_shows_the_blocking_reason(self, client, editor):
        article = ArticleFactory(verdict_explanation="")
        client.force_login(editor)
        url = reverse("admin:articles_article_submit", args=[article.pk])
        response = client.post(url, {"change_summary": ""})
        assert response.status_code == 200
        assert "It cannot be submitted yet: Explain the verdict" in response.content.decode()


class TestReviewNotes:
    def test_notes_are_kept_per_item_with_the_working_copy_row(self, moderator, article):
        pending = submit(article)
        workflow.request_changes(
            revision=pending,
            user=moderator,
            comment="See the notes.",
            item_comments=[
                ("section", 1, "Shorter."),
                ("question", 2, "Spoiler!"),
                ("section", 2, " "),
            ],
        )
        notes = list(ReviewComment.objects.order_by("kind", "position"))
        first_section = article.sections.order_by("sort_order", "pk").first()
        second_question = list(article.questions.order_by("sort_order", "pk"))[1]
        assert [(n.kind, n.position, n.item_id, n.body) for n in notes] == [
            ("question", 2, second_question.pk, "Spoiler!"),
            ("section", 1, first_section.pk, "Shorter."),
        ]

    def test_a_note_alone_is_enough_a_note_on_nothing_is_refused(self, moderator, article):
        pending = submit(article)
        with pytest.raises(workflow.WorkflowError, match="has no section 9"):
            workflow.request_changes(
                revision=pending, user=moderator, comment="", item_comments=[("section", 9, "?")]
            )
        with pytest.raises(workflow.WorkflowError, match="comment is required"):
            workflow.request_changes(revision=pending, user=moderator, comment="  ")
        workflow.request_changes(
            revision=pending, user=moderator, comment="", item_comments=[("section", 1, "Fix.")]
        )
        pending.refresh_from_db()
        assert pending.status == Revision.Status.CHANGES_REQUESTED

    def test_editors_cannot_leave_notes(self, article):
        pending = submit(article)
        with pytest.raises(PermissionDenied):
            workflow.request_changes(
                revision=pending,
                user=EditorFactory(),
                comment="",
                item_comments=[("section", 1, "Sneaky.")],
            )
        assert not ReviewComment.objects.exists()

    def test_review_screen_posts_notes_next_to_items(self, client, moderator, article):
        SectionFactory(article=article, heading="A third section", sort_order=32000)
        pending = submit(article)
        client.force_login(moderator)
        url = reverse("admin:articles_submission_review", args=[pending.pk])
        page = parse(client.get(url).content.decode())
        fields = [t.attrs["name"] for t in page.find_all("textarea") if t.attrs.get("form")]
        assert fields == [
            "note-section-1",
            "note-section-2",
            "note-section-3",
            "note-question-1",
            "note-question-2",
        ]
        response = client.post(
            url, {"action": "request_changes", "comment": "", "note-section-3": "Cut this."}
        )
        assert response.status_code == 302
        (note,) = ReviewComment.objects.all()
        assert (note.item_title, note.body) == ("A third section", "Cut this.")
