"""Spoilers carried end to end: a marker planted in every spoiler field
appears in exactly one place, inside its folded block on the article page.

Decision (see README): the *spoiler fields* are the bodies of spoiler
sections (their text, and the alt text of images inside them) and the
answers of spoiler FAQ questions. Section headings, FAQ questions and the
spoiler warnings ("reveals the ending") are spoiler-free by design: they are
shown outside the fold so readers know what is hidden, and the pre-publish
check (articles/spoiler_check.py) checks them like any other public field.
"""

import re

import pytest
from django.urls import reverse

from articles import spoiler_check
from tests.factories import ArticleFactory, CreditFactory, FilmFactory, UserFactory, publish
from tests.html import parse

pytestmark = pytest.mark.django_db

MARKERS = {
    "plot section text": "Qzxplotmarker",
    "plot section image alt": "Qzxaltmarker",
    "ending section text": "Qzxendingmarker",
    "ending section emphasis": "Qzxboldmarker",
    "spoiler FAQ answer": "Qzxanswermarker",
    "second spoiler FAQ answer": "Qzxsecondanswermarker",
}
ALL_MARKERS = re.compile("Qzx", re.IGNORECASE)


@pytest.fixture
def spoiled(db):
    """A published article with a marker in every spoiler field, and a remake film."""
    original = FilmFactory(title="Marker Original", slug="marker-original", year=2013)
    film = FilmFactory(title="Marker Film", slug="marker-film", adaptation_of=original)
    CreditFactory(film=film, actor="An Actor", character="A Character")
    m = MARKERS
    article = ArticleFactory(
        film=film,
        slug="is-marker-film-a-true-story",
        title="Is Marker Film a true story? Plot and ending explained",
        sections=[
            {"heading": "The film in brief", "body": "A spoiler-free introduction."},
            {
                "heading": "Plot",
                "body": f"The middle of the story: {m['plot section text']} happens.\n\n"
                f"![A still showing {m['plot section image alt']}](/media/still.jpg)",
                "is_spoiler": True,
                "spoiler_warning": "reveals the plot",
            },
            {
                "heading": "Ending explained",
                "body": f"In the end {m['ending section text']} and "
                f"**{m['ending section emphasis']}**.",
                "is_spoiler": True,
                "spoiler_warning": "reveals the ending",
            },
        ],
        questions=[
            {"question": "Is it on Netflix?", "answer": "Yes, in most countries."},
            {
                "question": "How does it end?",
                "answer": f"It ends with {m['spoiler FAQ answer']}.",
                "is_spoiler": True,
            },
            {
                "question": "Who survives?",
                "answer": f"- {m['second spoiler FAQ answer']}",
                "is_spoiler": True,
            },
        ],
    )
    publish(article)
    return article


def public_urls(article):
    film, author = article.film, article.author
    return {
        "home": reverse("articles:home"),
        "article list": reverse("articles:article_list"),
        "film": film.get_absolute_url(),
        "original film": film.adaptation_of.get_absolute_url(),
        "author": author.get_absolute_url(),
        "RSS": reverse("articles:feed_rss"),
        "Atom": reverse("articles:feed_atom"),
        "film RSS": reverse("articles:film_feed_rss", kwargs={"slug": film.slug}),
        "film Atom": reverse("articles:film_feed_atom", kwargs={"slug": film.slug}),
        "original film RSS": reverse(
            "articles:film_feed_rss", kwargs={"slug": film.adaptation_of.slug}
        ),
        "sitemap": reverse("articles:sitemap"),
        "robots.txt": reverse("articles:robots"),
        "suggest a correction": reverse("corrections:suggest", kwargs={"slug": article.slug}),
    }


def in_spoiler_body(node):
    return "spoiler__body" in node.classes


def everything_outside(page, inside):
    """Text, script contents and attribute values of every node not ``inside``."""
    parts = []

    def walk(node):
        for child in node.children:
            if isinstance(child, str):
                parts.append(child)
            elif not inside(child):
                parts.extend(f"{name}={value}" for name, value in child.attrs.items())
                walk(child)

    walk(page)
    return "\n".join(parts)


def test_markers_are_in_the_article_only_inside_folded_blocks(client, spoiled):
    response = client.get(spoiled_url := reverse("articles:article", args=[spoiled.slug]))
    assert response.status_code == 200, spoiled_url
    page = parse(response.content.decode())

    outside = everything_outside(page, in_spoiler_body)
    assert not ALL_MARKERS.search(outside), ALL_MARKERS.findall(outside)

    bodies = page.find_all(class_="spoiler__body")
    inside = "\n".join(everything_outside(body, lambda node: False) for body in bodies)
    for field, marker in MARKERS.items():
        assert marker in inside, f"the {field} is missing from its spoiler block"
    for body in bodies:
        details = next(a for a in body.ancestors() if a.tag == "details")
        assert "open" not in details.attrs
        assert "data-nosnippet" in details.attrs
        assert "data-nosnippet" in body.attrs


def test_head_meta_and_json_ld_carry_no_marker(client, spoiled):
    html = client.get(reverse("articles:article", args=[spoiled.slug])).content.decode()
    head = html[: html.index("</head>")]
    assert 'type="application/ld+json"' in head
    assert "og:description" in head
    assert not ALL_MARKERS.search(head)


@pytest.mark.parametrize(
    "name",
    [
        "home",
        "article list",
        "film",
        "original film",
        "author",
        "RSS",
        "Atom",
        "film RSS",
        "film Atom",
        "original film RSS",
        "sitemap",
        "robots.txt",
        "suggest a correction",
    ],
)
def test_no_marker_in_any_other_public_url_or_format(client, spoiled, name):
    url = public_urls(spoiled)[name]
    response = client.get(url)
    assert response.status_code == 200, url
    body = response.content.decode()
    assert not ALL_MARKERS.search(body), (url, ALL_MARKERS.findall(body))
    if name in {
        "home", "article list", "film", "author", "RSS", "Atom", "film RSS",
        "suggest a correction",
    }:  # fmt: skip
        # The article is listed there: the check is not vacuous.
        assert spoiled.title in body


def test_no_marker_on_the_not_found_page(client, spoiled):
    response = client.get("/articles/is-marker-film-a-true-story-not/")
    assert response.status_code == 404
    assert not ALL_MARKERS.search(response.content.decode())


def test_no_marker_in_staff_mail(spoiled, mailoutbox, django_capture_on_commit_callbacks):
    """Mail about the article (a reader's correction today) names it by spoiler-free fields."""
    from corrections.services import submit_correction

    spoiled.author.user = UserFactory(email="author@example.org")
    spoiled.author.save()
    with django_capture_on_commit_callbacks(execute=True):
        submit_correction(
            article=spoiled, message="A typo in the first section.", email="", client_key="t"
        )
        spoiled.standfirst = "A new, still spoiler-free answer up front."
        spoiled.save()
        publish(spoiled, change_summary="Second look.")
    assert mailoutbox, "the correction should have been mailed to the author"
    for message in mailoutbox:
        assert spoiled.title in message.subject + message.body
        assert not ALL_MARKERS.search(message.subject + message.body)


def test_the_pre_publish_check_finds_no_leak_in_this_article(spoiled):
    assert spoiler_check.check_article(spoiled) == []
