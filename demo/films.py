"""Film facts and the byline for the demo.

Only the facts in DESIGN.md §2 may appear here. Anything §2 does not state
(running times, the remakes' directors and languages, the Korean title) is
left blank rather than guessed: the film pages show blanks as "not known".
"""

from datetime import date
from decimal import Decimal

ORIGINAL_SLUG = "miracle-in-cell-no-7-2013"
TURKISH_SLUG = "miracle-in-cell-no-7-2019"

# A fixed day, not the day the loader runs: a rating is quoted as read on one
# day, and reloading the demo must not make an old figure look freshly checked.
RATINGS_AS_OF = date(2026, 11, 1)

# Listed originals first, so each remake can point at a film that exists.
FILMS = [
    {
        "slug": ORIGINAL_SLUG,
        "title": "Miracle in Cell No. 7",
        "year": 2013,
        "country": "South Korea",
        "original_language": "Korean",
        "director": "Lee Hwan-kyung",
        "genre": "comedy-drama",
        "synopsis": (
            "The South Korean comedy-drama by Lee Hwan-kyung where the story began. It "
            "has since been remade in several countries, among them Turkey, the "
            "Philippines and Indonesia."
        ),
    },
    {
        "slug": TURKISH_SLUG,
        "title": "Miracle in Cell No. 7",
        "original_title": "7. Koğuştaki Mucize",
        "year": 2019,
        "country": "Turkey",
        "original_language": "Turkish",
        "director": "Mehmet Ada Öztekin",
        "genre": "drama",
        "adaptation_of": ORIGINAL_SLUG,
        "synopsis": (
            "Memo, a man with a cognitive disability, shares a home with his young "
            "daughter Ova and his grandmother. When a death in their town is blamed on "
            "him, he is sent to prison, and father and daughter are torn apart."
        ),
        "cast": [
            {
                "actor": "Aras Bulut İynemli",
                "character": "Memo",
                "character_note": "A man with a cognitive disability; Ova's father",
            },
            {
                "actor": "Nisa Sofiya Aksongur",
                "character": "Ova",
                "character_note": "Memo's young daughter",
            },
        ],
        "availability": [
            {"service": "Netflix", "audio": "Turkish, English dub", "subtitles": "English"},
        ],
        "ratings": [
            {"source": "IMDb", "label": "user rating", "value": "8.2", "best": "10"},
            {
                "source": "Rotten Tomatoes",
                "label": "audience score",
                "value": "92",
                "best": "100",
            },
        ],
    },
    {
        "slug": "miracle-in-cell-no-7-philippines-2019",
        "title": "Miracle in Cell No. 7",
        "year": 2019,
        "country": "Philippines",
        "adaptation_of": ORIGINAL_SLUG,
        "synopsis": (
            "A Philippine remake of the 2013 South Korean film, released in the same "
            "year as the Turkish version."
        ),
    },
    {
        "slug": "miracle-in-cell-no-7-indonesia-2022",
        "title": "Miracle in Cell No. 7",
        "year": 2022,
        "country": "Indonesia",
        "adaptation_of": ORIGINAL_SLUG,
        "synopsis": "An Indonesian remake of the 2013 South Korean film.",
    },
]

AUTHOR = {
    "slug": "editorial-team",
    "name": "filmsite Editorial Team",
    "bio": (
        "The filmsite editors write and check our explainers together. A moderator "
        "reviews every change before readers see it, and when we correct an article "
        "we say what changed and when."
    ),
}


def rating_values(rating: dict) -> dict:
    """A rating from FILMS as model field values."""
    return {
        "label": rating["label"],
        "value": Decimal(rating["value"]),
        "best": Decimal(rating["best"]),
        "as_of": RATINGS_AS_OF,
    }
