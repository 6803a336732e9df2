"""The site's URLs plus media, which DEBUG-off test servers otherwise do not serve."""

from django.conf import settings
from django.urls import path

from filmsite.urls import urlpatterns as site_urlpatterns
from images.views import serve_media


def media(request, path):
    return serve_media(request, path, document_root=settings.MEDIA_ROOT)


urlpatterns = [*site_urlpatterns, path("media/<path:path>", media)]
