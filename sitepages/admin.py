"""Site pages in the admin: editors write the working copy; a moderator publishes it."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied

from . import services
from .models import SitePage


@admin.register(SitePage)
class SitePageAdmin(admin.ModelAdmin):
    list_display = ["title", "slug", "state", "published_at"]
    fields = ["slug", "title", "description", "body"]
    actions = ["publish_pages"]

    def get_readonly_fields(self, request, obj=None):
        return ["slug"] if obj else []

    @admin.display(description="state")
    def state(self, page):
        if page.published_at is None:
            return "Never published"
        return "Changes not yet published" if page.has_unpublished_changes else "Published"

    def save_model(self, request, obj, form, change):
        obj.last_edited_by = request.user
        super().save_model(request, obj, form, change)

    def has_publish_permission(self, request):
        return request.user.has_perm(services.PUBLISH_PERMISSION)

    @admin.action(
        description="Publish the selected pages (readers see them as they are now)",
        permissions=["publish"],
    )
    def publish_pages(self, request, queryset):
        for page in queryset:
            try:
                services.publish(page=page, user=request.user)
            except PermissionDenied as error:
                self.message_user(request, f"“{page}”: {error}", messages.ERROR)
            else:
                self.message_user(request, f"“{page}” published.", messages.SUCCESS)
