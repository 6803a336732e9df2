"""Pictures named by imported articles: found on disk, then stored like uploads.

Every picture goes through the images app's own checks and re-encoding
(``images.storage.store_upload``), exactly as a file dropped into the
editor does. Nothing is ever fetched from the network.
"""

import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.storage import default_storage

from images.models import Image
from images.processing import ImageRefused, Limits
from images.storage import store_upload, stored_copy
from images.validation import read_upload
from writing.markdown import validate_markdown_images

from .records import ImageRef, ImportProblem

# ![alt](src "title"): the Markdown image syntax editors use (see README, Images).
MARKDOWN_IMAGE = re.compile(
    r"""!\[(?P<alt>[^\]\n]*)\]\(\s*<?(?P<src>[^)\s>]+)>?(?:\s+(?:"[^"\n]*"|'[^'\n]*'))?\s*\)"""
)
_EXPORTED_NAME = re.compile(r"^[0-9a-f]{32}$")
_RESIZED = re.compile(r"-\d+x\d+(\.\w+)$")


class ImageFolder:
    """Pictures given as paths relative to a folder (the Markdown file's own)."""

    def __init__(self, folder: Path):
        self.folder = folder.resolve()

    def handles(self, source: str) -> bool:
        """A relative path: a file given with the import, not an address on some site."""
        return not (urlsplit(source).scheme or source.startswith("/"))

    def find(self, source: str) -> Path:
        path = (self.folder / unquote(source)).resolve()
        if not path.is_relative_to(self.folder):
            raise ImportProblem(f"the picture “{source}” is outside the article's folder")
        if not path.is_file():
            raise ImportProblem(f"the picture “{source}” was not found next to the article")
        return path


class MediaFolder:
    """WordPress attachments, looked up by their address in a copy of wp-content/uploads."""

    def __init__(self, folder: Path | None):
        self.folder = folder.resolve() if folder else None

    def handles(self, source: str) -> bool:
        """An address of the old site's uploads (anything else is judged as in the editor)."""
        return "/wp-content/uploads/" in urlsplit(source).path

    def find(self, source: str) -> Path:
        if self.folder is None:
            raise ImportProblem(
                f"the picture {source} needs its file: give the uploads folder with --media "
                "(pictures are never downloaded)"
            )
        path_part = unquote(urlsplit(source).path)
        tail = path_part.split("/wp-content/uploads/", 1)[-1].lstrip("/")
        # WordPress links resized copies ("photo-300x200.jpg"); the original is "photo.jpg".
        original = _RESIZED.sub(r"\1", tail)
        for candidate in (self.folder / tail, self.folder / original):
            candidate = candidate.resolve()
            if candidate.is_relative_to(self.folder) and candidate.is_file():
                return candidate
        raise ImportProblem(
            f"the picture {source} is not in the --media folder (looked for {tail}); "
            "pictures are never downloaded"
        )


def _reused(path: Path, data: bytes) -> Image | None:
    # Exported pictures are named after their key: importing them back into
    # the same site finds the same row instead of re-encoding the master.
    if not _EXPORTED_NAME.match(path.stem):
        return None
    image = Image.objects.filter(key=path.stem).first()
    if image is None:
        return None
    with default_storage.open(image.file.name) as handle:
        return image if handle.read() == data else None


def store(path: Path, *, user, label: str) -> Image:
    """The stored Image for the file at ``path``; ImportProblem when it is refused.

    The same steps as an editor's upload: images.validation reads it within
    the size limit, images.storage checks, re-encodes and stores it.
    """
    limits = Limits.from_settings()
    try:
        with path.open("rb") as handle:
            data = read_upload(File(handle, name=path.name), limits)
        if (image := _reused(path, data) or stored_copy(data)) is not None:
            return image  # these very bytes were checked when first stored
        return store_upload(data=data, user=user, limits=limits)
    except ImageRefused as refusal:
        raise ImportProblem(f"the picture “{label}” {refusal}") from None


def inline_url(image: Image) -> str:
    """The address the editor's own upload would write into the Markdown."""
    fallback = max((r for r in image.renditions if r["format"] != "webp"), key=lambda r: r["width"])
    return default_storage.url(fallback["name"])


def hero(ref: ImageRef | None, source, *, user, warnings) -> object | None:
    if ref is None:
        return None
    try:
        image = store(source.find(ref.source), user=user, label=ref.source)
    except ImportProblem as problem:
        raise ImportProblem(problem.message, ref.line) from None
    wanted = {
        "alt_text": "" if ref.decorative else ref.alt,
        "is_decorative": ref.decorative,
        "caption": ref.caption,
        "credit": ref.credit,
    }
    current = {name: getattr(image, name) for name in wanted}
    if current == wanted:
        return image
    if not image.is_described and not image.caption and not image.credit:
        for name, value in wanted.items():
            setattr(image, name, value)
        image.save(update_fields=list(wanted))
    else:
        # The same picture is already used elsewhere with its own description.
        warnings.append(
            f"the hero image {ref.source} is already on the site with other alt text or "
            "caption; the site's is kept"
        )
    return image


def pictures_in(
    markdown: str, source, *, user, line: int | None, what: str, near: int | None = None
) -> str:
    """``markdown`` with pictures given as files stored and pointed at, then checked.

    ``line`` is the line of the source file that ``markdown`` starts on;
    ``near`` the line to name when that is not known (a WordPress post's).
    """
    if not markdown:
        return markdown

    def replace(match):
        src = match.group("src")
        if not source.handles(src):
            return match.group(0)  # left for validate_markdown_images to judge
        where = line + markdown[: match.start()].count("\n") if line else near
        if not match.group("alt").strip():
            raise ImportProblem(
                f"the picture “{src}” in {what} has no alt text: write what it shows between "
                "the square brackets, or ![decorative](…)",
                where,
            )
        try:
            image = store(source.find(src), user=user, label=src)
        except ImportProblem as problem:
            raise ImportProblem(problem.message, problem.line or where) from None
        start, end = match.start("src") - match.start(), match.end("src") - match.start()
        text = match.group(0)
        return text[:start] + inline_url(image) + text[end:]

    rewritten = MARKDOWN_IMAGE.sub(replace, markdown)
    if "![" not in rewritten and "<img" not in rewritten.lower():
        return rewritten  # no picture to check (rendering to find out costs more)
    try:
        validate_markdown_images(rewritten)
    except ValidationError as error:
        raise ImportProblem(f"{what}: {' '.join(error.messages)}", line or near) from None
    return rewritten
