"""The image list, with where each picture is used and the unused ones to clean up.

It extends the images app's admin here, because only the articles side
knows what points at a picture (images must not depend on articles).
"""

from django.contrib import admin, messages
from django.contrib.admin.options import ActionLocation
from django.urls import reverse
from django.utils.html import format_html, format_html_join

from articles import image_usage
from articles.workflow import APPROVE_PERMISSION
from images.admin import ImageAdmin
from images.models import Image

from .held import HeldForReviewMixin


class UsageFilter(admin.SimpleListFilter):
    title = "use"
    parameter_name = "use"

    def lookups(self, request, model_admin):
        return [("unused", "Unused (safe to remove)"), ("published", "Used by a revision")]

    def queryset(self, request, queryset):
        if self.value() == "unused":
            return image_usage.unused(queryset)
        if self.value() == "published":
            return image_usage.annotate_usage(queryset).filter(used_by_revision=True)
        return queryset


class ImageWithUsageAdmin(HeldForReviewMixin, ImageAdmin):
    """Pictures; a change to a poster's alt text, caption or credit is held for review."""

    list_filter = [UsageFilter, *ImageAdmin.list_filter]
    change_form_template = "admin/held_change_form.html"
    actions = ["remove_unused"]

    def get_readonly_fields(self, request, obj=None):
        return [*super().get_readonly_fields(request, obj), "where_used"]

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None:
            return fieldsets
        return [*fieldsets, ("Where it is used", {"fields": ["where_used"]})]

    def get_actions(self, request, action_location=ActionLocation.CHANGE_LIST):
        actions = super().get_actions(request, action_location)
        if not request.user.has_perm(APPROVE_PERMISSION):
            actions.pop("remove_unused", None)
        return actions

    @admin.display(description="used by")
    def where_used(self, image):
        usage = image_usage.usage_of(image)
        items = [
            (reverse("admin:articles_article_change", args=[a.pk]), f"Article (working copy): {a}")
            for a in usage["articles"]
        ]
        items += [
            (
                reverse("admin:articles_revision_change", args=[r.pk]),
                f"Revision {r.number} of “{r.title}” ({r.get_status_display().lower()})",
            )
            for r in usage["revisions"]
        ]
        items += [
            (reverse("admin:films_film_change", args=[f.pk]), f"Film poster: {f}")
            for f in usage["films"]
        ]
        if not items:
            return "Nothing uses this picture: a moderator can remove it from the image list."
        return format_html(
            "<ul>{}</ul>", format_html_join("", '<li><a href="{}">{}</a></li>', items)
        )

    @admin.action(description="Remove the selected pictures that nothing uses")
    def remove_unused(self, request, queryset):
        selected = queryset.count()
        removed = image_usage.remove_unused(images=queryset, user=request.user)
        kept = selected - removed
        message = f"Removed {removed} unused picture{'s' if removed != 1 else ''}."
        if kept:
            message += (
                f" Kept {kept}: a working copy, a film or a revision still points at "
                f"{'it' if kept == 1 else 'them'}."
            )
        self.message_user(request, message, messages.SUCCESS if removed else messages.WARNING)


admin.site.unregister(Image)
admin.site.register(Image, ImageWithUsageAdmin)
