"""Topics: shelves editors put together by hand (a franchise, a country, a genre).

A topic names films and explainers. Readers see only its live explainers
(``Publication``), so linking a draft to a topic shows nothing until the
draft is approved; the topic's own name and introduction are short,
spoiler-free texts written by moderators (see admin.py).
"""

from django.db import models
from django.urls import reverse

from filmsite.text import RefusesControlCharacters

# How many films a topic page lists: every version of a story fits easily.
FILMS_SHOWN = 60


class Topic(RefusesControlCharacters, models.Model):
    name = models.CharField(
        max_length=120,
        help_text="As readers would say it, e.g. “Miracle in Cell No. 7: every version”.",
    )
    slug = models.SlugField(max_length=140, unique=True, help_text="The topic's address.")
    intro = models.TextField(
        max_length=600,
        help_text="One or two spoiler-free sentences saying what the topic gathers. Also "
        "used as the page's description for search engines.",
    )
    films = models.ManyToManyField(
        "films.Film",
        blank=True,
        related_name="topics",
        help_text="Films the topic lists, e.g. the original and every remake.",
    )
    articles = models.ManyToManyField(
        "articles.Article",
        blank=True,
        related_name="topics",
        help_text="Explainers the topic lists; readers see only those that are live.",
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("topics:topic", kwargs={"slug": self.slug})
