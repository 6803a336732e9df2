"""Turning a browser upload into bytes, and a refusal into a sentence."""

from django.core.files.uploadedfile import UploadedFile

from .processing import ImageRefused, Limits


def display_name(upload: UploadedFile) -> str:
    # Only ever shown back to the editor who sent it, escaped; never stored.
    name = (upload.name or "the file").replace("\\", "/").rsplit("/", 1)[-1]
    return name[:120] or "the file"


def read_upload(upload: UploadedFile, limits: Limits | None = None) -> bytes:
    """The upload's bytes, refusing an oversized file before reading it all."""
    limits = limits or Limits.from_settings()
    if upload.size is not None and upload.size > limits.max_bytes:
        mb = 1024 * 1024
        raise ImageRefused(
            f"is too large ({upload.size / mb:.1f} MB); "
            f"the limit is {limits.max_bytes / mb:.0f} MB."
        )
    upload.seek(0)
    data = upload.read(limits.max_bytes + 1)
    if len(data) > limits.max_bytes:
        raise ImageRefused(f"is too large; the limit is {limits.max_bytes / (1024 * 1024):.0f} MB.")
    return data


def describe_refusal(upload: UploadedFile, refusal: ImageRefused) -> str:
    return f"“{display_name(upload)}” {refusal}"
