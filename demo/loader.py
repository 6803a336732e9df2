"""Loading the demo: films, the byline, the article and its history, staff accounts.

Rows are found by slug or username, so a second run updates in place instead
of duplicating. Revisions are made only through the workflow, as on a real
site: the editor submits each version and the moderator approves it;
an article that already has revisions is never touched again, because its
history (and any editor's work since) is not the demo's to rewrite.
"""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.dateformat import format as format_date

from articles.models import Article, Revision, Section
from articles.workflow import WorkflowError, approve, film_changed, self_approval_allowed, submit
from faq.models import Question
from films.models import Author, Availability, Credit, Film, Rating
from filmsite.auth import DEMO_GROUP
from filmsite.links import absolute_url

from . import artwork, content, corrections, draft, films, more_articles, sitepages, topics
from .explainers import EXPLAINERS
from .rows import DemoError
from .rows import add as _add
from .rows import upsert as _upsert

__all__ = ["DemoError", "load_demo"]

DEMO_PASSWORD = "filmsite-demo"
# (username, role group, superuser)
DEMO_ACCOUNTS = [
    ("editor", "Editors", False),
    ("moderator", "Moderators", False),
    ("admin", None, True),
]


def load_demo() -> list[str]:
    """Load or refresh the demo content; return lines describing what happened."""
    report: list[str] = []
    with transaction.atomic():
        film_by_slug = _load_films(report)
        author = _load_author(report)
        accounts = _load_accounts(report)
        reviewers = _reviewers(accounts)
        _load_article(report, film_by_slug, author, reviewers=reviewers)
        more_articles.load(report, film_by_slug, author, reviewers=reviewers)
        _load_draft(report, film_by_slug, author)
        topics.load(report, film_by_slug)
        sitepages.load(report, reviewers=reviewers)
        corrections.load(report, slug=content.ARTICLE["slug"], reviewers=reviewers)
    live = Revision.objects.live().filter(slug=content.ARTICLE["slug"]).first()
    if live is not None:
        report.append(
            f"Read it at {absolute_url(live.get_absolute_url())} "
            f"(admin at {absolute_url(reverse('admin:index'))})."
        )
    return report


def _load_films(report: list[str]) -> dict[str, Film]:
    film_by_slug, states = {}, []
    all_films = [*films.FILMS, *(spec for module in EXPLAINERS for spec in module.FILMS)]
    for index, spec in enumerate(all_films):
        values = {
            key: value
            for key, value in spec.items()
            if key not in {"slug", "cast", "availability", "ratings", "adaptation_of"}
        }
        if "adaptation_of" in spec:
            values["adaptation_of"] = film_by_slug[spec["adaptation_of"]]
        values["poster"] = artwork.demo_poster(spec, index)
        film, state = _upsert(Film, {"slug": spec["slug"]}, values)
        related = [
            *(
                _upsert(Credit, {"film": film, "actor": c["actor"]}, {**c, "sort_order": i})
                for i, c in enumerate(spec.get("cast", []))
            ),
            *(
                _upsert(
                    Availability, {"film": film, "service": a["service"]}, {**a, "sort_order": i}
                )
                for i, a in enumerate(spec.get("availability", []))
            ),
            *(
                _upsert(
                    Rating,
                    {"film": film, "source": r["source"]},
                    {**films.rating_values(r), "sort_order": i},
                )
                for i, r in enumerate(spec.get("ratings", []))
            ),
        ]
        if state == "unchanged" and any(s != "unchanged" for _, s in related):
            state = "updated"
        # Always, not only on a change: a site that had the demo before search
        # existed gets the films indexed by loading the demo again.
        film_changed(film=film)
        film_by_slug[film.slug] = film
        states.append(state)
    counts = ", ".join(
        f"{states.count(s)} {s}" for s in ("created", "updated", "unchanged") if s in states
    )
    report.append(
        f"Films: {counts} (Miracle in Cell No. 7: the 2013 original, the Turkish, Philippine "
        "and Indonesian remakes; and the films of the further explainers)."
    )
    return film_by_slug


def _load_author(report: list[str]) -> Author:
    # A team byline, so it is linked to no staff account.
    spec = films.AUTHOR
    author, state = _upsert(
        Author, {"slug": spec["slug"]}, {"name": spec["name"], "bio": spec["bio"]}
    )
    report.append(f"Author: {author.name} ({state}).")
    return author


def _load_accounts(report: list[str]) -> dict:
    if not settings.DEBUG:
        report.append(
            "Demo staff accounts: skipped, because DEBUG is off (their password is public, "
            "so they exist only on DEBUG sites)."
        )
        return {}
    user_model = get_user_model()
    demo_group, _ = Group.objects.get_or_create(name=DEMO_GROUP)
    accounts, done = {}, []
    for username, role, is_superuser in DEMO_ACCOUNTS:
        user = user_model.objects.filter(username=username).first()
        if user is not None and not user.groups.filter(pk=demo_group.pk).exists():
            # A real account with this name: resetting its password, or putting it in
            # the demo group (which locks it out when DEBUG is off), would be harmful.
            report.append(
                f"Account “{username}” already exists and is not a demo account; left it alone."
            )
            continue
        state = "created" if user is None else "password reset"
        user = user or user_model(username=username)
        user.is_active = user.is_staff = True
        user.is_superuser = is_superuser
        user.set_password(DEMO_PASSWORD)
        user.save()
        user.groups.add(demo_group)
        if role:
            try:
                user.groups.add(Group.objects.get(name=role))
            except Group.DoesNotExist:
                raise DemoError(
                    f"The “{role}” group is missing; run `manage.py migrate` first."
                ) from None
        accounts[username] = user
        done.append(f"{username} ({role or 'superuser'}, {state})")
    if done:
        report.append(
            f"Demo staff accounts, password “{DEMO_PASSWORD}”, usable only while DEBUG is on: "
            + ", ".join(done)
            + "."
        )
    return accounts


def _reviewers(accounts: dict):
    """Who submits and who approves the demo article's revisions, or None.

    The demo editor submits and the demo moderator approves. Without them,
    real superusers stand in: two of them, or one when the site allows
    self-approval. Demo accounts left over from a DEBUG run are not used once
    DEBUG is off: they cannot log in.
    """
    if "editor" in accounts and "moderator" in accounts:
        return accounts["editor"], accounts["moderator"]
    superusers = get_user_model().objects.filter(is_active=True, is_superuser=True)
    if not settings.DEBUG:
        superusers = superusers.exclude(groups__name=DEMO_GROUP)
    superusers = list(superusers.order_by("pk")[:2])
    if len(superusers) == 2:
        return superusers[0], superusers[1]
    if superusers and self_approval_allowed():
        return superusers[0], superusers[0]
    return None


def _load_article(report: list[str], film_by_slug, author, *, reviewers) -> None:
    spec = content.ARTICLE
    existing = Article.objects.filter(slug=spec["slug"]).first()
    if existing is not None and existing.revisions.exists():
        report.append(
            f"Article “{existing.title}”: already has {existing.revisions.count()} revisions; "
            "left it and its history alone."
        )
        return
    article, state = _upsert(
        Article,
        {"slug": spec["slug"]},
        {
            **spec,
            "film": film_by_slug[films.TURKISH_SLUG],
            "author": author,
            "hero_image": artwork.demo_hero(),
        },
    )
    made = " (created)" if state == "created" else ""
    now = timezone.now()
    steps = [("first", _write_first_version), ("typo", _fix_typo), ("update", _apply_update)]
    if reviewers is None:
        for _, edit in steps:
            edit(article)
        report.append(
            f"Article “{article.title}”{made}: left unpublished, because there are no two "
            "staff accounts to submit and approve it (one submits, another approves). Run "
            "`manage.py createsuperuser` twice (or set FILMSITE_ALLOW_SELF_APPROVAL=1), then "
            "load_demo again to publish it with its history."
        )
        return
    submitter, approver = reviewers
    went_live = {}
    for name, edit in steps:
        edit(article)
        step = content.HISTORY[name]
        # The demo's history is backdated: each version went live days ago.
        went_live[name] = now - timedelta(days=step["days_ago"])
        try:
            pending = submit(
                article=article,
                user=submitter,
                change_summary=step["change_summary"],
                is_minor=name == "typo",
            ).revision
            approve(revision=pending, user=approver, go_live_at=went_live[name], backdate=True)
        except (PermissionDenied, WorkflowError) as error:
            raise DemoError(
                f"Could not publish the demo article (submitted by {submitter}, approved by "
                f"{approver}): {error}"
            ) from error
    # The working copy was written before it first went live; say so in the admin.
    Article.objects.filter(pk=article.pk).update(created_at=went_live["first"] - timedelta(days=1))
    report.append(
        f"Article “{article.title}”{made}: 3 revisions submitted by {submitter} and "
        f"approved by {approver}: first "
        f"published {_day(went_live['first'])}, typo fix {_day(went_live['typo'])} (minor, "
        f"so not an update), updated {_day(went_live['update'])}."
    )


def _day(moment) -> str:
    return format_date(timezone.localtime(moment), "M j, Y")


def _write_first_version(article: Article) -> None:
    """The working copy as it was first published: with a typo, without the update."""
    article.sections.all().delete()
    article.questions.all().delete()
    for order, spec in enumerate(content.SECTIONS, start=1):
        body = spec["body"]
        if spec["heading"] == content.TYPO["heading"]:
            body = body.replace(content.TYPO["correct"], content.TYPO["typo"], 1)
        _add(Section(article=article, sort_order=order * 10, **{**spec, "body": body}))
    for order, spec in enumerate(content.QUESTIONS, start=1):
        _add(Question(article=article, sort_order=order * 10, **spec))


def _fix_typo(article: Article) -> None:
    section = article.sections.get(heading=content.TYPO["heading"])
    section.body = section.body.replace(content.TYPO["typo"], content.TYPO["correct"])
    section.save(update_fields=["body"])


def _apply_update(article: Article) -> None:
    section = article.sections.get(heading=content.ENDING_HEADING)
    section.body = f"{section.body}\n\n{content.ENDING_MEANING}"
    section.save(update_fields=["body"])
    start = article.questions.count() + 1
    for order, spec in enumerate(content.QUESTIONS_ADDED_IN_UPDATE, start=start):
        _add(Question(article=article, sort_order=order * 10, **spec))


def _load_draft(report: list[str], film_by_slug, author) -> None:
    spec = draft.DRAFT
    existing = Article.objects.filter(slug=spec["slug"]).first()
    if existing is not None:
        # Editors may be working on it; the demo only seeds it once.
        report.append(f"Draft “{existing.title}”: already there; left it as it is.")
        return
    article, _ = _upsert(
        Article,
        {"slug": spec["slug"]},
        {**spec, "film": film_by_slug[spec["film"]], "author": author},
    )
    for order, section in enumerate(draft.DRAFT_SECTIONS, start=1):
        _add(Section(article=article, sort_order=order * 10, **section))
    report.append(f"Draft “{article.title}”: created, never published (for editors to finish).")
