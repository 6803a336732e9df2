"""Films and the facts quoted about them, plus the authors who write bylines.

This is reference data that articles point to. The rows hold what readers
see; a change made in the admin waits for a moderator's review as a snapshot
(films/reference.py, articles/reference_workflow.py) and, once approved,
shows on every page about the film or author at once.
"""

from datetime import date
from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import OuterRef, Q, Subquery
from django.db.models.functions import Coalesce, Greatest
from django.urls import reverse

from filmsite.links import validate_web_url, web_url
from filmsite.text import RefusesControlCharacters


class FilmQuerySet(models.QuerySet):
    def family_changed_at(self, film_field: str) -> Subquery:
        """When the film at ``film_field``, any version of it, or a poster last changed.

        The film facts box links the original and the other remakes and
        prints the poster with its alt text, so a cached copy of it must be
        refreshed when any of them is edited.
        """
        film = OuterRef(film_field)
        root = OuterRef(f"{film_field}__adaptation_of")
        family = self.filter(
            Q(pk=film) | Q(adaptation_of=film) | Q(pk=root) | Q(adaptation_of=root)
        ).annotate(changed=Greatest("updated_at", Coalesce("poster__updated_at", "updated_at")))
        return Subquery(family.order_by("-changed").values("changed")[:1])


class Film(RefusesControlCharacters, models.Model):
    title = models.CharField(max_length=200, help_text="The title readers know, e.g. in English.")
    original_title = models.CharField(
        max_length=200,
        blank=True,
        help_text="Title in the original language, if different (e.g. “7. Koğuştaki Mucize”).",
    )
    slug = models.SlugField(
        max_length=220, unique=True, help_text="Part of the film page's address."
    )
    year = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(1870), MaxValueValidator(2100)],
        help_text="Year of first release.",
    )
    country = models.CharField(max_length=100, help_text="Country of production.")
    original_language = models.CharField(max_length=100, blank=True)
    director = models.CharField(max_length=200, blank=True, help_text="Leave empty if unsure.")
    genre = models.CharField(max_length=100, blank=True, help_text="e.g. “comedy-drama”.")
    runtime_minutes = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="Running time in minutes, if known."
    )
    synopsis = models.TextField(
        help_text="Two or three spoiler-free sentences. Shown in listings and search "
        "results, so never give away a twist or the ending here."
    )
    poster = models.ForeignKey(
        "images.Image",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="The film's poster, shown on its page and in the facts box. Use the + to "
        "upload one; it needs alt text.",
    )
    adaptation_of = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="adaptations",
        help_text="If this film is a remake or adaptation, the film it is based on.",
    )
    updated_at = models.DateTimeField(auto_now=True)

    objects = FilmQuerySet.as_manager()

    class Meta:
        ordering = ["title", "year"]

    def __str__(self):
        # Remakes often share a title and even a year; the country tells them apart.
        return f"{self.title} ({self.country}, {self.year})"

    def get_absolute_url(self):
        return reverse("articles:film", kwargs={"slug": self.slug})

    def family_ids(self) -> set[int]:
        """This film, the film it remakes and every other version of that one."""
        root_id = self.adaptation_of_id or self.pk
        adaptations = Film.objects.filter(adaptation_of_id=root_id).values_list("pk", flat=True)
        return {self.pk, root_id, *adaptations}

    def related_versions(self):
        """The original and every other adaptation of it, without this film."""
        root_id = self.adaptation_of_id or self.pk
        return (
            Film.objects.filter(Q(pk=root_id) | Q(adaptation_of_id=root_id))
            .exclude(pk=self.pk)
            .order_by("year", "title", "pk")  # two versions can share both
        )


class Credit(RefusesControlCharacters, models.Model):
    film = models.ForeignKey(Film, on_delete=models.CASCADE, related_name="cast")
    actor = models.CharField(max_length=200)
    character = models.CharField(max_length=200)
    character_note = models.CharField(
        max_length=200,
        blank=True,
        help_text="A spoiler-free description, e.g. “Ova's father”.",
    )
    sort_order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["sort_order", "pk"]

    def __str__(self):
        return f"{self.actor} as {self.character}"


class Availability(RefusesControlCharacters, models.Model):
    film = models.ForeignKey(Film, on_delete=models.CASCADE, related_name="availability")
    # Catalogues differ by country, so readers see one line per country.
    country = models.CharField(
        max_length=100,
        blank=True,
        help_text="Where this line holds, e.g. “United States” or “Worldwide”; "
        "leave empty if you do not know.",
    )
    service = models.CharField(max_length=100, help_text="e.g. “Netflix”.")
    audio = models.CharField(
        max_length=200, blank=True, help_text="Audio languages, e.g. “Turkish, English dub”."
    )
    subtitles = models.CharField(
        max_length=200, blank=True, help_text="Subtitle languages, e.g. “English”."
    )
    url = models.URLField(
        blank=True,
        validators=[validate_web_url],
        help_text="Optional link to the film on the service.",
    )
    checked_on = models.DateField(
        "checked on",
        default=date.today,
        help_text="The day someone last confirmed this line is still right. Lines older "
        "than 90 days are listed on the desk under “facts to re-check”.",
    )
    sort_order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["sort_order", "pk"]
        verbose_name = "where to watch"
        verbose_name_plural = "where to watch"

    def __str__(self):
        return self.service

    @property
    def link(self):
        """The URL to print: only ever an http(s) address (see filmsite.links)."""
        return web_url(self.url)


class Rating(RefusesControlCharacters, models.Model):
    """A third-party rating, quoted with its source and date; never our own."""

    film = models.ForeignKey(Film, on_delete=models.CASCADE, related_name="ratings")
    source = models.CharField(max_length=100, help_text="Who gives the rating, e.g. “IMDb”.")
    label = models.CharField(
        max_length=100, blank=True, help_text="What is rated, e.g. “audience score”."
    )
    value = models.DecimalField(max_digits=5, decimal_places=1)
    best = models.DecimalField(
        max_digits=5,
        decimal_places=1,
        default=Decimal("10"),
        help_text="The top of the scale: 10 for “8.2/10”, 100 for a percentage.",
    )
    as_of = models.DateField(help_text="The day the figure was read from the source.")
    url = models.URLField(blank=True, validators=[validate_web_url])
    checked_on = models.DateField(
        "checked on",
        default=date.today,
        help_text="The day someone last confirmed the source still shows this figure. Lines older "
        "than 90 days are listed on the desk under “facts to re-check”.",
    )
    sort_order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["sort_order", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(value__lte=models.F("best")),
                name="rating_value_within_scale",
                violation_error_message="A rating cannot be higher than the top of its scale.",
            )
        ]

    def __str__(self):
        return f"{self.source}: {self.display_value}"

    @property
    def link(self):
        """The URL to print: only ever an http(s) address (see filmsite.links)."""
        return web_url(self.url)

    @property
    def display_value(self):
        value = self.value.normalize()
        if self.best == 100:
            return f"{value:f}%"
        return f"{value:f}/{self.best.normalize():f}"


class Author(RefusesControlCharacters, models.Model):
    name = models.CharField(max_length=200, help_text="As shown in the byline.")
    slug = models.SlugField(max_length=220, unique=True)
    bio = models.TextField(blank=True, help_text="A sentence or two for the author page.")
    photo = models.ForeignKey(
        "images.Image",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="Optional: a photo for the author page and the byline. Use the + to "
        "upload one; it needs alt text.",
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="author_profile",
        help_text="The staff account that writes as this author, if any.",
    )

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("articles:author", kwargs={"slug": self.slug})
