from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError

from demo.loader import DemoError, load_demo


class Command(BaseCommand):
    help = (
        "Load the demo: the Miracle in Cell No. 7 films, an article with its publishing "
        "history, a draft, and (only when DEBUG is on) demo staff accounts. Safe to run "
        "again: nothing is duplicated and published history is never rewritten."
    )

    def handle(self, *args, **options):
        try:
            lines = load_demo()
        except DemoError as error:
            raise CommandError(str(error)) from None
        except DatabaseError as error:
            # Usually an unmigrated database; one line is more use than a traceback.
            raise CommandError(
                f"Database error ({error}). Has `manage.py migrate` been run?"
            ) from None
        except Exception as error:
            if options["traceback"]:
                raise
            raise CommandError(
                f"Unexpected {type(error).__name__}: {error} (run with --traceback for details)."
            ) from None
        for line in lines:
            self.stdout.write(line)
