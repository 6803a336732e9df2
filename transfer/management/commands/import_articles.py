"""manage.py import_articles PATH... — Markdown files with YAML front matter.

The format is in docs/importing.md. Each article is submitted for review
(or, with --publish, made live by an administrator) in its own transaction.
"""

from collections import defaultdict
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from transfer import markdown_files
from transfer.commands import acting_user, add_common_arguments, finish, run_one
from transfer.images import ImageFolder
from transfer.importing import rolled_back
from transfer.outcomes import Options
from transfer.records import ImportProblem
from transfer.report import Report

SUFFIXES = {".md", ".markdown"}


def markdown_paths(paths: list[str]) -> tuple[list[Path], list[str]]:
    """The Markdown files named or found in folders (sorted), and the paths that do not exist."""
    found, missing = [], []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            found += sorted(p for p in path.rglob("*") if p.suffix in SUFFIXES and p.is_file())
        elif path.is_file():
            found.append(path)
        else:
            missing.append(given)
    return found, missing


class Command(BaseCommand):
    help = "Import articles from Markdown files with YAML front matter (files or folders)."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH", help="Files or folders.")
        add_common_arguments(parser)
        parser.add_argument(
            "--create-films",
            action="store_true",
            help="Create films the site does not have yet from the file's film facts.",
        )
        parser.add_argument(
            "--create-authors",
            action="store_true",
            help="Create authors the site does not have yet (the file must give a name).",
        )
        parser.add_argument(
            "--max-size",
            type=float,
            default=markdown_files.MAX_MARKDOWN_BYTES / 1024 / 1024,
            help="Refuse Markdown files larger than this many megabytes (default %(default)s).",
        )

    def handle(self, *args, **opts):
        user = acting_user(opts["user"], publish=opts["publish"])
        files, missing = markdown_paths(opts["paths"])
        if not files and not missing:
            raise CommandError("No Markdown files (.md, .markdown) found there.")
        verbose = opts["verbosity"] >= 1
        report = Report(
            stdout=self.stdout, stderr=self.stderr, total=len(files), dry_run=opts["dry_run"]
        )
        for given in missing:
            report.failed(given, "no such file or folder")

        records = {}
        by_slug = defaultdict(list)
        max_bytes = int(opts["max_size"] * 1024 * 1024)
        for path in files:
            try:
                record = markdown_files.parse(markdown_files.read_text(path, max_bytes=max_bytes))
            except ImportProblem as problem:
                report.failed(str(path), problem.message, problem.line)
                report.step()
                continue
            records[path] = record
            by_slug[record.slug].append(path)

        options = Options(
            user=user,
            publish=opts["publish"],
            create_films=opts["create_films"],
            create_authors=opts["create_authors"],
            dry_run=opts["dry_run"],
            change_summary=opts["change_summary"],
        )
        with rolled_back(options.dry_run):
            for path, record in records.items():
                others = [str(other) for other in by_slug[record.slug] if other != path]
                if others:
                    report.failed(
                        str(path),
                        f"the slug “{record.slug}” is also used by {', '.join(others)} in this "
                        "import; none of them was imported",
                        record.line_of("slug"),
                    )
                    report.step()
                    continue
                run_one(
                    record,
                    name=str(path),
                    options=options,
                    source=ImageFolder(path.parent),
                    report=report,
                    verbose=verbose,
                    traceback=opts.get("traceback", False),
                )
        finish(report, self, options)
