"""Films and authors that articles show: what to update when one is written.

An article's card, facts box, byline and the listings that name a film or
an author are stored or cached, so a saved film or author refreshes them
here (and the search index, for films). Called by the film and author
admin, the demo loader and reference_workflow.py once a held change is
approved.
"""

from django.db import transaction

from articles import cards
from films.models import Author, Film
from pagecache import pages
from search import index as search_index


@transaction.atomic
def film_changed(*, film: Film, family: set[int] = frozenset()) -> None:
    """A film's facts (titles, director, cast) were written: update what shows them.

    Called by the film admin once a new film and its cast are saved, and by
    the demo loader. ``family`` adds the films it was related to before the
    edit (a changed "remake of" moves it to another family).
    """
    search_index.sync_film(film_id=film.pk)
    # The cards of its articles name it (title and year).
    cards.refresh_where(film=film)
    # Its page, the facts box of its articles and of every other version,
    # and listings that name it.
    pages.touch(pages.LISTINGS, *(pages.film_tag(pk) for pk in {*family, *film.family_ids()}))


@transaction.atomic
def author_changed(*, author: Author) -> None:
    """An author's name or address was saved: update what shows them.

    Called by the author admin. Bylines, the author page, JSON-LD and feed
    items name the author; feed items are stored with the cards.
    """
    cards.refresh_where(author=author)
    pages.touch(pages.LISTINGS, pages.author_tag(author.pk))
