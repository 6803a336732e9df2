from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.core.files.storage import default_storage
from django.db.models import Q
from django.http import JsonResponse
from django.urls import path
from django.utils.html import format_html, format_html_join

from filmsite.admin_input import CheckedAutocompleteSelect, CheckedIdsMixin, parse_id
from pagecache import pages

from .forms import ImageForm, validate_described
from .markup import render_picture
from .models import Image

THUMBNAIL_SIZES = "12rem"
PICKER_SIZE = 24


def picker_entry(image) -> dict:
    """One picture as the picture dialog lists it: the address Markdown points at
    (the largest JPEG/PNG copy, as an upload answers) and a small thumbnail."""
    fallback = sorted(
        (r for r in image.renditions if r["format"] != "webp"), key=lambda r: r["width"]
    )
    return {
        "id": image.pk,
        "src": default_storage.url(fallback[-1]["name"]) if fallback else "",
        "thumbnail": default_storage.url(fallback[0]["name"]) if fallback else "",
        "width": image.width,
        "height": image.height,
        "alt": image.alt_text,
        "caption": image.caption,
        "decorative": image.is_decorative,
        "label": str(image),
    }


def thumbnail(image, sizes=THUMBNAIL_SIZES):
    return render_picture(image.picture_data(), sizes=sizes, css_class="filmsite-thumbnail")


@admin.register(Image)
class ImageAdmin(CheckedIdsMixin, admin.ModelAdmin):
    form = ImageForm
    list_display = [
        "list_thumbnail",
        "description",
        "caption",
        "credit",
        "dimensions",
        "created_at",
    ]
    list_display_links = ["list_thumbnail", "description"]
    list_filter = ["is_decorative", "source_format", "created_at"]
    search_fields = ["alt_text", "caption", "credit", "key"]
    readonly_fields = [
        "preview",
        "dimensions",
        "source_format",
        "files",
        "uploaded_by",
        "created_at",
    ]

    class Media:
        css = {"all": ["admin/filmsite/admin.css"]}

    def get_fieldsets(self, request, obj=None):
        described = ["alt_text", "is_decorative", "caption", "credit"]
        if obj is None:
            return [(None, {"fields": ["upload", *described]})]
        return [
            (None, {"fields": ["preview", *described]}),
            (
                "File",
                {"fields": ["dimensions", "source_format", "files", "uploaded_by", "created_at"]},
            ),
        ]

    def get_urls(self):
        wrap = self.admin_site.admin_view
        return [
            path("picker/", wrap(self.picker_view), name="images_image_picker"),
            *super().get_urls(),
        ]

    def picker_view(self, request):
        """Uploaded pictures for the editor's "Insert picture" dialog, newest first (JSON)."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        images = Image.objects.all()
        query = request.GET.get("q", "").strip()[:100]
        if query:
            images = images.filter(
                Q(alt_text__icontains=query)
                | Q(caption__icontains=query)
                | Q(credit__icontains=query)
            )
        return JsonResponse({"images": [picker_entry(image) for image in images[:PICKER_SIZE]]})

    def save_model(self, request, obj, form, change):
        if not change:
            # The files were stored when the form was checked (ImageForm.clean).
            for name, value in form.stored.items():
                setattr(obj, name, value)
            obj.uploaded_by = request.user
        super().save_model(request, obj, form, change)
        if change:
            # Posters are shown as they are now (alt text, caption, credit).
            pages.touch(pages.image_tag(obj.pk))

    @admin.display(description="picture")
    def list_thumbnail(self, image):
        return thumbnail(image, sizes="6rem")

    @admin.display(description="alt text", ordering="alt_text")
    def description(self, image):
        if image.is_decorative:
            return "Decorative (no alt text)"
        return image.alt_text or "No alt text yet: describe it before using it alone"

    @admin.display(description="picture")
    def preview(self, image):
        return thumbnail(image, sizes="24rem")

    @admin.display(description="size")
    def dimensions(self, image):
        return f"{image.width} × {image.height} px"

    @admin.display(description="stored copies")
    def files(self, image):
        return format_html(
            "<ul>{}</ul>",
            format_html_join(
                "",
                '<li><a href="{}">{} × {} {}</a></li>',
                (
                    (image.file.storage.url(r["name"]), r["width"], r["height"], r["format"])
                    for r in image.renditions
                ),
            ),
        )


class ImageSelect(CheckedAutocompleteSelect):
    """The autocomplete select, with the chosen picture shown under it."""

    def render(self, name, value, attrs=None, renderer=None):
        html = super().render(name, value, attrs, renderer)
        image_id = parse_id(value) if value else None
        image = Image.objects.filter(pk=image_id).first() if image_id else None
        if image is None:
            return html
        return format_html(
            '{}<div class="filmsite-image-choice">{}</div>', html, thumbnail(image, sizes="12rem")
        )


class ImageFieldsMixin:
    """For a ModelAdmin with foreign keys to Image: pick with autocomplete, see a preview,
    and refuse pictures without alt text. List the fields in ``image_fields``."""

    image_fields: tuple[str, ...] = ()

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name in self.image_fields:
            kwargs.setdefault("widget", ImageSelect(db_field, self.admin_site))
            kwargs.setdefault("queryset", Image.objects.all())
        formfield = super().formfield_for_foreignkey(db_field, request, **kwargs)
        if db_field.name in self.image_fields:
            formfield.validators.append(validate_described)
        return formfield
