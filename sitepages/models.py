"""The site's own pages (About, Contact, the editorial standards, the corrections
policy, privacy), which editors write.

Like an article, each has a working copy readers never see (title, body) and
a published copy they do (``published_*``), frozen and rendered when a
moderator publishes it (services.publish). The review is lighter than an
article's: no revisions or diff, one published copy, but the same rule that
someone other than the last editor approves.
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from markdownx.models import MarkdownxField

from filmsite.text import RefusesControlCharacters


class Kind(models.TextChoices):
    # Fixed addresses: the footer links to them without reading the database.
    ABOUT = "about", "About"
    CONTACT = "contact", "Contact"
    EDITORIAL_STANDARDS = "editorial-standards", "Editorial standards"
    CORRECTIONS_POLICY = "corrections-policy", "Corrections policy"
    PRIVACY = "privacy", "Privacy"


class SitePageQuerySet(models.QuerySet):
    def published(self):
        return self.filter(published_at__isnull=False)


class SitePage(RefusesControlCharacters, models.Model):
    slug = models.SlugField(
        max_length=40, unique=True, choices=Kind.choices, help_text="Which page this is."
    )
    title = models.CharField(max_length=120)
    description = models.CharField(
        max_length=160, help_text="What search engines show (160 characters at most)."
    )
    body = MarkdownxField(help_text="The page's text (Markdown).")
    updated_at = models.DateTimeField(auto_now=True)
    last_edited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    # The published copy: what readers see, until a moderator publishes again.
    published_title = models.CharField(max_length=120, blank=True, editable=False)
    published_description = models.CharField(max_length=160, blank=True, editable=False)
    published_html = models.TextField(blank=True, editable=False)
    published_at = models.DateTimeField(null=True, blank=True, editable=False)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )

    objects = SitePageQuerySet.as_manager()

    class Meta:
        ordering = ["slug"]
        permissions = [("publish_sitepage", "Can publish site pages")]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("sitepages:page", kwargs={"slug": self.slug})

    @property
    def has_unpublished_changes(self) -> bool:
        return self.published_at is None or self.updated_at > self.published_at
