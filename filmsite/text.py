"""Plain text at the edges: control characters refused on the way in, stripped on the way out.

A character such as U+0001 is invisible on a page, cannot be written in XML
1.0 at all (one of them in a title made every feed answer 500), and has no
business in a film title or a reader's message. Tab, line feed and carriage
return are ordinary text and stay allowed.

Models list their text fields in forms, imports and the admin through
``full_clean``, so refusing in ``clean_fields`` covers every write path
that validates; outputs that must not fail (feeds) strip what slipped in
before, with ``strip_control_characters``.
"""

import re

from django.core.exceptions import ValidationError
from django.db import models

# C0 and C1 controls except tab, LF and CR, plus what XML 1.0 cannot carry at
# all (lone surrogates, U+FFFE, U+FFFF).
CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def validate_no_control_characters(value) -> None:
    if not isinstance(value, str):
        return
    found = CONTROL_CHARACTERS.search(value)
    if found:
        raise ValidationError(
            "Remove the invisible control character U+%(code)04X (character %(position)d): "
            "it cannot be shown to readers or sent in feeds.",
            code="control_character",
            params={"code": ord(found.group()), "position": found.start() + 1},
        )


def strip_control_characters(value):
    """``value`` without control characters (non-strings pass through)."""
    return CONTROL_CHARACTERS.sub("", value) if isinstance(value, str) else value


class RefusesControlCharacters:
    """Model mixin: every text field refuses control characters in ``full_clean``.

    Listed before ``models.Model`` in a model's bases; it adds no fields, so
    it needs no migration.
    """

    def clean_fields(self, exclude=None):
        errors = {}
        try:
            super().clean_fields(exclude=exclude)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        for field in self._meta.concrete_fields:
            if not isinstance(field, models.CharField | models.TextField):
                continue
            if (exclude and field.name in exclude) or field.name in errors:
                continue
            try:
                validate_no_control_characters(getattr(self, field.attname))
            except ValidationError as error:
                errors[field.name] = error.error_list
        if errors:
            raise ValidationError(errors)
