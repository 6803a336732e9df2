"""The desk on the admin index: ``{% load desk %}{% desk %}``."""

from django import template

from articles.desk import desk_for

register = template.Library()


@register.inclusion_tag("admin/includes/desk.html", takes_context=True)
def desk(context):
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_active:
        return {"desk": None}
    return {"desk": desk_for(user), "request": request}
