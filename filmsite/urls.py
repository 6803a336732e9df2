from django.conf import settings
from django.contrib import admin
from django.contrib.admin.views.decorators import staff_member_required
from django.shortcuts import redirect
from django.templatetags.static import static
from django.urls import include, path
from django.views.static import serve
from markdownx.views import ImageUploadView, MarkdownifyView

# markdownx's own URLconf lets anyone call its endpoints; ours are staff-only.
markdownx_patterns = [
    path(
        "markdownify/",
        staff_member_required(MarkdownifyView.as_view()),
        name="markdownx_markdownify",
    ),
    path("upload/", staff_member_required(ImageUploadView.as_view()), name="markdownx_upload"),
]

urlpatterns = [
    # Browsers ask for /favicon.ico on every site, the admin included.
    path("favicon.ico", lambda request: redirect(static("favicon.svg"), permanent=True)),
    path("admin/", admin.site.urls),
    path("markdownx/", include(markdownx_patterns)),
    path("", include("articles.urls")),
    path("", include("corrections.urls")),
]

if settings.DEBUG:
    # Production serves media from the object store or the web server.
    urlpatterns += [
        path(
            f"{settings.MEDIA_URL.strip('/')}/<path:path>",
            serve,
            {"document_root": settings.MEDIA_ROOT},
        )
    ]
