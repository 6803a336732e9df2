"""Imported, approved, read: what readers get from an imported article."""

import pytest
from django.urls import reverse

from articles import workflow
from articles.models import Revision
from tests.factories import FilmFactory, ModeratorFactory
from tests.html import parse
from tests.transfer.conftest import FIXTURES, run

pytestmark = pytest.mark.django_db


def approve_everything():
    moderator = ModeratorFactory()
    for pending in Revision.objects.pending():
        workflow.approve(revision=pending, user=moderator)


def test_markdown_import_then_approval_gives_the_full_page_with_the_original_dates(
    client, markdown_folder, importer
):
    result = run(
        "import_articles", markdown_folder, "--user", "importer", "--create-films",
        "--create-authors",
    )  # fmt: skip
    assert result.error is None, result.lines
    url = reverse("articles:article", args=["is-miracle-in-cell-no-7-2019-a-true-story"])
    assert client.get(url).status_code == 404, "nothing is public before a moderator approves"

    approve_everything()
    page = parse(client.get(url).content.decode())

    headings = [h.text for h in page.find_all("h2")]
    for heading in (
        "The film in brief",
        "Plot",
        "Ending Explained",
        "Miracle in Cell No. 7 – FAQs",
    ):
        assert heading in headings
    folded = page.find_all("details", class_="spoiler")
    assert len(folded) == 4  # Plot, Ending Explained and two spoiler answers
    assert all("open" not in d.attrs and "data-nosnippet" in d.attrs for d in folded)
    assert "Reveals the ending" in folded[1].find("summary").text
    assert "Yusuf Aga takes Memo\u2019s place" in folded[1].text  # the renderer's smart quote

    faq = page.find("ol", class_="faq__list")
    assert [q.text for q in faq.find_all("h3")] == [
        "Is it on Netflix?",
        "Who dies at the end?",
        "What is Ova holding on her wedding day?",
    ]
    byline = page.find("p", class_="byline")
    times = [t.attrs["datetime"] for t in byline.find_all("time")]
    assert times == ["2023-05-02T08:30:00+00:00", "2024-02-10T17:45:00+00:00"]
    assert page.find("img", alt="Inmates watching over Memo in the prison yard")


def test_wordpress_import_then_approval(client, importer):
    FilmFactory(slug="the-lighthouse-keeper", title="The Lighthouse Keeper")
    FilmFactory(slug="second-harvest-2021", title="Second Harvest")
    wordpress = FIXTURES / "wordpress"
    result = run(
        "import_wordpress", wordpress / "small-site.xml", "--user", "importer",
        "--media", wordpress / "uploads",
    )  # fmt: skip
    assert result.error is None, result.lines
    approve_everything()
    page = parse(client.get("/articles/lighthouse-keeper-true-story/").content.decode())
    folded = page.find_all("details", class_="spoiler")
    assert [d.find("summary").text for d in folded] == [
        "Spoiler warning: Reveals the ending. Show this section",
        "Spoiler warning: this answer gives away the plot. Show the answer",
    ]
    assert "supply boat" in folded[0].text
    assert [q.text for q in page.find("ol", class_="faq__list").find_all("h3")] == [
        "Where was it filmed?",
        "Does the keeper leave?",
    ]
    times = [t.attrs["datetime"] for t in page.find("p", class_="byline").find_all("time")]
    assert times == ["2024-03-04T09:15:00+00:00", "2024-06-20T13:00:00+00:00"]
    assert page.find("img", alt="The lighthouse at dusk")
