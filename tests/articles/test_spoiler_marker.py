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
from io import StringIO

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
# "Qzx" and the first letters of each marker: enough to catch a marker cut
# short in an excerpt, too long to turn up by chance in a random CSRF token or
# CSP nonce (plain "Qzx" did, now and then).
ALL_MARKERS = re.compile(
    "qzx(?:" + "|".join(re.escape(m[3:7]) for m in MARKERS.values()) + ")", re.IGNORECASE
)


@pytest.fixture(params=["written in the admin", "imported from Markdown"])
def spoiled(request, db, tmp_path):
    """A published article with a marker in every spoiler field, and a remake film.

    Once as editors write it, once imported from a Markdown file (both spoiler
    markers, both ways of marking an answer) and approved.
    """
    original = FilmFactory(title="Marker Original", slug="marker-original", year=2013)
    film = FilmFactory(title="Marker Film", slug="marker-film", adaptation_of=original)
    CreditFactory(film=film, actor="An Actor", character="A Character")
    if request.param == "imported from Markdown":
        return imported_article(tmp_path)
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


IMPORTED = """---
title: Is Marker Film a true story? Plot and ending explained
slug: is-marker-film-a-true-story
film: marker-film
author: {author}
verdict: "no"
verdict_explanation: The film is an *invented* story.
standfirst: "No: it is fiction, and this paragraph says so up front."
meta_description: Whether the film is a true story, without spoilers.
---

## The film in brief

A spoiler-free introduction.

## Plot {{.spoiler warning="reveals the plot"}}

The middle of the story: {plot section text} happens.

![A still showing {plot section image alt}](still.png)

## Ending explained

:::spoiler reveals the ending
In the end {ending section text} and **{ending section emphasis}**.
:::

## FAQs

### Is it on Netflix?

Yes, in most countries.

### How does it end? {{.spoiler}}

It ends with {spoiler FAQ answer}.

### Who survives?

:::spoiler
- {second spoiler FAQ answer}
:::
"""


def imported_article(folder):
    from django.core.management import call_command

    from articles import workflow
    from articles.models import Article
    from tests.factories import AuthorFactory, EditorFactory, ModeratorFactory
    from tests.transfer.conftest import FIXTURES

    author = AuthorFactory()
    (folder / "still.png").write_bytes((FIXTURES / "markdown/images/prison-yard.png").read_bytes())
    (folder / "marker.md").write_text(IMPORTED.format(author=author.slug, **MARKERS))
    EditorFactory(username="importer")
    call_command("import_articles", str(folder), "--user", "importer", stdout=StringIO())
    article = Article.objects.get(slug="is-marker-film-a-true-story")
    workflow.approve(revision=article.revisions.pending().get(), user=ModeratorFactory())
    return article


def public_urls(article):
    from articles.hubs import hub_for
    from tests.factories import ArticleFactory, ModeratorFactory, publish
    from topics.models import Topic

    film, author = article.film, article.author
    topic, _ = Topic.objects.get_or_create(
        slug="markers", defaults={"name": "Markers", "intro": "-"}
    )
    topic.articles.add(article)
    topic.films.add(film)
    # Another explainer of the same story, whose "Read next" lists the spoiled one.
    neighbour = ArticleFactory(film=film.adaptation_of, slug="neighbour")
    publish(neighbour, user=ModeratorFactory())
    return {
        "verdict hub": reverse("articles:hub", kwargs={"slug": hub_for(article.verdict).slug}),
        "topic": topic.get_absolute_url(),
        "topics": reverse("topics:index"),
        "related on another article": reverse("articles:article", args=[neighbour.slug]),
        "topics sitemap": reverse("discovery:sitemap_section", kwargs={"section": "topics"}),
        "home": reverse("articles:home"),
        "article list": reverse("articles:article_list"),
        "film": film.get_absolute_url(),
        "original film": film.adaptation_of.get_absolute_url(),
        "author": author.get_absolute_url(),
        "RSS": reverse("discovery:feed_rss"),
        "Atom": reverse("discovery:feed_atom"),
        "film RSS": reverse("discovery:film_feed_rss", kwargs={"slug": film.slug}),
        "film Atom": reverse("discovery:film_feed_atom", kwargs={"slug": film.slug}),
        "original film RSS": reverse(
            "discovery:film_feed_rss", kwargs={"slug": film.adaptation_of.slug}
        ),
        "sitemap": reverse("discovery:sitemap"),
        "robots.txt": reverse("discovery:robots"),
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
        "verdict hub",
        "topic",
        "topics",
        "related on another article",
        "topics sitemap",
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
        "suggest a correction", "verdict hub", "topic", "related on another article",
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
