"""The editors' admin. Revision changes go through articles.workflow (see review.py)."""

from django.contrib import admin

from . import (  # noqa: F401  (registers)
    articles,
    images,
    reference_review,
    review,
    revisions,
    site_settings,
)

admin.site.site_header = "filmsite editorial"
admin.site.site_title = "filmsite editorial"
admin.site.index_title = "Articles, films and site texts"
