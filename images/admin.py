from django.contrib import admin
from django.contrib.admin.widgets import AutocompleteSelect
from django.utils.html import format_html, format_html_join

from .forms import ImageForm, validate_described
from .markup import render_picture
from .models import Image
from .storage import write_files

THUMBNAIL_SIZES = "12rem"


def thumbnail(image, sizes=THUMBNAIL_SIZES):
    return render_picture(image.picture_data(), sizes=sizes, css_class="filmsite-thumbnail")


@admin.register(Image)
class ImageAdmin(admin.ModelAdmin):
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

    def save_model(self, request, obj, form, change):
        if not change:
            for name, value in write_files(form.processed).items():
                setattr(obj, name, value)
            obj.uploaded_by = request.user
        super().save_model(request, obj, form, change)

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


class ImageSelect(AutocompleteSelect):
    """The autocomplete select, with the chosen picture shown under it."""

    def render(self, name, value, attrs=None, renderer=None):
        html = super().render(name, value, attrs, renderer)
        image = Image.objects.filter(pk=value).first() if value else None
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
