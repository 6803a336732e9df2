"""Users, groups and the audit trail in the admin.

Users and groups get the same id checks as every other model, and every
change to who may do what (groups, permissions, staff and superuser status,
active accounts) is written to the audit trail. The trail is for superusers
to read; nobody can add, change or delete an entry here.
"""

from django.contrib import admin, messages
from django.contrib.auth.admin import GroupAdmin, UserAdmin
from django.contrib.auth.models import Group, User
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from filmsite.admin_input import CheckedIdsMixin

from . import audit, two_factor
from .models import AuditEvent

admin.site.unregister(User)
admin.site.unregister(Group)
# django-otp's own device pages would let anyone with the model permissions
# read or change secrets unrecorded; the user list's logged reset replaces them.
admin.site.unregister(TOTPDevice)
admin.site.unregister(StaticDevice)

USER_ACCESS_FIELDS = ("is_active", "is_staff", "is_superuser")


def _user_access(user):
    if user.pk is None:
        return {}
    return {
        **{name: getattr(user, name) for name in USER_ACCESS_FIELDS},
        "groups": sorted(user.groups.values_list("name", flat=True)),
        "permissions": sorted(user.user_permissions.values_list("codename", flat=True)),
    }


def _changes(before, after):
    return "; ".join(
        f"{name}: {before.get(name, '—')} → {value}"
        for name, value in after.items()
        if before.get(name) != value
    )


@admin.register(User)
class StaffUserAdmin(CheckedIdsMixin, UserAdmin):
    actions = ["reset_two_factor"]

    def has_reset_two_factor_permission(self, request):
        return request.user.is_active and request.user.is_superuser

    @admin.action(
        description="Reset two-factor sign-in of selected users", permissions=["reset_two_factor"]
    )
    def reset_two_factor(self, request, queryset):
        reset, untouched = [], []
        for user in queryset.order_by("username"):
            try:
                done = two_factor.reset(user, by=request.user, request=request)
            except two_factor.ResetRefused as refusal:
                self.message_user(request, str(refusal), messages.ERROR)
                continue
            (reset if done else untouched).append(user.get_username())
        if reset:
            self.message_user(
                request,
                f"Two-factor sign-in reset for {', '.join(reset)}: they set up an "
                "authenticator app again at their next step in the admin.",
                messages.SUCCESS,
            )
        if untouched:
            self.message_user(
                request, f"Nothing to reset for {', '.join(untouched)}.", messages.INFO
            )

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        described = _changes(form.initial_access, _user_access(form.instance))
        if described or not change:
            audit.record(
                kind=AuditEvent.Kind.PERMISSIONS,
                action="changed access" if change else "created account",
                actor=request.user,
                target=f"user “{form.instance.get_username()}”",
                detail=described,
                request=request,
            )

    def get_form(self, request, obj=None, change=False, **kwargs):
        form_class = super().get_form(request, obj, change=change, **kwargs)
        access = _user_access(obj) if obj is not None else {}

        class RememberingForm(form_class):
            initial_access = access

        return RememberingForm


@admin.register(Group)
class StaffGroupAdmin(CheckedIdsMixin, GroupAdmin):
    def get_form(self, request, obj=None, change=False, **kwargs):
        form_class = super().get_form(request, obj, change=change, **kwargs)
        before = sorted(obj.permissions.values_list("codename", flat=True)) if obj else []

        class RememberingForm(form_class):
            initial_permissions = before

        return RememberingForm

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        after = sorted(form.instance.permissions.values_list("codename", flat=True))
        before = getattr(form, "initial_permissions", [])
        if after != before or not change:
            added = sorted(set(after) - set(before))
            removed = sorted(set(before) - set(after))
            audit.record(
                kind=AuditEvent.Kind.PERMISSIONS,
                action="changed group permissions" if change else "created group",
                actor=request.user,
                target=f"group “{form.instance.name}”",
                detail=f"added: {', '.join(added) or '—'}; removed: {', '.join(removed) or '—'}",
                request=request,
            )


@admin.register(AuditEvent)
class AuditEventAdmin(CheckedIdsMixin, admin.ModelAdmin):
    list_display = ["at", "kind", "actor_name", "action", "target", "address"]
    list_filter = ["kind", "action", ("at", admin.DateFieldListFilter)]
    search_fields = ["actor_name", "target", "detail", "address"]
    readonly_fields = ["at", "kind", "actor", "actor_name", "action", "target", "detail", "address"]
    date_hierarchy = "at"

    def has_module_permission(self, request):
        return request.user.is_active and request.user.is_superuser

    def has_view_permission(self, request, obj=None):
        return self.has_module_permission(request)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
