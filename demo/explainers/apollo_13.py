"""Apollo 13 (1995): a true story, told close to the record."""

FILM = "apollo-13-1995"

FILMS = [
    {
        "slug": FILM,
        "title": "Apollo 13",
        "year": 1995,
        "country": "United States",
        "original_language": "English",
        "director": "Ron Howard",
        "genre": "docudrama",
        "synopsis": (
            "Ron Howard's film of NASA's third crewed Moon landing attempt, in April 1970, "
            "and the crisis that turned it into a fight to bring three astronauts home."
        ),
        "cast": [
            {"actor": "Tom Hanks", "character": "Jim Lovell", "character_note": "Commander"},
            {"actor": "Kevin Bacon", "character": "Jack Swigert"},
            {"actor": "Bill Paxton", "character": "Fred Haise"},
            {"actor": "Gary Sinise", "character": "Ken Mattingly"},
            {"actor": "Ed Harris", "character": "Gene Kranz", "character_note": "Flight director"},
        ],
    },
]

ARTICLE = {
    "slug": "is-apollo-13-a-true-story",
    "title": "Is Apollo 13 (1995) a True Story? What Really Happened, and the Ending Explained",
    "standfirst": (
        "Yes. Apollo 13 retells NASA's real mission of April 1970, with the real astronauts "
        "and flight controllers as its characters. Here is what the film keeps, what it "
        "compresses, and how it ends, behind a spoiler warning."
    ),
    "meta_description": (
        "Is Apollo 13 a true story? Yes: it retells NASA's 1970 mission. What the film "
        "keeps, what it changes, and the ending explained."
    ),
    "verdict": "yes",
    "verdict_explanation": (
        "The film dramatizes the real Apollo 13 mission of April 1970. Its main characters "
        "are real people, and it is based on *Lost Moon*, the book by the mission's "
        "commander Jim Lovell and the writer Jeffrey Kluger."
    ),
}

SECTIONS = [
    {
        "heading": "The film in brief",
        "body": """\
*Apollo 13* is an American drama from 1995, directed by **Ron Howard**. Tom Hanks plays
the mission commander, Jim Lovell, with Kevin Bacon and Bill Paxton as his crewmates.

Three astronauts set off for the Moon. Partway there, something on board fails, and the
landing becomes impossible. The rest of the film is split between the cramped
spacecraft and Mission Control in Houston, where engineers improvise with whatever the
crew has on board.

Expect a tense procedural rather than an action film: most of the drama is people
solving problems against the clock.""",
    },
    {
        "heading": "Is Apollo 13 a true story?",
        "body": """\
**Yes.** Apollo 13 was a real NASA mission, launched in April 1970 as the third attempt
to land people on the Moon. About two days into the flight, an oxygen tank in the
service module failed, and the Moon landing was called off.

The people on screen are real too:

- **Jim Lovell**, the commander;
- **Jack Swigert** and **Fred Haise**, his crewmates;
- **Ken Mattingly**, the astronaut taken off the crew shortly before launch because he
  had been exposed to German measles;
- **Gene Kranz**, one of the flight directors in Mission Control.

The screenplay is based on *Lost Moon*, the account Lovell wrote with Jeffrey Kluger.""",
    },
    {
        "heading": "What the film changes",
        "body": """\
Like any drama based on real events, the film compresses and simplifies:

- **The famous line.** On the mission, Swigert reported "Houston, we've had a problem",
  and Lovell repeated it. The film turns it into the present tense: "Houston, we have a
  problem."
- **"Failure is not an option."** Ed Harris's Gene Kranz says it in the film, but the
  line was written for the screenplay. Kranz later used it as the title of his memoir.
- **Many people become a few.** Hundreds of engineers worked on the rescue; the film
  gives their work to a handful of characters so that viewers can follow it.""",
    },
    {
        "heading": "How it ends",
        "is_spoiler": True,
        "spoiler_warning": "reveals how the mission ends",
        "body": """\
The crew survive. They ride out the trip around the Moon in the lunar module,
*Aquarius*, using it as a lifeboat, then move back into the command module for the
return. After a radio silence during re-entry that stretches longer than anyone in
Mission Control expects, the capsule's parachutes appear and it splashes down in the
Pacific.

This is what happened in 1970: all three astronauts came home. Lovell never flew in
space again, and Ken Mattingly, who never caught the measles, later flew to the Moon
on Apollo 16.""",
    },
]

QUESTIONS = [
    {
        "question": "Is Apollo 13 based on a true story?",
        "answer": "Yes. It dramatizes NASA's Apollo 13 mission of April 1970, and its "
        "main characters are the real astronauts and flight controllers.",
    },
    {
        "question": "What book is Apollo 13 based on?",
        "answer": "*Lost Moon*, by the mission's commander Jim Lovell and the writer "
        "Jeffrey Kluger.",
    },
    {
        "question": "Do the astronauts survive?",
        "is_spoiler": True,
        "answer": "Yes. All three came home in 1970, and the film ends with their "
        "splashdown in the Pacific.",
    },
]

UPDATE = {
    "first_days_ago": 34,
    "days_ago": 9,
    "change_summary": "Added a question about the film's most quoted line.",
    "questions": [
        {
            "question": 'Did anyone say "Houston, we have a problem"?',
            "answer": 'Not in those words. The crew said "Houston, we\'ve had a problem"; '
            "the film changed it to the present tense.",
        },
    ],
}
