"""Every public page type passes the W3C Nu HTML checker (vnu.jar) with no errors.

All pages go to one Java process: starting the JVM costs more than checking.
"""

import json
import subprocess

import pytest
from django.urls import reverse

from tests.conftest import DEMO_ARTICLE_SLUG
from tests.tools import java, vnu_jar

pytestmark = [pytest.mark.referee, pytest.mark.django_db]

PAGES = {
    "home": (reverse("articles:home"), 200),
    "article-list": (reverse("articles:article_list"), 200),
    "article": (reverse("articles:article", kwargs={"slug": DEMO_ARTICLE_SLUG}), 200),
    "film": (reverse("articles:film", kwargs={"slug": "miracle-in-cell-no-7-2019"}), 200),
    "original-film": (reverse("articles:film", kwargs={"slug": "miracle-in-cell-no-7-2013"}), 200),
    "film-without-articles": (
        reverse("articles:film", kwargs={"slug": "miracle-in-cell-no-7-indonesia-2022"}),
        200,
    ),
    "author": (reverse("articles:author", kwargs={"slug": "editorial-team"}), 200),
    "hub": (reverse("articles:hub", kwargs={"slug": "based-on-real-events"}), 200),
    "topic": (reverse("topics:topic", kwargs={"slug": "miracle-in-cell-no-7-every-version"}), 200),
    "topics": (reverse("topics:index"), 200),
    "site-page": (reverse("sitepages:page", kwargs={"slug": "corrections-policy"}), 200),
    "editorial-standards": (reverse("sitepages:page", kwargs={"slug": "editorial-standards"}), 200),
    "privacy": (reverse("sitepages:page", kwargs={"slug": "privacy"}), 200),
    "not-found": ("/no/such/page/", 404),
    "search": (reverse("search:results") + "?q=miracle+in+cel+7", 200),
    "search-page-out-of-range": (reverse("search:results") + "?q=miracle&page=99", 200),
    "search-nothing-found": (reverse("search:results") + "?q=zzyzzx", 200),
    "search-empty": (reverse("search:results") + "?q=%22*", 200),
}


def test_every_page_type_is_valid_html(client, demo, tmp_path):
    command = [java(), "-jar", str(vnu_jar()), "--errors-only", "--format", "json"]
    files = {}
    for name, (url, status) in PAGES.items():
        response = client.get(url)
        assert response.status_code == status, url
        path = tmp_path / f"{name}.html"
        path.write_bytes(response.content)
        files[path.as_uri()] = name
    result = subprocess.run(
        [*command, *(str(tmp_path / f"{name}.html") for name in PAGES)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    report = json.loads(result.stderr or result.stdout or '{"messages": []}')
    errors = [
        f"{files.get(m.get('url'), m.get('url'))}:{m.get('lastLine')}: {m.get('message')}"
        for m in report["messages"]
        if m.get("type") in {"error", "non-document-error"}
    ]
    assert errors == [], "\n".join(errors)
    assert result.returncode == 0, result.stderr
