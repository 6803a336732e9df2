from django.urls import path

from . import views

app_name = "articles"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("articles/", views.ArticleListView.as_view(), name="article_list"),
    path("verdicts/<slug:slug>/", views.HubView.as_view(), name="hub"),
    path("articles/<slug:slug>/", views.ArticleDetailView.as_view(), name="article"),
    path("films/<slug:slug>/", views.FilmDetailView.as_view(), name="film"),
    path("authors/<slug:slug>/", views.AuthorDetailView.as_view(), name="author"),
]
