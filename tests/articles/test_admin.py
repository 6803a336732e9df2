"""The editorial admin, used with the demo's staff accounts."""

from datetime import timedelta
from unittest import mock

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, Revision
from films.models import Film
from tests.conftest import DEMO_ARTICLE_SLUG, DEMO_PASSWORD
from tests.html import form_values, parse

pytestmark = pytest.mark.django_db

TURKISH_SLUG = "miracle-in-cell-no-7-2019"
PUBLIC_URL = reverse("articles:article", kwargs={"slug": DEMO_ARTICLE_SLUG})


@pytest.fixture
def site(demo, settings):
    # Demo accounts only work while DEBUG is on (see filmsite.auth).
    settings.DEBUG = True
    return Article.objects.get(slug=DEMO_ARTICLE_SLUG)


def login(client, username):
    assert client.login(username=username, password=DEMO_PASSWORD)
    return client


def admin_pages(article):
    revision = article.revisions.order_by("-number").first()
    film = Film.objects.get(slug=TURKISH_SLUG)
    return {
        "index": reverse("admin:index"),
        "article changelist": reverse("admin:articles_article_changelist"),
        "article add": reverse("admin:articles_article_add"),
        "article change": reverse("admin:articles_article_change", args=[article.pk]),
        "article preview": reverse("admin:articles_article_preview", args=[article.pk]),
        "film change": reverse("admin:films_film_change", args=[film.pk]),
        "revision changelist": reverse("admin:articles_revision_changelist"),
        "revision view": reverse("admin:articles_revision_change", args=[revision.pk]),
    }


PAGE_NAMES = [
    "index",
    "article changelist",
    "article add",
    "article change",
    "article preview",
    "film change",
    "revision changelist",
    "revision view",
]


@pytest.mark.parametrize("username", ["editor", "moderator", "admin"])
@pytest.mark.parametrize("page", PAGE_NAMES)
def test_staff_can_open_admin_pages(client, site, username, page):
    login(client, username)
    url = admin_pages(site)[page]
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)


@pytest.mark.parametrize("page", PAGE_NAMES)
def test_anonymous_users_are_sent_to_the_login_page(client, site, page):
    url = admin_pages(site)[page]
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


def test_changelist_shows_what_readers_see(client, site):
    login(client, "editor")
    text = parse(client.get(reverse("admin:articles_article_changelist")).content.decode()).text
    assert "Live since" in text
    assert "Never published" in text  # the demo's draft


def edit_first_section(client, article, new_body):
    """Change the first section's text through the article's change form, as an editor would."""
    url = reverse("admin:articles_article_change", args=[article.pk])
    page = parse(client.get(url).content.decode())
    data = form_values(page.find("form", id="article_form"))
    assert data["sections-0-heading"] == "The film in brief"
    data["sections-0-body"] = new_body
    response = client.post(url, data)
    assert response.status_code == 302, parse(response.content.decode()).find(class_="errornote")
    return response


def submit_via_admin(client, article, summary="Rewrote the summary.", is_minor=False):
    url = reverse("admin:articles_article_submit", args=[article.pk])
    data = {"change_summary": summary}
    if is_minor:
        data["is_minor"] = "on"
    response = client.post(url, data)
    assert response.status_code == 302, parse(response.content.decode()).find(class_="errornote")
    return Revision.objects.get(article=article, status="pending")


class TestPublishing:
    def test_editor_sees_submit_but_no_review_or_unpublish_controls(self, client, site):
        login(client, "editor")
        html = client.get(reverse("admin:articles_article_change", args=[site.pk])).content
        html = html.decode()
        assert reverse("admin:articles_article_submit", args=[site.pk]) in html
        assert 'name="_submit"' in html
        assert reverse("admin:articles_article_unpublish", args=[site.pk]) not in html
        assert "Restore…" not in html

    def test_editor_cannot_review_unpublish_or_restore(self, client, site):
        login(client, "editor")
        edit_first_section(client, site, "An editor's change.")
        pending = submit_via_admin(client, site)
        oldest = site.revisions.get(number=1)
        before = list(Revision.objects.values_list("pk", "status", "go_live_at"))
        urls = [
            reverse("admin:articles_submission_changelist"),
            reverse("admin:articles_submission_review", args=[pending.pk]),
            reverse("admin:articles_submission_page", args=[pending.pk]),
            reverse("admin:articles_article_unpublish", args=[site.pk]),
            reverse("admin:articles_article_restore", args=[site.pk, oldest.pk]),
        ]
        for url in urls:
            assert client.get(url).status_code == 403, url
            assert client.post(url, {"action": "approve", "comment": "x"}).status_code == 403
        assert list(Revision.objects.values_list("pk", "status", "go_live_at")) == before
        site.refresh_from_db()
        assert site.unpublished_at is None

    def test_editor_edit_waits_for_a_moderator(self, client, site):
        login(client, "editor")
        edit_first_section(client, site, "An editor's unpublished rewrite.")
        submit_via_admin(client, site)
        client.logout()
        assert "An editor's unpublished rewrite." not in client.get(PUBLIC_URL).content.decode()

        login(client, "editor")
        preview = client.get(reverse("admin:articles_article_preview", args=[site.pk]))
        assert "An editor\u2019s unpublished rewrite." in preview.content.decode()  # smart quote
        assert "public" not in preview["Cache-Control"]

    def test_editor_submits_and_a_moderator_approves(self, client, site):
        login(client, "editor")
        edit_first_section(client, site, "A rewrite the moderator approves.")
        pending = submit_via_admin(client, site)
        client.logout()

        login(client, "moderator")
        queue = client.get(reverse("admin:articles_submission_changelist")).content.decode()
        review_url = reverse("admin:articles_submission_review", args=[pending.pk])
        assert review_url in queue
        review = client.get(review_url)
        assert review.status_code == 200
        inserted = " ".join(i.text for i in parse(review.content.decode()).find_all("ins"))
        assert "moderator approves" in inserted
        response = client.post(review_url, {"action": "approve"})
        assert response.status_code == 302

        revision = Revision.objects.live().get(article=site)
        assert revision.number == 4
        assert revision.change_summary == "Rewrote the summary."
        assert revision.created_by.username == "editor"
        assert revision.reviewed_by.username == "moderator"
        client.logout()
        html = client.get(PUBLIC_URL).content.decode()
        assert "A rewrite the moderator approves." in html

    def test_review_refuses_a_past_go_live(self, client, site):
        login(client, "editor")
        edit_first_section(client, site, "A change.")
        pending = submit_via_admin(client, site)
        client.logout()
        login(client, "moderator")
        url = reverse("admin:articles_submission_review", args=[pending.pk])
        response = client.post(url, {"action": "approve", "go_live_at": "2001-01-01T00:00"})
        assert response.status_code == 200
        pending.refresh_from_db()
        assert pending.status == "pending"
        assert Revision.objects.live().get(article=site).number == 3


class TestRevisionsAreReadOnly:
    def test_even_a_superuser_cannot_add_change_or_delete_revisions(self, client, site):
        login(client, "admin")
        revision = site.revisions.order_by("-number").first()
        before = (revision.title, revision.content)

        assert client.get(reverse("admin:articles_revision_add")).status_code == 403
        change_url = reverse("admin:articles_revision_change", args=[revision.pk])
        client.post(change_url, {"title": "Rewritten history", "change_summary": "x"})
        delete_url = reverse("admin:articles_revision_delete", args=[revision.pk])
        assert client.get(delete_url).status_code == 403
        assert client.post(delete_url, {"post": "yes"}).status_code == 403

        revision.refresh_from_db()
        assert (revision.title, revision.content) == before
        assert Revision.objects.filter(pk=revision.pk).exists()

    def test_revision_page_offers_no_save_or_delete(self, client, site):
        login(client, "admin")
        revision = site.revisions.order_by("-number").first()
        html = client.get(reverse("admin:articles_revision_change", args=[revision.pk]))
        html = html.content.decode()
        assert 'name="_save"' not in html
        assert reverse("admin:articles_revision_delete", args=[revision.pk]) not in html

    def test_revision_list_has_no_add_link(self, client, site):
        login(client, "admin")
        html = client.get(reverse("admin:articles_revision_changelist")).content.decode()
        assert reverse("admin:articles_revision_add") not in html


def approve_held_change(username="admin"):
    """Another staff member approves the change the moderator saved."""
    from django.contrib.auth import get_user_model

    from articles import reference_workflow
    from articles.models import ReferenceRevision

    reviewer = get_user_model().objects.get(username=username)
    reference_workflow.approve(revision=ReferenceRevision.objects.pending().get(), user=reviewer)


def test_film_fact_change_reaches_the_article_once_approved(client, site):
    """A corrected rating waits for a second pair of eyes, then reaches readers at once."""
    assert "8.2/10" in client.get(PUBLIC_URL).content.decode()  # warms the page cache

    login(client, "moderator")
    film = Film.objects.get(slug=TURKISH_SLUG)
    url = reverse("admin:films_film_change", args=[film.pk])
    data = form_values(parse(client.get(url).content.decode()).find("form", id="film_form"))
    index = next(k for k, v in data.items() if k.endswith("-source") and v == "IMDb")
    data[index.replace("-source", "-value")] = "8.3"
    # The correction comes a while after the page was cached.
    later = timezone.now() + timedelta(minutes=5)
    with mock.patch("django.utils.timezone.now", return_value=later):
        response = client.post(url, data)
    assert response.status_code == 302
    client.logout()
    assert "8.2/10" in client.get(PUBLIC_URL).content.decode()  # not before approval

    with mock.patch("django.utils.timezone.now", return_value=later):
        approve_held_change()
    html = client.get(PUBLIC_URL).content.decode()
    assert "8.3/10" in html
    assert "8.2/10" not in html


def test_film_fact_change_in_the_same_second_as_the_cached_page_still_shows(client, site):
    """The page cache must notice every approved film change, not one per second."""
    moment = timezone.now().replace(microsecond=100_000)
    # The cache key follows the newest change among the film and its versions.
    Film.objects.update(updated_at=moment)
    assert "8.2/10" in client.get(PUBLIC_URL).content.decode()  # cached with this film state

    login(client, "moderator")
    film = Film.objects.get(slug=TURKISH_SLUG)
    url = reverse("admin:films_film_change", args=[film.pk])
    data = form_values(parse(client.get(url).content.decode()).find("form", id="film_form"))
    index = next(k for k, v in data.items() if k.endswith("-source") and v == "IMDb")
    data[index.replace("-source", "-value")] = "8.3"
    with mock.patch("django.utils.timezone.now", return_value=moment + timedelta(seconds=0.5)):
        assert client.post(url, data).status_code == 302
        approve_held_change()
    client.logout()

    assert "8.3/10" in client.get(PUBLIC_URL).content.decode()


def test_poster_alt_text_change_refreshes_the_cached_facts_box(client, site):
    """The facts box prints the poster with its alt text: a change is reviewed, then shown."""
    film = Film.objects.get(slug=TURKISH_SLUG)
    old_alt = film.poster.alt_text
    assert old_alt in client.get(PUBLIC_URL).content.decode()  # warms the page cache

    login(client, "moderator")
    url = reverse("admin:images_image_change", args=[film.poster.pk])
    data = form_values(parse(client.get(url).content.decode()).find("form", id="image_form"))
    data["alt_text"] = "Memo and Ova on a hillside above the sea"
    later = timezone.now() + timedelta(minutes=5)
    with mock.patch("django.utils.timezone.now", return_value=later):
        assert client.post(url, data).status_code == 302
    client.logout()
    assert old_alt in client.get(PUBLIC_URL).content.decode()  # held for review

    with mock.patch("django.utils.timezone.now", return_value=later):
        approve_held_change()
    html = client.get(PUBLIC_URL).content.decode()
    assert "Memo and Ova on a hillside above the sea" in html
    assert old_alt not in html
