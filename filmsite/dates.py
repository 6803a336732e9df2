"""Dates as staff read them: in the admin, on workflow pages and in staff e-mail.

Readers' dates have their own style: ``time_element`` below, printed by
``{% load dates %}``, ``time_tag`` and by the stored listing cards.
"""

from datetime import datetime

from django.utils import dateformat, timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.timezone import template_localtime

# One visible date style for readers across the site; the machine-readable value is ISO 8601.
DISPLAY_DATE_FORMAT = "M j, Y"


def time_element(value, fallback=""):
    """A <time> element in the readers' date style, or ``fallback`` when there is no date."""
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


def format_when(moment) -> str:
    """A moment with its time and zone, e.g. "Nov. 24, 2026, 14:05 UTC".

    24-hour time with the zone: "10 a.m.." at a sentence's end reads badly,
    and staff in other zones need to know which clock is meant.
    """
    local = timezone.localtime(moment)
    return f"{date_format(local, 'N j, Y, H:i')} {local.tzname()}"


def format_day(moment) -> str:
    """Just the day, e.g. "Nov. 24, 2026", for columns where the time is noise."""
    return date_format(timezone.localtime(moment))
