from django.contrib import admin
from markdownx.models import MarkdownxField
from markdownx.widgets import AdminMarkdownxWidget

from writing.markdown import validate_markdown_images

from .models import Question


class QuestionInline(admin.StackedInline):
    """The article's FAQ, edited on the article (questions have no life of their own)."""

    model = Question
    fields = ["question", "answer", "is_spoiler", "sort_order"]
    ordering = ["sort_order", "pk"]
    extra = 0
    formfield_overrides = {
        MarkdownxField: {"widget": AdminMarkdownxWidget, "validators": [validate_markdown_images]}
    }
