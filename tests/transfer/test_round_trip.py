"""import(export(site)) into an empty database reproduces the site, field by field."""

from datetime import UTC, datetime
from decimal import Decimal

import pytest

from articles import workflow
from articles.models import Article, Publication, Revision
from films.models import Author, Film
from images.markup import image_key
from images.models import Image
from images.storage import store_upload
from tests.factories import (
    ArticleFactory,
    AuthorFactory,
    AvailabilityFactory,
    CreditFactory,
    FilmFactory,
    RatingFactory,
    SuperuserFactory,
    publish,
)
from tests.transfer.conftest import FIXTURES, run
from transfer.images import MARKDOWN_IMAGE, inline_url

pytestmark = pytest.mark.django_db


def picture(name, **description):
    image = store_upload(data=(FIXTURES / "markdown" / "images" / name).read_bytes())
    for field, value in description.items():
        setattr(image, field, value)
    image.save()
    return image


@pytest.fixture
def site(db):
    """Two films (an original and its remake), three articles in every state worth keeping."""
    original = FilmFactory(
        slug="miracle-in-cell-no-7-2013", title="Miracle in Cell No. 7", year=2013,
        original_title="7번방의 선물", country="South Korea", original_language="Korean",
        director="Lee Hwan-kyung",
    )  # fmt: skip
    remake = FilmFactory(
        slug="miracle-in-cell-no-7-2019", title="Miracle in Cell No. 7", year=2019,
        original_title="7. Koğuştaki Mucize", director="Mehmet Ada Öztekin",
        runtime_minutes=132, adaptation_of=original,
    )  # fmt: skip
    CreditFactory(film=remake, actor="Aras Bulut İynemli", character="Memo", sort_order=0)
    CreditFactory(
        film=remake, actor="Nisa Sofiya Aksongur", character="Ova",
        character_note="his daughter", sort_order=1,
    )  # fmt: skip
    CreditFactory(film=original, actor="Ryu Seung-ryong", character="Yong-gu")
    AvailabilityFactory(film=remake, url="https://www.netflix.com/")
    RatingFactory(film=remake, label="users", value=Decimal("8.2"))
    RatingFactory(film=remake, source="Rotten Tomatoes", label="audience score",
                  value=Decimal("92"), best=Decimal("100"))  # fmt: skip
    team = AuthorFactory(slug="editorial-team", name="The Editorial Team", bio="The editors.")
    hero = picture("hero.png", alt_text="Memo and Ova above the sea", caption="Before the trial",
                   credit="Illustration: filmsite")  # fmt: skip
    still = picture("prison-yard.png")

    imported = ArticleFactory(
        slug="remake", film=remake, author=team, hero_image=hero,
        disclaimer="Our own disclaimer.", verdict="partly",
        verdict_explanation="Partly: see *why*.",
        sections=[
            {"heading": "The film in brief", "body": "Memo and Ova.\n\n- one\n- two"},
            {"heading": "A picture", "body": f"![The yard]({inline_url(still)} \"The yard\")"},
            {"heading": "Plot", "body": "Seda falls.", "is_spoiler": True,
             "spoiler_warning": "reveals the plot"},
            {"heading": "Ending Explained", "body": "Yusuf Aga.\n\n### Afterwards\n\nA boat.",
             "is_spoiler": True},
        ],
        questions=[
            {"question": "Is it on Netflix?", "answer": "Yes."},
            {"question": "Who dies?", "answer": "Yusuf Aga.", "is_spoiler": True},
            {"question": "Is it a true story?", "answer": "No."},
        ],
    )  # fmt: skip
    workflow.publish_import_directly(
        article=imported,
        user=SuperuserFactory(),
        original_dates=workflow.OriginalDates(
            published=datetime(2023, 5, 2, 8, 30, tzinfo=UTC),
            updated=datetime(2024, 2, 10, 17, 45, tzinfo=UTC),
        ),
    )
    reviewed = ArticleFactory(slug="original", film=original, author=team, questions=0)
    publish(reviewed)
    ArticleFactory(slug="never-published", film=original, author=AuthorFactory())


def normalized(markdown):
    """Markdown with our image addresses as the picture they show (keys change on re-upload)."""

    def describe(match):
        image = Image.objects.get(key=image_key(match.group("src")))
        return match.group(0).replace(match.group("src"), f"picture {image.width}x{image.height}")

    return MARKDOWN_IMAGE.sub(describe, markdown)


FILM_FIELDS = (
    "slug", "title", "original_title", "year", "country", "original_language", "director",
    "genre", "runtime_minutes", "synopsis",
)  # fmt: skip


def film_state(film):
    return {
        **{name: getattr(film, name) for name in FILM_FIELDS},
        "based_on": film.adaptation_of.slug if film.adaptation_of_id else None,
        "cast": list(film.cast.values_list("actor", "character", "character_note")),
        "where to watch": list(
            film.availability.values_list("service", "audio", "subtitles", "url")
        ),
        "ratings": list(
            film.ratings.values_list("source", "label", "value", "best", "as_of", "url")
        ),
    }


def site_state():
    """Everything readers see, per live article, in terms that survive a move."""
    state = {}
    for live in Revision.objects.live().select_related("film", "author").order_by("slug"):
        article = live.article
        hero = article.hero_image
        state[live.slug] = {
            "title": live.title,
            "standfirst": live.standfirst,
            "meta_description": live.meta_description,
            "verdict": article.verdict,
            "verdict_explanation": article.verdict_explanation,
            "disclaimer": article.disclaimer,
            "hero": hero and (hero.alt, hero.caption, hero.credit, hero.width, hero.height),
            "author": (live.author.slug, live.author.name, live.author.bio),
            "film": film_state(live.film),
            "published": live.published_at,
            "updated": live.updated_at if live.has_later_update else None,
            "sections": [
                (s.heading, normalized(s.body), s.is_spoiler, s.spoiler_warning)
                for s in article.sections.all()
            ],
            "questions": list(article.questions.values_list("question", "answer", "is_spoiler")),
            "rendered sections": [
                (s["heading"], s["is_spoiler"], s["spoiler_warning"]) for s in live.sections
            ],
        }
    return state


def empty_the_site():
    Publication.objects.all().delete()  # what readers see, derived from the revisions
    Revision.objects.all().delete()
    Article.objects.all().delete()
    Film.objects.all().delete()
    Author.objects.all().delete()
    Image.objects.all().delete()


def test_import_of_an_export_into_an_empty_database_reproduces_every_field(site, tmp_path):
    before = site_state()
    assert set(before) == {"original", "remake"}
    result = run("export_articles", tmp_path / "out")
    assert result.out.strip() == f"Wrote 2 live articles and 2 pictures to {tmp_path / 'out'}."

    empty_the_site()
    SuperuserFactory(username="mover")
    result = run(
        "import_articles", tmp_path / "out", "--user", "mover", "--publish",
        "--create-films", "--create-authors",
    )  # fmt: skip
    assert result.error is None, result.lines
    after = site_state()
    for slug, fields in before.items():
        for name, value in fields.items():
            assert after[slug][name] == value, (slug, name)
    assert Revision.objects.live().get(slug="remake").update_history.count() == 2


def test_an_export_imported_again_into_the_same_site_changes_nothing(site, tmp_path):
    run("export_articles", tmp_path / "out")
    SuperuserFactory(username="mover")
    revisions = Revision.objects.count()
    result = run(
        "import_articles", tmp_path / "out", "--user", "mover", "--publish",
    )  # fmt: skip
    assert result.out.splitlines()[-1].startswith("0 created, 0 updated, 2 unchanged")
    assert Revision.objects.count() == revisions


def test_working_copies_are_exported_only_when_asked(site, tmp_path):
    run("export_articles", tmp_path / "live")
    assert sorted(p.name for p in (tmp_path / "live").glob("*.md")) == ["original.md", "remake.md"]
    article = Article.objects.get(slug="remake")
    article.title = "An edit not yet submitted"
    article.save()
    assert "An edit not yet submitted" not in (tmp_path / "live" / "remake.md").read_text()
    result = run("export_articles", tmp_path / "all", "--working-copies")
    assert "Wrote 3 working copies" in result.out
    assert "An edit not yet submitted" in (tmp_path / "all" / "remake.md").read_text()
    assert "published:" not in (tmp_path / "all" / "never-published.md").read_text()
