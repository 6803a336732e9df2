"""The moderators' queue of corrections in the admin."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from corrections import services
from corrections.models import Correction
from tests.factories import (
    ArticleFactory,
    EditorFactory,
    ModeratorFactory,
    SuperuserFactory,
    publish,
)
from tests.html import parse

pytestmark = pytest.mark.django_db

HOSTILE = '<script>alert("x")</script> <b>bold?</b>\nsecond line & more'
CHANGELIST = reverse("admin:corrections_correction_changelist")


@pytest.fixture
def correction(published_article):
    return services.submit_correction(
        article=published_article, message=HOSTILE, email="reader@example.org", client_key="k"
    )


def change_url(correction):
    return reverse("admin:corrections_correction_change", args=[correction.pk])


def handle_url(correction):
    return reverse("admin:corrections_correction_handle", args=[correction.pk])


def as_user(client, user):
    client.force_login(user)
    return client


def test_queue_lists_new_corrections_with_a_count(client, correction, moderator):
    response = as_user(client, moderator).get(CHANGELIST)
    assert response.status_code == 200
    html = response.content.decode()
    page = parse(html)
    assert "Reader corrections: 1 new" in page.find("h1").text
    assert correction.article.title[:30] in html
    assert page.find("td", class_="field-age").text == "just now"
    assert page.find("td", class_="field-decision").text == "New"
    # The reader's text is escaped, never markup.
    assert "<script>" not in html
    assert "&lt;script&gt;" in html


def test_age_is_shown_in_words(client, correction, moderator):
    Correction.objects.filter(pk=correction.pk).update(
        created_at=timezone.now() - timedelta(hours=3, minutes=5)
    )
    page = parse(as_user(client, moderator).get(CHANGELIST).content.decode())
    assert page.find("td", class_="field-age").text == "3 hours ago"


def test_new_corrections_come_first(client, published_article, moderator):
    older = services.submit_correction(
        article=published_article, message="An older, new one.", email="", client_key="a"
    )
    newer = services.submit_correction(
        article=published_article, message="A newer, handled one.", email="", client_key="b"
    )
    services.dismiss(correction=newer, user=moderator)
    page = parse(as_user(client, moderator).get(CHANGELIST).content.decode())
    rows = [cell.text for cell in page.find_all("th", class_="field-excerpt")]
    assert rows == [older.message, newer.message]


def test_correction_page_shows_the_message_as_escaped_text(client, correction, moderator):
    response = as_user(client, moderator).get(change_url(correction))
    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>alert" not in html and "<b>bold?</b>" not in html
    message = parse(html).find("div", class_="correction-message")
    assert message.text == '<script>alert("x")</script> <b>bold?</b> second line & more'
    assert "<br>" in html  # the reader's line break is kept
    # A moderator gets the decision form, offering only this article's revisions.
    form = parse(html).find("form", class_="correction-decision")
    options = [
        o.attrs.get("value") for o in form.find("select", name="fixed_in").find_all("option")
    ]
    assert options == ["", str(correction.reported_revision.pk)]


def test_moderator_accepts_with_a_revision_from_the_correction_page(client, correction, moderator):
    article = correction.article
    article.standfirst = "Corrected."
    article.save()
    fix = publish(article, user=moderator)

    response = as_user(client, moderator).post(
        handle_url(correction), {"decision": "accept", "fixed_in": fix.pk}
    )

    assert response.status_code == 302 and response["Location"] == CHANGELIST
    history = client.get(reverse("admin:corrections_correction_history", args=[correction.pk]))
    assert f"Accepted, fixed in revision {fix.number}." in history.content.decode()
    correction.refresh_from_db()
    assert (correction.status, correction.fixed_in, correction.handled_by) == (
        Correction.Status.ACCEPTED,
        fix,
        moderator,
    )


def test_a_revision_of_another_article_cannot_be_linked(client, correction, moderator):
    elsewhere = publish(ArticleFactory(), user=moderator)
    response = as_user(client, moderator).post(
        handle_url(correction), {"decision": "accept", "fixed_in": elsewhere.pk}
    )
    assert response.status_code == 400  # the correction's page again, with the field's error
    field = parse(response.content.decode()).find("select", name="fixed_in")
    row = next(node for node in field.ancestors() if "form-row" in node.classes)
    assert row.find(class_="errorlist")
    correction.refresh_from_db()
    assert correction.status == Correction.Status.NEW


def test_moderator_dismisses_with_the_list_action(client, correction, moderator):
    response = as_user(client, moderator).post(
        CHANGELIST, {"action": "dismiss_selected", "_selected_action": [correction.pk]}
    )
    assert response.status_code == 302
    correction.refresh_from_db()
    assert correction.status == Correction.Status.DISMISSED
    assert correction.handled_by == moderator


def test_superuser_accepts_with_the_list_action(client, correction):
    as_user(client, SuperuserFactory()).post(
        CHANGELIST, {"action": "accept_selected", "_selected_action": [correction.pk]}
    )
    correction.refresh_from_db()
    assert correction.status == Correction.Status.ACCEPTED


def test_editor_sees_the_queue_but_cannot_handle_anything(client, correction):
    editor = EditorFactory()
    as_user(client, editor)
    listing = client.get(CHANGELIST)
    assert listing.status_code == 200
    assert "accept_selected" not in listing.content.decode()
    detail = client.get(change_url(correction))
    assert detail.status_code == 200
    assert parse(detail.content.decode()).find("form", class_="correction-decision") is None

    assert client.post(handle_url(correction), {"decision": "dismiss"}).status_code == 403
    client.post(CHANGELIST, {"action": "dismiss_selected", "_selected_action": [correction.pk]})
    client.post(change_url(correction), {"status": "dismissed"})
    correction.refresh_from_db()
    assert correction.status == Correction.Status.NEW
    assert correction.handled_by is None


def test_anonymous_is_sent_to_the_login_page_and_nothing_changes(client, correction):
    for response in [
        client.get(CHANGELIST),
        client.get(change_url(correction)),
        client.post(handle_url(correction), {"decision": "dismiss"}),
    ]:
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("admin:login"))
    correction.refresh_from_db()
    assert correction.status == Correction.Status.NEW


def test_nobody_edits_or_adds_corrections_in_the_admin(client, correction, moderator):
    as_user(client, moderator)
    assert client.get(reverse("admin:corrections_correction_add")).status_code == 403
    client.post(change_url(correction), {"message": "rewritten"})
    correction.refresh_from_db()
    assert correction.message == HOSTILE


def test_handle_view_only_takes_post(client, correction, moderator):
    assert as_user(client, moderator).get(handle_url(correction)).status_code == 405


def test_moderators_and_editors_get_their_permissions_from_the_migration():
    moderator, editor = ModeratorFactory(), EditorFactory()
    assert moderator.has_perm("corrections.handle_correction")
    assert moderator.has_perm("corrections.view_correction")
    assert editor.has_perm("corrections.view_correction")
    assert not editor.has_perm("corrections.handle_correction")
    assert not moderator.has_perm("corrections.delete_correction")
