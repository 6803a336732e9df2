"""Pictures for the demo, drawn here with Pillow: no downloaded or copyrighted images.

Each is an abstract dusk landscape (a hill, a small house with a lit
window, stars and a moon) in the palette of one film; posters add the
title. Nothing in them hints at the plot, so they are safe as posters and
as the article's hero. Drawing is deterministic, so the same bytes (and the
same content-hash names) come out on every run.
"""

import hashlib
import math
import random
from functools import cache
from io import BytesIO

from PIL import Image, ImageDraw, ImageFilter, ImageFont

from images.models import Image as StoredImage
from images.processing import process
from images.storage import save_processed

SCALE = 2  # drawn at twice the size, then reduced: smooth edges

PALETTES = {
    # sky top, sky bottom, hill, moon, window light, text
    "dusk": ("#101a3a", "#d9825b", "#1b1d2e", "#f6ead0", "#ffc857", "#fff6e5"),
    "teal": ("#08262e", "#5fa3a0", "#0d1a1f", "#f1f5e8", "#ffb703", "#f1faee"),
    "rose": ("#2b1535", "#e0738a", "#1c1224", "#fde8e8", "#ffd166", "#fff1f1"),
    "gold": ("#1d1a12", "#e3b04b", "#17140d", "#fff8e1", "#ff9f1c", "#fff8e1"),
}


def _rgb(color: str) -> tuple[int, int, int]:
    color = color.lstrip("#")
    return tuple(int(color[i : i + 2], 16) for i in (0, 2, 4))


def _mix(a, b, t):
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b, strict=True))


def _scene(width: int, height: int, palette: str, seed: int, ground=0.70) -> Image.Image:
    top, bottom, hill, moon, light, _ = (_rgb(c) for c in PALETTES[palette])
    w, h = width * SCALE, height * SCALE
    sky = Image.new("RGB", (1, h))
    for y in range(h):
        sky.putpixel((0, y), _mix(top, bottom, (y / h) ** 1.6))
    image = sky.resize((w, h))
    draw = ImageDraw.Draw(image)
    rng = random.Random(seed)
    horizon = int(h * (ground - 0.02))
    for _ in range(int(w * h / 9000)):
        x, y = rng.randrange(w), rng.randrange(int(horizon * 0.8))
        r = rng.choice((1, 1, 2, 2, 3)) * SCALE / 2
        draw.ellipse((x - r, y - r, x + r, y + r), fill=_mix(top, (255, 255, 255), 0.8))
    # The moon, with a soft halo.
    mx, my, mr = int(w * rng.uniform(0.62, 0.8)), int(h * 0.2), int(min(w, h) * 0.075)
    halo = Image.new("L", (w, h))
    ImageDraw.Draw(halo).ellipse((mx - mr * 2, my - mr * 2, mx + mr * 2, my + mr * 2), fill=90)
    halo = halo.filter(ImageFilter.GaussianBlur(mr))
    image.paste(Image.new("RGB", (w, h), moon), mask=halo)
    draw.ellipse((mx - mr, my - mr, mx + mr, my + mr), fill=moon)
    # Two rolling hills.
    hills = ((0.55, 0.05, ground), (0.0, 0.07, ground + 0.08))
    for depth, (shade, amp, base) in enumerate(hills):
        colour = _mix(hill, bottom, shade)
        phase = rng.uniform(0, math.tau)
        waves = 1.1 + depth * 0.4
        points = [
            (x, int(h * base + min(w, h) * amp * 1.4 * math.sin(x / w * math.tau * waves + phase)))
            for x in range(0, w + 8, 8)
        ]
        draw.polygon([(0, h), *points, (w, h)], fill=colour)
    # A small house on the near hill, one window lit.
    hx = int(w * rng.uniform(0.22, 0.34))
    ground = min(y for x, y in points if abs(x - hx) < 40)
    size = int(min(w, h) * 0.07)
    house = (hx - size, ground - size, hx + size, ground + 4)
    draw.rectangle(house, fill=hill)
    eaves, ridge = ground - size, ground - size * 1.9
    draw.polygon([(hx - size * 1.25, eaves), (hx, ridge), (hx + size * 1.25, eaves)], fill=hill)
    win = size // 3
    glow = Image.new("L", (w, h))
    ImageDraw.Draw(glow).rectangle(
        (hx - win * 2, ground - size * 0.8, hx + win, ground - size * 0.8 + win * 3), fill=120
    )
    glow = glow.filter(ImageFilter.GaussianBlur(win * 1.5))
    image.paste(Image.new("RGB", (w, h), light), mask=glow)
    sill = ground - size * 0.65
    draw.rectangle((hx - win, sill, hx, sill + win * 1.2), fill=light)
    return image


def _font(size: int):
    return ImageFont.load_default(size=size)


@cache  # drawing takes a moment; the test suite loads the demo many times
def poster(title: str, subtitle: str, palette: str) -> bytes:
    width, height = 800, 1200
    image = _scene(width, height, palette, seed=len(title) * 31 + len(subtitle), ground=0.5)
    draw = ImageDraw.Draw(image)
    text = _rgb(PALETTES[palette][5])
    w, h = image.size
    lines, size = _wrap(title.upper(), _font, w * 0.84, start=int(h * 0.075))
    small = _font(int(h * 0.026))
    block = len(lines) * size * 1.1 + size * 0.3 + h * 0.035
    y = int(h * 0.95 - block)
    for line in lines:
        font = _font(size)
        box = draw.textbbox((0, 0), line, font=font)
        draw.text(((w - (box[2] - box[0])) / 2, y), line, font=font, fill=text)
        y += int(size * 1.1)
    box = draw.textbbox((0, 0), subtitle, font=small)
    draw.text(((w - (box[2] - box[0])) / 2, y + size * 0.3), subtitle, font=small, fill=text)
    return _jpeg(image.resize((width, height), Image.Resampling.LANCZOS))


def _wrap(text, font_for, max_width, start):
    size = start
    while size > 20:
        font = font_for(size)
        words, lines, line = text.split(), [], ""
        for word in words:
            candidate = f"{line} {word}".strip()
            if font.getlength(candidate) <= max_width:
                line = candidate
            else:
                lines.append(line)
                line = word
        lines.append(line)
        if all(font.getlength(line) <= max_width for line in lines) and len(lines) <= 2:
            return lines, size
        size -= 4
    return [text], size


@cache
def hero(palette: str = "dusk", seed: int = 7, width: int = 1600) -> bytes:
    height = width * 9 // 16
    image = _scene(width, height, palette, seed=seed)
    return _jpeg(image.resize((width, height), Image.Resampling.LANCZOS))


def _jpeg(image: Image.Image) -> bytes:
    out = BytesIO()
    image.save(out, "JPEG", quality=92)
    return out.getvalue()


@cache
def _processed(data: bytes):
    # Loading the demo twice in one process (the test suite does) re-encodes once.
    return process(data)


def stored(data: bytes, **description) -> StoredImage:
    """The Image row for ``data``, stored (once) and described."""
    key = hashlib.sha256(data).hexdigest()[:32]
    image = StoredImage.objects.filter(key=key).first() or save_processed(_processed(data))
    changed = [name for name, value in description.items() if getattr(image, name) != value]
    for name in changed:
        setattr(image, name, description[name])
    if changed:
        image.save(update_fields=changed)
    return image


# One palette per film, so the four versions are told apart at a glance.
POSTER_PALETTES = ["teal", "dusk", "rose", "gold"]
CREDIT = "Illustration: filmsite (drawn for the demo)"


def demo_poster(film_spec: dict, index: int) -> StoredImage:
    subtitle = f"{film_spec['country']} · {film_spec['year']}"
    return stored(
        poster(film_spec["title"], subtitle, POSTER_PALETTES[index % len(POSTER_PALETTES)]),
        alt_text=f"Illustrated poster for {film_spec['title']} ({subtitle}): a small house "
        "with a lit window on a hill under a full moon",
        credit=CREDIT,
    )


def demo_hero(index: int | None = None) -> StoredImage:
    """The first article's hero, or (with ``index``) a smaller one for a further explainer."""
    data = (
        hero()
        if index is None
        else hero(POSTER_PALETTES[index % len(POSTER_PALETTES)], seed=11 + index, width=1280)
    )
    return stored(
        data,
        alt_text="Illustration: a small house with one lit window on a hill at dusk, under a "
        "full moon and stars",
        credit=CREDIT,
    )
