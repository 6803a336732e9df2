"""The desk and the article form in a real browser, on the demo.

Collapsing, reordering by drag and drop and by keyboard, the spoiler-warning
field, the picture dialog, autosave, presence, and the review screen of a
first publication; axe-core checks the new screens. Screenshots of the desk
and the form at 1,280 px go to /tmp/filmsite-tests-output.
"""

import json

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from articles import workflow
from articles.models import Article
from tests.conftest import DEMO_ARTICLE_SLUG, DEMO_PASSWORD
from tests.tools import axe_js

pytestmark = pytest.mark.browser

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def log_in(browser, base_url, username, *, stub_presence=True, bypass_csp=False):
    # The site's strict CSP stays on (the admin scripts must work under it),
    # except where axe-core has to be injected.
    context = browser.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=bypass_csp)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.js_errors = errors
    # The in-memory test database takes one writer at a time: the Markdown
    # preview and the presence poll are answered here unless a test needs them.
    page.route(
        "**/markdownx/markdownify/",
        lambda route: route.fulfill(status=200, content_type="text/html", body="<p>…</p>"),
    )
    if stub_presence:
        page.route(
            "**/presence/",
            lambda route: route.fulfill(
                status=200, content_type="application/json", body='{"others": []}'
            ),
        )
    page.goto(base_url + reverse("admin:login"))
    page.fill("#id_username", username)
    page.fill("#id_password", DEMO_PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_load_state()
    assert page.locator("#user-tools").count() == 1, page.content()[:3000]
    return context, page


@pytest.fixture
def demo_site(live_demo, settings):
    settings.DEBUG = True  # demo accounts log in only on a DEBUG site (filmsite.auth)
    return live_demo.url


def demo_article():
    return Article.objects.get(slug=DEMO_ARTICLE_SLUG)


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def section_items(page):
    return page.locator("#sections-group .inline-related:not(.empty-form)")


def orders(page):
    return [
        int(value)
        for value in page.locator(
            "#sections-group .inline-related:not(.empty-form) input[name$='-sort_order']"
        ).evaluate_all("inputs => inputs.map(i => i.value)")
    ]


def headings(page):
    return page.locator(
        "#sections-group .inline-related:not(.empty-form) .filmsite-item__title"
    ).all_inner_texts()


def axe(page):
    page.add_script_tag(path=str(axe_js()))
    results = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS
    )
    return [
        f"{v['id']}: {v['help']} — {[n['target'] for n in v['nodes']][:5]}"
        for v in results["violations"]
    ]


def test_desk_shows_what_was_sent_back(browser, demo_site, screenshots):
    from django.contrib.auth import get_user_model

    users = get_user_model().objects
    article = Article.objects.exclude(slug=DEMO_ARTICLE_SLUG).first()
    pending = workflow.submit(article=article, user=users.get(username="editor")).revision
    workflow.request_changes(
        revision=pending, user=users.get(username="moderator"), comment="Name the remakes."
    )
    context, page = log_in(browser, demo_site, "editor")
    shelf = page.locator(".desk__shelf--sent-back")
    expect(shelf).to_contain_text("Changes requested by moderator")
    expect(shelf).to_contain_text("Name the remakes.")
    page.screenshot(path=screenshots / "desk-editor-1280.png", full_page=True)
    shelf.get_by_role("link", name=article.title).click()
    expect(page.locator("#filmsite-state")).to_contain_text("Changes requested by moderator")
    context.close()

    context, page = log_in(browser, demo_site, "moderator")
    page.screenshot(path=screenshots / "desk-moderator-1280.png", full_page=True)
    context.close()


def test_sections_collapse_and_reorder_by_keyboard(browser, demo_site, screenshots):
    article = demo_article()
    context, page = log_in(browser, demo_site, "editor")
    page.goto(demo_site + change_url(article))
    items = section_items(page)
    first_title = headings(page)[0]
    # A long explainer opens folded: headings and spoiler badges only.
    expect(items.first.locator(".filmsite-item__body")).to_be_hidden()
    expect(
        page.locator("#sections-group .filmsite-item--spoiler .filmsite-item__spoiler").first
    ).to_be_visible()
    page.screenshot(path=screenshots / "article-form-1280.png", full_page=True)
    toggle = items.first.locator(".filmsite-item__toggle")
    toggle.press("Enter")
    expect(items.first.locator(".filmsite-item__body")).to_be_visible()
    assert toggle.get_attribute("aria-expanded") == "true"
    toggle.press("Enter")
    expect(items.first.locator(".filmsite-item__body")).to_be_hidden()

    # Keyboard: focus "Move down" on the first section and press it.
    down = items.first.locator(".filmsite-item__down")
    down.focus()
    page.keyboard.press("Enter")
    assert headings(page)[1] == first_title
    assert orders(page) == sorted(orders(page))
    expect(page.locator("#filmsite-items-status")).to_contain_text("moved to position 2")
    page.locator("input[name=_continue]").first.click()
    expect(page.locator(".messagelist")).to_contain_text("changed successfully")
    saved = list(article.sections.order_by("sort_order", "pk").values_list("heading", flat=True))
    assert saved[1] == first_title
    assert page.js_errors == []
    context.close()


def test_sections_reorder_by_drag_and_drop(browser, demo_site):
    article = demo_article()
    context, page = log_in(browser, demo_site, "editor")
    page.goto(demo_site + change_url(article))
    before = headings(page)
    items = section_items(page)
    # Items move while the pointer is over them, so drive the mouse by hand.
    items.nth(0).locator(".filmsite-item__handle").hover()
    target = items.nth(2).bounding_box()
    page.mouse.down()
    page.mouse.move(target["x"] + 40, target["y"] + target["height"] - 4, steps=8)
    page.mouse.up()
    after = headings(page)
    assert after != before
    assert sorted(after) == sorted(before)
    assert after.index(before[0]) > 0
    assert orders(page) == [10 * (n + 1) for n in range(len(before))]
    context.close()


def test_spoiler_warning_shows_only_for_spoilers(browser, demo_site):
    context, page = log_in(browser, demo_site, "editor")
    page.goto(demo_site + change_url(demo_article()))
    first = section_items(page).first
    first.locator(".filmsite-item__toggle").click()
    warning = first.locator("input[name$='-spoiler_warning']")
    expect(warning).to_be_hidden()
    first.locator("input[name$='-is_spoiler']").check()
    expect(warning).to_be_visible()
    expect(first.locator(".filmsite-item__spoiler")).to_be_visible()
    context.close()


def test_picture_dialog_requires_alt_text(browser, demo_site):
    context, page = log_in(browser, demo_site, "editor")
    page.goto(demo_site + change_url(demo_article()))
    first = section_items(page).first
    first.locator(".filmsite-item__toggle").click()
    editor = first.locator("textarea[name$='-body']")
    editor.evaluate("e => e.setSelectionRange(e.value.length, e.value.length)")
    first.get_by_role("button", name="Insert picture…").click()
    dialog = page.get_by_role("dialog", name="Insert picture")
    expect(dialog).to_be_visible()
    dialog.get_by_label("Choose one already uploaded").check()
    dialog.locator(".filmsite-picture__choice input").first.wait_for()
    dialog.locator(".filmsite-picture__choice input").first.check()
    alt = dialog.get_by_label("Alt text: what the picture shows")
    alt.fill("")
    dialog.get_by_role("button", name="Insert picture").click()
    expect(dialog.get_by_role("alert")).to_contain_text("Write what the picture shows")
    expect(dialog).to_be_visible()
    alt.fill("Memo and Ova in the prison yard")
    dialog.get_by_label("Caption (optional)").fill("The visit")
    dialog.get_by_role("button", name="Insert picture").click()
    expect(dialog).to_be_hidden()
    value = editor.input_value()
    assert "![Memo and Ova in the prison yard](/media/images/" in value
    assert value.rstrip().endswith('"The visit")')
    context.close()


def test_autosave_offers_to_restore_after_a_closed_tab(browser, demo_site):
    context, page = log_in(browser, demo_site, "editor")
    url = demo_site + change_url(demo_article())
    page.goto(url)
    page.fill("#id_standfirst", "Typed, never saved, then the tab closed.")
    page.wait_for_function(
        "() => Object.keys(localStorage).some(k => k.startsWith('filmsite:autosave:'))"
    )
    page.close()
    page = context.new_page()
    page.route(
        "**/presence/",
        lambda route: route.fulfill(
            status=200, content_type="application/json", body=json.dumps({"others": []})
        ),
    )
    page.goto(url)
    prompt = page.locator(".filmsite-autosave")
    expect(prompt).to_contain_text("Restore unsaved changes?")
    assert page.input_value("#id_standfirst") != "Typed, never saved, then the tab closed."
    prompt.get_by_role("button", name="Restore unsaved changes").click()
    assert page.input_value("#id_standfirst") == "Typed, never saved, then the tab closed."
    context.close()


def test_presence_names_the_other_person(browser, demo_site):
    url = demo_site + change_url(demo_article())
    first_context, first = log_in(browser, demo_site, "editor", stub_presence=False)
    first.goto(url)
    first.wait_for_load_state("networkidle")
    second_context, second = log_in(browser, demo_site, "moderator", stub_presence=False)
    second.goto(url)
    expect(second.locator("#filmsite-presence")).to_contain_text("has this article open too")
    assert "editor" in second.locator("#filmsite-presence").inner_text().lower()
    first_context.close()
    second_context.close()


def test_review_screen_of_a_first_publication(browser, demo_site, screenshots):
    from django.contrib.auth import get_user_model

    article = Article.objects.exclude(slug=DEMO_ARTICLE_SLUG).first()
    editor = get_user_model().objects.get(username="editor")
    pending = workflow.submit(article=article, user=editor).revision
    context, page = log_in(browser, demo_site, "moderator")
    page.goto(demo_site + reverse("admin:articles_submission_review", args=[pending.pk]))
    table = page.locator("table.review__first")
    expect(table).to_contain_text(article.title)
    expect(table).to_contain_text(article.standfirst[:40])
    expect(table).to_contain_text(str(article.film))
    page.screenshot(path=screenshots / "review-first-publication-1280.png", full_page=True)
    context.close()


@pytest.mark.referee
def test_new_admin_screens_have_no_wcag_violations(browser, demo_site):
    article = demo_article()
    other = Article.objects.exclude(slug=DEMO_ARTICLE_SLUG).first()
    from django.contrib.auth import get_user_model

    pending = workflow.submit(
        article=other, user=get_user_model().objects.get(username="editor")
    ).revision
    context, page = log_in(browser, demo_site, "moderator", bypass_csp=True)
    for path in [
        reverse("admin:index"),
        change_url(article),
        reverse("admin:articles_article_changelist"),
        reverse("admin:articles_submission_review", args=[pending.pk]),
        reverse("admin:articles_article_submit", args=[article.pk]),
    ]:
        page.goto(demo_site + path)
        assert axe(page) == [], path
    context.close()


def test_a_film_change_waits_for_a_moderator(browser, demo_site, screenshots):
    from articles.models import ReferenceRevision

    film = demo_article().film
    film_page = demo_site + reverse("articles:film", kwargs={"slug": film.slug})
    context, page = log_in(browser, demo_site, "editor")
    page.goto(demo_site + reverse("admin:films_film_change", args=[film.pk]))
    page.fill("#id_genre", "courtroom drama, reviewed")
    page.locator("input[name=_save]").click()
    expect(page.locator(".messagelist")).to_contain_text("Saved for review")
    page.goto(film_page)
    expect(page.locator("body")).not_to_contain_text("drama, reviewed")
    page.goto(demo_site + reverse("admin:films_film_change", args=[film.pk]))
    expect(page.locator(".filmsite-held-state").first).to_contain_text("awaits review")
    expect(page.locator("#id_genre")).to_have_value("courtroom drama, reviewed")
    context.close()

    context, page = log_in(browser, demo_site, "moderator", bypass_csp=True)
    shelf = page.locator(".desk__shelf--changes-queue")
    expect(shelf).to_contain_text("1 field")
    shelf.get_by_role("link", name=str(film)).click()
    expect(page.locator(".review__fields")).to_contain_text("courtroom drama, reviewed")
    assert axe(page) == []
    page.screenshot(path=screenshots / "film-change-review-1280.png", full_page=True)
    page.get_by_role("button", name="Approve").click()
    expect(page.locator(".messagelist")).to_contain_text("readers see it now")
    page.goto(film_page)
    expect(page.locator("body")).to_contain_text("drama, reviewed")
    context.close()
    assert ReferenceRevision.objects.get().status == ReferenceRevision.Status.APPROVED
