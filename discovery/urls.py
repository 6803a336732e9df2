from django.contrib.sitemaps import views as sitemap_views
from django.urls import path

from filmsite.cache_headers import public_cache
from pagecache import pages

from . import feeds
from .robots import robots_txt
from .sitemaps import SITEMAPS, section

app_name = "discovery"

# Sitemaps list articles, films and authors (listings), topics and site pages.
SITEMAP_TAGS = (pages.LISTINGS, pages.TOPICS, pages.SITE_PAGES)

urlpatterns = [
    # Feeds: every article, and the articles about one film, as RSS and Atom.
    path("feeds/articles.rss", public_cache(feeds.ArticleFeed()), name="feed_rss"),
    path("feeds/articles.atom", public_cache(feeds.AtomArticleFeed()), name="feed_atom"),
    path("films/<slug:slug>/feed.rss", public_cache(feeds.FilmFeed()), name="film_feed_rss"),
    path("films/<slug:slug>/feed.atom", public_cache(feeds.AtomFilmFeed()), name="film_feed_atom"),
    # An index of sitemap pages, each at most sitemaps.URLS_PER_PAGE addresses.
    path(
        "sitemap.xml",
        public_cache(sitemap_views.index, tags=SITEMAP_TAGS),
        {"sitemaps": SITEMAPS, "sitemap_url_name": "discovery:sitemap_section"},
        name="sitemap",
    ),
    path(
        "sitemap-<section>.xml",
        public_cache(section, tags=SITEMAP_TAGS),
        name="sitemap_section",
    ),
    path("robots.txt", public_cache(robots_txt, tags=()), name="robots"),
]
