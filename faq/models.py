from django.db import models
from markdownx.models import MarkdownxField

from filmsite.text import RefusesControlCharacters


class Question(RefusesControlCharacters, models.Model):
    """A reader's question on an article, shown in the numbered FAQ."""

    article = models.ForeignKey(
        "articles.Article", on_delete=models.CASCADE, related_name="questions"
    )
    question = models.CharField(
        max_length=300,
        help_text="As a reader would ask it. Spoiler-free, even when the answer is not.",
    )
    answer = MarkdownxField(help_text="A short answer in Markdown.")
    is_spoiler = models.BooleanField(
        "spoiler",
        default=False,
        help_text="Tick if the answer gives away the plot. It is then collapsed on the page "
        "and left out of search results and structured data.",
    )
    sort_order = models.PositiveSmallIntegerField(
        "order", default=0, help_text="Questions are numbered from the lowest order up."
    )

    class Meta:
        ordering = ["sort_order", "pk"]

    def __str__(self):
        return self.question
