"""The FAQ app: how an article's questions are frozen, shown and described to search engines."""

import json

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from articles.models import Revision
from faq.models import Question
from faq.snapshot import freeze_questions
from faq.structured_data import faq_page
from tests.factories import ArticleFactory, publish
from tests.html import parse

pytestmark = pytest.mark.django_db

QUESTIONS = [
    {"question": "Second by order?", "answer": "Later.", "sort_order": 2},
    {"question": "First by order?", "answer": "A *short* answer.", "sort_order": 1},
    {
        "question": "How does it end?",
        "answer": "The secret twist is revealed.",
        "is_spoiler": True,
        "sort_order": 3,
    },
]


def article_page(client, article):
    response = client.get(reverse("articles:article", kwargs={"slug": article.slug}))
    assert response.status_code == 200
    return parse(response.content.decode())


def faq_items(page):
    return page.find(id="faq").parent.find("ol").find_all("li", class_="faq__item")


def test_questions_are_frozen_in_order_with_safe_answers():
    article = ArticleFactory(
        questions=[
            *QUESTIONS,
            {"question": "Any markup?", "answer": "<script>x()</script>Plain.", "sort_order": 4},
        ]
    )
    frozen = freeze_questions(article)
    assert [q["question"] for q in frozen] == [
        "First by order?",
        "Second by order?",
        "How does it end?",
        "Any markup?",
    ]
    assert frozen[0]["answer_html"] == "<p>A <em>short</em> answer.</p>"
    assert frozen[0]["answer_markdown"] == "A *short* answer."
    assert [q["is_spoiler"] for q in frozen] == [False, False, True, False]
    assert "<script" not in frozen[3]["answer_html"]


def test_faq_page_markup_leaves_out_spoiler_answers_and_markup():
    questions = freeze_questions(ArticleFactory(questions=QUESTIONS))
    node = faq_page("https://example.org/a/", questions)
    assert node["@id"] == "https://example.org/a/#faq"
    assert [q["name"] for q in node["mainEntity"]] == ["First by order?", "Second by order?"]
    assert node["mainEntity"][0]["acceptedAnswer"]["text"] == "A short answer."


def test_no_faq_page_markup_when_every_answer_is_a_spoiler():
    spoilers = [dict(q, is_spoiler=True) for q in QUESTIONS]
    assert (
        faq_page("https://example.org/a/", freeze_questions(ArticleFactory(questions=spoilers)))
        is None
    )


def test_the_article_page_numbers_the_questions_and_folds_spoiler_answers(client):
    article = ArticleFactory(questions=QUESTIONS)
    publish(article)
    items = faq_items(article_page(client, article))
    assert [item.find("h3").text for item in items] == [
        "First by order?",
        "Second by order?",
        "How does it end?",
    ]
    assert items[0].find("details") is None
    fold = items[2].find("details")
    assert "The secret twist is revealed." in fold.text
    assert "The secret twist" not in items[2].find("h3").text
    graph = json.loads(
        article_page(client, article).find("script", type="application/ld+json").text
    )
    assert "The secret twist" not in json.dumps(graph)


def test_readers_see_the_approved_questions_until_a_change_is_approved(client):
    article = ArticleFactory(questions=QUESTIONS)
    publish(article)
    Question.objects.filter(article=article, sort_order=1).update(question="Edited, not approved?")
    assert "Edited, not approved?" not in article_page(client, article).text

    publish(article)
    assert faq_items(article_page(client, article))[0].find("h3").text == "Edited, not approved?"
    assert Revision.objects.filter(article=article).count() == 2


def test_a_question_with_a_control_character_is_refused():
    question = Question(
        article=ArticleFactory(questions=0), question="Why\x01?", answer="Because.", sort_order=1
    )
    with pytest.raises(ValidationError) as refused:
        question.full_clean()
    assert "question" in refused.value.message_dict
