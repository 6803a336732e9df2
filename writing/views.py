"""The editor's live Markdown preview (markdownx posts the text here).

Replaces markdownx's own view, which fails with a 500 on a request without
a ``content`` field and renders whatever it is sent: this one is for staff
only, answers 400 to a malformed request, and shows why text beyond
writing.limits cannot be previewed instead of handing it to the parser.
"""

from django.contrib.admin.views.decorators import staff_member_required
from django.http import HttpResponse, HttpResponseBadRequest
from django.utils.html import format_html, format_html_join
from django.views.decorators.http import require_POST

from .markdown import MarkdownRefused, render_markdown_or_refuse


@staff_member_required
@require_POST
def markdown_preview(request):
    text = request.POST.get("content")
    if text is None:
        return HttpResponseBadRequest(
            "Send the Markdown to preview as the form field “content”.",
            content_type="text/plain; charset=utf-8",
        )
    try:
        html = render_markdown_or_refuse(text)
    except MarkdownRefused as refused:
        html = format_html(
            '<div class="markdownx-refused" role="alert"><p>This text cannot be previewed '
            "or published as it is:</p><ul>{}</ul></div>",
            format_html_join("", "<li>{}</li>", ((problem,) for problem in refused.problems)),
        )
    response = HttpResponse(html)
    response["Cache-Control"] = "no-store"
    return response
