from django.contrib.sitemaps.views import sitemap
from django.urls import path

from . import feeds, views
from .sitemaps import SITEMAPS

app_name = "articles"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("articles/", views.ArticleListView.as_view(), name="article_list"),
    path("articles/<slug:slug>/", views.ArticleDetailView.as_view(), name="article"),
    path("films/<slug:slug>/", views.FilmDetailView.as_view(), name="film"),
    path("authors/<slug:slug>/", views.AuthorDetailView.as_view(), name="author"),
    # Feeds: every article, and the articles about one film, as RSS and Atom.
    path("feeds/articles.rss", views.public_cache(feeds.ArticleFeed()), name="feed_rss"),
    path("feeds/articles.atom", views.public_cache(feeds.AtomArticleFeed()), name="feed_atom"),
    path("films/<slug:slug>/feed.rss", views.public_cache(feeds.FilmFeed()), name="film_feed_rss"),
    path(
        "films/<slug:slug>/feed.atom",
        views.public_cache(feeds.AtomFilmFeed()),
        name="film_feed_atom",
    ),
    path(
        "sitemap.xml",
        views.public_cache(sitemap),
        {"sitemaps": SITEMAPS},
        name="sitemap",
    ),
    path("robots.txt", views.robots_txt, name="robots"),
]
