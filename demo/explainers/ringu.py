"""Ringu (1998) and the 2002 American remake: fiction from a novel."""

FILM = "ringu-1998"

FILMS = [
    {
        "slug": FILM,
        "title": "Ringu",
        "original_title": "リング",
        "year": 1998,
        "country": "Japan",
        "original_language": "Japanese",
        "director": "Hideo Nakata",
        "genre": "horror",
        "synopsis": (
            "Hideo Nakata's horror film, from Koji Suzuki's novel, about a videotape said "
            "to kill whoever watches it within a week."
        ),
        "cast": [
            {
                "actor": "Nanako Matsushima",
                "character": "Reiko Asakawa",
                "character_note": "A journalist",
            },
            {
                "actor": "Hiroyuki Sanada",
                "character": "Ryuji Takayama",
                "character_note": "Her former husband",
            },
        ],
    },
    {
        "slug": "the-ring-2002",
        "title": "The Ring",
        "year": 2002,
        "country": "United States",
        "original_language": "English",
        "director": "Gore Verbinski",
        "genre": "horror",
        "adaptation_of": FILM,
        "synopsis": "Gore Verbinski's American remake of Ringu, set in the Pacific Northwest.",
        "cast": [
            {
                "actor": "Naomi Watts",
                "character": "Rachel Keller",
                "character_note": "A journalist",
            },
        ],
    },
]

ARTICLE = {
    "slug": "is-ringu-a-true-story",
    "title": "Is Ringu (1998) a True Story? The Cursed Tape, the Remake and the Ending",
    "standfirst": (
        "No. Ringu is fiction, adapted from a novel by Koji Suzuki, and there was never a "
        "real cursed videotape. It was remade in Hollywood as The Ring in 2002. Below: the "
        "story, the remake, and the ending behind a spoiler warning."
    ),
    "meta_description": (
        "Is Ringu a true story? No: it adapts Koji Suzuki's novel. The cursed tape, the "
        "2002 remake The Ring, and the ending explained."
    ),
    "verdict": "no",
    "verdict_explanation": (
        "Ringu adapts *Ring*, a novel by Koji Suzuki. Its characters, the videotape and "
        "its curse are invented."
    ),
}

SECTIONS = [
    {
        "heading": "The film in brief",
        "body": """\
*Ringu* is a Japanese horror film from 1998, directed by **Hideo Nakata**. A rumour
spreads among teenagers: a videotape kills whoever watches it, seven days later. When
her niece dies suddenly, the journalist Reiko Asakawa (Nanako Matsushima) goes looking
for the tape, and asks her former husband Ryuji (Hiroyuki Sanada) for help.

The horror is quiet and slow to build, which is much of why it is remembered.""",
    },
    {
        "heading": "Is Ringu a true story?",
        "body": """\
**No.** The film adapts *Ring*, a novel by **Koji Suzuki**. Reiko, Ryuji, the girl
Sadako and the cursed tape are all invented, and no real case lies behind them. The
story draws on Japanese ghost stories, not on an actual event.""",
    },
    {
        "heading": "The remakes and sequels",
        "body": """\
*Ringu* started a long series in Japan and was remade abroad:

- **The Ring (2002)**, the American remake directed by **Gore Verbinski**, with Naomi
  Watts as a journalist named Rachel Keller. It moves the story to the United States and
  renames the girl Samara.
- Japanese sequels, beginning with *Ringu 2* (1999), and a South Korean adaptation,
  *The Ring Virus* (1999).""",
    },
    {
        "heading": "Ending explained",
        "is_spoiler": True,
        "spoiler_warning": "reveals the ending",
        "body": """\
Reiko and Ryuji find Sadako's remains at the bottom of a well, and Reiko's seven days
pass without harm, so they believe the curse is broken. It is not: on his seventh day
Ryuji dies.

Reiko works out the difference between them. She made a copy of the tape and showed it
to someone else; Ryuji did not. The curse spares those who pass it on. To save her
young son, who has watched the tape, she drives off with him and a copy to her father,
ready to pass the curse on. The film ends there, on the price of her choice.""",
    },
]

QUESTIONS = [
    {
        "question": "Is the Ringu tape real?",
        "answer": "No. The tape and its curse come from Koji Suzuki's novel; there was "
        "never a real one.",
    },
    {
        "question": "Is The Ring (2002) a remake of Ringu?",
        "answer": "Yes. Gore Verbinski's American film remakes Hideo Nakata's, with "
        "Naomi Watts in the lead.",
    },
    {
        "question": "How does Reiko survive?",
        "is_spoiler": True,
        "answer": "By copying the tape and showing it to someone else, which is the only "
        "way to escape the curse.",
    },
]

UPDATE = {
    "first_days_ago": 16,
    "days_ago": 1,
    "change_summary": "Added a question about the novel behind the film.",
    "questions": [
        {
            "question": "Who wrote the novel behind Ringu?",
            "answer": "Koji Suzuki. His novel *Ring* was published in Japan in 1991.",
        },
    ],
}
