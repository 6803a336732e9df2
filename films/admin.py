from django.contrib import admin, messages
from django.contrib.auth import get_user_model

from articles import workflow
from articles.admin.held import HeldForReviewMixin
from films.facts import confirm_facts
from films.models import Author, Availability, Credit, Film, Rating
from filmsite.admin_input import CheckedIdsMixin
from images.admin import ImageFieldsMixin
from pagecache import pages


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
    fields = ["country", "service", "audio", "subtitles", "url", "checked_on", "sort_order"]


class RatingInline(FilmFactInline):
    model = Rating
    fields = ["source", "label", "value", "best", "as_of", "url", "checked_on", "sort_order"]
    verbose_name_plural = "ratings (quoted from third parties, never our own)"


@admin.register(Film)
class FilmAdmin(HeldForReviewMixin, CheckedIdsMixin, ImageFieldsMixin, admin.ModelAdmin):
    """A film's facts, cast, where to watch and ratings; changes are held for review."""

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
    actions = ["confirm_facts_action"]
    change_form_template = "admin/films/film/change_form.html"

    class Media:
        css = {"all": ["admin/filmsite/admin.css"]}
        js = ["admin/filmsite/inlines.js"]

    @admin.action(description="Confirm where to watch and ratings are still right (checked today)")
    def confirm_facts_action(self, request, queryset):
        confirmed = sum(confirm_facts(film=film) for film in queryset)
        # Pages print each where-to-watch line's checked-on date.
        pages.touch(*(pages.film_tag(film.pk) for film in queryset))
        self.message_user(request, f"Confirmed {confirmed} where-to-watch and rating lines.")

    def response_change(self, request, obj):
        # "Save and confirm facts checked": the editor has looked at every line.
        if "_confirm_facts" in request.POST:
            confirmed = confirm_facts(film=obj)
            pages.touch(pages.film_tag(obj.pk))
            self.message_user(
                request,
                f"Saved, and {confirmed} where-to-watch and rating lines are marked as checked "
                "today. Readers see the new checked-on dates; “Updated” dates do not change.",
                messages.SUCCESS,
            )
        return super().response_change(request, obj)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        if not change:
            # A new film is not held for review: it shows on no article until one
            # about it is approved, but search finds its page at once.
            workflow.film_changed(film=form.instance)

    def delete_model(self, request, obj):
        family = obj.family_ids()
        super().delete_model(request, obj)
        pages.touch(pages.LISTINGS, *(pages.film_tag(pk) for pk in family))


@admin.register(Author)
class AuthorAdmin(HeldForReviewMixin, CheckedIdsMixin, ImageFieldsMixin, admin.ModelAdmin):
    """Bylines and author pages; a change to a name, bio or photo is held for review."""

    image_fields = ("photo",)
    list_display = ["name", "slug", "user"]
    list_select_related = ["user"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    fields = ["name", "slug", "bio", "photo", "user"]
    change_form_template = "admin/held_change_form.html"

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "user":
            # Only staff accounts write in the admin; readers' accounts would just be noise.
            kwargs["queryset"] = get_user_model().objects.filter(is_staff=True)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)
