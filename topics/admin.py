"""Topics in the admin. Only moderators may change them (see migration 0002): a topic's
name and introduction reach readers when saved, so the people who review every
article write them; editors can see topics. Every save or deletion refreshes the
pages that show the topic (changes.py)."""

from django.contrib import admin

from .changes import members, topic_changed
from .models import Topic


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "updated_at"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["films", "articles"]
    fields = ["name", "slug", "intro", "films", "articles"]

    def save_model(self, request, obj, form, change):
        # What the topic named before the edit: those pages drop the link.
        obj._members_before = members(Topic.objects.get(pk=obj.pk)) if change else (set(), set())
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        topic = form.instance
        topic_changed(topic.pk, topic._members_before, members(topic))

    def delete_model(self, request, obj):
        before, pk = members(obj), obj.pk
        super().delete_model(request, obj)
        topic_changed(pk, before, (set(), set()))

    def delete_queryset(self, request, queryset):
        for topic in queryset:
            self.delete_model(request, topic)
