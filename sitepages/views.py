"""A published site page: one query, a public page for the shared page cache."""

from django.http import Http404
from django.views.generic import TemplateView

from discovery import page_meta
from filmsite.cache_headers import PublicCacheMixin

from .models import SitePage
from .services import sitepage_tag


class SitePageView(PublicCacheMixin, TemplateView):
    template_name = "sitepages/page.html"

    def page_tags(self):
        return (sitepage_tag(self.page.pk),)

    def get_context_data(self, **kwargs):
        self.page = (
            SitePage.objects.published()
            .only("slug", "published_title", "published_description", "published_html")
            .filter(slug=self.kwargs["slug"])
            .first()
        )
        if self.page is None:
            raise Http404("No such page.")
        return super().get_context_data(
            page=self.page,
            seo=page_meta.site_page_meta(
                path=self.request.path,
                title=self.page.published_title,
                description=self.page.published_description,
            ),
            **kwargs,
        )
