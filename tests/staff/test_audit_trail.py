"""The audit trail: workflow actions, permission changes and sign-ins, read-only for superusers."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.test import Client
from django.urls import reverse

from articles import workflow
from staff.models import AuditEvent
from tests.factories import (
    PASSWORD,
    ArticleFactory,
    EditorFactory,
    ModeratorFactory,
    SuperuserFactory,
    publish,
)
from tests.html import form_values, parse

pytestmark = pytest.mark.django_db


def actions(kind):
    return list(AuditEvent.objects.filter(kind=kind).order_by("at", "pk"))


def test_every_workflow_action_is_recorded_with_who(moderator):
    article = ArticleFactory()
    editor = EditorFactory()
    first = workflow.submit(article=article, user=editor, change_summary="").revision
    workflow.approve(revision=first, user=moderator, comment="Looks good.")
    article.standfirst = "A changed answer up front."
    article.save()
    second = workflow.submit(article=article, user=editor, change_summary="Reworded.").revision
    workflow.request_changes(revision=second, user=moderator, comment="Shorter, please.")
    workflow.unpublish(article=article, user=moderator)
    workflow.restore(revision=first, user=moderator)

    events = actions(AuditEvent.Kind.WORKFLOW)
    assert [(e.actor, e.action) for e in events] == [
        (editor, "submitted"),
        (moderator, "approved"),
        (editor, "submitted"),
        (moderator, "requested changes"),
        (moderator, "unpublished"),
        (moderator, "restored"),
    ]
    assert f"article {article.pk}" in events[1].target and "revision 1" in events[1].target
    assert "Shorter, please." in events[3].detail


def test_a_refused_action_leaves_no_record(moderator):
    article = ArticleFactory()
    publish(article, user=moderator)
    before = AuditEvent.objects.count()
    with pytest.raises(workflow.WorkflowError):
        workflow.submit(article=article, user=EditorFactory())  # nothing changed
    assert AuditEvent.objects.count() == before


def test_changing_a_users_groups_in_the_admin_is_recorded():
    admin, editor = SuperuserFactory(), EditorFactory(username="promoted")
    client = Client()
    client.force_login(admin)
    url = reverse("admin:auth_user_change", args=[editor.pk])
    data = form_values(parse(client.get(url).content.decode()).find("form", id="user_form"))
    data["groups"] = [str(g.pk) for g in Group.objects.filter(name__in=["Editors", "Moderators"])]
    assert client.post(url, data).status_code == 302
    (event,) = actions(AuditEvent.Kind.PERMISSIONS)
    assert event.actor == admin and event.target == "user “promoted”"
    assert "Moderators" in event.detail and "groups" in event.detail


def test_changing_a_groups_permissions_is_recorded():
    admin = SuperuserFactory()
    client = Client()
    client.force_login(admin)
    group = Group.objects.get(name="Editors")
    url = reverse("admin:auth_group_change", args=[group.pk])
    data = form_values(parse(client.get(url).content.decode()).find("form", id="group_form"))
    extra = Permission.objects.get(codename="unpublish_article")
    data["permissions"] = [str(p.pk) for p in group.permissions.all()] + [str(extra.pk)]
    assert client.post(url, data).status_code == 302
    (event,) = actions(AuditEvent.Kind.PERMISSIONS)
    assert "added: unpublish_article" in event.detail


def test_sign_ins_and_failures_are_recorded_with_the_address():
    EditorFactory(username="someone")
    client = Client(REMOTE_ADDR="203.0.113.5")
    client.post(reverse("admin:login"), {"username": "someone", "password": "wrong"})
    client.post(reverse("admin:login"), {"username": "nobody", "password": "wrong"})
    client.post(reverse("admin:login"), {"username": "someone", "password": PASSWORD})
    events = actions(AuditEvent.Kind.SIGN_IN)
    assert [(e.actor_name, e.action, e.address) for e in events] == [
        ("someone", "sign-in failed", "203.0.113.5"),
        ("nobody", "sign-in failed", "203.0.113.5"),
        ("someone", "signed in", "203.0.113.5"),
    ]
    assert "no such account" in events[1].target
    assert all("wrong" not in e.detail for e in events)


def test_the_desk_shows_the_previous_sign_in():
    EditorFactory(username="desk-user")
    Client(REMOTE_ADDR="198.51.100.23").post(
        reverse("admin:login"), {"username": "desk-user", "password": PASSWORD}
    )
    client = Client(REMOTE_ADDR="203.0.113.77")
    client.post(reverse("admin:login"), {"username": "desk-user", "password": PASSWORD})
    text = parse(client.get(reverse("admin:index")).content.decode()).text
    assert "Previous sign-in:" in text and "from 198.51.100.23" in text


def test_only_superusers_read_the_trail_and_nobody_edits_it():
    workflow.submit(article=ArticleFactory(), user=EditorFactory())
    event = AuditEvent.objects.get()
    moderator = Client()
    moderator.force_login(ModeratorFactory())
    changelist = reverse("admin:staff_auditevent_changelist")
    assert moderator.get(changelist).status_code == 403
    admin = Client()
    admin.force_login(SuperuserFactory())
    assert "submitted" in admin.get(changelist).content.decode()
    change = admin.get(reverse("admin:staff_auditevent_change", args=[event.pk]))
    assert change.status_code == 200 and b'name="_save"' not in change.content
    assert admin.post(reverse("admin:staff_auditevent_delete", args=[event.pk])).status_code == 403
    assert admin.get(reverse("admin:staff_auditevent_add")).status_code == 403
