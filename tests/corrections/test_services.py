"""corrections.services: submitting, notifying, accepting and dismissing."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from corrections import services
from corrections.models import Correction
from corrections.ratelimit import RateLimited
from tests.factories import ArticleFactory, EditorFactory, SuperuserFactory, publish

pytestmark = pytest.mark.django_db

READER_TEXT = "The film came out in 2019, not 2018 as the facts box says."


def submit(article, *, message=READER_TEXT, email="", client_key="client-a"):
    return services.submit_correction(
        article=article, message=message, email=email, client_key=client_key
    )


@pytest.fixture
def correction(published_article):
    return submit(published_article)


def test_submitting_needs_a_published_article(article):
    with pytest.raises(services.CorrectionError):
        submit(article)
    assert not Correction.objects.exists()


def test_lengths_are_checked_even_without_the_form(published_article):
    with pytest.raises(ValidationError):
        submit(published_article, message="x" * 2001)
    assert not Correction.objects.exists()


def test_rate_limit_stores_nothing(published_article, settings):
    settings.CORRECTIONS_RATE_LIMIT = 2
    submit(published_article)
    submit(published_article)
    with pytest.raises(RateLimited):
        submit(published_article)
    submit(published_article, client_key="client-b")
    assert Correction.objects.count() == 3


def test_the_articles_editors_are_told_after_commit_without_spoilers(
    editor_author, django_capture_on_commit_callbacks
):
    live = editor_author.revisions.get()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        correction = submit(editor_author, email="reader@example.org")
    assert mail.outbox == []  # nothing before the commit
    for callback in callbacks:
        callback()

    [message] = mail.outbox
    # The author's staff account and whoever created the live revision.
    assert sorted(message.to) == sorted(["writer@example.com", live.created_by.email])
    assert editor_author.title in message.subject
    assert READER_TEXT in message.body
    assert f"/admin/corrections/correction/{correction.pk}/change/" in message.body
    assert "reader@example.org" not in message.body
    # Nothing from the article's spoiler section.
    [spoiler] = [s for s in editor_author.sections.all() if s.is_spoiler]
    assert spoiler.body not in message.body
    assert "twist" not in message.body and "twist" not in message.subject


def test_no_mail_when_nobody_can_receive_it(published_article, django_capture_on_commit_callbacks):
    live = published_article.revisions.get()
    live.created_by.email = ""
    live.created_by.save()
    with django_capture_on_commit_callbacks(execute=True):
        submit(published_article)
    assert mail.outbox == []
    assert Correction.objects.count() == 1


def test_a_rolled_back_submission_sends_nothing(
    published_article, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(ValidationError):
        submit(published_article, message="")
    assert mail.outbox == []


# --- Handling -------------------------------------------------------------------


def test_moderator_accepts_with_the_fixing_revision(correction, moderator):
    article = correction.article
    article.standfirst = "Corrected: released in 2019."
    article.save()
    fix = publish(article, user=moderator, change_summary="Fixed the year")

    accepted = services.accept(correction=correction, user=moderator, revision=fix)

    correction.refresh_from_db()
    assert accepted.pk == correction.pk
    assert correction.status == Correction.Status.ACCEPTED
    assert correction.fixed_in == fix
    assert correction.handled_by == moderator
    assert correction.handled_at is not None


def test_moderator_dismisses(correction, moderator):
    services.dismiss(correction=correction, user=moderator)
    correction.refresh_from_db()
    assert correction.status == Correction.Status.DISMISSED
    assert correction.handled_by == moderator


def test_superuser_may_handle(correction):
    services.dismiss(correction=correction, user=SuperuserFactory())
    correction.refresh_from_db()
    assert correction.status == Correction.Status.DISMISSED


def test_the_latest_decision_wins(correction, moderator):
    services.accept(correction=correction, user=moderator, revision=correction.reported_revision)
    services.dismiss(correction=correction, user=moderator)
    correction.refresh_from_db()
    assert correction.status == Correction.Status.DISMISSED
    assert correction.fixed_in is None


def test_a_revision_of_another_article_is_refused(correction, moderator):
    other = ArticleFactory()
    elsewhere = publish(other, user=moderator)
    with pytest.raises(services.CorrectionError):
        services.accept(correction=correction, user=moderator, revision=elsewhere)
    correction.refresh_from_db()
    assert correction.status == Correction.Status.NEW


@pytest.mark.parametrize("who", ["editor", "anonymous", "staff without a group"])
@pytest.mark.parametrize("action", ["accept", "dismiss"])
def test_others_cannot_handle_and_nothing_changes(correction, who, action):
    user = {
        "editor": EditorFactory,
        "anonymous": AnonymousUser,
        "staff without a group": lambda: SuperuserFactory(is_superuser=False),
    }[who]()
    with pytest.raises(PermissionDenied):
        getattr(services, action)(correction=correction, user=user)
    correction.refresh_from_db()
    assert correction.status == Correction.Status.NEW
    assert correction.handled_by is None and correction.handled_at is None
