"""Template helpers for the public pages.

Loaded with ``{% load filmsite %}``. Kept small: anything that decides what
readers may see belongs in models or the workflow, not here.
"""

from datetime import datetime

from django import template
from django.utils import dateformat
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.timezone import template_localtime

from articles.markdown import render_markdown

register = template.Library()

# One visible date style across the site; the machine-readable value is ISO 8601.
DISPLAY_DATE_FORMAT = "M j, Y"


@register.filter(is_safe=True)
def markdown(text):
    """Editor-written Markdown as sanitized HTML (the same renderer as publishing).

    Only for texts that are not frozen into a revision, such as the site-wide
    disclaimer; keep it inside a cached fragment so it runs once per change.
    """
    return mark_safe(render_markdown(text))  # render_markdown sanitizes with an allowlist


@register.simple_tag
def time_tag(value, fallback=""):
    """A <time> element in the site's date style, or ``fallback`` when there is no date."""
    if not value:
        return fallback
    # Show the date in the site's time zone, as the |date filter would.
    value = template_localtime(value)
    if isinstance(value, datetime):
        value = value.replace(microsecond=0)
    return format_html(
        '<time datetime="{}">{}</time>',
        dateformat.format(value, "c"),
        dateformat.format(value, DISPLAY_DATE_FORMAT),
    )


@register.simple_tag
def other_versions(film, versions=None):
    """The film's relatives other than the one it is based on.

    ``versions`` is ``film.related_versions()`` when the view has already
    fetched it; the original is left out because it is listed as "Based on".
    """
    # A variable missing from the context arrives as "" rather than None.
    if versions is None or isinstance(versions, str):
        versions = film.related_versions()
    return [version for version in versions if version.pk != film.adaptation_of_id]
