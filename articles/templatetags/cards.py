"""``{% load cards %}``, then ``{% article_card publication %}``: a stored card (articles.cards)."""

from django import template
from django.utils.safestring import mark_safe

from articles import cards

register = template.Library()


@register.simple_tag
def article_card(publication, heading_level=3, hide_film=False, card_class="", what_changed=""):
    """The card of a live article in a listing; its parts were escaped when it was built."""
    return mark_safe(
        cards.render(
            publication.card,
            heading_level=heading_level,
            hide_film=hide_film,
            card_class=card_class,
            what_changed=what_changed or "",
        )
    )
