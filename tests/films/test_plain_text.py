"""Control characters are refused wherever text is written with validation.

U+0001 in a film title once made every feed answer 500. The check sits in
the models' ``full_clean``, so the admin's forms and inlines, the reader's
correction form and any import that validates refuse it alike.
"""

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from films.models import Film
from tests.factories import (
    ArticleFactory,
    AuthorFactory,
    AvailabilityFactory,
    FilmFactory,
    SuperuserFactory,
)
from tests.html import form_values, parse

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("char", ["\x00", "\x01", "\x1b", "\x7f", "\x85", "\ufffe"])
def test_film_form_refuses_a_control_character_in_the_title(char):
    client = Client(raise_request_exception=False)
    client.force_login(SuperuserFactory())
    film = FilmFactory()
    url = reverse("admin:films_film_change", args=[film.pk])
    data = form_values(parse(client.get(url).content.decode()).find("form", id="film_form"))
    data["title"] = f"Bad{char}title"
    response = client.post(url, data)
    assert response.status_code == 200
    error = parse(response.content.decode()).find(class_="errorlist")
    assert error is not None, response.content.decode()[:3000]
    assert "control character" in error.text or "Null characters" in error.text
    film.refresh_from_db()
    assert film.title.startswith("Test Film")


@pytest.mark.parametrize(
    ("make", "field"),
    [
        (FilmFactory.build, "synopsis"),
        (AuthorFactory.build, "name"),
        (lambda **kw: AvailabilityFactory.build(film=FilmFactory(), **kw), "service"),
        (
            lambda **kw: ArticleFactory.build(film=FilmFactory(), author=AuthorFactory(), **kw),
            "standfirst",
        ),
    ],
)
def test_full_clean_refuses_control_characters(make, field):
    obj = make(**{field: "one\x01two"})
    with pytest.raises(ValidationError) as refused:
        obj.full_clean()
    assert field in refused.value.message_dict
    assert "U+0001" in refused.value.message_dict[field][0]


def test_tabs_and_line_breaks_are_ordinary_text():
    film = FilmFactory.build(synopsis="Line one\r\nLine two\twith a tab.")
    film.full_clean()


def test_unicode_heavy_titles_are_kept():
    title = "7. Koğuştaki Mucize — 7번방의 선물 \u200f(עברית) 🎬"
    film = FilmFactory(title=title)
    film.full_clean()
    assert Film.objects.get(pk=film.pk).title == title
