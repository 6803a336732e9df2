"""Topic pages and the topics index: public pages for the shared page cache.

A topic page is three fixed queries: the topic, its films (each with the
address of its newest live explainer) and one page of its live explainers,
paged by cursor like every listing.
"""

from django.db.models import OuterRef, Subquery
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.views.generic import TemplateView

from articles.listing import CURSOR
from articles.models import Publication
from articles.views import listing_page, live_cards
from discovery import page_meta
from filmsite.cache_headers import PublicCacheMixin
from pagecache import pages

from .models import FILMS_SHOWN, Topic

TOPICS_SHOWN = 200


class TopicView(PublicCacheMixin, TemplateView):
    template_name = "topics/topic.html"

    def page_tags(self):
        films = (pages.film_tag(film.pk) for film in self.films)
        return (pages.LISTINGS, pages.topic_tag(self.topic.pk), *films)

    def get_context_data(self, **kwargs):
        self.topic = topic = get_object_or_404(Topic, slug=self.kwargs["slug"])
        explainer = (
            Publication.objects.live()
            .filter(film=OuterRef("pk"))
            .order_by("-published_at", "-article_id")
            .values("slug")[:1]
        )
        self.films = list(
            topic.films.annotate(explainer_slug=Subquery(explainer))
            .order_by("year", "title", "pk")
            .only("slug", "title", "year", "country")[:FILMS_SHOWN]
        )
        page = listing_page(self.request, live_cards().filter(article__topics=topic))
        before = self.request.GET.get(CURSOR, "")
        if before and not page.items:
            raise Http404("No articles before this point.")
        return super().get_context_data(
            topic=topic,
            films=self.films,
            publications=page.items,
            page=page,
            seo=page_meta.collection_meta(
                path=topic.get_absolute_url(),
                name=topic.name,
                description=topic.intro,
                before=before,
                first_shown=page.items[0].published_at if page.items else None,
                items=[(p.card["title"], p.card["path"]) for p in page.items],
                parent=("Topics", reverse("topics:index")),
            ),
            **kwargs,
        )


class TopicIndexView(PublicCacheMixin, TemplateView):
    template_name = "topics/index.html"

    def page_tags(self):
        return (pages.TOPICS,)

    def get_context_data(self, **kwargs):
        topics = list(Topic.objects.only("name", "slug", "intro")[:TOPICS_SHOWN])
        return super().get_context_data(
            topics=topics,
            seo=page_meta.collection_meta(
                path=self.request.path,
                name="Topics",
                description="Films and explainers gathered by franchise, country and theme.",
                before="",
                first_shown=None,
                items=[(t.name, t.get_absolute_url()) for t in topics],
            ),
            **kwargs,
        )
