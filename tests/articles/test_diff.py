"""articles.diff: what a moderator sees changed between two revisions."""

import pytest

from articles.diff import compare, diff_paragraphs, diff_words, paragraphs
from articles.models import Revision
from tests.factories import FilmFactory
from tests.html import parse


def section(heading, *paras, spoiler=False, warning=""):
    return {
        "heading": heading,
        "anchor": heading.lower().replace(" ", "-"),
        "html": "".join(f"<p>{p}</p>" for p in paras),
        "is_spoiler": spoiler,
        "spoiler_warning": warning,
    }


def question(text, answer, spoiler=False):
    return {"question": text, "answer_html": f"<p>{answer}</p>", "is_spoiler": spoiler}


def revision(sections=(), questions=(), **fields):
    values = {
        "title": "Is it true?",
        "slug": "is-it-true",
        "standfirst": "No, it is fiction.",
        "meta_description": "Whether it is true.",
        "film_id": 1,
        "author_id": 1,
    }
    content = {
        "verdict": fields.pop("verdict", "no"),
        "verdict_html": fields.pop("verdict_html", "<p>Invented.</p>"),
        "disclaimer_html": "",
        "sections": list(sections),
        "questions": list(questions),
    }
    if "film" in fields:
        del values["film_id"]
    return Revision(**{**values, **fields}, content=content)


BASE_SECTIONS = [
    section("In brief", "A father and his daughter."),
    section("Plot", "They live by the sea.", "A girl falls.", spoiler=True),
    section("Ending", "It ends at sea.", spoiler=True, warning="reveals the ending"),
]


def kinds(changes):
    return [(c.kind, c.title, c.moved) for c in changes]


class TestText:
    def test_word_diff_marks_removed_and_added_words(self):
        html = diff_words("The film is sad.", "The film is very sad.")
        assert html == "The film is <ins>very </ins>sad."

    def test_word_diff_escapes_text(self):
        html = diff_words("a <b>", "a <i>")
        assert "<b>" not in html
        assert html == "a &lt;<del>b</del><ins>i</ins>&gt;"

    def test_paragraphs_are_the_visible_text(self):
        assert paragraphs("<p>One <em>two</em>.</p><ul><li>Three</li></ul>") == [
            "One two.",
            "Three",
        ]

    def test_table_rows_are_paragraphs_with_cells_separated(self):
        html = (
            "<table><tr><th></th><th>2013</th></tr><tr><td>Country</td><td>Korea</td></tr></table>"
        )
        assert paragraphs(html) == ["2013", "Country | Korea"]

    def test_unchanged_paragraphs_far_from_a_change_are_folded(self):
        old = [f"Paragraph {n}." for n in range(10)]
        new = [*old[:9], "Paragraph nine, rewritten."]
        page = parse(diff_paragraphs(old, new))
        assert "9 unchanged" not in page.text  # the neighbour is shown for context
        assert "8 unchanged paragraphs" in page.text
        assert "Paragraph 8." in page.text
        assert page.find("del").text == "9"
        assert diff_paragraphs(old, old) is None


class TestFields:
    def test_identical_revisions_have_no_changes(self):
        diff = compare(revision(BASE_SECTIONS), revision(BASE_SECTIONS))
        assert not diff.has_changes
        assert {c.kind for c in diff.sections} == {"unchanged"}

    def test_title_standfirst_meta_and_verdict_changes(self):
        new = revision(
            BASE_SECTIONS,
            title="Is it a true story?",
            standfirst="No, it is pure fiction.",
            meta_description="Is it true? No.",
            verdict="partly",
            verdict_html="<p>Partly invented.</p>",
            slug="is-it-a-true-story",
        )
        diff = compare(revision(BASE_SECTIONS), new)
        labels = [c.label for c in diff.fields]
        assert labels == [
            "Title",
            "Address (slug)",
            "Standfirst",
            "Meta description",
            "Verdict",
            "Verdict explanation",
        ]
        title = diff.fields[0]
        assert "<ins>a </ins>" in title.diff
        assert "<ins> story</ins>" in title.diff
        verdict = diff.fields[4]
        assert (verdict.old, verdict.new) == ("No, it is fiction", "Partly true")

    @pytest.mark.django_db
    def test_film_change(self):
        old_film, new_film = FilmFactory(), FilmFactory(country="Indonesia", year=2022)
        diff = compare(revision(film=old_film), revision(film=new_film))
        assert [(c.label, c.old, c.new) for c in diff.fields] == [
            ("Film", str(old_film), str(new_film))
        ]


class TestSections:
    def test_added_and_removed(self):
        new = [BASE_SECTIONS[0], section("Cast", "Who plays whom."), BASE_SECTIONS[2]]
        diff = compare(revision(BASE_SECTIONS), revision(new))
        assert kinds(diff.sections) == [
            ("unchanged", "In brief", False),
            ("removed", "Plot", False),
            ("added", "Cast", False),
            ("unchanged", "Ending", False),
        ]
        removed = diff.sections[1]
        assert removed.body == ["They live by the sea.", "A girl falls."]
        assert removed.notes == ["spoiler"]
        assert diff.summary() == {"added": 1, "removed": 1}

    def test_reordered(self):
        new = [BASE_SECTIONS[0], BASE_SECTIONS[2], BASE_SECTIONS[1]]
        diff = compare(revision(BASE_SECTIONS), revision(new))
        moved = [c for c in diff.sections if c.moved]
        assert len(moved) == 1
        assert (moved[0].old_position, moved[0].new_position) in {(2, 3), (3, 2)}
        assert diff.has_changes
        assert diff.summary() == {"moved": 1}

    def test_spoiler_flag_and_warning_changes_are_called_out(self):
        new = [
            section("In brief", "A father and his daughter.", spoiler=True),
            section("Plot", "They live by the sea.", "A girl falls."),
            section("Ending", "It ends at sea.", spoiler=True, warning="says who survives"),
        ]
        diff = compare(revision(BASE_SECTIONS), revision(new))
        assert [c.notes for c in diff.sections] == [
            ["now marked as a spoiler"],
            ["no longer marked as a spoiler"],
            ["spoiler warning changed from “reveals the ending” to “says who survives”"],
        ]
        assert all(c.kind == "changed" and c.is_spoiler_change for c in diff.sections)

    def test_changed_text_is_highlighted_word_by_word(self):
        new = [
            BASE_SECTIONS[0],
            section("Plot", "They live by the sea.", "A young girl falls.", spoiler=True),
            BASE_SECTIONS[2],
        ]
        diff = compare(revision(BASE_SECTIONS), revision(new))
        plot = diff.sections[1]
        assert plot.kind == "changed"
        assert "A<ins> young</ins> girl falls." in plot.body_diff
        assert plot.notes == []
        assert "They live by the sea." in plot.body_diff  # context

    def test_renamed_section_is_matched_by_its_text(self):
        new = [section("The film in brief", "A father and his daughter."), *BASE_SECTIONS[1:]]
        diff = compare(revision(BASE_SECTIONS), revision(new))
        first = diff.sections[0]
        assert first.kind == "changed"
        assert "<ins>The film in </ins>" in first.title_diff or "<ins>" in first.title_diff
        assert first.body_diff is None
        assert [c.kind for c in diff.sections[1:]] == ["unchanged", "unchanged"]

    def test_formatting_only_change_is_noted(self):
        new = [section("In brief", "A <em>father</em> and his daughter."), *BASE_SECTIONS[1:]]
        diff = compare(revision(BASE_SECTIONS), revision(new))
        assert "Only formatting or links changed" in diff.sections[0].body_diff

    def test_first_publication_shows_everything_as_added(self):
        diff = compare(None, revision(BASE_SECTIONS, [question("Is it true?", "No.")]))
        assert [c.kind for c in diff.sections] == ["added"] * 3
        assert [c.kind for c in diff.questions] == ["added"]
        assert diff.fields == []


class TestQuestions:
    def test_questions_added_removed_reworded_and_spoiler_flagged(self):
        old = [
            question("Is it a remake?", "Yes."),
            question("Does he die?", "No.", spoiler=True),
            question("Where to watch?", "Netflix."),
        ]
        new = [
            question("Is it a remake of a Korean film?", "Yes."),
            question("Where to watch?", "Netflix.", spoiler=True),
            question("How long is it?", "Two hours."),
        ]
        diff = compare(revision(questions=old), revision(questions=new))
        assert [(c.kind, c.title) for c in diff.questions] == [
            ("changed", "Is it a remake of a Korean film?"),
            ("removed", "Does he die?"),
            ("changed", "Where to watch?"),
            ("added", "How long is it?"),
        ]
        assert "<ins>" in diff.questions[0].title_diff
        assert diff.questions[2].notes == ["now marked as a spoiler"]


class TestHeroImage:
    HERO = {"key": "a" * 64, "width": 1600, "height": 900, "alt": "A cell at night",
            "caption": "", "credit": "", "renditions": []}  # fmt: skip

    def with_hero(self, **changes):
        rev = revision()
        rev.content["hero"] = {**self.HERO, **changes}
        return rev

    def test_changed_alt_text_is_a_change(self):
        result = compare(self.with_hero(), self.with_hero(alt="A barred window"))
        assert result.has_changes
        [change] = result.fields
        assert change.label == "Hero image"
        assert (change.old, change.new) == ("A cell at night", "A barred window")

    def test_another_picture_is_a_change(self):
        result = compare(self.with_hero(), self.with_hero(key="b" * 64))
        assert [c.label for c in result.fields] == ["Hero image"]

    def test_adding_a_hero_lists_its_texts(self):
        old = revision()
        result = compare(old, self.with_hero(caption="Istanbul, 2019"))
        labels = [c.label for c in result.fields]
        assert labels == ["Hero image", "Hero image caption"]
        assert result.fields[0].old == "(none)"

    def test_same_hero_is_no_change(self):
        assert not compare(self.with_hero(), self.with_hero()).has_changes
