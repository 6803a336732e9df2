"""manage.py export_site ARCHIVE — the whole site in one .zip or .tar.gz (see site_archive.py)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError

from transfer.archive_files import ArchiveError
from transfer.site_archive import export_site


class Command(BaseCommand):
    help = (
        "Write every film, author, article (working copy and every revision), correction, "
        "the site settings, staff accounts (without passwords) and every picture file to "
        "ARCHIVE (.zip, .tar.gz or .tgz), for `import_site` on another database."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", metavar="ARCHIVE")

    def handle(self, *args, archive, **options):
        path = Path(archive)
        if path.exists():
            raise CommandError(f"{path} already exists; choose a new file name.")
        if not path.parent.is_dir():
            raise CommandError(f"There is no folder {path.parent} to write the archive in.")
        try:
            counts = export_site(path)
        except ArchiveError as error:
            raise CommandError(str(error)) from None
        except (DatabaseError, OSError) as error:
            raise CommandError(f"Could not export the site: {error}".rstrip(".") + ".") from None
        rows = sum(n for name, n in counts.items() if name != "media files")
        self.stdout.write(
            f"Wrote {counts['articles.article']} articles, {counts['articles.revision']} "
            f"revisions, {counts['films.film']} films, {counts['auth.user']} staff accounts "
            f"({rows} rows in all) and {counts['media files']} picture files to {path}."
        )
