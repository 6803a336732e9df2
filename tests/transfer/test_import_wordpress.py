"""manage.py import_wordpress: a WXR export into articles, and hostile files refused."""

import pytest

from articles.models import Article, Revision
from films.models import Author
from tests.factories import FilmFactory
from tests.transfer.conftest import FIXTURES, run

pytestmark = pytest.mark.django_db

WORDPRESS = FIXTURES / "wordpress"
EXPORT = WORDPRESS / "small-site.xml"


@pytest.fixture
def films(db):
    FilmFactory(slug="the-lighthouse-keeper", title="The Lighthouse Keeper")  # a tag names it
    FilmFactory(slug="second-harvest-2021", title="Second Harvest")  # the "film" custom field


def import_export(*extra, path=EXPORT):
    return run("import_wordpress", path, "--user", "importer", *extra)


def test_posts_become_articles_for_review_and_their_author_an_author(films, importer):
    result = import_export("--media", WORDPRESS / "uploads")
    assert result.error is None, result.lines
    assert result.out.splitlines()[-1].startswith(
        "2 created, 0 updated, 0 unchanged, 1 skipped, 0 failed"
    )
    assert "post 103 “A draft about another film”: skipped (draft; use --include-drafts)" in (
        result.out
    )
    assert (
        "Categories and tags not kept (filmsite has no place for them yet): Explainers, Remakes"
        in result.out
    )
    author = Author.objects.get()
    assert (author.slug, author.name) == ("ayse", "Ayşe Yıldız")
    assert set(Revision.objects.values_list("status", flat=True)) == {Revision.Status.PENDING}

    keeper = Article.objects.get(slug="lighthouse-keeper-true-story")
    assert keeper.film.slug == "the-lighthouse-keeper"
    assert keeper.standfirst.startswith("No: The Lighthouse Keeper is fiction")
    assert keeper.meta_description.startswith("Is The Lighthouse Keeper based on")  # Yoast
    assert (keeper.verdict, keeper.verdict_explanation) == (
        "no",
        "The keeper and his island were made up for the film.",
    )
    sections = list(keeper.sections.values_list("heading", "is_spoiler", "spoiler_warning"))
    assert sections == [
        ("Introduction", False, ""),
        ("Is it a true story?", False, ""),
        ("Ending explained", True, "Reveals the ending"),  # a <details> block
    ]
    body = keeper.sections.get(heading="Is it a true story?").body
    assert "The island and the keeper are *invented*." in body
    assert '"The lighthouse in the film\'s first scene")' in body  # [caption] became the title
    assert "/media/images/" in body and "wp-content" not in body
    assert "wp:paragraph" not in "".join(keeper.sections.values_list("body", flat=True))
    questions = list(keeper.questions.values_list("question", "answer", "is_spoiler"))
    assert questions == [  # a Yoast FAQ block, one answer in [spoiler]
        ("Where was it filmed?", "On a real island, although the story is invented.", False),
        ("Does the keeper leave?", "Yes, in the spring.", True),
    ]

    harvest = Article.objects.get(slug="second-harvest")
    assert harvest.film.slug == "second-harvest-2021"
    assert harvest.verdict == "inspired"
    assert harvest.standfirst == "Second Harvest is about a farming family over two summers."
    assert list(
        harvest.sections.values_list("heading", "body", "is_spoiler", "spoiler_warning")
    ) == [
        ("Introduction", "It was shot in one valley.", False, ""),
        ("Plot", "The family sells the farm, then buys it back.", True, "Reveals the plot"),
    ]  # [spoiler title="…"]; the "Frequently asked questions" heading became the FAQ
    assert list(harvest.questions.values_list("question", flat=True)) == ["Is it based on a book?"]


def test_publish_keeps_the_publish_and_modified_dates(films, administrator):
    result = run(
        "import_wordpress", EXPORT, "--user", "administrator", "--publish",
        "--media", WORDPRESS / "uploads",
    )  # fmt: skip
    assert result.error is None, result.lines
    keeper = Revision.objects.live().get(slug="lighthouse-keeper-true-story")
    assert keeper.published_at.isoformat() == "2024-03-04T09:15:00+00:00"
    assert keeper.updated_at.isoformat() == "2024-06-20T13:00:00+00:00"
    harvest = Revision.objects.live().get(slug="second-harvest")
    assert not harvest.has_later_update  # modified = published: no update to show


def test_drafts_only_when_asked_and_pictures_only_from_media(films, importer):
    result = import_export("--include-drafts", "--film", "second-harvest-2021", "--verdict", "no")
    assert result.error
    errors = result.err.splitlines()
    assert any(
        f"{EXPORT}:37: post 101 “Is The Lighthouse Keeper a true story? Ending explained”: "
        "the picture https://films.example.org/wp-content/uploads/2024/03/"
        "lighthouse.png needs its file: give the uploads folder with --media" in line
        for line in errors
    ), errors
    assert any("post 103" in line and "verdict explanation" in line for line in errors), errors
    assert list(Article.objects.values_list("slug", flat=True)) == ["second-harvest"]


@pytest.mark.parametrize("name", ["billion-laughs.xml", "external-entity.xml"])
def test_xml_bombs_and_external_entities_are_refused(importer, name):
    result = import_export(path=WORDPRESS / name)
    assert result.error.startswith(f"{WORDPRESS / name}:1: refused: the file declares a DTD")
    assert "root:" not in result.out + result.err + result.error  # /etc/passwd never read
    assert not Article.objects.exists()


def test_a_fifty_megabyte_export_and_broken_xml_are_refused(tmp_path, importer):
    huge = tmp_path / "huge.xml"
    with huge.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    assert "the file is 50.0 MB; the limit is 32 MB" in import_export(path=huge).error
    broken = tmp_path / "broken.xml"
    broken.write_text('<?xml version="1.0"?>\n<rss>\n<channel>\n<item>\n</rss>\n')
    assert import_export(path=broken).error.startswith(f"{broken}:5: not well-formed XML")
