"""The editorial standards and privacy pages: in the sitemap once published, and the
site's JSON-LD points search engines to the standards and the corrections policy."""

import json

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from demo.sitepages import PAGES
from sitepages.models import SitePage
from sitepages.services import publish
from tests.articles.test_feeds_and_sitemaps import sitemap_entries
from tests.html import parse

pytestmark = pytest.mark.django_db


def page_url(slug):
    return reverse("sitepages:page", kwargs={"slug": slug})


def make(slug, editor):
    spec = next(spec for spec in PAGES if spec["slug"] == slug)
    return SitePage.objects.create(**spec, last_edited_by=editor)


def test_the_sitemap_lists_site_pages_only_once_published(client, editor, moderator, settings):
    standards = make("editorial-standards", editor)
    make("privacy", editor)  # never published
    assert not [loc for loc in sitemap_entries(client) if "standards" in loc]
    publish(page=standards, user=moderator)  # no cache.clear(): publishing refreshes it
    listed = sitemap_entries(client)
    assert settings.SITE_URL + page_url("editorial-standards") in listed
    assert settings.SITE_URL + page_url("privacy") not in listed


def test_the_site_pages_sitemap_is_one_query(client, editor, moderator):
    for slug in ("editorial-standards", "privacy"):
        publish(page=make(slug, editor), user=moderator)
    section = reverse("discovery:sitemap_section", kwargs={"section": "site-pages"})
    client.get(section)  # the first reader after a change (as in the page cache's budgets)
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(section)
    assert response.status_code == 200
    assert len(queries) == 1
    assert client.get(section + "?p=2").status_code == 404


def test_organization_names_the_standards_and_the_corrections_policy(
    client, editor, moderator, settings
):
    publish(page=make("privacy", editor), user=moderator)
    html = client.get(page_url("privacy")).content.decode()
    scripts = parse(html).find_all("script", type="application/ld+json")
    graphs = [json.loads(script.text) for script in scripts]
    org = next(
        node for graph in graphs for node in graph["@graph"] if node["@type"] == "Organization"
    )
    assert org["publishingPrinciples"] == settings.SITE_URL + page_url("editorial-standards")
    assert org["correctionsPolicy"] == settings.SITE_URL + page_url("corrections-policy")


@pytest.mark.parametrize("slug", ["editorial-standards", "privacy"])
def test_the_demo_pages_read_as_written(client, editor, moderator, slug):
    publish(page=make(slug, editor), user=moderator)
    page = parse(client.get(page_url(slug)).content.decode())
    assert page.find("h1").text == next(s["title"] for s in PAGES if s["slug"] == slug)
    assert page.find("main").find("ul")  # the rules read as a list
