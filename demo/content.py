"""The demo article, in the project's own words.

Every statement rests on a fact in DESIGN.md §2; where the text goes beyond
the facts it says so ("our reading"). Spoiler-free fields (title, standfirst,
meta description, verdict, questions, non-spoiler sections) must never give
away the plot's turns or the ending.

The texts are the article as it stands after its last update. The loader
replays the history from them: the first version went out with TYPO in it
and without ENDING_MEANING and QUESTIONS_ADDED_IN_UPDATE.
"""

ARTICLE = {
    "slug": "is-miracle-in-cell-no-7-a-true-story",
    "title": "Is Miracle in Cell No. 7 (2019) a True Story? Plot and Ending Explained",
    "standfirst": (
        "No. The 2019 Turkish film Miracle in Cell No. 7 is fiction: it remakes a 2013 "
        "South Korean comedy-drama of the same name, which has also been remade in the "
        "Philippines and Indonesia. Below we introduce the characters, then explain the "
        "plot and the ending behind clear spoiler warnings."
    ),
    "meta_description": (
        "Is Miracle in Cell No. 7 (2019) a true story? No: it remakes a 2013 Korean film. "
        "Who's who, plus the plot and ending explained."
    ),
    "verdict": "no",
    "verdict_explanation": (
        "The Turkish film is a remake of *Miracle in Cell No. 7* (2013), a South Korean "
        "comedy-drama directed by Lee Hwan-kyung. Its characters and events are invented "
        "and do not retell a real case."
    ),
}

BRIEF_HEADING = "The film in brief"
ENDING_HEADING = "Ending explained"

SECTIONS = [
    {
        "heading": BRIEF_HEADING,
        "body": """\
*Miracle in Cell No. 7* is a Turkish drama from 2019, directed by Mehmet Ada Öztekin.
In Turkish it is called *7. Koğuştaki Mucize*.

At its heart are Memo, a man with a cognitive disability, and his young daughter Ova.
They share a home with Memo's grandmother, and the whole film rests on how much father
and daughter mean to each other. When a death in their town is blamed on Memo, he is
taken away from Ova and locked up, and the story follows them on both sides of the
prison wall.

Expect an emotional family drama rather than a puzzle: the film wants you to care
about these two, and it does not hold back.

**Where to watch**

- **Streaming:** Netflix (catalogues differ from country to country)
- **Audio:** Turkish, or an English dub
- **Subtitles:** English

The ratings we quote in the film facts come from IMDb and Rotten Tomatoes, each
with the date we read it. They are other people's scores, not ours.""",
    },
    {
        "heading": "Is Miracle in Cell No. 7 a true story?",
        "body": """\
**No.** Memo, Ova and the people around them are fictional, and the film does not
retell a real case.

The story was not even new in 2019. The Turkish film is a remake of
*Miracle in Cell No. 7* (2013), a South Korean comedy-drama directed by
**Lee Hwan-kyung**, whose earlier films include *Champ* and *Lump Sugar*. The Turkish
version tells the story in Turkish, with its own cast and its own director.

Nor is it the only remake. The story has been retold in several countries,
including:

- **Turkey (2019)**, the film this article explains;
- **the Philippines (2019)**;
- **Indonesia (2022)**.

So if the plot feels familiar, you may have met it in another version.

Why do so many viewers ask whether it really happened? Probably because its subject
feels real: a vulnerable man who struggles to speak up for himself, facing people
and institutions far stronger than he is. The film draws its weight from that, but
its story is invented.""",
    },
    {
        "heading": "Who's who",
        "body": """\
The two leads, with the actors who play them:

- **Memo** (Aras Bulut İynemli): a man with a cognitive disability, and a devoted
  father.
- **Ova** (Nisa Sofiya Aksongur): Memo's young daughter.

And the people around them:

- **Memo's grandmother**: Ova's great-grandmother, who shares their home.
- **Seda**: another girl from their town.
- **Seda's father**: a high-ranking military officer.
- **Askorozlu**: one of Memo's cellmates, once a mafia figure.
- **Yusuf Aga**: an older prisoner.
- **The prison warden**: in charge of the prison where Memo is held.
- **Ova's teacher**.

One more character is best met in the plot section below, because saying who he is
would give too much away.""",
    },
    {
        "heading": "Plot",
        "is_spoiler": True,
        "spoiler_warning": "reveals major plot points",
        "body": """\
Memo and Ova live with Memo's grandmother. Ova has set her heart on a backpack, but
it is bought by another girl, **Seda**.

Then tragedy strikes: Seda falls from a cliff and dies. Her father, a high-ranking
military officer, blames Memo, and Memo, who cannot defend himself against a man
like that, is forced into a **false confession**. He goes to prison for a death he
did not cause.

Prison is brutal at first. The other inmates beat Memo. Slowly, though, they come to
understand who he really is, and their hostility turns into loyalty: in one of the
film's warmest turns, they smuggle Ova into the prison so that father and daughter
can see each other.

Outside, things get worse for Ova: Memo's grandmother, her great-grandmother, dies.
But Ova does not give up on her father. She finds an **army deserter who saw Seda
fall**: a witness who knows that Memo did not do it.

The witness never gets to help. Seda's father kills him, and with him goes the best
chance of proving Memo innocent. Where things stand as the ending approaches:

1. Memo stands convicted on a confession he was forced to make.
2. The one witness to the truth is dead.
3. The day of Memo's execution arrives.""",
    },
    {
        "heading": ENDING_HEADING,
        "is_spoiler": True,
        "spoiler_warning": "reveals the ending",
        "body": """\
**Does Memo die?** No. On the day of the execution, **Yusuf Aga**, the older
prisoner, goes to the gallows in Memo's place.

He cannot do it alone. Askorozlu and the warden help him, and a staged car accident
keeps Seda's father away. Afterwards the warden reports Yusuf as escaped and sends
Memo and Ova away by boat.

The last we see of Ova, years later, she is grown up and it is her wedding day. In
her hands is **Yusuf's matchbook**.""",
    },
]

# Added in the update: our reading of the ending, marked as such.
ENDING_MEANING = """\
**What the ending means (our reading)**

- **Why Yusuf?** Yusuf Aga had lost a daughter of his own. In Memo and Ova he meets a
  father and daughter who can still be kept together, and he gives his life so that
  they are.
- **Why the boat?** On paper it is Yusuf who has vanished from the prison, not Memo.
  The rescue only holds as long as nobody learns that Memo is alive, so he cannot
  simply go home; he and Ova have to leave.
- **Why the matchbook?** Years later, on the most important day of her life, Ova
  still has it. She has not forgotten the man who gave her father back to her.

It is a bittersweet ending: father and daughter are saved, but only because another
father paid the price."""

# The first version's typo, fixed in a minor revision.
TYPO = {"heading": BRIEF_HEADING, "correct": "young daughter Ova", "typo": "young dauhgter Ova"}

QUESTIONS = [
    {
        "question": "Is Miracle in Cell No. 7 (2019) based on a true story?",
        "answer": "No. It is fiction: a remake of the 2013 South Korean film "
        "*Miracle in Cell No. 7*. None of its characters is a real person.",
    },
    {
        "question": "Is it a remake?",
        "answer": "Yes. It remakes the South Korean comedy-drama *Miracle in Cell No. 7* "
        "(2013), directed by Lee Hwan-kyung.",
    },
    {
        "question": "Are there other versions of the film?",
        "answer": "Yes. Besides the 2013 original and this Turkish film, the remakes "
        "include one from the Philippines (2019) and one from Indonesia (2022).",
    },
    {
        "question": "Is Miracle in Cell No. 7 on Netflix?",
        "answer": "Yes, it is on Netflix. Catalogues differ from country to country, so "
        "check whether it is available where you are.",
    },
    {
        "question": "What language is it in?",
        "answer": "Turkish. Netflix also offers an English dub and English subtitles.",
    },
    {
        "question": "What becomes of Memo?",
        "is_spoiler": True,
        "answer": "He lives. Yusuf Aga, an older prisoner, goes to the gallows in his "
        "place, and Memo is sent away by boat with Ova.",
    },
]

QUESTIONS_ADDED_IN_UPDATE = [
    {
        "question": "How does the film end?",
        "is_spoiler": True,
        "answer": "With help from Askorozlu and the warden, Yusuf Aga is executed in "
        "Memo's place while a staged car accident keeps Seda's father away. The warden "
        "reports Yusuf as escaped and sends Memo and Ova away by boat. The last we see "
        "of Ova, she is grown up and it is her wedding day.",
    },
    {
        "question": "What does the ending mean?",
        "is_spoiler": True,
        "answer": "On her wedding day, grown-up Ova holds Yusuf's matchbook. In our "
        "reading, it shows that she has never forgotten the man who gave his life so "
        "that she could keep her father.",
    },
]

HISTORY = {
    "first": {"days_ago": 40, "change_summary": "First published"},
    "typo": {"days_ago": 25, "change_summary": "Fixed a typo."},
    "update": {
        "days_ago": 6,
        "change_summary": "Added our reading of what the ending means, and two new "
        "questions about it.",
    },
}
