"""The image form editors upload with, and the check for images that stand alone."""

from django import forms
from django.core.exceptions import ValidationError

from .models import Image
from .processing import ACCEPTED_FORMATS, FORMAT_NAMES, ImageRefused, Limits, process
from .storage import NotStored, write_files
from .validation import describe_refusal, read_upload

ACCEPT_ATTRIBUTE = ",".join(f"image/{name.lower()}" for name in ACCEPTED_FORMATS)


def upload_help_text() -> str:
    limits = Limits.from_settings()
    formats = ", ".join(FORMAT_NAMES[name] for name in ACCEPTED_FORMATS)
    return (
        f"{formats}; at most {limits.max_bytes // (1024 * 1024)} MB and "
        f"{limits.max_pixels // 1_000_000} megapixels. The file is re-encoded and stripped of "
        "its metadata (camera, GPS position), and smaller copies are made for phones."
    )


def check_description(alt_text: str, is_decorative: bool) -> dict:
    """Errors by field for the alt-text rule: described, or explicitly decorative."""
    if is_decorative and alt_text.strip():
        return {
            "alt_text": "A decorative picture has no alt text: clear it, or untick “decorative”."
        }
    if not is_decorative and not alt_text.strip():
        return {
            "alt_text": "Say what the picture shows, or tick “decorative” if it adds nothing "
            "a reader would miss."
        }
    return {}


class ImageForm(forms.ModelForm):
    upload = forms.FileField(
        label="Picture",
        widget=forms.ClearableFileInput(attrs={"accept": ACCEPT_ATTRIBUTE}),
    )

    class Meta:
        model = Image
        fields = ["alt_text", "is_decorative", "caption", "credit"]
        widgets = {
            "alt_text": forms.TextInput(attrs={"class": "vLargeTextField"}),
            "caption": forms.TextInput(attrs={"class": "vLargeTextField"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.processed = None
        self.stored = None  # the stored files' field values, once the form is valid
        if self.instance.pk:
            del self.fields["upload"]  # files never change; upload a new image instead
        else:
            self.fields["upload"].help_text = upload_help_text()

    def clean_upload(self):
        upload = self.cleaned_data["upload"]
        try:
            self.processed = process(read_upload(upload), Limits.from_settings())
        except ImageRefused as refusal:
            raise ValidationError(describe_refusal(upload, refusal)) from None
        existing = Image.objects.filter(key=self.processed.key).first()
        if existing is not None:
            raise ValidationError(
                f"This picture is already uploaded, as “{existing}”. Choose that one instead."
            )
        return upload

    def clean(self):
        cleaned = super().clean()
        for field, message in check_description(
            cleaned.get("alt_text", ""), cleaned.get("is_decorative", False)
        ).items():
            self.add_error(field, message)
        if self.processed is not None and not self.errors:
            # Stored while the form can still say so: a full disk is a field
            # error with the form kept, not a 500 after the editor's typing.
            try:
                self.stored = write_files(self.processed)
            except NotStored as refusal:
                self.add_error("upload", describe_refusal(cleaned["upload"], refusal))
        return cleaned


def validate_described(image):
    """For posters and hero images: they appear on their own, so they need alt text."""
    if isinstance(image, Image) and not image.is_described:
        raise ValidationError(
            f"“{image}” has no alt text yet. Open it (the pencil) and describe it, or mark it "
            "decorative."
        )
