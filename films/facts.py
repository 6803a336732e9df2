"""Confirming that a film's where-to-watch lines and ratings are still right.

Confirming only moves their "checked on" dates: what readers see does not
change, so no article's "Updated" date moves either (it is a minor change in
the plainest sense: no revision at all).
"""

from datetime import date

from django.db import transaction

from .models import Availability, Film, Rating


@transaction.atomic
def confirm_facts(*, film: Film, today: date | None = None) -> int:
    """Record that ``film``'s where-to-watch lines and ratings were checked today.

    Returns how many lines were confirmed.
    """
    today = today or date.today()
    return Availability.objects.filter(film=film).update(checked_on=today) + Rating.objects.filter(
        film=film
    ).update(checked_on=today)
