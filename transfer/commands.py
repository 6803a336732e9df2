"""What the import commands share: who acts, and how one article's failure is reported."""

from django.contrib.auth import get_user_model
from django.core.management.base import CommandError

from articles import workflow

from .film_records import link_adaptations
from .importing import import_record
from .outcomes import Options
from .records import ImportProblem
from .report import Report


def acting_user(username: str, *, publish: bool):
    """The staff account the import acts as; its permissions are checked up front."""
    User = get_user_model()
    try:
        user = User.objects.get(**{User.USERNAME_FIELD: username})
    except User.DoesNotExist:
        raise CommandError(f"There is no user “{username}” (see --user).") from None
    if not user.is_active:
        raise CommandError(f"The user “{username}” is inactive.")
    if publish and not user.is_superuser:
        raise CommandError(
            f"--publish skips review and is for administrators; “{username}” is not a superuser."
        )
    if not user.has_perm(workflow.SUBMIT_PERMISSION):
        raise CommandError(f"“{username}” may not submit articles for review.")
    return user


def add_common_arguments(parser) -> None:
    parser.add_argument(
        "--user", required=True, help="The staff account the import acts as (its username)."
    )
    parser.add_argument(
        "--publish",
        action="store_true",
        help="Administrators only, for a one-time migration: make the articles live at once "
        "with their original dates, skipping review.",
    )
    parser.add_argument("--dry-run", action="store_true", help="Check everything, save nothing.")
    parser.add_argument(
        "--change-summary", default="", help="The change summary of the submitted revisions."
    )


def run_one(
    record,
    *,
    name: str,
    options: Options,
    source,
    report: Report,
    verbose: bool,
    subject: str = "",
    traceback: bool = False,
):
    """Import one record, reporting its outcome or its one-line failure.

    ``name`` is the file; ``subject`` what in it, when a file holds many
    articles (“post 12 “Title””).
    """
    about = f"{subject}: " if subject else ""
    try:
        result = import_record(record, options, source)
    except ImportProblem as problem:
        report.failed(name, about + problem.message, problem.line)
    except Exception as error:  # one bad article must not stop the others
        if traceback:
            raise
        report.failed(name, f"{about}could not be imported ({type(error).__name__}: {error})")
    else:
        shown = f"{name}, {subject}" if subject else name
        for warning in result.warnings:
            report.warn(shown, warning)
        report.record(shown, result.outcome, verbose)
    report.step()


def finish(report: Report, command, options: Options) -> None:
    if not options.dry_run:
        for sentence in link_adaptations(options):
            report.warn("films", sentence)
    command.stdout.write(report.summary())
    if report.failures:
        raise CommandError(
            f"{report.failures} failed (each named above); nothing of them was imported."
        )
