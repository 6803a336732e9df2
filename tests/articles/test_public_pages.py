"""Every public page, rendered from the demo as readers get it."""

import json
import re

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from articles import reference_workflow
from articles.models import Article, ReferenceRevision, Revision
from films.models import Film
from tests.conftest import DEMO_ARTICLE_SLUG
from tests.html import form_values, meta_content, parse, text_outside

pytestmark = pytest.mark.django_db

ORIGINAL_SLUG = "miracle-in-cell-no-7-2013"
TURKISH_SLUG = "miracle-in-cell-no-7-2019"
DRAFT_SLUG = "miracle-in-cell-no-7-2013-vs-2019-turkish-remake"
# Words that give the ending away; none is used by the demo's spoiler-free texts.
ENDING_GIVEAWAYS = ["gallows", "matchbook", "boat", "wedding day", "staged car accident"]


def get(client, url):
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return response.content.decode()


def article_url(slug=DEMO_ARTICLE_SLUG):
    return reverse("articles:article", kwargs={"slug": slug})


def film_url(slug):
    return reverse("articles:film", kwargs={"slug": slug})


@pytest.fixture
def live(demo):
    return Revision.objects.live().get(slug=DEMO_ARTICLE_SLUG)


@pytest.fixture
def page(client, live):
    return parse(get(client, article_url()))


def in_spoiler_block(node):
    return node.tag == "details" and "data-nosnippet" in node.attrs


def spoiler_sentences(revision):
    """Sentences of every spoiler section and spoiler answer, as readers would read them."""
    htmls = [s["html"] for s in revision.sections if s["is_spoiler"]]
    htmls += [q["answer_html"] for q in revision.questions if q["is_spoiler"]]
    sentences = []
    for html in htmls:
        text = parse(html).text
        sentences += [s.strip() for s in re.split(r"(?<=[.!?:])\s+", text) if len(s) > 30]
    return sentences


class TestDemoArticle:
    def test_demo_is_published_with_its_history(self, live):
        assert live.number == 3
        assert live.has_later_update

    def test_title_standfirst_and_verdict(self, page, live):
        assert page.find("h1").text == live.title
        assert live.title in page.find("title").text
        assert page.find(class_="lead").text == live.standfirst
        verdict = page.find(id="verdict").parent
        assert "No, it is fiction" in verdict.text
        assert "remake" in verdict.text

    def test_byline_names_the_team_and_both_dates(self, page, live):
        byline = page.find(class_="byline").text
        assert "filmsite Editorial Team" in byline
        assert "Published" in byline
        assert "Updated" in byline
        times = page.find(class_="byline").find_all("time")
        assert [t.attrs["datetime"][:10] for t in times] == [
            live.published_at.date().isoformat(),
            live.updated_at.date().isoformat(),
        ]

    def test_meta_description_is_the_spoiler_free_one(self, page, live):
        assert meta_content(page, "description") == live.meta_description

    def test_film_facts(self, page):
        facts = page.find(id="film-facts").parent
        text = facts.text
        assert "7. Koğuştaki Mucize" in text
        assert "Mehmet Ada Öztekin" in text
        assert "Aras Bulut İynemli as Memo" in text
        assert "Nisa Sofiya Aksongur as Ova" in text
        assert "Netflix" in text
        assert "English dub" in text
        assert "8.2/10" in text
        assert "92%" in text
        assert re.search(r"8\.2/10 \(as of \w{3} \d{1,2}, \d{4}\)", text), text
        assert film_url(ORIGINAL_SLUG) in [a.attrs.get("href") for a in facts.find_all("a")]

    def test_numbered_faq(self, page, live):
        faq = page.find(id="faq").parent
        assert faq.tag == "section"
        items = faq.find("ol").find_all("li", class_="faq__item")
        assert [i.find("h3").text for i in items] == [q["question"] for q in live.questions]
        assert len(items) == 8

    def test_disclaimer(self, page):
        disclaimer = page.find(id="disclaimer").parent
        assert "general information" in disclaimer.text
        assert "liability" in disclaimer.text

    def test_sections_in_order_with_a_table_of_contents(self, page, live):
        headings = [
            h.text
            for h in page.find_all("h2")
            if h.attrs.get("id") in {s["anchor"] for s in live.sections}
        ]
        assert headings == [s["heading"] for s in live.sections]
        hrefs = {a.attrs.get("href") for a in page.find_all("a")}
        for section in live.sections:
            assert f"#{section['anchor']}" in hrefs

    def test_fixed_typo_and_latest_update_are_shown(self, page):
        text = page.text
        assert "young daughter Ova" in text
        assert "dauhgter" not in text
        assert "What the ending means (our reading)" in text


class TestSpoilers:
    def test_demo_has_spoilers_to_hide(self, live):
        assert [s["heading"] for s in live.sections if s["is_spoiler"]] == [
            "Plot",
            "Ending explained",
        ]
        assert len(spoiler_sentences(live)) > 10

    def test_spoiler_text_appears_only_inside_nosnippet_details(self, page, live):
        outside = text_outside(page, in_spoiler_block)
        for sentence in spoiler_sentences(live):
            assert sentence in page.text
            assert sentence not in outside
        for word in ENDING_GIVEAWAYS:
            assert word in page.text.lower()
            assert word not in outside.lower(), word

    def test_each_spoiler_block_starts_closed_with_a_warning(self, page):
        blocks = page.find_all("details")
        assert len(blocks) == 5  # Plot, Ending explained, three spoiler answers
        for block in blocks:
            assert "data-nosnippet" in block.attrs
            assert "open" not in block.attrs
            summary = block.find("summary")
            assert summary is not None
            assert "spoiler" in summary.text.lower()
        warnings = [b.find("summary").text for b in blocks]
        assert any("reveals the ending" in w.lower() for w in warnings)

    def test_no_spoiler_in_head(self, page, live):
        head = page.find("head")
        head_text = " ".join(
            [head.find("title").text]
            + [m.attrs.get("content", "") for m in head.find_all("meta")]
            + [s.text for s in page.find_all("script", type="application/ld+json")]
        ).lower()
        for word in ENDING_GIVEAWAYS:
            assert word not in head_text
        for sentence in spoiler_sentences(live):
            assert sentence.lower() not in head_text

    def test_structured_data_is_valid_json_without_spoilers(self, page):
        for script in page.find_all("script", type="application/ld+json"):
            data = json.dumps(json.loads(script.text)).lower()
            for word in ENDING_GIVEAWAYS:
                assert word not in data

    @pytest.mark.parametrize(
        "url",
        [
            reverse("articles:home"),
            reverse("articles:article_list"),
            film_url(TURKISH_SLUG),
            film_url(ORIGINAL_SLUG),
            reverse("articles:author", kwargs={"slug": "editorial-team"}),
        ],
        ids=["home", "article-list", "film", "original-film", "author"],
    )
    def test_no_spoiler_on_other_pages(self, client, live, url):
        html = get(client, url).lower()
        for word in ENDING_GIVEAWAYS:
            assert word not in html, word
        for sentence in spoiler_sentences(live):
            assert sentence.lower() not in html


class TestListings:
    def test_home_lists_the_article(self, client, live):
        page = parse(get(client, reverse("articles:home")))
        links = [a.attrs.get("href") for a in page.find_all("a")]
        assert article_url() in links
        assert live.title in page.text
        assert live.standfirst in page.text

    def test_article_list_lists_only_published_articles(self, client, live):
        html = get(client, reverse("articles:article_list"))
        assert article_url() in html
        assert article_url(DRAFT_SLUG) not in html

    def test_author_page_lists_the_article(self, client, live):
        page = parse(get(client, reverse("articles:author", kwargs={"slug": "editorial-team"})))
        assert page.find("h1").text == "filmsite Editorial Team"
        assert article_url() in [a.attrs.get("href") for a in page.find_all("a")]

    def test_turkish_film_links_its_original_and_its_article(self, client, live):
        page = parse(get(client, film_url(TURKISH_SLUG)))
        links = [a.attrs.get("href") for a in page.find_all("a")]
        assert film_url(ORIGINAL_SLUG) in links
        assert article_url() in links
        assert "7. Koğuştaki Mucize" in page.text

    def test_original_film_lists_its_remakes(self, client, live):
        page = parse(get(client, film_url(ORIGINAL_SLUG)))
        links = [a.attrs.get("href") for a in page.find_all("a")]
        for slug in (
            TURKISH_SLUG,
            "miracle-in-cell-no-7-philippines-2019",
            "miracle-in-cell-no-7-indonesia-2022",
        ):
            assert film_url(slug) in links
        assert "Lee Hwan-kyung" in page.text
        # The demo's unpublished comparison is about this film, but readers cannot see it.
        assert article_url(DRAFT_SLUG) not in links


class TestNotFound:
    @pytest.mark.parametrize(
        "url",
        [
            article_url("no-such-article"),
            film_url("no-such-film"),
            reverse("articles:author", kwargs={"slug": "nobody"}),
            "/no/such/page/",
        ],
    )
    def test_unknown_addresses_get_the_friendly_page(self, client, demo, url):
        response = client.get(url)
        assert response.status_code == 404
        page = parse(response.content.decode())
        assert page.find("h1").text == "We could not find that page"
        assert reverse("articles:home") in [a.attrs.get("href") for a in page.find_all("a")]

    def test_never_published_draft_is_not_found(self, client, demo):
        assert Article.objects.filter(slug=DRAFT_SLUG).exists()
        response = client.get(article_url(DRAFT_SLUG))
        assert response.status_code == 404
        assert "vs. the 2019 Turkish remake" not in response.content.decode()


def test_loading_the_demo_twice_changes_nothing(client, demo, settings):
    from tests.conftest import load_demo

    before = parse(get(client, article_url())).text
    counts = (Article.objects.count(), Revision.objects.count())
    load_demo(settings)
    assert (Article.objects.count(), Revision.objects.count()) == counts
    assert parse(get(client, article_url())).text == before


def test_renaming_the_original_film_refreshes_the_cached_remake_page(client, live, settings):
    """The remake's facts box names the original, so an approved rename of it must show."""
    assert "Miracle in Cell No. 7" in get(client, article_url())
    original = Film.objects.get(slug=ORIGINAL_SLUG)
    settings.DEBUG = True  # the demo moderator signs in only on DEBUG sites
    staff = Client()
    staff.force_login(get_user_model().objects.get(username="moderator"))
    url = reverse("admin:films_film_change", args=[original.pk])
    data = form_values(parse(staff.get(url).content.decode()).find("form", id="film_form"))
    data["title"] = "7beon-bang-ui seonmul"
    assert staff.post(url, data).status_code == 302
    settings.DEBUG = False
    assert "7beon-bang-ui seonmul" not in get(client, article_url())  # until approved
    reference_workflow.approve(
        revision=ReferenceRevision.objects.pending().get(),
        user=get_user_model().objects.get(username="admin"),
    )
    assert "7beon-bang-ui seonmul" in get(client, article_url())


class TestUpdateHistory:
    def test_lists_each_non_minor_update_and_the_first_publication(self, page, live):
        history = page.find(id="updates").parent
        items = history.find_all("li")
        # The demo: first publication, a typo fix (minor, so not listed), an update.
        assert len(items) == 2
        assert live.change_summary in items[0].text
        assert items[-1].text.endswith("First published.")
        dates = [i.find("time").attrs["datetime"][:10] for i in items]
        assert dates == [
            live.updated_at.date().isoformat(),
            live.published_at.date().isoformat(),
        ]

    def test_no_history_block_before_the_first_update(self, client, published_article):
        html = get(client, article_url(published_article.slug))
        assert 'id="updates"' not in html


class TestUnpublished:
    """Unpublishing answers 410 Gone and leaves every listing; nothing is deleted."""

    @pytest.fixture
    def unpublished(self, live):
        from articles import workflow
        from tests.factories import ModeratorFactory

        workflow.unpublish(article=live.article, user=ModeratorFactory())
        return live

    def test_article_address_answers_gone(self, client, unpublished):
        response = client.get(article_url())
        assert response.status_code == 410
        page = parse(response.content.decode())
        assert page.find("h1").text == "This article has been withdrawn"
        assert unpublished.title not in response.content.decode()

    @pytest.mark.parametrize(
        "url",
        [
            reverse("articles:home"),
            reverse("articles:article_list"),
            film_url(TURKISH_SLUG),
            reverse("articles:author", kwargs={"slug": "editorial-team"}),
        ],
        ids=["home", "article-list", "film", "author"],
    )
    def test_gone_from_every_listing(self, client, unpublished, url):
        html = get(client, url)
        assert article_url() not in html
        assert unpublished.title not in html

    def test_nothing_is_deleted(self, unpublished):
        assert Revision.objects.filter(article=unpublished.article).count() == 3
        assert Article.objects.filter(pk=unpublished.article_id).exists()
        assert unpublished.article not in Article.objects.published()


@pytest.mark.parametrize("kind", ["home", "list", "article", "film", "author"])
def test_title_and_description_come_from_the_page_metadata(client, live, kind):
    """One source: the <title> and meta description are the page metadata's, verbatim."""
    urls = {
        "home": reverse("articles:home"),
        "list": reverse("articles:article_list"),
        "article": live.get_absolute_url(),
        "film": live.film.get_absolute_url(),
        "author": live.author.get_absolute_url(),
    }
    response = client.get(urls[kind])
    seo = response.context["seo"]
    html = parse(response.content.decode())
    assert html.find("title").text == seo.title
    assert meta_content(html, "description") == seo.description
    assert meta_content(html, "og:description") == seo.description
