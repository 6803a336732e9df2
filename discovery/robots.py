"""robots.txt: crawl everything public, point at the sitemap."""

from django.http import HttpResponse
from django.urls import reverse

from filmsite.links import absolute_url


def robots_txt(request):
    """Crawl everything public; the admin and its helpers are not for robots."""
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /markdownx/",
        "",
        f"Sitemap: {absolute_url(reverse('discovery:sitemap'))}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
