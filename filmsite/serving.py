"""Checks that must pass before the site answers a single request."""

from django.core.exceptions import ImproperlyConfigured


def refuse_to_serve_without_secret_key() -> None:
    """A site with DEBUG off must never start without its SECRET_KEY."""
    from django.conf import settings

    try:
        key = settings.SECRET_KEY
    except ImproperlyConfigured:  # Django refuses to hand out an empty key
        key = ""
    if not key:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off (see .env.example).")
