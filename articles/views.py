"""Public pages. They read live revisions only (see RevisionQuerySet.live)."""

from functools import wraps

from django.conf import settings
from django.db.models import F
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.views.generic import DetailView, ListView, TemplateView

from . import seo
from .models import Author, Film, Revision, SiteSettings


class PublicCacheMixin:
    """Lets browsers and a CDN keep public pages for a short while."""

    def dispatch(self, request, *args, **kwargs):
        response = super().dispatch(request, *args, **kwargs)
        if request.method in {"GET", "HEAD"} and response.status_code == 200:
            patch_cache_control(response, public=True, max_age=settings.PUBLIC_CACHE_SECONDS)
        return response


def public_cache(view):
    """PublicCacheMixin's headers for a function view (sitemap.xml, robots.txt)."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        if request.method in {"GET", "HEAD"} and response.status_code == 200:
            patch_cache_control(response, public=True, max_age=settings.PUBLIC_CACHE_SECONDS)
        return response

    return wrapper


@public_cache
def robots_txt(request):
    """Crawl everything public; the admin and its helpers are not for robots."""
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /markdownx/",
        "",
        f"Sitemap: {seo.absolute_url(reverse('articles:sitemap'))}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


def live_revisions():
    return Revision.objects.live().select_related("film", "film__poster", "author")


class HomeView(PublicCacheMixin, TemplateView):
    template_name = "articles/home.html"
    listing_size = 8

    def get_context_data(self, **kwargs):
        live = live_revisions()
        return super().get_context_data(
            newest=live.order_by("-published_at", "-pk")[: self.listing_size],
            recently_updated=live.filter(updated_at__gt=F("published_at")).newest_first()[
                : self.listing_size
            ],
            seo=seo.home_meta(self.request),
            **kwargs,
        )


class ArticleListView(PublicCacheMixin, ListView):
    template_name = "articles/article_list.html"
    context_object_name = "revisions"
    paginate_by = 20

    def get_queryset(self):
        return live_revisions().order_by("-published_at", "-pk")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        page = context["page_obj"].number if context.get("page_obj") else 1
        context["seo"] = seo.article_list_meta(self.request, page)
        return context


class ArticleDetailView(PublicCacheMixin, DetailView):
    template_name = "articles/article_detail.html"
    context_object_name = "revision"

    def get(self, request, *args, **kwargs):
        try:
            return super().get(request, *args, **kwargs)
        except Http404:
            moved_to = self.moved_to(kwargs["slug"])
            if moved_to is not None:
                return redirect(moved_to, permanent=True)
            if self.was_unpublished(kwargs["slug"]):
                # 410 rather than 404: the article existed and was withdrawn on
                # purpose, so search engines drop it at once instead of retrying.
                return TemplateResponse(request, "410.html", status=410)
            raise

    def get_object(self, queryset=None):
        return get_object_or_404(
            live_revisions().annotate(films_changed_at=Film.objects.family_changed_at("film")),
            slug=self.kwargs["slug"],
        )

    def moved_to(self, old_slug):
        """The live page of an article that was once published under ``old_slug``."""
        article_ids = Revision.objects.gone_live().filter(slug=old_slug).values("article_id")
        current = live_revisions().filter(article_id__in=article_ids).first()
        return current.get_absolute_url() if current else None

    def was_unpublished(self, slug):
        """True when readers once saw an article at ``slug`` that is now unpublished."""
        return Revision.objects.gone_live().filter(slug=slug).exists()

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            site_settings=SiteSettings.load(),
            fragment_cache_seconds=settings.FRAGMENT_CACHE_SECONDS,
            seo=seo.article_meta(self.object),
            **kwargs,
        )


class FilmDetailView(PublicCacheMixin, DetailView):
    model = Film
    template_name = "articles/film_detail.html"

    def get_queryset(self):
        return Film.objects.select_related("adaptation_of", "poster")

    def get_context_data(self, **kwargs):
        film = self.object
        return super().get_context_data(
            revisions=live_revisions().filter(film=film).order_by("-published_at"),
            related_versions=film.related_versions(),
            seo=seo.film_meta(film),
            **kwargs,
        )


class AuthorDetailView(PublicCacheMixin, DetailView):
    model = Author
    template_name = "articles/author_detail.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            revisions=live_revisions().filter(author=self.object).order_by("-published_at"),
            seo=seo.author_meta(self.object),
            **kwargs,
        )
