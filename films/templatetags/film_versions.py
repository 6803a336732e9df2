"""``{% load film_versions %}``: a film's other versions for the facts box."""

from django import template

register = template.Library()


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
