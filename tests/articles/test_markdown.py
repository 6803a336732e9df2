"""The one Markdown renderer: editors can format text, not inject markup."""

import pytest
from django.urls import reverse

from tests.factories import EditorFactory, UserFactory
from writing.markdown import render_markdown

PREVIEW_URL = "/markdownx/markdownify/"


@pytest.mark.parametrize(
    ("source", "forbidden"),
    [
        ("Hello <script>alert('x')</script> world", "<script"),
        ("[click me](javascript:alert(1))", "javascript:"),
        ('<a href="javascript:alert(1)">click</a>', "javascript:"),
        ('<img src="/x.png" onerror="alert(1)" alt="x">', "onerror"),
        ('<p onclick="alert(1)">text</p>', "onclick"),
        ('<iframe src="https://evil.example/"></iframe>', "<iframe"),
        ('<p style="color: red">text</p>', "style="),
        ("<object data='x.swf'></object>", "<object"),
    ],
)
def test_dangerous_markup_is_removed(source, forbidden):
    assert forbidden not in render_markdown(source).lower()


def test_text_around_removed_markup_survives():
    html = render_markdown("Before <script>alert('x')</script> after")
    assert "Before" in html
    assert "after" in html


def test_emphasis_and_strong_are_kept():
    html = render_markdown("Some *emphasis* and **strong** words.")
    assert "<em>emphasis</em>" in html
    assert "<strong>strong</strong>" in html


def test_links_are_kept_with_a_safe_rel():
    html = render_markdown("See [the original](https://example.com/original).")
    assert 'href="https://example.com/original"' in html
    assert 'rel="noopener noreferrer"' in html
    assert ">the original</a>" in html


def test_lists_are_kept():
    html = render_markdown("- one\n- two\n\n1. first\n2. second\n")
    assert "<ul>" in html
    assert "<li>one</li>" in html
    assert "<ol>" in html
    assert "<li>second</li>" in html


def test_headings_are_demoted_below_the_section_heading():
    html = render_markdown("# Top\n\n## Next\n\n###### Deepest")
    assert "<h3>Top</h3>" in html
    assert "<h4>Next</h4>" in html
    assert "<h6>Deepest</h6>" in html
    assert "<h1" not in html
    assert "<h2" not in html


def test_empty_input_renders_nothing():
    assert render_markdown("") == ""


@pytest.mark.django_db
def test_preview_matches_what_publishing_renders(client):
    client.force_login(EditorFactory())
    source = "# Heading\n\nSome *text* <script>bad()</script> [link](https://example.com)."
    response = client.post(PREVIEW_URL, {"content": source})
    assert response.status_code == 200
    assert response.content.decode() == render_markdown(source)


def test_preview_url_is_the_configured_one():
    assert reverse("markdownx_markdownify") == PREVIEW_URL


@pytest.mark.django_db
def test_preview_refuses_anonymous_users(client):
    response = client.post(PREVIEW_URL, {"content": "*hi*"})
    assert response.status_code in {302, 403}
    assert "<em>" not in response.content.decode()
    if response.status_code == 302:
        assert response["Location"].startswith(reverse("admin:login"))


@pytest.mark.django_db
def test_preview_refuses_logged_in_non_staff(client):
    client.force_login(UserFactory(is_staff=False))
    response = client.post(PREVIEW_URL, {"content": "*hi*"})
    assert response.status_code in {302, 403}
    assert "<em>" not in response.content.decode()
