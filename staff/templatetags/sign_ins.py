"""The desk's "Your previous sign-in" line: a stranger's use of an account shows."""

from django import template

from filmsite.dates import format_when

from .. import two_factor
from ..audit import previous_sign_in

register = template.Library()


@register.inclusion_tag("admin/includes/previous_sign_in.html")
def previous_sign_in_note(user):
    event = previous_sign_in(user) if user.is_authenticated else None
    return {
        "when": format_when(event.at) if event else None,
        "address": event.address if event else None,
        "has_event": event is not None,
        # Only for a session confirmed with a code: then the account uses two factors.
        "backup_codes_left": (
            two_factor.backup_codes_left(user) if two_factor.is_verified(user) else None
        ),
    }
