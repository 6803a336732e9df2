"""The Conjuring (2013): real people, and claims of a haunting nobody has verified."""

FILM = "the-conjuring-2013"

FILMS = [
    {
        "slug": FILM,
        "title": "The Conjuring",
        "year": 2013,
        "country": "United States",
        "original_language": "English",
        "director": "James Wan",
        "genre": "supernatural horror",
        "synopsis": (
            "James Wan's horror film about the paranormal investigators Ed and Lorraine "
            "Warren and a family who say their Rhode Island farmhouse is haunted."
        ),
        "cast": [
            {"actor": "Vera Farmiga", "character": "Lorraine Warren"},
            {"actor": "Patrick Wilson", "character": "Ed Warren"},
            {"actor": "Lili Taylor", "character": "Carolyn Perron"},
            {"actor": "Ron Livingston", "character": "Roger Perron"},
        ],
    },
]

ARTICLE = {
    "slug": "is-the-conjuring-a-true-story",
    "title": "Is The Conjuring (2013) a True Story? The Warrens' Case and the Ending Explained",
    "standfirst": (
        "The people are real; the haunting is a claim. The Conjuring is based on the "
        "account of Ed and Lorraine Warren, who investigated the Perron family's farmhouse "
        "in the 1970s. Nothing supernatural in it has ever been verified. Here is what is "
        "documented, what is claimed, and the ending explained."
    ),
    "meta_description": (
        "Is The Conjuring a true story? The Warrens and the Perron family are real; the "
        "haunting is their claim. The facts, plus the ending explained."
    ),
    "verdict": "inspired",
    "verdict_explanation": (
        "Ed and Lorraine Warren and the Perron family are real, and the film is based on "
        "what they said happened in a Rhode Island farmhouse. The supernatural events are "
        "their claims, which have never been verified, and the film adds events of its own."
    ),
}

SECTIONS = [
    {
        "heading": "The film in brief",
        "body": """\
*The Conjuring* is a 2013 horror film directed by **James Wan**. In 1971, Roger and
Carolyn Perron move into an old farmhouse in Harrisville, Rhode Island, with their five
daughters. Strange things start happening, and they turn to **Ed and Lorraine Warren**
(Patrick Wilson and Vera Farmiga), a married couple who investigate hauntings.

It is a slow-burning haunted-house film, and it started one of the most successful
horror franchises of its time.""",
    },
    {
        "heading": "Is The Conjuring a true story?",
        "body": """\
**It is based on real people's claims.** What is documented:

- **The Warrens were real.** Ed and Lorraine Warren, from Connecticut, were well-known
  paranormal investigators; Ed called himself a demonologist, and Lorraine said she was
  a clairvoyant.
- **The Perrons are real.** The family lived in the Harrisville farmhouse in the 1970s,
  and members of the family have said for decades that they experienced a haunting
  there.

What is *not* established is the haunting itself. No independent evidence has ever
shown that anything supernatural happened in the house, and the film adds scenes and a
climax of its own. So we file it under *inspired by real events*: real people and a
real house, with a story built on claims.""",
    },
    {
        "heading": "Bathsheba and the doll",
        "body": """\
Two details viewers often ask about:

- **Bathsheba Sherman** was a real woman who lived in the area in the 1800s. The film
  makes her a witch; historical records do not support that.
- **Annabelle**, the doll in the Warrens' collection of objects, is based on a real doll
  the Warrens kept, which was a rag doll, not the porcelain-faced figure in the film.""",
    },
    {
        "heading": "Ending explained",
        "is_spoiler": True,
        "spoiler_warning": "reveals the ending",
        "body": """\
In the climax, the spirit possesses Carolyn and turns her against her own children.
With no time to wait for the Church to approve an exorcism, Ed performs one
himself. Lorraine reaches Carolyn by reminding her of a happy day with her family on
the beach, and Carolyn fights the spirit off. The family is saved.

The film ends back at the Warrens' home, with a hint that their work, and the
franchise, will go on.""",
    },
]

QUESTIONS = [
    {
        "question": "Were Ed and Lorraine Warren real?",
        "answer": "Yes. They were paranormal investigators from Connecticut, and the "
        "film is based on their account of the Perron case.",
    },
    {
        "question": "Did the haunting really happen?",
        "answer": "That is the Warrens' and the family's claim. No independent evidence "
        "has ever confirmed anything supernatural in the house.",
    },
    {
        "question": "Who is saved at the end?",
        "is_spoiler": True,
        "answer": "Carolyn and her daughters. Ed's exorcism drives the spirit out of "
        "Carolyn, helped by Lorraine's reminder of a family memory.",
    },
]

UPDATE = {
    "first_days_ago": 22,
    "days_ago": 3,
    "change_summary": "Added a question about the films that followed.",
    "questions": [
        {
            "question": "Is The Conjuring part of a series?",
            "answer": "Yes. It was followed by *The Conjuring 2* (2016) and spin-offs "
            "such as *Annabelle* (2014) and *The Nun* (2018).",
        },
    ],
}
