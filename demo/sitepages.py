"""The demo's site pages (About, Contact, editorial standards, corrections policy,
privacy), written by the editor and
published by the moderator. Created once; a page that exists is left alone."""

from django.core.exceptions import PermissionDenied

from sitepages.models import SitePage
from sitepages.services import publish

from .rows import DemoError, add

PAGES = [
    {
        "slug": "about",
        "title": "About filmsite",
        "description": "Who writes filmsite's film explainers, and how every article is "
        "checked before readers see it.",
        "body": """\
filmsite answers one question about films people are watching: **is it a true story?**
Each explainer gives the answer first, then introduces the characters and walks
through the plot. Anything that gives the ending away stays folded until you choose
to open it.

Our articles are written by the editorial team. A moderator reviews every change
before it reaches readers, and each article lists its updates with the date and what
changed. When we are not sure of a fact, we leave it out rather than guess.

Ratings we quote belong to the sources we name, on the dates we give; they are not our
own verdicts.""",
    },
    {
        "slug": "contact",
        "title": "Contact us",
        "description": "How to reach filmsite's editors, and the fastest way to report a "
        "mistake in an article.",
        "body": """\
**Found a mistake?** The quickest way to tell us is the "Suggest a correction" link at
the end of every article. It needs no account, and it reaches the editors of that
article directly.

**Anything else?** Write to the editorial team at editors@example.org. (This is a
demonstration site, so that address is a placeholder.)""",
    },
    {
        "slug": "editorial-standards",
        "title": "Editorial standards",
        "description": "The rules every filmsite explainer follows: answer first, no "
        "surprise spoilers, facts we can check, and a second pair of eyes.",
        "body": """\
These are the rules our explainers are written and checked against.

- **The answer comes first.** Every explainer opens with its verdict on whether the
  film is a true story, in one plain sentence, before any detail.
- **No surprise spoilers.** Anything that reveals how the story ends is folded away
  and labelled, so you open it only if you want to. Titles, summaries and the
  text that search engines and feeds show never give the ending away.
- **Facts we can stand behind.** We state what the film is based on only when we can
  point to where that comes from. When we are unsure, we leave it out rather than
  guess, and we say where the film departs from what really happened.
- **Two people per change.** Whoever writes or edits an article cannot publish it
  alone: a moderator who did not make the change reviews it first. The same goes
  for the facts about a film or an author, and for these pages.
- **Ratings are quoted, not ours.** Any score we mention belongs to the source we
  name, as it stood on the date we give.
- **Open about changes.** Each article keeps a dated list of its substantive
  updates, and corrections readers helped us make are listed on the article. See
  the corrections policy for how that works.""",
    },
    {
        "slug": "corrections-policy",
        "title": "Corrections policy",
        "description": "How filmsite handles mistakes: how to report one, how we check it, "
        "and how a correction is shown on the article.",
        "body": """\
We want every explainer to be right, and we say so openly when one was not.

- **Reporting.** Anyone can suggest a correction from the link at the end of an
  article. A moderator reads every suggestion and either accepts or dismisses it.
- **Correcting.** An accepted correction is made like any other change: an editor
  updates the article and a moderator reviews it before readers see it.
- **Showing it.** Each article's update history lists every substantive change with
  its date and a short note of what changed, and the "Updated" date moves. Fixing a
  typo is recorded too, but does not count as an update. A correction a reader
  suggested is also listed at the end of the article, under "Corrections", with the
  date and a short note from the moderator saying what was put right. The reader's
  own message is never published.
- **Withdrawing.** If an article cannot be fixed, we take it down rather than leave it
  wrong. Its address then says that the page was withdrawn, not that it never
  existed.""",
    },
    {
        "slug": "privacy",
        "title": "Privacy",
        "description": "What filmsite keeps about its readers: only what you send us with "
        "a correction. No tracking, no analytics, no advertising cookies.",
        "body": """\
Reading filmsite does not need an account, and we keep as little about you as we can.

- **No tracking.** There are no analytics, advertising or social-media scripts on
  this site, and it sets no cookies for readers who only read.
- **When you suggest a correction,** we keep your message, and your e-mail address
  if you chose to give one, so the editors can check the article and, if needed,
  ask you about it. Your message is read by our staff only; it is never published.
  Opening the form sets one security cookie that stops other sites from sending
  it in your name.
- **Limiting abuse.** To stop floods of suggestions, we count how many come from one
  connection within an hour. We do not store your IP address for this: only a
  scrambled, keyed fingerprint of it, which is deleted once that hour has passed.
- **Server logs.** Like most web servers, ours writes a short record of each request
  (the address it came from, the page and the browser) that the people who run
  the site use to keep it working.
- **Staff.** Editors and moderators who sign in get a session cookie, which ends
  when they close the browser.

To ask about or remove something you sent us, use the contact page.""",
    },
]


def load(report: list[str], *, reviewers) -> None:
    created = 0
    for spec in PAGES:
        if SitePage.objects.filter(slug=spec["slug"]).exists():
            continue
        page = SitePage(**spec, last_edited_by=reviewers[0] if reviewers else None)
        add(page)
        created += 1
        if reviewers is None:
            continue
        try:
            publish(page=page, user=reviewers[1])
        except PermissionDenied as error:
            raise DemoError(f"Could not publish the demo page “{page}”: {error}") from error
    state = "published" if reviewers else "left unpublished (no moderator to publish them)"
    if created:
        report.append(
            f"Site pages (About, Contact, standards, corrections, privacy): {created} created, "
            f"{state}."
        )
    else:
        report.append("Site pages: already there; left them as they are.")
