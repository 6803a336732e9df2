from django import forms

from filmsite.text import validate_no_control_characters

from .models import EMAIL_MAX_LENGTH, MESSAGE_MAX_LENGTH, MESSAGE_MIN_LENGTH

HONEYPOT_FIELD = "website"


class CorrectionForm(forms.Form):
    message = forms.CharField(
        label="What should we correct?",
        min_length=MESSAGE_MIN_LENGTH,
        max_length=MESSAGE_MAX_LENGTH,
        validators=[validate_no_control_characters],
        help_text=(
            f"Tell us what is wrong and, if you can, where you found the right answer. "
            f"Between {MESSAGE_MIN_LENGTH} and {MESSAGE_MAX_LENGTH} characters; plain text only."
        ),
        widget=forms.Textarea(attrs={"rows": 8, "cols": 60}),
        error_messages={
            "required": "Please tell us what should be corrected.",
            "min_length": "Please write at least %(limit_value)d characters "
            "(you wrote %(show_value)d).",
            "max_length": "Please keep it to %(limit_value)d characters "
            "(you wrote %(show_value)d).",
        },
    )
    email = forms.EmailField(
        label="Your e-mail (optional)",
        required=False,
        # The model's limit, checked here so a long address is a field error.
        max_length=EMAIL_MAX_LENGTH,
        help_text="Only if you would like a reply. We never publish it.",
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={
            "invalid": "Please enter an e-mail address like name@example.com.",
            "max_length": "An e-mail address has at most %(limit_value)d characters "
            "(this one has %(show_value)d).",
        },
    )
    # A honeypot: hidden from people (and from assistive technology) by the
    # template, but present in the HTML for bots that fill in every field.
    # The view discards any submission that fills it (HONEYPOT_FIELD).
    website = forms.CharField(
        label="Leave this field empty",
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
