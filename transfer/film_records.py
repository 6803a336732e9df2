"""Films and authors named by imported articles: found, or created when allowed."""

from decimal import Decimal, InvalidOperation

from django.utils.text import slugify

from films.models import Author, Availability, Credit, Film, Rating

from .outcomes import Options, clean
from .records import AuthorRef, FilmRef, ImportProblem


def _find_film(ref: FilmRef) -> Film | None:
    if ref.slug:
        return Film.objects.filter(slug=ref.slug).first()
    matches = list(Film.objects.filter(title__iexact=ref.title, year=ref.year)[:2])
    if len(matches) > 1:
        raise ImportProblem(
            f"several films are called “{ref.title}” ({ref.year}); give the film's slug",
            ref.line,
        )
    return matches[0] if matches else None


def _cast_lines(film: Film) -> list[dict]:
    return [
        {
            "actor": c.actor,
            "character": c.character,
            **({"note": c.character_note} if c.character_note else {}),
        }
        for c in film.cast.all()
    ]


def _decimal(value, what, line) -> Decimal:
    try:
        return Decimal(str(value))
    except InvalidOperation:
        raise ImportProblem(f"{what} is not a number: {value!r}", line) from None


def _create_film(ref: FilmRef, options: Options) -> Film:
    if not ref.title or not ref.year:
        raise ImportProblem(
            f"to create the film {ref.describe()} the file must give its title and year",
            ref.line,
        )
    film = Film(slug=ref.slug or slugify(f"{ref.title}-{ref.year}"), title=ref.title, year=ref.year)
    for key, value in ref.facts.items():
        setattr(film, key, value)
    if ref.based_on:
        film.adaptation_of = Film.objects.filter(slug=ref.based_on).first()
        if film.adaptation_of is None:  # perhaps later in this import: see link_adaptations
            options.adaptations.append((film.slug, ref.based_on))
    clean(film, "the film cannot be created", ref.line, exclude=["poster"])
    film.save()
    for order, line in enumerate(ref.cast):
        credit = Credit(
            film=film,
            actor=line["actor"],
            character=line["character"],
            character_note=line.get("note", ""),
            sort_order=order,
        )
        clean(credit, "a cast line", ref.line)
        credit.save()
    for order, item in enumerate(ref.where_to_watch):
        where = Availability(film=film, sort_order=order, **item)
        clean(where, "where to watch", ref.line)
        where.save()
    for order, item in enumerate(ref.ratings):
        rating = Rating(
            film=film,
            sort_order=order,
            source=item.get("source", ""),
            label=item.get("label", ""),
            value=_decimal(item.get("value"), "a rating's value", ref.line),
            best=_decimal(item.get("best", "10"), "a rating's best", ref.line),
            as_of=item.get("as_of"),
            url=item.get("url", ""),
        )
        clean(rating, "a rating", ref.line)
        rating.save()
    return film


def resolve_film(ref: FilmRef, options: Options, *, warnings: list[str]) -> Film:
    film = _find_film(ref)
    if film is None:
        if not options.create_films:
            raise ImportProblem(
                f"unknown film {ref.describe()}: add it in the admin first, or import with "
                "--create-films",
                ref.line,
            )
        return _create_film(ref, options)
    # Film facts are shown on every article about the film at once, so an
    # import never changes an existing film: editors do that in the admin.
    if ref.cast and ref.cast != _cast_lines(film):
        warnings.append(
            f"the cast differs from the site's film “{film.slug}”; the site's cast is kept"
        )
    return film


def resolve_author(ref: AuthorRef, *, create: bool) -> Author:
    if ref.slug:
        author = Author.objects.filter(slug=ref.slug).first()
    else:
        author = Author.objects.filter(name=ref.name).order_by("pk").first()
    if author is not None:
        return author
    if not create:
        raise ImportProblem(
            f"unknown author “{ref.slug or ref.name}”: add them in the admin first, or import "
            "with --create-authors",
            ref.line,
        )
    if not ref.name:
        raise ImportProblem(
            f"to create the author “{ref.slug}” the file must give their name", ref.line
        )
    author = Author(slug=ref.slug or slugify(ref.name), name=ref.name, bio=ref.bio)
    clean(author, "the author cannot be created", ref.line, exclude=["user"])
    author.save()
    return author


def link_adaptations(options: Options) -> list[str]:
    """After an import: link the remakes it created to originals it created later.

    Returns a sentence for each original that is still not on the site.
    """
    missing = []
    for slug, original_slug in options.adaptations:
        original = Film.objects.filter(slug=original_slug).first()
        if original is None:
            missing.append(
                f"the film “{slug}” is a version of “{original_slug}”, which is not on the "
                "site; link them in the admin once it is"
            )
        else:
            Film.objects.filter(slug=slug, adaptation_of=None).update(adaptation_of=original)
    options.adaptations.clear()
    return missing
