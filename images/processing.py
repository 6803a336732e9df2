"""Checking and re-encoding uploaded pictures with Pillow. No models here.

Every upload is decoded (never trusted by its name or content type), checked
against byte and pixel limits, turned upright, converted to sRGB, stripped
of all metadata and re-encoded, then resized into a few renditions. Only the
re-encoded pixels are ever stored, so whatever rode along in the file
(EXIF with GPS, an appended script, a colour profile) is left behind.
"""

import hashlib
import warnings
from contextlib import suppress
from dataclasses import dataclass, field
from io import BytesIO

from PIL import Image, ImageCms, ImageFile, ImageOps, UnidentifiedImageError, features

# Decided once per process: AVIF decoding depends on how Pillow was built.
ACCEPTED_FORMATS = ("JPEG", "PNG", "WEBP", *(("AVIF",) if features.check("avif") else ()))
FORMAT_NAMES = {"JPEG": "JPEG", "PNG": "PNG", "WEBP": "WebP", "AVIF": "AVIF"}

# Widths of the renditions, in CSS pixels times device pixel ratio. An image
# narrower than a width gets no rendition at that width (never upscaled),
# plus one at its own width.
RENDITION_WIDTHS = (320, 640, 960, 1280, 1600)
# The kept master (for regenerating renditions later) is capped at this side.
MASTER_MAX_SIDE = 3200
WEBP_QUALITY = 80
JPEG_QUALITY = 82


@dataclass(frozen=True)
class Limits:
    max_bytes: int = 20 * 1024 * 1024
    # Well below Pillow's own decompression-bomb threshold (~89.5 megapixels).
    max_pixels: int = 40_000_000
    max_side: int = 12_000

    @classmethod
    def from_settings(cls) -> "Limits":
        """The limits, overridable with IMAGES_MAX_UPLOAD_BYTES / _PIXELS / _SIDE."""
        from django.conf import settings

        return cls(
            max_bytes=getattr(settings, "IMAGES_MAX_UPLOAD_BYTES", cls.max_bytes),
            max_pixels=getattr(settings, "IMAGES_MAX_PIXELS", cls.max_pixels),
            max_side=getattr(settings, "IMAGES_MAX_SIDE", cls.max_side),
        )


class ImageRefused(ValueError):
    """An upload that is not accepted; ``str()`` is a reason an editor can act on."""


@dataclass
class Rendition:
    width: int
    height: int
    format: str  # "webp", "jpeg" or "png"
    data: bytes = field(repr=False)

    @property
    def extension(self):
        return {"jpeg": "jpg"}.get(self.format, self.format)


@dataclass
class ProcessedImage:
    key: str  # content hash of the uploaded bytes: the stored names derive from it
    width: int
    height: int
    has_alpha: bool
    source_format: str
    master: Rendition
    renditions: list[Rendition]


# Formats people upload by mistake, named in the refusal instead of "not an image".
_MAGIC = [
    (b"GIF87a", "a GIF"),
    (b"GIF89a", "a GIF"),
    (b"BM", "a BMP"),
    (b"II*\x00", "a TIFF"),
    (b"MM\x00*", "a TIFF"),
    (b"%PDF", "a PDF document"),
    (b"8BPS", "a Photoshop document"),
    (b"\x00\x00\x01\x00", "an icon (ICO)"),
]


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB".replace(".0 MB", " MB")


def _accepted_list() -> str:
    names = [FORMAT_NAMES[name] for name in ACCEPTED_FORMATS]
    return ", ".join(names[:-1]) + " or " + names[-1]


def _unsupported(data: bytes) -> ImageRefused:
    head = data[:2048]
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if stripped.startswith(b"<") and (b"<svg" in head.lower()):
        return ImageRefused(
            "is an SVG drawing. SVG is not accepted because it can carry scripts; "
            "export it as PNG and upload that."
        )
    if len(head) >= 12 and head[4:8] == b"ftyp" and head[8:12] in {b"heic", b"heix", b"mif1"}:
        return ImageRefused(f"is a HEIC photo, which is not supported. Use {_accepted_list()}.")
    for magic, name in _MAGIC:
        if head.startswith(magic):
            return ImageRefused(f"is {name}, which is not supported. Use {_accepted_list()}.")
    return ImageRefused(f"is not an image (its contents are not {_accepted_list()}).")


def _too_many_pixels(width: int, height: int, limits: Limits) -> ImageRefused:
    return ImageRefused(
        f"has too many pixels ({width} × {height}, {width * height / 1e6:.0f} megapixels); "
        f"the limit is {limits.max_pixels / 1e6:.0f} megapixels. Resize it and upload again."
    )


def _open(data: bytes) -> Image.Image:
    return Image.open(BytesIO(data), formats=ACCEPTED_FORMATS)


def decode(data: bytes, limits: Limits = Limits()) -> Image.Image:
    """The fully decoded picture, or ImageRefused saying why not."""
    if not data:
        raise ImageRefused("is empty.")
    if len(data) > limits.max_bytes:
        raise ImageRefused(
            f"is too large ({_megabytes(len(data))}); the limit is {_megabytes(limits.max_bytes)}."
        )
    if ImageFile.LOAD_TRUNCATED_IMAGES:  # a global someone may have switched on
        raise RuntimeError("PIL.ImageFile.LOAD_TRUNCATED_IMAGES must stay off.")
    with warnings.catch_warnings():
        # Pillow warns, then errors, on decompression bombs: both are refusals.
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            probe = _open(data)
        except UnidentifiedImageError:
            raise _unsupported(data) from None
        except (Image.DecompressionBombWarning, Image.DecompressionBombError):
            raise ImageRefused(
                f"has too many pixels for a picture (a “decompression bomb”); the limit is "
                f"{limits.max_pixels / 1e6:.0f} megapixels."
            ) from None
        except Exception:
            raise ImageRefused("is damaged: it could not be read as an image.") from None
        width, height = probe.size
        if width < 1 or height < 1:
            raise ImageRefused("has no pixels.")
        if width * height > limits.max_pixels:
            raise _too_many_pixels(width, height, limits)
        if max(width, height) > limits.max_side:
            raise ImageRefused(
                f"is too wide or tall ({width} × {height} pixels); the limit is "
                f"{limits.max_side} pixels on either side."
            )
        if getattr(probe, "n_frames", 1) > 1:
            raise ImageRefused("is animated; upload a still image.")
        try:
            probe.verify()
            image = _open(data)
            image.load()
        except (Image.DecompressionBombWarning, Image.DecompressionBombError):
            raise _too_many_pixels(width, height, limits) from None
        except Exception:
            raise ImageRefused(
                "is truncated or damaged: it could not be decoded completely. "
                "Export it again and upload the new file."
            ) from None
    return image


def _to_srgb(image: Image.Image) -> Image.Image:
    """Upright, sRGB, RGB or RGBA, with no metadata attached."""
    image = ImageOps.exif_transpose(image)
    has_alpha = image.mode in {"RGBA", "LA", "PA", "La", "RGBa"} or (
        image.mode == "P" and "transparency" in image.info
    )
    target = "RGBA" if has_alpha else "RGB"
    icc = image.info.get("icc_profile")
    if icc and image.mode in {"RGB", "RGBA", "CMYK", "L"}:
        # An unusable profile: treat the pixels as sRGB.
        with suppress(ImageCms.PyCMSError, OSError, ValueError, TypeError):
            image = ImageCms.profileToProfile(
                image,
                ImageCms.ImageCmsProfile(BytesIO(icc)),
                ImageCms.createProfile("sRGB"),
                outputMode=target,
            )
    if image.mode != target:
        try:
            image = image.convert(target)
        except (ValueError, OSError):
            raise ImageRefused("uses a colour format that cannot be converted.") from None
    if target == "RGBA" and image.getchannel("A").getextrema() == (255, 255):
        image = image.convert("RGB")  # an alpha channel nobody uses
    clean = image.copy()
    clean.info = {}  # no EXIF, XMP, ICC, text chunks or DPI survive
    return clean


def _encode(image: Image.Image, fmt: str) -> bytes:
    out = BytesIO()
    if fmt == "webp":
        image.save(out, "WEBP", quality=WEBP_QUALITY, method=4)
    elif fmt == "jpeg":
        image.save(out, "JPEG", quality=JPEG_QUALITY, optimize=True, progressive=True)
    else:
        image.save(out, "PNG", optimize=True)
    return out.getvalue()


def _resized(image: Image.Image, width: int) -> Image.Image:
    if width >= image.width:
        return image
    height = max(1, round(image.height * width / image.width))
    return image.resize((width, height), Image.Resampling.LANCZOS, reducing_gap=3.0)


def rendition_widths(width: int) -> list[int]:
    return sorted({w for w in RENDITION_WIDTHS if w < width} | {min(width, RENDITION_WIDTHS[-1])})


def upload_key(data: bytes) -> str:
    """The key of an upload: a hash of its bytes, so the same file is stored once."""
    return hashlib.sha256(data).hexdigest()[:32]


def process(data: bytes, limits: Limits = Limits()) -> ProcessedImage:
    """Check, clean and re-encode one upload; raise ImageRefused if it is not acceptable."""
    decoded = decode(data, limits)
    source_format = decoded.format
    image = _to_srgb(decoded)
    has_alpha = image.mode == "RGBA"
    fallback = "png" if has_alpha else "jpeg"

    master_image = image
    if max(image.size) > MASTER_MAX_SIDE:
        master_image = image.copy()
        master_image.thumbnail((MASTER_MAX_SIDE, MASTER_MAX_SIDE), Image.Resampling.LANCZOS)
    master = Rendition(
        master_image.width, master_image.height, fallback, _encode(master_image, fallback)
    )

    renditions = []
    source = master_image  # each rendition is resized from the next larger one: faster
    for width in sorted(rendition_widths(image.width), reverse=True):
        source = _resized(source, width)
        for fmt in ("webp", fallback):
            renditions.append(Rendition(source.width, source.height, fmt, _encode(source, fmt)))
    renditions.sort(key=lambda r: (r.width, r.format))
    return ProcessedImage(
        key=upload_key(data),
        width=image.width,
        height=image.height,
        has_alpha=has_alpha,
        source_format=source_format,
        master=master,
        renditions=renditions,
    )
