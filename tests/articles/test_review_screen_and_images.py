"""The review screen shows everything readers will see; link and picture changes show
both sides; the image list says where each picture is used, and moderators can remove
only the unused ones; the picture dialog's list of uploads."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from articles import image_usage
from images.models import Image
from tests.factories import ArticleFactory, EditorFactory, publish, submit
from tests.helpers import edit
from tests.html import parse
from tests.images.test_rendering import make_image, markdown_for

pytestmark = pytest.mark.django_db


def review_page(client, moderator, revision):
    client.force_login(moderator)
    url = reverse("admin:articles_submission_review", args=[revision.pk])
    return parse(client.get(url).content.decode())


class TestReviewScreen:
    def test_first_publication_shows_every_field_readers_see(self, client, moderator):
        hero = make_image(alt_text="A small house under the moon")
        article = ArticleFactory(
            hero_image=hero, standfirst="A spoiler-free answer up front, in one paragraph."
        )
        page = review_page(client, moderator, submit(article))
        table = page.find("table", class_="review__first")
        rows = {row.find("th").text: row.find("td") for row in table.find("tbody").find_all("tr")}
        assert list(rows) == [
            "Title",
            "Address (slug)",
            "Film",
            "Author",
            "Standfirst",
            "Verdict",
            "Verdict explanation",
            "Meta description",
            "Hero image",
            "Disclaimer",
        ]
        assert rows["Title"].text == article.title
        assert rows["Standfirst"].text == article.standfirst
        assert rows["Film"].text == str(article.film)
        assert rows["Verdict"].text == "No, it is fiction"
        assert "invented" in rows["Verdict explanation"].text
        assert rows["Hero image"].find("img") is not None
        assert "A small house under the moon" in rows["Hero image"].text

    def test_link_change_shows_old_and_new_addresses(self, client, moderator, published_article):
        edit(published_article, "See [the original](https://example.org/old).")
        publish(published_article, change_summary="Link")
        edit(published_article, "See [the original](https://example.org/new).")
        page = review_page(client, moderator, submit(published_article, change_summary="New link"))
        links = page.find(class_="diff-links").text
        assert "Link changed: https://example.org/old → https://example.org/new" in links

    def test_image_change_shows_both_pictures_and_alt_texts(self, client, moderator):
        old, new = make_image(alt_text="The old still"), make_image((900, 700), alt_text="x")
        article = ArticleFactory(hero_image=old)
        publish(article)
        article.hero_image = new
        article.save()
        page = review_page(client, moderator, submit(article, change_summary="New picture"))
        pair = page.find(class_="diff-pictures__pair")
        assert len(pair.find_all("img")) == 2
        assert "The old still" in pair.text
        assert "Alt text: x" in pair.text

    def test_section_picture_alt_text_change(self, client, moderator, published_article):
        image = make_image(alt_text="")
        edit(published_article, markdown_for(image, alt="Memo in the yard"))
        publish(published_article, change_summary="Picture")
        edit(published_article, markdown_for(image, alt="Memo and Ova in the yard"))
        page = review_page(client, moderator, submit(published_article, change_summary="Alt"))
        pair = page.find(class_="diff-pictures__pair")
        assert "Memo in the yard" in pair.find("del").text
        assert "Memo and Ova in the yard" in pair.find("ins").text


class TestImageUsage:
    def test_where_used_and_unused(self, client, moderator):
        hero, in_body, in_revision_only, loose = (
            make_image((400 + n * 10, 300), alt_text=f"Picture {n}") for n in range(4)
        )
        ArticleFactory(hero_image=hero)
        article = ArticleFactory(sections=[{"heading": "P", "body": markdown_for(in_body)}])
        frozen_in = ArticleFactory(
            sections=[{"heading": "P", "body": markdown_for(in_revision_only)}]
        )
        publish(frozen_in)
        edit(frozen_in, "The picture is gone from the working copy.")
        assert set(image_usage.unused().values_list("pk", flat=True)) == {loose.pk}
        usage = image_usage.usage_of(in_revision_only)
        assert usage["articles"] == []
        assert [r.article_id for r in usage["revisions"]] == [frozen_in.pk]
        client.force_login(moderator)
        page = client.get(reverse("admin:images_image_change", args=[in_body.pk])).content.decode()
        assert f"Article (working copy): {article.title}" in page

    def test_moderator_removes_only_unused(self, client, moderator):
        used = make_image((500, 300), alt_text="Used")
        ArticleFactory(hero_image=used)
        loose = make_image((510, 300), alt_text="Loose")
        client.force_login(moderator)
        response = client.post(
            reverse("admin:images_image_changelist"),
            {"action": "remove_unused", "_selected_action": [used.pk, loose.pk]},
            follow=True,
        )
        assert "Removed 1 unused picture. Kept 1" in response.content.decode()
        assert list(Image.objects.values_list("pk", flat=True)) == [used.pk]

    def test_editors_cannot_remove(self, client):
        loose = make_image(alt_text="Loose")
        client.force_login(EditorFactory())
        client.post(
            reverse("admin:images_image_changelist"),
            {"action": "remove_unused", "_selected_action": [loose.pk]},
        )
        assert Image.objects.filter(pk=loose.pk).exists()
        with pytest.raises(PermissionDenied):
            image_usage.remove_unused(images=Image.objects.all(), user=EditorFactory())


class TestPicker:
    def test_lists_uploads_with_their_markdown_address(self, client):
        make_image(alt_text="Memo in the yard", caption="The prison yard")
        make_image((640, 480), alt_text="Ova at school")
        client.force_login(EditorFactory())
        url = reverse("admin:images_image_picker")
        images = client.get(url, {"q": "yard"}).json()["images"]
        assert [i["alt"] for i in images] == ["Memo in the yard"]
        assert images[0]["caption"] == "The prison yard"
        assert images[0]["src"].startswith("/media/images/")

    def test_staff_only(self, client):
        assert client.get(reverse("admin:images_image_picker")).status_code == 302
