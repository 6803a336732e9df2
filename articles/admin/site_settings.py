from django.contrib import admin
from django.shortcuts import redirect
from django.urls import reverse
from markdownx.models import MarkdownxField
from markdownx.widgets import AdminMarkdownxWidget

from articles.models import SiteSettings
from filmsite.admin_input import CheckedIdsMixin
from writing.markdown import validate_markdown_images

from .held import HeldForReviewMixin


@admin.register(SiteSettings)
class SiteSettingsAdmin(HeldForReviewMixin, CheckedIdsMixin, admin.ModelAdmin):
    """A singleton: the list goes straight to the one row, which cannot be deleted.

    Every page shows it (the disclaimer, at least), so a change is held for review.
    """

    change_form_template = "admin/held_change_form.html"

    fields = ["default_disclaimer", "updated_at"]
    readonly_fields = ["updated_at"]
    # Rendered on every article without its own disclaimer: checked like article text.
    formfield_overrides = {
        MarkdownxField: {"widget": AdminMarkdownxWidget, "validators": [validate_markdown_images]}
    }

    def has_add_permission(self, request):
        return super().has_add_permission(request) and not SiteSettings.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        if not self.has_view_or_change_permission(request):
            return super().changelist_view(request, extra_context)
        row = SiteSettings.load()
        return redirect(reverse("admin:articles_sitesettings_change", args=[row.pk]))
