"""A small fixed site to search: three films, a handful of published articles."""

import pytest

from tests.factories import ArticleFactory, CreditFactory, FilmFactory, publish


def published(**fields):
    article = ArticleFactory(**fields)
    publish(article)
    return article


@pytest.fixture
def site(db):
    """Named articles and films, spoiler fields marked with words no other field has."""
    miracle = FilmFactory(
        title="Miracle in Cell No. 7",
        original_title="7. Koğuştaki Mucize",
        slug="miracle-2019",
        director="Mehmet Ada Öztekin",
    )
    CreditFactory(film=miracle, actor="Aras Bulut İynemli", character="Memo")
    CreditFactory(film=miracle, actor="Nisa Sofiya Aksongur", character="Ova")
    lantern = FilmFactory(title="Lantern Road", slug="lantern-road", original_title="Kırmızı Fener")
    seoul = FilmFactory(title="Seoul Nights", slug="seoul-nights", original_title="서울의 밤")
    return {
        "miracle": published(
            film=miracle,
            title="Is Miracle in Cell No. 7 a true story? Plot and ending explained",
            slug="is-miracle-in-cell-no-7-a-true-story",
            standfirst="No: the Turkish film remakes a South Korean comedy-drama.",
            sections=[
                {"heading": "The film in brief", "body": "Memo and his daughter Ova."},
                {
                    "heading": "Ending explained",
                    "body": "Yusuf takes his place at the gallows.",
                    "is_spoiler": True,
                },
            ],
            questions=[
                {"question": "Who is Yusuf Aga?", "answer": "An older prisoner."},
                {"question": "How does it end?", "answer": "Gallows swap.", "is_spoiler": True},
            ],
        ),
        "lantern": published(
            film=lantern,
            title="Is Lantern Road a true story?",
            slug="is-lantern-road-a-true-story",
            standfirst="Partly: it borrows from a real remake of an older story.",
            sections=[{"heading": "Background", "body": "A quiet drama about two sisters."}],
            questions=[],
        ),
        "mentions": published(
            film=seoul,
            title="Is Seoul Nights a true story?",
            slug="is-seoul-nights-a-true-story",
            standfirst="No, it is invented.",
            sections=[
                {
                    "heading": "Influences",
                    "body": "Its director admires Miracle in Cell No. 7 and Lantern Road.",
                }
            ],
            questions=[],
        ),
    }
