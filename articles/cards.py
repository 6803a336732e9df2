"""Each live article's card (listings) and feed item, built once and stored.

A listing page shows twenty cards; rendering each from its revision per
request (the picture's markup, dates, links, the revision's content decoded)
cost twenty times what the rest of the page does. So a card is built when
what it shows changes and stored on the article's ``Publication`` row, and a
listing or a feed reads the stored cards of one page with one indexed query.

What a card shows and who rebuilds it:

- the live revision (title, standfirst, hero picture as approved) and the
  public dates: ``workflow.publication_state._refresh_publication``, whenever they change;
- the film's title and year, the author's name (feeds): ``workflow.film_changed``
  and ``workflow.author_changed``, the events that already refresh the
  cached pages showing them;
- the markup itself: a card built by another deploy (``version``) is built
  again by the first listing that shows it, and only written back if no
  event rebuilt it meanwhile.

Only spoiler-free fields go into a card, as DESIGN.md requires of listings.
"""

from django.db.models.fields.json import KeyTransform
from django.urls import reverse
from django.utils.html import escape, format_html

from filmsite.dates import time_element
from images.markup import render_picture
from pagecache import pages

from .models import Publication, Revision

# Raise when the card's markup or fields change in a way the templates'
# digest (pages.build_id) does not show.
CARD_FORMAT = 2
CARD_IMAGE_SIZES = "(min-width: 64rem) 24rem, (min-width: 40rem) 50vw, 100vw"
BATCH = 500


def version() -> str:
    return f"{CARD_FORMAT}.{pages.build_id()}"


def build(row: dict, published_at, updated_at) -> dict:
    """The card of one live revision (``row`` as read by ``_revision_rows``)."""
    hero = row["hero"]
    picture = render_picture(hero, sizes=CARD_IMAGE_SIZES, css_class="card__image") if hero else ""
    dates = format_html("<span>Published {}</span>", time_element(published_at, "not yet"))
    if published_at and updated_at and updated_at > published_at:
        dates += format_html("\n    <span>Updated {}</span>", time_element(updated_at))
    return {
        "path": reverse("articles:article", kwargs={"slug": row["slug"]}),
        "title": row["title"],
        "standfirst": row["standfirst"],
        "picture": str(picture),
        "dates": str(dates),
        **film_part(row["film__title"], row["film__year"], row["film__slug"]),
        **author_part(row["author__name"], row["author__slug"]),
    }


def film_part(title: str, year, slug: str) -> dict:
    path = reverse("articles:film", kwargs={"slug": slug})
    return {
        "film_title": title,
        "film": str(format_html('<span>Film: <a href="{}">{} ({})</a></span>', path, title, year)),
    }


def author_part(name: str, slug: str) -> dict:
    return {"author": name, "author_path": reverse("articles:author", kwargs={"slug": slug})}


def render(
    card: dict,
    *,
    heading_level: int = 3,
    hide_film: bool = False,
    card_class: str = "",
    what_changed: str = "",
) -> str:
    """The card's HTML; ``heading_level`` keeps each page's outline, ``hide_film``
    is for the film's own page, ``card_class`` marks a page's first, largest card
    (``lead-story``), ``what_changed`` is the spoiler-free change summary of the
    latest update ("Recently updated")."""
    h = int(heading_level)
    classes = ["card"]
    if card["picture"]:
        classes.append("card--with-image")
    if card_class:
        classes.append(escape(card_class))
    # Starts on a new line, as the listings' markup always had it.
    lines = ["", f'<article class="{" ".join(classes)}">']
    if card["picture"]:
        lines.append(f"  {card['picture']}")
    lines += [
        f'  <h{h} class="card__title"><a href="{escape(card["path"])}">'
        f"{escape(card['title'])}</a></h{h}>",
        f'  <p class="card__standfirst">{escape(card["standfirst"])}</p>',
    ]
    if what_changed:
        lines.append(f'  <p class="card__what-changed">What changed: {escape(what_changed)}</p>')
    lines += [
        '  <p class="card__meta">',
    ]
    if not hide_film:
        lines.append(f"    {card['film']}")
    lines += [f"    {card['dates']}", "  </p>", "</article>", ""]
    return "\n".join(lines)


# Building and storing -------------------------------------------------------


def _revision_rows(revision_ids) -> dict[int, dict]:
    """What a card shows of each revision, without decoding its whole content."""
    rows = Revision.objects.filter(pk__in=list(revision_ids)).values(
        "pk",
        "title",
        "slug",
        "standfirst",
        "film__title",
        "film__year",
        "film__slug",
        "author__name",
        "author__slug",
        hero=KeyTransform("hero", "content"),
    )
    return {row["pk"]: row for row in rows}


def fill(publications) -> list:
    """Build the cards of ``publications`` (live ``Publication`` rows), unsaved."""
    publications = [p for p in publications if p.live_revision_id]
    current = version()
    for start in range(0, len(publications), BATCH):
        batch = publications[start : start + BATCH]
        rows = _revision_rows(p.live_revision_id for p in batch)
        for publication in batch:
            row = rows[publication.live_revision_id]
            publication.card = build(row, publication.published_at, publication.updated_at)
            publication.card_version = current
    return publications


def refresh(publications) -> None:
    """Build and store the cards of ``publications``.

    Called by the workflow inside the transaction that changes what they show.
    """
    publications = fill(publications)
    Publication.objects.bulk_update(publications, ["card", "card_version"], batch_size=BATCH)


def refresh_where(**filters) -> None:
    """Rebuild the cards of the live articles matching ``filters`` (a film, an author)."""
    refresh(list(Publication.objects.live().filter(**filters).cards().order_by("pk")))


def ensure(publications) -> list:
    """``publications`` with every card current: those from another deploy, or
    never built (rows loaded in bulk), are built now and stored.

    A card is written back only if nothing rebuilt it meanwhile (a film edit
    committing while this request read the old film), so an event always wins.
    """
    publications = list(publications)
    current = version()
    stale = [p for p in publications if p.card_version != current]
    if not stale:
        return publications
    rows = _revision_rows(p.live_revision_id for p in stale)
    for publication in stale:
        row = rows.get(publication.live_revision_id)
        if row is None:
            continue
        publication.card = build(row, publication.published_at, publication.updated_at)
        Publication.objects.filter(
            pk=publication.pk, live_revision_id=publication.live_revision_id
        ).exclude(card_version=current).update(card=publication.card, card_version=current)
        publication.card_version = current
    return publications
