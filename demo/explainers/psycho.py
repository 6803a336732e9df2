"""Psycho (1960) and its 1998 remake: a novel loosely inspired by a real case."""

FILM = "psycho-1960"

FILMS = [
    {
        "slug": FILM,
        "title": "Psycho",
        "year": 1960,
        "country": "United States",
        "original_language": "English",
        "director": "Alfred Hitchcock",
        "genre": "horror thriller",
        "synopsis": (
            "Alfred Hitchcock's thriller, from Robert Bloch's 1959 novel, about a woman on "
            "the run who stops for the night at a quiet roadside motel."
        ),
        "cast": [
            {"actor": "Anthony Perkins", "character": "Norman Bates"},
            {"actor": "Janet Leigh", "character": "Marion Crane"},
            {"actor": "Vera Miles", "character": "Lila Crane", "character_note": "Marion's sister"},
            {"actor": "John Gavin", "character": "Sam Loomis"},
            {
                "actor": "Martin Balsam",
                "character": "Milton Arbogast",
                "character_note": "A private detective",
            },
        ],
    },
    {
        "slug": "psycho-1998",
        "title": "Psycho",
        "year": 1998,
        "country": "United States",
        "original_language": "English",
        "director": "Gus Van Sant",
        "genre": "horror thriller",
        "adaptation_of": FILM,
        "synopsis": (
            "Gus Van Sant's remake of the 1960 film, in colour, following the original "
            "almost shot for shot."
        ),
        "cast": [
            {"actor": "Vince Vaughn", "character": "Norman Bates"},
            {"actor": "Anne Heche", "character": "Marion Crane"},
            {"actor": "Julianne Moore", "character": "Lila Crane"},
            {"actor": "Viggo Mortensen", "character": "Sam Loomis"},
            {"actor": "William H. Macy", "character": "Milton Arbogast"},
        ],
    },
]

ARTICLE = {
    "slug": "is-psycho-1960-based-on-a-true-story",
    "title": "Is Psycho (1960) Based on a True Story? Ed Gein, the Remake and the Ending",
    "standfirst": (
        "Not directly. Psycho comes from a novel by Robert Bloch, and the real case of Ed "
        "Gein, a Wisconsin killer arrested in 1957, is widely cited as its starting point. "
        "The story and its characters are invented. Below: the link to Gein, the 1998 "
        "remake, and the ending behind a spoiler warning."
    ),
    "meta_description": (
        "Is Psycho based on a true story? Loosely: Robert Bloch's novel drew on the Ed Gein "
        "case. The facts, the 1998 remake, and the ending explained."
    ),
    "verdict": "inspired",
    "verdict_explanation": (
        "Hitchcock filmed Robert Bloch's 1959 novel *Psycho*, whose killer is widely seen "
        "as loosely inspired by Ed Gein. Norman Bates, the motel and the plot are fiction, "
        "not a retelling of Gein's crimes."
    ),
}

SECTIONS = [
    {
        "heading": "The film in brief",
        "body": """\
*Psycho* is Alfred Hitchcock's 1960 thriller, adapted from Robert Bloch's novel of the
year before. Janet Leigh plays Marion Crane, a secretary who leaves town in a hurry;
Anthony Perkins plays Norman Bates, the shy young man who runs the Bates Motel, in the
shadow of the house where he lives with his mother.

The less you know before watching, the better: the film is famous for turning in a
direction nobody expects.""",
    },
    {
        "heading": "Is Psycho based on a true story?",
        "body": """\
**Only loosely.** The film follows Bloch's novel, and the novel's killer is widely
described as inspired by **Ed Gein**, who was arrested in Plainfield, Wisconsin, in
1957, after his crimes came to light.

What the story borrows is an outline: a quiet man living alone in a small rural
community, devoted to a dead, domineering mother. Norman Bates is not Ed Gein, and
nothing that happens in the film retells what Gein did. That is why we file it under
*inspired by real events*, not *true story*.

Gein's case has been cited as an influence on other horror films too, among them
*The Texas Chain Saw Massacre* (1974).""",
    },
    {
        "heading": "The 1998 remake",
        "body": """\
In 1998 **Gus Van Sant** remade *Psycho* in colour, copying the original almost shot
for shot, with Vince Vaughn as Norman and Anne Heche as Marion. It was widely seen as an
experiment, and most critics preferred Hitchcock's film.""",
    },
    {
        "heading": "Ending explained",
        "is_spoiler": True,
        "spoiler_warning": "reveals the twist and the ending",
        "body": """\
**Who is "Mother"?** Mrs Bates has been dead for years. Norman killed her and her lover,
kept her body in the house, and took on her personality: when "Mother" kills, it is
Norman, dressed in her clothes. Marion, murdered in the shower well before the film is
half over, and the detective Arbogast are both his victims.

Marion's sister Lila and Sam Loomis find the truth in the cellar, and Norman is caught.
A psychiatrist then explains that the mother's personality has taken over completely.
The film ends on Norman alone in a cell, smiling, as Marion's car is pulled out of the
swamp where he hid it.""",
    },
]

QUESTIONS = [
    {
        "question": "Was Norman Bates a real person?",
        "answer": "No. He is a character from Robert Bloch's novel. The novel is widely "
        "seen as loosely inspired by the Wisconsin killer Ed Gein, but Norman is invented.",
    },
    {
        "question": "Is Psycho (1998) a remake?",
        "answer": "Yes. Gus Van Sant's 1998 film remakes Hitchcock's almost shot for "
        "shot, in colour and with a new cast.",
    },
    {
        "question": "Who is the killer in Psycho?",
        "is_spoiler": True,
        "answer": "Norman Bates himself, dressed as his mother, who has been dead for years.",
    },
]

UPDATE = {
    "first_days_ago": 28,
    "days_ago": 4,
    "change_summary": "Added the sequels and the Bates Motel series.",
    "sections": [
        {
            "heading": "Sequels and a series",
            "body": """\
Hitchcock's film had sequels, starting with *Psycho II* (1983), all with Anthony Perkins
as Norman, and a television prequel series, *Bates Motel* (2013–2017).""",
        },
    ],
    "questions": [
        {
            "question": "Did Psycho have sequels?",
            "answer": "Yes, starting with *Psycho II* in 1983, and a television prequel, "
            "*Bates Motel* (2013–2017).",
        },
    ],
}
