"""Ids from admin URLs and forms, checked before they reach a query.

Django's admin accepts most bad ids gracefully, but not all: a number beyond
64 bits passes its checks and then overflows the database (OverflowError on
SQLite, DataError on PostgreSQL), and a non-numeric id reaches the queries
of autocomplete widgets and of a few custom views. Each answered 500. Every
ModelAdmin here takes ``CheckedIdsMixin``; custom views use ``parse_id``.
"""

from django import forms
from django.contrib import messages
from django.contrib.admin import helpers
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.widgets import AutocompleteSelect
from django.db import DataError
from django.http import Http404, HttpResponseRedirect

# The largest value of a BigAutoField (a signed 64-bit integer).
MAX_ID = 2**63 - 1


def parse_id(value) -> int | None:
    """``value`` as a row id, or None when it cannot be one."""
    text = str(value)
    if not text.isascii() or not text.isdigit():
        return None
    number = int(text)
    return number if 0 < number <= MAX_ID else None


def id_or_404(value) -> int:
    number = parse_id(value)
    if number is None:
        raise Http404("No such object.")
    return number


class CheckedModelChoiceField(forms.ModelChoiceField):
    """A foreign-key field that says "not a valid choice" to any id that cannot exist."""

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if self.to_field_name is None and parse_id(value) is None:
            raise forms.ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice"
            )
        return super().to_python(value)


class CheckedAutocompleteSelect(AutocompleteSelect):
    """The admin's autocomplete select, which re-displays only ids that can exist."""

    def optgroups(self, name, value, attr=None):
        return super().optgroups(name, [v for v in value if parse_id(v) is not None], attr)


class CheckedIdsMixin:
    """For every ModelAdmin: bad ids in URLs, filters, actions and foreign keys are 4xx."""

    def get_object(self, request, object_id, from_field=None):
        if from_field is None and parse_id(object_id) is None:
            return None  # the admin answers "doesn't exist" (a redirect with a message)
        return super().get_object(request, object_id, from_field)

    def get_changelist_instance(self, request):
        try:
            return super().get_changelist_instance(request)
        except (OverflowError, DataError) as error:
            # The admin redirects to the list with "?e=1" (its "bad filter" page).
            raise IncorrectLookupParameters(error) from error

    def response_action(self, request, queryset, **kwargs):
        selected = request.POST.getlist(helpers.ACTION_CHECKBOX_NAME)
        if any(parse_id(value) is None for value in selected):
            self.message_user(
                request, "Nothing was changed: the selection was not valid.", messages.ERROR
            )
            return HttpResponseRedirect(request.get_full_path())
        return super().response_action(request, queryset, **kwargs)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name in self.get_autocomplete_fields(request) and "widget" not in kwargs:
            kwargs["widget"] = CheckedAutocompleteSelect(
                db_field, self.admin_site, using=kwargs.get("using")
            )
        kwargs.setdefault("form_class", CheckedModelChoiceField)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)
