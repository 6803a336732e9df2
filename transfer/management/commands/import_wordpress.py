"""manage.py import_wordpress FILE.xml — posts from a WordPress export (WXR).

Published posts become articles (submitted for review, or made live with
--publish), their authors become authors; drafts and private posts are left
out unless asked for. Pictures come only from --media, never the network.
"""

from collections import defaultdict
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from films.models import Film
from transfer import wordpress
from transfer.commands import acting_user, add_common_arguments, finish, run_one
from transfer.images import MediaFolder
from transfer.importing import rolled_back
from transfer.outcomes import Options
from transfer.records import ImportProblem
from transfer.report import Report

ALWAYS_LEFT_OUT = {"trash", "auto-draft", "inherit"}


class Command(BaseCommand):
    help = "Import the posts of a WordPress export file (Tools → Export in WordPress)."

    def add_arguments(self, parser):
        parser.add_argument("file", metavar="FILE.xml")
        add_common_arguments(parser)
        parser.add_argument(
            "--media",
            metavar="DIR",
            help="A copy of the old site's wp-content/uploads folder, for the posts' pictures.",
        )
        parser.add_argument(
            "--include-drafts", action="store_true", help="Import drafts and pending posts too."
        )
        parser.add_argument(
            "--include-private", action="store_true", help="Import private posts too."
        )
        parser.add_argument(
            "--film", default="", help="The film (its slug) of posts that do not name one."
        )
        parser.add_argument(
            "--verdict", default="", help="The verdict of posts that have none (yes, partly, …)."
        )
        parser.add_argument(
            "--max-size",
            type=float,
            default=wordpress.MAX_EXPORT_BYTES / 1024 / 1024,
            help="Refuse export files larger than this many megabytes (default %(default)s).",
        )

    def _wanted(self, post, opts) -> str | None:
        """Why ``post`` is left out, or None to import it."""
        if post.post_type != "post":
            return f"a {post.post_type}, not a post"
        if post.status in ALWAYS_LEFT_OUT:
            return f"status {post.status}"
        if post.status in {"draft", "pending", "future"} and not opts["include_drafts"]:
            return f"{post.status}; use --include-drafts"
        if post.status == "private" and not opts["include_private"]:
            return "private; use --include-private"
        return None

    def handle(self, *args, **opts):
        user = acting_user(opts["user"], publish=opts["publish"])
        path = Path(opts["file"])
        if not path.is_file():
            raise CommandError(f"{path}: no such file.")
        try:
            export = wordpress.read_export(path, max_bytes=int(opts["max_size"] * 1024 * 1024))
        except ImportProblem as problem:
            where = f"{path}:{problem.line}" if problem.line else str(path)
            raise CommandError(f"{where}: {problem.message}") from None

        posts = [post for post in export.posts if post.post_type == "post"]
        report = Report(
            stdout=self.stdout, stderr=self.stderr, total=len(posts), dry_run=opts["dry_run"]
        )
        defaults = wordpress.Defaults(
            film=opts["film"],
            verdict=opts["verdict"],
            known_films=set(Film.objects.values_list("slug", flat=True)),
        )
        records, by_slug, left_unkept = [], defaultdict(list), set()
        for post in posts:
            name = f"{path}, {post.label}"
            if reason := self._wanted(post, opts):
                report.skipped(name, reason)
                report.step()
                continue
            try:
                record = wordpress.to_record(post, export, defaults)
            except ImportProblem as problem:
                report.failed(str(path), problem.message, problem.line)
                report.step()
                continue
            left_unkept |= {
                name
                for domain, slug, name in post.categories
                if domain in {"category", "post_tag"} and slug != record.film.slug
            }
            records.append((post, record))
            by_slug[record.slug].append(post.label)

        options = Options(
            user=user,
            publish=opts["publish"],
            create_authors=True,
            dry_run=opts["dry_run"],
            change_summary=opts["change_summary"],
        )
        media = MediaFolder(Path(opts["media"]) if opts["media"] else None)
        with rolled_back(options.dry_run):
            for post, record in records:
                others = [label for label in by_slug[record.slug] if label != post.label]
                if others:
                    report.failed(
                        str(path),
                        f"{post.label} has the slug “{record.slug}”, like {', '.join(others)}; "
                        "none of them was imported",
                        post.line,
                    )
                    report.step()
                    continue
                run_one(
                    record,
                    name=str(path),
                    subject=post.label,
                    options=options,
                    source=_AtLine(media, post.line),
                    report=report,
                    verbose=opts["verbosity"] >= 1,
                    traceback=opts.get("traceback", False),
                )
        if left_unkept:
            self.stdout.write(
                "Categories and tags not kept (filmsite has no place for them yet): "
                + ", ".join(sorted(left_unkept))
            )
        finish(report, self, options)


class _AtLine:
    """The media folder, for one post: its pictures' problems point at the post's line."""

    def __init__(self, media: MediaFolder, line: int | None):
        self.media, self.line = media, line

    def handles(self, source: str) -> bool:
        return self.media.handles(source)

    def find(self, source: str):
        try:
            return self.media.find(source)
        except ImportProblem as problem:
            raise ImportProblem(problem.message, self.line) from None
