"""About, Contact and the corrections policy: written by editors, published by moderators."""

import pytest
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from sitepages.models import SitePage
from sitepages.services import publish
from tests.factories import EditorFactory, ModeratorFactory
from tests.html import parse

pytestmark = pytest.mark.django_db


@pytest.fixture
def about(editor):
    return SitePage.objects.create(
        slug="about",
        title="About us",
        description="Who we are.",
        body="We explain *films*.",
        last_edited_by=editor,
    )


def url(slug="about"):
    return reverse("sitepages:page", kwargs={"slug": slug})


def test_readers_see_nothing_until_a_moderator_publishes(client, about, moderator):
    assert client.get(url()).status_code == 404
    publish(page=about, user=moderator)
    page = parse(client.get(url()).content.decode())
    assert page.find("h1").text == "About us"
    assert "<em>films</em>" in client.get(url()).content.decode()


def test_later_edits_wait_for_the_next_publication(client, about, moderator):
    publish(page=about, user=moderator)
    client.get(url())  # cached
    about.title = "About the team"
    about.save()
    assert parse(client.get(url()).content.decode()).find("h1").text == "About us"
    publish(page=SitePage.objects.get(pk=about.pk), user=moderator)
    assert parse(client.get(url()).content.decode()).find("h1").text == "About the team"


def test_editors_cannot_publish_and_nobody_publishes_their_own_edit(about, editor):
    with pytest.raises(PermissionDenied):
        publish(page=about, user=editor)
    own = ModeratorFactory()
    about.last_edited_by = own
    about.save()
    with pytest.raises(PermissionDenied):
        publish(page=about, user=own)


def test_the_admin_action_publishes_for_moderators_only(about):
    changelist = reverse("admin:sitepages_sitepage_changelist")
    data = {"action": "publish_pages", "_selected_action": [about.pk]}
    editor = Client()
    editor.force_login(EditorFactory())
    editor.post(changelist, data)
    assert SitePage.objects.get(pk=about.pk).published_at is None
    moderator = Client()
    moderator.force_login(ModeratorFactory())
    moderator.post(changelist, data)
    assert SitePage.objects.get(pk=about.pk).published_at is not None


def test_footer_links_and_one_query(client, about, moderator):
    publish(page=about, user=moderator)
    client.get(url())  # the first reader after a change (as in the page cache's budgets)
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        html = client.get(url()).content.decode()
    assert len(queries) == 1
    footer = parse(html).find("footer")
    links = [a.attrs["href"] for a in footer.find_all("a")]
    assert [
        url("about"),
        url("contact"),
        url("editorial-standards"),
        url("corrections-policy"),
        url("privacy"),
    ] == links[:5]
