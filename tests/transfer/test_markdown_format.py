"""The Markdown-with-front-matter format, read and written without the database."""

from datetime import UTC, datetime

import pytest

from tests.transfer.conftest import FIXTURES
from transfer import markdown_files
from transfer.records import ImportProblem

MIRACLE = FIXTURES / "markdown" / "miracle-in-cell-no-7.md"
ORIGINAL = FIXTURES / "markdown" / "the-korean-original.md"


def parse(path):
    return markdown_files.parse(markdown_files.read_text(path))


def problem(text: str) -> ImportProblem:
    with pytest.raises(ImportProblem) as caught:
        markdown_files.parse(text)
    return caught.value


def test_every_front_matter_field_is_read():
    record = parse(MIRACLE)
    assert record.title == "Is Miracle in Cell No. 7 a true story? Plot and Ending Explained"
    assert record.slug == "is-miracle-in-cell-no-7-2019-a-true-story"
    assert (record.film.slug, record.film.title, record.film.year) == (
        "miracle-in-cell-no-7-2019",
        "Miracle in Cell No. 7",
        2019,
    )
    assert record.film.facts["original_title"] == "7. Koğuştaki Mucize"
    assert record.film.facts["director"] == "Mehmet Ada Öztekin"
    assert record.film.based_on == "miracle-in-cell-no-7-2013"
    assert record.film.where_to_watch == [
        {"service": "Netflix", "audio": "Turkish, English dub", "subtitles": "English"}
    ]
    assert record.film.ratings[0]["source"] == "IMDb"
    assert (record.author.slug, record.author.name) == ("editorial-team", "The Editorial Team")
    assert record.published == datetime(2023, 5, 2, 8, 30, tzinfo=UTC)
    assert record.updated == datetime(2024, 2, 10, 17, 45, tzinfo=UTC)
    assert record.verdict == "no"  # YAML reads a bare no as false: still the verdict "no"
    assert record.verdict_explanation.startswith("The film is a remake")
    assert record.standfirst.startswith("No. It is a Turkish remake")
    assert record.meta_description.startswith("Is Miracle in Cell No. 7 based on")
    assert record.disclaimer == "This explainer is for general information only."
    hero = record.hero_image
    assert (hero.source, hero.alt, hero.caption, hero.credit) == (
        "images/hero.png",
        "Memo and Ova on a hillside above the sea",
        "Memo and Ova before the trial",
        "Illustration: filmsite",
    )
    assert record.film.cast == [
        {
            "actor": "Aras Bulut İynemli",
            "character": "Memo",
            "note": "a man with a cognitive disability",
        },
        {"actor": "Nisa Sofiya Aksongur", "character": "Ova", "note": "his daughter"},
    ]


def test_sections_and_both_spoiler_markers():
    sections = parse(MIRACLE).sections
    assert [(s.heading, s.is_spoiler, s.spoiler_warning) for s in sections] == [
        ("The film in brief", False, ""),
        ("Is Miracle in Cell No. 7 a true story?", False, ""),
        ("Plot", True, "reveals the plot"),  # ## Plot {.spoiler warning="…"}
        ("Ending Explained", True, "reveals the ending"),  # :::spoiler reveals the ending
    ]
    assert "7번방의 선물" in sections[1].body
    assert (
        sections[3].body
        == "Yusuf Aga takes Memo's place at the gallows, and Memo and Ova leave by boat."
    )


def test_faq_as_headings_with_spoiler_answers():
    questions = parse(MIRACLE).questions
    assert [(q.question, q.is_spoiler) for q in questions] == [
        ("Is it on Netflix?", False),
        ("Who dies at the end?", True),  # ### Question {.spoiler}
        ("What is Ova holding on her wedding day?", True),  # answer fenced in :::spoiler
    ]
    assert questions[2].answer == "Yusuf's matchbook."


def test_faq_as_a_numbered_list_and_korean_names():
    record = parse(ORIGINAL)
    assert record.film.facts["original_title"] == "7번방의 선물"
    assert record.film.cast == [{"actor": "Ryu Seung-ryong (류승룡)", "character": "Yong-gu"}]
    assert record.published == datetime(2022, 11, 20, tzinfo=UTC)  # a date alone: midnight
    assert [s.heading for s in record.sections] == ["The film in brief"]  # the # title is skipped
    assert [(q.question, q.answer, q.is_spoiler) for q in record.questions] == [
        ("Who directed it?", "Lee Hwan-kyung.", False),
        ("Is it a true story?", "No, it is fiction.", False),
        ("How does it end?", "The ending is not given away here.", True),
    ]


@pytest.mark.parametrize("path", [MIRACLE, ORIGINAL])
def test_writing_then_reading_gives_the_same_article(path):
    record = parse(path)
    assert markdown_files.parse(markdown_files.write(record)) == record


def test_headings_inside_a_body_do_not_become_sections_when_written():
    record = parse(ORIGINAL)
    record.sections[0].body = "Intro.\n\n## A sub-heading\n\nMore.\n\n```\n## not a heading\n```"
    again = markdown_files.parse(markdown_files.write(record))
    assert len(again.sections) == 1
    assert "### A sub-heading" in again.sections[0].body
    assert "## not a heading" in again.sections[0].body


HEADER = """---
title: T
slug: t
film: f
author: a
verdict: partly
verdict_explanation: E
standfirst: S
meta_description: M
"""


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("no front matter\n", 1, "no front matter"),
        ("---\ntitle: [unclosed\nslug: x\n---\n", 2, "malformed front matter"),
        ("---\ntitle: &a T\nslug: *a\n---\n", 3, "aliases"),
        (HEADER.replace("verdict: partly", "verdict: maybe") + "---\n", 6, "verdict"),
        (HEADER + "published: 2024-13-45\n---\n", 10, "not a valid date"),
        (HEADER + "published: 2024-02-01\nupdated: 2023-01-01\n---\n", 11, "earlier"),
        (HEADER + "colour: red\n---\n", 2, "unknown front-matter field colour"),
        (HEADER + "hero_image:\n  path: a.png\n---\n", 10, "no alt text"),
        (HEADER + "---\nIntro text.\n\n## A\n\nB\n", 11, "before the first"),
        (HEADER + "---\n## A\n\nText\n:::spoiler\nx\n:::\n", 14, "whole section"),
        (HEADER + "---\n## A\n:::spoiler\nx\n", 12, "no closing"),
        (HEADER + "---\n## FAQs\n\n### Q?\n\n## B\n\nb\n", 13, "has no answer"),
    ],
)
def test_bad_files_are_refused_with_the_line(text, line, words):
    refused = problem(text)
    assert words in refused.message
    assert refused.line == line


def test_files_that_are_not_utf8_or_too_large_are_refused(tmp_path):
    turkish = tmp_path / "windows-1254.md"  # saved by an old Turkish Windows editor
    turkish.write_bytes((HEADER + "---\n## A\n\n7. Koğuştaki Mucize\n").encode("cp1254"))
    with pytest.raises(ImportProblem) as caught:
        markdown_files.read_text(turkish)
    assert "not UTF-8" in caught.value.message
    assert caught.value.line == 13

    huge = tmp_path / "huge.md"
    with huge.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # sparse: 50 MB without writing them
    with pytest.raises(ImportProblem) as caught:
        markdown_files.read_text(huge)
    assert "50.0 MB" in caught.value.message


def test_a_yaml_alias_bomb_is_refused_without_being_expanded():
    levels = ["---", 'a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    levels += [
        f"{chr(98 + n)}: &{chr(98 + n)} [{', '.join([f'*{chr(97 + n)}'] * 9)}]" for n in range(9)
    ]
    refused = problem("\n".join([*levels, "---", ""]))
    assert "aliases" in refused.message
    assert refused.line == 3
