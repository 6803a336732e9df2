from django.contrib import admin
from django.contrib.auth import get_user_model

from articles.models import Author, Availability, Credit, Film, Rating
from images.admin import ImageFieldsMixin


class FilmFactInline(admin.TabularInline):
    extra = 0
    ordering = ["sort_order", "pk"]


class CreditInline(FilmFactInline):
    model = Credit
    fields = ["actor", "character", "character_note", "sort_order"]
    verbose_name = "cast member"
    verbose_name_plural = "cast"


class AvailabilityInline(FilmFactInline):
    model = Availability
    fields = ["service", "audio", "subtitles", "url", "sort_order"]


class RatingInline(FilmFactInline):
    model = Rating
    fields = ["source", "label", "value", "best", "as_of", "url", "sort_order"]
    verbose_name_plural = "ratings (quoted from third parties, never our own)"


@admin.register(Film)
class FilmAdmin(ImageFieldsMixin, admin.ModelAdmin):
    image_fields = ("poster",)
    list_display = ["title", "year", "country", "director", "adaptation_of"]
    list_filter = ["country", "year"]
    list_select_related = ["adaptation_of"]
    search_fields = ["title", "original_title", "director"]
    prepopulated_fields = {"slug": ["title", "year"]}
    autocomplete_fields = ["adaptation_of"]
    fieldsets = [
        (None, {"fields": ["title", "original_title", "slug", "year", "adaptation_of"]}),
        (
            "Facts",
            {
                "fields": [
                    "country",
                    "original_language",
                    "director",
                    "genre",
                    "runtime_minutes",
                ]
            },
        ),
        (None, {"fields": ["synopsis", "poster"]}),
    ]
    inlines = [CreditInline, AvailabilityInline, RatingInline]

    class Media:
        css = {"all": ["admin/filmsite/admin.css"]}
        js = ["admin/filmsite/inlines.js"]


@admin.register(Author)
class AuthorAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "user"]
    list_select_related = ["user"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    fields = ["name", "slug", "bio", "user"]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "user":
            # Only staff accounts write in the admin; readers' accounts would just be noise.
            kwargs["queryset"] = get_user_model().objects.filter(is_staff=True)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)
