"""What the article page adds for readers: reading time, share links, and
where-to-watch lines per country with the day each was checked."""

from datetime import date, timedelta

import pytest
from django.urls import reverse

from tests.factories import ArticleFactory, AvailabilityFactory, ModeratorFactory, publish
from tests.html import parse
from writing.reading_time import WORDS_PER_MINUTE, reading_minutes, word_count

pytestmark = pytest.mark.django_db


def article_page(client, article):
    response = client.get(reverse("articles:article", kwargs={"slug": article.slug}))
    assert response.status_code == 200
    return parse(response.content.decode())


class TestReadingTime:
    def test_counts_words_not_tags_and_rounds_up(self):
        assert word_count("<p>Memo's <em>daughter</em> Ova</p>") == 3
        assert reading_minutes("word " * WORDS_PER_MINUTE) == 1
        assert reading_minutes("word " * (WORDS_PER_MINUTE + 1)) == 2
        assert reading_minutes("") == 1

    def test_stored_in_the_revision_and_shown_in_the_byline(self, client):
        long_body = "Plain words about the film. " * 200  # 1,000 words: five minutes
        article = ArticleFactory(sections=[{"heading": "Plot", "body": long_body}], questions=0)
        revision = publish(article)
        assert revision.content["reading_minutes"] == 5
        assert "5 min read" in article_page(client, article).find(class_="byline").text

    def test_spoiler_text_counts_too(self):
        hidden = "Words inside the fold. " * 300
        article = ArticleFactory(
            sections=[
                {"heading": "Ending", "body": hidden, "is_spoiler": True, "spoiler_warning": "x"}
            ],
            questions=0,
        )
        assert publish(article).reading_minutes >= 5


class TestShareLinks:
    def test_plain_links_with_the_canonical_address_and_no_outside_script(self, client):
        article = ArticleFactory()
        publish(article)
        page = article_page(client, article)
        canonical = page.find("link", rel="canonical").attrs["href"]
        share = page.find(id="share").parent
        links = [a.attrs["href"] for a in share.find_all("a")]
        assert len(links) >= 4
        assert all(canonical.replace(":", "%3A").replace("/", "%2F") in href for href in links)
        assert share.find("input").attrs["value"] == canonical
        assert "readonly" in share.find("input").attrs
        scripts = [s.attrs.get("src", "") for s in page.find_all("script") if s.attrs.get("src")]
        assert scripts and all(src.startswith("/static/") for src in scripts)


class TestWhereToWatch:
    def test_one_line_per_country_with_its_checked_date(self, client):
        article = ArticleFactory()
        checked = date.today() - timedelta(days=3)
        AvailabilityFactory(
            film=article.film, country="Turkey", service="Netflix", checked_on=checked
        )
        AvailabilityFactory(
            film=article.film,
            country="United States",
            service="Prime Video",
            url="https://example.com/watch",
            checked_on=checked,
        )
        publish(article)
        facts = article_page(client, article).find(id="film-facts").parent
        lines = [li.text for li in facts.find(class_="facts__watch").find_all("li")]
        assert lines[0].startswith("Turkey: Netflix")
        assert lines[1].startswith("United States: Prime Video")
        assert all("checked" in line for line in lines)
        links = {a.text: a.attrs["href"] for a in facts.find(class_="facts__watch").find_all("a")}
        assert links == {"Prime Video": "https://example.com/watch"}

    def test_confirming_the_facts_shows_the_new_date_at_once(self, client):
        article = ArticleFactory()
        AvailabilityFactory(film=article.film, checked_on=date(2020, 1, 2))
        publish(article)
        assert "Jan 2, 2020" in article_page(client, article).find(class_="facts__watch").text
        staff = type(client)()
        staff.force_login(ModeratorFactory())
        response = staff.post(
            reverse("admin:films_film_changelist"),
            {"action": "confirm_facts_action", "_selected_action": [article.film_id]},
        )
        assert response.status_code == 302
        assert "Jan 2, 2020" not in article_page(client, article).find(class_="facts__watch").text
