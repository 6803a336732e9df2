"""Refuse request bodies larger than MAX_REQUEST_BYTES before reading them.

gunicorn has no limit on the body; Django's DATA_UPLOAD_MAX_MEMORY_SIZE
does not count uploaded files. The largest legitimate request is an image
upload (images.processing.Limits.max_bytes) with a few form fields.
"""

from django.conf import settings
from django.http import HttpResponse


class RequestSizeLimitMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            return HttpResponse("Bad Content-Length.", status=400, content_type="text/plain")
        if length > settings.MAX_REQUEST_BYTES:
            limit = settings.MAX_REQUEST_BYTES // (1024 * 1024)
            return HttpResponse(
                f"This request is too large: the limit is {limit} MB.",
                status=413,
                content_type="text/plain; charset=utf-8",
            )
        return self.get_response(request)
