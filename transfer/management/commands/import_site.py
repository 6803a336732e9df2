"""manage.py import_site ARCHIVE — load an `export_site` archive into an empty database."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError

from transfer.archive_files import ArchiveError
from transfer.site_import import import_site


class Command(BaseCommand):
    help = (
        "Load a site archive made by `export_site` into this database, which must have no "
        "content yet. All or nothing: one transaction. Imported staff accounts have no "
        "usable password until one is set (`manage.py changepassword USER`)."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", metavar="ARCHIVE")

    def handle(self, *args, archive, **options):
        try:
            result = import_site(Path(archive))
        except ArchiveError as error:
            raise CommandError(f"Nothing was imported: {error}") from None
        except DatabaseError as error:
            reason = " ".join(str(error).split()).rstrip(".")
            raise CommandError(f"Nothing was imported: database error ({reason}).") from None
        counts = result.counts
        self.stdout.write(
            f"Imported {counts.get('articles.article', 0)} articles, "
            f"{counts.get('articles.revision', 0)} revisions, {counts.get('films.film', 0)} "
            f"films, {counts.get('corrections.correction', 0)} corrections and "
            f"{result.media_files} picture files; indexed {result.indexed} pages for search."
        )
        if result.new_accounts:
            self.stdout.write(
                f"Created {len(result.new_accounts)} staff accounts without a usable password "
                f"({', '.join(result.new_accounts)}): set each one's password with "
                "`manage.py changepassword USER` (or let them use a password reset) before "
                "they can sign in."
            )
        if result.kept_accounts:
            self.stdout.write(
                f"Kept {len(result.kept_accounts)} accounts that already existed here, "
                f"unchanged ({', '.join(result.kept_accounts)})."
            )
