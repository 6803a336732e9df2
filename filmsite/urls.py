from django.conf import settings
from django.contrib import admin
from django.contrib.admin.views.decorators import staff_member_required
from django.shortcuts import redirect
from django.templatetags.static import static
from django.urls import include, path
from markdownx.views import MarkdownifyView

from images.views import markdownx_upload, serve_media

# markdownx's own URLconf lets anyone call its endpoints; ours are staff-only.
markdownx_patterns = [
    path(
        "markdownify/",
        staff_member_required(MarkdownifyView.as_view()),
        name="markdownx_markdownify",
    ),
    # Our own handler: decodes, checks and re-encodes (markdownx's trusts the file name).
    path("upload/", staff_member_required(markdownx_upload), name="markdownx_upload"),
]

urlpatterns = [
    # Browsers ask for /favicon.ico on every site, the admin included.
    path("favicon.ico", lambda request: redirect(static("favicon.svg"), permanent=True)),
    path("admin/", admin.site.urls),
    path("markdownx/", include(markdownx_patterns)),
    path("", include("articles.urls")),
    path("", include("corrections.urls")),
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
