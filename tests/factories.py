"""factory_boy factories for filmsite's models, and a ``publish`` helper.

Staff users get their permissions the way real staff do: through the
"Editors" and "Moderators" groups that migration 0002 creates.
"""

from datetime import date
from decimal import Decimal

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone
from factory.django import DjangoModelFactory

from articles import workflow
from articles.models import Article, Section
from faq.models import Question
from films.models import Author, Availability, Credit, Film, Rating

PASSWORD = "correct-horse-battery-staple"


class UserFactory(DjangoModelFactory):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.com")
    password = factory.django.Password(PASSWORD)
    is_staff = True


def _join(user, group_name):
    user.groups.add(Group.objects.get(name=group_name))


class EditorFactory(UserFactory):
    username = factory.Sequence(lambda n: f"editor{n}")

    @factory.post_generation
    def editors_group(user, create, extracted, **kwargs):
        if create:
            _join(user, "Editors")


class ModeratorFactory(UserFactory):
    username = factory.Sequence(lambda n: f"moderator{n}")

    @factory.post_generation
    def moderators_group(user, create, extracted, **kwargs):
        if create:
            _join(user, "Moderators")


class SuperuserFactory(UserFactory):
    username = factory.Sequence(lambda n: f"admin{n}")
    is_superuser = True


class FilmFactory(DjangoModelFactory):
    class Meta:
        model = Film

    title = factory.Sequence(lambda n: f"Test Film {n}")
    slug = factory.Sequence(lambda n: f"test-film-{n}")
    year = 2019
    country = "Turkey"
    original_language = "Turkish"
    director = "A. Director"
    genre = "drama"
    synopsis = "A spoiler-free synopsis of the film."


class CreditFactory(DjangoModelFactory):
    class Meta:
        model = Credit

    film = factory.SubFactory(FilmFactory)
    actor = factory.Sequence(lambda n: f"Actor {n}")
    character = factory.Sequence(lambda n: f"Character {n}")
    sort_order = factory.Sequence(int)


class AvailabilityFactory(DjangoModelFactory):
    class Meta:
        model = Availability

    film = factory.SubFactory(FilmFactory)
    service = "Netflix"
    audio = "Turkish, English dub"
    subtitles = "English"


class RatingFactory(DjangoModelFactory):
    class Meta:
        model = Rating

    film = factory.SubFactory(FilmFactory)
    source = "IMDb"
    value = Decimal("8.2")
    best = Decimal("10")
    as_of = date(2024, 1, 15)


class AuthorFactory(DjangoModelFactory):
    class Meta:
        model = Author

    name = factory.Sequence(lambda n: f"Author {n}")
    slug = factory.Sequence(lambda n: f"author-{n}")
    bio = "Writes about films."


class SectionFactory(DjangoModelFactory):
    class Meta:
        model = Section

    article = factory.SubFactory("tests.factories.ArticleFactory", sections=0, questions=0)
    heading = factory.Sequence(lambda n: f"Section heading {n}")
    body = factory.Sequence(lambda n: f"Section body text number {n}.")
    sort_order = factory.Sequence(int)


class QuestionFactory(DjangoModelFactory):
    class Meta:
        model = Question

    article = factory.SubFactory("tests.factories.ArticleFactory", sections=0, questions=0)
    question = factory.Sequence(lambda n: f"Reader question {n}?")
    answer = factory.Sequence(lambda n: f"Short answer {n}.")
    sort_order = factory.Sequence(int)


def _children(factory_class, article, extracted, default):
    """Create children from an int (how many) or a list of field dicts."""
    if extracted is None:
        extracted = default
    if isinstance(extracted, int):
        return factory_class.create_batch(extracted, article=article)
    return [factory_class(article=article, **fields) for fields in extracted]


class ArticleFactory(DjangoModelFactory):
    """An article's working copy.

    By default it has two sections, the second a spoiler, and two questions.
    Pass ``sections=30`` / ``questions=0`` for a count, or a list of dicts of
    field values.
    """

    class Meta:
        model = Article
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Is test film {n} a true story? Ending explained")
    slug = factory.Sequence(lambda n: f"is-test-film-{n}-a-true-story")
    film = factory.SubFactory(FilmFactory)
    author = factory.SubFactory(AuthorFactory)
    standfirst = "No: it is fiction, and this paragraph says so up front."
    meta_description = "Whether the film is a true story, without spoilers."
    verdict = "no"
    verdict_explanation = "The film is an *invented* story."

    @factory.post_generation
    def sections(article, create, extracted, **kwargs):
        if create:
            _children(
                SectionFactory,
                article,
                extracted,
                [
                    {"heading": "The film in brief", "body": "A father and his daughter."},
                    {
                        "heading": "Ending explained",
                        "body": "The secret twist is revealed here.",
                        "is_spoiler": True,
                        "spoiler_warning": "reveals the ending",
                    },
                ],
            )

    @factory.post_generation
    def questions(article, create, extracted, **kwargs):
        if create:
            _children(QuestionFactory, article, extracted, 2)


def submit(article, *, user=None, change_summary="", is_minor=False):
    """Submit ``article``'s working copy for review as an editor (a new one unless given)."""
    return workflow.submit(
        article=article,
        user=user or EditorFactory(),
        change_summary=change_summary,
        is_minor=is_minor,
    ).revision


def publish(article, *, user=None, submitter=None, change_summary="", is_minor=False, **kwargs):
    """Submit ``article``'s working copy and approve it: the only way to go live.

    An editor submits (a new one unless ``submitter`` is given) and ``user``
    approves (a new moderator unless given); ``kwargs`` go to ``approve``.
    A ``go_live_at`` in the past sets up history (``backdate``), as the
    demo loader does; the workflow refuses one otherwise.
    """
    pending = submit(article, user=submitter, change_summary=change_summary, is_minor=is_minor)
    go_live_at = kwargs.get("go_live_at")
    if go_live_at is not None and go_live_at < timezone.now():
        kwargs.setdefault("backdate", True)
    return workflow.approve(revision=pending, user=user or ModeratorFactory(), **kwargs)
