"""Moving films and authors into their own app keeps every row and permission.

The database is taken back to where films lived in the articles app, filled
there, and migrated forward again, as an existing site would be.
"""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("articles", "0005_images"), ("films", None)]


def migrate(targets, *, state_at):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    executor.loader.build_graph()
    return executor.loader.project_state(state_at).apps


@pytest.mark.django_db(transaction=True)
def test_existing_films_authors_and_links_survive_the_move():
    old = migrate(BEFORE, state_at=BEFORE[0])
    Film = old.get_model("articles", "Film")
    Author = old.get_model("articles", "Author")
    original = Film.objects.create(
        title="Miracle in Cell No. 7", slug="original", year=2013, country="South Korea",
        synopsis="A father and his daughter.",
    )  # fmt: skip
    remake = Film.objects.create(
        title="Miracle in Cell No. 7", original_title="7. Koğuştaki Mucize", slug="remake",
        year=2019, country="Turkey", synopsis="A remake.", adaptation_of=original,
    )  # fmt: skip
    old.get_model("articles", "Credit").objects.create(
        film=remake, actor="Aras Bulut İynemli", character="Memo"
    )
    author = Author.objects.create(name="The editorial team", slug="editorial-team")
    article = old.get_model("articles", "Article").objects.create(
        title="Is it a true story?", slug="true-story", film=remake, author=author,
        standfirst="No.", meta_description="No.", verdict="no", verdict_explanation="Fiction.",
    )  # fmt: skip

    latest = MigrationExecutor(connection).loader.graph.leaf_nodes()
    new = migrate(latest, state_at=latest)

    films = new.get_model("films", "Film")
    assert films._meta.db_table == "films_film"
    moved = films.objects.get(slug="remake")
    assert moved.original_title == "7. Koğuştaki Mucize"
    assert moved.adaptation_of.slug == "original"
    assert [c.actor for c in new.get_model("films", "Credit").objects.filter(film=moved)] == [
        "Aras Bulut İynemli"
    ]
    article = new.get_model("articles", "Article").objects.get(pk=article.pk)
    assert (article.film.slug, article.author.slug) == ("remake", "editorial-team")


@pytest.mark.django_db
def test_staff_groups_keep_their_film_permissions():
    from django.contrib.auth.models import Group

    editors = Group.objects.get(name="Editors")
    granted = set(editors.permissions.values_list("content_type__app_label", "codename"))
    assert {("films", "change_film"), ("films", "view_author")} <= granted
    assert not any(app == "articles" and "film" in codename for app, codename in granted)
