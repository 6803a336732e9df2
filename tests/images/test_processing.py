"""Pillow's side: what is accepted, what is refused and why, what gets stored."""

from io import BytesIO

import pytest
from PIL import Image, features

from images.processing import (
    ACCEPTED_FORMATS,
    RENDITION_WIDTHS,
    ImageRefused,
    Limits,
    process,
)
from images.storage import store_upload
from tests.images import hostile
from tests.images.conftest import stored_files

REFUSALS = [
    ("decompression bomb", hostile.decompression_bomb, "too many pixels"),
    ("truncated JPEG", hostile.truncated_jpeg, "truncated or damaged"),
    ("SVG with a script", hostile.svg_with_script, "SVG"),
    ("huge dimensions", hostile.huge_dimensions, "too wide or tall"),
    ("49 megapixels", hostile.too_many_pixels, "too many pixels"),
    ("text file renamed .jpg", hostile.text_renamed_jpg, "is not an image"),
    ("GIF", hostile.gif, "is a GIF"),
    ("animated WebP", hostile.animated_webp, "animated"),
    ("empty file", lambda: b"", "empty"),
]


@pytest.mark.parametrize(("label", "make", "reason"), REFUSALS, ids=[r[0] for r in REFUSALS])
def test_hostile_files_are_refused_with_a_reason(label, make, reason):
    with pytest.raises(ImageRefused) as refused:
        process(make())
    assert reason in str(refused.value)


def test_the_reason_names_the_limit():
    with pytest.raises(ImageRefused, match=r"49 megapixels\); the limit is 40 megapixels"):
        process(hostile.too_many_pixels())


def test_too_many_bytes_is_refused_before_decoding():
    with pytest.raises(ImageRefused, match="too large"):
        process(hostile.picture((800, 600)), Limits(max_bytes=1000))


def test_own_pixel_limit_is_below_pillows():
    assert Limits().max_pixels < Image.MAX_IMAGE_PIXELS


@pytest.mark.parametrize("fmt", ACCEPTED_FORMATS)
def test_each_accepted_format_is_decoded_and_re_encoded(fmt):
    processed = process(hostile.picture((900, 600), fmt))
    assert processed.source_format == fmt
    formats = {r.format for r in processed.renditions}
    assert formats == {"webp", "jpeg"}


def test_avif_is_accepted_exactly_when_pillow_supports_it():
    assert ("AVIF" in ACCEPTED_FORMATS) == features.check("avif")


def test_renditions_never_upscale():
    processed = process(hostile.picture((700, 350)))
    widths = sorted({r.width for r in processed.renditions})
    assert widths == [320, 640, 700]
    assert all(r.height == round(r.width / 2) for r in processed.renditions)


def test_large_picture_gets_every_width_up_to_the_largest():
    processed = process(hostile.picture((2400, 1600)))
    assert sorted({r.width for r in processed.renditions}) == list(RENDITION_WIDTHS)


def test_transparent_picture_falls_back_to_png():
    processed = process(hostile.transparent_png())
    assert processed.has_alpha
    assert {r.format for r in processed.renditions} == {"webp", "png"}


def test_type_is_decided_by_decoding_not_the_name():
    # PNG bytes are a PNG whatever the upload says; see test_uploads for names.
    assert process(hostile.picture((400, 300), "PNG")).source_format == "PNG"


@pytest.mark.django_db
def test_polyglot_payload_is_not_stored(media):
    image = store_upload(data=hostile.polyglot_png())
    files = stored_files()
    assert len(files) == 1 + len(image.renditions)
    for name, data in files.items():
        assert b"<script" not in data, name
        assert hostile.SCRIPT_PAYLOAD not in data, name


@pytest.mark.django_db
def test_gps_exif_is_stripped_and_orientation_honoured(media):
    image = store_upload(data=hostile.with_gps_and_rotation())
    # Turned upright: the 300 x 100 pixels display as 100 x 300.
    assert (image.width, image.height) == (100, 300)
    for name, data in stored_files().items():
        stored = Image.open(BytesIO(data))
        assert stored.height > stored.width, name
        assert not stored.getexif(), name
        assert "exif" not in stored.info, name
        assert b"SpyCam" not in data, name
        assert b"Exif\x00\x00" not in data, name


@pytest.mark.django_db
def test_colour_profile_is_converted_then_dropped(media):
    store_upload(data=hostile.with_icc_profile())
    for name, data in stored_files().items():
        assert "icc_profile" not in Image.open(BytesIO(data)).info, name


@pytest.mark.django_db
def test_stored_names_come_from_the_content_hash(media):
    image = store_upload(data=hostile.picture((800, 600)))
    names = set(stored_files())
    assert image.file.name in names
    assert all(name.startswith(f"images/{image.key}/") for name in names)
    assert {r["name"] for r in image.renditions} | {image.file.name} == names


@pytest.mark.django_db
def test_the_same_file_twice_is_one_image(media):
    data = hostile.picture((800, 600))
    assert store_upload(data=data) == store_upload(data=data)
