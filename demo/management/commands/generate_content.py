"""manage.py generate_content --articles N [--films M]: synthetic content for benchmarks."""

import time

from django.core.management.base import BaseCommand, CommandError

from articles import workflow
from demo.generator import GenerationError, analyze, check_sample, generate


class Command(BaseCommand):
    help = (
        "Add N synthetic articles (with sections, spoilers, FAQs and 1-5 revisions each), "
        "films with cast and remakes, and authors, through bulk inserts, then check that "
        "the result is what the workflow would have produced. For benchmarks: use a "
        "database of its own."
    )

    def add_arguments(self, parser):
        parser.add_argument("--articles", type=int, required=True, help="How many articles.")
        parser.add_argument(
            "--films", type=int, default=None, help="How many films (default: articles / 3)."
        )
        parser.add_argument("--seed", type=int, default=9, help="Random seed (default 9).")
        parser.add_argument(
            "--no-verify",
            action="store_true",
            help="Do not check the result against the workflow's rules.",
        )

    def handle(self, *args, articles, films, seed, no_verify, **options):
        started = time.monotonic()
        verbose = options["verbosity"] > 0

        def progress(done, total):
            if verbose:
                self.stdout.write(f"\r{done:,} / {total:,} articles", ending="")
                self.stdout.flush()

        try:
            counts = generate(articles=articles, films=films, seed=seed, progress=progress)
        except GenerationError as error:
            raise CommandError(str(error)) from None
        analyze()
        if verbose:
            self.stdout.write("")
        if not no_verify:
            problems = workflow.check_invariants() + check_sample()
            if problems:
                raise CommandError(f"{len(problems)} problems, first: {problems[0]}")
        if verbose:
            self.stdout.write(
                f"Generated {counts.articles:,} articles ({counts.live:,} live, "
                f"{counts.scheduled:,} with a scheduled revision, {counts.unpublished:,} "
                f"unpublished, {counts.pending:,} awaiting review), {counts.revisions:,} "
                f"revisions, {counts.films:,} films, {counts.authors:,} authors in "
                f"{time.monotonic() - started:.0f} s"
                + ("" if no_verify else "; the workflow's invariants hold.")
            )
