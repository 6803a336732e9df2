"""Fargo (1996): fiction that opens by saying it is a true story."""

FILM = "fargo-1996"

FILMS = [
    {
        "slug": FILM,
        "title": "Fargo",
        "year": 1996,
        "country": "United States",
        "original_language": "English",
        "director": "Joel Coen",
        "genre": "crime thriller",
        "synopsis": (
            "The Coen brothers' crime story set in a snowbound Minnesota, where a car "
            "salesman's scheme to pay his debts goes very wrong."
        ),
        "cast": [
            {
                "actor": "Frances McDormand",
                "character": "Marge Gunderson",
                "character_note": "Police chief",
            },
            {"actor": "William H. Macy", "character": "Jerry Lundegaard"},
            {"actor": "Steve Buscemi", "character": "Carl Showalter"},
            {"actor": "Peter Stormare", "character": "Gaear Grimsrud"},
            {
                "actor": "Harve Presnell",
                "character": "Wade Gustafson",
                "character_note": "Jerry's father-in-law",
            },
        ],
    },
]

ARTICLE = {
    "slug": "is-fargo-a-true-story",
    "title": "Is Fargo (1996) a True Story? The Opening Card, and the Ending Explained",
    "standfirst": (
        "No. Fargo opens by telling you it is a true story, but that claim is part of the "
        "fiction: the Coen brothers invented the events. Here is why the film says it, "
        "who is who, and the ending behind a spoiler warning."
    ),
    "meta_description": (
        "Is Fargo a true story? No: the opening card's claim is itself fiction. Why the "
        "Coens wrote it, who's who, and the ending explained."
    ),
    "verdict": "no",
    "verdict_explanation": (
        "The film's opening card says the events took place in Minnesota in 1987, but the "
        "story was written by Joel and Ethan Coen and does not retell a real case. The "
        "card is part of the fiction."
    ),
}

SECTIONS = [
    {
        "heading": "The film in brief",
        "body": """\
*Fargo* is a 1996 crime film written by **Joel and Ethan Coen**. Jerry Lundegaard
(William H. Macy), a car salesman in Minneapolis who badly needs money, hires two
criminals to kidnap his own wife, planning to split the ransom paid by her wealthy
father. Marge Gunderson (Frances McDormand), the heavily pregnant police chief of
Brainerd, follows the trail.

It is a dark comedy as much as a thriller. Frances McDormand won the Academy Award for
Best Actress, and the Coens won for their screenplay.""",
    },
    {
        "heading": "Is Fargo a true story?",
        "body": """\
**No.** The film begins with a title card saying that it is a true story, that the
events took place in Minnesota in 1987, and that names have been changed. None of that
is true: the card belongs to the fiction.

The Coens have said they made the story up, and that presenting it as true gave them
freedom: an audience that believes it is watching real events accepts turns it would
not accept from an ordinary thriller.

So if you searched for the real case behind *Fargo*, there is none to find.""",
    },
    {
        "heading": "Who's who",
        "body": """\
- **Marge Gunderson** (Frances McDormand): Brainerd's police chief, patient and sharp.
- **Jerry Lundegaard** (William H. Macy): a car salesman in deep money trouble.
- **Carl Showalter** (Steve Buscemi) and **Gaear Grimsrud** (Peter Stormare): the two
  criminals Jerry hires.
- **Wade Gustafson** (Harve Presnell): Jerry's rich father-in-law and boss.""",
    },
    {
        "heading": "Ending explained",
        "is_spoiler": True,
        "spoiler_warning": "reveals the ending",
        "body": """\
Almost everyone pays for Jerry's plan. Jean, his wife, is killed by Gaear; Wade is shot
by Carl when he insists on delivering the ransom himself; and Gaear kills Carl in a
quarrel over the money. Marge finds Gaear feeding his partner's body into a wood
chipper and arrests him. Jerry runs, and is caught at a motel.

The last scene is Marge at home in bed with her husband Norm, whose painting has been
chosen for a three-cent stamp. They are two months away from having their baby. After
all the greed she has seen, the ending rests on their quiet, ordinary decency.""",
    },
]

QUESTIONS = [
    {
        "question": "Is Fargo based on a real crime?",
        "answer": "No. The opening card's claim is part of the film; the Coens invented the story.",
    },
    {
        "question": "Why does Fargo say it is a true story?",
        "answer": "The Coens have said that presenting invented events as true let them "
        "tell the story in a way audiences would otherwise not accept.",
    },
    {
        "question": "Is Jerry caught?",
        "is_spoiler": True,
        "answer": "Yes. He flees, and the police arrest him at a motel.",
    },
]

UPDATE = {
    "first_days_ago": 19,
    "days_ago": 2,
    "change_summary": "Added a question about the television series.",
    "questions": [
        {
            "question": "Is the Fargo TV series a sequel?",
            "answer": "Not exactly. The series created by Noah Hawley (from 2014) tells "
            "new stories in the film's world, and opens with the same kind of "
            '"true story" card.',
        },
    ],
}
