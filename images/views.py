"""The editor's drag-and-drop upload endpoint, and media serving for DEBUG."""

from django.contrib.auth.decorators import permission_required
from django.core.files.storage import default_storage
from django.http import JsonResponse
from django.views.decorators.http import require_POST
from django.views.static import serve

from .processing import ImageRefused
from .storage import store_upload
from .validation import describe_refusal, read_upload

# A year: media names are content hashes, so a name never points at new bytes.
IMMUTABLE = "public, max-age=31536000, immutable"


@require_POST
@permission_required("images.add_image", raise_exception=True)
def markdownx_upload(request):
    """What markdownx's editor posts a dropped or pasted file to.

    Answers as markdownx expects: {"image_code": "![](url)"} on success, or
    HTTP 400 with {"image": [reason]} (the admin script shows the reason).
    """
    upload = request.FILES.get("image")
    if upload is None:
        return JsonResponse({"image": ["No file arrived; try again."]}, status=400)
    try:
        image = store_upload(data=read_upload(upload), user=request.user)
    except ImageRefused as refusal:
        return JsonResponse({"image": [describe_refusal(upload, refusal)]}, status=400)
    fallback = max((r for r in image.renditions if r["format"] != "webp"), key=lambda r: r["width"])
    url = default_storage.url(fallback["name"])
    return JsonResponse({"image_code": f"![]({url})", "url": url})


def serve_media(request, path, document_root=None):
    """django.views.static.serve plus the headers the object store/CDN sends in production."""
    response = serve(request, path, document_root=document_root)
    if path.startswith("images/"):
        response["Cache-Control"] = IMMUTABLE
    else:
        response["Cache-Control"] = "public, max-age=3600"
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response
