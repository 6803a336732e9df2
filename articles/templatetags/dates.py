"""Dates as readers see them: ``{% load dates %}``, then ``{% time_tag value %}``."""

from django import template

from filmsite.dates import time_element

register = template.Library()


@register.simple_tag
def time_tag(value, fallback=""):
    """A <time> element in the site's date style, or ``fallback`` when there is no date."""
    return time_element(value, fallback)
