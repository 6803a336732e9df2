"""The pre-publish spoiler check: normalisation, runs of eight words, and where
editors and moderators see it."""

import pytest
from django.template.loader import render_to_string
from django.urls import reverse

from articles import spoiler_check
from articles.spoiler_check import Leak, find_leaks, words
from tests.factories import ArticleFactory, EditorFactory, ModeratorFactory, publish, submit
from tests.html import parse

ENDING = (
    "<p>On the day of the execution, Yusuf Aga takes Memo\u2019s place at the gallows, "
    "and the warden sends Memo and Ova away by boat.</p>"
)


class TestNormalisation:
    def test_tags_entities_case_and_punctuation_are_ignored(self):
        assert words("<p>Yusuf <em>Aga</em> &amp; the WARDEN: “Memo\u2019s” place!</p>") == [
            "yusuf", "aga", "the", "warden", "memos", "place",
        ]  # fmt: skip

    def test_accents_are_kept_and_slugs_split(self):
        assert words("Koğuştaki Mucize") == ["koğuştaki", "mucize"]
        assert words("yusuf-aga-takes-memos-place") == ["yusuf", "aga", "takes", "memos", "place"]


def leaks(public_text, spoiler=ENDING, field="The standfirst"):
    return find_leaks(
        spoilers=[("spoiler section “Ending”", spoiler)], public=[(field, public_text)]
    )


class TestRuns:
    def test_eight_words_in_a_row_are_a_leak(self):
        found = leaks("In short, Yusuf Aga takes Memo's place at the gallows, sadly.")
        assert found == [
            Leak(
                field="The standfirst",
                source="spoiler section “Ending”",
                excerpt="yusuf aga takes memos place at the gallows",
                length=8,
            )
        ]

    def test_seven_words_are_not(self):
        assert leaks("Yusuf Aga takes Memo's place at the") == []

    def test_the_longest_run_is_reported_once(self):
        (leak,) = leaks(
            "YUSUF AGA takes <b>Memo's</b> place — at the gallows; and the warden sends "
            "Memo and Ova away!"
        )
        assert leak.length == 16
        assert leak.excerpt.endswith("sends memo and ova away")

    def test_scattered_shared_words_are_not_a_leak(self):
        assert leaks("Memo and Ova: the warden, the gallows, a boat, Yusuf Aga's place.") == []

    def test_a_slug_can_leak(self):
        (leak,) = leaks("yusuf-aga-takes-memos-place-at-the-gallows", field="The slug")
        assert leak.field == "The slug"


def frozen(**content):
    return {
        "title": "Is it a true story?",
        "slug": "is-it-a-true-story",
        "standfirst": "No.",
        "meta_description": "Whether it is a true story.",
        "content": {"verdict_html": "<p>Fiction.</p>", "sections": [], "questions": [], **content},
    }


class TestWhichFieldsAreChecked:
    def test_non_spoiler_faq_answer_and_alt_text(self):
        values = frozen(
            sections=[
                {"heading": "Ending", "html": ENDING, "is_spoiler": True, "spoiler_warning": ""},
                {
                    "heading": "Cast",
                    "html": '<p><img src="/a.jpg" alt="The warden sends Memo and Ova away by '
                    'boat at dawn"></p>',
                    "is_spoiler": False,
                    "spoiler_warning": "",
                },
            ],
            questions=[
                {
                    "question": "Who dies?",
                    "answer_html": "<p>Yusuf Aga takes Memo's place at the gallows.</p>",
                    "is_spoiler": False,
                },
                {
                    "question": "How does it end?",
                    "answer_html": "<p>The warden sends Memo and Ova away by boat.</p>",
                    "is_spoiler": True,
                },
            ],
        )
        found = spoiler_check.leaks_in(**values)
        fields = {leak.field for leak in found}
        assert "Image alt text in section “Cast”" in fields
        assert "The answer to FAQ 1 (“Who dies?”)" in fields
        # A spoiler answer repeating a spoiler section is not a leak.
        assert not any("FAQ 2" in leak.field for leak in found)

    def test_title_standfirst_and_meta_description(self):
        values = frozen(
            sections=[{"heading": "Ending", "html": ENDING, "is_spoiler": True}],
        )
        values["meta_description"] = "Yusuf Aga takes Memo's place at the gallows: explained."
        values["title"] = "Why does Yusuf Aga take Memo's place at the gallows?"
        found = {leak.field for leak in spoiler_check.leaks_in(**values)}
        assert found == {"The meta description"}  # the title's wording differs ("take")

    def test_hero_image_alt_text_and_caption(self):
        # Listings and og:image:alt print these outside any fold.
        values = frozen(sections=[{"heading": "Ending", "html": ENDING, "is_spoiler": True}])
        values["content"]["hero"] = {
            "alt": "Yusuf Aga takes Memo's place at the gallows",
            "caption": "The warden sends Memo and Ova away by boat.",
            "credit": "",
        }
        found = {leak.field for leak in spoiler_check.leaks_in(**values)}
        assert found == {"The hero image's alt text", "The hero image's caption"}


@pytest.mark.django_db
class TestShownToStaff:
    @pytest.fixture
    def leaky(self, db):
        return ArticleFactory(
            standfirst="Spoiler ahead: the secret twist is revealed here, in the last scene.",
            sections=[
                {"heading": "Intro", "body": "Nothing to see."},
                {
                    "heading": "Ending explained",
                    "body": "The secret twist is revealed here, in the last scene of all.",
                    "is_spoiler": True,
                    "spoiler_warning": "reveals the ending",
                },
            ],
        )

    def test_editor_sees_the_warning_on_the_article_form(self, client, leaky):
        client.force_login(EditorFactory())
        response = client.get(reverse("admin:articles_article_change", args=[leaky.pk]))
        assert response.status_code == 200
        box = parse(response.content.decode()).find(class_="filmsite-spoiler-check")
        assert "filmsite-spoiler-check--warn" in box.classes
        assert box.attrs["role"] == "alert"
        assert "The standfirst repeats 10 words from the spoiler section “Ending explained”" in (
            box.text
        )

    def test_editor_sees_it_before_submitting(self, client, leaky):
        client.force_login(EditorFactory())
        response = client.get(reverse("admin:articles_article_submit", args=[leaky.pk]))
        box = parse(response.content.decode()).find(class_="filmsite-spoiler-check")
        assert "The standfirst repeats" in box.text

    def test_moderator_sees_it_on_the_review_screen(self, client, leaky):
        pending = submit(leaky)
        client.force_login(ModeratorFactory())
        response = client.get(reverse("admin:articles_submission_review", args=[pending.pk]))
        box = parse(response.content.decode()).find(class_="filmsite-spoiler-check")
        assert "The standfirst repeats" in box.text

    def test_a_clean_article_says_so(self, client, db):
        article = ArticleFactory()
        client.force_login(EditorFactory())
        response = client.get(reverse("admin:articles_article_change", args=[article.pk]))
        box = parse(response.content.decode()).find(class_="filmsite-spoiler-check")
        assert "filmsite-spoiler-check--warn" not in box.classes
        assert "no field outside the spoiler blocks repeats" in box.text

    def test_the_add_form_has_no_check(self, client, db):
        client.force_login(EditorFactory())
        response = client.get(reverse("admin:articles_article_add"))
        assert b"filmsite-spoiler-check" not in response.content

    def test_the_include_works_for_a_revision(self, leaky):
        """What the moderators' review screen does with a submitted revision."""
        revision = publish(leaky)
        html = render_to_string(
            "admin/includes/spoiler_check.html",
            {"leaks": spoiler_check.check_revision(revision)},
        )
        assert "Possible spoiler leak." in parse(html).text
        assert "The standfirst repeats 10 words" in parse(html).text
