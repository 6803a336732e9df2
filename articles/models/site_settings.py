"""Site-wide texts editors can change without a deploy."""

from django.db import models
from markdownx.models import MarkdownxField

from filmsite.text import RefusesControlCharacters
from pagecache import pages


class SiteSettings(RefusesControlCharacters, models.Model):
    """Site-wide texts editors can change without a deploy (a single row)."""

    default_disclaimer = MarkdownxField(
        help_text="Shown at the end of every article that has no disclaimer of its own."
    )
    updated_at = models.DateTimeField(auto_now=True)

    # This process's copy, with the version of the "site" cache tag it was
    # read at: any worker's edit touches the tag, so every worker rereads it.
    _loaded: dict = {}

    class Meta:
        verbose_name = verbose_name_plural = "site settings"

    def __str__(self):
        return "Site settings"

    @classmethod
    def load(cls) -> "SiteSettings":
        """The settings row, without a query while nobody has changed it.

        Checked against the page cache's clock (shared by every worker and
        instance) on every call, so an edit anywhere shows everywhere at once.
        """
        stamp = pages.stamp(())
        loaded = cls._loaded.get("row")
        if loaded is not None and loaded[0] == stamp:
            return loaded[1]
        current, _ = cls.objects.get_or_create(
            pk=1, defaults={"default_disclaimer": DEFAULT_DISCLAIMER}
        )
        cls._loaded["row"] = (stamp, current)
        return current


DEFAULT_DISCLAIMER = (
    "This article is for general information and entertainment. We check facts "
    "carefully, but we cannot promise that everything is complete, current or "
    "correct, and we accept no liability for decisions made on the strength of it. "
    "Ratings are quoted from the sources named, on the dates given; they are not "
    "our own. Streaming availability changes from country to country and month to "
    "month."
)
