"""Writing processed images to STORAGES["default"] (disk locally, an object store in production)."""

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import IntegrityError, transaction

from .models import Image
from .processing import Limits, ProcessedImage, Rendition, process

UPLOAD_DIRECTORY = "images"


def rendition_name(key: str, rendition: Rendition, *, master=False) -> str:
    stem = "original" if master else f"{rendition.width}w"
    return f"{UPLOAD_DIRECTORY}/{key}/{stem}.{rendition.extension}"


def _write(name: str, data: bytes) -> None:
    # Names come from the upload's hash, so an existing file has these very bytes.
    if default_storage.exists(name):
        return
    saved = default_storage.save(name, ContentFile(data))
    if saved != name:  # another upload of the same file won a race: keep one copy
        default_storage.delete(saved)


def write_files(processed: ProcessedImage) -> dict:
    """Store the master and renditions; return the field values of their Image row."""
    master_name = rendition_name(processed.key, processed.master, master=True)
    _write(master_name, processed.master.data)
    renditions = []
    for rendition in processed.renditions:
        name = rendition_name(processed.key, rendition)
        _write(name, rendition.data)
        renditions.append(
            {
                "width": rendition.width,
                "height": rendition.height,
                "format": rendition.format,
                "name": name,
            }
        )
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


def store_upload(*, data: bytes, user=None, limits: Limits | None = None) -> Image:
    """Check, re-encode and store an upload; raises processing.ImageRefused."""
    return save_processed(process(data, limits or Limits.from_settings()), user=user)
