"""`make bench-import`: how long importing many Markdown files takes.

Generates COUNT explainers (10,000 by default) as Markdown files with front
matter — five sections (two of them spoilers, one marked each way), a
four-question FAQ with a spoiler answer, 500 films with cast lines, 10
authors, dates — into a temporary folder, then times `manage.py
import_articles` on a throwaway SQLite database, with DEBUG off. Also times
a re-import of the same files (every article unchanged), and a small import
with one picture per article. Prints the figures; not a test.

    python -m benchmarks.imports [COUNT]
"""

import os
import resource
import sys
import tempfile
import time
from io import StringIO
from pathlib import Path

FILMS = 500
AUTHORS = 10
PICTURE_ARTICLES = 100

TEMPLATE = """---
title: "Is Film {film} a true story? Plot and ending explained ({n})"
slug: article-{n}
film:
  slug: film-{film}
  title: Film {film}
  year: {year}
  original_title: Filmin Adi {film}
  country: Turkey
  director: Yönetmen {film}
  synopsis: A spoiler-free synopsis of film {film}.
author:
  slug: author-{author}
  name: Author {author}
published: 2021-0{month}-1{day}T09:00:00Z
updated: 2024-0{month}-2{day}T18:30:00Z
verdict: partly
verdict_explanation: Partly. The story takes a real setting and invents the rest.
standfirst: Partly true. This explainer says what is real and what was invented.
meta_description: Is Film {film} based on a true story? What is real, plot and ending explained.
cast:
  - actor: Oyuncu {film} İynemli
    character: Memo
  - actor: 배우 {film}
    character: Ova
{hero}---

## The film in brief

Film {film} follows a father and his daughter over one hard winter. It was
released in {year} and is *about two hours* long.

## Is Film {film} a true story?

Partly. The town is real; the family, the trial and the prison are invented.
Nothing in the film is taken from a court record.

## Who is who

- **Memo**, a father who loves his daughter.
- **Ova**, his daughter, who never gives up on him.

## Plot {{.spoiler warning="reveals the plot"}}

A girl falls from a cliff; her father, an officer, blames Memo, who is jailed.
In prison the other inmates first beat him, then come to love him.

## Ending Explained

:::spoiler reveals the ending
An older prisoner takes Memo's place, and Memo and Ova leave by boat.
:::

## Film {film} – FAQs

### Is it on Netflix?

Yes, with subtitles.

### Is it a remake?

Yes, of an earlier film.

### Who dies at the end? {{.spoiler}}

The older prisoner.

### Is it a true story?

Partly, as explained above.
"""

HERO = """hero_image:
  path: picture-{n}.png
  alt: A still from film {film}
"""


def write_files(folder: Path, count: int, *, pictures: bool = False) -> None:
    folder.mkdir(parents=True)
    for n in range(count):
        film = n % FILMS
        text = TEMPLATE.format(
            n=n,
            film=film,
            year=1990 + film % 35,
            author=n % AUTHORS,
            month=1 + n % 9,
            day=n % 9,
            hero=HERO.format(n=n, film=film) if pictures else "",
        )
        (folder / f"article-{n:05d}.md").write_text(text, encoding="utf-8")
        if pictures:
            _picture(folder / f"picture-{n}.png", n)


def _picture(path: Path, n: int) -> None:
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (1200, 675), (20 + n % 200, 40, 90))
    ImageDraw.Draw(image).ellipse([300, 100, 900, 600], fill=(230, 200, 60))
    image.save(path)


def timed_import(folder: Path, *extra: str) -> tuple[float, str]:
    from django.core.management import call_command

    out, err = StringIO(), StringIO()
    started = time.perf_counter()
    call_command(
        "import_articles", str(folder), "--user", "benchmark", "--create-films",
        "--create-authors", "--verbosity", "0", *extra, stdout=out, stderr=err,
    )  # fmt: skip
    return time.perf_counter() - started, out.getvalue().strip().splitlines()[-1]


def main() -> int:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    workdir = Path(tempfile.mkdtemp(prefix="filmsite-bench-import-"))
    os.environ.update(
        DJANGO_SETTINGS_MODULE="filmsite.settings",
        DATA_DIR=str(workdir),
        DEBUG="0",
        SECRET_KEY="benchmark-only-secret",
        DATABASE_URL="",
        REDIS_URL="",
        LOG_LEVEL="WARNING",
    )
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.core.management import call_command

    from articles.models import Article, Revision

    call_command("migrate", verbosity=0)
    get_user_model().objects.create_superuser("benchmark", password=None)

    print(f"Generating {count:,} Markdown files …", flush=True)
    write_files(workdir / "articles", count)
    size = sum(p.stat().st_size for p in (workdir / "articles").iterdir())
    seconds, summary = timed_import(workdir / "articles")
    assert Article.objects.count() == count, summary
    assert Revision.objects.pending().count() == count, summary
    print(f"import_articles, {count:,} files ({size / 1024 / 1024:.1f} MB), submitted for review:")
    print(f"  {seconds:.1f} s, {count / seconds:.0f} articles/s — {summary}")

    seconds, summary = timed_import(workdir / "articles")
    print(f"the same files again (nothing changed): {seconds:.1f} s — {summary}")

    write_files(workdir / "pictures", PICTURE_ARTICLES, pictures=True)
    for path in (workdir / "pictures").glob("*.md"):
        path.write_text(path.read_text().replace("slug: article-", "slug: pictured-"))
    seconds, summary = timed_import(workdir / "pictures", "--publish")
    print(
        f"{PICTURE_ARTICLES} files with a 1200 × 675 picture each, --publish: "
        f"{seconds:.1f} s, {seconds / PICTURE_ARTICLES * 1000:.0f} ms per article — {summary}"
    )
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory: {peak:.0f} MB; database: {workdir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
