"""JSON-LD, canonical links, Open Graph and Twitter cards, parsed and checked."""

import json

import pytest
from django.urls import reverse

from articles.models import Revision
from discovery.social import article_image, film_image
from tests.conftest import DEMO_ARTICLE_SLUG
from tests.html import meta_content, parse

pytestmark = pytest.mark.django_db

ARTICLE_URL = reverse("articles:article", kwargs={"slug": DEMO_ARTICLE_SLUG})
REMAKE_URL = reverse("articles:film", kwargs={"slug": "miracle-in-cell-no-7-2019"})
ORIGINAL_URL = reverse("articles:film", kwargs={"slug": "miracle-in-cell-no-7-2013"})
AUTHOR_URL = reverse("articles:author", kwargs={"slug": "editorial-team"})


@pytest.fixture
def live(demo):
    return Revision.objects.live().select_related("film", "author").get(slug=DEMO_ARTICLE_SLUG)


def fetch(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return parse(response.content.decode())


def graph_of(page):
    scripts = page.find_all("script", type="application/ld+json")
    assert len(scripts) == 1, "one JSON-LD document per page"
    document = json.loads(scripts[0].text)
    assert document["@context"] == "https://schema.org"
    graph = document["@graph"]
    return {node["@id"]: node for node in graph}, graph


def of_type(graph, kind):
    return [n for n in graph if kind == n["@type"] or kind in n["@type"]]


def check_references_resolve(nodes, graph):
    """Every {"@id": …} reference points at a node in the same graph."""

    def refs(value):
        if isinstance(value, dict):
            if set(value) == {"@id"}:
                yield value["@id"]
            else:
                for item in value.values():
                    yield from refs(item)
        elif isinstance(value, list):
            for item in value:
                yield from refs(item)

    for node in graph:
        for ref in refs({k: v for k, v in node.items() if k != "@id"}):
            assert ref in nodes, f"{node['@id']} refers to missing {ref}"


def absolute(settings, path):
    return settings.SITE_URL + path


class TestArticlePage:
    def test_graph_has_every_required_node(self, client, live, settings):
        nodes, graph = graph_of(fetch(client, ARTICLE_URL))
        check_references_resolve(nodes, graph)
        site = settings.SITE_URL + "/"
        url = absolute(settings, ARTICLE_URL)

        org = nodes[site + "#organization"]
        assert org["@type"] == "Organization" and org["name"] == settings.SITE_NAME
        website = nodes[site + "#website"]
        assert website["@type"] == "WebSite"
        assert website["publisher"] == {"@id": org["@id"]}

        page = nodes[url + "#webpage"]
        assert page["@type"] == "WebPage"
        assert page["url"] == url
        assert page["isPartOf"] == {"@id": website["@id"]}
        crumbs = nodes[page["breadcrumb"]["@id"]]
        assert crumbs["@type"] == "BreadcrumbList"
        items = crumbs["itemListElement"]
        assert [i["position"] for i in items] == [1, 2, 3]
        assert items[0]["item"] == site
        assert items[-1] == {"@type": "ListItem", "position": 3, "name": live.title, "item": url}

    def test_article_node(self, client, live, settings):
        nodes, _graph = graph_of(fetch(client, ARTICLE_URL))
        url = absolute(settings, ARTICLE_URL)
        article = nodes[url + "#article"]
        assert article["@type"] == "Article"
        assert article["headline"] == live.title
        assert article["description"] == live.meta_description
        assert article["datePublished"] == live.published_at.replace(microsecond=0).isoformat()
        # dateModified follows the "Updated" rule: the newest non-minor revision.
        assert article["dateModified"] == live.modified_at.replace(microsecond=0).isoformat()
        assert article["dateModified"] != article["datePublished"]
        assert article["publisher"] == {"@id": settings.SITE_URL + "/#organization"}
        assert article["mainEntityOfPage"] == {"@id": url + "#webpage"}
        assert article["image"] == article_image(live).url  # the demo article's hero image

        author = nodes[article["author"]["@id"]]
        assert author["@type"] == "Person"
        assert author["name"] == "filmsite Editorial Team"
        assert author["url"] == absolute(settings, AUTHOR_URL)

    def test_about_the_movie_with_director_actors_and_original(self, client, live, settings):
        nodes, _graph = graph_of(fetch(client, ARTICLE_URL))
        article = nodes[absolute(settings, ARTICLE_URL) + "#article"]
        movie = nodes[article["about"]["@id"]]
        assert movie["@type"] == "Movie"
        assert movie["name"] == "Miracle in Cell No. 7"
        assert movie["alternateName"] == "7. Koğuştaki Mucize"
        assert movie["director"] == {"@type": "Person", "name": "Mehmet Ada Öztekin"}
        assert {"@type": "Person", "name": "Aras Bulut İynemli"} in movie["actor"]
        assert {"@type": "Person", "name": "Nisa Sofiya Aksongur"} in movie["actor"]
        original = nodes[movie["isBasedOn"]["@id"]]
        assert original["@type"] == "Movie"
        assert original["dateCreated"] == "2013"
        assert original["director"]["name"] == "Lee Hwan-kyung"

    def test_faq_page_has_only_the_visible_questions(self, client, live, settings):
        _nodes, graph = graph_of(fetch(client, ARTICLE_URL))
        (faq,) = of_type(graph, "FAQPage")
        names = [q["name"] for q in faq["mainEntity"]]
        visible = [q["question"] for q in live.questions if not q["is_spoiler"]]
        assert names == visible
        assert len(visible) < len(live.questions)  # the demo has spoiler answers too
        for question in faq["mainEntity"]:
            assert question["@type"] == "Question"
            assert question["acceptedAnswer"]["@type"] == "Answer"
            assert question["acceptedAnswer"]["text"]
            assert "<" not in question["acceptedAnswer"]["text"]

    def test_no_claim_review_and_no_aggregate_rating(self, client, live):
        text = fetch(client, ARTICLE_URL).find("script", type="application/ld+json").text
        assert "ClaimReview" not in text
        assert "aggregateRating" not in text
        assert "Rating" not in text

    def test_meta_tags(self, client, live, settings):
        page = fetch(client, ARTICLE_URL)
        url = absolute(settings, ARTICLE_URL)
        assert page.find("link", rel="canonical").attrs["href"] == url
        assert meta_content(page, "description") == live.meta_description
        assert meta_content(page, "og:type") == "article"
        assert meta_content(page, "og:title") == live.title
        assert meta_content(page, "og:description") == live.meta_description
        assert meta_content(page, "og:url") == url
        assert meta_content(page, "og:site_name") == settings.SITE_NAME
        assert meta_content(page, "article:published_time") == (
            live.published_at.replace(microsecond=0).isoformat()
        )
        assert meta_content(page, "article:modified_time") == (
            live.modified_at.replace(microsecond=0).isoformat()
        )
        assert meta_content(page, "og:image") == article_image(live).url
        assert meta_content(page, "og:image:width") == str(article_image(live).width)
        assert meta_content(page, "og:image:alt") == article_image(live).alt
        assert meta_content(page, "twitter:card") == "summary_large_image"
        assert meta_content(page, "twitter:title") == live.title
        assert meta_content(page, "twitter:description") == live.meta_description
        assert meta_content(page, "robots") == ""  # indexable

    def test_byline_and_metadata_state_the_same_updated_date(self, client, live):
        page = fetch(client, ARTICLE_URL)
        times = [t.attrs["datetime"] for t in page.find(class_="byline").find_all("time")]
        assert times[-1] == meta_content(page, "article:modified_time")

    def test_feed_links_in_head(self, client, live):
        page = fetch(client, ARTICLE_URL)
        feeds = {
            link.attrs["href"]: link.attrs["type"]
            for link in page.find("head").find_all("link", rel="alternate")
        }
        assert feeds[reverse("discovery:feed_rss")] == "application/rss+xml"
        assert feeds[reverse("discovery:feed_atom")] == "application/atom+xml"
        film_feed = reverse("discovery:film_feed_rss", kwargs={"slug": live.film.slug})
        assert feeds[film_feed] == "application/rss+xml"


def test_hero_is_the_article_image_and_the_poster_the_movie_image(client, live, settings):
    page = fetch(client, ARTICLE_URL)
    hero, poster = article_image(live).url, film_image(live.film).url
    assert hero != poster
    assert hero.startswith(settings.SITE_URL + "/") and hero.endswith((".jpg", ".png"))
    assert meta_content(page, "og:image") == hero
    nodes, _graph = graph_of(page)
    article = nodes[absolute(settings, ARTICLE_URL) + "#article"]
    assert article["image"] == hero
    assert nodes[article["about"]["@id"]]["image"] == poster


def test_without_a_hero_the_poster_stands_for_the_article(client, live):
    Revision.objects.filter(pk=live.pk).update(content={**live.content, "hero": None})
    page = fetch(client, ARTICLE_URL)
    assert meta_content(page, "og:image") == film_image(live.film).url


@pytest.mark.parametrize(
    ("url", "page_type", "main_type"),
    [
        (REMAKE_URL, "WebPage", "Movie"),
        (ORIGINAL_URL, "WebPage", "Movie"),
        (AUTHOR_URL, "ProfilePage", "Person"),
        (reverse("articles:article_list"), "CollectionPage", None),
        (reverse("articles:home"), "WebPage", None),
    ],
    ids=["film", "original-film", "author", "article-list", "home"],
)
def test_other_pages_have_one_graph(client, live, settings, url, page_type, main_type):
    page = fetch(client, url)
    nodes, graph = graph_of(page)
    check_references_resolve(nodes, graph)
    full = absolute(settings, url)
    webpage = nodes[full + "#webpage"]
    assert webpage["@type"] == page_type
    assert nodes[webpage["breadcrumb"]["@id"]]["@type"] == "BreadcrumbList"
    assert of_type(graph, "Organization") and of_type(graph, "WebSite")
    assert not of_type(graph, "Article")
    if main_type:
        assert nodes[webpage["mainEntity"]["@id"]]["@type"] == main_type
    assert page.find("link", rel="canonical").attrs["href"] == full
    assert meta_content(page, "og:url") == full


def test_remake_page_points_at_its_original(client, live, settings):
    nodes, _graph = graph_of(fetch(client, REMAKE_URL))
    movie = nodes[absolute(settings, REMAKE_URL) + "#movie"]
    assert movie["isBasedOn"] == {"@id": absolute(settings, ORIGINAL_URL) + "#movie"}


def test_json_ld_cannot_close_its_script_element(client, live):
    live.film.__class__.objects.filter(pk=live.film_id).update(
        title="</script><script>alert(1)</script>"
    )
    html = client.get(ARTICLE_URL).content.decode()
    head = html[: html.index("</head>")]
    assert "<script>alert(1)" not in head
    assert json.loads(parse(html).find("script", type="application/ld+json").text)


def test_preview_is_noindex_without_canonical_or_json_ld(client, live, settings):
    from tests.factories import SuperuserFactory

    client.force_login(SuperuserFactory())
    url = reverse("admin:articles_article_preview", args=[live.article_id])
    response = client.get(url)
    assert response.status_code == 200
    page = parse(response.content.decode())
    assert "noindex" in meta_content(page, "robots")
    assert response["X-Robots-Tag"] == "noindex"
    assert page.find("link", rel="canonical") is None
    assert page.find("script", type="application/ld+json") is None


def test_not_found_page_is_noindex(client, live):
    response = client.get("/articles/no-such-article/")
    assert response.status_code == 404
    page = parse(response.content.decode())
    assert meta_content(page, "robots") == "noindex"
    assert page.find("link", rel="canonical") is None


def test_canonical_ignores_tracking_parameters(client, live, settings):
    page = fetch(client, reverse("articles:article_list") + "?utm_source=newsletter")
    assert page.find("link", rel="canonical").attrs["href"] == (
        settings.SITE_URL + reverse("articles:article_list")
    )
