"""manage.py export_articles DIR — every article as a Markdown file, pictures beside them."""

from pathlib import Path

from django.core.management.base import BaseCommand

from transfer.exporting import export


class Command(BaseCommand):
    help = (
        "Write each article's live revision (or, with --working-copies, its working copy) "
        "to DIR as Markdown with YAML front matter, pictures in DIR/images/."
    )

    def add_arguments(self, parser):
        parser.add_argument("folder", metavar="DIR")
        parser.add_argument(
            "--working-copies",
            action="store_true",
            help="Export the editors' working copies, published or not, instead of what "
            "readers see.",
        )

    def handle(self, *args, folder, working_copies, **opts):
        articles, pictures = export(Path(folder), working_copies=working_copies)
        what = "working copies" if working_copies else "live articles"
        self.stdout.write(f"Wrote {articles} {what} and {pictures} pictures to {folder}.")
