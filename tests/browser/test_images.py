"""Pictures in a real browser: the article and film pages pass the Nu checker and axe,
renditions load, and an editor uploads in the admin."""

import base64
import urllib.request

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from articles.models import Article
from demo import artwork
from films.models import Film
from images.storage import store_upload
from tests.browser.referees import axe_violations, nu_errors
from tests.conftest import DEMO_ARTICLE_SLUG, DEMO_PASSWORD
from tests.factories import publish
from tests.images import hostile

pytestmark = [pytest.mark.browser, pytest.mark.referee]

ARTICLE_PATH = f"/articles/{DEMO_ARTICLE_SLUG}/"


@pytest.fixture
def illustrated(live_demo, settings):
    """The demo article with a figure in a plain section and one in the spoiler section."""
    settings.ROOT_URLCONF = "tests.browser.urls"  # serve media on the test server
    article = Article.objects.get(slug=DEMO_ARTICLE_SLUG)
    still = store_upload(data=artwork.poster("Still", "A village at night", "rose"))
    jpegs = [r for r in still.renditions if r["format"] == "jpeg"]
    url = max(jpegs, key=lambda r: r["width"])["name"]
    sections = list(article.sections.order_by("sort_order", "pk"))
    plain = next(s for s in sections if not s.is_spoiler)
    plain.body += f'\n\n![A village at night under a moon](/media/{url} "The village at night")'
    plain.save()
    spoiler = next(s for s in sections if s.is_spoiler)
    spoiler.body += f'\n\n![A moonlit hillside](/media/{url} "The last night")'
    spoiler.save()
    admin = get_user_model().objects.get(username="admin")
    publish(article, user=admin, change_summary="Added pictures.")
    return live_demo


@pytest.fixture
def csp_free_page(browser):
    """axe is injected as a script, which the site's CSP (rightly) refuses."""
    context = browser.new_context(bypass_csp=True)
    yield context.new_page()
    context.close()


def fetch(url):
    with urllib.request.urlopen(url) as response:
        return response.read().decode()


def assert_pictures_loaded(page):
    states = page.locator("img").evaluate_all(
        "imgs => imgs.map(i => [i.currentSrc, i.complete, i.naturalWidth])"
    )
    assert states
    for current, _complete, natural in states:
        if natural:  # lazy images below the fold may not have loaded yet
            assert current.endswith(".webp"), current  # Chromium takes the WebP source


PAGES = [ARTICLE_PATH, "/films/miracle-in-cell-no-7-2019/", "/"]


@pytest.mark.parametrize("path", PAGES)
def test_pages_with_pictures_pass_the_nu_checker(illustrated, path):
    html = fetch(illustrated.url + path)
    assert "<picture" in html
    assert nu_errors(html) == []


@pytest.mark.parametrize("path", PAGES)
def test_pages_with_pictures_pass_axe(illustrated, csp_free_page, path):
    page = csp_free_page
    assert page.goto(illustrated.url + path).status == 200
    assert axe_violations(page) == []
    # With every spoiler open too, so the pictures inside are checked.
    page.locator("details").evaluate_all("all => all.forEach(d => d.open = true)")
    assert axe_violations(page) == []


@pytest.mark.parametrize("width", [390, 1280])
def test_article_pictures_load_from_renditions(illustrated, page, screenshots, width):
    page.set_viewport_size({"width": width, "height": 900})
    assert page.goto(illustrated.url + ARTICLE_PATH).status == 200
    hero = page.locator(".figure--hero img")
    hero.wait_for()
    page.wait_for_function("() => document.querySelector('.figure--hero img').complete")
    assert hero.evaluate("i => i.naturalWidth") > 0
    assert hero.get_attribute("fetchpriority") == "high"
    # The phone gets a small rendition, the desktop a larger one; never the master.
    chosen = hero.evaluate("i => i.currentSrc")
    assert "/original." not in chosen
    if width == 390:
        assert chosen.endswith(("/320w.webp", "/640w.webp", "/960w.webp", "/1280w.webp"))
    assert_pictures_loaded(page)
    page.screenshot(path=screenshots / f"article-pictures-{width}.png", full_page=True)


def login(page, base_url, username):
    page.goto(base_url + "/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", DEMO_PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url(base_url + "/admin/")


def drop_file(page, selector, name, data, mime):
    """Drop a file on an element, as dragging it from the desktop does."""
    page.evaluate(
        """([selector, name, b64, mime]) => {
            const bytes = Uint8Array.from(atob(b64), c => c.charCodeAt(0));
            const transfer = new DataTransfer();
            transfer.items.add(new File([bytes], name, {type: mime}));
            document.querySelector(selector).dispatchEvent(
                new DragEvent("drop", {dataTransfer: transfer, bubbles: true, cancelable: true}));
        }""",
        [selector, name, base64.b64encode(data).decode(), mime],
    )


def test_editor_uploads_pictures_in_the_admin(illustrated, page, settings, screenshots):
    settings.DEBUG = True  # the demo accounts only log in on DEBUG sites
    base = illustrated.url
    login(page, base, "editor")

    # A poster through the image form.
    page.goto(base + "/admin/images/image/add/")
    page.set_input_files(
        "#id_upload",
        {"name": "poster.png", "mimeType": "image/png", "buffer": hostile.transparent_png()},
    )
    page.fill("#id_alt_text", "An orange bar on a transparent background")
    page.screenshot(path=screenshots / "admin-image-add.png", full_page=True)
    page.click("input[name=_save]")
    assert "was added successfully" in page.locator(".messagelist").inner_text()

    # A refused file, with the file's name and the reason.
    page.goto(base + "/admin/images/image/add/")
    page.set_input_files(
        "#id_upload",
        {"name": "notes.jpg", "mimeType": "image/jpeg", "buffer": hostile.text_renamed_jpg()},
    )
    page.fill("#id_alt_text", "Something")
    page.click("input[name=_save]")
    assert "“notes.jpg” is not an image" in page.locator(".errorlist").inner_text()

    # Drag and drop into a section's Markdown editor.
    article = Article.objects.get(slug=DEMO_ARTICLE_SLUG)
    # Every editor on the page fetches its preview at once, but the test server
    # shares one in-memory SQLite connection between its threads, which breaks
    # under overlapping requests. Previews are answered here instead (the
    # renderer has its own tests), so the upload is the only request.
    page.route(
        "**/markdownx/markdownify/",
        lambda route: route.fulfill(status=200, content_type="text/html", body="<p>…</p>"),
    )
    page.goto(base + f"/admin/articles/article/{article.pk}/change/", wait_until="networkidle")
    editor = "#id_sections-0-body"
    page.locator("#sections-group .filmsite-items__expand").click()  # sections open folded
    page.wait_for_selector(f"{editor}[data-markdownx-init]")
    with page.expect_response("**/markdownx/upload/") as upload:
        drop_file(page, editor, "still.jpg", hostile.picture((900, 600)), "image/jpeg")
    assert upload.value.status == 200
    status = page.locator("#sections-0 .filmsite-upload-status")
    status.wait_for()
    assert "Uploaded" in status.inner_text(), status.inner_text()
    assert "![](/media/images/" in page.locator(editor).input_value()
    # The dropped picture opens the picture dialog for its alt text; left
    # without, the Markdown keeps an empty alt text (and the save is refused).
    dialog = page.get_by_role("dialog", name="Insert picture")
    expect(dialog).to_be_visible()
    dialog.get_by_role("button", name="Cancel").click()
    expect(dialog).to_be_hidden()
    drop_file(page, editor, "drawing.svg", hostile.svg_with_script(), "image/svg+xml")
    page.wait_for_function(
        "() => document.querySelector('#sections-0 .filmsite-upload-status.errornote')"
    )
    assert "“drawing.svg” is an SVG drawing" in status.inner_text()
    assert "Invalid response" not in page.locator(editor).input_value()
    page.screenshot(path=screenshots / "admin-markdown-upload.png", full_page=True)

    # Without alt text the section cannot be saved.
    page.click("input[name=_continue]")
    assert "has no alt text" in page.locator(".errorlist").first.inner_text()


def test_film_poster_is_chosen_in_the_admin(illustrated, page, settings):
    settings.DEBUG = True
    login(page, illustrated.url, "editor")
    film = Film.objects.get(slug="miracle-in-cell-no-7-2019")
    page.goto(illustrated.url + f"/admin/films/film/{film.pk}/change/")
    preview = page.locator(".filmsite-image-choice img")
    assert preview.count() == 1
    page.wait_for_function(
        "() => document.querySelector('.filmsite-image-choice img').naturalWidth > 0"
    )
