from django.conf import settings
from django.contrib import admin
from django.contrib.admin.views.decorators import staff_member_required
from django.shortcuts import redirect
from django.templatetags.static import static
from django.urls import include, path

from filmsite.health import health
from images.views import markdownx_upload, serve_media
from writing.views import markdown_preview

# markdownx's own URLconf lets anyone call its endpoints; ours are staff-only.
markdownx_patterns = [
    # Our own preview: staff only, bounded input (see writing/views.py).
    path("markdownify/", markdown_preview, name="markdownx_markdownify"),
    # Our own handler: decodes, checks and re-encodes (markdownx's trusts the file name).
    path("upload/", staff_member_required(markdownx_upload), name="markdownx_upload"),
]

# A database that cannot be reached answers 503 with Retry-After (filmsite/outage.py).
handler500 = "filmsite.outage.server_error_or_outage"

urlpatterns = [
    # Browsers ask for /favicon.ico on every site, the admin included.
    path("favicon.ico", lambda request: redirect(static("favicon.svg"), permanent=True)),
    # Two-factor sign-in for staff (staff/two_factor.py), inside the admin's address.
    path("admin/two-factor/", include("staff.urls")),
    path("admin/", admin.site.urls),
    path("health/", health, name="health"),
    path("markdownx/", include(markdownx_patterns)),
    path("", include("articles.urls")),
    path("", include("topics.urls")),
    path("", include("discovery.urls")),
    path("", include("corrections.urls")),
    path("", include("search.urls")),
    # Last: one slug at the top level (about/, contact/, privacy/, ...).
    path("", include("sitepages.urls")),
]

if settings.SERVE_MEDIA:
    # Larger sites serve media from the object store or the web server.
    urlpatterns += [
        path(
            f"{settings.MEDIA_URL.strip('/')}/<path:path>",
            serve_media,
            {"document_root": settings.MEDIA_ROOT},
        )
    ]
