"""Whether Django itself serves uploads follows SERVE_MEDIA, not DEBUG alone."""

import importlib

import pytest
from django.urls import Resolver404, clear_url_caches, resolve

import filmsite.urls


@pytest.fixture
def reload_urls():
    def reload():
        clear_url_caches()
        importlib.reload(filmsite.urls)

    yield reload
    reload()  # back to the URLconf of the suite's own settings


@pytest.mark.parametrize("serve_media", [True, False])
def test_media_is_routed_only_when_the_site_serves_it(settings, reload_urls, serve_media):
    settings.DEBUG = False
    settings.SERVE_MEDIA = serve_media
    reload_urls()
    path = "/media/images/abc/640w.webp"
    if serve_media:
        assert resolve(path).func.__name__ == "serve_media"
    else:
        with pytest.raises(Resolver404):
            resolve(path)
