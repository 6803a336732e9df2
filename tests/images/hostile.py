"""Pictures made in the tests, friendly and hostile. Nothing is downloaded."""

import struct
import zlib
from io import BytesIO

from PIL import Image

SCRIPT_PAYLOAD = b"<html><script>alert('polyglot')</script></html>"
GPS_LATITUDE = (51.0, 30.0, 12.34)


def picture(size=(1200, 800), fmt="JPEG", mode="RGB", color=(40, 90, 160), **save_options) -> bytes:
    image = Image.new(mode, size, color)
    # A diagonal band, so a rotation can be told from the pixels.
    for x in range(min(size) // 4):
        image.putpixel((x, x), (255, 255, 255) if mode == "RGB" else (255, 255, 255, 255))
    out = BytesIO()
    image.save(out, fmt, **save_options)
    return out.getvalue()


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return (
        struct.pack(">I", len(data))
        + kind
        + data
        + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    )


def decompression_bomb(width=60_000, height=60_000) -> bytes:
    """A PNG a few hundred bytes long that claims 3.6 gigapixels."""
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)  # 1-bit greyscale
    row = b"\x00" + b"\x00" * ((width + 7) // 8)
    compressor = zlib.compressobj(9)
    data = compressor.compress(row * 64) + compressor.flush()  # only the start of the rows
    return (
        b"\x89PNG\r\n\x1a\n"
        + _png_chunk(b"IHDR", header)
        + _png_chunk(b"IDAT", data)
        + _png_chunk(b"IEND", b"")
    )


def truncated_jpeg() -> bytes:
    whole = picture((800, 600), "JPEG", quality=95)
    return whole[: len(whole) // 2]


def polyglot_png() -> bytes:
    """A valid PNG with an HTML page glued on after its end."""
    return picture((640, 480), "PNG") + SCRIPT_PAYLOAD


def svg_with_script() -> bytes:
    return (
        b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
        b"<script>alert('svg')</script><rect width='10' height='10'/></svg>"
    )


def huge_dimensions() -> bytes:
    """20000 x 2 pixels: few pixels, but wider than any page needs."""
    out = BytesIO()
    Image.new("1", (20_000, 2)).save(out, "PNG")
    return out.getvalue()


def too_many_pixels() -> bytes:
    """7000 x 7000 = 49 megapixels: over the 40 megapixel limit, under Pillow's own."""
    out = BytesIO()
    Image.new("1", (7_000, 7_000)).save(out, "PNG")
    return out.getvalue()


def text_renamed_jpg() -> bytes:
    return b"Just some notes, saved as notes.jpg.\nNot a picture at all.\n"


def gif() -> bytes:
    return picture((50, 50), "GIF")


def with_gps_and_rotation() -> bytes:
    """A 300 x 100 landscape JPEG whose EXIF says: rotate 90 degrees (portrait), taken at GPS."""
    image = Image.new("RGB", (300, 100), (200, 30, 30))
    exif = Image.Exif()
    exif[0x0112] = 6  # Orientation: rotate 90 CW to display
    exif[0x010F] = "SpyCam Industries"  # Make
    gps = exif.get_ifd(0x8825)
    gps[1] = "N"
    gps[2] = GPS_LATITUDE
    gps[3] = "W"
    gps[4] = (0.0, 7.0, 39.0)
    out = BytesIO()
    image.save(out, "JPEG", exif=exif, quality=90)
    return out.getvalue()


def with_icc_profile() -> bytes:
    from PIL import ImageCms

    profile = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    return picture((400, 300), "JPEG", icc_profile=profile)


def animated_webp() -> bytes:
    frames = [Image.new("RGB", (60, 60), color) for color in ("red", "blue")]
    out = BytesIO()
    frames[0].save(out, "WEBP", save_all=True, append_images=frames[1:], duration=100)
    return out.getvalue()


def transparent_png() -> bytes:
    image = Image.new("RGBA", (500, 400), (0, 0, 0, 0))
    for x in range(100, 400):
        for y in range(150, 250):
            image.putpixel((x, y), (250, 180, 20, 255))
    out = BytesIO()
    image.save(out, "PNG")
    return out.getvalue()
