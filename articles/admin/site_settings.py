from django.contrib import admin
from django.db import transaction
from django.shortcuts import redirect
from django.urls import reverse
from markdownx.models import MarkdownxField
from markdownx.widgets import AdminMarkdownxWidget

from articles.models import SiteSettings


@admin.register(SiteSettings)
class SiteSettingsAdmin(admin.ModelAdmin):
    """A singleton: the list goes straight to the one row, which cannot be deleted."""

    fields = ["default_disclaimer", "updated_at"]
    readonly_fields = ["updated_at"]
    formfield_overrides = {MarkdownxField: {"widget": AdminMarkdownxWidget}}

    def has_add_permission(self, request):
        return super().has_add_permission(request) and not SiteSettings.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        if not self.has_view_or_change_permission(request):
            return super().changelist_view(request, extra_context)
        row = SiteSettings.load()
        return redirect(reverse("admin:articles_sitesettings_change", args=[row.pk]))

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        # After commit, or another request could cache the old row again.
        transaction.on_commit(SiteSettings.forget_cached)
