"""`manage.py rebuild_search_index`: index every film and live article from scratch.

Needed after a bulk import that bypassed the workflow, or once after
upgrading to a version with search; the workflow keeps the index exact
afterwards. Runs in one transaction: readers keep the old index until the
new one is complete.
"""

import sys

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError
from tqdm import tqdm

from search import index


class Command(BaseCommand):
    help = "Rebuild the site search index from the live revisions and the films."

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-progress", action="store_true", help="Print only the summary line."
        )

    def handle(self, *args, no_progress=False, **options):
        try:
            total = index.count_to_index()
            with tqdm(
                total=total,
                unit=" pages",
                desc="Indexing",
                disable=no_progress,
                file=sys.stderr,
            ) as bar:
                done = index.rebuild(progress=lambda count: bar.update(count - bar.n))
        except DatabaseError as error:
            reason = " ".join(str(error).split()).rstrip(".")
            raise CommandError(
                f"Could not rebuild the search index: {reason}. "
                "(If the search tables are missing, run `manage.py migrate` first.)"
            ) from error
        self.stdout.write(f"Indexed {done} pages (films and live or scheduled articles).")
