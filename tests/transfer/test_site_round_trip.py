"""export_site, then import_site into an emptied database: the same site, page by page."""

import difflib

import pytest
from django.contrib.auth import get_user_model

from articles import workflow
from articles.models import Revision
from tests.transfer.conftest import run
from tests.transfer.site_archive_helpers import crawl, demo_site, empty_site, records

pytestmark = pytest.mark.django_db


def diff(before: bytes, after: bytes) -> list[str]:
    """The changed lines, to name what differs (the full pages are compared after)."""
    lines = difflib.unified_diff(
        before.decode().splitlines(), after.decode().splitlines(), n=0, lineterm=""
    )
    return [line for line in lines if line[:1] in "+-" and line[:3] not in ("+++", "---")]


@pytest.mark.parametrize("suffix", [".zip", ".tar.gz"])
def test_every_public_page_and_record_survives_the_round_trip(
    client, settings, tmp_path, media, suffix, django_capture_on_commit_callbacks
):
    demo_site(settings)
    before_pages, before_records = crawl(client), records()
    media_before = {p.relative_to(media): p.read_bytes() for p in media.rglob("*") if p.is_file()}
    archive = tmp_path / f"site{suffix}"

    exported = run("export_site", archive)
    assert exported.error is None, exported.error
    assert "Wrote 10 articles, 19 revisions, 12 films, 3 staff accounts" in exported.out

    empty_site(media)
    assert crawl(client)["/"] != before_pages["/"]  # the site is really gone
    # What the import does once it commits (retiring cached search results) runs too.
    with django_capture_on_commit_callbacks(execute=True):
        imported = run("import_site", archive)
    assert imported.error is None, imported.error
    assert "Imported 10 articles, 19 revisions, 12 films, 3 corrections" in imported.out
    assert "set each one's password" in imported.out

    after_pages = crawl(client)
    assert sorted(after_pages) == sorted(before_pages)
    statuses = {url: page[0] for url, page in before_pages.items()}
    assert statuses["/articles/a-withdrawn-explainer/"] == 410
    assert sum(status == 200 for status in statuses.values()) > 25
    differ = {url: diff(page[2], after_pages[url][2]) for url, page in before_pages.items()}
    assert {url: lines for url, lines in differ.items() if lines} == {}
    assert after_pages == before_pages
    assert records() == before_records
    media_after = {p.relative_to(media): p.read_bytes() for p in media.rglob("*") if p.is_file()}
    assert media_after == media_before
    assert workflow.check_invariants() == []


def test_the_workflow_carries_on_after_an_import(client, settings, tmp_path, media):
    """Imported accounts cannot sign in until reset; the scheduled revision still goes live,
    the pending one can still be approved, and new rows get new ids."""
    demo_site(settings)
    archive = tmp_path / "site.zip"
    assert run("export_site", archive).error is None
    empty_site(media)
    assert run("import_site", archive).error is None

    users = get_user_model().objects.order_by("username")
    assert [u.username for u in users] == ["admin", "editor", "moderator"]
    assert not any(u.has_usable_password() for u in users)
    assert not client.login(username="moderator", password="filmsite-demo")

    scheduled = Revision.objects.scheduled().get()
    assert workflow.promote_due(now=scheduled.go_live_at) == 1
    assert workflow.check_invariants(now=scheduled.go_live_at) == []

    pending = Revision.objects.pending().get()
    settings.FILMSITE_ALLOW_SELF_APPROVAL = False
    moderator = users.get(username="moderator")
    approved = workflow.approve(revision=pending, user=moderator)
    assert approved.status == Revision.Status.APPROVED
    assert approved.pk > max(r.pk for r in Revision.objects.exclude(pk=approved.pk))
    assert client.get(f"/articles/{approved.slug}/").status_code == 200
