"""What the moderators' review queues share: read-only, and seen by moderators only."""

from articles import workflow


class ModeratorsQueueMixin:
    """A change list of pending items: moderators read it; nobody adds, edits or deletes."""

    def get_queryset(self, request):
        return super().get_queryset(request).pending()

    def has_view_permission(self, request, obj=None):
        return request.user.is_active and request.user.has_perm(workflow.APPROVE_PERMISSION)

    def has_module_permission(self, request):
        return self.has_view_permission(request)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
