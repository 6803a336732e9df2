"""manage.py import_articles: Markdown files into working copies and the review queue."""

import shutil

import pytest

from articles.models import Article, Revision
from faq.models import Question
from films.models import Author, Film
from images.models import Image
from tests.factories import AuthorFactory, EditorFactory, FilmFactory
from tests.transfer.conftest import FIXTURES, run

pytestmark = pytest.mark.django_db

BAD = FIXTURES / "bad"
CREATE = ("--create-films", "--create-authors")


def import_fixtures(folder, *extra, user="importer"):
    return run("import_articles", folder, "--user", user, *CREATE, *extra)


def test_an_import_is_a_working_copy_plus_a_pending_revision(markdown_folder, importer):
    result = import_fixtures(markdown_folder)
    assert result.error is None, result.lines
    assert result.out.splitlines()[-1].startswith(
        "2 created, 0 updated, 0 unchanged, 0 skipped, 0 failed"
    )
    article = Article.objects.get(slug="is-miracle-in-cell-no-7-2019-a-true-story")
    assert [s.heading for s in article.sections.all()] == [
        "The film in brief",
        "Is Miracle in Cell No. 7 a true story?",
        "Plot",
        "Ending Explained",
    ]
    assert article.questions.count() == 3
    revision = article.revisions.get()
    assert revision.status == Revision.Status.PENDING
    assert revision.created_by == importer
    assert not Revision.objects.live().exists()  # nothing reaches readers before review
    film = article.film
    assert (film.original_title, film.director) == ("7. Koğuştaki Mucize", "Mehmet Ada Öztekin")
    assert film.adaptation_of.slug == "miracle-in-cell-no-7-2013"  # created later in the import
    assert [(c.actor, c.character) for c in film.cast.all()] == [
        ("Aras Bulut İynemli", "Memo"),
        ("Nisa Sofiya Aksongur", "Ova"),
    ]
    assert film.ratings.get().display_value == "8.2/10"
    assert article.author.name == "The Editorial Team"


def test_pictures_go_through_the_upload_checks(markdown_folder, importer):
    import_fixtures(markdown_folder)
    article = Article.objects.get(slug="is-miracle-in-cell-no-7-2019-a-true-story")
    hero = article.hero_image
    assert hero.alt_text == "Memo and Ova on a hillside above the sea"
    assert (hero.caption, hero.credit) == (
        "Memo and Ova before the trial",
        "Illustration: filmsite",
    )
    assert hero.renditions, "stored with renditions like an upload"
    body = article.sections.get(heading="Is Miracle in Cell No. 7 a true story?").body
    assert "images/prison-yard.png" not in body
    assert f"/media/images/{Image.objects.exclude(pk=hero.pk).get().key}/" in body
    html = article.revisions.get().sections[1]["html"]
    assert "<picture>" in html and 'alt="Inmates watching over Memo in the prison yard"' in html


def test_a_picture_that_is_not_an_image_fails_the_article(markdown_folder, importer):
    (markdown_folder / "images" / "prison-yard.png").write_text("<svg onload=alert(1)>")
    result = import_fixtures(markdown_folder)
    assert result.error
    assert any(
        "miracle-in-cell-no-7.md:57: the picture “images/prison-yard.png” is an SVG" in line
        for line in result.lines
    ), result.lines
    assert not Article.objects.filter(slug="is-miracle-in-cell-no-7-2019-a-true-story").exists()
    assert not Film.objects.filter(slug="miracle-in-cell-no-7-2019").exists()
    assert not Image.objects.exists(), "not even the hero image of the failed article is kept"


def test_reimporting_unchanged_files_changes_nothing(markdown_folder, importer):
    import_fixtures(markdown_folder)
    before = list(Revision.objects.values_list("pk", "status"))
    versions = list(Article.objects.values_list("pk", "version"))
    result = import_fixtures(markdown_folder)
    assert result.out.splitlines()[-1].startswith("0 created, 0 updated, 2 unchanged")
    assert list(Revision.objects.values_list("pk", "status")) == before
    assert list(Article.objects.values_list("pk", "version")) == versions


def test_reimporting_a_changed_file_updates_and_submits_again(markdown_folder, importer):
    import_fixtures(markdown_folder)
    path = markdown_folder / "the-korean-original.md"
    path.write_text(path.read_text().replace("later remakes followed", "three remakes followed"))
    result = import_fixtures(markdown_folder)
    assert result.out.splitlines()[-1].startswith("0 created, 1 updated, 1 unchanged")
    article = Article.objects.get(slug="is-miracle-in-cell-no-7-2013-a-true-story")
    assert Article.objects.count() == 2, "matched by slug, not duplicated"
    assert "three remakes" in article.sections.get().body
    assert list(article.revisions.order_by("number").values_list("status", flat=True)) == [
        Revision.Status.SUPERSEDED,
        Revision.Status.PENDING,
    ]


def test_dry_run_reports_and_saves_nothing(markdown_folder, importer):
    result = import_fixtures(markdown_folder, "--dry-run")
    assert result.error is None
    assert "miracle-in-cell-no-7.md: would be created" in result.out
    assert result.out.splitlines()[-1].startswith("Dry run, nothing saved: 2 created")
    assert not Article.objects.exists()
    assert not Film.objects.exists() and not Author.objects.exists()
    assert not Image.objects.exists()


def test_publish_is_for_administrators_and_keeps_the_original_dates(
    markdown_folder, importer, administrator
):
    refused = import_fixtures(markdown_folder, "--publish")
    assert "not a superuser" in refused.error
    assert not Article.objects.exists()

    result = import_fixtures(markdown_folder, "--publish", user="administrator")
    assert result.error is None, result.lines
    live = Revision.objects.live().get(slug="is-miracle-in-cell-no-7-2019-a-true-story")
    assert live.published_at.isoformat() == "2023-05-02T08:30:00+00:00"
    assert live.updated_at.isoformat() == "2024-02-10T17:45:00+00:00"
    original = Revision.objects.live().get(slug="is-miracle-in-cell-no-7-2013-a-true-story")
    assert original.published_at.isoformat() == "2022-11-20T00:00:00+00:00"
    assert not original.has_later_update


def test_unknown_film_and_author_without_the_create_flags(importer):
    FilmFactory(slug="test-film")
    AuthorFactory(slug="editorial-team")
    folder = BAD
    result = run(
        "import_articles", folder / "unknown-film.md", folder / "unknown-author.md",
        folder / "a-good-one.md", "--user", "importer",
    )  # fmt: skip
    assert "1 created, 0 updated, 0 unchanged, 0 skipped, 2 failed" in result.out
    assert f"{folder / 'unknown-film.md'}:4: unknown film “no-such-film”" in result.err
    assert f"{folder / 'unknown-author.md'}:5: unknown author “nobody-we-know”" in result.err
    assert result.error == "2 failed (each named above); nothing of them was imported."
    assert list(Article.objects.values_list("slug", flat=True)) == ["a-good-one"]


def test_every_bad_file_is_named_with_its_line_and_the_good_one_still_imports(tmp_path, importer):
    FilmFactory(slug="test-film")
    AuthorFactory(slug="editorial-team")
    folder = tmp_path / "bad"
    shutil.copytree(BAD, folder)
    with (folder / "fifty-megabytes.md").open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    result = run("import_articles", folder, "--user", "importer")
    expected = {
        "malformed-front-matter.md:10": "malformed front matter",
        "unknown-film.md:4": "unknown film “no-such-film”",
        "unknown-author.md:5": "unknown author “nobody-we-know”",
        "duplicate-slug-one.md:3": "the slug “same-slug” is also used by",
        "duplicate-slug-two.md:3": "the slug “same-slug” is also used by",
        "invalid-date.md:10": "“published” is not a valid date",
        "missing-alt.md:16": "has no alt text",
        "windows-1254.md:14": "not UTF-8",
        "fifty-megabytes.md": "the file is 50.0 MB",
    }
    errors = result.err.splitlines()
    assert len(errors) == len(expected), errors
    for where, words in expected.items():
        assert any(line.startswith(f"{folder / where}:") and words in line for line in errors), (
            where,
            errors,
        )
    assert "Traceback" not in result.err
    assert result.out.splitlines()[-1].startswith(
        "1 created, 0 updated, 0 unchanged, 0 skipped, 9 failed"
    )
    assert result.error
    assert list(Article.objects.values_list("slug", flat=True)) == ["a-good-one"]
    assert not Question.objects.exists()


def test_large_imports_show_progress(tmp_path, importer, monkeypatch):
    from transfer import report

    monkeypatch.setattr(report, "PROGRESS_FROM", 4)
    FilmFactory(slug="test-film")
    AuthorFactory(slug="editorial-team")
    for n in range(4):
        text = (BAD / "a-good-one.md").read_text().replace("a-good-one", f"article-{n}")
        (tmp_path / f"article-{n}.md").write_text(text)
    result = run("import_articles", tmp_path, "--user", "importer", "--verbosity", "0")
    assert [line for line in result.err.splitlines() if line.startswith("…")][-1].startswith(
        "… 4 of 4 (100%)"
    )
    assert Article.objects.count() == 4


def test_the_acting_user_must_be_allowed_to_submit(markdown_folder):
    EditorFactory(username="editor")
    reader = EditorFactory(username="reader")
    reader.groups.clear()
    assert "may not submit" in import_fixtures(markdown_folder, user="reader").error
    assert "no user" in import_fixtures(markdown_folder, user="ghost").error


def test_a_picture_over_the_upload_limit_is_refused_like_an_upload(
    markdown_folder, importer, settings
):
    settings.IMAGES_MAX_UPLOAD_BYTES = 100
    result = import_fixtures(markdown_folder)
    assert "miracle-in-cell-no-7.md:35: the picture “images/hero.png” is too large" in result.err
    assert not Article.objects.filter(slug="is-miracle-in-cell-no-7-2019-a-true-story").exists()


def test_an_editors_unsubmitted_changes_are_never_overwritten(markdown_folder, importer):
    import_fixtures(markdown_folder)
    article = Article.objects.get(slug="is-miracle-in-cell-no-7-2013-a-true-story")
    article.standfirst = "An editor's new standfirst, saved but not yet submitted."
    article.last_edited_by = EditorFactory(first_name="Deniz", last_name="Kaya")
    article.save()
    path = markdown_folder / "the-korean-original.md"
    path.write_text(path.read_text().replace("later remakes followed", "three remakes followed"))
    result = import_fixtures(markdown_folder)
    assert (
        f"{path}: the article “is-miracle-in-cell-no-7-2013-a-true-story” has changes saved "
        "in the admin by Deniz Kaya (" in result.err
    )
    article.refresh_from_db()
    assert article.standfirst == "An editor's new standfirst, saved but not yet submitted."
    assert "later remakes" in article.sections.get().body
