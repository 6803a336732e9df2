"""``{% load markdown %}``: the ``markdown`` filter, for texts not frozen into a revision."""

from django import template
from django.utils.safestring import mark_safe

from writing.markdown import render_markdown

register = template.Library()


@register.filter(is_safe=True)
def markdown(text):
    """Editor-written Markdown as sanitized HTML (the same renderer as publishing).

    Only for texts that are not frozen into a revision, such as the site-wide
    disclaimer; keep it inside a cached fragment so it runs once per change.
    """
    return mark_safe(render_markdown(text))  # render_markdown sanitizes with an allowlist
