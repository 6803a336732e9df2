"""{% load images %}: print frozen picture data (see images.markup)."""

from django import template

from images.markup import CONTENT_SIZES, render_figure, render_picture

register = template.Library()


@register.simple_tag
def picture(data, sizes=CONTENT_SIZES, priority=False, css_class=""):
    """A responsive <picture>, or nothing when ``data`` is empty."""
    if not data:
        return ""
    return render_picture(data, sizes=sizes, priority=priority, css_class=css_class)


@register.simple_tag
def figure(data, sizes=CONTENT_SIZES, priority=False, css_class="figure"):
    """The picture in a <figure> with its caption and credit, or nothing."""
    if not data:
        return ""
    return render_figure(data, sizes=sizes, priority=priority, css_class=css_class)
