"""Titanic (1997): a real disaster, with an invented love story at its centre."""

FILM = "titanic-1997"

FILMS = [
    {
        "slug": FILM,
        "title": "Titanic",
        "year": 1997,
        "country": "United States",
        "original_language": "English",
        "director": "James Cameron",
        "genre": "romantic drama",
        "synopsis": (
            "James Cameron's film of the liner's maiden voyage in April 1912, seen through "
            "two invented passengers from opposite ends of the ship."
        ),
        "cast": [
            {"actor": "Leonardo DiCaprio", "character": "Jack Dawson"},
            {"actor": "Kate Winslet", "character": "Rose DeWitt Bukater"},
            {"actor": "Billy Zane", "character": "Cal Hockley", "character_note": "Rose's fiancé"},
            {"actor": "Kathy Bates", "character": "Molly Brown"},
            {"actor": "Gloria Stuart", "character": "Rose, in old age"},
            {
                "actor": "Bill Paxton",
                "character": "Brock Lovett",
                "character_note": "A treasure hunter",
            },
        ],
    },
]

ARTICLE = {
    "slug": "is-titanic-1997-a-true-story",
    "title": "Is Titanic (1997) a True Story? Jack, Rose and the Ending Explained",
    "standfirst": (
        "Partly. The sinking of the Titanic in April 1912 is history, and some of the "
        "people on board in the film really sailed on her. Jack and Rose, though, are "
        "invented. Here is who was real, who was not, and what the ending means."
    ),
    "meta_description": (
        "Is Titanic (1997) a true story? Partly: the sinking is real, Jack and Rose are "
        "invented. Who was real, plus the ending explained."
    ),
    "verdict": "partly",
    "verdict_explanation": (
        "The ship, its maiden voyage and its sinking on 15 April 1912 are real, and several "
        "passengers and crew in the film are real people. The love story at its centre, "
        "and the two lovers, are fiction."
    ),
}

SECTIONS = [
    {
        "heading": "The film in brief",
        "body": """\
*Titanic* is James Cameron's 1997 drama about the liner's first and only voyage. It won
eleven Academy Awards, Best Picture among them.

In the present day, a team searching the wreck finds a drawing of a young woman. The
woman, now very old, tells them her story: how, in 1912, a penniless artist in third
class and an unhappy young woman in first class met on board, days before the ship
struck an iceberg.""",
    },
    {
        "heading": "Is Titanic a true story?",
        "body": """\
**Partly.** The frame is history: the RMS *Titanic* struck an iceberg in the North
Atlantic late on 14 April 1912 and sank in the early hours of 15 April, and more than
1,500 people died.

Several people on screen really were on board, among them:

- **Margaret "Molly" Brown** (Kathy Bates), the American passenger who survived;
- **Captain Edward Smith**, who went down with the ship;
- **Thomas Andrews**, the shipbuilder who designed her;
- **J. Bruce Ismay**, the chairman of the White Star Line, which owned her.

**Jack Dawson and Rose DeWitt Bukater are fictional**, and so are Rose's fiancé Cal and
her mother. The film places its invented story inside real events.""",
    },
    {
        "heading": "Who's who",
        "body": """\
- **Jack Dawson** (Leonardo DiCaprio): a young artist who wins his ticket in a card game.
- **Rose DeWitt Bukater** (Kate Winslet): a young woman from a wealthy family, engaged
  against her wishes.
- **Cal Hockley** (Billy Zane): Rose's rich and possessive fiancé.
- **Rose in old age** (Gloria Stuart): who tells the story.
- **Brock Lovett** (Bill Paxton): the treasure hunter exploring the wreck.""",
    },
    {
        "heading": "Ending explained",
        "is_spoiler": True,
        "spoiler_warning": "reveals the ending",
        "body": """\
**Does Jack die?** Yes. After the sinking, Rose floats on a piece of wooden panelling
while Jack stays in the freezing water beside her. He dies of the cold; Rose is found by
one of the few lifeboats that row back, and survives. On the rescue ship she gives her
name as **Rose Dawson**, leaving her old life behind.

In the present day, old Rose drops the blue diamond, the Heart of the Ocean, into the
sea above the wreck: the treasure hunters' prize, which she had kept all along.

The last scene shows the ship's grand staircase, where Jack is waiting for young Rose
among the people who died that night. The film does not say whether this is her dream
or her death in her sleep; our reading is that it can be both.""",
    },
]

QUESTIONS = [
    {
        "question": "Were Jack and Rose real people?",
        "answer": "No. Both are invented for the film, as are Cal and Rose's mother.",
    },
    {
        "question": "Which characters in Titanic were real?",
        "answer": "Among others, Molly Brown, Captain Edward Smith, the shipbuilder "
        "Thomas Andrews and the White Star Line's chairman J. Bruce Ismay.",
    },
    {
        "question": "Does Rose survive?",
        "is_spoiler": True,
        "answer": "Yes. She is pulled from the water after the sinking and lives to be "
        "an old woman, the one who tells the story.",
    },
]

UPDATE = {
    "first_days_ago": 31,
    "days_ago": 12,
    "change_summary": "Added a question on when the real ship sank.",
    "questions": [
        {
            "question": "When did the real Titanic sink?",
            "answer": "In the early hours of 15 April 1912, a few hours after striking "
            "an iceberg late on 14 April.",
        },
    ],
}
