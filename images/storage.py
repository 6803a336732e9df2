"""Writing processed images to STORAGES["default"] (disk locally, an object store in production)."""

import logging

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import IntegrityError, transaction

from .models import Image
from .processing import ImageRefused, Limits, ProcessedImage, Rendition, process, upload_key

logger = logging.getLogger(__name__)

UPLOAD_DIRECTORY = "images"


def rendition_name(key: str, rendition: Rendition, *, master=False) -> str:
    stem = "original" if master else f"{rendition.width}w"
    return f"{UPLOAD_DIRECTORY}/{key}/{stem}.{rendition.extension}"


class NotStored(ImageRefused):
    """The media storage refused the files (a full disk, a failing volume): nothing was kept."""

    def __init__(self):
        super().__init__(
            "could not be stored: the media disk is full or failing. Nothing was saved; "
            "try again once an administrator has made room."
        )


def _write(name: str, data: bytes) -> bool:
    """Store ``data`` as ``name``; False when a complete copy is already there."""
    # Names come from the upload's hash, so an existing file of the right size
    # has these very bytes; one of another size was cut short by an earlier failure.
    if default_storage.exists(name):
        if default_storage.size(name) == len(data):
            return False
        default_storage.delete(name)
    try:
        saved = default_storage.save(name, ContentFile(data))
    except OSError:
        # The storage writes in place: what reached the disk is a partial file.
        _discard(name, len(data))
        raise
    if saved != name:  # another upload of the same file won a race: keep one copy
        default_storage.delete(saved)
    return True


def _discard(name: str, size: int | None = None) -> None:
    try:
        if default_storage.exists(name) and (size is None or default_storage.size(name) != size):
            default_storage.delete(name)
    except OSError:
        logger.exception("Could not remove the partial file %s.", name)


def write_files(processed: ProcessedImage) -> dict:
    """Store the master and renditions; return the field values of their Image row.

    All or nothing: when the storage fails part way (a full disk), the files
    this call wrote are removed and NotStored is raised, so no picture is
    left with missing sizes or a truncated file that a later upload of the
    same bytes would take for complete.
    """
    master_name = rendition_name(processed.key, processed.master, master=True)
    written = []
    renditions = []
    try:
        if _write(master_name, processed.master.data):
            written.append(master_name)
        for rendition in processed.renditions:
            name = rendition_name(processed.key, rendition)
            if _write(name, rendition.data):
                written.append(name)
            renditions.append(
                {
                    "width": rendition.width,
                    "height": rendition.height,
                    "format": rendition.format,
                    "name": name,
                }
            )
    except OSError as error:
        logger.error("Storing picture %s failed (%s); nothing kept.", processed.key, error)
        for name in written:
            _discard(name)
        raise NotStored() from error
    return {
        "key": processed.key,
        "file": master_name,
        "width": processed.width,
        "height": processed.height,
        "has_alpha": processed.has_alpha,
        "source_format": processed.source_format,
        "renditions": renditions,
    }


def save_processed(processed: ProcessedImage, *, user=None) -> Image:
    """The Image for ``processed``: the existing row for a file uploaded before, or a new one."""
    existing = Image.objects.filter(key=processed.key).first()
    if existing is not None:
        return existing
    uploader = user if user is not None and user.is_authenticated else None
    try:
        with transaction.atomic():
            return Image.objects.create(**write_files(processed), uploaded_by=uploader)
    except IntegrityError:
        return Image.objects.get(key=processed.key)


def stored_copy(data: bytes) -> Image | None:
    """The Image already made from these very bytes, if any: no need to process them again."""
    return Image.objects.filter(key=upload_key(data)).first()


def store_upload(*, data: bytes, user=None, limits: Limits | None = None) -> Image:
    """Check, re-encode and store an upload; raises processing.ImageRefused (NotStored too)."""
    return save_processed(process(data, limits or Limits.from_settings()), user=user)
