"""Public pages. They read live revisions only (see RevisionQuerySet.live).

Every page is a few indexed queries at any size: listings are one range of
an index on the publication state, paged by cursor (articles.listing). The
article page is built once per live revision and per change of what it
shows (film, poster, author, site settings) and stored with the publication
state; a request then reads one row. All of them are public pages for the
shared page cache (pagecache/), tagged with what they show.
"""

from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.views import View
from django.views.generic import DetailView, TemplateView

from corrections.models import Correction
from discovery import page_meta
from films.models import Author, Film
from filmsite.cache_headers import PublicCacheMixin
from pagecache import pages

from . import cards, related
from .hubs import HUB_BY_SLUG, HUBS, hub_for
from .listing import CURSOR, BadCursor, page_of
from .models import Publication, Revision, SiteSettings

LISTING_SIZE = 20


class RevisionChangedTooOften(Exception):
    """The live revision changed under every attempt to build its page."""


def live_revisions():
    return Revision.objects.live().select_related("film", "film__poster", "author", "author__photo")


def live_cards():
    """Live articles as listings show them: their stored cards (articles.cards)."""
    return Publication.objects.live().cards()


def listing_page(request, queryset):
    try:
        page = page_of(queryset, request.GET.get(CURSOR), LISTING_SIZE)
    except BadCursor:
        raise Http404("No such page of articles.") from None
    page.items = cards.ensure(page.items)
    return page


class HomeView(PublicCacheMixin, TemplateView):
    """A lead story, then the newest, the recently updated and one shelf per verdict hub.

    No article appears twice: each section skips what an earlier one showed.
    Each is one fixed query (an index range, limited), whatever the size of
    the site: 2 + the number of hubs.
    """

    template_name = "articles/home.html"
    newest_size = 2
    updated_size = 2
    hub_size = 3

    def get_context_data(self, **kwargs):
        live = live_cards()
        newest = cards.ensure(live.newest_first()[: 1 + self.newest_size])
        lead, newest = (newest[0], newest[1:]) if newest else (None, [])
        shown = [publication.pk for publication in [lead, *newest] if publication]
        updated = cards.ensure(
            live.recently_updated().with_update_summary().exclude(pk__in=shown)[: self.updated_size]
        )
        shown += [publication.pk for publication in updated]
        shelves = []
        for hub in HUBS:
            items = cards.ensure(
                live.with_verdicts(hub.verdicts)
                .newest_first()
                .exclude(pk__in=shown)[: self.hub_size]
            )
            shown += [publication.pk for publication in items]
            if items:
                shelves.append((hub, items))
        return super().get_context_data(
            lead=lead,
            newest=newest,
            recently_updated=updated,
            shelves=shelves,
            seo=page_meta.home_meta(self.request),
            **kwargs,
        )


class ArticleListView(PublicCacheMixin, TemplateView):
    template_name = "articles/article_list.html"

    def get_context_data(self, **kwargs):
        page = listing_page(self.request, live_cards())
        if self.request.GET.get(CURSOR) and not page.items:
            raise Http404("No articles before this point.")
        first = page.items[0].published_at if page.items else None
        return super().get_context_data(
            publications=page.items,
            page=page,
            seo=page_meta.article_list_meta(
                self.request, self.request.GET.get(CURSOR, ""), first_shown=first
            ),
            **kwargs,
        )


class HubView(PublicCacheMixin, TemplateView):
    """A verdict hub: every live explainer with one of its verdicts, newest first, by cursor."""

    template_name = "articles/hub.html"

    def get_context_data(self, **kwargs):
        hub = HUB_BY_SLUG.get(self.kwargs["slug"])
        if hub is None:
            raise Http404("No such shelf.")
        page = listing_page(self.request, live_cards().with_verdicts(hub.verdicts))
        before = self.request.GET.get(CURSOR, "")
        if before and not page.items:
            raise Http404("No articles before this point.")
        return super().get_context_data(
            hub=hub,
            publications=page.items,
            page=page,
            seo=page_meta.collection_meta(
                path=self.request.path,
                name=hub.name,
                description=hub.intro,
                before=before,
                first_shown=page.items[0].published_at if page.items else None,
                items=[(p.card["title"], p.card["path"]) for p in page.items],
            ),
            **kwargs,
        )


class ArticleDetailView(View):
    """The live revision of an article, as a page built once and stored."""

    template_name = "articles/article_detail.html"

    # A moderator can publish between reading the row and building the page;
    # the reader then gets the page of the revision that is live by then.
    ATTEMPTS = 3

    def get(self, request, slug):
        for _attempt in range(self.ATTEMPTS):
            row = Publication.objects.built_page(slug)
            if row is None:
                return self.not_live(request, slug)
            article_id, revision_id, html, tags, stamp = row
            build = f"build:{pages.build_id()}"
            if html and build in tags and pages.stamp(tags) == stamp:
                return pages.cacheable(HttpResponse(html), tags)
            built = self.build(request, article_id, revision_id)
            if built is not None:
                return pages.cacheable(HttpResponse(built[0]), built[1])
        raise RevisionChangedTooOften(slug)

    def build(self, request, article_id, revision_id):
        """Render the page and store it with the tags (and their version) it shows.

        None when that revision is no longer the live one.
        """
        revision = (
            live_revisions().select_related("film__adaptation_of").filter(pk=revision_id).first()
        )
        if revision is None:
            return None
        versions = list(revision.film.related_versions())
        topics = related.topics_of(revision)
        # Read here, once per build: accepting a correction touches the article's tag.
        corrections = list(Correction.objects.shown_on(article_id))
        next_reads = related.related_explainers(
            revision, family_ids=[film.pk for film in versions], topics=topics
        )
        tags = [
            f"build:{pages.build_id()}",
            pages.article_tag(article_id),
            pages.author_tag(revision.author_id),
            pages.film_tag(revision.film_id),
            *(pages.film_tag(film.pk) for film in versions),
            *(pages.topic_tag(topic.pk) for topic in topics),
            # A related article unpublished or changed: build the page again.
            *(pages.article_tag(other.article_id) for other in next_reads),
        ]
        if revision.film.poster_id:
            tags.append(pages.image_tag(revision.film.poster_id))
        if revision.author.photo_id:  # the byline prints it with its current alt text
            tags.append(pages.image_tag(revision.author.photo_id))
        stamp = pages.stamp(tags)  # before reading: a change meanwhile rebuilds it again
        html = render_to_string(
            self.template_name,
            {
                "revision": revision,
                "related_versions": versions,
                "topics": topics,
                "hub": hub_for(revision.verdict),
                "related_explainers": next_reads,
                "corrections": corrections,
                "site_settings": SiteSettings.load(),
                "seo": page_meta.article_meta(revision),
            },
            request,
        )
        Publication.objects.filter(pk=article_id, live_revision_id=revision_id).update(
            page_html=html, page_tags=tags, page_stamp=stamp
        )
        return html, tags

    def not_live(self, request, slug):
        moved_to = self.moved_to(slug)
        if moved_to is not None:
            return redirect(moved_to, permanent=True)
        if self.was_unpublished(slug):
            # 410 rather than 404: the article existed and was withdrawn on
            # purpose, so search engines drop it at once instead of retrying.
            return TemplateResponse(request, "410.html", status=410)
        raise Http404("No article at this address.")

    def moved_to(self, old_slug):
        """The live page of an article that was once published under ``old_slug``."""
        article_ids = Revision.objects.gone_live().filter(slug=old_slug).values("article_id")
        current = Revision.objects.live().filter(article_id__in=article_ids).first()
        return current.get_absolute_url() if current else None

    def was_unpublished(self, slug):
        """True when readers once saw an article at ``slug`` that is now unpublished."""
        return Revision.objects.gone_live().filter(slug=slug).exists()


class FilmDetailView(PublicCacheMixin, DetailView):
    model = Film
    template_name = "articles/film_detail.html"

    def get_queryset(self):
        return Film.objects.select_related("adaptation_of", "poster")

    def page_tags(self):
        family = [pages.film_tag(film.pk) for film in self.related_versions]
        poster = [pages.image_tag(self.object.poster_id)] if self.object.poster_id else []
        topics = [pages.topic_tag(topic.pk) for topic in self.topics]
        return (pages.LISTINGS, pages.film_tag(self.object.pk), *family, *poster, *topics)

    def get_context_data(self, **kwargs):
        film = self.object
        self.related_versions = list(film.related_versions())
        self.topics = list(film.topics.only("name", "slug").order_by("name"))
        page = listing_page(self.request, live_cards().filter(film=film))
        return super().get_context_data(
            publications=page.items,
            page=page,
            related_versions=self.related_versions,
            topics=self.topics,
            seo=page_meta.film_meta(film),
            **kwargs,
        )


class AuthorDetailView(PublicCacheMixin, DetailView):
    model = Author
    template_name = "articles/author_detail.html"
    queryset = Author.objects.select_related("photo")

    def page_tags(self):
        photo = [pages.image_tag(self.object.photo_id)] if self.object.photo_id else []
        return (pages.LISTINGS, pages.author_tag(self.object.pk), *photo)

    def get_context_data(self, **kwargs):
        page = listing_page(self.request, live_cards().filter(author=self.object))
        return super().get_context_data(
            publications=page.items,
            page=page,
            seo=page_meta.author_meta(self.object),
            **kwargs,
        )
